//! Runs the 40-year pension request of the benchmark many times, for instruction-count
//! profiling (`valgrind --tool=callgrind`), which is stable on a noisy machine where
//! wall-clock figures are not. Usage: `profile_pension [trace|notrace] [iterations]`.
use std::hint::black_box;

fn forty_years(trace: bool) -> String {
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

fn main() {
    let mut args = std::env::args().skip(1);
    let trace = args.next().as_deref() != Some("notrace");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let request = forty_years(trace);
    let mut bytes = 0;
    for _ in 0..n {
        bytes += black_box(bhxh::evaluate(black_box(&request)).unwrap()).len();
    }
    println!("{n} evaluations, {bytes} response bytes");
}
