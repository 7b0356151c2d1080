import assert from "node:assert/strict";
import {
  booktabsTable,
  escapeLatex,
  formatNumber,
} from "../../lib/tables/booktabs.ts";

Deno.test("formatNumber() keeps significant trailing zeros", () => {
  assert.equal(formatNumber(0.9), "0.900");
  assert.equal(formatNumber(1), "1.00");
  assert.equal(formatNumber(0.07494), "0.0749");
  assert.equal(formatNumber(512), "512");
});

Deno.test("formatNumber() switches to scientific notation outside [1e-3, 1e3)", () => {
  assert.equal(formatNumber(1.7954e-4), "$1.80\\times10^{-4}$");
  assert.equal(formatNumber(-12345), "$-1.23\\times10^{4}$");
  assert.equal(formatNumber(Number.NaN), "--");
  assert.equal(formatNumber(0), "0");
});

Deno.test("escapeLatex() escapes every LaTeX special character", () => {
  assert.equal(
    escapeLatex("pairs.nPairs_x: 50% & $1 #2 {a} ~^\\"),
    "pairs.nPairs\\_x: 50\\% \\& \\$1 \\#2 \\{a\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}",
  );
});

Deno.test("booktabsTable() writes one row per record between the rules", () => {
  const tex = booktabsTable([{ n: 2, e: 0.5 }, { n: 4, e: 0.25 }], {
    caption: "Errors",
    label: "tab:x",
    columns: [
      { header: "$N$", align: "r", cell: (r) => String(r.n) },
      { header: "error", align: "l", cell: (r) => formatNumber(r.e) },
    ],
  });
  const lines = tex.split("\n").map((l) => l.trim());
  const body = lines.slice(
    lines.indexOf("\\midrule") + 1,
    lines.indexOf("\\bottomrule"),
  );
  assert.deepEqual(body, ["2 & 0.500 \\\\", "4 & 0.250 \\\\"]);
  assert.ok(lines.includes("\\begin{tabular}{rl}"));
  assert.ok(lines.includes("\\caption{Errors}"));
  assert.ok(lines.includes("\\label{tab:x}"));
});
