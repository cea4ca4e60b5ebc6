//! `compare`: several variants of an estimate side by side.

use super::estimate::project_with;
use crate::calc::contribution::Method;
use crate::error::{Error, Result};
use crate::explain::trace::{Cite, Trace};
use crate::io::input::Fields;
use crate::law::parameters::{Age, Params};
use crate::money::Money;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One variant of a comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Label given (or built from the overrides).
    pub label: String,
    /// The overrides applied to the base.
    pub overrides: Value,
    /// The estimate's headline figures.
    pub income: Money,
    /// Payment method.
    pub method: Method,
    /// First payment per month.
    pub monthly_payment: Money,
    /// State + province per month at the start.
    pub support_per_month: Money,
    /// Total paid.
    pub total_paid: Money,
    /// Total support.
    pub total_support: Money,
    /// Eligible for a pension.
    pub eligible: bool,
    /// Pension start.
    pub pension_start: Option<NaiveDate>,
    /// Rate.
    pub rate: Decimal,
    /// Monthly pension.
    pub monthly_pension: Money,
    /// Break-even age.
    pub break_even_age: Option<Age>,
    /// Lump-sum alternative.
    pub lump_sum_alternative: Money,
}

/// Result of `compare`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// Variants in the order given.
    pub variants: Vec<Variant>,
}

/// Computes a `compare` request: `{"base": {estimate fields}, "variants": [{label?, overrides…}]}`.
///
/// # Errors
/// Field errors of the base and of each variant (paths `base.…`, `variants[i].…`).
pub fn compute_compare(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<Comparison> {
    let base = f.require("base")?;
    let variants = crate::io::input::array(
        f.require("variants")?,
        "variants",
        "a list of variant objects",
    )?;
    if variants.is_empty() || variants.len() > 20 {
        return Err(Error::ValueOutOfRange {
            field: "variants".into(),
            value: variants.len().to_string(),
            expected: "1 to 20 variants".into(),
        });
    }
    let Value::Object(base_map) = base else {
        return Err(Error::InvalidType {
            field: "base".into(),
            expected: "a JSON object",
        });
    };
    let known = crate::io::read::ESTIMATE;
    let mut out = Vec::with_capacity(variants.len());
    for (k, v) in variants.iter().enumerate() {
        let Value::Object(over) = v else {
            return Err(Error::InvalidType {
                field: format!("variants[{k}]"),
                expected: "a JSON object",
            });
        };
        let mut merged = base_map.clone();
        let mut label = None;
        let mut overrides = serde_json::Map::new();
        for (key, val) in over {
            if key == "label" {
                match val {
                    Value::String(s) => label = Some(s.clone()),
                    _ => {
                        return Err(Error::InvalidType {
                            field: format!("variants[{k}].label"),
                            expected: "a string",
                        })
                    }
                }
            } else if known.contains(&key.as_str()) {
                merged.insert(key.clone(), val.clone());
                overrides.insert(key.clone(), val.clone());
            } else {
                return Err(Error::UnknownField {
                    field: format!("variants[{k}].{key}"),
                });
            }
        }
        let merged = Value::Object(merged);
        let prefix = format!("variants[{k}]");
        let e = (|| {
            let mut vf = Fields::new(&merged, "")?;
            vf.only(known)?; // (the base was checked by the same list)
            let i = crate::io::read::estimate(&mut vf, p, false)?;
            let mut quiet = Trace::new(false);
            let e = project_with(p, &i, &mut quiet, false)?;
            Ok::<_, Error>((i, e))
        })()
        .map_err(|e| with_prefix(e, &prefix))?;
        let (i, e) = e;
        let label = label.unwrap_or_else(|| {
            let parts: Vec<String> = overrides.iter().map(|(k, v)| format!("{k}={v}")).collect();
            if parts.is_empty() {
                format!("variant {}", k + 1)
            } else {
                parts.join(", ")
            }
        });
        out.push(Variant {
            label,
            overrides: Value::Object(overrides),
            income: i.income,
            method: i.method,
            monthly_payment: e.monthly_payment,
            support_per_month: e.state_support_per_month + e.local_support_per_month,
            total_paid: e.total_paid,
            total_support: e.total_support,
            eligible: e.eligible,
            pension_start: e.pension_start,
            rate: e.rate,
            monthly_pension: e.monthly_pension,
            break_even_age: e.break_even_age,
            lump_sum_alternative: e.lump_sum_alternative,
        });
    }
    let n = out.len();
    t.step("variants", n, Cite::Law("decision K-17"), |w| {
        let rows: Vec<String> = out.iter().map(|v| format!("{}: {} → {}", v.label, v.monthly_payment, v.monthly_pension)).collect();
        w.formula(rows.join("; "));
        w.vi(format_args!("So sánh {n} phương án: mỗi phương án là một dự tính đầy đủ với cùng giả định (quyết định K-17)."));
        w.en(format_args!("{n} variants compared: each is a full estimate under the same assumptions (decision K-17)."));
    });
    Ok(Comparison { variants: out })
}

fn with_prefix(e: Error, prefix: &str) -> Error {
    let json = e.to_json();
    match e.field() {
        Some(field) => Error::InVariant {
            field: if field.is_empty() {
                prefix.to_string()
            } else {
                format!("{prefix}.{field}")
            },
            code: e.code(),
            message: json["error"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            message_vi: json["error"]["message_vi"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        },
        None => e,
    }
}
