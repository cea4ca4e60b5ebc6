//! `bhxh serve` and `bhxh batch`: option parsing only; the work is in `bhxh-server`.

use super::{parse_opts, Opts};
use std::process::ExitCode;
use std::time::Duration;

fn positive(o: &Opts, name: &str) -> Result<Option<usize>, String> {
    o.get(name)
        .map(|v| {
            v.parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("{name} takes a positive whole number, got {v:?}"))
        })
        .transpose()
}

fn seconds(o: &Opts, name: &str, default: Duration) -> Result<Duration, String> {
    Ok(positive(o, name)?.map_or(default, |s| Duration::from_secs(s as u64)))
}

pub(crate) fn cmd_serve(rest: &[String]) -> Result<ExitCode, String> {
    let o = parse_opts(rest)?;
    o.check(&[
        "--listen",
        "--parameters",
        "--api-keys",
        "--cors-origin",
        "--max-request-bytes",
        "--concurrency",
        "--batch-concurrency",
        "--header-timeout",
        "--read-timeout",
        "--drain-timeout",
        "--threads",
    ])?;
    let d = bhxh_server::Config::default();
    let listen = match o.get("--listen") {
        None => d.listen,
        Some(a) => a
            .parse()
            .map_err(|_| format!("--listen takes ADDRESS:PORT (e.g. 127.0.0.1:8080), got {a:?}"))?,
    };
    let config = bhxh_server::Config {
        listen,
        parameters: o.get("--parameters").map(Into::into),
        api_keys: o.get("--api-keys").map(Into::into),
        cors_origins: o.all("--cors-origin"),
        max_request_bytes: positive(&o, "--max-request-bytes")?.unwrap_or(d.max_request_bytes),
        concurrency: positive(&o, "--concurrency")?.unwrap_or(d.concurrency),
        batch_concurrency: positive(&o, "--batch-concurrency")?.unwrap_or(d.batch_concurrency),
        header_timeout: seconds(&o, "--header-timeout", d.header_timeout)?,
        read_timeout: seconds(&o, "--read-timeout", d.read_timeout)?,
        drain_timeout: seconds(&o, "--drain-timeout", d.drain_timeout)?,
        threads: positive(&o, "--threads")?,
        log_requests: !o.flag("--quiet"),
    };
    match bhxh_server::run(config) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("bhxh serve: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

pub(crate) fn cmd_batch(rest: &[String]) -> Result<ExitCode, String> {
    use bhxh_server::batch::Format;
    let o = parse_opts(rest)?;
    o.check_options(&[
        "--format",
        "--lang",
        "--output",
        "--parameters",
        "--threads",
        "--max-request-bytes",
    ])?;
    if o.positional.len() > 1 {
        return Err("batch takes at most one FILE".into());
    }
    let file = o
        .positional
        .first()
        .map(String::as_str)
        .filter(|f| *f != "-");
    let format = match (o.get("--format"), file) {
        (Some("csv"), _) => Format::Csv,
        (Some("ndjson"), _) => Format::Ndjson,
        (Some(f), _) => return Err(format!("--format must be csv or ndjson, got {f:?}")),
        (None, Some(f)) if f.ends_with(".ndjson") || f.ends_with(".jsonl") => Format::Ndjson,
        (None, _) => Format::Csv,
    };
    let lang = match o.get("--lang").unwrap_or("vi") {
        "vi" => bhxh::csv::Lang::Vi,
        "en" => bhxh::csv::Lang::En,
        l => return Err(format!("--lang must be vi or en, got {l:?}")),
    };
    if let Some(n) = positive(&o, "--threads")? {
        let _ = rayon_pool(n);
    }
    let max_line = positive(&o, "--max-request-bytes")?.unwrap_or(bhxh::MAX_REQUEST_BYTES);
    let params = bhxh_server::load_parameters(o.get("--parameters").map(Into::into).as_ref())?;
    let (input, total): (Box<dyn std::io::Read>, Option<u64>) = match file {
        None => (Box::new(std::io::stdin().lock()), None),
        Some(f) => {
            let h = std::fs::File::open(f).map_err(|e| format!("cannot read {f}: {e}"))?;
            let len = h.metadata().ok().map(|m| m.len());
            (Box::new(h), len)
        }
    };
    let output: Box<dyn std::io::Write> = match o.get("--output") {
        None | Some("-") => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        Some(f) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(f).map_err(|e| format!("cannot write {f}: {e}"))?,
        )),
    };
    let bar = progress_bar(total);
    let started = std::time::Instant::now();
    let summary = bhxh_server::batch::run(params, format, lang, max_line, input, output, |s| {
        bar.set_position(s.bytes);
        bar.set_message(format!("{} rows", s.rows));
    });
    bar.finish_and_clear();
    let s = summary.map_err(|e| format!("batch: {e}"))?;
    let secs = started.elapsed().as_millis().max(1);
    eprintln!(
        "bhxh batch: {} rows ({} not ok) in {}.{:03} s, {} rows/s",
        s.rows,
        s.not_ok,
        secs / 1000,
        secs % 1000,
        u128::from(s.rows) * 1000 / secs
    );
    Ok(ExitCode::SUCCESS)
}

fn rayon_pool(n: usize) -> Result<(), String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build_global()
        .map_err(|e| e.to_string())
}

/// A bar on a terminal, nothing otherwise (indicatif hides itself when standard error is
/// not a terminal).
fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let bar = match total {
        Some(t) => indicatif::ProgressBar::new(t),
        None => indicatif::ProgressBar::new_spinner(),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg}",
    ) {
        bar.set_style(style);
    }
    bar
}
