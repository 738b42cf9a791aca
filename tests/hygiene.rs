#![cfg(not(target_arch = "wasm32"))]
//! Source hygiene the specification asks for: no date literal in a rule file (dates live in
//! src/params.toml with their sources), every rule function citing its R-id, no `unwrap()` on
//! library paths, and message catalogs that cover every key the engine emits.

use std::collections::BTreeSet;
use std::fs;

fn rule_files() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in fs::read_dir("src/rules").expect("src/rules") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "rs") {
            out.push((
                p.display().to_string(),
                fs::read_to_string(&p).expect("read"),
            ));
        }
    }
    assert!(out.len() >= 5, "rule files found: {}", out.len());
    out
}

/// Code of a line without its `//` comment (rule ids and dates may appear in docs).
fn code_part(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

fn has_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-' || *c == b'/'
            } else {
                c.is_ascii_digit()
            }
        })
    })
}

#[test]
fn no_rule_file_contains_a_date_literal() {
    for (path, text) in rule_files() {
        for (n, line) in text.lines().enumerate() {
            let code = code_part(line);
            assert!(
                !has_iso_date(code),
                "{path}:{}: date literal in code: {line}",
                n + 1
            );
            assert!(
                !code.contains("from_ymd"),
                "{path}:{}: builds a date in a rule: {line}",
                n + 1
            );
            for year in 2023..=2031 {
                assert!(
                    !code.contains(&format!("{year},")),
                    "{path}:{}: year literal {year}: {line}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn the_date_literal_check_itself_catches_dates() {
    assert!(has_iso_date(r#"let cap = "2025-12-01";"#));
    assert!(!has_iso_date("p::OLD_CARD_CAP"));
    assert_eq!(code_part("let x = 1; // until 2025-12-01"), "let x = 1; ");
}

#[test]
fn every_public_rule_function_cites_its_rule_id() {
    // mod.rs only puts the rules together; every other rule file's public fn is a rule.
    for (path, text) in rule_files()
        .into_iter()
        .filter(|(p, _)| !p.ends_with("mod.rs"))
    {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.starts_with("pub fn ") {
                continue;
            }
            // Walk up over the doc block.
            let mut j = i;
            let mut doc = String::new();
            while j > 0 && lines[j - 1].trim_start().starts_with("///") {
                j -= 1;
                doc.insert_str(0, lines[j]);
            }
            assert!(
                doc.contains("R-") || doc.contains("CONTRACT.md"),
                "{path}:{}: `{line}` has no R-id in its doc",
                i + 1
            );
        }
    }
}

#[test]
fn library_code_has_no_unwrap_or_expect_outside_tests() {
    for entry in walk("src") {
        let text = fs::read_to_string(&entry).expect("read");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let c = code_part(line);
            assert!(
                !c.contains(".unwrap()") && !c.contains(".expect("),
                "{entry}:{}: {line}",
                n + 1
            );
        }
    }
}

fn walk(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).expect("dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(walk(&p.display().to_string()));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p.display().to_string());
        }
    }
    out
}

/// Every message key that appears as a string literal in the engine, and every warning code.
fn emitted_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let prefixes = [
        "oldCard.",
        "myna.",
        "kakuninsho.",
        "oshirase.",
        "route.",
        "window.",
        "event.",
        "action.",
        "assist.",
    ];
    for f in walk("src") {
        if f.contains("/bin/") {
            continue;
        }
        let text = fs::read_to_string(&f).expect("read");
        for (i, part) in text.split('"').enumerate() {
            if i % 2 == 1
                && prefixes.iter().any(|p| part.starts_with(p))
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
            {
                keys.insert(part.to_string());
            }
        }
    }
    for code in hoken_check::assessment::WarningCode::ALL {
        keys.insert(format!("warning.{}", code.as_str()));
    }
    keys
}

#[test]
fn every_catalog_has_every_key_the_engine_emits() {
    let keys = emitted_keys();
    assert!(keys.len() > 80, "found {} keys", keys.len());
    for lang in ["ja", "en", "ja-easy"] {
        let text = fs::read_to_string(format!("locales/{lang}.json")).expect("catalog");
        let cat: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&text).expect("catalog JSON");
        let missing: Vec<&String> = keys
            .iter()
            .filter(|k| !cat.contains_key(k.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "locales/{lang}.json lacks {} keys: {missing:?}",
            missing.len()
        );
        for code in [
            "malformedInput",
            "notAnObject",
            "unknownField",
            "wrongType",
            "unknownValue",
            "malformedDate",
            "impossibleDate",
        ] {
            assert!(
                cat.contains_key(&format!("error.{code}")),
                "locales/{lang}.json lacks error.{code}"
            );
        }
    }
}

#[test]
fn no_catalog_text_writes_a_rule_date_itself() {
    // Rule dates come from src/params.toml as message parameters; a catalog that wrote one
    // into its text would keep the old date when the data changes.
    use chrono::Datelike;
    use hoken_check::params::{ParamValue, PARAMS};
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut forms = Vec::new();
    for p in PARAMS {
        if let ParamValue::Date(d) = p.value {
            let (y, m, day) = (d.year(), d.month(), d.day());
            forms.push(format!("{y}-{m:02}-{day:02}"));
            forms.push(format!("{y}年{m}月{day}日"));
            forms.push(format!("{day} {} {y}", MONTHS[(m - 1) as usize]));
            forms.push(format!("{y}{{年|ねん}}{m}{{月|がつ}}{day}{{日|"));
        }
    }
    assert!(forms.len() >= 40, "every dated parameter gives its forms");
    for lang in ["ja", "en", "ja-easy"] {
        let text = fs::read_to_string(format!("locales/{lang}.json")).expect("catalog");
        let cat: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&text).expect("JSON");
        for (key, v) in &cat {
            let t = v.as_str().unwrap_or("");
            for f in &forms {
                assert!(
                    !t.contains(f.as_str()),
                    "locales/{lang}.json {key} writes the rule date {f}: {t}"
                );
            }
        }
    }
}
