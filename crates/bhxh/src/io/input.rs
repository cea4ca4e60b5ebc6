//! Reading request fields with exact paths in errors.
//!
//! Requests are parsed to a JSON tree first and then read field by field through
//! [`Fields`], which knows the JSON path of every value, so that each error names the
//! offending input (`history[2].from`, `categories[0]`) and unknown fields are rejected.

use crate::error::{Error, Result};
use crate::money::{Money, MAX_MONEY};
use crate::YearMonth;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// A JSON object being read: each field taken is marked; [`Fields::only`] rejects the
/// unknown ones.
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    prefix: &'a str,
    index: Option<usize>,
    taken: Vec<&'a str>,
    /// Periods of `history` already deserialised by the fast path of [`crate::evaluate`].
    pub(crate) fast_history: Option<&'a [super::history::RawPeriod<'a>]>,
}

/// Something that names a JSON path, built only when an error needs it.
pub trait Path {
    /// The path text.
    fn path(&self) -> String;
}

impl Path for &str {
    fn path(&self) -> String {
        (*self).to_string()
    }
}

impl Path for String {
    fn path(&self) -> String {
        self.clone()
    }
}

impl<F: Fn() -> String> Path for F {
    fn path(&self) -> String {
        self()
    }
}

/// The JSON path of `key` under `prefix`.
pub fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 60 {
        let mut end = 57;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}...", &s[..end])
    } else {
        s
    }
}

impl<'a> Fields<'a> {
    /// Reads `value` as an object at `path`.
    pub fn new(value: &'a Value, path: &'a str) -> Result<Self> {
        match value {
            Value::Object(map) => Ok(Fields {
                map,
                prefix: path,
                index: None,
                taken: Vec::new(),
                fast_history: None,
            }),
            _ => Err(Error::InvalidType {
                field: if path.is_empty() {
                    "$".into()
                } else {
                    path.into()
                },
                expected: crate::error::Words::new("a JSON object", "một đối tượng JSON"),
            }),
        }
    }

    /// Reads `value` as the object at `path[index]` (the path is only formatted for errors).
    pub fn indexed(value: &'a Value, path: &'a str, index: usize) -> Result<Self> {
        match value {
            Value::Object(map) => Ok(Fields {
                map,
                prefix: path,
                index: Some(index),
                taken: Vec::new(),
                fast_history: None,
            }),
            _ => Err(Error::InvalidType {
                field: format!("{path}[{index}]"),
                expected: crate::error::Words::new("a JSON object", "một đối tượng JSON"),
            }),
        }
    }

    /// The path of this object.
    pub fn own_path(&self) -> String {
        match self.index {
            Some(i) => format!("{}[{i}]", self.prefix),
            None => self.prefix.to_string(),
        }
    }

    /// The path of a field of this object.
    pub fn path(&self, key: &str) -> String {
        join(&self.own_path(), key)
    }

    /// The raw value of an optional field (`null` counts as absent).
    pub fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        let (k, v) = self.map.get_key_value(key)?;
        self.taken.push(k.as_str());
        (!v.is_null()).then_some(v)
    }

    /// The raw value of a required field.
    pub fn require(&mut self, key: &'static str) -> Result<&'a Value> {
        self.get(key).ok_or_else(|| Error::MissingField {
            field: self.path(key),
        })
    }

    /// Rejects any field outside `known` (checked first, so a misspelt field is reported
    /// as unknown rather than as a missing one).
    pub fn only(&self, known: &[&str]) -> Result<()> {
        // The first unknown field in key order, as for a request read as a JSON tree (where
        // a `history` read by the fast path would sit among the other keys).
        let unknown = self
            .map
            .keys()
            .map(String::as_str)
            .chain(self.fast_history.is_some().then_some("history"))
            .filter(|k| !known.contains(k))
            .min();
        match unknown {
            Some(k) => Err(Error::UnknownField {
                field: self.path(k),
            }),
            None => Ok(()),
        }
    }

    /// Whether a `history` field is present.
    pub fn has_history(&self) -> bool {
        self.fast_history.is_some() || self.map.get("history").is_some_and(|v| !v.is_null())
    }

    /// Reads the required `history` field (see [`super::history::read`]).
    ///
    /// # Errors
    /// `missing_field` and the history errors.
    pub fn history(
        &mut self,
        limit: Option<(YearMonth, &str)>,
    ) -> Result<crate::calc::history::History> {
        let path = self.path("history");
        if let Some(raws) = self.fast_history.take() {
            return super::history::from_raw(raws, raws.len(), &path, limit);
        }
        let v = self.require("history")?;
        super::history::read(v, &path, limit)
    }

    /// An optional string field.
    pub fn opt_str(&mut self, key: &'static str) -> Result<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(Error::InvalidType {
                field: self.path(key),
                expected: crate::error::Words::new("a string", "một chuỗi"),
            }),
        }
    }

    /// A required string field.
    pub fn str(&mut self, key: &'static str) -> Result<&'a str> {
        self.opt_str(key)?.ok_or_else(|| Error::MissingField {
            field: self.path(key),
        })
    }

    /// A required month field.
    pub fn month(&mut self, key: &'static str) -> Result<YearMonth> {
        let s = self.str(key)?;
        parse_month(s, || self.path(key))
    }

    /// An optional month field.
    pub fn opt_month(&mut self, key: &'static str) -> Result<Option<YearMonth>> {
        match self.opt_str(key)? {
            None => Ok(None),
            Some(s) => parse_month(s, || self.path(key)).map(Some),
        }
    }

    /// A required money field (JSON integer of whole đồng, 0..=10^15).
    pub fn money(&mut self, key: &'static str) -> Result<Money> {
        let v = self.require(key)?;
        money_value(v, || self.path(key))
    }

    /// An optional money field.
    pub fn opt_money(&mut self, key: &'static str) -> Result<Option<Money>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => money_value(v, || self.path(key)).map(Some),
        }
    }

    /// An optional whole number in `min..=max`.
    pub fn opt_int(&mut self, key: &'static str, min: i64, max: i64) -> Result<Option<i64>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => int_value(v, || self.path(key), min, max).map(Some),
        }
    }

    /// An optional decimal string in `[min, max]`.
    pub fn opt_decimal(
        &mut self,
        key: &'static str,
        min: Decimal,
        max: Decimal,
        expected: crate::error::Words,
    ) -> Result<Option<Decimal>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => decimal_value(v, || self.path(key), min, max, expected).map(Some),
        }
    }

    /// An optional boolean field.
    pub fn opt_bool(&mut self, key: &'static str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(Error::InvalidType {
                field: self.path(key),
                expected: crate::error::Words::new("true or false", "true hoặc false"),
            }),
        }
    }
}

/// Parses a `YYYY-MM` month at `path`.
pub fn parse_month(s: &str, path: impl Path) -> Result<YearMonth> {
    s.parse().map_err(|_| Error::InvalidMonth {
        field: path.path(),
        value: crate::error::excerpt(s),
    })
}

/// Reads a JSON integer of whole đồng at `path`.
pub fn money_value(v: &Value, path: impl Path) -> Result<Money> {
    match v {
        Value::Number(n) => match n.as_i64() {
            Some(x) if (0..=MAX_MONEY).contains(&x) => Ok(x),
            _ => Err(Error::InvalidMoney {
                field: path.path(),
                value: short(v),
            }),
        },
        _ => Err(Error::InvalidType {
            field: path.path(),
            expected: crate::error::Words::new(
                "a JSON integer of whole đồng (not a string)",
                "một số nguyên JSON, đơn vị đồng (không phải chuỗi)",
            ),
        }),
    }
}

/// Reads a JSON integer in `min..=max` at `path`.
pub fn int_value(v: &Value, path: impl Path, min: i64, max: i64) -> Result<i64> {
    match v {
        Value::Number(n) => match n.as_i64() {
            Some(x) if (min..=max).contains(&x) => Ok(x),
            _ => Err(Error::ValueOutOfRange {
                field: path.path(),
                value: short(v),
                expected: crate::error::Words::owned(
                    format!("a whole number from {min} to {max}"),
                    format!("một số nguyên từ {min} đến {max}"),
                ),
            }),
        },
        _ => Err(Error::InvalidType {
            field: path.path(),
            expected: crate::error::Words::new("a JSON integer", "một số nguyên JSON"),
        }),
    }
}

/// Reads a decimal string in `[min, max]` at `path` (at most 28 significant digits).
pub fn decimal_value(
    v: &Value,
    path: impl Path,
    min: Decimal,
    max: Decimal,
    expected: crate::error::Words,
) -> Result<Decimal> {
    let bad = || Error::InvalidDecimal {
        field: path.path(),
        value: short(v),
        expected: expected.clone(),
    };
    let Value::String(s) = v else {
        return Err(bad());
    };
    let ok_chars = !s.is_empty()
        && s.len() <= 30
        && s.bytes()
            .all(|c| c.is_ascii_digit() || c == b'.' || c == b'-')
        && !s.starts_with('.')
        && !s.ends_with('.');
    if !ok_chars {
        return Err(bad());
    }
    let d: Decimal = s.parse().map_err(|_| bad())?;
    if d < min || d > max {
        return Err(bad());
    }
    Ok(d)
}

/// Reads an array at `path`.
pub fn array<'a>(
    v: &'a Value,
    path: &str,
    expected: crate::error::Words,
) -> Result<&'a Vec<Value>> {
    match v {
        Value::Array(a) => Ok(a),
        _ => Err(Error::InvalidType {
            field: path.path(),
            expected,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_fields_are_named() {
        let v = json!({"a": 1, "b": 2});
        let f = Fields::new(&v, "x").unwrap();
        assert_eq!(
            f.only(&["a"]),
            Err(Error::UnknownField {
                field: "x.b".into()
            })
        );
    }

    #[test]
    fn money_must_be_whole() {
        for bad in [
            json!(1.5),
            json!(-1),
            json!("1000"),
            json!(1e20),
            json!(true),
        ] {
            assert!(money_value(&bad, "income").is_err(), "{bad}");
        }
        assert_eq!(money_value(&json!(3_000_000), "income"), Ok(3_000_000));
    }

    #[test]
    fn decimals_are_strings() {
        let one = Decimal::ONE;
        let read = |v: serde_json::Value| {
            decimal_value(
                &v,
                "r",
                Decimal::ZERO,
                one,
                crate::error::Words::new("", ""),
            )
        };
        assert!(read(json!(0.22)).is_err());
        assert!(read(json!("1e-3")).is_err());
        assert!(read(json!("2")).is_err());
        assert_eq!(read(json!("0.0031")), Ok(Decimal::new(31, 4)));
    }
}
