/**
 * Finite groups given by their Cayley table, optionally with a permutation
 * action on an index set (paper.md 3.6): the cyclic groups C_N, the
 * dihedral groups D_N and the symmetric group S_3.
 *
 * Elements are the integers 0..|G|−1 and 0 is the identity e. The product
 * gh means "apply h, then g" when elements act on something, so a left
 * action satisfies π_{gh} = π_g ∘ π_h.
 *
 * @module
 */

/**
 * A permutation action of a group on the index set 0..degree−1:
 * `perm[g * degree + i]` = π_g(i). Acting on a vector moves entry i to
 * position π_g(i) (see {@link actOnVector}).
 */
export interface PermutationAction {
  /** Size of the index set (number of blocks or pixels). */
  degree: number;
  /** π_g(i), `[|G|, degree]` row-major Int32Array. */
  perm: Int32Array;
}

/** A finite group as a validated Cayley table. */
export interface FiniteGroup {
  /** Display name, e.g. "D_4". */
  name: string;
  /** |G|. */
  order: number;
  /** Products: `table[g * order + h]` = gh, `[|G|, |G|]` Int32Array. */
  table: Int32Array;
  /** `inverse[g]` = g^{-1}, `[|G|]` Int32Array. */
  inverse: Int32Array;
  /** Optional left action on an index set. */
  action?: PermutationAction;
}

/** Options of {@link createFiniteGroup}. */
export interface CreateFiniteGroupOptions {
  /** Display name; default "G". */
  name?: string;
  /**
   * Left action as rows π_g (each a permutation of 0..degree−1), one per
   * element; it must satisfy π_{gh} = π_g ∘ π_h.
   */
  action?: readonly (readonly number[])[];
}

function isPermutation(row: readonly number[], size: number): boolean {
  if (row.length !== size) return false;
  const seen = new Uint8Array(size);
  for (const v of row) {
    if (!Number.isInteger(v) || v < 0 || v >= size || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
}

function checkAction(
  rows: readonly (readonly number[])[],
  table: Int32Array,
  order: number,
  name: string,
): PermutationAction {
  const degree = rows[0]?.length ?? 0;
  if (rows.length !== order || !rows.every((r) => isPermutation(r, degree))) {
    throw new RangeError(
      `createFiniteGroup(${name}): expected an action of ${order} ` +
        `permutations of one index set, got ${rows.length} rows that are ` +
        `not all permutations of 0..${degree - 1}; pass π_g for every g`,
    );
  }
  const perm = new Int32Array(order * degree);
  rows.forEach((r, g) => perm.set(r, g * degree));
  for (let g = 0; g < order; g++) {
    for (let h = 0; h < order; h++) {
      const gh = table[g * order + h];
      for (let i = 0; i < degree; i++) {
        const composed = perm[g * degree + perm[h * degree + i]];
        if (composed !== perm[gh * degree + i]) {
          throw new RangeError(
            `createFiniteGroup(${name}): expected a left action ` +
              `π_{gh} = π_g ∘ π_h, got π_g(π_h(${i})) = ${composed} but ` +
              `π_{gh}(${i}) = ${perm[gh * degree + i]} for g = ${g}, ` +
              `h = ${h}; fix the permutations or the table's order`,
          );
        }
      }
    }
  }
  return { degree, perm };
}

/**
 * Validates a Cayley table and returns the group: every row and column is a
 * permutation of 0..n−1 (Latin square), 0 is the identity, and the product
 * is associative; inverses are read off the table. An optional action is
 * checked to be a left action, π_{gh} = π_g ∘ π_h (paper.md 3.6).
 *
 * @param table Products, `table[g][h]` = gh, an n × n array of integers.
 * @param options Name and optional action.
 * @returns The validated group.
 * @throws {RangeError} If the table is not a group table with identity 0, or
 *   the action is not a left action of it.
 */
export function createFiniteGroup(
  table: readonly (readonly number[])[],
  options: CreateFiniteGroupOptions = {},
): FiniteGroup {
  const name = options.name ?? "G";
  const order = table.length;
  const latin = order > 0 &&
    table.every((row) => isPermutation(row, order)) &&
    table.every((_, h) => isPermutation(table.map((row) => row[h]), order));
  if (!latin) {
    throw new RangeError(
      `createFiniteGroup(${name}): expected an n × n Latin square over ` +
        `0..n−1 (n = ${order}), got a table whose rows or columns are not ` +
        `permutations; pass the full multiplication table`,
    );
  }
  const flat = new Int32Array(order * order);
  table.forEach((row, g) => flat.set(row, g * order));
  for (let g = 0; g < order; g++) {
    if (flat[g] !== g || flat[g * order] !== g) {
      throw new RangeError(
        `createFiniteGroup(${name}): expected element 0 to be the identity, ` +
          `got 0·${g} = ${flat[g]} and ${g}·0 = ${flat[g * order]}; ` +
          `relabel the elements so that the identity is 0`,
      );
    }
  }
  for (let a = 0; a < order; a++) {
    for (let b = 0; b < order; b++) {
      for (let c = 0; c < order; c++) {
        const left = flat[flat[a * order + b] * order + c];
        const right = flat[a * order + flat[b * order + c]];
        if (left !== right) {
          throw new RangeError(
            `createFiniteGroup(${name}): expected an associative product, ` +
              `got (${a}·${b})·${c} = ${left} ≠ ${a}·(${b}·${c}) = ${right}`,
          );
        }
      }
    }
  }
  const inverse = new Int32Array(order);
  for (let g = 0; g < order; g++) {
    inverse[g] = table[g].indexOf(0);
  }
  const group: FiniteGroup = { name, order, table: flat, inverse };
  if (options.action !== undefined) {
    group.action = checkAction(options.action, flat, order, name);
  }
  return group;
}

function checkOrder(n: number, min: number, name: string): void {
  if (!Number.isInteger(n) || n < min) {
    throw new RangeError(
      `${name}: expected an integer N ≥ ${min}, got ${n}`,
    );
  }
}

/**
 * The cyclic group C_N: element k is the rotation r^k, k = 0..N−1, and
 * r^a r^b = r^{(a+b) mod N}. Its action cycles N points, π_k(i) =
 * (i + k) mod N (paper.md 2, 3.6).
 *
 * @param n N ≥ 1.
 * @returns C_N with its action on N points.
 * @throws {RangeError} If N is not a positive integer.
 */
export function cyclicGroup(n: number): FiniteGroup {
  checkOrder(n, 1, "cyclicGroup");
  const rows = Array.from(
    { length: n },
    (_, a) => Array.from({ length: n }, (_, b) => (a + b) % n),
  );
  return createFiniteGroup(rows, { name: `C_${n}`, action: rows });
}

/**
 * The dihedral group D_N of order 2N (symmetries of a regular N-gon).
 * Element k + N·f is r^k s^f (k = 0..N−1, f ∈ {0, 1}), with r a rotation by
 * 2π/N and s a reflection; the product is
 * (r^a s^f)(r^b s^g) = r^{a + (−1)^f b} s^{f + g} (paper.md 3.6). Its action
 * on the N vertices is π_{r^k s^f}(i) = ((−1)^f i + k) mod N.
 *
 * @param n N ≥ 3.
 * @returns D_N with its action on the N vertices.
 * @throws {RangeError} If N is not an integer ≥ 3.
 */
export function dihedralGroup(n: number): FiniteGroup {
  checkOrder(n, 3, "dihedralGroup");
  const mod = (v: number) => ((v % n) + n) % n;
  const element = (k: number, f: number) => mod(k) + n * (f % 2);
  const rows = Array.from({ length: 2 * n }, (_, x) => {
    const [a, f] = [x % n, Math.floor(x / n)];
    return Array.from({ length: 2 * n }, (_, y) => {
      const [b, g] = [y % n, Math.floor(y / n)];
      return element(a + (f ? -b : b), f + g);
    });
  });
  const action = Array.from({ length: 2 * n }, (_, x) => {
    const [k, f] = [x % n, Math.floor(x / n)];
    return Array.from({ length: n }, (_, i) => mod((f ? -i : i) + k));
  });
  return createFiniteGroup(rows, { name: `D_${n}`, action });
}

/** The permutations of {0, 1, 2} as rows [σ(0), σ(1), σ(2)]. */
const S3_PERMUTATIONS: readonly (readonly number[])[] = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

/**
 * The symmetric group S_3: element σ is the permutation of {0, 1, 2} with
 * images [σ(0), σ(1), σ(2)] in lexicographic order, 0: [0,1,2] (e),
 * 1: [0,2,1], 2: [1,0,2], 3: [1,2,0], 4: [2,0,1], 5: [2,1,0]; the product is
 * (στ)(i) = σ(τ(i)) and its action on 3 points is π_σ = σ (paper.md 3.6,
 * F.4 T4).
 *
 * @returns S_3 with its action on 3 points.
 */
export function symmetricGroup3(): FiniteGroup {
  const key = (p: readonly number[]) => p.join(",");
  const index = new Map(S3_PERMUTATIONS.map((p, i) => [key(p), i]));
  const rows = S3_PERMUTATIONS.map((s) =>
    S3_PERMUTATIONS.map((t) => index.get(key(t.map((i) => s[i])))!)
  );
  return createFiniteGroup(rows, {
    name: "S_3",
    action: S3_PERMUTATIONS.map((p) => [...p]),
  });
}

/**
 * Applies the left action to a vector of `degree` equal blocks: block i of
 * x moves to block π_g(i), i.e. (g·x)[π_g(i)·b + t] = x[i·b + t] with block
 * length b = x.length / degree. Then g·(h·x) = (gh)·x (paper.md 3.6,
 * F.4 T4). With b = 1 and degree = pixels this permutes pixels.
 *
 * @param action The group's permutation action.
 * @param g Group element.
 * @param x Vector, `[degree · b]` Float64Array.
 * @returns g·x, a new `[degree · b]` Float64Array.
 * @throws {RangeError} If x.length is not a multiple of degree or g is out
 *   of range.
 */
export function actOnVector(
  action: PermutationAction,
  g: number,
  x: Float64Array,
): Float64Array {
  const { degree, perm } = action;
  const order = perm.length / degree;
  if (x.length === 0 || x.length % degree !== 0) {
    throw new RangeError(
      `actOnVector: expected a vector of degree · b entries (degree = ` +
        `${degree}), got length ${x.length}; pass equal-length blocks`,
    );
  }
  if (!Number.isInteger(g) || g < 0 || g >= order) {
    throw new RangeError(
      `actOnVector: expected an element 0 ≤ g < ${order}, got ${g}`,
    );
  }
  const b = x.length / degree;
  const out = new Float64Array(x.length);
  for (let i = 0; i < degree; i++) {
    const to = perm[g * degree + i];
    out.set(x.subarray(i * b, (i + 1) * b), to * b);
  }
  return out;
}
