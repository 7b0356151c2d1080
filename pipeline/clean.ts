/**
 * `deno task clean`: shrink the cache to the entries the latest run of each
 * stage used. Entries of other profiles or parameters are removed and will
 * be recomputed when asked for again.
 *
 * @module
 */
import { join } from "node:path";
import { CacheStore } from "../lib/dag/cache_store.ts";
import { logLine } from "./_console.ts";
import { PROJECT_ROOT } from "./_project.ts";

if (Deno.args.length > 0) {
  logLine(
    `[clean] takes no arguments, got ${
      Deno.args.join(" ")
    }: it removes every cache entry that the latest run of its stage did not use, whatever the profile; run \`deno task clean\` alone`,
  );
  Deno.exit(2);
}
const cacheDir = Deno.env.get("SYMM_CACHE_DIR") ?? join(PROJECT_ROOT, ".cache");
const { entries, bytes, resumes } = await new CacheStore(cacheDir).prune();
logLine(
  `[clean] removed ${entries} cache entries (${
    (bytes / 2 ** 20).toFixed(0)
  } MiB); kept the ones the latest run of each stage used` +
    (resumes > 0
      ? ` and ${resumes} checkpoint folder(s) of unfinished training (.cache/<stage>/.resume-*), which the next run resumes from`
      : ""),
);
