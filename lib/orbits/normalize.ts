/**
 * Per-image normalisation of the kernel experiments (paper.md 4.2): subtract
 * the image's own mean, then divide by its L2 norm, giving a zero-mean,
 * unit-norm vector. The reference also divides by 255 first; that scale is
 * removed by the last step and is omitted here.
 *
 * @module
 */

/** Options of {@linkcode normalizeImage}. */
export interface NormalizeOptions {
  /**
   * Output buffer of the image's length; overwritten and returned. It may
   * be the input itself (in-place). Default: a new array.
   */
  out?: Float64Array;
}

/**
 * Normalises one image: x ← (x − mean(x)) / ‖x − mean(x)‖₂, with the mean
 * and the norm over all of its pixels (paper.md 4.2). Apply it after the
 * transformation, to every image of an orbit independently.
 *
 * @param image Flattened image, [P] (P = 784 for MNIST), any numeric array.
 * @param options Optional output buffer (may alias `image`).
 * @returns Zero-mean, unit-L2-norm image, [P] Float64Array.
 * @throws {RangeError} If the image is empty or constant (its centred norm
 *   is zero, so it cannot be normalised), or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { normalizeImage } from "./normalize.ts";
 * import assert from "node:assert/strict";
 *
 * const x = normalizeImage([0, 1, 2, 3]);
 * // centred [-1.5, -0.5, 0.5, 1.5] has norm sqrt(5)
 * assert.ok(Math.abs(x[3] - 1.5 / Math.sqrt(5)) < 1e-15);
 * ```
 */
export function normalizeImage(
  image: ArrayLike<number>,
  options?: NormalizeOptions,
): Float64Array {
  const n = image.length;
  const out = options?.out ?? new Float64Array(n);
  if (out.length !== n) {
    throw new RangeError(
      `normalizeImage: expected out of length ${n}, got ${out.length}; ` +
        `pass a buffer as long as the image`,
    );
  }
  if (n === 0) {
    throw new RangeError(
      "normalizeImage: expected a non-empty image, got 0 pixels; pass a " +
        "flattened image such as a [784] array",
    );
  }
  let constant = true;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += image[i];
    if (image[i] !== image[0]) constant = false;
  }
  if (constant) {
    throw new RangeError(
      `normalizeImage: expected a non-constant image, got ${n} pixels all ` +
        `equal to ${image[0]}; a constant image has zero norm after mean ` +
        `subtraction, so drop it from the data`,
    );
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const centred = image[i] - mean;
    out[i] = centred;
    squares += centred * centred;
  }
  const norm = Math.sqrt(squares);
  for (let i = 0; i < n; i++) out[i] /= norm;
  return out;
}
