#![cfg(not(target_arch = "wasm32"))]
//! The error catalogue (issue 11): docs/errors.md is what `hoken-check errors --markdown`
//! generates; every code is reachable by its example through the CLI; every message exists in
//! all three catalogs and is the one text the library uses; and the wrong messages of issue 11
//! (outOfRange dates, the raw `warning.pastEraEnd` key, two Japanese texts for one error).

use hoken_check::dates::DateWarning;
use hoken_check::ErrorCode;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

use common::BIN;

mod common;
use common::run;

fn catalog(lang: &str) -> serde_json::Map<String, Value> {
    let text = std::fs::read_to_string(format!("locales/{lang}.json")).expect("catalog");
    serde_json::from_str(&text).expect("catalog JSON")
}

#[test]
fn docs_errors_md_is_the_generated_catalogue() {
    let (code, out, err) = run(&["errors", "--markdown"], b"");
    assert_eq!(code, 0, "{err}");
    let committed = std::fs::read_to_string("docs/errors.md").unwrap_or_default();
    assert!(
        committed == out,
        "docs/errors.md is stale: run `cargo run --bin hoken-check -- errors --markdown > docs/errors.md`"
    );
    for c in ErrorCode::ALL {
        assert!(
            out.contains(&format!("| `{}` |", c.as_str())),
            "{c:?} listed"
        );
    }
}

#[test]
fn every_error_code_is_reachable_by_its_example_through_the_cli() {
    let dir = std::env::temp_dir().join(format!("hoken-check-errors-{}", std::process::id()));
    let dir_s = dir.to_string_lossy().into_owned();
    let (code, _, err) = run(&["errors", "--examples", &dir_s], b"");
    assert_eq!(code, 0, "{err}");
    for c in ErrorCode::ALL {
        let input = std::fs::read(dir.join(format!("{}.in", c.as_str()))).expect("example");
        // The pack example is the one run with an insurer pack (errors.rs EXAMPLE_PACK).
        let args: &[&str] = if *c == ErrorCode::PackNotForRecord {
            &[
                "assess",
                "--lang",
                "en",
                "--pack",
                "packs/kokuho-shibuya.json",
            ]
        } else {
            &["assess", "--lang", "en"]
        };
        let (status, out, err) = run(args, &input);
        assert_eq!(status, 1, "{c:?}: exit 1 for a failed record / empty input");
        let produced = if *c == ErrorCode::EmptyInput {
            err.contains("emptyInput")
        } else if out.starts_with("line,") {
            let mut rdr = csv::Reader::from_reader(out.as_bytes());
            let h = rdr.headers().expect("header").clone();
            let col = h.iter().position(|x| x == "errorCode").expect("errorCode");
            rdr.records()
                .any(|r| r.map(|r| &r[col] == c.as_str()).unwrap_or(false))
        } else {
            let v: Value = serde_json::from_str(&out)
                .or_else(|_| serde_json::from_str(out.lines().next().unwrap_or("")))
                .expect("JSON out");
            let first = if v.is_array() { &v[0] } else { &v };
            first["error"]["code"] == c.as_str()
        };
        assert!(produced, "{c:?} not produced by its example: {out}{err}");
    }
    for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("date") {
            continue;
        }
        let code = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("date example");
        let (status, _, err) = run(&["parse-date", &text], b"");
        assert_eq!(status, 1, "{code}");
        assert!(err.contains(&format!("error: {code}:")), "{code}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_error_message_is_in_all_three_catalogs_and_is_the_librarys_one_text() {
    for lang in ["ja", "en", "ja-easy"] {
        let cat = catalog(lang);
        for c in ErrorCode::ALL {
            let key = format!("error.{}", c.as_str());
            assert!(cat.contains_key(&key), "locales/{lang}.json lacks {key}");
        }
        assert!(
            cat.contains_key("warning.pastEraEnd"),
            "locales/{lang}.json lacks warning.pastEraEnd"
        );
    }
    let (ja, en) = (catalog("ja"), catalog("en"));
    for c in ErrorCode::ALL {
        let key = format!("error.{}", c.as_str());
        let (tja, ten) = c.templates();
        assert_eq!(
            ja[&key], tja,
            "{key}: src/error.rs and locales/ja.json differ"
        );
        assert_eq!(
            en[&key], ten,
            "{key}: src/error.rs and locales/en.json differ"
        );
    }
    let w = DateWarning::PastEraEnd {
        printed_era: hoken_check::dates::Era::Heisei,
        actual_era: hoken_check::dates::Era::Reiwa,
    };
    assert_eq!(ja["warning.pastEraEnd"], w.message_ja());
    assert_eq!(en["warning.pastEraEnd"], w.message_en());
}

#[test]
fn a_malformed_record_carries_one_japanese_text() {
    let (_, out, _) = run(&["assess", "--lang", "ja"], b"{\"asOf\": \"2026-01-01\",}");
    let v: Value = serde_json::from_str(&out).expect("object out");
    assert_eq!(v["error"]["code"], "malformedInput");
    assert_eq!(v["error"]["message"], v["error"]["messageJa"]);
}

#[test]
fn well_formed_dates_outside_the_supported_years_are_out_of_range_not_malformed() {
    for d in ["0000-01-01", "9999-12-31", "1867-12-31"] {
        let (code, out, _) = run(
            &["assess", "--lang", "en"],
            format!("{{\"asOf\":\"2026-01-01\",\"birthDate\":\"{d}\"}}").as_bytes(),
        );
        assert_eq!(code, 1);
        let v: Value = serde_json::from_str(&out).expect("object out");
        assert_eq!(v["error"]["code"], "outOfRange", "{d}");
        assert_eq!(v["error"]["field"], "birthDate");
        assert!(!out.contains(d), "the date is not echoed");
    }
    // The first supported day is still fine.
    let (code, _, err) = run(
        &["assess"],
        b"{\"asOf\":\"2026-01-01\",\"birthDate\":\"1868-01-01\"}",
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn parse_date_past_era_end_prints_a_message_not_the_raw_key() {
    for lang in ["ja", "en"] {
        let (code, out, err) = run(&["parse-date", "H32.3.31", "--lang", lang], b"");
        assert_eq!((code, out.trim()), (0, "2020-03-31"));
        assert!(err.contains("pastEraEnd"), "{err}");
        assert!(
            !err.contains("warning.pastEraEnd"),
            "raw key printed: {err}"
        );
    }
}

#[test]
fn non_utf8_arguments_are_a_coded_error_never_a_panic_or_an_echo() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    for args in [
        vec![OsStr::new("parse-date"), OsStr::from_bytes(b"\xff\xfe")],
        vec![
            OsStr::new("assess"),
            OsStr::new("--lang"),
            OsStr::from_bytes(b"\xff"),
        ],
        vec![OsStr::from_bytes(b"\xff")],
    ] {
        let out = Command::new(BIN)
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            !out.stderr.windows(1).any(|w| w[0] == 0xff),
            "bytes echoed: {args:?}"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("invalidArgument"), "{err}");
        assert!(
            !err.contains("panicked") && !err.contains("Usage:"),
            "{err}"
        );
    }
}

#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_says_so() {
    // `| head -1`: the reader goes away after one line.
    let mut input = String::from("asOf,insurerKind\n");
    for _ in 0..200_000 {
        input.push_str("2026-01-01,kokuho\n");
    }
    let mut child = Command::new(BIN)
        .args(["assess", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("finishes");
    let _ = feeder.join();
    let input = String::from("asOf,insurerKind\n2026-01-01,kokuho\n").repeat(1000);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "quiet exit: {err}");
    assert!(err.is_empty(), "nothing on stderr: {err}");

    if std::path::Path::new("/dev/full").exists() {
        let out = Command::new(BIN)
            .args(["assess"])
            .stdin(Stdio::piped())
            .stdout(std::fs::File::create("/dev/full").expect("/dev/full"))
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                let _ = c.stdin.take().expect("stdin").write_all(input.as_bytes());
                c.wait_with_output()
            })
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{err}");
        assert!(
            err.contains("writeError") && !err.contains("Usage"),
            "{err}"
        );
    }
}
