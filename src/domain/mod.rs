//! The journal's model: cases, events, counters and the rules between them. No I/O, no
//! terminal: everything here is a pure function of its inputs and a `now`.

pub mod attachment;
pub mod case;
pub mod case_fields;
pub mod change;
pub mod counters;
pub mod directory;
pub mod draft;
pub mod enums;
pub mod field;
pub mod history;
pub mod ids;
pub mod loops;
pub mod map;
pub mod merge;
pub mod money;
pub mod outages;
pub mod resolve;
pub mod summary;
pub mod text;
pub mod time;

pub use attachment::Attachment;
pub use case::{
    ActiveCall, Amendment, Case, Change, Event, FieldChange, Phase, Reference, Segment,
};
pub use counters::{Counters, Tally};
pub use enums::{Channel, Customer, Direction, Kind, Outcome, PromiseState, Status};
pub use field::{Field, FieldError, Problem};
pub use loops::Loop;
pub use money::{Country, Currency};
pub use summary::Summary;
