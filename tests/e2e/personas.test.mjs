// The persona table as a test: every persona's journey completes without a page error, asks
// only questions the persona can answer, puts the one thing to do now inside the first
// 390×844 answer screen (phone personas), and the common cases (issue 7) ask at most 8
// questions; then the persona's regression checks (CHECKS) run on its answer page.
// `node scripts/personas.mjs` prints the same table.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, plain, expectedDate, textOf } from "./helpers.mjs";
import { PERSONAS, COMMON_MAX_QUESTIONS, runPersona } from "./personas.mjs";

// Regression tests of issue 7 that need a whole journey run on the persona's answer page (one
// journey each instead of two; e2e time on 2 cores).
const CHECKS = {
  P02: async (page) => {
    // R-MYNA-3: an e-certificate that expired on 2026-09-15 worked until 2026-12-31 — the date on screen is the grace end
    const line = await textOf(page.locator("[data-section=docs] [data-doc=mynahokensho]"));
    assert.ok(line.includes(plain("ja", "ui.verdict.ended", { date: expectedDate("2026-12-31", "ja") })), line);
    assert.ok(!line.includes(expectedDate("2026-09-15", "ja")), `not the certificate's expiry: ${line}`);
  
  },
  P07: async (page) => {
    // 「戻る」 after 「変更」 returns to 回答の確認
    await page.click(".back-link"); // answer → check
    await page.waitForSelector("dl.summary");
    await page.click('[data-change="oldCardHeld"]');
    await page.waitForSelector('form.question[data-field="oldCardHeld"]');
    await page.click(".back-link");
    await page.waitForSelector("dl.summary");
  
  },
  P13: async (page) => {
    // an unknown expiry is never a plain ✓, and says why
    const line = page.locator("[data-section=docs] [data-doc=mynahokensho]");
    assert.equal(await line.getAttribute("class"), "doc-line verdict tone-maybe");
    assert.ok((await textOf(line)).includes(plain("ja", "ui.unsure.probably")));
    assert.ok((await textOf(page.locator("[data-caveat]"))).includes(plain("ja", "ui.unsure.caveat")));
  
  },
  P04: async (page) => {
    // answer wording: certainty once, rules-as-of once, no data hash on screen, no nested brackets
    await page.click("details.more > summary");
    // What is on screen (innerText leaves out what only the printout shows).
    const main = await page.evaluate(() => {
      const c = document.querySelector("hoken-check").shadowRoot.getElementById("app").cloneNode(true);
      c.querySelectorAll("rt, .print-only").forEach((e) => e.remove());
      return c.textContent.replace(/\s+/g, " ");
    });
    assert.ok(!main.includes("(" + plain("ja-easy", "certainty.unverified") + ")"), "no second certainty label");
    const asOfText = plain("ja-easy", "window.rulesAsOf", { date: "" }).slice(0, 6);
    assert.equal(main.split(asOfText).length - 1, 1, "rules as of: once");
    assert.ok(!/fnv1a64/.test(main), "no data hash on screen");
    assert.ok(!/\([^()]*\([^()]*\)\)/.test(main), "no nested brackets");
  
    // the reception card carries the help asked for (R-MYNA-6)
    await page.click("[data-action=reception]");
    await page.waitForSelector(".reception");
    assert.ok((await textOf(page.locator(".reception"))).includes(plain("ja", "ui.reception.help")));
    assert.ok((await textOf(page.locator(".reception"))).includes(plain("ja", "assist.visualCheck")));
  
  },
  P05: async (page) => {
    // school trip: alternatives read as 「どれか1つ」, and a photocopy of the My Number card is useless (R-OSHI-2)
    const bring = await textOf(page.locator("[data-section=bring]"));
    assert.ok(bring.includes(plain("ja", "ui.bring.any")), bring);
    assert.ok(bring.includes(plain("ja", "ui.trip.noPhotocopy")), bring);
    assert.equal(await page.locator("[data-section=bring] ol").count(), 0, "not a numbered list");
  
  },
  P01: async (page) => {
    // a 資格確認書 that should already have come: say so and whom to contact (not 「これから届きます」)
    const todo = await textOf(page.locator("[data-section=todo]"));
    assert.ok(todo.includes(plain("ja", "ui.todo.kakuninshoShouldHaveArrived", { date: expectedDate("2025-12-01", "ja") }).slice(0, 20)), todo);
    assert.ok(!(await textOf(page.locator("#app"))).includes(plain("ja", "status.onTheWay")));
  
  },
  P03: async (page) => {
    // English page: every Japanese text inside it is marked lang=ja
    await page.click("details.more > summary");
    const bad = await page.evaluate(() => {
      const out = [];
      const w = document.createTreeWalker(document.querySelector("hoken-check").shadowRoot.getElementById("app"), NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        if (!/[\u3040-\u30ff\u3400-\u9fff]/.test(n.textContent)) continue;
        if (n.parentElement.closest("[lang]").getAttribute("lang") !== "ja") out.push(n.textContent.trim());
      }
      return out;
    });
    assert.deepEqual(bad, []);
  
  },
};

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("the table has at least 12 personas, including the five of issue 7", () => {
  assert.ok(PERSONAS.length >= 12);
  for (const id of ["P01", "P02", "P03", "P04", "P05"]) assert.ok(PERSONAS.some((p) => p.id === id), id);
});

for (const p of PERSONAS) {
  test(`persona ${p.id} (${p.lang}): ${p.text}`, async () => {
    const r = await runPersona(browser, srv.url, p);
    try {
      assert.deepEqual(r.errors, [], "no page error");
      assert.deepEqual(r.missing, [], `asked something the table does not answer: ${r.asked.join(", ")}`);
      if (p.common) assert.ok(r.questions <= COMMON_MAX_QUESTIONS, `${p.common}: ${r.questions} questions (${r.asked.join(", ")})`);
      assert.ok(r.inView, "the verdicts and the thing to do now are in the first answer screen");
      if (CHECKS[p.id]) await CHECKS[p.id](r.page);
    } finally {
      await r.ctx.close();
    }
  });
}
