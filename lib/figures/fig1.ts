/**
 * Figure 1 panels B and C: trained MLP, CNN and ViT on partially observed
 * rotated MNIST (paper.md 7.2, `fig1_plot.py`, G.4, G.18).
 *
 * Colours: panel B draws every test-out curve in the first colour of the
 * cycle (one legend entry, "Test (out)"); panel C tells the models apart by
 * colour (red, blue, amber) and marker (triangle, circle, square).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { COLOR_CYCLE } from "../plot/colors.ts";
import { composeSvg, renderPlot, type SvgLabel } from "../plot/render.ts";

/** Evaluation set of a Figure 1 accuracy. */
export type Figure1Split =
  | "train"
  | "test_in"
  | "test_out"
  | "test-in"
  | "test-out";

/**
 * One accuracy value of the Figure 1 experiment (CSV
 * `model,digit,n,epoch,split,accuracy`, paper.md 6.1, G.4).
 */
export interface Figure1Row {
  /** "mlp", "cnn" or "vit" (any case); other models are ignored. */
  model: string;
  /** Held-out digit, 0–9. */
  digit: number;
  /** Number of rotations N. */
  n: number;
  /** Slot: 0 before training, e + 1 after epoch e (G.4). */
  epoch: number;
  /** Evaluation set; "test-in" and "test_in" are the same set. */
  split: Figure1Split;
  /** Fraction of correct argmax predictions, in [0, 1]. */
  accuracy: number;
}

/** Options of {@link figure1}. */
export interface Figure1Options {
  /** N of panel B (default 8, paper.md 7.2). */
  focusN?: number;
}

/** Mean accuracy over held-out digits with its 95 % half-width. */
export interface AccuracyStat {
  /** Mean over digits. */
  mean: number;
  /** 1.96 · std / √count, std with ddof = 0 (numpy default). */
  ci: number;
  /** Number of digits averaged. */
  count: number;
}

/** The three architectures in plotting order, with their styles. */
const MODELS = [
  { key: "mlp", label: "MLP", symbol: "triangle", color: COLOR_CYCLE[0] },
  { key: "cnn", label: "CNN", symbol: "circle", color: COLOR_CYCLE[1] },
  { key: "vit", label: "ViT", symbol: "square", color: COLOR_CYCLE[2] },
] as const;

/** Lower-case model key. */
export type ModelKey = typeof MODELS[number]["key"];
type Split = "train" | "test_in" | "test_out";

const DASH = "4,3";
const CHANCE = 0.1;
const CHANCE_COLOR = "#999999";
const TEST_OUT_COLOR = COLOR_CYCLE[0];

/** Panel B size (8.5 × 10 cm in the reference), px. */
const B_WIDTH = 330;
const B_ROW_HEIGHT = 118;
const B_LEGEND_HEIGHT = 40;
/** Panel C size (7 × 5 cm in the reference), px. */
const C_WIDTH = 330;
const C_HEIGHT = 260;

const MARGINS = { marginLeft: 52, marginRight: 14 };

function modelKey(model: string): ModelKey | undefined {
  const key = model.toLowerCase();
  return MODELS.find((m) => m.key === key)?.key;
}

function splitKey(split: Figure1Split): Split {
  return split.replace("-", "_") as Split;
}

/**
 * Mean and 95 % confidence half-width of accuracies over held-out digits:
 * CI = 1.96 · std/√count with the population std (paper.md 6.1, 7.2).
 *
 * @param values Accuracies, one per digit.
 * @throws {RangeError} If `values` is empty.
 */
export function accuracyStat(values: number[]): AccuracyStat {
  if (values.length === 0) {
    throw new RangeError(
      "Cannot average accuracies: expected at least one digit, got 0; " +
        "check the rows of this model, N and epoch",
    );
  }
  const count = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / count;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / count;
  return { mean, ci: 1.96 * Math.sqrt(variance) / Math.sqrt(count), count };
}

/** One point of a curve: x (epoch or N) and the digit statistics. */
export interface CurvePoint extends AccuracyStat {
  /** Epoch slot (panel B) or N (panel C). */
  x: number;
  /** mean − ci. */
  lo: number;
  /** mean + ci. */
  hi: number;
}

/** The curves of one model, each sorted by x. */
export interface Figure1ModelCurves {
  /** "mlp", "cnn" or "vit". */
  model: ModelKey;
  /** "MLP", "CNN" or "ViT". */
  label: string;
  /** Panel B: train accuracy per epoch slot at N = focusN. */
  train: CurvePoint[];
  /** Panel B: test-in accuracy per epoch slot at N = focusN. */
  testIn: CurvePoint[];
  /** Panel B: test-out accuracy per epoch slot at N = focusN. */
  testOut: CurvePoint[];
  /** Panel C: test-out accuracy after the last epoch slot, per N. */
  finalTestOut: CurvePoint[];
}

/** Groups accuracies by model, split, N and epoch. */
function groupRows(rows: Figure1Row[]) {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const model = modelKey(row.model);
    if (model === undefined) continue;
    const key = [model, splitKey(row.split), row.n, row.epoch].join("|");
    const values = groups.get(key) ?? [];
    values.push(row.accuracy);
    groups.set(key, values);
  }
  return groups;
}

function curve(
  groups: Map<string, number[]>,
  model: ModelKey,
  split: Split,
  select: { n?: number; epoch?: "last" },
): CurvePoint[] {
  const points = new Map<number, number[]>();
  const lastEpoch = new Map<number, number>();
  for (const [key, values] of groups) {
    const [m, s, n, epoch] = key.split("|");
    if (m !== model || s !== split) continue;
    if (select.n !== undefined && Number(n) !== select.n) continue;
    if (select.epoch === "last") {
      if (Number(epoch) >= (lastEpoch.get(Number(n)) ?? -1)) {
        lastEpoch.set(Number(n), Number(epoch));
        points.set(Number(n), values);
      }
    } else {
      points.set(Number(epoch), values);
    }
  }
  return [...points]
    .sort(([a], [b]) => a - b)
    .map(([x, values]) => {
      const stat = accuracyStat(values);
      return { x, ...stat, lo: stat.mean - stat.ci, hi: stat.mean + stat.ci };
    });
}

/**
 * The curves of Figure 1: for every model present, panel B's mean train,
 * test-in and test-out accuracy per epoch at N = `focusN`, and panel C's
 * test-out accuracy after the last epoch per N, each with its CI.
 *
 * @param rows Accuracy rows of any models, digits, N and epochs.
 * @returns Per model (in the order MLP, CNN, ViT), points sorted by x.
 */
export function figure1Curves(
  rows: Figure1Row[],
  options: Figure1Options,
): Figure1ModelCurves[] {
  const focusN = options.focusN ?? 8;
  const groups = groupRows(rows);
  return MODELS.map((model) => ({
    model: model.key,
    label: model.label,
    train: curve(groups, model.key, "train", { n: focusN }),
    testIn: curve(groups, model.key, "test_in", { n: focusN }),
    testOut: curve(groups, model.key, "test_out", { n: focusN }),
    finalTestOut: curve(groups, model.key, "test_out", { epoch: "last" }),
  })).filter((c) =>
    c.train.length + c.testIn.length + c.testOut.length +
        c.finalTestOut.length > 0
  );
}

function axisLabel(label: string) {
  return { label, labelAnchor: "center" as const, labelArrow: "none" as const };
}

/** Left and bottom spines only (paper.md 7.1). */
function spines(): Plot.Markish[] {
  return [
    Plot.frame({ anchor: "left", stroke: "black", strokeWidth: 0.8 }),
    Plot.frame({ anchor: "bottom", stroke: "black", strokeWidth: 0.8 }),
  ];
}

/** A horizontal legend line segment of `length` px as a dot symbol. */
function segment(length: number): Plot.SymbolImplementation {
  return {
    draw(context: {
      moveTo(x: number, y: number): void;
      lineTo(x: number, y: number): void;
    }) {
      context.moveTo(-length / 2, 0);
      context.lineTo(length / 2, 0);
    },
  };
}

/** Panel B legend: two columns of line swatches, drawn as marks. */
function legendB(): string {
  const items = [
    { label: "Train", color: "black", dash: "none" },
    { label: "Test (in)", color: "black", dash: DASH },
    { label: "Test (out)", color: TEST_OUT_COLOR, dash: DASH },
    { label: "Chance", color: CHANCE_COLOR, dash: DASH },
  ].map((item, k) => ({ ...item, x: k % 2, y: Math.floor(k / 2) }));
  return renderPlot({
    width: B_WIDTH,
    height: B_LEGEND_HEIGHT,
    ...MARGINS,
    marginTop: 8,
    marginBottom: 6,
    x: { domain: [0, 2], axis: null },
    y: { domain: [1.5, -0.5], axis: null },
    marks: [
      ...items.map((item) =>
        Plot.dot([item], {
          x: "x",
          y: "y",
          dx: 16,
          symbol: segment(24),
          r: 1,
          stroke: item.color,
          strokeWidth: 1.5,
          strokeDasharray: item.dash,
        })
      ),
      Plot.text(items, {
        x: "x",
        y: "y",
        text: "label",
        dx: 34,
        textAnchor: "start",
        fontSize: 10,
      }),
    ],
  }, { embedFont: false });
}

function rowB(
  curves: Figure1ModelCurves,
  options: { maxEpoch: number; bottom: boolean },
): { svg: string; height: number } {
  const marginBottom = options.bottom ? 36 : 6;
  const height = B_ROW_HEIGHT + marginBottom;
  const line = (points: CurvePoint[], stroke: string, dash: string) =>
    Plot.line(points, {
      x: "x",
      y: "mean",
      stroke,
      strokeWidth: 1.2,
      strokeDasharray: dash,
    });
  const svg = renderPlot({
    width: B_WIDTH,
    height,
    ...MARGINS,
    marginTop: 20,
    marginBottom,
    x: {
      domain: [0, options.maxEpoch],
      ...(options.bottom ? axisLabel("Epoch") : { axis: null }),
    },
    y: { domain: [0, 1], ticks: [0, 0.5, 1], ...axisLabel("Accuracy") },
    marks: [
      ...spines(),
      Plot.ruleY([CHANCE], {
        stroke: CHANCE_COLOR,
        strokeWidth: 1,
        strokeDasharray: DASH,
      }),
      Plot.areaY(curves.testOut, {
        x: "x",
        y1: "lo",
        y2: "hi",
        fill: TEST_OUT_COLOR,
        fillOpacity: 0.2,
      }),
      line(curves.train, "black", "none"),
      line(curves.testIn, "black", DASH),
      line(curves.testOut, TEST_OUT_COLOR, DASH),
      Plot.text([curves.label], {
        frameAnchor: "top",
        dy: -12,
        fontSize: 11,
        fontWeight: "bold",
      }),
    ],
  }, { embedFont: false });
  return { svg, height };
}

function panelB(curves: Figure1ModelCurves[], focusN: number) {
  const shown = curves.filter((c) =>
    c.train.length + c.testIn.length + c.testOut.length > 0
  );
  if (shown.length === 0) {
    throw new RangeError(
      `Cannot draw Figure 1B: expected rows at N = ${focusN}, found none; ` +
        `pass focusN equal to one of the trained N`,
    );
  }
  const maxEpoch = Math.max(
    1,
    ...shown.flatMap((c) => [...c.train, ...c.testIn, ...c.testOut])
      .map((p) => p.x),
  );
  const panels = [{ svg: legendB(), x: 0, y: 0 }];
  let y = B_LEGEND_HEIGHT;
  shown.forEach((c, k) => {
    const row = rowB(c, { maxEpoch, bottom: k === shown.length - 1 });
    panels.push({ svg: row.svg, x: 0, y });
    y += row.height;
  });
  return { panels, width: B_WIDTH, height: y };
}

function panelC(curves: Figure1ModelCurves[]) {
  const shown = curves.filter((c) => c.finalTestOut.length > 0);
  if (shown.length === 0) {
    throw new RangeError(
      "Cannot draw Figure 1C: expected test-out rows, found none; pass the " +
        "rows with split test_out",
    );
  }
  const ns = [...new Set(shown.flatMap((c) => c.finalTestOut.map((p) => p.x)))]
    .sort((a, b) => a - b);
  const style = (c: Figure1ModelCurves) =>
    MODELS.find((m) => m.key === c.model)!;
  const padding = ns.length > 1 ? 1.15 : 2;
  const svg = renderPlot({
    width: C_WIDTH,
    height: C_HEIGHT,
    ...MARGINS,
    marginTop: 14,
    marginBottom: 40,
    x: {
      type: "log",
      base: 2,
      domain: [ns[0] / padding, ns[ns.length - 1] * padding],
      ticks: ns,
      tickFormat: (v: number) => String(v),
      ...axisLabel("N"),
    },
    y: {
      domain: [0, 1.1],
      ticks: [0, 0.5, 1],
      ...axisLabel("Test (out) accuracy"),
    },
    marks: [
      ...spines(),
      ...shown.flatMap((c) => [
        Plot.areaY(c.finalTestOut, {
          x: "x",
          y1: "lo",
          y2: "hi",
          fill: style(c).color,
          fillOpacity: 0.2,
        }),
        Plot.line(c.finalTestOut, {
          x: "x",
          y: "mean",
          stroke: style(c).color,
          strokeWidth: 1.2,
        }),
        Plot.dot(c.finalTestOut, {
          x: "x",
          y: "mean",
          symbol: style(c).symbol,
          fill: style(c).color,
          r: 3.5,
        }),
      ]),
      // Legend as marks: one marker and name per model, top left.
      ...shown.flatMap((c, k) => [
        Plot.dot([c.label], {
          frameAnchor: "top-left",
          dx: 14,
          dy: 8 + 14 * k,
          symbol: style(c).symbol,
          fill: style(c).color,
          r: 3.5,
        }),
        Plot.text([c.label], {
          frameAnchor: "top-left",
          dx: 24,
          dy: 8 + 14 * k,
          textAnchor: "start",
          fontSize: 10,
        }),
      ]),
    ],
  }, { embedFont: false });
  return { svg, width: C_WIDTH, height: C_HEIGHT };
}

/**
 * Figure 1 panels B and C as one SVG (paper.md 7.2):
 * - B: one row per model present (MLP, CNN, ViT; shared axes) at N =
 *   `focusN`: x = epoch (0 = before training), y = accuracy in [0, 1];
 *   mean train (black solid), test-in (black dashed) and test-out
 *   (coloured dashed, shaded 95 % CI over held-out digits, G.18) curves,
 *   chance 0.1 (grey dashed); legend "Train", "Test (in)", "Test (out)",
 *   "Chance";
 * - C: test-out accuracy after each model's last epoch against N (log2 x
 *   axis), MLP triangles, CNN circles, ViT squares, with 95 % CI bands;
 *   y limits (0, 1.1).
 * CI = 1.96 · std/√(number of digits), population std.
 *
 * @param rows Accuracy rows; models other than mlp/cnn/vit are ignored
 *   and absent models are left out.
 * @returns Standalone SVG text (DejaVu Serif embedded), about 700 × 440 px.
 * @throws {RangeError} If no row has N = `focusN` or no test-out row
 *   exists.
 */
export function figure1(
  rows: Figure1Row[],
  options: Figure1Options = {},
): string {
  const focusN = options.focusN ?? 8;
  const curves = figure1Curves(rows, { focusN });
  const b = panelB(curves, focusN);
  const c = panelC(curves);
  const top = 30;
  const gap = 24;
  const xC = b.width + gap;
  const yC = top + Math.max(0, (b.height - c.height) / 2);
  const width = xC + c.width;
  const height = top + Math.max(b.height, c.height) + 4;
  const letter = (text: string, x: number, y: number): SvgLabel => ({
    text,
    x,
    y,
    fontSize: 14,
    bold: true,
  });
  return composeSvg([
    ...b.panels.map((p) => ({ ...p, y: p.y + top })),
    { svg: c.svg, x: xC, y: yC },
  ], {
    width,
    height,
    labels: [
      letter("B", 4, 20),
      letter("C", xC + 4, 20),
      {
        text: `N = ${focusN}`,
        x: b.width / 2 + 20,
        y: 20,
        fontSize: 12,
        anchor: "middle",
      },
    ],
  });
}
