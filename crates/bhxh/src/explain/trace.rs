//! The explanation that comes with every result: ordered steps, each with its value, the
//! formula in words, a citation (legal article or decision id) and sentences in Vietnamese
//! and English that an officer can read out.

use crate::law::parameters::{Confidence, Entry};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One step of a trace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TraceStep {
    /// Stable name of the quantity (e.g. `income_floor`).
    pub step: String,
    /// Its value: an integer of đồng, a count, or a string (rates, months, codes).
    pub value: Value,
    /// The formula, in symbols and numbers.
    pub formula: String,
    /// Legal basis (document and article) or decision id.
    pub citation: String,
    /// Confidence grade of the cited parameter, when the step uses one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Confidence"))]
    pub confidence: Option<Confidence>,
    /// Vietnamese sentence.
    pub text_vi: String,
    /// English sentence.
    pub text_en: String,
}

/// A warning carried in the response (never an error).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Warning {
    /// Stable code, e.g. `parameter_extrapolated`.
    pub code: String,
    /// English message.
    pub message: String,
    /// Vietnamese message.
    pub message_vi: String,
    /// What the warning is about (a parameter id), so that a projection over many months
    /// warns once per parameter rather than once per month. Not serialised.
    #[serde(skip)]
    pub key: String,
}

/// Collects steps and warnings while a calculation runs.
///
/// Steps are written at once as the JSON objects of the response's `trace` array (the
/// same bytes serde_json would write for [`TraceStep`]s), so that a step costs its
/// sentences and nothing more; [`Trace::steps`] reads them back as values.
#[derive(Default, Debug)]
pub struct Trace {
    /// Whether steps are recorded (warnings always are).
    pub enabled: bool,
    /// The steps so far, as comma-separated JSON objects.
    json: String,
    /// How many steps `json` holds.
    count: usize,
    /// Warnings so far (deduplicated).
    pub warnings: Vec<Warning>,
}

/// The texts of one step, written by the closure given to [`Trace::step`] straight into
/// the response's JSON (escaped as serde_json would), in the contract's order: the
/// formula, then the Vietnamese sentence, then the English one. A text may be written in
/// several pieces; a text not written is empty.
pub struct StepText<'a> {
    out: &'a mut String,
    citation: [&'a str; 5],
    confidence: Option<Confidence>,
    stage: Stage,
    /// Where the current text starts in `out`: it is written raw, then escaped in one pass
    /// when it is complete (in the usual case, nothing to escape, it stays as written).
    start: usize,
}

/// Which text of a step is being written.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Formula,
    Vi,
    En,
}

impl StepText<'_> {
    /// The formula, in symbols and numbers.
    pub fn formula(&mut self, text: impl std::fmt::Display) {
        self.write(Stage::Formula, text);
    }

    /// The Vietnamese sentence.
    pub fn vi(&mut self, text: impl std::fmt::Display) {
        self.write(Stage::Vi, text);
    }

    /// The English sentence.
    pub fn en(&mut self, text: impl std::fmt::Display) {
        self.write(Stage::En, text);
    }

    fn write(&mut self, stage: Stage, text: impl std::fmt::Display) {
        // Texts come in order; one out of order is appended to the current text rather
        // than lost (a programming slip caught by the tests, never a panic).
        debug_assert!(stage >= self.stage, "step texts out of order");
        self.advance(stage);
        // Writing to a `String` never fails, and a `Display` of the engine's values does not
        // either.
        let _ = std::fmt::Write::write_fmt(self.out, format_args!("{text}"));
    }

    /// Closes the current text and opens the next ones up to `stage`.
    fn advance(&mut self, stage: Stage) {
        while self.stage < stage {
            escape_from(self.out, self.start);
            match self.stage {
                Stage::Formula => {
                    self.out.push_str("\",\"citation\":\"");
                    let citation = self.out.len();
                    for c in self.citation {
                        self.out.push_str(c);
                    }
                    escape_from(self.out, citation);
                    self.out.push('"');
                    if let Some(c) = self.confidence {
                        self.out.push_str(confidence_field(c));
                    }
                    self.out.push_str(",\"text_vi\":\"");
                    self.stage = Stage::Vi;
                }
                Stage::Vi => {
                    self.out.push_str("\",\"text_en\":\"");
                    self.stage = Stage::En;
                }
                Stage::En => return,
            }
            self.start = self.out.len();
        }
    }

    fn close(mut self) {
        self.advance(Stage::En);
        escape_from(self.out, self.start);
        self.out.push_str("\"}");
    }
}

/// Escapes, as the inside of a JSON string, what was written raw into `out` from `start`
/// (a character boundary: it was the end of the text before).
fn escape_from(out: &mut String, start: usize) {
    if out.as_bytes().get(start..).is_some_and(needs_escape) {
        let raw = out.split_off(start);
        push_json_fragment(out, &raw);
    }
}

/// What a step cites.
pub enum Cite<'a> {
    /// A fixed legal reference or decision id.
    Law(&'a str),
    /// A dated parameter value.
    Param(&'a dyn CiteEntry),
    /// A parameter value plus a fixed reference.
    Both(&'a dyn CiteEntry, &'a str),
}

impl<'a> Cite<'a> {
    /// The citation as pieces joined when written — `document, article; reference` — and
    /// the confidence of the cited parameter.
    fn pieces(&self) -> ([&'a str; 5], Option<Confidence>) {
        let entry = |e: &'a dyn CiteEntry, (semi, reference): (&'a str, &'a str)| {
            let (doc, art) = e.citation_parts();
            let sep = if art.is_empty() { "" } else { ", " };
            ([doc, sep, art, semi, reference], Some(e.confidence()))
        };
        match *self {
            Cite::Law(s) => ([s, "", "", "", ""], None),
            Cite::Param(e) => entry(e, ("", "")),
            Cite::Both(e, s) => entry(e, ("; ", s)),
        }
    }
}

/// A parameter entry that can be cited.
pub trait CiteEntry {
    /// The document and the article (empty when not known) of its citation.
    fn citation_parts(&self) -> (&str, &str);
    /// Its confidence.
    fn confidence(&self) -> Confidence;
}

impl<T> CiteEntry for Entry<T> {
    fn citation_parts(&self) -> (&str, &str) {
        (&self.citation.document, &self.citation.article)
    }
    fn confidence(&self) -> Confidence {
        self.confidence
    }
}

impl Trace {
    /// A trace that records steps when `enabled`.
    pub fn new(enabled: bool) -> Self {
        Trace {
            enabled,
            // A benefit's trace is 2–6 KB and becomes the response (`into_response`): one
            // allocation instead of a chain of regrowths.
            json: if enabled {
                String::with_capacity(8192)
            } else {
                String::new()
            },
            ..Default::default()
        }
    }

    /// Records a step. The closure writes its three texts — [`StepText::formula`], then
    /// [`StepText::vi`], then [`StepText::en`] — and runs only when the trace is enabled.
    ///
    /// ```
    /// use bhxh::explain::trace::{Cite, Trace};
    /// let mut t = Trace::new(true);
    /// let months = 480;
    /// t.step("contribution_months", months, Cite::Law("Law 41/2024/QH15 art. 5"), |w| {
    ///     w.formula(format_args!("Σ (to − from + 1) = {months}"));
    ///     w.vi(format_args!("Tổng thời gian đóng BHXH: {months} tháng."));
    ///     w.en(format_args!("Total contribution period: {months} months."));
    /// });
    /// assert_eq!(t.steps()[0].text_en, "Total contribution period: 480 months.");
    /// ```
    pub fn step(
        &mut self,
        step: &str,
        value: impl Into<Value>,
        cite: Cite<'_>,
        texts: impl FnOnce(&mut StepText<'_>),
    ) {
        if !self.enabled {
            return;
        }
        if self.count > 0 {
            self.json.push(',');
        }
        self.count += 1;
        let (citation, confidence) = cite.pieces();
        let mut texts = Some(texts);
        write_step(
            &mut self.json,
            step,
            &value.into(),
            citation,
            confidence,
            &mut |w| {
                if let Some(f) = texts.take() {
                    f(w);
                }
            },
        );
    }

    /// The number of steps recorded.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether no step has been recorded.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Appends the `trace` array of the response to `out`.
    pub fn write_json(&self, out: &mut String) {
        out.reserve(self.json.len() + 2);
        out.push('[');
        out.push_str(&self.json);
        out.push(']');
    }

    /// Turns the trace into the response text so far: `head` (the opening of the response
    /// object) followed by `,"trace":[...]`. The steps, most of a response, are written
    /// once and stay where they are (the head is put in front of them in place) rather than
    /// being copied to another buffer. Returns the text and the warnings.
    pub fn into_response(self, head: &str) -> (String, Vec<Warning>) {
        const OPEN: &str = ",\"trace\":[";
        let mut out = self.json;
        out.reserve(head.len() + OPEN.len() + 1024);
        let mut prefix = String::with_capacity(head.len() + OPEN.len());
        prefix.push_str(head);
        prefix.push_str(OPEN);
        out.insert_str(0, &prefix);
        out.push(']');
        (out, self.warnings)
    }

    /// The steps recorded, as values.
    pub fn steps(&self) -> Vec<TraceStep> {
        let mut text = String::new();
        self.write_json(&mut text);
        // The text was written from valid strings by `write_step`; parsing it back cannot
        // fail.
        serde_json::from_str(&text).unwrap_or_default()
    }

    /// Adds a warning once.
    pub fn warn(&mut self, code: &str, message: String, message_vi: String) {
        let key = message.clone();
        self.warn_keyed(code, &key, message, message_vi);
    }

    /// Adds a warning once per `(code, key)`: the first occurrence is kept.
    pub fn warn_keyed(&mut self, code: &str, key: &str, message: String, message_vi: String) {
        if !self.warnings.iter().any(|w| w.code == code && w.key == key) {
            self.warnings.push(Warning {
                code: code.into(),
                message,
                message_vi,
                key: key.into(),
            });
        }
    }

    /// Merges the warnings of a sub-calculation (same once-per-key rule).
    pub fn absorb(&mut self, other: Trace) {
        for w in other.warnings {
            self.warn_keyed(&w.code, &w.key, w.message, w.message_vi);
        }
    }

    /// Warns that `parameter` was used beyond the period its data covers.
    pub fn extrapolated(
        &mut self,
        parameter: &str,
        month: crate::YearMonth,
        used_from: crate::YearMonth,
    ) {
        if self
            .warnings
            .iter()
            .any(|w| w.code == "parameter_extrapolated" && w.key == parameter)
        {
            return;
        }
        self.warn_keyed(
            "parameter_extrapolated",
            parameter,
            format!(
                "no enacted value of `{parameter}` is known for {month}; the value in force from {used_from} is assumed unchanged"
            ),
            format!(
                "chưa có giá trị đã ban hành của `{parameter}` cho {}; tạm dùng giá trị áp dụng từ {}",
                month.to_vi(),
                used_from.to_vi()
            ),
        );
    }
}

/// The `confidence` member of a step, with its leading comma.
fn confidence_field(c: Confidence) -> &'static str {
    match c {
        Confidence::V => ",\"confidence\":\"V\"",
        Confidence::S => ",\"confidence\":\"S\"",
        Confidence::D => ",\"confidence\":\"D\"",
        Confidence::U => ",\"confidence\":\"U\"",
    }
}

/// Writes a step's value as serde_json would.
fn push_json_value(out: &mut String, value: &Value) {
    match value {
        Value::String(v) => push_json_str(out, v),
        Value::Number(n) if n.as_i64().is_some() => {
            push_integer(out, n.as_i64().unwrap_or_default());
        }
        // Other JSON values (never produced by the engine's steps) via serde_json, which
        // cannot fail on a `Value`.
        other => out.push_str(&serde_json::to_string(other).unwrap_or_default()),
    }
}

/// Writes `s` as a JSON string exactly as serde_json would.
fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    push_json_fragment(out, s);
    out.push('"');
}

/// Whether a string has a byte JSON escapes (a control character, `"` or `\\`). Blocks of
/// 16 bytes without early exit, so the compiler can vectorise the scan.
fn needs_escape(bytes: &[u8]) -> bool {
    let flag = |b: u8| u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\');
    let block = |b: &[u8; 16]| b.iter().fold(0u8, |acc, &x| acc | flag(x)) != 0;
    let Some(last) = bytes.len().checked_sub(16) else {
        return bytes.iter().any(|&b| flag(b) != 0);
    };
    let mut blocks = bytes.chunks_exact(16);
    for b in &mut blocks {
        if b.try_into().is_ok_and(block) {
            return true;
        }
    }
    // The tail as the last 16 bytes, overlapping bytes already seen: checked in place (a
    // copy into a padded block would stall the vector load on the copy's stores).
    !blocks.remainder().is_empty() && bytes[last..].try_into().is_ok_and(block)
}

/// Writes the inside of a JSON string exactly as serde_json would. Strings with nothing to
/// escape (the usual case for trace sentences) are copied after one pass that the compiler
/// can vectorise; the others go through serde_json's own escaping.
fn push_json_fragment(out: &mut String, s: &str) {
    if !needs_escape(s.as_bytes()) {
        out.push_str(s);
        return;
    }
    // serde_json's quoted string (it cannot fail on a `str`), without its quotes.
    let quoted = serde_json::to_string(s).unwrap_or_default();
    out.push_str(
        quoted
            .get(1..quoted.len().saturating_sub(1))
            .unwrap_or_default(),
    );
}

/// Writes an integer as serde_json does (plain decimal digits).
fn push_integer(out: &mut String, v: i64) {
    let mut buf = [0u8; 20];
    let mut n = v.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        out.push('-');
    }
    for &d in &buf[i..] {
        out.push(char::from(d));
    }
}

/// Writes the warnings array as serde_json would serialise `Vec<Warning>`.
pub fn write_warnings(out: &mut String, warnings: &[Warning]) {
    out.push('[');
    for (i, w) in warnings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":");
        push_json_str(out, &w.code);
        out.push_str(",\"message\":");
        push_json_str(out, &w.message);
        out.push_str(",\"message_vi\":");
        push_json_str(out, &w.message_vi);
        out.push('}');
    }
    out.push(']');
}

/// Writes the trace array as serde_json would serialise `Vec<TraceStep>` (with the same
/// writer as [`Trace::step`]).
///
/// # Errors
/// Only if a value cannot be serialised (never for the engine's values).
pub fn write_trace(out: &mut String, steps: &[TraceStep]) -> serde_json::Result<()> {
    out.push('[');
    for (i, s) in steps.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let citation = [s.citation.as_str(), "", "", "", ""];
        write_step(out, &s.step, &s.value, citation, s.confidence, &mut |w| {
            w.formula(&s.formula);
            w.vi(&s.text_vi);
            w.en(&s.text_en);
        });
    }
    out.push(']');
    Ok(())
}

/// Writes one step object as serde_json would serialise its [`TraceStep`]: the citation is
/// given in pieces that are joined, the texts by `texts` through [`StepText`].
fn write_step(
    out: &mut String,
    step: &str,
    value: &Value,
    citation: [&str; 5],
    confidence: Option<Confidence>,
    texts: &mut dyn FnMut(&mut StepText<'_>),
) {
    // One copy of this function for every step (a `dyn` callback rather than a generic
    // one: the WebAssembly module would otherwise hold a copy per call site).
    out.push_str("{\"step\":");
    push_json_str(out, step);
    out.push_str(",\"value\":");
    push_json_value(out, value);
    out.push_str(",\"formula\":\"");
    let start = out.len();
    let mut w = StepText {
        out,
        citation,
        confidence,
        stage: Stage::Formula,
        start,
    };
    texts(&mut w);
    w.close();
}
