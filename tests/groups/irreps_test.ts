import assert from "node:assert/strict";
import {
  cyclicGroup,
  dihedralGroup,
  symmetricGroup3,
} from "../../lib/groups/finite_group.ts";
import {
  checkIrreps,
  cyclicIrreps,
  dihedralIrreps,
  type IrrepCheck,
  symmetricGroup3Irreps,
} from "../../lib/groups/irreps.ts";

function assertValid(check: IrrepCheck, label: string): void {
  assert.ok(check.homomorphism < 1e-14, `${label}: ${check.homomorphism}`);
  assert.ok(check.unitarity < 1e-14, `${label}: ${check.unitarity}`);
  assert.equal(check.dimensionSquares, 0, label);
  assert.ok(
    check.characterOrthogonality < 1e-14,
    `${label}: ${check.characterOrthogonality}`,
  );
}

Deno.test("cyclicIrreps() pass checkIrreps() for N = 1, 2, 5, 8, 12", () => {
  for (const n of [1, 2, 5, 8, 12]) {
    const irreps = cyclicIrreps(n);
    assert.equal(irreps.length, n);
    assertValid(checkIrreps(cyclicGroup(n), irreps), `C_${n}`);
  }
});

Deno.test("dihedralIrreps() pass checkIrreps() for N = 3, 4, 5, 6", () => {
  const expected: Record<number, number[]> = {
    3: [1, 1, 2],
    4: [1, 1, 1, 1, 2],
    5: [1, 1, 2, 2],
    6: [1, 1, 1, 1, 2, 2],
  };
  for (const n of [3, 4, 5, 6]) {
    const irreps = dihedralIrreps(n);
    assert.deepEqual(irreps.map((rho) => rho.dim), expected[n]);
    assertValid(checkIrreps(dihedralGroup(n), irreps), `D_${n}`);
  }
});

Deno.test("symmetricGroup3Irreps() pass checkIrreps(): trivial, sign, standard", () => {
  const irreps = symmetricGroup3Irreps();
  assert.deepEqual(irreps.map((rho) => rho.dim), [1, 1, 2]);
  assertValid(checkIrreps(symmetricGroup3(), irreps), "S_3");
  // The standard character is the number of fixed points minus 1.
  const chi = irreps[2].matrices.map((m) => m.re[0] + m.re[3]);
  const expected = [2, 0, 0, -1, -1, 0];
  chi.forEach((v, g) => assert.ok(Math.abs(v - expected[g]) < 1e-15));
});

Deno.test("checkIrreps() flags a missing irrep and a wrong group", () => {
  const irreps = dihedralIrreps(5);
  const partial = checkIrreps(dihedralGroup(5), irreps.slice(0, 3));
  assert.equal(partial.dimensionSquares, 4);
  // D_3's irreps are not homomorphisms for S_3's element numbering.
  const wrong = checkIrreps(symmetricGroup3(), dihedralIrreps(3));
  assert.ok(wrong.homomorphism > 0.5);
  assert.throws(() => checkIrreps(cyclicGroup(4), cyclicIrreps(5)), {
    name: "RangeError",
    message: /to have 4 matrices of size 1 × 1, got 5/,
  });
});
