//! Finding the case a person means: a full id, a unique id prefix, or a case-insensitive
//! piece of the title that only one case has (accents and case ignored).

/// Why a CASE argument did not name exactly one case: the query, and the cases it could have
/// meant (`id  title`), all of them when it named none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    Unknown {
        query: String,
        candidates: Vec<String>,
    },
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

impl std::error::Error for ResolveError {}

/// A case as resolution sees it.
pub struct Candidate<'a> {
    pub id: &'a str,
    pub title: &'a str,
}

/// Picks the one candidate `query` names and returns its index.
pub fn resolve(query: &str, cases: &[Candidate<'_>]) -> Result<usize, ResolveError> {
    let q = query.trim();
    let describe = |idx: &[usize]| {
        idx.iter()
            .map(|&i| format!("{}  {}", cases[i].id, cases[i].title))
            .collect()
    };
    if let Some(i) = cases.iter().position(|c| c.id == q) {
        return Ok(i);
    }
    let by_prefix: Vec<usize> = (0..cases.len())
        .filter(|&i| !q.is_empty() && cases[i].id.starts_with(q))
        .collect();
    let matches = if by_prefix.is_empty() {
        // Accents and case do not count: `cafe` finds `Café`, `kevin` finds `Kévin`.
        (0..cases.len())
            .filter(|&i| !q.is_empty() && crate::i18n::fold::contains(cases[i].title, q))
            .collect()
    } else {
        by_prefix
    };
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(ResolveError::Unknown {
            query: q.to_string(),
            candidates: describe(&(0..cases.len()).collect::<Vec<_>>()),
        }),
        many => Err(ResolveError::Ambiguous {
            query: q.to_string(),
            candidates: describe(many),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cases() -> Vec<Candidate<'static>> {
        vec![
            Candidate {
                id: "k7f3q2ab",
                title: "No internet after moving",
            },
            Candidate {
                id: "k7x9m4cd",
                title: "Broken phone, loan device never came",
            },
            Candidate {
                id: "p2a8",
                title: "Internet bill twice",
            },
        ]
    }

    #[test]
    fn id_prefix_and_title_resolution() {
        assert_eq!(resolve("k7f3q2ab", &cases()), Ok(0));
        assert_eq!(resolve("k7x", &cases()), Ok(1));
        assert_eq!(resolve("LOAN device", &cases()), Ok(1));
        assert!(
            matches!(resolve("k7", &cases()), Err(ResolveError::Ambiguous { candidates, .. }) if candidates.len() == 2)
        );
        assert!(matches!(
            resolve("internet", &cases()),
            Err(ResolveError::Ambiguous { .. })
        ));
        let err = resolve("ziggo", &cases()).unwrap_err().to_string();
        assert!(
            err.starts_with("no case matches 'ziggo'; the cases are:\n  k7f3q2ab  No internet"),
            "{err}"
        );
    }
}
