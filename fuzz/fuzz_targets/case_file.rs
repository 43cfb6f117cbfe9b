//! Arbitrary bytes as a case file: decoding never panics, and a case that decodes and may be
//! written is written (cleaned, as storage does before every save) as a file that decodes to
//! the same case again, so a save never turns a readable case into an unreadable one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use runaround::storage::format;

fuzz_target!(|data: &[u8]| {
    // `Store::load` refuses what is not UTF-8 before decoding.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The scanner that names lines never panics or hangs on any text, decodable or not.
    let _ = runaround::storage::layout::scan(text, true, None);
    let Ok(decoded) = format::decode(text) else {
        return;
    };
    if decoded.access.read_only().is_some() {
        // Read-only (a newer schema, or something a save would lose): storage never writes it.
        return;
    }
    let mut case = decoded.case;
    case.clean_text();
    let encoded = format::encode(&case)
        .unwrap_or_else(|e| panic!("a case that was read cannot be written: {e}"));
    let again = format::decode(&encoded).unwrap_or_else(|e| {
        panic!("a written case does not read back: {e}\n--- written ---\n{encoded}")
    });
    // Schema 2 only when the case carries corrections, so older builds keep reading the rest.
    assert_eq!(again.schema, if case.has_amendments() { 2 } else { 1 });
    assert_eq!(
        again.case, case,
        "the case changed on a round trip:\n{encoded}"
    );
    // Writing is a fixed point: the same case gives the same bytes.
    assert_eq!(
        format::encode(&again.case).ok().as_deref(),
        Some(encoded.as_str())
    );
});
