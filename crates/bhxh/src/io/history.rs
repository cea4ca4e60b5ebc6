//! Reading a contribution history from a request: the tree path ([`read`]) and the
//! periods the one-pass reader found ([`from_raw`]) give the same [`History`] and report
//! the same first error.

use super::input::Fields;
use crate::calc::history::{History, Period, Scheme, MAX_MONTHS};
use crate::error::{Error, Result};
use crate::law::parameters::valid_slug;
use crate::money;
use crate::YearMonth;
use serde_json::Value;

/// A period as it appears in a request, before validation.
#[derive(Clone, Debug, PartialEq)]
pub struct RawPeriod<'a> {
    /// `YYYY-MM`.
    pub from: &'a str,
    /// `YYYY-MM`.
    pub to: &'a str,
    /// Whole đồng.
    pub income: i64,
    /// `voluntary` | `compulsory`.
    pub scheme: Option<&'a str>,
    /// Back-paid months.
    pub back_paid: Option<bool>,
    /// Categories.
    pub categories: Option<Vec<&'a str>>,
    /// Province slug.
    pub province: Option<&'a str>,
}

/// Reads `history` at `field`. `limit` is the last month a period may reach (the
/// settlement, claim or death month), with the name of that input.
///
/// # Errors
/// `invalid_type`, `empty_history`, `invalid_month`, `invalid_money`, `period_reversed`,
/// `overlapping_periods`, `future_period`, `history_too_long`, `unknown_field`.
pub(crate) fn read(v: &Value, field: &str, limit: Option<(YearMonth, &str)>) -> Result<History> {
    let arr = super::input::array(
        v,
        field,
        crate::error::Words::new("a list of periods", "một danh sách giai đoạn"),
    )?;
    let mut raws = Vec::with_capacity(arr.len().min(MAX_MONTHS as usize + 1));
    for (i, pv) in arr.iter().enumerate().take(MAX_MONTHS as usize + 1) {
        let mut f = Fields::indexed(pv, field, i)?;
        f.only(&[
            "from",
            "to",
            "income",
            "scheme",
            "back_paid",
            "categories",
            "province",
        ])?;
        let from = f.str("from")?;
        let to = f.str("to")?;
        // Any whole number that fits in 64 bits is kept: its range is checked by
        // `from_raw`, after the months, as for periods read by the typed path, so that
        // both paths report the same first error.
        let income = match f.require("income")? {
            Value::Number(n) if n.as_i64().is_some() => n.as_i64().unwrap_or_default(),
            _ => f.money("income")?,
        };
        let scheme = f.opt_str("scheme")?;
        let back_paid = f.opt_bool("back_paid")?;
        let categories = match f.get("categories") {
            None => None,
            Some(c) => {
                let a = super::input::array(
                    c,
                    &f.path("categories"),
                    crate::error::Words::new(
                        "a list of category strings",
                        "một danh sách nhóm đối tượng",
                    ),
                )?;
                Some(
                    a.iter()
                        .enumerate()
                        .map(|(k, x)| match x {
                            Value::String(s) => Ok(s.as_str()),
                            _ => Err(Error::InvalidType {
                                field: format!("{}[{k}]", f.path("categories")),
                                expected: crate::error::Words::new(
                                    "a category string",
                                    "tên một nhóm đối tượng",
                                ),
                            }),
                        })
                        .collect::<Result<Vec<_>>>()?,
                )
            }
        };
        let province = f.opt_str("province")?;
        raws.push(RawPeriod {
            from,
            to,
            income,
            scheme,
            back_paid,
            categories,
            province,
        });
    }
    from_raw(&raws, arr.len(), field, limit)
}

/// Builds a history from periods already split into their fields (the fast path of
/// [`crate::evaluate`] deserialises them directly). `count` is the number of periods in
/// the request.
///
/// # Errors
/// As [`read`].
pub(crate) fn from_raw(
    raws: &[RawPeriod<'_>],
    count: usize,
    field: &str,
    limit: Option<(YearMonth, &str)>,
) -> Result<History> {
    if count == 0 {
        return Err(Error::EmptyHistory {
            field: field.into(),
        });
    }
    if count > MAX_MONTHS as usize {
        return Err(Error::HistoryTooLong {
            field: field.into(),
            months: count as u64,
        });
    }
    let mut periods = Vec::with_capacity(raws.len());
    for (i, r) in raws.iter().enumerate() {
        periods.push(period(r, i, field, limit)?);
    }
    History::from_periods(periods, field)
}

/// One period of a request, checked: months, income, scheme, categories, province and the
/// limit month, in that order.
fn period(
    r: &RawPeriod<'_>,
    i: usize,
    field: &str,
    limit: Option<(YearMonth, &str)>,
) -> Result<Period> {
    let path = |k: &str| format!("{field}[{i}].{k}");
    let from = super::input::parse_month(r.from, || path("from"))?;
    let to = super::input::parse_month(r.to, || path("to"))?;
    if to < from {
        return Err(Error::PeriodReversed {
            field: path("to"),
            from,
            to,
        });
    }
    if !(0..=money::MAX_MONEY).contains(&r.income) {
        return Err(Error::InvalidMoney {
            field: path("income"),
            value: r.income.to_string(),
        });
    }
    let scheme = match r.scheme.map(|s| (s, Scheme::from_name(s))) {
        None => Scheme::Voluntary,
        Some((_, Some(scheme))) => scheme,
        Some((s, None)) => {
            return Err(Error::ValueOutOfRange {
                field: path("scheme"),
                value: format!("{:?}", crate::error::excerpt(s)),
                expected: crate::error::Words::new(
                    "\"voluntary\" or \"compulsory\"",
                    "\"voluntary\" hoặc \"compulsory\"",
                ),
            })
        }
    };
    let categories = match &r.categories {
        None => Vec::new(),
        Some(c) if c.is_empty() => {
            return Err(Error::EmptyCategories {
                field: path("categories"),
            })
        }
        Some(c) if c.len() > super::read::MAX_CATEGORIES => {
            return Err(Error::ValueOutOfRange {
                field: path("categories"),
                value: format!("{} categories", c.len()),
                expected: crate::error::Words::owned(
                    format!("at most {} categories", super::read::MAX_CATEGORIES),
                    format!("tối đa {} nhóm đối tượng", super::read::MAX_CATEGORIES),
                ),
            })
        }
        Some(c) => c.iter().map(|s| s.to_string()).collect(),
    };
    let province = match r.province {
        None => None,
        Some(s) if valid_slug(s) => Some(s.to_string()),
        Some(s) => {
            return Err(Error::InvalidProvince {
                field: path("province"),
                value: crate::error::excerpt(s),
            })
        }
    };
    if let Some((limit, name)) = limit {
        if to > limit {
            return Err(Error::FuturePeriod {
                field: path("to"),
                to,
                limit,
                limit_field: name.into(),
            });
        }
    }
    Ok(Period {
        from,
        to,
        income: r.income,
        scheme,
        back_paid: r.back_paid.unwrap_or(false),
        categories,
        province,
        index: i,
    })
}
