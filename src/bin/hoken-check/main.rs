//! `hoken-check` — the native command-line interface to the rules engine (see `cli.rs`).
//! It is native only: on wasm32 (when `cargo test --target wasm32-unknown-unknown` builds
//! every target) it compiles to an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod errors;
#[cfg(not(target_arch = "wasm32"))]
mod render;
#[cfg(not(target_arch = "wasm32"))]
mod stream;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
