//! Files kept as evidence of a case: a letter sent, an invoice, a screenshot. The case holds
//! what is known of each (its SHA-256, size, label, original name, when it was added, the event
//! it belongs to); the bytes are kept by storage, once per content.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::time::serde_rfc3339;

/// One file attached to a case (key `attachments` of the case, absent when none). A removed
/// one stays, with when it was removed: removing is an amendment like any other.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// A short stable id, unique in the case.
    pub id: String,
    /// The SHA-256 of the content, 64 lowercase hex digits: also the name of the stored file.
    pub sha256: String,
    /// The size in bytes.
    pub size: u64,
    /// The file's name when it was attached (no directory).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What it is, in the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(with = "serde_rfc3339")]
    pub added: DateTime<Utc>,
    /// The id of the event it belongs to, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub event: String,
    /// When it was removed (absent while it is attached).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "serde_rfc3339::option"
    )]
    pub removed: Option<DateTime<Utc>>,
}

impl Attachment {
    /// Whether it is still attached.
    pub fn is_live(&self) -> bool {
        self.removed.is_none()
    }

    /// What a person calls it: its label, else its original name.
    pub fn title(&self) -> &str {
        if self.label.is_empty() {
            &self.name
        } else {
            &self.label
        }
    }

    /// Whether `sha256` is a well-formed content hash (it names a file: nothing else gets in).
    pub fn valid_hash(sha256: &str) -> bool {
        sha256.len() == 64
            && sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    }
}

/// The attachments of two copies of a case as one: every attachment of either, by id; one
/// removed on either side stays removed (the earlier removal).
pub fn union(ours: &[Attachment], theirs: &[Attachment]) -> Vec<Attachment> {
    let mut out: Vec<Attachment> = ours.to_vec();
    for t in theirs {
        match out.iter_mut().find(|a| a.id == t.id) {
            Some(a) => {
                a.removed = match (a.removed, t.removed) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
            }
            None => out.push(t.clone()),
        }
    }
    out.sort_by(|a, b| a.added.cmp(&b.added).then_with(|| a.id.cmp(&b.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 30, h, 0, 0).unwrap()
    }

    fn one(id: &str, added: u32, removed: Option<u32>) -> Attachment {
        Attachment {
            id: id.into(),
            sha256: "a".repeat(64),
            size: 1,
            name: "x.pdf".into(),
            label: String::new(),
            added: at(added),
            event: String::new(),
            removed: removed.map(at),
        }
    }

    #[test]
    fn a_union_keeps_both_sides_and_a_removal_on_either() {
        let ours = [one("a", 9, None), one("b", 10, None)];
        let theirs = [one("b", 10, Some(12)), one("c", 11, None)];
        let u = union(&ours, &theirs);
        let ids: Vec<_> = u.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(u[1].removed, Some(at(12)));
        assert!(u[0].is_live() && u[2].is_live());
    }

    #[test]
    fn only_lowercase_hex_of_64_digits_is_a_hash() {
        assert!(Attachment::valid_hash(&"0f".repeat(32)));
        assert!(!Attachment::valid_hash(&"0F".repeat(32)));
        assert!(!Attachment::valid_hash("../../etc/passwd"));
        assert!(!Attachment::valid_hash(&"0".repeat(63)));
    }
}
