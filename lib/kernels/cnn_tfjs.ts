/**
 * CNN-GAP NTK and NNGP (paper.md 5.2) with the patch inner products as
 * TensorFlow.js matrix products (float32, any backend; meant for WebGPU)
 * and the ReLU maps and sums in float64 JavaScript.
 *
 * Where precision goes. Unit patches â are split as â = hi + lo with
 * hi = fround(â), lo = fround(â − hi); one matmul of [hi, hi, lo] against
 * [hi, lo, hi] (inner size 3k²) gives c = â·b̂ to ~1e-7 absolute (the
 * float32 accumulation; the split removes the input rounding). Away from
 * c = ±1 that error moves θ by ~1e-7/sin θ, unbiased, and averages out
 * over the P² terms. Near c = ±1, where arccos would turn 1e-7 into a
 * systematic θ error √(2e-7) ≈ 4e-4 (a normalised MNIST image's background
 * puts ~28 % of all pairs within 1e-4 of c = 1), c is recomputed in float64
 * for |c| > 0.99. Measured on a real MNIST rotation orbit (N = 4) against
 * `cnnGramReference` on wasm: NTK 7.5e-9, NNGP 3.2e-9 relative, worst
 * entry (8.8e-8 on the NTK without the float64 recomputation;
 * tests/kernels/cnn_tfjs_test.ts).
 *
 * On CPUs this path is slower than `cnnGramParallel` (the float64 ReLU
 * maps dominate both, and this one adds the matmul and its read-back), so
 * the pipeline uses it only on WebGPU.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { checkCnnInputs, patchMatrices, patchNorms } from "./_cnn_patches.ts";
import { gapSumsFromCos, unitPatches } from "./_cnn_gap_sums.ts";
import {
  type CnnKernelOptions,
  type CnnKernelPair,
  resolveCnnShape,
} from "./cnn.ts";

/** Options of {@link cnnGapGramTfjs}: kernel size and image shape. */
export type CnnGapTfjsOptions = Omit<CnnKernelOptions, "readout">;

/**
 * CNN-GAP NTK and NNGP Gram matrices of one set of images (paper.md 5.2;
 * the formulas of `cnnGram` with readout "gap"), patch inner products on
 * the active tfjs backend (select it first with `selectBackend`).
 *
 * @param images Images, `[n, H·W]` row-major Float64Array (one channel).
 * @param n Number of images.
 * @param options Kernel size (default 3) and shape (default 28 × 28).
 * @returns `ntk` and `nngp`, each `[n, n]` row-major Float64Array,
 * symmetric.
 * @throws {RangeError} If the kernel size or shape is invalid or
 * `images.length` is not n·H·W.
 */
export async function cnnGapGramTfjs(
  images: Float64Array,
  n: number,
  options: CnnGapTfjsOptions = {},
): Promise<CnnKernelPair> {
  const shape = resolveCnnShape({ ...options, readout: "gap" });
  checkCnnInputs(images, n, shape, "cnnGapGramTfjs");
  const k2 = shape.kernelSize * shape.kernelSize;
  const pixels = shape.height * shape.width;
  const patches = patchMatrices(images, n, shape);
  const norms = patchNorms(patches, k2);
  const unit = unitPatches(patches, norms, k2);

  // Two-float split of the unit patches: left = [hi, hi, lo], right =
  // [hi, lo, hi], so that left·rightᵀ = hi·hiᵀ + hi·loᵀ + lo·hiᵀ.
  const rows = n * pixels;
  const left = new Float32Array(rows * 3 * k2);
  const right = new Float32Array(rows * 3 * k2);
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < k2; t++) {
      const hi = Math.fround(unit[r * k2 + t]);
      const lo = Math.fround(unit[r * k2 + t] - hi);
      const at = r * 3 * k2 + t;
      left[at] =
        left[at + k2] =
        right[at] =
        right[at + 2 * k2] =
          hi;
      left[at + 2 * k2] = right[at + k2] = lo;
    }
  }
  const leftT = tf.tensor2d(left, [rows, 3 * k2]);
  const rightT = tf.tensor2d(right, [rows, 3 * k2]);

  const ntk = new Float64Array(n * n);
  const nngp = new Float64Array(n * n);
  const scale = 1 / (2 * Math.PI * pixels * pixels);
  const sums = new Float64Array(2);
  try {
    // One image i against images i..n−1 per matmul: [P, (n − i)·P].
    for (let i = 0; i < n; i++) {
      const cosT = tf.tidy(() =>
        tf.matMul(
          leftT.slice([i * pixels, 0], [pixels, 3 * k2]),
          rightT.slice([i * pixels, 0], [(n - i) * pixels, 3 * k2]),
          false,
          true,
        )
      );
      const cos = await cosT.data() as Float32Array;
      cosT.dispose();
      const stride = (n - i) * pixels;
      for (let j = i; j < n; j++) {
        gapSumsFromCos(
          { cos, offset: (j - i) * pixels, stride },
          unit,
          norms,
          { i, j, pixels, k2 },
          sums,
        );
        const sigma = (sums[0] + sums[1]) * scale;
        nngp[i * n + j] = nngp[j * n + i] = sigma;
        ntk[i * n + j] = ntk[j * n + i] = sigma + sums[1] * scale;
      }
    }
  } finally {
    leftT.dispose();
    rightT.dispose();
  }
  return { ntk, nngp };
}
