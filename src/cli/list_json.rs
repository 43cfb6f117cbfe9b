//! `list --json`, written from what the journal index keeps: each case's head (its summary
//! and counters at the listing's moment) and its events as the compact JSON the index holds,
//! re-indented byte by byte rather than parsed and rendered again. The bytes are exactly those
//! `serde_json`'s pretty printer writes for the same cases ([`crate::export::json::list_json`]),
//! with each promise's `effective_state` as of the listing's moment.

use std::io::Write;

use chrono::{DateTime, Utc};

use crate::domain::time::parse_stored;
use crate::domain::{Counters, PromiseState, Summary};
use crate::export::json::CaseDoc;

/// One element of the listing: the case's summary, its counters at the listing's moment, and
/// its events as compact JSON (an array of event objects, as `serde_json` writes it).
pub struct Item<'a> {
    pub summary: &'a Summary,
    pub counters: Counters,
    pub events: Vec<u8>,
}

/// Writes the whole listing (and its final line break) to `out`, one item at a time, so the
/// events of all cases are never in memory at once. An item whose events are not sound
/// compact JSON is written with the events `reread` gives instead (from its case file), and
/// is an error if those are not sound either; nothing of an unsound item is written.
pub fn write<'a>(
    out: &mut impl Write,
    items: impl IntoIterator<Item = std::io::Result<Item<'a>>>,
    mut reread: impl FnMut(&Summary) -> std::io::Result<Vec<u8>>,
    now: DateTime<Utc>,
) -> std::io::Result<()> {
    // Each element is made whole in `element` and written in one piece: no other buffer.
    let mut element = Vec::new();
    let mut any = false;
    out.write_all(b"[")?;
    for item in items {
        let item = item?;
        element.clear();
        element.extend_from_slice(if any { b",\n  " } else { b"\n  " });
        let start = element.len();
        if self::element(&item, now, &mut element).is_none() {
            element.truncate(start);
            let item = Item {
                events: reread(item.summary)?,
                ..item
            };
            self::element(&item, now, &mut element).ok_or(std::io::ErrorKind::InvalidData)?;
        }
        out.write_all(&element)?;
        any = true;
    }
    out.write_all(if any { b"\n]\n" } else { b"]\n" })?;
    out.flush()
}

/// One element of the array, at one level of indent: the head as `serde_json` writes it,
/// then its events. `None` if the events are not sound compact JSON.
fn element(item: &Item<'_>, now: DateTime<Utc>, out: &mut Vec<u8>) -> Option<()> {
    let head = serde_json::to_string_pretty(&CaseDoc::head(item.summary, item.counters)).ok()?;
    // The head is an object of several keys: `{`, its lines, `\n}`. Strings hold no raw line
    // breaks, so each line break is one between values.
    let body = head.strip_suffix("\n}")?;
    for (n, line) in body.split('\n').enumerate() {
        if n > 0 {
            out.extend_from_slice(b"\n  ");
        }
        out.extend_from_slice(line.as_bytes());
    }
    out.extend_from_slice(b",\n    \"events\": ");
    pretty(&item.events, 2, now, out)?;
    out.extend_from_slice(b"\n  }");
    Some(())
}

/// What a container being re-indented is.
struct Open {
    object: bool,
    /// In an object: whether the next string is a key.
    key_next: bool,
}

/// What an event object (an object directly inside the top array) says of its promise.
#[derive(Default)]
struct Promise<'j> {
    kind: Option<&'j [u8]>,
    state: Option<&'j [u8]>,
    due: Option<&'j [u8]>,
    /// The key whose value comes next.
    key: Option<&'j [u8]>,
}

impl Promise<'_> {
    fn is_promise(&self) -> bool {
        self.kind == Some(b"\"promise\"".as_slice())
    }

    /// The promise's state as of `now` (a pending promise whose due has passed is broken);
    /// `None` when its state or due date cannot be read.
    fn effective_state(&self, now: DateTime<Utc>) -> Option<PromiseState> {
        let state = match self.state {
            Some(word) => serde_json::from_slice(word).ok()?,
            None => PromiseState::Pending,
        };
        let due = match self.due {
            Some(text) => Some(parse_stored(serde_json::from_slice::<&str>(text).ok()?)?),
            None => None,
        };
        Some(match state {
            PromiseState::Pending if due.is_some_and(|d| d < now) => PromiseState::Broken,
            state => state,
        })
    }
}

fn indent(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    out.resize(out.len() + 2 * depth, b' ');
}

/// Writes the compact JSON array `json` as `serde_json`'s pretty printer would at `base`
/// levels of indent, giving each promise among its objects its `effective_state` at `now` as
/// a last key. `None` if `json` is not an array of sound compact JSON.
fn pretty(json: &[u8], base: usize, now: DateTime<Utc>, out: &mut Vec<u8>) -> Option<()> {
    if json.first() != Some(&b'[') {
        return None;
    }
    let mut stack: Vec<Open> = Vec::with_capacity(8);
    let mut promise = Promise::default();
    let mut i = 0;
    while i < json.len() {
        let b = json[i];
        match b {
            b'[' | b'{' => {
                out.push(b);
                let object = b == b'{';
                if stack.len() == 1 {
                    promise = Promise::default();
                }
                let close = if object { b'}' } else { b']' };
                if json.get(i + 1) == Some(&close) {
                    out.push(close);
                    i += 2;
                    if stack.is_empty() {
                        break;
                    }
                    continue;
                }
                stack.push(Open {
                    object,
                    key_next: object,
                });
                indent(out, base + stack.len());
            }
            b']' | b'}' => {
                let open = stack.pop()?;
                if open.object != (b == b'}') {
                    return None;
                }
                if open.object && stack.len() == 1 && promise.is_promise() {
                    let state = promise.effective_state(now)?;
                    out.extend_from_slice(b",");
                    indent(out, base + 2);
                    out.extend_from_slice(b"\"effective_state\": \"");
                    out.extend_from_slice(state.as_str().as_bytes());
                    out.push(b'"');
                }
                indent(out, base + stack.len());
                out.push(b);
                i += 1;
                if stack.is_empty() {
                    break;
                }
                continue;
            }
            b',' => {
                let open = stack.last_mut()?;
                open.key_next = open.object;
                out.push(b',');
                indent(out, base + stack.len());
            }
            b':' => {
                stack.last_mut()?.key_next = false;
                out.extend_from_slice(b": ");
            }
            b'"' => {
                let end = string_end(json, i)?;
                let token = &json[i..end];
                out.extend_from_slice(token);
                if stack.len() == 2 {
                    take(&mut promise, stack.last()?, token);
                }
                i = end;
                continue;
            }
            _ => {
                // A number, `true`, `false` or `null`: up to the next delimiter.
                let end = i + json[i..]
                    .iter()
                    .position(|c| matches!(c, b',' | b']' | b'}' | b':'))?;
                let token = &json[i..end];
                if token
                    .iter()
                    .any(|c| c.is_ascii_whitespace() || matches!(c, b'"' | b'[' | b'{'))
                {
                    return None;
                }
                out.extend_from_slice(token);
                if stack.len() == 2 {
                    take(&mut promise, stack.last()?, token);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    // Nothing may follow the array, and it must be closed.
    (stack.is_empty() && i == json.len()).then_some(())
}

/// Notes a key or value of an event object that says what its promise is.
fn take<'j>(promise: &mut Promise<'j>, open: &Open, token: &'j [u8]) {
    if !open.object {
        return;
    }
    if open.key_next {
        promise.key = Some(token);
        return;
    }
    match promise.key.take() {
        Some(b"\"kind\"") => promise.kind = Some(token),
        Some(b"\"state\"") => promise.state = Some(token),
        Some(b"\"due\"") => promise.due = Some(token),
        _ => {}
    }
}

/// Where the string starting at `json[start]` (a quote) ends: just after its closing quote.
fn string_end(json: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', json.get(i..)?)?;
        if json[i] == b'\\' {
            i += 2;
        } else {
            return Some(i + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::{Case, Event, Kind};

    fn at(s: &str) -> DateTime<Utc> {
        parse_stored(s).unwrap()
    }

    /// What `serde_json` writes for `case` in a `list --json` of it alone at `now`.
    fn by_serde(case: &Case, now: DateTime<Utc>) -> String {
        crate::export::json::list_json([case], now) + "\n"
    }

    fn by_hand(case: &Case, now: DateTime<Utc>) -> String {
        let summary = Summary::of(case, now);
        let mut out = Vec::new();
        write(
            &mut out,
            [Ok(Item {
                summary: &summary,
                counters: Counters::of(case, now),
                events: serde_json::to_vec(&case.events).unwrap(),
            })],
            |_| unreachable!("sound events"),
            now,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    fn case_with(events: Vec<Event>) -> Case {
        let mut case = Case::new(
            "c1",
            "Internet \"gone\" \\ after moving ☎️",
            "KPN",
            at("2026-01-05T09:00:00Z"),
        );
        case.tags = vec!["storing".into(), String::new()];
        case.events = events;
        case
    }

    #[test]
    fn a_listing_is_byte_for_byte_what_serde_json_writes() {
        let now = at("2026-02-01T12:00:00Z");
        let mut call = Event::new(Kind::Call, at("2026-01-05T10:00:00Z"), "");
        call.summary = "line\nbreak \t tab \u{1} ctl \u{9b} c1 é".into();
        call.hold_seconds = Some(1260);
        let mut overdue = Event::new(Kind::Promise, at("2026-01-06T10:00:00Z"), "");
        overdue.due = Some(at("2026-01-20T10:00:00Z"));
        let mut later = Event::new(Kind::Promise, at("2026-01-07T10:00:00Z"), "");
        later.due = Some(at("2026-03-20T10:00:00Z"));
        let mut kept = Event::new(Kind::Promise, at("2026-01-08T10:00:00Z"), "");
        kept.state = Some(PromiseState::Kept);
        kept.due = Some(at("2026-01-09T10:00:00Z"));
        let mut edited = Event::new(Kind::Note, at("2026-01-09T10:00:00Z"), "");
        edited.summary = "\"kind\":\"promise\"".into();
        edited.amendments = vec![crate::domain::Amendment {
            at: at("2026-01-10T10:00:00Z"),
            change: crate::domain::Change::Edited,
            was: [("summary".to_string(), "{[,:]}".to_string())].into(),
        }];
        let case = case_with(vec![call, overdue, later, kept, edited]);
        let hand = by_hand(&case, now);
        assert!(hand.contains("\"effective_state\": \"broken\""), "{hand}");
        assert!(hand.contains("\"effective_state\": \"pending\""), "{hand}");
        assert_eq!(hand, by_serde(&case, now));
        assert_eq!(
            by_hand(&case_with(Vec::new()), now),
            by_serde(&case_with(Vec::new()), now)
        );
    }

    #[test]
    fn deep_nesting_and_escapes_anywhere_in_a_string_are_indented_as_serde_json_does() {
        let now = at("2026-02-01T12:00:00Z");
        let mut deep = serde_json::json!(1);
        for _ in 0..24 {
            deep = serde_json::json!([deep, "x"]);
        }
        // Escaped quotes and backslashes anywhere in a string, the last one just before its
        // end.
        let strings: Vec<String> = (0..40)
            .map(|n| format!("{}\"{}\\", "a".repeat(n), "b".repeat(40 - n)))
            .collect();
        for value in [deep, serde_json::json!([strings, {"k": strings}])] {
            let compact = serde_json::to_vec(&value).unwrap();
            let mut out = Vec::new();
            pretty(&compact, 0, now, &mut out).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }

    #[test]
    fn an_empty_listing_is_an_empty_array() {
        let mut out = Vec::new();
        write(
            &mut out,
            std::iter::empty(),
            |_| Ok(Vec::new()),
            at("2026-02-01T12:00:00Z"),
        )
        .unwrap();
        let serde = crate::export::json::list_json(std::iter::empty(), at("2026-02-01T12:00:00Z"));
        assert_eq!(String::from_utf8(out).unwrap(), serde + "\n");
    }

    #[test]
    fn events_that_are_not_sound_compact_json_are_read_again() {
        let now = at("2026-02-01T12:00:00Z");
        let mut promise = Event::new(Kind::Promise, at("2026-01-06T10:00:00Z"), "");
        promise.due = Some(at("2026-01-20T10:00:00Z"));
        let case = case_with(vec![promise]);
        let summary = Summary::of(&case, now);
        let bad: [&[u8]; 10] = [
            b"",
            // Cut after a backslash: the escape runs past the end.
            b"[\"x\\",
            b"[",
            b"[{\"at\":1}",
            b"[] []",
            b"{}",
            b"[{\"a\" :1}]",
            b"[\"x]",
            b"[{\"kind\":\"promise\",\"due\":\"soon\"}]",
            b"[}",
        ];
        for events in bad {
            let item = || Item {
                summary: &summary,
                counters: Counters::of(&case, now),
                events: events.to_vec(),
            };
            let mut out = Vec::new();
            let mut reread = 0;
            write(
                &mut out,
                [Ok(item())],
                |_| {
                    reread += 1;
                    Ok(serde_json::to_vec(&case.events).unwrap())
                },
                now,
            )
            .unwrap();
            assert_eq!(reread, 1, "{}", String::from_utf8_lossy(events));
            assert_eq!(String::from_utf8(out).unwrap(), by_serde(&case, now));
            let mut out = Vec::new();
            let unsound = write(&mut out, [Ok(item())], |_| Ok(events.to_vec()), now);
            assert!(unsound.is_err(), "{}", String::from_utf8_lossy(events));
            // Only the opening of the array: nothing of the unsound item.
            assert_eq!(out, b"[", "{}", String::from_utf8_lossy(events));
        }
    }
}
