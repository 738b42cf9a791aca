//! The WebAssembly boundary — the only file that knows about JavaScript.
//!
//! Every export takes plain JS values and returns plain objects (never `Map`), dates as
//! `YYYY-MM-DD` strings, through one configured serializer. Failures are real JS `Error`
//! objects carrying `code`, `field`, `messageJa` and `messageEn`; the person's data is never
//! put into an error.

use crate::error::{ErrorCode, InputError};
use crate::situation::RawSituation;
use js_sys::{Array, Error as JsError, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The one serializer configuration used for every value returned to JS.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value.serialize(&ser).map_err(|_| {
        error_object(
            "internal",
            None,
            "結果を作れませんでした。",
            "Could not build the result.",
        )
    })
}

fn error_object(code: &str, field: Option<&str>, ja: &str, en: &str) -> JsValue {
    let err = JsError::new(en);
    err.set_name("HokenCheckError");
    let obj: &JsValue = err.as_ref();
    let _ = Reflect::set(obj, &"code".into(), &code.into());
    let _ = Reflect::set(
        obj,
        &"field".into(),
        &field.map_or(JsValue::NULL, JsValue::from),
    );
    let _ = Reflect::set(obj, &"messageJa".into(), &ja.into());
    let _ = Reflect::set(obj, &"messageEn".into(), &en.into());
    err.into()
}

fn input_error(e: &InputError) -> JsValue {
    error_object(
        e.code.as_str(),
        e.field.as_deref(),
        &e.message_ja,
        &e.message_en,
    )
}

fn raw_situation(value: JsValue) -> Result<RawSituation, JsValue> {
    if !value.is_object() || Array::is_array(&value) {
        return Err(input_error(&InputError::new(ErrorCode::NotAnObject, None)));
    }
    serde_wasm_bindgen::from_value::<RawSituation>(value)
        .map_err(|_| input_error(&InputError::new(ErrorCode::MalformedInput, None)))
}

/// Assesses one Situation (a plain object with the contract's camelCase fields).
///
/// # Errors
/// Throws an `Error` with `code`, `field`, `messageJa`, `messageEn` for invalid input.
#[wasm_bindgen(js_name = assess)]
pub fn assess_js(situation: JsValue) -> Result<JsValue, JsValue> {
    let raw = raw_situation(situation)?;
    let a = crate::assess_raw(&raw).map_err(|e| input_error(&e))?;
    to_js(&a)
}

/// Only the flat summary of [`assess_js`] (the batch CSV columns): much less to carry across
/// the boundary when only the verdicts are needed (batch checks).
///
/// # Errors
/// As [`assess_js`].
#[wasm_bindgen(js_name = assessSummary)]
pub fn assess_summary_js(situation: JsValue) -> Result<JsValue, JsValue> {
    let raw = raw_situation(situation)?;
    let a = crate::assess_raw(&raw).map_err(|e| input_error(&e))?;
    to_js(&a.summary)
}

/// Assesses many Situations; one result per input, in order: either an Assessment or
/// `{ error: { code, field, messageJa, messageEn } }`. Never throws for a bad record.
///
/// # Errors
/// Throws only when the argument is not an array.
#[wasm_bindgen(js_name = assessMany)]
pub fn assess_many_js(situations: JsValue) -> Result<JsValue, JsValue> {
    if !Array::is_array(&situations) {
        return Err(error_object(
            "notAnArray",
            None,
            "状況の配列を渡してください。",
            "Pass an array of situations.",
        ));
    }
    let arr = Array::from(&situations);
    let out = Array::new_with_length(arr.length());
    #[derive(Serialize)]
    struct ErrorRecord<'a> {
        error: &'a InputError,
    }
    for (i, item) in arr.iter().enumerate() {
        let v = match raw_situation(item) {
            Ok(raw) => match crate::assess_raw(&raw) {
                Ok(a) => to_js(&a)?,
                Err(e) => to_js(&ErrorRecord { error: &e })?,
            },
            Err(_) => to_js(&ErrorRecord {
                error: &InputError::new(ErrorCode::NotAnObject, None),
            })?,
        };
        out.set(i as u32, v);
    }
    Ok(out.into())
}

/// Which unanswered fields of a partial Situation would change the answer.
///
/// # Errors
/// As [`assess_js`] for the fields that are given.
#[wasm_bindgen(js_name = missingFields)]
pub fn missing_fields_js(partial: JsValue) -> Result<JsValue, JsValue> {
    let raw = raw_situation(partial)?;
    let m = crate::missing_fields(&raw).map_err(|e| input_error(&e))?;
    to_js(&m)
}

/// Parses a date as printed on a card: `{ date, era, warnings }`.
///
/// # Errors
/// Throws an `Error` with the date error's `code` (`malformedDate`, `impossibleDate` …).
#[wasm_bindgen(js_name = parseDate)]
pub fn parse_date_js(text: JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = text.as_string() else {
        return Err(error_object(
            "wrongType",
            None,
            "日付は文字列で渡してください。",
            "Pass the date as a string.",
        ));
    };
    match crate::parse_date(&text) {
        Ok(p) => to_js(&p),
        Err(e) => Err(error_object(e.code(), None, e.message_ja(), e.message_en())),
    }
}

/// A `YYYY-MM-DD` date as 和暦 parts: `{ era, year, month, day }` (year 1 = 元年), from the
/// engine's one era table.
///
/// # Errors
/// Throws an `Error` with `malformedDate` / `impossibleDate`, or `outOfRange` before 1868.
#[wasm_bindgen(js_name = toWareki)]
pub fn to_wareki_js(iso: JsValue) -> Result<JsValue, JsValue> {
    let text = iso.as_string().unwrap_or_default();
    let d = crate::dates::parse_iso(&text)
        .map_err(|e| error_object(e.code(), None, e.message_ja(), e.message_en()))?;
    match crate::dates::to_wareki(d) {
        Some(w) => to_js(&w),
        None => {
            let e = crate::dates::DateError::OutOfRange;
            Err(error_object(e.code(), None, e.message_ja(), e.message_en()))
        }
    }
}

/// Rules version, data hash, rules-as-of date, every rule with its sources and every dated
/// parameter.
///
/// # Errors
/// Only if serialisation fails (never in practice).
#[wasm_bindgen(js_name = rulesInfo)]
pub fn rules_info_js() -> Result<JsValue, JsValue> {
    to_js(&crate::rules_info())
}
