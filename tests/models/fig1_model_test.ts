import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { createFig1Model } from "../../lib/models/fig1_model.ts";
import { sinCosPositionEmbedding2d } from "../../lib/models/vit.ts";
import { selectBackend } from "../../lib/backend/select.ts";

// Parameter counts of the PyTorch modules of paper.md 6.1:
// MLP 784·512+512 + 512·128+128 + 128·10; CNN 24·25+24 + 32·216+32 +
// 800·256+256 + 256·10+10; SimpleViT 16·2 + 16·256+256 + 256·2 +
// 2·(512 + 256·768 + 256·256 + 512 + 2·(256·256+256)) + 512 + 2570.
const PARAMETERS = { mlp: 468864, cnn: 215194, vit: 797482 } as const;

for (const name of ["mlp", "cnn", "vit"] as const) {
  Deno.test(`${name}: PyTorch parameter count and [batch, 10] output`, async () => {
    await selectBackend({ override: "wasm" });
    const model = createFig1Model(name, { seed: 7 });
    const count = model.variables.reduce((s, v) => s + v.size, 0);
    assert.equal(count, PARAMETERS[name]);
    const out = tf.tidy(() =>
      model.apply(tf.ones([3, 784]).div(28), { training: false })
    );
    assert.deepEqual(out.shape, [3, 10]);
    if (name !== "vit") {
      // log-softmax outputs: probabilities sum to 1 per row.
      const sums = tf.tidy(() => tf.sum(tf.exp(out), 1).dataSync());
      for (const s of sums) assert.ok(Math.abs(s - 1) < 1e-5);
    }
    out.dispose();
    model.dispose();
  });
}

Deno.test("createFig1Model() is reproducible per seed and PyTorch-bounded", async () => {
  await selectBackend({ override: "wasm" });
  const a = createFig1Model("mlp", { seed: 3 });
  const b = createFig1Model("mlp", { seed: 3 });
  const c = createFig1Model("mlp", { seed: 4 });
  const [wa, wb, wc] = [a, b, c].map((m) => m.variables[0].dataSync());
  assert.deepEqual(wa, wb);
  assert.notDeepEqual(wa, wc);
  // kaiming-uniform(a = √5): |w| ≤ 1/√784 = 1/28, and the draws fill it.
  const top = Array.from(wa).reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  assert.ok(top <= 1 / 28 && top > 0.99 / 28, `max |w| ${top}`);
  [a, b, c].forEach((m) => m.dispose());
});

Deno.test("mlp: dropout only in training mode, reproducible per seed", async () => {
  await selectBackend({ override: "wasm" });
  const model = createFig1Model("mlp", { seed: 1 });
  const x = tf.ones([2, 784]).div(28) as tf.Tensor2D;
  const run = (training: boolean, dropoutSeed: number) =>
    tf.tidy(() =>
      Array.from(model.apply(x, { training, dropoutSeed }).dataSync())
    );
  assert.deepEqual(run(false, 1), run(false, 2));
  assert.deepEqual(run(true, 5), run(true, 5));
  assert.notDeepEqual(run(true, 5), run(true, 6));
  x.dispose();
  model.dispose();
});

Deno.test("sinCosPositionEmbedding2d() follows vit-pytorch's posemb_sincos_2d", () => {
  const pe = sinCosPositionEmbedding2d(7, 7, 256);
  assert.equal(pe.length, 49 * 256);
  // Token t = y·7 + x; ω_j = 10000^(−j/63); blocks sin x, cos x, sin y, cos y.
  const at = (t: number, c: number) => pe[t * 256 + c];
  const omega = (j: number) => 1 / 10000 ** (j / 63);
  const t = 2 * 7 + 3; // y = 2, x = 3
  for (const j of [0, 1, 30, 63]) {
    assert.ok(Math.abs(at(t, j) - Math.sin(3 * omega(j))) < 1e-6);
    assert.ok(Math.abs(at(t, 64 + j) - Math.cos(3 * omega(j))) < 1e-6);
    assert.ok(Math.abs(at(t, 128 + j) - Math.sin(2 * omega(j))) < 1e-6);
    assert.ok(Math.abs(at(t, 192 + j) - Math.cos(2 * omega(j))) < 1e-6);
  }
  assert.equal(at(0, 0), 0);
  assert.equal(at(0, 64), 1);
  assert.throws(
    () => sinCosPositionEmbedding2d(7, 7, 6),
    (error: unknown) => error instanceof RangeError,
  );
});
