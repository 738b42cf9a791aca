//! The error catalogue, generated from the code: every record error code
//! ([`ErrorCode::ALL`]), every `parse-date` error code, the page's small module's
//! `packsNotInThisBuild`, the command-line codes and exit statuses — each with its messages and an example input that produces it.
//!
//! `hoken-check errors --markdown > docs/errors.md` writes the document (a test regenerates
//! and compares it); `hoken-check errors --examples DIR` writes every example input to
//! `DIR/<code>.in` so a test can feed each to the CLI and see its code come out.

use hoken_check::dates::DateError;
use hoken_check::{ErrorCode, PackError, PackErrorCode};
use serde_json::json;
use std::fmt::Write as _;

/// How an example is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// `hoken-check assess` with the example on standard input.
    Assess,
    /// `hoken-check parse-date <example>`.
    ParseDate,
}

/// An example input for a code.
pub struct Example {
    /// How to run it.
    pub via: Via,
    /// The exact bytes.
    pub input: Vec<u8>,
    /// How the docs show it.
    pub shown: String,
}

fn ex(via: Via, s: &str) -> Example {
    Example {
        via,
        input: s.as_bytes().to_vec(),
        shown: if s.is_empty() {
            "(nothing: zero bytes)".into()
        } else {
            s.replace('\n', "⏎")
        },
    }
}

/// The insurer pack the `packNotForRecord` example is run with (`--pack`, from the repo root).
pub const EXAMPLE_PACK: &str = "packs/kokuho-shibuya.json";

/// The example input that produces `code` (exhaustive: a new code needs an example).
pub fn example(code: ErrorCode) -> Example {
    use Via::Assess;
    match code {
        ErrorCode::MalformedInput => ex(Assess, "{\"asOf\": \"2026-01-01\",}"),
        ErrorCode::NotAnObject => ex(Assess, "[5]"),
        ErrorCode::UnknownField => ex(
            Assess,
            "{\"asOf\":\"2026-01-01\",\"favouriteColour\":\"blue\"}",
        ),
        ErrorCode::DuplicateField => {
            ex(Assess, "{\"asOf\":\"2026-01-01\",\"asOf\":\"2026-01-02\"}")
        }
        ErrorCode::MissingField => ex(Assess, "{\"insurerKind\":\"kokuho\"}"),
        ErrorCode::WrongType => ex(Assess, "{\"asOf\":20260101}"),
        ErrorCode::UnknownValue => ex(Assess, "{\"asOf\":\"2026-01-01\",\"situation\":\"party\"}"),
        ErrorCode::MalformedDate => ex(Assess, "{\"asOf\":\"2026/01/01\"}"),
        ErrorCode::ImpossibleDate => ex(Assess, "{\"asOf\":\"2025-02-30\"}"),
        ErrorCode::OutOfRange => ex(Assess, "{\"asOf\":\"9999-12-31\"}"),
        ErrorCode::TooLarge => Example {
            via: Assess,
            input: format!(
                "{{\"asOf\":\"2026-01-01\",\"insurerKind\":\"{}\"}}",
                "x".repeat(300)
            )
            .into_bytes(),
            shown: "{\"asOf\":\"2026-01-01\",\"insurerKind\":\"xxx…(300 characters)\"}".into(),
        },
        ErrorCode::EmptyInput => ex(Assess, ""),
        ErrorCode::UnbalancedQuote => ex(
            Assess,
            "asOf,insurerKind\n2026-01-01,\"kokuho\n2026-01-01,kokuho\n",
        ),
        ErrorCode::WrongColumnCount => ex(Assess, "asOf,insurerKind\n2026-01-01,kokuho,extra\n"),
        ErrorCode::PackNotForRecord => Example {
            via: Assess,
            input: b"{\"asOf\":\"2026-01-01\",\"insurerKind\":\"kyokaiKenpo\"}".to_vec(),
            shown: format!(
                "{{\"asOf\":\"2026-01-01\",\"insurerKind\":\"kyokaiKenpo\"}} with `--pack {EXAMPLE_PACK}`"
            ),
        },
        ErrorCode::InvalidEncoding => Example {
            via: Assess,
            input: b"asOf,insurerKind\n2026-01-01,koku\xFFho\n".to_vec(),
            shown: "asOf,insurerKind⏎2026-01-01,koku<byte FF>ho".into(),
        },
    }
}

/// Every `parse-date` error, with an example (exhaustive over [`DateError`]).
fn date_errors() -> Vec<(DateError, Example)> {
    let all = [
        DateError::Empty,
        DateError::Malformed,
        DateError::Impossible,
        DateError::UnknownEra,
        DateError::BeforeEraStart,
        DateError::OutOfRange,
    ];
    all.into_iter()
        .map(|e| {
            let s = match e {
                DateError::Empty => " ",
                DateError::Malformed => "12月",
                DateError::Impossible => "令和7年2月30日",
                DateError::UnknownEra => "光文3年1月1日",
                DateError::BeforeEraStart => "令和1年4月30日",
                DateError::OutOfRange => "1867-12-31",
            };
            (e, ex(Via::ParseDate, s))
        })
        .collect()
}

/// Command-line codes (stderr, no record): code, exit status, meaning, example.
const CLI_CODES: &[(&str, u8, &str, &str)] = &[
    ("usage", 2, "unknown command or option, missing option value", "hoken-check frobnicate"),
    ("invalidArgument", 2, "an argument that is not UTF-8, or an option value out of its set; the argument is never echoed", "hoken-check parse-date $'\\xff\\xfe'"),
    ("invalidPack", 2, "the `--pack` file cannot be read or is not a valid insurer pack: the message names the pack's error code (docs/packs.md) and the path in the pack", "hoken-check assess --pack broken.json < in.csv"),
    ("readError", 3, "standard input could not be read", "hoken-check assess < /a/directory"),
    ("writeError", 3, "the output could not be written (disk full …); a closed pipe (`| head -1`) is not an error: the run ends quietly with status 0", "hoken-check assess < in.csv > /dev/full"),
];

fn names_field(code: ErrorCode) -> bool {
    code.templates().0.contains("{field}")
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The catalogue as Markdown (`docs/errors.md`).
pub fn markdown() -> String {
    let mut s = String::new();
    s.push_str("# Error catalogue\n\n");
    s.push_str("Generated by `hoken-check errors --markdown` from the code (`src/error.rs`,\n");
    s.push_str("`src/dates.rs`, `src/bin/hoken-check/errors.rs`); do not edit by hand. A test\n");
    s.push_str(
        "regenerates this file and compares it, and runs every example through the CLI.\n\n",
    );
    s.push_str("## Record errors\n\n");
    s.push_str(
        "One bad record gives one error record in its place (JSON: `{\"error\": {code, field,\n",
    );
    s.push_str("line, message, messageJa, messageEn}}`; CSV: the `errorCode`, `errorField`,\n");
    s.push_str(
        "`errorMessage` columns). `field` names a contract field; an unknown field name is\n",
    );
    s.push_str("never echoed but given as `#<position>:<FNV-1a 32-bit hash, 8 hex digits>`. The\n");
    s.push_str("messages are the catalog texts `error.<code>` of `locales/ja.json` / `en.json`\n");
    s.push_str(
        "(`locales/ja-easy.json` has the やさしい日本語 version). `emptyInput` is reported on\n",
    );
    s.push_str("standard error (no record exists to replace), exit status 1.\n\n");
    s.push_str("| code | field | 日本語 | English | example input (`hoken-check assess`) |\n");
    s.push_str("|---|---|---|---|---|\n");
    for &code in ErrorCode::ALL {
        let (ja, en) = code.templates();
        let e = example(code);
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | `{}` |",
            code.as_str(),
            if names_field(code) { "yes" } else { "—" },
            md_escape(ja),
            md_escape(en),
            md_escape(&e.shown)
        );
    }
    s.push_str("\n## `parse-date` errors\n\n");
    s.push_str(
        "`hoken-check parse-date TEXT` prints `error: <code>: <message>` on standard error,\n",
    );
    s.push_str("exit status 1. The text is never echoed.\n\n");
    s.push_str("| code | 日本語 | English | example |\n|---|---|---|---|\n");
    for (e, x) in date_errors() {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | `{}` |",
            e.code(),
            md_escape(e.message_ja()),
            md_escape(e.message_en()),
            md_escape(&x.shown)
        );
    }
    s.push_str("\n## The page's small WebAssembly module\n\n");
    s.push_str(
        "The page and `<hoken-check>` load a build of the engine without the insurer pack reader\n",
    );
    s.push_str("(`www/pkg/`, cargo `--no-default-features`; docs/perf.md) and the full build\n");
    s.push_str(
        "(`www/pkg-pack/`) only when a pack is used. Given a pack anyway (`setPack`, `{ pack }`),\n",
    );
    s.push_str(
        "the small build throws a `HokenCheckError` with this code (a pack error: `field` is\n",
    );
    s.push_str("null). The CLI and the npm package always have the reader.\n\n");
    s.push_str("| code | 日本語 | English |\n|---|---|---|\n");
    let e = PackError::new(PackErrorCode::PacksNotInThisBuild, "");
    let _ = writeln!(
        s,
        "| `{}` | {} | {} |",
        e.code.as_str(),
        md_escape(&e.message_ja),
        md_escape(&e.message_en)
    );
    s.push_str("\n## Command-line errors and exit statuses\n\n");
    s.push_str(
        "Printed as `hoken-check: <code>: <message>` on standard error. Exit status 0: every\n",
    );
    s.push_str("record passed; 1: some record failed (the output holds its error record), the\n");
    s.push_str("input was empty, or the CSV header row could not be read.\n\n");
    s.push_str("| code | exit | meaning | example |\n|---|---|---|---|\n");
    for (code, exit, meaning, example) in CLI_CODES {
        let _ = writeln!(
            s,
            "| `{code}` | {exit} | {} | `{}` |",
            md_escape(meaning),
            md_escape(example)
        );
    }
    s
}

/// The catalogue as JSON (codes, messages, examples).
pub fn json() -> String {
    let records: Vec<_> = ErrorCode::ALL
        .iter()
        .map(|&c| {
            let (ja, en) = c.templates();
            json!({ "code": c, "field": names_field(c), "messageJa": ja, "messageEn": en,
                    "example": example(c).shown })
        })
        .collect();
    let dates: Vec<_> = date_errors()
        .into_iter()
        .map(|(e, x)| {
            json!({ "code": e.code(), "messageJa": e.message_ja(), "messageEn": e.message_en(),
                    "example": x.shown })
        })
        .collect();
    let cli: Vec<_> = CLI_CODES
        .iter()
        .map(|(c, exit, m, x)| json!({ "code": c, "exit": exit, "meaning": m, "example": x }))
        .collect();
    let v = json!({ "record": records, "parseDate": dates, "cli": cli });
    format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
}

/// Writes `DIR/<code>.in` (assess) and `DIR/<code>.date` (parse-date) for every example.
///
/// # Errors
/// File-system errors.
pub fn write_examples(dir: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for &c in ErrorCode::ALL {
        let e = example(c);
        debug_assert_eq!(e.via, Via::Assess);
        std::fs::write(format!("{dir}/{}.in", c.as_str()), &e.input)?;
    }
    for (e, x) in date_errors() {
        std::fs::write(format!("{dir}/{}.date", e.code()), &x.input)?;
    }
    Ok(())
}
