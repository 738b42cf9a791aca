// Shared by the toolchain consumer tests (tests/toolchains/*.test.mjs; not a test file itself).
//
// Each tool is installed once, by exact version from npm, into a shared directory reused by every
// test and every later run (HOKEN_CHECK_TOOLCHAINS_DIR, default $TMPDIR/hoken-check-toolchains):
// <dir>/<name>/node_modules. Each test then makes a fresh project *inside* that directory —
// <dir>/<name>/p/<label>-XXXX/ with its own package.json and the packed tarball installed (npm
// install of the .tgz: nothing else is fetched) — so Node's resolution finds hoken-check in the
// project and the tool one level up, exactly as in a consumer's project. Projects are removed
// after the test file; tool installs stay.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { REPO, childEnv, requireBuilt, runOk } from "../js/consumer/fixture.mjs";

/** Every tool the consumer tests use, by exact version (npm registry only; no GitHub download). */
export const TOOLS = {
  vite5: ["vite@5.4.9"],
  vite6: ["vite@6.4.6"],
  vite7: ["vite@7.3.8"],
  vite8: ["vite@8.3.8"],
  webpack: ["webpack@5.113.0"],
  esbuild: ["esbuild@0.28.2"],
  rollup: ["rollup@4.68.8", "@rollup/plugin-node-resolve@16.0.3"],
  jest: ["jest@30.5.2"],
  vitest: ["vitest@5.1.2"],
  typescript: ["typescript@5.9.3"],
};

export const TOOLS_DIR = process.env.HOKEN_CHECK_TOOLCHAINS_DIR || join(tmpdir(), "hoken-check-toolchains");

const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];

const toolPs = new Map();
/**
 * The directory holding `node_modules` of tool `name` (TOOLS), installed on first use. A stamp
 * file records the exact specs; a different list reinstalls. Safe when several test files ask at
 * once (each installs into its own temp dir; the first rename wins).
 */
export function tool(name) {
  const specs = TOOLS[name];
  if (!specs) throw new Error(`unknown tool ${name}`);
  if (!toolPs.has(name)) toolPs.set(name, installTool(name, specs));
  return toolPs.get(name);
}

async function installTool(name, specs) {
  const dir = join(TOOLS_DIR, name);
  const stamp = JSON.stringify(specs);
  const stampFile = join(dir, ".hoken-check-tools");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return dir;
  await mkdir(TOOLS_DIR, { recursive: true });
  const tmp = await mkdtemp(join(TOOLS_DIR, `.${name}-`));
  await writeFile(join(tmp, "package.json"), JSON.stringify({ name: `tools-${name}`, private: true }, null, 2));
  await runOk("npm", ["install", "--save-exact", ...NPM_FLAGS, ...specs], { cwd: tmp, timeout: 600_000 });
  await writeFile(join(tmp, ".hoken-check-tools"), stamp);
  await rm(dir, { recursive: true, force: true });
  try {
    await rename(tmp, dir);
  } catch (err) {
    // Another process installed it meanwhile.
    await rm(tmp, { recursive: true, force: true });
    if (!(existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp)) throw err;
  }
  return dir;
}

const temps = [];
after(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

let tarballP;
/** `npm pack` of the repo (once per test file) into a temp dir; resolves with the .tgz path. */
export function tarball() {
  tarballP ??= (async () => {
    requireBuilt();
    const dir = await mkdtemp(join(tmpdir(), "hoken-check-tgz-"));
    temps.push(dir);
    const { stdout } = await runOk("npm", ["pack", "--json", "--pack-destination", dir, "--loglevel=error"], { cwd: REPO });
    return join(dir, JSON.parse(stdout)[0].filename);
  })();
  return tarballP;
}

/**
 * A fresh consumer project for tool `name`: a new directory under the tool's install with
 * `package.json` (`pkg` merged in) and the packed tarball installed. Resolves with its path.
 */
export async function project(name, label, pkg = {}) {
  const [toolDir, tgz] = await Promise.all([tool(name), tarball()]);
  await mkdir(join(toolDir, "p"), { recursive: true });
  const dir = await mkdtemp(join(toolDir, "p", `${label}-`));
  temps.push(dir);
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: `consumer-${label}`, version: "0.0.0", private: true, ...pkg }, null, 2),
  );
  await runOk("npm", ["install", ...NPM_FLAGS, "--offline=false", tgz], { cwd: dir });
  return dir;
}

/** Writes `files` ({ relative path: text }) into `dir`. */
export async function write(dir, files) {
  for (const [rel, text] of Object.entries(files)) {
    const f = join(dir, rel);
    await mkdir(join(f, ".."), { recursive: true });
    await writeFile(f, text);
  }
}

/** Path of a tool's executable script inside its install (e.g. bin("vite5", "vite/bin/vite.js")). */
export async function bin(name, rel) {
  return join(await tool(name), "node_modules", rel);
}

/** Runs `node args…` in `cwd` (clean npm environment); rejects with the output on failure. */
export function node(args, cwd, env = {}) {
  return runOk(process.execPath, args, { cwd, env: childEnv(env), timeout: 300_000 });
}

/** The situations of tests/spec/examples.json and the summaries the spec expects for them. */
export const EXAMPLES_JSON = readFileSync(join(REPO, "tests/spec/examples.json"), "utf8");

/** A short fingerprint for labels. */
export const hash = (s) => createHash("sha256").update(s).digest("hex").slice(0, 8);

export { readFile };
