/**
 * Figure 5: architecture comparison at N = 8 (paper.md 7.6,
 * `plot_ntk_comparison.py`): five square exact-against-spectral scatters
 * sharing one "Num. correct" colourbar.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { PairResult } from "../analysis/pair_result.ts";
import { numCorrectColourbarSvg } from "../plot/legend.ts";
import { composeSvg, renderPlot, type SvgLabel } from "../plot/render.ts";
import { axisLabel, errorScatterSvg, spines } from "./fig4.ts";

/** One panel of Figure 5. */
export interface Figure5Panel {
  /** Panel letter, e.g. "A", drawn bold. */
  letter: string;
  /** Title, e.g. "1HL MLP" or "MLP (trained)". */
  title: string;
  /** x-axis title, e.g. "Exact error (NTK)" or "Emp. err. (trained)". */
  xLabel: string;
  /**
   * Pairs of this architecture: x = exactError (the trained network's error
   * for panel B), y = spectralError, colour = correct. Undefined draws an
   * empty frame reading "not computed".
   */
  rows: PairResult[] | undefined;
}

/** The five panels of paper.md 7.6, with no rows yet. */
export const FIGURE5_PANELS: readonly Omit<Figure5Panel, "rows">[] = [
  { letter: "A", title: "1HL MLP", xLabel: "Exact error (NTK)" },
  { letter: "B", title: "MLP (trained)", xLabel: "Emp. err. (trained)" },
  { letter: "C", title: "5HL MLP", xLabel: "Exact error (NTK)" },
  { letter: "D", title: "CNN-FC", xLabel: "Exact error (NTK)" },
  { letter: "E", title: "CNN-GAP", xLabel: "Exact error (NTK)" },
];

/** Axis limit and ticks of every panel (paper.md 7.6). */
const MAX = 2.5;
const TICKS = [0, 1, 2];
const PANEL_WIDTH = 200;
const PANEL_HEIGHT = 212;
const FIRST_MARGIN_LEFT = 48;
const MARGINS = { marginLeft: 28, marginRight: 8, marginTop: 8 };
const BAR_WIDTH = 70;
const TOP = 26;

function emptyPanel(panel: Figure5Panel, width: number, first: boolean) {
  return renderPlot({
    width,
    height: PANEL_HEIGHT,
    ...MARGINS,
    marginLeft: first ? FIRST_MARGIN_LEFT : MARGINS.marginLeft,
    marginBottom: 40,
    x: {
      domain: [0, MAX],
      ticks: TICKS,
      tickFormat: "~f",
      ...axisLabel(panel.xLabel),
    },
    y: {
      domain: [0, MAX],
      ticks: TICKS,
      tickFormat: "~f",
      ...(first ? axisLabel("Spectral error (NTK)") : { label: null }),
    },
    marks: [
      ...spines(),
      Plot.frame({ stroke: "grey", strokeDasharray: "3,3" }),
      Plot.text(["not computed"], {
        frameAnchor: "middle",
        fill: "grey",
        fontSize: 11,
      }),
    ],
  }, { embedFont: false });
}

/**
 * Figure 5 (paper.md 7.6) as one SVG: one square scatter per panel, x =
 * exact (or trained) error, y = spectral error (NTK), colour = number
 * correct (semaphore), axes [0, 2.5] with ticks 0/1/2 (points beyond are
 * clipped), dashed diagonal, bold letters, titles above, y title on the
 * first panel only, and one shared "Num. correct" colourbar on the right.
 *
 * @param panels Panels left to right, e.g. {@link FIGURE5_PANELS} with rows.
 * @returns Standalone SVG text (DejaVu Serif embedded), about 1090 × 240 px
 *   for five panels.
 * @throws {RangeError} If `panels` is empty.
 */
export function figure5(panels: Figure5Panel[]): string {
  if (panels.length === 0) {
    throw new RangeError(
      "figure5: expected at least one panel, got 0; pass FIGURE5_PANELS " +
        "with their rows",
    );
  }
  const placed: { svg: string; x: number; y: number }[] = [];
  const labels: SvgLabel[] = [];
  let x = 0;
  panels.forEach((panel, k) => {
    const first = k === 0;
    const extra = first ? FIRST_MARGIN_LEFT - MARGINS.marginLeft : 0;
    const width = PANEL_WIDTH + extra;
    const svg = panel.rows === undefined
      ? emptyPanel(panel, width, first)
      : errorScatterSvg(
        panel.rows.map((r) => ({
          x: r.exactError,
          y: r.spectralError,
          correct: r.correct,
        })),
        {
          max: MAX,
          ticks: TICKS,
          xLabel: panel.xLabel,
          yLabel: first ? "Spectral error (NTK)" : undefined,
          width,
          height: PANEL_HEIGHT,
          margins: {
            ...MARGINS,
            marginLeft: first ? FIRST_MARGIN_LEFT : MARGINS.marginLeft,
          },
        },
      );
    placed.push({ svg, x, y: TOP });
    const frameLeft = x + (first ? FIRST_MARGIN_LEFT : MARGINS.marginLeft);
    const frameMid = frameLeft + (PANEL_WIDTH - 36) / 2;
    labels.push(
      {
        text: panel.letter,
        x: frameLeft - 14,
        y: 18,
        fontSize: 14,
        bold: true,
      },
      { text: panel.title, x: frameMid, y: 18, fontSize: 12, anchor: "middle" },
    );
    x += width + 6;
  });
  placed.push({
    svg: numCorrectColourbarSvg({
      height: PANEL_HEIGHT,
      marginTop: MARGINS.marginTop,
      marginBottom: 40,
    }),
    x,
    y: TOP,
  });
  return composeSvg(placed, {
    width: x + BAR_WIDTH,
    height: TOP + PANEL_HEIGHT,
    labels,
  });
}
