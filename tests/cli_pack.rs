#![cfg(not(target_arch = "wasm32"))]
//! `hoken-check assess --pack FILE` (RULES.md §15, docs/packs.md): the insurer pack decides
//! only what §15 lists, a record of another insurer is an error record in its place, and a
//! broken pack stops the run before any record with a code and the path in the pack.

use serde_json::Value;

mod common;
use common::run;

const SHIBUYA: &str = "packs/kokuho-shibuya.json";

/// A 国保 member of 45 with a usable マイナ保険証 in September 2026.
const MEMBER: &str = r#"{"asOf":"2026-09-01","insurerKind":"kokuho","birthDate":"1981-04-10","hasMyNumberCard":true,"myNumberCardExpiry":"2031-04-10","ecertExpiry":"2031-04-10","registeredForInsurance":true}"#;

#[test]
fn a_pack_adds_its_own_facts_and_never_changes_the_national_summary() {
    let (code, with, err) = run(&["assess", "--pack", SHIBUYA], MEMBER.as_bytes());
    assert_eq!(code, 0, "{err}");
    let (code, without, err) = run(&["assess"], MEMBER.as_bytes());
    assert_eq!(code, 0, "{err}");
    let with: Value = serde_json::from_str(&with).expect("JSON");
    let without: Value = serde_json::from_str(&without).expect("JSON");
    // §15: a pack never overrides a national rule — the summary is the national answer.
    assert_eq!(with["summary"], without["summary"]);
    // R-KAKU-5: 渋谷区 sends a 資格確認書 to every member (not 75+): an action citing the pack.
    let cites_pack = |a: &Value| {
        a["nextActions"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|x| x["rule"] == "R-KAKU-5" && x["pack"]["name"] == "渋谷区 国民健康保険")
    };
    assert!(cites_pack(&with), "the R-KAKU-5 action names the pack");
    assert!(!cites_pack(&without), "no pack, no pack citation");
}

#[test]
fn a_record_of_another_insurer_is_an_error_row_in_its_place() {
    let csv = "asOf,insurerKind\n2026-09-01,kokuho\n2026-09-01,kyokaiKenpo\n2026-09-01,kokuho\n";
    let (code, out, _) = run(&["assess", "--pack", SHIBUYA], csv.as_bytes());
    assert_eq!(code, 1, "a failed record gives exit 1");
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let h = rdr.headers().expect("header").clone();
    let col = |n: &str| h.iter().position(|x| x == n).expect(n);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3, "rows in = rows out");
    let codes: Vec<&str> = rows.iter().map(|r| &r[col("errorCode")]).collect();
    assert_eq!(codes, ["", "packNotForRecord", ""]);
    assert_eq!(&rows[1][col("errorField")], "insurerKind");
    assert_eq!(&rows[1][col("line")], "3");
}

#[test]
fn a_broken_pack_stops_before_any_record_and_names_the_path() {
    let dir = std::env::temp_dir().join(format!("hoken-check-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("bad.json");
    let mut pack: Value =
        serde_json::from_str(&std::fs::read_to_string(SHIBUYA).expect("pack")).expect("JSON");
    pack["contact"]["phone"] = Value::from(12345);
    std::fs::write(&bad, pack.to_string()).expect("write");
    let bad_s = bad.to_string_lossy().into_owned();
    let (code, out, err) = run(
        &["assess", "--lang", "en", "--pack", &bad_s],
        MEMBER.as_bytes(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "no record is assessed: {out}");
    assert!(
        err.contains("invalidPack: wrongType at contact.phone"),
        "{err}"
    );
    let (code, _, err) = run(&["assess", "--pack", "/nonexistent/pack.json"], b"{}");
    assert_eq!(code, 2);
    assert!(err.contains("invalidPack"), "{err}");
    let (code, _, err) = run(&["missing-fields", "--pack", SHIBUYA], MEMBER.as_bytes());
    assert_eq!(code, 2, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
