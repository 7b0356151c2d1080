/**
 * Stage `tables`: one booktabs table per two-seed experiment — per orbit
 * size N, the median exact and spectral errors, their Pearson correlation,
 * the sign agreement and the fraction correct.
 *
 * Also the dihedral experiment's table (paper.md 3.6).
 *
 * Inputs: every `analysis-<id>`, `dihedral`, `provenance`. Config: all of
 * it, for the deviations each caption lists.
 * Outputs: `tables/<name>.tex`, published to `paper/generated/tables/`.
 *
 * @module
 */
import { join } from "node:path";
import {
  median,
  type OrbitSizeSummary,
  summarizeByOrbitSize,
} from "../../lib/analysis/summary.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import {
  booktabsTable,
  escapeLatex,
  formatNumber,
} from "../../lib/tables/booktabs.ts";
import { parseNumericCsv } from "../../lib/io/csv.ts";
import { deviationsFor } from "../../lib/config/deviations.ts";
import { DIHEDRAL_GROUPS } from "./dihedral.ts";
import { deviationsLatex } from "./provenance.ts";
import { KERNEL_EXPERIMENTS } from "./experiments.ts";
import { readPairResults } from "./_results.ts";

export const tablesStage: Stage = {
  name: "tables",
  description: "LaTeX tables of the exact and spectral errors per N",
  deps: [
    ...KERNEL_EXPERIMENTS.map((e) => `analysis-${e.id}`),
    "dihedral",
    "provenance",
  ],
  module: new URL(import.meta.url),
  // Captions list the deviations from the paper that bear on each table.
  configSlice: (config) => config,
  ownsPublishedFolders: true,
  publish: () =>
    [...KERNEL_EXPERIMENTS.map((e) => e.id), "dihedral"].map((name) => ({
      from: `tables/${name}.tex`,
      to: `paper/generated/tables/${name}.tex`,
    })),

  async run(ctx) {
    await Deno.mkdir(join(ctx.outDir, "tables"));
    for (const { id, title, transform, configKeys } of KERNEL_EXPERIMENTS) {
      const deviations = deviationsFor(ctx.config, configKeys);
      const rows = await readPairResults(ctx.input(`analysis-${id}`));
      const summaries = summarizeByOrbitSize(rows);
      const table = booktabsTable(summaries, {
        caption:
          `Two-seed ${
            transform === "rotate" ? "rotated" : "cyclically shifted"
          } MNIST, ${escapeLatex(title)}: per orbit ` +
          "size $N$, median symmetrised exact and spectral errors, Pearson " +
          "$r$ between them, agreement between $\\varepsilon_s<1$ and the " +
          "sign of the exact prediction, and fraction of held-out points " +
          "classified correctly. Profile \\runprofile; deviations from the " +
          `paper: ${deviationsLatex(deviations)}.`,
        label: `tab:${id}`,
        columns: COLUMNS,
      });
      await Deno.writeTextFile(
        join(ctx.outDir, "tables", `${id}.tex`),
        table,
      );
    }
    await Deno.writeTextFile(
      join(ctx.outDir, "tables", "dihedral.tex"),
      await dihedralTable(ctx.input("dihedral")),
    );
  },
};

/** Summary of one group of the dihedral experiment. */
interface GroupSummary {
  group: string;
  pairs: number;
  medianExact: number;
  medianSpectral: number;
  maxGap: number;
  fractionCorrect: number;
}

async function dihedralTable(entryDir: string): Promise<string> {
  const summaries: GroupSummary[] = [];
  for (const { group, file } of DIHEDRAL_GROUPS) {
    const path = join(entryDir, file);
    const rows = parseNumericCsv(
      await Deno.readTextFile(path),
      ["exact", "spectral", "correct", "gap"],
      path,
    );
    summaries.push({
      group,
      pairs: rows.length,
      medianExact: median(rows.map((r) => r.exact)),
      medianSpectral: median(rows.map((r) => r.spectral)),
      maxGap: Math.max(...rows.map((r) => r.gap)),
      fractionCorrect: rows.reduce((s, r) => s + r.correct, 0) /
        (2 * rows.length),
    });
  }
  return booktabsTable(summaries, {
    caption: "Two-seed MNIST orbits under the exact group actions $D_4$ " +
      "(rotations by multiples of $90^\\circ$ and reflections) and $C_4$ " +
      "(rotations only), one-hidden-layer MLP NTK: median direct " +
      "leave-one-out error, median group-Fourier error, the largest " +
      "difference between the two over all pairs, and the fraction of " +
      "held-out points classified correctly. Profile \\runprofile.",
    label: "tab:dihedral",
    columns: GROUP_COLUMNS,
  });
}

const GROUP_COLUMNS = [
  { header: "group", align: "l", cell: (s) => `$${s.group[0]}_${s.group[1]}$` },
  { header: "pairs", align: "r", cell: (s) => String(s.pairs) },
  { header: "exact", align: "r", cell: (s) => formatNumber(s.medianExact) },
  {
    header: "group-Fourier",
    align: "r",
    cell: (s) => formatNumber(s.medianSpectral),
  },
  {
    header: "max diff.",
    align: "r",
    cell: (s) => formatNumber(s.maxGap, 2),
  },
  {
    header: "correct",
    align: "r",
    cell: (s) => formatNumber(s.fractionCorrect),
  },
] as const satisfies readonly {
  header: string;
  align: "l" | "c" | "r";
  cell(s: GroupSummary): string;
}[];

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
