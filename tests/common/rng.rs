//! A small deterministic generator for the randomised tests (xorshift64: no extra crates), and
//! a clock seed that is printed so that a failing run can be replayed with `TORTURE_SEED`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A duration from `lo` up to `hi`.
    pub fn between(&mut self, lo: Duration, hi: Duration) -> Duration {
        let span = hi.saturating_sub(lo).as_micros().max(1) as u64;
        lo + Duration::from_micros(self.next() % span)
    }
}

/// `TORTURE_SEED`, else a seed from the clock; printed with `test`'s name for replaying.
pub fn seed(test: &str) -> u64 {
    let seed = std::env::var("TORTURE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0x9e37_79b9_7f4a_7c15, |d| d.as_nanos() as u64)
        })
        | 1;
    eprintln!("{test}: seed {seed} (replay with TORTURE_SEED={seed})");
    seed
}
