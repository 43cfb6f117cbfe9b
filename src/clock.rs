//! The one place that reads the wall clock. Everything else receives `now` from here, so tests
//! and `--now` reports see a fixed moment.

use chrono::{DateTime, Utc};

/// Where "now" comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The system clock.
    System,
    /// A fixed moment (`--now`, `RUNAROUND_NOW`, tests).
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// The current moment, truncated to whole seconds (what files store).
    pub fn now(self) -> DateTime<Utc> {
        match self {
            #[allow(clippy::disallowed_methods)]
            Clock::System => {
                let t = Utc::now();
                DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t)
            }
            Clock::Fixed(t) => t,
        }
    }
}
