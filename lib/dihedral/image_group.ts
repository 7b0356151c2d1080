/**
 * The dihedral group D_4 and its rotation subgroup C_4 acting exactly on
 * square images as pixel permutations (paper.md 3.6 and 4.4; the dihedral
 * MNIST experiment).
 *
 * @module
 */

import {
  createFiniteGroup,
  cyclicGroup,
  dihedralGroup,
  type FiniteGroup,
} from "../groups/finite_group.ts";
import { cyclicIrreps, dihedralIrreps, type Irrep } from "../groups/irreps.ts";

/**
 * "D4": rotations by 0°, 90°, 180°, 270° and four reflections; "C4": the
 * rotations only.
 */
export type ImageGroupName = "D4" | "C4";

/** Options of {@link squareImageGroup}. */
export interface SquareImageGroupOptions {
  /** Side S of the S × S image in pixels; default 28 (MNIST). */
  side?: number;
}

/**
 * D_4 or C_4 with its left action on the S² pixels of a row-major S × S
 * image. Elements follow `dihedralGroup(4)` (k + 4f = r^k s^f) and
 * `cyclicGroup(4)` (k = r^k). The generators move pixel (i, j) to
 *
 *   r: (i, j) ↦ (S−1−j, i), a 90° counter-clockwise turn as displayed
 *      (np.rot90, and `rotateImage` by +90° of paper.md 4.4);
 *   s: (i, j) ↦ (i, S−1−j), a left–right mirror (np.fliplr);
 *
 * and π_{r^k s^f} = π_r^k ∘ π_s^f. So (g·x)[π_g(p)] = x[p] (see
 * `actOnVector`) and g·(h·x) = (gh)·x, which `createFiniteGroup` verifies.
 * The four reflections are s, r s (main-diagonal transpose), r² s
 * (up–down mirror) and r³ s (anti-diagonal transpose).
 *
 * @param name "D4" or "C4".
 * @param options Image side.
 * @returns The group with `action.degree` = S².
 * @throws {RangeError} If the name or side is invalid.
 */
export function squareImageGroup(
  name: ImageGroupName,
  options: SquareImageGroupOptions = {},
): FiniteGroup {
  const side = options.side ?? 28;
  if (!Number.isInteger(side) || side < 1) {
    throw new RangeError(
      `squareImageGroup: expected a positive integer side, got ${side}`,
    );
  }
  const base = name === "D4"
    ? dihedralGroup(4)
    : name === "C4"
    ? cyclicGroup(4)
    : undefined;
  if (base === undefined) {
    throw new RangeError(
      `squareImageGroup: expected "D4" or "C4", got "${name}"`,
    );
  }
  const pixels = side * side;
  const action = Array.from({ length: base.order }, (_, g) => {
    const [k, f] = [g % 4, Math.floor(g / 4)];
    return Array.from({ length: pixels }, (_, p) => {
      let [i, j] = [Math.floor(p / side), p % side];
      if (f) j = side - 1 - j;
      for (let t = 0; t < k; t++) [i, j] = [side - 1 - j, i];
      return i * side + j;
    });
  });
  const table = Array.from(
    { length: base.order },
    (_, g) =>
      Array.from(base.table.subarray(g * base.order, (g + 1) * base.order)),
  );
  return createFiniteGroup(table, { name: base.name, action });
}

/**
 * The irreps matching {@link squareImageGroup}: `dihedralIrreps(4)` (four
 * characters and one 2-dimensional) or `cyclicIrreps(4)` (paper.md 3.6).
 *
 * @param name "D4" or "C4".
 * @returns The complete set of irreps, the trivial one first.
 */
export function squareImageIrreps(name: ImageGroupName): Irrep[] {
  return name === "D4" ? dihedralIrreps(4) : cyclicIrreps(4);
}
