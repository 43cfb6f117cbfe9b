//! Stable event ids (SPEC §1): a file written before events had ids (schema 1 or 2) gets them
//! on its first write, as schema 3, the same ids on every copy of that file; a schema 3 file
//! keeps its ids and its case's `changes`; JSON shows them and `import` keeps them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::fs;

use common::journal::Journal;
use runaround::storage::format;

const V1: &str = include_str!("fixtures/schema-v1.ron");
const V3: &str = include_str!("fixtures/schema-v3.ron");

#[test]
fn a_schema_1_file_gets_event_ids_on_its_first_write_the_same_on_every_copy() {
    let mut ids = Vec::new();
    for _ in 0..2 {
        let j = Journal::new();
        j.put("fixture-v1", V1);
        let before = j.load("fixture-v1").0;
        assert!(
            before.events.iter().all(|e| e.id.is_empty()),
            "read as it is"
        );
        let (code, _, err) = j.run(&["log", "fixture-v1", "note", "nog steeds niets"]);
        assert_eq!(code, 0, "{err}");
        let text = fs::read_to_string(j.file("fixture-v1")).unwrap();
        assert!(text.contains("schema: 3,"), "{text}");
        let after = j.load("fixture-v1").0;
        assert_eq!(after.events.len(), before.events.len() + 1);
        let distinct: BTreeSet<&str> = after.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(distinct.len(), after.events.len(), "ids are distinct");
        assert!(!distinct.contains(""), "every event has an id");
        // The old events are as they were, but for their ids.
        for old in &before.events {
            assert!(after.events.iter().any(|e| e.same_but_id(old)), "{old:?}");
        }
        let old_ids: Vec<String> = after
            .events
            .iter()
            .filter(|e| e.summary != "nog steeds niets")
            .map(|e| e.id.clone())
            .collect();
        let new_id = after
            .events
            .iter()
            .find(|e| e.summary == "nog steeds niets")
            .map(|e| e.id.clone())
            .unwrap();
        ids.push((old_ids, new_id));
    }
    assert_eq!(
        ids[0].0, ids[1].0,
        "two copies of one old file give the same ids"
    );
    assert_ne!(ids[0].1, ids[1].1, "new events get ids of their own");
}

#[test]
fn a_schema_3_file_keeps_its_ids_and_changes_and_is_written_back_byte_for_byte() {
    let decoded = format::decode(V3).unwrap();
    assert_eq!(decoded.schema, 3);
    assert!(decoded.access.read_only().is_none(), "{:?}", decoded.access);
    let ids: Vec<&str> = decoded.case.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["k7m2q9x4c3vb", "p3n8w2e6r5ty"]);
    assert_eq!(decoded.case.changes.len(), 1);
    assert_eq!(decoded.case.changes[0].was["status"], "open");
    assert_eq!(format::encode(&decoded.case).unwrap(), V3);
}

#[test]
fn ids_and_changes_go_out_in_json_and_come_back_with_import() {
    let a = Journal::new();
    a.put("fixture-v3", V3);
    let (code, json, err) = a.run(&["export", "fixture-v3", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["events"][0]["id"], "k7m2q9x4c3vb");
    assert_eq!(doc["changes"][0]["was"]["status"], "open");
    let (code, json_show, _) = a.run(&["show", "fixture-v3", "--json"]);
    assert_eq!(code, 0);
    let shown: serde_json::Value = serde_json::from_str(&json_show).unwrap();
    assert_eq!(shown["events"][1]["id"], "p3n8w2e6r5ty");

    let b = Journal::new();
    let file = b.tmp.path().join("export.json");
    fs::write(&file, &json).unwrap();
    let (code, _, err) = b.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(b.load("fixture-v3").0, a.load("fixture-v3").0);
}

#[test]
fn an_edit_of_an_event_keeps_its_id() {
    let j = Journal::new();
    j.put("fixture-v3", V3);
    let store = j.store();
    store
        .update("fixture-v3", |case| {
            let old = case.events[0].clone();
            let mut new = old.clone();
            new.summary = "Vous devez appeler le 1200, dit-il".into();
            new.id.clear();
            let new = old.edited(new, old.at);
            runaround::domain::change::Change::ReplaceEvent { old, new }.apply(case)
        })
        .unwrap();
    let case = j.load("fixture-v3").0;
    let e = case
        .events
        .iter()
        .find(|e| e.summary.ends_with("dit-il"))
        .unwrap();
    assert_eq!(e.id, "k7m2q9x4c3vb");
}
