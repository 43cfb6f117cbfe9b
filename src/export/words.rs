//! How the domain's facts about money and a case's terms are said, the same way on the
//! command line, in the TUI, in file checks and imports.

use std::fmt;

use crate::domain::case::UnknownChange;
use crate::domain::money::{KNOWN_COUNTRIES, MoneyError};
use crate::domain::time::NotRfc3339;
use crate::t;

impl fmt::Display for NotRfc3339 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!("file-not-rfc3339", value = self.0.as_str()))
    }
}

impl fmt::Display for UnknownChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!("file-unknown-change", value = self.0.as_str()))
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let said = match self {
            MoneyError::UnknownCountry(value) => t!(
                "money-unknown-country",
                value = value.as_str(),
                known = KNOWN_COUNTRIES.join(", ")
            ),
            MoneyError::UnknownCurrency(value) => {
                t!("money-unknown-currency", value = value.as_str())
            }
            MoneyError::NotAnAmount(value) => t!("money-not-an-amount", value = value.as_str()),
            MoneyError::NegativeFee(fee) => t!("money-negative-fee", fee = fee.to_string()),
            MoneyError::NoCurrency => t!("money-no-currency").to_string(),
            MoneyError::WrongCurrency {
                currency,
                country,
                theirs,
            } => t!(
                "money-wrong-currency",
                currency = currency.code(),
                country = country.as_str(),
                theirs = theirs.code()
            ),
        };
        f.write_str(&said)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::money::{Country, Currency, MoneyError, check_terms, parse_amount};
    use crate::i18n::Lang;

    #[test]
    fn money_problems_are_said_in_each_language() {
        let said = |lang: Lang, e: &MoneyError| {
            let _scope = lang.scope();
            e.to_string()
        };
        let country = Country::parse("nlx").unwrap_err();
        assert_eq!(
            said(Lang::En, &country),
            "unknown country 'nlx' (expected two letters, ISO 3166-1, e.g. NL, GB, DE, FR, BE)"
        );
        assert!(said(Lang::Nl, &country).starts_with("onbekend land 'nlx'"));
        assert!(said(Lang::Fr, &country).starts_with("pays inconnu «\u{a0}nlx\u{a0}»"));
        let none = check_terms(None, Some(6000), None).unwrap_err();
        assert_eq!(said(Lang::En, &none), "the monthly fee has no currency");
        assert_eq!(
            said(Lang::Nl, &none),
            "het maandbedrag heeft geen munteenheid"
        );
        assert_eq!(said(Lang::Fr, &none), "la mensualité n’a pas de devise");
        let wrong =
            check_terms(Country::parse("GB").ok(), Some(6000), Some(Currency::Eur)).unwrap_err();
        assert_eq!(
            said(Lang::En, &wrong),
            "the fee is in EUR, but fees in GB are in GBP"
        );
        assert_eq!(
            said(Lang::Nl, &wrong),
            "het bedrag is in EUR, maar in GB wordt in GBP betaald"
        );
        let amount = parse_amount("€60").unwrap_err();
        assert_eq!(
            said(Lang::En, &amount),
            "'€60' is not an amount of money (write it like 60, 60.00 or 49,95)"
        );
        assert!(said(Lang::Fr, &amount).contains("60,00"));
        let negative = check_terms(None, Some(-5), Some(Currency::Eur)).unwrap_err();
        assert_eq!(said(Lang::En, &negative), "the monthly fee -5 is negative");
        assert!(said(Lang::Nl, &negative).contains("-5"));
        let currency = Currency::parse("usd").unwrap_err();
        assert_eq!(
            said(Lang::En, &currency),
            "unknown currency 'usd' (expected EUR or GBP)"
        );
    }

    #[test]
    fn a_new_case_about_an_outage_starts_with_words_in_the_readers_language() {
        use crate::domain::draft::NewCase;
        let at = chrono::DateTime::parse_from_rfc3339("2013-08-16T17:30:00+02:00")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let draft = NewCase {
            title: "Geen internet".into(),
            organisation: "KPN".into(),
            outage: Some(at),
            ..NewCase::default()
        };
        let summary = |lang: Lang| {
            let _scope = lang.scope();
            draft.case(at).unwrap().events[0].summary.clone()
        };
        assert_eq!(summary(Lang::En), "service out");
        assert_eq!(summary(Lang::Nl), "service ligt eruit");
        assert_eq!(summary(Lang::Fr), "service coupé");
    }

    #[test]
    fn problems_in_a_case_file_are_said_in_the_readers_language() {
        use crate::domain::case::UnknownChange;
        use crate::domain::time::NotRfc3339;
        let _nl = Lang::Nl.scope();
        assert_eq!(
            NotRfc3339("gisteren".into()).to_string(),
            "'gisteren' is geen RFC 3339-tijd"
        );
        assert!(
            UnknownChange("moved".into())
                .to_string()
                .starts_with("onbekende wijziging 'moved'")
        );
    }
}
