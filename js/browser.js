// hoken-check for browsers and bundlers (Vite, webpack): initialises the WebAssembly module
// once, at import (top-level await), so every export is a plain synchronous call.
// The .wasm is found next to this file via import.meta.url, which bundlers understand.
// (No top-level await wanted? Use "hoken-check/slim" and call init(), or "hoken-check/inline".)
import { init } from "./init.js";

await init({ wasm: new URL("./hoken_check_bg.wasm", import.meta.url) });

// The entries initialise at import, a side effect: package.json "sideEffects" names them so
// bundlers (Vite/Rolldown, webpack) keep them even though they only re-export.
export { init, initSync } from "./init.js";
export { HokenCheckError, isHokenCheckError } from "./errors.js";
export * from "./api.js";
