//! The `death` calculation: funeral allowance and survivor lump sum when a contributor or a
//! pensioner dies (rules §5).
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 109: the funeral allowance, "bằng 10 lần mức tham chiếu tại
//!   tháng mà người … chết", for a person with at least 60 months of contributions or
//!   receiving a pension (Law 58/2014 art. 80: 10 × base salary) (rules D-1).
//! - Art. 110.2: survivor lump sum of a contributor: 1.5 months of Mbq per year before 2014,
//!   2 months per year from 2014; with fewer than 60 months, the contributions paid, State
//!   support included (decisions K-10, K-14: Decree 159/2025 art. 5.6.a does not list art.
//!   110 among the cases where support returns to the budget). Law 58/2014 art. 81.2: under
//!   one year, the amount paid, at most 2 months of Mbq (rules D-2).
//! - Art. 110.4: death of a pensioner: 48 months of pension within the first 2 months, then
//!   0.5 month less per month, at least 3 months; Law 58/2014 art. 81.3 has no floor
//!   (decision K-15, rules D-3).
//! - Art. 108, 110: a purely voluntary career carries no monthly survivor allowance (D-4).
//! - Decree 159/2025/NĐ-CP art. 15: death of a person receiving the art. 23 monthly
//!   allowance: the months not yet paid × the monthly amount, and the funeral allowance with
//!   ≥ 12 months of compulsory or ≥ 60 months of contributions (decision K-19).

use crate::calc::average::average_income;
use crate::calc::history::{History, Scheme};
use crate::calc::lump_sum::per_year_value;
use crate::calc::work::Sink;
use crate::calc::OrOverflow;
use crate::error::{Error, Result};
use crate::law::parameters::{Entry, Params};
use crate::law::regime::Regime;
use crate::money::{self, Money};
use crate::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Who died.
#[derive(Clone, Debug, PartialEq)]
pub enum Deceased {
    /// A contributor, with the contribution history.
    Contributor(History),
    /// A pensioner.
    Pensioner {
        /// The monthly pension.
        monthly_amount: Money,
        /// The first month of pension.
        start_month: YearMonth,
    },
    /// A person receiving the art. 23 monthly allowance (decision K-19).
    AllowanceRecipient {
        /// The monthly amount.
        monthly_amount: Money,
        /// The first month of allowance.
        first_month: YearMonth,
        /// Monthly payments granted (Ttt or Tdt).
        months: u32,
        /// The history, which decides the funeral allowance.
        history: History,
    },
}

/// Input of a `death` calculation.
#[derive(Clone, Debug, PartialEq)]
pub struct DeathInput {
    /// Month of death.
    pub death: YearMonth,
    /// Who died.
    pub deceased: Deceased,
}

/// Result of a `death` calculation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Death {
    /// Funeral allowance.
    pub funeral_allowance: Money,
    /// Survivor lump sum.
    pub survivor_lump_sum: Money,
    /// Always 0 for purely voluntary careers.
    pub monthly_survivor_allowance: Money,
    /// Months of contributions (contributor or allowance recipient), or `null` for a
    /// pensioner.
    pub contribution_months: Option<u32>,
    /// Mbq (contributor), or `null` for a pensioner or an allowance recipient.
    pub average_income: Option<Money>,
    /// Months of survivor lump sum (pensioner), as a decimal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Decimal"))]
    pub months_of_pension: Option<Decimal>,
    /// Months of the art. 23 allowance not yet paid at death (allowance recipient, K-19).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "u32"))]
    pub allowance_months_unpaid: Option<u32>,
}

/// The working of a `death` calculation.
pub enum Step<'a> {
    /// A pensioner's survivor lump sum (K-15).
    Pensioner {
        /// Ordinal month of pension at death.
        k: i32,
        /// Months of pension.
        factor: Decimal,
        /// The pension.
        amount: Money,
        /// The lump sum.
        lump: Money,
        /// Regime.
        regime: Regime,
    },
    /// Fewer months than the threshold: the contributions paid (K-10, K-14).
    ContributionsPaid {
        /// Months.
        months: u32,
        /// The threshold.
        own_limit: u32,
        /// The contributions paid.
        paid: Money,
        /// Mbq.
        mbq: Money,
        /// The lump sum.
        lump: Money,
        /// Regime.
        regime: Regime,
    },
    /// 1.5 / 2 months of Mbq per year.
    PerYear {
        /// Mbq.
        mbq: Money,
        /// Years before 2014.
        y_pre: Decimal,
        /// Years from 2014.
        y_post: Decimal,
        /// The lump sum.
        lump: Money,
        /// Regime.
        regime: Regime,
    },
    /// A mixed career's minimum of 3 × Mbq.
    MixedMinimum {
        /// The lump sum before the minimum.
        lump: Money,
        /// Mbq.
        mbq: Money,
        /// The minimum.
        floor: Money,
    },
    /// An allowance recipient's unpaid months (K-19).
    AllowanceUnpaid {
        /// Months granted.
        granted: u32,
        /// Months paid through the month of death.
        paid: u32,
        /// Months unpaid.
        unpaid: u32,
        /// The monthly amount.
        amount: Money,
        /// The lump sum.
        lump: Money,
    },
    /// The funeral allowance.
    Funeral {
        /// Whether it is paid.
        paid: bool,
        /// Multiple of the reference level.
        multiple: i64,
        /// The reference level.
        reference: &'a Entry<Money>,
        /// The amount.
        funeral: Money,
        /// Contribution months (0 for a pensioner).
        months: u32,
        /// Months needed.
        min_months: u32,
        /// Month of death.
        death: YearMonth,
        /// Regime.
        regime: Regime,
    },
    /// No monthly survivor allowance for a voluntary career.
    NoMonthlyAllowance {
        /// Regime.
        regime: Regime,
    },
}

/// What a branch of the calculation found, before the funeral allowance.
struct Branch {
    funeral_ok: bool,
    survivor: Money,
    months: Option<u32>,
    mbq: Option<Money>,
    months_of_pension: Option<Decimal>,
    unpaid: Option<u32>,
}

/// Computes a `death` calculation.
///
/// # Errors
/// `future_period` (a pension or allowance starting after the death),
/// `parameter_not_in_force`, the history errors, `overflow`.
pub fn compute(p: &Params, input: &DeathInput, w: &mut dyn Sink) -> Result<Death> {
    let death = input.death;
    let regime = Regime::at(death);
    let b = match &input.deceased {
        Deceased::Pensioner {
            monthly_amount,
            start_month,
        } => pensioner(*monthly_amount, *start_month, death, w),
        Deceased::Contributor(h) => contributor(p, h, death, w),
        Deceased::AllowanceRecipient {
            monthly_amount,
            first_month,
            months,
            history,
        } => allowance_recipient(
            p,
            (*monthly_amount, *first_month, *months),
            history,
            death,
            w,
        ),
    }?;
    let funeral = funeral_allowance(p, death, &b, w)?;
    w.step(|| Step::NoMonthlyAllowance { regime });
    Ok(Death {
        funeral_allowance: funeral,
        survivor_lump_sum: b.survivor,
        monthly_survivor_allowance: 0,
        contribution_months: b.months,
        average_income: b.mbq,
        months_of_pension: b.months_of_pension,
        allowance_months_unpaid: b.unpaid,
    })
}

/// A start month that must not be after the death month.
fn not_after_death(start: YearMonth, death: YearMonth, field: &str) -> Result<()> {
    if start > death {
        return Err(Error::FuturePeriod {
            field: field.into(),
            to: start,
            limit: death,
            limit_field: "death_month".into(),
        });
    }
    Ok(())
}

/// Months of pension paid as the survivor lump sum when a pensioner dies in pension month
/// `k` (decision K-15): 48 within the first two months, then 0.5 less a month, at least 3
/// under the 2024 law (art. 110.4) and 0 under the 2014 law (art. 81.3).
fn months_of_pension(k: i32, regime: Regime) -> Option<Decimal> {
    let raw = if k <= 2 {
        Decimal::from(48)
    } else {
        let less = Decimal::from(k.checked_sub(2)?).checked_div(Decimal::TWO)?;
        Decimal::from(48).checked_sub(less)?
    };
    let floor = if regime.is_2024() {
        Decimal::from(3)
    } else {
        Decimal::ZERO
    };
    Some(raw.max(floor).normalize())
}

/// Death of a pensioner: 48 months of pension, less 0.5 a month from the third (K-15).
fn pensioner(
    amount: Money,
    start: YearMonth,
    death: YearMonth,
    w: &mut dyn Sink,
) -> Result<Branch> {
    not_after_death(start, death, "pension.start_month")?;
    let regime = Regime::at(death);
    let k = death
        .months_since(start)
        .checked_add(1)
        .or_overflow("pension.start_month")?;
    let factor = months_of_pension(k, regime).or_overflow("pension.start_month")?;
    let lump = money::mul_rate(amount, factor).ok_or_else(|| Error::Overflow {
        field: "pension.monthly_amount".into(),
    })?;
    w.step(|| Step::Pensioner {
        k,
        factor,
        amount,
        lump,
        regime,
    });
    Ok(Branch {
        funeral_ok: true,
        survivor: lump,
        months: None,
        mbq: None,
        months_of_pension: Some(factor),
        unpaid: None,
    })
}

/// Death of a contributor: the contributions paid below the threshold, else 1.5 / 2 months
/// of Mbq per year; at least 3 × Mbq for mixed careers.
fn contributor(p: &Params, h: &History, death: YearMonth, w: &mut dyn Sink) -> Result<Branch> {
    h.check_supported(p, "history")?;
    let regime = Regime::at(death);
    let months = h.months();
    let avg = average_income(p, h, death, "death_month", "history", w)?;
    let own_limit = *p
        .survivor_own_payments_months
        .require(death, "death_month")?
        .value;
    let lump = if months < own_limit {
        // The contributions paid, State support included (decisions K-10, K-14: Decree
        // 159/2025 art. 5.6.a does not return support on a survivor lump sum); the 2014
        // law caps it at 2 × Mbq.
        let paid = h.payments(p, "history")?.gross;
        let lump = if regime.is_2024() {
            paid
        } else {
            paid.min(avg.mbq.checked_mul(2).or_overflow("history")?)
        };
        w.step(|| Step::ContributionsPaid {
            months,
            own_limit,
            paid,
            mbq: avg.mbq,
            lump,
            regime,
        });
        lump
    } else {
        let (y_pre, y_post, lump) = per_year_value(h, avg.mbq)?;
        w.step(|| Step::PerYear {
            mbq: avg.mbq,
            y_pre,
            y_post,
            lump,
            regime,
        });
        lump
    };
    // Mixed careers (L24 art. 110.3, art. 111.1.c; D158 art. 21.2): at least 3 × Mbq, and
    // the funeral allowance with ≥ 12 compulsory months.
    let compulsory = h.months_of(Scheme::Compulsory);
    let floor = avg.mbq.checked_mul(3).or_overflow("history")?;
    let lump = if compulsory > 0 && regime.is_2024() && lump < floor {
        w.step(|| Step::MixedMinimum {
            lump,
            mbq: avg.mbq,
            floor,
        });
        floor
    } else {
        lump
    };
    let min_months = *p.funeral_min_months.require(death, "death_month")?.value;
    Ok(Branch {
        funeral_ok: months >= min_months || (regime.is_2024() && compulsory >= 12),
        survivor: lump,
        months: Some(months),
        mbq: Some(avg.mbq),
        months_of_pension: None,
        unpaid: None,
    })
}

/// Death of a person receiving the art. 23 monthly allowance (Decree 159/2025 art. 15,
/// decision K-19): the months not yet paid × the monthly amount; the months paid run from
/// the first month through the month of death. The history decides the funeral allowance.
fn allowance_recipient(
    p: &Params,
    (amount, first, granted): (Money, YearMonth, u32),
    h: &History,
    death: YearMonth,
    w: &mut dyn Sink,
) -> Result<Branch> {
    let start = p
        .allowance_min_months
        .first_month()
        .unwrap_or(crate::month::LAW_2024_START);
    if first < start {
        return Err(Error::ParameterNotInForce {
            field: "allowance.first_month".into(),
            parameter: "allowance_min_months".into(),
            month: first,
        });
    }
    not_after_death(first, death, "allowance.first_month")?;
    h.check_supported(p, "history")?;
    let months = h.months();
    let paid = death
        .months_since(first)
        .checked_add(1)
        .and_then(|n| u32::try_from(n).ok())
        .or_overflow("allowance.first_month")?;
    let unpaid = granted.saturating_sub(paid);
    let lump = i64::from(unpaid)
        .checked_mul(amount)
        .ok_or_else(|| Error::Overflow {
            field: "allowance.monthly_amount".into(),
        })?;
    w.step(|| Step::AllowanceUnpaid {
        granted,
        paid,
        unpaid,
        amount,
        lump,
    });
    let min_months = *p.funeral_min_months.require(death, "death_month")?.value;
    let compulsory = h.months_of(Scheme::Compulsory);
    Ok(Branch {
        funeral_ok: months >= min_months || compulsory >= 12,
        survivor: lump,
        months: Some(months),
        mbq: None,
        months_of_pension: None,
        unpaid: Some(unpaid),
    })
}

/// The funeral allowance for a death in `month`: the multiple × the reference level of that
/// month (Law 41/2024 art. 109; Law 58/2014 art. 80: the base salary). `field` names the
/// input that gave the month.
///
/// # Errors
/// `parameter_not_in_force`, `overflow`.
pub fn funeral_amount(p: &Params, month: YearMonth, field: &str) -> Result<Money> {
    let reference = p.reference_level.require(month, field)?;
    let multiple = p.funeral_allowance_multiple.require(month, field)?;
    multiple
        .value
        .checked_mul(*reference.value)
        .ok_or_else(|| Error::Overflow {
            field: field.into(),
        })
}

/// The funeral allowance: 10 × the reference level of the month of death when the branch
/// qualifies (Law 41/2024 art. 109; Law 58/2014 art. 80: the base salary).
fn funeral_allowance(p: &Params, death: YearMonth, b: &Branch, w: &mut dyn Sink) -> Result<Money> {
    let reference = p.reference_level.require(death, "death_month")?;
    w.extrapolated("reference_level", death, &reference);
    let multiple = p.funeral_allowance_multiple.require(death, "death_month")?;
    let min_months = *p.funeral_min_months.require(death, "death_month")?.value;
    let funeral = if b.funeral_ok {
        funeral_amount(p, death, "death_month")?
    } else {
        0
    };
    w.step(|| Step::Funeral {
        paid: b.funeral_ok,
        multiple: *multiple.value,
        reference: reference.entry,
        funeral,
        months: b.months.unwrap_or(0),
        min_months,
        death,
        regime: Regime::at(death),
    });
    Ok(funeral)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decision K-15: 48 months within the first two, then 0.5 less a month; at least 3
    /// under the 2024 law, at least 0 under the 2014 law.
    #[test]
    fn months_of_pension_by_month_of_receipt() {
        for (k, regime, want) in [
            (1, Regime::Law2024, "48"),
            (2, Regime::Law2024, "48"),
            (3, Regime::Law2024, "47.5"),
            (92, Regime::Law2024, "3"),
            (100, Regime::Law2024, "3"),
            (94, Regime::Law2014, "2"),
            (100, Regime::Law2014, "0"),
        ] {
            assert_eq!(
                months_of_pension(k, regime).map(|m| m.to_string()),
                Some(want.to_string()),
                "k = {k}"
            );
        }
    }
}
