//! The `death` calculation: funeral allowance and survivor lump sum when a contributor or a
//! pensioner dies (rules §5).
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 109: the funeral allowance, "bằng 10 lần mức tham chiếu tại
//!   tháng mà người … chết", for a person with at least 60 months of contributions or
//!   receiving a pension (Law 58/2014 art. 80: 10 × base salary) (rules D-1).
//! - Art. 110.2: survivor lump sum of a contributor: 1.5 months of Mbq per year before 2014,
//!   2 months per year from 2014; with fewer than 60 months, the contributions paid, State
//!   support included (decisions K-10, K-14: Decree 159/2025 art. 5.6.a does not list art.
//!   110 among the cases where support returns to the budget). Law 58/2014 art. 81.2: under
//!   one year, the amount paid, at most 2 months of Mbq (rules D-2).
//! - Art. 110.4: death of a pensioner: 48 months of pension within the first 2 months, then
//!   0.5 month less per month, at least 3 months; Law 58/2014 art. 81.3 has no floor
//!   (decision K-15, rules D-3).
//! - Art. 108, 110: a purely voluntary career carries no monthly survivor allowance (D-4).
//! - Decree 159/2025/NĐ-CP art. 15: death of a person receiving the art. 23 monthly
//!   allowance: the months not yet paid × the monthly amount, and the funeral allowance with
//!   ≥ 12 months of compulsory or ≥ 60 months of contributions (decision K-19).

use crate::average::average_income;
use crate::error::{Error, Result};
use crate::input::Fields;
use crate::lump_sum::per_year_value;
use crate::money::{self, Money};
use crate::parameters::Params;
use crate::trace::{Cite, Trace};
use crate::YearMonth;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    /// Months of contributions (contributor or allowance recipient), or `null` for a
    /// pensioner.
    pub contribution_months: Option<u32>,
    /// Mbq (contributor), or `null` for a pensioner or an allowance recipient.
    pub average_income: Option<Money>,
    /// Months of survivor lump sum (pensioner), as a decimal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_of_pension: Option<Decimal>,
    /// Months of the art. 23 allowance not yet paid at death (allowance recipient, K-19).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowance_months_unpaid: Option<u32>,
}

/// The law governing a death: the 2024 law from 2025-07 (decision K-16).
struct Regime {
    new_law: bool,
    law: &'static str,
}

impl Regime {
    fn at(death: YearMonth) -> Regime {
        let new_law = death >= crate::month::LAW_2024_START;
        let law = if new_law {
            "Law 41/2024/QH15"
        } else {
            "Law 58/2014/QH13"
        };
        Regime { new_law, law }
    }

    fn cite(&self, new: &str, old: &str, rest: &str) -> String {
        format!(
            "{} art. {}{rest}",
            self.law,
            if self.new_law { new } else { old }
        )
    }
}

/// What a branch of the calculation found, before the funeral allowance.
struct Branch {
    funeral_ok: bool,
    survivor: Money,
    months: Option<u32>,
    mbq: Option<Money>,
    months_of_pension: Option<Decimal>,
    unpaid: Option<u32>,
}

/// Computes a `death` request.
///
/// # Errors
/// Field errors, `conflicting_fields` (`pension` with `history` or `allowance`),
/// `missing_field` (`allowance` without `history`), the history errors,
/// `parameter_not_in_force`.
pub fn compute(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<Death> {
    let death = f.month("death_month")?;
    let r = Regime::at(death);
    let history = f.has_history();
    let pension = f.get("pension");
    let allowance = f.get("allowance");
    let b = match (history, pension, allowance) {
        (_, Some(_), Some(_)) => Err(conflict("pension", "allowance")),
        (true, Some(_), None) => Err(conflict("history", "pension")),
        (false, None, _) => Err(Error::MissingField {
            field: "history".into(),
        }),
        (false, Some(pv), None) => pensioner(pv, death, &r, t),
        (true, None, None) => contributor(p, f, death, &r, t),
        (true, None, Some(av)) => allowance_recipient(p, f, av, death, t),
    }?;
    let funeral = funeral_allowance(p, death, &r, &b, t)?;
    t.step("monthly_survivor_allowance", 0, Cite::Law(&r.cite("108, art. 110", "80, art. 81", "")), |w| {
        w.formula("0");
        w.vi("BHXH tự nguyện không có trợ cấp tuất hằng tháng; thân nhân nhận trợ cấp mai táng và trợ cấp tuất một lần.");
        w.en("Voluntary social insurance has no monthly survivor allowance; the family receives the funeral allowance and the survivor lump sum.");
    });
    Ok(Death {
        funeral_allowance: funeral,
        survivor_lump_sum: b.survivor,
        monthly_survivor_allowance: 0,
        contribution_months: b.months,
        average_income: b.mbq,
        months_of_pension: b.months_of_pension,
        allowance_months_unpaid: b.unpaid,
    })
}

fn conflict(field: &str, other: &str) -> Error {
    Error::ConflictingFields {
        field: field.into(),
        other: other.into(),
    }
}

/// A start month that must not be after the death month.
fn not_after_death(start: YearMonth, death: YearMonth, field: &str) -> Result<()> {
    if start > death {
        return Err(Error::FuturePeriod {
            field: field.into(),
            to: start,
            limit: death,
            limit_field: "death_month".into(),
        });
    }
    Ok(())
}

/// Death of a pensioner: 48 months of pension, less 0.5 a month from the third (K-15).
fn pensioner(pv: &Value, death: YearMonth, r: &Regime, t: &mut Trace) -> Result<Branch> {
    let mut pf = Fields::new(pv, "pension")?;
    pf.only(&["monthly_amount", "start_month"])?;
    let amount = pf.money("monthly_amount")?;
    let start = pf.month("start_month")?;
    not_after_death(start, death, "pension.start_month")?;
    let k = death.months_since(start) + 1;
    let raw = if k <= 2 {
        Decimal::from(48)
    } else {
        Decimal::from(48) - Decimal::from(k - 2) / Decimal::TWO
    };
    let factor = if r.new_law {
        raw.max(Decimal::from(3))
    } else {
        raw.max(Decimal::ZERO)
    };
    let lump = money::mul_rate(amount, factor).ok_or_else(|| Error::Overflow {
        field: "pension.monthly_amount".into(),
    })?;
    let new_law = r.new_law;
    t.step("survivor_lump_sum", lump, Cite::Law(&r.cite("110.4", "81.3", "; decision K-15")), |w| {
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
    Ok(Branch {
        funeral_ok: true,
        survivor: lump,
        months: None,
        mbq: None,
        months_of_pension: Some(factor.normalize()),
        unpaid: None,
    })
}

/// Death of a contributor: the contributions paid below the threshold, else 1.5 / 2 months
/// of Mbq per year; at least 3 × Mbq for mixed careers.
fn contributor(
    p: &Params,
    f: &mut Fields<'_>,
    death: YearMonth,
    r: &Regime,
    t: &mut Trace,
) -> Result<Branch> {
    let h = f.history(Some((death, "death_month")))?;
    h.check_supported("history")?;
    let months = h.months();
    let avg = average_income(p, &h, death, "death_month", "history", t)?;
    let own_limit = *p
        .survivor_own_payments_months
        .require(death, "death_month")?
        .value;
    let lump = if months < own_limit {
        contributions_paid(p, &h, months, own_limit, avg.mbq, r, t)?
    } else {
        let (y_pre, y_post, lump) = per_year_value(&h, avg.mbq)?;
        t.step("survivor_lump_sum", lump, Cite::Law(&r.cite("110.2", "81.2", "; decisions K-11, K-14")), |w| {
            w.formula(format_args!("{} × (1.5 × {y_pre} + 2 × {y_post}) = {lump}", avg.mbq));
            w.vi(format_args!("Trợ cấp tuất một lần: 1,5 tháng bình quân thu nhập mỗi năm đóng trước 2014 và 2 tháng mỗi năm từ 2014 ({y_pre} và {y_post} năm), không trừ tiền hỗ trợ: {}.", money::vi(lump)));
            w.en(format_args!("Survivor lump sum: 1.5 months of average income per year before 2014 and 2 months per year from 2014 ({y_pre} and {y_post} years), no support deducted: {}.", money::en(lump)));
        });
        lump
    };
    // Mixed careers (L24 art. 110.3, art. 111.1.c; D158 art. 21.2): at least 3 × Mbq, and
    // the funeral allowance with ≥ 12 compulsory months.
    let compulsory = h.months_of(crate::history::Scheme::Compulsory);
    let lump = if compulsory > 0 && r.new_law {
        mixed_career_minimum(lump, avg.mbq, t)
    } else {
        lump
    };
    let min_months = *p.funeral_min_months.require(death, "death_month")?.value;
    Ok(Branch {
        funeral_ok: months >= min_months || (r.new_law && compulsory >= 12),
        survivor: lump,
        months: Some(months),
        mbq: Some(avg.mbq),
        months_of_pension: None,
        unpaid: None,
    })
}

/// Fewer months than the threshold: the contributions paid for them, State support
/// included (decisions K-10, K-14: Decree 159/2025 art. 5.6.a does not return support on
/// a survivor lump sum); the 2014 law caps it at 2 × Mbq.
fn contributions_paid(
    p: &Params,
    h: &crate::history::History,
    months: u32,
    own_limit: u32,
    mbq: Money,
    r: &Regime,
    t: &mut Trace,
) -> Result<Money> {
    let paid = h.payments(p, "history")?.gross;
    let new_law = r.new_law;
    let lump = if new_law { paid } else { paid.min(2 * mbq) };
    t.step("survivor_lump_sum", lump, Cite::Law(&r.cite("110.2", "81.2", "; decisions K-10, K-14")), |w| {
        w.formula(format_args!("{months} < {own_limit} months → contributions paid {paid}{}", if new_law { String::new() } else { format!(", at most 2 × {mbq}") }));
        w.vi(format_args!("Thời gian đóng dưới {own_limit} tháng: trợ cấp tuất một lần bằng số tiền đã đóng (gồm cả phần Nhà nước hỗ trợ, không bị trừ lại){}: {}.", if new_law { "" } else { ", tối đa 2 tháng bình quân thu nhập" }, money::vi(lump)));
        w.en(format_args!("Fewer than {own_limit} months: the survivor lump sum is the contributions paid (State support included, nothing deducted){}: {}.", if new_law { "" } else { ", at most 2 months of average income" }, money::en(lump)));
    });
    Ok(lump)
}

fn mixed_career_minimum(lump: Money, mbq: Money, t: &mut Trace) -> Money {
    let floor3 = 3 * mbq;
    if lump < floor3 {
        t.step("survivor_lump_sum_minimum", floor3, Cite::Law("Law 41/2024/QH15 art. 110.3; Decree 158/2025/NĐ-CP art. 21"), |w| {
            w.formula(format_args!("max({lump}, 3 × {mbq}) = {floor3}"));
            w.vi(format_args!("Có thời gian đóng BHXH bắt buộc nên trợ cấp tuất một lần thấp nhất bằng 3 tháng bình quân thu nhập: {}.", money::vi(floor3)));
            w.en(format_args!("With compulsory contributions in the career, the survivor lump sum is at least 3 months of average income: {}.", money::en(floor3)));
        });
    }
    lump.max(floor3)
}

/// Death of a person receiving the art. 23 monthly allowance (Decree 159/2025 art. 15,
/// decision K-19): the months not yet paid × the monthly amount; the months paid run from
/// the first month through the month of death. The history decides the funeral allowance.
fn allowance_recipient(
    p: &Params,
    f: &mut Fields<'_>,
    av: &Value,
    death: YearMonth,
    t: &mut Trace,
) -> Result<Branch> {
    let mut af = Fields::new(av, "allowance")?;
    af.only(&["monthly_amount", "first_month", "months"])?;
    let amount = af.money("monthly_amount")?;
    let first = af.month("first_month")?;
    let granted = af
        .opt_int("months", 1, 1200)?
        .ok_or_else(|| Error::MissingField {
            field: "allowance.months".into(),
        })?;
    let granted = u32::try_from(granted).unwrap_or(u32::MAX);
    let start = p
        .allowance_min_months
        .first_month()
        .unwrap_or(crate::month::LAW_2024_START);
    if first < start {
        return Err(Error::ParameterNotInForce {
            field: "allowance.first_month".into(),
            parameter: "allowance_min_months".into(),
            month: first,
        });
    }
    not_after_death(first, death, "allowance.first_month")?;
    let h = f.history(Some((death, "death_month")))?;
    h.check_supported("history")?;
    let months = h.months();
    let paid = u32::try_from(death.months_since(first) + 1).unwrap_or(u32::MAX);
    let unpaid = granted.saturating_sub(paid);
    let lump = i64::from(unpaid)
        .checked_mul(amount)
        .ok_or_else(|| Error::Overflow {
            field: "allowance.monthly_amount".into(),
        })?;
    t.step("survivor_lump_sum", lump, Cite::Law("Decree 159/2025/NĐ-CP art. 15.1; decision K-19"), |w| {
        w.formula(format_args!("max(0, {granted} − {paid}) × {amount} = {unpaid} × {amount} = {lump}"));
        w.vi(format_args!(
            "Người đang hưởng trợ cấp hằng tháng chết: đã hưởng {paid}/{granted} tháng (tính cả tháng chết), thân nhân nhận {unpaid} tháng chưa hưởng × {} = {} (không hưởng thêm trợ cấp tuất một lần).",
            money::vi(amount), money::vi(lump)
        ));
        w.en(format_args!(
            "A recipient of the monthly allowance dies: {paid} of {granted} months paid (the month of death included); the family receives the {unpaid} unpaid months × {} = {} (no survivor lump sum on top).",
            money::en(amount), money::en(lump)
        ));
    });
    let min_months = *p.funeral_min_months.require(death, "death_month")?.value;
    let compulsory = h.months_of(crate::history::Scheme::Compulsory);
    Ok(Branch {
        funeral_ok: months >= min_months || compulsory >= 12,
        survivor: lump,
        months: Some(months),
        mbq: None,
        months_of_pension: None,
        unpaid: Some(unpaid),
    })
}

/// The funeral allowance: 10 × the reference level of the month of death when the branch
/// qualifies (Law 41/2024 art. 109; Law 58/2014 art. 80: the base salary).
fn funeral_allowance(
    p: &Params,
    death: YearMonth,
    r: &Regime,
    b: &Branch,
    t: &mut Trace,
) -> Result<Money> {
    let reference = p.reference_level.require(death, "death_month")?;
    if reference.extrapolated {
        t.extrapolated("reference_level", death, reference.entry.from);
    }
    let multiple = p.funeral_allowance_multiple.require(death, "death_month")?;
    let full = multiple
        .value
        .checked_mul(*reference.value)
        .ok_or_else(|| Error::Overflow {
            field: "death_month".into(),
        })?;
    let min_months = *p.funeral_min_months.require(death, "death_month")?.value;
    let (ok, mul, months) = (b.funeral_ok, *multiple.value, b.months.unwrap_or(0));
    let funeral = if ok { full } else { 0 };
    let cite = r.cite("109", "80", "");
    t.step(
        "funeral_allowance",
        funeral,
        Cite::Both(reference.entry, &cite),
        |w| {
            if ok {
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
                w.formula(format_args!("{months} < {min_months} months → 0"));
                w.vi(format_args!(
                    "Chưa đủ {min_months} tháng đóng nên không có trợ cấp mai táng."
                ));
                w.en(format_args!(
                    "Fewer than {min_months} months of contributions: no funeral allowance."
                ));
            }
        },
    );
    Ok(funeral)
}
