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

use crate::average::average_income;
use crate::error::{Error, Result};
use crate::history::{half_years, month_2014, years, History};
use crate::input::Fields;
use crate::money::{self, Money};
use crate::parameters::Params;
use crate::retirement::{self, BirthDate, Sex};
use crate::trace::{Cite, Trace};
use crate::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Result of a `lump_sum` calculation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LumpSum {
    /// Whether the withdrawal is allowed for the reason given.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
        .map(|p| (p.to.min(month_2014().plus(-1)).months_since(p.from) + 1) as u32)
        .sum();
    let post = h.months() - pre;
    // The leftover months of the pre-2014 part move to the later part only when the period
    // spans both (L24 art. 102.2); otherwise each part is rounded to half years (art. 5.6).
    let (hp, hq) = if post == 0 {
        (half_years(pre), 0)
    } else {
        (2 * (pre / 12), half_years(post + pre % 12))
    };
    // Mbq × (1.5 × hp/2 + 2 × hq/2) = Mbq × (3·hp + 4·hq) / 4
    let amount = money::div_round_half_away(i128::from(mbq) * i128::from(3 * hp + 4 * hq), 4);
    let amount = i64::try_from(amount).map_err(|_| Error::Overflow {
        field: "history".into(),
    })?;
    Ok((years(hp), years(hq), amount))
}

/// The withdrawal reasons of art. 102.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// (a) retirement age with fewer than 15 years.
    RetirementAge,
    /// (b) emigration.
    Emigration,
    /// (c) serious illness.
    SeriousIllness,
    /// (d) ≥ 81 % incapacity or very severe disability.
    SevereDisability,
    /// (đ) 12 months without contributions (contributions before 2025-07).
    Stopped12Months,
}

/// Computes a `lump_sum` request.
///
/// # Errors
/// Field errors, `value_out_of_range` for an unknown reason, the history errors,
/// `parameter_not_in_force`.
pub fn compute(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<LumpSum> {
    let reason = match f.str("reason")? {
        "retirement_age_without_pension" => Reason::RetirementAge,
        "emigration" => Reason::Emigration,
        "serious_illness" => Reason::SeriousIllness,
        "severe_disability" => Reason::SevereDisability,
        "stopped_12_months" => Reason::Stopped12Months,
        other => {
            return Err(Error::ValueOutOfRange {
                field: "reason".into(),
                value: format!("{other:?}"),
                expected: "retirement_age_without_pension, emigration, serious_illness, severe_disability or stopped_12_months".into(),
            })
        }
    };
    let settlement = f.month("settlement_month")?;
    let h = f.history(Some((settlement, "settlement_month")))?;
    let given_support = f.opt_money("support_received")?;
    let person = if reason == Reason::RetirementAge {
        Some((
            Sex::parse(f.str("sex")?, "sex")?,
            BirthDate::parse(f.str("birth_date")?, "birth_date")?,
        ))
    } else {
        // Accepted but not needed for the other reasons.
        let sex = f
            .opt_str("sex")?
            .map(|s| Sex::parse(s, "sex"))
            .transpose()?;
        let birth = f
            .opt_str("birth_date")?
            .map(|s| BirthDate::parse(s, "birth_date"))
            .transpose()?;
        sex.zip(birth)
    };
    evaluate(p, reason, settlement, &h, given_support, person, t)
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
    t: &mut Trace,
) -> Result<LumpSum> {
    h.check_supported("history")?;
    let months = h.months();
    let new_law = settlement >= crate::month::LAW_2024_START;
    // Article 102 of the 2024 law; article 77 of the 2014 law (with Resolution 93/2015).
    let cite = |clause: &str, extra: &str| -> String {
        if new_law {
            format!("Law 41/2024/QH15 art. 102.{clause}{extra}")
        } else {
            format!("Law 58/2014/QH13 art. 77.{clause}; Resolution 93/2015/QH13{extra}")
        }
    };

    // Eligibility (art. 102.1).
    let not = |r: &str| Some(r.to_string());
    let why: Option<String> = match reason {
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
    };
    let avg = average_income(p, h, settlement, "settlement_month", "history", t)?;
    let (y_pre, y_post, per_year) = per_year_value(h, avg.mbq)?;
    // Support is not deducted for serious illness, nor (2024 law) for severe disability
    // (L24 art. 102.3; L14 art. 77.3 exempted serious illness only; rules S-6).
    let exempt = reason == Reason::SeriousIllness
        || (reason == Reason::SevereDisability && settlement >= crate::month::LAW_2024_START);
    let under_year = months < 12;
    // The month-by-month payments are only needed when the support is not given or the
    // period is under a year (the amount paid).
    let paid = if under_year || given_support.is_none() {
        h.payments(p, "history")?
    } else {
        crate::history::Payments::default()
    };
    let support = given_support.unwrap_or(paid.state + paid.local);
    let (gross, deducted) = if under_year {
        let own = given_support.map_or(paid.own, |s| paid.gross - s);
        (own.min(2 * avg.mbq).max(0), 0)
    } else {
        (per_year, if exempt { 0 } else { support })
    };
    let amount = (gross - deducted).max(0);
    if gross - deducted < 0 {
        t.warn(
            "support_exceeds_amount",
            format!(
                "the support deducted ({}) exceeds the lump sum ({}); the amount is 0",
                money::en(deducted),
                money::en(gross)
            ),
            format!(
                "số tiền hỗ trợ phải trừ ({}) lớn hơn mức hưởng ({}); số tiền nhận là 0",
                money::vi(deducted),
                money::vi(gross)
            ),
        );
    }
    if let Some(reason) = &why {
        t.step("eligible", false, Cite::Law(&cite("1", "")), |w| {
            w.formula(format_args!("reason {reason}"));
            w.vi(format_args!(
                "Không đủ điều kiện hưởng BHXH một lần với lý do đã chọn ({reason})."
            ));
            w.en(format_args!(
                "A lump sum cannot be paid for the reason given ({reason})."
            ));
        });
    }
    if under_year {
        t.step("gross_amount", gross, Cite::Law(&cite("2", "; decision K-10")), |w| {
            w.formula(format_args!("min(own payments {}, 2 × {}) = {gross}", paid.own, avg.mbq));
            w.vi(format_args!("Thời gian đóng dưới 1 năm: hưởng bằng số tiền đã đóng (phần người tham gia tự đóng), tối đa 2 tháng bình quân thu nhập: {}.", money::vi(gross)));
            w.en(format_args!("Less than one year of contributions: the amount paid (the participant's own share), at most 2 months of average income: {}.", money::en(gross)));
        });
    } else {
        t.step("gross_amount", gross, Cite::Law(&cite("2", if new_law { "; Law 41/2024/QH15 art. 5.6; decision K-11" } else { "; decision K-11" })), |w| {
            w.formula(format_args!("{} × (1.5 × {y_pre} + 2 × {y_post}) = {gross}", avg.mbq));
            w.vi(format_args!(
                "Mỗi năm đóng trước 2014 được 1,5 tháng, từ 2014 được 2 tháng bình quân thu nhập ({} năm và {} năm, số tháng lẻ trước 2014 chuyển sang sau 2014): {}.",
                y_pre, y_post, money::vi(gross)
            ));
            w.en(format_args!(
                "Each year before 2014 earns 1.5 months and each year from 2014 earns 2 months of average income ({y_pre} and {y_post} years; leftover months before 2014 move to the later part): {}.",
                money::en(gross)
            ));
        });
    }
    t.step(
        "support_deducted",
        deducted,
        Cite::Law(&cite(
            "3",
            if new_law {
                "; Decree 159/2025/NĐ-CP art. 9; decision K-10"
            } else {
                "; decision K-10"
            },
        )),
        |w| {
            let why_vi = if under_year {
                "đã trừ trong số tiền đã đóng"
            } else if exempt {
                "không trừ khi mắc bệnh hiểm nghèo hoặc suy giảm khả năng lao động từ 81%"
            } else {
                "trừ toàn bộ tiền Nhà nước và địa phương đã hỗ trợ"
            };
            let why_en = if under_year {
                "already excluded from the amount paid"
            } else if exempt {
                "not deducted for serious illness or ≥ 81 % incapacity"
            } else {
                "all State and provincial support received is deducted"
            };
            w.formula(format_args!("support received {support}"));
            w.vi(format_args!(
                "Tiền hỗ trợ bị trừ: {} ({why_vi}).",
                money::vi(deducted)
            ));
            w.en(format_args!(
                "Support deducted: {} ({why_en}).",
                money::en(deducted)
            ));
        },
    );
    t.step("amount", amount, Cite::Law(&cite("2-3", "")), |w| {
        w.formula(format_args!("{gross} − {deducted} = {amount}"));
        w.vi(format_args!("Số tiền BHXH một lần: {}.", money::vi(amount)));
        w.en(format_args!("Lump sum paid: {}.", money::en(amount)));
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
