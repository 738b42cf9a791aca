#![cfg(not(target_arch = "wasm32"))]
//! The native CLI: every worked example through `hoken-check assess`, and bad records among
//! good ones in JSON Lines, arrays and CSV giving error records in place.

use serde_json::Value;

mod common;
use common::run;

fn examples() -> Vec<Value> {
    let text = std::fs::read_to_string("tests/spec/examples.json").expect("examples.json");
    serde_json::from_str::<Vec<Value>>(&text).expect("array")
}

#[test]
fn all_twenty_examples_give_their_expected_summaries_through_the_cli_as_an_array() {
    let ex = examples();
    let input: Vec<&Value> = ex.iter().map(|e| &e["situation"]).collect();
    let (code, out, err) = run(
        &["assess", "--lang", "en"],
        &serde_json::to_string(&input).unwrap(),
    );
    assert_eq!(code, 0, "stderr: {err}");
    let got: Vec<Value> = serde_json::from_str(&out).expect("array out");
    assert_eq!(got.len(), ex.len());
    for (g, e) in got.iter().zip(&ex) {
        assert_eq!(g["summary"], e["expectedSummary"], "{}", e["id"]);
    }
}

#[test]
fn one_object_in_gives_one_object_out_with_messages_in_the_chosen_language() {
    let ex = examples();
    let one = serde_json::to_string(&ex[0]["situation"]).unwrap();
    let (code, out, _) = run(&["assess", "--lang", "en"], &one);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).expect("object out");
    assert_eq!(v["summary"], ex[0]["expectedSummary"]);
    let msg = v["verdicts"][0]["reasons"][0]["message"]
        .as_str()
        .unwrap_or("");
    assert!(
        !msg.is_empty() && !msg.starts_with("oldCard."),
        "reason message rendered: {msg}"
    );
    let (_, out_ja, _) = run(&["assess", "--lang", "ja"], &one);
    let vj: Value = serde_json::from_str(&out_ja).unwrap();
    assert_ne!(
        vj["verdicts"][0]["reasons"][0]["message"],
        v["verdicts"][0]["reasons"][0]["message"]
    );
}

#[test]
fn bad_json_lines_among_good_ones_give_error_records_in_place_and_exit_1() {
    let good = r#"{"asOf":"2025-11-30","insurerKind":"kyokaiKenpo","oldCardHeld":true,"documentsPresented":["oldCard"]}"#;
    let lines = [
        good,
        r#"{"asOf":"2025-02-30"}"#,
        "this is not json",
        r#"{"asOf":"2026-11-25","favouriteColour":"blue"}"#,
        good,
        r#"{"asOf":"2026-11-25","birthDate":19800101}"#,
        r#"{"asOf":"2026-11-25","situation":"party"}"#,
    ];
    let (code, out, err) = run(&["assess", "--lang", "en"], &lines.join("\n"));
    assert_eq!(code, 1, "some records failed");
    assert!(err.contains("5 of 7"), "stderr says how many failed: {err}");
    let recs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line JSON"))
        .collect();
    assert_eq!(recs.len(), 7, "one record out per record in");
    let codes: Vec<Option<&str>> = recs.iter().map(|r| r["error"]["code"].as_str()).collect();
    assert_eq!(
        codes,
        [
            None,
            Some("impossibleDate"),
            Some("malformedInput"),
            Some("unknownField"),
            None,
            Some("wrongType"),
            Some("unknownValue")
        ]
    );
    assert_eq!(recs[0]["summary"]["oldCardValid"], true);
    assert_eq!(recs[1]["error"]["field"], "asOf");
    // Never the person's data echoed back.
    assert!(!out.contains("19800101") && !out.contains("2025-02-30"));
}

#[test]
fn bad_csv_rows_among_good_ones_give_error_rows_in_place() {
    let csv = "asOf,insurerKind,oldCardHeld,documentsPresented\n\
               2025-11-30,kyokaiKenpo,true,oldCard\n\
               2025-13-01,kokuho,true,\n\
               2026-04-01,kyokaiKenpo,yes,oldCard\n\
               2026-04-01,kyokaiKenpo,true,oldCard;bogus\n\
               2026-04-01,kyokaiKenpo,true,oldCard\n";
    let (code, out, _) = run(&["assess", "--lang", "en"], csv);
    assert_eq!(code, 1);
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let headers = rdr.headers().expect("header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 5, "one row out per row in");
    assert_eq!(&rows[0][col("oldCardValid")], "true");
    assert_eq!(&rows[0][col("oldCardValidUntil")], "2025-12-01");
    assert_eq!(&rows[1][col("errorCode")], "impossibleDate");
    assert_eq!(&rows[2][col("errorCode")], "wrongType");
    assert_eq!(&rows[2][col("errorField")], "oldCardHeld");
    assert_eq!(&rows[3][col("errorCode")], "unknownValue");
    // R-PROV-2: from 2026-04-01 an expired card may mean 10割.
    assert_eq!(&rows[4][col("copay")], "fullCostPossible");
    assert_eq!(&rows[4][col("documentsToShow")], "shikakuKakuninsho");
}

#[test]
fn csv_lists_are_tokens_joined_by_semicolons_both_ways() {
    // R-FAIL-1: reader failure with お知らせ held; the card + お知らせ are listed.
    let csv = "asOf,insurerKind,hasMyNumberCard,ecertExpiry,registeredForInsurance,shikakuJohoOshiraseHeld,situation,documentsPresented\n\
               2026-11-25,kyokaiKenpo,true,2028-04-10,true,true,readerFailure,mynahokenshoCard;mynacardPlusOshirase\n";
    let (code, out, _) = run(&["assess"], csv);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(",mynacardPlusOshirase,normal,false,"), "{out}");
}

#[test]
fn a_malformed_array_gives_one_error_record_and_exit_1() {
    let (code, out, _) = run(&["assess"], "[{\"asOf\": ");
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).expect("array out");
    assert_eq!(v[0]["error"]["code"], "malformedInput");
}

#[test]
fn parse_date_prints_the_iso_date_and_warnings() {
    let (code, out, _) = run(&["parse-date", "令和7年12月1日"], "");
    assert_eq!((code, out.trim()), (0, "2025-12-01"));
    let (code, out, err) = run(&["parse-date", "平成32年3月31日"], "");
    assert_eq!((code, out.trim()), (0, "2020-03-31"));
    assert!(err.contains("pastEraEnd"), "{err}");
    let (code, _, err) = run(&["parse-date", "令和7年13月1日"], "");
    assert_eq!(code, 1);
    assert!(err.contains("impossible") && !err.contains("13月"), "{err}");
}

#[test]
fn usage_errors_exit_2_with_a_code_and_never_echo_the_argument() {
    let (code, _, err) = run(&["frobnicate"], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("usage") && !err.contains("frobnicate"),
        "{err}"
    );
    let (code, _, err) = run(&["assess", "--lang", "fr"], "{}");
    assert_eq!(code, 2);
    assert!(err.contains("invalidArgument"), "{err}");
}
#[test]
fn missing_fields_asks_for_the_printed_expiry_of_a_kokuho_card() {
    // R-OLD-5 / D8: 国保 expiry dates differ by municipality, so the printed date matters.
    let (code, out, _) = run(
        &["missing-fields"],
        r#"{"asOf":"2025-08-15","insurerKind":"kokuho","oldCardHeld":true,"hasMyNumberCard":false,"shikakuKakuninshoHeld":false}"#,
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let fields: Vec<&str> = v["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(fields.contains(&"oldCardPrintedExpiry"), "{fields:?}");
    assert!(
        !fields.contains(&"hasMyNumberCard"),
        "answered fields are not asked again"
    );
}
