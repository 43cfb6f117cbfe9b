//! The escalation rules: rule packs as data ([`schema`], read and checked by [`load`]), each
//! country's calendar ([`calendar`]), and the engine that turns a case's events into clocks and
//! compensation estimates ([`engine`]). Everything but [`load::Packs::with_user_dir`] is pure.

pub mod calendar;
mod compensation;
pub mod engine;
pub mod load;
pub mod schema;
mod words;
