//! The interpreter's state: built-in types and modules, the program's output, its limits, and
//! the errors every other part raises. One [`Interp`] runs one program (its module and every
//! task it starts); it is shared (`Rc`) by the coroutines running on the loop.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use super::format::{Exc, Raise};
use super::heap;
use super::ir::Name;
use super::random::Random;
use super::value::*;
use crate::runtime::Speed;

/// A raised exception, or a stop the program cannot catch.
#[derive(Clone)]
pub enum PyErr {
    /// A Python exception (an instance of a `BaseException` subclass).
    Exc(Rc<Instance>),
    /// Interleave stopped the program (a budget ran out): no `except` or `finally` runs.
    Stop(Rc<str>),
}

pub type R<T> = Result<T, PyErr>;

impl PyErr {
    pub fn instance(&self) -> Option<&Rc<Instance>> {
        match self {
            PyErr::Exc(i) => Some(i),
            PyErr::Stop(_) => None,
        }
    }

    /// The exception as a value (a stop shows as a RuntimeError-like message).
    pub fn value(&self) -> Value {
        match self {
            PyErr::Exc(i) => Value::Instance(i.clone()),
            PyErr::Stop(m) => Value::Str(m.clone()),
        }
    }

    pub fn is(&self, class: &Rc<Class>) -> bool {
        matches!(self, PyErr::Exc(i) if i.class.is_subclass(class))
    }
}

/// Python's recursion limit. CPython's is 1000; in the browser the engine's native frames live on
/// the JavaScript engine's own stack, whose size the page cannot choose: measured in Chromium's
/// release build, a recursion through `property` getters overflows it after 690 levels and a
/// plain one after 826, so the page stops at 450 and says so (`Interp::recursion_note`). A
/// debug build's frames are several times larger.
pub const RECURSION_LIMIT: u32 = if !cfg!(target_arch = "wasm32") {
    1000
} else if cfg!(debug_assertions) {
    60
} else {
    450
};

/// Limits that keep a program from hurting the page. Each breach is a clear message.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Python call depth before `RecursionError` (CPython's default).
    pub recursion: u32,
    /// Seconds a single task may hold the loop before the program is stopped.
    pub loop_budget_secs: f64,
    /// Bytes of output kept (the rest is counted and said to be cut).
    pub output_bytes: usize,
    /// Elements a single list, string or dict may have.
    pub collection_items: usize,
    /// Tasks a program may create: room for a gather of 100k, as tutorials and our benchmark do.
    pub tasks: usize,
    /// Native stack the engine may use before it raises `RecursionError`: a deep recursion
    /// through Python frames, `__repr__` or nested data must never overflow the real stack
    /// (in the page that kills the tab). The page's wasm stack is 16 MiB (`.cargo/config.toml`);
    /// natively the caller sizes its thread and says so here.
    pub stack_bytes: usize,
    /// Bytes of heap the program may grow by (all its values together) before `MemoryError`:
    /// well inside the 4 GiB a page's wasm can address, with room for one more collection at
    /// its item cap.
    pub memory_bytes: usize,
    /// Steps (ops, and items drawn by native loops such as `sum(range(n))`) the whole program
    /// may take before it is stopped. The page leaves it unlimited and relies on the loop
    /// budget; tests and the fuzzer set it, since a step count stops a runaway program at the
    /// same point on every machine, and at once.
    pub steps: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            recursion: RECURSION_LIMIT,
            loop_budget_secs: 10.0,
            output_bytes: 1 << 20,
            collection_items: 20_000_000,
            tasks: 250_000,
            stack_bytes: if cfg!(target_arch = "wasm32") { 12 << 20 } else { 1 << 20 },
            memory_bytes: 1 << 30,
            steps: u64::MAX,
        }
    }
}

/// Which stream a line of output went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
    /// Interleave's own word about the run (where it differs from CPython on purpose): shown
    /// by the page beside the output, never part of what the program printed.
    Note,
}

/// Text printed so far that has not ended its line yet, and how much was cut.
#[derive(Default)]
pub struct Output {
    pub partial: [String; 2],
    pub bytes: usize,
    pub cut_bytes: usize,
    /// Past the cap, the latest lines (at most [`TAIL_LINES`]), shown when the output ends: a
    /// program's last words (`finished after 2.1 s`) are what a flood of output hides most.
    pub tail: std::collections::VecDeque<(Stream, String)>,
}

/// Lines kept past the output cap, and the most bytes of one line kept.
const TAIL_LINES: usize = 100;
const TAIL_LINE_BYTES: usize = 1000;

/// Adds `line` to the latest lines kept past the output's cap, dropping the oldest past
/// [`TAIL_LINES`]: its buffer takes the new line, so a flood of prints allocates nothing.
fn keep_in_tail(tail: &mut std::collections::VecDeque<(Stream, String)>, stream: Stream, line: &str) {
    let mut text = if tail.len() >= TAIL_LINES { tail.pop_front().map(|(_, t)| t) } else { None }.unwrap_or_default();
    text.clear();
    text.push_str(line);
    tail.push_back((stream, text));
}

/// The end of `text`, at most `max` bytes, cut at a character's boundary.
fn last_bytes(text: &str, max: usize) -> &str {
    let mut from = text.len().saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

/// Where output goes: the run's recording (the page), or a collector (native runner, tests).
pub type Sink = Rc<dyn Fn(Stream, &str)>;

/// The built-in classes, by role.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub base_exception: Rc<Class>,
    /// Every exception class by name (`ValueError`, `CancelledError`…).
    pub exceptions: HashMap<&'static str, Rc<Class>>,
    /// Classes of native objects (`coroutine`, `Task`…), made on first use.
    pub natives: RefCell<HashMap<String, Rc<Class>>>,
}

/// CPython 3.11's built-in exception tree (the part programs meet), parent first.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("CancelledError", "BaseException"),
    ("BaseExceptionGroup", "BaseException"),
    ("Exception", "BaseException"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("FrozenInstanceError", "AttributeError"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("InvalidStateError", "Exception"),
    ("QueueEmpty", "Exception"),
    ("QueueFull", "Exception"),
    ("JSONDecodeError", "ValueError"),
];

/// `C3` linearisation of a new class's bases, as Python computes the MRO.
pub fn c3_mro(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    // One base (nearly every class): its own lineage, without the quadratic merge.
    if let [base] = bases {
        return Some(base.lineage().cloned().collect());
    }
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.lineage().cloned().collect()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, c))))?;
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

pub fn new_class(name: &str, module: &str, bases: Vec<Rc<Class>>, builtin: BuiltinType, user: bool) -> Rc<Class> {
    let mro = c3_mro(&bases).unwrap_or_else(|| bases.clone());
    Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        module: Rc::from(module),
        bases,
        mro,
        attrs: ClassAttrs::new(Attrs::default()),
        cache: RefCell::default(),
        builtin,
        user,
        slots: None,
    })
}

impl Types {
    fn new() -> Types {
        let object = new_class("object", "builtins", vec![], BuiltinType::Object, false);
        let of = |name: &str, t: BuiltinType| new_class(name, "builtins", vec![object.clone()], t, false);
        let int = of("int", BuiltinType::Int);
        let bool_ = new_class("bool", "builtins", vec![int.clone()], BuiltinType::Bool, false);
        let mut exceptions: HashMap<&'static str, Rc<Class>> = HashMap::new();
        for &(name, parent) in EXCEPTIONS {
            let base = exceptions.get(parent).cloned().unwrap_or_else(|| object.clone());
            let module = match name {
                "CancelledError" | "InvalidStateError" => "asyncio.exceptions",
                "QueueEmpty" | "QueueFull" => "asyncio.queues",
                "JSONDecodeError" => "json.decoder",
                "FrozenInstanceError" => "dataclasses",
                _ => "builtins",
            };
            let mut bases = vec![base];
            if name == "ExceptionGroup" {
                if let Some(e) = exceptions.get("Exception") {
                    bases.push(e.clone());
                }
            }
            let class = new_class(name, module, bases, BuiltinType::BaseException, false);
            exceptions.insert(name, class);
        }
        let base_exception = exceptions.get("BaseException").cloned().unwrap_or_else(|| object.clone());
        Types {
            type_: of("type", BuiltinType::Type),
            none: of("NoneType", BuiltinType::NoneType),
            bool_,
            int,
            float: of("float", BuiltinType::Float),
            str_: of("str", BuiltinType::Str),
            list: of("list", BuiltinType::List),
            tuple: of("tuple", BuiltinType::Tuple),
            dict: of("dict", BuiltinType::Dict),
            set: of("set", BuiltinType::Set),
            frozenset: of("frozenset", BuiltinType::FrozenSet),
            function: of("function", BuiltinType::Function),
            builtin_function: of("builtin_function_or_method", BuiltinType::BuiltinFunction),
            method: of("method", BuiltinType::Method),
            module: of("module", BuiltinType::Module),
            base_exception,
            exceptions,
            natives: RefCell::new(HashMap::new()),
            object,
        }
    }

    pub fn exc(&self, name: &str) -> Rc<Class> {
        self.exceptions.get(name).cloned().unwrap_or_else(|| self.base_exception.clone())
    }
}

/// What a running frame tells the rest of the interpreter (tracebacks, `super()`, the line
/// to light on the page).
pub struct FrameInfo {
    pub func: Option<Rc<Function>>,
    /// For a zero-argument `super()`: kept only by frames of code naming `super`.
    pub first_arg: Option<Value>,
    pub line: Cell<u32>,
    /// Exceptions its `except` clauses are handling (for implicit chaining across calls).
    pub handled: RefCell<Vec<Rc<Instance>>>,
}

impl FrameInfo {
    pub fn new(func: Option<Rc<Function>>, line: u32) -> Rc<FrameInfo> {
        Rc::new(FrameInfo { func, first_arg: None, line: Cell::new(line), handled: RefCell::default() })
    }
}

pub struct Interp {
    pub this: Weak<Interp>,
    pub types: Types,
    pub builtins: Rc<Module>,
    pub main: Rc<Module>,
    pub modules: RefCell<rustc_hash::FxHashMap<Name, Rc<Module>>>,
    pub limits: Limits,
    /// Python calls in progress (for `RecursionError`).
    pub depth: Cell<u32>,
    /// The recursion limit in force: `sys.setrecursionlimit`'s, at first `limits.recursion`.
    pub recursion_limit: Cell<u32>,
    /// The shallowest native stack address seen on entry to the engine (see `check_stack`).
    stack_base: Cell<usize>,
    pub frames: RefCell<Vec<Rc<FrameInfo>>>,
    /// The lines of the frames awaiting what runs now, innermost last: a suspended awaiting
    /// frame is not in `frames`, but CPython's is still running (see `coro::AtLine`).
    pub awaiting: RefCell<Vec<u32>>,
    /// Infos of finished plain calls, kept for the next calls' frames: a call then allocates
    /// no info of its own (see `Frame::with_slots` and `call::run_to_end`).
    pub spare_infos: RefCell<Vec<Rc<FrameInfo>>>,
    /// Emptied slot lists of finished calls, for the next calls' frames (no allocation per call).
    pub spare_slots: RefCell<Vec<Vec<Option<Value>>>>,
    pub out: RefCell<Output>,
    pub sink: Sink,
    /// The program's source lines (tracebacks and warnings quote them).
    pub source: Vec<Rc<str>>,
    pub random: RefCell<Random>,
    /// asyncio's task-name counter (`Task-1`, `Task-2`, …), for the whole program.
    pub task_names: Cell<u64>,
    /// Steps taken so far (see [`Limits::steps`]), and when the current hold began (ms; NaN
    /// until first asked, see [`Interp::hold_start`]).
    pub ops: Cell<u64>,
    pub hold_started: Cell<f64>,
    /// When the current stretch of the hold began (ms; NaN until first asked): the page gets a
    /// turn after [`PAUSE_AFTER_MS`] of one (see [`Interp::pause_wanted`]).
    pub stretch_started: Cell<f64>,
    /// A long step should pause for the browser at the next op of a coroutine's own frame:
    /// only there can it stop and go on (a plain call's frame runs on the native stack).
    pub pause_wanted: Cell<bool>,
    /// The depth of the frame a coroutine's driver runs now (0: none): the frame that may pause.
    pub pause_depth: Cell<u32>,
    /// Where `time.sleep` in a frame that may pause left the wait to that pause: the real time
    /// (ms) it ends at (see `modules::time`).
    pub sleep_until: Cell<Option<f64>>,
    /// The process's heap when the program began: what it builds is counted from here.
    heap_at_start: usize,
    pub next_frame_id: Cell<u64>,
    /// The program ended through `sys.exit(code)`.
    pub exit_code: Cell<Option<i64>>,
    /// The simulated API's settings and counters (`interleave.simulate`).
    pub sim: RefCell<super::sim::Simulator<Value>>,
    /// The program's source as written (a `to_thread` worker compiles it again).
    pub source_text: String,
    /// Every code object of the program, by id (functions are named to a copy by it).
    pub codes: RefCell<Vec<Rc<super::ir::Code>>>,
    /// Whether this interpreter runs a copy of the program for `to_thread`, and what the copy
    /// is doing.
    pub copy: Cell<CopyPhase>,
    /// A copy's top level went past an `asyncio.run` it skipped (it answered None there).
    pub copy_skipped_run: Cell<bool>,
    /// `time.sleep` really waits (a copy in a worker), as long as the loop's clock at this
    /// speed takes to go that far, rather than only moving the clock.
    pub real_sleeps: Cell<Option<Speed>>,
    /// The run has said that `to_thread` copies.
    pub said_copies: Cell<bool>,
    /// The run has said that its recursion limit is not CPython's.
    said_recursion: Cell<bool>,
    /// The run has said that its tracebacks leave out asyncio's frames and CPython's markers.
    said_traceback: Cell<bool>,
    /// The note on times of day (`time.strftime` and friends) was given.
    pub said_clock: Cell<bool>,
    /// `sys.set_int_max_str_digits`: the most decimal digits `str(int)` and `int(str)` take
    /// (0 for no limit; CPython's default is 4300).
    pub int_max_str_digits: Cell<usize>,
    /// Microseconds the program's reads of the virtual clock have moved it on (see
    /// `modules::time::read_clock`).
    pub clock_skew: Cell<u64>,
    /// The object `asyncio.get_running_loop()` returns, the same each time (as asyncio's is).
    pub loop_object: RefCell<Option<Value>>,
    /// A current loop was set (by `set_event_loop`, `get_event_loop` or an `asyncio.run`):
    /// from then on, `get_event_loop()` makes none of its own (3.11's policy).
    pub loop_set: Cell<bool>,
    /// Where "coroutine … was never awaited" was said already: (line, or 0 at shutdown; name).
    pub warned_never_awaited: RefCell<std::collections::HashSet<(u32, Name)>>,
    /// The program's coroutines that had not started when last looked at (see
    /// [`super::coro::warn_at_exit`]): those still alive and unstarted when it ends sit in
    /// reference cycles, which CPython's collector finds at shutdown.
    pub unstarted: RefCell<Vec<Weak<super::coro::Coroutine>>>,
    /// [`Interp::unstarted`]'s length at which the dead and started are next dropped from it.
    pub unstarted_cap: Cell<usize>,
    /// Where the program's end is, for what a coroutine never awaited says when it goes then.
    pub exit_phase: Cell<ExitPhase>,
    /// The coroutines never awaited that went as the program's modules went (see
    /// [`ExitPhase::Teardown`]), said after those found in cycles.
    pub torn_down: RefCell<Vec<Name>>,
    /// Coroutines never awaited that CPython's frames would keep in reference cycles until the
    /// end (see [`super::exec::Frame::keep_in_cycle`]).
    pub kept_in_cycles: RefCell<Vec<Value>>,
    /// `asyncio.run` is letting go of the tasks its shutdown cancelled (the end of asyncio's
    /// `_cancel_all_tasks`): what they held goes at that line of `runners.py`.
    pub in_cancel_all_tasks: Cell<bool>,
    /// The current `contextvars.Context` (None until the program first uses one): the running
    /// task's own while one runs (`modules::asyncio`'s `Held` swaps it in), else the top level's.
    pub context: RefCell<Value>,
    /// Work a value's drop asked for that runs Python code (a generator's `finally` when it is
    /// dropped unfinished): a drop may happen while a `RefCell` is borrowed, so the work waits
    /// for the next point where running code is safe (see [`Interp::settle`]).
    deferred: RefCell<Vec<Deferred>>,
    /// [`Interp::deferred`] has work: checked after calls and at the ends of steps.
    pub has_deferred: Cell<bool>,
    /// The step count past which [`Interp::tick_op`] leaves its fast path: the step limit, or
    /// 0 while work is deferred, so the check costs the eval loop nothing more than it did.
    alarm: Cell<u64>,
    /// Set once Interleave has stopped the program ([`Interp::stop_program`]).
    stopped: RefCell<Option<Rc<str>>>,
}

/// [`Interp::unstarted`]'s first cap.
pub const UNSTARTED_CAP: usize = 1024;

/// The program's end, as CPython's shutdown goes: what a coroutine never awaited says when it
/// is finalised with no frame running (`sys:1`), with or without the tracemalloc hint (the
/// hint comes from the `warnings` module, gone once the modules are torn down).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitPhase {
    /// The program runs.
    Running,
    /// Its end, while `warnings` still works: an uncaught SystemExit going, the collector
    /// finding cycles (`sys:1` and the hint).
    Collecting,
    /// Its modules going (its globals, an uncaught exception kept as `sys.last_value`):
    /// `sys:1` alone, said after the cycles (kept in [`Interp::torn_down`] until then).
    Teardown,
}

/// Python code a drop deferred (see [`Interp::defer`]).
pub type Deferred = Box<dyn FnOnce(&Interp) -> R<()>>;

/// What a copy of the program (a `to_thread` worker's) is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyPhase {
    /// Not a copy: the program itself.
    Original,
    /// Running the program's top level for its definitions: `asyncio.run` does nothing.
    TopLevel,
    /// Running the call, in a thread where no loop runs.
    Call,
    /// Running an event loop the call started (`asyncio.run` in the thread), as a thread may.
    Loop,
}

impl Interp {
    /// Whether this runs a copy of the program (in a worker, where no copy of its own starts).
    pub fn is_copy(&self) -> bool {
        self.copy.get() != CopyPhase::Original
    }

    /// Whether no loop runs here: a copy, outside a loop of its own.
    pub fn no_loop_in_copy(&self) -> bool {
        matches!(self.copy.get(), CopyPhase::TopLevel | CopyPhase::Call)
    }

    pub fn new(source: &str, limits: Limits, sink: Sink) -> Rc<Interp> {
        let source_text = source.to_string();
        let source = source.lines().map(Rc::from).collect();
        let limits_steps = limits.steps;
        let limits_recursion = limits.recursion;
        Rc::new_cyclic(|this| {
            let interp = Interp {
                this: this.clone(),
                types: Types::new(),
                builtins: Module::new("builtins"),
                main: Module::new("__main__"),
                modules: RefCell::new(rustc_hash::FxHashMap::default()),
                limits,
                depth: Cell::new(0),
                recursion_limit: Cell::new(limits_recursion),
                stack_base: Cell::new(0),
                frames: RefCell::new(Vec::new()),
                awaiting: RefCell::new(Vec::new()),
                spare_infos: RefCell::new(Vec::new()),
                spare_slots: RefCell::new(Vec::new()),
                out: RefCell::new(Output::default()),
                sink,
                source,
                random: RefCell::new(Random::new(0)),
                task_names: Cell::new(0),
                ops: Cell::new(0),
                hold_started: Cell::new(f64::NAN),
                stretch_started: Cell::new(f64::NAN),
                pause_wanted: Cell::new(false),
                pause_depth: Cell::new(0),
                sleep_until: Cell::new(None),
                heap_at_start: heap::live_bytes(),
                next_frame_id: Cell::new(1),
                exit_code: Cell::new(None),
                sim: RefCell::new(super::sim::Simulator::new()),
                source_text,
                codes: RefCell::new(Vec::new()),
                copy: Cell::new(CopyPhase::Original),
                copy_skipped_run: Cell::new(false),
                real_sleeps: Cell::new(None),
                said_copies: Cell::new(false),
                said_recursion: Cell::new(false),
                said_traceback: Cell::new(false),
                said_clock: Cell::new(false),
                int_max_str_digits: Cell::new(super::format::INT_MAX_STR_DIGITS),
                clock_skew: Cell::new(0),
                loop_object: RefCell::new(None),
                loop_set: Cell::new(false),
                warned_never_awaited: RefCell::default(),
                unstarted: RefCell::default(),
                unstarted_cap: Cell::new(UNSTARTED_CAP),
                exit_phase: Cell::new(ExitPhase::Running),
                torn_down: RefCell::default(),
                kept_in_cycles: RefCell::default(),
                in_cancel_all_tasks: Cell::new(false),
                context: RefCell::new(Value::None),
                deferred: RefCell::new(Vec::new()),
                has_deferred: Cell::new(false),
                alarm: Cell::new(limits_steps),
                stopped: RefCell::new(None),
            };
            interp.main.set("__name__", Value::str("__main__"));
            interp.main.set("__doc__", Value::None);
            // CPython's `__main__` has its `__annotations__` from the start.
            interp.main.set("__annotations__", Value::dict(Dict::new()));
            // The page's program is main.py (tracebacks name it so too).
            interp.main.set("__file__", Value::str("main.py"));
            set_current_interp(this.clone());
            super::builtins::install(&interp);
            interp
        })
    }

    pub fn rc(&self) -> Rc<Interp> {
        // The interpreter is only ever used through its `Rc`, so this always succeeds; a
        // failure would mean use after the program ended, which nothing does.
        self.this.upgrade().unwrap_or_else(|| unreachable!("the interpreter outlives its use"))
    }

    /// `RecursionError` once the native stack in use nears [`Limits::stack_bytes`]. Called
    /// where the engine nests (each Python frame, repr and comparison of nested data): the
    /// address of a local is the stack's current depth, measured from the shallowest entry
    /// seen (the page enters from a fresh stack at each turn of the loop).
    #[inline(always)]
    pub fn check_stack(&self) -> R<()> {
        let marker = 0u8;
        let here = std::hint::black_box(&marker) as *const u8 as usize;
        if here > self.stack_base.get() {
            self.stack_base.set(here);
        }
        if self.stack_base.get() - here > self.limits.stack_bytes {
            return Err(self.recursion_error(""));
        }
        Ok(())
    }

    /// `RecursionError` with CPython's words (`what` ends them), said to differ from CPython
    /// where the limit is lower than CPython's.
    pub fn recursion_error(&self, what: &str) -> PyErr {
        let limit = self.recursion_limit.get();
        if limit < 1000 && limit == self.limits.recursion && !self.said_recursion.replace(true) {
            self.note(&format!(
                "RecursionError after {limit} nested calls: Interleave's limit in the browser, whose own stack is smaller than CPython's (CPython allows 1000)"
            ));
        }
        self.err("RecursionError", format!("maximum recursion depth exceeded{what}"))
    }

    /// One level of native nesting that CPython counts toward its recursion limit (repr and
    /// comparison of nested data): `RecursionError` with CPython's words for `what` past the
    /// limit or near the end of the stack. The level ends when the guard is dropped.
    pub fn nest(&self, what: &str) -> R<Nested<'_>> {
        let depth = self.depth.get() + 1;
        if depth > self.recursion_limit.get() || self.check_stack().is_err() {
            return Err(self.recursion_error(what));
        }
        self.depth.set(depth);
        Ok(Nested(self))
    }

    // ----- errors --------------------------------------------------------------------------

    /// An instance of exception class `class` with `args`.
    pub fn new_exc(&self, class: &Rc<Class>, args: Vec<Value>) -> Rc<Instance> {
        Rc::new(Instance {
            class: class.clone(),
            attrs: RefCell::new(Attrs::default()),
            dict: InstanceDict::default(),
            exc: Some(RefCell::new(ExcData { args, ..ExcData::default() })),
        })
    }

    /// `name(message)` as an error to return.
    pub fn err(&self, name: &str, message: impl AsRef<str>) -> PyErr {
        let class = self.types.exc(name);
        let args = if message.as_ref().is_empty() { vec![] } else { vec![Value::str(message.as_ref())] };
        PyErr::Exc(self.new_exc(&class, args))
    }

    pub fn type_error(&self, message: impl AsRef<str>) -> PyErr {
        self.err("TypeError", message)
    }

    pub fn value_error(&self, message: impl AsRef<str>) -> PyErr {
        self.err("ValueError", message)
    }

    pub fn runtime_error(&self, message: impl AsRef<str>) -> PyErr {
        self.err("RuntimeError", message)
    }

    pub fn index_error(&self, message: impl AsRef<str>) -> PyErr {
        self.err("IndexError", message)
    }

    pub fn attribute_error(&self, message: impl AsRef<str>) -> PyErr {
        self.err("AttributeError", message)
    }

    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr::Exc(self.new_exc(&self.types.exc("KeyError"), vec![key]))
    }

    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr::Exc(self.new_exc(&self.types.exc("StopIteration"), args))
    }

    /// An error from the formatting/arith helpers, as its Python exception.
    pub fn raise(&self, r: Raise) -> PyErr {
        let name = match r.kind {
            Exc::ValueError => "ValueError",
            Exc::TypeError => "TypeError",
            Exc::OverflowError => "OverflowError",
            Exc::ZeroDivisionError => "ZeroDivisionError",
            Exc::MemoryError => "MemoryError",
            Exc::IndexError => "IndexError",
            Exc::Unsupported => "NotImplementedError",
        };
        self.err(name, r.msg)
    }

    // ----- output --------------------------------------------------------------------------

    /// Interleave's own note about the run, once per line.
    pub fn note(&self, text: &str) {
        (self.sink)(Stream::Note, text);
    }

    /// Writes text to a stream; whole lines go to the sink as they complete.
    pub fn write(&self, stream: Stream, text: &str) {
        if stream == Stream::Note {
            self.note(text.trim_end_matches('\n'));
            return;
        }
        self.write_output(stream, text);
        self.say_traceback_differs(text);
    }

    /// The first time the program prints a traceback, the run says how it differs from
    /// CPython's (the corpus oracle leaves the same out). A copy's lines are printed again by
    /// the program, which says it then, once for both.
    fn say_traceback_differs(&self, text: &str) {
        if !self.said_traceback.get()
            && self.copy.get() == CopyPhase::Original
            && text.contains("Traceback (most recent call last):")
        {
            self.said_traceback.set(true);
            self.note(
                "Tracebacks here list only your program's own lines: CPython's also list lines inside asyncio's code, and underline the failing part of a line with ^^^ markers.",
            );
        }
    }

    fn write_output(&self, stream: Stream, text: &str) {
        let mut out = self.out.borrow_mut();
        let over = out.bytes >= self.limits.output_bytes;
        let i = stream as usize;
        if over {
            if out.cut_bytes == 0 {
                // Said at once, so a run still printing does not look hung, nor one stopped now.
                drop(out);
                self.note(&format!(
                    "Output past {} KiB is not kept as it comes: its last lines are shown when the program ends.",
                    self.limits.output_bytes / 1024
                ));
                out = self.out.borrow_mut();
            }
            out.cut_bytes += text.len();
            // The common case, one whole line (a print): straight into the tail, as the
            // buffering below would put it there.
            if out.partial[i].is_empty() && text.ends_with('\n') && !text[..text.len() - 1].contains('\n') {
                let kept = last_bytes(text, TAIL_LINE_BYTES);
                keep_in_tail(&mut out.tail, stream, &kept[..kept.len() - 1]);
                return;
            }
            let keep = last_bytes(text, TAIL_LINE_BYTES);
            out.partial[i].push_str(keep);
            if out.partial[i].len() > TAIL_LINE_BYTES {
                out.partial[i] = last_bytes(&out.partial[i], TAIL_LINE_BYTES).to_string();
            }
        } else {
            out.bytes += text.len();
            // The common case, one whole line (a print): straight out, nothing buffered.
            if out.partial[i].is_empty() {
                if let Some(line) = text.strip_suffix('\n').filter(|l| !l.contains('\n')) {
                    drop(out);
                    (self.sink)(stream, line);
                    return;
                }
            }
            out.partial[i].push_str(text);
        }
        if !out.partial[i].contains('\n') {
            return;
        }
        let buffered = std::mem::take(&mut out.partial[i]);
        let (lines, rest) = match buffered.rfind('\n') {
            Some(end) => (buffered[..end].to_string(), buffered[end + 1..].to_string()),
            None => (String::new(), buffered),
        };
        out.partial[i] = rest;
        if over {
            for line in lines.split('\n') {
                keep_in_tail(&mut out.tail, stream, line);
            }
            return;
        }
        drop(out);
        for line in lines.split('\n') {
            (self.sink)(stream, line);
        }
    }

    /// The program's last words, how it ended (a traceback, why it was stopped): after what it
    /// printed and the notice of any cut, and never cut themselves, so a program that printed
    /// past the cap still says why it ended.
    pub fn write_final(&self, stream: Stream, text: &str) {
        self.flush_output();
        if text.is_empty() {
            return;
        }
        for line in text.strip_suffix('\n').unwrap_or(text).split('\n') {
            (self.sink)(stream, line);
        }
        self.say_traceback_differs(text);
    }

    /// Ends the program's output: partial lines are flushed, and a cut is said.
    pub fn flush_output(&self) {
        let (partials, cut, mut tail) = {
            let mut out = self.out.borrow_mut();
            let p = [std::mem::take(&mut out.partial[0]), std::mem::take(&mut out.partial[1])];
            (p, std::mem::take(&mut out.cut_bytes), std::mem::take(&mut out.tail))
        };
        let partials = [(Stream::Stdout, &partials[0]), (Stream::Stderr, &partials[1])];
        if cut == 0 {
            for (stream, text) in partials.into_iter().filter(|(_, t)| !t.is_empty()) {
                (self.sink)(stream, text);
            }
            return;
        }
        tail.extend(partials.into_iter().filter(|(_, t)| !t.is_empty()).map(|(s, t)| (s, t.clone())));
        let shown: usize = tail.iter().map(|(_, line)| line.len() + 1).sum();
        let limit = self.limits.output_bytes / 1024;
        let not_shown = cut.saturating_sub(shown);
        let last = match tail.len() {
            0 => String::new(),
            1 => "; its last line follows".to_string(),
            n => format!("; its last {n} lines follow"),
        };
        (self.sink)(
            Stream::Stderr,
            &format!("[Interleave: output past {limit} KiB was cut: {not_shown} more bytes not shown{last}]"),
        );
        for (stream, line) in tail {
            (self.sink)(stream, &line);
        }
    }

    // ----- budgets ---------------------------------------------------------------------------

    /// When the current hold of the loop began (ms, on [`Interp::budget_clock`]). A task's
    /// resume only marks a new hold; the clock is read the first time the hold is measured (at
    /// most 4096 steps later, well under a millisecond), which saves a call out to JavaScript
    /// on each of a big run's hundreds of thousands of short resumes.
    fn hold_start(&self) -> f64 {
        let started = self.hold_started.get();
        if !started.is_nan() {
            return started;
        }
        let now = budget_clock();
        self.hold_started.set(now);
        now
    }

    /// Seconds the current hold of the loop has lasted, as the loop budget counts them.
    pub fn held_secs(&self) -> f64 {
        (budget_clock() - self.hold_start()) / 1000.0
    }

    /// One step of the program (an op, or an item a native loop draws): every few thousand,
    /// has this task held the loop longer than the budget? Past [`Limits::steps`], the program
    /// stops.
    #[inline]
    pub fn tick(&self) -> R<()> {
        self.count_step(false)
    }

    /// [`Interp::tick`] between two ops of a frame, where deferred work may run.
    #[inline]
    pub fn tick_op(&self) -> R<()> {
        self.count_step(true)
    }

    #[inline(always)]
    fn count_step(&self, between_ops: bool) -> R<()> {
        let n = self.ops.get() + 1;
        self.ops.set(n);
        if n > self.alarm.get() {
            self.alarmed(n, between_ops)?;
        }
        // Every step, since one op can build a collection at its item cap.
        if heap::live_bytes().saturating_sub(self.heap_at_start) > self.limits.memory_bytes {
            return Err(self.err(
                "MemoryError",
                format!(
                    "the program's values grew past {} MiB (at line {}), Interleave's cap on memory in the page",
                    self.limits.memory_bytes >> 20,
                    self.current_line()
                ),
            ));
        }
        if !n.is_multiple_of(256) {
            return Ok(());
        }
        // A few hundred steps take microseconds: the run's next event reads the clock.
        crate::runtime::clock_moved();
        if !n.is_multiple_of(4096) {
            return Ok(());
        }
        let now = now_ms();
        self.want_pause_after_stretch(now);
        let held = self.held_secs();
        if held > self.limits.loop_budget_secs {
            let (line, budget) = (self.current_line(), self.limits.loop_budget_secs);
            return Err(self.stop_program(if self.loop_is_running() {
                format!(
                    "the loop was blocked for {held:.0} s at line {line}: Interleave stopped the program (the budget is {budget} s)"
                )
            } else {
                // Top-level code (or a to_thread copy's): no event loop to block.
                format!(
                    "the program ran for {held:.0} s at line {line} without stopping: Interleave stopped it (the budget is {budget} s)"
                )
            }));
        }
        // In slow motion the program's seconds are longer than real ones: code that cannot
        // pause (a plain function's loop) still holds the page no longer than the budget.
        let stretch = (now - self.stretch_started.get()) / 1000.0;
        if stretch > self.limits.loop_budget_secs {
            return Err(self.stop_program(format!(
                "the page was held for {:.0} s of real time at line {}: Interleave stopped the program (the budget is {} s)",
                stretch,
                self.current_line(),
                self.limits.loop_budget_secs
            )));
        }
        Ok(())
    }

    /// Past [`PAUSE_AFTER_MS`] of holding the loop without a break, asks for a pause where the
    /// browser drives the run: the page draws the hold as it grows, and Stop works.
    pub fn want_pause_after_stretch(&self, now: f64) {
        let started = self.stretch_started.get();
        if started.is_nan() {
            self.stretch_started.set(now);
        } else if now - started >= PAUSE_AFTER_MS && crate::runtime::can_pause() {
            self.pause_wanted.set(true);
        }
    }

    /// Counts `n` steps taken on the program's behalf elsewhere (a `to_thread` or
    /// `run_in_executor` copy run in place, on the virtual clock): past [`Limits::steps`] the
    /// program stops, as if it had taken them itself.
    pub fn count_steps(&self, n: u64) -> R<()> {
        let total = self.ops.get().saturating_add(n);
        self.ops.set(total);
        if total > self.alarm.get() {
            self.alarmed(total, false)?;
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn alarmed(&self, n: u64, between_ops: bool) -> R<()> {
        if let Some(message) = self.stopped.borrow().clone() {
            return Err(PyErr::Stop(message));
        }
        if n > self.limits.steps {
            return Err(self.stop_program(format!(
                "the program took more than {} steps (at line {}): Interleave stopped it",
                self.limits.steps,
                self.current_line()
            )));
        }
        // A native loop's step may hold a borrow: deferred work waits for the next op.
        if between_ops {
            self.run_deferred()?;
        }
        Ok(())
    }

    /// Why Interleave stopped the program, once it has (the line it said on stderr).
    pub fn stopped_why(&self) -> Option<Rc<str>> {
        self.stopped.borrow().clone()
    }

    /// Whether an event loop is running the code now (a task, or `asyncio.run` underway),
    /// rather than the program's top level with no loop yet, or a copy's top level or call.
    pub fn loop_is_running(&self) -> bool {
        !self.no_loop_in_copy()
            && crate::runtime::current()
                .is_some_and(|(rt, task)| rt.loop_running() || task != crate::trace::TaskId::OUTSIDE)
    }

    /// Interleave stops the program (a budget ran out): the error to raise, and from now on
    /// every step of every task raises it too, so nothing of the program runs on (no `except`
    /// or `finally`, no other task's next step; asyncio.run's shutdown ends them at once).
    pub fn stop_program(&self, message: String) -> PyErr {
        let message: Rc<str> = Rc::from(message);
        *self.stopped.borrow_mut() = Some(message.clone());
        self.alarm.set(0);
        PyErr::Stop(message)
    }

    /// Asks for `work` to run at the next safe point: between two ops, after a call returns,
    /// or where a task's step ends (CPython would run it at the drop itself).
    pub fn defer(&self, work: Deferred) {
        // Never borrowed across a drop (`run_deferred` takes the list out first).
        if let Ok(mut d) = self.deferred.try_borrow_mut() {
            d.push(work);
            self.has_deferred.set(true);
            self.alarm.set(0);
        }
    }

    /// Runs deferred work, if any: at a point where Python code may run. Only a stop (a
    /// budget ran out) comes back as an error; the work reports its own exceptions.
    #[inline(always)]
    pub fn settle(&self) -> R<()> {
        if self.has_deferred.get() {
            return self.run_deferred();
        }
        Ok(())
    }

    /// [`Interp::settle`] after a call, passing its result on (a stop wins).
    #[inline(always)]
    pub fn settled<T>(&self, r: R<T>) -> R<T> {
        if self.has_deferred.get() {
            self.run_deferred()?;
        }
        r
    }

    #[cold]
    #[inline(never)]
    fn run_deferred(&self) -> R<()> {
        loop {
            self.has_deferred.set(false);
            self.alarm.set(if self.stopped.borrow().is_some() { 0 } else { self.limits.steps });
            let work = std::mem::take(&mut *self.deferred.borrow_mut());
            if work.is_empty() {
                return Ok(());
            }
            // On a stop the rest is dropped undone: the program is ending.
            for w in work {
                w(self)?;
            }
        }
    }

    // ----- frames ----------------------------------------------------------------------------

    /// The line the innermost running frame is at (0 outside any frame).
    pub fn current_line(&self) -> u32 {
        self.frames.borrow().last().map_or(0, |f| f.line.get())
    }

    pub fn source_line(&self, line: u32) -> Option<&str> {
        self.source.get((line as usize).checked_sub(1)?).map(|s| &**s)
    }

    /// A class for a native object's type name (made once).
    pub fn native_class(&self, name: &str) -> Rc<Class> {
        if let Some(c) = self.types.natives.borrow().get(name) {
            return c.clone();
        }
        // Where CPython defines them (its reprs and `__module__` say so; a C type's name
        // carries its module, `_asyncio.Task`), and their bases, so
        // `isinstance(task, asyncio.Future)` holds.
        let (module, base) = match name {
            "_asyncio.Task" => ("_asyncio", Some("_asyncio.Future")),
            "_GatheringFuture" => ("asyncio.tasks", Some("_asyncio.Future")),
            "Queue" => ("asyncio.queues", None),
            "Semaphore" | "Lock" | "Event" | "Condition" => ("asyncio.locks", None),
            "BoundedSemaphore" => ("asyncio.locks", Some("Semaphore")),
            "TaskGroup" => ("asyncio.taskgroups", None),
            "Timeout" => ("asyncio.timeouts", None),
            "Runner" => ("asyncio.runners", None),
            "Handle" | "AbstractEventLoop" => ("asyncio.events", None),
            "TimerHandle" => ("asyncio.events", Some("Handle")),
            "_UnixSelectorEventLoop" => ("asyncio.unix_events", Some("AbstractEventLoop")),
            "UnionType" => ("types", None),
            _ => (name.rsplit_once('.').map_or("builtins", |(module, _)| module), None),
        };
        let short = name.rsplit_once('.').map_or(name, |(_, short)| short);
        let base = base.map_or_else(|| self.types.object.clone(), |b| self.native_class(b));
        let c = new_class(short, module, vec![base], BuiltinType::Native, false);
        self.types.natives.borrow_mut().insert(name.to_string(), c.clone());
        c
    }

    /// The class of any value (`type(v)`).
    pub fn class_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::None => t.none.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Func(_) => t.function.clone(),
            Value::Builtin(b) if b.python && b.bound.is_none() => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Class(_) => t.type_.clone(),
            Value::Instance(i) => i.class.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Object(o) => self.native_class(o.type_name()),
        }
    }

    /// `isinstance(v, class)`
    pub fn isinstance(&self, v: &Value, class: &Rc<Class>) -> bool {
        if Rc::ptr_eq(class, &self.types.object) {
            return true;
        }
        let own = self.class_of(v);
        own.is_subclass(class) || own.stands_for(class)
    }
}

/// A level of nesting counted in [`Interp::depth`] until dropped.
pub struct Nested<'a>(&'a Interp);

impl Drop for Nested<'_> {
    fn drop(&mut self) {
        self.0.depth.set(self.0.depth.get().saturating_sub(1));
    }
}

/// The clock the loop budget counts on (ms): in the browser the run's own, so a hold counts in
/// the program's seconds (slow motion stretches them, and the page's turns while a step pauses
/// are not the program's); elsewhere real time (on the virtual clock work takes no time, yet an
/// endless loop must end).
fn budget_clock() -> f64 {
    match crate::runtime::current() {
        Some((rt, _)) if !rt.is_virtual() => rt.now() as f64 / 1000.0,
        _ => now_ms(),
    }
}

/// How long a step may hold the loop before it pauses for the browser (see
/// [`Interp::pause_wanted`]): the page draws about 20 times a second through a busy loop, and
/// the program keeps most of the thread.
pub const PAUSE_AFTER_MS: f64 = 50.0;

/// Milliseconds from a monotonic clock (the loop budget measures real time even on the
/// virtual clock: an infinite loop takes real time whatever the run's clock says).
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        crate::runtime::now_ms()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::OnceLock;
        use std::time::Instant;
        static START: OnceLock<Instant> = OnceLock::new();
        START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
    }
}
