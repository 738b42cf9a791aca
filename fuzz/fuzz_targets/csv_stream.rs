//! A whole CSV input through the batch splitter the CLI (and a browser batch page) uses:
//! `batch::next_csv_record` record by record, then `csv_record_to_raw` → validate → assess.
//! Never panics, always makes progress, and every record it reports is within the input
//! (rows in = rows out: issue 11 §2). The first line is the header.
#![no_main]
use hoken_check::batch::{self, CsvHeader, TextEncoding};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let enc = batch::detect_encoding(data);
    let mut at = 0usize;
    let mut header: Option<CsvHeader> = None;
    let mut records = 0usize;
    while at < data.len() {
        let expected = header.as_ref().map(CsvHeader::len);
        let Some(rec) = batch::next_csv_record(&data[at..], true, expected) else {
            break;
        };
        assert!(rec.consumed > 0, "the splitter always makes progress");
        assert!(rec.len <= rec.consumed && at + rec.consumed <= data.len());
        let bytes = &data[at..at + rec.len];
        at += rec.consumed;
        if rec.blank {
            continue;
        }
        match &header {
            None => {
                let mut cells = Vec::new();
                batch::split_cells(bytes, &mut cells);
                let names: Vec<String> = cells
                    .iter()
                    .map(|c| {
                        batch::decode(c, enc)
                            .map(|s| s.into_owned())
                            .unwrap_or_default()
                    })
                    .collect();
                header = Some(CsvHeader::new(&names));
            }
            Some(h) => {
                records += 1;
                let (raw, _id) = batch::csv_record_to_raw(h, bytes, rec.error, enc);
                if let Ok(s) = raw.and_then(|r| r.validate()) {
                    common::check_situation(&s);
                }
            }
        }
    }
    let _ = (records, TextEncoding::Utf8);
});
