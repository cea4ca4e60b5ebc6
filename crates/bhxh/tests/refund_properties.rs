//! Properties of `refund` (decision K-7) against `contribution` (decision K-4): a refund never
//! exceeds what was paid, refunding a 3/6/12-month payment from its first month returns the
//! whole participant share, and refunding an advance from its first month returns exactly
//! its payable.

use proptest::prelude::*;
use serde_json::{json, Value};

fn eval(req: &Value) -> Value {
    serde_json::from_str(&bhxh::evaluate(&req.to_string()).expect("valid request")).expect("JSON")
}

fn payment() -> impl Strategy<Value = (String, i64, &'static str, u32, &'static str, i64)> {
    (
        (2025i32..=2027, 1u32..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
        0i64..=200,
        prop_oneof![
            Just(("every_3_months", 3u32)),
            Just(("every_6_months", 6)),
            Just(("every_12_months", 12)),
            Just(("advance", 24)),
            Just(("advance", 36)),
            Just(("advance", 60)),
        ],
        prop_oneof![
            Just("poor"),
            Just("near_poor"),
            Just("other"),
            Just("ethnic_minority")
        ],
        0i64..=120,
    )
        .prop_filter("months after 2025-06", |(m, ..)| m.as_str() >= "2025-07")
        .prop_map(|(month, steps, (method, n), category, before)| {
            (month, steps, method, n, category, before)
        })
}

fn request(p: &(String, i64, &str, u32, &str, i64)) -> Value {
    let (month, steps, method, n, category, before) = p;
    // Incomes on the 50,000 step from 2,200,000 (above both poverty lines).
    let mut r = json!({
        "calculation": "contribution", "payment_month": month, "income": 2_200_000 + steps * 50_000,
        "method": method, "categories": [category], "subsidised_months_before": before, "trace": false
    });
    if *method == "advance" {
        r["months"] = json!(n);
    }
    r
}

fn month_plus(m: &str, k: u32) -> String {
    let (y, mm): (i32, i32) = (m[..4].parse().unwrap(), m[5..].parse().unwrap());
    let t = y * 12 + mm - 1 + k as i32;
    format!("{}-{:02}", t / 12, t % 12 + 1)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn refund_within_what_was_paid(p in payment(), k in 0u32..60, reason in prop_oneof![
        Just("compulsory_insurance"), Just("lump_sum"), Just("death"), Just("pension")]) {
        let mut req = request(&p);
        let paid = eval(&req);
        let n = paid["months_covered"].as_u64().unwrap() as u32;
        let k = k % n;
        req["calculation"] = json!("refund");
        req["reason"] = json!(reason);
        req["from_month"] = json!(month_plus(&p.0, k));
        let r = eval(&req);
        let amount = r["amount"].as_i64().unwrap();
        prop_assert!(amount >= 0);
        prop_assert!(amount <= paid["payable"].as_i64().unwrap(), "{r}");
        prop_assert_eq!(r["months_refunded"].as_u64().unwrap() as u32, n - k);
        prop_assert_eq!(amount, (r["contributions"].as_i64().unwrap() - r["support_excluded"].as_i64().unwrap()).max(0));
        if k == 0 {
            // From the first month: the whole participant share, for every method (K-4, K-7).
            prop_assert_eq!(amount, paid["payable"].as_i64().unwrap());
        }
        if p.2 != "advance" {
            // 3/6/12 months: exactly the unused months' own payments (art. 8.2).
            let own: i64 = paid["per_month"].as_array().unwrap()[k as usize..].iter()
                .map(|l| l["gross"].as_i64().unwrap() - l["state_support"].as_i64().unwrap() - l["local_support"].as_i64().unwrap())
                .sum();
            prop_assert_eq!(amount, own);
        }
    }
}
