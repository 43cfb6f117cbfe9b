//! What a case file holds is shown, never obeyed: terminal control sequences written into a
//! case file by hand (or by a sync, a backup, another tool) do not reach the terminal or an
//! exported file through any command, and go whole, leaving no `[31m` behind. JSON keeps the
//! text exactly, escaped.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use common::tmux::cli;

/// Control bytes a terminal would act on: C0 but newline and tab, DEL, and C1 (UTF-8 C2 80-9F).
fn controls(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        let c1 = b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n));
        if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f || c1 {
            let from = i.saturating_sub(10);
            found.push(String::from_utf8_lossy(&bytes[from..(i + 10).min(bytes.len())]).into());
        }
    }
    found
}

/// Fails unless `bytes` is free of control characters and of the remains of a sequence.
fn assert_clean(what: &str, bytes: &[u8], residue: bool) {
    let found = controls(bytes);
    assert!(
        found.is_empty(),
        "{what}: control characters near {found:?}"
    );
    if residue {
        let text = String::from_utf8_lossy(bytes);
        for left in ["[31m", "[0m", "[1m", "]0;", "]52;", "[2J", "2J"] {
            assert!(!text.contains(left), "{what}: {left:?} left in:\n{text}");
        }
    }
}

const TITLE: &str = "Storing \u{1b}[31mrood\u{1b}[0m \u{7}en \u{1b}]0;pwned\u{7}klaar";
const NOTES: &str = "regel\u{1b}[2J een\n\u{1b}]52;c;ZXZpbA==\u{7}twee\u{9b}2J drie";
const SUMMARY: &str = "beloofd \u{1b}[1mvet\u{1b}[0m";

/// A journal with one case whose file was edited by hand to hold control sequences, and a
/// second file that cannot be read and whose reason quotes one.
fn hand_edited() -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = cli(dir, &["new", "Storing", "--org", "KPN", "--tag", "net"]);
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let out = cli(
        dir,
        &[
            "log", &id, "call", "beloofd", "--detail", "eerst", "--number", "1200",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir.join("cases").join(format!("{id}.ron"));
    let text = fs::read_to_string(&path).unwrap();
    let text = text
        .replacen("title: \"Storing\"", &format!("title: \"{TITLE}\""), 1)
        .replacen(
            "organisation: \"KPN\"",
            "organisation: \"K\u{9b}2JPN\u{7f}\"",
            1,
        )
        .replacen("notes: \"\"", &format!("notes: \"{NOTES}\""), 1)
        .replacen(
            "summary: \"beloofd\"",
            &format!("summary: \"{SUMMARY}\""),
            1,
        )
        .replacen(
            "detail: \"eerst\"",
            "detail: \"eerst\u{1b}[31m\nrood\u{8}\"",
            1,
        )
        .replacen("\"net\"", "\"n\u{1b}[4met\"", 1);
    assert!(text.contains("pwned") && text.contains("ZXZpbA") && text.contains("vet"));
    assert!(
        text.contains("rood\u{8}") && text.contains("\u{1b}[4m"),
        "{text}"
    );
    fs::write(&path, text).unwrap();
    fs::write(
        dir.join("cases").join("evil.ron"),
        "(schema: 1, id: \"\u{1b}]0;owned\u{7}\u{1b}[31mevil\", title: \"x\", \
         organisation: \"y\", status: \"open\", opened: \"2026-01-01T00:00:00Z\")",
    )
    .unwrap();
    (tmp, id)
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = cli(dir, args);
    assert!(
        out.status.success(),
        "runaround {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn text_output_of_a_hand_edited_case_holds_no_control_sequences() {
    let (tmp, id) = hand_edited();
    let dir = tmp.path();
    for args in [
        vec!["list"],
        vec!["list", "--all"],
        vec!["show", id.as_str()],
        vec!["export", id.as_str(), "--format", "md"],
        vec!["export", id.as_str(), "--format", "csv"],
        vec!["log", id.as_str(), "note", "nog \u{1b}[31meen\u{1b}[0m"],
    ] {
        let out = run(dir, &args);
        assert_clean(&format!("{args:?} stdout"), &out.stdout, true);
        assert_clean(&format!("{args:?} stderr"), &out.stderr, true);
    }
    // The text is all there, only the sequences are gone.
    let show = String::from_utf8(run(dir, &["show", &id]).stdout).unwrap();
    assert!(show.contains("Storing rood en klaar"), "{show}");
    assert!(show.contains("beloofd vet"), "{show}");
    assert!(show.contains("KPN"), "{show}");
    let md = String::from_utf8(run(dir, &["export", &id, "--format", "md"]).stdout).unwrap();
    assert!(md.contains("regel een") && md.contains("twee drie"), "{md}");
    // The warning about the unreadable file quotes its id cleaned.
    let list = run(dir, &["list"]);
    let err = String::from_utf8_lossy(&list.stderr);
    assert!(err.contains("evil.ron") && err.contains("evil"), "{err}");

    // Exported to a file: the same.
    let file = dir.join("dossier.md");
    run(
        dir,
        &[
            "export",
            &id,
            "--format",
            "md",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_clean("the exported file", &fs::read(&file).unwrap(), true);
}

#[test]
fn json_output_escapes_control_characters_and_keeps_the_text() {
    let (tmp, id) = hand_edited();
    let dir = tmp.path();
    for args in [
        vec!["list", "--all", "--json"],
        vec!["show", id.as_str(), "--json"],
        vec!["export", id.as_str(), "--format", "json"],
    ] {
        let out = run(dir, &args);
        assert_clean(&format!("{args:?}"), &out.stdout, false);
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let case = if value.is_array() { &value[0] } else { &value };
        assert_eq!(case["title"], TITLE, "{args:?}");
        assert_eq!(case["organisation"], "K\u{9b}2JPN\u{7f}", "{args:?}");
        assert_eq!(case["events"][0]["summary"], SUMMARY, "{args:?}");
    }
    let out = run(dir, &["export", &id, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["notes"], NOTES);
}

#[test]
fn import_errors_quote_ids_escaped_and_a_title_of_controls_only_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let doc = |id: &str, title: &str| {
        serde_json::json!({
            "id": id, "title": title, "organisation": "KPN", "status": "open",
            "opened": "2026-01-01T00:00:00Z", "events": []
        })
        .to_string()
    };
    let file = dir.join("import.json");

    fs::write(&file, doc("\u{1b}]0;owned\u{7}x", "Storing")).unwrap();
    let out = cli(dir, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_clean("import error", &out.stderr, false);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(r"\u{1b}]0;owned\u{7}x"), "{err}");

    fs::write(&file, doc("controls", "\u{1b}[31m\u{1b}[0m\u{7}")).unwrap();
    let out = cli(dir, &["import", file.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "imported a title of controls only"
    );
    assert_clean("import error", &out.stderr, false);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("only control characters"), "{err}");
    assert!(!dir.join("cases").join("controls.ron").exists());
}
