//! The `maternity` calculation (rules §6), new with the 2024 law.
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 94: a voluntary participant with at least 6 months of
//!   contributions in the 12 months before the birth qualifies.
//! - Art. 95.1: 2,000,000 đồng per child born (and per fetus of at least 22 weeks).
//! - Before 2025-07-01 there was no voluntary maternity benefit (Law 58/2014 art. 4.2;
//!   decision K-16).

use crate::calc::history::{History, Scheme};
use crate::calc::work::Sink;
use crate::error::Result;
use crate::law::parameters::{Entry, Params};
use crate::law::regime::Regime;
use crate::money::Money;
use crate::YearMonth;
use serde::{Deserialize, Serialize};

/// Input of a `maternity` calculation.
#[derive(Clone, Debug, PartialEq)]
pub struct MaternityInput {
    /// Month of the birth.
    pub birth: YearMonth,
    /// Contribution history.
    pub history: History,
    /// Children born (1–20).
    pub children: i64,
}

/// Result of a `maternity` calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Maternity {
    /// Whether the allowance is payable.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub reason: Option<String>,
    /// Contribution months in the 12 months before the birth.
    pub months_in_window: u32,
    /// Amount.
    pub amount: Money,
}

/// The working of a `maternity` calculation.
pub enum Step<'a> {
    /// A birth before the 2024 law: no voluntary maternity benefit.
    BeforeLaw2024 {
        /// Month of the birth.
        birth: YearMonth,
    },
    /// The compulsory benefit applies instead.
    CompulsoryApplies {
        /// Compulsory months in the window.
        compulsory: u32,
        /// All months in the window.
        window: u32,
    },
    /// Months in the 12 months before the birth.
    Window {
        /// Month of the birth.
        birth: YearMonth,
        /// Months in the window.
        window: u32,
        /// Months needed.
        min: u32,
    },
    /// The amount.
    Amount {
        /// Children.
        children: i64,
        /// The allowance per child.
        per_child: &'a Entry<Money>,
        /// The amount.
        amount: Money,
    },
}

/// Computes a `maternity` calculation.
///
/// # Errors
/// `parameter_not_in_force`, `overflow`.
pub fn compute(p: &Params, input: &MaternityInput, w: &mut dyn Sink) -> Result<Maternity> {
    let (birth, h, children) = (input.birth, &input.history, input.children);
    let window = h.months_within(birth.plus(-12), birth.plus(-1));
    let refused = |reason: &str| Maternity {
        eligible: false,
        reason: Some(reason.into()),
        months_in_window: window,
        amount: 0,
    };
    if Regime::at(birth) == Regime::Law2014 {
        w.step(|| Step::BeforeLaw2024 { birth });
        return Ok(refused("before_2025_07"));
    }
    let min = *p
        .maternity_min_months
        .require(birth, "child_birth_month")?
        .value;
    let per = p.maternity_allowance.require(birth, "child_birth_month")?;
    // Someone who qualifies through compulsory insurance (≥ 6 compulsory months in the
    // window) receives the compulsory benefit instead (L24 art. 94; rules §6); a window with
    // no voluntary month is not a voluntary entitlement.
    let compulsory: u32 = h
        .periods
        .iter()
        .filter(|x| x.scheme == Scheme::Compulsory)
        .map(|x| x.months_within(birth.plus(-12), birth.plus(-1)))
        .sum();
    if window > 0 && (compulsory >= min || compulsory == window) {
        w.step(|| Step::CompulsoryApplies { compulsory, window });
        return Ok(refused("compulsory_maternity_applies"));
    }
    let eligible = window >= min;
    let amount = if eligible {
        per.value
            .checked_mul(children)
            .ok_or_else(|| crate::error::Error::Overflow {
                field: "children".into(),
            })?
    } else {
        0
    };
    w.step(|| Step::Window { birth, window, min });
    w.step(|| Step::Amount {
        children,
        per_child: per.entry,
        amount,
    });
    Ok(Maternity {
        eligible,
        reason: (!eligible).then(|| "insufficient_contribution_months".to_string()),
        months_in_window: window,
        amount,
    })
}
