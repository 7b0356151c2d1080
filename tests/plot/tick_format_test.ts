import assert from "node:assert/strict";
import { compactTickFormat, readableAxis } from "../../lib/plot/tick_format.ts";

const labels = (ticks: number[]) =>
  ticks.map((t, i) => compactTickFormat(t, i, ticks));

Deno.test("compactTickFormat() keeps plain decimals between 1e-2 and 1e5", () => {
  assert.deepEqual(labels([0, 0.002, 0.004, 0.006, 0.008, 0.01]), [
    "0",
    "0.002",
    "0.004",
    "0.006",
    "0.008",
    "0.010",
  ]);
  assert.deepEqual(labels([100, 150, 200]), ["100", "150", "200"]);
  assert.deepEqual(labels([-0.5, 0, 0.5]), ["-0.5", "0", "0.5"]);
});

Deno.test("compactTickFormat() writes large and small scales as powers of ten", () => {
  assert.deepEqual(labels([0, 5e6, 1e7]), ["0", "0.5×10⁷", "1.0×10⁷"]);
  assert.deepEqual(labels([2.2908e6, 2.2909e6, 2.291e6]), [
    "2.2908×10⁶",
    "2.2909×10⁶",
    "2.2910×10⁶",
  ]);
  assert.deepEqual(labels([0, 5e-5, 1e-4, 1.5e-4]), [
    "0",
    "0.5×10⁻⁴",
    "1.0×10⁻⁴",
    "1.5×10⁻⁴",
  ]);
});

Deno.test("readableAxis() subtracts a shared offset and factors out a power of ten", () => {
  const axis = readableAxis([2.2908119e9, 2.2910855e9], "⟨λ⁻¹⟩");
  assert.equal(axis.offset, 2.29e9);
  assert.equal(axis.exponent, 6);
  assert.equal(axis.label, "⟨λ⁻¹⟩ − 2.290×10⁹ (×10⁶)");
  assert.ok(Math.abs(axis.apply(2.2910855e9) - 1.0855) < 1e-9);
});

Deno.test("readableAxis() only factors out the power when values spread widely", () => {
  const axis = readableAxis([43454, 10177501], "x");
  assert.equal(axis.offset, 0);
  assert.equal(axis.label, "x (×10⁷)");
  assert.equal(axis.apply(1e7), 1);
  const small = readableAxis([0, 2.2e-5], "λ_N");
  assert.equal(small.label, "λ_N (×10⁻⁵)");
});

Deno.test("readableAxis() leaves readable values alone", () => {
  const axis = readableAxis([1.04, 1.2], "1/ρ");
  assert.deepEqual([axis.offset, axis.exponent, axis.label], [0, 0, "1/ρ"]);
  assert.equal(axis.apply(1.1), 1.1);
});
