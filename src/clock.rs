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

    /// How long until the displayed second changes (with a small margin so the next reading
    /// has moved on); `None` for a fixed clock, which never ticks.
    pub fn until_next_second(self) -> Option<std::time::Duration> {
        match self {
            Clock::System => {
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.subsec_nanos());
                let rest = 1_000_000_000 - nanos.min(999_999_999);
                Some(std::time::Duration::from_nanos(u64::from(rest) + 2_000_000))
            }
            Clock::Fixed(_) => None,
        }
    }
}
