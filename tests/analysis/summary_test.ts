import assert from "node:assert/strict";
import type { PairResult } from "../../lib/analysis/pair_result.ts";
import {
  median,
  pearson,
  summarizeByOrbitSize,
} from "../../lib/analysis/summary.ts";

const fixture = JSON.parse(
  await Deno.readTextFile(
    new URL("../fixtures/analysis/summary_fixture.json", import.meta.url),
  ),
);

Deno.test("pearson() and median() match numpy", () => {
  assert.ok(Math.abs(pearson(fixture.x, fixture.y) - fixture.pearson) < 1e-14);
  assert.equal(median(fixture.x), fixture.medianX);
  assert.ok(
    Math.abs(median([...fixture.x, ...fixture.y]) - fixture.medianXY) < 1e-15,
  );
  assert.throws(() => median([]), RangeError);
  assert.throws(
    () => pearson([1, 2], [1]),
    /different lengths: expected equal, got 2 and 1/,
  );
});

function row(
  n: number,
  exact: number,
  spectral: number,
  pA: number,
  pB: number,
): PairResult {
  return {
    n,
    pair: 0,
    indexA: 0,
    indexB: 1,
    digitA: 1,
    digitB: 2,
    exactError: exact,
    spectralError: spectral,
    correct: (pA > 0 ? 1 : 0) + (pB < 0 ? 1 : 0),
    predictionA: pA,
    predictionB: pB,
    deltaSq: 0,
    projRadius: 1,
    lambdaLast: 1,
    lambdaAvg: 1,
    lambdaAvgNoLast: 1,
    avgAngle: 0,
  };
}

Deno.test("summarizeByOrbitSize() counts sign agreement per held-out point", () => {
  const rows = [
    row(4, 0.5, 0.6, 0.5, -0.4), // ε_s < 1 and both correct: 2 agree
    row(4, 1.2, 1.3, -0.2, 0.1), // ε_s ≥ 1 and both wrong: 2 agree
    row(4, 0.9, 1.1, 0.1, 0.2), // ε_s ≥ 1, A right, B wrong: 1 agrees
    row(2, 1.5, 1.4, -0.5, 0.5),
  ];
  const [at2, at4] = summarizeByOrbitSize(rows);
  assert.equal(at2.n, 2);
  assert.equal(at2.pairs, 1);
  assert.equal(at4.pairs, 3);
  assert.equal(at4.signAgreement, 5 / 6);
  assert.equal(at4.fractionCorrect, 3 / 6);
  assert.equal(at4.medianExact, 0.9);
  assert.equal(at4.medianSpectral, 1.1);
  assert.ok(
    Math.abs(at4.pearson - pearson([0.5, 1.2, 0.9], [0.6, 1.3, 1.1])) < 1e-15,
  );
});
