//! Property tests: invariants of the contract over random valid and invalid inputs.

use bhxh::batch::{MonthlyQuoter, RowStatus};
use bhxh::calc::contribution::Contribution;
use bhxh::calc::retirement::Retirement;
use bhxh::Response;
use bhxh::{Params, YearMonth};
use proptest::prelude::*;
use serde_json::{json, Value};

const CATS: [&str; 6] = [
    "poor",
    "near_poor",
    "ethnic_minority",
    "island_or_special_zone",
    "other",
    "ha_noi_other_eligible",
];
const METHODS: [&str; 6] = [
    "monthly",
    "every_3_months",
    "every_6_months",
    "every_12_months",
    "advance",
    "back_payment",
];

fn month(y: i32, m: u32) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

/// Income limits of a payment month (from the engine's own data).
fn limits(m: YearMonth) -> (i64, i64) {
    let p = Params::embedded().unwrap();
    let floor = *p.rural_poverty_line.at(m).unwrap().value;
    let reference = *p.reference_level.at(m).unwrap().value;
    (floor, 20 * reference)
}

prop_compose! {
    /// A valid contribution request: payment month 2016-01..2030-12, income on the step.
    fn valid_request()(y in 2016i32..=2030, mo in 1u32..=12, frac in 0u32..=1000,
                       method in 0usize..6, adv in 0usize..4, back in 1i64..=60,
                       cats in proptest::collection::vec(0usize..5, 1..3),
                       hanoi in any::<bool>(), local_cat in any::<bool>(),
                       before in 0i64..=120) -> Value {
        let m = month(y, mo);
        let (floor, ceiling) = limits(m);
        let steps = (ceiling - floor) / 50_000;
        let income = floor + (steps * i64::from(frac) / 1000) * 50_000;
        let mut r = json!({
            "calculation": "contribution",
            "payment_month": m.to_string(),
            "income": income,
            "method": METHODS[method],
            "subsidised_months_before": before,
        });
        let mut categories: Vec<&str> = cats.iter().map(|i| CATS[*i]).collect();
        if hanoi {
            r["province"] = json!("ha_noi");
            if local_cat { categories.push(CATS[5]); }
        }
        r["categories"] = json!(categories);
        match METHODS[method] {
            "advance" => r["months"] = json!([24, 36, 48, 60][adv]),
            "back_payment" => r["months"] = json!(back),
            _ => {}
        }
        if y < 2020 && (METHODS[method] == "advance" || METHODS[method] == "back_payment") {
            r["fund_rate_monthly"] = json!("0.004");
        }
        r
    }
}

fn eval(v: &Value) -> Result<Value, Value> {
    let (out, err) = bhxh::evaluate_to_json(&v.to_string());
    let parsed: Value = serde_json::from_str(&out).expect("engine output is JSON");
    if err {
        Err(parsed)
    } else {
        Ok(parsed)
    }
}

fn int(v: &Value, k: &str) -> i64 {
    v[k].as_i64()
        .unwrap_or_else(|| panic!("{k} missing in {v}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn contract_identities_hold(req in valid_request()) {
        let r = eval(&req).map_err(|e| TestCaseError::fail(format!("{req} -> {e}")))?;
        let (gross, state, local, discount, interest, payable) = (
            int(&r, "gross"), int(&r, "state_support"), int(&r, "local_support"),
            int(&r, "discount"), int(&r, "interest"), int(&r, "payable"));
        prop_assert_eq!(payable, gross - state - local - discount + interest);
        prop_assert!(state >= 0 && local >= 0 && state + local <= gross, "support ≤ gross");
        prop_assert!(payable >= 0);
        let method = req["method"].as_str().unwrap();
        prop_assert!(discount == 0 || method == "advance");
        prop_assert!(interest == 0 || method == "back_payment");
        if method == "back_payment" {
            prop_assert_eq!(state + local, 0);
            prop_assert!(interest > 0);
        }
        // An advance is discounted, unless the support covers the whole gross (a poor
        // participant with a 100 % top-up at the floor pays 0 and has nothing to discount).
        if method == "advance" {
            prop_assert!(discount > 0 || (state + local == gross && payable == 0));
        }
        // Month lines add up to the totals.
        let lines = r["per_month"].as_array().unwrap();
        prop_assert_eq!(lines.len() as i64, int(&r, "months_covered"));
        prop_assert_eq!(lines.iter().map(|l| int(l, "gross")).sum::<i64>(), gross);
        prop_assert_eq!(lines.iter().map(|l| int(l, "state_support")).sum::<i64>(), state);
        prop_assert_eq!(lines.iter().map(|l| int(l, "local_support")).sum::<i64>(), local);
        // Every step cites something and speaks both languages.
        for s in r["trace"].as_array().unwrap() {
            prop_assert!(!s["citation"].as_str().unwrap().is_empty());
            prop_assert!(!s["text_vi"].as_str().unwrap().is_empty());
            prop_assert!(!s["text_en"].as_str().unwrap().is_empty());
        }
    }

    #[test]
    fn gross_is_monotone_in_income(req in valid_request(), extra in 1i64..20) {
        let a = eval(&req);
        let mut more = req.clone();
        more["income"] = json!(req["income"].as_i64().unwrap() + extra * 50_000);
        let b = eval(&more);
        if let (Ok(a), Ok(b)) = (a, b) {
            prop_assert!(int(&b, "gross") > int(&a, "gross"));
            prop_assert!(int(&b, "payable") >= int(&a, "payable"));
            prop_assert_eq!(int(&b, "state_support"), int(&a, "state_support"), "support does not scale with income");
        }
    }

    #[test]
    fn responses_round_trip(req in valid_request()) {
        let text = bhxh::evaluate(&req.to_string()).unwrap();
        let parsed: Response<Contribution> = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(serde_json::to_string(&parsed).unwrap(), text);
    }

    #[test]
    fn batch_equals_json_path(y in 2016i32..=2030, mo in 1u32..=12, income_steps in 0i64..1000,
                              cat in 0u8..5, before in 0u32..=125, hanoi in any::<bool>()) {
        let m = month(y, mo);
        let income = 1_400_000 + income_steps * 50_000;
        let p = Params::embedded().unwrap();
        let province = if hanoi { Some("ha_noi") } else { None };
        let mut q = MonthlyQuoter::new(p, province);
        let fast = q.quote(m, income, cat, before);
        let mut req = json!({"calculation": "contribution", "payment_month": m.to_string(), "income": income,
                             "method": "monthly", "categories": [CATS[cat as usize]], "subsidised_months_before": before});
        if hanoi { req["province"] = json!("ha_noi"); }
        match (fast, eval(&req)) {
            (Ok(f), Ok(r)) => {
                prop_assert_eq!(f.gross, int(&r, "gross"));
                prop_assert_eq!(f.state_support, int(&r, "state_support"));
                prop_assert_eq!(f.local_support, int(&r, "local_support"));
                prop_assert_eq!(f.payable, int(&r, "payable"));
            }
            (Err(st), Err(e)) => prop_assert_eq!(st.code(), e["error"]["code"].as_str().unwrap()),
            (f, r) => prop_assert!(false, "batch {:?} vs json {:?}", f, r),
        }
        prop_assert_ne!(RowStatus::Ok.code(), "");
    }

    #[test]
    fn retirement_age_is_reached_in_its_roadmap_year(y in 1930i32..=2010, mo in 1u32..=12, male in any::<bool>()) {
        let sex = if male { "male" } else { "female" };
        let b = format!("{y:04}-{mo:02}");
        let r = eval(&json!({"calculation": "retirement", "sex": sex, "birth_date": b})).unwrap();
        let parsed: Retirement = serde_json::from_value(r.clone()).unwrap_or_else(|_| {
            let mut o = r.as_object().unwrap().clone();
            for k in ["calculation", "trace", "warnings", "receipt"] { o.remove(k); }
            serde_json::from_value(Value::Object(o)).unwrap()
        });
        let reached = parsed.age_reached_month;
        prop_assert_eq!(reached.months_since(month(y, mo)) as u32, parsed.retirement_age.total_months());
        // A person born one month later never reaches retirement age earlier.
        let next = month(y, mo).plus(1);
        let r2 = eval(&json!({"calculation": "retirement", "sex": sex, "birth_date": next.to_string()})).unwrap();
        let m2: YearMonth = r2["age_reached_month"].as_str().unwrap().parse().unwrap();
        prop_assert!(m2 > reached);
    }

    /// No byte string makes the engine panic; every answer is JSON.
    #[test]
    fn any_text_gets_json(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        let (out, _) = bhxh::evaluate_to_json(&text);
        prop_assert!(serde_json::from_str::<Value>(&out).is_ok());
    }

    /// Random JSON trees (and random field values spliced into valid requests) get a
    /// response or an error with a code — never a panic.
    #[test]
    fn any_json_gets_an_answer(req in valid_request(), junk in arb_json(), key in 0usize..12) {
        let keys = ["calculation", "payment_month", "income", "method", "months", "categories",
                    "province", "subsidised_months_before", "fund_rate_monthly", "parameters", "trace", "sex"];
        let mut spliced = req.clone();
        spliced[keys[key]] = junk.clone();
        for v in [junk, spliced] {
            let (out, err) = bhxh::evaluate_to_json(&v.to_string());
            let parsed: Value = serde_json::from_str(&out).unwrap();
            if err {
                let code = parsed["error"]["code"].as_str().unwrap();
                prop_assert!(!code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
                prop_assert!(!parsed["error"]["message_vi"].as_str().unwrap().is_empty());
            }
        }
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e20f64..1e20).prop_map(|f| json!(f)),
        "[a-z0-9_\\-\\.]{0,12}".prop_map(Value::String),
        Just(json!("2026-03")),
        Just(json!("0.0031")),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every parameter resolves for every month of its range exactly once (temporal sweep).
#[test]
fn temporal_sweep() {
    let p = Params::embedded().unwrap();
    fn sweep<T>(s: &bhxh::law::parameters::Series<T>) -> usize {
        let first = s.first_month().unwrap();
        let last = month(2035, 12);
        let mut m = first;
        let mut n = 0;
        while m <= last {
            let covering = s
                .values
                .iter()
                .enumerate()
                .filter(|(i, e)| {
                    e.from <= m && s.values.get(i + 1).is_none_or(|next| m < next.from)
                })
                .count();
            assert_eq!(covering, 1, "{} at {m}", s.id);
            assert!(s.at(m).is_some(), "{} has no value at {m}", s.id);
            n += 1;
            m = m.plus(1);
        }
        assert!(
            s.at(first.plus(-1)).is_none(),
            "{} before its first value",
            s.id
        );
        n
    }
    let total = sweep(&p.contribution_rate)
        + sweep(&p.rural_poverty_line)
        + sweep(&p.reference_level)
        + sweep(&p.income_ceiling_multiple)
        + sweep(&p.income_step)
        + sweep(&p.state_support_rates)
        + sweep(&p.support_cap_months)
        + sweep(&p.fund_rate_monthly)
        + sweep(&p.advance_months)
        + sweep(&p.back_payment_max_months)
        + sweep(&p.retirement_age)
        + sweep(&p.income_adjustment_coefficients)
        + sweep(&p.funeral_allowance_multiple)
        + sweep(&p.funeral_min_months)
        + sweep(&p.pension_min_months)
        + sweep(&p.survivor_own_payments_months)
        + sweep(&p.social_pension_amount)
        + sweep(&p.social_pension_age)
        + sweep(&p.social_pension_age_poor)
        + sweep(&p.maternity_allowance)
        + sweep(&p.maternity_min_months);
    assert!(total > 2000);
    // Known values at the edges the issue names.
    assert_eq!(
        *p.rural_poverty_line.at(month(2027, 1)).unwrap().value,
        2_200_000
    );
    assert_eq!(
        20 * *p.reference_level.at(month(2026, 6)).unwrap().value,
        46_800_000
    );
    assert_eq!(
        20 * *p.reference_level.at(month(2026, 7)).unwrap().value,
        50_600_000
    );
}

/// Every embedded value carries a citation and a confidence grade, and every file has
/// bilingual labels.
#[test]
fn every_value_is_cited() {
    for (id, text) in bhxh::law::parameters::LAW_FILES {
        let v: Value = serde_json::from_str(text).unwrap();
        assert_eq!(v["id"], *id);
        assert!(!v["label_vi"].as_str().unwrap().is_empty());
        assert!(!v["label_en"].as_str().unwrap().is_empty());
        let mut entries: Vec<&Value> = v["values"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        if let Some(provs) = v["provinces"].as_object() {
            for p in provs.values() {
                // A province without a top-up in the data lists no values (decision K-9).
                entries.extend(p["values"].as_array().into_iter().flatten());
                entries.extend(p["unread"].as_array().into_iter().flatten().inspect(|u| {
                    assert!(!u["note"].as_str().unwrap().is_empty(), "{id}: {u}");
                }));
            }
        }
        assert!(!entries.is_empty(), "{id}");
        for e in entries {
            assert!(
                !e["citation"]["document"].as_str().unwrap().is_empty(),
                "{id}: {e}"
            );
            assert!(
                e.get("confidence").is_none_or(
                    |_| ["V", "S", "D", "U"].contains(&e["confidence"].as_str().unwrap())
                ) && (e.get("confidence").is_some() || e.get("note").is_some()),
                "{id}: {e}"
            );
        }
    }
}

/// The wire names of the payment methods are the contract's (serde and `Method::as_str`),
/// and the enum lists exactly those.
#[test]
fn method_names_match_the_contract() {
    use bhxh::calc::contribution::Method;
    for name in METHODS {
        let m = Method::parse(name).unwrap();
        assert_eq!(m.as_str(), name);
        assert_eq!(serde_json::to_value(m).unwrap(), json!(name));
        assert_eq!(serde_json::from_value::<Method>(json!(name)).unwrap(), m);
    }
    assert_eq!(Method::ALL.len(), METHODS.len());
    assert!(serde_json::from_value::<Method>(json!("weekly")).is_err());
}

proptest! {
    /// The hand-written trace serialisation is byte-identical to serde_json's.
    #[test]
    fn trace_writer_matches_serde(texts in proptest::collection::vec(any::<String>(), 5), conf in proptest::option::of(0usize..4),
                                  num in any::<i64>(), as_text in any::<bool>()) {
        use bhxh::law::parameters::Confidence;
        use bhxh::explain::trace::{write_trace, TraceStep};
        let step = TraceStep {
            step: texts[0].clone(),
            value: if as_text { json!(texts[1].clone()) } else { json!(num) },
            formula: texts[2].clone(),
            citation: texts[3].clone() + "\"\\\n\u{1}",
            confidence: conf.map(|c| [Confidence::V, Confidence::S, Confidence::D, Confidence::U][c]),
            text_vi: "Mức đóng — “ngoặc” \u{7f} é".into(),
            text_en: texts[4].clone(),
        };
        let steps = vec![step.clone(), step];
        let mut out = String::new();
        write_trace(&mut out, &steps).unwrap();
        prop_assert_eq!(out, serde_json::to_string(&steps).unwrap());
    }

    /// Steps written through `Trace::step` (texts streamed in pieces straight into the
    /// response, citations joined from their parts) serialise exactly as the equivalent
    /// `TraceStep`s would with serde_json.
    #[test]
    fn streamed_steps_match_serde(texts in proptest::collection::vec(any::<String>(), 6), num in any::<i64>(),
                                  as_text in any::<bool>(), cite in 0usize..3, skip_vi in any::<bool>()) {
        use bhxh::law::parameters::{Citation, Confidence, Entry};
        use bhxh::explain::trace::{Cite, Trace, TraceStep};
        let entry = Entry {
            from: bhxh::YearMonth::new(2026, 1).unwrap(),
            value: Some(1i64),
            citation: Citation { document: texts[3].clone() + "\"", document_vi: None, article: texts[4].clone() },
            confidence: Confidence::S,
            note: None,
            area: None,
        };
        let value = if as_text { json!(texts[1].clone()) } else { json!(num) };
        let (c, citation, confidence) = match cite {
            0 => (Cite::Law(&texts[5]), texts[5].clone(), None),
            1 => (Cite::Param(&entry), entry.citation.text(), Some(Confidence::S)),
            _ => (Cite::Both(&entry, "decision K-1"), format!("{}; decision K-1", entry.citation.text()), Some(Confidence::S)),
        };
        let mut t = Trace::new(true);
        for _ in 0..2 {
            t.step(&texts[0], value.clone(), match &c { Cite::Law(s) => Cite::Law(s), Cite::Param(_) => Cite::Param(&entry), Cite::Both(_, s) => Cite::Both(&entry, s) }, |w| {
                // A text written in two pieces; the Vietnamese one possibly not at all.
                w.formula(&texts[2]);
                w.formula(format_args!("={num}"));
                if !skip_vi {
                    w.vi("Mức đóng — “ngoặc” \u{7f} é \u{1}\n");
                }
                w.en(&texts[1]);
            });
        }
        let step = TraceStep {
            step: texts[0].clone(),
            value,
            formula: format!("{}={num}", texts[2]),
            citation,
            confidence,
            text_vi: if skip_vi { String::new() } else { "Mức đóng — “ngoặc” \u{7f} é \u{1}\n".into() },
            text_en: texts[1].clone(),
        };
        let mut out = String::new();
        t.write_json(&mut out);
        prop_assert_eq!(&out, &serde_json::to_string(&vec![step.clone(), step.clone()]).unwrap());
        prop_assert_eq!(t.steps(), vec![step.clone(), step]);
        prop_assert_eq!(t.len(), 2);
    }
}
