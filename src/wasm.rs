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
    #[cfg(feature = "pack-json")]
    static PACK: RefCell<Option<Pack>> = const { RefCell::new(None) };
}

/// `assessInput`'s mode bit: assess with the insurer pack last given to [`set_pack`].
const WITH_PACK: u32 = 4;

/// Runs `f` with the pack last given to [`set_pack`] when `wanted`, else with `None`. A build
/// without the pack reader (no feature `pack-json`) never holds a pack: there `f` always gets
/// `None`, so the rules' pack paths — the same code in both builds — are not compiled into that
/// module, as they could never run in it.
fn use_pack<T>(wanted: bool, f: impl FnOnce(Option<&Pack>) -> T) -> T {
    #[cfg(feature = "pack-json")]
    {
        PACK.with(|p| {
            let p = p.borrow();
            f(if wanted { p.as_ref() } else { None })
        })
    }
    #[cfg(not(feature = "pack-json"))]
    {
        let _ = wanted;
        f(None)
    }
}

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
/// calls of `assessInput` with the pack bit. `js/api.js` hands over only the JSON text it has
/// bounded itself (`JSON.stringify` of at most 1 MiB, depth checked), so no getter, Proxy or
/// deep structure reaches the module; the text is read by src/pack.rs's own JSON reader.
///
/// # Errors
/// A `HokenCheckError` whose `code` is the pack's error code (`wrongType`, `unknownField` …)
/// and whose `field` is the path in the pack (`contact.phone`).
///
/// Built without the cargo feature `pack-json` (the page's small module, www/pkg/), every call
/// throws `packsNotInThisBuild`: that module has no pack reader.
#[wasm_bindgen(js_name = setPack)]
pub fn set_pack(text: &str) -> Result<(), JsValue> {
    #[cfg(feature = "pack-json")]
    {
        let pack = Pack::from_bounded_json(text).map_err(|e| pack_error(&e))?;
        PACK.with(|p| *p.borrow_mut() = Some(pack));
        Ok(())
    }
    #[cfg(not(feature = "pack-json"))]
    {
        let _ = text;
        Err(pack_error(&PackError::new(
            PackErrorCode::PacksNotInThisBuild,
            "",
        )))
    }
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
/// 2: the missing fields as a tape. Mode bit 4: with the insurer pack of [`set_pack`] (for 2:
/// the questions the pack answers are not listed).
///
/// # Errors
/// A `HokenCheckError` with `code`, `field`, `messageJa`, `messageEn` for invalid input.
#[wasm_bindgen(js_name = assessInput)]
pub fn assess_input(mode: u32) -> Result<i32, JsValue> {
    let with_pack = mode & WITH_PACK != 0;
    let mode = mode & !WITH_PACK;
    if mode == 2 {
        return use_pack(with_pack, |pack| {
            with_input(|raw| {
                let m = crate::missing_fields_with_pack(raw, pack).map_err(|e| input_error(&e))?;
                tape(&m)
            })
        });
    }
    let fast = input_situation();
    if mode == 0 {
        let a = if let Some(s) = fast {
            use_pack(with_pack, |pack| {
                crate::assess_valid_with_pack(&s, pack).map_err(|e| input_error(&e))
            })?
        } else if with_pack {
            use_pack(with_pack, |pack| {
                with_input(|raw| {
                    crate::assess_raw_with_pack(raw, pack).map_err(|e| input_error(&e))
                })
            })?
        } else {
            with_input(|raw| crate::assess_raw(raw).map_err(|e| input_error(&e)))?
        };
        return tape(&a);
    }
    // The summary alone: a summary-only evaluation (the same summary, tested natively).
    let summary = use_pack(with_pack, |pack| {
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

// ---------------------------------------------------------------------------------------
// Batch page exports (www/batch.html, issue 10) — only in the second module built with
// `--features batch-wasm` into www/pkg-batch/ (scripts/build.sh), so the page's own module
// does not carry the batch path (Shift_JIS tables, CSV splitter, CSV writer). They run the
// CLI's own CSV code (`crate::batch`, `BatchJob`), so the page writes the CLI's bytes.

#[cfg(feature = "batch-wasm")]
mod batch_page {
    use super::{input_error, pack_error};
    use crate::batch::{self, BatchJob, MessageLang, TextEncoding};
    use crate::error::{ErrorCode, InputError};
    use crate::pack::Pack;
    use crate::situation::FIELDS;
    use js_sys::{Array, Int32Array};
    use wasm_bindgen::prelude::*;

    fn encoding(name: &str) -> Option<TextEncoding> {
        TextEncoding::parse(name)
    }

    /// The Situation field names, in the order of the column codes (`FIELDS`).
    #[wasm_bindgen(js_name = batchFields)]
    pub fn batch_fields() -> Vec<String> {
        FIELDS.iter().map(|(n, _)| (*n).to_string()).collect()
    }

    /// The error codes, in the order of the error tallies.
    #[wasm_bindgen(js_name = batchErrorCodes)]
    pub fn batch_error_codes() -> Vec<String> {
        ErrorCode::ALL
            .iter()
            .map(|c| c.as_str().to_string())
            .collect()
    }

    /// The `kakuninshoRoute` values, in the order of the route tallies.
    #[wasm_bindgen(js_name = batchRoutes)]
    pub fn batch_routes() -> Vec<String> {
        batch::ROUTES.iter().map(|r| (*r).to_string()).collect()
    }

    /// Reads the header row from the first bytes of a file (see `batch::read_csv_header`):
    /// `[encoding, consumed, lines, names, columns]` (`columns`: the proposed column codes of
    /// `batch::column_code`). `encoding`: `""` to detect, else an override.
    ///
    /// # Errors
    /// A `HokenCheckError` (`emptyInput`, `tooLarge`, `unbalancedQuote`, `invalidEncoding`).
    #[wasm_bindgen(js_name = batchReadHeader)]
    pub fn batch_read_header(
        buf: &[u8],
        at_eof: bool,
        encoding_name: &str,
    ) -> Result<Array, JsValue> {
        let h = batch::read_csv_header(buf, at_eof, encoding(encoding_name))
            .map_err(|code| input_error(&InputError::new(code, None)))?;
        let names = Array::new();
        for n in &h.names {
            names.push(&JsValue::from(n.as_str()));
        }
        let codes: Vec<i32> = h.columns.iter().map(|c| batch::column_code(*c)).collect();
        let out = Array::new();
        out.push(&JsValue::from(h.encoding.as_str()));
        out.push(&JsValue::from(h.consumed as f64));
        out.push(&JsValue::from(h.lines as f64));
        out.push(&names);
        out.push(&Int32Array::from(codes.as_slice()));
        Ok(out)
    }

    /// Where the first record at or after `buf[0]` starts (`batch::find_record_start`), or -1.
    #[wasm_bindgen(js_name = batchFindStart)]
    pub fn batch_find_start(buf: &[u8], expected: u32, at_eof: bool) -> f64 {
        batch::find_record_start(buf, expected as usize, at_eof).map_or(-1.0, |i| i as f64)
    }

    /// Validates an insurer pack given as the text of its file.
    ///
    /// # Errors
    /// The pack's `HokenCheckError`: its `field` is the path in the pack (`malformedPack` for
    /// text that is not JSON, `packTooLarge` over 64 KiB).
    #[wasm_bindgen(js_name = batchCheckPack)]
    pub fn batch_check_pack(text: &str) -> Result<(), JsValue> {
        Pack::from_json(text)
            .map(|_| ())
            .map_err(|e| pack_error(&e))
    }

    /// One worker's batch run: a `BatchJob` and its output buffers.
    #[wasm_bindgen]
    pub struct BatchRun {
        job: BatchJob,
        out: Vec<u8>,
        errors: Vec<u8>,
    }

    #[wasm_bindgen]
    impl BatchRun {
        /// A run for the header `names` mapped to `columns` (column codes), `encoding`
        /// (`utf-8` / `shift_jis`), a fixed as-of date used when no column is `asOf`, a pack
        /// (the text of its file, or `null`) and the message language (`ja` / `en`).
        ///
        /// # Errors
        /// The pack's `HokenCheckError`.
        #[wasm_bindgen(constructor)]
        pub fn new(
            names: Vec<String>,
            columns: Vec<i32>,
            encoding_name: &str,
            as_of: Option<String>,
            pack: Option<String>,
            lang: &str,
        ) -> Result<BatchRun, JsValue> {
            let pack = match pack {
                Some(text) => Some(Pack::from_json(&text).map_err(|e| pack_error(&e))?),
                None => None,
            };
            let columns = columns.into_iter().map(batch::column_from_code).collect();
            let lang = if lang == "en" {
                MessageLang::En
            } else {
                MessageLang::Ja
            };
            let enc = encoding(encoding_name).unwrap_or(TextEncoding::Utf8);
            Ok(BatchRun {
                job: BatchJob::new(&names, columns, enc, as_of, pack, lang),
                out: Vec::new(),
                errors: Vec::new(),
            })
        }

        /// The output's CSV header row (UTF-8, CRLF).
        pub fn header(&self) -> Vec<u8> {
            let mut v = Vec::new();
            self.job.write_header(&mut v);
            v
        }

        /// Processes the records starting in `buf[..stop]`; `line` is `buf[0]`'s line.
        /// Returns `[bytes consumed, lines consumed, records]`.
        pub fn process(&mut self, buf: &[u8], stop: f64, at_eof: bool, line: f64) -> Vec<f64> {
            let c = self.job.process(
                buf,
                stop as usize,
                at_eof,
                line as u64,
                &mut self.out,
                &mut self.errors,
            );
            vec![c.bytes as f64, c.lines as f64, c.records as f64]
        }

        /// Where the result rows written since the last [`BatchRun::clear`] are in the
        /// instance's memory: `[outPtr, outLen, errorsPtr, errorsLen]`. The worker makes a
        /// Blob straight from a view there (no JS copy), then calls `clear`.
        pub fn written(&self) -> Vec<u32> {
            vec![
                self.out.as_ptr() as u32,
                self.out.len() as u32,
                self.errors.as_ptr() as u32,
                self.errors.len() as u32,
            ]
        }

        /// Forgets the rows written (the buffers are kept for the next call).
        pub fn clear(&mut self) {
            self.out.clear();
            self.errors.clear();
        }

        /// The tallies: `[rows, errors, sendNow, routes × 4, one count per error code,
        /// then (yyyymm, count) pairs of mynahokenshoUsableUntil months]`.
        pub fn tallies(&self) -> Vec<f64> {
            let t = &self.job.tallies;
            let mut v = vec![t.rows as f64, t.errors as f64, t.send_now as f64];
            v.extend(t.routes.iter().map(|&n| n as f64));
            for i in 0..ErrorCode::ALL.len() {
                v.push(t.error_codes.get(i).copied().unwrap_or(0) as f64);
            }
            for (m, n) in &t.usable_until {
                v.push(f64::from(*m));
                v.push(*n as f64);
            }
            v
        }
    }
}
