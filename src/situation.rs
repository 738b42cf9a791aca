//! The Situation (input) of the contract, and its validation.
//!
//! This is the only place where strings become dates and enum values. Input arrives as a
//! [`RawSituation`] — any serde format (JSON …) or a CSV
//! row — and [`RawSituation::validate`] turns it into a typed [`Situation`] or an
//! [`InputError`] that names the field. Values are never echoed back in errors.

use crate::dates::{self, DateError, NaiveDate};
use crate::error::{ErrorCode, InputError};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use std::fmt;

/// Longest string value accepted in any field (the longest real value is a document token).
const MAX_STRING: usize = 256;
/// Most entries accepted in `documentsPresented`.
const MAX_DOCS: usize = 64;

string_enum! {
    /// The insurer the person belongs to on `asOf`.
    InsurerKind {
        /// 協会けんぽ
        KyokaiKenpo = "kyokaiKenpo",
        /// 健康保険組合
        KenpoKumiai = "kenpoKumiai",
        /// 共済組合
        Kyosai = "kyosai",
        /// 船員保険
        Senin = "senin",
        /// 国民健康保険 (市町村)
        Kokuho = "kokuho",
        /// 国民健康保険組合 (建設国保 …)
        KokuhoKumiai = "kokuhoKumiai",
        /// 後期高齢者医療
        KokiKoreisha = "kokiKoreisha",
    }
}

impl InsurerKind {
    /// 国保 or 後期: cards that carry address / 負担割合 (R-OLD-1 item 4) and the earlier R-PROV-1 window.
    pub fn is_regional(self) -> bool {
        matches!(
            self,
            InsurerKind::Kokuho | InsurerKind::KokuhoKumiai | InsurerKind::KokiKoreisha
        )
    }
    /// 被用者保険 and 国保組合: a separate 高齢受給者証 is still issued for 70–74 (R-OLD-7).
    pub fn issues_separate_koureijukyusha(self) -> bool {
        !matches!(self, InsurerKind::Kokuho | InsurerKind::KokiKoreisha)
    }
}

string_enum! {
    /// Region of the 後期高齢者医療広域連合 (R-KOKI-2).
    KokiRegion {
        /// 埼玉県
        Saitama = "saitama",
        /// any other prefecture
        Other = "other",
    }
}

string_enum! {
    /// Smartphone マイナ保険証 set up (R-MYNA-5).
    Smartphone {
        /// none
        None = "none",
        /// iPhone のマイナンバーカード
        Iphone = "iphone",
        /// Android スマホ用電子証明書
        Android = "android",
    }
}

string_enum! {
    /// The circumstance being asked about.
    Circumstance {
        /// an ordinary visit
        Normal = "normal",
        /// the card reader or the network fails (R-FAIL-1)
        ReaderFailure = "readerFailure",
        /// the facility has no reader
        NoReader = "noReader",
        /// school trip / club camp (R-OSHI-2)
        SchoolTrip = "schoolTrip",
        /// nursery / kindergarten (R-OSHI-2)
        Nursery = "nursery",
        /// hospital stay / high cost (R-HIGH-1)
        HighCost = "highCost",
        /// 医療費控除 (R-TAX-1)
        TaxDeduction = "taxDeduction",
        /// the My Number card is lost
        LostMyNumberCard = "lostMyNumberCard",
        /// the traditional card is lost
        LostOldCard = "lostOldCard",
        /// just joined a new insurer (R-FAIL-2)
        NewQualification = "newQualification",
        /// needs help at the reader (R-MYNA-6)
        AssistanceNeeded = "assistanceNeeded",
    }
}

string_enum! {
    /// Document tokens (what a person brings / should show).
    Document {
        /// 従来の健康保険証
        OldCard = "oldCard",
        /// マイナ保険証 (the card)
        MynahokenshoCard = "mynahokenshoCard",
        /// マイナ保険証 on a smartphone
        MynahokenshoSmartphone = "mynahokenshoSmartphone",
        /// 資格確認書
        ShikakuKakuninsho = "shikakuKakuninsho",
        /// マイナンバーカード + 資格情報のお知らせ
        MynacardPlusOshirase = "mynacardPlusOshirase",
        /// マイナンバーカード + マイナポータルの資格情報画面
        MynacardPlusMynaportalScreen = "mynacardPlusMynaportalScreen",
        /// 被保険者資格申立書
        Moushitatesho = "moushitatesho",
        /// 資格情報のお知らせ only
        OshiraseAlone = "oshiraseAlone",
        /// マイナポータル 資格情報 PDF or printout
        MynaportalPdfOrPrintout = "mynaportalPdfOrPrintout",
        /// copy of the お知らせ
        OshiraseCopy = "oshiraseCopy",
        /// copy of the 資格確認書
        KakuninshoCopy = "kakuninshoCopy",
        /// photocopy of the My Number card
        MynacardPhotocopy = "mynacardPhotocopy",
        /// 高齢受給者証
        KoureijukyushaSho = "koureijukyushaSho",
        /// 限度額適用認定証
        GendogakuNinteisho = "gendogakuNinteisho",
        /// 資格確認書 with 限度区分 printed
        KakuninshoWithGendoKubun = "kakuninshoWithGendoKubun",
        /// マイナポータル 医療費通知情報
        MynaportalIryouhiTsuchi = "mynaportalIryouhiTsuchi",
    }
}

/// A validated Situation. Missing optional fields take the contract's defaults.
///
/// The field docs are the meanings of CONTRACT.md's Situation table, written once here:
/// `scripts/gen-types.mjs` copies them (and the enums' value docs) into the TSDoc of
/// `js/index.d.ts`, and a test fails when that file is stale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Situation {
    /// The day being evaluated: "today" is passed in, the engine never reads a clock.
    pub as_of: NaiveDate,
    /// The insurer the person belongs to on `asOf` (not given: a warning, and the answers that
    /// depend on it say so).
    pub insurer_kind: Option<InsurerKind>,
    /// Date of birth: the engine derives the 70th- and 75th-birthday ends of the old card
    /// (R-OLD-5, R-OLD-8), 高齢受給者証 (R-OLD-7) and the 後期 age rules (R-KOKI-2) from it.
    pub birth_date: Option<NaiveDate>,
    /// Region of the 後期高齢者医療広域連合; only matters for 後期高齢者 from 2026-08-01 (R-KOKI-2).
    pub koki_region: Option<KokiRegion>,
    /// Holds a traditional 健康保険証 (possibly from a previous insurer).
    pub old_card_held: bool,
    /// The old card's printed expiry; null = no expiry printed on the card.
    pub old_card_printed_expiry: Option<NaiveDate>,
    /// The old card was issued by 2024-12-01. Null = assume true; false is a card that cannot
    /// be a traditional one (none were issued after 2024-12-01): a warning, and it is never valid.
    pub old_card_issued_by_20241201: Option<bool>,
    /// 資格喪失日 under the insurer that issued the old card (退職, 転職, 75歳到達, 転居 for
    /// 国保/後期 …).
    pub qualification_lost_date: Option<NaiveDate>,
    /// Change of printed data (住所, 負担割合 …); it ends a 国保, 国保組合 or 後期 card (R-OLD-1
    /// item 4).
    pub card_data_change_date: Option<NaiveDate>,
    /// Has a My Number card.
    pub has_my_number_card: bool,
    /// Expiry of the My Number card body.
    pub my_number_card_expiry: Option<NaiveDate>,
    /// Expiry of the 利用者証明用電子証明書 on the My Number card.
    pub ecert_expiry: Option<NaiveDate>,
    /// 健康保険証利用登録 done (the card is registered as マイナ保険証).
    pub registered_for_insurance: bool,
    /// Date of the 利用登録解除 (cancelled registration as マイナ保険証).
    pub registration_cancelled_date: Option<NaiveDate>,
    /// Holds a 資格確認書, taken to be from the current insurer (`insurerKind`);
    /// `qualificationLostDate` concerns the old card only.
    pub shikaku_kakuninsho_held: bool,
    /// The 資格確認書's printed expiry.
    pub shikaku_kakuninsho_expiry: Option<NaiveDate>,
    /// Holds the 資格情報のお知らせ.
    pub shikaku_joho_oshirase_held: bool,
    /// 要配慮者: elderly, disabled, or needs help at the card reader (R-KAKU-2).
    pub difficulty_using_card: bool,
    /// Applied for a 資格確認書.
    pub kakuninsho_application_made: bool,
    /// Smartphone マイナ保険証 set up (R-MYNA-5).
    pub smartphone: Smartphone,
    /// The clinic has the smartphone reader; null = not known.
    pub facility_supports_smartphone: Option<bool>,
    /// The circumstance being asked about.
    pub situation: Circumstance,
    /// What the person brings; empty = "what are my options" (in the order given; duplicates
    /// removed).
    pub documents_presented: Vec<Document>,
}

/// Field kinds of the contract, used to validate JSON values and to read CSV cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// required date
    Date,
    /// date or null
    OptDate,
    /// bool (null = false)
    Bool,
    /// bool or null
    OptBool,
    /// one of the listed strings (null = default)
    Enum(&'static [&'static str]),
    /// list of document tokens
    Documents,
}

/// Every Situation field in contract order, with its kind.
pub const FIELDS: &[(&str, FieldKind)] = &[
    ("asOf", FieldKind::Date),
    (
        "insurerKind",
        FieldKind::Enum(&[
            "kyokaiKenpo",
            "kenpoKumiai",
            "kyosai",
            "senin",
            "kokuho",
            "kokuhoKumiai",
            "kokiKoreisha",
        ]),
    ),
    ("birthDate", FieldKind::OptDate),
    ("kokiRegion", FieldKind::Enum(&["saitama", "other"])),
    ("oldCardHeld", FieldKind::Bool),
    ("oldCardPrintedExpiry", FieldKind::OptDate),
    ("oldCardIssuedBy20241201", FieldKind::OptBool),
    ("qualificationLostDate", FieldKind::OptDate),
    ("cardDataChangeDate", FieldKind::OptDate),
    ("hasMyNumberCard", FieldKind::Bool),
    ("myNumberCardExpiry", FieldKind::OptDate),
    ("ecertExpiry", FieldKind::OptDate),
    ("registeredForInsurance", FieldKind::Bool),
    ("registrationCancelledDate", FieldKind::OptDate),
    ("shikakuKakuninshoHeld", FieldKind::Bool),
    ("shikakuKakuninshoExpiry", FieldKind::OptDate),
    ("shikakuJohoOshiraseHeld", FieldKind::Bool),
    ("difficultyUsingCard", FieldKind::Bool),
    ("kakuninshoApplicationMade", FieldKind::Bool),
    (
        "smartphone",
        FieldKind::Enum(&["none", "iphone", "android"]),
    ),
    ("facilitySupportsSmartphone", FieldKind::OptBool),
    (
        "situation",
        FieldKind::Enum(&[
            "normal",
            "readerFailure",
            "noReader",
            "schoolTrip",
            "nursery",
            "highCost",
            "taxDeduction",
            "lostMyNumberCard",
            "lostOldCard",
            "newQualification",
            "assistanceNeeded",
        ]),
    ),
    ("documentsPresented", FieldKind::Documents),
];

// Field presence is tracked as bits of a u32 during validation.
const _: () = assert!(FIELDS.len() <= 32);

/// Index of a field name in [`FIELDS`].
pub fn field_index(name: &str) -> Option<usize> {
    FIELDS.iter().position(|(n, _)| *n == name)
}

/// An untyped value as it arrived (JSON value, JS value or CSV cell).
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// null / undefined / empty CSV cell
    Null,
    /// true / false
    Bool(bool),
    /// a string
    Str(String),
    /// a list
    List(Vec<RawValue>),
    /// a number (never valid in the contract; kept only to say "wrong type")
    Number,
    /// an object or anything else (never valid as a field value)
    Other,
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawValueVisitor)
    }
}

struct RawValueVisitor;

impl<'de> Visitor<'de> for RawValueVisitor {
    type Value = RawValue;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(v))
    }
    fn visit_i64<E>(self, _: i64) -> Result<RawValue, E> {
        Ok(RawValue::Number)
    }
    fn visit_u64<E>(self, _: u64) -> Result<RawValue, E> {
        Ok(RawValue::Number)
    }
    fn visit_f64<E>(self, _: f64) -> Result<RawValue, E> {
        Ok(RawValue::Number)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
        // Cut overlong strings early: they are rejected later as `tooLarge` anyway.
        if v.len() > MAX_STRING {
            return Ok(RawValue::Str(v.chars().take(MAX_STRING + 1).collect()));
        }
        Ok(RawValue::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<RawValue, E> {
        self.visit_str(&v)
    }
    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        RawValue::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element::<RawValue>()? {
            if items.len() <= MAX_DOCS {
                items.push(v);
            }
        }
        Ok(RawValue::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(RawValue::Other)
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<RawValue, E> {
        Ok(RawValue::Other)
    }
}

/// An input record before validation: either an object's fields in order, or something that
/// is not an object at all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawSituation {
    /// Fields as given, in order (`None` when the record was not an object).
    pub fields: Option<Vec<(String, RawValue)>>,
}

impl RawSituation {
    /// A record from (name, value) pairs.
    pub fn from_fields(fields: Vec<(String, RawValue)>) -> Self {
        RawSituation {
            fields: Some(fields),
        }
    }

    /// Reads a CSV row: `headers[i]` names the field of `cells[i]`. Empty cells are null,
    /// `true`/`false` are booleans for boolean fields, lists are tokens joined by `;`.
    /// Unknown headers stay unknown (validation reports them).
    pub fn from_csv_row(headers: &[&str], cells: &[&str]) -> Self {
        let fields = headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let cell = cells.get(i).copied().unwrap_or("");
                // An unknown header reads its cell as a string (validation reports the name).
                let kind = field_index(h).map_or(FieldKind::OptDate, |k| FIELDS[k].1);
                ((*h).to_string(), csv_cell(kind, cell).to_raw())
            })
            .collect();
        RawSituation {
            fields: Some(fields),
        }
    }

    /// Names of the contract fields that were given with a non-null value.
    pub fn given_fields(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if let Some(fs) = &self.fields {
            for (name, v) in fs {
                if let Some(i) = field_index(name) {
                    if *v != RawValue::Null {
                        out.push(FIELDS[i].0);
                    }
                }
            }
        }
        out
    }

    /// Validates the record into a [`Situation`].
    ///
    /// # Errors
    /// The first problem found, in field order of the input: not an object, unknown or
    /// duplicate field, missing `asOf`, wrong type, unknown enum value or document token,
    /// malformed or impossible date, oversized value.
    pub fn validate(&self) -> Result<Situation, InputError> {
        self.validate_with(None)
    }

    /// As [`validate`](Self::validate), but a missing `asOf` takes `default_as_of` when given
    /// (used by missing-field guidance on partial answers).
    ///
    /// # Errors
    /// As [`validate`](Self::validate).
    pub fn validate_with(&self, default_as_of: Option<NaiveDate>) -> Result<Situation, InputError> {
        let fields = self
            .fields
            .as_ref()
            .ok_or_else(|| InputError::new(ErrorCode::NotAnObject, None))?;
        let mut b = Builder::new(default_as_of);
        for (pos, (name, value)) in fields.iter().enumerate() {
            // An unknown name is reported by position and hash, never echoed (it may be data).
            let idx = field_index(name).ok_or_else(|| InputError::unknown_field(pos + 1, name))?;
            b.set(idx, value.as_field())?;
        }
        b.finish()
    }
}

/// A field value borrowed from its input (a JSON or JS value, or a CSV cell), as validation
/// reads it. A CSV row is validated straight from its cells through this (no owned
/// [`RawValue`] per cell); [`RawSituation::from_csv_row`] builds its values from the same
/// reading ([`csv_cell`]), so the two paths cannot drift apart.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FieldRef<'a> {
    /// null / undefined / empty CSV cell
    Null,
    /// true / false
    Bool(bool),
    /// a string (not cut: validation only asks whether it is longer than `MAX_STRING` bytes,
    /// which a string cut to `MAX_STRING + 1` characters answers the same way)
    Str(&'a str),
    /// a list
    List(&'a [RawValue]),
    /// a CSV cell of document tokens joined by `;` (trimmed, not empty)
    DocCell(&'a str),
    /// a list of strings (the packed JS boundary's list of known tokens)
    Strs(&'a [&'a str]),
    /// a number, an object, or a CSV cell that is neither `true` nor `false` for a boolean
    WrongType,
}

impl RawValue {
    fn as_field(&self) -> FieldRef<'_> {
        match self {
            RawValue::Null => FieldRef::Null,
            RawValue::Bool(b) => FieldRef::Bool(*b),
            RawValue::Str(s) => FieldRef::Str(s),
            RawValue::List(items) => FieldRef::List(items),
            RawValue::Number | RawValue::Other => FieldRef::WrongType,
        }
    }
}

impl FieldRef<'_> {
    /// The owned value a [`RawSituation`] keeps (strings cut to `MAX_STRING + 1` characters,
    /// at most `MAX_DOCS + 1` tokens).
    fn to_raw(self) -> RawValue {
        let cut = |t: &str| RawValue::Str(t.chars().take(MAX_STRING + 1).collect());
        match self {
            FieldRef::Null => RawValue::Null,
            FieldRef::Bool(b) => RawValue::Bool(b),
            FieldRef::Str(s) => cut(s),
            FieldRef::List(items) => RawValue::List(items.to_vec()),
            FieldRef::DocCell(c) => {
                RawValue::List(doc_tokens(c).take(MAX_DOCS + 1).map(cut).collect())
            }
            FieldRef::Strs(items) => RawValue::List(items.iter().map(|t| cut(t)).collect()),
            FieldRef::WrongType => RawValue::Number,
        }
    }
}

/// The tokens of a CSV documents cell: `;`-separated, trimmed, empty ones skipped.
fn doc_tokens(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|t| !t.is_empty())
}

/// How a CSV cell reads for a field of `kind`: empty cells are null, `true`/`false` are
/// booleans for boolean fields (anything else there is the wrong type), lists are tokens
/// joined by `;`.
pub(crate) fn csv_cell(kind: FieldKind, cell: &str) -> FieldRef<'_> {
    // `trim` walks Unicode white space; a cell that starts and ends with a visible ASCII
    // character (nearly every cell) has none to trim.
    let visible = |b: Option<&u8>| b.is_some_and(|b| (0x21..0x7f).contains(b));
    let cell = if visible(cell.as_bytes().first()) && visible(cell.as_bytes().last()) {
        cell
    } else {
        cell.trim()
    };
    if cell.is_empty() {
        return FieldRef::Null;
    }
    match kind {
        FieldKind::Bool | FieldKind::OptBool => match cell {
            "true" | "TRUE" | "True" => FieldRef::Bool(true),
            "false" | "FALSE" | "False" => FieldRef::Bool(false),
            _ => FieldRef::WrongType,
        },
        FieldKind::Documents => FieldRef::DocCell(cell),
        _ => FieldRef::Str(cell),
    }
}

/// Builds a [`Situation`] field by field: the one owner of every value check (the order of
/// the calls is the order in which problems are found).
pub(crate) struct Builder {
    s: Situation,
    seen: u32,
    as_of_given: bool,
}

impl Builder {
    /// A blank Situation; a missing `asOf` takes `default_as_of` when given.
    pub(crate) fn new(default_as_of: Option<NaiveDate>) -> Self {
        Builder {
            s: Situation::blank(default_as_of.unwrap_or(NaiveDate::MIN)),
            seen: 0,
            as_of_given: default_as_of.is_some(),
        }
    }

    /// Sets `FIELDS[idx]` from `value`.
    ///
    /// # Errors
    /// A duplicate field, wrong type, unknown value or document, malformed or impossible date,
    /// oversized value — naming the field.
    pub(crate) fn set(&mut self, idx: usize, value: FieldRef<'_>) -> Result<(), InputError> {
        let fname = FIELDS[idx].0;
        if self.seen & (1 << idx) != 0 {
            return Err(InputError::new(ErrorCode::DuplicateField, Some(fname)));
        }
        self.seen |= 1 << idx;
        let s = &mut self.s;
        let err = |c| InputError::new(c, Some(fname));
        match fname {
            "asOf" => {
                if let Some(d) = opt_date(value, fname)? {
                    s.as_of = d;
                    self.as_of_given = true;
                }
            }
            "insurerKind" => s.insurer_kind = opt_enum(value, fname, InsurerKind::parse)?,
            "birthDate" => s.birth_date = opt_date(value, fname)?,
            "kokiRegion" => s.koki_region = opt_enum(value, fname, KokiRegion::parse)?,
            "oldCardHeld" => s.old_card_held = opt_bool(value, fname)?.unwrap_or(false),
            "oldCardPrintedExpiry" => s.old_card_printed_expiry = opt_date(value, fname)?,
            "oldCardIssuedBy20241201" => s.old_card_issued_by_20241201 = opt_bool(value, fname)?,
            "qualificationLostDate" => s.qualification_lost_date = opt_date(value, fname)?,
            "cardDataChangeDate" => s.card_data_change_date = opt_date(value, fname)?,
            "hasMyNumberCard" => s.has_my_number_card = opt_bool(value, fname)?.unwrap_or(false),
            "myNumberCardExpiry" => s.my_number_card_expiry = opt_date(value, fname)?,
            "ecertExpiry" => s.ecert_expiry = opt_date(value, fname)?,
            "registeredForInsurance" => {
                s.registered_for_insurance = opt_bool(value, fname)?.unwrap_or(false)
            }
            "registrationCancelledDate" => s.registration_cancelled_date = opt_date(value, fname)?,
            "shikakuKakuninshoHeld" => {
                s.shikaku_kakuninsho_held = opt_bool(value, fname)?.unwrap_or(false)
            }
            "shikakuKakuninshoExpiry" => s.shikaku_kakuninsho_expiry = opt_date(value, fname)?,
            "shikakuJohoOshiraseHeld" => {
                s.shikaku_joho_oshirase_held = opt_bool(value, fname)?.unwrap_or(false)
            }
            "difficultyUsingCard" => {
                s.difficulty_using_card = opt_bool(value, fname)?.unwrap_or(false)
            }
            "kakuninshoApplicationMade" => {
                s.kakuninsho_application_made = opt_bool(value, fname)?.unwrap_or(false)
            }
            "smartphone" => {
                s.smartphone =
                    opt_enum(value, fname, Smartphone::parse)?.unwrap_or(Smartphone::None)
            }
            "facilitySupportsSmartphone" => {
                s.facility_supports_smartphone = opt_bool(value, fname)?
            }
            "situation" => {
                s.situation =
                    opt_enum(value, fname, Circumstance::parse)?.unwrap_or(Circumstance::Normal)
            }
            "documentsPresented" => {
                s.documents_presented.clear();
                match value {
                    FieldRef::Null => {}
                    FieldRef::List(items) => {
                        if items.len() > MAX_DOCS {
                            return Err(err(ErrorCode::TooLarge));
                        }
                        for it in items {
                            let RawValue::Str(t) = it else {
                                return Err(err(ErrorCode::WrongType));
                            };
                            push_document(&mut s.documents_presented, t, fname)?;
                        }
                    }
                    FieldRef::Strs(items) => {
                        if items.len() > MAX_DOCS {
                            return Err(err(ErrorCode::TooLarge));
                        }
                        for t in items {
                            push_document(&mut s.documents_presented, t, fname)?;
                        }
                    }
                    FieldRef::DocCell(c) => {
                        if doc_tokens(c).take(MAX_DOCS + 1).count() > MAX_DOCS {
                            return Err(err(ErrorCode::TooLarge));
                        }
                        for t in doc_tokens(c) {
                            push_document(&mut s.documents_presented, t, fname)?;
                        }
                    }
                    _ => return Err(err(ErrorCode::WrongType)),
                }
            }
            _ => return Err(err(ErrorCode::UnknownField)),
        }
        Ok(())
    }

    /// The Situation.
    ///
    /// # Errors
    /// `missingField` `asOf` when it was not given (and has no default).
    pub(crate) fn finish(self) -> Result<Situation, InputError> {
        if !self.as_of_given {
            return Err(InputError::new(ErrorCode::MissingField, Some("asOf")));
        }
        Ok(self.s)
    }
}

/// Adds one document token (duplicates dropped, order kept).
fn push_document(docs: &mut Vec<Document>, t: &str, field: &'static str) -> Result<(), InputError> {
    if t.len() > MAX_STRING {
        return Err(InputError::new(ErrorCode::TooLarge, Some(field)));
    }
    let d =
        Document::parse(t).ok_or_else(|| InputError::new(ErrorCode::UnknownValue, Some(field)))?;
    if !docs.contains(&d) {
        docs.push(d);
    }
    Ok(())
}

impl<'de> Deserialize<'de> for RawSituation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawSituationVisitor)
    }
}

struct RawSituationVisitor;

impl<'de> Visitor<'de> for RawSituationVisitor {
    type Value = RawSituation;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Situation object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawSituation, A::Error> {
        let mut fields = Vec::with_capacity(FIELDS.len());
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value::<RawValue>()?;
            if fields.len() <= FIELDS.len() * 2 {
                fields.push((k, v));
            } else {
                // Far more fields than the contract has: keep one unknown to report.
                fields.push((k, v));
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                break;
            }
        }
        Ok(RawSituation {
            fields: Some(fields),
        })
    }
    fn visit_bool<E>(self, _: bool) -> Result<RawSituation, E> {
        Ok(RawSituation { fields: None })
    }
    fn visit_i64<E>(self, _: i64) -> Result<RawSituation, E> {
        Ok(RawSituation { fields: None })
    }
    fn visit_u64<E>(self, _: u64) -> Result<RawSituation, E> {
        Ok(RawSituation { fields: None })
    }
    fn visit_f64<E>(self, _: f64) -> Result<RawSituation, E> {
        Ok(RawSituation { fields: None })
    }
    fn visit_str<E>(self, _: &str) -> Result<RawSituation, E> {
        Ok(RawSituation { fields: None })
    }
    fn visit_none<E>(self) -> Result<RawSituation, E> {
        Ok(RawSituation { fields: None })
    }
    fn visit_unit<E>(self) -> Result<RawSituation, E> {
        Ok(RawSituation { fields: None })
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<RawSituation, E> {
        Ok(RawSituation { fields: None })
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawSituation, D::Error> {
        RawSituation::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawSituation, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(RawSituation { fields: None })
    }
}

fn opt_date(v: FieldRef<'_>, field: &'static str) -> Result<Option<NaiveDate>, InputError> {
    match v {
        FieldRef::Null => Ok(None),
        FieldRef::Str(s) if s.len() > MAX_STRING => {
            Err(InputError::new(ErrorCode::TooLarge, Some(field)))
        }
        FieldRef::Str(s) => dates::parse_iso(s).map(Some).map_err(|e| {
            let code = match e {
                DateError::Impossible => ErrorCode::ImpossibleDate,
                // Well-formed, but outside dates::MIN_YEAR..=MAX_YEAR (0000-01-01, 9999-12-31).
                DateError::OutOfRange => ErrorCode::OutOfRange,
                _ => ErrorCode::MalformedDate,
            };
            InputError::new(code, Some(field))
        }),
        _ => Err(InputError::new(ErrorCode::WrongType, Some(field))),
    }
}

fn opt_bool(v: FieldRef<'_>, field: &'static str) -> Result<Option<bool>, InputError> {
    match v {
        FieldRef::Null => Ok(None),
        FieldRef::Bool(b) => Ok(Some(b)),
        _ => Err(InputError::new(ErrorCode::WrongType, Some(field))),
    }
}

fn opt_enum<T>(
    v: FieldRef<'_>,
    field: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, InputError> {
    match v {
        FieldRef::Null => Ok(None),
        FieldRef::Str(s) if s.len() > MAX_STRING => {
            Err(InputError::new(ErrorCode::TooLarge, Some(field)))
        }
        FieldRef::Str(s) => parse(s)
            .map(Some)
            .ok_or_else(|| InputError::new(ErrorCode::UnknownValue, Some(field))),
        _ => Err(InputError::new(ErrorCode::WrongType, Some(field))),
    }
}

impl Situation {
    /// A situation on `as_of` with every other field at its default (nothing held).
    pub fn blank(as_of: NaiveDate) -> Self {
        Situation {
            as_of,
            insurer_kind: None,
            birth_date: None,
            koki_region: None,
            old_card_held: false,
            old_card_printed_expiry: None,
            old_card_issued_by_20241201: None,
            qualification_lost_date: None,
            card_data_change_date: None,
            has_my_number_card: false,
            my_number_card_expiry: None,
            ecert_expiry: None,
            registered_for_insurance: false,
            registration_cancelled_date: None,
            shikaku_kakuninsho_held: false,
            shikaku_kakuninsho_expiry: None,
            shikaku_joho_oshirase_held: false,
            difficulty_using_card: false,
            kakuninsho_application_made: false,
            smartphone: Smartphone::None,
            facility_supports_smartphone: None,
            situation: Circumstance::Normal,
            documents_presented: Vec::new(),
        }
    }

    /// Copies the contract field `name` (except `asOf`) from `from` into `self`; unknown
    /// names change nothing. Used by the missing-field search to try one answer at a time.
    pub fn copy_field(&mut self, from: &Situation, name: &str) {
        let s = self;
        match name {
            "insurerKind" => s.insurer_kind = from.insurer_kind,
            "birthDate" => s.birth_date = from.birth_date,
            "kokiRegion" => s.koki_region = from.koki_region,
            "oldCardHeld" => s.old_card_held = from.old_card_held,
            "oldCardPrintedExpiry" => s.old_card_printed_expiry = from.old_card_printed_expiry,
            "oldCardIssuedBy20241201" => {
                s.old_card_issued_by_20241201 = from.old_card_issued_by_20241201
            }
            "qualificationLostDate" => s.qualification_lost_date = from.qualification_lost_date,
            "cardDataChangeDate" => s.card_data_change_date = from.card_data_change_date,
            "hasMyNumberCard" => s.has_my_number_card = from.has_my_number_card,
            "myNumberCardExpiry" => s.my_number_card_expiry = from.my_number_card_expiry,
            "ecertExpiry" => s.ecert_expiry = from.ecert_expiry,
            "registeredForInsurance" => s.registered_for_insurance = from.registered_for_insurance,
            "registrationCancelledDate" => {
                s.registration_cancelled_date = from.registration_cancelled_date
            }
            "shikakuKakuninshoHeld" => s.shikaku_kakuninsho_held = from.shikaku_kakuninsho_held,
            "shikakuKakuninshoExpiry" => {
                s.shikaku_kakuninsho_expiry = from.shikaku_kakuninsho_expiry
            }
            "shikakuJohoOshiraseHeld" => {
                s.shikaku_joho_oshirase_held = from.shikaku_joho_oshirase_held
            }
            "difficultyUsingCard" => s.difficulty_using_card = from.difficulty_using_card,
            "kakuninshoApplicationMade" => {
                s.kakuninsho_application_made = from.kakuninsho_application_made
            }
            "smartphone" => s.smartphone = from.smartphone,
            "facilitySupportsSmartphone" => {
                s.facility_supports_smartphone = from.facility_supports_smartphone
            }
            "situation" => s.situation = from.situation,
            "documentsPresented" => s.documents_presented.clone_from(&from.documents_presented),
            _ => {}
        }
    }

    /// Whether `doc` is among the documents presented.
    pub fn presents(&self, doc: Document) -> bool {
        self.documents_presented.contains(&doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A situation in which every field differs from [`Situation::blank`].
    fn everything_set() -> Situation {
        let d = NaiveDate::from_ymd_opt(2025, 1, 2).expect("test date");
        Situation {
            as_of: d,
            insurer_kind: Some(InsurerKind::Kokuho),
            birth_date: Some(d),
            koki_region: Some(KokiRegion::Saitama),
            old_card_held: true,
            old_card_printed_expiry: Some(d),
            old_card_issued_by_20241201: Some(false),
            qualification_lost_date: Some(d),
            card_data_change_date: Some(d),
            has_my_number_card: true,
            my_number_card_expiry: Some(d),
            ecert_expiry: Some(d),
            registered_for_insurance: true,
            registration_cancelled_date: Some(d),
            shikaku_kakuninsho_held: true,
            shikaku_kakuninsho_expiry: Some(d),
            shikaku_joho_oshirase_held: true,
            difficulty_using_card: true,
            kakuninsho_application_made: true,
            smartphone: Smartphone::Iphone,
            facility_supports_smartphone: Some(true),
            situation: Circumstance::SchoolTrip,
            documents_presented: vec![Document::OldCard],
        }
    }

    #[test]
    fn copy_field_knows_every_contract_field_but_as_of() {
        let full = everything_set();
        let blank = Situation::blank(full.as_of);
        for (name, _) in FIELDS.iter().filter(|(n, _)| *n != "asOf") {
            let mut s = blank.clone();
            s.copy_field(&full, name);
            assert_ne!(s, blank, "copy_field does not know {name}");
        }
        let mut all = blank.clone();
        for (name, _) in FIELDS {
            all.copy_field(&full, name);
        }
        assert_eq!(all, full, "every field copied gives the whole situation");
    }
}
