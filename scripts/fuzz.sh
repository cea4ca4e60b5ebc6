#!/usr/bin/env bash
# Coverage-guided fuzzing of the engine's entry point (`bhxh::evaluate_bytes`) with libFuzzer
# through cargo-fuzz, on the stable toolchain (no sanitizer). Not part of CI: it runs for
# half an hour by default. Seeds: every request of the scenario corpus; dictionary: the
# contract's keys, names and codes. A crash is saved under fuzz/artifacts/evaluate/ and must
# become a regression scenario.
# Usage: bash scripts/fuzz.sh [SECONDS]     (default 1800)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
secs=${1:-1800}
corpus=fuzz/corpus/evaluate
mkdir -p "$corpus"
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
