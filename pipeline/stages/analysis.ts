/**
 * Stages `analysis-<id>`: per pair, the symmetrised exact leave-one-out
 * error, the spectral error and the geometric quantities of Figure 4
 * (paper.md 3.3–3.5, 4.5, 5.4), one CSV row per N and pair.
 *
 * Inputs: the experiment's orbits and `kernels-<id>`. Config: analysis.
 * Output: `pairs.csv` (columns {@link PAIR_RESULT_COLUMNS}), published to
 * `data/results/<id>/pairs.csv`.
 *
 * @module
 */
import { join } from "node:path";
import { pairMetrics } from "../../lib/analysis/pair_metrics.ts";
import {
  PAIR_RESULT_COLUMNS,
  type PairResult,
} from "../../lib/analysis/pair_result.ts";
import { median } from "../../lib/analysis/summary.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import { formatCsv } from "../../lib/io/csv.ts";
import { type KernelExperiment, orbitStageName } from "./experiments.ts";
import { orbitSizesIn, readGrams, readOrbitSet } from "./_layout.ts";

/** The analysis stage of one experiment. */
export function analysisStage(experiment: KernelExperiment): Stage {
  const orbits = orbitStageName(experiment.transform);
  const kernels = `kernels-${experiment.id}`;
  return {
    name: `analysis-${experiment.id}`,
    description: `Exact and spectral errors of every pair (${experiment.id})`,
    deps: [orbits, kernels],
    module: new URL(import.meta.url),
    configSlice: (config) => config.analysis,
    ownsPublishedFolders: true,
    publish: () => [
      { from: "pairs.csv", to: `data/results/${experiment.id}/pairs.csv` },
    ],

    async run(ctx) {
      const { exactRidge, spectralRidge, truncation } = ctx.config.analysis;
      const rows: PairResult[] = [];
      for (const n of await orbitSizesIn(ctx.input(kernels))) {
        const set = await readOrbitSet(ctx.input(orbits), n);
        const { count, grams } = await readGrams(ctx.input(kernels), n);
        const m = 2 * n;
        const progress = ctx.progress(`N=${n} pairs`, count);
        for (let p = 0; p < count; p++) {
          const metrics = pairMetrics(
            set.orbits.subarray(p * m * set.d, (p + 1) * m * set.d),
            grams.subarray(p * m * m, (p + 1) * m * m),
            {
              n,
              d: set.d,
              exactReg: exactRidge,
              spectralReg: spectralRidge,
              truncate: truncation === "float32",
              spectrumConvention: experiment.spectrumConvention,
            },
          );
          rows.push({ n, pair: p, ...set.pairs[p], ...metrics });
          progress.tick();
        }
        progress.done();
        const atN = rows.filter((row) => row.n === n);
        const correct = atN.reduce((s, r) => s + r.correct, 0) /
          (2 * atN.length);
        ctx.note(
          `N=${n}: ${atN.length} pairs, median exact ${
            median(atN.map((r) => r.exactError)).toFixed(3)
          }, median spectral ${
            median(atN.map((r) => r.spectralError)).toFixed(3)
          }, ${(100 * correct).toFixed(1)}% correct`,
        );
      }
      await Deno.writeTextFile(
        join(ctx.outDir, "pairs.csv"),
        formatCsv(rows, PAIR_RESULT_COLUMNS),
      );
    },
  };
}
