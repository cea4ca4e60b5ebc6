//! The `refund` calculation: the unused months of a prepaid payment paid back (rule C-9,
//! decision K-7).
//!
//! # Legal basis
//! - Decree 159/2025/NĐ-CP art. 8.1: a participant who prepaid (every 3, 6 or 12 months, or
//!   for several years in advance) and then becomes compulsorily insured, takes a lump sum
//!   under Law 41/2024 art. 102, dies, or starts a pension, gets the unused months back.
//! - Art. 8.2: for the 3/6/12-month methods, the contributions of the unused months
//!   excluding the State (and provincial) support.
//! - Art. 8.3: for an advance, `HT = Σ_{i=n−m+1..n} 0.22·TN/(1+r)^(i−1) − M`, with m the
//!   unused months, r the rate used at payment and M the nominal support of those months;
//!   never below 0 (decision K-7).

use crate::calc::contribution::{self, ContributionInput, Method};
use crate::calc::work::{NoticesOnly, Sink};
use crate::calc::OrOverflow;
use crate::error::{Error, Result};
use crate::law::parameters::Params;
use crate::law::regime::Regime;
use crate::money::{self, Money};
use crate::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

named! {
    /// Why the unused months are refunded (Decree 159/2025 art. 8.1).
    pub enum RefundReason {
        /// The participant becomes compulsorily insured.
        CompulsoryInsurance = "compulsory_insurance",
        /// The participant takes a lump sum (Law 41/2024 art. 102).
        LumpSum = "lump_sum",
        /// The participant dies (the relatives receive it).
        Death = "death",
        /// The participant starts a pension.
        Pension = "pension",
    }
}

/// Input of a `refund` calculation: the prepaid payment, why, and the first month refunded.
#[derive(Clone, Debug, PartialEq)]
pub struct RefundInput {
    /// The payment as the `contribution` calculation takes it.
    pub payment: ContributionInput,
    /// Why the months are refunded.
    pub reason: RefundReason,
    /// The first covered month not to be counted.
    pub from_month: YearMonth,
}

/// Result of a `refund` calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Refund {
    /// Unused months refunded (from `from_month` to the end of the period).
    pub months_refunded: u32,
    /// Their contributions: 0.22 × income each; discounted as at payment for an advance.
    pub contributions: Money,
    /// The support of those months (national and provincial, nominal), not refunded.
    pub support_excluded: Money,
    /// The refund: contributions − support, never below 0.
    pub amount: Money,
    /// Echo: why.
    pub reason: RefundReason,
    /// Echo: the method of the payment.
    pub method: Method,
    /// The months the payment covered.
    pub months_covered: u32,
    /// What the participant paid for the whole period.
    pub payable: Money,
    /// The fund rate used at payment (advance only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Decimal"))]
    pub fund_rate_monthly: Option<Decimal>,
}

/// The working of a `refund` calculation.
pub enum Step {
    /// The unused months.
    Unused {
        /// The prepaid period.
        first: YearMonth,
        /// Its last month.
        last: YearMonth,
        /// The first month refunded.
        from: YearMonth,
        /// Months refunded.
        months: u32,
        /// Why.
        reason: RefundReason,
    },
    /// Their contributions.
    Contributions {
        /// 0.22 × income per month.
        monthly: Money,
        /// Months refunded.
        months: u32,
        /// Months covered by the payment (n).
        covered: u32,
        /// The fund rate (advance).
        rate: Option<Decimal>,
        /// The contributions.
        contributions: Money,
    },
    /// The refund.
    Amount {
        /// Contributions.
        contributions: Money,
        /// Support excluded.
        support: Money,
        /// The refund.
        amount: Money,
        /// The method.
        method: Method,
        /// Regime of the payment.
        regime: Regime,
    },
}

/// Computes a `refund` calculation.
///
/// # Errors
/// `method_not_prepaid`, `from_month_outside_period`, and the errors of the payment.
pub fn compute(p: &Params, input: &RefundInput, w: &mut dyn Sink) -> Result<Refund> {
    let method = input.payment.method;
    if matches!(method, Method::Monthly | Method::BackPayment) {
        return Err(Error::MethodNotPrepaid {
            method: method.as_str(),
        });
    }
    let paid = contribution::compute(p, &input.payment, &mut NoticesOnly(w))?;
    let (first, n) = (input.payment.payment_month, paid.months_covered);
    let last = first.plus(i32::try_from(n).unwrap_or(0).saturating_sub(1));
    let from = input.from_month;
    if from < first || from > last {
        return Err(Error::FromMonthOutsidePeriod { from, first, last });
    }
    let k = usize::try_from(from.months_since(first)).unwrap_or(0);
    let unused = &paid.per_month[k..];
    let months = unused.len() as u32;
    w.step(|| Step::Unused {
        first,
        last,
        from,
        months,
        reason: input.reason,
    });
    let overflow = || Error::Overflow {
        field: "income".into(),
    };
    let support = unused.iter().try_fold(0i64, |acc, l| {
        acc.checked_add(l.state_support)?
            .checked_add(l.local_support)
    });
    let support = support.or_overflow("income")?;
    let contributions = match paid.fund_rate_monthly {
        Some(r) if method == Method::Advance => {
            let gross: Vec<Money> = paid.per_month.iter().map(|l| l.gross).collect();
            let sum = contribution::discounted_sum(&gross, r, k..gross.len())?;
            money::round_dong(sum).ok_or_else(overflow)?
        }
        _ => unused
            .iter()
            .try_fold(0i64, |acc, l| acc.checked_add(l.gross))
            .or_overflow("income")?,
    };
    let monthly = unused.first().map_or(0, |l| l.gross);
    w.step(|| Step::Contributions {
        monthly,
        months,
        covered: n,
        rate: paid.fund_rate_monthly,
        contributions,
    });
    let amount = contributions
        .checked_sub(support)
        .or_overflow("income")?
        .max(0);
    w.step(|| Step::Amount {
        contributions,
        support,
        amount,
        method,
        regime: Regime::at(first),
    });
    Ok(Refund {
        months_refunded: months,
        contributions,
        support_excluded: support,
        amount,
        reason: input.reason,
        method,
        months_covered: n,
        payable: paid.payable,
        fund_rate_monthly: paid.fund_rate_monthly,
    })
}
