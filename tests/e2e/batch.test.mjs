// The batch page (www/batch.html, issue 10) in headless Chromium:
// * small files (BOM + CRLF + quoted commas / quotes / line breaks + formula cells; malformed
//   rows; Shift_JIS with Japanese headers; missing and unknown columns): the downloaded result
//   is byte for byte the CLI's output for the same file, after a UTF-8 byte-order mark, and the
//   error file is the CLI's error rows;
// * a fixed as-of date for a file without an asOf column; an insurer pack that is wrong names
//   the field;
// * 1,000,000 generated rows chosen through the file input: the progress bar advances, the page
//   answers input during the run, the result has exactly 1,000,000 rows and equals the CLI's
//   output byte for byte; rows/s and peak memory are printed;
// * cancel stops the workers; nothing is requested from anywhere but the page's own origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve, launch, ROOT, textOf } from "./helpers.mjs";
import { spawnSync } from "node:child_process";
import { writeMembers, cliOutput, rendererPeakKb, CLI as CLI_BIN } from "./batch-data.mjs";

const FIX = path.join(ROOT, "tests/fixtures/batch");
const BATCH_JA = JSON.parse(fs.readFileSync(path.join(ROOT, "locales/batch-ja.json"), "utf8"));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ROWS = Number(process.env.BATCH_ROWS || 1_000_000);
let srv, browser, tmp;
before(async () => {
  srv = await serve();
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hoken-check-batch-"));
});
after(async () => {
  await browser?.close();
  await srv?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(ctxOpts = {}) {
  const ctx = await browser.newContext({ acceptDownloads: true, ...ctxOpts });
  const requests = [];
  ctx.on("request", (r) => requests.push(r.url()));
  const page = await ctx.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  await page.goto(srv.url + "batch.html");
  await page.waitForSelector("html[data-ready]");
  return { ctx, page, requests, problems };
}

async function choose(page, file) {
  await page.setInputFiles("#file", file);
  await page.waitForSelector("#step-map:not([hidden])");
}

async function runAndWait(page, timeout = 60_000) {
  await page.click("#run");
  await page.waitForSelector("#step-result:not([hidden])", { timeout });
}

async function downloaded(page, selector) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return fs.readFileSync(await d.path());
}

/** The CLI's error rows (a summary row ends with its three empty error cells). */
function errorRows(cli) {
  const text = cli.toString("utf8");
  const lines = text.split(/(?<=\r\n)/);
  return Buffer.from(lines[0] + lines.slice(1).filter((l) => !l.endsWith(",,,\r\n")).join(""));
}

const SMALL = [
  ["bom-crlf-quoted.csv", []],
  ["malformed.csv", []],
  ["shift-jis.csv", []],
  ["missing.csv", []],
  // The page proposes "not used" for a column the contract does not know (氏名): the CLI's
  // --ignore-unknown-columns.
  ["missing-unknown.csv", ["--ignore-unknown-columns"]],
];

test("small files: the page's result and error files are the CLI's bytes (plus a BOM)", async () => {
  const { ctx, page, requests, problems } = await open();
  for (const [name, args] of SMALL) {
    const file = path.join(FIX, name);
    await choose(page, file);
    await runAndWait(page);
    const cli = cliOutput(file, args);
    const got = await downloaded(page, "#download");
    assert.deepEqual(got.subarray(0, 3), BOM, `${name}: starts with a UTF-8 BOM`);
    assert.equal(got.subarray(3).toString("utf8"), cli.toString("utf8"), `${name}: the CLI's bytes`);
    const rows = Number(await page.getAttribute("#stats", "data-rows"));
    assert.equal(rows, cli.toString().split("\r\n").length - 2, `${name}: rows in the summary`);
    if (await page.isEnabled("#download-errors")) {
      const errs = await downloaded(page, "#download-errors");
      assert.equal(errs.subarray(3).toString("utf8"), errorRows(cli).toString("utf8"), `${name}: error rows`);
      // The error chart names each code in words (batch.code.<code>) and gives the code as the
      // CSV has it, with the CLI's count of rows.
      const counts = {};
      for (const m of cli.toString("utf8").matchAll(/,([a-z][A-Za-z]+),[A-Za-z]*,[^\r\n]*\r\n/g)) {
        if (`batch.code.${m[1]}` in BATCH_JA) counts[m[1]] = (counts[m[1]] || 0) + 1;
      }
      const table = page.locator(".bp-errors table tr");
      assert.equal(await table.count(), Object.keys(counts).length, `${name}: one table row per error code`);
      for (const [code, n] of Object.entries(counts)) {
        const row = table.filter({ has: page.locator(`code:text-is("${code}")`) });
        assert.equal(await textOf(row.locator("th")), `${BATCH_JA[`batch.code.${code}`]} (${code})`, code);
        assert.equal(await textOf(row.locator("td")), String(n), `${name}: ${code} rows`);
      }
    } else {
      assert.equal(errorRows(cli).toString().split("\r\n").length, 2, `${name}: no error rows`);
    }
  }
  // axe-core (WCAG 2.x A/AA) on the page with a result, in each language.
  for (const lg of ["ja", "en", "ja-easy"]) {
    await page.click(`#langs button[data-lang="${lg}"]`);
    await page.waitForFunction((l) => document.querySelector(`#langs button[data-lang="${l}"]`).getAttribute("aria-pressed") === "true", lg);
    const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), [], `axe on the results (${lg})`);
  }
  await page.click('#langs button[data-lang="ja"]');
  // The Shift_JIS file was detected, and its Japanese headers mapped (被保険者番号 → id).
  await choose(page, path.join(FIX, "shift-jis.csv"));
  assert.match(await page.textContent("#file-info"), /Shift_JIS/);
  assert.equal(await page.inputValue("#map-0"), "-1", "被保険者番号 is the id column");
  // Formula cells are neutralised (bom-crlf-quoted.csv holds =, +, -, @, tab and CR cells).
  const cli = cliOutput(path.join(FIX, "bom-crlf-quoted.csv")).toString();
  for (const cell of [`"'=HYPERLINK(`, `"'+81"`, `"'-5"`, `"'@SUM(A1)"`, `"'\\u{09}TAB"`, `"'\\u{0D}CR"`]) assert.ok(cli.includes(cell), cell);
  assert.deepEqual(problems, []);
  const origin = new URL(srv.url).origin;
  for (const u of requests) assert.ok(u.startsWith(origin + "/") || u.startsWith("blob:" + origin), `request outside the origin: ${u}`);
  await ctx.close();
});

test("a fixed as-of date is used for a file without an asOf column", async () => {
  const { ctx, page } = await open();
  const file = path.join(tmp, "no-as-of.csv");
  fs.writeFileSync(file, "birthDate,insurerKind\n1950-03-04,kokuho\n1980-01-01,kyokaiKenpo\n");
  const withCol = path.join(tmp, "with-as-of.csv");
  fs.writeFileSync(withCol, "birthDate,insurerKind,asOf\n1950-03-04,kokuho,2026-05-01\n1980-01-01,kyokaiKenpo,2026-05-01\n");
  await choose(page, file);
  await page.fill("#as-of", "2026-05-01");
  await runAndWait(page);
  const got = await downloaded(page, "#download");
  assert.equal(got.subarray(3).toString(), cliOutput(withCol).toString());
  await ctx.close();
});

test("the mapping is remembered on the device only when the clerk ticks the box", async () => {
  const { ctx, page } = await open();
  const file = path.join(FIX, "missing.csv"); // asOf,birthDate
  await choose(page, file);
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing stored by default");
  await page.selectOption("#map-1", "-2"); // birthDate: not used
  assert.equal(await page.evaluate(() => localStorage.length), 0, "a change alone stores nothing");
  await page.check("#remember");
  await page.reload();
  await page.waitForSelector("html[data-ready]");
  await choose(page, file);
  assert.equal(await page.inputValue("#map-1"), "-2", "the remembered choice is back");
  assert.ok(await page.isChecked("#remember"));
  const stored = await page.evaluate(() => Object.values(localStorage).join(""));
  assert.ok(!stored.includes("1950-03-04"), "no data row is stored, only names and choices");
  await page.uncheck("#remember");
  assert.equal(await page.evaluate(() => localStorage.length), 0, "unticking forgets it");
  await ctx.close();
});

test("an insurer pack gives the CLI's --pack rows; a pack with a wrong field is refused, naming the field", async () => {
  const { ctx, page } = await open();
  await choose(page, path.join(FIX, "missing.csv"));
  const pack = JSON.parse(fs.readFileSync(path.join(ROOT, "packs/kokuho-shibuya.json"), "utf8"));
  const good = path.join(tmp, "pack.json");
  fs.writeFileSync(good, JSON.stringify(pack));
  await page.setInputFiles("#pack", good);
  await page.waitForFunction(() => document.querySelector("#pack-info").textContent.includes("pack.json"));
  assert.doesNotMatch(await page.getAttribute("#pack-info", "class") || "", /bp-error/);
  // With the pack, the rows are the CLI's with --pack (the Shift_JIS file's 協会けんぽ rows are
  // not the pack's insurer: packNotForRecord error rows in their place).
  const sjis = path.join(FIX, "shift-jis.csv");
  await choose(page, sjis);
  await runAndWait(page);
  const got = await downloaded(page, "#download");
  const cli = cliOutput(sjis, ["--pack", good]).toString();
  assert.ok(cli.includes("packNotForRecord"));
  assert.equal(got.subarray(3).toString(), cli);
  pack.who.insurerKind = "nonsense";
  const bad = path.join(tmp, "bad-pack.json");
  fs.writeFileSync(bad, JSON.stringify(pack));
  await page.setInputFiles("#pack", bad);
  await page.waitForSelector("#pack-info.bp-error");
  assert.match(await page.textContent("#pack-info"), /who\.insurerKind/);
  // A file that is not JSON, and one over the pack size limit: the page shows the engine's own
  // message, the one the CLI's --pack prints for the same file (one source of the messages).
  const tooLarge = path.join(tmp, "too-large-pack.json");
  fs.writeFileSync(tooLarge, JSON.stringify({ ...pack, version: "x".repeat(70 * 1024) }));
  const notJson = path.join(tmp, "not-json-pack.json");
  fs.writeFileSync(notJson, "not json");
  for (const [file, code] of [[tooLarge, "packTooLarge"], [notJson, "malformedPack"]]) {
    const r = spawnSync(CLI_BIN, ["assess", "--pack", file], { input: '{"asOf":"2026-01-01"}', encoding: "utf8" });
    assert.equal(r.status, 2, r.stderr);
    const m = new RegExp(`invalidPack: ${code} at [^:]*: (.+)`).exec(r.stderr);
    assert.ok(m, `the CLI names ${code}: ${r.stderr}`);
    await page.setInputFiles("#pack", file);
    await page.waitForFunction((text) => document.querySelector("#pack-info.bp-error")?.textContent.includes(text), m[1].trim());
  }
  await ctx.close();
});

test(`${ROWS.toLocaleString("en")} rows: progress, a responsive page, every row, the CLI's bytes; cancel stops the workers`, async () => {
  const file = path.join(tmp, "members.csv");
  writeMembers(file, ROWS);
  const t = Date.now();
  const cli = cliOutput(file, ["--threads", "2"]);
  const cliSeconds = (Date.now() - t) / 1000;
  // A browser of its own, so that the renderer's peak memory is this run's.
  const own = await launch();
  const ctx = await own.newContext({ acceptDownloads: true });
  const requests = [];
  ctx.on("request", (r) => requests.push(r.url()));
  const page = await ctx.newPage();
  await page.goto(srv.url + "batch.html");
  await page.waitForSelector("html[data-ready]");
  await choose(page, file);
  // Nothing uploaded: during the run the page may only fetch its own files (the worker script,
  // its module), never send anything (no request with a body, no other method than GET).
  const during = [];
  ctx.on("request", (r) => during.push({ url: r.url(), method: r.method(), body: r.postDataBuffer()?.length ?? 0 }));

  // During the run: sample the progress bar, the longest gap between animation frames, and how
  // long a click on the page takes to be handled.
  await page.evaluate(() => {
    window.__probe = { values: [], maxGap: 0, clicks: [] };
    let last = performance.now();
    const frame = (now) => {
      window.__probe.maxGap = Math.max(window.__probe.maxGap, now - last);
      last = now;
      window.__probe.values.push(document.getElementById("progress").value);
      if (document.getElementById("step-result").hidden) requestAnimationFrame(frame);
    };
    document.getElementById("run").addEventListener("click", () => { last = performance.now(); requestAnimationFrame(frame); });
    document.getElementById("h-run").addEventListener("click", (ev) => window.__probe.clicks.push({
      ms: performance.now() - ev.timeStamp,
      during: document.getElementById("step-result").hidden && document.getElementById("progress").value < 1,
    }));
  });
  const beforeKb = await rendererPeakKb(own);
  const t0 = Date.now();
  await page.click("#run");
  await page.waitForFunction(() => document.getElementById("progress").value > 0.2, null, { timeout: 60_000 });
  const clickAt = Date.now();
  await page.click("#h-run");
  const clickMs = Date.now() - clickAt;
  await page.waitForSelector("#step-result:not([hidden])", { timeout: 120_000 });
  const pageSeconds = (Date.now() - t0) / 1000;
  const probe = await page.evaluate(() => window.__probe);
  const peakKb = await rendererPeakKb(own);

  const distinct = new Set(probe.values.map((v) => v.toFixed(3)));
  assert.ok(distinct.size >= 3, `the progress bar advanced (${[...distinct].join(", ")})`);
  assert.equal(probe.clicks.length, 1, "the click was handled");
  assert.ok(probe.clicks[0].during, "the click was handled while the run was still going");
  // Generous: the machine may be shared; the figure is printed below.
  assert.ok(probe.maxGap < 2000, `no frame gap of two seconds or more (longest ${probe.maxGap.toFixed(0)} ms)`);
  assert.equal(Number(await page.getAttribute("#stats", "data-rows")), ROWS);
  const got = await downloaded(page, "#download");
  assert.deepEqual(got.subarray(0, 3), BOM);
  const body = got.subarray(3);
  let lines = 0;
  for (let i = body.indexOf(10); i !== -1; i = body.indexOf(10, i + 1)) lines++;
  assert.equal(lines - 1, ROWS, "exactly one result row per input row");
  assert.ok(body.equals(cli), "the page's result equals the CLI's output byte for byte");
  const origin = new URL(srv.url).origin;
  for (const u of requests) assert.ok(u.startsWith(origin + "/") || u.startsWith("blob:" + origin), `request outside the origin: ${u}`);
  for (const r of during) {
    assert.equal(r.method, "GET", `only GET during the run: ${r.method} ${r.url}`);
    assert.equal(r.body, 0, `no request body during the run: ${r.url}`);
    assert.ok(/\/(batch-worker\.js|pkg-batch\/hoken_check(_bg\.wasm|\.js))$/.test(new URL(r.url).pathname) || r.url.startsWith("blob:"), `only the page's own files during the run: ${r.url}`);
  }
  console.log(`batch page: ${during.length} requests during the run (${[...new Set(during.map((r) => new URL(r.url).pathname))].join(", ")}); `);
  console.log(`batch page: ${ROWS} rows in ${pageSeconds.toFixed(2)} s from the click to the summary = ${Math.round(ROWS / pageSeconds)} rows/s; ` +
    `CLI --threads 2 (incl. process start and piping) ${cliSeconds.toFixed(2)} s = ${Math.round(ROWS / cliSeconds)} rows/s; browser/CLI time ${(pageSeconds / cliSeconds).toFixed(2)}x; ` +
    `renderer peak RSS (VmHWM, page + workers) ${(peakKb / 1024).toFixed(0)} MB (${(beforeKb / 1024).toFixed(0)} MB before the run; the result Blobs are in the browser process); longest frame gap ${probe.maxGap.toFixed(0)} ms; click answered in ${clickMs} ms`);

  // Cancel: the workers end, and the progress stops.
  await page.click("#run");
  await page.waitForFunction(() => document.getElementById("progress").value > 0.05, null, { timeout: 60_000 });
  assert.ok(page.workers().length >= 1, "workers run");
  await page.click("#cancel");
  await page.waitForFunction(() => document.getElementById("cancel").disabled);
  const v1 = await page.evaluate(() => document.getElementById("progress").value);
  await page.waitForTimeout(1000);
  const v2 = await page.evaluate(() => document.getElementById("progress").value);
  assert.equal(v2, v1, "no more progress after cancel");
  for (let i = 0; i < 20 && page.workers().length; i++) await page.waitForTimeout(100);
  assert.equal(page.workers().length, 0, "every worker was terminated");
  assert.ok(await page.isHidden("#step-result"), "no result after cancel");
  await own.close();
});
