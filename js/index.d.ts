// Types of the hoken-check package. They describe exactly what the WebAssembly module accepts
// and returns (a test compares them with real output). Dates are "YYYY-MM-DD" strings.

/** A calendar date in Japan time, written `YYYY-MM-DD`. */
export type IsoDate = string;

// BEGIN GENERATED input enums — by scripts/gen-types.mjs from the Rust definitions; do not edit
/**
 * The insurer the person belongs to on `asOf`.
 *
 * - `"kyokaiKenpo"`: 協会けんぽ
 * - `"kenpoKumiai"`: 健康保険組合
 * - `"kyosai"`: 共済組合
 * - `"senin"`: 船員保険
 * - `"kokuho"`: 国民健康保険 (市町村)
 * - `"kokuhoKumiai"`: 国民健康保険組合 (建設国保 …)
 * - `"kokiKoreisha"`: 後期高齢者医療
 */
export type InsurerKind =
  /** 協会けんぽ */
  | "kyokaiKenpo"
  /** 健康保険組合 */
  | "kenpoKumiai"
  /** 共済組合 */
  | "kyosai"
  /** 船員保険 */
  | "senin"
  /** 国民健康保険 (市町村) */
  | "kokuho"
  /** 国民健康保険組合 (建設国保 …) */
  | "kokuhoKumiai"
  /** 後期高齢者医療 */
  | "kokiKoreisha";

/**
 * Region of the 後期高齢者医療広域連合 (R-KOKI-2).
 *
 * - `"saitama"`: 埼玉県
 * - `"other"`: any other prefecture
 */
export type KokiRegion =
  /** 埼玉県 */
  | "saitama"
  /** any other prefecture */
  | "other";

/**
 * Smartphone マイナ保険証 set up (R-MYNA-5).
 *
 * - `"none"`: none
 * - `"iphone"`: iPhone のマイナンバーカード
 * - `"android"`: Android スマホ用電子証明書
 */
export type Smartphone =
  /** none */
  | "none"
  /** iPhone のマイナンバーカード */
  | "iphone"
  /** Android スマホ用電子証明書 */
  | "android";

/**
 * The circumstance being asked about.
 *
 * - `"normal"`: an ordinary visit
 * - `"readerFailure"`: the card reader or the network fails (R-FAIL-1)
 * - `"noReader"`: the facility has no reader
 * - `"schoolTrip"`: school trip / club camp (R-OSHI-2)
 * - `"nursery"`: nursery / kindergarten (R-OSHI-2)
 * - `"highCost"`: hospital stay / high cost (R-HIGH-1)
 * - `"taxDeduction"`: 医療費控除 (R-TAX-1)
 * - `"lostMyNumberCard"`: the My Number card is lost
 * - `"lostOldCard"`: the traditional card is lost
 * - `"newQualification"`: just joined a new insurer (R-FAIL-2)
 * - `"assistanceNeeded"`: needs help at the reader (R-MYNA-6)
 */
export type Circumstance =
  /** an ordinary visit */
  | "normal"
  /** the card reader or the network fails (R-FAIL-1) */
  | "readerFailure"
  /** the facility has no reader */
  | "noReader"
  /** school trip / club camp (R-OSHI-2) */
  | "schoolTrip"
  /** nursery / kindergarten (R-OSHI-2) */
  | "nursery"
  /** hospital stay / high cost (R-HIGH-1) */
  | "highCost"
  /** 医療費控除 (R-TAX-1) */
  | "taxDeduction"
  /** the My Number card is lost */
  | "lostMyNumberCard"
  /** the traditional card is lost */
  | "lostOldCard"
  /** just joined a new insurer (R-FAIL-2) */
  | "newQualification"
  /** needs help at the reader (R-MYNA-6) */
  | "assistanceNeeded";

/**
 * Document tokens (what a person brings / should show).
 *
 * - `"oldCard"`: 従来の健康保険証
 * - `"mynahokenshoCard"`: マイナ保険証 (the card)
 * - `"mynahokenshoSmartphone"`: マイナ保険証 on a smartphone
 * - `"shikakuKakuninsho"`: 資格確認書
 * - `"mynacardPlusOshirase"`: マイナンバーカード + 資格情報のお知らせ
 * - `"mynacardPlusMynaportalScreen"`: マイナンバーカード + マイナポータルの資格情報画面
 * - `"moushitatesho"`: 被保険者資格申立書
 * - `"oshiraseAlone"`: 資格情報のお知らせ only
 * - `"mynaportalPdfOrPrintout"`: マイナポータル 資格情報 PDF or printout
 * - `"oshiraseCopy"`: copy of the お知らせ
 * - `"kakuninshoCopy"`: copy of the 資格確認書
 * - `"mynacardPhotocopy"`: photocopy of the My Number card
 * - `"koureijukyushaSho"`: 高齢受給者証
 * - `"gendogakuNinteisho"`: 限度額適用認定証
 * - `"kakuninshoWithGendoKubun"`: 資格確認書 with 限度区分 printed
 * - `"mynaportalIryouhiTsuchi"`: マイナポータル 医療費通知情報
 */
export type DocumentToken =
  /** 従来の健康保険証 */
  | "oldCard"
  /** マイナ保険証 (the card) */
  | "mynahokenshoCard"
  /** マイナ保険証 on a smartphone */
  | "mynahokenshoSmartphone"
  /** 資格確認書 */
  | "shikakuKakuninsho"
  /** マイナンバーカード + 資格情報のお知らせ */
  | "mynacardPlusOshirase"
  /** マイナンバーカード + マイナポータルの資格情報画面 */
  | "mynacardPlusMynaportalScreen"
  /** 被保険者資格申立書 */
  | "moushitatesho"
  /** 資格情報のお知らせ only */
  | "oshiraseAlone"
  /** マイナポータル 資格情報 PDF or printout */
  | "mynaportalPdfOrPrintout"
  /** copy of the お知らせ */
  | "oshiraseCopy"
  /** copy of the 資格確認書 */
  | "kakuninshoCopy"
  /** photocopy of the My Number card */
  | "mynacardPhotocopy"
  /** 高齢受給者証 */
  | "koureijukyushaSho"
  /** 限度額適用認定証 */
  | "gendogakuNinteisho"
  /** 資格確認書 with 限度区分 printed */
  | "kakuninshoWithGendoKubun"
  /** マイナポータル 医療費通知情報 */
  | "mynaportalIryouhiTsuchi";
// END GENERATED input enums

// BEGIN GENERATED situation — by scripts/gen-types.mjs from the Rust definitions; do not edit
/**
 * The person's situation (CONTRACT.md). Only `asOf` is required; a field left out (or null) takes
 * its default. Unknown fields are rejected (`unknownField`). Dates are `YYYY-MM-DD`.
 */
export interface Situation {
  /** The day being evaluated: "today" is passed in, the engine never reads a clock. */
  asOf: IsoDate;
  /**
   * The insurer the person belongs to on `asOf` (not given: a warning, and the answers that depend
   * on it say so).
   */
  insurerKind?: InsurerKind | null;
  /**
   * Date of birth: the engine derives the 70th- and 75th-birthday ends of the old card (R-OLD-5,
   * R-OLD-8), 高齢受給者証 (R-OLD-7) and the 後期 age rules (R-KOKI-2) from it.
   */
  birthDate?: IsoDate | null;
  /** Region of the 後期高齢者医療広域連合; only matters for 後期高齢者 from 2026-08-01 (R-KOKI-2). */
  kokiRegion?: KokiRegion | null;
  /** Holds a traditional 健康保険証 (possibly from a previous insurer). Absent or null: false. */
  oldCardHeld?: boolean | null;
  /** The old card's printed expiry; null = no expiry printed on the card. */
  oldCardPrintedExpiry?: IsoDate | null;
  /**
   * The old card was issued by 2024-12-01. Null = assume true; false is a card that cannot be a
   * traditional one (none were issued after 2024-12-01): a warning, and it is never valid.
   */
  oldCardIssuedBy20241201?: boolean | null;
  /** 資格喪失日 under the insurer that issued the old card (退職, 転職, 75歳到達, 転居 for 国保/後期 …). */
  qualificationLostDate?: IsoDate | null;
  /** Change of printed data (住所, 負担割合 …); it ends a 国保, 国保組合 or 後期 card (R-OLD-1 item 4). */
  cardDataChangeDate?: IsoDate | null;
  /** Has a My Number card. Absent or null: false. */
  hasMyNumberCard?: boolean | null;
  /** Expiry of the My Number card body. */
  myNumberCardExpiry?: IsoDate | null;
  /** Expiry of the 利用者証明用電子証明書 on the My Number card. */
  ecertExpiry?: IsoDate | null;
  /** 健康保険証利用登録 done (the card is registered as マイナ保険証). Absent or null: false. */
  registeredForInsurance?: boolean | null;
  /** Date of the 利用登録解除 (cancelled registration as マイナ保険証). */
  registrationCancelledDate?: IsoDate | null;
  /**
   * Holds a 資格確認書, taken to be from the current insurer (`insurerKind`); `qualificationLostDate`
   * concerns the old card only. Absent or null: false.
   */
  shikakuKakuninshoHeld?: boolean | null;
  /** The 資格確認書's printed expiry. */
  shikakuKakuninshoExpiry?: IsoDate | null;
  /** Holds the 資格情報のお知らせ. Absent or null: false. */
  shikakuJohoOshiraseHeld?: boolean | null;
  /** 要配慮者: elderly, disabled, or needs help at the card reader (R-KAKU-2). Absent or null: false. */
  difficultyUsingCard?: boolean | null;
  /** Applied for a 資格確認書. Absent or null: false. */
  kakuninshoApplicationMade?: boolean | null;
  /** Smartphone マイナ保険証 set up (R-MYNA-5). Absent or null: "none". */
  smartphone?: Smartphone | null;
  /** The clinic has the smartphone reader; null = not known. */
  facilitySupportsSmartphone?: boolean | null;
  /** The circumstance being asked about. Absent or null: "normal". */
  situation?: Circumstance | null;
  /**
   * What the person brings; empty = "what are my options" (in the order given; duplicates removed).
   * Absent or null: [].
   */
  documentsPresented?: DocumentToken[] | null;
}
// END GENERATED situation

/** A partial situation for `missingFields` (even `asOf` may be missing). */
export type PartialSituation = Partial<Situation>;

// BEGIN GENERATED output enums — by scripts/gen-types.mjs from the Rust definitions; do not edit
/**
 * What the window may charge (CONTRACT.md `copay`).
 *
 * - `"normal"`: The normal share (3割 etc.).
 * - `"normalIfOnlineConfirmed"`: Normal only if the clinic confirms the qualification online
 *    (R-PROV-1: a permission to clinics, not a right).
 * - `"fullCostPossible"`: The clinic may ask for the full cost (10割), refundable later as 療養費.
 */
export type Copay =
  /** The normal share (3割 etc.). */
  | "normal"
  /**
   * Normal only if the clinic confirms the qualification online (R-PROV-1: a permission to clinics,
   * not a right).
   */
  | "normalIfOnlineConfirmed"
  /** The clinic may ask for the full cost (10割), refundable later as 療養費. */
  | "fullCostPossible";

/**
 * How this person gets (or got) a 資格確認書 (CONTRACT.md decision list).
 *
 * - `"notYet"`: `asOf` is before 2024-12-02.
 * - `"automatic"`: Sent without application.
 * - `"application"`: Only on application.
 * - `"notNeeded"`: Not needed: a usable マイナ保険証 and no ground to apply.
 */
export type KakuninshoRoute =
  /** `asOf` is before 2024-12-02. */
  | "notYet"
  /** Sent without application. */
  | "automatic"
  /** Only on application. */
  | "application"
  /** Not needed: a usable マイナ保険証 and no ground to apply. */
  | "notNeeded";

/**
 * How firmly a verdict rests on public sources (RULES.md "Confidence levels", §11–12). Ordered from
 * strongest to weakest, so `max()` of several certainties is the weakest.
 *
 * - `"verified"`: Stated by an official body; several sources agree.
 * - `"insurerDependent"`: The rule is certain, but the date or the practice is set by each insurer.
 * - `"sourcesDisagree"`: Official sources say different things; the product uses the reading
 *    RULES.md chose.
 * - `"unverified"`: Plausible, but from a single or non-official source only.
 */
export type Certainty =
  /** Stated by an official body; several sources agree. */
  | "verified"
  /** The rule is certain, but the date or the practice is set by each insurer. */
  | "insurerDependent"
  /** Official sources say different things; the product uses the reading RULES.md chose. */
  | "sourcesDisagree"
  /** Plausible, but from a single or non-official source only. */
  | "unverified";

/**
 * The document families a verdict speaks of.
 *
 * - `"oldCard"`: 従来の健康保険証
 * - `"mynahokensho"`: マイナ保険証
 * - `"shikakuKakuninsho"`: 資格確認書
 * - `"shikakuJohoOshirase"`: 資格情報のお知らせ
 * - `"window"`: What the window charges for what is presented.
 */
export type DocumentKind =
  /** 従来の健康保険証 */
  | "oldCard"
  /** マイナ保険証 */
  | "mynahokensho"
  /** 資格確認書 */
  | "shikakuKakuninsho"
  /** 資格情報のお知らせ */
  | "shikakuJohoOshirase"
  /** What the window charges for what is presented. */
  | "window";

/**
 * Status of a document on `asOf`.
 *
 * - `"valid"`: Valid / usable.
 * - `"grace"`: Usable only within the grace period after expiry (R-MYNA-3).
 * - `"provisional"`: Not valid on its own, but clinics may accept it with an online check
 *    (R-PROV-1).
 * - `"invalid"`: Expired or invalid.
 * - `"onTheWay"`: Not held, but coming (automatic route or applied for).
 * - `"notHeld"`: Not held.
 * - `"onlyTogether"`: Usable only together with another document (お知らせ).
 * - `"normal"`: The window charges the normal share.
 * - `"atRisk"`: The window may charge the full cost, or normal only after an online check.
 */
export type Status =
  /** Valid / usable. */
  | "valid"
  /** Usable only within the grace period after expiry (R-MYNA-3). */
  | "grace"
  /** Not valid on its own, but clinics may accept it with an online check (R-PROV-1). */
  | "provisional"
  /** Expired or invalid. */
  | "invalid"
  /** Not held, but coming (automatic route or applied for). */
  | "onTheWay"
  /** Not held. */
  | "notHeld"
  /** Usable only together with another document (お知らせ). */
  | "onlyTogether"
  /** The window charges the normal share. */
  | "normal"
  /** The window may charge the full cost, or normal only after an online check. */
  | "atRisk";

/**
 * Stable warning codes (the catalog key is `warning.<code>`).
 *
 * - `"insurerKindNotGiven"`: Catalog key `warning.insurerKindNotGiven`.
 * - `"birthDateAfterAsOf"`: Catalog key `warning.birthDateAfterAsOf`.
 * - `"notApplicableNotKoki"`: Catalog key `warning.notApplicableNotKoki`.
 * - `"notApplicableNoSmartphone"`: Catalog key `warning.notApplicableNoSmartphone`.
 * - `"presentedButNotHeld"`: Catalog key `warning.presentedButNotHeld`.
 * - `"notApplicableNoOldCard"`: Catalog key `warning.notApplicableNoOldCard`.
 * - `"oldCardCannotExist"`: Catalog key `warning.oldCardCannotExist`.
 * - `"dataChangeOnlyRegionalCards"`: Catalog key `warning.dataChangeOnlyRegionalCards`.
 * - `"notApplicableNoMyNumberCard"`: Catalog key `warning.notApplicableNoMyNumberCard`.
 * - `"cancellationBeforeAccepted"`: Catalog key `warning.cancellationBeforeAccepted`.
 * - `"ecertAfterCardExpiry"`: Catalog key `warning.ecertAfterCardExpiry`.
 * - `"kakuninshoBeforeAbolition"`: Catalog key `warning.kakuninshoBeforeAbolition`.
 * - `"kakuninshoExpiryTooFar"`: Catalog key `warning.kakuninshoExpiryTooFar`.
 * - `"kakuninshoExpiryNotGiven"`: Catalog key `warning.kakuninshoExpiryNotGiven`.
 * - `"notApplicableNoKakuninsho"`: Catalog key `warning.notApplicableNoKakuninsho`.
 */
export type WarningCode =
  /** Catalog key `warning.insurerKindNotGiven`. */
  | "insurerKindNotGiven"
  /** Catalog key `warning.birthDateAfterAsOf`. */
  | "birthDateAfterAsOf"
  /** Catalog key `warning.notApplicableNotKoki`. */
  | "notApplicableNotKoki"
  /** Catalog key `warning.notApplicableNoSmartphone`. */
  | "notApplicableNoSmartphone"
  /** Catalog key `warning.presentedButNotHeld`. */
  | "presentedButNotHeld"
  /** Catalog key `warning.notApplicableNoOldCard`. */
  | "notApplicableNoOldCard"
  /** Catalog key `warning.oldCardCannotExist`. */
  | "oldCardCannotExist"
  /** Catalog key `warning.dataChangeOnlyRegionalCards`. */
  | "dataChangeOnlyRegionalCards"
  /** Catalog key `warning.notApplicableNoMyNumberCard`. */
  | "notApplicableNoMyNumberCard"
  /** Catalog key `warning.cancellationBeforeAccepted`. */
  | "cancellationBeforeAccepted"
  /** Catalog key `warning.ecertAfterCardExpiry`. */
  | "ecertAfterCardExpiry"
  /** Catalog key `warning.kakuninshoBeforeAbolition`. */
  | "kakuninshoBeforeAbolition"
  /** Catalog key `warning.kakuninshoExpiryTooFar`. */
  | "kakuninshoExpiryTooFar"
  /** Catalog key `warning.kakuninshoExpiryNotGiven`. */
  | "kakuninshoExpiryNotGiven"
  /** Catalog key `warning.notApplicableNoKakuninsho`. */
  | "notApplicableNoKakuninsho";

/**
 * Japanese eras this parser knows. Serialised as camelCase strings: `"meiji"`, `"taisho"`,
 * `"showa"`, `"heisei"`, `"reiwa"`. Ordered chronologically.
 *
 * - `"meiji"`: 明治 (from 1868-10-23; year numbering from 1868-01-01).
 * - `"taisho"`: 大正 (from 1912-07-30).
 * - `"showa"`: 昭和 (from 1926-12-25).
 * - `"heisei"`: 平成 (from 1989-01-08).
 * - `"reiwa"`: 令和 (from 2019-05-01).
 */
export type Era =
  /** 明治 (from 1868-10-23; year numbering from 1868-01-01). */
  | "meiji"
  /** 大正 (from 1912-07-30). */
  | "taisho"
  /** 昭和 (from 1926-12-25). */
  | "showa"
  /** 平成 (from 1989-01-08). */
  | "heisei"
  /** 令和 (from 2019-05-01). */
  | "reiwa";
// END GENERATED output enums

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
  /** Stable code; the catalog key is `warning.<code>`. */
  code: WarningCode;
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

// BEGIN GENERATED error codes — by scripts/gen-types.mjs from the Rust definitions; do not edit
/**
 * Stable error codes (camelCase strings in JSON).
 *
 * - `"malformedInput"`: The input (or one record of it) is not valid JSON / CSV at all.
 * - `"notAnObject"`: The record is not an object (e.g. a number, a string, an array, `undefined`).
 * - `"unknownField"`: A field name that the contract does not know (reported by position and hash).
 * - `"duplicateField"`: The same field twice in one record.
 * - `"missingField"`: A required field (`asOf`) is absent or null.
 * - `"wrongType"`: A value of the wrong JSON type (a number where a date string belongs …).
 * - `"unknownValue"`: A string that is not one of the field's enum values / document tokens.
 * - `"malformedDate"`: A date not in the form the field takes.
 * - `"impossibleDate"`: A date in the right form that does not exist on the calendar (2025-02-30).
 * - `"outOfRange"`: A well-formed date outside the supported years (`dates::MIN_YEAR..=MAX_YEAR`):
 *    0000-01-01, 9999-12-31, 1867-12-31.
 * - `"tooLarge"`: A value or record far larger than any real one.
 * - `"emptyInput"`: The input holds no record at all (empty, or only white space / a header row).
 * - `"unbalancedQuote"`: A CSV line whose quote (`"`) is not closed as CSV requires: the record
 *    ends at that line's end and reading resumes on the next line.
 * - `"wrongColumnCount"`: A CSV row with more or fewer cells than the header row.
 * - `"invalidEncoding"`: A record with bytes that are not valid in the input's character encoding
 *    (UTF-8, or Shift_JIS / CP932 when detected or chosen).
 * - `"packNotForRecord"`: The insurer pack given with the record (`--pack`, `{ pack }`) is for
 *    another insurer kind or 後期 region than the record's `insurerKind` / `kokiRegion` (RULES.md
 *    §15: a pack answers only for its own insurer).
 */
export type ErrorCode =
  | "malformedInput"
  | "notAnObject"
  | "unknownField"
  | "duplicateField"
  | "missingField"
  | "wrongType"
  | "unknownValue"
  | "malformedDate"
  | "impossibleDate"
  | "outOfRange"
  | "tooLarge"
  | "emptyInput"
  | "unbalancedQuote"
  | "wrongColumnCount"
  | "invalidEncoding"
  | "packNotForRecord";

/**
 * Stable error codes of pack validation. `field` is then the path in the pack.
 *
 * - `"malformedPack"`: Not JSON at all.
 * - `"packTooLarge"`: Larger than `MAX_PACK_BYTES`, or a string longer than `MAX_STRING_CHARS`.
 * - `"unknownField"`: A field the schema does not know.
 * - `"duplicateField"`: The same field twice in one object.
 * - `"missingField"`: A required field is absent or null.
 * - `"wrongType"`: A value of the wrong JSON type.
 * - `"unknownValue"`: A string that is not one of the allowed values (or an unknown
 *    `schemaVersion`).
 * - `"malformedDate"`: A date not written `YYYY-MM-DD`.
 * - `"impossibleDate"`: A date that does not exist on the calendar.
 * - `"outOfRange"`: A number or date outside the range the fact allows.
 * - `"notAnAddress"`: A `source` that is not a web address (`https://…`).
 * - `"factNotForKind"`: A fact that insurers of the pack's kind cannot decide (RULES.md §15).
 * - `"overridesNationalRule"`: A fact that would change a national rule (RULES.md §15).
 * - `"wrongInsurerKind"`: The pack is for another insurer kind than the Situation's.
 * - `"wrongRegion"`: The pack is for another 後期 region than the Situation's `kokiRegion`.
 * - `"packsNotInThisBuild"`: This build of the engine has no pack reader (built without the cargo
 *    feature `pack-json`: the page's small module, www/pkg/). Load the full module (the npm
 *    package, or the page's www/pkg-pack/) to use a pack.
 */
export type PackErrorCode =
  | "malformedPack"
  | "packTooLarge"
  | "unknownField"
  | "duplicateField"
  | "missingField"
  | "wrongType"
  | "unknownValue"
  | "malformedDate"
  | "impossibleDate"
  | "outOfRange"
  | "notAnAddress"
  | "factNotForKind"
  | "overridesNationalRule"
  | "wrongInsurerKind"
  | "wrongRegion"
  | "packsNotInThisBuild";

/** Codes of a date that cannot be read (parseDate, toWareki; from `DateError::code`). */
export type DateErrorCode =
  | "emptyDate" | "malformedDate" | "impossibleDate" | "unknownEra" | "beforeEraStart"
  | "outOfRange";

/**
 * Codes only the JS boundary raises (`JS_CODES`): a getter or Proxy threw (`unreadableInput`), not
 * an array (`notAnArray`), a result that could not be built (`internal`).
 */
export type BoundaryErrorCode =
  | "unreadableInput" | "notAnArray" | "internal";

/**
 * Codes the package's JavaScript raises itself (`new HokenCheckError` in js/*.js): the
 * initialisation codes (see HokenCheckErrorCode) and `malformedInput` for an argument of
 * assessPacked/summaryAt that is not what encodeSituations/assessPacked returned.
 */
export type JsErrorCode =
  | "malformedInput" | "wasmBlockedByCsp" | "wasmInitFailed" | "wasmNotInitialized";
// END GENERATED error codes

/** What `assessMany` and the batch functions put in place of a record that failed
 * (`unreadableInput`: a getter or Proxy threw while the record was read). */
export interface ErrorRecord {
  error: { code: ErrorCode | BoundaryErrorCode; field: string | null; messageJa: string; messageEn: string };
}

/** Every `code` a {@link HokenCheckError} can carry: the input codes of {@link ErrorCode}, the
 * date-parsing codes, and the initialisation codes (`wasmBlockedByCsp`: the page's
 * Content-Security-Policy forbids WebAssembly — add `'wasm-unsafe-eval'` to `script-src`;
 * `wasmInitFailed`: the `.wasm` could not be fetched or compiled, or `init()` got no `wasm`;
 * `wasmNotInitialized`: a function of `hoken-check/slim` was called before `init()` finished). */
export type HokenCheckErrorCode = ErrorCode | PackErrorCode | DateErrorCode | BoundaryErrorCode | JsErrorCode;

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

// --- batches ------------------------------------------------------------------------------------

/**
 * Summaries of many situations in one call through the packed batch (the fastest way to get
 * many summaries). One result per input, in order; never throws for a bad record: its place
 * holds an {@link ErrorRecord} with the same code and message {@link assessSummary} would throw.
 *
 * @param situations - An array of situations.
 * @param options - `pack`: an insurer pack, validated once (an invalid one throws); records are
 *   then assessed one call each (the packed batch carries no pack).
 * @returns A {@link Summary} or an {@link ErrorRecord} per input.
 * @throws {@link HokenCheckError} `notAnArray` when `situations` is not an array; a pack error.
 * @example
 * ```ts
 * for (const r of assessSummaries(rows)) console.log("error" in r ? r.error.code : r.kakuninshoRoute);
 * ```
 */
export function assessSummaries(situations: Situation[], options?: AssessOptions): (Summary | ErrorRecord)[];

/** Situations read into packed words and bytes, one record after another: transferable to a
 * Web Worker (`postMessage(p, [p.words.buffer, p.bytes.buffer])`). Opaque: pass it on as it is. */
export interface PackedSituations {
  /** The records' words (layout in docs/boundary.md). */
  words: Int32Array;
  /** The UTF-8 bytes of strings that are neither a date nor a known token. */
  bytes: Uint8Array;
  /** How many records. */
  count: number;
}

/** An input field of the packed layout (from the Rust `FIELDS`). */
export interface PackedField {
  name: keyof Situation;
  kind: "date" | "optDate" | "bool" | "optBool" | "enum" | "documents";
  /** The enum values or document tokens the field takes (empty for dates and booleans). */
  values: string[];
}

/** A summary column of a packed row: its key, kind and first word. */
export interface PackedColumn {
  name: keyof Summary;
  kind: "optBool" | "bool" | "optDate" | "route" | "copay" | "documents";
  /** Its first word within a row. */
  at: number;
}

/** The packed layout, defined once in Rust (`FIELDS`, the enums, the summary columns). */
export interface PackedLayout {
  fields: PackedField[];
  /** Strings sent as an index instead of bytes (enum values and document tokens). */
  tokens: string[];
  documents: DocumentToken[];
  routes: KakuninshoRoute[];
  copays: Copay[];
  /** A row's status word is 0 for a summary, else 1 + an index in this list. */
  errorCodes: string[];
  columns: PackedColumn[];
  /** Words per row of {@link assessPacked}'s result. */
  summaryWidth: number;
}

/** The packed layout: field table, summary columns and row width (for reading rows yourself). */
export function packedLayout(): PackedLayout;
/**
 * Reads situations into packed words and bytes (on any thread; the result is transferable).
 * A record that cannot be read becomes an error row later; nothing throws but a non-array.
 *
 * @throws {@link HokenCheckError} `notAnArray`.
 */
export function encodeSituations(situations: Situation[]): PackedSituations;
/**
 * Summaries of packed situations: `count × summaryWidth` words, one row per record, errors in
 * place (see {@link packedLayout}). Never throws for a bad record.
 *
 * @throws {@link HokenCheckError} `malformedInput` when `packed` is not what
 *   {@link encodeSituations} returns.
 */
export function assessPacked(packed: PackedSituations): Int32Array;
/**
 * Row `i` of {@link assessPacked}'s result as a {@link Summary}, or an {@link ErrorRecord}; pass
 * the packed input too so that a field name outside the contract is reported (by position and
 * hash) as {@link assessSummary} would.
 *
 * @throws {@link HokenCheckError} `malformedInput` when `i` is not a row of `rows`.
 */
export function summaryAt(rows: Int32Array, i: number, packed?: PackedSituations): Summary | ErrorRecord;
