// Supply chain (issue 11 §7; docs/supply-chain.md): what a consumer installs runs nothing and
// pulls nothing, and every lockfile is committed. Reads the real packed tarball (npm pack), not
// package.json in the repository. Needs `bash scripts/build.sh` first (dist/).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoken-pack-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// npm runs these on `npm install` of the package (docs.npmjs.com, "scripts": life cycle).
const INSTALL_HOOKS = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare",
  "preuninstall", "uninstall", "postuninstall", "dependencies"];

let packed;
function unpack() {
  if (packed) return packed;
  assert.ok(fs.existsSync(path.join(ROOT, "dist/hoken_check_bg.wasm")), "dist/ missing: run bash scripts/build.sh");
  const out = execFileSync("npm", ["pack", "--json", "--loglevel=error", "--pack-destination", tmp], { cwd: ROOT, encoding: "utf8" });
  const [info] = JSON.parse(out);
  const tgz = path.join(tmp, info.filename);
  execFileSync("tar", ["-xzf", tgz, "-C", tmp]);
  const files = [];
  const walk = (d, rel) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path.join(d, e.name), r); else files.push(r);
  } };
  walk(path.join(tmp, "package"), "");
  packed = { info, files, pkg: JSON.parse(fs.readFileSync(path.join(tmp, "package/package.json"), "utf8")) };
  return packed;
}

test("the packed tarball has no install scripts", () => {
  const { pkg, files } = unpack();
  const hooks = Object.keys(pkg.scripts ?? {}).filter((s) => INSTALL_HOOKS.includes(s));
  assert.deepEqual(hooks, [], "lifecycle scripts npm would run on install");
  // npm runs `node-gyp rebuild` by itself when a package has a binding.gyp (or gypfile: true).
  assert.equal(files.some((f) => f.endsWith("binding.gyp")), false, "no binding.gyp");
  assert.notEqual(pkg.gypfile, true, "no gypfile");
  assert.equal(pkg.bin, undefined, "no executables put on the consumer's PATH");
});

test("the packed tarball has no runtime dependencies", () => {
  const { pkg, info } = unpack();
  for (const field of ["dependencies", "optionalDependencies", "peerDependencies", "bundleDependencies", "bundledDependencies"]) {
    assert.equal(Object.keys(pkg[field] ?? {}).length, 0, `${field} in the packed package.json`);
  }
  assert.deepEqual(info.bundled, [], "bundled dependencies");
});

test("every lockfile is committed and in step with its manifest", () => {
  const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n");
  for (const f of ["Cargo.lock", "package-lock.json", "fuzz/Cargo.lock", "rust-toolchain.toml", "deny.toml"]) {
    assert.ok(tracked.includes(f), `${f} is committed`);
  }
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  assert.deepEqual(lock.packages[""].devDependencies ?? {}, pkg.devDependencies ?? {}, "package-lock.json matches package.json");
  // Every devDependency is pinned to one exact version (no ranges), as the lockfile records it.
  for (const [name, spec] of Object.entries(pkg.devDependencies ?? {})) {
    assert.match(spec, /^\d+\.\d+\.\d+$/, `${name}: exact version`);
    assert.equal(lock.packages[`node_modules/${name}`]?.version, spec, `${name} locked at ${spec}`);
  }
  // Every package npm installs is pinned by content (sha512), and none comes from git, a URL
  // or a local path (those carry no registry integrity).
  for (const [where, p] of Object.entries(lock.packages)) {
    if (where === "") continue;
    assert.equal(p.link, undefined, `${where} is a link`);
    assert.match(p.integrity ?? "", /^sha512-/, `${where} has an integrity hash`);
    if (p.resolved !== undefined) assert.match(p.resolved, /^https:\/\/registry\.npmjs\.org\//, `${where} resolved from the npm registry`);
  }
});

// The one exception, named and reasoned: esbuild (exact pin, builds the package's CommonJS
// entries). Its install.js only checks that its platform binary — the npm optional dependency
// @esbuild/linux-x64, pinned with its sha512 in package-lock.json — is in place; it fetches from
// the npm registry alone, and only if that package is missing. Any other package with an install
// script fails this test.
const INSTALL_SCRIPT_ALLOWED = new Set(["node_modules/esbuild"]);

test("no installed development package runs an install script (npm ci runs them)", () => {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  const withScripts = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([w]) => w);
  assert.deepEqual(withScripts.filter((w) => !INSTALL_SCRIPT_ALLOWED.has(w)), [], "packages with install scripts");
  for (const w of INSTALL_SCRIPT_ALLOWED) {
    assert.match(lock.packages[w]?.version ?? "", /^\d+\.\d+\.\d+$/, `${w} is pinned exactly`);
  }
});
