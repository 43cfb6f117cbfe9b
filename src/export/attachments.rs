//! The attachments of a case as the dossier lists them: numbered in its evidence index after
//! the events, as the exported bundle numbers their files.

use crate::domain::{Attachment, Case};

/// The live attachments of `case`, in the order the dossier and the bundle number them.
pub fn listed(case: &Case) -> Vec<&Attachment> {
    case.attachments.iter().filter(|a| a.is_live()).collect()
}
