import assert from "node:assert/strict";
import {
  figure3Case1,
  figure3Case1Columns,
  figure3Case2,
  figure3Case2Columns,
  toySpectrum,
} from "../../lib/figures/fig3.ts";
import { svgToPng } from "../../lib/plot/render.ts";
import { deltaSweep, orbitSizeSweep } from "../../lib/toy/sweeps.ts";
import { parseSvgDocument, pngSize, svgTexts } from "../plot/_svg.ts";

/** |actual − printed| within half a unit of the printed last digit. */
function assertPrinted(actual: ArrayLike<number>, printed: string[]) {
  assert.equal(actual.length, printed.length);
  printed.forEach((p, k) => {
    const [mantissa, exponent = "0"] = p.split("e");
    const decimals = mantissa.split(".")[1]?.length ?? 0;
    const tol = 0.5 * 10 ** (Number(exponent) - decimals) * (1 + 1e-9);
    assert.ok(
      Math.abs(actual[k] - Number(p)) <= tol,
      `[${k}]: got ${actual[k]}, paper.md F.1 ${p}`,
    );
  });
}

Deno.test("toySpectrum() and the columns match paper.md F.1 spectra", () => {
  const [c4, c8, c20] = figure3Case2Columns();
  assert.deepEqual([c4.title, c8.title, c20.title], [
    "N = 4",
    "N = 8",
    "N = 20",
  ]);
  assertPrinted(c4.spectrum, [
    "0.82906",
    "0.88152",
    "0.97497",
    "1.0",
    "0.98559",
  ]);
  assertPrinted(c8.spectrum, [
    "0.21081",
    "0.24456",
    "0.36987",
    "0.66018",
    "1.0",
    "0.81478",
    "0.48493",
    "0.32399",
    "0.27968",
  ]);
  assert.equal(c20.spectrum.length, 21);
  const [d0, d12, d15] = figure3Case1Columns();
  assert.deepEqual(
    [d0.title, d12.title, d15.title],
    ["Δ = 0.00", "Δ = 0.55", "Δ = 1.62"],
  );
  assertPrinted(
    d0.spectrum,
    [
      "2.7e-4",
      "4.7e-4",
      "1.41e-3",
      "6.12e-3",
      "0.03473",
      "0.24018",
      "1.0",
    ],
  );
  assertPrinted(d12.spectrum, [
    "0.0287",
    "0.04928",
    "0.1472",
    "0.57792",
    "1.0",
    "0.45194",
    "0.26728",
  ]);
  assertPrinted(d15.spectrum, [
    "0.07808",
    "0.13393",
    "0.39048",
    "1.0",
    "0.51464",
    "0.18055",
    "0.10536",
  ]);
  assert.deepEqual(
    [...toySpectrum(8, { delta: 1, lengthScale: 1.4 })],
    [...c8.spectrum],
  );
});

/** Dot groups with at least `min` marks, as their mark counts. */
function dotCounts(svg: string, min: number): number[] {
  return [...parseSvgDocument(svg).querySelectorAll('g[aria-label="dot"]')]
    .map((g) => g.querySelectorAll("circle").length)
    .filter((c) => c >= min);
}

Deno.test("figure3Case1() leaves Δ = 0 out of the log panel and says so", () => {
  const svg = figure3Case1(deltaSweep());
  const texts = svgTexts(svg);
  for (const label of ["A", "B", "C"]) {
    assert.equal(texts.filter((t) => t === label).length, 1, label);
  }
  for (const label of ["L=0.85, N=6", "Stand.", "Ours", "log Δ", "log ε"]) {
    assert.ok(texts.includes(label), label);
  }
  assert.ok(texts.some((t) => t.startsWith("Δ = 0 not shown")));
  // 20 positive Δ for each of "Stand." and "Ours"; 12 points per dataset.
  assert.deepEqual(dotCounts(svg, 20), [20, 20]);
  assert.deepEqual(dotCounts(svg, 12).filter((c) => c === 12).length, 3);
});

Deno.test("figure3Case2() plots log ε against N for all 12 sizes", () => {
  const svg = figure3Case2(orbitSizeSweep());
  const texts = svgTexts(svg);
  assert.ok(texts.includes("L=1.4, Δ=1"));
  for (const tick of ["4", "25", "50"]) assert.ok(texts.includes(tick), tick);
  // Log-error dots (12 + 12), datasets with 8, 16 and 40 points and
  // spectra with N + 1 = 5, 9 and 21 points.
  assert.deepEqual(
    dotCounts(svg, 5).sort((a, b) => a - b),
    [5, 8, 9, 12, 12, 16, 21, 40],
  );
  const root = parseSvgDocument(svg).documentElement;
  assert.deepEqual(pngSize(svgToPng(svg, { scale: 1 })), {
    width: Math.round(Number(root.getAttribute("width"))),
    height: Math.round(Number(root.getAttribute("height"))),
  });
  assert.throws(() => figure3Case2([]), RangeError);
  assert.throws(
    () => figure3Case1([{ delta: 0, exact: 7.5, spectral: 7.5 }]),
    { name: "RangeError", message: /none positive/ },
  );
});
