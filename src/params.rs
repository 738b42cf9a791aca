//! The rule data of `src/params.toml`, compiled in by `build.rs`.
//!
//! Every dated constant a rule uses is defined here, generated from the TOML, each documented
//! with its rule id and source. Rule code uses these names; it never writes a date itself
//! (a test scans `src/rules/` for date literals).

use crate::citation::{Certainty, RuleInfo, Source};
use chrono::NaiveDate;
use serde::Serialize;

/// A dated value or period with its provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Param {
    /// Name in params.toml (`old_card_cap` …).
    pub name: &'static str,
    /// The value.
    pub value: ParamValue,
    /// The rule that uses it.
    pub rule: &'static str,
    /// What it means.
    pub meaning: &'static str,
    /// Public source address.
    pub source: &'static str,
    /// Day the value was last checked against the source.
    pub verified_on: &'static str,
}

/// A parameter's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// A calendar date.
    #[serde(serialize_with = "crate::assessment::serde_date::date")]
    Date(NaiveDate),
    /// A whole number (months, years, ages).
    Number(u32),
}

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("params.toml holds an impossible date"),
    }
}

include!(concat!(env!("OUT_DIR"), "/params.rs"));

/// Looks a rule up by its id (`R-OLD-1`).
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().copied().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_param_names_a_known_rule_and_a_source() {
        for p in PARAMS {
            assert!(
                rule(p.rule).is_some(),
                "{} names unknown rule {}",
                p.name,
                p.rule
            );
            assert!(
                p.source.starts_with("http"),
                "{} has no source address",
                p.name
            );
        }
    }

    #[test]
    fn dated_constants_match_rules_md_section_0() {
        // RULES.md §0 timeline, copied by hand from the spec table.
        assert_eq!(ABOLITION, date(2024, 12, 2));
        assert_eq!(OLD_CARD_LAST_ISSUE_DAY, date(2024, 12, 1));
        assert_eq!(OLD_CARD_CAP, date(2025, 12, 1));
        assert_eq!(PROVISIONAL_START_KOKUHO, date(2025, 8, 1));
        assert_eq!(PROVISIONAL_START_ALL, date(2025, 11, 12));
        assert_eq!(PROVISIONAL_END, date(2026, 3, 31));
        assert_eq!(KOKI_PROVISIONAL_END, date(2026, 7, 31));
        assert_eq!(SMARTPHONE_START, date(2025, 9, 19));
        assert_eq!(CANCEL_ACCEPTED_FROM, date(2024, 10, 28));
        assert_eq!(GRACE_MONTHS, 3);
        assert_eq!(KAKUNINSHO_MAX_YEARS, 5);
    }

    #[test]
    fn data_hash_is_present_and_stable_in_form() {
        assert!(DATA_HASH.starts_with("fnv1a64:") && DATA_HASH.len() == 24);
    }
}
