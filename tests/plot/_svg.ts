/** Test helpers: parse SVG text and read PNG headers. */
import { JSDOM } from "jsdom";

/** Parses SVG text as XML; throws on malformed markup. */
export function parseSvgDocument(svg: string) {
  const { window } = new JSDOM(svg, { contentType: "image/svg+xml" });
  const doc = window.document;
  if (doc.querySelector("parsererror") !== null) {
    throw new Error("SVG did not parse as XML");
  }
  return doc;
}

/** Texts of all <text> elements, in document order. */
export function svgTexts(svg: string): string[] {
  return [...parseSvgDocument(svg).querySelectorAll("text")].map((t) =>
    t.textContent ?? ""
  );
}

/** The 8-byte PNG signature. */
export const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** Width and height from the IHDR chunk, which must be the first chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const type = new TextDecoder().decode(png.subarray(12, 16));
  if (type !== "IHDR") throw new Error(`expected IHDR chunk, got ${type}`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
