//! The JSON contract (`spec/contract.md`): one request in, one response out, for every host.
//!
//! [`evaluate`] is the single entry point the command, the WebAssembly package and the
//! Python package call; they give byte-identical responses because they all serialise here.

use crate::contribution::{self, ContributionInput};
use crate::error::{Error, Result};
use crate::history::RawPeriod;
use crate::input::Fields;
use crate::parameters::Params;
use crate::retirement;
use crate::trace::{Trace, TraceStep, Warning};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The engine version reported in every receipt.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Calculations this engine answers.
pub const CALCULATIONS: &str =
    "contribution, retirement, pension, lump_sum, death, maternity, monthly_allowance, social_pension, estimate, minimum_income, compare";

/// Provenance of a response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// Engine version.
    pub engine_version: String,
    /// Fingerprint of the parameter set used (built-in data plus any overlay).
    pub parameters_hash: String,
}

/// A success response: the calculation's fields at the top level, then trace, warnings
/// and receipt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response<T> {
    /// The calculation answered.
    pub calculation: String,
    /// Its result fields.
    #[serde(flatten)]
    pub result: T,
    /// The explanation.
    pub trace: Vec<TraceStep>,
    /// Warnings.
    pub warnings: Vec<Warning>,
    /// Provenance.
    pub receipt: Receipt,
}

/// Evaluates one request text and returns the response JSON, or the error.
///
/// ```
/// let req = r#"{"calculation": "contribution", "payment_month": "2026-03",
///               "income": 2000000, "method": "monthly", "categories": ["near_poor"]}"#;
/// let out: serde_json::Value = serde_json::from_str(&bhxh::evaluate(req)?).unwrap();
/// assert_eq!(out["payable"], 308_000);
/// # Ok::<(), bhxh::Error>(())
/// ```
///
/// # Errors
/// Every code of [`Error::code`]; `malformed_json` when the text is not JSON.
pub fn evaluate(request: &str) -> Result<String> {
    // Fast path, one pass: the top level is read into a JSON map except `history`, which is
    // read straight into typed periods (the JSON tree dominates long histories). Anything
    // unusual (escapes, duplicate keys, an ill-typed history, malformed JSON) falls back to
    // the tree path, which reports the precise error.
    if let Some((map, fast)) = crate::request_text::read(request) {
        return evaluate_parts(&Value::Object(map), fast.as_deref());
    }
    let v: Value = serde_json::from_str(request).map_err(|e| Error::MalformedJson {
        detail: e.to_string(),
    })?;
    evaluate_value(&v)
}

/// Evaluates one request text and always returns JSON: the response, or the contract's
/// error object. The boolean is `true` for an error.
pub fn evaluate_to_json(request: &str) -> (String, bool) {
    match evaluate(request) {
        Ok(s) => (s, false),
        Err(e) => (e.to_json().to_string(), true),
    }
}

/// Evaluates a request already parsed to JSON.
///
/// # Errors
/// As [`evaluate`].
pub fn evaluate_value(request: &Value) -> Result<String> {
    evaluate_parts(request, None)
}

fn evaluate_parts(request: &Value, fast_history: Option<&[RawPeriod<'_>]>) -> Result<String> {
    let mut f = Fields::new(request, "")?;
    f.fast_history = fast_history;
    let calculation = f.str("calculation")?;
    let base = Params::embedded()?;
    let overlaid;
    let params = match f.get("parameters") {
        None => base,
        Some(o) => {
            overlaid = base.with_overlay(o)?;
            &overlaid
        }
    };
    let with_trace = f.opt_bool("trace")?.unwrap_or(true);
    let t = Trace::new(with_trace);
    match calculation {
        "contribution" => run(calculation, f, t, params, CONTRIBUTION, |p, f, t| {
            let input = ContributionInput::read(f)?;
            contribution::compute(p, &input, t)
        }),
        "retirement" => run(
            calculation,
            f,
            t,
            params,
            &["sex", "birth_date"],
            retirement::compute,
        ),
        "pension" => run(
            calculation,
            f,
            t,
            params,
            &["sex", "birth_date", "history", "claim_month"],
            crate::pension::compute,
        ),
        "lump_sum" => run(
            calculation,
            f,
            t,
            params,
            &[
                "reason",
                "settlement_month",
                "history",
                "support_received",
                "sex",
                "birth_date",
            ],
            crate::lump_sum::compute,
        ),
        "death" => run(
            calculation,
            f,
            t,
            params,
            &["death_month", "history", "pension", "allowance"],
            crate::death::compute,
        ),
        "maternity" => run(
            calculation,
            f,
            t,
            params,
            &["child_birth_month", "history", "children"],
            crate::maternity::compute,
        ),
        "monthly_allowance" => run(
            calculation,
            f,
            t,
            params,
            &[
                "sex",
                "birth_date",
                "history",
                "settlement_month",
                "poor_or_near_poor_household",
            ],
            crate::allowance::compute_monthly,
        ),
        "social_pension" => run(
            calculation,
            f,
            t,
            params,
            &[
                "birth_date",
                "month",
                "poor_or_near_poor_household",
                "monthly_pension",
            ],
            crate::allowance::compute_social,
        ),
        "estimate" => run(
            calculation,
            f,
            t,
            params,
            &crate::estimate::fields(),
            crate::estimate::compute,
        ),
        "minimum_income" => run(
            calculation,
            f,
            t,
            params,
            &crate::estimate::minimum_fields(),
            crate::estimate::compute_minimum,
        ),
        "compare" => run(
            calculation,
            f,
            t,
            params,
            &["base", "variants"],
            crate::estimate::compute_compare,
        ),
        other => Err(Error::UnknownCalculation {
            value: other.into(),
            expected: CALCULATIONS,
        }),
    }
}

/// Fields of a `contribution` request.
const CONTRIBUTION: &[&str] = &[
    "payment_month",
    "income",
    "method",
    "months",
    "categories",
    "province",
    "subsidised_months_before",
    "fund_rate_monthly",
];

/// Fields every request may carry.
const ENVELOPE: &[&str] = &["calculation", "parameters", "trace"];

/// Checks the fields (unknown ones first), computes, serialises: the same three steps for
/// every calculation.
fn run<T: Serialize>(
    calculation: &str,
    mut f: Fields<'_>,
    mut t: Trace,
    params: &Params,
    known: &[&str],
    compute: impl FnOnce(&Params, &mut Fields<'_>, &mut Trace) -> Result<T>,
) -> Result<String> {
    let all: Vec<&str> = ENVELOPE.iter().chain(known).copied().collect();
    f.only(&all)?;
    let r = compute(params, &mut f, &mut t)?;
    respond(calculation, r, t, params)
}

/// The head of a response: `calculation` and the result fields.
#[derive(Serialize)]
struct Head<'a, T> {
    calculation: &'a str,
    #[serde(flatten)]
    result: T,
}

fn respond<T: Serialize>(calculation: &str, result: T, t: Trace, p: &Params) -> Result<String> {
    // The same bytes as serialising `Response` with serde_json (the round-trip property test
    // checks it), but the trace — most of the text — was written as it was built
    // (`Trace::step`), and the response is completed around it in the same buffer.
    let overflow = || Error::Overflow { field: "$".into() };
    let mut head = Vec::with_capacity(512);
    serde_json::to_writer(
        &mut head,
        &Head {
            calculation,
            result,
        },
    )
    .map_err(|_| overflow())?;
    head.pop(); // the closing brace
    let head = String::from_utf8(head).map_err(|_| overflow())?;
    let (mut out, warnings) = t.into_response(&head);
    out.push_str(",\"warnings\":");
    crate::trace::write_warnings(&mut out, &warnings);
    // The receipt's strings are plain ASCII (a version and a hex hash).
    out.push_str(",\"receipt\":{\"engine_version\":\"");
    out.push_str(ENGINE_VERSION);
    out.push_str("\",\"parameters_hash\":\"");
    out.push_str(&p.hash);
    out.push_str("\"}}");
    Ok(out)
}
