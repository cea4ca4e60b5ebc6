//! The explanation of `lump_sum`.

use super::trace::{Cite, Trace};
use crate::calc::lump_sum::Step;
use crate::law::regime::Regime;
use crate::money;

/// Article 102 of the 2024 law; article 77 of the 2014 law (with Resolution 93/2015).
fn cite(regime: Regime, clause: &str, extra: &str) -> String {
    match regime {
        Regime::Law2024 => format!("Law 41/2024/QH15 art. 102.{clause}{extra}"),
        Regime::Law2014 => {
            format!("Law 58/2014/QH13 art. 77.{clause}; Resolution 93/2015/QH13{extra}")
        }
    }
}

pub(crate) fn write(t: &mut Trace, s: Step) {
    match s {
        Step::Refused { reason, regime } => {
            t.step("eligible", false, Cite::Law(&cite(regime, "1", "")), |w| {
                w.formula(format_args!("reason {reason}"));
                w.vi(format_args!(
                    "Không đủ điều kiện hưởng BHXH một lần với lý do đã chọn ({reason})."
                ));
                w.en(format_args!(
                    "A lump sum cannot be paid for the reason given ({reason})."
                ));
            });
        }
        Step::GrossUnderYear {
            own,
            mbq,
            gross,
            regime,
        } => {
            t.step("gross_amount", gross, Cite::Law(&cite(regime, "2", "; decision K-10")), |w| {
                w.formula(format_args!("min(own payments {own}, 2 × {mbq}) = {gross}"));
                w.vi(format_args!("Thời gian đóng dưới 1 năm: hưởng bằng số tiền đã đóng (phần người tham gia tự đóng), tối đa 2 tháng bình quân thu nhập: {}.", money::vi(gross)));
                w.en(format_args!("Less than one year of contributions: the amount paid (the participant's own share), at most 2 months of average income: {}.", money::en(gross)));
            });
        }
        Step::Gross {
            mbq,
            y_pre,
            y_post,
            gross,
            regime,
        } => {
            let extra = if regime.is_2024() {
                "; Law 41/2024/QH15 art. 5.6; decision K-11"
            } else {
                "; decision K-11"
            };
            t.step("gross_amount", gross, Cite::Law(&cite(regime, "2", extra)), |w| {
                w.formula(format_args!("{mbq} × (1.5 × {y_pre} + 2 × {y_post}) = {gross}"));
                w.vi(format_args!(
                    "Mỗi năm đóng trước 2014 được 1,5 tháng, từ 2014 được 2 tháng bình quân thu nhập ({} năm và {} năm, số tháng lẻ trước 2014 chuyển sang sau 2014): {}.",
                    money::decimal_vi(y_pre), money::decimal_vi(y_post), money::vi(gross)
                ));
                w.en(format_args!(
                    "Each year before 2014 earns 1.5 months and each year from 2014 earns 2 months of average income ({y_pre} and {y_post} years; leftover months before 2014 move to the later part): {}.",
                    money::en(gross)
                ));
            });
        }
        Step::Support {
            deducted,
            support,
            under_year,
            exempt,
            regime,
        } => support_deducted(t, deducted, support, under_year, exempt, regime),
        Step::Amount {
            gross,
            deducted,
            amount,
            regime,
        } => t.step("amount", amount, Cite::Law(&cite(regime, "2-3", "")), |w| {
            w.formula(format_args!("{gross} − {deducted} = {amount}"));
            w.vi(format_args!("Số tiền BHXH một lần: {}.", money::vi(amount)));
            w.en(format_args!("Lump sum paid: {}.", money::en(amount)));
        }),
    }
}

fn support_deducted(
    t: &mut Trace,
    deducted: crate::Money,
    support: crate::Money,
    under_year: bool,
    exempt: bool,
    regime: Regime,
) {
    let extra = if regime.is_2024() {
        "; Decree 159/2025/NĐ-CP art. 9; decision K-10"
    } else {
        "; decision K-10"
    };
    t.step(
        "support_deducted",
        deducted,
        Cite::Law(&cite(regime, "3", extra)),
        |w| {
            let (why_vi, why_en) = if under_year {
                (
                    "đã trừ trong số tiền đã đóng",
                    "already excluded from the amount paid",
                )
            } else if exempt {
                (
                    "không trừ khi mắc bệnh hiểm nghèo hoặc suy giảm khả năng lao động từ 81%",
                    "not deducted for serious illness or ≥ 81 % incapacity",
                )
            } else {
                (
                    "trừ toàn bộ tiền Nhà nước và địa phương đã hỗ trợ",
                    "all State and provincial support received is deducted",
                )
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
}
