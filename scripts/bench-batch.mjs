#!/usr/bin/env node
// The batch page's speed (issue 10): a generated member CSV (tests/e2e/batch-data.mjs, the row
// shape of tests/scale.rs) chosen in www/batch.html in headless Chromium, timed from the click
// on 「チェックを始める」 to the summary; the CLI on the same file; the ratio. Prints figures,
// asserts nothing (goals: ≥ 1,000,000 rows/s and ≤ 3 s for 1M rows, ≤ 200 MB peak).
//
//   node scripts/bench-batch.mjs            # 1,000,000 rows
//   ROWS=200000 node scripts/bench-batch.mjs
//
// Needs scripts/build.sh (www/pkg-batch/, target/release/hoken-check). Memory: VmHWM of the
// renderer process (the page and its dedicated workers run there) read from /proc; the result
// Blobs live in the browser process's blob storage and are not in that figure. Timings on a
// shared machine vary: compare the ratio within one run; the load average is printed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve, launch } from "../tests/e2e/helpers.mjs";
import { writeMembers, cliTimes, rendererPeakKb, rendererCpuSeconds } from "../tests/e2e/batch-data.mjs";

const ROWS = Number(process.env.ROWS || 1_000_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoken-check-bench-batch-"));
const file = path.join(tmp, "members.csv");
try {
  writeMembers(file, ROWS);
  const mb = fs.statSync(file).size / 1e6;
  console.log(`bench-batch: ${ROWS} rows, ${mb.toFixed(1)} MB; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; ${os.cpus().length} cores`);
  const cli = {};
  for (const threads of [1, 2]) {
    cli[threads] = cliTimes(file, ["--threads", String(threads)]);
    console.log(`bench-batch: CLI --threads ${threads}: ${cli[threads].wall.toFixed(2)} s = ${Math.round(ROWS / cli[threads].wall)} rows/s; CPU ${cli[threads].cpu.toFixed(2)} s`);
  }
  const srv = await serve();
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(srv.url + "batch.html");
    await page.waitForSelector("html[data-ready]");
    await page.setInputFiles("#file", file);
    await page.waitForSelector("#step-map:not([hidden])");
    const before = await rendererPeakKb(browser);
    const cpu0 = await rendererCpuSeconds(browser);
    const t = Date.now();
    await page.click("#run");
    await page.waitForSelector("#step-result:not([hidden])", { timeout: 600_000 });
    const secs = (Date.now() - t) / 1000;
    const rows = Number(await page.getAttribute("#stats", "data-rows"));
    const cpu = (await rendererCpuSeconds(browser)) - cpu0;
    const peak = await rendererPeakKb(browser);
    const timing = await page.getAttribute("#stats", "data-timing");
    const workers = await page.evaluate(() => Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4)));
    console.log(`bench-batch: page (${workers} workers): ${rows} rows in ${secs.toFixed(2)} s = ${Math.round(rows / secs)} rows/s; renderer peak RSS ${(peak / 1024).toFixed(0)} MB (${(before / 1024).toFixed(0)} MB before the run); ${timing}`);
    console.log(`bench-batch: page CPU (renderer: page + workers) ${cpu.toFixed(2)} s`);
    console.log(`bench-batch: browser/CLI wall time: ${(secs / cli[2].wall).toFixed(2)}x (CLI --threads 2), ${(secs / cli[1].wall).toFixed(2)}x (--threads 1); ` +
      `CPU time (steadier on a shared machine): ${(cpu / cli[1].cpu).toFixed(2)}x (--threads 1)`);
  } finally {
    await browser.close();
    await srv.close();
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
