import assert from "node:assert/strict";
import {
  gatherRotated,
  nearestRotationMap,
  normalizeFig1Images,
  orbitRotationMaps,
  splitFig1,
} from "../../lib/training/fig1_data.ts";

Deno.test("normalizeFig1Images() divides by 255 then the L2 norm, no centring", () => {
  const images = new Uint8Array(2 * 784);
  images[3] = 255;
  images[10] = 255; // image 0: two pixels at 1 → each 1/√2
  images[784 + 5] = 51;
  const out = normalizeFig1Images(images, [1, 0]);
  assert.ok(Math.abs(out[5] - 1) < 1e-7);
  assert.ok(Math.abs(out[784 + 3] - Math.SQRT1_2) < 1e-7);
  assert.equal(out[784], 0); // background stays 0: no mean subtraction
  assert.throws(
    () => normalizeFig1Images(images, [2]),
    (error: unknown) => error instanceof RangeError,
  );
});

Deno.test("nearestRotationMap() is exact at multiples of 90° and about the centre", () => {
  const identity = nearestRotationMap(0);
  identity.forEach((s, p) => assert.equal(s, p));
  // 180°: (r, q) reads (27 − r, 27 − q), i.e. pixel 783 − p.
  nearestRotationMap(180).forEach((s, p) => assert.equal(s, 783 - p));
  // 90° counter-clockwise: output (r, q) reads (q, 27 − r).
  const quarter = nearestRotationMap(90);
  assert.equal(quarter[0 * 28 + 5], 5 * 28 + 27);
  // Four quarter turns compose to the identity.
  const composed = Array.from({ length: 784 }, (_, p) => {
    let s = p;
    for (let k = 0; k < 4; k++) s = quarter[s];
    return s;
  });
  composed.forEach((s, p) => assert.equal(s, p));
  // 45°: corners fall outside and are filled.
  assert.equal(nearestRotationMap(45)[0], -1);
});

Deno.test("splitFig1() holds out digit d at angle 0 and splits the rest 90/10", () => {
  const labels = Uint8Array.from({ length: 50 }, (_, i) => i % 10);
  const split = splitFig1(labels, { n: 4, digit: 3, seed: 9 });
  assert.deepEqual(Array.from(split.testOut), [3, 13, 23, 33, 43]);
  const pool = 4 * 50 - 5;
  assert.equal(split.train.length, Math.floor(0.9 * pool));
  assert.equal(split.testIn.length, pool - Math.floor(0.9 * pool));
  const all = [...split.train, ...split.testIn].sort((a, b) => a - b);
  const expected = Array.from({ length: 200 }, (_, c) => c).filter((c) =>
    !(c < 50 && labels[c] === 3)
  );
  assert.deepEqual(all, expected);
  assert.deepEqual(splitFig1(labels, { n: 4, digit: 3, seed: 9 }), split);
  assert.notDeepEqual(
    splitFig1(labels, { n: 4, digit: 3, seed: 10 }).train,
    split.train,
  );
});

Deno.test("gatherRotated() reads item a·count + i as image i at angle index a", () => {
  const images = new Float32Array(2 * 784);
  images[784 + 0] = 1; // image 1, pixel (0, 0)
  const source = { images, maps: orbitRotationMaps(2) };
  const batch = gatherRotated(source, Int32Array.from([1, 3]), {
    start: 0,
    end: 2,
  });
  assert.equal(batch[0], 1); // angle 0
  assert.equal(batch[784 + 783], 1); // angle 180°: moves to (27, 27)
  assert.equal(batch[784], 0);
});
