//! The runaround map of a case: the places (numbers, departments, shops, websites) its calls
//! and redirects went between, each once however it was typed, the redirects between them
//! with how often and when, the loops, and the place that finally helped.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::case::{Case, Event};
use super::enums::{Kind, Outcome, PromiseState};
use crate::i18n::fold::fold;

/// What kind of place a node is, guessed from how it was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    /// A phone number: `1200`, `0800-0403`, `KPN 1200`.
    Number,
    /// A shop: "KPN shop", "winkel", "boutique".
    Shop,
    /// A website or an app: "KPN website", "kpn.com".
    Website,
    /// Anything else: a department, a team, "the internal organisation".
    Department,
}

impl Place {
    /// The word in JSON and DOT.
    pub fn as_str(self) -> &'static str {
        match self {
            Place::Number => "number",
            Place::Shop => "shop",
            Place::Website => "website",
            Place::Department => "department",
        }
    }
}

/// One place of the map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Node {
    /// What makes two spellings one place (see [`key`]).
    pub key: String,
    /// The place as it was first written.
    pub label: String,
    pub place: Place,
    /// The departments the calls to this number named, each once (first spelling kept).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
    /// The indexes (into the events) of the calls to this place.
    pub calls: Vec<usize>,
    /// How many times you dealt with this place: each call to it, and each redirect from it
    /// that no call to it came before.
    pub contacts: u32,
    /// How many of those contacts sent you elsewhere (one redirect or more).
    pub sent_away: u32,
    /// How many times the path came here (see [`Map::chain`]).
    pub visits: u32,
    /// How many redirects sent you back here, to a place already seen.
    pub returns: u32,
    /// How many times a fix (service restored, a visit that fixed it, a kept promise) came
    /// right after a contact here.
    pub fixes: u32,
}

/// Redirects from one place to another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edge {
    /// Indexes into [`Map::nodes`].
    pub from: usize,
    pub to: usize,
    /// When each of these redirects happened, in time order.
    #[serde(with = "times")]
    pub at: Vec<DateTime<Utc>>,
    /// Whether one of them sent you back to a place already seen.
    #[serde(rename = "loop")]
    pub back: bool,
}

impl Edge {
    /// How many redirects went this way.
    pub fn times(&self) -> usize {
        self.at.len()
    }
}

/// One step of the path: a place the case came to, in time order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub node: usize,
    /// The path came back to a place it had already been.
    #[serde(rename = "loop")]
    pub back: bool,
}

/// The map of a case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Map {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// The path through the places, as a person tells it: "shop → 1200 → 0800-0403 ↩ 1200 →
    /// 088-0402". A place is a step when a call goes there or a redirect sends you there, and
    /// not again while you stay.
    pub chain: Vec<Step>,
    /// The place whose contact came right before the last fix, if anything was fixed.
    pub helped: Option<usize>,
}

/// What makes two spellings of a place one: a number is its digits (`KPN 1200`, `12 00` and
/// `1200` are `1200`; `+31 800 0403` is `08000403`); a name is its words without case,
/// accents or punctuation, and without the organisation's name in front of it ("KPN shop" is
/// "shop" at KPN). `None` for an empty place.
pub fn key(place: &str, organisation: &str) -> Option<String> {
    let digits: String = place.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 3 {
        let trimmed = place.trim_start();
        let national = if trimmed.starts_with('+') {
            digits.strip_prefix("31").map(|d| format!("0{d}"))
        } else {
            digits.strip_prefix("0031").map(|d| format!("0{d}"))
        };
        return Some(format!("#{}", national.unwrap_or(digits)));
    }
    let words = name_words(place);
    if words.is_empty() {
        return None;
    }
    let org = name_words(organisation);
    let without_org = if org.is_empty() {
        None
    } else {
        words
            .strip_prefix(org.as_str())
            .and_then(|rest| rest.strip_prefix(' '))
            .filter(|rest| !rest.is_empty())
    };
    Some(without_org.unwrap_or(&words).to_string())
}

/// `text` folded, with every run of characters that are not letters or digits made one space.
fn name_words(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What kind of place `place` is.
pub fn place_of(place: &str) -> Place {
    if place.chars().filter(char::is_ascii_digit).count() >= 3 {
        return Place::Number;
    }
    let words = name_words(place);
    let has = |w: &[&str]| words.split(' ').any(|word| w.contains(&word));
    if has(&["shop", "store", "winkel", "magasin", "boutique", "agence"]) || words.contains("shop")
    {
        Place::Shop
    } else if has(&["website", "web", "site", "www", "app", "online", "internet"])
        || words.contains("website")
        || place.contains("://")
        || (place.contains('.') && !place.contains(' '))
    {
        Place::Website
    } else {
        Place::Department
    }
}

impl Map {
    /// The map of `case`.
    pub fn of(case: &Case) -> Map {
        Map::of_events(&case.events, &case.organisation)
    }

    /// The map of these events (in time order) of a case with `organisation`.
    pub fn of_events(events: &[Event], organisation: &str) -> Map {
        let mut b = Builder {
            map: Map::default(),
            organisation,
            seen: Vec::new(),
            contact: None,
            redirected: false,
        };
        for (i, e) in events.iter().enumerate() {
            b.event(i, e);
        }
        b.map
    }

    /// The node whose key `place` has, if it is on the map.
    pub fn find(&self, place: &str, organisation: &str) -> Option<usize> {
        let k = key(place, organisation)?;
        self.nodes.iter().position(|n| n.key == k)
    }

    /// How many redirects sent you back to a place already seen.
    pub fn loops(&self) -> u32 {
        self.nodes.iter().map(|n| n.returns).sum()
    }

    /// How many redirects the map holds.
    pub fn redirects(&self) -> usize {
        self.edges.iter().map(Edge::times).sum()
    }

    /// The edges into node `i`.
    pub fn into_node(&self, i: usize) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.to == i)
    }

    /// The edges out of node `i`.
    pub fn out_of(&self, i: usize) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.from == i)
    }
}

/// Builds a map one event at a time.
struct Builder<'a> {
    map: Map,
    organisation: &'a str,
    /// The nodes seen so far.
    seen: Vec<bool>,
    /// The place of the last contact (a call, or the place a redirect came from).
    contact: Option<usize>,
    /// Whether the last contact has sent you elsewhere already.
    redirected: bool,
}

impl Builder<'_> {
    /// The node of `place`, added when it is new; `None` for an empty place.
    fn node(&mut self, place: &str) -> Option<usize> {
        let k = key(place, self.organisation)?;
        if let Some(i) = self.map.nodes.iter().position(|n| n.key == k) {
            return Some(i);
        }
        self.map.nodes.push(Node {
            key: k,
            label: place.trim().to_string(),
            place: place_of(place),
            departments: Vec::new(),
            calls: Vec::new(),
            contacts: 0,
            sent_away: 0,
            visits: 0,
            returns: 0,
            fixes: 0,
        });
        self.seen.push(false);
        Some(self.map.nodes.len() - 1)
    }

    /// The path comes to node `i` (unless it is there already).
    fn step(&mut self, i: usize, back: bool) {
        if self.map.chain.last().is_some_and(|s| s.node == i) {
            return;
        }
        self.map.chain.push(Step { node: i, back });
        self.map.nodes[i].visits += 1;
    }

    fn event(&mut self, index: usize, e: &Event) {
        match e.kind {
            Kind::Call => {
                let place = if e.number.trim().is_empty() {
                    &e.department
                } else {
                    &e.number
                };
                let Some(i) = self.node(place) else { return };
                let department = e.department.trim();
                let node = &mut self.map.nodes[i];
                node.calls.push(index);
                node.contacts += 1;
                self.redirected = false;
                if !e.number.trim().is_empty()
                    && !department.is_empty()
                    && !node.departments.iter().any(|d| fold(d) == fold(department))
                {
                    node.departments.push(department.to_string());
                }
                let back = self.seen[i] && self.map.chain.last().is_some_and(|s| s.node != i);
                self.step(i, back);
                self.seen[i] = true;
                self.contact = Some(i);
            }
            Kind::Redirect => {
                let from = self.node(&e.from).or(self.contact);
                let Some(to) = self.node(&e.to) else { return };
                if let Some(from) = from
                    && self.contact != Some(from)
                    && self.map.chain.last().is_none_or(|s| s.node != from)
                {
                    let back = self.seen[from];
                    self.step(from, back);
                }
                let back = self.seen[to];
                if back {
                    self.map.nodes[to].returns += 1;
                }
                if let Some(from) = from {
                    if self.contact != Some(from) {
                        self.map.nodes[from].contacts += 1;
                        self.redirected = false;
                    }
                    if !self.redirected {
                        self.map.nodes[from].sent_away += 1;
                        self.redirected = true;
                    }
                    self.seen[from] = true;
                    self.contact = Some(from);
                    match self
                        .map
                        .edges
                        .iter_mut()
                        .find(|x| x.from == from && x.to == to)
                    {
                        Some(edge) => {
                            edge.at.push(e.at);
                            edge.back |= back;
                        }
                        None => self.map.edges.push(Edge {
                            from,
                            to,
                            at: vec![e.at],
                            back,
                        }),
                    }
                }
                self.step(to, back);
                self.seen[to] = true;
            }
            Kind::Restored => self.fixed(None),
            Kind::Visit if e.outcome == Some(Outcome::Fixed) => {
                let at = key(&e.who, self.organisation)
                    .and_then(|k| self.map.nodes.iter().position(|n| n.key == k));
                self.fixed(at);
            }
            Kind::Promise if e.state == Some(PromiseState::Kept) => self.fixed(None),
            _ => {}
        }
    }

    /// A fix: credited to `at`, or to the place of the last contact.
    fn fixed(&mut self, at: Option<usize>) {
        if let Some(i) = at.or(self.contact) {
            self.map.nodes[i].fixes += 1;
            self.map.helped = Some(i);
        }
    }
}

/// Edge times as RFC 3339 strings.
mod times {
    use chrono::{DateTime, Utc};
    use serde::Serializer;
    use serde::ser::SerializeSeq;

    pub fn serialize<S: Serializer>(at: &[DateTime<Utc>], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(at.len()))?;
        for t in at {
            seq.serialize_element(&crate::domain::time::rfc3339(*t))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::i18n::Lang;
    use chrono::TimeZone;

    fn seed(id: &str) -> Case {
        let cases = demo::cases_in(
            Lang::En,
            Utc.with_ymd_and_hms(2026, 4, 6, 12, 0, 0).unwrap(),
        )
        .unwrap();
        cases.into_iter().find(|c| c.id == id).unwrap()
    }

    /// The map as a table: nodes (label, kind, calls, visits, returns), edges (from, to,
    /// times, loop), the chain (with ↩ for a loop).
    fn table(map: &Map) -> (Vec<String>, Vec<String>, String) {
        let nodes = map
            .nodes
            .iter()
            .map(|n| {
                format!(
                    "{} | {} | calls {} | visits {} | returns {} | {}",
                    n.label,
                    n.place.as_str(),
                    n.calls.len(),
                    n.visits,
                    n.returns,
                    n.departments.join(" / ")
                )
            })
            .collect();
        let edges = map
            .edges
            .iter()
            .map(|e| {
                format!(
                    "{} -> {} | {}x{}",
                    map.nodes[e.from].label,
                    map.nodes[e.to].label,
                    e.times(),
                    if e.back { " | loop" } else { "" }
                )
            })
            .collect();
        let mut chain = String::new();
        for (i, s) in map.chain.iter().enumerate() {
            chain.push_str(match (i, s.back) {
                (0, _) => "",
                (_, true) => " ↩ ",
                (_, false) => " → ",
            });
            chain.push_str(&map.nodes[s.node].label);
        }
        (nodes, edges, chain)
    }

    #[test]
    fn the_french_story_goes_shop_1200_0800_0403_back_to_1200_then_088_0402() {
        let map = Map::of(&seed("kpn-phone-repair"));
        let (nodes, edges, chain) = table(&map);
        assert_eq!(
            nodes,
            [
                "KPN shop | shop | calls 0 | visits 1 | returns 0 | ",
                "1200 | number | calls 4 | visits 2 | returns 1 | KPN Business (automated line) \
                 / KPN Business customer service",
                "0800-0403 | number | calls 1 | visits 1 | returns 0 | KPN large business",
                "088-0402 | number | calls 1 | visits 1 | returns 0 | KPN small business",
            ]
        );
        assert_eq!(
            edges,
            [
                "KPN shop -> 1200 | 1x",
                "1200 -> 0800-0403 | 1x",
                "0800-0403 -> 1200 | 1x | loop",
                "0800-0403 -> 088-0402 | 1x",
            ]
        );
        assert_eq!(chain, "KPN shop → 1200 → 0800-0403 ↩ 1200 → 088-0402");
        assert_eq!((map.loops(), map.redirects(), map.helped), (1, 4, None));
        // One call to 0800-0403 gave two redirects: one contact that sent you elsewhere.
        assert_eq!((map.nodes[2].contacts, map.nodes[2].sent_away), (1, 1));
        assert_eq!((map.nodes[0].contacts, map.nodes[0].sent_away), (1, 1));
    }

    #[test]
    fn the_dutch_story_comes_back_to_0800_0402_and_ends_at_the_website() {
        let map = Map::of(&seed("kpn-internet"));
        let (nodes, edges, chain) = table(&map);
        assert_eq!(
            nodes,
            [
                "0800-0402 | number | calls 6 | visits 3 | returns 1 | KPN customer service",
                "0800-0403 | number | calls 1 | visits 1 | returns 0 | KPN business customer \
                 service",
                "internal organisation | department | calls 0 | visits 1 | returns 0 | ",
                "KPN website | website | calls 0 | visits 1 | returns 0 | ",
            ]
        );
        assert_eq!(
            edges,
            [
                "0800-0403 -> 0800-0402 | 1x | loop",
                "0800-0402 -> internal organisation | 1x",
                "0800-0402 -> KPN website | 1x",
            ]
        );
        assert_eq!(
            chain,
            "0800-0402 → 0800-0403 ↩ 0800-0402 → internal organisation → KPN website ↩ \
             0800-0402"
        );
        assert_eq!((map.loops(), map.redirects(), map.helped), (1, 3, None));
    }

    #[test]
    fn the_timeline_flags_the_loops_the_map_marks() {
        for id in ["kpn-phone-repair", "kpn-internet"] {
            let case = seed(id);
            let map = Map::of(&case);
            let flagged = crate::domain::loops::loops(&case)
                .iter()
                .filter(|l| l.is_some())
                .count();
            assert_eq!(flagged, map.loops() as usize, "{id}");
        }
        // Typed otherwise, a redirect back is still a loop.
        let at = |h| Utc.with_ymd_and_hms(2026, 3, 25, h, 0, 0).unwrap();
        let mut case = Case::new("c", "t", "KPN", at(8));
        let mut call = Event::new(Kind::Call, at(9), "");
        call.number = "1200".into();
        let mut back = Event::new(Kind::Redirect, at(10), "");
        back.from = "0800-0403".into();
        back.to = "KPN 12 00".into();
        case.add_event(call);
        case.add_event(back);
        assert!(crate::domain::loops::loops(&case)[1].is_some());
        assert_eq!(Map::of(&case).loops(), 1);
    }

    #[test]
    fn one_place_however_it_is_typed() {
        let one = |a: &str, b: &str| assert_eq!(key(a, "KPN"), key(b, "KPN"), "{a} = {b}");
        let two = |a: &str, b: &str| assert_ne!(key(a, "KPN"), key(b, "KPN"), "{a} ≠ {b}");
        one("1200", "12 00");
        one("1200", "KPN 1200");
        one("1200", " 1200 ");
        one("0800-0403", "0800 0403");
        one("0800-0403", "0800.0403");
        one("0800-0403", "+31 800 0403");
        one("0800-0403", "0031 800 0403");
        one("KPN shop", "kpn SHOP");
        one("KPN shop", "shop");
        one("Service Clients", "service clients");
        one("Équipe réparation", "equipe REPARATION");
        one("internal organisation", "Internal  organisation.");
        two("1200", "0800-0403");
        two("0800-0402", "0800-0403");
        two("KPN shop", "KPN website");
        assert_eq!(key("KPN", "KPN").as_deref(), Some("kpn"));
        assert_eq!(key("  ", "KPN"), None);
        assert_eq!(place_of("KPN 1200"), Place::Number);
        assert_eq!(place_of("KPN shop"), Place::Shop);
        assert_eq!(place_of("le magasin"), Place::Shop);
        assert_eq!(place_of("kpn.com"), Place::Website);
        assert_eq!(place_of("KPN website"), Place::Website);
        assert_eq!(place_of("internal organisation"), Place::Department);
    }

    #[test]
    fn spellings_of_one_place_make_one_node_and_the_fix_marks_who_helped() {
        let at = |h| Utc.with_ymd_and_hms(2026, 3, 25, h, 0, 0).unwrap();
        let mut case = Case::new("c", "t", "KPN", at(8));
        let redirect = |h, from: &str, to: &str| {
            let mut e = Event::new(Kind::Redirect, at(h), "");
            e.from = from.into();
            e.to = to.into();
            e
        };
        let call = |h, number: &str| {
            let mut e = Event::new(Kind::Call, at(h), "");
            e.number = number.into();
            e
        };
        for e in [
            redirect(9, "KPN Shop", "12 00"),
            call(10, "KPN 1200"),
            redirect(11, "", "0800 0403"),
            call(12, "0800-0403"),
            redirect(13, "08000403", "1200"),
            redirect(14, "shop", "1200"),
            call(15, "1200"),
            Event::new(Kind::Restored, at(16), ""),
        ] {
            case.add_event(e);
        }
        let map = Map::of(&case);
        let (nodes, edges, chain) = table(&map);
        assert_eq!(
            nodes,
            [
                "KPN Shop | shop | calls 0 | visits 2 | returns 0 | ",
                "12 00 | number | calls 2 | visits 3 | returns 2 | ",
                "0800 0403 | number | calls 1 | visits 1 | returns 0 | ",
            ]
        );
        assert_eq!(
            edges,
            [
                "KPN Shop -> 12 00 | 2x | loop",
                "12 00 -> 0800 0403 | 1x",
                "0800 0403 -> 12 00 | 1x | loop",
            ]
        );
        assert_eq!(
            chain,
            "KPN Shop → 12 00 → 0800 0403 ↩ 12 00 ↩ KPN Shop ↩ 12 00"
        );
        assert_eq!(map.helped, Some(1));
        assert_eq!(map.nodes[1].fixes, 1);
        assert_eq!(map.loops(), 2);
    }
}
