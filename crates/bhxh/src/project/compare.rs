//! `compare`: several variants of an estimate side by side.

use super::estimate::{project_with, EstimateInput};
use crate::calc::contribution::Method;
use crate::error::{Error, Result};
use crate::explain::trace::{Cite, Trace};
use crate::law::parameters::{Age, Params};
use crate::money::Money;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One variant of a comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// Variants in the order given.
    pub variants: Vec<Variant>,
}

/// One variant of a comparison, as read: its label, the fields it overrides, and the
/// estimate input of the base with those overrides.
#[derive(Clone, Debug)]
pub struct VariantInput {
    /// The label given.
    pub label: Option<String>,
    /// The overridden fields, as given.
    pub overrides: serde_json::Map<String, Value>,
    /// The merged input.
    pub input: EstimateInput,
}

/// Computes a comparison: each variant is a full estimate (without the method costs).
///
/// # Errors
/// The estimate errors of a variant, at `base.…` when the field comes from the base and at
/// `variants[i].…` when the variant overrides it.
pub fn compare(p: &Params, variants: Vec<VariantInput>, t: &mut Trace) -> Result<Comparison> {
    let mut out = Vec::with_capacity(variants.len());
    for (k, v) in variants.into_iter().enumerate() {
        let i = &v.input;
        let e = project_with(p, i, &mut Trace::new(false), false)
            .map_err(|e| locate(e, k, &v.overrides))?;
        let label = v.label.unwrap_or_else(|| {
            let parts: Vec<String> = v
                .overrides
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            if parts.is_empty() {
                format!("variant {}", k + 1)
            } else {
                parts.join(", ")
            }
        });
        out.push(Variant {
            label,
            overrides: Value::Object(v.overrides),
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

/// The error of variant `k` at the input it comes from: `variants[k].field` when the
/// variant overrides that field, `base.field` when it comes from the base.
pub(crate) fn locate(e: Error, k: usize, overrides: &serde_json::Map<String, Value>) -> Error {
    let Some(field) = e.field() else {
        return e;
    };
    let top = field.split(['.', '[']).next().unwrap_or_default();
    let prefix = if overrides.contains_key(top) {
        format!("variants[{k}]")
    } else {
        "base".to_string()
    };
    let json = e.to_json();
    let text = |key: &str| json["error"][key].as_str().unwrap_or_default().to_string();
    Error::InVariant {
        field: if field.is_empty() {
            prefix
        } else {
            format!("{prefix}.{field}")
        },
        code: e.code(),
        message: text("message"),
        message_vi: text("message_vi"),
    }
}
