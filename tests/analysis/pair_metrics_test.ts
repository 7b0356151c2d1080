import assert from "node:assert/strict";
import { pairMetrics } from "../../lib/analysis/pair_metrics.ts";
import { mlpGram } from "../../lib/kernels/mlp.ts";
import { uniform } from "../_random.ts";

type Metrics = ReturnType<typeof pairMetrics>;

interface Fixture {
  cases: {
    n: number;
    d: number;
    nearlySingular: boolean;
    orbit: number[];
    ntkDepth1: number[];
    metrics: Metrics;
    metricsTruncated: Metrics;
  }[];
}

const FIXTURE: Fixture = JSON.parse(
  await Deno.readTextFile(
    new URL("../fixtures/analysis/pair_fixture.json", import.meta.url),
  ),
);

/** Centres and scales a row to unit norm, like normalize_mnist. */
function normalise(row: Float64Array): Float64Array {
  const mean = row.reduce((s, v) => s + v, 0) / row.length;
  const centred = row.map((v) => v - mean);
  const norm = Math.sqrt(centred.reduce((s, v) => s + v * v, 0));
  return centred.map((v) => v / norm);
}

function assertMetrics(
  actual: Metrics,
  expected: Metrics,
  tolerance: (key: keyof Metrics) => number,
) {
  for (const key of Object.keys(expected) as (keyof Metrics)[]) {
    const tol = tolerance(key);
    const scale = Math.max(1, Math.abs(expected[key]));
    assert.ok(
      Math.abs(actual[key] - expected[key]) <= tol * scale,
      `${key}: got ${actual[key]}, numpy ${expected[key]}`,
    );
  }
}

Deno.test("pairMetrics() matches the numpy/lstsq reference fixture", () => {
  for (const c of FIXTURE.cases) {
    const orbit = Float64Array.from(c.orbit);
    const ntk = Float64Array.from(c.ntkDepth1);
    const options = { n: c.n, d: c.d };
    // In the nearly singular case the unridged inverse spectrum comes from
    // eigenvalues ≈ 1e-6 of an O(1) row, so its averages carry ~1e-10
    // relative DFT rounding; everything else agrees to 1e-12.
    const tol = (key: keyof Metrics) =>
      c.nearlySingular && key.startsWith("lambdaAvg") ? 1e-9 : 1e-12;
    assertMetrics(pairMetrics(orbit, ntk, options), c.metrics, tol);
    assertMetrics(
      pairMetrics(orbit, ntk, { ...options, truncate: true }),
      c.metricsTruncated,
      tol,
    );
  }
});

Deno.test("float32-like truncation changes a nearly singular fit", () => {
  const c = FIXTURE.cases.find((f) => f.nearlySingular)!;
  const orbit = Float64Array.from(c.orbit);
  const ntk = Float64Array.from(c.ntkDepth1);
  const plain = pairMetrics(orbit, ntk, { n: c.n, d: c.d });
  const truncated = pairMetrics(orbit, ntk, { n: c.n, d: c.d, truncate: true });
  const shift = c.metricsTruncated.exactError - c.metrics.exactError;
  assert.ok(Math.abs(shift) > 3e-9, "the fixture exercises truncation");
  assert.ok(
    Math.abs(truncated.exactError - plain.exactError - shift) < 0.2 * shift,
  );
});

Deno.test("pairMetrics(): exact and spectral errors agree, C_2N orbit", () => {
  // B is A shifted by half a block, so the interleaved orbit is one C_2N
  // orbit and the NTK Gram matrix is exactly circulant (paper.md 3.3). With
  // equal absolute ridges (exactReg·(2N − 1)c0 = spectralReg·2N·c0) the two
  // errors are the same number.
  const n = 8;
  const half = 3;
  const d = n * 2 * half;
  const next = uniform(5);
  const seed = Float64Array.from({ length: d }, () => next() - 0.5);
  const orbit = new Float64Array(2 * n * d);
  for (let i = 0; i < 2 * n; i++) {
    const shifted = Float64Array.from(
      { length: d },
      (_, k) => seed[(k - i * half + d) % d],
    );
    orbit.set(normalise(shifted), i * d);
  }
  const { ntk } = mlpGram(orbit, 2 * n);
  const spectralReg = 1e-5;
  const metrics = pairMetrics(orbit, ntk, {
    n,
    d,
    exactReg: (spectralReg * 2 * n) / (2 * n - 1),
    spectralReg,
  });
  assert.ok(
    Math.abs(metrics.exactError - metrics.spectralError) <
      1e-8 * metrics.spectralError,
    `exact ${metrics.exactError} vs spectral ${metrics.spectralError}`,
  );
  // Symmetric orbit: both held-out points get the same |error|.
  assert.ok(
    Math.abs(
      Math.abs(1 - metrics.predictionA) -
        Math.abs(-1 - metrics.predictionB),
    ) < 1e-8,
  );
  assert.equal(metrics.correct, metrics.spectralError < 1 ? 2 : 0);
});

Deno.test("pairMetrics() rejects arrays that do not match N and d", () => {
  assert.throws(
    () =>
      pairMetrics(new Float64Array(8 * 3), new Float64Array(64), {
        n: 4,
        d: 4,
      }),
    { name: "RangeError", message: /orbit \[2N, d\] = \[8, 4\]/ },
  );
  assert.throws(
    () => pairMetrics(new Float64Array(2), new Float64Array(4), { n: 1, d: 1 }),
    { name: "RangeError", message: /N ≥ 2/ },
  );
});
