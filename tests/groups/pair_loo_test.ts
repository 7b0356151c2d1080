import assert from "node:assert/strict";
import { dihedralGroup } from "../../lib/groups/finite_group.ts";
import { directPairLoo } from "../../lib/groups/pair_loo.ts";
import { orbitGram, randomVector, relativeRidge } from "./_orbits.ts";

Deno.test("directPairLoo() refit and shortcut agree (T2) with one absolute ridge", () => {
  const group = dihedralGroup(5);
  const seeds: [Float64Array, Float64Array] = [
    randomVector(20, 11),
    randomVector(20, 12),
  ];
  const k = orbitGram(group, seeds, "left");
  for (const reg of [1e-10, 1e-4, 1]) {
    const ridge = relativeRidge(k, reg);
    const refit = directPairLoo(k, { orbitSize: 10, ridge });
    const shortcut = directPairLoo(k, {
      orbitSize: 10,
      ridge,
      method: "shortcut",
    });
    for (const key of ["predictionA", "predictionB"] as const) {
      assert.ok(Math.abs(refit[key] - shortcut[key]) < 1e-9, `${reg} ${key}`);
    }
    assert.equal(refit.errorA, Math.abs(1 - refit.predictionA));
    assert.equal(refit.errorB, Math.abs(-1 - refit.predictionB));
  }
});

Deno.test("directPairLoo() predicts ±1 exactly for two orthogonal constant orbits", () => {
  // K = blockdiag(J, J) (all-ones blocks): the other points of the class
  // predict its label; the ridge shrinks it by (|G| − 1)/(|G| − 1 + r).
  const order = 3;
  const m = 2 * order;
  const k = Float64Array.from(
    { length: m * m },
    (_, idx) => Math.floor(idx / m) < order === idx % m < order ? 1 : 0,
  );
  const ridge = 0.5;
  const result = directPairLoo(k, { orbitSize: order, ridge });
  const shrink = (order - 1) / (order - 1 + ridge);
  assert.ok(Math.abs(result.predictionA - shrink) < 1e-12);
  assert.ok(Math.abs(result.predictionB + shrink) < 1e-12);
  assert.throws(() => directPairLoo(k, { orbitSize: 2, ridge }), {
    name: "RangeError",
    message: /\[2\|G\|, 2\|G\|\] Gram matrix with \|G\| = 2, got length 36/,
  });
});
