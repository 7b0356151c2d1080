/** Synthetic IDX and gzip bytes shared by the data tests. */

/** Big-endian uint32 header followed by `body`. */
export function idxFile(
  header: number[],
  body: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(4 * header.length + body.length);
  const view = new DataView(bytes.buffer);
  header.forEach((value, i) => view.setUint32(4 * i, value));
  bytes.set(body, 4 * header.length);
  return bytes;
}

/** `bytes` gzipped with the platform's CompressionStream. */
export async function gzip(
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
