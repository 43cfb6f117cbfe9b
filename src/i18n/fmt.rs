//! Dates, numbers and money shaped the way each language writes them: `ma 30 mrt`, `lun. 30
//! mars`, `Mon 30 Mar`; `€ 14,00`, `14,00 €`, `€14.00`.
//!
//! The names are tables of our own (CLDR's abbreviated forms), not chrono's
//! `unstable-locales`: three languages need 57 words, not a crate of every locale's data.

use chrono::{Datelike, Weekday};

use super::Lang;
use crate::domain::money::Currency;

/// Abbreviated weekday names, Monday first.
fn weekdays_short(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        Lang::Nl => ["ma", "di", "wo", "do", "vr", "za", "zo"],
        Lang::Fr => ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    }
}

/// Full weekday names, Monday first.
fn weekdays_long(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
        Lang::Nl => [
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ],
        Lang::Fr => [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
    }
}

/// Abbreviated month names, January first.
fn months_short(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
        Lang::Nl => [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
        Lang::Fr => [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ],
    }
}

/// Full month names, January first.
fn months_long(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        Lang::Nl => [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        Lang::Fr => [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    }
}

/// A weekday's short name in the current language: `Mon`, `ma`, `lun.`.
pub fn weekday_short(day: Weekday) -> &'static str {
    weekdays_short(Lang::current())[day.num_days_from_monday() as usize]
}

/// A weekday's full name in the current language: `Monday`, `maandag`, `lundi`.
pub fn weekday_long(day: Weekday) -> &'static str {
    weekdays_long(Lang::current())[day.num_days_from_monday() as usize]
}

/// A month's short name (1 is January) in the current language: `Mar`, `mrt`, `mars`.
pub fn month_short(month: u32) -> &'static str {
    months_short(Lang::current())[(month.clamp(1, 12) - 1) as usize]
}

/// A month's full name (1 is January) in the current language.
pub fn month_long(month: u32) -> &'static str {
    months_long(Lang::current())[(month.clamp(1, 12) - 1) as usize]
}

/// The widest short weekday name of the current language, in terminal columns.
pub fn weekday_short_width() -> usize {
    weekdays_short(Lang::current())
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(3)
}

/// The widest short month name of the current language, in terminal columns.
pub fn month_short_width() -> usize {
    months_short(Lang::current())
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(3)
}

/// Formats `t` with a chrono strftime `pattern` whose `%a`, `%A`, `%b`/`%h` and `%B` are said
/// in the current language (chrono's own are English).
pub fn date<Tz: chrono::TimeZone>(t: &chrono::DateTime<Tz>, pattern: &str) -> String
where
    Tz::Offset: std::fmt::Display,
{
    t.format(&named(pattern, t.weekday(), t.month()))
        .to_string()
}

/// [`date`] for a day without a time.
pub fn day(d: chrono::NaiveDate, pattern: &str) -> String {
    d.format(&named(pattern, d.weekday(), d.month()))
        .to_string()
}

/// `pattern` with its named fields replaced by their words, every '%' in a word escaped.
fn named(pattern: &str, weekday: Weekday, month: u32) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(next) = chars.next() else {
            out.push('%');
            break;
        };
        let word = match next {
            'a' => weekday_short(weekday),
            'A' => weekday_long(weekday),
            'b' | 'h' => month_short(month),
            'B' => month_long(month),
            _ => {
                out.push('%');
                out.push(next);
                continue;
            }
        };
        out.push_str(&word.replace('%', "%%"));
    }
    out
}

/// A span of time the way the language abbreviates it: `4d 17h 30m`, in French `4j 17h 30m`
/// (jours).
pub fn span(seconds: i64) -> String {
    let s = crate::domain::time::span(seconds);
    if Lang::current() != Lang::Fr {
        return s;
    }
    s.split(' ')
        .map(|w| {
            w.strip_suffix('d')
                .map_or_else(|| w.to_string(), |n| format!("{n}j"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `minor` units of `currency` as the current language writes money: `€14.00` and `£10.34` in
/// English, `€ 14,00` in Dutch, `14,00 €` in French; thousands grouped (`€1,234.00`,
/// `€ 1.234,00`, `1 234,00 €` with a narrow no-break space).
pub fn money(minor: i64, currency: Currency) -> String {
    money_in(Lang::current(), minor, currency)
}

/// [`money`] in a given language.
pub fn money_in(lang: Lang, minor: i64, currency: Currency) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let (whole, cents) = (minor.unsigned_abs() / 100, minor.unsigned_abs() % 100);
    let symbol = match currency {
        Currency::Eur => "€",
        Currency::Gbp => "£",
    };
    let (group, decimal) = match lang {
        Lang::En => (",", "."),
        Lang::Nl => (".", ","),
        Lang::Fr => ("\u{202f}", ","),
    };
    let number = format!("{}{decimal}{cents:02}", grouped(whole, group));
    match lang {
        Lang::En => format!("{sign}{symbol}{number}"),
        Lang::Nl => format!("{symbol} {sign}{number}"),
        Lang::Fr => format!("{sign}{number}\u{a0}{symbol}"),
    }
}

/// A whole number in the current language's way: `1,234`, `1.234`, `1 234`.
pub fn number(n: u64) -> String {
    let group = match Lang::current() {
        Lang::En => ",",
        Lang::Nl => ".",
        Lang::Fr => "\u{202f}",
    };
    grouped(n, group)
}

fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;

    #[test]
    fn money_in_each_language() {
        assert_eq!(money_in(Lang::En, 1400, Currency::Eur), "€14.00");
        assert_eq!(money_in(Lang::En, 1034, Currency::Gbp), "£10.34");
        assert_eq!(money_in(Lang::Nl, 1400, Currency::Eur), "€ 14,00");
        assert_eq!(money_in(Lang::Fr, 1400, Currency::Eur), "14,00\u{a0}€");
        assert_eq!(money_in(Lang::En, 12_345_678, Currency::Eur), "€123,456.78");
        assert_eq!(
            money_in(Lang::Nl, 12_345_678, Currency::Eur),
            "€ 123.456,78"
        );
        assert_eq!(
            money_in(Lang::Fr, 123_400, Currency::Eur),
            "1\u{202f}234,00\u{a0}€"
        );
        assert_eq!(money_in(Lang::En, -5, Currency::Eur), "-€0.05");
        assert_eq!(money_in(Lang::Nl, -5, Currency::Eur), "€ -0,05");
    }

    #[test]
    fn dates_name_days_and_months_in_each_language() {
        let t = Utc.with_ymd_and_hms(2026, 3, 30, 14, 5, 0).unwrap();
        let said = |lang: Lang, pattern: &str| {
            let _scope = lang.scope();
            date(&t, pattern)
        };
        assert_eq!(said(Lang::En, "%a %d %b %H:%M"), "Mon 30 Mar 14:05");
        assert_eq!(said(Lang::Nl, "%a %d %b %H:%M"), "ma 30 mrt 14:05");
        assert_eq!(said(Lang::Fr, "%a %d %b %H:%M"), "lun. 30 mars 14:05");
        assert_eq!(said(Lang::Nl, "%A %-d %B %Y"), "maandag 30 maart 2026");
        assert_eq!(said(Lang::Fr, "%A %-d %B %Y"), "lundi 30 mars 2026");
        // Other fields and a literal percent pass through.
        assert_eq!(said(Lang::Fr, "%Y-%m-%d 100%%"), "2026-03-30 100%");
        let d = NaiveDate::from_ymd_opt(2026, 2, 4).unwrap();
        let _fr = Lang::Fr.scope();
        assert_eq!(day(d, "%a %-d %b"), "mer. 4 févr.");
    }

    #[test]
    fn spans_abbreviate_days_in_the_language() {
        let said = |lang: Lang| {
            let _scope = lang.scope();
            span(4 * 86_400 + 17 * 3600 + 30 * 60)
        };
        assert_eq!(said(Lang::En), "4d 17h 30m");
        assert_eq!(said(Lang::Nl), "4d 17h 30m");
        assert_eq!(said(Lang::Fr), "4j 17h 30m");
    }

    #[test]
    fn numbers_group_thousands() {
        let _nl = Lang::Nl.scope();
        assert_eq!(number(1_234_567), "1.234.567");
        assert_eq!(number(999), "999");
    }
}
