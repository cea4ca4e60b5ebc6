//! The `retirement` calculation: retirement age and pension start for any birth date
//! (rules 3.1).
//!
//! # Legal basis
//! - Labour Code 45/2019/QH14 art. 169.2 and Decree 135/2020/NĐ-CP art. 4.1: "từ ngày
//!   01/01/2021, tuổi nghỉ hưu … là đủ 60 tuổi 03 tháng đối với lao động nam và đủ 55 tuổi
//!   04 tháng đối với lao động nữ; sau đó, cứ mỗi năm tăng thêm 03 tháng đối với lao động
//!   nam cho đến khi đủ 62 tuổi vào năm 2028 và cứ mỗi năm tăng thêm 04 tháng đối với lao
//!   động nữ cho đến khi đủ 60 tuổi vào năm 2035". The age of the calendar year in which it
//!   is reached is the one that counts (Decree 135/2020 Annex I).
//! - Decree 135/2020 art. 3 and Law 41/2024 art. 101: the pension starts on the first day
//!   of the month after the month in which the conditions are met.
//! - Decree 158/2025/NĐ-CP art. 12.2; Circular 11/2025/TT-BNV art. 5.7: when the day and
//!   month of birth are unknown, 1 January of the birth year; when the day is unknown, the
//!   first day of the month.

use crate::calc::work::Sink;
use crate::error::{Error, Result};
use crate::law::parameters::{Age, Entry, Params, RetirementAges};
use crate::YearMonth;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

named! {
    /// Sex, as the law distinguishes it for retirement age and pension rate.
    pub enum Sex {
        /// Men.
        Male = "male",
        /// Women.
        Female = "female",
    }
}

impl Sex {
    /// Parses `"male"` / `"female"`.
    ///
    /// # Errors
    /// `invalid_sex` naming `field`.
    pub fn parse(s: &str, field: &str) -> Result<Sex> {
        Sex::from_name(s).ok_or_else(|| Error::InvalidSex {
            field: field.into(),
            value: crate::error::excerpt(s),
        })
    }
}

/// A birth date, possibly known only to the month or the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BirthDate {
    /// The date used (1st of the month, or 1 January, when unknown).
    pub date: NaiveDate,
    /// How much of it was given.
    pub precision: BirthPrecision,
}

/// How much of a birth date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BirthPrecision {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

impl BirthDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (years 1900–2200).
    ///
    /// # Errors
    /// `invalid_date` naming `field`.
    pub fn parse(s: &str, field: &str) -> Result<BirthDate> {
        let bad = || Error::InvalidDate {
            field: field.into(),
            value: crate::error::excerpt(s),
            expected: crate::error::Words::BIRTH_DATE,
        };
        let (date, precision) = match s.len() {
            4 if s.bytes().all(|c| c.is_ascii_digit()) => {
                let y: i32 = s.parse().map_err(|_| bad())?;
                (
                    NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?,
                    BirthPrecision::Year,
                )
            }
            7 => {
                let m: YearMonth = s.parse().map_err(|_| bad())?;
                (m.first_day(), BirthPrecision::Month)
            }
            10 => (
                crate::month::parse_iso_date(s).ok_or_else(bad)?,
                BirthPrecision::Day,
            ),
            _ => return Err(bad()),
        };
        if YearMonth::of_date(date).is_none() {
            return Err(bad());
        }
        Ok(BirthDate { date, precision })
    }

    /// The birth month.
    pub fn month(self) -> YearMonth {
        YearMonth::of_date(self.date).unwrap_or(crate::month::LAW_2024_START)
    }
}

/// Result of a `retirement` calculation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Retirement {
    /// The retirement age that applies.
    pub retirement_age: Age,
    /// The month in which it is reached.
    pub age_reached_month: YearMonth,
    /// First day of the following month.
    pub pension_start: NaiveDate,
    /// The birth date used (1 January or the 1st of the month when not fully known).
    pub birth_date_used: NaiveDate,
}

/// The month in which a person born in `birth` reaches retirement age, and that age.
///
/// Scans calendar years from the 50th birthday year: the first year `Y` such that
/// `birth + required(Y)` falls in `Y` wins. Since the required age grows by at most
/// 4 months a year, such a year always exists within a few years of the first candidate.
///
/// # Errors
/// `parameter_not_in_force` when the roadmap has no value for a year scanned.
pub fn reached(
    p: &Params,
    sex: Sex,
    birth: YearMonth,
    field: &str,
) -> Result<(Age, YearMonth, YearMonth)> {
    // No year before birth + the smallest age of the roadmap can match (the ages are
    // validated to 40–80 years), so the scan starts there.
    let youngest = p
        .retirement_age
        .values
        .iter()
        .filter_map(|e| e.value.as_ref())
        .map(|a| match sex {
            Sex::Male => a.male.years,
            Sex::Female => a.female.years,
        })
        .min()
        .unwrap_or(40);
    let start = birth
        .year()
        .saturating_add(i32::try_from(youngest.clamp(40, 80)).unwrap_or(40));
    for y in start..birth.year().saturating_add(100) {
        let probe = YearMonth::new(y, 1).ok_or_else(|| Error::ParameterNotInForce {
            field: field.into(),
            parameter: "retirement_age".into(),
            month: birth,
        })?;
        let found = p.retirement_age.require(probe, field)?;
        let age = match sex {
            Sex::Male => found.value.male,
            Sex::Female => found.value.female,
        };
        let reach = birth.plus(age.total_months() as i32);
        if reach.year() == y {
            return Ok((age, reach, found.entry.from));
        }
    }
    Err(Error::ParameterNotInForce {
        field: field.into(),
        parameter: "retirement_age".into(),
        month: birth,
    })
}

/// Input of a `retirement` calculation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetirementInput {
    /// Sex.
    pub sex: Sex,
    /// Birth date.
    pub birth: BirthDate,
}

/// The working of a `retirement` calculation.
pub enum Step<'a> {
    /// The birth date was not fully given: the date used.
    BirthDateUsed(BirthDate),
    /// The retirement age of the roadmap row that applies.
    Age {
        /// Sex.
        sex: Sex,
        /// The age.
        age: Age,
        /// The month it is reached.
        reached: YearMonth,
        /// The roadmap row.
        entry: &'a Entry<RetirementAges>,
    },
    /// The month the age is reached.
    Reached {
        /// Birth month.
        birth: YearMonth,
        /// The age.
        age: Age,
        /// The month it is reached.
        reached: YearMonth,
    },
    /// The earliest pension start.
    PensionStart {
        /// The month the age is reached.
        reached: YearMonth,
        /// The first day of the next month.
        start: NaiveDate,
    },
}

/// Computes a `retirement` calculation.
///
/// # Errors
/// `parameter_not_in_force`.
pub fn compute(p: &Params, input: &RetirementInput, w: &mut dyn Sink) -> Result<Retirement> {
    let birth = input.birth;
    let (age, month, entry_from) = reached(p, input.sex, birth.month(), "birth_date")?;
    let entry = p.retirement_age.require(entry_from, "birth_date")?.entry;
    let start = month.plus(1).first_day();
    if birth.precision != BirthPrecision::Day {
        w.step(|| Step::BirthDateUsed(birth));
    }
    w.step(|| Step::Age {
        sex: input.sex,
        age,
        reached: month,
        entry,
    });
    w.step(|| Step::Reached {
        birth: birth.month(),
        age,
        reached: month,
    });
    w.step(|| Step::PensionStart {
        reached: month,
        start,
    });
    Ok(Retirement {
        retirement_age: age,
        age_reached_month: month,
        pension_start: start,
        birth_date_used: birth.date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        s.parse().unwrap()
    }

    /// The Decree 135/2020 roadmap: the age of the year in which it is reached.
    #[test]
    fn roadmap_ages() {
        let p = Params::embedded().unwrap();
        for (sex, birth, years, months, month_reached) in [
            (Sex::Male, "1960-12", 60, 0, "2020-12"),
            (Sex::Male, "1961-01", 60, 3, "2021-04"),
            (Sex::Male, "1966-03", 61, 9, "2027-12"),
            (Sex::Female, "1970-05", 57, 4, "2027-09"),
            (Sex::Female, "1975-05", 60, 0, "2035-05"),
        ] {
            let (age, month, _) = reached(p, sex, ym(birth), "birth_date").unwrap();
            assert_eq!(
                (age.years, age.months, month),
                (years, months, ym(month_reached)),
                "{birth}"
            );
        }
    }
}
