import assert from "node:assert/strict";
import {
  DIFFERENCE_FLOOR,
  groupAgreementFigure,
  type GroupAgreementRow,
  logDifferences,
} from "../../lib/figures/group_agreement.ts";
import { SEMAPHORE } from "../../lib/plot/colors.ts";
import { svgToPng } from "../../lib/plot/render.ts";
import { parseSvgDocument, pngSize, svgTexts } from "../plot/_svg.ts";

const ROWS: GroupAgreementRow[] = Array.from({ length: 30 }, (_, k) => ({
  group: k < 18 ? "D4" : "C4",
  a: k,
  b: k + 100,
  exact: 0.1 * k,
  spectral: 0.1 * k + (k % 3 === 0 ? 0 : 10 ** -(6 + (k % 5))),
  correct: k % 3,
}));

Deno.test("logDifferences() floors exact agreement at 1e-16", () => {
  const logs = logDifferences(ROWS);
  assert.equal(logs[0], Math.log10(DIFFERENCE_FLOOR));
  assert.equal(logs[0], -16);
  assert.ok(Math.abs(logs[1] - -7) < 1e-6);
});

Deno.test("groupAgreementFigure() draws both groups and the histogram", () => {
  const svg = groupAgreementFigure(ROWS);
  const texts = svgTexts(svg);
  for (
    const label of [
      "D₄ (rotations + reflections)",
      "C₄ (rotations)",
      "Num. correct",
      "|exact − spectral|",
      "A",
      "B",
      "C",
    ]
  ) {
    assert.equal(texts.filter((t) => t === label).length, 1, label);
  }
  const doc = parseSvgDocument(svg);
  const dots = [...doc.querySelectorAll('g[aria-label="dot"]')].map((g) =>
    [...g.querySelectorAll("circle")].map((c) =>
      (c.getAttribute("fill") ?? "").toUpperCase()
    )
  );
  // Scatter dots are circles; the legend swatches are paths.
  assert.deepEqual(dots.map((d) => d.length).filter((n) => n > 0), [18, 12]);
  assert.equal(
    dots[0].filter((f) => f === SEMAPHORE[2]).length,
    ROWS.filter((r) => r.group === "D4" && r.correct === 2).length,
  );
  // Both groups' histograms draw bars.
  const bars = [...doc.querySelectorAll('g[aria-label="rect"] rect')];
  assert.ok(bars.length >= 2);
  const root = doc.documentElement;
  assert.deepEqual(pngSize(svgToPng(svg, { scale: 2 })), {
    width: Math.round(2 * Number(root.getAttribute("width"))),
    height: Math.round(2 * Number(root.getAttribute("height"))),
  });
  assert.throws(() => groupAgreementFigure([]), RangeError);
});
