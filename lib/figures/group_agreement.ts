/**
 * Agreement of the group-Fourier ("spectral") error with the direct
 * leave-one-out error for the dihedral experiment (paper.md 3.6): D₄ and C₄
 * scatters in the Figure 4B style, plus the distribution of the absolute
 * differences on a log scale.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { COLOR_CYCLE } from "../plot/colors.ts";
import { numCorrectColourbarSvg, swatchLegendMarks } from "../plot/legend.ts";
import { composeSvg, renderPlot, type SvgLabel } from "../plot/render.ts";
import { axisLabel, errorScatterSvg, integerTicks, spines } from "./fig4.ts";

/** Group of one row: the dihedral group D₄ or its rotation subgroup C₄. */
export type AgreementGroup = "D4" | "C4";

/** One seed pair of the group experiment. */
export interface GroupAgreementRow {
  group: AgreementGroup;
  /** Indices (or ids) of the two seeds. */
  a: number;
  b: number;
  /** Direct leave-one-out error, unitless. */
  exact: number;
  /** Group-Fourier error of paper.md 3.6, unitless. */
  spectral: number;
  /** Held-out points with the label's sign: 0, 1 or 2. */
  correct: number;
}

/** Panel titles of the two groups. */
export const GROUP_TITLES: Record<AgreementGroup, string> = {
  D4: "D₄ (rotations + reflections)",
  C4: "C₄ (rotations)",
};

/** Differences below this are drawn at it: log₁₀ 0 is −∞. */
export const DIFFERENCE_FLOOR = 1e-16;

const GROUPS: AgreementGroup[] = ["D4", "C4"];
const GROUP_COLOURS: Record<AgreementGroup, string> = {
  D4: COLOR_CYCLE[1],
  C4: "#555555",
};
const SIZE = 250;
const HIST_WIDTH = 260;
const BAR_WIDTH = 70;
const TOP = 28;
const MARGINS = { marginTop: 8, marginBottom: 40, marginLeft: 48 };

/**
 * log₁₀ |exact − spectral| of each row, floored at
 * {@link DIFFERENCE_FLOOR} so exact agreement stays plottable.
 */
export function logDifferences(rows: GroupAgreementRow[]): number[] {
  return rows.map((r) =>
    Math.log10(Math.max(Math.abs(r.exact - r.spectral), DIFFERENCE_FLOOR))
  );
}

function histogramSvg(rows: GroupAgreementRow[]): string {
  const logs = logDifferences(rows);
  const data = rows.map((r, k) => ({ group: r.group, v: logs[k] }));
  return renderPlot({
    width: HIST_WIDTH,
    height: SIZE,
    ...MARGINS,
    marginRight: 10,
    x: axisLabel("log₁₀ |exact − spectral|"),
    y: { ...axisLabel("Pairs"), nice: true },
    marks: [
      ...spines(),
      ...GROUPS.map((group) =>
        Plot.rectY(
          data.filter((d) => d.group === group),
          Plot.binX<Plot.RectYOptions>({ y2: "count" }, {
            x: "v",
            fill: GROUP_COLOURS[group],
            fillOpacity: 0.5,
            thresholds: 20,
          }),
        )
      ),
      ...swatchLegendMarks(
        GROUPS.map((g) => ({ label: g, color: GROUP_COLOURS[g] })),
        { frameAnchor: "top-right" },
      ),
    ],
  }, { embedFont: false });
}

/**
 * Figure of the dihedral experiment (paper.md 3.6, F.4 T4): for D₄ and C₄
 * side by side, x = exact (direct LOO) error against y = group-Fourier
 * error, coloured by number correct (semaphore, shared "Num. correct"
 * colourbar), dashed diagonal, both axes [0, 1.05 · max] over all rows;
 * then histograms of log₁₀ |exact − spectral| per group (differences below
 * {@link DIFFERENCE_FLOOR} drawn at it).
 *
 * @param rows Rows of both groups; a group without rows is drawn empty.
 * @returns Standalone SVG text (DejaVu Serif embedded), about 950 × 280 px.
 * @throws {RangeError} If rows is empty.
 */
export function groupAgreementFigure(rows: GroupAgreementRow[]): string {
  if (rows.length === 0) {
    throw new RangeError(
      "groupAgreementFigure: expected rows for D4 and C4, got 0; pass the " +
        "per-pair errors of the dihedral experiment",
    );
  }
  const max = 1.05 *
    Math.max(...rows.map((r) => Math.max(r.exact, r.spectral)));
  const scatters = GROUPS.map((group) =>
    errorScatterSvg(
      rows.filter((r) => r.group === group).map((r) => ({
        x: r.exact,
        y: r.spectral,
        correct: r.correct,
      })),
      {
        max,
        ticks: integerTicks(max),
        xLabel: "Exact error (LOO)",
        yLabel: "Spectral error (group Fourier)",
        width: SIZE,
        height: SIZE,
        margins: { ...MARGINS, marginRight: 10 },
      },
    )
  );
  const xBar = 2 * SIZE;
  const xHist = xBar + BAR_WIDTH + 10;
  const frameMid = (x: number, width: number) =>
    x + MARGINS.marginLeft + (width - MARGINS.marginLeft - 10) / 2;
  const letter = (text: string, x: number): SvgLabel => ({
    text,
    x: x + 2,
    y: 18,
    fontSize: 14,
    bold: true,
  });
  return composeSvg([
    { svg: scatters[0], x: 0, y: TOP },
    { svg: scatters[1], x: SIZE, y: TOP },
    {
      svg: numCorrectColourbarSvg({
        height: SIZE,
        marginTop: MARGINS.marginTop,
        marginBottom: MARGINS.marginBottom,
      }),
      x: xBar,
      y: TOP,
    },
    { svg: histogramSvg(rows), x: xHist, y: TOP },
  ], {
    width: xHist + HIST_WIDTH,
    height: TOP + SIZE,
    labels: [
      letter("A", 0),
      letter("B", SIZE),
      letter("C", xHist),
      ...GROUPS.map((g, k) => ({
        text: GROUP_TITLES[g],
        x: frameMid(k * SIZE, SIZE),
        y: 18,
        anchor: "middle" as const,
      })),
      {
        text: "|exact − spectral|",
        x: frameMid(xHist, HIST_WIDTH),
        y: 18,
        anchor: "middle",
      },
    ],
  });
}
