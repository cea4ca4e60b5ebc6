#!/usr/bin/env bash
# Builds the WebAssembly package: bindings/wasm/pkg/{node,web}/ (optimised with npm's wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -p bhxh-wasm --target wasm32-unknown-unknown --profile wasm-release --locked
W=target/wasm32-unknown-unknown/wasm-release/bhxh_wasm.wasm
rm -rf bindings/wasm/pkg
wasm-bindgen --target nodejs --out-dir bindings/wasm/pkg/node "$W"
wasm-bindgen --target web --out-dir bindings/wasm/pkg/web "$W"
bindings/wasm/test/node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
  bindings/wasm/pkg/node/bhxh_wasm_bg.wasm -o bindings/wasm/pkg/node/bhxh_wasm_bg.wasm
cp bindings/wasm/pkg/node/bhxh_wasm_bg.wasm bindings/wasm/pkg/web/bhxh_wasm_bg.wasm
# The nodejs build is CommonJS; the package above it is ESM ("type": "module").
printf '{"type":"commonjs"}\n' > bindings/wasm/pkg/node/package.json
ls -l bindings/wasm/pkg/web/bhxh_wasm_bg.wasm
