//! The benchmark's own tools: `scripts/bench --report` turns measured rows into its tables and
//! its verdict, `scripts/tools/peak-rss` reports a command's own peak memory (not the
//! launcher's), and `scripts/tools/gen-journal` writes one valid document, a case at a time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether python3 is there (the tools need it); prints SKIPPED when it is not.
fn python() -> bool {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("SKIPPED: python3 not installed");
    }
    ok
}

fn report(rows: &str) -> (Output, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rows.tsv");
    std::fs::write(&file, rows).unwrap();
    let out = Command::new("bash")
        .arg(root().join("scripts/bench"))
        .arg("--report")
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    (out, text)
}

#[test]
fn the_report_holds_each_size_to_its_budget() {
    if !python() {
        return;
    }
    let (out, text) = report(
        "1000\tfirst frame\t25\t10\tms\n\
         10000\tfirst frame\t25\t10\tms\n\
         10000\tfirst frame, index deleted (a case on screen)\t120\t10\tms\n",
    );
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "| 1k | first frame | 25.0 ms | 10.0 ms (empty journal) | 2.50x | ≤ 2x floor | MISSED |"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "| 10k | first frame | 25.0 ms | 10.0 ms (empty journal) | 2.50x | ≤ 3x floor | met |"
        ),
        "{text}"
    );
    assert!(
        text.contains("| 10k | first frame, index deleted (a case on screen) | 120 ms | 10.0 ms (empty journal) | 12.00x | ≤ 100 ms | MISSED |"),
        "{text}"
    );
    assert!(
        text.contains(
            "missed: first frame (1k), first frame, index deleted (a case on screen) (10k)"
        ),
        "{text}"
    );
}

#[test]
fn a_row_of_no_size_and_no_known_budget_is_shown_and_does_not_fail() {
    if !python() {
        return;
    }
    let (out, text) = report("1000\tshow\t1.2\t1\tms\nwake-ups a minute\t0\t0\tcount\n");
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("|  | wake-ups a minute | 0.00 count | 0.00 count | - | (no budget) |  |"),
        "{text}"
    );
    assert!(text.contains("all budgets met"), "{text}");
}

#[test]
fn the_report_says_how_each_measure_grows_from_1k_to_the_largest_size() {
    if !python() {
        return;
    }
    let (_, text) = report(
        "100\tfirst frame\t6\t5\tms\n\
         1000\tfirst frame\t10\t5\tms\n\
         50000\tfirst frame\t40\t5\tms\n\
         1000\tthe index on disk\t6\t30\tMiB\n\
         50000\tthe index on disk\t300\t1500\tMiB\n\
         1000\timport, time\t2000\t20\tms\n\
         50000\timport, time\t120000\t20\tms\n",
    );
    assert!(text.contains("How it grows (1k → 50k cases):"), "{text}");
    assert!(
        text.contains("| first frame | 6.00 ms (1.2x) | 10.0 ms (2.0x) | 40.0 ms (8.0x) | 4.0x |"),
        "{text}"
    );
    assert!(
        text.contains(
            "| the index on disk |  | 20 % of the case files | 20 % of the case files | 1.0x |"
        ),
        "{text}"
    );
    assert!(
        text.contains("| import, time |  | 2000 ms | 120.0 s | 60.0x |"),
        "{text}"
    );
}

fn peak_rss(args: &[&str]) -> (Output, u64) {
    let out = Command::new("python3")
        .arg(root().join("scripts/tools/peak-rss"))
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let kib = text
        .lines()
        .last()
        .and_then(|l| l.split("peak_rss_kib=").nth(1))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no peak in {text:?}"));
    (out, kib)
}

#[test]
fn peak_rss_reports_the_commands_own_peak_not_pythons() {
    if !python() {
        return;
    }
    // `true` is a few hundred KiB; Python, which starts it, is about 10 MB.
    let (out, small) = peak_rss(&["true"]);
    assert!(out.status.success());
    assert!(small < 4096, "true peaked at {small} KiB");
    let (_, big) = peak_rss(&[
        "python3",
        "-c",
        "x = bytearray(64 << 20); x[::4096] = b'1' * len(x[::4096])",
    ]);
    assert!(big >= 64 * 1024, "64 MiB peaked at {big} KiB");
    let (out, _) = peak_rss(&["false"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("status=1"));
}

#[test]
fn peak_rss_writes_its_line_into_a_file_and_leaves_the_output_to_the_command() {
    if !python() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rss");
    let out = Command::new("python3")
        .arg(root().join("scripts/tools/peak-rss"))
        .arg("-o")
        .arg(&file)
        .args(["echo", "hello"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello\n");
    let line = std::fs::read_to_string(&file).unwrap();
    assert!(
        line.starts_with("wall_ms=") && line.contains(" status=0"),
        "{line}"
    );
}

fn gen_journal(dir: &Path, args: &[&str]) -> PathBuf {
    let out = Command::new("python3")
        .arg(root().join("scripts/tools/gen-journal"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success());
    let file = dir.join(format!("{}.json", args.join("_")));
    std::fs::write(&file, &out.stdout).unwrap();
    file
}

#[test]
fn gen_journal_writes_one_document_the_import_reads() {
    if !python() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = gen_journal(dir.path(), &["--cases", "3", "--events", "5"]);
    let doc: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc.len(), 3);
    assert!(
        doc.iter()
            .all(|c| c["events"].as_array().unwrap().len() == 5)
    );
    // The same document again: it is deterministic.
    let again = gen_journal(
        dir.path(),
        &["--cases", "3", "--events", "5", "--seed", "2013"],
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&again).unwrap()
    );
    let empty = gen_journal(dir.path(), &["--cases", "0"]);
    assert_eq!(std::fs::read(&empty).unwrap(), b"[]\n");
    let data = dir.path().join("journal");
    let out = Command::new(env!("CARGO_BIN_EXE_runaround"))
        .env("RUNAROUND_LANG", "en")
        .arg("--data-dir")
        .arg(&data)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        3,
        "one id a case"
    );
}
