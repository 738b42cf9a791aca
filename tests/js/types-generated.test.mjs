// js/index.d.ts's generated parts (scripts/gen-types.mjs): the Situation fields, the enums with a
// TSDoc line per value, and the error-code unions come from the Rust definitions, once.
// - the committed file is what the generator writes now (else: run node scripts/gen-types.mjs);
// - what the generator reads from the Rust sources equals what the compiled module reports at run
//   time (packedLayout: the fields in order with their kinds and values, documents, routes,
//   copays, error codes), so a misread source cannot pass unnoticed.
// Needs `bash scripts/build.sh` first (dist/).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { REPO, requireBuilt, runOk } from "./consumer/fixture.mjs";

const gen = await import(pathToFileURL(join(REPO, "scripts/gen-types.mjs")).href);
const DTS = readFileSync(join(REPO, "js/index.d.ts"), "utf8");
const m = gen.model();

describe("js/index.d.ts generated parts", () => {
  test("are up to date with the Rust sources (node scripts/gen-types.mjs --check)", async () => {
    assert.equal(gen.render(DTS), DTS, "js/index.d.ts is stale: run node scripts/gen-types.mjs");
    const { stdout } = await runOk(process.execPath, [join(REPO, "scripts/gen-types.mjs"), "--check"]);
    assert.match(stdout, /up to date/);
  });

  test("the check notices a hand edit inside a generated block", () => {
    const edited = DTS.replace('  | "kokuhoKumiai"\n', "");
    assert.notEqual(edited, DTS, "the fixture edit applies");
    assert.equal(gen.render(edited), DTS, "regenerating restores the block");
    assert.throws(() => gen.render(DTS.replace("// END GENERATED situation", "")), /markers/);
  });

  test("every Situation field and every enum value carries its doc, in the Rust source and in the TSDoc", () => {
    for (const f of m.fields) {
      assert.ok(f.doc.length > 5, `Situation.${f.name} has a doc`);
      assert.ok(DTS.includes(f.doc.split(" ").slice(0, 4).join(" ")), `index.d.ts has the doc of ${f.name}`);
    }
    for (const e of [...m.inputEnums, ...m.outputEnums, m.errorCodes, m.packErrorCodes]) {
      assert.ok(e.doc.length > 0, `${e.name} has a doc`);
      for (const v of e.values) {
        assert.ok(v.doc.length > 0, `${e.name} ${v.value} has a doc`);
        assert.ok(DTS.includes(`\`"${v.value}"\`: ${v.doc.split(" ").slice(0, 3).join(" ")}`), `TSDoc of ${e.name} ${v.value}`);
      }
    }
  });
});

describe("what the generator reads equals what the module reports", () => {
  requireBuilt();
  const hcP = import(pathToFileURL(join(REPO, "dist/node.js")).href);
  const enumValues = (name) => m.inputEnums.concat(m.outputEnums).find((e) => (e.tsName ?? e.name) === name).values.map((v) => v.value);

  test("Situation: the fields of FIELDS in order, each with its kind and values", async () => {
    const { fields } = (await hcP).packedLayout();
    assert.deepEqual(m.fields.map((f) => f.name), fields.map((f) => f.name));
    m.fields.forEach((f, i) => {
      const rt = fields[i];
      const expected = {
        NaiveDate: ["date", "IsoDate"],
        "Option<NaiveDate>": ["optDate", "IsoDate | null"],
        bool: ["bool", "boolean | null"],
        "Option<bool>": ["optBool", "boolean | null"],
        "Vec<Document>": ["documents", "DocumentToken[] | null"],
      }[f.rust];
      if (expected) {
        assert.deepEqual([rt.kind, f.ts], expected, f.name);
      } else {
        assert.equal(rt.kind, "enum", f.name);
        assert.deepEqual(enumValues(f.ts.replace(" | null", "")), rt.values, `${f.name}: the values of ${f.ts}`);
      }
      if (rt.kind === "documents") assert.deepEqual(enumValues("DocumentToken"), rt.values);
      assert.equal(f.required === true, rt.kind === "date", `${f.name}: only the date field (asOf) is required`);
    });
  });

  test("documents, routes, copays and error codes", async () => {
    const layout = (await hcP).packedLayout();
    assert.deepEqual(enumValues("DocumentToken"), layout.documents);
    assert.deepEqual(enumValues("KakuninshoRoute"), layout.routes);
    assert.deepEqual(enumValues("Copay"), layout.copays);
    // ErrorCode::ALL, then the JS boundary's codes (src/wasm.rs JS_CODES).
    assert.deepEqual([...m.errorCodes.values.map((v) => v.value), ...m.boundaryCodes], layout.errorCodes);
  });

  test("the outputs' enums: every value an assessment returns is one the generator read", async () => {
    // (The types test checks every returned value against the unions; this checks that the
    // enums read from the Rust sources are the ones the Assessment really uses, field by field.)
    const hc = await hcP;
    const { loadAllSituations } = await import("./consumer/fixture.mjs");
    const seen = { Certainty: new Set(), DocumentKind: new Set(), Status: new Set(), WarningCode: new Set(), KakuninshoRoute: new Set(), Copay: new Set() };
    for (const { situation } of loadAllSituations()) {
      const a = hc.assess(situation);
      seen.Certainty.add(a.certainty);
      seen.KakuninshoRoute.add(a.summary.kakuninshoRoute);
      seen.Copay.add(a.summary.copay);
      for (const v of a.verdicts) { seen.DocumentKind.add(v.document); seen.Status.add(v.status); seen.Certainty.add(v.certainty); }
      for (const w of a.warnings) seen.WarningCode.add(w.code);
    }
    for (const [name, values] of Object.entries(seen)) {
      assert.ok(values.size >= 2, `${name}: several values seen`);
      for (const v of values) assert.ok(enumValues(name).includes(v), `${name} ${v}`);
    }
    assert.deepEqual(enumValues("Era"), ["meiji", "taisho", "showa", "heisei", "reiwa"], "the five eras since 明治, oldest first");
  });

  test("the date codes parseDate and toWareki throw are DateErrorCodes", async () => {
    const hc = await hcP;
    const seen = new Set();
    for (const [f, arg] of [["parseDate", ""], ["parseDate", "令和99年"], ["parseDate", "X7.1.1"], ["parseDate", "2025-02-30"],
      ["parseDate", "明治1年1月1日"], ["toWareki", "1867-12-31"], ["toWareki", "2025-13-01"], ["parseDate", "9999999-01-01"]]) {
      try {
        hc[f](arg);
      } catch (e) {
        seen.add(e.code);
      }
    }
    assert.ok(seen.size >= 3, `several date codes seen: ${[...seen]}`);
    for (const c of seen) assert.ok(m.dateCodes.includes(c), `${c} is a DateErrorCode`);
  });
});
