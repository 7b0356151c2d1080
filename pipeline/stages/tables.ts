/**
 * Stage `tables`: one booktabs table per two-seed experiment — per orbit
 * size N, the median exact and spectral errors, their Pearson correlation,
 * the sign agreement and the fraction correct.
 *
 * Inputs: `analysis-mlp1`, `analysis-mlp5`, `provenance`. Outputs:
 * `tables/<arch>.tex`, published to `paper/generated/tables/`.
 *
 * @module
 */
import { join } from "node:path";
import {
  type OrbitSizeSummary,
  summarizeByOrbitSize,
} from "../../lib/analysis/summary.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import {
  booktabsTable,
  escapeLatex,
  formatNumber,
} from "../../lib/tables/booktabs.ts";
import { readPairResults } from "./_results.ts";

/** The experiments with a table, and how captions name them. */
export const TABLE_EXPERIMENTS = [
  { arch: "mlp1", title: "one-hidden-layer ReLU MLP NTK" },
  { arch: "mlp5", title: "five-hidden-layer ReLU MLP NTK" },
] as const;

export const tablesStage: Stage = {
  name: "tables",
  description: "LaTeX tables of the exact and spectral errors per N",
  deps: [...TABLE_EXPERIMENTS.map((e) => `analysis-${e.arch}`), "provenance"],
  module: new URL(import.meta.url),
  configSlice: () => ({}),
  publish: () =>
    TABLE_EXPERIMENTS.map(({ arch }) => ({
      from: `tables/${arch}.tex`,
      to: `paper/generated/tables/${arch}.tex`,
    })),

  async run(ctx) {
    await Deno.mkdir(join(ctx.outDir, "tables"));
    for (const { arch, title } of TABLE_EXPERIMENTS) {
      const rows = await readPairResults(ctx.input(`analysis-${arch}`));
      const summaries = summarizeByOrbitSize(rows);
      const table = booktabsTable(summaries, {
        caption: `Two-seed rotated MNIST, ${escapeLatex(title)}: per orbit ` +
          "size $N$, median symmetrised exact and spectral errors, Pearson " +
          "$r$ between them, agreement between $\\varepsilon_s<1$ and the " +
          "sign of the exact prediction, and fraction of held-out points " +
          "classified correctly. Profile \\runprofile; deviations from the " +
          "paper: \\rundeviations.",
        label: `tab:${arch}`,
        columns: COLUMNS,
      });
      await Deno.writeTextFile(
        join(ctx.outDir, "tables", `${arch}.tex`),
        table,
      );
    }
  },
};

const COLUMNS = [
  { header: "$N$", align: "r", cell: (s) => String(s.n) },
  { header: "pairs", align: "r", cell: (s) => String(s.pairs) },
  { header: "exact", align: "r", cell: (s) => formatNumber(s.medianExact) },
  {
    header: "spectral",
    align: "r",
    cell: (s) => formatNumber(s.medianSpectral),
  },
  { header: "$r$", align: "r", cell: (s) => formatNumber(s.pearson) },
  {
    header: "sign agr.",
    align: "r",
    cell: (s) => formatNumber(s.signAgreement),
  },
  {
    header: "correct",
    align: "r",
    cell: (s) => formatNumber(s.fractionCorrect),
  },
] as const satisfies readonly {
  header: string;
  align: "l" | "c" | "r";
  cell(s: OrbitSizeSummary): string;
}[];
