//! Reads a request's text in one pass, with its `history` periods read in place.
//!
//! A 40-year history is most of a pension request, and a general JSON parser spends most of
//! a pension calculation's time on it. This reader walks the top-level object itself: the
//! `history` array is read straight into [`RawPeriod`]s, every other field is handed to
//! `serde_json` as one JSON value. It accepts the shape every host sends — keys and
//! period strings without escapes, integers of đồng, `null` for absent options — and gives
//! up on anything else (escapes, fractions or exponents, control characters, unknown,
//! duplicate or missing keys, other types, malformed JSON). Giving up is never an error:
//! [`crate::evaluate`] then reads the request as a JSON tree, which answers or reports the
//! precise error. What it accepts is therefore a subset of valid JSON, and a property test
//! (`request_text_matches_the_tree_path`) checks that both routes give byte-identical
//! answers on arbitrary spellings of a request.

use super::history::RawPeriod;
use crate::calc::history::MAX_MONTHS;
use serde_json::{Map, Value};

/// A request's top-level fields except `history`, and its `history` periods if present.
pub(crate) type Read<'a> = (Map<String, Value>, Option<Vec<RawPeriod<'a>>>);

/// Reads a request, or `None` when it is not in the common shape.
pub(crate) fn read(text: &str) -> Option<Read<'_>> {
    let mut c = Cursor {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut map = Map::new();
    let mut history = None;
    c.eat(b'{')?;
    c.items(b'}', |c| {
        let key = c.string()?;
        c.eat(b':')?;
        if key == "history" {
            let h = c.periods()?;
            if history.is_some() || h.len() > MAX_MONTHS as usize {
                return None;
            }
            history = Some(h);
        } else {
            let v = c.value()?;
            if map.insert(key.to_owned(), v).is_some() {
                return None;
            }
        }
        Some(())
    })?;
    c.skip_space();
    (c.at == c.bytes.len()).then_some((map, history))
}

/// Nesting accepted in a top-level value; anything deeper goes to the tree path. Far
/// below serde_json's limit of 128 levels for the whole request.
const MAX_DEPTH: usize = 32;

/// How deeply a value nests (a scalar is 0), counted up to `MAX_DEPTH`.
fn depth(v: &Value) -> usize {
    fn walk(v: &Value, level: usize) -> usize {
        if level >= MAX_DEPTH {
            return level;
        }
        match v {
            Value::Array(a) => a
                .iter()
                .map(|x| walk(x, level + 1))
                .max()
                .unwrap_or(level + 1),
            Value::Object(o) => o
                .values()
                .map(|x| walk(x, level + 1))
                .max()
                .unwrap_or(level + 1),
            _ => level,
        }
    }
    walk(v, 0)
}

struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    #[inline]
    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            // One comparison for the usual case: a printable byte, no white space.
            if b > b' ' || !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return;
            }
            self.at += 1;
        }
    }

    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes.get(self.at).copied()
    }

    /// The next byte after white space, consumed.
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.next()? == b).then_some(())
    }

    /// The items of an array or object whose opening bracket was read, up to `close`:
    /// `item` reads one; commas between them, none trailing.
    fn items(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        if self.peek()? == close {
            self.at += 1;
            return Some(());
        }
        loop {
            item(self)?;
            match self.next()? {
                b',' => {}
                b if b == close => return Some(()),
                _ => return None,
            }
        }
    }

    /// Whether a `null` comes next (then read).
    fn null(&mut self) -> Option<bool> {
        if self.peek()? != b'n' {
            return Some(false);
        }
        self.literal(b"null")?;
        Some(true)
    }

    /// `true`, `false` or `null`, followed by a delimiter.
    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.skip_space();
        let end = self.at + word.len();
        if self.bytes.get(self.at..end)? != word || self.bytes.get(end)?.is_ascii_alphanumeric() {
            return None;
        }
        self.at = end;
        Some(())
    }

    /// A string without escapes or control characters, borrowed from the text.
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        // Months (`YYYY-MM`) are the usual strings: seven bytes checked at once.
        if let Some(&[a, b, c, d, e, f, g, b'"']) = self.bytes.get(start..start + 8) {
            let bad = |x: u8| u8::from(x < 0x20) | u8::from(x == b'"') | u8::from(x == b'\\');
            if bad(a) | bad(b) | bad(c) | bad(d) | bad(e) | bad(f) | bad(g) == 0 {
                self.at = start + 8;
                return self.text.get(start..start + 7);
            }
        }
        let mut end = start;
        loop {
            match *self.bytes.get(end)? {
                b'"' => break,
                b'\\' | 0..=0x1f => return None,
                _ => end += 1,
            }
        }
        self.at = end + 1;
        // Quotes are ASCII, so both ends are character boundaries.
        self.text.get(start..end)
    }

    fn opt_string(&mut self) -> Option<Option<&'a str>> {
        if self.null()? {
            return Some(None);
        }
        self.string().map(Some)
    }

    fn opt_bool(&mut self) -> Option<Option<bool>> {
        if self.null()? {
            return Some(None);
        }
        match self.peek()? {
            b't' => self.literal(b"true").map(|()| Some(true)),
            b'f' => self.literal(b"false").map(|()| Some(false)),
            _ => None,
        }
    }

    /// A non-negative JSON integer that fits `i64` (no sign, leading zero, fraction or
    /// exponent). Negative amounts are errors, which the tree path reports; `-0` is not
    /// even an integer to serde_json.
    fn integer(&mut self) -> Option<i64> {
        self.skip_space();
        let start = self.at;
        let mut v: i64 = 0;
        while let Some(&b) = self.bytes.get(self.at) {
            if !b.is_ascii_digit() {
                break;
            }
            v = v.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
            self.at += 1;
        }
        let digits = self.at - start;
        if digits == 0
            || (digits > 1 && self.bytes[start] == b'0')
            || matches!(self.bytes.get(self.at), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        Some(v)
    }

    /// A top-level value: plain strings, literals and non-negative integers directly,
    /// anything else (objects, arrays, escapes, other numbers) through serde_json.
    fn value(&mut self) -> Option<Value> {
        let mark = self.at;
        let simple = match self.peek()? {
            b'"' => self.string().map(|s| Value::String(s.to_owned())),
            b't' => self.literal(b"true").map(|()| Value::Bool(true)),
            b'f' => self.literal(b"false").map(|()| Value::Bool(false)),
            b'n' => self.literal(b"null").map(|()| Value::Null),
            b'0'..=b'9' => self.integer().map(Value::from),
            _ => None,
        };
        if simple.is_some() {
            return simple;
        }
        self.at = mark;
        // Strict JSON (K-20): a repeated key inside the value gives up, and the tree path
        // reports it with its path.
        let (v, used) = super::strict::parse_prefix(self.text.get(self.at..)?)?;
        self.at += used;
        // This parser started one level below the request's own object, so it allows one
        // level more than a parse of the whole text would: deep values are left to the tree
        // path (and its `malformed_json` at serde_json's limit).
        (depth(&v) < MAX_DEPTH).then_some(v)
    }

    fn opt_strings(&mut self) -> Option<Option<Vec<&'a str>>> {
        if self.null()? {
            return Some(None);
        }
        self.eat(b'[')?;
        let mut out = Vec::new();
        self.items(b']', |c| {
            out.push(c.string()?);
            Some(())
        })?;
        Some(Some(out))
    }

    /// A JSON array of period objects.
    fn periods(&mut self) -> Option<Vec<RawPeriod<'a>>> {
        self.eat(b'[')?;
        // A compact period takes 45–60 bytes of text: room for all of them at once, so the
        // vector is not regrown (and copied) while the history is read.
        let room = (self.bytes.len() - self.at) / 40 + 1;
        let mut out = Vec::with_capacity(room.min(MAX_MONTHS as usize));
        self.items(b']', |c| {
            out.push(c.period()?);
            Some(())
        })?;
        Some(out)
    }

    /// The key of a period field (the text after its opening quote, through the colon),
    /// as a bit of [`Cursor::period`]'s `seen` set.
    fn period_key(&mut self) -> Option<u8> {
        self.eat(b'"')?;
        // Slice patterns compile to a few inline byte compares (no `memcmp` call per key).
        let (bit, len) = match self.bytes.get(self.at..)? {
            [b'f', b'r', b'o', b'm', b'"', ..] => (1, 5),
            [b't', b'o', b'"', ..] => (2, 3),
            [b'i', b'n', b'c', b'o', b'm', b'e', b'"', ..] => (4, 7),
            [b's', b'c', b'h', b'e', b'm', b'e', b'"', ..] => (8, 7),
            [b'b', b'a', b'c', b'k', b'_', b'p', b'a', b'i', b'd', b'"', ..] => (16, 10),
            [b'c', b'a', b't', b'e', b'g', b'o', b'r', b'i', b'e', b's', b'"', ..] => (32, 11),
            [b'p', b'r', b'o', b'v', b'i', b'n', b'c', b'e', b'"', ..] => (64, 9),
            _ => return None,
        };
        self.at += len;
        self.eat(b':')?;
        Some(bit)
    }

    /// One period object; every key at most once, `from`, `to` and `income` required.
    fn period(&mut self) -> Option<RawPeriod<'a>> {
        self.eat(b'{')?;
        let mut p = RawPeriod {
            from: "",
            to: "",
            income: 0,
            scheme: None,
            back_paid: None,
            categories: None,
            province: None,
        };
        let mut seen = 0u8;
        // An empty object leaves `seen` empty and is refused below.
        self.items(b'}', |c| {
            let key = c.period_key()?;
            if seen & key != 0 {
                return None;
            }
            seen |= key;
            match key {
                1 => p.from = c.string()?,
                2 => p.to = c.string()?,
                4 => p.income = c.integer()?,
                8 => p.scheme = c.opt_string()?,
                16 => p.back_paid = c.opt_bool()?,
                32 => p.categories = c.opt_strings()?,
                _ => p.province = c.opt_string()?,
            }
            Some(())
        })?;
        (seen & 7 == 7).then_some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::read;

    fn history(text: &str) -> Option<Vec<crate::io::history::RawPeriod<'_>>> {
        read(text).and_then(|(_, h)| h)
    }

    #[test]
    fn reads_the_common_shape() {
        let text = r#" { "calculation" : "pension", "parameters": {"a": [1, "}"]},
            "history": [ {"from":"2020-01", "to" : "2020-12","income":2000000},
                 {"income":0,"to":"2021-03","from":"2021-01","back_paid":true,"scheme":null,
                  "categories":["poor","x"],"province":"hue"} ] ,"trace":false} "#;
        let (map, h) = read(text).unwrap();
        assert_eq!(map["calculation"], "pension");
        assert_eq!(map["parameters"]["a"][1], "}");
        assert_eq!(map["trace"], false);
        let p = h.unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(
            (p[0].from, p[0].to, p[0].income),
            ("2020-01", "2020-12", 2_000_000)
        );
        assert_eq!(p[0].back_paid, None);
        assert_eq!(
            (p[1].income, p[1].back_paid, p[1].scheme),
            (0, Some(true), None)
        );
        assert_eq!(p[1].categories.as_deref(), Some(&["poor", "x"][..]));
        assert_eq!(p[1].province, Some("hue"));
        assert_eq!(history(r#"{"history":[]}"#).unwrap().len(), 0);
        assert!(read("{}").unwrap().0.is_empty());
        // Top-level values equal serde_json's, number representation included.
        let text = r#"{"a":5,"b":0,"c":-5,"d":1.5,"e":"x\u00e9","f":[1],"g":"é","h":null,"i":18446744073709551615,"j":-0,"k":true}"#;
        let tree: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::Value::Object(read(text).unwrap().0), tree);
    }

    #[test]
    fn gives_up_on_anything_else() {
        for h in [
            r#"[{"from":"2020\u002d01","to":"2020-12","income":1}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1.0}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1e6}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":01}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":-}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":-0}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":-5}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":99999999999999999999}]"#,
            r#"[{"from":"2020-01","to":"2020-12"}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1,"income":2}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1,"colour":"red"}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1,"fromage":"x"}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":"1"}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1,"back_paid":1}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1,"back_paid":truex}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1,"categories":"poor"}]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1,"scheme":null,"scheme":null}]"#,
            "[{\"from\":\"2020-01\t\",\"to\":\"2020-12\",\"income\":1}]",
            r#"[{"from":"2020-01","to":"2020-12","income":1},]"#,
            r#"[{"from":"2020-01","to":"2020-12","income":1}"#,
            r#"[{}]"#,
            r#"[1]"#,
            r#"{"from":"2020-01"}"#,
            r#""x""#,
        ] {
            let text = format!(r#"{{"calculation":"pension","history":{h}}}"#);
            assert!(read(&text).is_none(), "{text}");
        }
        let deep = format!(r#"{{"x":{}1{}}}"#, "[".repeat(40), "]".repeat(40));
        assert!(read(&deep).is_none());
        let shallow = format!(r#"{{"x":{}1{}}}"#, "[".repeat(8), "]".repeat(8));
        assert!(read(&shallow).is_some());
        for text in [
            r#"{"a":1,"a":2}"#,
            r#"{"a\u0062":1}"#,
            r#"{"history":[],"history":[]}"#,
            r#"{"a":1} x"#,
            r#"{"a":1,}"#,
            r#"{"a":tru}"#,
            r#"[]"#,
            "",
        ] {
            assert!(read(text).is_none(), "{text}");
        }
    }
}
