//! Text as it is stored: what was typed, minus terminal control characters.

/// Removes terminal control characters (C0 except newline and tab, DEL, C1) and turns
/// `\r\n` and lone `\r` into `\n`. Stored text can then be written as raw, unescaped strings
/// and shown on a terminal without side effects.
pub fn clean(text: &str) -> String {
    if is_clean(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            c if is_control(c) => {}
            c => out.push(c),
        }
    }
    out
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
        assert_eq!(clean("a\x1b[2Jb\u{0}c\u{9b}d\u{7f}"), "a[2Jbcd");
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
    fn one_line_fields_lose_their_breaks() {
        assert_eq!(clean_line("  call\n1200\tnow \n"), "call 1200 now");
    }
}
