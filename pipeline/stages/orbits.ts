/**
 * Stages `orbits-rotate` and `orbits-shift`: seed pairs drawn from the MNIST
 * training set and their orbits (paper.md 4.2–4.4), per orbit size N:
 * rotations by 360·a/N degrees, or cyclic horizontal shifts by
 * arange(0, 28, 28 // N) pixels.
 *
 * Inputs: `data`. Config: seed, pairs, the transform's orbit sizes.
 * Outputs: see `_layout.ts`.
 *
 * @module
 */
import { join, resolve } from "node:path";
import type { Config } from "../../lib/config/schema.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import {
  imageAsUnitFloat,
  loadMnist,
  MNIST_PIXELS,
} from "../../lib/data/mnist.ts";
import { buildPairOrbit } from "../../lib/orbits/orbit.ts";
import { samplePairs } from "../../lib/orbits/pairs.ts";
import type { MnistRecord } from "./data.ts";
import { orbitStageName, type OrbitTransform } from "./experiments.ts";
import { type SeedPair, writeOrbitIndex, writeOrbitSet } from "./_layout.ts";

/**
 * Random stream of the pairs of orbit size N: N for rotations (so each N
 * has its own pairs, as in the reference code), 1000 + N for shifts.
 */
function pairStream(transform: OrbitTransform, n: number): number {
  return transform === "rotate" ? n : 1000 + n;
}

/** The orbit stage of one transform. */
export function orbitStage(transform: OrbitTransform): Stage {
  const sizesOf = (config: Config) =>
    transform === "rotate"
      ? config.rotation.orbitSizes
      : config.shift.orbitSizes;
  return {
    name: orbitStageName(transform),
    description: `Draw seed pairs and build their ${
      transform === "rotate" ? "rotation" : "cyclic shift"
    } orbits for every N`,
    deps: ["data"],
    module: new URL(import.meta.url),
    configSlice: (config) => ({
      seed: config.seed,
      pairs: config.pairs,
      orbitSizes: sizesOf(config),
    }),

    async run(ctx) {
      const record = JSON.parse(
        await Deno.readTextFile(join(ctx.input("data"), "mnist.json")),
      ) as MnistRecord;
      const train = await loadMnist(resolve(ctx.root, record.dir), "train");
      const sizes = [...sizesOf(ctx.config)].sort((a, b) => a - b);
      const { nPairs, drawFactor } = ctx.config.pairs;
      const progress = ctx.progress("orbit pairs", sizes.length * nPairs);
      const imageA = new Float64Array(MNIST_PIXELS);
      const imageB = new Float64Array(MNIST_PIXELS);

      for (const n of sizes) {
        const drawn = samplePairs(train.labels, {
          nPairs,
          drawFactor,
          seed: ctx.config.seed,
          stream: pairStream(transform, n),
        });
        const pairs: SeedPair[] = drawn.map(({ indexA, indexB }) => ({
          indexA,
          indexB,
          digitA: train.labels[indexA],
          digitB: train.labels[indexB],
        }));
        const orbitLength = 2 * n * MNIST_PIXELS;
        const orbits = new Float64Array(pairs.length * orbitLength);
        pairs.forEach((pair, p) => {
          imageAsUnitFloat(train.images, pair.indexA, imageA);
          imageAsUnitFloat(train.images, pair.indexB, imageB);
          orbits.set(
            buildPairOrbit(imageA, imageB, { n, transform }),
            p * orbitLength,
          );
          progress.tick();
        });
        await writeOrbitSet(ctx.outDir, { n, d: MNIST_PIXELS, pairs, orbits });
      }
      progress.done();
      await writeOrbitIndex(ctx.outDir, sizes, transform);
      ctx.note(`${nPairs} pairs for N = ${sizes.join(", ")}`);
    },
  };
}
