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

use crate::error::{Error, Result};
use crate::input::Fields;
use crate::money::{self, Money};
use crate::parameters::{valid_slug, Params};
use crate::support::{self, SupportChoice};
use crate::trace::{Cite, Trace};
use crate::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How the participant pays (Law 41/2024 art. 36.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// (a) Monthly.
    Monthly,
    /// (b) Every 3 months.
    #[serde(rename = "every_3_months")]
    Every3Months,
    /// (c) Every 6 months.
    #[serde(rename = "every_6_months")]
    Every6Months,
    /// (d) Every 12 months.
    #[serde(rename = "every_12_months")]
    Every12Months,
    /// (đ) Once for several future years, discounted (K-4, K-18).
    Advance,
    /// (e) Once for the missing period, with interest (K-5).
    BackPayment,
}

impl Method {
    /// Parses the contract name.
    pub fn parse(s: &str) -> Result<Method> {
        Ok(match s {
            "monthly" => Method::Monthly,
            "every_3_months" => Method::Every3Months,
            "every_6_months" => Method::Every6Months,
            "every_12_months" => Method::Every12Months,
            "advance" => Method::Advance,
            "back_payment" => Method::BackPayment,
            _ => return Err(Error::UnknownMethod { value: s.into() }),
        })
    }

    /// The contract name.
    pub fn name(self) -> &'static str {
        match self {
            Method::Monthly => "monthly",
            Method::Every3Months => "every_3_months",
            Method::Every6Months => "every_6_months",
            Method::Every12Months => "every_12_months",
            Method::Advance => "advance",
            Method::BackPayment => "back_payment",
        }
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

    fn vi(self) -> &'static str {
        match self {
            Method::Monthly => "đóng hằng tháng",
            Method::Every3Months => "đóng 03 tháng một lần",
            Method::Every6Months => "đóng 06 tháng một lần",
            Method::Every12Months => "đóng 12 tháng một lần",
            Method::Advance => "đóng một lần cho nhiều năm về sau",
            Method::BackPayment => "đóng một lần cho thời gian còn thiếu",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Method::Monthly => "monthly payment",
            Method::Every3Months => "payment every 3 months",
            Method::Every6Months => "payment every 6 months",
            Method::Every12Months => "payment every 12 months",
            Method::Advance => "advance payment for several future years",
            Method::BackPayment => "one-time payment for the missing period (back payment)",
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

/// Reads the categories list (`default ["other"]`).
pub(crate) fn read_categories(f: &mut Fields<'_>) -> Result<Vec<String>> {
    match f.get("categories") {
        None => Ok(vec!["other".into()]),
        Some(v) => {
            let arr = crate::input::array(v, "categories", "a list of category strings")?;
            arr.iter()
                .enumerate()
                .map(|(i, c)| match c {
                    serde_json::Value::String(s) => Ok(s.clone()),
                    _ => Err(Error::InvalidType {
                        field: format!("categories[{i}]"),
                        expected: "a category string",
                    }),
                })
                .collect()
        }
    }
}

/// Reads and checks the province slug.
pub(crate) fn read_province(f: &mut Fields<'_>) -> Result<Option<String>> {
    match f.opt_str("province")? {
        None => Ok(None),
        Some(s) if valid_slug(s) => Ok(Some(s.to_string())),
        Some(s) => Err(Error::InvalidProvince {
            field: "province".into(),
            value: s.into(),
        }),
    }
}

impl ContributionInput {
    /// Reads the request fields.
    ///
    /// # Errors
    /// `missing_field`, `invalid_type`, `invalid_month`, `invalid_money`, `unknown_method`,
    /// `value_out_of_range`, `invalid_decimal`, `invalid_province`.
    pub fn read(f: &mut Fields<'_>) -> Result<Self> {
        let payment_month = f.month("payment_month")?;
        let income = f.money("income")?;
        let method = Method::parse(f.str("method")?)?;
        let months = f.opt_int("months", i64::MIN, i64::MAX)?;
        let categories = read_categories(f)?;
        let province = read_province(f)?;
        let subsidised_months_before = f
            .opt_int("subsidised_months_before", i64::MIN, i64::MAX)?
            .unwrap_or(0);
        let fund_rate_monthly = f.opt_decimal(
            "fund_rate_monthly",
            Decimal::ZERO,
            Decimal::new(1, 1),
            "from \"0\" to \"0.1\" (a monthly rate)",
        )?;
        Ok(ContributionInput {
            payment_month,
            income,
            method,
            months,
            categories,
            province,
            subsidised_months_before,
            fund_rate_monthly,
        })
    }
}

/// One covered month of a payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    pub fund_rate_monthly: Option<Decimal>,
    /// Echo of the payment month.
    pub payment_month: YearMonth,
    /// Echo of the chosen income.
    pub income: Money,
    /// Echo of the method.
    pub method: Method,
}

/// The income limits in force in a month.
#[derive(Clone, Debug)]
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

/// Resolves the income limits and rate of `month`, recording trace steps.
///
/// # Errors
/// `parameter_not_in_force` (field `field`).
pub fn income_limits(
    p: &Params,
    month: YearMonth,
    field: &str,
    t: &mut Trace,
) -> Result<IncomeLimits> {
    let rate = p.contribution_rate.require(month, field)?;
    let floor = p.rural_poverty_line.require(month, field)?;
    let reference = p.reference_level.require(month, field)?;
    let multiple = p.income_ceiling_multiple.require(month, field)?;
    let step = p.income_step.require(month, field)?;
    for (found_ex, id, from) in [
        (rate.extrapolated, "contribution_rate", rate.entry.from),
        (floor.extrapolated, "rural_poverty_line", floor.entry.from),
        (
            reference.extrapolated,
            "reference_level",
            reference.entry.from,
        ),
    ] {
        if found_ex {
            t.extrapolated(id, month, from);
        }
    }
    let ceiling = multiple
        .value
        .checked_mul(*reference.value)
        .ok_or_else(|| Error::Overflow {
            field: field.into(),
        })?;
    let (fl, rf, mu) = (*floor.value, *reference.value, *multiple.value);
    t.step("income_floor", fl, Cite::Both(floor.entry, floor_law(month)), |w| {
        w.formula(format_args!("rural poverty line({month}) = {fl}"));
        w.vi(format_args!(
            "Thu nhập thấp nhất làm căn cứ đóng bằng chuẩn hộ nghèo khu vực nông thôn tại thời điểm đóng ({}): {}.",
            month.to_vi(),
            money::vi(fl)
        ));
        w.en(format_args!(
            "The lowest income you may choose is the rural poverty line in force at the time of payment ({month}): {}.",
            money::en(fl)
        ));
    });
    t.step(
        "income_ceiling",
        ceiling,
        Cite::Both(reference.entry, &multiple.entry.citation.text()),
        |w| {
            w.formula(format_args!(
                "{mu} × reference level({month}) = {mu} × {rf} = {ceiling}"
            ));
            w.vi(format_args!(
                "Thu nhập cao nhất bằng {mu} lần mức tham chiếu ({}): {mu} × {} = {}.",
                money::vi(rf),
                money::vi(rf),
                money::vi(ceiling)
            ));
            w.en(format_args!(
                "The highest income is {mu} times the reference level ({}): {}.",
                money::en(rf),
                money::en(ceiling)
            ));
        },
    );
    Ok(IncomeLimits {
        floor: fl,
        ceiling,
        step: *step.value,
        rate: *rate.value,
    })
}

/// The article that makes the rural poverty line the floor, by regime.
fn floor_law(month: YearMonth) -> &'static str {
    if month >= crate::month::LAW_2024_START {
        "Law 41/2024/QH15 art. 31.2"
    } else {
        "Law 58/2014/QH13 art. 87.1"
    }
}

/// The lowest valid income: the floor, rounded up to the step (K-3).
pub fn lowest_valid(lim: &IncomeLimits) -> Money {
    (lim.floor + lim.step - 1) / lim.step * lim.step
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
    if income % lim.step != 0 {
        // Suggest only valid incomes: on the step and within [floor, ceiling].
        let first = lowest_valid(lim);
        let last = lim.ceiling / lim.step * lim.step;
        let below = income / lim.step * lim.step;
        let lower = below.max(first).min(last);
        let upper = (below + lim.step).min(last).max(first);
        return Err(Error::IncomeNotMultipleOfStep {
            income,
            step: lim.step,
            lower,
            upper,
        });
    }
    Ok(())
}

/// Computes a `contribution` request.
///
/// # Errors
/// Every input error of the contract for this calculation (see [`Error::code`]).
pub fn compute(p: &Params, input: &ContributionInput, t: &mut Trace) -> Result<Contribution> {
    let pm = input.payment_month;
    let new_law = pm >= crate::month::LAW_2024_START;
    let regime = if new_law { "law_2024" } else { "law_2014" };
    t.step("regime", regime, Cite::Law(if new_law { "Law 41/2024/QH15 art. 31.2, art. 141; rules A-5; decision K-16" } else { "Law 58/2014/QH13 art. 87; Decree 134/2015/NĐ-CP; rules A-5; decision K-16" }), |w| {
        w.formula(format_args!("payment month {pm} {} 2025-07", if new_law { "≥" } else { "<" }));
        w.vi(format_args!(
            "Tháng đóng {} nên áp dụng {} với các tham số tại thời điểm đóng, cho mọi tháng được đóng.",
            pm.to_vi(),
            if new_law { "Luật BHXH số 41/2024/QH15" } else { "Luật BHXH số 58/2014/QH13 và Nghị định 134/2015/NĐ-CP" }
        ));
        w.en(format_args!(
            "The payment month is {pm}, so {} applies, with the parameters in force at the time of payment for every covered month.",
            if new_law { "the 2024 Law on Social Insurance" } else { "the 2014 Law on Social Insurance and Decree 134/2015" }
        ));
    });

    // Months covered.
    let months_covered: u32 = match (input.method.fixed_months(), input.months) {
        (Some(n), None) => n,
        (Some(n), Some(m)) if m == i64::from(n) => n,
        (Some(n), Some(m)) => {
            return Err(Error::MonthsNotApplicable {
                method: input.method.name(),
                implied: n,
                months: m,
            })
        }
        (None, None) => {
            return Err(Error::MissingField {
                field: "months".into(),
            })
        }
        (None, Some(m)) => match input.method {
            Method::Advance => {
                let allowed = p.advance_months.require(pm, "payment_month")?.value;
                match u32::try_from(m) {
                    Ok(m) if allowed.contains(&m) => m,
                    _ => {
                        return Err(Error::AdvanceMonthsOutOfRange {
                            months: m,
                            allowed: allowed.clone(),
                        })
                    }
                }
            }
            _ => {
                let max = *p
                    .back_payment_max_months
                    .require(pm, "payment_month")?
                    .value;
                match u32::try_from(m) {
                    Ok(m) if (1..=max).contains(&m) => m,
                    _ => return Err(Error::BackPaymentMonthsOutOfRange { months: m, max }),
                }
            }
        },
    };

    let lim = income_limits(p, pm, "payment_month", t)?;
    check_income(input.income, &lim, pm)?;
    let step = lim.step;
    t.step("income", input.income, Cite::Law(&format!("{}; decision K-3", floor_law(pm))), |w| {
        w.formula(format_args!("{} ≤ {} ≤ {}, multiple of {step}", lim.floor, input.income, lim.ceiling));
        w.vi(format_args!(
            "Thu nhập chọn đóng {} nằm trong khung từ {} đến {} và là bội số của {} (quyết định K-3).",
            money::vi(input.income), money::vi(lim.floor), money::vi(lim.ceiling), money::vi(step)
        ));
        w.en(format_args!(
            "The chosen income of {} lies between {} and {} and is a multiple of {} (decision K-3).",
            money::en(input.income), money::en(lim.floor), money::en(lim.ceiling), money::en(step)
        ));
    });

    let rate_entry = p.contribution_rate.require(pm, "payment_month")?.entry;
    let g = money::mul_rate(input.income, lim.rate).ok_or_else(|| Error::Overflow {
        field: "income".into(),
    })?;
    t.step("monthly_gross", g, Cite::Param(rate_entry), |w| {
        let (pv, pe) = (money::percent_vi(lim.rate), money::percent(lim.rate));
        w.formula(format_args!("{} × {} = {g}", lim.rate, input.income));
        w.vi(format_args!(
            "Mức đóng mỗi tháng bằng {pv} thu nhập: {pv} × {} = {}.",
            money::vi(input.income),
            money::vi(g)
        ));
        w.en(format_args!(
            "Each month's contribution is {pe} of the income: {pe} × {} = {}.",
            money::en(input.income),
            money::en(g)
        ));
    });

    // Support.
    let back = input.method == Method::BackPayment;
    let choice = support::choose(
        p,
        pm,
        &input.categories,
        input.province.as_deref(),
        lim.rate,
        lim.floor,
    )?;
    if input.subsidised_months_before < 0
        || (choice.cap > 0 && input.subsidised_months_before > i64::from(choice.cap))
        || input.subsidised_months_before > 1200
    {
        return Err(Error::SubsidisedMonthsOutOfRange {
            value: input.subsidised_months_before,
            cap: if choice.cap > 0 { choice.cap } else { 1200 },
        });
    }
    let before = input.subsidised_months_before as u32; // 0..=1200 checked above
    let (per_national, per_local) = if back {
        (0, 0)
    } else {
        (choice.national, choice.local)
    };
    let remaining = choice.cap.saturating_sub(before);
    let subsidised_months = if per_national + per_local == 0 {
        0
    } else {
        remaining.min(months_covered)
    };
    if !back {
        warn_no_local_data(p, input, t);
    }
    trace_support(
        p,
        input,
        &choice,
        back,
        before,
        subsidised_months,
        months_covered,
        t,
    )?;

    // Month lines.
    let first = if back {
        pm.plus(-(months_covered as i32))
    } else {
        pm
    };
    let per_month: Vec<MonthLine> = (0..months_covered)
        .map(|i| {
            let supported = i < subsidised_months;
            MonthLine {
                month: first.plus(i as i32),
                gross: g,
                state_support: if supported { per_national } else { 0 },
                local_support: if supported { per_local } else { 0 },
            }
        })
        .collect();
    let n = i64::from(months_covered);
    let s = i64::from(subsidised_months);
    let gross = g * n;
    let state_support = per_national * s;
    let local_support = per_local * s;
    if months_covered > 1 {
        t.step(
            "gross",
            gross,
            Cite::Law(if new_law {
                "Law 41/2024/QH15 art. 36.2; rules A-5"
            } else {
                "Law 58/2014/QH13 art. 87.2; rules A-5"
            }),
            |w| {
                w.formula(format_args!("{n} × {g} = {gross}"));
                w.vi(format_args!(
                    "Tổng mức đóng {n} tháng ({}): {n} × {} = {}.",
                    input.method.vi(),
                    money::vi(g),
                    money::vi(gross)
                ));
                w.en(format_args!(
                    "The {} covers {n} months: {n} × {} = {}.",
                    input.method.en(),
                    money::en(g),
                    money::en(gross)
                ));
            },
        );
    }

    // Discount or interest.
    let (discount, interest, payable, fund_rate) = match input.method {
        Method::Advance | Method::BackPayment => {
            let r = fund_rate(p, input, t)?;
            let one_r = Decimal::ONE + r;
            let mut sum = Decimal::ZERO;
            let mut factor = Decimal::ONE;
            for (i, line) in per_month.iter().enumerate() {
                let net = Decimal::from(line.gross - line.state_support - line.local_support);
                if back {
                    factor *= one_r; // (1+r)^i, i = 1..t
                    sum += net * factor;
                } else {
                    if i > 0 {
                        factor /= one_r; // 1/(1+r)^(i−1)
                    }
                    sum += net * factor;
                }
            }
            let payable = money::round_dong(sum).ok_or_else(|| Error::Overflow {
                field: "income".into(),
            })?;
            let net = gross - state_support - local_support;
            if back {
                let interest = payable - net;
                t.step("interest", interest, Cite::Law(if new_law { "Decree 159/2025/NĐ-CP art. 7; Law 41/2024/QH15 art. 36.2.e; decision K-5" } else { "Decree 134/2015/NĐ-CP art. 9.1.e, art. 10.4; decision K-5" }), |w| {
                    w.formula(format_args!("Σ_{{i=1..{n}}} {g} × (1 + {r})^i − {gross} = {interest}"));
                    w.vi(format_args!(
                        "Đóng một lần cho {n} tháng còn thiếu phải cộng lãi gộp theo lãi suất đầu tư quỹ bình quân tháng {r}: tiền lãi {}; không có hỗ trợ của Nhà nước (quyết định K-5).",
                        money::vi(interest)
                    ));
                    w.en(format_args!(
                        "A one-time payment for {n} missing months carries compound interest at the fund's average monthly investment rate {r}: {} of interest; no State support applies (decision K-5).",
                        money::en(interest)
                    ));
                });
                (0, interest, payable, Some(r))
            } else {
                let discount = net - payable;
                t.step("discount", discount, Cite::Law(if new_law { "Decree 159/2025/NĐ-CP art. 6; Law 41/2024/QH15 art. 36.2.đ; decision K-4" } else { "Decree 134/2015/NĐ-CP art. 9.1.đ, art. 10.3; decision K-4" }), |w| {
                    w.formula(format_args!("Σ_{{i=1..{n}}} (gross_i − support_i) / (1 + {r})^(i−1) = {payable}; discount = {net} − {payable} = {discount}"));
                    w.vi(format_args!(
                        "Đóng trước {n} tháng được chiết khấu theo lãi suất đầu tư quỹ bình quân tháng {r} (tháng đầu không chiết khấu): giảm {} (quyết định K-4).",
                        money::vi(discount)
                    ));
                    w.en(format_args!(
                        "Paying {n} months in advance is discounted at the fund's average monthly investment rate {r} (the first month undiscounted): {} less (decision K-4).",
                        money::en(discount)
                    ));
                });
                (discount, 0, payable, Some(r))
            }
        }
        _ => (0, 0, gross - state_support - local_support, None),
    };
    t.step("payable", payable, Cite::Law("contract identity: payable = gross − state_support − local_support − discount + interest"), |w| {
        w.formula(format_args!("{gross} − {state_support} − {local_support} − {discount} + {interest} = {payable}"));
        w.vi(format_args!(
            "Số tiền phải đóng: {} − {} (Nhà nước hỗ trợ) − {} (địa phương hỗ trợ) − {} (chiết khấu) + {} (lãi) = {}.",
            money::vi(gross), money::vi(state_support), money::vi(local_support), money::vi(discount), money::vi(interest), money::vi(payable)
        ));
        w.en(format_args!(
            "Amount payable: {} − {} (State support) − {} (provincial support) − {} (discount) + {} (interest) = {}.",
            money::en(gross), money::en(state_support), money::en(local_support), money::en(discount), money::en(interest), money::en(payable)
        ));
    });

    Ok(Contribution {
        months_covered,
        income_floor: lim.floor,
        income_ceiling: lim.ceiling,
        gross,
        state_support,
        local_support,
        discount,
        interest,
        payable,
        per_month,
        regime: regime.into(),
        support_category: choice.category,
        subsidised_months,
        fund_rate_monthly: fund_rate,
        payment_month: pm,
        income: input.income,
        method: input.method,
    })
}

fn fund_rate(p: &Params, input: &ContributionInput, t: &mut Trace) -> Result<Decimal> {
    let pm = input.payment_month;
    if let Some(r) = input.fund_rate_monthly {
        t.step("fund_rate_monthly", r.to_string(), Cite::Law("request field fund_rate_monthly; decision K-6"), |w| {
            w.formula(format_args!("r = {r} (given)"));
            w.vi(format_args!("Lãi suất đầu tư quỹ BHXH bình quân tháng do người dùng nhập: {r} (quyết định K-6)."));
            w.en(format_args!("The SI fund's average monthly investment rate given in the request: {r} (decision K-6)."));
        });
        return Ok(r);
    }
    let found = p.fund_rate_monthly.require(pm, "fund_rate_monthly")?;
    if found.extrapolated {
        t.warn_keyed(
            "parameter_extrapolated",
            "fund_rate_monthly",
            format!(
                "no fund rate is published for payment year {}; the rate for {} is used (decision K-6); pass fund_rate_monthly to override",
                pm.year(),
                found.entry.from.year()
            ),
            format!(
                "chưa có lãi suất đầu tư quỹ cho năm đóng {}; tạm dùng lãi suất áp dụng năm {} (quyết định K-6)",
                pm.year(),
                found.entry.from.year()
            ),
        );
    }
    let r = *found.value;
    t.step("fund_rate_monthly", r.to_string(), Cite::Both(found.entry, "decision K-6"), |w| {
        w.formula(format_args!("r(payment year {}) = {r}", pm.year()));
        w.vi(format_args!(
            "Lãi suất đầu tư quỹ BHXH bình quân tháng của năm trước năm đóng (áp dụng năm {}): {r}.",
            found.entry.from.year()
        ));
        w.en(format_args!(
            "The SI fund's average monthly investment rate announced for the year before the payment year (used in {}): {r}.",
            found.entry.from.year()
        ));
    });
    Ok(r)
}

fn rate_of(input: &ContributionInput, p: &Params) -> Decimal {
    p.contribution_rate
        .at(input.payment_month)
        .map(|f| *f.value)
        .unwrap_or_default()
}

fn poverty_of(p: &Params, m: YearMonth) -> Money {
    p.rural_poverty_line
        .at(m)
        .map(|f| *f.value)
        .unwrap_or_default()
}

/// A participant category in words (glossary terms), national or provincial.
pub fn category_label(p: &Params, code: &str, province: Option<&str>, vi: bool) -> String {
    let national = match (code, vi) {
        ("poor", true) => "hộ nghèo",
        ("near_poor", true) => "hộ cận nghèo",
        ("ethnic_minority", true) => "người dân tộc thiểu số",
        ("island_or_special_zone", true) => "người sinh sống tại xã đảo, đặc khu",
        ("other", true) => "đối tượng khác",
        ("poor", false) => "poor households",
        ("near_poor", false) => "near-poor households",
        ("ethnic_minority", false) => "ethnic minorities",
        ("island_or_special_zone", false) => "island communes and special zones",
        ("other", false) => "others",
        _ => "",
    };
    if !national.is_empty() {
        return national.to_string();
    }
    province
        .and_then(|s| p.local_support.provinces.get(s))
        .and_then(|pr| pr.local_categories.get(code))
        .map(|c| {
            if vi {
                c.label_vi.clone()
            } else {
                c.label_en.clone()
            }
        })
        .unwrap_or_else(|| code.to_string())
}

/// Decision K-9: a province with no top-up in the data for the payment month gets none,
/// and the response says that the engine does not know it rather than that there is none.
fn warn_no_local_data(p: &Params, input: &ContributionInput, t: &mut Trace) {
    let Some(province) = input.province.as_deref() else {
        return;
    };
    let pm = input.payment_month;
    if support::local_entry(p, Some(province), pm).is_none() {
        t.warn_keyed(
            "local_support_not_in_data",
            province,
            format!("the data holds no provincial top-up for {province} in {pm}; none is added (decision K-9): the province may have one, pass it in a parameter overlay (local_support)"),
            format!("dữ liệu chưa có mức hỗ trợ thêm của địa phương {province} cho tháng {pm}; chưa cộng phần này (quyết định K-9): tỉnh có thể có chính sách hỗ trợ thêm, có thể nhập qua tham số local_support"),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn trace_support(
    p: &Params,
    input: &ContributionInput,
    c: &SupportChoice,
    back: bool,
    before: u32,
    subsidised: u32,
    covered: u32,
    t: &mut Trace,
) -> Result<()> {
    if !t.enabled {
        return Ok(());
    }
    let pm = input.payment_month;
    let old_regime = pm < crate::month::LAW_2024_START;
    if back {
        t.step("state_support_per_month", 0, Cite::Law(if old_regime { "Decree 134/2015/NĐ-CP art. 10.4; decision K-5" } else { "Decree 159/2025/NĐ-CP art. 7; decision K-5" }), |w| {
            w.formula("0 (back payment)");
            w.vi("Đóng một lần cho thời gian còn thiếu không được Nhà nước hỗ trợ (quyết định K-5).");
            w.en("A back payment for the missing period receives no State support (decision K-5).");
        });
        return Ok(());
    }
    let rates = p.state_support_rates.require(pm, "payment_month")?.entry;
    let several = input.categories.len() > 1;
    let (cat, nat, k, base) = (
        c.category.clone(),
        c.national_category,
        c.national_rate,
        c.base,
    );
    t.step("state_support_per_month", c.national, Cite::Both(rates, if old_regime { "rules S-2" } else { "rules S-1" }), |w| {
        w.formula(format_args!("{k} × {} × {} = {k} × {base} = {}", rate_of(input, p), poverty_of(p, pm), c.national));
        w.vi(format_args!(
            "Nhà nước hỗ trợ {} mức đóng tính trên chuẩn hộ nghèo khu vực nông thôn ({}), đối tượng {}{}: {} × {} = {} mỗi tháng.",
            money::percent_vi(k), money::vi(base), category_label(p, &cat, input.province.as_deref(), true),
            if several { " (mức hỗ trợ cao nhất trong các đối tượng)" } else { "" },
            money::percent_vi(k), money::vi(base), money::vi(c.national)
        ));
        w.en(format_args!(
            "The State pays {} of the contribution at the rural poverty line ({}) for {}{}{}: {} a month.",
            money::percent(k), money::en(base), category_label(p, &cat, input.province.as_deref(), false),
            if cat != nat { format!(" (national category {nat})") } else { String::new() },
            if several { " (the highest support among the categories)" } else { "" },
            money::en(c.national)
        ));
    });
    if let Some(e) = support::local_entry(p, input.province.as_deref(), pm) {
        let l = c.local_rate;
        t.step("local_support_per_month", c.local, Cite::Both(e, "Law 41/2024/QH15 art. 6.6; decision K-9"), |w| {
            w.formula(format_args!("min({l} × {base}, {base} − {}) = {}", c.national, c.local));
            w.vi(format_args!(
                "Ngân sách địa phương hỗ trợ thêm {} mức đóng tính trên chuẩn hộ nghèo: {} mỗi tháng (tổng hỗ trợ không vượt quá 100%, quyết định K-9).",
                money::percent_vi(l), money::vi(c.local)
            ));
            w.en(format_args!(
                "The province adds {} of the contribution at the poverty line: {} a month (total support never above 100 %, decision K-9).",
                money::percent(l), money::en(c.local)
            ));
        });
    }
    if c.national + c.local > 0 {
        let cap = c.cap;
        t.step("subsidised_months", subsidised, Cite::Law(if old_regime { "Decree 134/2015/NĐ-CP art. 14; decision K-8" } else { "Decree 159/2025/NĐ-CP art. 5.2; decision K-8" }), |w| {
            w.formula(format_args!("min({covered}, {cap} − {before}) = {subsidised}"));
            w.vi(format_args!(
                "Nhà nước hỗ trợ tối đa {cap} tháng trong đời; đã được hỗ trợ {before} tháng nên lần đóng này được hỗ trợ {subsidised}/{covered} tháng (quyết định K-8)."
            ));
            w.en(format_args!(
                "The State supports at most {cap} months in a lifetime; {before} months were already supported, so {subsidised} of the {covered} months are supported (decision K-8)."
            ));
        });
    }
    Ok(())
}
