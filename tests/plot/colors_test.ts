import assert from "node:assert/strict";
import { COLOR_CYCLE, SEMAPHORE, viridis } from "../../lib/plot/colors.ts";

Deno.test("COLOR_CYCLE is the reference cycle of paper.md 7.1", () => {
  assert.deepEqual([...COLOR_CYCLE], [
    "#F05039",
    "#3D65A5",
    "#FFC107",
    "#4CAF50",
  ]);
});

Deno.test("SEMAPHORE is red, yellow, green for 0, 1, 2 correct", () => {
  assert.deepEqual([...SEMAPHORE], ["#F05039", "#FFC107", "#4CAF50"]);
});

Deno.test("viridis() matches matplotlib at 0, 0.5 and 1", () => {
  // matplotlib.cm.viridis(0), (0.5), (1) as hex.
  assert.equal(viridis(0), "#440154");
  assert.equal(viridis(0.5), "#21918c");
  assert.equal(viridis(1), "#fde725");
  assert.equal(viridis(2), "#fde725");
});

Deno.test("viridis() rejects NaN", () => {
  assert.throws(() => viridis(NaN), { name: "RangeError", message: /NaN/ });
});
