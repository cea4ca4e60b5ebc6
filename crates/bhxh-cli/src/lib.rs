//! `bhxh`: the command-line face of the engine.
//!
//! - `bhxh eval [FILE]` reads one JSON request (a file, or standard input) and prints the
//!   response; on bad input it prints the contract's error object and exits with status 2.
//! - `bhxh quote`, `bhxh retire`: friendly tables in Vietnamese or English.
//! - `bhxh explain [FILE]`: renders the trace of a request or response as text.
//! - `bhxh params`: the legal parameter catalogue with citations.
//! - `bhxh serve`: the contract over HTTP; `bhxh batch`: batch files (crate `bhxh-server`).
//!
//! A library with a thin `main`, so that the argument handling can be fuzzed in-process
//! (`fuzz/fuzz_targets/cli.rs`).

use serde_json::{json, Map, Value};
use std::io::Read;
use std::process::ExitCode;

mod render;
mod service;

/// `print!` that never panics: a failed write is remembered (`write_failure`) and decides
/// the exit status (`bhxh eval … | head` must not panic; `bhxh eval > /dev/full` must not
/// claim success).
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout().lock(), $($t)*) {
            crate::note_write_error(e);
        }
    }};
}

/// `println!` with the same handling as `out!`.
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($t)*) {
            crate::note_write_error(e);
        }
    }};
}

/// The first error writing to standard output, if any.
static WRITE_ERROR: std::sync::Mutex<Option<std::io::ErrorKind>> = std::sync::Mutex::new(None);

fn note_write_error(e: std::io::Error) {
    if let Ok(mut slot) = WRITE_ERROR.lock() {
        slot.get_or_insert(e.kind());
    }
}

/// The exit status once everything is written: a closed pipe stays quiet (the reader has
/// what it wanted); any other write error is reported and fails (EX_IOERR, 74).
fn finish(code: ExitCode) -> ExitCode {
    use std::io::Write as _;
    if let Err(e) = std::io::stdout().flush() {
        note_write_error(e);
    }
    let failed = WRITE_ERROR.lock().ok().and_then(|slot| *slot);
    match failed {
        None | Some(std::io::ErrorKind::BrokenPipe) => code,
        Some(kind) => {
            eprintln!(
                "bhxh: cannot write the output: {}",
                std::io::Error::from(kind)
            );
            ExitCode::from(74)
        }
    }
}

const USAGE: &str = "bhxh — Vietnam voluntary social insurance calculator (BHXH tự nguyện)

USAGE:
  bhxh eval [FILE] [--max-request-bytes N]
                              evaluate a JSON request (FILE or stdin; at most N bytes,
                              default 1 MiB); exit 2 on bad input
  bhxh quote --income N [--payment-month YYYY-MM] [--method M] [--months N]
             [--category C]... [--province P] [--subsidised-before N]
             [--fund-rate R] [--lang vi|en] [--trace] [--json]
  bhxh refund --income N --payment-month YYYY-MM --method M [--months N] --reason R
             --from-month YYYY-MM [--category C]... [--province P] [--lang vi|en] [--trace] [--json]
  bhxh bhyt --member GROUP[:FORM]... [--payment-month YYYY-MM] [--months 3|6|12]
             [--already-enrolled N] [--province P] [--payment-date YYYY-MM-DD]
             [--previous-expiry YYYY-MM-DD] [--lang vi|en] [--trace] [--json]
                              household health insurance (BHYT hộ gia đình) for one period
  bhxh retire --sex male|female --birth-date YYYY[-MM[-DD]] [--lang vi|en] [--trace] [--json]
  bhxh estimate --sex male|female --birth-date YYYY[-MM[-DD]] --income N [--as-of YYYY-MM-DD]
             [--category C]... [--province P] [--method M] [--months N] [--years N]
             [--shortfall continue|back_payment] [--inflation R] [--lang vi|en] [--trace] [--json]
  bhxh explain [FILE]         print the trace of a request or response [--lang vi|en]
  bhxh params [--json]        list the legal parameters with their citations
  bhxh serve [--listen ADDR:PORT] [--parameters FILE] [--api-keys FILE] [--cors-origin O]...
             [--max-request-bytes N] [--concurrency N] [--batch-concurrency N] [--header-timeout S]
             [--read-timeout S] [--drain-timeout S] [--threads N] [--quiet]
                              the JSON contract over HTTP (docs/service.md); 127.0.0.1:8080
  bhxh batch [FILE] [--format csv|ndjson] [--output FILE] [--lang vi|en] [--parameters FILE]
             [--threads N]    CSV participants → monthly quotes, or NDJSON requests →
                              responses; streamed, on all cores
  bhxh help | --version

Methods: monthly, every_3_months, every_6_months, every_12_months, advance (--months 24|36|48|60),
back_payment (--months 1..60). Categories: poor, near_poor, ethnic_minority,
island_or_special_zone, other, or a provincial code such as ha_noi_other_eligible.
Health-insurance groups (bhyt --member, one per member in the order of joining): self_paying,
near_poor, near_poor_poor_commune, ethnic_minority_transition, student, community_worker,
agri_average; FORM household or supported (default: the cheaper for the household).
Refund reasons: compulsory_insurance, lump_sum, death, pension (the unused prepaid months from
--from-month). Without --payment-month, quote uses the current month.";

/// The command's entry point: reads the process arguments, runs, and returns the exit
/// status (64 for a usage error).
pub fn main() -> ExitCode {
    // Arguments that are not UTF-8 are a usage error, never a panic.
    let args: Result<Vec<String>, _> = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect();
    let result = match args {
        Ok(args) => run(&args),
        Err(bad) => Err(format!(
            "an argument is not UTF-8 text: {}",
            bad.to_string_lossy()
        )),
    };
    match result {
        Ok(code) => finish(code),
        Err(msg) => {
            eprintln!("bhxh: {msg}\n\n{USAGE}");
            ExitCode::from(64)
        }
    }
}

/// Parsed `--flag value` options.
struct Opts {
    pairs: Vec<(String, String)>,
    flags: Vec<String>,
    positional: Vec<String>,
}

const BOOL_FLAGS: &[&str] = &["--trace", "--json", "--quiet"];

fn parse_opts(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        pairs: vec![],
        flags: vec![],
        positional: vec![],
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if BOOL_FLAGS.contains(&a.as_str()) {
            o.flags.push(a.clone());
        } else if let Some(stripped) = a.strip_prefix("--") {
            if let Some((k, v)) = stripped.split_once('=') {
                o.pairs.push((format!("--{k}"), v.to_string()));
            } else {
                let v = it
                    .next()
                    .ok_or_else(|| format!("option {a} needs a value"))?;
                o.pairs.push((a.clone(), v.clone()));
            }
        } else {
            o.positional.push(a.clone());
        }
    }
    Ok(o)
}

impl Opts {
    fn get(&self, k: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }
    fn all(&self, k: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .collect()
    }
    fn flag(&self, k: &str) -> bool {
        self.flags.iter().any(|f| f == k)
    }
    fn check(&self, allowed: &[&str]) -> Result<(), String> {
        if let Some(p) = self.positional.first() {
            return Err(format!("unexpected argument {p:?}"));
        }
        self.check_options(allowed)
    }
    /// Only known options (positional arguments are the caller's to check).
    fn check_options(&self, allowed: &[&str]) -> Result<(), String> {
        match self
            .pairs
            .iter()
            .find(|(k, _)| !allowed.contains(&k.as_str()))
        {
            Some((k, _)) => Err(format!("unknown option {k}")),
            None => Ok(()),
        }
    }
    fn lang(&self) -> Result<render::Lang, String> {
        match self.get("--lang").unwrap_or("vi") {
            "vi" => Ok(render::Lang::Vi),
            "en" => Ok(render::Lang::En),
            l => Err(format!("--lang must be vi or en, got {l:?}")),
        }
    }
}

/// The bytes of a request (a file, or standard input for none or `-`), read up to one byte
/// past `limit`: a larger request is refused without being read whole.
fn read_input(path: Option<&str>, limit: usize) -> Result<Vec<u8>, String> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    match path {
        None | Some("-") => {
            std::io::stdin()
                .take(cap)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
        }
        Some(p) => {
            let file = std::fs::File::open(p).map_err(|e| format!("cannot read {p}: {e}"))?;
            file.take(cap)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read {p}: {e}"))?;
        }
    }
    Ok(bytes)
}

/// Prints the engine's answer to `bytes` (the response, or the error object with status 2).
fn answer(bytes: &[u8], limit: usize) -> ExitCode {
    match bhxh::evaluate_bytes(bytes, limit) {
        Ok(out) => {
            outln!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            outln!("{}", e.to_json());
            ExitCode::from(2)
        }
    }
}

/// Runs the command line `args` (without the program name). `Err` is a usage error.
///
/// # Errors
/// A message for the usage error (unknown command or option, missing value, bad file).
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(cmd) = args.first() else {
        outln!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "eval" => cmd_eval(rest),
        "quote" => cmd_quote(rest),
        "refund" => cmd_refund(rest),
        "bhyt" | "health-insurance" => cmd_bhyt(rest),
        "estimate" => cmd_estimate(rest),
        "retire" => cmd_retire(rest),
        "explain" => cmd_explain(rest),
        "params" => cmd_params(rest),
        "serve" => service::cmd_serve(rest),
        "batch" => service::cmd_batch(rest),
        "help" | "--help" | "-h" => {
            outln!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "--version" | "version" => {
            outln!("bhxh {}", bhxh::ENGINE_VERSION);
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

fn cmd_eval(rest: &[String]) -> Result<ExitCode, String> {
    let o = parse_opts(rest)?;
    o.check_options(&["--max-request-bytes"])?;
    if o.positional.len() > 1 {
        return Err("eval takes at most one FILE".into());
    }
    let limit = match o.get("--max-request-bytes") {
        None => bhxh::MAX_REQUEST_BYTES,
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or("--max-request-bytes takes a positive whole number")?,
    };
    let bytes = read_input(o.positional.first().map(String::as_str), limit)?;
    Ok(answer(&bytes, limit))
}

/// The options of a payment, shared by `quote` and `refund`.
const PAYMENT_OPTS: &[&str] = &[
    "--income",
    "--payment-month",
    "--method",
    "--months",
    "--category",
    "--province",
    "--subsidised-before",
    "--fund-rate",
    "--lang",
];

/// A payment's request fields from the options.
fn payment_request(o: &Opts, calculation: &str) -> Result<Map<String, Value>, String> {
    let mut req = Map::new();
    req.insert("calculation".into(), json!(calculation));
    let month = o
        .get("--payment-month")
        .map(str::to_string)
        .unwrap_or_else(current_month);
    req.insert("payment_month".into(), json!(month));
    let income = o
        .get("--income")
        .ok_or_else(|| format!("{calculation} needs --income"))?;
    req.insert("income".into(), number_or_string(income));
    req.insert(
        "method".into(),
        json!(o.get("--method").unwrap_or("monthly")),
    );
    if let Some(m) = o.get("--months") {
        req.insert("months".into(), number_or_string(m));
    }
    let cats = o.all("--category");
    if !cats.is_empty() {
        req.insert("categories".into(), json!(cats));
    }
    if let Some(p) = o.get("--province") {
        req.insert("province".into(), json!(p));
    }
    if let Some(s) = o.get("--subsidised-before") {
        req.insert("subsidised_months_before".into(), number_or_string(s));
    }
    if let Some(r) = o.get("--fund-rate") {
        req.insert("fund_rate_monthly".into(), json!(r));
    }
    Ok(req)
}

fn cmd_quote(rest: &[String]) -> Result<ExitCode, String> {
    let o = parse_opts(rest)?;
    o.check(PAYMENT_OPTS)?;
    let req = payment_request(&o, "contribution")?;
    show(&Value::Object(req), &o, render::contribution)
}

fn cmd_refund(rest: &[String]) -> Result<ExitCode, String> {
    let o = parse_opts(rest)?;
    o.check(&[PAYMENT_OPTS, &["--reason", "--from-month"]].concat())?;
    let mut req = payment_request(&o, "refund")?;
    let reason = o.get("--reason").ok_or("refund needs --reason")?;
    req.insert("reason".into(), json!(reason));
    let from = o.get("--from-month").ok_or("refund needs --from-month")?;
    req.insert("from_month".into(), json!(from));
    show(&Value::Object(req), &o, render::refund)
}

fn cmd_bhyt(rest: &[String]) -> Result<ExitCode, String> {
    let o = parse_opts(rest)?;
    o.check(&[
        "--member",
        "--payment-month",
        "--months",
        "--already-enrolled",
        "--province",
        "--payment-date",
        "--previous-expiry",
        "--lang",
    ])?;
    let members = o.all("--member");
    if members.is_empty() {
        return Err("bhyt needs at least one --member GROUP[:FORM]".into());
    }
    let mut req = Map::new();
    req.insert("calculation".into(), json!("health_insurance"));
    let month = o
        .get("--payment-month")
        .map(str::to_string)
        .unwrap_or_else(current_month);
    req.insert("payment_month".into(), json!(month));
    let list: Vec<Value> = members
        .iter()
        .map(|m| match m.split_once(':') {
            Some((g, f)) => json!({"group": g, "form": f}),
            None => json!({ "group": m }),
        })
        .collect();
    req.insert("members".into(), Value::Array(list));
    for (opt, key) in [
        ("--months", "months"),
        ("--already-enrolled", "already_enrolled"),
    ] {
        if let Some(n) = o.get(opt) {
            req.insert(key.into(), number_or_string(n));
        }
    }
    for (opt, key) in [
        ("--province", "province"),
        ("--payment-date", "payment_date"),
        ("--previous-expiry", "previous_card_expiry"),
    ] {
        if let Some(v) = o.get(opt) {
            req.insert(key.into(), json!(v));
        }
    }
    show(&Value::Object(req), &o, render::health_insurance)
}

fn cmd_estimate(rest: &[String]) -> Result<ExitCode, String> {
    let o = parse_opts(rest)?;
    o.check(&[
        "--sex",
        "--birth-date",
        "--income",
        "--as-of",
        "--category",
        "--province",
        "--method",
        "--months",
        "--years",
        "--shortfall",
        "--inflation",
        "--start-month",
        "--lang",
    ])?;
    let mut req = Map::new();
    req.insert("calculation".into(), json!("estimate"));
    let as_of = o.get("--as-of").map(str::to_string).unwrap_or_else(today);
    req.insert("as_of".into(), json!(as_of));
    req.insert(
        "sex".into(),
        json!(o.get("--sex").ok_or("estimate needs --sex")?),
    );
    req.insert(
        "birth_date".into(),
        json!(o.get("--birth-date").ok_or("estimate needs --birth-date")?),
    );
    req.insert(
        "income".into(),
        number_or_string(o.get("--income").ok_or("estimate needs --income")?),
    );
    for (opt, key) in [
        ("--method", "method"),
        ("--province", "province"),
        ("--shortfall", "shortfall"),
        ("--start-month", "start_month"),
    ] {
        if let Some(v) = o.get(opt) {
            req.insert(key.into(), json!(v));
        }
    }
    for (opt, key) in [("--months", "months"), ("--years", "contribution_years")] {
        if let Some(v) = o.get(opt) {
            req.insert(key.into(), number_or_string(v));
        }
    }
    let cats = o.all("--category");
    if !cats.is_empty() {
        req.insert("categories".into(), json!(cats));
    }
    if let Some(r) = o.get("--inflation") {
        req.insert("assumptions".into(), json!({ "annual_inflation": r }));
    }
    show(&Value::Object(req), &o, render::estimate)
}

fn cmd_retire(rest: &[String]) -> Result<ExitCode, String> {
    let o = parse_opts(rest)?;
    o.check(&["--sex", "--birth-date", "--lang"])?;
    let req = json!({
        "calculation": "retirement",
        "sex": o.get("--sex").ok_or("retire needs --sex")?,
        "birth_date": o.get("--birth-date").ok_or("retire needs --birth-date")?,
    });
    show(&req, &o, render::retirement)
}

fn cmd_explain(rest: &[String]) -> Result<ExitCode, String> {
    let o = parse_opts(rest)?;
    let lang = o.lang()?;
    if o.positional.len() > 1 {
        return Err("explain takes at most one FILE".into());
    }
    let limit = bhxh::MAX_REQUEST_BYTES;
    let bytes = read_input(o.positional.first().map(String::as_str), limit)?;
    let text = String::from_utf8(bytes).map_err(|_| "the input is not UTF-8 text".to_string())?;
    let mut v: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return Err(format!("not JSON: {e}")),
    };
    if v.get("trace").is_none() {
        let (out, is_err) = bhxh::evaluate_to_json(&text);
        v = serde_json::from_str(&out).unwrap_or(Value::Null);
        if is_err {
            out!("{}", render::error(&v, lang));
            return Ok(ExitCode::from(2));
        }
    }
    if !render::is_trace(&v["trace"]) {
        return Err("the input's `trace` is not a trace of this engine (a list of steps with step, formula, citation, text_vi and text_en)".into());
    }
    out!("{}", render::trace(&v, lang));
    Ok(ExitCode::SUCCESS)
}

fn cmd_params(rest: &[String]) -> Result<ExitCode, String> {
    let o = parse_opts(rest)?;
    o.check(&[])?;
    out!("{}", render::params(o.flag("--json")));
    Ok(ExitCode::SUCCESS)
}

/// Numbers stay numbers; anything else goes to the engine as a string, which then reports
/// the contract's type error (never a silent conversion).
fn number_or_string(s: &str) -> Value {
    match s.parse::<i64>() {
        Ok(n) => json!(n),
        Err(_) => json!(s),
    }
}

fn show(
    req: &Value,
    o: &Opts,
    table: fn(&Value, render::Lang) -> String,
) -> Result<ExitCode, String> {
    let lang = o.lang()?;
    let (out, is_err) = bhxh::evaluate_to_json(&req.to_string());
    if o.flag("--json") {
        outln!("{out}");
        return Ok(if is_err {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        });
    }
    let v: Value = serde_json::from_str(&out).unwrap_or(Value::Null);
    if is_err {
        out!("{}", render::error(&v, lang));
        return Ok(ExitCode::from(2));
    }
    out!("{}", table(&v, lang));
    out!("{}", render::warnings(&v, lang));
    if o.flag("--trace") {
        out!("\n{}", render::trace(&v, lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// Today's date from the system clock (the engine itself has no clock).
fn today() -> String {
    let (y, m, d) = civil_today();
    format!("{y:04}-{m:02}-{d:02}")
}

/// The current month from the system clock (the engine itself has no clock).
fn current_month() -> String {
    let (y, m, _) = civil_today();
    format!("{y:04}-{m:02}")
}

fn civil_today() -> (i64, i64, i64) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Civil-from-days (Howard Hinnant's algorithm), proleptic Gregorian.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let d = doy - (153 * mp + 2) / 5 + 1;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
