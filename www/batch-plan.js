// The batch page's plan (www/batch.js): how the scanned pieces of a file become slices for the
// workers, and the boundary check after the run. Pure functions, unit-tested in
// tests/js/batch-plan.test.mjs (the workers are faked there).

/**
 * Slices from the scan results of consecutive pieces (`{ guess, nlBefore, nlAll }` each: the
 * guessed first record start at or after the piece's start, or -1; line breaks before the guess
 * within the piece; line breaks in the whole piece). `headerLines`: line breaks before the
 * first piece. A piece without a guess, or whose guess is not past the slice before, joins the
 * slice before. Returns `[{ start, line, stop }]`; `line` = 1 + line breaks before `start`.
 */
export function planSlices(scans, headerLines, fileSize) {
  let nlBefore = headerLines;
  const slices = [];
  for (const s of scans) {
    const prev = slices[slices.length - 1];
    if (s.guess >= 0 && (!prev || s.guess > prev.start)) slices.push({ start: s.guess, line: 1 + nlBefore + s.nlBefore });
    nlBefore += s.nlAll;
  }
  slices.forEach((s, k) => (s.stop = k + 1 < slices.length ? slices[k + 1].start : fileSize));
  return slices;
}

/**
 * Runs every slice (`run(slice)` resolves with `{ start, end, lines, records, … }`: where its
 * records really ended and how many line breaks they held), then checks the boundaries: slice k
 * is right only if slice k-1 ended exactly at its start; otherwise it is run again from there
 * (to at least where slice k-1 ended). `onRedo(old)` is told of every result thrown away.
 */
export async function runChecked(slices, run, onRedo = () => {}) {
  const results = await Promise.all(slices.map((s) => run(s).then((r) => ({ ...r, slice: s }))));
  for (let k = 1; k < results.length; k++) {
    const before = results[k - 1];
    if (results[k].start === before.end) continue;
    onRedo(results[k]);
    const s = { start: before.end, stop: Math.max(results[k].slice.stop, before.end), line: before.slice.line + before.lines };
    results[k] = { ...(await run(s)), slice: s };
  }
  return results;
}
