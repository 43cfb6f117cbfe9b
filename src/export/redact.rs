//! Redaction for sharing (`--redact`): a copy of a case with the personal data masked, made
//! before any renderer sees the case, so every format (Markdown, JSON, CSV, a letter, and any
//! added later) shows the same masked case.
//!
//! Masked: reference values, e-mail addresses, IBANs, phone numbers that are not the
//! organisation's, agents' names (as consistent pseudonyms: "agent A"), and the words of the
//! config's redact list. The numbers dialled or redirected to in any case of the organisation
//! stay: they are the evidence of the runaround.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::{Case, Direction, Event, Kind};
use crate::i18n::fold::fold;
use crate::t;

/// What to keep and what else to mask.
#[derive(Clone, Debug, Default)]
pub struct Redaction {
    /// The organisation's numbers (digits only): dialled or redirected to in its cases.
    pub keep_numbers: BTreeSet<String>,
    /// Words and phrases to mask wherever they appear (case and accents ignored).
    pub words: Vec<String>,
}

impl Redaction {
    /// The redaction of a case of `organisation`, keeping the numbers dialled (outgoing calls)
    /// or redirected between in its `cases` (any of the journal; those of other organisations
    /// are ignored).
    pub fn for_organisation(organisation: &str, cases: &[Case], words: &[String]) -> Redaction {
        let org = fold(organisation.trim());
        let mut keep = BTreeSet::new();
        for case in cases.iter().filter(|c| fold(c.organisation.trim()) == org) {
            for e in case.events.iter().chain(&case.deleted_events) {
                let numbers: &[&str] = match e.kind {
                    // Dialled: the number of a call that came in may be anyone's.
                    Kind::Call if e.direction != Some(Direction::In) => &[&e.number],
                    Kind::Redirect => &[&e.from, &e.to],
                    _ => &[],
                };
                for n in numbers {
                    let d = digits(n);
                    if !d.is_empty() {
                        keep.insert(d);
                    }
                }
            }
        }
        Redaction {
            keep_numbers: keep,
            words: words
                .iter()
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The agents' pseudonyms, in the order they first appear: "agent A", "agent B", …
fn pseudonyms(case: &Case) -> Vec<(String, String)> {
    let mut seen: Vec<String> = Vec::new();
    let events = case.events.iter().chain(&case.deleted_events);
    let mut names: Vec<&str> = Vec::new();
    for e in events {
        names.push(&e.agent);
        for a in &e.amendments {
            if let Some(was) = a.was.get("agent") {
                names.push(was);
            }
        }
    }
    if let Some(call) = &case.active_call {
        names.push(&call.agent);
    }
    for n in names {
        let n = n.trim();
        if !n.is_empty() && !seen.iter().any(|s| fold(s) == fold(n)) {
            seen.push(n.to_string());
        }
    }
    seen.into_iter()
        .enumerate()
        .map(|(i, name)| (name, t!("redact-agent", letter = letter(i))))
        .collect()
}

/// A, B, … Z, AA, AB, …
fn letter(i: usize) -> String {
    let mut n = i;
    let mut s = Vec::new();
    loop {
        s.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.iter().rev().collect()
}

struct Masker<'a> {
    redaction: &'a Redaction,
    /// Name → pseudonym, longest name first (so that "Anna de Vries" goes before "Anna").
    agents: Vec<(String, String)>,
    /// Values to mask wherever they appear (reference values), longest first.
    secrets: Vec<String>,
}

impl Masker<'_> {
    fn agent(&self, name: &str) -> String {
        let n = fold(name.trim());
        if n.is_empty() {
            return name.to_string();
        }
        self.agents
            .iter()
            .find(|(a, _)| fold(a) == n)
            .map_or_else(|| self.text(name), |(_, p)| p.clone())
    }

    /// Free text with every personal value in it masked.
    fn text(&self, s: &str) -> String {
        if s.is_empty() {
            return String::new();
        }
        // E-mail addresses and IBANs first: a name or a word inside one would break it up.
        let mut out = mask_ibans(&mask_emails(s));
        for (name, pseudonym) in &self.agents {
            out = replace_folded(&out, name, pseudonym, true);
        }
        for secret in &self.secrets {
            out = replace_folded(&out, secret, t!("redact-hidden"), false);
        }
        for word in &self.redaction.words {
            out = replace_folded(&out, word, t!("redact-hidden"), true);
        }
        self.mask_phones(&out)
    }

    /// A number field: kept when it is the organisation's, masked otherwise.
    fn number(&self, s: &str) -> String {
        let d = digits(s);
        if d.is_empty() {
            return self.text(s);
        }
        if self.redaction.keep_numbers.contains(&d) {
            s.to_string()
        } else {
            t!("redact-phone").to_string()
        }
    }

    fn mask_phones(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let starts = c.is_ascii_digit()
                || (c == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
                || (c == '('
                    && chars
                        .get(i + 1)
                        .is_some_and(|n| n.is_ascii_digit() || *n == '+'));
            let after_word = i > 0 && chars[i - 1].is_alphanumeric();
            if !starts || after_word {
                out.push(c);
                i += 1;
                continue;
            }
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || matches!(chars[j], '+' | '-' | ' ' | '.' | '(' | ')' | '/'))
            {
                j += 1;
            }
            // Separators at the end belong to the sentence.
            while j > i && !chars[j - 1].is_ascii_digit() {
                j -= 1;
            }
            let run: String = chars[i..j].iter().collect();
            let found = digits(&run);
            let glued = j < chars.len() && chars[j].is_alphanumeric();
            if found.len() >= 8 && !glued && !looks_like_date(&run) {
                if self.redaction.keep_numbers.contains(&found) {
                    out.push_str(&run);
                } else {
                    out.push_str(t!("redact-phone"));
                }
            } else {
                out.push_str(&run);
            }
            i = j.max(i + 1);
        }
        out
    }
}

/// 2013-08-16, 16-08-2013, 16/08/2013, 16.08.2013 (and a date followed by a time's hour).
fn looks_like_date(run: &str) -> bool {
    let parts: Vec<&str> = run
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let all_digits = parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    all_digits
        && matches!(
            lens.as_slice(),
            [4, 2, 2, ..] | [2, 2, 4, ..] | [1 | 2, 1 | 2, 4, ..]
        )
}

/// `s` with every occurrence of `needle` (case and accents ignored; `whole`: only as a whole
/// word) replaced by `with`.
fn replace_folded(text: &str, needle: &str, with: &str, whole: bool) -> String {
    let needle = needle.trim();
    if needle.is_empty() {
        return text.to_string();
    }
    let target: Vec<char> = fold(needle).chars().collect();
    let chars: Vec<char> = text.chars().collect();
    // Fold char by char so that positions line up (folding keeps one char for one char,
    // or drops a combining mark, which `fold` of a lone char gives as "").
    let folded: Vec<String> = chars.iter().map(|c| fold(&c.to_string())).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    'outer: while i < chars.len() {
        let boundary_before = !whole || i == 0 || !chars[i - 1].is_alphanumeric();
        if boundary_before {
            let mut k = 0;
            let mut j = i;
            while k < target.len() && j < chars.len() {
                let piece: Vec<char> = folded[j].chars().collect();
                if piece.is_empty() {
                    j += 1;
                    continue;
                }
                if target.len() - k < piece.len() || target[k..k + piece.len()] != piece[..] {
                    break;
                }
                k += piece.len();
                j += 1;
            }
            let boundary_after = !whole || j == chars.len() || !chars[j].is_alphanumeric();
            if k == target.len() && boundary_after {
                out.push_str(with);
                i = j;
                continue 'outer;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn mask_emails(s: &str) -> String {
    if !s.contains('@') {
        return s.to_string();
    }
    let local = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    let domain = |c: char| c.is_alphanumeric() || ".-".contains(c);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '@' {
            let mut start = i;
            while start > 0 && local(chars[start - 1]) {
                start -= 1;
            }
            let mut end = i + 1;
            while end < chars.len() && domain(chars[end]) {
                end += 1;
            }
            while end > i + 1 && chars[end - 1] == '.' {
                end -= 1;
            }
            let host: String = chars[i + 1..end].iter().collect();
            if start < i && host.contains('.') {
                // Take back the local part already copied.
                let copied: usize = chars[start..i].len();
                for _ in 0..copied {
                    out.pop();
                }
                out.push_str(t!("redact-email"));
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// IBANs: two letters, two check digits, then 10 to 30 letters and digits (spaces allowed
/// between groups).
fn mask_ibans(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let at_start = i == 0 || !chars[i - 1].is_alphanumeric();
        if at_start
            && i + 4 <= chars.len()
            && chars[i].is_ascii_uppercase()
            && chars[i + 1].is_ascii_uppercase()
            && chars[i + 2].is_ascii_digit()
            && chars[i + 3].is_ascii_digit()
        {
            let mut j = i + 4;
            let mut count = 0;
            let mut end = j;
            while j < chars.len() {
                if chars[j].is_ascii_alphanumeric() {
                    count += 1;
                    j += 1;
                    end = j;
                } else if chars[j] == ' '
                    && chars.get(j + 1).is_some_and(char::is_ascii_alphanumeric)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if (10..=30).contains(&count) {
                out.push_str(t!("redact-iban"));
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn event(m: &Masker, e: &Event) -> Event {
    let mut e = e.clone();
    e.summary = m.text(&e.summary);
    e.detail = m.text(&e.detail);
    e.department = m.text(&e.department);
    e.agent = m.agent(&e.agent);
    e.who = m.agent(&e.who);
    e.subject = m.text(&e.subject);
    if e.kind == Kind::Call || !e.number.is_empty() {
        e.number = m.number(&e.number);
    }
    if e.kind == Kind::Redirect {
        // Where the case was sent: numbers stay when they are the organisation's.
        e.from = redirect_end(m, &e.from);
        e.to = redirect_end(m, &e.to);
    } else {
        e.from = m.text(&e.from);
        e.to = m.text(&e.to);
    }
    if !e.r#ref.is_empty() {
        t!("redact-hidden").clone_into(&mut e.r#ref);
    }
    for a in &mut e.amendments {
        a.was = was(m, &a.was);
    }
    e
}

fn redirect_end(m: &Masker, s: &str) -> String {
    if digits(s).len() >= 3
        && s.chars()
            .all(|c| c.is_ascii_digit() || "+-() ./".contains(c))
    {
        m.number(s)
    } else {
        m.text(s)
    }
}

fn was(m: &Masker, was: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    was.iter()
        .map(|(k, v)| {
            let v = match k.as_str() {
                "agent" | "who" => m.agent(v),
                "number" => {
                    if v.is_empty() {
                        String::new()
                    } else {
                        m.number(v)
                    }
                }
                "ref" if !v.is_empty() => t!("redact-hidden").to_string(),
                _ => m.text(v),
            };
            (k.clone(), v)
        })
        .collect()
}

/// A copy of `case` with its personal data masked (see the module's documentation).
pub fn redact(case: &Case, redaction: &Redaction) -> Case {
    let mut agents = pseudonyms(case);
    agents.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
    let mut secrets: Vec<String> = case
        .references
        .iter()
        .map(|r| r.value.trim().to_string())
        .chain(
            case.events
                .iter()
                .chain(&case.deleted_events)
                .map(|e| e.r#ref.trim().to_string()),
        )
        .filter(|v| v.chars().count() >= 3)
        .collect();
    secrets.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    secrets.dedup();
    let m = Masker {
        redaction,
        agents,
        secrets,
    };
    let mut out = case.clone();
    out.title = m.text(&case.title);
    out.notes = m.text(&case.notes);
    out.tags = case.tags.iter().map(|t| m.text(t)).collect();
    for r in &mut out.references {
        r.label = m.text(&r.label);
        t!("redact-hidden").clone_into(&mut r.value);
    }
    out.events = case.events.iter().map(|e| event(&m, e)).collect();
    out.deleted_events = case.deleted_events.iter().map(|e| event(&m, e)).collect();
    for c in &mut out.changes {
        c.was = c
            .was
            .iter()
            .map(|(k, v)| {
                let v = if k.starts_with("ref") || k.contains("reference") {
                    t!("redact-hidden").to_string()
                } else {
                    m.text(v)
                };
                (k.clone(), v)
            })
            .collect();
    }
    if let Some(call) = &mut out.active_call {
        call.agent = m.agent(&call.agent);
        call.number = m.number(&call.number);
        call.department = m.text(&call.department);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masker(keep: &[&str], words: &[&str]) -> (Redaction, Vec<(String, String)>) {
        (
            Redaction {
                keep_numbers: keep.iter().map(|n| digits(n)).collect(),
                words: words.iter().map(ToString::to_string).collect(),
            },
            vec![("Anna de Vries".into(), "agent A".into())],
        )
    }

    fn text(s: &str) -> String {
        let _en = crate::i18n::Lang::En.scope();
        let (r, agents) = masker(&["0800-0402"], &["Rozenstraat"]);
        Masker {
            redaction: &r,
            agents,
            secrets: vec!["K123456".into()],
        }
        .text(s)
    }

    #[test]
    fn personal_values_in_text_are_masked_and_the_organisations_numbers_stay() {
        let s = text(
            "Mail me at jan.jansen@example.nl or ring 06-12345678; IBAN NL91 ABNA 0417 1643 00. \
             Anna de Vries at 0800-0402 on 2013-08-16, ref K123456, Rozenstraat 5.",
        );
        for gone in [
            "jan.jansen",
            "12345678",
            "NL91",
            "0417",
            "Anna",
            "K123456",
            "Rozenstraat",
        ] {
            assert!(!s.contains(gone), "{gone} survived: {s}");
        }
        for kept in [
            "0800-0402",
            "2013-08-16",
            "agent A",
            "[e-mail]",
            "[IBAN]",
            "[phone]",
        ] {
            assert!(s.contains(kept), "{kept} is gone: {s}");
        }
    }

    #[test]
    fn short_numbers_times_and_money_are_not_phone_numbers() {
        let s = text("1200 at 14:00-16:00, € 14,00, 16/08/2013 and 5 days");
        assert_eq!(s, "1200 at 14:00-16:00, € 14,00, 16/08/2013 and 5 days");
    }

    #[test]
    fn letters_count_on_past_z() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
    }
}
