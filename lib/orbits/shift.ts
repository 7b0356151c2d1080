/**
 * Cyclic horizontal shifts of an image, the discrete group used by the
 * shift experiment (paper.md 4.4 and 7.7): `jnp.roll(img, s, axis=1)` for
 * s in `arange(0, width, width // n)`.
 *
 * @module
 */

import {
  type ImageShapeOptions,
  MNIST_SIDE,
  resolveImageShape,
} from "./_image_shape.ts";

/** Options of {@linkcode rollColumns}. */
export interface RollColumnsOptions extends ImageShapeOptions {
  /**
   * Output buffer, [height · width] row-major Float64Array; overwritten and
   * returned. Default: a new array. Must not alias the input.
   */
  out?: Float64Array;
}

/** Options of {@linkcode shiftAmounts}. */
export interface ShiftAmountsOptions {
  /** Image width in pixels, a positive integer; default 28. */
  width?: number;
}

/**
 * Cyclically shifts every row of an image `shift` pixels to the right:
 * out[r, q] = image[r, (q − shift) mod width], i.e. `np.roll(image, shift,
 * axis=1)` (paper.md 4.4). A permutation of the pixels, so it commutes
 * with the normalisation of paper.md 4.2.
 *
 * @param image Image, [height · width] row-major, any numeric array.
 * @param shift Shift in pixels, an integer (negative shifts to the left;
 *   taken modulo width).
 * @param options Shape (default 28 × 28) and optional output buffer.
 * @returns Shifted image, [height · width] row-major Float64Array.
 * @throws {RangeError} If the shape does not match, `shift` is not an
 *   integer, or `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { rollColumns } from "./shift.ts";
 * import assert from "node:assert/strict";
 *
 * const image = [1, 2, 3, 4, 5, 6];
 * const rolled = rollColumns(image, 1, { height: 2, width: 3 });
 * assert.deepEqual(Array.from(rolled), [3, 1, 2, 6, 4, 5]);
 * ```
 */
export function rollColumns(
  image: ArrayLike<number>,
  shift: number,
  options?: RollColumnsOptions,
): Float64Array {
  const { height, width } = resolveImageShape(
    image.length,
    options,
    "rollColumns",
  );
  if (!Number.isInteger(shift)) {
    throw new RangeError(
      `rollColumns: expected an integer shift in pixels, got ${shift}; ` +
        `round it or use a value from shiftAmounts()`,
    );
  }
  const out = options?.out ?? new Float64Array(height * width);
  if (out.length !== height * width) {
    throw new RangeError(
      `rollColumns: expected out of length ${height * width}, got ` +
        `${out.length}; pass a buffer of height * width entries`,
    );
  }
  const s = ((shift % width) + width) % width;
  for (let r = 0; r < height; r++) {
    const row = r * width;
    for (let q = 0; q < width; q++) {
      const source = q - s < 0 ? q - s + width : q - s;
      out[row + q] = image[row + source];
    }
  }
  return out;
}

/**
 * Shift amounts of an n-element shift orbit: `arange(0, width, width // n)`
 * (paper.md 4.4, 7.7). For width 28: n = 2 gives [0, 14], n = 4 gives
 * [0, 7, 14, 21], n = 7 steps by 4, n = 14 by 2 and n = 28 by 1.
 *
 * @param n Number of shifts, an integer divisor of `width` (otherwise
 *   arange would return more than n values).
 * @param options Image width; default 28.
 * @returns Shifts in pixels, length n, Int32Array, step width / n.
 * @throws {RangeError} If n is not a positive integer dividing width.
 *
 * @example
 * ```ts
 * import { shiftAmounts } from "./shift.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(shiftAmounts(7)), [0, 4, 8, 12, 16, 20, 24]);
 * ```
 */
export function shiftAmounts(
  n: number,
  options?: ShiftAmountsOptions,
): Int32Array {
  const width = options?.width ?? MNIST_SIDE;
  if (!Number.isInteger(width) || width < 1) {
    throw new RangeError(
      `shiftAmounts: expected width to be a positive integer, got ${width}; ` +
        `pass the image's number of columns`,
    );
  }
  if (!Number.isInteger(n) || n < 1 || width % n !== 0) {
    throw new RangeError(
      `shiftAmounts: expected n to be a positive integer dividing width ` +
        `${width}, got ${n}; for width 28 use 1, 2, 4, 7, 14 or 28`,
    );
  }
  const step = width / n;
  return Int32Array.from({ length: n }, (_, a) => a * step);
}
