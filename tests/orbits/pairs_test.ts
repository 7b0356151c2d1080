import assert from "node:assert/strict";
import { samplePairs } from "../../lib/orbits/pairs.ts";
import { createSeededRng } from "../../lib/random/seeded_rng.ts";

/** 60 000 labels spread over 10 classes, like MNIST's training set. */
const labels = Uint8Array.from({ length: 60000 }, (_, i) => (i * 7919) % 10);

Deno.test("samplePairs() is deterministic for a seed and stream", () => {
  const options = { nPairs: 512, seed: 124, stream: 2 };
  assert.deepEqual(samplePairs(labels, options), samplePairs(labels, options));
  // Batch of int(3 * 1.2) = 3: A draws 1..3, B draws 4..6 of the stream.
  assert.deepEqual(samplePairs(labels, { nPairs: 3, seed: 124 }), [
    { indexA: 23523, indexB: 20002 },
    { indexA: 53019, indexB: 9106 },
    { indexA: 4299, indexB: 16578 },
  ]);
});

Deno.test("samplePairs() returns nPairs in-range, label-distinct pairs", () => {
  for (const drawFactor of [1.2, 1.2390625]) {
    const pairs = samplePairs(labels, { nPairs: 512, seed: 124, drawFactor });
    assert.equal(pairs.length, 512);
    for (const { indexA, indexB } of pairs) {
      assert.ok(Number.isInteger(indexA) && indexA >= 0 && indexA < 60000);
      assert.ok(Number.isInteger(indexB) && indexB >= 0 && indexB < 60000);
      assert.notEqual(labels[indexA], labels[indexB]);
    }
  }
});

Deno.test("samplePairs() gives different pairs for different streams", () => {
  const a = samplePairs(labels, { nPairs: 512, seed: 124, stream: 0 });
  const b = samplePairs(labels, { nPairs: 512, seed: 124, stream: 1 });
  const same = a.filter((p, i) =>
    p.indexA === b[i].indexA && p.indexB === b[i].indexB
  );
  assert.equal(same.length, 0);
});

Deno.test("samplePairs() keeps drawing when a batch falls short", () => {
  // Two classes: half of all draws collide, so one batch of int(100 * 1.0)
  // cannot give 100 pairs; later batches must fill the gap.
  const twoClasses = Uint8Array.from({ length: 50 }, (_, i) => i % 2);
  const pairs = samplePairs(twoClasses, {
    nPairs: 100,
    seed: 1,
    drawFactor: 1,
  });
  assert.equal(pairs.length, 100);
  assert.ok(pairs.every((p) => twoClasses[p.indexA] !== twoClasses[p.indexB]));
});

Deno.test("samplePairs() keeps the first survivors of a (2, n) draw", () => {
  // int(512 * 1.2) = 614 draws for A, then 614 for B, from the same stream.
  const rng = createSeededRng(9, { stream: 4 });
  const draws = Array.from({ length: 2 * 614 }, () => rng.uniformInt(0, 59999));
  const expected = draws.slice(0, 614)
    .map((indexA, k) => ({ indexA, indexB: draws[614 + k] }))
    .filter((p) => labels[p.indexA] !== labels[p.indexB])
    .slice(0, 512);
  assert.equal(expected.length, 512);
  assert.deepEqual(
    samplePairs(labels, { nPairs: 512, seed: 9, stream: 4 }),
    expected,
  );
});

Deno.test("samplePairs() rejects single-class labels and bad options", () => {
  assert.throws(
    () => samplePairs(new Uint8Array(10).fill(3), { nPairs: 5, seed: 1 }),
    (e: unknown) =>
      e instanceof RangeError &&
      /two distinct labels, got 10 images with only label 3/.test(e.message),
  );
  assert.throws(
    () => samplePairs(labels, { nPairs: 0, seed: 1 }),
    (e: unknown) =>
      e instanceof RangeError && /nPairs .* got 0/.test(e.message),
  );
  assert.throws(
    () => samplePairs(labels, { nPairs: 5, seed: 1, drawFactor: 0 }),
    (e: unknown) =>
      e instanceof RangeError && /drawFactor .* got 0/.test(e.message),
  );
});
