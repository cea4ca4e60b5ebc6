//! Property tests of the benefit calculations: monotonicity, caps and signs.

use proptest::prelude::*;
use serde_json::{json, Value};

fn eval(v: &Value) -> Result<Value, Value> {
    let (out, err) = bhxh::evaluate_to_json(&v.to_string());
    let parsed: Value = serde_json::from_str(&out).expect("JSON out");
    if err {
        Err(parsed)
    } else {
        Ok(parsed)
    }
}

fn ym(ord: i32) -> String {
    format!("{:04}-{:02}", ord / 12, ord % 12 + 1)
}

prop_compose! {
    /// 1–3 consecutive-ish voluntary periods between 2008 and 2058, incomes on the step.
    fn history()(start in (2008 * 12)..(2030 * 12), lens in proptest::collection::vec((1i32..200, 0i32..24, 30i64..200), 1..4)) -> Vec<Value> {
        let mut out = Vec::new();
        let mut m: i32 = start;
        for (len, gap, inc) in lens {
            let to = (m + len - 1).min(2058 * 12 + 11);
            if to < m { break; }
            out.push(json!({"from": ym(m), "to": ym(to), "income": inc * 50_000}));
            m = to + 1 + gap;
            if m > 2058 * 12 { break; }
        }
        out
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// More income on a period never lowers the pension; the rate never exceeds 75 %.
    #[test]
    fn more_income_never_lowers_the_pension(h in history(), male in any::<bool>(), by in 1970i32..1995, pick in 0usize..3, extra in 1i64..40) {
        let sex = if male { "male" } else { "female" };
        let req = json!({"calculation": "pension", "sex": sex, "birth_date": by.to_string(), "history": h, "claim_month": "2060-01"});
        let a = eval(&req).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let rate: rust_decimal::Decimal = a["rate"].as_str().unwrap().parse().unwrap();
        prop_assert!(rate <= rust_decimal::Decimal::new(75, 2));
        let mut richer = req.clone();
        let i = pick % h.len();
        let inc = richer["history"][i]["income"].as_i64().unwrap();
        richer["history"][i]["income"] = json!(inc + extra * 50_000);
        let b = eval(&richer).unwrap();
        prop_assert!(b["monthly_pension"].as_i64() >= a["monthly_pension"].as_i64());
        prop_assert!(b["average_income"].as_i64() > a["average_income"].as_i64());
    }

    /// One more month at an income at least the current average never lowers the pension.
    #[test]
    fn one_more_month_never_lowers_the_pension(h in history(), male in any::<bool>(), by in 1970i32..1995) {
        let sex = if male { "male" } else { "female" };
        let req = json!({"calculation": "pension", "sex": sex, "birth_date": by.to_string(), "history": h, "claim_month": "2060-01"});
        let a = eval(&req).unwrap();
        let last: String = h.last().unwrap()["to"].as_str().unwrap().to_string();
        let y: i32 = last[..4].parse().unwrap();
        let m: i32 = last[5..].parse().unwrap();
        let next = y * 12 + m; // ordinal of the month after `last`
        prop_assume!(next < 2059 * 12);
        let mbq = a["average_income"].as_i64().unwrap();
        let income = (mbq + 49_999) / 50_000 * 50_000;
        let mut longer = req.clone();
        longer["history"].as_array_mut().unwrap().push(json!({"from": ym(next.max(2027 * 12)), "to": ym(next.max(2027 * 12)), "income": income}));
        let b = eval(&longer).unwrap();
        prop_assert!(b["contribution_months"].as_i64().unwrap() == a["contribution_months"].as_i64().unwrap() + 1);
        prop_assert!(b["monthly_pension"].as_i64() >= a["monthly_pension"].as_i64(), "{} < {}", b["monthly_pension"], a["monthly_pension"]);
        prop_assert!(b["eligible"].as_bool() >= a["eligible"].as_bool());
    }

    /// Lump sums and death benefits are never negative, for every reason.
    #[test]
    fn lump_sums_and_death_benefits_are_never_negative(h in history(), reason in 0usize..5, support in proptest::option::of(0i64..1_000_000_000), k in 1i32..200, pension in 0i64..50_000_000) {
        let reasons = ["retirement_age_without_pension", "emigration", "serious_illness", "severe_disability", "stopped_12_months"];
        let mut req = json!({"calculation": "lump_sum", "reason": reasons[reason], "settlement_month": "2059-06", "history": h, "sex": "male", "birth_date": "1960"});
        if let Some(s) = support { req["support_received"] = json!(s); }
        if let Ok(r) = eval(&req) {
            for key in ["gross_amount", "support_deducted", "amount"] {
                prop_assert!(r[key].as_i64().unwrap() >= 0, "{key} {}", r[key]);
            }
        }
        let death = json!({"calculation": "death", "death_month": "2059-06", "history": h});
        let r = eval(&death).unwrap();
        prop_assert!(r["funeral_allowance"].as_i64().unwrap() >= 0 && r["survivor_lump_sum"].as_i64().unwrap() >= 0);
        prop_assert_eq!(r["monthly_survivor_allowance"].as_i64(), Some(0));
        for dm in ["2025-05", "2026-09"] {
            let start = 2025 * 12 + 4 - k; // k months of pension up to 2025-05
            let death = json!({"calculation": "death", "death_month": dm, "pension": {"monthly_amount": pension, "start_month": ym(start)}});
            let r = eval(&death).unwrap();
            prop_assert!(r["survivor_lump_sum"].as_i64().unwrap() >= 0);
            if dm == "2026-09" && pension > 0 {
                prop_assert!(r["survivor_lump_sum"].as_i64().unwrap() >= 3 * pension, "floor of 3 months (K-15)");
            }
        }
    }
}

fn junk() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "[a-z0-9_\\-]{0,10}".prop_map(Value::String),
        Just(json!("2026-13")),
        Just(json!([])),
        Just(json!([{"from": "2030-01", "to": "2020-01", "income": 1}])),
        Just(json!([{"from": "2020-01", "to": "2030-01", "income": 1.5}])),
        Just(json!({"monthly_amount": -1, "start_month": "x"})),
        Just(json!([{"from": "1900-01", "to": "2200-12", "income": 1000000000000000i64}])),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Junk in any field of any benefit request gets a response or a coded error, never a panic.
    #[test]
    fn benefit_requests_never_panic(calc in 0usize..6, key in 0usize..8, j in junk(), h in history()) {
        let bases = [
            json!({"calculation": "pension", "sex": "female", "birth_date": "1970-05", "history": h, "claim_month": "2060-01"}),
            json!({"calculation": "lump_sum", "reason": "emigration", "settlement_month": "2059-01", "history": h, "support_received": 10, "sex": "male", "birth_date": "1960"}),
            json!({"calculation": "death", "death_month": "2059-01", "history": h}),
            json!({"calculation": "maternity", "child_birth_month": "2059-01", "history": h, "children": 2}),
            json!({"calculation": "monthly_allowance", "sex": "male", "birth_date": "1990-01", "history": h, "settlement_month": "2059-01", "poor_or_near_poor_household": true}),
            json!({"calculation": "social_pension", "birth_date": "1950", "month": "2030-01", "poor_or_near_poor_household": false, "monthly_pension": 100}),
        ];
        let mut req = bases[calc].clone();
        let keys: Vec<String> = req.as_object().unwrap().keys().filter(|k| *k != "calculation").cloned().collect();
        let k = &keys[key % keys.len()];
        req[k.as_str()] = j;
        let (out, err) = bhxh::evaluate_to_json(&req.to_string());
        let v: Value = serde_json::from_str(&out).unwrap();
        if err {
            let code = v["error"]["code"].as_str().unwrap();
            prop_assert!(!code.is_empty() && code != "unknown_field", "{code} for {req}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// The typed fast path of `evaluate` (history deserialised directly) and the JSON-tree
    /// path give byte-identical answers, valid or not.
    #[test]
    fn fast_and_tree_paths_agree(h in history(), calc in 0usize..5, j in junk(), spoil in 0usize..6, idx in 0usize..3) {
        let mut hist = Value::Array(h);
        let n = hist.as_array().unwrap().len();
        let keys = ["from", "to", "income", "scheme", "categories", "colour"];
        if spoil < keys.len() && idx < n {
            hist[idx][keys[spoil]] = j;
        }
        let bases = [
            json!({"calculation": "pension", "sex": "female", "birth_date": "1970-05", "history": hist, "claim_month": "2060-01"}),
            json!({"calculation": "lump_sum", "reason": "emigration", "settlement_month": "2059-01", "history": hist}),
            json!({"calculation": "death", "death_month": "2059-01", "history": hist}),
            json!({"calculation": "maternity", "child_birth_month": "2059-01", "history": hist}),
            json!({"calculation": "contribution", "payment_month": "2026-03", "income": 2000000, "method": "monthly", "history": hist}),
        ];
        let req = &bases[calc];
        let fast = bhxh::evaluate(&req.to_string());
        let tree = bhxh::evaluate_value(req);
        prop_assert_eq!(fast, tree);
    }
}

/// One period written out by hand: keys in any order, optional keys present or not,
/// white space anywhere, and (when `spoil` says so) one unusual spelling.
fn period_text(p: &Value, order: &[usize], extras: u8, ws: &str, spoil: Option<usize>) -> String {
    let from = p["from"].as_str().unwrap();
    let income = p["income"].as_i64().unwrap();
    let mut fields: Vec<(String, String)> = vec![
        ("from".into(), format!("\"{from}\"")),
        ("to".into(), format!("\"{}\"", p["to"].as_str().unwrap())),
        ("income".into(), income.to_string()),
    ];
    let optional = [
        ("back_paid", ["true", "false", "null"]),
        ("scheme", ["\"voluntary\"", "null", "\"compulsory\""]),
        ("categories", ["null", "[]", "[ \"poor\" , \"other\" ]"]),
        ("province", ["\"hue\"", "null", "\"Not A Slug\""]),
    ];
    for (i, (k, vs)) in optional.iter().enumerate() {
        let pick = (extras >> (2 * i)) & 3;
        if pick < 3 {
            fields.push(((*k).into(), vs[pick as usize].into()));
        }
    }
    match spoil {
        Some(0) => fields[0].1 = format!("\"{}\\u002d{}\"", &from[..4], &from[5..]),
        Some(1) => fields[2].1 = format!("{income}.0"),
        Some(2) => fields[2].1 = format!("{}e3", income / 1000),
        Some(3) => fields[2].1 = "-0".into(),
        Some(4) => fields[2].1 = format!("-{income}"),
        Some(5) => fields[2].1 = format!("\"{income}\""),
        Some(6) => fields.push(("income".into(), "1".into())),
        Some(7) => fields.push(("colour".into(), "\"red\"".into())),
        Some(8) => {
            fields.remove(2);
        }
        Some(9) => fields[2].1 = format!("0{income}"), // not JSON
        Some(10) => fields[1].1 = "\"2020-1\"".into(),
        Some(11) => fields[0].0 = "fro\\u006d".into(),
        // Two errors in one period: both paths must report the same one first.
        Some(12) => {
            fields[0].1 = "\"x\"".into();
            fields[2].1 = "-5".into();
        }
        Some(13) => {
            fields[0].1 = "\"x\"".into();
            fields[2].1 = "1000000000000001".into();
        }
        Some(14) => {
            fields[0] = ("fro\\u006d".into(), "\"x\"".into());
            fields[2].1 = "1000000000000001".into();
        }
        _ => {}
    }
    let mut idx: Vec<usize> = (0..fields.len()).collect();
    for i in 0..idx.len() {
        let j = i + order[i % order.len()] % (idx.len() - i);
        idx.swap(i, j);
    }
    let body: Vec<String> = idx
        .iter()
        .map(|&i| format!("{ws}\"{}\"{ws}:{ws}{}", fields[i].0, fields[i].1))
        .collect();
    format!("{{{}{ws}}}", body.join(","))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    /// The one-pass request reader (`request_text`) and the JSON tree give byte-identical
    /// answers — values or errors — on arbitrary spellings of a request; text that is not
    /// JSON is `malformed_json` either way.
    #[test]
    fn request_text_matches_the_tree_path(
        h in history(),
        calc in 0usize..5,
        order in proptest::collection::vec(0usize..8, 8),
        extras in proptest::collection::vec(any::<u8>(), 4),
        ws in prop_oneof![Just(""), Just(" "), Just("\n  "), Just("\t")],
        spoil in proptest::option::of(0usize..15),
        spoiled in 0usize..3,
        top_spoil in 0usize..8,
        trace in any::<bool>(),
    ) {
        let periods: Vec<String> = h
            .iter()
            .enumerate()
            .map(|(i, p)| period_text(p, &order, extras[i % 4], ws, spoil.filter(|_| i == spoiled % h.len())))
            .collect();
        let history = format!("[{ws}{}{ws}]", periods.join(&format!(",{ws}")));
        let mut top: Vec<String> = match calc {
            0 => vec![r#""calculation":"pension""#.into(), r#""sex":"female""#.into(), r#""birth_date":"1970-05""#.into(), r#""claim_month":"2060-01""#.into()],
            1 => vec![r#""calculation":"lump_sum""#.into(), r#""reason":"emigration""#.into(), r#""settlement_month":"2059-01""#.into()],
            2 => vec![r#""calculation":"death""#.into(), r#""death_month":"2059-01""#.into()],
            3 => vec![r#""calculation":"maternity""#.into(), r#""child_birth_month":"2059-01""#.into(), r#""children":2"#.into()],
            // A calculation without a history: `history` is an unknown field.
            _ => vec![r#""calculation":"retirement""#.into(), r#""sex":"male""#.into(), r#""birth_date":"1964-03""#.into()],
        };
        top.push(format!("\"trace\":{ws}{trace}"));
        top.push(format!("\"history\":{ws}{history}"));
        match top_spoil {
            0 => top.push(r#""parameters":{"reference_level":{"values":[{"from":"2026-07","value":2340000}]}}"#.into()),
            1 => top.push(r#""history":[]"#.into()),
            2 => top.push(r#""note":"caf\u00e9""#.into()),
            3 => top.push(r#""children":1.5"#.into()),
            // An unknown key sorting before `history`.
            4 => top.push(r#""aaa":1"#.into()),
            // Nesting at serde_json's limit for the whole request.
            5 => top.push(format!("\"note\":{}1{}", "[".repeat(127), "]".repeat(127))),
            _ => {}
        }
        let n = top.len();
        top.rotate_left(order[0] % n);
        let text = format!("{ws}{{{ws}{}{ws}}}{ws}", top.join(&format!(",{ws}")));
        let fast = bhxh::evaluate(&text);
        match (serde_json::from_str::<Value>(&text), repeats_a_key(&text)) {
            // Strict JSON (K-20): a repeated key is refused whichever path read it.
            (_, Some(true)) => prop_assert_eq!(fast.map_err(|e| e.code()), Err("duplicate_field"), "{}", text),
            (Ok(tree), _) => prop_assert_eq!(fast, bhxh::evaluate_value(&tree), "{}", text),
            (Err(_), _) => prop_assert_eq!(fast.map_err(|e| e.code()), Err("malformed_json"), "{}", text),
        }
    }
}

/// Whether JSON `text` repeats a key in one object before any syntax error (`None`: the
/// text is not JSON before a repeat is seen) — a reference for decision K-20 written apart
/// from the engine's reader.
fn repeats_a_key(text: &str) -> Option<bool> {
    use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    struct Scan;
    impl<'de> Visitor<'de> for Scan {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_str<E>(self, _: &str) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_unit<E>(self) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<bool, A::Error> {
            while let Some(x) = a.next_element_seed(Wrap)? {
                if x {
                    while a.next_element::<IgnoredAny>().unwrap_or(None).is_some() {}
                    return Ok(true);
                }
            }
            Ok(false)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<bool, A::Error> {
            let mut keys = std::collections::HashSet::new();
            while let Some(k) = a.next_key::<String>()? {
                if !keys.insert(k) || a.next_value_seed(Wrap)? {
                    return Err(serde::de::Error::custom("repeat"));
                }
            }
            Ok(false)
        }
    }
    struct Wrap;
    impl<'de> serde::de::DeserializeSeed<'de> for Wrap {
        type Value = bool;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
            d.deserialize_any(Scan)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match de.deserialize_any(Scan) {
        Ok(found) => de.end().ok().map(|()| found),
        Err(e) if e.to_string().starts_with("repeat") => Some(true),
        Err(_) => None,
    }
}
