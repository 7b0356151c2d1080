import assert from "node:assert/strict";
import {
  CASE1_DELTAS,
  CASE2_NS,
  deltaSweep,
  orbitSizeSweep,
} from "../../lib/toy/sweeps.ts";

/** Asserts |actual − expected| ≤ 1e-4 · |expected| (paper.md F.1). */
function assertRel(actual: number, expected: number, label: string) {
  assert.ok(
    Math.abs(actual - expected) <= 1e-4 * Math.abs(expected),
    `${label}: got ${actual}, paper.md F.1 ${expected}`,
  );
}

Deno.test("CASE1_DELTAS is 0 then logspace(-2, 1, 20) as printed in F.1", () => {
  const printed = [
    0,
    0.01,
    0.01438,
    0.02069,
    0.02976,
    0.04281,
    0.06158,
    0.08859,
    0.12743,
    0.1833,
    0.26367,
    0.37927,
    0.54556,
    0.78476,
    1.12884,
    1.62378,
    2.33572,
    3.35982,
    4.83293,
    6.95193,
    10,
  ];
  assert.equal(CASE1_DELTAS.length, 21);
  printed.forEach((d, k) =>
    assert.ok(Math.abs(CASE1_DELTAS[k] - d) <= 5e-6, `ds[${k}]`)
  );
  assert.deepEqual(CASE2_NS, [4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48]);
});

Deno.test("deltaSweep() matches every row of paper.md F.1 case 1", () => {
  const rows = deltaSweep();
  assert.equal(rows.length, 21);
  // [index into ds, exact, spectral]; "≥ 4.83" covers ds[18..20].
  const table: [number, number, number][] = [
    [0, 7.53267, 7.51603],
    [1, 7.2443, 7.22957],
    [4, 5.72119, 5.71455],
    [7, 2.89341, 2.89322],
    [9, 1.67374, 1.6738],
    [10, 1.24137, 1.24142],
    [11, 0.915575, 0.915615],
    [12, 0.675599, 0.675622],
    [14, 0.357958, 0.357967],
    [15, 0.273572, 0.273579],
    [17, 0.235595, 0.235601],
    [18, 0.235528, 0.235534],
    [19, 0.235528, 0.235534],
    [20, 0.235528, 0.235534],
  ];
  for (const [k, exact, spectral] of table) {
    assert.equal(rows[k].delta, CASE1_DELTAS[k]);
    assertRel(rows[k].exact, exact, `exact Δ=${rows[k].delta}`);
    assertRel(rows[k].spectral, spectral, `spectral Δ=${rows[k].delta}`);
  }
  // The sign flips between Δ = 0.264 and Δ = 0.379 (paper.md F.1).
  assert.ok(rows[10].exact > 1 && rows[11].exact < 1);
});

Deno.test("orbitSizeSweep() matches every row of paper.md F.1 case 2", () => {
  const table: [number, number, number][] = [
    [4, 1.04743, 1.04743],
    [8, 0.540044, 0.540049],
    [12, 0.121846, 0.121857],
    [16, 0.0132033, 0.0132184],
    [20, 1.34287e-3, 1.35665e-3],
    [24, 4.83099e-4, 4.91034e-4],
    [28, 3.24907e-4, 3.30038e-4],
    [32, 2.61124e-4, 2.64886e-4],
    [36, 2.26664e-4, 2.29630e-4],
    [40, 2.05085e-4, 2.07531e-4],
    [44, 1.90303e-4, 1.92384e-4],
    [48, 1.79542e-4, 1.81353e-4],
  ];
  const rows = orbitSizeSweep();
  assert.deepEqual(rows.map((r) => r.n), table.map(([n]) => n));
  table.forEach(([n, exact, spectral], k) => {
    assertRel(rows[k].exact, exact, `exact N=${n}`);
    assertRel(rows[k].spectral, spectral, `spectral N=${n}`);
  });
});

Deno.test("sweeps honour their options and reject a negative Δ", () => {
  const [row] = orbitSizeSweep({ ns: [8], delta: 1, lengthScale: 1.4 });
  assertRel(row.exact, 0.540044, "N=8 via options");
  const [one] = deltaSweep({ deltas: [0.54556] });
  assertRel(one.spectral, 0.675622, "Δ=0.54556 via options");
  assert.throws(() => deltaSweep({ deltas: [-1] }), {
    name: "RangeError",
    message: /expected finite separations Δ ≥ 0, got -1/,
  });
});
