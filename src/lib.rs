//! Interleave: watch asyncio-style coroutines take turns on the browser's event loop.
//!
//! Data flows one way through four layers:
//! - [`runtime`] — the event loop (browser or virtual clock) and the [`aio`] toolbox on it;
//! - [`trace`] — the bounded record of everything the loop did;
//! - [`model`] — pure functions from a record to states, timelines and metrics;
//!
//! [`demos`] are the lessons, written with the toolbox; [`python`] runs the user's own programs
//! on it. A [`session`] is one run of a program (a demo or a script) as a page holds it; [`play`]
//! is the script page's pure part (editing, share links, examples).
//! - view — the Yew app (wasm only); worker — the entry of the page's Web Workers (wasm only).

pub mod aio;
pub mod demos;
pub mod model;
pub mod play;
#[cfg(target_arch = "wasm32")]
pub mod probes;
pub mod python;
pub mod runtime;
pub mod session;
pub mod trace;

#[cfg(target_arch = "wasm32")]
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod worker;

/// The page counts its heap, so a program that builds too much gets a `MemoryError` instead
/// of taking the tab down ([`python::heap`]).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: python::heap::Counting = python::heap::Counting;

/// Starts the page (the binary's `main`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // The same wasm also runs inside to_thread's workers, where there is no page to mount.
    if web_sys::window().is_some() {
        view::start();
    }
}
