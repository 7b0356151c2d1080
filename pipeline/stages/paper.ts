/**
 * Stage `paper`: compile `paper/main.tex` with the generated tables and
 * figures into `paper/main.pdf` (latexmk + pdflatex). Where TeX is not
 * installed the stage says so and records that no PDF was built; the rest
 * of the pipeline is unaffected, and installing TeX reruns it.
 *
 * Inputs: every figure stage, `tables`, `provenance`. Sources:
 * `paper/main.tex`. Output: `main.pdf`, published to `paper/main.pdf`.
 *
 * @module
 */
import { join } from "node:path";
import type { Stage } from "../../lib/dag/stage.ts";
import { escapeLatex } from "../../lib/tables/booktabs.ts";
import { KERNEL_EXPERIMENTS, type KernelExperiment } from "./experiments.ts";
import {
  EXPERIMENT_FIGURE_STAGES,
  figureFolder,
  type FigureIndex,
} from "./figures.ts";

/** The figure stages whose PNGs the paper includes. */
const FIGURE_STAGES = [
  ...EXPERIMENT_FIGURE_STAGES.map((stage) => stage.name),
  "figures-theory",
  "figures-dihedral",
  "figures-fig1",
];

const TEX_PACKAGES =
  "texlive-latex-base texlive-latex-recommended texlive-fonts-recommended latexmk";

export const paperStage: Stage = {
  name: "paper",
  description: "Compile paper/main.pdf from the generated figures and tables",
  deps: [...FIGURE_STAGES, "tables", "provenance"],
  module: new URL(import.meta.url),
  sources: ["paper/main.tex"],
  toolVersions: async () => ({
    latexmk: await commandVersion("latexmk"),
    pdflatex: await commandVersion("pdflatex"),
  }),
  configSlice: (config) => ({
    focusN: config.rotation.focusN,
    shiftFocusN: config.shift.focusN,
  }),
  publish: () => [{ from: "main.pdf", to: "paper/main.pdf", optional: true }],

  async run(ctx) {
    const build = await Deno.makeTempDir({ prefix: "paper-build-" });
    try {
      const generated = join(build, "generated");
      await Deno.mkdir(join(generated, "tables"), { recursive: true });
      await Deno.copyFile(
        join(ctx.root, "paper/main.tex"),
        join(build, "main.tex"),
      );
      await Deno.copyFile(
        join(ctx.input("provenance"), "provenance.tex"),
        join(generated, "provenance.tex"),
      );
      for await (
        const table of Deno.readDir(join(ctx.input("tables"), "tables"))
      ) {
        await Deno.copyFile(
          join(ctx.input("tables"), "tables", table.name),
          join(generated, "tables", table.name),
        );
      }
      for (const stage of FIGURE_STAGES) {
        const entry = ctx.input(stage);
        const index = JSON.parse(
          await Deno.readTextFile(join(entry, "index.json")),
        ) as { files: string[] };
        for (const file of index.files.filter((f) => f.endsWith(".png"))) {
          await Deno.mkdir(join(generated, "figures", file, ".."), {
            recursive: true,
          });
          await Deno.copyFile(
            join(entry, file),
            join(generated, "figures", file),
          );
        }
      }
      for (const experiment of KERNEL_EXPERIMENTS) {
        const folder = figureFolder(experiment);
        const index = JSON.parse(
          await Deno.readTextFile(
            join(ctx.input(`figures-${folder}`), "index.json"),
          ),
        ) as FigureIndex;
        await Deno.writeTextFile(
          join(generated, `${folder}_by_n.tex`),
          perOrbitSizeFigures(folder, experiment, index),
        );
      }
      await Deno.writeTextFile(
        join(generated, "focus.tex"),
        `\\newcommand{\\focusN}{${ctx.config.rotation.focusN}}\n` +
          `\\newcommand{\\shiftFocusN}{${ctx.config.shift.focusN}}\n`,
      );

      if (await commandVersion("latexmk") === "absent") {
        ctx.note(
          `TeX is not installed: paper/main.pdf was not built. Install it ` +
            `with \`apt-get install ${TEX_PACKAGES}\` and rerun; the ` +
            `figures and tables are complete.`,
        );
        await Deno.writeTextFile(
          join(ctx.outDir, "NO_TEX.txt"),
          TEX_PACKAGES + "\n",
        );
        return;
      }
      const latex = await new Deno.Command("latexmk", {
        args: [
          "-pdf",
          "-interaction=nonstopmode",
          "-halt-on-error",
          "main.tex",
        ],
        cwd: build,
        stdout: "piped",
        stderr: "piped",
      }).output();
      if (!latex.success) {
        const log = await Deno.readTextFile(join(build, "main.log")).catch(() =>
          ""
        );
        throw new Error(
          `latexmk failed on paper/main.tex (exit ${latex.code}); the end of main.log:\n${
            log.split("\n").slice(-25).join("\n")
          }`,
        );
      }
      await Deno.copyFile(
        join(build, "main.pdf"),
        join(ctx.outDir, "main.pdf"),
      );
      const pages = (await Deno.readTextFile(join(build, "main.log")))
        .match(/Output written on main\.pdf \((\d+) pages?/)?.[1];
      ctx.note(`paper/main.pdf: ${pages ?? "?"} pages`);
    } finally {
      await Deno.remove(build, { recursive: true });
    }
  },
};

/** LaTeX for the per-N figure pages of one experiment. */
function perOrbitSizeFigures(
  folder: string,
  experiment: KernelExperiment,
  index: FigureIndex,
): string {
  const what = experiment.transform === "rotate" ? "rotation" : "shift";
  return index.sizes.map((n) =>
    [
      "\\begin{sidewaysfigure}",
      "  \\centering",
      `  \\includegraphics[width=\\textwidth]{generated/figures/${folder}/fig4_N${n}.png}`,
      `  \\caption{${escapeLatex(experiment.title)}, ${what} orbits of size ` +
      `$N=${n}$: panels B--E as in Figure~\\ref{fig:fig4}.}`,
      "\\end{sidewaysfigure}",
      "",
    ].join("\n")
  ).join("\n");
}

async function commandVersion(command: string): Promise<string> {
  try {
    const out = await new Deno.Command(command, {
      args: ["--version"],
      stdout: "piped",
      stderr: "null",
    }).output();
    return new TextDecoder().decode(out.stdout).split("\n")[0].trim();
  } catch {
    return "absent";
  }
}
