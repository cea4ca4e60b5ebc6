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

use crate::calc::work::{Notice, Sink};
use crate::calc::OrOverflow;
use crate::error::{Error, Result};
use crate::law::parameters::{Entry, Params, Province, NATIONAL_CATEGORIES};
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
    known_province(p, province, "province")?;
    let found = local(p, province, month);
    let prov = found.record;
    let local_rates: Option<&BTreeMap<String, Decimal>> =
        found.entry.and_then(|e| e.value.as_ref());
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
/// provincial category maps to). Local categories are valid only with their province (for a
/// former province, also those of the province it merged into).
pub(crate) fn national_of(
    p: &Params,
    prov: Option<&Province>,
    c: &str,
    field: &str,
) -> Result<&'static str> {
    if let Some(n) = NATIONAL_CATEGORIES.iter().find(|n| **n == c) {
        return Ok(n);
    }
    let field = field.to_string();
    let merged = prov
        .and_then(|pr| pr.merged_into.as_deref())
        .and_then(|q| p.local_support.provinces.get(q));
    let own = prov.and_then(|pr| pr.local_categories.get(c));
    if let Some(lc) = own.or_else(|| merged.and_then(|m| m.local_categories.get(c))) {
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

/// `unknown_province` at `field` for a code the provincial data does not list.
///
/// # Errors
/// `unknown_province`.
pub fn known_province(p: &Params, province: Option<&str>, field: &str) -> Result<()> {
    match province {
        Some(c) if !p.local_support.provinces.contains_key(c) => Err(Error::UnknownProvince {
            field: field.into(),
            value: crate::error::excerpt(c),
        }),
        _ => Ok(()),
    }
}

/// What the provincial data says for a province code in a month (rule S-5, decision K-9).
#[derive(Clone, Copy)]
pub struct Local<'a> {
    /// The record whose categories and top-up apply: the province itself, or for a former
    /// province without a scheme of its own after the merger, the province it merged into.
    pub record: Option<&'a Province>,
    /// The top-up entry in force, if any.
    pub entry: Option<&'a Entry<BTreeMap<String, Decimal>>>,
    /// The former area an entry was meant for, when the current province's code was given
    /// after the merger (the top-up is applied on that assumption).
    pub assumed_area: Option<&'a str>,
}

/// The month a current province took in former provinces, if it did.
fn merger_of(p: &Params, code: &str) -> Option<YearMonth> {
    p.local_support
        .provinces
        .values()
        .filter(|f| f.merged_into.as_deref() == Some(code))
        .filter_map(|f| f.merged)
        .min()
}

/// The provincial top-up that applies to `province` (a current or a former province's code)
/// in `month`: a former province's own scheme to its participants; after the merger, the
/// merged province's whole-province scheme when the former one has none.
pub fn local<'a>(p: &'a Params, province: Option<&str>, month: YearMonth) -> Local<'a> {
    let none = Local {
        record: None,
        entry: None,
        assumed_area: None,
    };
    let provinces = &p.local_support.provinces;
    let Some((code, own)) = province.and_then(|c| provinces.get_key_value(c)) else {
        return none;
    };
    if let Some(e) = own.at(month) {
        let after = merger_of(p, code).is_some_and(|m| month >= m);
        return Local {
            record: Some(own),
            entry: Some(e),
            assumed_area: e.area.as_deref().filter(|_| after),
        };
    }
    let target = match (&own.merged_into, own.merged) {
        (Some(q), Some(m)) if month >= m => provinces.get(q),
        _ => None,
    };
    match target {
        Some(t) => Local {
            record: Some(t),
            entry: t.at_whole(month),
            assumed_area: None,
        },
        None => Local {
            record: Some(own),
            ..none
        },
    }
}

/// The provincial top-up entry in force for `province` in `month`, for citing.
pub fn local_entry<'a>(
    p: &'a Params,
    province: Option<&str>,
    month: YearMonth,
) -> Option<&'a Entry<BTreeMap<String, Decimal>>> {
    local(p, province, month).entry
}

/// Warns of the resolutions `records` know to be in force in `month` but not in the data,
/// when they are later than the entry in force (`since`): they may change the shares shown.
pub(crate) fn unread_notices(
    province: &str,
    records: &[&Province],
    (month, since): (YearMonth, Option<YearMonth>),
    w: &mut dyn Sink,
) {
    for u in records.iter().flat_map(|r| &r.unread) {
        if u.from <= month && since.is_none_or(|s| u.from > s) {
            w.notice(Notice::LocalResolutionNotInData {
                province,
                unread: u,
            });
        }
    }
}

/// The warnings about the provincial data of a payment (decision K-9): no top-up known, a
/// resolution known but not in the data, a top-up of one former area assumed or available
/// under a former province's code, an old category code.
pub fn local_notices(
    p: &Params,
    province: &str,
    month: YearMonth,
    categories: &[String],
    w: &mut dyn Sink,
) {
    let found = local(p, Some(province), month);
    if found.entry.is_none() {
        w.notice(Notice::LocalSupportNotInData { province, month });
    }
    let own = p.local_support.provinces.get(province);
    let mut records: Vec<&Province> = own.into_iter().collect();
    if let Some(r) = found
        .record
        .filter(|r| !records.iter().any(|x| std::ptr::eq(*x, *r)))
    {
        records.push(r);
    }
    let since = found.entry.map(|e| e.from);
    unread_notices(province, &records, (month, since), w);
    if let Some(area) = found.assumed_area {
        w.notice(Notice::FormerArea {
            province,
            area,
            own_scheme: false,
        });
    }
    if own.is_some_and(|o| o.merged_into.is_none()) {
        for (code, f) in &p.local_support.provinces {
            let applies = f.merged_into.as_deref() == Some(province)
                && f.merged.is_some_and(|m| month >= m)
                && f.at(month).is_some();
            if applies {
                w.notice(Notice::FormerArea {
                    province,
                    area: code,
                    own_scheme: true,
                });
            }
        }
    }
    for c in categories {
        let deprecated = found
            .record
            .and_then(|r| r.local_categories.get(c))
            .and_then(|lc| lc.deprecated.as_deref());
        if let Some(replacement) = deprecated {
            w.notice(Notice::DeprecatedCategory {
                category: c,
                replacement,
            });
        }
    }
}
