/**
 * Figure 3: the toy model, error against the class separation Δ (case 1)
 * and against the orbit size N (case 2) (paper.md 7.4, `toy_model.py`).
 *
 * Each case is one SVG: three columns with a toy dataset on top (A) and its
 * normalised inverse spectrum below (C), and on the right the log-error
 * panel (B) with "Stand." (exact) and "Ours" (spectral). Logarithms are
 * natural, as in the reference (log ε runs from 0.046 to −8.63 in case 2,
 * paper.md F.1). The Δ = 0 point of case 1 has log Δ = −∞; it is left out
 * of panel B, and the panel says so.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { rbfGram } from "../kernels/rbf.ts";
import { COLOR_CYCLE } from "../plot/colors.ts";
import { swatchLegendMarks } from "../plot/legend.ts";
import { composeSvg, renderPlot, type SvgLabel } from "../plot/render.ts";
import { inverseSpectrum } from "../spectral/circulant.ts";
import { toyData } from "../toy/toy_data.ts";
import {
  CASE1_DELTAS,
  type DeltaSweepRow,
  type OrbitSizeSweepRow,
} from "../toy/sweeps.ts";
import { inverseSpectrumSvg, toyDatasetSvg } from "./fig2.ts";
import { axisLabel, spines } from "./fig4.ts";

/** Toy parameters of one dataset shown in Figure 3. */
export interface ToySpectrumOptions {
  /** Separation Δ between the circles. */
  delta: number;
  /** RBF L in exp(−L²‖x − x'‖²). */
  lengthScale: number;
  /** Circle radius r; default 1. */
  radius?: number;
}

/**
 * Normalised inverse spectrum of the Figure 3 bottom rows:
 * isp_k = 1/|fft_ortho(k[0])_k + 1e-5| for k = 0..N, divided by its maximum
 * (paper.md 7.4). For N = 8, Δ = 1, L = 1.4 this is [0.21081, 0.24456,
 * 0.36987, 0.66018, 1, 0.81478, 0.48493, 0.32399, 0.27968] (paper.md F.1).
 *
 * @param n Orbit size N per class.
 * @returns `[N + 1]` Float64Array with maximum 1.
 * @throws {RangeError} If N is not a positive integer.
 */
export function toySpectrum(
  n: number,
  options: ToySpectrumOptions,
): Float64Array {
  const points = toyData(n, { delta: options.delta, radius: options.radius });
  const gram = rbfGram(points, 2 * n, { lengthScale: options.lengthScale });
  const isp = inverseSpectrum(gram.subarray(0, 2 * n), {
    norm: "ortho",
    ridge: 1e-5,
  }).slice(0, n + 1);
  const max = Math.max(...isp);
  return isp.map((v) => v / max);
}

/** Options of {@link figure3Case1}; defaults are paper.md 7.4 case 1. */
export interface Figure3Case1Options {
  /** Orbit size N; default 6. */
  n?: number;
  /** RBF L; default 0.85. */
  lengthScale?: number;
  /** Circle radius r; default 1. */
  radius?: number;
  /** Separations of the three columns; default ds[0], ds[12], ds[15]. */
  shownDeltas?: readonly number[];
}

/** Options of {@link figure3Case2}; defaults are paper.md 7.4 case 2. */
export interface Figure3Case2Options {
  /** Separation Δ; default 1. */
  delta?: number;
  /** RBF L; default 1.4. */
  lengthScale?: number;
  /** Circle radius r; default 1. */
  radius?: number;
  /** Orbit sizes of the three columns; default 4, 8, 20. */
  shownNs?: readonly number[];
}

/** One column of the A/C grid: its dataset, spectrum and title. */
export interface Figure3Column {
  /** Title, e.g. "Δ = 0.55" or "N = 8". */
  title: string;
  n: number;
  delta: number;
  /** {@link toySpectrum} of the column, `[N + 1]`. */
  spectrum: Float64Array;
}

/**
 * The three columns of case 1 (titles "Δ = 0.00", "Δ = 0.55", "Δ = 1.62"
 * by default) with their spectra (paper.md 7.4, F.1).
 */
export function figure3Case1Columns(
  options: Figure3Case1Options = {},
): Figure3Column[] {
  const n = options.n ?? 6;
  const lengthScale = options.lengthScale ?? 0.85;
  const shown = options.shownDeltas ??
    [CASE1_DELTAS[0], CASE1_DELTAS[12], CASE1_DELTAS[15]];
  return shown.map((delta) => ({
    title: `Δ = ${delta.toFixed(2)}`,
    n,
    delta,
    spectrum: toySpectrum(n, { delta, lengthScale, radius: options.radius }),
  }));
}

/**
 * The three columns of case 2 (titles "N = 4", "N = 8", "N = 20" by
 * default) with their spectra (paper.md 7.4, F.1).
 */
export function figure3Case2Columns(
  options: Figure3Case2Options = {},
): Figure3Column[] {
  const delta = options.delta ?? 1;
  const lengthScale = options.lengthScale ?? 1.4;
  return (options.shownNs ?? [4, 8, 20]).map((n) => ({
    title: `N = ${n}`,
    n,
    delta,
    spectrum: toySpectrum(n, { delta, lengthScale, radius: options.radius }),
  }));
}

/** One point of panel B: x (log Δ or N) and both log errors. */
interface LogErrorPoint {
  x: number;
  exact: number;
  spectral: number;
}

const COLUMN_WIDTH = 170;
const SCENE_HEIGHT = 170;
const SPECTRUM_HEIGHT = 140;
const ERROR_WIDTH = 230;
const TOP = 10;

/** Panel B: log ε for "Stand." and "Ours" against x. */
function logErrorSvg(
  points: LogErrorPoint[],
  options: {
    title: string;
    xLabel: string;
    xTicks?: number[];
    xDomain?: [number, number];
    note?: string;
    height: number;
  },
): string {
  const series = [
    ...points.map((p) => ({ x: p.x, y: p.exact, s: "Stand." })),
    ...points.map((p) => ({ x: p.x, y: p.spectral, s: "Ours" })),
  ];
  // Headroom of 30 % above the data keeps the legend clear of the curves.
  const ys = series.map((d) => d.y);
  const [lo, hi] = [Math.min(...ys, 0), Math.max(...ys, 0)];
  const logDomain = [lo - 0.04 * (hi - lo), hi + 0.3 * (hi - lo)];
  const exact = series.filter((d) => d.s === "Stand.");
  const ours = series.filter((d) => d.s === "Ours");
  const marks: Plot.Markish[] = [
    ...spines(),
    Plot.ruleY([0], { stroke: "grey", strokeDasharray: "2,2" }),
    Plot.text(["ε = 1"], {
      frameAnchor: "right",
      y: 0,
      dx: -4,
      dy: 7,
      textAnchor: "end",
      fontSize: 9,
      fill: "grey",
    }),
    Plot.line(exact, { x: "x", y: "y", stroke: "black", strokeWidth: 1 }),
    Plot.dot(exact, { x: "x", y: "y", stroke: "black", r: 4, fill: "none" }),
    Plot.line(ours, { x: "x", y: "y", stroke: COLOR_CYCLE[0] }),
    Plot.dot(ours, { x: "x", y: "y", fill: COLOR_CYCLE[0], r: 2 }),
    Plot.text([options.title], {
      frameAnchor: "top",
      dy: -14,
      fontSize: 12,
      fill: "black",
    }),
    ...swatchLegendMarks([
      { label: "Stand.", color: "black" },
      { label: "Ours", color: COLOR_CYCLE[0] },
    ], { frameAnchor: "top-right", symbol: "line", dx: 2, dy: 4 }),
  ];
  if (options.note !== undefined) {
    marks.push(Plot.text([options.note], {
      frameAnchor: "right",
      dx: -4,
      dy: -20,
      textAnchor: "end",
      fontSize: 9,
      fill: "grey",
    }));
  }
  return renderPlot({
    width: ERROR_WIDTH,
    height: options.height,
    marginLeft: 44,
    marginRight: 12,
    marginTop: 28,
    marginBottom: 40,
    x: {
      domain: options.xDomain,
      ticks: options.xTicks,
      tickFormat: "~f",
      ...axisLabel(options.xLabel),
    },
    y: { domain: logDomain, nice: true, ...axisLabel("log ε") },
    marks,
  }, { embedFont: false });
}

/** The A/C grid plus panel B, with panel letters. */
function composeCase(columns: Figure3Column[], panelB: string): string {
  const fitDelta = Math.max(...columns.map((c) => c.delta));
  const panels = columns.flatMap((column, k) => {
    const x = k * COLUMN_WIDTH;
    return [
      {
        svg: toyDatasetSvg(toyData(column.n, { delta: column.delta }), {
          delta: column.delta,
          width: COLUMN_WIDTH,
          height: SCENE_HEIGHT,
          title: column.title,
          fitDelta,
        }),
        x,
        y: TOP,
      },
      {
        svg: inverseSpectrumSvg(column.spectrum, {
          width: COLUMN_WIDTH,
          height: SPECTRUM_HEIGHT,
          tickLabels: ["0", "N"],
          yLabel: k === 0 ? "1/|λ_k| (norm.)" : undefined,
        }),
        x,
        y: TOP + SCENE_HEIGHT,
      },
    ];
  });
  const xB = columns.length * COLUMN_WIDTH + 16;
  const height = TOP + SCENE_HEIGHT + SPECTRUM_HEIGHT;
  const letter = (text: string, x: number, y: number): SvgLabel => ({
    text,
    x: x + 2,
    y: y + 14,
    fontSize: 14,
    bold: true,
  });
  return composeSvg([...panels, { svg: panelB, x: xB, y: TOP }], {
    width: xB + ERROR_WIDTH,
    height,
    labels: [
      letter("A", 0, TOP),
      letter("C", 0, TOP + SCENE_HEIGHT),
      letter("B", xB, TOP),
    ],
  });
}

/**
 * Figure 3, case 1 (paper.md 7.4): datasets and normalised inverse spectra
 * for three separations, and log ε against log Δ (natural logs) for
 * "Stand." (exact; black circles and line) and "Ours" (spectral; colour 0
 * dots and line), title "L=0.85, N=6". Rows with Δ = 0 are left out of the
 * log panel (log 0 = −∞); the panel notes it.
 *
 * @param rows The Δ sweep (`deltaSweep()`), at least one row with Δ > 0.
 * @returns Standalone SVG text (DejaVu Serif embedded), about 760 × 320 px.
 * @throws {RangeError} If no row has Δ > 0.
 */
export function figure3Case1(
  rows: DeltaSweepRow[],
  options: Figure3Case1Options = {},
): string {
  const positive = rows.filter((r) => r.delta > 0);
  if (positive.length === 0) {
    throw new RangeError(
      `figure3Case1: expected rows with Δ > 0, got ${rows.length} rows and ` +
        `none positive; pass deltaSweep() rows`,
    );
  }
  const n = options.n ?? 6;
  const lengthScale = options.lengthScale ?? 0.85;
  const dropped = rows.length - positive.length;
  const panelB = logErrorSvg(
    positive.map((r) => ({
      x: Math.log(r.delta),
      exact: Math.log(r.exact),
      spectral: Math.log(r.spectral),
    })),
    {
      title: `L=${lengthScale}, N=${n}`,
      xLabel: "log Δ",
      note: dropped > 0 ? "Δ = 0 not shown\n(log 0 = −∞)" : undefined,
      xTicks: [-4, -2, 0, 2],
      height: SCENE_HEIGHT + SPECTRUM_HEIGHT,
    },
  );
  return composeCase(figure3Case1Columns(options), panelB);
}

/**
 * Figure 3, case 2 (paper.md 7.4): datasets and normalised inverse spectra
 * for three orbit sizes, and log ε (natural) against N, x ticks 4, 25, 50,
 * for "Stand." and "Ours", title "L=1.4, Δ=1".
 *
 * @param rows The N sweep (`orbitSizeSweep()`), at least one row.
 * @returns Standalone SVG text (DejaVu Serif embedded), about 760 × 320 px.
 * @throws {RangeError} If rows is empty.
 */
export function figure3Case2(
  rows: OrbitSizeSweepRow[],
  options: Figure3Case2Options = {},
): string {
  if (rows.length === 0) {
    throw new RangeError(
      "figure3Case2: expected at least one row, got 0; pass " +
        "orbitSizeSweep() rows",
    );
  }
  const panelB = logErrorSvg(
    rows.map((r) => ({
      x: r.n,
      exact: Math.log(r.exact),
      spectral: Math.log(r.spectral),
    })),
    {
      title: `L=${options.lengthScale ?? 1.4}, Δ=${options.delta ?? 1}`,
      xLabel: "N",
      xTicks: [4, 25, 50],
      xDomain: [0, 52],
      height: SCENE_HEIGHT + SPECTRUM_HEIGHT,
    },
  );
  return composeCase(figure3Case2Columns(options), panelB);
}
