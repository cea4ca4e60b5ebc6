//! Runs the 40-year pension request of the benchmark many times, for instruction-count
//! profiling (`valgrind --tool=callgrind`), which is stable on a noisy machine where
//! wall-clock figures are not. Usage: `profile_pension [trace|notrace] [iterations]`.
use std::hint::black_box;

#[path = "../../../benches/requests.rs"]
mod requests;
use requests::forty_years;

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
