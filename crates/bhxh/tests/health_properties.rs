//! Properties of `health_insurance` (rules H-1 to H-4, decision K-21): the engine's choice of
//! forms is the cheapest of every combination (checked by brute force), adding a member
//! never lowers the household's total and never raises another fixed-form member's amount,
//! the State never pays more than the first member's amount, and the ranks run on from
//! `already_enrolled` without gaps.

use proptest::prelude::*;
use serde_json::{json, Value};

const GROUPS: [&str; 7] = [
    "self_paying",
    "near_poor",
    "near_poor_poor_commune",
    "ethnic_minority_transition",
    "student",
    "community_worker",
    "agri_average",
];

fn eval(req: &Value) -> Value {
    serde_json::from_str(&bhxh::evaluate(&req.to_string()).expect("valid request")).expect("JSON")
}

fn int(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not an integer: {v}"))
}

/// A member: a group and, for groups that may choose, an optional fixed form.
fn member() -> impl Strategy<Value = Value> {
    (0usize..GROUPS.len(), 0u8..4).prop_map(|(g, f)| {
        let group = GROUPS[g];
        let may_choose = !matches!(group, "self_paying" | "student");
        match (may_choose, f) {
            (true, 0) => json!({"group": group, "form": "household"}),
            (true, 1) => json!({"group": group, "form": "supported"}),
            _ => json!({ "group": group }),
        }
    })
}

fn household() -> impl Strategy<Value = (String, u32, u32, Vec<Value>)> {
    (
        prop_oneof![
            Just("2025-07"),
            Just("2026-06"),
            Just("2026-07"),
            Just("2027-01")
        ],
        prop_oneof![Just(3u32), Just(6), Just(12)],
        0u32..=6,
        prop::collection::vec(member(), 1..=8),
    )
        .prop_map(|(m, n, a, ms)| (m.to_string(), n, a, ms))
}

fn request(month: &str, months: u32, already: u32, members: &[Value]) -> Value {
    json!({
        "calculation": "health_insurance",
        "payment_month": month,
        "months": months,
        "already_enrolled": already,
        "members": members,
    })
}

/// The total with every free choice fixed by `mask` (bit i: the i-th free member in the
/// household form).
fn fixed_total(month: &str, months: u32, already: u32, members: &[Value], mask: u32) -> i64 {
    let mut k = 0;
    let fixed: Vec<Value> = members
        .iter()
        .map(|m| {
            let g = m["group"].as_str().unwrap();
            if m.get("form").is_some() || matches!(g, "self_paying" | "student") {
                return m.clone();
            }
            let form = if mask >> k & 1 == 1 {
                "household"
            } else {
                "supported"
            };
            k += 1;
            json!({"group": g, "form": form})
        })
        .collect();
    int(&eval(&request(month, months, already, &fixed))["total_payable"])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn the_choice_is_the_cheapest_combination((month, months, already, members) in household()) {
        let r = eval(&request(&month, months, already, &members));
        let total = int(&r["total_payable"]);
        let free = members
            .iter()
            .filter(|m| m.get("form").is_none()
                && !matches!(m["group"].as_str().unwrap(), "self_paying" | "student"))
            .count() as u32;
        let best = (0..1u32 << free)
            .map(|mask| fixed_total(&month, months, already, &members, mask))
            .min()
            .unwrap();
        prop_assert_eq!(total, best);
    }

    #[test]
    fn amounts_add_up_and_ranks_run_on((month, months, already, members) in household()) {
        let r = eval(&request(&month, months, already, &members));
        let first = int(&r["first_member_monthly"]);
        let out = r["members"].as_array().unwrap();
        prop_assert_eq!(out.len(), members.len());
        let (mut payable, mut support) = (0, 0);
        let mut ranks = Vec::new();
        for m in out {
            let (monthly, state) = (int(&m["monthly"]), int(&m["state_support_monthly"]));
            prop_assert!(monthly >= 0 && state >= 0 && monthly <= first);
            prop_assert!(state <= first, "support ≤ the first member's amount");
            prop_assert_eq!(int(&m["payable"]), monthly * i64::from(months));
            match m["rank"].as_u64() {
                Some(rank) => {
                    prop_assert_eq!(m["form"].as_str(), Some("household"));
                    prop_assert_eq!(state, 0);
                    ranks.push(rank);
                }
                None => {
                    prop_assert_eq!(m["form"].as_str(), Some("supported"));
                    prop_assert_eq!(monthly + state, first);
                }
            }
            payable += int(&m["payable"]);
            support += state * i64::from(months);
        }
        prop_assert_eq!(int(&r["total_payable"]), payable);
        prop_assert_eq!(int(&r["total_state_support"]), support);
        ranks.sort_unstable();
        let expected: Vec<u64> = (1..=ranks.len() as u64).map(|k| k + u64::from(already)).collect();
        prop_assert_eq!(ranks, expected);
    }

    #[test]
    fn adding_a_member_never_lowers_the_total(
        (month, months, already, members) in household(),
        extra in member(),
        at in 0usize..=8,
    ) {
        let before = eval(&request(&month, months, already, &members));
        let mut more = members.clone();
        let at = at.min(more.len());
        more.insert(at, extra);
        let after = eval(&request(&month, months, already, &more));
        prop_assert!(int(&after["total_payable"]) >= int(&before["total_payable"]));
        // With every form fixed, nobody else pays more because someone joined.
        let fix = |ms: &[Value], r: &Value| -> Vec<Value> {
            ms.iter().zip(r["members"].as_array().unwrap()).map(|(m, o)| {
                json!({"group": m["group"], "form": o["form"]})
            }).collect()
        };
        let fixed_before = fix(&members, &before);
        let mut fixed_after = fixed_before.clone();
        fixed_after.insert(at, fix(&more[at..=at], &json!({"members": [after["members"][at]]}))[0].clone());
        let b = eval(&request(&month, months, already, &fixed_before));
        let a = eval(&request(&month, months, already, &fixed_after));
        for (i, m) in b["members"].as_array().unwrap().iter().enumerate() {
            let j = if i < at { i } else { i + 1 };
            prop_assert!(int(&a["members"][j]["monthly"]) <= int(&m["monthly"]));
        }
    }
}
