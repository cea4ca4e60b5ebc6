//! Projections are built from the single calculations: these properties check that they
//! agree with them, and that more income or more years never lower the pension.

use proptest::prelude::*;
use serde_json::{json, Value};

fn eval(v: &Value) -> Value {
    let (out, err) = bhxh::evaluate_to_json(&v.to_string());
    let parsed: Value = serde_json::from_str(&out).unwrap();
    assert!(!err, "{v} -> {out}");
    parsed
}

fn int(v: &Value, k: &str) -> i64 {
    v[k].as_i64().unwrap_or_else(|| panic!("{k} in {v}"))
}

prop_compose! {
    fn estimate_request()(male in any::<bool>(), by in 1966i32..2000, bm in 1u32..=12, steps in 0i64..120,
                          cat in 0usize..5, prov in 0usize..3, years in proptest::option::of(1u32..40),
                          as_of_y in 2026i32..2029) -> Value {
        let cats = ["other", "poor", "near_poor", "ethnic_minority", "island_or_special_zone"];
        let mut r = json!({"calculation": "estimate", "as_of": format!("{as_of_y}-11-28"),
            "sex": if male { "male" } else { "female" }, "birth_date": format!("{by}-{bm:02}"),
            "income": 2_200_000 + steps * 50_000, "categories": [cats[cat]]});
        if prov == 1 { r["province"] = json!("ha_noi"); }
        if prov == 2 { r["province"] = json!("hue"); }
        if let Some(y) = years { r["contribution_years"] = json!(y); }
        r
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// The projected pension is the `pension` calculation on the projected history, and the
    /// yearly schedule is the sum of `contribution` quotes for those months.
    #[test]
    fn projection_matches_single_calculations(req in estimate_request()) {
        let e = eval(&req);
        // Pension of the projected history.
        let history: Vec<Value> = e["projected_history"].as_array().unwrap().iter().map(|p| {
            json!({"from": p["from"], "to": p["to"], "income": p["income"], "back_paid": p["back_paid"],
                   "categories": req["categories"], "province": req.get("province").cloned().unwrap_or(Value::Null)})
        }).collect();
        let pen = eval(&json!({"calculation": "pension", "sex": req["sex"], "birth_date": req["birth_date"], "history": history}));
        for k in ["eligible", "pension_start", "contribution_months", "rate", "average_income", "monthly_pension", "retirement_allowance"] {
            prop_assert_eq!(&e[k].clone(), &pen[k].clone().pipe_or(&e, k), "{}", k);
        }
        // Replay every month with the `contribution` calculation.
        let mut subsidised = 0i64;
        let mut by_year: std::collections::BTreeMap<i64, (i64, i64)> = Default::default();
        for p in e["projected_history"].as_array().unwrap() {
            let from = p["from"].as_str().unwrap();
            let to = p["to"].as_str().unwrap();
            let (mut y, mut m): (i64, i64) = (from[..4].parse().unwrap(), from[5..].parse().unwrap());
            let (ty, tm): (i64, i64) = (to[..4].parse().unwrap(), to[5..].parse().unwrap());
            while (y, m) <= (ty, tm) {
                let mut q = json!({"calculation": "contribution", "payment_month": format!("{y:04}-{m:02}"), "income": p["income"],
                    "method": "monthly", "categories": req["categories"], "subsidised_months_before": subsidised.min(120), "trace": false});
                if let Some(pr) = req.get("province") { q["province"] = pr.clone(); }
                let c = eval(&q);
                subsidised += int(&c, "subsidised_months");
                let entry = by_year.entry(y).or_default();
                entry.0 += int(&c, "payable");
                entry.1 += int(&c, "state_support") + int(&c, "local_support");
                m += 1;
                if m == 13 { m = 1; y += 1; }
            }
        }
        let schedule = e["schedule"].as_array().unwrap();
        prop_assert_eq!(schedule.len(), by_year.len());
        for line in schedule {
            let (paid, support) = by_year[&int(line, "year")];
            prop_assert_eq!(int(line, "paid"), paid);
            prop_assert_eq!(int(line, "support"), support);
        }
        // Paid + support = gross for monthly payments.
        let gross: i64 = e["projected_history"].as_array().unwrap().iter().map(|p| {
            let months = (p["to"].as_str().unwrap()[..4].parse::<i64>().unwrap() * 12 + p["to"].as_str().unwrap()[5..].parse::<i64>().unwrap())
                - (p["from"].as_str().unwrap()[..4].parse::<i64>().unwrap() * 12 + p["from"].as_str().unwrap()[5..].parse::<i64>().unwrap()) + 1;
            months * int(p, "income") * 22 / 100
        }).sum();
        prop_assert_eq!(int(&e, "total_paid") + int(&e, "total_support"), gross);
    }

    /// More income never lowers the projected pension; more years never lower it.
    #[test]
    fn more_income_or_years_never_lowers_the_pension(req in estimate_request(), more in 1i64..40) {
        let a = eval(&req);
        let mut richer = req.clone();
        richer["income"] = json!(int(&req, "income") + more * 50_000);
        let b = eval(&richer);
        prop_assert!(int(&b, "monthly_pension") >= int(&a, "monthly_pension"));
        if let Some(y) = req["contribution_years"].as_i64() {
            let mut longer = req.clone();
            longer["contribution_years"] = json!(y + 1);
            let c = eval(&longer);
            prop_assert!(int(&c, "monthly_pension") >= int(&a, "monthly_pension"), "{} < {}", c["monthly_pension"], a["monthly_pension"]);
        }
    }
}

trait PipeOr {
    fn pipe_or(self, e: &Value, k: &str) -> Value;
}

impl PipeOr for Value {
    /// `pension_start` of an ineligible pension is null in both; other fields compare as is.
    fn pipe_or(self, _e: &Value, _k: &str) -> Value {
        self
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    /// `minimum_income` reaches the target and the step below does not.
    #[test]
    fn minimum_income_is_minimal(req in estimate_request(), target in 500_000i64..3_000_000) {
        let mut m = req.clone();
        m["calculation"] = json!("minimum_income");
        m.as_object_mut().unwrap().remove("income");
        m["target_monthly_pension"] = json!(target);
        let (out, err) = bhxh::evaluate_to_json(&m.to_string());
        let r: Value = serde_json::from_str(&out).unwrap();
        if err {
            prop_assert_eq!(r["error"]["code"].as_str(), Some("target_unreachable"));
            return Ok(());
        }
        let income = int(&r, "income");
        let mut at = req.clone();
        at["income"] = json!(income);
        let e = eval(&at);
        prop_assert!(int(&e, "monthly_pension") >= target && e["eligible"] == json!(true));
        let floor = int(&e, "income_floor");
        if income > floor {
            at["income"] = json!(income - 50_000);
            let below = eval(&at);
            prop_assert!(!(below["eligible"] == json!(true) && int(&below, "monthly_pension") >= target));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, .. ProptestConfig::default() })]

    /// Block methods: the plan's total equals the sum of `contribution` quotes for its blocks
    /// (every 3/6/12 months, advance of 24–60 months; the remainder by the next shorter
    /// method, as `estimate.rs` documents), and `method_costs` agrees with the plan's method.
    #[test]
    fn block_plans_match_contribution_quotes(req in estimate_request(), method in 0usize..4, adv in 0usize..4) {
        let methods = ["every_3_months", "every_6_months", "every_12_months", "advance"];
        let mut r = req.clone();
        r["method"] = json!(methods[method]);
        let adv_len = [24i64, 36, 48, 60][adv];
        if methods[method] == "advance" { r["months"] = json!(adv_len); }
        let e = eval(&r);
        let periods: Vec<&Value> = e["projected_history"].as_array().unwrap().iter().filter(|p| p["back_paid"] == json!(false)).collect();
        let ord = |s: &str| s[..4].parse::<i64>().unwrap() * 12 + s[5..].parse::<i64>().unwrap() - 1;
        let first = ord(e["first_payment"]["month"].as_str().unwrap());
        let last = periods.iter().map(|p| ord(p["to"].as_str().unwrap())).max().unwrap();
        let income_at = |m: i64| periods.iter().find(|p| ord(p["from"].as_str().unwrap()) <= m && m <= ord(p["to"].as_str().unwrap())).map(|p| int(p, "income")).unwrap();
        let (mut m, mut subsidised, mut total) = (first, 0i64, 0i64);
        while m <= last {
            let remaining = last - m + 1;
            let (meth, n) = match methods[method] {
                "advance" if remaining >= adv_len => ("advance", adv_len),
                "advance" if remaining >= 24 => ("advance", remaining / 12 * 12),
                "advance" | "every_12_months" if remaining >= 12 => ("every_12_months", 12),
                "every_6_months" if remaining >= 6 => ("every_6_months", 6),
                "every_3_months" if remaining >= 3 => ("every_3_months", 3),
                _ => ("monthly", 1),
            };
            let mut q = json!({"calculation": "contribution", "payment_month": format!("{:04}-{:02}", m / 12, m % 12 + 1),
                "income": income_at(m), "method": meth, "categories": req["categories"], "subsidised_months_before": subsidised.min(120), "trace": false});
            if meth == "advance" { q["months"] = json!(n); }
            if let Some(pr) = req.get("province") { q["province"] = pr.clone(); }
            let c = eval(&q);
            subsidised += int(&c, "subsidised_months");
            total += int(&c, "payable");
            m += n;
        }
        prop_assert_eq!(int(&e, "total_paid"), total);
        let cost = e["method_costs"].as_array().unwrap().iter().find(|c| c["method"] == json!(methods[method])).unwrap();
        if methods[method] != "advance" || adv_len == 60 {
            prop_assert_eq!(int(cost, "total_paid"), total);
        }
    }
}
