/**
 * Figure 2: the toy dataset and its spectrum (paper.md 7.3,
 * `spectrum_sketch.py`), plus the two panel builders that Figure 3 reuses:
 * the projected 3-D toy dataset and the normalised inverse spectrum.
 *
 * Layout: (A) the dataset in the oblique projection of `projection.ts`,
 * (B) the squared-distance and RBF kernel matrices with row N outlined,
 * (C) kernel row N with its same-class and opposite-class bounds (top) and
 * the normalised inverse spectrum with the level λ_N⁻¹ (bottom).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { rbfGram } from "../kernels/rbf.ts";
import { COLOR_CYCLE } from "../plot/colors.ts";
import { swatchLegendMarks, viridisColourbarSvg } from "../plot/legend.ts";
import { circlePoints, projectPoints } from "../plot/projection.ts";
import { composeSvg, renderPlot, type SvgLabel } from "../plot/render.ts";
import { circulantError, inverseSpectrum } from "../spectral/circulant.ts";
import { dft } from "../spectral/dft.ts";
import { toyData } from "../toy/toy_data.ts";
import { axisLabel, spines } from "./fig4.ts";

/** Options of {@link spectrumSketchData} and {@link figure2}. */
export interface SpectrumSketchOptions {
  /** Orbit size N per class; default 6. */
  n?: number;
  /** RBF L in exp(−L²‖x − x'‖²); default 1. */
  lengthScale?: number;
  /** Separation D (= Δ) between the circles; default 1. */
  delta?: number;
  /** Circle radius R; default 1. */
  radius?: number;
}

/** Every series that Figure 2 plots (paper.md 7.3, F.2). */
export interface SpectrumSketchData {
  n: number;
  lengthScale: number;
  delta: number;
  radius: number;
  /** Toy points, `[2N, 3]` row-major Float64Array, interleaved A/B. */
  points: Float64Array;
  /** d²(x_i, x_j), `[2N, 2N]` row-major Float64Array. */
  sqDistances: Float64Array;
  /** k(x_i, x_j) = exp(−L²·d²), `[2N, 2N]` row-major Float64Array. */
  kernel: Float64Array;
  /** Kernel row N, `[2N]` Float64Array; its maximum 1 sits at index N. */
  kernelRow: Float64Array;
  /** λ_k = Re fft(row 0)_k, k = 0..2N−1, `[2N]` Float64Array. */
  eigenvalues: Float64Array;
  /** 1/|rfft(row N)| over k = 0..N divided by its maximum, `[N + 1]`. */
  inverseSpectrum: Float64Array;
  /** ε = λ_N⁻¹ / ⟨λ⁻¹⟩ without ridge (paper.md 3.3). */
  spectralError: number;
}

/**
 * The numbers behind Figure 2 (paper.md 7.3). With the defaults (L = 1,
 * N = 6, D = 1, R = 1) the kernel row N is [0.018316, 0.008808, ...],
 * λ_N = 1.173641, the plotted inverse spectrum [0.136364, 0.194985,
 * 0.436627, 1, 0.842668, 0.417462, 0.294383] and ε = 0.568468 (paper.md
 * F.2). The RBF Gram matrix of the toy data is exactly circulant, so
 * |rfft(row N)| equals |fft(row 0)| on k = 0..N.
 *
 * @throws {RangeError} If N is not a positive integer.
 */
export function spectrumSketchData(
  options: SpectrumSketchOptions = {},
): SpectrumSketchData {
  const n = options.n ?? 6;
  const lengthScale = options.lengthScale ?? 1;
  const delta = options.delta ?? 1;
  const radius = options.radius ?? 1;
  const m = 2 * n;
  const points = toyData(n, { delta, radius });
  const kernel = rbfGram(points, m, { lengthScale });
  // d² = −log k at L = 1, which reuses the kernel's distance loop.
  const sqDistances = rbfGram(points, m, { lengthScale: 1 }).map((k) =>
    -Math.log(k)
  );
  const kernelRow = kernel.slice(n * m, (n + 1) * m);
  const row0 = kernel.subarray(0, m);
  const isp = inverseSpectrum(kernelRow).subarray(0, n + 1);
  const max = Math.max(...isp);
  return {
    n,
    lengthScale,
    delta,
    radius,
    points,
    sqDistances,
    kernel,
    kernelRow,
    eigenvalues: dft(row0).re,
    inverseSpectrum: isp.map((v) => v / max),
    spectralError: circulantError(row0, { ridge: 0 }),
  };
}

/** Options of {@link toyDatasetSvg}. */
export interface ToyDatasetPanelOptions {
  /** Separation Δ between the circles. */
  delta: number;
  /** Circle radius r; default 1. */
  radius?: number;
  /** Panel size in px. */
  width: number;
  height: number;
  /** Title drawn above the scene, e.g. "Δ = 0.55". */
  title?: string;
  /** Index of a point drawn in black as the held-out x₀. */
  heldOut?: number;
  /** Draw the dashed grey Δ segment and a class legend (Figure 2A). */
  annotate?: boolean;
  /**
   * Largest Δ the panel must fit; panels in one row share it so they share
   * one scale (default `delta`).
   */
  fitDelta?: number;
}

const SCENE_MARGIN = 6;
const TITLE_SPACE = 22;

/**
 * One toy dataset in the fixed oblique projection (`projection.ts`), with
 * equal scales on both page axes and no axes: class A (even indices) in
 * colour 0, class B in colour 1, dashed circles at heights ±Δ/2, points
 * drawn back to front (paper.md 7.3 A, 7.4 top rows).
 *
 * @param points Toy points, `[2N, 3]` row-major Float64Array.
 * @returns SVG text of `width × height` px without embedded font.
 */
export function toyDatasetSvg(
  points: Float64Array,
  options: ToyDatasetPanelOptions,
): string {
  const radius = options.radius ?? 1;
  const half = options.delta / 2;
  const fitHalf = (options.fitDelta ?? options.delta) / 2;
  const top = options.title === undefined ? SCENE_MARGIN : TITLE_SPACE;
  const innerW = options.width - 2 * SCENE_MARGIN;
  const innerH = options.height - top - SCENE_MARGIN;
  // Half-extents of the scene: circles project to ellipses of half-height
  // r·sin(el); the heights ±Δ/2 shrink by cos(el); 12 % padding.
  const needU = 1.12 * radius;
  const needV = 1.12 * (fitHalf * 0.94 + radius * 0.35);
  const scale = Math.min(innerW / (2 * needU), innerH / (2 * needV));
  const hu = innerW / (2 * scale);
  const hv = innerH / (2 * scale);

  const projected = projectPoints(points);
  const dots = Array.from(projected.u, (u, i) => ({
    u,
    v: projected.v[i],
    depth: projected.depth[i],
    fill: i === options.heldOut ? "black" : COLOR_CYCLE[i % 2],
  })).sort((a, b) => a.depth - b.depth);
  const circles = [half, -half].map((z, c) => {
    const p = projectPoints(circlePoints(radius, z));
    return Array.from(p.u, (u, k) => ({ u, v: p.v[k], c }));
  }).flat();

  const marks: Plot.Markish[] = [
    Plot.line(circles, {
      x: "u",
      y: "v",
      z: "c",
      stroke: (d: { c: number }) => COLOR_CYCLE[d.c],
      strokeOpacity: 0.7,
      strokeDasharray: "3,2",
      strokeWidth: 0.8,
    }),
  ];
  if (options.annotate) {
    const foot = projectPoints(
      Float64Array.of(radius, 0, half, radius, 0, -half),
    );
    marks.push(
      Plot.line([[foot.u[0], foot.v[0]], [foot.u[1], foot.v[1]]], {
        stroke: "grey",
        strokeDasharray: "4,3",
        strokeWidth: 1.2,
      }),
      Plot.text(["Δ"], {
        x: foot.u[0],
        y: (foot.v[0] + foot.v[1]) / 2,
        dx: 9,
        fontSize: 13,
        fill: "black",
      }),
    );
  }
  marks.push(Plot.dot(dots, {
    x: "u",
    y: "v",
    fill: "fill",
    stroke: "white",
    strokeWidth: 0.6,
    r: 4,
  }));
  if (options.annotate) {
    marks.push(...swatchLegendMarks([
      { label: "A (+1)", color: COLOR_CYCLE[0] },
      { label: "B (−1)", color: COLOR_CYCLE[1] },
      { label: "x₀ held out", color: "black" },
    ], { frameAnchor: "top-left", dx: 2, dy: 4 }));
  }
  if (options.title !== undefined) {
    marks.push(Plot.text([options.title], {
      frameAnchor: "top",
      dy: -12,
      fontSize: 12,
      fill: "black",
    }));
  }
  return renderPlot({
    width: options.width,
    height: options.height,
    marginLeft: SCENE_MARGIN,
    marginRight: SCENE_MARGIN,
    marginBottom: SCENE_MARGIN,
    marginTop: top,
    x: { domain: [-hu, hu], axis: null },
    y: { domain: [-hv, hv], axis: null },
    color: { type: "identity" },
    marks,
  }, { embedFont: false });
}

/** Options of {@link inverseSpectrumSvg}. */
export interface InverseSpectrumPanelOptions {
  /** Panel size in px. */
  width: number;
  height: number;
  /** Labels of the ticks at k = 0 and k = N, e.g. ["0", "N"]. */
  tickLabels: [string, string];
  /** Axis titles (default "Frequency" and none). */
  xLabel?: string;
  yLabel?: string;
}

/**
 * Normalised inverse spectrum over k = 0..N as dots joined by a line, the
 * Nyquist value k = N in colour 0, and a grey dashed, hatched band at its
 * level labelled λ_N⁻¹ (paper.md 7.3 C bottom, 7.4 bottom rows).
 *
 * @param values Normalised inverse spectrum, `[N + 1]`, maximum 1.
 * @returns SVG text of `width × height` px without embedded font.
 * @throws {RangeError} If fewer than 2 values.
 */
export function inverseSpectrumSvg(
  values: ArrayLike<number>,
  options: InverseSpectrumPanelOptions,
): string {
  const n = values.length - 1;
  if (n < 1) {
    throw new RangeError(
      `inverseSpectrumSvg: expected N + 1 ≥ 2 values, got ${values.length}; ` +
        `pass the first N + 1 entries of the inverse spectrum`,
    );
  }
  const series = Array.from(values, (v, k) => ({ k, v }));
  const level = values[n];
  const halfBand = 0.03;
  // Hatching: short diagonals across the band, clipped to the frame.
  const hatch = Array.from({ length: 4 * n + 5 }, (_, i) => {
    const x = -0.5 + i / 4;
    return { x1: x - 0.25, x2: x, y1: level - halfBand, y2: level + halfBand };
  });
  const [tickFirst, tickLast] = options.tickLabels;
  // Label the band on the side (above or below, left or right end) where
  // the series stays farthest from the text.
  const labelAbove = level < 0.75;
  const labelY = level + (labelAbove ? 0.12 : -0.12);
  const gap = (ks: number[]) =>
    Math.min(...ks.map((k) => Math.abs(values[k] - labelY)));
  const labelLeft = gap([0, 1]) >= gap([n - 1, n]);
  return renderPlot({
    width: options.width,
    height: options.height,
    marginLeft: 44,
    marginRight: 12,
    marginTop: 10,
    marginBottom: 36,
    x: {
      domain: [-0.5, n + 0.5],
      ticks: [0, n],
      tickFormat: (k: number) => (k === 0 ? tickFirst : tickLast),
      ...axisLabel(options.xLabel ?? "Frequency"),
    },
    y: {
      domain: [0, 1.08],
      ticks: [0, 0.5, 1],
      ...(options.yLabel === undefined
        ? { label: null }
        : axisLabel(options.yLabel)),
    },
    marks: [
      ...spines(),
      Plot.rect([{}], {
        x1: -0.5,
        x2: n + 0.5,
        y1: level - halfBand,
        y2: level + halfBand,
        fill: "grey",
        fillOpacity: 0.15,
      }),
      Plot.link(hatch, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        stroke: "grey",
        strokeWidth: 0.6,
        clip: true,
      }),
      Plot.ruleY([level - halfBand, level + halfBand], {
        stroke: "grey",
        strokeDasharray: "3,2",
        strokeWidth: 0.8,
      }),
      Plot.text(["λ_N⁻¹"], {
        x: labelLeft ? -0.5 : n + 0.5,
        y: labelAbove ? level + halfBand : level - halfBand,
        dy: labelAbove ? -7 : 7,
        dx: labelLeft ? 2 : -2,
        textAnchor: labelLeft ? "start" : "end",
        fontSize: 10,
        fill: "black",
      }),
      Plot.line(series, { x: "k", y: "v", stroke: "black", strokeWidth: 1 }),
      Plot.dot(series, {
        x: "k",
        y: "v",
        r: 2.5,
        fill: (d: { k: number }) => (d.k === n ? COLOR_CYCLE[0] : "black"),
      }),
    ],
  }, { embedFont: false });
}

/** A rendered panel without embedded font, with its size in px. */
interface Panel {
  svg: string;
  width: number;
  height: number;
}

const BAR_WIDTH = 62;

/** One 2N × 2N matrix as viridis cells, row N outlined, with colourbar. */
function matrixPanel(
  matrix: Float64Array,
  n: number,
  title: string,
  size: { width: number; height: number },
): Panel {
  const m = 2 * n;
  const cells = Array.from(matrix, (value, idx) => ({
    i: Math.floor(idx / m),
    j: idx % m,
    value,
  }));
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of matrix) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const margins = { marginTop: 22, marginBottom: 26 };
  const ticks = [0.5, n + 0.5, m - 0.5];
  const tickFormat = (t: number) => String(t - 0.5);
  const plot = renderPlot({
    width: size.width,
    height: size.height,
    marginLeft: 30,
    marginRight: 6,
    ...margins,
    x: { domain: [0, m], ticks, tickFormat, label: null, tickSize: 3 },
    y: {
      domain: [0, m],
      reverse: true,
      ticks,
      tickFormat,
      label: null,
      tickSize: 3,
    },
    color: { type: "linear", scheme: "viridis", domain: [lo, hi] },
    marks: [
      Plot.rect(cells, {
        x1: "j",
        x2: (d: { j: number }) => d.j + 1,
        y1: "i",
        y2: (d: { i: number }) => d.i + 1,
        fill: "value",
      }),
      Plot.rect([{}], {
        x1: 0,
        x2: m,
        y1: n,
        y2: n + 1,
        fill: "none",
        stroke: COLOR_CYCLE[0],
        strokeWidth: 2,
      }),
      Plot.text([title], {
        frameAnchor: "top",
        dy: -14,
        fontSize: 11,
        fill: "black",
      }),
    ],
  }, { embedFont: false });
  const bar = viridisColourbarSvg([lo, hi], {
    label: "",
    height: size.height,
    width: BAR_WIDTH,
    barWidth: 10,
    ...margins,
  });
  const width = size.width + BAR_WIDTH;
  return {
    svg: composeSvg([
      { svg: plot, x: 0, y: 0 },
      { svg: bar, x: size.width, y: 0 },
    ], { width, height: size.height, embedFont: false }),
    width,
    height: size.height,
  };
}

/** Kernel row N with the fine-grid "Same" and "Opp." bounds. */
function kernelRowSvg(data: SpectrumSketchData, width: number, height: number) {
  const { n, lengthScale, delta, radius } = data;
  const l2 = lengthScale ** 2;
  const fine = Array.from({ length: 360 }, (_, k) => {
    const x = -n + (2 * n * k) / 359;
    const chord2 = (2 * radius * Math.sin((Math.PI * x) / (2 * n))) ** 2;
    return {
      x,
      same: Math.exp(-l2 * chord2),
      opp: Math.exp(-l2 * (chord2 + delta ** 2)),
    };
  });
  const row = Array.from(data.kernelRow, (k, j) => ({
    x: j - n,
    k,
    fill: COLOR_CYCLE[(j - n + 2 * n) % 2],
  }));
  const ticks = row.filter((_, j) => j % 4 === 0).map((d) => d.x);
  return renderPlot({
    width,
    height,
    marginLeft: 44,
    marginRight: 12,
    marginTop: 10,
    marginBottom: 36,
    x: { domain: [-n - 0.5, n + 0.5], ticks, ...axisLabel("j − N") },
    y: { domain: [0, 1.08], ticks: [0, 0.5, 1], ...axisLabel("k(x_N, x_j)") },
    marks: [
      ...spines(),
      Plot.line(fine, {
        x: "x",
        y: "same",
        stroke: COLOR_CYCLE[0],
        strokeWidth: 1,
      }),
      Plot.line(fine, {
        x: "x",
        y: "opp",
        stroke: COLOR_CYCLE[1],
        strokeWidth: 1,
      }),
      Plot.ruleX(row, {
        x: "x",
        y1: 0,
        y2: "k",
        stroke: "grey",
        strokeWidth: 0.6,
      }),
      Plot.dot(row, { x: "x", y: "k", fill: "fill", r: 3 }),
      ...swatchLegendMarks([
        { label: "Same", color: COLOR_CYCLE[0] },
        { label: "Opp.", color: COLOR_CYCLE[1] },
      ], { frameAnchor: "top-right", symbol: "line", dx: 2, dy: 4 }),
    ],
  }, { embedFont: false });
}

/**
 * Figure 2 (paper.md 7.3) as one SVG: (A) toy dataset with held-out x₀
 * (index 0, black) and the Δ segment; (B) d²(x_i, x_j) over k_RBF(x_i,
 * x_j), viridis, row N outlined; (C) kernel row N against j − N with the
 * bounds "Same" = exp(−L²·chord²) and "Opp." = exp(−L²·(chord² + D²)) on a
 * 360-point grid (top), and 1/|rfft(row N)| normalised to 1 over the N + 1
 * frequencies, ticks "1" and "N" as in the reference, with the λ_N⁻¹ band
 * (bottom). The series are those of {@link spectrumSketchData}.
 *
 * @returns Standalone SVG text (DejaVu Serif embedded), about 900 × 430 px.
 * @throws {RangeError} If N is not a positive integer.
 */
export function figure2(options: SpectrumSketchOptions = {}): string {
  const data = spectrumSketchData(options);
  const top = 10;
  const height = 420;
  const sceneW = 300;
  const a = toyDatasetSvg(data.points, {
    delta: data.delta,
    radius: data.radius,
    width: sceneW,
    height: height - 22,
    heldOut: 0,
    annotate: true,
  });
  const matrixSize = { width: 170, height: height / 2 };
  const b1 = matrixPanel(data.sqDistances, data.n, "d²(xᵢ, xⱼ)", matrixSize);
  const b2 = matrixPanel(data.kernel, data.n, "k_RBF(xᵢ, xⱼ)", matrixSize);
  const cW = 290;
  const c1 = kernelRowSvg(data, cW, height / 2);
  const c2 = inverseSpectrumSvg(data.inverseSpectrum, {
    width: cW,
    height: height / 2,
    tickLabels: ["1", "N"],
    yLabel: "1/|λ_k| (norm.)",
  });
  const xB = sceneW + 14;
  const xC = xB + b1.width + 14;
  const width = xC + cW;
  const letter = (text: string, x: number, y: number): SvgLabel => ({
    text,
    x: x + 2,
    y: y + 14,
    fontSize: 14,
    bold: true,
  });
  // The scene sits below its letter so the legend clears it.
  const yA = top + 22;
  return composeSvg([
    { svg: a, x: 0, y: yA },
    { svg: b1.svg, x: xB, y: top },
    { svg: b2.svg, x: xB, y: top + height / 2 },
    { svg: c1, x: xC, y: top },
    { svg: c2, x: xC, y: top + height / 2 },
  ], {
    width,
    height: top + height,
    labels: [letter("A", 0, top), letter("B", xB, top), letter("C", xC, top)],
  });
}
