//! Loops: a redirect that sends you somewhere you have been before.

use super::case::Case;
use super::enums::Kind;

/// A redirect back to a place already seen in the case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loop {
    /// Where the redirect sent you, as the event says it.
    pub place: String,
    /// How many redirects, this one included, have sent you there. 1 when this is the first,
    /// to a place seen before otherwise (a number dialled, a department spoken to).
    pub times: u32,
}

/// For each event of the case, the loop it closes, if it is a redirect back to a place already
/// seen (`None` for every other event).
pub fn loops(case: &Case) -> Vec<Option<Loop>> {
    let mut seen: Vec<String> = Vec::new();
    let mut sent_to: Vec<(String, u32)> = Vec::new();
    let mut loops = Vec::with_capacity(case.events.len());
    for e in &case.events {
        let mut found = None;
        if e.kind == Kind::Redirect && !e.to.trim().is_empty() {
            let place = super::map::key(&e.to, &case.organisation).unwrap_or_default();
            let times = if let Some((_, n)) = sent_to.iter_mut().find(|(p, _)| *p == place) {
                *n += 1;
                *n
            } else {
                sent_to.push((place.clone(), 1));
                1
            };
            if times >= 2 || seen.contains(&place) {
                found = Some(Loop {
                    place: e.to.trim().to_string(),
                    times,
                });
            }
        }
        for place in [&e.number, &e.department, &e.from, &e.to] {
            if !place.trim().is_empty() {
                let key = super::map::key(place, &case.organisation).unwrap_or_default();
                if !seen.contains(&key) {
                    seen.push(key);
                }
            }
        }
        loops.push(found);
    }
    loops
}

/// Places compare without case, spaces, dashes and dots, so "0800-0403" is "08000403".
pub fn place_key(place: &str) -> String {
    place
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Event;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_loop_is_the_place_and_how_often_you_were_sent_there() {
        let at = |h| Utc.with_ymd_and_hms(2026, 3, 25, h, 0, 0).unwrap();
        let mut case = Case::new("c", "t", "o", at(8));
        let redirect = |h, from: &str, to: &str| {
            let mut e = Event::new(Kind::Redirect, at(h), "");
            e.from = from.into();
            e.to = to.into();
            e
        };
        let mut dialled = Event::new(Kind::Call, at(9), "");
        dialled.number = "088-0402".into();
        for e in [
            redirect(10, "shop", "1200"),
            dialled,
            redirect(11, "1200", "0800-0403"),
            redirect(12, "0800-0403", " 1200 "),
            redirect(13, "1200", "0880402"),
        ] {
            case.add_event(e);
        }
        let place = |p: &str, times| {
            Some(Loop {
                place: p.into(),
                times,
            })
        };
        assert_eq!(
            loops(&case),
            [None, None, None, place("1200", 2), place("0880402", 1)]
        );
    }
}
