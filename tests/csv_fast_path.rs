#![cfg(not(target_arch = "wasm32"))]
//! The CSV fast paths (`batch::csv_record_to_situation` / `csv_cells_to_situation`, cells
//! straight to a validated Situation) give exactly what the reference path gives — `csv_record_to_raw` then
//! `RawSituation::validate` — on random rows: the same Situation, or the same first error
//! (code, field, messages), and the same id cell, in UTF-8 and Shift_JIS.

use hoken_check::batch::{self, CsvHeader, TextEncoding};
use hoken_check::situation::FIELDS;
use proptest::prelude::*;
use std::borrow::Cow;

/// Header cells: contract names, aliases, id columns, unknown names (a few duplicates).
fn header() -> impl Strategy<Value = Vec<String>> {
    let mut names: Vec<String> = FIELDS.iter().map(|(n, _)| (*n).to_string()).collect();
    names.extend(batch::HEADER_ALIASES.iter().map(|(a, _)| (*a).to_string()));
    names.extend(["氏名", "notAField", " asOf "].map(String::from));
    let asof = Just(vec!["asOf".to_string()]);
    (
        asof,
        prop::collection::vec(prop::sample::select(names), 0..10),
    )
        .prop_map(|(mut a, b)| {
            // Mostly with asOf first; sometimes without it.
            if b.len() % 7 == 3 {
                a.clear();
            }
            a.extend(b);
            a
        })
}

/// A cell value: valid for some kind, empty, spaced, wrong, oversized.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just("\u{3000}kokuho\u{a0}".to_string()),
        Just("\u{b}true".to_string()),
        Just("2026-03-31".to_string()),
        Just(" 2025-12-01 ".to_string()),
        Just("1950-02-29".to_string()),
        Just("2026-3-1".to_string()),
        Just("0000-01-01".to_string()),
        Just("令和8年1月1日".to_string()),
        Just("true".to_string()),
        Just("FALSE".to_string()),
        Just("True".to_string()),
        Just("yes".to_string()),
        Just("kokuho".to_string()),
        Just("kokiKoreisha".to_string()),
        Just("saitama".to_string()),
        Just("iphone".to_string()),
        Just("readerFailure".to_string()),
        Just("oldCard".to_string()),
        Just("oldCard;mynahokensho; oldCard ;;".to_string()),
        Just("oldCard;nope".to_string()),
        Just(vec!["oldCard"; 65].join(";")),
        Just(vec!["oldCard"; 64].join(";")),
        Just("あ".repeat(100)),
        Just("x".repeat(257)),
        Just("x".repeat(256)),
        Just(format!("oldCard;{}", "y".repeat(300))),
        "[a-zA-Z0-9;, -]{0,12}",
    ]
}

/// CSV text of one cell (quoted when it needs it).
fn quote(c: &str) -> String {
    if c.contains([',', '"']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c.to_string()
    }
}

fn check(header: &CsvHeader, record: &[u8], enc: TextEncoding) -> Result<(), TestCaseError> {
    let (raw, id_ref) = batch::csv_record_to_raw(header, record, None, enc);
    let want = raw.and_then(|r| r.validate());
    let mut cells = Vec::new();
    batch::split_cells(record, &mut cells);
    let (got, id) = batch::csv_cells_to_situation(header, &cells, None, enc);
    prop_assert_eq!(&got, &want);
    prop_assert_eq!(id.map(Cow::into_owned), id_ref.clone());
    // The record-level entry (text split for UTF-8 records without quotes).
    let mut scratch = Vec::new();
    let (got, id) = batch::csv_record_to_situation(header, record, None, enc, &mut scratch);
    prop_assert_eq!(got, want);
    prop_assert_eq!(id.map(Cow::into_owned), id_ref);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn fast_path_equals_raw_then_validate(
        names in header(),
        cells in prop::collection::vec(cell(), 0..16),
        extra in 0usize..3,
        bad_byte in any::<bool>(),
    ) {
        let header = CsvHeader::new(&names);
        // Mostly the header's cell count; sometimes one more or fewer.
        let n = match extra { 0 => names.len() + 1, 1 => names.len().saturating_sub(1), _ => names.len() };
        let mut row: Vec<String> = (0..n).map(|i| cells.get(i % cells.len().max(1)).cloned().unwrap_or_default()).collect();
        let mut bytes = row.iter_mut().map(|c| quote(c)).collect::<Vec<_>>().join(",").into_bytes();
        if bad_byte && !bytes.is_empty() {
            let at = bytes.len() / 2;
            bytes.insert(at, 0xff);
        }
        check(&header, &bytes, TextEncoding::Utf8)?;
        // The same row as Shift_JIS (when it can be written in it).
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
        if !unmappable {
            check(&header, &sjis, TextEncoding::ShiftJis)?;
        }
    }
}

/// A JSON `key: value` pair and whether the direct JSON reader takes it (known name, no
/// escapes, no number or nested value).
fn json_pair() -> impl Strategy<Value = (String, bool)> {
    let mut keys: Vec<(String, bool)> = FIELDS
        .iter()
        .map(|(n, _)| (format!("\"{n}\""), true))
        .collect();
    keys.push(("\"bogus\"".to_string(), false));
    keys.push(("\"as\\u004ff\"".to_string(), false));
    let values: Vec<(&str, bool)> = vec![
        ("null", true),
        ("true", true),
        ("false", true),
        ("\"2026-03-31\"", true),
        ("\"2025-12-01\"", true),
        ("\"1950-02-29\"", true),
        ("\"kokuho\"", true),
        ("\"kokiKoreisha\"", true),
        ("\"saitama\"", true),
        ("\"iphone\"", true),
        ("\"readerFailure\"", true),
        ("\"oldCard\"", true),
        ("[]", true),
        ("[\"oldCard\"]", true),
        ("[\"oldCard\", \"mynahokensho\", \"oldCard\"]", true),
        ("[\"nope\"]", true),
        ("\"2026-01-0\\u0031\"", false),
        ("1", false),
        ("1.5", false),
        ("{}", false),
        ("[\"oldCard\", 1]", false),
        ("[[\"oldCard\"]]", false),
        ("\"\"", true),
    ];
    (prop::sample::select(keys), prop::sample::select(values))
        .prop_map(|((k, ks), (v, vs))| (format!("{k}: {v}"), ks && vs))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The direct JSON reader (`batch::json_record_to_situation`, the CLI's common JSON
    /// record) answers exactly as `json_record_to_raw` + `validate`: whenever it gives a
    /// Situation, that is the validated record; whenever the reference validates a record of
    /// the shapes it takes, so does it.
    #[test]
    fn direct_json_equals_raw_then_validate(
        pairs in prop::collection::vec(json_pair(), 0..8),
        as_of_first in any::<bool>(),
        broken in 0usize..8,
    ) {
        let mut items: Vec<(String, bool)> = pairs;
        if as_of_first {
            items.insert(0, ("\"asOf\": \"2026-06-01\"".to_string(), true));
        }
        let body: Vec<&str> = items.iter().map(|(t, _)| t.as_str()).collect();
        let mut text = format!("{{{}}}", body.join(", "));
        if broken == 0 {
            text.pop(); // a syntax error
        }
        let reference = batch::json_record_to_raw(text.as_bytes()).and_then(|r| r.validate());
        let direct = batch::json_record_to_situation(text.as_bytes());
        if let Some(s) = &direct {
            prop_assert_eq!(&reference, &Ok(s.clone()));
        }
        if broken != 0 && items.iter().all(|(_, simple)| *simple) {
            if let Ok(s) = reference {
                prop_assert_eq!(direct, Some(s));
            }
        }
    }
}
