//! The explanation of `death`.

use super::trace::{Cite, Trace};
use crate::calc::death::Step;
use crate::law::regime::Regime;
use crate::money;
use crate::Money;
use rust_decimal::Decimal;

pub(crate) fn write(t: &mut Trace, s: Step<'_>) {
    match s {
        Step::Pensioner {
            k,
            factor,
            amount,
            lump,
            regime,
        } => pensioner_step(t, k, factor, amount, lump, regime),
        Step::ContributionsPaid {
            months,
            own_limit,
            paid,
            mbq,
            lump,
            regime,
        } => contributions_paid_step(t, months, own_limit, paid, mbq, lump, regime),
        Step::PerYear {
            mbq,
            y_pre,
            y_post,
            lump,
            regime,
        } => per_year_step(t, mbq, y_pre, y_post, lump, regime),
        Step::MixedMinimum { lump, mbq, floor } => mixed_minimum_step(t, lump, mbq, floor),
        Step::AllowanceUnpaid {
            granted,
            paid,
            unpaid,
            amount,
            lump,
        } => allowance_unpaid_step(t, granted, paid, unpaid, amount, lump),
        Step::Funeral {
            paid,
            multiple,
            reference,
            funeral,
            months,
            min_months,
            death,
            regime,
        } => funeral_step(
            t,
            (paid, multiple, reference, funeral),
            (months, min_months),
            death,
            regime,
        ),
        Step::NoMonthlyAllowance { regime } => no_monthly_allowance_step(t, regime),
    }
}

fn pensioner_step(
    t: &mut Trace,
    k: i32,
    factor: Decimal,
    amount: Money,
    lump: Money,
    regime: Regime,
) {
    let new_law = regime.is_2024();
    let cite = format!("{}; decision K-15", regime.article("110.4", "81.3"));
    t.step("survivor_lump_sum", lump, Cite::Law(&cite), |w| {
        w.formula(format_args!("k = {k}; {factor} × {amount} = {lump}"));
        w.vi(format_args!(
            "Người hưởng lương hưu chết ở tháng hưởng thứ {k}: trợ cấp tuất một lần bằng {} tháng lương hưu{} = {}.",
            money::decimal_vi(factor),
            if new_law { " (48 tháng trong 2 tháng đầu, sau đó giảm 0,5 tháng mỗi tháng, thấp nhất 3 tháng)" } else { " (48 tháng, giảm 0,5 tháng mỗi tháng từ tháng thứ ba)" },
            money::vi(lump)
        ));
        w.en(format_args!(
            "A pensioner dying in pension month {k}: the survivor lump sum is {factor} months of pension{} = {}.",
            if new_law { " (48 months in the first 2 months, then 0.5 less each month, at least 3)" } else { " (48 months, 0.5 less each month from the third)" },
            money::en(lump)
        ));
    });
}

fn contributions_paid_step(
    t: &mut Trace,
    months: u32,
    own_limit: u32,
    paid: Money,
    mbq: Money,
    lump: Money,
    regime: Regime,
) {
    let new_law = regime.is_2024();
    let cite = format!("{}; decisions K-10, K-14", regime.article("110.2", "81.2"));
    t.step("survivor_lump_sum", lump, Cite::Law(&cite), |w| {
        w.formula(format_args!("{months} < {own_limit} months → contributions paid {paid}{}", if new_law { String::new() } else { format!(", at most 2 × {mbq}") }));
        w.vi(format_args!("Thời gian đóng dưới {own_limit} tháng: trợ cấp tuất một lần bằng số tiền đã đóng (gồm cả phần Nhà nước hỗ trợ, không bị trừ lại){}: {}.", if new_law { "" } else { ", tối đa 2 tháng bình quân thu nhập" }, money::vi(lump)));
        w.en(format_args!("Fewer than {own_limit} months: the survivor lump sum is the contributions paid (State support included, nothing deducted){}: {}.", if new_law { "" } else { ", at most 2 months of average income" }, money::en(lump)));
    });
}

fn per_year_step(
    t: &mut Trace,
    mbq: Money,
    y_pre: Decimal,
    y_post: Decimal,
    lump: Money,
    regime: Regime,
) {
    let cite = format!("{}; decisions K-11, K-14", regime.article("110.2", "81.2"));
    t.step("survivor_lump_sum", lump, Cite::Law(&cite), |w| {
        w.formula(format_args!("{mbq} × (1.5 × {y_pre} + 2 × {y_post}) = {lump}"));
        w.vi(format_args!("Trợ cấp tuất một lần: 1,5 tháng bình quân thu nhập mỗi năm đóng trước 2014 và 2 tháng mỗi năm từ 2014 ({y_pre} và {y_post} năm), không trừ tiền hỗ trợ: {}.", money::vi(lump)));
        w.en(format_args!("Survivor lump sum: 1.5 months of average income per year before 2014 and 2 months per year from 2014 ({y_pre} and {y_post} years), no support deducted: {}.", money::en(lump)));
    });
}

fn mixed_minimum_step(t: &mut Trace, lump: Money, mbq: Money, floor: Money) {
    t.step("survivor_lump_sum_minimum", floor, Cite::Law("Law 41/2024/QH15 art. 110.3; Decree 158/2025/NĐ-CP art. 21"), |w| {
        w.formula(format_args!("max({lump}, 3 × {mbq}) = {floor}"));
        w.vi(format_args!("Có thời gian đóng BHXH bắt buộc nên trợ cấp tuất một lần thấp nhất bằng 3 tháng bình quân thu nhập: {}.", money::vi(floor)));
        w.en(format_args!("With compulsory contributions in the career, the survivor lump sum is at least 3 months of average income: {}.", money::en(floor)));
    });
}

fn allowance_unpaid_step(
    t: &mut Trace,
    granted: u32,
    paid: u32,
    unpaid: u32,
    amount: Money,
    lump: Money,
) {
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
}

fn no_monthly_allowance_step(t: &mut Trace, regime: Regime) {
    t.step("monthly_survivor_allowance", 0, Cite::Law(&regime.article("108, art. 110", "80, art. 81")), |w| {
        w.formula("0");
        w.vi("BHXH tự nguyện không có trợ cấp tuất hằng tháng; thân nhân nhận trợ cấp mai táng và trợ cấp tuất một lần.");
        w.en("Voluntary social insurance has no monthly survivor allowance; the family receives the funeral allowance and the survivor lump sum.");
    });
}

fn funeral_step(
    t: &mut Trace,
    (ok, mul, reference, funeral): (
        bool,
        i64,
        &crate::law::parameters::Entry<crate::Money>,
        crate::Money,
    ),
    (months, min_months): (u32, u32),
    death: crate::YearMonth,
    regime: Regime,
) {
    let rf = reference.value.unwrap_or_default();
    let cite = regime.article("109", "80");
    t.step(
        "funeral_allowance",
        funeral,
        Cite::Both(reference, &cite),
        |w| {
            if ok {
                w.formula(format_args!("{mul} × {rf} = {funeral}"));
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
}
