//! Cases turned into text for people and programs: pure functions, case in, text out.

pub mod attachments;
pub mod csv;
pub mod dossier;
pub mod escalation;
pub mod html;
pub mod json;
pub mod markdown;
pub mod redact;
pub mod svg;
pub mod text;
pub mod words;
