//! Strict JSON (decision K-20): a request is read into a `serde_json::Value` exactly as
//! serde_json reads it, except that an object with the same key twice is refused with the
//! path of the repeated key — the engine never picks one of two values silently.

use crate::error::Error;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// Where a value stands in the request, built into a path only when an error needs it.
#[derive(Clone, Copy)]
enum Place<'a> {
    Root,
    Key(&'a Place<'a>, &'a str),
    Index(&'a Place<'a>, usize),
}

impl Place<'_> {
    fn path(&self) -> String {
        match self {
            Place::Root => String::new(),
            Place::Key(parent, key) => match parent.path() {
                p if p.is_empty() => (*key).to_string(),
                p => format!("{p}.{key}"),
            },
            Place::Index(parent, i) => format!("{}[{i}]", parent.path()),
        }
    }
}

/// Parses `text` as one JSON value.
///
/// # Errors
/// `duplicate_field` at the repeated key's path, `malformed_json` otherwise.
pub(crate) fn parse(text: &str) -> Result<Value, Error> {
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = Seed {
        place: Place::Root,
        duplicate: &duplicate,
    };
    let v = seed.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    match (v, duplicate.into_inner()) {
        (_, Some(field)) => Err(Error::DuplicateField { field }),
        (Ok(v), None) => Ok(v),
        (Err(e), None) => Err(Error::MalformedJson {
            detail: crate::error::Words::json_error(&e),
        }),
    }
}

/// Parses the first JSON value of `text`, returning it and the bytes it took; `None` for
/// malformed JSON or a repeated key (the caller then reads the request the slow way).
pub(crate) fn parse_prefix(text: &str) -> Option<(Value, usize)> {
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = Seed {
        place: Place::Root,
        duplicate: &duplicate,
    };
    let v = seed.deserialize(&mut de).ok()?;
    let used = de.into_iter::<de::IgnoredAny>().byte_offset();
    Some((v, used))
}

struct Seed<'a> {
    place: Place<'a>,
    duplicate: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Seed {
            place: Place::Index(&self.place, out.len()),
            duplicate: self.duplicate,
        })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                let field = Place::Key(&self.place, &key).path();
                *self.duplicate.borrow_mut() = Some(field);
                return Err(de::Error::custom("duplicate key"));
            }
            let v = map.next_value_seed(Seed {
                place: Place::Key(&self.place, &key),
                duplicate: self.duplicate,
            })?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_as_serde_json_reads_them() {
        let text = r#"{"a": [1, -2, 3.5, "x", null, true, {"b": {}}], "c": 18446744073709551615}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn a_repeated_key_is_named_by_its_path() {
        for (text, path) in [
            (r#"{"a": 1, "a": 2}"#, "a"),
            (r#"{"h": [{"x": 1}, {"x": 1, "x": 2}]}"#, "h[1].x"),
            (r#"{"p": {"q": {"r": 1, "r": 1}}}"#, "p.q.r"),
        ] {
            assert_eq!(
                parse(text),
                Err(Error::DuplicateField { field: path.into() }),
                "{text}"
            );
        }
        assert!(parse_prefix(r#"{"a": 1, "a": 2}"#).is_none());
    }

    #[test]
    fn malformed_text_is_malformed_json() {
        for text in ["", "{", "[1,]", "{} x", "tru"] {
            assert_eq!(
                parse(text).map_err(|e| e.code()),
                Err("malformed_json"),
                "{text}"
            );
        }
        assert_eq!(parse_prefix("[1, 2] , 3").map(|(_, n)| n), Some(6));
    }
}
