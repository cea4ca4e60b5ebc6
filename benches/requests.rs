//! Requests shared by the criterion benches (`engine.rs`) and the instruction-count harness
//! (`crates/bhxh/examples/profile_pension.rs`, `scripts/instructions.sh`), so that both
//! measure the same text.

/// A 40-year career: one period per year with rising incomes, settled in 2026.
pub fn forty_years(trace: bool) -> String {
    let periods: Vec<String> = (0..40)
        .map(|i| {
            let y = 1987 + i;
            let back = if y < 2008 { r#","back_paid":true"# } else { "" };
            format!(
                r#"{{"from":"{y}-01","to":"{y}-12","income":{}{back}}}"#,
                2_000_000 + i * 100_000
            )
        })
        .collect();
    format!(
        r#"{{"calculation":"pension","sex":"male","birth_date":"1964-03","claim_month":"2027-01","trace":{trace},"history":[{}]}}"#,
        periods.join(",")
    )
}
