/**
 * Writing figures into a stage's output folder (SVG and PNG side by side)
 * and publishing them from an `index.json` that lists every file.
 *
 * @module
 */
import { join } from "node:path";
import type { Publication } from "../../lib/dag/stage.ts";
import { svgToPng } from "../../lib/plot/render.ts";

/** Collects the figure files a stage writes, for its `index.json`. */
export class FigureWriter {
  /** Entry-relative paths written so far. */
  readonly files: string[] = [];

  constructor(
    private readonly outDir: string,
    private readonly pngScale: number,
  ) {}

  /** Write `<base>.svg` and `<base>.png` (base is entry-relative, no extension). */
  async save(base: string, svg: string): Promise<void> {
    await Deno.mkdir(join(this.outDir, base, ".."), { recursive: true });
    await Deno.writeTextFile(join(this.outDir, `${base}.svg`), svg);
    await Deno.writeFile(
      join(this.outDir, `${base}.png`),
      svgToPng(svg, { scale: this.pngScale }),
    );
    this.files.push(`${base}.svg`, `${base}.png`);
  }

  /** Write `index.json` with the files and any extra fields. */
  async writeIndex(extra: Record<string, unknown> = {}): Promise<void> {
    await Deno.writeTextFile(
      join(this.outDir, "index.json"),
      JSON.stringify({ ...extra, files: this.files }, null, 2),
    );
  }
}

/** The files listed in an entry's `index.json`, published under `figures/`. */
export async function publishFigures(entryDir: string): Promise<Publication[]> {
  const index = JSON.parse(
    await Deno.readTextFile(join(entryDir, "index.json")),
  ) as { files: string[] };
  return index.files.map((file) => ({ from: file, to: `figures/${file}` }));
}
