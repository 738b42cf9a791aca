// The batch page (www/batch.html, issue 10): a member CSV checked on the clerk's device in Web
// Workers (batch-worker.js) with the CLI's own CSV code (www/pkg-batch/, src/batch/job.rs), so
// the result file is byte for byte what `hoken-check assess` writes for the same file, plus a
// UTF-8 byte-order mark for Excel. Nothing is uploaded: the file is read with File.slice in the
// workers, results are kept as Blobs and saved through an object URL.
//
// How the file is shared between workers:
//   1. scan: the file is cut into pieces; for each piece a worker counts its line breaks and
//      guesses where the first record at or after the piece's start begins (a line break in a
//      quoted cell cannot be told from a record end locally: batch::find_record_start);
//   2. run: each slice [guess_k, guess_k+1) is processed by a worker, which knows its first
//      line number from the counts of step 1, and reports where its last record really ended;
//   3. check: slice k is right only if slice k-1 ended exactly at guess_k; otherwise slice k is
//      redone from where slice k-1 ended (rows in = rows out, and the CLI's bytes, always).
import { planSlices, runChecked } from "./batch-plan.js";
import { LANGS, loadCatalog, hasCatalog, setLang as useLang, msg as catalogNodes, txt, todayInJapan } from "./i18n.js";
import init, { BatchRun, batchFields, batchErrorCodes, batchRoutes, batchReadHeader, batchCheckPack } from "./pkg-batch/hoken_check.js";

const PIECE = 4 * 1024 * 1024;
const HEAD_BYTES = 1024 * 1024;
// A pack file is read only this far: far above the engine's pack limit (src/pack.rs decides
// packTooLarge from the text), but a wrong file chosen by mistake is not read whole.
const PACK_READ_BYTES = 1024 * 1024;
const STORE_KEY = "hoken-check.batch.mapping.v1";
const $ = (id) => document.getElementById(id);

const state = {
  lang: "ja",
  file: null,
  header: null, // { encoding, consumed, lines, names, columns }
  columns: [],
  pack: null,
  packName: "",
  workers: [],
  running: false,
  result: null,
};
let fields = [];
let errorCodes = [];
let routes = [];

// --- text: the page's catalogs and their {漢字|よみ} ruby, through www/i18n.js -------------------------
/** A catalog text as DOM nodes (to spread into append / replaceChildren). */
const nodes = (key, params = {}) => [catalogNodes(key, params)];
function put(el, key, params) {
  el.replaceChildren(...nodes(key, params));
}
const num = (n) => Math.round(n).toLocaleString(state.lang === "en" ? "en-US" : "ja-JP");

/** The check page's catalog and the batch page's own texts (locales/batch-<lang>.json). */
const loadTexts = (lang) => Promise.all([loadCatalog(lang), loadCatalog(lang, "batch")]);

async function setLang(lang) {
  if (!LANGS.includes(lang)) return;
  await loadTexts(lang);
  useLang(lang);
  state.lang = lang;
  document.documentElement.lang = lang === "en" ? "en" : "ja";
  document.title = `${txt("batch.title")} — hoken-check`;
  // An <option> holds text only (no <ruby>): the ruby bases.
  for (const el of document.querySelectorAll("[data-i18n]")) {
    if (el.tagName === "OPTION") el.textContent = txt(el.dataset.i18n);
    else put(el, el.dataset.i18n);
  }
  for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", txt(el.dataset.i18nLabel));
  for (const b of document.querySelectorAll("#langs button")) b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  if (state.header) {
    showFileInfo();
    renderMapping();
  }
  if (state.result) renderResult();
}

// --- step 1: the file and its header ----------------------------------------------------------------
async function readHeader() {
  const file = state.file;
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  try {
    const [encoding, consumed, lines, names, columns] = batchReadHeader(head, head.length >= file.size, $("encoding").value);
    state.header = { encoding, consumed, lines, names, columns: Array.from(columns) };
  } catch (e) {
    state.header = null;
    const info = $("file-info");
    info.replaceChildren(...nodes("batch.file.error"), `: ${state.lang === "en" ? e.messageEn || e.message : e.messageJa || e.message}`);
    info.className = "bp-error";
    $("step-map").hidden = $("step-options").hidden = true;
    return;
  }
  // The proposed mapping: the CLI's (map_header); a column it does not know is proposed as "not
  // used" (the CLI's --ignore-unknown-columns). A remembered mapping for the same header wins.
  state.columns = state.header.columns.map((c) => (c === -3 ? -2 : c));
  const stored = remembered();
  if (stored && stored.names.join("\u0001") === state.header.names.join("\u0001")) {
    state.columns = stored.columns.slice();
    $("remember").checked = true;
  }
  showFileInfo();
  renderMapping();
  $("step-map").hidden = $("step-options").hidden = false;
}

function showFileInfo() {
  const info = $("file-info");
  info.className = "";
  const mb = (state.file.size / 1e6).toFixed(1);
  info.replaceChildren(`${state.file.name} (${mb} MB) — `, ...nodes("batch.encoding.detected", { name: state.header.encoding === "shift_jis" ? "Shift_JIS" : "UTF-8" }));
}

// --- step 2: the mapping ---------------------------------------------------------------------------------
function remembered() {
  try {
    const v = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
    return v && Array.isArray(v.names) && Array.isArray(v.columns) ? v : null;
  } catch {
    return null;
  }
}
function rememberIfAsked() {
  try {
    if ($("remember").checked) localStorage.setItem(STORE_KEY, JSON.stringify({ names: state.header.names, columns: state.columns }));
    else localStorage.removeItem(STORE_KEY);
  } catch {
    // storage may be disabled: the mapping is then simply not remembered
  }
}

function renderMapping() {
  const body = $("map-rows");
  body.replaceChildren();
  state.header.names.forEach((name, i) => {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = String(i + 1);
    const td1 = document.createElement("td");
    td1.textContent = name;
    td1.id = `map-name-${i}`;
    const td2 = document.createElement("td");
    const sel = document.createElement("select");
    sel.id = `map-${i}`;
    sel.setAttribute("aria-labelledby", `map-name-${i}`);
    const opt = (value, label) => {
      const o = document.createElement("option");
      o.value = String(value);
      o.textContent = label;
      sel.append(o);
    };
    opt(-2, txt("batch.map.ignore"));
    opt(-1, txt("batch.map.id"));
    fields.forEach((f, k) => opt(k, f));
    if (state.columns[i] === -3) opt(-3, txt("batch.map.unknown"));
    sel.value = String(state.columns[i]);
    sel.addEventListener("change", () => {
      state.columns[i] = Number(sel.value);
      showAsOfSource();
      rememberIfAsked();
    });
    td2.append(sel);
    tr.append(th, td1, td2);
    body.append(tr);
  });
  showAsOfSource();
}
function hasAsOfColumn() {
  return state.columns.includes(fields.indexOf("asOf"));
}
function showAsOfSource() {
  put($("as-of-source"), hasAsOfColumn() ? "batch.map.hasAsOf" : "batch.map.noAsOf");
}

// --- step 3: as-of date and pack ---------------------------------------------------------------------

async function choosePack(file) {
  const info = $("pack-info");
  state.pack = null;
  info.replaceChildren();
  info.className = "";
  if (!file) return;
  const fail = (e) => {
    info.className = "bp-error";
    const msg = document.createElement("p");
    msg.append(...nodes("batch.pack.error"), `: ${state.lang === "en" ? e.messageEn || e.message : e.messageJa || e.message}`);
    info.append(msg);
    if (e.field) {
      const f = document.createElement("p");
      f.append(...nodes("batch.pack.field", { name: e.field }));
      info.append(f);
    }
  };
  // The engine reads the text itself and owns every message: not JSON is malformedPack, too large
  // packTooLarge (a cut-off text is larger than the limit too), as the CLI's --pack says.
  const value = await file.slice(0, PACK_READ_BYTES).text();
  try {
    batchCheckPack(value);
  } catch (e) {
    return fail(e);
  }
  state.pack = value;
  state.packName = file.name;
  put(info, "batch.pack.ok", { name: file.name });
}

// --- step 4: the run ----------------------------------------------------------------------------------------
function workerCount() {
  const hc = navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(hc, 4));
}

/** A pool of workers; `call(msg)` resolves with the final message for `msg.id`. */
function pool(n, job, onChunk) {
  const waiting = new Map();
  const idle = [];
  const queue = [];
  let nextId = 1;
  const workers = [];
  const start = (w) => {
    const item = queue.shift();
    if (!item) return idle.push(w);
    waiting.set(item.msg.id, { ...item, w });
    w.postMessage(item.msg);
  };
  const ready = [];
  for (let i = 0; i < n; i++) {
    const w = new Worker(new URL("batch-worker.js", import.meta.url), { type: "module", name: `hoken-check-batch-${i}` });
    workers.push(w);
    ready.push(new Promise((resolve, reject) => {
      w.onmessage = (ev) => {
        const m = ev.data;
        if (m.type === "ready") { resolve(); start(w); return; }
        if (m.type === "chunk") { onChunk(m); return; }
        const item = waiting.get(m.id);
        if (!item && m.type === "error") { reject(new Error(m.message)); return; }
        if (!item) return;
        waiting.delete(m.id);
        if (m.type === "error") item.reject(new Error(m.message));
        else item.resolve(m);
        start(w);
      };
      // A worker that dies (out of memory …) fails the run instead of leaving it waiting.
      w.onerror = (e) => {
        const err = new Error(e.message || "worker failed");
        reject(err);
        for (const [id, item] of waiting) if (item.w === w) { waiting.delete(id); item.reject(err); }
      };
    }));
    w.postMessage({ type: "init", job });
  }
  return {
    workers,
    ready: Promise.all(ready),
    call(msg) {
      msg.id = nextId++;
      return new Promise((resolve, reject) => {
        queue.push({ msg, resolve, reject });
        const w = idle.shift();
        if (w) start(w);
      });
    },
    terminate() {
      for (const w of workers) w.terminate();
      for (const item of waiting.values()) item.reject(new Error("cancelled"));
      waiting.clear();
    },
  };
}

async function runBatch() {
  if (state.running || !state.header) return;
  const asOf = $("as-of").value;
  if (!hasAsOfColumn() && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    $("as-of").reportValidity();
    $("as-of").focus();
    return;
  }
  rememberIfAsked();
  const file = state.file;
  const lang = state.lang === "en" ? "en" : "ja";
  const job = {
    names: state.header.names,
    columns: state.columns,
    encoding: state.header.encoding,
    asOf: hasAsOfColumn() ? null : asOf,
    pack: state.pack,
    lang,
  };
  // The output's header row, from the same code (and a check of the job before any worker).
  let head;
  try {
    const probe = new BatchRun(job.names, Int32Array.from(job.columns), job.encoding, job.asOf, job.pack, job.lang);
    head = probe.header();
    probe.free();
  } catch (e) {
    return showFailure(e);
  }

  state.running = true;
  state.result = null;
  $("step-result").hidden = true;
  $("step-run").hidden = false;
  $("run").disabled = true;
  $("cancel").disabled = false;
  const progress = $("progress");
  progress.value = 0;
  put($("progress-text"), "batch.progress.scan");
  const t0 = performance.now();
  const dataStart = state.header.consumed;
  const total = Math.max(1, file.size - dataStart);
  let done = 0;
  let rows = 0;
  let lastLive = 0;
  let frame = 0;
  // Output of a run id: the workers' Blobs (never bytes in this heap), kept per slice.
  const outputs = new Map();
  const showProgress = () => {
    frame = 0;
    if (!state.running) return;
    const secs = (performance.now() - t0) / 1000;
    progress.value = Math.min(1, done / total);
    const params = { count: num(rows), rate: num(rows / Math.max(secs, 1e-3)) };
    put($("progress-text"), "batch.progress.rows", params);
    // The live region speaks at most every 5 s.
    if (performance.now() - lastLive > 5000) {
      lastLive = performance.now();
      $("progress-live").textContent = `${Math.floor((100 * done) / total)}% — ${txt("batch.progress.rows", params)}`;
    }
  };
  const onChunk = (m) => {
    const o = outputs.get(m.id);
    if (o) {
      if (m.out) o.out.push(m.out);
      if (m.errors) o.errors.push(m.errors);
    }
    done += m.bytes;
    rows += m.records;
    frame ||= requestAnimationFrame(showProgress);
  };
  const p = pool(workerCount(), job, onChunk);
  state.workers = p;
  try {
    await p.ready;
    // 1. scan
    const pieces = [];
    for (let s = dataStart; s < file.size; s += PIECE) pieces.push([s, Math.min(file.size, s + PIECE)]);
    if (!pieces.length) pieces.push([dataStart, dataStart]);
    const tReady = performance.now();
    const scans = await Promise.all(pieces.map(([start, end]) => p.call({ type: "scan", file, start, end, dataStart })));
    const tScanned = performance.now();
    const slices = planSlices(scans, state.header.lines, file.size);
    // 2. run, 3. check the boundaries (a slice that did not start where the one before ended is
    // redone from there)
    const runSlice = (s) => {
      const msg = { type: "run", file, start: s.start, stop: s.stop, line: s.line };
      const entry = { out: [], errors: [] };
      const promise = p.call(msg);
      outputs.set(msg.id, entry);
      return promise.then((m) => ({ ...m, ...entry }));
    };
    const results = await runChecked(slices, runSlice, (old) => (rows -= old.records));
    const seconds = (performance.now() - t0) / 1000;
    // Where the time went (printed by scripts/bench-batch.mjs).
    const timing = `start ${(tReady - t0).toFixed(0)} ms, scan ${(tScanned - tReady).toFixed(0)} ms, run ${(performance.now() - tScanned).toFixed(0)} ms, ${slices.length} slices`;
    p.terminate();
    state.workers = [];
    const tallies = sumTallies(results.map((r) => r.tallies));
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    state.result = {
      csv: new Blob([bom, head, ...results.flatMap((r) => r.out)], { type: "text/csv;charset=utf-8" }),
      errorsCsv: new Blob([bom, head, ...results.flatMap((r) => r.errors)], { type: "text/csv;charset=utf-8" }),
      tallies,
      seconds,
      asOf: hasAsOfColumn() ? asOf || todayInJapan() : asOf,
      name: file.name.replace(/\.[^.]*$/, ""),
      timing,
    };
    state.running = false;
    progress.value = 1;
    put($("progress-text"), "batch.progress.done", { count: num(tallies.rows) });
    $("progress-live").textContent = txt("batch.progress.done", { count: num(tallies.rows) });
    renderResult();
    $("step-result").hidden = false;
    $("step-result").focus();
  } catch (e) {
    p.terminate();
    if (state.running) showFailure(e);
  } finally {
    state.running = false;
    $("run").disabled = false;
    $("cancel").disabled = true;
  }
}

function cancel() {
  if (!state.running) return;
  state.running = false;
  state.workers.terminate?.();
  state.workers = [];
  put($("progress-text"), "batch.cancelled");
  $("progress-live").textContent = txt("batch.cancelled");
  $("cancel").disabled = true;
  $("run").disabled = false;
}

function showFailure(e) {
  state.running = false;
  const t = $("progress-text");
  $("step-run").hidden = false;
  t.replaceChildren(...nodes("batch.failed"), `: ${(state.lang === "en" ? e.messageEn : e.messageJa) || e.message || e}`);
  $("progress-live").textContent = t.textContent;
}

function sumTallies(list) {
  const t = { rows: 0, errors: 0, sendNow: 0, routes: [0, 0, 0, 0], codes: errorCodes.map(() => 0), months: new Map() };
  for (const v of list) {
    t.rows += v[0];
    t.errors += v[1];
    t.sendNow += v[2];
    for (let i = 0; i < 4; i++) t.routes[i] += v[3 + i];
    const c0 = 7;
    for (let i = 0; i < errorCodes.length; i++) t.codes[i] += v[c0 + i];
    for (let i = c0 + errorCodes.length; i + 1 < v.length; i += 2) t.months.set(v[i], (t.months.get(v[i]) || 0) + v[i + 1]);
  }
  return t;
}

// --- step 5: results and charts --------------------------------------------------------------------------
const SVG = "http://www.w3.org/2000/svg";
function svgEl(name, attrs = {}) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A horizontal bar chart (inline SVG, decorative) and the same figures as a table. */
function barChart(titleKey, items, cls) {
  const fig = document.createElement("figure");
  fig.className = `bp-chart ${cls}`;
  const cap = document.createElement("figcaption");
  put(cap, titleKey);
  fig.append(cap);
  const max = Math.max(1, ...items.map((i) => i.value));
  const rowH = 28;
  const labelW = 340;
  const width = 760;
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${items.length * rowH}`, width, height: items.length * rowH, "aria-hidden": "true", focusable: "false", class: "bp-svg" });
  items.forEach((it, i) => {
    const name = svgEl("text", { x: labelW - 8, y: i * rowH + rowH / 2 + 5, "text-anchor": "end", class: "bp-axis-label" });
    name.textContent = it.key ? txt(it.key) : it.label;
    const w = Math.round(((width - labelW - 80) * it.value) / max);
    svg.append(name, svgEl("rect", { x: labelW, y: i * rowH + 4, width: Math.max(it.value ? 2 : 0, w), height: rowH - 8, class: `bp-bar bp-bar-${i % 4}` }));
    const t = svgEl("text", { x: labelW + w + 6, y: i * rowH + rowH / 2 + 5, class: "bp-bar-label" });
    t.textContent = num(it.value);
    svg.append(t);
  });
  fig.append(svg);
  fig.append(dataTable(items));
  return fig;
}

/** The figures of a chart as a table (the chart itself is decorative), with an optional
 * header row of catalog keys. */
function dataTable(items, headKeys) {
  const table = document.createElement("table");
  table.className = "bp-data";
  if (headKeys) {
    const head = document.createElement("tr");
    for (const k of headKeys) {
      const th = document.createElement("th");
      th.scope = "col";
      put(th, k);
      head.append(th);
    }
    table.append(head);
  }
  for (const it of items) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.scope = "row";
    if (it.key) th.append(...nodes(it.key));
    else th.textContent = it.label;
    if (it.code) {
      const code = document.createElement("code");
      code.lang = "en";
      code.textContent = it.code;
      th.append(" (", code, ")");
    }
    const td = document.createElement("td");
    td.textContent = num(it.value);
    tr.append(th, td);
    table.append(tr);
  }
  return table;
}

/** A vertical bar chart of members by month of their last usable day. */
function monthChart(t, asOf) {
  const y0 = Number(asOf.slice(0, 4));
  const m0 = Number(asOf.slice(5, 7));
  const months = [];
  for (let i = 0; i < 12; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    months.push(y * 100 + m);
  }
  let earlier = 0;
  let later = 0;
  const counts = months.map(() => 0);
  for (const [k, n] of t.months) {
    const i = months.indexOf(k);
    if (i >= 0) counts[i] += n;
    else if (k < months[0]) earlier += n;
    else later += n;
  }
  const label = (k) => (state.lang === "en" ? `${Math.floor(k / 100)}-${String(k % 100).padStart(2, "0")}` : `${Math.floor(k / 100)}年${k % 100}月`);
  const items = [
    { key: "batch.chart.earlier", value: earlier, short: "<" },
    ...months.map((k, i) => ({ label: label(k), value: counts[i], short: String(k % 100) })),
    { key: "batch.chart.later", value: later, short: ">" },
  ];
  const fig = document.createElement("figure");
  fig.className = "bp-chart bp-months";
  const cap = document.createElement("figcaption");
  put(cap, "batch.chart.months");
  fig.append(cap);
  const hint = document.createElement("p");
  hint.className = "bp-hint";
  put(hint, "batch.chart.monthsHint");
  fig.append(hint);
  const max = Math.max(1, ...items.map((i) => i.value));
  const colW = 36;
  const h = 160;
  const svg = svgEl("svg", { viewBox: `0 0 ${items.length * colW} ${h + 40}`, width: "100%", "aria-hidden": "true", focusable: "false", class: "bp-svg" });
  items.forEach((it, i) => {
    const bh = Math.round((h * it.value) / max);
    svg.append(svgEl("rect", { x: i * colW + 6, y: h - bh + 16, width: colW - 12, height: bh, class: "bp-bar bp-bar-1" }));
    const v = svgEl("text", { x: i * colW + colW / 2, y: h - bh + 12, "text-anchor": "middle", class: "bp-bar-label" });
    v.textContent = it.value ? num(it.value) : "";
    const l = svgEl("text", { x: i * colW + colW / 2, y: h + 34, "text-anchor": "middle", class: "bp-axis-label" });
    l.textContent = it.short;
    svg.append(v, l);
  });
  fig.append(svg);
  fig.append(dataTable(items, ["batch.chart.month", "batch.chart.count"]));
  return fig;
}

function renderResult() {
  const r = state.result;
  const t = r.tallies;
  const stats = $("stats");
  stats.replaceChildren();
  const stat = (key, valueNodes) => {
    const dt = document.createElement("dt");
    put(dt, key);
    const dd = document.createElement("dd");
    dd.append(...valueNodes);
    stats.append(dt, dd);
  };
  stat("batch.result.rows", [num(t.rows)]);
  stat("batch.result.errors", [num(t.errors)]);
  stat("batch.result.time", nodes("batch.result.seconds", { count: r.seconds.toFixed(2) }));
  stat("batch.result.rate", nodes("batch.result.rateValue", { rate: num(t.rows / Math.max(r.seconds, 1e-3)) }));
  stats.dataset.rows = String(t.rows);
  stats.dataset.timing = r.timing;

  const send = $("send-now");
  send.replaceChildren();
  const h = document.createElement("h3");
  put(h, "batch.send.heading");
  const v = document.createElement("p");
  v.className = "bp-big";
  v.id = "send-count";
  put(v, "batch.send.value", { count: num(t.sendNow) });
  const hint = document.createElement("p");
  hint.className = "bp-hint";
  put(hint, "batch.send.hint");
  send.append(h, v, hint);

  const charts = $("charts");
  charts.replaceChildren(
    barChart("batch.chart.routes", routes.map((name, i) => ({ key: `batch.route.${name}`, value: t.routes[i] })), "bp-routes"),
    monthChart(t, r.asOf),
  );
  // Each code by its label (batch.code.<code>); the code itself, as in the downloaded CSV, in
  // the table under the chart.
  const errs = errorCodes.map((c, i) => ({ key: `batch.code.${c}`, code: c, value: t.codes[i] })).filter((e) => e.value > 0);
  if (errs.length) charts.append(barChart("batch.chart.errors", errs, "bp-errors"));
  else {
    const p = document.createElement("p");
    put(p, "batch.chart.noErrors");
    charts.append(p);
  }
  $("download-errors").disabled = t.errors === 0;
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// --- start --------------------------------------------------------------------------------------------------
async function main() {
  const q = new URLSearchParams(location.search);
  const wanted = LANGS.includes(q.get("lang")) ? q.get("lang") : "ja";
  try {
    if (typeof Worker !== "function" || typeof WebAssembly !== "object") throw new Error("no Worker or WebAssembly");
    await Promise.all([init({ module_or_path: new URL("pkg-batch/hoken_check_bg.wasm", import.meta.url) }), loadTexts("ja")]);
  } catch (e) {
    const el = $("no-engine");
    el.hidden = false;
    el.textContent = hasCatalog("ja", "batch") ? txt("batch.noEngine") : "このブラウザでは一括チェックを使えません。 / Batch checks do not work in this browser.";
    $("step-file").hidden = true;
    return;
  }
  fields = batchFields();
  errorCodes = batchErrorCodes();
  routes = batchRoutes();
  await setLang(wanted);
  $("as-of").value = todayInJapan();
  $("file").addEventListener("change", () => {
    state.file = $("file").files[0] || null;
    state.result = null;
    $("step-result").hidden = true;
    if (state.file) readHeader();
  });
  $("encoding").addEventListener("change", () => state.file && readHeader());
  $("remember").addEventListener("change", rememberIfAsked);
  $("pack").addEventListener("change", () => choosePack($("pack").files[0] || null));
  $("run").addEventListener("click", runBatch);
  $("cancel").addEventListener("click", cancel);
  $("download").addEventListener("click", () => state.result && download(state.result.csv, `${state.result.name}-hoken-check.csv`));
  $("download-errors").addEventListener("click", () => state.result && download(state.result.errorsCsv, `${state.result.name}-hoken-check-errors.csv`));
  $("langs").addEventListener("click", (ev) => {
    const b = ev.target.closest("button[data-lang]");
    if (b) setLang(b.dataset.lang);
  });
  document.documentElement.dataset.ready = "true";
}
main();
