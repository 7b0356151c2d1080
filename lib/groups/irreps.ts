/**
 * Irreducible unitary representations of C_N, D_N and S_3, built from the
 * group structure, and a check of a candidate set (paper.md 3.6).
 *
 * Each representation lists one matrix per group element, in the element
 * order of `cyclicGroup`, `dihedralGroup` or `symmetricGroup3`
 * (finite_group.ts).
 *
 * @module
 */

import {
  complexAdjoint,
  complexIdentity,
  type ComplexMatrix,
  complexMaxAbsDifference,
  complexMultiply,
  complexTrace,
  complexZeros,
} from "./complex_matrix.ts";
import { type FiniteGroup, symmetricGroup3 } from "./finite_group.ts";

/** One irreducible unitary representation ρ: G → U(d_ρ). */
export interface Irrep {
  /** Display name, e.g. "trivial", "sign", "rot(k=1)". */
  name: string;
  /** Dimension d_ρ. */
  dim: number;
  /** ρ(g) for g = 0..|G|−1, each d_ρ × d_ρ. */
  matrices: ComplexMatrix[];
}

function checkOrder(n: number, min: number, name: string): void {
  if (!Number.isInteger(n) || n < min) {
    throw new RangeError(`${name}: expected an integer N ≥ ${min}, got ${n}`);
  }
}

/** cos and sin of 2π·m/n with m reduced mod n first. */
function unitAngle(m: number, n: number): [number, number] {
  const angle = (2 * Math.PI * (((m % n) + n) % n)) / n;
  return [Math.cos(angle), Math.sin(angle)];
}

function scalar(re: number, im = 0): ComplexMatrix {
  const out = complexZeros(1);
  out.re[0] = re;
  out.im[0] = im;
  return out;
}

function real2(a: number, b: number, c: number, d: number): ComplexMatrix {
  const out = complexZeros(2);
  out.re.set([a, b, c, d]);
  return out;
}

/**
 * The N characters of C_N: ρ_j(r^k) = e^{2πi·jk/N}, j = 0..N−1 (all
 * one-dimensional; paper.md 3.6).
 *
 * @param n N ≥ 1; the element order is that of `cyclicGroup(n)`.
 * @returns N irreps of dimension 1, ρ_0 trivial first.
 * @throws {RangeError} If N is not a positive integer.
 */
export function cyclicIrreps(n: number): Irrep[] {
  checkOrder(n, 1, "cyclicIrreps");
  return Array.from({ length: n }, (_, j) => ({
    name: j === 0 ? "trivial" : `char(j=${j})`,
    dim: 1,
    matrices: Array.from({ length: n }, (_, k) => {
      const [c, s] = unitAngle(j * k, n);
      return scalar(c, s);
    }),
  }));
}

/**
 * The irreps of D_N (element r^k s^f = k + N·f): the one-dimensional ones
 * ρ(r^k s^f) = χ_r^k χ_s^f with (χ_r, χ_s) = (1, 1), (1, −1), and for even
 * N also (−1, 1), (−1, −1); and the two-dimensional ones
 * ρ_m(r^k s^f) = R(2πmk/N)·diag(1, −1)^f, m = 1..⌊(N−1)/2⌋, with R(θ) the
 * rotation by θ (paper.md 3.6). Σ d_ρ² = 2N.
 *
 * @param n N ≥ 3; the element order is that of `dihedralGroup(n)`.
 * @returns 2 + ⌊(N−1)/2⌋ irreps (N odd) or 4 + ⌊(N−1)/2⌋ (N even), the
 *   trivial one first.
 * @throws {RangeError} If N is not an integer ≥ 3.
 */
export function dihedralIrreps(n: number): Irrep[] {
  checkOrder(n, 3, "dihedralIrreps");
  const elements = Array.from({ length: 2 * n }, (_, x) => ({
    k: x % n,
    f: Math.floor(x / n),
  }));
  const signs: [number, number, string][] = [
    [1, 1, "trivial"],
    [1, -1, "sign(s)"],
  ];
  if (n % 2 === 0) signs.push([-1, 1, "sign(r)"], [-1, -1, "sign(r,s)"]);
  const irreps: Irrep[] = signs.map(([chiR, chiS, name]) => ({
    name,
    dim: 1,
    matrices: elements.map(({ k, f }) => scalar(chiR ** k * chiS ** f)),
  }));
  for (let m = 1; m <= Math.floor((n - 1) / 2); m++) {
    irreps.push({
      name: `rot(m=${m})`,
      dim: 2,
      matrices: elements.map(({ k, f }) => {
        // R(θ)·diag(1, −1)^f negates the second column when f = 1.
        const [c, s] = unitAngle(m * k, n);
        const flip = f ? -1 : 1;
        return real2(c, -s * flip, s, c * flip);
      }),
    });
  }
  return irreps;
}

/**
 * The irreps of S_3 (element order of `symmetricGroup3()`): trivial, sign
 * (the parity of σ) and the two-dimensional standard representation
 * ρ(σ) = Uᵀ P_σ U, where P_σ e_i = e_{σ(i)} is the permutation matrix and
 * the columns of U, (1, −1, 0)/√2 and (1, 1, −2)/√6, are an orthonormal
 * basis of the sum-zero plane (paper.md 3.6, F.4 T4).
 *
 * @returns Three irreps, dimensions 1, 1, 2.
 */
export function symmetricGroup3Irreps(): Irrep[] {
  const { order, action } = symmetricGroup3();
  const perm = action!.perm;
  const u = [
    [1 / Math.SQRT2, 1 / Math.sqrt(6)],
    [-1 / Math.SQRT2, 1 / Math.sqrt(6)],
    [0, -2 / Math.sqrt(6)],
  ];
  const sigma = (g: number, i: number) => perm[g * 3 + i];
  const parity = (g: number) => {
    let inversions = 0;
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) {
        if (sigma(g, i) > sigma(g, j)) inversions++;
      }
    }
    return inversions % 2 ? -1 : 1;
  };
  const elements = Array.from({ length: order }, (_, g) => g);
  return [
    { name: "trivial", dim: 1, matrices: elements.map(() => scalar(1)) },
    { name: "sign", dim: 1, matrices: elements.map((g) => scalar(parity(g))) },
    {
      name: "standard",
      dim: 2,
      matrices: elements.map((g) => {
        // (Uᵀ P_σ U)_ab = Σ_i U[σ(i), a]·U[i, b].
        const out = complexZeros(2);
        for (let a = 0; a < 2; a++) {
          for (let b = 0; b < 2; b++) {
            let acc = 0;
            for (let i = 0; i < 3; i++) acc += u[sigma(g, i)][a] * u[i][b];
            out.re[a * 2 + b] = acc;
          }
        }
        return out;
      }),
    },
  ];
}

/** Largest deviations found by {@link checkIrreps}; all ≈ 0 for a valid set. */
export interface IrrepCheck {
  /** max over ρ, g, h of max |ρ(g)ρ(h) − ρ(gh)|. */
  homomorphism: number;
  /** max over ρ, g of max |ρ(g)ρ(g)^† − I|. */
  unitarity: number;
  /** |Σ_ρ d_ρ² − |G||. */
  dimensionSquares: number;
  /**
   * max over ρ, σ of |(1/|G|) Σ_g χ_ρ(g)·conj(χ_σ(g)) − δ_ρσ|, which also
   * certifies irreducibility and pairwise inequivalence.
   */
  characterOrthogonality: number;
}

/**
 * Checks that `irreps` is a complete set of inequivalent irreducible unitary
 * representations of `group`: the homomorphism property ρ(g)ρ(h) = ρ(gh),
 * unitarity ρ(g)ρ(g)^† = I, Σ d_ρ² = |G| and the orthonormality of the
 * characters χ_ρ(g) = tr ρ(g) (paper.md 3.6).
 *
 * @param group The group.
 * @param irreps Candidate irreps, one matrix per element each.
 * @returns The largest deviation of each property (0 is exact).
 * @throws {RangeError} If an irrep does not have one d_ρ × d_ρ matrix per
 *   element.
 */
export function checkIrreps(group: FiniteGroup, irreps: Irrep[]): IrrepCheck {
  const { order, table } = group;
  for (const rho of irreps) {
    if (
      rho.matrices.length !== order ||
      rho.matrices.some((m) => m.n !== rho.dim)
    ) {
      throw new RangeError(
        `checkIrreps: expected irrep "${rho.name}" to have ${order} ` +
          `matrices of size ${rho.dim} × ${rho.dim}, got ` +
          `${rho.matrices.length}; build it for ${group.name}`,
      );
    }
  }

  let homomorphism = 0;
  let unitarity = 0;
  for (const { dim, matrices } of irreps) {
    const identity = complexIdentity(dim);
    for (let g = 0; g < order; g++) {
      const gram = complexMultiply(matrices[g], complexAdjoint(matrices[g]));
      unitarity = Math.max(
        unitarity,
        complexMaxAbsDifference(gram, identity),
      );
      for (let h = 0; h < order; h++) {
        const product = complexMultiply(matrices[g], matrices[h]);
        const expected = matrices[table[g * order + h]];
        homomorphism = Math.max(
          homomorphism,
          complexMaxAbsDifference(product, expected),
        );
      }
    }
  }

  const characters = irreps.map((rho) =>
    rho.matrices.map((m) => complexTrace(m))
  );
  let characterOrthogonality = 0;
  for (let p = 0; p < irreps.length; p++) {
    for (let q = 0; q < irreps.length; q++) {
      let re = 0;
      let im = 0;
      for (let g = 0; g < order; g++) {
        const a = characters[p][g];
        const b = characters[q][g];
        re += a.re * b.re + a.im * b.im;
        im += a.im * b.re - a.re * b.im;
      }
      const deviation = Math.hypot(re / order - (p === q ? 1 : 0), im / order);
      characterOrthogonality = Math.max(characterOrthogonality, deviation);
    }
  }

  const squares = irreps.reduce((acc, rho) => acc + rho.dim * rho.dim, 0);
  return {
    homomorphism,
    unitarity,
    dimensionSquares: Math.abs(squares - order),
    characterOrthogonality,
  };
}
