// A journey with the keyboard only (Tab, arrows, Space, Enter — no clicks), with a visible focus
// indicator on every control reached; a journey at 320 CSS px (reflow: nothing scrolls
// sideways), with reduced motion; the print view; and screenshots at phone and desktop widths.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, answerAll, scenarios, tabTo, checkAnswer, RESULTS, activeId } from "./helpers.mjs";

const ALL = scenarios();
let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** Whether the focused control shows a focus indicator (for the hidden radio/checkbox inputs,
 * the indicator is drawn on the label's ::before box). */
function focusVisible(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return "nothing focused";
    const target = el.classList.contains("choice-input") ? [el.nextElementSibling, "::before"] : [el, null];
    const st = getComputedStyle(target[0], target[1]);
    const ok = (st.outlineStyle !== "none" && parseFloat(st.outlineWidth) >= 2) || (st.boxShadow && st.boxShadow !== "none");
    return ok ? true : `${el.tagName}#${el.id} has no focus indicator`;
  });
}

test("keyboard only: a complete journey (C022, 後期, dates as 和暦) with visible focus throughout", async () => {
  const sc = ALL.C022;
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 800 }, serviceWorkers: "block" });
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector("html[data-ready]");
  // The skip link is the first Tab stop.
  await page.keyboard.press("Tab");
  assert.equal(await activeId(page), "skip-link");
  assert.equal(await focusVisible(page), true);
  const focusChecks = [];
  await answerAll(page, sc.situation, {
    keyboard: true, dates: "wareki",
    onScreen: async (p, field) => {
      const r = await focusVisible(p);
      focusChecks.push(r === true ? true : `${field}: ${r}`);
    },
  });
  assert.deepEqual(focusChecks.filter((x) => x !== true), []);
  await page.waitForSelector("dl.summary");
  await tabTo(page, "[data-action=see-answer]");
  assert.equal(await focusVisible(page), true);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-section=docs]");
  // Focus moved to the answer's heading, so a screen reader starts there.
  assert.equal(await activeId(page), "page-title");
  await checkAnswer(page, sc, "ja");
  // The reception card and back, by keyboard.
  await tabTo(page, "[data-action=reception]");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".reception");
  await tabTo(page, "[data-action=close]");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-section=docs]");
  // Language switch by keyboard keeps the answer.
  await tabTo(page, '#langs button[data-lang="en"]');
  assert.equal(await focusVisible(page), true);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await checkAnswer(page, sc, "en");
  await ctx.close();
});

test("320 px wide with reduced motion: a complete journey (C057) never scrolls sideways", async () => {
  const sc = ALL.C057;
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, reducedMotion: "reduce", serviceWorkers: "block" });
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector("html[data-ready]");
  const overflow = [];
  const check = async (where) => {
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    if (w > 320) overflow.push(`${where}: ${w}px`);
  };
  await answerAll(page, sc.situation, {
    dates: "text",
    onScreen: async (p, field) => {
      await check(field);
      if (field === "birthDate") await p.screenshot({ path: path.join(RESULTS, "width-320-q-birthDate.png"), fullPage: true });
    },
  });
  await check("check answers");
  await page.click("[data-action=see-answer]");
  await page.waitForSelector("[data-section=docs]");
  await page.waitForTimeout(150);
  await check("answer");
  await page.screenshot({ path: path.join(RESULTS, "width-320-answer.png"), fullPage: true });
  await checkAnswer(page, sc, "ja");
  for (const lg of ["en", "ja-easy"]) {
    await page.click(`#langs button[data-lang="${lg}"]`);
    await page.waitForFunction((l) => document.querySelector(`#langs button[data-lang="${l}"]`).getAttribute("aria-pressed") === "true", lg);
    await page.waitForTimeout(100);
    await check("answer " + lg);
  }
  await page.click("[data-action=reception]");
  await check("reception");
  assert.deepEqual(overflow, []);
  // The base font size is at least 16 px (18 px by design).
  assert.ok(parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize)) >= 16);
  await ctx.close();
});

test("200 % zoom (1280 px at 2× = 640 CSS px): the answer reflows without sideways scrolling", async () => {
  const sc = ALL.C014;
  const ctx = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2, serviceWorkers: "block" });
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector("html[data-ready]");
  await answerAll(page, sc.situation, { dates: "fields" });
  await page.click("[data-action=see-answer]");
  await page.waitForSelector("[data-section=docs]");
  await page.waitForTimeout(150);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 640);
  await checkAnswer(page, sc, "ja");
  await ctx.close();
});

test("screenshots at 390 px and 1280 px, and the print view", async () => {
  const sc = ALL.C014;
  for (const [w, h] of [[390, 844], [1280, 900]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: "block" });
    const page = await ctx.newPage();
    await page.goto(srv.url);
    await page.waitForSelector("html[data-ready]");
    await page.screenshot({ path: path.join(RESULTS, `screen-${w}-first-question.png`), fullPage: true });
    await answerAll(page, sc.situation, { dates: "fields" });
    await page.screenshot({ path: path.join(RESULTS, `screen-${w}-check.png`), fullPage: true });
    await page.click("[data-action=see-answer]");
    await page.waitForSelector("[data-section=docs]");
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(RESULTS, `screen-${w}-answer.png`), fullPage: true });
    await page.click("[data-action=reception]");
    await page.waitForSelector(".reception");
    await page.screenshot({ path: path.join(RESULTS, `screen-${w}-reception.png`), fullPage: true });
    if (w === 1280) {
      await page.click("[data-action=close]");
      await page.waitForSelector("[data-section=docs]");
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.isVisible("[data-section=keep]"), false, "buttons are not printed");
      assert.equal(await page.isVisible(".site-header"), false);
      assert.equal(await page.isVisible("[data-section=docs]"), true);
      await page.screenshot({ path: path.join(RESULTS, "screen-print-answer.png"), fullPage: true });
      await page.emulateMedia({ media: "screen" });
    }
    await ctx.close();
  }
});
