/**
 * Reading the `pairs.csv` of an analysis entry back into typed rows.
 *
 * @module
 */
import { join } from "node:path";
import {
  PAIR_RESULT_COLUMNS,
  type PairResult,
} from "../../lib/analysis/pair_result.ts";
import { parseNumericCsv } from "../../lib/io/csv.ts";

/** The rows of `<entryDir>/pairs.csv`. */
export async function readPairResults(entryDir: string): Promise<PairResult[]> {
  const path = join(entryDir, "pairs.csv");
  return parseNumericCsv(
    await Deno.readTextFile(path),
    PAIR_RESULT_COLUMNS,
    path,
  );
}
