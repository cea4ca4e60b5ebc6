//! The allowances for people without a pension: the monthly allowance of art. 23 and the
//! social pension allowance (rules 3.12, 3.13).
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 23.1: a person at retirement age who does not qualify for a
//!   pension, is not yet of social-pension age and does not withdraw or keep the record may
//!   receive a monthly allowance "từ chính số tiền đóng của mình".
//! - Decree 158/2025/NĐ-CP art. 23–24; Decree 159/2025/NĐ-CP art. 14.3: the allowance lasts
//!   `Ttt = Mbq × 2 × N / TChtxh` months (rounded up, decision K-13); if that exceeds the
//!   months left until social-pension age (Tdt) the monthly amount is raised to
//!   `TChtxh × Ttt / Tdt`; if shorter, the person may pay `(Tdt − Ttt) × TChtxh` to be paid
//!   until that age (art. 23.3).
//! - Law 41/2024 art. 21; Decree 176/2025/NĐ-CP art. 3: the social pension allowance from age 75
//!   (70 for poor and near-poor households) for those without a pension or with one below
//!   its amount, 500,000 đồng a month.

use crate::calc::average::average_income;
use crate::calc::history::{half_years, History};
use crate::calc::retirement::{self, BirthDate, Sex};
use crate::calc::work::Sink;
use crate::calc::OrOverflow;
use crate::error::Result;
use crate::law::parameters::{Entry, Params};
use crate::money::{self, Money};
use crate::YearMonth;
use serde::{Deserialize, Serialize};

/// Input of a `monthly_allowance` calculation.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyAllowanceInput {
    /// Sex.
    pub sex: Sex,
    /// Birth date.
    pub birth: BirthDate,
    /// Month of the settlement.
    pub settlement: YearMonth,
    /// A poor or near-poor household (social-pension age 70).
    pub poor: bool,
    /// Contribution history.
    pub history: History,
}

/// Input of a `social_pension` calculation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SocialPensionInput {
    /// Birth date.
    pub birth: BirthDate,
    /// The month asked about.
    pub month: YearMonth,
    /// A poor or near-poor household (age 70).
    pub poor: bool,
    /// A pension received (0 when none).
    pub pension: Money,
}

named! {
    /// Why the monthly allowance is not available.
    pub enum Refusal {
        /// Retirement age is not reached.
        AgeNotReached = "retirement_age_not_reached",
        /// A pension is payable.
        PensionEligible = "pension_eligible",
        /// Social-pension age is reached.
        SocialPensionAge = "social_pension_age_reached",
        /// Fewer than 12 months (decision K-13).
        FewerThan12Months = "fewer_than_12_months",
    }
}

/// The working of `monthly_allowance` and `social_pension`.
pub enum Step<'a> {
    /// Not eligible for the monthly allowance.
    Refused {
        /// Why.
        why: Refusal,
        /// Month retirement age is reached.
        reached: YearMonth,
        /// Social-pension age.
        sp_age: u32,
        /// Contribution months.
        months: u32,
        /// Months needed (K-13).
        min_allowance: u32,
    },
    /// Ttt.
    Months {
        /// Mbq.
        mbq: Money,
        /// Half years of contributions (2N).
        half: u32,
        /// The social pension amount.
        amount: &'a Entry<Money>,
        /// Ttt.
        ttt: u32,
    },
    /// Tdt.
    ToSocialPension {
        /// Month social-pension age is reached.
        sp_month: YearMonth,
        /// Settlement month.
        settlement: YearMonth,
        /// Social-pension age.
        sp_age: u32,
        /// Tdt.
        tdt: u32,
    },
    /// The monthly amount.
    MonthlyAmount {
        /// The social pension amount.
        tc: Money,
        /// Ttt.
        ttt: u32,
        /// Tdt.
        tdt: u32,
        /// The monthly amount.
        monthly: Money,
        /// STmlct.
        top_up: Money,
    },
    /// Social-pension age.
    SocialPensionAge {
        /// Birth month.
        birth: YearMonth,
        /// The age.
        age: u32,
        /// The month it is reached.
        age_month: YearMonth,
        /// Poor or near-poor household.
        poor: bool,
    },
    /// The social pension amount.
    SocialPension {
        /// The amount's entry.
        amount: &'a Entry<Money>,
        /// Whether payable.
        eligible: bool,
        /// The pension received.
        pension: Money,
        /// First month payable.
        from: YearMonth,
    },
}

/// Result of a `monthly_allowance` calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MonthlyAllowance {
    /// Whether the allowance can be paid.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub reason: Option<String>,
    /// Ttt: months of allowance the contributions buy.
    pub months: u32,
    /// Months actually paid: Ttt, or Tdt when Ttt is longer.
    pub months_paid: u32,
    /// Monthly amount.
    pub monthly_amount: Money,
    /// Tdt: months from the settlement month to social-pension age.
    pub months_to_social_pension: u32,
    /// STmlct: what the person may pay to be paid until social-pension age.
    pub top_up_to_social_pension_age: Money,
    /// Mbq.
    pub average_income: Money,
    /// Months of contributions.
    pub contribution_months: u32,
}

/// The month a person reaches social-pension age, and that age.
///
/// # Errors
/// `parameter_not_in_force` before the 2024 law.
pub fn social_pension_month(
    p: &Params,
    birth: YearMonth,
    poor: bool,
    at: YearMonth,
    field: &str,
) -> Result<(YearMonth, u32)> {
    let age = if poor {
        *p.social_pension_age_poor.require(at, field)?.value
    } else {
        *p.social_pension_age.require(at, field)?.value
    };
    let months = i32::try_from(age).unwrap_or(0).saturating_mul(12);
    Ok((birth.plus(months), age))
}

/// Computes a `monthly_allowance` calculation.
///
/// # Errors
/// `compulsory_rules_apply`, `compulsory_before_2008_unsupported`,
/// `parameter_not_in_force`, `coefficient_not_available`, `overflow`.
pub fn compute_monthly(
    p: &Params,
    input: &MonthlyAllowanceInput,
    w: &mut dyn Sink,
) -> Result<MonthlyAllowance> {
    let (settlement, h) = (input.settlement, &input.history);
    h.check_supported(p, "history")?;
    let tc_found = p
        .social_pension_amount
        .require(settlement, "settlement_month")?;
    let tc = *tc_found.value;
    let months = h.months();
    let (_, reached, _) = retirement::reached(p, input.sex, input.birth.month(), "birth_date")?;
    let (sp_month, sp_age) = social_pension_month(
        p,
        input.birth.month(),
        input.poor,
        settlement,
        "settlement_month",
    )?;
    let why = refusal(p, input, reached, sp_month)?;
    let avg = average_income(p, h, settlement, "settlement_month", "history", w)?;
    let half = half_years(months);
    let tdt = sp_month.months_since(settlement).max(0) as u32;
    let ttt = months_bought(avg.mbq, half, tc)?;
    let mut result = MonthlyAllowance {
        eligible: false,
        reason: None,
        months: 0,
        months_paid: 0,
        monthly_amount: 0,
        months_to_social_pension: tdt,
        top_up_to_social_pension_age: 0,
        average_income: avg.mbq,
        contribution_months: months,
    };
    if let Some(why) = why {
        let min_allowance = *p
            .allowance_min_months
            .require(settlement, "settlement_month")?
            .value;
        w.step(|| Step::Refused {
            why,
            reached,
            sp_age,
            months,
            min_allowance,
        });
        result.reason = Some(why.as_str().into());
        return Ok(result);
    }
    w.step(|| Step::Months {
        mbq: avg.mbq,
        half,
        amount: tc_found.entry,
        ttt,
    });
    w.step(|| Step::ToSocialPension {
        sp_month,
        settlement,
        sp_age,
        tdt,
    });
    let (monthly, paid, top_up) = amounts(tc, ttt, tdt)?;
    w.step(|| Step::MonthlyAmount {
        tc,
        ttt,
        tdt,
        monthly,
        top_up,
    });
    result.eligible = true;
    result.months = ttt;
    result.months_paid = paid;
    result.monthly_amount = monthly;
    result.top_up_to_social_pension_age = top_up;
    Ok(result)
}

/// The monthly amount, the months paid and the top-up (D158 art. 23.3, 24.2): an allowance
/// outlasting the time to social-pension age is raised to `TChtxh × Ttt / Tdt` for Tdt
/// months; a shorter one may be topped up by `(Tdt − Ttt) × TChtxh`.
fn amounts(tc: Money, ttt: u32, tdt: u32) -> Result<(Money, u32, Money)> {
    if ttt >= tdt && tdt > 0 {
        let total = i128::from(tc)
            .checked_mul(i128::from(ttt))
            .or_overflow("history")?;
        let m = money::div_round_half_away(total, i128::from(tdt));
        Ok((i64::try_from(m).ok().or_overflow("history")?, tdt, 0))
    } else {
        let short = i64::from(tdt.saturating_sub(ttt));
        Ok((tc, ttt, short.checked_mul(tc).or_overflow("history")?))
    }
}

/// Ttt = ceil(Mbq × 2 × N / TChtxh), with 2N the half years (decisions K-11, K-13).
fn months_bought(mbq: Money, half: u32, tc: Money) -> Result<u32> {
    let overflow = || crate::error::Error::Overflow {
        field: "history".into(),
    };
    if tc <= 0 {
        return Err(overflow());
    }
    let num = i128::from(mbq)
        .checked_mul(i128::from(half))
        .ok_or_else(overflow)?;
    // Rounded up: (num + tc − 1) / tc, with tc > 0.
    let up = num
        .checked_add(i128::from(tc))
        .and_then(|x| x.checked_sub(1))
        .and_then(|x| x.checked_div(i128::from(tc)))
        .ok_or_else(overflow)?;
    u32::try_from(up).map_err(|_| overflow())
}

/// Why the allowance is not available, if it is not: age, a pension, the social pension
/// age, or fewer than 12 months (decision K-13), in that order.
fn refusal(
    p: &Params,
    input: &MonthlyAllowanceInput,
    reached: YearMonth,
    sp_month: YearMonth,
) -> Result<Option<Refusal>> {
    let settlement = input.settlement;
    let months = input.history.months();
    let min = *p
        .pension_min_months
        .require(settlement, "settlement_month")?
        .value;
    let min_allowance = *p
        .allowance_min_months
        .require(settlement, "settlement_month")?
        .value;
    Ok(if reached > settlement {
        Some(Refusal::AgeNotReached)
    } else if months >= min {
        Some(Refusal::PensionEligible)
    } else if sp_month <= settlement {
        Some(Refusal::SocialPensionAge)
    } else if months < min_allowance {
        Some(Refusal::FewerThan12Months)
    } else {
        None
    })
}

/// Result of a `social_pension` calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SocialPension {
    /// Whether the allowance is payable in `month`.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub reason: Option<String>,
    /// First month it is payable (age reached, at the earliest 2025-07), `null` when a
    /// pension excludes it.
    pub from_month: Option<YearMonth>,
    /// Amount (0 when not eligible).
    pub monthly_amount: Money,
}

/// Computes a `social_pension` calculation.
///
/// # Errors
/// `parameter_not_in_force` before 2025-07.
pub fn compute_social(
    p: &Params,
    input: &SocialPensionInput,
    w: &mut dyn Sink,
) -> Result<SocialPension> {
    let (birth, month, poor, pension) = (input.birth, input.month, input.poor, input.pension);
    let amount = p.social_pension_amount.require(month, "month")?;
    let (age_month, age) = social_pension_month(p, birth.month(), poor, month, "month")?;
    let first = p
        .social_pension_amount
        .first_month()
        .unwrap_or(crate::month::LAW_2024_START);
    let from = age_month.max(first);
    let tc = *amount.value;
    let why = if pension >= tc {
        Some("pension_not_below_social_pension")
    } else if age_month > month {
        Some("age_not_reached")
    } else {
        None
    };
    w.step(|| Step::SocialPensionAge {
        birth: birth.month(),
        age,
        age_month,
        poor,
    });
    let eligible = why.is_none();
    let monthly = if eligible { tc } else { 0 };
    w.step(|| Step::SocialPension {
        amount: amount.entry,
        eligible,
        pension,
        from,
    });
    Ok(SocialPension {
        eligible,
        reason: why.map(str::to_string),
        from_month: (pension < tc).then_some(from),
        monthly_amount: monthly,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ttt = ceil(Mbq × 2N / TChtxh), whole months rounded up.
    #[test]
    fn months_bought_rounds_up() {
        assert_eq!(months_bought(3_000_000, 20, 500_000), Ok(120));
        assert_eq!(months_bought(2_295_680, 21, 500_000), Ok(97));
        assert_eq!(months_bought(3_000_000, 2, 500_000), Ok(12));
        assert!(months_bought(3_000_000, 2, 0).is_err());
    }
}
