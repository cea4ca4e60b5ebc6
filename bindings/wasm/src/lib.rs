//! WebAssembly binding of the `bhxh` engine.
//!
//! Every function is the same three steps: take the request text, call the engine, return
//! its text. Contract errors cross the boundary in one place (`to_js_error`) as a thrown JS
//! `Error` carrying `.code`, `.field` and `.message_vi`; nothing here looks at pension data.

use wasm_bindgen::prelude::*;

/// Evaluates one JSON request and returns the response JSON.
///
/// # Errors
/// Throws a JS `Error` with `.code`, `.field` (when known) and `.message_vi`.
#[wasm_bindgen]
pub fn evaluate(request: &str) -> Result<String, JsValue> {
    bhxh::evaluate(request).map_err(|e| to_js_error(&e))
}

/// Evaluates one JSON request and always returns JSON: the response or the contract's error
/// object, byte for byte what `bhxh eval` prints.
#[wasm_bindgen]
pub fn evaluate_json(request: &str) -> String {
    bhxh::evaluate_to_json(request).0
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
