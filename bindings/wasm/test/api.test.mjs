// The npm package's API (js/index.mjs) under Node: loading, evaluate with objects in and
// out, BhxhError for contract errors, evaluateJson, version() and parameters().

import test from 'node:test';
import assert from 'node:assert/strict';
import * as bhxh from '../js/index.mjs';
import { BhxhError, evaluate, evaluateJson, load, parameters, version } from '../js/index.mjs';

// The worked example of the engine's documentation: near-poor participant, 2,000,000 đồng,
// March 2026: 22% × 2,000,000 = 440,000 − 40% × 22% × 1,500,000 = 132,000 → 308,000.
const NEAR_POOR = {
  calculation: 'contribution',
  payment_month: '2026-03',
  income: 2000000,
  method: 'monthly',
  categories: ['near_poor'],
};

test('functions need load() first', () => {
  assert.throws(() => evaluate(NEAR_POOR), /load\(\)/);
  assert.throws(() => version(), /load\(\)/);
});

test('load() is idempotent and concurrent calls share one initialisation', async () => {
  await Promise.all([load(), load()]);
  await load();
});

test('evaluate: object in, object out', async () => {
  await load();
  const r = evaluate(NEAR_POOR);
  assert.equal(r.calculation, 'contribution');
  assert.equal(r.gross, 440000);
  assert.equal(r.state_support, 132000);
  assert.equal(r.payable, 308000);
  assert.equal(r.payable, r.gross - r.state_support - r.local_support - r.discount + r.interest);
  assert.ok(Array.isArray(r.trace) && r.trace.length > 0, 'a trace');
  for (const step of r.trace) {
    assert.equal(typeof step.citation, 'string');
    assert.ok(step.text_vi && step.text_en, `step ${step.step} has both languages`);
  }
  assert.deepEqual(r.warnings, []);
  assert.equal(r.receipt.engine_version, version());
});

test('evaluate: every money value is an exact integer of đồng', async () => {
  await load();
  const r = evaluate({ ...NEAR_POOR, method: 'every_12_months', province: 'ha_noi' });
  for (const key of ['gross', 'state_support', 'local_support', 'discount', 'interest', 'payable']) {
    assert.ok(Number.isSafeInteger(r[key]), `${key} = ${r[key]}`);
  }
  assert.equal(r.per_month.length, 12);
});

test('evaluate: a JSON text is sent as is', async () => {
  await load();
  assert.equal(evaluate(JSON.stringify(NEAR_POOR)).payable, 308000);
});

test('a bad income throws BhxhError with code, field and Vietnamese message', async () => {
  await load();
  let caught;
  try {
    evaluate({ ...NEAR_POOR, income: 1000000 });
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof BhxhError, `a BhxhError, got ${caught}`);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, 'BhxhError');
  assert.equal(caught.code, 'income_below_floor');
  assert.equal(caught.field, 'income');
  assert.match(caught.message, /floor/);
  assert.match(caught.message_vi, /thấp hơn/);
  assert.match(caught.message_vi, /1\.500\.000 đồng/, 'the allowed range, Vietnamese style');
  // The wire form matches evaluateJson's.
  const wire = JSON.parse(evaluateJson(JSON.stringify({ ...NEAR_POOR, income: 1000000 })));
  assert.deepEqual(JSON.parse(JSON.stringify(caught)), wire);
});

test('other contract errors: not on the step, unknown field, unknown calculation', async () => {
  await load();
  const code = (request) => {
    try {
      evaluate(request);
    } catch (e) {
      assert.ok(e instanceof BhxhError, String(e));
      return [e.code, e.field];
    }
    assert.fail('no error');
  };
  assert.deepEqual(code({ ...NEAR_POOR, income: 2010000 }), ['income_not_multiple_of_step', 'income']);
  assert.deepEqual(code({ ...NEAR_POOR, incom: 2000000 }), ['unknown_field', 'incom']);
  assert.equal(code({ calculation: 'pensionn' })[0], 'unknown_calculation');
});

test('malformed JSON: BhxhError from evaluate, an error object from evaluateJson', async () => {
  await load();
  assert.throws(
    () => evaluate('{"calculation": "contribution",'),
    (e) => e instanceof BhxhError && e.code === 'malformed_json' && e.message_vi.length > 0,
  );
  const out = JSON.parse(evaluateJson('{"calculation": "contribution",'));
  assert.equal(out.error.code, 'malformed_json');
  assert.equal(typeof out.error.message, 'string');
  assert.equal(typeof out.error.message_vi, 'string');
  // Values JSON cannot hold never reach the engine.
  const cyclic = { calculation: 'contribution' };
  cyclic.self = cyclic;
  for (const bad of [cyclic, undefined, () => 1, { income: 10n }]) {
    assert.throws(
      () => evaluate(bad),
      (e) => e instanceof BhxhError && e.code === 'malformed_json',
    );
  }
});

test('evaluateJson: response text, no throw', async () => {
  await load();
  const out = evaluateJson(JSON.stringify(NEAR_POOR));
  assert.equal(typeof out, 'string');
  assert.ok(out.startsWith('{"calculation":"contribution",'), out.slice(0, 60));
  assert.equal(JSON.parse(out).payable, 308000);
});

test('size limit: 1 MiB by default, maxRequestBytes to change it, checked before parsing', async () => {
  await load();
  const text = JSON.stringify(NEAR_POOR);
  const big = `{"pad":"${'x'.repeat(1 << 20)}"}`;
  assert.throws(() => evaluate(big), (e) => e instanceof BhxhError && e.code === 'request_too_large');
  assert.equal(JSON.parse(evaluateJson(big)).error.code, 'request_too_large');
  // A tighter limit refuses the small request; the exact size passes.
  const bytes = Buffer.byteLength(text);
  assert.throws(() => evaluate(text, { maxRequestBytes: bytes - 1 }), (e) => e.code === 'request_too_large');
  assert.equal(evaluate(text, { maxRequestBytes: bytes }).payable, 308000);
  assert.equal(JSON.parse(evaluateJson(text, { maxRequestBytes: 10 })).error.code, 'request_too_large');
  // A looser one lets a large (malformed) request reach the parser.
  assert.throws(() => evaluate(big, { maxRequestBytes: 2 << 20 }), (e) => e.code === 'unknown_field' || e.code === 'missing_field');
  for (const bad of [-1, 1.5, 2 ** 32, '10', NaN]) {
    assert.throws(() => evaluate(text, { maxRequestBytes: bad }), RangeError);
  }
});

test('version() is the engine version', async () => {
  await load();
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test('parameters(): every value carries a citation', async () => {
  await load();
  const catalogue = parameters();
  assert.ok(Array.isArray(catalogue) && catalogue.length >= 10, `${catalogue.length} parameters`);
  const ids = new Set();
  let values = 0;
  const checkValues = (where, list, allowEmpty = false) => {
    assert.ok(Array.isArray(list) && (allowEmpty || list.length > 0), `${where}: dated values`);
    for (const v of list) {
      assert.match(v.from, /^\d{4}-\d{2}$/, `${where}: from`);
      const c = v.citation;
      assert.ok(c && typeof c === 'object', `${where} ${v.from}: a citation`);
      assert.ok(c.document?.trim(), `${where} ${v.from}: citation.document`);
      assert.ok(c.document_vi?.trim(), `${where} ${v.from}: citation.document_vi`);
      assert.equal(typeof c.article, 'string', `${where} ${v.from}: citation.article`);
      assert.ok(['V', 'S', 'D', 'U'].includes(v.confidence), `${where} ${v.from}: confidence`);
      values++;
    }
  };
  for (const p of catalogue) {
    assert.ok(p.id && !ids.has(p.id), `unique id ${p.id}`);
    ids.add(p.id);
    assert.ok(p.label_en?.trim() && p.label_vi?.trim(), `${p.id}: labels in both languages`);
    if (p.values !== undefined) checkValues(p.id, p.values);
    // Provincial top-ups come per province; a province without a top-up in the data has
    // none (decision K-9), and a resolution known but not read carries its citation.
    for (const [slug, province] of Object.entries(p.provinces ?? {})) {
      checkValues(`${p.id}.${slug}`, province.values ?? [], true);
      for (const u of province.unread ?? []) {
        assert.ok(u.citation?.document?.trim() && u.note?.trim(), `${p.id}.${slug}: unread resolution cited`);
      }
    }
  }
  assert.ok(ids.has('contribution_rate') && ids.has('rural_poverty_line'), 'core parameters');
  assert.ok(values >= catalogue.length);
});

test('the module exports exactly the documented API', () => {
  assert.deepEqual(Object.keys(bhxh).sort(), [
    'BhxhError',
    'evaluate',
    'evaluateJson',
    'load',
    'parameters',
    'version',
  ]);
});

// The size budget (< 285 KB gzipped; 250 KB until household health insurance and the
// provincial data, see docs/performance.md), checked on the built artefact: a size is exact,
// so it can be a test (speeds are benchmarks).
test('the optimised .wasm stays under 285 KB gzipped', async () => {
  const { readFileSync } = await import('node:fs');
  const { gzipSync } = await import('node:zlib');
  const wasm = readFileSync(new URL('../pkg/web/bhxh_wasm_bg.wasm', import.meta.url));
  const gz = gzipSync(wasm, { level: 9 }).length;
  console.log(`# ::metric wasm_bytes=${wasm.length} wasm_gzip_bytes=${gz}`);
  assert.ok(gz < 285_000, `${gz} bytes gzipped`);
});
