//! The exports in the reader's language (SPEC §8): the Markdown dossier, the `show` report and
//! the CSV header say their words, dates and money in Dutch and French; English stays as it
//! was; the CSV keeps its columns and stored values in every language.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Utc};
use common::in_zone;
use runaround::domain::{
    ActiveCall, Case, Country, Currency, Customer, Event, Kind, Outcome, Phase, PromiseState,
    Segment,
};
use runaround::export::{csv, markdown, text};
use runaround::i18n::Lang;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A small business's broken phone, sent from 1200 to 0800-0403 and back, on Monday 30 March
/// 2026.
fn case() -> Case {
    let mut c = Case::new(
        "phone",
        "Téléphone en panne",
        "KPN",
        t("2026-03-30T17:14:00+02:00"),
    );
    c.country = Some(Country::parse("NL").unwrap());
    c.customer = Some(Customer::SmallBusiness);
    c.monthly_fee_minor = Some(6000);
    c.currency = Some(Currency::Eur);
    let mut call = Event::new(Kind::Call, t("2026-03-30T17:14:00+02:00"), "");
    call.number = "0800-0403".into();
    call.hold_seconds = Some(1200);
    call.talk_seconds = Some(480);
    call.outcome = Some(Outcome::Transferred);
    c.add_event(call);
    let mut r = Event::new(Kind::Redirect, t("2026-03-30T17:36:00+02:00"), "");
    r.from = "0800-0403".into();
    r.to = "1200".into();
    c.add_event(r);
    let mut r = Event::new(Kind::Redirect, t("2026-03-30T17:40:00+02:00"), "");
    r.from = "1200".into();
    r.to = "088-0402".into();
    c.add_event(r);
    let mut p = Event::new(Kind::Promise, t("2026-03-30T17:50:00+02:00"), "");
    p.due = Some(t("2026-04-01T12:00:00+02:00"));
    p.state = Some(PromiseState::Pending);
    c.add_event(p);
    c
}

fn now() -> DateTime<Utc> {
    t("2026-04-03T10:00:00+02:00")
}

fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let _scope = lang.scope();
    f()
}

fn assert_has(text: &str, words: &[&str]) {
    for w in words {
        assert!(text.contains(w), "no {w:?} in:\n{text}");
    }
}

#[test]
fn the_dossier_speaks_dutch_and_french_with_their_dates_and_money() {
    if !in_zone("the_dossier_speaks_dutch_and_french_with_their_dates_and_money") {
        return;
    }
    let c = case();
    let nl = in_lang(Lang::Nl, || markdown::dossier(&c, now(), None));
    assert_has(
        &nl,
        &[
            "- **Organisatie:** KPN",
            "- **Geopend:** ma 30 mrt 2026 17:14",
            "- **Maandbedrag:** € 60,00",
            "- **Klant:** kleinzakelijk",
            "## In cijfers (stand van 2026-04-03 10:00)",
            "| Doorverwijzingen | 2 |",
            "| Beloften gebroken | 1 |",
            "## Tijdlijn",
            "| Wanneer | Wat | Details | Samenvatting |",
            "| ma 30 mrt 2026 17:36 CEST | doorverwijzing | 0800-0403 → 1200 |",
            "wacht 20m · gesproken 8m · doorgezet",
            "gebroken: verlopen sinds wo 1 apr",
        ],
    );
    let fr = in_lang(Lang::Fr, || markdown::dossier(&c, now(), None));
    assert_has(
        &fr,
        &[
            "- **Organisation\u{a0}:** KPN",
            "- **Ouvert le\u{a0}:** lun. 30 mars 2026 17:14",
            "- **Mensualité\u{a0}:** 60,00\u{a0}€",
            "- **Client\u{a0}:** petite entreprise",
            "| Redirections | 2 |",
            "| Promesses non tenues | 1 |",
            "## Chronologie",
            "| Quand | Quoi | Détails | Résumé |",
            "| lun. 30 mars 2026 17:36 CEST | redirection | 0800-0403 → 1200 |",
            "attente 20m · en ligne 8m · transféré",
            "non tenue\u{a0}: échue depuis le mer. 1 avr.",
        ],
    );
    for english in [
        "Timeline",
        "Monthly fee",
        "Redirects",
        "transferred",
        "Mon ",
    ] {
        assert!(!nl.contains(english), "{english} in Dutch:\n{nl}");
        assert!(!fr.contains(english), "{english} in French:\n{fr}");
    }
    // English is as it always was.
    let en = in_lang(Lang::En, || markdown::dossier(&c, now(), None));
    assert_has(
        &en,
        &[
            "- **Opened:** Mon 2026-03-30 17:14",
            "- **Monthly fee:** €60.00",
            "| Redirects | 2 |",
            "## Timeline",
            "| Mon 2026-03-30 17:36 CEST | redirect | 0800-0403 → 1200 |",
            "hold 20m · talk 8m · transferred",
            "broken: overdue since Wed 01 Apr",
        ],
    );
}

#[test]
fn the_csv_header_is_said_in_the_language_and_keeps_its_columns_and_values() {
    let c = case();
    let rows = |lang| {
        in_lang(lang, || csv::events_csv(&c, now()).unwrap())
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (en, nl, fr) = (rows(Lang::En), rows(Lang::Nl), rows(Lang::Fr));
    assert!(
        en[0].starts_with("at,kind,summary,detail,number,"),
        "{}",
        en[0]
    );
    assert!(en[0].ends_with(",window_start,window_end,effective_state"));
    assert!(nl[0].starts_with("tijdstip,soort,samenvatting,toelichting,nummer,"));
    assert!(nl[0].contains(",in de wacht (seconden),"), "{}", nl[0]);
    assert!(
        fr[0].starts_with("date,type,résumé,détail,numéro,"),
        "{}",
        fr[0]
    );
    let columns = |row: &str| row.split(',').count();
    assert_eq!(columns(&nl[0]), columns(&en[0]));
    assert_eq!(columns(&fr[0]), columns(&en[0]));
    // The values keep their stored words.
    assert_eq!(en[1..], nl[1..]);
    assert_eq!(en[1..], fr[1..]);
    assert!(nl[1].contains(",transferred,"), "{}", nl[1]);
}

#[test]
fn show_counts_the_transfers_of_a_running_call_with_plurals() {
    let mut c = case();
    let said = |c: &Case, lang| in_lang(lang, || text::show(c, now(), None));
    for (transfers, en, nl, fr) in [
        (1, "1 transfer\n", "1 keer doorgezet\n", "1 transfert\n"),
        (2, "2 transfers\n", "2 keer doorgezet\n", "2 transferts\n"),
    ] {
        c.active_call = Some(ActiveCall {
            number: "1200".into(),
            department: String::new(),
            agent: String::new(),
            segments: vec![Segment {
                phase: Phase::Hold,
                from: t("2026-04-03T09:40:00+02:00"),
            }],
            transfers,
            place: String::new(),
        });
        assert_has(&said(&c, Lang::En), &["call in progress to 1200", en]);
        assert_has(&said(&c, Lang::Nl), &["gesprek loopt met 1200", nl]);
        assert_has(&said(&c, Lang::Fr), &["appel en cours vers 1200", fr]);
    }
    let nl = said(&c, Lang::Nl);
    assert_has(&nl, &["tijdlijn\n", "maandbedrag: € 60,00\n", "stand van "]);
}

#[test]
fn the_dossier_gives_the_clocks_and_estimates_in_the_language_and_says_they_are_not_advice() {
    if !in_zone(
        "the_dossier_gives_the_clocks_and_estimates_in_the_language_and_says_they_are_not_advice",
    ) {
        return;
    }
    let mut c = case();
    c.customer = Some(Customer::Consumer);
    c.add_event(Event::new(Kind::Outage, t("2026-03-30T09:00:00+02:00"), ""));
    c.add_event(Event::new(
        Kind::Restored,
        t("2026-04-02T18:00:00+02:00"),
        "",
    ));
    let mut complaint = Event::new(Kind::Complaint, t("2026-04-03T10:00:00+02:00"), "");
    complaint.channel = Some(runaround::domain::Channel::Letter);
    c.add_event(complaint);
    let at = t("2026-04-20T12:00:00+02:00");
    let nl = in_lang(Lang::Nl, || markdown::dossier(&c, at, None));
    assert_has(
        &nl,
        &[
            "## Termijnen en vergoeding",
            "geen juridisch advies",
            "| Termijn | Betekent | Vanaf | Uiterlijk | Stand | Bron |",
            "| Reactie op de schriftelijke klacht | antwoord vóór | vr 3 apr 2026 10:00 CEST | vr 1 mei 2026 23:59 CEST | loopt | geverifieerd: ",
            "| Vergoeding | Schatting | Uitbetaald | Bron |",
            "| € 8,00 | op verzoek |",
            "**Minstens € 8,00 in totaal** (een schatting).",
        ],
    );
    let fr = in_lang(Lang::Fr, || markdown::dossier(&c, at, None));
    assert_has(
        &fr,
        &[
            "## Délais et indemnités",
            "ce n’est pas un conseil juridique",
            "| Réponse à la réclamation écrite | réponse avant | ven. 3 avr. 2026 10:00 CEST | ven. 1 mai 2026 23:59 CEST | en cours | vérifié\u{a0}: ",
            "| Indemnité | Estimation | Versée | Source |",
            "| 8,00\u{a0}€ | sur demande |",
            "**Au moins 8,00\u{a0}€ au total** (une estimation).",
        ],
    );
    let en = in_lang(Lang::En, || markdown::dossier(&c, at, None));
    assert_has(
        &en,
        &[
            "## Clocks and compensation",
            "Estimates from the rule packs, each with how sure its sources are; not legal advice.",
            "| €8.00 | on request |",
            "**At least €8.00 in all** (an estimate).",
        ],
    );
    // A case the rules say nothing of has no such section.
    let quiet = in_lang(Lang::Nl, || markdown::dossier(&case(), now(), None));
    assert!(!quiet.contains("Termijnen"), "{quiet}");
}
