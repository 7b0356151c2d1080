/**
 * Atomic file writes: write a temporary sibling, then rename it over the
 * destination, so a reader never sees a partial file.
 *
 * @module
 */
import { dirname } from "node:path";

/** Write bytes to `path` atomically, creating its folder if needed. */
export async function atomicWriteFile(
  path: string,
  bytes: Uint8Array,
): Promise<void> {
  await Deno.mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await Deno.writeFile(tmp, bytes);
    await Deno.rename(tmp, path);
  } catch (error) {
    await Deno.remove(tmp).catch(() => {});
    throw error;
  }
}

/** Write text to `path` atomically (UTF-8). */
export async function atomicWriteText(
  path: string,
  text: string,
): Promise<void> {
  await atomicWriteFile(path, new TextEncoder().encode(text));
}
