//! Any input, however large or odd, gets an answer or a coded error — never a panic — and
//! every answer keeps the contract's identities. Requests are built over extreme ranges:
//! money up to 10^15 and beyond, months 1900–2200, histories at the limits, overlays at the
//! edges of what their validation accepts.

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};

fn rate() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("0")),
        Just(json!("0.1")),
        Just(json!("0.0031")),
        Just(json!("0.5")),
        Just(json!("1e30")),
        (0u32..=1000).prop_map(|k| json!(format!("0.{k:04}"))),
    ]
}

/// An overlay that lifts the ceiling towards 10^15 (the reference level and the multiple at
/// the edges their validation accepts) and drops the income step: incomes up to the money
/// limit are valid.
fn wide_open(reference: i64) -> Value {
    json!({
        "reference_level": {"replace": true, "values": [{"from": "2016-01", "value": reference}]},
        "income_ceiling_multiple": {"replace": true, "values": [{"from": "2016-01", "value": 1000}]},
        "income_step": {"replace": true, "values": [{"from": "1900-01", "value": 1}]},
        "back_payment_max_months": {"values": [{"from": "2025-07", "value": 600}]}
    })
}

fn reference() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(2_340_000i64),
        Just(1_000_000_000_000i64),
        1i64..=1_000_000_000_000
    ]
}

/// A valid history ending before `end` (YYYY*12+M−1), incomes up to 10^15.
fn history_before(end: i32) -> impl Strategy<Value = Value> {
    proptest::collection::vec(
        (1u32..=600, 0i64..=1_000_000_000_000_000, any::<bool>()),
        1..4,
    )
    .prop_map(move |ps| {
        let mut last = end - 1;
        let mut out = Vec::new();
        for (n, income, back) in ps.into_iter().rev() {
            let from = (last - n as i32 + 1).max(2008 * 12);
            if from > last {
                break;
            }
            out.push(
                json!({"from": ym(from), "to": ym(last), "income": income, "back_paid": back}),
            );
            last = from - 1;
        }
        json!(out)
    })
}

/// An income from 2,200,000 to `top`, `x` millionths of the way.
fn between(top: i64, x: i64) -> i64 {
    let span = i128::from((top - 2_200_000).max(0));
    2_200_000 + i64::try_from(span * i128::from(x) / 1_000_000).unwrap_or(0)
}

fn ym(t: i32) -> String {
    format!("{}-{:02}", t / 12, t % 12 + 1)
}

fn request() -> impl Strategy<Value = Value> {
    let method = prop_oneof![
        Just(("monthly", 1i64)),
        Just(("every_12_months", 12)),
        Just(("advance", 60)),
        Just(("advance", 24)),
        Just(("back_payment", 536)),
        Just(("back_payment", 60))
    ];
    prop_oneof![
        (2025i32 * 12 + 6..=2200 * 12, reference(), 0i64..=1_000_000, method, rate(), 0i64..=130).prop_map(
            |(t, r, x, (method, months), rate, before)| {
                let top = (r * 1000).min(1_000_000_000_000_000);
                json!({
                    "calculation": "contribution", "payment_month": ym(t),
                    "income": between(top, x),
                    "method": method, "months": months, "fund_rate_monthly": rate,
                    "subsidised_months_before": before, "parameters": wide_open(r)
                })
            }
        ),
        (2025i32 * 12 + 6..=2200 * 12, reference(), 0i64..=1_000_000, rate(), 0i32..60).prop_map(|(t, r, x, rate, k)| {
            let top = (r * 1000).min(1_000_000_000_000_000);
            json!({
                "calculation": "refund", "payment_month": ym(t), "method": "advance", "months": 60,
                "income": between(top, x),
                "fund_rate_monthly": rate, "reason": "death", "from_month": ym(t + k),
                "parameters": wide_open(r), "trace": k % 2 == 0
            })
        }),
        (2025i32 * 12 + 6..=2200 * 12).prop_flat_map(|t| (Just(t), history_before(t), 1900i32..=2150)).prop_map(|(t, h, y)| json!({
            "calculation": "pension", "sex": "female", "birth_date": y.to_string(), "history": h, "claim_month": ym(t)
        })),
        (2016i32 * 12..=2200 * 12).prop_flat_map(|t| (Just(t), history_before(t))).prop_map(|(t, h)| json!({
            "calculation": "death", "death_month": ym(t), "history": h
        })),
        (2016i32 * 12..=2200 * 12).prop_flat_map(|t| (Just(t), history_before(t), 1900i32..=2150)).prop_map(|(t, h, y)| json!({
            "calculation": "lump_sum", "reason": "emigration", "settlement_month": ym(t), "history": h,
            "sex": "male", "birth_date": y.to_string()
        })),
        (2025i32 * 12 + 6..=2200 * 12).prop_flat_map(|t| (Just(t), history_before(t), 1900i32..=2150)).prop_map(|(t, h, y)| json!({
            "calculation": "monthly_allowance", "sex": "male", "birth_date": y.to_string(), "settlement_month": ym(t), "history": h
        })),
        (1911i32..=2011, reference(), 0i64..=1_000_000, rate(), prop_oneof![Just("advance"), Just("monthly"), Just("every_6_months")])
            .prop_map(|(y, r, x, inf, method)| {
                let top = (r * 1000).min(1_000_000_000_000_000);
                json!({
                    "calculation": "estimate", "as_of": "2026-11-29", "sex": "male", "birth_date": y.to_string(),
                    "income": between(top, x), "method": method,
                    "assumptions": {"annual_inflation": inf}, "parameters": wide_open(r), "trace": false
                })
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn never_a_panic_and_answers_keep_their_identities(req in request()) {
        let text = req.to_string();
        let answer = std::panic::catch_unwind(|| bhxh::evaluate_to_json(&text));
        prop_assert!(answer.is_ok(), "panic on {}", text);
        let (out, is_err) = answer.unwrap_or_default();
        let v: Value = serde_json::from_str(&out).expect("JSON");
        if is_err {
            let code = v["error"]["code"].as_str().unwrap_or_default();
            prop_assert!(!code.is_empty() && code != "internal_error", "{out}");
            let vi = v["error"]["message_vi"].as_str().unwrap_or_default();
            prop_assert_eq!(common::english_in(vi), None, "{}", out);
        } else if v["calculation"] == "contribution" {
            let n = |k: &str| v[k].as_i64().unwrap_or(i64::MIN);
            prop_assert_eq!(
                n("payable"),
                n("gross") - n("state_support") - n("local_support") - n("discount") + n("interest"),
                "{}", out
            );
            prop_assert!(n("payable") >= 0 && n("payable") <= 1_000_000_000_000_000 * 61);
        } else if v["calculation"] == "refund" {
            prop_assert!(v["amount"].as_i64().unwrap_or(-1) >= 0);
        }
    }
}

/// A 10 MB value is quoted as a short excerpt, never echoed whole (it used to produce 20–30 MB
/// of output).
#[test]
fn a_huge_value_is_quoted_as_an_excerpt() {
    let huge = "x".repeat(10 << 20);
    for (field, req) in [
        (
            "sex",
            json!({"calculation": "retirement", "sex": huge, "birth_date": "1970"}),
        ),
        (
            "payment_month",
            json!({"calculation": "contribution", "payment_month": huge, "income": 3_000_000}),
        ),
        (
            "categories[0]",
            json!({"calculation": "contribution", "payment_month": "2026-03", "income": 3_000_000, "method": "monthly", "categories": [huge]}),
        ),
        (
            "birth_date",
            json!({"calculation": "retirement", "sex": "male", "birth_date": huge}),
        ),
    ] {
        let err = bhxh::evaluate_with_limit(&req.to_string(), 20 << 20).expect_err(field);
        assert_eq!(err.field(), Some(field), "{err}");
        let json = err.to_json().to_string();
        assert!(json.len() < 600, "{field}: {} bytes", json.len());
        assert!(json.contains('…'), "{json}");
    }
}
