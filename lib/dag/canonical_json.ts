/**
 * Canonical JSON for cache keys.
 *
 * @module
 */

/**
 * JSON with object keys sorted at every level, so that equal values always
 * serialise (and hash) the same way.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]),
    );
  });
}
