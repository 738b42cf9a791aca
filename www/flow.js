// The questions the page knows how to ask, and the flow through them. The engine decides
// which questions matter (`missingFields` lists unanswered fields that could change the answer,
// in question order); this file only knows how to ask each one. Pure: no DOM, so Node can test it.

const DOC_TOKENS = [
  "mynahokenshoCard", "mynahokenshoSmartphone", "mynacardPlusOshirase", "mynacardPlusMynaportalScreen",
  "shikakuKakuninsho", "oldCard", "oshiraseAlone", "moushitatesho", "mynaportalPdfOrPrintout",
  "oshiraseCopy", "kakuninshoCopy", "mynacardPhotocopy", "koureijukyushaSho", "gendogakuNinteisho",
  "kakuninshoWithGendoKubun", "mynaportalIryouhiTsuchi",
];

const yesNo = { kind: "bool", nulls: [] };
const yesNoUnknown = { kind: "bool", nulls: [["unknown", "ui.dontKnow"]] };
// A date that may not exist: "Yes, on this date" / "No".
const happened = { kind: "date", dateOpt: "ui.opt.yesOnDate", nulls: [["no", "ui.no"]], era: "reiwa" };
// A printed expiry the person may not know.
const expiry = (era) => ({ kind: "date", dateOpt: "ui.opt.enterDate", nulls: [["unknown", "ui.dontKnow"]], era });

/** Every field the page can ask, in no particular order (the engine gives the order).
 * kind: choice (radios) | bool (yes/no radios) | date | multi (checkboxes).
 * nulls: extra radios that answer null, as [id, label key]. era: the calendar the 年/月/日
 * fields start in for Japanese ("western" in English always). */
export const QUESTIONS = {
  asOf: { kind: "date", dateOpt: "ui.opt.otherDate", nulls: [["today", "ui.opt.today"]], era: "reiwa", nullsFirst: true },
  insurerKind: {
    kind: "choice", label: "insurer.",
    options: ["kyokaiKenpo", "kenpoKumiai", "kyosai", "senin", "kokuho", "kokuhoKumiai", "kokiKoreisha"],
    nulls: [["unknown", "ui.dontKnow"]],
  },
  birthDate: { kind: "date", dateOpt: "ui.opt.enterDate", nulls: [["skip", "ui.opt.skip"]], era: "showa" },
  kokiRegion: { kind: "choice", label: "ui.opt.kokiRegion.", options: ["saitama", "other"], nulls: [] },
  oldCardHeld: yesNo,
  oldCardPrintedExpiry: {
    kind: "date", dateOpt: "ui.opt.enterDate", era: "reiwa",
    nulls: [["notPrinted", "ui.opt.notPrinted"], ["unknown", "ui.dontKnow"]],
  },
  oldCardIssuedBy20241201: yesNoUnknown,
  qualificationLostDate: happened,
  cardDataChangeDate: happened,
  hasMyNumberCard: yesNo,
  myNumberCardExpiry: expiry("western"),
  ecertExpiry: expiry("western"),
  registeredForInsurance: yesNo,
  registrationCancelledDate: happened,
  shikakuKakuninshoHeld: yesNo,
  shikakuKakuninshoExpiry: expiry("reiwa"),
  shikakuJohoOshiraseHeld: yesNo,
  difficultyUsingCard: yesNo,
  kakuninshoApplicationMade: yesNo,
  smartphone: { kind: "choice", label: "ui.opt.smartphone.", options: ["none", "iphone", "android"], nulls: [] },
  facilitySupportsSmartphone: yesNoUnknown,
  situation: {
    kind: "choice", label: "ui.opt.situation.",
    options: ["normal", "readerFailure", "noReader", "schoolTrip", "nursery", "highCost", "taxDeduction",
      "lostMyNumberCard", "lostOldCard", "newQualification", "assistanceNeeded"],
    nulls: [],
  },
  documentsPresented: { kind: "multi", label: "doc.", options: DOC_TOKENS },
};

/** An answer is { v: value for the Situation, c: the radio chosen } ("date", "yes", an enum
 * value, or a null option's id). */
export function answerOf(field, choice, value) {
  const q = QUESTIONS[field];
  if (q.kind === "bool") return choice === "yes" ? { v: true, c: "yes" } : choice === "no" ? { v: false, c: "no" } : { v: null, c: choice };
  if (q.kind === "multi") return { v: value, c: "list" };
  if (q.kind === "date") return choice === "date" ? { v: value, c: "date" } : { v: null, c: choice };
  return q.options.includes(choice) ? { v: choice, c: choice } : { v: null, c: choice };
}

/**
 * Walks the questions with the answers given so far. Starting from { asOf }, it asks the
 * engine which fields still matter and takes the first one this page can ask that has not been
 * asked on this walk: answered → add it and go on; unanswered → that is the next question.
 * Answers to questions that are no longer on the walk (an earlier answer changed) are kept in
 * memory but left out of the Situation.
 * Returns { seq: fields asked, in order; next: field to ask or null; situation }.
 */
export function walk(missingFields, answers) {
  const situation = { asOf: answers.asOf.v };
  const seq = [];
  for (let guard = 0; guard < 64; guard++) {
    const { fields } = missingFields(situation);
    const f = fields.find((k) => k !== "asOf" && k in QUESTIONS && !seq.includes(k));
    if (!f || !(f in answers)) return { seq, next: f || null, situation };
    seq.push(f);
    situation[f] = answers[f].v;
  }
  throw new Error("question walk did not end");
}

// --- the link: answers in the URL fragment (never sent to a server) ---------------------------
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Answers -> "v1&insurerKind=kokuho&birthDate=1970-01-02&oldCardPrintedExpiry=~notPrinted…" */
export function encodeAnswers(answers, fields, lang) {
  const p = new URLSearchParams();
  p.set("v", "1");
  if (lang && lang !== "ja") p.set("lang", lang);
  for (const f of fields) {
    const a = answers[f];
    if (!a) continue;
    const q = QUESTIONS[f];
    let s;
    if (q.kind === "multi") s = a.v.join(".");
    else if (a.v === null) s = "~" + a.c;
    else if (q.kind === "bool") s = a.v ? "1" : "0";
    else s = String(a.v);
    p.set(f, s);
  }
  return p.toString();
}

/** The inverse of encodeAnswers; anything malformed is dropped, never guessed. */
export function decodeAnswers(fragment) {
  const p = new URLSearchParams(fragment.replace(/^#/, ""));
  const answers = {};
  if (p.get("v") !== "1") return { answers, lang: null };
  for (const [f, q] of Object.entries(QUESTIONS)) {
    const s = p.get(f);
    if (s === null) continue;
    if (s.startsWith("~")) {
      const id = s.slice(1);
      if ((q.nulls || []).some(([n]) => n === id)) answers[f] = { v: null, c: id };
    } else if (q.kind === "multi") {
      const list = s === "" ? [] : s.split(".");
      if (list.every((t) => q.options.includes(t))) answers[f] = { v: list, c: "list" };
    } else if (q.kind === "bool") {
      if (s === "1" || s === "0") answers[f] = answerOf(f, s === "1" ? "yes" : "no");
    } else if (q.kind === "date") {
      if (ISO.test(s)) answers[f] = { v: s, c: "date" };
    } else if (q.options.includes(s)) {
      answers[f] = { v: s, c: s };
    }
  }
  const lang = p.get("lang");
  return { answers, lang: ["en", "ja-easy"].includes(lang) ? lang : null };
}
