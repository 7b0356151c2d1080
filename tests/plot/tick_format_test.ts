import assert from "node:assert/strict";
import { compactTickFormat } from "../../lib/plot/tick_format.ts";

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
