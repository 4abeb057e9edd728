//! Interleave: watch asyncio-style coroutines take turns on the browser's event loop.
//!
//! Data flows one way through four layers:
//! - [`runtime`] — the event loop (browser or virtual clock) and the [`aio`] toolbox on it;
//! - [`trace`] — the bounded record of everything the loop did;
//! - model — pure functions from a record to states, timelines and metrics;
//! - view — the Yew app.

pub mod aio;
pub mod runtime;
pub mod trace;

#[cfg(target_arch = "wasm32")]
pub fn start() {}
