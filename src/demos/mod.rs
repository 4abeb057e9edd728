//! The demo gallery: one lesson per file, listed in [`DEMOS`] in the order the gallery shows
//! them, each in one [`Group`] (its own [`Demo::group`]). A demo is its asyncio program in Python
//! (which the page runs on the engine), its words and its parameters, plus its [`Twin`]: the same
//! lesson as plain async Rust on the [`crate::aio`] toolbox, which the Rust tab shows and native
//! tests run beside the Python. The Rust the tab shows is cut from the demo's own file between
//! `// region: demo` and `// endregion` markers, so it is the twin that the tests run.

mod as_completed;
mod blocking;
mod cancel;
mod create_task;
mod fetch;
mod forgot_await;
mod gather;
mod hello;
mod llm_batch;
pub mod params;
mod queue;
mod return_exceptions;
mod semaphore;
mod sequential_vs_gather;
mod threads_vs_loop;
mod to_thread;
mod wait_for;

use crate::aio::{Coro, Repr};
use crate::model::{metrics, what_happened, FrameStats, RunModel};
use crate::trace::Recorder;
use params::{Kind, ParamSpec, Params};

/// A named set of values that shows a variation of the lesson ("timeout above the duration").
pub struct Preset {
    pub label: &'static str,
    /// (key, value) pairs; keys not listed keep the lesson's defaults.
    pub values: &'static [(&'static str, &'static str)],
}

/// What a finished run offers its demo for the "what happened" line.
pub struct Facts<'a> {
    pub model: &'a RunModel,
    pub trace: &'a Recorder,
    /// Frames the page drew while the run went (the browser measures them; absent otherwise).
    pub frames: Option<&'a FrameStats>,
}

/// The gallery's sections, in the order it shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Basics,
    Coordination,
    ErrorsAndTimeLimits,
    Gotchas,
    RealIo,
    /// The script page (`#/play`): the section's one card links there, and no demo is in it.
    WriteYourOwn,
}

impl Group {
    /// Every group, in gallery order.
    pub const ALL: [Group; 6] = [
        Group::Basics,
        Group::Coordination,
        Group::ErrorsAndTimeLimits,
        Group::Gotchas,
        Group::RealIo,
        Group::WriteYourOwn,
    ];

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Group::Basics => "Basics",
            Group::Coordination => "Coordination",
            Group::ErrorsAndTimeLimits => "Errors and time limits",
            Group::Gotchas => "Gotchas",
            Group::RealIo => "Real I/O",
            Group::WriteYourOwn => "Write your own",
        }
    }

    /// One line under the heading: what the section's demos have in common, for a beginner
    /// choosing where to start.
    pub fn about(self) -> &'static str {
        match self {
            Group::Basics => "Coroutines, await, and running several at the same time.",
            Group::Coordination => {
                "Tasks that pass work along, take turns under a limit, or are handled as they finish."
            }
            Group::ErrorsAndTimeLimits => "What happens when a task fails, runs out of time, or is cancelled.",
            Group::Gotchas => "Mistakes that look fine in the code, and how they show on the timeline.",
            Group::RealIo => "Real requests and real CPU work, and where to run them.",
            Group::WriteYourOwn => "Your own asyncio program in the editor, drawn the same way.",
        }
    }

    /// A stable key for the section (its heading's id, `group-<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Group::Basics => "basics",
            Group::Coordination => "coordination",
            Group::ErrorsAndTimeLimits => "errors",
            Group::Gotchas => "gotchas",
            Group::RealIo => "real-io",
            Group::WriteYourOwn => "write-your-own",
        }
    }
}

pub trait Demo: Sync {
    /// Stable key used in URLs (`#/demo/<slug>`).
    fn slug(&self) -> &'static str;
    fn title(&self) -> &'static str;
    /// The gallery section the lesson belongs in ([`DEMOS`] lists each section's demos
    /// together, in lesson order).
    fn group(&self) -> Group;
    /// 2–4 plain sentences: the lesson and what to notice, with any number that depends on a
    /// parameter filled from `p` (the form's current values).
    fn lesson(&self, p: &Params) -> String;
    /// How Rust or CPython does it underneath, for the curious: shown behind "More", so the
    /// lesson's own sentences stay free of internals.
    fn more(&self) -> Option<&'static str> {
        None
    }
    /// The asyncio program it mirrors for the chosen `variant` (the index of the demo's
    /// `variant` choice, 0 if it has none); `${key}` stands for a parameter's current value.
    fn python(&self, variant: usize) -> &'static str;
    /// The Rust that runs: the demo file's region, cut out by `build.rs` (see [`shown!`]).
    fn rust(&self) -> &'static str;
    fn params(&self) -> &'static [ParamSpec];
    /// Why step mode (the virtual clock) cannot show this demo, if it cannot.
    fn not_steppable(&self) -> Option<&'static str> {
        None
    }
    /// Variations worth one click.
    fn presets(&self) -> &'static [Preset] {
        &[]
    }
    /// The "what happened" line, from the finished run.
    fn explain(&self, _p: &Params, run: &Facts) -> String {
        what_happened(&metrics(run.model))
    }
}

/// Lists the demos once, for [`DEMOS`] and for the native list of their twins.
macro_rules! gallery {
    ($($demo:expr),* $(,)?) => {
        /// Every demo, in gallery order: by [`Group`], and in lesson order within one (the
        /// cards' numbers run through the whole list, a suggested path).
        pub static DEMOS: &[&dyn Demo] = &[$(&$demo),*];
        #[cfg(not(target_arch = "wasm32"))]
        static TWINS: &[&dyn Twin] = &[$(&$demo),*];
    };
}

gallery![
    hello::Hello,
    gather::Gather,
    sequential_vs_gather::SequentialVsGather,
    create_task::CreateTask,
    queue::QueueDemo,
    semaphore::SemaphoreDemo,
    llm_batch::LlmBatch,
    as_completed::AsCompleted,
    wait_for::WaitFor,
    return_exceptions::ReturnExceptions,
    cancel::Cancel,
    forgot_await::ForgotAwait,
    blocking::Blocking,
    fetch::FetchDemo,
    to_thread::ToThread,
    threads_vs_loop::ThreadsVsLoop,
];

pub fn find(slug: &str) -> Option<&'static dyn Demo> {
    DEMOS.iter().copied().find(|d| d.slug() == slug)
}

/// A demo's Rust twin: the same lesson written with the [`crate::aio`] toolbox, which native
/// tests hold the demo's Python against (`tests/demo_python.rs`) and the Rust tab shows.
pub trait Twin: Demo {
    /// The `main()` coroutine for these parameters.
    fn main(&self, p: &Params) -> Coro<Repr>;
}

/// The twin of the demo with this slug. The page runs each demo's Python and finds no twin,
/// so nothing refers to the twins' code and the linker leaves it out of the wasm (49 KiB gzip
/// less).
#[cfg(not(target_arch = "wasm32"))]
pub fn twin(slug: &str) -> Option<&'static dyn Twin> {
    TWINS.iter().copied().find(|t| t.slug() == slug)
}

/// The page has no twin to run (see the native `twin`).
#[cfg(target_arch = "wasm32")]
pub fn twin(_slug: &str) -> Option<&'static dyn Twin> {
    None
}

/// The shown part of a demo file, as `build.rs` cut it: `shown!("gather.rs")`.
macro_rules! shown {
    ($file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/shown/", $file))
    };
}
pub(crate) use shown;

/// "1 call" / "3 calls": a count with its noun, for sentences filled from a run.
pub(crate) fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The Python program for the form's variant, with its current values in place of `${key}`.
pub fn python_with(demo: &dyn Demo, raw: &[String]) -> String {
    let variant = demo
        .params()
        .iter()
        .zip(raw)
        .find_map(|(spec, value)| match spec.kind {
            Kind::Choice(options) if spec.key == "variant" => options.iter().position(|o| *o == value.trim()),
            _ => None,
        })
        .unwrap_or(0);
    let mut code = demo.python(variant).to_string();
    for (spec, value) in demo.params().iter().zip(raw) {
        let shown = match (spec.kind, spec.parse(value)) {
            // Seconds are Python floats (`2` is shown as `2.0`, as the run prints it).
            (Kind::Seconds { .. }, Ok(params::Value::Number(x))) => crate::aio::PyRepr::py_repr(&x),
            // A whole number is shown as the int that ran: the form reads `05`, `10.0` and
            // `1e1`, but in Python `range(05)` is a SyntaxError and `range(10.0)` a TypeError.
            (Kind::Count { .. }, Ok(params::Value::Number(x))) => format!("{}", x as u64),
            // A percentage is an int when whole (`025` would not parse), else a float.
            (Kind::Percent, Ok(params::Value::Number(x))) if x.fract() == 0.0 => format!("{}", x as u64),
            (Kind::Percent, Ok(params::Value::Number(x))) => crate::aio::PyRepr::py_repr(&x),
            // URLs as a list of string literals: typed text pasted into the source could break
            // out of a string (a quote, a backslash).
            (Kind::Urls { .. }, Ok(params::Value::Urls(urls))) => {
                let items: Vec<String> =
                    urls.iter().map(|u| format!("    {},\n", crate::aio::PyRepr::py_repr(u))).collect();
                format!("[\n{}]", items.concat())
            }
            _ => value.trim().to_string(),
        };
        code = code.replace(&format!("${{{}}}", spec.key), &shown);
    }
    code.replace("${page}", &crate::aio::PyRepr::py_repr(&fetch::page_address()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_is_complete_and_unique() {
        let mut slugs = std::collections::HashSet::new();
        for d in DEMOS {
            assert!(slugs.insert(d.slug()), "duplicate slug {}", d.slug());
            assert!(d.slug().chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", d.slug());
            assert!(d.rust().contains("coro("), "{}: the shown code should contain the coroutines", d.slug());
            assert!(!d.rust().contains("impl Demo"), "{}: only the demo's region is shown", d.slug());
            let sentences = d.lesson(&Params::defaults(d.params())).matches(". ").count() + 1;
            assert!((2..=4).contains(&sentences), "{}: lesson should be 2-4 sentences", d.slug());
            assert!(params::Form::defaults(d.params()).params().is_some(), "{}: defaults must be valid", d.slug());
            let python = python_with(*d, &params::Form::defaults(d.params()).raw);
            assert!(!python.contains("${"), "{}: unreplaced placeholder", d.slug());
            assert!(twin(d.slug()).is_some(), "{}: every demo has its Rust twin", d.slug());
        }
    }
}
