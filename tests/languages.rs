//! The catalogues: every language has every message the code uses, with the same arguments,
//! and no message the code does not use.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;
use runaround::i18n::Lang;

/// A catalogue's messages: id → the variables it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages(lang: Lang) -> Messages {
    let mut all = Messages::new();
    for (file, text) in lang.sources() {
        let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(_, errors)| {
            panic!("locales/{lang}/{file} does not parse: {errors:?}")
        });
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    for a in &m.attributes {
                        pattern_vars(&a.value, &mut vars);
                    }
                    let id = m.id.name.to_string();
                    assert!(
                        all.insert(id.clone(), vars).is_none(),
                        "locales/{lang}/{file}: {id} is defined twice"
                    );
                }
                ast::Entry::Junk { content } => {
                    panic!("locales/{lang}/{file}: cannot read {content:?}")
                }
                _ => {}
            }
        }
    }
    all
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

/// Every message id the code asks for with `t!("…")`.
fn used_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                ids.extend(ids_in(&text));
            }
        }
    }
    ids
}

/// The literal ids of `t!(` calls in `text` (`format!(` and the like are not calls of `t!`).
fn ids_in(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(|l| [l, "\n"])
        .collect();
    let mut ids = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("t!(") {
        let before = rest[..at].chars().next_back();
        let after = rest[at + 3..].trim_start();
        rest = &rest[at + 3..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(lit) = after.strip_prefix('"')
            && let Some(end) = lit.find('"')
        {
            ids.push(lit[..end].to_string());
        }
    }
    ids
}

/// Ids the code builds rather than names: the `--help` texts, one per command and option,
/// which `help_texts_cover_every_command_and_option` checks against the command line itself.
fn built(id: &str) -> bool {
    id.starts_with("help-")
}

#[test]
fn every_language_has_the_same_messages_with_the_same_arguments() {
    let english = messages(Lang::En);
    assert!(!english.is_empty());
    for lang in [Lang::Nl, Lang::Fr] {
        let other = messages(lang);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang} has messages English lacks: {extra:?}"
        );
        for (id, vars) in &english {
            assert_eq!(
                &other[id], vars,
                "{lang}'s {id} uses other arguments than English's"
            );
        }
    }
}

#[test]
fn the_catalogues_hold_exactly_the_messages_the_code_uses() {
    let english = messages(Lang::En);
    let used = used_ids();
    let undefined: Vec<_> = used
        .iter()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(
        undefined.is_empty(),
        "the code asks for messages no catalogue has: {undefined:?}"
    );
    let unused: Vec<_> = english
        .keys()
        .filter(|id| !used.contains(*id) && !built(id))
        .collect();
    assert!(
        unused.is_empty(),
        "the catalogues have messages the code never uses: {unused:?}"
    );
}

#[test]
fn the_id_scan_finds_calls_and_only_calls() {
    let text = "let a = t!(\"one\"); let b = format!(\"x\"); t!(\n  \"two\", n = 1); not_t!(\"three\")\n  /// t!(\"doc\")";
    assert_eq!(ids_in(text), ["one", "two"]);
}

/// The `help-` message ids the command line asks for: each command's about (`help-new`, the
/// root's `help-runaround`), each documented argument's help (`help-log-hold`, a global
/// option's `help-runaround-lang`), the examples, and clap's own flags and `help` command.
fn help_ids() -> BTreeMap<String, Option<String>> {
    use clap::CommandFactory;
    use runaround::cli::meta::help_id;
    fn walk(command: &clap::Command, name: &str, ids: &mut BTreeMap<String, Option<String>>) {
        ids.insert(
            format!("help-{name}"),
            command.get_about().map(ToString::to_string),
        );
        for arg in command.get_arguments() {
            if let Some(help) = arg.get_help() {
                ids.insert(help_id(name, arg), Some(help.to_string()));
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, sub.get_name(), ids);
        }
    }
    let command = runaround::cli::Cli::command();
    let mut ids = BTreeMap::new();
    walk(&command, "runaround", &mut ids);
    ids.insert(
        "help-runaround-examples".into(),
        command.get_after_help().map(ToString::to_string),
    );
    for id in ["help-flag-help", "help-flag-version", "help-help"] {
        ids.insert(id.into(), None);
    }
    ids
}

#[test]
fn help_texts_cover_every_command_and_option() {
    let wanted = help_ids();
    assert!(wanted.contains_key("help-log-hold") && wanted.contains_key("help-runaround-lang"));
    for lang in Lang::ALL {
        let have = messages(lang);
        let missing: Vec<_> = wanted.keys().filter(|id| !have.contains_key(*id)).collect();
        assert!(
            missing.is_empty(),
            "{lang} has no --help text for {missing:?}"
        );
        let stray: Vec<_> = have
            .keys()
            .filter(|id| built(id) && !wanted.contains_key(*id))
            .collect();
        assert!(
            stray.is_empty(),
            "{lang} has --help texts for no command or option: {stray:?}"
        );
    }
    // English says exactly what the definitions say.
    let _en = Lang::En.scope();
    for (id, text) in &wanted {
        if let Some(text) = text {
            assert_eq!(&runaround::i18n::format(id, None), text, "{id}");
        }
    }
}

#[test]
fn help_is_said_in_the_language_and_parses_the_same() {
    use clap::CommandFactory;
    let argv = [
        "runaround",
        "--lang",
        "nl",
        "log",
        "c",
        "call",
        "--hold",
        "5m",
        "hi",
    ];
    for lang in Lang::ALL {
        let _scope = lang.scope();
        let mut command = runaround::cli::meta::localized(runaround::cli::Cli::command());
        let matches = command.clone().try_get_matches_from(argv).unwrap();
        let (name, log) = matches.subcommand().unwrap();
        assert_eq!(name, "log");
        assert_eq!(
            log.get_one::<String>("hold").map(String::as_str),
            Some("5m")
        );
        assert_eq!(
            matches.get_one::<String>("lang").map(String::as_str),
            Some("nl")
        );
        let help = command.render_help().to_string();
        let log_help = command
            .find_subcommand_mut("log")
            .unwrap()
            .render_help()
            .to_string();
        let (usage, hold) = match lang {
            Lang::En => ("Usage:", "Time on hold (call)"),
            Lang::Nl => ("Gebruik:", "Tijd in de wacht (call)"),
            Lang::Fr => ("Utilisation\u{a0}:", "Temps en attente (call)"),
        };
        assert!(help.contains(usage), "{lang}: {help}");
        assert!(log_help.contains(hold), "{lang}: {log_help}");
    }
}
