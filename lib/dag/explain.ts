/**
 * Say in one line why a stage's key differs from the one its previous run
 * used: which files, versions, config fields or upstream stages changed.
 *
 * @module
 */
import type { KeyComponents } from "./cache_store.ts";
import { canonicalJson } from "./canonical_json.ts";

const MAX_ITEMS = 4;

/**
 * A short reason naming what changed between two key components.
 *
 * @param previous Components of the entry the previous run used, if any.
 * @param current Components of the key about to be built.
 */
export function explainChange(
  previous: KeyComponents | undefined,
  current: KeyComponents,
): string {
  if (!previous) return "no earlier run in the cache";
  const parts: string[] = [];

  const config = diffLeaves(previous.config, current.config, "");
  if (config.length > 0) parts.push(`config changed: ${list(config)}`);

  const inputs = changedKeys(previous.inputs, current.inputs);
  if (inputs.length > 0) parts.push(`input changed: ${list(inputs)}`);

  const code = changedKeys(previous.code, current.code);
  if (code.length > 0) parts.push(`code changed: ${list(code)}`);

  const versions = changedKeys(previous.versions, current.versions).map(
    (name) =>
      `${name} ${previous.versions[name] ?? "-"} -> ${
        current.versions[name] ?? "-"
      }`,
  );
  if (versions.length > 0) parts.push(`versions changed: ${list(versions)}`);

  return parts.length > 0
    ? parts.join("; ")
    : "its cache entry is missing, incomplete or damaged";
}

function changedKeys(
  a: Record<string, string>,
  b: Record<string, string>,
): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => a[key] !== b[key]).sort();
}

function diffLeaves(a: unknown, b: unknown, path: string): string[] {
  const isGroup = (v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (isGroup(a) && isGroup(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
    return keys.flatMap((key) =>
      diffLeaves(ra[key], rb[key], path ? `${path}.${key}` : key)
    );
  }
  if (canonicalJson(a) === canonicalJson(b)) return [];
  return [`${path || "(all)"} ${short(a)} -> ${short(b)}`];
}

function short(value: unknown): string {
  const text = value === undefined ? "-" : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function list(items: string[]): string {
  const shown = items.slice(0, MAX_ITEMS).join(", ");
  const more = items.length - MAX_ITEMS;
  return more > 0 ? `${shown} (+${more} more)` : shown;
}
