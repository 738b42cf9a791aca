// Size and speed budget of the npm package (issue 3). Prints figures; fails only on the hard
// size limit (the machines are shared and noisy, so timings are reported, never asserted).
//   goal: wasm ≤ 60 KB brotli (hard limit 100 KB); assess from JS ≤ 5 µs median.
import { readFileSync, readdirSync } from "node:fs";
import { sizes } from "./sizes.mjs";

const root = new URL("../", import.meta.url);
const KB = 1000;
const HARD_LIMIT_BROTLI = 100 * KB;
const GOAL_BROTLI = 60 * KB;

const wasm = sizes(new URL("dist/hoken_check_bg.wasm", root));
const glue = sizes(new URL("dist/hoken_check.js", root));
const entry = sizes(new URL("dist/browser.js", root));
const fmt = (s) => `raw ${(s.raw / KB).toFixed(1)} KB, gzip ${(s.gzip / KB).toFixed(1)} KB, brotli ${(s.brotli / KB).toFixed(1)} KB`;
console.log(`budget: wasm        ${fmt(wasm)}  (goal ≤ ${GOAL_BROTLI / KB} KB brotli, hard limit ${HARD_LIMIT_BROTLI / KB} KB)`);
console.log(`budget: JS glue     ${fmt(glue)}`);
console.log(`budget: browser.js  ${fmt(entry)}`);

// Speed: a mixed set of situations (worked examples + own scenarios), cycled.
const { assess, assessSummary, assessMany } = await import(new URL("dist/node.js", root));
const scenarioDir = new URL("tests/scenarios/", root);
const situations = [
  ...JSON.parse(readFileSync(new URL("tests/spec/examples.json", root), "utf8")),
  ...readdirSync(scenarioDir)
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => JSON.parse(readFileSync(new URL(f, scenarioDir), "utf8"))),
].map((e) => e.situation);

const N = 100_000;
const BATCH = 1000;
for (let i = 0; i < 5000; i++) assess(situations[i % situations.length]); // warm up
const perCall = [];
for (let b = 0; b < N / BATCH; b++) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) assess(situations[(b * BATCH + i) % situations.length]);
  perCall.push(Number(process.hrtime.bigint() - t) / BATCH / 1000);
}
perCall.sort((a, b) => a - b);
const median = (xs) => xs[Math.floor(xs.length / 2)];
console.log(`budget: assess from JS: median ${median(perCall).toFixed(2)} µs per call over ${N} calls (${situations.length} mixed situations; goal ≤ 5 µs)`);

const summaryTimes = [];
for (let b = 0; b < 50; b++) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) assessSummary(situations[(b * BATCH + i) % situations.length]);
  summaryTimes.push(Number(process.hrtime.bigint() - t) / BATCH / 1000);
}
summaryTimes.sort((a, b) => a - b);
console.log(`budget: assessSummary from JS: median ${median(summaryTimes).toFixed(2)} µs per call (summary only)`);

const many = [];
for (let r = 0; r < 20; r++) {
  const batch = Array.from({ length: 1000 }, (_, i) => situations[(r * 1000 + i) % situations.length]);
  const t = process.hrtime.bigint();
  assessMany(batch);
  many.push(Number(process.hrtime.bigint() - t) / batch.length / 1000);
}
many.sort((a, b) => a - b);
console.log(`budget: assessMany: median ${median(many).toFixed(2)} µs per item (20 batches of 1000)`);

if (wasm.brotli > HARD_LIMIT_BROTLI) {
  console.error(`budget: FAIL — wasm is ${(wasm.brotli / KB).toFixed(1)} KB brotli, over the hard limit of ${HARD_LIMIT_BROTLI / KB} KB`);
  process.exit(1);
}
console.log(wasm.brotli <= GOAL_BROTLI ? "budget: wasm size within goal" : "budget: wasm size over the goal (under the hard limit)");
