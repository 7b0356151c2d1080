import assert from "node:assert/strict";
import { join } from "node:path";
import { obtainMnist } from "../../lib/data/obtain.ts";
import { sha256Hex } from "../../lib/io/sha256.ts";
import type { MnistFileSpec } from "../../lib/data/mnist_files.ts";
import { gzip, idxFile } from "./_fixtures.ts";

const FAKE = idxFile([2049, 6], Uint8Array.of(3, 1, 4, 1, 5, 9));
const FAKE_SPEC: MnistFileSpec = {
  name: "fake-labels-idx1-ubyte",
  bytes: FAKE.length,
  sha256: await sha256Hex(FAKE),
};
const HTML = "<!DOCTYPE html><html><body>Access denied</body></html>";

/** A fetch that answers each URL from `routes` and records the calls. */
function fakeFetch(
  routes: Record<string, () => Response>,
): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const fetchFn = (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    calls.push(url);
    const route = routes[url];
    return Promise.resolve(
      route ? route() : new Response("no route", { status: 500 }),
    );
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "obtain_test_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function listDir(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  return names.sort();
}

Deno.test("obtainMnist() skips a 404 and an HTML mirror, then downloads", async () => {
  const gz = await gzip(FAKE);
  const { fetch, calls } = fakeFetch({
    "https://a.test/mnist/fake-labels-idx1-ubyte.gz": () =>
      new Response("gone", { status: 404, statusText: "Not Found" }),
    "https://b.test/fake-labels-idx1-ubyte.gz": () =>
      new Response(HTML, { headers: { "content-type": "text/html" } }),
    "https://c.test/fake-labels-idx1-ubyte.gz": () => new Response(gz),
  });
  await withTempDir(async (dir) => {
    const progress: number[] = [];
    const result = await obtainMnist({
      destDir: dir,
      source: "mirror",
      mirrors: ["https://a.test/mnist/", "https://b.test", "https://c.test"],
      files: [FAKE_SPEC],
      fetch,
      onProgress: (file, done, total) => {
        assert.equal(file, FAKE_SPEC.name);
        assert.equal(total, FAKE.length);
        progress.push(done);
      },
    });
    assert.equal(calls.length, 3);
    assert.deepEqual(result, [{
      name: FAKE_SPEC.name,
      path: join(dir, FAKE_SPEC.name),
      action: "downloaded",
      from: "https://c.test/fake-labels-idx1-ubyte.gz",
    }]);
    assert.equal(progress.at(-1), FAKE.length);
    assert.deepEqual(await listDir(dir), [FAKE_SPEC.name]);
    assert.deepEqual(await Deno.readFile(join(dir, FAKE_SPEC.name)), FAKE);
  });
});

Deno.test("obtainMnist() writes nothing when every mirror fails", async () => {
  const wrong = await gzip(idxFile([2049, 6], Uint8Array.of(3, 1, 4, 1, 5, 8)));
  const { fetch } = fakeFetch({
    "https://a.test/fake-labels-idx1-ubyte.gz": () =>
      new Response("gone", { status: 404, statusText: "Not Found" }),
    "https://b.test/fake-labels-idx1-ubyte.gz": () => new Response(HTML),
    "https://c.test/fake-labels-idx1-ubyte.gz": () => new Response(wrong),
    "https://d.test/fake-labels-idx1-ubyte.gz": () => new Response(FAKE),
  });
  await withTempDir(async (dir) => {
    await assert.rejects(
      obtainMnist({
        destDir: dir,
        source: "mirror",
        mirrors: [
          "https://a.test",
          "https://b.test",
          "https://c.test",
          "https://d.test",
        ],
        files: [FAKE_SPEC],
        fetch,
      }),
      (error) => {
        assert.ok(error instanceof Error);
        const lines = error.message.split("\n");
        assert.match(lines[0], /Cannot obtain fake-labels-idx1-ubyte/);
        assert.match(
          lines[1],
          /a\.test.*expected HTTP 200, found 404 Not Found/,
        );
        assert.match(lines[2], /b\.test.*found an HTML page.*<!DOCTYPE html>/);
        assert.match(lines[3], /c\.test.*expected SHA-256 [0-9a-f]{64}/);
        assert.match(
          lines[4],
          /d\.test.*expected gzip data.*found bytes 00 00 08 01/,
        );
        return true;
      },
    );
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("obtainMnist() rejects a gunzipped body larger than the spec", async () => {
  const big = await gzip(new Uint8Array(FAKE.length + 100));
  const { fetch } = fakeFetch({
    "https://a.test/fake-labels-idx1-ubyte.gz": () => new Response(big),
  });
  await withTempDir(async (dir) => {
    await assert.rejects(
      obtainMnist({
        destDir: dir,
        source: "mirror",
        mirrors: ["https://a.test"],
        files: [FAKE_SPEC],
        fetch,
      }),
      /expected 14 bytes once gunzipped, found more/,
    );
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("obtainMnist() reuses a valid file without fetching", async () => {
  const { fetch, calls } = fakeFetch({});
  await withTempDir(async (dir) => {
    await Deno.writeFile(join(dir, FAKE_SPEC.name), FAKE);
    const result = await obtainMnist({
      destDir: dir,
      source: "mirror",
      mirrors: ["https://a.test"],
      files: [FAKE_SPEC],
      fetch,
    });
    assert.equal(calls.length, 0);
    assert.equal(result[0].action, "reused");
    assert.equal(result[0].replaced, undefined);
  });
});

Deno.test("obtainMnist() replaces a corrupt file and reports why", async () => {
  const gz = await gzip(FAKE);
  const { fetch } = fakeFetch({
    "https://a.test/fake-labels-idx1-ubyte.gz": () => new Response(gz),
  });
  await withTempDir(async (dir) => {
    const path = join(dir, FAKE_SPEC.name);
    await Deno.writeFile(path, FAKE.subarray(0, 10));
    const result = await obtainMnist({
      destDir: dir,
      source: "mirror",
      mirrors: ["https://a.test"],
      files: [FAKE_SPEC],
      fetch,
    });
    assert.equal(result[0].action, "downloaded");
    assert.match(result[0].replaced ?? "", /expected 14 bytes .* found 10/);
    assert.deepEqual(await Deno.readFile(path), FAKE);
    assert.deepEqual(await listDir(dir), [FAKE_SPEC.name]);
  });
});

Deno.test("obtainMnist() deletes a corrupt file it cannot replace", async () => {
  const { fetch } = fakeFetch({});
  await withTempDir(async (dir) => {
    await Deno.writeFile(join(dir, FAKE_SPEC.name), new Uint8Array(14));
    await assert.rejects(
      obtainMnist({
        destDir: dir,
        source: "mirror",
        mirrors: ["https://a.test"],
        files: [FAKE_SPEC],
        fetch,
      }),
      /a\.test.*expected HTTP 200, found 500/,
    );
    assert.deepEqual(await listDir(dir), []);
  });
});

Deno.test("obtainMnist() needs a mirror for source mirror", async () => {
  await assert.rejects(
    obtainMnist({ destDir: "unused", source: "mirror", mirrors: [] }),
    (error) => {
      assert.ok(error instanceof TypeError);
      assert.match(error.message, /expected at least one mirror URL/);
      return true;
    },
  );
});

Deno.test("obtainMnist() names a truncated gzip stream", async () => {
  const gz = await gzip(FAKE);
  const { fetch } = fakeFetch({
    "https://a.test/fake-labels-idx1-ubyte.gz": () =>
      new Response(gz.slice(0, gz.length - 12)),
  });
  await withTempDir(async (dir) => {
    await assert.rejects(
      obtainMnist({
        destDir: dir,
        source: "mirror",
        mirrors: ["https://a.test"],
        files: [FAKE_SPEC],
        fetch,
      }),
      /a\.test\/fake-labels-idx1-ubyte\.gz: expected a valid gzip stream/,
    );
    assert.deepEqual(await listDir(dir), []);
  });
});
