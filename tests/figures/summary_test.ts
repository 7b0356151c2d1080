import assert from "node:assert/strict";
import type { PairResult } from "../../lib/analysis/pair_result.ts";
import { correctFractions, summaryFigure } from "../../lib/figures/summary.ts";
import { parseSvgDocument, svgTexts } from "../plot/_svg.ts";
import { syntheticRows } from "./_synthetic.ts";

function row(n: number, correct: number, spectralError: number): PairResult {
  return { ...syntheticRows(n, 1, 0)[0], correct, spectralError };
}

Deno.test("correctFractions() averages correct/2 and counts ε_s < 1", () => {
  const rowsByN = new Map([
    [4, [row(4, 0, 0.5), row(4, 1, 1.5), row(4, 2, 0.99), row(4, 2, 1)]],
    [2, [row(2, 2, 3), row(2, 1, 0.1)]],
  ]);
  assert.deepEqual(correctFractions(rowsByN), [
    { n: 2, exact: 0.75, spectral: 0.5 },
    { n: 4, exact: 0.625, spectral: 0.5 },
  ]);
});

Deno.test("correctFractions() rejects rows filed under the wrong N", () => {
  assert.throws(() => correctFractions(new Map([[2, [row(4, 1, 1)]]])), {
    name: "RangeError",
    message: /N = 2: found a row with n = 4/,
  });
  assert.throws(() => correctFractions(new Map()), {
    name: "RangeError",
    message: /expected rows for at least one N/,
  });
});

Deno.test("summaryFigure() draws two boxes per N and two fractions per N", () => {
  const ns = [2, 8, 32];
  const rowsByN = new Map(ns.map((n, k) => [n, syntheticRows(n, 40, k)]));
  const svg = summaryFigure(rowsByN, { title: "1HL MLP NTK" });
  const doc = parseSvgDocument(svg);
  assert.equal(
    doc.querySelectorAll('g[aria-label="bar"] rect').length,
    2 * ns.length,
  );
  assert.equal(doc.querySelectorAll('g[aria-label="line"] path').length, 2);
  const texts = svgTexts(svg);
  for (const t of ["1HL MLP NTK", "A", "B", "Fraction correct", "Error"]) {
    assert.ok(texts.includes(t), t);
  }
  for (const n of ns) {
    assert.equal(texts.filter((t) => t === String(n)).length, 2, `N = ${n}`);
  }
  assert.equal(svg.split("@font-face").length - 1, 1);
});
