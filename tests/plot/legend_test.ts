import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { SEMAPHORE, viridis } from "../../lib/plot/colors.ts";
import {
  colourbarSvg,
  numCorrectColourbarSvg,
  swatchLegendMarks,
  viridisColourbarSvg,
} from "../../lib/plot/legend.ts";
import { renderPlot } from "../../lib/plot/render.ts";
import { parseSvgDocument, svgTexts } from "./_svg.ts";

function bandFills(svg: string): string[] {
  return [
    ...parseSvgDocument(svg).querySelectorAll('g[aria-label="rect"] rect'),
  ]
    .map((r) => r.getAttribute("fill") ?? "");
}

Deno.test("numCorrectColourbarSvg() has three semaphore bands ticked 0, 1, 2", () => {
  const svg = numCorrectColourbarSvg({ height: 200 });
  assert.deepEqual(bandFills(svg), [...SEMAPHORE]);
  const texts = svgTexts(svg);
  assert.deepEqual(texts.filter((t) => /^\d$/.test(t)), ["0", "1", "2"]);
  assert.ok(texts.includes("Num. correct"));
});

Deno.test("numCorrectColourbarSvg() ticks sit at band centres 1/3, 1, 5/3", () => {
  // With margins 20/20 and height 200 the bar spans y = 20..180 for 0..2.
  const doc = parseSvgDocument(numCorrectColourbarSvg({ height: 200 }));
  const ys = [...doc.querySelectorAll('g[aria-label="y-axis tick"] path')]
    .map((p) =>
      Number(
        /translate\([^,]+,([^)]+)\)/.exec(p.getAttribute("transform") ?? "")
          ?.[1],
      )
    );
  const expected = [1 / 3, 1, 5 / 3].map((v) => 180 - (v / 2) * 160);
  assert.equal(ys.length, 3);
  ys.forEach((y, k) => assert.ok(Math.abs(y - expected[k]) < 1e-9));
});

Deno.test("viridisColourbarSvg() draws 64 bands from viridis(0) to viridis(1)", () => {
  const fills = bandFills(
    viridisColourbarSvg([-1, 2], { label: "log₁₀ εₛ", height: 200 }),
  );
  assert.equal(fills.length, 64);
  assert.equal(fills[0], viridis(0.5 / 64));
  assert.equal(fills[63], viridis(63.5 / 64));
});

Deno.test("viridisColourbarSvg() rejects an empty domain", () => {
  assert.throws(
    () => viridisColourbarSvg([1, 1], { label: "x", height: 100 }),
    { name: "RangeError", message: /expected finite min < max, got \[1, 1\]/ },
  );
});

Deno.test("colourbarSvg() rejects an empty band list", () => {
  assert.throws(() => colourbarSvg({ bands: [], label: "x", height: 100 }), {
    name: "RangeError",
    message: /expected at least one band, got 0/,
  });
});

Deno.test("swatchLegendMarks() draws one swatch and one label per entry", () => {
  const items = [
    { label: "Exact", color: "#F05039" },
    { label: "Spectral", color: "#3D65A5" },
  ];
  for (const symbol of ["square", "line"] as const) {
    const svg = renderPlot({
      width: 200,
      height: 100,
      x: { domain: [0, 1] },
      marks: swatchLegendMarks(items, { frameAnchor: "top-right", symbol }),
    }, { embedFont: false });
    const texts = svgTexts(svg);
    assert.ok(texts.includes("Exact") && texts.includes("Spectral"));
    const swatches = [
      ...parseSvgDocument(svg).querySelectorAll('g[aria-label="dot"] path'),
    ];
    const attribute = symbol === "line" ? "stroke" : "fill";
    assert.deepEqual(
      swatches.map((s) =>
        s.getAttribute(attribute) ?? s.parentElement?.getAttribute(attribute)
      ),
      ["#F05039", "#3D65A5"],
    );
  }
});

Deno.test("swatchLegendMarks() returns marks Plot accepts", () => {
  const marks = swatchLegendMarks([{ label: "a", color: "red" }]);
  assert.equal(marks.length, 2);
  assert.ok(marks.every((m) => m instanceof Plot.Mark));
});
