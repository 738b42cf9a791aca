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
  | "wrongType" | "unknownValue" | "malformedDate" | "impossibleDate" | "tooLarge";

/** What `assessMany` puts in place of a record that failed. */
export interface ErrorRecord {
  error: { code: ErrorCode; field: string | null; messageJa: string; messageEn: string };
}

/** Thrown by every function for bad input: a real `Error` with a stable code. */
export interface HokenCheckError extends Error {
  name: "HokenCheckError";
  code: ErrorCode | "notAnArray" | "emptyDate" | "unknownEra" | "beforeEraStart" | "outOfRange" | "internal";
  field: string | null;
  messageJa: string;
  messageEn: string;
}

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

/** Assesses one situation. Throws a `HokenCheckError` for invalid input. */
export function assess(situation: Situation): Assessment;
/** Only the flat summary of `assess` — far cheaper across the boundary (batch checks). */
export function assessSummary(situation: Situation): Summary;
/** Assesses many; one result per input, in order; never throws for a bad record. */
export function assessMany(situations: Situation[]): (Assessment | ErrorRecord)[];
/** Which unanswered fields would change the answer. */
export function missingFields(partial: PartialSituation): MissingFields;
/** A date as printed on a card (令和7年12月1日, R7.12.1, ２０２５／１２／０１ …). */
export function parseDate(text: string): ParsedDate;
/** A `YYYY-MM-DD` date as 和暦 parts (throws `HokenCheckError` for a bad date or one before 1868). */
export function toWareki(isoDate: IsoDate): Wareki;
/** Rules version, data hash, rules-as-of date, every rule and dated parameter. */
export function rulesInfo(): RulesInfo;
