//! The escalation foundation: the case's country, customer kind and fee; the rule packs; the
//! clocks and compensation they give, as worked examples computed by hand from the sources.
#![allow(clippy::too_many_lines, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_runaround");

#[derive(Debug)]
struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A temporary journal and config dir (`cfg/config.ron`, rule packs in `cfg/rules/`).
struct Journal {
    tmp: TempDir,
}

impl Journal {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("cfg")).unwrap();
        std::fs::write(tmp.path().join("cfg/config.ron"), "()\n").unwrap();
        Journal { tmp }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    fn run(&self, args: &[&str]) -> Out {
        let out = Command::new(BIN)
            .env("TZ", "Europe/Amsterdam")
            .env_remove("RUNAROUND_NOW")
            .env_remove("RUNAROUND_FAULT")
            .env_remove("RUNAROUND_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env("RUNAROUND_DIR", self.path("data"))
            .env("RUNAROUND_CONFIG", self.path("cfg/config.ron"))
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("xdg-config"))
            .stdin(Stdio::null())
            .args(args)
            .output()
            .unwrap();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.code, 0, "runaround {args:?}: {out:?}");
        out.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    }

    fn new_case(&self, args: &[&str]) -> String {
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        self.ok(&all).trim().to_string()
    }
}

#[test]
fn new_takes_country_customer_fee_and_references_into_json_and_files() {
    let j = Journal::new();
    let id = j.new_case(&[
        "No internet",
        "--org",
        "KPN",
        "--country",
        "nl",
        "--customer",
        "consumer",
        "--fee",
        "49,95",
        "--ref",
        "customer number=123456",
    ]);
    let doc = j.json(&["show", &id, "--json"]);
    assert_eq!(doc["country"], "NL");
    assert_eq!(doc["customer"], "consumer");
    assert_eq!(doc["monthly_fee_minor"], 4995);
    assert_eq!(doc["currency"], "EUR");
    assert_eq!(doc["references"][0]["label"], "customer number");
    assert_eq!(doc["references"][0]["value"], "123456");
    let list = j.json(&["list", "--json"]);
    assert_eq!(list[0]["monthly_fee_minor"], 4995);
    assert_eq!(list[0]["currency"], "EUR");
    let file = std::fs::read_to_string(j.path(&format!("data/cases/{id}.ron"))).unwrap();
    assert!(file.contains("country: \"NL\""), "{file}");
    assert!(file.contains("monthly_fee_minor: 4995"), "{file}");
    let show = j.ok(&["show", &id]);
    assert!(show.contains("monthly fee: €49.95"), "{show}");
    let md = j.ok(&["export", &id, "--format", "md"]);
    assert!(md.contains("- **Country:** NL"), "{md}");
    assert!(md.contains("- **Monthly fee:** €49.95"), "{md}");

    // The export imports back as an equal case, terms and all.
    let export = j.ok(&["export", &id, "--format", "json"]);
    let other = Journal::new();
    std::fs::write(other.path("case.json"), &export).unwrap();
    other.ok(&["import", other.path("case.json").to_str().unwrap()]);
    let back = other.json(&["show", &id, "--json"]);
    assert_eq!(back, doc);
}

#[test]
fn a_case_without_terms_keeps_its_file_and_json_as_before() {
    let j = Journal::new();
    let id = j.new_case(&["Plain", "--org", "KPN", "--opened", "2026-03-01 10:00"]);
    let file = std::fs::read_to_string(j.path(&format!("data/cases/{id}.ron"))).unwrap();
    for key in ["country", "customer", "monthly_fee_minor", "currency"] {
        assert!(!file.contains(key), "{key} in {file}");
    }
    let doc = j.json(&["show", &id, "--json"]);
    for key in ["country", "customer", "monthly_fee_minor", "currency"] {
        assert!(doc.get(key).is_none(), "{key} in {doc}");
    }
}

#[test]
fn fees_read_in_the_countrys_currency_and_bad_values_are_usage_errors() {
    let j = Journal::new();
    for (fee, minor) in [("60", 6000), ("60.00", 6000), ("49,95", 4995)] {
        let id = j.new_case(&["x", "--org", "o", "--country", "GB", "--fee", fee]);
        let doc = j.json(&["show", &id, "--json"]);
        assert_eq!(doc["monthly_fee_minor"], minor, "{fee}");
        assert_eq!(doc["currency"], "GBP", "{fee}");
    }
    let before = std::fs::read_dir(j.path("data/cases")).unwrap().count();
    for (args, named) in [
        (vec!["--country", "NL", "--fee", "sixty"], "'sixty'"),
        (vec!["--country", "NLD"], "'NLD'"),
        (vec!["--customer", "person"], "'person'"),
        (vec!["--fee", "60"], "--country"),
        (vec!["--country", "NL", "--ref", "nolabel"], "'nolabel'"),
    ] {
        let mut all = vec!["new", "y", "--org", "o"];
        all.extend(args.iter());
        let out = j.run(&all);
        assert_eq!(out.code, 2, "{all:?}: {out:?}");
        assert!(out.stderr.contains(named), "{all:?}: {}", out.stderr);
    }
    assert_eq!(
        std::fs::read_dir(j.path("data/cases")).unwrap().count(),
        before,
        "nothing was created"
    );
}

#[test]
fn set_changes_fields_references_and_tags_and_prints_the_summary_line() {
    let j = Journal::new();
    let id = j.new_case(&[
        "Phone broken",
        "--org",
        "KPN",
        "--ref",
        "ticket=1",
        "--tag",
        "a",
    ]);
    let line = j.ok(&[
        "set",
        &id,
        "--country",
        "FR",
        "--customer",
        "small-business",
        "--fee",
        "35,50",
        "--title",
        "Phone broken, no loan device",
        "--ref",
        "ticket=",
        "--ref",
        "contract=K-9",
        "--tag",
        "b",
        "--untag",
        "a",
    ]);
    assert_eq!(
        line,
        format!(
            "{id} open KPN · Phone broken, no loan device · FR small-business €35.50 a month · tags b\n"
        )
    );
    let doc = j.json(&["show", &id, "--json"]);
    assert_eq!(doc["references"].as_array().unwrap().len(), 1);
    assert_eq!(doc["references"][0]["label"], "contract");
    assert_eq!(doc["monthly_fee_minor"], 3550);
    // Moving the case to a country with another currency needs the fee again.
    let file = j.path(&format!("data/cases/{id}.ron"));
    let before = std::fs::read(&file).unwrap();
    let out = j.run(&["set", &id, "--country", "GB"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("--fee"), "{}", out.stderr);
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing changed");
    j.ok(&["set", &id, "--country", "GB", "--fee", "30"]);
    assert_eq!(j.json(&["show", &id, "--json"])["currency"], "GBP");
}

#[test]
fn a_complaint_has_a_channel_and_a_deadlock_outcome() {
    let j = Journal::new();
    let id = j.new_case(&["x", "--org", "BT"]);
    j.ok(&[
        "log",
        &id,
        "complaint",
        "--channel",
        "letter",
        "--at",
        "2026-01-05 10:00",
        "Complaint",
    ]);
    j.ok(&[
        "log",
        &id,
        "complaint",
        "--outcome",
        "deadlock",
        "--at",
        "2026-02-05 10:00",
        "ADR letter",
    ]);
    let doc = j.json(&["show", &id, "--json"]);
    assert_eq!(doc["events"][0]["channel"], "letter");
    assert_eq!(doc["events"][1]["outcome"], "deadlock");
    let out = j.run(&["log", &id, "visit", "--outcome", "deadlock"]);
    assert_eq!(out.code, 2, "{out:?}");
}

// ---- The engine: worked examples, computed by hand from the sources ----

use chrono::{DateTime, Utc};
use runaround::domain::{Case, Channel, Country, Customer, Event, Kind, Outcome};
use runaround::rules::engine::{self, Missing, Reason, Report, State};
use runaround::rules::load::Packs;
use runaround::rules::schema::{Certainty, Meaning};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

fn case(country: &str, customer: Customer, fee: Option<i64>, org: &str) -> Case {
    let mut c = Case::new("c1", "A case", org, t("2000-01-01T00:00:00Z"));
    c.country = Some(Country::parse(country).unwrap());
    c.customer = Some(customer);
    c.monthly_fee_minor = fee;
    c.currency = c.country.and_then(Country::currency);
    c
}

fn ev(c: &mut Case, kind: Kind, at: &str) -> usize {
    c.add_event(Event::new(kind, t(at), "x"))
}

fn outage(c: &mut Case, from: &str, to: Option<&str>) {
    ev(c, Kind::Outage, from);
    if let Some(to) = to {
        ev(c, Kind::Restored, to);
    }
}

fn complaint(c: &mut Case, at: &str, channel: Channel) {
    let mut e = Event::new(Kind::Complaint, t(at), "complaint");
    e.channel = Some(channel);
    c.add_event(e);
}

fn no_show(c: &mut Case, at: &str) {
    let mut e = Event::new(Kind::Visit, t(at), "engineer");
    e.outcome = Some(Outcome::NoShow);
    c.add_event(e);
}

fn run(c: &Case, now: &str) -> Report {
    engine::evaluate(c, &Packs::built_in(), t(now))
}

fn estimate<'a>(r: &'a Report, rule: &str) -> &'a engine::Estimate {
    r.compensation
        .iter()
        .find(|e| e.rule == rule)
        .unwrap_or_else(|| panic!("no {rule} in {:#?}", r.compensation))
}

fn clock<'a>(r: &'a Report, rule: &str) -> &'a engine::ClockOut {
    r.clocks
        .iter()
        .find(|c| c.rule == rule)
        .unwrap_or_else(|| panic!("no {rule} in {:#?}", r.clocks))
}

#[test]
fn nl_outage_compensation_counts_each_24_hours_or_part() {
    // 2 Nov 09:00 to 9 Nov 06:00 (CET) is 6 days 21 hours = 165 h; 165/24 rounds up to 7:
    // 7/30 of 6000 = 1400.
    let mut c = case("NL", Customer::Consumer, Some(6000), "KPN");
    outage(
        &mut c,
        "2026-11-02T09:00:00+01:00",
        Some("2026-11-09T06:00:00+01:00"),
    );
    let r = run(&c, "2026-12-01T12:00:00+01:00");
    let e = estimate(&r, "nl-outage-compensation");
    assert_eq!(
        (e.amount_minor, e.low_minor, e.high_minor),
        (1400, 1400, 1400)
    );
    assert_eq!(e.status, Certainty::Verified);
    assert_eq!(e.parts[0].out_seconds, Some(165 * 3600));
    assert_eq!(
        e.parts[0].events,
        vec![0, 1],
        "it names the outage and the restoration"
    );
    assert_eq!(r.total_minor, 1400);

    // The Consumentenbond's example: 26 h at € 46,50 is 2 days: 2/30 of 4650 = 310.
    let mut c = case("NL", Customer::Consumer, Some(4650), "Ziggo");
    outage(
        &mut c,
        "2026-05-04T08:00:00+02:00",
        Some("2026-05-05T10:00:00+02:00"),
    );
    assert_eq!(
        estimate(&run(&c, "2026-06-01T00:00:00Z"), "nl-outage-compensation").amount_minor,
        310
    );

    // 12 hours exactly is not "more than 12 hours": nothing; 12 h 1 min is 1/30 of 6000 = 200.
    let mut c = case("NL", Customer::Consumer, Some(6000), "KPN");
    outage(
        &mut c,
        "2026-05-04T08:00:00+02:00",
        Some("2026-05-04T20:00:00+02:00"),
    );
    let r = run(&c, "2026-06-01T00:00:00Z");
    assert!(r.compensation.is_empty(), "{:#?}", r.compensation);
    assert_eq!(r.not_applied[0].reason, Reason::NothingYet);
    let mut c = case("NL", Customer::Consumer, Some(6000), "KPN");
    outage(
        &mut c,
        "2026-05-04T08:00:00+02:00",
        Some("2026-05-04T20:01:00+02:00"),
    );
    assert_eq!(
        estimate(&run(&c, "2026-06-01T00:00:00Z"), "nl-outage-compensation").amount_minor,
        200
    );

    // The minimum of € 1: 13 h at € 10 a month is 1/30 of 1000 = 33, raised to 100.
    let mut c = case("NL", Customer::Consumer, Some(1000), "KPN");
    outage(
        &mut c,
        "2026-05-04T08:00:00+02:00",
        Some("2026-05-04T21:00:00+02:00"),
    );
    let e = estimate(&run(&c, "2026-06-01T00:00:00Z"), "nl-outage-compensation").clone();
    assert_eq!((e.amount_minor, e.parts[0].floor_applied), (100, Some(100)));
}

#[test]
fn an_outage_before_the_law_came_into_force_gets_nothing_from_it() {
    // Art. 7.1a is in force from 1 July 2017: an outage of 30 June 2017 gets nothing, one of
    // 1 July 2017 (13 h: 1/30 of 6000 = 200) does.
    let mut c = case("NL", Customer::Consumer, Some(6000), "KPN");
    outage(
        &mut c,
        "2017-06-30T08:00:00+02:00",
        Some("2017-06-30T21:00:00+02:00"),
    );
    let r = run(&c, "2017-08-01T00:00:00Z");
    assert!(r.compensation.is_empty());
    assert_eq!(
        r.not_applied[0].reason,
        Reason::BeforeInForce {
            first: chrono::NaiveDate::from_ymd_opt(2017, 7, 1).unwrap()
        }
    );
    let mut c = case("NL", Customer::Consumer, Some(6000), "KPN");
    outage(
        &mut c,
        "2017-07-01T08:00:00+02:00",
        Some("2017-07-01T21:00:00+02:00"),
    );
    assert_eq!(
        estimate(&run(&c, "2017-08-01T00:00:00Z"), "nl-outage-compensation").amount_minor,
        200
    );

    // DE §58 from 1 December 2021: an outage of 20 November 2021 gets nothing.
    let mut c = case("DE", Customer::Consumer, Some(4000), "Telekom");
    outage(
        &mut c,
        "2021-11-20T08:00:00+01:00",
        Some("2021-11-30T08:00:00+01:00"),
    );
    let r = run(&c, "2022-01-01T00:00:00Z");
    assert!(r.compensation.is_empty(), "{:#?}", r.compensation);
}

#[test]
fn nl_geschillencommissie_clocks_count_from_a_written_complaint_only() {
    // A letter of Friday 20 November 2026: four weeks (28 days) later is Friday 18 December,
    // from its start (00:00 CET = 23:00 UTC the day before); the last day is about 12 months
    // later, 20 November 2027, to its end.
    let mut c = case("NL", Customer::Consumer, None, "KPN");
    complaint(&mut c, "2026-11-20T10:00:00+01:00", Channel::Letter);
    let r = run(&c, "2026-12-01T12:00:00+01:00");
    let wait = clock(&r, "nl-gc-wait");
    assert_eq!(wait.meaning, Meaning::Earliest);
    assert_eq!(wait.due, t("2026-12-18T00:00:00+01:00"));
    assert_eq!(wait.state, State::Running);
    let limit = clock(&r, "nl-gc-limit");
    assert_eq!(limit.due, t("2027-11-20T23:59:59+01:00"));
    assert_eq!(limit.status, Certainty::Secondary);
    assert_eq!(clock(&r, "nl-gc-reply-due").state, State::Running);
    // On 18 December the wait has passed; a reply from KPN ends the reply-due.
    let r = run(&c, "2026-12-18T00:00:00+01:00");
    assert_eq!(clock(&r, "nl-gc-wait").state, State::Passed);
    let mut m = Event::new(Kind::Message, t("2026-12-02T09:00:00+01:00"), "reply");
    m.from = "KPN klantenservice".into();
    c.add_event(m);
    let r = run(&c, "2026-12-19T00:00:00+01:00");
    let reply = clock(&r, "nl-gc-reply-due");
    assert_eq!(reply.state, State::Done);
    assert_eq!(reply.events, vec![0, 1]);

    // A complaint by phone starts none of them.
    let mut c = case("NL", Customer::Consumer, None, "KPN");
    complaint(&mut c, "2026-11-20T10:00:00+01:00", Channel::Phone);
    assert!(run(&c, "2026-12-01T00:00:00Z").clocks.is_empty());
}

#[test]
fn gb_delayed_repair_before_and_after_the_april_uprating() {
    // Reported Monday 23 March 2026 (GMT): two full working days end on Wednesday 25 at
    // 23:59:59. Restored Monday 30 March: Thursday 26 to Sunday 29 are 4 days (the day of the
    // fix does not count). The 2025 rate: 4 × 998 = 3992.
    let mut c = case("GB", Customer::Consumer, None, "BT");
    outage(
        &mut c,
        "2026-03-23T10:00:00Z",
        Some("2026-03-30T12:00:00+01:00"),
    );
    let r = run(&c, "2026-05-01T00:00:00Z");
    let e = estimate(&r, "gb-delayed-repair");
    assert_eq!(e.amount_minor, 3992);
    assert_eq!(e.currency.code(), "GBP");
    assert_eq!(e.claim.as_str(), "automatic");
    assert_eq!(e.status, Certainty::Secondary);
    assert_eq!(clock(&r, "gb-repair-due").due, t("2026-03-25T23:59:59Z"));
    assert_eq!(clock(&r, "gb-repair-due").state, State::Done);
    // The same outage three weeks later, Monday 13 April to Monday 20 April 2026, falls under
    // the rates in force from 1 April 2026: 4 × 1034 = 4136.
    let mut c = case("GB", Customer::Consumer, None, "BT");
    outage(
        &mut c,
        "2026-04-13T10:00:00+01:00",
        Some("2026-04-20T12:00:00+01:00"),
    );
    assert_eq!(
        estimate(&run(&c, "2026-05-01T00:00:00Z"), "gb-delayed-repair").amount_minor,
        4136
    );
    // And in 2019, the scheme's first year: 4 × 800 = 3200, verified.
    let mut c = case("GB", Customer::Consumer, None, "BT");
    outage(
        &mut c,
        "2019-06-03T10:00:00+01:00",
        Some("2019-06-10T12:00:00+01:00"),
    );
    let r = run(&c, "2019-07-01T00:00:00Z");
    let e = estimate(&r, "gb-delayed-repair");
    assert_eq!((e.amount_minor, e.status), (3200, Certainty::Verified));
}

#[test]
fn gb_working_days_skip_good_friday_and_easter_monday() {
    // Reported Thursday 2 April 2026: Friday 3 (Good Friday), the weekend and Monday 6 (Easter
    // Monday) are no working days, so the two are Tuesday 7 and Wednesday 8: repair due at
    // 23:59:59 BST on 8 April. Restored Friday 10: only Thursday 9 counts, at the 2026 rate
    // (the outage is after 1 April): 1 × 1034 = 1034.
    let mut c = case("GB", Customer::Consumer, None, "BT");
    outage(
        &mut c,
        "2026-04-02T12:00:00+01:00",
        Some("2026-04-10T15:00:00+01:00"),
    );
    let r = run(&c, "2026-05-01T00:00:00Z");
    assert_eq!(
        clock(&r, "gb-repair-due").due,
        t("2026-04-08T23:59:59+01:00")
    );
    assert_eq!(estimate(&r, "gb-delayed-repair").amount_minor, 1034);
    // Still out on Saturday 11 April at noon: Thursday 9, Friday 10 and Saturday 11 so far,
    // 3 × 1034 = 3102, and the repair clock has passed.
    let mut c = case("GB", Customer::Consumer, None, "BT");
    outage(&mut c, "2026-04-02T12:00:00+01:00", None);
    let r = run(&c, "2026-04-11T12:00:00+01:00");
    assert_eq!(estimate(&r, "gb-delayed-repair").amount_minor, 3102);
    assert_eq!(clock(&r, "gb-repair-due").state, State::Passed);
}

#[test]
fn gb_missed_appointments_and_the_adr_clocks() {
    // A no-show in May 2026: £32.31.
    let mut c = case("GB", Customer::Consumer, None, "BT");
    no_show(&mut c, "2026-05-12T08:00:00+01:00");
    assert_eq!(
        estimate(&run(&c, "2026-06-01T00:00:00Z"), "gb-missed-appointment").amount_minor,
        3231
    );
    // In June 2022 the rate was uprated but not found: between the 2019 £25.00 and the 2023
    // £29.15, unverified.
    let mut c = case("GB", Customer::Consumer, None, "BT");
    no_show(&mut c, "2022-06-10T08:00:00+01:00");
    let r = run(&c, "2022-07-01T00:00:00Z");
    let e = estimate(&r, "gb-missed-appointment");
    assert_eq!((e.low_minor, e.high_minor), (2500, 2915));
    assert_eq!(e.status, Certainty::Unverified);
    assert_eq!(
        r.total_minor, 2500,
        "the total counts what is owed at least"
    );

    // A complaint (by phone) on Monday 5 January 2026 at 10:00 GMT: ADR from 8 weeks (56
    // days) later, Monday 2 March at 10:00.
    let mut c = case("GB", Customer::SmallBusiness, None, "BT");
    complaint(&mut c, "2026-01-05T10:00:00Z", Channel::Phone);
    let r = run(&c, "2026-02-01T00:00:00Z");
    assert_eq!(clock(&r, "gb-adr-wait").due, t("2026-03-02T10:00:00Z"));
    assert!(r.clocks.iter().all(|c| c.rule != "gb-adr-deadlock"));
    // A deadlock letter on 1 February opens ADR at once, and CISAS's twelve months run to
    // the end of 1 February 2027.
    let mut m = Event::new(Kind::Message, t("2026-02-01T09:00:00Z"), "letter");
    m.subject = "Your complaint: our final position (deadlock letter)".into();
    c.add_event(m);
    let r = run(&c, "2026-02-02T00:00:00Z");
    assert_eq!(clock(&r, "gb-adr-deadlock").due, t("2026-02-01T09:00:00Z"));
    assert_eq!(clock(&r, "gb-adr-deadlock").state, State::Passed);
    assert_eq!(clock(&r, "gb-cisas-limit").due, t("2027-02-01T23:59:59Z"));
    // A business customer is not a residential one: no automatic compensation.
    let mut c = case("GB", Customer::Business, None, "BT");
    no_show(&mut c, "2026-05-12T08:00:00+01:00");
    assert!(run(&c, "2026-06-01T00:00:00Z").compensation.is_empty());
}

#[test]
fn de_58_pays_the_greater_amount_per_complete_day_from_the_third() {
    // Reported Monday 1 June 2026, restored Monday 8 June at noon. Complete days after the
    // report's day: Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Sat 6 (5), Sun 7 (6).
    // Fee € 40: days 3-4 at max(500, 10% of 4000 = 400) = 2 × 500 = 1000; days 5-6 at
    // max(1000, 20% of 4000 = 800) = 2 × 1000 = 2000; 3000 in all.
    let mut c = case("DE", Customer::Consumer, Some(4000), "Telekom");
    outage(
        &mut c,
        "2026-06-01T08:00:00+02:00",
        Some("2026-06-08T12:00:00+02:00"),
    );
    let r = run(&c, "2026-06-10T00:00:00Z");
    let e = estimate(&r, "de-58-outage");
    assert_eq!(e.amount_minor, 3000);
    assert_eq!(e.claim.as_str(), "on-request");
    // Fee € 80: days 3-4 at max(500, 800) = 1600; days 5-6 at max(1000, 1600) = 3200: 4800.
    c.monthly_fee_minor = Some(8000);
    assert_eq!(
        estimate(&run(&c, "2026-06-10T00:00:00Z"), "de-58-outage").amount_minor,
        4800
    );
    // The repair was due at the end of Wednesday 3 June (two calendar days).
    assert_eq!(
        clock(&r, "de-58-repair-due").due,
        t("2026-06-03T23:59:59+02:00")
    );
    // A missed appointment: max(1000, 20% of 8000 = 1600) = 1600.
    no_show(&mut c, "2026-06-04T08:00:00+02:00");
    assert_eq!(
        estimate(&run(&c, "2026-06-10T00:00:00Z"), "de-58-missed-appointment").amount_minor,
        1600
    );
}

#[test]
fn fr_mediateur_clocks() {
    // A letter of 1 September 2026: the answer is due within a month (end of 1 October); the
    // Médiateur can be asked from 1 November (two months; 00:00 CET is 23:00 UTC on 31
    // October); the last day is 1 September 2027.
    let mut c = case("FR", Customer::Consumer, None, "Orange");
    complaint(&mut c, "2026-09-01T10:00:00+02:00", Channel::Letter);
    let r = run(&c, "2026-09-15T00:00:00Z");
    assert_eq!(
        clock(&r, "fr-reply-due").due,
        t("2026-10-01T23:59:59+02:00")
    );
    assert_eq!(
        clock(&r, "fr-mediateur-wait").due,
        t("2026-11-01T00:00:00+01:00")
    );
    assert_eq!(
        clock(&r, "fr-mediateur-limit").due,
        t("2027-09-01T23:59:59+02:00")
    );
    // The clocks come soonest first.
    let dues: Vec<_> = r.clocks.iter().map(|c| c.due).collect();
    let mut sorted = dues.clone();
    sorted.sort();
    assert_eq!(dues, sorted);
}

#[test]
fn be_outage_compensation_is_a_range_of_two_readings() {
    // Out 73 hours: four units (24 hours or part of it, past 8 hours). BIPT's reading: € 1,
    // € 2, then € 0,50 a further day: 200 + 2 × 50 = 300. Test-Achats' reading: € 8 for three
    // days (100 + 250 + 450), no figure beyond: 800. At € 15 a month, 4/30 of 1500 = 200 is
    // less than 300: the range is 300 to 800, disputed.
    let mut c = case("BE", Customer::Consumer, Some(1500), "Proximus");
    outage(
        &mut c,
        "2026-02-02T08:00:00+01:00",
        Some("2026-02-05T09:00:00+01:00"),
    );
    let r = run(&c, "2026-03-01T00:00:00Z");
    let e = estimate(&r, "be-outage-compensation");
    assert_eq!((e.low_minor, e.high_minor), (300, 800));
    assert_eq!(e.status, Certainty::Disputed);
    assert_eq!(e.claim.as_str(), "automatic");
    // At € 45 a month, 4/30 of 4500 = 600 beats BIPT's 300; Test-Achats' 800 stays higher.
    c.monthly_fee_minor = Some(4500);
    let r = run(&c, "2026-03-01T00:00:00Z");
    let e = estimate(&r, "be-outage-compensation");
    assert_eq!((e.low_minor, e.high_minor), (600, 800));
    // Without a fee the fixed reading still counts, and the fee is said to be missing.
    c.monthly_fee_minor = None;
    let r = run(&c, "2026-03-01T00:00:00Z");
    assert_eq!(estimate(&r, "be-outage-compensation").low_minor, 300);
    assert!(
        matches!(&r.missing[..], [Missing::Fee(rules)] if rules == &["be-outage-compensation"])
    );
}

#[test]
fn a_case_without_a_country_or_a_fee_says_what_is_missing() {
    let mut c = case("NL", Customer::Consumer, None, "KPN");
    c.country = None;
    outage(
        &mut c,
        "2026-11-02T09:00:00+01:00",
        Some("2026-11-09T06:00:00+01:00"),
    );
    let r = run(&c, "2026-12-01T00:00:00Z");
    assert_eq!(r.missing, vec![Missing::Country]);
    assert!(r.clocks.is_empty() && r.compensation.is_empty());
    c.country = Some(Country::parse("NL").unwrap());
    let r = run(&c, "2026-12-01T00:00:00Z");
    assert_eq!(
        r.missing,
        vec![Missing::Fee(vec!["nl-outage-compensation".into()])]
    );
    assert!(r.compensation.is_empty(), "no guess without the fee");
    c.customer = None;
    complaint(&mut c, "2026-11-20T10:00:00+01:00", Channel::Email);
    let r = run(&c, "2026-12-01T00:00:00Z");
    // (KPN's own claim window is for business customers, the commission for consumers.)
    assert!(r.missing.contains(&Missing::Customer(vec![
        "nl-kpn-claim-window".into(),
        "nl-gc-wait".into(),
        "nl-gc-limit".into()
    ])));
    assert!(r.clocks.iter().any(|c| c.rule == "nl-gc-reply-due"));
}

#[test]
fn seed_story_one_kpn_2013_gets_clocks_but_no_statutory_compensation() {
    // The Dutch household: out from Friday evening 16 August 2013; a web complaint on Tuesday
    // 20 August; the technician of Tuesday 14:00-16:00 did not come; back on Friday 23
    // August (assumed). Fee chosen: € 60. The outage compensation came into force in 2017:
    // nothing from it. The Geschillencommissie clocks (from 2007) run from the complaint:
    // from 17 September 2013, until 20 August 2014.
    let mut c = case("NL", Customer::Consumer, Some(6000), "KPN");
    outage(
        &mut c,
        "2013-08-16T19:00:00+02:00",
        Some("2013-08-23T17:00:00+02:00"),
    );
    complaint(&mut c, "2013-08-20T20:00:00+02:00", Channel::Web);
    no_show(&mut c, "2013-08-20T14:00:00+02:00");
    let r = run(&c, "2013-08-24T12:00:00+02:00");
    assert!(r.compensation.is_empty(), "{:#?}", r.compensation);
    assert!(matches!(
        r.not_applied[0].reason,
        Reason::BeforeInForce { .. }
    ));
    assert_eq!(clock(&r, "nl-gc-wait").due, t("2013-09-17T00:00:00+02:00"));
    assert_eq!(clock(&r, "nl-gc-limit").due, t("2014-08-20T23:59:59+02:00"));
    assert!(r.missing.is_empty());
}

#[test]
fn seed_story_two_kpn_business_phone_only_the_reply_clock() {
    // The French-language account: a KPN small-business subscription (NL), fee chosen € 35;
    // a broken phone is no outage and no appointment was missed. The Geschillencommissie is
    // for consumers; a web complaint on Monday 31 March 2025 still starts the reply-due: four
    // weeks later, the end of Monday 28 April.
    let mut c = case("NL", Customer::SmallBusiness, Some(3500), "KPN");
    ev(&mut c, Kind::Redirect, "2025-03-25T11:00:00+01:00");
    ev(&mut c, Kind::Call, "2025-03-31T17:00:00+02:00");
    let r = run(&c, "2025-04-01T00:00:00Z");
    assert!(r.clocks.is_empty() && r.compensation.is_empty() && r.missing.is_empty());
    complaint(&mut c, "2025-03-31T18:00:00+02:00", Channel::Web);
    let r = run(&c, "2025-04-01T00:00:00Z");
    assert_eq!(r.clocks.len(), 1, "{:#?}", r.clocks);
    assert_eq!(
        clock(&r, "nl-gc-reply-due").due,
        t("2025-04-28T23:59:59+02:00")
    );
}

// ---- The command line: clocks --json, rules, and the user's packs ----

#[test]
fn clocks_json_has_the_keys_of_the_contract() {
    let j = Journal::new();
    let id = j.new_case(&[
        "Geen internet",
        "--org",
        "KPN",
        "--country",
        "NL",
        "--customer",
        "consumer",
        "--fee",
        "60",
        "--outage",
        "2026-11-02 09:00",
    ]);
    j.ok(&["log", &id, "restored", "--at", "2026-11-09 06:00"]);
    j.ok(&[
        "log",
        &id,
        "complaint",
        "--channel",
        "letter",
        "--at",
        "2026-11-20 10:00",
        "Brief",
    ]);
    let doc = j.json(&["--now", "2026-12-01 12:00", "clocks", &id, "--json"]);
    assert_eq!(doc["id"], id.as_str());
    assert_eq!(doc["country"], "NL");
    assert_eq!(doc["as_of"], "2026-12-01T11:00:00Z");
    assert_eq!(doc["currency"], "EUR");
    assert_eq!(doc["total_minor"], 1400);
    let clock = doc["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "nl-gc-wait")
        .unwrap();
    for key in [
        "rule", "title", "meaning", "from", "due", "state", "status", "source",
    ] {
        assert!(clock.get(key).is_some(), "{key} missing in {clock}");
    }
    assert_eq!(clock["due"], "2026-12-17T23:00:00Z");
    assert_eq!(clock["state"], "running");
    let comp = &doc["compensation"][0];
    assert_eq!(comp["rule"], "nl-outage-compensation");
    assert_eq!(comp["amount_minor"], 1400);
    assert_eq!(comp["low_minor"], 1400);
    assert_eq!(comp["high_minor"], 1400);
    assert_eq!(comp["claim"], "on-request");
    assert_eq!(comp["status"], "verified");
    assert_eq!(comp["basis"], "7/30 of €60.00: out 6 days 21 hours");
    assert!(comp["source"].as_str().unwrap().starts_with("https://"));
    assert_eq!(comp["events"][0]["kind"], "outage");
    let text = j.ok(&["--now", "2026-12-01 12:00", "clocks", &id]);
    assert!(text.contains("not legal advice"), "{text}");
    assert!(
        text.contains("7/30 of €60.00: out 6 days 21 hours"),
        "{text}"
    );
    assert!(text.contains("2026-12-18 00:00  earliest"), "{text}");

    // A case without a country says so.
    let bare = j.new_case(&["Bare", "--org", "KPN"]);
    let doc = j.json(&["clocks", &bare, "--json"]);
    assert_eq!(doc["missing"][0]["what"], "country");
    assert_eq!(doc["country"], Value::Null);
    let text = j.ok(&["clocks", &bare]);
    assert!(text.contains("Missing: the case's country"), "{text}");
}

#[test]
fn rules_lists_packs_versions_statuses_and_sources() {
    let j = Journal::new();
    let all = j.ok(&["rules"]);
    for country in ["NL ·", "GB ·", "DE ·", "FR ·", "BE ·"] {
        assert!(all.contains(country), "{country} in {all}");
    }
    let gb = j.ok(&["rules", "--country", "gb"]);
    assert!(!gb.contains("NL ·"), "{gb}");
    assert!(gb.contains("gb-delayed-repair"), "{gb}");
    assert!(
        gb.contains("2025-04-01 until 2026-04-01  secondary"),
        "{gb}"
    );
    assert!(gb.contains("source: Linkspeed"), "{gb}");
    let out = j.run(&["rules", "--country", "US"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("no rule pack for US"), "{}", out.stderr);
}

const OVERRIDE: &str = r#"(
    schema: 1,
    country: "NL",
    currency: "EUR",
    rules: [
        (
            id: "nl-gc-wait",
            title: {"en": "My own reading: six weeks"},
            versions: [
                (
                    valid_from: "2007-01-01",
                    status: "unverified",
                    basis: "my test",
                    sources: [(url: "https://example.org/", title: "test", read: "2026-12-01")],
                    anchor: "written-complaint",
                    effect: Clock(meaning: "earliest", after: (n: 6, unit: "weeks", at: "start-of-day")),
                ),
            ],
        ),
    ],
)
"#;

fn broken(version_two: &str) -> String {
    format!(
        r#"(
    schema: 1,
    country: "GB",
    currency: "GBP",
    rules: [
        (
            id: "my-rule",
            title: {{"en": "Mine"}},
            versions: [
                (
                    valid_from: "2020-01-01",
                    status: "verified",
                    basis: "b",
                    sources: [(url: "https://example.org/", title: "t", read: "2026-12-01")],
                    anchor: "complaint",
                    effect: Clock(meaning: "earliest", after: (n: 1, unit: "weeks")),
                ),
{version_two}
            ],
        ),
    ],
)
"#
    )
}

#[test]
fn user_packs_override_by_id_and_broken_ones_name_file_and_line() {
    let j = Journal::new();
    std::fs::create_dir_all(j.path("cfg/rules")).unwrap();
    std::fs::write(j.path("cfg/rules/a-nl.ron"), OVERRIDE).unwrap();
    let id = j.new_case(&[
        "x",
        "--org",
        "KPN",
        "--country",
        "NL",
        "--customer",
        "consumer",
    ]);
    j.ok(&[
        "log",
        &id,
        "complaint",
        "--channel",
        "email",
        "--at",
        "2026-11-20 10:00",
    ]);
    let doc = j.json(&["--now", "2026-12-01 12:00", "clocks", &id, "--json"]);
    let wait = doc["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "nl-gc-wait")
        .unwrap()
        .clone();
    // Six weeks after 20 November is 1 January 2027, from 00:00 CET.
    assert_eq!(wait["due"], "2026-12-31T23:00:00Z");
    assert_eq!(wait["status"], "unverified");

    // Each broken file: its error names the file, the line and the problem.
    let cases: &[(&str, String, usize, &str)] = &[
        (
            "b-overlap.ron",
            broken(
                r#"                (
                    valid_from: "2021-01-01",
                    status: "verified",
                    basis: "b",
                    sources: [(url: "https://example.org/", title: "t", read: "2026-12-01")],
                    anchor: "complaint",
                    effect: Clock(meaning: "earliest", after: (n: 2, unit: "weeks")),
                ),"#,
            ),
            19,
            "overlapping versions",
        ),
        (
            "c-sources.ron",
            broken(
                r#"                (
                    valid_from: "2019-01-01",
                    valid_until: "2020-01-01",
                    status: "verified",
                    basis: "b",
                    sources: [],
                    anchor: "complaint",
                    effect: Clock(meaning: "earliest", after: (n: 2, unit: "weeks")),
                ),"#,
            ),
            19,
            "missing sources",
        ),
        (
            "d-anchor.ron",
            broken(
                r#"                (
                    valid_from: "2019-01-01",
                    valid_until: "2020-01-01",
                    status: "verified",
                    basis: "b",
                    sources: [(url: "https://example.org/", title: "t", read: "2026-12-01")],
                    anchor: "letter-sent",
                    effect: Clock(meaning: "earliest", after: (n: 2, unit: "weeks")),
                ),"#,
            ),
            24,
            "unknown anchor 'letter-sent'",
        ),
        (
            "e-currency.ron",
            broken(
                r#"                (
                    valid_from: "2019-01-01",
                    valid_until: "2020-01-01",
                    status: "verified",
                    basis: "b",
                    sources: [(url: "https://example.org/", title: "t", read: "2026-12-01")],
                    anchor: "no-show",
                    effect: Compensation(claim: "automatic", units: Each, amount: PerUnit(Fixed((minor: 500, currency: "EUR")))),
                ),"#,
            ),
            19,
            "currency mismatch",
        ),
    ];
    for (name, text, _, _) in cases {
        std::fs::write(j.path(&format!("cfg/rules/{name}")), text).unwrap();
    }
    let out = j.run(&["rules"]);
    assert_eq!(out.code, 1, "{out:?}");
    for (name, _, line, problem) in cases {
        let path = j.path(&format!("cfg/rules/{name}"));
        let expected = format!("{}:{line}: ", path.display());
        let found = out
            .stdout
            .lines()
            .find(|l| l.contains(&expected))
            .unwrap_or_else(|| panic!("no {expected} in {}", out.stdout));
        assert!(found.contains(problem), "{found}");
    }
    // The others are still in force: the listing has every built-in pack and the override,
    // and clocks work (warning about the broken files).
    assert!(
        out.stdout.contains("BE ·") && out.stdout.contains("My own reading"),
        "{}",
        out.stdout
    );
    let clocks = j.run(&["--now", "2026-12-01 12:00", "clocks", &id, "--json"]);
    assert_eq!(clocks.code, 0, "{clocks:?}");
    assert!(
        clocks.stderr.contains("e-currency.ron:19: "),
        "{}",
        clocks.stderr
    );
    let doc: Value = serde_json::from_str(&clocks.stdout).unwrap();
    assert!(!doc["clocks"].as_array().unwrap().is_empty());
}

#[test]
fn due_lists_promises_and_clocks_soon_or_passed_soonest_first() {
    let j = Journal::new();
    let nl = j.new_case(&[
        "Geen internet",
        "--org",
        "KPN",
        "--country",
        "NL",
        "--customer",
        "consumer",
    ]);
    // A letter of 20 November: the commission's wait ends 18 December, the reply is due the
    // end of 18 December, the last day is 20 November 2027.
    j.ok(&[
        "log",
        &nl,
        "complaint",
        "--channel",
        "letter",
        "--at",
        "2026-11-20 10:00",
    ]);
    let other = j.new_case(&["Phone", "--org", "KPN"]);
    j.ok(&[
        "log",
        &other,
        "promise",
        "--at",
        "2026-12-01 09:00",
        "--due",
        "2026-12-14 12:00",
        "Loan phone",
    ]);
    j.ok(&[
        "log",
        &other,
        "promise",
        "--at",
        "2026-12-01 09:00",
        "--due",
        "2026-12-30 12:00",
        "Later",
    ]);
    let done = j.new_case(&["Closed one", "--org", "KPN"]);
    j.ok(&[
        "log",
        &done,
        "promise",
        "--at",
        "2026-12-01 09:00",
        "--due",
        "2026-12-13 12:00",
        "x",
    ]);
    j.ok(&["status", &done, "closed"]);

    let doc = j.json(&["--now", "2026-12-12 12:00", "due", "--json"]);
    let items = doc.as_array().unwrap();
    let whats: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (i["what"].as_str().unwrap(), i["due"].as_str().unwrap()))
        .collect();
    assert_eq!(
        whats,
        vec![
            ("promise", "2026-12-14T11:00:00Z"),
            ("clock", "2026-12-17T23:00:00Z"),
            ("clock", "2026-12-18T22:59:59Z"),
        ],
        "{doc}"
    );
    assert_eq!(items[1]["rule"], "nl-gc-wait");
    assert_eq!(items[1]["state"], "running");
    // After the promise's due it is listed as passed; a month on, the commission's wait has
    // passed too (nothing ended it) while the last day is still far.
    let doc = j.json(&[
        "--now",
        "2026-12-20 12:00",
        "due",
        "--within",
        "1d",
        "--json",
    ]);
    let states: Vec<(&str, &str)> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["summary"].as_str().unwrap(), i["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        vec![
            ("Loan phone", "passed"),
            ("Geschillencommissie: the company's four weeks", "passed"),
            ("The company's reply to a written complaint", "passed"),
        ]
    );
    let text = j.ok(&["--now", "2026-12-20 12:00", "due", "--within", "1d"]);
    assert_eq!(text.lines().count(), 3, "{text}");
    let out = j.run(&["due", "--within", "soon"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("'soon'"), "{}", out.stderr);
}

#[test]
fn clocks_due_and_rules_speak_the_language_asked_for() {
    let j = Journal::new();
    let now = ["--now", "2024-03-12 10:00"];
    let id = j.new_case(&[
        "Geen telefoon",
        "--org",
        "KPN",
        "--country",
        "NL",
        "--customer",
        "small-business",
        "--fee",
        "60",
        "--outage",
        "2024-03-04 09:00",
        "--opened",
        "2024-03-04 09:10",
    ]);
    j.ok(&[
        &now[..],
        &[
            "log",
            &id,
            "complaint",
            "--at",
            "2024-03-07 09:00",
            "--channel",
            "letter",
            "Klacht",
        ],
    ]
    .concat());
    j.ok(&[
        &now[..],
        &[
            "log",
            &id,
            "promise",
            "--at",
            "2024-03-07 10:00",
            "--due",
            "2024-03-13 16:00",
            "Leentoestel",
        ],
    ]
    .concat());
    let said = |lang: &str, args: &[&str]| {
        let all = [&["--lang", lang][..], &now[..], args].concat();
        j.ok(&all)
    };
    let en = said("en", &["clocks", &id]);
    assert!(
        en.contains("\nClocks\n") && en.contains("not legal advice"),
        "{en}"
    );
    let nl = said("nl", &["clocks", &id]);
    for want in [
        "\nKlokken\n",
        "\nVergoeding\n",
        "geen juridisch advies",
        "zonder dienst",
        "€ 60,00",
        "vanaf de klacht van",
    ] {
        assert!(nl.contains(want), "{want}: {nl}");
    }
    let fr = said("fr", &["clocks", &id]);
    for want in [
        "\nDélais\n",
        "\nIndemnisation\n",
        "pas un conseil juridique",
        "60,00\u{a0}€",
        "8 jours",
    ] {
        assert!(fr.contains(want), "{want}: {fr}");
    }
    let due = said("nl", &["due"]);
    assert!(
        due.contains("loopt") && due.contains("belofte: Leentoestel"),
        "{due}"
    );
    let due = said("fr", &["due"]);
    assert!(due.contains("promesse\u{a0}: Leentoestel"), "{due}");
    let ics = said("fr", &["due", "--ics"]);
    assert!(ics.contains("une promesse qui vous a été faite"), "{ics}");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    // JSON keeps its stored words.
    let json = said("nl", &["due", "--json"]);
    assert!(
        json.contains("\"what\": \"promise\"") && json.contains("\"state\": \"running\""),
        "{json}"
    );
    let rules = said("nl", &["rules", "--country", "NL"]);
    assert!(
        rules.contains("bedragen in EUR") && rules.contains("bron: "),
        "{rules}"
    );
}
