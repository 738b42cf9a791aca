// axe-core (WCAG 2.0/2.1/2.2 A and AA tags) on every screen the page shows: each question
// screen met on a journey (with its date fields revealed), error states, check answers, the
// answer, the reception card and the link box — in each language — and the static page that old
// browsers get. Zero violations allowed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { serve, launch, answerAll, scenarios, setAsOf } from "./helpers.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const ALL = scenarios();
let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function axe(page, where, seen) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  assert.deepEqual(v, [], `axe violations on ${where}`);
  seen.push(where);
}

// Journeys chosen to meet every kind of question (choice, yes/no, dates with their fields
// revealed, checkboxes) and the answer page's sections (timeline, reader failure, assistance,
// warnings, actions).
const RUNS = [["ja", "C014"], ["en", "C057"], ["ja-easy", "C049"], ["ja", "S-KOKI-009"]];

for (const [lang, id] of RUNS) {
  test(`axe: every screen of journey ${id} in ${lang}`, async () => {
    const seen = [];
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
    const page = await ctx.newPage();
    await page.goto(srv.url);
    await page.waitForSelector("html[data-ready]");
    if (lang !== "ja") {
      await page.click(`#langs button[data-lang="${lang}"]`);
      await page.waitForFunction((l) => document.querySelector(`#langs button[data-lang="${l}"]`).getAttribute("aria-pressed") === "true", lang);
    }
    await axe(page, `${lang} start screen`, seen);
    await setAsOf(page, ALL[id].situation.asOf, {});
    await page.click("[data-action=start]");
    await page.waitForSelector("form.question[data-field]");
    await axe(page, `${lang} first question`, seen);
    // An error state: continue with nothing chosen.
    await page.click("[data-action=continue]");
    await page.waitForSelector(".error-summary");
    await axe(page, `${lang} first question with an error`, seen);
    await answerAll(page, { ...ALL[id].situation, asOf: undefined }, {
      lang, dates: "fields",
      onScreen: (p, field) => axe(p, `${lang} question ${field} (answered)`, seen),
    });
    await page.waitForSelector("dl.summary");
    await axe(page, `${lang} check answers`, seen);
    // The "another date" question from the check page, with a date error.
    await page.click('[data-change="asOf"]');
    await page.waitForSelector('form.question[data-field="asOf"]');
    await page.click('label[for="q-asOf-date"]');
    await page.fill("#q-asOf-d-text", "");
    await page.fill("#q-asOf-d-m", "2");
    await page.fill("#q-asOf-d-day", "30");
    await page.click("[data-action=continue]");
    await page.waitForSelector("#q-asOf-d-err");
    await axe(page, `${lang} date question with an error`, seen);
    await page.click('label[for="q-asOf-today"]');
    await page.click("[data-action=continue]");
    // Another date may make other questions matter: answer them too.
    await answerAll(page, { ...ALL[id].situation, asOf: undefined }, { lang, dates: "fields" });
    await page.waitForSelector("dl.summary");
    await page.click("[data-action=see-answer]");
    await page.waitForSelector("[data-section=docs]");
    await page.waitForTimeout(100);
    await axe(page, `${lang} answer`, seen);
    await page.click("[data-action=link]");
    await page.waitForSelector("#link-url");
    await axe(page, `${lang} answer with the link box`, seen);
    await page.click("[data-action=reception]");
    await page.waitForSelector(".reception");
    await axe(page, `${lang} reception card`, seen);
    // Wide screen too.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click("[data-action=close]");
    await page.waitForSelector("[data-section=docs]");
    await axe(page, `${lang} answer at 1280px`, seen);
    assert.ok(seen.length >= 10, `screens checked: ${seen.join(", ")}`);
    await ctx.close();
  });
}

test("without WebAssembly (old browser, iOS Lockdown Mode): the essential rules and why, with no axe violation", async () => {
  const ctx = await browser.newContext({ serviceWorkers: "block" });
  await ctx.addInitScript(() => { delete globalThis.WebAssembly; });
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector("#static-why:not([hidden])");
  assert.equal(await page.isVisible("#static-rules"), true, "essential rules visible");
  assert.match(await page.textContent("#static-why"), /WebAssembly/);
  await axe(page, "static rules without WebAssembly", []);
  await ctx.close();
});

test("without JavaScript the essential rules are shown", async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(srv.url);
  assert.equal(await page.isVisible("#static-rules"), true);
  assert.match(await page.textContent("#static-rules"), /2025年12月1日/);
  await ctx.close();
});
