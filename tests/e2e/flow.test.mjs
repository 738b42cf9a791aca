// The page's pure modules in Node, without a browser: the question walk over every scenario
// (asking only what the engine says matters must still give each scenario's expectedSummary),
// the link fragment round trip, 和暦 formatting at era boundaries and "today in Japan".
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, scenarios } from "./helpers.mjs";
import { QUESTIONS, walk, encodeAnswers, decodeAnswers, answerOf } from "../../www/flow.js";
import { wareki, dateParts, todayInJapan, useCalendar } from "../../www/i18n.js";

const engine = await import(path.join(ROOT, "dist", "node.js"));
useCalendar(engine.toWareki); // as the page does once the engine is loaded

/** The answers a person would give for a Situation: null answered with the question's first
 * "null" option (no / not printed / don't know / rather not say). */
function answersFor(sit) {
  const answers = { asOf: { v: sit.asOf, c: "date" } };
  for (const [f, q] of Object.entries(QUESTIONS)) {
    if (f === "asOf" || q.page) continue;
    const v = sit[f] === undefined ? null : sit[f];
    if (q.kind === "multi") answers[f] = answerOf(f, "list", v || []);
    else if (v === null) answers[f] = { v: null, c: (q.nulls[0] || ["unknown"])[0] };
    else if (q.kind === "bool") answers[f] = answerOf(f, v && f === "registeredForInsurance" && sit.registrationCancelledDate ? "cancelled" : v ? "yes" : "no");
    else if (q.kind === "date") answers[f] = { v, c: "date" };
    else answers[f] = answerOf(f, v);
  }
  return answers;
}

/** The part of a summary the questions must get right, as src/guide.rs `decision` documents
 * it: what is usable, until when, the copay and the best document; the whole list only for a
 * school trip or nursery (R-OSHI-2); a dead card's last day and the route to a 資格確認書
 * while something usable is held are details not asked for. (Written here from that
 * documentation, so a change there must be made here too.) */
function decision(sit, sum) {
  const d = { ...sum, documentsToShow: [...sum.documentsToShow] };
  if (d.oldCardValid !== true) d.oldCardValidUntil = null;
  if (d.documentsToShow.length) d.kakuninshoRoute = "notNeeded";
  if (!d.kakuninshoValid) d.documentsToShow = d.documentsToShow.filter((x) => x !== "shikakuKakuninsho");
  // CONTRACT.md part 3: the 高齢受給者証 goes with a 資格確認書 or old card listed.
  if (!d.documentsToShow.some((x) => x === "shikakuKakuninsho" || x === "oldCard")) {
    d.documentsToShow = d.documentsToShow.filter((x) => x !== "koureijukyushaSho");
  }
  if (d.documentsToShow.includes("mynahokenshoCard")) d.documentsToShow = d.documentsToShow.filter((x) => x !== "mynahokenshoSmartphone");
  if (!["schoolTrip", "nursery"].includes(sit.situation)) d.documentsToShow = d.documentsToShow.slice(0, 1);
  return d;
}

test("every scenario: the page's question walk gives the expected decision", () => {
  const all = Object.values(scenarios());
  assert.ok(all.length >= 200);
  const asked = [];
  const exact = [];
  const notAsked = [];
  for (const sc of all) {
    // R-OLD-1: an old card "issued after 2024-12-01" cannot exist; the page never asks it.
    if (sc.situation.oldCardIssuedBy20241201 === false) { notAsked.push(sc.id); continue; }
    // Known gap, by design (issue 7): the documents shown at the window are asked only at a
    // reader problem; otherwise the copay is for the best document held. For a scenario about
    // presenting a particular one, everything but the copay must still be right.
    const presented = (sc.situation.documentsPresented || []).length && !["readerFailure", "noReader"].includes(sc.situation.situation);
    const answers = answersFor(sc.situation);
    const w = walk(engine.missingFields, answers);
    assert.equal(w.next, null, `${sc.id}: every question answerable`);
    const got = engine.assess(w.situation).summary;
    const cut = (d) => { if (presented) { delete d.copay; delete d.fullCostRisk; } return d; };
    assert.deepEqual(cut(decision(sc.situation, got)), cut(decision(sc.situation, sc.expectedSummary)), `${sc.id}: ${sc.description}`);
    if (presented) notAsked.push(sc.id);
    if (JSON.stringify(got) === JSON.stringify(sc.expectedSummary)) exact.push(sc.id);
    asked.push(w.seq.length);
  }
  console.log(`# copay not checked (documents presented outside a reader problem, or an impossible old card): ${notAsked.length}`);
  console.log(`# ${exact.length}/${all.length} scenarios give the whole expected summary; questions per scenario: max ${Math.max(...asked)}, mean ${(asked.reduce((x, y) => x + y, 0) / asked.length).toFixed(1)}`);
  // Only what matters is asked: never all 22 questions.
  assert.ok(Math.max(...asked) < Object.keys(QUESTIONS).length - 1, `at most ${Math.max(...asked)} questions`);
});

test("the engine's fields are all askable by the page", () => {
  const contract = fs.readFileSync(path.join(ROOT, "js", "index.d.ts"), "utf8");
  const body = contract.slice(contract.indexOf("export interface Situation {"), contract.indexOf("}", contract.indexOf("export interface Situation {")));
  const fields = [...body.matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]);
  assert.deepEqual(fields.filter((f) => !(f in QUESTIONS)), []);
});

test("the link fragment keeps exactly the answers given, and drops anything malformed", () => {
  const sc = scenarios().C014;
  const answers = answersFor(sc.situation);
  const { seq } = walk(engine.missingFields, answers);
  const frag = encodeAnswers(answers, ["asOf", ...seq], "en");
  const back = decodeAnswers("#" + frag);
  assert.equal(back.lang, "en");
  for (const f of ["asOf", ...seq]) assert.deepEqual(back.answers[f], answers[f], f);
  assert.deepEqual(walk(engine.missingFields, back.answers).situation, walk(engine.missingFields, answers).situation);
  const bad = decodeAnswers("#v=1&asOf=2025-13&insurerKind=nope&oldCardHeld=2&documentsPresented=oldCard.x&birthDate=~nope&lang=fr");
  assert.deepEqual(bad, { answers: {}, lang: null, dropped: ["asOf", "insurerKind", "birthDate", "oldCardHeld", "documentsPresented"] });
  assert.deepEqual(decodeAnswers("#main"), { answers: {}, lang: null, dropped: [] });
});

test("和暦 at era boundaries, 元年, and both calendars in every language", () => {
  const w = (iso) => { const x = wareki(iso); return `${x.era.name}${x.year}`; };
  assert.equal(w("2019-04-30"), "平成31");
  assert.equal(w("2019-05-01"), "令和1");
  assert.equal(w("1989-01-07"), "昭和64");
  assert.equal(w("1989-01-08"), "平成1");
  assert.equal(w("1926-12-24"), "大正15");
  assert.equal(w("1926-12-25"), "昭和1");
  const text = (iso, lg) => dateParts(iso, lg).map((p) => (typeof p === "string" ? p : p.aside ?? p.base)).join("");
  assert.equal(text("2019-05-01", "ja"), "令和元年5月1日(2019年5月1日)");
  assert.equal(text("2025-12-01", "ja-easy"), "令和7年12月1日(2025年12月1日)");
  assert.deepEqual(dateParts("2025-12-01", "ja-easy")[0], { base: "令和", rt: "れいわ" });
  assert.equal(text("2028-02-29", "en"), "29 February 2028 (令和10年2月29日)");
});

test("today is the calendar date in Japan, whatever the device's time zone", () => {
  assert.equal(todayInJapan(new Date("2026-11-24T14:59:59Z")), "2026-11-24");
  assert.equal(todayInJapan(new Date("2026-11-24T15:00:00Z")), "2026-11-25");
  assert.equal(todayInJapan(new Date("2025-12-31T15:00:00Z")), "2026-01-01");
});
