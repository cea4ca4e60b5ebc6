//! The repository explains itself: every decision id and rule id that a trace can cite is
//! defined in `docs/decisions.md` / `docs/rules.md`, and no document or source points
//! outside the repository.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if p.is_dir() {
            if !matches!(name, "target" | "node_modules" | "pkg" | ".venv" | "dist") {
                files(&p, ext, out);
            }
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ext.contains(&x))
        {
            out.push(p);
        }
    }
}

fn engine_sources() -> Vec<(PathBuf, String)> {
    let mut v = Vec::new();
    files(&root().join("crates/bhxh/src"), &["rs"], &mut v);
    v.into_iter()
        .map(|p| {
            let t = std::fs::read_to_string(&p).expect("read");
            (p, t)
        })
        .collect()
}

/// The `## ID — title` headings of a document.
fn headings(doc: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(doc)).expect("doc");
    text.lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| l.split(" — ").next())
        .map(str::to_string)
        .collect()
}

/// Decision ids in `text`: `decision K-4`, `decisions K-4, K-5, K-8`.
fn decision_ids(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("decision") {
        let rest = &text[i..];
        let rest = rest
            .trim_start_matches("decisions")
            .trim_start_matches("decision");
        let mut s = rest.trim_start();
        while let Some(r) = s.strip_prefix("K-") {
            let n: String = r.chars().take_while(char::is_ascii_digit).collect();
            if n.is_empty() {
                break;
            }
            out.push(format!("K-{n}"));
            s = r[n.len()..].trim_start_matches(',').trim_start();
        }
    }
    out
}

#[test]
fn every_cited_decision_is_defined() {
    let defined = headings("docs/decisions.md");
    let mut seen = 0;
    let mut missing = Vec::new();
    for (path, text) in engine_sources() {
        for id in decision_ids(&text) {
            seen += 1;
            if !defined.contains(&id) {
                missing.push(format!("{}: {id}", path.display()));
            }
        }
    }
    assert!(
        seen > 50,
        "only {seen} decision citations found: the scan is broken"
    );
    assert!(
        missing.is_empty(),
        "not in docs/decisions.md:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_cited_rule_is_defined() {
    let defined = headings("docs/rules.md");
    let mut seen = 0;
    let mut missing = Vec::new();
    for (path, text) in engine_sources() {
        for (i, _) in text.match_indices(", docs/rules.md") {
            let before = &text[..i];
            let id = before
                .rsplit("rule ")
                .next()
                .unwrap_or_default()
                .to_string();
            seen += 1;
            if !defined.contains(&id) {
                missing.push(format!("{}: {id}", path.display()));
            }
        }
    }
    assert!(
        seen >= 5,
        "only {seen} rule citations found: the scan is broken"
    );
    assert!(
        missing.is_empty(),
        "not in docs/rules.md:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_scan_reads_lists_of_decisions() {
    assert_eq!(
        decision_ids("see decisions K-4, K-5, K-17; decision K-1."),
        ["K-4", "K-5", "K-17", "K-1"]
    );
}

#[test]
fn nothing_points_outside_the_repository() {
    let mut all = Vec::new();
    for dir in [
        "docs", "crates", "bindings", "www", "scripts", "tests", "benches",
    ] {
        files(
            &root().join(dir),
            &[
                "md", "rs", "py", "pyi", "mjs", "js", "ts", "html", "sh", "json",
            ],
            &mut all,
        );
    }
    all.push(root().join("README.md"));
    let this = Path::new(file!()).file_name().unwrap_or_default();
    let mut bad = Vec::new();
    for p in all {
        if p.file_name() == Some(this) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        for needle in [
            "../shared",
            "shared/spec",
            "spec/rules.md",
            "spec/decisions.md",
            "spec/contract.md",
        ] {
            if text.contains(needle) {
                bad.push(format!("{}: {needle}", p.display()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "points outside the repository:\n{}",
        bad.join("\n")
    );
}
