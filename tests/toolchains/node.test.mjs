// Node consumers of the packed tarball: ESM import, and CommonJS `require` as Node 20.0–20.18 do
// it (`--no-experimental-require-module`: no require(esm)) for every entry.
import assert from "node:assert/strict";
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { EXPECTED } from "../js/consumer/browser.mjs";
import { EXAMPLES_JSON, node, project, write } from "./lib.mjs";

const results = (assess) =>
  `JSON.parse(${JSON.stringify(EXAMPLES_JSON)}).map((e) => ({ id: e.id, summary: ${assess}(e.situation).summary }))`;

describe("Node", () => {
  test("ESM: import { assess } from 'hoken-check' (no configuration)", async () => {
    const dir = await project("typescript", "node-esm", { type: "module" });
    await write(dir, {
      "main.js": `import { assess } from "hoken-check";
console.log(JSON.stringify({ resolved: import.meta.resolve("hoken-check"), results: ${results("assess")} }));
`,
    });
    const out = JSON.parse((await node(["main.js"], dir)).stdout);
    assert.equal(out.resolved, `file://${realpathSync(dir)}/node_modules/hoken-check/dist/node.js`);
    assert.deepEqual(out.results, EXPECTED);
  });

  test("Node 20.0-style require (--no-experimental-require-module): every entry, a CommonJS project", async () => {
    const dir = await project("typescript", "node-require");
    await write(dir, {
      "main.js": `"use strict";
const { readFileSync } = require("node:fs");
const main = require("hoken-check");
const inline = require("hoken-check/inline");
const slim = require("hoken-check/slim");
const before = (() => { try { slim.assess({ asOf: "2026-11-25" }); return "callable"; } catch (e) { return "throws"; } })();
slim.initSync({ wasm: readFileSync(require.resolve("hoken-check/hoken_check_bg.wasm")) });
let error = null;
try { main.assess({ asOf: "2025-02-30" }); } catch (e) {
  error = { guard: main.isHokenCheckError(e), instance: e instanceof main.HokenCheckError, isError: e instanceof Error, code: e.code, field: e.field };
}
console.log(JSON.stringify({
  resolved: ["hoken-check", "hoken-check/inline", "hoken-check/slim", "hoken-check/node"].map((s) => require.resolve(s)),
  results: ${results("main.assess")},
  inline: ${results("inline.assess")},
  slim: ${results("slim.assess")},
  before,
  error,
}));
`,
    });
    const out = JSON.parse((await node(["--no-experimental-require-module", "main.js"], dir)).stdout);
    const base = join(realpathSync(dir), "node_modules/hoken-check/dist");
    assert.deepEqual(out.resolved, ["node.cjs", "inline.cjs", "slim.cjs", "node.cjs"].map((f) => join(base, f)));
    assert.deepEqual(out.results, EXPECTED);
    assert.deepEqual(out.inline, EXPECTED);
    assert.deepEqual(out.slim, EXPECTED);
    assert.equal(out.before, "throws", "hoken-check/slim cannot assess before initSync");
    // CONTRACT.md: 2025-02-30 does not exist -> impossibleDate on asOf.
    assert.deepEqual(out.error, { guard: true, instance: true, isError: true, code: "impossibleDate", field: "asOf" });
  });

  test("ESM slim: init({ wasm: bytes }) then assess; init() without wasm rejects with a HokenCheckError", async () => {
    const dir = await project("typescript", "node-slim", { type: "module" });
    await write(dir, {
      "main.js": `import { readFile } from "node:fs/promises";
import { init, assess, isHokenCheckError } from "hoken-check/slim";
const missing = await init({}).then(() => "resolved", (e) => (isHokenCheckError(e) ? e.code : String(e)));
await init({ wasm: await readFile(new URL(import.meta.resolve("hoken-check/hoken_check_bg.wasm"))) });
console.log(JSON.stringify({ missing, results: ${results("assess")} }));
`,
    });
    const out = JSON.parse((await node(["main.js"], dir)).stdout);
    assert.equal(out.missing, "wasmInitFailed");
    assert.deepEqual(out.results, EXPECTED);
  });
});
