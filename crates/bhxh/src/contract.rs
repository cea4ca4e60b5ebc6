//! The JSON contract (`spec/contract.md`): one request in, one response out, for every host.
//!
//! [`evaluate`] is the single entry point the command, the WebAssembly package and the
//! Python package call; they give byte-identical responses because they all serialise here.

use crate::contribution::{self, Contribution, ContributionInput};
use crate::error::{Error, Result};
use crate::history::RawPeriod;
use crate::input::Fields;
use crate::parameters::Params;
use crate::retirement::{self, Retirement};
use crate::trace::{Trace, TraceStep, Warning};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

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
    // deserialised straight into typed periods (the JSON tree dominates long histories).
    // Anything unusual (escaped keys, duplicate keys, an ill-typed history, malformed JSON)
    // falls back to the tree path, which reports the precise error.
    if let Ok(Top(map, fast)) = serde_json::from_str::<Top<'_>>(request) {
        return evaluate_parts(&Value::Object(map), fast.as_deref());
    }
    let v: Value = serde_json::from_str(request).map_err(|e| Error::MalformedJson {
        detail: e.to_string(),
    })?;
    evaluate_value(&v)
}

/// The top level of a request: every field as JSON except a typed `history`.
struct Top<'a>(Map<String, Value>, Option<Vec<RawPeriod<'a>>>);

impl<'de: 'a, 'a> Deserialize<'de> for Top<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = Top<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> std::result::Result<Top<'a>, A::Error> {
                let mut map = Map::new();
                let mut history = None;
                while let Some(k) = m.next_key::<&'de str>()? {
                    if k == "history" {
                        let h: Vec<RawPeriod<'de>> = m.next_value()?;
                        if h.len() > crate::history::MAX_MONTHS as usize || history.is_some() {
                            return Err(serde::de::Error::custom("use the tree path"));
                        }
                        history = Some(h);
                    } else {
                        let v: Value = m.next_value()?;
                        if map.insert(k.to_string(), v).is_some() {
                            return Err(serde::de::Error::custom(
                                "duplicate key: use the tree path",
                            ));
                        }
                    }
                }
                Ok(Top(map, history))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
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
    let mut t = Trace::new(with_trace);
    match calculation {
        "contribution" => {
            f.only(&[
                "calculation",
                "parameters",
                "trace",
                "payment_month",
                "income",
                "method",
                "months",
                "categories",
                "province",
                "subsidised_months_before",
                "fund_rate_monthly",
            ])?;
            let input = ContributionInput::read(&mut f)?;
            let r: Contribution = contribution::compute(params, &input, &mut t)?;
            respond(calculation, r, t, params)
        }
        "retirement" => {
            f.only(&["calculation", "parameters", "trace", "sex", "birth_date"])?;
            let r: Retirement = retirement::compute(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        "pension" => {
            f.only(&[
                "calculation",
                "parameters",
                "trace",
                "sex",
                "birth_date",
                "history",
                "claim_month",
            ])?;
            let r = crate::pension::compute(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        "lump_sum" => {
            f.only(&[
                "calculation",
                "parameters",
                "trace",
                "reason",
                "settlement_month",
                "history",
                "support_received",
                "sex",
                "birth_date",
            ])?;
            let r = crate::lump_sum::compute(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        "death" => {
            f.only(&[
                "calculation",
                "parameters",
                "trace",
                "death_month",
                "history",
                "pension",
            ])?;
            let r = crate::death::compute(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        "maternity" => {
            f.only(&[
                "calculation",
                "parameters",
                "trace",
                "child_birth_month",
                "history",
                "children",
            ])?;
            let r = crate::maternity::compute(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        "monthly_allowance" => {
            f.only(&[
                "calculation",
                "parameters",
                "trace",
                "sex",
                "birth_date",
                "history",
                "settlement_month",
                "poor_or_near_poor_household",
            ])?;
            let r = crate::allowance::compute_monthly(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        "social_pension" => {
            f.only(&[
                "calculation",
                "parameters",
                "trace",
                "birth_date",
                "month",
                "poor_or_near_poor_household",
                "monthly_pension",
            ])?;
            let r = crate::allowance::compute_social(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        "estimate" => {
            let mut known = crate::estimate::fields();
            known.extend(["calculation", "parameters", "trace"]);
            f.only(&known)?;
            let r = crate::estimate::compute(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        "minimum_income" => {
            let mut known = crate::estimate::minimum_fields();
            known.extend(["calculation", "parameters", "trace"]);
            f.only(&known)?;
            let r = crate::estimate::compute_minimum(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        "compare" => {
            f.only(&["calculation", "parameters", "trace", "base", "variants"])?;
            let r = crate::estimate::compute_compare(params, &mut f, &mut t)?;
            respond(calculation, r, t, params)
        }
        other => Err(Error::UnknownCalculation {
            value: other.into(),
            expected: CALCULATIONS,
        }),
    }
}

fn respond<T: Serialize>(calculation: &str, result: T, t: Trace, p: &Params) -> Result<String> {
    let resp = Response {
        calculation: calculation.to_string(),
        result,
        trace: t.steps,
        warnings: t.warnings,
        receipt: Receipt {
            engine_version: ENGINE_VERSION.into(),
            parameters_hash: p.hash.clone(),
        },
    };
    // One allocation sized for the trace instead of serde_json's doubling from 128 bytes.
    let mut buf = Vec::with_capacity(512 + 640 * resp.trace.len());
    serde_json::to_writer(&mut buf, &resp).map_err(|_| Error::Overflow { field: "$".into() })?;
    String::from_utf8(buf).map_err(|_| Error::Overflow { field: "$".into() })
}
