//! The domain stays pure: no terminal, no I/O, and no error sentences (the front ends word
//! its facts, in `cli::words` and `app::words`).

use std::fs;
use std::path::Path;

#[test]
fn the_domain_uses_no_terminal_no_io_and_words_no_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut files = 0;
    for entry in fs::read_dir(&dir).expect("src/domain") {
        let path = entry.expect("entry").path();
        let text = fs::read_to_string(&path).expect("read");
        files += 1;
        for banned in [
            "ratatui",
            "crossterm",
            "std::fs",
            "std::io",
            "std::env",
            "#[error(",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
    }
    assert!(files >= 10, "only {files} files in {}", dir.display());
}

/// Every `.rs` file under `dir`, recursively.
#[allow(clippy::expect_used)]
fn sources(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("a source dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn durations_a_person_reads_are_said_in_the_language() {
    // `domain::time::span` writes `4d 17h`; French says `4j 17h`. Outside the domain and the
    // language module, a duration for a person goes through `i18n::fmt::span`.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    assert!(files.len() > 50, "{}", files.len());
    for path in files {
        let rel = path.strip_prefix(&root).expect("under src");
        if rel.starts_with("domain") || rel.starts_with("i18n") || rel == Path::new("app/model.rs")
        {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read");
        for banned in [
            "domain::time::span",
            "time::{span",
            ", span}",
            "use crate::domain::time::span",
        ] {
            assert!(
                !text.contains(banned),
                "{} says durations with domain::time::span ({banned}): use i18n::fmt::span",
                rel.display()
            );
        }
    }
}
