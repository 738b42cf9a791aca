// The persona table (issue 7): people who use the page, each a whole journey through the UI in
// Chromium — start screen, every question the page asks, the check-answers screen, the answer —
// counting questions and screens, and whether the one thing to do now is inside the first
// phone screen of the answer (390×844, no scrolling). Used by tests/e2e/personas.test.mjs and
// scripts/personas.mjs (which prints the table).
//
// `answers` answers each question the page may ask: true/false, a date "YYYY-MM-DD", an option
// id, null (no / not printed / rather not say) or "?" (I don't know). A question the page asks
// that is not in `answers` fails the journey (the table must say what each person would say).
import { answerAll } from "./helpers.mjs";

export const COMMON_MAX_QUESTIONS = 8;
export const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const myna = (ecertExpiry, cardExpiry = "2031-04-01") => ({
  hasMyNumberCard: true, registeredForInsurance: true, myNumberCardExpiry: cardExpiry, ecertExpiry,
});

export const PERSONAS = [
  { id: "P01", who: "self", lang: "ja", asOf: "2026-11-29", common: "old card only",
    text: "72, 国保, old paper card only, no マイナ保険証",
    answers: { situation: "normal", hasMyNumberCard: false, shikakuKakuninshoHeld: false, oldCardHeld: true } },
  { id: "P02", who: "self", lang: "ja", asOf: "2027-01-10", common: "マイナ保険証 after grace", viewport: DESKTOP,
    text: "employee, 協会けんぽ, e-certificate expired 2026-09-15 (desktop)",
    answers: { situation: "normal", ...myna("2026-09-15"), shikakuKakuninshoHeld: false, oldCardHeld: false } },
  { id: "P03", who: "self", lang: "en", asOf: "2026-11-29", common: "no マイナ保険証",
    text: "foreign resident, 健保組合, card never registered",
    answers: { situation: "normal", hasMyNumberCard: true, registeredForInsurance: false, shikakuKakuninshoHeld: false, oldCardHeld: false } },
  { id: "P04", who: "self", lang: "ja-easy", asOf: "2026-11-29", common: "後期",
    text: "80, 後期高齢者, finds the reader hard",
    answers: { situation: "assistanceNeeded", ...myna("2030-01-01", "2030-01-01"), shikakuKakuninshoHeld: true,
      shikakuKakuninshoExpiry: "2027-07-31", oldCardHeld: false, insurerKind: "kokiKoreisha", kokiRegion: "other" } },
  { id: "P05", who: "child", lang: "ja", asOf: "2026-11-29", common: "school trip",
    text: "parent: what does my child take on a school trip",
    answers: { situation: "schoolTrip", ...myna("2030-01-01"), shikakuKakuninshoHeld: false, oldCardHeld: false,
      shikakuJohoOshiraseHeld: true, difficultyUsingCard: false, kakuninshoApplicationMade: false } },
  { id: "P06", who: "self", lang: "ja", asOf: "2026-11-29", common: "マイナ保険証 in grace",
    text: "e-certificate expired 2026-10-20, inside the grace period",
    answers: { situation: "normal", ...myna("2026-10-20"), shikakuKakuninshoHeld: false, oldCardHeld: false } },
  { id: "P07", who: "self", lang: "ja", asOf: "2026-11-29", common: "no My Number card",
    text: "no My Number card, holds a 資格確認書",
    answers: { situation: "normal", hasMyNumberCard: false, shikakuKakuninshoHeld: true, shikakuKakuninshoExpiry: "2030-11-30", oldCardHeld: false } },
  { id: "P08", who: "self", lang: "en", asOf: "2026-11-29", common: "lost card",
    text: "lost the My Number card",
    answers: { situation: "lostMyNumberCard", shikakuKakuninshoHeld: false, oldCardHeld: false, kakuninshoApplicationMade: false,
      hasMyNumberCard: true, registeredForInsurance: true } },
  { id: "P09", who: "self", lang: "ja", asOf: "2026-11-29", common: "new job",
    text: "just changed jobs, old employer's card still at home",
    answers: { situation: "newQualification", ...myna("2030-01-01"), shikakuKakuninshoHeld: false, oldCardHeld: true,
      oldCardPrintedExpiry: null, qualificationLostDate: "2026-10-31", shikakuJohoOshiraseHeld: false, insurerKind: "kyokaiKenpo", birthDate: "1985-01-01" } },
  { id: "P10", who: "family", lang: "ja-easy", asOf: "2026-11-29",
    text: "helps a parent before a hospital stay (high cost)",
    answers: { situation: "highCost", ...myna("2030-01-01"), shikakuKakuninshoHeld: false, oldCardHeld: false } },
  { id: "P11", who: "self", lang: "en", asOf: "2026-11-29",
    text: "medical expense deduction (tax)",
    answers: { situation: "taxDeduction", ...myna("2030-01-01"), shikakuKakuninshoHeld: false, oldCardHeld: false } },
  { id: "P12", who: "self", lang: "ja", asOf: "2026-11-29",
    text: "at the window, the reader failed; has the お知らせ",
    answers: { situation: "readerFailure", ...myna("2030-01-01"), shikakuKakuninshoHeld: false, oldCardHeld: false,
      shikakuJohoOshiraseHeld: true, documentsPresented: ["mynacardPlusOshirase"] } },
  { id: "P13", who: "self", lang: "ja", asOf: "2026-11-29",
    text: "unsure: does not know the certificate's expiry",
    answers: { situation: "normal", hasMyNumberCard: true, registeredForInsurance: true, myNumberCardExpiry: "?", ecertExpiry: "?",
      shikakuKakuninshoHeld: false, oldCardHeld: false } },
  { id: "P14", who: "family", lang: "en", asOf: "2026-11-29",
    text: "helps a parent who does not know what they hold",
    answers: { situation: "normal", hasMyNumberCard: "?", shikakuKakuninshoHeld: "?", oldCardHeld: true, insurerKind: "?" } },
];

/** Runs one persona's whole journey in a fresh context. Returns the figures and the page (the
 * caller closes `ctx`). */
export async function runPersona(browser, url, p, { shots } = {}) {
  const ctx = await browser.newContext({ viewport: p.viewport || PHONE, serviceWorkers: "block" });
  const page = await ctx.newPage();
  // "Today" is the persona's day, so no date question is needed.
  await page.clock.setFixedTime(new Date(`${p.asOf}T10:00:00+09:00`));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector("html[data-ready]");
  if (p.lang !== "ja") {
    await page.click(`#langs button[data-lang="${p.lang}"]`);
    await page.waitForFunction((l) => document.querySelector(`#langs button[data-lang="${l}"]`).getAttribute("aria-pressed") === "true", p.lang);
  }
  let screens = 1; // the start screen
  if (shots) await shots(page, "start");
  const missing = [];
  const asked = await answerAll(page, new Proxy(p.answers, {
    get: (t, k) => { if (typeof k === "string" && !(k in t) && k !== "asOf") missing.push(k); return t[k]; },
  }), { who: p.who, dates: "fields", onScreen: async (pg, field) => { screens++; if (shots && screens === 2) await shots(pg, "q-" + field); } });
  await page.waitForSelector("dl.summary");
  screens++;
  await page.click("[data-action=see-answer]");
  await page.waitForSelector("[data-section=docs]");
  screens++;
  await page.evaluate(() => window.scrollTo(0, 0));
  const vh = (p.viewport || PHONE).height;
  const inView = await page.evaluate((h) => {
    const root = document.querySelector("hoken-check").shadowRoot;
    const el = root.querySelector("[data-section=todo]");
    const docs = root.querySelector("[data-section=docs]");
    if (!el || !docs) return false;
    return el.getBoundingClientRect().bottom <= h && docs.getBoundingClientRect().top >= 0;
  }, vh);
  if (shots) await shots(page, "answer");
  return { ctx, page, asked, questions: asked.length, screens, inView, missing, errors };
}
