/**
 * Infinite-width NTK and NNGP of the paper's one-layer CNN (paper.md 5.2),
 * neural-tangents conventions: `Conv(k × k, padding CIRCULAR, W_std = 1,
 * no bias), Relu`, then global average pooling ("gap", CNN-GAP) or flatten
 * ("fc", CNN-FC), then `Dense(1, W_std = 1, no bias)`; NTK = Σ_pool +
 * Θ_pool. All values are float64; matrices are row-major `Float64Array`s.
 *
 * Precision of the float64 CNN-GAP path. Each position pair uses the unit
 * patches â, b̂ and c = â·b̂ (a k²-term dot product, error ~1e-16), then
 * θ = arccos c. Near c = 1, where a normalised MNIST image's near-constant
 * background puts ~8 % of all pairs (c > 1 − 1e-12) and ~28 % within 1e-4,
 * arccos turns an error ε in c into √(2ε) ≈ 1.5e-8 in θ; Θ̃ = Σ1(π − θ)/2π
 * then moves by up to ~5e-9 relative (any float64 code of this formula,
 * numpy's included, does the same), the sin θ term far less. The sums over
 * the P² = 614 656 pairs run in float64, row by row. Measured against the
 * direct float64 sum of `cnnGramReference` on a real MNIST rotation orbit
 * (N = 4): NTK 1.7e-9, NNGP 6.7e-12 relative, worst entry.
 *
 * Speed: the arccos (fdlibm's, inlined) and the square root dominate;
 * ~15 ns per position pair on one core, 1.25 s for the 8.4e7 position pairs
 * of a 16-image 28 × 28 Gram, about half that on two threads.
 *
 * @module
 */

import {
  checkCnnInputs,
  type CnnShape,
  patchMatrices,
  patchNorms,
  reluMaps,
} from "./_cnn_patches.ts";
import { gapSums, unitPatches } from "./_cnn_gap_sums.ts";
import type { GapTask } from "./_cnn_gap_worker.ts";

/** Readout after the ReLU: global average pooling or flatten + dense. */
export type CnnReadout = "gap" | "fc";

/** Architecture and image shape of the one-layer CNN kernel (paper.md 5.2). */
export interface CnnKernelOptions {
  /** "gap" (CNN-GAP) or "fc" (flatten, CNN-FC). */
  readout: CnnReadout;
  /** Odd filter size k; default 3. */
  kernelSize?: number;
  /** Image height H in pixels; default 28. */
  height?: number;
  /** Image width W in pixels; default 28. */
  width?: number;
}

/** Options of {@link cnnGramParallel}. */
export interface CnnGramParallelOptions extends CnnKernelOptions {
  /**
   * Threads for CNN-GAP (the calling one plus workers − 1 Deno Workers);
   * default `navigator.hardwareConcurrency`.
   */
  workers?: number;
}

/** NTK and NNGP Gram matrices, each `[n, n]` row-major Float64Array. */
export interface CnnKernelPair {
  /** Neural tangent kernel, Σ_pool + Θ_pool. */
  ntk: Float64Array;
  /** NNGP kernel Σ_pool. */
  nngp: Float64Array;
}

/** Resolves the shape defaults (28 × 28, k = 3). */
export function resolveCnnShape(options: CnnKernelOptions): CnnShape {
  return {
    height: options.height ?? 28,
    width: options.width ?? 28,
    kernelSize: options.kernelSize ?? 3,
  };
}

function checkReadout(readout: unknown, caller: string): void {
  if (readout !== "gap" && readout !== "fc") {
    throw new RangeError(
      `${caller}: expected readout "gap" or "fc", got ` +
        `${JSON.stringify(readout)}; pick one of the two`,
    );
  }
}

/** Upper-triangle image pairs (i ≤ j), `[m, 2]` flat. */
function upperPairs(n: number): Int32Array {
  const pairs = new Int32Array(n * (n + 1));
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      pairs[e++] = i;
      pairs[e++] = j;
    }
  }
  return pairs;
}

/** Writes the GAP kernels of each pair from its two sums, mirrored. */
function fillGap(
  pairs: Int32Array,
  sums: Float64Array,
  n: number,
  pixels: number,
  result: CnnKernelPair,
): void {
  const scale = 1 / (2 * Math.PI * pixels * pixels);
  for (let e = 0; e < pairs.length; e += 2) {
    const at = pairs[e] * n + pairs[e + 1];
    const mirror = pairs[e + 1] * n + pairs[e];
    const nngp = (sums[e] + sums[e + 1]) * scale;
    result.nngp[at] = result.nngp[mirror] = nngp;
    result.ntk[at] = result.ntk[mirror] = nngp + sums[e + 1] * scale;
  }
}

/** CNN-FC Gram: the ReLU maps on the diagonal p = p' only. */
function fcGram(
  patches: Float64Array,
  norms: Float64Array,
  n: number,
  shape: CnnShape,
): CnnKernelPair {
  const pixels = shape.height * shape.width;
  const k2 = shape.kernelSize * shape.kernelSize;
  const ntk = new Float64Array(n * n);
  const nngp = new Float64Array(n * n);
  const maps = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sigmaSum = 0;
      let thetaSum = 0;
      for (let p = 0; p < pixels; p++) {
        const a = (i * pixels + p) * k2;
        const b = (j * pixels + p) * k2;
        let sigma = 0;
        for (let t = 0; t < k2; t++) sigma += patches[a + t] * patches[b + t];
        reluMaps(sigma, norms[i * pixels + p] * norms[j * pixels + p], maps);
        sigmaSum += maps[0];
        thetaSum += maps[1];
      }
      nngp[i * n + j] = nngp[j * n + i] = sigmaSum / pixels;
      ntk[i * n + j] = ntk[j * n + i] = (sigmaSum + thetaSum) / pixels;
    }
  }
  return { ntk, nngp };
}

/**
 * One-layer CNN NTK and NNGP Gram matrices of one set of images, float64,
 * on the calling thread (paper.md 5.2).
 *
 * - Σ1(p, p') = (1/k²)·Σ_δ x[p + δ]·x'[p' + δ] (circular), q = Σ1(p, p);
 * - ReLU: Σ̃ = [u sin θ + (π − θ)Σ1]/2π, Θ̃ = Σ1(π − θ)/2π, u = √(q q'),
 *   θ = arccos(Σ1/u);
 * - "gap": Σ_pool, Θ_pool = means over all P² pairs (p, p'); "fc": means
 *   over p = p'; NTK = Σ_pool + Θ_pool, NNGP = Σ_pool.
 *
 * CNN-GAP costs ~1.25 s for 16 images of 28 × 28 on one core; see
 * {@link cnnGramParallel} for the multi-threaded version.
 *
 * @param images Images, `[n, H·W]` row-major Float64Array (one channel).
 * @param n Number of images.
 * @param options Readout, kernel size (default 3) and shape (default 28 ×
 * 28).
 * @returns `ntk` and `nngp`, each `[n, n]` row-major Float64Array,
 * symmetric.
 * @throws {RangeError} If the readout, kernel size or shape is invalid or
 * `images.length` is not n·H·W.
 *
 * @example
 * ```ts
 * import { cnnGram } from "./cnn.ts";
 * import assert from "node:assert/strict";
 *
 * // A constant image: every patch is the same, θ = 0, Σ1 = 1 everywhere.
 * const x = new Float64Array(16).fill(1);
 * const { ntk, nngp } = cnnGram(x, 1, { readout: "gap", height: 4, width: 4 });
 * assert.ok(Math.abs(nngp[0] - 0.5) < 1e-15);
 * assert.ok(Math.abs(ntk[0] - 1) < 1e-15);
 * ```
 */
export function cnnGram(
  images: Float64Array,
  n: number,
  options: CnnKernelOptions,
): CnnKernelPair {
  checkReadout(options.readout, "cnnGram");
  const shape = resolveCnnShape(options);
  checkCnnInputs(images, n, shape, "cnnGram");
  const k2 = shape.kernelSize * shape.kernelSize;
  const pixels = shape.height * shape.width;
  const patches = patchMatrices(images, n, shape);
  const norms = patchNorms(patches, k2);
  if (options.readout === "fc") return fcGram(patches, norms, n, shape);

  const unit = unitPatches(patches, norms, k2);
  const pairs = upperPairs(n);
  const sums = new Float64Array(pairs.length);
  const out = new Float64Array(2);
  for (let e = 0; e < pairs.length; e += 2) {
    gapSums(unit, norms, { i: pairs[e], j: pairs[e + 1], pixels, k2 }, out);
    sums[e] = out[0];
    sums[e + 1] = out[1];
  }
  const result = {
    ntk: new Float64Array(n * n),
    nngp: new Float64Array(n * n),
  };
  fillGap(pairs, sums, n, pixels, result);
  return result;
}

/** Runs one share of the GAP pairs in a fresh worker. */
function runWorker(task: GapTask): Promise<Float64Array> {
  const worker = new Worker(
    new URL("./_cnn_gap_worker.ts", import.meta.url).href,
    { type: "module" },
  );
  return new Promise<Float64Array>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Float64Array>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(`cnnGramParallel: worker failed: ${event.message}`));
    };
    worker.postMessage(task);
  });
}

/**
 * {@link cnnGram} with the CNN-GAP image pairs split over `workers`
 * threads (the calling thread and Deno Workers running
 * `_cnn_gap_worker.ts`); identical results. CNN-FC runs on the calling
 * thread. A 16-image 28 × 28 orbit (136 pairs, 8.4e7 position pairs) takes
 * ~0.7 s on two cores (tests/bench/cnn_bench.ts).
 *
 * @param images Images, `[n, H·W]` row-major Float64Array.
 * @param n Number of images.
 * @param options Readout, kernel size, shape and thread count.
 * @returns `ntk` and `nngp`, each `[n, n]` row-major Float64Array.
 * @throws {RangeError} As {@link cnnGram}, or if `workers` is not a positive
 * integer.
 * @throws {Error} If a worker fails.
 */
export async function cnnGramParallel(
  images: Float64Array,
  n: number,
  options: CnnGramParallelOptions,
): Promise<CnnKernelPair> {
  const threads = options.workers ?? navigator.hardwareConcurrency ?? 1;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(
      `cnnGramParallel: expected workers to be a positive integer, got ` +
        `${threads}; pass e.g. 2`,
    );
  }
  if (options.readout !== "gap" || threads === 1) {
    return cnnGram(images, n, options);
  }
  const shape = resolveCnnShape(options);
  checkCnnInputs(images, n, shape, "cnnGramParallel");
  const k2 = shape.kernelSize * shape.kernelSize;
  const pixels = shape.height * shape.width;
  const patches = patchMatrices(images, n, shape);
  const norms = patchNorms(patches, k2);
  const unit = unitPatches(patches, norms, k2);
  const pairs = upperPairs(n);

  // Contiguous shares of equal size; share 0 stays on this thread.
  const count = pairs.length / 2;
  const shares = Math.min(threads, count);
  const bounds = Array.from(
    { length: shares + 1 },
    (_, s) => 2 * Math.round((s * count) / shares),
  );
  const pending = bounds.slice(1, -1).map((start, s) =>
    runWorker({
      unit,
      norms,
      pixels,
      k2,
      pairs: pairs.slice(start, bounds[s + 2]),
    })
  );
  const sums = new Float64Array(pairs.length);
  const out = new Float64Array(2);
  for (let e = 0; e < bounds[1]; e += 2) {
    gapSums(unit, norms, { i: pairs[e], j: pairs[e + 1], pixels, k2 }, out);
    sums[e] = out[0];
    sums[e + 1] = out[1];
  }
  const results = await Promise.all(pending);
  results.forEach((part, s) => sums.set(part, bounds[s + 1]));

  const result = {
    ntk: new Float64Array(n * n),
    nngp: new Float64Array(n * n),
  };
  fillGap(pairs, sums, n, pixels, result);
  return result;
}
