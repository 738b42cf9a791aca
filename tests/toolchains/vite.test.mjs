// Vite 5, 6, 7 and 8 consumers of the packed tarball: `vite build` and the dev server, each app
// importing "hoken-check" and assessing every worked example in headless Chromium. Where a Vite
// version needs configuration, the app's vite.config.js holds exactly the lines docs/npm.md shows
// (VITE_CONFIG below); none is needed from Vite 8 on. The ./inline entry builds with no .wasm.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { childEnv } from "../js/consumer/fixture.mjs";
import { assertOneWasm, assertPageResult, closeBrowser, openPage, pageHtml, pageScript, serve } from "../js/consumer/browser.mjs";
import { bin, node, project, write } from "./lib.mjs";

after(closeBrowser);

// The lines of vite.config.js each version needs (docs/npm.md, "Vite").
export const VITE_CONFIG = {
  vite5: `export default { build: { target: "es2022" }, optimizeDeps: { exclude: ["hoken-check"] } };\n`,
  vite6: `export default { build: { target: "es2022" }, optimizeDeps: { exclude: ["hoken-check"] } };\n`,
  vite7: `export default { optimizeDeps: { exclude: ["hoken-check"] } };\n`,
  vite8: null,
};

async function app(name, label, specifier = "hoken-check") {
  const dir = await project(name, label, { type: "module" });
  const files = { "index.html": pageHtml("./main.js"), "main.js": pageScript(specifier) };
  if (VITE_CONFIG[name]) files["vite.config.js"] = VITE_CONFIG[name];
  await write(dir, files);
  return dir;
}

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer().once("error", fail).listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** Starts `vite` (dev) in `dir` on a free port; resolves with { origin, stop }. */
async function devServer(name, dir) {
  const port = await freePort();
  const child = spawn(process.execPath, [await bin(name, "vite/bin/vite.js"), "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    cwd: dir,
    env: childEnv({ CI: "1" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite exited ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite dev server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    output: () => output,
    stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once("exit", r), child.kill()))),
  };
}

async function builtFiles(dir) {
  return (await readdir(join(dir, "dist"), { recursive: true })).map(String);
}

for (const name of Object.keys(VITE_CONFIG)) {
  const config = VITE_CONFIG[name] ? "with the documented config" : "no configuration";
  describe(name, () => {
    test(`vite build (${config}) works in Chromium, the .wasm emitted once and fetched once`, async () => {
      const dir = await app(name, "build");
      await node([await bin(name, "vite/bin/vite.js"), "build", "--logLevel", "warn"], dir);
      const wasm = (await builtFiles(dir)).filter((f) => f.endsWith(".wasm"));
      assert.equal(wasm.length, 1, `one .wasm emitted: ${wasm}`);
      const server = await serve(join(dir, "dist"));
      try {
        const r = await openPage(`${server.origin}/index.html`);
        assertPageResult(r, server.origin);
        assertOneWasm(r);
      } finally {
        await server.close();
      }
    });

    test(`vite dev server (${config}) works in Chromium`, async () => {
      const dir = await app(name, "dev");
      const server = await devServer(name, dir);
      try {
        const r = await openPage(`${server.origin}/index.html`);
        assertPageResult(r, server.origin);
        assertOneWasm(r);
      } finally {
        await server.stop();
      }
    });

    test("vite build of an app using hoken-check/inline (no configuration) emits no .wasm and works", async () => {
      const dir = await project(name, "inline", { type: "module" });
      await write(dir, { "index.html": pageHtml("./main.js"), "main.js": pageScript("hoken-check/inline") });
      await node([await bin(name, "vite/bin/vite.js"), "build", "--logLevel", "warn"], dir);
      const files = await builtFiles(dir);
      assert.deepEqual(files.filter((f) => f.endsWith(".wasm")), [], `no .wasm in ${files}`);
      const server = await serve(join(dir, "dist"));
      try {
        const r = await openPage(`${server.origin}/index.html`);
        assertPageResult(r, server.origin);
        assert.deepEqual(r.wasmResponses, []);
      } finally {
        await server.close();
      }
    });
  });
}
