/**
 * What a pipeline stage declares to the DAG runner.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";

/** Progress of one long loop, reported through {@link StageContext.progress}. */
export interface ProgressTicker {
  /**
   * Mark `count` more items done (default 1); `detail` (e.g. the current
   * model, epoch and loss) is shown with the next progress line.
   */
  tick(count?: number, detail?: string): void;
  /** Mark the loop finished. */
  done(): void;
}

/** What a running stage is given. */
export interface StageContext {
  /** The run's validated configuration. */
  config: Config;
  /** Project root folder (absolute path). */
  root: string;
  /** Empty folder to write this stage's outputs into. */
  outDir: string;
  /**
   * Folder for checkpoints of long work (training), kept when a run is
   * interrupted or fails so the next run with the same key resumes from
   * it, and removed once the entry is complete. Created on first use.
   */
  resumeDir: string;
  /** The output folder of an upstream stage named in `deps`. */
  input(stage: string): string;
  /** A one-line note for the log (sizes, headline numbers). */
  note(message: string): void;
  /** Progress over `total` items of work, labelled for the log. */
  progress(label: string, total: number): ProgressTicker;
}

/** A file of a stage's output copied to a user-visible place. */
export interface Publication {
  /** Path inside the stage's output folder. */
  from: string;
  /** Project-relative destination path. */
  to: string;
  /** Skip silently when the stage did not produce the file. */
  optional?: boolean;
}

/** One node of the DAG. */
export interface Stage {
  /** Unique name, also the `deno task` name. */
  name: string;
  /** One line for `deno task` and `--help`. */
  description: string;
  /** Upstream stage names. */
  deps: readonly string[];
  /** URL of the module that defines the stage; its import graph is hashed. */
  module: URL;
  /**
   * Project-relative files (not modules) whose contents the output depends
   * on, such as a LaTeX source; they are hashed into the key with the code.
   */
  sources?: readonly string[];
  /**
   * Versions of outside tools, or the backend and precision, the output
   * depends on (e.g. TeX; WebGPU or float64 JavaScript).
   */
  toolVersions?(config: Config): Promise<Record<string, string>>;
  /** The part of the configuration the stage's output depends on. */
  configSlice(config: Config): unknown;
  /** Run the stage, writing every output under `ctx.outDir`. */
  run(ctx: StageContext): Promise<void>;
  /**
   * Outputs to copy out of the cache into the project tree after each run;
   * `entryDir` is the stage's complete cache entry.
   */
  publish?(
    config: Config,
    entryDir: string,
  ): Publication[] | Promise<Publication[]>;
  /**
   * The folders of the published files belong to this stage alone: files
   * there that the current entry does not publish (left by a run with
   * other parameters) are removed after publishing.
   */
  ownsPublishedFolders?: boolean;
  /**
   * Extra check that a cached output is still usable (for outputs that live
   * outside the cache, like the verified MNIST files). Returns a reason when
   * the cache entry must not be trusted.
   */
  staleReason?(
    ctx: { config: Config; root: string; outDir: string },
  ): Promise<string | undefined>;
}
