/**
 * Stages `kernels-<arch>`: infinite-width NTK Gram matrices of every pair
 * orbit (paper.md 5.1), float64.
 *
 * Inputs: `orbits-rotate`. Config: the architecture. Outputs: see
 * `_layout.ts`.
 *
 * @module
 */
import type { Config } from "../../lib/config/schema.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import { mlpGram } from "../../lib/kernels/mlp.ts";
import {
  orbitSizesIn,
  readOrbitSet,
  writeGrams,
  writeOrbitIndex,
} from "./_layout.ts";

/** Architectures with a kernel stage; each names a `config.kernels` field. */
export type MlpArchitectureName = keyof Config["kernels"];

/** The kernel stage of one MLP architecture. */
export function mlpKernelStage(arch: MlpArchitectureName): Stage {
  return {
    name: `kernels-${arch}`,
    description: `NTK Gram matrices of every rotation orbit pair (${arch})`,
    deps: ["orbits-rotate"],
    module: new URL(import.meta.url),
    configSlice: (config) => config.kernels[arch],

    async run(ctx) {
      const spec = ctx.config.kernels[arch];
      const orbitsDir = ctx.input("orbits-rotate");
      const sizes = await orbitSizesIn(orbitsDir);
      for (const n of sizes) {
        const set = await readOrbitSet(orbitsDir, n);
        const m = 2 * n;
        const grams = new Float64Array(set.pairs.length * m * m);
        const progress = ctx.progress(`N=${n} Gram matrices`, set.pairs.length);
        for (let p = 0; p < set.pairs.length; p++) {
          const orbit = set.orbits.subarray(p * m * set.d, (p + 1) * m * set.d);
          const { ntk } = mlpGram(orbit, m, {
            depth: spec.hiddenLayers,
            wStd: spec.wStd,
            bStd: spec.bStd,
          });
          grams.set(ntk, p * m * m);
          progress.tick();
        }
        progress.done();
        await writeGrams(ctx.outDir, n, grams);
      }
      await writeOrbitIndex(ctx.outDir, sizes, "rotate");
    },
  };
}
