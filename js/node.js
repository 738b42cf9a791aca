// hoken-check for Node.js (20+): loads the .wasm from its file, synchronously, at import.
// The CommonJS build (node.cjs, the "require" condition) is this file bundled by esbuild.
import { readFileSync } from "node:fs";
import { HokenCheckError } from "./errors.js";
import { initSync } from "./init.js";

function wasmPath() {
  // import.meta.url is missing when a bundler turned this file into CommonJS without telling
  // it where the .wasm went (e.g. esbuild --platform=node --format=cjs --bundle).
  const base = typeof import.meta.url === "string" && import.meta.url ? import.meta.url : null;
  if (!base) {
    throw new HokenCheckError("wasmInitFailed", {
      messageJa:
        "hoken-check がバンドルされ、.wasm の場所が分かりません。hoken-check を external にするか、hoken-check/inline を使ってください。",
      messageEn:
        "hoken-check was bundled without its .wasm file: mark it external (esbuild --packages=external) or import \"hoken-check/inline\".",
    });
  }
  return new URL("./hoken_check_bg.wasm", base);
}

initSync({ wasm: readFileSync(wasmPath()) });

// The entries initialise at import, a side effect: package.json "sideEffects" names them so
// bundlers (Vite/Rolldown, webpack) keep them even though they only re-export.
export { init, initSync } from "./init.js";
export { HokenCheckError, isHokenCheckError } from "./errors.js";
export * from "./api.js";
