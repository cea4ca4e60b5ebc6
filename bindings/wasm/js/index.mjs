// bhxh: exact calculations for Vietnam's voluntary social insurance (BHXH tự nguyện),
// compiled to WebAssembly.
//
// This file is the npm package's entry for browsers and Node. It adds three things to the
// raw wasm-bindgen exports: loading (the web build in browsers, the nodejs build in Node),
// plain objects in and out instead of JSON text, and a typed `BhxhError` carrying the
// contract's error code. Every number it returns comes from the Rust engine unchanged:
// money is a JS number holding whole đồng (all amounts are below 2^53, so exact), rates and
// years are decimal strings.
//
//   import { load, evaluate, BhxhError } from 'bhxh';
//   await load();
//   const r = evaluate({ calculation: 'contribution', payment_month: '2026-03',
//                        income: 2000000, method: 'monthly', categories: ['near_poor'] });
//   r.payable; // 308000

/** The raw wasm-bindgen module once loaded (`evaluate`, `evaluate_json`, `version`, `parameters`). */
let raw = null;
/** The pending load, so concurrent `load()` calls share one initialisation. */
let loading = null;

const isNode =
  typeof globalThis.process === 'object' &&
  typeof globalThis.process.versions?.node === 'string' &&
  typeof globalThis.window === 'undefined';

/**
 * An error of the JSON contract: bad input, never a bug of the caller's runtime.
 * `code` is the stable snake_case identifier (e.g. `income_below_floor`), `field` the JSON
 * path of the offending input when there is one, `message` English, `message_vi` Vietnamese.
 */
export class BhxhError extends Error {
  /**
   * @param {{code: string, message: string, message_vi?: string, field?: string}} error
   *   the contract's `error` object
   */
  constructor({ code, message, message_vi, field }) {
    super(message);
    this.name = 'BhxhError';
    /** @type {string} */
    this.code = code;
    /** @type {string | undefined} */
    this.field = field ?? undefined;
    /** @type {string} */
    this.message_vi = message_vi ?? message;
  }

  /** The contract's wire form: `{"error": {code, message, message_vi, field?}}`. */
  toJSON() {
    const error = { code: this.code, message: this.message, message_vi: this.message_vi };
    if (this.field !== undefined) error.field = this.field;
    return { error };
  }
}

/**
 * Loads and initialises the WebAssembly module. Call once (further calls are cheap) and
 * await it before any other function.
 *
 * @param {{ wasm?: unknown }} [options] browsers only: what the web build's `init` accepts
 *   as `module_or_path` (a URL, a Response, bytes or a compiled `WebAssembly.Module`);
 *   default: `bhxh_wasm_bg.wasm` next to the glue code.
 */
export async function load(options = {}) {
  if (raw) return;
  loading ??= (async () => {
    if (isNode) {
      // The nodejs build is CommonJS and instantiates the module synchronously on require.
      const { createRequire } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:module');
      const require = createRequire(import.meta.url);
      try {
        raw = require('../pkg/node/bhxh_wasm.js');
      } catch (e) {
        // This package is "type": "module"; the CommonJS build needs pkg/node/package.json
        // saying {"type": "commonjs"}, which the build writes.
        if (e instanceof ReferenceError || e?.code === 'ERR_REQUIRE_ESM') {
          throw new Error(
            'bhxh: pkg/node/bhxh_wasm.js was read as an ES module; pkg/node/package.json ' +
              'must contain {"type": "commonjs"}',
            { cause: e },
          );
        }
        throw e;
      }
    } else {
      const mod = await import('../pkg/web/bhxh_wasm.js');
      await mod.default(options.wasm === undefined ? undefined : { module_or_path: options.wasm });
      raw = mod;
    }
  })();
  try {
    await loading;
  } catch (e) {
    loading = null; // allow a retry (e.g. after a network failure)
    throw e;
  }
}

/** The loaded module, or a clear error when `load()` was not awaited. */
function engine() {
  if (!raw) throw new Error('bhxh: the WebAssembly module is not loaded; `await load()` first');
  return raw;
}

/**
 * Turns what the raw `evaluate` threw into a `BhxhError` when it is a contract error
 * (it carries a string `.code`); anything else is rethrown unchanged.
 */
function rethrow(e) {
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    throw new BhxhError({
      code: e.code,
      message: typeof e.message === 'string' ? e.message : String(e.code),
      message_vi: typeof e.message_vi === 'string' ? e.message_vi : undefined,
      field: typeof e.field === 'string' ? e.field : undefined,
    });
  }
  throw e;
}

/** Serialises a request object; a value JSON cannot hold is the contract's `malformed_json`. */
function requestText(request) {
  if (typeof request === 'string') return request;
  let text;
  let detail = 'the request is not a JSON value';
  try {
    text = JSON.stringify(request);
  } catch (e) {
    detail = e instanceof Error ? e.message : String(e);
  }
  if (typeof text !== 'string') {
    throw new BhxhError({
      code: 'malformed_json',
      message: `the request cannot be written as JSON: ${detail}`,
      message_vi: `Yêu cầu không chuyển được sang JSON: ${detail}`,
    });
  }
  return text;
}

/**
 * Evaluates one request of the JSON contract (`{calculation, ...}`) and returns the
 * response object: the calculation's fields, then `trace`, `warnings` and `receipt`.
 * A string is taken as the request's JSON text as is.
 *
 * @param {object | string} request
 * @param {{maxRequestBytes?: number}} [options] size limit of the request's UTF-8 text
 *   (default 1 MiB); a larger request is the error `request_too_large`
 * @returns {object} the response
 * @throws {BhxhError} on any contract error (bad input, malformed JSON, …)
 * @throws {RangeError} when `maxRequestBytes` is not a whole number from 0 to 2^32 − 1
 */
export function evaluate(request, options = {}) {
  const mod = engine();
  const text = requestText(request);
  const limit = maxRequestBytes(options);
  let out;
  try {
    out = mod.evaluate(text, limit);
  } catch (e) {
    rethrow(e);
  }
  return JSON.parse(out);
}

/**
 * Evaluates a request given as JSON text and returns JSON text: the response, or the
 * contract's `{"error": {...}}` object. Never throws for bad input; the text is
 * byte-identical to what `bhxh eval` prints (without its final newline).
 *
 * @param {string} requestJson
 * @param {{maxRequestBytes?: number}} [options] as for `evaluate`
 * @returns {string}
 */
export function evaluateJson(requestJson, options = {}) {
  return engine().evaluate_json(String(requestJson), maxRequestBytes(options));
}

/** The `maxRequestBytes` option, checked: `undefined` for the engine's default. */
function maxRequestBytes(options) {
  const n = options?.maxRequestBytes;
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new RangeError(`maxRequestBytes must be a whole number from 0 to 4294967295, got ${n}`);
  }
  return n;
}

/** The engine version (also in every response's `receipt.engine_version`). */
export function version() {
  return engine().version();
}

/**
 * The legal parameter catalogue: one entry per parameter (`id`, `label_en`, `label_vi`,
 * dated `values`, each with its `citation` and `confidence`).
 *
 * @returns {object[]}
 */
export function parameters() {
  return JSON.parse(engine().parameters());
}
