/**
 * Figure 4 panels B–E: MNIST pairs with the one-hidden-layer MLP NTK, for
 * one orbit size N (paper.md 7.5, `plot_ntk_analysis.py --idx`).
 *
 * Scatter style: the reference draws 512 points with alpha 0.1 and
 * matplotlib size 2, which is faint on screen; here dots have radius 1.8 px
 * and opacity 0.5, a compromise that keeps overlap visible and single
 * points readable.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { PairResult } from "../analysis/pair_result.ts";
import { SEMAPHORE, viridis } from "../plot/colors.ts";
import { linearGridData } from "../plot/griddata.ts";
import { compactTickFormat, readableAxis } from "../plot/tick_format.ts";
import {
  colourbarSvg,
  numCorrectColourbarSvg,
  viridisColourbarSvg,
} from "../plot/legend.ts";
import { composeSvg, renderPlot, type SvgLabel } from "../plot/render.ts";

/** Orbit transformation, which sets the title ("N_rot" or "N_shift"). */
export type OrbitTransform = "rotate" | "shift";

/** Options of {@link figure4} and the per-panel functions. */
export interface Figure4Options {
  /** Orbit size N; every row must have `row.n === n`. */
  n: number;
  /** "rotate" (default) titles "N_rot = N"; "shift" titles "N_shift = N". */
  transform?: OrbitTransform;
  /** Title override (default from `transform` and `n`). */
  title?: string;
  /** Grid nodes per axis of the panel C interpolation (default 200). */
  gridSize?: number;
}

/** Dot radius (px) and opacity of the scatter panels; see the module doc. */
const DOT_RADIUS = 1.8;
const DOT_OPACITY = 0.5;

/** Size of one scatter or contour plot, px. */
const PLOT_WIDTH = 300;
const PLOT_HEIGHT = 240;
/** Width of a nested colourbar SVG, px. */
const BAR_WIDTH = 70;

const AXIS_MARGINS = {
  marginLeft: 56,
  marginBottom: 40,
  marginTop: 22,
  marginRight: 12,
};

/** Colourbar margins aligning the bar with the plot frame. */
const BAR_MARGINS = {
  marginTop: AXIS_MARGINS.marginTop,
  marginBottom: AXIS_MARGINS.marginBottom,
};

/** A rendered panel without embedded font, with its size in px. */
interface Panel {
  svg: string;
  width: number;
  height: number;
}

/** Title of the figure: "N_rot = 8" or "N_shift = 8" (paper.md 7.5). */
export function figure4Title(options: Figure4Options): string {
  if (options.title !== undefined) return options.title;
  const kind = (options.transform ?? "rotate") === "rotate" ? "rot" : "shift";
  return `N_${kind} = ${options.n}`;
}

function checkRows(rows: PairResult[], n: number): void {
  if (rows.length < 3) {
    throw new RangeError(
      `Cannot draw Figure 4: expected at least 3 PairResult rows, got ` +
        `${rows.length}; pass the 512 pairs of one N`,
    );
  }
  const other = rows.find((row) => row.n !== n);
  if (other !== undefined) {
    throw new RangeError(
      `Cannot draw Figure 4 for N = ${n}: found a row with n = ${other.n} ` +
        `(pair ${other.pair}); filter the rows to one orbit size`,
    );
  }
}

/** Scaled λ_N⁻¹ = lambdaLast · √N (paper.md G.3, `plot_ntk_analysis.py`). */
function scaledLambdaLast(row: PairResult): number {
  return row.lambdaLast * Math.sqrt(row.n);
}

function extent(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (!(lo < hi)) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/**
 * Integer ticks 0, s, 2s, ... ≤ max with s = ⌈max/6⌉ when max ≥ 2; undefined
 * (Plot's automatic ticks) below 2 (paper.md 7.5 B).
 */
export function integerTicks(max: number): number[] | undefined {
  if (max < 2) return undefined;
  const step = Math.max(1, Math.ceil(max / 6));
  return Array.from(
    { length: Math.floor(max / step) + 1 },
    (_, k) => k * step,
  );
}

/** Left and bottom spines only, as in the reference style (paper.md 7.1). */
export function spines(): Plot.Markish[] {
  return [
    Plot.frame({ anchor: "left", stroke: "black", strokeWidth: 0.8 }),
    Plot.frame({ anchor: "bottom", stroke: "black", strokeWidth: 0.8 }),
  ];
}

/** Axis options for a centred title without arrow, as in matplotlib. */
export function axisLabel(label: string) {
  return { label, labelAnchor: "center" as const, labelArrow: "none" as const };
}

/** Places a plot and its colourbar side by side, bar top-aligned. */
function withColourbar(plot: Panel, bar: string): Panel {
  const width = plot.width + BAR_WIDTH;
  return {
    svg: composeSvg([{ svg: plot.svg, x: 0, y: 0 }, {
      svg: bar,
      x: plot.width,
      y: 0,
    }], { width, height: plot.height, embedFont: false }),
    width,
    height: plot.height,
  };
}

/** One point of an error scatter: two errors and the number correct. */
export interface ErrorScatterPoint {
  /** Horizontal error (exact or trained), unitless. */
  x: number;
  /** Vertical error (spectral), unitless. */
  y: number;
  /** Held-out points with the label's sign: 0, 1 or 2. */
  correct: number;
}

/** Options of {@link errorScatterSvg}. */
export interface ErrorScatterOptions {
  /** Both axes span [0, max]. */
  max: number;
  /** Tick positions on both axes (default: Plot's automatic ticks). */
  ticks?: number[];
  /** Axis titles; an omitted yLabel draws no y title. */
  xLabel: string;
  yLabel?: string;
  /** Plot size in px, margins included. */
  width: number;
  height: number;
  /** Plot margins in px (default those of Figure 4). */
  margins?: Partial<typeof AXIS_MARGINS>;
}

/**
 * Exact-against-spectral scatter in the Figure 4B style, without colourbar
 * or embedded font: dots coloured by "Num. correct" (semaphore), a black
 * dashed diagonal, left and bottom spines, both axes [0, max]; points
 * beyond max are clipped (paper.md 7.5 B, 7.6).
 *
 * @param points One point per pair.
 * @returns SVG text of `width × height` px, for nesting with `composeSvg`.
 */
export function errorScatterSvg(
  points: ErrorScatterPoint[],
  options: ErrorScatterOptions,
): string {
  const { max, ticks } = options;
  // Explicit ticks are integers: label them "1", not "1.0".
  const tickFormat = ticks === undefined ? undefined : "~f";
  return renderPlot({
    width: options.width,
    height: options.height,
    ...AXIS_MARGINS,
    ...options.margins,
    x: {
      domain: [0, max],
      ticks,
      tickFormat,
      ...axisLabel(options.xLabel),
    },
    y: {
      domain: [0, max],
      ticks,
      tickFormat,
      ...(options.yLabel === undefined
        ? { label: null }
        : axisLabel(options.yLabel)),
    },
    color: { type: "ordinal", domain: [0, 1, 2], range: [...SEMAPHORE] },
    marks: [
      ...spines(),
      Plot.dot(points, {
        x: "x",
        y: "y",
        fill: "correct",
        r: DOT_RADIUS,
        fillOpacity: DOT_OPACITY,
        clip: true,
      }),
      Plot.line([[0, 0], [max, max]], {
        stroke: "black",
        strokeDasharray: "4,3",
        strokeWidth: 1,
      }),
    ],
  }, { embedFont: false });
}

function panelB(rows: PairResult[], options: Figure4Options): Panel {
  checkRows(rows, options.n);
  const max = Math.max(
    ...rows.map((r) => Math.max(r.exactError, r.spectralError)),
  ) * 1.05;
  const height = PLOT_HEIGHT + 20;
  const svg = errorScatterSvg(
    rows.map((r) => ({
      x: r.exactError,
      y: r.spectralError,
      correct: r.correct,
    })),
    {
      max,
      ticks: integerTicks(max),
      xLabel: "Exact error (NTK)",
      yLabel: "Spectral error (NTK)",
      width: PLOT_WIDTH,
      height,
    },
  );
  return withColourbar(
    { svg, width: PLOT_WIDTH, height },
    numCorrectColourbarSvg({ height, ...BAR_MARGINS }),
  );
}

/**
 * Figure 4B as a standalone SVG: x = exact error, y = spectral error, colour
 * = number of correct held-out signs (semaphore, colourbar "Num. correct"),
 * dashed diagonal, limits from 0 (paper.md 7.5).
 *
 * @param rows PairResult rows of one orbit size N (512 in the paper).
 * @throws {RangeError} If fewer than 3 rows or a row has another N.
 */
export function figure4PanelB(
  rows: PairResult[],
  options: Figure4Options,
): string {
  const panel = panelB(rows, options);
  return composeSvg([{ svg: panel.svg, x: 0, y: 0 }], panel);
}

/** The 11 contour levels: linspace(min, max, 11) over both errors. */
export function contourLevels(rows: PairResult[]): number[] {
  const [lo, hi] = extent(
    rows.flatMap((r) => [r.spectralError, r.exactError]),
  );
  return Array.from({ length: 11 }, (_, k) => lo + (hi - lo) * k / 10);
}

/**
 * Colour of contour band k ∈ 0..9 (between levels k and k + 1): viridis at
 * the band midpoint normalised over the level range, as matplotlib contourf.
 */
function bandColour(k: number): string {
  return viridis((k + 0.5) / 10);
}

function contourMap(
  rows: PairResult[],
  options: Figure4Options,
  which: "spectralError" | "exactError",
  levels: number[],
): Panel {
  const size = options.gridSize ?? 200;
  const rawX = rows.map(scaledLambdaLast);
  const rawY = rows.map((r) => r.lambdaAvg);
  const xAxis = readableAxis(rawX, "λ_N⁻¹ (scaled)");
  const yAxis = readableAxis(rawY, "⟨λ⁻¹⟩");
  const x = rawX.map(xAxis.apply);
  const y = rawY.map(yAxis.apply);
  const [x1, x2] = extent(x);
  const [y1, y2] = extent(y);
  const values = linearGridData(
    { x, y, value: rows.map((r) => r[which]) },
    { nx: size, ny: size, x1, x2, y1, y2 },
  );
  // Outside the data's convex hull griddata gives NaN, which Plot's contour
  // would fill from neighbouring cells; a value far below the lowest level
  // leaves those cells blank, as matplotlib's contourf does.
  const below = levels[0] - 1e6 * (levels[levels.length - 1] - levels[0] + 1);
  let inside = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) values[i] = below;
    else inside++;
  }
  // Points on a line, as when orbits collapse and ⟨λ⁻¹⟩ is the ridge term
  // plus λ_N⁻¹/2N, span no area: their hull covers at most a line of grid
  // nodes (≤ 2·size of size²). Say so instead of showing an empty frame.
  const degenerate = inside <= 2 * size;
  // Plot samples grid cell i at its centre, so pad half a cell each side.
  const hx = (x2 - x1) / (size - 1) / 2;
  const hy = (y2 - y1) / (size - 1) / 2;
  const title = which === "spectralError"
    ? "Spectral error (NTK)"
    : "Exact error (NTK)";
  const svg = renderPlot({
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    ...AXIS_MARGINS,
    x: {
      domain: [x1, x2],
      ticks: 4,
      tickFormat: compactTickFormat,
      ...axisLabel(xAxis.label),
    },
    y: {
      domain: [y1, y2],
      tickFormat: compactTickFormat,
      ...axisLabel(yAxis.label),
    },
    color: {
      type: "threshold",
      domain: levels.slice(1, 10),
      range: levels.slice(0, 10).map((_, k) => bandColour(k)),
    },
    marks: [
      Plot.contour(values, {
        width: size,
        height: size,
        x1: x1 - hx,
        x2: x2 + hx,
        y1: y1 - hy,
        y2: y2 + hy,
        thresholds: levels.slice(0, 10),
        // The fill channel supplies the contoured value; it then takes the
        // threshold of each band.
        fill: Plot.identity,
        stroke: "none",
        smooth: true,
      }),
      ...spines(),
      ...(degenerate
        ? [Plot.text(["no contour: the points lie on a line"], {
          frameAnchor: "middle",
          fill: "#666",
          fontSize: 10,
        })]
        : []),
      Plot.text([title], {
        frameAnchor: "top-right",
        dx: -6,
        dy: 8,
        fill: "black",
        stroke: "white",
        strokeWidth: 3,
        fontSize: 10,
        textAnchor: "end",
      }),
    ],
  }, { embedFont: false });
  return { svg, width: PLOT_WIDTH, height: PLOT_HEIGHT };
}

function panelC(rows: PairResult[], options: Figure4Options): Panel {
  checkRows(rows, options.n);
  const levels = contourLevels(rows);
  const top = contourMap(rows, options, "spectralError", levels);
  const bottom = contourMap(rows, options, "exactError", levels);
  const height = top.height + bottom.height;
  const bar = colourbarSvg({
    bands: levels.slice(0, 10).map((y1, k) => ({
      y1,
      y2: levels[k + 1],
      fill: bandColour(k),
    })),
    label: "Error magnitude",
    height,
    marginTop: AXIS_MARGINS.marginTop,
    marginBottom: AXIS_MARGINS.marginBottom,
  });
  const width = PLOT_WIDTH + BAR_WIDTH;
  return {
    svg: composeSvg([
      { svg: top.svg, x: 0, y: 0 },
      { svg: bottom.svg, x: 0, y: top.height },
      { svg: bar, x: PLOT_WIDTH, y: 0 },
    ], { width, height, embedFont: false }),
    width,
    height,
  };
}

/**
 * Figure 4C as a standalone SVG: filled contours of the spectral (top) and
 * exact (bottom) errors over x = λ_N⁻¹ scaled = lambdaLast · √N (G.3) and
 * y = ⟨λ⁻¹⟩ = lambdaAvg, from linear Delaunay interpolation of the points
 * (scipy `griddata` linear) on a `gridSize²` grid over the data ranges;
 * 11 levels from the joint minimum to maximum, viridis, one colourbar
 * "Error magnitude" (paper.md 7.5). The reference grid is 1000²; 200² keeps
 * the SVG small and looks the same at print size.
 *
 * @throws {RangeError} If fewer than 3 rows or a row has another N.
 */
export function figure4PanelC(
  rows: PairResult[],
  options: Figure4Options,
): string {
  const panel = panelC(rows, options);
  return composeSvg([{ svg: panel.svg, x: 0, y: 0 }], panel);
}

/** Colour quantity of panels D and E: log₁₀ ε_s. */
function logSpectral(row: PairResult): number {
  return Math.log10(row.spectralError);
}

function geometryPanel(
  rows: PairResult[],
  options: Figure4Options,
  which: "D" | "E",
): Panel {
  checkRows(rows, options.n);
  const colourDomain = extent(rows.map(logSpectral));
  const raw = rows
    .map((row) =>
      which === "D"
        ? { x: 1 / scaledLambdaLast(row), y: row.deltaSq, c: logSpectral(row) }
        : { x: row.lambdaAvg, y: 1 / row.projRadius, c: logSpectral(row) }
    )
    .filter((p) => [p.x, p.y, p.c].every(Number.isFinite));
  const xAxis = readableAxis(
    raw.map((p) => p.x),
    which === "D" ? "λ_N" : "⟨λ⁻¹⟩",
  );
  const yAxis = readableAxis(raw.map((p) => p.y), which === "D" ? "Δ²" : "1/ρ");
  const points = raw.map((p) => ({
    ...p,
    x: xAxis.apply(p.x),
    y: yAxis.apply(p.y),
  }));
  const svg = renderPlot({
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    ...AXIS_MARGINS,
    // Four ticks keep the last label clear of the colourbar.
    x: {
      nice: true,
      ticks: 4,
      tickFormat: compactTickFormat,
      ...axisLabel(xAxis.label),
    },
    y: {
      nice: true,
      tickFormat: compactTickFormat,
      ...axisLabel(yAxis.label),
    },
    color: { type: "linear", scheme: "viridis", domain: colourDomain },
    marks: [
      ...spines(),
      Plot.dot(points, {
        x: "x",
        y: "y",
        fill: "c",
        r: DOT_RADIUS,
        fillOpacity: DOT_OPACITY,
      }),
    ],
  }, { embedFont: false });
  return withColourbar(
    { svg, width: PLOT_WIDTH, height: PLOT_HEIGHT },
    viridisColourbarSvg(colourDomain, {
      label: "log₁₀ εₛ",
      height: PLOT_HEIGHT,
      ...BAR_MARGINS,
    }),
  );
}

/**
 * Figure 4D as a standalone SVG: x = λ_N = 1/(lambdaLast · √N), y = Δ²,
 * colour = log₁₀ ε_s (viridis, with colourbar) (paper.md 7.5, G.3).
 *
 * @throws {RangeError} If fewer than 3 rows or a row has another N.
 */
export function figure4PanelD(
  rows: PairResult[],
  options: Figure4Options,
): string {
  const panel = geometryPanel(rows, options, "D");
  return composeSvg([{ svg: panel.svg, x: 0, y: 0 }], panel);
}

/**
 * Figure 4E as a standalone SVG: x = ⟨λ⁻¹⟩ = lambdaAvg, y = 1/ρ
 * (1/projRadius), colour = log₁₀ ε_s (paper.md 7.5).
 *
 * @throws {RangeError} If fewer than 3 rows or a row has another N.
 */
export function figure4PanelE(
  rows: PairResult[],
  options: Figure4Options,
): string {
  const panel = geometryPanel(rows, options, "E");
  return composeSvg([{ svg: panel.svg, x: 0, y: 0 }], panel);
}

/**
 * Figure 4 panels B–E for one N as one SVG with panel letters and the title
 * "N_rot = N" (paper.md 7.5). Layout: B on the left, C (spectral over exact,
 * shared colourbar) in the middle, D over E on the right.
 *
 * @param rows PairResult rows of one orbit size (512 pairs in the paper).
 * @returns Standalone SVG text (DejaVu Serif embedded), about 1130 × 520 px.
 * @throws {RangeError} If fewer than 3 rows or a row has another N.
 */
export function figure4(rows: PairResult[], options: Figure4Options): string {
  const b = panelB(rows, options);
  const c = panelC(rows, options);
  const d = geometryPanel(rows, options, "D");
  const e = geometryPanel(rows, options, "E");
  const top = 32;
  const gap = 16;
  const xB = 0;
  const xC = b.width + gap;
  const xD = xC + c.width + gap;
  const yB = top + (c.height - b.height) / 2;
  const width = xD + d.width;
  const height = top + c.height + 4;
  const letter = (text: string, x: number, y: number): SvgLabel => ({
    text,
    x: x + 4,
    y: y + 14,
    fontSize: 14,
    bold: true,
  });
  return composeSvg([
    { svg: b.svg, x: xB, y: yB },
    { svg: c.svg, x: xC, y: top },
    { svg: d.svg, x: xD, y: top },
    { svg: e.svg, x: xD, y: top + d.height },
  ], {
    width,
    height,
    labels: [
      {
        text: figure4Title(options),
        x: width / 2,
        y: 20,
        fontSize: 14,
        anchor: "middle",
      },
      letter("B", xB, yB),
      letter("C", xC, top),
      letter("D", xD, top),
      letter("E", xD, top + d.height),
    ],
  });
}
