# Shared helpers for scripts/*.sh. Source it; do not run it.
# shellcheck shell=bash

# Repo root, whatever directory the caller ran from.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

# cargo-installed tools (wasm-bindgen, wasm-bindgen-test-runner) live here.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

WASM_TARGET=wasm32-unknown-unknown
CRATE_LIB=hoken_check          # lib name -> target/<t>/release/hoken_check.wasm
CRATE_BIN=hoken-check

now_ms() { date +%s%3N; }

# fmt_dur START_MS -> "12.3s"
fmt_dur() {
  local d=$(( $(now_ms) - $1 ))
  printf '%d.%01ds' $(( d / 1000 )) $(( (d % 1000) / 100 ))
}

die() { echo "error: $*" >&2; exit 1; }

# The wasm-bindgen version the build must use: Cargo.lock's entry, else
# Cargo.toml's "=x.y.z" pin. Prints nothing if neither is there.
wasm_bindgen_version() {
  local v=""
  if [[ -f Cargo.lock ]]; then
    v="$(awk '
      /^\[\[package\]\]/ { inpkg = 0 }
      /^name = "wasm-bindgen"$/ { inpkg = 1; next }
      inpkg && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' Cargo.lock)"
  fi
  if [[ -z "$v" && -f Cargo.toml ]]; then
    v="$(sed -nE 's/^[[:space:]]*wasm-bindgen[[:space:]]*=[[:space:]]*(\{[^}]*version[[:space:]]*=[[:space:]]*)?"=([0-9][0-9.a-z+-]*)".*/\2/p' Cargo.toml | head -n1)"
  fi
  printf '%s' "$v"
}

# wasm-opt from the pinned npm package binaryen, never Debian's /usr/bin/wasm-opt.
WASM_OPT="$REPO_ROOT/node_modules/.bin/wasm-opt"
# Features rustc 1.95 emits by default for wasm32-unknown-unknown (verified to
# load in Node after wasm-opt -Oz; see scripts/build.sh).
WASM_OPT_FEATURES=(
  --enable-bulk-memory
  --enable-nontrapping-float-to-int
  --enable-sign-ext
  --enable-mutable-globals
  --enable-reference-types
  --enable-multivalue
)
