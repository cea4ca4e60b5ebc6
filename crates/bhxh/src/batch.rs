//! The batch path: monthly contribution quotes for whole populations, on integer đồng.
//!
//! The JSON path ([`crate::evaluate`]) explains one request; analysts and agencies also need
//! millions of quotes fast. [`MonthlyQuoter`] resolves the parameters of each payment month
//! once (floor, ceiling, step, the contribution rate as an integer ratio, the support per
//! category) and then quotes each participant-month with a few integer operations. Results
//! are identical to `evaluate` with `method: "monthly"` (a property test checks this).
//!
//! Invalid rows are reported per row ([`RowStatus`]) without losing the valid ones.

use crate::error::Error;
use crate::money::{self, Money};
use crate::parameters::{Params, NATIONAL_CATEGORIES};
use crate::support;
use crate::YearMonth;

/// Outcome of one row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[repr(u8)]
pub enum RowStatus {
    /// Quoted.
    #[default]
    Ok = 0,
    /// Income below the floor.
    IncomeBelowFloor = 1,
    /// Income above the ceiling.
    IncomeAboveCeiling = 2,
    /// Income off the step (K-3).
    IncomeNotMultipleOfStep = 3,
    /// No parameter in force for the payment month.
    ParameterNotInForce = 4,
    /// Subsidised months before outside 0..=cap.
    SubsidisedMonthsOutOfRange = 5,
    /// Category index outside the national categories.
    UnknownCategory = 6,
    /// Money out of range (negative or above 10^15).
    InvalidMoney = 7,
}

impl RowStatus {
    /// The contract error code (`"ok"` for success).
    pub fn code(self) -> &'static str {
        match self {
            RowStatus::Ok => "ok",
            RowStatus::IncomeBelowFloor => "income_below_floor",
            RowStatus::IncomeAboveCeiling => "income_above_ceiling",
            RowStatus::IncomeNotMultipleOfStep => "income_not_multiple_of_step",
            RowStatus::ParameterNotInForce => "parameter_not_in_force",
            RowStatus::SubsidisedMonthsOutOfRange => "subsidised_months_out_of_range",
            RowStatus::UnknownCategory => "unknown_category",
            RowStatus::InvalidMoney => "invalid_money",
        }
    }
}

/// One monthly quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MonthlyQuote {
    /// 22 % of the income.
    pub gross: Money,
    /// National support.
    pub state_support: Money,
    /// Provincial support.
    pub local_support: Money,
    /// gross − support.
    pub payable: Money,
}

/// Everything a payment month needs, resolved once.
#[derive(Clone, Copy, Debug)]
struct MonthRow {
    floor: Money,
    ceiling: Money,
    step: Money,
    /// Contribution rate as `num / den`.
    num: i64,
    den: i64,
    /// `num × ceiling` fits in i64, so the fast path is exact.
    fast: bool,
    /// Support per category (national, local) for a supported month.
    support: [(Money, Money); 5],
    cap: u32,
}

/// Quotes monthly contributions with per-month parameter caching.
///
/// ```
/// use bhxh::batch::MonthlyQuoter;
/// let p = bhxh::Params::embedded()?;
/// let mut q = MonthlyQuoter::new(p, None);
/// let m = "2026-03".parse().unwrap();
/// let quote = q.quote(m, 2_000_000, 1 /* near_poor */, 0).unwrap();
/// assert_eq!((quote.gross, quote.state_support, quote.payable), (440_000, 132_000, 308_000));
/// # Ok::<(), bhxh::Error>(())
/// ```
pub struct MonthlyQuoter<'p> {
    params: &'p Params,
    province: Option<String>,
    /// Indexed by month ordinal − `base`; `None` = not resolved yet, `Some(None)` = not in force.
    cache: Vec<Option<Option<MonthRow>>>,
    base: i32,
}

impl<'p> MonthlyQuoter<'p> {
    /// A quoter over `params`; `province` adds that province's top-ups to every row.
    pub fn new(params: &'p Params, province: Option<&str>) -> Self {
        let base = YearMonth::new(crate::month::MIN_YEAR, 1)
            .map(|m| m.ordinal())
            .unwrap_or(0);
        let last = YearMonth::new(crate::month::MAX_YEAR, 12)
            .map(|m| m.ordinal())
            .unwrap_or(0);
        MonthlyQuoter {
            params,
            province: province.map(str::to_string),
            cache: vec![None; (last - base + 1) as usize],
            base,
        }
    }

    fn resolve(&self, m: YearMonth) -> Option<MonthRow> {
        let p = self.params;
        let rate = *p.contribution_rate.at(m)?.value;
        let floor = *p.rural_poverty_line.at(m)?.value;
        let reference = *p.reference_level.at(m)?.value;
        let ceiling = p
            .income_ceiling_multiple
            .at(m)?
            .value
            .checked_mul(reference)?;
        let step = *p.income_step.at(m)?.value;
        let num = i64::try_from(rate.mantissa()).ok()?;
        let den = 10i64.checked_pow(rate.scale())?;
        let fast = num.checked_mul(ceiling).is_some();
        let mut support = [(0, 0); 5];
        let mut cap = 0;
        for (i, c) in NATIONAL_CATEGORIES.iter().enumerate() {
            let choice = support::choose(
                p,
                m,
                &[(*c).to_string()],
                self.province.as_deref(),
                rate,
                floor,
            )
            .ok()?;
            support[i] = (choice.national, choice.local);
            cap = cap.max(choice.cap);
        }
        Some(MonthRow {
            floor,
            ceiling,
            step,
            num,
            den,
            fast,
            support,
            cap,
        })
    }

    /// Quotes one participant-month: `category` indexes [`NATIONAL_CATEGORIES`].
    ///
    /// # Errors
    /// The row's [`RowStatus`].
    #[inline]
    pub fn quote(
        &mut self,
        month: YearMonth,
        income: Money,
        category: u8,
        subsidised_before: u32,
    ) -> Result<MonthlyQuote, RowStatus> {
        let idx = (month.ordinal() - self.base) as usize;
        let row = match self.cache.get(idx).copied().flatten() {
            Some(r) => r,
            None => {
                let r = self.resolve(month);
                if let Some(slot) = self.cache.get_mut(idx) {
                    *slot = Some(r);
                }
                r
            }
        }
        .ok_or(RowStatus::ParameterNotInForce)?;
        if !(0..=money::MAX_MONEY).contains(&income) {
            return Err(RowStatus::InvalidMoney);
        }
        if income < row.floor {
            return Err(RowStatus::IncomeBelowFloor);
        }
        if income > row.ceiling {
            return Err(RowStatus::IncomeAboveCeiling);
        }
        if income % row.step != 0 {
            return Err(RowStatus::IncomeNotMultipleOfStep);
        }
        let (national, local) = *row
            .support
            .get(usize::from(category))
            .ok_or(RowStatus::UnknownCategory)?;
        if row.cap > 0 && subsidised_before > row.cap {
            return Err(RowStatus::SubsidisedMonthsOutOfRange);
        }
        let gross = if row.fast {
            let x = income * row.num;
            let q = x / row.den;
            if 2 * (x % row.den) >= row.den {
                q + 1
            } else {
                q
            }
        } else {
            money::div_round_half_away(
                i128::from(income) * i128::from(row.num),
                i128::from(row.den),
            ) as i64
        };
        let supported = subsidised_before < row.cap;
        let (s, l) = if supported { (national, local) } else { (0, 0) };
        Ok(MonthlyQuote {
            gross,
            state_support: s,
            local_support: l,
            payable: gross - s - l,
        })
    }
}

/// Column outputs of [`quote_monthly_columns`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteColumns {
    /// Gross per row (0 on error).
    pub gross: Vec<Money>,
    /// National support per row.
    pub state_support: Vec<Money>,
    /// Provincial support per row.
    pub local_support: Vec<Money>,
    /// Payable per row.
    pub payable: Vec<Money>,
    /// Status per row.
    pub status: Vec<RowStatus>,
}

/// Quotes participant-months into caller-provided output slices (the zero-copy path the
/// bindings use with numpy buffers). All slices must have the same length.
///
/// # Errors
/// `value_out_of_range` when the slices differ in length.
#[allow(clippy::too_many_arguments)]
pub fn quote_monthly_into(
    params: &Params,
    province: Option<&str>,
    months: &[YearMonth],
    incomes: &[Money],
    categories: &[u8],
    subsidised_before: &[u32],
    out: QuoteSlices<'_>,
) -> Result<(), Error> {
    let n = months.len();
    let lens = [
        incomes.len(),
        categories.len(),
        subsidised_before.len(),
        out.gross.len(),
        out.state_support.len(),
        out.local_support.len(),
        out.payable.len(),
        out.status.len(),
    ];
    if lens.iter().any(|l| *l != n) {
        return Err(Error::ValueOutOfRange {
            field: "columns".into(),
            value: format!("{n} rows vs {lens:?}"),
            expected: "columns of equal length".into(),
        });
    }
    let mut q = MonthlyQuoter::new(params, province);
    for i in 0..n {
        let (r, st) = match q.quote(months[i], incomes[i], categories[i], subsidised_before[i]) {
            Ok(r) => (r, RowStatus::Ok),
            Err(st) => (MonthlyQuote::default(), st),
        };
        out.gross[i] = r.gross;
        out.state_support[i] = r.state_support;
        out.local_support[i] = r.local_support;
        out.payable[i] = r.payable;
        out.status[i] = st as u8;
    }
    Ok(())
}

/// Mutable output columns for [`quote_monthly_into`]; `status` holds [`RowStatus`] as `u8`.
pub struct QuoteSlices<'a> {
    /// Gross per row.
    pub gross: &'a mut [Money],
    /// National support per row.
    pub state_support: &'a mut [Money],
    /// Provincial support per row.
    pub local_support: &'a mut [Money],
    /// Payable per row.
    pub payable: &'a mut [Money],
    /// Status code per row.
    pub status: &'a mut [u8],
}

/// Quotes columns of participant-months (all slices of equal length).
///
/// # Errors
/// `value_out_of_range` when the columns differ in length.
pub fn quote_monthly_columns(
    params: &Params,
    province: Option<&str>,
    months: &[YearMonth],
    incomes: &[Money],
    categories: &[u8],
    subsidised_before: &[u32],
) -> Result<QuoteColumns, Error> {
    let n = months.len();
    if incomes.len() != n || categories.len() != n || subsidised_before.len() != n {
        return Err(Error::ValueOutOfRange {
            field: "columns".into(),
            value: format!(
                "{n}/{}/{}/{}",
                incomes.len(),
                categories.len(),
                subsidised_before.len()
            ),
            expected: "columns of equal length".into(),
        });
    }
    let mut q = MonthlyQuoter::new(params, province);
    let mut out = QuoteColumns {
        gross: vec![0; n],
        state_support: vec![0; n],
        local_support: vec![0; n],
        payable: vec![0; n],
        status: vec![RowStatus::Ok; n],
    };
    for i in 0..n {
        match q.quote(months[i], incomes[i], categories[i], subsidised_before[i]) {
            Ok(r) => {
                out.gross[i] = r.gross;
                out.state_support[i] = r.state_support;
                out.local_support[i] = r.local_support;
                out.payable[i] = r.payable;
            }
            Err(st) => out.status[i] = st,
        }
    }
    Ok(out)
}
