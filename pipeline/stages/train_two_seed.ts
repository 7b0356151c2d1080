/**
 * Stages `train-mlp1` and `train-mlp1-pairs`: the trained counterpart of
 * the one-hidden-layer MLP NTK (paper.md 6.2, Figure 5B).
 *
 * `train-mlp1` trains, for each pair, one finite-width network (NTK
 * parameterisation, width 512) with full-batch Adam on the orbit without
 * A's identity pose, and one without the last point (B at angle
 * (N−1)·360/N, paper.md G.9). The whole ensemble trains as batched
 * TensorFlow.js models, on WebGPU when a real GPU adapter exists, else
 * wasm. Training is checkpointed per chunk of pairs in the stage's resume
 * folder: an interrupted run continues with the chunks it has not
 * finished. Input: `orbits-rotate`. Output: `outcomes.json`.
 *
 * `train-mlp1-pairs` joins those outcomes with the pairs' NTK analysis, so
 * that a change to the analysis settings does not retrain: PairResult rows
 * in which exactError, correct and the two predictions are the trained
 * networks' (predictionB is at orbit index 2N − 1), while spectralError and
 * the geometry are those of the pair's NTK. Inputs: `train-mlp1`,
 * `analysis-mlp1`. Output: `pairs.csv`, published to
 * `data/results/mlp1-trained/pairs.csv`.
 *
 * @module
 */
import { join } from "node:path";
import {
  PAIR_RESULT_COLUMNS,
  type PairResult,
} from "../../lib/analysis/pair_result.ts";
import { chooseBackend, selectBackend } from "../../lib/backend/select.ts";
import type { Stage } from "../../lib/dag/stage.ts";
import { atomicWriteText } from "../../lib/io/atomic_write.ts";
import { formatCsv } from "../../lib/io/csv.ts";
import {
  trainTwoSeedEnsemble,
  type TwoSeedPairOutcome,
} from "../../lib/training/two_seed_mlp.ts";
import { mixSeed } from "../../lib/random/mix_seed.ts";
import { backendOverride } from "./_backend.ts";
import { readOrbitSet } from "./_layout.ts";
import { readPairResults } from "./_results.ts";

/** Pairs trained together and checkpointed together. */
const CHUNK_PAIRS = 8;

/** The trained outcomes of one orbit size, as `train-mlp1` stores them. */
interface TrainedOrbitSize {
  n: number;
  outcomes: TwoSeedPairOutcome[];
}

const OUTCOMES = "outcomes.json";

export const twoSeedTrainingStage: Stage = {
  name: "train-mlp1",
  description: "Train the two-seed MLP ensemble (Figure 5B)",
  deps: ["orbits-rotate"],
  module: new URL(import.meta.url),
  configSlice: (config) => ({
    seed: config.seed,
    training: config.training.twoSeed,
    orbitSizes: config.rotation.orbitSizes,
  }),
  toolVersions: async (config) => ({
    backend: (await chooseBackend({ override: backendOverride(config) })).name,
  }),

  async run(ctx) {
    const spec = ctx.config.training.twoSeed;
    const backend = await selectBackend({
      override: backendOverride(ctx.config),
    });
    ctx.note(`TensorFlow.js backend ${backend.name}: ${backend.reason}`);
    const rotationSizes = ctx.config.rotation.orbitSizes;
    const skipped = spec.orbitSizes.filter((n) => !rotationSizes.includes(n));
    if (skipped.length > 0) {
      ctx.note(
        `training.twoSeed.orbitSizes ${
          skipped.join(", ")
        } skipped: not among rotation.orbitSizes (${
          rotationSizes.join(", ")
        }), whose orbits the networks train on; add them there to train them`,
      );
    }
    const sizes = spec.orbitSizes.filter((n) => rotationSizes.includes(n));
    await Deno.mkdir(ctx.resumeDir, { recursive: true });

    const trainedSizes: TrainedOrbitSize[] = [];
    for (const n of sizes) {
      const set = await readOrbitSet(ctx.input("orbits-rotate"), n);
      const count = Math.min(set.pairs.length, spec.maxPairs);
      const chunks = Math.ceil(count / CHUNK_PAIRS);
      const progress = ctx.progress(`N=${n} Adam steps`, chunks * spec.steps);
      const outcomes: TwoSeedPairOutcome[] = [];
      for (let chunk = 0; chunk < chunks; chunk++) {
        const checkpoint = join(ctx.resumeDir, `N${n}-chunk${chunk}.json`);
        const first = chunk * CHUNK_PAIRS;
        const size = Math.min(CHUNK_PAIRS, count - first);
        const saved = await readChunk(
          checkpoint,
          size,
          (message) => ctx.note(message),
        );
        let trained: TwoSeedPairOutcome[];
        if (saved) {
          trained = saved;
          progress.tick(spec.steps);
        } else {
          const m = 2 * n;
          let reported = 0;
          trained = trainTwoSeedEnsemble(
            set.orbits.subarray(first * m * set.d, (first + size) * m * set.d),
            {
              n,
              pairs: size,
              steps: spec.steps,
              width: spec.width,
              learningRate: spec.learningRate,
              // One seed per chunk: results do not depend on run history.
              seed: mixSeed(ctx.config.seed, n, chunk),
              chunkPairs: CHUNK_PAIRS,
              progressEvery: Math.max(1, Math.floor(spec.steps / 20)),
              onProgress: ({ step, loss }) => {
                progress.tick(
                  step - reported,
                  `pairs ${first}–${first + size - 1} loss ${
                    loss.toExponential(2)
                  }`,
                );
                reported = step;
              },
            },
          );
          await atomicWriteText(checkpoint, JSON.stringify(trained));
        }
        outcomes.push(...trained.map((t) => ({ ...t, pair: first + t.pair })));
      }
      progress.done();
      const fitted = outcomes.filter((o) =>
        Math.max(o.trainLossA, o.trainLossB) < 1e-2
      ).length;
      ctx.note(
        `N=${n}: ${outcomes.length} pairs, ${fitted} with training MSE < 0.01, ` +
          `${
            (100 * outcomes.reduce((s, o) => s + o.correct, 0) /
              (2 * outcomes.length)).toFixed(1)
          }% correct`,
      );
      trainedSizes.push({ n, outcomes });
    }
    await Deno.writeTextFile(
      join(ctx.outDir, OUTCOMES),
      JSON.stringify(trainedSizes),
    );
  },
};

/**
 * The outcomes saved for one chunk of `size` pairs, or undefined when there
 * are none; a damaged file (not JSON, or not `size` outcomes) is reported
 * through `note` and its chunk trains again.
 */
async function readChunk(
  path: string,
  size: number,
  note: (message: string) => void,
): Promise<TwoSeedPairOutcome[] | undefined> {
  const text = await Deno.readTextFile(path).catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const outcomes = JSON.parse(text);
    if (
      Array.isArray(outcomes) && outcomes.length === size &&
      outcomes.every((o) => Number.isFinite(o?.exactError))
    ) {
      return outcomes;
    }
  } catch {
    // Reported below.
  }
  note(
    `checkpoint ${path} is damaged (expected ${size} trained outcomes as JSON): this chunk trains again`,
  );
  return undefined;
}

export const twoSeedPairsStage: Stage = {
  name: "train-mlp1-pairs",
  description:
    "Trained two-seed MLP errors with their NTK's spectral error (Figure 5B)",
  deps: ["train-mlp1", "analysis-mlp1"],
  module: new URL(import.meta.url),
  configSlice: () => ({}),
  ownsPublishedFolders: true,
  publish: () => [
    { from: "pairs.csv", to: "data/results/mlp1-trained/pairs.csv" },
  ],

  async run(ctx) {
    const trainedSizes: TrainedOrbitSize[] = JSON.parse(
      await Deno.readTextFile(join(ctx.input("train-mlp1"), OUTCOMES)),
    );
    const ntkRows = await readPairResults(ctx.input("analysis-mlp1"));
    const rows: PairResult[] = [];
    for (const { n, outcomes } of trainedSizes) {
      for (const outcome of outcomes) {
        const kernelRow = ntkRows.find((r) =>
          r.n === n && r.pair === outcome.pair
        );
        if (!kernelRow) {
          throw new Error(
            `No NTK row for N=${n}, pair ${outcome.pair} in analysis-mlp1: expected the trained pairs to be among the analysed ones`,
          );
        }
        rows.push({
          ...kernelRow,
          exactError: outcome.exactError,
          correct: outcome.correct,
          predictionA: outcome.predictionA,
          predictionB: outcome.predictionB,
        });
      }
    }
    await Deno.writeTextFile(
      join(ctx.outDir, "pairs.csv"),
      formatCsv(rows, PAIR_RESULT_COLUMNS),
    );
  },
};
