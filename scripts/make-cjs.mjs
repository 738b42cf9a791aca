// The CommonJS build of the package ("require" condition): each ESM entry in dist/ bundled by
// esbuild into one .cjs file next to it (the glue, api.js, init.js and errors.js inlined), so
// `require("hoken-check")` works in Node 20.0+ without require(esm), in Jest's default config and
// in CommonJS bundles. Generated from the same ESM sources: nothing is written twice.
// usage: node scripts/make-cjs.mjs <dist-dir>
import { build } from "esbuild";
import { join } from "node:path";

const dist = process.argv[2];
if (!dist) {
  console.error("usage: node scripts/make-cjs.mjs <dist-dir>");
  process.exit(2);
}

const ENTRIES = [
  // node.cjs finds the .wasm next to itself: import.meta.url becomes this file's own URL.
  {
    in: "node.js",
    out: "node.cjs",
    platform: "node",
    define: { "import.meta.url": "__hoken_check_url" },
    banner: 'const __hoken_check_url = require("node:url").pathToFileURL(__filename).href;',
  },
  { in: "inline.js", out: "inline.cjs", platform: "neutral" },
  { in: "slim.js", out: "slim.cjs", platform: "neutral" },
];

for (const e of ENTRIES) {
  const result = await build({
    entryPoints: [join(dist, e.in)],
    outfile: join(dist, e.out),
    bundle: true,
    format: "cjs",
    platform: e.platform,
    target: "node20",
    external: ["node:*"],
    define: e.define ?? {},
    banner: { js: `"use strict";${e.banner ? "\n" + e.banner : ""}` },
    legalComments: "none",
    logLevel: "silent",
  });
  // A warning (e.g. an import.meta left in a CommonJS file) would be a broken entry: fail.
  if (result.warnings.length) {
    for (const w of result.warnings) console.error(`${e.in}: ${w.text}`);
    process.exit(1);
  }
  console.log(`cjs entry: ${join(dist, e.out)}`);
}
