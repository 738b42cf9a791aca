#!/usr/bin/env node
// The deployable copy of the page: site/ = www/ with every file minified on its own (no bundling),
// so what people download is small and what the browser tests load is exactly what is deployed.
// scripts/build.sh runs it after www/ holds the engine and the catalogs, then runs
// scripts/sw-manifest.mjs on site/ so the service worker's hashes are those of these bytes.
//
//   node scripts/make-site.mjs [www-dir] [site-dir]
//
// Per file, by extension:
//   .js    esbuild's transform API (minify, legalComments "none", charset utf8 so Japanese text
//          stays UTF-8 rather than \u escapes). File names, imports and exports are unchanged, so
//          every relative URL, import.meta.url, new URL(…) and modulepreload keeps working.
//          ES modules: target es2022 (what the page already assumes: ES modules, top-level await
//          in pkg/browser.js, WebAssembly, constructable stylesheets). Classic scripts — the ones
//          an HTML file loads without type="module" (legacy.js, hoken-check-frame.js) and the
//          service worker — are minified as scripts (top-level names kept, non-ASCII text as \u
//          escapes, whatever the including page's encoding); one written in ES5 (legacy.js: for
//          browsers without ES modules) is minified for es5 and so stays ES5.
//          CSS modules (CSS_MODULES: a JS module exporting CSS text) get that text minified too.
//   .css   esbuild's CSS minifier, no lowering (the output uses the syntax of the source).
//   .json  written compact.
//   .html  comments removed, nothing else: whitespace between inline elements is text, and no
//          HTML minifier is installed here. Safe with the CSP: the pages have no inline script or
//          style (no hashes to keep); a page with a raw-text element (script, style, textarea,
//          pre…) holding "<!--" stops the build.
//   other  copied as they are (_headers, .wasm).
// Not copied: build.json and sw-version.js (scripts/sw-manifest.mjs writes them for site/).
// A minified file larger than its source, or anything esbuild warns about, stops the build.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transform } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WWW = path.resolve(process.argv[2] || path.join(ROOT, "www"));
const SITE = path.resolve(process.argv[3] || path.join(ROOT, "site"));

/** Generated for site/ by scripts/sw-manifest.mjs, so never copied from www/. */
export const GENERATED = new Set(["build.json", "sw-version.js"]);
/** The service worker: registered by app.js as a classic script (importScripts). */
export const SERVICE_WORKER = "sw.js";
/** JS modules whose exports are CSS text (the element's shadow-root styles). */
export const CSS_MODULES = new Set(["hoken-check-style.js"]);
/** The target of the page's ES modules (as scripts/make-page-entry.mjs). */
export const MODULE_TARGET = "es2022";

const die = (m) => { console.error("make-site: " + m); process.exit(1); };

/** Every regular file under `dir` as a "/"-separated path relative to it, dotfiles left out. */
export function walk(dir, rel = "") {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else if (e.isFile()) out.push(r);
  }
  return out.sort();
}

/** The classic (non-module) scripts of `dir`: every <script src> of its HTML files without
 * type="module", and the service worker. */
export function classicScripts(dir) {
  const out = new Set([SERVICE_WORKER]);
  for (const f of walk(dir).filter((f) => f.endsWith(".html"))) {
    const html = fs.readFileSync(path.join(dir, f), "utf8");
    for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
      const src = tag.match(/\ssrc="([^"]+)"/);
      if (!src || /\stype="module"/i.test(tag) || /^[a-z]+:/i.test(src[1])) continue;
      out.add(path.posix.normalize(path.posix.join(path.posix.dirname(f), src[1])));
    }
  }
  return out;
}

/** esbuild's minifier with the options of every site/ file; fails on any esbuild warning. */
export async function esbuild(code, options, file) {
  const r = await transform(code, { minify: true, legalComments: "none", charset: "utf8", logLevel: "silent", ...options });
  if (r.warnings.length) die(`${file}: ${r.warnings.map((w) => w.text).join("; ")}`);
  return r.code;
}

/** Is this script ES5 (esbuild refuses to lower later syntax to es5)? */
async function isEs5(code) {
  try {
    await transform(code, { target: "es5", logLevel: "silent" });
    return true;
  } catch {
    return false;
  }
}

/** A CSS module's source rebuilt with its CSS minified (`export const NAME = "…";` lines): every
 * export must be a string (fails otherwise). Also used by scripts/make-single-file.mjs. */
export async function cssModuleSource(www, file) {
  const src = fs.readFileSync(path.join(www, file), "utf8");
  if (/^\s*import\b/m.test(src)) die(`${file}: a CSS module must import nothing`);
  const mod = await import(pathToFileURL(path.join(www, file)).href);
  const names = Object.keys(mod);
  if (!names.length) die(`${file}: a CSS module with no exports`);
  const out = [];
  for (const name of names) {
    if (name === "default" || typeof mod[name] !== "string") die(`${file}: export ${name} is not a named CSS string`);
    const css = (await esbuild(mod[name], { loader: "css" }, file)).trim();
    out.push(`export const ${name} = ${JSON.stringify(css)};`);
  }
  return out.join("\n");
}

/** An HTML page without its comments (a comment on lines of its own: those lines). */
export function htmlWithoutComments(html, file = "HTML") {
  for (const m of html.matchAll(/<(script|style|textarea|pre|title|xmp|noscript)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    if (m[2].includes("<!--")) die(`${file}: "<!--" inside <${m[1]}>; not removing comments here`);
  }
  return html.replace(/^[ \t]*<!--[\s\S]*?-->[ \t]*\n/gm, "").replace(/<!--[\s\S]*?-->/g, "");
}

export async function makeSite(www = WWW, site = SITE) {
  if (!fs.existsSync(path.join(www, "index.html"))) die(`${www}/index.html missing (run scripts/build.sh first)`);
  const classic = classicScripts(www);
  fs.rmSync(site, { recursive: true, force: true });
  let before = 0, after = 0, n = 0;
  for (const f of walk(www)) {
    if (GENERATED.has(f)) continue;
    const from = path.join(www, f), to = path.join(site, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const ext = path.extname(f);
    const src = fs.readFileSync(from);
    let out;
    if (ext === ".js") {
      const code = CSS_MODULES.has(f) ? await cssModuleSource(www, f) : src.toString("utf8");
      if (classic.has(f)) {
        // charset ascii: a classic script is decoded in its document's encoding unless the server
        // names one (a Shift_JIS host page loading hoken-check-frame.js); \u escapes read the same
        // in any. Modules and workers are always decoded as UTF-8, so they keep UTF-8 text.
        out = await esbuild(code, { loader: "js", charset: "ascii", target: (await isEs5(code)) ? "es5" : MODULE_TARGET }, f);
      } else {
        out = await esbuild(code, { loader: "js", format: "esm", target: MODULE_TARGET }, f);
      }
    } else if (ext === ".css") {
      out = await esbuild(src.toString("utf8"), { loader: "css" }, f);
    } else if (ext === ".json") {
      out = JSON.stringify(JSON.parse(src.toString("utf8")));
    } else if (ext === ".html") {
      out = htmlWithoutComments(src.toString("utf8"), f);
    } else {
      fs.copyFileSync(from, to);
      continue;
    }
    const bytes = Buffer.from(out, "utf8");
    if (bytes.length > src.length) die(`${f}: minified ${bytes.length} B is larger than its source ${src.length} B`);
    fs.writeFileSync(to, bytes);
    before += src.length; after += bytes.length; n++;
  }
  const kb = (b) => (b / 1024).toFixed(1) + " KiB";
  console.log(`site: ${path.relative(ROOT, site) || site}/ from ${path.relative(ROOT, www) || www}/: ${n} files minified, ${kb(before)} -> ${kb(after)}; classic scripts: ${[...classic].sort().join(", ")}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await makeSite();
