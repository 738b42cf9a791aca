// hoken-check without automatic initialisation: nothing is loaded until you call
// `await init({ wasm })` (a URL, the bytes or a WebAssembly.Module) or `initSync({ wasm })`.
// No top-level await and no reference to the .wasm file, so every bundler and output format
// (iife, CommonJS, ESM) accepts it and emits no .wasm you did not ask for.
export { init, initSync } from "./init.js";
export { HokenCheckError, isHokenCheckError } from "./errors.js";
export * from "./api.js";
