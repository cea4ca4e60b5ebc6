//! Participants as CSV rows → monthly quotes as CSV rows: the batch files of collection
//! agents (`bhxh batch`, `POST /v1/batch` with `text/csv`).
//!
//! The input's first line names the columns (English or Vietnamese, any order; other
//! columns are ignored and never copied): `payment_month` (`YYYY-MM` or `YYYYMM`) and
//! `income` are required; `id` (echoed), `category` (a national category, default
//! `other`), `subsidised_before` (months already supported, default 0) and `province` are
//! optional. Each row is quoted as a monthly payment by [`MonthlyQuoter`] (the same
//! arithmetic as `evaluate` with `method: "monthly"`), and written as one output row with a
//! status: `ok`, a [`RowStatus`] code, or one of this module's own (`malformed_row`,
//! `invalid_number`, `unknown_province`). A bad row never stops the others.
//!
//! The work is cut into blocks of whole lines so that a host can quote blocks on several
//! threads and write them in order ([`CsvQuoter::quote_lines`]).

use crate::calc::batch::{MonthlyQuoter, RowStatus};
use crate::calc::support::known_province;
use crate::error::{Error, Result};
use crate::law::parameters::{Params, NATIONAL_CATEGORIES};
use crate::Money;
use crate::YearMonth;

/// Language of the output's header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese.
    Vi,
    /// English.
    En,
}

/// The output columns, in order.
const OUT_EN: &str = "line,id,payment_month,status,gross,state_support,local_support,payable";
const OUT_VI: &str =
    "dòng,mã,tháng_đóng,trạng_thái,mức_đóng_22%,nhà_nước_hỗ_trợ,địa_phương_hỗ_trợ,phải_đóng";

/// The output's header line (without the line end).
pub fn header(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => OUT_VI,
        Lang::En => OUT_EN,
    }
}

/// Input column names: (canonical, Vietnamese alias).
const INPUT: [(&str, &str); 6] = [
    ("id", "mã"),
    ("payment_month", "tháng_đóng"),
    ("income", "thu_nhập"),
    ("category", "đối_tượng"),
    ("subsidised_before", "số_tháng_đã_hỗ_trợ"),
    ("province", "tỉnh"),
];

/// Where each known column sits in a row (`usize::MAX`: absent).
#[derive(Clone, Copy, Debug)]
struct Columns {
    at: [usize; 6],
    /// Fields a row needs at least (one past the rightmost known column).
    needed: usize,
}

/// A row's status besides the engine's [`RowStatus`].
const MALFORMED: &str = "malformed_row";
const INVALID_NUMBER: &str = "invalid_number";
const UNKNOWN_PROVINCE: &str = "unknown_province";

/// Counts of one block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Lines read (including blank ones, which produce no output).
    pub lines: u64,
    /// Rows written.
    pub rows: u64,
    /// Rows quoted (status `ok`).
    pub ok: u64,
}

/// Quotes CSV rows; one per thread (each keeps its own per-month cache).
pub struct CsvQuoter<'p> {
    params: &'p Params,
    cols: Columns,
    national: MonthlyQuoter<'p>,
    provincial: Vec<(String, Option<MonthlyQuoter<'p>>)>,
    fields: Vec<(usize, usize)>,
    unquoted: String,
}

impl<'p> CsvQuoter<'p> {
    /// Reads the header line (a UTF-8 BOM and a trailing `\r` are allowed).
    ///
    /// # Errors
    /// `missing_field` naming a required column, `duplicate_field` for a column given twice.
    pub fn new(params: &'p Params, header_line: &str) -> Result<Self> {
        let line = header_line.trim_start_matches('\u{feff}').trim_end();
        let mut at = [usize::MAX; 6];
        for (i, name) in line.split(',').enumerate() {
            let name = name.trim().trim_matches('"');
            if let Some(k) = INPUT.iter().position(|(en, vi)| *en == name || *vi == name) {
                if at[k] != usize::MAX {
                    return Err(Error::DuplicateField {
                        field: INPUT[k].0.into(),
                    });
                }
                at[k] = i;
            }
        }
        for k in [1, 2] {
            if at[k] == usize::MAX {
                return Err(Error::MissingField {
                    field: INPUT[k].0.into(),
                });
            }
        }
        let needed = at
            .iter()
            .filter(|i| **i != usize::MAX)
            .max()
            .map_or(0, |i| i.saturating_add(1));
        Ok(CsvQuoter {
            params,
            cols: Columns { at, needed },
            national: MonthlyQuoter::new(params, None),
            provincial: Vec::new(),
            fields: Vec::new(),
            unquoted: String::new(),
        })
    }

    /// Quotes every line of `block` (whole lines; the last may lack its line end), the
    /// first being line `first_line` of the file, appending one output row per non-blank
    /// line to `out`. A line that is not UTF-8 is a `malformed_row`.
    pub fn quote_lines(&mut self, block: &[u8], first_line: u64, out: &mut String) -> Counts {
        let mut c = Counts::default();
        let block = block.strip_suffix(b"\n").unwrap_or(block);
        if block.is_empty() {
            return c;
        }
        for (i, raw) in block.split(|b| *b == b'\n').enumerate() {
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            c.lines = c.lines.saturating_add(1);
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let n = first_line.saturating_add(i as u64);
            let ok = match std::str::from_utf8(raw) {
                Ok(line) => self.row(line, n, out),
                Err(_) => {
                    push_u64(out, n);
                    out.push_str(",,,");
                    out.push_str(MALFORMED);
                    out.push_str(",,,,\n");
                    false
                }
            };
            if ok {
                c.ok = c.ok.saturating_add(1);
            }
            c.rows = c.rows.saturating_add(1);
        }
        c
    }

    /// Quotes one row; `true` when it was quoted.
    fn row(&mut self, line: &str, n: u64, out: &mut String) -> bool {
        push_u64(out, n);
        out.push(',');
        if !line.contains(['"', '\u{1f}']) {
            return self.fields_and_quote(line, ',', out);
        }
        let mut buf = std::mem::take(&mut self.unquoted);
        let ok = match unquote(line, &mut buf) {
            Some(()) => self.fields_and_quote(&buf, '\u{1f}', out),
            None => {
                out.push_str(",,");
                out.push_str(MALFORMED);
                out.push_str(",,,,\n");
                false
            }
        };
        self.unquoted = buf;
        ok
    }

    /// Splits `line` on `sep` (a comma, or U+001F for a line `unquote` rewrote) and quotes.
    fn fields_and_quote(&mut self, line: &str, sep: char, out: &mut String) -> bool {
        self.fields.clear();
        let mut start = 0;
        for (i, ch) in line.char_indices() {
            if ch == sep {
                self.fields.push((start, i));
                start = i.saturating_add(ch.len_utf8());
            }
        }
        self.fields.push((start, line.len()));
        let field = |k: usize| -> Option<&str> {
            let i = self.cols.at[k];
            self.fields.get(i).and_then(|(a, b)| line.get(*a..*b))
        };
        let id = field(0).unwrap_or("");
        push_field(out, id);
        out.push(',');
        let month_text = field(1).unwrap_or("").trim();
        push_field(out, month_text);
        out.push(',');
        if self.fields.len() < self.cols.needed {
            out.push_str(MALFORMED);
            out.push_str(",,,,\n");
            return false;
        }
        let quoted = self.quote_fields(
            month_text,
            field(2).unwrap_or("").trim(),
            field(3).map(str::trim),
            field(4).map(str::trim),
            field(5).map(str::trim),
        );
        match quoted {
            Ok(q) => {
                out.push_str("ok");
                for v in [q.gross, q.state_support, q.local_support, q.payable] {
                    out.push(',');
                    push_i64(out, v);
                }
                out.push('\n');
                true
            }
            Err(code) => {
                out.push_str(code);
                out.push_str(",,,,\n");
                false
            }
        }
    }

    fn quote_fields(
        &mut self,
        month: &str,
        income: &str,
        category: Option<&str>,
        before: Option<&str>,
        province: Option<&str>,
    ) -> std::result::Result<crate::calc::batch::MonthlyQuote, &'static str> {
        let month = parse_month(month).ok_or(RowStatus::InvalidMonth.code())?;
        let income: Money = parse_count(income).ok_or(RowStatus::InvalidMoney.code())?;
        // An unknown category is reported by the quoter, after the income checks, as the
        // contract reports it.
        let category = match category {
            None | Some("") => 4,
            Some(c) => NATIONAL_CATEGORIES
                .iter()
                .position(|k| *k == c)
                .and_then(|i| u8::try_from(i).ok())
                .unwrap_or(u8::MAX),
        };
        let before = match before {
            None | Some("") => 0,
            Some(b) => parse_count(b)
                .and_then(|v| u32::try_from(v).ok())
                .ok_or(INVALID_NUMBER)?,
        };
        let quoter = match province {
            None | Some("") => &mut self.national,
            Some(p) => self.provincial_quoter(p).ok_or(UNKNOWN_PROVINCE)?,
        };
        quoter
            .quote(month, income, category, before)
            .map_err(RowStatus::code)
    }

    /// The quoter of a known province (created once; the known provinces are a fixed list
    /// of the parameters, so the cache is bounded); `None` for an unknown code, which is
    /// never cached.
    fn provincial_quoter(&mut self, p: &str) -> Option<&mut MonthlyQuoter<'p>> {
        let i = match self.provincial.iter().position(|(k, _)| k == p) {
            Some(i) => i,
            None => {
                known_province(self.params, Some(p), "province").ok()?;
                self.provincial.push((
                    p.to_string(),
                    Some(MonthlyQuoter::new(self.params, Some(p))),
                ));
                self.provincial.len().checked_sub(1)?
            }
        };
        self.provincial.get_mut(i).and_then(|(_, q)| q.as_mut())
    }
}

/// Rewrites a line with quoted fields (RFC 4180: `"a,b"`, `""` for a quote) into `out`
/// with fields separated by U+001F; `None` for an unterminated quote.
fn unquote(line: &str, out: &mut String) -> Option<()> {
    out.clear();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) => quoted = true,
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => out.push('\u{1f}'),
            ('\u{1f}', _) => return None,
            (c, _) => out.push(c),
        }
    }
    if quoted {
        return None;
    }
    Some(())
}

/// `YYYY-MM` or `YYYYMM`.
fn parse_month(s: &str) -> Option<YearMonth> {
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        let v: i64 = s.parse().ok()?;
        return crate::calc::batch::month_from_yyyymm(v);
    }
    if s.len() == 7 {
        return s.parse().ok();
    }
    None
}

/// A whole number of ASCII digits (no sign, no separators), at most 15 digits.
fn parse_count(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 15 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.bytes().try_fold(0i64, |acc, b| {
        acc.checked_mul(10)?
            .checked_add(i64::from(b.checked_sub(b'0')?))
    })
}

/// Echoes a field, quoted when it holds a comma, a quote or a line end.
fn push_field(out: &mut String, s: &str) {
    // A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP, "CSV
    // injection"): the officer sees the text, never a formula from an input file.
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        let mut safe = String::with_capacity(s.len() + 1);
        safe.push('\'');
        safe.push_str(s);
        return push_field(out, &safe);
    }
    if s.contains([',', '"', '\n', '\r', '\u{1f}']) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\"\""),
                '\u{1f}' => out.push(','),
                c => out.push(c),
            }
        }
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn push_u64(out: &mut String, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i = i.saturating_sub(1);
        // `v % 10` < 10: the cast cannot truncate.
        buf[i] = b'0'.saturating_add((v % 10) as u8);
        v /= 10;
        if v == 0 || i == 0 {
            break;
        }
    }
    out.extend(buf[i..].iter().map(|b| char::from(*b)));
}

fn push_i64(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    push_u64(out, v.unsigned_abs());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> String {
        let p = Params::embedded().unwrap();
        let (head, body) = input.split_once('\n').unwrap();
        let mut q = CsvQuoter::new(p, head).unwrap();
        let mut out = String::new();
        q.quote_lines(body.as_bytes(), 2, &mut out);
        out
    }

    #[test]
    fn rows_are_quoted_as_the_monthly_batch() {
        let out = run("id,payment_month,income,category\nA,2026-03,2000000,near_poor\nB,202603,2000000,other\n");
        assert_eq!(
            out,
            "2,A,2026-03,ok,440000,132000,0,308000\n3,B,202603,ok,440000,66000,0,374000\n"
        );
    }

    #[test]
    fn bad_rows_get_a_status_and_the_rest_go_on() {
        let out = run("thu_nhập,tháng_đóng,mã,tỉnh\n1000,2026-03,x,\n2000000,2026-13,y,\n2000000,2026-03,\"a,\"\"b\",nowhere\n\n2000000,2026-03\n2000000,2026-03,z,\n");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "2,x,2026-03,income_below_floor,,,,");
        assert_eq!(lines[1], "3,y,2026-13,invalid_month,,,,");
        assert_eq!(lines[2], "4,\"a,\"\"b\",2026-03,unknown_province,,,,");
        assert_eq!(lines[3], "6,,2026-03,malformed_row,,,,");
        assert_eq!(lines[4], "7,z,2026-03,ok,440000,66000,0,374000");
        let p = Params::embedded().unwrap();
        let mut q = CsvQuoter::new(p, "id,payment_month,income,category").unwrap();
        let mut out = String::new();
        q.quote_lines(b"=HYPERLINK(1),2026-03,2000000,\n", 2, &mut out);
        assert_eq!(out, "2,'=HYPERLINK(1),2026-03,ok,440000,66000,0,374000\n");
        let mut q = CsvQuoter::new(p, "id,payment_month,income,province").unwrap();
        let mut out = String::new();
        for k in 0..1000 {
            q.quote_lines(format!("x,2026-03,2000000,p{k}\n").as_bytes(), 3, &mut out);
        }
        q.quote_lines(b"y,2026-03,2000000,hue\n", 4, &mut out);
        assert_eq!(out.matches("unknown_province").count(), 1000);
        assert_eq!(q.provincial.len(), 1, "unknown provinces are not cached");
        assert_eq!(lines.len(), 5);
        let p = Params::embedded().unwrap();
        let mut q = CsvQuoter::new(p, "payment_month,income").unwrap();
        let mut out = String::new();
        let c = q.quote_lines(b"2026-03,2000000\r\n2026-03,\xff\n", 2, &mut out);
        assert_eq!(
            out,
            "2,,2026-03,ok,440000,66000,0,374000\n3,,,malformed_row,,,,\n"
        );
        assert_eq!((c.lines, c.rows, c.ok), (2, 2, 1));
    }

    #[test]
    fn headers_are_checked() {
        let p = Params::embedded().unwrap();
        let e = CsvQuoter::new(p, "id,income").err().unwrap();
        assert_eq!(e.code(), "missing_field");
        let e = CsvQuoter::new(p, "income,payment_month,thu_nhập")
            .err()
            .unwrap();
        assert_eq!(e.code(), "duplicate_field");
    }

    #[test]
    fn numbers_are_digits_only() {
        assert_eq!(parse_count("2000000"), Some(2_000_000));
        for bad in ["", "-1", "1e6", "2,000", "9999999999999999", " 1"] {
            assert_eq!(parse_count(bad), None, "{bad}");
        }
        let mut s = String::new();
        push_i64(&mut s, -1_234);
        push_u64(&mut s, 0);
        push_i64(&mut s, i64::MIN);
        assert_eq!(s, format!("-12340{}", i64::MIN));
    }
}
