import assert from "node:assert/strict";
import { figure2, spectrumSketchData } from "../../lib/figures/fig2.ts";
import { svgToPng } from "../../lib/plot/render.ts";
import {
  parseSvgDocument,
  PNG_SIGNATURE,
  pngSize,
  svgTexts,
} from "../plot/_svg.ts";

function assertClose(
  actual: ArrayLike<number>,
  expected: number[],
  tol: number,
) {
  assert.equal(actual.length, expected.length);
  expected.forEach((e, k) =>
    assert.ok(
      Math.abs(actual[k] - e) <= tol,
      `[${k}]: got ${actual[k]}, paper.md F.2 ${e}`,
    )
  );
}

Deno.test("spectrumSketchData() reproduces paper.md F.2", () => {
  const data = spectrumSketchData();
  assertClose(data.kernelRow, [
    0.018316,
    0.008808,
    0.049787,
    0.049787,
    0.367879,
    0.281408,
    1,
    0.281408,
    0.367879,
    0.049787,
    0.049787,
    0.008808,
  ], 1e-6);
  assertClose(data.eigenvalues, [
    2.533656,
    1.771933,
    0.791292,
    0.3455,
    0.410007,
    0.82762,
    1.173641,
    0.82762,
    0.410007,
    0.3455,
    0.791292,
    1.771933,
  ], 1e-6);
  assertClose(data.inverseSpectrum, [
    0.136364,
    0.194985,
    0.436627,
    1.0,
    0.842668,
    0.417462,
    0.294383,
  ], 1e-6);
  assert.ok(Math.abs(data.spectralError - 0.568468) <= 1e-6);
  // d² and k agree: k = exp(−L²·d²) with L = 1.
  data.kernel.forEach((k, i) =>
    assert.ok(Math.abs(k - Math.exp(-data.sqDistances[i])) < 1e-12)
  );
});

Deno.test("figure2() draws both matrices, the row, bounds and labels", () => {
  const svg = figure2();
  const doc = parseSvgDocument(svg);
  const texts = svgTexts(svg);
  for (const letter of ["A", "B", "C"]) {
    assert.equal(texts.filter((t) => t === letter).length, 1, letter);
  }
  for (const label of ["Δ", "Same", "Opp.", "λ_N⁻¹", "j − N", "d²(xᵢ, xⱼ)"]) {
    assert.ok(texts.includes(label), label);
  }
  // Two 12 × 12 heatmaps as rect cells.
  const cellGroups = [...doc.querySelectorAll('g[aria-label="rect"]')]
    .filter((g) => g.querySelectorAll("rect").length === 144);
  assert.equal(cellGroups.length, 2);
  // Dots: 12 data points, 12 kernel-row points, 7 spectrum points.
  const dotCount = [...doc.querySelectorAll('g[aria-label="dot"]')]
    .map((g) => g.querySelectorAll("circle, path").length);
  assert.deepEqual(dotCount.filter((c) => c > 5).sort(), [12, 12, 7].sort());
  // Spectrum x ticks read "1" and "N" (paper.md 7.3).
  assert.ok(texts.includes("1") && texts.includes("N"));
  assert.equal(svg.split("@font-face").length - 1, 1);
});

Deno.test("figure2() rasterises to a PNG of twice its SVG size", () => {
  const svg = figure2();
  const root = parseSvgDocument(svg).documentElement;
  const png = svgToPng(svg, { scale: 2 });
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  assert.deepEqual(pngSize(png), {
    width: Math.round(2 * Number(root.getAttribute("width"))),
    height: Math.round(2 * Number(root.getAttribute("height"))),
  });
});
