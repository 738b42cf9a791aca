// webpack 5, esbuild (iife, esm, node cjs) and Rollup 4 consumers of the packed tarball: each
// bundles an app importing hoken-check, and the bundle assesses every worked example in headless
// Chromium (or Node). Where a set-up needs a line of configuration or a command, the test uses
// exactly what docs/npm.md shows.
import assert from "node:assert/strict";
import { copyFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { EXPECTED, assertPageResult, closeBrowser, openPage, pageHtml, pageScript, serve } from "../js/consumer/browser.mjs";
import { runOk } from "../js/consumer/fixture.mjs";
import { EXAMPLES_JSON, bin, node, project, write } from "./lib.mjs";

after(closeBrowser);

/** Serves `dir`, opens page.html, checks every summary; returns the page report. */
async function checkPage(dir) {
  const server = await serve(dir);
  try {
    const r = await openPage(`${server.origin}/page.html`);
    assertPageResult(r, server.origin);
    return r;
  } finally {
    await server.close();
  }
}

const wasmFiles = async (dir) => (await readdir(dir, { recursive: true })).map(String).filter((f) => f.endsWith(".wasm"));

describe("webpack 5.113.0", () => {
  const run = async (dir) =>
    node(
      [
        "-e",
        `const webpack = require(${JSON.stringify(await bin("webpack", "webpack"))});
webpack({ mode: "production", entry: "./main.js", output: { path: require("path").resolve("out") } }, (err, stats) => {
  if (err || stats.hasErrors()) { console.error(err || stats.toString("errors-only")); process.exit(1); }
});`,
      ],
      dir,
    );

  test("default config (mode production, target web): the .wasm emitted once, works in Chromium", async () => {
    const dir = await project("webpack", "webpack", { type: "module" });
    await write(dir, { "main.js": pageScript("hoken-check"), "out/page.html": pageHtml("./main.js") });
    await run(dir);
    assert.equal((await wasmFiles(join(dir, "out"))).length, 1);
    const r = await checkPage(join(dir, "out"));
    assert.equal(r.wasmResponses.length, 1);
  });

  test("hoken-check/inline: no .wasm emitted, works in Chromium", async () => {
    const dir = await project("webpack", "webpack-inline", { type: "module" });
    await write(dir, { "main.js": pageScript("hoken-check/inline"), "out/page.html": pageHtml("./main.js") });
    await run(dir);
    assert.deepEqual(await wasmFiles(join(dir, "out")), []);
    const r = await checkPage(join(dir, "out"));
    assert.deepEqual(r.wasmResponses, []);
  });
});

describe("esbuild 0.28.2", () => {
  // esbuild's bin is its native executable (from the npm package @esbuild/<platform>).
  const esbuild = async (args, dir) => runOk(await bin("esbuild", "esbuild/bin/esbuild"), args, { cwd: dir });

  test("iife (the default bundle format) with hoken-check/inline: no config, works in Chromium", async () => {
    const dir = await project("esbuild", "esbuild-iife");
    await write(dir, {
      "main.js": pageScript("hoken-check/inline"),
      "out/page.html": pageHtml("./main.js").replace(' type="module"', " defer"),
    });
    await esbuild(["main.js", "--bundle", "--format=iife", "--outfile=out/main.js", "--log-level=warning"], dir);
    assert.deepEqual(await wasmFiles(join(dir, "out")), []);
    await checkPage(join(dir, "out"));
  });

  test("esm with hoken-check/slim and the file loader: init({ wasm: url }) works in Chromium", async () => {
    const dir = await project("esbuild", "esbuild-esm");
    await write(dir, {
      "main.js": `import { init } from "hoken-check/slim";
import wasmUrl from "hoken-check/hoken_check_bg.wasm";
await init({ wasm: new URL(wasmUrl, import.meta.url) });
${pageScript("hoken-check/slim")}`,
      "out/page.html": pageHtml("./main.js"),
    });
    await esbuild(["main.js", "--bundle", "--format=esm", "--loader:.wasm=file", "--outdir=out", "--log-level=warning"],
      dir,
    );
    assert.equal((await wasmFiles(join(dir, "out"))).length, 1, "esbuild copied the .wasm");
    const r = await checkPage(join(dir, "out"));
    assert.equal(r.wasmResponses.length, 1);
  });

  test("esm with the default entry: the .wasm copied next to the bundle (one command) works in Chromium", async () => {
    const dir = await project("esbuild", "esbuild-esm-default");
    await write(dir, { "main.js": pageScript("hoken-check"), "out/page.html": pageHtml("./main.js") });
    await esbuild(["main.js", "--bundle", "--format=esm", "--outdir=out", "--log-level=warning"], dir);
    await copyFile(join(dir, "node_modules/hoken-check/dist/hoken_check_bg.wasm"), join(dir, "out/hoken_check_bg.wasm"));
    const r = await checkPage(join(dir, "out"));
    assert.equal(r.wasmResponses.length, 1);
  });

  const serverApp = (specifier) => `import { assess } from ${JSON.stringify(specifier)};
console.log(JSON.stringify(JSON.parse(${JSON.stringify(EXAMPLES_JSON)}).map((e) => ({ id: e.id, summary: assess(e.situation).summary }))));
`;

  test("node cjs bundle (--platform=node --format=cjs --packages=external) runs without require(esm)", async () => {
    const dir = await project("esbuild", "esbuild-node");
    await write(dir, { "server.mjs": serverApp("hoken-check") });
    await esbuild(["server.mjs", "--bundle", "--platform=node", "--format=cjs", "--packages=external", "--outfile=out/server.cjs", "--log-level=warning"],
      dir,
    );
    const out = JSON.parse((await node(["--no-experimental-require-module", "out/server.cjs"], dir)).stdout);
    assert.deepEqual(out, EXPECTED);
  });

  test("node cjs bundle with everything bundled and hoken-check/inline runs from anywhere", async () => {
    const dir = await project("esbuild", "esbuild-node-inline");
    await write(dir, { "server.mjs": serverApp("hoken-check/inline") });
    await esbuild(["server.mjs", "--bundle", "--platform=node", "--format=cjs", "--outfile=out/server.cjs", "--log-level=warning"], dir);
    const elsewhere = join(dir, "out");
    const out = JSON.parse((await node(["--no-experimental-require-module", "server.cjs"], elsewhere)).stdout);
    assert.deepEqual(out, EXPECTED);
  });

  test("node cjs bundle of the default entry, fully bundled: a clear HokenCheckError, not 'Invalid URL'", async () => {
    const dir = await project("esbuild", "esbuild-node-full");
    await write(dir, { "server.mjs": serverApp("hoken-check") });
    await esbuild(["server.mjs", "--bundle", "--platform=node", "--format=cjs", "--outfile=out/server.cjs", "--log-level=error"], dir);
    await assert.rejects(node(["out/server.cjs"], dir), /HokenCheckError[\s\S]*--packages=external[\s\S]*hoken-check\/inline/);
  });
});

describe("Rollup 4.68.8 (+ @rollup/plugin-node-resolve)", () => {
  const config = (input) => `import { nodeResolve } from "@rollup/plugin-node-resolve";
export default { input: ${JSON.stringify(input)}, output: { dir: "out", format: "es" }, plugins: [nodeResolve({ browser: true })] };
`;

  test("default entry, the .wasm copied next to the bundle (one command): works in Chromium", async () => {
    const dir = await project("rollup", "rollup", { type: "module" });
    await write(dir, { "main.js": pageScript("hoken-check"), "rollup.config.js": config("main.js"), "out/page.html": pageHtml("./main.js") });
    await node([await bin("rollup", "rollup/dist/bin/rollup"), "-c", "--silent"], dir);
    await copyFile(join(dir, "node_modules/hoken-check/dist/hoken_check_bg.wasm"), join(dir, "out/hoken_check_bg.wasm"));
    const r = await checkPage(join(dir, "out"));
    assert.equal(r.wasmResponses.length, 1);
  });

  test("hoken-check/inline: no .wasm, no copy, works in Chromium", async () => {
    const dir = await project("rollup", "rollup-inline", { type: "module" });
    await write(dir, { "main.js": pageScript("hoken-check/inline"), "rollup.config.js": config("main.js"), "out/page.html": pageHtml("./main.js") });
    await node([await bin("rollup", "rollup/dist/bin/rollup"), "-c", "--silent"], dir);
    assert.deepEqual(await wasmFiles(join(dir, "out")), []);
    await checkPage(join(dir, "out"));
  });
});
