// A batch page worker (www/batch.html): runs the CLI's own CSV code (src/batch/job.rs, built into
// www/pkg-batch/ with the batch-wasm feature) over one slice of the chosen file. The file is read
// here (File.slice), never sent anywhere; result rows go back to the page as transferred bytes.
//
// Messages from the page:
//   { type: "init", job }                          job = { names, columns, encoding, asOf, pack, lang }
//   { type: "scan", id, file, start, end, dataStart }  → { type: "scanned", id, guess, nlBefore, nlAll }
//   { type: "run", id, file, start, stop, line }   → { type: "chunk", id, bytes, records, out, errors }*
//                                                    (out, errors: Blobs of result rows, or null),
//                                                    { type: "done", id, end, lines, records, tallies }
import init, { BatchRun, batchFindStart } from "./pkg-batch/hoken_check.js";

/** Bytes read per step (a progress message after each). Small steps keep the worker's garbage
 * and its wasm memory small (1M rows: ~68 MB in, ~125 MB out). */
const SLICE = 1024 * 1024;
/** How far past a slice's start a record start is looked for. */
const LOOK = 256 * 1024;

let ready = null;
/** The reused read buffer (slice bytes + the unconsumed tail of the previous slice). */
let spare = new ArrayBuffer(SLICE + 256 * 1024);
let wasm = null;
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

/**
 * Reads file[a, b) into `buffer` at `offset` (a reused ArrayBuffer: reading a 68 MB file in
 * fresh 1 MB ArrayBuffers left ~100 MB of garbage before the collector ran). Returns
 * { buffer, n }: `buffer` is the same memory (a BYOB read transfers it), `n` the bytes read.
 * Without BYOB streams it falls back to a copy.
 */
async function readInto(file, a, b, buffer, offset) {
  const want = b - a;
  let reader;
  try {
    reader = file.slice(a, b).stream().getReader({ mode: "byob" });
  } catch {
    const bytes = await read(file, a, b);
    new Uint8Array(buffer, offset, bytes.length).set(bytes);
    return { buffer, n: bytes.length };
  }
  let n = 0;
  while (n < want) {
    const { value, done } = await reader.read(new Uint8Array(buffer, offset + n, want - n));
    if (done || !value) break;
    buffer = value.buffer;
    n += value.byteLength;
  }
  reader.releaseLock();
  return { buffer, n };
}

async function scan({ id, file, start, end, dataStart }) {
  // Line breaks in [start, end), read a step at a time.
  let nlAll = 0;
  for (let a = start; a < end; a += SLICE) {
    const r = await readInto(file, a, Math.min(end, a + SLICE), spare, 0);
    spare = r.buffer;
    nlAll += countNewlines(new Uint8Array(spare, 0, r.n));
  }
  let guess = start;
  let nlBefore = 0;
  if (start > dataStart) {
    // From the byte before `start`: when it ends a line, `start` itself is a line start.
    const from = start - 1;
    const win = await read(file, from, Math.min(file.size, from + 1 + LOOK));
    const g = batchFindStart(win, expected, from + win.length >= file.size);
    guess = g < 0 ? -1 : from + g;
    if (guess >= 0) nlBefore = countNewlines(win, 1, g);
    if (guess > from + win.length) guess = -1;
  }
  postMessage({ type: "scanned", id, guess, nlBefore, nlAll });
}

async function process({ id, file, start, stop, line }) {
  // A fresh run per slice: its tallies are the slice's own (a slice may be redone).
  run?.free();
  run = new BatchRun(job.names, Int32Array.from(job.columns), job.encoding, job.asOf, job.pack, job.lang);
  const size = file.size;
  let pos = start;
  let readPos = start;
  let tail = 0; // unconsumed bytes at the front of `spare`
  const firstLine = line;
  let records = 0;
  while (pos < stop) {
    if (tail === spare.byteLength) {
      // A record longer than the buffer (never in practice): grow it.
      const bigger = new ArrayBuffer(spare.byteLength * 2);
      new Uint8Array(bigger).set(new Uint8Array(spare));
      spare = bigger;
    }
    const readEnd = Math.min(size, readPos + spare.byteLength - tail);
    const r = await readInto(file, readPos, readEnd, spare, tail);
    spare = r.buffer;
    readPos += r.n;
    const buf = new Uint8Array(spare, 0, tail + r.n);
    const atEof = readPos >= size;
    const [consumed, lines, n] = run.process(buf, stop - pos, atEof, line);
    pos += consumed;
    line += lines;
    records += n;
    tail = buf.length - consumed;
    buf.copyWithin(0, consumed);
    // Blobs made straight from the instance's memory: the bytes leave the JS heap at once.
    const [op, ol, ep, el] = run.written();
    const out = ol ? new Blob([new Uint8Array(wasm.memory.buffer, op, ol)]) : null;
    const errors = el ? new Blob([new Uint8Array(wasm.memory.buffer, ep, el)]) : null;
    run.clear();
    postMessage({ type: "chunk", id, bytes: consumed, records: n, out, errors });
    if (atEof && (consumed === 0 || tail === 0)) break;
    if (r.n === 0 && consumed === 0) break; // nothing more to read and nothing consumed
  }
  postMessage({ type: "done", id, start, end: pos, lines: line - firstLine, records, tallies: run.tallies() });
}

self.onmessage = async (ev) => {
  const m = ev.data;
  try {
    if (m.type === "init") {
      ready ??= init({ module_or_path: new URL("./pkg-batch/hoken_check_bg.wasm", import.meta.url) });
      wasm = await ready;
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
