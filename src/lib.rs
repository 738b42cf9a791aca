//! # hoken-check
//!
//! "Can I still see a doctor with what I have, and what do I do next?" — Japan's
//! health-insurance card transition (従来の健康保険証 → マイナ保険証 / 資格確認書) as a pure rules
//! engine.
//!
//! * **Scope**: for any day (`asOf`), whether each document a person holds is valid, until
//!   when, what to show at the window, how a 資格確認書 is obtained, and whether the window may
//!   charge the full cost (10割). Rules and sources: `RULES.md` of the specification; every
//!   rule function cites its R-id, every dated constant lives in `src/params.toml` with its
//!   source and `verified_on` date.
//! * **Contract**: a flat camelCase [`Situation`] in, an [`Assessment`] with a required
//!   [`Summary`] out (see `CONTRACT.md`).
//! * **Non-goals**: not legal advice; no prose (messages are keys for the catalogs in
//!   `locales/`); no clock (today is an input); no I/O; no JS (only `src/wasm.rs`, compiled for
//!   wasm32, knows about JavaScript).
//!
//! ```text
//! RawSituation (JSON / JS / CSV row) → validate → Situation → rules::assess → Assessment
//! ```
#![deny(missing_docs)]

#[macro_use]
mod macros;

pub mod assessment;
pub mod batch;
pub mod citation;
pub mod dates;
pub mod error;
pub mod guide;
pub mod pack;
pub mod packed;
pub mod params;
pub mod rules;
pub mod situation;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use assessment::{Assessment, Brief, Copay, KakuninshoRoute, Summary};
pub use citation::{Certainty, RuleInfo, Source};
pub use error::{ErrorCode, InputError};
pub use guide::MissingFields;
pub use pack::{Pack, PackError, PackErrorCode};
pub use situation::{RawSituation, Situation};

use serde::Serialize;

/// Assesses a validated Situation (pure; see [`rules::assess`]).
pub fn assess(s: &Situation) -> Assessment {
    rules::assess(s)
}

/// Assesses a validated Situation with an insurer pack (RULES.md §15), or without one
/// (`None`: the same answer as [`assess`]). The pack decides only the facts of the §15 table:
/// the verdicts it decides become `verified` and cite it, and next actions that say "ask your
/// insurer" carry its contact. A Situation without `insurerKind` takes the pack's.
///
/// # Errors
/// `wrongInsurerKind` when the pack is for another insurer kind than the Situation's,
/// `wrongRegion` when a 後期 pack's prefecture contradicts `kokiRegion`.
pub fn assess_with_pack(s: &Situation, pack: Option<&Pack>) -> Result<Assessment, PackError> {
    match pack {
        None => Ok(rules::assess(s)),
        Some(p) => {
            p.check_applies_to(s)?;
            Ok(rules::assess_with(s, Some(p)))
        }
    }
}

/// Parses and validates an insurer pack from JSON text (see [`pack`]; feature `pack-json`).
///
/// # Errors
/// A [`PackError`] with a stable code and the path in the pack.
#[cfg(all(feature = "pack-json", not(target_arch = "wasm32")))]
pub fn parse_pack(text: &str) -> Result<Pack, PackError> {
    Pack::from_json(text)
}

/// Validates a raw record and assesses it.
///
/// # Errors
/// An [`InputError`] naming the field for unknown fields, wrong types, unknown enum values,
/// malformed or impossible dates; never a panic.
pub fn assess_raw(raw: &RawSituation) -> Result<Assessment, InputError> {
    raw.validate().map(|s| rules::assess(&s))
}

/// Validates a raw record and assesses it with an insurer pack, or without one (`None`: the
/// same as [`assess_raw`]). The CLI's `--pack` and the JS option `{ pack }` use this.
///
/// # Errors
/// As [`assess_raw`]; and `packNotForRecord` naming `insurerKind` or `kokiRegion` when the
/// pack is for another insurer kind or 後期 region than the record (RULES.md §15).
pub fn assess_raw_with_pack(
    raw: &RawSituation,
    pack: Option<&Pack>,
) -> Result<Assessment, InputError> {
    assess_valid_with_pack(&raw.validate()?, pack)
}

/// Assesses a validated Situation with an insurer pack, or without one (`None`), reporting a
/// pack that does not apply to it as an input error — the second half of
/// [`assess_raw_with_pack`], for callers that validate records themselves (the CLI's CSV
/// path, [`batch::csv_cells_to_situation`]).
///
/// # Errors
/// `packNotForRecord` naming `insurerKind` or `kokiRegion` (RULES.md §15).
pub fn assess_valid_with_pack(
    s: &Situation,
    pack: Option<&Pack>,
) -> Result<Assessment, InputError> {
    assess_with_pack(s, pack).map_err(pack_not_for_record)
}

/// [`assess_valid_with_pack`] for a summary row: the summary, weakest certainty and warnings,
/// evaluated without next actions, assistance or a sorted timeline (the CLI's CSV rows). They
/// equal the full assessment's (tested in `tests/properties.rs` and `tests/packs.rs`).
///
/// # Errors
/// As [`assess_valid_with_pack`].
pub fn assess_brief_with_pack(s: &Situation, pack: Option<&Pack>) -> Result<Brief, InputError> {
    match pack {
        None => Ok(rules::brief_with(s, None)),
        Some(p) => {
            p.check_applies_to(s).map_err(pack_not_for_record)?;
            Ok(rules::brief_with(s, Some(p)))
        }
    }
}

/// A pack that does not apply to a record, as the record's input error (RULES.md §15).
fn pack_not_for_record(e: PackError) -> InputError {
    let field = match e.code {
        PackErrorCode::WrongRegion => "kokiRegion",
        _ => "insurerKind",
    };
    InputError::new(ErrorCode::PackNotForRecord, Some(field))
}

/// Which unanswered fields would change the answer (see [`guide`]).
///
/// # Errors
/// As [`assess_raw`] for the fields that are given.
pub fn missing_fields(raw: &RawSituation) -> Result<MissingFields, InputError> {
    guide::missing_fields(raw)
}

/// [`missing_fields`] with an insurer pack: what the pack fills in (the insurer kind, for 後期
/// the region) is never asked (see [`guide::missing_fields_with_pack`]).
///
/// # Errors
/// As [`missing_fields`]; `packNotForRecord` when the pack is for another insurer kind or
/// 後期 region than the given answers.
pub fn missing_fields_with_pack(
    raw: &RawSituation,
    pack: Option<&Pack>,
) -> Result<MissingFields, InputError> {
    guide::missing_fields_with_pack(raw, pack)
}

/// Parses a date as printed on a card or letter (和暦, full-width digits…).
///
/// # Errors
/// A [`dates::DateError`] with a stable code; the input is never echoed.
pub fn parse_date(text: &str) -> Result<dates::ParsedDate, dates::DateError> {
    dates::parse_printed(text)
}

/// The rule data in use: version, hash, the rules-as-of date, every rule with its sources and
/// every dated parameter.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RulesInfo {
    /// Rule data version.
    pub rules_version: &'static str,
    /// Hash of `params.toml`.
    pub data_hash: &'static str,
    /// Day the facts were collected.
    #[serde(serialize_with = "assessment::serde_date::date")]
    pub rules_as_of: dates::NaiveDate,
    /// Every rule.
    pub rules: &'static [&'static RuleInfo],
    /// Every dated value and period.
    pub params: &'static [params::Param],
}

/// The rule data in use.
pub fn rules_info() -> RulesInfo {
    RulesInfo {
        rules_version: params::RULES_VERSION,
        data_hash: params::DATA_HASH,
        rules_as_of: params::RULES_AS_OF,
        rules: params::RULES,
        params: params::PARAMS,
    }
}
