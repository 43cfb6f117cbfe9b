//! The letters of `runaround letter`: both demo stories in every kind and language (snapshots),
//! their country's shape, the clocks' dates, the sender from the config, the user's templates.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use common::{in_zone, now};
use runaround::domain::{Case, Channel, Event, Kind};
use runaround::i18n::Lang;
use runaround::letters::{LetterError, LetterKind, Sender, render};
use runaround::rules::engine::evaluate;
use runaround::rules::load::Packs;
use runaround::rules::schema::Meaning;

fn sender() -> Sender {
    Sender {
        name: "Eva Jansen".into(),
        address: vec!["Dorpsstraat 1".into(), "1234 AB Utrecht".into()],
    }
}

fn letter(case: &Case, kind: LetterKind) -> String {
    render(case, kind, &sender(), &Packs::built_in(), None, now()).unwrap()
}

fn demo(lang: Lang) -> Vec<Case> {
    runaround::demo::cases_in(lang, now()).unwrap()
}

#[test]
fn every_letter_of_both_stories_in_every_language() {
    if !in_zone("every_letter_of_both_stories_in_every_language") {
        return;
    }
    for lang in Lang::ALL {
        let _scope = lang.scope();
        for case in demo(lang) {
            for kind in LetterKind::ALL {
                let text = letter(&case, kind);
                insta::assert_snapshot!(
                    format!("{}_{}_{}", lang.code(), case.id, kind.as_str()),
                    text
                );
            }
        }
    }
}

#[test]
fn the_dutch_complaint_is_a_klachtbrief_with_the_cases_facts() {
    if !in_zone("the_dutch_complaint_is_a_klachtbrief_with_the_cases_facts") {
        return;
    }
    let _nl = Lang::Nl.scope();
    let case = demo(Lang::Nl).remove(0);
    let text = letter(&case, LetterKind::Complaint);
    let order = [
        "Eva Jansen",
        "Onderwerp:",
        "Wat is het probleem?",
        "Sinds ",
        "keer gebeld",
        "van het kastje naar de muur",
        "niet nagekomen",
        "Hoe is dit geregeld?",
        "Wat verwacht ik van u?",
        "uiterlijk",
        "Biedt u geen oplossing?",
        "Geschillencommissie",
    ];
    let mut at = 0;
    for part in order {
        let found = text[at..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} missing after byte {at}:\n{text}"));
        at += found + part.len();
    }
    // Its facts: the numbers dialled, the redirect, the broken promise's who.
    for fact in [
        "0800-0402",
        "0800-0403",
        "KPN klantenservice",
        "24 tot 48 uur",
    ] {
        assert!(text.contains(fact), "{fact}:\n{text}");
    }
    // Money by the Dutch rules of writing it.
    assert!(text.contains("€ "), "{text}");
    // The law the claim rests on, in Dutch too.
    assert!(
        text.contains("art. 7.1a Telecommunicatiewet; art. 3.15 RUDE (het minimum van € 1 komt uit een secundaire bron)"),
        "{text}"
    );
    assert!(!text.contains("secondary"), "{text}");
}

/// The next step's date is the clock a written complaint sent today starts.
#[test]
fn the_complaint_ends_with_the_next_step_on_the_clocks_date() {
    if !in_zone("the_complaint_ends_with_the_next_step_on_the_clocks_date") {
        return;
    }
    let _en = Lang::En.scope();
    let case = demo(Lang::En).remove(0);
    let mut sent = case.clone();
    let mut e = Event::new(Kind::Complaint, now(), "sent");
    e.channel = Some(Channel::Letter);
    sent.events.push(e);
    let report = evaluate(&sent, &Packs::built_in(), now());
    let earliest = report
        .clocks
        .iter()
        .filter(|c| c.meaning == Meaning::Earliest)
        .map(|c| c.due)
        .min()
        .expect("a written complaint starts an NL clock");
    let day = runaround::i18n::fmt::day(
        earliest.with_timezone(&chrono::Local).date_naive(),
        "%-d %B %Y",
    );
    let text = letter(&case, LetterKind::Complaint);
    let last = text
        .split("If you offer no solution")
        .nth(1)
        .expect("the next step");
    assert!(last.contains(&day), "{day}:\n{last}");
    assert!(last.contains("Geschillencommissie"), "{last}");
}

#[test]
fn a_notice_of_default_names_its_final_term() {
    if !in_zone("a_notice_of_default_names_its_final_term") {
        return;
    }
    let term = now() + chrono::Duration::days(14);
    for (lang, words) in [
        (Lang::En, "notice of default"),
        (Lang::Nl, "in gebreke"),
        (Lang::Fr, "mets en demeure"),
    ] {
        let _scope = lang.scope();
        let day =
            runaround::i18n::fmt::day(term.with_timezone(&chrono::Local).date_naive(), "%-d %B %Y");
        let text = letter(&demo(lang).remove(1), LetterKind::NoticeOfDefault);
        assert!(text.contains(words), "{lang}: {text}");
        assert!(text.contains("14"), "{lang}: {text}");
        assert!(text.contains(&day), "{lang} {day}: {text}");
    }
}

#[test]
fn a_reminder_quotes_the_broken_promises_with_who_and_when() {
    if !in_zone("a_reminder_quotes_the_broken_promises_with_who_and_when") {
        return;
    }
    let _en = Lang::En.scope();
    let case = demo(Lang::En).remove(1);
    let text = letter(&case, LetterKind::Reminder);
    assert!(
        text.contains("KPN Business customer service: \"All is on track"),
        "{text}"
    );
    assert!(text.contains("27 March 2026 09:52"), "{text}");
}

#[test]
fn without_a_sender_there_is_no_letter_and_the_error_names_the_key() {
    let _en = Lang::En.scope();
    let case = demo(Lang::En).remove(0);
    let none = Sender::default();
    let e = render(
        &case,
        LetterKind::Complaint,
        &none,
        &Packs::built_in(),
        None,
        now(),
    )
    .unwrap_err();
    assert_eq!(e, LetterError::Missing("sender_name"));
    let named = Sender {
        name: "Eva".into(),
        address: Vec::new(),
    };
    let e = render(
        &case,
        LetterKind::Adr,
        &named,
        &Packs::built_in(),
        None,
        now(),
    )
    .unwrap_err();
    let message = e.message(Some(std::path::Path::new("/cfg/config.ron")));
    assert!(message.contains("sender_address"), "{message}");
    assert!(message.contains("/cfg/config.ron"), "{message}");
}

#[test]
fn a_template_of_the_users_own_replaces_the_built_in_one() {
    let _en = Lang::En.scope();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("en")).unwrap();
    std::fs::write(
        dir.path().join("en/reminder.txt"),
        "To {{ organisation }} from {{ sender_name }}: {{ calls }} calls.\n",
    )
    .unwrap();
    let case = demo(Lang::En).remove(1);
    let packs = Packs::built_in();
    let own = render(
        &case,
        LetterKind::Reminder,
        &sender(),
        &packs,
        Some(dir.path()),
        now(),
    )
    .unwrap();
    assert_eq!(own, "To KPN from Eva Jansen: 6 calls.\n");
    // The other kinds keep the built-in ones.
    let built_in = render(
        &case,
        LetterKind::Complaint,
        &sender(),
        &packs,
        Some(dir.path()),
        now(),
    )
    .unwrap();
    assert!(built_in.contains("written complaint"), "{built_in}");
    // A broken template is an error naming it.
    std::fs::write(dir.path().join("en/adr.txt"), "{% if %}").unwrap();
    let e = render(
        &case,
        LetterKind::Adr,
        &sender(),
        &packs,
        Some(dir.path()),
        now(),
    )
    .unwrap_err();
    assert!(e.message(None).contains("adr.txt"), "{}", e.message(None));
}

fn runaround(
    dir: &std::path::Path,
    config: &std::path::Path,
    args: &[&str],
) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_runaround"))
        .args([
            "--config",
            config.to_str().unwrap(),
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
fn the_letter_command_writes_a_file_and_refuses_without_a_sender() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("demo.json");
    std::fs::write(&journal, runaround::demo::DEMO_JSON).unwrap();
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, "()").unwrap();
    let out = runaround(dir.path(), &empty, &["import", journal.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let file = dir.path().join("letter.txt");
    let out = runaround(
        dir.path(),
        &empty,
        &[
            "letter",
            "kpn-internet",
            "complaint",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("sender_name") && err.contains("empty.ron"),
        "{err}"
    );
    assert!(!file.exists(), "nothing is written without a sender");

    let config = dir.path().join("config.ron");
    std::fs::write(
        &config,
        r#"(sender_name: "Eva Jansen", sender_address: ["Dorpsstraat 1", "1234 AB Utrecht"])"#,
    )
    .unwrap();
    let out = runaround(
        dir.path(),
        &config,
        &[
            "letter",
            "kpn-internet",
            "notice-of-default",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("Eva Jansen\nDorpsstraat 1\n"), "{text}");
    assert!(text.contains("notice of default"), "{text}");
    // A template beside the config file wins.
    std::fs::create_dir_all(dir.path().join("letters/nl")).unwrap();
    std::fs::write(
        dir.path().join("letters/nl/adr.txt"),
        "Eigen: {{ adr_body }}\n",
    )
    .unwrap();
    let out = runaround(
        dir.path(),
        &config,
        &["--lang", "nl", "letter", "kpn-internet", "adr"],
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Eigen: de Geschillencommissie Telecommunicatie\n"
    );
}
