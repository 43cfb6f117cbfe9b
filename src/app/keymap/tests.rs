//! The keymap's own rules.

use super::*;

#[test]
fn every_action_has_a_key_and_a_description() {
    for action in Action::ALL {
        let b = KEYMAP.iter().find(|b| b.action == *action);
        assert!(
            b.is_some_and(|b| !b.help.get().is_empty()),
            "{action:?} has no key or no description"
        );
    }
}

#[test]
fn no_key_is_bound_twice_in_one_scope() {
    for (i, a) in KEYMAP.iter().enumerate() {
        for b in &KEYMAP[i + 1..] {
            assert!(
                !(a.scope == b.scope && a.code == b.code && a.mods == b.mods),
                "{:?} twice in {:?}",
                a.code,
                a.scope
            );
        }
    }
}

#[test]
fn call_keys_win_over_global_ones_only_during_a_call() {
    let map = Keymap::default();
    let resolve = |key, scopes: &[Scope]| map.resolve(key, scopes);
    let key = KeyEvent::from(KeyCode::Char('e'));
    assert_eq!(
        resolve(key, &[Scope::Call, Scope::Global]),
        Some(Action::EndCall)
    );
    assert_eq!(resolve(key, &[Scope::Global]), None);
    let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(resolve(shift_g, &[Scope::Global]), Some(Action::Bottom));
}

#[test]
fn hints_and_help_come_from_the_table() {
    let map = Keymap::default();
    let hints = map.hints(&[Scope::Timeline, Scope::Global]);
    assert!(hints.contains(&("d".to_string(), "delete")));
    assert!(hints.contains(&("c".to_string(), "call")));
    assert!(
        map.help_rows()
            .iter()
            .any(|(_, keys, help)| keys == "j/↓" && *help == "down")
    );
}

#[test]
fn every_action_has_a_config_name() {
    for action in Action::ALL.iter().filter(|a| !a.reserved()) {
        assert_eq!(Action::from_name(action.name()), Some(*action));
    }
}

#[test]
fn rebinding_moves_the_key_hint_and_help() {
    let mut map = Keymap::default();
    map.rebind(Action::LogEvent, &[parse_key("L").unwrap()])
        .unwrap();
    let l = KeyEvent::from(KeyCode::Char('l'));
    let big_l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
    assert_eq!(map.resolve(l, &[Scope::Global]), None);
    assert_eq!(map.resolve(big_l, &[Scope::Global]), Some(Action::LogEvent));
    assert!(
        map.hints(&[Scope::Global])
            .contains(&("L".to_string(), "log"))
    );
    assert_eq!(map.key_of(Action::LogEvent), "L");
    assert!(
        map.help_rows()
            .iter()
            .any(|(_, k, h)| k == "L" && h.starts_with("log an event"))
    );
}

#[test]
fn rebinding_onto_a_taken_key_names_the_other_action() {
    let mut map = Keymap::default();
    let err = map
        .rebind(Action::LogEvent, &[parse_key("n").unwrap()])
        .unwrap_err();
    assert!(err.contains("new_case"), "{err}");
    // A call key may not shadow a global one either: both apply during a call.
    let err = map
        .rebind(Action::Answered, &[parse_key("q").unwrap()])
        .unwrap_err();
    assert!(err.contains("quit"), "{err}");
    // Pane keys of different panes never meet.
    map.rebind(Action::Delete, &[parse_key("Enter").unwrap()])
        .unwrap_err();
    map.rebind(Action::EditNotes, &[parse_key("x").unwrap()])
        .unwrap();
}

#[test]
fn a_forms_key_is_never_a_character_its_inputs_take() {
    let mut map = Keymap::default();
    let err = map
        .rebind(Action::ChangeKind, &[parse_key("x").unwrap()])
        .unwrap_err();
    assert!(err.contains("typed into the form"), "{err}");
    map.rebind(Action::ChangeKind, &[parse_key("F2").unwrap()])
        .unwrap();
    let f2 = KeyEvent::from(KeyCode::F(2));
    assert_eq!(map.resolve(f2, &[Scope::Form]), Some(Action::ChangeKind));
    // Form keys meet no other scope's: C-k stays free elsewhere, F2 may be bound there.
    assert_eq!(map.resolve(f2, &[Scope::Global]), None);
    assert!(
        map.help_rows()
            .iter()
            .any(|(s, k, _)| *s == Scope::Form && k == "F2")
    );
}

#[test]
fn keys_parse_as_config_files_write_them() {
    assert_eq!(
        parse_key("L").unwrap(),
        (KeyCode::Char('L'), KeyModifiers::NONE)
    );
    assert_eq!(parse_key("PgDn").unwrap().0, KeyCode::PageDown);
    assert_eq!(parse_key("F5").unwrap().0, KeyCode::F(5));
    assert_eq!(
        parse_key("C-o").unwrap(),
        (KeyCode::Char('o'), KeyModifiers::CONTROL)
    );
    assert_eq!(parse_key("Space").unwrap().0, KeyCode::Char(' '));
    for bad in ["", "ab", "F13", "Esc", "C-c", "Hyper-x"] {
        assert!(parse_key(bad).is_err(), "{bad:?} parsed");
    }
}
