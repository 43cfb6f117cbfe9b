//! How a rule pack's problems are said, in the reader's language.

use std::fmt;

use super::load::{PackProblem, VersionProblem};
use super::schema::PACK_SCHEMA;
use crate::t;

impl fmt::Display for PackProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said = match self {
            PackProblem::Unreadable(why) | PackProblem::Syntax(why) => why.clone(),
            PackProblem::Schema(schema) => t!(
                "pack-schema",
                schema = schema.to_string(),
                reads = PACK_SCHEMA.to_string()
            ),
            PackProblem::CurrencyOfCountry { currency, country } => t!(
                "pack-currency-of-country",
                currency = currency.code(),
                country = country.as_str()
            ),
            PackProblem::CurrencyOfPack {
                currency,
                country,
                theirs,
            } => t!(
                "pack-currency-of-pack",
                currency = currency.code(),
                country = country.as_str(),
                theirs = theirs.code()
            ),
            PackProblem::NeedsCalendar(country) => {
                t!("pack-needs-calendar", country = country.as_str())
            }
            PackProblem::Calendar(p) => p.to_string(),
            PackProblem::Twice(rule) => t!("pack-rule-twice", rule = rule.as_str()),
            PackProblem::NoEnglishTitle(rule) => {
                t!("pack-rule-no-english-title", rule = rule.as_str())
            }
            PackProblem::NoVersions(rule) => t!("pack-rule-no-versions", rule = rule.as_str()),
            PackProblem::EndsBeforeStart { rule, from, until } => t!(
                "pack-version-ends-before-start",
                rule = rule.as_str(),
                from = from.as_str(),
                until = until.as_str()
            ),
            PackProblem::Overlap { rule, from, next } => t!(
                "pack-versions-overlap",
                rule = rule.as_str(),
                from = from.as_str(),
                next = next.as_str()
            ),
            PackProblem::Version {
                rule,
                from,
                problem,
            } => t!(
                "pack-in-version",
                rule = rule.as_str(),
                from = from.as_str(),
                problem = problem.to_string()
            ),
        };
        f.write_str(&said)
    }
}

impl fmt::Display for VersionProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said = match self {
            VersionProblem::NoSources => t!("pack-no-sources").to_string(),
            VersionProblem::SourceWithoutUrl(title) => {
                t!("pack-source-without-url", title = title.as_str())
            }
            VersionProblem::NoEnglishBasis => t!("pack-no-english-basis").to_string(),
            VersionProblem::MoneyMismatch { amount, pack } => t!(
                "pack-money-mismatch",
                amount = amount.code(),
                pack = pack.code()
            ),
            VersionProblem::NoTiers => t!("pack-no-tiers").to_string(),
            VersionProblem::NoSteps => t!("pack-no-steps").to_string(),
            VersionProblem::ZeroDenominator => t!("pack-zero-denominator").to_string(),
            VersionProblem::GreatestOfNothing => t!("pack-greatest-of-nothing").to_string(),
            VersionProblem::Reading { reading, problem } => t!(
                "pack-in-reading",
                reading = reading.as_str(),
                problem = problem.to_string()
            ),
        };
        f.write_str(&said)
    }
}
