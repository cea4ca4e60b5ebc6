//! Calendar months (`"YYYY-MM"`), the unit in which contributions are paid and counted.

use std::fmt;

/// A calendar month, such as `2026-07`.
///
/// Stored as a month ordinal (`year × 12 + month − 1`) so that month arithmetic is integer
/// arithmetic. Only years 1900–2200 are representable: anything else is not a plausible
/// social-insurance month and is rejected at parsing time.
///
/// ```
/// use bhxh::YearMonth;
/// let m: YearMonth = "2026-12".parse().unwrap();
/// assert_eq!(m.plus(1).to_string(), "2027-01");
/// assert_eq!(m.year(), 2026);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct YearMonth(i32);

/// January of `year` (for the fixed dates of the law: 2008, 2014, 2021, …).
pub const fn january(year: i32) -> YearMonth {
    YearMonth(year * 12)
}

/// 2025-07, the month the 2024 Law on Social Insurance took effect (rules A-1).
pub const LAW_2024_START: YearMonth = YearMonth(2025 * 12 + 6);

/// First year a [`YearMonth`] may hold.
pub const MIN_YEAR: i32 = 1900;
/// Last year a [`YearMonth`] may hold.
pub const MAX_YEAR: i32 = 2200;

impl YearMonth {
    /// Builds a month from a year and a month number (1–12); `None` when out of range.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        Some(YearMonth(year * 12 + month as i32 - 1))
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// The month number, 1–12.
    pub fn month(self) -> u32 {
        (self.0.rem_euclid(12) + 1) as u32
    }

    /// The month `n` months later (earlier when `n` is negative).
    ///
    /// Months are not range-checked here: callers bound `n` (at most a few hundred months).
    pub fn plus(self, n: i32) -> Self {
        YearMonth(self.0 + n)
    }

    /// Number of months from `earlier` to `self` (negative when `self` is earlier).
    pub fn months_since(self, earlier: YearMonth) -> i32 {
        self.0 - earlier.0
    }

    /// The month ordinal `year × 12 + month − 1` (used as a compact index).
    pub fn ordinal(self) -> i32 {
        self.0
    }

    /// The first day of this month, `YYYY-MM-01`.
    pub fn first_day(self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year(), self.month(), 1)
            .unwrap_or(chrono::NaiveDate::MIN)
    }

    /// The month of a date.
    pub fn of_date(date: chrono::NaiveDate) -> Option<Self> {
        use chrono::Datelike;
        YearMonth::new(date.year(), date.month())
    }

    /// Vietnamese rendering, `tháng 7/2026`.
    pub fn to_vi(self) -> String {
        format!("tháng {}/{}", self.month(), self.year())
    }

    /// `YYYY-MM` in a stack buffer, for years 0–9999 (all the engine accepts in practice).
    fn ascii(self) -> Option<[u8; 7]> {
        let y = u32::try_from(self.year()).ok().filter(|y| *y <= 9999)?;
        let m = self.month();
        let d = |n: u32| b'0' + (n % 10) as u8;
        Some([
            d(y / 1000),
            d(y / 100),
            d(y / 10),
            d(y),
            b'-',
            d(m / 10),
            d(m),
        ])
    }

    /// The first day of this month as `YYYY-MM-01`, without going through a date.
    pub fn first_day_text(self) -> String {
        format!("{self}-01")
    }

    /// The first day of this month as Vietnamese writes dates, `01/07/2026`.
    pub fn first_day_vi(self) -> String {
        format!("01/{:02}/{:04}", self.month(), self.year())
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ascii() {
            // One write instead of two padded integers (traces print many months).
            Some(b) => f.pad(std::str::from_utf8(&b).map_err(|_| fmt::Error)?),
            None => write!(f, "{:04}-{:02}", self.year(), self.month()),
        }
    }
}

/// Error returned when a string is not a valid `YYYY-MM` month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidMonth;

impl std::str::FromStr for YearMonth {
    type Err = InvalidMonth;

    fn from_str(s: &str) -> Result<Self, InvalidMonth> {
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' {
            return Err(InvalidMonth);
        }
        let digits = |r: std::ops::Range<usize>| -> Result<u32, InvalidMonth> {
            b[r].iter().try_fold(0u32, |acc, c| {
                if c.is_ascii_digit() {
                    Ok(acc * 10 + u32::from(c - b'0'))
                } else {
                    Err(InvalidMonth)
                }
            })
        };
        let year = digits(0..4)?;
        let month = digits(5..7)?;
        YearMonth::new(year as i32, month).ok_or(InvalidMonth)
    }
}

impl serde::Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom(format!("invalid month {s:?}, expected YYYY-MM")))
    }
}

/// `"YYYY-MM"`, as serialised (the years 1900–2200 are checked by the reader, not the
/// pattern).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "bhxh::YearMonth".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
            "description": "A calendar month, `YYYY-MM` (years 1900–2200)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let m: YearMonth = "2025-07".parse().unwrap();
        assert_eq!((m.year(), m.month()), (2025, 7));
        assert_eq!(m.to_string(), "2025-07");
        assert_eq!(m.plus(6).to_string(), "2026-01");
        assert_eq!(m.plus(-7).to_string(), "2024-12");
        assert_eq!(m.to_vi(), "tháng 7/2025");
    }

    #[test]
    fn rejects_bad_months() {
        for s in [
            "2025-13", "2025-00", "2025-7", "25-07", "2025/07", "abcd-ef", "1899-12", "+202-01", "",
        ] {
            assert!(s.parse::<YearMonth>().is_err(), "{s}");
        }
    }
}

/// A calendar date written `YYYY-MM-DD` exactly (ten ASCII characters, a real day).
///
/// Written by hand rather than with chrono's format parser, whose machinery (strftime items,
/// RFC 2822) would otherwise be linked into the WebAssembly build.
///
/// ```
/// use bhxh::month::parse_iso_date;
/// assert!(parse_iso_date("2026-02-28").is_some());
/// assert!(parse_iso_date("2026-02-29").is_none());
/// assert!(parse_iso_date("2026-2-28").is_none());
/// assert!(parse_iso_date("+2026-02-28").is_none());
/// ```
pub fn parse_iso_date(s: &str) -> Option<chrono::NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let year = i32::try_from(num(0..4)?).ok()?;
    chrono::NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

/// `dd/mm/yyyy`, the Vietnamese way of writing a date.
///
/// ```
/// let d = bhxh::month::parse_iso_date("2031-07-01").unwrap();
/// assert_eq!(bhxh::month::date_vi(d), "01/07/2031");
/// ```
pub fn date_vi(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// Serde for a `YYYY-MM-DD` date field through [`parse_iso_date`] (law files' `last_reviewed`).
pub mod iso_date {
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    /// Writes the date as `YYYY-MM-DD`.
    ///
    /// # Errors
    /// Whatever the serializer returns.
    pub fn serialize<S: Serializer>(d: &chrono::NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// Reads a `YYYY-MM-DD` date.
    ///
    /// # Errors
    /// A custom error when the text is not such a date.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<chrono::NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_iso_date(&s).ok_or_else(|| D::Error::custom("expected a date YYYY-MM-DD"))
    }
}

/// Serde for an optional `YYYY-MM-DD` date field (absent or `null` when `None`).
pub mod iso_date_opt {
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    /// Writes the date as `YYYY-MM-DD`, or `null`.
    ///
    /// # Errors
    /// Whatever the serializer returns.
    pub fn serialize<S: Serializer>(
        d: &Option<chrono::NaiveDate>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    /// Reads an optional `YYYY-MM-DD` date.
    ///
    /// # Errors
    /// A custom error when the text is not such a date.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<chrono::NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| {
                super::parse_iso_date(&s)
                    .ok_or_else(|| D::Error::custom("expected a date YYYY-MM-DD"))
            })
            .transpose()
    }
}
