//! The runaround map and the directory of numbers on the command line (SPEC §10): the built
//! binary on a journal holding the demo's two founding stories.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::journal::Journal;
use runaround::i18n::Lang;
use serde_json::Value;

/// A journal with the two demo stories, told in English.
fn seeded() -> Journal {
    let j = Journal::new();
    let store = j.store();
    for case in runaround::demo::cases_in(Lang::En, common::now()).unwrap() {
        store.insert(&case).unwrap();
    }
    j
}

fn run(j: &Journal, lang: &str, args: &[&str]) -> (i32, String, String) {
    let out = j
        .cmd()
        .env("RUNAROUND_LANG", lang)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn map_text_tells_the_french_story_as_a_chain_with_its_back_arrow() {
    let j = seeded();
    let (code, out, err) = run(&j, "en", &["map", "kpn-phone-repair"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("KPN shop → 1200 → 0800-0403 ↩ 1200 (2× here) → 088-0402"),
        "{out}"
    );
    assert!(out.contains("4 places · 4 redirects · 1 loop"), "{out}");
    assert!(out.contains("0800-0403 ↩ 1200"), "{out}");
    assert!(
        out.contains(
            "  1200       number · KPN Business (automated line) · KPN Business customer \
             service\n             4 calls · median hold 10m 30s · longest 14m\n             \
             sent you on 1× · sent back here 1×\n"
        ),
        "{out}"
    );
    assert!(out.contains("Nothing has helped yet."), "{out}");
    // The title finds the case too, and other languages say it in their words.
    let (code, nl, _) = run(&j, "nl", &["map", "Broken phone"]);
    assert_eq!(code, 0);
    assert!(nl.contains("1 rondje") && nl.contains("(2× hier)"), "{nl}");
    let (_, fr, _) = run(&j, "fr", &["map", "kpn-internet"]);
    assert!(
        fr.contains("1 boucle") && fr.contains("Rien n’a encore aidé."),
        "{fr}"
    );
    assert!(fr.contains("↩ 0800-0402"), "{fr}");
}

#[test]
fn map_of_an_unknown_case_is_an_error() {
    let j = seeded();
    let (code, out, err) = run(&j, "en", &["map", "nothing-like-this"]);
    assert_eq!(code, 1, "{out}");
    assert!(!err.is_empty());
}

#[test]
fn map_dot_is_accepted_by_graphviz() {
    let j = seeded();
    for id in ["kpn-phone-repair", "kpn-internet"] {
        for lang in ["en", "nl", "fr"] {
            let (code, dot, err) = run(&j, lang, &["map", id, "--format", "dot"]);
            assert_eq!(code, 0, "{err}");
            assert!(dot.starts_with("digraph runaround {"), "{dot}");
            assert!(dot.trim_end().ends_with('}'), "{dot}");
            assert!(dot.contains("n1 -> n"), "{dot}");
            assert!(dot.contains("style=bold"), "the loop is drawn bold: {dot}");
            let Ok(mut child) = Command::new("dot")
                .arg("-Tsvg")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
            else {
                println!("SKIPPED: Graphviz `dot` is not installed; DOT not checked by it");
                return;
            };
            child
                .stdin
                .take()
                .unwrap()
                .write_all(dot.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            let svg = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && out.stderr.is_empty(),
                "dot refused {id} in {lang}: {}\n{dot}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(svg.contains("<svg"), "{svg}");
            assert_eq!(
                svg.contains("088&#45;0402"),
                id == "kpn-phone-repair",
                "{id} {lang}: {svg}"
            );
        }
    }
}

#[test]
fn map_json_gives_nodes_edges_and_the_loop() {
    let j = seeded();
    let (code, out, err) = run(&j, "en", &["map", "kpn-phone-repair", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let places: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["place"].as_str().unwrap())
        .collect();
    assert_eq!(places, ["KPN shop", "1200", "0800-0403", "088-0402"]);
    let loops: Vec<(&str, &str)> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["loop"] == true)
        .map(|e| (e["from"].as_str().unwrap(), e["to"].as_str().unwrap()))
        .collect();
    assert_eq!(loops, [("0800-0403", "1200")]);
    assert_eq!(v["loops"], 1);
    assert_eq!(v["nodes"][1]["calls"], 4);
    assert_eq!(
        v["nodes"][1]["hold_seconds"],
        serde_json::json!([60, 720, 840, 540])
    );
}

#[test]
fn numbers_learns_from_every_case_of_the_organisation() {
    let j = seeded();
    let (code, out, err) = run(&j, "en", &["numbers", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let entries = v.as_array().unwrap();
    let entry = |place: &str| {
        entries
            .iter()
            .find(|e| e["place"] == place)
            .unwrap_or_else(|| panic!("{place} in {out}"))
    };
    // 0800-0402: six calls in the Dutch case, held 14, 21, 9, 25, 33 and 18 minutes.
    let dutch = entry("0800-0402");
    assert_eq!(dutch["calls"], 6);
    assert_eq!(dutch["median_hold_seconds"], (18 + 21) * 60 / 2);
    assert_eq!(dutch["longest_hold_seconds"], 33 * 60);
    // 0800-0403 is in both cases: 7 minutes in the Dutch one, 20 in the French one.
    let both = entry("0800-0403");
    assert_eq!(
        (both["cases"].as_u64(), both["calls"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(both["median_hold_seconds"], (7 + 20) * 60 / 2);
    assert_eq!(both["longest_hold_seconds"], 20 * 60);
    // Each of its two calls sent you elsewhere (the French one twice over).
    assert_eq!(
        (both["contacts"].as_u64(), both["sent_elsewhere"].as_u64()),
        (Some(2), Some(2))
    );
    let sent_to: Vec<&str> = both["sent_to"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["place"].as_str().unwrap())
        .collect();
    assert_eq!(sent_to, ["0800-0402", "088-0402", "1200"]);
    let sent_from: Vec<&str> = entry("1200")["sent_from"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["place"].as_str().unwrap())
        .collect();
    assert_eq!(sent_from, ["0800-0403", "KPN shop"]);
    assert_eq!(entry("1200")["outcomes"]["answered"], 4);

    let (code, text, _) = run(&j, "en", &["numbers", "--org", "kpn"]);
    assert_eq!(code, 0);
    assert!(text.starts_with("KPN\n"), "{text}");
    assert!(
        text.contains("  0800-0402 · number · 6 calls · median hold 19m 30s · longest 33m"),
        "{text}"
    );
    let (_, none, _) = run(&j, "en", &["numbers", "--org", "Ziggo"]);
    assert_eq!(none, "No numbers for Ziggo yet.\n");
    let (_, nl, _) = run(&j, "nl", &["numbers"]);
    assert!(
        nl.contains("6 gesprekken · mediaan in de wacht 19m 30s"),
        "{nl}"
    );
}

/// Whether `xml` is well-formed, as Python's XML parser reads it; `None` without Python.
fn well_formed(xml: &str) -> Option<Result<(), String>> {
    let mut child = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.buffer.read())",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(xml.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}

#[test]
fn map_svg_is_a_picture_drawn_without_graphviz() {
    let j = seeded();
    for lang in ["en", "nl", "fr"] {
        // The Dutch story's long arcs above the boxes too.
        let (code, svg, err) = run(&j, lang, &["map", "kpn-internet", "--format", "svg"]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(svg.matches("<rect").count(), 4, "{svg}");
        if let Some(parsed) = well_formed(&svg) {
            parsed.unwrap_or_else(|e| panic!("{lang}: {e}\n{svg}"));
        }
        let (code, svg, err) = run(&j, lang, &["map", "kpn-phone-repair", "--format", "svg"]);
        assert_eq!(code, 0, "{err}");
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{svg}"
        );
        for label in ["KPN shop", "1200", "0800-0403", "088-0402", "↩ 1×"] {
            assert!(svg.contains(label), "{label}: {svg}");
        }
        assert_eq!(svg.matches("<rect").count(), 4, "{svg}");
        assert_eq!(svg.matches("marker-end=\"url(#loop)\"").count(), 1, "{svg}");
        match well_formed(&svg) {
            Some(parsed) => parsed.unwrap_or_else(|e| panic!("{lang}: {e}\n{svg}")),
            None => println!("SKIPPED: no python3 to parse the SVG"),
        }
    }
}
