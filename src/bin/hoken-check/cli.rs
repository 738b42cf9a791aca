//! The native command-line interface to the rules engine.
//!
//! ```text
//! hoken-check assess [--lang ja|en] < situations   (one JSON object, a JSON array, JSON Lines, or CSV)
//! hoken-check missing-fields < situation           (which unanswered fields would change the answer)
//! hoken-check parse-date '令和7年12月1日'           (prints 2025-12-01 and any warning)
//! hoken-check rules                                 (rules version, data hash, rules and sources)
//! ```
//! One record in gives exactly one record out, in the same shape and order; a bad record gives
//! an error record in its place. The exit status is 0 only when every record succeeded.

use crate::render::{Catalog, Lang};
use hoken_check::situation::RawSituation;
use hoken_check::{assess_raw, ErrorCode, InputError};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
hoken-check — can I still see a doctor with what I have? (rules as of 2026-11-25)

Usage:
  hoken-check assess [--lang ja|en] < INPUT
      INPUT: one Situation JSON object, a JSON array of them, JSON Lines, or CSV with a
      header row of Situation field names. Output has the same shape and order
      (CSV in → CSV out with the summary columns). Exit status 0 only if every record passed.
  hoken-check missing-fields [--lang ja|en] < SITUATION
      Which unanswered fields would change the answer.
  hoken-check parse-date TEXT
      A date as printed on a card (令和7年12月1日, R7.12.1, ２０２５／１２／０１ …) → YYYY-MM-DD.
  hoken-check rules
      Rules version, data hash, every rule with its sources, every dated parameter.
  hoken-check --help | --version

Not legal advice. Check with your insurer or municipality when in doubt.
";

/// Runs the CLI with the process arguments.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("hoken-check: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(cmd) = args.first() else {
        return Err("no command given".into());
    };
    let mut lang = Lang::Ja;
    let mut rest = Vec::new();
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--lang" => {
                lang = match args.get(i + 1).map(String::as_str) {
                    Some("ja") => Lang::Ja,
                    Some("en") => Lang::En,
                    _ => return Err("--lang takes ja or en".into()),
                };
                i += 1;
            }
            a if a.starts_with("--lang=") => {
                lang = match &a[7..] {
                    "ja" => Lang::Ja,
                    "en" => Lang::En,
                    _ => return Err("--lang takes ja or en".into()),
                };
            }
            a => rest.push(a.to_string()),
        }
        i += 1;
    }
    let catalog = Catalog::load(lang);
    match cmd.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            let info = hoken_check::rules_info();
            println!(
                "hoken-check {} (rules {}, {})",
                env!("CARGO_PKG_VERSION"),
                info.rules_version,
                info.data_hash
            );
            Ok(ExitCode::SUCCESS)
        }
        "assess" | "missing-fields" => {
            if let Some(extra) = rest.first() {
                return Err(format!(
                    "unexpected argument {extra:?} (input is read from standard input)"
                ));
            }
            let input = read_stdin()?;
            let guide = cmd == "missing-fields";
            let (out, failed, total) = process(&input, &catalog, guide);
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(out.as_bytes())
                .map_err(|e| e.to_string())?;
            if failed > 0 {
                eprintln!("hoken-check: {failed} of {total} record(s) failed; see the error records in the output");
                Ok(ExitCode::from(1))
            } else {
                Ok(ExitCode::SUCCESS)
            }
        }
        "parse-date" => {
            let [text] = rest.as_slice() else {
                return Err("parse-date takes exactly one argument, the date text".into());
            };
            match hoken_check::parse_date(text) {
                Ok(p) => {
                    println!("{}", hoken_check::dates::format_iso(p.date));
                    for w in &p.warnings {
                        let v = serde_json::to_value(w).unwrap_or(Value::Null);
                        let code = v.get("code").and_then(Value::as_str).unwrap_or("warning");
                        eprintln!(
                            "warning: {code}: {}",
                            catalog.render(&format!("warning.{code}"), None)
                        );
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    let msg = if lang == Lang::Ja {
                        e.message_ja()
                    } else {
                        e.message_en()
                    };
                    eprintln!("error: {}: {msg}", e.code());
                    Ok(ExitCode::from(1))
                }
            }
        }
        "rules" => {
            let v = serde_json::to_string_pretty(&hoken_check::rules_info())
                .map_err(|e| e.to_string())?;
            println!("{v}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(buf)
}

/// The shape the input came in, kept for the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Object,
    Array,
    Lines,
    Csv,
}

/// Processes the whole input; returns the output text, the number of failed records and the
/// number of records.
fn process(input: &[u8], catalog: &Catalog, guide: bool) -> (String, usize, usize) {
    let text = match std::str::from_utf8(input) {
        Ok(t) => t.trim_start_matches('\u{feff}'),
        Err(_) => {
            let rec = error_value(&InputError::new(ErrorCode::MalformedInput, None), catalog);
            return (format!("{}\n", pretty(&rec)), 1, 1);
        }
    };
    let trimmed = text.trim_start();
    let (shape, records): (Shape, Vec<Result<RawSituation, InputError>>) =
        if trimmed.starts_with('[') {
            match serde_json::from_str::<Vec<RawSituation>>(text) {
                Ok(items) => (Shape::Array, items.into_iter().map(Ok).collect()),
                Err(_) => (
                    Shape::Array,
                    vec![Err(InputError::new(ErrorCode::MalformedInput, None))],
                ),
            }
        } else if trimmed.starts_with('{') {
            match serde_json::from_str::<RawSituation>(text) {
                Ok(one) => (Shape::Object, vec![Ok(one)]),
                Err(_) => (
                    Shape::Lines,
                    text.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(|l| {
                            serde_json::from_str::<RawSituation>(l)
                                .map_err(|_| InputError::new(ErrorCode::MalformedInput, None))
                        })
                        .collect(),
                ),
            }
        } else if trimmed.is_empty() {
            (Shape::Lines, Vec::new())
        } else {
            (Shape::Csv, read_csv(text))
        };

    let total = records.len();
    let mut failed = 0;
    let mut outputs: Vec<Result<Value, Value>> = Vec::with_capacity(total);
    for rec in records {
        let result = rec.and_then(|raw| {
            if guide {
                hoken_check::missing_fields(&raw)
                    .map(|m| serde_json::to_value(m).unwrap_or(Value::Null))
            } else {
                assess_raw(&raw).map(|a| {
                    let mut v = serde_json::to_value(&a).unwrap_or(Value::Null);
                    catalog.annotate(&mut v);
                    v
                })
            }
        });
        match result {
            Ok(v) => outputs.push(Ok(v)),
            Err(e) => {
                failed += 1;
                outputs.push(Err(error_value(&e, catalog)));
            }
        }
    }
    let either = |r: Result<Value, Value>| r.unwrap_or_else(|e| e);
    let out = match shape {
        Shape::Object => outputs
            .into_iter()
            .next()
            .map(either)
            .map(|v| format!("{}\n", pretty(&v)))
            .unwrap_or_default(),
        Shape::Array => {
            let items: Vec<Value> = outputs.into_iter().map(either).collect();
            format!("{}\n", pretty(&Value::Array(items)))
        }
        Shape::Lines => outputs
            .into_iter()
            .map(|r| {
                format!(
                    "{}\n",
                    serde_json::to_string(&either(r)).unwrap_or_default()
                )
            })
            .collect(),
        Shape::Csv => write_csv(&outputs, guide),
    };
    (out, failed, total)
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn error_value(e: &InputError, catalog: &Catalog) -> Value {
    let key = format!("error.{}", e.code.as_str());
    let params = e.field.as_ref().map(|f| {
        let mut m = serde_json::Map::new();
        m.insert("field".into(), Value::String(f.clone()));
        m
    });
    let message = if catalog.get(&key).is_some() {
        catalog.render(&key, params.as_ref())
    } else {
        e.message_en.clone()
    };
    json!({ "error": { "code": e.code, "field": e.field, "message": message,
                       "messageJa": e.message_ja, "messageEn": e.message_en } })
}

fn read_csv(text: &str) -> Vec<Result<RawSituation, InputError>> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(_) => return vec![Err(InputError::new(ErrorCode::MalformedInput, None))],
    };
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for row in rdr.records() {
        out.push(match row {
            Ok(r) if r.len() > header_refs.len() => {
                Err(InputError::new(ErrorCode::MalformedInput, None))
            }
            Ok(r) => {
                let cells: Vec<&str> = r.iter().collect();
                Ok(RawSituation::from_csv_row(&header_refs, &cells))
            }
            Err(_) => Err(InputError::new(ErrorCode::MalformedInput, None)),
        });
    }
    out
}

const SUMMARY_COLUMNS: &[&str] = &[
    "oldCardValid",
    "oldCardValidUntil",
    "oldCardProvisionalAcceptance",
    "mynahokenshoUsable",
    "mynahokenshoUsableUntil",
    "kakuninshoValid",
    "kakuninshoRoute",
    "documentsToShow",
    "copay",
    "fullCostRisk",
];

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    }
}

fn write_csv(outputs: &[Result<Value, Value>], guide: bool) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = if guide {
        vec!["fields", "complete"]
    } else {
        SUMMARY_COLUMNS.to_vec()
    };
    if !guide {
        header.extend(["certainty", "warnings"]);
    }
    header.extend(["errorCode", "errorField", "errorMessage"]);
    let _ = w.write_record(&header);
    for o in outputs {
        let row: Vec<String> = match o {
            Ok(v) => {
                let mut row: Vec<String> = if guide {
                    vec![cell(v.get("fields")), cell(v.get("complete"))]
                } else {
                    let s = v.get("summary");
                    let mut r: Vec<String> = SUMMARY_COLUMNS
                        .iter()
                        .map(|c| cell(s.and_then(|s| s.get(*c))))
                        .collect();
                    r.push(cell(v.get("certainty")));
                    let codes: Vec<Value> = v
                        .get("warnings")
                        .and_then(Value::as_array)
                        .map(|ws| ws.iter().filter_map(|w| w.get("code").cloned()).collect())
                        .unwrap_or_default();
                    r.push(cell(Some(&Value::Array(codes))));
                    r
                };
                row.extend([String::new(), String::new(), String::new()]);
                row
            }
            Err(e) => {
                let err = e.get("error");
                let mut row = vec![String::new(); header.len() - 3];
                row.push(cell(err.and_then(|e| e.get("code"))));
                row.push(cell(err.and_then(|e| e.get("field"))));
                row.push(cell(err.and_then(|e| e.get("message"))));
                row
            }
        };
        let _ = w.write_record(&row);
    }
    w.into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}
