//! Any bytes as a request: the engine answers with a response or a coded error object,
//! never a panic, and an answer keeps the contract's identity for `contribution`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let out = match bhxh::evaluate_bytes(data, bhxh::MAX_REQUEST_BYTES) {
        Ok(out) => out,
        Err(e) => {
            assert!(!e.code().is_empty());
            assert_ne!(e.code(), "internal_error");
            return;
        }
    };
    let v: serde_json::Value = serde_json::from_str(&out).expect("a response is JSON");
    if v["calculation"] == "contribution" {
        let n = |k: &str| v[k].as_i64().expect("money");
        assert_eq!(
            n("payable"),
            n("gross") - n("state_support") - n("local_support") - n("discount") + n("interest")
        );
    }
});
