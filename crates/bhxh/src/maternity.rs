//! The `maternity` calculation (rules §6), new with the 2024 law.
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 94: a voluntary participant with at least 6 months of
//!   contributions in the 12 months before the birth qualifies.
//! - Art. 95.1: 2,000,000 đồng per child born (and per fetus of at least 22 weeks).
//! - Before 2025-07-01 there was no voluntary maternity benefit (Law 58/2014 art. 4.2;
//!   decision K-16).

use crate::error::Result;
use crate::input::Fields;
use crate::money::{self, Money};
use crate::parameters::Params;
use crate::trace::{Cite, Trace};
use serde::{Deserialize, Serialize};

/// Result of a `maternity` calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Maternity {
    /// Whether the allowance is payable.
    pub eligible: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Contribution months in the 12 months before the birth.
    pub months_in_window: u32,
    /// Amount.
    pub amount: Money,
}

/// Computes a `maternity` request.
///
/// # Errors
/// Field and history errors.
pub fn compute(p: &Params, f: &mut Fields<'_>, t: &mut Trace) -> Result<Maternity> {
    let birth = f.month("child_birth_month")?;
    let h = f.history(None)?;
    let children = f.opt_int("children", 1, 20)?.unwrap_or(1);
    let window = h.months_within(birth.plus(-12), birth.plus(-1));
    if birth < crate::month::LAW_2024_START {
        t.step(
            "eligible",
            false,
            Cite::Law("Law 58/2014/QH13 art. 4.2; decision K-16"),
            |w| {
                w.formula(format_args!("birth {birth} < 2025-07"));
                w.vi("Trước ngày 01/7/2025, BHXH tự nguyện chưa có chế độ thai sản.");
                w.en("Before 1 July 2025 voluntary social insurance had no maternity benefit.");
            },
        );
        return Ok(Maternity {
            eligible: false,
            reason: Some("before_2025_07".into()),
            months_in_window: window,
            amount: 0,
        });
    }
    let min = *p
        .maternity_min_months
        .require(birth, "child_birth_month")?
        .value;
    let per = p.maternity_allowance.require(birth, "child_birth_month")?;
    // Someone who qualifies through compulsory insurance (≥ 6 compulsory months in the
    // window) receives the compulsory benefit instead (L24 art. 94; rules §6); a window with
    // no voluntary month is not a voluntary entitlement.
    let compulsory: u32 = h
        .periods
        .iter()
        .filter(|x| x.scheme == crate::history::Scheme::Compulsory)
        .map(|x| x.months_within(birth.plus(-12), birth.plus(-1)))
        .sum();
    if window > 0 && (compulsory >= min || compulsory == window) {
        t.step("eligible", false, Cite::Law("Law 41/2024/QH15 art. 94"), |w| {
            w.formula(format_args!("{compulsory} compulsory of {window} months in the window"));
            w.vi("Đủ điều kiện theo BHXH bắt buộc (hoặc không có tháng đóng tự nguyện): hưởng chế độ thai sản của BHXH bắt buộc.");
            w.en("Qualifies through compulsory insurance (or no voluntary month): the compulsory maternity benefit applies instead.");
        });
        return Ok(Maternity {
            eligible: false,
            reason: Some("compulsory_maternity_applies".into()),
            months_in_window: window,
            amount: 0,
        });
    }
    let eligible = window >= min;
    let amount = if eligible { per.value * children } else { 0 };
    t.step("months_in_window", window, Cite::Law("Law 41/2024/QH15 art. 94.1"), |w| {
        w.formula(format_args!("months in {}..{} = {window} (≥ {min} needed)", birth.plus(-12), birth.plus(-1)));
        w.vi(format_args!("Có {window} tháng đóng trong 12 tháng trước khi sinh (cần từ đủ {min} tháng)."));
        w.en(format_args!("{window} months of contributions in the 12 months before the birth ({min} needed)."));
    });
    let v = *per.value;
    t.step("amount", amount, Cite::Param(per.entry), |w| {
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
    Ok(Maternity {
        eligible,
        reason: (!eligible).then(|| "insufficient_contribution_months".to_string()),
        months_in_window: window,
        amount,
    })
}
