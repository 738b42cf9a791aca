// Nothing leaves the device: a complete journey records every request — all go to the page's own
// origin, and none at all happens after the first load (answering, switching language, the
// answer, the reception card, the .ics file, the link). The same journey works offline after
// one visit (service worker), and the single-file edition works from file:// with no request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { serve, launch, answerAll, scenarios, checkAnswer, ROOT, RESULTS } from "./helpers.mjs";

const ALL = scenarios();
let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Waits until the first load is over: engine ready, all catalogs in memory, service worker
 * active and controlling, and no request for a moment. */
async function firstLoad(page, requests) {
  await page.waitForSelector("html[data-ready]");
  await page.waitForSelector("html[data-catalogs]", { state: "attached" });
  await page.waitForSelector("html[data-sw]", { state: "attached" });
  await page.waitForLoadState("networkidle");
  let n;
  do { n = requests.length; await page.waitForTimeout(500); } while (requests.length !== n);
}

test("a complete journey makes no request after the first load, and none to another origin", async () => {
  const sc = ALL.C014;
  const ctx = await browser.newContext({ acceptDownloads: true });
  const requests = [];
  ctx.on("request", (r) => requests.push(r.url()));
  const cspErrors = [];
  const page = await ctx.newPage();
  page.on("console", (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) cspErrors.push(m.text()); });
  await page.goto(srv.url);
  await firstLoad(page, requests);
  const firstLoadRequests = requests.length;
  const serverHits = srv.hits.length;
  const origin = new URL(srv.url).origin;
  for (const u of requests) assert.ok(u.startsWith(origin + "/") || u.startsWith("data:"), `request outside the origin: ${u}`);
  assert.ok(firstLoadRequests > 0);

  await answerAll(page, sc.situation, { dates: "text" });
  await page.click("[data-action=see-answer]");
  await page.waitForSelector("[data-section=docs]");
  await checkAnswer(page, sc, "ja");
  for (const lg of ["en", "ja-easy", "ja"]) {
    await page.click(`#langs button[data-lang="${lg}"]`);
    await page.waitForFunction((l) => document.querySelector(`#langs button[data-lang="${l}"]`).getAttribute("aria-pressed") === "true", lg);
    await checkAnswer(page, sc, lg);
  }
  // The calendar file is made on the device: the reminder dates of the answer are in it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-action=ics]")]);
  const ics = fs.readFileSync(await download.path(), "utf8");
  fs.writeFileSync(path.join(RESULTS, "C014.ics"), ics);
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.ok(ics.includes("DTSTART;VALUE=DATE:" + sc.expectedSummary.mynahokenshoUsableUntil.replace(/-/g, "")), "grace end in the .ics");
  assert.ok(ics.split("\r\n").every((l) => Buffer.byteLength(l) <= 75), "lines folded at 75 octets");
  // The link keeps the answers in the fragment only.
  await page.click("[data-action=link]");
  const link = await page.inputValue("#link-url");
  assert.ok(link.startsWith(srv.url + "#v=1&"), link);
  await page.click("[data-action=reception]");
  await page.waitForSelector(".reception");
  await page.waitForTimeout(300);

  assert.deepEqual(requests.slice(firstLoadRequests).filter((u) => !u.startsWith("blob:")), [], "requests after the first load");
  assert.equal(srv.hits.length, serverHits, "the server saw nothing after the first load");
  assert.deepEqual(cspErrors, [], "no CSP violation");

  // Opening the link in a new tab restores the answers (the fragment never reaches the server).
  const page2 = await ctx.newPage();
  const hitsBefore = srv.hits.length;
  await page2.goto(link);
  await page2.waitForSelector("[data-section=docs]");
  await checkAnswer(page2, { ...sc, situation: { ...sc.situation } }, "ja");
  assert.ok(srv.hits.slice(hitsBefore).every((p) => !p.includes("v=1")), "fragment not sent");
  // Clearing the answers removes them from the page and the address.
  await page2.click("[data-action=clear]");
  await page2.waitForSelector("form.question");
  assert.equal(new URL(page2.url()).hash, "");
  await ctx.close();
});

test("after one visit the same journey works offline (service worker)", async () => {
  const sc = ALL.C037;
  const ctx = await browser.newContext();
  const requests = [];
  ctx.on("request", (r) => requests.push(r.url()));
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await firstLoad(page, requests);
  await page.close();
  await ctx.setOffline(true);
  const hits = srv.hits.length;
  const page2 = await ctx.newPage();
  await page2.goto(srv.url);
  await page2.waitForSelector("html[data-ready]");
  assert.equal(await page2.evaluate(() => !!navigator.serviceWorker.controller), true, "served by the service worker");
  await answerAll(page2, sc.situation, { dates: "fields" });
  await page2.click("[data-action=see-answer]");
  await page2.waitForSelector("[data-section=docs]");
  await checkAnswer(page2, sc, "ja");
  await page2.click('#langs button[data-lang="en"]');
  await page2.waitForFunction(() => document.documentElement.lang === "en");
  await checkAnswer(page2, sc, "en");
  await page2.screenshot({ path: path.join(RESULTS, "offline-answer.png"), fullPage: true });
  // Playwright's offline emulation covers pages and the worker's fetches, but not the browser's
  // own update check of sw.js (and of sw-version.js, which it imports) on navigation (which
  // simply fails when really offline).
  assert.deepEqual(srv.hits.slice(hits).filter((p) => p !== "/sw.js" && p !== "/sw-version.js"), [], "nothing reached the server while offline");
  await ctx.close();
});

test("the single-file edition works from file:// with no request at all", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoken-single-"));
  const file = path.join(dir, "hoken-check.html");
  execFileSync(process.execPath, [path.join(ROOT, "scripts/make-single-file.mjs"), path.join(ROOT, "www"), file]);
  const html = fs.readFileSync(file, "utf8");
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/, "hashes, not unsafe-inline");
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+stylesheet/, "everything inlined");
  const sc = ALL.C076;
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const requests = [];
  ctx.on("request", (r) => requests.push(r.url()));
  const page = await ctx.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto("file://" + file);
  await page.waitForSelector("html[data-ready]");
  await page.click('#langs button[data-lang="ja-easy"]');
  await page.waitForFunction(() => document.querySelector('#langs button[data-lang="ja-easy"]').getAttribute("aria-pressed") === "true");
  await answerAll(page, sc.situation, { dates: "wareki", lang: "ja-easy" });
  await page.click("[data-action=see-answer]");
  await page.waitForSelector("[data-section=docs]");
  await checkAnswer(page, sc, "ja-easy");
  await page.screenshot({ path: path.join(RESULTS, "single-file-answer-390.png"), fullPage: true });
  assert.deepEqual(requests.filter((u) => !u.startsWith("file://" + file) && !u.startsWith("data:") && !u.startsWith("blob:")), []);
  assert.deepEqual(problems, []);
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
