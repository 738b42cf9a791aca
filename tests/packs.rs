#![cfg(all(not(target_arch = "wasm32"), feature = "pack-json"))]
//! Insurer packs (RULES.md §15): the example packs change exactly the answers §15 lets them
//! decide (each scenario with and without its pack, side by side), no valid pack changes a
//! national rule (property test), and invalid packs give coded errors naming the path.
//! Expected values come from RULES.md / CONTRACT.md and the packs' own facts.

use chrono::NaiveDate;
use hoken_check::assessment::{Action, DocumentKind, Verdict};
use hoken_check::pack::{PackErrorCode, FIELDS, MAX_PACK_BYTES};
use hoken_check::situation::{Circumstance, Document, InsurerKind, KokiRegion, Situation};
use hoken_check::{
    assess, assess_raw, assess_with_pack, parse_pack, Assessment, Certainty, KakuninshoRoute, Pack,
    RawSituation,
};
use proptest::prelude::*;
use serde_json::{json, Value};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn pack(name: &str) -> Pack {
    let text = std::fs::read_to_string(format!("packs/{name}")).expect("pack file");
    parse_pack(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn situation(v: Value) -> Situation {
    let raw: RawSituation = serde_json::from_value(v).expect("raw");
    raw.validate().expect("valid")
}

fn both(s: &Situation, p: &Pack) -> (Assessment, Assessment) {
    let with = assess_with_pack(s, Some(p)).expect("the pack applies");
    (assess(s), with)
}

fn verdict(a: &Assessment, kind: DocumentKind) -> &Verdict {
    a.verdicts
        .iter()
        .find(|v| v.document == kind)
        .expect("verdict")
}

fn action<'a>(a: &'a Assessment, key: &str) -> Option<&'a Action> {
    a.next_actions.iter().find(|x| x.message_key == key)
}

/// The pack citation of the first reason with `key`, as serialized.
fn reason_pack(a: &Assessment, key: &str) -> Option<Value> {
    let v = serde_json::to_value(a).expect("serializes");
    v["verdicts"]
        .as_array()?
        .iter()
        .flat_map(|x| x["reasons"].as_array().cloned().unwrap_or_default())
        .find(|r| r["messageKey"] == key)
        .map(|r| r["pack"].clone())
}

const KNT: &str = "kenpo-kumiai-knt.json";
const SHIBUYA: &str = "kokuho-shibuya.json";
const SAITAMA: &str = "koki-saitama.json";

#[test]
fn the_three_example_packs_validate_and_carry_each_insurers_own_public_page() {
    // RULES.md: KNT健保 (R-KAKU-1 fee, R-MYNA-4 monthly list), 渋谷区 (R-KAKU-5),
    // 埼玉県後期高齢者医療広域連合 (R-KOKI-2).
    let knt = pack(KNT);
    assert_eq!(knt.who.insurer_kind, InsurerKind::KenpoKumiai);
    assert!(knt
        .who
        .provenance
        .source
        .starts_with("https://www.kntkenpo.or.jp"));
    let shibuya = pack(SHIBUYA);
    assert_eq!(shibuya.who.insurer_kind, InsurerKind::Kokuho);
    assert!(shibuya
        .who
        .provenance
        .source
        .starts_with("https://www.city.shibuya.tokyo.jp/"));
    let saitama = pack(SAITAMA);
    assert_eq!(saitama.who.insurer_kind, InsurerKind::KokiKoreisha);
    assert!(saitama
        .who
        .provenance
        .source
        .starts_with("https://www.saitama-koukikourei.org/"));
    // No phone number: none of them is given by RULES.md or a source it names.
    for p in [&knt, &shibuya, &saitama] {
        assert!(p.contact.as_ref().is_some_and(|(c, _)| c.phone.is_none()));
        assert!(p.hash.starts_with("fnv1a64:") && p.hash.len() == 24);
    }
}

#[test]
fn the_hash_does_not_depend_on_white_space_or_key_order() {
    let text = std::fs::read_to_string(format!("packs/{SAITAMA}")).expect("pack");
    let v: Value = serde_json::from_str(&text).expect("json");
    let compact = serde_json::to_string(&v).expect("json");
    let a = parse_pack(&text).expect("valid");
    let b = parse_pack(&compact).expect("valid");
    assert_eq!(a.hash, b.hash);
    let mut changed = v.clone();
    changed["version"] = json!("2026.11.29-2");
    let c = parse_pack(&changed.to_string()).expect("valid");
    assert_ne!(a.hash, c.hash);
}

#[test]
fn the_schema_file_and_the_validator_allow_the_same_fields() {
    // One source of truth: src/pack.rs FIELDS, checked against packs/pack.schema.json.
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("packs/pack.schema.json").expect("schema"))
            .expect("json");
    fn collect(v: &Value, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        if let Some(props) = v["properties"].as_object() {
            assert_eq!(v["additionalProperties"], json!(false), "{path}");
            let mut keys: Vec<String> = props.keys().cloned().collect();
            keys.sort();
            out.push((path.to_string(), keys));
            for (k, sub) in props {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                collect(sub, &p, out);
            }
        }
    }
    let mut from_schema = Vec::new();
    collect(&schema, "", &mut from_schema);
    from_schema.sort();
    let mut from_rust: Vec<(String, Vec<String>)> = FIELDS
        .iter()
        .map(|(p, f)| {
            let mut f: Vec<String> = f.iter().map(|x| x.to_string()).collect();
            f.sort();
            (p.join("."), f)
        })
        .collect();
    from_rust.sort();
    assert_eq!(from_schema, from_rust);
}

// ---------------------------------------------------------------------------------------------
// With and without, side by side.
// ---------------------------------------------------------------------------------------------

#[test]
fn knt_pack_after_certificate_expiry_verifies_the_monthly_list_and_gives_its_contact() {
    // R-MYNA-4 / D6: without a pack the timing is insurerDependent; KNT健保 says monthly list.
    // E = 2026-06-10 → grace end 2026-09-30 (R-MYNA-3) < asOf: automatic route.
    let s = situation(json!({"asOf": "2026-12-10", "insurerKind": "kenpoKumiai",
        "birthDate": "1980-06-10", "hasMyNumberCard": true, "registeredForInsurance": true,
        "ecertExpiry": "2026-06-10"}));
    let (without, with) = both(&s, &pack(KNT));
    assert_eq!(
        without.summary, with.summary,
        "§15: timing only, not the summary"
    );
    assert_eq!(with.summary.kakuninsho_route, KakuninshoRoute::Automatic);
    let kaku = |a| verdict(a, DocumentKind::ShikakuKakuninsho).certainty;
    assert_eq!(kaku(&without), Certainty::InsurerDependent);
    assert_eq!(kaku(&with), Certainty::Verified);
    let cite = reason_pack(&with, "route.packAfterExpiryMonthlyList").expect("pack reason");
    assert_eq!(cite["name"], "KNT健保");
    assert_eq!(cite["version"], "2026.11.29-1");
    assert_eq!(cite["hash"], json!(pack(KNT).hash));
    assert_eq!(cite["source"], "https://www.kntkenpo.or.jp");
    assert!(reason_pack(&without, "route.packAfterExpiryMonthlyList").is_none());
    // "ask your insurer" → the insurer's contact.
    let wait = action(&with, "action.waitForKakuninsho").expect("wait");
    let contact = serde_json::to_value(&wait.contact).expect("json");
    assert_eq!(contact["web"], "https://www.kntkenpo.or.jp");
    assert_eq!(contact["name"], "KNT健保");
    assert!(action(&without, "action.waitForKakuninsho")
        .expect("wait")
        .contact
        .is_none());
}

#[test]
fn knt_pack_turns_may_be_charged_into_its_reissue_fee() {
    // R-KAKU-1: "2,000 円 KNT健保".
    let s = situation(json!({"asOf": "2026-06-01", "insurerKind": "kenpoKumiai",
        "shikakuKakuninshoHeld": true, "shikakuKakuninshoExpiry": "2029-11-30"}));
    let (without, with) = both(&s, &pack(KNT));
    assert_eq!(without.summary, with.summary);
    let maybe = action(&without, "action.kakuninshoReissueMayBeCharged").expect("listed");
    assert_eq!(maybe.certainty, Certainty::InsurerDependent);
    assert!(action(&with, "action.kakuninshoReissueMayBeCharged").is_none());
    let fee = action(&with, "action.kakuninshoReissueFee").expect("fee");
    assert_eq!(fee.certainty, Certainty::Verified);
    assert_eq!(
        serde_json::to_value(&fee.params).unwrap(),
        json!({"yen": 2000})
    );
    assert!(fee.pack.is_some());
}

#[test]
fn shibuya_pack_tells_a_mynahokensho_holder_a_kakuninsho_was_sent_to_everyone() {
    // R-KAKU-5: 渋谷区 sent a 国保 資格確認書 (valid from 2025-08-01) to every member except those
    // 75+ on 2025-08-01. Without a pack: no (national rule: only those who cannot use マイナ).
    let s = situation(json!({"asOf": "2025-10-01", "insurerKind": "kokuho",
        "birthDate": "1980-04-01", "hasMyNumberCard": true, "registeredForInsurance": true,
        "ecertExpiry": "2029-04-01"}));
    let (without, with) = both(&s, &pack(SHIBUYA));
    assert_eq!(without.summary, with.summary, "the holding is an input");
    assert_eq!(with.summary.kakuninsho_route, KakuninshoRoute::NotNeeded);
    assert!(action(&without, "action.lookForKakuninshoSentToEveryone").is_none());
    let a = action(&with, "action.lookForKakuninshoSentToEveryone").expect("told");
    assert_eq!(a.rule.id, "R-KAKU-5");
    assert_eq!(a.from, Some(d(2025, 8, 1)));
    assert!(a.pack.is_some());
    // Before 2025-08-01 the pack says nothing.
    let early = situation(json!({"asOf": "2025-07-01", "insurerKind": "kokuho",
        "birthDate": "1980-04-01", "hasMyNumberCard": true, "registeredForInsurance": true,
        "ecertExpiry": "2029-04-01"}));
    let (_, with_early) = both(&early, &pack(SHIBUYA));
    assert!(action(&with_early, "action.lookForKakuninshoSentToEveryone").is_none());
}

#[test]
fn saitama_pack_makes_the_85_plus_route_verified_and_cites_the_pack() {
    // R-KOKI-2: "令和8年8月1日時点で85歳以上の被保険者の方については全員に資格確認書"; born
    // 1941-08-02 is legally 85 on 2026-08-01 (CONTRACT.md). Without a pack: automatic but
    // unverified (single source); with the 広域連合's own pack: verified.
    let s = situation(json!({"asOf": "2026-12-01", "insurerKind": "kokiKoreisha",
        "kokiRegion": "saitama", "birthDate": "1941-08-02", "hasMyNumberCard": true,
        "registeredForInsurance": true, "ecertExpiry": "2027-09-09"}));
    let (without, with) = both(&s, &pack(SAITAMA));
    assert_eq!(without.summary, with.summary);
    assert_eq!(with.summary.kakuninsho_route, KakuninshoRoute::Automatic);
    assert_eq!(without.certainty, Certainty::Unverified);
    assert_eq!(with.certainty, Certainty::Verified);
    assert!(reason_pack(&with, "route.packAllFromAge").is_some());
}

#[test]
fn saitama_pack_decides_the_route_of_an_85_plus_holder_whose_region_was_not_given() {
    // §15: "後期 from 2026-08-01: 85+ all … without a pack: 85+ unverified". With no kokiRegion
    // the national reading is notNeeded (unverified); the Saitama pack says 資格確認書 for all
    // 85+: automatic, so one is on its way.
    let s = situation(json!({"asOf": "2026-12-01", "insurerKind": "kokiKoreisha",
        "birthDate": "1940-01-01", "hasMyNumberCard": true, "registeredForInsurance": true,
        "ecertExpiry": "2027-09-09"}));
    let (without, with) = both(&s, &pack(SAITAMA));
    assert_eq!(without.summary.kakuninsho_route, KakuninshoRoute::NotNeeded);
    assert_eq!(without.certainty, Certainty::Unverified);
    assert_eq!(with.summary.kakuninsho_route, KakuninshoRoute::Automatic);
    assert_eq!(with.certainty, Certainty::Verified);
    assert_eq!(
        with.summary.documents_to_show,
        vec![Document::MynahokenshoCard, Document::ShikakuKakuninsho]
    );
    // Everything national stays.
    assert_eq!(
        without.summary.mynahokensho_usable_until,
        with.summary.mynahokensho_usable_until
    );
    assert_eq!(without.summary.copay, with.summary.copay);
}

#[test]
fn saitama_pack_confirms_that_an_84_year_old_holder_may_apply() {
    // R-KOKI-2 (Saitama): "84歳以下の方については…申請により資格確認書が取得できます";
    // CONTRACT route step 4: application. Without the pack: unverified; with it: verified.
    let s = situation(json!({"asOf": "2026-12-01", "insurerKind": "kokiKoreisha",
        "kokiRegion": "saitama", "birthDate": "1942-01-01", "hasMyNumberCard": true,
        "registeredForInsurance": true, "ecertExpiry": "2027-09-09"}));
    let (without, with) = both(&s, &pack(SAITAMA));
    assert_eq!(without.summary, with.summary);
    assert_eq!(with.summary.kakuninsho_route, KakuninshoRoute::Application);
    assert_eq!(without.certainty, Certainty::Unverified);
    assert_eq!(with.certainty, Certainty::Verified);
}

#[test]
fn saitama_pack_changes_nothing_in_the_r_koki_1_period() {
    // R-KOKI-1: everyone gets one until 2026-07-31 — a national rule the pack cannot touch.
    let s = situation(json!({"asOf": "2026-03-01", "insurerKind": "kokiKoreisha",
        "kokiRegion": "saitama", "birthDate": "1945-01-01", "hasMyNumberCard": true,
        "registeredForInsurance": true, "ecertExpiry": "2027-09-09",
        "shikakuKakuninshoHeld": true, "shikakuKakuninshoExpiry": "2026-07-31"}));
    let (without, with) = both(&s, &pack(SAITAMA));
    assert_eq!(without.summary, with.summary);
    assert_eq!(without.certainty, with.certainty);
}

// ---------------------------------------------------------------------------------------------
// Invalid packs.
// ---------------------------------------------------------------------------------------------

fn base_pack() -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("packs/{KNT}")).expect("pack"))
        .expect("json")
}

fn err(v: &Value) -> hoken_check::PackError {
    parse_pack(&v.to_string()).expect_err("invalid")
}

fn assert_err(v: Value, code: PackErrorCode, path: &str) {
    let e = err(&v);
    assert_eq!((e.code, e.path.as_str()), (code, path), "{v}");
    if !path.is_empty() {
        assert!(e.message_en.contains(path) && e.message_ja.contains(path));
    }
    // Also through a serde Deserializer (how src/wasm.rs feeds a JS object).
    let e2 = hoken_check::Pack::from_deserializer(v).expect_err("invalid");
    assert_eq!((e2.code, e2.path.as_str()), (code, path));
}

#[test]
fn wrong_types_name_the_path() {
    let mut v = base_pack();
    v["who"]["name"] = json!(5);
    assert_err(v, PackErrorCode::WrongType, "who.name");
    let mut v = base_pack();
    v["contact"]["phone"] = json!(true);
    assert_err(v, PackErrorCode::WrongType, "contact.phone");
    let mut v = base_pack();
    v["kakuninsho"]["reissueFee"]["yen"] = json!("2000");
    assert_err(v, PackErrorCode::WrongType, "kakuninsho.reissueFee.yen");
    assert_err(json!([1, 2]), PackErrorCode::WrongType, "");
}

#[test]
fn unknown_fields_are_errors_at_every_level() {
    let mut v = base_pack();
    v["contact"]["fax"] = json!("03-0000-0000");
    assert_err(v, PackErrorCode::UnknownField, "contact.fax");
    let mut v = base_pack();
    v["gracePeriodMonths"] = json!(6);
    assert_err(v, PackErrorCode::UnknownField, "gracePeriodMonths");
    let mut v = base_pack();
    v["kakuninsho"]["validity"] = json!({"until": "2029-11-30", "years": 5,
        "source": "https://www.kntkenpo.or.jp", "verifiedOn": "2026-11-29"});
    assert_err(v, PackErrorCode::UnknownField, "kakuninsho.validity.years");
}

#[test]
fn dates_in_the_wrong_form_or_impossible_name_the_path() {
    let validity = |until: &str| json!({"until": until, "source": "https://www.kntkenpo.or.jp", "verifiedOn": "2026-11-29"});
    let mut v = base_pack();
    v["kakuninsho"]["validity"] = validity("2029/11/30");
    assert_err(v, PackErrorCode::MalformedDate, "kakuninsho.validity.until");
    let mut v = base_pack();
    v["kakuninsho"]["validity"] = validity("2029-02-30");
    assert_err(
        v,
        PackErrorCode::ImpossibleDate,
        "kakuninsho.validity.until",
    );
    let mut v = base_pack();
    v["who"]["verifiedOn"] = json!("29 Nov 2026");
    assert_err(v, PackErrorCode::MalformedDate, "who.verifiedOn");
}

#[test]
fn missing_facts_sources_and_addresses_name_the_path() {
    let mut v = base_pack();
    v["kakuninsho"]["reissueFee"]
        .as_object_mut()
        .expect("object")
        .remove("source");
    assert_err(
        v,
        PackErrorCode::MissingField,
        "kakuninsho.reissueFee.source",
    );
    let mut v = base_pack();
    v["contact"]["source"] = json!("our website");
    assert_err(v, PackErrorCode::NotAnAddress, "contact.source");
    let mut v = base_pack();
    v.as_object_mut().expect("object").remove("version");
    assert_err(v, PackErrorCode::MissingField, "version");
    let mut v = base_pack();
    v["schemaVersion"] = json!(2);
    assert_err(v, PackErrorCode::UnknownValue, "schemaVersion");
}

#[test]
fn facts_of_another_kind_and_national_rules_are_refused() {
    // §15: a pack decides only what its insurer decides, never a national rule.
    let mut v = base_pack();
    v["koki"] = json!({"anyHolderMayApply": true, "source": "https://www.kntkenpo.or.jp",
        "verifiedOn": "2026-11-29"});
    assert_err(v, PackErrorCode::FactNotForKind, "koki");
    let mut v = base_pack();
    v["oldCard"] = json!({"printedExpiry": "2026-12-31", "source": "https://www.kntkenpo.or.jp",
        "verifiedOn": "2026-11-29"});
    assert_err(v, PackErrorCode::FactNotForKind, "oldCard");
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("packs/{SAITAMA}")).expect("pack"))
            .expect("json");
    v["koki"]["ageOn"] = json!("2026-04-01");
    assert_err(v, PackErrorCode::OverridesNationalRule, "koki.ageOn");
}

#[test]
fn a_pack_for_another_insurer_kind_or_region_is_an_error() {
    let kokuho = situation(json!({"asOf": "2026-06-01", "insurerKind": "kokuho"}));
    let e = assess_with_pack(&kokuho, Some(&pack(KNT))).expect_err("another kind");
    assert_eq!(
        (e.code, e.path.as_str()),
        (PackErrorCode::WrongInsurerKind, "who.insurerKind")
    );
    let other = situation(json!({"asOf": "2026-12-01", "insurerKind": "kokiKoreisha",
        "kokiRegion": "other"}));
    let e = assess_with_pack(&other, Some(&pack(SAITAMA))).expect_err("another region");
    assert_eq!(
        (e.code, e.path.as_str()),
        (PackErrorCode::WrongRegion, "who.prefecture")
    );
    // Without insurerKind the pack says who: no error, and the kind is the pack's.
    let blank = situation(json!({"asOf": "2026-06-01"}));
    let a = assess_with_pack(&blank, Some(&pack(KNT))).expect("fills the kind");
    assert!(!a
        .warnings
        .iter()
        .any(|w| w.code.as_str() == "insurerKindNotGiven"));
}

#[test]
fn a_ten_megabyte_pack_is_a_coded_error_not_a_parse() {
    let mut v = base_pack();
    v["who"]["municipality"] = json!("あ".repeat(10 * 1024 * 1024 / 3));
    let text = v.to_string();
    assert!(text.len() > 10_000_000 - 100 && text.len() > MAX_PACK_BYTES);
    let e = parse_pack(&text).expect_err("too large");
    assert_eq!((e.code, e.path.as_str()), (PackErrorCode::PackTooLarge, ""));
    // Through a Deserializer (a JS object) the size is measured after reading.
    let e = hoken_check::Pack::from_deserializer(v).expect_err("too large");
    assert_eq!(e.code, PackErrorCode::PackTooLarge);
    // Not JSON at all.
    let e = parse_pack("{\"schemaVersion\": 1,").expect_err("not json");
    assert_eq!(e.code, PackErrorCode::MalformedPack);
    // Errors never echo values.
    let mut v = base_pack();
    v["contact"]["phone"] = json!("call-me-secret");
    let e = err(&v);
    assert!(!e.message_en.contains("secret") && !e.message_ja.contains("secret"));
}

#[test]
fn duplicate_keys_are_errors() {
    let text = r#"{"schemaVersion": 1, "version": "1", "version": "2"}"#;
    let e = parse_pack(text).expect_err("duplicate");
    assert_eq!(e.code, PackErrorCode::DuplicateField);
}

// ---------------------------------------------------------------------------------------------
// No pack changes a national rule.
// ---------------------------------------------------------------------------------------------

/// A pack of `kind` using every fact §15 lets that kind decide (values chosen to differ from
/// the national defaults as much as possible).
fn full_pack(kind: InsurerKind) -> Pack {
    let src = "https://example.invalid/insurer";
    let prov = |mut o: Value| {
        o["source"] = json!(src);
        o["verifiedOn"] = json!("2026-11-29");
        o
    };
    let mut v = json!({"schemaVersion": 1, "version": "t", "who": prov(json!({
        "name": "test", "insurerKind": kind.as_str(),
        "prefecture": if kind == InsurerKind::KokiKoreisha { "埼玉県" } else { "東京都" }}))});
    v["contact"] = prov(json!({"phone": "03-0000-0000", "hours": "平日", "web": src}));
    v["kakuninsho"] = json!({
        "validity": prov(json!({"until": "2027-03-31"})),
        "afterEcertExpiry": prov(json!({"mode": "applicationOnly"})),
        "reissueFee": prov(json!({"yen": 1500})),
    });
    if kind.is_regional() {
        v["oldCard"] = prov(json!({"printedExpiry": "2025-07-31"}));
    }
    if kind == InsurerKind::Kokuho {
        v["kakuninsho"]["toEveryone"] = prov(json!({"from": "2025-08-01", "exceptAgedFrom": 75}));
    }
    if kind == InsurerKind::KokiKoreisha {
        v["koki"] = prov(json!({"allKakuninshoFromAge": 85, "ageOn": "2026-08-01",
            "anyHolderMayApply": true}));
    } else {
        v["koureijukyusha"] = prov(json!({"separateCard": false}));
    }
    parse_pack(&v.to_string()).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

fn date_strategy() -> impl Strategy<Value = NaiveDate> {
    (0i64..(365 * 6)).prop_map(|n| d(2024, 6, 1) + chrono::Duration::days(n))
}

prop_compose! {
    fn stated_situation()(
        as_of in date_strategy(),
        kind in proptest::sample::select(InsurerKind::ALL.to_vec()),
        birth in (0i64..(365 * 80)).prop_map(|n| d(1935, 1, 1) + chrono::Duration::days(n)),
        flags in proptest::collection::vec(any::<bool>(), 8),
        dates in proptest::collection::vec(date_strategy(), 5),
        circ in proptest::sample::select(Circumstance::ALL.to_vec()),
        docs in proptest::collection::vec(proptest::sample::select(Document::ALL.to_vec()), 0..3),
        region in proptest::option::of(Just(KokiRegion::Saitama)),
    ) -> Situation {
        let mut s = Situation::blank(as_of);
        s.insurer_kind = Some(kind);
        s.koki_region = if kind == InsurerKind::KokiKoreisha { region } else { None };
        s.birth_date = Some(birth);
        s.old_card_held = flags[0];
        // Printed dates are stated (what a pack may fill in is asked first).
        s.old_card_printed_expiry = flags[0].then_some(dates[0]);
        s.has_my_number_card = flags[1];
        s.ecert_expiry = flags[1].then_some(dates[1]);
        s.registered_for_insurance = flags[1] && flags[2];
        s.shikaku_kakuninsho_held = flags[3];
        s.shikaku_kakuninsho_expiry = flags[3].then_some(dates[2]);
        s.shikaku_joho_oshirase_held = flags[4];
        s.difficulty_using_card = flags[5];
        s.kakuninsho_application_made = flags[6];
        s.qualification_lost_date = flags[7].then_some(dates[3]);
        s.situation = circ;
        let mut docs = docs;
        docs.dedup();
        s.documents_presented = docs;
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, .. ProptestConfig::default() })]

    /// §15: "it never overrides a national rule". For random Situations that state their
    /// printed dates and any valid pack of their kind (the three examples and a pack using
    /// every fact): the マイナ保険証 fields (R-MYNA-1…3), the old card fields (R-OLD-1…8,
    /// R-PROV-1), the 資格確認書's validity, the copay and the full-cost risk agree with and
    /// without the pack. The route may change only where §15 lets a 後期 pack decide it (85+,
    /// or its region when `kokiRegion` was not given),
    /// and documentsToShow only by a 資格確認書 on its way (R-MYNA-4 / R-KOKI-2 facts) or the
    /// 高齢受給者証 (R-OLD-7 fact).
    #[test]
    fn no_valid_pack_changes_the_national_fields_of_the_summary(s in stated_situation()) {
        let kind = s.insurer_kind.expect("kind");
        let mut packs = vec![full_pack(kind)];
        for name in [KNT, SHIBUYA, SAITAMA] {
            let p = pack(name);
            if p.who.insurer_kind == kind {
                packs.push(p);
            }
        }
        let a = assess(&s).summary;
        for p in &packs {
            let b = assess_with_pack(&s, Some(p)).expect("applies").summary;
            prop_assert_eq!(a.mynahokensho_usable, b.mynahokensho_usable);
            prop_assert_eq!(a.mynahokensho_usable_until, b.mynahokensho_usable_until);
            prop_assert_eq!(a.old_card_valid, b.old_card_valid);
            prop_assert_eq!(a.old_card_valid_until, b.old_card_valid_until);
            prop_assert_eq!(a.old_card_provisional_acceptance, b.old_card_provisional_acceptance);
            prop_assert_eq!(a.kakuninsho_valid, b.kakuninsho_valid);
            prop_assert_eq!(a.copay, b.copay);
            prop_assert_eq!(a.full_cost_risk, b.full_cost_risk);
            if a.kakuninsho_route != b.kakuninsho_route {
                // R-KOKI-2 from 2026-08-01: the 85+ rule (automatic), or the pack saying the
                // region is Saitama when kokiRegion was not given (under 85: application).
                prop_assert_eq!(kind, InsurerKind::KokiKoreisha);
                prop_assert!(s.as_of >= d(2026, 8, 1));
                // Without the pack such a holder is notNeeded, or application as a 要配慮者
                // (CONTRACT.md route step 4); the pack's 85+ fact is step 3 and comes first.
                prop_assert!(
                    matches!(
                        a.kakuninsho_route,
                        KakuninshoRoute::NotNeeded | KakuninshoRoute::Application
                    ),
                    "route without the pack {:?}", a.kakuninsho_route
                );
                let region_filled = s.koki_region.is_none()
                    && b.kakuninsho_route == KakuninshoRoute::Application;
                prop_assert!(
                    b.kakuninsho_route == KakuninshoRoute::Automatic || region_filled,
                    "route {:?}", b.kakuninsho_route
                );
            }
            let allowed = [Document::ShikakuKakuninsho, Document::KoureijukyushaSho];
            for doc in a.documents_to_show.iter().filter(|x| !b.documents_to_show.contains(x)) {
                prop_assert!(allowed.contains(doc), "lost {:?}", doc);
            }
            for doc in b.documents_to_show.iter().filter(|x| !a.documents_to_show.contains(x)) {
                prop_assert!(allowed.contains(doc), "gained {:?}", doc);
            }
        }
    }
}

#[test]
fn without_a_pack_assess_with_pack_is_assess() {
    let raw: RawSituation =
        serde_json::from_value(json!({"asOf": "2026-06-01", "insurerKind": "kokuho"}))
            .expect("raw");
    let a = assess_raw(&raw).expect("valid");
    let s = raw.validate().expect("valid");
    assert_eq!(assess_with_pack(&s, None).expect("no pack"), a);
}

#[test]
fn a_pack_fills_in_the_printed_dates_that_were_not_given() {
    // §15: printed expiry of its old cards (R-OLD-5, D8) and the 資格確認書's fixed end (R-KAKU-3)
    // are "asked (printed date)" without a pack. A 国保 card without an answered expiry: the
    // national answer is the 2025-12-01 cap, insurerDependent; a pack saying 2025-07-31 makes
    // it expired by date, inside the 国保 R-PROV-1 window (from 2025-08-01).
    let p = full_pack(InsurerKind::Kokuho);
    let s = situation(json!({"asOf": "2025-09-01", "insurerKind": "kokuho",
        "birthDate": "1980-01-01", "oldCardHeld": true}));
    let (without, with) = both(&s, &p);
    assert_eq!(without.summary.old_card_valid, Some(true));
    assert_eq!(without.summary.old_card_valid_until, Some(d(2025, 12, 1)));
    assert_eq!(
        verdict(&without, DocumentKind::OldCard).certainty,
        Certainty::InsurerDependent
    );
    assert_eq!(with.summary.old_card_valid, Some(false));
    assert_eq!(with.summary.old_card_valid_until, Some(d(2025, 7, 31)));
    assert_eq!(with.summary.old_card_provisional_acceptance, Some(true));
    assert_eq!(
        verdict(&with, DocumentKind::OldCard).certainty,
        Certainty::Verified
    );
    assert!(reason_pack(&with, "oldCard.packPrintedExpiry").is_some());
    // A stated printed date wins over the pack's.
    let stated = situation(json!({"asOf": "2025-09-01", "insurerKind": "kokuho",
        "birthDate": "1980-01-01", "oldCardHeld": true, "oldCardPrintedExpiry": "2025-09-30"}));
    let (a, b) = both(&stated, &p);
    assert_eq!(a.summary, b.summary);

    // 資格確認書 held without an answered expiry: valid, insurerDependent; the pack's fixed end.
    let k = situation(json!({"asOf": "2026-06-01", "insurerKind": "kokuho",
        "birthDate": "1980-01-01", "shikakuKakuninshoHeld": true}));
    let (without, with) = both(&k, &p);
    assert!(without.summary.kakuninsho_valid && with.summary.kakuninsho_valid);
    assert_eq!(
        verdict(&without, DocumentKind::ShikakuKakuninsho).certainty,
        Certainty::InsurerDependent
    );
    let kv = verdict(&with, DocumentKind::ShikakuKakuninsho);
    assert_eq!(kv.valid_until, Some(d(2027, 3, 31)));
    assert_eq!(kv.certainty, Certainty::Verified);
    let late = situation(json!({"asOf": "2027-04-01", "insurerKind": "kokuho",
        "birthDate": "1980-01-01", "shikakuKakuninshoHeld": true}));
    let (_, with_late) = both(&late, &p);
    assert!(!with_late.summary.kakuninsho_valid);
}

#[test]
fn a_pack_saying_the_share_is_on_the_kakuninsho_drops_the_separate_koureijukyusha_sho() {
    // §15 / R-OLD-7: "70–74: 負担割合 on the 資格確認書, or a separate 高齢受給者証 — without a
    // pack: by insurer kind". P103's person (船員保険, 71) with a pack saying "on it".
    let s = situation(json!({"asOf": "2026-10-01", "insurerKind": "senin",
        "birthDate": "1955-06-15", "shikakuKakuninshoHeld": true,
        "shikakuKakuninshoExpiry": "2029-11-30"}));
    let (without, with) = both(&s, &full_pack(InsurerKind::Senin));
    assert_eq!(
        without.summary.documents_to_show,
        vec![Document::ShikakuKakuninsho, Document::KoureijukyushaSho]
    );
    assert_eq!(
        with.summary.documents_to_show,
        vec![Document::ShikakuKakuninsho]
    );
    assert!(action(&with, "action.bringKoureijukyushaSho").is_none());
}

#[test]
fn an_application_only_insurer_sends_nothing_unasked_after_certificate_expiry() {
    // §15 / R-MYNA-4 / D6: "one 健保 only on application". The contract's route stays
    // `automatic` (its decision list is national), but nothing is on its way and the action is
    // to apply, verified by the pack.
    let s = situation(json!({"asOf": "2026-12-10", "insurerKind": "kenpoKumiai",
        "birthDate": "1980-06-10", "hasMyNumberCard": true, "registeredForInsurance": true,
        "ecertExpiry": "2026-06-10"}));
    let (without, with) = both(&s, &full_pack(InsurerKind::KenpoKumiai));
    assert_eq!(
        without.summary.documents_to_show,
        vec![Document::ShikakuKakuninsho]
    );
    assert!(with.summary.documents_to_show.is_empty());
    assert_eq!(with.summary.kakuninsho_route, KakuninshoRoute::Automatic);
    let apply = action(&with, "action.applyForKakuninsho").expect("apply");
    assert_eq!(apply.certainty, Certainty::Verified);
    assert!(apply.pack.is_some());
    let contact = serde_json::to_value(&apply.contact).expect("json");
    assert_eq!(contact["phone"], "03-0000-0000");
    assert!(action(&with, "action.waitForKakuninsho").is_none());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, .. ProptestConfig::default() })]

    /// With any of the packs (the three examples and one using every fact, applying or not):
    /// the summary-only evaluation gives the full assessment's summary, certainty and warnings,
    /// or the same `packNotForRecord` error.
    #[test]
    fn summary_only_evaluation_with_a_pack_equals_the_full_assessment(s in stated_situation()) {
        let kind = s.insurer_kind.expect("kind");
        let mut packs = vec![full_pack(kind)];
        packs.extend([KNT, SHIBUYA, SAITAMA].map(pack));
        for p in &packs {
            let full = hoken_check::assess_valid_with_pack(&s, Some(p));
            let brief = hoken_check::assess_brief_with_pack(&s, Some(p));
            match (full, brief) {
                (Ok(a), Ok(b)) => {
                    prop_assert_eq!(&b.summary, &a.summary);
                    prop_assert_eq!(b.certainty, a.certainty);
                    prop_assert_eq!(&b.warnings, &a.warnings);
                }
                (Err(a), Err(b)) => prop_assert_eq!(a, b),
                (a, b) => prop_assert!(false, "full {:?} / summary-only {:?}", a.err(), b.err()),
            }
        }
    }
}
