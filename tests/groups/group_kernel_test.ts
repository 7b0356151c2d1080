import assert from "node:assert/strict";
import {
  dihedralGroup,
  symmetricGroup3,
} from "../../lib/groups/finite_group.ts";
import { readGroupKernel } from "../../lib/groups/group_kernel.ts";
import { orbitGram, randomVector } from "./_orbits.ts";

Deno.test("readGroupKernel() reads κ from the (A,e) and (B,e) rows", () => {
  const group = symmetricGroup3();
  const k = orbitGram(group, [randomVector(9, 1), randomVector(9, 2)], "left");
  const kernel = readGroupKernel(k, group);
  for (let u = 0; u < 6; u++) {
    assert.equal(kernel.aa[u], k[u]);
    assert.equal(kernel.ab[u], k[6 + u]);
    assert.equal(kernel.ba[u], k[6 * 12 + u]);
    assert.equal(kernel.bb[u], k[6 * 12 + 6 + u]);
  }
  // Symmetry of K: κ_BA(u) = κ_AB(u⁻¹).
  for (let u = 0; u < 6; u++) {
    assert.ok(Math.abs(kernel.ba[u] - kernel.ab[group.inverse[u]]) < 1e-15);
  }
});

Deno.test("readGroupKernel() finds each indexing G-circulant only for its own convention", () => {
  for (const group of [symmetricGroup3(), dihedralGroup(4)]) {
    const length = group.action!.degree * 4;
    const seeds: [Float64Array, Float64Array] = [
      randomVector(length, 3),
      randomVector(length, 4),
    ];
    const left = orbitGram(group, seeds, "left");
    const right = orbitGram(group, seeds, "right");
    assert.ok(readGroupKernel(left, group).maxDeviation < 1e-14);
    assert.ok(
      readGroupKernel(right, group, { convention: "right" }).maxDeviation <
        1e-14,
    );
    assert.ok(
      readGroupKernel(left, group, { convention: "right" }).maxDeviation >
        1e-3,
    );
    assert.ok(readGroupKernel(right, group).maxDeviation > 1e-3);
  }
  assert.throws(() => readGroupKernel(new Float64Array(4), symmetricGroup3()), {
    name: "RangeError",
    message: /\[12, 12\] Gram matrix for S_3, got length 4/,
  });
});
