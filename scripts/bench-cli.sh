#!/usr/bin/env bash
# CLI throughput and memory: rows/s and peak RSS for 10k / 100k / 1M rows, CSV → CSV and
# JSON Lines → CSV, with --threads 1 and 2. Prints figures; asserts nothing (goals of
# issue 10: ≥ 1,000,000 rows/s CSV → CSV on 2 cores, peak RSS ≤ 64 MB at any size).
#
#   bash scripts/bench-cli.sh            # all sizes
#   SIZES="10000 100000" bash scripts/bench-cli.sh
#
# Uses the `cli` profile (opt-level 3; the release profile is opt-level "z" for wasm) and
# GNU time (/usr/bin/time, installed by scripts/setup.sh). Timings on a shared machine vary:
# compare the ratios within one run, and note the load average printed at the start.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

SIZES="${SIZES:-10000 100000 1000000}"
# BIN=path/to/other/hoken-check compares another build (e.g. an older commit's) on the same data.
if [[ -z "${BIN:-}" ]]; then
  cargo build --locked --release --bin hoken-check >&2
  BIN="$REPO_ROOT/target/release/hoken-check"
fi
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT

# One generator for both formats: varied insurers, ages, cards and documents.
gen() { # gen ROWS csv|jsonl > file
  python3 - "$1" "$2" <<'PY'
import sys
n, fmt = int(sys.argv[1]), sys.argv[2]
kinds = ["kyokaiKenpo","kenpoKumiai","kyosai","senin","kokuho","kokuhoKumiai","kokiKoreisha"]
out = sys.stdout
if fmt == "csv":
    out.write("asOf,insurerKind,birthDate,oldCardHeld,hasMyNumberCard,ecertExpiry,registeredForInsurance,documentsPresented\n")
for i in range(n):
    r = (f"2026-{1+i%12:02d}-{1+i%28:02d}", kinds[i%7], f"{1940+i%70}-{1+i%12:02d}-{1+(i*7)%28:02d}",
         "true" if i%3 else "false", "true" if i%2 else "false", f"{2026+i%5}-0{1+i%9}-15",
         "true" if i%4 else "false", "oldCard" if i%5 == 0 else "")
    if fmt == "csv":
        out.write(",".join(r) + "\n")
    else:
        docs = '["oldCard"]' if r[7] else "[]"
        out.write(f'{{"asOf":"{r[0]}","insurerKind":"{r[1]}","birthDate":"{r[2]}","oldCardHeld":{r[3]},'
                  f'"hasMyNumberCard":{r[4]},"ecertExpiry":"{r[5]}","registeredForInsurance":{r[6]},'
                  f'"documentsPresented":{docs}}}\n')
PY
}

echo "hoken-check CLI benchmark — $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# cpu_s = user + system CPU seconds: steadier than wall time when other jobs share the cores.
printf '%-9s %-10s %-8s %12s %10s %10s %8s\n' rows input threads rows/s seconds peakRSS_MB cpu_s
for n in $SIZES; do
  for fmt in csv jsonl; do
    gen "$n" "$fmt" > "$DIR/in.$fmt"
    for t in 1 2; do
      /usr/bin/time -f '%e %M %U %S' -o "$DIR/time" "$BIN" assess --threads "$t" --output csv --no-progress \
        < "$DIR/in.$fmt" > "$DIR/out.csv" || true
      read -r secs kb usr sys < "$DIR/time"
      rows=$(($(wc -l < "$DIR/out.csv") - 1))
      [[ "$rows" == "$n" ]] || echo "WARNING: $rows rows out for $n in" >&2
      awk -v n="$n" -v f="$fmt" -v t="$t" -v s="$secs" -v kb="$kb" -v c="$(awk -v u="$usr" -v y="$sys" 'BEGIN { print u + y }')" \
        'BEGIN { printf "%-9d %-10s %-8d %12.0f %10.2f %10.1f %8.2f\n", n, f, t, (s > 0 ? n / s : 0), s, kb / 1024, c }'
    done
  done
done
