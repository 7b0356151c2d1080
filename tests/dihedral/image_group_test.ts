import assert from "node:assert/strict";
import {
  squareImageGroup,
  squareImageIrreps,
} from "../../lib/dihedral/image_group.ts";
import { actOnVector } from "../../lib/groups/finite_group.ts";
import { checkIrreps } from "../../lib/groups/irreps.ts";
import { rotateImage } from "../../lib/orbits/rotate.ts";
import { randomVector } from "../groups/_orbits.ts";

const GRID = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

function act(name: "D4" | "C4", g: number, x: Float64Array, side: number) {
  return Array.from(
    actOnVector(squareImageGroup(name, { side }).action!, g, x),
  );
}

Deno.test("squareImageGroup(D4) elements are np.rot90 turns and mirrors", () => {
  // [[1,2,3],[4,5,6],[7,8,9]] under r^k s^f (element k + 4f).
  const expected = [
    [1, 2, 3, 4, 5, 6, 7, 8, 9], // e
    [3, 6, 9, 2, 5, 8, 1, 4, 7], // r = np.rot90 (counter-clockwise)
    [9, 8, 7, 6, 5, 4, 3, 2, 1], // r²
    [7, 4, 1, 8, 5, 2, 9, 6, 3], // r³
    [3, 2, 1, 6, 5, 4, 9, 8, 7], // s = np.fliplr
    [1, 4, 7, 2, 5, 8, 3, 6, 9], // r s = transpose
    [7, 8, 9, 4, 5, 6, 1, 2, 3], // r² s = np.flipud
    [9, 6, 3, 8, 5, 2, 7, 4, 1], // r³ s = anti-transpose
  ];
  expected.forEach((image, g) =>
    assert.deepEqual(act("D4", g, GRID, 3), image)
  );
  for (let g = 0; g < 4; g++) {
    assert.deepEqual(act("C4", g, GRID, 3), expected[g]);
  }
});

Deno.test("squareImageGroup() acts on images as a left action: g·(h·x) = (gh)·x", () => {
  for (const name of ["D4", "C4"] as const) {
    for (const side of [5, 28]) {
      const group = squareImageGroup(name, { side });
      const x = randomVector(side * side, side);
      for (let g = 0; g < group.order; g++) {
        for (let h = 0; h < group.order; h++) {
          const gh = group.table[g * group.order + h];
          assert.deepEqual(
            actOnVector(group.action!, g, actOnVector(group.action!, h, x)),
            actOnVector(group.action!, gh, x),
          );
        }
      }
    }
  }
});

Deno.test("r^k matches rotateImage() by 90k degrees (paper.md 4.4) to 1e-12", () => {
  const group = squareImageGroup("C4");
  const x = randomVector(784, 9);
  for (let k = 1; k < 4; k++) {
    const exact = actOnVector(group.action!, k, x);
    const spline = rotateImage(x, 90 * k);
    let max = 0;
    for (let p = 0; p < 784; p++) {
      max = Math.max(max, Math.abs(exact[p] - spline[p]));
    }
    assert.ok(max < 1e-12, `k = ${k}: ${max}`);
  }
});

Deno.test("squareImageIrreps() are valid irreps of squareImageGroup()", () => {
  for (const name of ["D4", "C4"] as const) {
    const check = checkIrreps(
      squareImageGroup(name, { side: 2 }),
      squareImageIrreps(name),
    );
    assert.ok(check.homomorphism < 1e-15 && check.unitarity < 1e-15);
    assert.equal(check.dimensionSquares, 0);
  }
  assert.throws(() => squareImageGroup("D4", { side: 0 }), {
    name: "RangeError",
    message: /positive integer side, got 0/,
  });
});
