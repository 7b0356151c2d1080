/**
 * Renders Figure 4 (N = 8) and the summary figure from synthetic rows to
 * /tmp/fig_preview/*.png and *.svg for visual inspection. Not a test:
 * `deno run -A tests/figures/preview.ts`.
 */
import { figure4 } from "../../lib/figures/fig4.ts";
import { summaryFigure } from "../../lib/figures/summary.ts";
import { svgToPng } from "../../lib/plot/render.ts";
import { syntheticRows } from "./_synthetic.ts";

const outDir = "/tmp/fig_preview";
Deno.mkdirSync(outDir, { recursive: true });

function save(name: string, svg: string): void {
  Deno.writeTextFileSync(`${outDir}/${name}.svg`, svg);
  Deno.writeFileSync(`${outDir}/${name}.png`, svgToPng(svg, { scale: 2 }));
  // deno-lint-ignore no-console -- a script: report where each file went
  console.log(
    `${outDir}/${name}.png (${(svg.length / 1024).toFixed(0)} kB svg)`,
  );
}

save("fig4_n8", figure4(syntheticRows(8, 512, 1), { n: 8 }));

const ns = [2, 4, 8, 16, 32, 64];
const rowsByN = new Map(
  ns.map((n, k) => [n, syntheticRows(n, 512, 10 + k)] as const),
);
save("summary", summaryFigure(rowsByN, { title: "1HL MLP NTK, rotations" }));
