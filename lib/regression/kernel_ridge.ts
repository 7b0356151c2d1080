/**
 * Kernel ridge regression as the reference code's `kreg` does it, and
 * leave-one-out helpers (paper.md 3.2 item 1, 3.3, G.2, G.12).
 *
 * All matrices are row-major float64 `Float64Array`s.
 *
 * @module
 */

import { EigenvalueDecomposition, Matrix } from "ml-matrix";

/** float32 machine epsilon 2^-23, the threshold base of JAX's `lstsq`. */
const EPS_FLOAT32 = 2 ** -23;

/** float64 machine epsilon 2^-52, numpy's `lstsq` default threshold base. */
const EPS_FLOAT64 = 2 ** -52;

/** Options of {@link kernelRidgeWeights}. */
export interface KernelRidgeOptions {
  /**
   * Relative ridge: r = reg · trace(K_tr) is added to the diagonal (1e-10
   * in the NTK scripts, 1e-5 in the toy model; paper.md 3.2 item 1).
   */
  reg: number;
  /**
   * float32-like `lstsq` truncation (paper.md G.12): drop eigenvalues of
   * K_tr + r·I with |λ| < 2^-23 · m · max|λ|. Default false, which uses the
   * float64 threshold 2^-52 · m · max|λ| of numpy's `lstsq`.
   */
  truncate?: boolean;
}

function checkSquare(k: Float64Array, m: number, name: string): void {
  if (!Number.isInteger(m) || m < 1 || k.length !== m * m) {
    throw new RangeError(
      `${name}: expected an [m, m] matrix with m = ${m} (the label count), ` +
        `got length ${k.length}; pass the full row-major matrix`,
    );
  }
}

/**
 * Symmetric eigendecomposition A = V diag(values) Vᵀ; `vectors` is V,
 * `[m, m]` row-major (column k is eigenvector k).
 */
function symmetricEigen(
  a: Float64Array,
  m: number,
): { values: Float64Array; vectors: Float64Array } {
  const matrix = new Matrix(m, m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) matrix.set(i, j, a[i * m + j]);
  }
  const evd = new EigenvalueDecomposition(matrix, { assumeSymmetric: true });
  return {
    values: Float64Array.from(evd.realEigenvalues),
    vectors: Float64Array.from(evd.eigenvectorMatrix.to1DArray()),
  };
}

/**
 * Dual weights α = (K_tr + r·I)⁺ y_tr with r = reg · trace(K_tr), through a
 * symmetric eigendecomposition: the pseudo-inverse that `lstsq` computes,
 * since for a symmetric matrix the singular values are |λ| (paper.md 3.2
 * item 1, 10.1). The prediction at a test point is ŷ = k_*ᵀ α, which equals
 * `kreg`'s `solᵀ y` with sol = lstsq(K_tr + r·I, k_*).
 *
 * @param kTrainTrain Training Gram matrix K_tr, `[m, m]` row-major, symmetric.
 * @param yTrain Training labels, `[m]` Float64Array.
 * @param options `reg` and `truncate`.
 * @returns α, `[m]` Float64Array.
 * @throws {RangeError} If `kTrainTrain` is not `[m, m]` with m = yTrain.length.
 */
export function kernelRidgeWeights(
  kTrainTrain: Float64Array,
  yTrain: Float64Array,
  options: KernelRidgeOptions,
): Float64Array {
  const m = yTrain.length;
  checkSquare(kTrainTrain, m, "kernelRidgeWeights");

  // A = K_tr + r·I with r = reg · trace(K_tr).
  let trace = 0;
  for (let i = 0; i < m; i++) trace += kTrainTrain[i * m + i];
  const a = Float64Array.from(kTrainTrain);
  for (let i = 0; i < m; i++) a[i * m + i] += options.reg * trace;

  // α = Σ_k v_k (v_k·y) / λ_k over the eigenvalues kept by lstsq.
  const { values, vectors } = symmetricEigen(a, m);
  let maxAbs = 0;
  for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
  const eps = options.truncate ? EPS_FLOAT32 : EPS_FLOAT64;
  const threshold = eps * m * maxAbs;
  const alpha = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    if (values[k] === 0 || Math.abs(values[k]) < threshold) continue;
    let proj = 0;
    for (let i = 0; i < m; i++) proj += vectors[i * m + k] * yTrain[i];
    const coef = proj / values[k];
    for (let i = 0; i < m; i++) alpha[i] += coef * vectors[i * m + k];
  }
  return alpha;
}

/** Options of {@link leaveOneOutPrediction}. */
export interface LeaveOneOutOptions extends KernelRidgeOptions {
  /** Index of the held-out point, 0 ≤ heldOut < m. */
  heldOut: number;
}

/**
 * Kernel ridge prediction ŷ at one held-out point from a fit on the other
 * m − 1 points (paper.md 3.1, 3.2 item 1, 4.5), with r = reg · trace of the
 * (m − 1) × (m − 1) training block.
 *
 * @param gram Full Gram matrix including the held-out point, `[m, m]`
 * row-major Float64Array.
 * @param y Labels of all m points, `[m]` Float64Array (the held-out label is
 * ignored).
 * @param options `heldOut`, `reg`, `truncate`.
 * @returns ŷ at `heldOut`, in label units.
 * @throws {RangeError} If the shapes disagree or `heldOut` is out of range.
 */
export function leaveOneOutPrediction(
  gram: Float64Array,
  y: Float64Array,
  options: LeaveOneOutOptions,
): number {
  const m = y.length;
  checkSquare(gram, m, "leaveOneOutPrediction");
  const { heldOut } = options;
  if (!Number.isInteger(heldOut) || heldOut < 0 || heldOut >= m || m < 2) {
    throw new RangeError(
      `leaveOneOutPrediction: expected 0 ≤ heldOut < m = ${m} (m ≥ 2), got ` +
        `${heldOut}`,
    );
  }

  const train = Array.from(
    { length: m - 1 },
    (_, i) => i < heldOut ? i : i + 1,
  );
  const kTrainTrain = new Float64Array((m - 1) * (m - 1));
  const kTestTrain = new Float64Array(m - 1);
  const yTrain = new Float64Array(m - 1);
  train.forEach((src, i) => {
    for (let j = 0; j < m - 1; j++) {
      kTrainTrain[i * (m - 1) + j] = gram[src * m + train[j]];
    }
    kTestTrain[i] = gram[heldOut * m + src];
    yTrain[i] = y[src];
  });

  const alpha = kernelRidgeWeights(kTrainTrain, yTrain, options);
  let prediction = 0;
  for (let i = 0; i < m - 1; i++) prediction += kTestTrain[i] * alpha[i];
  return prediction;
}

/**
 * Leave-one-out residuals by the shortcut y_i − ŷ_{−i}(x_i) =
 * [A⁻¹y]_i / [A⁻¹]_ii for a symmetric positive-definite A = K + r·I, where
 * ŷ_{−i} is the ridge fit with the same absolute r without point i
 * (paper.md 3.3, F.4 T2).
 *
 * @param a A = K + r·I, `[m, m]` row-major Float64Array, symmetric
 * positive-definite.
 * @param y Labels, `[m]` Float64Array.
 * @returns The m residuals, `[m]` Float64Array, in label units.
 * @throws {RangeError} If `a` is not `[m, m]` with m = y.length.
 */
export function looResidualsShortcut(
  a: Float64Array,
  y: Float64Array,
): Float64Array {
  const m = y.length;
  checkSquare(a, m, "looResidualsShortcut");
  const { values, vectors } = symmetricEigen(a, m);

  // A⁻¹y and diag(A⁻¹) from A⁻¹ = V diag(1/λ) Vᵀ.
  const aInvY = new Float64Array(m);
  const aInvDiag = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    let proj = 0;
    for (let i = 0; i < m; i++) proj += vectors[i * m + k] * y[i];
    for (let i = 0; i < m; i++) {
      const v = vectors[i * m + k];
      aInvY[i] += (v * proj) / values[k];
      aInvDiag[i] += (v * v) / values[k];
    }
  }
  return aInvY.map((v, i) => v / aInvDiag[i]);
}
