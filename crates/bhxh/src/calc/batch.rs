//! The batch path: monthly contribution quotes for whole populations, on integer đồng.
//!
//! The JSON path ([`crate::evaluate`]) explains one request; analysts and agencies also need
//! millions of quotes fast. [`MonthlyQuoter`] resolves the parameters of each payment month
//! once (floor, ceiling, step, the contribution rate as an integer ratio, the support per
//! category) and then quotes each participant-month with a few integer operations. Results
//! are identical to `evaluate` with `method: "monthly"` (a property test checks this).
//!
//! Invalid rows are reported per row ([`RowStatus`]) without losing the valid ones.

use crate::calc::support;
use crate::error::Error;
use crate::law::parameters::{Params, NATIONAL_CATEGORIES};
use crate::money::{self, Money};
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
    /// A payment month that is not a valid `YYYYMM`.
    InvalidMonth = 8,
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
            RowStatus::InvalidMonth => "invalid_month",
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
            cache: vec![
                None;
                usize::try_from(last.saturating_sub(base).saturating_add(1)).unwrap_or(0)
            ],
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

    /// The parameters of a payment month, resolved once.
    #[inline]
    fn row(&mut self, month: YearMonth) -> Option<&MonthRow> {
        // Every representable month has a slot (the cache spans MIN_YEAR..=MAX_YEAR).
        let idx = usize::try_from(month.ordinal().saturating_sub(self.base)).ok()?;
        if self.cache.get(idx)?.is_none() {
            let r = self.resolve(month);
            *self.cache.get_mut(idx)? = Some(r);
        }
        // Borrowed, not copied: a row is over a hundred bytes and this runs for every quote.
        self.cache.get(idx)?.as_ref()?.as_ref()
    }

    /// The income floor (rural poverty line) of a payment month; `None` when not in force.
    pub fn floor(&mut self, month: YearMonth) -> Option<Money> {
        self.row(month).map(|r| r.floor)
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
        let row = self.row(month).ok_or(RowStatus::ParameterNotInForce)?;
        if !(0..=money::MAX_MONEY).contains(&income) {
            return Err(RowStatus::InvalidMoney);
        }
        if income < row.floor {
            return Err(RowStatus::IncomeBelowFloor);
        }
        if income > row.ceiling {
            return Err(RowStatus::IncomeAboveCeiling);
        }
        if income.checked_rem(row.step) != Some(0) {
            return Err(RowStatus::IncomeNotMultipleOfStep);
        }
        let (national, local) = *row
            .support
            .get(usize::from(category))
            .ok_or(RowStatus::UnknownCategory)?;
        if row.cap > 0 && subsidised_before > row.cap {
            return Err(RowStatus::SubsidisedMonthsOutOfRange);
        }
        // `fast`: income × num fits in i64 for every income up to the ceiling; the checked
        // operations cost a compare each and turn the impossible into a status, not a panic.
        let gross = if row.fast {
            let x = income.checked_mul(row.num).ok_or(RowStatus::InvalidMoney)?;
            let q = x.checked_div(row.den).ok_or(RowStatus::InvalidMoney)?;
            let r = x.checked_rem(row.den).ok_or(RowStatus::InvalidMoney)?;
            if r.saturating_mul(2) >= row.den {
                q.saturating_add(1)
            } else {
                q
            }
        } else {
            let x = i128::from(income)
                .checked_mul(i128::from(row.num))
                .ok_or(RowStatus::InvalidMoney)?;
            i64::try_from(money::div_round_half_away(x, i128::from(row.den)))
                .map_err(|_| RowStatus::InvalidMoney)?
        };
        let supported = subsidised_before < row.cap;
        let (s, l) = if supported { (national, local) } else { (0, 0) };
        let payable = gross
            .checked_sub(s)
            .and_then(|x| x.checked_sub(l))
            .ok_or(RowStatus::InvalidMoney)?;
        Ok(MonthlyQuote {
            gross,
            state_support: s,
            local_support: l,
            payable,
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
pub fn quote_monthly_into<M: PaymentMonth, S: Copy + TryInto<u32>>(
    params: &Params,
    province: Option<&str>,
    months: &[M],
    incomes: &[Money],
    categories: &[u8],
    subsidised_before: &[S],
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
            expected: crate::error::Words::EQUAL_COLUMNS,
        });
    }
    let mut q = MonthlyQuoter::new(params, province);
    for i in 0..n {
        // A count that does not fit is out of range whatever the cap: report it as such.
        let before = subsidised_before[i].try_into().unwrap_or(u32::MAX);
        let quoted = match months[i].payment_month() {
            None => Err(RowStatus::InvalidMonth),
            Some(month) => q.quote(month, incomes[i], categories[i], before),
        };
        let (r, st) = match quoted {
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
    // The column lengths are checked by `quote_monthly_into`.
    let n = months.len();
    let mut out = QuoteColumns {
        gross: vec![0; n],
        state_support: vec![0; n],
        local_support: vec![0; n],
        payable: vec![0; n],
        status: vec![RowStatus::Ok; n],
    };
    let mut codes = vec![0u8; n];
    let slices = QuoteSlices {
        gross: &mut out.gross,
        state_support: &mut out.state_support,
        local_support: &mut out.local_support,
        payable: &mut out.payable,
        status: &mut codes,
    };
    quote_monthly_into(
        params,
        province,
        months,
        incomes,
        categories,
        subsidised_before,
        slices,
    )?;
    for (s, c) in out.status.iter_mut().zip(&codes) {
        *s = ROW_STATUSES
            .get(usize::from(*c))
            .copied()
            .unwrap_or_default();
    }
    Ok(out)
}

/// A payment month as the batch functions accept it: a [`YearMonth`], or a `YYYYMM`
/// integer (`202603`) as data frames hold it.
pub trait PaymentMonth: Copy {
    /// The month, or `None` when it is not a valid month.
    fn payment_month(self) -> Option<YearMonth>;
}

impl PaymentMonth for YearMonth {
    fn payment_month(self) -> Option<YearMonth> {
        Some(self)
    }
}

impl PaymentMonth for i64 {
    fn payment_month(self) -> Option<YearMonth> {
        month_from_yyyymm(self)
    }
}

/// Converts a `YYYYMM` integer (e.g. `202603`) to a month.
pub fn month_from_yyyymm(v: i64) -> Option<YearMonth> {
    let y = i32::try_from(v / 100).ok()?;
    let m = u32::try_from(v % 100).ok()?;
    YearMonth::new(y, m)
}

/// Long-form histories for [`pensions`]: one row per period, rows of one person contiguous.
pub struct PeriodColumns<'a> {
    /// Person index (0-based, into the person columns) of each period.
    pub person: &'a [i64],
    /// First month, `YYYYMM`.
    pub from: &'a [i64],
    /// Last month, `YYYYMM`.
    pub to: &'a [i64],
    /// Monthly income.
    pub income: &'a [Money],
    /// Back-paid period (coefficient 1.00).
    pub back_paid: &'a [bool],
}

/// One person's pension, as columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PensionColumns {
    /// 1 when a pension is due.
    pub eligible: Vec<u8>,
    /// Monthly pension.
    pub monthly_pension: Vec<Money>,
    /// Mbq.
    pub average_income: Vec<Money>,
    /// Rate in basis points (0.555 → 5550).
    pub rate_bp: Vec<i64>,
    /// Contribution months.
    pub contribution_months: Vec<i64>,
    /// One-time allowance on retirement.
    pub retirement_allowance: Vec<Money>,
    /// Pension start, `YYYYMM` (0 when not eligible).
    pub pension_start: Vec<i64>,
    /// Error code per person (`""` when computed).
    pub error: Vec<&'static str>,
}

/// Full pension calculations for persons given as columns (`sex`: 0 male, 1 female;
/// `birth` and `claim` as `YYYYMM`, `claim` 0 for the earliest start). Period rows name
/// their person as `person_base + i` (so a caller can split the persons into chunks). Each person is
/// computed exactly as the `pension` calculation computes it (without a trace); an invalid
/// person gets its error code and does not affect the others.
///
/// # Errors
/// `value_out_of_range` when columns differ in length or period rows are not grouped by
/// person.
pub fn pensions(
    params: &Params,
    sex: &[u8],
    birth: &[i64],
    claim: &[i64],
    periods: &PeriodColumns<'_>,
    person_base: i64,
) -> Result<PensionColumns, Error> {
    let n = sex.len();
    let np = periods.person.len();
    let bad = |what: &str| Error::ValueOutOfRange {
        field: "columns".into(),
        value: what.into(),
        expected: crate::error::Words::PERIOD_COLUMNS,
    };
    if birth.len() != n || claim.len() != n {
        return Err(bad("person columns differ in length"));
    }
    if [
        periods.from.len(),
        periods.to.len(),
        periods.income.len(),
        periods.back_paid.len(),
    ]
    .iter()
    .any(|l| *l != np)
    {
        return Err(bad("period columns differ in length"));
    }
    let mut out = PensionColumns::default();
    let mut row = 0usize;
    for person in 0..n {
        let start = row;
        let key = person_base.saturating_add(i64::try_from(person).unwrap_or(i64::MAX));
        while row < np && periods.person[row] == key {
            row = row.saturating_add(1);
        }
        let result = one_pension(
            params,
            (sex[person], birth[person], claim[person]),
            periods,
            start..row,
        );
        out.push(result);
    }
    if row != np {
        return Err(bad("period rows not grouped by person 0..n"));
    }
    Ok(out)
}

/// All statuses, indexed by their `u8` value.
pub const ROW_STATUSES: [RowStatus; 9] = [
    RowStatus::Ok,
    RowStatus::IncomeBelowFloor,
    RowStatus::IncomeAboveCeiling,
    RowStatus::IncomeNotMultipleOfStep,
    RowStatus::ParameterNotInForce,
    RowStatus::SubsidisedMonthsOutOfRange,
    RowStatus::UnknownCategory,
    RowStatus::InvalidMoney,
    RowStatus::InvalidMonth,
];

impl PensionColumns {
    /// Appends one person's result (zeros and the code for an error).
    fn push(&mut self, result: Result<crate::calc::pension::Pension, Error>) {
        match result {
            Ok(p) => {
                self.eligible.push(u8::from(p.eligible));
                self.monthly_pension.push(p.monthly_pension);
                self.average_income.push(p.average_income);
                // A rate in [0, 1] in basis points: 0 to 10,000.
                let bp = p
                    .rate
                    .checked_mul(rust_decimal::Decimal::from(10_000))
                    .map_or(0, |x| i64::try_from(x.trunc().mantissa()).unwrap_or(0));
                self.rate_bp.push(bp);
                self.contribution_months
                    .push(i64::from(p.contribution_months));
                self.retirement_allowance.push(p.retirement_allowance);
                self.pension_start
                    .push(p.pension_start.and_then(YearMonth::of_date).map_or(0, |m| {
                        i64::from(m.year())
                            .saturating_mul(100)
                            .saturating_add(i64::from(m.month()))
                    }));
                self.error.push("");
            }
            Err(e) => {
                self.eligible.push(0);
                self.monthly_pension.push(0);
                self.average_income.push(0);
                self.rate_bp.push(0);
                self.contribution_months.push(0);
                self.retirement_allowance.push(0);
                self.pension_start.push(0);
                self.error.push(e.code());
            }
        }
    }
}

/// One person of [`pensions`]: `(sex, birth, claim)` and the person's period rows.
fn one_pension(
    params: &Params,
    (sex, birth, claim): (u8, i64, i64),
    periods: &PeriodColumns<'_>,
    rows: std::ops::Range<usize>,
) -> Result<crate::calc::pension::Pension, Error> {
    use crate::calc::history::{History, Period, Scheme};
    use crate::calc::pension::{self, PensionInput};
    use crate::calc::retirement::{BirthDate, BirthPrecision, Sex};
    let sex = match sex {
        0 => Sex::Male,
        1 => Sex::Female,
        _ => {
            return Err(Error::InvalidSex {
                field: "sex".into(),
                value: sex.to_string(),
            })
        }
    };
    let bm = month_from_yyyymm(birth).ok_or_else(|| Error::InvalidDate {
        field: "birth".into(),
        value: birth.to_string(),
        expected: crate::error::Words::new("YYYYMM", "YYYYMM"),
    })?;
    let birth = BirthDate {
        date: bm.first_day(),
        precision: BirthPrecision::Month,
    };
    let claim_month = match claim {
        0 => None,
        c => Some(month_from_yyyymm(c).ok_or_else(|| Error::InvalidMonth {
            field: "claim".into(),
            value: c.to_string(),
        })?),
    };
    let start = rows.start;
    let mut ps = Vec::with_capacity(rows.len());
    for r in rows {
        let month = |v: i64, k: &str| {
            month_from_yyyymm(v).ok_or_else(|| Error::InvalidMonth {
                field: format!("history[{}].{k}", r.saturating_sub(start)),
                value: v.to_string(),
            })
        };
        ps.push(Period {
            from: month(periods.from[r], "from")?,
            to: month(periods.to[r], "to")?,
            income: periods.income[r],
            scheme: Scheme::Voluntary,
            back_paid: periods.back_paid[r],
            categories: Vec::new(),
            province: None,
            index: r.saturating_sub(start),
        });
    }
    let history = History::from_periods(ps, "history")?;
    let input = PensionInput {
        sex,
        birth,
        history,
        claim_month,
    };
    Ok(pension::evaluate(params, &input, &mut crate::calc::work::Discard)?.pension)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_report_each_row() {
        let p = Params::embedded().unwrap();
        let m = |s: &str| s.parse::<YearMonth>().unwrap();
        let months = [
            m("2026-03"),
            m("2027-01"),
            m("2015-06"),
            m("2026-03"),
            m("2026-03"),
        ];
        let incomes = [2_000_000, 2_200_000, 1_000_000, 2_000_001, 2_000_000];
        let cats = [1u8, 0, 4, 4, 9];
        let before = [0u32, 120, 0, 0, 0];
        let out = quote_monthly_columns(p, None, &months, &incomes, &cats, &before).unwrap();
        assert_eq!(out.payable[..2], [308_000, 484_000]);
        assert_eq!(out.state_support[..2], [132_000, 0]);
        assert_eq!(
            out.status,
            [
                RowStatus::Ok,
                RowStatus::Ok,
                RowStatus::ParameterNotInForce,
                RowStatus::IncomeNotMultipleOfStep,
                RowStatus::UnknownCategory
            ]
        );
        assert!(quote_monthly_columns(p, None, &months, &incomes[..2], &cats, &before).is_err());
        assert_eq!(month_from_yyyymm(202613), None);
        assert_eq!(month_from_yyyymm(202612), Some(m("2026-12")));
    }
}
