// hoken-check with the WebAssembly bytes embedded: nothing at all is fetched. For locked-down
// pages, single-file editions and environments without file or network access.
import { initSync } from "./hoken_check.js";

const WASM_BASE64 = "__WASM_BASE64__";

function decode(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

initSync({ module: decode(WASM_BASE64) });

// The entries initialise at import, a side effect: package.json "sideEffects" names them so
// bundlers (Vite/Rolldown, webpack) keep them even though they only re-export.
export * from "./api.js";
