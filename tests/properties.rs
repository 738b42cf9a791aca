#![cfg(not(target_arch = "wasm32"))]
//! Properties of the engine that must hold for every input (proptest), plus exhaustive checks
//! over the calendar. Expected values come from RULES.md's formulas, computed here
//! independently of the engine.

use chrono::{Datelike, NaiveDate};
use hoken_check::assessment::DocumentKind;
use hoken_check::situation::{
    Circumstance, Document, InsurerKind, KokiRegion, Situation, Smartphone,
};
use hoken_check::{assess, assess_raw, Certainty, Copay, RawSituation};
use proptest::prelude::*;
use serde_json::Value;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// Last day of the month, from the month lengths (independent of the engine's dates module).
fn last_day(y: i32, m: u32) -> NaiveDate {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let len = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][(m - 1) as usize];
    d(y, m, len)
}

#[test]
fn grace_end_for_every_expiry_day_2024_to_2035_is_the_last_day_of_the_third_month_after() {
    // R-MYNA-3: grace_end(E) = last_day_of_month(year/month of E + 3 months), for expiries on
    // or after 2024-12-02 (re-checked 2026-11-29); an earlier expiry has no grace: the expiry
    // day itself is the last usable day (CONTRACT.md `mynahokenshoUsableUntil`), `unverified`.
    let mut e = d(2024, 1, 1);
    while e <= d(2035, 12, 31) {
        let (y, m) = {
            let idx = e.year() * 12 + e.month0() as i32 + 3;
            (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
        };
        let mut s = Situation::blank(e);
        s.insurer_kind = Some(InsurerKind::KyokaiKenpo);
        s.has_my_number_card = true;
        s.registered_for_insurance = true;
        s.ecert_expiry = Some(e);
        let a = assess(&s);
        let (want, certainty) = if e >= d(2024, 12, 2) {
            (last_day(y, m), Certainty::Verified)
        } else {
            (e, Certainty::Unverified)
        };
        assert_eq!(
            a.summary.mynahokensho_usable_until,
            Some(want),
            "expiry {e}"
        );
        let myna = a
            .verdicts
            .iter()
            .find(|v| v.document == DocumentKind::Mynahokensho)
            .expect("a マイナ保険証 verdict");
        assert_eq!(myna.certainty, certainty, "expiry {e}");
        assert!(
            a.summary.mynahokensho_usable,
            "usable on the expiry day itself ({e})"
        );
        e = e.succ_opt().expect("next day");
    }
}

fn date_strategy() -> impl Strategy<Value = NaiveDate> {
    (0i64..(365 * 16)).prop_map(|n| d(2022, 1, 1) + chrono::Duration::days(n))
}

fn opt_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![Just(None), date_strategy().prop_map(Some)]
}

prop_compose! {
    fn situation()(
        as_of in date_strategy(),
        kind in proptest::option::of(proptest::sample::select(InsurerKind::ALL.to_vec())),
        birth in proptest::option::of((0i64..(365 * 100)).prop_map(|n| d(1925, 1, 1) + chrono::Duration::days(n))),
        region in proptest::option::of(proptest::sample::select(KokiRegion::ALL.to_vec())),
        flags in proptest::collection::vec(any::<bool>(), 9),
        issued in proptest::option::of(any::<bool>()),
        dates in proptest::collection::vec(opt_date(), 7),
        phone in proptest::sample::select(Smartphone::ALL.to_vec()),
        facility in proptest::option::of(any::<bool>()),
        circ in proptest::sample::select(Circumstance::ALL.to_vec()),
        docs in proptest::collection::vec(proptest::sample::select(Document::ALL.to_vec()), 0..4),
    ) -> Situation {
        let mut s = Situation::blank(as_of);
        s.insurer_kind = kind;
        s.birth_date = birth;
        s.koki_region = region;
        s.old_card_held = flags[0];
        s.old_card_printed_expiry = dates[0];
        s.old_card_issued_by_20241201 = issued;
        s.qualification_lost_date = dates[1];
        s.card_data_change_date = dates[2];
        s.has_my_number_card = flags[1];
        s.my_number_card_expiry = dates[3];
        s.ecert_expiry = dates[4];
        s.registered_for_insurance = flags[2];
        s.registration_cancelled_date = if flags[8] { dates[5] } else { None };
        s.shikaku_kakuninsho_held = flags[3];
        s.shikaku_kakuninsho_expiry = dates[6];
        s.shikaku_joho_oshirase_held = flags[4];
        s.difficulty_using_card = flags[5];
        s.kakuninsho_application_made = flags[6];
        s.smartphone = phone;
        s.facility_supports_smartphone = facility;
        s.situation = circ;
        let mut docs = docs;
        docs.dedup();
        s.documents_presented = docs;
        s
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::String),
        Just(Value::String("2025-12-01".into())),
        Just(Value::String("oldCard".into())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(
                (
                    prop_oneof![
                        proptest::sample::select(
                            hoken_check::situation::FIELDS
                                .iter()
                                .map(|f| f.0.to_string())
                                .collect::<Vec<_>>()
                        ),
                        "[a-zA-Z]{1,12}",
                    ],
                    inner
                ),
                0..8
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

    /// No input panics: arbitrary JSON gives an Assessment or an InputError.
    #[test]
    fn arbitrary_json_never_panics(v in json_value()) {
        if let Ok(raw) = serde_json::from_value::<RawSituation>(v) {
            let _ = assess_raw(&raw);
            let _ = hoken_check::missing_fields(&raw);
        }
    }

    /// Arbitrary strings to the date parser never panic.
    #[test]
    fn arbitrary_strings_to_the_date_parser_never_panic(s in ".{0,80}") {
        let _ = hoken_check::parse_date(&s);
    }

    /// CONTRACT.md: fullCostRisk is exactly copay ≠ normal.
    #[test]
    fn full_cost_risk_is_exactly_copay_not_normal(s in situation()) {
        let a = assess(&s);
        prop_assert_eq!(a.summary.full_cost_risk, a.summary.copay != Copay::Normal);
    }

    /// R-FAIL-1: a reader failure with a valid document presented never yields fullCostRisk.
    #[test]
    fn a_reader_failure_with_a_valid_document_never_means_full_cost(mut s in situation(), which in 0usize..3) {
        s.situation = Circumstance::ReaderFailure;
        let before = assess(&s);
        let doc = match which {
            0 if before.summary.mynahokensho_usable => Document::MynahokenshoCard,
            1 if before.summary.kakuninsho_valid => Document::ShikakuKakuninsho,
            2 if before.summary.mynahokensho_usable && s.shikaku_joho_oshirase_held => Document::MynacardPlusOshirase,
            _ => return Ok(()),
        };
        s.documents_presented = vec![doc];
        let a = assess(&s);
        prop_assert!(!a.summary.full_cost_risk, "{:?} presented on reader failure", doc);
    }

    /// R-OLD-1: a card issued by 2024-12-01 is never valid after 2025-12-01.
    #[test]
    fn old_card_valid_until_is_never_after_2025_12_01(mut s in situation()) {
        s.old_card_held = true;
        s.old_card_issued_by_20241201 = Some(true);
        let a = assess(&s);
        let until = a.summary.old_card_valid_until.expect("an old card held has a last day");
        prop_assert!(until <= d(2025, 12, 1));
        prop_assert_eq!(a.summary.old_card_valid, Some(s.as_of <= until));
    }

    /// Every summary date the engine reports as "until" is consistent with the flags.
    #[test]
    fn usable_until_agrees_with_usable(s in situation()) {
        let a = assess(&s);
        if let Some(u) = a.summary.mynahokensho_usable_until {
            prop_assert_eq!(a.summary.mynahokensho_usable, s.as_of <= u);
        }
        if a.summary.kakuninsho_valid {
            prop_assert!(s.shikaku_kakuninsho_held);
        }
        prop_assert_eq!(a.summary.old_card_valid.is_some(), s.old_card_held);
    }

    /// Every verdict carries at least one reason with a rule id and a source address.
    #[test]
    fn every_verdict_has_a_cited_reason(s in situation()) {
        let a = assess(&s);
        for v in &a.verdicts {
            prop_assert!(!v.reasons.is_empty(), "{:?} has no reason", v.document);
            for r in &v.reasons {
                prop_assert!(r.rule.primary_source().is_some_and(|src| src.url.starts_with("http")));
            }
        }
    }
}
