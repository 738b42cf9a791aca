// The batch page's plan (www/batch-plan.js): pieces → slices with their first line numbers, and
// the boundary check that redoes a slice whose guessed start was not a real record start. The
// workers are faked by a model file whose real record starts are known.
import { test } from "node:test";
import assert from "node:assert/strict";
import { planSlices, runChecked } from "../../www/batch-plan.js";

test("pieces become slices: a piece without a guess joins the slice before; lines add up", () => {
  const scans = [
    { guess: 0, nlBefore: 0, nlAll: 3 },
    { guess: -1, nlBefore: 0, nlAll: 2 }, // no record start found: joins slice 0
    { guess: 12, nlBefore: 1, nlAll: 4 },
    { guess: 12, nlBefore: 0, nlAll: 1 }, // not past the slice before: joins it
  ];
  // Header: 1 line break before the data, so the first data line is line 2.
  assert.deepEqual(planSlices(scans, 1, 30), [
    { start: 0, line: 2, stop: 12 },
    { start: 12, line: 1 + 1 + 3 + 2 + 1, stop: 30 }, // 1 + header + piece 0 + piece 1 + before the guess
  ]);
});

/** A model file: records start at `starts` (each one line); `size` bytes. A run from a real
 * start reads real records; from any other place it reads misaligned 7-byte "records". */
function model(starts, size) {
  const calls = [];
  const run = async ({ start, stop, line }) => {
    calls.push(start);
    const real = starts.includes(start);
    let at = start;
    let records = 0;
    while (at < stop && at < size) {
      records++;
      at = real ? (starts.find((s) => s > at) ?? size) : Math.min(size, at + 7);
    }
    return { start, end: at, lines: records, records, line };
  };
  return { run, calls };
}

test("a slice that starts inside a record is redone from where the slice before ended", async () => {
  const starts = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90];
  const { run, calls } = model(starts, 100);
  const slices = [{ start: 0, line: 2, stop: 35 }, { start: 35, line: 6, stop: 70 }, { start: 70, line: 9, stop: 100 }];
  const redone = [];
  const r = await runChecked(slices, run, (old) => redone.push(old.start));
  assert.deepEqual(redone, [35]);
  assert.deepEqual(r.map((x) => [x.start, x.end]), [[0, 40], [40, 70], [70, 100]]);
  // The redone slice's first line follows the slice before: line 2 + 4 records of one line.
  assert.equal(r[1].line, 6);
  assert.equal(r.reduce((n, x) => n + x.records, 0), starts.length, "every record once");
  assert.deepEqual(calls, [0, 35, 70, 40]);
});

test("a redo can leave a slice empty and carry the check on to the next", async () => {
  const starts = [0, 10, 60, 90]; // a long record from 10 to 60
  const { run } = model(starts, 100);
  const slices = [{ start: 0, line: 2, stop: 20 }, { start: 20, line: 3, stop: 40 }, { start: 40, line: 4, stop: 100 }];
  const r = await runChecked(slices, run);
  assert.deepEqual(r.map((x) => [x.start, x.end, x.records]), [[0, 60, 2], [60, 60, 0], [60, 100, 2]]);
  assert.equal(r[2].line, 4, "line 2 + the 2 one-line records of slice 0");
});

test("right guesses are never redone", async () => {
  const { run, calls } = model([0, 10, 20, 30], 40);
  const r = await runChecked([{ start: 0, line: 2, stop: 20 }, { start: 20, line: 4, stop: 40 }], run);
  assert.deepEqual(calls, [0, 20]);
  assert.deepEqual(r.map((x) => x.end), [20, 40]);
});
