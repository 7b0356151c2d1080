import assert from "node:assert/strict";
import { createSeededRng } from "../../lib/random/seeded_rng.ts";

const draw = (seed: number, stream: number, count: number) => {
  const rng = createSeededRng(seed, { stream });
  return Array.from({ length: count }, () => rng.uniformInt(0, 59999));
};

Deno.test("createSeededRng() repeats for a seed and stream", () => {
  assert.deepEqual(draw(124, 3, 50), draw(124, 3, 50));
  // Snapshot of pure-rand 7.0.1 xoroshiro128+ with seed 124, stream 0.
  assert.deepEqual(draw(124, 0, 5), [23523, 53019, 4299, 20002, 9106]);
});

Deno.test("createSeededRng() differs across streams and seeds", () => {
  assert.notDeepEqual(draw(124, 0, 20), draw(124, 1, 20));
  assert.notDeepEqual(draw(124, 1, 20), draw(124, 2, 20));
  assert.notDeepEqual(draw(124, 0, 20), draw(125, 0, 20));
});

Deno.test("uniformInt() covers its inclusive range evenly", () => {
  const rng = createSeededRng(7);
  const counts = new Array(6).fill(0);
  const n = 60000;
  for (let i = 0; i < n; i++) counts[rng.uniformInt(-2, 3) + 2]++;
  // Each of 6 values expects 10000 draws; sd ~ 91, so 500 is > 5 sd.
  for (const c of counts) assert.ok(Math.abs(c - n / 6) < 500, `count ${c}`);
});

Deno.test("createSeededRng() rejects bad seeds, streams and ranges", () => {
  assert.throws(
    () => createSeededRng(-1),
    (e: unknown) => e instanceof RangeError && /seed .* got -1/.test(e.message),
  );
  assert.throws(() => createSeededRng(2 ** 32), RangeError);
  assert.throws(
    () => createSeededRng(1, { stream: 1.5 }),
    (e: unknown) =>
      e instanceof RangeError && /stream .* got 1.5/.test(e.message),
  );
  assert.throws(() => createSeededRng(1).uniformInt(3, 2), RangeError);
});
