import assert from "node:assert/strict";
import {
  cyclicGroup,
  dihedralGroup,
  type FiniteGroup,
  symmetricGroup3,
} from "../../lib/groups/finite_group.ts";
import { groupFourierLoo } from "../../lib/groups/fourier_loo.ts";
import {
  cyclicIrreps,
  dihedralIrreps,
  type Irrep,
  symmetricGroup3Irreps,
} from "../../lib/groups/irreps.ts";
import { directPairLoo } from "../../lib/groups/pair_loo.ts";
import { rbfGram } from "../../lib/kernels/rbf.ts";
import { dft } from "../../lib/spectral/dft.ts";
import { toyData } from "../../lib/toy/toy_data.ts";
import { orbitGram, randomVector, relativeRidge } from "./_orbits.ts";

const CASES: [FiniteGroup, Irrep[]][] = [
  [cyclicGroup(8), cyclicIrreps(8)],
  [symmetricGroup3(), symmetricGroup3Irreps()],
  [dihedralGroup(4), dihedralIrreps(4)],
];
const BLOCK = 6;

function seedsFor(
  group: FiniteGroup,
  seed: number,
): [Float64Array, Float64Array] {
  const length = group.action!.degree * BLOCK;
  return [randomVector(length, seed), randomVector(length, seed + 1)];
}

Deno.test("T4: group-Fourier ε equals the direct LOO residual to 1e-8 (C_8, S_3, D_4, both pairings)", () => {
  for (const [group, irreps] of CASES) {
    for (const seed of [1, 3]) {
      for (const convention of ["left", "right"] as const) {
        const k = orbitGram(group, seedsFor(group, seed), convention);
        for (const reg of [1e-10, 1e-3]) {
          const ridge = relativeRidge(k, reg);
          const formula = groupFourierLoo(k, group, {
            irreps,
            ridge,
            convention,
          });
          const direct = directPairLoo(k, { orbitSize: group.order, ridge });
          const label = `${group.name} seed ${seed} ${convention} reg ${reg}`;
          assert.ok(formula.maxCirculantDeviation < 1e-14, label);
          for (
            const key of [
              "errorA",
              "errorB",
              "predictionA",
              "predictionB",
            ] as const
          ) {
            assert.ok(
              Math.abs(formula[key] - direct[key]) < 1e-8,
              `${label} ${key}: ${formula[key]} vs ${direct[key]}`,
            );
          }
        }
      }
    }
  }
});

Deno.test("T4: a mismatched index/transform pairing gives a clearly different S_3 value", () => {
  const group = symmetricGroup3();
  const irreps = symmetricGroup3Irreps();
  for (const indexing of ["left", "right"] as const) {
    const k = orbitGram(group, seedsFor(group, 3), indexing);
    const ridge = relativeRidge(k, 1e-10);
    const direct = directPairLoo(k, { orbitSize: group.order, ridge });
    const mismatched = groupFourierLoo(k, group, {
      irreps,
      ridge,
      convention: indexing === "left" ? "right" : "left",
      tolerance: Infinity,
    });
    // Direct ε_A ≈ 0.485 and ε_B ≈ 0.382; mismatched ≈ 0.379 and 0.255.
    assert.ok(Math.abs(mismatched.errorA - direct.errorA) > 0.05);
    assert.ok(Math.abs(mismatched.errorB - direct.errorB) > 0.05);
    assert.ok(mismatched.maxCirculantDeviation > 1e-3);
    // Without tolerance: Infinity the formula refuses the matrix.
    assert.throws(
      () =>
        groupFourierLoo(k, group, {
          irreps,
          ridge,
          convention: indexing === "left" ? "right" : "left",
        }),
      { name: "RangeError", message: /expected a S_3-circulant Gram matrix/ },
    );
  }
});

Deno.test("T4: for abelian C_8 both transforms coincide", () => {
  const group = cyclicGroup(8);
  const k = orbitGram(group, seedsFor(group, 5), "left");
  const ridge = relativeRidge(k, 1e-10);
  const options = { irreps: cyclicIrreps(8), ridge };
  const left = groupFourierLoo(k, group, { ...options, convention: "left" });
  const right = groupFourierLoo(k, group, { ...options, convention: "right" });
  assert.ok(Math.abs(left.errorA - right.errorA) < 1e-10);
  assert.ok(Math.abs(left.errorB - right.errorB) < 1e-10);
});

Deno.test("C_N formula reduces to (λ_N + r)⁻¹/⟨(λ + r)⁻¹⟩ for an interleaved circulant (3.3)", () => {
  for (const [n, delta] of [[4, 1], [8, 0.3]]) {
    const m = 2 * n;
    const circulant = rbfGram(toyData(n, { delta }), m, { lengthScale: 1.4 });
    // Interleaved index 2a (A) and 2a + 1 (B) to class-major a and n + a.
    const source = (i: number) => i < n ? 2 * i : 2 * (i - n) + 1;
    const k = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        k[i * m + j] = circulant[source(i) * m + source(j)];
      }
    }
    const r = 1e-3;
    const lambda = dft(circulant.subarray(0, m)).re;
    const inv = lambda.map((v) => 1 / (v + r));
    const expected = inv[n] / (inv.reduce((s, v) => s + v, 0) / m);
    const result = groupFourierLoo(k, cyclicGroup(n), {
      irreps: cyclicIrreps(n),
      ridge: r,
    });
    assert.ok(Math.abs(result.errorA - expected) < 1e-10 * expected);
    assert.ok(Math.abs(result.errorB - expected) < 1e-10 * expected);
  }
});

Deno.test("groupFourierLoo() rejects an incomplete irrep set", () => {
  const group = dihedralGroup(4);
  const k = orbitGram(group, seedsFor(group, 1), "left");
  assert.throws(
    () => groupFourierLoo(k, group, { irreps: cyclicIrreps(4), ridge: 1e-6 }),
    { name: "RangeError", message: /Σ d_ρ² = 8; got Σ d_ρ² = 4/ },
  );
});
