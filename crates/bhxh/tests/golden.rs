//! Golden explanations: the trace of a few scenarios per calculation, written out as text
//! (`tests/golden/*.txt`), must stay exactly as reviewed — both languages, money grouping
//! (1.500.000 đồng / 1,500,000 VND), percentages, citations. The scenario corpus compares
//! numbers; this test notices a change in the prose that explains them.
//!
//! After a deliberate change: `BHXH_BLESS=1 cargo test -p bhxh --test golden`, then review
//! the diff of `tests/golden/` like any other change.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The explanation of one scenario's response, one block per trace step.
fn render(scenario: &str) -> String {
    let text = std::fs::read_to_string(root().join("tests/scenarios").join(scenario))
        .unwrap_or_else(|e| panic!("{scenario}: {e}"));
    let sc: Value = serde_json::from_str(&text).expect("scenario JSON");
    let out = bhxh::evaluate(&sc["request"].to_string()).expect("a golden scenario answers");
    let v: Value = serde_json::from_str(&out).expect("response JSON");
    let mut s = format!("# {scenario}\n");
    for step in v["trace"].as_array().expect("a trace") {
        let field = |k: &str| match &step[k] {
            Value::String(t) => t.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        let _ = write!(
            s,
            "\n## {} = {}\nformula: {}\ncitation: {}{}\nvi: {}\nen: {}\n",
            field("step"),
            field("value"),
            field("formula"),
            field("citation"),
            match field("confidence").as_str() {
                "" => String::new(),
                c => format!(" [{c}]"),
            },
            field("text_vi"),
            field("text_en"),
        );
    }
    for w in v["warnings"].as_array().into_iter().flatten() {
        let _ = write!(
            s,
            "\n## warning {}\nvi: {}\nen: {}\n",
            w["code"].as_str().unwrap_or_default(),
            w["message_vi"].as_str().unwrap_or_default(),
            w["message"].as_str().unwrap_or_default()
        );
    }
    s
}

#[test]
fn explanations_match_their_reviewed_text() {
    let dir = root().join("tests/golden");
    let bless = std::env::var_os("BHXH_BLESS").is_some();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{} golden files", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let golden = std::fs::read_to_string(f).expect("golden text");
        let scenario = golden
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# "))
            .unwrap_or_else(|| panic!("{}: first line is `# <scenario path>`", f.display()));
        let now = render(scenario);
        if now != golden {
            if bless {
                std::fs::write(f, &now).expect("write golden");
            } else {
                let line = golden
                    .lines()
                    .zip(now.lines())
                    .find(|(a, b)| a != b)
                    .map_or_else(
                        || "length differs".to_string(),
                        |(a, b)| format!("- {a}\n+ {b}"),
                    );
                failures.push(format!("{}:\n{line}", f.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "explanations changed (BHXH_BLESS=1 to accept after review):\n{}",
        failures.join("\n")
    );
}
