#!/usr/bin/env bash
# Runs every test of the project from a bare machine: installs what it needs (scripts/setup.sh),
# then formatting, lints (native and wasm), docs, the Rust tests (unit, scenario corpus,
# properties, CLI, doc tests, a smoke run of the benches), the WebAssembly package under Node
# and in headless Chromium, and the Python package under pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
t() { local s=$SECONDS; "$@"; echo "::time $((SECONDS - s))s :: $*" >&2; }

t bash scripts/setup.sh

t cargo fmt --all -- --check
t cargo clippy --workspace --all-targets --locked -- -D warnings
t cargo clippy -p bhxh-wasm --target wasm32-unknown-unknown --locked -- -D warnings
t env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked -q
# Unit, scenario, property, CLI and doc tests; benches run once each in test mode.
t cargo test --workspace --exclude bhxh-python --all-targets --locked
t cargo test --workspace --exclude bhxh-python --doc --locked

# WebAssembly: build the package, then the corpus/API tests under Node and the page in Chromium.
t bash scripts/build-wasm.sh
t env BHXH_REQUIRE_BROWSER=1 node --test bindings/wasm/test/

# Python: build the abi3 wheel, install it in the venv, run pytest (corpus, API, batch, stubs, example).
rm -rf dist
t .venv/bin/maturin build --release --locked -m bindings/python/Cargo.toml -o dist -q
t .venv/bin/pip install -q --force-reinstall --no-deps dist/*.whl
t .venv/bin/python -m pytest -q bindings/python/tests
