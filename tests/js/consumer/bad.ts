// Deliberate type errors: tests/js/types.test.mjs runs tsc over this file and requires a compile
// error on every line marked `// @error` and on no other line. If the package's types were `any`
// (or too loose), these lines would compile.
import { assess, assessMany, assessSummaries, assessSummary, encodeSituations, missingFields, parseDate, rulesInfo, summaryAt } from "hoken-check";
import type { HokenCheckError, JsErrorCode, MissingFields, Situation, WarningCode } from "hoken-check";

export function mistakes(s: Situation, e: HokenCheckError): unknown[] {
  return [
    assess({ asOf: 1 }), // @error a number where a date string belongs
    assess({ asOf: "2025-12-01", insurerKnd: "kokuho" }), // @error misspelt field
    assess({ asOf: "2025-12-01", insurerKind: "kokuhoo" }), // @error value outside the union
    assess({ insurerKind: "kokuho" }), // @error asOf is required
    assess({ asOf: "2025-12-01", documentsPresented: ["passport"] }), // @error unknown document token
    assess(), // @error missing argument
    assess(s).summary.oldCardVaild, // @error misspelt Summary field
    assessSummary(s).verdicts, // @error a Summary has no verdicts
    assessMany([s])[0]?.summary, // @error not narrowed: an ErrorRecord has no summary
    assessMany(s), // @error not an array
    missingFields({ asOf: 5 }), // @error a number where a date string belongs
    parseDate(20251201), // @error parseDate takes text
    rulesInfo().rules[0]?.titleFr, // @error no such RuleInfo field
    e.code === "noSuchCode", // @error no overlap with the ErrorCode union
    assessSummaries(s), // @error not an array
    assessSummaries([s])[0]?.kakuninshoRoute, // @error not narrowed: an ErrorRecord has no route
    summaryAt(new Int32Array(0), "0"), // @error a row index is a number
    encodeSituations([s]).words.push(1), // @error packed words are an Int32Array, not an array
  ];
}

export const n: number = assess({ asOf: "2025-12-01" }).summary.copay; // @error copay is a string union
export const f: MissingFields["fields"][number] = "notAField"; // @error fields are Situation keys
export const v: boolean = assess({ asOf: "2025-12-01" }).summary.oldCardValid; // @error boolean | null
export const j: JsErrorCode = "emptyDate"; // @error a date code is not one the JS raises
export const wc: WarningCode = "noSuchWarning"; // @error not a WarningCode (generated from the Rust enum)
