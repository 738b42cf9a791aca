// Shared by tests/js/package.test.mjs and tests/js/types.test.mjs (not a test file itself):
// the repo paths, child processes with a clean npm environment, the "is dist/ built?" check,
// and "pack the repo, install the tarball into a fresh consumer project".
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url)).replace(/\/$/, "");
export const PKG = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));

/** tests/spec/examples.json: [{ id, situation, expectedSummary, … }]. */
export function loadExamples() {
  return JSON.parse(readFileSync(join(REPO, "tests/spec/examples.json"), "utf8"));
}

/** Every example and scenario: tests/spec/examples.json, then tests/scenarios/*.json (sorted). */
export function loadAllSituations() {
  const dir = join(REPO, "tests/scenarios");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  return [...loadExamples(), ...files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8")))];
}

/**
 * The environment for child npm/node processes: ours minus npm's lifecycle variables
 * (`npm test` sets npm_config_*, npm_package_*, npm_lifecycle_* …, which would leak into the
 * consumer's `npm install`), keeping where the cache, user config and registry are.
 */
export function childEnv(extra = {}) {
  const keep = new Set(["npm_config_cache", "npm_config_userconfig", "npm_config_registry"]);
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.has(k.toLowerCase())) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: "1", ...extra };
}

/** Runs a command; resolves with { code, stdout, stderr } (never rejects on a non-zero exit). */
export function run(cmd, args, { cwd = REPO, env = childEnv(), timeout = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== "number") {
        reject(new Error(`${cmd} ${args.join(" ")}: ${err.message}\n${stderr}`));
        return;
      }
      resolve({ code: err ? err.code : 0, stdout, stderr });
    });
  });
}

/** Like run, but a non-zero exit is an error that shows the output. */
export async function runOk(cmd, args, opts) {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) {
    throw new Error(`\`${cmd} ${args.join(" ")}\` exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  }
  return r;
}

/**
 * Fails (never skips) when the package has not been built: every file package.json "files"
 * names must exist. The tests test dist/ as `bash scripts/build.sh` left it.
 */
export function requireBuilt() {
  const missing = PKG.files.filter((f) => !existsSync(join(REPO, f)));
  if (missing.length) {
    throw new Error(`dist/ is not built (missing ${missing.join(", ")}): run \`bash scripts/build.sh\` first`);
  }
}

/**
 * `npm pack` of the repo into `dir`, then a fresh consumer project `dir/consumer` (ESM) with the
 * tarball installed. The package has no dependencies, so nothing is fetched.
 * Returns { tarball, consumer }.
 */
export async function packAndInstall(dir) {
  requireBuilt();
  const packed = await runOk("npm", ["pack", "--json", "--pack-destination", dir, "--loglevel=error"], { cwd: REPO });
  const [info] = JSON.parse(packed.stdout);
  const tarball = join(dir, info.filename);
  const consumer = join(dir, "consumer");
  await mkdir(consumer);
  await writeFile(
    join(consumer, "package.json"),
    JSON.stringify({ name: "hoken-check-consumer", version: "0.0.0", private: true, type: "module" }, null, 2),
  );
  await runOk(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--offline=false", "--loglevel=error", tarball],
    { cwd: consumer },
  );
  return { tarball, consumer };
}
