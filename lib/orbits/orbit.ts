/**
 * Two-class pair orbits (paper.md section 2, 4.2, 4.4): the N transformed
 * copies of seed images A and B, each normalised, in the interleaved
 * layout [A0, B0, A1, B1, ...] whose label vector is [+1, −1, +1, −1, ...].
 *
 * @module
 */

import { type ImageShapeOptions, resolveImageShape } from "./_image_shape.ts";
import { normalizeImage } from "./normalize.ts";
import { rotateFromCoefficients, splineCoefficients } from "./rotate.ts";
import { rollColumns, shiftAmounts } from "./shift.ts";

/** Group acting on the images: rotations C_N or horizontal cyclic shifts. */
export type OrbitTransform = "rotate" | "shift";

/** Options of {@linkcode buildPairOrbit}. */
export interface PairOrbitOptions extends ImageShapeOptions {
  /**
   * Orbit size N per class, a positive integer. For "shift" it must divide
   * the width (2, 4, 7, 14, 28 in the paper).
   */
  n: number;
  /** "rotate" (scipy cubic-spline rotation) or "shift" (cyclic roll). */
  transform: OrbitTransform;
}

/**
 * Rotation angles of an N-element rotation orbit, in degrees:
 * `np.linspace(0, 360, N, endpoint=False)`, i.e. a · (360 / N) for
 * a = 0..N−1, rounded as numpy does (paper.md section 2).
 *
 * @param n Number of angles N, a positive integer.
 * @returns Angles in degrees, [N] Float64Array.
 * @throws {RangeError} If n is not a positive integer.
 *
 * @example
 * ```ts
 * import { orbitAngles } from "./orbit.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(orbitAngles(4)), [0, 90, 180, 270]);
 * ```
 */
export function orbitAngles(n: number): Float64Array {
  checkOrbitSize(n, "orbitAngles");
  const step = 360 / n;
  return Float64Array.from({ length: n }, (_, a) => a * step);
}

function checkOrbitSize(n: number, caller: string): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(
      `${caller}: expected the orbit size n to be a positive integer, got ` +
        `${n}; pass e.g. 8 (rotations) or 7 (shifts)`,
    );
  }
}

/**
 * Builds the normalised pair orbit of seed images A (label +1) and B
 * (label −1). Row 2a holds g^a·A and row 2a + 1 holds g^a·B, a = 0..N−1
 * (paper.md section 2), where g^a is
 * - "rotate": `scipy.ndimage.rotate(·, a · 360/N, reshape=False)` of the
 *   [0, 1] image (paper.md 4.4; each seed is prefiltered once);
 * - "shift": `np.roll(·, shiftAmounts(N)[a], axis=1)` (paper.md 4.4, 7.7).
 * Every row is then normalised independently: mean subtracted, divided by
 * its L2 norm (paper.md 4.2). Element 0 is the rotation by 0°, which, like
 * scipy's, differs from the seed by rounding (~1e-16).
 *
 * @param imageA Seed image of class A, [height · width] row-major, values
 *   in [0, 1] (raw uint8 / 255).
 * @param imageB Seed image of class B, same shape.
 * @param options Orbit size N, transform, and shape (default 28 × 28).
 * @returns Orbit, [2N, height · width] row-major Float64Array.
 * @throws {RangeError} If a shape does not match, N is invalid, the
 *   transform is unknown, or a transformed image is constant.
 *
 * @example
 * ```ts
 * import { buildPairOrbit } from "./orbit.ts";
 * import assert from "node:assert/strict";
 *
 * const a = Float64Array.from({ length: 784 }, (_, i) => (i % 28) / 27);
 * const b = Float64Array.from({ length: 784 }, (_, i) => (i % 5) / 4);
 * const orbit = buildPairOrbit(a, b, { n: 4, transform: "shift" });
 * assert.equal(orbit.length, 8 * 784);
 * ```
 */
export function buildPairOrbit(
  imageA: ArrayLike<number>,
  imageB: ArrayLike<number>,
  options: PairOrbitOptions,
): Float64Array {
  const { n, transform } = options;
  const shape = resolveImageShape(imageA.length, options, "buildPairOrbit");
  resolveImageShape(imageB.length, options, "buildPairOrbit");
  checkOrbitSize(n, "buildPairOrbit");
  const pixels = shape.height * shape.width;
  const orbit = new Float64Array(2 * n * pixels);
  const row = (index: number) =>
    orbit.subarray(index * pixels, (index + 1) * pixels);

  if (transform === "rotate") {
    const coeffs = [
      splineCoefficients(imageA, shape),
      splineCoefficients(imageB, shape),
    ];
    const angles = orbitAngles(n);
    for (let a = 0; a < n; a++) {
      for (let seed = 0; seed < 2; seed++) {
        const out = row(2 * a + seed);
        rotateFromCoefficients(coeffs[seed], angles[a], { ...shape, out });
        normalizeImage(out, { out });
      }
    }
  } else if (transform === "shift") {
    const shifts = shiftAmounts(n, { width: shape.width });
    const seeds = [imageA, imageB];
    for (let a = 0; a < n; a++) {
      for (let seed = 0; seed < 2; seed++) {
        const out = row(2 * a + seed);
        rollColumns(seeds[seed], shifts[a], { ...shape, out });
        normalizeImage(out, { out });
      }
    }
  } else {
    throw new RangeError(
      `buildPairOrbit: expected transform "rotate" or "shift", got ` +
        `${JSON.stringify(transform)}; pick one of the two`,
    );
  }
  return orbit;
}
