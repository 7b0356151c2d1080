/**
 * Loads the scipy-generated fixtures of tests/fixtures/rotation (written by
 * make_fixtures.py): raw little-endian float64 arrays plus manifest.json.
 *
 * @module
 */

const FIXTURE_DIR = new URL("../fixtures/rotation/", import.meta.url);

/** Contents of tests/fixtures/rotation/manifest.json. */
export interface RotationManifest {
  scipy: string;
  angles: number[];
  borderAngles: number[];
  rectAngles: number[];
  orbitRotateN: number;
  orbitShiftN: number;
  trig: { angles: number[]; sindg: number[]; cosdg: number[] };
  arrays: Record<string, { file: string; shape: number[] }>;
}

/** A fixture array with its shape; `rows(i)` views row i of a 2-D array. */
export interface FixtureArray {
  data: Float64Array;
  shape: number[];
  row(i: number): Float64Array;
}

/** Reads and parses manifest.json. */
export function loadManifest(): RotationManifest {
  return JSON.parse(
    Deno.readTextFileSync(new URL("manifest.json", FIXTURE_DIR)),
  );
}

/** Reads the named float64 array listed in the manifest. */
export function loadArray(
  manifest: RotationManifest,
  name: string,
): FixtureArray {
  const entry = manifest.arrays[name];
  const bytes = Deno.readFileSync(new URL(entry.file, FIXTURE_DIR));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = new Float64Array(bytes.byteLength / 8);
  for (let i = 0; i < data.length; i++) data[i] = view.getFloat64(8 * i, true);
  const expected = entry.shape.reduce((a, b) => a * b, 1);
  if (data.length !== expected) {
    throw new Error(
      `fixture ${name}: expected ${expected} values for shape ` +
        `[${entry.shape}], got ${data.length}; rerun make_fixtures.py`,
    );
  }
  const rowLength = entry.shape.slice(1).reduce((a, b) => a * b, 1);
  return {
    data,
    shape: entry.shape,
    row: (i) => data.subarray(i * rowLength, (i + 1) * rowLength),
  };
}

/** Largest |a[i] − b[i]|; throws if the lengths differ. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
  }
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= max)) max = Number.isNaN(d) ? Infinity : d;
  }
  return max;
}
