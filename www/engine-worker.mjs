// The engine in a Web Worker: the page's main thread never compiles or runs the WebAssembly,
// so typing stays smooth on a cheap phone. The module is compiled while it downloads
// (`WebAssembly.compileStreaming`). Messages: `{ id, op: 'parameters', ids? }` → `{ id, ok }`
// (the catalogue JSON text, only the parameters `ids` when given); `{ id, op: 'evaluate', requests }` → `{ id, out: [{ ok } | { err }] }`
// with each response's JSON text or its contract error; an engine failure (a trap) →
// `{ id, fatal }`, after which the page starts a new worker.

import init, { evaluate, parameters } from '../bindings/wasm/pkg/web/bhxh_wasm.js';

const WASM = new URL('../bindings/wasm/pkg/web/bhxh_wasm_bg.wasm', import.meta.url);

async function compile() {
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(WASM));
    } catch {
      // A server without the wasm MIME type: compile from the bytes instead.
    }
  }
  return WebAssembly.compile(await (await fetch(WASM)).arrayBuffer());
}

const ready = compile().then((module) => init({ module_or_path: module }));

/** A contract error as a plain object (an Error's own fields survive `postMessage`). */
function plain(e) {
  if (e && typeof e === 'object') return { ...e, message: e.message, name: e.name };
  return { message: String(e) };
}

self.onmessage = async ({ data }) => {
  const { id, op, requests } = data;
  try {
    await ready;
    if (op === 'parameters') {
      const text = parameters();
      const ids = data.ids;
      self.postMessage({ id, ok: ids ? JSON.stringify(JSON.parse(text).filter((p) => ids.includes(p.id))) : text });
      return;
    }
    const out = [];
    for (const r of requests) {
      try {
        out.push({ ok: evaluate(JSON.stringify(r)) });
      } catch (e) {
        // A contract error carries a `code`; anything else is a failure of the engine.
        if (!(e && typeof e === 'object' && typeof e.code === 'string')) throw e;
        out.push({ err: plain(e) });
      }
    }
    self.postMessage({ id, out });
  } catch (e) {
    self.postMessage({ id, fatal: String(e?.stack ?? e) });
  }
};
