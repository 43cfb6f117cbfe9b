//! Where the keys and comments of a case file are, to name the line of a problem found while
//! reading it. A small scanner that knows just enough RON: strings (`"…"` with escapes, raw
//! `r"…"` and `r#"…"#`), characters (`'…'`), comments (`// …` and nested `/* … */`), the
//! `#![…]` header, and the brackets that nest structs and lists. Text inside strings is never
//! mistaken for a key or a comment.

use std::ops::Range;

/// One step of a path into the file: a struct's key or a list's index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// The keys (each with its full path) and comments of a file, by byte offset.
#[derive(Debug, Default)]
pub struct Layout {
    keys: Vec<(Vec<Seg>, usize)>,
    /// Byte offsets of the comments outside strings, in file order.
    pub comments: Vec<usize>,
}

impl Layout {
    /// The byte offset of the key at `path` (its first occurrence).
    pub fn offset_of(&self, path: &[Seg]) -> Option<usize> {
        self.keys
            .iter()
            .find(|(p, _)| p.as_slice() == path)
            .map(|(_, at)| *at)
    }
}

/// The 1-based line of byte offset `at` in `text`.
pub fn line_at(text: &str, at: usize) -> usize {
    text.get(..at).unwrap_or(text).matches('\n').count() + 1
}

enum Frame {
    /// `( … )` or `{ … }`: the key whose value is being read.
    Struct(Option<String>),
    /// `[ … ]`: the index of the element being read.
    Seq(usize),
    /// `Some( … )`: adds nothing to a path.
    Transparent,
}

/// Scans `text` for its comments, and for its keys when `keys`. `known` is the text of one
/// string whose place is known already (a long note): the scan jumps over it. Never fails:
/// what it does not understand it steps over.
pub fn scan(text: &str, keys: bool, known: Option<&Range<usize>>) -> Layout {
    let b = text.as_bytes();
    let mut layout = Layout::default();
    let mut stack: Vec<Frame> = Vec::new();
    // The identifier just read (start, end), while only blanks and comments follow it.
    let mut ident: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        match c {
            b'"' => {
                i = skip_string(text, jump(i + 1, known));
                ident = None;
            }
            b'\'' => {
                i = skip_char(text, i + 1);
                ident = None;
            }
            b'/' if next == Some(b'/') => {
                layout.comments.push(i);
                i = text[i..].find('\n').map_or(b.len(), |n| i + n + 1);
            }
            b'/' if next == Some(b'*') => {
                layout.comments.push(i);
                i = skip_block_comment(b, i + 2);
            }
            b'#' if matches!(next, Some(b'!' | b'[')) => {
                i = skip_attribute(b, i + 1);
                ident = None;
            }
            b'r' if starts_raw_string(b, i) => {
                i = skip_raw_string(text, i + 1, known);
                ident = None;
            }
            b'(' | b'{' => {
                let some = ident.is_some_and(|(s, e)| &text[s..e] == "Some");
                stack.push(if some {
                    Frame::Transparent
                } else {
                    Frame::Struct(None)
                });
                ident = None;
                i += 1;
            }
            b'[' => {
                stack.push(Frame::Seq(0));
                ident = None;
                i += 1;
            }
            b')' | b']' | b'}' => {
                stack.pop();
                ident = None;
                i += 1;
            }
            b',' => {
                if let Some(Frame::Seq(n)) = stack.last_mut() {
                    *n += 1;
                }
                ident = None;
                i += 1;
            }
            b':' => {
                if let (true, Some((s, e)), Some(Frame::Struct(key))) =
                    (keys, ident, stack.last_mut())
                {
                    *key = Some(text[s..e].to_string());
                    layout.keys.push((path(&stack), s));
                }
                ident = None;
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                ident = Some((start, i));
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                // Numbers, signs, and anything else: a token that is not a key.
                ident = None;
                i += 1;
            }
        }
    }
    layout
}

/// Where to look for the end of a string whose text starts at `i`: past the known string when
/// it is that one.
fn jump(i: usize, known: Option<&Range<usize>>) -> usize {
    match known {
        Some(k) if k.start == i => k.end,
        _ => i,
    }
}

fn path(stack: &[Frame]) -> Vec<Seg> {
    stack
        .iter()
        .filter_map(|f| match f {
            Frame::Struct(Some(k)) => Some(Seg::Key(k.clone())),
            Frame::Seq(n) => Some(Seg::Index(*n)),
            Frame::Struct(None) | Frame::Transparent => None,
        })
        .collect()
}

/// Past the end of a `"…"` string whose text starts at `i`: at the first quote not escaped by
/// an odd number of backslashes.
fn skip_string(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while let Some(n) = text[i..].find('"') {
        let quote = i + n;
        let backslashes = b[i..quote]
            .iter()
            .rev()
            .take_while(|c| **c == b'\\')
            .count();
        i = quote + 1;
        if backslashes % 2 == 0 {
            return i;
        }
    }
    b.len()
}

/// Past the end of a `'…'` character whose text starts at `i`.
fn skip_char(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let from = if b.get(i) == Some(&b'\\') {
        i + 2
    } else {
        i + 1
    };
    let from = from.min(b.len());
    // Step to a character boundary (the character may be several bytes long).
    let from = (from..=b.len())
        .find(|n| text.is_char_boundary(*n))
        .unwrap_or(b.len());
    text[from..].find('\'').map_or(b.len(), |n| from + n + 1)
}

/// Whether an `r` at `i` opens a raw string (`r"` or `r#…#"`), rather than starting or
/// continuing a word.
fn starts_raw_string(b: &[u8], i: usize) -> bool {
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
        return false;
    }
    let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
    b.get(i + 1 + hashes) == Some(&b'"')
}

/// Past the end of a raw string whose hashes start at `i`.
fn skip_raw_string(text: &str, i: usize, known: Option<&Range<usize>>) -> usize {
    let b = text.as_bytes();
    let hashes = b[i..].iter().take_while(|c| **c == b'#').count();
    let mut at = jump(i + hashes + 1, known);
    while let Some(n) = text[at..].find('"') {
        let quote = at + n;
        let closing = b[quote + 1..]
            .iter()
            .take(hashes)
            .take_while(|c| **c == b'#');
        if closing.count() == hashes {
            return quote + 1 + hashes;
        }
        at = quote + 1;
    }
    b.len()
}

/// Past the end of a block comment whose text starts at `i` (block comments nest in RON).
fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut depth = 1;
    while i < b.len() {
        if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    b.len()
}

/// Past the end of a `#![…]` attribute whose `!` or `[` is at `i`.
fn skip_attribute(b: &[u8], i: usize) -> usize {
    let mut depth = 0;
    for (n, c) in b.iter().enumerate().skip(i) {
        match c {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth <= 0 {
                    return n + 1;
                }
            }
            b'\n' if depth == 0 => return n,
            _ => {}
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &[&str]) -> Vec<Seg> {
        path.iter()
            .map(|p| match p.parse() {
                Ok(n) => Seg::Index(n),
                Err(_) => Seg::Key((*p).to_string()),
            })
            .collect()
    }

    fn line_of(text: &str, path: &[&str]) -> Option<usize> {
        scan(text, true, None)
            .offset_of(&key(path))
            .map(|at| line_at(text, at))
    }

    const FILE: &str = r##"#![enable(implicit_some)]
(
  schema: 1,
  notes: r#"a // not a comment, "quoted", note: no key"#,
  title: "a \"/* still text */\" \\",
  events: [
    (
      at: "2013-08-16T15:30:00Z",
      summary: "x: y // z",
    ),
    (
      at: "2013-08-17T09:00:00Z", account_pin: "4321",
    ),
  ],
  active_call: Some((segments: [(phase: "hold", from: "x")], note: 'a')),
  // a real comment
  references: [/* another, /* nested */ still */ (label: r"l", value: "v")],
)
"##;

    #[test]
    fn keys_are_found_by_path_and_strings_are_never_keys_or_comments() {
        assert_eq!(line_of(FILE, &["schema"]), Some(3));
        assert_eq!(line_of(FILE, &["title"]), Some(5));
        assert_eq!(line_of(FILE, &["events"]), Some(6));
        assert_eq!(line_of(FILE, &["events", "0", "at"]), Some(8));
        assert_eq!(line_of(FILE, &["events", "1", "account_pin"]), Some(12));
        assert_eq!(
            line_of(FILE, &["active_call", "segments", "0", "from"]),
            Some(15)
        );
        assert_eq!(line_of(FILE, &["active_call", "note"]), Some(15));
        assert_eq!(line_of(FILE, &["references", "0", "value"]), Some(17));
        // Words inside strings are no keys.
        assert_eq!(line_of(FILE, &["note"]), None);
        assert_eq!(line_of(FILE, &["events", "0", "y"]), None);
        let layout = scan(FILE, true, None);
        let lines: Vec<usize> = layout
            .comments
            .iter()
            .map(|at| line_at(FILE, *at))
            .collect();
        assert_eq!(lines, [16, 17]);
    }

    #[test]
    fn a_known_string_is_jumped_over_with_the_same_result() {
        let text = "(notes: r#\"x // \"y\" /* z\"#, a: 1, // c\n b: \"q // r\")";
        let start = text.find("x //").unwrap();
        let end = text.find("z\"#").unwrap() + 1;
        let plain = scan(text, true, None);
        let jumped = scan(text, true, Some(&(start..end)));
        assert_eq!(plain.comments, jumped.comments);
        assert_eq!(plain.comments.len(), 1);
        assert_eq!(
            plain.offset_of(&key(&["b"])),
            jumped.offset_of(&key(&["b"]))
        );
        // A range that is no string's text is never jumped to.
        let wrong = scan(text, true, Some(&(0..text.len())));
        assert_eq!(wrong.comments, plain.comments);
    }

    #[test]
    fn unterminated_and_odd_text_never_hangs_or_panics() {
        for text in [
            "",
            "\"",
            "r#\"abc",
            "'",
            "'\\",
            "'é",
            "/*",
            "/* /* */",
            "#![",
            "(a: r",
            "(a:",
            ")))]]]",
            "(é: 1, ü",
            "r",
            "r#",
            "\"\\\\\" // c",
        ] {
            let _ = scan(text, true, None);
        }
        assert_eq!(scan("\"\\\\\" // c", false, None).comments, [5]);
        assert!(scan("\"\\\" // c\"", false, None).comments.is_empty());
    }
}
