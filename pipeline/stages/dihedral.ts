/**
 * Stage `dihedral`: the finite-group theory on real MNIST (paper.md 3.6).
 * D_4 (rotations by multiples of 90° and reflections) and its subgroup C_4
 * act on 28 × 28 images as pixel permutations, so the MLP NTK Gram matrix of
 * two full orbits is exactly G-circulant and the group-Fourier
 * leave-one-out error must equal the direct one. The stage checks that on
 * every pair (to 1e-6) and fails if it does not hold.
 *
 * Inputs: `data`. Config: seed, pairs, kernels.mlp1, analysis.exactRidge.
 * Outputs: `d4.csv` and `c4.csv` (columns a,b,exact,spectral,correct, then
 * digits, predictions and the gap), published to `data/results/dihedral/`.
 *
 * @module
 */
import { join, resolve } from "node:path";
import type { Stage } from "../../lib/dag/stage.ts";
import { imageAsUnitFloat, loadMnist } from "../../lib/data/mnist.ts";
import { dihedralPairError } from "../../lib/dihedral/pair_error.ts";
import type { ImageGroupName } from "../../lib/dihedral/image_group.ts";
import { formatCsv } from "../../lib/io/csv.ts";
import { samplePairs } from "../../lib/orbits/pairs.ts";
import type { MnistRecord } from "./data.ts";

/** The groups of the experiment and their CSV file names. */
export const DIHEDRAL_GROUPS = [
  { group: "D4", file: "d4.csv" },
  { group: "C4", file: "c4.csv" },
] as const satisfies readonly { group: ImageGroupName; file: string }[];

/** One row of a dihedral CSV. */
export interface DihedralRow {
  a: number;
  b: number;
  exact: number;
  spectral: number;
  correct: number;
  digitA: number;
  digitB: number;
  predictionA: number;
  predictionB: number;
  /** |exact − spectral|. */
  gap: number;
}

/** CSV columns of {@link DihedralRow}; the first five are the issue's. */
export const DIHEDRAL_COLUMNS = [
  "a",
  "b",
  "exact",
  "spectral",
  "correct",
  "digitA",
  "digitB",
  "predictionA",
  "predictionB",
  "gap",
] as const satisfies readonly (keyof DihedralRow)[];

/** Largest |exact − spectral| the theory allows on an exactly G-circulant Gram. */
const AGREEMENT = 1e-6;

/** Pair stream of the dihedral draw (rotation orbits use stream N ≥ 2). */
const DIHEDRAL_STREAM = 0;

export const dihedralStage: Stage = {
  name: "dihedral",
  description:
    "Group-Fourier vs direct LOO error for D4 and C4 orbits of MNIST pairs",
  deps: ["data"],
  module: new URL(import.meta.url),
  configSlice: (config) => ({
    seed: config.seed,
    pairs: config.pairs,
    kernel: config.kernels.mlp1,
    exactRidge: config.analysis.exactRidge,
  }),
  ownsPublishedFolders: true,
  publish: () =>
    DIHEDRAL_GROUPS.map(({ file }) => ({
      from: file,
      to: `data/results/dihedral/${file}`,
    })),

  async run(ctx) {
    const record = JSON.parse(
      await Deno.readTextFile(join(ctx.input("data"), "mnist.json")),
    ) as MnistRecord;
    const train = await loadMnist(resolve(ctx.root, record.dir), "train");
    const pairs = samplePairs(train.labels, {
      nPairs: ctx.config.pairs.nPairs,
      drawFactor: ctx.config.pairs.drawFactor,
      seed: ctx.config.seed,
      stream: DIHEDRAL_STREAM,
    });
    const arch = ctx.config.kernels.mlp1;
    const kernel = {
      depth: arch.hiddenLayers,
      wStd: arch.wStd,
      bStd: arch.bStd,
    };

    for (const { group, file } of DIHEDRAL_GROUPS) {
      const progress = ctx.progress(`${group} pairs`, pairs.length);
      const rows: DihedralRow[] = pairs.map(({ indexA, indexB }) => {
        const result = dihedralPairError(
          imageAsUnitFloat(train.images, indexA),
          imageAsUnitFloat(train.images, indexB),
          { group, kernel, reg: ctx.config.analysis.exactRidge },
        );
        progress.tick();
        return {
          a: indexA,
          b: indexB,
          exact: result.exact,
          spectral: result.spectral,
          correct: result.correct,
          digitA: train.labels[indexA],
          digitB: train.labels[indexB],
          predictionA: result.predictionA,
          predictionB: result.predictionB,
          gap: Math.abs(result.exact - result.spectral),
        };
      });
      progress.done();
      const worst = rows.reduce((w, r) => (r.gap > w.gap ? r : w));
      if (worst.gap > AGREEMENT) {
        throw new Error(
          `${group}: the group-Fourier error must equal the direct LOO error on an exactly G-circulant Gram, ` +
            `expected |exact − spectral| ≤ ${AGREEMENT}, found ${worst.gap} for pair (${worst.a}, ${worst.b})`,
        );
      }
      const correct = rows.reduce((s, r) => s + r.correct, 0) /
        (2 * rows.length);
      ctx.note(
        `${group}: ${rows.length} pairs, max |exact − spectral| ${
          worst.gap.toExponential(1)
        }, ${(100 * correct).toFixed(1)}% correct`,
      );
      await Deno.writeTextFile(
        join(ctx.outDir, file),
        formatCsv(rows, DIHEDRAL_COLUMNS),
      );
    }
  },
};
