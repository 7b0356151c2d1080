import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import {
  composeSvg,
  dejavuFontPath,
  FONT_FAMILY,
  renderPlot,
  svgToPng,
} from "../../lib/plot/render.ts";
import { parseSvgDocument, PNG_SIGNATURE, pngSize, svgTexts } from "./_svg.ts";

const DATA = [{ x: 1, y: 2 }, { x: 2, y: 3 }, { x: 3, y: 1 }];

function small(embedFont = true): string {
  return renderPlot({
    width: 200,
    height: 150,
    x: { label: "Exact error" },
    marks: [Plot.dot(DATA, { x: "x", y: "y" })],
  }, { embedFont });
}

Deno.test("renderPlot() returns namespaced SVG with the DejaVu font", () => {
  const svg = small();
  const root = parseSvgDocument(svg).documentElement;
  assert.equal(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  assert.equal(
    root.getAttribute("xmlns:xlink"),
    "http://www.w3.org/1999/xlink",
  );
  assert.match(root.getAttribute("font-family") ?? "", /DejaVu Serif/);
  assert.equal(root.getAttribute("width"), "200");
  assert.equal(root.querySelectorAll("circle").length, 3);
  assert.ok(svgTexts(svg).some((t) => t.includes("Exact error")));
});

Deno.test("renderPlot() embeds DejaVu Serif as a base64 TrueType face", () => {
  const svg = small();
  const css = parseSvgDocument(svg).querySelector("style#dejavu-font-face")
    ?.textContent ?? "";
  assert.match(css, new RegExp(`@font-face\\{font-family:'${FONT_FAMILY}'`));
  // A TrueType file starts with the sfnt version 0x00010000 ("AAEAAA").
  const base64 = /base64,([A-Za-z0-9+/=]+)\)/.exec(css)?.[1] ?? "";
  assert.ok(base64.startsWith("AAEAAA"));
  const ttfBytes = Deno.statSync(dejavuFontPath("DejaVuSerif")).size;
  assert.equal(Math.ceil(ttfBytes / 3) * 4, base64.length);
});

Deno.test("renderPlot() without embedFont has no @font-face", () => {
  assert.ok(!small(false).includes("@font-face"));
});

Deno.test("renderPlot() refuses options that make an HTML figure", () => {
  assert.throws(
    () => renderPlot({ title: "T", marks: [Plot.dot(DATA, { x: "x" })] }),
    { name: "TypeError", message: /expected an <svg> element, got <figure>/ },
  );
});

Deno.test("composeSvg() nests panels at offsets and embeds one font", () => {
  const svg = composeSvg([
    { svg: small(), x: 0, y: 20 },
    { svg: small(), x: 200, y: 20 },
  ], {
    width: 400,
    height: 170,
    labels: [{ text: "B", x: 4, y: 14, bold: true }],
  });
  const doc = parseSvgDocument(svg);
  const nested = [...doc.documentElement.children].filter((e) =>
    e.localName === "svg"
  );
  assert.deepEqual(nested.map((e) => e.getAttribute("x")), ["0", "200"]);
  assert.deepEqual(nested.map((e) => e.getAttribute("y")), ["20", "20"]);
  assert.equal(svg.split("@font-face").length - 1, 1);
  assert.equal(doc.querySelectorAll("circle").length, 6);
  const letter = [...doc.querySelectorAll("text")].find((t) =>
    t.textContent === "B"
  );
  assert.equal(letter?.getAttribute("font-weight"), "bold");
});

Deno.test("composeSvg() rejects a non-positive size", () => {
  assert.throws(() => composeSvg([], { width: 0, height: 10 }), {
    name: "RangeError",
    message: /expected a positive finite size, got 0 × 10 px/,
  });
});

Deno.test("svgToPng() writes a PNG of the scaled size", () => {
  const png = svgToPng(small(), { scale: 1.5 });
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
  assert.deepEqual(pngSize(png), { width: 300, height: 225 });
});

Deno.test("svgToPng() draws text with the bundled fonts", () => {
  // System fonts are off: if the DejaVu files were not found, the text would
  // not be drawn and both images would be identical.
  const blank = composeSvg([], { width: 120, height: 40, embedFont: false });
  const text = composeSvg([], {
    width: 120,
    height: 40,
    embedFont: false,
    labels: [{ text: "Δ² λ ε", x: 10, y: 25, fontSize: 18 }],
  });
  assert.notDeepEqual(
    svgToPng(text, { scale: 1 }),
    svgToPng(blank, { scale: 1 }),
  );
});

Deno.test("svgToPng() rejects a non-positive scale", () => {
  assert.throws(() => svgToPng(small(false), { scale: -1 }), {
    name: "RangeError",
    message: /expected a positive finite scale, got -1/,
  });
});
