/**
 * The code part of a stage's cache key: every local module the stage's
 * module reaches through value imports, hashed file by file, plus the
 * import-map targets (pinned npm versions) of the bare specifiers it uses.
 *
 * Type-only imports are skipped: they cannot change what a stage computes.
 *
 * @module
 */
import { sha256Hex } from "../io/sha256.ts";

/** What a module graph's code depends on. */
export interface CodeFingerprint {
  /** Project-relative path → SHA-256 of the file's text, sorted by path. */
  files: Record<string, string>;
  /** Bare specifier → import-map target (for example `npm:zod@4.1.12`). */
  packages: Record<string, string>;
}

/** Options of {@link codeFingerprint}. */
export interface CodeFingerprintOptions {
  /** Project root; paths in the result are relative to it. */
  root: URL;
  /** The `imports` map of deno.json. */
  importMap: Record<string, string>;
}

const IMPORT_PATTERN =
  /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/**
 * Fingerprint the module graph that starts at `entry`.
 *
 * @param entry File URL of the stage module.
 * @throws {Error} when a local import points to a missing file.
 */
export async function codeFingerprint(
  entry: URL,
  options: CodeFingerprintOptions,
): Promise<CodeFingerprint> {
  const files: Record<string, string> = {};
  const packages: Record<string, string> = {};
  const pending = [entry.href];
  const seen = new Set<string>();

  while (pending.length > 0) {
    const href = pending.pop()!;
    if (seen.has(href)) continue;
    seen.add(href);
    const relative = href.slice(options.root.href.length);

    const text = await Deno.readTextFile(new URL(href));
    files[relative] = await sha256Hex(text);
    for (const match of text.matchAll(IMPORT_PATTERN)) {
      if (match[2]) continue; // `import type` / `export type`
      const specifier = match[3] ?? match[4];
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        pending.push(new URL(specifier, href).href);
      } else {
        const bare = Object.keys(options.importMap).find((key) =>
          specifier === key || specifier.startsWith(key + "/")
        );
        packages[specifier] = bare ? options.importMap[bare] : specifier;
      }
    }
  }
  return { files: sortKeys(files), packages: sortKeys(packages) };
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => a.localeCompare(b)),
  );
}
