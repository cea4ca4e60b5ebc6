//! Average monthly income on which contributions were paid (Mbq, mức bình quân thu nhập
//! tháng đóng bảo hiểm xã hội).
//!
//! # Legal basis
//! - Law 41/2024/QH15 art. 104: Mbq is the average of the monthly incomes over the whole
//!   contribution period, each adjusted by the coefficient of its year (rules 3.5).
//! - Decree 159/2025/NĐ-CP art. 10.2–10.3: the adjustment coefficient of year t is published
//!   for each settlement year; back-paid months use 1.00 (rules C-7).
//! - Decree 158/2025/NĐ-CP art. 17.5: in a mixed career, compulsory salaries enter the same
//!   average (this engine supports compulsory periods from 2008, with the same table).
//! - Decision K-12: the table of the settlement year; a year without its own table uses the
//!   latest one with a warning; contribution years after the table's last row count 1.00.
//! - Decision K-1: Mbq is rounded half away from zero to the đồng once, and every benefit
//!   uses the rounded value.

use crate::calc::history::History;
use crate::calc::work::{Notice, Sink};
use crate::error::{Error, Result};
use crate::law::parameters::{CoefficientTable, Entry, Params};
use crate::law::regime::Regime;
use crate::money::{self, Money};
use crate::YearMonth;

/// An average income and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Average {
    /// Mbq, rounded to the đồng.
    pub mbq: Money,
    /// Settlement year of the coefficient table used.
    pub table_year: i32,
    /// Months averaged.
    pub months: u32,
}

/// The working of an average income.
pub enum Step<'a> {
    /// The coefficient table used (decision K-12).
    Table {
        /// Settlement month.
        settlement: YearMonth,
        /// Settlement year of the table.
        table_year: i32,
        /// The table's entry.
        entry: &'a Entry<CoefficientTable>,
    },
    /// Mbq.
    Mbq {
        /// Regime of the settlement.
        regime: Regime,
        /// Σ months × income × coefficient, in hundredths of a đồng.
        sum: i128,
        /// Months averaged.
        months: u32,
        /// Mbq.
        mbq: Money,
    },
}

/// Computes Mbq with the coefficient table in force in `settlement` (the input `field`
/// names the settlement date in errors).
///
/// # Errors
/// `parameter_not_in_force` (no table for the settlement), `coefficient_not_available` (a
/// contribution year before the table's first row), `overflow`.
pub fn average_income(
    p: &Params,
    h: &History,
    settlement: YearMonth,
    field: &str,
    history_field: &str,
    w: &mut dyn Sink,
) -> Result<Average> {
    let found = p
        .income_adjustment_coefficients
        .require(settlement, field)?;
    let table_year = found.entry.from.year();
    if found.extrapolated {
        w.notice(Notice::CoefficientTable {
            settlement_year: settlement.year(),
            table_year,
        });
    }
    let table = found.value;
    let last_year = table.last_year().unwrap_or(i32::MIN);
    // Σ months × income × coefficient in hundredths, exact in i128.
    let mut sum: i128 = 0;
    let overflow = || Error::Overflow {
        field: history_field.into(),
    };
    for per in &h.periods {
        let mut y = per.from.year();
        while y <= per.to.year() {
            let lo = per.from.max(YearMonth::new(y, 1).ok_or_else(overflow)?);
            let hi = per.to.min(YearMonth::new(y, 12).ok_or_else(overflow)?);
            let n = i128::from(hi.months_since(lo))
                .checked_add(1)
                .ok_or_else(overflow)?;
            let c: i128 = if per.back_paid || y > last_year {
                100
            } else {
                match table.hundredths(y) {
                    Some(c) => i128::from(c),
                    None => {
                        return Err(Error::CoefficientNotAvailable {
                            field: format!("{history_field}[{}].from", per.index),
                            year: y,
                            table: table_year,
                        })
                    }
                }
            };
            sum = sum
                .checked_add(
                    n.checked_mul(i128::from(per.income))
                        .and_then(|x| x.checked_mul(c))
                        .ok_or_else(overflow)?,
                )
                .ok_or_else(overflow)?;
            y = y.checked_add(1).ok_or_else(overflow)?;
        }
    }
    let months = h.months();
    let divisor = i128::from(months.max(1))
        .checked_mul(100)
        .ok_or_else(overflow)?;
    let mbq = i64::try_from(money::div_round_half_away(sum, divisor)).map_err(|_| overflow())?;
    w.step(|| Step::Table {
        settlement,
        table_year,
        entry: found.entry,
    });
    w.step(|| Step::Mbq {
        regime: Regime::at(settlement),
        sum,
        months,
        mbq,
    });
    Ok(Average {
        mbq,
        table_year,
        months,
    })
}
