//! The explanation that comes with every result: ordered steps, each with its value, the
//! formula in words, a citation (legal article or decision id) and sentences in Vietnamese
//! and English that an officer can read out.

use crate::parameters::{Confidence, Entry};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One step of a trace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    pub confidence: Option<Confidence>,
    /// Vietnamese sentence.
    pub text_vi: String,
    /// English sentence.
    pub text_en: String,
}

/// A warning carried in the response (never an error).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Default, Debug)]
pub struct Trace {
    /// Whether steps are recorded (warnings always are).
    pub enabled: bool,
    /// Steps so far.
    pub steps: Vec<TraceStep>,
    /// Warnings so far (deduplicated).
    pub warnings: Vec<Warning>,
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

/// A parameter entry that can be cited.
pub trait CiteEntry {
    /// The citation text.
    fn citation_text(&self) -> String;
    /// Its confidence.
    fn confidence(&self) -> Confidence;
}

impl<T> CiteEntry for Entry<T> {
    fn citation_text(&self) -> String {
        self.citation.text()
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
            ..Default::default()
        }
    }

    /// Records a step. The closure builds `(formula, text_vi, text_en)` only when enabled.
    pub fn step(
        &mut self,
        step: &str,
        value: impl Into<Value>,
        cite: Cite<'_>,
        texts: impl FnOnce() -> (String, String, String),
    ) {
        if !self.enabled {
            return;
        }
        let (formula, text_vi, text_en) = texts();
        let (citation, confidence) = match cite {
            Cite::Law(s) => (s.to_string(), None),
            Cite::Param(e) => (e.citation_text(), Some(e.confidence())),
            Cite::Both(e, s) => (format!("{}; {s}", e.citation_text()), Some(e.confidence())),
        };
        self.steps.push(TraceStep {
            step: step.into(),
            value: value.into(),
            formula,
            citation,
            confidence,
            text_vi,
            text_en,
        });
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

/// Writes `s` as a JSON string exactly as serde_json would. Strings with nothing to escape
/// (the usual case for trace sentences) are copied after one pass that the compiler can
/// vectorise; the others go through serde_json itself.
fn push_json_str(out: &mut String, s: &str) -> serde_json::Result<()> {
    // No early exit, so the compiler can vectorise the scan.
    let dirty = s.as_bytes().iter().fold(0u8, |acc, &b| {
        acc | u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\')
    });
    if dirty == 0 {
        out.push('"');
        out.push_str(s);
        out.push('"');
        Ok(())
    } else {
        out.push_str(&serde_json::to_string(s)?);
        Ok(())
    }
}

/// Writes the trace array as serde_json would serialise `Vec<TraceStep>`.
///
/// # Errors
/// Only if a value cannot be serialised (never for the engine's values).
pub fn write_trace(out: &mut String, steps: &[TraceStep]) -> serde_json::Result<()> {
    out.push('[');
    for (i, s) in steps.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"step\":");
        push_json_str(out, &s.step)?;
        out.push_str(",\"value\":");
        match &s.value {
            Value::String(v) => push_json_str(out, v)?,
            other => out.push_str(&serde_json::to_string(other)?),
        }
        out.push_str(",\"formula\":");
        push_json_str(out, &s.formula)?;
        out.push_str(",\"citation\":");
        push_json_str(out, &s.citation)?;
        if let Some(c) = s.confidence {
            out.push_str(",\"confidence\":");
            out.push_str(&serde_json::to_string(&c)?);
        }
        out.push_str(",\"text_vi\":");
        push_json_str(out, &s.text_vi)?;
        out.push_str(",\"text_en\":");
        push_json_str(out, &s.text_en)?;
        out.push('}');
    }
    out.push(']');
    Ok(())
}
