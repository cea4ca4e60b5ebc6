//! The law as data: dated legal parameters with citations, embedded at compile time.
//!
//! Each file of `crates/bhxh/law/` holds one parameter: its values keyed by the first month
//! in force, each with a citation (document, article) and a confidence grade (V/S/D/U of
//! `rules.md` §0.1). A value is in force from its `from` month until the next value's;
//! `null` means repealed. The loader validates every file (dates strictly increasing, every
//! value cited, rates in [0, 1], …) and the temporal-sweep test resolves every parameter for
//! every month of its range exactly once.
//!
//! A request may carry a parameter *overlay* (`"parameters"`, same shape as the files) for a
//! what-if; see [`Params::with_overlay`] and `docs/parameters.md`.

use crate::error::{Error, Result};
use crate::money::Money;
use crate::YearMonth;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Where a value comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Document, English form with the official number, e.g. `Decree 159/2025/NĐ-CP`.
    pub document: String,
    /// Vietnamese form of the document, e.g. `Nghị định 159/2025/NĐ-CP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_vi: Option<String>,
    /// Article / clause / point, e.g. `art. 5.1`; empty when not seen.
    #[serde(default)]
    pub article: String,
}

impl Citation {
    /// `document, article` for traces.
    pub fn text(&self) -> String {
        if self.article.is_empty() {
            self.document.clone()
        } else {
            format!("{}, {}", self.document, self.article)
        }
    }

    fn overlay() -> Citation {
        Citation {
            document: "Parameter overlay supplied by the caller".into(),
            document_vi: Some("Tham số giả định do người dùng cung cấp".into()),
            article: String::new(),
        }
    }
}

/// Confidence grade of a value (`rules.md` §0.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Confidence {
    /// Verified in the full legal text.
    V,
    /// Secondary source quoting the instrument.
    S,
    /// Developer or derived.
    D,
    /// Unverified.
    U,
}

/// One dated value of a parameter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry<T> {
    /// First month in force.
    pub from: YearMonth,
    /// The value; `None` when repealed.
    pub value: Option<T>,
    /// Legal source.
    pub citation: Citation,
    /// Confidence grade.
    pub confidence: Confidence,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Provincial top-ups only: the former province (merged on the province's merger date)
    /// whose participants alone the value applies to once the provinces merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

/// A dated parameter series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series<T> {
    /// Identifier (the file name without `.json`).
    pub id: String,
    /// Value kind (`money`, `rate`, …).
    pub kind: String,
    /// Unit, in words.
    #[serde(default)]
    pub unit: String,
    /// English label.
    pub label_en: String,
    /// Vietnamese label.
    pub label_vi: String,
    /// What it is and which rules use it.
    #[serde(default)]
    pub description: String,
    /// Date the values were last checked against the sources.
    #[serde(with = "crate::month::iso_date")]
    pub last_reviewed: chrono::NaiveDate,
    /// Month through which the values are enacted law; later months give a
    /// `parameter_extrapolated` warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_through: Option<YearMonth>,
    /// Each value belongs to the calendar year of its `from` only (the fund rate, K-6);
    /// another year using it gets a `parameter_extrapolated` warning.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exact_year_only: bool,
    /// The dated values, `from` strictly increasing.
    pub values: Vec<Entry<T>>,
}

/// A value found for a month, with what the trace needs to cite it.
#[derive(Clone, Copy, Debug)]
pub struct Found<'a, T> {
    /// The value.
    pub value: &'a T,
    /// The entry it comes from.
    pub entry: &'a Entry<T>,
    /// Whether the month lies beyond what the data knows (a warning is due).
    pub extrapolated: bool,
}

impl<T> Series<T> {
    /// The same series with each value turned by `f` (given the value's index).
    ///
    /// # Errors
    /// The first error of `f`.
    pub fn map<U, E>(
        self,
        mut f: impl FnMut(usize, T) -> std::result::Result<U, E>,
    ) -> std::result::Result<Series<U>, E> {
        let mut values = Vec::with_capacity(self.values.len());
        for (i, e) in self.values.into_iter().enumerate() {
            values.push(Entry {
                from: e.from,
                value: e.value.map(|v| f(i, v)).transpose()?,
                citation: e.citation,
                confidence: e.confidence,
                note: e.note,
                area: e.area,
            });
        }
        Ok(Series {
            id: self.id,
            kind: self.kind,
            unit: self.unit,
            label_en: self.label_en,
            label_vi: self.label_vi,
            description: self.description,
            last_reviewed: self.last_reviewed,
            known_through: self.known_through,
            exact_year_only: self.exact_year_only,
            values,
        })
    }

    /// The value in force in `month`, or `None` (before the first value, or repealed).
    pub fn at(&self, month: YearMonth) -> Option<Found<'_, T>> {
        let idx = self.values.partition_point(|e| e.from <= month);
        let entry = self.values.get(idx.checked_sub(1)?)?;
        let value = entry.value.as_ref()?;
        let extrapolated = match self.known_through {
            Some(k) => month > k,
            None => self.exact_year_only && entry.from.year() != month.year(),
        };
        Some(Found {
            value,
            entry,
            extrapolated,
        })
    }

    /// Like [`Series::at`] but an error naming the parameter and the input `field`.
    pub fn require(&self, month: YearMonth, field: &str) -> Result<Found<'_, T>> {
        self.at(month).ok_or_else(|| Error::ParameterNotInForce {
            field: field.into(),
            parameter: self.id.clone(),
            month,
        })
    }

    /// First month with a value.
    pub fn first_month(&self) -> Option<YearMonth> {
        self.values.first().map(|e| e.from)
    }
}

/// An income adjustment coefficient table of one settlement year (decision K-12): the
/// coefficient of each contribution year. Written in the law data as a JSON object
/// `{"YYYY": coefficient}`; held parsed and sorted, so that an average income does not
/// re-read the table.
#[derive(Clone, Debug, PartialEq)]
pub struct CoefficientTable {
    rows: Vec<CoefficientRow>,
}

/// One row of a [`CoefficientTable`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoefficientRow {
    /// Contribution year.
    pub year: i32,
    /// Its coefficient (at most two decimals once validated).
    pub coefficient: Decimal,
    /// The coefficient in hundredths (truncated), the integer the averages use.
    pub hundredths: i64,
}

impl CoefficientTable {
    /// The last contribution year of the table.
    pub fn last_year(&self) -> Option<i32> {
        self.rows.last().map(|r| r.year)
    }

    /// The coefficient of `year` in hundredths, if the table has that row.
    pub fn hundredths(&self, year: i32) -> Option<i64> {
        self.rows
            .binary_search_by_key(&year, |r| r.year)
            .ok()
            .map(|i| self.rows[i].hundredths)
    }
}

impl Serialize for CoefficientTable {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.rows.len()))?;
        for r in &self.rows {
            m.serialize_entry(&r.year.to_string(), &r.coefficient)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for CoefficientTable {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let map = BTreeMap::<String, Decimal>::deserialize(d)?;
        let mut rows = Vec::with_capacity(map.len());
        for (k, coefficient) in map {
            // A key that is not a four-digit year, or a coefficient beyond any plausible
            // value, is kept as an impossible row: `Params::validate` then reports it with
            // the path of its value, as for every other parameter.
            let year = if k.len() == 4 && k.bytes().all(|b| b.is_ascii_digit()) {
                k.parse().unwrap_or(i32::MIN)
            } else {
                i32::MIN
            };
            let hundredths = coefficient
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|c| i64::try_from(c.trunc().mantissa()).ok())
                .unwrap_or(i64::MAX);
            rows.push(CoefficientRow {
                year,
                coefficient,
                hundredths,
            });
        }
        // Four-digit keys sort like their years, so the rows are already in order (an
        // impossible row fails validation before the table is used).
        Ok(CoefficientTable { rows })
    }
}

/// Support shares of the five national participant categories.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryRates {
    /// Poor household (hộ nghèo).
    pub poor: Decimal,
    /// Near-poor household (hộ cận nghèo).
    pub near_poor: Decimal,
    /// Ethnic minority (người dân tộc thiểu số).
    pub ethnic_minority: Decimal,
    /// Island commune or special zone (xã đảo, đặc khu).
    pub island_or_special_zone: Decimal,
    /// Others (đối tượng khác).
    pub other: Decimal,
}

/// The five national categories of the contract, in the order of [`CategoryRates`].
pub const NATIONAL_CATEGORIES: [&str; 5] = [
    "poor",
    "near_poor",
    "ethnic_minority",
    "island_or_special_zone",
    "other",
];

impl CategoryRates {
    /// The share of a national category; `None` for other codes.
    pub fn get(&self, category: &str) -> Option<Decimal> {
        Some(match category {
            "poor" => self.poor,
            "near_poor" => self.near_poor,
            "ethnic_minority" => self.ethnic_minority,
            "island_or_special_zone" => self.island_or_special_zone,
            "other" => self.other,
            _ => return None,
        })
    }

    fn all(&self) -> [Decimal; 5] {
        [
            self.poor,
            self.near_poor,
            self.ethnic_minority,
            self.island_or_special_zone,
            self.other,
        ]
    }
}

/// Retirement ages of one roadmap year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetirementAges {
    /// Men.
    pub male: Age,
    /// Women.
    pub female: Age,
}

/// An age in years and months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Age {
    /// Whole years.
    pub years: u32,
    /// Extra months, 0–11.
    pub months: u32,
}

impl Age {
    /// Total months.
    pub fn total_months(self) -> u32 {
        // Ages are validated (at most 120 years), so this never saturates.
        self.years.saturating_mul(12).saturating_add(self.months)
    }
}

/// One band of the pension rate: from `from_years` of contributions the rate is `rate`,
/// plus `per_year` for each further year (a half year counts half).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateBand {
    /// Years at which the band starts.
    pub from_years: u32,
    /// The rate at `from_years`.
    pub rate: Decimal,
    /// The rate added per further year.
    pub per_year: Decimal,
}

/// The pension rate bands of one sex and the threshold of the one-time allowance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SexRates {
    /// Bands, `from_years` increasing.
    pub bands: Vec<RateBand>,
    /// The allowance is paid for the years above this many.
    pub allowance_above_years: u32,
}

/// The pension rate rules of a regime (rules 3.3, 3.8).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PensionRates {
    /// Men.
    pub male: SexRates,
    /// Women.
    pub female: SexRates,
    /// The highest rate.
    pub max_rate: Decimal,
    /// Months of Mbq per year above the threshold (up to retirement age).
    pub allowance_per_year: Decimal,
    /// Months of Mbq per year above the threshold contributed after retirement age (2024
    /// law); `null` when the law has no such rate.
    #[serde(default)]
    pub allowance_per_year_after_age: Option<Decimal>,
}

impl PensionRates {
    fn valid(&self) -> bool {
        let rate = |r: &Decimal| *r >= Decimal::ZERO && *r <= Decimal::ONE;
        let months = |r: &Decimal| *r >= Decimal::ZERO && *r <= Decimal::from(12);
        [&self.male, &self.female].iter().all(|s| {
            !s.bands.is_empty()
                && s.bands
                    .windows(2)
                    .all(|w| w[0].from_years < w[1].from_years)
                && s.bands
                    .iter()
                    .all(|b| b.from_years <= 60 && rate(&b.rate) && rate(&b.per_year))
                && s.allowance_above_years <= 100
        }) && rate(&self.max_rate)
            && months(&self.allowance_per_year)
            && self
                .allowance_per_year_after_age
                .as_ref()
                .is_none_or(months)
    }
}

/// The art. 141.9 rule: early joiners with 20 years of voluntary contributions may retire
/// at 60 / 55 (rules P-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransitionalRetirement {
    /// The first voluntary month must be before this month.
    pub joined_before: YearMonth,
    /// Voluntary months needed.
    pub voluntary_months: u32,
    /// The age for men.
    pub male: Age,
    /// The age for women.
    pub female: Age,
}

/// Which careers with compulsory periods the voluntary rules cover (see `mixed_career.json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MixedCareer {
    /// From this many compulsory months the compulsory rules govern.
    pub compulsory_rules_months: u32,
    /// Compulsory periods before this month are not supported.
    pub compulsory_from: YearMonth,
}

/// A provincial category that maps onto a national one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalCategory {
    /// The national category whose State support applies.
    pub national_category: String,
    /// Vietnamese label.
    pub label_vi: String,
    /// English label.
    pub label_en: String,
    /// A code kept for old requests: the category that replaces it (a warning says so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<String>,
}

/// A provincial resolution known to exist whose content is not in the data (decision K-9).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unread {
    /// First month it is in force.
    pub from: YearMonth,
    /// The resolution.
    pub citation: Citation,
    /// What is known of it.
    pub note: String,
}

/// A group of household health insurance and the State's minimum support (rule H-3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthGroup {
    /// Contract code.
    pub code: String,
    /// The State's share of the first member's amount.
    pub support: Decimal,
    /// Whether members may join in the household form instead (HI Law art. 13.5.e).
    pub may_choose: bool,
    /// Vietnamese label.
    pub label_vi: String,
    /// English label.
    pub label_en: String,
}

impl HealthGroup {
    fn valid_list(groups: &[HealthGroup]) -> bool {
        !groups.is_empty()
            && groups.iter().enumerate().all(|(i, g)| {
                valid_slug(&g.code)
                    && g.support >= Decimal::ZERO
                    && g.support <= Decimal::ONE
                    && !groups[..i].iter().any(|h| h.code == g.code)
            })
            && groups
                .iter()
                .any(|g| g.code == "self_paying" && g.support.is_zero())
    }
}

/// When a health-insurance card becomes valid (rule H-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardRule {
    /// Days after the payment before a first card is valid.
    pub waiting_days: u32,
    /// A lapse of at least this many days makes the next card a first card.
    pub lapse_days: u32,
}

/// A province's top-up data (decision K-9).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// For a former province: the province it was merged into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
    /// For a former province: the first month of the merged province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged: Option<YearMonth>,
    /// Categories defined by the province.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub local_categories: BTreeMap<String, LocalCategory>,
    /// Dated top-up shares by category (share of 0.22 × rural poverty line).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<Entry<BTreeMap<String, Decimal>>>,
    /// Resolutions known to exist whose content is not in the data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<Unread>,
}

impl Province {
    /// The top-up entry in force in `month`, if any (whole-province and area entries).
    pub fn at(&self, month: YearMonth) -> Option<&Entry<BTreeMap<String, Decimal>>> {
        let idx = self.values.partition_point(|e| e.from <= month);
        let e = self.values.get(idx.checked_sub(1)?)?;
        e.value.as_ref().map(|_| e)
    }

    /// The entry in force in `month` among those for the whole province (an entry limited
    /// to one former area does not apply to the others).
    pub fn at_whole(&self, month: YearMonth) -> Option<&Entry<BTreeMap<String, Decimal>>> {
        let e = self
            .values
            .iter()
            .filter(|e| e.area.is_none())
            .take_while(|e| e.from <= month)
            .last()?;
        e.value.as_ref().map(|_| e)
    }
}

/// Provincial top-ups (decision K-9).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalSupport {
    /// Identifier.
    pub id: String,
    /// Kind, `local_support`.
    pub kind: String,
    /// English label.
    pub label_en: String,
    /// Vietnamese label.
    pub label_vi: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Last review date.
    #[serde(with = "crate::month::iso_date")]
    pub last_reviewed: chrono::NaiveDate,
    /// Provinces by slug.
    pub provinces: BTreeMap<String, Province>,
}

/// Declares every parameter once: its id (= the file `law/<id>.json` and the overlay key),
/// its type, and the range its values must lie in. From this one table come the fields of
/// [`Params`], the embedded files ([`LAW_FILES`]), loading, validation and overlays, so
/// adding a parameter is one row here plus its JSON file.
macro_rules! parameter_table {
    ($( $(#[$doc:meta])* $id:ident : $ty:ty = $check:expr ; )*) => {
        /// The complete parameter set an evaluation uses.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Params {
            $( $(#[$doc])* pub $id: $ty, )*
            /// Hash identifying this parameter set (receipt).
            pub hash: String,
        }

        /// The embedded law files: `(id, JSON text)`, in table order.
        pub const LAW_FILES: &[(&str, &str)] = &[
            $((stringify!($id), include_str!(concat!("../../law/", stringify!($id), ".json"))),)*
        ];

        impl Params {
            fn parse_embedded<F: Format>(hash: String) -> Result<Params> {
                let mut files = LAW_FILES.iter();
                Ok(Params {
                    $( $id: {
                        let (id, text) = files.next().copied().unwrap_or_default();
                        <$ty as Parameter>::parse::<F>(text).map_err(|detail| Error::InvalidParameters {
                            field: format!("law/{id}.json"),
                            detail,
                        })?
                    }, )*
                    hash,
                })
            }

            /// Checks every parameter: ids match, dates strictly increasing, every value
            /// cited, values in range.
            ///
            /// # Errors
            /// `invalid_parameters` naming the first offending value.
            pub fn validate(&self, prefix: &str) -> Result<()> {
                $( Parameter::validate(&self.$id, prefix, stringify!($id), $check)?; )*
                Ok(())
            }

            /// Every parameter in table order, encoded in format `F` (as the law files read,
            /// with any overlay applied).
            pub fn encoded<F: Format>(&self) -> Vec<(&'static str, Option<F::Piece>)> {
                vec![$( (stringify!($id), F::encode(&self.$id)), )*]
            }

            fn merge_one<F: Format>(&mut self, key: &str, v: &F::Piece, path: &str) -> Result<()> {
                match key {
                    $( stringify!($id) => Parameter::merge::<F>(&mut self.$id, v, path), )*
                    _ => Err(Error::UnknownField { field: path.into() }),
                }
            }
        }
    };
}

/// A range check of a series' values: a predicate and its description for the error.
pub struct Check<T>(fn(&T) -> bool, &'static str);

/// What the parameter table needs of each parameter's type.
trait Parameter: Sized {
    /// The range check for this type.
    type Check;
    /// Parses the parameter's file.
    fn parse<F: Format>(text: &str) -> std::result::Result<Self, String>;
    fn validate(&self, prefix: &str, id: &str, check: Self::Check) -> Result<()>;
    fn merge<F: Format>(&mut self, v: &F::Piece, path: &str) -> Result<()>;
}

impl<T: DeserializeOwned> Parameter for Series<T> {
    type Check = Check<T>;
    /// The file is read as a series of format pieces, then each value is decoded: the
    /// series and entry structure is decoded once for all parameters (one copy of that code
    /// in the WebAssembly build instead of one per parameter type).
    fn parse<F: Format>(text: &str) -> std::result::Result<Self, String> {
        let raw: Series<F::Piece> = F::parse(text)?;
        raw.map(|i, v| F::decode(&v).map_err(|e| format!("values[{i}].value: {e}")))
    }
    fn validate(&self, prefix: &str, id: &str, check: Check<T>) -> Result<()> {
        if self.id != id {
            return Err(invalid(
                &format!("{prefix}{id}.id"),
                &format!("the file's id {:?} is not its name", self.id),
            ));
        }
        self::check(prefix, self, check.0, check.1)
    }
    fn merge<F: Format>(&mut self, v: &F::Piece, path: &str) -> Result<()> {
        let expected = |e: String| {
            invalid(
                path,
                &format!(
                    "{e} (expected {{\"values\": [{{\"from\": \"YYYY-MM\", \"value\": ...}}]}})"
                ),
            )
        };
        let raw: OverlaySeries<F::Piece> = F::decode(v).map_err(expected)?;
        if raw.values.len() > MAX_OVERLAY_VALUES {
            return Err(invalid(
                path,
                &format!("at most {MAX_OVERLAY_VALUES} values in an overlay"),
            ));
        }
        let mut values = Vec::with_capacity(raw.values.len());
        for (i, mut e) in raw.values.into_iter().enumerate() {
            let value = match e.value.take() {
                None => None,
                Some(p) => {
                    Some(F::decode(&p).map_err(|m| expected(format!("values[{i}].value: {m}")))?)
                }
            };
            values.push(OverlayEntry {
                value,
                ..e.retype()
            });
        }
        merge(
            self,
            OverlaySeries {
                values,
                replace: raw.replace,
            },
            path,
        )
    }
}

impl Parameter for LocalSupport {
    type Check = ();
    fn parse<F: Format>(text: &str) -> std::result::Result<Self, String> {
        F::parse(text)
    }
    fn validate(&self, prefix: &str, id: &str, (): ()) -> Result<()> {
        if self.id != id {
            return Err(invalid(
                &format!("{prefix}{id}.id"),
                &format!("the file's id {:?} is not its name", self.id),
            ));
        }
        validate_local(self, prefix)
    }
    fn merge<F: Format>(&mut self, v: &F::Piece, path: &str) -> Result<()> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct O {
            provinces: BTreeMap<String, Province>,
        }
        let o: O = F::decode(v).map_err(|e| invalid(path, &e))?;
        if o.provinces.len() > MAX_OVERLAY_VALUES {
            return Err(invalid(
                path,
                &format!("at most {MAX_OVERLAY_VALUES} provinces in an overlay"),
            ));
        }
        self.provinces.extend(o.provinces);
        Ok(())
    }
}

/// The most dated values (or provinces) one parameter of an overlay may hold.
const MAX_OVERLAY_VALUES: usize = 1200;

const UNIT: Decimal = Decimal::ONE;
const ZERO: Decimal = Decimal::ZERO;
const MONTHS: Check<u32> = Check(|v| (1..=1200).contains(v), "1 to 1200 months");
const AMOUNT: Check<Money> = Check(|v| *v > 0, "a positive amount");
const AGE: Check<u32> = Check(|v| (40..=120).contains(v), "40 to 120 years");

parameter_table! {
    /// Contribution rate (22 %).
    contribution_rate: Series<Decimal> = Check(|r| *r > ZERO && *r <= UNIT, "a rate in (0, 1]");
    /// Rural poverty line: income floor and support base.
    rural_poverty_line: Series<Money> = AMOUNT;
    /// Base salary / reference level.
    reference_level: Series<Money> = AMOUNT;
    /// Ceiling multiple of the reference level (20).
    income_ceiling_multiple: Series<i64> = Check(|v| (1..=1000).contains(v), "1 to 1000");
    /// Income step (decision K-3).
    income_step: Series<Money> = Check(|v| (1..=10_000_000).contains(v), "1 to 10,000,000");
    /// National State support shares by category.
    state_support_rates: Series<CategoryRates> =
        Check(|r| r.all().iter().all(|x| *x >= ZERO && *x <= UNIT), "rates in [0, 1]");
    /// Lifetime cap of subsidised months.
    support_cap_months: Series<u32> = Check(|v| *v <= 1200, "0 to 1200 months");
    /// SI fund monthly rate by payment year (K-6).
    fund_rate_monthly: Series<Decimal> =
        Check(|r| *r >= ZERO && *r <= Decimal::from_parts(1, 0, 0, false, 1), "a monthly rate in [0, 0.1]");
    /// Allowed advance-payment lengths (K-18).
    advance_months: Series<Vec<u32>> = Check(
        |v| !v.is_empty() && v.iter().all(|m| (1..=120).contains(m)),
        "a non-empty list of 1 to 120 months",
    );
    /// Largest back payment in months.
    back_payment_max_months: Series<u32> = Check(|v| (1..=600).contains(v), "1 to 600");
    /// Retirement-age roadmap by calendar year.
    retirement_age: Series<RetirementAges> = Check(
        |a| [a.male, a.female].iter().all(|x| (40..=80).contains(&x.years) && x.months < 12),
        "ages of 40 to 80 years and 0 to 11 months",
    );
    /// Income adjustment coefficient tables by settlement year.
    income_adjustment_coefficients: Series<CoefficientTable> = Check(
        |t| !t.rows.is_empty() && t.rows.iter().all(|r| {
            (1900..=2200).contains(&r.year)
                && r.coefficient >= UNIT
                && r.coefficient <= Decimal::ONE_HUNDRED
                && r.coefficient.checked_mul(Decimal::ONE_HUNDRED).is_some_and(|x| x.fract().is_zero())
        }),
        "contribution years YYYY with coefficients of 1.00 to 100 with at most 2 decimals",
    );
    /// Provincial top-ups.
    local_support: LocalSupport = ();
    /// Funeral allowance multiple of the reference level (D-1).
    funeral_allowance_multiple: Series<i64> = Check(|v| (1..=100).contains(v), "1 to 100");
    /// Months needed for the funeral allowance (D-1).
    funeral_min_months: Series<u32> = MONTHS;
    /// Months needed for a pension (P-1).
    pension_min_months: Series<u32> = MONTHS;
    /// Below this many months the survivor lump sum is the amount paid (D-2).
    survivor_own_payments_months: Series<u32> = MONTHS;
    /// Social pension allowance (3.13).
    social_pension_amount: Series<Money> = AMOUNT;
    /// Social pension age (3.13).
    social_pension_age: Series<u32> = AGE;
    /// Social pension age for poor and near-poor households (3.13).
    social_pension_age_poor: Series<u32> = AGE;
    /// Maternity allowance per child (§6).
    maternity_allowance: Series<Money> = AMOUNT;
    /// Pension rate bands and the one-time allowance on retirement (rules 3.3, 3.8).
    pension_rate: Series<PensionRates> = Check(PensionRates::valid, "bands of rates in [0, 1] by increasing years");
    /// Retirement at 60/55 for early joiners (rules P-2).
    transitional_retirement: Series<TransitionalRetirement> = Check(
        |t| t.voluntary_months <= 1200 && t.male.months < 12 && t.female.months < 12,
        "up to 1200 months and ages with 0 to 11 months",
    );
    /// Careers with compulsory periods that the voluntary rules cover.
    mixed_career: Series<MixedCareer> = Check(|m| (1..=1200).contains(&m.compulsory_rules_months), "1 to 1200 months");
    /// Age from which a person may join voluntary insurance.
    voluntary_min_age: Series<u32> = Check(|v| (10..=30).contains(v), "10 to 30 years");
    /// Months needed for the art. 23 monthly allowance (decision K-13).
    allowance_min_months: Series<u32> = MONTHS;
    /// Months needed in the 12 months before a birth (§6).
    maternity_min_months: Series<u32> = MONTHS;
    /// Household health insurance: the first member's rate of the base salary (H-1).
    health_insurance_rate: Series<Decimal> = Check(
        |r| *r > ZERO && *r <= Decimal::from_parts(6, 0, 0, false, 2),
        "a rate in (0, 0.06] (HI Law art. 13.4)",
    );
    /// Household health insurance: shares of the first member's amount by rank (H-2).
    health_insurance_household_shares: Series<Vec<Decimal>> = Check(
        |v| v.first() == Some(&UNIT)
            && v.len() <= 20
            && v.windows(2).all(|w| w[1] <= w[0])
            && v.iter().all(|x| *x > ZERO && *x <= UNIT),
        "1 to 20 non-increasing shares in (0, 1], the first 1",
    );
    /// Household health insurance: groups and the State's minimum support (H-3).
    health_insurance_groups: Series<Vec<HealthGroup>> = Check(
        |v| HealthGroup::valid_list(v),
        "unique group codes with support in [0, 1], including self_paying at 0",
    );
    /// Household health insurance: the lengths of a period in months (H-4).
    health_insurance_periods: Series<Vec<u32>> = Check(
        |v| !v.is_empty() && v.iter().all(|m| (1..=12).contains(m)),
        "a non-empty list of 1 to 12 months",
    );
    /// Provincial health-insurance top-ups (rule S-5, decision K-21).
    health_insurance_local_support: LocalSupport = ();
    /// Health-insurance card validity (H-4).
    health_insurance_card: Series<CardRule> = Check(
        |c| c.waiting_days <= 365 && (1..=3650).contains(&c.lapse_days),
        "0 to 365 waiting days and 1 to 3650 lapse days",
    );
}

/// The data format of the law files and of overlays. The law layer asks only for typed
/// values; `crate::data` reads the format (JSON).
pub trait Format {
    /// A piece of data already parsed (an overlay, one of its members, a value).
    type Piece: DeserializeOwned;
    /// Parses a whole file into `T`.
    ///
    /// # Errors
    /// The format's message.
    fn parse<T: DeserializeOwned>(text: &str) -> std::result::Result<T, String>;
    /// Decodes a piece into `T`.
    ///
    /// # Errors
    /// The format's message.
    fn decode<T: DeserializeOwned>(piece: &Self::Piece) -> std::result::Result<T, String>;
    /// The members of an object piece, in order; `None` when it is not an object.
    fn members(piece: &Self::Piece) -> Option<Vec<(&str, &Self::Piece)>>;
    /// A canonical text of the piece, for the parameter fingerprint.
    fn canonical(piece: &Self::Piece) -> String;
    /// Encodes a value as a piece (the catalogue of an overlaid parameter set); `None`
    /// when the format cannot hold it.
    fn encode<T: Serialize>(value: &T) -> Option<Self::Piece>;
}

/// FNV-1a, 64 bits: a stable, dependency-free fingerprint (not a security hash).
fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

static EMBEDDED: OnceLock<Result<Params>> = OnceLock::new();

impl Params {
    /// The parameter set built into the engine (parsed and validated once).
    ///
    /// # Errors
    /// `invalid_parameters` if the embedded data were invalid (prevented by the tests).
    pub fn embedded() -> Result<&'static Params> {
        EMBEDDED
            .get_or_init(Params::load_embedded)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn load_embedded() -> Result<Params> {
        let mut h = FNV_OFFSET;
        for (_, text) in LAW_FILES {
            h = fnv1a(text.as_bytes(), h);
        }
        let p = Params::parse_embedded::<crate::data::Json>(format!("fnv1a64:{h:016x}"))?;
        p.validate("law/")?;
        p.cross_check("law/")?;
        Ok(p)
    }

    /// This parameter set with a caller's overlay applied (contract field `parameters`).
    ///
    /// Each key names a parameter file; its `values` are merged into the series: a value
    /// whose `from` equals an existing one replaces it, others are inserted in date order
    /// (`"replace": true` drops the built-in values first). `citation` and `confidence` may
    /// be omitted and then read "parameter overlay" / `U`. `local_support` takes
    /// `{"provinces": {...}}` and replaces or adds whole provinces.
    ///
    /// # Errors
    /// `unknown_field` for an unknown parameter, `invalid_parameters` for a value that does
    /// not parse or validate.
    pub fn overlaid<F: Format>(&self, overlay: &F::Piece) -> Result<Params> {
        let map = F::members(overlay).ok_or_else(|| Error::InvalidType {
            field: "parameters".into(),
            expected: crate::error::Words::new("a JSON object", "một đối tượng JSON"),
        })?;
        let mut p = self.clone();
        for (key, v) in map {
            p.merge_one::<F>(key, v, &format!("parameters.{key}"))?;
        }
        p.validate("parameters.")?;
        p.cross_check("parameters.")?;
        let canon = F::canonical(overlay);
        let h = fnv1a(canon.as_bytes(), fnv1a(self.hash.as_bytes(), FNV_OFFSET));
        p.hash = format!("fnv1a64:{h:016x}");
        Ok(p)
    }
}

impl Params {
    /// Checks across parameters: every provincial health-insurance group maps to a group of
    /// every `health_insurance_groups` value, and every share names a known group.
    fn cross_check(&self, prefix: &str) -> Result<()> {
        let known = |code: &str| {
            self.health_insurance_groups
                .values
                .iter()
                .filter_map(|e| e.value.as_ref())
                .all(|gs| gs.iter().any(|g| g.code == code))
        };
        for (slug, p) in &self.health_insurance_local_support.provinces {
            let path = format!("{prefix}health_insurance_local_support.provinces.{slug}");
            let local_ok = p
                .local_categories
                .values()
                .all(|c| known(&c.national_category));
            let shares_ok = p.values.iter().filter_map(|e| e.value.as_ref()).all(|m| {
                m.keys()
                    .all(|k| known(k) || p.local_categories.contains_key(k))
            });
            if !local_ok || !shares_ok {
                return Err(invalid(
                    &path,
                    "categories and shares must name health_insurance_groups codes or the province's own groups",
                ));
            }
        }
        Ok(())
    }
}

/// The provincial top-ups: slugs, mergers, local categories and shares (for the health-
/// insurance top-ups the groups are checked against `health_insurance_groups` by
/// `Params::cross_check`).
fn validate_local(ls: &LocalSupport, prefix: &str) -> Result<()> {
    let national = ls.id == "local_support";
    for (slug, p) in &ls.provinces {
        let path = format!("{prefix}{}.provinces.{slug}", ls.id);
        if !valid_slug(slug) {
            return Err(invalid(
                &path,
                "province slugs are lowercase ASCII with underscores",
            ));
        }
        validate_merger(ls, slug, p, &path)?;
        for (code, c) in &p.local_categories {
            if NATIONAL_CATEGORIES.contains(&code.as_str()) || !valid_slug(code) {
                return Err(invalid(&path, &format!("bad local category code {code:?}")));
            }
            let known =
                |k: &str| NATIONAL_CATEGORIES.contains(&k) || p.local_categories.contains_key(k);
            if (national && !NATIONAL_CATEGORIES.contains(&c.national_category.as_str()))
                || c.deprecated
                    .as_deref()
                    .is_some_and(|d| !known(d) || d == code)
            {
                return Err(invalid(
                    &path,
                    &format!("{code:?} maps to an unknown category"),
                ));
            }
        }
        check_entries(
            &path,
            &p.values,
            |m| {
                m.iter().all(|(k, r)| {
                    (!national
                        || NATIONAL_CATEGORIES.contains(&k.as_str())
                        || p.local_categories.contains_key(k))
                        && *r >= ZERO
                        && *r <= UNIT
                })
            },
            "shares in [0, 1] of known categories",
        )?;
    }
    Ok(())
}

/// A former province names an existing, current province and the month of the merger; an
/// area entry names the province itself or one of its former provinces.
fn validate_merger(ls: &LocalSupport, slug: &str, p: &Province, path: &str) -> Result<()> {
    match (&p.merged_into, p.merged) {
        (None, None) => {}
        (Some(q), Some(_))
            if ls
                .provinces
                .get(q)
                .is_some_and(|t| t.merged_into.is_none()) => {}
        _ => {
            return Err(invalid(
                path,
                "a former province gives both `merged_into` (an existing current province) and `merged`",
            ))
        }
    }
    for (i, e) in p.values.iter().enumerate() {
        if let Some(a) = &e.area {
            let own = a == slug && p.merged_into.is_none();
            let former = ls
                .provinces
                .get(a)
                .is_some_and(|f| f.merged_into.as_deref() == Some(slug));
            if !own && !former {
                return Err(invalid(
                    &format!("{path}.values[{i}].area"),
                    "an area is the province itself or one of its former provinces",
                ));
            }
        }
    }
    Ok(())
}

/// Lowercase ASCII letters, digits and underscores, starting with a letter, at most 64 long.
pub fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.as_bytes()[0].is_ascii_lowercase()
        && s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
}

fn invalid(field: &str, detail: &str) -> Error {
    Error::InvalidParameters {
        field: field.into(),
        detail: detail.into(),
    }
}

fn check<T>(prefix: &str, s: &Series<T>, ok: impl Fn(&T) -> bool, what: &str) -> Result<()> {
    let path = format!("{prefix}{}", s.id);
    if s.values.is_empty() {
        return Err(invalid(&path, "a parameter needs at least one value"));
    }
    check_entries(&path, &s.values, ok, what)
}

fn check_entries<T>(
    path: &str,
    values: &[Entry<T>],
    ok: impl Fn(&T) -> bool,
    what: &str,
) -> Result<()> {
    for (i, e) in values.iter().enumerate() {
        let p = format!("{path}.values[{i}]");
        let previous = i.checked_sub(1).and_then(|j| values.get(j));
        if previous.is_some_and(|prev| prev.from >= e.from) {
            return Err(invalid(&p, "`from` months must be strictly increasing"));
        }
        if e.citation.document.trim().is_empty() {
            return Err(invalid(&p, "every value needs a citation document"));
        }
        if e.area.is_some() && !path.contains("local_support") {
            return Err(invalid(&p, "`area` belongs to provincial top-ups only"));
        }
        if let Some(v) = &e.value {
            if !ok(v) {
                return Err(invalid(&p, &format!("value must be {what}")));
            }
        }
    }
    Ok(())
}

/// An overlay entry: like [`Entry`] but citation and confidence may be omitted.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverlayEntry<T> {
    from: YearMonth,
    value: Option<T>,
    #[serde(default)]
    citation: Option<Citation>,
    #[serde(default)]
    confidence: Option<Confidence>,
    #[serde(default)]
    note: Option<String>,
}

impl<P> OverlayEntry<P> {
    /// The entry without its value, ready to take a decoded one.
    fn retype<T>(self) -> OverlayEntry<T> {
        OverlayEntry {
            from: self.from,
            value: None,
            citation: self.citation,
            confidence: self.confidence,
            note: self.note,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverlaySeries<T> {
    values: Vec<OverlayEntry<T>>,
    #[serde(default)]
    replace: bool,
}

fn merge<T>(series: &mut Series<T>, o: OverlaySeries<T>, path: &str) -> Result<()> {
    if o.replace {
        series.values.clear();
    }
    // The overlay's own entries must be strictly increasing too.
    for w in o.values.windows(2) {
        if w[0].from >= w[1].from {
            return Err(invalid(
                path,
                "overlay `from` months must be strictly increasing",
            ));
        }
    }
    for e in o.values {
        let entry = Entry {
            from: e.from,
            value: e.value,
            citation: e.citation.unwrap_or_else(Citation::overlay),
            confidence: e.confidence.unwrap_or(Confidence::U),
            note: e.note,
            area: None,
        };
        match series.values.binary_search_by(|x| x.from.cmp(&entry.from)) {
            Ok(i) => series.values[i] = entry,
            Err(i) => series.values.insert(i, entry),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A law file's entry may name an `area` only in the provincial top-ups: elsewhere it would
    /// be silently meaningless (overlays cannot give one at all).
    #[test]
    fn an_area_belongs_to_provincial_top_ups_only() {
        let s = Series::<Money> {
            id: "income_step".into(),
            kind: "money".into(),
            unit: String::new(),
            label_en: "x".into(),
            label_vi: "x".into(),
            description: String::new(),
            last_reviewed: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            known_through: None,
            exact_year_only: false,
            values: vec![Entry {
                from: YearMonth::new(2016, 1).unwrap(),
                value: Some(50_000),
                citation: Citation {
                    document: "D".into(),
                    document_vi: None,
                    article: String::new(),
                },
                confidence: Confidence::U,
                note: None,
                area: Some("ha_noi".into()),
            }],
        };
        let e = check("law/", &s, |_| true, "x").unwrap_err();
        assert_eq!(e.code(), "invalid_parameters");
        let mut ok = s.clone();
        ok.values[0].area = None;
        assert!(check("law/", &ok, |_| true, "x").is_ok());
        let mut local = s;
        local.id = "local_support".into();
        assert!(check("law/", &local, |_| true, "x").is_ok());
    }
}
