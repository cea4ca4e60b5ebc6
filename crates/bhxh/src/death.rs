//! The `death` calculation: funeral allowance and survivor lump sum when a contributor or a
//! pensioner dies (rules §5).
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 109: the funeral allowance, "bằng 10 lần mức tham chiếu tại
//!   tháng mà người … chết", for a person with at least 60 months of contributions or
//!   receiving a pension (Law 58/2014 art. 80: 10 × base salary) (rules D-1).
//! - Art. 110.2: survivor lump sum of a contributor: 1.5 months of Mbq per year before 2014,
//!   2 months per year from 2014; with fewer than 60 months, the contributions paid (the
//!   participant's own payments, decision K-10); no support deducted (K-14). Law 58/2014
//!   art. 81.2: under one year, the amount paid, at most 2 months of Mbq (rules D-2).
//! - Art. 110.4: death of a pensioner: 48 months of pension within the first 2 months, then
//!   0.5 month less per month, at least 3 months; Law 58/2014 art. 81.3 has no floor
//!   (decision K-15, rules D-3).
//! - Art. 108, 110: a purely voluntary career carries no monthly survivor allowance (D-4).

use crate::average::average_income;
use crate::error::{Error, Result};
use crate::input::Fields;
use crate::lump_sum::per_year_value;
use crate::money::{self, Money};
use crate::parameters::Params;
use crate::trace::{Cite, Trace};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Result of a `death` calculation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Death {
    /// Funeral allowance.
    pub funeral_allowance: Money,
    /// Survivor lump sum.
    pub survivor_lump_sum: Money,
    /// Always 0 for purely voluntary careers.
    pub monthly_survivor_allowance: Money,
    /// Months of contributions (contributor), or `null` for a pensioner.
    pub contribution_months: Option<u32>,
    /// Mbq (contributor), or `null` for a pensioner.
    pub average_income: Option<Money>,
    /// Months of survivor lump sum (pensioner), as a decimal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_of_pension: Option<Decimal>,
}

/// Computes a `death` request.
///
/// # Errors
/// Field errors, `conflicting_fields` (both `history` and `pension`), the history errors,
/// `parameter_not_in_force`.
pub fn compute(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<Death> {
    let death = f.month("death_month")?;
    let history = f.has_history();
    let pension = f.get("pension");
    let new_law = death >= crate::month::LAW_2024_START;
    let law = if new_law {
        "Law 41/2024/QH15"
    } else {
        "Law 58/2014/QH13"
    };
    let reference = p.reference_level.require(death, "death_month")?;
    if reference.extrapolated {
        t.extrapolated("reference_level", death, reference.entry.from);
    }
    let multiple = p.funeral_allowance_multiple.require(death, "death_month")?;
    let funeral_full = multiple
        .value
        .checked_mul(*reference.value)
        .ok_or_else(|| Error::Overflow {
            field: "death_month".into(),
        })?;
    let min_months = *p.funeral_min_months.require(death, "death_month")?.value;
    let (funeral_ok, survivor, months, mbq, k_months) = match (history, pension) {
        (true, Some(_)) => {
            return Err(Error::ConflictingFields {
                field: "history".into(),
                other: "pension".into(),
            })
        }
        (false, None) => {
            return Err(Error::MissingField {
                field: "history".into(),
            })
        }
        (false, Some(pv)) => {
            let mut pf = Fields::new(pv, "pension")?;
            pf.only(&["monthly_amount", "start_month"])?;
            let amount = pf.money("monthly_amount")?;
            let start = pf.month("start_month")?;
            if start > death {
                return Err(Error::FuturePeriod {
                    field: "pension.start_month".into(),
                    to: start,
                    limit: death,
                    limit_field: "death_month".into(),
                });
            }
            let k = death.months_since(start) + 1;
            let raw = if k <= 2 {
                Decimal::from(48)
            } else {
                Decimal::from(48) - Decimal::from(k - 2) / Decimal::TWO
            };
            let factor = if new_law {
                raw.max(Decimal::from(3))
            } else {
                raw.max(Decimal::ZERO)
            };
            let lump = money::mul_rate(amount, factor).ok_or_else(|| Error::Overflow {
                field: "pension.monthly_amount".into(),
            })?;
            t.step("survivor_lump_sum", lump, Cite::Law(&format!("{law} art. {}; decision K-15", if new_law { "110.4" } else { "81.3" })), |w| {
                w.formula(format_args!("k = {k}; {} × {amount} = {lump}", factor.normalize()));
                w.vi(format_args!(
                    "Người hưởng lương hưu chết ở tháng hưởng thứ {k}: trợ cấp tuất một lần bằng {} tháng lương hưu{} = {}.",
                    factor.normalize().to_string().replace('.', ","),
                    if new_law { " (48 tháng trong 2 tháng đầu, sau đó giảm 0,5 tháng mỗi tháng, thấp nhất 3 tháng)" } else { " (48 tháng, giảm 0,5 tháng mỗi tháng từ tháng thứ ba)" },
                    money::vi(lump)
                ));
                w.en(format_args!(
                    "A pensioner dying in pension month {k}: the survivor lump sum is {} months of pension{} = {}.",
                    factor.normalize(),
                    if new_law { " (48 months in the first 2 months, then 0.5 less each month, at least 3)" } else { " (48 months, 0.5 less each month from the third)" },
                    money::en(lump)
                ));
            });
            (true, lump, None, None, Some(factor.normalize()))
        }
        (true, None) => {
            let h = f.history(Some((death, "death_month")))?;
            h.check_supported("history")?;
            let months = h.months();
            let avg = average_income(p, &h, death, "death_month", "history", t)?;
            let own_limit = *p
                .survivor_own_payments_months
                .require(death, "death_month")?
                .value;
            let lump = if months < own_limit {
                let paid = h.payments(p, "history")?;
                let lump = if new_law {
                    paid.own
                } else {
                    paid.own.min(2 * avg.mbq)
                };
                t.step("survivor_lump_sum", lump, Cite::Law(&format!("{law} art. {}; decision K-10", if new_law { "110.2" } else { "81.2" })), |w| {
                    w.formula(format_args!("{months} < {own_limit} months → own payments {}{}", paid.own, if new_law { String::new() } else { format!(", at most 2 × {}", avg.mbq) }));
                    w.vi(format_args!("Thời gian đóng dưới {own_limit} tháng: trợ cấp tuất một lần bằng số tiền người tham gia đã đóng (không gồm phần Nhà nước hỗ trợ): {}.", money::vi(lump)));
                    w.en(format_args!("Fewer than {own_limit} months: the survivor lump sum is what the participant paid (excluding State support): {}.", money::en(lump)));
                });
                lump
            } else {
                let (y_pre, y_post, lump) = per_year_value(&h, avg.mbq)?;
                t.step("survivor_lump_sum", lump, Cite::Law(&format!("{law} art. {}; decisions K-11, K-14", if new_law { "110.2" } else { "81.2" })), |w| {
                    w.formula(format_args!("{} × (1.5 × {y_pre} + 2 × {y_post}) = {lump}", avg.mbq));
                    w.vi(format_args!("Trợ cấp tuất một lần: 1,5 tháng bình quân thu nhập mỗi năm đóng trước 2014 và 2 tháng mỗi năm từ 2014 ({y_pre} và {y_post} năm), không trừ tiền hỗ trợ: {}.", money::vi(lump)));
                    w.en(format_args!("Survivor lump sum: 1.5 months of average income per year before 2014 and 2 months per year from 2014 ({y_pre} and {y_post} years), no support deducted: {}.", money::en(lump)));
                });
                lump
            };
            // Mixed careers (L24 art. 110.3, art. 111.1.c; D158 art. 21.2): at least
            // 3 × Mbq, and the funeral allowance with ≥ 12 compulsory months.
            let compulsory = h.months_of(crate::history::Scheme::Compulsory);
            let lump = if compulsory > 0 && new_law {
                let floor3 = 3 * avg.mbq;
                if lump < floor3 {
                    t.step("survivor_lump_sum_minimum", floor3, Cite::Law("Law 41/2024/QH15 art. 110.3; Decree 158/2025/NĐ-CP art. 21"), |w| {
                        w.formula(format_args!("max({lump}, 3 × {}) = {floor3}", avg.mbq));
                        w.vi(format_args!("Có thời gian đóng BHXH bắt buộc nên trợ cấp tuất một lần thấp nhất bằng 3 tháng bình quân thu nhập: {}.", money::vi(floor3)));
                        w.en(format_args!("With compulsory contributions in the career, the survivor lump sum is at least 3 months of average income: {}.", money::en(floor3)));
                    });
                }
                lump.max(floor3)
            } else {
                lump
            };
            (
                months >= min_months || (new_law && compulsory >= 12),
                lump,
                Some(months),
                Some(avg.mbq),
                None,
            )
        }
    };
    let funeral = if funeral_ok { funeral_full } else { 0 };
    let mul = *multiple.value;
    t.step(
        "funeral_allowance",
        funeral,
        Cite::Both(
            reference.entry,
            &format!("{law} art. {}", if new_law { "109" } else { "80" }),
        ),
        |w| {
            if funeral_ok {
                w.formula(format_args!("{mul} × {} = {funeral}", reference.value));
                w.vi(format_args!(
                    "Trợ cấp mai táng bằng {mul} lần mức tham chiếu tháng {}: {}.",
                    death.to_vi().trim_start_matches("tháng "),
                    money::vi(funeral)
                ));
                w.en(format_args!(
                    "Funeral allowance: {mul} times the reference level of {death}: {}.",
                    money::en(funeral)
                ));
            } else {
                w.formula(format_args!(
                    "{} < {min_months} months → 0",
                    months.unwrap_or(0)
                ));
                w.vi(format_args!(
                    "Chưa đủ {min_months} tháng đóng nên không có trợ cấp mai táng."
                ));
                w.en(format_args!(
                    "Fewer than {min_months} months of contributions: no funeral allowance."
                ));
            }
        },
    );
    t.step("monthly_survivor_allowance", 0, Cite::Law(&format!("{law} art. {}", if new_law { "108, art. 110" } else { "80, art. 81" })), |w| {
        w.formula("0");
        w.vi("BHXH tự nguyện không có trợ cấp tuất hằng tháng; thân nhân nhận trợ cấp mai táng và trợ cấp tuất một lần.");
        w.en("Voluntary social insurance has no monthly survivor allowance; the family receives the funeral allowance and the survivor lump sum.");
    });
    Ok(Death {
        funeral_allowance: funeral,
        survivor_lump_sum: survivor,
        monthly_survivor_allowance: 0,
        contribution_months: months,
        average_income: mbq,
        months_of_pension: k_months,
    })
}
