/**
 * Inner loop of the float64 CNN-GAP kernel (paper.md 5.2): for one image
 * pair, the sums over all P² position pairs of the ReLU maps, written in
 * terms of unit patches so that c = cos θ is one k²-term dot product.
 *
 * @module
 */

const PIO2_HI = 1.57079632679489655800e+00;
const PIO2_LO = 6.12323399573676603587e-17;
const PS0 = 1.66666666666666657415e-01;
const PS1 = -3.25565818622400915405e-01;
const PS2 = 2.01212532134862925881e-01;
const PS3 = -4.00555345006794114027e-02;
const PS4 = 7.91534994289814532176e-04;
const PS5 = 3.47933107596021167570e-05;
const QS1 = -2.40339491173441421878e+00;
const QS2 = 2.02094576023350569471e+00;
const QS3 = -6.88283971605453293030e-01;
const QS4 = 7.70381505559019352791e-02;

/**
 * arccos(c) for c in [−1, 1], fdlibm's `__ieee754_acos` without its
 * last-bit refinement (error below 2 ulp of π), inlined by V8 where
 * `Math.acos` is a call.
 */
function acos(c: number): number {
  if (c > -0.5 && c < 0.5) {
    const z = c * c;
    const r = z *
      (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5))))) /
      (1 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4))));
    return PIO2_HI - (c - (PIO2_LO - c * r));
  }
  const z = c < 0 ? (1 + c) / 2 : (1 - c) / 2;
  const s = Math.sqrt(z);
  const r = z *
    (PS0 + z * (PS1 + z * (PS2 + z * (PS3 + z * (PS4 + z * PS5))))) /
    (1 + z * (QS1 + z * (QS2 + z * (QS3 + z * QS4))));
  return c < 0 ? Math.PI - 2 * (s + (r * s - PIO2_LO)) : 2 * (s + r * s);
}

/**
 * Unit patches â_p = a_p/‖a_p‖ (zero where the patch is zero), `[n·P, k²]`,
 * from patch matrices and their norms.
 */
export function unitPatches(
  patches: Float64Array,
  norms: Float64Array,
  k2: number,
): Float64Array {
  const out = new Float64Array(patches.length);
  for (let p = 0; p < norms.length; p++) {
    const inv = norms[p] > 0 ? 1 / norms[p] : 0;
    for (let t = p * k2; t < (p + 1) * k2; t++) out[t] = patches[t] * inv;
  }
  return out;
}

/**
 * Sums over all position pairs (p, p') of images i and j of
 * u·sin θ (`out[0]`) and Σ1·(π − θ) (`out[1]`), u = ‖a_p‖‖b_p'‖,
 * c = â_p·b̂_p' clamped to [−1, 1], θ = arccos c (paper.md 5.2). Then
 * Σ_pool = (out[0] + out[1])/(2πP²) and Θ_pool = out[1]/(2πP²).
 *
 * @param unit Unit patches, `[n·P, k²]`.
 * @param norms Patch norms √q, `[n·P]`.
 * @param pair Image indices i and j and the sizes P and k².
 * @param out Two-element output.
 */
export function gapSums(
  unit: Float64Array,
  norms: Float64Array,
  pair: { i: number; j: number; pixels: number; k2: number },
  out: Float64Array,
): void {
  const { i, j, pixels, k2 } = pair;
  if (k2 === 9) {
    gapSums3(unit, norms, i * pixels, j * pixels, pixels, out);
    return;
  }
  let sinSum = 0;
  let thetaSum = 0;
  for (let p = i * pixels; p < (i + 1) * pixels; p++) {
    let rowSin = 0;
    let rowTheta = 0;
    for (let q = j * pixels; q < (j + 1) * pixels; q++) {
      let c = 0;
      for (let t = 0; t < k2; t++) c += unit[p * k2 + t] * unit[q * k2 + t];
      c = c > 1 ? 1 : c < -1 ? -1 : c;
      rowSin += norms[q] * Math.sqrt((1 - c) * (1 + c));
      rowTheta += norms[q] * c * (Math.PI - acos(c));
    }
    sinSum += norms[p] * rowSin;
    thetaSum += norms[p] * rowTheta;
  }
  out[0] = sinSum;
  out[1] = thetaSum;
}

/** {@link gapSums} for k = 3, with the 9-term dot product unrolled. */
function gapSums3(
  unit: Float64Array,
  norms: Float64Array,
  first: number,
  second: number,
  pixels: number,
  out: Float64Array,
): void {
  let sinSum = 0;
  let thetaSum = 0;
  for (let p = first; p < first + pixels; p++) {
    const o = p * 9;
    const a0 = unit[o], a1 = unit[o + 1], a2 = unit[o + 2];
    const a3 = unit[o + 3], a4 = unit[o + 4], a5 = unit[o + 5];
    const a6 = unit[o + 6], a7 = unit[o + 7], a8 = unit[o + 8];
    let rowSin = 0;
    let rowTheta = 0;
    for (let q = second; q < second + pixels; q++) {
      const b = q * 9;
      let c = a0 * unit[b] + a1 * unit[b + 1] + a2 * unit[b + 2] +
        a3 * unit[b + 3] + a4 * unit[b + 4] + a5 * unit[b + 5] +
        a6 * unit[b + 6] + a7 * unit[b + 7] + a8 * unit[b + 8];
      c = c > 1 ? 1 : c < -1 ? -1 : c;
      const nq = norms[q];
      rowSin += nq * Math.sqrt((1 - c) * (1 + c));
      rowTheta += nq * c * (Math.PI - acos(c));
    }
    sinSum += norms[p] * rowSin;
    thetaSum += norms[p] * rowTheta;
  }
  out[0] = sinSum;
  out[1] = thetaSum;
}

/** Where {@link gapSumsFromCos} recomputes c in float64: |c| > 1 − this. */
export const NEAR_ONE = 1e-2;

/** Location of one image pair's cosines in a float32 block. */
export interface CosBlock {
  /** Cosines c(p, q), float32, row p at `offset + p·stride`. */
  cos: Float32Array;
  /** Index of c(0, 0). */
  offset: number;
  /** Distance between rows p and p + 1. */
  stride: number;
}

/**
 * {@link gapSums} from float32 cosines computed elsewhere (a tfjs matmul):
 * the ReLU maps run in float64, and wherever |c| > 1 − {@link NEAR_ONE}
 * (where arccos amplifies the float32 error ~1e-7 into √(2e-7)) c is
 * recomputed in float64 from the unit patches.
 */
export function gapSumsFromCos(
  block: CosBlock,
  unit: Float64Array,
  norms: Float64Array,
  pair: { i: number; j: number; pixels: number; k2: number },
  out: Float64Array,
): void {
  const { i, j, pixels, k2 } = pair;
  const { cos, offset, stride } = block;
  const edge = 1 - NEAR_ONE;
  let sinSum = 0;
  let thetaSum = 0;
  for (let p = 0; p < pixels; p++) {
    const a = (i * pixels + p) * k2;
    let rowSin = 0;
    let rowTheta = 0;
    for (let q = 0; q < pixels; q++) {
      let c = cos[offset + p * stride + q];
      if (c > edge || c < -edge) {
        const b = (j * pixels + q) * k2;
        c = 0;
        for (let t = 0; t < k2; t++) c += unit[a + t] * unit[b + t];
      }
      c = c > 1 ? 1 : c < -1 ? -1 : c;
      const nq = norms[j * pixels + q];
      rowSin += nq * Math.sqrt((1 - c) * (1 + c));
      rowTheta += nq * c * (Math.PI - acos(c));
    }
    sinSum += norms[i * pixels + p] * rowSin;
    thetaSum += norms[i * pixels + p] * rowTheta;
  }
  out[0] = sinSum;
  out[1] = thetaSum;
}
