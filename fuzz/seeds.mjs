#!/usr/bin/env node
// Writes the seed corpora and dictionaries of the fuzz targets into fuzz/corpus/<target>/ and
// fuzz/dict/ (both untracked), from what the repository already holds — never a hand-kept copy:
//   * every Situation of tests/spec/examples.json and tests/scenarios/*.json (JSON seeds, and the
//     same record as a CSV header line + cell line for csv_row);
//   * every date string in them, and every `parse_printed("…")` example of src/dates.rs
//     (parse_date seeds);
//   * the field names and string values found in them (dictionaries for the JSON/CSV targets).
// Run by scripts/fuzz.sh before each run; idempotent (file names are content hashes).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FUZZ = path.join(ROOT, "fuzz");

const scenarioFiles = [path.join(ROOT, "tests/spec/examples.json"),
  ...fs.readdirSync(path.join(ROOT, "tests/scenarios")).filter((f) => f.endsWith(".json"))
    .map((f) => path.join(ROOT, "tests/scenarios", f))];
const situations = [];
for (const f of scenarioFiles) {
  for (const sc of JSON.parse(fs.readFileSync(f, "utf8"))) if (sc && sc.situation) situations.push(sc.situation);
}

const put = (target, body) => {
  const dir = path.join(FUZZ, "corpus", target);
  fs.mkdirSync(dir, { recursive: true });
  const name = "seed-" + crypto.createHash("sha1").update(body).digest("hex").slice(0, 16);
  fs.writeFileSync(path.join(dir, name), body);
};

const cell = (v) => (v === null || v === undefined ? "" : Array.isArray(v) ? v.join(";") : String(v));
const dates = new Set();
const names = new Set();
const values = new Set();
for (const s of situations) {
  const json = JSON.stringify(s);
  put("situation_json", json);
  put("missing_fields", json);
  // A partial record, as the page sends while asking: the first few answers only.
  put("missing_fields", JSON.stringify(Object.fromEntries(Object.entries(s).slice(0, 4))));
  const keys = Object.keys(s);
  put("csv_row", keys.join(",") + "\n" + keys.map((k) => cell(s[k])).join(","));
  for (const [k, v] of Object.entries(s)) {
    names.add(k);
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x !== "string") continue;
      if (/^\d{4}-\d{2}-\d{2}$/.test(x)) dates.add(x); else values.add(x);
    }
  }
}
const datesSrc = fs.readFileSync(path.join(ROOT, "src/dates.rs"), "utf8");
for (const m of datesSrc.matchAll(/parse_printed\("([^"]+)"\)/g)) dates.add(m[1]);
for (const d of dates) put("parse_date", d);
// to_wareki reads 4 bytes: days since 0001-01-01 (CE), little endian. Seed the era starts.
for (const iso of ["1868-01-01", "1912-07-30", "1926-12-25", "1989-01-07", "1989-01-08", "2019-05-01", "2117-12-31"]) {
  const days = Math.round((Date.parse(iso + "T00:00:00Z") - Date.parse("0001-01-01T00:00:00Z")) / 86400000) + 1;
  const b = Buffer.alloc(4); b.writeInt32LE(days); put("to_wareki", b);
}

const q = (s) => '"' + [...Buffer.from(s, "utf8")].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : "\\x" + b.toString(16).padStart(2, "0"))).join("") + '"';
fs.mkdirSync(path.join(FUZZ, "dict"), { recursive: true });
const json = [...names].map((n) => q(`"${n}"`)).concat([...values].map((v) => q(`"${v}"`)), [...dates].map((d) => q(`"${d}"`)), ['"true"', '"false"', '"null"'].map(q));
fs.writeFileSync(path.join(FUZZ, "dict", "situation_json.dict"), json.join("\n") + "\n");
const csv = [...names, ...values, ...dates, "true", "false", ";"].map(q);
fs.writeFileSync(path.join(FUZZ, "dict", "csv_row.dict"), csv.join("\n") + "\n");
const eras = [...datesSrc.matchAll(/Era::\w+ => "(\p{Script=Han}+)"/gu)].map((m) => m[1]);
if (eras.length < 5) throw new Error("fuzz seeds: era names not found in src/dates.rs");
const era = [...eras, "元年", "年", "月", "日", "R", "H", "S", "T", "M", ".", "/", "-", "まで", "迄", "０", "１", "９", " ", "　"].map(q);
fs.writeFileSync(path.join(FUZZ, "dict", "parse_date.dict"), era.join("\n") + "\n");
console.log(`fuzz seeds: ${situations.length} situations, ${dates.size} dates, ${names.size} field names`);
