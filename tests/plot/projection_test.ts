import assert from "node:assert/strict";
import {
  circlePoints,
  ELEVATION_DEG,
  projectPoints,
} from "../../lib/plot/projection.ts";

const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;

Deno.test("projectPoints() keeps heights and is an isometry of R³", () => {
  const el = (ELEVATION_DEG * Math.PI) / 180;
  const { u, v, depth } = projectPoints(
    Float64Array.of(0, 0, 0.5, 0.3, -1.2, 2),
  );
  // A point on the z axis projects straight up by z·cos(el).
  assert.ok(close(u[0], 0) && close(v[0], 0.5 * Math.cos(el)));
  // The camera is a rotation: squared norms are preserved.
  const norm2 = 0.3 ** 2 + 1.2 ** 2 + 4;
  assert.ok(close(u[1] ** 2 + v[1] ** 2 + depth[1] ** 2, norm2));
});

Deno.test("circlePoints() closes a circle of the given radius and height", () => {
  const c = circlePoints(2, -0.5, { count: 8 });
  assert.equal(c.length, 27);
  assert.deepEqual([...c.subarray(24)], [...c.subarray(0, 3)]);
  for (let k = 0; k < 9; k++) {
    assert.ok(close(Math.hypot(c[3 * k], c[3 * k + 1]), 2));
    assert.equal(c[3 * k + 2], -0.5);
  }
  assert.throws(() => circlePoints(1, 0, { count: 2 }), RangeError);
  assert.throws(() => projectPoints(new Float64Array(4)), {
    name: "RangeError",
    message: /expected an \[n, 3\] array, got length 4/,
  });
});
