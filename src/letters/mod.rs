//! Letters filled from a case (`runaround letter CASE KIND`): the formal complaint, a reminder
//! of broken promises, the notice of default (ingebrekestelling, mise en demeure) and the
//! referral to the dispute body. The facts, dates and money are worded here in the current
//! language; the shape of each letter is a template (`assets/letters/LANG/KIND.txt`, rendered
//! with minijinja) that a user can replace with a file of their own in `letters/LANG/` beside
//! the config file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Local, Utc};
use serde::Serialize;

use crate::cli::escalation::{duration_words, title};
use crate::domain::{Case, Channel, Counters, Event, Kind, Outcome, PromiseState};
use crate::i18n::{Lang, fmt};
use crate::rules::engine::{self, Report, State};
use crate::rules::load::Packs;
use crate::rules::schema::Meaning;
use crate::t;

/// The kinds of letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LetterKind {
    Complaint,
    Reminder,
    NoticeOfDefault,
    Adr,
}

impl LetterKind {
    pub const ALL: [LetterKind; 4] = [
        LetterKind::Complaint,
        LetterKind::Reminder,
        LetterKind::NoticeOfDefault,
        LetterKind::Adr,
    ];

    /// The word on the command line and in template file names.
    pub fn as_str(self) -> &'static str {
        match self {
            LetterKind::Complaint => "complaint",
            LetterKind::Reminder => "reminder",
            LetterKind::NoticeOfDefault => "notice-of-default",
            LetterKind::Adr => "adr",
        }
    }

    fn built_in(self, lang: Lang) -> &'static str {
        use LetterKind::{Adr, Complaint, NoticeOfDefault, Reminder};
        match (lang, self) {
            (Lang::En, Complaint) => include_str!("../../assets/letters/en/complaint.txt"),
            (Lang::En, Reminder) => include_str!("../../assets/letters/en/reminder.txt"),
            (Lang::En, NoticeOfDefault) => {
                include_str!("../../assets/letters/en/notice-of-default.txt")
            }
            (Lang::En, Adr) => include_str!("../../assets/letters/en/adr.txt"),
            (Lang::Nl, Complaint) => include_str!("../../assets/letters/nl/complaint.txt"),
            (Lang::Nl, Reminder) => include_str!("../../assets/letters/nl/reminder.txt"),
            (Lang::Nl, NoticeOfDefault) => {
                include_str!("../../assets/letters/nl/notice-of-default.txt")
            }
            (Lang::Nl, Adr) => include_str!("../../assets/letters/nl/adr.txt"),
            (Lang::Fr, Complaint) => include_str!("../../assets/letters/fr/complaint.txt"),
            (Lang::Fr, Reminder) => include_str!("../../assets/letters/fr/reminder.txt"),
            (Lang::Fr, NoticeOfDefault) => {
                include_str!("../../assets/letters/fr/notice-of-default.txt")
            }
            (Lang::Fr, Adr) => include_str!("../../assets/letters/fr/adr.txt"),
        }
    }
}

/// Who signs: from the config's `sender_name` and `sender_address`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sender {
    pub name: String,
    pub address: Vec<String>,
}

/// Why no letter was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterError {
    /// A config key the letter needs is not set: the key.
    Missing(&'static str),
    /// A template that does not render: which one, and why.
    Template { name: String, problem: String },
}

impl LetterError {
    /// The message, naming the config file when there is one.
    pub fn message(&self, config: Option<&Path>) -> String {
        let file = config.map_or_else(
            || t!("letters-the-config-file").to_string(),
            |p| p.display().to_string(),
        );
        match self {
            LetterError::Missing("sender_name") => {
                t!("letters-no-sender-name", key = "sender_name", file = file)
            }
            LetterError::Missing(key) => t!("letters-no-sender-address", key = *key, file = file),
            LetterError::Template { name, problem } => t!(
                "letters-bad-template",
                name = name.as_str(),
                problem = problem.as_str()
            ),
        }
    }
}

/// The directory of the user's own templates: `letters/` beside the config file in use.
pub fn user_dir(config: Option<&Path>) -> Option<PathBuf> {
    let file = config
        .map(Path::to_path_buf)
        .or_else(crate::config::Config::default_path)?;
    Some(file.parent().unwrap_or(Path::new(".")).join("letters"))
}

/// A day as a letter writes it: `16 August 2013`, `16 augustus 2013`, `1er avril 2026`.
fn day(t: DateTime<Utc>) -> String {
    first_of_month(
        t,
        fmt::day(t.with_timezone(&Local).date_naive(), "%-d %B %Y"),
    )
}

/// A moment as a letter writes it: `16 August 2013 18:10`.
fn moment(t: DateTime<Utc>) -> String {
    first_of_month(t, fmt::date(&t.with_timezone(&Local), "%-d %B %Y %H:%M"))
}

/// French writes the first of the month as an ordinal: `1er avril`.
fn first_of_month(t: DateTime<Utc>, text: String) -> String {
    use chrono::Datelike;
    match text.strip_prefix("1 ") {
        Some(rest) if Lang::current() == Lang::Fr && t.with_timezone(&Local).day() == 1 => {
            format!("1er {rest}")
        }
        _ => text,
    }
}

#[derive(Serialize)]
struct Promise {
    what: String,
    who: String,
    made: String,
    due: String,
}

/// What a template is given: the case's facts, worded.
#[derive(Serialize)]
#[allow(clippy::struct_excessive_bools)]
struct Context {
    sender_name: String,
    sender_address: Vec<String>,
    organisation: String,
    date: String,
    subject: String,
    case_id: String,
    references: Vec<String>,
    outage_since: String,
    still_out: bool,
    out_for: String,
    calls: u32,
    hold: String,
    longest_hold: String,
    call_lines: Vec<String>,
    redirects: Vec<String>,
    broken_promises: Vec<Promise>,
    pending_promises: Vec<Promise>,
    no_shows: Vec<String>,
    visits_failed: u32,
    rules: Vec<String>,
    compensation: Vec<String>,
    total: String,
    complaint_date: String,
    complaint_sent: bool,
    reply_by: String,
    term_days: i64,
    term_date: String,
    adr_body: String,
    adr_addressee: String,
    adr_from: String,
    adr_until: String,
    waited_enough: bool,
    within_window: bool,
    not_advice: String,
}

/// The first written complaint of the case, if any.
fn written_complaint(case: &Case) -> Option<&Event> {
    case.events
        .iter()
        .find(|e| e.kind == Kind::Complaint && e.channel.is_some_and(Channel::written))
}

/// Who made a promise: its agent, else whoever the last call before it reached, else the
/// organisation.
fn promiser(case: &Case, i: usize) -> String {
    let e = &case.events[i];
    for name in [&e.agent, &e.who, &e.department] {
        if !name.trim().is_empty() {
            return name.trim().to_string();
        }
    }
    case.events[..i]
        .iter()
        .rev()
        .take_while(|p| e.at - p.at < Duration::hours(2))
        .find(|p| p.kind == Kind::Call || p.kind == Kind::Message)
        .and_then(|p| {
            [&p.agent, &p.department, &p.from]
                .into_iter()
                .find(|s| !s.trim().is_empty())
        })
        .map_or_else(|| case.organisation.clone(), |s| s.trim().to_string())
}

fn promises(case: &Case, now: DateTime<Utc>) -> (Vec<Promise>, Vec<Promise>) {
    let mut broken = Vec::new();
    let mut pending = Vec::new();
    for (i, e) in case.events.iter().enumerate() {
        if e.kind != Kind::Promise || e.at > now {
            continue;
        }
        let p = Promise {
            what: e.summary.clone(),
            who: promiser(case, i),
            made: moment(e.at),
            due: e.due.map(moment).unwrap_or_default(),
        };
        let overdue = e.due.is_some_and(|d| d < now);
        match e.state {
            Some(PromiseState::Broken) => broken.push(p),
            Some(PromiseState::Pending) | None if overdue => broken.push(p),
            Some(PromiseState::Pending) | None => pending.push(p),
            Some(PromiseState::Kept) => {}
        }
    }
    (broken, pending)
}

/// The case's report with a written complaint at `now` when it has none yet (the letter is
/// that complaint, and its clocks are the ones sending it starts); the case it was made of.
fn report_as_sent(case: &Case, packs: &Packs, now: DateTime<Utc>) -> (Report, Case, bool) {
    let mut sent = case.clone();
    let was_sent = written_complaint(case).is_some();
    if !was_sent {
        let mut e = Event::new(Kind::Complaint, now, t!("letters-sent-summary"));
        e.channel = Some(Channel::Letter);
        sent.events.push(e);
    }
    (engine::evaluate(&sent, packs, now), sent, was_sent)
}

/// The soonest clock of `meaning` that counts from a complaint.
fn clock_due(r: &Report, case: &Case, meaning: Meaning) -> Option<(DateTime<Utc>, State)> {
    r.clocks
        .iter()
        .filter(|c| c.meaning == meaning)
        .filter(|c| {
            c.events
                .first()
                .and_then(|i| case.events.get(*i))
                .is_some_and(|e| e.kind == Kind::Complaint)
        })
        .map(|c| (c.due, c.state))
        .min_by_key(|(d, _)| *d)
}

#[allow(clippy::too_many_lines)]
fn context(
    case: &Case,
    kind: LetterKind,
    sender: &Sender,
    packs: &Packs,
    now: DateTime<Utc>,
) -> Context {
    let counters = Counters::of(case, now);
    let (report, sent, complaint_sent) = report_as_sent(case, packs, now);
    let (broken, pending) = promises(case, now);
    let past: Vec<&Event> = case.events.iter().filter(|e| e.at <= now).collect();
    let outage = past.iter().find(|e| e.kind == Kind::Outage);
    let call_lines = past
        .iter()
        .filter(|e| e.kind == Kind::Call)
        .map(|e| {
            t!(
                "letters-call",
                when = moment(e.at),
                number = if e.number.is_empty() {
                    "?"
                } else {
                    e.number.as_str()
                },
                hold = duration_words(e.hold_seconds.unwrap_or(0) as i64)
            )
        })
        .collect();
    let redirects = past
        .iter()
        .filter(|e| e.kind == Kind::Redirect)
        .map(|e| {
            t!(
                "letters-redirect",
                when = moment(e.at),
                from = e.from.as_str(),
                to = e.to.as_str()
            )
        })
        .collect();
    let no_shows = past
        .iter()
        .filter(|e| e.kind == Kind::Visit && e.outcome == Some(Outcome::NoShow))
        .map(|e| moment(e.window_start.unwrap_or(e.at)))
        .collect();
    let visits_failed = past
        .iter()
        .filter(|e| e.kind == Kind::Visit && e.outcome == Some(Outcome::Failed))
        .count() as u32;
    // The law the claim rests on: the compensation rules' legal bases (the clocks' are the
    // dispute body's procedure, which the next step names).
    let mut rules: Vec<String> = Vec::new();
    let lang = Lang::current().code();
    for basis in report
        .compensation
        .iter()
        .map(|e| e.legal_basis.get(lang).to_string())
    {
        if !basis.trim().is_empty() && !rules.contains(&basis) {
            rules.push(basis);
        }
    }
    let compensation = report
        .compensation
        .iter()
        .map(|e| {
            t!(
                "letters-compensation",
                title = title(&e.titles, &e.rule),
                amount = fmt::money(e.amount_minor, e.currency)
            )
        })
        .collect();
    let total = match (report.currency, report.total_minor) {
        (Some(cur), n) if n > 0 => fmt::money(n, cur),
        _ => String::new(),
    };
    let earliest = clock_due(&report, &sent, Meaning::Earliest);
    let latest = clock_due(&report, &sent, Meaning::Latest);
    let reply = clock_due(&report, &sent, Meaning::ReplyDue);
    let term_days: i64 = match kind {
        LetterKind::Complaint => 28,
        LetterKind::Reminder => 7,
        LetterKind::NoticeOfDefault | LetterKind::Adr => 14,
    };
    let reply_by = reply
        .or(earliest)
        .map_or_else(|| day(now + Duration::days(28)), |(d, _)| day(d));
    let country = report.country.map_or_else(String::new, |c| c.to_string());
    Context {
        sender_name: sender.name.clone(),
        sender_address: sender.address.clone(),
        organisation: case.organisation.clone(),
        date: day(now),
        subject: case.title.clone(),
        case_id: case.id.clone(),
        references: case
            .references
            .iter()
            .map(|r| {
                t!(
                    "letters-reference",
                    label = r.label.as_str(),
                    value = r.value.as_str()
                )
            })
            .collect(),
        outage_since: outage.map(|e| moment(e.at)).unwrap_or_default(),
        still_out: counters.without_service_seconds > 0
            && !past.iter().any(|e| e.kind == Kind::Restored),
        out_for: if counters.without_service_seconds > 0 {
            duration_words(counters.without_service_seconds)
        } else {
            String::new()
        },
        calls: counters.calls,
        hold: duration_words(counters.hold_seconds),
        longest_hold: duration_words(counters.longest_hold_seconds),
        call_lines,
        redirects,
        broken_promises: broken,
        pending_promises: pending,
        no_shows,
        visits_failed,
        rules,
        compensation,
        total,
        complaint_date: written_complaint(case)
            .map(|e| day(e.at))
            .unwrap_or_default(),
        complaint_sent,
        reply_by,
        term_days,
        term_date: day(now + Duration::days(term_days)),
        adr_body: t!("letters-adr-body", country = country.as_str()),
        adr_addressee: t!("letters-adr-addressee", country = country.as_str()),
        adr_from: earliest.map(|(d, _)| day(d)).unwrap_or_default(),
        adr_until: latest.map(|(d, _)| day(d)).unwrap_or_default(),
        waited_enough: complaint_sent && earliest.is_some_and(|(_, s)| s != State::Running),
        within_window: latest.is_none_or(|(d, _)| d >= now),
        not_advice: crate::cli::escalation::not_advice().to_string(),
    }
}

/// The template of `kind` in the current language: the user's own file when there is one.
fn template(kind: LetterKind, dir: Option<&Path>) -> (String, String) {
    let lang = Lang::current();
    let name = format!("{}/{}.txt", lang.code(), kind.as_str());
    if let Some(file) = dir.map(|d| d.join(&name))
        && let Ok(text) = std::fs::read_to_string(&file)
    {
        return (file.display().to_string(), text);
    }
    (name, kind.built_in(lang).to_string())
}

/// The letter of `kind` for `case` as of `now`, in the current language, signed by `sender`,
/// from the user's template in `dir` (`letters/` beside the config) or the built-in one.
pub fn render(
    case: &Case,
    kind: LetterKind,
    sender: &Sender,
    packs: &Packs,
    dir: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<String, LetterError> {
    if sender.name.trim().is_empty() {
        return Err(LetterError::Missing("sender_name"));
    }
    if sender.address.iter().all(|l| l.trim().is_empty()) {
        return Err(LetterError::Missing("sender_address"));
    }
    let (name, source) = template(kind, dir);
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| LetterError::Template {
            name: name.clone(),
            problem: e.to_string(),
        })?;
    env.set_syntax(syntax);
    let ctx = context(case, kind, sender, packs, now);
    let text = env
        .render_str(
            &source,
            minijinja::Value::from(minijinja::value::Serde(&ctx)),
        )
        .map_err(|e| LetterError::Template {
            name,
            problem: e.to_string(),
        })?;
    // Blank lines left by empty sections count once.
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() && (out.is_empty() || out.ends_with("\n\n")) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}
