//! The columnar batch functions (what the Python package calls) against the single
//! calculations: every person's pension equal to the `pension` calculation, errors per
//! person, refused column shapes; monthly quotes from `YYYYMM` integers equal to quotes from
//! months.

use bhxh::batch::{
    month_from_yyyymm, pensions, quote_monthly_columns, quote_monthly_into, PeriodColumns,
    QuoteSlices,
};
use bhxh::{Params, YearMonth};
use serde_json::{json, Value};

fn single(sex: &str, birth: &str, history: Value) -> Value {
    let req = json!({"calculation": "pension", "sex": sex, "birth_date": birth, "history": history, "trace": false});
    serde_json::from_str(&bhxh::evaluate(&req.to_string()).unwrap()).unwrap()
}

#[test]
fn pensions_equal_the_single_calculation_person_by_person() {
    let p = Params::embedded().unwrap();
    // Person 10: a man born 1966-03, 2008-01…2027-12 at 3,000,000 then 2028-01…2031-12 at
    // 4,000,000. Person 11: a woman born 1972-05, 2010-01…2026-12 at 2,000,000. Person 12:
    // sex 7 (invalid) → its error only.
    let sex = [0u8, 1, 7];
    let birth = [196603i64, 197205, 197001];
    let claim = [0i64, 0, 0];
    let person = [10i64, 10, 11, 12];
    let from = [200801i64, 202801, 201001, 201001];
    let to = [202712i64, 203112, 202612, 202012];
    let income = [3_000_000i64, 4_000_000, 2_000_000, 2_000_000];
    let back = [false; 4];
    let cols = PeriodColumns {
        person: &person,
        from: &from,
        to: &to,
        income: &income,
        back_paid: &back,
    };
    let out = pensions(p, &sex, &birth, &claim, &cols, 10).unwrap();
    let man = single(
        "male",
        "1966-03",
        json!([
        {"from": "2008-01", "to": "2027-12", "income": 3000000},
        {"from": "2028-01", "to": "2031-12", "income": 4000000}]),
    );
    let woman = single(
        "female",
        "1972-05",
        json!([{"from": "2010-01", "to": "2026-12", "income": 2000000}]),
    );
    for (i, v) in [man, woman].iter().enumerate() {
        assert_eq!(out.error[i], "");
        assert_eq!(out.eligible[i], u8::from(v["eligible"].as_bool().unwrap()));
        assert_eq!(
            out.monthly_pension[i],
            v["monthly_pension"].as_i64().unwrap()
        );
        assert_eq!(
            out.average_income[i],
            v["average_income"].as_i64().unwrap_or(0)
        );
        assert_eq!(
            out.contribution_months[i],
            v["contribution_months"].as_i64().unwrap()
        );
        assert_eq!(
            out.retirement_allowance[i],
            v["retirement_allowance"].as_i64().unwrap()
        );
        let start = v["pension_start"].as_str().map_or(0, |d| {
            d[..4].parse::<i64>().unwrap() * 100 + d[5..7].parse::<i64>().unwrap()
        });
        assert_eq!(out.pension_start[i], start);
        let rate: rust_decimal::Decimal = v["rate"].as_str().unwrap().parse().unwrap();
        assert_eq!(
            rust_decimal::Decimal::from(out.rate_bp[i]),
            rate * rust_decimal::Decimal::from(10_000)
        );
    }
    assert!(
        out.eligible[0] == 1 && out.monthly_pension[0] > 0,
        "the man's pension is due"
    );
    assert_eq!(out.error[2], "invalid_sex");
    assert_eq!((out.monthly_pension[2], out.eligible[2]), (0, 0));
}

#[test]
fn pension_columns_of_another_shape_are_refused() {
    let p = Params::embedded().unwrap();
    let (person, from, to, income, back) =
        ([0i64], [201001i64], [202612i64], [2_000_000i64], [false]);
    let cols = PeriodColumns {
        person: &person,
        from: &from,
        to: &to,
        income: &income,
        back_paid: &back,
    };
    let ok = pensions(p, &[0], &[196603], &[0], &cols, 0);
    assert!(ok.is_ok());
    for (sex, birth, claim) in [
        (&[0u8][..], &[196603i64, 1][..], &[0i64][..]),
        (&[0u8][..], &[196603i64][..], &[0i64, 0][..]),
    ] {
        assert_eq!(
            pensions(p, sex, birth, claim, &cols, 0).unwrap_err().code(),
            "value_out_of_range"
        );
    }
    let short = [201001i64, 1];
    for bad in [
        PeriodColumns {
            from: &short,
            ..cols
        },
        PeriodColumns { to: &short, ..cols },
        PeriodColumns {
            income: &[1, 2],
            ..cols
        },
        PeriodColumns {
            back_paid: &[false, true],
            ..cols
        },
    ] {
        assert_eq!(
            pensions(p, &[0], &[196603], &[0], &bad, 0)
                .unwrap_err()
                .code(),
            "value_out_of_range"
        );
    }
    // Rows of a person that is not among the persons (or not grouped) are refused.
    let stray = [1i64];
    assert!(pensions(
        p,
        &[0],
        &[196603],
        &[0],
        &PeriodColumns {
            person: &stray,
            ..cols
        },
        0
    )
    .is_err());
    assert!(pensions(p, &[0], &[196603], &[0], &cols, 5).is_err());
}

#[test]
fn quotes_from_yyyymm_integers_equal_quotes_from_months() {
    let p = Params::embedded().unwrap();
    let ints = [202603i64, 202701, 202613];
    let months: Vec<YearMonth> = ints.iter().filter_map(|v| month_from_yyyymm(*v)).collect();
    assert_eq!(months.len(), 2);
    let incomes = [2_000_000i64, 2_200_000, 2_000_000];
    let cats = [1u8, 4, 4];
    let before = [0u32, 0, 0];
    let cols =
        quote_monthly_columns(p, None, &months, &incomes[..2], &cats[..2], &before[..2]).unwrap();
    let (mut g, mut s, mut l, mut pay, mut st) =
        ([0i64; 3], [0i64; 3], [0i64; 3], [0i64; 3], [0u8; 3]);
    quote_monthly_into(
        p,
        None,
        &ints,
        &incomes,
        &cats,
        &before,
        QuoteSlices {
            gross: &mut g,
            state_support: &mut s,
            local_support: &mut l,
            payable: &mut pay,
            status: &mut st,
        },
    )
    .unwrap();
    assert_eq!(pay[..2], cols.payable[..]);
    assert_eq!(s[..2], cols.state_support[..]);
    assert_eq!(st[..2], [0, 0]);
    assert_ne!(st[2], 0, "202613 is no month");
    // Every column must have the rows of the months.
    for (c, b) in [(&cats[..1], &before[..2]), (&cats[..2], &before[..1])] {
        assert!(quote_monthly_columns(p, None, &months, &incomes[..2], c, b).is_err());
    }
    assert!(
        quote_monthly_columns(p, None, &months, &incomes[..1], &cats[..2], &before[..2]).is_err()
    );
}
