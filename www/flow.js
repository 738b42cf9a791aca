// The questions the page knows how to ask, and the flow through them. The engine decides
// which questions matter (`missingFields` lists unanswered fields that could change the answer,
// in question order); this file only knows how to ask each one. Pure: no DOM, so Node can test it.

const DOC_TOKENS = [
  "mynahokenshoCard", "mynahokenshoSmartphone", "mynacardPlusOshirase", "mynacardPlusMynaportalScreen",
  "shikakuKakuninsho", "oldCard", "oshiraseAlone", "moushitatesho", "mynaportalPdfOrPrintout",
  "oshiraseCopy", "kakuninshoCopy", "mynacardPhotocopy", "koureijukyushaSho", "gendogakuNinteisho",
  "kakuninshoWithGendoKubun", "mynaportalIryouhiTsuchi",
];

// Every fact question has "I don't know": it answers null (unknown) to the engine, and the
// answer page marks what that leaves uncertain.
const dontKnow = ["unknown", "ui.dontKnow"];
const yesNo = { kind: "bool", nulls: [dontKnow] };
// A date that may not exist: "Yes, on this date" / "No" / "I don't know".
const happened = { kind: "date", dateOpt: "ui.opt.yesOnDate", nulls: [["no", "ui.no"], dontKnow], era: "reiwa" };
// A printed expiry the person may not know.
const expiry = (era) => ({ kind: "date", dateOpt: "ui.opt.enterDate", nulls: [dontKnow], era });

/** Every question the page can ask; the engine gives the order. See docs/page.md for the keys
 * (kind, nulls, era, extra, implies, page, drawing). */
export const QUESTIONS = {
  asOf: { kind: "date", dateOpt: "ui.opt.otherDate", nulls: [["today", "ui.opt.today"]], era: "reiwa", nullsFirst: true },
  // Who the check is for. A child's birth date changes nothing here (the 70/75 rules), so it is
  // not asked; its answer is "not given".
  who: { kind: "choice", label: "ui.opt.who.", options: ["self", "child", "family"], nulls: [], page: true,
    implies: { child: { birthDate: null } } },
  insurerKind: {
    kind: "choice", label: "insurer.",
    options: ["kyokaiKenpo", "kenpoKumiai", "kyosai", "senin", "kokuho", "kokuhoKumiai", "kokiKoreisha"],
    nulls: [dontKnow],
  },
  birthDate: { kind: "date", dateOpt: "ui.opt.enterDate", nulls: [["skip", "ui.opt.skip"]], era: "showa" },
  kokiRegion: { kind: "choice", label: "ui.opt.kokiRegion.", options: ["saitama", "other"], nulls: [dontKnow] },
  oldCardHeld: { ...yesNo, drawing: "oldCard" },
  oldCardPrintedExpiry: {
    kind: "date", dateOpt: "ui.opt.enterDate", era: "reiwa",
    nulls: [["notPrinted", "ui.opt.notPrinted"], dontKnow],
  },
  oldCardIssuedBy20241201: yesNo,
  qualificationLostDate: happened,
  cardDataChangeDate: happened,
  hasMyNumberCard: { ...yesNo, drawing: "mynahokensho" },
  myNumberCardExpiry: { ...expiry("western"), drawing: "mynahokensho" },
  ecertExpiry: { ...expiry("western"), drawing: "mynahokensho" },
  // "Yes" means registered and never cancelled; a cancellation is its own answer, and only then
  // is its date asked (R-CANCEL-1).
  registeredForInsurance: { ...yesNo, yesLabel: "ui.opt.registeredYes", extra: [["cancelled", true, "ui.opt.registeredCancelled"]],
    implies: { yes: { registrationCancelledDate: null } } },
  registrationCancelledDate: happened,
  shikakuKakuninshoHeld: { ...yesNo, drawing: "shikakuKakuninsho" },
  shikakuKakuninshoExpiry: { ...expiry("reiwa"), drawing: "shikakuKakuninsho" },
  shikakuJohoOshiraseHeld: { ...yesNo, drawing: "shikakuJohoOshirase" },
  difficultyUsingCard: yesNo,
  kakuninshoApplicationMade: yesNo,
  smartphone: { kind: "choice", label: "ui.opt.smartphone.", options: ["none", "iphone", "android"], nulls: [dontKnow] },
  facilitySupportsSmartphone: yesNo,
  situation: {
    kind: "choice", label: "ui.opt.situation.",
    options: ["normal", "schoolTrip", "lostMyNumberCard", "lostOldCard", "newQualification", "highCost", "taxDeduction",
      "readerFailure", "noReader", "nursery", "assistanceNeeded"],
    nulls: [],
  },
  documentsPresented: { kind: "multi", label: "doc.", options: DOC_TOKENS },
};

/** An answer is { v: value for the Situation, c: the radio chosen } ("date", "yes", an enum
 * value, or a null option's id). */
export function answerOf(field, choice, value) {
  const q = QUESTIONS[field];
  if (q.kind === "bool") {
    const extra = (q.extra || []).find(([id]) => id === choice);
    if (extra) return { v: extra[1], c: choice };
    return choice === "yes" ? { v: true, c: "yes" } : choice === "no" ? { v: false, c: "no" } : { v: null, c: choice };
  }
  if (q.kind === "multi") return { v: value, c: "list" };
  if (q.kind === "date") return choice === "date" ? { v: value, c: "date" } : { v: null, c: choice };
  return q.options.includes(choice) ? { v: choice, c: choice } : { v: null, c: choice };
}

/** The answers an answer gives to other questions ({ field: value }), or null. */
function impliedBy(field, answer) {
  const q = QUESTIONS[field];
  return (q && q.implies && answer && q.implies[answer.c]) || null;
}

/** Walks the questions with the answers so far, in the engine's order (src/guide.rs): the
 * first field the engine still lists that is not asked or implied yet is either answered (go
 * on) or the next question. `preset`: fields the host has fixed ({ insurerKind } of the
 * element's attribute or pack), never asked. See docs/page.md. Returns { seq, next, situation,
 * unknown }. */
export function walk(missingFields, answers, preset = {}) {
  const situation = { asOf: answers.asOf.v };
  const seq = [];
  const implied = new Set();
  for (const [g, v] of Object.entries(preset)) { situation[g] = v; implied.add(g); }
  const imply = (f) => {
    for (const [g, v] of Object.entries(impliedBy(f, answers[f]) || {})) { situation[g] = v; implied.add(g); }
  };
  for (const [f, q] of Object.entries(QUESTIONS)) if (q.page && answers[f]) imply(f);
  for (let guard = 0; guard < 64; guard++) {
    const { fields } = missingFields(situation);
    const f = fields.find((k) => k !== "asOf" && k in QUESTIONS && !QUESTIONS[k].page && !seq.includes(k) && !implied.has(k));
    if (!f || !(f in answers)) {
      return { seq, next: f || null, situation, unknown: seq.filter((k) => answers[k].c === "unknown") };
    }
    seq.push(f);
    situation[f] = answers[f].v;
    imply(f);
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
    else if (q.kind === "bool") s = (q.extra || []).some(([id]) => id === a.c) ? "~" + a.c : a.v ? "1" : "0";
    else s = String(a.v);
    p.set(f, s);
  }
  return p.toString();
}

/** The inverse of encodeAnswers; anything malformed is dropped, never guessed. */
export function decodeAnswers(fragment) {
  const p = new URLSearchParams(fragment.replace(/^#/, ""));
  const answers = {};
  const dropped = [];
  if (p.get("v") !== "1") return { answers, lang: null, dropped };
  for (const [f, q] of Object.entries(QUESTIONS)) {
    const s = p.get(f);
    if (s === null) continue;
    dropped.push(f); // taken off again below when the value is well formed
    if (s.startsWith("~")) {
      const id = s.slice(1);
      if ((q.nulls || []).some(([n]) => n === id)) answers[f] = { v: null, c: id };
      else if ((q.extra || []).some(([n]) => n === id)) answers[f] = answerOf(f, id);
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
  for (const f of Object.keys(answers)) dropped.splice(dropped.indexOf(f), 1);
  // A link made before "registered, never cancelled" was one answer: registered with a
  // cancellation date is the "cancelled" answer.
  for (const [f, q] of Object.entries(QUESTIONS)) {
    const imp = impliedBy(f, answers[f]);
    if (imp && Object.keys(imp).some((g) => answers[g] && answers[g].v !== imp[g])) {
      const alt = (q.extra || []).find(([, v]) => v === answers[f].v);
      if (alt) answers[f] = answerOf(f, alt[0]);
    }
  }
  const lang = p.get("lang");
  return { answers, lang: ["en", "ja-easy"].includes(lang) ? lang : null, dropped };
}
