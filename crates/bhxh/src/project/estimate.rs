//! Projections: `estimate` ("what will I get?"), `minimum_income` (the inverse question) and
//! `compare` (several variants side by side), with the cost of each payment method.
//!
//! # Legal basis and conventions
//! - Decision K-17: a projection states its assumptions. By default amounts are in
//!   **today's prices**: future contribution years get coefficient 1.00, and parameters keep
//!   today's values except changes already enacted (the 2027 poverty line of K-2 does move
//!   the floor and the support). An assumed annual inflation adds the pension in money of the
//!   pension-start year.
//! - The projection is built from the single calculations: every payment is priced exactly
//!   as the `contribution` calculation prices it (rules A-5, K-4, K-5, K-8), and the pension
//!   is the `pension` calculation on the projected history (Law 41/2024 arts. 98–104).
//! - Fewer than 15 years at retirement age (rules 3.11): by default the projection keeps
//!   contributing past retirement age until 180 months (`"shortfall": "continue"`); with
//!   `"shortfall": "back_payment"` it pays the last missing months (at most 60, Decree
//!   159/2025 art. 7) in one go after retirement age, with interest (K-5).

use crate::contribution::{self, ContributionInput, Method};
use crate::error::{Error, Result};
use crate::history::{History, Period, Scheme};
use crate::input::{self, Fields};
use crate::lump_sum::{self, Reason};
use crate::money::{self, Money};
use crate::parameters::{Age, Params};
use crate::pension::{self, PensionInput};
use crate::retirement::{self, BirthDate, Sex};
use crate::trace::{Cite, Trace};
use crate::YearMonth;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What to do when 15 years are not reached at retirement age.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shortfall {
    /// Keep contributing after retirement age until 180 months.
    Continue,
    /// Pay the last missing months (≤ 60) in one go after retirement age.
    BackPayment,
}

/// Inputs of a projection.
#[derive(Clone, Debug)]
pub struct EstimateInput {
    /// Date of the estimate.
    pub as_of: NaiveDate,
    /// Sex.
    pub sex: Sex,
    /// Birth date.
    pub birth: BirthDate,
    /// Chosen monthly income.
    pub income: Money,
    /// First month contributed.
    pub start: YearMonth,
    /// Payment method.
    pub method: Method,
    /// Advance-payment length (months), for `advance`.
    pub advance_months: u32,
    /// Categories.
    pub categories: Vec<String>,
    /// Province.
    pub province: Option<String>,
    /// Years to contribute (default: until retirement age).
    pub contribution_years: Option<u32>,
    /// Contributions already made.
    pub history: Option<History>,
    /// Policy when 15 years are not reached at retirement age.
    pub shortfall: Shortfall,
    /// Assumed annual inflation, if any.
    pub inflation: Option<Decimal>,
}

const FIELDS: &[&str] = &[
    "as_of",
    "sex",
    "birth_date",
    "start_month",
    "method",
    "months",
    "categories",
    "province",
    "contribution_years",
    "history",
    "assumptions",
    "shortfall",
];

impl EstimateInput {
    /// Reads the fields of an `estimate` request; `income` is read unless `without_income`.
    ///
    /// # Errors
    /// Field errors.
    pub fn read(f: &mut Fields<'_>, without_income: bool) -> Result<Self> {
        let as_of_s = f.str("as_of")?;
        let as_of = parse_date(as_of_s, "as_of")?;
        let sex = Sex::parse(f.str("sex")?, "sex")?;
        let birth = BirthDate::parse(f.str("birth_date")?, "birth_date")?;
        let income = if without_income {
            0
        } else {
            f.money("income")?
        };
        let as_of_month = YearMonth::of_date(as_of).ok_or_else(|| Error::InvalidDate {
            field: "as_of".into(),
            value: as_of_s.into(),
            expected: "YYYY-MM-DD (years 1900–2200)",
        })?;
        let start = f.opt_month("start_month")?.unwrap_or(as_of_month.plus(1));
        if start < as_of_month {
            return Err(Error::ValueOutOfRange {
                field: "start_month".into(),
                value: format!("\"{start}\""),
                expected: format!("a month from {as_of_month} (the month of as_of) on"),
            });
        }
        let method = Method::parse(f.opt_str("method")?.unwrap_or("monthly"))?;
        if method == Method::BackPayment {
            return Err(Error::ValueOutOfRange {
                field: "method".into(),
                value: "\"back_payment\"".into(),
                expected: "a regular method (a back payment is planned by `shortfall`)".into(),
            });
        }
        let months = f.opt_int("months", i64::MIN, i64::MAX)?;
        let advance_months = match (method, months) {
            (Method::Advance, None) => 60,
            (Method::Advance, Some(m)) if [24, 36, 48, 60].contains(&m) => m as u32,
            (Method::Advance, Some(m)) => {
                return Err(Error::AdvanceMonthsOutOfRange {
                    months: m,
                    allowed: vec![24, 36, 48, 60],
                })
            }
            (m, Some(x)) if m.fixed_months() != Some(x as u32) || x < 0 => {
                return Err(Error::MonthsNotApplicable {
                    method: m.name(),
                    implied: m.fixed_months().unwrap_or(1),
                    months: x,
                })
            }
            _ => 0,
        };
        let categories = crate::io::read::categories(f)?;
        let province = crate::io::read::province(f)?;
        let contribution_years = f.opt_int("contribution_years", 1, 60)?.map(|y| y as u32);
        let history = if f.has_history() {
            Some(f.history(Some((start.plus(-1), "start_month")))?)
        } else {
            None
        };
        let shortfall = match f.opt_str("shortfall")? {
            None | Some("continue") => Shortfall::Continue,
            Some("back_payment") => Shortfall::BackPayment,
            Some(s) => {
                return Err(Error::ValueOutOfRange {
                    field: "shortfall".into(),
                    value: format!("{s:?}"),
                    expected: "\"continue\" or \"back_payment\"".into(),
                })
            }
        };
        let inflation = match f.get("assumptions") {
            None => None,
            Some(a) => {
                let mut af = Fields::new(a, "assumptions")?;
                af.only(&["annual_inflation"])?;
                af.opt_decimal(
                    "annual_inflation",
                    Decimal::ZERO,
                    Decimal::new(5, 1),
                    "from \"0\" to \"0.5\"",
                )?
            }
        };
        Ok(EstimateInput {
            as_of,
            sex,
            birth,
            income,
            start,
            method,
            advance_months,
            categories,
            province,
            contribution_years,
            history,
            shortfall,
            inflation,
        })
    }
}

fn parse_date(s: &str, field: &str) -> Result<NaiveDate> {
    let ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    let d = if ok {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    } else {
        None
    };
    d.filter(|d| YearMonth::of_date(*d).is_some())
        .ok_or_else(|| Error::InvalidDate {
            field: field.into(),
            value: s.into(),
            expected: "YYYY-MM-DD",
        })
}

/// One payment of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    /// Payment month.
    pub month: YearMonth,
    /// Months covered.
    pub months: u32,
    /// Payable by the participant.
    pub payable: Money,
    /// State + provincial support.
    pub support: Money,
    /// National support part.
    pub state: Money,
    /// Provincial part.
    pub local: Money,
    /// Income used.
    pub income: Money,
}

/// A year of the schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearLine {
    /// Calendar year of the payments.
    pub year: i32,
    /// Months covered by the payments made that year.
    pub months: u32,
    /// Paid by the participant.
    pub paid: Money,
    /// State and provincial support.
    pub support: Money,
    /// Paid so far.
    pub cumulative_paid: Money,
}

/// What one payment method costs for the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodCost {
    /// Method.
    pub method: Method,
    /// Months per payment.
    pub months_per_payment: u32,
    /// Total paid by the participant for the regular months of the plan.
    pub total_paid: Money,
    /// Saving against paying monthly (negative: costs more).
    pub saving_vs_monthly: Money,
}

/// A period of the projected history (as in a `pension` request).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodOut {
    /// First month.
    pub from: YearMonth,
    /// Last month.
    pub to: YearMonth,
    /// Income.
    pub income: Money,
    /// `voluntary` / `compulsory`.
    pub scheme: String,
    /// Back-paid.
    pub back_paid: bool,
}

/// The first payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstPayment {
    /// Payment month.
    pub month: YearMonth,
    /// Months covered.
    pub months: u32,
    /// Payable.
    pub payable: Money,
}

/// Result of an `estimate`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    /// Whether the projected history gives a pension.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// First day of the pension.
    pub pension_start: Option<NaiveDate>,
    /// Retirement age that applies.
    pub retirement_age: Age,
    /// Month it is reached.
    pub age_reached_month: YearMonth,
    /// Total months (existing + planned + back-paid).
    pub contribution_months: u32,
    /// The participant's own payments over the plan.
    pub total_paid: Money,
    /// State and provincial support over the plan.
    pub total_support: Money,
    /// Pension rate.
    pub rate: Decimal,
    /// Average monthly income of the projected history (Mbq).
    pub average_income: Money,
    /// Monthly pension (today's prices).
    pub monthly_pension: Money,
    /// The same in money of the pension-start year, when an inflation is assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_pension_nominal: Option<Money>,
    /// One-time allowance on retirement.
    pub retirement_allowance: Money,
    /// What a lump-sum withdrawal would pay instead, where the law allows one.
    pub lump_sum_alternative: Money,
    /// The withdrawal reason that allows it (`emigration` when a pension is due,
    /// `retirement_age_without_pension` otherwise).
    pub lump_sum_reason: String,
    /// Age at which pensions received cover `total_paid` (less the allowance).
    pub break_even_age: Option<Age>,
    /// Funeral allowance the family would receive (today's reference level).
    pub funeral_allowance: Money,
    /// Pensioners receive a free health-insurance card.
    pub health_insurance: bool,
    /// Assumptions applied.
    pub assumptions: Value,
    /// Payments by calendar year.
    pub schedule: Vec<YearLine>,
    /// The first payment.
    pub first_payment: FirstPayment,
    /// First payment per month covered.
    pub monthly_payment: Money,
    /// National support per month at the start.
    pub state_support_per_month: Money,
    /// Provincial support per month at the start.
    pub local_support_per_month: Money,
    /// Income floor at the start.
    pub income_floor: Money,
    /// Income ceiling at the start.
    pub income_ceiling: Money,
    /// Cost of the plan under each payment method.
    pub method_costs: Vec<MethodCost>,
    /// The projected history the pension is computed from.
    pub projected_history: Vec<PeriodOut>,
}

/// The regular months of the plan and the back payment, if any.
struct Plan {
    first: YearMonth,
    last: Option<YearMonth>,
    back: Option<(YearMonth, u32)>,
}

fn plan(
    p: &Params,
    i: &EstimateInput,
    reached: YearMonth,
    existing: u32,
    t: &mut Trace,
) -> Result<Plan> {
    let first = i.start;
    let min = *p
        .pension_min_months
        .require(crate::month::LAW_2024_START, "start_month")?
        .value;
    let mut last = match i.contribution_years {
        Some(y) => Some(first.plus(12 * y as i32 - 1)),
        None if reached >= first => Some(reached),
        None => None,
    };
    let planned = |l: Option<YearMonth>| l.map_or(0, |l| (l.months_since(first) + 1) as u32);
    let mut back = None;
    if i.contribution_years.is_none() {
        let total = existing + planned(last);
        if total < min {
            let mut short = min - total;
            if i.shortfall == Shortfall::BackPayment {
                let max = *p
                    .back_payment_max_months
                    .require(reached.max(first), "shortfall")?
                    .value;
                let extra = short.saturating_sub(max);
                if extra > 0 {
                    last =
                        Some(last.map_or(first.plus(extra as i32 - 1), |l| l.plus(extra as i32)));
                }
                short -= extra;
                let pay_month = last.map_or(first, |l| l.plus(1)).max(reached);
                back = Some((pay_month, short));
            } else {
                last = Some(last.map_or(first.plus(short as i32 - 1), |l| l.plus(short as i32)));
            }
            let (s, b) = (min - total, back);
            t.step("shortfall", s, Cite::Law("Law 41/2024/QH15 art. 98, art. 36.2.e; Decree 159/2025/NĐ-CP art. 7; rules 3.11; decision K-17"), |w| {
                match b {
                    Some((m, n)) => {
                        w.formula(format_args!("{s} months short at retirement age → back payment of {n} months in {m}"));
                        w.vi(format_args!("Đến tuổi nghỉ hưu còn thiếu {s} tháng: đóng một lần {n} tháng còn thiếu vào {} để hưởng lương hưu.", m.to_vi()));
                        w.en(format_args!("{s} months short at retirement age: a one-time payment for {n} missing months in {m} completes 15 years."));
                    }
                    None => {
                        w.formula(format_args!("{s} months short at retirement age → keep contributing {s} months"));
                        w.vi(format_args!("Đến tuổi nghỉ hưu còn thiếu {s} tháng: tiếp tục đóng thêm {s} tháng sau tuổi nghỉ hưu để đủ 15 năm."));
                        w.en(format_args!("{s} months short at retirement age: contributing {s} more months after retirement age completes 15 years."));
                    }
                }
            });
        }
    }
    Ok(Plan { first, last, back })
}

/// Law 41/2024 art. 141.9 (rules P-2): someone who joined before 2021 may retire at 60 (men)
/// / 55 (women) once they have 20 years of voluntary contributions. When that comes before
/// the roadmap age, a plan "until retirement age" ends there (the `pension` calculation on
/// the projected history then applies the same rule).
fn transitional_end(i: &EstimateInput, roadmap: YearMonth, t: &mut Trace) -> YearMonth {
    let Some(h) = &i.history else { return roadmap };
    let y2021 = crate::month::january(2021);
    if i.contribution_years.is_some() || h.first_voluntary().is_none_or(|m| m >= y2021) {
        return roadmap;
    }
    let years = if i.sex == Sex::Male { 60 } else { 55 };
    let alt = i.birth.month().plus(12 * years);
    let need = 240u32.saturating_sub(h.months_of(Scheme::Voluntary));
    let twenty = if need == 0 {
        i.start.plus(-1)
    } else {
        i.start.plus(need as i32 - 1)
    };
    let end = alt.max(twenty);
    if end >= roadmap {
        return roadmap;
    }
    t.step("transitional_plan", end.to_string(), Cite::Law("Law 41/2024/QH15 art. 141.9; rules P-2"), |w| {
        w.formula(format_args!("joined before 2021; age {years} in {alt}; 240 voluntary months in {twenty} → plan ends {end}"));
        w.vi(format_args!("Tham gia trước năm 2021 nên được nghỉ hưu khi đủ {years} tuổi và đủ 20 năm đóng tự nguyện: dự tính đóng đến {}.", end.to_vi()));
        w.en(format_args!("Joined before 2021, so the pension may start at {years} with 20 years of voluntary contributions: the plan runs until {end}."));
    });
    end
}

/// The parameter assumption in words, from the data actually used (overlays included).
fn parameters_assumption(p: &Params, from: YearMonth) -> String {
    let changes: Vec<String> = p
        .rural_poverty_line
        .values
        .iter()
        .filter(|e| e.from > from)
        .filter_map(|e| {
            e.value.map(|v| {
                format!(
                    "rural poverty line {} from {}",
                    money::group(v, ','),
                    e.from
                )
            })
        })
        .collect();
    if changes.is_empty() {
        "today's values; later months keep them".into()
    } else {
        format!(
            "enacted values ({}); later months keep today's values",
            changes.join(", ")
        )
    }
}

/// The earliest month after `m` at which a parameter used by a monthly quote changes.
fn epoch_end(p: &Params, m: YearMonth, province: Option<&str>) -> YearMonth {
    let mut end = YearMonth::new(crate::month::MAX_YEAR, 12).unwrap_or(m);
    let mut see = |f: Option<YearMonth>| {
        if let Some(f) = f {
            end = end.min(f);
        }
    };
    macro_rules! next {
        ($s:expr) => {
            see($s.values.iter().map(|e| e.from).find(|f| *f > m))
        };
    }
    next!(p.contribution_rate);
    next!(p.rural_poverty_line);
    next!(p.reference_level);
    next!(p.income_ceiling_multiple);
    next!(p.income_step);
    next!(p.state_support_rates);
    next!(p.support_cap_months);
    next!(p.fund_rate_monthly);
    if let Some(pr) = province.and_then(|s| p.local_support.provinces.get(s)) {
        see(pr.values.iter().map(|e| e.from).find(|f| *f > m));
    }
    end
}

/// The income used in payment month `m`: the chosen one, raised to the floor when an
/// enacted poverty line overtakes it (K-17 assumption, reported in a warning).
fn income_at(p: &Params, income: Money, m: YearMonth) -> Money {
    match p.rural_poverty_line.at(m) {
        Some(floor) if income < *floor.value => {
            // The lowest valid income: the floor rounded up to the step (K-3).
            let step = p.income_step.at(m).map_or(1, |s| *s.value).max(1);
            (floor.value + step - 1) / step * step
        }
        _ => income,
    }
}

/// Prices the regular months `first..=last` with `method`, starting from `subsidised`
/// months already supported. Every payment equals the `contribution` calculation's.
#[allow(clippy::too_many_arguments)]
fn price(
    p: &Params,
    i: &EstimateInput,
    method: Method,
    advance_months: u32,
    first: YearMonth,
    last: YearMonth,
    subsidised: u32,
    w: &mut Trace,
) -> Result<Vec<Payment>> {
    let mut quiet = Trace::new(false);
    let r = price_quiet(
        p,
        i,
        method,
        advance_months,
        first,
        last,
        subsidised,
        &mut quiet,
    );
    w.absorb(quiet);
    r
}

#[allow(clippy::too_many_arguments)]
fn price_quiet(
    p: &Params,
    i: &EstimateInput,
    method: Method,
    advance_months: u32,
    first: YearMonth,
    last: YearMonth,
    mut subsidised: u32,
    w: &mut Trace,
) -> Result<Vec<Payment>> {
    let mut out = Vec::new();
    let mut m = first;
    // Monthly quotes are cached per parameter epoch (identical to `contribution`).
    let mut epoch: Option<(YearMonth, Money, contribution::Contribution)> = None;
    #[allow(clippy::type_complexity)]
    let mut blocks: Option<(
        YearMonth,
        Money,
        Method,
        u32,
        bool,
        contribution::Contribution,
    )> = None;
    while m <= last {
        let remaining = (last.months_since(m) + 1) as u32;
        let (meth, n) = match method {
            Method::Advance if remaining >= advance_months => (Method::Advance, advance_months),
            Method::Advance if remaining >= 24 => (Method::Advance, remaining / 12 * 12),
            Method::Advance | Method::Every12Months if remaining >= 12 => {
                (Method::Every12Months, 12)
            }
            Method::Every6Months if remaining >= 6 => (Method::Every6Months, 6),
            Method::Every3Months if remaining >= 3 => (Method::Every3Months, 3),
            _ => (Method::Monthly, 1),
        };
        let income = income_at(p, i.income, m);
        if meth == Method::Monthly {
            let fresh = match &epoch {
                Some((end, inc, _)) => m >= *end || *inc != income,
                None => true,
            };
            if fresh {
                let c = quote(p, i, m, income, Method::Monthly, 1, 0, w)?;
                epoch = Some((epoch_end(p, m, i.province.as_deref()), income, c));
            }
            if let Some((_, _, c)) = &epoch {
                let cap = support_cap(p, m);
                let line = &c.per_month[0];
                let (s, l) = if subsidised < cap {
                    (line.state_support, line.local_support)
                } else {
                    (0, 0)
                };
                if s + l > 0 {
                    subsidised += 1;
                }
                out.push(Payment {
                    month: m,
                    months: 1,
                    payable: line.gross - s - l,
                    support: s + l,
                    state: s,
                    local: l,
                    income,
                });
            }
        } else {
            // Blocks in the same parameter epoch, with the same income and length and the
            // same support state (all months supported, or none), cost the same: reuse.
            let cap = support_cap(p, m);
            let state = if subsidised >= cap {
                Some(false)
            } else if cap - subsidised >= n {
                Some(true)
            } else {
                None
            };
            let reuse = match (&blocks, state) {
                (Some((end, inc, bm, bn, bs, c)), Some(st))
                    if m < *end && *inc == income && *bm == meth && *bn == n && *bs == st =>
                {
                    Some(c.clone())
                }
                _ => None,
            };
            let c = match reuse {
                Some(c) => c,
                None => {
                    let c = quote(p, i, m, income, meth, n, subsidised, w)?;
                    if let Some(st) = state {
                        blocks = Some((
                            epoch_end(p, m, i.province.as_deref()),
                            income,
                            meth,
                            n,
                            st,
                            c.clone(),
                        ));
                    }
                    c
                }
            };
            subsidised += c.subsidised_months;
            out.push(Payment {
                month: m,
                months: n,
                payable: c.payable,
                support: c.state_support + c.local_support,
                state: c.state_support,
                local: c.local_support,
                income,
            });
        }
        m = m.plus(n as i32);
    }
    Ok(out)
}

fn support_cap(p: &Params, m: YearMonth) -> u32 {
    p.support_cap_months.at(m).map_or(0, |f| *f.value)
}

#[allow(clippy::too_many_arguments)]
fn quote(
    p: &Params,
    i: &EstimateInput,
    m: YearMonth,
    income: Money,
    method: Method,
    n: u32,
    subsidised: u32,
    warnings: &mut Trace,
) -> Result<contribution::Contribution> {
    let input = ContributionInput {
        payment_month: m,
        income,
        method,
        months: matches!(method, Method::Advance | Method::BackPayment).then_some(i64::from(n)),
        categories: i.categories.clone(),
        province: i.province.clone(),
        subsidised_months_before: i64::from(subsidised),
        fund_rate_monthly: None,
    };
    // `warnings` must be a trace with steps disabled: only its warnings are kept.
    contribution::compute(p, &input, warnings)
}

/// Runs a projection.
///
/// # Errors
/// The input errors of the single calculations (`income_below_floor` at the start, …).
pub fn project(p: &Params, i: &EstimateInput, t: &mut Trace) -> Result<Estimate> {
    project_with(p, i, t, true)
}

/// [`project`], optionally without the per-method costs (the inner loops of
/// `minimum_income` and `compare` do not need them).
///
/// # Errors
/// As [`project`].
pub fn project_with(
    p: &Params,
    i: &EstimateInput,
    t: &mut Trace,
    with_costs: bool,
) -> Result<Estimate> {
    let birth = i.birth.month();
    let (_, reached, _) = retirement::reached(p, i.sex, birth, "birth_date")?;
    let existing_months = i.history.as_ref().map_or(0, History::months);
    let (existing_subsidised, existing_support) = match &i.history {
        Some(h) => {
            let paid = h.payments(p, "history")?;
            (paid.subsidised_months, paid.state + paid.local)
        }
        None => (0, 0),
    };
    // The chosen income must be valid at the start (K-3: no silent clamp).
    let mut probe = Trace::new(false);
    let lim = contribution::income_limits(p, i.start, "start_month", &mut probe)?;
    contribution::check_income(i.income, &lim, i.start)?;
    let reached = transitional_end(i, reached, t);
    let pl = plan(p, i, reached, existing_months, t)?;
    let payments = match pl.last {
        Some(last) if last >= pl.first => price(
            p,
            i,
            i.method,
            i.advance_months,
            pl.first,
            last,
            existing_subsidised,
            t,
        )?,
        _ => Vec::new(),
    };
    if payments.iter().any(|x| x.income != i.income) {
        if let Some(x) = payments.iter().find(|x| x.income != i.income) {
            t.warn(
                "income_raised_to_floor",
                format!("from {} the rural poverty line ({}) is above the chosen income; the projection assumes the income is raised to it (decisions K-2, K-17)", x.month, money::en(x.income)),
                format!("từ {} chuẩn hộ nghèo ({}) cao hơn thu nhập đã chọn; dự tính giả định thu nhập được nâng lên bằng mức này (quyết định K-2, K-17)", x.month.to_vi(), money::vi(x.income)),
            );
        }
    }
    // Back payment (K-5), priced like the `contribution` calculation.
    let back = match pl.back {
        Some((m, n)) if n > 0 => {
            let inc = income_at(p, i.income, m);
            let mut quiet = Trace::new(false);
            let c = quote(p, i, m, inc, Method::BackPayment, n, 0, &mut quiet)?;
            t.absorb(quiet);
            Some((m, n, inc, c.payable))
        }
        _ => None,
    };
    // The projected history.
    let mut periods: Vec<Period> = i
        .history
        .as_ref()
        .map_or_else(Vec::new, |h| h.periods.clone());
    let base_index = periods.len();
    let push = |from: YearMonth,
                to: YearMonth,
                income: Money,
                back_paid: bool,
                periods: &mut Vec<Period>| {
        let index = base_index + periods.len();
        periods.push(Period {
            from,
            to,
            income,
            scheme: Scheme::Voluntary,
            back_paid,
            categories: i.categories.clone(),
            province: i.province.clone(),
            index,
        });
    };
    let mut k = 0;
    while k < payments.len() {
        let inc = payments[k].income;
        let from = payments[k].month;
        let mut to = from.plus(payments[k].months as i32 - 1);
        k += 1;
        while k < payments.len() && payments[k].income == inc {
            to = payments[k].month.plus(payments[k].months as i32 - 1);
            k += 1;
        }
        push(from, to, inc, false, &mut periods);
    }
    if let Some((_, n, inc, _)) = back {
        // Back-paid months are not calendar months; they are placed just before the first
        // month of the history as labels (coefficient 1.00 either way, K-5).
        let first = periods.iter().map(|x| x.from).min().unwrap_or(i.start);
        push(
            first.plus(-(n as i32)),
            first.plus(-1),
            inc,
            true,
            &mut periods,
        );
    }
    periods.sort_by_key(|x| x.from);
    let history = History { periods };
    let claim = back.map(|(m, _, _, _)| m.plus(1));
    let pin = PensionInput {
        sex: i.sex,
        birth: i.birth,
        history: history.clone(),
        claim_month: claim,
    };
    let outcome = pension::evaluate(p, &pin, t)?;
    let pen = &outcome.pension;

    let total_paid: Money =
        payments.iter().map(|x| x.payable).sum::<Money>() + back.map_or(0, |b| b.3);
    let total_support: Money = payments.iter().map(|x| x.support).sum();
    // Schedule by calendar year of payment.
    let mut schedule: Vec<YearLine> = Vec::new();
    let mut cumulative = 0;
    let mut cash: Vec<(YearMonth, u32, Money, Money)> = payments
        .iter()
        .map(|x| (x.month, x.months, x.payable, x.support))
        .collect();
    if let Some((m, n, _, pay)) = back {
        cash.push((m, n, pay, 0));
    }
    for (m, n, pay, sup) in cash {
        cumulative += pay;
        match schedule.last_mut() {
            Some(y) if y.year == m.year() => {
                y.months += n;
                y.paid += pay;
                y.support += sup;
                y.cumulative_paid = cumulative;
            }
            _ => schedule.push(YearLine {
                year: m.year(),
                months: n,
                paid: pay,
                support: sup,
                cumulative_paid: cumulative,
            }),
        }
    }
    // Start-of-plan figures.
    let first = payments.first().cloned().unwrap_or(Payment {
        month: i.start,
        months: 0,
        payable: 0,
        support: 0,
        state: 0,
        local: 0,
        income: i.income,
    });
    let monthly_payment = if first.months > 0 {
        money::div_round_half_away(i128::from(first.payable), i128::from(first.months)) as Money
    } else {
        0
    };
    let per_month = |x: Money| {
        if first.months > 0 {
            x / i64::from(first.months)
        } else {
            0
        }
    };

    // Lump-sum alternative.
    let start_month = pen
        .pension_start
        .and_then(YearMonth::of_date)
        .unwrap_or_else(|| history.last().plus(1).max(reached.plus(1)));
    let (reason, lump) = if pen.eligible {
        (Reason::Emigration, "emigration")
    } else {
        (Reason::RetirementAge, "retirement_age_without_pension")
    };
    // The support actually received (K-10): the existing history's, month by month, plus
    // the plan's, priced at the payment months.
    let received = existing_support + total_support;
    let mut quiet = Trace::new(false);
    let ls = lump_sum::evaluate(
        p,
        reason,
        start_month,
        &history,
        Some(received),
        Some((i.sex, i.birth)),
        &mut quiet,
    )?;
    let lump_amount = if ls.eligible { ls.amount } else { 0 };
    t.step("lump_sum_alternative", lump_amount, Cite::Law("Law 41/2024/QH15 art. 102"), |w| {
        w.formula(format_args!("lump sum ({lump}) settled {start_month} = {lump_amount}"));
        w.vi(if pen.eligible {
                format!("Người đủ điều kiện hưởng lương hưu chỉ được nhận BHXH một lần khi ra nước ngoài định cư hoặc mắc bệnh hiểm nghèo; khi đó nhận khoảng {}.", money::vi(lump_amount))
            } else {
                format!("Nếu không đủ điều kiện hưởng lương hưu, có thể nhận BHXH một lần: {}.", money::vi(lump_amount))
            });
        w.en(if pen.eligible {
                format!("With a pension due, a lump sum is only allowed on emigration or serious illness; it would be about {}.", money::en(lump_amount))
            } else {
                format!("Without a pension, a lump-sum withdrawal would pay {}.", money::en(lump_amount))
            });
    });
    // Break-even age.
    let break_even = if pen.eligible && pen.monthly_pension > 0 {
        let to_cover = (total_paid - pen.retirement_allowance).max(0);
        let k = (to_cover + pen.monthly_pension - 1) / pen.monthly_pension;
        let month = start_month.plus(k.max(1) as i32 - 1);
        let months = month.months_since(birth).max(0) as u32;
        let a = Age {
            years: months / 12,
            months: months % 12,
        };
        t.step("break_even_age", format!("{}y{}m", a.years, a.months), Cite::Law("decision K-17"), |w| {
            w.formula(format_args!("ceil(({total_paid} − {}) / {}) = {k} months from {start_month}", pen.retirement_allowance, pen.monthly_pension));
            w.vi(format_args!("Sau {k} tháng nhận lương hưu (đến {} tuổi {} tháng), tổng lương hưu đã nhận bằng số tiền đã đóng {} (giá hiện tại).", a.years, a.months, money::vi(total_paid)));
            w.en(format_args!("After {k} months of pension (at age {} years {} months) the pensions received equal the {} paid (today's prices).", a.years, a.months, money::en(total_paid)));
        });
        Some(a)
    } else {
        None
    };
    // Funeral allowance at the pension start (today's reference level).
    let funeral = {
        let r = p.reference_level.require(start_month, "start_month")?;
        let mul = p
            .funeral_allowance_multiple
            .require(start_month, "start_month")?;
        let min = *p
            .funeral_min_months
            .require(start_month, "start_month")?
            .value;
        if pen.eligible || history.months() >= min {
            mul.value * r.value
        } else {
            0
        }
    };
    let nominal = match (i.inflation, pen.pension_start) {
        (Some(inf), Some(start)) => {
            let years = (chrono::Datelike::year(&start) - chrono::Datelike::year(&i.as_of)).max(0);
            let mut f = Decimal::ONE;
            for _ in 0..years {
                f *= Decimal::ONE + inf;
            }
            money::round_dong(Decimal::from(pen.monthly_pension) * f)
        }
        _ => None,
    };
    let mut assumptions = serde_json::json!({
        "prices": if i.inflation.is_some() { "today_and_nominal" } else { "today" },
        "future_coefficients": "1.00",
        "parameters": parameters_assumption(p, i.start),
        "income": "constant, raised to the rural poverty line when an enacted line overtakes it",
        "shortfall": match i.shortfall { Shortfall::Continue => "continue", Shortfall::BackPayment => "back_payment" },
        "decision": "K-17",
    });
    if let Some(inf) = i.inflation {
        assumptions["annual_inflation"] = Value::String(inf.to_string());
    }
    // Method costs for the regular months.
    let mut method_costs = Vec::new();
    if let Some(last) = pl.last.filter(|l| with_costs && *l >= pl.first) {
        let mut monthly_total = 0;
        for (m, n) in [
            (Method::Monthly, 1),
            (Method::Every3Months, 3),
            (Method::Every6Months, 6),
            (Method::Every12Months, 12),
            (Method::Advance, 60),
        ] {
            let mut quiet = Trace::new(false);
            let pays = price(p, i, m, n, pl.first, last, existing_subsidised, &mut quiet)?;
            let total: Money = pays.iter().map(|x| x.payable).sum();
            if m == Method::Monthly {
                monthly_total = total;
            }
            method_costs.push(MethodCost {
                method: m,
                months_per_payment: n,
                total_paid: total,
                saving_vs_monthly: monthly_total - total,
            });
        }
    }
    let projected_history = history
        .periods
        .iter()
        .map(|x| PeriodOut {
            from: x.from,
            to: x.to,
            income: x.income,
            scheme: if x.scheme == Scheme::Voluntary {
                "voluntary".into()
            } else {
                "compulsory".into()
            },
            back_paid: x.back_paid,
        })
        .collect();
    t.step(
        "total_paid",
        total_paid,
        Cite::Law("Law 41/2024/QH15 art. 36; decisions K-4, K-5, K-8, K-17"),
        |w| {
            w.formula(format_args!(
                "Σ payable over {} payments = {total_paid}; support {total_support}",
                payments.len() + usize::from(back.is_some())
            ));
            w.vi(format_args!(
                "Tổng số tiền người tham gia đóng: {}; Nhà nước và địa phương hỗ trợ: {}.",
                money::vi(total_paid),
                money::vi(total_support)
            ));
            w.en(format_args!(
                "The participant pays {} in total; the State and the province add {}.",
                money::en(total_paid),
                money::en(total_support)
            ));
        },
    );
    Ok(Estimate {
        eligible: pen.eligible,
        reason: pen.reason.clone(),
        pension_start: pen.pension_start,
        retirement_age: pen.retirement_age,
        age_reached_month: pen.age_reached_month,
        contribution_months: pen.contribution_months,
        total_paid,
        total_support,
        rate: pen.rate,
        average_income: pen.average_income,
        monthly_pension: pen.monthly_pension,
        monthly_pension_nominal: nominal,
        retirement_allowance: pen.retirement_allowance,
        lump_sum_alternative: lump_amount,
        lump_sum_reason: lump.into(),
        break_even_age: break_even,
        funeral_allowance: funeral,
        health_insurance: pen.eligible,
        assumptions,
        schedule,
        first_payment: FirstPayment {
            month: first.month,
            months: first.months,
            payable: first.payable,
        },
        monthly_payment,
        state_support_per_month: per_month(first.state),
        local_support_per_month: per_month(first.local),
        income_floor: lim.floor,
        income_ceiling: lim.ceiling,
        method_costs,
        projected_history,
    })
}

/// Computes an `estimate` request.
///
/// # Errors
/// As [`project`] plus field errors.
pub fn compute(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<Estimate> {
    let i = EstimateInput::read(f, false)?;
    project(p, &i, t)
}

/// The known fields of an `estimate` request (besides the envelope).
pub fn fields() -> Vec<&'static str> {
    let mut v = FIELDS.to_vec();
    v.push("income");
    v
}

/// The known fields of a `minimum_income` request (besides the envelope).
pub fn minimum_fields() -> Vec<&'static str> {
    let mut v = FIELDS.to_vec();
    v.push("target_monthly_pension");
    v
}

/// Result of `minimum_income`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinimumIncome {
    /// The smallest valid income on the step that reaches the target.
    pub income: Money,
    /// The pension at that income.
    pub monthly_pension: Money,
    /// What the participant pays per month at that income (first payment).
    pub payable_per_month: Money,
    /// The pension one step lower (0 at the floor).
    pub monthly_pension_one_step_lower: Money,
    /// The target.
    pub target_monthly_pension: Money,
}

/// Computes a `minimum_income` request by bisection on the income step (the pension is
/// non-decreasing in income; a property test checks the answer reaches the target and the
/// step below does not).
///
/// # Errors
/// `target_unreachable` when the ceiling does not reach the target, and the estimate errors.
pub fn compute_minimum(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<MinimumIncome> {
    let target = f.money("target_monthly_pension")?;
    let mut i = EstimateInput::read(f, true)?;
    let mut probe = Trace::new(false);
    let lim = contribution::income_limits(p, i.start, "start_month", &mut probe)?;
    let step = lim.step;
    let lo_steps = (lim.floor + step - 1) / step;
    let hi_steps = lim.ceiling / step;
    let pension_at = |steps: i64, i: &mut EstimateInput| -> Result<(Money, Money)> {
        i.income = steps * step;
        let mut quiet = Trace::new(false);
        let e = project_with(p, i, &mut quiet, false)?;
        Ok((
            if e.eligible { e.monthly_pension } else { 0 },
            e.monthly_payment,
        ))
    };
    let (best, _) = pension_at(hi_steps, &mut i)?;
    if best < target {
        return Err(Error::TargetUnreachable {
            target,
            best,
            ceiling: hi_steps * step,
        });
    }
    let (mut lo, mut hi) = (lo_steps, hi_steps); // pension(hi) ≥ target
    let (at_lo, _) = pension_at(lo, &mut i)?;
    if at_lo >= target {
        hi = lo;
    } else {
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if pension_at(mid, &mut i)?.0 >= target {
                hi = mid;
            } else {
                lo = mid;
            }
        }
    }
    let (pension, pay) = pension_at(hi, &mut i)?;
    let lower = if hi > lo_steps {
        pension_at(hi - 1, &mut i)?.0
    } else {
        0
    };
    let income = hi * step;
    t.step("minimum_income", income, Cite::Law("Law 41/2024/QH15 art. 31.2, art. 99, art. 104; decisions K-3, K-17"), |w| {
        w.formula(format_args!("smallest income on the {step} step with pension ≥ {target}: {income} → {pension} (one step lower: {lower})"));
        w.vi(format_args!("Thu nhập thấp nhất (bội số {}) để lương hưu đạt {}: {} — lương hưu {}, mỗi tháng đóng {}.", money::vi(step), money::vi(target), money::vi(income), money::vi(pension), money::vi(pay)));
        w.en(format_args!("The lowest income (on the {} step) reaching a pension of {}: {} — pension {}, paying {} a month.", money::en(step), money::en(target), money::en(income), money::en(pension), money::en(pay)));
    });
    Ok(MinimumIncome {
        income,
        monthly_pension: pension,
        payable_per_month: pay,
        monthly_pension_one_step_lower: lower,
        target_monthly_pension: target,
    })
}

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
    let variants = input::array(
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
    let known = fields();
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
            vf.only(&known)?; // (the base was checked by the same list)
            let i = EstimateInput::read(&mut vf, false)?;
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
