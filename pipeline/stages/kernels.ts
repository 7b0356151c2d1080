/**
 * Stages `kernels-<id>`: the NTK Gram matrix of every pair orbit of one
 * experiment (pipeline/stages/experiments.ts), float64.
 *
 * Inputs: the experiment's orbit stage. Config: the kernel's parameters and
 * the experiment's selection of pairs and orbit sizes. Outputs: see
 * `_layout.ts` (plus `index.json` with the sizes and pair count).
 *
 * @module
 */
import type { Stage } from "../../lib/dag/stage.ts";
import { type KernelExperiment, orbitStageName } from "./experiments.ts";
import {
  orbitSizesIn,
  readOrbitSet,
  writeGrams,
  writeOrbitIndex,
} from "./_layout.ts";

/** The kernel stage of one experiment. */
export function kernelStage(experiment: KernelExperiment): Stage {
  const orbits = orbitStageName(experiment.transform);
  return {
    name: `kernels-${experiment.id}`,
    description: `NTK Gram matrices of the pair orbits (${experiment.id})`,
    deps: [orbits],
    module: new URL(import.meta.url),
    configSlice: (config) => ({
      kernel: experiment.kernelConfig(config),
      selection: experiment.selection(config) ?? "all",
    }),
    toolVersions: async (config): Promise<Record<string, string>> =>
      experiment.computePath
        ? { computePath: await experiment.computePath(config) }
        : {},

    async run(ctx) {
      const selection = experiment.selection(ctx.config);
      const all = await orbitSizesIn(ctx.input(orbits));
      const sizes = all.filter((n) =>
        !selection || n <= selection.maxOrbitSize
      );
      if (experiment.computePath) {
        ctx.note(
          `Gram matrices computed with ${await experiment.computePath(
            ctx.config,
          )}`,
        );
      }
      for (const n of sizes) {
        const set = await readOrbitSet(ctx.input(orbits), n);
        const count = Math.min(
          set.pairs.length,
          selection?.maxPairs ?? Infinity,
        );
        const m = 2 * n;
        const grams = new Float64Array(count * m * m);
        const progress = ctx.progress(`N=${n} Gram matrices`, count);
        for (let p = 0; p < count; p++) {
          const orbit = set.orbits.subarray(p * m * set.d, (p + 1) * m * set.d);
          grams.set(await experiment.gram(ctx.config, orbit, m), p * m * m);
          progress.tick();
        }
        progress.done();
        await writeGrams(ctx.outDir, n, grams);
      }
      await writeOrbitIndex(ctx.outDir, sizes, experiment.transform);
    },
  };
}
