// The page's two builds of the engine (scripts/build.sh; docs/perf.md): www/pkg/ — built with the
// `page` profile (opt-level "z") and without the cargo feature `pack-json` — is what the page and
// <hoken-check> load when no insurer pack is used; www/pkg-pack/ is the npm package's full build
// (dist/), loaded only with a pack. Leaving the pack reader out and optimising for size must not
// change one answer: the same assess, assessSummary, missingFields and rulesInfo (data hash
// included) for every worked example, every own scenario, seeded random situations and invalid
// input; the small build's setPack / { pack } refuse with `packsNotInThisBuild`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import * as full from "../../dist/slim.js";
import * as small from "../../www/pkg/slim.js";
import * as smallGlue from "../../www/pkg/hoken_check.js";
import { generate } from "../../bench/generate.mjs";

const root = new URL("../../", import.meta.url);
const read = (f) => readFileSync(new URL(f, root));
full.initSync({ wasm: read("dist/hoken_check_bg.wasm") });
small.initSync({ wasm: read("www/pkg/hoken_check_bg.wasm") });

const examples = JSON.parse(read("tests/spec/examples.json"));
const scenarios = readdirSync(new URL("tests/scenarios/", root))
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => JSON.parse(read(`tests/scenarios/${f}`)));
const pack = JSON.parse(read("packs/kokuho-shibuya.json"));

/** The call's result, or its error as plain data (code, field, both messages). */
function outcome(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    return { error: { name: e.name, code: e.code, field: e.field, messageJa: e.messageJa, messageEn: e.messageEn } };
  }
}

function same(situation, label) {
  for (const name of ["assess", "assessSummary", "missingFields"]) {
    assert.deepEqual(outcome(() => small[name](situation)), outcome(() => full[name](situation)), `${name}: ${label}`);
  }
}

test("the two builds really differ: the small module is smaller and has no pack reader", () => {
  const a = read("www/pkg/hoken_check_bg.wasm").length, b = read("dist/hoken_check_bg.wasm").length;
  assert.ok(a < b, `pkg/ ${a} B, dist/ ${b} B`);
  // pkg-pack/ is dist/'s module as built, byte for byte.
  assert.deepEqual(read("www/pkg-pack/hoken_check_bg.wasm"), read("dist/hoken_check_bg.wasm"));
  assert.deepEqual(read("www/pkg-pack/hoken_check.js"), read("dist/hoken_check.js"));
});

test("rulesInfo: the same rules, parameters and data hash in both builds", () => {
  const a = small.rulesInfo(), b = full.rulesInfo();
  assert.match(a.dataHash, /\S/);
  assert.deepEqual(a, b);
});

test("every worked example and own scenario: identical assess, assessSummary, missingFields", () => {
  assert.ok(examples.length >= 10 && scenarios.length >= 150);
  for (const e of examples) {
    same(e.situation, e.id);
    assert.deepEqual(small.assess(e.situation).summary, e.expectedSummary, e.id);
  }
  for (const e of scenarios) same(e.situation, e.id);
});

test("2,000 seeded random situations: identical answers", () => {
  const list = generate(2000, 20261129);
  for (let i = 0; i < list.length; i++) same(list[i], `generate(2000)[${i}]`);
  // The batch paths too (one call, many records).
  assert.deepEqual(small.assessMany(list.slice(0, 300)), full.assessMany(list.slice(0, 300)));
});

test("invalid input: the same errors (code, field, both messages) from both builds", () => {
  const bad = [
    {}, { asOf: "2025-02-30" }, { asOf: 20260101 }, { asOf: "2026-01-01", insurerKind: "xxx" },
    { asOf: "2026-01-01", favouriteColour: "blue" }, { asOf: "9999-12-31" }, null, 5, "x", [],
    { asOf: "2026-01-01", documentsPresented: ["oldCard", 5] }, { asOf: "2026-01-01", oldCardPrintedExpiry: "令和7年" },
  ];
  for (const s of bad) {
    same(s, JSON.stringify(s));
    assert.ok(outcome(() => small.assess(s)).error, `refused: ${JSON.stringify(s)}`);
  }
  for (const text of ["令和7年12月1日", "R7.12.1", "12月", "2025-02-30"]) {
    assert.deepEqual(outcome(() => small.parseDate(text)), outcome(() => full.parseDate(text)), text);
  }
});

test("the small build refuses a pack with packsNotInThisBuild; the full build uses it", () => {
  const s = { asOf: "2026-11-29", insurerKind: "kokuho", hasMyNumberCard: false, oldCardHeld: true };
  const withPack = outcome(() => full.assess(s, { pack }));
  assert.ok(withPack.ok, "the full build reads the pack");
  for (const call of [() => small.assess(s, { pack }), () => small.assessSummary(s, { pack }),
    () => small.missingFields(s, { pack }), () => small.assessMany([s], { pack })]) {
    const e = outcome(call).error;
    assert.ok(e, "refused");
    assert.equal(e.name, "HokenCheckError");
    assert.equal(e.code, "packsNotInThisBuild");
    assert.equal(e.field, null);
    assert.match(e.messageEn, /without the pack reader/);
    assert.match(e.messageJa, /保険者パック/);
  }
  // The raw export too (what js/api.js calls), whatever text it is given.
  assert.throws(() => smallGlue.setPack(JSON.stringify(pack)), (e) => e.code === "packsNotInThisBuild");
  assert.throws(() => smallGlue.setPack("not json"), (e) => e.code === "packsNotInThisBuild");
  // Without a pack the small build goes on answering, as the full one without a pack.
  assert.deepEqual(small.assess(s), full.assess(s));
});
