import assert from "node:assert/strict";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { mlpCross, mlpGram, mlpKernel } from "../../lib/kernels/mlp.ts";

interface Fixture {
  cases: {
    n: number;
    d: number;
    orbit: number[];
    ntkDepth1: number[];
    ntkDepth3: number[];
    nngpDepth3: number[];
  }[];
  golden: Record<string, { ntk: number[]; nngp: number[] }>;
}

const FIXTURE: Fixture = JSON.parse(
  await Deno.readTextFile(
    new URL("../fixtures/analysis/pair_fixture.json", import.meta.url),
  ),
);

/** paper.md F.3 inputs in R^784: e1, (e1 + e2)/√2, −e1. */
function goldenInputs(): Float64Array {
  const x = new Float64Array(3 * 784);
  x[0] = 1;
  x[784] = x[785] = Math.SQRT1_2;
  x[2 * 784] = -1;
  return x;
}

function assertClose(actual: number, expected: number, tol: number, what = "") {
  assert.ok(
    Math.abs(actual - expected) <= tol,
    `${what}: got ${actual}, expected ${expected} (tol ${tol})`,
  );
}

Deno.test("mlpGram() reproduces the paper.md F.3 golden values", () => {
  const table: Record<number, { ntk: number[]; nngp?: number[] }> = {
    1: {
      ntk: [2.00127551, 1.99655129, 1.98739493],
      nngp: [1.50063776, 1.50045204, 1.49938157],
    },
    3: { ntk: [3.25063776, 3.24237449, 3.22848361] },
    5: { ntk: [3.75023916, 3.74357963, 3.73276596] },
  };
  for (const [depth, row] of Object.entries(table)) {
    const { ntk, nngp } = mlpGram(goldenInputs(), 3, { depth: +depth });
    row.ntk.forEach((v, j) => assertClose(ntk[j], v, 5e-9, `ntk d${depth}`));
    row.nngp?.forEach((v, j) => assertClose(nngp[j], v, 5e-9, "nngp"));
  }
});

Deno.test("mlpKernel() matches a 40-digit mpmath recursion to 1e-12", () => {
  const x = goldenInputs();
  const sqNorm = (i: number) =>
    x.subarray(784 * i, 784 * (i + 1)).reduce((s, v) => s + v * v, 0);
  for (const depth of [1, 3, 5]) {
    const expected = FIXTURE.golden[depth];
    for (let j = 0; j < 3; j++) {
      let dot = 0;
      for (let k = 0; k < 784; k++) dot += x[k] * x[784 * j + k];
      const value = mlpKernel(
        { dot, sqNorm1: sqNorm(0), sqNorm2: sqNorm(j) },
        { depth, dIn: 784 },
      );
      assertClose(value.ntk, expected.ntk[j], 1e-12, `ntk depth ${depth}`);
      assertClose(value.nngp, expected.nngp[j], 1e-12, `nngp depth ${depth}`);
    }
  }
});

Deno.test("mlpGram() matches the mpmath Gram matrices of the fixture", () => {
  // Near-duplicate inputs (the nearly singular case) put θ ≈ 1e-4, where the
  // float64 rounding of x·x' alone moves the kernel by about 1e-12.
  for (const c of FIXTURE.cases) {
    const x = Float64Array.from(c.orbit);
    const m = 2 * c.n;
    const depth1 = mlpGram(x, m);
    const depth3 = mlpGram(x, m, { depth: 3 });
    for (let i = 0; i < m * m; i++) {
      assertClose(depth1.ntk[i], c.ntkDepth1[i], 5e-12, "ntk depth 1");
      assertClose(depth3.ntk[i], c.ntkDepth3[i], 5e-12, "ntk depth 3");
      assertClose(depth3.nngp[i], c.nngpDepth3[i], 5e-12, "nngp depth 3");
    }
  }
});

Deno.test("mlpGram() is symmetric and positive semi-definite", () => {
  const n = 20;
  const d = 30;
  let seed = 7;
  const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const x = Float64Array.from({ length: n * d }, next);
  const { ntk, nngp } = mlpGram(x, n, { depth: 2, wStd: 1.3, bStd: 0.4 });
  for (const gram of [ntk, nngp]) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        assert.equal(gram[i * n + j], gram[j * n + i]);
      }
    }
    const evd = new EigenvalueDecomposition(
      Matrix.from1DArray(n, n, Array.from(gram)),
      { assumeSymmetric: true },
    );
    const max = Math.max(...evd.realEigenvalues);
    assert.ok(Math.min(...evd.realEigenvalues) > -1e-12 * max);
  }
});

Deno.test("mlpCross() equals the matching block of mlpGram()", () => {
  const c = FIXTURE.cases[1];
  const x = Float64Array.from(c.orbit);
  const m = 2 * c.n;
  const options = { depth: 2, bStd: [1, 0.5, 0] };
  const gram = mlpGram(x, m, options);
  const cross = mlpCross(x.subarray(0, 3 * c.d), x, { ...options, d: c.d });
  assert.equal(cross.ntk.length, 3 * m);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < m; j++) {
      assertClose(cross.ntk[i * m + j], gram.ntk[i * m + j], 1e-14, "ntk");
      assertClose(cross.nngp[i * m + j], gram.nngp[i * m + j], 1e-14, "nngp");
    }
  }
});

Deno.test("bias-free layers give the arc-cosine kernel of order 1", () => {
  // depth 1, σ_b = 0, d_in = 1: Σ = x·x', then Σ̃ = (sin θ + (π − θ) cos θ)/2π.
  // Orthogonal unit inputs: NTK = Σ̃ = 1/2π; equal inputs: NTK = 1/2 + 1/2 = 1.
  const x = Float64Array.of(1, 0, 0, 1);
  const { ntk, nngp } = mlpGram(x, 2, { bStd: [0, 0], dIn: 1 });
  assertClose(ntk[0], 1, 1e-15, "ntk diagonal");
  assertClose(ntk[1], 1 / (2 * Math.PI), 1e-15, "ntk orthogonal");
  assertClose(nngp[0], 0.5, 1e-15, "nngp diagonal");
  assertClose(nngp[1], 1 / (2 * Math.PI), 1e-15, "nngp orthogonal");
});

Deno.test("zero inputs take θ = π/2 instead of producing NaN", () => {
  const { ntk } = mlpGram(new Float64Array(4), 2, { bStd: 0, dIn: 2 });
  assert.deepEqual(Array.from(ntk), [0, 0, 0, 0]);
});

Deno.test("mlp kernels reject inconsistent shapes and options", () => {
  assert.throws(
    () => mlpGram(new Float64Array(10), 3),
    { name: "RangeError", message: /positive integer sizes/ },
  );
  assert.throws(
    () => mlpGram(new Float64Array(6), 3, { depth: 2, bStd: [1, 1] }),
    { name: "RangeError", message: /bStd of length depth \+ 1 = 3, got 2/ },
  );
  assert.throws(
    () => mlpKernel({ dot: 1, sqNorm1: 1, sqNorm2: 1 }, {}),
    { name: "RangeError", message: /dIn/ },
  );
  assert.throws(
    () => mlpGram(new Float64Array(6), 3, { depth: -1 }),
    { name: "RangeError", message: /depth/ },
  );
});
