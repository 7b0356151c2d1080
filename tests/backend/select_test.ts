import assert from "node:assert/strict";
import {
  chooseBackend,
  type GpuLike,
  selectBackend,
} from "../../lib/backend/select.ts";

const SANITIZE = { sanitizeOps: false, sanitizeResources: false };

function fakeGpu(
  adapter:
    | { info?: { isFallbackAdapter?: boolean; description?: string } }
    | null,
): GpuLike {
  return { requestAdapter: () => Promise.resolve(adapter) };
}

Deno.test("chooseBackend() picks wasm on this machine (no real GPU adapter) and says why", async () => {
  const choice = await chooseBackend();
  assert.equal(choice.name, "wasm");
  assert.match(choice.reason, /navigator\.gpu|adapter|requestAdapter/);
});

Deno.test("chooseBackend() picks webgpu only for a non-fallback adapter", async () => {
  const real = await chooseBackend({
    gpu: fakeGpu({ info: { isFallbackAdapter: false, description: "H200" } }),
  });
  assert.deepEqual(real, { name: "webgpu", reason: "WebGPU adapter: H200" });
  const soft = await chooseBackend({
    gpu: fakeGpu({
      info: { isFallbackAdapter: true, description: "llvmpipe" },
    }),
  });
  assert.equal(soft.name, "wasm");
  assert.match(soft.reason, /fallback \(software\) adapter: llvmpipe/);
  assert.equal((await chooseBackend({ gpu: fakeGpu(null) })).name, "wasm");
  assert.equal((await chooseBackend({ gpu: null })).name, "wasm");
});

Deno.test("chooseBackend() honours the wasm, cpu and webgpu overrides", async () => {
  const gpu = fakeGpu({ info: { isFallbackAdapter: false } });
  assert.equal((await chooseBackend({ override: "wasm", gpu })).name, "wasm");
  assert.equal((await chooseBackend({ override: "cpu", gpu })).name, "cpu");
  const soft = fakeGpu({ info: { isFallbackAdapter: true } });
  const forced = await chooseBackend({ override: "webgpu", gpu: soft });
  assert.equal(forced.name, "webgpu");
  assert.match(forced.reason, /asked for by name.*fallback/);
});

Deno.test("chooseBackend() rejects webgpu without an adapter and unknown names", async () => {
  await assert.rejects(
    () => chooseBackend({ override: "webgpu", gpu: fakeGpu(null) }),
    (e) =>
      e instanceof Error && /"webgpu" was asked for but is unavailable/.test(
        e.message,
      ) && /--backend wasm/.test(e.message),
  );
  await assert.rejects(
    () => chooseBackend({ override: "webgpu", gpu: null }),
    /navigator\.gpu is absent/,
  );
  await assert.rejects(
    () => chooseBackend({ override: "webgl" }),
    (e) =>
      e instanceof RangeError && /"wasm", "webgpu" or "cpu"/.test(e.message),
  );
});

Deno.test({
  name: "selectBackend() activates the tfjs wasm backend and runs a matmul",
  ...SANITIZE,
  fn: async () => {
    const tf = await import("@tensorflow/tfjs");
    const choice = await selectBackend({ gpu: null });
    assert.equal(choice.name, "wasm");
    assert.equal(tf.getBackend(), "wasm");
    const product = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    assert.deepEqual(Array.from(await product.data()), [11]);
    product.dispose();
  },
});
