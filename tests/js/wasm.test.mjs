// The WebAssembly module through the package's Node entry (dist/node.js, built by
// scripts/build.sh): the same summaries as the native CLI for every worked example, and bad
// input arriving as real Error objects with a stable code — never a trap, never a string.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { assess, assessMany, missingFields, parseDate, rulesInfo } from "../../dist/node.js";

const root = new URL("../../", import.meta.url);
const examples = JSON.parse(readFileSync(new URL("tests/spec/examples.json", root), "utf8"));
const scenarioDir = new URL("tests/scenarios/", root);
const scenarios = readdirSync(scenarioDir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, scenarioDir), "utf8")));
const cli = new URL("target/release/hoken-check", root).pathname;

function isPlainObjectDeep(v, path = "$") {
  if (v instanceof Map) return `${path} is a Map`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = isPlainObjectDeep(v[i], `${path}[${i}]`);
      if (bad) return bad;
    }
  } else if (v !== null && typeof v === "object") {
    if (Object.getPrototypeOf(v) !== Object.prototype) return `${path} is not a plain object`;
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) return `${path}.${k} is undefined (should be null)`;
      const bad = isPlainObjectDeep(x, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

test("every worked example gives its expected summary through wasm", () => {
  for (const e of examples) {
    assert.deepEqual(assess(e.situation).summary, e.expectedSummary, e.id);
  }
});

test("every own scenario gives its expected summary through wasm", () => {
  assert.ok(scenarios.length >= 150);
  for (const e of scenarios) {
    assert.deepEqual(assess(e.situation).summary, e.expectedSummary, e.id);
  }
});

test("wasm and the native CLI give the same whole assessments for all examples", () => {
  const input = JSON.stringify(examples.map((e) => e.situation));
  const out = JSON.parse(execFileSync(cli, ["assess", "--lang", "en"], { input, encoding: "utf8" }));
  const viaWasm = assessMany(examples.map((e) => e.situation));
  assert.equal(out.length, viaWasm.length);
  // The CLI adds rendered `message` texts; everything else must be identical.
  const strip = (v) =>
    JSON.parse(JSON.stringify(v, (k, x) => (k === "message" ? undefined : x)));
  for (let i = 0; i < out.length; i++) {
    assert.deepEqual(viaWasm[i], strip(out[i]), examples[i].id);
  }
});

test("results are plain objects with null, never Map or undefined", () => {
  for (const e of examples) {
    assert.equal(isPlainObjectDeep(assess(e.situation)), null, e.id);
  }
  assert.equal(isPlainObjectDeep(rulesInfo()), null);
  assert.equal(isPlainObjectDeep(parseDate("令和7年12月1日")), null);
});

function throwsCode(fn, code, field) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Error, `expected an Error, got ${typeof caught}: ${caught}`);
  assert.equal(caught.name, "HokenCheckError");
  assert.equal(caught.code, code);
  if (field !== undefined) assert.equal(caught.field, field);
  assert.ok(caught.messageJa.length > 0 && caught.messageEn.length > 0);
  return caught;
}

test("bad input arrives as Error objects with a code and the field", () => {
  throwsCode(() => assess(undefined), "notAnObject");
  throwsCode(() => assess(null), "notAnObject");
  throwsCode(() => assess(42), "notAnObject");
  throwsCode(() => assess("2025-12-01"), "notAnObject");
  throwsCode(() => assess([{ asOf: "2025-12-01" }]), "notAnObject");
  throwsCode(() => assess({}), "missingField", "asOf");
  // The unknown name is never echoed: position 2, FNV-1a hash of "favouriteColour".
  throwsCode(() => assess({ asOf: "2025-12-01", favouriteColour: "blue" }), "unknownField", "#2:07cdf928");
  throwsCode(() => assess({ asOf: "2025-02-30" }), "impossibleDate", "asOf");
  throwsCode(() => assess({ asOf: "令和7年12月1日" }), "malformedDate", "asOf");
  throwsCode(() => assess({ asOf: 20251201 }), "wrongType", "asOf");
  throwsCode(() => assess({ asOf: "2025-12-01", oldCardHeld: "yes" }), "wrongType", "oldCardHeld");
  throwsCode(() => assess({ asOf: "2025-12-01", insurerKind: "nhs" }), "unknownValue", "insurerKind");
  throwsCode(() => assess({ asOf: "2025-12-01", documentsPresented: ["passport"] }), "unknownValue", "documentsPresented");
});

test("a 10 MB string is rejected quickly and not echoed", () => {
  const big = "2".repeat(10 * 1024 * 1024);
  const t = performance.now();
  const e = throwsCode(() => assess({ asOf: big }), "tooLarge", "asOf");
  assert.ok(!e.message.includes("2222"), "the value is not echoed");
  throwsCode(() => parseDate(big), "malformedDate");
  assert.ok(performance.now() - t < 5000);
});

test("errors never contain the person's data", () => {
  const e = throwsCode(() => assess({ asOf: "2026-11-25", birthDate: "1941-02-30" }), "impossibleDate", "birthDate");
  for (const m of [e.message, e.messageJa, e.messageEn]) assert.ok(!m.includes("1941"), m);
});

test("assessMany keeps one result per input, errors in place", () => {
  const out = assessMany([examples[0].situation, { asOf: "nope" }, 7, examples[1].situation]);
  assert.equal(out.length, 4);
  assert.deepEqual(out[0].summary, examples[0].expectedSummary);
  assert.equal(out[1].error.code, "malformedDate");
  assert.equal(out[1].error.field, "asOf");
  assert.equal(out[2].error.code, "notAnObject");
  assert.deepEqual(out[3].summary, examples[1].expectedSummary);
  throwsCode(() => assessMany({ asOf: "2025-12-01" }), "notAnArray");
});

test("parseDate reads 和暦 and full-width forms, with warnings and coded errors", () => {
  assert.deepEqual(parseDate("令和7年12月1日"), { date: "2025-12-01", era: "reiwa", warnings: [] });
  assert.equal(parseDate("R7.12.1").date, "2025-12-01");
  assert.equal(parseDate("２０２５／１２／０１").date, "2025-12-01");
  assert.equal(parseDate("令和元年5月1日").date, "2019-05-01");
  const past = parseDate("平成32年3月31日");
  assert.equal(past.date, "2020-03-31");
  assert.equal(past.warnings[0].code, "pastEraEnd");
  throwsCode(() => parseDate("令和7年13月1日"), "impossibleDate");
  throwsCode(() => parseDate(12), "wrongType");
});

test("missingFields asks first whether an old card is held, and stops asking what is answered", () => {
  const m = missingFields({ asOf: "2025-11-30" });
  assert.ok(m.fields.includes("oldCardHeld"));
  assert.equal(m.complete, false);
  const m2 = missingFields({ ...examples[0].situation });
  assert.ok(!m2.fields.includes("oldCardHeld"));
  assert.deepEqual(missingFields({}).fields, ["asOf"]);
});

test("rulesInfo names every rule of RULES.md with a source, and every dated parameter", () => {
  const info = rulesInfo();
  assert.match(info.dataHash, /^fnv1a64:[0-9a-f]{16}$/);
  assert.equal(info.rulesAsOf, "2026-11-25");
  const ids = info.rules.map((r) => r.id);
  for (const id of ["R-OLD-1", "R-PROV-1", "R-KOKI-2", "R-KAKU-4", "R-CANCEL-1", "R-MYNA-6", "R-OSHI-2", "R-FAIL-3", "R-HIGH-1", "R-TAX-1", "R-TODAY-1"]) {
    assert.ok(ids.includes(id), id);
  }
  assert.equal(ids.length, 33, "R-OLD-1…8, R-PROV-1…2, R-KOKI-1…3, R-KAKU-1…5, R-CANCEL-1, R-MYNA-1…6, R-OSHI-1…2, R-FAIL-1…3, R-HIGH-1, R-TAX-1, R-TODAY-1");
  for (const r of info.rules) assert.ok(r.sources.length > 0 && r.sources[0].url.startsWith("http"), r.id);
  const cap = info.params.find((p) => p.name === "old_card_cap");
  assert.deepEqual([cap.value, cap.rule], ["2025-12-01", "R-OLD-1"]);
});
