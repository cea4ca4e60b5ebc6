#!/usr/bin/env bash
# Mutation testing of the engine's law and calculation code with cargo-mutants (from the
# Rust registry). Not part of CI: every mutant is a build and a test run, so a file takes
# minutes to an hour on this 2-core machine. Each mutant runs the engine crate's unit tests,
# the scenario corpus, the golden explanations and every property test (not the doc tests).
#
# Usage: bash scripts/mutants.sh [FILE...]
#   default: each file of crates/bhxh/src/calc/, crates/bhxh/src/law/ and money.rs in turn.
# It runs on a clone of the committed HEAD in target/mutants/tree (mutated in place there, so
# the working tree is never touched and untracked files are never copied; the clone keeps its
# build between runs). Writes target/mutants/<file>/mutants.out/ (cargo-mutants' own output) and the summary
# target/mutants/report.md: per file caught / missed / timeout / unviable and the score,
# then every surviving mutant. Surviving mutants that cannot change behaviour are listed as
# equivalent in docs/mutants.md rather than "killed" by a test that cannot fail.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(crates/bhxh/src/calc/*.rs crates/bhxh/src/law/*.rs crates/bhxh/src/money.rs)
fi
out=$PWD/target/mutants
tree=$out/tree
mkdir -p "$out"
if [ -d "$tree/.git" ]; then
  git -C "$tree" fetch -q "$PWD" HEAD && git -C "$tree" reset -q --hard FETCH_HEAD
else
  git clone -q "$PWD" "$tree"
fi
for f in "${files[@]}"; do
  name=$(echo "${f#crates/bhxh/src/}" | tr / _)
  echo "== $f"
  # Exit status 2 means "some mutants survived": the report says which.
  (cd "$tree" && cargo mutants -p bhxh --file "$f" --in-place --timeout 300 \
    --output "$out/$name" -- --lib --tests) || { rc=$?; [ $rc -eq 2 ] || [ $rc -eq 3 ]; }
done
python3 - "$out" <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1])
rows, missed = [], []
def lines(d, k):
    p = d / "mutants.out" / f"{k}.txt"
    return [l for l in p.read_text().splitlines() if l.strip()] if p.exists() else []
for d in sorted(p for p in out.iterdir() if p.is_dir() and p.name != "tree"):
    c, m, t, u = (lines(d, k) for k in ("caught", "missed", "timeout", "unviable"))
    viable = len(c) + len(m) + len(t)
    score = 100.0 * (len(c) + len(t)) / viable if viable else 100.0
    rows.append(f"| {d.name} | {len(c)} | {len(m)} | {len(t)} | {len(u)} | {score:.1f} % |")
    missed += [f"- {l}" for l in m]
text = ["# Mutation testing report (scripts/mutants.sh)", "",
        "| file | caught | missed | timeout | unviable | score |", "|---|---|---|---|---|---|",
        *rows, "", "## Surviving mutants", "", *(missed or ["none"])]
(out / "report.md").write_text("\n".join(text) + "\n")
print("\n".join(text))
PY
