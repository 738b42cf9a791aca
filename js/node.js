// hoken-check for Node.js (20+): loads the .wasm from its file, synchronously, at import.
import { readFileSync } from "node:fs";
import { initSync } from "./hoken_check.js";

initSync({ module: readFileSync(new URL("./hoken_check_bg.wasm", import.meta.url)) });

export { assess, assessMany, missingFields, parseDate, rulesInfo } from "./hoken_check.js";
