//! Criterion benches of the engine: the batch path over 1,000,000 participant-months and
//! one JSON round trip. Run: `cargo bench -p bhxh --bench engine`.

use bhxh::batch::{quote_monthly_columns, quote_monthly_into, MonthlyQuoter, QuoteSlices};
use bhxh::{Params, YearMonth};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

mod requests;
use requests::forty_years;

/// A synthetic population: 1,000,000 participant-months spread over 2024-01..2027-12,
/// incomes on the step between 1.5 M and 10 M (2.2 M from 2027), all five categories.
fn population(n: usize) -> (Vec<YearMonth>, Vec<i64>, Vec<u8>, Vec<u32>) {
    let start = YearMonth::new(2024, 1).unwrap();
    let mut months = Vec::with_capacity(n);
    let mut incomes = Vec::with_capacity(n);
    let mut cats = Vec::with_capacity(n);
    let mut before = Vec::with_capacity(n);
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let m = start.plus((x % 48) as i32);
        months.push(m);
        let floor = if m.year() >= 2027 {
            2_200_000
        } else {
            1_500_000
        };
        incomes.push(floor + ((x >> 8) % 160) as i64 * 50_000);
        cats.push(((x >> 20) % 5) as u8);
        before.push(((x >> 30) % 121) as u32);
    }
    (months, incomes, cats, before)
}

fn batch(c: &mut Criterion) {
    let p = Params::embedded().unwrap();
    let n = 1_000_000;
    let (months, incomes, cats, before) = population(n);
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(20);
    g.bench_function("monthly_quotes_1m_sum", |b| {
        b.iter(|| {
            let mut q = MonthlyQuoter::new(p, None);
            let mut total = 0i64;
            for i in 0..n {
                if let Ok(r) = q.quote(months[i], incomes[i], cats[i], before[i]) {
                    total += r.payable;
                }
            }
            black_box(total)
        })
    });
    let (mut g1, mut s1, mut l1, mut p1, mut st1) = (
        vec![0i64; n],
        vec![0i64; n],
        vec![0i64; n],
        vec![0i64; n],
        vec![0u8; n],
    );
    g.bench_function("monthly_quotes_1m_into_buffers", |b| {
        b.iter(|| {
            let out = QuoteSlices {
                gross: &mut g1,
                state_support: &mut s1,
                local_support: &mut l1,
                payable: &mut p1,
                status: &mut st1,
            };
            quote_monthly_into(p, None, &months, &incomes, &cats, &before, out).unwrap();
            black_box(p1[n - 1])
        })
    });
    g.bench_function("monthly_quotes_1m_columns", |b| {
        b.iter(|| {
            black_box(quote_monthly_columns(p, None, &months, &incomes, &cats, &before).unwrap())
        })
    });
    g.finish();
}

fn json(c: &mut Criterion) {
    let monthly = r#"{"calculation":"contribution","payment_month":"2026-03","income":3000000,"method":"monthly","categories":["near_poor"]}"#;
    let no_trace = r#"{"calculation":"contribution","payment_month":"2026-03","income":3000000,"method":"monthly","categories":["near_poor"],"trace":false}"#;
    let advance = r#"{"calculation":"contribution","payment_month":"2026-03","income":3000000,"method":"advance","months":60,"categories":["near_poor"]}"#;
    let retire = r#"{"calculation":"retirement","sex":"female","birth_date":"1975-05"}"#;
    let household = r#"{"calculation":"health_insurance","payment_month":"2026-08","province":"ha_noi","payment_date":"2026-08-10","previous_card_expiry":"2026-08-31","members":[{"group":"self_paying"},{"group":"near_poor"},{"group":"agri_average"},{"group":"ha_noi_age_70_74"},{"group":"student"}]}"#;
    let _ = bhxh::evaluate(monthly).unwrap();
    let _ = bhxh::evaluate(household).unwrap();
    let mut g = c.benchmark_group("eval_round_trip");
    g.bench_function("contribution_monthly_with_trace", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(monthly)).unwrap()))
    });
    g.bench_function("contribution_monthly_without_trace", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(no_trace)).unwrap()))
    });
    g.bench_function("contribution_advance_60_months", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(advance)).unwrap()))
    });
    g.bench_function("retirement", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(retire)).unwrap()))
    });
    g.bench_function("health_insurance_household_of_five_with_trace", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(household)).unwrap()))
    });
    g.finish();
}

/// The same career typed, as a Rust host embedding the engine holds it.
fn forty_years_typed() -> bhxh::calc::pension::PensionInput {
    use bhxh::calc::history::{History, Period, Scheme};
    let periods = (0..40)
        .map(|i| Period {
            from: YearMonth::new(1987 + i, 1).unwrap(),
            to: YearMonth::new(1987 + i, 12).unwrap(),
            income: 2_000_000 + i64::from(i) * 100_000,
            scheme: Scheme::Voluntary,
            back_paid: 1987 + i < 2008,
            categories: Vec::new(),
            province: None,
            index: i as usize,
        })
        .collect();
    bhxh::calc::pension::PensionInput {
        sex: bhxh::calc::retirement::Sex::Male,
        birth: bhxh::calc::retirement::BirthDate::parse("1964-03", "birth_date").unwrap(),
        history: History::from_periods(periods, "history").unwrap(),
        claim_month: YearMonth::new(2027, 1),
    }
}

/// A 40-year career as people usually have it: five periods of changing income.
fn forty_years_five_periods() -> String {
    r#"{"calculation":"pension","sex":"male","birth_date":"1964-03","claim_month":"2027-01","history":[{"from":"1987-01","to":"1994-12","income":2000000,"back_paid":true},{"from":"1995-01","to":"2007-12","income":2500000,"back_paid":true},{"from":"2008-01","to":"2015-12","income":3000000},{"from":"2016-01","to":"2021-06","income":4000000},{"from":"2021-07","to":"2026-12","income":5000000}]}"#.into()
}

fn benefits(c: &mut Criterion) {
    let with = forty_years(true);
    let without = forty_years(false);
    let r = bhxh::evaluate(&with).unwrap();
    assert!(r.contains("\"eligible\":true"), "{r}");
    let typed = forty_years_typed();
    let params = Params::embedded().unwrap();
    let five = forty_years_five_periods();
    let r5 = bhxh::evaluate(&five).unwrap();
    assert!(r5.contains("\"contribution_months\":480"), "{r5}");
    // The typed path gives the JSON path's numbers.
    let mut t = bhxh::explain::trace::Trace::new(true);
    let o = bhxh::calc::pension::evaluate(params, &typed, &mut t).unwrap();
    let json: serde_json::Value = serde_json::from_str(&r).unwrap();
    assert_eq!(json["monthly_pension"], o.pension.monthly_pension);
    let mut g = c.benchmark_group("pension_40_years");
    g.bench_function("with_trace", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(&with)).unwrap()))
    });
    g.bench_function("without_trace", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(&without)).unwrap()))
    });
    // No JSON request to read: the calculation and its trace written as JSON.
    g.bench_function("typed_input_with_trace", |b| {
        b.iter(|| {
            let mut t = bhxh::explain::trace::Trace::new(true);
            let o = bhxh::calc::pension::evaluate(params, black_box(&typed), &mut t).unwrap();
            let mut out = String::new();
            t.write_json(&mut out);
            black_box((o, out))
        })
    });
    g.bench_function("five_periods_with_trace", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(&five)).unwrap()))
    });
    g.finish();
}

fn projections(c: &mut Criterion) {
    let estimate = r#"{"calculation":"estimate","as_of":"2026-11-28","sex":"female","birth_date":"1986-05","income":2000000,"categories":["near_poor"],"province":"hue"}"#;
    let no_trace = r#"{"calculation":"estimate","as_of":"2026-11-28","sex":"female","birth_date":"1986-05","income":2000000,"categories":["near_poor"],"province":"hue","trace":false}"#;
    let minimum = r#"{"calculation":"minimum_income","as_of":"2026-11-28","sex":"female","birth_date":"1986-05","target_monthly_pension":2000000,"categories":["near_poor"],"province":"hue","trace":false}"#;
    bhxh::evaluate(estimate).unwrap();
    bhxh::evaluate(minimum).unwrap();
    let mut g = c.benchmark_group("estimate");
    g.bench_function("woman_40_near_poor_with_trace", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(estimate)).unwrap()))
    });
    g.bench_function("woman_40_near_poor_without_trace", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(no_trace)).unwrap()))
    });
    g.bench_function("minimum_income", |b| {
        b.iter(|| black_box(bhxh::evaluate(black_box(minimum)).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, batch, json, benefits, projections);
criterion_main!(benches);
