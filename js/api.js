// The package's functions, shared by every entry (browser.js, node.js, inline.js). Each entry
// initialises the WebAssembly module at import, before anything can call these.
//
// The boundary (see src/wasm.rs and src/packed.rs): input is read here — bounded, inside
// `try` — into packed words in the module's input buffer, so no getter, Proxy trap or deep
// structure ever runs inside wasm; output comes back as a tape of words with interned strings
// (or a fixed summary row) and is rebuilt here into exactly the plain objects serde describes.
// The layout (field names and kinds, tokens, summary columns, error codes) comes from the wasm
// module itself (`packedLayout`), defined once in Rust. Validation and every error message stay
// in Rust: this file only carries values across, never judges them.
import * as wasm from "./hoken_check.js";
import { HokenCheckError } from "./errors.js";

// --- packed record (src/packed.rs) ----------------------------------------------------------
const HEAD_NOT_OBJECT = -1, HEAD_UNREADABLE = -2, HEAD_TOO_LARGE = -3;
const V_NULL = 0, V_FALSE = 1, V_TRUE = 2, V_NUMBER = 3, V_OTHER = 4, V_DATE = 5, V_TOKEN = 6,
  V_STR = 7, V_LIST = 8;
// Bounds of the reader (the Rust reader keeps the same: 256-byte strings + 1, 64 list items + 1).
const MAX_STRING_UNITS = 257; // a longer string is cut here: still over 256 bytes, still tooLarge
const MAX_KEY_UNITS = 200; // unknown names are reported cut to 64 characters
const MAX_LIST_ITEMS = 65; // more than 64 documents is tooLarge
const RECORD_BYTES = 64 * 1024; // the size limit of one record's strings (tooLarge beyond)
const MAX_DATE_TEXT = 4096; // parseDate/toWareki: longer text is malformed whatever follows

let L = null; // layout, views and caches, built at the first call
let mem, buf, I32, IW, IB;
let S = []; // interned strings of the tape
const enc = new TextEncoder();
const dec = new TextDecoder();
const OVERFLOW = { overflow: true };

function setup() {
  const t = tapeOf(wasm.packedLayout());
  const layout = decodeTape(t.base);
  const fieldIndex = new Map(layout.fields.map((f, i) => [f.name, i]));
  const tokenIndex = new Map(layout.tokens.map((s, i) => [s, i]));
  L = { ...layout, fieldIndex, tokenIndex };
}

let ptrs; // [wordsPtr, wordsLen, bytesPtr, bytesLen]: fixed for the instance's life

function views() {
  if (mem === undefined) {
    mem = wasm.wasmMemory();
    ptrs = Array.from(wasm.inputBuffers()); // may grow the memory: views are made after it
  }
  if (mem.buffer !== buf) {
    buf = mem.buffer;
    I32 = new Int32Array(buf);
    IW = new Int32Array(buf, ptrs[0], ptrs[1]);
    IB = new Uint8Array(buf, ptrs[2], ptrs[3]);
  }
}

function ready() {
  if (L === null) {
    try {
      views();
    } catch (err) {
      // Only hoken-check/slim gets here: a function called before init()/initSync() finished.
      throw new HokenCheckError("wasmNotInitialized", {
        messageJa:
          "hoken-check/slim では、ほかの関数より先に init({ wasm }) を呼んで完了を待つか、initSync({ wasm }) を呼んでください。",
        messageEn:
          "hoken-check/slim: call init({ wasm }) and await it, or initSync({ wasm }), before any other function.",
        cause: err,
      });
    }
    setup();
  }
  views();
}

// --- the reader: a JS value -> packed words ---------------------------------------------------
let W, B, wp, bp, bEnd, field;

function writeString(s) {
  if (s.length === 10) {
    const d = dateWord(s);
    if (d >= 0) { W[wp++] = V_DATE; W[wp++] = d; return; }
  }
  const t = L.tokenIndex.get(s);
  if (t !== undefined) { W[wp++] = V_TOKEN; W[wp++] = t; return; }
  W[wp++] = V_STR;
  writeBytes(s.length > MAX_STRING_UNITS ? s.slice(0, MAX_STRING_UNITS) : s);
}

function writeBytes(s) {
  if (bp + s.length * 3 > bEnd) throw OVERFLOW;
  const { written } = enc.encodeInto(s, B.subarray(bp, bEnd));
  W[wp++] = bp; W[wp++] = written;
  bp += written;
}

// yyyymmdd of a string of the exact form DDDD-DD-DD, else -1 (the Rust side writes it back).
function dateWord(s) {
  let w = 0;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7) { if (c !== 45) return -1; continue; }
    if (c < 48 || c > 57) return -1;
    w = w * 10 + (c - 48);
  }
  return w;
}

function writeValue(v, inList) {
  if (v === null || v === undefined) { W[wp++] = V_NULL; return; }
  switch (typeof v) {
    case "boolean": W[wp++] = v ? V_TRUE : V_FALSE; return;
    case "number": case "bigint": W[wp++] = V_NUMBER; return;
    case "string": writeString(v); return;
    case "object":
      if (!inList && Array.isArray(v)) {
        let n = Number(v.length);
        n = n > 0 ? Math.min(Math.floor(n), MAX_LIST_ITEMS) : 0;
        W[wp++] = V_LIST; W[wp++] = n;
        for (let i = 0; i < n; i++) writeValue(v[i], true);
        return;
      }
      W[wp++] = V_OTHER; return;
    default: W[wp++] = V_OTHER; // symbol, function: a value of the wrong type
  }
}

// Writes the own enumerable string-keyed fields of `rec` (or a Map's entries) in their order.
function writeFields(rec, entries, head, bStart) {
  const keys = entries === null ? Object.keys(rec) : entries.map((e) => e[0]);
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k !== "string") { wp = head + 1; bp = bStart; W[head] = HEAD_NOT_OBJECT; return; }
    const idx = L.fieldIndex.get(k);
    field = idx === undefined ? -1 : idx;
    const v = entries === null ? rec[k] : entries[i][1];
    if (idx !== undefined) W[wp++] = idx;
    else { W[wp++] = -1; writeBytes(k.length > MAX_KEY_UNITS ? k.slice(0, MAX_KEY_UNITS) : k); }
    writeValue(v, false);
    n++;
    // Validation stops at the first name outside the contract at the latest.
    if (idx === undefined) break;
  }
  W[head] = n;
}

// Writes one record at W[wp]; never throws (a throwing getter or trap becomes HEAD_UNREADABLE).
function writeRecord(rec) {
  const start = wp, bStart = bp;
  W[wp++] = 0;
  const head = wp++;
  field = -1;
  try {
    if (rec === null || typeof rec !== "object") {
      W[head] = HEAD_NOT_OBJECT;
    } else {
      const proto = Object.getPrototypeOf(rec);
      if ((proto === Object.prototype || proto === null) && !Array.isArray(rec)) {
        writeFields(rec, null, head, bStart); // the usual case: a plain object
      } else if (Array.isArray(rec) || ArrayBuffer.isView(rec) || rec instanceof ArrayBuffer) {
        W[head] = HEAD_NOT_OBJECT;
      } else if (rec instanceof Map) {
        writeFields(rec, [...rec], head, bStart);
      } else if (Symbol.iterator in rec) {
        W[head] = HEAD_NOT_OBJECT; // a Set, a String object …: not field names and values
      } else {
        writeFields(rec, null, head, bStart);
      }
    }
  } catch (e) {
    wp = start + 2; bp = bStart;
    W[head] = e === OVERFLOW ? HEAD_TOO_LARGE : HEAD_UNREADABLE;
    W[wp++] = field;
  }
  W[start] = wp - start;
}

function writeInput(rec) {
  ready();
  W = IW; B = IB; wp = 0; bp = 0; bEnd = IB.length;
  writeRecord(rec);
}

// --- the tape: words -> plain objects -----------------------------------------------------------
let T, tp;
const dateCache = new Map();
const f64 = new Float64Array(1), f64w = new Int32Array(f64.buffer);

function tapeOf(len) {
  views();
  return { base: wasm.tapePtr() >> 2, len };
}

function str(i) {
  if (i >= S.length) {
    for (const s of wasm.tapeStrings(S.length)) {
      // Internalised once (as a property name would be), so building objects stays fast.
      const o = { [s]: 0 };
      S.push(Object.keys(o)[0]);
    }
    // That call allocated in wasm and may have grown the memory (detaching the old buffer):
    // the tape itself has not moved, so point the reader at the current buffer.
    views();
    T = I32;
  }
  return S[i];
}

function dateText(w) {
  let s = dateCache.get(w);
  if (s === undefined) {
    const y = Math.floor(w / 10000), m = Math.floor(w / 100) % 100, d = w % 100;
    s = String(y).padStart(4, "0") + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
    if (dateCache.size > 4096) dateCache.clear();
    dateCache.set(w, s);
  }
  return s;
}

function val() {
  switch (T[tp++]) {
    case 0: return null;
    case 1: return false;
    case 2: return true;
    case 3: return T[tp++];
    case 4: { const i = T[tp++]; return i < S.length ? S[i] : str(i); }
    case 5: return dateText(T[tp++]);
    case 6: {
      const n = T[tp++], a = [];
      for (let i = 0; i < n; i++) a.push(val());
      return a;
    }
    case 7: {
      const n = T[tp++], o = {};
      for (let i = 0; i < n; i++) {
        // Keys are interned strings (T_STR) in every tape the engine writes.
        const k = T[tp] === 4 ? (tp++, S[T[tp++]] ?? str(T[tp - 1])) : String(val());
        o[k] = val();
      }
      return o;
    }
    case 8: f64w[0] = T[tp++]; f64w[1] = T[tp++]; return f64[0];
    case 9: {
      const n = T[tp++], bytes = new Uint8Array(T.buffer, tp * 4, n);
      tp += (n + 3) >> 2;
      return dec.decode(bytes.slice());
    }
    default: throw new Error("hoken-check: damaged result tape");
  }
}

function decodeTape(base) {
  views();
  T = I32; tp = base;
  return val();
}

// --- summary rows ---------------------------------------------------------------------------------
function decodeRow(R, base) {
  const o = {};
  const cols = L.columns;
  for (let c = 0; c < cols.length; c++) {
    const col = cols[c], w = R[base + col.at];
    let v;
    switch (col.kind) {
      case "optBool": v = w < 0 ? null : w === 1; break;
      case "bool": v = w === 1; break;
      case "optDate": v = w < 0 ? null : dateText(w); break;
      case "route": v = L.routes[w]; break;
      case "copay": v = L.copays[w]; break;
      case "documents": {
        v = [];
        for (let i = 0; i < w; i++) v.push(L.documents[(R[base + col.at + 1 + (i >> 3)] >>> ((i & 7) * 4)) & 15]);
        break;
      }
    }
    o[col.name] = v;
  }
  return o;
}

// --- the API ------------------------------------------------------------------------------------------

// --- insurer packs (RULES.md §15, packs/pack.schema.json) ---------------------------------------
// A pack crosses as JSON text that this file has bounded: JSON.stringify (getters, Proxies,
// cycles, BigInt throw here, inside `try`) → size check → JSON.parse → depth check → the text.
// Rust (src/pack.rs) reads the text, validates every field and owns every message.
const PACK_TEXT_LIMIT = 1 << 20; // far above the pack size limit, which Rust checks exactly
const PACK_DEPTH_LIMIT = 16; // the schema is 4 levels deep
const WITH_PACK = 4; // assessInput's mode bit (src/wasm.rs)
let lastPack; // the object last validated and kept by the wasm module

function depthWithin(tree, limit) {
  const stack = [[tree, 1]];
  while (stack.length) {
    const [v, d] = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (d > limit) return false;
    for (const k in v) stack.push([v[k], d + 1]);
  }
  return true;
}

function usePack(options) {
  if (options === undefined || options === null) return 0;
  let pack;
  try {
    pack = options.pack;
  } catch {
    throw wasm.boundaryError("malformedPack", undefined);
  }
  if (pack === undefined || pack === null) return 0;
  if (pack === lastPack) return WITH_PACK;
  let text;
  try {
    text = JSON.stringify(pack);
  } catch {
    throw wasm.boundaryError("malformedPack", undefined);
  }
  if (typeof text !== "string") throw wasm.boundaryError("malformedPack", undefined);
  if (text.length > PACK_TEXT_LIMIT) throw wasm.boundaryError("packTooLarge", undefined);
  const tree = JSON.parse(text);
  if (!depthWithin(tree, PACK_DEPTH_LIMIT)) throw wasm.boundaryError("packTooLarge", undefined);
  lastPack = undefined;
  wasm.setPack(text);
  lastPack = pack;
  return WITH_PACK;
}

/**
 * Assesses one Situation; throws a `HokenCheckError` for invalid input. `options.pack` is an
 * insurer pack (docs/packs.md): its facts decide what RULES.md §15 lets an insurer decide.
 */
export function assess(situation, options) {
  ready();
  const mode = usePack(options);
  writeInput(situation);
  return decodeTape(tapeOf(wasm.assessInput(mode)).base);
}

/** Only the flat summary of `assess`. */
export function assessSummary(situation, options) {
  ready();
  const mode = usePack(options);
  writeInput(situation);
  const r = wasm.assessInput(1 | mode);
  const t = tapeOf(r);
  return r === 0 ? decodeRow(I32, t.base) : decodeTape(t.base);
}

function errorRecord(e) {
  if (e !== null && typeof e === "object" && e.name === "HokenCheckError") {
    return { error: { code: e.code, field: e.field, messageJa: e.messageJa, messageEn: e.messageEn } };
  }
  return errorRecord(wasm.boundaryError("internal", undefined));
}

// The length of an array argument; throws notAnArray, or unreadableInput when a Proxy array's
// length cannot be read (there is then no record to put an error in).
function lengthOf(situations) {
  let isArray;
  try {
    isArray = Array.isArray(situations); // throws for a revoked Proxy
  } catch {
    isArray = false;
  }
  if (!isArray) throw wasm.boundaryError("notAnArray", undefined);
  let n;
  try {
    n = Number(situations.length);
  } catch {
    n = NaN;
  }
  if (!(n >= 0 && n <= 0xffffffff)) throw wasm.boundaryError("unreadableInput", undefined);
  return n;
}

/**
 * Assesses many; one result per input, in order; never throws for a bad record (an invalid
 * `options.pack` throws before any record, as it concerns them all).
 */
export function assessMany(situations, options) {
  ready();
  const n = lengthOf(situations);
  const packOptions = usePack(options) ? options : undefined;
  const out = [];
  for (let i = 0; i < n; i++) {
    let rec;
    try {
      rec = situations[i];
    } catch {
      out.push(errorRecord(wasm.boundaryError("unreadableInput", undefined)));
      continue;
    }
    try {
      out.push(assess(rec, packOptions));
    } catch (e) {
      out.push(errorRecord(e));
    }
  }
  return out;
}

/** Which unanswered fields of a partial Situation would change the answer; with
 * `options.pack`, the questions the pack answers (insurer kind, 後期 region) are not listed. */
export function missingFields(partial, options) {
  const mode = usePack(options);
  writeInput(partial);
  return decodeTape(tapeOf(wasm.assessInput(2 | mode)).base);
}

function dateArg(text) {
  return typeof text === "string" && text.length > MAX_DATE_TEXT ? text.slice(0, MAX_DATE_TEXT) : text;
}

/** A date as printed on a card (令和7年12月1日, R7.12.1 …). */
export function parseDate(text) {
  ready();
  return decodeTape(tapeOf(wasm.parseDate(dateArg(text))).base);
}

/** A `YYYY-MM-DD` date as 和暦 parts. */
export function toWareki(isoDate) {
  ready();
  return decodeTape(tapeOf(wasm.toWareki(dateArg(isoDate))).base);
}

/** Rules version, data hash, rules-as-of date, every rule and dated parameter. */
export function rulesInfo() {
  ready();
  return decodeTape(tapeOf(wasm.rulesInfo()).base);
}

// --- packed batches: typed arrays in and out (Web Workers can transfer them) ---------------------
// Public: named exports of every entry, declared in js/index.d.ts (docs/boundary.md). The default
// export below stays for code that imported it before (scripts/bench-js.mjs, the batch page).

/** The packed layout: summary row width and columns, documents, routes, copays, error codes. */
export function packedLayout() {
  ready();
  const { fieldIndex, tokenIndex, ...layout } = L;
  return structuredClone(layout);
}

/**
 * Reads situations into packed words and bytes (one record after another). Records that cannot
 * be read become error records; nothing throws except a non-array argument.
 */
export function encodeSituations(situations) {
  ready();
  const count = lengthOf(situations);
  W = new Int32Array(Math.max(1024, count * 24));
  B = new Uint8Array(RECORD_BYTES * 2);
  wp = 0; bp = 0;
  for (let i = 0; i < count; i++) {
    if (W.length - wp < 8192) { const g = new Int32Array(W.length * 2); g.set(W); W = g; }
    if (B.length - bp < RECORD_BYTES) { const g = new Uint8Array(B.length * 2); g.set(B); B = g; }
    bEnd = bp + RECORD_BYTES;
    let rec;
    try {
      rec = situations[i];
    } catch {
      W[wp] = 3; W[wp + 1] = HEAD_UNREADABLE; W[wp + 2] = -1; wp += 3;
      continue;
    }
    writeRecord(rec);
  }
  const out = { words: W.slice(0, wp), bytes: B.slice(0, bp), count };
  W = B = undefined;
  return out;
}

// What encodeSituations returns (or a copy posted to a worker): anything else is refused before
// it reaches wasm (a huge `count` would otherwise ask the module for a huge result).
function checkPacked(packed) {
  const ok =
    packed !== null &&
    typeof packed === "object" &&
    packed.words instanceof Int32Array &&
    packed.bytes instanceof Uint8Array &&
    Number.isInteger(packed.count) &&
    packed.count >= 0 &&
    packed.count <= packed.words.length / 2;
  if (!ok) throw packedArgError("assessPacked() takes what encodeSituations() returned: { words: Int32Array, bytes: Uint8Array, count }.");
}

function packedArgError(messageEn) {
  return new HokenCheckError("malformedInput", {
    messageJa: "encodeSituations() が返した値 ({ words, bytes, count }) と、その結果の行番号を渡してください。",
    messageEn,
  });
}

/** Summaries of packed situations: `count × summaryWidth` words (see `packedLayout`). */
export function assessPacked(packed) {
  ready();
  checkPacked(packed);
  return wasm.assessBatch(packed.words, packed.bytes, packed.count);
}

function recordKey(packed, off) {
  // The name outside the contract is the record's last key (the reader stops there).
  const w = packed.words;
  let p = off + 2, name = null, position;
  const n = w[off + 1];
  for (let i = 0; i < n; i++) {
    const k = w[p++];
    if (k === -1) { name = dec.decode(packed.bytes.subarray(w[p], w[p] + w[p + 1])); position = i + 1; p += 2; }
    const tag = w[p++];
    if (tag === V_DATE || tag === V_TOKEN) p++;
    else if (tag === V_STR) p += 2;
    else if (tag === V_LIST) {
      const m = w[p++];
      for (let j = 0; j < m; j++) { const t = w[p++]; if (t === V_DATE || t === V_TOKEN) p++; else if (t === V_STR) p += 2; }
    }
  }
  return { name, position };
}

/**
 * Row `i` of `assessPacked`'s output as a Summary, or `{ error }` (as `assessMany`) for an error
 * row; pass the packed input to name a field outside the contract.
 */
export function summaryAt(rows, i, packed) {
  ready();
  if (!(rows instanceof Int32Array) || !Number.isInteger(i) || i < 0 || (i + 1) * L.summaryWidth > rows.length) {
    throw packedArgError("summaryAt(rows, i) takes the Int32Array assessPacked() returned and a row index within it.");
  }
  if (packed !== undefined) checkPacked(packed);
  const base = i * L.summaryWidth;
  const status = rows[base];
  if (status === 0) return decodeRow(rows, base);
  const f = rows[base + 1];
  if (f === -2 && packed) {
    const { name, position } = recordKey(packed, rows[base + 2]);
    return errorRecord(wasm.rowError(status, name ?? undefined, position));
  }
  return errorRecord(wasm.rowError(status, f >= 0 ? L.fields[f].name : undefined, undefined));
}

/**
 * Summaries of many situations through the packed batch: Summary or `{ error }` per input. With
 * `options.pack`, the pack is validated once (an invalid one throws, as in `assessMany`) and each
 * record is assessed with it one call at a time: the packed batch does not carry a pack.
 */
export function assessSummaries(situations, options) {
  ready();
  const n = lengthOf(situations);
  if (usePack(options)) {
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      let rec;
      try {
        rec = situations[i];
      } catch {
        out[i] = errorRecord(wasm.boundaryError("unreadableInput", undefined));
        continue;
      }
      try {
        out[i] = assessSummary(rec, options);
      } catch (e) {
        out[i] = errorRecord(e);
      }
    }
    return out;
  }
  const packed = encodeSituations(situations);
  const rows = assessPacked(packed);
  const out = new Array(packed.count);
  for (let i = 0; i < packed.count; i++) out[i] = summaryAt(rows, i, packed);
  return out;
}

export default { packedLayout, encodeSituations, assessPacked, summaryAt, assessSummaries };
