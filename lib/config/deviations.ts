/**
 * Every way a run departs from the reference code's parameters, so that
 * captions and the provenance file can say so.
 *
 * @module
 */
import type { Config } from "./schema.ts";
import { paperConfig } from "./profiles.ts";

/** One departure from the paper's setup. */
export interface Deviation {
  /** Dotted config path, or `method` for a fixed difference of method. */
  key: string;
  /** What the reference code uses. */
  paper: string;
  /** What this run uses. */
  used: string;
}

/** Differences of method that hold in every profile (paper.md 4.3, 10.3, G.12). */
const METHOD_DEVIATIONS: readonly Deviation[] = [
  {
    key: "method.rng",
    paper: "JAX threefry2x32 pair indices",
    used:
      "pure-rand xoroshiro128+ with the same seed (same distribution, other pairs)",
  },
  {
    key: "method.precision",
    paper: "float32 (JAX default)",
    used: "float64 kernels and solves",
  },
];

/** Config fields that do not change results, left out of the comparison. */
const IGNORED = new Set([
  "profile",
  "data.source",
  "data.mirrors",
  "data.dir",
  "figures",
]);

/**
 * The deviations of `config` from the reference code.
 *
 * @param config A validated configuration.
 * @returns Method deviations first, then one entry per differing field.
 */
export function deviationsFromPaper(config: Config): Deviation[] {
  const found: Deviation[] = [...METHOD_DEVIATIONS];
  compare(paperConfig(), config, "", found);
  return found;
}

function compare(
  paper: unknown,
  used: unknown,
  path: string,
  out: Deviation[],
) {
  if (IGNORED.has(path)) return;
  const isGroup = (v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (isGroup(paper) && isGroup(used)) {
    for (const key of Object.keys(paper as object)) {
      compare(
        (paper as Record<string, unknown>)[key],
        (used as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
        out,
      );
    }
    return;
  }
  if (JSON.stringify(paper) !== JSON.stringify(used)) {
    out.push({
      key: path,
      paper: JSON.stringify(paper),
      used: JSON.stringify(used),
    });
  }
}

/** Config sections every two-seed kernel experiment depends on. */
const SHARED_KERNEL_KEYS = ["seed", "pairs", "analysis"] as const;

/**
 * The deviations of `config` that bear on one experiment: the method
 * deviations, the shared pair and analysis settings, and the fields under
 * `keys` (dotted config paths such as `rotation` or `cnn.rotation.gap`).
 *
 * @param config A validated configuration.
 * @param keys Config paths the experiment depends on besides the shared ones.
 * @returns The matching subset of {@link deviationsFromPaper}, in its order.
 */
export function deviationsFor(
  config: Config,
  keys: readonly string[],
): Deviation[] {
  const prefixes = [...SHARED_KERNEL_KEYS, ...keys];
  return deviationsFromPaper(config).filter((d) =>
    d.key.startsWith("method.") ||
    prefixes.some((p) => d.key === p || d.key.startsWith(`${p}.`))
  );
}
