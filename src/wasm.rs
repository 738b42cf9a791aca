//! The WebAssembly boundary — the only file that knows about JavaScript.
//!
//! Input never crosses as a JS object: `js/api.js` reads it (bounded, inside `try`) into the
//! packed words of [`crate::packed`] in this module's input buffers, so no recursive
//! deserialiser, getter or Proxy trap ever runs inside wasm, and a throwing input cannot leave
//! the instance half-unwound. Output crosses as a tape of `i32` words with interned strings
//! (or a fixed summary row) that `js/api.js` turns into plain objects — exactly the objects
//! serde describes (nulls, never `undefined`; dates as `YYYY-MM-DD`).
//!
//! Failures are real JS `Error` objects named `HokenCheckError` carrying `code`, `field`,
//! `messageJa` and `messageEn`; the person's data is never put into an error.

use crate::error::{ErrorCode, InputError};
use crate::pack::{Pack, PackError, PackErrorCode};
use crate::packed::{self, Decoded, Tape};
use crate::situation::RawSituation;
use js_sys::{Error as JsError, Reflect};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Words in the single-record input buffer (the JS reader's bounds need under 10,000).
const IN_WORDS: usize = 16 * 1024;
/// Bytes in the single-record input buffer (the record size limit of the JS reader).
const IN_BYTES: usize = 64 * 1024;

thread_local! {
    static INPUT_WORDS: RefCell<Vec<i32>> = RefCell::new(vec![0; IN_WORDS]);
    static INPUT_BYTES: RefCell<Vec<u8>> = RefCell::new(vec![0; IN_BYTES]);
    static TAPE: RefCell<Tape> = RefCell::new(Tape::default());
    static TOKENS: Vec<&'static str> = packed::tokens();
    static RAW: RefCell<RawSituation> = RefCell::new(RawSituation::default());
    static PACK: RefCell<Option<Pack>> = const { RefCell::new(None) };
}

/// `assessInput`'s mode bit: assess with the insurer pack last given to [`set_pack`].
const WITH_PACK: u32 = 4;

/// Codes only the JS boundary raises, after the [`ErrorCode`]s in the layout's list.
const JS_CODES: [&str; 3] = ["unreadableInput", "notAnArray", "internal"];

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

fn internal_error() -> JsValue {
    error_object(
        "internal",
        None,
        "結果を作れませんでした。",
        "Could not build the result.",
    )
}

fn unreadable_error(field: Option<&str>) -> JsValue {
    error_object(
        "unreadableInput",
        field,
        "値を読み取れませんでした(getter または Proxy が例外を投げました)。普通のオブジェクトを渡してください。",
        "The value could not be read (a getter or Proxy threw). Pass plain data.",
    )
}

/// An error the JS side raises itself, built here so every message has one owner.
///
/// `code` is `unreadableInput` (with `field`), `notAnArray`, `wrongTypeDate`, or the pack
/// codes `malformedPack` / `packTooLarge` (a pack that cannot be read as plain JSON data).
#[wasm_bindgen(js_name = boundaryError)]
pub fn boundary_error(code: &str, field: Option<String>) -> JsValue {
    match code {
        "unreadableInput" => unreadable_error(field.as_deref()),
        "notAnArray" => error_object(
            "notAnArray",
            None,
            "状況の配列を渡してください。",
            "Pass an array of situations.",
        ),
        "wrongTypeDate" => date_type_error(),
        "malformedPack" => pack_error(&PackError::new(PackErrorCode::MalformedPack, "")),
        "packTooLarge" => pack_error(&PackError::new(PackErrorCode::PackTooLarge, "")),
        _ => internal_error(),
    }
}

fn date_type_error() -> JsValue {
    error_object(
        "wrongType",
        None,
        "日付は文字列で渡してください。",
        "Pass the date as a string.",
    )
}

fn pack_error(e: &PackError) -> JsValue {
    let path = (!e.path.is_empty()).then_some(e.path.as_str());
    error_object(e.code.as_str(), path, &e.message_ja, &e.message_en)
}

/// Validates an insurer pack (RULES.md §15, `packs/pack.schema.json`) and keeps it for the
/// calls of `assessInput` with the pack bit. `js/api.js` hands over only a plain tree it has
/// bounded itself (`JSON.parse` of at most the pack size limit, depth checked), so no getter,
/// Proxy or deep structure reaches serde-wasm-bindgen.
///
/// # Errors
/// A `HokenCheckError` whose `code` is the pack's error code (`wrongType`, `unknownField` …)
/// and whose `field` is the path in the pack (`contact.phone`).
#[wasm_bindgen(js_name = setPack)]
pub fn set_pack(value: JsValue) -> Result<(), JsValue> {
    let pack = Pack::from_deserializer(serde_wasm_bindgen::Deserializer::from(value))
        .map_err(|e| pack_error(&e))?;
    PACK.with(|p| *p.borrow_mut() = Some(pack));
    Ok(())
}

/// Writes `v` as a tape; returns its length in words.
fn tape<T: Serialize + ?Sized>(v: &T) -> Result<i32, JsValue> {
    TAPE.with(|t| {
        let mut t = t.borrow_mut();
        t.write(v).map_err(|_| internal_error())?;
        i32::try_from(t.words.len()).map_err(|_| internal_error())
    })
}

/// The instance's `WebAssembly.Memory` (for the JS views on the buffers).
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// `[wordsPtr, wordsLen, bytesPtr, bytesLen]` of the single-record input buffers.
#[wasm_bindgen(js_name = inputBuffers)]
pub fn input_buffers() -> Vec<u32> {
    let (wp, wl) = INPUT_WORDS.with(|w| {
        let w = w.borrow();
        (w.as_ptr() as u32, w.len() as u32)
    });
    let (bp, bl) = INPUT_BYTES.with(|b| {
        let b = b.borrow();
        (b.as_ptr() as u32, b.len() as u32)
    });
    vec![wp, wl, bp, bl]
}

/// Address of the output words (valid until the next call).
#[wasm_bindgen(js_name = tapePtr)]
pub fn tape_ptr() -> u32 {
    TAPE.with(|t| t.borrow().words.as_ptr() as u32)
}

/// Interned strings from index `from` on (the JS side caches them).
#[wasm_bindgen(js_name = tapeStrings)]
pub fn tape_strings(from: u32) -> Vec<String> {
    TAPE.with(|t| {
        let t = t.borrow();
        t.strings
            .get(from as usize..)
            .map(<[String]>::to_vec)
            .unwrap_or_default()
    })
}

/// The packed layout (fields, tokens, summary columns, error codes) as a tape.
///
/// # Errors
/// Only if writing the tape fails (never in practice).
#[wasm_bindgen(js_name = packedLayout)]
pub fn packed_layout() -> Result<i32, JsValue> {
    tape(&packed::layout(&JS_CODES))
}

/// The record in the input buffer straight as a valid Situation, when it is one in the common
/// form ([`packed::decode_situation`]); `None`: take [`with_input`], which gives every error.
fn input_situation() -> Option<crate::Situation> {
    INPUT_WORDS.with(|w| {
        INPUT_BYTES.with(|b| TOKENS.with(|t| packed::decode_situation(&w.borrow(), &b.borrow(), t)))
    })
}

/// Decodes the input buffer into the reused record and runs `f` on it.
fn with_input<T>(f: impl FnOnce(&RawSituation) -> Result<T, JsValue>) -> Result<T, JsValue> {
    RAW.with(|raw| {
        let mut raw = raw.borrow_mut();
        let decoded = INPUT_WORDS.with(|w| {
            INPUT_BYTES.with(|b| {
                TOKENS.with(|t| packed::decode_into(&w.borrow(), &b.borrow(), t, &mut raw))
            })
        });
        match decoded {
            Decoded::Raw(_) => f(&raw),
            Decoded::Unreadable(field) => Err(unreadable_error(field)),
            Decoded::TooLarge(field) => {
                Err(input_error(&InputError::new(ErrorCode::TooLarge, field)))
            }
            Decoded::Corrupt => Err(input_error(&InputError::new(
                ErrorCode::MalformedInput,
                None,
            ))),
        }
    })
}

/// Assesses the record in the input buffer. `mode` 0: the whole Assessment as a tape;
/// 1: the summary as a row (returns 0) or, when it cannot be packed, as a tape (its length);
/// 2: the missing fields as a tape. Mode bit 4: with the insurer pack of [`set_pack`].
///
/// # Errors
/// A `HokenCheckError` with `code`, `field`, `messageJa`, `messageEn` for invalid input.
#[wasm_bindgen(js_name = assessInput)]
pub fn assess_input(mode: u32) -> Result<i32, JsValue> {
    if mode == 2 {
        return with_input(|raw| {
            let m = crate::missing_fields(raw).map_err(|e| input_error(&e))?;
            tape(&m)
        });
    }
    let with_pack = mode & WITH_PACK != 0;
    let mode = mode & !WITH_PACK;
    let fast = input_situation();
    if mode == 0 {
        let a = if let Some(s) = fast {
            PACK.with(|p| {
                let p = p.borrow();
                let pack = if with_pack { p.as_ref() } else { None };
                crate::assess_valid_with_pack(&s, pack).map_err(|e| input_error(&e))
            })?
        } else if with_pack {
            PACK.with(|p| {
                let p = p.borrow();
                with_input(|raw| {
                    crate::assess_raw_with_pack(raw, p.as_ref()).map_err(|e| input_error(&e))
                })
            })?
        } else {
            with_input(|raw| crate::assess_raw(raw).map_err(|e| input_error(&e)))?
        };
        return tape(&a);
    }
    // The summary alone: a summary-only evaluation (the same summary, tested natively).
    let summary = PACK.with(|p| {
        let p = p.borrow();
        let pack = if with_pack { p.as_ref() } else { None };
        if let Some(s) = &fast {
            return crate::assess_brief_with_pack(s, pack)
                .map(|b| b.summary)
                .map_err(|e| input_error(&e));
        }
        with_input(|raw| {
            raw.validate()
                .and_then(|s| crate::assess_brief_with_pack(&s, pack))
                .map(|b| b.summary)
                .map_err(|e| input_error(&e))
        })
    })?;
    let packed = TAPE.with(|t| {
        let mut t = t.borrow_mut();
        t.words.clear();
        t.words.resize(packed::SUMMARY_WIDTH, 0);
        packed::write_summary(&mut t.words, &summary)
    });
    if packed {
        Ok(0)
    } else {
        tape(&summary)
    }
}

/// Summaries of a packed batch (records one after another, as `encodeSituations` writes
/// them): one row of `summaryWidth` words per record, errors in place. Never throws; words
/// that no encoder writes give a `malformedInput` row and end the batch's reading.
#[wasm_bindgen(js_name = assessBatch)]
pub fn assess_batch(words: &[i32], bytes: &[u8], count: u32) -> Vec<i32> {
    let n = count as usize;
    let mut out = vec![0i32; n.saturating_mul(packed::SUMMARY_WIDTH)];
    let malformed = packed::error_status(&InputError::new(ErrorCode::MalformedInput, None));
    let unreadable = 1 + i32::try_from(packed::ERROR_CODES.len()).unwrap_or(0);
    let mut raw = RawSituation::default();
    TOKENS.with(|tokens| {
        let mut pos = 0usize;
        for row in out.chunks_mut(packed::SUMMARY_WIDTH) {
            let at = i32::try_from(pos).unwrap_or(-1);
            let Some(rec) = words.get(pos..) else {
                packed::write_error(row, malformed, None, at);
                continue;
            };
            let len = rec
                .first()
                .and_then(|l| usize::try_from(*l).ok())
                .filter(|l| *l >= 2);
            let Some(len) = len else {
                // Framing is lost: every further record is unreadable too.
                packed::write_error(row, malformed, None, at);
                pos = usize::MAX;
                continue;
            };
            pos = pos.saturating_add(len);
            if let Some(s) = packed::decode_situation(rec, bytes, tokens) {
                let b = crate::assess_brief_with_pack(&s, None);
                match b {
                    Ok(b) if packed::write_summary(row, &b.summary) => {}
                    Ok(_) => packed::write_error(row, malformed, None, at),
                    Err(e) => {
                        packed::write_error(row, packed::error_status(&e), e.field.as_deref(), at)
                    }
                }
                continue;
            }
            match packed::decode_into(rec, bytes, tokens, &mut raw) {
                Decoded::Raw(_) => match raw
                    .validate()
                    .and_then(|s| crate::assess_brief_with_pack(&s, None))
                {
                    Ok(a) => {
                        if !packed::write_summary(row, &a.summary) {
                            packed::write_error(row, malformed, None, at);
                        }
                    }
                    Err(e) => {
                        packed::write_error(row, packed::error_status(&e), e.field.as_deref(), at)
                    }
                },
                Decoded::Unreadable(f) => packed::write_error(row, unreadable, f, at),
                Decoded::TooLarge(f) => packed::write_error(
                    row,
                    packed::error_status(&InputError::new(ErrorCode::TooLarge, None)),
                    f,
                    at,
                ),
                Decoded::Corrupt => packed::write_error(row, malformed, None, at),
            }
        }
    });
    out
}

/// Parses a date as printed on a card: `{ date, era, warnings }` as a tape.
///
/// # Errors
/// Throws an `Error` with the date error's `code` (`malformedDate`, `impossibleDate` …), or
/// `wrongType` when `text` is not a string.
#[wasm_bindgen(js_name = parseDate)]
pub fn parse_date_js(text: JsValue) -> Result<i32, JsValue> {
    let Some(text) = text.as_string() else {
        return Err(date_type_error());
    };
    match crate::parse_date(&text) {
        Ok(p) => tape(&p),
        Err(e) => Err(error_object(e.code(), None, e.message_ja(), e.message_en())),
    }
}

/// A `YYYY-MM-DD` date as 和暦 parts `{ era, year, month, day }` (year 1 = 元年) as a tape.
///
/// # Errors
/// `wrongType` when not a string, `malformedDate` / `impossibleDate`, or `outOfRange`.
#[wasm_bindgen(js_name = toWareki)]
pub fn to_wareki_js(iso: JsValue) -> Result<i32, JsValue> {
    let Some(text) = iso.as_string() else {
        return Err(date_type_error());
    };
    let d = crate::dates::parse_iso(&text)
        .map_err(|e| error_object(e.code(), None, e.message_ja(), e.message_en()))?;
    match crate::dates::to_wareki(d) {
        Some(w) => tape(&w),
        None => {
            let e = crate::dates::DateError::OutOfRange;
            Err(error_object(e.code(), None, e.message_ja(), e.message_en()))
        }
    }
}

/// Rules version, data hash, rules-as-of date, every rule with its sources and every dated
/// parameter, as a tape.
///
/// # Errors
/// Only if writing the tape fails (never in practice).
#[wasm_bindgen(js_name = rulesInfo)]
pub fn rules_info_js() -> Result<i32, JsValue> {
    tape(&crate::rules_info())
}

/// The `HokenCheckError` of a batch error row: `status` is the row's status word, `field` the
/// field name when known, `position` the 1-based place of a name outside the contract (which is
/// then reported by position and hash, never echoed).
#[wasm_bindgen(js_name = rowError)]
pub fn row_error(status: u32, field: Option<String>, position: Option<u32>) -> JsValue {
    let i = (status as usize).wrapping_sub(1);
    match packed::ERROR_CODES.get(i) {
        // A name outside the contract is never echoed: its position and hash (error.rs).
        Some(ErrorCode::UnknownField) => input_error(&match (field.as_deref(), position) {
            (Some(name), Some(pos)) => InputError::unknown_field(pos as usize, name),
            _ => InputError::new(ErrorCode::UnknownField, None),
        }),
        Some(code) => input_error(&InputError::new(*code, field.as_deref())),
        None => boundary_error(
            JS_CODES
                .get(i.wrapping_sub(packed::ERROR_CODES.len()))
                .copied()
                .unwrap_or("internal"),
            field,
        ),
    }
}
