//! The case's own fields on the command line: `--country`, `--customer`, `--fee` and `--ref`
//! (on `new` and `set`), and `set` itself.

use super::args::{SetArgs, TermsArgs};
use super::{CliError, resolve_id, usage};
use crate::domain::money::{check_terms, parse_amount};
use crate::domain::text::clean_line;
use crate::domain::{Case, Country, Customer, Reference};
use crate::i18n::vocab;
use crate::storage::Store;
use crate::t;

/// Sets the fields `terms` gives on `case`. The fee is in the currency of the case's country
/// (given in the same command or before); a country whose currency differs from the fee's
/// needs the fee again. Nothing is changed when anything is wrong.
pub fn apply(case: &mut Case, terms: &TermsArgs) -> Result<(), String> {
    let mut next = case.clone();
    if let Some(c) = &terms.country {
        next.country = if c.trim().is_empty() {
            None
        } else {
            Some(Country::parse(c).map_err(|e| format!("--country: {e}"))?)
        };
    }
    if let Some(k) = &terms.customer {
        next.customer = if k.trim().is_empty() {
            None
        } else {
            Some(
                k.parse::<Customer>()
                    .map_err(|e| format!("--customer: {e}"))?,
            )
        };
    }
    if let Some(fee) = &terms.fee {
        if fee.trim().is_empty() {
            next.monthly_fee_minor = None;
            next.currency = None;
        } else {
            let minor = parse_amount(fee).map_err(|e| format!("--fee: {e}"))?;
            let country = next
                .country
                .ok_or_else(|| t!("terms-fee-needs-country", fee = fee.as_str()))?;
            let currency = country.currency().ok_or_else(|| {
                t!(
                    "terms-no-currency",
                    fee = fee.as_str(),
                    country = country.to_string()
                )
            })?;
            next.monthly_fee_minor = Some(minor);
            next.currency = Some(currency);
        }
    } else if terms.country.is_some()
        && let (Some(country), Some(currency)) = (next.country, next.currency)
        && country.currency() != Some(currency)
    {
        return Err(t!(
            "terms-fee-currency",
            country = country.to_string(),
            currency = currency.to_string()
        ));
    }
    for r in &terms.refs {
        let Some((label, value)) = r.split_once('=') else {
            return Err(t!("terms-ref-shape", reference = r.as_str()));
        };
        let (label, value) = (clean_line(label), clean_line(value));
        if label.is_empty() {
            return Err(t!("terms-ref-empty-label", reference = r.as_str()));
        }
        let at = next
            .references
            .iter()
            .position(|x| x.label.eq_ignore_ascii_case(&label));
        match (at, value.is_empty()) {
            (Some(i), true) => {
                next.references.remove(i);
            }
            (Some(i), false) => next.references[i].value = value,
            (None, true) => {}
            (None, false) => next.references.push(Reference { label, value }),
        }
    }
    check_terms(next.country, next.monthly_fee_minor, next.currency)?;
    *case = next;
    Ok(())
}

/// The one line `set` prints: id, status, organisation, title and the terms that are set.
pub fn one_line(case: &Case) -> String {
    let mut line = format!(
        "{} {} {} · {}",
        case.id,
        vocab::status(case.status),
        case.organisation,
        case.title
    );
    let mut terms = Vec::new();
    if let Some(c) = case.country {
        terms.push(c.to_string());
    }
    if let Some(k) = case.customer {
        terms.push(vocab::customer(k).to_string());
    }
    if let (Some(fee), Some(cur)) = (case.monthly_fee_minor, case.currency) {
        terms.push(t!("terms-a-month", fee = crate::i18n::fmt::money(fee, cur)));
    }
    if !terms.is_empty() {
        line.push_str(&format!(" · {}", terms.join(" ")));
    }
    if !case.tags.is_empty() {
        line.push_str(&format!(
            " · {}",
            t!("terms-tags", tags = case.tags.join(", "))
        ));
    }
    line
}

/// `runaround set`: changes the fields the flags give, through one update of the case file.
pub fn set(store: &Store, args: &SetArgs) -> Result<String, CliError> {
    let title = args.title.as_deref().map(clean_line);
    if title.as_deref().is_some_and(str::is_empty) {
        return Err(usage(t!("terms-empty-title")));
    }
    let org = args.org.as_deref().map(clean_line);
    let id = resolve_id(store, &args.case)?;
    let (line, _) = store.update(&id, |case| {
        apply(case, &args.terms)?;
        if let Some(t) = &title {
            case.title.clone_from(t);
        }
        if let Some(o) = &org {
            case.organisation.clone_from(o);
        }
        for t in args.tags.iter().map(|t| clean_line(t)) {
            if !t.is_empty() && !case.tags.contains(&t) {
                case.tags.push(t);
            }
        }
        for t in args.untags.iter().map(|t| clean_line(t)) {
            case.tags.retain(|x| *x != t);
        }
        Ok::<_, String>(one_line(case))
    })?;
    Ok(line)
}
