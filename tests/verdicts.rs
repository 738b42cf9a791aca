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

fn action<'a>(a: &'a Assessment, key: &str) -> Option<&'a hoken_check::assessment::Action> {
    a.next_actions.iter().find(|x| x.message_key == key)
}

/// The source a serialized reason cites, for the first reason with `rule`.
fn cited_source(a: &Assessment, rule: &str) -> Option<String> {
    let v = serde_json::to_value(a).expect("serializes");
    v["verdicts"]
        .as_array()?
        .iter()
        .flat_map(|x| x["reasons"].as_array().cloned().unwrap_or_default())
        .find(|r| r["ruleId"] == rule)
        .and_then(|r| r["source"]["url"].as_str().map(str::to_string))
}

#[test]
fn the_kakuninsho_validity_reason_cites_the_source_for_the_persons_insurer_kind() {
    // RULES.md R-KAKU-3: 私学共済 2029-11-30 speaks for 共済 only; 国保 usually to 7/31 (Chiryu);
    // 後期 1 year (Shizuoka, R-KOKI-3); the general "at most 5 years" (FAQ 3505) for the others.
    let with = |kind: &str| {
        assess(
            json!({"asOf": "2026-06-01", "insurerKind": kind, "shikakuKakuninshoHeld": true,
            "shikakuKakuninshoExpiry": "2026-07-31"}),
        )
    };
    let url = |kind: &str| cited_source(&with(kind), "R-KAKU-3").unwrap_or_default();
    assert!(url("kyosai").contains("pmac.shigaku.go.jp"));
    assert!(url("kokuho").contains("city.chiryu"));
    assert!(url("kokiKoreisha").contains("shizuoka-ki.jp"));
    assert!(url("kenpoKumiai").contains("faq.myna.go.jp"));
    assert!(!url("kyokaiKenpo").contains("pmac.shigaku.go.jp"));
}

#[test]
fn the_kokuho_70_to_74_card_reason_cites_a_kokuho_source_not_kyokai_kenpo() {
    // RULES.md R-OLD-7: 国保 70–74 cards are 被保険者証兼高齢受給者証 (山陽小野田市 …); the 保団連 page
    // is about 協会けんぽ.
    let a = assess(
        json!({"asOf": "2025-06-01", "insurerKind": "kokuho", "birthDate": "1953-01-15",
        "oldCardHeld": true, "oldCardPrintedExpiry": "2025-07-31"}),
    );
    let url = cited_source(&a, "R-OLD-7").expect("R-OLD-7 cited");
    assert!(url.contains("sanyo-onoda"), "{url}");
}

#[test]
fn a_koki_mynahokensho_holder_from_2026_08_may_apply_as_an_insurer_dependent_action() {
    // RULES.md R-KOKI-2 (re-checked 2026-11-29): any 後期 マイナ holder may ask in some 広域連合 —
    // a next action labelled insurerDependent; the route stays notNeeded.
    let a = assess(
        json!({"asOf": "2026-09-01", "insurerKind": "kokiKoreisha", "kokiRegion": "other",
        "birthDate": "1948-05-05", "hasMyNumberCard": true, "registeredForInsurance": true,
        "ecertExpiry": "2029-05-05"}),
    );
    assert_eq!(
        serde_json::to_value(a.summary.kakuninsho_route).unwrap(),
        "notNeeded"
    );
    let x = action(&a, "action.kokiMayApplyKakuninsho").expect("offered");
    assert_eq!(x.certainty, hoken_check::Certainty::InsurerDependent);
    assert_eq!(x.rule.id, "R-KOKI-2");
    // Before 2026-08-01 (R-KOKI-1: sent to everyone) it is not offered.
    let before = assess(json!({"asOf": "2026-07-01", "insurerKind": "kokiKoreisha",
        "kokiRegion": "other", "birthDate": "1948-05-05", "hasMyNumberCard": true,
        "registeredForInsurance": true, "ecertExpiry": "2029-05-05"}));
    assert!(action(&before, "action.kokiMayApplyKakuninsho").is_none());
}

#[test]
fn a_valid_kakuninsho_comes_with_the_lost_card_action_that_a_reissue_may_be_charged() {
    // RULES.md R-KAKU-1 (re-checked 2026-11-29): reissue after loss may be charged by a 健保組合.
    let a = assess(json!({"asOf": "2026-06-01", "insurerKind": "kenpoKumiai",
        "shikakuKakuninshoHeld": true, "shikakuKakuninshoExpiry": "2028-11-30"}));
    let x = action(&a, "action.kakuninshoReissueMayBeCharged").expect("listed");
    assert_eq!(x.certainty, hoken_check::Certainty::InsurerDependent);
    assert_eq!(x.rule.id, "R-KAKU-1");
}

#[test]
fn holding_both_a_usable_mynahokensho_and_a_valid_kakuninsho_cites_r_kaku_5_and_lists_both() {
    // RULES.md R-KAKU-5: both at once; both listed; neither implies the other is missing.
    let a = assess(
        json!({"asOf": "2025-10-01", "insurerKind": "kokuho", "birthDate": "1980-01-01",
        "hasMyNumberCard": true, "registeredForInsurance": true, "ecertExpiry": "2029-01-01",
        "shikakuKakuninshoHeld": true, "shikakuKakuninshoExpiry": "2026-07-31"}),
    );
    assert!(a.cited_rule_ids().contains(&"R-KAKU-5"));
    let docs = serde_json::to_value(&a.summary.documents_to_show).unwrap();
    assert_eq!(docs, json!(["shikakuKakuninsho", "mynahokenshoCard"]));
}

#[test]
fn a_smartphone_mynahokensho_user_is_told_the_mynaportal_screen_is_the_fallback() {
    // RULES.md R-MYNA-5 (re-checked 2026-11-29): the マイナポータル 資格情報 screen on the phone.
    let a = assess(
        json!({"asOf": "2026-01-10", "insurerKind": "kyokaiKenpo", "hasMyNumberCard": true,
        "registeredForInsurance": true, "ecertExpiry": "2029-01-01", "smartphone": "iphone",
        "facilitySupportsSmartphone": true}),
    );
    assert!(action(&a, "action.phoneFallbackMynaportalScreen").is_some());
}

#[test]
fn an_expired_certificate_beyond_grace_mentions_the_monthly_national_list() {
    // RULES.md R-MYNA-4 (re-checked 2026-11-29): sent from a monthly national list by several 健保組合.
    let a = assess(
        json!({"asOf": "2026-12-10", "insurerKind": "kenpoKumiai", "hasMyNumberCard": true,
        "registeredForInsurance": true, "ecertExpiry": "2026-06-10"}),
    );
    let kaku = a
        .verdicts
        .iter()
        .find(|v| v.document == DocumentKind::ShikakuKakuninsho)
        .expect("verdict");
    assert!(kaku
        .reasons
        .iter()
        .any(|r| r.message_key == "route.monthlyNationalList"));
    assert_eq!(kaku.certainty, hoken_check::Certainty::InsurerDependent);
}

#[test]
fn a_data_change_on_an_employee_insurance_card_leaves_the_summary_and_labels_the_verdict() {
    // CONTRACT.md: cardDataChangeDate for other insurers does not change the summary; the old
    // card's verdict is insurerDependent (R-OLD-2).
    let base = json!({"asOf": "2025-10-01", "insurerKind": "kyosai", "oldCardHeld": true});
    let mut changed = base.clone();
    changed["cardDataChangeDate"] = json!("2025-09-01");
    let (a, b) = (assess(base), assess(changed));
    assert_eq!(a.summary, b.summary);
    assert_eq!(
        b.verdicts[0].certainty,
        hoken_check::Certainty::InsurerDependent
    );
    assert_eq!(a.verdicts[0].certainty, hoken_check::Certainty::Verified);
}

#[test]
fn the_provisional_reason_cites_the_basis_for_the_cards_insurer_kind() {
    // RULES.md R-PROV-1: 2025-06-27 事務連絡 (国保, from 2025-08-01); for 後期 the 2025-08-04
    // 事務連絡 (re-checked 2026-11-29); all insurers 2025-11-12.
    let card = |kind: &str, expiry: &str| {
        assess(
            json!({"asOf": "2026-01-10", "insurerKind": kind, "oldCardHeld": true,
            "oldCardPrintedExpiry": expiry}),
        )
    };
    let url = |a: &Assessment| cited_source(a, "R-PROV-1").unwrap_or_default();
    assert!(url(&card("kokuho", "2025-07-31")).ends_with("2025-06-30"));
    assert!(url(&card("kokiKoreisha", "2025-07-31")).ends_with("2025-08-05"));
    assert!(url(&card("kyokaiKenpo", "2025-12-01")).ends_with("2025-11-12-4"));
}
