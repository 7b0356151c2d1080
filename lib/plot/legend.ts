/**
 * Legends drawn as Plot marks, because Plot's own categorical legends are
 * HTML and its continuous ones need a canvas (paper.md 10.5).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { SEMAPHORE, viridis } from "./colors.ts";
import { renderPlot } from "./render.ts";

/** A 12 px horizontal line as a Plot dot symbol (d3 symbol type). */
const HORIZONTAL_LINE: Plot.SymbolImplementation = {
  draw(
    context: {
      moveTo(x: number, y: number): void;
      lineTo(x: number, y: number): void;
    },
    size: number,
  ) {
    // Plot passes size = π r²; r = 4.5 gives a line about 12 px long.
    const half = Math.sqrt(size / Math.PI) * 1.3;
    context.moveTo(-half, 0);
    context.lineTo(half, 0);
  },
};

/** One legend entry: a label and its CSS colour. */
export interface LegendItem {
  label: string;
  color: string;
}

/** Options of {@link swatchLegendMarks}. */
export interface SwatchLegendOptions {
  /** Corner of the plot frame the legend hangs from (default "top-left"). */
  frameAnchor?: "top-left" | "top-right" | "bottom-left" | "bottom-right";
  /** Offset of the first entry from the anchor, px (default 8, 8 inwards). */
  dx?: number;
  dy?: number;
  /** Vertical distance between entries, px (default 13). */
  lineHeight?: number;
  /** Swatch shape: filled square (default) or a short line. */
  symbol?: "square" | "line";
}

/**
 * Marks drawing a discrete legend (swatch + text per entry) inside a plot's
 * frame, pinned to a corner with pixel offsets, independent of the scales.
 *
 * @param items Entries, drawn top to bottom.
 * @returns Marks to append to the plot's `marks`.
 */
export function swatchLegendMarks(
  items: LegendItem[],
  options: SwatchLegendOptions = {},
): Plot.Markish[] {
  const frameAnchor = options.frameAnchor ?? "top-left";
  const lineHeight = options.lineHeight ?? 13;
  const right = frameAnchor.endsWith("right");
  const bottom = frameAnchor.startsWith("bottom");
  const dx0 = (options.dx ?? 8) * (right ? -1 : 1);
  const dy0 = (options.dy ?? 8) * (bottom ? -1 : 1);
  return items.flatMap((item, i) => {
    const row = bottom ? items.length - 1 - i : i;
    const dy = dy0 + (bottom ? -1 : 1) * row * lineHeight;
    // Swatch at the outer side, text towards the inside for right anchors.
    const swatchDx = right ? dx0 - 5 : dx0 + 5;
    const textDx = right ? dx0 - 14 : dx0 + 14;
    const swatch = Plot.dot([0], {
      frameAnchor,
      dx: swatchDx,
      dy,
      ...(options.symbol === "line"
        ? {
          symbol: HORIZONTAL_LINE,
          r: 4.5,
          stroke: item.color,
          strokeWidth: 2,
        }
        : { symbol: "square", r: 4.5, fill: item.color, stroke: "none" }),
    });
    const text = Plot.text([item.label], {
      frameAnchor,
      dx: textDx,
      dy,
      textAnchor: right ? "end" : "start",
      fill: "black",
      fontSize: 10,
    });
    return [swatch, text];
  });
}

/** One colour band of a colourbar, in the bar's value units. */
export interface ColourBand {
  y1: number;
  y2: number;
  fill: string;
}

/** Options of {@link colourbarSvg}. */
export interface ColourbarOptions {
  /** Bands, covering the value range bottom to top. */
  bands: ColourBand[];
  /** Axis title, drawn rotated along the bar. */
  label: string;
  /** Tick positions in value units (default: Plot's automatic ticks). */
  ticks?: number[];
  /** Tick text for each value (default: Plot's number format). */
  tickFormat?: (value: number) => string;
  /** Total height in px, including the margins. */
  height: number;
  /** Top and bottom margins in px (default 20 each); match the plot's. */
  marginTop?: number;
  marginBottom?: number;
  /** Bar width in px (default 12). */
  barWidth?: number;
  /** Total width in px (default 70: bar, ticks, tick labels, title). */
  width?: number;
}

/**
 * A vertical colourbar as a standalone SVG: rect marks for the bands and a
 * right-hand axis for ticks and the title, like a matplotlib colorbar.
 *
 * @returns SVG text of `width × height` px, without an embedded font (meant
 *   to be nested with `composeSvg`).
 * @throws {RangeError} If `bands` is empty.
 */
export function colourbarSvg(options: ColourbarOptions): string {
  const { bands } = options;
  if (bands.length === 0) {
    throw new RangeError(
      "Cannot draw a colourbar: expected at least one band, got 0; pass the " +
        "colour bands of the scale",
    );
  }
  const lo = Math.min(...bands.map((b) => Math.min(b.y1, b.y2)));
  const hi = Math.max(...bands.map((b) => Math.max(b.y1, b.y2)));
  const barWidth = options.barWidth ?? 12;
  const width = options.width ?? 70;
  return renderPlot({
    width,
    height: options.height,
    marginTop: options.marginTop ?? 20,
    marginBottom: options.marginBottom ?? 20,
    marginLeft: 2,
    marginRight: width - 2 - barWidth,
    x: { domain: [0, 1], axis: null },
    y: {
      domain: [lo, hi],
      axis: "right",
      ticks: options.ticks,
      tickFormat: options.tickFormat,
      label: options.label,
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: width - barWidth - 8,
      tickSize: 3,
    },
    color: { type: "identity" },
    marks: [
      Plot.rect(bands, {
        x1: 0,
        x2: 1,
        y1: "y1",
        y2: "y2",
        fill: "fill",
        // Overlap neighbours by a hair so no background seams show.
        stroke: "fill",
        strokeWidth: 0.3,
      }),
      Plot.frame({ stroke: "black", strokeWidth: 0.6 }),
    ],
  }, { embedFont: false });
}

/**
 * Continuous viridis colourbar over [min, max] made of 64 bands.
 *
 * @param domain Value range [min, max] mapped to viridis(0)…viridis(1).
 * @throws {RangeError} If the domain is not finite with min < max.
 */
export function viridisColourbarSvg(
  domain: [number, number],
  options: Omit<ColourbarOptions, "bands">,
): string {
  const [lo, hi] = domain;
  if (!(isFinite(lo) && isFinite(hi) && lo < hi)) {
    throw new RangeError(
      `Cannot draw a viridis colourbar: expected finite min < max, got ` +
        `[${lo}, ${hi}]; widen the domain of constant data`,
    );
  }
  const n = 64;
  const bands = Array.from({ length: n }, (_, i) => ({
    y1: lo + (hi - lo) * i / n,
    y2: lo + (hi - lo) * (i + 1) / n,
    fill: viridis((i + 0.5) / n),
  }));
  return colourbarSvg({ ...options, bands });
}

/**
 * The discrete "Num. correct" colourbar: three semaphore bands over the norm
 * 0 to 2, ticks at 1/3, 1 and 5/3 labelled 0, 1 and 2 (paper.md G.19).
 */
export function numCorrectColourbarSvg(
  options: Omit<ColourbarOptions, "bands" | "label" | "ticks" | "tickFormat">,
): string {
  return colourbarSvg({
    ...options,
    bands: SEMAPHORE.map((fill, k) => ({
      y1: (2 * k) / 3,
      y2: (2 * (k + 1)) / 3,
      fill,
    })),
    label: "Num. correct",
    ticks: [1 / 3, 1, 5 / 3],
    tickFormat: (v) => String(Math.round(1.5 * v - 0.5)),
  });
}
