//! What a run runs: a gallery demo with its parameters, or a Python program. The page treats
//! both alike — a label, how to start it on a runtime, how to explain the finished run, and
//! whether step mode (the virtual clock) can show it.
//!
//! A demo runs its Python on the engine, so the code the page shows is the code that ran; the
//! Rust twin (the demo's own file) stays as "the same lesson in Rust": tests run it beside the
//! Python, which must print the same.

use std::rc::Rc;

use crate::aio::{self, Repr, Task};
use crate::demos::params::{Form, Params};
use crate::demos::{python_with, twin, Demo, Facts};
use crate::model::{metrics, what_happened};
use crate::python::interp::{Interp, Limits, Sink, Stream};
use crate::python::program::{self as engine, CompileFailure};
use crate::runtime::Runtime;

/// The longest a Python task may hold the loop before the page stops the program: a runaway
/// loop freezes the tab for this long, then ends with a message saying so.
pub const LOOP_BUDGET_SECS: f64 = 5.0;

/// A gallery demo with the values it runs with.
#[derive(Clone)]
pub struct Lesson {
    pub demo: &'static dyn Demo,
    pub params: Params,
    /// The values as a link query ("calls=10&limit=3"), to name the run.
    pub query: String,
}

impl Lesson {
    /// The demo with the form's values, if they are all acceptable.
    pub fn new(demo: &'static dyn Demo, form: &Form) -> Option<Lesson> {
        Some(Lesson { demo, params: form.params()?, query: form.to_query() })
    }

    fn label(&self) -> String {
        if self.query.is_empty() {
            format!("{}, lesson values", self.demo.slug())
        } else {
            format!("{} ?{}", self.demo.slug(), self.query)
        }
    }
}

/// One thing the page can run.
#[derive(Clone)]
pub enum Program {
    /// A demo's Rust twin (native tests compare it with the demo's Python; the page has none:
    /// see [`crate::demos::twin`]).
    Rust(Lesson),
    /// A demo's Python, with the values filled in: the lesson's own words explain the run.
    Demo(Lesson, DemoCode),
    /// The user's own Python, compiled (its syntax errors are shown before Run).
    Python { source: Rc<str>, compiled: Rc<engine::Program> },
}

/// A demo's Python, compiled once: on its first run, or when the page is idle after showing the
/// demo ([`Program::prepare`]). Not while the page renders the demo: the first call into the
/// parser costs the browser tens of milliseconds of compiling the parser's wasm, which would
/// hold back the first demo's Run button.
#[derive(Clone)]
pub struct DemoCode {
    source: Rc<str>,
    compiled: Rc<std::cell::OnceCell<Option<Rc<engine::Program>>>>,
}

impl DemoCode {
    /// The compiled program, compiling it now if it has not been; `None` if it does not compile
    /// (no demo's Python fails to: `tests/demo_python.rs` checks each).
    fn compiled(&self) -> Option<&Rc<engine::Program>> {
        self.compiled.get_or_init(|| engine::Program::compile(&self.source).ok().map(Rc::new)).as_ref()
    }
}

/// How a started program is held until it ends.
pub(super) enum Started {
    Rust(Task<Repr>),
    Python(Rc<Interp>),
    /// Nothing ran, for this reason.
    Unable(String),
}

impl Program {
    /// A Python program from its source, or its syntax error.
    pub fn python(source: &str) -> Result<Program, CompileFailure> {
        let compiled = engine::Program::compile(source)?;
        Ok(Program::Python { source: compiled.source.clone(), compiled: Rc::new(compiled) })
    }

    /// The demo with the form's values, its Python to run. `None` if a value is not
    /// acceptable.
    pub fn demo(demo: &'static dyn Demo, form: &Form) -> Option<Program> {
        let lesson = Lesson::new(demo, form)?;
        let code = DemoCode { source: Rc::from(python_with(demo, &form.raw)), compiled: Rc::default() };
        Some(Program::Demo(lesson, code))
    }

    /// Compiles a demo's Python now if it has not been; whether the program's Python compiles
    /// (a Rust twin has none to compile).
    pub fn prepare(&self) -> bool {
        match self {
            Program::Demo(_, code) => code.compiled().is_some(),
            Program::Rust(_) | Program::Python { .. } => true,
        }
    }

    /// Names the run (the compare view's header, exported file names).
    pub fn label(&self) -> String {
        match self {
            Program::Rust(l) => format!("{} (Rust)", l.label()),
            Program::Demo(l, _) => l.label(),
            Program::Python { source, .. } => format!("your program ({} lines)", source.lines().count()),
        }
    }

    /// A short name for files: the demo's slug, or "program".
    pub fn file_stem(&self) -> &'static str {
        match self.lesson() {
            Some(l) => l.demo.slug(),
            None => "program",
        }
    }

    pub fn lesson(&self) -> Option<&Lesson> {
        match self {
            Program::Rust(l) => Some(l),
            Program::Demo(l, _) => Some(l),
            Program::Python { .. } => None,
        }
    }

    /// The Python source that runs, if it is Python.
    pub fn source(&self) -> Option<&str> {
        match self {
            Program::Python { source, .. } | Program::Demo(_, DemoCode { source, .. }) => Some(source),
            Program::Rust(_) => None,
        }
    }

    /// Why step mode cannot show this program, if it cannot.
    pub fn not_steppable(&self) -> Option<&'static str> {
        self.lesson().and_then(|l| l.demo.not_steppable())
    }

    /// The "what happened" line for a finished run.
    pub fn explain(&self, facts: &Facts) -> String {
        match self.lesson() {
            Some(l) => l.demo.explain(&l.params, facts),
            None => what_happened(&metrics(facts.model)),
        }
    }

    /// Starts the program on `rt` (as `asyncio.run(main())` for a demo's twin; a Python program
    /// runs its module code, which calls `asyncio.run`). Python output goes to `sink`.
    pub(super) fn start(&self, rt: &Runtime, sink: Sink) -> Started {
        match self {
            Program::Rust(l) => match twin(l.demo.slug()) {
                Some(twin) => Started::Rust(aio::run(rt, twin.main(&l.params))),
                None => unable(&sink, "this lesson's Rust twin is only in native builds"),
            },
            Program::Demo(_, code) => match code.compiled() {
                Some(compiled) => start_python(rt, compiled, sink),
                // No demo's Python fails to compile (tests/demo_python.rs checks each); were one
                // to, the page would say so rather than show a blank run.
                None => unable(&sink, "this lesson's Python does not compile: please report it"),
            },
            Program::Python { compiled, .. } => start_python(rt, compiled, sink),
        }
    }
}

/// A program that cannot start: says why on stderr, as Interleave.
fn unable(sink: &Sink, why: &str) -> Started {
    sink(Stream::Stderr, &format!("{why}\n"));
    Started::Unable(why.to_string())
}

fn start_python(rt: &Runtime, compiled: &engine::Program, sink: Sink) -> Started {
    let limits = Limits { loop_budget_secs: LOOP_BUDGET_SECS, ..Limits::default() };
    Started::Python(engine::start(rt, compiled, limits, sink))
}
