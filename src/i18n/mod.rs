//! The words a person reads, in their language: English, Dutch or French.
//!
//! Every message lives in the Fluent catalogues under `locales/LANG/*.ftl`, embedded in the
//! binary. Code asks for a message by its id with [`t!`](crate::t): `t!("status-saved")` gives
//! a `&'static str`, `t!("events-count", count = n)` a `String`. Ids are always literals, so a
//! test can find every id the code uses and check that each catalogue has exactly those
//! (`tests/languages.rs`). A catalogue is parsed the first time its language is asked for, and
//! a message missing from it (which that test forbids) falls back to English.
//!
//! The language is chosen once by the binary ([`choose`]) and held process-wide; a thread can
//! speak another one for a while ([`Lang::scope`]), which is how tests render one screen in
//! three languages side by side. Dates, numbers and money are shaped in [`fmt`].

pub mod fmt;
pub mod fold;
pub mod vocab;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language runaround speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    #[default]
    En,
    Nl,
    Fr,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Nl, Lang::Fr];

    /// The code: `en`, `nl`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Fr => "fr",
        }
    }

    /// The language a code or locale names: `nl`, `NL`, `nl_BE.UTF-8`, `fr-CA`, `en_GB`.
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == base)
    }

    /// The language this thread speaks now.
    pub fn current() -> Lang {
        THREAD.with(std::cell::Cell::get).unwrap_or_else(|| {
            Lang::ALL
                .get(usize::from(PROCESS.load(Ordering::Relaxed)))
                .copied()
                .unwrap_or_default()
        })
    }

    /// Makes `self` the language of the whole process (the binary does this once).
    pub fn set(self) {
        PROCESS.store(self as u8, Ordering::Relaxed);
    }

    /// Makes this thread speak `self` until the guard is dropped.
    pub fn scope(self) -> Scope {
        Scope(THREAD.with(|t| t.replace(Some(self))))
    }

    /// The catalogue's files for this language, by name.
    pub fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN,
            Lang::Nl => NL,
            Lang::Fr => FR,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Puts a thread's language back as it was when dropped.
#[must_use = "the language goes back when this is dropped"]
pub struct Scope(Option<Lang>);

impl Drop for Scope {
    fn drop(&mut self) {
        THREAD.with(|t| t.set(self.0));
    }
}

static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Declares a language's catalogue files, embedded from `locales/LANG/`.
macro_rules! catalogue {
    ($name:ident, $lang:literal: $($file:literal),+) => {
        const $name: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../../locales/", $lang, "/", $file)))),+
        ];
    };
}

// Every language has the same files; `tests/languages.rs` checks they hold the same messages.
catalogue!(EN, "en": "core.ftl", "tui.ftl", "cli.ftl", "domain.ftl", "export.ftl", "rules.ftl", "help.ftl", "sync.ftl", "pictures.ftl", "attach.ftl", "dossier.ftl", "letters.ftl", "ship.ftl", "start.ftl", "import.ftl");
catalogue!(NL, "nl": "core.ftl", "tui.ftl", "cli.ftl", "domain.ftl", "export.ftl", "rules.ftl", "help.ftl", "sync.ftl", "pictures.ftl", "attach.ftl", "dossier.ftl", "letters.ftl", "ship.ftl", "start.ftl", "import.ftl");
catalogue!(FR, "fr": "core.ftl", "tui.ftl", "cli.ftl", "domain.ftl", "export.ftl", "rules.ftl", "help.ftl", "sync.ftl", "pictures.ftl", "attach.ftl", "dossier.ftl", "letters.ftl", "ship.ftl", "start.ftl", "import.ftl");

type Bundle = FluentBundle<FluentResource>;

/// The bundle of `lang`, parsed on first use. A file that does not parse keeps what did (the
/// catalogue tests forbid both).
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks would be invisible characters with a width on a terminal.
        bundle.set_use_isolating(false);
        for (_, text) in lang.sources() {
            let resource = match FluentResource::try_new((*text).to_string()) {
                Ok(r) | Err((r, _)) => r,
            };
            // A message defined twice keeps its first definition.
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

/// Formats message `id` in `lang` with `args`, or None when `lang`'s catalogue lacks it.
fn format_in(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// Message `id` in the current language, else in English, else the id itself (so a missing
/// message shows as its id rather than as nothing).
pub fn format(id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let lang = Lang::current();
    format_in(lang, id, args)
        .or_else(|| {
            (lang != Lang::En)
                .then(|| format_in(Lang::En, id, args))
                .flatten()
        })
        .unwrap_or_else(|| id.to_string())
}

/// Whether message `id` exists in the current language (or in English).
pub fn has(id: &str) -> bool {
    let has_in = |lang| bundle(lang).get_message(id).is_some();
    has_in(Lang::current()) || has_in(Lang::En)
}

/// Message `id` without arguments, as a `&'static str`: formatted once per language and kept
/// (the ids are the code's literals, so what is kept is bounded by the catalogue).
pub fn message(id: &'static str) -> &'static str {
    type Cache = HashMap<(Lang, &'static str), &'static str>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let lang = Lang::current();
    let cache = CACHE.get_or_init(Mutex::default);
    let mut cache = cache
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    cache
        .entry((lang, id))
        .or_insert_with(|| Box::leak(format(id, None).into_boxed_str()))
}

/// An argument of a message: text or a number (numbers choose plural forms).
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// A message in the current language: `t!("id")` is a `&'static str`; `t!("id", name = value,
/// …)` a `String`, with each value text or a number.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::message($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::format($id, Some(&args))
    }};
}

/// Where the language came from, as [`choose`] found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env,
    Config,
    Locale(String),
    Default,
}

/// Why no language could be chosen: `--lang` or `RUNAROUND_LANG` named one runaround does not
/// speak.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang {
    pub from: &'static str,
    pub value: String,
}

impl std::fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&t!(
            "lang-unknown",
            from = self.from,
            value = self.value.as_str()
        ))
    }
}

/// The language: `--lang`, else `RUNAROUND_LANG`, else the config's `language`, else the first
/// set of `LC_ALL`, `LC_MESSAGES`, `LANG`, else English. A flag or variable naming a language
/// runaround does not speak is an error; a locale that does is English with a warning (the
/// second value), and `C` or `POSIX` is English without one.
pub fn choose(
    flag: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
    config: Option<Lang>,
) -> Result<(Lang, Option<String>), UnknownLang> {
    if let Some(flag) = flag {
        return Lang::parse(flag).map(|l| (l, None)).ok_or(UnknownLang {
            from: "--lang",
            value: flag.to_string(),
        });
    }
    if let Some(value) = env("RUNAROUND_LANG").filter(|v| !v.is_empty()) {
        return Lang::parse(&value).map(|l| (l, None)).ok_or(UnknownLang {
            from: "RUNAROUND_LANG",
            value,
        });
    }
    if let Some(lang) = config {
        return Ok((lang, None));
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        let Some(value) = env(var).filter(|v| !v.is_empty()) else {
            continue;
        };
        if let Some(lang) = Lang::parse(&value) {
            return Ok((lang, None));
        }
        let plain = matches!(value.split('.').next(), Some("C" | "POSIX"));
        let warning =
            (!plain).then(|| t!("lang-locale-fallback", var = var, value = value.as_str()));
        return Ok((Lang::En, warning));
    }
    Ok((Lang::En, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    #[test]
    fn the_flag_wins_then_the_variable_then_the_config_then_the_locale() {
        let all = [("RUNAROUND_LANG", "fr"), ("LANG", "nl_NL.UTF-8")];
        assert_eq!(choose(Some("nl"), env(&all), None), Ok((Lang::Nl, None)));
        assert_eq!(
            choose(None, env(&all), Some(Lang::Nl)),
            Ok((Lang::Fr, None))
        );
        let locale = [("LANG", "fr_BE.UTF-8")];
        assert_eq!(
            choose(None, env(&locale), Some(Lang::Nl)),
            Ok((Lang::Nl, None))
        );
        assert_eq!(choose(None, env(&locale), None), Ok((Lang::Fr, None)));
        let first = [
            ("LC_ALL", "nl_BE"),
            ("LC_MESSAGES", "fr_FR"),
            ("LANG", "en_GB"),
        ];
        assert_eq!(choose(None, env(&first), None), Ok((Lang::Nl, None)));
        assert_eq!(choose(None, env(&[]), None), Ok((Lang::En, None)));
    }

    #[test]
    fn an_unknown_flag_is_an_error_and_an_unknown_locale_a_warning() {
        let err = choose(Some("de"), env(&[]), None).unwrap_err();
        assert_eq!((err.from, err.value.as_str()), ("--lang", "de"));
        let err = choose(None, env(&[("RUNAROUND_LANG", "klingon")]), None).unwrap_err();
        assert_eq!(err.from, "RUNAROUND_LANG");
        let (lang, warning) = choose(None, env(&[("LANG", "de_DE.UTF-8")]), None).unwrap();
        assert_eq!(lang, Lang::En);
        assert!(warning.unwrap().contains("de_DE.UTF-8"));
        assert_eq!(
            choose(None, env(&[("LANG", "C.UTF-8")]), None),
            Ok((Lang::En, None))
        );
        assert_eq!(
            choose(None, env(&[("LC_ALL", "POSIX")]), None),
            Ok((Lang::En, None))
        );
    }

    #[test]
    fn a_thread_speaks_its_scoped_language_and_then_the_process_one_again() {
        assert_eq!(Lang::current(), Lang::En);
        {
            let _nl = Lang::Nl.scope();
            assert_eq!(Lang::current(), Lang::Nl);
            assert_eq!(t!("lang-name"), "Nederlands");
            {
                let _fr = Lang::Fr.scope();
                assert_eq!(t!("lang-name"), "français");
            }
            assert_eq!(Lang::current(), Lang::Nl);
        }
        assert_eq!(t!("lang-name"), "English");
    }

    #[test]
    fn plurals_follow_each_language() {
        let said = |lang: Lang, n: i64| {
            let _scope = lang.scope();
            t!("count-redirects", count = n)
        };
        assert_eq!(said(Lang::En, 1), "1 redirect");
        assert_eq!(said(Lang::En, 2), "2 redirects");
        assert_eq!(said(Lang::Nl, 1), "1 doorverwijzing");
        assert_eq!(said(Lang::Nl, 2), "2 doorverwijzingen");
        assert_eq!(said(Lang::Fr, 1), "1 redirection");
        assert_eq!(said(Lang::Fr, 2), "2 redirections");
        // French counts zero as one.
        assert_eq!(said(Lang::Fr, 0), "0 redirection");
        assert_eq!(said(Lang::Nl, 0), "0 doorverwijzingen");
    }

    #[test]
    fn codes_and_locales_name_their_language() {
        for (s, lang) in [
            ("nl", Lang::Nl),
            ("NL", Lang::Nl),
            ("nl_BE.UTF-8", Lang::Nl),
            ("fr-CA", Lang::Fr),
            ("en_GB", Lang::En),
            ("fr@euro", Lang::Fr),
        ] {
            assert_eq!(Lang::parse(s), Some(lang), "{s}");
        }
        for s in ["", "de", "C", "neder"] {
            assert_eq!(Lang::parse(s), None, "{s}");
        }
    }
}
