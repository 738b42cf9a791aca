//! The wasm boundary itself, in headless Chromium (wasm-bindgen-test): plain objects in and
//! out, nulls not undefined, and real `Error` objects with a code for bad input.
#![cfg(target_arch = "wasm32")]

use hoken_check::wasm::{
    assess_js, assess_many_js, missing_fields_js, parse_date_js, rules_info_js,
};
use js_sys::{Array, Error, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn obj(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |acc, k| {
        Reflect::get(&acc, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn error_code(r: Result<JsValue, JsValue>) -> (String, JsValue) {
    let e = r.expect_err("an error");
    assert!(e.is_instance_of::<Error>(), "a real Error object");
    let code = get(&e, &["code"]).as_string().unwrap_or_default();
    (code, get(&e, &["field"]))
}

#[wasm_bindgen_test]
fn a_kyokai_card_on_2025_12_01_is_valid_until_that_day() {
    // C002 of examples.json (R-OLD-1, R-OLD-2).
    let a = assess_js(obj(r#"{"asOf":"2025-12-01","insurerKind":"kyokaiKenpo","oldCardHeld":true,"documentsPresented":["oldCard"]}"#))
        .expect("assessment");
    assert_eq!(get(&a, &["summary", "oldCardValid"]), JsValue::TRUE);
    assert_eq!(
        get(&a, &["summary", "oldCardValidUntil"])
            .as_string()
            .as_deref(),
        Some("2025-12-01")
    );
    assert!(
        get(&a, &["summary", "mynahokenshoUsableUntil"]).is_null(),
        "null, not undefined"
    );
    assert_eq!(
        get(&a, &["summary", "copay"]).as_string().as_deref(),
        Some("normal")
    );
    let params = get(&a, &["verdicts"]);
    let first = Array::from(&params).get(0);
    let reasons = Array::from(&get(&first, &["reasons"]));
    let p = get(&reasons.get(0), &["params"]);
    assert_eq!(
        Object::get_prototype_of(&p),
        Object::get_prototype_of(&Object::new()),
        "params is a plain object, not a Map"
    );
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_with_codes() {
    assert_eq!(error_code(assess_js(JsValue::UNDEFINED)).0, "notAnObject");
    assert_eq!(
        error_code(assess_js(JsValue::from_f64(3.0))).0,
        "notAnObject"
    );
    let (code, field) = error_code(assess_js(obj(r#"{"asOf":"2025-02-30"}"#)));
    assert_eq!(
        (code.as_str(), field.as_string().as_deref()),
        ("impossibleDate", Some("asOf"))
    );
    let (code, field) = error_code(assess_js(obj(r#"{"asOf":"2025-12-01","x":1}"#)));
    assert_eq!(
        (code.as_str(), field.as_string().as_deref()),
        // Position 2 and the FNV-1a hash of "x": an unknown name is never echoed.
        ("unknownField", Some("#2:fd0c5087"))
    );
    assert_eq!(
        error_code(parse_date_js(JsValue::from_str("令和7年13月1日"))).0,
        "impossibleDate"
    );
    assert_eq!(
        error_code(assess_many_js(JsValue::from_str("x"))).0,
        "notAnArray"
    );
}

#[wasm_bindgen_test]
fn assess_many_parse_date_missing_fields_and_rules_info_work_in_the_browser() {
    let many = assess_many_js(obj(r#"[{"asOf":"2026-03-01"},{"asOf":"bad"}]"#)).expect("array");
    let many = Array::from(&many);
    assert_eq!(many.length(), 2);
    assert_eq!(
        get(&many.get(1), &["error", "code"]).as_string().as_deref(),
        Some("malformedDate")
    );
    let p = parse_date_js(JsValue::from_str("R7.12.1")).expect("date");
    assert_eq!(
        get(&p, &["date"]).as_string().as_deref(),
        Some("2025-12-01")
    );
    let m = missing_fields_js(obj(r#"{}"#)).expect("guidance");
    assert_eq!(
        Array::from(&get(&m, &["fields"]))
            .get(0)
            .as_string()
            .as_deref(),
        Some("asOf")
    );
    let info = rules_info_js().expect("info");
    assert_eq!(Array::from(&get(&info, &["rules"])).length(), 32);
    assert!(get(&info, &["dataHash"])
        .as_string()
        .unwrap_or_default()
        .starts_with("fnv1a64:"));
    let _ = info.dyn_ref::<Object>().expect("an object");
}
