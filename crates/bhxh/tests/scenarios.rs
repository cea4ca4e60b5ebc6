//! Runs the shared scenario corpus `tests/scenarios/**.json` through [`bhxh::evaluate`].
//!
//! Each file is `{name, source, description, request | request_text, expected}`; `expected`
//! is matched as a subset of the response (objects recursively, arrays element by element
//! with equal length). The same files run through the wasm and Python packages.

mod common;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("scenario dir")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// Subset match; returns the first difference as a path.
fn diff(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().find_map(|(k, ev)| match a.get(k) {
            None => Some(format!("{path}.{k}: missing in response (expected {ev})")),
            Some(av) => diff(ev, av, &format!("{path}.{k}")),
        }),
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Some(format!(
                    "{path}: expected {} elements, got {}",
                    e.len(),
                    a.len()
                ));
            }
            e.iter()
                .zip(a)
                .enumerate()
                .find_map(|(i, (ev, av))| diff(ev, av, &format!("{path}[{i}]")))
        }
        _ if expected == actual => None,
        _ => Some(format!("{path}: expected {expected}, got {actual}")),
    }
}

#[test]
fn scenario_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios");
    let mut files = Vec::new();
    collect(&root, &mut files);
    assert!(
        files.len() >= 90,
        "scenario corpus too small: {} files",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read scenario");
        let sc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let request = match (sc.get("request"), sc.get("request_text")) {
            (Some(r), None) => r.to_string(),
            (None, Some(Value::String(t))) => t.clone(),
            _ => panic!(
                "{}: needs exactly one of request / request_text",
                file.display()
            ),
        };
        for key in ["name", "source", "description", "expected"] {
            assert!(sc.get(key).is_some(), "{}: missing `{key}`", file.display());
        }
        let (out, is_err) = bhxh::evaluate_to_json(&request);
        let actual: Value = serde_json::from_str(&out).expect("engine output is JSON");
        let expected = &sc["expected"];
        if expected.get("error").is_some() != is_err {
            failures.push(format!(
                "{}: error expected: {}, got: {out}",
                file.display(),
                !is_err
            ));
            continue;
        }
        if let Some(d) = diff(expected, &actual, "$") {
            failures.push(format!("{}: {d}", file.display()));
        }
        if let Some(m) = actual["error"]["message_vi"].as_str() {
            if let Some(w) = common::english_in(m) {
                failures.push(format!(
                    "{}: English {w:?} in message_vi {m:?}",
                    file.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scenarios failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
