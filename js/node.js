// hoken-check for Node.js (20+): loads the .wasm from its file, synchronously, at import.
import { readFileSync } from "node:fs";
import { initSync } from "./hoken_check.js";

initSync({ module: readFileSync(new URL("./hoken_check_bg.wasm", import.meta.url)) });

// The entries initialise at import, a side effect: package.json "sideEffects" names them so
// bundlers (Vite/Rolldown, webpack) keep them even though they only re-export.
export * from "./api.js";
