/**
 * Patch geometry shared by the CNN kernels (paper.md 5.2): circular SAME
 * k × k patches on an H × W torus, their squared norms scaled by 1/k², and
 * the ReLU arc-cosine maps applied to one position pair.
 *
 * @module
 */

/** Shape of the images and the convolution of a one-layer CNN kernel. */
export interface CnnShape {
  /** Image height H in pixels. */
  height: number;
  /** Image width W in pixels. */
  width: number;
  /** Odd filter size k. */
  kernelSize: number;
}

/**
 * Checks the inputs of a CNN Gram function and returns the shape.
 *
 * @throws {RangeError} On a bad kernel size, shape or array length.
 */
export function checkCnnInputs(
  images: Float64Array,
  n: number,
  shape: CnnShape,
  caller: string,
): void {
  const { height, width, kernelSize } = shape;
  if (
    !Number.isInteger(kernelSize) || kernelSize < 1 || kernelSize % 2 === 0
  ) {
    throw new RangeError(
      `${caller}: expected an odd positive kernelSize, got ${kernelSize}; ` +
        `use 3 as in paper.md 5.2`,
    );
  }
  if (
    !Number.isInteger(height) || height < 1 || !Number.isInteger(width) ||
    width < 1
  ) {
    throw new RangeError(
      `${caller}: expected positive integer height and width, got ` +
        `${height} × ${width}`,
    );
  }
  if (!Number.isInteger(n) || n < 1 || images.length !== n * height * width) {
    throw new RangeError(
      `${caller}: expected images of length n·H·W = ${n}·${height}·` +
        `${width} = ${n * height * width}, got ${images.length} ` +
        `(n = ${n}); pass a row-major [n, H·W] Float64Array and the shape`,
    );
  }
}

/**
 * Patch matrices of every image, scaled by 1/k so that the dot product of
 * two rows is Σ1(p, p') (σ_w = 1): `[n, P, k²]` row-major, P = H·W, row p
 * holding x[p + δ]/k for δ in row-major order over the k × k offsets
 * {−(k−1)/2, …, (k−1)/2}², indices wrapping around.
 */
export function patchMatrices(
  images: Float64Array,
  n: number,
  shape: CnnShape,
): Float64Array {
  const { height, width, kernelSize: k } = shape;
  const half = (k - 1) / 2;
  const pixels = height * width;
  const k2 = k * k;
  const out = new Float64Array(n * pixels * k2);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const base = i * pixels;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        for (let dr = -half; dr <= half; dr++) {
          const row = (((r + dr) % height) + height) % height;
          for (let dc = -half; dc <= half; dc++) {
            const col = (((c + dc) % width) + width) % width;
            out[o++] = images[base + row * width + col] / k;
          }
        }
      }
    }
  }
  return out;
}

/**
 * Per-position patch norms √q(x, p) = ‖patch_p(x)‖/k from the patch
 * matrices: `[n·P]` Float64Array.
 */
export function patchNorms(patches: Float64Array, k2: number): Float64Array {
  const out = new Float64Array(patches.length / k2);
  for (let p = 0; p < out.length; p++) {
    let acc = 0;
    for (let t = p * k2; t < (p + 1) * k2; t++) acc += patches[t] * patches[t];
    out[p] = Math.sqrt(acc);
  }
  return out;
}

/**
 * ReLU maps of one position pair (paper.md 5.2) from Σ1 and u = √(q q'),
 * with θ = atan2(√(u² − Σ1²), Σ1) (π/2 when both vanish):
 * Σ̃ = [u sin θ + (π − θ)Σ1]/2π and Θ̃ = Σ1(π − θ)/2π, written to
 * `out[0]` (Σ̃) and `out[1]` (Θ̃).
 */
export function reluMaps(sigma: number, u: number, out: Float64Array): void {
  const s = Math.sqrt(Math.max(0, (u - sigma) * (u + sigma)));
  const angle = s === 0 && sigma === 0 ? Math.PI / 2 : Math.atan2(s, sigma);
  out[0] = (s + (Math.PI - angle) * sigma) / (2 * Math.PI);
  out[1] = sigma * (Math.PI - angle) / (2 * Math.PI);
}
