#!/usr/bin/env bash
# The whole test suite, as `npm test` and .ci/run run it. Installs what it
# needs first (scripts/setup.sh), then runs the stages below in order and stops
# at the first failure. Last line on success:
#   test-stages: N passed, 0 failed[, K skipped]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export CI="${CI:-}"

# --- stage table ------------------------------------------------------------------
# One stage per line: "name | when | command". `when` is a shell condition (the
# stage is skipped, not failed, when it is false); `command` is run with
# `bash -c` semantics via eval, from the repo root. Add a stage = add a line.
# The clippy stages run twice: default features, and --no-default-features (no `pack-json`: the
# page's small wasm module, scripts/build.sh).
STAGES=(
  "setup          | true                        | stage_setup"
  "fmt            | true                        | cargo fmt --all -- --check"
  "clippy-native  | true                        | cargo clippy --locked --all-targets -- -D warnings && cargo clippy --locked --all-targets --no-default-features -- -D warnings"
  "clippy-wasm    | true                        | cargo clippy --locked --target $WASM_TARGET --all-targets -- -D warnings && cargo clippy --locked --target $WASM_TARGET --all-targets --no-default-features -- -D warnings"
  "clippy-batch   | true                        | cargo clippy --locked --target $WASM_TARGET --lib --features batch-wasm -- -D warnings"
  "deny           | true                        | cargo deny --locked --offline check licenses bans sources"
  "scenarios      | [[ -f tests/scenarios/validate.py ]] | python3 tests/scenarios/validate.py"
  "locales        | [[ -f locales/check.py ]]  | python3 locales/check.py"
  "cargo-test     | true                        | cargo test --locked --all-targets"
  "fuzz           | [[ -d fuzz ]]               | cargo fmt --manifest-path fuzz/Cargo.toml -- --check && bash scripts/fuzz.sh ${FUZZ_SECONDS:-3}"
  "wasm-build     | true                        | bash scripts/build.sh"
  "cli-scale      | [[ -f tests/scale.rs ]]    | HOKEN_CHECK_BIN=target/release/hoken-check cargo test --locked --test scale -- --ignored --test-threads 1"
  "js-tests       | [[ -d tests/js ]]           | node --test tests/js/"
  "supply-chain   | true                        | node --test tests/supply-chain.test.mjs"
  "e2e            | [[ -d tests/e2e ]]          | node --test tests/e2e/"
  "wasm-browser   | [[ -f tests/web.rs ]]       | stage_wasm_browser"
  "budget         | [[ -f scripts/budget.mjs ]] | node scripts/budget.mjs"
  "page-budget    | [[ -f scripts/page-budget.mjs ]] | node scripts/page-budget.mjs"
  "toolchains     | [[ -d tests/toolchains ]]   | node --test tests/toolchains/"
)

# Browser tests exist when any of these does; only then does setup install chromium.
browser_tests_exist() {
  [[ -f tests/web.rs || -d tests/e2e ]] && return 0
  [[ -d tests/js ]] && grep -rqsE 'playwright|chromium' tests/js && return 0
  return 1
}

stage_setup() {
  if [[ -z "${SETUP_SKIP_BROWSER:-}" ]] && ! browser_tests_exist; then
    echo "(no browser tests yet: setup skips chromium)"
    SETUP_SKIP_BROWSER=1 bash scripts/setup.sh
  else
    bash scripts/setup.sh
  fi
}

# wasm-bindgen-test in headless Chromium; the runner reads extra chromium
# flags from ./webdriver.json.
stage_wasm_browser() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test --locked --target "$WASM_TARGET" --test web
}

# --- runner ---------------------------------------------------------------------------
trim() { local s=$1; s="${s#"${s%%[![:space:]]*}"}"; printf '%s' "${s%"${s##*[![:space:]]}"}"; }

# Run only some stages: TEST_STAGES="fmt cargo-test" bash scripts/test.sh
ONLY=" ${TEST_STAGES:-} "

T0=$(now_ms); passed=0; skipped=0
for row in "${STAGES[@]}"; do
  IFS='|' read -r name when cmd <<<"$row"
  name="$(trim "$name")"; when="$(trim "$when")"; cmd="$(trim "$cmd")"
  if [[ -n "${TEST_STAGES:-}" && "$ONLY" != *" $name "* ]]; then
    continue
  fi
  if ! eval "$when"; then
    echo "=== stage $name: skipped (condition not met: $when)"
    skipped=$((skipped + 1)); continue
  fi
  echo "=== stage $name: $cmd"
  t=$(now_ms)
  set +e
  ( set -e; eval "$cmd" ) </dev/null
  rc=$?
  set -e
  if (( rc != 0 )); then
    echo "=== stage $name: FAILED (exit $rc) after $(fmt_dur "$t")"
    echo "test-stages: stopped at stage '$name' (exit $rc): $passed passed before it; command: $cmd"
    exit "$rc"
  fi
  echo "=== stage $name: ok ($(fmt_dur "$t"))"
  passed=$((passed + 1))
done

echo "=== all stages ok ($(fmt_dur "$T0"))"
summary="test-stages: $passed passed, 0 failed"
(( skipped == 0 )) || summary+=", $skipped skipped"
echo "$summary"
