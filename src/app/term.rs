//! The term a promise names in its own words ("binnen 24 tot 48 uur", "sous 48 heures",
//! "within 5 working days", "vrijdag"), read as the due to propose: the longer end of a range,
//! counted from when the promise was made.

use chrono::{DateTime, Datelike, Local, NaiveDate, Utc, Weekday};

use crate::i18n::fold::fold;

/// A due the text proposes: the value for the form's due input (`+48h`, `+2d`, or a date),
/// and the words it was read from, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub due: String,
    pub said: String,
}

/// A word of the text: where it is in the text, and its folded form.
struct Word {
    start: usize,
    end: usize,
    folded: String,
}

/// The words of `text`, split at anything not a letter or digit and between digits and
/// letters (`48h` is `48` and `h`).
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    let push = |from: usize, to: usize, out: &mut Vec<Word>| {
        out.push(Word {
            start: from,
            end: to,
            folded: fold(&text[from..to]),
        });
    };
    for (i, c) in text.char_indices() {
        let kind = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphanumeric() || c == '\'' || c == '’' {
            Some(false)
        } else {
            None
        };
        match (start, kind) {
            (Some((s, digit)), Some(k)) if digit != k => {
                push(s, i, &mut out);
                start = Some((i, k));
            }
            (None, Some(k)) => start = Some((i, k)),
            (Some((s, _)), None) => {
                push(s, i, &mut out);
                start = None;
            }
            (Some(_), Some(_)) | (None, None) => {}
        }
    }
    if let Some((s, _)) = start {
        push(s, text.len(), &mut out);
    }
    out
}

#[derive(Clone, Copy)]
enum Unit {
    Hours,
    Days,
    WorkingDays,
    Weeks,
}

/// The unit at `words[at..]`, and how many words it takes.
fn unit(words: &[Word], at: usize) -> Option<(Unit, usize)> {
    let w = |i: usize| words.get(at + i).map_or("", |w| w.folded.as_str());
    Some(match w(0) {
        "werkdag" | "werkdagen" => (Unit::WorkingDays, 1),
        "working" | "business" if matches!(w(1), "day" | "days") => (Unit::WorkingDays, 2),
        "jour" | "jours" if matches!(w(1), "ouvre" | "ouvres" | "ouvrable" | "ouvrables") => {
            (Unit::WorkingDays, 2)
        }
        "uur" | "uren" | "u" | "h" | "heure" | "heures" | "hour" | "hours" => (Unit::Hours, 1),
        "dag" | "dagen" | "d" | "j" | "jour" | "jours" | "day" | "days" => (Unit::Days, 1),
        "week" | "weken" | "weeks" | "semaine" | "semaines" => (Unit::Weeks, 1),
        _ => return None,
    })
}

/// Words that join the two ends of a range: `24 tot 48`, `24 à 48`, `24 to 48`.
fn joins_range(word: &str) -> bool {
    matches!(word, "tot" | "a" | "to" | "or" | "of" | "ou")
}

/// Words that may come before a term, kept in what is said: `binnen`, `within`, `sous`.
fn leads_term(word: &str) -> bool {
    matches!(
        word,
        "binnen" | "within" | "in" | "sous" | "dans" | "d'ici" | "uiterlijk" | "voor" | "by"
    )
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "maandag" | "monday" | "lundi" => Weekday::Mon,
        "dinsdag" | "tuesday" | "mardi" => Weekday::Tue,
        "woensdag" | "wednesday" | "mercredi" => Weekday::Wed,
        "donderdag" | "thursday" | "jeudi" => Weekday::Thu,
        "vrijdag" | "friday" | "vendredi" => Weekday::Fri,
        "zaterdag" | "saturday" | "samedi" => Weekday::Sat,
        "zondag" | "sunday" | "dimanche" => Weekday::Sun,
        _ => return None,
    })
}

/// `n` working days (Monday to Friday) after `day`.
fn working_days_after(day: NaiveDate, n: u32) -> NaiveDate {
    let mut d = day;
    let mut left = n;
    while left > 0 {
        d = d.succ_opt().unwrap_or(d);
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    d
}

/// The first `weekday` after `day`.
fn next_weekday(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    let mut d = day.succ_opt().unwrap_or(day);
    while d.weekday() != weekday {
        d = d.succ_opt().unwrap_or(d);
    }
    d
}

/// The due `text` names for a promise made at `at`, if it names one.
pub fn proposal(text: &str, at: DateTime<Utc>) -> Option<Proposal> {
    let words = words(text);
    let day = at.with_timezone(&Local).date_naive();
    let said = |from: usize, to: usize| {
        let from = if from > 0 && leads_term(&words[from - 1].folded) {
            from - 1
        } else {
            from
        };
        text[words[from].start..words[to].end].to_string()
    };
    for (i, w) in words.iter().enumerate() {
        if let Ok(first) = w.folded.parse::<u32>() {
            let mut n = first;
            let mut j = i + 1;
            let next = |k: usize| words.get(k).map(|w| w.folded.as_str());
            if let Some(Ok(second)) = next(j).map(str::parse::<u32>) {
                n = n.max(second);
                j += 1;
            } else if next(j).is_some_and(joins_range)
                && let Some(Ok(second)) = next(j + 1).map(str::parse::<u32>)
            {
                n = n.max(second);
                j += 2;
            }
            let Some((unit, len)) = unit(&words, j) else {
                continue;
            };
            if n == 0 || n > 1000 {
                continue;
            }
            let due = match unit {
                Unit::Hours => format!("+{n}h"),
                Unit::Days => format!("+{n}d"),
                Unit::Weeks => format!("+{}d", n * 7),
                Unit::WorkingDays => working_days_after(day, n).format("%Y-%m-%d").to_string(),
            };
            return Some(Proposal {
                due,
                said: said(i, j + len - 1),
            });
        }
        if let Some(weekday) = weekday(&w.folded) {
            return Some(Proposal {
                due: next_weekday(day, weekday).format("%Y-%m-%d").to_string(),
                said: said(i, i),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn wednesday() -> DateTime<Utc> {
        Local
            .with_ymd_and_hms(2026, 4, 1, 10, 0, 0)
            .single()
            .unwrap_or_default()
            .with_timezone(&Utc)
    }

    fn due(text: &str) -> Option<(String, String)> {
        proposal(text, wednesday()).map(|p| (p.due, p.said))
    }

    #[test]
    fn terms_in_three_languages() {
        let some = |d: &str, s: &str| Some((d.to_string(), s.to_string()));
        assert_eq!(
            due("Monteur komt binnen 24 tot 48 uur"),
            some("+48h", "binnen 24 tot 48 uur")
        );
        assert_eq!(
            due("Un appareil de prêt sous 48 heures"),
            some("+48h", "sous 48 heures")
        );
        assert_eq!(
            due("Reply within 5 working days"),
            some("2026-04-08", "within 5 working days")
        );
        assert_eq!(
            due("Ze bellen vrijdag terug"),
            some("2026-04-03", "vrijdag")
        );
        assert_eq!(due("Rappel vendredi"), some("2026-04-03", "vendredi"));
        assert_eq!(due("within 24-48h"), some("+48h", "within 24-48h"));
        assert_eq!(
            due("réponse sous 10 jours ouvrés"),
            some("2026-04-15", "sous 10 jours ouvrés")
        );
        assert_eq!(due("binnen 2 weken"), some("+14d", "binnen 2 weken"));
        assert_eq!(due("Courier tomorrow"), None);
        assert_eq!(due("ticket 12345 opened"), None);
    }
}
