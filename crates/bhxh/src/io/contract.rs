//! The JSON contract (`docs/contract.md`): one request in, one response out, for every host.
//!
//! [`evaluate`] is the single entry point the command, the WebAssembly package and the
//! Python package call; they give byte-identical responses because they all serialise here.

use super::history::RawPeriod;
use super::read;
use crate::calc::contribution;
use crate::calc::retirement;
use crate::error::{Error, Result};
use crate::explain::trace::{Trace, TraceStep, Warning};
use crate::io::input::Fields;
use crate::law::parameters::Params;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The engine version reported in every receipt.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Calculations this engine answers.
pub const CALCULATIONS: &str =
    "contribution, refund, retirement, pension, lump_sum, death, maternity, monthly_allowance, social_pension, estimate, minimum_income, compare, health_insurance";

/// Provenance of a response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// Not a serde attribute: it would change how a response deserialises (with `flatten`).
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
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
    evaluate_with_limit(request, MAX_REQUEST_BYTES)
}

/// The default limit on a request's size: 1 MiB, far above the largest history the contract
/// accepts (1,200 periods), checked before anything is parsed.
pub const MAX_REQUEST_BYTES: usize = 1 << 20;

/// [`evaluate`] with another size limit (bytes).
///
/// # Errors
/// `request_too_large`, and as [`evaluate`].
pub fn evaluate_with_limit(request: &str, limit: usize) -> Result<String> {
    evaluate_on(Params::embedded()?, request, limit)
}

/// [`evaluate_with_limit`] over another base parameter set than the built-in one (an
/// agency's overlay applied once, e.g. by `bhxh serve --parameters`); a request's own
/// `parameters` apply on top of it, and the receipt's hash is that of the set used.
///
/// # Errors
/// As [`evaluate_with_limit`].
pub fn evaluate_on(base: &Params, request: &str, limit: usize) -> Result<String> {
    if request.len() > limit {
        return Err(Error::RequestTooLarge {
            bytes: request.len() as u64,
            limit: limit as u64,
        });
    }
    // Fast path, one pass: the top level is read into a JSON map except `history`, which is
    // read straight into typed periods (the JSON tree dominates long histories). Anything
    // unusual (escapes, duplicate keys, an ill-typed history, malformed JSON) falls back to
    // the tree path, which reports the precise error.
    if let Some((map, fast)) = crate::io::request_text::read(request) {
        return evaluate_parts(base, &Value::Object(map), fast.as_deref());
    }
    let v = super::strict::parse(request)?;
    evaluate_parts(base, &v, None)
}

/// Evaluates a request given as bytes (a file, a stream, a body): text that is not UTF-8
/// is `malformed_json` (decision K-20), a request over `limit` bytes `request_too_large`.
///
/// # Errors
/// As [`evaluate_with_limit`].
pub fn evaluate_bytes(request: &[u8], limit: usize) -> Result<String> {
    evaluate_bytes_on(Params::embedded()?, request, limit)
}

/// [`evaluate_bytes`] over another base parameter set (see [`evaluate_on`]).
///
/// # Errors
/// As [`evaluate_with_limit`].
pub fn evaluate_bytes_on(base: &Params, request: &[u8], limit: usize) -> Result<String> {
    if request.len() > limit {
        return Err(Error::RequestTooLarge {
            bytes: request.len() as u64,
            limit: limit as u64,
        });
    }
    let text = std::str::from_utf8(request).map_err(|e| Error::MalformedJson {
        detail: crate::error::Words::owned(
            format!(
                "the request is not UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
            format!(
                "yêu cầu không phải UTF-8 (byte sai ở vị trí {})",
                e.valid_up_to()
            ),
        ),
    })?;
    evaluate_on(base, text, limit)
}

/// Evaluates one request text and always returns JSON: the response, or the contract's
/// error object. The boolean is `true` for an error.
pub fn evaluate_to_json(request: &str) -> (String, bool) {
    evaluate_to_json_with_limit(request, MAX_REQUEST_BYTES)
}

/// [`evaluate_to_json`] with another size limit (bytes).
pub fn evaluate_to_json_with_limit(request: &str, limit: usize) -> (String, bool) {
    match evaluate_with_limit(request, limit) {
        Ok(s) => (s, false),
        Err(e) => (e.to_json().to_string(), true),
    }
}

/// Evaluates a request already parsed to JSON.
///
/// # Errors
/// As [`evaluate`].
pub fn evaluate_value(request: &Value) -> Result<String> {
    evaluate_parts(Params::embedded()?, request, None)
}

fn evaluate_parts(
    base: &Params,
    request: &Value,
    fast_history: Option<&[RawPeriod<'_>]>,
) -> Result<String> {
    let mut f = Fields::new(request, "")?;
    f.fast_history = fast_history;
    let calculation = f.str("calculation")?;
    let overlaid;
    let params = match f.get("parameters") {
        None => base,
        Some(o) => {
            overlaid = base.with_overlay(o)?;
            &overlaid
        }
    };
    let with_trace = f.opt_bool("trace")?.unwrap_or(true);
    let mut t = Trace::new(with_trace);
    let Some(row) = TABLE.iter().find(|r| r.name == calculation) else {
        return Err(Error::UnknownCalculation {
            value: crate::error::excerpt(calculation),
            expected: CALCULATIONS,
        });
    };
    // Unknown fields are reported before anything else is read.
    let all: Vec<&str> = ENVELOPE.iter().chain(row.fields).copied().collect();
    f.only(&all)?;
    let result = (row.answer)(params, &mut f, &mut t)?;
    respond(row.name, &result, t, params)
}

/// Fields every request may carry.
pub(crate) const ENVELOPE: &[&str] = &["calculation", "parameters", "trace"];

/// One calculation of the contract: its name, the fields its request may carry (besides
/// the envelope), and how to read, compute and serialise it (the result object's JSON).
struct Row {
    name: &'static str,
    fields: &'static [&'static str],
    answer: fn(&Params, &mut Fields<'_>, &mut Trace) -> Result<String>,
}

/// Serialises a result object.
fn json<T: Serialize>(result: Result<T>) -> Result<String> {
    serde_json::to_string(&result?).map_err(|_| Error::Overflow { field: "$".into() })
}

/// The dispatch table: every calculation the contract names, in one place.
const TABLE: &[Row] = &[
    Row {
        name: "contribution",
        fields: read::CONTRIBUTION,
        answer: |p, f, t| json(contribution::compute(p, &read::contribution(f)?, t)),
    },
    Row {
        name: "refund",
        fields: read::REFUND,
        answer: |p, f, t| json(crate::calc::refund::compute(p, &read::refund(f)?, t)),
    },
    Row {
        name: "retirement",
        fields: read::RETIREMENT,
        answer: |p, f, t| json(retirement::compute(p, &read::retirement(f)?, t)),
    },
    Row {
        name: "pension",
        fields: &["sex", "birth_date", "history", "claim_month"],
        answer: |p, f, t| json(crate::calc::pension::compute(p, &read::pension(f)?, t)),
    },
    Row {
        name: "lump_sum",
        fields: &[
            "reason",
            "settlement_month",
            "history",
            "support_received",
            "sex",
            "birth_date",
        ],
        answer: |p, f, t| json(crate::calc::lump_sum::compute(p, &read::lump_sum(f)?, t)),
    },
    Row {
        name: "death",
        fields: &["death_month", "history", "pension", "allowance"],
        answer: |p, f, t| json(crate::calc::death::compute(p, &read::death(f)?, t)),
    },
    Row {
        name: "maternity",
        fields: &["child_birth_month", "history", "children"],
        answer: |p, f, t| json(crate::calc::maternity::compute(p, &read::maternity(f)?, t)),
    },
    Row {
        name: "monthly_allowance",
        fields: &[
            "sex",
            "birth_date",
            "history",
            "settlement_month",
            "poor_or_near_poor_household",
        ],
        answer: |p, f, t| {
            json(crate::calc::allowance::compute_monthly(
                p,
                &read::monthly_allowance(f)?,
                t,
            ))
        },
    },
    Row {
        name: "social_pension",
        fields: &[
            "birth_date",
            "month",
            "poor_or_near_poor_household",
            "monthly_pension",
        ],
        answer: |p, f, t| {
            json(crate::calc::allowance::compute_social(
                p,
                &read::social_pension(f)?,
                t,
            ))
        },
    },
    Row {
        name: "estimate",
        fields: read::ESTIMATE,
        answer: |p, f, t| {
            json(crate::project::estimate::project(
                p,
                &read::estimate(f, p, false)?,
                t,
            ))
        },
    },
    Row {
        name: "minimum_income",
        fields: read::MINIMUM_INCOME,
        answer: |p, f, t| json(minimum(p, f, t)),
    },
    Row {
        name: "health_insurance",
        fields: read::HEALTH_INSURANCE,
        answer: |p, f, t| {
            json(crate::calc::health_insurance::compute(
                p,
                &read::health_insurance(f)?,
                t,
            ))
        },
    },
    Row {
        name: "compare",
        fields: &["base", "variants"],
        answer: |p, f, t| json(crate::project::compare::compare(p, read::compare(f, p)?, t)),
    },
];

/// The calculations of the dispatch table in order, each with the fields its request may
/// carry besides the envelope (the JSON Schemas are checked against them).
#[cfg(feature = "schema")]
pub(crate) fn table() -> impl Iterator<Item = (&'static str, &'static [&'static str])> {
    TABLE.iter().map(|r| (r.name, r.fields))
}

fn respond(calculation: &str, result: &str, t: Trace, p: &Params) -> Result<String> {
    // The same bytes as serialising `Response` with serde_json (the round-trip property test
    // checks it), but the trace — most of the text — was written as it was built
    // (`Trace::step`), and the response is completed around it in the same buffer.
    let fields = result
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .ok_or_else(|| Error::Overflow { field: "$".into() })?;
    let mut head = String::with_capacity(fields.len() + calculation.len() + 20);
    head.push_str("{\"calculation\":\"");
    head.push_str(calculation);
    head.push('"');
    if !fields.is_empty() {
        head.push(',');
        head.push_str(fields);
    }
    let (mut out, warnings) = t.into_response(&head);
    out.push_str(",\"warnings\":");
    crate::explain::trace::write_warnings(&mut out, &warnings);
    // The receipt's strings are plain ASCII (a version and a hex hash).
    out.push_str(",\"receipt\":{\"engine_version\":\"");
    out.push_str(ENGINE_VERSION);
    out.push_str("\",\"parameters_hash\":\"");
    out.push_str(&p.hash);
    out.push_str("\"}}");
    Ok(out)
}

/// `minimum_income`: the target first, then the estimate's fields without `income`.
fn minimum(
    p: &Params,
    f: &mut Fields<'_>,
    t: &mut Trace,
) -> Result<crate::project::minimum::MinimumIncome> {
    let target = f.money("target_monthly_pension")?;
    let input = read::estimate(f, p, true)?;
    crate::project::minimum::compute_minimum(p, target, &input, t)
}
