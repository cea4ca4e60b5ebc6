//! State support (hỗ trợ tiền đóng của Nhà nước) and provincial top-ups.
//!
//! # Legal basis
//! - Decree 159/2025/NĐ-CP art. 5.1 (from 2025-07-01): "Nhà nước hỗ trợ tiền đóng … bằng
//!   50 % … hộ nghèo, xã đảo, đặc khu; 40 % … hộ cận nghèo; 30 % … người dân tộc thiểu số;
//!   20 % … đối tượng khác" of the contribution at the rural poverty line, for at most
//!   10 years (art. 5.2). Rules S-1, S-3.
//! - Decree 134/2015/NĐ-CP art. 14 (2018-01-01 to 2025-06-30): 30 / 25 / 10 %. Rule S-2.
//! - Law 41/2024/QH15 art. 6.6: provinces may add support (rule S-5, decision K-9).
//! - Several categories: the highest support wins (rule S-1).

use crate::calc::OrOverflow;
use crate::error::{Error, Result};
use crate::law::parameters::{Entry, Params, NATIONAL_CATEGORIES};
use crate::money::{self, Money};
use crate::YearMonth;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The support that applies to one payment month, per covered month.
#[derive(Clone, Debug, PartialEq)]
pub struct SupportChoice {
    /// The category that gives the highest support.
    pub category: String,
    /// Its national category (itself, or the one a provincial category maps to).
    pub national_category: &'static str,
    /// National share of the support base.
    pub national_rate: Decimal,
    /// Provincial share of the support base.
    pub local_rate: Decimal,
    /// Support base: contribution rate × rural poverty line (rounded per K-1).
    pub base: Money,
    /// National support per supported month.
    pub national: Money,
    /// Provincial support per supported month (after the 100 % cap).
    pub local: Money,
    /// Lifetime cap of subsidised months.
    pub cap: u32,
}

/// Resolves and validates the categories, and picks the one with the highest support.
///
/// `rate` is the contribution rate and `poverty_line` the rural poverty line in force in the
/// payment month. Local categories are only valid with their province.
///
/// # Errors
/// `empty_categories`, `unknown_category`, `category_not_available`,
/// `parameter_not_in_force`.
pub fn choose(
    p: &Params,
    month: YearMonth,
    categories: &[String],
    province: Option<&str>,
    rate: Decimal,
    poverty_line: Money,
) -> Result<SupportChoice> {
    if categories.is_empty() {
        return Err(Error::EmptyCategories {
            field: "categories".into(),
        });
    }
    let rates = p.state_support_rates.require(month, "payment_month")?;
    let prov = province.and_then(|s| p.local_support.provinces.get(s));
    let local_entry = prov.and_then(|pr| pr.at(month));
    let local_rates: Option<&BTreeMap<String, Decimal>> =
        local_entry.and_then(|e| e.value.as_ref());
    let mut best: Option<(Decimal, usize, &'static str, Decimal, Decimal)> = None;
    for (i, c) in categories.iter().enumerate() {
        let national_category = national_of(p, prov, c, &format!("categories[{i}]"))?;
        let n = rates.value.get(national_category).unwrap_or_default();
        let l = local_rates
            .and_then(|m| m.get(c))
            .copied()
            .unwrap_or_default();
        let total = n.checked_add(l).or_overflow("categories")?;
        if best.is_none_or(|(t, _, _, bn, _)| total > t || (total == t && n > bn)) {
            best = Some((total, i, national_category, n, l));
        }
    }
    let Some((_, i, national_category, national_rate, local_rate)) = best else {
        return Err(Error::EmptyCategories {
            field: "categories".into(),
        });
    };
    let overflow = || Error::Overflow {
        field: "income".into(),
    };
    let base = money::mul_rate(poverty_line, rate).ok_or_else(overflow)?;
    let national_share = rate.checked_mul(national_rate).ok_or_else(overflow)?;
    let local_share = rate.checked_mul(local_rate).ok_or_else(overflow)?;
    let national = money::mul_rate(poverty_line, national_share)
        .ok_or_else(overflow)?
        .min(base);
    let room = base.checked_sub(national).ok_or_else(overflow)?;
    let local = money::mul_rate(poverty_line, local_share)
        .ok_or_else(overflow)?
        .min(room);
    let cap = if national_rate.is_zero() && local_rate.is_zero() {
        0
    } else {
        *p.support_cap_months.require(month, "payment_month")?.value
    };
    Ok(SupportChoice {
        category: categories[i].clone(),
        national_category,
        national_rate,
        local_rate,
        base,
        national,
        local,
        cap,
    })
}

/// The national category whose State share applies to category `c` (itself, or the one a
/// provincial category maps to). Local categories are valid only with their province.
pub(crate) fn national_of(
    p: &Params,
    prov: Option<&crate::law::parameters::Province>,
    c: &str,
    field: &str,
) -> Result<&'static str> {
    if let Some(n) = NATIONAL_CATEGORIES.iter().find(|n| **n == c) {
        return Ok(n);
    }
    let field = field.to_string();
    if let Some(lc) = prov.and_then(|pr| pr.local_categories.get(c)) {
        return NATIONAL_CATEGORIES
            .iter()
            .find(|n| **n == lc.national_category)
            .copied()
            .ok_or_else(|| Error::UnknownCategory {
                field,
                value: crate::error::excerpt(c),
            });
    }
    match p
        .local_support
        .provinces
        .iter()
        .find(|(_, pr)| pr.local_categories.contains_key(c))
    {
        Some((slug, _)) => Err(Error::CategoryNotAvailable {
            field,
            value: crate::error::excerpt(c),
            province: slug.clone(),
        }),
        None => Err(Error::UnknownCategory {
            field,
            value: crate::error::excerpt(c),
        }),
    }
}

/// The provincial top-up entry in force for `province` in `month`, for citing.
pub fn local_entry<'a>(
    p: &'a Params,
    province: Option<&str>,
    month: YearMonth,
) -> Option<&'a Entry<BTreeMap<String, Decimal>>> {
    p.local_support.provinces.get(province?)?.at(month)
}
