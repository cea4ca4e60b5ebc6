// The TypeScript declarations (js/contract.d.ts, generated from the engine's Rust types, and
// js/index.d.ts) must type every request and response of the scenario corpus: the corpus
// is written out as typed constants and checked by the TypeScript compiler in strict mode.
// Object literals with an undeclared field fail (excess property check), so a field the
// engine adds without regenerating the declarations fails here too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const wasm = createRequire(import.meta.url)(path.join(here, '../pkg/node/bhxh_wasm.js'));
const tsc = path.join(here, 'node_modules/typescript/bin/tsc');
const index = path.join(here, '../js/index');

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.name.endsWith('.json')) yield p;
  }
}

const camel = (s) => s.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

function check(source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhxh-types-'));
  const file = path.join(dir, 'corpus.ts');
  fs.writeFileSync(file, source);
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2020',
    '--module', 'esnext', '--moduleResolution', 'bundler', '--skipLibCheck', 'false', file],
  { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return r;
}

test('every request and response of the corpus type-checks against the declarations', () => {
  const lines = [`import type * as B from ${JSON.stringify(index)};`];
  let ok = 0;
  let errors = 0;
  for (const f of files(path.join(root, 'tests/scenarios'))) {
    const sc = JSON.parse(fs.readFileSync(f, 'utf8'));
    const text = sc.request_text ?? JSON.stringify(sc.request);
    const out = JSON.parse(wasm.evaluate_json(text));
    const id = `${ok + errors}`;
    if (out.error) {
      lines.push(`export const e${id}: B.ErrorResponse = ${JSON.stringify(out)};`);
      errors++;
      continue;
    }
    const name = camel(out.calculation);
    lines.push(`// ${path.relative(root, f)}`);
    lines.push(`export const q${id}: B.${name}Request = ${text};`);
    lines.push(`export const r${id}: B.${name}Response = ${JSON.stringify(out)};`);
    lines.push(`export const u${id}: B.ResponseFor<B.${name}Request> = r${id};`);
    ok++;
  }
  assert.ok(ok >= 250 && errors >= 30, `${ok} successes, ${errors} errors`);
  const r = check(lines.join('\n'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the declarations reject a wrong request (the check can fail)', () => {
  const bad = [
    `import type * as B from ${JSON.stringify(index)};`,
    `export const a: B.ContributionRequest = { calculation: 'contribution', payment_month: '2026-03', method: 'monthly' };`,
    `export const b: B.ContributionRequest = { calculation: 'contribution', payment_month: '2026-03', income: '2000000', method: 'monthly' };`,
    `export const c: B.ContributionRequest = { calculation: 'contribution', payment_month: '2026-03', income: 1, method: 'weekly' };`,
    `export const d: B.ContributionResponse = { calculation: 'contribution' };`,
  ].join('\n');
  const r = check(bad);
  assert.notEqual(r.status, 0);
  for (const line of [2, 3, 4, 5]) assert.match(r.stdout, new RegExp(`corpus\\.ts\\(${line},`), r.stdout);
});
