/**
 * Facts about the project checkout the pipeline needs: its root folder and
 * the pinned import map of deno.json.
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the project root (the folder holding deno.json). */
export const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The `imports` map of `<root>/deno.json`: bare specifier → pinned target. */
export async function readImportMap(
  root: string = PROJECT_ROOT,
): Promise<Record<string, string>> {
  const denoJson = JSON.parse(await Deno.readTextFile(join(root, "deno.json")));
  return denoJson.imports ?? {};
}
