// TypeScript consumers of the packed tarball (typescript 5.9.3): every entry's types under every
// moduleResolution — bundler, node16, nodenext, node10 (subpaths included) — and a `.cts` file
// (CommonJS under node16/nodenext), strict, with no DOM or Node lib (the types need neither).
// The nodenext output is then run (ESM and the .cts as CommonJS with no require(esm)).
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { EXPECTED } from "../js/consumer/browser.mjs";
import { EXAMPLES_JSON, bin, node, project, write } from "./lib.mjs";

// Uses every entry, a value and a type from each, and checks types are not `any`.
const ESM_TS = `import { assess, assessSummary, init, initSync, isHokenCheckError, HokenCheckError } from "hoken-check";
import type { Situation, Summary, HokenCheckErrorCode, InitOptions } from "hoken-check";
import { assess as assessInline } from "hoken-check/inline";
import { init as initSlim, assess as assessSlim } from "hoken-check/slim";
import { rulesInfo } from "hoken-check/node";
import type { Assessment } from "hoken-check/browser";

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: [false, false, false] = [
  false as IsAny<ReturnType<typeof assess>>,
  false as IsAny<ReturnType<typeof assessInline>>,
  false as IsAny<Parameters<typeof assessSlim>[0]>,
];
const s: Situation = { asOf: "2026-11-25", insurerKind: "kokuho" };
const a: Assessment = assess(s);
const sum: Summary = assessSummary(s);
const code: HokenCheckErrorCode = "wasmBlockedByCsp";
const opts: InitOptions = { wasm: new Uint8Array(0) };
export function guarded(e: unknown): string | null {
  if (isHokenCheckError(e)) return e.code;
  if (e instanceof HokenCheckError) return e.messageEn;
  return null;
}
export const used = [notAny, a.summary.copay, sum.fullCostRisk, code, opts, init, initSync, initSlim, rulesInfo().rulesVersion];
`;

const CTS = `declare const console: { log(text: string): void }; // no DOM or Node lib
import { assess, isHokenCheckError } from "hoken-check";
import type { Situation } from "hoken-check";
import slim = require("hoken-check/slim");
import inline = require("hoken-check/inline");
const examples: { id: string; situation: Situation }[] = JSON.parse(${JSON.stringify(EXAMPLES_JSON)});
let code: string | null = null;
try { inline.assess({ asOf: "2025-02-30" }); } catch (e: unknown) { if (isHokenCheckError(e)) code = e.code; }
const initType: "function" = typeof slim.initSync === "function" ? "function" : "function";
console.log(JSON.stringify({ code, initType, results: examples.map((e) => ({ id: e.id, summary: assess(e.situation).summary })) }));
`;

const RUN_MTS = `declare const console: { log(text: string): void }; // no DOM or Node lib
import { assess } from "hoken-check";
import type { Situation } from "hoken-check";
const examples: { id: string; situation: Situation }[] = JSON.parse(${JSON.stringify(EXAMPLES_JSON)});
console.log(JSON.stringify(examples.map((e) => ({ id: e.id, summary: assess(e.situation).summary }))));
`;

const BASE = {
  strict: true,
  target: "es2022",
  lib: ["es2022"],
  types: [],
  skipLibCheck: false,
  noEmit: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
};

const CONFIGS = {
  bundler: { compilerOptions: { ...BASE, module: "esnext", moduleResolution: "bundler" }, files: ["esm.ts"] },
  node16: { compilerOptions: { ...BASE, module: "node16", moduleResolution: "node16" }, files: ["esm.ts", "cjs.cts"] },
  nodenext: { compilerOptions: { ...BASE, module: "nodenext", moduleResolution: "nodenext" }, files: ["esm.ts", "cjs.cts"] },
  node10: { compilerOptions: { ...BASE, module: "commonjs", moduleResolution: "node10" }, files: ["esm.ts"] },
};

let projectP;
function tsProject() {
  projectP ??= (async () => {
    const dir = await project("typescript", "ts", { type: "module" });
    const files = { "esm.ts": ESM_TS, "cjs.cts": CTS, "run.mts": RUN_MTS };
    for (const [name, cfg] of Object.entries(CONFIGS)) files[`tsconfig.${name}.json`] = JSON.stringify(cfg, null, 2);
    files["tsconfig.emit.json"] = JSON.stringify({
      compilerOptions: { ...CONFIGS.nodenext.compilerOptions, noEmit: false, outDir: "out", rootDir: "." },
      files: ["cjs.cts", "run.mts"],
    });
    await write(dir, files);
    return dir;
  })();
  return projectP;
}

async function tsc(dir, config) {
  return node([await bin("typescript", "typescript/bin/tsc"), "-p", config, "--pretty", "false"], dir);
}

describe("TypeScript 5.9.3", () => {
  for (const mode of Object.keys(CONFIGS)) {
    test(`moduleResolution ${mode}: every entry type-checks (strict, no DOM/Node lib)${CONFIGS[mode].files.includes("cjs.cts") ? ", and the .cts" : ""}`, async () => {
      const dir = await tsProject();
      await tsc(dir, `tsconfig.${mode}.json`); // runOk: a diagnostic fails the test with tsc's output
    });
  }

  test("nodenext output runs: the .cts as CommonJS without require(esm), the .mts as ESM", async () => {
    const dir = await tsProject();
    await tsc(dir, "tsconfig.emit.json");
    const cjs = JSON.parse((await node(["--no-experimental-require-module", join("out", "cjs.cjs")], dir)).stdout);
    assert.equal(cjs.code, "impossibleDate");
    assert.deepEqual(cjs.results, EXPECTED);
    const esm = JSON.parse((await node([join("out", "run.mjs")], dir)).stdout);
    assert.deepEqual(esm, EXPECTED);
  });
});
