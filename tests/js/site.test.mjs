// site/ is what is deployed and what the browser tests load: www/ minified file by file by
// scripts/make-site.mjs (run by scripts/build.sh). These tests hold it to www/: the same files,
// every script still parses (and every module's static imports still link) in V8, nothing grew,
// the data is the same data, and the service worker's manifest describes site/'s own bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { walk, classicScripts, GENERATED, CSS_MODULES } from "../../scripts/make-site.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WWW = path.join(ROOT, "www");
const SITE = path.join(ROOT, "site");
assert.ok(fs.existsSync(path.join(SITE, "index.html")), "site/ missing: run bash scripts/build.sh");

const wwwFiles = walk(WWW);
const siteFiles = walk(SITE);
const read = (dir, f) => fs.readFileSync(path.join(dir, f));
const MINIFIED = new Set([".js", ".css", ".json"]);

test("site/ holds exactly the files of www/", () => {
  assert.ok(siteFiles.length > 30, `site/ has only ${siteFiles.length} files`);
  assert.deepEqual(siteFiles, wwwFiles);
  for (const f of ["index.html", "_headers", "sw.js", "pkg/hoken_check_bg.wasm", "locales/ja.json", "build.json", "sw-version.js"]) {
    assert.ok(siteFiles.includes(f), `site/${f}`);
  }
});

test("the classic scripts are found from the HTML files and the service worker, and written in ASCII", () => {
  // Everything else is minified as an ES module (top-level names renamed): a classic script
  // missed here would lose its globals.
  assert.deepEqual([...classicScripts(WWW)].sort(), ["hoken-check-frame.js", "legacy.js", "sw.js"]);
  // A classic script is decoded in the including page's encoding (a Shift_JIS host page), so
  // site/ writes its text as \u escapes; www/legacy.js has Japanese text (else this checks nothing).
  assert.match(read(WWW, "legacy.js").toString("utf8"), /[^\x00-\x7f]/);
  for (const f of classicScripts(WWW)) assert.doesNotMatch(read(SITE, f).toString("utf8"), /[^\x00-\x7f]/, `site/${f} is not ASCII`);
});

test("every .js of site/ parses in V8 as what it is, and every module's imports link", () => {
  const classic = [...classicScripts(WWW), "sw-version.js"];
  const js = siteFiles.filter((f) => f.endsWith(".js"));
  // vm.SourceTextModule needs --experimental-vm-modules: one child process checks them all.
  // Modules are parsed and linked (each import resolved to a site/ file that exports the name),
  // never evaluated.
  const checker = `
    import vm from "node:vm"; import fs from "node:fs";
import os from "node:os"; import path from "node:path";
    const [dir, classic, files] = JSON.parse(process.argv[1]);
    const errors = [], mods = new Map();
    for (const f of files) {
      const code = fs.readFileSync(path.join(dir, f), "utf8");
      try {
        if (classic.includes(f)) new vm.Script(code, { filename: f });
        else mods.set(f, new vm.SourceTextModule(code, { identifier: f }));
      } catch (e) { errors.push(f + ": " + e.message); }
    }
    for (const [f, m] of mods) {
      if (m.status !== "unlinked") continue; // linked already as another module's import
      try {
        await m.link((spec, ref) => {
          if (!spec.startsWith(".")) throw new Error("import of " + spec + " (not relative)");
          const t = path.posix.normalize(path.posix.join(path.posix.dirname(ref.identifier), spec));
          if (!mods.has(t)) throw new Error("import of " + spec + ": no module site/" + t);
          return mods.get(t);
        });
      } catch (e) { errors.push(f + ": " + e.message); }
    }
    console.log(JSON.stringify({ errors, modules: mods.size }));`;
  const out = execFileSync(process.execPath, ["--experimental-vm-modules", "--no-warnings", "--input-type=module", "-e", checker,
    JSON.stringify([SITE, classic, js])], { encoding: "utf8" });
  const { errors, modules } = JSON.parse(out.trim().split("\n").at(-1));
  assert.deepEqual(errors, []);
  assert.equal(modules, js.length - classic.length, "every .js that is not a classic script was checked as a module");
});

test("scripts written in ES5 stay ES5 (legacy.js is for browsers without ES modules)", async () => {
  const es5 = async (code) => transform(code, { target: "es5", logLevel: "silent" }).then(() => true, () => false);
  const found = [];
  for (const f of [...classicScripts(WWW)]) {
    if (!(await es5(read(WWW, f).toString("utf8")))) continue;
    found.push(f);
    assert.ok(await es5(read(SITE, f).toString("utf8")), `site/${f} is no longer ES5`);
  }
  assert.ok(found.includes("legacy.js"), "www/legacy.js is ES5 (else this test checks nothing)");
  assert.equal(await es5(read(SITE, "sw.js").toString("utf8")), false, "the ES5 check can fail (sw.js is ES2015+)");
});

test("every minified file is no larger than its source, HTML only loses its comments, the rest are byte-identical copies", () => {
  let smaller = 0;
  for (const f of siteFiles) {
    if (GENERATED.has(f)) continue;
    const a = read(WWW, f), b = read(SITE, f);
    if (f.endsWith(".html")) {
      // Comments removed, nothing else (whitespace aside, the same markup).
      const norm = (h) => h.toString("utf8").replace(/<!--[\s\S]*?-->/g, "").replace(/\s+/g, " ");
      assert.equal(norm(b), norm(a), `site/${f}: only comments may go`);
      assert.doesNotMatch(b.toString("utf8"), /<!--/, `site/${f} keeps a comment`);
      assert.ok(b.length <= a.length);
    } else if (MINIFIED.has(path.extname(f))) {
      assert.ok(b.length <= a.length, `site/${f}: ${b.length} B > www/${f}: ${a.length} B`);
      if (b.length < a.length) smaller++;
    } else {
      assert.ok(a.equals(b), `site/${f} differs from www/${f}`);
    }
  }
  for (const f of ["app.js", "hoken-check-ui.js", "answer.js", "pkg/api.js", "style.css", "hoken-check-style.js"]) {
    assert.ok(read(SITE, f).length < read(WWW, f).length * 0.9, `site/${f} is not minified`);
  }
  assert.ok(smaller > 20, `only ${smaller} files got smaller`);
});

test("JSON (catalogs, packs) is the same data, written compact", () => {
  const json = siteFiles.filter((f) => f.endsWith(".json") && !GENERATED.has(f));
  assert.ok(json.some((f) => f.startsWith("locales/")) && json.some((f) => f.startsWith("packs/")));
  for (const f of json) {
    const text = read(SITE, f).toString("utf8");
    assert.deepEqual(JSON.parse(text), JSON.parse(read(WWW, f).toString("utf8")), f);
    assert.equal(text, JSON.stringify(JSON.parse(text)), `site/${f} is compact`);
  }
});

test("a CSS module keeps its exports and every property it declares, minified", async () => {
  // esbuild may merge rules and rewrite selectors (::before -> :before); the properties a rule
  // can set stay, and every custom property (the design tokens, the host's --hoken-check-*).
  const props = (css) => new Set([...css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/[{;]\s*(-?-?[A-Za-z][\w-]*)\s*:/g)].map((m) => m[1]));
  for (const f of CSS_MODULES) {
    const a = await import(pathToFileURL(path.join(WWW, f)).href), b = await import(pathToFileURL(path.join(SITE, f)).href);
    assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), f);
    for (const k of Object.keys(a)) {
      assert.ok(b[k].length < a[k].length * 0.9, `${f} ${k}: not minified`);
      const want = props(a[k]);
      assert.ok(want.size > 40 && want.has("--hc-rem") && want.has("line-break"), `${f} ${k}: the property pattern no longer matches`);
      assert.deepEqual([...props(b[k])].sort(), [...want].sort(), `${f} ${k}: declared properties`);
    }
  }
});

test("site/build.json lists site/'s files with the SHA-256 of their bytes, as sw-version.js", () => {
  const m = JSON.parse(read(SITE, "build.json").toString("utf8"));
  const files = Object.keys(m.files);
  assert.ok(files.length > 20 && files.includes("pkg/hoken_check_bg.wasm") && files.includes("app.js"));
  for (const f of files) {
    assert.equal(m.files[f], crypto.createHash("sha256").update(read(SITE, f)).digest("hex"), `build.json hash of site/${f}`);
  }
  // The minified bytes, not www/'s: the worker verifies what the server sends.
  assert.notEqual(m.files["app.js"], crypto.createHash("sha256").update(read(WWW, "app.js")).digest("hex"));
  assert.ok(read(SITE, "sw-version.js").toString("utf8").includes(JSON.stringify(m, null, 1)));
});

test("the single-file bundler refuses minified modules rather than leaving them half-bundled", () => {
  // scripts/make-single-file.mjs reads www/ (its line patterns do not read minified imports);
  // given site/, it must stop — before its guard knew the compact forms it wrote a 4-module file.
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hc-single-")), "x.html");
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/make-single-file.mjs"), SITE, out], { encoding: "utf8" });
  assert.notEqual(r.status, 0, "make-single-file accepted site/");
  assert.match(r.stderr, /an import\/export form the bundler does not know is left/);
  assert.equal(fs.existsSync(out), false);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
});
