//! The population projection's identities: under full persistence and no deaths the first
//! year's contributions are the single `contribution` quotes; totals do not depend on how
//! the population is partitioned; the support a lump sum returns is the support received;
//! a pension is the single `pension` calculation's.

use bhxh::calc::retirement::Sex;
use bhxh::project::population::{project, Assumptions, Person, Setup, Status, YearTotals, PPM};
use bhxh::{Params, YearMonth};
use serde_json::{json, Value};

fn m(s: &str) -> YearMonth {
    s.parse().unwrap()
}

const CATEGORIES: [&str; 5] = [
    "poor",
    "near_poor",
    "ethnic_minority",
    "island_or_special_zone",
    "other",
];

fn none_assumed() -> Assumptions {
    Assumptions {
        persistence: vec![(0, PPM)],
        mortality: None,
        lump_sum_take_up: 0,
        allowance_take_up: 0,
    }
}

/// A varied population: ages 20–70, every category, a province for some, earlier months.
fn population(n: u64, start: YearMonth) -> Vec<Person> {
    (0..n)
        .map(|i| Person {
            id: 1_000 + i * 7,
            sex: if i % 2 == 0 { Sex::Male } else { Sex::Female },
            birth: m("1956-01").plus(i32::try_from(i * 37 % 600).unwrap()),
            category: u8::try_from(i % 5).unwrap(),
            province: (i % 4 == 1).then_some(0),
            income: 1_500_000 + i64::try_from(i % 30).unwrap() * 100_000,
            months_before: u32::try_from(i * 13 % 200).unwrap(),
            subsidised_before: u32::try_from(i * 13 % 200 / 2).unwrap(),
            support_before: 0,
            first_month: start.plus(i32::try_from(i % 40).unwrap()),
        })
        .collect()
}

fn sum(parts: &[Vec<YearTotals>]) -> Vec<YearTotals> {
    let mut out = parts[0].clone();
    for p in &parts[1..] {
        for (a, b) in out.iter_mut().zip(p) {
            a.add(b).unwrap();
        }
    }
    out
}

#[test]
fn first_year_contributions_are_the_single_quotes() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    let provinces = vec!["ha_noi".to_string()];
    let persons: Vec<Person> = (0..60u64)
        .map(|i| Person {
            id: i,
            sex: Sex::Female,
            birth: m("1980-01").plus(i32::try_from(i).unwrap()),
            category: u8::try_from(i % 5).unwrap(),
            province: (i % 3 == 0).then_some(0),
            income: 1_500_000 + i64::try_from(i).unwrap() * 50_000,
            months_before: 120,
            subsidised_before: [0, 60, 115, 119, 120][usize::try_from(i % 5).unwrap()],
            support_before: 0,
            first_month: start,
        })
        .collect();
    let setup = Setup {
        start,
        years: 2,
        seed: 1,
        provinces: &provinces,
    };
    let (totals, _) = project(p, &persons, &none_assumed(), &setup, false).unwrap();
    let (mut paid, mut state, mut local) = (0i64, 0i64, 0i64);
    for x in &persons {
        let mut supported = x.subsidised_before;
        for k in 0..12 {
            let mut req = json!({"calculation": "contribution", "payment_month": start.plus(k).to_string(),
                "income": x.income, "method": "monthly", "categories": [CATEGORIES[usize::from(x.category)]],
                "subsidised_months_before": supported, "trace": false});
            if x.province.is_some() {
                req["province"] = json!("ha_noi");
            }
            let r: Value =
                serde_json::from_str(&bhxh::evaluate(&req.to_string()).unwrap()).unwrap();
            paid += r["payable"].as_i64().unwrap();
            state += r["state_support"].as_i64().unwrap();
            local += r["local_support"].as_i64().unwrap();
            if r["subsidised_months"].as_u64().unwrap() > 0 {
                supported += 1;
            }
        }
    }
    let y = &totals[0];
    assert_eq!(
        (y.contributions, y.state_support, y.local_support),
        (paid, state, local)
    );
    assert!(local > 0 && state > 0);
    assert_eq!(
        (y.contributors, y.contribution_months, y.participants),
        (60, 720, 60)
    );
    assert_eq!((y.deaths, y.lump_sums, y.new_pensioners), (0, 0, 0));
    // Incomes on the floor (1,500,000 in 2026) are not "raised" to it.
    assert_eq!(y.months_raised_to_floor, 0);
}

#[test]
fn totals_do_not_depend_on_the_partition() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    let provinces = vec!["hue".to_string()];
    let persons = population(2_100, start);
    let a = Assumptions {
        persistence: vec![(0, 700_000), (40, 850_000), (60, 950_000)],
        mortality: Some(bhxh::life_table().unwrap()),
        lump_sum_take_up: 400_000,
        allowance_take_up: 300_000,
    };
    let setup = Setup {
        start,
        years: 12,
        seed: 2026,
        provinces: &provinces,
    };
    let (whole, outcomes) = project(p, &persons, &a, &setup, true).unwrap();
    for parts in [3usize, 7] {
        let chunk = persons.len().div_ceil(parts);
        let contiguous: Vec<Vec<YearTotals>> = persons
            .chunks(chunk)
            .map(|c| project(p, c, &a, &setup, false).unwrap().0)
            .collect();
        assert_eq!(sum(&contiguous), whole, "{parts} contiguous parts");
        let interleaved: Vec<Vec<YearTotals>> = (0..parts)
            .map(|k| {
                let part: Vec<Person> = persons.iter().skip(k).step_by(parts).cloned().collect();
                project(p, &part, &a, &setup, false).unwrap().0
            })
            .collect();
        assert_eq!(sum(&interleaved), whole, "{parts} interleaved parts");
    }
    // Every kind of event happened, so the identity is not vacuous.
    let all = whole.clone();
    let total = |f: fn(&YearTotals) -> i64| all.iter().map(f).sum::<i64>();
    assert!(total(|y| y.deaths as i64) > 10);
    assert!(total(|y| y.new_pensioners as i64) > 10);
    assert!(total(|y| y.lump_sums as i64) > 10);
    assert!(total(|y| y.new_allowance_recipients as i64) > 5);
    assert!(total(|y| y.funeral_allowances) > 0 && total(|y| y.survivor_lump_sums) > 0);
    assert!(total(|y| y.pensions_paid) > 0 && total(|y| y.allowances_paid) > 0);
    // The outcomes add up to the totals.
    let contributions: i64 = outcomes.iter().map(|o| o.contributions).sum();
    assert_eq!(contributions, total(|y| y.contributions));
    let lump: i64 = outcomes.iter().map(|o| o.lump_sum).sum();
    assert_eq!(lump, total(|y| y.lump_sums_paid));
    // Another seed, another path.
    let other = Setup {
        seed: 7,
        ..setup.clone()
    };
    assert_ne!(project(p, &persons, &a, &other, false).unwrap().0, whole);
}

#[test]
fn a_lump_sum_returns_the_support_received() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    let persons: Vec<Person> = (0..40u64)
        .map(|i| Person {
            id: i,
            // Men born in 1965-66 reach retirement age in the projection's first years.
            sex: Sex::Male,
            birth: m("1965-01").plus(i32::try_from(i).unwrap()),
            category: u8::try_from(i % 5).unwrap(),
            province: None,
            income: 2_000_000 + i64::try_from(i).unwrap() * 100_000,
            months_before: 0,
            subsidised_before: 0,
            support_before: 0,
            first_month: start,
        })
        .collect();
    let a = Assumptions {
        lump_sum_take_up: PPM,
        ..none_assumed()
    };
    let setup = Setup {
        start,
        years: 8,
        seed: 3,
        provinces: &[],
    };
    let (totals, outcomes) = project(p, &persons, &a, &setup, true).unwrap();
    let withdrawn: Vec<_> = outcomes
        .iter()
        .filter(|o| o.status == Status::Withdrawn)
        .collect();
    assert_eq!(withdrawn.len(), persons.len());
    let received: i64 = withdrawn.iter().map(|o| o.support).sum();
    let returned: i64 = totals.iter().map(|y| y.support_returned).sum();
    assert!(received > 0);
    assert_eq!(returned, received);
    for o in &withdrawn {
        assert_eq!(o.support_returned, o.support, "person {}", o.id);
    }
}

#[test]
fn a_pension_is_the_single_pension_calculation() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    let x = Person {
        id: 9,
        sex: Sex::Male,
        birth: m("1966-05"),
        category: 4,
        province: None,
        income: 3_000_000,
        months_before: 170,
        subsidised_before: 0,
        support_before: 0,
        first_month: start,
    };
    let setup = Setup {
        start,
        years: 5,
        seed: 0,
        provinces: &[],
    };
    let (totals, outcomes) =
        project(p, std::slice::from_ref(&x), &none_assumed(), &setup, true).unwrap();
    let o = &outcomes[0];
    assert_eq!(o.status, Status::Pensioner);
    let r: Value = serde_json::from_str(
        &bhxh::evaluate(r#"{"calculation":"retirement","sex":"male","birth_date":"1966-05"}"#)
            .unwrap(),
    )
    .unwrap();
    let reached = m(r["age_reached_month"].as_str().unwrap());
    let req = json!({"calculation": "pension", "sex": "male", "birth_date": "1966-05", "trace": false,
        "history": [{"from": start.plus(-170).to_string(), "to": reached.plus(-1).to_string(), "income": 3_000_000}]});
    let single: Value = serde_json::from_str(&bhxh::evaluate(&req.to_string()).unwrap()).unwrap();
    assert_eq!(
        o.monthly_benefit,
        single["monthly_pension"].as_i64().unwrap()
    );
    assert_eq!(
        o.pension_start.map(|s| s.first_day().to_string()),
        single["pension_start"].as_str().map(str::to_string)
    );
    let paid: i64 = totals.iter().map(|y| y.pensions_paid).sum();
    let months = start.plus(60).months_since(o.pension_start.unwrap());
    assert_eq!(paid, o.monthly_benefit * i64::from(months));
    assert_eq!(totals.iter().map(|y| y.new_pensioners).sum::<u64>(), 1);
}

#[test]
fn bad_persons_and_assumptions_are_errors_naming_the_field() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    let mut persons = population(3, start);
    persons[2].category = 9;
    let setup = Setup {
        start,
        years: 2,
        seed: 0,
        provinces: &["hue".to_string()],
    };
    let e = project(p, &persons, &none_assumed(), &setup, false).unwrap_err();
    assert_eq!(e.field(), Some("persons[2].category"));
    let mut persons = population(3, start);
    persons[1].months_before = 300;
    let e = project(p, &persons, &none_assumed(), &setup, false).unwrap_err();
    assert_eq!(e.field(), Some("persons[1].months_before"));
    let bad = Assumptions {
        lump_sum_take_up: 700_000,
        allowance_take_up: 400_000,
        ..none_assumed()
    };
    assert_eq!(
        project(p, &population(3, start), &bad, &setup, false)
            .unwrap_err()
            .field(),
        Some("assumptions")
    );
    let setup = Setup {
        provinces: &["atlantis".to_string()],
        ..setup
    };
    assert_eq!(
        project(p, &population(3, start), &none_assumed(), &setup, false)
            .unwrap_err()
            .code(),
        "unknown_province"
    );
    for (v, field) in [
        (json!({"persistence": "1.2"}), "assumptions.persistence"),
        (json!({"persistence": 0.9}), "assumptions.persistence"),
        (
            json!({"persistence": [[40, "0.9"], [20, "0.8"]]}),
            "assumptions.persistence",
        ),
        (json!({"mortality": "mars"}), "assumptions.mortality"),
        (
            json!({"income_growth": "0.02"}),
            "assumptions.income_growth",
        ),
        (json!({"lapse": "0.1"}), "assumptions.lapse"),
    ] {
        assert_eq!(
            bhxh::assumptions_from(&v).unwrap_err().field(),
            Some(field),
            "{v}"
        );
    }
    let a = bhxh::assumptions_from(&json!({"persistence": [[0, "0.8"], [40, "0.95"]], "mortality": "none", "lump_sum_take_up": "0.25"})).unwrap();
    assert_eq!(a.persistence, vec![(0, 800_000), (40, 950_000)]);
    assert_eq!((a.mortality, a.lump_sum_take_up), (None, 250_000));
}

#[test]
fn a_pension_due_at_once_is_paid_from_its_first_month_and_reforms_move_the_threshold() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    // Past retirement age when first projected, 200 months already paid.
    let old = Person {
        id: 1,
        sex: Sex::Male,
        birth: m("1960-01"),
        category: 4,
        province: None,
        income: 3_000_000,
        months_before: 200,
        subsidised_before: 0,
        support_before: 0,
        first_month: start,
    };
    let setup = Setup {
        start,
        years: 2,
        seed: 0,
        provinces: &[],
    };
    let (t, o) = project(p, std::slice::from_ref(&old), &none_assumed(), &setup, true).unwrap();
    let start_month = o[0].pension_start.unwrap();
    let paid_2026 = o[0].monthly_benefit * i64::from(m("2027-01").months_since(start_month));
    assert_eq!(t[0].pensions_paid, paid_2026);
    assert_eq!(
        (t[0].new_pensioners, t[0].pensioners, t[1].new_pensioners),
        (1, 1, 0)
    );
    // 150 months at retirement age: a lump sum under the law, a pension under a reform that
    // lowers the minimum to 10 years.
    let short = Person {
        id: 2,
        birth: m("1964-06"),
        months_before: 140,
        ..old
    };
    let a = Assumptions {
        lump_sum_take_up: PPM,
        ..none_assumed()
    };
    let setup = Setup { years: 4, ..setup };
    let (_, o) = project(p, std::slice::from_ref(&short), &a, &setup, true).unwrap();
    assert_eq!(o[0].status, Status::Withdrawn);
    let reform = p
        .with_overlay(
            &json!({"pension_min_months": {"values": [{"from": "2026-01", "value": 120}]}}),
        )
        .unwrap();
    let (_, o) = project(&reform, std::slice::from_ref(&short), &a, &setup, true).unwrap();
    assert_eq!(o[0].status, Status::Pensioner);
}

#[test]
fn setups_and_persons_out_of_bounds_are_refused() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    let mut persons = population(2, start);
    persons[1].months_before = 150;
    persons[1].subsidised_before = 130;
    let setup = Setup {
        start,
        years: 2,
        seed: 0,
        provinces: &["hue".to_string()],
    };
    let e = project(p, &persons, &none_assumed(), &setup, false).unwrap_err();
    assert_eq!(e.field(), Some("persons[1].subsidised_before"));
    let far = Setup {
        start: m("2150-01"),
        years: 60,
        ..setup.clone()
    };
    assert_eq!(
        project(p, &[], &none_assumed(), &far, false)
            .unwrap_err()
            .field(),
        Some("years")
    );
    // Below the first band, the first band's probability (not certainty).
    let young = Person {
        birth: m("2012-01"),
        ..population(1, start)[0].clone()
    };
    let a = Assumptions {
        persistence: vec![(15, 0)],
        ..none_assumed()
    };
    let (t, _) = project(
        p,
        std::slice::from_ref(&young),
        &a,
        &Setup { years: 1, ..setup },
        false,
    )
    .unwrap();
    assert_eq!(t[0].contribution_months, 0);
}

fn eval(req: &Value) -> Value {
    serde_json::from_str(&bhxh::evaluate(&req.to_string()).unwrap()).unwrap()
}

/// A man born 1965-06 with 100 months before: at retirement age (in the projection's first
/// years) he is short of 15 years.
fn short_career() -> Person {
    Person {
        id: 77,
        sex: Sex::Male,
        birth: m("1965-06"),
        category: 4,
        province: None,
        income: 2_000_000,
        months_before: 100,
        subsidised_before: 0,
        support_before: 0,
        first_month: m("2026-01"),
    }
}

#[test]
fn the_art_23_allowance_is_the_single_calculation_month_by_month() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    let x = short_career();
    let a = Assumptions {
        allowance_take_up: PPM,
        ..none_assumed()
    };
    let setup = Setup {
        start,
        years: 10,
        seed: 4,
        provinces: &[],
    };
    let (t, o) = project(p, std::slice::from_ref(&x), &a, &setup, true).unwrap();
    assert_eq!(o[0].status, Status::AllowanceRecipient);
    let reached = m(eval(
        &json!({"calculation": "retirement", "sex": "male", "birth_date": "1965-06"}),
    )["age_reached_month"]
        .as_str()
        .unwrap());
    assert!(reached > start, "reached within the projection");
    let single = eval(
        &json!({"calculation": "monthly_allowance", "sex": "male", "birth_date": "1965-06",
        "settlement_month": reached.to_string(), "trace": false,
        "history": [{"from": start.plus(-100).to_string(), "to": reached.plus(-1).to_string(), "income": 2_000_000}]}),
    );
    assert_eq!(single["eligible"], true);
    let monthly = single["monthly_amount"].as_i64().unwrap();
    let paid_months = single["months_paid"].as_i64().unwrap();
    assert_eq!(o[0].monthly_benefit, monthly);
    // Paid from the month after the settlement, for `months_paid` months, counted by year.
    let first = reached.plus(1);
    for (k, y) in t.iter().enumerate() {
        let (from, to) = (start.plus(12 * k as i32), start.plus(12 * k as i32 + 11));
        let months: i64 = (0..paid_months)
            .map(|i| first.plus(i32::try_from(i).unwrap()))
            .filter(|mm| *mm >= from && *mm <= to)
            .count() as i64;
        assert_eq!(y.allowances_paid, monthly * months, "year {k}");
        assert_eq!(
            y.new_allowance_recipients,
            u64::from(first >= from && first <= to),
            "year {k}"
        );
        let last_paid = first.plus(i32::try_from(paid_months).unwrap() - 1);
        assert_eq!(y.allowance_recipients, u64::from(first <= to && last_paid >= to), "year {k}: first {first} last {last_paid} paid {paid_months} monthly {monthly} total {}", y.allowances_paid);
        assert_eq!(y.participants, u64::from(to < first), "year {k}");
    }
}

#[test]
fn persistence_is_drawn_each_january_by_age() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    // Turns 40 in 2026-06: the band of 40 applies from the January after.
    let turning = Person {
        id: 5,
        birth: m("1986-06"),
        months_before: 0,
        ..short_career()
    };
    let older = Person {
        id: 6,
        birth: m("1985-01"),
        months_before: 0,
        ..short_career()
    };
    let joining = Person {
        id: 7,
        birth: m("1975-01"),
        months_before: 0,
        first_month: m("2026-07"),
        ..short_career()
    };
    let a = Assumptions {
        persistence: vec![(0, 0), (40, PPM)],
        ..none_assumed()
    };
    let setup = Setup {
        start,
        years: 2,
        seed: 9,
        provinces: &[],
    };
    let months = |x: &Person| {
        project(p, std::slice::from_ref(x), &a, &setup, false)
            .unwrap()
            .0
            .iter()
            .map(|y| y.contribution_months)
            .collect::<Vec<_>>()
    };
    assert_eq!(months(&turning), vec![0, 12]);
    assert_eq!(months(&older), vec![12, 12]);
    // A new entrant draws at the month joined.
    assert_eq!(months(&joining), vec![6, 12]);
}

#[test]
fn deaths_are_priced_by_the_death_calculation_for_each_situation() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    // Everyone dies within the year with probability 1: a twelfth each month.
    let table = bhxh::life_table_from(
        &json!({"measure": "qx", "male": [[0, "1"]], "female": [[0, "1"]]}),
        "m",
    )
    .unwrap();
    let pensioner = Person {
        id: 1,
        birth: m("1960-01"),
        months_before: 200,
        income: 3_000_000,
        ..short_career()
    };
    let contributor = Person {
        id: 2,
        birth: m("1980-01"),
        months_before: 100,
        ..short_career()
    };
    let a = Assumptions {
        mortality: Some(table),
        ..none_assumed()
    };
    let setup = Setup {
        start,
        years: 5,
        seed: 21,
        provinces: &[],
    };
    let persons = [pensioner.clone(), contributor.clone()];
    let (t, o) = project(p, &persons, &a, &setup, true).unwrap();
    let mut funeral = 0;
    let mut survivors = 0;
    for (x, out) in persons.iter().zip(&o) {
        let d = out.death.expect("dies within five years");
        let req = if let Some(s) = out.pension_start.filter(|s| *s <= d) {
            json!({"calculation": "death", "death_month": d.to_string(), "trace": false,
                   "pension": {"monthly_amount": out.monthly_benefit, "start_month": s.to_string()}})
        } else {
            let last = d.plus(-1);
            json!({"calculation": "death", "death_month": d.to_string(), "trace": false,
                   "history": [{"from": start.plus(-i32::try_from(x.months_before).unwrap()).to_string(),
                                "to": last.to_string(), "income": x.income}]})
        };
        let r = eval(&req);
        funeral += r["funeral_allowance"].as_i64().unwrap();
        survivors += r["survivor_lump_sum"].as_i64().unwrap();
    }
    assert!(
        o[0].pension_start.is_some_and(|s| s <= o[0].death.unwrap()),
        "the first dies a pensioner"
    );
    assert_eq!(t.iter().map(|y| y.funeral_allowances).sum::<i64>(), funeral);
    assert_eq!(
        t.iter().map(|y| y.survivor_lump_sums).sum::<i64>(),
        survivors
    );
    assert_eq!(t.iter().map(|y| y.deaths).sum::<u64>(), 2);
}

#[test]
fn an_income_raised_to_the_floor_enters_the_pension_as_paid() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    // 1,600,000 until 2026, below the 2027 floor (2,200,000) after: paid on the floor.
    let x = Person {
        id: 3,
        birth: m("1966-03"),
        income: 1_600_000,
        months_before: 160,
        ..short_career()
    };
    let setup = Setup {
        start,
        years: 6,
        seed: 0,
        provinces: &[],
    };
    let (t, o) = project(p, std::slice::from_ref(&x), &none_assumed(), &setup, true).unwrap();
    let reached = m(eval(
        &json!({"calculation": "retirement", "sex": "male", "birth_date": "1966-03"}),
    )["age_reached_month"]
        .as_str()
        .unwrap());
    assert!(reached > m("2027-06"));
    let single = eval(
        &json!({"calculation": "pension", "sex": "male", "birth_date": "1966-03", "trace": false,
        "history": [{"from": start.plus(-160).to_string(), "to": "2026-12", "income": 1_600_000},
                    {"from": "2027-01", "to": reached.plus(-1).to_string(), "income": 2_200_000}]}),
    );
    assert_eq!(o[0].status, Status::Pensioner);
    assert_eq!(
        o[0].monthly_benefit,
        single["monthly_pension"].as_i64().unwrap()
    );
    let raised: u64 = t.iter().map(|y| y.months_raised_to_floor).sum();
    assert_eq!(
        raised,
        u64::try_from(reached.months_since(m("2027-01"))).unwrap()
    );
}

#[test]
fn columns_convert_with_errors_naming_the_row() {
    use bhxh::project::population::{persons_from_columns, Columns};
    let c = |sex: [u8; 2], birth: [i64; 2], province: [i64; 2]| {
        let cols = Columns {
            id: &[4, 9],
            sex: &sex,
            birth: &birth,
            category: &[1, 4],
            province: &province,
            income: &[2_000_000, 3_000_000],
            months_before: &[12, 0],
            subsidised_before: &[6, 0],
            support_before: &[1_000, 0],
            first_month: &[202601, 202703],
        };
        persons_from_columns(&cols)
    };
    let ok = c([0, 1], [198001, 199012], [-1, 0]).unwrap();
    assert_eq!(ok.len(), 2);
    assert_eq!(
        (ok[0].id, ok[0].sex, ok[0].birth, ok[0].province),
        (4, Sex::Male, m("1980-01"), None)
    );
    assert_eq!(
        (ok[1].sex, ok[1].birth, ok[1].province, ok[1].first_month),
        (Sex::Female, m("1990-12"), Some(0), m("2027-03"))
    );
    assert_eq!(
        (
            ok[0].months_before,
            ok[0].subsidised_before,
            ok[0].support_before
        ),
        (12, 6, 1_000)
    );
    let e = c([0, 2], [198001, 199012], [-1, 0]).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("invalid_sex", Some("persons[1].sex"))
    );
    let e = c([0, 1], [198013, 199012], [-1, 0]).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("invalid_month", Some("persons[0].birth_date"))
    );
    let e = c([0, 1], [198001, 199012], [-2, 0]).unwrap_err();
    assert_eq!(e.field(), Some("persons[0].province"));
    let short = Columns {
        id: &[1],
        sex: &[0, 1],
        birth: &[],
        category: &[],
        province: &[],
        income: &[],
        months_before: &[],
        subsidised_before: &[],
        support_before: &[],
        first_month: &[],
    };
    assert_eq!(
        persons_from_columns(&short).unwrap_err().field(),
        Some("persons")
    );
}

#[test]
fn the_output_columns_name_the_totals_in_order() {
    let y = YearTotals {
        participants: 1,
        contributions: 22,
        survivor_lump_sums: 9,
        deaths: 3,
        ..YearTotals::default()
    };
    let cols = y.columns();
    assert_eq!(cols.len(), bhxh::project::population::YEAR_COLUMNS);
    assert_eq!(cols[0], ("participants", 1));
    assert_eq!(cols[3], ("contributions", 22));
    assert_eq!(cols[17], ("deaths", 3));
    assert_eq!(cols[19], ("survivor_lump_sums", 9));
    let names: Vec<&str> = cols.iter().map(|(n, _)| *n).collect();
    let mut unique = names.clone();
    unique.dedup();
    assert_eq!(unique.len(), names.len());
    let codes: Vec<&str> = [
        Status::NotJoined,
        Status::Participant,
        Status::Pensioner,
        Status::AllowanceRecipient,
        Status::Withdrawn,
        Status::Dead,
    ]
    .iter()
    .map(|s| s.code())
    .collect();
    assert_eq!(
        codes,
        [
            "not_joined",
            "participant",
            "pensioner",
            "allowance_recipient",
            "withdrawn",
            "dead"
        ]
    );
}

#[test]
fn years_and_earlier_months_are_bounded() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    for years in [0, 101] {
        let setup = Setup {
            start,
            years,
            seed: 0,
            provinces: &[],
        };
        assert_eq!(
            project(p, &[], &none_assumed(), &setup, false)
                .unwrap_err()
                .field(),
            Some("years")
        );
    }
    let setup = Setup {
        start,
        years: 100,
        seed: 0,
        provinces: &[],
    };
    assert!(project(p, &[], &none_assumed(), &setup, false).is_ok());
    // Far ahead, 1,201 earlier months are refused even though they would start after 2008.
    let late = Setup {
        start: m("2150-01"),
        years: 1,
        seed: 0,
        provinces: &[],
    };
    let x = Person {
        birth: m("2080-01"),
        first_month: m("2150-01"),
        months_before: 1201,
        ..short_career()
    };
    assert_eq!(
        project(p, std::slice::from_ref(&x), &none_assumed(), &late, false)
            .unwrap_err()
            .field(),
        Some("persons[0].months_before")
    );
    let x = Person {
        months_before: 1200,
        ..x
    };
    assert!(project(p, std::slice::from_ref(&x), &none_assumed(), &late, false).is_ok());
    // The first month after the data (a birth in the projection's first month) is refused.
    let x = Person {
        birth: start,
        months_before: 0,
        ..short_career()
    };
    assert_eq!(
        project(p, std::slice::from_ref(&x), &none_assumed(), &setup, false)
            .unwrap_err()
            .field(),
        Some("persons[0].birth_date")
    );
}

#[test]
fn an_income_the_contract_refuses_is_an_error_on_the_income() {
    let p = Params::embedded().unwrap();
    let setup = Setup {
        start: m("2026-01"),
        years: 1,
        seed: 0,
        provinces: &[],
    };
    for income in [2_000_001, 500_000_000] {
        let x = Person {
            income,
            months_before: 0,
            birth: m("1990-01"),
            ..short_career()
        };
        let e = project(p, std::slice::from_ref(&x), &none_assumed(), &setup, false).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("value_out_of_range", Some("persons[0].income")),
            "{income}"
        );
    }
}

fn reached_month(sex: &str, birth: &str) -> YearMonth {
    m(
        eval(&json!({"calculation": "retirement", "sex": sex, "birth_date": birth}))
            ["age_reached_month"]
            .as_str()
            .unwrap(),
    )
}

#[test]
fn the_choice_at_retirement_age_is_made_once() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    // Men reaching retirement age in the projection, short of 15 years; half draw the lump
    // sum, the others go on paying and never withdraw later.
    let persons: Vec<Person> = (0..60u64)
        .map(|i| Person {
            id: 1_000 + i,
            birth: m("1965-01").plus(i32::try_from(i % 12).unwrap()),
            months_before: 24,
            ..short_career()
        })
        .collect();
    let a = Assumptions {
        lump_sum_take_up: PPM / 2,
        ..none_assumed()
    };
    let setup = Setup {
        start,
        years: 8,
        seed: 13,
        provinces: &[],
    };
    let (_, o) = project(p, &persons, &a, &setup, true).unwrap();
    let withdrawn: Vec<_> = o
        .iter()
        .zip(&persons)
        .filter(|(o, _)| o.status == Status::Withdrawn)
        .collect();
    assert!(
        withdrawn.len() > 10 && withdrawn.len() < 50,
        "{}",
        withdrawn.len()
    );
    for (out, x) in withdrawn {
        let r = reached_month("male", &x.birth.to_string());
        assert_eq!(
            out.months,
            24 + u32::try_from(r.months_since(start)).unwrap(),
            "person {}",
            x.id
        );
    }
    assert!(o.iter().any(|o| o.status == Status::Participant));
}

#[test]
fn going_on_after_retirement_age_ends_in_a_pension_at_fifteen_years() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    let x = Person {
        birth: m("1965-06"),
        months_before: 160,
        ..short_career()
    };
    let r = reached_month("male", "1965-06");
    let paid_before = u32::try_from(r.months_since(start)).unwrap();
    assert!(160 + paid_before < 180, "short at retirement age");
    let setup = Setup {
        start,
        years: 6,
        seed: 2,
        provinces: &[],
    };
    let (_, o) = project(p, std::slice::from_ref(&x), &none_assumed(), &setup, true).unwrap();
    assert_eq!(o[0].status, Status::Pensioner);
    // The 180th month is paid in month `last`; the pension is claimed from the next.
    let last = start.plus(180 - 160 - 1);
    assert_eq!(o[0].pension_start, Some(last.plus(1).max(r.plus(1))));
    assert_eq!(o[0].months, 180);
}

#[test]
fn a_pension_decided_in_december_counts_its_person_as_a_participant_at_the_year_end() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    // A birth month whose retirement month is a December.
    let birth = (0..36)
        .map(|k| m("1965-01").plus(k))
        .find(|b| reached_month("male", &b.to_string()).month() == 12)
        .expect("some birth month retires in December");
    let r = reached_month("male", &birth.to_string());
    let x = Person {
        birth,
        months_before: 200,
        ..short_career()
    };
    let setup = Setup {
        start,
        years: 5,
        seed: 2,
        provinces: &[],
    };
    let (t, o) = project(p, std::slice::from_ref(&x), &none_assumed(), &setup, true).unwrap();
    assert_eq!(o[0].pension_start, Some(r.plus(1)));
    let k = usize::try_from(r.months_since(start) / 12).unwrap();
    assert_eq!(
        (t[k].participants, t[k].pensioners, t[k].new_pensioners),
        (1, 0, 0)
    );
    assert_eq!(
        (
            t[k + 1].participants,
            t[k + 1].pensioners,
            t[k + 1].new_pensioners
        ),
        (0, 1, 1)
    );
}

#[test]
fn a_short_allowance_ends_and_its_person_leaves_the_rolls() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    let x = Person {
        months_before: 12,
        ..short_career()
    };
    let a = Assumptions {
        allowance_take_up: PPM,
        ..none_assumed()
    };
    let setup = Setup {
        start,
        years: 10,
        seed: 4,
        provinces: &[],
    };
    let (t, _) = project(p, std::slice::from_ref(&x), &a, &setup, true).unwrap();
    let r = reached_month("male", "1965-06");
    let single = eval(
        &json!({"calculation": "monthly_allowance", "sex": "male", "birth_date": "1965-06",
        "settlement_month": r.to_string(), "trace": false,
        "history": [{"from": start.plus(-12).to_string(), "to": r.plus(-1).to_string(), "income": 2_000_000}]}),
    );
    let paid = single["months_paid"].as_i64().unwrap();
    let last = r.plus(i32::try_from(paid).unwrap());
    assert!(
        last < start.plus(12 * 9),
        "the allowance ends inside the projection"
    );
    let total: i64 = t.iter().map(|y| y.allowances_paid).sum();
    assert_eq!(total, paid * single["monthly_amount"].as_i64().unwrap());
    let k = usize::try_from(last.months_since(start) / 12).unwrap() + 1;
    assert_eq!((t[k].allowance_recipients, t[k].participants), (0, 0));
}

#[test]
fn a_lump_sum_after_a_gap_is_the_single_calculation_over_the_paid_months() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    // Pays at 59, not at 60, again from 61 until retirement age, then withdraws.
    let x = Person {
        birth: m("1966-09"),
        months_before: 30,
        ..short_career()
    };
    let a = Assumptions {
        persistence: vec![(0, PPM), (60, 0), (61, PPM)],
        lump_sum_take_up: PPM,
        ..none_assumed()
    };
    let setup = Setup {
        start,
        years: 5,
        seed: 8,
        provinces: &[],
    };
    let (_, o) = project(p, std::slice::from_ref(&x), &a, &setup, true).unwrap();
    let r = reached_month("male", "1966-09");
    assert!(r > m("2028-01"));
    assert_eq!(o[0].status, Status::Withdrawn);
    let single = eval(
        &json!({"calculation": "lump_sum", "reason": "retirement_age_without_pension",
        "settlement_month": r.to_string(), "sex": "male", "birth_date": "1966-09", "trace": false,
        "support_received": o[0].support,
        "history": [{"from": start.plus(-30).to_string(), "to": "2026-12", "income": 2_000_000},
                    {"from": "2028-01", "to": r.plus(-1).to_string(), "income": 2_200_000}]}),
    );
    assert_eq!(o[0].lump_sum, single["amount"].as_i64().unwrap());
    assert_eq!(
        o[0].months,
        30 + 12 + u32::try_from(r.months_since(m("2028-01"))).unwrap()
    );
}

#[test]
fn a_death_before_any_month_paid_is_counted_without_benefits() {
    let p = Params::embedded().unwrap();
    let table = bhxh::life_table_from(
        &json!({"measure": "qx", "male": [[0, "1"]], "female": [[0, "1"]]}),
        "m",
    )
    .unwrap();
    let x = Person {
        birth: m("1990-01"),
        months_before: 0,
        ..short_career()
    };
    let a = Assumptions {
        mortality: Some(table),
        persistence: vec![(0, 0)],
        ..none_assumed()
    };
    let setup = Setup {
        start: m("2026-01"),
        years: 5,
        seed: 3,
        provinces: &[],
    };
    let (t, o) = project(p, std::slice::from_ref(&x), &a, &setup, true).unwrap();
    assert_eq!(o[0].status, Status::Dead);
    assert_eq!(t.iter().map(|y| y.deaths).sum::<u64>(), 1);
    assert_eq!(
        t.iter()
            .map(|y| y.funeral_allowances + y.survivor_lump_sums)
            .sum::<i64>(),
        0
    );
}

#[test]
fn a_near_poor_household_gets_the_higher_allowance_and_ages_drive_deaths() {
    let p = Params::embedded().unwrap();
    let start = m("2026-01");
    for (category, household) in [(1u8, true), (0, true), (4, false)] {
        let x = Person {
            category,
            ..short_career()
        };
        let a = Assumptions {
            allowance_take_up: PPM,
            ..none_assumed()
        };
        let setup = Setup {
            start,
            years: 3,
            seed: 4,
            provinces: &[],
        };
        let (_, o) = project(p, std::slice::from_ref(&x), &a, &setup, true).unwrap();
        let r = reached_month("male", "1965-06");
        let single = eval(
            &json!({"calculation": "monthly_allowance", "sex": "male", "birth_date": "1965-06",
            "settlement_month": r.to_string(), "trace": false, "poor_or_near_poor_household": household,
            "history": [{"from": start.plus(-100).to_string(), "to": r.plus(-1).to_string(), "income": 2_000_000}]}),
        );
        assert_eq!(
            o[0].monthly_benefit,
            single["monthly_amount"].as_i64().unwrap(),
            "category {category}"
        );
    }
    // Deaths follow the age: 4,000 men of 85 against 4,000 of 30, one year, the shipped table.
    let t = bhxh::life_table().unwrap();
    let cohort = |birth: &str, id0: u64| -> Vec<Person> {
        (0..4_000u64)
            .map(|i| Person {
                id: id0 + i,
                birth: m(birth),
                months_before: 0,
                ..short_career()
            })
            .collect()
    };
    let a = Assumptions {
        mortality: Some(t.clone()),
        persistence: vec![(0, 0)],
        ..none_assumed()
    };
    let setup = Setup {
        start,
        years: 1,
        seed: 17,
        provinces: &[],
    };
    for (birth, age) in [("1941-01", 85usize), ("1996-01", 30)] {
        let (y, _) = project(p, &cohort(birth, 50_000), &a, &setup, false).unwrap();
        // About N × q deaths in the year (integers: q in parts per million).
        let expected = 4_000 * u64::from(t.male[age]) / 1_000_000;
        let got = y[0].deaths;
        assert!(
            got.abs_diff(expected) <= expected / 5 + 8,
            "age {age}: {got} deaths, about {expected} expected"
        );
    }
}
