// The committed TypeScript declarations (js/index.d.ts) must describe every field the engine
// returns: each key of each response of the scenario corpus (recursively) has to be declared.
// When the engine adds a field, this test fails until index.d.ts is updated (staleness check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const dts = fs.readFileSync(path.join(here, '../js/index.d.ts'), 'utf8');
const wasm = createRequire(import.meta.url)(path.join(here, '../pkg/node/bhxh_wasm.js'));

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.name.endsWith('.json')) yield p;
  }
}

function keys(v, out) {
  if (Array.isArray(v)) v.forEach((x) => keys(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      // `assumptions` and `overrides` are open objects (Record<string, …>) by design.
      if (k !== 'assumptions' && k !== 'overrides') keys(x, out);
    }
  }
}

test('index.d.ts declares every response field of the corpus', () => {
  const seen = new Set();
  let n = 0;
  for (const f of files(path.join(root, 'tests/scenarios'))) {
    const sc = JSON.parse(fs.readFileSync(f, 'utf8'));
    const text = sc.request_text ?? JSON.stringify(sc.request);
    const out = JSON.parse(wasm.evaluate_json(text));
    if (out.error) continue;
    keys(out, seen);
    n++;
  }
  assert.ok(n >= 100, `only ${n} successful scenarios`);
  const missing = [...seen].filter((k) => !new RegExp(`\\b${k}\\??\\s*:`).test(dts));
  assert.deepEqual(missing, [], `index.d.ts lacks: ${missing.join(', ')}`);
});
