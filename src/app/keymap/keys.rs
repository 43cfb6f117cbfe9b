//! Keys as a config file writes them and as the screen shows them.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// A key as a config file writes it: `L`, `Tab`, `S-Tab`, `Enter`, `Up`, `PgDn`, `F2`,
/// `Space`, `C-x` (with Ctrl). Returns the key code and modifiers, or why not.
pub fn parse_key(text: &str) -> Result<(KeyCode, KeyModifiers), String> {
    let (mods, rest) = match text
        .strip_prefix("C-")
        .or_else(|| text.strip_prefix("Ctrl-"))
    {
        Some(rest) if !rest.is_empty() => (KeyModifiers::CONTROL, rest),
        _ => (KeyModifiers::NONE, text),
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() && c != ' ' => KeyCode::Char(c),
        _ => match rest.to_ascii_lowercase().as_str() {
            "tab" => KeyCode::Tab,
            "s-tab" | "backtab" => KeyCode::BackTab,
            "enter" | "return" => KeyCode::Enter,
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            f if f.len() > 1
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                return Err(crate::t!("key-unknown", key = format!("{text:?}")));
            }
        },
    };
    if code == KeyCode::Esc || (mods == KeyModifiers::CONTROL && code == KeyCode::Char('c')) {
        return Err(crate::t!("key-reserved", key = format!("{text:?}")));
    }
    Ok((code, mods))
}

/// How a key with modifiers is written on screen.
pub fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    if mods.contains(KeyModifiers::CONTROL) {
        format!("C-{}", key_name(code))
    } else {
        key_name(code)
    }
}

/// How a key is written on screen.
pub fn key_name(code: KeyCode) -> String {
    match code {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

/// How a key is said in a sentence: `Ctrl-Z` for Ctrl and a letter, else as [`key_label`].
pub fn spoken_label(code: KeyCode, mods: KeyModifiers) -> String {
    match code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            format!("Ctrl-{}", c.to_ascii_uppercase())
        }
        _ => key_label(code, mods),
    }
}
