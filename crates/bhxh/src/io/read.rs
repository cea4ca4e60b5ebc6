//! Reading each calculation's request into its typed input: field names, paths and JSON
//! types live here, never in `calc`.

use super::input::Fields;
use crate::calc::allowance::{MonthlyAllowanceInput, SocialPensionInput};
use crate::calc::lump_sum::{LumpSumInput, Reason};
use crate::calc::maternity::MaternityInput;
use crate::calc::pension::PensionInput;
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
