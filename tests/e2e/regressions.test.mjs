// Regression tests for each defect listed in issue 7, one test per defect, each through the
// page in Chromium. Expected texts come from the rules (RULES.md) and the catalogs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, plain, expectedDate, textOf } from "./helpers.mjs";
import { PERSONAS, runPersona, PHONE } from "./personas.mjs";

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });
const persona = (id) => PERSONAS.find((p) => p.id === id);

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

test("R-MYNA-3: an e-certificate that expired on 2026-09-15 worked until 2026-12-31 — the date on screen is the grace end", async () => {
  // RULES.md R-MYNA-3: usable until the end of the third month after the month of expiry.
  const r = await runPersona(browser, srv.url, persona("P02"));
  try {
    const line = await textOf(r.page.locator("[data-section=docs] [data-doc=mynahokensho]"));
    assert.ok(line.includes(plain("ja", "ui.verdict.ended", { date: expectedDate("2026-12-31", "ja") })), line);
    assert.ok(!line.includes(expectedDate("2026-09-15", "ja")), `not the certificate's expiry: ${line}`);
  } finally { await r.ctx.close(); }
});

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

test("「戻る」 after 「変更」 returns to 回答の確認", async () => {
  const r = await runPersona(browser, srv.url, persona("P07"));
  try {
    await r.page.click(".back-link"); // answer → check
    await r.page.waitForSelector("dl.summary");
    await r.page.click('[data-change="oldCardHeld"]');
    await r.page.waitForSelector('form.question[data-field="oldCardHeld"]');
    await r.page.click(".back-link");
    await r.page.waitForSelector("dl.summary");
  } finally { await r.ctx.close(); }
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

test("an unknown expiry is never a plain ✓, and says why", async () => {
  const r = await runPersona(browser, srv.url, persona("P13"));
  try {
    const line = r.page.locator("[data-section=docs] [data-doc=mynahokensho]");
    assert.equal(await line.getAttribute("class"), "doc-line verdict tone-maybe");
    assert.ok((await textOf(line)).includes(plain("ja", "ui.unsure.probably")));
    assert.ok((await textOf(r.page.locator("[data-caveat]"))).includes(plain("ja", "ui.unsure.caveat")));
  } finally { await r.ctx.close(); }
});

test("answer wording: certainty once, rules-as-of once, no data hash on screen, no nested brackets", async () => {
  const r = await runPersona(browser, srv.url, persona("P04"));
  try {
    await r.page.click("details.more > summary");
    // What is on screen (innerText leaves out what only the printout shows).
    const main = await r.page.evaluate(() => {
      const c = document.getElementById("app").cloneNode(true);
      c.querySelectorAll("rt, .print-only").forEach((e) => e.remove());
      return c.textContent.replace(/\s+/g, " ");
    });
    assert.ok(!main.includes("(" + plain("ja-easy", "certainty.unverified") + ")"), "no second certainty label");
    const asOfText = plain("ja-easy", "window.rulesAsOf", { date: "" }).slice(0, 6);
    assert.equal(main.split(asOfText).length - 1, 1, "rules as of: once");
    assert.ok(!/fnv1a64/.test(main), "no data hash on screen");
    assert.ok(!/\([^()]*\([^()]*\)\)/.test(main), "no nested brackets");
  } finally { await r.ctx.close(); }
});

test("the reception card carries the help asked for (R-MYNA-6)", async () => {
  const r = await runPersona(browser, srv.url, persona("P04"));
  try {
    await r.page.click("[data-action=reception]");
    await r.page.waitForSelector(".reception");
    assert.ok((await textOf(r.page.locator(".reception"))).includes(plain("ja", "ui.reception.help")));
    assert.ok((await textOf(r.page.locator(".reception"))).includes(plain("ja", "assist.visualCheck")));
  } finally { await r.ctx.close(); }
});

test("school trip: alternatives read as 「どれか1つ」, and a photocopy of the My Number card is useless (R-OSHI-2)", async () => {
  const r = await runPersona(browser, srv.url, persona("P05"));
  try {
    const bring = await textOf(r.page.locator("[data-section=bring]"));
    assert.ok(bring.includes(plain("ja", "ui.bring.any")), bring);
    assert.ok(bring.includes(plain("ja", "ui.trip.noPhotocopy")), bring);
    assert.equal(await r.page.locator("[data-section=bring] ol").count(), 0, "not a numbered list");
  } finally { await r.ctx.close(); }
});

test("a 資格確認書 that should already have come: say so and whom to contact (not 「これから届きます」)", async () => {
  const r = await runPersona(browser, srv.url, { ...persona("P01"), answers: { ...persona("P01").answers, insurerKind: "kokuho" } });
  try {
    const todo = await textOf(r.page.locator("[data-section=todo]"));
    assert.ok(todo.includes(plain("ja", "ui.todo.kakuninshoShouldHaveArrived", { date: expectedDate("2025-12-01", "ja") }).slice(0, 20)), todo);
    assert.ok(!(await textOf(r.page.locator("#app"))).includes(plain("ja", "status.onTheWay")));
  } finally { await r.ctx.close(); }
});

test("English page: every Japanese text inside it is marked lang=ja", async () => {
  const r = await runPersona(browser, srv.url, persona("P03"));
  try {
    await r.page.click("details.more > summary");
    const bad = await r.page.evaluate(() => {
      const out = [];
      const w = document.createTreeWalker(document.getElementById("app"), NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        if (!/[\u3040-\u30ff\u3400-\u9fff]/.test(n.textContent)) continue;
        if (n.parentElement.closest("[lang]").getAttribute("lang") !== "ja") out.push(n.textContent.trim());
      }
      return out;
    });
    assert.deepEqual(bad, []);
  } finally { await r.ctx.close(); }
});
