//! The explanation of `maternity`.

use super::trace::{Cite, Trace};
use crate::calc::maternity::Step;
use crate::money;

pub(crate) fn write(t: &mut Trace, s: Step<'_>) {
    match s {
        Step::BeforeLaw2024 { birth } => t.step(
            "eligible",
            false,
            Cite::Law("Law 58/2014/QH13 art. 4.2; decision K-16"),
            |w| {
                w.formula(format_args!("birth {birth} < 2025-07"));
                w.vi("Trước ngày 01/7/2025, BHXH tự nguyện chưa có chế độ thai sản.");
                w.en("Before 1 July 2025 voluntary social insurance had no maternity benefit.");
            },
        ),
        Step::CompulsoryApplies { compulsory, window } => {
            t.step("eligible", false, Cite::Law("Law 41/2024/QH15 art. 94"), |w| {
                w.formula(format_args!("{compulsory} compulsory of {window} months in the window"));
                w.vi("Đủ điều kiện theo BHXH bắt buộc (hoặc không có tháng đóng tự nguyện): hưởng chế độ thai sản của BHXH bắt buộc.");
                w.en("Qualifies through compulsory insurance (or no voluntary month): the compulsory maternity benefit applies instead.");
            });
        }
        Step::Window { birth, window, min } => {
            t.step("months_in_window", window, Cite::Law("Law 41/2024/QH15 art. 94.1"), |w| {
                w.formula(format_args!("months in {}..{} = {window} (≥ {min} needed)", birth.plus(-12), birth.plus(-1)));
                w.vi(format_args!("Có {window} tháng đóng trong 12 tháng trước khi sinh (cần từ đủ {min} tháng)."));
                w.en(format_args!("{window} months of contributions in the 12 months before the birth ({min} needed)."));
            });
        }
        Step::Amount {
            children,
            per_child,
            amount,
        } => {
            let v = per_child.value.unwrap_or_default();
            t.step("amount", amount, Cite::Param(per_child), |w| {
                w.formula(format_args!("{children} × {v} = {amount}"));
                w.vi(format_args!(
                    "Trợ cấp thai sản: {} cho mỗi con, {children} con: {}.",
                    money::vi(v),
                    money::vi(amount)
                ));
                w.en(format_args!(
                    "Maternity allowance: {} per child, {children} child(ren): {}.",
                    money::en(v),
                    money::en(amount)
                ));
            });
        }
    }
}
