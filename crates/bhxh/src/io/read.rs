//! Reading each calculation's request into its typed input: field names, paths and JSON
//! types live here, never in `calc`.

use super::input::Fields;
use crate::calc::allowance::{MonthlyAllowanceInput, SocialPensionInput};
use crate::calc::contribution::{ContributionInput, Method};
use crate::calc::death::{DeathInput, Deceased};
use crate::calc::health_insurance::{Form, HealthInsuranceInput, MemberInput};
use crate::calc::lump_sum::{LumpSumInput, Reason};
use crate::calc::maternity::MaternityInput;
use crate::calc::pension::PensionInput;
use crate::calc::refund::{RefundInput, RefundReason};
use crate::calc::retirement::{BirthDate, RetirementInput, Sex};
use crate::error::{Error, Result};
use crate::law::parameters::valid_slug;
use crate::law::parameters::Params;
use crate::project::compare::{locate, VariantInput};
use crate::project::estimate::{EstimateInput, Shortfall};
use crate::YearMonth;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Fields of a `contribution` request.
pub(crate) const CONTRIBUTION: &[&str] = &[
    "payment_month",
    "income",
    "method",
    "months",
    "categories",
    "province",
    "subsidised_months_before",
    "fund_rate_monthly",
];

/// Fields of a `refund` request: the prepaid payment's, the reason and the first month.
pub(crate) const REFUND: &[&str] = &[
    "payment_month",
    "income",
    "method",
    "months",
    "categories",
    "province",
    "subsidised_months_before",
    "fund_rate_monthly",
    "reason",
    "from_month",
];

/// Fields of a `retirement` request.
pub(crate) const RETIREMENT: &[&str] = &["sex", "birth_date"];

/// Fields of an `estimate` request.
pub(crate) const ESTIMATE: &[&str] = &[
    "as_of",
    "sex",
    "birth_date",
    "start_month",
    "method",
    "months",
    "categories",
    "province",
    "contribution_years",
    "history",
    "assumptions",
    "shortfall",
    "income",
];

/// Fields of a `minimum_income` request.
pub(crate) const MINIMUM_INCOME: &[&str] = &[
    "as_of",
    "sex",
    "birth_date",
    "start_month",
    "method",
    "months",
    "categories",
    "province",
    "contribution_years",
    "history",
    "assumptions",
    "shortfall",
    "target_monthly_pension",
];

/// `sex` and `birth_date`.
pub(crate) fn person(f: &mut Fields<'_>) -> Result<(Sex, BirthDate)> {
    let sex = Sex::parse(f.str("sex")?, "sex")?;
    let birth = BirthDate::parse(f.str("birth_date")?, "birth_date")?;
    Ok((sex, birth))
}

/// A `retirement` request.
pub(crate) fn retirement(f: &mut Fields<'_>) -> Result<RetirementInput> {
    let (sex, birth) = person(f)?;
    Ok(RetirementInput { sex, birth })
}

/// A `maternity` request.
pub(crate) fn maternity(f: &mut Fields<'_>) -> Result<MaternityInput> {
    let birth = f.month("child_birth_month")?;
    let history = f.history(None)?;
    let children = f.opt_int("children", 1, 20)?.unwrap_or(1);
    Ok(MaternityInput {
        birth,
        history,
        children,
    })
}

/// Fields of a `health_insurance` request.
pub(crate) const HEALTH_INSURANCE: &[&str] = &[
    "payment_month",
    "months",
    "members",
    "already_enrolled",
    "province",
    "payment_date",
    "previous_card_expiry",
];

/// The most members one request may list.
pub(crate) const MAX_MEMBERS: usize = 20;

/// A `health_insurance` request.
pub(crate) fn health_insurance(f: &mut Fields<'_>) -> Result<HealthInsuranceInput> {
    let payment_month = f.month("payment_month")?;
    let months = f.opt_int("months", i64::MIN, i64::MAX)?.unwrap_or(12);
    let list = super::input::array(
        f.require("members")?,
        "members",
        crate::error::Words::new(
            "a list of member objects",
            "một danh sách thành viên (đối tượng JSON)",
        ),
    )?;
    if list.is_empty() || list.len() > MAX_MEMBERS {
        return Err(Error::ValueOutOfRange {
            field: "members".into(),
            value: format!("{} members", list.len()),
            expected: crate::error::Words::owned(
                format!("1 to {MAX_MEMBERS} members"),
                format!("từ 1 đến {MAX_MEMBERS} thành viên"),
            ),
        });
    }
    let members = list
        .iter()
        .enumerate()
        .map(|(i, v)| member(v, i))
        .collect::<Result<Vec<_>>>()?;
    let already = f.opt_int("already_enrolled", 0, 100)?.unwrap_or(0);
    let province = province(f)?;
    let payment_date = opt_date(f, "payment_date")?;
    let previous_card_expiry = opt_date(f, "previous_card_expiry")?;
    Ok(HealthInsuranceInput {
        payment_month,
        months,
        members,
        already_enrolled: u32::try_from(already).unwrap_or(0),
        province,
        payment_date,
        previous_card_expiry,
    })
}

/// One member of a `health_insurance` request.
fn member(v: &serde_json::Value, i: usize) -> Result<MemberInput> {
    let mut m = Fields::indexed(v, "members", i)?;
    m.only(&["group", "form", "label"])?;
    let group = m.opt_str("group")?.unwrap_or("self_paying").to_string();
    let form = match m.opt_str("form")? {
        None => None,
        Some(s) => Some(Form::from_name(s).ok_or_else(|| Error::ValueOutOfRange {
            field: m.path("form"),
            value: crate::error::excerpt(s),
            expected: crate::error::Words::new(
                "\"household\" or \"supported\"",
                "\"household\" (theo hộ gia đình) hoặc \"supported\" (được ngân sách hỗ trợ)",
            ),
        })?),
    };
    let label = m.opt_str("label")?.map(|s| s.chars().take(80).collect());
    Ok(MemberInput { group, form, label })
}

/// An optional `YYYY-MM-DD` date field.
fn opt_date(f: &mut Fields<'_>, key: &'static str) -> Result<Option<NaiveDate>> {
    f.opt_str(key)?.map(|s| parse_date(s, key)).transpose()
}

/// A `monthly_allowance` request.
pub(crate) fn monthly_allowance(f: &mut Fields<'_>) -> Result<MonthlyAllowanceInput> {
    let (sex, birth) = person(f)?;
    let settlement = f.month("settlement_month")?;
    let poor = f.opt_bool("poor_or_near_poor_household")?.unwrap_or(false);
    let history = f.history(Some((settlement, "settlement_month")))?;
    Ok(MonthlyAllowanceInput {
        sex,
        birth,
        settlement,
        poor,
        history,
    })
}

/// A `social_pension` request.
pub(crate) fn social_pension(f: &mut Fields<'_>) -> Result<SocialPensionInput> {
    let birth = BirthDate::parse(f.str("birth_date")?, "birth_date")?;
    let month = f.month("month")?;
    let poor = f.opt_bool("poor_or_near_poor_household")?.unwrap_or(false);
    let pension = f.opt_money("monthly_pension")?.unwrap_or(0);
    Ok(SocialPensionInput {
        birth,
        month,
        poor,
        pension,
    })
}

/// A `lump_sum` request.
pub(crate) fn lump_sum(f: &mut Fields<'_>) -> Result<LumpSumInput> {
    let reason = Reason::parse(f.str("reason")?, "reason")?;
    let settlement = f.month("settlement_month")?;
    let history = f.history(Some((settlement, "settlement_month")))?;
    let support_received = f.opt_money("support_received")?;
    let person = if reason == Reason::RetirementAge {
        Some(person(f)?)
    } else {
        // Accepted but not needed for the other grounds.
        let sex = f
            .opt_str("sex")?
            .map(|s| Sex::parse(s, "sex"))
            .transpose()?;
        let birth = f
            .opt_str("birth_date")?
            .map(|s| BirthDate::parse(s, "birth_date"))
            .transpose()?;
        sex.zip(birth)
    };
    Ok(LumpSumInput {
        reason,
        settlement,
        history,
        support_received,
        person,
    })
}

/// A `pension` request.
pub(crate) fn pension(f: &mut Fields<'_>) -> Result<PensionInput> {
    let (sex, birth) = person(f)?;
    let claim_month = f.opt_month("claim_month")?;
    let history = f.history(None)?;
    Ok(PensionInput {
        sex,
        birth,
        history,
        claim_month,
    })
}

/// The most categories a request may list (every national and provincial one fits).
pub(crate) const MAX_CATEGORIES: usize = 20;

/// Reads the categories list (`default ["other"]`).
pub(crate) fn categories(f: &mut Fields<'_>) -> Result<Vec<String>> {
    match f.get("categories") {
        None => Ok(vec!["other".into()]),
        Some(v) => {
            let arr = super::input::array(
                v,
                "categories",
                crate::error::Words::new(
                    "a list of category strings",
                    "một danh sách nhóm đối tượng",
                ),
            )?;
            if arr.len() > MAX_CATEGORIES {
                return Err(Error::ValueOutOfRange {
                    field: "categories".into(),
                    value: format!("{} categories", arr.len()),
                    expected: crate::error::Words::owned(
                        format!("at most {MAX_CATEGORIES} categories"),
                        format!("tối đa {MAX_CATEGORIES} nhóm đối tượng"),
                    ),
                });
            }
            arr.iter()
                .enumerate()
                .map(|(i, c)| match c {
                    serde_json::Value::String(s) => Ok(s.clone()),
                    _ => Err(Error::InvalidType {
                        field: format!("categories[{i}]"),
                        expected: crate::error::Words::new(
                            "a category string",
                            "tên một nhóm đối tượng",
                        ),
                    }),
                })
                .collect()
        }
    }
}

/// Reads and checks the province slug.
pub(crate) fn province(f: &mut Fields<'_>) -> Result<Option<String>> {
    match f.opt_str("province")? {
        None => Ok(None),
        Some(s) if valid_slug(s) => Ok(Some(s.to_string())),
        Some(s) => Err(Error::InvalidProvince {
            field: "province".into(),
            value: crate::error::excerpt(s),
        }),
    }
}

/// A `contribution` request.
pub(crate) fn contribution(f: &mut Fields<'_>) -> Result<ContributionInput> {
    let payment_month = f.month("payment_month")?;
    let income = f.money("income")?;
    let method = Method::parse(f.str("method")?)?;
    let months = f.opt_int("months", i64::MIN, i64::MAX)?;
    let categories = categories(f)?;
    let province = province(f)?;
    let subsidised_months_before = f
        .opt_int("subsidised_months_before", i64::MIN, i64::MAX)?
        .unwrap_or(0);
    let fund_rate_monthly = f.opt_decimal(
        "fund_rate_monthly",
        Decimal::ZERO,
        Decimal::new(1, 1),
        crate::error::Words::new(
            "from \"0\" to \"0.1\" (a monthly rate)",
            "từ \"0\" đến \"0.1\" (lãi suất tháng)",
        ),
    )?;
    Ok(ContributionInput {
        payment_month,
        income,
        method,
        months,
        categories,
        province,
        subsidised_months_before,
        fund_rate_monthly,
    })
}

fn conflict(field: &str, other: &str) -> Error {
    Error::ConflictingFields {
        field: field.into(),
        other: other.into(),
    }
}

/// A `death` request: a contributor (`history`), a pensioner (`pension`), or a person
/// receiving the monthly allowance (`allowance` with `history`).
pub(crate) fn death(f: &mut Fields<'_>) -> Result<DeathInput> {
    let death = f.month("death_month")?;
    let history = f.has_history();
    let pension = f.get("pension");
    let allowance = f.get("allowance");
    let deceased = match (history, pension, allowance) {
        (_, Some(_), Some(_)) => return Err(conflict("pension", "allowance")),
        (true, Some(_), None) => return Err(conflict("history", "pension")),
        (false, None, _) => {
            return Err(Error::MissingField {
                field: "history".into(),
            })
        }
        (false, Some(pv), None) => {
            let mut pf = Fields::new(pv, "pension")?;
            pf.only(&["monthly_amount", "start_month"])?;
            Deceased::Pensioner {
                monthly_amount: pf.money("monthly_amount")?,
                start_month: pf.month("start_month")?,
            }
        }
        (true, None, None) => Deceased::Contributor(f.history(Some((death, "death_month")))?),
        (true, None, Some(av)) => {
            let mut af = Fields::new(av, "allowance")?;
            af.only(&["monthly_amount", "first_month", "months"])?;
            let monthly_amount = af.money("monthly_amount")?;
            let first_month = af.month("first_month")?;
            let months = af
                .opt_int("months", 1, 1200)?
                .ok_or_else(|| Error::MissingField {
                    field: "allowance.months".into(),
                })?;
            Deceased::AllowanceRecipient {
                monthly_amount,
                first_month,
                months: u32::try_from(months).unwrap_or(0),
                history: f.history(Some((death, "death_month")))?,
            }
        }
    };
    Ok(DeathInput { death, deceased })
}

/// The estimate's first month: `start_month`, by default the month after `as_of`; never
/// before the month of `as_of`. A start outside the parameter data is blamed on the field
/// that set it.
fn plan_start(f: &mut Fields<'_>, p: &Params, as_of_month: YearMonth) -> Result<YearMonth> {
    let given = f.opt_month("start_month")?;
    let start = given.unwrap_or(as_of_month.plus(1));
    let field = if given.is_some() {
        "start_month"
    } else {
        "as_of"
    };
    if start < as_of_month {
        return Err(Error::ValueOutOfRange {
            field: field.into(),
            value: format!("\"{start}\""),
            expected: crate::error::Words::owned(
                format!("a month from {as_of_month} (the month of as_of) on"),
                format!(
                    "một tháng từ {} (tháng của as_of) trở đi",
                    as_of_month.to_vi()
                ),
            ),
        });
    }
    p.rural_poverty_line.require(start, field)?;
    p.voluntary_min_age.require(start, field)?;
    Ok(start)
}

/// An `estimate` request (`minimum_income` reads the same fields without `income`).
pub(crate) fn estimate(
    f: &mut Fields<'_>,
    p: &Params,
    without_income: bool,
) -> Result<EstimateInput> {
    let as_of_s = f.str("as_of")?;
    let as_of = parse_date(as_of_s, "as_of")?;
    let sex = Sex::parse(f.str("sex")?, "sex")?;
    let birth = BirthDate::parse(f.str("birth_date")?, "birth_date")?;
    let income = if without_income {
        0
    } else {
        f.money("income")?
    };
    let as_of_month = YearMonth::of_date(as_of).ok_or_else(|| Error::InvalidDate {
        field: "as_of".into(),
        value: crate::error::excerpt(as_of_s),
        expected: crate::error::Words::new(
            "YYYY-MM-DD (years 1900–2200)",
            "YYYY-MM-DD (năm 1900–2200)",
        ),
    })?;
    let start = plan_start(f, p, as_of_month)?;
    let method = Method::parse(f.opt_str("method")?.unwrap_or("monthly"))?;
    if method == Method::BackPayment {
        return Err(Error::ValueOutOfRange {
            field: "method".into(),
            value: "\"back_payment\"".into(),
            expected: crate::error::Words::new(
                "a regular method (a back payment is planned by `shortfall`)",
                "một phương thức đóng thường xuyên (đóng bù được lập bằng `shortfall`)",
            ),
        });
    }
    let months = f.opt_int("months", i64::MIN, i64::MAX)?;
    // The advance lengths of the plan's first payment month (decision K-18).
    let allowed: &[u32] = p
        .advance_months
        .at(start)
        .map_or(&[], |f| f.value.as_slice());
    let advance_months = advance_length(method, months, allowed)?;
    let categories = categories(f)?;
    let province = province(f)?;
    let contribution_years = f.opt_int("contribution_years", 1, 60)?.map(|y| y as u32);
    let history = if f.has_history() {
        Some(f.history(Some((start.plus(-1), "start_month")))?)
    } else {
        None
    };
    let shortfall = match f.opt_str("shortfall")? {
        None => Shortfall::Continue,
        Some(s) => Shortfall::from_name(s).ok_or_else(|| Error::ValueOutOfRange {
            field: "shortfall".into(),
            value: format!("{:?}", crate::error::excerpt(s)),
            expected: crate::error::Words::new(
                "\"continue\" or \"back_payment\"",
                "\"continue\" hoặc \"back_payment\"",
            ),
        })?,
    };
    let inflation = inflation(f)?;
    Ok(EstimateInput {
        as_of,
        sex,
        birth,
        income,
        start,
        method,
        advance_months,
        categories,
        province,
        contribution_years,
        history,
        shortfall,
        inflation,
    })
}

fn parse_date(s: &str, field: &str) -> Result<NaiveDate> {
    crate::month::parse_iso_date(s)
        .filter(|d| YearMonth::of_date(*d).is_some())
        .ok_or_else(|| Error::InvalidDate {
            field: field.into(),
            value: crate::error::excerpt(s),
            expected: crate::error::Words::new("YYYY-MM-DD", "YYYY-MM-DD"),
        })
}

/// The advance length of a plan: one of the allowed lengths (the longest by default);
/// `months` with another method must be that method's own length.
fn advance_length(method: Method, months: Option<i64>, allowed: &[u32]) -> Result<u32> {
    match (method, months) {
        (Method::Advance, None) => Ok(allowed.iter().max().copied().unwrap_or(60)),
        (Method::Advance, Some(m)) => match u32::try_from(m) {
            Ok(n) if allowed.contains(&n) => Ok(n),
            _ => Err(Error::AdvanceMonthsOutOfRange {
                months: m,
                allowed: allowed.to_vec(),
            }),
        },
        (m, Some(x)) if u32::try_from(x).ok() != m.fixed_months() => {
            Err(Error::MonthsNotApplicable {
                method: m.as_str(),
                implied: m.fixed_months().unwrap_or(1),
                months: x,
            })
        }
        _ => Ok(0),
    }
}

/// `assumptions.annual_inflation`, the only assumption a request sets (decision K-17).
fn inflation(f: &mut Fields<'_>) -> Result<Option<Decimal>> {
    match f.get("assumptions") {
        None => Ok(None),
        Some(a) => {
            let mut af = Fields::new(a, "assumptions")?;
            af.only(&["annual_inflation"])?;
            af.opt_decimal(
                "annual_inflation",
                Decimal::ZERO,
                Decimal::new(5, 1),
                crate::error::Words::new("from \"0\" to \"0.5\"", "từ \"0\" đến \"0.5\""),
            )
        }
    }
}

/// A `compare` request: `{"base": {estimate fields}, "variants": [{label?, overrides…}]}`,
/// each variant read as the base with its overrides.
pub(crate) fn compare(f: &mut Fields<'_>, p: &Params) -> Result<Vec<VariantInput>> {
    let base = f.require("base")?;
    let variants = super::input::array(
        f.require("variants")?,
        "variants",
        crate::error::Words::new(
            "a list of variant objects",
            "một danh sách phương án (đối tượng JSON)",
        ),
    )?;
    if variants.is_empty() || variants.len() > 20 {
        return Err(Error::ValueOutOfRange {
            field: "variants".into(),
            value: variants.len().to_string(),
            expected: crate::error::Words::new("1 to 20 variants", "từ 1 đến 20 phương án"),
        });
    }
    let serde_json::Value::Object(base_map) = base else {
        return Err(Error::InvalidType {
            field: "base".into(),
            expected: crate::error::Words::new("a JSON object", "một đối tượng JSON"),
        });
    };
    let mut out = Vec::with_capacity(variants.len());
    for (k, v) in variants.iter().enumerate() {
        let (label, overrides) = overrides(v, k)?;
        let mut merged = base_map.clone();
        merged.extend(
            overrides
                .iter()
                .map(|(key, val)| (key.clone(), val.clone())),
        );
        let merged = serde_json::Value::Object(merged);
        let input = (|| {
            let mut vf = Fields::new(&merged, "")?;
            vf.only(ESTIMATE)?;
            estimate(&mut vf, p, false)
        })()
        .map_err(|e| locate(e, k, &overrides))?;
        out.push(VariantInput {
            label,
            overrides,
            input,
        });
    }
    Ok(out)
}

/// A variant's label and the estimate fields it overrides.
fn overrides(
    v: &serde_json::Value,
    k: usize,
) -> Result<(Option<String>, serde_json::Map<String, serde_json::Value>)> {
    let serde_json::Value::Object(over) = v else {
        return Err(Error::InvalidType {
            field: format!("variants[{k}]"),
            expected: crate::error::Words::new("a JSON object", "một đối tượng JSON"),
        });
    };
    let mut label = None;
    let mut overrides = serde_json::Map::new();
    for (key, val) in over {
        match (key.as_str(), val) {
            ("label", serde_json::Value::String(s)) => label = Some(s.clone()),
            ("label", _) => {
                return Err(Error::InvalidType {
                    field: format!("variants[{k}].label"),
                    expected: crate::error::Words::new("a string", "một chuỗi"),
                })
            }
            (key, val) if ESTIMATE.contains(&key) => {
                overrides.insert(key.to_string(), val.clone());
            }
            (key, _) => {
                return Err(Error::UnknownField {
                    field: format!("variants[{k}].{key}"),
                })
            }
        }
    }
    Ok((label, overrides))
}

/// A `refund` request: the prepaid payment, `reason` and `from_month`.
pub(crate) fn refund(f: &mut Fields<'_>) -> Result<RefundInput> {
    let payment = contribution(f)?;
    let reason = f.str("reason")?;
    let reason = RefundReason::from_name(reason).ok_or_else(|| Error::ValueOutOfRange {
        field: "reason".into(),
        value: format!("{:?}", crate::error::excerpt(reason)),
        expected: crate::error::Words::new(
            "compulsory_insurance, lump_sum, death or pension",
            "compulsory_insurance, lump_sum, death hoặc pension",
        ),
    })?;
    let from_month = f.month("from_month")?;
    Ok(RefundInput {
        payment,
        reason,
        from_month,
    })
}
