/**
 * Stages of the theory figures: `figures-theory` (Figure 2, the spectrum
 * sketch, and Figure 3, the toy-model sweeps; paper.md 7.3, 7.4) and
 * `figures-dihedral` (the group-Fourier error against the direct one for
 * D_4 and C_4 orbits of MNIST pairs; paper.md 3.6).
 *
 * Outputs: `theory/fig2`, `theory/fig3_case1`, `theory/fig3_case2` and
 * `dihedral/agreement` (SVG and PNG), published under `figures/`.
 *
 * @module
 */
import { join } from "node:path";
import type { Stage } from "../../lib/dag/stage.ts";
import { figure2 } from "../../lib/figures/fig2.ts";
import { figure3Case1, figure3Case2 } from "../../lib/figures/fig3.ts";
import {
  groupAgreementFigure,
  type GroupAgreementRow,
} from "../../lib/figures/group_agreement.ts";
import { parseNumericCsv } from "../../lib/io/csv.ts";
import { DIHEDRAL_GROUPS } from "./dihedral.ts";
import { FigureWriter, publishFigures } from "./_figure_files.ts";

export const theoryFiguresStage: Stage = {
  name: "figures-theory",
  description: "Figures 2 and 3: the toy model's spectrum and error sweeps",
  deps: ["toy"],
  module: new URL(import.meta.url),
  configSlice: (config) => config.figures,
  ownsPublishedFolders: true,
  publish: (_config, entryDir) => publishFigures(entryDir),

  async run(ctx) {
    const read = async <K extends string>(file: string, columns: K[]) => {
      const path = join(ctx.input("toy"), file);
      return parseNumericCsv(await Deno.readTextFile(path), columns, path);
    };
    const writer = new FigureWriter(ctx.outDir, ctx.config.figures.pngScale);
    await writer.save("theory/fig2", figure2());
    await writer.save(
      "theory/fig3_case1",
      figure3Case1(await read("case1.csv", ["delta", "exact", "spectral"])),
    );
    await writer.save(
      "theory/fig3_case2",
      figure3Case2(await read("case2.csv", ["n", "exact", "spectral"])),
    );
    await writer.writeIndex();
  },
};

export const dihedralFiguresStage: Stage = {
  name: "figures-dihedral",
  description: "Group-Fourier against direct LOO error for D4 and C4 orbits",
  deps: ["dihedral"],
  module: new URL(import.meta.url),
  configSlice: (config) => config.figures,
  ownsPublishedFolders: true,
  publish: (_config, entryDir) => publishFigures(entryDir),

  async run(ctx) {
    const rows: GroupAgreementRow[] = [];
    for (const { group, file } of DIHEDRAL_GROUPS) {
      const path = join(ctx.input("dihedral"), file);
      const parsed = parseNumericCsv(
        await Deno.readTextFile(path),
        ["a", "b", "exact", "spectral", "correct"],
        path,
      );
      rows.push(...parsed.map((row) => ({ group, ...row })));
    }
    const writer = new FigureWriter(ctx.outDir, ctx.config.figures.pngScale);
    await writer.save("dihedral/agreement", groupAgreementFigure(rows));
    await writer.writeIndex();
  },
};
