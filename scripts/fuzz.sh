#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a fixed time each and prints, per target, the
# executions, the crashes and the executions per second; exits 1 when any target crashed.
#
#   bash scripts/fuzz.sh SECONDS [TARGET...]     (default: every target in fuzz/Cargo.toml)
#
#   FUZZ_SANITIZER=address|none   libFuzzer build (default: none — the engine and its
#                                 dependencies here are safe Rust; see fuzz/README.md)
#   FUZZ_LOG_DIR=DIR              keep each target's libFuzzer output there
#                                 (default: fuzz/logs)
#   FUZZ_ARGS="-flag=value …"     extra libFuzzer flags, after the defaults (they win)
#
# Needs a nightly toolchain and cargo-fuzz (scripts/setup.sh installs both). The targets run one
# after the other, each as a single libFuzzer process (no -jobs/-workers): the machine is shared.
# The corpus grows in fuzz/corpus/<target>/ (untracked; seeded from the spec examples by
# fuzz/seeds.mjs); a crash leaves its input in fuzz/artifacts/<target>/ — turn it into a
# regression test under tests/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SECONDS_PER_TARGET="${1:-}"
[[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ && "$SECONDS_PER_TARGET" -gt 0 ]] ||
  die "usage: bash scripts/fuzz.sh SECONDS [TARGET...]"
shift
SANITIZER="${FUZZ_SANITIZER:-none}"
LOG_DIR="${FUZZ_LOG_DIR:-$REPO_ROOT/fuzz/logs}"
mkdir -p "$LOG_DIR"

cargo +nightly fuzz --version >/dev/null 2>&1 ||
  die "cargo-fuzz or the nightly toolchain is missing; run: bash scripts/setup.sh"

if (($#)); then
  TARGETS=("$@")
else
  mapfile -t TARGETS < <(cargo +nightly fuzz list)
fi
((${#TARGETS[@]})) || die "no fuzz targets found in fuzz/"

node fuzz/seeds.mjs
t=$(now_ms)
cargo +nightly fuzz build --sanitizer "$SANITIZER" >"$LOG_DIR/build.log" 2>&1 || {
  tail -n 40 "$LOG_DIR/build.log" >&2
  die "cargo fuzz build failed (log: $LOG_DIR/build.log)"
}
echo "fuzz: built the targets of fuzz/, sanitizer $SANITIZER ($(fmt_dur "$t"))"

total=0
crashed=()
printf '%-16s %15s %8s %10s %s\n' target executions crashes exec/s note
for target in "${TARGETS[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  args=(-max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 -max_len=4096 -rss_limit_mb=2048
    -timeout=10)
  [[ -f "fuzz/dict/$target.dict" ]] && args+=(-dict="fuzz/dict/$target.dict")
  # situation_json and missing_fields share a dictionary; csv_row has its own.
  [[ "$target" == missing_fields && -f fuzz/dict/situation_json.dict ]] && args+=(-dict=fuzz/dict/situation_json.dict)
  # shellcheck disable=SC2206 # word splitting of FUZZ_ARGS is the point
  args+=(${FUZZ_ARGS:-})
  log="$LOG_DIR/$target.log"
  before=$(find "fuzz/artifacts/$target" -type f | wc -l)
  set +e
  cargo +nightly fuzz run --sanitizer "$SANITIZER" "$target" "$corpus" -- "${args[@]}" >"$log" 2>&1
  rc=$?
  set -e
  after=$(find "fuzz/artifacts/$target" -type f | wc -l)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  crashes=$((after - before))
  note=""
  if ((rc != 0)); then
    ((crashes > 0)) || crashes=1
    note="exit $rc; see $log and fuzz/artifacts/$target/"
    crashed+=("$target")
  fi
  total=$((total + ${execs:-0}))
  printf '%-16s %15s %8d %10s %s\n' "$target" "${execs:-?}" "$crashes" "${rate:-?}" "$note"
done
echo "fuzz: ${#TARGETS[@]} targets x ${SECONDS_PER_TARGET}s: $total executions, ${#crashed[@]} targets crashed${crashed:+ (${crashed[*]})}"
((${#crashed[@]} == 0))
