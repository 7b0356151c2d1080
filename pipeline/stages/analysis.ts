/**
 * Stages `analysis-<arch>`: per pair, the symmetrised exact leave-one-out
 * error, the spectral error and the geometric quantities of Figure 4
 * (paper.md 3.3–3.5, 4.5, 5.4), one CSV row per N and pair.
 *
 * Inputs: `orbits-rotate`, `kernels-<arch>`. Config: analysis. Output:
 * `pairs.csv` (columns {@link PAIR_RESULT_COLUMNS}), published to
 * `data/results/<arch>/pairs.csv`.
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
import type { MlpArchitectureName } from "./kernels.ts";
import { orbitSizesIn, readGrams, readOrbitSet } from "./_layout.ts";

/** The analysis stage of one architecture. */
export function analysisStage(arch: MlpArchitectureName): Stage {
  const kernels = `kernels-${arch}`;
  return {
    name: `analysis-${arch}`,
    description: `Exact and spectral errors of every pair (${arch})`,
    deps: ["orbits-rotate", kernels],
    module: new URL(import.meta.url),
    configSlice: (config) => config.analysis,
    publish:
      () => [{ from: "pairs.csv", to: `data/results/${arch}/pairs.csv` }],

    async run(ctx) {
      const { exactRidge, spectralRidge, truncation } = ctx.config.analysis;
      const orbitsDir = ctx.input("orbits-rotate");
      const rows: PairResult[] = [];
      for (const n of await orbitSizesIn(orbitsDir)) {
        const set = await readOrbitSet(orbitsDir, n);
        const m = 2 * n;
        const grams = await readGrams(ctx.input(kernels), n, set.pairs.length);
        const progress = ctx.progress(`N=${n} pairs`, set.pairs.length);
        set.pairs.forEach((pair, p) => {
          const metrics = pairMetrics(
            set.orbits.subarray(p * m * set.d, (p + 1) * m * set.d),
            grams.subarray(p * m * m, (p + 1) * m * m),
            {
              n,
              d: set.d,
              exactReg: exactRidge,
              spectralReg: spectralRidge,
              truncate: truncation === "float32",
            },
          );
          rows.push({ n, pair: p, ...pair, ...metrics });
          progress.tick();
        });
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
