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

use crate::average::average_income;
use crate::error::Result;
use crate::history::{half_years, years};
use crate::input::Fields;
use crate::money::{self, Money};
use crate::parameters::Params;
use crate::retirement::{self, BirthDate, Sex};
use crate::trace::{Cite, Trace};
use crate::YearMonth;
use serde::{Deserialize, Serialize};

/// Result of a `monthly_allowance` calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthlyAllowance {
    /// Whether the allowance can be paid.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    Ok((birth.plus(12 * age as i32), age))
}

/// Computes a `monthly_allowance` request.
///
/// # Errors
/// Field and history errors, `parameter_not_in_force`.
pub fn compute_monthly(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<MonthlyAllowance> {
    let sex = Sex::parse(f.str("sex")?, "sex")?;
    let birth = BirthDate::parse(f.str("birth_date")?, "birth_date")?;
    let settlement = f.month("settlement_month")?;
    let poor = f.opt_bool("poor_or_near_poor_household")?.unwrap_or(false);
    let h = f.history(Some((settlement, "settlement_month")))?;
    h.check_supported("history")?;
    let tc_found = p
        .social_pension_amount
        .require(settlement, "settlement_month")?;
    let tc = *tc_found.value;
    let months = h.months();
    let (_, reached, _) = retirement::reached(p, sex, birth.month(), "birth_date")?;
    let min = *p
        .pension_min_months
        .require(settlement, "settlement_month")?
        .value;
    let (sp_month, sp_age) =
        social_pension_month(p, birth.month(), poor, settlement, "settlement_month")?;
    let min_allowance = *p
        .allowance_min_months
        .require(settlement, "settlement_month")?
        .value;
    let why = if reached > settlement {
        Some("retirement_age_not_reached")
    } else if months >= min {
        Some("pension_eligible")
    } else if sp_month <= settlement {
        Some("social_pension_age_reached")
    } else if months < min_allowance {
        Some("fewer_than_12_months")
    } else {
        None
    };
    let avg = average_income(p, &h, settlement, "settlement_month", "history", t)?;
    let half = half_years(months);
    let n = years(half);
    let tdt = sp_month.months_since(settlement).max(0) as u32;
    // Ttt = ceil(Mbq × 2 × N / TChtxh) with 2N = half-years.
    let num = i128::from(avg.mbq) * i128::from(half);
    let ttt = u32::try_from((num + i128::from(tc) - 1) / i128::from(tc)).map_err(|_| {
        crate::error::Error::Overflow {
            field: "history".into(),
        }
    })?;
    if let Some(reason) = why {
        let cite = if reason == "fewer_than_12_months" {
            "Law 41/2024/QH15 art. 23.1; Decree 159/2025/NĐ-CP art. 14.3; decision K-13"
        } else {
            "Law 41/2024/QH15 art. 23.1"
        };
        t.step("eligible", false, Cite::Law(cite), |w| {
            w.formula(format_args!("reason {reason}"));
            match reason {
                "retirement_age_not_reached" => {
                    w.vi(format_args!("Chưa đủ tuổi nghỉ hưu (đủ tuổi vào {}).", reached.to_vi()));
                    w.en(format_args!("Retirement age is not reached yet (it is in {reached})."));
                }
                "pension_eligible" => {
                    w.vi("Đã đủ điều kiện hưởng lương hưu nên không hưởng trợ cấp hằng tháng.");
                    w.en("A pension is payable, so the monthly allowance does not apply.");
                }
                "fewer_than_12_months" => {
                    w.vi(format_args!("Thời gian đóng {months} tháng, chưa đủ {min_allowance} tháng nên không hưởng trợ cấp hằng tháng (Nghị định 159/2025/NĐ-CP điều 14.3; quyết định K-13)."));
                    w.en(format_args!("{months} months of contributions, fewer than {min_allowance}: the monthly allowance is not available (Decree 159/2025 art. 14.3; decision K-13)."));
                }
                _ => {
                    w.vi(format_args!("Đã đủ {sp_age} tuổi: hưởng trợ cấp hưu trí xã hội thay cho trợ cấp hằng tháng."));
                    w.en(format_args!("Aged {sp_age} or more: the social pension allowance applies instead."));
                }
            }
        });
        return Ok(MonthlyAllowance {
            eligible: false,
            reason: Some(reason.into()),
            months: 0,
            months_paid: 0,
            monthly_amount: 0,
            months_to_social_pension: tdt,
            top_up_to_social_pension_age: 0,
            average_income: avg.mbq,
            contribution_months: months,
        });
    }
    t.step(
        "months",
        ttt,
        Cite::Both(
            tc_found.entry,
            "Decree 159/2025/NĐ-CP art. 14.3; Decree 158/2025/NĐ-CP art. 23.1; decisions K-11, K-13",
        ),
        |w| {
            w.formula(format_args!("ceil({} × 2 × {n} / {tc}) = {ttt}", avg.mbq));
            w.vi(format_args!(
                "Số tháng hưởng trợ cấp: {} × 2 × {n} năm / {} = {ttt} tháng (làm tròn lên).",
                money::vi(avg.mbq),
                money::vi(tc)
            ));
            w.en(format_args!(
                "Months of allowance: {} × 2 × {n} years / {} = {ttt} months (rounded up).",
                money::en(avg.mbq),
                money::en(tc)
            ));
        },
    );
    t.step(
        "months_to_social_pension",
        tdt,
        Cite::Law("Law 41/2024/QH15 art. 21, art. 23.3"),
        |w| {
            w.formula(format_args!("{sp_month} − {settlement} = {tdt}"));
            w.vi(format_args!(
                "Còn {tdt} tháng đến tuổi hưởng trợ cấp hưu trí xã hội ({sp_age} tuổi, {}).",
                sp_month.to_vi()
            ));
            w.en(format_args!(
                "{tdt} months remain until the social-pension age ({sp_age}, {sp_month})."
            ));
        },
    );
    let (monthly, paid, top_up) = if ttt >= tdt && tdt > 0 {
        let m = money::div_round_half_away(i128::from(tc) * i128::from(ttt), i128::from(tdt));
        (i64::try_from(m).unwrap_or(i64::MAX), tdt, 0)
    } else {
        (tc, ttt, i64::from(tdt - ttt) * tc)
    };
    t.step("monthly_amount", monthly, Cite::Law("Decree 158/2025/NĐ-CP art. 24.2; Law 41/2024/QH15 art. 23.3; decision K-13"), |w| {
        if ttt >= tdt {
            w.formula(format_args!("{tc} × {ttt} / {tdt} = {monthly}"));
            w.vi(format_args!("Số tháng hưởng dài hơn thời gian đến tuổi hưởng trợ cấp hưu trí xã hội nên mức hưởng được nâng lên {} mỗi tháng trong {tdt} tháng.", money::vi(monthly)));
            w.en(format_args!("The allowance would outlast the time to social-pension age, so it is raised to {} a month for {tdt} months.", money::en(monthly)));
        } else {
            w.formula(format_args!("{tc} for {ttt} months; top-up ({tdt} − {ttt}) × {tc} = {top_up}"));
            w.vi(format_args!("Hưởng {} mỗi tháng trong {ttt} tháng; có thể đóng thêm {} để được hưởng đến tuổi hưởng trợ cấp hưu trí xã hội.", money::vi(monthly), money::vi(top_up)));
            w.en(format_args!("{} a month for {ttt} months; paying {} more would extend it until the social-pension age.", money::en(monthly), money::en(top_up)));
        }
    });
    Ok(MonthlyAllowance {
        eligible: true,
        reason: None,
        months: ttt,
        months_paid: paid,
        monthly_amount: monthly,
        months_to_social_pension: tdt,
        top_up_to_social_pension_age: top_up,
        average_income: avg.mbq,
        contribution_months: months,
    })
}

/// Result of a `social_pension` calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SocialPension {
    /// Whether the allowance is payable in `month`.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// First month it is payable (age reached, at the earliest 2025-07), `null` when a
    /// pension excludes it.
    pub from_month: Option<YearMonth>,
    /// Amount (0 when not eligible).
    pub monthly_amount: Money,
}

/// Computes a `social_pension` request.
///
/// # Errors
/// Field errors, `parameter_not_in_force` before 2025-07.
pub fn compute_social(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<SocialPension> {
    let birth = BirthDate::parse(f.str("birth_date")?, "birth_date")?;
    let month = f.month("month")?;
    let poor = f.opt_bool("poor_or_near_poor_household")?.unwrap_or(false);
    let pension = f.opt_money("monthly_pension")?.unwrap_or(0);
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
    t.step(
        "social_pension_age",
        age,
        Cite::Law(&format!(
            "Law 41/2024/QH15 art. 21.1.{}",
            if poor { "b" } else { "a" }
        )),
        |w| {
            w.formula(format_args!("{} + {age}y = {age_month}", birth.month()));
            w.vi(format_args!(
                "Tuổi hưởng trợ cấp hưu trí xã hội: {age} tuổi{}, đủ vào {}.",
                if poor {
                    " (hộ nghèo, hộ cận nghèo)"
                } else {
                    ""
                },
                age_month.to_vi()
            ));
            w.en(format_args!(
                "Social-pension age: {age}{}, reached in {age_month}.",
                if poor {
                    " (poor or near-poor household)"
                } else {
                    ""
                }
            ));
        },
    );
    let eligible = why.is_none();
    let monthly = if eligible { tc } else { 0 };
    t.step("monthly_amount", monthly, Cite::Param(amount.entry), |w| {
        w.formula(format_args!("{}", if eligible { tc } else { 0 }));
        w.vi(if eligible {
            format!(
                "Trợ cấp hưu trí xã hội {} mỗi tháng từ {}.",
                money::vi(tc),
                from.to_vi()
            )
        } else if pension >= tc {
            format!(
                "Lương hưu {} không thấp hơn mức trợ cấp hưu trí xã hội nên không hưởng.",
                money::vi(pension)
            )
        } else {
            format!("Chưa đủ tuổi; được hưởng từ {}.", from.to_vi())
        });
        w.en(if eligible {
            format!(
                "Social pension allowance of {} a month from {from}.",
                money::en(tc)
            )
        } else if pension >= tc {
            format!(
                "A pension of {} is not below the social pension, so it is not paid.",
                money::en(pension)
            )
        } else {
            format!("Age not reached yet; payable from {from}.")
        });
    });
    Ok(SocialPension {
        eligible,
        reason: why.map(str::to_string),
        from_month: (pension < tc).then_some(from),
        monthly_amount: monthly,
    })
}
