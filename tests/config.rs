//! The config file from the command line: `runaround config --default` round-trips to the
//! defaults, a bad file stops every command with its file and line before the journal is
//! touched, `--config` / `RUNAROUND_CONFIG` must name a file that exists, and a
//! `default_organisation` makes `new --org` optional (and only then). Also `completions`,
//! `man` and `--version`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use runaround::config::{Config, DEFAULT_CONFIG};

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

/// The binary with a config dir of its own (`home`), so the user's real config never counts.
fn run(home: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(BIN);
    for var in [
        "RUNAROUND_DIR",
        "RUNAROUND_NOW",
        "RUNAROUND_CONFIG",
        "NO_COLOR",
        "RUNAROUND_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args).output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn the_printed_default_config_parses_back_to_the_defaults() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["config", "--default"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text, DEFAULT_CONFIG);
    let path = home.path().join("printed.ron");
    std::fs::write(&path, &text).unwrap();
    let parsed = Config::parse(&text, &path).unwrap();
    assert_eq!(
        Config {
            path: None,
            ..parsed
        },
        Config::default()
    );
    // And the program takes it.
    let data = home.path().join("j");
    let out = run(
        home.path(),
        &[
            "--config",
            path.to_str().unwrap(),
            "--data-dir",
            data.to_str().unwrap(),
            "list",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_default_config_file_is_read_from_the_config_dir() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["config", "--path"], &[]);
    let path = stdout(&out).trim().to_string();
    assert!(
        path.starts_with(home.path().join("config").to_str().unwrap()),
        "{path}"
    );
    let out = run(home.path(), &["config"], &[]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("not there"), "{}", stdout(&out));
    std::fs::create_dir_all(Path::new(&path).parent().unwrap()).unwrap();
    std::fs::write(&path, "(\n  theme: \"mauve\",\n)\n").unwrap();
    let out = run(home.path(), &["config"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("config.ron:2:"), "{}", stderr(&out));
}

#[test]
fn a_bad_config_names_file_and_line_exits_2_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("bad.ron");
    let data = home.path().join("journal");
    let bad = [
        (
            "(\n  theme: \"dark\",\n  keys: {\n    \"log_event\": \"n\",\n  },\n)\n",
            4,
            "new_case",
        ),
        (
            "(\n  keys: {\n    \"explode\": \"x\",\n  },\n)\n",
            3,
            "explode",
        ),
        (
            "(\n  keys: {\n    \"quit\": \"Meta-Q\",\n  },\n)\n",
            3,
            "not a key",
        ),
        (
            "(\n  theme: \"dark\",\n  date_format: \"%Y-%m-%d %!\",\n)\n",
            3,
            "date_format",
        ),
        ("(\n  theme: \"dark\",,\n)\n", 2, ""),
    ];
    for (text, line, word) in bad {
        std::fs::write(&config, text).unwrap();
        for args in [
            vec!["new", "Title", "--org", "KPN"],
            vec!["list"],
            vec!["demo"],
            vec![],
        ] {
            let mut all = vec!["--config", config.to_str().unwrap(), "--data-dir"];
            all.push(data.to_str().unwrap());
            all.extend(args.iter());
            let out = run(home.path(), &all, &[]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?} with {text}: {err}");
            assert!(
                err.contains(&format!("bad.ron:{line}:")) && err.contains(word),
                "{args:?} with {text}: {err}"
            );
            assert!(
                !data.exists(),
                "{args:?} with a bad config touched the journal"
            );
        }
    }
}

#[test]
fn an_explicit_config_must_exist_the_default_one_need_not() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("j");
    let data = data.to_str().unwrap();
    let out = run(home.path(), &["--data-dir", data, "list"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let missing = home.path().join("missing.ron");
    let out = run(
        home.path(),
        &[
            "--config",
            missing.to_str().unwrap(),
            "--data-dir",
            data,
            "list",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.ron"), "{}", stderr(&out));
    let out = run(
        home.path(),
        &["--data-dir", data, "list"],
        &[("RUNAROUND_CONFIG", &missing)],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.ron"), "{}", stderr(&out));
}

#[test]
fn a_default_organisation_makes_org_optional_and_only_then() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("j");
    let data = data.to_str().unwrap();
    let out = run(
        home.path(),
        &["--data-dir", data, "new", "No internet"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--org"), "{}", stderr(&out));

    let config = home.path().join("org.ron");
    std::fs::write(&config, "(default_organisation: \"Ziggo\")").unwrap();
    let config = config.to_str().unwrap();
    for args in [
        vec!["--config", config, "--data-dir", data, "new", "No internet"],
        vec!["--data-dir", data, "new", "No TV", "--config", config],
        vec![
            "--data-dir",
            data,
            "new",
            "Other",
            "--org",
            "KPN",
            "--config",
            config,
        ],
    ] {
        let out = run(home.path(), &args, &[]);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let id = stdout(&out).trim().to_string();
        let json = stdout(&run(
            home.path(),
            &["--data-dir", data, "show", &id, "--json"],
            &[],
        ));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let want = if args.contains(&"--org") {
            "KPN"
        } else {
            "Ziggo"
        };
        assert_eq!(v["organisation"], want, "{args:?}");
    }
    let out = run(
        home.path(),
        &["--data-dir", data, "new", "Via env"],
        &[("RUNAROUND_CONFIG", Path::new(config))],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn completions_name_the_subcommands() {
    let home = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = run(home.path(), &["completions", shell], &[]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for word in [
            "runaround",
            "export",
            "import",
            "demo",
            "completions",
            "data-dir",
        ] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    let out = run(home.path(), &["completions", "tcsh"], &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_prints_a_roff_page_with_the_subcommands() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["man"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH runaround 1"), "{page}");
    for word in ["export", "import", "demo", "config", "\\-\\-data\\-dir"] {
        assert!(page.contains(word), "the man page lacks {word}");
    }
}

#[test]
fn version_and_help_work() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["--version"], &[]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("runaround {}", env!("CARGO_PKG_VERSION"))
    );
    let out = run(home.path(), &["--help"], &[]);
    let help = stdout(&out);
    assert!(help.contains("--config <FILE>"), "{help}");
    assert!(help.contains("config --default"), "{help}");
    assert!(help.contains("completions bash"), "{help}");
    let example = help
        .lines()
        .find_map(|l| l.trim().strip_prefix("e.g. "))
        .expect("a config example in --help");
    Config::parse(example, Path::new("--help")).unwrap();
}

#[test]
fn the_readme_example_config_parses() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme
        .find("## Configuration")
        .expect("a Configuration section")..];
    let start = section.find("```ron\n").expect("a RON example") + "```ron\n".len();
    let example = &section[start..start + section[start..].find("```").unwrap()];
    let config = Config::parse(example, Path::new("README.md")).unwrap();
    assert_eq!(config.theme, runaround::config::ThemeName::Light);
    assert_eq!(config.default_organisation, "KPN");
    assert!(!config.mouse);
    assert_eq!(config.keymap.key_of(runaround::app::Action::LogEvent), "L");
    assert_eq!(
        config.keymap.key_of(runaround::app::Action::ExternalEdit),
        "C-e"
    );
}
