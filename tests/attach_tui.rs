//! End-to-end under tmux (see `common::tmux`): `F` lists the selected case's attachments and
//! Enter opens the chosen one with the opener `RUNAROUND_OPENER` names, the terminal handed
//! over and taken back, as for the editor.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::os::unix::fs::PermissionsExt;

use common::tmux::{BORDERS, TITLE, Tui, cli_ok, sh_quote, tmux_installed};

#[test]
fn f_lists_the_attachments_and_enter_opens_one_with_the_opener() {
    if !tmux_installed() {
        return;
    }
    let tools = tempfile::tempdir().unwrap();
    let opener = tools.path().join("opener.sh");
    // Leaves a trace of what it was given: the file's name, mode and content.
    std::fs::write(
        &opener,
        "#!/bin/sh\nbasename \"$1\" > \"$0.name\"\nstat -c %a \"$1\" > \"$0.mode\"\ncat \"$1\" > \"$0.content\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let letter = tools.path().join("klachtbrief.txt");
    std::fs::write(&letter, "Geachte KPN, sinds 3 maart geen internet.\n").unwrap();
    let invoice = tools.path().join("factuur.txt");
    std::fs::write(&invoice, "Factuur maart: 54,95\n").unwrap();
    let prefix = format!(
        "RUNAROUND_LANG=en RUNAROUND_OPENER={}",
        sh_quote(&opener.to_string_lossy())
    );
    let tui = Tui::start_with(&prefix, |dir, id| {
        let path = |p: &std::path::Path| p.to_string_lossy().into_owned();
        cli_ok(
            dir,
            &["attach", id, &path(&letter), "--label", "Complaint letter"],
        );
        cli_ok(
            dir,
            &["attach", id, &path(&invoice), "--label", "Invoice March"],
        );
    });
    tui.keys(&["F"]);
    let screen = tui.wait_for("Invoice March");
    assert!(
        screen.contains("Attachments") && screen.contains("Complaint letter"),
        "{screen}"
    );
    assert!(
        screen.contains("opens with the system's opener"),
        "{screen}"
    );
    // The second one, opened.
    tui.keys(&["j"]);
    tui.keys(&["Enter"]);
    let screen = tui.wait_for("Opened factuur.txt");
    assert!(
        screen.contains(TITLE) && screen.contains(BORDERS),
        "the TUI was not drawn again:\n{screen}"
    );
    assert_eq!(
        tui.display("#{alternate_on}"),
        "1",
        "not back on the alternate screen"
    );
    let trace = |what: &str| {
        std::fs::read_to_string(tools.path().join(format!("opener.sh.{what}"))).unwrap()
    };
    assert_eq!(trace("name").trim(), "factuur.txt");
    assert_eq!(trace("mode").trim(), "600");
    assert_eq!(trace("content"), "Factuur maart: 54,95\n");

    // Any other key closes the list.
    tui.keys(&["Escape"]);
    tui.wait_gone("Invoice March");
    let quit = tui.quit();
    assert!(quit.contains("EXITED:0"), "{quit}");
}
