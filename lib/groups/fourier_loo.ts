/**
 * The group-Fourier leave-one-out error of two full orbits under a finite
 * group, abelian or not (paper.md 3.6; F.4 T4).
 *
 * @module
 */

import {
  complexInverse,
  type ComplexMatrix,
  complexTrace,
  complexZeros,
} from "./complex_matrix.ts";
import type { FiniteGroup } from "./finite_group.ts";
import {
  type GramConvention,
  type GroupKernel,
  readGroupKernel,
} from "./group_kernel.ts";
import type { Irrep } from "./irreps.ts";
import type { PairLooResult } from "./pair_loo.ts";

/** Options of {@link groupFourierLoo}. */
export interface GroupFourierLooOptions {
  /**
   * A complete set of irreducible unitary representations of the group
   * (e.g. `dihedralIrreps(4)`), the trivial one included.
   */
  irreps: Irrep[];
  /** Absolute ridge r ≥ 0 (the same r a direct solve would add to K). */
  ridge: number;
  /**
   * How K is indexed and hence which transform is used: "left" (K =
   * κ(g⁻¹h), κ̃(ρ) = Σ_u κ(u)ρ(u)) or "right" (K = κ(hg⁻¹),
   * κ̃(ρ) = Σ_u κ(u)ρ(u⁻¹)); default "left".
   */
  convention?: GramConvention;
  /**
   * Largest accepted |K − G-circulant(κ)| entry; default 1e-9 · max|K|.
   * Pass `Infinity` to evaluate the formula on a matrix that is not
   * G-circulant for this convention (it is then not the LOO error).
   */
  tolerance?: number;
}

/** {@link PairLooResult} plus the circulance check of the input. */
export interface GroupFourierLooResult extends PairLooResult {
  /** max |K[(c,g),(c',h)] − κ_cc'(u)|, kernel units (see GroupKernel). */
  maxCirculantDeviation: number;
}

/** M(ρ) + r·I, 2d_ρ × 2d_ρ, M(ρ) = [[κ̃_AA, κ̃_AB], [κ̃_BA, κ̃_BB]]. */
function fourierBlock(
  kernel: GroupKernel,
  rho: Irrep,
  options: { inverse: Int32Array | null; ridge: number },
): ComplexMatrix {
  const d = rho.dim;
  const out = complexZeros(2 * d);
  const blocks = [[kernel.aa, kernel.ab], [kernel.ba, kernel.bb]];
  const order = kernel.aa.length;
  for (let c = 0; c < 2; c++) {
    for (let c2 = 0; c2 < 2; c2++) {
      const kappa = blocks[c][c2];
      for (let u = 0; u < order; u++) {
        const mat = rho.matrices[options.inverse ? options.inverse[u] : u];
        for (let i = 0; i < d; i++) {
          for (let j = 0; j < d; j++) {
            const at = (c * d + i) * 2 * d + c2 * d + j;
            out.re[at] += kappa[u] * mat.re[i * d + j];
            out.im[at] += kappa[u] * mat.im[i * d + j];
          }
        }
      }
    }
  }
  for (let i = 0; i < 2 * d; i++) out.re[i * 2 * d + i] += options.ridge;
  return out;
}

/**
 * Group-Fourier LOO error of two full orbits (paper.md 3.6). With the class
 * kernels κ_cc' of K (see `readGroupKernel`), κ̃_cc'(ρ) = Σ_u κ_cc'(u)ρ(u)
 * ("left") or Σ_u κ_cc'(u)ρ(u⁻¹) ("right"), and
 * M(ρ) = [[κ̃_AA, κ̃_AB], [κ̃_BA, κ̃_BB]] (2d_ρ × 2d_ρ):
 *
 *   (u_A, u_B)ᵀ = (M(triv) + r·I)⁻¹ (1, −1)ᵀ,
 *   D_A = (1/|G|) Σ_ρ d_ρ tr[(M(ρ) + r·I)⁻¹]_AA   (= [A⁻¹]_(A,e),(A,e)),
 *   ε_A = |u_A| / D_A,  ŷ_A = 1 − u_A / D_A,
 *
 * and likewise ε_B = |u_B| / D_B, ŷ_B = −1 − u_B / D_B with the BB block.
 * For a G-circulant K these equal the direct LOO values at (A, e) and
 * (B, e) with the same absolute ridge r (`directPairLoo`).
 *
 * @param k Gram matrix, `[2|G|, 2|G|]` row-major Float64Array, symmetric,
 *   class-major: (A, g) at index g, (B, g) at index |G| + g.
 * @param group The group indexing each orbit (element 0 = e).
 * @param options Irreps, absolute ridge, convention and tolerance.
 * @returns ε_A, ε_B, ŷ_A, ŷ_B and the circulance deviation of K.
 * @throws {RangeError} If k has the wrong size, K is not G-circulant within
 *   the tolerance, the irreps do not satisfy Σ d_ρ² = |G| with the trivial
 *   one first, or a block is singular (use a ridge r > 0).
 */
export function groupFourierLoo(
  k: Float64Array,
  group: FiniteGroup,
  options: GroupFourierLooOptions,
): GroupFourierLooResult {
  const { irreps, ridge } = options;
  const convention = options.convention ?? "left";
  const kernel = readGroupKernel(k, group, { convention });
  let maxAbs = 0;
  for (const v of k) maxAbs = Math.max(maxAbs, Math.abs(v));
  const tolerance = options.tolerance ?? 1e-9 * maxAbs;
  if (kernel.maxDeviation > tolerance) {
    throw new RangeError(
      `groupFourierLoo: expected a ${group.name}-circulant Gram matrix ` +
        `(${convention} convention), got a deviation of ` +
        `${kernel.maxDeviation} > tolerance ${tolerance}; check the orbit ` +
        `order, the convention and that the kernel is invariant`,
    );
  }
  const squares = irreps.reduce((acc, rho) => acc + rho.dim * rho.dim, 0);
  const trivial = irreps[0];
  if (
    squares !== group.order || trivial?.dim !== 1 ||
    trivial.matrices.some((m) => m.re[0] !== 1 || m.im[0] !== 0)
  ) {
    throw new RangeError(
      `groupFourierLoo: expected all irreps of ${group.name}, trivial ` +
        `first, with Σ d_ρ² = ${group.order}; got Σ d_ρ² = ${squares}; ` +
        `pass the irreps built for this group`,
    );
  }
  if (!(ridge >= 0)) {
    throw new RangeError(
      `groupFourierLoo: expected an absolute ridge r ≥ 0, got ${ridge}`,
    );
  }

  const inverse = convention === "right" ? group.inverse : null;
  let diagA = 0;
  let diagB = 0;
  let trivialInverse: ComplexMatrix | undefined;
  for (const rho of irreps) {
    const inv = complexInverse(fourierBlock(kernel, rho, { inverse, ridge }));
    trivialInverse ??= inv;
    // The traces are real for Hermitian M(ρ); the imaginary parts are
    // rounding.
    diagA += rho.dim * complexTrace(inv, { offset: 0, size: rho.dim }).re;
    diagB += rho.dim * complexTrace(inv, { offset: rho.dim, size: rho.dim }).re;
  }
  diagA /= group.order;
  diagB /= group.order;

  // (u_A, u_B) = (M(triv) + r·I)⁻¹ (1, −1); M(triv) is real.
  const t = trivialInverse!.re;
  const uA = t[0] - t[1];
  const uB = t[2] - t[3];
  return {
    errorA: Math.abs(uA) / diagA,
    errorB: Math.abs(uB) / diagB,
    predictionA: 1 - uA / diagA,
    predictionB: -1 - uB / diagB,
    maxCirculantDeviation: kernel.maxDeviation,
  };
}
