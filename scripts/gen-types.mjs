// Writes the generated parts of js/index.d.ts from the Rust definitions, so that the Situation
// fields, the enums, their meanings and the error codes are written once (in Rust) and never
// copied by hand:
//   - the Situation interface: field names, types and TSDoc from `pub struct Situation` and its
//     doc comments (src/situation.rs; the meanings of CONTRACT.md's Situation table);
//   - the enums (InsurerKind, KokiRegion, Smartphone, Circumstance, DocumentToken, Copay,
//     KakuninshoRoute, Certainty, DocumentKind, Status, WarningCode, Era): values and TSDoc per value from the
//     `string_enum!` / serde enums and their doc comments;
//   - the error-code unions: ErrorCode from `ErrorCode::ALL` (src/error.rs), PackErrorCode
//     (src/pack.rs), the date codes (`DateError::code`, src/dates.rs), the JS-boundary codes
//     (`JS_CODES`, src/wasm.rs) and the initialisation codes js/*.js throws.
// Everything between "BEGIN GENERATED <name>" and "END GENERATED <name>" is rewritten; the rest
// of js/index.d.ts is hand-written. tests/js/types-generated.test.mjs fails when the file is
// stale and compares the model read here with what the wasm module reports at run time
// (packedLayout: fields, kinds, enum values, documents, routes, copays, error codes).
//
//   node scripts/gen-types.mjs           # rewrite js/index.d.ts
//   node scripts/gen-types.mjs --check   # exit 1 if js/index.d.ts is not what it would write
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (f) => readFileSync(join(REPO, f), "utf8");
export const DTS = "js/index.d.ts";

// --- reading the Rust sources -----------------------------------------------------------------

/** The text between the `{` at or after `from` and its matching `}` (no braces in strings here). */
function block(src, from) {
  const open = src.indexOf("{", from);
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === "{") depth++;
    else if (src[i] === "}" && --depth === 0) return { body: src.slice(open + 1, i), end: i };
  }
  throw new Error(`gen-types: unbalanced braces after offset ${from}`);
}

/** Items of a braced body: [{ doc, text }] where doc is the `///` lines just before `text`. */
/** A Rust doc line as TSDoc text: intra-doc links [`X`] become plain code spans `X`. */
const plain = (line) => line.replace(/\[(`[^`\]]+`)\](?!\()/g, "$1");

function items(body) {
  const out = [];
  let doc = [];
  for (const raw of body.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("///")) doc.push(plain(line.slice(3).trim()));
    else if (line.startsWith("#[") || line === "") continue;
    else if (line.startsWith("//")) doc = [];
    else {
      out.push({ doc: doc.join(" ").trim(), text: line });
      doc = [];
    }
  }
  return out;
}

/** The `///` doc lines right above offset `at` (skipping attributes). */
function docAbove(src, at) {
  const lines = src.slice(0, at).split("\n").slice(0, -1).reverse();
  const doc = [];
  for (const l of lines.map((x) => x.trim())) {
    if (l.startsWith("#[")) continue;
    if (!l.startsWith("///")) break;
    doc.unshift(plain(l.slice(3).trim()));
  }
  return doc.filter(Boolean).join(" ").trim();
}

const camel = (ident) => ident[0].toLowerCase() + ident.slice(1);
const camelFromSnake = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** `string_enum! { /// doc  Name { /// doc  Variant = "value", … } }` → { name, doc, values }. */
function stringEnum(file, name) {
  const src = read(file);
  const re = /string_enum!\s*\{/g;
  let m;
  while ((m = re.exec(src))) {
    const outer = block(src, m.index);
    const head = outer.body.match(/^\s*((?:\s*\/\/\/[^\n]*\n)*)\s*(\w+)\s*\{/);
    if (!head || head[2] !== name) continue;
    const doc = head[1].split("\n").map((l) => plain(l.trim().replace(/^\/\/\/\s?/, ""))).filter(Boolean).join(" ");
    const inner = block(outer.body, head.index + head[0].length - 1);
    const values = items(inner.body).map(({ doc: d, text }) => {
      const v = text.match(/^(\w+)\s*=\s*"([^"]+)",?$/);
      if (!v) throw new Error(`gen-types: ${file} ${name}: cannot read "${text}"`);
      return { value: v[2], doc: d };
    });
    return { name, doc, values, from: `${file} (string_enum! ${name}, ${name}::ALL)` };
  }
  throw new Error(`gen-types: no string_enum! ${name} in ${file}`);
}

/** `#[serde(rename_all = "camelCase")] pub enum Name { /// doc  Variant, … }` (unit variants). */
function serdeEnum(file, name) {
  const src = read(file);
  const at = src.indexOf(`pub enum ${name} {`);
  if (at < 0) throw new Error(`gen-types: no pub enum ${name} in ${file}`);
  const attrs = src.slice(src.lastIndexOf("\n\n", at), at);
  if (!attrs.includes('#[serde(rename_all = "camelCase")]')) throw new Error(`gen-types: ${name} is not rename_all camelCase`);
  const values = items(block(src, at).body).map(({ doc, text }) => {
    const v = text.match(/^(\w+),?$/);
    if (!v) throw new Error(`gen-types: ${file} ${name}: not a unit variant: "${text}"`);
    return { value: camel(v[1]), doc };
  });
  return { name, doc: docAbove(src, at), values, from: `${file} (enum ${name})` };
}

/** Rust type of a Situation field → [TS type, default text for the doc, required]. */
function tsType(rust, enums) {
  const opt = rust.match(/^Option<(.+)>$/);
  const inner = opt ? opt[1] : rust;
  const named = (t) => (t === "Document" ? "DocumentToken" : t);
  if (rust === "NaiveDate") return { ts: "IsoDate", required: true, dflt: null };
  if (inner === "NaiveDate") return { ts: "IsoDate | null", dflt: null };
  if (rust === "bool") return { ts: "boolean | null", dflt: "false" };
  if (inner === "bool") return { ts: "boolean | null", dflt: null };
  if (rust === "Vec<Document>") return { ts: "DocumentToken[] | null", dflt: "[]" };
  if (enums.has(inner)) {
    const first = enums.get(inner).values[0].value;
    return { ts: `${named(inner)} | null`, dflt: opt ? null : `"${first}"` };
  }
  throw new Error(`gen-types: no TypeScript type for the Rust type ${rust}`);
}

/** Everything the generated blocks are made of, read from the Rust (and js/) sources. */
export function model() {
  const inputEnums = [
    stringEnum("src/situation.rs", "InsurerKind"),
    stringEnum("src/situation.rs", "KokiRegion"),
    stringEnum("src/situation.rs", "Smartphone"),
    stringEnum("src/situation.rs", "Circumstance"),
    { ...stringEnum("src/situation.rs", "Document"), tsName: "DocumentToken" },
  ];
  const outputEnums = [
    serdeEnum("src/assessment.rs", "Copay"),
    serdeEnum("src/assessment.rs", "KakuninshoRoute"),
    serdeEnum("src/citation.rs", "Certainty"),
    serdeEnum("src/assessment.rs", "DocumentKind"),
    serdeEnum("src/assessment.rs", "Status"),
    stringEnum("src/assessment.rs", "WarningCode"),
    serdeEnum("src/dates.rs", "Era"),
  ];
  const enums = new Map(inputEnums.map((e) => [e.name, e]));

  const src = read("src/situation.rs");
  const at = src.indexOf("pub struct Situation {");
  const fields = items(block(src, at).body).map(({ doc, text }) => {
    const f = text.match(/^pub (\w+): (.+),$/);
    if (!f) throw new Error(`gen-types: Situation: cannot read "${text}"`);
    if (!doc) throw new Error(`gen-types: Situation.${f[1]} has no doc comment`);
    return { name: camelFromSnake(f[1]), rust: f[2], doc, ...tsType(f[2], enums) };
  });

  const errorCodes = stringEnum("src/error.rs", "ErrorCode");
  const packErrorCodes = serdeEnum("src/pack.rs", "PackErrorCode");
  const dates = read("src/dates.rs");
  const dateFn = dates.slice(dates.indexOf("DateError::Empty =>"));
  const dateCodes = [...dateFn.slice(0, dateFn.indexOf("}")).matchAll(/DateError::\w+ => "(\w+)"/g)].map((m) => m[1]);
  const jsCodesDecl = read("src/wasm.rs").match(/const JS_CODES: \[&str; \d+\] = \[([^\]]*)\];/);
  if (!jsCodesDecl) throw new Error("gen-types: no JS_CODES in src/wasm.rs");
  const boundaryCodes = [...jsCodesDecl[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
  const initCodes = new Set();
  for (const f of readdirSync(join(REPO, "js")).filter((x) => x.endsWith(".js")).sort()) {
    for (const m of read(`js/${f}`).matchAll(/new HokenCheckError\(\s*"(\w+)"/g)) initCodes.add(m[1]);
  }
  return { inputEnums, outputEnums, fields, errorCodes, packErrorCodes, dateCodes, boundaryCodes, jsCodes: [...initCodes].sort() };
}

// --- writing TypeScript -------------------------------------------------------------------------

const q = (s) => JSON.stringify(s);
/** `text` as comment lines of at most ~100 columns: ` * …` after `indent`, continued with `cont`. */
function wrap(text, indent = "", cont = "") {
  const words = text.replaceAll("*/", "* /").split(/\s+/).filter(Boolean);
  const out = [];
  let line = "";
  for (const w of words) {
    if (line && indent.length + 3 + line.length + 1 + w.length > 100) {
      out.push(`${indent} * ${line}`);
      line = cont + w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(`${indent} * ${line}`);
  return out;
}

/** A TSDoc comment: one line when it fits, else a block. */
function tsdoc(text, indent = "") {
  const lines = wrap(text, indent);
  if (lines.length === 1) return `${indent}/** ${lines[0].slice(indent.length + 3)} */`;
  return [`${indent}/**`, ...lines, `${indent} */`].join("\n");
}

/** The doc of a union type: the Rust type's doc, then each value with its doc (what hovers show). */
function unionDoc(e) {
  const list = e.values.flatMap((v) => wrap(`- \`${q(v.value)}\`: ${v.doc}`, "", "   "));
  return ["/**", ...wrap(e.doc), " *", ...list, " */"].join("\n");
}

/** An enum: the union's doc, and a TSDoc line on each member too. */
function enumType(e) {
  const members = e.values.map((v) => `${tsdoc(v.doc, "  ")}\n  | ${q(v.value)}`).join("\n");
  return `${unionDoc(e)}\nexport type ${e.tsName ?? e.name} =\n${members};`;
}

/** A code union listed in its doc (error codes read best as one list). */
function errorUnion(e) {
  return `${unionDoc(e)}\nexport type ${e.name} =\n${e.values.map((v) => `  | ${q(v.value)}`).join("\n")};`;
}

/** A union of codes without per-value docs, packed onto lines. */
function union(name, doc, codes) {
  const lines = [];
  let line = " ";
  for (const c of codes.map((x) => ` | ${q(x)}`)) {
    if (line.length + c.length > 100) {
      lines.push(line);
      line = " ";
    }
    line += c;
  }
  lines.push(line);
  return `${tsdoc(doc)}\nexport type ${name} =\n${lines.join("\n")};`;
}

export function blocks(m = model()) {
  const situation = [
    "/**",
    " * The person's situation (CONTRACT.md). Only `asOf` is required; a field left out (or null) takes",
    " * its default. Unknown fields are rejected (`unknownField`). Dates are `YYYY-MM-DD`.",
    " */",
    "export interface Situation {",
    ...m.fields.map((f) => {
      const doc = f.dflt ? `${f.doc} Absent or null: ${f.dflt}.` : f.doc;
      return `${tsdoc(doc, "  ")}\n  ${f.name}${f.required ? "" : "?"}: ${f.ts};`;
    }),
    "}",
  ].join("\n");
  return {
    "input enums": m.inputEnums.map(enumType).join("\n\n"),
    situation,
    "output enums": m.outputEnums.map(enumType).join("\n\n"),
    "error codes": [
      errorUnion(m.errorCodes),
      errorUnion({ ...m.packErrorCodes, doc: `${m.packErrorCodes.doc} \`field\` is then the path in the pack.` }),
      union("DateErrorCode", "Codes of a date that cannot be read (parseDate, toWareki; from `DateError::code`).", m.dateCodes),
      union("BoundaryErrorCode", "Codes only the JS boundary raises (`JS_CODES`): a getter or Proxy threw (`unreadableInput`), not an array (`notAnArray`), a result that could not be built (`internal`).", m.boundaryCodes),
      union("JsErrorCode", "Codes the package's JavaScript raises itself (`new HokenCheckError` in js/*.js): the initialisation codes (see HokenCheckErrorCode) and `malformedInput` for an argument of assessPacked/summaryAt that is not what encodeSituations/assessPacked returned.", m.jsCodes),
    ].join("\n\n"),
  };
}

const BEGIN = (name) => `// BEGIN GENERATED ${name} — by scripts/gen-types.mjs from the Rust definitions; do not edit`;
const END = (name) => `// END GENERATED ${name}`;

/** js/index.d.ts with every generated block rewritten. */
export function render(text = read(DTS), b = blocks()) {
  let out = text;
  for (const [name, body] of Object.entries(b)) {
    const start = out.indexOf(BEGIN(name));
    const end = out.indexOf(END(name));
    if (start < 0 || end < start) throw new Error(`gen-types: ${DTS} lacks the markers of "${name}"`);
    out = `${out.slice(0, start)}${BEGIN(name)}\n${body}\n${out.slice(end)}`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const now = read(DTS);
  const next = render(now);
  if (process.argv.includes("--check")) {
    if (next !== now) {
      console.error(`gen-types: ${DTS} is stale: run node scripts/gen-types.mjs`);
      process.exit(1);
    }
    console.log(`gen-types: ${DTS} is up to date`);
  } else {
    writeFileSync(join(REPO, DTS), next);
    console.log(`gen-types: ${next === now ? "unchanged" : "wrote"} ${DTS}`);
  }
}
