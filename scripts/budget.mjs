// Size and speed budget of the npm package (issue 3). Prints figures; fails only on the hard
// size limit (the machines are shared and noisy, so timings are reported, never asserted).
//   goals (issue 9): wasm ≤ 60 KB brotli (hard limit 100 KB); from JS, median: assessSummary
//   ≤ 2 µs, assess (every reason, date, certainty) ≤ 10 µs, packed batch ≤ 1.5 µs a situation.
//   Times are wall clock and CPU time of this process (steadier when the machine is shared).
import { readFileSync, readdirSync } from "node:fs";
import { sizes } from "./sizes.mjs";

const root = new URL("../", import.meta.url);
const KB = 1000; // printed "kB" (1000 B); scripts/page-budget.mjs prints KiB as "KB" (1024 B)
const HARD_LIMIT_BROTLI = 100 * KB;
const GOAL_BROTLI = 60 * KB;

const wasm = sizes(new URL("dist/hoken_check_bg.wasm", root));
const glue = sizes(new URL("dist/hoken_check.js", root));
const entry = sizes(new URL("dist/browser.js", root));
const fmt = (s) => `raw ${(s.raw / KB).toFixed(1)} kB, gzip ${(s.gzip / KB).toFixed(1)} kB, brotli ${(s.brotli / KB).toFixed(1)} kB`;
console.log(`budget: wasm        ${fmt(wasm)}  (goal ≤ ${GOAL_BROTLI / KB} kB brotli, hard limit ${HARD_LIMIT_BROTLI / KB} kB)`);
console.log(`budget: JS glue     ${fmt(glue)}`);
console.log(`budget: browser.js  ${fmt(entry)}`);
// The page's own build (www/pkg/: opt-level "z", no pack reader; docs/perf.md), same goal.
const pageWasm = new URL("www/pkg/hoken_check_bg.wasm", root);
try {
  console.log(`budget: page wasm   ${fmt(sizes(pageWasm))}  (www/pkg/, the page's build without the pack reader; goal ≤ ${GOAL_BROTLI / KB} kB brotli)`);
} catch { /* no www/ build */ }

// Speed: a mixed set of situations (worked examples + own scenarios), cycled.
const { assess, assessSummary, assessMany } = await import(new URL("dist/node.js", root));
// The packed batch functions: api.js's default export until the entries re-export them.
const { encodeSituations, assessPacked } = (await import(new URL("dist/api.js", root))).default;
const scenarioDir = new URL("tests/scenarios/", root);
const situations = [
  ...JSON.parse(readFileSync(new URL("tests/spec/examples.json", root), "utf8")),
  ...readdirSync(scenarioDir)
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => JSON.parse(readFileSync(new URL(f, scenarioDir), "utf8"))),
].map((e) => e.situation);

const N = 100_000;
const BATCH = 1000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// µs per item (wall, cpu) of `run(b)` over `rounds` rounds of `per` items each.
function time(rounds, per, run) {
  const wall = [], cpu = [];
  for (let b = 0; b < rounds; b++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    run(b);
    const cu = process.cpuUsage(c);
    wall.push(Number(process.hrtime.bigint() - t) / per / 1000);
    cpu.push((cu.user + cu.system) / per);
  }
  return `median ${median(wall).toFixed(2)} µs wall, ${median(cpu).toFixed(2)} µs cpu`;
}
for (let i = 0; i < 5000; i++) assess(situations[i % situations.length]); // warm up
const at = (b, i) => situations[(b * BATCH + i) % situations.length];
console.log(`budget: assess from JS: ${time(N / BATCH, BATCH, (b) => { for (let i = 0; i < BATCH; i++) assess(at(b, i)); })} per call over ${N} calls (${situations.length} mixed situations; goal ≤ 10 µs)`);
console.log(`budget: assessSummary from JS: ${time(50, BATCH, (b) => { for (let i = 0; i < BATCH; i++) assessSummary(at(b, i)); })} per call (goal ≤ 2 µs)`);
const batches = Array.from({ length: 20 }, (_, r) => Array.from({ length: BATCH }, (_, i) => at(r, i)));
console.log(`budget: assessMany: ${time(20, BATCH, (r) => assessMany(batches[r]))} per item (20 batches of ${BATCH})`);
const packed = batches.map((b) => encodeSituations(b));
console.log(`budget: packed batch (assessPacked): ${time(20, BATCH, (r) => assessPacked(packed[r]))} per situation (goal ≤ 1.5 µs)`);
console.log(`budget: encodeSituations: ${time(20, BATCH, (r) => encodeSituations(batches[r]))} per situation`);

if (wasm.brotli > HARD_LIMIT_BROTLI) {
  console.error(`budget: FAIL — wasm is ${(wasm.brotli / KB).toFixed(1)} kB brotli, over the hard limit of ${HARD_LIMIT_BROTLI / KB} kB`);
  process.exit(1);
}
console.log(wasm.brotli <= GOAL_BROTLI ? "budget: wasm size within goal" : "budget: wasm size over the goal (under the hard limit)");
