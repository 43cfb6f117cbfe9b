//! The terminal is always handed back in a usable state: without a terminal the TUI says it
//! needs one instead of panicking, and Ctrl-Z or a SIGTSTP from elsewhere suspends it to the
//! shell (notes saved, terminal restored) and `fg` brings it back, redrawn.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::tmux::{
    BIN, BORDERS, NO_CONFIG_HOME, SCRUBBED, TITLE, WAIT, cli_ok, exported_notes, runaround_alive,
    sh_quote, stat, tmux_installed,
};

#[test]
fn without_a_terminal_the_journal_view_says_it_needs_one_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("journal");
    for args in [&[][..], &["demo"][..]] {
        let mut cmd = Command::new(BIN);
        for var in SCRUBBED {
            cmd.env_remove(var);
        }
        let out = cmd
            .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains(
                "runaround: the journal view needs a terminal; use `runaround list` or `show` from scripts"
            ),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}: wrote to stdout");
        assert!(!data.exists(), "{args:?}: the data directory was made");
    }
}

/// An interactive shell (with job control) in its own tmux server, 100x30, on a data
/// directory holding one case; the TUI is started from the shell's prompt.
struct Shell {
    sockets: tempfile::TempDir,
    data: tempfile::TempDir,
    id: String,
}

impl Drop for Shell {
    fn drop(&mut self) {
        if let Some(pid) = self.program() {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .output();
        }
        let _ = self.tmux_output(&["kill-server"]);
    }
}

impl Shell {
    fn start() -> Shell {
        let data = tempfile::tempdir().unwrap();
        let id = cli_ok(data.path(), &["new", TITLE, "--org", "KPN"])
            .trim()
            .to_string();
        let shell = Shell {
            sockets: tempfile::tempdir().unwrap(),
            data,
            id,
        };
        shell.tmux(&[
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-s",
            "main",
            "env PS1='$ ' bash --norc --noprofile -i",
        ]);
        shell.wait_until("the prompt", |s| s.trim_end().ends_with('$'));
        shell.type_line(&format!(
            "TZ=Europe/Amsterdam {} --data-dir {}",
            sh_quote(BIN),
            sh_quote(&shell.dir().to_string_lossy())
        ));
        shell.wait_until("the TUI", |s| s.contains(TITLE) && s.contains(BORDERS));
        shell
    }

    fn dir(&self) -> &Path {
        self.data.path()
    }

    fn tmux_output(&self, args: &[&str]) -> std::io::Result<Output> {
        let mut cmd = Command::new("tmux");
        for var in SCRUBBED {
            cmd.env_remove(var);
        }
        cmd.env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
            .arg("-S")
            .arg(self.sockets.path().join("tmux"))
            .args(args)
            .output()
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = self.tmux_output(args).unwrap();
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn type_line(&self, line: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", line]);
        self.keys(&["Enter"]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    fn display(&self, format: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "main", format])
            .trim()
            .to_string()
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {what}; the screen shows:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// The runaround started by the shell.
    fn program(&self) -> Option<u32> {
        let out = self
            .tmux_output(&["display-message", "-p", "-t", "main", "#{pane_pid}"])
            .ok()?;
        let shell: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
        std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
            let pid = e.file_name().to_str()?.parse::<u32>().ok()?;
            stat(pid)
                .is_some_and(|s| s.parent == shell && s.comm == "runaround")
                .then_some(pid)
        })
    }

    /// Checks that the shell has the terminal back, sane: its prompt, the normal screen, no
    /// mouse capture, the cursor shown, and `stty` reading canonical mode with echo.
    fn assert_shell_is_back(&self, pid: u32) {
        let screen = self.wait_until("the shell to say the job stopped", |s| {
            s.contains("Stopped")
        });
        assert_eq!(stat(pid).map(|s| s.state), Some('T'), "not stopped");
        assert_eq!(
            self.display("#{alternate_on}"),
            "0",
            "still on the alternate screen"
        );
        assert_eq!(
            self.display("#{mouse_any_flag}"),
            "0",
            "the mouse still captured"
        );
        assert_eq!(
            self.display("#{cursor_flag}"),
            "1",
            "the cursor still hidden"
        );
        assert!(
            !screen.contains(BORDERS),
            "the TUI is still on screen:\n{screen}"
        );
        let stty = self.dir().join("stty.txt");
        self.type_line(&format!("stty -a > {}", sh_quote(&stty.to_string_lossy())));
        let modes = wait_file(&stty);
        let modes: Vec<&str> = modes.split_whitespace().collect();
        for mode in ["icanon", "echo", "isig"] {
            assert!(modes.contains(&mode), "stty shows no {mode}: {modes:?}");
        }
        std::fs::remove_file(&stty).unwrap();
    }

    /// `fg`: the TUI is drawn again and keys work (`?` shows the help, which names Ctrl-Z).
    fn assert_fg_brings_it_back(&self) {
        self.type_line("fg");
        self.wait_until("the TUI to be drawn again", |s| {
            s.contains(TITLE) && s.contains(BORDERS)
        });
        assert_eq!(
            self.display("#{alternate_on}"),
            "1",
            "not on the alternate screen"
        );
        self.keys(&["?"]);
        self.wait_until("the help", |s| s.contains("suspend to the shell"));
        self.keys(&["Escape"]);
        self.wait_until("the help to close", |s| !s.contains("suspend to the shell"));
    }

    fn quit(&self) {
        self.keys(&["q"]);
        self.wait_until("the prompt after q", |s| {
            !s.contains(BORDERS) && s.trim_end().ends_with('$')
        });
        self.type_line("echo EXITED:$?");
        self.wait_until("the exit status", |s| s.contains("EXITED:0"));
    }
}

fn wait_file(path: &PathBuf) -> String {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && text.contains("icanon")
        {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{} never written",
            path.display()
        );
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_tui_back() {
    if !tmux_installed() {
        return;
    }
    let shell = Shell::start();
    let pid = shell.program().expect("runaround runs");
    shell.keys(&["C-z"]);
    shell.assert_shell_is_back(pid);
    shell.assert_fg_brings_it_back();
    assert!(runaround_alive(pid));
    shell.quit();
}

#[test]
fn a_sigtstp_from_elsewhere_saves_the_notes_restores_the_terminal_and_fg_redraws() {
    if !tmux_installed() {
        return;
    }
    let shell = Shell::start();
    let pid = shell.program().expect("runaround runs");
    shell.keys(&["Tab", "Tab"]);
    shell.wait_until("the notes pane", |s| s.contains("┏ Notes"));
    shell.keys(&["i"]);
    shell.wait_until("the editor", |s| s.contains("Notes editing"));
    let typed = "stopped while typing";
    shell.tmux(&["send-keys", "-t", "main", "-l", typed]);
    shell.wait_until("the typing", |s| s.contains(typed));
    Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status()
        .unwrap();
    shell.assert_shell_is_back(pid);
    // Saved before stopping (a stopped process saves nothing, and the autosave waits two
    // seconds after the last key).
    assert_eq!(exported_notes(shell.dir(), &shell.id), typed);
    shell.type_line("fg");
    shell.wait_until("the TUI to be drawn again", |s| {
        s.contains(TITLE) && s.contains(typed)
    });
    assert_eq!(shell.display("#{alternate_on}"), "1");
    // Still typing in the notes: keys reach the editor, not the screen as echo.
    shell.tmux(&["send-keys", "-t", "main", "-l", " and after"]);
    shell.wait_until("more typing", |s| s.contains("typing and after"));
    shell.keys(&["Escape"]);
    shell.wait_until("the editor to close", |s| !s.contains("Notes editing"));
    assert_eq!(
        exported_notes(shell.dir(), &shell.id),
        format!("{typed} and after")
    );
    shell.quit();
}
