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
