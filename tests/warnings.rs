#![cfg(not(target_arch = "wasm32"))]
//! CONTRACT.md: "Facts that do not apply (a printed expiry for a card not held) are ignored
//! with a warning in the Assessment, not rejected", and "oldCardIssuedBy20241201 … false is a
//! card that cannot be a traditional one: a warning, and it is never valid".

use hoken_check::{assess_raw, RawSituation};
use serde_json::{json, Value};

fn assess(v: Value) -> hoken_check::Assessment {
    let raw: RawSituation = serde_json::from_value(v).expect("raw");
    assess_raw(&raw).expect("a fact that does not apply is not an error")
}

fn has_warning(a: &hoken_check::Assessment, code: &str, field: &str) -> bool {
    a.warnings
        .iter()
        .any(|w| w.code.as_str() == code && w.field == Some(field))
}

#[test]
fn a_printed_expiry_for_a_card_not_held_is_ignored_with_a_warning() {
    let a = assess(
        json!({"asOf": "2025-06-01", "insurerKind": "kokuho", "oldCardHeld": false, "oldCardPrintedExpiry": "2025-07-31"}),
    );
    assert_eq!(a.summary.old_card_valid, None, "no old card held → null");
    assert!(has_warning(
        &a,
        "notApplicableNoOldCard",
        "oldCardPrintedExpiry"
    ));
}

#[test]
fn a_qualification_loss_without_an_old_card_is_ignored_with_a_warning() {
    let a = assess(
        json!({"asOf": "2026-01-10", "insurerKind": "kenpoKumiai", "qualificationLostDate": "2025-12-20"}),
    );
    assert_eq!(a.summary.old_card_valid_until, None);
    assert!(has_warning(
        &a,
        "notApplicableNoOldCard",
        "qualificationLostDate"
    ));
}

#[test]
fn card_expiries_without_a_my_number_card_are_ignored_with_a_warning() {
    let a = assess(
        json!({"asOf": "2026-01-10", "insurerKind": "kyokaiKenpo", "hasMyNumberCard": false,
        "ecertExpiry": "2028-01-01", "registrationCancelledDate": "2025-12-01"}),
    );
    assert!(!a.summary.mynahokensho_usable);
    assert_eq!(a.summary.mynahokensho_usable_until, None);
    assert!(has_warning(
        &a,
        "notApplicableNoMyNumberCard",
        "ecertExpiry"
    ));
    assert!(has_warning(
        &a,
        "notApplicableNoMyNumberCard",
        "registrationCancelledDate"
    ));
}

#[test]
fn a_kakuninsho_expiry_without_a_kakuninsho_is_ignored_with_a_warning() {
    let a = assess(
        json!({"asOf": "2026-01-10", "insurerKind": "kyokaiKenpo", "shikakuKakuninshoHeld": false, "shikakuKakuninshoExpiry": "2030-01-01"}),
    );
    assert!(!a.summary.kakuninsho_valid);
    assert!(has_warning(
        &a,
        "notApplicableNoKakuninsho",
        "shikakuKakuninshoExpiry"
    ));
}

#[test]
fn a_card_issued_after_2024_12_01_is_never_valid_and_warned_about() {
    // R-OLD-1: no traditional card was issued from 2024-12-02.
    for as_of in ["2024-12-10", "2025-06-01", "2025-12-01"] {
        let a = assess(
            json!({"asOf": as_of, "insurerKind": "kyokaiKenpo", "oldCardHeld": true, "oldCardIssuedBy20241201": false, "documentsPresented": ["oldCard"]}),
        );
        assert_eq!(a.summary.old_card_valid, Some(false), "{as_of}");
        assert_eq!(
            a.summary.old_card_provisional_acceptance,
            Some(false),
            "{as_of}"
        );
        assert!(!a
            .summary
            .documents_to_show
            .iter()
            .any(|d| d.as_str() == "oldCard"));
        assert!(has_warning(
            &a,
            "oldCardCannotExist",
            "oldCardIssuedBy20241201"
        ));
        // The message names the abolition day, from the rule data (R-OLD-1: 2024-12-02).
        let w = a
            .warnings
            .iter()
            .find(|w| w.code.as_str() == "oldCardCannotExist")
            .expect("warning");
        assert_eq!(
            serde_json::to_value(&w.params).expect("params"),
            json!({"date": "2024-12-02"})
        );
    }
}

#[test]
fn a_kokiregion_for_someone_not_in_koki_is_ignored_with_a_warning() {
    let a = assess(json!({"asOf": "2026-09-01", "insurerKind": "kokuho", "kokiRegion": "saitama"}));
    assert!(has_warning(&a, "notApplicableNotKoki", "kokiRegion"));
}

#[test]
fn an_ecert_expiring_after_the_card_is_flagged_and_the_earlier_date_is_used() {
    // R-MYNA-2: the certificate never outlives the card; R-MYNA-3 grace from the earlier date.
    let a = assess(
        json!({"asOf": "2026-01-10", "insurerKind": "kyokaiKenpo", "hasMyNumberCard": true, "registeredForInsurance": true,
        "myNumberCardExpiry": "2026-03-10", "ecertExpiry": "2027-03-10"}),
    );
    assert!(has_warning(&a, "ecertAfterCardExpiry", "ecertExpiry"));
    assert_eq!(
        a.summary.mynahokensho_usable_until.map(|d| d.to_string()),
        Some("2026-06-30".to_string())
    );
}

#[test]
fn a_data_change_on_an_employee_insurance_card_is_ignored_with_a_warning() {
    // R-OLD-1 item 4 names cards that carry that data (国保, 後期) only.
    let a = assess(
        json!({"asOf": "2025-10-01", "insurerKind": "kyokaiKenpo", "oldCardHeld": true, "cardDataChangeDate": "2025-09-01"}),
    );
    assert_eq!(a.summary.old_card_valid, Some(true));
    assert!(has_warning(
        &a,
        "dataChangeOnlyRegionalCards",
        "cardDataChangeDate"
    ));
}

#[test]
fn a_facility_answer_without_a_smartphone_is_ignored_with_a_warning() {
    let a = assess(
        json!({"asOf": "2026-01-10", "insurerKind": "kyokaiKenpo", "facilitySupportsSmartphone": true}),
    );
    assert!(has_warning(
        &a,
        "notApplicableNoSmartphone",
        "facilitySupportsSmartphone"
    ));
}

#[test]
fn a_situation_with_every_fact_consistent_has_no_warning() {
    let a = assess(
        json!({"asOf": "2025-11-30", "insurerKind": "kyokaiKenpo", "birthDate": "1985-04-02", "oldCardHeld": true, "documentsPresented": ["oldCard"]}),
    );
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}
