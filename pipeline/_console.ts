/**
 * The one place the pipeline prints: stage decisions, notes, timings and
 * progress. On a terminal progress redraws one line (done/total, rate,
 * ETA); otherwise it prints a plain line every few seconds.
 *
 * @module
 */
import type { DagReporter } from "../lib/dag/runner.ts";
import type { EntryManifest } from "../lib/dag/cache_store.ts";
import type { ProgressTicker, Stage } from "../lib/dag/stage.ts";

const PLAIN_INTERVAL_MS = 5000;
const TTY_INTERVAL_MS = 200;
const encoder = new TextEncoder();
const isTerminal = Deno.stderr.isTerminal();

/** Print one log line to stderr (stdout stays free for `--json` output). */
export function logLine(message: string): void {
  Deno.stderr.writeSync(encoder.encode(message + "\n"));
}

/** Print a result line to stdout (reports, `--json` output). */
export function printResult(text: string): void {
  Deno.stdout.writeSync(encoder.encode(text + "\n"));
}

/** Options of {@link consoleReporter}. */
export interface ConsoleReporterOptions {
  /** Stages whose cache hits are reported; others are reported only when they run. */
  verboseStages: ReadonlySet<string>;
}

/** A {@link DagReporter} that prints to stderr. */
export function consoleReporter(options: ConsoleReporterOptions): DagReporter {
  return {
    cached(stage: Stage, manifest: EntryManifest) {
      if (!options.verboseStages.has(stage.name)) return;
      logLine(
        `[${stage.name}] cached (key ${manifest.key.slice(0, 10)}, built ${
          manifest.builtAt.slice(0, 19).replace("T", " ")
        } in ${formatSeconds(manifest.seconds)})`,
      );
    },
    running(stage: Stage, reason: string) {
      logLine(`[${stage.name}] running: ${reason}`);
    },
    finished(stage: Stage, seconds: number) {
      logLine(`[${stage.name}] done in ${formatSeconds(seconds)}`);
    },
    note(stage: Stage, message: string) {
      logLine(`[${stage.name}] ${message}`);
    },
    progress(stage: Stage, label: string, total: number) {
      return progressTicker(`[${stage.name}] ${label}`, total);
    },
  };
}

/** Progress over `total` items, printed as done/total, rate and ETA. */
export function progressTicker(label: string, total: number): ProgressTicker {
  const start = performance.now();
  let done = 0;
  let lastPrint = start;
  let latest = "";

  const line = () => {
    const seconds = (performance.now() - start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    return `${label} ${done}/${total} (${rate.toFixed(1)}/s, ETA ${
      formatSeconds(eta)
    })${latest ? ` ${latest}` : ""}`;
  };
  const print = (final: boolean) => {
    if (isTerminal) {
      Deno.stderr.writeSync(
        encoder.encode(`\r\x1b[2K${line()}${final ? "\n" : ""}`),
      );
    } else {
      logLine(line());
    }
  };

  return {
    tick(count = 1, detail?: string) {
      done += count;
      if (detail !== undefined) latest = detail;
      const now = performance.now();
      if (
        now - lastPrint >= (isTerminal ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)
      ) {
        lastPrint = now;
        print(false);
      }
    },
    done() {
      if (isTerminal || performance.now() - start >= PLAIN_INTERVAL_MS) {
        print(true);
      }
    },
  };
}

/** Seconds as `850 ms`, `12.3 s` or `4 min 05 s`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${
    String(Math.round(seconds % 60)).padStart(2, "0")
  } s`;
}
