//! The dossier as one model, built from a case, a moment and the rule packs, that the Markdown
//! and the HTML pages render alike: parties and references, a summary with the remedy asked
//! for, the written complaints and the replies, the chronology, the figures, the promises, the
//! clocks and eligibility checks, the estimates, a numbered evidence index, the notes and a
//! digest of the case as exported. Its text is the case's own, unescaped: each renderer escapes.

use chrono::{DateTime, Local, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

use super::text::{amendment_line, counter_labels, deleted_line, earlier_amendments, facets};
use crate::cli::words::loop_flags;
use crate::domain::time::local_minute;
use crate::domain::{Case, Counters, Event, Kind, PromiseState};
use crate::i18n::{fmt, vocab};
use crate::rules::engine::{Report, State, evaluate};
use crate::rules::load::Packs;
use crate::rules::schema::{Calendar, Meaning};
use crate::t;

/// Where the dossier's times are said: the wall clock of the case's country, else this
/// machine's.
#[derive(Clone, Debug, Default)]
pub struct Zone {
    calendar: Option<Calendar>,
}

impl Zone {
    /// The zone of `case`'s country by `packs`, else the local one.
    pub fn of(case: &Case, packs: &Packs) -> Zone {
        Zone {
            calendar: case
                .country
                .and_then(|c| packs.for_country(c))
                .map(|p| p.calendar.clone()),
        }
    }

    /// `t` with its zone, by `pattern`: `ma 30 mrt 2026 17:14 CEST`.
    pub fn at_with(&self, t: DateTime<Utc>, pattern: &str) -> String {
        if let Some(cal) = &self.calendar {
            let offset = cal.offset_at(t);
            let base = i64::from(cal.utc_offset_hours) * 3600;
            let wall = cal.local(t).and_utc();
            format!(
                "{} {}",
                fmt::date(&wall, pattern),
                abbreviation(base, offset)
            )
        } else {
            let local = t.with_timezone(&Local);
            let offset = i64::from(local.offset().local_minus_utc());
            format!("{} {}", fmt::date(&local, pattern), utc_plus(offset))
        }
    }

    /// `t` with its zone, as the dossier writes moments.
    pub fn at(&self, t: DateTime<Utc>) -> String {
        self.at_with(t, t!("export-md-when"))
    }
}

/// The customary name of a European zone, else `UTC+3`.
fn abbreviation(base: i64, offset: i64) -> String {
    let summer = offset != base;
    match (base / 3600, summer) {
        (0, false) => "GMT".into(),
        (0, true) => "BST".into(),
        (1, false) => "CET".into(),
        (1, true) => "CEST".into(),
        (2, false) => "EET".into(),
        (2, true) => "EEST".into(),
        _ => utc_plus(offset),
    }
}

fn utc_plus(offset: i64) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let (h, m) = (offset.abs() / 3600, offset.abs() % 3600 / 60);
    if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    }
}

/// A label and its value, as in the parties' list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub value: String,
    /// An identifier written as code.
    pub code: bool,
}

/// One event of the chronology, or of the complaints and replies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub when: String,
    pub what: String,
    pub details: String,
    /// A loop the event closes ("back to 1200"), said apart.
    pub flag: Option<String>,
    pub summary: String,
    pub detail: String,
    pub amendments: Vec<String>,
    /// The evidence index's label for it ("Annex 2").
    pub annex: Option<String>,
}

/// A promise, who made it and when, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Promise {
    pub made: String,
    pub who: String,
    pub what: String,
    pub due: String,
    pub state: String,
    pub broken: bool,
}

/// An eligibility check: a warning when not `ok`, never a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub ok: bool,
    pub text: String,
}

/// One piece of evidence in the numbered index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceItem {
    /// "Bijlage 1", "Pièce n° 1", "Annex 1".
    pub label: String,
    pub what: String,
    pub when: String,
    /// The file's SHA-256, for an attached file.
    pub sha256: Option<String>,
}

/// An event deleted from the timeline, as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub line: String,
    pub detail: String,
    pub amendments: Vec<String>,
}

/// The dossier of a case as of a moment.
#[derive(Clone, Debug)]
pub struct Dossier {
    pub title: String,
    pub parties: Vec<Item>,
    /// Where the times are said ("CET/CEST, the wall clock of NL").
    pub zone_note: String,
    pub summary: Vec<String>,
    pub remedy: String,
    pub written: Vec<Line>,
    pub figures_as_of: String,
    pub figures: Vec<(String, String)>,
    pub promises: Vec<Promise>,
    pub checks: Vec<Check>,
    pub report: Report,
    pub zone: Zone,
    pub chronology: Vec<Line>,
    pub evidence: Vec<EvidenceItem>,
    pub corrections: Vec<Correction>,
    pub notes: String,
    /// The SHA-256 of the case's JSON as `export --format json` writes it, and how to check it.
    pub digest: String,
    pub digest_how: String,
    pub digest_command: String,
    /// The pictures, as SVG documents (for the HTML page).
    pub map_svg: Option<String>,
    pub charts_svg: Option<String>,
}

/// Whether an event is evidence a dispute body asks for: what was written and received.
fn is_evidence(e: &Event) -> bool {
    matches!(e.kind, Kind::Complaint | Kind::Message)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The SHA-256 of `text`, in lowercase hex.
pub fn sha256_hex(text: &[u8]) -> String {
    Sha256::digest(text)
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            hex.push_str(&format!("{b:02x}"));
            hex
        })
}

impl Dossier {
    /// The dossier of `case` as of `now` by the rules of `packs`; `read_only` says why its
    /// file is read-only.
    #[allow(clippy::too_many_lines)]
    pub fn build(case: &Case, now: DateTime<Utc>, read_only: Option<&str>, packs: &Packs) -> Self {
        let zone = Zone::of(case, packs);
        let report = evaluate(case, packs, now);
        let json =
            crate::cli::json_safe(&(super::json::case_json(case, now, true, read_only) + "\n"));
        let counters = Counters::of(case, now);

        let mut parties = Vec::new();
        let mut item = |label: &str, value: String, code: bool| {
            parties.push(Item {
                label: label.to_string(),
                value,
                code,
            });
        };
        item(
            t!("export-md-organisation"),
            case.organisation.clone(),
            false,
        );
        item(
            t!("export-md-status"),
            vocab::status(case.status).into(),
            false,
        );
        item(t!("export-md-opened"), zone.at(case.opened), false);
        item(t!("export-md-case-id"), case.id.clone(), true);
        if let Some(reason) = read_only {
            item(t!("export-md-read-only"), reason.to_string(), false);
        }
        for r in &case.references {
            item(&r.label, r.value.clone(), false);
        }
        for (label, value) in super::text::terms(case) {
            item(&capitalise(label), value, false);
        }
        if !case.tags.is_empty() {
            item(t!("export-md-tags"), case.tags.join(", "), false);
        }

        // The evidence index numbers the events that are evidence, in time order.
        let mut evidence = Vec::new();
        let mut annexes = Vec::with_capacity(case.events.len());
        for e in &case.events {
            if is_evidence(e) {
                let n = evidence.len() + 1;
                let label = t!("dossier-annex", n = n);
                let mut what = vocab::kind(e.kind).to_string();
                let said = [e.subject.as_str(), e.summary.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" — ");
                if let Some(c) = e.channel {
                    what.push_str(&format!(" ({})", vocab::channel(c)));
                }
                if !said.is_empty() {
                    what = t!("dossier-evidence-what", what = what, said = said);
                }
                evidence.push(EvidenceItem {
                    label: label.clone(),
                    what,
                    when: zone.at(e.at),
                    sha256: None,
                });
                annexes.push(Some(label));
            } else {
                annexes.push(None);
            }
        }

        // Then the attached files, numbered on, each with its hash and its name in the bundle
        // that `export --format dir` writes.
        for (i, a) in super::attachments::listed(case).into_iter().enumerate() {
            let n = evidence.len() + 1;
            evidence.push(EvidenceItem {
                label: t!("dossier-annex", n = n),
                what: t!(
                    "dossier-evidence-file",
                    title = a.title(),
                    file = crate::storage::attachments::bundle_name(i + 1, a)
                ),
                when: zone.at(a.added),
                sha256: Some(a.sha256.clone()),
            });
        }

        let line = |e: &Event, flag: Option<String>, annex: Option<String>| Line {
            when: zone.at(e.at),
            what: vocab::kind(e.kind).to_string(),
            details: facets(e, now).join(" · "),
            flag,
            summary: e.summary.clone(),
            detail: e.detail.clone(),
            amendments: e.amendments.iter().map(amendment_line).collect(),
            annex,
        };
        let chronology: Vec<Line> = case
            .events
            .iter()
            .zip(loop_flags(case))
            .zip(annexes.iter().cloned())
            .map(|((e, flag), annex)| line(e, flag, annex))
            .collect();
        let written: Vec<Line> = case
            .events
            .iter()
            .zip(&chronology)
            .filter(|(e, _)| is_evidence(e))
            .map(|(_, l)| l.clone())
            .collect();

        let promises: Vec<Promise> = case
            .events
            .iter()
            .filter(|e| e.kind == Kind::Promise)
            .map(|e| Promise {
                made: zone.at(e.at),
                who: if e.agent.is_empty() {
                    e.department.clone()
                } else {
                    e.agent.clone()
                },
                what: e.summary.clone(),
                due: e.due.map(|d| zone.at(d)).unwrap_or_default(),
                state: super::text::promise_state(e, now),
                broken: e.effective_state(now).or(e.state) == Some(PromiseState::Broken),
            })
            .collect();

        let checks = checks(case, &report, &zone, now);

        let mut summary = vec![t!(
            "dossier-summary-case",
            org = case.organisation.as_str(),
            since = zone.at(case.opened),
            status = vocab::status(case.status)
        )];
        summary.push(t!(
            "dossier-summary-figures",
            calls = counters.calls,
            redirects = counters.redirects,
            broken = counters.promises_broken,
            days = counters.days_without_service
        ));
        let remedy = match report.currency {
            Some(cur) if report.total_minor > 0 => t!(
                "dossier-remedy-money",
                total = fmt::money(report.total_minor, cur)
            ),
            _ => t!("dossier-remedy").to_string(),
        };

        let corrections = case
            .deleted_events
            .iter()
            .map(|e| Correction {
                line: deleted_line(e, now),
                detail: e.detail.clone(),
                amendments: earlier_amendments(e).iter().map(amendment_line).collect(),
            })
            .collect();

        let zone_note = match (&zone.calendar, case.country) {
            (Some(cal), Some(c)) => {
                let base = i64::from(cal.utc_offset_hours) * 3600;
                let mut zones = abbreviation(base, base);
                if cal.summer_time {
                    zones = format!("{zones}/{}", abbreviation(base, base + 3600));
                }
                t!("dossier-zone-country", country = c.as_str(), zones = zones)
            }
            _ => t!("dossier-zone-local").to_string(),
        };
        let digest = sha256_hex(json.as_bytes());
        let digest_how = t!("dossier-digest-how").to_string();
        let digest_command = format!(
            "runaround export {} --format json --now {} | sha256sum",
            case.id,
            now.to_rfc3339_opts(SecondsFormat::Secs, true)
        );
        let pictures = !case.events.is_empty();
        Dossier {
            title: case.title.clone(),
            parties,
            zone_note,
            summary,
            remedy,
            written,
            figures_as_of: local_minute(now),
            figures: counter_labels(&counters)
                .into_iter()
                .map(|(l, v)| (capitalise(l), v))
                .collect(),
            promises,
            checks,
            report,
            zone,
            chronology,
            evidence,
            corrections,
            notes: case.notes.trim_end().to_string(),
            digest,
            digest_how,
            digest_command,
            map_svg: pictures.then(|| super::svg::map_svg(case)),
            charts_svg: pictures.then(|| super::svg::charts_svg(case, now)),
        }
    }

    /// How many promises were made, kept and broken.
    pub fn promise_counts(&self) -> (usize, usize, usize) {
        let broken = self.promises.iter().filter(|p| p.broken).count();
        let kept = self
            .promises
            .iter()
            .filter(|p| !p.broken && p.state == vocab::promise_state(PromiseState::Kept))
            .count();
        (self.promises.len(), kept, broken)
    }
}

/// The eligibility checks the dispute bodies make: a written complaint first, waited long
/// enough, within the filing window.
fn checks(case: &Case, report: &Report, zone: &Zone, now: DateTime<Utc>) -> Vec<Check> {
    let mut out = Vec::new();
    let written = case
        .events
        .iter()
        .filter(|e| e.kind == Kind::Complaint && e.at <= now)
        .find(|e| e.channel.is_none_or(crate::domain::Channel::written));
    out.push(match written {
        Some(e) => Check {
            ok: true,
            text: t!("dossier-check-complaint", when = zone.at(e.at)),
        },
        None => Check {
            ok: false,
            text: t!("dossier-check-no-complaint").to_string(),
        },
    });
    for c in &report.clocks {
        let due = zone.at(c.due);
        let rule = super::escalation::title(&c.titles, &c.rule);
        let (ok, text) = match c.meaning {
            // The company's term to answer: a dispute body takes the case once it has
            // answered (and the answer did not settle it) or its term ran out.
            Meaning::ReplyDue if c.state == State::Done => {
                (true, t!("dossier-check-answered", rule = rule))
            }
            Meaning::Earliest | Meaning::ReplyDue if now >= c.due => (
                true,
                t!("dossier-check-waited", rule = rule, due = due.as_str()),
            ),
            Meaning::Earliest | Meaning::ReplyDue => (
                false,
                t!("dossier-check-wait", rule = rule, due = due.as_str()),
            ),
            Meaning::Latest if now <= c.due => (
                true,
                t!("dossier-check-in-window", rule = rule, due = due.as_str()),
            ),
            Meaning::Latest => (
                false,
                t!(
                    "dossier-check-window-closed",
                    rule = rule,
                    due = due.as_str()
                ),
            ),
            Meaning::ClaimBy => continue,
        };
        out.push(Check { ok, text });
    }
    out
}
