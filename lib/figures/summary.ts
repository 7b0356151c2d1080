/**
 * Summary figure across orbit sizes N for one two-seed kernel experiment:
 * the distributions of the exact and spectral errors per N, and the fraction
 * of correct signs per N (paper.md 7.5 data, 8.5 targets).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { PairResult } from "../analysis/pair_result.ts";
import { COLOR_CYCLE } from "../plot/colors.ts";
import { swatchLegendMarks } from "../plot/legend.ts";
import { composeSvg, renderPlot } from "../plot/render.ts";

/** Options of {@link summaryFigure}. */
export interface SummaryFigureOptions {
  /** Figure title, drawn centred at the top. */
  title: string;
}

/** Per-N fractions of correct signs, as plotted in the right panel. */
export interface CorrectFractions {
  /** Orbit size N. */
  n: number;
  /** Exact kernel regression: mean of correct/2 over the pairs. */
  exact: number;
  /** Spectral: fraction of pairs with ε_s < 1. */
  spectral: number;
}

const EXACT = "Exact";
const SPECTRAL = "Spectral";
const SERIES_COLOURS = [COLOR_CYCLE[0], COLOR_CYCLE[1]];

/**
 * Fractions correct per N: exact = mean(correct / 2), spectral = fraction of
 * pairs with ε_s < 1 (a held-out point is misclassified when its error
 * exceeds 1, paper.md 3.3), sorted by N.
 *
 * @throws {RangeError} If an N has no rows or a row's n differs from its key.
 */
export function correctFractions(
  rowsByN: Map<number, PairResult[]>,
): CorrectFractions[] {
  checkRowsByN(rowsByN);
  return [...rowsByN.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, rows]) => ({
      n,
      exact: rows.reduce((s, r) => s + r.correct / 2, 0) / rows.length,
      spectral: rows.filter((r) => r.spectralError < 1).length / rows.length,
    }));
}

function checkRowsByN(rowsByN: Map<number, PairResult[]>): void {
  if (rowsByN.size === 0) {
    throw new RangeError(
      "Cannot summarise: expected rows for at least one N, got an empty " +
        "map; pass Map<N, PairResult[]>",
    );
  }
  for (const [n, rows] of rowsByN) {
    if (rows.length === 0) {
      throw new RangeError(
        `Cannot summarise N = ${n}: expected at least one row, got 0; ` +
          `drop the empty entry`,
      );
    }
    const other = rows.find((r) => r.n !== n);
    if (other !== undefined) {
      throw new RangeError(
        `Cannot summarise N = ${n}: found a row with n = ${other.n} under ` +
          `key ${n}; group the rows by their n`,
      );
    }
  }
}

const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * Log-axis tick text: "10ᵏ" at powers of ten and blank elsewhere (minor
 * ticks), like matplotlib; plain numbers when the data span less than two
 * powers of ten.
 */
function decadeTickFormat(values: number[]): (v: number) => string {
  const lo = Math.ceil(Math.log10(Math.min(...values)));
  const hi = Math.floor(Math.log10(Math.max(...values)));
  if (hi - lo < 1) return (v) => String(+v.toPrecision(3));
  return (v) => {
    const k = Math.round(Math.log10(v));
    if (Math.abs(v / 10 ** k - 1) > 1e-9) return "";
    const sign = k < 0 ? "⁻" : "";
    const digits = [...String(Math.abs(k))].map((c) => SUPERSCRIPTS[+c]);
    return `10${sign}${digits.join("")}`;
  };
}

/**
 * Summary SVG: left, box plots (quartile box, median tick, 1.5 IQR whiskers,
 * outlier dots) of the exact and spectral errors per N on a log y axis with
 * the misclassification level ε = 1 dashed; right, the fractions of
 * {@link correctFractions} against N on a log2 axis.
 *
 * Errors ≤ 0 cannot sit on a log axis and are left out of the boxes.
 *
 * @param rowsByN PairResult rows keyed by orbit size N.
 * @returns Standalone SVG text (DejaVu Serif embedded), 880 × 350 px.
 * @throws {RangeError} If an N has no rows or a row's n differs from its key.
 */
export function summaryFigure(
  rowsByN: Map<number, PairResult[]>,
  options: SummaryFigureOptions,
): string {
  const fractions = correctFractions(rowsByN);
  const ns = fractions.map((f) => f.n);
  const errors = [...rowsByN.values()].flat().flatMap((r) => [
    { n: r.n, kind: EXACT, error: r.exactError },
    { n: r.n, kind: SPECTRAL, error: r.spectralError },
  ]).filter((d) => d.error > 0 && Number.isFinite(d.error));
  const colour = {
    type: "ordinal" as const,
    domain: [EXACT, SPECTRAL],
    range: SERIES_COLOURS,
  };
  const height = 300;
  const boxes = renderPlot({
    width: 520,
    height,
    marginLeft: 56,
    marginBottom: 40,
    marginTop: 16,
    marginRight: 8,
    fx: {
      domain: ns,
      label: "Orbit size N",
      labelAnchor: "center",
      labelArrow: "none",
      axis: "bottom",
      padding: 0.15,
    },
    x: { domain: [EXACT, SPECTRAL], axis: null, padding: 0.1 },
    y: {
      type: "log",
      tickFormat: decadeTickFormat(errors.map((d) => d.error)),
      label: "Error",
      labelAnchor: "center",
      labelArrow: "none",
      grid: true,
    },
    color: colour,
    marks: [
      Plot.ruleY([1], { stroke: "black", strokeDasharray: "4,3" }),
      Plot.boxY(errors, {
        fx: "n",
        x: "kind",
        y: "error",
        fill: "kind",
        r: 1.2,
      }),
      Plot.frame({ anchor: "left", facet: "super", stroke: "black" }),
    ],
  }, { embedFont: false });
  const long = fractions.flatMap((f) => [
    { n: f.n, kind: EXACT, fraction: f.exact },
    { n: f.n, kind: SPECTRAL, fraction: f.spectral },
  ]);
  const lines = renderPlot({
    width: 340,
    height,
    marginLeft: 56,
    marginBottom: 40,
    marginTop: 16,
    marginRight: 16,
    x: {
      type: "log",
      base: 2,
      domain: [Math.min(...ns) / 1.3, Math.max(...ns) * 1.3],
      ticks: ns,
      tickFormat: (v: number) => String(v),
      label: "Orbit size N",
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      domain: [0, 1.05],
      label: "Fraction correct",
      labelAnchor: "center",
      labelArrow: "none",
      grid: true,
    },
    color: colour,
    marks: [
      Plot.frame({ anchor: "left", stroke: "black" }),
      Plot.frame({ anchor: "bottom", stroke: "black" }),
      Plot.line(long, { x: "n", y: "fraction", stroke: "kind" }),
      Plot.dot(long, { x: "n", y: "fraction", fill: "kind", r: 3 }),
      ...swatchLegendMarks([
        { label: "Exact (correct / 2)", color: SERIES_COLOURS[0] },
        { label: "Spectral (εₛ < 1)", color: SERIES_COLOURS[1] },
      ], { frameAnchor: "bottom-right", dy: 10, symbol: "line" }),
    ],
  }, { embedFont: false });
  // Panel A's key: its facets would repeat an in-plot legend per N.
  const key = renderPlot({
    width: 230,
    height: 30,
    margin: 0,
    x: { axis: null },
    y: { axis: null },
    marks: swatchLegendMarks([
      { label: "Exact error", color: SERIES_COLOURS[0] },
      { label: "Spectral error", color: SERIES_COLOURS[1] },
    ], { frameAnchor: "top-left", dx: 4, dy: 2 }),
  }, { embedFont: false });
  const top = 50;
  return composeSvg([
    { svg: boxes, x: 0, y: top },
    { svg: key, x: 52, y: 24 },
    { svg: lines, x: 530, y: top },
  ], {
    width: 880,
    height: top + height,
    labels: [
      { text: options.title, x: 440, y: 20, fontSize: 14, anchor: "middle" },
      { text: "A", x: 4, y: top + 12, fontSize: 14, bold: true },
      { text: "B", x: 534, y: top + 12, fontSize: 14, bold: true },
    ],
  });
}
