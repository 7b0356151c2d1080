import assert from "node:assert/strict";
import { pairMetrics } from "../../lib/analysis/pair_metrics.ts";
import {
  cnnGram,
  cnnGramParallel,
  type CnnKernelPair,
  type CnnReadout,
} from "../../lib/kernels/cnn.ts";
import { cnnGramReference } from "../../lib/kernels/cnn_reference.ts";
import { buildPairOrbit } from "../../lib/orbits/orbit.ts";
import { makeCirculant } from "../../lib/spectral/circulant.ts";
import { rollColumns } from "../../lib/orbits/shift.ts";
import { mnistPair } from "../fixtures/cnn/mnist_pair.ts";

interface Fixture {
  cases: {
    height: number;
    width: number;
    kernelSize: number;
    images: number[];
    gap: { ntk: number[]; nngp: number[] };
    fc: { ntk: number[]; nngp: number[] };
  }[];
}

const FIXTURE: Fixture = JSON.parse(
  await Deno.readTextFile(
    new URL("../fixtures/cnn/cnn_8x8.json", import.meta.url),
  ),
);

/**
 * Largest |a − b|/|b| over the entries of the NNGP (`nngp`) and of the NTK
 * (`ntk`), separately.
 */
function maxRelative(
  actual: CnnKernelPair,
  expected: CnnKernelPair,
): { ntk: number; nngp: number } {
  const worst = { ntk: 0, nngp: 0 };
  for (const key of ["ntk", "nngp"] as const) {
    expected[key].forEach((v, i) => {
      worst[key] = Math.max(
        worst[key],
        Math.abs(actual[key][i] - v) / Math.abs(v),
      );
    });
  }
  return worst;
}

/**
 * Float64 tolerances between two implementations of paper.md 5.2. Where
 * c = Σ1/u is 1 in exact arithmetic (p = p' of the same image, equal
 * patches), a rounding of 1e-16 in c becomes θ = arccos c ≈ √(2e-16) ≈
 * 1.5e-8, so Θ̃ = Σ1(π − θ)/2π, and with it the NTK, differ by up to ~5e-9
 * relative between any two float64 codes (numpy included); Σ̃ is flat in θ
 * there, so the NNGP agrees to rounding.
 */
const NTK_TOL = 5e-9;
const NNGP_TOL = 1e-13;

function assertAgree(
  actual: CnnKernelPair,
  expected: CnnKernelPair,
  label: string,
): void {
  const error = maxRelative(actual, expected);
  assert.ok(error.ntk < NTK_TOL, `${label}: ntk ${error.ntk}`);
  assert.ok(error.nngp < NNGP_TOL, `${label}: nngp ${error.nngp}`);
}

/** Deterministic pseudo-random image (sines), [size]. */
function wavyImage(size: number, seed: number): Float64Array {
  return Float64Array.from(
    { length: size },
    (_, i) => Math.sin(1.7 * seed + 0.91 * i * i + 0.3 * i) + 0.2,
  );
}

/** np.rot90 of a square image: out[r, c] = x[c, side − 1 − r]. */
function rot90(x: Float64Array, side: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      out[r * side + c] = x[c * side + side - 1 - r];
    }
  }
  return out;
}

/** Kernel k(x, y) of one readout on an H × W torus, via the 2 × 2 Gram. */
function kernelOf(
  x: Float64Array,
  y: Float64Array,
  options: { readout: CnnReadout; height: number; width: number },
  gram = cnnGramReference,
): number {
  const both = new Float64Array(x.length * 2);
  both.set(x);
  both.set(y, x.length);
  return gram(both, 2, options).ntk[1];
}

Deno.test("cnnGramReference() and cnnGram() match the numpy fixture (8 × 8, 6 × 7; k = 3, 5; NNGP 1e-13, NTK 5e-9)", () => {
  for (const c of FIXTURE.cases) {
    const images = Float64Array.from(c.images);
    for (const readout of ["gap", "fc"] as const) {
      const options = { readout, ...c };
      const expected = {
        ntk: Float64Array.from(c[readout].ntk),
        nngp: Float64Array.from(c[readout].nngp),
      };
      const label = `${readout} ${c.height}×${c.width} k=${c.kernelSize}`;
      assertAgree(
        cnnGramReference(images, 3, options),
        expected,
        `reference ${label}`,
      );
      assertAgree(cnnGram(images, 3, options), expected, `fast ${label}`);
    }
  }
});

Deno.test("cnnGram() agrees with the direct sum on a 7 × 5 torus (NNGP 1e-13, NTK 5e-9)", () => {
  const images = new Float64Array(4 * 35);
  for (let i = 0; i < 4; i++) images.set(wavyImage(35, i), 35 * i);
  for (const readout of ["gap", "fc"] as const) {
    const options = { readout, height: 7, width: 5 };
    assertAgree(
      cnnGram(images, 4, options),
      cnnGramReference(images, 4, options),
      readout,
    );
  }
});

Deno.test("cnnGramParallel() equals cnnGram() bit for bit with 3 threads", async () => {
  const images = new Float64Array(5 * 64);
  for (let i = 0; i < 5; i++) images.set(wavyImage(64, i + 10), 64 * i);
  const options = { readout: "gap" as const, height: 8, width: 8 };
  const single = cnnGram(images, 5, options);
  const parallel = await cnnGramParallel(images, 5, { ...options, workers: 3 });
  assert.deepEqual(parallel, single);
});

Deno.test("CNN-GAP k(x, roll(y, s)) = k(x, y) for every horizontal shift (T7)", () => {
  const shape = { height: 6, width: 7 };
  const x = wavyImage(42, 1);
  const y = wavyImage(42, 2);
  const options = { readout: "gap" as const, ...shape };
  const base = kernelOf(x, y, options);
  for (let s = 1; s < 7; s++) {
    const rolled = rollColumns(y, s, shape);
    const ref = kernelOf(x, rolled, options);
    assert.ok(Math.abs(ref - base) <= 1e-12 * Math.abs(base), `ref s=${s}`);
    const fast = kernelOf(x, rolled, options, cnnGram);
    assert.ok(Math.abs(fast - base) <= 1e-12 * Math.abs(base), `fast s=${s}`);
  }
});

Deno.test("CNN-FC is jointly shift-invariant but not in one argument (T7)", () => {
  const shape = { height: 6, width: 7 };
  const x = wavyImage(42, 3);
  const y = wavyImage(42, 4);
  const options = { readout: "fc" as const, ...shape };
  const base = kernelOf(x, y, options);
  for (let s = 1; s < 7; s++) {
    const joint = kernelOf(
      rollColumns(x, s, shape),
      rollColumns(y, s, shape),
      options,
    );
    assert.ok(Math.abs(joint - base) <= 1e-12 * Math.abs(base), `joint s=${s}`);
    const one = kernelOf(x, rollColumns(y, s, shape), options);
    assert.ok(Math.abs(one - base) > 1e-3 * Math.abs(base), `one s=${s}`);
  }
});

Deno.test("CNN-GAP is jointly rot90-invariant but not in one argument (T7)", () => {
  const options = { readout: "gap" as const, height: 8, width: 8 };
  const x = wavyImage(64, 5);
  const y = wavyImage(64, 6);
  const base = kernelOf(x, y, options);
  const joint = kernelOf(rot90(x, 8), rot90(y, 8), options);
  assert.ok(Math.abs(joint - base) <= 1e-12 * Math.abs(base));
  const fastJoint = kernelOf(rot90(x, 8), rot90(y, 8), options, cnnGram);
  assert.ok(Math.abs(fastJoint - base) <= 1e-12 * Math.abs(base));
  const one = kernelOf(x, rot90(y, 8), options);
  assert.ok(Math.abs(one - base) > 1e-3 * Math.abs(base), `${one} vs ${base}`);
});

Deno.test("cnnGramParallel() matches the float64 reference to 1e-7 on a real MNIST rotation orbit (N = 4)", async () => {
  const [a, b] = await mnistPair();
  const orbit = buildPairOrbit(a, b, { n: 4, transform: "rotate" });
  for (const readout of ["gap", "fc"] as const) {
    const error = maxRelative(
      await cnnGramParallel(orbit, 8, { readout }),
      cnnGramReference(orbit, 8, { readout }),
    );
    assert.ok(Math.max(error.ntk, error.nngp) <= 1e-7, `${readout}`);
  }
});

Deno.test("CNN-GAP collapses a shift orbit: exact error ≈ 0, correct = 2, spectral error = the paper.md 3.7 limit (T7)", async () => {
  const [a, b] = await mnistPair();
  const n = 4;
  const orbit = buildPairOrbit(a, b, { n, transform: "shift" });
  const { ntk } = await cnnGramParallel(orbit, 2 * n, { readout: "gap" });
  const metrics = pairMetrics(orbit, ntk, { n, d: 784 });
  assert.equal(metrics.correct, 2);
  assert.ok(metrics.exactError < 1e-6, `exact ${metrics.exactError}`);

  // Collapsed circulant row [a, b, a, b, ...]: λ_0 = N(a + b), λ_N = N(a − b),
  // the other 2N − 2 eigenvalues 0; ridge r = 1e-5 · c_0 · 2N (paper.md 3.7).
  const c = makeCirculant(ntk, 2 * n);
  for (let j = 2; j < 2 * n; j++) {
    // Equal up to the arccos rounding of NTK_TOL: each rolled image is
    // normalised on its own, so equal patches differ in the last bit.
    assert.ok(Math.abs(c[j] - c[j % 2]) <= NTK_TOL * c[0], `row entry ${j}`);
  }
  const r = 1e-5 * c[0] * 2 * n;
  const lambda0 = n * (c[0] + c[1]);
  const lambdaN = n * (c[0] - c[1]);
  const meanInverse = (1 / (lambda0 + r) + 1 / (lambdaN + r) +
    (2 * n - 2) / r) / (2 * n);
  const expected = 1 / (lambdaN + r) / meanInverse;
  assert.ok(expected < 0.01, `limit ${expected}`);
  assert.ok(
    Math.abs(metrics.spectralError - expected) <= 1e-4 * expected,
    `spectral ${metrics.spectralError} vs ${expected}`,
  );
});

Deno.test("cnnGram() rejects a bad readout, an even kernel size and a wrong length", () => {
  const x = new Float64Array(2 * 16);
  assert.throws(
    () => cnnGram(x, 2, { readout: "max" as CnnReadout, height: 4, width: 4 }),
    (e) => e instanceof RangeError && /readout "gap" or "fc"/.test(e.message),
  );
  assert.throws(
    () => cnnGram(x, 2, { readout: "gap", kernelSize: 2, height: 4, width: 4 }),
    (e) => e instanceof RangeError && /odd positive kernelSize/.test(e.message),
  );
  assert.throws(
    () => cnnGram(x, 3, { readout: "gap", height: 4, width: 4 }),
    (e) => e instanceof RangeError && /n·H·W/.test(e.message),
  );
});
