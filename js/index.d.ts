// Types of the hoken-check package. They describe exactly what the WebAssembly module accepts
// and returns (a test compares them with real output). Dates are "YYYY-MM-DD" strings.

/** A calendar date in Japan time, written `YYYY-MM-DD`. */
export type IsoDate = string;

export type InsurerKind =
  | "kyokaiKenpo" | "kenpoKumiai" | "kyosai" | "senin" | "kokuho" | "kokuhoKumiai" | "kokiKoreisha";
export type KokiRegion = "saitama" | "other";
export type Smartphone = "none" | "iphone" | "android";
export type Circumstance =
  | "normal" | "readerFailure" | "noReader" | "schoolTrip" | "nursery" | "highCost"
  | "taxDeduction" | "lostMyNumberCard" | "lostOldCard" | "newQualification" | "assistanceNeeded";
export type DocumentToken =
  | "oldCard" | "mynahokenshoCard" | "mynahokenshoSmartphone" | "shikakuKakuninsho"
  | "mynacardPlusOshirase" | "mynacardPlusMynaportalScreen" | "moushitatesho" | "oshiraseAlone"
  | "mynaportalPdfOrPrintout" | "oshiraseCopy" | "kakuninshoCopy" | "mynacardPhotocopy"
  | "koureijukyushaSho" | "gendogakuNinteisho" | "kakuninshoWithGendoKubun" | "mynaportalIryouhiTsuchi";

/** The person's situation (CONTRACT.md). Only `asOf` is required; the rest default to
 * null / false / "none" / "normal" / []. Unknown fields are rejected. */
export interface Situation {
  asOf: IsoDate;
  insurerKind?: InsurerKind | null;
  birthDate?: IsoDate | null;
  kokiRegion?: KokiRegion | null;
  oldCardHeld?: boolean | null;
  oldCardPrintedExpiry?: IsoDate | null;
  oldCardIssuedBy20241201?: boolean | null;
  qualificationLostDate?: IsoDate | null;
  cardDataChangeDate?: IsoDate | null;
  hasMyNumberCard?: boolean | null;
  myNumberCardExpiry?: IsoDate | null;
  ecertExpiry?: IsoDate | null;
  registeredForInsurance?: boolean | null;
  registrationCancelledDate?: IsoDate | null;
  shikakuKakuninshoHeld?: boolean | null;
  shikakuKakuninshoExpiry?: IsoDate | null;
  shikakuJohoOshiraseHeld?: boolean | null;
  difficultyUsingCard?: boolean | null;
  kakuninshoApplicationMade?: boolean | null;
  smartphone?: Smartphone | null;
  facilitySupportsSmartphone?: boolean | null;
  situation?: Circumstance | null;
  documentsPresented?: DocumentToken[] | null;
}

/** A partial situation for `missingFields` (even `asOf` may be missing). */
export type PartialSituation = Partial<Situation>;

export type Copay = "normal" | "normalIfOnlineConfirmed" | "fullCostPossible";
export type KakuninshoRoute = "notYet" | "automatic" | "application" | "notNeeded";
export type Certainty = "verified" | "insurerDependent" | "sourcesDisagree" | "unverified";
export type DocumentKind = "oldCard" | "mynahokensho" | "shikakuKakuninsho" | "shikakuJohoOshirase" | "window";
export type Status =
  | "valid" | "grace" | "provisional" | "invalid" | "onTheWay" | "notHeld" | "onlyTogether"
  | "normal" | "atRisk";

/** The flat, required summary (the batch CSV columns). */
export interface Summary {
  oldCardValid: boolean | null;
  oldCardValidUntil: IsoDate | null;
  oldCardProvisionalAcceptance: boolean | null;
  mynahokenshoUsable: boolean;
  mynahokenshoUsableUntil: IsoDate | null;
  kakuninshoValid: boolean;
  kakuninshoRoute: KakuninshoRoute;
  documentsToShow: DocumentToken[];
  copay: Copay;
  fullCostRisk: boolean;
}

export interface Source {
  title: string;
  url: string;
}

/** Message parameters: dates are `YYYY-MM-DD`, tokens are strings, counts are numbers. */
export type MessageParams = Record<string, string | number>;

export interface Reason {
  ruleId: string;
  messageKey: string;
  params: MessageParams;
  source: Source | null;
  /** The insurer pack that decided this reason, when one was given. */
  pack?: PackCitation;
}

export interface Verdict {
  document: DocumentKind;
  status: Status;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
  graceUntil: IsoDate | null;
  certainty: Certainty;
  reasons: Reason[];
}

export interface TimelineEvent {
  date: IsoDate;
  document: DocumentKind;
  messageKey: string;
  rule: string;
  past: boolean;
}

export interface Action {
  messageKey: string;
  deadline: IsoDate | null;
  from: IsoDate | null;
  params: MessageParams;
  rule: string;
  certainty: Certainty;
  /** The insurer pack that decided this action, when one was given (`assess(s, { pack })`). */
  pack?: PackCitation;
  /** The insurer's contact from the pack, on an action that sends the person to the insurer. */
  contact?: InsurerContact;
}

/** How an answer cites the insurer pack that decided it (RULES.md §15, docs/packs.md). */
export interface PackCitation {
  /** The insurer's name as the pack gives it. */
  name: string;
  /** The pack's own version. */
  version: string;
  /** A hash of the pack's content (`fnv1a64:…`). */
  hash: string;
  /** The insurer's public page the fact comes from. */
  source: string;
  /** The day that page was last checked. */
  verifiedOn: IsoDate;
}

/** The insurer's contact, from its pack (only what the insurer published). */
export interface InsurerContact {
  name: string;
  phone?: string;
  hours?: string;
  web?: string;
  counter?: string;
  /** The pack (and page) the contact comes from. */
  pack: PackCitation;
}

/**
 * An insurer pack: the JSON document described by `packs/pack.schema.json` (docs/packs.md). The
 * engine validates every field and answers an invalid pack with a {@link HokenCheckError} whose
 * `field` is the path in the pack (`contact.phone`).
 */
export type InsurerPack = Readonly<Record<string, unknown>>;

/** Options of {@link assess}, {@link assessSummary} and {@link assessMany}. */
export interface AssessOptions {
  /** An insurer pack: its facts decide what RULES.md §15 lets an insurer decide, never more. */
  pack?: InsurerPack;
}

export interface Assistance {
  messageKey: string;
  certainty: Certainty;
  rule: string;
}

export interface Warning {
  code: string;
  field: string | null;
  /** Message parameters (e.g. the rule date the message names). */
  params: MessageParams;
}

export interface Assessment {
  asOf: IsoDate;
  rulesVersion: string;
  dataHash: string;
  rulesAsOf: IsoDate;
  summary: Summary;
  certainty: Certainty;
  verdicts: Verdict[];
  timeline: TimelineEvent[];
  nextActions: Action[];
  assistance: Assistance[];
  warnings: Warning[];
}

export type ErrorCode =
  | "malformedInput" | "notAnObject" | "unknownField" | "duplicateField" | "missingField"
  | "wrongType" | "unknownValue" | "malformedDate" | "impossibleDate" | "outOfRange" | "tooLarge"
  | "emptyInput" | "unbalancedQuote" | "wrongColumnCount" | "invalidEncoding" | "packNotForRecord";

/** Codes of an invalid insurer pack (`field` is then the path in the pack). */
export type PackErrorCode =
  | "malformedPack" | "packTooLarge" | "unknownField" | "duplicateField" | "missingField"
  | "wrongType" | "unknownValue" | "malformedDate" | "impossibleDate" | "outOfRange"
  | "notAnAddress" | "factNotForKind" | "overridesNationalRule" | "wrongInsurerKind" | "wrongRegion";

/** What `assessMany` puts in place of a record that failed. */
export interface ErrorRecord {
  error: { code: ErrorCode; field: string | null; messageJa: string; messageEn: string };
}

/** Every `code` a {@link HokenCheckError} can carry: the input codes of {@link ErrorCode}, the
 * date-parsing codes, and the initialisation codes (`wasmBlockedByCsp`: the page's
 * Content-Security-Policy forbids WebAssembly — add `'wasm-unsafe-eval'` to `script-src`;
 * `wasmInitFailed`: the `.wasm` could not be fetched or compiled, or `init()` got no `wasm`). */
export type HokenCheckErrorCode =
  | ErrorCode | PackErrorCode | "notAnArray" | "unreadableInput" | "emptyDate" | "unknownEra" | "beforeEraStart" | "internal"
  | "wasmBlockedByCsp" | "wasmInitFailed";

/**
 * The one error type of the package: bad input (thrown by every function), and a module that
 * could not be initialised (thrown or rejected by `init`, `initSync` and the entries at import).
 * A real `Error` with a stable `code`, the `field` at fault and a message in Japanese and English;
 * the person's data is never in the message.
 *
 * `err instanceof HokenCheckError` and {@link isHokenCheckError} recognise every such error,
 * including those the WebAssembly module creates and those of another copy of the package.
 *
 * @example
 * ```ts
 * try { assess({ asOf: "2025-02-30" }); }
 * catch (err) { if (isHokenCheckError(err)) console.log(err.code, err.field); } // "impossibleDate" "asOf"
 * ```
 */
export declare class HokenCheckError extends Error {
  /** Creates an error of the package's shape (mainly for tests and wrappers). */
  constructor(
    code: HokenCheckErrorCode,
    details: { field?: string | null; messageJa: string; messageEn: string; cause?: unknown },
  );
  name: "HokenCheckError";
  /** Stable, machine-readable cause. */
  code: HokenCheckErrorCode;
  /** The input field at fault (camelCase), or null when the whole input is. */
  field: string | null;
  /** The message in Japanese. */
  messageJa: string;
  /** The message in English (also `message`). */
  messageEn: string;
}

/**
 * Whether `value` is a {@link HokenCheckError} (a type guard). Checks the shape, so it works for
 * errors from the WebAssembly module and from any copy of the package (ESM and CommonJS).
 */
export function isHokenCheckError(value: unknown): value is HokenCheckError;

/** A compiled `WebAssembly.Module` where the program's lib declares one (dom, webworker or
 * @types/node); the types need neither DOM nor Node declarations to compile. */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (bytes: never) => infer M } }
  ? M
  : never;

/** Where the WebAssembly module comes from: a URL (string or `URL`, fetched), a `Response` or a
 * promise of one, its bytes, or a compiled `WebAssembly.Module`. */
export type WasmSource =
  | string
  | { readonly href: string }
  | { arrayBuffer(): Promise<ArrayBuffer> }
  | PromiseLike<{ arrayBuffer(): Promise<ArrayBuffer> }>
  | ArrayBuffer
  | ArrayBufferView
  | WasmModule;

/** Options of {@link init}. */
export interface InitOptions {
  /** The `.wasm` (`hoken-check/hoken_check_bg.wasm` in the package): URL, response, bytes or module. */
  wasm: WasmSource;
}

/** Options of {@link initSync}. */
export interface InitSyncOptions {
  /** The `.wasm` bytes or a compiled `WebAssembly.Module` (no URL: nothing is fetched). */
  wasm: ArrayBuffer | ArrayBufferView | WasmModule;
}

/**
 * Initialises the WebAssembly module from where you say. Needed only with `hoken-check/slim`
 * (the other entries initialise themselves at import; there it resolves at once). Resolves once
 * every function can be called; calling it again does nothing.
 *
 * @throws (rejects with) {@link HokenCheckError} `wasmBlockedByCsp` when the page's
 * Content-Security-Policy forbids WebAssembly, `wasmInitFailed` when the `.wasm` cannot be
 * fetched or compiled.
 * @example
 * ```ts
 * import { init, assess } from "hoken-check/slim";
 * await init({ wasm: new URL("./hoken_check_bg.wasm", import.meta.url) });
 * ```
 */
export function init(options: InitOptions): Promise<void>;

/**
 * Initialises the WebAssembly module synchronously from its bytes or a compiled module. Needed
 * only with `hoken-check/slim`; does nothing when already initialised.
 *
 * @throws {@link HokenCheckError} `wasmBlockedByCsp` or `wasmInitFailed`, as {@link init}.
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { initSync, assess } from "hoken-check/slim";
 * initSync({ wasm: readFileSync(require.resolve("hoken-check/hoken_check_bg.wasm")) });
 * ```
 */
export function initSync(options: InitSyncOptions): void;

export interface MissingFields {
  /** Unanswered fields whose answer could change the summary, in question order. */
  fields: (keyof Situation)[];
  complete: boolean;
}

export type Era = "meiji" | "taisho" | "showa" | "heisei" | "reiwa";

export interface DateWarning {
  code: "pastEraEnd";
  printedEra: Era;
  actualEra: Era;
}

export interface ParsedDate {
  date: IsoDate;
  era: Era | null;
  warnings: DateWarning[];
}

/** A date in the era in force on it; year 1 is written 元年. */
export interface Wareki {
  era: Era;
  year: number;
  month: number;
  day: number;
}

export interface RuleInfo {
  id: string;
  certainty: Certainty;
  titleJa: string;
  titleEn: string;
  sources: Source[];
}

export interface Param {
  name: string;
  value: IsoDate | number;
  rule: string;
  meaning: string;
  source: string;
  verifiedOn: IsoDate;
}

export interface RulesInfo {
  rulesVersion: string;
  dataHash: string;
  rulesAsOf: IsoDate;
  rules: RuleInfo[];
  params: Param[];
}

/**
 * Assesses one situation: the summary, a verdict per document with its reasons (rule ids and
 * sources), the timeline, next actions, assistance and warnings, and how certain it all is.
 *
 * @param situation - What the person holds and knows, as of `situation.asOf` (CONTRACT.md).
 * @param options - `pack`: an insurer pack (docs/packs.md); its facts become definite answers that
 *   cite it, and next actions carry the insurer's contact.
 * @returns The full {@link Assessment}.
 * @throws {@link HokenCheckError} for invalid input (unknown field, wrong type, impossible date …).
 * @example
 * ```ts
 * const { summary, verdicts } = assess({ asOf: "2026-11-25", insurerKind: "kokuho", hasMyNumberCard: false });
 * ```
 */
export function assess(situation: Situation, options?: AssessOptions): Assessment;
/**
 * Only the flat summary of {@link assess} — far cheaper across the boundary (batch checks).
 *
 * @param situation - As for {@link assess}.
 * @returns The {@link Summary}, equal to `assess(situation).summary`.
 * @throws {@link HokenCheckError} for invalid input.
 */
export function assessSummary(situation: Situation, options?: AssessOptions): Summary;
/**
 * Assesses many situations; one result per input, in order. Never throws for a bad record: its
 * place holds an {@link ErrorRecord}.
 *
 * @param situations - An array of situations.
 * @returns An {@link Assessment} or an {@link ErrorRecord} per input.
 * @throws {@link HokenCheckError} `notAnArray` when `situations` is not an array.
 */
export function assessMany(situations: Situation[], options?: AssessOptions): (Assessment | ErrorRecord)[];
/**
 * Which unanswered fields would change the answer, in question order (for guided forms).
 *
 * @param partial - The answers so far (even `asOf` may be missing).
 * @param options - `pack`: an insurer pack; what it answers (insurer kind, 後期 region) is not listed.
 * @returns The {@link MissingFields}; `complete` when no unanswered field matters.
 * @throws {@link HokenCheckError} for invalid answers (and `packNotForRecord` for a pack of
 * another insurer kind or region than the answers).
 */
export function missingFields(partial: PartialSituation, options?: AssessOptions): MissingFields;
/**
 * Reads a date as printed on a card (令和7年12月1日, R7.12.1, ２０２５／１２／０１ …).
 *
 * @param text - The printed date.
 * @returns The ISO date, the era it was written in, and warnings (e.g. 平成31年5月1日 is past the era's end).
 * @throws {@link HokenCheckError} `emptyDate`, `unknownEra`, `malformedDate`, `impossibleDate` …
 */
export function parseDate(text: string): ParsedDate;
/**
 * A `YYYY-MM-DD` date as 和暦 parts, in the era in force on that day (year 1 is 元年).
 *
 * @param isoDate - A `YYYY-MM-DD` date on or after 1868-01-25 (明治).
 * @returns The {@link Wareki} parts.
 * @throws {@link HokenCheckError} for a bad date or one before 1868.
 */
export function toWareki(isoDate: IsoDate): Wareki;
/**
 * Rules version, data hash, rules-as-of date, every rule (id, certainty, titles, sources) and
 * every dated parameter with its source and `verifiedOn` date.
 *
 * @returns The {@link RulesInfo}.
 */
export function rulesInfo(): RulesInfo;
