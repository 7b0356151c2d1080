/**
 * Per-pair computation of the dihedral MNIST experiment: exact LOO error
 * and group-Fourier (spectral) error of two full D_4 or C_4 orbits under
 * the one-hidden-layer ReLU NTK (paper.md 3.6, 4.2, 5.1; F.4 T4).
 *
 * @module
 */

import { groupFourierLoo } from "../groups/fourier_loo.ts";
import { actOnVector } from "../groups/finite_group.ts";
import { directPairLoo } from "../groups/pair_loo.ts";
import { mlpGram, type MlpKernelOptions } from "../kernels/mlp.ts";
import { normalizeImage } from "../orbits/normalize.ts";
import {
  type ImageGroupName,
  squareImageGroup,
  squareImageIrreps,
} from "./image_group.ts";

/** Options of {@link dihedralPairError}. */
export interface DihedralPairOptions {
  /** Group acting on the images; default "D4". */
  group?: ImageGroupName;
  /** MLP kernel architecture; default depth 1, σ_w = σ_b = 1 (paper.md 5.1). */
  kernel?: MlpKernelOptions;
  /**
   * Relative ridge: the absolute r = reg · trace(K) of the full
   * `[2|G|, 2|G|]` Gram matrix is used by both the direct solve and the
   * formula; default 1e-10 (paper.md 3.2 item 1).
   */
  reg?: number;
  /** Image side S (images are S × S); default 28. */
  side?: number;
}

/** Result of {@link dihedralPairError}; errors and predictions unitless. */
export interface DihedralPairResult {
  /** Symmetrised exact error mean(|1 − ŷ_A|, |−1 − ŷ_B|) (paper.md 3.1). */
  exact: number;
  /** Mean of the group-Fourier ε_A and ε_B (paper.md 3.6). */
  spectral: number;
  /** Held-out points (0, 1 or 2) whose direct ŷ has the label's sign. */
  correct: number;
  /** Direct LOO prediction at (A, e), label +1. */
  predictionA: number;
  /** Direct LOO prediction at (B, e), label −1. */
  predictionB: number;
  /** Group-Fourier prediction at (A, e). */
  spectralPredictionA: number;
  /** Group-Fourier prediction at (B, e). */
  spectralPredictionB: number;
  /** The absolute ridge r = reg · trace(K) used by both sides. */
  ridge: number;
  /** max |K[(c,g),(c',h)] − κ_cc'(g⁻¹h)|, NTK units (≈ 1e-16 expected). */
  maxCirculantDeviation: number;
}

/**
 * One pair of the dihedral experiment. Each seed image x_c (c = A, B) gives
 * the orbit rows normalise(g·x_c), g ∈ G in element order (the group acts
 * on the raw [0, 1] image as a pixel permutation, then each image is
 * normalised, paper.md 4.2), class-major: (A, g) at row g, (B, g) at row
 * |G| + g. For the permutation-invariant NTK this Gram matrix satisfies
 * K[(c,g),(c',h)] = κ_cc'(g⁻¹h) (the "left" convention of paper.md 3.6).
 * The exact side refits kernel ridge regression without (A, e), then
 * without (B, e); the spectral side evaluates the group-Fourier formula;
 * both use the same absolute ridge r = reg · trace(K), so they agree up to
 * rounding amplified by the conditioning of K + r·I (about 1e-12 on MNIST
 * pairs at reg = 1e-10, even when the orbit repeats an image). This r
 * differs from the reference `kreg` (trace of the (2|G| − 1) training block,
 * float32 `lstsq`, paper.md 3.2 item 1) by a factor 2|G|/(2|G| − 1).
 *
 * @param imageA Seed of class A (label +1), `[S²]` row-major, values in
 *   [0, 1] (e.g. an MNIST image / 255, `[784]`).
 * @param imageB Seed of class B (label −1), same shape.
 * @param options Group, kernel, relative ridge and side.
 * @returns Exact and spectral errors, correct count, predictions, ridge and
 *   the G-circulance check.
 * @throws {RangeError} If an image does not have S² pixels or is constant.
 */
export function dihedralPairError(
  imageA: Float64Array,
  imageB: Float64Array,
  options: DihedralPairOptions = {},
): DihedralPairResult {
  const name = options.group ?? "D4";
  const side = options.side ?? 28;
  const pixels = side * side;
  if (imageA.length !== pixels || imageB.length !== pixels) {
    throw new RangeError(
      `dihedralPairError: expected two images of S² = ${pixels} pixels, ` +
        `got ${imageA.length} and ${imageB.length}; pass flattened ` +
        `${side} × ${side} images or set options.side`,
    );
  }
  const group = squareImageGroup(name, { side });

  // Orbits, class-major, each image normalised after the transformation.
  const x = new Float64Array(2 * group.order * pixels);
  [imageA, imageB].forEach((image, c) => {
    for (let g = 0; g < group.order; g++) {
      const moved = actOnVector(group.action!, g, image);
      normalizeImage(moved, { out: moved });
      x.set(moved, (c * group.order + g) * pixels);
    }
  });
  const m = 2 * group.order;
  const k = mlpGram(x, m, options.kernel ?? {}).ntk;

  let trace = 0;
  for (let i = 0; i < m; i++) trace += k[i * m + i];
  const ridge = (options.reg ?? 1e-10) * trace;
  const direct = directPairLoo(k, { orbitSize: group.order, ridge });
  const spectral = groupFourierLoo(k, group, {
    irreps: squareImageIrreps(name),
    ridge,
  });
  return {
    exact: (direct.errorA + direct.errorB) / 2,
    spectral: (spectral.errorA + spectral.errorB) / 2,
    correct: Number(direct.predictionA > 0) + Number(direct.predictionB < 0),
    predictionA: direct.predictionA,
    predictionB: direct.predictionB,
    spectralPredictionA: spectral.predictionA,
    spectralPredictionB: spectral.predictionB,
    ridge,
    maxCirculantDeviation: spectral.maxCirculantDeviation,
  };
}
