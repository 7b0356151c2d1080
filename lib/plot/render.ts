/**
 * Server-side rendering of Observable Plot figures to standalone SVG and PNG.
 *
 * Plot 0.6.17 runs against a jsdom document (paper.md 10.5). Every SVG made
 * here carries the `xmlns` attributes, a white background, the DejaVu Serif
 * font family (paper.md 7.1 asks for a serif font) and, once per file, the
 * DejaVu Serif regular face as a base64 `@font-face`, so that the SVG looks
 * the same on any machine. PNGs are rasterised by `@resvg/resvg-js` from the
 * bundled DejaVu TTF files with system fonts disabled.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { Resvg } from "@resvg/resvg-js";

/** Font family written on every figure; resvg and browsers both resolve it. */
export const FONT_FAMILY = "DejaVu Serif";

/** CSS `font-family` value: the DejaVu face with generic fallbacks. */
const FONT_STACK = `'${FONT_FAMILY}', 'DejaVu Sans', serif`;

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** Marks the embedded `@font-face` style so composition can keep only one. */
const FONT_STYLE_ID = "dejavu-font-face";

/** DejaVu faces bundled by the `dejavu-fonts-ttf` package (2.37.3). */
export type DejavuFace =
  | "DejaVuSerif"
  | "DejaVuSerif-Bold"
  | "DejaVuSerif-Italic"
  | "DejaVuSans"
  | "DejaVuSans-Bold";

/**
 * Absolute file path of a bundled DejaVu TTF face.
 *
 * The package has no entry module: `import.meta.resolve` points at a missing
 * `index.js` in the package root, and the fonts sit in its `ttf/` folder.
 *
 * @param face Face name without extension, e.g. `"DejaVuSerif"`.
 * @returns Path such as `.../dejavu-fonts-ttf/ttf/DejaVuSerif.ttf`.
 */
export function dejavuFontPath(face: DejavuFace): string {
  const root = new URL(".", import.meta.resolve("dejavu-fonts-ttf"));
  return decodeURIComponent(new URL(`ttf/${face}.ttf`, root).pathname);
}

let fontFaceCss: string | undefined;

/** The `@font-face` rule embedding DejaVu Serif regular (≈ 500 kB base64). */
function fontFaceRule(): string {
  if (fontFaceCss === undefined) {
    const bytes = Deno.readFileSync(dejavuFontPath("DejaVuSerif"));
    let binary = "";
    const chunk = 0x8000;
    for (let i = 0; i < bytes.length; i += chunk) {
      binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
    }
    fontFaceCss = `@font-face{font-family:'${FONT_FAMILY}';` +
      `src:url(data:font/ttf;base64,${btoa(binary)}) format('truetype');` +
      `font-weight:normal;font-style:normal;}`;
  }
  return fontFaceCss;
}

/** A parsed standalone SVG document with its root element. */
interface SvgDom {
  window: JSDOM["window"];
  root: JSDOM["window"]["document"]["documentElement"];
}

function parseSvg(svg: string): SvgDom {
  const { window } = new JSDOM(svg, { contentType: "image/svg+xml" });
  const root = window.document.documentElement;
  if (root.localName !== "svg" || root.namespaceURI !== SVG_NS) {
    throw new TypeError(
      `Cannot parse SVG: expected an <svg> root in the SVG namespace, got ` +
        `<${root.localName}> (${root.namespaceURI}); pass the string returned ` +
        `by renderPlot() or composeSvg()`,
    );
  }
  return { window, root };
}

/** Sets namespaces, font, white background and (optionally) the font face. */
function finishRoot(dom: SvgDom, embedFont: boolean): string {
  const { window, root } = dom;
  const doc = root.ownerDocument;
  root.setAttribute("xmlns", SVG_NS);
  root.setAttribute("xmlns:xlink", XLINK_NS);
  root.setAttribute("font-family", FONT_STACK);
  root.removeAttribute("style");
  for (const style of root.querySelectorAll(`style#${FONT_STYLE_ID}`)) {
    style.remove();
  }
  const background = doc.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "white");
  root.insertBefore(background, root.firstChild);
  if (embedFont) {
    const style = doc.createElementNS(SVG_NS, "style");
    style.setAttribute("id", FONT_STYLE_ID);
    style.textContent = fontFaceRule();
    root.insertBefore(style, root.firstChild);
  }
  return new window.XMLSerializer().serializeToString(root);
}

/** Options of {@link renderPlot}. */
export interface RenderPlotOptions {
  /** Embed the DejaVu Serif `@font-face` (default true; false for panels). */
  embedFont?: boolean;
}

/**
 * Renders one Observable Plot chart to a standalone SVG string.
 *
 * @param options Plot options (marks, scales, width/height in CSS px). The
 *   `document` option is supplied here; `title`, `subtitle`, `caption` and
 *   `legend: true` are refused because Plot turns them into HTML `<figure>`s;
 *   draw titles and legends as marks instead (see `legend.ts`).
 * @returns UTF-8 SVG text with `xmlns`, `width`/`height`/`viewBox` in px.
 * @throws {TypeError} If Plot returns an HTML figure instead of an `<svg>`.
 */
export function renderPlot(
  options: Plot.PlotOptions,
  renderOptions: RenderPlotOptions = {},
): string {
  const { window } = new JSDOM("");
  const element = Plot.plot({ ...options, document: window.document });
  if (element.localName !== "svg") {
    throw new TypeError(
      `Cannot render Plot to SVG: expected an <svg> element, got ` +
        `<${element.localName}>; remove title/subtitle/caption and legends ` +
        `from the Plot options and draw them as marks`,
    );
  }
  const svg = new window.XMLSerializer().serializeToString(element);
  return finishRoot(parseSvg(svg), renderOptions.embedFont ?? true);
}

/** One child SVG placed in a composite, at (x, y) px from the top left. */
export interface SvgPanel {
  /** Standalone SVG text (from {@link renderPlot} or {@link composeSvg}). */
  svg: string;
  /** Left offset in px. */
  x: number;
  /** Top offset in px. */
  y: number;
}

/** A text label drawn on a composite, e.g. a panel letter or a title. */
export interface SvgLabel {
  text: string;
  /** Anchor position in px. */
  x: number;
  y: number;
  /** Font size in px (default 12). */
  fontSize?: number;
  /** Bold text (default false). */
  bold?: boolean;
  /** SVG `text-anchor` (default "start"). */
  anchor?: "start" | "middle" | "end";
}

/** Options of {@link composeSvg}: the canvas size in px. */
export interface ComposeSvgOptions {
  width: number;
  height: number;
  /** Text labels drawn above the panels. */
  labels?: SvgLabel[];
  /** Embed the DejaVu Serif `@font-face` (default true). */
  embedFont?: boolean;
}

/**
 * Composes several SVGs into one, nesting each as an `<svg>` at (x, y).
 *
 * Child font faces are dropped so the output embeds the font at most once.
 *
 * @returns Standalone SVG text of size `width × height` px.
 * @throws {RangeError} If the size is not positive and finite.
 */
export function composeSvg(
  panels: SvgPanel[],
  options: ComposeSvgOptions,
): string {
  const { width, height } = options;
  if (!(width > 0 && height > 0 && isFinite(width) && isFinite(height))) {
    throw new RangeError(
      `Cannot compose SVG: expected a positive finite size, got ` +
        `${width} × ${height} px; pass width and height in px`,
    );
  }
  const dom = parseSvg(
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}"/>`,
  );
  const doc = dom.root.ownerDocument;
  for (const panel of panels) {
    const child = parseSvg(panel.svg).root;
    child.setAttribute("x", String(panel.x));
    child.setAttribute("y", String(panel.y));
    for (const style of child.querySelectorAll(`style#${FONT_STYLE_ID}`)) {
      style.remove();
    }
    dom.root.appendChild(doc.importNode(child, true));
  }
  for (const label of options.labels ?? []) {
    const text = doc.createElementNS(SVG_NS, "text");
    text.setAttribute("x", String(label.x));
    text.setAttribute("y", String(label.y));
    text.setAttribute("font-size", String(label.fontSize ?? 12));
    text.setAttribute("text-anchor", label.anchor ?? "start");
    text.setAttribute("fill", "black");
    if (label.bold) text.setAttribute("font-weight", "bold");
    text.textContent = label.text;
    dom.root.appendChild(text);
  }
  return finishRoot(dom, options.embedFont ?? true);
}

/** Options of {@link svgToPng}. */
export interface SvgToPngOptions {
  /** Pixels per SVG px (default 2, i.e. 192 dpi for a 96 dpi SVG). */
  scale?: number;
}

/**
 * Rasterises an SVG to PNG with resvg and the bundled DejaVu fonts only
 * (system fonts off), so text renders identically on every machine.
 *
 * @returns PNG bytes of `round(width · scale) × round(height · scale)` px.
 * @throws {RangeError} If `scale` is not positive and finite.
 */
export function svgToPng(
  svg: string,
  options: SvgToPngOptions = {},
): Uint8Array {
  const scale = options.scale ?? 2;
  if (!(scale > 0 && isFinite(scale))) {
    throw new RangeError(
      `Cannot rasterise SVG: expected a positive finite scale, got ${scale}; ` +
        `pass e.g. { scale: 2 }`,
    );
  }
  const faces: DejavuFace[] = [
    "DejaVuSerif",
    "DejaVuSerif-Bold",
    "DejaVuSerif-Italic",
    "DejaVuSans",
    "DejaVuSans-Bold",
  ];
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      loadSystemFonts: false,
      fontFiles: faces.map(dejavuFontPath),
      defaultFontFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
