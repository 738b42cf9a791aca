// The packed batch in a Web Worker, built by Vite 8 from the packed tarball and run in headless
// Chromium: the page encodes every worked example (encodeSituations), a module worker assesses
// them (assessPacked), the page reads the rows (summaryAt) — the summaries must be
// examples.json's. The lines each set-up needs are the ones docs/npm.md shows ("Web Workers").
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { run } from "../js/consumer/fixture.mjs";
import { EXAMPLES, assertPageResult, closeBrowser, openPage, pageHtml, serve } from "../js/consumer/browser.mjs";
import { bin, node, project, write } from "./lib.mjs";

after(closeBrowser);

/** The page: encode, post to ./worker.js (at once, or after its "ready"), decode every row. */
function mainScript({ waitForReady }) {
  const situations = EXAMPLES.map((e) => ({ id: e.id, situation: e.situation }));
  return `import { encodeSituations, summaryAt } from "hoken-check";

const EXAMPLES = ${JSON.stringify(situations)};
const out = document.getElementById("out");
const done = (text) => { out.textContent = text; out.dataset.done = "1"; };
const packed = encodeSituations(EXAMPLES.map((e) => e.situation));
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onerror = (e) => done("ERROR worker: " + e.message);
worker.onmessage = (e) => {
  if (e.data === "ready") {
    ${waitForReady ? "worker.postMessage(packed);" : ""}
    return;
  }
  done(JSON.stringify(EXAMPLES.map((x, i) => ({ id: x.id, summary: summaryAt(e.data, i, packed) }))));
};
${waitForReady ? "" : "worker.postMessage(packed);"}
`;
}

const workerScript = (specifier) => `import { assessPacked } from ${JSON.stringify(specifier)};
self.onmessage = (e) => {
  const rows = assessPacked(e.data);
  self.postMessage(rows, [rows.buffer]);
};
self.postMessage("ready");
`;

async function workerApp(label, { specifier, config, waitForReady }) {
  const dir = await project("vite8", label, { type: "module" });
  const files = {
    "index.html": pageHtml("./main.js"),
    "main.js": mainScript({ waitForReady }),
    "worker.js": workerScript(specifier),
  };
  if (config) files["vite.config.js"] = config;
  await write(dir, files);
  return dir;
}

async function buildAndOpen(dir) {
  await node([await bin("vite8", "vite/bin/vite.js"), "build", "--logLevel", "warn"], dir);
  const files = (await readdir(join(dir, "dist"), { recursive: true })).map(String);
  const server = await serve(join(dir, "dist"));
  try {
    const r = await openPage(`${server.origin}/index.html`);
    assertPageResult(r, server.origin);
    return { files, r };
  } finally {
    await server.close();
  }
}

describe("Vite 8: the packed batch in a module Web Worker", () => {
  test("worker imports hoken-check/inline: no configuration, messages can be posted at once", async () => {
    const dir = await workerApp("worker-inline", { specifier: "hoken-check/inline", waitForReady: false });
    const { files } = await buildAndOpen(dir);
    // The page's default entry emits the one .wasm; the worker's copy is embedded.
    assert.equal(files.filter((f) => f.endsWith(".wasm")).length, 1, String(files));
  });

  test('worker imports hoken-check: worker: { format: "es" }, and post after the worker says it is ready', async () => {
    const dir = await workerApp("worker-es", {
      specifier: "hoken-check",
      config: `export default { worker: { format: "es" } };\n`,
      waitForReady: true,
    });
    const { files, r } = await buildAndOpen(dir);
    assert.equal(files.filter((f) => f.endsWith(".wasm")).length, 1, "page and worker share one .wasm");
    assert.ok(r.wasmResponses.length >= 1);
  });

  test("worker imports hoken-check, es format, message posted at once: Chromium drops it (why the page waits for ready)", async () => {
    // The default entry initialises with a top-level await; a message that arrives before the
    // worker module has finished evaluating finds no onmessage handler yet and is lost.
    const dir = await workerApp("worker-es-early", {
      specifier: "hoken-check",
      config: `export default { worker: { format: "es" } };\n`,
      waitForReady: false,
    });
    await node([await bin("vite8", "vite/bin/vite.js"), "build", "--logLevel", "warn"], dir);
    const server = await serve(join(dir, "dist"));
    try {
      await assert.rejects(openPage(`${server.origin}/index.html`), /never wrote its result/);
    } finally {
      await server.close();
    }
  });

  test("worker imports hoken-check with Vite's default worker format (iife): the build fails on the top-level await", async () => {
    // Why docs/npm.md gives the config line above (or hoken-check/inline).
    const dir = await workerApp("worker-iife", { specifier: "hoken-check", waitForReady: true });
    const r = await run(process.execPath, [await bin("vite8", "vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: dir });
    assert.notEqual(r.code, 0, "vite build must fail");
    assert.match(r.stdout + r.stderr, /top-level await/i);
  });
});
