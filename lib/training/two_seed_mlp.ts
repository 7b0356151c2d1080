/**
 * The trained two-seed MLP ensemble of paper.md 6.2 (`mlp_trained.py`, the
 * trained counterpart in Figure 5B): one one-hidden-layer ReLU network per
 * pair and run, all trained at once as one batched TF.js model.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { gatherTwoSeedBatch } from "./_two_seed_data.ts";
import {
  createTwoSeedInitStream,
  type TwoSeedParameters,
} from "./_two_seed_init.ts";

/** Progress of {@linkcode trainTwoSeedEnsemble}, reported between steps. */
export interface TwoSeedProgress {
  /** Chunk of pairs being trained, 0-based. */
  chunk: number;
  /** Number of chunks, ⌈pairs / chunkPairs⌉. */
  chunks: number;
  /** Adam steps done in this chunk, 1..steps. */
  step: number;
  /** Adam steps per chunk. */
  steps: number;
  /**
   * Training objective before this step: Σ over the chunk's networks of
   * each network's mean squared error (paper.md 6.2).
   */
  loss: number;
}

/** Options of {@linkcode trainTwoSeedEnsemble}. */
export interface TwoSeedEnsembleOptions {
  /** Orbit size N per class; each network trains on 2N − 1 points. */
  n: number;
  /** Number of pairs P in `orbits`. */
  pairs: number;
  /** Full-batch Adam steps (default 2000, paper.md 6.2). */
  steps?: number;
  /** Hidden width (default 512). */
  width?: number;
  /** Seed of the initial weights, an integer in [0, 2^32) (default 0). */
  seed?: number;
  /** Adam learning rate (default 1e-3; betas 0.9/0.999, eps 1e-8). */
  learningRate?: number;
  /**
   * Pairs trained together in one batched model (default 64, i.e. 128
   * networks). Chunks run one after the other; results do not depend on
   * this, only memory does: each network holds 4 copies of its d · width
   * first-layer weights (value, gradient, two Adam moments) plus Adam's
   * temporaries. The wasm backend (4 GB heap) fails at 128 pairs per chunk
   * with d = 784, width = 512; 64 fits.
   */
  chunkPairs?: number;
  /** Report progress every this many steps and at the last (default 100). */
  progressEvery?: number;
  /** Called with the loss every `progressEvery` steps. */
  onProgress?: (progress: TwoSeedProgress) => void;
}

/** Outcome of one pair after training (paper.md 4.5, "Trained two-seed"). */
export interface TwoSeedPairOutcome {
  /** Index of the pair, 0-based. */
  pair: number;
  /** mean(|1 − ŷ_A|, |−1 − ŷ_B|). */
  exactError: number;
  /** [ŷ_A > 0] + [ŷ_B < 0]: 0, 1 or 2. */
  correct: number;
  /** Run 1's prediction at orbit index 0 (A at identity, y = +1). */
  predictionA: number;
  /**
   * Run 2's prediction at orbit index 2N − 1 (B at angle (N−1)·360/N,
   * y = −1; paper.md G.9), not at B's identity pose.
   */
  predictionB: number;
  /** Run 1's final mean squared error on its 2N − 1 training points. */
  trainLossA: number;
  /** Run 2's final mean squared error on its 2N − 1 training points. */
  trainLossB: number;
}

interface Shape {
  n: number;
  inputSize: number;
  width: number;
}

interface Parameters {
  w1: tf.Variable;
  b1: tf.Variable;
  w2: tf.Variable;
  b2: tf.Variable;
}

function checkInteger(value: number, name: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `trainTwoSeedEnsemble: expected ${name} to be an integer >= ${min}, ` +
        `got ${value}; fix the option`,
    );
  }
}

/** Stacks per-pair parameters into variables, each pair used by 2 runs. */
function stackParameters(inits: TwoSeedParameters[], shape: Shape) {
  const { inputSize: d, width } = shape;
  const networks = 2 * inits.length;
  const w1 = new Float32Array(networks * d * width);
  const b1 = new Float32Array(networks * width);
  const w2 = new Float32Array(networks * width);
  const b2 = new Float32Array(networks);
  inits.forEach((init, p) => {
    for (let e = 2 * p; e < 2 * p + 2; e++) {
      w1.set(init.w1, e * d * width);
      b1.set(init.b1, e * width);
      w2.set(init.w2, e * width);
      b2[e] = init.b2[0];
    }
  });
  // Variables keep their data when tidy() disposes the initial tensors.
  return tf.tidy(() => ({
    w1: tf.variable(tf.tensor3d(w1, [networks, d, width])),
    b1: tf.variable(tf.tensor3d(b1, [networks, 1, width])),
    w2: tf.variable(tf.tensor3d(w2, [networks, width, 1])),
    b2: tf.variable(tf.tensor3d(b2, [networks, 1, 1])),
  }));
}

/**
 * Batched forward pass, NTK parameterisation (paper.md 6.2):
 * relu(x W1/√d + b1) · W2/√width + b2 per network. `xScaled` is x/√d,
 * [E, k, d]; the result is [E, k, 1].
 */
function forward(xScaled: tf.Tensor3D, params: Parameters, width: number) {
  const hidden = tf.relu(tf.add(tf.matMul(xScaled, params.w1), params.b1));
  const out = tf.matMul(hidden, params.w2).mul(1 / Math.sqrt(width));
  return tf.add(out, params.b2) as tf.Tensor3D;
}

/** Per-network mean squared error, [E]. */
function networkLosses(
  xScaled: tf.Tensor3D,
  yTrain: tf.Tensor3D,
  params: Parameters,
  width: number,
): tf.Tensor1D {
  const residual = tf.squaredDifference(
    forward(xScaled, params, width),
    yTrain,
  );
  return residual.mean([1, 2]) as tf.Tensor1D;
}

function readAndDispose(tensor: tf.Tensor): Float32Array {
  const values = tensor.dataSync() as Float32Array;
  tensor.dispose();
  return values;
}

function trainChunk(
  orbits: Float64Array,
  range: { start: number; end: number; chunk: number; chunks: number },
  inits: TwoSeedParameters[],
  options: Required<Omit<TwoSeedEnsembleOptions, "onProgress">> & {
    shape: Shape;
    onProgress?: (progress: TwoSeedProgress) => void;
  },
): TwoSeedPairOutcome[] {
  const { shape, steps, progressEvery } = options;
  const { n, inputSize: d, width } = shape;
  const networks = 2 * (range.end - range.start);
  const m = 2 * n - 1;
  const batch = gatherTwoSeedBatch(orbits, range, shape);
  const xTrain = tf.tidy(() =>
    tf.tensor3d(batch.xTrain, [networks, m, d]).mul(1 / Math.sqrt(d))
  ) as tf.Tensor3D;
  const yTrain = tf.tensor3d(batch.yTrain, [networks, m, 1]);
  const xTest = tf.tidy(() =>
    tf.tensor3d(batch.xTest, [networks, 1, d]).mul(1 / Math.sqrt(d))
  ) as tf.Tensor3D;
  const params = stackParameters(inits, shape);
  const optimizer = tf.train.adam(options.learningRate, 0.9, 0.999, 1e-8);

  try {
    // Full-batch Adam on Σ_networks MSE; gradients never mix networks.
    for (let step = 1; step <= steps; step++) {
      const report = step % progressEvery === 0 || step === steps;
      // minimize() tidies its own intermediates and gradients.
      const cost = optimizer.minimize(
        () => networkLosses(xTrain, yTrain, params, width).sum(),
        report,
        Object.values(params),
      );
      if (cost !== null) {
        const loss = readAndDispose(cost)[0];
        options.onProgress?.({
          chunk: range.chunk,
          chunks: range.chunks,
          step,
          steps,
          loss,
        });
      }
    }

    // Held-out predictions: network 2p tests index 0, 2p + 1 tests 2N − 1.
    const predictions = readAndDispose(
      tf.tidy(() => forward(xTest, params, width)),
    );
    const losses = readAndDispose(
      tf.tidy(() => networkLosses(xTrain, yTrain, params, width)),
    );
    return inits.map((_, p) => {
      const predictionA = predictions[2 * p];
      const predictionB = predictions[2 * p + 1];
      return {
        pair: range.start + p,
        exactError: (Math.abs(1 - predictionA) + Math.abs(-1 - predictionB)) /
          2,
        correct: Number(predictionA > 0) + Number(predictionB < 0),
        predictionA,
        predictionB,
        trainLossA: losses[2 * p],
        trainLossB: losses[2 * p + 1],
      };
    });
  } finally {
    optimizer.dispose();
    tf.dispose([xTrain, yTrain, xTest, ...Object.values(params)]);
  }
}

/**
 * Trains the two-seed MLP ensemble of paper.md 6.2 and evaluates it as in
 * paper.md 4.5 ("Trained two-seed MLP").
 *
 * For each pair p there are two networks (runs), both starting from the
 * pair's initial weights:
 * - run 1 trains on orbit indices 1..2N−1 and predicts ŷ_A at index 0;
 * - run 2 trains on 0..2N−2 and predicts ŷ_B at index 2N−1 (G.9).
 * Labels are +1 at even (A) and −1 at odd (B) indices. Each network is
 * out = relu(x W1/√d + b1) · W2/√width + b2 (NTK parameterisation, W_std =
 * b_std = 1) with W1 [d, width], b1 [width], W2 [width, 1], b2 [1], drawn
 * from U(−1/√f, 1/√f), f = the parameter's last dimension (G.7): bound
 * 1/√width for W1 and b1, 1 for W2 and b2. Pairs draw their weights one
 * after the other from one seeded stream (the reference's per-pair keys
 * are not reproduced, paper.md 10.3). The loss is Σ over networks of each
 * network's MSE, minimised by full-batch Adam (betas 0.9/0.999, eps 1e-8).
 *
 * All networks of a chunk train as one batched model (batched matMul on
 * [E, 2N − 1, d] × [E, d, width]); the active TF.js backend is used, in
 * float32.
 *
 * @param orbits Normalised interleaved pair orbits, [P, 2N, d] row-major
 *   Float64Array (d = 784 for MNIST), e.g. from `buildPairOrbit`.
 * @param options Orbit size, pair count and training settings.
 * @returns One outcome per pair, in pair order.
 * @throws {RangeError} If an option is out of range or `orbits` does not
 *   have P · 2N · d entries for an integer d.
 *
 * @example
 * ```ts
 * import { trainTwoSeedEnsemble } from "./two_seed_mlp.ts";
 * import assert from "node:assert/strict";
 *
 * const orbits = Float64Array.from({ length: 4 * 8 }, (_, i) => Math.sin(i));
 * const [outcome] = trainTwoSeedEnsemble(orbits, {
 *   n: 2,
 *   pairs: 1,
 *   steps: 5,
 *   width: 4,
 * });
 * assert.equal(outcome.pair, 0);
 * assert.ok(outcome.correct >= 0 && outcome.correct <= 2);
 * ```
 */
export function trainTwoSeedEnsemble(
  orbits: Float64Array,
  options: TwoSeedEnsembleOptions,
): TwoSeedPairOutcome[] {
  const settings = {
    n: options.n,
    pairs: options.pairs,
    steps: options.steps ?? 2000,
    width: options.width ?? 512,
    seed: options.seed ?? 0,
    learningRate: options.learningRate ?? 1e-3,
    chunkPairs: options.chunkPairs ?? 64,
    progressEvery: options.progressEvery ?? 100,
  };
  checkInteger(settings.n, "n", 1);
  checkInteger(settings.pairs, "pairs", 1);
  checkInteger(settings.steps, "steps", 0);
  checkInteger(settings.width, "width", 1);
  checkInteger(settings.chunkPairs, "chunkPairs", 1);
  checkInteger(settings.progressEvery, "progressEvery", 1);
  if (!(settings.learningRate > 0 && isFinite(settings.learningRate))) {
    throw new RangeError(
      `trainTwoSeedEnsemble: expected a positive finite learningRate, got ` +
        `${settings.learningRate}; pass e.g. 1e-3`,
    );
  }
  const rowsTotal = settings.pairs * 2 * settings.n;
  const inputSize = orbits.length / rowsTotal;
  if (!Number.isInteger(inputSize) || inputSize < 1) {
    throw new RangeError(
      `trainTwoSeedEnsemble: expected orbits of shape [P, 2N, d] = ` +
        `[${settings.pairs}, ${2 * settings.n}, d], got ${orbits.length} ` +
        `values (not a multiple of ${rowsTotal}); pass P interleaved orbits ` +
        `of size N`,
    );
  }
  const shape = { n: settings.n, inputSize, width: settings.width };
  const stream = createTwoSeedInitStream(settings.seed, shape);
  const chunks = Math.ceil(settings.pairs / settings.chunkPairs);

  const outcomes: TwoSeedPairOutcome[] = [];
  for (let chunk = 0; chunk < chunks; chunk++) {
    const start = chunk * settings.chunkPairs;
    const end = Math.min(settings.pairs, start + settings.chunkPairs);
    const inits = Array.from({ length: end - start }, () => stream.next());
    outcomes.push(
      ...trainChunk(orbits, { start, end, chunk, chunks }, inits, {
        ...settings,
        shape,
        onProgress: options.onProgress,
      }),
    );
  }
  return outcomes;
}
