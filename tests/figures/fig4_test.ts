import assert from "node:assert/strict";
import type { PairResult } from "../../lib/analysis/pair_result.ts";
import {
  contourLevels,
  figure4,
  figure4PanelB,
  figure4PanelC,
  figure4PanelD,
  figure4PanelE,
  figure4Title,
} from "../../lib/figures/fig4.ts";
import { SEMAPHORE } from "../../lib/plot/colors.ts";
import { svgToPng } from "../../lib/plot/render.ts";
import {
  parseSvgDocument,
  PNG_SIGNATURE,
  pngSize,
  svgTexts,
} from "../plot/_svg.ts";
import { syntheticRows } from "./_synthetic.ts";

const ROWS = syntheticRows(8, 64, 3);

function circles(svg: string) {
  return [...parseSvgDocument(svg).querySelectorAll("circle")];
}

Deno.test("figure4() draws panels B–E with letters, title and labels", () => {
  const svg = figure4(ROWS, { n: 8 });
  const texts = svgTexts(svg);
  for (const letter of ["B", "C", "D", "E"]) {
    assert.equal(texts.filter((t) => t === letter).length, 1, letter);
  }
  assert.ok(texts.includes("N_rot = 8"));
  assert.equal(texts.filter((t) => t === "Exact error (NTK)").length, 2);
  assert.equal(texts.filter((t) => t === "Spectral error (NTK)").length, 2);
  for (const label of ["Num. correct", "Error magnitude", "λ_N", "Δ²", "1/ρ"]) {
    assert.ok(texts.includes(label), label);
  }
  assert.equal(texts.filter((t) => t === "log₁₀ εₛ").length, 2);
  // One dot per row in each of the scatter panels B, D and E.
  assert.equal(circles(svg).length, 3 * ROWS.length);
  assert.equal(svg.split("@font-face").length - 1, 1);
});

Deno.test("figure4() titles shifts as N_shift and honours a title", () => {
  assert.equal(figure4Title({ n: 16, transform: "shift" }), "N_shift = 16");
  assert.equal(figure4Title({ n: 16 }), "N_rot = 16");
  assert.equal(figure4Title({ n: 16, title: "CNN-GAP" }), "CNN-GAP");
  assert.ok(
    svgTexts(figure4(ROWS, { n: 8, transform: "shift" })).includes(
      "N_shift = 8",
    ),
  );
});

Deno.test("figure4PanelB() colours dots by Num. correct (semaphore)", () => {
  const fills = circles(figure4PanelB(ROWS, { n: 8 })).map((c) =>
    (c.getAttribute("fill") ?? "").toUpperCase()
  );
  assert.equal(fills.length, ROWS.length);
  for (const k of [0, 1, 2]) {
    assert.equal(
      fills.filter((f) => f === SEMAPHORE[k]).length,
      ROWS.filter((r) => r.correct === k).length,
    );
  }
});

Deno.test("figure4PanelB() draws a dashed diagonal from the origin", () => {
  const doc = parseSvgDocument(figure4PanelB(ROWS, { n: 8 }));
  const line = doc.querySelector('g[aria-label="line"] path');
  assert.equal(line?.closest("g")?.getAttribute("stroke-dasharray"), "4,3");
  // x and y share the domain [0, max], so the path is the frame diagonal.
  const [x0, y0, x1, y1] = (line?.getAttribute("d") ?? "").match(/-?[\d.]+/g)!
    .map(Number);
  assert.ok(x1 > x0 && y1 < y0);
});

Deno.test("contourLevels() spans the joint error range in 11 steps", () => {
  const levels = contourLevels(ROWS);
  const all = ROWS.flatMap((r) => [r.exactError, r.spectralError]);
  assert.equal(levels.length, 11);
  assert.equal(levels[0], Math.min(...all));
  assert.ok(Math.abs(levels[10] - Math.max(...all)) < 1e-12);
});

Deno.test("figure4PanelC() fills 10 bands in each of its two maps", () => {
  const doc = parseSvgDocument(figure4PanelC(ROWS, { n: 8, gridSize: 60 }));
  const maps = doc.querySelectorAll('g[aria-label="contour"]');
  assert.equal(maps.length, 2);
  for (const map of maps) assert.equal(map.querySelectorAll("path").length, 10);
  assert.ok(
    svgTexts(doc.documentElement.outerHTML).includes("Error magnitude"),
  );
});

Deno.test("figure4PanelC() says so when the points lie on a line", () => {
  // Collapsed orbits: ⟨λ⁻¹⟩ is a constant ridge term plus λ_N⁻¹/2N.
  const collinear = ROWS.map((row) => ({
    ...row,
    lambdaAvg: 2.29e9 + row.lambdaLast * 1e5,
  }));
  const panel = figure4PanelC(collinear, { n: 8, gridSize: 60 });
  const texts = svgTexts(panel);
  assert.equal(
    texts.filter((t) => t === "no contour: the points lie on a line").length,
    2,
  );
  assert.ok(texts.some((t) => t.startsWith("⟨λ⁻¹⟩ − 2.29")), texts.join("|"));
  assert.equal(
    svgTexts(figure4PanelC(ROWS, { n: 8, gridSize: 60 })).filter((t) =>
      t.startsWith("no contour")
    ).length,
    0,
  );
});

Deno.test("figure4PanelD() and E() plot every row with a colourbar", () => {
  for (const panel of [figure4PanelD, figure4PanelE]) {
    const svg = panel(ROWS, { n: 8 });
    assert.equal(circles(svg).length, ROWS.length);
    assert.ok(svgTexts(svg).includes("log₁₀ εₛ"));
  }
});

Deno.test("figure4() rejects rows of another N", () => {
  const rows: PairResult[] = [...ROWS, { ...ROWS[0], n: 16, pair: 99 }];
  assert.throws(() => figure4(rows, { n: 8 }), {
    name: "RangeError",
    message: /N = 8: found a row with n = 16 \(pair 99\)/,
  });
});

Deno.test("figure4() rasterises to a PNG of twice its SVG size", () => {
  const svg = figure4(ROWS, { n: 8, gridSize: 60 });
  const root = parseSvgDocument(svg).documentElement;
  const width = Number(root.getAttribute("width"));
  const height = Number(root.getAttribute("height"));
  const png = svgToPng(svg, { scale: 2 });
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  assert.deepEqual(pngSize(png), {
    width: Math.round(2 * width),
    height: Math.round(2 * height),
  });
});

Deno.test("figure4PanelB() matches its rounded snapshot", async () => {
  // Dot centres (px, 1 decimal) and fills of panel B for 12 seeded rows.
  // Regenerate with UPDATE_SNAPSHOTS=1 after an intended change.
  const dots = circles(figure4PanelB(syntheticRows(8, 12, 5), { n: 8 })).map(
    (c) => [
      Number(Number(c.getAttribute("cx")).toFixed(1)),
      Number(Number(c.getAttribute("cy")).toFixed(1)),
      c.getAttribute("fill"),
    ],
  );
  const path = new URL("./fixtures/fig4_panel_b.json", import.meta.url);
  if (Deno.env.get("UPDATE_SNAPSHOTS") === "1") {
    await Deno.writeTextFile(path, JSON.stringify(dots, null, 1) + "\n");
  }
  assert.deepEqual(dots, JSON.parse(await Deno.readTextFile(path)));
});
