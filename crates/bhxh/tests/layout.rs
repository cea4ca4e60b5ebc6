//! The engine's layers keep their roles: `calc/` (the calculations) and `law/` (the
//! parameters and regimes) never reach the request format (`io/`) or the explanations
//! (`explain/`), and `calc/` neither reads JSON nor writes prose. This test reads the
//! sources, so breaking the rule fails here before a reviewer has to notice it.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("source folder").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(sources(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The code of a file without its comments and its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read source");
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every use of a forbidden path or name in `folder`, as `file: what`.
fn offences(folder: &str, forbidden: &[&str]) -> Vec<String> {
    let files = sources(&src().join(folder));
    assert!(!files.is_empty(), "no sources in {folder}");
    let mut out = Vec::new();
    for f in files {
        let c = code(&f);
        for bad in forbidden {
            if c.contains(bad) {
                out.push(format!("{}: {bad}", f.display()));
            }
        }
    }
    out
}

/// Ways to reach the request layer and the explanation layer.
const UPPER_LAYERS: &[&str] = &[
    "crate::io",
    "crate::explain",
    "super::super::io",
    "super::super::explain",
    "crate::project",
    "Trace",
    "Fields",
    "StepText",
];

#[test]
fn calc_reaches_neither_io_nor_explain_nor_json() {
    let mut forbidden = UPPER_LAYERS.to_vec();
    forbidden.extend(["serde_json", "text_vi", "text_en", ".vi(", ".en("]);
    let bad = offences("calc", &forbidden);
    assert!(
        bad.is_empty(),
        "calc/ breaks the layering:\n{}",
        bad.join("\n")
    );
}

#[test]
fn law_reaches_neither_io_nor_explain() {
    let forbidden = [UPPER_LAYERS, &["crate::calc"]].concat();
    let bad = offences("law", &forbidden);
    assert!(
        bad.is_empty(),
        "law/ breaks the layering:\n{}",
        bad.join("\n")
    );
}

/// Prose in Vietnamese belongs to `explain/`: no string literal in `calc/` holds a letter
/// with a Vietnamese diacritic.
#[test]
fn calc_holds_no_vietnamese_prose() {
    let mut bad = Vec::new();
    for f in sources(&src().join("calc")) {
        for (n, line) in code(&f).lines().enumerate() {
            let in_string = line.split('"').skip(1).step_by(2);
            if in_string
                .into_iter()
                .any(|s| s.chars().any(is_vietnamese_letter))
            {
                bad.push(format!("{}:{}: {line}", f.display(), n + 1));
            }
        }
    }
    assert!(bad.is_empty(), "prose in calc/:\n{}", bad.join("\n"));
}

fn is_vietnamese_letter(c: char) -> bool {
    "àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
        .contains(c.to_lowercase().next().unwrap_or(c))
}

/// The test itself notices a breach: a file that reached `explain` would be reported.
#[test]
fn the_check_sees_a_breach() {
    let dir = std::env::temp_dir().join(format!("bhxh-layout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let f = dir.join("breach.rs");
    std::fs::write(
        &f,
        "// crate::explain in a comment is fine\nuse crate::explain::trace::Trace;\n",
    )
    .expect("write");
    let c = code(&f);
    assert!(c.contains("crate::explain"));
    assert!(!c.contains("in a comment"));
    std::fs::remove_dir_all(&dir).ok();
}
