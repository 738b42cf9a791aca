#!/usr/bin/env node
// The single-file offline edition: dist-page/hoken-check.html, one HTML file with the CSS, the
// JavaScript, the three catalogs and the WebAssembly (pkg/inline.js: the bytes as base64) inlined.
// It works from file:// on a locked-down reception PC: nothing is fetched at all.
//
//   node scripts/make-single-file.mjs [www-dir] [out-file]
//
// The ES modules of www/ are joined by a tiny bundler that knows exactly the import/export forms
// used there (and fails loudly on any other): each module becomes a function scope returning its
// exports, in dependency order. The UI's `import("./pkg/browser.js")` becomes pkg/inline.js.
// It reads www/ (the source), not site/: minified modules put every import on one line in
// forms (`import{a as b}from"./x.js"`) its line patterns do not read. The joined script, the
// CSS (also the element's CSS text, as scripts/make-site.mjs does) and legacy.js are then
// minified with the same esbuild options as site/'s files.
//
// CSP: the page's strict policy allows only scripts and styles from 'self', which a file with
// everything inline cannot use (and 'self' means little on file://). This file instead allows
// exactly its own inline script and style by their SHA-256 hashes — still no 'unsafe-inline', no
// 'unsafe-eval' — plus 'wasm-unsafe-eval' to compile the module; default-src 'none' forbids every
// fetch, so nothing can leave the device.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { esbuild, cssModuleSource, CSS_MODULES, MODULE_TARGET } from "./make-site.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WWW = path.resolve(process.argv[2] || path.join(ROOT, "www"));
const OUT = path.resolve(process.argv[3] || path.join(ROOT, "dist-page", "hoken-check.html"));
const ENTRY = path.join(WWW, "app.js");
const DYNAMIC = {
  "./pkg/browser.js": path.join(WWW, "pkg", "inline.js"),
  // The full engine for packs: none here (default-src 'none' forbids fetching a pack anyway).
  "./pkg-pack/browser.js": path.join(WWW, "pkg", "inline.js"),
  // The <hoken-check> loader and its UI (loaded lazily on a web server) are simply bundled.
  "./hoken-check-element.js": path.join(WWW, "hoken-check-element.js"),
  "./hoken-check-ui.js": path.join(WWW, "hoken-check-ui.js"),
};

const die = (m) => { console.error("make-single-file: " + m); process.exit(1); };
for (const f of ["index.html", "style.css", "app.js", "pkg/inline.js", "legacy.js"]) {
  if (!fs.existsSync(path.join(WWW, f))) die(`${path.join(WWW, f)} missing (run scripts/build.sh first)`);
}

// --- bundler ------------------------------------------------------------------------------------
const modules = new Map(); // file -> { name, code }
const order = [];
const varName = (file) => "__m_" + path.relative(WWW, file).replace(/[^A-Za-z0-9]/g, "_");

function bindings(list) {
  // "a, b as c" -> [["a","a"],["b","c"]]
  return list.split(",").map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = s.match(/^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/);
    if (!m) die(`cannot read binding list "${list}"`);
    return [m[1], m[2] || m[1]];
  });
}

function bundle(file, stack = []) {
  if (modules.has(file)) return;
  if (stack.includes(file)) die("import cycle: " + [...stack, file].join(" -> "));
  let src = PRE.get(file) ?? fs.readFileSync(file, "utf8");
  const dir = path.dirname(file);
  const dep = (spec) => {
    const f = path.resolve(dir, spec);
    bundle(f, [...stack, file]);
    return varName(f);
  };
  const exported = [];      // [local, exportedName]
  const reexports = [];     // module vars whose exports are spread in
  // Dynamic imports that the single file replaces with an already loaded module.
  src = src.replace(/import\(\s*"([^"]+)"\s*\)/g, (m, spec) => {
    if (!DYNAMIC[spec] || dir !== WWW) die(`${file}: dynamic import of ${spec} is not known`);
    bundle(DYNAMIC[spec], [...stack, file]);
    return `Promise.resolve(${varName(DYNAMIC[spec])})`;
  });
  src = src.replace(/^import\s+([^;]*?)\s+from\s+"([^"]+)";?[ \t]*$/gm, (m, what, spec) => {
    const v = dep(spec);
    const out = [];
    let rest = what.trim();
    const def = rest.match(/^([A-Za-z_$][\w$]*)\s*(,\s*)?/);
    if (def && !rest.startsWith("{") && !rest.startsWith("*")) {
      out.push(`const ${def[1]} = ${v}.default;`);
      rest = rest.slice(def[0].length).trim();
    }
    if (rest.startsWith("*")) {
      const ns = rest.match(/^\*\s+as\s+([A-Za-z_$][\w$]*)$/);
      if (!ns) die(`${file}: cannot read "${m}"`);
      out.push(`const ${ns[1]} = ${v};`);
    } else if (rest.startsWith("{")) {
      const inner = rest.match(/^\{([^}]*)\}$/);
      if (!inner) die(`${file}: cannot read "${m}"`);
      out.push(`const { ${bindings(inner[1]).map(([a, b]) => (a === b ? a : `${a}: ${b}`)).join(", ")} } = ${v};`);
    } else if (rest) die(`${file}: cannot read "${m}"`);
    return out.join(" ");
  });
  src = src.replace(/^export\s+\*\s+from\s+"([^"]+)";?[ \t]*$/gm, (m, spec) => { reexports.push(dep(spec)); return ""; });
  src = src.replace(/^export\s+\{([^}]*)\}\s+from\s+"([^"]+)";?[ \t]*$/gm, (m, list, spec) => {
    const v = dep(spec);
    return bindings(list).map(([a, b]) => { exported.push([`${v}.${a}`, b]); return ""; }).join("");
  });
  src = src.replace(/^export\s+\{([^}]*)\};?[ \t]*$/gm, (m, list) => {
    for (const [a, b] of bindings(list)) exported.push([a, b]);
    return "";
  });
  src = src.replace(/^export\s+default\s+/gm, () => { exported.push(["__default", "default"]); return "const __default = "; });
  src = src.replace(/^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm, (m, kw, name) => {
    exported.push([name, name]);
    return `${kw} ${name}`;
  });
  // Also the compact forms (`import{a}from"./x.js"`, `export{b as c}`) of minified code, which
  // the line patterns above do not read: such a module must fail here, not be left half-bundled.
  if (/^\s*(import|export)\s|(?:^|[;})\s])(?:import|export)\s*[{*"'`]/m.test(src)) die(`${file}: an import/export form the bundler does not know is left`);
  if (/^await\s/m.test(src)) die(`${file}: top-level await cannot be bundled`);
  const ret = `return Object.assign({}, ${[...reexports, `{ ${exported.map(([a, b]) => (a === b ? a : `${JSON.stringify(b)}: ${a}`)).join(", ")} }`].join(", ")});`;
  modules.set(file, { name: varName(file), code: `const ${varName(file)} = (() => {\n${src}\n${ret}\n})();\n` });
  order.push(file);
}

// Modules given as rebuilt source: the CSS modules with their CSS minified.
const PRE = new Map();
for (const f of CSS_MODULES) PRE.set(path.join(WWW, f), await cssModuleSource(WWW, f));
bundle(ENTRY);
const script = "// hoken-check single-file edition; modules: " + order.map((f) => path.relative(WWW, f)).join(", ") + "\n"
  + await esbuild(order.map((f) => modules.get(f).code).join("\n"), { loader: "js", format: "esm", target: MODULE_TARGET }, "the joined script");

// --- page -----------------------------------------------------------------------------------------
const css = await esbuild(fs.readFileSync(path.join(WWW, "style.css"), "utf8"), { loader: "css" }, "style.css");
const legacy = await esbuild(fs.readFileSync(path.join(WWW, "legacy.js"), "utf8"), { loader: "js", target: "es5" }, "legacy.js");
const catalogs = ["ja", "en", "ja-easy"].map((l) => {
  const f = path.join(WWW, "locales", l + ".json");
  if (!fs.existsSync(f)) die(`${f} missing (run scripts/build.sh first)`);
  // JSON inside <script type="application/json">: only "</" needs escaping ("<\/" is valid JSON).
  const json = JSON.stringify(JSON.parse(fs.readFileSync(f, "utf8"))).replace(/<\//g, "<\\/");
  return `<script type="application/json" id="catalog-${l}">${json}</script>`;
}).join("\n");
// A literal "</script" inside the inlined JavaScript would end the element early.
const safeScript = script.replace(/<\/script/gi, "<\\/script");
const sha = (s) => "'sha256-" + crypto.createHash("sha256").update(s, "utf8").digest("base64") + "'";
const csp = `default-src 'none'; script-src ${sha(safeScript)} ${sha(legacy)} 'wasm-unsafe-eval'; style-src ${sha(css)}; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'`;

let html = fs.readFileSync(path.join(WWW, "index.html"), "utf8");
const replaceOnce = (re, to, what) => {
  if (!re.test(html)) die(`index.html: ${what} not found`);
  html = html.replace(re, to);
};
replaceOnce(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, "CSP meta");
replaceOnce(/<link rel="stylesheet" href="style.css">/, () => `<style>${css}</style>`, "stylesheet link");
html = html.replace(/^<link rel="(?:modulepreload|preload)"[^>]*>\n/gm, "");
// The embed-mode script (www/embed-frame.js) is for the served page in an iframe, never this file.
html = html.replace(/^<script type="module" src="embed-frame.js"><\/script>\n/m, "");
replaceOnce(/<script type="module" src="app.js"><\/script>/, () => `<script type="module">${safeScript}</script>`, "module script");
replaceOnce(/<script nomodule src="legacy.js"><\/script>/, () => `<script nomodule>${legacy}</script>`, "nomodule script");
replaceOnce(/<\/body>/, () => `${catalogs}\n</body>`, "</body>");
if (/\s(?:src|href)="(?!data:|#|https?:)/.test(html)) die("a reference to another file is left: " + html.match(/\s(?:src|href)="(?!data:|#|https?:)[^"]*"/)[0]);

fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, html);
console.log(`single-file: ${path.relative(ROOT, OUT)} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB; modules: ${order.length})`);
