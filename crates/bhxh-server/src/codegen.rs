//! The contract's types for the other languages, generated from the engine's JSON Schemas
//! ([`bhxh::schema`]) so that they are never written by hand: the committed schema files
//! (`schema/*.json`), the TypeScript declarations of the npm package
//! (`bindings/wasm/js/contract.d.ts`) and the Python `TypedDict`s (`bhxh/contract.py`).
//! A test regenerates them and fails on any difference (`BHXH_BLESS=1` rewrites them).

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Every generated file: (path from the repository root, contents).
///
/// # Errors
/// A message when two different schemas share a name.
pub fn files() -> Result<Vec<(String, String)>, String> {
    let set = Schemas::collect()?;
    let mut out = Vec::new();
    for c in &set.calculations {
        for (kind, v) in [
            ("request", bhxh::schema::request(c)),
            ("response", bhxh::schema::response(c)),
        ] {
            let v = v.ok_or_else(|| format!("no {kind} schema for {c}"))?;
            out.push((format!("schema/{c}.{kind}.json"), pretty(&v)));
        }
    }
    out.push(("schema/error.json".into(), pretty(&bhxh::schema::error())));
    out.push(("bindings/wasm/js/contract.d.ts".into(), set.typescript()));
    out.push((
        "bindings/python/python/bhxh/contract.py".into(),
        set.python(),
    ));
    Ok(out)
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// The named schemas: requests and responses in the contract's order, then the shared
/// definitions by name.
struct Schemas {
    calculations: Vec<&'static str>,
    top: Vec<(String, Value)>,
    defs: BTreeMap<String, Value>,
}

impl Schemas {
    fn collect() -> Result<Self, String> {
        let calculations = bhxh::schema::calculations();
        let mut top = Vec::new();
        let mut defs = BTreeMap::new();
        let mut add = |v: Option<Value>, top: &mut Vec<(String, Value)>| -> Result<(), String> {
            let mut v = v.ok_or("a calculation without a schema")?;
            let name = v
                .get("title")
                .and_then(Value::as_str)
                .ok_or("a schema without a title")?
                .to_string();
            if let Some(Value::Object(d)) = v.as_object_mut().and_then(|o| o.remove("$defs")) {
                for (k, s) in d {
                    match defs.get(&k) {
                        Some(old) if *old != s => {
                            return Err(format!("two different schemas are named {k}"))
                        }
                        _ => {
                            defs.insert(k, s);
                        }
                    }
                }
            }
            top.push((name, v));
            Ok(())
        };
        for c in &calculations {
            add(bhxh::schema::request(c), &mut top)?;
            add(bhxh::schema::response(c), &mut top)?;
        }
        add(Some(bhxh::schema::error()), &mut top)?;
        Ok(Schemas {
            calculations,
            top,
            defs,
        })
    }

    fn named(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.top
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .chain(self.defs.iter().map(|(k, v)| (k.as_str(), v)))
    }

    fn typescript(&self) -> String {
        let mut o = String::from(HEADER_TS);
        for (name, s) in self.named() {
            ts_named(&mut o, name, s);
        }
        let union = |suffix: &str| {
            self.top
                .iter()
                .map(|(n, _)| n.as_str())
                .filter(|n| n.ends_with(suffix))
                .collect::<Vec<_>>()
                .join("\n  | ")
        };
        let _ = write!(
            o,
            "/** Any request of the contract. */\nexport type CalculationRequest =\n  | {};\n\n/** Any success response of the contract. */\nexport type CalculationResponse =\n  | {};\n",
            union("Request"),
            union("Response")
        );
        o
    }

    fn python(&self) -> String {
        let mut o = String::from(HEADER_PY);
        for (name, s) in self.named() {
            py_named(&mut o, name, s);
        }
        let union = |suffix: &str| {
            self.top
                .iter()
                .map(|(n, _)| format!("\"{n}\""))
                .filter(|n| n.ends_with(&format!("{suffix}\"")))
                .collect::<Vec<_>>()
                .join(",\n    ")
        };
        let _ = write!(
            o,
            "# Any request of the contract.\nCalculationRequest = Union[\n    {},\n]\n\n# Any success response of the contract.\nCalculationResponse = Union[\n    {},\n]\n",
            union("Request"),
            union("Response")
        );
        o
    }
}

const HEADER_TS: &str =
    "// GENERATED from the engine's JSON Schemas (crates/bhxh/src/io/schema.rs and the result
// types it derives from) by crates/bhxh-server/src/codegen.rs. Do not edit: run
// `BHXH_BLESS=1 cargo test -p bhxh-server --test generated` after changing a Rust type.
//
// Money is a JSON integer of whole đồng; exact decimals are strings (\"0.22\"); months are
// \"YYYY-MM\" and dates \"YYYY-MM-DD\".

";

const HEADER_PY: &str = "\"\"\"The JSON contract's request and response types as ``TypedDict``s.

GENERATED from the engine's JSON Schemas (crates/bhxh/src/io/schema.rs and the result types it
derives from) by crates/bhxh-server/src/codegen.rs. Do not edit: run
``BHXH_BLESS=1 cargo test -p bhxh-server --test generated`` after changing a Rust type.

Money is an ``int`` of whole đồng; exact decimals are ``str`` (\"0.22\"); months are \"YYYY-MM\".
\"\"\"

# ruff: noqa
from typing import Any, Dict, List, Literal, Union

try:
    from typing import NotRequired, TypedDict
except ImportError:  # Python < 3.11
    from typing_extensions import NotRequired, TypedDict

";

fn doc_ts(o: &mut String, s: &Value, indent: &str) {
    if let Some(d) = s.get("description").and_then(Value::as_str) {
        let d = d.replace("*/", "*\\/");
        if d.contains('\n') {
            let _ = writeln!(o, "{indent}/**");
            for l in d.lines() {
                let _ = writeln!(o, "{indent} * {l}");
            }
            let _ = writeln!(o, "{indent} */");
        } else {
            let _ = writeln!(o, "{indent}/** {d} */");
        }
    }
}

fn ts_named(o: &mut String, name: &str, s: &Value) {
    doc_ts(o, s, "");
    match s.get("properties").and_then(Value::as_object) {
        Some(props) => {
            let _ = writeln!(o, "export interface {name} {{");
            ts_fields(o, props, &required(s), "  ");
            if let Some(extra) = s.get("additionalProperties").filter(|a| a.is_object()) {
                let _ = writeln!(o, "  [key: string]: {} | undefined;", ts_type(extra));
            }
            o.push_str("}\n\n");
        }
        None => {
            let _ = writeln!(o, "export type {name} = {};\n", ts_type(s));
        }
    }
}

fn required(s: &Value) -> Vec<&str> {
    s.get("required")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn ts_fields(o: &mut String, props: &Map<String, Value>, req: &[&str], indent: &str) {
    for (k, v) in props {
        doc_ts(o, v, indent);
        let opt = if req.contains(&k.as_str()) { "" } else { "?" };
        let _ = writeln!(o, "{indent}{k}{opt}: {};", ts_type(v));
    }
}

fn ref_name(s: &Value) -> Option<&str> {
    s.get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
}

fn ts_literal(v: &Value) -> String {
    match v {
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        other => other.to_string(),
    }
}

fn ts_union(parts: Vec<String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for p in parts {
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    seen.join(" | ")
}

/// The TypeScript type of a schema.
fn ts_type(s: &Value) -> String {
    if s == &Value::Bool(true) || s.as_object().is_some_and(Map::is_empty) {
        return "unknown".into();
    }
    if let Some(r) = ref_name(s) {
        return r.to_string();
    }
    if let Some(c) = s.get("const") {
        return ts_literal(c);
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        return ts_union(e.iter().map(ts_literal).collect());
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(a) = s.get(key).and_then(Value::as_array) {
            return ts_union(a.iter().map(ts_type).collect());
        }
    }
    if let Some(a) = s.get("allOf").and_then(Value::as_array) {
        return a.iter().map(ts_type).collect::<Vec<_>>().join(" & ");
    }
    match s.get("type") {
        Some(Value::Array(ts)) => ts_union(
            ts.iter()
                .filter_map(Value::as_str)
                .map(|t| ts_primitive(s, t))
                .collect(),
        ),
        Some(Value::String(t)) => ts_primitive(s, t),
        _ => "unknown".into(),
    }
}

fn ts_primitive(s: &Value, t: &str) -> String {
    match t {
        "string" => "string".into(),
        "integer" | "number" => "number".into(),
        "boolean" => "boolean".into(),
        "null" => "null".into(),
        "array" => {
            let item = s.get("items").map_or_else(|| "unknown".into(), ts_type);
            if item.contains(' ') {
                format!("Array<{item}>")
            } else {
                format!("{item}[]")
            }
        }
        "object" => match s.get("properties").and_then(Value::as_object) {
            Some(props) => {
                let mut o = String::from("{\n");
                ts_fields(&mut o, props, &required(s), "    ");
                o.push_str("  }");
                o
            }
            None => match s.get("additionalProperties").filter(|a| a.is_object()) {
                Some(a) => format!("Record<string, {}>", ts_type(a)),
                None => "Record<string, unknown>".into(),
            },
        },
        _ => "unknown".into(),
    }
}

fn doc_py(o: &mut String, s: &Value, indent: &str) {
    if let Some(d) = s.get("description").and_then(Value::as_str) {
        for l in d.lines() {
            let _ = writeln!(o, "{}", format!("{indent}# {l}").trim_end());
        }
    }
}

fn py_named(o: &mut String, name: &str, s: &Value) {
    doc_py(o, s, "");
    match s.get("properties").and_then(Value::as_object) {
        Some(props) => {
            let req = required(s);
            let _ = writeln!(o, "{name} = TypedDict(\n    \"{name}\",\n    {{");
            for (k, v) in props {
                doc_py(o, v, "        ");
                let t = py_type(v);
                let t = if req.contains(&k.as_str()) {
                    t
                } else {
                    format!("NotRequired[{t}]")
                };
                let _ = writeln!(o, "        \"{k}\": {t},");
            }
            o.push_str("    },\n)\n\n");
        }
        None => {
            let _ = writeln!(o, "{name} = {}\n", py_type(s));
        }
    }
}

fn py_union(parts: Vec<String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for p in parts {
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    if seen.len() == 1 {
        return seen.remove(0);
    }
    // Literals merge into one Literal[...].
    if seen.iter().all(|p| p.starts_with("Literal[")) {
        let inner: Vec<&str> = seen
            .iter()
            .filter_map(|p| p.strip_prefix("Literal[").and_then(|p| p.strip_suffix(']')))
            .collect();
        return format!("Literal[{}]", inner.join(", "));
    }
    format!("Union[{}]", seen.join(", "))
}

fn py_literal(v: &Value) -> String {
    match v {
        Value::String(s) => format!("Literal[{}]", Value::String(s.clone())),
        Value::Bool(b) => format!("Literal[{}]", if *b { "True" } else { "False" }),
        Value::Null => "None".into(),
        other => format!("Literal[{other}]"),
    }
}

/// The Python type of a schema (references as strings: forward references).
fn py_type(s: &Value) -> String {
    if s == &Value::Bool(true) || s.as_object().is_some_and(Map::is_empty) {
        return "Any".into();
    }
    if let Some(r) = ref_name(s) {
        return format!("\"{r}\"");
    }
    if let Some(c) = s.get("const") {
        return py_literal(c);
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        return py_union(e.iter().map(py_literal).collect());
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(a) = s.get(key).and_then(Value::as_array) {
            return py_union(a.iter().map(py_type).collect());
        }
    }
    match s.get("type") {
        Some(Value::Array(ts)) => py_union(
            ts.iter()
                .filter_map(Value::as_str)
                .map(|t| py_primitive(s, t))
                .collect(),
        ),
        Some(Value::String(t)) => py_primitive(s, t),
        _ => "Any".into(),
    }
}

fn py_primitive(s: &Value, t: &str) -> String {
    match t {
        "string" => "str".into(),
        "integer" => "int".into(),
        "number" => "Union[int, str]".into(),
        "boolean" => "bool".into(),
        "null" => "None".into(),
        "array" => format!(
            "List[{}]",
            s.get("items").map_or_else(|| "Any".into(), py_type)
        ),
        "object" => match s.get("additionalProperties").filter(|a| a.is_object()) {
            Some(a) if s.get("properties").is_none() => format!("Dict[str, {}]", py_type(a)),
            _ => "Dict[str, Any]".into(),
        },
        _ => "Any".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn types_map_as_expected() {
        let s = json!({"anyOf": [{"$ref": "#/$defs/Period"}, {"type": "null"}]});
        assert_eq!(ts_type(&s), "Period | null");
        assert_eq!(py_type(&s), "Union[\"Period\", None]");
        let e = json!({"type": "string", "enum": ["a", "b"]});
        assert_eq!(ts_type(&e), "'a' | 'b'");
        assert_eq!(py_type(&e), "Literal[\"a\", \"b\"]");
        let arr = json!({"type": "array", "items": {"type": ["integer", "null"]}});
        assert_eq!(ts_type(&arr), "Array<number | null>");
        assert_eq!(py_type(&arr), "List[Union[int, None]]");
        let map = json!({"type": "object", "additionalProperties": {"type": "string"}});
        assert_eq!(ts_type(&map), "Record<string, string>");
        assert_eq!(py_type(&map), "Dict[str, str]");
        assert_eq!(ts_type(&json!(true)), "unknown");
    }
}
