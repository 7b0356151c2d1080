import assert from "node:assert/strict";
import { imageAsUnitFloat } from "../../lib/data/mnist.ts";
import { dihedralPairError } from "../../lib/dihedral/pair_error.ts";
import { mlpKernel } from "../../lib/kernels/mlp.ts";
import { randomVector } from "../groups/_orbits.ts";
import { mnistTrainingSet } from "../_mnist.ts";

// Training indices of pairs with different digits: (0: 5, 1: 0), (2: 4,
// 3: 1), (4: 9, 5: 2), (6: 1, 7: 3), (17: 8, 16: 2).
const PAIRS = [[0, 1], [2, 3], [4, 5], [6, 7], [17, 16]];

Deno.test("dihedralPairError() exact and spectral agree below 1e-9 on MNIST pairs (D4, C4)", async () => {
  const set = await mnistTrainingSet();
  for (const [a, b] of PAIRS) {
    assert.notEqual(set.labels[a], set.labels[b]);
    const imageA = imageAsUnitFloat(set.images, a);
    const imageB = imageAsUnitFloat(set.images, b);
    for (const group of ["D4", "C4"] as const) {
      const result = dihedralPairError(imageA, imageB, { group });
      const label = `${group} pair (${a}, ${b})`;
      assert.ok(result.maxCirculantDeviation < 1e-12, label);
      assert.ok(
        Math.abs(result.exact - result.spectral) < 1e-9,
        `${label}: ${result.exact} vs ${result.spectral}`,
      );
      assert.ok(
        Math.abs(result.predictionA - result.spectralPredictionA) < 1e-9,
      );
      assert.ok(
        Math.abs(result.predictionB - result.spectralPredictionB) < 1e-9,
      );
      assert.equal(
        result.correct,
        Number(result.predictionA > 0) + Number(result.predictionB < 0),
      );
      assert.ok(result.exact > 0 && result.exact < 2, label);
    }
  }
});

Deno.test("dihedralPairError() stays accurate when the orbit repeats an image", async () => {
  // A mirror-symmetric seed makes g·x = (gs)·x, so K has repeated rows and
  // K + r·I has condition number ≈ trace/r ≈ 1e10 at reg = 1e-10.
  const set = await mnistTrainingSet();
  const zero = imageAsUnitFloat(set.images, 1);
  const symmetric = zero.map((v, p) =>
    Math.max(v, zero[p - 2 * (p % 28) + 27])
  );
  const other = imageAsUnitFloat(set.images, 3);
  for (const reg of [1e-10, 1e-12]) {
    const result = dihedralPairError(symmetric, other, { reg });
    assert.ok(Math.abs(result.exact - result.spectral) < 1e-9, `${reg}`);
  }
});

Deno.test("dihedralPairError() uses r = reg · trace(K) and checks image sizes", () => {
  const imageA = randomVector(36, 1);
  const imageB = randomVector(36, 2);
  const result = dihedralPairError(imageA, imageB, { side: 6, reg: 1e-4 });
  // Every orbit image is unit-norm with d_in = 36, so each of the 16
  // diagonal entries of K is Θ(x, x) at ‖x‖² = 1.
  const { ntk } = mlpKernel({ dot: 1, sqNorm1: 1, sqNorm2: 1 }, { dIn: 36 });
  assert.ok(Math.abs(result.ridge - 1e-4 * 16 * ntk) < 1e-15);
  assert.ok(Math.abs(result.exact - result.spectral) < 1e-10);
  assert.throws(() => dihedralPairError(imageA, imageB), {
    name: "RangeError",
    message: /two images of S² = 784 pixels, got 36 and 36/,
  });
});
