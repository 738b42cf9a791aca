//! The native command-line interface to the rules engine.
//!
//! ```text
//! hoken-check assess [OPTIONS] < situations   (one JSON object, a JSON array, JSON Lines, or CSV)
//! hoken-check missing-fields [OPTIONS] < situations
//! hoken-check parse-date '令和7年12月1日'      (prints 2025-12-01 and any warning)
//! hoken-check rules                            (rules version, data hash, rules and sources)
//! hoken-check errors [--markdown | --examples DIR]   (the error catalogue)
//! ```
//! One record in gives exactly one record out, in the same shape and order; a bad record gives
//! an error record in its place. Exit status: 0 every record passed; 1 some record failed, or
//! the input was empty / had no readable header; 2 the command line is wrong; 3 reading the
//! input or writing the output failed. A closed output pipe (`| head`) ends the run quietly
//! with status 0.
//!
//! Arguments are read as bytes: an argument that is not UTF-8 is a coded error
//! (`invalidArgument`, exit 2), never a panic, and no argument value is ever echoed.

use crate::render::{Catalog, Lang};
use crate::stream::{self, OutputChoice, StreamError};
use hoken_check::batch::TextEncoding;
use hoken_check::ErrorCode;
use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

const USAGE: &str = "\
hoken-check — can I still see a doctor with what I have?

Usage:
  hoken-check assess [OPTIONS] < INPUT
      INPUT: one Situation JSON object, a JSON array of them, JSON Lines, or CSV with a
      header row of Situation field names (or the Japanese aliases of docs/cli.md).
      Output has the same shape and order (CSV in → CSV out with the summary columns).
      Streams: memory stays flat however many rows.
  hoken-check missing-fields [OPTIONS] < INPUT
      Which unanswered fields would change the answer.
  hoken-check parse-date TEXT
      A date as printed on a card (令和7年12月1日, R7.12.1, ２０２５／１２／０１ …) → YYYY-MM-DD.
  hoken-check rules
      Rules version, data hash, every rule with its sources, every dated parameter.
  hoken-check errors [--markdown | --examples DIR]
      Every error code with its messages and an example input (docs/errors.md).
  hoken-check --help | --version

Options of assess / missing-fields:
  --lang ja|en           language of messages (default ja)
  --threads N            worker threads (default: all cores); output order is kept
  --full                 full Assessments as JSON (JSON Lines for CSV input)
  --output csv|json      force CSV summary rows, or full JSON
  --encoding utf-8|shift_jis   CSV encoding (default: detected; UTF-8 with or without BOM)
  --line-offset N        add N to every reported line number (for parts of a split file)
  --no-progress          no progress line on standard error (shown only on a terminal)
  --pack FILE            an insurer pack (docs/packs.md): the facts only the insurer knows;
                         a record of another insurer kind or 後期 region is an error record
  --ignore-unknown-columns   skip CSV columns that are not Situation fields (氏名, 住所 …)
                         instead of an unknownField error on every row

Exit status: 0 all records passed, 1 some record failed or the input was empty,
2 wrong command line, 3 input or output failed.
Not legal advice. Check with your insurer or municipality when in doubt.
";

/// A command-line problem: a stable code and a message that never echoes an argument.
struct Usage {
    code: &'static str,
    message: &'static str,
}

const fn usage(code: &'static str, message: &'static str) -> Usage {
    Usage { code, message }
}

/// Runs the CLI with the process arguments.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(u) => {
            let mut err = io::stderr().lock();
            let _ = writeln!(
                err,
                "hoken-check: {}: {}\n(hoken-check --help shows the usage)",
                u.code, u.message
            );
            ExitCode::from(2)
        }
    }
}

/// Arguments as UTF-8, or `invalidArgument` (without echoing the bytes).
fn utf8_args(args: &[OsString]) -> Result<Vec<&str>, Usage> {
    args.iter()
        .map(|a| {
            a.to_str().ok_or(usage(
                "invalidArgument",
                "an argument is not valid UTF-8 text",
            ))
        })
        .collect()
}

struct Parsed<'a> {
    lang: Lang,
    threads: usize,
    output: OutputChoice,
    encoding: Option<TextEncoding>,
    line_offset: u64,
    progress: bool,
    ignore_unknown: bool,
    markdown: bool,
    examples: Option<&'a str>,
    pack: Option<&'a str>,
    rest: Vec<&'a str>,
}

fn parse_options<'a>(args: &[&'a str]) -> Result<Parsed<'a>, Usage> {
    let mut p = Parsed {
        lang: Lang::Ja,
        threads: std::thread::available_parallelism().map_or(1, usize::from),
        output: OutputChoice::Auto,
        encoding: None,
        line_offset: 0,
        progress: true,
        ignore_unknown: false,
        markdown: false,
        examples: None,
        pack: None,
        rest: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i];
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v)),
            _ => (a, None),
        };
        let mut value = |what: &'static str| -> Result<&'a str, Usage> {
            if let Some(v) = inline {
                return Ok(v);
            }
            i += 1;
            args.get(i).copied().ok_or(usage("usage", what))
        };
        match name {
            "--lang" => {
                p.lang = match value("--lang takes ja or en")? {
                    "ja" => Lang::Ja,
                    "en" => Lang::En,
                    _ => return Err(usage("invalidArgument", "--lang takes ja or en")),
                }
            }
            "--threads" => {
                p.threads = value("--threads takes a number")?
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=256).contains(n))
                    .ok_or(usage(
                        "invalidArgument",
                        "--threads takes a number from 1 to 256",
                    ))?
            }
            "--full" => p.output = OutputChoice::Json,
            "--output" => {
                p.output = match value("--output takes csv or json")? {
                    "csv" => OutputChoice::Csv,
                    "json" => OutputChoice::Json,
                    _ => return Err(usage("invalidArgument", "--output takes csv or json")),
                }
            }
            "--encoding" => {
                p.encoding = Some(
                    TextEncoding::parse(value("--encoding takes utf-8 or shift_jis")?).ok_or(
                        usage("invalidArgument", "--encoding takes utf-8 or shift_jis"),
                    )?,
                )
            }
            "--line-offset" => {
                p.line_offset = value("--line-offset takes a number")?
                    .parse::<u64>()
                    .map_err(|_| usage("invalidArgument", "--line-offset takes a number"))?
            }
            "--no-progress" => p.progress = false,
            "--ignore-unknown-columns" => p.ignore_unknown = true,
            "--markdown" => p.markdown = true,
            "--examples" => p.examples = Some(value("--examples takes a directory")?),
            "--pack" => p.pack = Some(value("--pack takes the path of an insurer pack file")?),
            _ if name.starts_with("--") => {
                return Err(usage("usage", "unknown option (see hoken-check --help)"))
            }
            _ => p.rest.push(a),
        }
        i += 1;
    }
    Ok(p)
}

fn run(args: &[OsString]) -> Result<ExitCode, Usage> {
    let args = utf8_args(args)?;
    let Some((&cmd, rest)) = args.split_first() else {
        return Err(usage("usage", "no command given"));
    };
    let out = |text: &str| -> ExitCode {
        let mut o = io::stdout().lock();
        match o.write_all(text.as_bytes()).and_then(|()| o.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => write_failed(&e),
        }
    };
    match cmd {
        "-h" | "--help" | "help" => Ok(out(USAGE)),
        "-V" | "--version" => {
            let info = hoken_check::rules_info();
            Ok(out(&format!(
                "hoken-check {} (rules {}, {})\n",
                env!("CARGO_PKG_VERSION"),
                info.rules_version,
                info.data_hash
            )))
        }
        "assess" | "missing-fields" => {
            let p = parse_options(rest)?;
            if !p.rest.is_empty() {
                return Err(usage(
                    "usage",
                    "unexpected argument (input is read from standard input)",
                ));
            }
            let pack = match p.pack {
                None => None,
                Some(_) if cmd == "missing-fields" => {
                    return Err(usage("usage", "--pack is an option of assess only"))
                }
                Some(path) => match read_pack(path, p.lang) {
                    Ok(pack) => Some(pack),
                    Err(code) => return Ok(code),
                },
            };
            let catalog = Catalog::load(p.lang);
            let opts = stream::Options {
                threads: p.threads,
                output: p.output,
                encoding: p.encoding,
                line_offset: p.line_offset,
                guide: cmd == "missing-fields",
                progress: p.progress,
                ignore_unknown_columns: p.ignore_unknown,
                pack,
            };
            let stdin = io::stdin().lock();
            // Written from the writer thread: `Stdout` (not its lock) is Send.
            let stdout = io::BufWriter::with_capacity(256 * 1024, io::stdout());
            Ok(finish_stream(
                stream::run(stdin, stdout, &opts, &catalog),
                &catalog,
            ))
        }
        "parse-date" => {
            let p = parse_options(rest)?;
            let [text] = p.rest.as_slice() else {
                return Err(usage(
                    "usage",
                    "parse-date takes exactly one argument, the date text",
                ));
            };
            let catalog = Catalog::load(p.lang);
            Ok(parse_date(text, p.lang, &catalog, out))
        }
        "rules" => {
            let v = serde_json::to_string_pretty(&hoken_check::rules_info()).unwrap_or_default();
            Ok(out(&format!("{v}\n")))
        }
        "errors" => {
            let p = parse_options(rest)?;
            if let Some(dir) = p.examples {
                return Ok(match crate::errors::write_examples(dir) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln_quiet(&format!(
                            "hoken-check: writeError: cannot write the examples: {}",
                            e.kind()
                        ));
                        ExitCode::from(3)
                    }
                });
            }
            if p.markdown {
                Ok(out(&crate::errors::markdown()))
            } else {
                Ok(out(&crate::errors::json()))
            }
        }
        _ => Err(usage("usage", "unknown command (see hoken-check --help)")),
    }
}

fn parse_date(
    text: &str,
    lang: Lang,
    catalog: &Catalog,
    out: impl Fn(&str) -> ExitCode,
) -> ExitCode {
    match hoken_check::parse_date(text) {
        Ok(p) => {
            let code = out(&format!("{}\n", hoken_check::dates::format_iso(p.date)));
            for w in &p.warnings {
                let key = format!("warning.{}", w.code());
                eprintln_quiet(&format!(
                    "warning: {}: {}",
                    w.code(),
                    catalog.render(&key, None)
                ));
            }
            code
        }
        Err(e) => {
            let msg = if lang == Lang::Ja {
                e.message_ja()
            } else {
                e.message_en()
            };
            eprintln_quiet(&format!("error: {}: {msg}", e.code()));
            ExitCode::from(1)
        }
    }
}

/// Reads and validates the `--pack` file. A pack that cannot be read or is not valid ends the
/// run before any record (exit 2, `invalidPack`): the message names the pack's error code and
/// the path in the pack, never a value.
fn read_pack(path: &str, lang: Lang) -> Result<hoken_check::Pack, ExitCode> {
    use std::io::Read as _;
    let limit = hoken_check::pack::MAX_PACK_BYTES as u64 + 1;
    let mut text = String::new();
    let read =
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_string(&mut text).map(|_| ()));
    if let Err(e) = read {
        eprintln_quiet(&format!(
            "hoken-check: invalidPack: the --pack file cannot be read as UTF-8 text ({})",
            e.kind()
        ));
        return Err(ExitCode::from(2));
    }
    hoken_check::parse_pack(&text).map_err(|e| {
        let msg = if lang == Lang::Ja {
            &e.message_ja
        } else {
            &e.message_en
        };
        let at = if e.path.is_empty() {
            "(the whole pack)"
        } else {
            &e.path
        };
        eprintln_quiet(&format!(
            "hoken-check: invalidPack: {} at {at}: {msg}",
            e.code.as_str()
        ));
        ExitCode::from(2)
    })
}

/// Writes to standard error, ignoring a failure (nowhere left to report it).
fn eprintln_quiet(s: &str) {
    let _ = writeln!(io::stderr().lock(), "{s}");
}

/// A failed write: quiet for a closed pipe (status 0), a clear message otherwise (status 3).
fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln_quiet(&format!(
        "hoken-check: writeError: cannot write the output: {e}"
    ));
    ExitCode::from(3)
}

fn finish_stream(res: Result<stream::Stats, StreamError>, catalog: &Catalog) -> ExitCode {
    let coded = |code: ErrorCode| {
        let msg = catalog.render(&format!("error.{}", code.as_str()), None);
        eprintln_quiet(&format!("hoken-check: {}: {msg}", code.as_str()));
    };
    match res {
        Ok(s) if s.failed > 0 => {
            eprintln_quiet(&format!(
                "hoken-check: {} of {} record(s) failed; see the error records in the output",
                s.failed, s.records
            ));
            ExitCode::from(1)
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(StreamError::Empty) => {
            coded(ErrorCode::EmptyInput);
            ExitCode::from(1)
        }
        Err(StreamError::BadHeader(code)) => {
            coded(code);
            eprintln_quiet(
                "hoken-check: the CSV header row could not be read; no record was assessed",
            );
            ExitCode::from(1)
        }
        Err(StreamError::Read(e)) => {
            eprintln_quiet(&format!(
                "hoken-check: readError: cannot read standard input: {e}"
            ));
            ExitCode::from(3)
        }
        Err(StreamError::Write(e)) => write_failed(&e),
    }
}
