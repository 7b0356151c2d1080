/**
 * Stage `orbits-rotate`: seed pairs drawn from the MNIST training set and
 * their rotation orbits (paper.md 4.2–4.4), per orbit size N.
 *
 * Inputs: `data`. Config: seed, pairs, rotation.orbitSizes. Outputs: see
 * `_layout.ts`.
 *
 * @module
 */
import type { Stage } from "../../lib/dag/stage.ts";
import {
  imageAsUnitFloat,
  loadMnist,
  MNIST_PIXELS,
} from "../../lib/data/mnist.ts";
import { buildPairOrbit } from "../../lib/orbits/orbit.ts";
import { samplePairs } from "../../lib/orbits/pairs.ts";
import type { MnistRecord } from "./data.ts";
import { type SeedPair, writeOrbitIndex, writeOrbitSet } from "./_layout.ts";
import { join, resolve } from "node:path";

export const rotationOrbitsStage: Stage = {
  name: "orbits-rotate",
  description: "Draw seed pairs and build their rotation orbits for every N",
  deps: ["data"],
  module: new URL(import.meta.url),
  configSlice: (config) => ({
    seed: config.seed,
    pairs: config.pairs,
    orbitSizes: config.rotation.orbitSizes,
  }),

  async run(ctx) {
    const record = JSON.parse(
      await Deno.readTextFile(join(ctx.input("data"), "mnist.json")),
    ) as MnistRecord;
    const train = await loadMnist(resolve(ctx.root, record.dir), "train");
    const sizes = [...ctx.config.rotation.orbitSizes].sort((a, b) => a - b);
    const { nPairs, drawFactor } = ctx.config.pairs;
    const progress = ctx.progress("orbit pairs", sizes.length * nPairs);
    const imageA = new Float64Array(MNIST_PIXELS);
    const imageB = new Float64Array(MNIST_PIXELS);

    for (const n of sizes) {
      const drawn = samplePairs(train.labels, {
        nPairs,
        drawFactor,
        seed: ctx.config.seed,
        stream: n,
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
          buildPairOrbit(imageA, imageB, { n, transform: "rotate" }),
          p * orbitLength,
        );
        progress.tick();
      });
      await writeOrbitSet(ctx.outDir, { n, d: MNIST_PIXELS, pairs, orbits });
    }
    progress.done();
    await writeOrbitIndex(ctx.outDir, sizes, "rotate");
    ctx.note(`${nPairs} pairs for N = ${sizes.join(", ")}`);
  },
};
