import assert from "node:assert/strict";
import { buildPairOrbit, orbitAngles } from "../../lib/orbits/orbit.ts";
import { rollColumns } from "../../lib/orbits/shift.ts";
import { normalizeImage } from "../../lib/orbits/normalize.ts";
import { loadArray, loadManifest, maxAbsDiff } from "./_fixtures.ts";

const manifest = loadManifest();
const imageStroke = loadArray(manifest, "image_stroke").data;
const imageRandom = loadArray(manifest, "image_random").data;

Deno.test("orbitAngles() equals np.linspace(0, 360, N, endpoint=False)", () => {
  // The manifest's trig angles start with linspace for N = 64, then N = 7.
  const { angles } = manifest.trig;
  assert.deepEqual(Array.from(orbitAngles(64)), angles.slice(0, 64));
  assert.deepEqual(Array.from(orbitAngles(7)), angles.slice(64, 71));
  assert.deepEqual(Array.from(orbitAngles(8)), [
    0,
    45,
    90,
    135,
    180,
    225,
    270,
    315,
  ]);
});

Deno.test("buildPairOrbit() matches the scipy rotation orbit", () => {
  const expected = loadArray(manifest, "orbit_rotate");
  const n = manifest.orbitRotateN;
  const orbit = buildPairOrbit(imageStroke, imageRandom, {
    n,
    transform: "rotate",
  });
  assert.equal(orbit.length, 2 * n * 784);
  const diff = maxAbsDiff(orbit, expected.data);
  assert.ok(diff < 1e-13, `max abs diff ${diff}`);
});

Deno.test("buildPairOrbit() matches the numpy shift orbit", () => {
  const expected = loadArray(manifest, "orbit_shift");
  const n = manifest.orbitShiftN;
  const orbit = buildPairOrbit(imageStroke, imageRandom, {
    n,
    transform: "shift",
  });
  const diff = maxAbsDiff(orbit, expected.data);
  assert.ok(diff < 1e-14, `max abs diff ${diff}`);
});

Deno.test("buildPairOrbit() rows are zero-mean and unit-norm", () => {
  const orbit = buildPairOrbit(imageStroke, imageRandom, {
    n: 8,
    transform: "rotate",
  });
  for (let row = 0; row < 16; row++) {
    const x = orbit.subarray(row * 784, (row + 1) * 784);
    const mean = x.reduce((a, b) => a + b, 0) / 784;
    const norm = Math.sqrt(x.reduce((a, b) => a + b * b, 0));
    assert.ok(
      Math.abs(mean) < 1e-15 && Math.abs(norm - 1) < 1e-14,
      `row ${row}`,
    );
  }
});

Deno.test("buildPairOrbit() shift rows are normalised seed rolls", () => {
  const orbit = buildPairOrbit(imageStroke, imageRandom, {
    n: 4,
    transform: "shift",
  });
  // Row 2a + 1 is B rolled by 7a; a permutation commutes with normalisation.
  const expected = normalizeImage(rollColumns(imageRandom, 21));
  assert.deepEqual(orbit.subarray(7 * 784, 8 * 784), expected);
});

Deno.test("buildPairOrbit() supports non-MNIST shapes", () => {
  const a = Float64Array.from({ length: 12 }, (_, i) => i);
  const b = Float64Array.from({ length: 12 }, (_, i) => (i * 5) % 12);
  const orbit = buildPairOrbit(a, b, {
    n: 2,
    transform: "shift",
    height: 3,
    width: 4,
  });
  assert.deepEqual(
    orbit.subarray(24, 36),
    normalizeImage(rollColumns(a, 2, { height: 3, width: 4 })),
  );
});

Deno.test("buildPairOrbit() rejects bad sizes, transforms and shapes", () => {
  const options = { n: 8, transform: "shift" as const };
  assert.throws(
    () => buildPairOrbit(imageStroke, imageRandom, options),
    (e: unknown) =>
      e instanceof RangeError && /dividing width 28, got 8/.test(e.message),
  );
  assert.throws(
    () =>
      buildPairOrbit(imageStroke, imageRandom, { n: 0, transform: "rotate" }),
    (e: unknown) =>
      e instanceof RangeError && /positive integer, got 0/.test(e.message),
  );
  assert.throws(
    () =>
      buildPairOrbit(imageStroke, imageRandom, {
        n: 2,
        transform: "flip" as unknown as "rotate",
      }),
    (e: unknown) => e instanceof RangeError && /got "flip"/.test(e.message),
  );
  assert.throws(
    () =>
      buildPairOrbit(imageStroke, new Float64Array(10), {
        n: 2,
        transform: "rotate",
      }),
    (e: unknown) => e instanceof RangeError && /got 10/.test(e.message),
  );
});
