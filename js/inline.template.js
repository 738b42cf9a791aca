// hoken-check with the WebAssembly bytes embedded: nothing at all is fetched. For locked-down
// pages, single-file editions and environments without file or network access.
import * as wasm from "./hoken_check.js";

const WASM_BASE64 = "__WASM_BASE64__";

function decode(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

wasm.initSync({ module: decode(WASM_BASE64) });

// Wrappers, not `export { … } from "./hoken_check.js"`: package.json says "sideEffects": false,
// and a bundler (Vite/Rolldown, webpack) drops a side-effect-free module whose exports are all
// re-exports, top-level init included; every function would then run against an
// uninitialised module. A module with its own used exports keeps its top-level statements.
export function assess(situation) { return wasm.assess(situation); }
export function assessSummary(situation) { return wasm.assessSummary(situation); }
export function assessMany(situations) { return wasm.assessMany(situations); }
export function missingFields(partial) { return wasm.missingFields(partial); }
export function parseDate(text) { return wasm.parseDate(text); }
export function rulesInfo() { return wasm.rulesInfo(); }
