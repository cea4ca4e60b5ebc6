#!/usr/bin/env bash
# Instructions per request of the 40-year pension benchmark request (benches/engine.rs), with
# and without trace, counted by callgrind: unlike wall-clock time on this shared VM, the count
# is the same from run to run, so it judges small changes. Needs valgrind (apt install valgrind).
# Usage: bash scripts/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt install valgrind)" >&2; exit 1; }
cargo build --release -p bhxh --example profile_pension --locked -q
bin=target/release/examples/profile_pension
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 | awk '/refs:/ {gsub(",", "", $NF); print $NF}'; }
for mode in trace notrace; do
  # The difference of 2,000 and 1,000 requests leaves out start-up and the one-time parse
  # of the law data.
  a=$(count "$mode" 1000); b=$(count "$mode" 2000)
  echo "pension_40_years $mode: $(( (b - a) / 1000 )) instructions per request"
done
