#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer through cargo-fuzz, on the stable toolchain (no
# sanitizer). Not part of CI: it runs for half an hour by default. Targets:
#   evaluate  the engine's entry point (`bhxh::evaluate_bytes`); seeds: every request of the
#             scenario corpus; dictionary: the contract's keys, names and codes
#   cli       the `bhxh` command line (arguments split at NUL bytes); seeds: a few commands;
#             dictionary: the commands and options of the usage text
#   batch     the column functions the Python package calls (quote_monthly, pensions)
# A crash is saved under fuzz/artifacts/TARGET/ and must become a regression test.
# Usage: bash scripts/fuzz.sh [SECONDS] [TARGET]     (default 1800 evaluate)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
secs=${1:-1800}
target=${2:-evaluate}
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
case $target in
evaluate) ;;
cli)
  printf 'quote\x00--income\x003000000' > "$corpus/seed-0"
  printf 'estimate\x00--birth-date\x001990-05\x00--sex\x00female\x00--income\x005000000' > "$corpus/seed-1"
  printf 'retire\x00--birth-date\x001970-01\x00--sex\x00male' > "$corpus/seed-2"
  printf 'refund\x00--method\x00advance\x00--months\x0024\x00--reason\x00death' > "$corpus/seed-3"
  { grep -o -- '--[a-z][a-z-]*' crates/bhxh-cli/src/lib.rs
    printf '%s\n' eval quote refund estimate retire explain params help; } |
    sort -u | sed 's/.*/"&"/' > fuzz/cli.dict
  cd fuzz
  exec cargo fuzz run -s none -O cli "corpus/cli" -- -max_total_time="$secs" -dict=cli.dict \
    -close_fd_mask=1 -print_final_stats=1 -timeout=5
  ;;
batch)
  cd fuzz
  exec cargo fuzz run -s none -O batch "corpus/batch" -- -max_total_time="$secs" \
    -print_final_stats=1 -timeout=5
  ;;
*) echo "unknown target $target (evaluate, cli, batch)" >&2; exit 64 ;;
esac
python3 - "$corpus" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for i, f in enumerate(sorted(pathlib.Path("tests/scenarios").rglob("*.json"))):
    sc = json.loads(f.read_text())
    text = sc.get("request_text") or json.dumps(sc["request"], ensure_ascii=False)
    (out / f"seed-{i:04}").write_text(text)
PY
python3 - <<'PY'
import re, pathlib
src = "\n".join(p.read_text() for p in pathlib.Path("crates/bhxh/src").rglob("*.rs"))
words = set(re.findall(r'"([a-z][a-z0-9_]{2,40})"', src))
words |= {"2025-07", "2026-12", "2027-01", "1900-01", "2200-12", "1e15", "-1", "0.1", "null", "true"}
lines = [f'"{w}"' for w in sorted(words)]
pathlib.Path("fuzz/evaluate.dict").write_text("\n".join(lines) + "\n")
PY
cd fuzz
cargo fuzz run -s none -O evaluate corpus/evaluate -- \
  -max_total_time="$secs" -dict=evaluate.dict -max_len=4096 -print_final_stats=1 -timeout=5
