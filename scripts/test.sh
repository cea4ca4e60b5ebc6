#!/usr/bin/env bash
# Runs every test of the project from a bare machine: installs what it needs, then
# formatting, lints, docs, the Rust tests (unit, scenario corpus, properties, CLI, doc
# tests) and a smoke run of the benches. Later parts (wasm, Python) add their steps here.
set -euo pipefail
cd "$(dirname "$0")/.."
t() { local s=$SECONDS; "$@"; echo "::time $((SECONDS - s))s :: $*" >&2; }

# Toolchain components (present on the image; a bare rustup install may lack them).
for c in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
done

t cargo fmt --all -- --check
t cargo clippy --workspace --all-targets --locked -- -D warnings
t env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked -q
# Unit, scenario, property, CLI and doc tests; benches run once each in test mode.
t cargo test --workspace --all-targets --locked
t cargo test --workspace --doc --locked
