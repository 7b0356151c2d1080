/**
 * Content-addressed store of stage outputs under `<cacheDir>/<stage>/<key>/`.
 *
 * An entry is built in a temporary sibling folder and renamed into place
 * only once complete, with `manifest.json` written last inside it, so an
 * interrupted run (Ctrl-C, a kill, an exception) never leaves an entry that
 * a later run trusts.
 *
 * @module
 */
import { join } from "node:path";
import { sha256Hex } from "../io/sha256.ts";

/** What produced an entry: the parts its key was hashed from. */
export interface KeyComponents {
  /** Project-relative path → SHA-256, for every module in the stage's graph. */
  code: Record<string, string>;
  /** Pinned package versions and runtime version. */
  versions: Record<string, string>;
  /** The stage's slice of the configuration. */
  config: unknown;
  /** Upstream stage name → the output hash of its entry. */
  inputs: Record<string, string>;
}

/** The manifest stored with every complete entry. */
export interface EntryManifest {
  stage: string;
  key: string;
  components: KeyComponents;
  /** ISO time the entry was completed. */
  builtAt: string;
  /** Wall time of the run that built it, in seconds. */
  seconds: number;
  /** Relative path → size in bytes of every output file. */
  files: Record<string, number>;
  /**
   * Relative path → modification time (ms since the epoch) of every output
   * file when the entry was sealed: a file whose time still matches is
   * taken as unchanged; any other is checked against `outputHash`.
   */
  mtimes?: Record<string, number>;
  /**
   * SHA-256 over every output file's path and content. Downstream keys use
   * it rather than this entry's key, so a stage that reruns and writes the
   * same bytes leaves its dependents cached.
   */
  outputHash: string;
}

const MANIFEST = "manifest.json";

/** The store rooted at one cache folder. */
export class CacheStore {
  constructor(readonly dir: string) {}

  /** Folder of a complete or future entry. */
  entryDir(stage: string, key: string): string {
    return join(this.dir, stage, key);
  }

  /**
   * Whether a sealed entry exists for `key`, damaged or not (its manifest
   * is there), so that a failed {@link lookup} can be told apart from a
   * key never built.
   */
  async isSealed(stage: string, key: string): Promise<boolean> {
    const info = await Deno.stat(join(this.entryDir(stage, key), MANIFEST))
      .catch(() => undefined);
    return info?.isFile ?? false;
  }

  /**
   * The manifest of a complete, undamaged entry, else undefined. Every
   * file must be present with its size; when a file's modification time
   * differs from the sealed one (an edit, a copy without times), the
   * entry's content hash is recomputed and must equal `outputHash`.
   */
  async lookup(stage: string, key: string): Promise<EntryManifest | undefined> {
    const dir = this.entryDir(stage, key);
    let manifest: EntryManifest;
    try {
      manifest = JSON.parse(await Deno.readTextFile(join(dir, MANIFEST)));
    } catch {
      return undefined;
    }
    let touched = false;
    for (const [file, size] of Object.entries(manifest.files)) {
      const info = await Deno.stat(join(dir, file)).catch(() => undefined);
      if (!info || info.size !== size) return undefined;
      const sealed = manifest.mtimes?.[file];
      if (sealed === undefined || info.mtime?.getTime() !== sealed) {
        touched = true;
      }
    }
    if (touched) {
      const hash = await outputHashOf(dir, Object.keys(manifest.files));
      if (hash !== manifest.outputHash) return undefined;
    }
    return manifest;
  }

  /** Checkpoint folder of the build of entry `key` (see StageContext.resumeDir). */
  resumeDir(stage: string, key: string): string {
    return join(this.dir, stage, `.resume-${key}`);
  }

  /** A fresh temporary folder in which an entry of `stage` is built. */
  async beginEntry(stage: string): Promise<string> {
    const parent = join(this.dir, stage);
    await Deno.mkdir(parent, { recursive: true });
    return await Deno.makeTempDir({ dir: parent, prefix: `.tmp-${Deno.pid}-` });
  }

  /**
   * Delete the temporary folders of `stage` left by processes that are no
   * longer running (a run killed with SIGKILL cannot clean up after itself).
   * Only where `/proc` shows which processes run; elsewhere it does nothing.
   */
  async sweepAbandoned(stage: string): Promise<void> {
    if (!await Deno.stat("/proc/self").catch(() => undefined)) return;
    const parent = join(this.dir, stage);
    const entries = await Array.fromAsync(Deno.readDir(parent)).catch(() => []);
    for (const entry of entries) {
      const pid = entry.name.match(/^\.tmp-(\d+)-/)?.[1];
      if (!pid || await Deno.stat(`/proc/${pid}`).catch(() => undefined)) {
        continue;
      }
      await Deno.remove(join(parent, entry.name), { recursive: true })
        .catch(() => {});
    }
  }

  /**
   * Seal a built folder as the entry `key`: list its files, write the
   * manifest last, then rename the folder into place.
   */
  async commitEntry(
    tmpDir: string,
    manifest: Omit<EntryManifest, "files" | "outputHash">,
  ): Promise<EntryManifest> {
    const files = await listFiles(tmpDir);
    const outputHash = await outputHashOf(tmpDir, Object.keys(files));
    const mtimes: Record<string, number> = {};
    for (const file of Object.keys(files)) {
      const mtime = (await Deno.stat(join(tmpDir, file))).mtime;
      if (mtime) mtimes[file] = mtime.getTime();
    }
    const full: EntryManifest = { ...manifest, files, mtimes, outputHash };
    await Deno.writeTextFile(
      join(tmpDir, MANIFEST),
      JSON.stringify(full, null, 2),
    );
    const dest = this.entryDir(manifest.stage, manifest.key);
    await Deno.remove(dest, { recursive: true }).catch(() => {});
    await Deno.rename(tmpDir, dest);
    return full;
  }

  /** Remove a temporary folder left by a failed build. */
  async abandon(tmpDir: string): Promise<void> {
    await Deno.remove(tmpDir, { recursive: true }).catch(() => {});
  }

  /** Record which entry the latest run of `stage` used (for "why" messages). */
  async setLatest(stage: string, key: string): Promise<void> {
    const path = join(this.dir, stage, "latest");
    const tmp = `${path}.tmp-${crypto.randomUUID()}`;
    await Deno.writeTextFile(tmp, key);
    await Deno.rename(tmp, path);
  }

  /**
   * The manifest of the entry the previous run of `stage` used, if any,
   * even when that entry has since been damaged (it only explains changes).
   */
  async latest(stage: string): Promise<EntryManifest | undefined> {
    try {
      const key = await Deno.readTextFile(join(this.dir, stage, "latest"));
      const dir = this.entryDir(stage, key.trim());
      return JSON.parse(await Deno.readTextFile(join(dir, MANIFEST)));
    } catch {
      return undefined;
    }
  }

  /**
   * Remove every entry of every stage except the one its latest run used
   * (and temporary folders of dead processes). Checkpoint folders of
   * unfinished builds (`.resume-*`) are kept, so an interrupted training
   * run still resumes.
   *
   * @returns The number of entries removed, the bytes freed and the
   * checkpoint folders kept.
   */
  async prune(): Promise<{ entries: number; bytes: number; resumes: number }> {
    let entries = 0;
    let bytes = 0;
    let resumes = 0;
    const stages = await Array.fromAsync(Deno.readDir(this.dir)).catch(
      () => [],
    );
    for (const stage of stages.filter((e) => e.isDirectory)) {
      await this.sweepAbandoned(stage.name);
      const latest =
        (await Deno.readTextFile(join(this.dir, stage.name, "latest"))
          .catch(() => "")).trim();
      for await (const entry of Deno.readDir(join(this.dir, stage.name))) {
        if (entry.isDirectory && entry.name.startsWith(".resume-")) {
          resumes++;
          continue;
        }
        if (
          !entry.isDirectory || entry.name === latest ||
          entry.name.startsWith(".tmp-")
        ) {
          continue;
        }
        const path = join(this.dir, stage.name, entry.name);
        bytes += Object.values(await listFiles(path)).reduce(
          (a, b) => a + b,
          0,
        );
        await Deno.remove(path, { recursive: true });
        entries++;
      }
    }
    return { entries, bytes, resumes };
  }
}

/** SHA-256 over the sorted `path:sha256(content)` lines of `files` in `dir`. */
async function outputHashOf(dir: string, files: string[]): Promise<string> {
  const digests: string[] = [];
  for (const file of [...files].sort()) {
    digests.push(
      `${file}:${await sha256Hex(await Deno.readFile(join(dir, file)))}`,
    );
  }
  return await sha256Hex(digests.join("\n"));
}

async function listFiles(
  dir: string,
  prefix = "",
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for await (const entry of Deno.readDir(join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory) {
      Object.assign(out, await listFiles(dir, rel));
    } else if (entry.isFile && rel !== MANIFEST) {
      out[rel] = (await Deno.stat(join(dir, rel))).size;
    }
  }
  return out;
}
