//! The JS-boundary deserialiser: the packed words and bytes `js/api.js` writes into the wasm
//! module's buffers (src/packed.rs). Arbitrary words must never panic (a panic in wasm kills the
//! instance, issue 11 §1); a record that decodes is validated and assessed like any other.
#![no_main]
use hoken_check::packed::{self, Decoded};
use hoken_check::RawSituation;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    // First half: little-endian i32 words; the rest: the string bytes.
    let split = (data.len() / 2) & !3;
    let words: Vec<i32> = data[..split]
        .chunks_exact(4)
        .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let bytes = &data[split..];
    let tokens = packed::tokens();
    let mut raw = RawSituation::default();
    if let Decoded::Raw(_) = packed::decode_into(&words, bytes, &tokens, &mut raw) {
        if let Ok(s) = raw.validate() {
            common::check_situation(&s);
        }
    }
});
