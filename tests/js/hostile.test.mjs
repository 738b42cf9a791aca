// Hostile JavaScript input (issue 11, "Crashes"): arrays nested thousands deep, cycles,
// throwing getters and Proxy traps, BigInt, Symbol, 100 MB strings and 10,000 random garbage
// values. Each one must give a coded HokenCheckError (never a plain Error, never a trap),
// assessMany must never throw for a bad record, and after EVERY hostile input EVERY export of
// the package is called and must still answer correctly: the instance provably stays alive.
//
// On the serde-wasm-bindgen boundary these inputs killed the wasm instance ("memory access out
// of bounds", then every export failing) or escaped as plain Errors that leaked shadow stack.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as entry from "../../dist/node.js";
// The packed batch functions: api.js's default export until the entries re-export them.
import batch from "../../dist/api.js";
import { rng } from "../../scripts/rng.mjs";

const api = { ...entry, ...batch };

const root = new URL("../../", import.meta.url);
const examples = JSON.parse(readFileSync(new URL("tests/spec/examples.json", root), "utf8"));
const good = examples[0];

// Every export, each with a known good input and what it must answer (from the worked example
// and RULES.md's calendar, not from running the code).
let aliveChecks = 0;
function assertAlive(after) {
  const why = `after ${after}`;
  assert.deepEqual(api.assess(good.situation).summary, good.expectedSummary, why);
  assert.deepEqual(api.assessSummary(good.situation), good.expectedSummary, why);
  assert.deepEqual(api.assessMany([good.situation])[0].summary, good.expectedSummary, why);
  assert.deepEqual(api.assessSummaries([good.situation]), [good.expectedSummary], why);
  const packed = api.encodeSituations([good.situation]);
  assert.deepEqual(api.summaryAt(api.assessPacked(packed), 0, packed), good.expectedSummary, why);
  assert.deepEqual(api.missingFields({}).fields, ["asOf"], why);
  assert.equal(api.parseDate("R7.12.1").date, "2025-12-01", why);
  assert.deepEqual(api.toWareki("2019-05-01"), { era: "reiwa", year: 1, month: 5, day: 1 }, why);
  // RULES.md has 33 rule ids (32 `### R-` headings + R-TODAY-1 of §10; R-KAKU-5 added 2026-11-29).
  assert.equal(api.rulesInfo().rules.length, 33, why);
  assert.equal(api.packedLayout().fields[0].name, "asOf", why);
  aliveChecks++;
}

function assertCoded(e, code, field, why) {
  assert.ok(e instanceof Error, `${why}: an Error, got ${String(e)}`);
  assert.equal(e.name, "HokenCheckError", `${why}: ${e.stack}`);
  assert.equal(typeof e.code, "string", why);
  if (code !== undefined) assert.equal(e.code, code, why);
  if (field !== undefined) assert.equal(e.field, field, why);
  assert.ok(e.messageJa.length > 0 && e.messageEn.length > 0, why);
  assert.ok(!/JSON or CSV/.test(e.messageEn), `${why}: a JS caller is not told about JSON or CSV`);
}

// Calls fn; it must either return or throw a coded error (optionally the given code/field).
function coded(fn, code, field, why = String(fn)) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `${why}: expected a ${code} error`);
  assertCoded(caught, code, field, why);
  return caught;
}

function nested(depth, leaf = "x") {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

test("arrays nested 5,038 and 100,000 deep (also through JSON.parse) are a wrong type, not a trap", () => {
  const body = `{"asOf":${"[".repeat(5038)}${"]".repeat(5038)}}`; // 10 KB of JSON
  coded(() => api.assess(JSON.parse(body)), "wrongType", "asOf");
  assertAlive("JSON.parse'd 5,038-deep array");
  for (const depth of [5038, 20000, 100000]) {
    coded(() => api.assess({ asOf: nested(depth) }), "wrongType", "asOf");
    coded(() => api.assessSummary({ asOf: "2025-12-01", documentsPresented: nested(depth) }), "wrongType", "documentsPresented");
    coded(() => api.missingFields({ birthDate: nested(depth) }), "wrongType", "birthDate");
    const many = api.assessMany([{ asOf: nested(depth) }, good.situation]);
    assert.equal(many[0].error.code, "wrongType");
    assert.deepEqual(many[1].summary, good.expectedSummary);
    assertAlive(`a ${depth}-deep array`);
  }
  let deepObject = {};
  for (let i = 0; i < 100000; i++) deepObject = { a: deepObject };
  coded(() => api.assess({ asOf: deepObject }), "wrongType", "asOf");
  assertAlive("a 100,000-deep object");
});

test("self-referencing arrays and objects are a wrong type", () => {
  const a = [];
  a.push(a);
  const o = {};
  o.o = o;
  coded(() => api.assess({ asOf: a }), "wrongType", "asOf");
  coded(() => api.assess({ asOf: "2025-12-01", documentsPresented: a }), "wrongType", "documentsPresented");
  coded(() => api.assess({ asOf: o }), "wrongType", "asOf");
  assert.equal(api.assessMany([{ asOf: a }])[0].error.code, "wrongType");
  assertAlive("cycles");
});

test("throwing getters and Proxy traps give unreadableInput, and assessMany never throws", () => {
  const boom = () => { throw new Error("boom"); };
  const getter = Object.defineProperty({ insurerKind: "kyokaiKenpo" }, "asOf", { get: boom, enumerable: true });
  const inputs = [
    [getter, "asOf"],
    [new Proxy({}, { ownKeys: boom }), null],
    [new Proxy({ asOf: "2025-12-01" }, { get: boom }), "asOf"],
    [new Proxy({ asOf: "2025-12-01" }, { getOwnPropertyDescriptor: boom }), null],
    [new Proxy({}, { getPrototypeOf: boom }), null],
    [{ asOf: "2025-12-01", documentsPresented: new Proxy(["oldCard"], { get: boom }) }, "documentsPresented"],
    [{ asOf: "2025-12-01", documentsPresented: Object.defineProperty([], 0, { get: boom }) }, "documentsPresented"],
  ];
  // A trap the reader never needs (has) is never called: the Proxy reads as its target.
  coded(() => api.assess(new Proxy({}, { has: boom })), "missingField", "asOf");
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  inputs.push([revocable.proxy, null]);
  for (const [input, field] of inputs) {
    for (const fn of [api.assess, api.assessSummary, api.missingFields]) {
      const e = coded(() => fn(input), undefined, undefined, `${fn.name}(${field})`);
      if (e.code === "unreadableInput") assert.equal(e.field, field);
    }
    const many = api.assessMany([input, good.situation]);
    assert.ok(many[0].error && typeof many[0].error.code === "string");
    assert.deepEqual(many[1].summary, good.expectedSummary);
    assertAlive(`a throwing getter/trap (${field})`);
  }
  // assessMany's own argument: a Proxy array whose elements throw, one that is revoked.
  const throwingArray = new Proxy([good.situation, good.situation], { get: (t, k) => (k === "1" ? boom() : t[k]) });
  const out = api.assessMany(throwingArray);
  assert.deepEqual(out[0].summary, good.expectedSummary);
  assert.equal(out[1].error.code, "unreadableInput");
  coded(() => api.assessMany(revocable.proxy), "notAnArray");
  assert.equal(api.assessSummaries(throwingArray)[1].error.code, "unreadableInput");
  // Thousands of throws: nothing leaks (the old boundary died after ~1,000-1,800).
  for (let i = 0; i < 5000; i++) {
    coded(() => api.assess(getter), "unreadableInput", "asOf");
    assert.equal(api.assessMany([getter])[0].error.code, "unreadableInput");
  }
  assertAlive("10,000 throwing getters");
});

test("BigInt and Symbol values are a wrong type, with a message for JS callers", () => {
  for (const v of [10n, 2n ** 70n, -(2n ** 70n), Symbol("x"), Symbol.iterator, () => 1, new Set(["oldCard"]), new Map()]) {
    coded(() => api.assess({ asOf: v }), "wrongType", "asOf");
    coded(() => api.assess({ asOf: "2025-12-01", oldCardHeld: v }), "wrongType", "oldCardHeld");
    coded(() => api.assess({ asOf: "2025-12-01", documentsPresented: [v] }), "wrongType", "documentsPresented");
  }
  for (const v of [5n, Symbol("x"), () => 1, new Set([1]), "2025-12-01", 5, undefined, null, [], new Uint8Array(4)]) {
    coded(() => api.assess(v), "notAnObject", null);
    assert.equal(api.assessMany([v])[0].error.code, "notAnObject");
  }
  // Symbol-keyed properties are not field names: ignored, as JSON would never have them.
  assert.deepEqual(api.assessSummary({ ...good.situation, [Symbol("k")]: 1 }), good.expectedSummary);
  assertAlive("BigInt and Symbol");
});

test("toWareki and parseDate both say wrongType for a non-string", () => {
  for (const v of [5, 5n, Symbol("d"), null, undefined, {}, ["2025-12-01"], true]) {
    coded(() => api.toWareki(v), "wrongType", null, `toWareki(${String(v)})`);
    coded(() => api.parseDate(v), "wrongType", null, `parseDate(${String(v)})`);
  }
  assertAlive("non-string dates");
});

test("100 MB strings are rejected quickly, never echoed", () => {
  const big = "2".repeat(100 * 1000 * 1000);
  const t = performance.now();
  const e = coded(() => api.assess({ asOf: big }), "tooLarge", "asOf");
  assert.ok(!e.message.includes("2222"));
  coded(() => api.assess({ asOf: "2025-12-01", documentsPresented: [big] }), "tooLarge", "documentsPresented");
  coded(() => api.parseDate(big), "malformedDate");
  coded(() => api.toWareki(big), "malformedDate");
  const k = coded(() => api.assess({ [big]: 1 }), "unknownField");
  // Issue 11 §3: a name outside the contract is reported by position and hash, never echoed.
  assert.match(k.field, /^#1:[0-9a-f]{8}$/, "an unknown name is reported by position and hash");
  assert.equal(api.assessSummaries([{ asOf: big }])[0].error.code, "tooLarge");
  assert.ok(performance.now() - t < 10000, "well under the time of copying 100 MB into wasm");
  assertAlive("100 MB strings");
});

test("a record over the size limit is tooLarge on the field where the limit was reached", () => {
  const wide = "字".repeat(257);
  const docs = Array.from({ length: 64 }, () => wide);
  // Each list carries 64 × 771 bytes: the second one passes the 64 KB record limit.
  coded(() => api.assess({ asOf: "2025-12-01", documentsPresented: docs }), "tooLarge", "documentsPresented");
  // Known difference from the CLI, by design: the limit is checked while reading, so a record
  // over it is tooLarge where the limit was reached, even if an earlier field was also wrong
  // (the CLI would say wrongType for insurerKind here).
  coded(() => api.assess({ insurerKind: docs, documentsPresented: docs, asOf: "2025-12-01" }), "tooLarge", "documentsPresented");
  assertAlive("an oversized record");
});


test("10,000 random garbage values: coded errors or answers, every export alive after each", () => {
  const r = rng(11);
  const names = api.packedLayout().fields.map((f) => f.name);
  const boom = () => { throw new RangeError("trap"); };
  const atoms = [
    () => undefined, () => null, () => NaN, () => -0, () => Infinity, () => r() * 1e9, () => 2n ** 64n,
    () => Symbol("s"), () => "", () => "2025-12-01", () => "2025-02-30", () => "\ud800\udfff\ud800",
    () => "x".repeat(Math.floor(r() * 600)), () => true, () => false, () => new Date(0), () => /re/,
    () => new Map([["asOf", "2025-12-01"]]), () => new Set(["oldCard"]), () => new Uint8Array(3),
    () => new ArrayBuffer(8), () => function f() {}, () => Promise.resolve(1), () => new Error("e"),
    () => new Proxy({}, { ownKeys: boom }), () => new Proxy([], { get: boom }),
    () => Object.defineProperty({}, names[0], { get: boom, enumerable: true }),
    () => Object.create(null), () => new String("s"), () => new Number(1), () => nested(Math.floor(r() * 9000)),
    () => ["oldCard", "oldCard"], () => Array(70).fill("oldCard"), () => [,,"oldCard"],
  ];
  const value = (depth) => {
    const roll = r();
    if (depth > 3 || roll < 0.55) return atoms[Math.floor(r() * atoms.length)]();
    if (roll < 0.75) return Array.from({ length: Math.floor(r() * 5) }, () => value(depth + 1));
    const o = {};
    const n = Math.floor(r() * 6);
    for (let i = 0; i < n; i++) o[r() < 0.7 ? names[Math.floor(r() * names.length)] : `k${Math.floor(r() * 99)}`] = value(depth + 1);
    if (r() < 0.1) o.self = o;
    return o;
  };
  let answers = 0, errors = 0;
  for (let i = 0; i < 10000; i++) {
    const v = value(0);
    for (const fn of [api.assess, api.assessSummary, api.missingFields, api.parseDate, api.toWareki]) {
      try {
        fn(v);
        answers++;
      } catch (e) {
        assertCoded(e, undefined, undefined, `${fn.name} on garbage #${i}`);
        errors++;
      }
    }
    const many = api.assessMany([v, v]);
    assert.equal(many.length, 2);
    const summaries = api.assessSummaries([v]);
    assert.equal(summaries.length, 1);
    let isArray = false;
    try { isArray = Array.isArray(v); } catch { /* a revoked Proxy */ }
    if (isArray) {
      // An array whose length cannot be read has no records to answer: a coded error.
      try {
        assert.equal(api.assessMany(v).length, v.length);
      } catch (e) {
        assertCoded(e, "unreadableInput", null, `assessMany on garbage #${i}`);
      }
    } else {
      coded(() => api.assessMany(v), "notAnArray", null);
    }
    assertAlive(`garbage #${i}`);
  }
  assert.ok(answers > 0 && errors > 0, `${answers} answers, ${errors} errors`);
  assert.ok(aliveChecks >= 10000);
});
