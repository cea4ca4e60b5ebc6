//! The explanation of `retirement`.

use super::trace::{Cite, Trace};
use crate::calc::retirement::{BirthPrecision, Sex, Step};

/// The sex as the law's sentences name it.
pub(crate) fn sex_vi(s: Sex) -> &'static str {
    match s {
        Sex::Male => "nam",
        Sex::Female => "nữ",
    }
}

/// The sex as the English sentences name it.
pub(crate) fn sex_en(s: Sex) -> &'static str {
    match s {
        Sex::Male => "men",
        Sex::Female => "women",
    }
}

pub(crate) fn write(t: &mut Trace, s: Step<'_>) {
    match s {
        Step::BirthDateUsed(birth) => {
            let d = birth.date;
            let year_only = birth.precision == BirthPrecision::Year;
            t.step(
                "birth_date_used",
                d.to_string(),
                Cite::Law("Decree 158/2025/NĐ-CP art. 12.2; Circular 11/2025/TT-BNV art. 5.7"),
                |w| {
                    w.formula(format_args!("birth date → {d}"));
                    w.vi(format_args!(
                        "Không rõ ngày{} sinh nên lấy ngày {} để tính tuổi.",
                        if year_only { ", tháng" } else { "" },
                        crate::month::date_vi(d)
                    ));
                    w.en(format_args!(
                        "The {} of birth is unknown, so age is counted from {d}.",
                        if year_only { "day and month" } else { "day" }
                    ));
                },
            );
        }
        Step::Age {
            sex,
            age,
            reached,
            entry,
        } => {
            let (y, m) = (age.years, age.months);
            t.step("retirement_age", format!("{y}y{m}m"), Cite::Both(entry, "Labour Code 45/2019/QH14 art. 169.2"), |w| {
                w.formula(format_args!("first year Y with year(birth month + required(Y)) = Y → Y = {}, required = {y}y{m}m", reached.year()));
                w.vi(format_args!(
                    "Tuổi nghỉ hưu của {} đạt tuổi trong năm {} là {y} tuổi {m} tháng (lộ trình Nghị định 135/2020/NĐ-CP).",
                    sex_vi(sex), reached.year()
                ));
                w.en(format_args!(
                    "The retirement age for {} reaching it in {} is {y} years {m} months (Decree 135/2020 roadmap).",
                    sex_en(sex), reached.year()
                ));
            });
        }
        Step::Reached {
            birth,
            age,
            reached,
        } => t.step(
            "age_reached_month",
            reached.to_string(),
            Cite::Law("Decree 135/2020/NĐ-CP art. 4.1"),
            |w| {
                w.formula(format_args!(
                    "{birth} + {} months = {reached}",
                    age.total_months()
                ));
                w.vi(format_args!("Đủ tuổi nghỉ hưu vào {}.", reached.to_vi()));
                w.en(format_args!("Retirement age is reached in {reached}."));
            },
        ),
        Step::PensionStart { reached, start } => t.step(
            "pension_start",
            start.to_string(),
            Cite::Law("Law 41/2024/QH15 art. 101.1; Decree 135/2020/NĐ-CP art. 3"),
            |w| {
                w.formula(format_args!("first day of {}", reached.plus(1)));
                w.vi(format_args!(
                    "Thời điểm hưởng lương hưu sớm nhất (nếu đủ điều kiện về thời gian đóng): ngày {}.",
                    crate::month::date_vi(start)
                ));
                w.en(format_args!(
                    "The earliest pension start (if the contribution conditions are met): {start}."
                ));
            },
        ),
    }
}
