/**
 * Sampling of two-class seed pairs from a labelled image set (paper.md 4.3):
 * index pairs drawn uniformly with replacement, equal-label pairs dropped.
 *
 * @module
 */

import { createSeededRng } from "../random/seeded_rng.ts";

/** Options of {@linkcode samplePairs}. */
export interface SamplePairsOptions {
  /** Number of pairs to return, a positive integer (512 in the paper). */
  nPairs: number;
  /** Generator seed, an integer in [0, 2^32) (the reference uses 124). */
  seed: number;
  /**
   * Over-drawing factor: each batch draws int(nPairs · drawFactor) pairs;
   * default 1.2 (`mlp_ntk.py`; `cntk.py` uses 1.2390625). Must be > 0.
   */
  drawFactor?: number;
  /**
   * Independent random stream, e.g. the index of N, so that different N
   * get different pairs as in the reference; default 0.
   */
  stream?: number;
}

/** One seed pair: image A gets label +1, image B gets label −1. */
export interface PairIndices {
  indexA: number;
  indexB: number;
}

/**
 * Draws `nPairs` index pairs with different labels (paper.md 4.3). Each
 * batch draws n = int(nPairs · drawFactor) A indices then n B indices,
 * uniformly with replacement from [0, labels.length), like
 * `jax.random.randint(key, (2, n), 0, len)`; pairs with equal labels are
 * dropped and the first nPairs survivors kept, in draw order. Unlike
 * `mlp_ntk.py`, which assumes enough pairs survive, a short batch is
 * followed by further batches from the same stream (as `mlp_trained.py`
 * does) until nPairs survive. The draws come from {@linkcode
 * createSeededRng}, not JAX's threefry, so indices differ from the
 * reference's (paper.md 10.3).
 *
 * @param labels Class label of every image, [nImages] Uint8Array (e.g. the
 *   60 000 MNIST training labels).
 * @param options Pair count, seed, draw factor and stream.
 * @returns Exactly nPairs pairs of indices into `labels`, with
 *   labels[indexA] !== labels[indexB].
 * @throws {RangeError} If an option is out of range or `labels` holds fewer
 *   than two distinct labels (no valid pair exists).
 *
 * @example
 * ```ts
 * import { samplePairs } from "./pairs.ts";
 * import assert from "node:assert/strict";
 *
 * const labels = Uint8Array.from([0, 1, 2, 0, 1, 2]);
 * const pairs = samplePairs(labels, { nPairs: 5, seed: 124 });
 * assert.equal(pairs.length, 5);
 * assert.ok(pairs.every((p) => labels[p.indexA] !== labels[p.indexB]));
 * ```
 */
export function samplePairs(
  labels: Uint8Array,
  options: SamplePairsOptions,
): PairIndices[] {
  const { nPairs, seed, drawFactor = 1.2, stream = 0 } = options;
  if (!Number.isInteger(nPairs) || nPairs < 1) {
    throw new RangeError(
      `samplePairs: expected nPairs to be a positive integer, got ` +
        `${nPairs}; pass e.g. 512`,
    );
  }
  if (!Number.isFinite(drawFactor) || drawFactor <= 0) {
    throw new RangeError(
      `samplePairs: expected drawFactor to be a finite number > 0, got ` +
        `${drawFactor}; pass e.g. 1.2`,
    );
  }
  if (!labels.some((label) => label !== labels[0])) {
    throw new RangeError(
      `samplePairs: expected at least two distinct labels, got ` +
        `${labels.length} images with ${
          labels.length ? `only label ${labels[0]}` : "no labels"
        }; pass the labels of a multi-class set`,
    );
  }

  const rng = createSeededRng(seed, { stream });
  const batch = Math.max(1, Math.trunc(nPairs * drawFactor));
  const last = labels.length - 1;
  const draws = new Int32Array(2 * batch);
  const pairs: PairIndices[] = [];
  while (pairs.length < nPairs) {
    for (let k = 0; k < draws.length; k++) draws[k] = rng.uniformInt(0, last);
    for (let k = 0; k < batch && pairs.length < nPairs; k++) {
      const indexA = draws[k];
      const indexB = draws[batch + k];
      if (labels[indexA] !== labels[indexB]) pairs.push({ indexA, indexB });
    }
  }
  return pairs;
}
