//! The `contribution` calculation: what a participant pays for a period, what the State and
//! the province add, and what is payable after discount or interest (rules §1, §2).
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 31.2: the chosen income is "thấp nhất bằng mức chuẩn hộ nghèo
//!   của khu vực nông thôn và cao nhất bằng 20 lần mức tham chiếu tại thời điểm đóng"
//!   (floor = rural poverty line, ceiling = 20 × reference level, both at the time of
//!   payment). Old regime: Law 58/2014/QH13 art. 87.1.
//! - Law 41/2024 art. 32.2, art. 36.1: the contribution is 22 % of the chosen income.
//! - Law 41/2024 art. 36.2: the payment methods (monthly; every 3, 6 or 12 months; once for
//!   several future years at a lower amount; once for the missing period at a higher
//!   amount). Decree 159/2025/NĐ-CP arts. 6–7 give the discount and interest formulas
//!   (decisions K-4, K-5, K-6, K-18).
//! - Rules A-5: parameters in force in the payment month apply to every covered month; no
//!   later adjustment.

use crate::calc::support::{self, SupportChoice};
use crate::calc::work::{Notice, Sink};
use crate::error::{Error, Result};
use crate::law::parameters::{CategoryRates, Entry, LocalCategory, Params};
use crate::law::regime::Regime;
use crate::money::{self, Money};
use crate::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

named! {
    /// How the participant pays (Law 41/2024 art. 36.2).
    pub enum Method {
        /// (a) Monthly.
        Monthly = "monthly",
        /// (b) Every 3 months.
        Every3Months = "every_3_months",
        /// (c) Every 6 months.
        Every6Months = "every_6_months",
        /// (d) Every 12 months.
        Every12Months = "every_12_months",
        /// (đ) Once for several future years, discounted (K-4, K-18).
        Advance = "advance",
        /// (e) Once for the missing period, with interest (K-5).
        BackPayment = "back_payment",
    }
}

impl Method {
    /// Parses the contract name.
    ///
    /// # Errors
    /// `unknown_method`.
    pub fn parse(s: &str) -> Result<Method> {
        Method::from_name(s).ok_or_else(|| Error::UnknownMethod {
            value: crate::error::excerpt(s),
        })
    }

    /// Months covered by the fixed-length methods.
    pub fn fixed_months(self) -> Option<u32> {
        match self {
            Method::Monthly => Some(1),
            Method::Every3Months => Some(3),
            Method::Every6Months => Some(6),
            Method::Every12Months => Some(12),
            Method::Advance | Method::BackPayment => None,
        }
    }
}

/// Input of a `contribution` request.
#[derive(Clone, Debug, PartialEq)]
pub struct ContributionInput {
    /// Month of payment: its parameters apply to every covered month.
    pub payment_month: YearMonth,
    /// Chosen monthly income.
    pub income: Money,
    /// Payment method.
    pub method: Method,
    /// Months covered, for `advance` and `back_payment`.
    pub months: Option<i64>,
    /// Participant categories (default `["other"]`).
    pub categories: Vec<String>,
    /// Province slug, for top-ups.
    pub province: Option<String>,
    /// Months already subsidised in the participant's life (K-8).
    pub subsidised_months_before: i64,
    /// Monthly fund rate overriding the parameter (K-6).
    pub fund_rate_monthly: Option<Decimal>,
}

/// One covered month of a payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MonthLine {
    /// The month (for a back payment: a label for the i-th missing month, see K-5).
    pub month: YearMonth,
    /// 22 % of the income.
    pub gross: Money,
    /// National support.
    pub state_support: Money,
    /// Provincial support.
    pub local_support: Money,
}

/// Result of a `contribution` calculation (contract fields first).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// Months the payment covers.
    pub months_covered: u32,
    /// Income floor in force (rural poverty line).
    pub income_floor: Money,
    /// Income ceiling in force (20 × reference level).
    pub income_ceiling: Money,
    /// Undiscounted 22 % over the covered months.
    pub gross: Money,
    /// National support over the covered months.
    pub state_support: Money,
    /// Provincial support over the covered months.
    pub local_support: Money,
    /// Advance-payment discount (K-4).
    pub discount: Money,
    /// Back-payment interest (K-5).
    pub interest: Money,
    /// What the participant pays: gross − support − discount + interest.
    pub payable: Money,
    /// Month-by-month breakdown.
    pub per_month: Vec<MonthLine>,
    /// `law_2024` for payment months from 2025-07, else `law_2014` (K-16).
    pub regime: String,
    /// The category whose support applies.
    pub support_category: String,
    /// Covered months that received support.
    pub subsidised_months: u32,
    /// Fund rate used, for advance and back payments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Decimal"))]
    pub fund_rate_monthly: Option<Decimal>,
    /// Echo of the payment month.
    pub payment_month: YearMonth,
    /// Echo of the chosen income.
    pub income: Money,
    /// Echo of the method.
    pub method: Method,
}

/// The working of a `contribution` calculation.
pub enum Step<'a> {
    /// The regime of the payment month.
    Regime {
        /// Payment month.
        month: YearMonth,
        /// Its regime.
        regime: Regime,
    },
    /// The income floor.
    Floor {
        /// Payment month.
        month: YearMonth,
        /// The rural poverty line.
        entry: &'a Entry<Money>,
    },
    /// The income ceiling.
    Ceiling {
        /// Payment month.
        month: YearMonth,
        /// Multiple of the reference level.
        multiple: &'a Entry<i64>,
        /// The reference level.
        reference: &'a Entry<Money>,
        /// The ceiling.
        ceiling: Money,
    },
    /// The chosen income is valid.
    Income {
        /// The income.
        income: Money,
        /// The limits.
        limits: IncomeLimits,
        /// Regime.
        regime: Regime,
    },
    /// 22 % of the income.
    MonthlyGross {
        /// The income.
        income: Money,
        /// The rate's entry.
        rate: &'a Entry<Decimal>,
        /// The contribution.
        gross: Money,
    },
    /// A back payment receives no support.
    BackPaymentNoSupport {
        /// Regime.
        regime: Regime,
    },
    /// The State's support per month.
    StateSupport {
        /// The choice.
        choice: SupportChoice,
        /// The rates' entry.
        rates: &'a Entry<CategoryRates>,
        /// The contribution rate and the poverty line of the month.
        rate: Decimal,
        /// The rural poverty line.
        poverty_line: Money,
        /// Several categories were given.
        several: bool,
        /// The provincial category chosen, when it is one.
        local_category: Option<&'a LocalCategory>,
        /// Regime.
        regime: Regime,
    },
    /// The province's support per month.
    LocalSupport {
        /// The choice.
        choice: SupportChoice,
        /// The top-up entry.
        entry: &'a Entry<BTreeMap<String, Decimal>>,
    },
    /// The supported months of this payment (K-8).
    SubsidisedMonths {
        /// Lifetime cap.
        cap: u32,
        /// Months supported before.
        before: u32,
        /// Months supported now.
        subsidised: u32,
        /// Months covered.
        covered: u32,
        /// Regime.
        regime: Regime,
    },
    /// The total over the covered months.
    Gross {
        /// Months.
        n: i64,
        /// Per month.
        monthly: Money,
        /// Total.
        gross: Money,
        /// Method.
        method: Method,
        /// Regime.
        regime: Regime,
    },
    /// The fund rate given in the request.
    FundRateGiven {
        /// The rate.
        rate: Decimal,
    },
    /// The fund rate of the payment year.
    FundRate {
        /// Payment year.
        year: i32,
        /// The rate's entry.
        entry: &'a Entry<Decimal>,
    },
    /// Back-payment interest (K-5).
    Interest {
        /// Months.
        n: i64,
        /// Per month.
        monthly: Money,
        /// The rate.
        rate: Decimal,
        /// Total before interest.
        gross: Money,
        /// The interest.
        interest: Money,
        /// Regime.
        regime: Regime,
    },
    /// Advance-payment discount (K-4).
    Discount {
        /// Months.
        n: i64,
        /// The rate.
        rate: Decimal,
        /// MĐ1: the discounted contribution, rounded once.
        md1: Money,
        /// The nominal support of the covered months (national and local).
        support: Money,
        /// Payable: max(0, MĐ1 − support).
        payable: Money,
        /// The discount: gross − support − payable.
        discount: Money,
        /// Regime.
        regime: Regime,
    },
    /// What the participant pays.
    Payable {
        /// The contribution's totals.
        totals: Totals,
    },
}

/// The totals of a payment (the contract identity).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Totals {
    /// 22 % over the covered months.
    pub gross: Money,
    /// National support.
    pub state_support: Money,
    /// Provincial support.
    pub local_support: Money,
    /// Advance discount.
    pub discount: Money,
    /// Back-payment interest.
    pub interest: Money,
    /// Payable.
    pub payable: Money,
}

/// The income limits in force in a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IncomeLimits {
    /// Floor: rural poverty line.
    pub floor: Money,
    /// Ceiling: multiple × reference level.
    pub ceiling: Money,
    /// Income step (K-3).
    pub step: Money,
    /// Contribution rate.
    pub rate: Decimal,
}

/// Resolves the income limits and rate of `month`, reporting the floor and ceiling.
///
/// # Errors
/// `parameter_not_in_force` (field `field`), `overflow`.
pub fn income_limits(
    p: &Params,
    month: YearMonth,
    field: &str,
    w: &mut dyn Sink,
) -> Result<IncomeLimits> {
    let rate = p.contribution_rate.require(month, field)?;
    let floor = p.rural_poverty_line.require(month, field)?;
    let reference = p.reference_level.require(month, field)?;
    let multiple = p.income_ceiling_multiple.require(month, field)?;
    let step = p.income_step.require(month, field)?;
    w.extrapolated("contribution_rate", month, &rate);
    w.extrapolated("rural_poverty_line", month, &floor);
    w.extrapolated("reference_level", month, &reference);
    let ceiling = multiple
        .value
        .checked_mul(*reference.value)
        .ok_or_else(|| Error::Overflow {
            field: field.into(),
        })?;
    w.step(|| Step::Floor {
        month,
        entry: floor.entry,
    });
    w.step(|| Step::Ceiling {
        month,
        multiple: multiple.entry,
        reference: reference.entry,
        ceiling,
    });
    Ok(IncomeLimits {
        floor: *floor.value,
        ceiling,
        step: *step.value,
        rate: *rate.value,
    })
}

/// The lowest valid income: the floor, rounded up to the step (K-3).
pub fn lowest_valid(lim: &IncomeLimits) -> Money {
    to_step(lim.floor, lim.step, true)
}

/// `x` rounded down (or up) to a multiple of `step` (validated ≥ 1); amounts here are at
/// most the ceiling, far inside the range, so the saturating operations never saturate.
fn to_step(x: Money, step: Money, up: bool) -> Money {
    let step = step.max(1);
    let down = x.checked_div(step).unwrap_or(0).saturating_mul(step);
    if up && down < x {
        down.saturating_add(step)
    } else {
        down
    }
}

/// Checks a chosen income against the limits (decision K-3: never a silent clamp).
///
/// # Errors
/// `income_below_floor`, `income_above_ceiling`, `income_not_multiple_of_step`.
pub fn check_income(income: Money, lim: &IncomeLimits, month: YearMonth) -> Result<()> {
    if income < lim.floor {
        return Err(Error::IncomeBelowFloor {
            income,
            floor: lim.floor,
            ceiling: lim.ceiling,
            month,
        });
    }
    if income > lim.ceiling {
        return Err(Error::IncomeAboveCeiling {
            income,
            floor: lim.floor,
            ceiling: lim.ceiling,
            month,
        });
    }
    if income.checked_rem(lim.step) != Some(0) {
        // Suggest only valid incomes: on the step and within [floor, ceiling].
        let first = lowest_valid(lim);
        let last = to_step(lim.ceiling, lim.step, false);
        let below = to_step(income, lim.step, false);
        let lower = below.max(first).min(last);
        let upper = below.saturating_add(lim.step).min(last).max(first);
        return Err(Error::IncomeNotMultipleOfStep {
            income,
            step: lim.step,
            lower,
            upper,
        });
    }
    Ok(())
}

/// Computes a `contribution` calculation.
///
/// # Errors
/// Every input error of the contract for this calculation (see [`Error::code`]).
pub fn compute(p: &Params, input: &ContributionInput, w: &mut dyn Sink) -> Result<Contribution> {
    let pm = input.payment_month;
    let regime = Regime::at(pm);
    w.step(|| Step::Regime { month: pm, regime });
    let months_covered = months_covered(p, input)?;
    let lim = income_limits(p, pm, "payment_month", w)?;
    check_income(input.income, &lim, pm)?;
    w.step(|| Step::Income {
        income: input.income,
        limits: lim,
        regime,
    });
    let rate_entry = p.contribution_rate.require(pm, "payment_month")?.entry;
    let g = money::mul_rate(input.income, lim.rate).ok_or_else(|| Error::Overflow {
        field: "income".into(),
    })?;
    w.step(|| Step::MonthlyGross {
        income: input.income,
        rate: rate_entry,
        gross: g,
    });
    let back = input.method == Method::BackPayment;
    let (choice, subsidised_months) = supported_months(p, input, &lim, months_covered, w)?;
    let (per_national, per_local) = if back {
        (0, 0)
    } else {
        (choice.national, choice.local)
    };
    let lines = Lines {
        first: if back {
            pm.plus(0i32.saturating_sub(i32::try_from(months_covered).unwrap_or(0)))
        } else {
            pm
        },
        covered: months_covered,
        subsidised: subsidised_months,
        gross: g,
        national: per_national,
        local: per_local,
    };
    let per_month = lines.per_month();
    let mut totals = lines.totals()?;
    if months_covered > 1 {
        w.step(|| Step::Gross {
            n: i64::from(months_covered),
            monthly: g,
            gross: totals.gross,
            method: input.method,
            regime,
        });
    }
    let fund_rate = settle(p, input, &per_month, &mut totals, w)?;
    w.step(|| Step::Payable { totals });
    Ok(Contribution {
        months_covered,
        income_floor: lim.floor,
        income_ceiling: lim.ceiling,
        gross: totals.gross,
        state_support: totals.state_support,
        local_support: totals.local_support,
        discount: totals.discount,
        interest: totals.interest,
        payable: totals.payable,
        per_month,
        regime: if regime.is_2024() {
            "law_2024"
        } else {
            "law_2014"
        }
        .into(),
        support_category: choice.category,
        subsidised_months,
        fund_rate_monthly: fund_rate,
        payment_month: pm,
        income: input.income,
        method: input.method,
    })
}

/// The support that applies (the highest of the categories, K-9) and how many of the
/// covered months receive it under the lifetime cap (K-8); a back payment has none.
fn supported_months(
    p: &Params,
    input: &ContributionInput,
    lim: &IncomeLimits,
    months_covered: u32,
    w: &mut dyn Sink,
) -> Result<(SupportChoice, u32)> {
    let back = input.method == Method::BackPayment;
    let choice = support::choose(
        p,
        input.payment_month,
        &input.categories,
        input.province.as_deref(),
        lim.rate,
        lim.floor,
    )?;
    let before = subsidised_before(input, &choice)?;
    let subsidised = if back || (choice.national == 0 && choice.local == 0) {
        0
    } else {
        choice.cap.saturating_sub(before).min(months_covered)
    };
    if !back {
        warn_no_local_data(p, input, w);
    }
    report_support(
        p,
        input,
        &choice,
        (back, before, subsidised, months_covered),
        w,
    )?;
    Ok((choice, subsidised))
}

/// The covered months of a payment: the first, how many, how many supported, and the
/// amounts of a month.
struct Lines {
    first: YearMonth,
    covered: u32,
    subsidised: u32,
    gross: Money,
    national: Money,
    local: Money,
}

impl Lines {
    /// Month by month: the first `subsidised` months carry the support.
    fn per_month(&self) -> Vec<MonthLine> {
        (0..self.covered)
            .map(|i| {
                let supported = i < self.subsidised;
                MonthLine {
                    month: self.first.plus(i as i32),
                    gross: self.gross,
                    state_support: if supported { self.national } else { 0 },
                    local_support: if supported { self.local } else { 0 },
                }
            })
            .collect()
    }

    /// The totals before any discount or interest: the net amount is payable.
    fn totals(&self) -> Result<Totals> {
        let overflow = || Error::Overflow {
            field: "income".into(),
        };
        let (n, s) = (i64::from(self.covered), i64::from(self.subsidised));
        let gross = self.gross.checked_mul(n).ok_or_else(overflow)?;
        let state_support = self.national.checked_mul(s).ok_or_else(overflow)?;
        let local_support = self.local.checked_mul(s).ok_or_else(overflow)?;
        let payable = gross
            .checked_sub(state_support)
            .and_then(|x| x.checked_sub(local_support))
            .ok_or_else(overflow)?;
        Ok(Totals {
            gross,
            state_support,
            local_support,
            discount: 0,
            interest: 0,
            payable,
        })
    }
}

/// The months a payment covers: fixed by the method, or the `months` asked for an advance
/// (the allowed lengths, K-18) or a back payment (1 to the maximum).
fn months_covered(p: &Params, input: &ContributionInput) -> Result<u32> {
    let pm = input.payment_month;
    match (input.method.fixed_months(), input.months) {
        (Some(n), None) => Ok(n),
        (Some(n), Some(m)) if m == i64::from(n) => Ok(n),
        (Some(n), Some(m)) => Err(Error::MonthsNotApplicable {
            method: input.method.as_str(),
            implied: n,
            months: m,
        }),
        (None, None) => Err(Error::MissingField {
            field: "months".into(),
        }),
        (None, Some(m)) if input.method == Method::Advance => {
            let allowed = p.advance_months.require(pm, "payment_month")?.value;
            match u32::try_from(m) {
                Ok(m) if allowed.contains(&m) => Ok(m),
                _ => Err(Error::AdvanceMonthsOutOfRange {
                    months: m,
                    allowed: allowed.clone(),
                }),
            }
        }
        (None, Some(m)) => {
            let max = *p
                .back_payment_max_months
                .require(pm, "payment_month")?
                .value;
            match u32::try_from(m) {
                Ok(m) if (1..=max).contains(&m) => Ok(m),
                _ => Err(Error::BackPaymentMonthsOutOfRange { months: m, max }),
            }
        }
    }
}

/// The months already supported, checked against the lifetime cap (K-8).
fn subsidised_before(input: &ContributionInput, choice: &SupportChoice) -> Result<u32> {
    let before = input.subsidised_months_before;
    let cap = if choice.cap > 0 { choice.cap } else { 1200 };
    if before < 0 || (choice.cap > 0 && before > i64::from(choice.cap)) || before > 1200 {
        return Err(Error::SubsidisedMonthsOutOfRange { value: before, cap });
    }
    Ok(u32::try_from(before).unwrap_or(0))
}

/// Discount (advance, K-4) or interest (back payment, K-5) on the month lines; returns the
/// fund rate used. Other methods pay the net amount.
fn settle(
    p: &Params,
    input: &ContributionInput,
    per_month: &[MonthLine],
    totals: &mut Totals,
    w: &mut dyn Sink,
) -> Result<Option<Decimal>> {
    let back = match input.method {
        Method::Advance => false,
        Method::BackPayment => true,
        _ => return Ok(None),
    };
    let regime = Regime::at(input.payment_month);
    let r = fund_rate(p, input, w)?;
    let overflow = || Error::Overflow {
        field: "income".into(),
    };
    let n = per_month.len() as i64;
    if back {
        // K-5: Σ_{i=1..t} (gross_i − support_i)·(1+r)^i, summed exactly, rounded once.
        let net = per_month
            .iter()
            .map(|l| {
                l.gross
                    .checked_sub(l.state_support)
                    .and_then(|x| x.checked_sub(l.local_support))
            })
            .collect::<Option<Vec<Money>>>()
            .ok_or_else(overflow)?;
        let payable = money::round_dong(compounded_sum(&net, r)?).ok_or_else(overflow)?;
        totals.interest = payable.checked_sub(totals.payable).ok_or_else(overflow)?;
        totals.payable = payable;
        let (monthly, gross, interest) = (
            net.first().copied().unwrap_or(0),
            totals.gross,
            totals.interest,
        );
        w.step(|| Step::Interest {
            n,
            monthly,
            rate: r,
            gross,
            interest,
            regime,
        });
    } else {
        // K-4 (amended): MĐ1 = Σ_{i=1..n} 0.22·TN/(1+r)^(i−1) is the discounted contribution;
        // the State pays its support into the fund itself (D159 art. 5.3, art. 6.2), so the
        // participant pays MĐ1 less the nominal support, never below 0.
        let gross: Vec<Money> = per_month.iter().map(|l| l.gross).collect();
        let md1 =
            money::round_dong(discounted_sum(&gross, r, 0..gross.len())?).ok_or_else(overflow)?;
        let support = totals
            .state_support
            .checked_add(totals.local_support)
            .ok_or_else(overflow)?;
        let payable = md1.checked_sub(support).ok_or_else(overflow)?.max(0);
        totals.discount = totals
            .gross
            .checked_sub(support)
            .and_then(|x| x.checked_sub(payable))
            .ok_or_else(overflow)?;
        totals.payable = payable;
        let discount = totals.discount;
        w.step(|| Step::Discount {
            n,
            rate: r,
            md1,
            support,
            payable,
            discount,
            regime,
        });
    }
    Ok(Some(r))
}

/// Σ amounts_i / (1+r)^(i−1) over the months `range` of a payment (0-based: the first month
/// of the payment is undiscounted), summed exactly; the caller rounds once (decision K-1).
///
/// # Errors
/// `overflow`.
pub fn discounted_sum(
    amounts: &[Money],
    r: Decimal,
    range: std::ops::Range<usize>,
) -> Result<Decimal> {
    let overflow = || Error::Overflow {
        field: "income".into(),
    };
    let one_r = Decimal::ONE.checked_add(r).ok_or_else(overflow)?;
    let mut sum = Decimal::ZERO;
    let mut factor = Decimal::ONE;
    for (i, a) in amounts.iter().enumerate().take(range.end) {
        if i > 0 {
            factor = factor.checked_div(one_r).ok_or_else(overflow)?;
        }
        if i >= range.start {
            sum = Decimal::from(*a)
                .checked_mul(factor)
                .and_then(|x| sum.checked_add(x))
                .ok_or_else(overflow)?;
        }
    }
    Ok(sum)
}

/// Σ amounts_i·(1+r)^i, i = 1..t (a back payment, decision K-5), summed exactly.
fn compounded_sum(amounts: &[Money], r: Decimal) -> Result<Decimal> {
    let overflow = || Error::Overflow {
        field: "income".into(),
    };
    let one_r = Decimal::ONE.checked_add(r).ok_or_else(overflow)?;
    let mut sum = Decimal::ZERO;
    let mut factor = Decimal::ONE;
    for a in amounts {
        factor = factor.checked_mul(one_r).ok_or_else(overflow)?;
        sum = Decimal::from(*a)
            .checked_mul(factor)
            .and_then(|x| sum.checked_add(x))
            .ok_or_else(overflow)?;
    }
    Ok(sum)
}

fn fund_rate(p: &Params, input: &ContributionInput, w: &mut dyn Sink) -> Result<Decimal> {
    let pm = input.payment_month;
    if let Some(rate) = input.fund_rate_monthly {
        w.step(|| Step::FundRateGiven { rate });
        return Ok(rate);
    }
    let found = p.fund_rate_monthly.require(pm, "fund_rate_monthly")?;
    if found.extrapolated {
        w.notice(Notice::FundRate {
            payment_year: pm.year(),
            used_year: found.entry.from.year(),
        });
    }
    w.step(|| Step::FundRate {
        year: pm.year(),
        entry: found.entry,
    });
    Ok(*found.value)
}

/// Decision K-9: a province with no top-up in the data for the payment month gets none,
/// and the response says that the engine does not know it rather than that there is none;
/// the other provincial warnings with it (`support::local_notices`).
fn warn_no_local_data(p: &Params, input: &ContributionInput, w: &mut dyn Sink) {
    if let Some(province) = input.province.as_deref() {
        support::local_notices(p, province, input.payment_month, &input.categories, w);
    }
}

/// Reports the support of a payment: none for a back payment; the State's share, the
/// province's, and the supported months.
fn report_support(
    p: &Params,
    input: &ContributionInput,
    c: &SupportChoice,
    (back, before, subsidised, covered): (bool, u32, u32, u32),
    w: &mut dyn Sink,
) -> Result<()> {
    if !w.enabled() {
        return Ok(());
    }
    let pm = input.payment_month;
    let regime = Regime::at(pm);
    if back {
        w.step(|| Step::BackPaymentNoSupport { regime });
        return Ok(());
    }
    let rates = p.state_support_rates.require(pm, "payment_month")?.entry;
    let province = support::local(p, input.province.as_deref(), pm).record;
    w.step(|| Step::StateSupport {
        choice: c.clone(),
        rates,
        rate: p
            .contribution_rate
            .at(pm)
            .map(|f| *f.value)
            .unwrap_or_default(),
        poverty_line: p
            .rural_poverty_line
            .at(pm)
            .map(|f| *f.value)
            .unwrap_or_default(),
        several: input.categories.len() > 1,
        local_category: province.and_then(|pr| pr.local_categories.get(&c.category)),
        regime,
    });
    if let Some(entry) = support::local_entry(p, input.province.as_deref(), pm) {
        w.step(|| Step::LocalSupport {
            choice: c.clone(),
            entry,
        });
    }
    if c.national > 0 || c.local > 0 {
        w.step(|| Step::SubsidisedMonths {
            cap: c.cap,
            before,
            subsidised,
            covered,
            regime,
        });
    }
    Ok(())
}
