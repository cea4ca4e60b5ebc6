#!/usr/bin/env bash
# Installs everything the tests need, idempotently, from the four registries this machine
# reaches (crates, PyPI, npm, Debian). Safe to run repeatedly; a warm machine takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Rust components and the wasm target.
for c in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
done
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# wasm-bindgen-cli: the version must equal the wasm-bindgen crate in Cargo.lock. No --locked
# (its lock pins a crate version the registry mirror lacks); --no-default-features and
# opt-level 1 keep the compile to ~2.5 minutes.
WB_VER=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VER" ]; then
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0 \
    cargo install wasm-bindgen-cli --version "$WB_VER" --no-default-features
fi

# Node test dependencies: playwright-core (drives Debian's Chromium), binaryen (wasm-opt).
(cd bindings/wasm/test && npm ci --no-audit --no-fund --loglevel=error)

# Debian's Chromium for the browser test (~22 s); NO_BROWSER=1 skips it.
if [ -z "${NO_BROWSER:-}" ] && [ ! -x /usr/bin/chromium ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/dev/null
fi

# Python venv with maturin, pytest, hypothesis (batch property tests) and the analyst stack used
# by the tests and the example.
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check maturin==1.16.0 pytest==9.2.0 numpy pandas polars==2.1.0 \
  hypothesis==6.170.17 matplotlib jsonschema==4.26.0 "dask[dataframe,distributed]==2026.8.0" \
  nbclient==0.11.0 nbformat==5.11.1 ipykernel==7.4.0
