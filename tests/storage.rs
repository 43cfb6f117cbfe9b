//! The case store on disk (SPEC §4, RELIABILITY "Saving" and "RON"): the committed schema-1
//! fixture keeps loading, corrupt and newer files are reported and never overwritten, text is
//! stored without terminal control characters, large notes load in linear time, and stray temp
//! files are ignored and cleaned.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use runaround::domain::{
    ActiveCall, Case, Channel, Counters, Direction, Event, Kind, Outcome, Phase, PromiseState,
    Reference, Segment, Status,
};
use runaround::storage::{Entry, StorageError, Store, UpdateError, format};
use tempfile::TempDir;

const FIXTURE: &str = include_str!("fixtures/schema-v1.ron");
const FIXTURE_ID: &str = "fixture-v1";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("bad test time {s}: {e}"))
        .with_timezone(&Utc)
}

fn store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("open store");
    (dir, store)
}

fn put(store: &Store, id: &str, bytes: &[u8]) {
    fs::write(store.path(id), bytes).expect("write case file");
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

fn loaded(store: &Store, id: &str) -> (Case, Option<String>) {
    match store.load(id).expect("load") {
        Entry::Readable {
            body: case, access, ..
        } => (case, access.read_only().map(ToString::to_string)),
        Entry::Unreadable {
            problem: reason, ..
        } => panic!("{id} is unreadable: {reason}"),
    }
}

fn event(kind: Kind, at: &str, summary: &str) -> Event {
    Event::new(kind, t(at), summary)
}

/// The fixture, as values.
#[allow(clippy::too_many_lines)]
fn fixture_case() -> Case {
    let mut c = Case::new(
        FIXTURE_ID,
        "Geen internet, tv en telefoon na verhuizing",
        "KPN",
        t("2013-08-16T16:00:00Z"),
    );
    c.tags = vec!["internet".into(), "verhuizing".into(), "kpn".into()];
    c.references = vec![
        Reference {
            label: "Klantnummer".into(),
            value: "1234567".into(),
        },
        Reference {
            label: "Ticket".into(),
            value: "KPN-88-0402".into(),
        },
    ];
    c.notes = "Sinds vrijdagavond 16 augustus geen internet, tv of telefoon.\n\
               Monteur: \"het kastje verderop zat op slot\" — twee keer!\n\
               Chapitre 5 – «Vous devez appeler le 1200.» Déjà-vu, façon Kafka.\n\
               \tWachttijd 20 min ☎️⏳ 😤👩\u{200d}💻\n\
               客户服务 / カスタマーサービス / 고객 서비스\n\
               C:\\tickets\\KPN #4412"
        .into();

    c.events
        .push(event(Kind::Outage, "2013-08-16T15:30:00Z", "service out"));

    let mut call = event(Kind::Call, "2013-08-16T16:05:00Z", "Eerste keer gebeld");
    call.detail = "Vriendelijk te woord gestaan.\nDoorgezet naar de interne organisatie.".into();
    call.number = "0800-0402".into();
    call.department = "Klantenservice".into();
    call.agent = "Sanne".into();
    call.direction = Some(Direction::Out);
    call.hold_seconds = Some(1500);
    call.talk_seconds = Some(420);
    call.outcome = Some(Outcome::Transferred);
    c.events.push(call);

    let mut redirect = event(
        Kind::Redirect,
        "2013-08-16T16:40:00Z",
        "doorgezet binnen de interne organisatie",
    );
    redirect.agent = "Sanne".into();
    redirect.from = "0800-0402".into();
    redirect.to = "interne organisatie".into();
    c.events.push(redirect);

    let mut promise = event(
        Kind::Promise,
        "2013-08-17T09:00:00Z",
        "Binnen 24 tot 48 uur opgelost",
    );
    promise.agent = "Mohamed".into();
    promise.due = Some(t("2013-08-19T09:00:00Z"));
    promise.state = Some(PromiseState::Broken);
    c.events.push(promise);

    let mut message = event(
        Kind::Message,
        "2013-08-19T17:45:00Z",
        "Monteur komt dinsdag tussen 14 en 16 uur",
    );
    message.from = "KPN".into();
    message.channel = Some(Channel::Sms);
    message.subject = "Afspraak storing".into();
    c.events.push(message);

    let mut visit = event(
        Kind::Visit,
        "2013-08-20T12:00:00Z",
        "Niemand gekomen, niemand gebeld",
    );
    visit.outcome = Some(Outcome::NoShow);
    visit.who = "monteur".into();
    visit.window_start = Some(t("2013-08-20T12:00:00Z"));
    visit.window_end = Some(t("2013-08-20T14:00:00Z"));
    c.events.push(visit);

    let mut incoming = event(
        Kind::Call,
        "2013-08-20T14:10:00Z",
        "Pas vrijdag kijkt er weer een monteur",
    );
    incoming.direction = Some(Direction::In);
    incoming.talk_seconds = Some(300);
    incoming.outcome = Some(Outcome::Answered);
    c.events.push(incoming);

    let mut complaint = event(
        Kind::Complaint,
        "2013-08-20T19:00:00Z",
        "Klacht ingediend via de website",
    );
    complaint.to = "KPN klachtenservice".into();
    complaint.r#ref = "KL-2013-0815".into();
    c.events.push(complaint);

    let mut note = event(
        Kind::Note,
        "2013-08-20T20:00:00Z",
        "Chapitre 6 – « Quel mauvais service ! » 😤",
    );
    note.detail = "第一行\nDeuxième ligne, ça va ?".into();
    c.events.push(note);

    c.events.push(event(
        Kind::Restored,
        "2013-08-23T10:00:00Z",
        "Internet is terug 🎉",
    ));

    c.active_call = Some(ActiveCall {
        number: "1200".into(),
        department: "Zakelijk".into(),
        agent: String::new(),
        place: String::new(),
        segments: vec![
            Segment {
                phase: Phase::Hold,
                from: t("2013-08-23T09:00:00Z"),
            },
            Segment {
                phase: Phase::Talk,
                from: t("2013-08-23T09:20:00Z"),
            },
            Segment {
                phase: Phase::Hold,
                from: t("2013-08-23T09:25:00Z"),
            },
        ],
        transfers: 1,
    });
    c
}

#[test]
fn the_schema_1_fixture_loads_with_exact_values() {
    let (_dir, store) = store();
    put(&store, FIXTURE_ID, FIXTURE.as_bytes());
    assert_eq!(store.ids().expect("ids"), vec![FIXTURE_ID.to_string()]);
    let (case, read_only) = loaded(&store, FIXTURE_ID);
    assert_eq!(read_only, None);
    let expected = fixture_case();
    // Field by field first, for readable failures.
    assert_eq!(case.title, expected.title);
    assert_eq!(case.status, Status::Open);
    assert_eq!(case.tags, expected.tags);
    assert_eq!(case.references, expected.references);
    assert_eq!(case.notes, expected.notes);
    assert_eq!(case.events.len(), expected.events.len());
    for (i, (got, want)) in case.events.iter().zip(&expected.events).enumerate() {
        assert_eq!(got, want, "event {}", i + 1);
    }
    assert_eq!(case.active_call, expected.active_call);
    assert_eq!(case, expected);
    let kinds: Vec<Kind> = case.events.iter().map(|e| e.kind).collect();
    for kind in Kind::ALL {
        assert!(kinds.contains(kind), "the fixture lacks a {kind} event");
    }

    // Its counters as of a moment after the story.
    let now = t("2013-08-24T00:00:00Z");
    let hold_active = 20 * 60 + (now - t("2013-08-23T09:25:00Z")).num_seconds();
    assert_eq!(
        Counters::of(&case, now),
        Counters {
            without_service_seconds: (t("2013-08-23T10:00:00Z") - t("2013-08-16T15:30:00Z"))
                .num_seconds(),
            days_without_service: 6,
            redirects: 1,
            calls: 2,
            hold_seconds: 1500 + hold_active,
            longest_hold_seconds: hold_active,
            promises_pending: 0,
            promises_broken: 1,
            no_shows: 1,
            days_open: 7,
        }
    );
}

#[test]
fn the_current_encoder_writes_the_fixture_byte_for_byte() {
    let text = format::encode(&fixture_case()).expect("encode");
    assert_eq!(text, FIXTURE);
    let decoded = format::decode(FIXTURE).expect("decode");
    // A case without corrections is still written as schema 1, which older builds read.
    assert_eq!(decoded.schema, 1);
    assert_eq!(decoded.case, fixture_case());
    // No Rust type names in the file.
    for name in [
        "Case",
        "Event",
        "Record",
        "Some(",
        "ActiveCall",
        "Segment",
        "Kind",
    ] {
        assert!(!text.contains(name), "the file contains {name}");
    }
}

#[test]
fn updating_the_fixture_keeps_everything_else() {
    let (_dir, store) = store();
    put(&store, FIXTURE_ID, FIXTURE.as_bytes());
    let added = event(Kind::Note, "2013-08-21T08:00:00Z", "nog steeds niets");
    let (index, saved) = store
        .update(FIXTURE_ID, |c| Ok::<_, String>(c.add_event(added.clone())))
        .expect("update");
    assert_eq!(index, 9, "placed in time order");
    let mut expected = fixture_case();
    expected.events.insert(9, added);
    // The first write gives every event its id; all else stays.
    let without_ids = |case: &Case| {
        let mut case = case.clone();
        assert!(
            case.events.iter().all(|e| !e.id.is_empty()),
            "an event without id"
        );
        case.events.iter_mut().for_each(|e| e.id.clear());
        case
    };
    assert_eq!(without_ids(&saved), expected);
    assert_eq!(loaded(&store, FIXTURE_ID).0, saved);
}

/// A case file that arrived group- or world-readable (copied in, restored from a backup) must
/// become 0600 when runaround saves it: the journal holds customer numbers and addresses.
#[test]
fn saving_a_case_file_makes_it_0600_again() {
    let (_dir, store) = store();
    put(&store, FIXTURE_ID, FIXTURE.as_bytes());
    fs::set_permissions(store.path(FIXTURE_ID), fs::Permissions::from_mode(0o644)).expect("chmod");
    store
        .update(FIXTURE_ID, |c| {
            c.notes.push_str("\nklantnummer 1234567");
            Ok::<_, String>(())
        })
        .expect("update");
    assert_eq!(
        mode(&store.path(FIXTURE_ID)),
        0o600,
        "the saved case file keeps the old file's mode"
    );
}

#[test]
fn a_hand_edited_file_with_escapes_comments_and_missing_defaults_loads() {
    let text = r#"#![enable(implicit_some)]
// edited by hand
(
  id: "hand",
  schema: 1,
  title: "Caf\u{e9} \"Le 1200\"",
  organisation: "KPN",
  status: "closed",
  opened: "2013-08-16T18:00:00+02:00", /* any offset */
  events: [
    (kind: "note", at: "2013-08-18T10:00:00Z", summary: "later"),
    (kind: "call", at: "2013-08-17T10:00:00Z", hold_seconds: 60),
  ],
)
"#;
    let (_dir, store) = store();
    put(&store, "hand", text.as_bytes());
    let (case, read_only) = loaded(&store, "hand");
    // It loads, but the next save would drop the comments: read-only, the comments named.
    let reason = read_only.expect("a file with comments is read-only");
    assert!(reason.starts_with("line 2: a comment; "), "{reason}");
    assert!(reason.contains("(also line 9: a comment)"), "{reason}");
    assert_eq!(case.title, "Café \"Le 1200\"");
    assert_eq!(case.status, Status::Closed);
    assert_eq!(case.opened, t("2013-08-16T16:00:00Z"));
    assert!(case.tags.is_empty() && case.references.is_empty() && case.notes.is_empty());
    assert_eq!(case.active_call, None);
    let order: Vec<Kind> = case.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        order,
        vec![Kind::Call, Kind::Note],
        "events come back in time order"
    );
    assert_eq!(case.events[0].hold_seconds, Some(60));
    assert_eq!(case.events[0].summary, "");
}

/// A corrupt file under `id`: its name and bytes.
struct Corrupt {
    name: String,
    id: &'static str,
    bytes: Vec<u8>,
    reason_has: &'static str,
}

fn corrupt(
    name: impl Into<String>,
    id: &'static str,
    bytes: Vec<u8>,
    reason_has: &'static str,
) -> Corrupt {
    Corrupt {
        name: name.into(),
        id,
        bytes,
        reason_has,
    }
}

fn replaced(from: &str, to: &str) -> Vec<u8> {
    assert!(FIXTURE.contains(from), "the fixture has no {from:?}");
    FIXTURE.replacen(from, to, 1).into_bytes()
}

#[allow(clippy::too_many_lines)]
fn corrupt_files() -> Vec<Corrupt> {
    let mut list = vec![
        corrupt("empty", FIXTURE_ID, Vec::new(), "empty"),
        corrupt("blank", FIXTURE_ID, b"\n  \n".to_vec(), "empty"),
        corrupt("NUL-filled", FIXTURE_ID, vec![0; FIXTURE.len()], ""),
        corrupt("NUL-filled, 4 KiB", FIXTURE_ID, vec![0; 4096], ""),
        corrupt(
            "invalid UTF-8",
            FIXTURE_ID,
            {
                let mut b = FIXTURE.as_bytes().to_vec();
                let at = FIXTURE.find("Sinds").expect("notes");
                b.splice(at..at, [0xff, 0xfe, 0xc3]);
                b
            },
            "UTF-8",
        ),
        corrupt(
            "schema is text",
            FIXTURE_ID,
            replaced("schema: 1,", "schema: \"one\","),
            "",
        ),
        corrupt(
            "status is a number",
            FIXTURE_ID,
            replaced("status: \"open\"", "status: 5"),
            "",
        ),
        corrupt(
            "unknown status",
            FIXTURE_ID,
            replaced("status: \"open\"", "status: \"pending\""),
            "status",
        ),
        corrupt(
            "negative hold",
            FIXTURE_ID,
            replaced("hold_seconds: 1500", "hold_seconds: -1500"),
            "",
        ),
        corrupt(
            "time is not a time",
            FIXTURE_ID,
            replaced("at: \"2013-08-16T15:30:00Z\"", "at: \"vrijdagavond\""),
            "vrijdagavond",
        ),
        corrupt(
            "opened is a number",
            FIXTURE_ID,
            replaced("opened: \"2013-08-16T16:00:00Z\"", "opened: 1376668800"),
            "",
        ),
        corrupt(
            "unknown kind",
            FIXTURE_ID,
            replaced("kind: \"note\"", "kind: \"memo\""),
            "memo",
        ),
        corrupt(
            "events is a string",
            FIXTURE_ID,
            replaced("events: [", "events: \"none\", old: ["),
            "",
        ),
        corrupt(
            "tags is a map",
            FIXTURE_ID,
            replaced(
                "tags: [\n    \"internet\",\n    \"verhuizing\",\n    \"kpn\",\n  ],",
                "tags: { \"a\": 1 },",
            ),
            "",
        ),
        corrupt(
            "missing title",
            FIXTURE_ID,
            replaced(
                "  title: \"Geen internet, tv en telefoon na verhuizing\",\n",
                "",
            ),
            "title",
        ),
        corrupt(
            "outcome of the wrong kind",
            FIXTURE_ID,
            replaced("outcome: \"transferred\"", "outcome: \"no-show\""),
            "event 2",
        ),
        corrupt(
            "field the kind does not have",
            FIXTURE_ID,
            replaced(
                "summary: \"Internet is terug 🎉\",",
                "summary: \"Internet is terug 🎉\",\n      hold_seconds: 5,",
            ),
            "--hold",
        ),
        corrupt(
            "id does not match the name",
            "other-name",
            FIXTURE.as_bytes().to_vec(),
            "other-name",
        ),
        corrupt(
            "trailing garbage",
            FIXTURE_ID,
            format!("{FIXTURE})\n").into_bytes(),
            "",
        ),
    ];
    // Truncated at every 7th byte (the closing parenthesis and what follows are always lost).
    let end = FIXTURE.rfind(')').expect("closing parenthesis");
    for at in (0..end).step_by(7) {
        list.push(corrupt(
            format!("truncated at {at}"),
            FIXTURE_ID,
            FIXTURE.as_bytes()[..at].to_vec(),
            "",
        ));
    }
    list
}

#[test]
fn corrupt_files_are_reported_and_never_overwritten() {
    let (_dir, store) = store();
    let good = Case::new(
        "good-case",
        "Loan device never came",
        "KPN",
        t("2026-03-25T09:00:00Z"),
    );
    store.insert(&good).expect("insert good case");
    let cases = corrupt_files();
    assert!(cases.len() > 100, "{} corrupt files", cases.len());
    for c in cases {
        let path = store.path(c.id);
        put(&store, c.id, &c.bytes);
        let what = &c.name;

        match store.load(c.id).expect("load") {
            Entry::Unreadable { id, problem, .. } => {
                let reason = problem.to_string();
                assert_eq!(id, c.id, "{what}");
                assert!(!reason.trim().is_empty(), "{what}: empty reason");
                assert!(
                    reason.contains(c.reason_has),
                    "{what}: reason {reason:?} does not mention {:?}",
                    c.reason_has
                );
            }
            Entry::Readable { .. } => panic!("{what}: a corrupt file loaded"),
        }

        let all = store.load_all().expect("load_all");
        assert_eq!(all.len(), 2, "{what}");
        assert!(
            all.iter()
                .any(|e| matches!(e, Entry::Readable { body: case, .. } if case.id == "good-case")),
            "{what}: the good case is missing from load_all"
        );
        assert!(
            all.iter()
                .any(|e| matches!(e, Entry::Unreadable { id, .. } if id == c.id)),
            "{what}: the corrupt case is missing from load_all"
        );

        let mut called = false;
        let result = store.update(c.id, |case| {
            called = true;
            case.title = "overwritten".into();
            Ok::<_, String>(())
        });
        assert!(
            matches!(
                result,
                Err(UpdateError::Storage(StorageError::Unreadable { .. }))
            ),
            "{what}: update gave {result:?}"
        );
        assert!(!called, "{what}: the change ran on an unreadable case");
        let mut clash = good.clone();
        clash.id = c.id.to_string();
        assert!(
            matches!(store.insert(&clash), Err(StorageError::Exists(_))),
            "{what}: insert over an unreadable file"
        );

        assert_eq!(
            fs::read(&path).expect("read back"),
            c.bytes,
            "{what}: the file changed"
        );
        fs::remove_file(&path).expect("remove");
    }
    assert_eq!(loaded(&store, "good-case").0, good);
}

fn newer(schema_line: &str) -> String {
    FIXTURE.replacen("schema: 1,", schema_line, 1).replacen(
        "      kind: \"outage\",\n",
        "      kind: \"outage\",\n      severity: \"total\",\n",
        1,
    )
}

#[test]
fn a_newer_schema_opens_read_only_and_is_never_written() {
    let (_dir, store) = store();
    let text = newer("schema: 9,\n  colour: \"rood\",\n  watchers: [(name: \"E\")],");
    assert!(text.contains("colour") && text.contains("severity"));
    put(&store, FIXTURE_ID, text.as_bytes());
    let (case, read_only) = loaded(&store, FIXTURE_ID);
    let reason = read_only.expect("a schema 9 file is read-only");
    assert!(reason.contains("newer"), "{reason}");
    assert!(reason.contains('9'), "{reason}");
    assert_eq!(case, fixture_case(), "what this build knows is still shown");

    let mut called = false;
    let result = store.update(FIXTURE_ID, |c| {
        called = true;
        c.notes.clear();
        Ok::<_, String>(())
    });
    assert!(
        matches!(
            result,
            Err(UpdateError::Storage(StorageError::ReadOnly { .. }))
        ),
        "{result:?}"
    );
    assert!(!called);
    assert_eq!(
        fs::read_to_string(store.path(FIXTURE_ID)).expect("read"),
        text
    );

    // A newer file this build cannot even parse says so, and is not written either.
    let text = FIXTURE.replacen("schema: 1,", "schema: 5,", 1).replacen(
        "status: \"open\"",
        "status: (state: \"open\", since: \"2013-08-16\")",
        1,
    );
    put(&store, FIXTURE_ID, text.as_bytes());
    match store.load(FIXTURE_ID).expect("load") {
        Entry::Unreadable {
            problem: reason, ..
        } => assert!(reason.to_string().contains("newer"), "{reason}"),
        Entry::Readable { .. } => panic!("a status this build does not know loaded"),
    }
    assert!(store.update(FIXTURE_ID, |_| Ok::<_, String>(())).is_err());
    assert_eq!(
        fs::read_to_string(store.path(FIXTURE_ID)).expect("read"),
        text
    );
}

#[test]
fn control_characters_are_stripped_before_storing() {
    let (_dir, store) = store();
    let mut case = Case::new(
        "ctl",
        "Kabel\u{1b}[2J storing\u{0}",
        "KPN\u{9b}31m\u{7f}",
        t("2026-03-25T09:00:00Z"),
    );
    case.tags = vec!["a\u{1b}[31mrood\u{1b}[0m".into()];
    case.references = vec![Reference {
        label: "Klant\u{7}nummer".into(),
        value: "12\r\n34".into(),
    }];
    case.notes =
        "één\r\ntwee\u{1b}]0;titel\u{7}drie\u{9b}2J\u{7f}vier\rvijf\tzes\u{0}\u{85}!".into();
    let mut e = event(
        Kind::Call,
        "2026-03-25T10:00:00Z",
        "beep\u{7} \u{1b}[1mvet\u{1b}[0m",
    );
    e.detail = "regel 1\r\nregel 2\u{8}\u{8}\nregel 3".into();
    e.number = "0800\u{0}-0403".into();
    case.add_event(e);
    case.active_call = Some(ActiveCall::start("12\u{1b}00", t("2026-03-25T11:00:00Z")));
    store.insert(&case).expect("insert");

    let (got, _) = loaded(&store, "ctl");
    assert_eq!(got.title, "Kabel storing");
    assert_eq!(got.organisation, "KPN");
    assert_eq!(got.tags, vec!["arood".to_string()]);
    assert_eq!(got.references[0].label, "Klantnummer");
    assert_eq!(got.references[0].value, "12 34");
    assert_eq!(got.notes, "één\ntweedrievier\nvijf\tzes!");
    assert_eq!(got.events[0].summary, "beep vet");
    assert_eq!(got.events[0].detail, "regel 1\nregel 2\nregel 3");
    assert_eq!(got.events[0].number, "0800-0403");
    assert_eq!(
        got.active_call.as_ref().map(|c| c.number.as_str()),
        // `ESC 0` is a sequence of its own, and goes whole.
        Some("120")
    );

    // The same through an update.
    store
        .update("ctl", |c| {
            c.notes = "x\u{1b}[Hy\u{0}z\r\n\u{9b}".into();
            c.events[0].summary = "\u{1b}c reset".into();
            Ok::<_, String>(())
        })
        .expect("update");
    let (got, _) = loaded(&store, "ctl");
    assert_eq!(got.notes, "xyz\n");
    assert_eq!(got.events[0].summary, "reset");

    let text = fs::read_to_string(store.path("ctl")).expect("read");
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
        .collect();
    assert!(bad.is_empty(), "control characters in the file: {bad:?}");
}

#[test]
fn strings_that_need_raw_ron_quoting_round_trip() {
    let awkward = [
        "plain",
        "he said \"call 1200\"",
        r"C:\KPN\tickets\",
        "\"#",
        "ends with a quote \"",
        "\"## and \"### and r#\"raw\"#",
        "#hashtag #KPN #fail",
        "),] ( [ { } // not a comment /* nor this */",
        "\\n is not a newline, \\u{41} is not A",
        "",
        "multi\nline \"with\" \\ back\\slashes\n\n",
    ];
    let (_dir, store) = store();
    for (i, s) in awkward.iter().enumerate() {
        let id = format!("raw-{i}");
        let mut case = Case::new(
            id.clone(),
            format!("title {}", s.replace('\n', " ")),
            "KPN",
            t("2026-01-01T00:00:00Z"),
        );
        case.notes = (*s).to_string();
        let mut e = event(Kind::Note, "2026-01-01T01:00:00Z", &s.replace('\n', " "));
        e.detail = (*s).to_string();
        case.add_event(e);
        store.insert(&case).expect("insert");
        let (got, _) = loaded(&store, &id);
        assert_eq!(got.notes, *s, "notes {s:?}");
        assert_eq!(got.events[0].detail, *s, "detail {s:?}");
        assert_eq!(got.title, case.title.trim(), "title {s:?}");
    }
}

fn big_note(lines: usize) -> String {
    let mut s = String::with_capacity(lines * 56);
    for i in 0..lines {
        s.push_str(&format!(
            "{i:06} Monteur: \"kastje op slot\" — C:\\pad\\ é ü 漢字 😤 #{}\n",
            i % 97
        ));
    }
    s
}

fn min_load_time(store: &Store, id: &str, expected_len: usize) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let (case, _) = loaded(store, id);
            let took = start.elapsed();
            assert_eq!(case.notes.len(), expected_len);
            took
        })
        .min()
        .expect("three runs")
}

#[test]
fn a_large_note_saves_and_loads_in_linear_time() {
    let (_dir, store) = store();
    let one = big_note(40_000);
    let two = big_note(80_000);
    assert_eq!(one.lines().count(), 40_000);
    assert!(one.len() >= 2_000_000, "{} bytes", one.len());

    for (id, note) in [("big-1x", &one), ("big-2x", &two)] {
        let mut case = Case::new(id, "Pasted chat log", "KPN", t("2026-01-01T00:00:00Z"));
        case.notes.clone_from(note);
        store.insert(&case).expect("insert");
        assert_eq!(loaded(&store, id).0.notes, *note, "{id} round trip");
    }
    // Saving through an update is fine too.
    store
        .update("big-1x", |c| {
            c.add_event(event(Kind::Note, "2026-01-02T00:00:00Z", "pasted"));
            Ok::<_, String>(())
        })
        .expect("update big case");

    let t1 = min_load_time(&store, "big-1x", one.len());
    let t2 = min_load_time(&store, "big-2x", two.len());
    eprintln!("load times: 1x {t1:?}, 2x {t2:?}");
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(1)
    } else {
        Duration::from_millis(100)
    };
    assert!(
        t1 < limit,
        "a 2 MB note took {t1:?} to load (limit {limit:?})"
    );
    assert!(
        t2 < t1 * 3 + Duration::from_millis(20),
        "doubling the note went from {t1:?} to {t2:?}: not linear"
    );
}

#[test]
fn stray_temp_files_are_ignored_and_cleaned() {
    let (_dir, store) = store();
    let case = Case::new("abc", "Loan device", "KPN", t("2026-01-01T00:00:00Z"));
    store.insert(&case).expect("insert");
    let cases_dir = store.path("abc").parent().expect("cases dir").to_path_buf();
    let strays = [
        ".abc.ron.Xy12Zq.tmp",
        ".ghost.ron.a1B2c3.tmp",
        ".abc.ron.000000.tmp",
    ];
    for s in strays {
        fs::write(cases_dir.join(s), b"(schema: 1, id: \"half").expect("write stray");
    }
    let others = ["notes.txt", "bad id.ron", ".hidden"];
    for s in others {
        fs::write(cases_dir.join(s), b"x").expect("write other");
    }

    assert_eq!(store.ids().expect("ids"), vec!["abc".to_string()]);
    let all = store.load_all().expect("load_all");
    assert_eq!(all.len(), 1);
    assert!(matches!(&all[0], Entry::Readable { body: case, .. } if case.id == "abc"));

    assert_eq!(store.clean_strays().expect("clean"), strays.len());
    for s in strays {
        assert!(!cases_dir.join(s).exists(), "{s} is still there");
    }
    for s in others {
        assert!(cases_dir.join(s).exists(), "{s} was removed");
    }
    assert_eq!(loaded(&store, "abc").0, case);
    assert_eq!(store.clean_strays().expect("clean again"), 0);
}

#[test]
fn directories_are_private_and_files_are_0600() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("journal");
    fs::create_dir(&data).expect("mkdir");
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).expect("chmod");
    let store = Store::open(&data).expect("open");
    // An existing directory keeps its mode (and is pointed out); the `cases/` made inside it
    // is private.
    assert_eq!(mode(&data), 0o755);
    assert!(store.exposed().is_some_and(|w| w.contains("755")));
    assert_eq!(mode(&data.join("cases")), 0o700);

    let id = store
        .create(Case::new("", "t", "o", t("2026-01-01T00:00:00Z")))
        .expect("create");
    assert!(runaround::storage::valid_id(&id), "{id}");
    assert_eq!(mode(&store.path(&id)), 0o600);
    store
        .update(&id, |c| {
            c.notes = "klantnummer 1234567".into();
            Ok::<_, String>(())
        })
        .expect("update");
    assert_eq!(mode(&store.path(&id)), 0o600);
    for entry in fs::read_dir(data.join("cases")).expect("read dir") {
        let path = entry.expect("entry").path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }

    // A fresh data dir is created 0700 with its parents.
    let fresh = dir.path().join("a/b/runaround");
    Store::open(&fresh).expect("open fresh");
    assert_eq!(mode(&fresh), 0o700);
    assert_eq!(mode(&fresh.join("cases")), 0o700);
}

#[test]
fn cases_created_by_one_store_get_distinct_ids() {
    let (_dir, store) = store();
    let mut ids: Vec<String> = (0..50)
        .map(|i| {
            store
                .create(Case::new(
                    "",
                    format!("case {i}"),
                    "o",
                    t("2026-01-01T00:00:00Z"),
                ))
                .expect("create")
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 50);
    assert_eq!(store.ids().expect("ids"), ids);
    let dup = Case::new(ids[0].clone(), "again", "o", t("2026-01-01T00:00:00Z"));
    assert!(matches!(store.insert(&dup), Err(StorageError::Exists(_))));
    let bad = Case::new("../escape", "bad", "o", t("2026-01-01T00:00:00Z"));
    assert!(matches!(store.insert(&bad), Err(StorageError::BadId(_))));
}

#[test]
fn a_case_file_that_cannot_be_read_is_listed_as_unreadable_not_dropped() {
    let (_dir, store) = store();
    put(&store, FIXTURE_ID, FIXTURE.as_bytes());
    // A directory where a case file should be: reading it fails with an I/O error.
    fs::create_dir(store.path("in-the-way")).expect("mkdir");
    let entries = store.load_all().expect("load_all");
    assert_eq!(entries.len(), 2, "{entries:?}");
    let reason = entries
        .iter()
        .find_map(|e| match e {
            Entry::Unreadable { id, problem, .. } if id == "in-the-way" => {
                Some(problem.to_string())
            }
            _ => None,
        })
        .expect("the unreadable case is listed");
    assert!(reason.starts_with("the file cannot be read"), "{reason}");
    assert!(store.update("in-the-way", |_| Ok::<_, String>(())).is_err());
    assert!(store.path("in-the-way").is_dir(), "nothing replaced it");
}

#[test]
fn why_a_file_is_unreadable_or_read_only_is_a_fact_with_the_words_of_before() {
    use runaround::storage::{Access, CaseFile, FileProblem, ReadOnly};
    let (_dir, store) = store();
    put(&store, "other-name", FIXTURE.as_bytes());
    let CaseFile::Unreadable { id, problem, .. } = store.load("other-name").unwrap() else {
        panic!("a file with another id loaded");
    };
    assert_eq!(id, "other-name");
    assert_eq!(
        problem,
        FileProblem::IdMismatch {
            inside: FIXTURE_ID.into(),
            name: "other-name".into()
        }
    );
    assert_eq!(
        problem.to_string(),
        "the file says its id is 'fixture-v1', but its name says 'other-name'"
    );

    put(&store, "empty", b"  \n");
    let empty = store.load("empty").unwrap();
    assert_eq!(empty.clone().into_result(), Err(FileProblem::Empty));
    assert_eq!(
        empty.map(|case| case.title).stamp(),
        store.stamp("empty").unwrap()
    );

    put(&store, FIXTURE_ID, newer("schema: 9,").as_bytes());
    let CaseFile::Readable { body, access, .. } = store.load(FIXTURE_ID).unwrap() else {
        panic!("a newer file that parses is unreadable");
    };
    assert_eq!(
        access,
        Access::ReadOnly(ReadOnly::NewerSchema { schema: 9 })
    );
    assert_eq!(
        access.read_only().unwrap().to_string(),
        "written by a newer runaround (schema 9, this one writes 4)"
    );
    let listed = CaseFile::Readable {
        body,
        access,
        stamp: runaround::storage::Stamp::default(),
    }
    .map(|case| case.events.len());
    assert_eq!(listed.body(), Some(&fixture_case().events.len()));
}

/// A big journal's files are looked at on every core: the same stamps, in the same order (by
/// id), as one look at each file gives; other files in `cases/` are not case files.
#[test]
fn the_stamps_of_a_big_journal_are_every_files_in_id_order() {
    use std::os::unix::fs::MetadataExt;
    let dir = TempDir::new().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let cases = dir.path().join("cases");
    fs::create_dir_all(&cases).unwrap();
    // More than one thread's share, of differing sizes, written in no particular order.
    let ids: Vec<String> = (0..5000u32)
        .map(|i| format!("c{:05}", (i * 7919) % 5000))
        .collect();
    for (n, id) in ids.iter().enumerate() {
        fs::write(cases.join(format!("{id}.ron")), "x".repeat(n % 97)).unwrap();
    }
    fs::write(cases.join("c00001.lock"), "").unwrap();
    fs::write(cases.join(".c00002.ron.tmp"), "").unwrap();
    let stamps = store.stamps().unwrap();
    let mut want: Vec<String> = ids.clone();
    want.sort();
    assert_eq!(
        stamps.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(),
        want
    );
    for (id, stamp) in &stamps {
        let meta = fs::metadata(cases.join(format!("{id}.ron"))).unwrap();
        assert_eq!(
            (stamp.len, stamp.ino, stamp.mtime, stamp.mtime_nsec),
            (meta.len(), meta.ino(), meta.mtime(), meta.mtime_nsec()),
            "{id}"
        );
    }
}
