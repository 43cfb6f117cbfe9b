//! Text as it is stored: what was typed, minus terminal control characters.

/// Removes terminal control characters (C0 except newline and tab, DEL, C1) and turns
/// `\r\n` and lone `\r` into `\n`. Escape sequences go whole, not just their ESC: a CSI
/// (`ESC [` or C1 `CSI`, parameters, final byte), a string (`ESC ]` OSC, `ESC P` DCS and the
/// like, with C1 forms) up to its BEL or ST terminator, and any other `ESC` sequence (`ESC c`,
/// `ESC ( B`). A string introducer whose terminator does not come on the same line loses only
/// the introducer, so a stray ESC never swallows the text after it. Stored text can then be
/// written as raw, unescaped strings and shown on a terminal without side effects.
pub fn clean(text: &str) -> String {
    if is_clean(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        rest = match c {
            '\r' => {
                if !after.starts_with('\n') {
                    out.push('\n');
                }
                after
            }
            '\n' | '\t' => {
                out.push(c);
                after
            }
            '\u{1b}' => skip_escape(after),
            '\u{9b}' => skip_csi(after),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(after),
            c if is_control(c) => after,
            c => {
                out.push(c);
                after
            }
        };
    }
    out
}

/// What follows an ESC once its sequence is skipped.
fn skip_escape(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(b'[') => skip_csi(&s[1..]),
        Some(b']' | b'P' | b'X' | b'^' | b'_') => skip_string(&s[1..]),
        // Intermediates, then a final byte.
        Some(0x20..=0x2f) => {
            let start = s.bytes().take_while(|b| (0x20..=0x2f).contains(b)).count();
            match s.as_bytes().get(start) {
                Some(0x30..=0x7e) => &s[start + 1..],
                _ => &s[start..],
            }
        }
        Some(0x30..=0x7e) => &s[1..],
        // Not a sequence (or the end): only the ESC goes.
        _ => s,
    }
}

/// What follows a CSI once its parameters, intermediates and final byte are skipped.
fn skip_csi(s: &str) -> &str {
    let start = s.bytes().take_while(|b| (0x20..=0x3f).contains(b)).count();
    match s.as_bytes().get(start) {
        Some(0x40..=0x7e) => &s[start + 1..],
        _ => &s[start..],
    }
}

/// What follows a control string (OSC, DCS, SOS, PM, APC) once it is skipped up to its BEL,
/// `ESC \\` or ST. Without a terminator on the same line, the string's text is kept.
fn skip_string(s: &str) -> &str {
    for (i, c) in s.char_indices() {
        match c {
            '\u{7}' | '\u{9c}' => return &s[i + c.len_utf8()..],
            '\u{1b}' if s[i + 1..].starts_with('\\') => return &s[i + 2..],
            // Another sequence begins: this one ends here.
            '\u{1b}' => return &s[i..],
            '\n' | '\r' => return s,
            _ => {}
        }
    }
    s
}

/// Like [`clean`], for one-line fields: line breaks and tabs become spaces, ends trimmed.
pub fn clean_line(text: &str) -> String {
    let cleaned = clean(text);
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split(['\n', '\t']) {
        if !out.is_empty() && !word.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim().to_string()
}

/// Whether [`clean`] would leave `text` as it is: no `\r`, no C0 control but `\n` and `\t`, no
/// DEL, no C1 control (encoded as `C2 80`..`C2 9F`). A byte scan, as every save checks every
/// text of the case.
pub fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\t' => false,
        0..0x20 | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)),
        _ => false,
    })
}

/// Whether [`clean_line`] would leave `text` as it is.
pub fn is_clean_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    let control = bytes.iter().enumerate().any(|(i, &b)| match b {
        0..0x20 | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)),
        _ => false,
    });
    !control && !text.starts_with(char::is_whitespace) && !text.ends_with(char::is_whitespace)
}

fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_control_characters_and_keeps_everything_else() {
        assert_eq!(clean("a\x1b[2Jb\u{0}c\u{9b}1mD\u{7f}"), "abcD");
        assert_eq!(clean("één\r\ntwee\rdrie\tvier"), "één\ntwee\ndrie\tvier");
        assert_eq!(clean("漢字 👩‍🔬 e\u{301}"), "漢字 👩‍🔬 e\u{301}");
    }

    #[test]
    fn the_byte_scan_agrees_with_cleaning() {
        for text in [
            "",
            "plain",
            "één\ntwee\tdrie",
            "a\rb",
            "\u{1b}[2J",
            "x\u{7f}",
            "x\u{85}y",
            "x\u{9f}",
            "x\u{a0}y",
            "\u{c2}",
            "漢字 👩‍🔬",
            " lead",
            "trail ",
            "a\nb",
        ] {
            assert_eq!(is_clean(text), clean(text) == text, "{text:?}");
            assert_eq!(is_clean_line(text), clean_line(text) == text, "{text:?}");
        }
    }

    #[test]
    fn escape_sequences_go_whole() {
        let cases = [
            ("\x1b[31mred\x1b[0m", "red"),
            ("\x1b[38;5;196mx\x1b[m", "x"),
            ("a\x1b[?1049hb", "ab"),
            ("\x1b]0;title\x07after", "after"),
            ("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"),
            ("\u{9d}0;t\u{9c}ok", "ok"),
            ("\u{9b}2Jok", "ok"),
            ("\x1bPq#0;2;0;0;0\x1b\\ok", "ok"),
            ("\x1bcreset", "reset"),
            ("\x1b(Bplain", "plain"),
            ("\x1b7saved\x1b8", "saved"),
            ("end\x1b", "end"),
            ("bell\x07", "bell"),
            // No terminator on the line: the introducer goes, the text stays.
            ("\x1b]not a title\nnext", "not a title\nnext"),
            ("\x1b]unterminated", "unterminated"),
            ("\x1b\u{e9}t\u{e9}", "\u{e9}t\u{e9}"),
            ("\x1b[31", ""),
        ];
        for (text, want) in cases {
            assert_eq!(clean(text), want, "{text:?}");
            assert!(is_clean(&clean(text)), "{text:?}");
        }
        assert_eq!(clean_line("\x1b[31m\x1b[0m"), "");
    }

    #[test]
    fn cleaning_any_mix_of_sequence_pieces_is_clean_and_stable() {
        // Pieces that start, continue and end sequences, mixed at random (a fixed seed).
        const PIECES: &[&str] = &[
            "\u{1b}",
            "[",
            "]",
            "P",
            "\\",
            "\u{7}",
            "\u{9b}",
            "\u{9c}",
            "\u{9d}",
            "\u{90}",
            "0",
            "3",
            "1;",
            "m",
            "H",
            "(",
            " ",
            "\n",
            "\r",
            "\t",
            "a",
            "é",
            "漢",
            "👩\u{200d}💻",
            "\u{7f}",
            "\u{0}",
            "\u{85}",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = next() % 24;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let once = clean(&text);
            assert!(is_clean(&once), "{text:?} -> {once:?}");
            assert_eq!(clean(&once), once, "{text:?}");
            let line = clean_line(&text);
            assert!(is_clean_line(&line), "{text:?} -> {line:?}");
            // Nothing is made up: every character kept was there (a `\r` becomes `\n`).
            let kept = |c: char| c == '\n' || text.contains(c);
            assert!(once.chars().all(kept), "{text:?} -> {once:?}");
        }
    }

    #[test]
    fn one_line_fields_lose_their_breaks() {
        assert_eq!(clean_line("  call\n1200\tnow \n"), "call 1200 now");
    }
}
