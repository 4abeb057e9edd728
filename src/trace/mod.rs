//! Layer 2 of 4 (runtime → **trace** → model → view): the record of a run.
//!
//! The runtime appends [`Event`]s to a bounded [`Recorder`]; the model reads them back. Events
//! are plain data with no behaviour, so a run recorded in the browser and one recorded on the
//! virtual clock look the same to everything downstream.

mod event;
mod recorder;

pub use event::{countdown_shown, BlockingCall, CancelledBy, Event, EventKind, Micros, TaskId, Text, Wait, WakeCause};
pub use recorder::{Events, Recorder, DEFAULT_EVENT_CAP};
