// The three decisions as a GoRules ZEN decision graph (JDM), as a ZEN user would model them: an
// expression node derives the dates with ZEN's d() date functions (day before, +75 years, month
// ends, grace end) and the booleans; a first-hit decision table is CONTRACT.md's
// kakuninshoRoute list. The graph is plain JSON — what the ZEN editor would save.
import zen from "@gorules/zen-engine";

const REGIONAL = "['kokuho', 'kokuhoKumiai', 'kokiKoreisha']";
const expressions = [
  // 1. old card (R-OLD-1..8): the earliest applicable end, capped at 2025-12-01
  ["cLost", "qualificationLostDate != null ? d(qualificationLostDate).sub(1, 'd') : null"],
  ["c75", "birthDate != null and (insurerKind != 'kokiKoreisha' or d(birthDate).add(75, 'y') >= d('2024-12-02')) ? d(birthDate).add(75, 'y').sub(1, 'd') : null"],
  ["cChange", `cardDataChangeDate != null and insurerKind in ${REGIONAL} ? d(cardDataChangeDate).sub(1, 'd') : null`],
  ["cPrinted", "oldCardPrintedExpiry != null ? d(oldCardPrintedExpiry) : null"],
  ["c70", "oldCardPrintedExpiry == null and insurerKind == 'kokuho' and birthDate != null ? (d(birthDate).day() == 1 ? d(birthDate).add(70, 'y').startOf('M').sub(1, 'd') : d(birthDate).add(70, 'y').endOf('M')) : null"],
  ["oldUntil", "oldCardHeld != true or oldCardIssuedBy20241201 == false ? null : min(filter([$.cLost, $.c75, $.cChange, $.cPrinted, $.c70, d('2025-12-01')], # != null)).format('%Y-%m-%d')"],
  ["oldValid", "oldCardHeld != true ? null : ($.oldUntil == null ? false : d(asOf) <= d($.oldUntil))"],
  // 2. マイナ保険証 (R-MYNA-1..3, R-CANCEL-1)
  ["mynaRegistered", "hasMyNumberCard == true and situation != 'lostMyNumberCard' and (registrationCancelledDate == null or d(registrationCancelledDate) > d(asOf)) and registeredForInsurance == true"],
  ["mynaExpiry", "ecertExpiry != null and myNumberCardExpiry != null ? min([d(ecertExpiry), d(myNumberCardExpiry)]) : (ecertExpiry != null ? d(ecertExpiry) : (myNumberCardExpiry != null ? d(myNumberCardExpiry) : null))"],
  ["mynaUntil", "$.mynaRegistered and $.mynaExpiry != null ? ($.mynaExpiry < d('2024-12-02') ? $.mynaExpiry : $.mynaExpiry.startOf('M').add(3, 'M').endOf('M')).format('%Y-%m-%d') : null"],
  ["mynaUsable", "$.mynaRegistered and ($.mynaUntil == null or d(asOf) <= d($.mynaUntil))"],
  // 3. inputs of the route table
  ["beforeAbolition", "d(asOf) < d('2024-12-02')"],
  ["kokiProvisional", "insurerKind == 'kokiKoreisha' and d(asOf) <= d('2026-07-31')"],
  ["saitamaNewRule", "insurerKind == 'kokiKoreisha' and kokiRegion == 'saitama' and d(asOf) >= d('2026-08-01')"],
  ["aged85", "birthDate != null and d(birthDate) <= d('1941-08-02')"],
  ["situation", "situation"],
  ["difficultyUsingCard", "difficultyUsingCard == true"],
];

const col = ["beforeAbolition", "situation", "mynaUsable", "kokiProvisional", "saitamaNewRule", "aged85", "difficultyUsingCard"];
// CONTRACT.md kakuninshoRoute, first match wins ("" = any).
const rows = [
  [["true", "", "", "", "", "", ""], "notYet"],
  [["", "'lostMyNumberCard'", "", "", "", "", ""], "application"],
  [["", "'lostOldCard'", "false", "", "", "", ""], "application"],
  [["", "", "false", "", "", "", ""], "automatic"],
  [["", "", "", "true", "", "", ""], "automatic"],
  [["", "", "", "", "true", "true", ""], "automatic"],
  [["", "", "", "", "", "", "true"], "application"],
  [["", "", "", "", "true", "", ""], "application"],
  [["", "", "", "", "", "", ""], "notNeeded"],
];

export const GRAPH = {
  nodes: [
    { id: "in", type: "inputNode", name: "situation", position: { x: 0, y: 0 } },
    {
      id: "derive",
      type: "expressionNode",
      name: "derive",
      position: { x: 200, y: 0 },
      content: { expressions: expressions.map(([key, value], i) => ({ id: `e${i}`, key, value })) },
    },
    {
      id: "route",
      type: "decisionTableNode",
      name: "kakuninshoRoute",
      position: { x: 400, y: 0 },
      content: {
        hitPolicy: "first",
        inputs: col.map((c, i) => ({ id: `i${i}`, name: c, field: c })),
        outputs: [{ id: "o0", name: "route", field: "kakuninshoRoute" }],
        rules: rows.map(([cells, out], r) => ({
          _id: `r${r}`,
          ...Object.fromEntries(cells.map((v, i) => [`i${i}`, v])),
          o0: `'${out}'`,
        })),
      },
    },
    { id: "out", type: "outputNode", name: "decisions", position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: "a", sourceId: "in", targetId: "derive", type: "edge" },
    { id: "b", sourceId: "derive", targetId: "route", type: "edge" },
    { id: "c", sourceId: "derive", targetId: "out", type: "edge" },
    { id: "d", sourceId: "route", targetId: "out", type: "edge" },
  ],
};

/** A ZEN engine and the compiled decision; `decide(s)` resolves with the three decisions. */
export function zenDecider() {
  const engine = new zen.ZenEngine();
  const decision = engine.createDecision(GRAPH);
  return async (s) => {
    const { result: r } = await decision.evaluate(s);
    // ZEN leaves null values out of its result.
    return {
      oldCardValid: r.oldValid ?? null,
      oldCardValidUntil: r.oldUntil ?? null,
      mynahokenshoUsableUntil: r.mynaUntil ?? null,
      kakuninshoRoute: r.kakuninshoRoute,
    };
  };
}
