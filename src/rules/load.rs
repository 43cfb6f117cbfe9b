//! Reading and checking rule packs: the built-in ones (in the binary) and the user's own files
//! in the config dir's `rules/`, which override built-in rules by id or add rules and packs.
//! A pack that does not load is an error naming its file, line and problem; the others load.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use super::schema::{Amount, Calendar, Effect, PACK_SCHEMA, Pack, Rate, Rule, Source};
use crate::domain::{Country, Currency};

/// The packs built into the binary: (file name, text).
pub const BUILT_IN: &[(&str, &str)] = &[
    ("nl.ron", include_str!("../../assets/rules/nl.ron")),
    ("gb.ron", include_str!("../../assets/rules/gb.ron")),
    ("de.ron", include_str!("../../assets/rules/de.ron")),
    ("fr.ron", include_str!("../../assets/rules/fr.ron")),
    ("be.ron", include_str!("../../assets/rules/be.ron")),
];

/// A pack that did not load: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.problem)
    }
}

/// One country's rules as they apply: the built-in pack with the user's rules merged in.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub country: Country,
    pub currency: Currency,
    pub calendar: Calendar,
    pub deadlock_words: Vec<String>,
    /// Each rule with the file it came from.
    pub rules: Vec<(Rule, String)>,
}

/// Every pack that loaded, and the errors of those that did not.
#[derive(Clone, Debug, Default)]
pub struct Packs {
    pub packs: Vec<Loaded>,
    pub errors: Vec<PackError>,
}

impl Packs {
    /// The pack for `country`.
    pub fn for_country(&self, country: Country) -> Option<&Loaded> {
        self.packs.iter().find(|p| p.country == country)
    }

    /// The built-in packs only.
    pub fn built_in() -> Packs {
        let mut packs = Packs::default();
        for (name, text) in BUILT_IN {
            packs.add(name, text);
        }
        packs
    }

    /// The built-in packs, then every `*.ron` file of `dir` in name order (a missing dir adds
    /// nothing; an unreadable file is an error of that file).
    pub fn with_user_dir(dir: Option<&Path>) -> Packs {
        let mut packs = Packs::built_in();
        let Some(dir) = dir else { return packs };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return packs;
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        files.sort();
        for path in files {
            let name = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => packs.add(&name, &text),
                Err(e) => packs.errors.push(PackError {
                    file: name,
                    line: 0,
                    problem: e.to_string(),
                }),
            }
        }
        packs
    }

    /// Reads and checks one pack file and merges it in; a file that does not pass is kept
    /// among the errors and changes nothing.
    pub fn add(&mut self, file: &str, text: &str) {
        match parse(file, text) {
            Err(e) => self.errors.push(e),
            Ok(pack) => {
                let existing = self.packs.iter_mut().find(|p| p.country == pack.country);
                #[allow(clippy::single_match_else)]
                match existing {
                    Some(p) => {
                        if p.currency != pack.currency {
                            self.errors.push(PackError {
                                file: file.into(),
                                line: line_of(text, "currency"),
                                problem: format!(
                                    "currency {} does not match the {} pack's {}",
                                    pack.currency, p.country, p.currency
                                ),
                            });
                            return;
                        }
                        if let Some(c) = pack.calendar {
                            p.calendar = c;
                        }
                        p.deadlock_words.extend(pack.deadlock_words);
                        for rule in pack.rules {
                            match p.rules.iter_mut().find(|(r, _)| r.id == rule.id) {
                                Some(slot) => *slot = (rule, file.into()),
                                None => p.rules.push((rule, file.into())),
                            }
                        }
                    }
                    None => {
                        let Some(calendar) = pack.calendar else {
                            self.errors.push(PackError {
                                file: file.into(),
                                line: line_of(text, "country"),
                                problem: format!(
                                    "no built-in pack for {}: the file needs a calendar",
                                    pack.country
                                ),
                            });
                            return;
                        };
                        self.packs.push(Loaded {
                            country: pack.country,
                            currency: pack.currency,
                            calendar,
                            deadlock_words: pack.deadlock_words,
                            rules: pack
                                .rules
                                .into_iter()
                                .map(|r| (r, file.to_string()))
                                .collect(),
                        });
                    }
                }
            }
        }
    }
}

/// The line (1-based) of the first `key:` in `text` at or after byte `from`.
fn line_from(text: &str, key: &str, from: usize) -> Option<usize> {
    let pat = format!("{key}:");
    let at = text.get(from..)?.find(&pat)? + from;
    Some(text[..at].matches('\n').count() + 1)
}

fn line_of(text: &str, key: &str) -> usize {
    line_from(text, key, 0).unwrap_or(1)
}

/// Where rule `id` starts in `text` (the byte offset of its quoted id).
fn rule_at(text: &str, id: &str) -> usize {
    text.find(&format!("\"{id}\"")).unwrap_or(0)
}

/// The line of the `n`th (0-based) version of the rule starting at `rule`.
fn version_line(text: &str, rule: usize, n: usize) -> usize {
    let mut from = rule;
    let mut line = None;
    for _ in 0..=n {
        match text.get(from..).and_then(|t| t.find("valid_from:")) {
            Some(i) => {
                from += i + 1;
                line = Some(text[..from].matches('\n').count() + 1);
            }
            None => break,
        }
    }
    line.unwrap_or_else(|| text[..rule.min(text.len())].matches('\n').count() + 1)
}

/// Reads and checks one pack file.
pub fn parse(file: &str, text: &str) -> Result<Pack, PackError> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let pack: Pack = options.from_str(text).map_err(|e| PackError {
        file: file.into(),
        line: e.span.start.line,
        problem: e.code.to_string(),
    })?;
    let err = |line: usize, problem: String| PackError {
        file: file.into(),
        line,
        problem,
    };
    if pack.schema != PACK_SCHEMA {
        return Err(err(
            line_of(text, "schema"),
            format!(
                "schema {} (this runaround reads schema {PACK_SCHEMA})",
                pack.schema
            ),
        ));
    }
    if pack.country.currency() != Some(pack.currency) {
        return Err(err(
            line_of(text, "currency"),
            format!(
                "currency mismatch: {} is not the currency of {}",
                pack.currency, pack.country
            ),
        ));
    }
    if let Some(cal) = &pack.calendar {
        check_sources(&cal.sources).map_err(|p| err(line_of(text, "calendar"), p))?;
    }
    let mut ids = BTreeSet::new();
    for rule in &pack.rules {
        let at = rule_at(text, &rule.id);
        let rule_line = text[..at].matches('\n').count() + 1;
        if !ids.insert(rule.id.as_str()) {
            return Err(err(rule_line, format!("rule '{}' appears twice", rule.id)));
        }
        if !rule.title.contains_key("en") {
            return Err(err(
                rule_line,
                format!(
                    "rule '{}' has no English title (title: {{\"en\": …}})",
                    rule.id
                ),
            ));
        }
        if rule.versions.is_empty() {
            return Err(err(
                rule_line,
                format!("rule '{}' has no versions", rule.id),
            ));
        }
        let mut order: Vec<usize> = (0..rule.versions.len()).collect();
        order.sort_by_key(|&i| rule.versions[i].valid_from);
        for (k, &i) in order.iter().enumerate() {
            let v = &rule.versions[i];
            let line = version_line(text, at, i);
            if v.valid_until.is_some_and(|u| u <= v.valid_from) {
                return Err(err(
                    line,
                    format!(
                        "rule '{}': a version ends ({}) before it starts ({})",
                        rule.id,
                        v.valid_until.map(|u| u.to_string()).unwrap_or_default(),
                        v.valid_from
                    ),
                ));
            }
            if let Some(&j) = order.get(k + 1) {
                let next = &rule.versions[j];
                if v.valid_until.is_none_or(|u| u > next.valid_from) {
                    return Err(err(
                        version_line(text, at, j),
                        format!(
                            "rule '{}': overlapping versions (the one from {} is still in force on {}, when the next starts)",
                            rule.id, v.valid_from, next.valid_from
                        ),
                    ));
                }
            }
            check_sources(&v.sources).map_err(|p| {
                err(
                    line,
                    format!("rule '{}' from {}: {p}", rule.id, v.valid_from),
                )
            })?;
            check_effect(&v.effect, pack.currency).map_err(|p| {
                err(
                    line,
                    format!("rule '{}' from {}: {p}", rule.id, v.valid_from),
                )
            })?;
        }
    }
    Ok(pack)
}

fn check_sources(sources: &[Source]) -> Result<(), String> {
    if sources.is_empty() {
        return Err("missing sources (every version needs at least one)".into());
    }
    match sources.iter().find(|s| s.url.trim().is_empty()) {
        Some(s) => Err(format!("the source '{}' has no url", s.title)),
        None => Ok(()),
    }
}

fn check_effect(effect: &Effect, currency: Currency) -> Result<(), String> {
    let Effect::Compensation {
        amount,
        floor,
        cap,
        interpretations,
        or_per_unit,
        ..
    } = effect
    else {
        return Ok(());
    };
    let money = |m: Currency| {
        if m == currency {
            Ok(())
        } else {
            Err(format!(
                "currency mismatch: an amount in {m} in a pack in {currency}"
            ))
        }
    };
    for m in floor.iter().chain(cap) {
        money(m.currency)?;
    }
    check_amount(amount, &money)?;
    if let Some(r) = or_per_unit {
        check_rate(r, &money)?;
    }
    for i in interpretations {
        check_amount(&i.amount, &money)?;
        check_sources(&i.sources).map_err(|p| format!("the reading '{}': {p}", i.reading))?;
    }
    Ok(())
}

fn check_amount(
    amount: &Amount,
    money: &dyn Fn(Currency) -> Result<(), String>,
) -> Result<(), String> {
    match amount {
        Amount::PerUnit(r) => check_rate(r, money),
        Amount::Tiered(tiers) => {
            if tiers.is_empty() {
                return Err("no tiers".into());
            }
            tiers.iter().try_for_each(|t| check_rate(&t.rate, money))
        }
        Amount::Cumulative {
            steps, currency, ..
        } => {
            if steps.is_empty() {
                return Err("no steps".into());
            }
            money(*currency)
        }
    }
}

fn check_rate(rate: &Rate, money: &dyn Fn(Currency) -> Result<(), String>) -> Result<(), String> {
    match rate {
        Rate::Fixed(m) => money(m.currency),
        Rate::FeeFraction(_, 0) => Err("a fraction with denominator 0".into()),
        Rate::FeeFraction(..) | Rate::FeeBasisPoints(_) => Ok(()),
        Rate::Greatest(all) if all.is_empty() => Err("Greatest of nothing".into()),
        Rate::Greatest(all) => all.iter().try_for_each(|r| check_rate(r, money)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_packs_load_without_errors() {
        let packs = Packs::built_in();
        assert_eq!(packs.errors, Vec::<PackError>::new());
        assert_eq!(packs.packs.len(), 5);
    }
}
