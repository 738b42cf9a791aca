// The page's copy of the browser entry (www/pkg/browser.js): dist/browser.js with init.js,
// slim.js and errors.js bundled in, so the page still loads exactly browser.js, api.js,
// hoken_check.js and the .wasm — the files www/sw.js caches for offline use and
// www/index.html preloads. api.js and the glue stay separate modules, as before.
// usage: node scripts/make-page-entry.mjs <dist/browser.js> <www/pkg/browser.js>
import { build } from "esbuild";

const [input, output] = process.argv.slice(2);
const result = await build({
  entryPoints: [input],
  outfile: output,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  external: ["./api.js", "./hoken_check.js"],
  legalComments: "none",
  logLevel: "silent",
});
if (result.warnings.length) {
  for (const w of result.warnings) console.error(w.text);
  process.exit(1);
}
console.log(`page entry: ${output}`);
