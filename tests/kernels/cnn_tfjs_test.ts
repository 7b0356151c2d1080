import assert from "node:assert/strict";
import { selectBackend } from "../../lib/backend/select.ts";
import { cnnGram } from "../../lib/kernels/cnn.ts";
import { cnnGramReference } from "../../lib/kernels/cnn_reference.ts";
import { cnnGapGramTfjs } from "../../lib/kernels/cnn_tfjs.ts";
import { buildPairOrbit } from "../../lib/orbits/orbit.ts";
import { mnistPair } from "../fixtures/cnn/mnist_pair.ts";

const SANITIZE = { sanitizeOps: false, sanitizeResources: false };

function maxRelative(actual: Float64Array, expected: Float64Array): number {
  let worst = 0;
  expected.forEach((v, i) => {
    worst = Math.max(worst, Math.abs(actual[i] - v) / Math.abs(v));
  });
  return worst;
}

Deno.test({
  name: "cnnGapGramTfjs() on wasm matches cnnGram() on an 8 × 8, k = 5 set",
  ...SANITIZE,
  fn: async () => {
    assert.equal((await selectBackend({ override: "wasm" })).name, "wasm");
    const images = Float64Array.from(
      { length: 4 * 64 },
      (_, i) => Math.cos(0.37 * i * i) - 0.1,
    );
    const options = { height: 8, width: 8, kernelSize: 5 };
    const fast = await cnnGapGramTfjs(images, 4, options);
    const exact = cnnGram(images, 4, { readout: "gap", ...options });
    assert.ok(maxRelative(fast.ntk, exact.ntk) < 1e-7);
    assert.ok(maxRelative(fast.nngp, exact.nngp) < 1e-7);
  },
});

Deno.test({
  name:
    "cnnGapGramTfjs() on wasm matches the float64 reference to 1e-7 on a real MNIST rotation orbit (N = 4)",
  ...SANITIZE,
  fn: async () => {
    await selectBackend({ override: "wasm" });
    const [a, b] = await mnistPair();
    const orbit = buildPairOrbit(a, b, { n: 4, transform: "rotate" });
    const fast = await cnnGapGramTfjs(orbit, 8);
    const ref = cnnGramReference(orbit, 8, { readout: "gap" });
    const ntkError = maxRelative(fast.ntk, ref.ntk);
    const nngpError = maxRelative(fast.nngp, ref.nngp);
    assert.ok(ntkError <= 1e-7, `ntk ${ntkError}`);
    assert.ok(nngpError <= 1e-7, `nngp ${nngpError}`);
  },
});
