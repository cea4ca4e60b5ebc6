//! Counters for `GET /metrics` (Prometheus text format 0.0.4): requests by route,
//! calculation and status; errors by calculation and code; latency histograms by route;
//! batch lines; shed requests. Labels come from fixed lists (routes, the engine's
//! calculation names and error codes), never from what a client sent.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Upper bounds of the latency buckets, in microseconds, and as Prometheus prints them.
const BUCKETS: [(u64, &str); 12] = [
    (100, "0.0001"),
    (250, "0.00025"),
    (500, "0.0005"),
    (1_000, "0.001"),
    (2_500, "0.0025"),
    (5_000, "0.005"),
    (10_000, "0.01"),
    (25_000, "0.025"),
    (50_000, "0.05"),
    (100_000, "0.1"),
    (250_000, "0.25"),
    (1_000_000, "1"),
];

#[derive(Default, Clone)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum_us: u64,
}

/// What one request adds.
pub(crate) struct Sample {
    pub(crate) route: &'static str,
    pub(crate) calculation: &'static str,
    pub(crate) status: u16,
    pub(crate) code: Option<&'static str>,
    pub(crate) micros: u64,
}

#[derive(Default)]
struct Tables {
    requests: BTreeMap<(&'static str, &'static str, u16), u64>,
    errors: BTreeMap<(&'static str, &'static str), u64>,
    latency: BTreeMap<&'static str, Histogram>,
}

/// The service's counters.
#[derive(Default)]
pub(crate) struct Metrics {
    tables: Mutex<Tables>,
    pub(crate) batch_lines: AtomicU64,
    pub(crate) batch_errors: AtomicU64,
    pub(crate) shed: AtomicU64,
}

impl Metrics {
    /// Counts one request.
    pub(crate) fn record(&self, s: &Sample) {
        let Ok(mut t) = self.tables.lock() else {
            return;
        };
        *t.requests
            .entry((s.route, s.calculation, s.status))
            .or_default() += 1;
        if let Some(code) = s.code {
            *t.errors.entry((s.calculation, code)).or_default() += 1;
        }
        let h = t.latency.entry(s.route).or_default();
        h.count += 1;
        h.sum_us = h.sum_us.saturating_add(s.micros);
        for (i, (bound, _)) in BUCKETS.iter().enumerate() {
            if s.micros <= *bound {
                h.counts[i] += 1;
            }
        }
    }

    /// The Prometheus text.
    pub(crate) fn render(&self, in_flight: usize) -> String {
        let mut o = String::new();
        let t = match self.tables.lock() {
            Ok(t) => t,
            Err(p) => p.into_inner(),
        };
        o.push_str("# HELP bhxh_requests_total HTTP requests answered.\n# TYPE bhxh_requests_total counter\n");
        for ((route, calc, status), n) in &t.requests {
            let _ = writeln!(
                o,
                "bhxh_requests_total{{route=\"{route}\",calculation=\"{calc}\",status=\"{status}\"}} {n}"
            );
        }
        o.push_str("# HELP bhxh_errors_total Contract errors by calculation and code.\n# TYPE bhxh_errors_total counter\n");
        for ((calc, code), n) in &t.errors {
            let _ = writeln!(
                o,
                "bhxh_errors_total{{calculation=\"{calc}\",code=\"{code}\"}} {n}"
            );
        }
        o.push_str("# HELP bhxh_request_duration_seconds Time to the response head.\n# TYPE bhxh_request_duration_seconds histogram\n");
        for (route, h) in &t.latency {
            for (i, (_, le)) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    o,
                    "bhxh_request_duration_seconds_bucket{{route=\"{route}\",le=\"{le}\"}} {}",
                    h.counts[i]
                );
            }
            let _ = writeln!(
                o,
                "bhxh_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}\nbhxh_request_duration_seconds_sum{{route=\"{route}\"}} {}.{:06}\nbhxh_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count,
                h.sum_us / 1_000_000,
                h.sum_us % 1_000_000,
                h.count
            );
        }
        let counters = [
            (
                "bhxh_batch_lines_total",
                "Batch lines answered.",
                &self.batch_lines,
            ),
            (
                "bhxh_batch_line_errors_total",
                "Batch lines answered with an error or a non-ok status.",
                &self.batch_errors,
            ),
            (
                "bhxh_shed_total",
                "Requests refused with 503 because the service was at its concurrency limit.",
                &self.shed,
            ),
        ];
        for (name, help, v) in counters {
            let _ = writeln!(
                o,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                v.load(Ordering::Relaxed)
            );
        }
        let _ = writeln!(
            o,
            "# HELP bhxh_log_lines_dropped_total Request log lines dropped because the log queue was full.\n# TYPE bhxh_log_lines_dropped_total counter\nbhxh_log_lines_dropped_total {}",
            crate::log::DROPPED.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            o,
            "# HELP bhxh_in_flight Requests being served.\n# TYPE bhxh_in_flight gauge\nbhxh_in_flight {in_flight}"
        );
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let m = Metrics::default();
        for micros in [50, 300, 300, 2_000_000] {
            m.record(&Sample {
                route: "/v1/evaluate",
                calculation: "contribution",
                status: 200,
                code: None,
                micros,
            });
        }
        m.record(&Sample {
            route: "/v1/evaluate",
            calculation: "pension",
            status: 400,
            code: Some("empty_history"),
            micros: 10,
        });
        let text = m.render(3);
        assert!(text.contains("bhxh_requests_total{route=\"/v1/evaluate\",calculation=\"contribution\",status=\"200\"} 4"));
        assert!(
            text.contains("bhxh_errors_total{calculation=\"pension\",code=\"empty_history\"} 1")
        );
        assert!(text.contains(
            "bhxh_request_duration_seconds_bucket{route=\"/v1/evaluate\",le=\"0.0001\"} 2"
        ));
        assert!(text.contains(
            "bhxh_request_duration_seconds_bucket{route=\"/v1/evaluate\",le=\"0.0005\"} 4"
        ));
        assert!(text
            .contains("bhxh_request_duration_seconds_bucket{route=\"/v1/evaluate\",le=\"1\"} 4"));
        assert!(text.contains(
            "bhxh_request_duration_seconds_bucket{route=\"/v1/evaluate\",le=\"+Inf\"} 5"
        ));
        assert!(text.contains("bhxh_request_duration_seconds_sum{route=\"/v1/evaluate\"} 2.000660"));
        assert!(text.contains("bhxh_in_flight 3"));
    }
}
