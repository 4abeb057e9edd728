//! `asyncio.to_thread(f, *args)` and `loop.run_in_executor(None, f, *args)`: `f` runs off the
//! loop, in a copy of the program, as in a process pool. A Python thread shares memory with the
//! loop; a Web Worker cannot, so the call's function, arguments and the program's data at the
//! time of the call are copied to it (see [`super::copy`]), and the result copied back. The
//! page says so once per run.
//!
//! The copy compiles the same source and runs its top level with `asyncio.run` doing nothing,
//! then the function (`to_thread`'s in a copy of the caller's `contextvars` context, as
//! CPython's runs it in `contextvars.copy_context()`). Its `time.sleep` blocks only the copy:
//! in a worker it really waits (the page stays responsive); on the virtual clock it moves the
//! copy's own clock, and what the function printed appears on the loop's clock at the moment it
//! was printed, so a program prints what CPython prints, in the same order.
//!
//! Each call runs in the thread its executor's [`Pool`] gives it, named as CPython names its
//! executors' threads (`asyncio_0`…), which `threading.current_thread()` reads in the copy.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::copy;
use super::interp::{CopyPhase, Interp, Limits, PyErr, Stream, R};
use super::ir::{CodeKind, Name};
use super::modules::asyncio::{future_value, py_obj, PyObj};
use super::program::Program;
use super::value::*;
use crate::aio::Fut;
use crate::runtime::{current, Runtime, Speed};
use crate::trace::{Micros, TaskId, Wait};

/// What the copy needs: the program, the call with the program's data now (one text, so an
/// object both reach is one object in the copy too), and the loop's time now.
struct Job {
    source: String,
    data: String,
    start: Micros,
    /// In a worker, `time.sleep` really waits, at the loop's speed (on the virtual clock it
    /// only moves the clock).
    real_sleeps: Option<Speed>,
    /// Whether the page already said times of day are UTC (the copy need not say it again).
    said_clock: bool,
    /// The thread the call runs in.
    thread: ThreadInfo,
}

/// What came back: each line printed (when, relative to the start, and where: stdout, stderr
/// or one of Interleave's notes, which stay notes), how long the call took on the copy's
/// clock, how it ended, and whether the copy said times of day are UTC.
struct Ran {
    lines: Vec<(Micros, Stream, String)>,
    elapsed: Micros,
    outcome: Outcome,
    said_clock: bool,
}

enum Outcome {
    Returned(String),
    Raised(String),
    /// The copy could not run the call (its own message).
    Failed(String),
}

// ----- the text that travels --------------------------------------------------------------

fn put(out: &mut String, s: &str) {
    out.push_str(&s.len().to_string());
    out.push(':');
    out.push_str(s);
}

/// Reads a string [`put`] wrote, advancing `text`.
fn take<'a>(text: &mut &'a str) -> Option<&'a str> {
    let colon = text.find(':')?;
    let len: usize = text[..colon].parse().ok()?;
    let s = text.get(colon + 1..colon + 1 + len)?;
    *text = &text[colon + 1 + len..];
    Some(s)
}

impl Job {
    fn encode(&self) -> String {
        let mut out = String::new();
        for part in [&self.source, &self.data] {
            put(&mut out, part);
        }
        put(&mut out, &self.start.to_string());
        put(&mut out, &self.real_sleeps.map_or("-".into(), Speed::encode));
        put(&mut out, if self.said_clock { "1" } else { "0" });
        put(&mut out, &self.thread.name);
        put(&mut out, &self.thread.ident.to_string());
        put(&mut out, &self.thread.alive.to_string());
        out
    }

    fn decode(mut text: &str) -> Option<Job> {
        let source = take(&mut text)?.to_string();
        let data = take(&mut text)?.to_string();
        let start = take(&mut text)?.parse().ok()?;
        let real_sleeps = match take(&mut text)? {
            "-" => None,
            speed => Some(Speed::decode(speed).ok()?),
        };
        let said_clock = take(&mut text)? == "1";
        let name = take(&mut text)?.to_string();
        let ident = take(&mut text)?.parse().ok()?;
        let alive = take(&mut text)?.parse().ok()?;
        let thread = ThreadInfo { name, ident, alive };
        text.is_empty().then_some(Job { source, data, start, real_sleeps, said_clock, thread })
    }
}

impl Ran {
    fn encode(&self) -> String {
        let mut out = String::new();
        put(&mut out, &self.lines.len().to_string());
        for (at, stream, text) in &self.lines {
            put(&mut out, &at.to_string());
            let tag = match stream {
                Stream::Stdout => "o",
                Stream::Stderr => "e",
                Stream::Note => "n",
            };
            put(&mut out, tag);
            put(&mut out, text);
        }
        put(&mut out, &self.elapsed.to_string());
        let (tag, body) = match &self.outcome {
            Outcome::Returned(v) => ("r", v),
            Outcome::Raised(v) => ("x", v),
            Outcome::Failed(m) => ("f", m),
        };
        put(&mut out, tag);
        put(&mut out, body);
        put(&mut out, if self.said_clock { "1" } else { "0" });
        out
    }

    fn decode(mut text: &str) -> Option<Ran> {
        let n: usize = take(&mut text)?.parse().ok()?;
        let mut lines = Vec::new();
        for _ in 0..n.min(text.len()) {
            let at = take(&mut text)?.parse().ok()?;
            let stream = match take(&mut text)? {
                "o" => Stream::Stdout,
                "n" => Stream::Note,
                _ => Stream::Stderr,
            };
            lines.push((at, stream, take(&mut text)?.to_string()));
        }
        let elapsed = take(&mut text)?.parse().ok()?;
        let outcome = match (take(&mut text)?, take(&mut text)?.to_string()) {
            ("r", v) => Outcome::Returned(v),
            ("x", v) => Outcome::Raised(v),
            (_, m) => Outcome::Failed(m),
        };
        let said_clock = take(&mut text)? == "1";
        text.is_empty().then_some(Ran { lines, elapsed, outcome, said_clock })
    }
}

// ----- the copy's side ---------------------------------------------------------------------

thread_local! {
    /// The limits of the program whose copy runs in place (on the virtual clock).
    static IN_PLACE_LIMITS: RefCell<Option<Limits>> = const { RefCell::new(None) };
    /// The steps the last copy took, which a copy run in place charges to the program (each
    /// copy imports and runs the program's top level again: a generator of a billion
    /// `run_in_executor` calls took minutes within the program's own step limit).
    static COPY_STEPS: Cell<u64> = const { Cell::new(0) };
    /// The thread the copy running now runs its call in (None: the program's main thread).
    static IN_THREAD: RefCell<Option<ThreadInfo>> = const { RefCell::new(None) };
}

/// Runs one job in a copy of the program (a worker's side, or the virtual clock's): the reply
/// as text.
pub fn run_copy(job: &str) -> String {
    let ran = match Job::decode(job) {
        Some(job) => run_job(job),
        None => Ran {
            lines: vec![],
            elapsed: 0,
            outcome: Outcome::Failed("the worker's job is damaged".into()),
            said_clock: false,
        },
    };
    ran.encode()
}

thread_local! {
    /// The program the last call's copy compiled: the calls of one run all copy the same
    /// program, and compiling it again for each of thousands of calls cost more than the calls.
    static COMPILED: RefCell<Option<Rc<Program>>> = const { RefCell::new(None) };
}

/// `source` compiled, or the copy kept from the last call of the same program.
fn compiled(source: &str) -> Result<Rc<Program>, String> {
    if let Some(p) = COMPILED.with(|c| c.borrow().clone()).filter(|p| &*p.source == source) {
        return Ok(p);
    }
    let program = Rc::new(Program::compile(source).map_err(|e| e.message)?);
    COMPILED.with(|c| *c.borrow_mut() = Some(program.clone()));
    Ok(program)
}

fn run_job(job: Job) -> Ran {
    let failed = |m: String| Ran { lines: vec![], elapsed: 0, outcome: Outcome::Failed(m), said_clock: false };
    let program = match compiled(&job.source) {
        Ok(p) => p,
        Err(e) => return failed(format!("the worker could not compile the program: {e}")),
    };
    let rt = Runtime::new_virtual_at(job.start);
    let lines: Rc<RefCell<Vec<(Micros, Stream, String)>>> = Rc::default();
    let recording = Rc::new(Cell::new(false));
    let sink = {
        let (lines, recording) = (lines.clone(), recording.clone());
        Rc::new(move |stream: Stream, text: &str| {
            // The copy's top level already printed in the program itself.
            if recording.get() {
                let now = current().map_or(job.start, |(rt, _)| rt.now());
                lines.borrow_mut().push((now.saturating_sub(job.start), stream, text.to_string()));
            }
        })
    };
    let limits = IN_PLACE_LIMITS.with(|l| l.borrow().clone()).unwrap_or_default();
    let outer_thread = IN_THREAD.with(|t| t.replace(Some(job.thread.clone())));
    // The copy's top level runs again: the `Thread-N` it numbers are not the program's.
    let numbered = NUMBERED.with(Cell::get);
    let interp = Interp::new(&program.source, limits, sink);
    interp.copy.set(CopyPhase::TopLevel);
    interp.real_sleeps.set(job.real_sleeps);
    interp.said_clock.set(job.said_clock);
    *interp.codes.borrow_mut() = program.codes.clone();
    let outcome: Rc<RefCell<Option<Outcome>>> = Rc::default();
    {
        let (interp, outcome) = (interp.clone(), outcome.clone());
        let code = program.code.clone();
        rt.start(async move {
            let result = call_in_copy(&interp, code, &job.data, &recording).await;
            interp.flush_output();
            *outcome.borrow_mut() = Some(match result {
                Ok(v) => match copy::write(&interp, &v) {
                    Ok(text) => Outcome::Returned(text),
                    Err(e) => raised(&interp, e),
                },
                Err(e) => raised(&interp, e),
            });
        });
    }
    rt.run_until_end();
    super::program::release_cycles(&interp);
    IN_THREAD.with(|t| t.replace(outer_thread));
    NUMBERED.with(|n| n.set(numbered));
    let elapsed = rt.now().saturating_sub(job.start);
    let outcome = outcome.take().unwrap_or_else(|| Outcome::Failed("the worker's copy of the program stopped".into()));
    let lines = lines.take();
    COPY_STEPS.with(|c| c.set(interp.ops.get()));
    Ran { lines, elapsed, outcome, said_clock: interp.said_clock.get() }
}

fn raised(interp: &Interp, e: PyErr) -> Outcome {
    match e {
        PyErr::Exc(inst) => match copy::write(interp, &Value::Instance(inst)) {
            Ok(text) => Outcome::Raised(text),
            Err(e) => Outcome::Failed(super::traceback::format_exception(interp, &e)),
        },
        PyErr::Stop(m) => Outcome::Failed(m.to_string()),
    }
}

/// The copy's top level, the program's data as it was at the call (and the caller's context,
/// for `to_thread`), then the call.
async fn call_in_copy(interp: &Rc<Interp>, code: Rc<super::ir::Code>, data: &str, recording: &Cell<bool>) -> R<Value> {
    let frame = super::exec::Frame::new(interp, code, interp.main.clone(), None);
    if let Err(e) = super::call::run_to_end(interp, frame) {
        // Past an `asyncio.run` it skipped, the top level may fail where the program's did not
        // (`results, elapsed = asyncio.run(main())` unpacks None here): what it defined is
        // enough, the program's data comes next.
        if !(matches!(e, PyErr::Exc(_)) && interp.copy_skipped_run.get()) {
            return Err(e);
        }
    }
    let Value::Tuple(parts) = &copy::read(interp, data)? else {
        return Err(interp.runtime_error("the worker's call is damaged"));
    };
    let [func, Value::Tuple(pos), Value::Dict(kw), Value::Dict(globals), context] = &parts[..] else {
        return Err(interp.runtime_error("the worker's call is damaged"));
    };
    for (k, v) in globals.borrow().iter() {
        if let Value::Str(name) = &k.value {
            interp.main.set(name, v.clone());
        }
    }
    if let Value::Dict(vars) = context {
        enter_context(interp, vars)?;
    }
    let mut args = Args { pos: pos.to_vec(), kw: kw.borrow().keyword_pairs() };
    recording.set(true);
    interp.copy.set(CopyPhase::Call);
    // A plain function (or method) runs as the driver, as the program's top level does, so it
    // may run a loop of its own with `asyncio.run`, as a thread may.
    let plain = |f: &Value| match f {
        Value::Func(f) if f.code.kind == CodeKind::Function && f.code.drives => Some(f.clone()),
        _ => None,
    };
    let driven = match func {
        Value::Method(m) => plain(&m.func).map(|f| (f, Some(m.this.clone()))),
        other => plain(other).map(|f| (f, None)),
    };
    let Some((f, this)) = driven else { return super::call::call(interp, func, args) };
    if let Some(this) = this {
        args.pos.insert(0, this);
    }
    let mut frame = super::call::bind(interp, &f, args)?;
    frame.driver = true;
    super::program::drive(interp, frame).await
}

/// Makes the caller's context (its variables, from [`context_vars`]) the copy's current one.
fn enter_context(interp: &Interp, vars: &Rc<RefCell<Dict>>) -> R<()> {
    let context = if vars.borrow().is_empty() {
        // A context is made on first use (`contextvars` is not loaded for nothing).
        Value::None
    } else {
        let module = super::call::import_module(interp, "contextvars")?;
        let class = super::attr::get_attr(interp, &module, &Name::from("Context"))?;
        let context = super::call::call(interp, &class, Args::default())?;
        // `contextvars.Context` keeps its variables in `_vars` (py/contextvars.py).
        super::attr::set_attr(interp, &context, &Name::from("_vars"), Value::Dict(vars.clone()))?;
        context
    };
    interp.context.replace(context);
    Ok(())
}

// ----- the program's side -----------------------------------------------------------------

/// An executor's `max_workers`: at most that many of its calls run at once; the others wait, in
/// the order they came, for one to end (a ThreadPoolExecutor's queue).
struct Slots {
    max: usize,
    /// When each call given a slot ends, on the virtual clock (where a call runs in place, so
    /// its end is known as it starts): a call waits for the earliest once all are taken.
    ends: RefCell<Vec<Micros>>,
    /// In the page, each call holds a permit while its worker runs it.
    #[cfg(target_arch = "wasm32")]
    permits: crate::aio::Semaphore,
}

impl Slots {
    fn new(max: usize) -> Slots {
        Slots {
            max,
            ends: RefCell::default(),
            #[cfg(target_arch = "wasm32")]
            permits: crate::aio::Semaphore::named("executor", max),
        }
    }

    /// When a call made at `now` starts (on the virtual clock), its slot taken.
    fn begin(&self, now: Micros) -> Micros {
        let mut ends = self.ends.borrow_mut();
        if ends.len() < self.max {
            return now;
        }
        let earliest = (0..ends.len()).min_by_key(|&i| ends[i]).unwrap_or(0);
        now.max(ends.swap_remove(earliest))
    }
}

/// The thread a call runs in, as `threading` sees it there: its name and ident, and how many
/// threads were alive as it started (`threading.active_count()`).
#[derive(Clone)]
pub struct ThreadInfo {
    pub name: String,
    pub ident: i64,
    pub alive: usize,
}

/// `threading.get_ident()` of the main thread (an address, as CPython's are; fixed here).
pub const MAIN_IDENT: i64 = 140_245_771_386_688;

impl ThreadInfo {
    fn main() -> ThreadInfo {
        ThreadInfo { name: "MainThread".into(), ident: MAIN_IDENT, alive: alive_threads() }
    }
}

thread_local! {
    /// The default executor's workers (`to_thread`, `run_in_executor(None, …)`), until the loop
    /// that made them shuts it down.
    static DEFAULT_POOL: RefCell<Option<Value>> = const { RefCell::new(None) };
    /// Executor threads made and not yet shut down.
    static ALIVE: Cell<usize> = const { Cell::new(0) };
    /// Executor threads made since the program started (each has an ident of its own).
    static MADE: Cell<i64> = const { Cell::new(0) };
    /// `threading.Thread`s named `Thread-N` so far.
    static NUMBERED: Cell<i64> = const { Cell::new(0) };
}

/// The next `N` of a thread named `Thread-N` (`threading.Thread()` without a name).
pub fn next_thread_number() -> i64 {
    NUMBERED.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// The thread this code runs in: None for the program's main thread.
pub fn current_thread() -> Option<ThreadInfo> {
    IN_THREAD.with(|t| t.borrow().clone())
}

/// `threading.active_count()`: the main thread and the executors' threads (in a copy, as at its
/// call's start).
pub fn alive_threads() -> usize {
    current_thread().map_or_else(|| 1 + ALIVE.with(Cell::get), |t| t.alive)
}

/// The loop shut its default executor down (`asyncio.run`'s end, `loop.close()`): its threads
/// end, and the next call makes new ones (`asyncio_0` again).
pub fn shutdown_default_executor() {
    let pool = DEFAULT_POOL.with(|p| p.borrow_mut().take());
    if pool.is_some() {
        // asyncio's shutdown_default_executor joins the executor in a `threading.Thread` of
        // its own, which takes the next `Thread-N`.
        next_thread_number();
    }
    drop(pool);
}

/// Forgets a finished program's threads.
pub fn reset() {
    shutdown_default_executor();
    ALIVE.with(|a| a.set(0));
    MADE.with(|m| m.set(0));
    NUMBERED.with(|n| n.set(0));
}

/// An executor's workers as CPython's ThreadPoolExecutor makes its threads: a call takes the
/// thread idle longest or, with none idle, a new one named `{prefix}_{n}` (`asyncio_0`…); a
/// process pool's calls each run in a process's main thread. With `max_workers`, its [`Slots`].
pub struct Pool {
    /// None for processes.
    prefix: Option<String>,
    /// Each thread made: its ident, and when it is idle again (None while busy with a call whose
    /// end is not known yet, in the page).
    threads: RefCell<Vec<(i64, Option<Micros>)>>,
    slots: Option<Slots>,
}

impl Pool {
    fn value(prefix: Option<String>, max: Option<usize>) -> Value {
        Value::object(Pool { prefix, threads: RefCell::default(), slots: max.map(Slots::new) })
    }

    /// The thread a call starting at `at` runs in (its index, to [`Pool::release`] it).
    fn take(&self, at: Micros) -> (usize, ThreadInfo) {
        let Some(prefix) = &self.prefix else { return (usize::MAX, ThreadInfo::main()) };
        let mut threads = self.threads.borrow_mut();
        let idle = threads
            .iter()
            .enumerate()
            .filter_map(|(i, (_, free))| free.filter(|&t| t <= at).map(|t| (t, i)))
            .min()
            .map(|(_, i)| i);
        let i = idle.unwrap_or_else(|| {
            let made = MADE.with(|m| m.get() + 1);
            MADE.with(|m| m.set(made));
            ALIVE.with(|a| a.set(a.get() + 1));
            // Below the main thread's, as a thread's stack is.
            threads.push((MAIN_IDENT - made * 0x80_1000, None));
            threads.len() - 1
        });
        let Some(thread) = threads.get_mut(i) else { return (usize::MAX, ThreadInfo::main()) };
        thread.1 = None;
        let info = ThreadInfo { name: format!("{prefix}_{i}"), ident: thread.0, alive: 1 + ALIVE.with(Cell::get) };
        (i, info)
    }

    /// Thread `i` is idle from `at` on.
    fn release(&self, i: usize, at: Micros) {
        if let Some(thread) = self.threads.borrow_mut().get_mut(i) {
            thread.1 = Some(at);
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        let n = self.threads.get_mut().len();
        ALIVE.with(|a| a.set(a.get().saturating_sub(n)));
    }
}

impl Object for Pool {
    fn type_name(&self) -> &str {
        "_Pool"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The default executor's pool, made on first use.
fn default_pool() -> Value {
    DEFAULT_POOL.with(|p| p.borrow_mut().get_or_insert_with(|| Pool::value(Some("asyncio".into()), None)).clone())
}

/// Starts `func(*pos, **kw)` off the loop now (or, in an executor whose workers are all busy,
/// once one is free); the future gets its result or exception. Returns the future and the call
/// as the timeline shows it.
///
/// `in_context`: the call runs in a copy of the caller's `contextvars` context (`to_thread`'s
/// do, `run_in_executor`'s run in the thread's own, as in CPython).
pub fn start(
    interp: &Interp,
    func: &Value,
    pos: Vec<Value>,
    kw: Vec<(Name, Value)>,
    pool: Value,
    in_context: bool,
) -> R<(Fut<PyObj>, String, Option<TaskId>)> {
    let Some((rt, _)) = current() else { return Err(interp.runtime_error("no running event loop")) };
    let label = call_label(interp, func, &pos);
    let kw_dict = {
        let mut d = Dict::new();
        for (k, v) in &kw {
            d.set_str(k, v.clone());
        }
        Value::dict(d)
    };
    let context = if in_context { context_vars(interp) } else { Value::None };
    let data = Value::tuple(vec![func.clone(), Value::tuple(pos), kw_dict, data_globals(interp), context]);
    let mut job = Job {
        source: interp.source_text.clone(),
        data: copy::write(interp, &data)?,
        start: rt.now(),
        real_sleeps: (!rt.is_virtual()).then(|| rt.speed()),
        said_clock: interp.said_clock.get(),
        thread: ThreadInfo::main(),
    };
    if !interp.said_copies.replace(true) {
        interp.note(
            "to_thread and run_in_executor run the function in a worker with a copy of the program: its arguments and result are copied, and changes it makes to objects are not seen by the loop (as in a process pool)",
        );
    }
    let fut: Fut<PyObj> = Fut::on(rt.downgrade());
    match pool.downcast::<Pool>() {
        Some(workers) if rt.is_virtual() => {
            if let Some(slots) = &workers.slots {
                job.start = slots.begin(job.start);
            }
            let (thread, info) = workers.take(job.start);
            job.thread = info;
            // Through the same text a worker gets and sends back, so native tests check it too.
            // In place, the copy runs under the program's own limits (a copy looping forever in
            // `while True: time.sleep(1)` held the test's run for the whole loop budget).
            let previous = IN_PLACE_LIMITS.with(|l| l.replace(Some(interp.limits.clone())));
            let answer = run_copy(&job.encode());
            IN_PLACE_LIMITS.with(|l| l.replace(previous));
            let ran = Ran::decode(&answer).unwrap_or_else(damaged_answer);
            if let Some(slots) = &workers.slots {
                slots.ends.borrow_mut().push(job.start + ran.elapsed);
            }
            workers.release(thread, job.start + ran.elapsed);
            finish_at(interp, &rt, &fut, job.start, ran);
            interp.count_steps(COPY_STEPS.with(|c| c.replace(0)))?;
            Ok((fut, label, None))
        }
        _ => {
            let thread = run_in_worker(interp, &rt, &fut, job, &label, pool);
            Ok((fut, label, Some(thread)))
        }
    }
}

/// The program's data now (not its functions, classes or modules: the copy makes its own).
fn data_globals(interp: &Interp) -> Value {
    let mut d = Dict::new();
    for (name, v) in interp.main.globals.borrow().iter() {
        let data = match v {
            Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) | Value::Module(_) => false,
            Value::Object(_) => v.downcast::<super::bytes::Bytes>().is_some(),
            _ => !name.starts_with("__"),
        };
        if data && copy::write(interp, v).is_ok() {
            d.set_str(name, v.clone());
        }
    }
    Value::dict(d)
}

/// The variables of the current `contextvars` context whose values can be copied, as a dict
/// (empty without a context). Written with the program's data, a variable is the copy's global
/// of the same name (or the argument it also is); one the program reaches otherwise (a class
/// attribute) is another object in the copy, where it is unset. So is a variable whose value
/// cannot be copied (a lock, a task).
fn context_vars(interp: &Interp) -> Value {
    let mut kept = Dict::new();
    let context = interp.context.borrow().clone();
    // `contextvars.Context` keeps its variables in `_vars` (py/contextvars.py).
    let vars = match &context {
        Value::Instance(ctx) => ctx.attrs.borrow().get("_vars").cloned(),
        _ => None,
    };
    if let Some(Value::Dict(vars)) = &vars {
        for (k, v) in vars.borrow().iter() {
            if copy::write(interp, &Value::tuple(vec![k.value.clone(), v.clone()])).is_ok() {
                kept.insert(k.clone(), v.clone());
            }
        }
    }
    Value::dict(kept)
}

/// `blocking(3, 0.5)`: how the call is shown on the timeline.
fn call_label(interp: &Interp, func: &Value, pos: &[Value]) -> String {
    let name = match func {
        Value::Func(f) => f.name.to_string(),
        Value::Builtin(b) => b.name.to_string(),
        Value::Method(m) => super::eval::function_str(interp, &m.func).trim_end_matches("()").to_string(),
        other => other.type_name().to_string(),
    };
    let mut args: Vec<String> = pos.iter().map(|v| super::ops::repr(interp, v).unwrap_or_default()).collect();
    for a in &mut args {
        if a.chars().count() > 24 {
            *a = format!("{}…", a.chars().take(23).collect::<String>());
        }
    }
    format!("{name}({})", args.join(", "))
}

/// On the virtual clock: each printed line at its moment, the result when the copy's clock
/// says the call ended.
fn finish_at(interp: &Interp, rt: &Runtime, fut: &Fut<PyObj>, start: Micros, ran: Ran) {
    skip_said(interp, &ran);
    for (at, stream, text) in ran.lines {
        let weak = interp.this.clone();
        rt.call_at(start + at, move || {
            if let Some(interp) = weak.upgrade() {
                interp.write(stream, &format!("{text}\n"));
            }
        });
    }
    let (weak, fut) = (interp.this.clone(), fut.clone());
    let outcome = ran.outcome;
    rt.call_at(start + ran.elapsed, move || {
        if let Some(interp) = weak.upgrade() {
            settle(&interp, &fut, outcome);
        }
    });
}

fn damaged_answer() -> Ran {
    Ran {
        lines: vec![],
        elapsed: 0,
        outcome: Outcome::Failed("the worker's answer is damaged".into()),
        said_clock: false,
    }
}

/// A copy that said times of day are UTC said it for the program: it is not said again.
fn skip_said(interp: &Interp, ran: &Ran) {
    if ran.said_clock {
        interp.said_clock.set(true);
    }
}

/// Hands the call's outcome to its future; the value it returned, if it did.
fn settle(interp: &Interp, fut: &Fut<PyObj>, outcome: Outcome) -> Option<Value> {
    if fut.done() {
        return None;
    }
    let result = match outcome {
        Outcome::Returned(text) => copy::read(interp, &text),
        Outcome::Raised(text) => match &copy::read(interp, &text) {
            Ok(Value::Instance(e)) if e.exc.is_some() => Err(PyErr::Exc(e.clone())),
            Ok(_) => Err(interp.runtime_error("the worker's exception is damaged")),
            Err(e) => Err(e.clone()),
        },
        Outcome::Failed(m) => Err(interp.runtime_error(m)),
    };
    match result {
        Ok(v) => {
            fut.set_result(py_obj(interp, v.clone()));
            Some(v)
        }
        Err(e) => {
            fut.set_exception(super::coro::to_aio(interp, e));
            None
        }
    }
}

/// Starts the call in a worker; the id of the task that is its thread's lane.
#[cfg(target_arch = "wasm32")]
fn run_in_worker(interp: &Interp, rt: &Runtime, fut: &Fut<PyObj>, mut job: Job, label: &str, pool: Value) -> TaskId {
    let weak = interp.this.clone();
    let fut = fut.clone();
    let label = label.to_string();
    let permits = pool.downcast::<Pool>().and_then(|p| p.slots.as_ref()).map(|s| s.permits.clone());
    // The worker's work is not a Python task: a toolbox task waits for its answer (and is the
    // thread's lane on the timeline).
    // What its lane ends with when the call did not return a value.
    let nothing = py_obj(interp, Value::None);
    let helper = crate::aio::coro(format!("thread: {label}"), async move {
        if let Some(p) = &permits {
            if let Err(e) = p.acquire_slot().await {
                fut.set_exception(e);
                return Ok(nothing);
            }
        }
        let Some((rt, _)) = current() else { return Ok(nothing) };
        // The call's thread, taken once it may start, and idle again when it ends (or is
        // cancelled: its worker stops).
        let busy = pool.downcast::<Pool>().map(|workers| {
            let (thread, info) = workers.take(rt.now());
            job.thread = info;
            Busy { pool: pool.clone(), thread }
        });
        // Posted to a worker when first polled: after the executor's permit is taken.
        let call = crate::aio::worker_call(format!("python {}", job.encode()), rt.text(&label), &rt);
        drop(rt);
        let answer = call.await;
        drop(busy);
        if let Some(p) = &permits {
            let _ = p.release();
        }
        let Some(interp) = weak.upgrade() else { return Ok(nothing) };
        let ran = match answer {
            Ok(text) => Ran::decode(&text).unwrap_or_else(damaged_answer),
            Err(e) => {
                fut.set_exception(e);
                return Ok(nothing);
            }
        };
        skip_said(&interp, &ran);
        for (_, stream, text) in ran.lines {
            interp.write(stream, &format!("{text}\n"));
        }
        // The thread's lane ends with what the function returned, as the step list says.
        let returned = settle(&interp, &fut, ran.outcome).unwrap_or_default();
        Ok(py_obj(&interp, returned))
    });
    crate::aio::spawn_on(rt, None, helper).id()
}

/// A pool's thread busy with a call in a worker, idle again when dropped.
#[cfg(target_arch = "wasm32")]
struct Busy {
    pool: Value,
    thread: usize,
}

#[cfg(target_arch = "wasm32")]
impl Drop for Busy {
    fn drop(&mut self) {
        let now = current().map_or(0, |(rt, _)| rt.now());
        if let Some(workers) = self.pool.downcast::<Pool>() {
            workers.release(self.thread, now);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run_in_worker(_interp: &Interp, _rt: &Runtime, _fut: &Fut<PyObj>, _job: Job, _label: &str, _: Value) -> TaskId {
    unreachable!("natively every run is on the virtual clock")
}

/// `asyncio.to_thread(func, /, *args, **kwargs)`
pub fn to_thread(interp: &Interp, args: Args) -> R<Value> {
    let mut pos = args.pos.into_iter();
    let Some(func) = pos.next() else {
        return Err(interp.type_error("to_thread() missing 1 required positional argument: 'func'"));
    };
    if interp.is_copy() {
        // Called in a worker, where no loop runs: as in CPython, the coroutine fails when it
        // runs. (Starting a job here would start a copy inside this copy, and so on: natively
        // copies run in place, so that recursion would overflow the stack.)
        let e = interp.runtime_error("no running event loop");
        return Ok(super::coro::native(interp, "to_thread", async move { Err(e) }));
    }
    let (fut, label, thread) = start(interp, &func, pos.collect(), args.kw, default_pool(), true)?;
    let weak = interp.this.clone();
    Ok(super::coro::native(interp, "to_thread", async move {
        // On the thread's lane where it has one (in the browser), which is what waits on the
        // worker: one wait per call, not two, in the run's figures.
        let wait = match (thread, current()) {
            (Some(task), _) => Some(Wait::Join { task }),
            (None, Some((rt, _))) => Some(Wait::Worker { job: rt.text(&label) }),
            (None, None) => None,
        };
        let r = match wait {
            Some(wait) => fut.wait(wait).await,
            None => fut.result(),
        };
        let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
        r.map(|o| o.value).map_err(|e| super::coro::from_aio(&interp, e))
    }))
}

/// `loop.run_in_executor(executor, func, *args)`: a future, started now.
pub fn run_in_executor(interp: &Interp, args: Args) -> R<Value> {
    let mut pos = args.pos.into_iter();
    let executor = pos.next().unwrap_or_default();
    // None, or one of concurrent.futures' executors: all share the page's pool of workers.
    let pool = match &executor {
        Value::None => None,
        Value::Instance(pool) if pool.class.lookup(&Name::from("_interleave_pool")).is_some() => Some(pool),
        _ => {
            return Err(interp.type_error(
                "Interleave's run_in_executor takes None or a concurrent.futures executor (both use the page's pool of workers)",
            ))
        }
    };
    if pool.is_some_and(|p| matches!(p.attrs.borrow().get(&Name::from("_shutdown")), Some(Value::Bool(true)))) {
        return Err(interp.runtime_error("cannot schedule new futures after shutdown"));
    }
    let Some(func) = pos.next() else {
        return Err(interp.type_error("run_in_executor() missing 1 required positional argument: 'func'"));
    };
    if !args.kw.is_empty() {
        return Err(interp.type_error("run_in_executor() got an unexpected keyword argument"));
    }
    if interp.is_copy() {
        // As in `to_thread`: no loop runs in a worker, and no copy starts inside a copy.
        return Err(interp.runtime_error("no running event loop"));
    }
    let workers = pool.map_or_else(default_pool, |p| executor_pool(p));
    let (fut, _, _) = start(interp, &func, pos.collect(), vec![], workers, false)?;
    Ok(future_value(fut, "Future"))
}

/// The [`Pool`] of a `concurrent.futures` executor, kept on it from its first call on (until its
/// `shutdown()` drops it): a ThreadPoolExecutor's threads are named by its
/// `_thread_name_prefix`, a process pool has none; `max_workers=N` limits it to N at once.
fn executor_pool(pool: &Instance) -> Value {
    const KEY: &str = "_interleave_workers";
    if let Some(workers) = pool.attrs.borrow().get(KEY).filter(|v| v.downcast::<Pool>().is_some()) {
        return workers.clone();
    }
    let attrs = pool.attrs.borrow();
    let max = match attrs.get("_max_workers") {
        Some(Value::Int(n)) if *n > 0 => Some(*n as usize),
        _ => None,
    };
    let prefix = match attrs.get("_thread_name_prefix") {
        Some(Value::Str(p)) => Some(p.to_string()),
        _ => None,
    };
    drop(attrs);
    let workers = Pool::value(prefix, max);
    pool.attrs.borrow_mut().insert(Name::from(KEY), workers.clone());
    workers
}
