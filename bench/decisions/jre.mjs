// The three decisions in json-rules-engine 7, as its users do it: the engine has no date
// arithmetic, so the derived dates are dynamic facts written in JavaScript (reusing the plain
// helpers), compared by custom date operators; the rules (JSON) decide validity, usability and
// the 資格確認書 route. Priorities run the マイナ保険証 rule before the route rules, which read
// its outcome as a runtime fact; the route is the matching route rule with the lowest rank
// (CONTRACT.md's list, first match wins).
import { Engine } from "json-rules-engine";
import { OLD_CARD_CAP, dayBefore, graceEnd, monthEnd, nthBirthday } from "./plain.mjs";

const DEFAULTS = {
  insurerKind: null, birthDate: null, kokiRegion: null, oldCardHeld: false, oldCardPrintedExpiry: null,
  oldCardIssuedBy20241201: null, qualificationLostDate: null, cardDataChangeDate: null, hasMyNumberCard: false,
  myNumberCardExpiry: null, ecertExpiry: null, registeredForInsurance: false, registrationCancelledDate: null,
  difficultyUsingCard: false, situation: "normal",
};

const fact = (name) => ({ fact: name });
const RULES = [
  {
    name: "oldCardValid", priority: 10,
    conditions: { all: [
      { fact: "oldCardHeld", operator: "equal", value: true },
      { fact: "oldCardIssuedBy20241201", operator: "notEqual", value: false },
      { fact: "asOf", operator: "dateOnOrBefore", value: fact("oldCardUntil") },
    ] },
    event: { type: "oldCardValid" },
  },
  {
    name: "mynaRegistered", priority: 10,
    conditions: { all: [
      { fact: "hasMyNumberCard", operator: "equal", value: true },
      { fact: "situation", operator: "notEqual", value: "lostMyNumberCard" },
      { fact: "registeredForInsurance", operator: "equal", value: true },
      { any: [
        { fact: "registrationCancelledDate", operator: "equal", value: null },
        { fact: "registrationCancelledDate", operator: "dateAfter", value: fact("asOf") },
      ] },
    ] },
    event: { type: "mynaRegistered" },
    onSuccess: (event, almanac) => almanac.addRuntimeFact("mynaRegisteredFact", true),
  },
  {
    name: "mynaUsable", priority: 9,
    conditions: { all: [
      { fact: "mynaRegisteredFact", operator: "equal", value: true },
      { any: [
        { fact: "mynaUntil", operator: "equal", value: null },
        { fact: "asOf", operator: "dateOnOrBefore", value: fact("mynaUntil") },
      ] },
    ] },
    event: { type: "mynaUsable" },
    onSuccess: (event, almanac) => almanac.addRuntimeFact("mynaUsable", true),
  },
  // kakuninshoRoute (priority 1, after the マイナ保険証 rules), rank = CONTRACT.md's order
  { name: "route1", priority: 1, conditions: { all: [{ fact: "asOf", operator: "dateBefore", value: "2024-12-02" }] },
    event: { type: "route", params: { rank: 1, route: "notYet" } } },
  { name: "route2a", priority: 1, conditions: { all: [{ fact: "situation", operator: "equal", value: "lostMyNumberCard" }] },
    event: { type: "route", params: { rank: 2, route: "application" } } },
  { name: "route2b", priority: 1, conditions: { all: [
    { fact: "situation", operator: "equal", value: "lostOldCard" }, { fact: "mynaUsable", operator: "equal", value: false },
  ] }, event: { type: "route", params: { rank: 2, route: "application" } } },
  { name: "route3", priority: 1, conditions: { any: [
    { fact: "mynaUsable", operator: "equal", value: false },
    { all: [{ fact: "insurerKind", operator: "equal", value: "kokiKoreisha" }, { fact: "asOf", operator: "dateOnOrBefore", value: "2026-07-31" }] },
    { all: [
      { fact: "insurerKind", operator: "equal", value: "kokiKoreisha" }, { fact: "kokiRegion", operator: "equal", value: "saitama" },
      { fact: "asOf", operator: "dateOnOrAfter", value: "2026-08-01" }, { fact: "birthDate", operator: "dateOnOrBefore", value: "1941-08-02" },
    ] },
  ] }, event: { type: "route", params: { rank: 3, route: "automatic" } } },
  { name: "route4", priority: 1, conditions: { any: [
    { fact: "difficultyUsingCard", operator: "equal", value: true },
    { all: [
      { fact: "insurerKind", operator: "equal", value: "kokiKoreisha" }, { fact: "kokiRegion", operator: "equal", value: "saitama" },
      { fact: "asOf", operator: "dateOnOrAfter", value: "2026-08-01" },
    ] },
  ] }, event: { type: "route", params: { rank: 4, route: "application" } } },
];

/** A configured engine; `decide(s)` resolves with the three decisions. */
export function jreDecider() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const isDate = (v) => typeof v === "string";
  engine.addOperator("dateBefore", (a, b) => isDate(a) && isDate(b) && a < b);
  engine.addOperator("dateAfter", (a, b) => isDate(a) && isDate(b) && a > b);
  engine.addOperator("dateOnOrBefore", (a, b) => isDate(a) && isDate(b) && a <= b);
  engine.addOperator("dateOnOrAfter", (a, b) => isDate(a) && isDate(b) && a >= b);

  // Derived dates: dynamic facts in JavaScript (R-OLD-1..8, R-MYNA-3).
  engine.addFact("oldCardUntil", async (params, almanac) => {
    const s = await almanac.factValue("person");
    let until = OLD_CARD_CAP;
    const earlier = (d) => {
      if (d < until) until = d;
    };
    if (s.qualificationLostDate) earlier(dayBefore(s.qualificationLostDate));
    if (s.birthDate) {
      const b75 = nthBirthday(s.birthDate, 75);
      if (s.insurerKind !== "kokiKoreisha" || b75 >= "2024-12-02") earlier(dayBefore(b75));
    }
    if (s.cardDataChangeDate && ["kokuho", "kokuhoKumiai", "kokiKoreisha"].includes(s.insurerKind)) earlier(dayBefore(s.cardDataChangeDate));
    if (s.oldCardPrintedExpiry) earlier(s.oldCardPrintedExpiry);
    else if (s.insurerKind === "kokuho" && s.birthDate) {
      const b70 = nthBirthday(s.birthDate, 70);
      earlier(monthEnd(+b70.slice(0, 4), +b70.slice(5, 7) - (b70.endsWith("-01") ? 1 : 0)));
    }
    return until;
  });
  engine.addFact("mynaUntil", async (params, almanac) => {
    const s = await almanac.factValue("person");
    const e = s.ecertExpiry && s.myNumberCardExpiry
      ? (s.ecertExpiry < s.myNumberCardExpiry ? s.ecertExpiry : s.myNumberCardExpiry)
      : s.ecertExpiry || s.myNumberCardExpiry;
    if (!e) return null;
    return e < "2024-12-02" ? e : graceEnd(e);
  });
  for (const r of RULES) engine.addRule(r);

  return async (input) => {
    const s = { ...DEFAULTS, ...input };
    // Facts: every field (the "situation" field is the circumstance), the whole record as
    // "person" for the dynamic facts, and the defaults of the runtime facts the rules set.
    const { events, almanac } = await engine.run({ ...s, person: s, mynaUsable: false, mynaRegisteredFact: false });
    const has = (type) => events.some((e) => e.type === type);
    const route = events.filter((e) => e.type === "route").sort((a, b) => a.params.rank - b.params.rank)[0];
    const registered = has("mynaRegistered");
    return {
      oldCardValid: s.oldCardHeld ? has("oldCardValid") : null,
      oldCardValidUntil: s.oldCardHeld && s.oldCardIssuedBy20241201 !== false ? await almanac.factValue("oldCardUntil") : null,
      mynahokenshoUsableUntil: registered ? await almanac.factValue("mynaUntil") : null,
      kakuninshoRoute: route ? route.params.route : "notNeeded",
    };
  };
}
