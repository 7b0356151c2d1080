import assert from "node:assert/strict";
import { linearGridData } from "../../lib/plot/griddata.ts";

interface Fixture {
  x: number[];
  y: number[];
  value: number[];
  nx: number;
  ny: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  grid: (number | null)[];
}

const fixture: Fixture = JSON.parse(
  Deno.readTextFileSync(
    new URL("./fixtures/griddata_linear.json", import.meta.url),
  ),
);

Deno.test("linearGridData() matches scipy griddata linear to 1e-12", () => {
  const { x, y, value, nx, ny, x1, x2, y1, y2 } = fixture;
  const grid = linearGridData({ x, y, value }, { nx, ny, x1, x2, y1, y2 });
  assert.equal(grid.length, fixture.grid.length);
  fixture.grid.forEach((expected, k) => {
    if (expected === null) {
      assert.ok(
        Number.isNaN(grid[k]),
        `node ${k}: expected NaN, got ${grid[k]}`,
      );
    } else {
      assert.ok(
        Math.abs(grid[k] - expected) < 1e-12,
        `node ${k}: expected ${expected}, got ${grid[k]}`,
      );
    }
  });
});

Deno.test("linearGridData() reproduces a linear function exactly", () => {
  // Linear interpolation is exact for v = 2x − 3y + 1 inside the hull.
  const x = [0, 1, 0, 1, 0.3], y = [0, 0, 1, 1, 0.6];
  const value = x.map((xi, i) => 2 * xi - 3 * y[i] + 1);
  const grid = linearGridData({ x, y, value }, {
    nx: 5,
    ny: 4,
    x1: 0,
    x2: 1,
    y1: 0,
    y2: 1,
  });
  for (let j = 0; j < 4; j++) {
    for (let i = 0; i < 5; i++) {
      const expected = 2 * (i / 4) - 3 * (j / 3) + 1;
      assert.ok(Math.abs(grid[j * 5 + i] - expected) < 1e-12);
    }
  }
});

Deno.test("linearGridData() rejects fewer than three points", () => {
  assert.throws(
    () =>
      linearGridData({ x: [0, 1], y: [0, 1], value: [0, 1] }, {
        nx: 2,
        ny: 2,
        x1: 0,
        x2: 1,
        y1: 0,
        y2: 1,
      }),
    { name: "RangeError", message: /expected x, y, value of one length ≥ 3/ },
  );
});
