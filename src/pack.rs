//! Insurer packs (RULES.md §15): the facts only an insurer knows, published by the insurer (a
//! municipality for 国保, a 広域連合 for 後期) as a small JSON document.
//!
//! A pack decides **only** what the §15 table lists — who the insurer is and how to reach it,
//! the printed expiry of its old cards, its 資格確認書's fixed end, what it does after an
//! e-certificate expires, whether it sends a 資格確認書 to every member, the 後期 85+ rule and
//! "any holder may apply", the reissue fee, and whether 70–74 get a separate 高齢受給者証. It never
//! overrides a national rule: R-PROV-1's window, R-MYNA-3's grace formula and the 2025-12-01 cap
//! stay as they are. Every fact carries its own `source` (the insurer's public page) and
//! `verifiedOn`; the pack has a `version`, and reasons decided by it cite the pack's name,
//! version and hash ([`PackCitation`]).
//!
//! The schema is `packs/pack.schema.json`; this module is its validator. Input arrives either
//! as JSON text ([`Pack::from_json`], read by this module's own small JSON reader — the wasm
//! module's only way in) or through any serde [`Deserializer`] ([`Pack::from_deserializer`],
//! e.g. a `serde_json::Value`). Both read into a
//! plain tree first and then check it field by field, so every error names its **path** in the
//! pack (`contact.phone`, `kakuninsho.validity.until`) with a stable code and messages in
//! Japanese and English; unknown fields are errors; the input's values are never echoed.

use crate::assessment::PackCitation;
use crate::dates::{self, NaiveDate};
use crate::situation::{InsurerKind, KokiRegion, Situation};
use serde::Serialize;
use std::fmt;

/// Largest pack accepted, in bytes of JSON text (or characters of strings and keys when it
/// arrives as an object). A real pack is a few kilobytes.
pub const MAX_PACK_BYTES: usize = 64 * 1024;
/// Longest string accepted in any field.
pub const MAX_STRING_CHARS: usize = 2_000;
/// The schema version this engine reads (`schemaVersion`).
pub const SCHEMA_VERSION: u32 = 1;

/// Every object of the pack schema (as its path's parts; `[]` is the pack itself) and the fields
/// it may hold. The
/// validator allows exactly these; a test holds `packs/pack.schema.json` to the same list.
pub const FIELDS: &[(&[&str], &[&str])] = &[
    (
        &[],
        &[
            "$schema",
            "schemaVersion",
            "version",
            "who",
            "contact",
            "oldCard",
            "kakuninsho",
            "koki",
            "koureijukyusha",
        ],
    ),
    (
        &["who"],
        &[
            "name",
            "insurerKind",
            "insurerNumber",
            "prefecture",
            "municipality",
            "source",
            "verifiedOn",
        ],
    ),
    (
        &["contact"],
        &["phone", "hours", "web", "counter", "source", "verifiedOn"],
    ),
    (&["oldCard"], &["printedExpiry", "source", "verifiedOn"]),
    (
        &["kakuninsho"],
        &["validity", "afterEcertExpiry", "toEveryone", "reissueFee"],
    ),
    (
        &["kakuninsho", "validity"],
        &["until", "source", "verifiedOn"],
    ),
    (
        &["kakuninsho", "afterEcertExpiry"],
        &["mode", "months", "source", "verifiedOn"],
    ),
    (
        &["kakuninsho", "toEveryone"],
        &["from", "until", "exceptAgedFrom", "source", "verifiedOn"],
    ),
    (
        &["kakuninsho", "reissueFee"],
        &["yen", "source", "verifiedOn"],
    ),
    (
        &["koki"],
        &[
            "allKakuninshoFromAge",
            "ageOn",
            "anyHolderMayApply",
            "source",
            "verifiedOn",
        ],
    ),
    (
        &["koureijukyusha"],
        &["separateCard", "source", "verifiedOn"],
    ),
];

/// Stable error codes of pack validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PackErrorCode {
    /// Not JSON at all.
    MalformedPack,
    /// Larger than [`MAX_PACK_BYTES`], or a string longer than [`MAX_STRING_CHARS`].
    PackTooLarge,
    /// A field the schema does not know.
    UnknownField,
    /// The same field twice in one object.
    DuplicateField,
    /// A required field is absent or null.
    MissingField,
    /// A value of the wrong JSON type.
    WrongType,
    /// A string that is not one of the allowed values (or an unknown `schemaVersion`).
    UnknownValue,
    /// A date not written `YYYY-MM-DD`.
    MalformedDate,
    /// A date that does not exist on the calendar.
    ImpossibleDate,
    /// A number or date outside the range the fact allows.
    OutOfRange,
    /// A `source` that is not a web address (`https://…`).
    NotAnAddress,
    /// A fact that insurers of the pack's kind cannot decide (RULES.md §15).
    FactNotForKind,
    /// A fact that would change a national rule (RULES.md §15).
    OverridesNationalRule,
    /// The pack is for another insurer kind than the Situation's.
    WrongInsurerKind,
    /// The pack is for another 後期 region than the Situation's `kokiRegion`.
    WrongRegion,
    /// This build of the engine has no pack reader (built without the cargo feature
    /// `pack-json`: the page's small module, www/pkg/). Load the full module (the npm package,
    /// or the page's www/pkg-pack/) to use a pack.
    PacksNotInThisBuild,
}

impl PackErrorCode {
    /// The stable code string.
    pub fn as_str(self) -> &'static str {
        match self {
            PackErrorCode::MalformedPack => "malformedPack",
            PackErrorCode::PackTooLarge => "packTooLarge",
            PackErrorCode::UnknownField => "unknownField",
            PackErrorCode::DuplicateField => "duplicateField",
            PackErrorCode::MissingField => "missingField",
            PackErrorCode::WrongType => "wrongType",
            PackErrorCode::UnknownValue => "unknownValue",
            PackErrorCode::MalformedDate => "malformedDate",
            PackErrorCode::ImpossibleDate => "impossibleDate",
            PackErrorCode::OutOfRange => "outOfRange",
            PackErrorCode::NotAnAddress => "notAnAddress",
            PackErrorCode::FactNotForKind => "factNotForKind",
            PackErrorCode::OverridesNationalRule => "overridesNationalRule",
            PackErrorCode::WrongInsurerKind => "wrongInsurerKind",
            PackErrorCode::WrongRegion => "wrongRegion",
            PackErrorCode::PacksNotInThisBuild => "packsNotInThisBuild",
        }
    }
}

/// A pack that cannot be used: a stable code, the path in the pack (`""` for the whole pack)
/// and messages in Japanese and English that name the path, never a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackError {
    /// Stable code.
    pub code: PackErrorCode,
    /// Dotted path in the pack (`kakuninsho.validity.until`); `""` for the whole pack.
    pub path: String,
    /// Message in Japanese.
    pub message_ja: String,
    /// Message in English.
    pub message_en: String,
}

impl PackError {
    /// An error at `path`.
    pub fn new(code: PackErrorCode, path: &str) -> Self {
        let path: String = path.chars().take(120).collect();
        // Joined by hand rather than with format!: the page's wasm module then carries no
        // formatting machinery for these messages (docs/perf.md).
        let (at_ja, at_en) = if path.is_empty() {
            (cat(&["保険者パック"]), cat(&["The insurer pack"]))
        } else {
            (
                cat(&["保険者パックの「", &path, "」"]),
                cat(&["The insurer pack's \"", &path, "\""]),
            )
        };
        use PackErrorCode::*;
        let (ja, en): (&str, &str) = match code {
            MalformedPack => ("を JSON として読み取れません。", " could not be read as JSON."),
            PackTooLarge => {
                let (bytes, chars) = (number(MAX_PACK_BYTES), number(MAX_STRING_CHARS));
                return PackError {
                    code,
                    message_ja: cat(&[&at_ja, "が大きすぎます(パック全体は", &bytes, "バイト、文字列は", &chars, "文字まで)。"]),
                    message_en: cat(&[&at_en, " is far too large (at most ", &bytes, " bytes for a pack, ", &chars, " characters for a string)."]),
                    path,
                };
            }
            UnknownField => ("という項目はありません。", " is not a field of the pack schema."),
            DuplicateField => ("が2回あります。", " appears twice."),
            MissingField => ("は必須です。", " is required."),
            WrongType => ("の値の種類が違います。", " has a value of the wrong type."),
            UnknownValue => ("の値は使える値のどれでもありません。", " is not one of the allowed values."),
            MalformedDate => ("は YYYY-MM-DD の形の日付にしてください。", " must be a date written YYYY-MM-DD."),
            ImpossibleDate => ("の日付は暦にありません。", " is a date that does not exist."),
            OutOfRange => ("の値が許される範囲の外です。", " is outside the range the fact allows."),
            NotAnAddress => (
                "は https:// で始まる公開ページのアドレスにしてください。",
                " must be the address of a public page (https://…).",
            ),
            FactNotForKind => (
                "は、この種類の保険者が決める事実ではありません。",
                " is not a fact that insurers of this kind decide.",
            ),
            OverridesNationalRule => (
                "は国の規則を変えることになるため使えません。",
                " would change a national rule, which a pack may not do.",
            ),
            WrongInsurerKind => (
                "の保険者の種類が、入力の保険者の種類(insurerKind)と違います。",
                " names another insurer kind than the situation's insurerKind.",
            ),
            WrongRegion => (
                "の都道府県が、入力の kokiRegion と違います。",
                " names another prefecture than the situation's kokiRegion.",
            ),
            PacksNotInThisBuild => (
                "は、この版のエンジンでは使えません(パックを読む部分を含まない版です)。パックに対応した版(npm パッケージ、またはページの pkg-pack/)を読み込んでください。",
                " cannot be used with this build of the engine: it was built without the pack reader. Load the full build (the npm package, or the page's pkg-pack/).",
            ),
        };
        let (ja, en) = (cat(&[&at_ja, ja]), cat(&[&at_en, en]));
        PackError {
            code,
            path,
            message_ja: ja,
            message_en: en,
        }
    }
}

/// The parts joined.
fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// `n` in decimal.
fn number(n: usize) -> String {
    let mut out = String::new();
    dates::push_decimal(&mut out, false, u64::try_from(n).unwrap_or(u64::MAX), 1);
    out
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message_en)
    }
}

impl std::error::Error for PackError {}

/// Where a fact comes from: the insurer's public page and the day it was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The insurer's public page.
    pub source: String,
    /// Day the page was last checked.
    pub verified_on: NaiveDate,
}

/// Who publishes the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// The insurer's name (`埼玉県後期高齢者医療広域連合`).
    pub name: String,
    /// Its kind (contract token).
    pub insurer_kind: InsurerKind,
    /// 保険者番号, when published.
    pub insurer_number: Option<String>,
    /// Prefecture (`埼玉県`), when it has one.
    pub prefecture: Option<String>,
    /// Municipality (`渋谷区`), for 国保.
    pub municipality: Option<String>,
    /// Where the identity is stated.
    pub provenance: Provenance,
}

/// How to reach the insurer (replaces "ask your insurer" in next actions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// Phone number as published.
    pub phone: Option<String>,
    /// Opening hours as published.
    pub hours: Option<String>,
    /// Web page.
    pub web: Option<String>,
    /// Counter address.
    pub counter: Option<String>,
}

/// What the insurer does after a member's e-certificate (or card) expired beyond the grace
/// period (R-MYNA-4, D6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AfterExpiryMode {
    /// Sent without application, about `months` months after the grace ends.
    Automatic,
    /// Sent from the monthly national list of members who can no longer use マイナ保険証.
    MonthlyList,
    /// Only on application.
    ApplicationOnly,
}

/// R-MYNA-4 fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AfterExpiry {
    /// How.
    pub mode: AfterExpiryMode,
    /// After how many months (mode `automatic`), when published.
    pub months: Option<u32>,
    /// Source.
    pub provenance: Provenance,
}

/// R-KAKU-5 fact: a 資格確認書 sent to every member, マイナ保険証 or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToEveryone {
    /// First day of validity of the 資格確認書 sent to all.
    pub from: NaiveDate,
    /// Last day of the period, when published.
    pub until: Option<NaiveDate>,
    /// Members this old or older on `from` are left out (渋谷区: 75).
    pub except_aged_from: Option<u32>,
    /// Source.
    pub provenance: Provenance,
}

/// The 資格確認書 facts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KakuninshoFacts {
    /// R-KAKU-3: a fixed last day of every 資格確認書 it issues (私学共済 2029-11-30).
    pub validity_until: Option<(NaiveDate, Provenance)>,
    /// R-MYNA-4.
    pub after_ecert_expiry: Option<AfterExpiry>,
    /// R-KAKU-5.
    pub to_everyone: Option<ToEveryone>,
    /// R-KAKU-1: reissue fee after loss, in yen.
    pub reissue_fee_yen: Option<(u32, Provenance)>,
}

/// R-KOKI-2 facts of a 広域連合.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KokiFacts {
    /// Everyone this old or older on `age_on` gets a 資格確認書 (Saitama: 85 on 2026-08-01).
    pub all_kakuninsho_from_age: Option<(u32, NaiveDate)>,
    /// Any マイナ保険証 holder may apply for a 資格確認書.
    pub any_holder_may_apply: Option<bool>,
    /// Source.
    pub provenance: Provenance,
}

/// A validated insurer pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    /// The pack's own version (set by the insurer).
    pub version: String,
    /// Who publishes it.
    pub who: Who,
    /// How to reach the insurer, and where that is stated.
    pub contact: Option<(Contact, Provenance)>,
    /// R-OLD-5 / D8: the printed expiry of its old cards.
    pub old_card_printed_expiry: Option<(NaiveDate, Provenance)>,
    /// 資格確認書 facts.
    pub kakuninsho: KakuninshoFacts,
    /// 後期 facts.
    pub koki: Option<KokiFacts>,
    /// R-OLD-7: whether 70–74 get a separate 高齢受給者証 (false: the 負担割合 is on the
    /// 資格確認書).
    pub koureijukyusha_separate: Option<(bool, Provenance)>,
    /// `fnv1a64:` hash of the pack's canonical form (keys sorted, no white space).
    pub hash: String,
}

impl Pack {
    /// Checks that this pack may be used for `s`: the same insurer kind (a pack fills in an
    /// `insurerKind` left empty) and, for 後期, the same region as `kokiRegion`.
    ///
    /// # Errors
    /// `wrongInsurerKind` (path `who.insurerKind`) or `wrongRegion` (path `who.prefecture`).
    pub fn check_applies_to(&self, s: &Situation) -> Result<(), PackError> {
        if s.insurer_kind.is_some_and(|k| k != self.who.insurer_kind) {
            return Err(PackError::new(
                PackErrorCode::WrongInsurerKind,
                "who.insurerKind",
            ));
        }
        if self.who.insurer_kind == InsurerKind::KokiKoreisha {
            let saitama = self.who.prefecture.as_deref() == Some(SAITAMA);
            let mismatch = match s.koki_region {
                Some(KokiRegion::Saitama) => !saitama,
                Some(KokiRegion::Other) => saitama,
                None => false,
            };
            if mismatch {
                return Err(PackError::new(PackErrorCode::WrongRegion, "who.prefecture"));
            }
        }
        Ok(())
    }

    /// How a reason decided by this pack cites it, for the fact from `from`.
    pub fn cite(&self, from: &Provenance) -> PackCitation {
        PackCitation {
            name: self.who.name.clone(),
            version: self.version.clone(),
            hash: self.hash.clone(),
            source: from.source.clone(),
            verified_on: dates::format_iso(from.verified_on),
        }
    }
}

/// The prefecture whose 広域連合 is `kokiRegion: saitama` in the contract.
const SAITAMA: &str = "埼玉県";

// The reader (JSON text, or any serde Deserializer, to a validated Pack): behind the additive
// cargo feature `pack-json` (on by default), so the page's small wasm module can leave it out
// (scripts/build.sh, docs/perf.md). The rule paths that use a Pack are the same in every build.
#[cfg(feature = "pack-json")]
mod read;
