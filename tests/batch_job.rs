#![cfg(not(target_arch = "wasm32"))]
//! The batch page's chunk API (`hoken_check::batch::BatchJob`, run in Web Workers through
//! `www/pkg-batch/`) writes exactly the CLI's bytes for the same file, however the file is
//! cut into slices and however many workers share it (issue 10: "one source with the CLI").
//! The CLI's own output is the reference here: the page must equal it byte for byte; what the
//! rows mean is tested against the rule text in tests/cli_stream.rs and tests/verdicts.rs.

use hoken_check::batch::{
    find_record_start, read_csv_header, BatchJob, Column, MessageLang, TextEncoding,
};
use std::path::Path;

mod common;
use common::run;

const FIXTURES: &[&str] = &[
    "bom-crlf-quoted.csv",
    "malformed.csv",
    "missing-unknown.csv",
    "missing.csv",
    "shift-jis.csv",
];

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/batch")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn cli(input: &[u8], args: &[&str]) -> String {
    let mut all = vec!["assess", "--threads", "1", "--no-progress"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all, input);
    assert!(code <= 1, "CLI failed ({code}): {err}");
    out
}

/// A job for `input`'s header as the CLI maps it.
fn job(input: &[u8], as_of: Option<&str>) -> (BatchJob, usize, u64) {
    let h = read_csv_header(input, true, None).expect("header");
    let job = BatchJob::new(
        &h.names,
        h.columns.clone(),
        h.encoding,
        as_of.map(str::to_string),
        None,
        MessageLang::Ja,
    );
    (job, h.consumed, 1 + h.lines)
}

/// The page's algorithm in one thread: data bytes fed `slice` bytes at a time.
fn by_slices(input: &[u8], slice: usize, as_of: Option<&str>) -> (String, String) {
    let (mut job, start, line) = job(input, as_of);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    job.write_header(&mut out);
    let data = &input[start..];
    let (mut pos, mut line, mut have) = (0usize, line, 0usize);
    loop {
        have = (have + slice).min(data.len());
        let at_eof = have == data.len();
        let c = job.process(
            &data[pos..have],
            have - pos,
            at_eof,
            line,
            &mut out,
            &mut errors,
        );
        pos += c.bytes;
        line += c.lines;
        if at_eof && (pos == data.len() || c.bytes == 0 && c.records == 0) {
            break;
        }
    }
    (
        String::from_utf8(out).expect("utf-8 out"),
        String::from_utf8(errors).expect("utf-8 errors"),
    )
}

#[test]
fn the_chunk_api_writes_the_clis_bytes_for_every_fixture_and_slice_size() {
    for name in FIXTURES {
        let input = fixture(name);
        let want = cli(&input, &[]);
        for slice in [1, 2, 3, 7, 64, 1 << 20] {
            let (got, errors) = by_slices(&input, slice, None);
            assert_eq!(got, want, "{name}, slices of {slice} bytes");
            // The error file is exactly the error rows of the result, in order (a summary row
            // ends with its three empty error cells; control characters never stay raw).
            let error_rows: String = want
                .split_inclusive("\r\n")
                .skip(1)
                .filter(|r| !r.ends_with(",,,\r\n"))
                .collect();
            assert_eq!(errors, error_rows, "{name}: error rows");
        }
    }
}

/// Two workers: the second guesses its first record with `find_record_start`; the guess is
/// accepted only when the first worker's records end exactly there (as the page checks).
#[test]
fn split_anywhere_and_checked_at_the_boundary_gives_the_clis_bytes() {
    for name in FIXTURES {
        let input = fixture(name);
        let want = cli(&input, &[]);
        let (_, start, first_line) = job(&input, None);
        let data = &input[start..];
        let h = read_csv_header(&input, true, None).expect("header");
        let mut checked = 0;
        for cut in 1..data.len() {
            let Some(guess) = find_record_start(&data[cut..], h.names.len(), true) else {
                continue;
            };
            let boundary = cut + guess;
            let (mut a, _, _) = job(&input, None);
            let mut out = Vec::new();
            let mut errs = Vec::new();
            a.write_header(&mut out);
            let ca = a.process(data, boundary, true, first_line, &mut out, &mut errs);
            if ca.bytes != boundary {
                continue; // the guess was inside a record: the page redoes that part
            }
            let (mut b, _, _) = job(&input, None);
            let cb = b.process(
                &data[boundary..],
                data.len() - boundary,
                true,
                first_line + ca.lines,
                &mut out,
                &mut errs,
            );
            assert_eq!(cb.bytes, data.len() - boundary, "{name} cut {cut}");
            assert_eq!(String::from_utf8_lossy(&out), want, "{name} cut at {cut}");
            checked += 1;
        }
        assert!(checked > 0, "{name}: no cut was checked");
    }
}

#[test]
fn a_wrong_guess_inside_a_quoted_line_break_is_caught_by_the_boundary_check() {
    // The line break inside "two\r\nlines" looks like a record end; `lines",2026…` has a
    // stray quote, so the guess skips it, and the first worker's end confirms the next one.
    let input = fixture("bom-crlf-quoted.csv");
    let (_, start, _) = job(&input, None);
    let data = &input[start..];
    let inside = data
        .windows(5)
        .position(|w| w == b"lines")
        .expect("quoted line break");
    let guess = find_record_start(&data[inside - 3..], 9, true).expect("guess") + inside - 3;
    assert!(guess > inside, "the guess is past the quoted line break");
    let (mut a, _, _) = job(&input, None);
    let c = a.process(data, guess, true, 2, &mut Vec::new(), &mut Vec::new());
    assert_eq!(c.bytes, guess, "records end exactly at the guess");
}

#[test]
fn a_fixed_as_of_date_equals_an_as_of_column() {
    let input = fixture("missing.csv"); // asOf,birthDate
    let text = String::from_utf8(input).expect("utf-8");
    // The same rows without their asOf column, the date given once.
    let without: String = text
        .lines()
        .map(|l| l.split_once(',').map_or("", |(_, rest)| rest).to_string() + "\n")
        .collect();
    let (got, _) = by_slices(without.as_bytes(), 1 << 20, Some("2026-05-01"));
    assert_eq!(got, cli(text.as_bytes(), &[]));
    // With an asOf column, the fixed date is not used.
    let other_day: String = text.replace("2026-05-01", "2024-01-10");
    let (got, _) = by_slices(other_day.as_bytes(), 1 << 20, Some("2026-05-01"));
    assert_eq!(got, cli(other_day.as_bytes(), &[]));
}

#[test]
fn ignored_columns_equal_the_clis_ignore_unknown_columns() {
    let input = fixture("missing-unknown.csv");
    let h = read_csv_header(&input, true, None).expect("header");
    assert_eq!(h.encoding, TextEncoding::Utf8);
    let columns: Vec<Column> = h
        .columns
        .iter()
        .map(|c| match c {
            Column::Unknown => Column::Ignored,
            c => *c,
        })
        .collect();
    let mut j = BatchJob::new(&h.names, columns, h.encoding, None, None, MessageLang::Ja);
    let mut out = Vec::new();
    j.write_header(&mut out);
    let data = &input[h.consumed..];
    j.process(data, data.len(), true, 2, &mut out, &mut Vec::new());
    assert_eq!(
        String::from_utf8_lossy(&out),
        cli(&input, &["--ignore-unknown-columns"])
    );
}

#[test]
fn english_messages_equal_the_clis_lang_en() {
    let input = fixture("malformed.csv");
    let h = read_csv_header(&input, true, None).expect("header");
    let mut j = BatchJob::new(
        &h.names,
        h.columns.clone(),
        h.encoding,
        None,
        None,
        MessageLang::En,
    );
    let mut out = Vec::new();
    j.write_header(&mut out);
    let data = &input[h.consumed..];
    j.process(
        data,
        data.len(),
        true,
        1 + h.lines,
        &mut out,
        &mut Vec::new(),
    );
    assert_eq!(
        String::from_utf8_lossy(&out),
        cli(&input, &["--lang", "en"])
    );
}

#[test]
fn the_tallies_count_the_rows_written() {
    let input = fixture("shift-jis.csv");
    let h = read_csv_header(&input, true, None).expect("header");
    assert_eq!(h.encoding, TextEncoding::ShiftJis);
    assert_eq!(h.names[0], "被保険者番号");
    let (mut j, start, line) = job(&input, None);
    let mut out = Vec::new();
    let data = &input[start..];
    j.process(data, data.len(), true, line, &mut out, &mut Vec::new());
    let text = String::from_utf8(out).expect("utf-8");
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split(',').collect()).collect();
    let t = &j.tallies;
    assert_eq!(t.rows, rows.len() as u64);
    // Columns: line,id,oldCardValid,oldCardValidUntil,oldCardProvisionalAcceptance,
    // mynahokenshoUsable(5),mynahokenshoUsableUntil(6),kakuninshoValid(7),kakuninshoRoute(8)
    let count = |route: &str| rows.iter().filter(|r| r[8] == route).count() as u64;
    assert_eq!(
        t.routes,
        [
            count("notYet"),
            count("automatic"),
            count("application"),
            count("notNeeded")
        ]
    );
    assert_eq!(
        t.errors,
        rows.iter().filter(|r| r[8].is_empty()).count() as u64
    );
    let months: u64 = t.usable_until.values().sum();
    assert_eq!(
        months,
        rows.iter().filter(|r| !r[6].is_empty()).count() as u64
    );
    assert!(t.usable_until.contains_key(&202605));
    // Member 1001: 電子証明書 expired 2026-02-20, checked 2026-02-10, registered. R-MYNA-3: the
    // マイナ保険証 stays usable until the end of the third month after the month of expiry, so
    // its last usable day is 2026-05-31 (RULES.md gives this very case, Tama city: "有効期限が2月の
    // 場合、5月末まで") — the month the tally above counts it in.
    let m1001 = rows.iter().find(|r| r[1] == "1001").expect("row 1001");
    assert_eq!(m1001[6], "2026-05-31", "R-MYNA-3 grace end for member 1001");
}
