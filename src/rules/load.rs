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
    pub problem: PackProblem,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.problem)
    }
}

/// Why a pack file did not load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackProblem {
    /// The file could not be read: the system's words.
    Unreadable(String),
    /// Not RON of the pack schema: the parser's words.
    Syntax(String),
    /// Another schema version than [`PACK_SCHEMA`].
    Schema(u32),
    /// The pack's currency is not its country's.
    CurrencyOfCountry {
        currency: Currency,
        country: Country,
    },
    /// A file for a country with a pack already loaded, in another currency.
    CurrencyOfPack {
        currency: Currency,
        country: Country,
        theirs: Currency,
    },
    /// A new country's pack without a calendar.
    NeedsCalendar(Country),
    /// The calendar's sources.
    Calendar(VersionProblem),
    /// Two rules with one id.
    Twice(String),
    /// A rule without an English title.
    NoEnglishTitle(String),
    /// A rule without versions.
    NoVersions(String),
    /// A version that ends before it starts.
    EndsBeforeStart {
        rule: String,
        from: String,
        until: String,
    },
    /// A version still in force when the next starts.
    Overlap {
        rule: String,
        from: String,
        next: String,
    },
    /// Something wrong in the version of `rule` from `from`.
    Version {
        rule: String,
        from: String,
        problem: VersionProblem,
    },
}

/// What is wrong inside a version (or a calendar, or one reading of a disputed rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionProblem {
    NoSources,
    SourceWithoutUrl(String),
    /// A legal basis given per language, without an English one.
    NoEnglishBasis,
    /// An amount in `amount` in a pack in `pack`.
    MoneyMismatch {
        amount: Currency,
        pack: Currency,
    },
    NoTiers,
    NoSteps,
    ZeroDenominator,
    GreatestOfNothing,
    /// A problem in one reading of a disputed rule.
    Reading {
        reading: String,
        problem: Box<VersionProblem>,
    },
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
                    problem: PackProblem::Unreadable(e.to_string()),
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
                                problem: PackProblem::CurrencyOfPack {
                                    currency: pack.currency,
                                    country: p.country,
                                    theirs: p.currency,
                                },
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
                                problem: PackProblem::NeedsCalendar(pack.country),
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
        problem: PackProblem::Syntax(e.code.to_string()),
    })?;
    let err = |line: usize, problem: PackProblem| PackError {
        file: file.into(),
        line,
        problem,
    };
    if pack.schema != PACK_SCHEMA {
        return Err(err(
            line_of(text, "schema"),
            PackProblem::Schema(pack.schema),
        ));
    }
    if pack.country.currency() != Some(pack.currency) {
        return Err(err(
            line_of(text, "currency"),
            PackProblem::CurrencyOfCountry {
                currency: pack.currency,
                country: pack.country,
            },
        ));
    }
    if let Some(cal) = &pack.calendar {
        check_sources(&cal.sources)
            .map_err(|p| err(line_of(text, "calendar"), PackProblem::Calendar(p)))?;
    }
    let mut ids = BTreeSet::new();
    for rule in &pack.rules {
        let at = rule_at(text, &rule.id);
        let rule_line = text[..at].matches('\n').count() + 1;
        if !ids.insert(rule.id.as_str()) {
            return Err(err(rule_line, PackProblem::Twice(rule.id.clone())));
        }
        if !rule.title.contains_key("en") {
            return Err(err(rule_line, PackProblem::NoEnglishTitle(rule.id.clone())));
        }
        if rule.versions.is_empty() {
            return Err(err(rule_line, PackProblem::NoVersions(rule.id.clone())));
        }
        let mut order: Vec<usize> = (0..rule.versions.len()).collect();
        order.sort_by_key(|&i| rule.versions[i].valid_from);
        for (k, &i) in order.iter().enumerate() {
            let v = &rule.versions[i];
            let line = version_line(text, at, i);
            if v.valid_until.is_some_and(|u| u <= v.valid_from) {
                return Err(err(
                    line,
                    PackProblem::EndsBeforeStart {
                        rule: rule.id.clone(),
                        from: v.valid_from.to_string(),
                        until: v.valid_until.map(|u| u.to_string()).unwrap_or_default(),
                    },
                ));
            }
            if let Some(&j) = order.get(k + 1) {
                let next = &rule.versions[j];
                if v.valid_until.is_none_or(|u| u > next.valid_from) {
                    return Err(err(
                        version_line(text, at, j),
                        PackProblem::Overlap {
                            rule: rule.id.clone(),
                            from: v.valid_from.to_string(),
                            next: next.valid_from.to_string(),
                        },
                    ));
                }
            }
            let in_version = |problem| {
                err(
                    line,
                    PackProblem::Version {
                        rule: rule.id.clone(),
                        from: v.valid_from.to_string(),
                        problem,
                    },
                )
            };
            check_sources(&v.sources).map_err(in_version)?;
            if !v.basis.has_english() {
                return Err(in_version(VersionProblem::NoEnglishBasis));
            }
            check_effect(&v.effect, pack.currency).map_err(in_version)?;
        }
    }
    Ok(pack)
}

fn check_sources(sources: &[Source]) -> Result<(), VersionProblem> {
    if sources.is_empty() {
        return Err(VersionProblem::NoSources);
    }
    match sources.iter().find(|s| s.url.trim().is_empty()) {
        Some(s) => Err(VersionProblem::SourceWithoutUrl(s.title.clone())),
        None => Ok(()),
    }
}

fn check_effect(effect: &Effect, currency: Currency) -> Result<(), VersionProblem> {
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
            Err(VersionProblem::MoneyMismatch {
                amount: m,
                pack: currency,
            })
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
        check_sources(&i.sources).map_err(|p| VersionProblem::Reading {
            reading: i.reading.clone(),
            problem: Box::new(p),
        })?;
    }
    Ok(())
}

fn check_amount(
    amount: &Amount,
    money: &dyn Fn(Currency) -> Result<(), VersionProblem>,
) -> Result<(), VersionProblem> {
    match amount {
        Amount::PerUnit(r) => check_rate(r, money),
        Amount::Tiered(tiers) => {
            if tiers.is_empty() {
                return Err(VersionProblem::NoTiers);
            }
            tiers.iter().try_for_each(|t| check_rate(&t.rate, money))
        }
        Amount::Cumulative {
            steps, currency, ..
        } => {
            if steps.is_empty() {
                return Err(VersionProblem::NoSteps);
            }
            money(*currency)
        }
    }
}

fn check_rate(
    rate: &Rate,
    money: &dyn Fn(Currency) -> Result<(), VersionProblem>,
) -> Result<(), VersionProblem> {
    match rate {
        Rate::Fixed(m) => money(m.currency),
        Rate::FeeFraction(_, 0) => Err(VersionProblem::ZeroDenominator),
        Rate::FeeFraction(..) | Rate::FeeBasisPoints(_) => Ok(()),
        Rate::Greatest(all) if all.is_empty() => Err(VersionProblem::GreatestOfNothing),
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

    #[test]
    fn every_built_in_rule_has_a_title_in_english_dutch_and_french() {
        let packs = Packs::built_in();
        let mut rules = 0;
        for pack in &packs.packs {
            for (rule, file) in &pack.rules {
                rules += 1;
                for lang in crate::i18n::Lang::ALL {
                    let title = rule.title.get(lang.code()).map(|t| t.trim());
                    assert!(
                        title.is_some_and(|t| !t.is_empty()),
                        "{file}: rule '{}' has no {lang} title",
                        rule.id
                    );
                }
                // Told, not copied: a Dutch or French title that is the English one is missing.
                for lang in ["nl", "fr"] {
                    assert_ne!(rule.title.get(lang), rule.title.get("en"), "{}", rule.id);
                }
            }
        }
        assert!(rules >= 20, "{rules}");
    }

    #[test]
    fn every_built_in_legal_basis_and_question_is_told_in_english_dutch_and_french() {
        let packs = Packs::built_in();
        let (mut bases, mut questions) = (0, 0);
        for pack in &packs.packs {
            for (rule, file) in &pack.rules {
                for v in &rule.versions {
                    bases += 1;
                    let super::super::schema::Words::Each(texts) = &v.basis else {
                        panic!("{file}: '{}' has one basis for all languages", rule.id);
                    };
                    for lang in crate::i18n::Lang::ALL {
                        assert!(
                            texts.get(lang.code()).is_some_and(|t| !t.trim().is_empty()),
                            "{file}: '{}' {} has no {lang} basis",
                            rule.id,
                            v.valid_from
                        );
                    }
                    for q in &v.questions {
                        questions += 1;
                        for lang in ["nl", "fr"] {
                            let told = q.get(lang).map(|t| t.trim());
                            assert!(told.is_some_and(|t| !t.is_empty()), "{file}: {q:?}");
                            // A question is a sentence: told, not copied.
                            assert_ne!(q.get(lang), q.get("en"), "{file}: {q:?}");
                        }
                    }
                }
            }
        }
        assert!(
            bases >= 30 && questions >= 30,
            "{bases} bases, {questions} questions"
        );
    }

    #[test]
    fn a_basis_is_read_in_the_readers_language_and_one_text_serves_every_language() {
        let nl_pack = BUILT_IN
            .iter()
            .find(|(n, _)| n.starts_with("nl"))
            .map_or("", |p| p.1);
        let pack = parse("nl.ron", nl_pack).unwrap();
        let basis = &pack.rules[0].versions[0].basis;
        assert_eq!(
            basis.get("nl"),
            "art. 7.1a Telecommunicatiewet; art. 3.15 RUDE (het minimum van € 1 komt uit een secundaire bron)"
        );
        assert!(
            basis
                .get("fr")
                .starts_with("art. 7.1a Telecommunicatiewet\u{a0};")
        );
        // A language the pack does not speak reads the English.
        assert!(
            basis
                .get("de")
                .ends_with("(the minimum of € 1 is secondary)")
        );
        // A user's pack may give one text for every language, but not texts without English.
        let with_basis = |basis: &str| {
            let line = nl_pack
                .lines()
                .find(|l| l.trim_start().starts_with("basis:"));
            nl_pack.replacen(line.unwrap_or_default(), basis, 1)
        };
        let one = parse("mine.ron", &with_basis("basis: \"Tw 7.1a\",")).unwrap();
        assert_eq!(one.rules[0].versions[0].basis.get("fr"), "Tw 7.1a");
        let err = parse("mine.ron", &with_basis("basis: {\"nl\": \"Tw 7.1a\"},")).unwrap_err();
        let _en = crate::i18n::Lang::En.scope();
        assert!(
            err.to_string()
                .ends_with("the legal basis has no English text ('en')"),
            "{err}"
        );
    }

    #[test]
    fn a_pack_that_does_not_load_says_why_in_the_readers_language() {
        let text = BUILT_IN[0].1.replacen("schema: 1", "schema: 7", 1);
        let err = parse("mine.ron", &text).unwrap_err();
        let said = |lang: crate::i18n::Lang| {
            let _scope = lang.scope();
            err.to_string()
        };
        assert_eq!(
            said(crate::i18n::Lang::En),
            "mine.ron:4: schema 7 (this runaround reads schema 1)"
        );
        assert_eq!(
            said(crate::i18n::Lang::Nl),
            "mine.ron:4: schema 7 (deze runaround leest schema 1)"
        );
        assert_eq!(
            said(crate::i18n::Lang::Fr),
            "mine.ron:4: schéma 7 (ce runaround lit le schéma 1)"
        );
        let nested = PackProblem::Version {
            rule: "nl-gc-wait".into(),
            from: "2019-01-01".into(),
            problem: VersionProblem::Reading {
                reading: "strict".into(),
                problem: Box::new(VersionProblem::NoSources),
            },
        };
        let _nl = crate::i18n::Lang::Nl.scope();
        let unknown = BUILT_IN[0]
            .1
            .replacen("anchor: \"outage\"", "anchor: \"letter-sent\"", 1);
        let err = parse("mine.ron", &unknown).unwrap_err().to_string();
        assert!(
            err.contains("onbekende anchor 'letter-sent' (verwacht een van: written-complaint,"),
            "{err}"
        );
        assert_eq!(
            nested.to_string(),
            "regel 'nl-gc-wait' vanaf 2019-01-01: de lezing 'strict': bronnen ontbreken \
             (elke versie heeft er minstens één nodig)"
        );
    }
}
