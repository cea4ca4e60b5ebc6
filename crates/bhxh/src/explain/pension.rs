//! The explanation of `pension`.

use super::trace::{Cite, Trace};
use crate::calc::history::years;
use crate::calc::pension::Step;
use crate::calc::retirement::Sex;
use crate::law::parameters::Age;
use crate::law::parameters::Entry;
use crate::law::parameters::PensionRates;
use crate::law::parameters::TransitionalRetirement;
use crate::law::regime::Regime;
use crate::money;
use crate::Money;
use crate::YearMonth;
use rust_decimal::Decimal;

pub(crate) fn write(t: &mut Trace, s: Step<'_>) {
    match s {
        Step::TransitionalAge {
            voluntary_months,
            age,
            entry,
        } => transitional_age_step(t, voluntary_months, age, entry),
        Step::AgeReached {
            birth,
            age,
            reached,
        } => age_reached_step(t, birth, age, reached),
        Step::ContributionMonths {
            months,
            min_months,
            regime,
        } => contribution_months_step(t, months, min_months, regime),
        Step::StartsJuly2025 => {
            t.step("pension_start_rule", "2025-07", Cite::Law("Law 41/2024/QH15 art. 101; Circular 11/2025/TT-BNV art. 5; rule 3.7, docs/rules.md"), |w| {
                w.formula("conditions met before 2025-07 under the 2024 law only → 2025-07-01");
                w.vi("Đủ điều kiện theo Luật 2024 trước ngày 01/7/2025 và không tiếp tục đóng nên hưởng lương hưu từ ngày 01/7/2025.");
                w.en("The 2024 law's conditions were met before 1 July 2025 without further contributions, so the pension starts on 1 July 2025.");
            });
        }
        Step::Refused {
            why,
            start,
            earliest,
            months,
            min_months,
            regime,
        } => refused(t, why, (start, earliest), (months, min_months), regime),
        Step::Rate {
            years,
            rate,
            sex,
            entry,
            regime: _,
        } => rate_step(t, years, rate, sex, entry),
        Step::Monthly {
            rate,
            mbq,
            monthly,
            regime,
        } => monthly_step(t, rate, mbq, monthly, regime),
        Step::Allowance {
            half_before,
            half_after,
            mbq,
            amount,
            above_years,
            entry,
            regime,
        } => allowance(
            t,
            (half_before, half_after),
            mbq,
            amount,
            above_years,
            entry,
            regime,
        ),
        Step::Start { start, regime } => start_step(t, start, regime),
    }
}

fn transitional_age_step(
    t: &mut Trace,
    voluntary_months: u32,
    age: Age,
    entry: &Entry<TransitionalRetirement>,
) {
    let Some(rule) = entry.value else {
        return;
    };
    let (joined, needed) = (rule.joined_before, rule.voluntary_months);
    t.step("transitional_age", format!("{}y", age.years), Cite::Both(entry, "Decree 159/2025/NĐ-CP art. 13"), |w| {
        w.formula(format_args!("first voluntary month < {joined} and {voluntary_months} voluntary months ≥ {needed} → {} years", age.years));
        w.vi(format_args!("Tham gia BHXH tự nguyện trước năm {} và có đủ {} năm đóng tự nguyện nên được hưởng lương hưu khi đủ {} tuổi.", joined.year(), needed / 12, age.years));
        w.en(format_args!("Joined before {} with at least {} years of voluntary contributions, so the pension may start at {}.", joined.year(), needed / 12, age.years));
    });
}

fn age_reached_step(t: &mut Trace, birth: YearMonth, age: Age, reached: YearMonth) {
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
}

fn contribution_months_step(t: &mut Trace, months: u32, min_months: u32, regime: Regime) {
    t.step(
        "contribution_months",
        months,
        Cite::Law(regime.pick(
            "Law 41/2024/QH15 art. 5; decision K-11",
            "Law 58/2014/QH13 art. 3.7; decision K-11",
        )),
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
}

fn rate_step(t: &mut Trace, years: Decimal, rate: Decimal, sex: Sex, entry: &Entry<PensionRates>) {
    let sex_vi = if sex == Sex::Male { "nam" } else { "nữ" };
    t.step(
        "rate",
        rate.to_string(),
        Cite::Both(entry, "decision K-11"),
        |w| {
            w.formula(format_args!(
                "years {years} (half years, art. 5.6) → rate {rate}"
            ));
            w.vi(format_args!(
            "Với {years} năm đóng (lao động {sex_vi}), tỷ lệ hưởng lương hưu là {} (tối đa {}).",
            money::percent_vi(rate),
            money::percent_vi(entry.value.as_ref().map(|r| r.max_rate).unwrap_or_default())
        ));
            w.en(format_args!(
                "With {years} years of contributions ({}), the pension rate is {} (at most {}).",
                if sex == Sex::Male { "a man" } else { "a woman" },
                money::percent(rate),
                money::percent(entry.value.as_ref().map(|r| r.max_rate).unwrap_or_default())
            ));
        },
    );
}

fn monthly_step(t: &mut Trace, rate: Decimal, mbq: Money, monthly: Money, regime: Regime) {
    t.step(
        "monthly_pension",
        monthly,
        Cite::Law(regime.pick(
            "Law 41/2024/QH15 art. 99.1; rule 3.4, docs/rules.md; decision K-1",
            "Law 58/2014/QH13 art. 74; rule 3.4, docs/rules.md; decision K-1",
        )),
        |w| {
            w.formula(format_args!("{rate} × {mbq} = {monthly}"));
            w.vi(format_args!(
                "Lương hưu hằng tháng: {} × {} = {} (BHXH tự nguyện không có mức sàn lương hưu).",
                money::percent_vi(rate),
                money::vi(mbq),
                money::vi(monthly)
            ));
            w.en(format_args!(
                "Monthly pension: {} × {} = {} (a purely voluntary pension has no floor).",
                money::percent(rate),
                money::en(mbq),
                money::en(monthly)
            ));
        },
    );
}

fn start_step(t: &mut Trace, start: YearMonth, regime: Regime) {
    t.step(
        "pension_start",
        start.first_day_text(),
        Cite::Law(regime.pick("Law 41/2024/QH15 art. 101", "Law 58/2014/QH13 art. 76")),
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
}

fn refused(
    t: &mut Trace,
    why: &str,
    (start, earliest): (crate::YearMonth, crate::YearMonth),
    (months, min_months): (u32, u32),
    regime: Regime,
) {
    t.step("eligible", false, Cite::Law(regime.pick("Law 41/2024/QH15 art. 98", "Law 58/2014/QH13 art. 73")), |w| {
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
}

/// The one-time allowance: the 2024 law pays two rates (up to and after retirement age);
/// the 2014 law one rate for the years above those that give the highest rate.
fn allowance(
    t: &mut Trace,
    (half_before, half_after): (u32, Option<u32>),
    mbq: crate::Money,
    amount: crate::Money,
    above_years: u32,
    entry: &crate::law::parameters::Entry<crate::law::parameters::PensionRates>,
    regime: Regime,
) {
    let Some(rates) = entry.value.as_ref() else {
        return;
    };
    let per = rates.allowance_per_year.normalize();
    let _ = regime;
    t.step("retirement_allowance", amount, Cite::Both(entry, "decision K-11"), |w| {
        match (half_after, rates.allowance_per_year_after_age) {
            (Some(ha), Some(after)) => {
                let after = after.normalize();
                w.formula(format_args!(
                    "{per} × {mbq} × {} + {after} × {mbq} × {} = {amount}",
                    years(half_before),
                    years(ha)
                ));
                w.vi(format_args!(
                    "Trợ cấp một lần khi nghỉ hưu cho số năm đóng cao hơn {above_years} năm: {} ({} tháng bình quân thu nhập mỗi năm đóng đến tuổi nghỉ hưu, {} tháng mỗi năm đóng sau tuổi nghỉ hưu).",
                    money::vi(amount),
                    money::decimal_vi(per),
                    money::decimal_vi(after)
                ));
                w.en(format_args!(
                    "One-time allowance on retirement for the years above {above_years}: {} ({per} month of average income per year up to retirement age, {after} months per year after it).",
                    money::en(amount)
                ));
            }
            _ => {
                w.formula(format_args!("{per} × {mbq} × {} = {amount}", years(half_before)));
                w.vi(format_args!(
                    "Trợ cấp một lần khi nghỉ hưu cho số năm đóng cao hơn {above_years} năm (số năm tương ứng tỷ lệ hưởng {}): {} ({} tháng bình quân thu nhập mỗi năm).",
                    money::percent_vi(rates.max_rate),
                    money::vi(amount),
                    money::decimal_vi(per)
                ));
                w.en(format_args!(
                    "One-time allowance on retirement for the years above {above_years} (the years that give {}): {} ({per} month of average income per year).",
                    money::percent(rates.max_rate),
                    money::en(amount)
                ));
            }
        }
    });
}
