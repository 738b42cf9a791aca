// µs per call across the JS ↔ wasm boundary, in one Node process: assessSummary, assess (every
// reason, date and certainty), missingFields and batch summaries, on generated situations, in
// alternating rounds; prints the median and min–max of the rounds. Figures only, never asserted
// (shared, noisy machines: compare ratios within one run).
//
//   node scripts/bench-js.mjs                      # the package in dist/
//   node scripts/bench-js.mjs --baseline DIR       # also DIR/node.js (e.g. a copy of an older
//                                                  # dist/), alternating with dist/ round by round
//   BENCH_N=20000 BENCH_ROUNDS=5 node scripts/bench-js.mjs
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import { rng } from "./rng.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const baselineDir = args.includes("--baseline") ? args[args.indexOf("--baseline") + 1] : null;
const N = Number(process.env.BENCH_N || 20000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const BATCH = 1000;

// The entry's functions, the packed batch ones included (named exports; an older dist/ given as
// --baseline may have them only as api.js's default export).
const load = async (dir) => {
  const entry = await import(pathToFileURL(path.join(dir, "node.js")).href);
  const api = await import(pathToFileURL(path.join(dir, "api.js")).href);
  return { ...(api.default ?? {}), ...entry };
};
const current = await load(path.join(root, "dist"));
const impls = [["dist", current]];
if (baselineDir) impls.unshift(["baseline", await load(path.resolve(baselineDir))]);

// Seeded generator over the contract's fields (names, kinds and values from the package's own
// layout), with dates weighted towards the rule dates: each dated parameter of the rule data
// (rulesInfo().params, from src/params.toml) and the day before it, where the rules turn.
const dayBefore = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
const KEY_DATES = [...new Set(current.rulesInfo().params
  .filter((p) => typeof p.value === "string")
  .flatMap((p) => [dayBefore(p.value), p.value]))].sort();
function situations(n, seed) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const date = () => {
    if (r() < 0.4) return pick(KEY_DATES);
    const t = Date.UTC(2022, 0, 1) + Math.floor(r() * 16 * 365) * 86400000;
    return new Date(t).toISOString().slice(0, 10);
  };
  const { fields } = current.packedLayout();
  const out = [];
  for (let i = 0; i < n; i++) {
    const s = { asOf: date() };
    for (const f of fields) {
      if (f.name === "asOf" || r() < 0.45) continue;
      if (f.name === "birthDate") { s.birthDate = `19${40 + Math.floor(r() * 60)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`; continue; }
      switch (f.kind) {
        case "optDate": s[f.name] = date(); break;
        case "bool": case "optBool": s[f.name] = r() < 0.5; break;
        case "enum": s[f.name] = pick(f.values); break;
        case "documents": s[f.name] = Array.from({ length: Math.floor(r() * 3) }, () => pick(f.values)); break;
      }
    }
    out.push(s);
  }
  return out;
}

const input = situations(N, 20261129);
// Only valid situations are timed (errors are a separate, slower path by design).
const valid = input.filter((s) => { try { current.assess(s); return true; } catch { return false; } });

const cases = {
  assessSummary: (m, xs) => { for (const s of xs) m.assessSummary(s); return xs.length; },
  assess: (m, xs) => { for (const s of xs) m.assess(s); return xs.length; },
  // missingFields re-assesses once per unanswered field (~0.3–1 ms): a slice is enough.
  "missingFields (first 300)": (m, xs) => { const ys = xs.slice(0, 300); for (const s of ys) m.missingFields(s); return ys.length; },
  "assessMany (1000)": (m, xs) => { for (let i = 0; i < xs.length; i += BATCH) m.assessMany(xs.slice(i, i + BATCH)); return xs.length; },
  "batch summaries, objects (1000)": (m, xs) => {
    if (!m.assessSummaries) return 0;
    for (let i = 0; i < xs.length; i += BATCH) m.assessSummaries(xs.slice(i, i + BATCH));
    return xs.length;
  },
  "batch summaries, packed rows (1000)": (m, xs) => {
    if (!m.assessPacked) return 0;
    // Encoding is the caller's (a main thread before posting to a worker): timed apart below.
    let n = 0;
    for (const p of packedBatches(m, xs)) { m.assessPacked(p); n += p.count; }
    return n;
  },
  "encodeSituations (1000)": (m, xs) => {
    if (!m.encodeSituations) return 0;
    for (let i = 0; i < xs.length; i += BATCH) m.encodeSituations(xs.slice(i, i + BATCH));
    return xs.length;
  },
};
const packedCache = new Map();
function packedBatches(m, xs) {
  if (!packedCache.has(m)) {
    const ps = [];
    for (let i = 0; i < xs.length; i += BATCH) ps.push(m.encodeSituations(xs.slice(i, i + BATCH)));
    packedCache.set(m, ps);
  }
  return packedCache.get(m);
}

const results = {}; // case -> impl -> [µs per item per round], wall clock
const cpu = {}; // the same in CPU time of this process (steadier on a loaded, shared machine)
for (const [, m] of impls) for (const s of valid.slice(0, 2000)) { m.assess(s); m.assessSummary(s); } // warm up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries(cases)) {
    const order = round % 2 === 0 ? impls : [...impls].reverse();
    for (const [iname, m] of order) {
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      const n = fn(m, valid);
      const us = Number(process.hrtime.bigint() - t) / 1000;
      const cu = process.cpuUsage(c);
      if (n === 0) continue;
      ((results[name] ??= {})[iname] ??= []).push(us / n);
      ((cpu[name] ??= {})[iname] ??= []).push((cu.user + cu.system) / n);
    }
  }
}

const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`bench-js: ${valid.length} valid generated situations (of ${N}), ${ROUNDS} alternating rounds, node ${process.version}, load average ${(await import("node:os")).loadavg()[0].toFixed(1)}`);
for (const [label, table] of [["wall", results], ["cpu", cpu]]) {
console.log(`bench-js: µs per situation, ${label} time: median (min–max of rounds)`);
for (const [name, byImpl] of Object.entries(table)) {
  const parts = Object.entries(byImpl).map(([iname, xs]) =>
    `${iname} ${med(xs).toFixed(2)} µs (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`);
  let ratio = "";
  if (byImpl.baseline && byImpl.dist) ratio = `  ×${(med(byImpl.baseline) / med(byImpl.dist)).toFixed(1)} faster`;
  console.log(`bench-js: ${name.padEnd(36)} ${parts.join("   ")}${ratio}`);
}
}
