//! Reading each calculation's request into its typed input: field names, paths and JSON
//! types live here, never in `calc`.

use super::input::Fields;
use crate::calc::maternity::MaternityInput;
use crate::calc::retirement::{BirthDate, RetirementInput, Sex};
use crate::error::Result;

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
