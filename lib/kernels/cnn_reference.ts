/**
 * Float64 reference of the one-layer CNN NTK and NNGP (paper.md 5.2): the
 * formulas summed directly over positions, with no patch matrices, no
 * unit-vector rewriting and no threads. Slow (≈ P² · k² multiply-adds per
 * image pair); meant for tests and small images.
 *
 * @module
 */

import { checkCnnInputs } from "./_cnn_patches.ts";
import type { CnnKernelOptions, CnnKernelPair } from "./cnn.ts";

/**
 * Σ1(p, p') = (1/k²)·Σ_δ x[p + δ]·x'[p' + δ] with wrap-around, for
 * positions p = (r, c) and p' = (r2, c2) of images at offsets `a` and `b`.
 */
function sigma1(
  images: Float64Array,
  a: number,
  b: number,
  at: readonly [number, number, number, number],
  size: readonly [number, number, number],
): number {
  const [r, c, r2, c2] = at;
  const [height, width, k] = size;
  const half = (k - 1) / 2;
  let acc = 0;
  for (let dr = -half; dr <= half; dr++) {
    for (let dc = -half; dc <= half; dc++) {
      const x = images[
        a + ((r + dr + height) % height) * width + (c + dc + width) % width
      ];
      const y = images[
        b + ((r2 + dr + height) % height) * width + (c2 + dc + width) % width
      ];
      acc += x * y;
    }
  }
  return acc / (k * k);
}

/**
 * One-layer CNN NTK and NNGP Gram matrices by direct float64 summation
 * (paper.md 5.2, neural-tangents conventions, W_std = 1, no bias):
 *
 * - Σ1(p, p') = (1/k²)·Σ_δ x[p + δ]·x'[p' + δ] (circular SAME padding);
 * - q(x, p) = Σ1(x, x)(p, p) = ‖patch_p(x)‖²/k², u = √(q(x, p) q(x', p'));
 * - θ = arccos(Σ1/u) = atan2(√(u² − Σ1²), Σ1) (π/2 when both are 0);
 * - Σ̃ = [u sin θ + (π − θ)Σ1]/2π, Θ̃ = Σ1(π − θ)/2π;
 * - "gap": Σ_pool = (1/P²)Σ_{p,p'} Σ̃, Θ_pool likewise; "fc": (1/P)Σ_p at
 *   p = p'; NTK = Σ_pool + Θ_pool, NNGP = Σ_pool.
 *
 * @param images Images, `[n, H·W]` row-major Float64Array (one channel).
 * @param n Number of images.
 * @param options Readout, kernel size (default 3), shape (default 28 × 28).
 * @returns `ntk` and `nngp`, each `[n, n]` row-major Float64Array,
 * symmetric.
 * @throws {RangeError} If the readout, kernel size or shape is invalid or
 * `images.length` is not n·H·W.
 *
 * @example
 * ```ts
 * import { cnnGramReference } from "./cnn_reference.ts";
 * import assert from "node:assert/strict";
 *
 * // One pixel on a 3 × 3 torus: every Σ1(p, p') is 0 or 1/9.
 * const x = new Float64Array(9);
 * x[4] = 1;
 * const { ntk } = cnnGramReference(x, 1, {
 *   readout: "fc",
 *   height: 3,
 *   width: 3,
 * });
 * assert.ok(Math.abs(ntk[0] - 1 / 9) < 1e-16);
 * ```
 */
export function cnnGramReference(
  images: Float64Array,
  n: number,
  options: CnnKernelOptions,
): CnnKernelPair {
  const { readout } = options;
  if (readout !== "gap" && readout !== "fc") {
    throw new RangeError(
      `cnnGramReference: expected readout "gap" or "fc", got ` +
        `${JSON.stringify(readout)}; pick one of the two`,
    );
  }
  const height = options.height ?? 28;
  const width = options.width ?? 28;
  const k = options.kernelSize ?? 3;
  checkCnnInputs(
    images,
    n,
    { height, width, kernelSize: k },
    "cnnGramReference",
  );
  const pixels = height * width;
  const size = [height, width, k] as const;

  // Variances q(x, p) of every image and position.
  const q = new Float64Array(n * pixels);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < pixels; p++) {
      const r = Math.floor(p / width);
      const c = p % width;
      q[i * pixels + p] = sigma1(
        images,
        i * pixels,
        i * pixels,
        [r, c, r, c],
        size,
      );
    }
  }

  const ntk = new Float64Array(n * n);
  const nngp = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sigmaSum = 0;
      let thetaSum = 0;
      for (let p = 0; p < pixels; p++) {
        const r = Math.floor(p / width);
        const c = p % width;
        const first = readout === "gap" ? 0 : p;
        const last = readout === "gap" ? pixels : p + 1;
        for (let p2 = first; p2 < last; p2++) {
          const at = [r, c, Math.floor(p2 / width), p2 % width] as const;
          const s1 = sigma1(images, i * pixels, j * pixels, at, size);
          const u = Math.sqrt(q[i * pixels + p] * q[j * pixels + p2]);
          const sine = Math.sqrt(Math.max(0, (u - s1) * (u + s1)));
          const angle = sine === 0 && s1 === 0
            ? Math.PI / 2
            : Math.atan2(sine, s1);
          sigmaSum += (sine + (Math.PI - angle) * s1) / (2 * Math.PI);
          thetaSum += s1 * (Math.PI - angle) / (2 * Math.PI);
        }
      }
      const count = readout === "gap" ? pixels * pixels : pixels;
      nngp[i * n + j] = nngp[j * n + i] = sigmaSum / count;
      ntk[i * n + j] = ntk[j * n + i] = (sigmaSum + thetaSum) / count;
    }
  }
  return { ntk, nngp };
}
