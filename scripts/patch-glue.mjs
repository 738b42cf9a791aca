// Removes the default .wasm location from wasm-bindgen's web glue (dist/hoken_check.js):
// `new URL('hoken_check_bg.wasm', import.meta.url)`. Bundlers (Vite, webpack, Rollup plugins)
// emit a .wasm asset for every such expression they see, even in code never run — so with it,
// "hoken-check/inline" and "hoken-check/slim" shipped an unused 160 KB .wasm. Every entry passes
// its own source to init()/initSync() (js/init.js), so the default is never needed.
// usage: node scripts/patch-glue.mjs <glue.js>
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
const text = readFileSync(file, "utf8");
const re = /new URL\(\s*['"][\w.-]+_bg\.wasm['"]\s*,\s*import\.meta\.url\s*\)/g;
const hits = text.match(re) ?? [];
if (hits.length !== 1) {
  console.error(`${file}: expected exactly one default .wasm URL, found ${hits.length} (wasm-bindgen output changed?)`);
  process.exit(1);
}
const out = text.replace(re, "undefined");
if (/import\.meta/.test(out)) {
  console.error(`${file}: still uses import.meta after the patch`);
  process.exit(1);
}
writeFileSync(file, out);
console.log(`glue: ${file} has no default .wasm URL`);
