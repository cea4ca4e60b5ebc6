//! The explanation of `refund`.

use super::trace::{Cite, Trace};
use crate::calc::contribution::Method;
use crate::calc::refund::{RefundReason, Step};
use crate::law::regime::Regime;
use crate::money;

/// Why, in words.
fn reason_words(r: RefundReason) -> (&'static str, &'static str) {
    match r {
        RefundReason::CompulsoryInsurance => (
            "chuyển sang tham gia BHXH bắt buộc",
            "the participant becomes compulsorily insured",
        ),
        RefundReason::LumpSum => ("hưởng BHXH một lần", "the participant takes a lump sum"),
        RefundReason::Death => (
            "người tham gia chết (thân nhân nhận)",
            "the participant died (the relatives receive it)",
        ),
        RefundReason::Pension => ("hưởng lương hưu", "the participant starts a pension"),
    }
}

pub(crate) fn write(t: &mut Trace, s: Step) {
    match s {
        Step::Unused {
            first,
            last,
            from,
            months,
            reason,
        } => {
            let (vi, en) = reason_words(reason);
            t.step("months_refunded", months, Cite::Law("Decree 159/2025/NĐ-CP art. 8.1; decision K-7"), |w| {
                w.formula(format_args!("{from}..{last} of {first}..{last} = {months} months"));
                w.vi(format_args!("Hoàn trả các tháng đã đóng trước chưa sử dụng vì {vi}: từ {} đến {}, {months} tháng.", from.to_vi(), last.to_vi()));
                w.en(format_args!("The unused prepaid months are refunded because {en}: {from} to {last}, {months} months."));
            });
        }
        Step::Contributions {
            monthly,
            months,
            covered,
            rate,
            contributions,
        } => contributions_step(t, (monthly, months, covered), rate, contributions),
        Step::Amount {
            contributions,
            support,
            amount,
            method,
            regime,
        } => amount_step(t, (contributions, support, amount), method, regime),
    }
}

fn contributions_step(
    t: &mut Trace,
    (monthly, m, n): (crate::Money, u32, u32),
    rate: Option<rust_decimal::Decimal>,
    contributions: crate::Money,
) {
    match rate {
        Some(r) => t.step("contributions", contributions, Cite::Law("Decree 159/2025/NĐ-CP art. 8.3; decisions K-1, K-7"), |w| {
            let lo = n - m + 1;
            w.formula(format_args!("Σ_{{i={lo}..{n}}} {monthly} / (1 + {r})^(i−1) = {contributions}"));
            w.vi(format_args!("Mức đóng của {m} tháng chưa sử dụng, chiết khấu như khi đóng (lãi suất {}/tháng, tháng thứ {lo} đến {n}): {}.", money::percent_vi(r), money::vi(contributions)));
            w.en(format_args!("The contributions of the {m} unused months, discounted as at payment (rate {r}, months {lo} to {n}): {}.", money::en(contributions)));
        }),
        None => t.step("contributions", contributions, Cite::Law("Decree 159/2025/NĐ-CP art. 8.2; decision K-7"), |w| {
            w.formula(format_args!("{m} × {monthly} = {contributions}"));
            w.vi(format_args!("Mức đóng của {m} tháng chưa sử dụng: {m} × {} = {}.", money::vi(monthly), money::vi(contributions)));
            w.en(format_args!("The contributions of the {m} unused months: {m} × {} = {}.", money::en(monthly), money::en(contributions)));
        }),
    }
}

fn amount_step(
    t: &mut Trace,
    (contributions, support, amount): (crate::Money, crate::Money, crate::Money),
    method: Method,
    regime: Regime,
) {
    let cite = match (method, regime) {
        (Method::Advance, _) => {
            "Decree 159/2025/NĐ-CP art. 8.3; Decree 159/2025/NĐ-CP art. 5.6.a; decision K-7"
        }
        _ => "Decree 159/2025/NĐ-CP art. 8.2; Decree 159/2025/NĐ-CP art. 5.6.a; decision K-7",
    };
    t.step("amount", amount, Cite::Law(cite), |w| {
        w.formula(format_args!("max(0, {contributions} − {support}) = {amount}"));
        w.vi(format_args!(
            "Số tiền hoàn trả: {} trừ {} Nhà nước, địa phương đã hỗ trợ cho các tháng này (hoàn về ngân sách) = {}.",
            money::vi(contributions), money::vi(support), money::vi(amount)
        ));
        w.en(format_args!(
            "Refund: {} less the {} of State and provincial support for those months (returned to the budget) = {}.",
            money::en(contributions), money::en(support), money::en(amount)
        ));
    });
}
