import assert from "node:assert/strict";
import {
  accuracyStat,
  figure1,
  figure1Curves,
  type Figure1Row,
} from "../../lib/figures/fig1.ts";
import { COLOR_CYCLE } from "../../lib/plot/colors.ts";
import { svgToPng } from "../../lib/plot/render.ts";
import {
  parseSvgDocument,
  PNG_SIGNATURE,
  pngSize,
  svgTexts,
} from "../plot/_svg.ts";
import { syntheticFig1Rows } from "./_fig1_synthetic.ts";

const NS = [2, 4, 8, 16, 32, 64];
const ROWS = syntheticFig1Rows({ ns: NS, epochs: 22, seed: 1 });

/** Elements of the marks with the given aria-label. */
function marks(svg: string, label: string, element: string) {
  return [
    ...parseSvgDocument(svg).querySelectorAll(
      `g[aria-label="${label}"] ${element}`,
    ),
  ];
}

Deno.test("figure1() draws three rows in B and three models in C", () => {
  const svg = figure1(ROWS, { focusN: 8 });
  const texts = svgTexts(svg);
  for (const label of ["Train", "Test (in)", "Test (out)", "Chance"]) {
    assert.equal(texts.filter((t) => t === label).length, 1, label);
  }
  // Each model names a row of B and an entry of C's legend.
  for (const model of ["MLP", "CNN", "ViT"]) {
    assert.equal(texts.filter((t) => t === model).length, 2, model);
  }
  for (const label of ["B", "C", "N = 8", "Epoch", "N"]) {
    assert.ok(texts.includes(label), label);
  }
  assert.equal(texts.filter((t) => t === "Accuracy").length, 3);
  // Only the bottom row of B has x tick labels: epochs 0, 5, ..., 20.
  assert.deepEqual(
    marks(svg, "x-axis tick label", "text").map((t) => t.textContent).slice(
      0,
      5,
    ),
    ["0", "5", "10", "15", "20"],
  );
  // C's x axis is log2 with one tick per N.
  assert.deepEqual(
    marks(svg, "x-axis tick label", "text").slice(5).map((t) => t.textContent),
    NS.map(String),
  );
  // B: train, test-in, test-out per row; C: one line per model.
  assert.equal(marks(svg, "line", "path").length, 3 * 3 + 3);
  // CI bands: test-out in each row of B, one per model in C.
  assert.equal(marks(svg, "area", "path").length, 3 + 3);
  // Chance level: one rule per row.
  assert.equal(marks(svg, "rule", "line").length, 3);
  // C: one marker per (model, N), plus three legend markers.
  const dots = marks(svg, "dot", "path").length +
    marks(svg, "dot", "circle").length;
  assert.equal(dots, 3 * NS.length + 3 + 4);
  assert.equal(svg.split("@font-face").length - 1, 1);
});

Deno.test("figure1() dashes test curves and colours test-out", () => {
  const svg = figure1(ROWS);
  const lines = marks(svg, "line", "path");
  const dashed = lines.filter((p) =>
    (p.closest("g")?.getAttribute("stroke-dasharray") ?? "") === "4,3"
  );
  // Test-in and test-out in each of the three rows.
  assert.equal(dashed.length, 6);
  const strokes = lines.map((p) =>
    (p.closest("g")?.getAttribute("stroke") ?? "").toUpperCase()
  );
  assert.equal(strokes.filter((s) => s === "BLACK").length, 6);
  for (const colour of COLOR_CYCLE.slice(0, 3)) {
    assert.ok(strokes.includes(colour.toUpperCase()), colour);
  }
});

Deno.test("figure1Curves() averages digits with CI = 1.96·std/√count", () => {
  const rows: Figure1Row[] = [0.2, 0.4, 0.6].flatMap((accuracy, digit) => [
    { model: "CNN", digit, n: 4, epoch: 3, split: "test-out", accuracy },
    // An earlier epoch must not reach panel C.
    { model: "CNN", digit, n: 4, epoch: 1, split: "test_out", accuracy: 0.9 },
    { model: "cnn", digit, n: 8, epoch: 3, split: "test_out", accuracy: 1 },
    { model: "resnet", digit, n: 4, epoch: 3, split: "train", accuracy: 1 },
  ]);
  const curves = figure1Curves(rows, { focusN: 4 });
  assert.deepEqual(curves.map((c) => c.model), ["cnn"]);
  const [c] = curves;
  // std (ddof 0) of [0.2, 0.4, 0.6] = √(0.08/3) = 0.163299.
  const ci = 1.96 * Math.sqrt(0.08 / 3) / Math.sqrt(3);
  assert.deepEqual(c.finalTestOut.map((p) => p.x), [4, 8]);
  assert.ok(Math.abs(c.finalTestOut[0].mean - 0.4) < 1e-12);
  assert.ok(Math.abs(c.finalTestOut[0].ci - ci) < 1e-12);
  // numpy: 1.96 * np.std([0.2, 0.4, 0.6]) / np.sqrt(3).
  assert.ok(Math.abs(ci - 0.18479057215) < 1e-10);
  assert.equal(c.finalTestOut[1].ci, 0);
  assert.deepEqual(c.testOut.map((p) => [p.x, p.count]), [[1, 3], [3, 3]]);
  assert.ok(Math.abs(c.testOut[0].mean - 0.9) < 1e-12);
  assert.deepEqual(c.train, []);
});

Deno.test("accuracyStat() matches numpy and rejects empty input", () => {
  // numpy: x = [0.1, 0.5, 0.5, 0.9]; 1.96 * x.std() / 2 = 0.2771858582251267
  const stat = accuracyStat([0.1, 0.5, 0.5, 0.9]);
  assert.ok(Math.abs(stat.mean - 0.5) < 1e-12);
  assert.ok(Math.abs(stat.ci - 0.27718585822513) < 1e-12);
  assert.throws(
    () => accuracyStat([]),
    (e: unknown) =>
      e instanceof RangeError && /at least one digit/.test(e.message),
  );
});

Deno.test("figure1() leaves out models that are absent", () => {
  const rows = syntheticFig1Rows({
    ns: [4, 8],
    epochs: 5,
    seed: 2,
    models: ["cnn"],
  });
  const svg = figure1(rows, { focusN: 8 });
  const texts = svgTexts(svg);
  assert.equal(texts.filter((t) => t === "CNN").length, 2);
  assert.ok(!texts.includes("MLP") && !texts.includes("ViT"));
  assert.equal(texts.filter((t) => t === "Accuracy").length, 1);
  assert.equal(marks(svg, "area", "path").length, 2);
  assert.equal(marks(svg, "line", "path").length, 4);
});

Deno.test("figure1() rejects a focus N without rows", () => {
  assert.throws(
    () => figure1(ROWS, { focusN: 3 }),
    (e: unknown) =>
      e instanceof RangeError && /expected rows at N = 3/.test(e.message),
  );
});

Deno.test("figure1() rasterises to a PNG twice its size", () => {
  const svg = figure1(ROWS);
  const root = parseSvgDocument(svg).documentElement;
  const png = svgToPng(svg, { scale: 2 });
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  assert.deepEqual(pngSize(png), {
    width: Math.round(2 * Number(root.getAttribute("width"))),
    height: Math.round(2 * Number(root.getAttribute("height"))),
  });
});
