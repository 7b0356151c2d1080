/**
 * Stage `toy`: the two sweeps of the toy model (paper.md 7.4, F.1): error
 * against class separation Δ (case 1) and against orbit size N (case 2),
 * exact leave-one-out and spectral, with the reference code's parameters.
 *
 * Inputs: none. Outputs: `case1.csv` (delta,exact,spectral) and `case2.csv`
 * (n,exact,spectral), published to `data/results/toy/`.
 *
 * @module
 */
import { join } from "node:path";
import type { Stage } from "../../lib/dag/stage.ts";
import { formatCsv } from "../../lib/io/csv.ts";
import { deltaSweep, orbitSizeSweep } from "../../lib/toy/sweeps.ts";

export const toyStage: Stage = {
  name: "toy",
  description:
    "Toy-model sweeps: error against class separation and orbit size",
  deps: [],
  module: new URL(import.meta.url),
  configSlice: () => ({}),
  ownsPublishedFolders: true,
  publish: () => [
    { from: "case1.csv", to: "data/results/toy/case1.csv" },
    { from: "case2.csv", to: "data/results/toy/case2.csv" },
  ],

  async run(ctx) {
    const case1 = deltaSweep();
    const case2 = orbitSizeSweep();
    await Deno.writeTextFile(
      join(ctx.outDir, "case1.csv"),
      formatCsv(case1, ["delta", "exact", "spectral"]),
    );
    await Deno.writeTextFile(
      join(ctx.outDir, "case2.csv"),
      formatCsv(case2, ["n", "exact", "spectral"]),
    );
    const at = (n: number) => case2.find((r) => r.n === n)!;
    ctx.note(
      `case 2: exact error ${at(4).exact.toPrecision(6)} at N = 4, ` +
        `${at(8).exact.toPrecision(6)} at N = 8, ${
          at(48).exact.toPrecision(6)
        } at N = 48`,
    );
  },
};
