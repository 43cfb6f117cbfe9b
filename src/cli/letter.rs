//! `runaround letter CASE KIND` and what `--redact` needs from the journal and the config.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};

use super::{CliError, load_resolved};
use crate::config::Config;
use crate::domain::Case;
use crate::domain::text::clean;
use crate::export::redact::{Redaction, redact};
use crate::letters::{self, LetterKind, Sender};
use crate::storage::Store;

/// The settings the letters and `--redact` read: the sender, the redact words, the file.
#[derive(Clone, Debug, Default)]
struct Settings {
    sender: Sender,
    redact: Vec<String>,
    path: Option<PathBuf>,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// Records the config in use (the binary does this once, before any command runs).
pub fn use_config(config: &Config) {
    let _ = SETTINGS.set(Settings {
        sender: Sender {
            name: config.sender_name.clone(),
            address: config.sender_address.clone(),
        },
        redact: config.redact.clone(),
        path: config.path.clone(),
    });
}

fn settings() -> Settings {
    SETTINGS.get().cloned().unwrap_or_default()
}

/// The redaction of `case`: the numbers of every case of its organisation in the journal stay.
pub fn redaction_for(store: &Store, case: &Case, extra: &[String]) -> Redaction {
    let mut cases: Vec<Case> = store
        .load_all()
        .map(|all| all.into_iter().filter_map(|e| e.body().cloned()).collect())
        .unwrap_or_default();
    cases.push(case.clone());
    let settings = settings();
    // The sender's own name and address are personal data too.
    let mut words = settings.redact;
    words.push(settings.sender.name);
    words.extend(settings.sender.address);
    words.extend(extra.iter().cloned());
    Redaction::for_organisation(&case.organisation, &cases, &words)
}

/// `case` redacted for sharing, by the config's words and the journal's numbers.
pub fn redacted(store: &Store, case: &Case) -> Case {
    redact(case, &redaction_for(store, case, &[]))
}

/// The text of the letter of `kind` for `case` (redacted when asked: then the sender's own
/// name and address are masked too).
pub fn letter_text(
    store: &Store,
    case: &Case,
    kind: LetterKind,
    redacted: bool,
    now: DateTime<Utc>,
) -> Result<String, CliError> {
    let settings = settings();
    let config_file = settings.path.clone().or_else(Config::default_path);
    let dir = letters::user_dir(config_file.as_deref());
    let packs = super::escalation::packs();
    let mut case = case.clone();
    case.clean_text();
    let mut sender = settings.sender.clone();
    if redacted {
        case = redact(&case, &redaction_for(store, &case, &[]));
        // Checked before it is masked: a letter without a sender is an error either way.
        if !sender.name.trim().is_empty() {
            crate::t!("redact-hidden").clone_into(&mut sender.name);
        }
        if sender.address.iter().any(|l| !l.trim().is_empty()) {
            sender.address = vec![crate::t!("redact-hidden").to_string()];
        }
    }
    letters::render(&case, kind, &sender, &packs, dir.as_deref(), now)
        .map(|t| clean(&t))
        .map_err(|e| CliError::Failed(e.message(config_file.as_deref())))
}

/// `runaround letter CASE KIND [-o FILE] [--redact]`: the letter, or nothing written.
pub fn letter(
    store: &Store,
    now: DateTime<Utc>,
    query: &str,
    kind: LetterKind,
    output: Option<&Path>,
    redacted: bool,
) -> Result<String, CliError> {
    let (case, _) = load_resolved(store, query)?;
    let text = letter_text(store, &case, kind, redacted, now)?;
    if let Some(path) = output {
        super::write_export(path, text.as_bytes())?;
        return Ok(String::new());
    }
    Ok(text)
}
