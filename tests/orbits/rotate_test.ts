import assert from "node:assert/strict";
import {
  rotateFromCoefficients,
  rotateImage,
  splineCoefficients,
} from "../../lib/orbits/rotate.ts";
import { cosDeg, sinDeg } from "../../lib/orbits/_degree_trig.ts";
import { fusedMultiplyAdd } from "../../lib/orbits/_fma.ts";
import { loadArray, loadManifest, maxAbsDiff } from "./_fixtures.ts";

/** paper.md F.4 T8: max abs difference to scipy below 1e-13 (float64). */
const TOLERANCE = 1e-13;

const manifest = loadManifest();
const imageRandom = loadArray(manifest, "image_random").data;
const imageStroke = loadArray(manifest, "image_stroke").data;

/** np.rot90(img, k) of a row-major square image (counter-clockwise). */
function rot90(image: Float64Array, side: number, k: number): Float64Array {
  let current = image;
  for (let turn = 0; turn < k; turn++) {
    const next = new Float64Array(side * side);
    for (let r = 0; r < side; r++) {
      for (let q = 0; q < side; q++) {
        next[r * side + q] = current[q * side + (side - 1 - r)];
      }
    }
    current = next;
  }
  return current;
}

Deno.test("rotateImage() matches scipy on a random image", () => {
  const expected = loadArray(manifest, "rotated_random");
  manifest.angles.forEach((angle, i) => {
    const diff = maxAbsDiff(rotateImage(imageRandom, angle), expected.row(i));
    assert.ok(diff < TOLERANCE, `angle ${angle}: max abs diff ${diff}`);
  });
});

Deno.test("rotateImage() matches scipy on a stroke digit", () => {
  const expected = loadArray(manifest, "rotated_stroke");
  manifest.angles.forEach((angle, i) => {
    const diff = maxAbsDiff(rotateImage(imageStroke, angle), expected.row(i));
    assert.ok(diff < TOLERANCE, `angle ${angle}: max abs diff ${diff}`);
  });
});

Deno.test("rotateImage() zeroes scipy's border pixels at tiny angles", () => {
  // At these angles border pixels map within 1e-13 of the edges 0 and 27,
  // so a wrong outside test or offset rounding changes a pixel by O(1).
  const expected = loadArray(manifest, "rotated_random_border");
  manifest.borderAngles.forEach((angle, i) => {
    const rotated = rotateImage(imageRandom, angle);
    const diff = maxAbsDiff(rotated, expected.row(i));
    assert.ok(diff < TOLERANCE, `angle ${angle}: max abs diff ${diff}`);
    const zeros = (a: ArrayLike<number>) =>
      Array.from(a).filter((v) => v === 0).length;
    assert.equal(zeros(rotated), zeros(expected.row(i)), `angle ${angle}`);
  });
});

Deno.test("rotateImage() matches scipy on a rectangular 9 x 13 image", () => {
  const image = loadArray(manifest, "image_rect");
  const expected = loadArray(manifest, "rotated_rect");
  const [height, width] = image.shape;
  manifest.rectAngles.forEach((angle, i) => {
    const rotated = rotateImage(image.data, angle, { height, width });
    const diff = maxAbsDiff(rotated, expected.row(i));
    assert.ok(diff < TOLERANCE, `angle ${angle}: max abs diff ${diff}`);
  });
});

Deno.test("rotateImage() at 0 degrees returns the image", () => {
  assert.ok(maxAbsDiff(rotateImage(imageRandom, 0), imageRandom) < 1e-14);
  assert.ok(maxAbsDiff(rotateImage(imageStroke, 360), imageStroke) < 1e-14);
});

Deno.test("rotateImage() at 90, 180, 270 degrees is np.rot90", () => {
  for (const [angle, k] of [[90, 1], [180, 2], [270, 3], [-90, 3]]) {
    for (const image of [imageRandom, imageStroke]) {
      const diff = maxAbsDiff(rotateImage(image, angle), rot90(image, 28, k));
      assert.ok(diff < 1e-14, `angle ${angle}: max abs diff ${diff}`);
    }
  }
});

Deno.test("rotateFromCoefficients() reuses one prefilter", () => {
  const coeffs = splineCoefficients(imageStroke);
  const out = new Float64Array(784);
  for (const angle of [30, 137.3]) {
    const result = rotateFromCoefficients(coeffs, angle, { out });
    assert.equal(result, out);
    assert.deepEqual(result, rotateImage(imageStroke, angle));
  }
});

Deno.test("splineCoefficients() solves the mirror B-spline system", () => {
  // (c[i-1] + 4 c[i] + c[i+1]) / 6 = f[i] with c[-1] = c[1], c[n] = c[n-2].
  const signal = Float64Array.from([0.3, 0.9, 0.1, 0.5, 0.7]);
  const c = splineCoefficients(signal, { height: 1, width: 5 });
  const at = (i: number) => c[i < 0 ? -i : i >= 5 ? 8 - i : i];
  for (let i = 0; i < 5; i++) {
    const recovered = (at(i - 1) + 4 * at(i) + at(i + 1)) / 6;
    assert.ok(Math.abs(recovered - signal[i]) < 1e-15, `index ${i}`);
  }
});

Deno.test("rotateImage() rejects bad shapes, angles and buffers", () => {
  assert.throws(
    () => rotateImage(new Float64Array(100), 10),
    (e: unknown) =>
      e instanceof RangeError &&
      /28 \* 28 = 784 pixels, got 100/.test(e.message),
  );
  assert.throws(
    () => rotateImage(imageRandom, Number.NaN),
    (e: unknown) =>
      e instanceof RangeError &&
      /finite angle in degrees, got NaN/.test(e.message),
  );
  assert.throws(
    () => rotateImage(imageRandom, 10, { out: new Float64Array(3) }),
    (e: unknown) =>
      e instanceof RangeError && /out of length 784/.test(e.message),
  );
});

Deno.test("sinDeg() and cosDeg() equal scipy's sindg and cosdg exactly", () => {
  const { angles, sindg, cosdg } = manifest.trig;
  angles.forEach((angle, i) => {
    assert.equal(sinDeg(angle), sindg[i], `sindg(${angle})`);
    assert.equal(cosDeg(angle), cosdg[i], `cosdg(${angle})`);
  });
  assert.ok(cosDeg(90) === 0, "cosdg(90) is a signed zero");
  assert.equal(sinDeg(-270), 1);
});

Deno.test("fusedMultiplyAdd() rounds a * b + c once", () => {
  // 0.1 * 10 - 1 in exact arithmetic on the double 0.1 is 2^-54.
  assert.equal(fusedMultiplyAdd(0.1, 10, -1), 2 ** -54);
  assert.equal(0.1 * 10 - 1, 0);
  // (1 + 2^-52)(1 - 2^-52) - 1 = -2^-104 exactly.
  assert.equal(fusedMultiplyAdd(1 + 2 ** -52, 1 - 2 ** -52, -1), -(2 ** -104));
  assert.equal(fusedMultiplyAdd(3, 4, 5), 17);
  assert.equal(fusedMultiplyAdd(0, 4, 5), 5);
});
