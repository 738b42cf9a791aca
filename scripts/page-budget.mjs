#!/usr/bin/env node
// Page budgets (prints only; never fails on a figure):
//  1. first-visit transfer, brotli (node:zlib, quality 11): what the page needs for its first
//     question — HTML + CSS + JS + wasm + one language — goal ≤ 100 KB; also the whole first
//     visit as it really happens (the other two catalogs, fetched after the first question so a
//     language switch needs no network, and the service worker); and the insurer-pack path
//     (pkg-pack/'s full engine instead of pkg/'s module) on its own line.
//  2. time from navigation to the first question ready (engine loaded, catalog in, question
//     rendered: performance mark "hc-first-question") in headless Chromium, median of 5 fresh
//     loads — goal ≤ 300 ms.
//  3. the <hoken-check> element: its loader (goal ≤ 5 KB brotli) and its whole first check
//     (loader + UI + engine + one catalog, goal ≤ 110 KB brotli).
//
//   node scripts/page-budget.mjs        (run scripts/build.sh first)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { serve, launch } from "../tests/e2e/helpers.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Measured: site/, what is deployed (www/ minified file by file by scripts/make-site.mjs; its
// import specifiers keep double quotes, which the patterns below read). Each file's row also
// shows the brotli size of its www/ source. The page goal is issue 7's ≤ 100 KB.
const SRC = path.join(ROOT, "www");
const SITE = path.join(ROOT, "site");
if (!fs.existsSync(path.join(SITE, "pkg", "hoken_check_bg.wasm"))) {
  console.error("page-budget: site/pkg missing; run bash scripts/build.sh first");
  process.exit(1);
}

const br = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(6) + " KB";

// The files the first question needs, read from index.html's references and app.js's imports
// rather than listed by hand, so a new module is counted.
const html = fs.readFileSync(path.join(SITE, "index.html"), "utf8");
const refs = [...html.matchAll(/(?:href|src)="([^"#:]+)"/g)].map((m) => m[1]).filter((r) => !r.startsWith("data"));
const files = new Set(["index.html", ...refs]);
// pkg-pack/ is the insurer-pack path: the full engine, imported instead of pkg/ only when a pack
// is used. The budgets count the everyday path; the pack path is printed on its own line below.
const PACK_PATH = "pkg-pack/";
const packEntries = new Set();
/** Adds to `into` every module `file` imports (statically or dynamically), and theirs; with
 * `skipPack`, an import of pkg-pack/ is noted in packEntries instead of followed. */
const visit = (file, into = files, skipPack = true) => {
  const src = fs.readFileSync(path.join(SITE, file), "utf8");
  for (const m of src.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)) {
    const f = path.normalize(path.join(path.dirname(file), m[1]));
    if (skipPack && f.startsWith(PACK_PATH)) { packEntries.add(f); continue; }
    if (!into.has(f)) { into.add(f); visit(f, into, skipPack); }
  }
};
for (const f of [...files]) if (f.endsWith(".js") && fs.existsSync(path.join(SITE, f))) visit(f);
files.add("pkg/hoken_check_bg.wasm");
files.add("locales/ja.json");
const needed = [...files].filter((f) => f !== "legacy.js" && fs.existsSync(path.join(SITE, f)));

let raw = 0, brTotal = 0;
const rows = [];
for (const f of needed.sort()) {
  const buf = fs.readFileSync(path.join(SITE, f));
  const b = br(buf);
  raw += buf.length; brTotal += b;
  const src = path.join(SRC, f);
  rows.push(`  ${f.padEnd(28)} raw ${kb(buf.length)}  brotli ${kb(b)}${fs.existsSync(src) ? `  (www/ source: brotli ${kb(br(fs.readFileSync(src)))})` : ""}`);
}
console.log("page-budget: first visit, files the first question needs (one language: ja):");
console.log(rows.join("\n"));
console.log(`page-budget: first-visit transfer (HTML+CSS+JS+wasm+ja): raw ${kb(raw)}, brotli ${kb(brTotal)} (goal ≤ 100 KB)`);
// The pack path (?pack=URL, or an element with a pack): the same files, pkg-pack/'s engine in
// place of pkg/'s module (pkg/'s scripts are still preloaded by index.html), the pack not counted.
const packFiles = new Set(packEntries);
for (const f of packEntries) visit(f, packFiles, false);
packFiles.add(PACK_PATH + "hoken_check_bg.wasm");
let packBr = 0;
for (const f of [...needed.filter((f) => f !== "pkg/hoken_check_bg.wasm"), ...packFiles]) packBr += br(fs.readFileSync(path.join(SITE, f)));
console.log(`page-budget: pack path, first visit with a pack (${[...packFiles].sort().join(", ")} instead of pkg/hoken_check_bg.wasm): brotli ${kb(packBr)}`);
let extra = 0;
for (const f of ["locales/en.json", "locales/ja-easy.json", "sw.js"]) extra += br(fs.readFileSync(path.join(SITE, f)));
console.log(`page-budget: whole first visit incl. the other two catalogs and sw.js: brotli ${kb(brTotal + extra)}`);

// --- the <hoken-check> element on a host page (issue 8 budget) ------------------------------------------
// 3. the loader a host page includes (goal ≤ 5 KB brotli), and the element's whole first check:
//    loader + UI + engine + one catalog, followed from the loader's imports (goal ≤ 110 KB).
const elementFiles = new Set(["hoken-check-element.js"]);
visit("hoken-check-element.js", elementFiles);
elementFiles.add("pkg/hoken_check_bg.wasm");
elementFiles.add("locales/ja.json");
const loaderBr = br(fs.readFileSync(path.join(SITE, "hoken-check-element.js")));
let elementBr = 0;
for (const f of elementFiles) elementBr += br(fs.readFileSync(path.join(SITE, f)));
console.log(`page-budget: <hoken-check> loader (hoken-check-element.js): brotli ${kb(loaderBr)} (goal ≤ 5 KB)`);
console.log(`page-budget: <hoken-check> whole first check (${[...elementFiles].sort().join(", ")}): brotli ${kb(elementBr)} (goal ≤ 110 KB)`);

// --- time to the first question ----------------------------------------------------------------------
const srv = await serve();
const browser = await launch();
const times = [];
try {
  for (let i = 0; i < 6; i++) {
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    const page = await ctx.newPage();
    await page.goto(srv.url);
    await page.waitForSelector("html[data-ready]");
    const t = await page.evaluate(() => performance.getEntriesByName("hc-first-question")[0].startTime);
    if (i > 0) times.push(t); // the first load warms the browser process itself
    await ctx.close();
  }
} finally {
  await browser.close();
  await srv.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`page-budget: navigation → first question ready, headless Chromium, fresh context each: ${times.map((t) => t.toFixed(0)).join(", ")} ms; median ${median.toFixed(0)} ms (goal ≤ 300 ms)`);
