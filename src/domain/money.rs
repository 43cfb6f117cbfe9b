//! The case's terms for the escalation rules: its country, what kind of customer it is about,
//! and money (integer minor units with a currency: never floats).

use std::fmt;

/// What is wrong with a country, a currency, an amount of money or a case's terms together.
/// (The words for it are the front ends', see `export::words`.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Not two letters: the value as typed.
    UnknownCountry(String),
    /// Not a currency runaround knows: the value as typed.
    UnknownCurrency(String),
    /// Not an amount of money: the value as typed.
    NotAnAmount(String),
    /// A monthly fee below zero, in minor units.
    NegativeFee(i64),
    /// A monthly fee without a currency.
    NoCurrency,
    /// A fee in `currency` for a country whose fees are in `theirs`.
    WrongCurrency {
        currency: Currency,
        country: Country,
        theirs: Currency,
    },
}

impl std::error::Error for MoneyError {}

impl From<MoneyError> for String {
    fn from(e: MoneyError) -> String {
        e.to_string()
    }
}

/// A country as ISO 3166-1 alpha-2: two upper-case letters (`NL`, `GB`, `DE`, `FR`, `BE`).
/// Any two letters are accepted (they are upper-cased); rule packs exist for some.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

/// The countries runaround ships rule packs for.
pub const KNOWN_COUNTRIES: &[&str] = &["NL", "GB", "DE", "FR", "BE"];

/// Euro countries (the currency of a fee there is EUR).
const EURO: &[&str] = &[
    "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT",
    "NL", "PT", "SI", "SK",
];

impl Country {
    /// The country `s` names (two letters, any case).
    pub fn parse(s: &str) -> Result<Country, MoneyError> {
        let t = s.trim();
        let b = t.as_bytes();
        if b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic) {
            Ok(Country([
                b[0].to_ascii_uppercase(),
                b[1].to_ascii_uppercase(),
            ]))
        } else {
            Err(MoneyError::UnknownCountry(s.to_string()))
        }
    }

    /// The two letters.
    pub fn as_str(&self) -> &str {
        // Always two ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The currency fees are in, where runaround knows it.
    pub fn currency(self) -> Option<Currency> {
        match self.as_str() {
            "GB" => Some(Currency::Gbp),
            c if EURO.contains(&c) => Some(Currency::Eur),
            _ => None,
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Country {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Country::parse(s)
    }
}

impl serde::Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let word = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Country::parse(&word).map_err(serde::de::Error::custom)
    }
}

/// A currency (ISO 4217), with two minor digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Currency {
    Eur,
    Gbp,
}

impl Currency {
    /// Every currency.
    pub const ALL: &'static [Currency] = &[Currency::Eur, Currency::Gbp];

    /// The ISO code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
        }
    }

    /// The currency whose ISO code is `s` (any case).
    pub fn parse(s: &str) -> Result<Currency, MoneyError> {
        Currency::ALL
            .iter()
            .copied()
            .find(|c| c.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| MoneyError::UnknownCurrency(s.to_string()))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let word = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Currency::parse(&word).map_err(serde::de::Error::custom)
    }
}

/// Reads an amount of money as minor units: `60`, `60.00`, `49,95`, `7.5` (a dot or a comma
/// before at most two decimals; no signs, no thousands separators, no floats on the way).
pub fn parse_amount(s: &str) -> Result<i64, MoneyError> {
    let bad = || MoneyError::NotAnAmount(s.to_string());
    let t = s.trim();
    let (whole, frac) = match t.find(['.', ',']) {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, ""),
    };
    if whole.is_empty()
        || whole.len() > 12
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (t.len() > whole.len() && frac.is_empty())
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let cents: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| bad())? * 10,
        _ => frac.parse().map_err(|_| bad())?,
    };
    Ok(whole * 100 + cents)
}

/// Checks a case's terms fit together: a fee has a currency, is not negative, and is in the
/// country's currency.
pub fn check_terms(
    country: Option<Country>,
    fee: Option<i64>,
    currency: Option<Currency>,
) -> Result<(), MoneyError> {
    match (fee, currency) {
        (Some(fee), _) if fee < 0 => return Err(MoneyError::NegativeFee(fee)),
        (Some(_), None) => return Err(MoneyError::NoCurrency),
        _ => {}
    }
    if let (Some(country), Some(currency)) = (country, currency)
        && let Some(theirs) = country.currency()
        && theirs != currency
    {
        return Err(MoneyError::WrongCurrency {
            currency,
            country,
            theirs,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_with_a_dot_or_a_comma() {
        assert_eq!(parse_amount("60"), Ok(6000));
        assert_eq!(parse_amount("60.00"), Ok(6000));
        assert_eq!(parse_amount("49,95"), Ok(4995));
        assert_eq!(parse_amount(" 7.5 "), Ok(750));
        for bad in ["", "-5", "1.234", "1,2,3", "12.", ".5", "abc", "€60", "1e3"] {
            assert_eq!(
                parse_amount(bad),
                Err(MoneyError::NotAnAmount(bad.to_string()))
            );
        }
    }

    #[test]
    fn countries_and_currencies() {
        assert_eq!(Country::parse("nl").unwrap().as_str(), "NL");
        assert!(Country::parse("NLD").is_err());
        assert!(Country::parse("N1").is_err());
        assert_eq!(
            Country::parse("GB").unwrap().currency(),
            Some(Currency::Gbp)
        );
        assert_eq!(
            Country::parse("BE").unwrap().currency(),
            Some(Currency::Eur)
        );
        assert_eq!(Country::parse("US").unwrap().currency(), None);
    }
}
