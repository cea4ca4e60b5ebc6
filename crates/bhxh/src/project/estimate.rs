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

use super::plan::{self, Payment};
use crate::calc::contribution::{self, Method};
use crate::calc::history::{History, Period, Scheme};
use crate::calc::lump_sum::{self, Reason};
use crate::calc::pension::{self, Pension, PensionInput};
use crate::calc::retirement::{self, BirthDate, Sex};
use crate::calc::work::Discard;
use crate::error::{Error, Result};
use crate::explain::trace::{Cite, Trace};
use crate::law::parameters::{Age, Params};
use crate::money::{self, Money};
use crate::YearMonth;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

named! {
    /// What to do when 15 years are not reached at retirement age.
    pub enum Shortfall {
        /// Keep contributing after retirement age until 180 months.
        Continue = "continue",
        /// Pay the last missing months (≤ 60) in one go after retirement age.
        BackPayment = "back_payment",
    }
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

/// A year of the schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    /// Whether the projected history gives a pension.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
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
    #[cfg_attr(feature = "schema", schemars(with = "Money"))]
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

/// Runs a projection.
///
/// # Errors
/// The input errors of the single calculations (`income_below_floor` at the start, …).
pub fn project(p: &Params, i: &EstimateInput, t: &mut Trace) -> Result<Estimate> {
    project_with(p, i, t, true)
}

/// What the history given already holds.
struct Existing {
    months: u32,
    subsidised: u32,
    support: Money,
}

/// The regular payments and the back payment `(month, months, income, payable)`.
struct Payments {
    regular: Vec<Payment>,
    back: Option<(YearMonth, u32, Money, Money)>,
}

impl Payments {
    fn total_paid(&self) -> Money {
        self.regular.iter().map(|x| x.payable).sum::<Money>() + self.back.map_or(0, |b| b.3)
    }

    fn total_support(&self) -> Money {
        self.regular.iter().map(|x| x.support).sum()
    }
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
    check_plan(p, i)?;
    let (_, roadmap, _) = retirement::reached(p, i.sex, i.birth.month(), "birth_date")?;
    let existing = existing(p, i)?;
    // The chosen income must be valid at the start (K-3: no silent clamp).
    let lim = contribution::income_limits(p, i.start, "start_month", &mut Discard)?;
    contribution::check_income(i.income, &lim, i.start)?;
    let reached = plan::transitional_end(p, i, roadmap, t);
    let pl = plan::plan(p, i, reached, existing.months, t)?;
    let pays = payments(p, i, &pl, existing.subsidised, t)?;
    let history = projected_history(i, &pays);
    let claim = pays.back.map(|(m, _, _, _)| m.plus(1));
    let pin = PensionInput {
        sex: i.sex,
        birth: i.birth,
        history: history.clone(),
        claim_month: claim,
    };
    let pen = pension::evaluate(p, &pin, t)?.pension;
    let (total_paid, total_support) = (pays.total_paid(), pays.total_support());
    let start_month = pen
        .pension_start
        .and_then(YearMonth::of_date)
        .unwrap_or_else(|| history.last().plus(1).max(reached.plus(1)));
    let support = existing.support + total_support;
    let (lump_amount, lump) =
        lump_sum_alternative(p, i, &pen, &history, (start_month, support), t)?;
    let break_even_age = break_even(&pen, total_paid, start_month, i.birth.month(), t);
    let funeral_allowance = funeral(p, &pen, &history, start_month)?;
    let method_costs = match pl.last.filter(|l| with_costs && *l >= pl.first) {
        Some(last) => method_costs(p, i, (pl.first, last), existing.subsidised)?,
        None => Vec::new(),
    };
    total_paid_step(t, &pays, (total_paid, total_support), pen.eligible);
    let first = first_payment(i, &pays);
    let per_month = |x: Money| {
        if first.months > 0 {
            x / i64::from(first.months)
        } else {
            0
        }
    };
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
        monthly_pension_nominal: nominal(i, &pen)?,
        retirement_allowance: pen.retirement_allowance,
        lump_sum_alternative: lump_amount,
        lump_sum_reason: lump.into(),
        break_even_age,
        funeral_allowance,
        health_insurance: pen.eligible,
        assumptions: assumptions(p, i),
        schedule: schedule(&pays),
        monthly_payment: if first.months > 0 {
            money::div_round_half_away(i128::from(first.payable), i128::from(first.months)) as Money
        } else {
            0
        },
        first_payment: FirstPayment {
            month: first.month,
            months: first.months,
            payable: first.payable,
        },
        state_support_per_month: per_month(first.state),
        local_support_per_month: per_month(first.local),
        income_floor: lim.floor,
        income_ceiling: lim.ceiling,
        method_costs,
        projected_history: history.periods.iter().map(period_out).collect(),
    })
}

/// The oldest a person can be at `as_of` for a projection to make sense.
const MAX_AGE_YEARS: i32 = 120;

/// A plan that cannot happen is an error, never a plausible answer: a person born after
/// the estimate's date, older than any person at it, or contributing before the age at
/// which voluntary insurance is open (`voluntary_min_age`).
fn check_plan(p: &Params, i: &EstimateInput) -> Result<()> {
    let out_of_range =
        |field: &str, value: String, en: String, vi: String| Error::ValueOutOfRange {
            field: field.into(),
            value,
            expected: crate::error::Words::owned(en, vi),
        };
    let birth = i.birth.month();
    let as_of = YearMonth::of_date(i.as_of).unwrap_or(birth);
    let as_of_vi = crate::month::date_vi(i.as_of);
    if i.birth.date > i.as_of {
        return Err(out_of_range(
            "birth_date",
            format!("\"{}\"", i.birth.date),
            format!("a birth date on or before as_of ({})", i.as_of),
            format!("một ngày sinh không sau as_of ({as_of_vi})"),
        ));
    }
    if as_of.months_since(birth) > 12 * MAX_AGE_YEARS {
        return Err(out_of_range(
            "birth_date",
            format!("\"{}\"", i.birth.date),
            format!(
                "a person at most {MAX_AGE_YEARS} years old at as_of ({})",
                i.as_of
            ),
            format!("người không quá {MAX_AGE_YEARS} tuổi tại as_of ({as_of_vi})"),
        ));
    }
    let min_age = *p.voluntary_min_age.require(i.start, "start_month")?.value;
    let earliest = birth.plus(12 * min_age as i32);
    if i.start < earliest {
        return Err(out_of_range(
            "start_month",
            format!("\"{}\"", i.start),
            format!("a month from {earliest}, when the person is {min_age} (Law 41/2024 art. 2.4)"),
            format!(
                "một tháng từ {} trở đi, khi người đó đủ {min_age} tuổi (Luật 41/2024 Điều 2.4)",
                earliest.to_vi()
            ),
        ));
    }
    Ok(())
}

/// The months, supported months and support of the history given.
fn existing(p: &Params, i: &EstimateInput) -> Result<Existing> {
    Ok(match &i.history {
        Some(h) => {
            let paid = h.payments(p, "history")?;
            Existing {
                months: h.months(),
                subsidised: paid.subsidised_months,
                support: paid.state + paid.local,
            }
        }
        None => Existing {
            months: 0,
            subsidised: 0,
            support: 0,
        },
    })
}

/// Prices the plan's regular months and its back payment (K-5), each like the
/// `contribution` calculation.
fn payments(
    p: &Params,
    i: &EstimateInput,
    pl: &plan::Plan,
    subsidised: u32,
    t: &mut Trace,
) -> Result<Payments> {
    let regular = match pl.last {
        Some(last) if last >= pl.first => {
            let x = plan::Pricing {
                method: i.method,
                advance_months: i.advance_months,
                first: pl.first,
                last,
                subsidised,
            };
            plan::price(p, i, x, t)?
        }
        _ => Vec::new(),
    };
    if let Some(x) = regular.iter().find(|x| x.income != i.income) {
        t.warn(
            "income_raised_to_floor",
            format!("from {} the rural poverty line ({}) is above the chosen income; the projection assumes the income is raised to it (decisions K-2, K-17)", x.month, money::en(x.income)),
            format!("từ {} chuẩn hộ nghèo ({}) cao hơn thu nhập đã chọn; dự tính giả định thu nhập được nâng lên bằng mức này (quyết định K-2, K-17)", x.month.to_vi(), money::vi(x.income)),
        );
    }
    let back = match pl.back {
        Some((m, n)) if n > 0 => {
            let inc = plan::income_at(p, i.income, m);
            let mut quiet = Trace::new(false);
            let c = plan::quote(p, i, (m, inc, Method::BackPayment, n), 0, &mut quiet)?;
            t.absorb(quiet);
            Some((m, n, inc, c.payable))
        }
        _ => None,
    };
    Ok(Payments { regular, back })
}

/// The history given plus the plan's periods (consecutive payments at one income merged)
/// and the back-paid months.
fn projected_history(i: &EstimateInput, pays: &Payments) -> History {
    let mut periods: Vec<Period> = i
        .history
        .as_ref()
        .map_or_else(Vec::new, |h| h.periods.clone());
    let base_index = periods.len();
    let mut push = |from: YearMonth, to: YearMonth, income: Money, back_paid: bool| {
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
    let regular = &pays.regular;
    let mut k = 0;
    while k < regular.len() {
        let (inc, from) = (regular[k].income, regular[k].month);
        let mut to = from.plus(regular[k].months as i32 - 1);
        k += 1;
        while k < regular.len() && regular[k].income == inc {
            to = regular[k].month.plus(regular[k].months as i32 - 1);
            k += 1;
        }
        push(from, to, inc, false);
    }
    let first = i
        .history
        .as_ref()
        .into_iter()
        .flat_map(|h| h.periods.iter().map(|x| x.from))
        .chain(regular.first().map(|x| x.month))
        .min()
        .unwrap_or(i.start);
    if let Some((_, n, inc, _)) = pays.back {
        // Back-paid months are not calendar months; they are placed just before the first
        // month of the history as labels (coefficient 1.00 either way, K-5).
        push(first.plus(-(n as i32)), first.plus(-1), inc, true);
    }
    periods.sort_by_key(|x| x.from);
    History { periods }
}

/// Payments by calendar year of payment.
fn schedule(pays: &Payments) -> Vec<YearLine> {
    let mut schedule: Vec<YearLine> = Vec::new();
    let mut cumulative = 0;
    let cash = pays
        .regular
        .iter()
        .map(|x| (x.month, x.months, x.payable, x.support))
        .chain(pays.back.map(|(m, n, _, pay)| (m, n, pay, 0)));
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
    schedule
}

/// The first regular payment (an empty one when the plan has none).
fn first_payment(i: &EstimateInput, pays: &Payments) -> Payment {
    pays.regular.first().cloned().unwrap_or(Payment {
        month: i.start,
        months: 0,
        payable: 0,
        support: 0,
        state: 0,
        local: 0,
        income: i.income,
    })
}

/// What a withdrawal would pay instead (emigration when a pension is due), with the
/// support actually received deducted (K-10).
fn lump_sum_alternative(
    p: &Params,
    i: &EstimateInput,
    pen: &Pension,
    history: &History,
    (start_month, received): (YearMonth, Money),
    t: &mut Trace,
) -> Result<(Money, &'static str)> {
    let (reason, lump) = if pen.eligible {
        (Reason::Emigration, "emigration")
    } else {
        (Reason::RetirementAge, "retirement_age_without_pension")
    };
    let ls = lump_sum::evaluate(
        p,
        reason,
        start_month,
        history,
        Some(received),
        Some((i.sex, i.birth)),
        &mut Discard,
    )?;
    let amount = if ls.eligible { ls.amount } else { 0 };
    let eligible = pen.eligible;
    t.step("lump_sum_alternative", amount, Cite::Law("Law 41/2024/QH15 art. 102"), |w| {
        w.formula(format_args!("lump sum ({lump}) settled {start_month} = {amount}"));
        w.vi(if eligible {
                format!("Người đủ điều kiện hưởng lương hưu chỉ được nhận BHXH một lần khi ra nước ngoài định cư hoặc mắc bệnh hiểm nghèo; khi đó nhận khoảng {}.", money::vi(amount))
            } else {
                format!("Nếu không đủ điều kiện hưởng lương hưu, có thể nhận BHXH một lần: {}.", money::vi(amount))
            });
        w.en(if eligible {
                format!("With a pension due, a lump sum is only allowed on emigration or serious illness; it would be about {}.", money::en(amount))
            } else {
                format!("Without a pension, a lump-sum withdrawal would pay {}.", money::en(amount))
            });
    });
    Ok((amount, lump))
}

/// The age at which the pensions received cover what was paid (less the allowance).
fn break_even(
    pen: &Pension,
    total_paid: Money,
    start_month: YearMonth,
    birth: YearMonth,
    t: &mut Trace,
) -> Option<Age> {
    if !pen.eligible || pen.monthly_pension <= 0 {
        return None;
    }
    let (allowance, monthly) = (pen.retirement_allowance, pen.monthly_pension);
    let to_cover = (total_paid - allowance).max(0);
    let k = (to_cover + monthly - 1) / monthly;
    let month = start_month.plus(k.max(1) as i32 - 1);
    let months = month.months_since(birth).max(0) as u32;
    let a = Age {
        years: months / 12,
        months: months % 12,
    };
    t.step("break_even_age", format!("{}y{}m", a.years, a.months), Cite::Law("decision K-17"), |w| {
        w.formula(format_args!("ceil(({total_paid} − {allowance}) / {monthly}) = {k} months from {start_month}"));
        w.vi(format_args!("Sau {k} tháng nhận lương hưu (đến {} tuổi {} tháng), tổng lương hưu đã nhận bằng số tiền đã đóng {} (giá hiện tại).", a.years, a.months, money::vi(total_paid)));
        w.en(format_args!("After {k} months of pension (at age {} years {} months) the pensions received equal the {} paid (today's prices).", a.years, a.months, money::en(total_paid)));
    });
    Some(a)
}

/// The funeral allowance at the pension start (today's reference level), when the family
/// would qualify: a pensioner, or enough months of contributions.
fn funeral(p: &Params, pen: &Pension, history: &History, start: YearMonth) -> Result<Money> {
    let min = *p.funeral_min_months.require(start, "start_month")?.value;
    if pen.eligible || history.months() >= min {
        crate::calc::death::funeral_amount(p, start, "start_month")
    } else {
        Ok(0)
    }
}

/// The pension in money of the pension-start year, when an inflation is assumed.
///
/// # Errors
/// `overflow` at `assumptions.annual_inflation` when the compounded figure leaves the
/// engine's range (never dropped silently).
fn nominal(i: &EstimateInput, pen: &Pension) -> Result<Option<Money>> {
    let (Some(inf), Some(start)) = (i.inflation, pen.pension_start) else {
        return Ok(None);
    };
    let overflow = || Error::Overflow {
        field: "assumptions.annual_inflation".into(),
    };
    let years = (chrono::Datelike::year(&start) - chrono::Datelike::year(&i.as_of)).max(0);
    let mut f = Decimal::ONE;
    for _ in 0..years {
        f = f.checked_mul(Decimal::ONE + inf).ok_or_else(overflow)?;
    }
    let v = Decimal::from(pen.monthly_pension)
        .checked_mul(f)
        .ok_or_else(overflow)?;
    money::round_dong(v).ok_or_else(overflow).map(Some)
}

/// The assumptions applied (K-17), as the response states them.
fn assumptions(p: &Params, i: &EstimateInput) -> Value {
    let mut assumptions = serde_json::json!({
        "prices": if i.inflation.is_some() { "today_and_nominal" } else { "today" },
        "future_coefficients": "1.00",
        "parameters": parameters_assumption(p, i.start),
        "income": "constant, raised to the rural poverty line when an enacted line overtakes it",
        "shortfall": i.shortfall.as_str(),
        "decision": "K-17",
    });
    if let Some(inf) = i.inflation {
        assumptions["annual_inflation"] = Value::String(inf.to_string());
    }
    assumptions
}

/// What the regular months cost under each method (the advance at its longest length).
fn method_costs(
    p: &Params,
    i: &EstimateInput,
    (first, last): (YearMonth, YearMonth),
    subsidised: u32,
) -> Result<Vec<MethodCost>> {
    let longest = p
        .advance_months
        .at(i.start)
        .and_then(|f| f.value.iter().max().copied())
        .unwrap_or(60);
    let mut out = Vec::new();
    let mut monthly_total = 0;
    for (method, n) in [
        (Method::Monthly, 1),
        (Method::Every3Months, 3),
        (Method::Every6Months, 6),
        (Method::Every12Months, 12),
        (Method::Advance, longest),
    ] {
        let x = plan::Pricing {
            method,
            advance_months: n,
            first,
            last,
            subsidised,
        };
        let total: Money = plan::price(p, i, x, &mut Trace::new(false))?
            .iter()
            .map(|x| x.payable)
            .sum();
        if method == Method::Monthly {
            monthly_total = total;
        }
        out.push(MethodCost {
            method,
            months_per_payment: n,
            total_paid: total,
            saving_vs_monthly: monthly_total - total,
        });
    }
    Ok(out)
}

fn period_out(x: &Period) -> PeriodOut {
    PeriodOut {
        from: x.from,
        to: x.to,
        income: x.income,
        scheme: x.scheme.as_str().into(),
        back_paid: x.back_paid,
    }
}

/// The totals paid and received, then (for a pensioner) who pays the health-insurance card.
fn total_paid_step(
    t: &mut Trace,
    pays: &Payments,
    (total_paid, total_support): (Money, Money),
    pensioner: bool,
) {
    let count = pays.regular.len() + usize::from(pays.back.is_some());
    t.step(
        "total_paid",
        total_paid,
        Cite::Law("Law 41/2024/QH15 art. 36; decisions K-4, K-5, K-8, K-17"),
        |w| {
            w.formula(format_args!(
                "Σ payable over {count} payments = {total_paid}; support {total_support}"
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
    if pensioner {
        crate::explain::cards::pensioner(t);
    }
}
