// The shared scenario corpus `tests/scenarios/**/*.json`, run through the WebAssembly
// package (nodejs build), with the Rust runner's rule (crates/bhxh/tests/scenarios.rs):
// `expected` is a subset of the response (objects recursively, arrays element by element
// with equal length), and an `{"error": …}` expectation needs an error response.
//
// A second test checks "one truth": for every scenario the wasm output is byte-identical to
// what the native command `bhxh eval` prints for the same request text.

import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const scenarioDir = path.join(root, 'tests/scenarios');
const nodeBuild = path.resolve(here, '../pkg/node/bhxh_wasm.js');

/** Fewer files than this means the walk is broken, not that the corpus is small. */
const MIN_SCENARIOS = 150;

/** Every `.json` file under `dir`, in the Rust runner's order (sorted per directory). */
function collect(dir, out = []) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) collect(p, out);
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out;
}

/**
 * The source text of the top-level member `key` of the JSON object `text` (already known to
 * be valid JSON), or undefined. Using the file's own text keeps numbers exactly as written
 * (`2000000.0`, `1e6`, integers beyond 2^53), which a JS parse/stringify round trip would not.
 */
function memberSource(text, key) {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const skipString = () => {
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++; // closing quote
  };
  const skipValue = () => {
    if (text[i] === '"') return skipString();
    if (text[i] === '{' || text[i] === '[') {
      let depth = 0;
      do {
        const c = text[i];
        if (c === '"') {
          skipString();
          continue;
        }
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
        i++;
      } while (depth > 0);
      return;
    }
    while (i < text.length && !',}] \t\r\n'.includes(text[i])) i++; // number, true, false, null
  };
  ws();
  if (text[i] !== '{') return undefined;
  i++;
  for (;;) {
    ws();
    if (text[i] !== '"') return undefined; // `}`: not found
    const k0 = i;
    skipString();
    const k = JSON.parse(text.slice(k0, i));
    ws();
    i++; // ':'
    ws();
    const v0 = i;
    skipValue();
    if (k === key) return text.slice(v0, i);
    ws();
    if (text[i] === ',') i++;
  }
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The Rust runner's subset match; returns the first difference as a path, or null. */
function diff(expected, actual, at = '$') {
  if (isObject(expected) && isObject(actual)) {
    for (const [k, ev] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, k)) {
        return `${at}.${k}: missing in response (expected ${JSON.stringify(ev)})`;
      }
      const d = diff(ev, actual[k], `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      return `${at}: expected ${expected.length} elements, got ${actual.length}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const d = diff(expected[i], actual[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isDeepStrictEqual(expected, actual)) return null;
  return `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Reads and checks one scenario file; returns its name and the request text to send. */
function readScenario(file) {
  const text = readFileSync(file, 'utf8');
  const sc = JSON.parse(text);
  for (const key of ['name', 'source', 'description', 'expected']) {
    assert.ok(Object.hasOwn(sc, key), `${file}: missing \`${key}\``);
  }
  const hasRequest = Object.hasOwn(sc, 'request');
  const hasText = Object.hasOwn(sc, 'request_text');
  assert.ok(hasRequest !== hasText, `${file}: needs exactly one of request / request_text`);
  let request;
  if (hasText) {
    assert.equal(typeof sc.request_text, 'string', `${file}: request_text must be a string`);
    request = sc.request_text;
  } else {
    request = memberSource(text, 'request');
    // The scanner must agree with the parser (up to JS number precision).
    assert.ok(
      request !== undefined && isDeepStrictEqual(JSON.parse(request), sc.request),
      `${file}: could not extract the request text`,
    );
  }
  return { sc, request };
}

/** The nodejs build, or a failure that says how to make it. */
function loadNodeBuild() {
  assert.ok(
    existsSync(nodeBuild),
    `${path.relative(root, nodeBuild)} is missing: build the wasm package first`,
  );
  // bindings/wasm/package.json says "type": "module"; the nodejs build is CommonJS and needs
  // its own package.json saying so.
  const pkgJson = path.join(path.dirname(nodeBuild), 'package.json');
  const type = existsSync(pkgJson) ? JSON.parse(readFileSync(pkgJson, 'utf8')).type : undefined;
  assert.equal(
    type,
    'commonjs',
    `${path.relative(root, pkgJson)} must say {"type": "commonjs"} (the build writes it)`,
  );
  return createRequire(import.meta.url)(nodeBuild);
}

/**
 * The native `bhxh` command: $BHXH_BIN, else the newer of target/release/bhxh and
 * target/debug/bhxh (under $CARGO_TARGET_DIR when set), else null.
 */
function nativeBinary() {
  if (process.env.BHXH_BIN) return process.env.BHXH_BIN;
  const target = process.env.CARGO_TARGET_DIR
    ? path.resolve(root, process.env.CARGO_TARGET_DIR)
    : path.join(root, 'target');
  const exe = process.platform === 'win32' ? 'bhxh.exe' : 'bhxh';
  const found = ['release', 'debug']
    .map((profile) => path.join(target, profile, exe))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0] ?? null;
}

const files = collect(scenarioDir);

test(`the corpus has at least ${MIN_SCENARIOS} scenarios`, () => {
  assert.ok(
    files.length >= MIN_SCENARIOS,
    `only ${files.length} scenario files under ${path.relative(root, scenarioDir)}`,
  );
});

test('scenario corpus through the wasm package (evaluate_json)', async (t) => {
  const wasm = loadNodeBuild();
  for (const file of files) {
    await t.test(path.relative(scenarioDir, file), () => {
      const { sc, request } = readScenario(file);
      const out = wasm.evaluate_json(request);
      const actual = JSON.parse(out);
      const isErr = isObject(actual) && Object.hasOwn(actual, 'error') && !Object.hasOwn(actual, 'calculation');
      const wantErr = isObject(sc.expected) && Object.hasOwn(sc.expected, 'error');
      assert.equal(isErr, wantErr, `error expected: ${wantErr}, got: ${out}`);
      const d = diff(sc.expected, actual);
      assert.equal(d, null, `${sc.name}: ${d}`);
    });
  }
});

test('one truth: wasm output is byte-identical to `bhxh eval`', async (t) => {
  const bin = nativeBinary();
  if (!bin) {
    t.skip('no native binary (target/release/bhxh or target/debug/bhxh); build the CLI to compare');
    return;
  }
  const wasm = loadNodeBuild();
  t.diagnostic(`native binary: ${path.relative(root, bin)} (${statSync(bin).mtime.toISOString()})`);
  let compared = 0;
  for (const file of files) {
    await t.test(path.relative(scenarioDir, file), () => {
      const { request } = readScenario(file);
      const fromWasm = wasm.evaluate_json(request);
      const run = spawnSync(bin, ['eval'], { input: request, encoding: 'utf8' });
      assert.equal(run.error, undefined, `could not run ${bin}: ${run.error}`);
      const isErr = Object.hasOwn(JSON.parse(fromWasm), 'error');
      assert.equal(
        run.status,
        isErr ? 2 : 0,
        `bhxh eval exit status ${run.status} (stderr: ${run.stderr.trim()})`,
      );
      // `bhxh eval` prints the response and one newline.
      assert.equal(
        run.stdout,
        `${fromWasm}\n`,
        `wasm and native differ (is ${path.relative(root, bin)} stale? rebuild it)`,
      );
      compared++;
    });
  }
  assert.equal(compared, files.length);
});
