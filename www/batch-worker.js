// A batch page worker (www/batch.html): runs the CLI's own CSV code (src/batch/job.rs, built into
// www/pkg-batch/ with the batch-wasm feature) over one slice of the chosen file. The file is read
// here (File.slice), never sent anywhere; result rows go back to the page as transferred bytes.
//
// Messages from the page:
//   { type: "init", job }                          job = { names, columns, encoding, asOf, pack, lang }
//   { type: "scan", id, file, start, end, dataStart }  → { type: "scanned", id, guess, nlBefore, nlAll }
//   { type: "run", id, file, start, stop, line }   → { type: "chunk", id, bytes, records, out, errors }*,
//                                                    { type: "done", id, end, lines, records, tallies }
import init, { BatchRun, batchFindStart } from "./pkg-batch/hoken_check.js";

/** Bytes read per step (a progress message after each). */
const SLICE = 4 * 1024 * 1024;
/** How far past a slice's start a record start is looked for. */
const LOOK = 1024 * 1024;

let ready = null;
let job = null;
let run = null;
let expected = 0;

function countNewlines(bytes, from = 0, to = bytes.length) {
  let n = 0;
  for (let i = bytes.indexOf(10, from); i !== -1 && i < to; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

async function read(file, a, b) {
  return new Uint8Array(await file.slice(a, b).arrayBuffer());
}

async function scan({ id, file, start, end, dataStart }) {
  const buf = await read(file, start, Math.min(file.size, end + LOOK));
  const nlAll = countNewlines(buf, 0, end - start);
  let guess = start;
  if (start > dataStart) {
    const win = buf.subarray(0, Math.min(buf.length, LOOK));
    // The byte before `start` may end a line: then `start` itself is a line start.
    const prev = await read(file, start - 1, start);
    const from = prev[0] === 10 ? -1 : 0;
    if (from === -1) {
      const lead = new Uint8Array(win.length + 1);
      lead[0] = 10;
      lead.set(win, 1);
      const g = batchFindStart(lead, expected, start + win.length >= file.size);
      guess = g < 0 ? -1 : start + g - 1;
    } else {
      const g = batchFindStart(win, expected, start + win.length >= file.size);
      guess = g < 0 ? -1 : start + g;
    }
  }
  const nlBefore = guess < 0 ? 0 : countNewlines(buf, 0, guess - start);
  postMessage({ type: "scanned", id, guess, nlBefore, nlAll });
}

async function process({ id, file, start, stop, line }) {
  // A fresh run per slice: its tallies are the slice's own (a slice may be redone).
  run?.free();
  run = new BatchRun(job.names, Int32Array.from(job.columns), job.encoding, job.asOf, job.pack, job.lang);
  const size = file.size;
  let pos = start;
  let readPos = start;
  let pending = new Uint8Array(0);
  const firstLine = line;
  let records = 0;
  while (pos < stop) {
    const readEnd = Math.min(size, readPos + SLICE);
    const bytes = await read(file, readPos, readEnd);
    readPos = readEnd;
    let buf = bytes;
    if (pending.length) {
      buf = new Uint8Array(pending.length + bytes.length);
      buf.set(pending);
      buf.set(bytes, pending.length);
    }
    const atEof = readPos >= size;
    const [consumed, lines, n] = run.process(buf, stop - pos, atEof, line);
    pos += consumed;
    line += lines;
    records += n;
    pending = buf.slice(consumed);
    const out = run.takeOutput();
    const errors = run.takeErrors();
    postMessage({ type: "chunk", id, bytes: consumed, records: n, out, errors }, [out.buffer, errors.buffer]);
    if (atEof && (consumed === 0 || pending.length === 0)) break;
  }
  postMessage({ type: "done", id, start, end: pos, lines: line - firstLine, records, tallies: run.tallies() });
}

self.onmessage = async (ev) => {
  const m = ev.data;
  try {
    if (m.type === "init") {
      ready ??= init({ module_or_path: new URL("./pkg-batch/hoken_check_bg.wasm", import.meta.url) });
      await ready;
      job = m.job;
      expected = job.names.length;
      postMessage({ type: "ready" });
    } else if (m.type === "scan") {
      await scan(m);
    } else if (m.type === "run") {
      await process(m);
    }
  } catch (e) {
    postMessage({ type: "error", id: m.id, message: String(e && e.message || e) });
  }
};
