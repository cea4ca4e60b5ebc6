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

use crate::average::{average_income, Average};
use crate::error::{Error, Result};
use crate::history::{half_years, years, History, Scheme};
use crate::input::Fields;
use crate::money::{self, Money};
use crate::month::LAW_2024_START;
use crate::parameters::{Age, Params};
use crate::retirement::{self, BirthDate, Sex};
use crate::trace::{Cite, Trace};
use crate::YearMonth;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Result of a `pension` calculation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pension {
    /// Whether a pension is payable.
    pub eligible: bool,
    /// Why not, when not eligible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

impl PensionInput {
    /// Reads `sex`, `birth_date`, `history`, `claim_month`.
    ///
    /// # Errors
    /// Field errors of each input.
    pub fn read(f: &mut Fields<'_>) -> Result<Self> {
        let sex = Sex::parse(f.str("sex")?, "sex")?;
        let birth = BirthDate::parse(f.str("birth_date")?, "birth_date")?;
        let claim_month = f.opt_month("claim_month")?;
        let history = f.history(None)?;
        Ok(PensionInput {
            sex,
            birth,
            history,
            claim_month,
        })
    }
}

/// The age month that applies under the 2024 law: the roadmap (`age`, `reached`), or 60/55
/// for those who joined before 2021 with at least 20 years of voluntary contributions
/// (art. 141.9), whichever comes first.
pub fn age_month(
    sex: Sex,
    birth: YearMonth,
    h: &History,
    age: Age,
    reached: YearMonth,
) -> (Age, YearMonth, bool) {
    let y2021 = crate::month::january(2021);
    let transitional =
        h.first_voluntary().is_some_and(|m| m < y2021) && h.months_of(Scheme::Voluntary) >= 240;
    if transitional {
        let a = match sex {
            Sex::Male => Age {
                years: 60,
                months: 0,
            },
            Sex::Female => Age {
                years: 55,
                months: 0,
            },
        };
        let m = birth.plus(a.total_months() as i32);
        if m < reached {
            return (a, m, true);
        }
    }
    (age, reached, false)
}

/// The pension rate for `half` half-years under the 2024 law (art. 99.1).
pub fn rate_2024(sex: Sex, half: u32) -> Decimal {
    let h = Decimal::from(half);
    let pct = |x: Decimal| x / Decimal::ONE_HUNDRED;
    let r = match sex {
        Sex::Female => pct(Decimal::from(45) + (h - Decimal::from(30))),
        Sex::Male if half >= 40 => pct(Decimal::from(45) + (h - Decimal::from(40))),
        Sex::Male => pct(Decimal::from(40) + (h - Decimal::from(30)) / Decimal::TWO),
    };
    r.min(Decimal::new(75, 2)).max(Decimal::ZERO).normalize()
}

/// Years giving 45 % and the yearly increment under the 2014 law (art. 74), by sex and the
/// year the pension starts.
pub fn law_2014_band(sex: Sex, start_year: i32) -> (u32, Decimal) {
    match sex {
        Sex::Female if start_year <= 2017 => (15, Decimal::from(3)),
        Sex::Female => (15, Decimal::TWO),
        Sex::Male => ((start_year - 2002).clamp(15, 20) as u32, Decimal::TWO),
    }
}

/// The pension rate for `half` half-years under the 2014 law (art. 74).
pub fn rate_2014(sex: Sex, half: u32, start_year: i32) -> Decimal {
    let (n, inc) = law_2014_band(sex, start_year);
    let above = Decimal::from(half) - Decimal::from(2 * n);
    let r = (Decimal::from(45) + above * inc / Decimal::TWO) / Decimal::ONE_HUNDRED;
    r.min(Decimal::new(75, 2)).max(Decimal::ZERO).normalize()
}

/// The result of [`evaluate`] with the values projections need.
pub struct Outcome {
    /// The contract result.
    pub pension: Pension,
    /// The average income used.
    pub average: Average,
}

/// Computes a pension.
///
/// # Errors
/// `compulsory_rules_apply`, `compulsory_before_2008_unsupported`,
/// `coefficient_not_available`, `parameter_not_in_force`, `overflow`.
pub fn evaluate(p: &Params, i: &PensionInput, t: &mut Trace) -> Result<Outcome> {
    let h = &i.history;
    h.check_supported("history")?;
    let months = h.months();
    let birth = i.birth.month();
    let (age_roadmap, reached_roadmap, _) = retirement::reached(p, i.sex, birth, "birth_date")?;
    let (age_new, reached_new, transitional) =
        age_month(i.sex, birth, h, age_roadmap, reached_roadmap);
    let last = h.last();
    let old_start = reached_roadmap.max(last).plus(1);
    let new_start = reached_new.max(last).plus(1).max(LAW_2024_START);
    let old_min = p.pension_min_months.at(old_start).map(|f| *f.value);
    let (start, new_law) = match i.claim_month {
        Some(c) => (c, c >= LAW_2024_START),
        None if old_start < LAW_2024_START && old_min.is_some_and(|m| months >= m) => {
            (old_start, false)
        }
        None => (new_start, true),
    };
    let (age, reached) = if new_law {
        (age_new, reached_new)
    } else {
        (age_roadmap, reached_roadmap)
    };
    let earliest = if new_law { new_start } else { old_start };
    let min_months = *p.pension_min_months.require(start, "claim_month")?.value;
    let rule_set = if new_law { "law_2024" } else { "law_2014" };
    if transitional && new_law {
        t.step("transitional_age", format!("{}y", age.years), Cite::Law("Law 41/2024/QH15 art. 141.9; Decree 159/2025/NĐ-CP art. 13"), |w| {
            w.formula(format_args!("first voluntary month < 2021-01 and {} voluntary months ≥ 240 → {} years", h.months_of(Scheme::Voluntary), age.years));
            w.vi(format_args!("Tham gia BHXH tự nguyện trước năm 2021 và có đủ 20 năm đóng tự nguyện nên được hưởng lương hưu khi đủ {} tuổi.", age.years));
            w.en(format_args!("Joined before 2021 with at least 20 years of voluntary contributions, so the pension may start at {}.", age.years));
        });
    }
    t.step(
        "age_reached_month",
        reached.to_string(),
        Cite::Law("Labour Code 45/2019/QH14 art. 169.2; Decree 135/2020/NĐ-CP art. 4.1"),
        |w| {
            w.formula(format_args!(
                "{birth} + {}y{}m = {reached}",
                age.years, age.months
            ));
            w.vi(format_args!(
                "Đủ tuổi nghỉ hưu ({} tuổi {} tháng) vào {}.",
                age.years,
                age.months,
                reached.to_vi()
            ));
            w.en(format_args!(
                "Retirement age ({} years {} months) is reached in {reached}.",
                age.years, age.months
            ));
        },
    );
    t.step(
        "contribution_months",
        months,
        Cite::Law(if new_law {
            "Law 41/2024/QH15 art. 5; decision K-11"
        } else {
            "Law 58/2014/QH13 art. 3.7; decision K-11"
        }),
        |w| {
            w.formula(format_args!(
                "Σ (to − from + 1) = {months}; required ≥ {min_months}"
            ));
            w.vi(format_args!(
                "Tổng thời gian đóng BHXH: {months} tháng (cần từ đủ {min_months} tháng)."
            ));
            w.en(format_args!(
                "Total contribution period: {months} months ({min_months} needed)."
            ));
        },
    );
    let (eligible, reason) = if months < min_months {
        (false, Some("insufficient_contribution_months"))
    } else if start < earliest {
        (false, Some("not_yet_eligible"))
    } else {
        (true, None)
    };
    if start > earliest
        && i.claim_month.is_none()
        && new_law
        && reached_new.max(last).plus(1) < LAW_2024_START
    {
        t.step("pension_start_rule", LAW_2024_START.to_string(), Cite::Law("Law 41/2024/QH15 art. 101; Circular 11/2025/TT-BNV art. 5; rules 3.7"), |w| {
            w.formula("conditions met before 2025-07 under the 2024 law only → 2025-07-01");
            w.vi("Đủ điều kiện theo Luật 2024 trước ngày 01/7/2025 và không tiếp tục đóng nên hưởng lương hưu từ ngày 01/7/2025.");
            w.en("The 2024 law's conditions were met before 1 July 2025 without further contributions, so the pension starts on 1 July 2025.");
        });
    }
    let avg = average_income(
        p,
        h,
        start,
        if i.claim_month.is_some() {
            "claim_month"
        } else {
            "history"
        },
        "history",
        t,
    )?;
    let half = half_years(months);
    let y = years(half);
    let start_date = start.first_day();
    if !eligible {
        let why = reason.unwrap_or_default();
        t.step("eligible", false, Cite::Law(if new_law { "Law 41/2024/QH15 art. 98" } else { "Law 58/2014/QH13 art. 73" }), |w| {
            if why == "not_yet_eligible" {
                w.formula(format_args!("claim {start} < earliest start {earliest}"));
                w.vi(format_args!("Chưa đủ điều kiện hưởng lương hưu vào {}: sớm nhất từ {}.", start.to_vi(), earliest.to_vi()));
                w.en(format_args!("No pension can start in {start}: the earliest start is {earliest}."));
            } else {
                w.formula(format_args!("{months} < {min_months} months"));
                w.vi(format_args!("Chưa đủ {} năm đóng BHXH nên chưa được hưởng lương hưu; có thể đóng tiếp, đóng bù, nhận trợ cấp hằng tháng, bảo lưu hoặc hưởng BHXH một lần.", min_months / 12));
                w.en(format_args!("Fewer than {} years of contributions: no pension yet. The options are to keep contributing, back-pay, take the monthly allowance, keep the record, or withdraw a lump sum.", min_months / 12));
            }
        });
        let pension = Pension {
            eligible,
            reason: reason.map(str::to_string),
            rule_set: rule_set.into(),
            pension_start: None,
            contribution_months: months,
            years_for_rate: y,
            rate: Decimal::ZERO,
            coefficient_table: avg.table_year,
            average_income: avg.mbq,
            monthly_pension: 0,
            retirement_allowance: 0,
            retirement_age: age,
            age_reached_month: reached,
        };
        return Ok(Outcome {
            pension,
            average: avg,
        });
    }
    let rate = if new_law {
        rate_2024(i.sex, half)
    } else {
        rate_2014(i.sex, half, start.year())
    };
    let sex_vi = if i.sex == Sex::Male { "nam" } else { "nữ" };
    t.step(
        "rate",
        rate.to_string(),
        Cite::Law(if new_law {
            "Law 41/2024/QH15 art. 99.1; decision K-11"
        } else {
            "Law 58/2014/QH13 art. 74; decision K-11"
        }),
        |w| {
            w.formula(format_args!(
                "years {y} (half years, art. 5.6) → rate {rate}"
            ));
            w.vi(format_args!(
                "Với {y} năm đóng (lao động {sex_vi}), tỷ lệ hưởng lương hưu là {} (tối đa 75%).",
                money::percent_vi(rate)
            ));
            w.en(format_args!(
                "With {y} years of contributions ({}), the pension rate is {} (at most 75 %).",
                if i.sex == Sex::Male {
                    "a man"
                } else {
                    "a woman"
                },
                money::percent(rate)
            ));
        },
    );
    let monthly = money::mul_rate(avg.mbq, rate).ok_or_else(|| Error::Overflow {
        field: "history".into(),
    })?;
    t.step(
        "monthly_pension",
        monthly,
        Cite::Law(if new_law {
            "Law 41/2024/QH15 art. 99.1; rules 3.4; decision K-1"
        } else {
            "Law 58/2014/QH13 art. 74; rules 3.4; decision K-1"
        }),
        |w| {
            w.formula(format_args!("{rate} × {} = {monthly}", avg.mbq));
            w.vi(format_args!(
                "Lương hưu hằng tháng: {} × {} = {} (BHXH tự nguyện không có mức sàn lương hưu).",
                money::percent_vi(rate),
                money::vi(avg.mbq),
                money::vi(monthly)
            ));
            w.en(format_args!(
                "Monthly pension: {} × {} = {} (a purely voluntary pension has no floor).",
                money::percent(rate),
                money::en(avg.mbq),
                money::en(monthly)
            ));
        },
    );
    let allowance =
        retirement_allowance(i.sex, new_law, start.year(), h, reached_roadmap, avg.mbq, t)?;
    t.step(
        "pension_start",
        start.first_day_text(),
        Cite::Law(if new_law {
            "Law 41/2024/QH15 art. 101"
        } else {
            "Law 58/2014/QH13 art. 76"
        }),
        |w| {
            w.formula(format_args!("first day of {start}"));
            w.vi(format_args!(
                "Thời điểm hưởng lương hưu: ngày {}.",
                start.first_day_vi()
            ));
            w.en(format_args!(
                "The pension starts on {}.",
                start.first_day_text()
            ));
        },
    );
    let pension = Pension {
        eligible,
        reason: None,
        rule_set: rule_set.into(),
        pension_start: Some(start_date),
        contribution_months: months,
        years_for_rate: y,
        rate,
        coefficient_table: avg.table_year,
        average_income: avg.mbq,
        monthly_pension: monthly,
        retirement_allowance: allowance,
        retirement_age: age,
        age_reached_month: reached,
    };
    Ok(Outcome {
        pension,
        average: avg,
    })
}

fn retirement_allowance(
    sex: Sex,
    new_law: bool,
    start_year: i32,
    h: &History,
    reached: YearMonth,
    mbq: Money,
    t: &mut Trace,
) -> Result<Money> {
    let months = h.months();
    let overflow = || Error::Overflow {
        field: "history".into(),
    };
    // Half years paid at half a month of Mbq each, and (2024 law) those after retirement
    // age paid at two months each.
    let (half_rate, double_rate) = if new_law {
        let threshold: u32 = if sex == Sex::Male { 420 } else { 360 };
        let before = h.months_within(h.first(), reached);
        let after = months - before;
        let ex_before = before.saturating_sub(threshold);
        let ex_after = if before >= threshold {
            after
        } else {
            (before + after).saturating_sub(threshold)
        };
        (half_years(ex_before), Some(half_years(ex_after)))
    } else {
        let (n, inc) = law_2014_band(sex, start_year);
        // Years giving 75 %: n + 30 / inc.
        let full = Decimal::from(n) + Decimal::from(30) / inc;
        let full_months = (full * Decimal::from(12)).trunc().mantissa() as u32;
        let hx = half_years(months.saturating_sub(full_months));
        (hx, None)
    };
    // 0.5 × Mbq × hb/2 + 2 × Mbq × ha/2 = Mbq × (hb + 4·ha) / 4
    let quarters = half_rate + 4 * double_rate.unwrap_or(0);
    let amount = i64::try_from(money::div_round_half_away(
        i128::from(mbq) * i128::from(quarters),
        4,
    ))
    .map_err(|_| overflow())?;
    if amount > 0 {
        let law = if new_law {
            "Law 41/2024/QH15 art. 100; decision K-11"
        } else {
            "Law 58/2014/QH13 art. 75; decision K-11"
        };
        t.step("retirement_allowance", amount, Cite::Law(law), |w| {
            let formula = match (half_rate, double_rate) {
                (hb, Some(ha)) => {
                    format!("0.5 × {mbq} × {} + 2 × {mbq} × {}", years(hb), years(ha))
                }
                (hx, None) => format!("0.5 × {mbq} × {}", years(hx)),
            };
            w.formula(format_args!("{formula} = {amount}"));
            w.vi(format_args!(
                "Trợ cấp một lần khi nghỉ hưu cho số năm đóng cao hơn {} năm: {} (0,5 tháng bình quân thu nhập mỗi năm đóng đến tuổi nghỉ hưu, 2 tháng mỗi năm đóng sau tuổi nghỉ hưu).",
                if sex == Sex::Male { 35 } else { 30 },
                money::vi(amount)
            ));
            w.en(format_args!(
                "One-time allowance on retirement for the years above {}: {} (half a month of average income per year up to retirement age, two months per year after it).",
                if sex == Sex::Male { 35 } else { 30 },
                money::en(amount)
            ));
        });
    }
    Ok(amount)
}

/// Computes a `pension` request.
///
/// # Errors
/// As [`evaluate`] plus the field errors of [`PensionInput::read`].
pub fn compute(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<Pension> {
    let input = PensionInput::read(f)?;
    Ok(evaluate(p, &input, t)?.pension)
}
