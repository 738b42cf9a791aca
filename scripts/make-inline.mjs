// Writes the ./inline entry: the template with the .wasm bytes embedded as base64.
// usage: node scripts/make-inline.mjs <wasm> <template> <out>
import { readFileSync, writeFileSync } from "node:fs";

const [wasm, template, out] = process.argv.slice(2);
if (!wasm || !template || !out) {
  console.error("usage: node scripts/make-inline.mjs <wasm> <template> <out>");
  process.exit(2);
}
const b64 = readFileSync(wasm).toString("base64");
const text = readFileSync(template, "utf8");
if (!text.includes("__WASM_BASE64__")) {
  console.error(`${template} has no __WASM_BASE64__ placeholder`);
  process.exit(1);
}
writeFileSync(out, text.replace("__WASM_BASE64__", b64));
console.log(`inline entry: ${out} (${(b64.length / 1024).toFixed(1)} KiB of base64)`);
