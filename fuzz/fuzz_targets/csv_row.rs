//! One CSV row with arbitrary headers and cells: `RawSituation::from_csv_row` → validate →
//! assess never panics and keeps the contract (see common.rs). The input's first line is the
//! header row, the rest the cells, both split at `,` (quoting is the CSV reader's business, not
//! this function's).
#![no_main]
use hoken_check::RawSituation;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (head, rest) = text.split_once('\n').unwrap_or((&text, ""));
    let headers: Vec<&str> = head.split(',').collect();
    let cells: Vec<&str> = rest.split(',').collect();
    let raw = RawSituation::from_csv_row(&headers, &cells);
    if let Ok(s) = raw.validate() {
        common::check_situation(&s);
    }
    let _ = hoken_check::missing_fields(&raw);
});
