// The packed boundary (js/api.js reading objects into words, wasm writing tapes and summary
// rows) against the reference path: the native CLI, which reads the same records with
// serde_json into the same RawSituation and validates them with the same code. Every
// worked example, every own scenario and 12,000 seeded random records — valid ones and every
// kind of invalid one (unknown or misspelt names, wrong types, bad dates, long strings, nested
// arrays and objects, too many documents) in random key order — must give identical results
// through every export: whole assessments, errors (code, field, both messages), summaries,
// packed batches.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { assess, assessSummary, assessMany, missingFields } from "../../dist/node.js";
// The packed batch functions: api.js's default export until the entries re-export them.
import batch from "../../dist/api.js";
import { rng } from "../../scripts/rng.mjs";

const { assessSummaries, encodeSituations, assessPacked, summaryAt, packedLayout } = batch;

const root = new URL("../../", import.meta.url);
const cli = new URL("target/release/hoken-check", root).pathname;
const examples = JSON.parse(readFileSync(new URL("tests/spec/examples.json", root), "utf8"));
const scenarioDir = new URL("tests/scenarios/", root);
const scenarios = readdirSync(scenarioDir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, scenarioDir), "utf8")));


// Field names, kinds and allowed values come from the package's own layout (from Rust).
const { fields } = packedLayout();
function randomRecords(n, seed) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const validDate = () => {
    if (r() < 0.4) return pick(["2024-12-01", "2024-12-02", "2025-07-31", "2025-12-01", "2025-12-02", "2026-03-31", "2026-11-25"]);
    const t = Date.UTC(1940, 0, 1) + Math.floor(r() * 100 * 365) * 86400000;
    return new Date(t).toISOString().slice(0, 10);
  };
  const badString = () => pick([
    "", "2025-02-30", "2025-13-01", "2025-1-01", "令和7年12月1日", "２０２５-１２-０１", "0000-01-01",
    "9999-12-31", "1867-12-31", "2025-12-01 ", " 2025-12-01", "abcd-ef-gh", "x".repeat(257),
    "あ".repeat(90), "2".repeat(300), "kyokaiKenpo", "oldCard", "Normal", "\u0000", "\u00e9\u0301",
  ]);
  const badValue = () => pick([
    () => 5, () => 0, () => -1.5, () => true, () => false, () => null, () => ({}), () => ({ a: [1] }),
    () => [], () => [[["deep"]]], () => badString(), () => [1, "oldCard"], () => ["oldCard", null],
    () => Array.from({ length: 65 }, () => "oldCard"), () => Array.from({ length: 64 }, () => "oldCard"),
    () => ["x".repeat(300)], () => [badString()],
  ])();
  const good = (f) => {
    switch (f.kind) {
      case "date": case "optDate": return validDate();
      case "bool": case "optBool": return r() < 0.15 ? null : r() < 0.5;
      case "enum": return r() < 0.1 ? null : pick(f.values);
      case "documents": return Array.from({ length: Math.floor(r() * 4) }, () => pick(f.values));
    }
  };
  const out = [];
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (roll < 0.01) { out.push(pick([5, "x", null, [], [{ asOf: "2025-12-01" }], true])); continue; }
    const entries = [];
    for (const f of fields) {
      if (f.name !== "asOf" && r() < 0.5) continue;
      if (f.name === "asOf" && r() < 0.02) continue;
      entries.push([f.name, roll < 0.7 || r() < 0.85 ? good(f) : badValue()]);
    }
    if (roll > 0.9) entries.push([pick(["asof", "favouriteColour", "x".repeat(100), "名前", "__proto__x", "documents"]), badValue()]);
    for (let j = entries.length - 1; j > 0; j--) { const k = Math.floor(r() * (j + 1)); [entries[j], entries[k]] = [entries[k], entries[j]]; }
    out.push(Object.fromEntries(entries));
  }
  return out;
}

// The CLI adds what only a stream has: the rendered `message` and, on an error record, the input
// `line` it came from (docs/cli.md); the rest must be identical.
const strip = (v) => JSON.parse(JSON.stringify(v, function (k, x) {
  if (k === "message") return undefined;
  if (k === "line" && this !== null && typeof this === "object" && "code" in this) return undefined;
  return x;
}));
function viaCli(records) {
  let out;
  try {
    out = execFileSync(cli, ["assess", "--lang", "en"], { input: JSON.stringify(records), encoding: "utf8", maxBuffer: 1 << 30 });
  } catch (e) {
    out = e.stdout; // exit status 1 when some record failed; the output is still complete
  }
  return strip(JSON.parse(out));
}

function caught(fn) {
  try {
    return { value: fn() };
  } catch (e) {
    assert.ok(e instanceof Error && e.name === "HokenCheckError", `a HokenCheckError, got ${e}`);
    return { error: { code: e.code, field: e.field, messageJa: e.messageJa, messageEn: e.messageEn } };
  }
}

function agreeWithCli(records, label) {
  const ref = viaCli(records);
  assert.equal(ref.length, records.length);
  const many = assessMany(records);
  const summaries = assessSummaries(records);
  const packed = encodeSituations(records);
  const rows = assessPacked(packed);
  let errors = 0;
  for (let i = 0; i < records.length; i++) {
    const want = ref[i];
    const id = `${label} #${i}: ${JSON.stringify(records[i]).slice(0, 200)}`;
    assert.deepEqual(many[i], want, id);
    const one = caught(() => assess(records[i]));
    const sum = caught(() => assessSummary(records[i]));
    if (want.error) {
      errors++;
      assert.deepEqual(one, { error: want.error }, id);
      assert.deepEqual(sum, { error: want.error }, id);
      assert.deepEqual(summaries[i], { error: want.error }, id);
      assert.deepEqual(summaryAt(rows, i, packed), { error: want.error }, id);
    } else {
      assert.deepEqual(one.value, want, id);
      assert.deepEqual(sum.value, want.summary, id);
      assert.deepEqual(summaries[i], want.summary, id);
    }
  }
  return errors;
}

test("every worked example and own scenario: identical to the CLI through every export", () => {
  const records = [...examples, ...scenarios].map((e) => e.situation);
  assert.ok(records.length >= 200);
  assert.equal(agreeWithCli(records, "spec+scenarios"), 0);
});

test("12,000 random records, valid and invalid: identical results and errors to the CLI", () => {
  const records = randomRecords(12000, 20261129);
  const errors = agreeWithCli(records, "random");
  // Both sides of the property must be reached: many valid records and many errors.
  assert.ok(errors > 1500 && errors < 10500, `errors: ${errors} of ${records.length}`);
});

test("missingFields agrees with the CLI for every worked example", () => {
  for (const e of examples.slice(0, 40)) {
    const out = JSON.parse(execFileSync(cli, ["missing-fields", "--lang", "en"], { input: JSON.stringify(e.situation), encoding: "utf8" }));
    assert.deepEqual(missingFields(e.situation), strip(out), e.id);
  }
});

test("the packed layout comes from the Rust definitions (field list, kinds, tokens, columns)", () => {
  const layout = packedLayout();
  // Whatever the Situation type says, the layout lists: names in contract order, no duplicates.
  assert.equal(layout.fields[0].name, "asOf");
  assert.equal(new Set(layout.fields.map((f) => f.name)).size, layout.fields.length);
  assert.deepEqual(layout.columns.map((c) => c.name), Object.keys(examples[0].expectedSummary));
  assert.ok(layout.errorCodes.includes("unreadableInput"));
  assert.equal(layout.summaryWidth * 3, assessPacked(encodeSituations([{}, 1, { asOf: "2025-12-01" }])).length);
});
