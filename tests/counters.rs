//! Table tests of the counters (SPEC §2) and of the redirect loop flags, on fixed UTC instants.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, Utc};
use runaround::cli::words::loop_flags;
use runaround::domain::{ActiveCall, Case, Counters, Event, Kind, Outcome, Phase, PromiseState};

const H: i64 = 3600;
const D: i64 = 86_400;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("bad test time {s}: {e}"))
        .with_timezone(&Utc)
}

fn case(opened: &str) -> Case {
    Case::new("c1", "No internet after moving", "KPN", t(opened))
}

fn ev(kind: Kind, at: &str) -> Event {
    Event::new(kind, t(at), "")
}

fn call(at: &str, hold: Option<u64>) -> Event {
    let mut e = ev(Kind::Call, at);
    e.hold_seconds = hold;
    e
}

fn promise(at: &str, state: Option<PromiseState>, due: Option<&str>) -> Event {
    let mut e = ev(Kind::Promise, at);
    e.state = state;
    e.due = due.map(t);
    e
}

fn visit(at: &str, outcome: Option<Outcome>) -> Event {
    let mut e = ev(Kind::Visit, at);
    e.outcome = outcome;
    e
}

fn redirect(at: &str, from: &str, to: &str) -> Event {
    let mut e = ev(Kind::Redirect, at);
    e.from = from.into();
    e.to = to.into();
    e
}

fn with(mut c: Case, events: Vec<Event>) -> Case {
    for e in events {
        c.add_event(e);
    }
    c
}

#[test]
fn an_outage_still_running_counts_whole_24_hour_periods() {
    // (outage at, now, seconds without service, days without service)
    let table = [
        (
            "2013-08-16T17:30:00+02:00",
            "2013-08-21T16:30:00+02:00",
            4 * D + 23 * H,
            4,
        ),
        (
            "2013-08-16T17:30:00+02:00",
            "2013-08-21T17:30:00+02:00",
            5 * D,
            5,
        ),
        (
            "2013-08-16T17:30:00+02:00",
            "2013-08-17T17:29:59+02:00",
            D - 1,
            0,
        ),
        (
            "2013-08-16T17:30:00+02:00",
            "2013-08-16T17:30:00+02:00",
            0,
            0,
        ),
        // The Dutch story: out since Friday evening, Tuesday night is "4 x 24 uur".
        (
            "2013-08-16T17:30:00+02:00",
            "2013-08-20T22:00:00+02:00",
            4 * D + 4 * H + 30 * 60,
            4,
        ),
    ];
    for (out, now, secs, days) in table {
        let c = with(
            case("2013-08-16T17:00:00+02:00"),
            vec![ev(Kind::Outage, out)],
        );
        let k = Counters::of(&c, t(now));
        assert_eq!(
            (k.without_service_seconds, k.days_without_service),
            (secs, days),
            "outage at {out}, now {now}"
        );
        assert!(Counters::ticking(&c, t(now)), "a running outage ticks");
    }
}

#[test]
fn an_outage_across_the_dst_change_counts_real_elapsed_time() {
    // Europe/Amsterdam: clocks go forward on Sunday 2026-03-29 and back on 2026-10-25.
    let table = [
        // Saturday noon to Monday 11:00 local: two calendar days, but only 46 real hours.
        (
            "2026-03-28T12:00:00+01:00",
            "2026-03-30T11:00:00+02:00",
            46 * H,
            1,
        ),
        // Autumn: Saturday noon to Monday 11:00 local is 48 real hours.
        (
            "2026-10-24T12:00:00+02:00",
            "2026-10-26T11:00:00+01:00",
            48 * H,
            2,
        ),
    ];
    for (out, back, secs, days) in table {
        let c = with(
            case("2026-03-01T00:00:00Z"),
            vec![ev(Kind::Outage, out), ev(Kind::Restored, back)],
        );
        let k = Counters::of(&c, t("2026-12-01T00:00:00Z"));
        assert_eq!(
            (k.without_service_seconds, k.days_without_service),
            (secs, days),
            "{out} .. {back}"
        );
        assert!(!Counters::ticking(&c, t("2026-12-01T00:00:00Z")));
    }
}

#[test]
fn several_outages_are_summed_and_odd_sequences_are_handled() {
    let now = "2026-05-10T00:00:00Z";
    // (events as (kind, at), expected seconds without service at `now`)
    let table: Vec<(Vec<(Kind, &str)>, i64)> = vec![
        // two closed outages
        (
            vec![
                (Kind::Outage, "2026-05-01T00:00:00Z"),
                (Kind::Restored, "2026-05-01T10:00:00Z"),
                (Kind::Outage, "2026-05-02T00:00:00Z"),
                (Kind::Restored, "2026-05-03T06:00:00Z"),
            ],
            10 * H + 30 * H,
        ),
        // a closed one and one still running
        (
            vec![
                (Kind::Outage, "2026-05-01T00:00:00Z"),
                (Kind::Restored, "2026-05-01T10:00:00Z"),
                (Kind::Outage, "2026-05-09T00:00:00Z"),
            ],
            10 * H + 24 * H,
        ),
        // a second outage event before the restore: the outage is counted once, from the first
        (
            vec![
                (Kind::Outage, "2026-05-01T00:00:00Z"),
                (Kind::Outage, "2026-05-01T05:00:00Z"),
                (Kind::Restored, "2026-05-01T10:00:00Z"),
            ],
            10 * H,
        ),
        // restored without an outage is ignored
        (vec![(Kind::Restored, "2026-05-01T10:00:00Z")], 0),
        (
            vec![
                (Kind::Restored, "2026-05-01T00:00:00Z"),
                (Kind::Outage, "2026-05-02T00:00:00Z"),
                (Kind::Restored, "2026-05-02T02:00:00Z"),
                (Kind::Restored, "2026-05-03T02:00:00Z"),
            ],
            2 * H,
        ),
        // an outage that starts after `now` has not happened yet
        (vec![(Kind::Outage, "2026-05-11T00:00:00Z")], 0),
        // restored after `now`: still out at `now`
        (
            vec![
                (Kind::Outage, "2026-05-08T00:00:00Z"),
                (Kind::Restored, "2026-05-12T00:00:00Z"),
            ],
            2 * D,
        ),
    ];
    for (events, secs) in table {
        let c = with(
            case("2026-04-30T00:00:00Z"),
            events.iter().map(|(k, at)| ev(*k, at)).collect(),
        );
        let k = Counters::of(&c, t(now));
        assert_eq!(k.without_service_seconds, secs, "{events:?}");
        assert_eq!(k.days_without_service, secs / D, "{events:?}");
    }
}

/// (state, due, expected (pending, broken)).
type PromiseRow = (Option<PromiseState>, Option<&'static str>, (u32, u32));

#[test]
fn promises_are_pending_or_broken_as_of_now() {
    let now = "2026-05-10T12:00:00Z";
    let made = "2026-05-08T12:00:00Z";
    // (state, due, expected (pending, broken))
    let table: [PromiseRow; 9] = [
        (
            Some(PromiseState::Pending),
            Some("2026-05-11T12:00:00Z"),
            (1, 0),
        ),
        (
            Some(PromiseState::Pending),
            Some("2026-05-09T12:00:00Z"),
            (0, 1),
        ),
        (Some(PromiseState::Pending), None, (1, 0)),
        (None, None, (1, 0)),
        (None, Some("2026-05-09T12:00:00Z"), (0, 1)),
        (
            Some(PromiseState::Broken),
            Some("2026-05-11T12:00:00Z"),
            (0, 1),
        ),
        (Some(PromiseState::Broken), None, (0, 1)),
        (
            Some(PromiseState::Kept),
            Some("2026-05-09T12:00:00Z"),
            (0, 0),
        ),
        (Some(PromiseState::Kept), None, (0, 0)),
    ];
    for (state, due, expected) in table {
        let c = with(case(made), vec![promise(made, state, due)]);
        let k = Counters::of(&c, t(now));
        assert_eq!(
            (k.promises_pending, k.promises_broken),
            expected,
            "state {state:?}, due {due:?}"
        );
    }
    // All of them in one case add up.
    let c = with(
        case(made),
        table
            .iter()
            .map(|(s, d, _)| promise(made, *s, *d))
            .collect(),
    );
    let k = Counters::of(&c, t(now));
    assert_eq!((k.promises_pending, k.promises_broken), (3, 4));
}

#[test]
fn a_pending_promise_turns_broken_when_now_passes_its_due() {
    let due = t("2013-08-19T18:00:00+02:00");
    let c = with(
        case("2013-08-17T10:00:00+02:00"),
        vec![promise(
            "2013-08-17T10:00:00+02:00",
            Some(PromiseState::Pending),
            Some("2013-08-19T18:00:00+02:00"),
        )],
    );
    let at = |now: DateTime<Utc>| {
        let k = Counters::of(&c, now);
        (k.promises_pending, k.promises_broken)
    };
    assert_eq!(at(due - Duration::hours(24)), (1, 0));
    assert_eq!(at(due - Duration::seconds(1)), (1, 0));
    let (p, b) = at(due);
    assert_eq!(p + b, 1, "at the due moment the promise is counted once");
    assert_eq!(at(due + Duration::seconds(1)), (0, 1));
    assert_eq!(at(due + Duration::days(30)), (0, 1));
    // Before the promise was made, it does not exist yet.
    assert_eq!(at(t("2013-08-17T09:59:59+02:00")), (0, 0));
}

#[test]
fn hold_time_sums_calls_and_the_running_hold_of_an_active_call() {
    let now = t("2026-03-31T17:30:00+02:00");
    let logged = vec![
        call("2026-03-28T10:00:00+01:00", Some(20 * 60)),
        call("2026-03-31T09:00:00+02:00", Some(5 * 60)),
        call("2026-03-31T10:00:00+02:00", None),
        call("2026-03-31T11:00:00+02:00", Some(0)),
    ];
    let c = with(case("2026-03-25T10:00:00+01:00"), logged.clone());
    let k = Counters::of(&c, now);
    assert_eq!(k.calls, 4);
    assert_eq!(k.hold_seconds, 25 * 60);
    assert_eq!(k.longest_hold_seconds, 20 * 60);
    assert!(!Counters::ticking(&c, now));

    // An active call: 10 min on hold, 5 min talking, transferred and on hold again for 3 min.
    let start = t("2026-03-31T17:12:00+02:00");
    let mut active = ActiveCall::start("0800-0403", start);
    active.switch(Phase::Talk, start + Duration::minutes(10));
    active.switch(Phase::Hold, start + Duration::minutes(15));
    let mut c2 = c.clone();
    c2.active_call = Some(active.clone());
    let k = Counters::of(&c2, start + Duration::minutes(18));
    assert_eq!(k.hold_seconds, 25 * 60 + 13 * 60);
    assert_eq!(k.longest_hold_seconds, 20 * 60);
    assert_eq!(k.calls, 4, "an active call is not a logged call yet");
    assert!(Counters::ticking(&c2, now));

    // The running hold grows with now; while talking it stands still.
    let k = Counters::of(&c2, start + Duration::minutes(40));
    assert_eq!(k.hold_seconds, 25 * 60 + 35 * 60);
    assert_eq!(k.longest_hold_seconds, 35 * 60);
    let mut talking = active;
    talking.switch(Phase::Talk, start + Duration::minutes(20));
    c2.active_call = Some(talking);
    for minutes in [20, 30, 90] {
        let k = Counters::of(&c2, start + Duration::minutes(minutes));
        assert_eq!(k.hold_seconds, 25 * 60 + 15 * 60, "{minutes} min in");
    }

    // Only an active call, just started on hold.
    let mut c3 = case("2026-03-31T17:00:00+02:00");
    c3.active_call = Some(ActiveCall::start("1200", start));
    assert_eq!(Counters::of(&c3, start).hold_seconds, 0);
    let k = Counters::of(&c3, start + Duration::seconds(95));
    assert_eq!((k.hold_seconds, k.longest_hold_seconds), (95, 95));
}

#[test]
fn visits_count_no_shows_only() {
    let now = "2013-08-23T18:00:00+02:00";
    let table: Vec<(Vec<Option<Outcome>>, u32)> = vec![
        (vec![], 0),
        (vec![Some(Outcome::NoShow)], 1),
        (
            vec![
                Some(Outcome::NoShow),
                Some(Outcome::Failed),
                Some(Outcome::NoShow),
                None,
            ],
            2,
        ),
        (vec![Some(Outcome::Fixed), Some(Outcome::Failed), None], 0),
    ];
    for (outcomes, no_shows) in table {
        let c = with(
            case("2013-08-16T18:00:00+02:00"),
            outcomes
                .iter()
                .map(|o| visit("2013-08-20T16:00:00+02:00", *o))
                .collect(),
        );
        assert_eq!(Counters::of(&c, t(now)).no_shows, no_shows, "{outcomes:?}");
    }
}

#[test]
fn days_open_are_whole_24_hour_periods_since_opening() {
    let table = [
        ("2026-03-28T12:00:00+01:00", "2026-03-30T11:00:00+02:00", 1),
        ("2026-03-28T12:00:00+01:00", "2026-03-31T13:00:00+02:00", 3),
        ("2026-03-28T12:00:00+01:00", "2026-03-31T12:59:59+02:00", 2),
        ("2013-08-16T18:00:00+02:00", "2013-08-16T18:00:00+02:00", 0),
        ("2013-08-16T18:00:00+02:00", "2013-08-20T22:00:00+02:00", 4),
        // now before the case was opened: not negative
        ("2013-08-16T18:00:00+02:00", "2013-08-01T00:00:00+02:00", 0),
    ];
    for (opened, now, days) in table {
        let c = case(opened);
        assert_eq!(
            Counters::of(&c, t(now)).days_open,
            days,
            "{opened} .. {now}"
        );
    }
}

#[test]
fn events_after_now_are_not_counted() {
    let mut no_show = visit("2026-05-20T10:00:00Z", Some(Outcome::NoShow));
    no_show.summary = "nobody came".into();
    let c = with(
        case("2026-05-01T00:00:00Z"),
        vec![
            call("2026-05-02T10:00:00Z", Some(600)),
            call("2026-05-20T10:00:00Z", Some(3600)),
            redirect("2026-05-20T10:00:00Z", "1200", "0800-0403"),
            promise("2026-05-20T10:00:00Z", Some(PromiseState::Broken), None),
            promise(
                "2026-05-20T10:00:00Z",
                Some(PromiseState::Pending),
                Some("2026-05-21T10:00:00Z"),
            ),
            no_show,
            ev(Kind::Outage, "2026-05-20T10:00:00Z"),
        ],
    );
    let before = Counters::of(&c, t("2026-05-10T00:00:00Z"));
    assert_eq!(
        before,
        Counters {
            without_service_seconds: 0,
            days_without_service: 0,
            redirects: 0,
            calls: 1,
            hold_seconds: 600,
            longest_hold_seconds: 600,
            promises_pending: 0,
            promises_broken: 0,
            no_shows: 0,
            days_open: 9,
        }
    );
    assert!(!Counters::ticking(&c, t("2026-05-10T00:00:00Z")));
    let after = Counters::of(&c, t("2026-05-23T10:00:00Z"));
    assert_eq!(
        after,
        Counters {
            without_service_seconds: 3 * D,
            days_without_service: 3,
            redirects: 1,
            calls: 2,
            hold_seconds: 4200,
            longest_hold_seconds: 3600,
            promises_pending: 0,
            promises_broken: 2,
            no_shows: 1,
            days_open: 22,
        }
    );
}

#[test]
fn calls_and_redirects_are_counted() {
    let c = with(
        case("2026-03-25T10:00:00+01:00"),
        vec![
            redirect("2026-03-25T10:00:00+01:00", "shop", "1200"),
            call("2026-03-25T10:10:00+01:00", None),
            redirect("2026-03-31T17:00:00+02:00", "1200", "0800-0403"),
            ev(Kind::Note, "2026-03-31T17:01:00+02:00"),
            ev(Kind::Message, "2026-03-31T17:02:00+02:00"),
            ev(Kind::Complaint, "2026-03-31T17:03:00+02:00"),
        ],
    );
    let k = Counters::of(&c, t("2026-04-01T00:00:00Z"));
    assert_eq!((k.calls, k.redirects), (1, 2));
    assert_eq!(
        (
            k.hold_seconds,
            k.promises_pending,
            k.promises_broken,
            k.no_shows
        ),
        (0, 0, 0, 0)
    );
}

/// The French story: the shop sends you to 1200, 1200 to 0800-0403, 0800-0403 back to 1200, and
/// then to 088-0402.
#[test]
fn loop_flags_mark_redirects_back_to_a_place_already_seen() {
    let mut c = case("2026-03-25T10:00:00+01:00");
    c.add_event(redirect("2026-03-25T10:00:00+01:00", "shop", "1200"));
    let mut dial_1200 = call("2026-03-25T10:05:00+01:00", None);
    dial_1200.number = "1200".into();
    c.add_event(dial_1200);
    c.add_event(redirect("2026-03-31T17:00:00+02:00", "1200", "0800-0403"));
    let mut dial = call("2026-03-31T17:02:00+02:00", Some(20 * 60));
    dial.number = "0800-0403".into();
    c.add_event(dial);
    c.add_event(redirect("2026-03-31T17:25:00+02:00", "0800-0403", "1200"));
    c.add_event(redirect(
        "2026-03-31T17:27:00+02:00",
        "0800-0403",
        "088-0402",
    ));
    let flags = loop_flags(&c);
    assert_eq!(
        flags,
        vec![
            None,
            None,
            None,
            None,
            Some("back to 1200, 2nd time".to_string()),
            None,
        ]
    );
}

#[test]
fn loop_flags_without_calls_in_between() {
    let c = with(
        case("2026-03-25T10:00:00+01:00"),
        vec![
            redirect("2026-03-25T10:00:00+01:00", "shop", "1200"),
            redirect("2026-03-26T10:00:00+01:00", "1200", "0800-0403"),
            redirect("2026-03-31T17:25:00+02:00", "0800-0403", "1200"),
            redirect("2026-03-31T17:27:00+02:00", "0800-0403", "088-0402"),
            redirect("2026-04-01T10:00:00+02:00", "088-0402", "1200"),
        ],
    );
    assert_eq!(
        loop_flags(&c),
        vec![
            None,
            None,
            Some("back to 1200, 2nd time".to_string()),
            None,
            Some("back to 1200, 3rd time".to_string()),
        ]
    );
}

#[test]
fn numbers_written_with_or_without_dashes_are_the_same_place() {
    let c = with(
        case("2026-03-25T10:00:00+01:00"),
        vec![
            redirect("2026-03-26T10:00:00+01:00", "1200", "0800-0403"),
            redirect("2026-03-27T10:00:00+01:00", "088-0402", "08000403"),
            redirect("2026-03-28T10:00:00+01:00", "1200", "0800 0403"),
        ],
    );
    assert_eq!(
        loop_flags(&c),
        vec![
            None,
            Some("back to 08000403, 2nd time".to_string()),
            Some("back to 0800 0403, 3rd time".to_string()),
        ]
    );

    // A place seen only as a number dialled (never as a redirect target) is flagged too.
    let mut dialled = call("2026-03-25T10:00:00+01:00", None);
    dialled.number = "0800-0403".into();
    let c = with(
        case("2026-03-25T10:00:00+01:00"),
        vec![
            dialled,
            redirect("2026-03-26T10:00:00+01:00", "1200", "08000403"),
            redirect("2026-03-26T11:00:00+01:00", "1200", "088-0402"),
        ],
    );
    let flags = loop_flags(&c);
    assert_eq!(flags.len(), 3);
    assert_eq!(flags[0], None);
    assert!(
        flags[1]
            .as_deref()
            .is_some_and(|f| f.starts_with("back to 08000403")),
        "{flags:?}"
    );
    assert_eq!(flags[2], None);
}
