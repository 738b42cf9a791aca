//! What the CLI test files share: running the built `hoken-check` binary.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

/// The CLI binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_hoken-check");

/// Runs the CLI with `args` and `stdin`; returns (exit status, stdout, stderr). Standard input
/// is fed from another thread: the CLI streams, so it writes while it still reads, and it may
/// exit before reading (usage errors) — a broken pipe is fine.
pub fn run<S: AsRef<[u8]> + ?Sized>(args: &[&str], stdin: &S) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the CLI");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.as_ref().to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("CLI finishes");
    let _ = feeder.join();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
