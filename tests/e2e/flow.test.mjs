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
    if (f === "asOf") continue;
    const v = sit[f] === undefined ? null : sit[f];
    if (q.kind === "multi") answers[f] = answerOf(f, "list", v || []);
    else if (v === null) answers[f] = { v: null, c: (q.nulls[0] || ["unknown"])[0] };
    else if (q.kind === "bool") answers[f] = answerOf(f, v ? "yes" : "no");
    else if (q.kind === "date") answers[f] = { v, c: "date" };
    else answers[f] = answerOf(f, v);
  }
  return answers;
}

test("every scenario: the page's question walk gives the expected summary", () => {
  const all = Object.values(scenarios());
  assert.ok(all.length >= 200);
  const asked = [];
  for (const sc of all) {
    const w = walk(engine.missingFields, answersFor(sc.situation));
    assert.equal(w.next, null, `${sc.id}: every question answerable`);
    assert.deepEqual(engine.assess(w.situation).summary, sc.expectedSummary, `${sc.id}: ${sc.description}`);
    asked.push(w.seq.length);
  }
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
  assert.deepEqual(bad, { answers: {}, lang: null });
  assert.deepEqual(decodeAnswers("#main"), { answers: {}, lang: null });
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
