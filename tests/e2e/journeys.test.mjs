// Complete journeys through the page, one per scenario, in all three languages: every question
// is answered through the UI from the scenario's Situation, and the answer page must show the
// verdicts and dates of the scenario's expectedSummary (expected texts come from the summary and
// the catalogs, never from running the page).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, answerAll, scenarios, plain, expectedDate, textOf, checkAnswer, RESULTS, activeId } from "./helpers.mjs";

const ALL = scenarios();
// [scenario id, language, how dates are typed, widths to keep screenshots at]
const JOURNEYS = [
  ["C001", "ja", "fields", [390, 1280]],
  ["C003", "ja", "wareki"],
  ["C005", "ja", "text"],
  ["C012", "ja", "wareki"],
  ["C022", "ja", "fields"],
  ["C036", "ja", "text", [390]],
  ["S-OLD-016", "ja", "wareki"],
  ["S-KOKI-009", "ja", "fields"],
  ["S-MYNA-029", "ja", "text"],
  ["C014", "en", "fields", [390, 1280]],
  ["C037", "en", "text"],
  ["C049", "en", "fields"],
  ["C062", "en", "wareki"],
  ["S-WIN-016", "en", "fields"],
  ["C026", "ja-easy", "wareki", [390, 1280]],
  ["C054", "ja-easy", "fields"],
  ["C070", "ja-easy", "text"],
  ["C076", "ja-easy", "fields"],
  ["S-OLD-011", "ja-easy", "wareki"],
];

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

for (const [id, lang, dates, widths] of JOURNEYS) {
  test(`journey ${id} in ${lang} (dates typed as ${dates}): ${ALL[id].description.slice(0, 90)}`, async () => {
    const sc = ALL[id];
    const ctx = await browser.newContext({ viewport: { width: widths ? widths[0] : 1024, height: 900 }, serviceWorkers: "block" });
    const page = await ctx.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(srv.url);
    await page.waitForSelector("html[data-ready]");
    if (lang !== "ja") {
      await page.click(`#langs button[data-lang="${lang}"]`);
      await page.waitForFunction((l) => document.querySelector(`#langs button[data-lang="${l}"]`).getAttribute("aria-pressed") === "true", lang);
    }
    const shots = async (name) => {
      for (const w of widths || []) {
        await page.setViewportSize({ width: w, height: 900 });
        await page.waitForTimeout(80);
        await page.screenshot({ path: path.join(RESULTS, `journey-${id}-${lang}-${name}-${w}.png`), fullPage: true });
      }
      if (widths) await page.setViewportSize({ width: widths[0], height: 900 });
    };
    let first = true;
    await answerAll(page, sc.situation, { lang, dates, onScreen: async (p, field) => { if (first) { first = false; await shots("q-" + field); } } });
    await page.waitForSelector("dl.summary");
    await shots("check");
    await page.click("[data-action=see-answer]");
    await page.waitForSelector("[data-section=docs]");
    // The date checked is the scenario's asOf.
    assert.ok((await textOf(page.locator(".as-of"))).includes(expectedDate(sc.situation.asOf, lang)), `${id}: asOf shown`);
    await checkAnswer(page, sc, lang);
    await shots("answer");
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test("switching language keeps the answers (C014: ja → en → やさしい日本語)", async () => {
  const sc = ALL.C014;
  const ctx = await browser.newContext({ serviceWorkers: "block" });
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector("html[data-ready]");
  let n = 0, k = 0;
  const order = ["en", "ja-easy", "ja"];
  await answerAll(page, sc.situation, {
    dates: "fields",
    onScreen: async (p, field) => {
      // Switch language in the middle of a question, with the answer chosen but not yet submitted.
      if (++n % 4 === 2) {
        const lg = order[k++ % 3];
        await p.click(`#langs button[data-lang="${lg}"]`);
        await p.waitForFunction((l) => document.querySelector(`#langs button[data-lang="${l}"]`).getAttribute("aria-pressed") === "true", lg);
        assert.equal(await p.getAttribute("form.question", "data-field"), field, "same question after switching");
      }
    },
  });
  for (const lg of ["en", "ja-easy", "ja"]) {
    await page.click(`#langs button[data-lang="${lg}"]`);
    await page.waitForFunction((l) => document.querySelector(`#langs button[data-lang="${l}"]`).getAttribute("aria-pressed") === "true", lg);
    await page.waitForSelector("dl.summary");
    await page.click("[data-action=see-answer]");
    await page.waitForSelector("[data-section=docs]");
    assert.equal(await page.getAttribute("html", "lang"), lg === "en" ? "en" : "ja");
    await checkAnswer(page, sc, lg);
    await page.click(".back-link");
  }
  await ctx.close();
});

test("back and “change” keep the other answers; a changed answer asks only the new questions", async () => {
  const sc = ALL.C070; // kakuninsho holder without a My Number card
  const ctx = await browser.newContext({ serviceWorkers: "block" });
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector("html[data-ready]");
  const asked = await answerAll(page, sc.situation, { dates: "fields" });
  assert.ok(!asked.includes("ecertExpiry"), "no My Number card: no certificate question");
  // Change "has a My Number card" to yes: the card questions appear, then back to the check page.
  await page.click('[data-change="hasMyNumberCard"]');
  await page.waitForSelector('form.question[data-field="hasMyNumberCard"]');
  assert.equal(await page.isChecked("#q-hasMyNumberCard-no"), true, "the previous answer is selected");
  await page.click('label[for="q-hasMyNumberCard-yes"]');
  await page.click("[data-action=continue]");
  // Registered is asked before the card's dates (issue 7: dependency order).
  await page.waitForSelector('form.question[data-field="registeredForInsurance"]');
  // The browser's own back button returns to the changed question with the new answer kept.
  await page.goBack();
  await page.waitForSelector('form.question[data-field="hasMyNumberCard"]');
  assert.equal(await page.isChecked("#q-hasMyNumberCard-yes"), true);
  await page.goForward();
  await page.waitForSelector('form.question[data-field="registeredForInsurance"]');
  // So does the page's back link.
  await page.click(".back-link");
  await page.waitForSelector('form.question[data-field="hasMyNumberCard"]');
  assert.equal(await page.isChecked("#q-hasMyNumberCard-yes"), true);
  // Change it back: straight to the check page, all other answers as before.
  await page.click('label[for="q-hasMyNumberCard-no"]');
  await page.click("[data-action=continue]");
  await page.waitForSelector("dl.summary");
  const fields = await page.locator("dl.summary .summary-row").evaluateAll((rows) => rows.map((r) => r.dataset.field));
  assert.deepEqual(fields, ["asOf", ...asked]);
  await page.click("[data-action=see-answer]");
  await page.waitForSelector("[data-section=docs]");
  await checkAnswer(page, sc, "ja");
  await ctx.close();
});

test("date errors are tied to their fields; 和暦 as printed and impossible dates", async () => {
  const ctx = await browser.newContext({ serviceWorkers: "block" });
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector("html[data-ready]");
  await page.click("[data-action=start]");
  await page.waitForSelector('form.question[data-field="situation"]');
  await page.click("[data-action=continue]");
  // Nothing chosen: the error summary and the message tied to the group.
  await page.waitForSelector(".error-summary");
  const fieldset = page.locator("form.question fieldset");
  const describedBy = await fieldset.getAttribute("aria-describedby");
  assert.match(describedBy, /q-situation-err/);
  assert.equal(await textOf(page.locator("#q-situation-err")), "! " + plain("ja", "ui.err.choose"));
  assert.equal(await page.evaluate(() => document.querySelector("hoken-check").shadowRoot.activeElement.className), "error-summary");
  for (const [field, choice] of [["situation", "normal"], ["hasMyNumberCard", "no"], ["shikakuKakuninshoHeld", "yes"]]) {
    await page.waitForSelector(`form.question[data-field="${field}"]`);
    await page.click(`label[for="q-${field}-${choice}"]`);
    await page.click("[data-action=continue]");
  }
  const f = "q-shikakuKakuninshoExpiry";
  await page.waitForSelector(`form.question[data-field="shikakuKakuninshoExpiry"]`);
  await page.click(`label[for="${f}-date"]`);
  await page.selectOption(`#${f}-d-cal`, "western");
  await page.fill(`#${f}-d-y`, "2027");
  await page.fill(`#${f}-d-m`, "2");
  await page.fill(`#${f}-d-day`, "29");
  await page.click("[data-action=continue]");
  await page.waitForSelector(`#${f}-d-err`);
  assert.equal(await textOf(page.locator(`#${f}-d-err`)), "! " + plain("ja", "ui.err.dateImpossible"));
  assert.match(await page.getAttribute(`#${f}-d-y`, "aria-describedby"), new RegExp(`${f}-d-err`));
  assert.equal(await page.getAttribute(`#${f}-d-y`, "aria-invalid"), "true");
  // The error summary link moves focus to the field.
  await page.click(".error-summary a");
  assert.equal(await activeId(page), `${f}-d-y`);
  // Full-width 和暦 as printed on a card.
  await page.fill(`#${f}-d-y`, "");
  await page.fill(`#${f}-d-m`, "");
  await page.fill(`#${f}-d-day`, "");
  await page.fill(`#${f}-d-text`, "令和１２年１月２日");
  await page.click("[data-action=continue]");
  await page.waitForSelector('form.question[data-field="oldCardHeld"]');
  await page.click(".back-link");
  await page.waitForSelector('form.question[data-field="shikakuKakuninshoExpiry"]');
  // Shown back in the 年/月/日 fields (令和12 = 2030).
  assert.equal(await page.inputValue(`#${f}-d-cal`), "reiwa");
  assert.equal(await page.inputValue(`#${f}-d-y`), "12");
  assert.equal(await page.inputValue(`#${f}-d-m`), "1");
  assert.equal(await page.inputValue(`#${f}-d-day`), "2");
  await ctx.close();
});
