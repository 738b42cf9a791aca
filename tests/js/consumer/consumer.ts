// A TypeScript consumer of the published package: imports every export of "hoken-check" and
// uses every type. tests/js/types.test.mjs type-checks it (`tsc --noEmit`, strict, nodenext and
// bundler resolution) inside a temp project that installed the packed tarball, then compiles
// and runs it there: it prints one JSON report the test checks.
import {
  assess,
  assessMany,
  assessPacked,
  assessSummaries,
  assessSummary,
  encodeSituations,
  HokenCheckError,
  init,
  initSync,
  isHokenCheckError,
  missingFields,
  packedLayout,
  parseDate,
  rulesInfo,
  summaryAt,
  toWareki,
} from "hoken-check";
import type {
  Action,
  AssessOptions,
  Assessment,
  Assistance,
  Certainty,
  Circumstance,
  BoundaryErrorCode,
  Copay,
  DateErrorCode,
  DateWarning,
  DocumentKind,
  DocumentToken,
  Era,
  ErrorCode,
  ErrorRecord,
  HokenCheckErrorCode,
  InsurerContact,
  InsurerPack,
  InitOptions,
  InitSyncOptions,
  InsurerKind,
  IsoDate,
  JsErrorCode,
  KakuninshoRoute,
  KokiRegion,
  MessageParams,
  MissingFields,
  PackCitation,
  PackErrorCode,
  PackedColumn,
  PackedField,
  PackedLayout,
  PackedSituations,
  Param,
  ParsedDate,
  PartialSituation,
  Reason,
  RuleInfo,
  RulesInfo,
  Situation,
  Smartphone,
  Source,
  Status,
  Summary,
  TimelineEvent,
  Verdict,
  Wareki,
  Warning,
  WarningCode,
  WasmModule,
  WasmSource,
} from "hoken-check";
// The other entries carry the same types.
import { assess as assessInline } from "hoken-check/inline";
import type { Assessment as NodeAssessment } from "hoken-check/node";
import type { Summary as BrowserSummary } from "hoken-check/browser";

// --- compile-time checks: nothing the package returns is `any` ------------------------------
type IsAny<T> = 0 extends 1 & T ? true : false;
type Not<T extends boolean> = T extends true ? false : true;
const notAny: [
  Not<IsAny<ReturnType<typeof assess>>>,
  Not<IsAny<ReturnType<typeof assessSummary>>>,
  Not<IsAny<ReturnType<typeof assessMany>>>,
  Not<IsAny<ReturnType<typeof missingFields>>>,
  Not<IsAny<ReturnType<typeof parseDate>>>,
  Not<IsAny<ReturnType<typeof rulesInfo>>>,
  Not<IsAny<ReturnType<typeof toWareki>>>,
  Not<IsAny<Parameters<typeof assess>[0]>>,
  Not<IsAny<Parameters<typeof assessMany>[0]>>,
  Not<IsAny<Parameters<typeof missingFields>[0]>>,
  Not<IsAny<Summary["copay"]>>,
  Not<IsAny<Verdict["reasons"]>>,
  Not<IsAny<HokenCheckError["code"]>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];

// --- building a Situation from typed parts ------------------------------------------------------
const asOf: IsoDate = "2025-11-30";
const insurerKind: InsurerKind = "kyokaiKenpo";
const kokiRegion: KokiRegion | null = null;
const smartphone: Smartphone = "none";
const circumstance: Circumstance = "normal";
const shown: DocumentToken[] = ["oldCard"];

const situation: Situation = {
  asOf,
  insurerKind,
  birthDate: "1985-04-02",
  kokiRegion,
  oldCardHeld: true,
  oldCardPrintedExpiry: null,
  oldCardIssuedBy20241201: true,
  qualificationLostDate: null,
  cardDataChangeDate: null,
  hasMyNumberCard: false,
  myNumberCardExpiry: null,
  ecertExpiry: null,
  registeredForInsurance: false,
  registrationCancelledDate: null,
  shikakuKakuninshoHeld: false,
  shikakuKakuninshoExpiry: null,
  shikakuJohoOshiraseHeld: false,
  difficultyUsingCard: false,
  kakuninshoApplicationMade: false,
  smartphone,
  facilitySupportsSmartphone: null,
  situation: circumstance,
  documentsPresented: shown,
};

// --- reading every Summary field ---------------------------------------------------------------
type SummaryRow = Record<keyof Summary, string>;
function summaryRow(s: Summary | BrowserSummary): SummaryRow {
  const yesNo = (b: boolean | null): string => (b === null ? "?" : b ? "yes" : "no");
  const copay: Copay = s.copay;
  const route: KakuninshoRoute = s.kakuninshoRoute;
  const docs: DocumentToken[] = s.documentsToShow;
  return {
    oldCardValid: yesNo(s.oldCardValid),
    oldCardValidUntil: s.oldCardValidUntil ?? "-",
    oldCardProvisionalAcceptance: yesNo(s.oldCardProvisionalAcceptance),
    mynahokenshoUsable: yesNo(s.mynahokenshoUsable),
    mynahokenshoUsableUntil: s.mynahokenshoUsableUntil ?? "-",
    kakuninshoValid: yesNo(s.kakuninshoValid),
    kakuninshoRoute: route,
    documentsToShow: docs.join("+"),
    copay,
    fullCostRisk: yesNo(s.fullCostRisk),
  };
}

// --- walking a whole Assessment with its named types ----------------------------------------------
function describeSource(src: Source | null): string {
  return src === null ? "(no source)" : `${src.title} <${src.url}>`;
}
function describeParams(p: MessageParams): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${typeof v === "number" ? v.toFixed(0) : v}`)
    .join(",");
}
function describeReason(r: Reason): string {
  return `${r.ruleId}:${r.messageKey}(${describeParams(r.params)}) ${describeSource(r.source)}`;
}
function describeVerdict(v: Verdict): string {
  const doc: DocumentKind = v.document;
  const status: Status = v.status;
  const certainty: Certainty = v.certainty;
  const span = `${v.validFrom ?? ""}..${v.validUntil ?? ""} grace ${v.graceUntil ?? "-"}`;
  return `${doc}=${status} [${certainty}] ${span}: ${v.reasons.map(describeReason).join("; ")}`;
}
function describeEvent(e: TimelineEvent): string {
  return `${e.date} ${e.document} ${e.messageKey} (${e.rule})${e.past ? " past" : ""}`;
}
function describeAction(a: Action): string {
  return `${a.messageKey} ${a.from ?? ""}..${a.deadline ?? ""} (${a.rule}, ${a.certainty}) ${describeParams(a.params)}`;
}
function describeAssistance(a: Assistance): string {
  return `${a.messageKey} (${a.rule}, ${a.certainty})`;
}
function describeWarning(w: Warning): string {
  const code: WarningCode = w.code;
  return w.field === null ? code : `${code}@${w.field}`;
}
function describeAssessment(a: Assessment | NodeAssessment): string[] {
  return [
    `${a.asOf} rules ${a.rulesVersion} (${a.rulesAsOf}, ${a.dataHash}) ${a.certainty}`,
    ...a.verdicts.map(describeVerdict),
    ...a.timeline.map(describeEvent),
    ...a.nextActions.map(describeAction),
    ...a.assistance.map(describeAssistance),
    ...a.warnings.map(describeWarning),
  ];
}

// --- errors ----------------------------------------------------------------------------------------
// The package's guard and class recognise the errors the WebAssembly module throws.
function isOurs(e: unknown): e is HokenCheckError {
  if (isHokenCheckError(e) !== e instanceof HokenCheckError) throw new Error("guard and instanceof disagree");
  return isHokenCheckError(e);
}
function isErrorRecord(r: Assessment | ErrorRecord): r is ErrorRecord {
  return "error" in r;
}

function codeOf(f: () => unknown): HokenCheckErrorCode | "noError" {
  try {
    f();
    return "noError";
  } catch (e: unknown) {
    if (!isOurs(e)) throw e;
    const where: string = e.field ?? "(input)";
    if (e.messageJa.length === 0 || e.messageEn.length === 0 || where.length === 0) throw e;
    return e.code;
  }
}

// --- initialisation: the entry initialised itself at import, so these do nothing -----------------
const wasmSource: WasmSource = new URL("https://example.invalid/hoken_check_bg.wasm");
const initOptions: InitOptions = { wasm: wasmSource };
const noModule: WasmModule[] = [];
const initSyncOptions: InitSyncOptions = { wasm: noModule[0] ?? new Uint8Array(0) };
await init(initOptions);
initSync(initSyncOptions);

// --- using every function ----------------------------------------------------------------------------
const assessment: Assessment = assess(situation);
const summaryOnly: Summary = assessSummary(situation);
const inlineAssessment = assessInline(situation);

const many = assessMany([situation, { asOf: "2025-02-30" }]);
const kinds = many.map((r) => {
  if (isErrorRecord(r)) {
    const code: HokenCheckErrorCode = r.error.code;
    const field: string | null = r.error.field;
    return `error:${code}:${field ?? ""}:${r.error.messageEn.length > 0}`;
  }
  return `assessment:${r.summary.copay}`;
});

const partial: PartialSituation = { asOf, insurerKind };
const missing: MissingFields = missingFields(partial);
const firstMissing: keyof Situation | undefined = missing.fields[0];

const parsed: ParsedDate = parseDate("平成31年5月1日");
const era: Era | null = parsed.era;
const dateWarnings: DateWarning[] = parsed.warnings;

const w: Wareki = toWareki("2019-05-01");
const warekiEra: Era = w.era;

const info: RulesInfo = rulesInfo();
const firstRule: RuleInfo | undefined = info.rules[0];
const firstParam: Param | undefined = info.params[0];

// --- an insurer pack (docs/packs.md): 渋谷区 国保 sends a 資格確認書 to every member (R-KAKU-5) ----
const shibuya: InsurerPack = {
  schemaVersion: 1,
  version: "2026.11.29-1",
  who: {
    name: "渋谷区 国民健康保険", insurerKind: "kokuho", prefecture: "東京都", municipality: "渋谷区",
    source: "https://www.city.shibuya.tokyo.jp/kurashi/kokuho/kokuho/shokoshin2025.html", verifiedOn: "2026-11-29",
  },
  contact: {
    web: "https://www.city.shibuya.tokyo.jp/kurashi/kokuho/kokuho/shokoshin2025.html",
    source: "https://www.city.shibuya.tokyo.jp/kurashi/kokuho/kokuho/shokoshin2025.html", verifiedOn: "2026-11-29",
  },
  kakuninsho: {
    toEveryone: {
      from: "2025-08-01", exceptAgedFrom: 75,
      source: "https://www.city.shibuya.tokyo.jp/kurashi/kokuho/kokuho/shokoshin2025.html", verifiedOn: "2026-11-29",
    },
  },
};
const packOptions: AssessOptions = { pack: shibuya };
const member: Situation = {
  asOf: "2026-09-01", insurerKind: "kokuho", birthDate: "1981-04-10", hasMyNumberCard: true,
  myNumberCardExpiry: "2031-04-10", ecertExpiry: "2031-04-10", registeredForInsurance: true,
};
const withPack: Assessment = assess(member, packOptions);
const packAction: Action | undefined = withPack.nextActions.find((a) => a.pack !== undefined);
const cited: PackCitation | undefined = packAction?.pack;
const contact: InsurerContact | undefined = packAction?.contact;
const missingSchema: PackErrorCode = "missingField";

// --- batches: summaries in one call, or packed words for a Web Worker --------------------------
const batchRows: Situation[] = [situation, { asOf: "2025-02-30" }];
const summaries: (Summary | ErrorRecord)[] = assessSummaries(batchRows);
const layout: PackedLayout = packedLayout();
const packedRows: PackedSituations = encodeSituations(batchRows);
const rowWords: Int32Array = assessPacked(packedRows);
const firstField: PackedField | undefined = layout.fields[0];
const firstColumn: PackedColumn | undefined = layout.columns[0];
const viaRows = Array.from({ length: packedRows.count }, (_, k) => summaryAt(rowWords, k, packedRows));
const secondRow = summaries[1];
const inputCode: ErrorCode = "impossibleDate";
// The code unions generated from the Rust definitions (scripts/gen-types.mjs).
const typedCodes: [DateErrorCode, BoundaryErrorCode, JsErrorCode] = ["emptyDate", "unreadableInput", "wasmNotInitialized"];

const report = {
  notAny: notAny.every((b) => b),
  summary: summaryRow(assessment.summary),
  summaryOnlyMatches: JSON.stringify(summaryOnly) === JSON.stringify(assessment.summary),
  inlineMatches: JSON.stringify(inlineAssessment) === JSON.stringify(assessment),
  lines: describeAssessment(assessment).length,
  kinds,
  missing: { complete: missing.complete, first: firstMissing ?? null, count: missing.fields.length },
  parsed: {
    date: parsed.date,
    era,
    warnings: dateWarnings.map((w) => `${w.code}:${w.printedEra}->${w.actualEra}`),
  },
  wareki: `${warekiEra}:${w.year}:${w.month}:${w.day}`,
  rules: {
    version: info.rulesVersion === assessment.rulesVersion,
    hash: info.dataHash === assessment.dataHash,
    asOf: info.rulesAsOf,
    first: firstRule ? `${firstRule.id}:${firstRule.certainty}:${firstRule.sources.length > 0}` : null,
    firstRuleTitles: firstRule ? firstRule.titleJa.length > 0 && firstRule.titleEn.length > 0 : false,
    firstParam: firstParam
      ? `${firstParam.name}:${typeof firstParam.value}:${firstParam.rule}:${firstParam.verifiedOn}:` +
        `${firstParam.meaning.length > 0}:${firstParam.source.length > 0}`
      : null,
  },
  pack: {
    rule: packAction?.rule ?? null,
    name: cited?.name ?? null,
    contactName: contact?.name ?? null,
    sameSummary: JSON.stringify(withPack.summary) === JSON.stringify(assess(member).summary),
    badPack: codeOf(() => assess(member, { pack: { version: "x" } })) === missingSchema,
    otherKind: codeOf(() => assess({ ...member, insurerKind: "kyokaiKenpo" }, packOptions)),
  },
  typedCodes,
  batch: {
    sameAsRows: JSON.stringify(viaRows) === JSON.stringify(summaries),
    firstIsSummary: JSON.stringify(summaries[0]) === JSON.stringify(summaryOnly),
    second: secondRow !== undefined && "error" in secondRow ? secondRow.error.code === inputCode : false,
    words: rowWords.length === layout.summaryWidth * packedRows.count,
    field: firstField?.name ?? null,
    column: firstColumn?.name ?? null,
    withPack: JSON.stringify(assessSummaries([member], packOptions)) === JSON.stringify([assessSummary(member, packOptions)]),
  },
  errors: {
    wrongType: codeOf(() => assess(JSON.parse('{"asOf": 1}') as Situation)),
    impossibleDate: codeOf(() => assess({ asOf: "2025-13-45" })),
    unknownField: codeOf(() => assess(JSON.parse('{"asOf": "2025-01-01", "foo": 1}') as Situation)),
    emptyDate: codeOf(() => parseDate("")),
    ok: codeOf(() => rulesInfo()),
  },
};
console.log(JSON.stringify(report));
