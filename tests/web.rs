//! The wasm boundary itself, in headless Chromium (wasm-bindgen-test): packed batches in,
//! summary rows out, and real `Error` objects with a code for bad input. The JS side of the
//! boundary (js/api.js: reading objects, decoding tapes) is tested in Node (tests/js/).
#![cfg(target_arch = "wasm32")]

use hoken_check::packed::{
    self, ROW_COLUMNS, ROW_FIELD, ROW_STATUS, SUMMARY_WIDTH, V_DATE, V_TOKEN, V_TRUE,
};
use hoken_check::situation::field_index;
use hoken_check::wasm::{assess_batch, boundary_error, parse_date_js, row_error, to_wareki_js};
use js_sys::{Error, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn error_code(e: &JsValue) -> (String, JsValue) {
    assert!(e.is_instance_of::<Error>(), "a real Error object");
    assert_eq!(
        e.dyn_ref::<Error>().map(|e| String::from(e.name())),
        Some("HokenCheckError".to_string())
    );
    (
        get(e, "code").as_string().unwrap_or_default(),
        get(e, "field"),
    )
}

fn idx(name: &str) -> i32 {
    field_index(name).expect("a contract field") as i32
}

fn token(s: &str) -> i32 {
    packed::tokens()
        .iter()
        .position(|t| *t == s)
        .expect("a token") as i32
}

#[wasm_bindgen_test]
fn a_kyokai_card_on_2025_12_01_is_valid_until_that_day() {
    // C002 of examples.json (R-OLD-1, R-OLD-2), as the JS reader packs it.
    let mut w = vec![0, 4];
    w.extend([idx("asOf"), V_DATE, 20251201]);
    w.extend([idx("insurerKind"), V_TOKEN, token("kyokaiKenpo")]);
    w.extend([idx("oldCardHeld"), V_TRUE]);
    w.extend([
        idx("documentsPresented"),
        packed::V_LIST,
        1,
        V_TOKEN,
        token("oldCard"),
    ]);
    w[0] = w.len() as i32;
    let rows = assess_batch(&w, &[], 1);
    assert_eq!(rows.len(), SUMMARY_WIDTH);
    assert_eq!(rows[ROW_STATUS], 0);
    assert_eq!(rows[ROW_COLUMNS], 1, "oldCardValid");
    assert_eq!(rows[ROW_COLUMNS + 1], 20251201, "oldCardValidUntil");
}

#[wasm_bindgen_test]
fn bad_records_give_error_rows_and_coded_errors() {
    // An impossible date, then a record that is not an object, then damaged words.
    let mut w = vec![5, 1, idx("asOf"), V_DATE, 20250230];
    w.extend([2, packed::HEAD_NOT_OBJECT]);
    w.extend([99, 7]);
    let rows = assess_batch(&w, &[], 3);
    let status = rows[ROW_STATUS] as u32;
    let e = row_error(status, Some("asOf".into()), None);
    let (code, field) = error_code(&e);
    assert_eq!(
        (code.as_str(), field.as_string().as_deref()),
        ("impossibleDate", Some("asOf"))
    );
    assert_eq!(rows[ROW_FIELD], idx("asOf"));
    let (code, _) = error_code(&row_error(
        rows[SUMMARY_WIDTH + ROW_STATUS] as u32,
        None,
        None,
    ));
    assert_eq!(code, "notAnObject");
    let (code, _) = error_code(&row_error(
        rows[2 * SUMMARY_WIDTH + ROW_STATUS] as u32,
        None,
        None,
    ));
    assert_eq!(code, "malformedInput");
    assert_eq!(
        error_code(&boundary_error("notAnArray", None)).0,
        "notAnArray"
    );
    assert_eq!(
        error_code(&boundary_error("unreadableInput", None)).0,
        "unreadableInput"
    );
}

#[wasm_bindgen_test]
fn dates_of_the_wrong_type_say_so_for_both_date_functions() {
    let e = parse_date_js(JsValue::from_f64(5.0)).expect_err("an error");
    assert_eq!(error_code(&e).0, "wrongType");
    let e = to_wareki_js(JsValue::from_f64(5.0)).expect_err("an error");
    assert_eq!(error_code(&e).0, "wrongType");
    let e = parse_date_js(JsValue::from_str("令和7年13月1日")).expect_err("an error");
    assert_eq!(error_code(&e).0, "impossibleDate");
    assert!(parse_date_js(JsValue::from_str("R7.12.1")).is_ok());
}
