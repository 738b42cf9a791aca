#![cfg(not(target_arch = "wasm32"))]
//! Per-document verdicts beyond the flat summary, from RULES.md.

use hoken_check::assessment::{DocumentKind, Status};
use hoken_check::{assess_raw, Assessment, RawSituation};
use serde_json::json;

fn assess(v: serde_json::Value) -> Assessment {
    let raw: RawSituation = serde_json::from_value(v).expect("raw");
    assess_raw(&raw).expect("valid")
}

fn status(a: &Assessment, kind: DocumentKind) -> Option<Status> {
    a.verdicts
        .iter()
        .find(|v| v.document == kind)
        .map(|v| v.status)
}

#[test]
fn the_oshirase_is_usable_only_together_with_a_usable_mynahokensho() {
    // R-OSHI-1: "Cannot be used alone."
    let a = assess(
        json!({"asOf": "2026-11-25", "insurerKind": "kyokaiKenpo", "hasMyNumberCard": true,
        "registeredForInsurance": true, "ecertExpiry": "2028-04-10", "shikakuJohoOshiraseHeld": true}),
    );
    assert_eq!(
        status(&a, DocumentKind::ShikakuJohoOshirase),
        Some(Status::OnlyTogether)
    );
}

#[test]
fn the_oshirase_alone_is_provisional_inside_the_kokuho_window_and_invalid_after() {
    // R-PROV-1: 国保 from 2025-08-01, every window ends 2026-03-31; R-PROV-2 after.
    let base = json!({"insurerKind": "kokuho", "shikakuJohoOshiraseHeld": true});
    let on = |d: &str| {
        let mut v = base.clone();
        v["asOf"] = json!(d);
        status(&assess(v), DocumentKind::ShikakuJohoOshirase)
    };
    assert_eq!(on("2025-07-31"), Some(Status::Invalid));
    assert_eq!(on("2025-08-01"), Some(Status::Provisional));
    assert_eq!(on("2026-03-31"), Some(Status::Provisional));
    assert_eq!(on("2026-04-01"), Some(Status::Invalid));
}

#[test]
fn no_oshirase_verdict_when_none_is_held() {
    let a = assess(json!({"asOf": "2026-11-25", "insurerKind": "kokuho"}));
    assert_eq!(status(&a, DocumentKind::ShikakuJohoOshirase), None);
}

#[test]
fn the_mynahokensho_in_its_grace_period_says_so_and_gives_the_grace_end() {
    // R-MYNA-3: E = 2025-11-10 → usable until 2026-02-28 (RULES.md example).
    let a = assess(
        json!({"asOf": "2026-01-15", "insurerKind": "kyokaiKenpo", "hasMyNumberCard": true,
        "registeredForInsurance": true, "ecertExpiry": "2025-11-10"}),
    );
    let v = a
        .verdicts
        .iter()
        .find(|v| v.document == DocumentKind::Mynahokensho)
        .expect("verdict");
    assert_eq!(v.status, Status::Grace);
    assert_eq!(
        v.valid_until.map(|d| d.to_string()).as_deref(),
        Some("2025-11-10")
    );
    assert_eq!(
        v.grace_until.map(|d| d.to_string()).as_deref(),
        Some("2026-02-28")
    );
    assert!(a
        .next_actions
        .iter()
        .any(|x| x.message_key == "action.renewEcert"));
}

#[test]
fn between_the_exact_day_and_the_month_end_reading_the_grace_is_labelled_sources_disagree() {
    // RULES.md D5: one source counts 3 months from the exact day (2025-11-10 → 2026-02-10).
    let a = assess(
        json!({"asOf": "2026-02-20", "insurerKind": "kyokaiKenpo", "hasMyNumberCard": true,
        "registeredForInsurance": true, "ecertExpiry": "2025-11-10"}),
    );
    assert!(a.summary.mynahokensho_usable);
    assert_eq!(a.certainty, hoken_check::Certainty::SourcesDisagree);
}
