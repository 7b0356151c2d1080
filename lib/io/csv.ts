/**
 * CSV with a header row for numeric result tables.
 *
 * Numbers are written with full float64 precision (shortest round-trip form),
 * so a table read back equals the values written.
 *
 * @module
 */

/**
 * Format rows as CSV text.
 *
 * @param rows Records holding a number (or string without commas) per column.
 * @param columns Column order; also the header.
 */
export function formatCsv<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
): string {
  const lines = [columns.join(",")];
  for (const row of rows) {
    lines.push(columns.map((c) => String(row[c])).join(","));
  }
  return lines.join("\n") + "\n";
}

/**
 * Parse CSV text written by {@link formatCsv} into numeric records.
 *
 * @param columns The columns the caller needs; each must be in the header.
 * @throws {Error} for a missing column, a short row or a non-numeric cell,
 * naming `source` and the line.
 */
export function parseNumericCsv<K extends string>(
  text: string,
  columns: readonly K[],
  source: string,
): Record<K, number>[] {
  const lines = text.split("\n").filter((line) => line.length > 0);
  const header = (lines[0] ?? "").split(",");
  const positions = columns.map((column) => {
    const at = header.indexOf(column);
    if (at < 0) {
      throw new Error(
        `${source}: expected a column "${column}" in the header, found ${
          header.join(",")
        }; rerun the stage that wrote it`,
      );
    }
    return at;
  });
  return lines.slice(1).map((line, i) => {
    const cells = line.split(",");
    const record = {} as Record<K, number>;
    columns.forEach((column, j) => {
      const value = Number(cells[positions[j]]);
      const cell = cells[positions[j]];
      if (
        cells.length !== header.length ||
        (Number.isNaN(value) && cell !== "NaN")
      ) {
        throw new Error(
          `${source}, line ${
            i + 2
          }: expected ${header.length} numeric cells, found "${line}"`,
        );
      }
      record[column] = value;
    });
    return record;
  });
}

/**
 * Parse CSV text with a header into records of strings, one per line.
 *
 * @throws {Error} for a line with another number of cells than the header,
 * naming `source` and the line.
 */
export function parseCsvRecords(
  text: string,
  source: string,
): Record<string, string>[] {
  const lines = text.split("\n").filter((line) => line.length > 0);
  const header = (lines[0] ?? "").split(",");
  return lines.slice(1).map((line, i) => {
    const cells = line.split(",");
    if (cells.length !== header.length) {
      throw new Error(
        `${source}, line ${
          i + 2
        }: expected ${header.length} cells, found "${line}"`,
      );
    }
    return Object.fromEntries(header.map((name, j) => [name, cells[j]]));
  });
}
