// The npm package as a consumer gets it: the packed file list, and the packed tarball installed
// into a fresh project and used from Node (default and ./inline entries), from a Vite build and
// from plain module-script pages in headless Chromium (playwright-core + Debian chromium).
// Needs `bash scripts/build.sh` first (fails, never skips, when dist/ is missing).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { PKG, REPO, childEnv, packAndInstall, requireBuilt, runOk } from "./consumer/fixture.mjs";
import { EXAMPLES, EXPECTED, assertOneWasm, assertPageResult, browser, closeBrowser, openPage, pageHtml, pageScript, serve } from "./consumer/browser.mjs";

// --- shared, lazily built fixtures (each test works alone; after() removes everything) ----------

const tmpRoots = [];
async function tempDir(label) {
  const d = await mkdtemp(join(tmpdir(), `hoken-check-${label}-`));
  tmpRoots.push(d);
  return d;
}

let consumerP;
/** One packed + installed consumer project for the whole file: { tarball, consumer }. */
function consumer() {
  consumerP ??= tempDir("pkg").then(packAndInstall);
  return consumerP;
}

after(async () => {
  await closeBrowser();
  await Promise.all(tmpRoots.map((d) => rm(d, { recursive: true, force: true })));
});

// --- helpers -------------------------------------------------------------------------------------

/** The files npm always puts in a package, whatever "files" says (npm-packlist's rule). */
function npmAlwaysIncluded() {
  return readdirSync(REPO).filter(
    (f) => /^(readme|license|licence|copying)(\..*)?$/i.test(f) && statSync(join(REPO, f)).isFile(),
  );
}

/** Every string target of package.json "exports" (and "types"), relative, without "./". */
function exportTargets() {
  const out = [];
  const walk = (v) => {
    if (typeof v === "string") out.push(v.replace(/^\.\//, ""));
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(PKG.exports);
  if (PKG.types) walk(PKG.types);
  return [...new Set(out)];
}

/** Relative files a packed JS file loads: static imports/re-exports and new URL("./x", import.meta.url). */
function relativeRefs(source) {
  const refs = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) refs.push(m[1]);
  for (const m of source.matchAll(/new URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,\s*import\.meta\.url/g)) refs.push(m[1]);
  return refs;
}

async function listFiles(dir, base = dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p, base)));
    else out.push(relative(base, p).split(sep).join("/"));
  }
  return out.sort();
}


/**
 * A Vite app in `consumerDir/name`: index.html + main.js importing "hoken-check". It has no
 * package.json or node_modules of its own, so "hoken-check" resolves to the consumer's
 * node_modules (the installed tarball) and the consumer dir is Vite's workspace root; vite
 * itself is the repo's.
 */
async function viteApp(consumerDir, name) {
  const app = join(consumerDir, name);
  await mkdir(app);
  await writeFile(join(app, "index.html"), pageHtml("./main.js"));
  await writeFile(join(app, "main.js"), pageScript("hoken-check"));
  return app;
}


// --- the packed file list ------------------------------------------------------------------------

describe("npm pack", () => {
  test("dist/ is built from the current js/ sources", () => {
    requireBuilt();
    for (const f of ["browser.js", "node.js", "slim.js", "init.js", "errors.js", "index.d.ts"]) {
      assert.equal(
        readFileSync(join(REPO, "dist", f), "utf8"),
        readFileSync(join(REPO, "js", f), "utf8"),
        `dist/${f} differs from js/${f}: run bash scripts/build.sh`,
      );
    }
    assert.equal(
      readFileSync(join(REPO, "dist/index.d.cts"), "utf8"),
      readFileSync(join(REPO, "js/index.d.ts"), "utf8"),
      "dist/index.d.cts (the types `require` consumers read) is js/index.d.ts",
    );
    const glue = readFileSync(join(REPO, "dist/hoken_check.js"), "utf8");
    assert.doesNotMatch(glue, /import\.meta/, "the glue names no default .wasm (scripts/patch-glue.mjs)");
    for (const f of ["node.cjs", "inline.cjs", "slim.cjs"]) {
      const cjs = readFileSync(join(REPO, "dist", f), "utf8");
      assert.doesNotMatch(cjs, /\bimport\.meta\b|^\s*(import|export)\s/m, `dist/${f} is CommonJS`);
    }
    const template = readFileSync(join(REPO, "js/inline.template.js"), "utf8");
    const [head, tail] = template.split("__WASM_BASE64__");
    const inline = readFileSync(join(REPO, "dist/inline.js"), "utf8");
    assert.ok(inline.startsWith(head) && inline.endsWith(tail), "dist/inline.js comes from js/inline.template.js");
    const b64 = inline.slice(head.length, inline.length - tail.length);
    assert.ok(
      Buffer.from(b64, "base64").equals(readFileSync(join(REPO, "dist/hoken_check_bg.wasm"))),
      "dist/inline.js embeds exactly dist/hoken_check_bg.wasm",
    );
  });

  test("--dry-run lists exactly package.json, README/LICENSE and the dist/ files of \"files\"", async () => {
    requireBuilt();
    const { stdout } = await runOk("npm", ["pack", "--dry-run", "--json", "--loglevel=error"]);
    const [info] = JSON.parse(stdout);
    const actual = info.files.map((f) => f.path).sort();

    for (const f of PKG.files) {
      assert.match(f, /^dist\/[\w.-]+$/, `"files" entry ${f} is a plain dist/ file (no globs or directories)`);
    }
    const expected = [...new Set(["package.json", ...npmAlwaysIncluded(), ...PKG.files])].sort();
    assert.deepEqual(actual, expected);

    const forbidden = actual.filter((p) => /^(src|target|www|tests|pkg|js|scripts|node_modules|locales|benches)\//.test(p));
    assert.deepEqual(forbidden, [], "no source, build or test files");
    assert.deepEqual(info.bundled, [], "no bundled dependencies");
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
      assert.equal(Object.keys(PKG[field] ?? {}).length, 0, `no runtime ${field}`);
    }
  });

  test("every exports/types target and every file the entries load is in the package", () => {
    requireBuilt();
    const packed = new Set(["package.json", ...PKG.files]);
    for (const t of exportTargets()) assert.ok(packed.has(t), `exports target ${t} is packed`);
    for (const f of PKG.files.filter((f) => f.endsWith(".js"))) {
      for (const ref of relativeRefs(readFileSync(join(REPO, f), "utf8"))) {
        const target = relative(REPO, resolve(REPO, f, "..", ref)).split(sep).join("/");
        assert.ok(packed.has(target), `${f} loads ${ref}, which is packed`);
      }
    }
  });
});

// --- the installed tarball -----------------------------------------------------------------------

describe("installed from the packed tarball", () => {
  test("the consumer's node_modules/hoken-check holds exactly the packed files", async () => {
    const { consumer: dir } = await consumer();
    const installed = await listFiles(join(dir, "node_modules/hoken-check"));
    assert.deepEqual(installed, [...new Set(["package.json", ...npmAlwaysIncluded(), ...PKG.files])].sort());
    const lock = JSON.parse(await readFile(join(dir, "package-lock.json"), "utf8"));
    assert.deepEqual(
      Object.keys(lock.packages).filter((k) => k !== ""),
      ["node_modules/hoken-check"],
      "nothing but hoken-check was installed",
    );
  });

  /** Runs `script` with `node --input-type=module -e` in the consumer dir; returns its JSON output. */
  async function nodeEval(cwd, script) {
    const examplesFile = join(cwd, "..", "examples.json");
    if (!existsSync(examplesFile)) await writeFile(examplesFile, JSON.stringify(EXAMPLES));
    const { stdout } = await runOk(process.execPath, ["--input-type=module", "-e", script], {
      cwd,
      env: childEnv({ EXAMPLES_FILE: examplesFile }),
    });
    return JSON.parse(stdout);
  }

  const nodeScript = (specifier) => `
import { assess } from ${JSON.stringify(specifier)};
import { readFileSync } from "node:fs";
const examples = JSON.parse(readFileSync(process.env.EXAMPLES_FILE, "utf8"));
console.log(JSON.stringify({
  resolved: import.meta.resolve(${JSON.stringify(specifier)}),
  results: examples.map((e) => ({ id: e.id, summary: assess(e.situation).summary })),
}));`;

  test("(a) Node: import { assess } from 'hoken-check' gives every example's expected summary", async () => {
    const { consumer: dir } = await consumer();
    const out = await nodeEval(dir, nodeScript("hoken-check"));
    assert.equal(out.resolved, new URL(`file://${realpathSync(dir)}/node_modules/hoken-check/dist/node.js`).href);
    assert.deepEqual(out.results, EXPECTED);
  });

  test("(b) Node: import { assess } from 'hoken-check/inline' gives the same, without the .wasm file", async () => {
    const { consumer: dir } = await consumer();
    const out = await nodeEval(dir, nodeScript("hoken-check/inline"));
    assert.equal(out.resolved, new URL(`file://${realpathSync(dir)}/node_modules/hoken-check/dist/inline.js`).href);
    assert.deepEqual(out.results, EXPECTED);

    // The inline entry must not need the .wasm file: inline.js, the shared api.js and the glue
    // alone work.
    const lone = join(dir, "..", "inline-only");
    await mkdir(lone, { recursive: true });
    await writeFile(join(lone, "package.json"), '{"type":"module"}');
    for (const f of ["inline.js", "init.js", "errors.js", "api.js", "hoken_check.js"]) {
      await writeFile(join(lone, f), await readFile(join(dir, "node_modules/hoken-check/dist", f)));
    }
    const alone = await nodeEval(lone, nodeScript("./inline.js"));
    assert.deepEqual(alone.results, EXPECTED);
  });

  test("Node: every exports subpath resolves to its packed file and ./node, ./inline agree", async () => {
    const { consumer: dir } = await consumer();
    const out = await nodeEval(
      dir,
      `const r = (s) => import.meta.resolve(s);
const node = await import("hoken-check/node");
const inline = await import("hoken-check/inline");
const dflt = await import("hoken-check");
const slim = await import("hoken-check/slim");
const ex = JSON.parse((await import("node:fs")).readFileSync(process.env.EXAMPLES_FILE, "utf8"))[0].situation;
console.log(JSON.stringify({
  resolved: Object.fromEntries(["hoken-check", "hoken-check/node", "hoken-check/inline", "hoken-check/browser",
    "hoken-check/slim", "hoken-check/hoken_check_bg.wasm", "hoken-check/package.json"].map((s) => [s, r(s)])),
  exports: [Object.keys(dflt).sort(), Object.keys(node).sort(), Object.keys(inline).sort(), Object.keys(slim).sort()],
  same: JSON.stringify(node.assess(ex)) === JSON.stringify(inline.assess(ex))
    && JSON.stringify(node.rulesInfo()) === JSON.stringify(inline.rulesInfo()),
  blocked: await import("hoken-check/dist/hoken_check.js").then(() => "importable", (e) => e.code),
}));`,
    );
    const base = new URL(`file://${realpathSync(dir)}/node_modules/hoken-check/`).href;
    assert.deepEqual(out.resolved, {
      "hoken-check": `${base}dist/node.js`,
      "hoken-check/node": `${base}dist/node.js`,
      "hoken-check/inline": `${base}dist/inline.js`,
      "hoken-check/browser": `${base}dist/browser.js`,
      "hoken-check/slim": `${base}dist/slim.js`,
      "hoken-check/hoken_check_bg.wasm": `${base}dist/hoken_check_bg.wasm`,
      "hoken-check/package.json": `${base}package.json`,
    });
    // The entries export exactly the functions the types declare.
    const declared = [...readFileSync(join(REPO, "js/index.d.ts"), "utf8").matchAll(/^export (?:declare )?(?:function|class) (\w+)/gm)];
    const names = [...new Set(declared.map((m) => m[1]))].sort();
    assert.ok(names.includes("assess"), "index.d.ts declares assess");
    assert.deepEqual(out.exports, [names, names, names, names]);
    assert.equal(out.same, true, "./node and ./inline give identical results");
    assert.equal(out.blocked, "ERR_PACKAGE_PATH_NOT_EXPORTED", "internal files are not importable");
  });

  test("(c) Vite build: a consumer app importing 'hoken-check', built with vite build, works in Chromium", async () => {
    const { consumer: dir } = await consumer();
    const app = await viteApp(dir, "vite-build");
    const modulesFile = join(app, "..", "vite-modules.json");
    await writeFile(
      join(app, "vite.config.mjs"),
      `import { writeFileSync } from "node:fs";
export default {
  logLevel: "warn",
  build: { outDir: "dist", emptyOutDir: true },
  plugins: [{
    name: "record-modules",
    buildEnd() { writeFileSync(${JSON.stringify(modulesFile)}, JSON.stringify([...this.getModuleIds()])); },
  }],
};
`,
    );
    await runOk(process.execPath, [join(REPO, "node_modules/vite/bin/vite.js"), "build"], { cwd: app });

    // "hoken-check" resolved to the installed tarball, not to the repo.
    const modules = JSON.parse(await readFile(modulesFile, "utf8")).filter((m) => !m.startsWith("\0"));
    const installedDist = join(realpathSync(dir), "node_modules/hoken-check/dist");
    assert.ok(
      modules.some((m) => existsSync(m.split("?")[0]) && realpathSync(m.split("?")[0]) === join(installedDist, "browser.js")),
      `vite bundled the installed dist/browser.js; modules: ${modules.join(", ")}`,
    );
    assert.deepEqual(modules.filter((m) => m.startsWith(REPO + "/")), [], "nothing bundled from the repo itself");
    const built = await listFiles(join(app, "dist"));
    assert.equal(built.filter((f) => f.endsWith(".wasm")).length, 1, `one .wasm asset emitted: ${built.join(", ")}`);

    const server = await serve(join(app, "dist"));
    try {
      const r = await openPage(`${server.origin}/index.html`);
      assertPageResult(r, server.origin);
      assertOneWasm(r);
    } finally {
      await server.close();
    }
  });

  test("(c) Vite dev server: the same app, unbuilt, with no configuration, works in Chromium", async () => {
    const { consumer: dir } = await consumer();
    const app = await viteApp(dir, "vite-dev");
    const { createServer: createViteServer } = await import(pathToFileURL(join(REPO, "node_modules/vite/dist/node/index.js")).href);
    const server = await createViteServer({
      root: app,
      configFile: false,
      logLevel: "error",
      clearScreen: false,
      server: { host: "127.0.0.1", port: 0, strictPort: false, hmr: true },
    });
    try {
      await server.listen();
      const origin = new URL(server.resolvedUrls.local[0]).origin;
      const r = await openPage(`${origin}/index.html`);
      assertPageResult(r, origin);
      assertOneWasm(r);
      assert.match(r.wasmResponses[0].url, /\/node_modules\/hoken-check\/dist\/hoken_check_bg\.wasm/);
    } finally {
      await server.close();
    }
  });

  test("(d) a plain <script type=module> page importing ./node_modules/hoken-check/dist/browser.js", async () => {
    const { consumer: dir } = await consumer();
    await writeFile(join(dir, "plain.html"), pageHtml("./plain.js"));
    await writeFile(join(dir, "plain.js"), pageScript("./node_modules/hoken-check/dist/browser.js"));
    const server = await serve(dir);
    try {
      const r = await openPage(`${server.origin}/plain.html`);
      assertPageResult(r, server.origin);
      assert.deepEqual(
        r.wasmResponses,
        [{ url: `${server.origin}/node_modules/hoken-check/dist/hoken_check_bg.wasm`, type: "application/wasm" }],
        "the .wasm next to browser.js was fetched once, as application/wasm",
      );
    } finally {
      await server.close();
    }
  });

  test("(e) the ./inline entry in Chromium fetches no .wasm at all", async () => {
    const { consumer: dir } = await consumer();
    await writeFile(join(dir, "inline.html"), pageHtml("./inline-page.js"));
    await writeFile(join(dir, "inline-page.js"), pageScript("./node_modules/hoken-check/dist/inline.js"));
    const server = await serve(dir);
    try {
      const r = await openPage(`${server.origin}/inline.html`);
      assertPageResult(r, server.origin);
      const wasm = r.requests.filter((u) => /\.wasm($|[?#])/.test(u));
      assert.deepEqual(wasm, [], "no request for any .wasm");
      assert.deepEqual(r.wasmResponses, []);
      assert.deepEqual(
        server.served.filter((p) => p.endsWith(".wasm")),
        [],
        "the server was never asked for a .wasm",
      );
      assert.deepEqual(
        [...r.requests].map((u) => new URL(u).pathname).sort(),
        [
          "/inline-page.js",
          "/inline.html",
          "/node_modules/hoken-check/dist/api.js",
          "/node_modules/hoken-check/dist/errors.js",
          "/node_modules/hoken-check/dist/hoken_check.js",
          "/node_modules/hoken-check/dist/init.js",
          "/node_modules/hoken-check/dist/inline.js",
        ],
        "the page, its script, the inline entry and the modules it shares with the others, nothing else",
      );
    } finally {
      await server.close();
    }
  });
});

// --- Content-Security-Policy ----------------------------------------------------------------------

describe("a host page with a Content-Security-Policy", () => {
  /** A page whose script imports the browser entry and reports the outcome (or the error's code). */
  async function cspPage(dir, name) {
    await writeFile(join(dir, `${name}.html`), pageHtml(`./${name}.js`));
    await writeFile(
      join(dir, `${name}.js`),
      `const out = document.getElementById("out");
import("./node_modules/hoken-check/dist/browser.js").then(
  (m) => { out.textContent = "OK " + m.assessSummary({ asOf: "2026-11-25" }).copay; },
  (e) => { out.textContent = "ERROR " + e.name + " " + e.code + " " + e.message; },
).finally(() => { out.dataset.done = "1"; });
`,
    );
  }

  test("script-src 'self' blocks WebAssembly: the entry rejects with HokenCheckError wasmBlockedByCsp", async () => {
    const { consumer: dir } = await consumer();
    await cspPage(dir, "csp-blocked");
    const server = await serve(dir, { "content-security-policy": "script-src 'self'" });
    try {
      const r = await openPage(`${server.origin}/csp-blocked.html`, { networkIdle: false });
      assert.match(r.text, /^ERROR HokenCheckError wasmBlockedByCsp .*'wasm-unsafe-eval'/);
    } finally {
      await server.close();
    }
  });

  test("script-src 'self' 'wasm-unsafe-eval' (the documented policy) works", async () => {
    const { consumer: dir } = await consumer();
    await cspPage(dir, "csp-allowed");
    const server = await serve(dir, { "content-security-policy": "script-src 'self' 'wasm-unsafe-eval'" });
    try {
      const r = await openPage(`${server.origin}/csp-allowed.html`);
      assert.match(r.text, /^OK \w+$/);
      assert.deepEqual(r.pageErrors, []);
    } finally {
      await server.close();
    }
  });
});

// --- the README's JavaScript examples, verbatim ------------------------------------------------------

describe("README: the 'Use from JavaScript' examples run verbatim", () => {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Use from JavaScript"), readme.indexOf("\n## ", readme.indexOf("## Use from JavaScript") + 1));
  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  const label = (code) => (code.match(/^\/\/ \((\w)\)/) ?? [])[1];

  // What each example prints, from the rules: (b) a 国保 card whose printed expiry is the day
  // itself is valid that day (R-OLD-1 item 1, "until" is inclusive); (c) no My Number card on
  // 2026-11-25 -> the 資格確認書 comes automatically (CONTRACT kakuninshoRoute 3), 2025-02-30 does
  // not exist (impossibleDate); (d) month 13 does not exist either; (f) a 国保 member without a
  // My Number card on 2026-11-25 gets the 資格確認書 automatically (route 3), month 13 again.
  const EXPECTED_OUTPUT = {
    b: "true 2025-07-31\n",
    c: "automatic\nimpossibleDate\n",
    d: "true impossibleDate\n",
    e: "",
    f: "automatic\nimpossibleDate\n",
  };

  test("the section has examples (a) to (f), each labelled", () => {
    assert.deepEqual(blocks.map(label), ["a", "b", "c", "d", "e", "f"]);
  });

  for (const l of Object.keys(EXPECTED_OUTPUT)) {
    test(`(${l}) runs in Node against the installed tarball and prints what the rules say`, async () => {
      const code = blocks.find((b) => label(b) === l);
      assert.ok(code, `README has example (${l})`);
      const { consumer: dir } = await consumer();
      const cjs = /\brequire\(/.test(code);
      const file = join(dir, `readme-${l}.${cjs ? "cjs" : "mjs"}`);
      await writeFile(file, code);
      const { stdout } = await runOk(process.execPath, [...(cjs ? ["--no-experimental-require-module"] : []), file], { cwd: dir });
      assert.equal(stdout, EXPECTED_OUTPUT[l]);
    });
  }

  test("(a) runs in Chromium as a plain module script next to node_modules", async () => {
    const code = blocks.find((b) => label(b) === "a");
    const { consumer: dir } = await consumer();
    await writeFile(join(dir, "readme-a.html"), pageHtml("./readme-a.js"));
    await writeFile(join(dir, "readme-a.js"), code);
    const server = await serve(dir);
    const ctx = await (await browser()).newContext();
    try {
      const page = await ctx.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      const logged = page.waitForEvent("console", { timeout: 20_000 });
      await page.goto(`${server.origin}/readme-a.html`);
      const summary = await (await logged).args()[0].jsonValue();
      assert.deepEqual(errors, []);
      // 国保, no My Number card, 2026-11-25: no old card held (null), 資格確認書 automatically.
      assert.equal(summary.oldCardValid, null);
      assert.equal(summary.mynahokenshoUsable, false);
      assert.equal(summary.kakuninshoRoute, "automatic");
    } finally {
      await ctx.close();
      await server.close();
    }
  });

  test("every relative link of README.md and docs/npm.md points to a file in the repository", () => {
    for (const f of ["README.md", "docs/npm.md"]) {
      const text = readFileSync(join(REPO, f), "utf8");
      for (const m of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(m[1])) continue;
        assert.ok(existsSync(resolve(REPO, f, "..", m[1])), `${f} links to ${m[1]}, which does not exist`);
      }
    }
  });
});
