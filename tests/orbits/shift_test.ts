import assert from "node:assert/strict";
import { rollColumns, shiftAmounts } from "../../lib/orbits/shift.ts";

Deno.test("shiftAmounts() is arange(0, 28, 28 // n) for the paper's n", () => {
  assert.deepEqual(Array.from(shiftAmounts(2)), [0, 14]);
  assert.deepEqual(Array.from(shiftAmounts(4)), [0, 7, 14, 21]);
  assert.deepEqual(Array.from(shiftAmounts(7)), [0, 4, 8, 12, 16, 20, 24]);
  assert.deepEqual(
    Array.from(shiftAmounts(14)),
    Array.from({ length: 14 }, (_, i) => 2 * i),
  );
  assert.deepEqual(
    Array.from(shiftAmounts(28)),
    Array.from({ length: 28 }, (_, i) => i),
  );
  assert.deepEqual(Array.from(shiftAmounts(3, { width: 12 })), [0, 4, 8]);
});

Deno.test("shiftAmounts() rejects n that does not divide the width", () => {
  assert.throws(
    () => shiftAmounts(8),
    (e: unknown) =>
      e instanceof RangeError && /dividing width 28, got 8/.test(e.message),
  );
  assert.throws(() => shiftAmounts(0), RangeError);
});

Deno.test("rollColumns() moves column q to q + s modulo the width", () => {
  const image = Float64Array.from({ length: 12 }, (_, i) => i);
  const options = { height: 3, width: 4 };
  assert.deepEqual(
    Array.from(rollColumns(image, 1, options)),
    [3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10],
  );
  assert.deepEqual(
    rollColumns(image, -1, options),
    rollColumns(image, 3, options),
  );
  assert.deepEqual(rollColumns(image, 4, options), image);
});

Deno.test("rollColumns() over all 28 shifts composes to the identity", () => {
  const image = Float64Array.from({ length: 784 }, (_, i) => Math.sin(i));
  let current: Float64Array = image;
  for (let k = 0; k < 28; k++) current = rollColumns(current, 1);
  assert.deepEqual(current, image);
  assert.deepEqual(
    rollColumns(rollColumns(image, 5), 9),
    rollColumns(image, 14),
  );
});

Deno.test("rollColumns() rejects a non-integer shift", () => {
  assert.throws(
    () => rollColumns(new Float64Array(784), 0.5),
    (e: unknown) =>
      e instanceof RangeError &&
      /integer shift in pixels, got 0.5/.test(e.message),
  );
});
