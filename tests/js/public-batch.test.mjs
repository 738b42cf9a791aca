// The package's public batch API (issue 9): assessSummaries, and encodeSituations + assessPacked
// + summaryAt + packedLayout for Web Workers, from every entry (ESM and CommonJS); and
// hoken-check/slim used before init(). Needs `bash scripts/build.sh` first (dist/).
//
// Expected values come from the rules, not from this code: examples.json's expectedSummary for
// every worked example, and for everything else the one-record functions (assessSummary), whose
// answers the other suites check against the rules — a batch must give the same, record by record.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { REPO, loadAllSituations, loadExamples, requireBuilt, runOk } from "./consumer/fixture.mjs";

requireBuilt();
const hc = await import(pathToFileURL(join(REPO, "dist/node.js")).href);
const BATCH = ["assessSummaries", "encodeSituations", "assessPacked", "summaryAt", "packedLayout"];

/** What assessSummary gives for one record, or the ErrorRecord of what it throws. */
function one(s, options) {
  try {
    return hc.assessSummary(s, options);
  } catch (e) {
    assert.ok(hc.isHokenCheckError(e), `a HokenCheckError, not ${e}`);
    return { error: { code: e.code, field: e.field, messageJa: e.messageJa, messageEn: e.messageEn } };
  }
}

// Valid and invalid records: every example and scenario, and one of each kind of bad input.
const all = loadAllSituations().map((e) => e.situation);
const BAD = [
  { asOf: "2025-02-30" },
  { asOf: "2025-01-01", insurerKind: "kokuhoo" },
  { asOf: "2025-01-01", someoneTypedHere: "1980-01-01" },
  { insurerKind: "kokuho" },
  { asOf: "2025-01-01", documentsPresented: ["oldCard", 5] },
  { asOf: "2025-01-01", oldCardHeld: "yes" },
  { asOf: "x".repeat(300) },
  null,
  7,
  "2025-01-01",
  [],
  new Map([["asOf", "2025-12-01"], ["insurerKind", "kokuho"]]),
  Object.defineProperty({ asOf: "2025-01-01" }, "insurerKind", { enumerable: true, get() { throw new Error("no"); } }),
];
const MIXED = [...all.slice(0, 40), ...BAD, ...all.slice(40)];

describe("the batch functions are named exports of every entry", () => {
  test("ESM entries (default, node, inline, slim) and CommonJS builds export all five", async () => {
    const require = createRequire(import.meta.url);
    const entries = {
      "node.js": await import(pathToFileURL(join(REPO, "dist/node.js")).href),
      "inline.js": await import(pathToFileURL(join(REPO, "dist/inline.js")).href),
      "slim.js": await import(pathToFileURL(join(REPO, "dist/slim.js")).href),
      "node.cjs": require(join(REPO, "dist/node.cjs")),
      "inline.cjs": require(join(REPO, "dist/inline.cjs")),
      "slim.cjs": require(join(REPO, "dist/slim.cjs")),
    };
    for (const [name, mod] of Object.entries(entries)) {
      for (const f of BATCH) assert.equal(typeof mod[f], "function", `${name} exports ${f}`);
    }
    // The initialised CommonJS build gives the same summaries as the ESM one.
    const rows = all.slice(0, 30);
    assert.deepEqual(entries["node.cjs"].assessSummaries(rows), hc.assessSummaries(rows));
    assert.deepEqual(entries["inline.js"].assessSummaries(rows), hc.assessSummaries(rows));
  });
});

describe("assessSummaries", () => {
  test("every worked example gives its expectedSummary (examples.json)", () => {
    const examples = loadExamples();
    const got = hc.assessSummaries(examples.map((e) => e.situation));
    assert.equal(got.length, examples.length);
    examples.forEach((e, i) => assert.deepEqual(got[i], e.expectedSummary, e.id));
  });

  test("record by record what assessSummary gives or throws, errors in place, for valid and bad records", () => {
    const got = hc.assessSummaries(MIXED);
    assert.equal(got.length, MIXED.length);
    MIXED.forEach((s, i) => assert.deepEqual(got[i], one(s), `record ${i}`));
    // The bad records really are errors, each with its code (CONTRACT: errors, never guesses).
    const codes = got.slice(40, 40 + BAD.length).map((r) => r.error?.code);
    assert.deepEqual(codes, [
      "impossibleDate", "unknownValue", "unknownField", "missingField", "wrongType", "wrongType", "tooLarge",
      "notAnObject", "notAnObject", "notAnObject", "notAnObject", undefined, "unreadableInput",
    ]);
    // A name outside the contract is never echoed back (CONTRACT: errors never echo the data).
    assert.doesNotMatch(JSON.stringify(got[42]), /someoneTypedHere/);
  });

  test("an empty array gives an empty array; a non-array throws notAnArray", () => {
    assert.deepEqual(hc.assessSummaries([]), []);
    for (const v of [undefined, 5, "x", { length: 1, 0: { asOf: "2025-01-01" } }]) {
      assert.throws(() => hc.assessSummaries(v), (e) => hc.isHokenCheckError(e) && e.code === "notAnArray");
    }
  });

  test("{ pack }: each record as assessSummary(record, { pack }) gives it; a bad pack throws before any record", () => {
    const dir = join(REPO, "packs");
    const packs = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes("schema"))
      .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
    assert.ok(packs.length >= 3);
    let decidedByPack = 0;
    for (const pack of packs) {
      const rows = [...all.filter((s) => s.insurerKind === pack.who.insurerKind), ...all.slice(0, 10), ...BAD.slice(0, 3)];
      const got = hc.assessSummaries(rows, { pack });
      rows.forEach((s, i) => assert.deepEqual(got[i], one(s, { pack }), `${pack.who.name}, record ${i}`));
      decidedByPack += rows.filter((s, i) => JSON.stringify(got[i]) !== JSON.stringify(one(s))).length;
      // A record of another insurer kind is an error in place (RULES.md §15), not a throw.
      assert.ok(got.some((r) => r.error?.code === "packNotForRecord"), `${pack.who.name}: another kind's record`);
    }
    assert.ok(decidedByPack > 0, "some summary is decided by a pack (else the test could not tell a pack was used)");
    assert.throws(
      () => hc.assessSummaries(all.slice(0, 2), { pack: { version: "x" } }),
      (e) => hc.isHokenCheckError(e) && e.code === "missingField",
    );
  });
});

describe("encodeSituations + assessPacked + summaryAt (Web Worker use)", () => {
  test("rows read back with summaryAt equal assessSummaries, also after a structured clone (postMessage)", () => {
    const packed = hc.encodeSituations(MIXED);
    assert.ok(packed.words instanceof Int32Array && packed.bytes instanceof Uint8Array);
    assert.equal(packed.count, MIXED.length);
    // What a worker receives: a structured clone with the buffers transferred.
    const sent = structuredClone(packed, { transfer: [packed.words.buffer, packed.bytes.buffer] });
    const rows = hc.assessPacked(sent);
    const { summaryWidth } = hc.packedLayout();
    assert.equal(rows.length, MIXED.length * summaryWidth);
    const back = structuredClone(rows);
    const want = hc.assessSummaries(MIXED);
    for (let i = 0; i < MIXED.length; i++) assert.deepEqual(hc.summaryAt(back, i, sent), want[i], `row ${i}`);
  });

  test("without the packed input, a row of a name outside the contract is still an unknownField error", () => {
    const packed = hc.encodeSituations([{ asOf: "2025-01-01", nope: 1 }]);
    const r = hc.summaryAt(hc.assessPacked(packed), 0);
    assert.equal(r.error.code, "unknownField");
  });

  test("packedLayout: the Situation fields of CONTRACT.md in order, the summary columns in order, a fresh copy each call", () => {
    const layout = hc.packedLayout();
    // CONTRACT.md, "Situation (input)" and "Assessment (output)" tables, in table order.
    assert.deepEqual(layout.fields.map((f) => f.name), [
      "asOf", "insurerKind", "birthDate", "kokiRegion", "oldCardHeld", "oldCardPrintedExpiry", "oldCardIssuedBy20241201",
      "qualificationLostDate", "cardDataChangeDate", "hasMyNumberCard", "myNumberCardExpiry", "ecertExpiry",
      "registeredForInsurance", "registrationCancelledDate", "shikakuKakuninshoHeld", "shikakuKakuninshoExpiry",
      "shikakuJohoOshiraseHeld", "difficultyUsingCard", "kakuninshoApplicationMade", "smartphone",
      "facilitySupportsSmartphone", "situation", "documentsPresented",
    ]);
    assert.deepEqual(layout.columns.map((c) => c.name), [
      "oldCardValid", "oldCardValidUntil", "oldCardProvisionalAcceptance", "mynahokenshoUsable", "mynahokenshoUsableUntil",
      "kakuninshoValid", "kakuninshoRoute", "documentsToShow", "copay", "fullCostRisk",
    ]);
    layout.fields.length = 0;
    assert.equal(hc.packedLayout().fields.length, 23, "changing the returned layout changes nothing inside");
  });

  test("what is not encodeSituations' result, or not a row, is refused with a HokenCheckError", () => {
    const malformed = (e) => hc.isHokenCheckError(e) && e.code === "malformedInput" && e instanceof Error;
    for (const bad of [undefined, null, {}, [], { words: [1, 2], bytes: new Uint8Array(0), count: 1 },
      { words: new Int32Array(8), bytes: new Uint8Array(0), count: 2 ** 31 }, { words: new Int32Array(8), bytes: new Uint8Array(0), count: -1 }]) {
      assert.throws(() => hc.assessPacked(bad), malformed, JSON.stringify(bad));
    }
    const packed = hc.encodeSituations(all.slice(0, 3));
    const rows = hc.assessPacked(packed);
    for (const i of [-1, 3, 1.5, "0", NaN]) assert.throws(() => hc.summaryAt(rows, i, packed), malformed, String(i));
    assert.throws(() => hc.summaryAt([0, 0, 0], 0), malformed);
  });

  test("words no encoder writes give error rows, never a throw or a trap; the module still works after", () => {
    const { summaryWidth } = hc.packedLayout();
    const words = new Int32Array(64).map((_, i) => (i * 7919) % 97 - 40);
    const rows = hc.assessPacked({ words, bytes: new Uint8Array(16), count: 20 });
    assert.equal(rows.length, 20 * summaryWidth);
    for (let i = 0; i < 20; i++) assert.ok("error" in hc.summaryAt(rows, i) || "copay" in hc.summaryAt(rows, i));
    assert.deepEqual(hc.assessSummaries(all.slice(0, 5)), all.slice(0, 5).map((s) => one(s)));
  });
});

describe("hoken-check/slim before init()", () => {
  test("every function throws HokenCheckError wasmNotInitialized (ESM and CommonJS); after initSync it works", async () => {
    const script = (load) => `${load}
const calls = {
  assess: () => m.assess({ asOf: "2025-12-01" }),
  assessSummary: () => m.assessSummary({ asOf: "2025-12-01" }),
  assessMany: () => m.assessMany([]),
  missingFields: () => m.missingFields({}),
  parseDate: () => m.parseDate("R7.12.1"),
  toWareki: () => m.toWareki("2025-12-01"),
  rulesInfo: () => m.rulesInfo(),
  assessSummaries: () => m.assessSummaries([]),
  encodeSituations: () => m.encodeSituations([]),
  assessPacked: () => m.assessPacked({ words: new Int32Array(0), bytes: new Uint8Array(0), count: 0 }),
  summaryAt: () => m.summaryAt(new Int32Array(64), 0),
  packedLayout: () => m.packedLayout(),
};
const before = {};
for (const [name, f] of Object.entries(calls)) {
  try { f(); before[name] = "no throw"; }
  catch (e) { before[name] = [e.name, e.code, e instanceof Error, m.isHokenCheckError(e), e instanceof m.HokenCheckError, /init\\(/.test(e.message), e.messageJa.length > 0].join(" "); }
}
m.initSync({ wasm: require("node:fs").readFileSync(${JSON.stringify(join(REPO, "dist/hoken_check_bg.wasm"))}) });
console.log(JSON.stringify({ before, after: m.assessSummary({ asOf: "2026-11-25", insurerKind: "kokuho" }).kakuninshoRoute }));`;
    const esm = script(`import { createRequire } from "node:module"; const require = createRequire(import.meta.url);
const m = await import(${JSON.stringify(pathToFileURL(join(REPO, "dist/slim.js")).href)});`);
    const cjs = `(async () => { ${script(`const m = require(${JSON.stringify(join(REPO, "dist/slim.cjs"))});`)} })();`;
    for (const [kind, args] of [["esm", ["--input-type=module", "-e", esm]], ["cjs", ["-e", cjs]]]) {
      const { stdout } = await runOk(process.execPath, args);
      const out = JSON.parse(stdout);
      for (const [name, got] of Object.entries(out.before)) {
        assert.equal(got, "HokenCheckError wasmNotInitialized true true true true true", `${kind} ${name}`);
      }
      // 国保, no My Number card on 2026-11-25: the 資格確認書 comes automatically (CONTRACT route 3).
      assert.equal(out.after, "automatic", kind);
    }
  });
});

describe("package metadata", () => {
  test("no repository/homepage/bugs until the project has a real public address (docs/npm.md)", () => {
    // A made-up address could belong to someone else; the fields are added with the real one.
    const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
    for (const f of ["repository", "homepage", "bugs"]) assert.equal(pkg[f], undefined, `package.json ${f}`);
  });
});
