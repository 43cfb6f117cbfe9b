//! The escalation foundation: the case's country, customer kind and fee; the rule packs; the
//! clocks and compensation they give, as worked examples computed by hand from the sources.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

#[derive(Debug)]
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A temporary journal and config dir (`cfg/config.ron`, rule packs in `cfg/rules/`).
struct Journal {
    tmp: TempDir,
}

impl Journal {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("cfg")).unwrap();
        std::fs::write(tmp.path().join("cfg/config.ron"), "()\n").unwrap();
        Journal { tmp }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    fn run(&self, args: &[&str]) -> Out {
        let out = Command::new(BIN)
            .env("TZ", "Europe/Amsterdam")
            .env_remove("RUNAROUND_NOW")
            .env_remove("RUNAROUND_FAULT")
            .env("RUNAROUND_DIR", self.path("data"))
            .env("RUNAROUND_CONFIG", self.path("cfg/config.ron"))
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("xdg-config"))
            .stdin(Stdio::null())
            .args(args)
            .output()
            .unwrap();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.code, 0, "runaround {args:?}: {out:?}");
        out.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    }

    fn new_case(&self, args: &[&str]) -> String {
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        self.ok(&all).trim().to_string()
    }
}

#[test]
fn new_takes_country_customer_fee_and_references_into_json_and_files() {
    let j = Journal::new();
    let id = j.new_case(&[
        "No internet",
        "--org",
        "KPN",
        "--country",
        "nl",
        "--customer",
        "consumer",
        "--fee",
        "49,95",
        "--ref",
        "customer number=123456",
    ]);
    let doc = j.json(&["show", &id, "--json"]);
    assert_eq!(doc["country"], "NL");
    assert_eq!(doc["customer"], "consumer");
    assert_eq!(doc["monthly_fee_minor"], 4995);
    assert_eq!(doc["currency"], "EUR");
    assert_eq!(doc["references"][0]["label"], "customer number");
    assert_eq!(doc["references"][0]["value"], "123456");
    let list = j.json(&["list", "--json"]);
    assert_eq!(list[0]["monthly_fee_minor"], 4995);
    assert_eq!(list[0]["currency"], "EUR");
    let file = std::fs::read_to_string(j.path(&format!("data/cases/{id}.ron"))).unwrap();
    assert!(file.contains("country: \"NL\""), "{file}");
    assert!(file.contains("monthly_fee_minor: 4995"), "{file}");
    let show = j.ok(&["show", &id]);
    assert!(show.contains("monthly fee: € 49,95"), "{show}");
    let md = j.ok(&["export", &id, "--format", "md"]);
    assert!(md.contains("- **Country:** NL"), "{md}");
    assert!(md.contains("- **Monthly fee:** € 49,95"), "{md}");

    // The export imports back as an equal case, terms and all.
    let export = j.ok(&["export", &id, "--format", "json"]);
    let other = Journal::new();
    std::fs::write(other.path("case.json"), &export).unwrap();
    other.ok(&["import", other.path("case.json").to_str().unwrap()]);
    let back = other.json(&["show", &id, "--json"]);
    assert_eq!(back, doc);
}

#[test]
fn a_case_without_terms_keeps_its_file_and_json_as_before() {
    let j = Journal::new();
    let id = j.new_case(&["Plain", "--org", "KPN", "--opened", "2026-03-01 10:00"]);
    let file = std::fs::read_to_string(j.path(&format!("data/cases/{id}.ron"))).unwrap();
    for key in ["country", "customer", "monthly_fee_minor", "currency"] {
        assert!(!file.contains(key), "{key} in {file}");
    }
    let doc = j.json(&["show", &id, "--json"]);
    for key in ["country", "customer", "monthly_fee_minor", "currency"] {
        assert!(doc.get(key).is_none(), "{key} in {doc}");
    }
}

#[test]
fn fees_read_in_the_countrys_currency_and_bad_values_are_usage_errors() {
    let j = Journal::new();
    for (fee, minor) in [("60", 6000), ("60.00", 6000), ("49,95", 4995)] {
        let id = j.new_case(&["x", "--org", "o", "--country", "GB", "--fee", fee]);
        let doc = j.json(&["show", &id, "--json"]);
        assert_eq!(doc["monthly_fee_minor"], minor, "{fee}");
        assert_eq!(doc["currency"], "GBP", "{fee}");
    }
    let before = std::fs::read_dir(j.path("data/cases")).unwrap().count();
    for (args, named) in [
        (vec!["--country", "NL", "--fee", "sixty"], "'sixty'"),
        (vec!["--country", "NLD"], "'NLD'"),
        (vec!["--customer", "person"], "'person'"),
        (vec!["--fee", "60"], "--country"),
        (vec!["--country", "NL", "--ref", "nolabel"], "'nolabel'"),
    ] {
        let mut all = vec!["new", "y", "--org", "o"];
        all.extend(args.iter());
        let out = j.run(&all);
        assert_eq!(out.code, 2, "{all:?}: {out:?}");
        assert!(out.stderr.contains(named), "{all:?}: {}", out.stderr);
    }
    assert_eq!(
        std::fs::read_dir(j.path("data/cases")).unwrap().count(),
        before,
        "nothing was created"
    );
}

#[test]
fn set_changes_fields_references_and_tags_and_prints_the_summary_line() {
    let j = Journal::new();
    let id = j.new_case(&[
        "Phone broken",
        "--org",
        "KPN",
        "--ref",
        "ticket=1",
        "--tag",
        "a",
    ]);
    let line = j.ok(&[
        "set",
        &id,
        "--country",
        "FR",
        "--customer",
        "small-business",
        "--fee",
        "35,50",
        "--title",
        "Phone broken, no loan device",
        "--ref",
        "ticket=",
        "--ref",
        "contract=K-9",
        "--tag",
        "b",
        "--untag",
        "a",
    ]);
    assert_eq!(
        line,
        format!(
            "{id} open KPN · Phone broken, no loan device · FR small-business € 35,50 a month · tags b\n"
        )
    );
    let doc = j.json(&["show", &id, "--json"]);
    assert_eq!(doc["references"].as_array().unwrap().len(), 1);
    assert_eq!(doc["references"][0]["label"], "contract");
    assert_eq!(doc["monthly_fee_minor"], 3550);
    // Moving the case to a country with another currency needs the fee again.
    let file = j.path(&format!("data/cases/{id}.ron"));
    let before = std::fs::read(&file).unwrap();
    let out = j.run(&["set", &id, "--country", "GB"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("--fee"), "{}", out.stderr);
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing changed");
    j.ok(&["set", &id, "--country", "GB", "--fee", "30"]);
    assert_eq!(j.json(&["show", &id, "--json"])["currency"], "GBP");
}

#[test]
fn a_complaint_has_a_channel_and_a_deadlock_outcome() {
    let j = Journal::new();
    let id = j.new_case(&["x", "--org", "BT"]);
    j.ok(&[
        "log",
        &id,
        "complaint",
        "--channel",
        "letter",
        "--at",
        "2026-01-05 10:00",
        "Complaint",
    ]);
    j.ok(&[
        "log",
        &id,
        "complaint",
        "--outcome",
        "deadlock",
        "--at",
        "2026-02-05 10:00",
        "ADR letter",
    ]);
    let doc = j.json(&["show", &id, "--json"]);
    assert_eq!(doc["events"][0]["channel"], "letter");
    assert_eq!(doc["events"][1]["outcome"], "deadlock");
    let out = j.run(&["log", &id, "visit", "--outcome", "deadlock"]);
    assert_eq!(out.code, 2, "{out:?}");
}
