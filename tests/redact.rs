//! `--redact`: no personal value survives in any format, the organisation's numbers stay, and
//! agents get the same pseudonym everywhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use common::now;
use runaround::domain::{Case, Direction, Event, Kind, Reference};
use runaround::export::redact::{Redaction, redact};
use runaround::export::{csv, json, markdown};
use runaround::i18n::Lang;

const PERSONAL: [&str; 10] = [
    "K-20394857",
    "eva.jansen@example.nl",
    "NL91ABNA0417164300",
    "NL91 ABNA 0417 1643 00",
    "06-12345678",
    "0612345678",
    "Sophie",
    "Mark de Boer",
    "Jansen",
    "Dorpsstraat",
];

/// The phone story with personal data everywhere a person might put it.
fn personal_case() -> (Case, Vec<Case>) {
    let mut cases = runaround::demo::cases_in(Lang::En, now()).unwrap();
    let mut case = cases.remove(1);
    case.references.push(Reference {
        label: "customer number".into(),
        value: "K-20394857".into(),
    });
    case.notes = "Eva Jansen, Dorpsstraat 1. Mail eva.jansen@example.nl, mobile 06-12345678.\n\
                  Refund to NL91 ABNA 0417 1643 00 please. Customer K-20394857.\n\
                  They first sent me to 0800-0402 as well."
        .into();
    let calls: Vec<usize> = case
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == Kind::Call)
        .map(|(i, _)| i)
        .collect();
    case.events[calls[1]].agent = "Sophie".into();
    case.events[calls[2]].agent = "Mark de Boer".into();
    case.events[calls[3]].agent = "sophie".into();
    case.events[calls[3]].detail = "Sophie again; she says Mark de Boer was wrong.".into();
    let mut back = Event::new(
        Kind::Call,
        case.events[calls[3]].at + chrono::Duration::minutes(1),
        "KPN rang me back on my mobile",
    );
    back.direction = Some(Direction::In);
    back.number = "0612345678".into();
    back.detail = "IBAN asked: NL91ABNA0417164300".into();
    case.events.push(back);
    let mut complaint = Event::new(
        Kind::Complaint,
        case.events[calls[3]].at + chrono::Duration::minutes(5),
        "Complaint by e-mail from eva.jansen@example.nl",
    );
    complaint.channel = Some(runaround::domain::Channel::Email);
    complaint.r#ref = "T-99812".into();
    case.events.push(complaint);
    case.events.sort_by_key(|e| e.at);
    (case, cases)
}

fn redaction(case: &Case, others: &[Case]) -> Redaction {
    let mut all = others.to_vec();
    all.push(case.clone());
    Redaction::for_organisation(
        &case.organisation,
        &all,
        &["Jansen".to_string(), "Dorpsstraat".to_string()],
    )
}

fn formats(case: &Case) -> Vec<(&'static str, String)> {
    vec![
        ("md", markdown::dossier(case, now(), None)),
        ("json", json::case_json(case, now(), true, None)),
        ("csv", csv::events_csv(case, now()).unwrap()),
    ]
}

#[test]
fn no_personal_value_survives_in_any_format() {
    let _en = Lang::En.scope();
    let (case, others) = personal_case();
    // Without --redact they are all there: the test looks in the right places.
    let plain = formats(&case);
    for value in [
        "K-20394857",
        "eva.jansen@example.nl",
        "Sophie",
        "0612345678",
    ] {
        assert!(plain.iter().any(|(_, t)| t.contains(value)), "{value}");
    }
    let masked = redact(&case, &redaction(&case, &others));
    for (format, text) in formats(&masked) {
        for value in PERSONAL.iter().chain(&["T-99812"]) {
            assert!(
                !text.to_lowercase().contains(&value.to_lowercase()),
                "{format} still shows {value}:\n{text}"
            );
        }
    }
}

#[test]
fn the_organisations_numbers_stay_even_from_its_other_cases() {
    let _en = Lang::En.scope();
    let (case, others) = personal_case();
    let masked = redact(&case, &redaction(&case, &others));
    for (format, text) in formats(&masked) {
        for number in ["1200", "0800-0403", "088-0402"] {
            assert!(text.contains(number), "{format} lost {number}:\n{text}");
        }
    }
    // 0800-0402 was dialled in the other KPN case: in this one's notes it stays too.
    assert!(masked.notes.contains("0800-0402"), "{}", masked.notes);
    // Without that case it is one more number.
    let alone = redact(
        &case,
        &Redaction::for_organisation(&case.organisation, std::slice::from_ref(&case), &[]),
    );
    assert!(!alone.notes.contains("0800-0402"), "{}", alone.notes);
}

#[test]
fn agents_get_consistent_pseudonyms() {
    let (case, others) = personal_case();
    for (lang, a, b) in [
        (Lang::En, "agent A", "agent B"),
        (Lang::Nl, "medewerker A", "medewerker B"),
    ] {
        let _scope = lang.scope();
        let masked = redact(&case, &redaction(&case, &others));
        let agents: Vec<&str> = masked
            .events
            .iter()
            .filter(|e| !e.agent.is_empty())
            .map(|e| e.agent.as_str())
            .collect();
        assert_eq!(agents, [a, b, a], "{lang}");
        let detail = &masked
            .events
            .iter()
            .find(|e| e.detail.contains("again"))
            .unwrap()
            .detail;
        assert_eq!(detail, &format!("{a} again; she says {b} was wrong."));
    }
}

#[test]
fn the_original_case_is_not_changed() {
    let (case, others) = personal_case();
    let before = case.clone();
    let _ = redact(&case, &redaction(&case, &others));
    assert_eq!(case, before);
}

fn runaround(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_runaround"))
        .args([
            "--config",
            dir.join("config.ron").to_str().unwrap(),
            "--now",
            "2026-04-01T10:00",
        ])
        .args(args)
        .env("RUNAROUND_DIR", dir.join("data"))
        .env("RUNAROUND_LANG", "en")
        .env("TZ", "Europe/Amsterdam")
        .output()
        .unwrap()
}

#[test]
fn export_and_letter_redact_every_format_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (case, others) = personal_case();
    let mut doc = serde_json::json!([]);
    for c in others.iter().chain(std::iter::once(&case)) {
        let one: serde_json::Value =
            serde_json::from_str(&json::case_json(c, now(), false, None)).unwrap();
        doc.as_array_mut().unwrap().push(one);
    }
    let file = dir.path().join("journal.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    std::fs::write(
        dir.path().join("config.ron"),
        r#"(sender_name: "Eva Jansen", sender_address: ["Dorpsstraat 1", "1234 AB Utrecht"],
            redact: ["Jansen", "Dorpsstraat"])"#,
    )
    .unwrap();
    let out = runaround(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let id = case.id.as_str();
    let mut runs: Vec<Vec<&str>> = ["md", "json", "csv"]
        .iter()
        .map(|f| vec!["export", id, "--format", f, "--redact"])
        .collect();
    for kind in ["complaint", "reminder", "notice-of-default", "adr"] {
        runs.push(vec!["letter", id, kind, "--redact"]);
    }
    for args in runs {
        let out = runaround(dir.path(), &args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        for value in PERSONAL.iter().chain(&["1234 AB", "Eva"]) {
            assert!(
                !text.to_lowercase().contains(&value.to_lowercase()),
                "{args:?} still shows {value}:\n{text}"
            );
        }
        // The evidence stays where the format quotes the numbers.
        if !["reminder", "notice-of-default"].contains(&args[2]) {
            assert!(text.contains("0800-0403"), "{args:?}:\n{text}");
        }
    }
    // Without --redact, the export shows them (the flag is what masks).
    let out = runaround(dir.path(), &["export", id, "--format", "md"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("K-20394857"));
}
