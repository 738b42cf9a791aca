// The package's TypeScript types, as a consumer gets them from the packed tarball:
// - tests/js/consumer/consumer.ts (every export, every type) passes `tsc --noEmit`, strict, with
//   nodenext and with bundler resolution, and compiled + run it prints the expected report;
// - tests/js/consumer/bad.ts fails tsc on exactly its marked lines (the types are not `any`);
// - js/index.d.ts has no `any`;
// - drift: every value the wasm module returns or throws, over every example and scenario,
//   matches the declared types (keys, nullability, string unions, dates), and every property of
//   the Assessment-related interfaces is seen at runtime at least once.
// Needs `bash scripts/build.sh` first (fails, never skips, when dist/ is missing).
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { PKG, REPO, loadAllSituations, loadExamples, packAndInstall, requireBuilt, run, runOk } from "./consumer/fixture.mjs";

const TSC = join(REPO, "node_modules/typescript/bin/tsc");
const FIXTURES = join(REPO, "tests/js/consumer");
const INDEX_D_TS = readFileSync(join(REPO, "js/index.d.ts"), "utf8");

// --- the temp consumer with the tarball installed (lazily, once; removed in after()) ---------------

const tmpRoots = [];
let projectP;
function project() {
  projectP ??= (async () => {
    const root = await mkdtemp(join(tmpdir(), "hoken-check-types-"));
    tmpRoots.push(root);
    const { consumer } = await packAndInstall(root);
    for (const f of ["consumer.ts", "bad.ts"]) await copyFile(join(FIXTURES, f), join(consumer, f));
    const base = {
      strict: true,
      target: "es2022",
      lib: ["es2022", "dom"],
      types: [],
      skipLibCheck: false,
      noEmit: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      verbatimModuleSyntax: true,
      forceConsistentCasingInFileNames: true,
    };
    const nodenext = { module: "nodenext", moduleResolution: "nodenext" };
    const bundler = { module: "esnext", moduleResolution: "bundler" };
    const configs = {
      "tsconfig.nodenext.json": { compilerOptions: { ...base, ...nodenext }, files: ["consumer.ts"] },
      "tsconfig.bundler.json": { compilerOptions: { ...base, ...bundler }, files: ["consumer.ts"] },
      "tsconfig.bad.json": { compilerOptions: { ...base, ...nodenext }, files: ["bad.ts"] },
      "tsconfig.emit.json": {
        compilerOptions: { ...base, ...nodenext, noEmit: false, outDir: "out", rootDir: "." },
        files: ["consumer.ts"],
      },
    };
    for (const [name, cfg] of Object.entries(configs)) {
      await writeFile(join(consumer, name), JSON.stringify(cfg, null, 2));
    }
    return consumer;
  })();
  return projectP;
}

after(async () => {
  await Promise.all(tmpRoots.map((d) => rm(d, { recursive: true, force: true })));
});

const tsc = (cwd, config) => run(process.execPath, [TSC, "-p", config, "--pretty", "false"], { cwd });

/** tsc diagnostics as [{ file, line, code, text }]. */
function diagnostics(output) {
  return [...output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map((m) => ({
    file: m[1],
    line: Number(m[2]),
    code: m[3],
    text: m[4],
  }));
}

const stripComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");

/** Every name index.d.ts exports: { values: function names, types: type/interface names }. */
function declaredExports(src) {
  const code = stripComments(src);
  // A class is a value (imported as one); its name is a type too, but is imported once.
  const values = [...code.matchAll(/^export (?:declare )?(?:function|class) (\w+)/gm)].map((m) => m[1]);
  const types = [...code.matchAll(/^export (?:declare )?(?:type|interface) (\w+)/gm)].map((m) => m[1]);
  return { values: [...new Set(values)].sort(), types: [...new Set(types)].sort() };
}

// --- tsc over the consumer --------------------------------------------------------------------------

describe("TypeScript consumer of the packed package", () => {
  test("js/index.d.ts (and every types file the exports point to) contains no `any`", async () => {
    const withAny = (src) =>
      stripComments(src)
        .split("\n")
        .map((l, i) => [i + 1, l])
        .filter(([, l]) => /\bany\b/.test(l));
    assert.deepEqual(withAny(INDEX_D_TS), [], "js/index.d.ts uses `any`");

    const consumer = await project();
    const typesFiles = new Set();
    const walk = (v, key) => {
      if (typeof v === "string" && key === "types") typesFiles.add(v);
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(PKG.exports);
    if (PKG.types) typesFiles.add(PKG.types);
    assert.ok(typesFiles.size > 0, "package.json names its types");
    for (const f of typesFiles) {
      const src = readFileSync(join(consumer, "node_modules/hoken-check", f), "utf8");
      assert.deepEqual(withAny(src), [], `${f} (installed) uses \`any\``);
      assert.equal(src, INDEX_D_TS, `${f} (installed) is js/index.d.ts`);
    }
  });

  test("consumer.ts imports every export that index.d.ts declares", () => {
    const { values, types } = declaredExports(INDEX_D_TS);
    const src = stripComments(readFileSync(join(FIXTURES, "consumer.ts"), "utf8"));
    const imported = (kind) => {
      const re = kind === "type"
        ? /import type \{([^}]*)\} from "hoken-check";/g
        : /import \{([^}]*)\} from "hoken-check";/g;
      return [...src.matchAll(re)].flatMap((m) => m[1].split(",").map((s) => s.trim()).filter(Boolean)).sort();
    };
    assert.deepEqual(imported("value"), values, "functions imported by consumer.ts");
    assert.deepEqual(imported("type"), types, "types imported by consumer.ts");
  });

  for (const mode of ["nodenext", "bundler"]) {
    test(`tsc --noEmit (strict, module ${mode}) accepts consumer.ts`, async () => {
      const consumer = await project();
      const r = await tsc(consumer, `tsconfig.${mode}.json`);
      assert.equal(r.code, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
      assert.deepEqual(diagnostics(r.stdout), []);
    });
  }

  test("consumer.ts compiled and run against the installed package prints the expected report", async () => {
    const consumer = await project();
    const built = await tsc(consumer, "tsconfig.emit.json");
    assert.equal(built.code, 0, `tsc failed:\n${built.stdout}${built.stderr}`);
    const { stdout } = await runOk(process.execPath, [join(consumer, "out/consumer.js")], { cwd: consumer });
    const report = JSON.parse(stdout);

    // consumer.ts assesses examples.json's C001 situation.
    const c001 = loadExamples().find((e) => e.id === "C001");
    assert.ok(c001, "examples.json has C001");
    const yesNo = (b) => (b === null ? "?" : b ? "yes" : "no");
    const s = c001.expectedSummary;
    assert.deepEqual(report.summary, {
      oldCardValid: yesNo(s.oldCardValid),
      oldCardValidUntil: s.oldCardValidUntil ?? "-",
      oldCardProvisionalAcceptance: yesNo(s.oldCardProvisionalAcceptance),
      mynahokenshoUsable: yesNo(s.mynahokenshoUsable),
      mynahokenshoUsableUntil: s.mynahokenshoUsableUntil ?? "-",
      kakuninshoValid: yesNo(s.kakuninshoValid),
      kakuninshoRoute: s.kakuninshoRoute,
      documentsToShow: s.documentsToShow.join("+"),
      copay: s.copay,
      fullCostRisk: yesNo(s.fullCostRisk),
    });
    assert.equal(report.notAny, true);
    assert.equal(report.summaryOnlyMatches, true, "assessSummary = assess().summary");
    assert.equal(report.inlineMatches, true, "hoken-check/inline gives the same Assessment");
    assert.ok(report.lines > 4, "the assessment has verdicts, events and actions");
    assert.deepEqual(report.kinds, [`assessment:${s.copay}`, "error:impossibleDate:asOf:true"]);
    assert.equal(report.missing.complete, false);
    assert.ok(report.missing.count > 0 && typeof report.missing.first === "string");
    assert.deepEqual(report.parsed, { date: "2019-05-01", era: "heisei", warnings: ["pastEraEnd:heisei->reiwa"] });
    // 令和 starts on 2019-05-01: that day is 令和元年 (year 1) 5月1日.
    assert.equal(report.wareki, "reiwa:1:5:1");
    assert.equal(report.rules.version, true);
    assert.equal(report.rules.hash, true);
    assert.match(report.rules.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(report.rules.first, /^R-[\w-]+:\w+:true$/);
    assert.equal(report.rules.firstRuleTitles, true);
    assert.match(report.rules.firstParam, /^\w+:(string|number):R-[\w-]+:\d{4}-\d{2}-\d{2}:true:true$/);
    // RULES.md §15 / R-KAKU-5: the pack adds its own fact and contact, never changes the
    // national summary; a broken pack and a pack of another insurer kind are coded errors.
    assert.deepEqual(report.pack, {
      rule: "R-KAKU-5",
      name: "渋谷区 国民健康保険",
      contactName: "渋谷区 国民健康保険",
      sameSummary: true,
      badPack: true,
      otherKind: "packNotForRecord",
    });
    // Batches give what assessSummary gives, row by row; 2025-02-30 does not exist; the first
    // Situation field of CONTRACT is asOf, the first summary column oldCardValid.
    assert.deepEqual(report.typedCodes, ["emptyDate", "unreadableInput", "wasmNotInitialized"]);
    assert.deepEqual(report.batch, {
      sameAsRows: true,
      firstIsSummary: true,
      second: true,
      words: true,
      field: "asOf",
      column: "oldCardValid",
      withPack: true,
    });
    assert.deepEqual(report.errors, {
      wrongType: "wrongType",
      impossibleDate: "impossibleDate",
      unknownField: "unknownField",
      emptyDate: "emptyDate",
      ok: "noError",
    });
  });

  test("tsc rejects bad.ts on exactly its marked lines (the types are not `any`)", async () => {
    const consumer = await project();
    const r = await tsc(consumer, "tsconfig.bad.json");
    assert.notEqual(r.code, 0, "tsc must fail on bad.ts");
    const diags = diagnostics(r.stdout);
    const foreign = diags.filter((d) => d.file !== "bad.ts");
    assert.deepEqual(foreign, [], "errors only in bad.ts");
    const lines = readFileSync(join(FIXTURES, "bad.ts"), "utf8").split("\n");
    const marked = lines.flatMap((l, i) => (/^\s*[^\s/].*\/\/ @error\b/.test(l) ? [i + 1] : []));
    assert.ok(marked.length >= 10, "bad.ts has its marked lines");
    const failing = [...new Set(diags.map((d) => d.line))].sort((a, b) => a - b);
    const missed = marked.filter((n) => !failing.includes(n)).map((n) => `${n}: ${lines[n - 1].trim()}`);
    assert.deepEqual(missed, [], "marked lines that compiled (a type is too loose)");
    const unexpected = diags.filter((d) => !marked.includes(d.line)).map((d) => `${d.line}: ${d.code} ${d.text}`);
    assert.deepEqual(unexpected, [], "errors on unmarked lines");
  });
});

// --- a small reader for index.d.ts's subset of TypeScript ----------------------------------------
// Declarations: `export type N = T;`, `export interface N [extends B] { p[?]: T; … }`,
// `export function f(a: T, …): T;`. Types: unions, arrays, parentheses, string literals,
// string/number/boolean/null, named references, Record<K, V>, Partial<T>, keyof T and inline
// object types. Anything else fails loudly, so the reader never silently under-checks.

function tokenize(text) {
  const tokens = [];
  const re = /\s*(?:("(?:[^"\\]|\\.)*")|([A-Za-z_$][\w$]*)|(\S))/y;
  let m;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    if (m[1] !== undefined) tokens.push({ k: "str", v: JSON.parse(m[1]) });
    else if (m[2] !== undefined) tokens.push({ k: "id", v: m[2] });
    else if (m[3] !== undefined) tokens.push({ k: "p", v: m[3] });
  }
  return tokens;
}

// Input-only types of the initialisation API (conditional and method types the reader does not
// model); nothing the module returns uses them. tests/toolchains and package.test.mjs exercise init.
const SKIPPED = new Set(["WasmModule", "WasmSource"]);
// Functions outside the drift test: the initialisation API and the error guard return nothing
// from the engine (package.test.mjs, tests/toolchains/ and consumer.ts cover them).
const NOT_ENGINE = new Set(["init", "initSync", "isHokenCheckError"]);

function parseDeclarations(src) {
  const t = tokenize(stripComments(src));
  let i = 0;
  const peek = () => t[i];
  const is = (v) => t[i] && t[i].v === v && t[i].k !== "str";
  const eat = (v) => {
    if (!is(v)) throw new Error(`index.d.ts reader: expected "${v}" at token ${i}, got ${JSON.stringify(t[i])}`);
    return t[i++];
  };
  const ident = () => {
    if (!t[i] || t[i].k !== "id") throw new Error(`index.d.ts reader: expected a name at token ${i}, got ${JSON.stringify(t[i])}`);
    return t[i++].v;
  };

  // Skips tokens up to and including the next ";" outside brackets (for declarations the
  // reader does not model: see SKIPPED below).
  function skipStatement() {
    let depth = 0;
    while (i < t.length) {
      const v = t[i].k === "p" ? t[i].v : null;
      i++;
      if (v === "{" || v === "(" || v === "[") depth++;
      else if (v === "}" || v === ")" || v === "]") depth--;
      else if (v === ";" && depth === 0) return;
    }
  }

  function members() {
    eat("{");
    const props = new Map();
    while (!is("}")) {
      if (is("constructor")) {
        skipStatement();
        continue;
      }
      if (is("readonly")) i++;
      const name = peek().k === "str" ? t[i++].v : ident();
      const optional = is("?") ? (i++, true) : false;
      eat(":");
      props.set(name, { type: union(), optional });
      if (is(";") || is(",")) i++;
    }
    eat("}");
    return props;
  }
  function union() {
    if (is("|")) i++;
    const of = [postfix()];
    while (is("|")) {
      i++;
      of.push(postfix());
    }
    return of.length === 1 ? of[0] : { k: "union", of };
  }
  function postfix() {
    let ty = primary();
    while (is("[")) {
      eat("[");
      eat("]");
      ty = { k: "array", of: ty };
    }
    return ty;
  }
  function primary() {
    const tok = peek();
    if (!tok) throw new Error("index.d.ts reader: unexpected end");
    if (tok.k === "str") return (i++, { k: "lit", v: tok.v });
    if (is("(")) {
      i++;
      const ty = union();
      eat(")");
      return ty;
    }
    if (is("{")) return { k: "obj", props: members() };
    if (is("keyof")) return (i++, { k: "keyof", of: primary() });
    const name = ident();
    if (["string", "number", "boolean", "null"].includes(name)) return { k: "prim", v: name };
    if (name === "true" || name === "false") return { k: "lit", v: name === "true" };
    const args = [];
    if (is("<")) {
      i++;
      args.push(union());
      while (is(",")) {
        i++;
        args.push(union());
      }
      eat(">");
    }
    return { k: "ref", name, args };
  }

  const aliases = new Map();
  const interfaces = new Map();
  const functions = new Map();
  while (i < t.length) {
    eat("export");
    if (is("declare")) i++;
    if (is("type") && SKIPPED.has(t[i + 1]?.v)) {
      skipStatement();
    } else if (is("type")) {
      i++;
      const name = ident();
      eat("=");
      aliases.set(name, union());
      eat(";");
    } else if (is("interface")) {
      i++;
      const name = ident();
      const ext = is("extends") ? (i++, ident()) : null;
      interfaces.set(name, { name, ext, props: members() });
    } else if (is("class")) {
      // A class is read as the interface of its instances (its constructor is skipped).
      i++;
      const name = ident();
      const ext = is("extends") ? (i++, ident()) : null;
      interfaces.set(name, { name, ext, props: members() });
    } else if (is("function")) {
      i++;
      const name = ident();
      eat("(");
      const params = [];
      while (!is(")")) {
        const p = ident();
        const optional = is("?") ? (i++, true) : false;
        eat(":");
        params.push({ name: p, optional, type: union() });
        if (is(",")) i++;
      }
      eat(")");
      eat(":");
      if (t[i]?.k === "id" && t[i + 1]?.v === "is") {
        i += 2; // a type guard `value is T` returns a boolean
        union();
        functions.set(name, { params, returns: { k: "prim", v: "boolean" } });
      } else {
        functions.set(name, { params, returns: union() });
      }
      eat(";");
    } else {
      throw new Error(`index.d.ts reader: unsupported declaration at token ${i}: ${JSON.stringify(peek())}`);
    }
  }
  return { aliases, interfaces, functions };
}

// --- checking runtime values against the declarations -----------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ERROR_OWN = new Set(["message", "stack", "cause"]);

class TypeChecker {
  constructor(decls) {
    this.decls = decls;
    this.seen = new Set(); // "Interface.prop" seen at runtime
    this.paths = new Set(); // runtime key paths, e.g. "verdicts[].reasons[].source.url"
  }

  /** Errors (strings) for `value` against type AST `ty` at `path`; records what it saw. */
  check(value, ty, path) {
    return this.#check(value, ty, path, this.seen, this.paths);
  }

  #check(v, ty, path, seen, paths) {
    const show = () => JSON.stringify(v)?.slice(0, 80);
    switch (ty.k) {
      case "prim":
        if (ty.v === "null") return v === null ? [] : [`${path}: ${show()} is not null`];
        return typeof v === ty.v ? [] : [`${path}: ${show()} is not a ${ty.v}`];
      case "lit":
        return v === ty.v ? [] : [`${path}: ${show()} is not ${JSON.stringify(ty.v)}`];
      case "array":
        if (!Array.isArray(v)) return [`${path}: ${show()} is not an array`];
        return v.flatMap((x, n) => this.#check(x, ty.of, `${path}[${n}]`, seen, paths));
      case "union": {
        let best = null;
        for (const member of ty.of) {
          const s = new Set();
          const p = new Set();
          const errs = this.#check(v, member, path, s, p);
          if (errs.length === 0) {
            s.forEach((x) => seen.add(x));
            p.forEach((x) => paths.add(x));
            return [];
          }
          if (!best || errs.length < best.length) best = errs;
        }
        return [`${path}: ${show()} matches no member of the union`, ...best];
      }
      case "keyof": {
        const target = this.#interfaceOf(ty.of);
        return typeof v === "string" && target.props.has(v) ? [] : [`${path}: ${show()} is not a key of ${target.name}`];
      }
      case "obj":
        return this.#object(v, { name: `${path}{}`, ext: null, props: ty.props }, path, seen, paths, false);
      case "ref":
        return this.#ref(v, ty, path, seen, paths);
      default:
        throw new Error(`unknown type node ${ty.k}`);
    }
  }

  #ref(v, ty, path, seen, paths) {
    const { aliases, interfaces } = this.decls;
    if (ty.name === "IsoDate") {
      return typeof v === "string" && ISO_DATE.test(v) ? [] : [`${path}: ${JSON.stringify(v)} is not a YYYY-MM-DD date`];
    }
    if (ty.name === "Int32Array" || ty.name === "Uint8Array") {
      return v instanceof globalThis[ty.name] ? [] : [`${path}: not a ${ty.name}`];
    }
    if (ty.name === "Record") {
      if (!isPlainObject(v)) return [`${path}: not a plain object`];
      return Object.entries(v).flatMap(([k, x]) => [
        ...this.#check(k, ty.args[0], `${path} key ${k}`, seen, paths),
        ...this.#check(x, ty.args[1], `${path}.${k}`, seen, paths),
      ]);
    }
    if (ty.name === "Partial") return this.#object(v, this.#interfaceOf(ty.args[0]), path, seen, paths, true);
    if (aliases.has(ty.name)) return this.#check(v, aliases.get(ty.name), path, seen, paths);
    if (interfaces.has(ty.name)) return this.#object(v, interfaces.get(ty.name), path, seen, paths, false);
    throw new Error(`index.d.ts reader: unknown type ${ty.name}`);
  }

  #interfaceOf(ty) {
    if (ty.k === "ref" && this.decls.interfaces.has(ty.name)) return this.decls.interfaces.get(ty.name);
    if (ty.k === "ref" && this.decls.aliases.has(ty.name)) return this.#interfaceOf(this.decls.aliases.get(ty.name));
    throw new Error(`index.d.ts reader: ${JSON.stringify(ty)} is not an interface`);
  }

  #object(v, iface, path, seen, paths, allOptional) {
    const errors = [];
    if (iface.ext === "Error") {
      if (!(v instanceof Error)) return [`${path}: not an Error`];
    } else if (iface.ext) {
      throw new Error(`index.d.ts reader: ${iface.name} extends ${iface.ext}`);
    } else if (!isPlainObject(v)) {
      return [`${path}: ${JSON.stringify(v)?.slice(0, 80)} is not a plain object (${iface.name})`];
    }
    const keyPath = (k) => (path === "" ? k : `${path}.${k}`);
    for (const k of Object.keys(v)) {
      paths.add(keyPath(k).replace(/\[\d+\]/g, "[]"));
      if (!iface.props.has(k) && !(iface.ext === "Error" && ERROR_OWN.has(k))) {
        errors.push(`${keyPath(k)}: runtime key "${k}" is not declared in ${iface.name}`);
      }
    }
    for (const [k, { type, optional }] of iface.props) {
      if (!(k in v)) {
        if (!optional && !allOptional) errors.push(`${keyPath(k)}: ${iface.name}.${k} is missing at runtime`);
        continue;
      }
      seen.add(`${iface.name}.${k}`);
      errors.push(...this.#check(v[k], type, keyPath(k), seen, paths));
    }
    return errors;
  }
}

function isPlainObject(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

// --- drift between types and runtime ----------------------------------------------------------------

describe("types match what the wasm module really returns", () => {
  const ASSESSMENT_INTERFACES = [
    "Assessment", "Summary", "Verdict", "Reason", "Source", "TimelineEvent", "Action", "Assistance", "Warning",
  ];

  /** Each example pack (packs/*.json) with every situation of its insurer kind: [situation, { pack }]. */
  function packCases() {
    const dir = join(REPO, "packs");
    const packs = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes("schema"))
      .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
    assert.ok(packs.length >= 3, "the example packs");
    const all = loadAllSituations().map((e) => e.situation);
    return packs.flatMap((pack) => all
      .filter((s) => s.insurerKind === pack.who.insurerKind && (s.kokiRegion ?? null) !== "other")
      .map((s) => [s, { pack }]));
  }

  /** Runs every declared function over every example and scenario (and bad input), checking each value. */
  async function exercise() {
    requireBuilt();
    const decls = parseDeclarations(INDEX_D_TS);
    const mod = await import(pathToFileURL(join(REPO, "dist/node.js")).href);
    const checker = new TypeChecker(decls);
    const errors = [];
    const all = loadAllSituations();
    assert.ok(all.length > 100, `examples + scenarios: ${all.length}`);
    const situations = all.map((e) => e.situation);

    const bad = [{ asOf: "2025-02-30" }, { asOf: "2025-01-01", nope: 1 }, 7, null];
    const partials = [
      {},
      { asOf: "2025-11-30" },
      ...situations.slice(0, 40).map((s, n) => Object.fromEntries(Object.entries(s).filter((_, k) => (k + n) % 3 !== 0))),
      ...situations.slice(0, 10),
    ];
    const packed = mod.encodeSituations(situations);
    const rows = mod.assessPacked(packed);
    const badRows = [...situations.slice(0, 5), ...bad];
    const badPacked = mod.encodeSituations(badRows);
    const badRowsOut = mod.assessPacked(badPacked);
    const dates = ["令和7年12月1日", "R7.12.1", "２０２５／１２／０１", "平成31年5月1日", "S64.1.8", "2025-12-01"];
    // Each declared function: its argument lists, and arguments it must reject with a HokenCheckError.
    const inputs = {
      assess: {
        ok: [...situations.map((s) => [s]), ...packCases()],
        throws: [[undefined], [1], [{}], [{ asOf: "x" }], [{ asOf: "2025-01-01", foo: 1 }], [situations[0], { pack: { version: 1 } }]],
      },
      assessSummary: { ok: situations.map((s) => [s]), throws: [[null], [{ asOf: "2025-13-01" }]] },
      assessMany: { ok: [[situations], [[...situations.slice(0, 5), ...bad]]], throws: [[5], ["x"]] },
      missingFields: { ok: partials.map((p) => [p]), throws: [[7], [{ asOf: "bad" }]] },
      parseDate: { ok: dates.map((d) => [d]), throws: [[""], ["xyz"], [5]] },
      rulesInfo: { ok: [[]], throws: [] },
      assessSummaries: {
        ok: [[situations], [[...situations.slice(0, 5), ...bad]], ...packCases().slice(0, 20).map(([s, o]) => [[s, s], o])],
        throws: [[5], [situations.slice(0, 2), { pack: { version: 1 } }]],
      },
      packedLayout: { ok: [[]], throws: [] },
      encodeSituations: { ok: [[situations], [bad]], throws: [[5]] },
      assessPacked: {
        ok: [[packed], [badPacked]],
        throws: [[{}], [{ words: new Int32Array(4), bytes: new Uint8Array(0), count: 1e9 }], [null]],
      },
      summaryAt: {
        ok: [...Array.from({ length: packed.count }, (_, k) => [rows, k, packed]), ...badRows.map((_, k) => [badRowsOut, k, badPacked])],
        throws: [[rows, -1], [rows, packed.count], [rows, 0.5], [[], 0]],
      },
      toWareki: { ok: ["2025-12-01", "1989-01-07", "1989-01-08", "1868-01-01"].map((d) => [d]), throws: [["令和7年"], ["2025-02-29"], ["1867-12-31"], [5]] },
    };
    assert.deepEqual(
      [...decls.functions.keys()].filter((f) => !NOT_ENGINE.has(f)).sort(),
      Object.keys(inputs).sort(),
      "the drift test exercises exactly the functions index.d.ts declares",
    );
    const errorType = { k: "ref", name: "HokenCheckError", args: [] };
    for (const [name, { ok, throws }] of Object.entries(inputs)) {
      const { returns } = decls.functions.get(name);
      for (const args of ok) {
        errors.push(...checker.check(mod[name](...args), returns, ""));
      }
      for (const args of throws) {
        let thrown = null;
        try {
          mod[name](...args);
        } catch (e) {
          thrown = e;
        }
        assert.ok(thrown, `${name}(${JSON.stringify(args).slice(1, 60)}) must throw`);
        errors.push(...checker.check(thrown, errorType, `${name}!`).map((e) => `thrown by ${name}: ${e}`));
      }
    }
    return { decls, checker, errors };
  }

  let resultP;
  const result = () => (resultP ??= exercise());

  test("every runtime value conforms to index.d.ts (keys, nullability, unions, dates)", async () => {
    const { errors } = await result();
    assert.deepEqual([...new Set(errors)].slice(0, 30), []);
  });

  test("every runtime object key is a property name in js/index.d.ts", async () => {
    const { checker } = await result();
    // The simple form: property names anywhere in an interface body.
    const declared = new Set();
    for (const body of stripComments(INDEX_D_TS).matchAll(/interface \w+(?: extends \w+)? \{([\s\S]*?)\n\}/g)) {
      for (const m of body[1].matchAll(/(?:^|[{;\s])(\w+)\??:/g)) declared.add(m[1]);
    }
    const paths = [...checker.paths].sort();
    assert.ok(paths.includes("summary.oldCardValid"), "summary.oldCardValid was seen");
    assert.ok(paths.includes("verdicts[].reasons[].source.url"), "verdicts[].reasons[].source.url was seen");
    const undeclared = paths.filter((p) => !declared.has(p.split(".").pop().replace("[]", "")));
    assert.deepEqual(undeclared, []);
  });

  test("every property of the Assessment interfaces appears at runtime", async () => {
    const { decls, checker } = await result();
    const unseen = [];
    for (const name of ASSESSMENT_INTERFACES) {
      const iface = decls.interfaces.get(name);
      assert.ok(iface, `index.d.ts declares ${name}`);
      for (const prop of iface.props.keys()) if (!checker.seen.has(`${name}.${prop}`)) unseen.push(`${name}.${prop}`);
    }
    assert.deepEqual(unseen, [], "declared but never returned");
  });

  test("every property of the other returned interfaces appears at runtime too", async () => {
    const { decls, checker } = await result();
    const others = [
      "ErrorRecord", "HokenCheckError", "MissingFields", "ParsedDate", "DateWarning", "RulesInfo", "RuleInfo", "Param",
      "PackedSituations", "PackedLayout", "PackedField", "PackedColumn",
    ];
    const unseen = [];
    for (const name of others) {
      const iface = decls.interfaces.get(name);
      assert.ok(iface, `index.d.ts declares ${name}`);
      for (const prop of iface.props.keys()) if (!checker.seen.has(`${name}.${prop}`)) unseen.push(`${name}.${prop}`);
    }
    assert.deepEqual(unseen, []);
  });
});
