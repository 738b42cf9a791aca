#!/usr/bin/env bash
# Bring a fresh machine of this kind to "everything installed". Idempotent:
# each step checks first and skips when its tool is already there at the right
# version. Runs as root with no stdin (CI=true).
#
#   SETUP_SKIP_BROWSER=1   skip Debian chromium + chromium-driver (native/wasm-only use)
#   SETUP_VERBOSE=1        stream each step's output instead of logging it
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

LOG_DIR="$REPO_ROOT/target/setup-logs"
mkdir -p "$LOG_DIR"

# step NAME FUNC: runs FUNC with its output in $LOG_DIR/NAME.log; FUNC reports
# what it did with `say`. Prints exactly one line per step.
step() {
  local name=$1 fn=$2 t0 log rc
  t0=$(now_ms); log="$LOG_DIR/$name.log"
  # The subshell is not in an `||` context, so `set -e` stays in force inside
  # the step function (bash ignores -e in functions called from `cmd || ...`).
  set +e
  if [[ "${SETUP_VERBOSE:-0}" == 1 ]]; then
    ( set -e; "$fn" ) </dev/null 2>&1 | tee "$log" | grep -v "^@@STEP_MSG@@"; rc=${PIPESTATUS[0]}
  else
    ( set -e; "$fn" ) </dev/null >"$log" 2>&1; rc=$?
  fi
  set -e
  if (( rc != 0 )); then
    echo "setup: $name: FAILED (exit $rc) after $(fmt_dur "$t0"); last lines of $log:" >&2
    tail -n 40 "$log" >&2
    exit "$rc"
  fi
  local msg; msg="$(sed -n 's/^@@STEP_MSG@@ //p' "$log" | tail -n1)"
  echo "setup: $name: ${msg:-done} ($(fmt_dur "$t0"))"
}
say() { echo "@@STEP_MSG@@ $*"; }

# --- steps ------------------------------------------------------------------

# rust-toolchain.toml pins the toolchain (e.g. 1.95.0). When the machine's `stable` is that
# version, give it that name too (a symlink, as rustup names installed toolchains) instead of
# letting rustup download the same compiler again; otherwise install it from rustup. Runs
# before anything calls cargo/rustc inside the repo, where the pin applies.
pinned_toolchain() {
  local want host stable_dir have
  want="$(sed -nE 's/^channel *= *"([^"]+)".*/\1/p' rust-toolchain.toml 2>/dev/null | head -n1)"
  if [[ -z "$want" ]]; then say "skipped: no channel in rust-toolchain.toml"; return; fi
  if RUSTUP_TOOLCHAIN=stable rustup toolchain list | grep -q "^$want-"; then
    say "skipped: toolchain $want present"
    return
  fi
  host="$(RUSTUP_TOOLCHAIN=stable rustc -vV | sed -n 's/^host: //p')"
  have="$(RUSTUP_TOOLCHAIN=stable rustc --version | awk '{print $2}')"
  stable_dir="${RUSTUP_HOME:-$HOME/.rustup}/toolchains/stable-$host"
  if [[ "$have" == "$want" && -d "$stable_dir" ]]; then
    ln -s "$stable_dir" "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/$want-$host"
    say "linked: stable is rustc $want, now also named $want (no download)"
  else
    RUSTUP_TOOLCHAIN=stable rustup toolchain install "$want" --profile minimal \
      --component rustfmt --component clippy --target "$WASM_TARGET"
    say "installed toolchain $want from rustup (stable is $have)"
  fi
}

rust_components() {
  local missing=()
  for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^$c" || missing+=("$c")
  done
  if ((${#missing[@]})); then
    rustup component add "${missing[@]}"
    say "installed ${missing[*]}"
  else
    say "skipped: rustfmt and clippy already installed"
  fi
}

wasm_target() {
  if rustup target list --installed | grep -qx "$WASM_TARGET"; then
    say "skipped: $WASM_TARGET already installed"
  else
    rustup target add "$WASM_TARGET"
    say "installed rust target $WASM_TARGET"
  fi
}

wasm_bindgen_cli() {
  local want have=""
  want="$(wasm_bindgen_version)"
  [[ -n "$want" ]] || die "no wasm-bindgen version in Cargo.lock or an \"=x.y.z\" pin in Cargo.toml"
  if command -v wasm-bindgen >/dev/null; then have="$(wasm-bindgen --version | awk '{print $2}')"; fi
  if [[ "$have" == "$want" ]] && command -v wasm-bindgen-test-runner >/dev/null; then
    say "skipped: wasm-bindgen $have already installed"
    return
  fi
  # --locked fails on this registry (the CLI's lockfile pins a yanked/missing
  # crate); fall back to an unlocked install of the same exact CLI version.
  if cargo install wasm-bindgen-cli --version "=$want" --locked --force; then
    say "installed wasm-bindgen-cli $want (--locked)${have:+, replacing $have}"
  else
    echo "--- --locked install failed; retrying unlocked ---"
    cargo install wasm-bindgen-cli --version "=$want" --force
    say "installed wasm-bindgen-cli $want (unlocked; --locked failed)${have:+, replacing $have}"
  fi
  have="$(wasm-bindgen --version | awk '{print $2}')"
  [[ "$have" == "$want" ]] || die "wasm-bindgen --version says $have, want $want"
}

chromium() {
  if [[ "${SETUP_SKIP_BROWSER:-0}" == 1 ]]; then
    say "skipped: SETUP_SKIP_BROWSER=1"
    return
  fi
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    say "skipped: /usr/bin/chromium and /usr/bin/chromedriver present"
    return
  fi
  local apt=(apt-get -y -q -o DPkg::Lock::Timeout=300) updated=""
  # Update the package lists only when they don't know the packages, or when
  # an install from possibly stale lists fails.
  if ! apt-cache policy chromium chromium-driver 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    "${apt[@]}" update; updated=" (after apt-get update)"
  fi
  if ! "${apt[@]}" install chromium chromium-driver; then
    [[ -z "$updated" ]] || return 1
    "${apt[@]}" update; updated=" (after apt-get update)"
    "${apt[@]}" install chromium chromium-driver
  fi
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || die "chromium installed but /usr/bin/chromium or /usr/bin/chromedriver missing"
  say "installed $(/usr/bin/chromium --version 2>/dev/null | head -n1)${updated}"
}

# Japanese fonts, so that the page's screenshots (test-results/) show text rather than boxes.
# No test depends on them: a failed install is reported, not fatal.
cjk_fonts() {
  if [[ "${SETUP_SKIP_BROWSER:-0}" == 1 ]]; then
    say "skipped: SETUP_SKIP_BROWSER=1"
    return
  fi
  if dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    say "skipped: fonts-noto-cjk present"
    return
  fi
  if apt-get -y -q -o DPkg::Lock::Timeout=300 install fonts-noto-cjk ||
    { apt-get -y -q update && apt-get -y -q -o DPkg::Lock::Timeout=300 install fonts-noto-cjk; }; then
    say "installed fonts-noto-cjk"
  else
    say "not installed (screenshots only; no test needs it)"
  fi
}

npm_deps() {
  if [[ ! -f package.json ]]; then
    say "skipped: no package.json"
    return
  fi
  local marker=node_modules/.package-lock.json   # npm rewrites it on every install
  if [[ -f package-lock.json ]]; then
    if [[ -d node_modules && -f "$marker" && ! package-lock.json -nt "$marker" && ! package.json -nt "$marker" ]]; then
      say "skipped: node_modules up to date with package-lock.json"
      return
    fi
    npm ci --include=dev --no-audit --no-fund
    say "npm ci ($(ls node_modules | wc -l) top-level entries)"
  else
    npm install --include=dev --no-audit --no-fund
    say "npm install (no package-lock.json; one was written)"
  fi
}

# GNU time: the CLI scale test reads peak memory from `/usr/bin/time -v` (tests/scale.rs).
gnu_time() {
  if [[ -x /usr/bin/time ]]; then
    say "skipped: /usr/bin/time present"
    return
  fi
  apt-get -y -q -o DPkg::Lock::Timeout=300 install time ||
    { apt-get -y -q update && apt-get -y -q -o DPkg::Lock::Timeout=300 install time; }
  say "installed time (GNU time)"
}

cargo_fetch() {
  cargo fetch --locked
  say "cargo fetch --locked: all crates for all targets cached"
}

# Fuzzing (scripts/fuzz.sh, fuzz/): a nightly toolchain and cargo-fuzz, exact version, --locked.
CARGO_FUZZ_VERSION=0.13.2
fuzz_tools() {
  local did=()
  if ! RUSTUP_TOOLCHAIN=stable rustup toolchain list | grep -q '^nightly-'; then
    RUSTUP_TOOLCHAIN=stable rustup toolchain install nightly --profile minimal
    did+=("nightly toolchain")
  fi
  if [[ "$(cargo +nightly fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]]; then
    cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked --force
    did+=("cargo-fuzz $CARGO_FUZZ_VERSION")
  fi
  cargo fetch --locked --manifest-path fuzz/Cargo.toml
  if ((${#did[@]})); then say "installed ${did[*]}; fuzz crates fetched"; else say "skipped: nightly and cargo-fuzz $CARGO_FUZZ_VERSION present; fuzz crates fetched"; fi
}

# Licences, bans and sources of every crate (deny.toml): cargo-deny, exact version, --locked.
CARGO_DENY_VERSION=0.20.2
cargo_deny() {
  if [[ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" == "$CARGO_DENY_VERSION" ]]; then
    say "skipped: cargo-deny $CARGO_DENY_VERSION present"
    return
  fi
  cargo install cargo-deny --version "=$CARGO_DENY_VERSION" --locked --force
  say "installed cargo-deny $CARGO_DENY_VERSION (--locked)"
}

# --- run ----------------------------------------------------------------------
# One line per step: "setup: NAME: what happened (duration)".
T0=$(now_ms)
step rust-toolchain  pinned_toolchain
step rust-components rust_components
step wasm-target     wasm_target
step wasm-bindgen    wasm_bindgen_cli
step chromium        chromium
step cjk-fonts       cjk_fonts
step gnu-time        gnu_time
step npm             npm_deps
step cargo-fetch     cargo_fetch
step fuzz-tools      fuzz_tools
step cargo-deny      cargo_deny
echo "setup: all done ($(fmt_dur "$T0"))"
