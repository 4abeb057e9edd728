//! Layer 3 of 4 (runtime → trace → **model** → view): pure functions from a recording to what
//! the page shows. No browser, no clock: everything here is tested natively from hand-written
//! or virtual-clock event sequences.

pub mod ansi;
pub mod compare;
pub mod describe;
pub mod export;
mod frames;
pub mod holds;
pub mod layout;
mod metrics;
mod run;
pub mod style;
pub mod turns;
pub mod viewport;
pub mod warnings;
pub mod words;

pub use frames::FrameStats;
pub use holds::BLOCKED_THRESHOLD;
pub use metrics::{metrics, metrics_at, percentile, what_happened, what_happened_halted, Metrics};
pub use run::{
    is_io, Block, Deadline, Ending, Ghost, Lane, Late, LateCause, Link, LinkKind, LogKind, LogLine, Point, RunEnd,
    RunModel, Segment, Series, State, Step, Turn, LATE_THRESHOLD,
};
pub use warnings::{warnings, WarnKind, Warning};
