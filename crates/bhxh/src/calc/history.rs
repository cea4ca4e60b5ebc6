//! Contribution histories: periods of months with an income, voluntary or compulsory,
//! back-paid or not, with the categories and province that decide the support received.
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 5.3–5.6: the contribution period is the total time on which
//!   contributions were paid; months are counted, gaps excluded; for benefit amounts,
//!   leftover months 1–6 count as half a year and 7–11 as a full year (decision K-11).
//! - Law 41/2024 art. 102.2, art. 110.2: years before 2014 and from 2014 are valued
//!   differently in lump sums (rules W-2, D-2).

use crate::calc::OrOverflow;
use crate::error::{Error, Result};
use crate::law::parameters::Params;
use crate::money::{self, Money};
use crate::YearMonth;
use rust_decimal::Decimal;

named! {
    /// Compulsory or voluntary contributions.
    pub enum Scheme {
        /// Voluntary social insurance (the default).
        Voluntary = "voluntary",
        /// Compulsory social insurance (salary).
        Compulsory = "compulsory",
    }
}

/// One period of a history, months inclusive.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    /// First month.
    pub from: YearMonth,
    /// Last month (inclusive).
    pub to: YearMonth,
    /// Monthly income (voluntary) or salary (compulsory).
    pub income: Money,
    /// Scheme.
    pub scheme: Scheme,
    /// Paid as a back payment (coefficient 1.00, no support).
    pub back_paid: bool,
    /// Categories for the support received (empty: the default `["other"]`).
    pub categories: Vec<String>,
    /// Province for top-ups.
    pub province: Option<String>,
    /// Position in the request (for error paths).
    pub index: usize,
}

impl Period {
    /// Months in the period.
    pub fn months(&self) -> u32 {
        // A validated period has `to ≥ from` (`History::from_periods`).
        u32::try_from(self.to.months_since(self.from).saturating_add(1)).unwrap_or(0)
    }

    /// Months of the period within `[a, b]` inclusive (0 when they do not meet).
    pub fn months_within(&self, a: YearMonth, b: YearMonth) -> u32 {
        let (lo, hi) = (self.from.max(a), self.to.min(b));
        if hi < lo {
            0
        } else {
            u32::try_from(hi.months_since(lo).saturating_add(1)).unwrap_or(0)
        }
    }
}

/// A validated history, periods sorted by their first month.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    /// Periods in chronological order.
    pub periods: Vec<Period>,
}

/// Largest number of months a history may hold (100 years).
pub const MAX_MONTHS: u32 = 1200;

/// The first month of 2014: years before it are valued 1.5 × Mbq in lump sums.
pub fn month_2014() -> YearMonth {
    crate::month::january(2014)
}

impl History {
    /// Builds a history from periods already typed (the batch path), with the same checks as
    /// the request reader (`io::history::from_raw`).
    ///
    /// # Errors
    /// `empty_history`, `period_reversed`, `invalid_money`, `history_too_long`,
    /// `overlapping_periods`.
    pub fn from_periods(mut periods: Vec<Period>, field: &str) -> Result<History> {
        if periods.is_empty() {
            return Err(Error::EmptyHistory {
                field: field.into(),
            });
        }
        for p in &periods {
            if p.to < p.from {
                return Err(Error::PeriodReversed {
                    field: format!("{field}[{}].to", p.index),
                    from: p.from,
                    to: p.to,
                });
            }
            if !(0..=money::MAX_MONEY).contains(&p.income) {
                return Err(Error::InvalidMoney {
                    field: format!("{field}[{}].income", p.index),
                    value: p.income.to_string(),
                });
            }
        }
        let total: u64 = periods.iter().map(|p| u64::from(p.months())).sum();
        if total > u64::from(MAX_MONTHS) {
            return Err(Error::HistoryTooLong {
                field: field.into(),
                months: total,
            });
        }
        // Histories usually arrive in order; (from, index) is unique, so any sort is stable.
        if !periods.is_sorted_by_key(|p| (p.from, p.index)) {
            periods.sort_unstable_by_key(|p| (p.from, p.index));
        }
        for w in periods.windows(2) {
            if w[1].from <= w[0].to {
                let later = w[0].index.max(w[1].index);
                let other = w[0].index.min(w[1].index);
                return Err(Error::OverlappingPeriods {
                    field: format!("{field}[{later}]"),
                    other: format!("{field}[{other}]"),
                });
            }
        }
        Ok(History { periods })
    }

    /// Total months.
    pub fn months(&self) -> u32 {
        self.periods.iter().map(Period::months).sum()
    }

    /// Months of one scheme.
    pub fn months_of(&self, scheme: Scheme) -> u32 {
        self.periods
            .iter()
            .filter(|p| p.scheme == scheme)
            .map(Period::months)
            .sum()
    }

    /// Months within `[a, b]` inclusive.
    pub fn months_within(&self, a: YearMonth, b: YearMonth) -> u32 {
        self.periods.iter().map(|p| p.months_within(a, b)).sum()
    }

    /// The first month of the history.
    pub fn first(&self) -> YearMonth {
        self.periods
            .first()
            .map(|p| p.from)
            .unwrap_or(crate::month::LAW_2024_START)
    }

    /// The last month of the history.
    pub fn last(&self) -> YearMonth {
        self.periods
            .iter()
            .map(|p| p.to)
            .max()
            .unwrap_or(crate::month::LAW_2024_START)
    }

    /// The first voluntary month, if any.
    pub fn first_voluntary(&self) -> Option<YearMonth> {
        self.periods
            .iter()
            .filter(|p| p.scheme == Scheme::Voluntary)
            .map(|p| p.from)
            .min()
    }

    /// Rejects the careers whose rules this engine does not implement yet (`mixed_career`):
    /// ≥ 15 years of compulsory contributions (the compulsory rules govern, L24 art.
    /// 111.1.a; D158 art. 17.2) and compulsory periods before 2008 (salary coefficients of
    /// D158 art. 16).
    ///
    /// # Errors
    /// `compulsory_rules_apply`, `compulsory_before_2008_unsupported`, `unknown_category`,
    /// `category_not_available`.
    pub fn check_supported(&self, params: &Params, field: &str) -> Result<()> {
        let limits = *params
            .mixed_career
            .require(crate::month::LAW_2024_START, field)?
            .value;
        if let Some(p) = self
            .periods
            .iter()
            .find(|p| p.scheme == Scheme::Compulsory && p.from < limits.compulsory_from)
        {
            return Err(Error::CompulsoryBefore2008 {
                field: format!("{field}[{}].from", p.index),
            });
        }
        // Every calculation refuses the same categories (`lump_sum` needs them for the
        // support received; the others must not accept what it refuses).
        for per in &self.periods {
            crate::calc::support::known_province(
                params,
                per.province.as_deref(),
                &format!("{field}[{}].province", per.index),
            )?;
            let prov = per
                .province
                .as_deref()
                .and_then(|s| params.local_support.provinces.get(s));
            for (j, c) in per.categories.iter().enumerate() {
                let path = format!("{field}[{}].categories[{j}]", per.index);
                crate::calc::support::national_of(params, prov, c, &path)?;
            }
        }
        let c = self.months_of(Scheme::Compulsory);
        if c >= limits.compulsory_rules_months {
            return Err(Error::CompulsoryRulesApply {
                field: field.into(),
                months: c,
            });
        }
        Ok(())
    }

    /// The participant's own payments (22 % of the income less the support received, month
    /// by month, voluntary months only) and the support received (national, local), counting
    /// the lifetime cap in chronological order (decisions K-8, K-10).
    ///
    /// # Errors
    /// `unknown_category`, `category_not_available`, `parameter_not_in_force`, `overflow`.
    pub fn payments(&self, p: &Params, field: &str) -> Result<Payments> {
        let mut out = Payments::default();
        let mut subsidised: u32 = 0;
        let other = vec!["other".to_string()];
        for per in &self.periods {
            let categories = if per.categories.is_empty() {
                &other
            } else {
                &per.categories
            };
            let path = format!("{field}[{}]", per.index);
            let from_path = format!("{path}.from");
            let mut m = per.from;
            while m <= per.to {
                // A back payment is made now, at today's rate, whatever month it is labelled
                // with (K-5); other months use the rate of their own month.
                let rate = if per.back_paid {
                    p.contribution_rate
                        .require(crate::month::LAW_2024_START, &from_path)?
                } else {
                    p.contribution_rate.require(m, &from_path)?
                };
                let gross =
                    money::mul_rate(per.income, *rate.value).ok_or_else(|| Error::Overflow {
                        field: path.clone(),
                    })?;
                let (mut s, mut l) = (0, 0);
                if per.scheme == Scheme::Voluntary {
                    out.gross = out.gross.checked_add(gross).or_overflow(&path)?;
                    if !per.back_paid {
                        let any = p.state_support_rates.at(m).is_some_and(|r| {
                            crate::law::parameters::NATIONAL_CATEGORIES
                                .iter()
                                .any(|c| r.value.get(c).is_some_and(|x| !x.is_zero()))
                        });
                        if any {
                            let floor = *p.rural_poverty_line.require(m, &from_path)?.value;
                            let c = crate::calc::support::choose(
                                p,
                                m,
                                categories,
                                per.province.as_deref(),
                                *rate.value,
                                floor,
                            )
                            .map_err(|e| prefix_category(e, &path))?;
                            if subsidised < c.cap && (c.national > 0 || c.local > 0) {
                                s = c.national;
                                l = c.local;
                                subsidised = subsidised.saturating_add(1);
                            }
                        }
                    }
                    out.state = out.state.checked_add(s).or_overflow(&path)?;
                    out.local = out.local.checked_add(l).or_overflow(&path)?;
                    let own = gross
                        .checked_sub(s)
                        .and_then(|x| x.checked_sub(l))
                        .and_then(|x| out.own.checked_add(x));
                    out.own = own.or_overflow(&path)?;
                }
                m = m.plus(1);
            }
        }
        out.subsidised_months = subsidised;
        Ok(out)
    }
}

fn prefix_category(e: Error, path: &str) -> Error {
    match e {
        Error::UnknownCategory { field, value } => Error::UnknownCategory {
            field: format!("{path}.{field}"),
            value,
        },
        Error::CategoryNotAvailable {
            field,
            value,
            province,
        } => Error::CategoryNotAvailable {
            field: format!("{path}.{field}"),
            value,
            province,
        },
        other => other,
    }
}

/// Totals of what was paid over a history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Payments {
    /// 22 % of the income over the voluntary months.
    pub gross: Money,
    /// National support received.
    pub state: Money,
    /// Provincial support received.
    pub local: Money,
    /// The participant's own payments (gross − support).
    pub own: Money,
    /// Months that received support.
    pub subsidised_months: u32,
}

/// Years with the art. 5.6 half-year rounding (decision K-11): leftover months 1–6 count as
/// half a year, 7–11 as a full year.
///
/// ```
/// use bhxh::calc::history::half_years;
/// assert_eq!(half_years(180), 30);   // 15 years
/// assert_eq!(half_years(186), 31);   // 15 years 6 months → 15.5
/// assert_eq!(half_years(187), 32);   // 15 years 7 months → 16
/// ```
pub fn half_years(months: u32) -> u32 {
    let leftover = match months.checked_rem(12) {
        Some(0) | None => 0,
        Some(1..=6) => 1,
        Some(_) => 2,
    };
    // At most u32::MAX / 6 + 2: never saturates.
    months
        .checked_div(12)
        .unwrap_or(0)
        .saturating_mul(2)
        .saturating_add(leftover)
}

/// Half-years as a decimal number of years (`31` → `15.5`).
pub fn years(half: u32) -> Decimal {
    // Half of a u32 is exact in a Decimal: the division cannot fail.
    Decimal::from(half)
        .checked_div(Decimal::TWO)
        .unwrap_or(Decimal::ZERO)
        .normalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Law 41/2024 art. 5.6 (decision K-11): leftover 1–6 months are half a year, 7–11 a
    /// full year.
    #[test]
    fn half_year_rounding() {
        for (months, half, years_text) in [
            (0, 0, "0"),
            (1, 1, "0.5"),
            (6, 1, "0.5"),
            (7, 2, "1"),
            (12, 2, "1"),
            (180, 30, "15"),
            (186, 31, "15.5"),
            (187, 32, "16"),
        ] {
            assert_eq!(half_years(months), half, "{months}");
            assert_eq!(years(half).to_string(), years_text);
        }
    }
}
