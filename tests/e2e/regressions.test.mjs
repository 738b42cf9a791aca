// Regression tests for the defects of issue 7 that need no persona journey (links, history,
// noscript, date forms); the others run on the persona journeys (personas.test.mjs CHECKS).
// Expected texts come from the rules (RULES.md) and the catalogs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, plain, expectedDate, textOf } from "./helpers.mjs";
import { PHONE } from "./personas.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function open(hash = "", { asOf = "2026-11-29", js = true, lang } = {}) {
  const ctx = await browser.newContext({ viewport: PHONE, serviceWorkers: "block", javaScriptEnabled: js });
  const page = await ctx.newPage();
  if (js) await page.clock.setFixedTime(new Date(`${asOf}T10:00:00+09:00`));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(srv.url + hash);
  if (js) await page.waitForSelector("html[data-ready]");
  if (lang) {
    await page.click(`#langs button[data-lang="${lang}"]`);
    await page.waitForFunction((l) => document.querySelector(`#langs button[data-lang="${l}"]`).getAttribute("aria-pressed") === "true", lang);
  }
  return { ctx, page, errors };
}

test("a shortened link resumes at the next question instead of answering from defaults", async () => {
  const { ctx, page, errors } = await open("#v=1&asOf=2026-11-30&insurerKind=kokuho&oldCardHe");
  await page.waitForSelector("form.question[data-field]");
  assert.equal(await page.locator("[data-section=docs]").count(), 0, "no answer built from defaults");
  assert.ok((await textOf(page.locator("#app .notice"))).includes(plain("ja", "ui.link.resume")));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a link with an impossible date drops it with a notice, asks again, and Back never leaves a blank page", async () => {
  const { ctx, page, errors } = await open("#v=1&asOf=2026-11-30&situation=normal&hasMyNumberCard=0&shikakuKakuninshoHeld=0&oldCardHeld=1&oldCardPrintedExpiry=2025-02-30");
  await page.waitForSelector("#app h1");
  assert.ok((await textOf(page.locator("#app .notice"))).includes(plain("ja", "ui.link.dropped")));
  for (let i = 0; i < 3; i++) {
    const back = page.locator(".back-link");
    if (!(await back.count())) break;
    await back.click();
    assert.ok((await page.locator("#app h1").count()) === 1, "a screen with a heading after 戻る");
  }
  await page.goBack().catch(() => {});
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("the answer carries the caveat (guidance; the insurer or clinic decides) once, not again in the page footer", async () => {
  const { ctx, page, errors } = await open("#v=1&asOf=2026-11-30&birthDate=1950-01-02&situation=normal&hasMyNumberCard=0&shikakuKakuninshoHeld=0&oldCardHeld=1");
  await page.waitForSelector("[data-section=docs]");
  const caveat = plain("ja", "ui.app.disclaimer");
  assert.equal(await page.locator("[data-disclaimer]").count(), 1);
  assert.equal(await textOf(page.locator("[data-disclaimer]")), caveat);
  assert.ok(!(await textOf(page.locator(".site-footer"))).includes(caveat), "said once, with the answer");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("「回答を消す」 leaves nothing personal in history: Back never shows the answers again", async () => {
  const hash = "#v=1&asOf=2026-11-30&birthDate=1950-01-02&situation=normal&hasMyNumberCard=0&shikakuKakuninshoHeld=0&oldCardHeld=1";
  const { ctx, page } = await open("");
  await page.goto(srv.url + hash);
  await page.waitForSelector("[data-section=docs]");
  await page.click("[data-change]", { trial: false }).catch(() => {}); // not on the answer: fine
  await page.click("[data-action=clear]");
  await page.waitForSelector('form[data-screen="start"]');
  assert.ok(!page.url().includes("#"), page.url());
  const seen = [page.url()];
  for (let i = 0; i < 6; i++) {
    const before = page.url();
    await page.goBack({ timeout: 2000 }).catch(() => {});
    if (page.url() === before) break;
    seen.push(page.url());
  }
  assert.ok(seen.every((u) => !u.includes("birthDate")), seen.join("\n"));
  await ctx.close();
});

test("without JavaScript: no endless 「読み込み中」, the essential rules and where to ask", async () => {
  const { ctx, page } = await open("", { js: false });
  const body = await textOf(page.locator("body"));
  assert.ok(!body.includes("読み込み中"), "no loading text");
  assert.ok(await page.isVisible("#static-rules"));
  assert.ok(body.includes("JavaScript"), "says why");
  assert.ok(body.includes("市区町村の窓口"), "says where to ask");
  await ctx.close();
});

test("date forms: 「令和7年7月31」 (no 日) is read, 「令和99年1月1日」 is refused", async () => {
  const { ctx, page } = await open("#v=1&situation=normal&hasMyNumberCard=0&shikakuKakuninshoHeld=1");
  await page.waitForSelector('form.question[data-field="shikakuKakuninshoExpiry"]');
  await page.click('label[for="q-shikakuKakuninshoExpiry-date"]');
  await page.fill("#q-shikakuKakuninshoExpiry-d-text", "令和99年1月1日");
  await page.click("[data-action=continue]");
  await page.waitForSelector("#q-shikakuKakuninshoExpiry-d-err");
  assert.equal(await textOf(page.locator("#q-shikakuKakuninshoExpiry-d-err")), "! " + plain("ja", "ui.err.dateTooFar"));
  await page.fill("#q-shikakuKakuninshoExpiry-d-text", "令和7年7月31");
  await page.click("[data-action=continue]");
  await page.waitForSelector('form.question[data-field="oldCardHeld"]');
  await ctx.close();
});
