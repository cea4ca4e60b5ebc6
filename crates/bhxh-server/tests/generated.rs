//! The schema files, the TypeScript declarations and the Python `TypedDict`s are generated
//! from the engine's Rust types; this test fails when a committed copy differs from what
//! the types give today (`BHXH_BLESS=1` rewrites them).

use std::path::Path;

#[test]
fn generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bless = std::env::var_os("BHXH_BLESS").is_some();
    let files = bhxh_server::codegen::files().unwrap();
    let mut stale = Vec::new();
    for (path, text) in &files {
        let p = root.join(path);
        if std::fs::read_to_string(&p).ok().as_deref() != Some(text.as_str()) {
            if bless {
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(&p, text).unwrap();
            } else {
                stale.push(path.clone());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated files out of date (run BHXH_BLESS=1 cargo test -p bhxh-server --test generated): {stale:?}"
    );
    // No schema file that the types no longer give.
    for e in std::fs::read_dir(root.join("schema")).unwrap() {
        let name = format!("schema/{}", e.unwrap().file_name().to_string_lossy());
        assert!(
            files.iter().any(|(p, _)| *p == name) || name == "schema/README.md",
            "{name} is not generated any more: delete it"
        );
    }
}
