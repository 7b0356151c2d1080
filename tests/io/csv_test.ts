import assert from "node:assert/strict";
import { formatCsv, parseNumericCsv } from "../../lib/io/csv.ts";

Deno.test("formatCsv() and parseNumericCsv() round-trip float64 values exactly", () => {
  const rows = [
    { n: 8, error: 0.1 + 0.2, tiny: 1.7954e-300 },
    { n: 64, error: Number.NaN, tiny: -Math.PI },
  ];
  const text = formatCsv(rows, ["n", "error", "tiny"]);
  assert.equal(text.split("\n")[0], "n,error,tiny");
  const back = parseNumericCsv(text, ["tiny", "n", "error"], "x.csv");
  assert.equal(back[0].error, 0.1 + 0.2);
  assert.equal(back[0].tiny, 1.7954e-300);
  assert.ok(Number.isNaN(back[1].error));
  assert.equal(back[1].tiny, -Math.PI);
});

Deno.test("parseNumericCsv() names the file, line and problem", () => {
  assert.throws(
    () => parseNumericCsv("a,b\n1,2\n", ["c"], "r.csv"),
    /r\.csv: expected a column "c" in the header, found a,b/,
  );
  assert.throws(
    () => parseNumericCsv("a,b\n1,2\n3,x\n", ["a", "b"], "r.csv"),
    /r\.csv, line 3: expected 2 numeric cells, found "3,x"/,
  );
  assert.throws(
    () => parseNumericCsv("a,b\n1\n", ["a"], "r.csv"),
    /line 2: expected 2 numeric cells/,
  );
});
