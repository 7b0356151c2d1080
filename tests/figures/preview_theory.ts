/**
 * Renders Figures 2, 3 (both cases), 5 and the dihedral agreement figure to
 * /tmp/fig_theory_preview/*.png and *.svg for visual inspection. Figures 2
 * and 3 use the real toy model; Figure 5 and the group figure use seeded
 * synthetic rows. Not a test: `deno run -A tests/figures/preview_theory.ts`.
 */
import { figure2 } from "../../lib/figures/fig2.ts";
import { figure3Case1, figure3Case2 } from "../../lib/figures/fig3.ts";
import { deltaSweep, orbitSizeSweep } from "../../lib/toy/sweeps.ts";
import { uniform } from "../_random.ts";
import { syntheticRows } from "./_synthetic.ts";
import { figure5, FIGURE5_PANELS } from "../../lib/figures/fig5.ts";
import { groupAgreementFigure } from "../../lib/figures/group_agreement.ts";
import { svgToPng } from "../../lib/plot/render.ts";

const outDir = "/tmp/fig_theory_preview";
Deno.mkdirSync(outDir, { recursive: true });

function save(name: string, svg: string): void {
  Deno.writeTextFileSync(`${outDir}/${name}.svg`, svg);
  Deno.writeFileSync(`${outDir}/${name}.png`, svgToPng(svg, { scale: 2 }));
  // deno-lint-ignore no-console -- a script: report where each file went
  console.log(`${outDir}/${name}.png`);
}

save("fig2", figure2());
save("fig3_case1", figure3Case1(deltaSweep()));
save("fig3_case2", figure3Case2(orbitSizeSweep()));

const rows8 = syntheticRows(8, 512, 1);
save(
  "fig5",
  figure5(
    FIGURE5_PANELS.map((panel, k) => ({
      ...panel,
      rows: k === 4 ? undefined : syntheticRows(8, 512, 20 + k),
    })),
  ),
);

// Synthetic dihedral rows: D₄ agrees to ~1e-12, C₄ to ~1e-9 (relative).
const rand = uniform(7);
save(
  "group_agreement",
  groupAgreementFigure(
    (["D4", "C4"] as const).flatMap((group) =>
      rows8.slice(0, 200).map((r, k) => ({
        group,
        a: r.indexA,
        b: r.indexB + k,
        exact: r.exactError,
        spectral: r.exactError *
          (1 +
            (group === "D4" ? 1e-12 : 1e-9) * (rand() - 0.5) *
              10 ** (2 * rand())),
        correct: r.correct,
      }))
    ),
  ),
);
