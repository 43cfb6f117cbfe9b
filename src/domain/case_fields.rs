//! A case's own fields as a form edits them at once: title, organisation, tags, terms
//! (country, customer kind, monthly fee) and references.

use super::case::{Case, Reference};
use super::enums::Customer;
use super::money::{Country, Currency};

/// What an edit of the case itself sets; every field is replaced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseFields {
    pub title: String,
    pub organisation: String,
    pub tags: Vec<String>,
    pub country: Option<Country>,
    pub customer: Option<Customer>,
    pub monthly_fee_minor: Option<i64>,
    pub currency: Option<Currency>,
    pub references: Vec<Reference>,
}

impl CaseFields {
    /// The fields `case` has now.
    pub fn of(case: &Case) -> CaseFields {
        CaseFields {
            title: case.title.clone(),
            organisation: case.organisation.clone(),
            tags: case.tags.clone(),
            country: case.country,
            customer: case.customer,
            monthly_fee_minor: case.monthly_fee_minor,
            currency: case.currency,
            references: case.references.clone(),
        }
    }

    /// Puts the fields into `case`.
    pub fn apply(&self, case: &mut Case) {
        case.title.clone_from(&self.title);
        case.organisation.clone_from(&self.organisation);
        case.tags.clone_from(&self.tags);
        case.country = self.country;
        case.customer = self.customer;
        case.monthly_fee_minor = self.monthly_fee_minor;
        case.currency = self.currency;
        case.references.clone_from(&self.references);
    }
}
