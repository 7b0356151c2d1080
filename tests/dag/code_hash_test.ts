import assert from "node:assert/strict";
import { join } from "node:path";
import { codeFingerprint } from "../../lib/dag/code_hash.ts";
import { sha256Hex } from "../../lib/io/sha256.ts";

Deno.test("codeFingerprint() follows value imports, skips type imports, pins packages", async () => {
  const root = await Deno.makeTempDir({ prefix: "code-hash-" });
  const files: Record<string, string> = {
    "stage.ts": [
      'import { a } from "./lib/a.ts";',
      'import type { T } from "./lib/types.ts";',
      'import {\n  b,\n} from "./lib/b.ts";',
      'import { z } from "zod";',
      'export { c } from "./lib/c.ts";',
      '// import { nope } from "./lib/nope.ts";',
      "export const x = a + b;",
    ].join("\n"),
    "lib/a.ts": 'import "./d.ts";\nexport const a = 1;',
    "lib/b.ts": "export const b = 2;",
    "lib/c.ts": "export const c = 3;",
    "lib/d.ts": "globalThis.d = 4;",
    "lib/types.ts": "export type T = number;",
  };
  await Deno.mkdir(join(root, "lib"));
  for (const [name, text] of Object.entries(files)) {
    await Deno.writeTextFile(join(root, name), text);
  }
  const fingerprint = await codeFingerprint(
    new URL(`file://${root}/stage.ts`),
    {
      root: new URL(`file://${root}/`),
      importMap: { zod: "npm:zod@4.1.12" },
    },
  );
  assert.deepEqual(Object.keys(fingerprint.files), [
    "lib/a.ts",
    "lib/b.ts",
    "lib/c.ts",
    "lib/d.ts",
    "stage.ts",
  ]);
  assert.equal(
    fingerprint.files["lib/b.ts"],
    await sha256Hex(files["lib/b.ts"]),
  );
  assert.deepEqual(fingerprint.packages, { zod: "npm:zod@4.1.12" });
  await Deno.remove(root, { recursive: true });
});
