// hoken-check with the WebAssembly bytes embedded: nothing at all is fetched, no .wasm file is
// emitted by bundlers, no top-level await. For locked-down pages, single-file editions, iife
// bundles and environments without file or network access.
import { initSync } from "./init.js";

const WASM_BASE64 = "__WASM_BASE64__";

function decode(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

initSync({ wasm: decode(WASM_BASE64) });

// The entries initialise at import, a side effect: package.json "sideEffects" names them so
// bundlers (Vite/Rolldown, webpack) keep them even though they only re-export.
export { init, initSync } from "./init.js";
export { HokenCheckError, isHokenCheckError } from "./errors.js";
export * from "./api.js";
