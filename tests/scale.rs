#![cfg(not(target_arch = "wasm32"))]
//! The CLI at scale (issues 10 and 11), run by the `cli-scale` stage of scripts/test.sh with
//! the optimised binary (`cargo build --release`, which scripts/build.sh runs; `HOKEN_CHECK_BIN` names it):
//!
//! * 1,000,000 CSV rows with 1,000 scattered bad rows (stray quotes, bad UTF-8 bytes, wrong
//!   column counts, formula cells) give exactly 1,000,000 rows out, every error on its line;
//! * peak memory (`/usr/bin/time -v`) at 1,000,000 rows is within 2× of that at 10,000;
//! * splitting 100,000 rows into 4 parts, running 4 processes and concatenating equals one run.
//!
//! `#[ignore]`d in the ordinary `cargo test` (a debug binary would take minutes); run with
//! `cargo test --test scale -- --ignored`.

use hoken_check::situation::InsurerKind;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> String {
    std::env::var("HOKEN_CHECK_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_hoken-check").into())
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("hoken-check-scale-{}-{name}", std::process::id()))
}

const HEADER: &str = "memberId,asOf,insurerKind,birthDate,oldCardHeld,hasMyNumberCard,ecertExpiry,registeredForInsurance,documentsPresented\n";

/// What a bad row is expected to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bad {
    StrayQuote,
    InvalidByte,
    WrongColumns,
    Formula,
}

fn bad_kind(i: usize) -> Option<Bad> {
    (i % 1000 == 500).then_some(match (i / 1000) % 4 {
        0 => Bad::StrayQuote,
        1 => Bad::InvalidByte,
        2 => Bad::WrongColumns,
        _ => Bad::Formula,
    })
}

/// Row `i` (0-based): a good row, or a bad one every 1,000 rows.
fn write_row(w: &mut impl Write, i: usize, with_bad: bool) {
    let good = || {
        format!(
            "{i},2026-{:02}-{:02},{},{}-{:02}-{:02},{},{},{}-0{}-15,{},{}\n",
            1 + i % 12,
            1 + i % 28,
            {
                let kinds = InsurerKind::ALL;
                kinds[i % kinds.len()].as_str()
            },
            1940 + i % 70,
            1 + i % 12,
            1 + (i * 7) % 28,
            i % 3 != 0,
            i % 2 == 1,
            2026 + i % 5,
            1 + i % 9,
            i % 4 != 0,
            if i % 5 == 0 { "oldCard" } else { "" }
        )
    };
    let row: Vec<u8> = match bad_kind(i).filter(|_| with_bad) {
        None => good().into_bytes(),
        Some(Bad::StrayQuote) => format!("{i},2026-01-01,\"kokuho,1950-01-01,true,false,,false,\n").into_bytes(),
        Some(Bad::InvalidByte) => {
            let mut v = format!("{i},2026-01-01,koku").into_bytes();
            v.extend_from_slice(b"\xff\xfeho,1950-01-01,true,false,,false,\n");
            v
        }
        Some(Bad::WrongColumns) => good().replace('\n', ",extra\n").into_bytes(),
        Some(Bad::Formula) => format!(
            "{i},\"=HYPERLINK(\"\"http://evil.example/\"\")\",kokuho,1950-01-01,true,false,,false,\n"
        )
        .into_bytes(),
    };
    w.write_all(&row).expect("write input");
}

fn make_input(path: &Path, rows: usize, with_bad: bool) {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).expect("create input"));
    w.write_all(HEADER.as_bytes()).expect("write");
    for i in 0..rows {
        write_row(&mut w, i, with_bad);
    }
    w.flush().expect("flush");
}

/// Runs `assess` on `input` into `output` under `/usr/bin/time -v`; returns the exit status
/// and the peak RSS in KB.
fn run_timed(input: &Path, output: &Path, args: &[&str]) -> (i32, u64) {
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(bin())
        .arg("assess")
        .args(args)
        .stdin(std::fs::File::open(input).expect("input"))
        .stdout(std::fs::File::create(output).expect("output"))
        .stderr(Stdio::piped())
        .output()
        .expect("/usr/bin/time (GNU time; scripts/setup.sh installs it)");
    let err = String::from_utf8_lossy(&out.stderr);
    let rss = err
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok())
        .expect("peak RSS in /usr/bin/time -v output");
    let status = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("Exit status: "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(-1);
    (status, rss)
}

#[test]
#[ignore = "1M rows: run by the cli-scale stage with the optimised binary"]
fn a_million_rows_with_a_thousand_bad_ones_give_a_million_rows_with_errors_on_their_lines() {
    let (input, output) = (tmp("1m.csv"), tmp("1m.out.csv"));
    make_input(&input, 1_000_000, true);
    let (status, rss) = run_timed(&input, &output, &["--threads", "2", "--lang", "en"]);
    assert_eq!(status, 1, "some rows failed");
    eprintln!("1,000,000 rows with 1,000 bad: peak RSS {rss} KB");

    let rdr = BufReader::new(std::fs::File::open(&output).expect("output"));
    let mut lines = rdr.lines();
    let header = lines.next().expect("header").expect("utf8");
    let cols: Vec<&str> = header.split(',').collect();
    let at = |n: &str| cols.iter().position(|c| *c == n).expect(n);
    let (c_line, c_id, c_code) = (at("line"), at("id"), at("errorCode"));
    let mut n = 0usize;
    let mut errors = 0usize;
    for (i, l) in lines.enumerate() {
        let l = l.expect("output is UTF-8");
        // No cell of this data holds a comma or a quote, so a split is exact except for the
        // quoted message cell at the end (not needed here).
        let cells: Vec<&str> = l.split(',').collect();
        assert_eq!(cells[c_line], (i + 2).to_string(), "row {i}: its line");
        assert!(
            !l.contains("HYPERLINK") && !l.contains("evil"),
            "row {i} echoes input"
        );
        let code = cells[c_code];
        match bad_kind(i) {
            None => {
                assert_eq!(code, "", "row {i}: a good row");
                assert_eq!(cells[c_id], i.to_string(), "row {i}: id in place");
            }
            Some(kind) => {
                errors += 1;
                let want = match kind {
                    Bad::StrayQuote => "unbalancedQuote",
                    Bad::InvalidByte => "invalidEncoding",
                    Bad::WrongColumns => "wrongColumnCount",
                    Bad::Formula => "malformedDate",
                };
                assert_eq!(code, want, "row {i} ({kind:?})");
            }
        }
        n += 1;
    }
    assert_eq!(n, 1_000_000, "rows in = rows out");
    assert_eq!(errors, 1_000);
    let _ = std::fs::remove_file(&input);
    let _ = std::fs::remove_file(&output);
}

#[test]
#[ignore = "1M rows: run by the cli-scale stage with the optimised binary"]
fn peak_memory_at_a_million_rows_is_within_twice_that_at_ten_thousand() {
    let (small, big, out) = (tmp("10k.csv"), tmp("1m-good.csv"), tmp("mem.out"));
    make_input(&small, 10_000, false);
    make_input(&big, 1_000_000, false);
    let (s1, rss_small) = run_timed(&small, &out, &["--threads", "2"]);
    let (s2, rss_big) = run_timed(&big, &out, &["--threads", "2"]);
    assert_eq!((s1, s2), (0, 0));
    eprintln!("peak RSS: 10,000 rows {rss_small} KB, 1,000,000 rows {rss_big} KB");
    assert!(
        rss_big <= 2 * rss_small,
        "memory grows with rows: {rss_small} KB at 10k, {rss_big} KB at 1M"
    );
    for p in [small, big, out] {
        let _ = std::fs::remove_file(p);
    }
}

#[test]
#[ignore = "100k rows × 2: run by the cli-scale stage with the optimised binary"]
fn splitting_into_four_processes_and_concatenating_equals_one_run() {
    let (input, whole) = (tmp("100k.csv"), tmp("100k.out"));
    make_input(&input, 100_000, true);
    let (status, _) = run_timed(&input, &whole, &["--threads", "1"]);
    assert_eq!(status, 1);
    let text = std::fs::read(&input).expect("input");
    let body_start = HEADER.len();
    let body = &text[body_start..];
    // Four parts at line boundaries (25,000 rows each; the bad rows have no quoted line break).
    let mut cuts = vec![0usize];
    let mut seen = 0;
    for (i, b) in body.iter().enumerate() {
        if *b == b'\n' {
            seen += 1;
            if seen % 25_000 == 0 && i + 1 < body.len() {
                cuts.push(i + 1);
            }
        }
    }
    cuts.push(body.len());
    assert_eq!(cuts.len(), 5);
    let mut children = Vec::new();
    for k in 0..4 {
        let part = tmp(&format!("part{k}.csv"));
        let mut f = std::fs::File::create(&part).expect("part");
        f.write_all(HEADER.as_bytes()).expect("write");
        f.write_all(&body[cuts[k]..cuts[k + 1]]).expect("write");
        drop(f);
        // Each part's header is its line 1; line offsets keep the whole file's numbering.
        let offset = (k * 25_000).to_string();
        let child = Command::new(bin())
            .args(["assess", "--threads", "1", "--line-offset", &offset])
            .stdin(std::fs::File::open(&part).expect("part"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start");
        children.push((part, child));
    }
    let mut joined = Vec::new();
    for (k, (part, child)) in children.into_iter().enumerate() {
        let out = child.wait_with_output().expect("part run").stdout;
        let body_at = if k == 0 {
            0
        } else {
            out.iter()
                .position(|b| *b == b'\n')
                .map_or(out.len(), |p| p + 1)
        };
        joined.extend_from_slice(&out[body_at..]);
        let _ = std::fs::remove_file(part);
    }
    let one = std::fs::read(&whole).expect("whole");
    assert!(joined == one, "split + concatenate differs from one run");
    let _ = std::fs::remove_file(&input);
    let _ = std::fs::remove_file(&whole);
}
