/**
 * Stage `data`: the four MNIST IDX files, verified byte for byte against
 * pinned sizes and SHA-256 (paper.md 4.1, 10.5), kept in `config.data.dir`.
 *
 * Inputs: none. Outputs: `mnist.json` (the verified files and how each was
 * obtained); the IDX files themselves live in `data/mnist/`.
 *
 * @module
 */
import { join, resolve } from "node:path";
import type { Stage } from "../../lib/dag/stage.ts";
import { MNIST_FILES } from "../../lib/data/mnist_files.ts";
import { obtainMnist } from "../../lib/data/obtain.ts";
import { verifyFile } from "../../lib/data/verify.ts";

/**
 * The verified-MNIST record a data entry holds. It names only what the
 * files are, not where they came from, so re-obtaining identical bytes
 * leaves every downstream stage cached.
 */
export interface MnistRecord {
  /** Project-relative folder of the IDX files. */
  dir: string;
  files: { name: string; bytes: number; sha256: string }[];
}

export const dataStage: Stage = {
  name: "data",
  description: "Obtain MNIST and verify its four IDX files by size and SHA-256",
  deps: [],
  module: new URL(import.meta.url),
  configSlice: (config) => ({
    source: config.data.source,
    dir: config.data.dir,
  }),

  async run(ctx) {
    const { source, mirrors, dir } = ctx.config.data;
    const obtained = await obtainMnist({
      destDir: resolve(ctx.root, dir),
      source,
      mirrors,
    });
    for (const file of obtained) {
      ctx.note(
        `${file.name}: ${file.action} from ${file.from}` +
          (file.replaced ? ` (replaced: ${file.replaced})` : ""),
      );
    }
    const record: MnistRecord = {
      dir,
      files: MNIST_FILES.map(({ name, bytes, sha256 }) => ({
        name,
        bytes,
        sha256,
      })),
    };
    await Deno.writeTextFile(
      join(ctx.outDir, "mnist.json"),
      JSON.stringify(record, null, 2),
    );
  },

  // Every run re-checks size and SHA-256 (about 0.2 s), so a damaged or
  // missing file is obtained again rather than trusted.
  async staleReason({ config, root }) {
    for (const spec of MNIST_FILES) {
      const path = join(resolve(root, config.data.dir), spec.name);
      const bytes = await Deno.readFile(path).catch(() => undefined);
      if (!bytes) return `${path} is missing`;
      try {
        await verifyFile(bytes, spec, { source: path });
      } catch (error) {
        return (error as Error).message.split(";")[0];
      }
    }
    return undefined;
  },
};
