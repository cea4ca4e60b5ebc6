//! The `pension` calculation: eligibility, pension start, rate and monthly pension, and the
//! one-time allowance on retirement (rules 3.2–3.8).
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 98: a voluntary participant qualifies "khi đủ tuổi nghỉ hưu …
//!   và có thời gian đóng bảo hiểm xã hội từ đủ 15 năm trở lên" (retirement age and at
//!   least 15 years). Law 58/2014/QH13 art. 73: 20 years (rules P-1).
//! - Law 41/2024 art. 141.9: those who joined before 2021 with at least 20 years of voluntary
//!   contributions may retire at 60 (men) / 55 (women) (rules P-2).
//! - Law 41/2024 art. 99.1: women 45 % at 15 years + 2 % a year; men 45 % at 20 years + 2 %
//!   a year, and 40 % at 15 years + 1 % a year below 20; at most 75 %. Law 58/2014 art. 74
//!   for pensions starting before 2025-07-01 (rules 3.3, decision K-16).
//! - Law 41/2024 art. 5.6: leftover months 1–6 are half a year, 7–11 a full year (K-11).
//! - Law 41/2024 art. 100: above 35 years (men) / 30 years (women), 0.5 × Mbq per year up
//!   to retirement age and 2 × Mbq per year contributed after it. Law 58/2014 art. 75:
//!   0.5 × Mbq per year above the years giving 75 % (rules 3.8).
//! - Law 41/2024 art. 101: the pension starts on the first day of the month after the
//!   conditions are met (or after contributions stop); from 2025-07-01 for those who
//!   qualified before and did not continue (rules 3.7).

use crate::calc::average::{average_income, Average};
use crate::calc::history::{half_years, years, History, Scheme};
use crate::calc::retirement::{self, BirthDate, Sex};
use crate::calc::work::Sink;
use crate::error::{Error, Result};
use crate::law::parameters::{Age, Entry, Params, PensionRates, TransitionalRetirement};
use crate::law::regime::Regime;
use crate::money::{self, Money};
use crate::month::LAW_2024_START;
use crate::YearMonth;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Result of a `pension` calculation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pension {
    /// Whether a pension is payable.
    pub eligible: bool,
    /// Why not, when not eligible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub reason: Option<String>,
    /// `law_2024` or `law_2014` (decision K-16).
    pub rule_set: String,
    /// First day of the pension (`null` when not eligible).
    pub pension_start: Option<NaiveDate>,
    /// Months of contributions.
    pub contribution_months: u32,
    /// Years counted for the rate, with half years (K-11).
    pub years_for_rate: Decimal,
    /// Pension rate.
    pub rate: Decimal,
    /// Settlement year of the coefficient table used.
    pub coefficient_table: i32,
    /// Mbq.
    pub average_income: Money,
    /// Monthly pension.
    pub monthly_pension: Money,
    /// One-time allowance on retirement (art. 100; 0 when none).
    pub retirement_allowance: Money,
    /// Retirement age that applies (roadmap, or 60/55 under art. 141.9).
    pub retirement_age: Age,
    /// Month in which that age is reached.
    pub age_reached_month: YearMonth,
}

/// Inputs of a pension, shared with projections.
#[derive(Clone, Debug)]
pub struct PensionInput {
    /// Sex.
    pub sex: Sex,
    /// Birth date.
    pub birth: BirthDate,
    /// Contribution history.
    pub history: History,
    /// First month of pension asked for.
    pub claim_month: Option<YearMonth>,
}

/// The working of a `pension` calculation.
pub enum Step<'a> {
    /// The 60/55 rule of art. 141.9 applies.
    TransitionalAge {
        /// Voluntary months.
        voluntary_months: u32,
        /// The age.
        age: Age,
        /// The rule's entry.
        entry: &'a Entry<TransitionalRetirement>,
    },
    /// The month retirement age is reached.
    AgeReached {
        /// Birth month.
        birth: YearMonth,
        /// The age.
        age: Age,
        /// The month.
        reached: YearMonth,
    },
    /// The contribution period and the months needed.
    ContributionMonths {
        /// Months.
        months: u32,
        /// Months needed.
        min_months: u32,
        /// Regime.
        regime: Regime,
    },
    /// Conditions met before 2025-07 under the 2024 law only: the pension starts 2025-07.
    StartsJuly2025,
    /// Not eligible.
    Refused {
        /// `not_yet_eligible` or `insufficient_contribution_months`.
        why: &'static str,
        /// The start asked for.
        start: YearMonth,
        /// The earliest start.
        earliest: YearMonth,
        /// Months.
        months: u32,
        /// Months needed.
        min_months: u32,
        /// Regime.
        regime: Regime,
    },
    /// The rate.
    Rate {
        /// Years with half years.
        years: Decimal,
        /// The rate.
        rate: Decimal,
        /// Sex.
        sex: Sex,
        /// The bands' entry.
        entry: &'a Entry<PensionRates>,
        /// Regime.
        regime: Regime,
    },
    /// The monthly pension.
    Monthly {
        /// The rate.
        rate: Decimal,
        /// Mbq.
        mbq: Money,
        /// The pension.
        monthly: Money,
        /// Regime.
        regime: Regime,
    },
    /// The one-time allowance on retirement.
    Allowance {
        /// Half years above the threshold up to retirement age.
        half_before: u32,
        /// Half years above it after retirement age (2024 law).
        half_after: Option<u32>,
        /// Mbq.
        mbq: Money,
        /// The allowance.
        amount: Money,
        /// The threshold in years.
        above_years: u32,
        /// The rules' entry.
        entry: &'a Entry<PensionRates>,
        /// Regime.
        regime: Regime,
    },
    /// The first day of the pension.
    Start {
        /// The month.
        start: YearMonth,
        /// Regime.
        regime: Regime,
    },
}

/// The art. 141.9 rule (rules P-2) for someone who first contributed voluntarily in
/// `first_voluntary`: the rule's entry, the transitional age and the month it is reached,
/// when the person joined early enough (the voluntary months needed are checked by the
/// caller, who knows them).
pub fn transitional(
    p: &Params,
    sex: Sex,
    birth: YearMonth,
    first_voluntary: Option<YearMonth>,
) -> Option<(&Entry<TransitionalRetirement>, Age, YearMonth)> {
    let found = p.transitional_retirement.at(LAW_2024_START)?;
    let rule = found.value;
    if first_voluntary.is_none_or(|m| m >= rule.joined_before) {
        return None;
    }
    let age = match sex {
        Sex::Male => rule.male,
        Sex::Female => rule.female,
    };
    Some((found.entry, age, birth.plus(age.total_months() as i32)))
}

/// The age month that applies under the 2024 law: the roadmap (`age`, `reached`), or the
/// transitional ages for those who joined early with enough voluntary contributions
/// (art. 141.9), whichever comes first.
fn age_month<'a>(
    p: &'a Params,
    sex: Sex,
    birth: YearMonth,
    h: &History,
    roadmap: (Age, YearMonth),
) -> (Age, YearMonth, Option<&'a Entry<TransitionalRetirement>>) {
    let (age, reached) = roadmap;
    match transitional(p, sex, birth, h.first_voluntary()) {
        Some((entry, a, m))
            if m < reached
                && entry
                    .value
                    .is_some_and(|r| h.months_of(Scheme::Voluntary) >= r.voluntary_months) =>
        {
            (a, m, Some(entry))
        }
        _ => (age, reached, None),
    }
}

/// The pension rate for `half` half-years: the band with the largest start at or below
/// the years (the first band below all), plus its increment per further year, at most the
/// maximum (rules 3.3; decision K-11).
pub fn rate(rates: &PensionRates, sex: Sex, half: u32) -> Decimal {
    let s = match sex {
        Sex::Male => &rates.male,
        Sex::Female => &rates.female,
    };
    let band = s
        .bands
        .iter()
        .rev()
        .find(|b| b.from_years.saturating_mul(2) <= half)
        .or(s.bands.first());
    let Some(b) = band else {
        return Decimal::ZERO;
    };
    // Years and rates are validated (years ≤ 60, rates in [0, 1]): these cannot overflow;
    // the rate stays within [0, max] whatever happens.
    let above = Decimal::from(half)
        .checked_sub(Decimal::from(b.from_years.saturating_mul(2)))
        .unwrap_or(Decimal::ZERO);
    let r = b
        .per_year
        .checked_mul(above)
        .and_then(|x| x.checked_div(Decimal::TWO))
        .and_then(|x| x.checked_add(b.rate))
        .unwrap_or(Decimal::ZERO);
    r.min(rates.max_rate).max(Decimal::ZERO).normalize()
}

/// The result of [`evaluate`] with the values projections need.
pub struct Outcome {
    /// The contract result.
    pub pension: Pension,
    /// The average income used.
    pub average: Average,
}

/// When the pension starts, under which law, at which age.
struct Timing<'a> {
    start: YearMonth,
    earliest: YearMonth,
    regime: Regime,
    age: Age,
    reached: YearMonth,
    reached_roadmap: YearMonth,
    transitional: Option<&'a Entry<TransitionalRetirement>>,
    starts_july_2025: bool,
}

fn timing<'a>(p: &'a Params, i: &PensionInput) -> Result<Timing<'a>> {
    let h = &i.history;
    let months = h.months();
    let birth = i.birth.month();
    let (age_roadmap, reached_roadmap, _) = retirement::reached(p, i.sex, birth, "birth_date")?;
    let (age_new, reached_new, transitional) =
        age_month(p, i.sex, birth, h, (age_roadmap, reached_roadmap));
    let last = h.last();
    let old_start = reached_roadmap.max(last).plus(1);
    let new_start = reached_new.max(last).plus(1).max(LAW_2024_START);
    let old_min = p.pension_min_months.at(old_start).map(|f| *f.value);
    let (start, regime) = match i.claim_month {
        Some(c) => (c, Regime::at(c)),
        None if old_start < LAW_2024_START && old_min.is_some_and(|m| months >= m) => {
            (old_start, Regime::Law2014)
        }
        None => (new_start, Regime::Law2024),
    };
    let new_law = regime.is_2024();
    let (age, reached, earliest) = if new_law {
        (age_new, reached_new, new_start)
    } else {
        (age_roadmap, reached_roadmap, old_start)
    };
    Ok(Timing {
        start,
        earliest,
        regime,
        age,
        reached,
        reached_roadmap,
        transitional: transitional.filter(|_| new_law),
        starts_july_2025: i.claim_month.is_none()
            && new_law
            && reached_new.max(last).plus(1) < LAW_2024_START,
    })
}

/// Computes a pension.
///
/// # Errors
/// `compulsory_rules_apply`, `compulsory_before_2008_unsupported`,
/// `coefficient_not_available`, `parameter_not_in_force`, `overflow`.
pub fn evaluate(p: &Params, i: &PensionInput, w: &mut dyn Sink) -> Result<Outcome> {
    let h = &i.history;
    h.check_supported(p, "history")?;
    let months = h.months();
    let tm = timing(p, i)?;
    let (start, regime) = (tm.start, tm.regime);
    let min_months = *p.pension_min_months.require(start, "claim_month")?.value;
    if let Some(entry) = tm.transitional {
        w.step(|| Step::TransitionalAge {
            voluntary_months: h.months_of(Scheme::Voluntary),
            age: tm.age,
            entry,
        });
    }
    w.step(|| Step::AgeReached {
        birth: i.birth.month(),
        age: tm.age,
        reached: tm.reached,
    });
    w.step(|| Step::ContributionMonths {
        months,
        min_months,
        regime,
    });
    let refusal = if months < min_months {
        Some("insufficient_contribution_months")
    } else if start < tm.earliest {
        Some("not_yet_eligible")
    } else {
        None
    };
    if tm.starts_july_2025 {
        w.step(|| Step::StartsJuly2025);
    }
    let settlement_field = if i.claim_month.is_some() {
        "claim_month"
    } else {
        "history"
    };
    let avg = average_income(p, h, start, settlement_field, "history", w)?;
    let half = half_years(months);
    let mut pension = Pension {
        eligible: false,
        reason: refusal.map(str::to_string),
        rule_set: if regime.is_2024() {
            "law_2024"
        } else {
            "law_2014"
        }
        .into(),
        pension_start: None,
        contribution_months: months,
        years_for_rate: years(half),
        rate: Decimal::ZERO,
        coefficient_table: avg.table_year,
        average_income: avg.mbq,
        monthly_pension: 0,
        retirement_allowance: 0,
        retirement_age: tm.age,
        age_reached_month: tm.reached,
    };
    if let Some(why) = refusal {
        w.step(|| Step::Refused {
            why,
            start,
            earliest: tm.earliest,
            months,
            min_months,
            regime,
        });
        return Ok(Outcome {
            pension,
            average: avg,
        });
    }
    pay(p, i, &tm, avg, &mut pension, w)?;
    Ok(Outcome {
        pension,
        average: avg,
    })
}

/// The rate, the monthly pension, the one-time allowance and the start of an eligible
/// pension.
fn pay(
    p: &Params,
    i: &PensionInput,
    tm: &Timing<'_>,
    avg: Average,
    pension: &mut Pension,
    w: &mut dyn Sink,
) -> Result<()> {
    let (start, regime) = (tm.start, tm.regime);
    let rates = p.pension_rate.require(start, "claim_month")?;
    let half = half_years(i.history.months());
    let rate = rate(rates.value, i.sex, half);
    w.step(|| Step::Rate {
        years: years(half),
        rate,
        sex: i.sex,
        entry: rates.entry,
        regime,
    });
    let monthly = money::mul_rate(avg.mbq, rate).ok_or_else(|| Error::Overflow {
        field: "history".into(),
    })?;
    w.step(|| Step::Monthly {
        rate,
        mbq: avg.mbq,
        monthly,
        regime,
    });
    let allowance = retirement_allowance(
        (rates.value, rates.entry),
        i.sex,
        regime,
        &i.history,
        tm.reached_roadmap,
        avg.mbq,
        w,
    )?;
    w.step(|| Step::Start { start, regime });
    pension.eligible = true;
    pension.pension_start = Some(start.first_day());
    pension.rate = rate;
    pension.monthly_pension = monthly;
    pension.retirement_allowance = allowance;
    Ok(())
}

/// The one-time allowance on retirement (rules 3.8): the half years above the threshold,
/// each part rounded to half years (decision K-11); under the 2024 law those contributed
/// after retirement age at the higher rate.
fn retirement_allowance(
    (rates, entry): (&PensionRates, &Entry<PensionRates>),
    sex: Sex,
    regime: Regime,
    h: &History,
    reached: YearMonth,
    mbq: Money,
    w: &mut dyn Sink,
) -> Result<Money> {
    let months = h.months();
    let above_years = match sex {
        Sex::Male => rates.male.allowance_above_years,
        Sex::Female => rates.female.allowance_above_years,
    };
    let threshold = above_years.saturating_mul(12);
    let (half_before, half_after) = match rates.allowance_per_year_after_age {
        Some(_) => {
            let before = h.months_within(h.first(), reached);
            let after = months.saturating_sub(before);
            let ex_before = before.saturating_sub(threshold);
            let ex_after = if before >= threshold {
                after
            } else {
                months.saturating_sub(threshold)
            };
            (half_years(ex_before), Some(half_years(ex_after)))
        }
        None => (half_years(months.saturating_sub(threshold)), None),
    };
    // Months of Mbq: per_year × years before + after_rate × years after, exact.
    let part = |rate: Decimal, half: u32| {
        rate.checked_mul(Decimal::from(half))
            .and_then(|x| x.checked_div(Decimal::TWO))
    };
    let factor = part(rates.allowance_per_year, half_before)
        .zip(part(
            rates.allowance_per_year_after_age.unwrap_or_default(),
            half_after.unwrap_or(0),
        ))
        .and_then(|(a, b)| a.checked_add(b))
        .ok_or_else(|| Error::Overflow {
            field: "history".into(),
        })?;
    let amount = money::mul_rate(mbq, factor).ok_or_else(|| Error::Overflow {
        field: "history".into(),
    })?;
    if amount > 0 {
        w.step(|| Step::Allowance {
            half_before,
            half_after,
            mbq,
            amount,
            above_years,
            entry,
            regime,
        });
    }
    Ok(amount)
}

/// Computes a `pension` calculation.
///
/// # Errors
/// As [`evaluate`].
pub fn compute(p: &Params, input: &PensionInput, w: &mut dyn Sink) -> Result<Pension> {
    Ok(evaluate(p, input, w)?.pension)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    fn rate_at(start: &str, sex: Sex, half: u32) -> String {
        let p = Params::embedded().unwrap();
        let rates = p.pension_rate.require(ym(start), "claim_month").unwrap();
        rate(rates.value, sex, half).to_string()
    }

    /// Law 41/2024 art. 99.1 and Law 58/2014 art. 74, by half years (decision K-11).
    #[test]
    fn rate_bands() {
        use Sex::{Female as F, Male as M};
        for (start, sex, half, want) in [
            ("2026-01", F, 30, "0.45"),
            ("2026-01", F, 31, "0.46"),
            ("2026-01", F, 40, "0.55"),
            ("2026-01", F, 60, "0.75"),
            ("2026-01", F, 70, "0.75"),
            ("2026-01", M, 30, "0.4"),
            ("2026-01", M, 31, "0.405"),
            ("2026-01", M, 39, "0.445"),
            ("2026-01", M, 40, "0.45"),
            ("2026-01", M, 41, "0.46"),
            ("2026-01", M, 70, "0.75"),
            ("2017-06", F, 30, "0.45"),
            ("2017-06", F, 32, "0.48"),
            ("2018-06", F, 32, "0.47"),
            ("2017-06", M, 32, "0.47"),
            ("2022-06", M, 40, "0.45"),
            ("2022-06", M, 42, "0.47"),
            ("2022-06", M, 38, "0.43"),
        ] {
            assert_eq!(rate_at(start, sex, half), want, "{start} {sex:?} {half}");
        }
    }
}
