import assert from "node:assert/strict";
import {
  actOnVector,
  createFiniteGroup,
  cyclicGroup,
  dihedralGroup,
  type FiniteGroup,
  symmetricGroup3,
} from "../../lib/groups/finite_group.ts";
import { randomVector } from "./_orbits.ts";

const mul = (group: FiniteGroup, g: number, h: number) =>
  group.table[g * group.order + h];

Deno.test("dihedralGroup() satisfies r^N = s² = e and s·r·s = r⁻¹", () => {
  for (const n of [3, 4, 5, 6]) {
    const group = dihedralGroup(n);
    const [r, s] = [1, n];
    assert.equal(group.order, 2 * n);
    let power = 0;
    for (let k = 0; k < n; k++) power = mul(group, power, r);
    assert.equal(power, 0);
    assert.equal(mul(group, s, s), 0);
    assert.equal(mul(group, mul(group, s, r), s), group.inverse[r]);
    assert.equal(group.inverse[r], n - 1);
  }
});

Deno.test("symmetricGroup3() composes as (στ)(i) = σ(τ(i)) and is non-abelian", () => {
  const group = symmetricGroup3();
  // σ = [0,2,1] (element 1), τ = [1,0,2] (element 2): στ = [2,0,1] (4).
  assert.equal(mul(group, 1, 2), 4);
  assert.equal(mul(group, 2, 1), 3);
  assert.deepEqual(Array.from(group.inverse), [0, 1, 2, 4, 3, 5]);
});

Deno.test("actOnVector() is a left action: g·(h·x) = (gh)·x on blocks", () => {
  for (const group of [cyclicGroup(8), dihedralGroup(4), symmetricGroup3()]) {
    const action = group.action!;
    const x = randomVector(action.degree * 3, 7);
    for (let g = 0; g < group.order; g++) {
      for (let h = 0; h < group.order; h++) {
        const twice = actOnVector(action, g, actOnVector(action, h, x));
        assert.deepEqual(twice, actOnVector(action, mul(group, g, h), x));
      }
    }
  }
});

Deno.test("actOnVector() moves block i to block π_g(i)", () => {
  const group = cyclicGroup(3);
  const moved = actOnVector(
    group.action!,
    1,
    Float64Array.of(1, 2, 3, 4, 5, 6),
  );
  assert.deepEqual(Array.from(moved), [5, 6, 1, 2, 3, 4]);
  assert.throws(
    () => actOnVector(group.action!, 0, new Float64Array(4)),
    { name: "RangeError", message: /degree · b entries \(degree = 3\)/ },
  );
});

Deno.test("createFiniteGroup() rejects a non-associative Latin square", () => {
  // A loop of order 5 with identity 0 that is not associative.
  const table = [
    [0, 1, 2, 3, 4],
    [1, 0, 3, 4, 2],
    [2, 4, 0, 1, 3],
    [3, 2, 4, 0, 1],
    [4, 3, 1, 2, 0],
  ];
  assert.throws(() => createFiniteGroup(table), {
    name: "RangeError",
    message: /expected an associative product/,
  });
});

Deno.test("createFiniteGroup() rejects a right action passed as a left one", () => {
  const { table, order, action } = symmetricGroup3();
  const rows = Array.from({ length: order }, (_, g) => [
    ...table.subarray(g * order, (g + 1) * order),
  ]);
  // π'_σ = π_{σ⁻¹} composes in the opposite order.
  const inverse = symmetricGroup3().inverse;
  const reversed = rows.map((_, g) => {
    const h = inverse[g];
    return [0, 1, 2].map((i) => action!.perm[h * 3 + i]);
  });
  assert.throws(() => createFiniteGroup(rows, { action: reversed }), {
    name: "RangeError",
    message: /expected a left action π_\{gh\} = π_g ∘ π_h/,
  });
  assert.throws(() => createFiniteGroup([[1, 0], [0, 1]]), {
    name: "RangeError",
    message: /expected element 0 to be the identity/,
  });
});
