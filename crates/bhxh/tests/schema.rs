//! The JSON Schemas of `bhxh::schema` (feature `schema`) against the reader and the engine.
//!
//! - Drift: each request schema has exactly the fields of the dispatch table, and requires
//!   exactly the fields the reader requires (a table below, and probes on the corpus:
//!   removing a field from a valid request is `missing_field` on it exactly when the schema
//!   requires it; setting an optional field the request leaves out to `null` changes
//!   nothing).
//! - Corpus: every valid request of `tests/scenarios` validates against its request schema,
//!   its response against the response schema, every error against the error schema.
//! - The validator (the subset of JSON Schema 2020-12 the schemas use, with a small pattern
//!   matcher) rejects wrong instances, and refuses keywords it does not know.
#![cfg(feature = "schema")]

use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A minimal regular-expression matcher for the `pattern`s of the schemas: literals,
/// `\d` and escaped characters, classes `[a-z0-9_]`, groups with `|`, and the quantifiers
/// `?`, `*`, `+`, `{n}`, `{n,m}`; `^` and `$` anchor the whole pattern.
mod pattern {
    use std::collections::BTreeSet;

    enum Node {
        Char(char),
        Class(Vec<(char, char)>),
        Group(Vec<Vec<Node>>),
        Repeat(Box<Node>, usize, Option<usize>),
    }

    /// Whether `text` matches `pattern` (a search, as JSON Schema's `pattern`).
    pub fn matches(pattern: &str, text: &str) -> bool {
        let p: Vec<char> = pattern.chars().collect();
        let anchored_start = p.first() == Some(&'^');
        let anchored_end = p.last() == Some(&'$') && p.len() > 1;
        let body = &p[usize::from(anchored_start)..p.len() - usize::from(anchored_end)];
        let mut at = 0;
        let alts = alternatives(body, &mut at);
        assert_eq!(at, body.len(), "unsupported pattern {pattern}");
        let s: Vec<char> = text.chars().collect();
        let starts: Vec<usize> = if anchored_start {
            vec![0]
        } else {
            (0..=s.len()).collect()
        };
        starts.into_iter().any(|i| {
            let ends = alt_ends(&alts, &s, i);
            if anchored_end {
                ends.contains(&s.len())
            } else {
                !ends.is_empty()
            }
        })
    }

    fn alternatives(p: &[char], at: &mut usize) -> Vec<Vec<Node>> {
        let mut alts = vec![Vec::new()];
        while let Some(&c) = p.get(*at) {
            match c {
                ')' => break,
                '|' => {
                    *at += 1;
                    alts.push(Vec::new());
                }
                _ => {
                    let node = quantified(p, at);
                    alts.last_mut().expect("an alternative").push(node);
                }
            }
        }
        alts
    }

    fn quantified(p: &[char], at: &mut usize) -> Node {
        let atom = atom(p, at);
        let (min, max) = match p.get(*at) {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                let close = p[*at..].iter().position(|c| *c == '}').expect("}") + *at;
                let inner: String = p[*at + 1..close].iter().collect();
                *at = close;
                let (lo, hi) = inner.split_once(',').unwrap_or((&inner, &inner));
                (lo.parse().expect("{n"), Some(hi.parse().expect("n}")))
            }
            _ => return atom,
        };
        *at += 1;
        Node::Repeat(Box::new(atom), min, max)
    }

    fn atom(p: &[char], at: &mut usize) -> Node {
        let c = p[*at];
        *at += 1;
        match c {
            '(' => {
                let alts = alternatives(p, at);
                assert_eq!(p.get(*at), Some(&')'), "unclosed group");
                *at += 1;
                Node::Group(alts)
            }
            '[' => {
                let mut ranges = Vec::new();
                while p[*at] != ']' {
                    assert_ne!(p[*at], '^', "negated classes are not supported");
                    let lo = p[*at];
                    if p.get(*at + 1) == Some(&'-') && p.get(*at + 2) != Some(&']') {
                        ranges.push((lo, p[*at + 2]));
                        *at += 3;
                    } else {
                        ranges.push((lo, lo));
                        *at += 1;
                    }
                }
                *at += 1;
                Node::Class(ranges)
            }
            '\\' => {
                let e = p[*at];
                *at += 1;
                match e {
                    'd' => Node::Class(vec![('0', '9')]),
                    e if e.is_ascii_alphanumeric() => panic!("unsupported escape \\{e}"),
                    e => Node::Char(e),
                }
            }
            '.' | '*' | '+' | '?' | '{' | '^' | '$' => panic!("unsupported `{c}`"),
            c => Node::Char(c),
        }
    }

    /// Every position where `node` can end when it starts at `i`.
    fn ends(node: &Node, s: &[char], i: usize) -> BTreeSet<usize> {
        match node {
            Node::Char(c) => (s.get(i) == Some(c)).then_some(i + 1).into_iter().collect(),
            Node::Class(ranges) => s
                .get(i)
                .filter(|c| ranges.iter().any(|(lo, hi)| (lo..=hi).contains(c)))
                .map(|_| i + 1)
                .into_iter()
                .collect(),
            Node::Group(alts) => alt_ends(alts, s, i),
            Node::Repeat(inner, min, max) => {
                let mut out = BTreeSet::new();
                let mut current = BTreeSet::from([i]);
                for count in 0..=s.len() + 1 {
                    if count >= *min {
                        out.extend(current.iter().copied());
                    }
                    if max.is_some_and(|m| count >= m) || current.is_empty() {
                        break;
                    }
                    current = current.iter().flat_map(|&p| ends(inner, s, p)).collect();
                }
                out
            }
        }
    }

    fn alt_ends(alts: &[Vec<Node>], s: &[char], i: usize) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        for seq in alts {
            let mut current = BTreeSet::from([i]);
            for node in seq {
                current = current.iter().flat_map(|&p| ends(node, s, p)).collect();
            }
            out.extend(current);
        }
        out
    }
}

/// A validator for the subset of JSON Schema 2020-12 the generated schemas use. A keyword
/// it does not know is a panic, so that a schema using a new one cannot pass unchecked.
/// `integer` is what the reader takes for one: a JSON number without fraction or exponent.
struct Validator<'a> {
    root: &'a Value,
}

impl Validator<'_> {
    /// The reasons `instance` does not match the root schema (empty when it does).
    fn errors(&self, instance: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(self.root, instance, "$", &mut out);
        out
    }

    fn check(&self, schema: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
        let s = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => return out.push(format!("{path}: no value is allowed")),
            Value::Object(s) => s,
            _ => panic!("not a schema: {schema}"),
        };
        for (key, arg) in s {
            match key.as_str() {
                "$schema" | "$defs" | "title" | "description" | "default" | "examples" => {}
                "$ref" => {
                    let name = arg.as_str().and_then(|r| r.strip_prefix("#/$defs/"));
                    let target = name.and_then(|n| self.root["$defs"].get(n));
                    let target = target.unwrap_or_else(|| panic!("unresolved $ref {arg}"));
                    self.check(target, v, path, out);
                }
                "anyOf" | "oneOf" | "allOf" => self.combine(key, arg, v, path, out),
                "properties" | "required" | "additionalProperties" => {
                    if let Value::Object(o) = v {
                        self.object(key, arg, s, o, path, out);
                    }
                }
                "items" => {
                    for (i, item) in v.as_array().into_iter().flatten().enumerate() {
                        self.check(arg, item, &format!("{path}[{i}]"), out);
                    }
                }
                _ => {
                    if let Some(e) = scalar(key, arg, v) {
                        out.push(format!("{path}: {e}"));
                    }
                }
            }
        }
    }

    fn combine(&self, key: &str, arg: &Value, v: &Value, path: &str, out: &mut Vec<String>) {
        let results: Vec<Vec<String>> = arg
            .as_array()
            .expect("an array of schemas")
            .iter()
            .map(|sub| {
                let mut e = Vec::new();
                self.check(sub, v, path, &mut e);
                e
            })
            .collect();
        let passed = results.iter().filter(|e| e.is_empty()).count();
        let ok = match key {
            "anyOf" => passed >= 1,
            "oneOf" => passed == 1,
            _ => passed == results.len(),
        };
        if !ok {
            let why: Vec<String> = results.into_iter().flatten().collect();
            out.push(format!(
                "{path}: {key} matched {passed} of {}: {}",
                arg.as_array().map_or(0, Vec::len),
                why.join("; ")
            ));
        }
    }

    fn object(
        &self,
        key: &str,
        arg: &Value,
        schema: &serde_json::Map<String, Value>,
        o: &serde_json::Map<String, Value>,
        path: &str,
        out: &mut Vec<String>,
    ) {
        match key {
            "properties" => {
                for (k, sub) in arg.as_object().expect("properties") {
                    if let Some(x) = o.get(k) {
                        self.check(sub, x, &format!("{path}.{k}"), out);
                    }
                }
            }
            "required" => {
                for k in arg.as_array().expect("required").iter() {
                    let k = k.as_str().expect("a property name");
                    if !o.contains_key(k) {
                        out.push(format!("{path}: missing required `{k}`"));
                    }
                }
            }
            _ => {
                assert!(!schema.contains_key("patternProperties"), "unsupported");
                let known = schema.get("properties").and_then(Value::as_object);
                for (k, x) in o {
                    if !known.is_some_and(|p| p.contains_key(k)) {
                        self.check(arg, x, &format!("{path}.{k}"), out);
                    }
                }
            }
        }
    }
}

/// The keywords that look at one value: its type, constant, range, length, pattern, format.
fn scalar(key: &str, arg: &Value, v: &Value) -> Option<String> {
    let int = v.as_i64().map(i128::from).or(v.as_u64().map(i128::from));
    let bound = || arg.as_i64().map(i128::from).expect("an integer bound");
    let len = v.as_str().map(|s| s.chars().count());
    let limit = || {
        arg.as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .expect("a length")
    };
    let ok = match key {
        "type" => match arg {
            Value::Array(types) => types.iter().any(|t| has_type(t, v)),
            t => has_type(t, v),
        },
        "const" => arg == v,
        "enum" => arg.as_array().expect("enum").contains(v),
        "minimum" => int.is_none_or(|n| n >= bound()),
        "maximum" => int.is_none_or(|n| n <= bound()),
        "minItems" => v.as_array().is_none_or(|a| a.len() >= limit()),
        "maxItems" => v.as_array().is_none_or(|a| a.len() <= limit()),
        "minLength" => len.is_none_or(|n| n >= limit()),
        "maxLength" => len.is_none_or(|n| n <= limit()),
        "pattern" => v
            .as_str()
            .is_none_or(|s| pattern::matches(arg.as_str().expect("a pattern"), s)),
        "format" => has_format(arg.as_str().expect("a format"), v),
        other => panic!("the validator does not know the keyword `{other}`"),
    };
    (!ok).then(|| format!("{v} fails {key}: {arg}"))
}

fn has_type(t: &Value, v: &Value) -> bool {
    match t.as_str().expect("a type name") {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64(),
        other => panic!("unknown type {other}"),
    }
}

fn has_format(format: &str, v: &Value) -> bool {
    let int = v.as_i64().map(i128::from).or(v.as_u64().map(i128::from));
    let within = |lo: i128, hi: i128| int.is_none_or(|n| (lo..=hi).contains(&n));
    match format {
        "int64" => within(i64::MIN.into(), i64::MAX.into()),
        "int32" => within(i32::MIN.into(), i32::MAX.into()),
        "uint32" => within(0, u32::MAX.into()),
        "date" => v
            .as_str()
            .is_none_or(|s| bhxh::month::parse_iso_date(s).is_some()),
        other => panic!("the validator does not know the format `{other}`"),
    }
}

/// The reasons `instance` does not match `schema`.
fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    Validator { root: schema }.errors(instance)
}

fn request_schema(calculation: &str) -> Value {
    bhxh::schema::request(calculation).unwrap_or_else(|| panic!("no schema for {calculation}"))
}

fn response_schema(calculation: &str) -> Value {
    bhxh::schema::response(calculation).unwrap_or_else(|| panic!("no schema for {calculation}"))
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect()
}

#[test]
fn every_calculation_has_its_schemas() {
    let names = bhxh::schema::calculations();
    let listed: BTreeSet<&str> = bhxh::CALCULATIONS.split(", ").collect();
    assert_eq!(names.iter().copied().collect::<BTreeSet<_>>(), listed);
    assert_eq!(names.len(), listed.len(), "a calculation listed twice");
    for name in &names {
        let stem: String = name
            .split('_')
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect();
        let req = request_schema(name);
        let resp = response_schema(name);
        assert_eq!(req["title"], format!("{stem}Request"));
        assert_eq!(resp["title"], format!("{stem}Response"));
        for s in [&req, &resp] {
            assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
            assert_eq!(s["type"], "object");
            assert_eq!(s["additionalProperties"], false, "{name}: closed objects");
        }
        assert_eq!(req["properties"]["calculation"]["const"], *name);
        assert_eq!(resp["properties"]["calculation"]["const"], *name);
    }
    assert!(bhxh::schema::request("nope").is_none());
    assert!(bhxh::schema::response("nope").is_none());
    assert!(bhxh::schema::fields("nope").is_none());
    assert_eq!(bhxh::schema::error()["title"], "ErrorResponse");
}

#[test]
fn request_properties_are_the_fields_the_reader_knows() {
    for name in bhxh::schema::calculations() {
        let fields: BTreeSet<String> = bhxh::schema::fields(name)
            .expect("fields")
            .into_iter()
            .map(str::to_string)
            .collect();
        assert_eq!(keys(&request_schema(name)["properties"]), fields, "{name}");
    }
}

/// The fields each reader of `io/read.rs` requires (besides `calculation`).
const REQUIRED: &[(&str, &[&str])] = &[
    ("contribution", &["payment_month", "income", "method"]),
    (
        "refund",
        &["payment_month", "income", "method", "reason", "from_month"],
    ),
    ("retirement", &["sex", "birth_date"]),
    ("pension", &["sex", "birth_date", "history"]),
    ("lump_sum", &["reason", "settlement_month", "history"]),
    ("death", &["death_month"]),
    ("maternity", &["child_birth_month", "history"]),
    (
        "monthly_allowance",
        &["sex", "birth_date", "history", "settlement_month"],
    ),
    ("social_pension", &["birth_date", "month"]),
    ("estimate", &["as_of", "sex", "birth_date", "income"]),
    (
        "minimum_income",
        &["target_monthly_pension", "as_of", "sex", "birth_date"],
    ),
    ("health_insurance", &["payment_month", "members"]),
    ("compare", &["base", "variants"]),
];

/// Optional fields that some values of another field make necessary: `months` for an
/// advance or a back payment, the person for a lump sum at retirement age, `history`
/// for a death without `pension`.
const CONDITIONAL: &[(&str, &str)] = &[
    ("contribution", "months"),
    ("refund", "months"),
    ("lump_sum", "sex"),
    ("lump_sum", "birth_date"),
    ("death", "history"),
];

#[test]
fn required_fields_are_those_the_reader_requires() {
    assert_eq!(REQUIRED.len(), bhxh::schema::calculations().len());
    for (name, fields) in REQUIRED {
        let want: BTreeSet<String> = ["calculation"]
            .iter()
            .chain(fields.iter())
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            strings(&request_schema(name)["required"]),
            want,
            "{name}: required"
        );
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("scenario dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// A scenario of the corpus: its file, request text, request (when it parses) and whether
/// an error is expected.
struct Scenario {
    file: String,
    text: String,
    request: Option<Value>,
    expects_error: bool,
}

fn corpus() -> Vec<Scenario> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios");
    let mut files = Vec::new();
    collect(&root, &mut files);
    assert!(files.len() >= 90, "scenario corpus too small");
    files
        .iter()
        .map(|f| {
            let sc: Value =
                serde_json::from_str(&std::fs::read_to_string(f).expect("read")).expect("JSON");
            let text = match (&sc["request"], &sc["request_text"]) {
                (Value::Null, Value::String(t)) => t.clone(),
                (r, _) => r.to_string(),
            };
            Scenario {
                file: f.display().to_string(),
                request: serde_json::from_str(&text).ok(),
                text,
                expects_error: sc["expected"].get("error").is_some(),
            }
        })
        .collect()
}

/// Checks one scenario; returns its calculation when it answered.
fn check_scenario(
    sc: &Scenario,
    error_schema: &Value,
    failures: &mut Vec<String>,
) -> Option<String> {
    let mut fail = |what: String| failures.push(format!("{}: {what}", sc.file));
    let answer = bhxh::evaluate(&sc.text);
    match (&sc.request, sc.expects_error, answer) {
        (_, true, Err(e)) => {
            let errs = errors(error_schema, &e.to_json());
            if !errs.is_empty() {
                fail(format!("error object: {errs:?}"));
            }
            None
        }
        (Some(request), false, Ok(out)) => {
            let name = request["calculation"].as_str().expect("calculation");
            let errs = errors(&request_schema(name), request);
            if !errs.is_empty() {
                fail(format!("request: {errs:?}"));
            }
            let response: Value = serde_json::from_str(&out).expect("response JSON");
            let errs = errors(&response_schema(name), &response);
            if !errs.is_empty() {
                fail(format!("response: {errs:?}"));
            }
            Some(name.to_string())
        }
        (_, expects_error, answer) => {
            fail(format!("error expected: {expects_error}, got {answer:?}"));
            None
        }
    }
}

#[test]
fn the_corpus_validates_against_the_schemas() {
    let error_schema = bhxh::schema::error();
    let mut failures = Vec::new();
    let mut answered: BTreeMap<String, usize> = BTreeMap::new();
    let scenarios = corpus();
    for sc in &scenarios {
        if let Some(name) = check_scenario(sc, &error_schema, &mut failures) {
            *answered.entry(name).or_default() += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        scenarios.len(),
        failures.join("\n")
    );
    let all: BTreeSet<String> = bhxh::schema::calculations()
        .into_iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        answered.keys().cloned().collect::<BTreeSet<_>>(),
        all,
        "every response schema is exercised by the corpus"
    );
}

/// The error code and field of a request, `None` when it succeeds.
fn failure(request: &Value) -> Option<(String, String)> {
    bhxh::evaluate(&request.to_string()).err().map(|e| {
        let j = e.to_json();
        let field = j["error"]["field"].as_str().unwrap_or_default().to_string();
        (
            j["error"]["code"].as_str().unwrap_or_default().to_string(),
            field,
        )
    })
}

/// The object schema a property's schema describes (through `$ref`, the non-null branch
/// of an `anyOf`, and the `items` of an array).
fn object_schema<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    if let Some(r) = s["$ref"].as_str() {
        let name = r.strip_prefix("#/$defs/").expect("a local $ref");
        return object_schema(root, &root["$defs"][name]);
    }
    if let Some(alts) = s["anyOf"].as_array() {
        let branch = alts.iter().find(|a| a["type"] != "null").expect("a branch");
        return object_schema(root, branch);
    }
    if s.get("items").is_some() {
        return object_schema(root, &s["items"]);
    }
    s
}

/// Removes each field of the object at `at` (`""` for the request, `history[0]`, `pension`)
/// in turn: the reader answers `missing_field` on it exactly when the schema requires it
/// (or the field is one of `conditional`).
fn probe(request: &Value, at: &str, schema: &Value, conditional: &[&str]) -> Vec<String> {
    let pointer = if at.is_empty() {
        String::new()
    } else {
        format!("/{}", at.replace('[', "/").replace(']', ""))
    };
    let object = request.pointer(&pointer).and_then(Value::as_object);
    let required = strings(&schema["required"]);
    let mut out = Vec::new();
    for key in object
        .map(|o| o.keys().cloned().collect::<Vec<_>>())
        .unwrap_or_default()
    {
        let mut r = request.clone();
        r.pointer_mut(&pointer)
            .and_then(Value::as_object_mut)
            .map(|o| o.remove(&key));
        let path = if at.is_empty() {
            key.clone()
        } else {
            format!("{at}.{key}")
        };
        let missing = failure(&r) == Some(("missing_field".into(), path.clone()));
        let expected = required.contains(&key);
        if missing != expected && !(missing && conditional.contains(&key.as_str())) {
            out.push(format!(
                "without {path}: missing_field {missing}, required {expected}"
            ));
        }
    }
    out
}

/// Sets each optional property of the schema that the object at `at` leaves out to `null`
/// in turn: `null` counts as absent, so the answer must stay the same (and the reader must
/// know the field).
fn nulls(request: &Value, at: &str, schema: &Value) -> Vec<String> {
    let pointer = if at.is_empty() {
        String::new()
    } else {
        format!("/{}", at.replace('[', "/").replace(']', ""))
    };
    let answer = bhxh::evaluate(&request.to_string());
    let present = keys(request.pointer(&pointer).unwrap_or(&Value::Null));
    let required = strings(&schema["required"]);
    let mut out = Vec::new();
    for key in keys(&schema["properties"]) {
        if present.contains(&key) || required.contains(&key) {
            continue;
        }
        let mut r = request.clone();
        if let Some(o) = r.pointer_mut(&pointer).and_then(Value::as_object_mut) {
            o.insert(key.clone(), Value::Null);
        }
        if bhxh::evaluate(&r.to_string()) != answer {
            out.push(format!("{at}.{key} = null changes the answer"));
        }
    }
    out
}

#[test]
fn the_schemas_required_and_optional_fields_are_the_readers() {
    let mut failures = Vec::new();
    let mut probed = 0;
    for sc in corpus().iter().filter(|s| !s.expects_error) {
        let Some(request) = &sc.request else { continue };
        let name = request["calculation"].as_str().expect("calculation");
        let schema = request_schema(name);
        let conditional: Vec<&str> = CONDITIONAL
            .iter()
            .filter(|(c, _)| c == &name)
            .map(|(_, f)| *f)
            .collect();
        let mut found = probe(request, "", &schema, &conditional);
        found.extend(nulls(request, "", &schema));
        // Nested objects, except `compare`'s (a base field may come from the variants).
        for (key, value) in request.as_object().into_iter().flatten() {
            let at = match value {
                Value::Object(_) if name != "compare" && key != "parameters" => key.clone(),
                Value::Array(a) if a.first().is_some_and(Value::is_object) && name != "compare" => {
                    format!("{key}[0]")
                }
                _ => continue,
            };
            let nested = object_schema(&schema, &schema["properties"][key]);
            found.extend(probe(request, &at, nested, &[]));
            found.extend(nulls(request, &at, nested));
        }
        probed += 1;
        failures.extend(found.into_iter().map(|f| format!("{}: {f}", sc.file)));
    }
    assert!(probed >= 50, "only {probed} requests probed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn contribution() -> Value {
    json!({
        "calculation": "contribution",
        "payment_month": "2027-01",
        "income": 2_200_000,
        "method": "monthly",
        "categories": ["near_poor"],
        "province": null,
        "trace": false
    })
}

/// Applies `edit` to a copy of `v`.
fn with(v: &Value, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Value {
    let mut v = v.clone();
    edit(v.as_object_mut().expect("an object"));
    v
}

#[test]
fn the_validator_rejects_wrong_requests_as_the_reader_does() {
    let schema = request_schema("contribution");
    let ok = contribution();
    assert_eq!(errors(&schema, &ok), Vec::<String>::new());
    assert_eq!(failure(&ok), None);
    let wrong = [
        with(&ok, |o| drop(o.remove("income"))),
        with(&ok, |o| drop(o.insert("incom".into(), json!(1)))),
        with(&ok, |o| drop(o.insert("income".into(), json!("2200000")))),
        with(&ok, |o| drop(o.insert("income".into(), json!(2_200_000.5)))),
        with(&ok, |o| drop(o.insert("income".into(), json!(-1)))),
        with(&ok, |o| drop(o.insert("income".into(), json!(null)))),
        with(&ok, |o| drop(o.insert("method".into(), json!("weekly")))),
        with(&ok, |o| drop(o.insert("method".into(), json!(5)))),
        with(&ok, |o| {
            drop(o.insert("payment_month".into(), json!("2027-13")))
        }),
        with(&ok, |o| {
            drop(o.insert("payment_month".into(), json!("2027-1")))
        }),
        with(&ok, |o| drop(o.insert("categories".into(), json!([1])))),
        with(&ok, |o| {
            drop(o.insert("categories".into(), vec![json!("poor"); 21].into()))
        }),
        with(&ok, |o| drop(o.insert("province".into(), json!("Ha Noi")))),
        with(&ok, |o| {
            drop(o.insert("fund_rate_monthly".into(), json!(0.005)))
        }),
        with(&ok, |o| {
            drop(o.insert("fund_rate_monthly".into(), json!("5e-3")))
        }),
        with(&ok, |o| drop(o.insert("trace".into(), json!("no")))),
        with(&ok, |o| {
            drop(o.insert("calculation".into(), json!("refund")))
        }),
        with(&ok, |o| drop(o.insert("parameters".into(), json!([])))),
        json!([ok.clone()]),
    ];
    for w in &wrong {
        assert!(!errors(&schema, w).is_empty(), "the schema accepts {w}");
        assert!(failure(w).is_some(), "the reader accepts {w}");
    }
}

#[test]
fn the_validator_rejects_wrong_nested_values() {
    let request = json!({
        "calculation": "pension", "sex": "female", "birth_date": "1970-05-17",
        "history": [{"from": "2010-01", "to": "2029-12", "income": 3_000_000}]
    });
    let schema = request_schema("pension");
    assert_eq!(errors(&schema, &request), Vec::<String>::new());
    assert_eq!(failure(&request), None);
    let period = |p: Value| with(&request, |o| drop(o.insert("history".into(), json!([p]))));
    let wrong = [
        period(json!({"from": "2010-01", "to": "2029-12"})),
        period(json!({"from": "2010-01", "to": "2029-12", "income": 1, "scheme": "private"})),
        period(json!({"from": "2010-01", "to": "2029-12", "income": 1, "note": "x"})),
        period(json!({"from": "2010-01", "to": "2029-12", "income": 1, "categories": []})),
        period(json!({"from": "2010-01", "to": "2029-12", "income": 1, "back_paid": "yes"})),
        with(&request, |o| drop(o.insert("history".into(), json!([])))),
        with(&request, |o| {
            drop(o.insert("birth_date".into(), json!("17/05/1970")))
        }),
        with(&request, |o| drop(o.insert("sex".into(), json!("other")))),
    ];
    for w in &wrong {
        assert!(!errors(&schema, w).is_empty(), "the schema accepts {w}");
        assert!(failure(w).is_some(), "the reader accepts {w}");
    }
    let members = |m: Value| json!({"calculation": "health_insurance", "payment_month": "2026-03", "members": m});
    let hi = request_schema("health_insurance");
    assert_eq!(
        errors(&hi, &members(json!([{"form": null}]))),
        Vec::<String>::new()
    );
    for m in [
        json!([]),
        json!([{"form": "self"}]),
        json!([{"age": 3}]),
        json!({}),
    ] {
        assert!(!errors(&hi, &members(m.clone())).is_empty(), "{m}");
        assert!(failure(&members(m.clone())).is_some(), "{m}");
    }
    // A variant's label is optional but, unlike the other fields, never `null`.
    let compare = |label: Value| {
        json!({"calculation": "compare",
               "base": {"as_of": "2026-11-28", "sex": "female", "birth_date": "1986-05"},
               "variants": [{"label": label, "income": 2_000_000}]})
    };
    let schema = request_schema("compare");
    assert_eq!(errors(&schema, &compare(json!("a"))), Vec::<String>::new());
    assert_eq!(failure(&compare(json!("a"))), None);
    assert!(!errors(&schema, &compare(Value::Null)).is_empty());
    assert!(failure(&compare(Value::Null)).is_some());
}

#[test]
fn the_validator_rejects_wrong_responses_and_errors() {
    let out = bhxh::evaluate(&contribution().to_string()).expect("an answer");
    let response: Value = serde_json::from_str(&out).expect("JSON");
    let schema = response_schema("contribution");
    assert_eq!(errors(&schema, &response), Vec::<String>::new());
    let wrong = [
        with(&response, |o| drop(o.remove("payable"))),
        with(&response, |o| drop(o.insert("extra".into(), json!(1)))),
        with(&response, |o| {
            drop(o.insert("payable".into(), json!("290400")))
        }),
        with(&response, |o| {
            drop(o.insert("per_month".into(), json!([{"month": "2027-01"}])))
        }),
        with(&response, |o| {
            drop(o.insert("fund_rate_monthly".into(), json!(null)))
        }),
        with(&response, |o| {
            drop(o.insert("method".into(), json!("weekly")))
        }),
        with(&response, |o| {
            drop(o.insert("calculation".into(), json!("refund")))
        }),
        with(&response, |o| {
            drop(o.insert("warnings".into(), json!([{"code": "x"}])))
        }),
    ];
    for w in &wrong {
        assert!(!errors(&schema, w).is_empty(), "the schema accepts {w}");
    }
    let error = bhxh::schema::error();
    let e = json!({"error": {"code": "invalid_type", "message": "m", "message_vi": "m"}});
    assert_eq!(errors(&error, &e), Vec::<String>::new());
    for w in [
        json!({"error": {"code": "invalid_type", "message": "m"}}),
        json!({"error": {"code": "Invalid Type", "message": "m", "message_vi": "m"}}),
        json!({"error": {"code": "x", "message": "m", "message_vi": "m", "field": null}}),
        json!({"error": {"code": "x", "message": "m", "message_vi": "m", "path": "$"}}),
        json!({"code": "x"}),
    ] {
        assert!(
            !errors(&error, &w).is_empty(),
            "the error schema accepts {w}"
        );
    }
}

#[test]
fn the_pattern_matcher_matches_the_schemas_patterns() {
    let month = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    let birth = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
    let decimal = r"^-?\d+(\.\d+)?$";
    let slug = "^[a-z][a-z0-9_]*$";
    let cases: &[(&str, &str, bool)] = &[
        (month, "2026-07", true),
        (month, "2026-12", true),
        (month, "2026-13", false),
        (month, "2026-00", false),
        (month, "2026-7", false),
        (month, "2026-07-01", false),
        (birth, "1970", true),
        (birth, "1970-05", true),
        (birth, "1970-05-31", true),
        (birth, "1970-05-32", false),
        (birth, "1970-", false),
        (birth, "19700", false),
        (decimal, "0.03", true),
        (decimal, "-12", true),
        (decimal, "0.", false),
        (decimal, ".5", false),
        (decimal, "1e3", false),
        (slug, "ho_chi_minh", true),
        (slug, "_x", false),
        (slug, "Hue", false),
        ("b+", "abbc", true),
        ("^a{2,3}$", "aaaa", false),
    ];
    for (p, s, want) in cases {
        assert_eq!(pattern::matches(p, s), *want, "{p} on {s}");
    }
}

/// A definition name means one schema across all the documents (code generators merge
/// their `$defs` into one namespace).
#[test]
fn a_definition_name_is_one_schema_everywhere() {
    let mut all = vec![bhxh::schema::error()];
    for name in bhxh::schema::calculations() {
        all.extend([request_schema(name), response_schema(name)]);
    }
    let mut defs: BTreeMap<String, &Value> = BTreeMap::new();
    for s in &all {
        for (name, def) in s["$defs"].as_object().into_iter().flatten() {
            let first = *defs.entry(name.clone()).or_insert(def);
            assert_eq!(first, def, "two schemas are named {name}");
        }
    }
    let titles: BTreeSet<&str> = all.iter().filter_map(|s| s["title"].as_str()).collect();
    assert_eq!(titles.len(), all.len(), "titles are unique");
    assert!(
        titles.iter().all(|t| !defs.contains_key(*t)),
        "a title is also a definition"
    );
}

/// Keywords the validator checks, or knows as annotations.
const KNOWN: &[&str] = &[
    "$schema",
    "$defs",
    "title",
    "description",
    "default",
    "examples",
    "$ref",
    "anyOf",
    "oneOf",
    "allOf",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "type",
    "const",
    "enum",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "minLength",
    "maxLength",
    "pattern",
    "format",
];

/// Every keyword under `schema` (through its subschemas), and checks each pattern parses.
fn keywords(schema: &Value, out: &mut BTreeSet<String>) {
    let Value::Object(s) = schema else { return };
    for (key, arg) in s {
        out.insert(key.clone());
        match key.as_str() {
            "properties" | "$defs" => arg
                .as_object()
                .into_iter()
                .flatten()
                .for_each(|(_, d)| keywords(d, out)),
            "anyOf" | "oneOf" | "allOf" => arg
                .as_array()
                .into_iter()
                .flatten()
                .for_each(|d| keywords(d, out)),
            "items" | "additionalProperties" => keywords(arg, out),
            "pattern" => drop(pattern::matches(arg.as_str().expect("a pattern"), "")),
            "format" => drop(has_format(arg.as_str().expect("a format"), &Value::Null)),
            _ => {}
        }
    }
}

/// Every keyword of every schema is one the validator checks or knows as an annotation,
/// and the enums match the engine's lists.
#[test]
fn the_validator_understands_every_schema() {
    let mut all = vec![bhxh::schema::error()];
    for name in bhxh::schema::calculations() {
        all.extend([request_schema(name), response_schema(name)]);
    }
    let mut seen = BTreeSet::new();
    for s in &all {
        keywords(s, &mut seen);
    }
    let unknown: Vec<&String> = seen
        .iter()
        .filter(|k| !KNOWN.contains(&k.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "keywords the validator does not know: {unknown:?}"
    );
    let consts = |s: &Value, def: &str| -> BTreeSet<String> {
        s["$defs"][def]["oneOf"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v["const"].as_str().map(str::to_string))
            .collect()
    };
    use bhxh::calc::contribution::Method;
    let methods: BTreeSet<String> = Method::ALL.iter().map(|m| m.as_str().into()).collect();
    assert_eq!(consts(&request_schema("contribution"), "Method"), methods);
    let regular: BTreeSet<String> = Method::ALL
        .iter()
        .filter(|m| **m != Method::BackPayment)
        .map(|m| m.as_str().into())
        .collect();
    assert_eq!(consts(&request_schema("estimate"), "PlanMethod"), regular);
}
