import assert from "node:assert/strict";
import {
  complexAdjoint,
  complexIdentity,
  complexInverse,
  complexMaxAbsDifference,
  complexMultiply,
  complexTrace,
  complexZeros,
} from "../../lib/groups/complex_matrix.ts";
import { uniform } from "../_random.ts";

function randomMatrix(n: number, seed: number) {
  const next = uniform(seed);
  const a = complexZeros(n);
  for (let k = 0; k < n * n; k++) {
    a.re[k] = next() - 0.5;
    a.im[k] = next() - 0.5;
  }
  return a;
}

Deno.test("complexInverse() gives A·A⁻¹ = A⁻¹·A = I for sizes 1 to 8", () => {
  for (let n = 1; n <= 8; n++) {
    const a = randomMatrix(n, 10 + n);
    const inv = complexInverse(a);
    const id = complexIdentity(n);
    assert.ok(complexMaxAbsDifference(complexMultiply(a, inv), id) < 1e-12);
    assert.ok(complexMaxAbsDifference(complexMultiply(inv, a), id) < 1e-12);
  }
});

Deno.test("complexInverse() pivots past a zero leading entry", () => {
  // [[0, i], [2, 1]]⁻¹ = [[i/2, 1/2], [−i, 0]].
  const a = complexZeros(2);
  a.re.set([0, 0, 2, 1]);
  a.im.set([0, 1, 0, 0]);
  const inv = complexInverse(a);
  assert.deepEqual(Array.from(inv.re), [0, 0.5, 0, 0]);
  assert.deepEqual(Array.from(inv.im), [0.5, 0, -1, 0]);
});

Deno.test("complexInverse() rejects a singular matrix with a remedy", () => {
  const a = complexZeros(2);
  a.re.set([1, 2, 2, 4]);
  assert.throws(() => complexInverse(a), {
    name: "RangeError",
    message: /zero pivot in column 1; add a ridge/,
  });
});

Deno.test("complexTrace() sums a diagonal block; complexAdjoint() conjugates", () => {
  const a = complexZeros(3);
  a.re.set([1, 0, 0, 0, 2, 7, 0, 0, 4]);
  a.im.set([0.5, 0, 0, 0, -1, 3, 0, 0, 2]);
  assert.deepEqual(complexTrace(a), { re: 7, im: 1.5 });
  assert.deepEqual(complexTrace(a, { offset: 1, size: 2 }), { re: 6, im: 1 });
  const h = complexAdjoint(a);
  assert.equal(h.re[2 * 3 + 1], 7);
  assert.equal(h.im[2 * 3 + 1], -3);
  assert.throws(() => complexTrace(a, { offset: 2, size: 2 }), RangeError);
});
