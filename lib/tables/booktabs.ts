/**
 * LaTeX tables in the booktabs style (`\toprule`, `\midrule`, `\bottomrule`).
 *
 * @module
 */

/** One column of a {@link booktabsTable}. */
export interface TableColumn<T> {
  /** Header cell, LaTeX source. */
  header: string;
  /** `l`, `c` or `r`. */
  align: "l" | "c" | "r";
  /** The cell of a row, LaTeX source. */
  cell(row: T): string;
}

/** Options of {@link booktabsTable}. */
export interface BooktabsTableOptions<T> {
  columns: readonly TableColumn<T>[];
  /** Caption, LaTeX source (escape plain text with {@link escapeLatex}). */
  caption: string;
  /** `\label` of the table. */
  label: string;
}

/** A complete `table` environment for `rows`. */
export function booktabsTable<T>(
  rows: readonly T[],
  options: BooktabsTableOptions<T>,
): string {
  const { columns } = options;
  const line = (cells: string[]) => `    ${cells.join(" & ")} \\\\`;
  return [
    "\\begin{table}[htbp]",
    "  \\centering",
    `  \\caption{${options.caption}}`,
    `  \\label{${options.label}}`,
    `  \\begin{tabular}{${columns.map((c) => c.align).join("")}}`,
    "    \\toprule",
    line(columns.map((c) => c.header)),
    "    \\midrule",
    ...rows.map((row) => line(columns.map((c) => c.cell(row)))),
    "    \\bottomrule",
    "  \\end{tabular}",
    "\\end{table}",
    "",
  ].join("\n");
}

const LATEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  "$": "\\$",
  "#": "\\#",
  "_": "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Plain text made safe for LaTeX. */
export function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (ch) => LATEX_SPECIALS[ch]);
}

/**
 * A number for a table cell: `digits` significant digits (trailing zeros
 * kept), scientific notation (`1.20\times10^{-4}`) outside
 * [1e-3, 10^digits), `--` for NaN.
 */
export function formatNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return "--";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 10 ** digits) {
    return value.toPrecision(digits);
  }
  const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
  return `$${mantissa}\\times10^{${Number(exponent)}}$`;
}
