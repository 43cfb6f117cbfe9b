//! A whole call in a real terminal (tmux, 80x24): the stopwatch, a transfer back to a number
//! seen before, said on the status line and in the stopwatch, and the call ended and saved.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::tmux::{Tui, cli_ok, tmux_installed};

#[test]
fn a_whole_call_with_a_transfer_back_to_a_seen_number() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start_with("", |dir, id| {
        cli_ok(
            dir,
            &[
                "log",
                id,
                "call",
                "Asked for a technician",
                "--at",
                "-2h",
                "--number",
                "1200",
            ],
        );
        cli_ok(
            dir,
            &[
                "log",
                id,
                "redirect",
                "Sent on",
                "--at",
                "-2h",
                "--from",
                "1200",
                "--to",
                "0800-0402",
            ],
        );
    });
    tui.tmux(&["resize-window", "-t", "main", "-x", "80", "-y", "24"]);
    tui.keys(&["c"]);
    tui.wait_for("Calling…");
    tui.keys(&["C-u"]);
    tui.type_text("1200");
    tui.keys(&["Enter"]);
    tui.wait_for("call to 1200");
    tui.keys(&["a"]);
    tui.keys(&["t"]);
    tui.type_text("0800-0402");
    tui.keys(&["Enter"]);
    // The status line and the stopwatch say it; under load one frame may come before the other.
    let said = "↺ back to 0800-0402 — 2nd time";
    let screen = tui.wait_until(
        "the loop on the stopwatch and the status line",
        std::time::Duration::from_secs(10),
        |s| {
            let lines: Vec<&str> = s.lines().collect();
            lines.iter().take(8).any(|l| l.contains(said))
                && lines.iter().rev().take(2).any(|l| l.contains(said))
        },
    );
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines
            .iter()
            .take(8)
            .any(|l| l.contains("↺ back to 0800-0402 — 2nd time")),
        "the stopwatch says it:\n{screen}"
    );
    assert!(
        lines
            .iter()
            .rev()
            .take(2)
            .any(|l| l.contains("↺ back to 0800-0402 — 2nd time")),
        "the status line says it:\n{screen}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("redir") && l.contains("↺2")),
        "the timeline row flags it:\n{screen}"
    );
    tui.keys(&["e"]);
    tui.wait_for("End the call");
    tui.keys(&["Enter"]);
    tui.wait_gone("e end");
    let shown = cli_ok(tui.dir(), &["show", &tui.id]);
    assert!(shown.contains("back to 0800-0402, 2nd time"), "{shown}");
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
}

#[test]
fn quitting_during_a_call_says_it_still_runs() {
    if !tmux_installed() {
        return;
    }
    let tui = Tui::start();
    tui.keys(&["c"]);
    tui.wait_for("Calling…");
    tui.keys(&["Enter"]);
    tui.wait_for("ON HOLD");
    let screen = tui.quit();
    tui.assert_restored(&screen, "0");
    assert!(
        screen.contains("A call is still running") && screen.contains("e ends it"),
        "{screen}"
    );
}
