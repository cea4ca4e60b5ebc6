//! WebAssembly binding of the `bhxh` engine.
//!
//! Every function is the same three steps: take the request text, call the engine, return
//! its text. Contract errors cross the boundary in one place (`to_js_error`) as a thrown JS
//! `Error` carrying `.code`, `.field` and `.message_vi`; nothing here looks at pension data.

use wasm_bindgen::prelude::*;

/// The size limit asked for, or the engine's default (1 MiB).
fn limit(max_request_bytes: Option<u32>) -> usize {
    max_request_bytes.map_or(bhxh::MAX_REQUEST_BYTES, |n| n as usize)
}

/// Evaluates one JSON request (at most `max_request_bytes` UTF-8 bytes, default 1 MiB) and
/// returns the response JSON.
///
/// # Errors
/// Throws a JS `Error` with `.code`, `.field` (when known) and `.message_vi`
/// (`request_too_large` above the limit).
#[wasm_bindgen]
pub fn evaluate(request: &str, max_request_bytes: Option<u32>) -> Result<String, JsValue> {
    bhxh::evaluate_with_limit(request, limit(max_request_bytes)).map_err(|e| to_js_error(&e))
}

/// Evaluates one JSON request and always returns JSON: the response or the contract's error
/// object, byte for byte what `bhxh eval` prints.
#[wasm_bindgen]
pub fn evaluate_json(request: &str, max_request_bytes: Option<u32>) -> String {
    bhxh::evaluate_to_json_with_limit(request, limit(max_request_bytes)).0
}

/// The engine version.
#[wasm_bindgen]
pub fn version() -> String {
    bhxh::ENGINE_VERSION.to_string()
}

/// The legal parameter catalogue (values, dates, citations, confidence) as JSON.
#[wasm_bindgen]
pub fn parameters() -> String {
    bhxh::catalogue().to_string()
}

/// The one place where an engine error becomes a JS exception.
fn to_js_error(e: &bhxh::Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let set = |k: &str, v: &str| {
        // Setting a property on a fresh Error object cannot fail; ignore the Result anyway.
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    set("code", e.code());
    set("message_vi", &e.message_vi());
    if let Some(f) = e.field() {
        set("field", f);
    }
    err.set_name("BhxhError");
    err.into()
}
