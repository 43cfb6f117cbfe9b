//! Stable event ids (SPEC §1). New events get random ones from storage; events saved before
//! events had ids get theirs worked out from what they say, so that two copies of one old file
//! give their events the same ids and merge rather than double.

use std::collections::HashMap;

use super::Case;

/// The alphabet of ids: letters and digits without look-alikes (as case ids).
pub const ID_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
/// How long an event id is: 12 characters of [`ID_ALPHABET`], about 59 bits.
pub const ID_LEN: usize = 12;

/// An id from the 64 bits of `bits`.
pub fn id_from_bits(mut bits: u64) -> String {
    let base = ID_ALPHABET.len() as u64;
    (0..ID_LEN)
        .map(|_| {
            let c = ID_ALPHABET[(bits % base) as usize] as char;
            bits /= base;
            c
        })
        .collect()
}

/// FNV-1a, 64 bits: a stable hash, the same on every machine and build.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Gives every event of `case` that has no id (one saved before events had ids) the id worked
/// out from its case's id, what it says and how many events before it said the same: two
/// copies of one file give the same ids, so that they merge rather than double.
pub fn give_ids(case: &mut Case) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let id = case.id.clone();
    for e in case.events.iter_mut().chain(&mut case.deleted_events) {
        if !e.id.is_empty() {
            continue;
        }
        let text = serde_json::to_string(e).unwrap_or_default();
        let n = seen.entry(text.clone()).or_default();
        let nth = n.to_string();
        *n += 1;
        e.id = id_from_bits(fnv(&[id.as_bytes(), text.as_bytes(), nth.as_bytes()]));
    }
}
