//! runaround: a terminal case journal for people getting the runaround from customer service.
//!
//! The crate is layered: [`domain`] (pure model and counters) ← [`storage`] (RON files, locks,
//! atomic saves, and [`index`], the cache of summaries and events that lists the journal fast)
//! and [`export`] (text, Markdown, JSON, CSV) ← [`cli`] and the TUI
//! ([`app`] state and update, [`ui`] views, [`tui`] runtime loop).

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod debug_log;
pub mod demo;
pub mod domain;
pub mod export;
pub mod fault;
pub mod i18n;
pub mod letters;
pub mod rules;
pub mod storage;
pub mod tui;
pub mod ui;

pub use storage::index;
