// hoken-check for Node.js (20+): loads the .wasm from its file, synchronously, at import.
import { readFileSync } from "node:fs";
import * as wasm from "./hoken_check.js";

wasm.initSync({ module: readFileSync(new URL("./hoken_check_bg.wasm", import.meta.url)) });

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
