import assert from "node:assert/strict";
import { figure5, FIGURE5_PANELS } from "../../lib/figures/fig5.ts";
import { SEMAPHORE } from "../../lib/plot/colors.ts";
import { svgToPng } from "../../lib/plot/render.ts";
import { parseSvgDocument, pngSize, svgTexts } from "../plot/_svg.ts";
import { syntheticRows } from "./_synthetic.ts";

const ROWS = syntheticRows(8, 40, 4);

function panels(missing: number[]) {
  return FIGURE5_PANELS.map((panel, k) => ({
    ...panel,
    rows: missing.includes(k) ? undefined : ROWS,
  }));
}

Deno.test("figure5() draws five lettered, titled panels and one colourbar", () => {
  const svg = figure5(panels([]));
  const texts = svgTexts(svg);
  for (const letter of ["A", "B", "C", "D", "E"]) {
    assert.equal(texts.filter((t) => t === letter).length, 1, letter);
  }
  for (
    const title of ["1HL MLP", "MLP (trained)", "5HL MLP", "CNN-FC", "CNN-GAP"]
  ) {
    assert.equal(texts.filter((t) => t === title).length, 1, title);
  }
  assert.equal(texts.filter((t) => t === "Emp. err. (trained)").length, 1);
  assert.equal(texts.filter((t) => t === "Exact error (NTK)").length, 4);
  assert.equal(texts.filter((t) => t === "Spectral error (NTK)").length, 1);
  assert.equal(texts.filter((t) => t === "Num. correct").length, 1);
  // Ticks 0/1/2 on both axes of five panels.
  assert.equal(texts.filter((t) => t === "2").length, 2 * 5 + 1);
  const doc = parseSvgDocument(svg);
  const fills = [...doc.querySelectorAll("circle")].map((c) =>
    (c.getAttribute("fill") ?? "").toUpperCase()
  );
  assert.equal(fills.length, 5 * ROWS.length);
  const red = ROWS.filter((r) => r.correct === 0).length;
  assert.equal(fills.filter((f) => f === SEMAPHORE[0]).length, 5 * red);
  assert.equal(doc.querySelectorAll('g[aria-label="line"]').length, 5);
});

Deno.test("figure5() keeps the place of a panel without rows", () => {
  const svg = figure5(panels([1, 4]));
  const texts = svgTexts(svg);
  assert.equal(texts.filter((t) => t === "not computed").length, 2);
  // Empty frames keep the ticks 0/1/2 of both axes.
  assert.equal(texts.filter((t) => t === "2").length, 2 * 5 + 1);
  assert.equal(
    parseSvgDocument(svg).querySelectorAll("circle").length,
    3 * ROWS.length,
  );
  const full = parseSvgDocument(figure5(panels([]))).documentElement;
  const root = parseSvgDocument(svg).documentElement;
  assert.equal(root.getAttribute("width"), full.getAttribute("width"));
  assert.deepEqual(pngSize(svgToPng(svg, { scale: 2 })), {
    width: Math.round(2 * Number(root.getAttribute("width"))),
    height: Math.round(2 * Number(root.getAttribute("height"))),
  });
  assert.throws(() => figure5([]), { name: "RangeError", message: /got 0/ });
});
