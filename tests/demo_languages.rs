//! The demo journal in three languages (SPEC §8): the same cases, events, times and counters
//! in English, Dutch and French; only the words differ, and they are the words of the founding
//! stories.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Utc};
use runaround::demo;
use runaround::domain::loops::loops;
use runaround::domain::{Case, Counters, Event};
use runaround::i18n::Lang;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-04-01T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// What an event is, without its words.
fn shape(e: &Event) -> String {
    format!(
        "{} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {} {} {}",
        e.kind,
        e.at,
        e.due,
        e.window_start,
        e.window_end,
        e.outcome,
        e.state,
        e.channel,
        e.direction,
        e.hold_seconds,
        e.talk_seconds,
        e.effective_state(now()),
        e.number,
        e.summary.is_empty(),
        e.detail.is_empty(),
    )
}

fn case_shape(c: &Case) -> Vec<String> {
    let mut out = vec![format!(
        "{} {} {} {:?} {:?} {:?} {:?} {} {}",
        c.id,
        c.organisation,
        c.opened,
        c.status,
        c.country,
        c.customer,
        c.monthly_fee_minor,
        c.tags.len(),
        c.references.len()
    )];
    out.push(format!("{:?}", Counters::of(c, now())));
    out.extend(c.events.iter().map(shape));
    // The same loops: each place in its language, sent to as often.
    out.extend(
        loops(c)
            .iter()
            .map(|l| format!("{:?}", l.as_ref().map(|l| l.times))),
    );
    out
}

#[test]
fn the_three_demos_have_the_same_shape_and_differ_in_words() {
    let en = demo::cases_in(Lang::En, now()).unwrap();
    for lang in [Lang::Nl, Lang::Fr] {
        let told = demo::cases_in(lang, now()).unwrap();
        assert_eq!(told.len(), en.len(), "{lang}");
        for (a, b) in en.iter().zip(&told) {
            assert_eq!(case_shape(a), case_shape(b), "{lang}: {}", a.id);
            assert_ne!(a.title, b.title, "{lang}");
            assert_ne!(a.notes, b.notes, "{lang}");
            for (x, y) in a.events.iter().zip(&b.events) {
                assert_ne!(x.summary, y.summary, "{lang}: not told in {lang}");
                assert!(
                    x.detail.is_empty() || x.detail != y.detail,
                    "{lang}: {}",
                    y.detail
                );
                assert!(
                    x.subject.is_empty() || x.subject != y.subject,
                    "{lang}: {}",
                    y.subject
                );
            }
        }
    }
}

#[test]
fn the_demo_follows_the_language_it_is_asked_in() {
    let titles = |lang: Lang| {
        let _scope = lang.scope();
        demo::cases(now())
            .unwrap()
            .into_iter()
            .map(|c| c.title)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        titles(Lang::En),
        [
            "No internet, TV or phone after moving",
            "Broken phone, loan device never came"
        ]
    );
    assert_eq!(titles(Lang::Nl)[0], "Geen internet na verhuizing");
    assert_eq!(
        titles(Lang::Fr)[1],
        "Téléphone en panne, pas d'appareil de prêt"
    );
}

/// Every text a person wrote in a demo, in one string.
fn all_text(lang: Lang) -> String {
    let mut s = String::new();
    for c in demo::cases_in(lang, now()).unwrap() {
        s.push_str(&format!("{}\n{}\n{}\n", c.title, c.notes, c.tags.join(" ")));
        for e in &c.events {
            for t in [
                &e.summary,
                &e.detail,
                &e.subject,
                &e.department,
                &e.who,
                &e.from,
                &e.to,
            ] {
                s.push_str(t);
                s.push('\n');
            }
        }
    }
    s
}

#[test]
fn the_dutch_and_french_demos_use_the_words_of_their_stories() {
    let nl = all_text(Lang::Nl);
    for w in [
        "van het kastje naar de muur",
        "monteur",
        "storing",
        "klacht",
        "klantenservice",
        "doorgezet",
        "in de wacht",
    ] {
        assert!(nl.contains(w), "no {w:?} in the Dutch demo");
    }
    let fr = all_text(Lang::Fr);
    for w in [
        "service clients",
        "réclamation",
        "appareil de prêt",
        "panne",
        "en attente",
        "rappel",
    ] {
        assert!(fr.contains(w), "no {w:?} in the French demo");
    }
    // French typography: no plain space before a colon, semicolon, question or exclamation
    // mark, nor inside guillemets.
    for bad in [" :", " ;", " ?", " !", "« ", " »"] {
        assert!(!fr.contains(bad), "{bad:?} in the French demo");
    }
}

#[test]
fn no_dutch_or_french_demo_text_quotes_a_year_or_a_month() {
    // The demo is moved forward in time: a date in its text would contradict its times.
    const MONTHS: [&str; 16] = [
        "januari",
        "februari",
        "maart",
        "april",
        "augustus",
        "oktober",
        "janvier",
        "février",
        "mars",
        "avril",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "décembre",
    ];
    for lang in [Lang::Nl, Lang::Fr] {
        let text = all_text(lang).to_lowercase();
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let year = word.len() == 4
                && word.bytes().all(|b| b.is_ascii_digit())
                && (word.starts_with("19") || word.starts_with("20"));
            assert!(!year, "{lang}: a year ({word})");
            assert!(!MONTHS.contains(&word), "{lang}: a month ({word})");
        }
    }
}
