//! The `lump_sum` calculation: one-time withdrawal (bảo hiểm xã hội một lần, rules §4),
//! and the per-year valuation shared with the survivor lump sum.
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 102.1: who may withdraw (retirement age with fewer than 15
//!   years; emigration; serious illness; ≥ 81 % incapacity or very severe disability; and,
//!   for those with contributions before 2025-07-01, 12 months without contributions and
//!   fewer than 20 years).
//! - Art. 102.2: "1,5 tháng mức bình quân thu nhập … cho những năm đóng trước năm 2014;
//!   02 tháng … cho những năm đóng từ năm 2014 trở đi"; less than one year: the amount paid,
//!   at most 2 months of Mbq (rules W-2).
//! - Art. 102.3: the State support received is deducted, except in cases (c) and (d)
//!   (rules S-6, decision K-10).

use crate::calc::average::average_income;
use crate::calc::history::{half_years, month_2014, years, History};
use crate::calc::retirement::{self, BirthDate, Sex};
use crate::calc::work::{Notice, Sink};
use crate::calc::OrOverflow;
use crate::error::{Error, Result};
use crate::law::parameters::Params;
use crate::law::regime::Regime;
use crate::money::{self, Money};
use crate::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Result of a `lump_sum` calculation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LumpSum {
    /// Whether the withdrawal is allowed for the reason given.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub reason: Option<String>,
    /// Months of contributions.
    pub contribution_months: u32,
    /// Years valued at 1.5 × Mbq (before 2014, whole years after the transfer).
    pub years_before_2014: Decimal,
    /// Years valued at 2 × Mbq (from 2014, with the transferred months and half years).
    pub years_from_2014: Decimal,
    /// Mbq.
    pub average_income: Money,
    /// Settlement year of the coefficient table.
    pub coefficient_table: i32,
    /// Amount before the support deduction.
    pub gross_amount: Money,
    /// State and provincial support deducted.
    pub support_deducted: Money,
    /// Amount paid.
    pub amount: Money,
}

/// The per-year valuation of art. 102.2 / art. 110.2: `(years_pre, years_post, amount)`
/// where amount = Mbq × (1.5 × Y_pre + 2 × Y_post), the leftover months of the pre-2014
/// part moved to the post-2014 part before the half-year rounding (decision K-11).
pub fn per_year_value(h: &History, mbq: Money) -> Result<(Decimal, Decimal, Money)> {
    // Back-paid months are paid at the time of the back payment (after 2014): they count in
    // the later part whatever month they are labelled with.
    let pre: u32 = h
        .periods
        .iter()
        .filter(|p| !p.back_paid && p.from < month_2014())
        .map(|p| p.months_within(p.from, month_2014().plus(-1)))
        .fold(0, u32::saturating_add);
    // At most 1,200 months in a validated history: none of these saturate.
    let post = h.months().saturating_sub(pre);
    // The leftover months of the pre-2014 part move to the later part only when the period
    // spans both (L24 art. 102.2); otherwise each part is rounded to half years (art. 5.6).
    let (hp, hq) = if post == 0 {
        (half_years(pre), 0)
    } else {
        let (whole, leftover) = (pre / 12, pre % 12);
        (
            whole.saturating_mul(2),
            half_years(post.saturating_add(leftover)),
        )
    };
    // Mbq × (1.5 × hp/2 + 2 × hq/2) = Mbq × (3·hp + 4·hq) / 4
    let quarters = i128::from(hp)
        .checked_mul(3)
        .zip(i128::from(hq).checked_mul(4))
        .and_then(|(a, b)| a.checked_add(b))
        .and_then(|q| q.checked_mul(i128::from(mbq)))
        .or_overflow("history")?;
    let amount = money::div_round_half_away(quarters, 4);
    let amount = i64::try_from(amount).map_err(|_| Error::Overflow {
        field: "history".into(),
    })?;
    Ok((years(hp), years(hq), amount))
}

named! {
    /// The withdrawal reasons of art. 102.1.
    pub enum Reason {
        /// (a) retirement age with fewer than 15 years.
        RetirementAge = "retirement_age_without_pension",
        /// (b) emigration.
        Emigration = "emigration",
        /// (c) serious illness.
        SeriousIllness = "serious_illness",
        /// (d) ≥ 81 % incapacity or very severe disability.
        SevereDisability = "severe_disability",
        /// (đ) 12 months without contributions (contributions before 2025-07).
        Stopped12Months = "stopped_12_months",
    }
}

impl Reason {
    /// Parses the contract's reason code.
    ///
    /// # Errors
    /// `value_out_of_range` naming `field`.
    pub fn parse(s: &str, field: &str) -> Result<Reason> {
        Reason::from_name(s).ok_or_else(|| Error::ValueOutOfRange {
            field: field.into(),
            value: format!("{:?}", crate::error::excerpt(s)),
            expected: crate::error::Words::LUMP_SUM_REASONS,
        })
    }
}

/// Input of a `lump_sum` calculation.
#[derive(Clone, Debug, PartialEq)]
pub struct LumpSumInput {
    /// The ground of the withdrawal.
    pub reason: Reason,
    /// Month of the settlement.
    pub settlement: YearMonth,
    /// Contribution history.
    pub history: History,
    /// The support received, when given directly instead of derived from the history.
    pub support_received: Option<Money>,
    /// Sex and birth date (needed for the retirement-age ground).
    pub person: Option<(Sex, BirthDate)>,
}

/// The working of a lump sum.
pub enum Step {
    /// Not a ground for a withdrawal.
    Refused {
        /// The reason code.
        reason: String,
        /// Regime of the settlement.
        regime: Regime,
    },
    /// Under one year: the amount paid.
    GrossUnderYear {
        /// The participant's own payments.
        own: Money,
        /// Mbq.
        mbq: Money,
        /// The amount.
        gross: Money,
        /// Regime.
        regime: Regime,
    },
    /// 1.5 / 2 months of Mbq per year.
    Gross {
        /// Mbq.
        mbq: Money,
        /// Years before 2014.
        y_pre: Decimal,
        /// Years from 2014.
        y_post: Decimal,
        /// The amount.
        gross: Money,
        /// Regime.
        regime: Regime,
    },
    /// The support deducted.
    Support {
        /// Deducted.
        deducted: Money,
        /// Received.
        support: Money,
        /// Under one year.
        under_year: bool,
        /// Exempt ground.
        exempt: bool,
        /// Regime.
        regime: Regime,
    },
    /// The amount paid.
    Amount {
        /// Before the deduction.
        gross: Money,
        /// Deducted.
        deducted: Money,
        /// Paid.
        amount: Money,
        /// Regime.
        regime: Regime,
    },
}

/// Computes a `lump_sum` calculation.
///
/// # Errors
/// The history errors, `missing_field` (`sex` for the retirement-age ground),
/// `parameter_not_in_force`, `overflow`.
pub fn compute(p: &Params, input: &LumpSumInput, w: &mut dyn Sink) -> Result<LumpSum> {
    evaluate(
        p,
        input.reason,
        input.settlement,
        &input.history,
        input.support_received,
        input.person,
        w,
    )
}

/// Computes a lump sum for a history already read (shared with projections).
///
/// # Errors
/// As [`compute`].
pub fn evaluate(
    p: &Params,
    reason: Reason,
    settlement: YearMonth,
    h: &History,
    given_support: Option<Money>,
    person: Option<(Sex, BirthDate)>,
    w: &mut dyn Sink,
) -> Result<LumpSum> {
    h.check_supported(p, "history")?;
    let months = h.months();
    let regime = Regime::at(settlement);
    let why = refusal(p, reason, settlement, h, person)?;
    let avg = average_income(p, h, settlement, "settlement_month", "history", w)?;
    let (y_pre, y_post, per_year) = per_year_value(h, avg.mbq)?;
    // Support is not deducted for serious illness, nor (2024 law) for severe disability
    // (L24 art. 102.3; L14 art. 77.3 exempted serious illness only; rules S-6).
    let exempt = reason == Reason::SeriousIllness
        || (reason == Reason::SevereDisability && regime.is_2024());
    let under_year = under_one_year(months);
    // The month-by-month payments are only needed when the support is not given or the
    // period is under a year (the amount paid).
    let paid = if under_year || given_support.is_none() {
        h.payments(p, "history")?
    } else {
        crate::calc::history::Payments::default()
    };
    let (gross, deducted, support) = amounts(
        &paid,
        given_support,
        (under_year, exempt),
        (per_year, avg.mbq),
    )?;
    let net = gross
        .checked_sub(deducted)
        .or_overflow("support_received")?;
    let amount = net.max(0);
    if net < 0 {
        w.notice(Notice::SupportExceedsAmount { deducted, gross });
    }
    if let Some(reason) = &why {
        w.step(|| Step::Refused {
            reason: reason.clone(),
            regime,
        });
    }
    if under_year {
        w.step(|| Step::GrossUnderYear {
            own: paid.own,
            mbq: avg.mbq,
            gross,
            regime,
        });
    } else {
        w.step(|| Step::Gross {
            mbq: avg.mbq,
            y_pre,
            y_post,
            gross,
            regime,
        });
    }
    w.step(|| Step::Support {
        deducted,
        support,
        under_year,
        exempt,
        regime,
    });
    w.step(|| Step::Amount {
        gross,
        deducted,
        amount,
        regime,
    });
    let eligible = why.is_none();
    Ok(LumpSum {
        eligible,
        reason: why,
        contribution_months: months,
        years_before_2014: y_pre,
        years_from_2014: y_post,
        average_income: avg.mbq,
        coefficient_table: avg.table_year,
        gross_amount: if eligible { gross } else { 0 },
        support_deducted: if eligible { deducted } else { 0 },
        amount: if eligible { amount } else { 0 },
    })
}

/// Why the ground does not apply, if it does not (art. 102.1; Law 58/2014 art. 77).
fn refusal(
    p: &Params,
    reason: Reason,
    settlement: YearMonth,
    h: &History,
    person: Option<(Sex, BirthDate)>,
) -> Result<Option<String>> {
    let months = h.months();
    let not = |r: &str| Some(r.to_string());
    Ok(match reason {
        Reason::Emigration | Reason::SeriousIllness => None,
        // Law 58/2014 art. 77 had no disability ground (rules W-2, old regime).
        Reason::SevereDisability if settlement < crate::month::LAW_2024_START => {
            not("not_a_ground_before_2025_07")
        }
        Reason::SevereDisability => None,
        Reason::RetirementAge => {
            let (sex, birth) = person.ok_or_else(|| Error::MissingField {
                field: "sex".into(),
            })?;
            let (_, reached, _) = retirement::reached(p, sex, birth.month(), "birth_date")?;
            let min = *p
                .pension_min_months
                .require(settlement, "settlement_month")?
                .value;
            if reached > settlement {
                not("retirement_age_not_reached")
            } else if months >= min {
                not("pension_eligible")
            } else {
                None
            }
        }
        Reason::Stopped12Months => {
            let before_new_law = h.first() < crate::month::LAW_2024_START;
            // No contribution in the 12 months before the application, nor in its month
            // (W-1.đ: not contributing at the time of application).
            let recent = h.months_within(settlement.plus(-12), settlement);
            if !before_new_law {
                not("no_contributions_before_2025_07")
            } else if recent > 0 {
                not("contributed_in_last_12_months")
            } else if months >= 240 {
                not("twenty_years_or_more")
            } else {
                None
            }
        }
    })
}

/// Whether a history is under one year of contributions: its lump sum is then the amount
/// the person paid, support left out (rules W-2, S-6).
pub fn under_one_year(months: u32) -> bool {
    months < 12
}

/// The amount before the deduction, the support deducted, and the support received: under
/// one year the amount paid (own payments, at most 2 × Mbq) with nothing more deducted;
/// otherwise the per-year amount less the support unless the ground is exempt.
fn amounts(
    paid: &crate::calc::history::Payments,
    given_support: Option<Money>,
    (under_year, exempt): (bool, bool),
    (per_year, mbq): (Money, Money),
) -> Result<(Money, Money, Money)> {
    let support = match given_support {
        Some(s) => s,
        None => paid.state.checked_add(paid.local).or_overflow("history")?,
    };
    let (gross, deducted) = if under_year {
        let own = match given_support {
            None => paid.own,
            Some(s) => paid.gross.checked_sub(s).or_overflow("support_received")?,
        };
        let cap = mbq.checked_mul(2).or_overflow("history")?;
        (own.min(cap).max(0), 0)
    } else {
        (per_year, if exempt { 0 } else { support })
    };
    Ok((gross, deducted, support))
}
