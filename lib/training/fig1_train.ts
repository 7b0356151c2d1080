/**
 * The Figure 1 protocol (paper.md 4.5 "Figure 1", 6.1, 7.2, G.4, G.5):
 * for every held-out digit d, orbit size N and model, train a fresh
 * classifier with Adam on the rotated training items and record the
 * accuracy on train, test-in and test-out before training (slot 0) and
 * after every epoch e (slot e + 1). Optional subsampling (source images,
 * digits, N, epochs, evaluation sizes) scales it to a CPU budget.
 *
 * @module
 */

import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { MnistSet } from "../data/mnist.ts";
import { createSeededRng } from "../random/seeded_rng.ts";
import { mixSeed } from "../random/mix_seed.ts";
import { createFig1Model, type Fig1ModelName } from "../models/fig1_model.ts";
import type { Fig1Model } from "../models/fig1_model.ts";
import { createAdam } from "./adam.ts";
import {
  DamagedCheckpointError,
  type Fig1Checkpoint,
  type Fig1Row,
  readFig1Checkpoint,
  writeFig1Checkpoint,
} from "./fig1_checkpoint.ts";
import {
  gatherRotated,
  normalizeFig1Images,
  orbitRotationMaps,
  type RotatedSource,
  shuffleInPlace,
  splitFig1,
} from "./fig1_data.ts";

export type { Fig1Row } from "./fig1_checkpoint.ts";

/** Evaluation batch size (no gradients, so larger than training). */
const EVAL_BATCH = 1024;

/** Accuracy of one evaluation, per split. */
export interface Fig1Accuracy {
  /** On (at most `maxEval` of) the training items. */
  train: number;
  /** On (at most `maxEval` of) the test-in items. */
  testIn: number;
  /** On (at most `maxEval` of) the test-out items. */
  testOut: number;
}

/** What {@link Fig1Options.onProgress} receives after each slot. */
export interface Fig1Progress {
  /** Architecture. */
  model: Fig1ModelName;
  /** Held-out digit. */
  digit: number;
  /** Orbit size N. */
  n: number;
  /** Slot just finished: 0 before training, e + 1 after epoch e. */
  epoch: number;
  /** Total epochs of the run. */
  epochs: number;
  /** Mean training loss of the epoch (NaN at slot 0). */
  loss: number;
  /** Accuracies at this slot. */
  accuracy: Fig1Accuracy;
  /** Training items per epoch. */
  trainSize: number;
  /** Optimiser steps taken in this call (0 for slots read back). */
  steps: number;
  /** Wall time of this slot in ms (training plus evaluation). */
  elapsedMs: number;
  /** True if this slot was restored from a checkpoint, not computed. */
  resumed: boolean;
}

/** Options of {@link runFig1}. */
export interface Fig1Options {
  /** The MNIST training split (paper.md 4.1). */
  mnist: MnistSet;
  /** Models to train, in order; default all three. */
  models?: readonly Fig1ModelName[];
  /** Held-out digits; default 0–9. */
  digits?: readonly number[];
  /** Orbit sizes N; default 2, 4, 8, 16, 32, 64 (paper.md 7.2). */
  ns?: readonly number[];
  /** Epochs; default 22 (paper.md 6.1). */
  epochs?: number;
  /** Batch size; default 2048 (paper.md 6.1). */
  batchSize?: number;
  /** Source images: a seeded subset of this size; default all 60 000. */
  images?: number;
  /** Cap on each evaluation set (first items); default no cap. */
  maxEval?: number;
  /** Master seed; default 125 (paper.md 6.1). */
  seed?: number;
  /** Adam step size; default 1e-3. */
  learningRate?: number;
  /** Folder for per-(model, digit, N) checkpoints; none if absent. */
  checkpointDir?: string;
  /** Called after every slot (and for slots restored from checkpoints). */
  onProgress?: (progress: Fig1Progress) => void;
  /** Told what a reader of the log should know, e.g. a discarded checkpoint. */
  onNote?: (message: string) => void;
  /** Checked after each checkpoint; when aborted, throws its reason. */
  signal?: AbortSignal;
}

/** Fixed Adam betas of Figure 1 (paper.md 6.1). */
const BETAS = { beta1: 0.7, beta2: 0.9 } as const;

/**
 * Runs the Figure 1 protocol and returns its accuracy rows.
 *
 * Seeds: the source subset uses `seed`; for each (model, digit, N) the
 * split, initialisation, epoch shuffles and dropout masks use
 * `mixSeed(seed, ...)` streams, so a run is reproducible on one backend
 * and a resumed run matches an uninterrupted one.
 *
 * @param options Data, subsampling, training settings and callbacks.
 * @returns Rows ordered by model, digit, N, slot, split (train, test_in,
 *   test_out); (epochs + 1) · 3 rows per (model, digit, N).
 * @throws {RangeError} If an option is out of range, or a checkpoint
 *   belongs to different options.
 * @throws The signal's reason when aborted.
 */
export async function runFig1(options: Fig1Options): Promise<Fig1Row[]> {
  const settings = resolveSettings(options);
  const { mnist } = options;
  const subset = sourceSubset(mnist.count, settings.images, settings.seed);
  const images = normalizeFig1Images(mnist.images, subset);
  const labels = Uint8Array.from(subset, (i) => mnist.labels[i]);
  const rows: Fig1Row[] = [];
  for (const model of settings.models) {
    for (const digit of settings.digits) {
      for (const n of settings.ns) {
        const source: RotatedSource = { images, maps: orbitRotationMaps(n) };
        const split = splitFig1(labels, {
          n,
          digit,
          seed: mixSeed(settings.seed, digit, n),
        });
        rows.push(
          ...await trainOne({ model, digit, n, source, labels, split }, {
            ...settings,
            onProgress: options.onProgress,
            onNote: options.onNote,
            signal: options.signal,
            checkpointDir: options.checkpointDir,
          }),
        );
      }
    }
  }
  return rows;
}

/** Resolved numeric settings of a run. */
interface Settings {
  models: readonly Fig1ModelName[];
  digits: readonly number[];
  ns: readonly number[];
  epochs: number;
  batchSize: number;
  images: number;
  maxEval: number;
  seed: number;
  learningRate: number;
}

/** Applies defaults and checks ranges. */
function resolveSettings(options: Fig1Options): Settings {
  const settings: Settings = {
    models: options.models ?? ["mlp", "cnn", "vit"],
    digits: options.digits ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    ns: options.ns ?? [2, 4, 8, 16, 32, 64],
    epochs: options.epochs ?? 22,
    batchSize: options.batchSize ?? 2048,
    images: options.images ?? options.mnist.count,
    maxEval: options.maxEval ?? Infinity,
    seed: options.seed ?? 125,
    learningRate: options.learningRate ?? 1e-3,
  };
  const positive = { epochs: 0, batchSize: 1, images: 1 } as const;
  for (const [key, min] of Object.entries(positive)) {
    const value = settings[key as keyof typeof positive];
    if (!Number.isInteger(value) || value < min) {
      throw new RangeError(
        `runFig1: expected ${key} to be an integer >= ${min}, got ${value}`,
      );
    }
  }
  if (settings.images > options.mnist.count) {
    throw new RangeError(
      `runFig1: expected images <= ${options.mnist.count} (the MNIST training set), got ${settings.images}; lower images`,
    );
  }
  for (const n of settings.ns) {
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(
        `runFig1: expected every N to be a positive integer, got ${n}`,
      );
    }
  }
  return settings;
}

/** A seeded subset of `size` image indices, sorted ascending. */
function sourceSubset(count: number, size: number, seed: number): Int32Array {
  const all = Int32Array.from({ length: count }, (_, i) => i);
  if (size === count) return all;
  const rng = createSeededRng(seed >>> 0, { stream: 1 });
  shuffleInPlace(all, rng.uniformInt);
  return all.slice(0, size).sort();
}

/** One (model, digit, N) job. */
interface Job {
  model: Fig1ModelName;
  digit: number;
  n: number;
  source: RotatedSource;
  labels: Uint8Array;
  split: ReturnType<typeof splitFig1>;
}

/** Settings plus the callbacks of {@link Fig1Options}. */
interface RunContext extends Settings {
  onProgress?: (progress: Fig1Progress) => void;
  onNote?: (message: string) => void;
  signal?: AbortSignal;
  checkpointDir?: string;
}

/**
 * The checkpoint at `path`, or undefined when there is none or it is
 * damaged; a damaged one is deleted and reported, and its run restarts.
 */
async function readUsableCheckpoint(
  path: string,
  variableCount: number,
  context: RunContext,
): Promise<Fig1Checkpoint | undefined> {
  try {
    return await readFig1Checkpoint(path, variableCount);
  } catch (error) {
    if (!(error instanceof DamagedCheckpointError)) throw error;
    await Deno.remove(path);
    context.onNote?.(
      `checkpoint ${path} is damaged (${error.found}): deleted it; ` +
        "this run restarts from epoch 0",
    );
    return undefined;
  }
}

/** Trains one model on one split, resuming from its checkpoint if any. */
async function trainOne(job: Job, context: RunContext): Promise<Fig1Row[]> {
  const { model: name, digit, n, source, labels, split } = job;
  const { epochs, batchSize, maxEval } = context;
  const fingerprint = JSON.stringify({
    model: name,
    digit,
    n,
    batchSize,
    images: context.images,
    maxEval: String(maxEval),
    seed: context.seed,
    learningRate: context.learningRate,
  });
  const modelSeed = mixSeed(context.seed, digit, n, name.charCodeAt(0));
  const model = createFig1Model(name, { seed: modelSeed });
  const adam = createAdam(model.variables, {
    learningRate: context.learningRate,
    ...BETAS,
  });
  const path = context.checkpointDir === undefined
    ? undefined
    : join(context.checkpointDir, `${name}_d${digit}_n${n}.ckpt`);
  try {
    let rows: Fig1Row[] = [];
    let epochsDone = -1;
    const checkpoint = path === undefined
      ? undefined
      : await readUsableCheckpoint(path, model.variables.length, context);
    if (checkpoint !== undefined) {
      if (checkpoint.fingerprint !== fingerprint) {
        throw new RangeError(
          `runFig1: checkpoint ${path} was written with ${checkpoint.fingerprint}, expected ${fingerprint}; use another checkpointDir or delete the file`,
        );
      }
      epochsDone = Math.min(checkpoint.epochsDone, epochs);
      rows = checkpoint.rows.filter((row) => row.epoch <= epochsDone);
      model.variables.forEach((x, i) =>
        x.assign(tf.tensor(checkpoint.weights[i], x.shape, "float32"))
      );
      adam.setState(checkpoint.adam);
      for (let slot = 0; slot <= epochsDone; slot++) {
        context.onProgress?.({
          ...progressBase(job, context, rows, slot),
          loss: NaN,
          steps: 0,
          elapsedMs: 0,
          resumed: true,
        });
      }
    }
    for (let slot = epochsDone + 1; slot <= epochs; slot++) {
      const started = performance.now();
      let loss = NaN;
      let steps = 0;
      if (slot > 0) {
        const order = split.train.slice();
        const rng = createSeededRng(mixSeed(modelSeed, slot, 1));
        shuffleInPlace(order, rng.uniformInt);
        let lossSum = 0;
        for (let start = 0; start < order.length; start += batchSize) {
          const end = Math.min(start + batchSize, order.length);
          const x = gatherRotated(source, order, { start, end });
          const y = Int32Array.from(
            order.subarray(start, end),
            (code) => labels[code % labels.length],
          );
          const dropoutSeed = mixSeed(modelSeed, slot, 2, steps);
          lossSum += adam.minimize(() =>
            tf.tidy(() =>
              crossEntropy(model, x, y, dropoutSeed)
            )
          ) * (end - start);
          steps++;
        }
        loss = lossSum / order.length;
      }
      const accuracy = {
        train: evaluate(model, source, labels, split.train, maxEval),
        testIn: evaluate(model, source, labels, split.testIn, maxEval),
        testOut: evaluate(model, source, labels, split.testOut, maxEval),
      };
      rows.push(
        ...(["train", "test_in", "test_out"] as const).map((s) => ({
          model: name,
          digit,
          n,
          epoch: slot,
          split: s,
          accuracy: s === "train"
            ? accuracy.train
            : s === "test_in"
            ? accuracy.testIn
            : accuracy.testOut,
        })),
      );
      if (path !== undefined) {
        await writeFig1Checkpoint(path, {
          fingerprint,
          epochsDone: slot,
          rows,
          weights: model.variables.map((x) => x.dataSync() as Float32Array),
          adam: await adam.getState(),
        });
      }
      context.onProgress?.({
        ...progressBase(job, context, rows, slot),
        loss,
        steps,
        elapsedMs: performance.now() - started,
        resumed: false,
      });
      if (context.signal?.aborted) throw context.signal.reason;
    }
    return rows;
  } finally {
    adam.dispose();
    model.dispose();
  }
}

/** The progress fields that do not depend on how a slot was obtained. */
function progressBase(
  job: Job,
  context: RunContext,
  rows: Fig1Row[],
  slot: number,
) {
  const at = (split: Fig1Row["split"]) =>
    rows.find((row) => row.epoch === slot && row.split === split)?.accuracy ??
      NaN;
  return {
    model: job.model,
    digit: job.digit,
    n: job.n,
    epoch: slot,
    epochs: context.epochs,
    accuracy: {
      train: at("train"),
      testIn: at("test_in"),
      testOut: at("test_out"),
    },
    trainSize: job.split.train.length,
  };
}

/**
 * Mean cross-entropy −log softmax(out)[y] of a training batch (dropout on).
 * For the MLP and CNN, whose outputs are already log-probabilities, the
 * extra log-softmax is the identity (paper.md 6.1).
 */
function crossEntropy(
  model: Fig1Model,
  x: Float32Array,
  y: Int32Array,
  dropoutSeed: number,
): tf.Scalar {
  const batch = y.length;
  const out = model.apply(tf.tensor2d(x, [batch, 784]), {
    training: true,
    dropoutSeed,
  });
  const logProbabilities = tf.logSoftmax(out);
  const target = tf.oneHot(tf.tensor1d(y, "int32"), 10);
  return tf.neg(tf.mean(tf.sum(tf.mul(logProbabilities, target), 1)));
}

/** Fraction of the first `maxEval` items whose argmax equals the label. */
function evaluate(
  model: Fig1Model,
  source: RotatedSource,
  labels: Uint8Array,
  items: Int32Array,
  maxEval: number,
): number {
  const total = Math.min(items.length, maxEval);
  if (total === 0) return NaN;
  let correct = 0;
  for (let start = 0; start < total; start += EVAL_BATCH) {
    const end = Math.min(start + EVAL_BATCH, total);
    const x = gatherRotated(source, items, { start, end });
    const predicted = tf.tidy(() =>
      tf.argMax(
        model.apply(tf.tensor2d(x, [end - start, 784]), { training: false }),
        1,
      )
    );
    const classes = predicted.dataSync();
    predicted.dispose();
    for (let k = start; k < end; k++) {
      if (classes[k - start] === labels[items[k] % labels.length]) correct++;
    }
  }
  return correct / total;
}
