// The package's functions, shared by every entry (browser.js, node.js, inline.js). Each entry
// initialises the WebAssembly module at import, before anything can call these.
import * as wasm from "./hoken_check.js";

export function assess(situation) { return wasm.assess(situation); }
export function assessSummary(situation) { return wasm.assessSummary(situation); }
export function assessMany(situations) { return wasm.assessMany(situations); }
export function missingFields(partial) { return wasm.missingFields(partial); }
export function parseDate(text) { return wasm.parseDate(text); }
export function rulesInfo() { return wasm.rulesInfo(); }
export function toWareki(isoDate) { return wasm.toWareki(isoDate); }
