//! The dossier (SPEC §7) in Markdown and HTML from one model: its sections, in the reader's
//! language; the case's own text escaped in both; each time with its zone; the broken
//! promises listed with who and when; the eligibility checks as warnings; the numbered
//! evidence index; the notes with their line breaks; the digest of the case as exported.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Utc};
use common::journal::Journal;
use runaround::domain::{
    Case, Channel, Country, Currency, Customer, Event, Kind, Outcome, PromiseState,
};
use runaround::export::{html, markdown};
use runaround::i18n::Lang;
use runaround::rules::load::Packs;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let _scope = lang.scope();
    f()
}

const HOSTILE: &str = "*bold* <b>loud</b> `code` [link](http://x.test) _u_ | pipe an_id";
const NOTES: &str = "<script>alert(1)</script> said <i>the agent</i>\n# not a heading\n\
                     - not a list\nline two\n\nA second paragraph";

/// A Dutch phone case: called, sent on, a promise broken and one kept, a written complaint, a
/// reply, an outage from before summer time into it.
fn case() -> Case {
    let mut c = Case::new("phone", HOSTILE, "KPN", t("2026-03-27T10:00:00+01:00"));
    c.country = Some(Country::parse("NL").unwrap());
    c.customer = Some(Customer::SmallBusiness);
    c.monthly_fee_minor = Some(6000);
    c.currency = Some(Currency::Eur);
    c.notes = NOTES.into();
    c.add_event(Event::new(
        Kind::Outage,
        t("2026-03-27T10:00:00+01:00"),
        "dead line",
    ));
    let mut call = Event::new(Kind::Call, t("2026-03-30T17:14:00+02:00"), "<b>call</b>");
    call.number = "0800-0403".into();
    call.hold_seconds = Some(1200);
    call.outcome = Some(Outcome::Transferred);
    c.add_event(call);
    let mut p = Event::new(
        Kind::Promise,
        t("2026-03-30T17:50:00+02:00"),
        "a technician",
    );
    p.agent = "Sanne".into();
    p.due = Some(t("2026-04-01T12:00:00+02:00"));
    p.state = Some(PromiseState::Pending);
    c.add_event(p);
    let mut kept = Event::new(Kind::Promise, t("2026-03-31T09:00:00+02:00"), "a call back");
    kept.agent = "Joris".into();
    kept.state = Some(PromiseState::Kept);
    c.add_event(kept);
    let mut complaint = Event::new(
        Kind::Complaint,
        t("2026-04-03T10:00:00+02:00"),
        "klachtbrief",
    );
    complaint.channel = Some(Channel::Letter);
    c.add_event(complaint);
    let mut reply = Event::new(
        Kind::Message,
        t("2026-04-08T15:30:00+02:00"),
        "we are sorry",
    );
    reply.channel = Some(Channel::Email);
    reply.subject = "Uw klacht".into();
    c.add_event(reply);
    c
}

fn at() -> DateTime<Utc> {
    t("2026-04-20T12:00:00+02:00")
}

fn md(lang: Lang) -> String {
    in_lang(lang, || markdown::dossier(&case(), at(), None))
}

fn page(lang: Lang) -> String {
    in_lang(lang, || {
        html::dossier_with(&case(), at(), None, &Packs::built_in())
    })
}

/// The positions of `needles` in `text`, each found after the one before.
fn in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        let Some(at) = text[from..].find(n) else {
            panic!("{n:?} not found after byte {from} in:\n{text}");
        };
        from += at + n.len();
    }
}

#[test]
fn the_sections_come_in_order_in_both_formats() {
    in_order(
        &md(Lang::En),
        &[
            "# ",
            "- **Organisation:** KPN",
            "## Summary",
            "A complaint against KPN",
            "**Asked for:",
            "## Written complaints and replies",
            "## In figures",
            "## Promises made, kept and broken",
            "### Broken promises",
            "## Eligibility",
            "## Clocks and compensation",
            "## Timeline",
            "## Evidence",
            "## Notes",
            "## Digest",
            "SHA-256: `",
        ],
    );
    in_order(
        &page(Lang::En),
        &[
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<h1>",
            "<dt>Organisation</dt><dd>KPN</dd>",
            "<h2>Summary</h2>",
            "<h2>Written complaints and replies</h2>",
            "<h2>In figures",
            "<h2>Promises made, kept and broken</h2>",
            "<h3>Broken promises</h3>",
            "<h2>Eligibility</h2>",
            "<h3>Clocks and compensation</h3>",
            "<h2>Timeline</h2>",
            "<h2>Evidence</h2>",
            "<h2>Notes</h2>",
            "<h2>Digest</h2>",
            "</html>",
        ],
    );
    in_order(
        &page(Lang::Nl),
        &[
            "<html lang=\"nl\">",
            "<h2>Samenvatting</h2>",
            "<h2>Schriftelijke klachten en reacties</h2>",
            "<h2>Beloften gedaan, nagekomen en gebroken</h2>",
            "<h2>Ontvankelijkheid</h2>",
            "<h2>Tijdlijn</h2>",
            "<h2>Bewijs</h2>",
            "<h2>Controlegetal</h2>",
        ],
    );
}

#[test]
fn what_comes_from_the_user_reads_as_written_never_as_markup() {
    let md = md(Lang::En);
    let title = md.lines().next().unwrap();
    assert_eq!(
        title,
        "# \\*bold\\* &lt;b&gt;loud&lt;/b&gt; \\`code\\` \\[link\\](http://x.test) \\_u\\_ \\| pipe an_id"
    );
    assert!(
        !md.contains("<b>") && !md.contains("<script") && !md.contains("<i>"),
        "{md}"
    );
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
    assert!(md.contains("\\# not a heading"), "{md}");
    assert!(md.contains("\\- not a list"), "{md}");
    assert!(md.contains("&lt;b&gt;call&lt;/b&gt;"), "{md}");

    let h = page(Lang::En);
    assert!(h.contains(
        "<h1>*bold* &lt;b&gt;loud&lt;/b&gt; `code` [link](http://x.test) _u_ | pipe an_id</h1>"
    ));
    assert!(h.contains("<title>*bold* &lt;b&gt;loud&lt;/b&gt;"));
    for bad in ["<b>", "<script", "<i>", "<a ", "href="] {
        assert!(!h.contains(bad), "{bad} in:\n{h}");
    }
    assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_notes_keep_their_line_breaks_and_paragraphs() {
    let md = md(Lang::En);
    assert!(
        md.contains("\\# not a heading\\\n\\- not a list\\\nline two\n\nA second paragraph\n"),
        "{md}"
    );
    let h = page(Lang::En);
    assert!(
        h.contains("\n# not a heading<br>- not a list<br>line two</p>\n<p>A second paragraph</p>")
            || h.contains(
                "<br># not a heading<br>- not a list<br>line two</p>\n<p>A second paragraph</p>"
            ),
        "{h}"
    );
}

#[test]
fn every_time_carries_the_zone_of_the_case_country() {
    let en = md(Lang::En);
    // Before and after the clocks went forward on 29 March 2026.
    assert!(en.contains("| Fri 2026-03-27 10:00 CET | outage |"), "{en}");
    assert!(en.contains("| Mon 2026-03-30 17:14 CEST | call |"), "{en}");
    assert!(
        en.contains("- **Opened:** Fri 2026-03-27 10:00 CET"),
        "{en}"
    );
    let nl = md(Lang::Nl);
    assert!(
        nl.contains("| ma 30 mrt 2026 17:14 CEST | gesprek |"),
        "{nl}"
    );
    let fr = md(Lang::Fr);
    assert!(fr.contains("| lun. 30 mars 2026 17:14 CEST |"), "{fr}");
    // The clocks too.
    assert!(en.contains("Fri 2026-05-01 23:59 CEST"), "{en}");

    // A British case says British time.
    let mut gb = case();
    gb.country = Some(Country::parse("GB").unwrap());
    gb.currency = Some(Currency::Gbp);
    let gb = in_lang(Lang::En, || markdown::dossier(&gb, at(), None));
    assert!(gb.contains("| Mon 2026-03-30 16:14 BST | call |"), "{gb}");
    assert!(gb.contains("| Fri 2026-03-27 09:00 GMT | outage |"), "{gb}");
    assert!(
        gb.contains("Times are the wall clock of GB, with its zone (GMT/BST)."),
        "{gb}"
    );
    assert!(
        en.contains("Times are the wall clock of NL, with its zone (CET/CEST)."),
        "{en}"
    );
}

#[test]
fn the_broken_promises_are_listed_with_who_and_when() {
    let en = md(Lang::En);
    assert!(
        en.contains(
            "- Sanne promised on Mon 2026-03-30 17:50 CEST “a technician”, due Wed 2026-04-01 \
             12:00 CEST: not kept."
        ),
        "{en}"
    );
    assert!(en.contains("2 promises made: 1 kept, 1 broken."), "{en}");
    let row = en.lines().find(|l| l.contains("| Sanne |")).unwrap();
    assert!(
        row.contains("**broken: overdue since Wed 01 Apr**"),
        "{row}"
    );
    assert!(!row.contains("pending"), "{row}");
    // The kept one is not in the list of broken ones.
    let broken = en.split("### Broken promises").nth(1).unwrap();
    let broken = broken.split("\n## ").next().unwrap();
    assert!(!broken.contains("Joris"), "{broken}");

    let nl = md(Lang::Nl);
    assert!(nl.contains("### Gebroken beloften"), "{nl}");
    assert!(
        nl.contains("- Sanne beloofde op ma 30 mrt 2026 17:50 CEST “a technician”"),
        "{nl}"
    );
    let fr = md(Lang::Fr);
    assert!(
        fr.contains("- Sanne a promis le lun. 30 mars 2026 17:50 CEST"),
        "{fr}"
    );

    let h = page(Lang::En);
    assert!(
        h.contains("<td class=\"broken\">broken: overdue since Wed 01 Apr</td>"),
        "{h}"
    );

    // A promise said broken without a due: who and when, no empty due; the department when
    // no agent was named.
    let mut c = case();
    let mut p = Event::new(
        Kind::Promise,
        t("2026-03-31T10:00:00+02:00"),
        "a loan phone",
    );
    p.department = "Zakelijk".into();
    p.state = Some(PromiseState::Broken);
    c.add_event(p);
    let en = in_lang(Lang::En, || markdown::dossier(&c, at(), None));
    assert!(
        en.contains("- Zakelijk promised on Tue 2026-03-31 10:00 CEST “a loan phone”: not kept.\n"),
        "{en}"
    );
    assert!(!en.contains(", due : "), "{en}");
}

#[test]
fn the_evidence_is_numbered_in_each_language() {
    for (lang, first, second) in [
        (Lang::En, "Annex 1", "Annex 2"),
        (Lang::Nl, "Bijlage 1", "Bijlage 2"),
        (Lang::Fr, "Pièce n°\u{a0}1", "Pièce n°\u{a0}2"),
    ] {
        let md = md(lang);
        let index = md
            .split("\n## ")
            .find(|s| s.contains(&format!("| {first} |")))
            .unwrap();
        assert!(index.contains(&format!("| {second} |")), "{index}");
        assert!(!index.contains(&format!("{first}1")), "{index}");
        // The chronology points to them.
        assert!(md.contains(&format!("klachtbrief ({first})")), "{md}");
        assert!(md.contains(&format!("we are sorry ({second})")), "{md}");
        let h = page(lang);
        assert!(
            h.contains(&format!("<td class=\"when\">{first}</td>")),
            "{h}"
        );
        let colon = if lang == Lang::Fr { "\u{a0}:" } else { ":" };
        assert!(md.contains(&format!("){colon} klachtbrief |")), "{md}");
    }
    let en = md(Lang::En);
    assert!(
        en.contains("| Annex 1 | Fri 2026-04-03 10:00 CEST | complaint (letter): klachtbrief |"),
        "{en}"
    );
    assert!(
        en.contains(
            "| Annex 2 | Wed 2026-04-08 15:30 CEST | message (email): Uw klacht — we are sorry |"
        ),
        "{en}"
    );
}

#[test]
fn the_eligibility_checks_warn_and_never_block() {
    let answered = md(Lang::En);
    assert!(
        answered.contains("- ✓ A written complaint was made on Fri 2026-04-03 10:00 CEST."),
        "{answered}"
    );
    assert!(
        answered.contains("- ✓ The company answered ("),
        "{answered}"
    );
    let mut unanswered = case();
    unanswered.events.retain(|e| e.kind != Kind::Message);
    let early = in_lang(Lang::En, || markdown::dossier(&unanswered, at(), None));
    assert!(early.contains("- ⚠ Not yet: "), "{early}");
    assert!(early.contains("until Fri 2026-05-01 23:59 CEST"), "{early}");
    let later = in_lang(Lang::En, || {
        markdown::dossier(&unanswered, t("2026-06-01T12:00:00+02:00"), None)
    });
    assert!(later.contains("- ✓ Waited long enough: "), "{later}");
    assert!(!later.contains("- ⚠ Not yet"), "{later}");
    let mut none = case();
    none.events.retain(|e| e.kind != Kind::Complaint);
    let none = in_lang(Lang::Nl, || markdown::dossier(&none, at(), None));
    assert!(
        none.contains("- ⚠ Er is geen schriftelijke klacht vastgelegd"),
        "{none}"
    );
    // It is still a whole dossier.
    assert!(
        none.contains("## Tijdlijn") && none.contains("## Controlegetal"),
        "{none}"
    );
}

#[test]
fn the_page_is_self_contained_and_made_for_a4() {
    let h = page(Lang::Fr);
    for bad in [
        "<script", "<link", "@import", "src=", "url(", "<iframe", "<img",
    ] {
        assert!(!h.contains(bad), "{bad} in the page");
    }
    for good in [
        "<style>",
        "size: A4",
        "break-before: page",
        "display: table-header-group",
        "break-inside: avoid",
        "<meta charset=\"utf-8\">",
        "<svg",
    ] {
        assert!(h.contains(good), "no {good} in the page");
    }
    // The charts and the map are inline, once each, and escaped.
    assert!(h.matches("<svg").count() >= 2, "{h}");
    assert!(!h.contains("<?xml"));
}

#[test]
fn the_digest_is_of_the_json_as_exported_and_the_command_checks_it() {
    let j = Journal::new();
    let run = |args: &[&str]| {
        let out = j
            .cmd()
            .env("RUNAROUND_LANG", "en")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let new = run(&[
        "new",
        "No",
        "*internet*",
        "--org",
        "KPN",
        "--now",
        "2026-03-30 09:00",
    ]);
    let id = new.trim_end();
    run(&[
        "log",
        id,
        "outage",
        "--at",
        "2026-03-30 09:00",
        "--now",
        "2026-03-30 09:00",
    ]);
    let now = "2026-04-02 12:00";
    let json = run(&["export", id, "--format", "json", "--now", now]);
    let sha = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().unwrap().write_all(json.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let want = String::from_utf8(sha.stdout).unwrap();
    let want = want.split_whitespace().next().unwrap().to_string();
    assert_eq!(want.len(), 64);
    for format in ["md", "html"] {
        let doc = run(&["export", id, "--format", format, "--now", now]);
        assert!(doc.contains(&want), "{format}: no {want} in\n{doc}");
    }
    // The command the dossier gives reproduces the same JSON.
    let md = run(&["export", id, "--format", "md", "--now", now]);
    let line = md.lines().find(|l| l.contains("| sha256sum")).unwrap();
    let args: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(&args[..2], &["runaround", "export"]);
    let pipe = args.iter().position(|a| *a == "|").unwrap();
    assert_eq!(run(&args[1..pipe]), json);
}

#[test]
fn a_case_without_a_country_says_the_local_offset() {
    if !common::in_zone("a_case_without_a_country_says_the_local_offset") {
        return;
    }
    let mut c = case();
    c.country = None;
    let en = in_lang(Lang::En, || markdown::dossier(&c, at(), None));
    assert!(en.contains("| Mon 2026-03-30 17:14 UTC+2 | call |"), "{en}");
    assert!(
        en.contains("| Fri 2026-03-27 10:00 UTC+1 | outage |"),
        "{en}"
    );
    assert!(en.contains("Times are this computer's wall clock"), "{en}");
}
