//! Python's `asyncio` module, on the toolbox: a Python task *is* a toolbox task (so the
//! recording, the timeline, Stop and step mode see it like any other), and `gather`, `wait_for`,
//! `Queue`, `Semaphore`… are the toolbox's own, which follow CPython 3.11's asyncio exactly.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::{Rc, Weak};

use super::super::builtins::{builtin, expect};
use super::super::coro::{self, from_aio, to_aio, BoxFuture, Coroutine};
use super::super::interp::{CopyPhase, Interp, PyErr, Stream, R};
use super::super::ir::Name;
use super::super::objects::{method, self_of};
use super::super::ops;
use super::super::traceback;
use super::super::value::*;
use crate::aio::{self, Awaitable, Fut, PyRepr, ReturnWhen};
use crate::runtime::{current, Runtime};
use crate::trace::{CancelledBy, TaskId, Wait};

/// A Python value as the toolbox carries it (task results, queue items, future results).
#[derive(Clone)]
pub struct PyObj {
    pub value: Value,
    interp: Weak<Interp>,
}

impl PyRepr for PyObj {
    fn py_repr(&self) -> String {
        match self.interp.upgrade() {
            // Only the trace shows these, clipped to a couple of thousand characters.
            Some(interp) => ops::repr_prefix(&interp, &self.value, 2_000),
            None => String::new(),
        }
    }
}

fn obj(interp: &Interp, value: Value) -> PyObj {
    PyObj { value, interp: interp.this.clone() }
}

/// A Python value as the toolbox carries it.
pub fn py_obj(interp: &Interp, value: Value) -> PyObj {
    obj(interp, value)
}

/// An `asyncio.Future` over a toolbox future (`kind` is the name its repr shows).
pub fn future_value(fut: Fut<PyObj>, kind: &'static str) -> Value {
    Value::object(PyFuture { fut, kind, gathered: Vec::new() })
}

fn lift<T>(interp: &Interp, r: aio::PyResult<T>) -> R<T> {
    r.map_err(|e| from_aio(interp, e))
}

/// The run and the calling task, or asyncio's "no running event loop".
fn running(interp: &Interp) -> R<(Runtime, TaskId)> {
    match current() {
        // A copy of the program (a to_thread worker) runs in a thread of its own: no loop runs
        // there, although natively it runs in place, inside a task of the loop.
        _ if interp.no_loop_in_copy() => Err(interp.runtime_error("no running event loop")),
        Some((rt, t)) if rt.loop_running() || t != TaskId::OUTSIDE => Ok((rt, t)),
        _ => Err(interp.runtime_error("no running event loop")),
    }
}

/// Whether an event loop is running now (in a copy of the program, only one it started).
fn loop_runs(interp: &Interp) -> bool {
    !interp.no_loop_in_copy() && current().is_some_and(|(rt, _)| rt.loop_running())
}

/// The loop that `gather`, `ensure_future` and a loop object's methods schedule on: the running
/// one, or, for the program's top level between runs, the one its next
/// `run_until_complete` runs (tasks made there wait for it, as on asyncio's loop).
fn event_loop(interp: &Interp) -> R<(Runtime, TaskId)> {
    current().filter(|_| !interp.no_loop_in_copy()).ok_or_else(|| interp.runtime_error("no running event loop"))
}

// ----- tasks and futures -------------------------------------------------------------------

/// `asyncio.Task`
pub struct PyTask {
    pub task: aio::Task<PyObj>,
    name: RefCell<Name>,
    /// The coroutine it runs (`get_coro()`), its body taken by the task.
    coro: Value,
    coro_name: Name,
    coro_line: u32,
    /// The file its coroutine's code is in, as the repr names it: `main.py`, or asyncio's own
    /// for its coroutines (`asyncio/tasks.py`).
    coro_file: &'static str,
    /// For asyncio's own coroutines, the line their code waits at once started (`None`: the
    /// program's coroutine, whose frame knows its line).
    native_wait_line: Option<u32>,
    /// The done-callback asyncio adds as it makes (or takes) the task, shown first in its repr
    /// while it is pending: `run_until_complete`'s on asyncio.run's main task, a TaskGroup's,
    /// gather's on its children.
    first_cb: Cell<Option<&'static str>>,
    /// Whether the CancelledError that ended it was handed out: CPython's task gives the one
    /// its coroutine raised (with `cancel(msg)`'s message) once, then a new one without args.
    cancel_taken: Cell<bool>,
    /// Made at the program's top level, no loop running (`loop.create_task` before
    /// `run_until_complete`): CPython's collector finds such a task in another order at exit.
    made_outside: bool,
}

/// `asyncio.Future` (and what `gather` and `shield` return).
pub struct PyFuture {
    pub fut: Fut<PyObj>,
    kind: &'static str,
    /// A `gather`'s children: a task awaiting it is shown waiting on "gather (N left)".
    gathered: Vec<Fut<PyObj>>,
}

fn task_state(fut: &Fut<PyObj>) -> &'static str {
    match fut.peek() {
        None => "pending",
        Some(_) if fut.cancelled() => "cancelled",
        Some(_) => "finished",
    }
}

impl PyTask {
    /// What `result()`, `exception()` and `await` hand out: a cancelled task's CancelledError
    /// is the one its coroutine raised the first time, a new one without args after.
    fn outcome<T>(&self, interp: &Interp, r: aio::PyResult<T>) -> R<T> {
        match r {
            Err(e) if e.is_cancelled() && self.task.cancelled() && self.cancel_taken.replace(true) => {
                Err(PyErr::Exc(interp.new_exc(&interp.types.exc("CancelledError"), vec![])))
            }
            r => lift(interp, r),
        }
    }

    /// asyncio's `_task_repr_info`: state, name, coroutine, the future it waits on, outcome,
    /// callbacks.
    fn describe(&self, interp: &Interp) -> R<String> {
        self.describe_as(interp, false)
    }

    /// [`Self::describe`], the coroutine shown `done` when `closed` (CPython's collector may
    /// close a lost task's coroutine before the task, which then reports it pending).
    fn describe_as(&self, interp: &Interp, closed: bool) -> R<String> {
        let fut = self.task.future();
        let state = match task_state(fut) {
            "pending" if self.task.cancelling() > 0 => "cancelling",
            state => state,
        };
        let file = self.coro_file;
        let coro = if closed || fut.done() {
            format!("{}() done, defined at {file}:{}", self.coro_name, self.coro_line)
        } else {
            let line = match self.native_wait_line {
                // Started (it waits on something): at its `await`; else at its `async def`.
                Some(waiting) if self.task.fut_waiter().is_some() => waiting,
                Some(_) => self.coro_line,
                None => self.coro.downcast::<Coroutine>().map_or(self.coro_line, |c| c.current_line()),
            };
            format!("{}() running at {file}:{line}", self.coro_name)
        };
        let mut s = format!("<Task {state} name='{}' coro=<{coro}>", self.name.borrow());
        if let Some(waiter) = self.task.fut_waiter() {
            if let Some(waited) = waited_repr(interp, waiter.waited())? {
                s.push_str(&format!(" wait_for={waited}"));
            }
        }
        push_outcome(&mut s, fut, result_repr(interp));
        // Added before anything could await it (asyncio.run's `run_until_complete`, …).
        let first = self.first_cb.get().filter(|_| !fut.done());
        push_callbacks_after(&mut s, fut, first);
        s.push('>');
        Ok(s)
    }
}

/// The ` result=…` or ` exception=…` part of a done future's repr (`result` gives the value's).
fn push_outcome<T: Clone + 'static>(s: &mut String, fut: &Fut<T>, result: impl FnOnce(&T) -> String) {
    match fut.peek() {
        Some(Ok(v)) => s.push_str(&format!(" result={}", result(&v))),
        Some(Err(e)) if !e.is_cancelled() => s.push_str(&format!(" exception={}", aio::PyRepr::py_repr(&e))),
        _ => {}
    }
}

/// A Python value's repr, for a result in a future's repr.
fn result_repr(interp: &Interp) -> impl FnOnce(&PyObj) -> String + '_ {
    |v| ops::repr(interp, &v.value).unwrap_or_default()
}

/// asyncio's `cb=[…]` part of a pending future's repr (`_format_callbacks`). Only the wake-ups
/// of the tasks waiting on it have names here (`Task.task_wakeup()`); other done-callbacks are
/// Rust closures, so they are left out.
fn push_callbacks<T: Clone + 'static>(s: &mut String, fut: &Fut<T>) {
    push_callbacks_after(s, fut, None);
}

/// `run_until_complete`'s done-callback on asyncio.run's main task, as `_format_callbacks`
/// shows it (its path is the standard library's, left out as in warnings).
const RUN_UNTIL_COMPLETE_CB: &str = "_run_until_complete_cb() at asyncio/base_events.py:180";

/// gather's done-callback on each of its children, as `_format_callbacks` shows it.
const GATHER_CB: &str = "gather.<locals>._done_callback() at asyncio/tasks.py:764";

/// Shows `cb` first among the done-callbacks of the task `v` (when it is one that has none such
/// yet).
pub fn note_first_callback(v: &Value, cb: &'static str) {
    if let Some(t) = v.downcast::<PyTask>() {
        if t.first_cb.get().is_none() {
            t.first_cb.set(Some(cb));
        }
    }
}

/// [`push_callbacks`], with `first` (a callback added before the wake-ups) before them.
fn push_callbacks_after<T: Clone + 'static>(s: &mut String, fut: &Fut<T>, first: Option<&str>) {
    const WAKEUP: &str = "Task.task_wakeup()";
    let n = fut.wakeups().saturating_add(usize::from(first.is_some()));
    let head = first.unwrap_or(WAKEUP);
    match n {
        0 => {}
        1 => s.push_str(&format!(" cb=[{head}]")),
        2 => s.push_str(&format!(" cb=[{head}, {WAKEUP}]")),
        n => s.push_str(&format!(" cb=[{head}, <{} more>, {WAKEUP}]", n - 2)),
    }
}

/// Where CPython 3.11 defines asyncio's own coroutines that a task may run: (file, line of
/// `async def`, line where it waits once started); `None` for the rest.
fn native_site(qualname: &str) -> Option<(&'static str, u32, u32)> {
    Some(match qualname {
        "sleep" => ("asyncio/tasks.py", 637, 649),
        "wait" => ("asyncio/tasks.py", 399, 428),
        "wait_for" => ("asyncio/tasks.py", 436, 476),
        "to_thread" => ("asyncio/threads.py", 12, 25),
        "Queue.put" => ("asyncio/queues.py", 110, 120),
        "Queue.get" => ("asyncio/queues.py", 149, 158),
        "Queue.join" => ("asyncio/queues.py", 206, 215),
        "Lock.acquire" => ("asyncio/locks.py", 93, 114),
        "Event.wait" => ("asyncio/locks.py", 200, 213),
        "Condition.wait" => ("asyncio/locks.py", 248, 267),
        "Condition.wait_for" => ("asyncio/locks.py", 285, 294),
        "Semaphore.acquire" => ("asyncio/locks.py", 364, 387),
        _ => return None,
    })
}

/// A future's repr: `<Future pending cb=[…]>`, `<_GatheringFuture finished result=[…]>`.
fn future_repr<T: Clone + 'static>(class: &str, fut: &Fut<T>, result: impl FnOnce(&T) -> String) -> String {
    let state = match fut.peek() {
        None => "pending",
        Some(_) if fut.cancelled() => "cancelled",
        Some(_) => "finished",
    };
    let mut s = format!("<{class} {state}");
    push_outcome(&mut s, fut, result);
    push_callbacks(&mut s, fut);
    s.push('>');
    s
}

/// The repr of the future a task waits on (its `wait_for=`): a task's, whose object is found
/// by its id, or a future's (the toolbox's own futures hold no Python value: `()`).
fn waited_repr(interp: &Interp, waited: &dyn Any) -> R<Option<String>> {
    if let Some(fut) = waited.downcast_ref::<Fut<()>>() {
        return Ok(Some(future_repr(fut.class(), fut, |_| "None".into())));
    }
    let Some(fut) = waited.downcast_ref::<Fut<PyObj>>() else { return Ok(None) };
    let task = fut.task().and_then(|id| TASKS.with(|t| t.borrow().get(&id).and_then(Weak::upgrade)));
    match task {
        // Ids are a run's own: the object must be this future's task.
        Some(t) if t.task.future().same(fut) => ops::repr(interp, &Value::Object(t)).map(Some),
        _ => Ok(Some(future_repr(fut.class(), fut, result_repr(interp)))),
    }
}

impl Object for PyTask {
    fn type_name(&self) -> &str {
        "_asyncio.Task"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        self.describe(interp)
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            // `yield from fut.__await__()` in a generator `__await__`.
            "__await__" | "__iter__" => {
                |_, args| Ok(Value::object(coro::AwaitWrapper(args.pos.first().cloned().unwrap_or_default())))
            }
            "cancel" => |interp, args| {
                let t = super::super::objects::self_of::<PyTask>(interp, &args)?;
                let msg = args
                    .pos
                    .get(1)
                    .or_else(|| args.kw.first().map(|(_, v)| v))
                    .map(|m| ops::str_of(interp, m))
                    .transpose()?;
                Ok(Value::Bool(t.task.future().cancel(msg.map(|m| Rc::from(m.as_str())))))
            },
            "cancelled" => |interp, args| Ok(Value::Bool(self_of::<PyTask>(interp, &args)?.task.cancelled())),
            "done" => |interp, args| Ok(Value::Bool(self_of::<PyTask>(interp, &args)?.task.done())),
            "result" => |interp, args| {
                let t = self_of::<PyTask>(interp, &args)?;
                t.outcome(interp, t.task.result()).map(|o| o.value)
            },
            "exception" => |interp, args| {
                let t = self_of::<PyTask>(interp, &args)?;
                match t.outcome(interp, t.task.future().exception())? {
                    Some(e) => Ok(from_aio(interp, e).value()),
                    None => Ok(Value::None),
                }
            },
            "get_name" => |interp, args| Ok(Value::Str(self_of::<PyTask>(interp, &args)?.name.borrow().clone())),
            "set_name" => |interp, args| {
                let t = self_of::<PyTask>(interp, &args)?;
                let n = ops::str_of(interp, args.pos.get(1).unwrap_or(&Value::None))?;
                *t.name.borrow_mut() = Name::from(n);
                Ok(Value::None)
            },
            "cancelling" => |interp, args| Ok(Value::Int(self_of::<PyTask>(interp, &args)?.task.cancelling() as i64)),
            "uncancel" => |interp, args| Ok(Value::Int(self_of::<PyTask>(interp, &args)?.task.uncancel() as i64)),
            "add_done_callback" => |interp, args| {
                let fut = self_of::<PyTask>(interp, &args)?.task.future().clone();
                add_done_callback(
                    interp,
                    fut,
                    args.pos.first().cloned().unwrap_or_default(),
                    args.pos.get(1).cloned().unwrap_or_default(),
                );
                Ok(Value::None)
            },
            "get_coro" => |interp, args| Ok(self_of::<PyTask>(interp, &args)?.coro.clone()),
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

/// `fut.add_done_callback(fn)`: `fn(fut)` runs as a scheduled callback, as in asyncio.
fn add_done_callback(interp: &Interp, fut: Fut<PyObj>, this: Value, f: Value) {
    let weak = interp.this.clone();
    let run = current().map(|(rt, _)| rt.downgrade());
    fut.add_done_callback(move |_| {
        if let Some(interp) = weak.upgrade() {
            run_callback(&interp, run.as_ref(), &f, vec![this.clone()], None);
        }
    });
}

/// Calls a Python callback the loop runs (`call_soon`, `call_later`, a done callback) as
/// asyncio does: in the running loop, outside any task, so it may read `loop.time()`, call
/// `get_running_loop()` or start tasks. What it raises is reported, as asyncio's handler does,
/// with the handle it ran from (`when`: a timer's deadline).
fn run_callback(
    interp: &Interp,
    run: Option<&crate::runtime::WeakRuntime>,
    f: &Value,
    args: Vec<Value>,
    when: Option<f64>,
) {
    // What it returns goes inside the callback (a coroutine never awaited is said to go at
    // asyncio's callback line, as in CPython's `Handle._run`).
    let call = || super::super::call::call(interp, f, Args { pos: args.clone(), kw: vec![] }).map(drop);
    let r = match run.and_then(|w| w.upgrade()) {
        Some(rt) => rt.in_callback(call),
        None => call(),
    };
    if let Err(e) = r {
        let source = callback_source(interp, f, &args);
        let handle = handle_repr(interp, when, Some(&source));
        let message = format!("Exception in callback {source}");
        let lines = || format!("{message}\nhandle: {handle}");
        report_to_loop(interp, &message, &e, &lines);
    }
}

/// A handle's repr: `<Handle f() at main.py:3>`, `<TimerHandle when=… f()>`; a cancelled one
/// (`source` None: cancelling forgets the callback) says so instead.
fn handle_repr(interp: &Interp, when: Option<f64>, source: Option<&str>) -> String {
    let mut info = vec![if when.is_some() { "TimerHandle" } else { "Handle" }.to_string()];
    if source.is_none() {
        info.push("cancelled".into());
    }
    if let Some(when) = when {
        info.push(format!("when={}", ops::repr(interp, &Value::Float(when)).unwrap_or_default()));
    }
    info.extend(source.map(str::to_string));
    format!("<{}>", info.join(" "))
}

/// asyncio's `_format_callback_source`: the callback's name, its arguments as `reprlib` shows
/// them, and where a function of the program was defined (`f(1, 'two') at main.py:3`).
fn callback_source(interp: &Interp, f: &Value, args: &[Value]) -> String {
    let mut text = format_callback(interp, f, args);
    let mut func = f.clone();
    // inspect.unwrap, and a partial's function.
    for _ in 0..100 {
        let inner = match &func {
            Value::Func(def) => def.attrs.borrow().get("__wrapped__").cloned(),
            Value::Object(o) if o.type_name() == "functools.partial" => {
                super::super::attr::get_attr(interp, &func, &Name::from("func")).ok()
            }
            _ => None,
        };
        match inner {
            Some(inner) => func = inner,
            None => break,
        }
    }
    if let Value::Func(def) = &func {
        if &*def.globals.name == "__main__" {
            text.push_str(&format!(" at main.py:{}", def.code.first_line));
        }
    }
    text
}

/// asyncio's `_format_callback`: a partial shows its function with its arguments, then the
/// call's.
fn format_callback(interp: &Interp, f: &Value, args: &[Value]) -> String {
    let get = |f: &Value, name: &str| super::super::attr::get_attr(interp, f, &Name::from(name)).ok();
    let (mut f, mut args, mut kw, mut suffix) = (f.clone(), args.to_vec(), Vec::new(), String::new());
    while matches!(&f, Value::Object(o) if o.type_name() == "functools.partial") {
        suffix = format_args(interp, &args, &kw) + &suffix;
        args = get(&f, "args").map(|a| ops::collect(interp, &a).unwrap_or_default()).unwrap_or_default();
        kw = get(&f, "keywords").map(|k| ops::mapping_items(interp, &k).unwrap_or_default()).unwrap_or_default();
        f = get(&f, "func").unwrap_or_default();
    }
    let named = |v: Option<Value>| match &v {
        Some(Value::Str(s)) if !s.is_empty() => Some(s.to_string()),
        _ => None,
    };
    // An instance has no `__qualname__` of its own in CPython (its class's is not found there).
    let name = match &f {
        Value::Instance(_) => None,
        _ => named(get(&f, "__qualname__")).or_else(|| named(get(&f, "__name__"))),
    };
    let name = name.unwrap_or_else(|| ops::repr(interp, &f).unwrap_or_default());
    name + &format_args(interp, &args, &kw) + &suffix
}

/// `(1, 'two', key=3)`, each value as `reprlib.repr` shows it.
fn format_args(interp: &Interp, args: &[Value], kw: &[(Value, Value)]) -> String {
    let mut items: Vec<String> = args.iter().map(|a| short_repr(interp, a, 6)).collect();
    for (k, v) in kw {
        items.push(format!("{}={}", ops::str_of(interp, k).unwrap_or_default(), short_repr(interp, v, 6)));
    }
    format!("({})", items.join(", "))
}

/// reprlib's cut: the first 13 and last 14 characters of `s` around `...`.
fn cut_middle(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out: String = chars.iter().take(13).collect();
    out.push_str("...");
    out.extend(&chars[chars.len().saturating_sub(14)..]);
    out
}

/// `reprlib.repr(v)` (its default limits: 30 characters for strings and other objects, 6 items
/// of a list, tuple or set, 4 of a dict, 6 levels deep).
fn short_repr(interp: &Interp, v: &Value, level: u32) -> String {
    let items = |v: &Value| ops::collect(interp, v).unwrap_or_default();
    let iterable = |items: Vec<Value>, left: &str, right: &str, trail: &str| {
        let n = items.len();
        let body = if level == 0 && n > 0 {
            "...".to_string()
        } else {
            let mut pieces: Vec<String> = items.iter().take(6).map(|x| short_repr(interp, x, level - 1)).collect();
            if n > 6 {
                pieces.push("...".into());
            }
            pieces.join(", ")
        };
        let right = if n == 1 { format!("{trail}{right}") } else { right.to_string() };
        format!("{left}{body}{right}")
    };
    // reprlib sorts a set's items and a dict's keys when it can.
    let possibly_sorted = |mut items: Vec<Value>| {
        let mut sorted = items.clone();
        if super::super::builtins::sort_values(interp, &mut sorted, None, None).is_ok() {
            items = sorted;
        }
        items
    };
    match v {
        Value::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let head: String = chars.iter().take(30).collect();
            let r = ops::repr(interp, &Value::str(&head)).unwrap_or_default();
            if r.chars().count() <= 30 {
                return r;
            }
            // `x[:13] + x[len(x)-14:]`, a negative start counting from the end as Python's.
            let n = chars.len();
            let start = if n >= 14 { n - 14 } else { n.saturating_sub(14 - n) };
            let kept: String = chars[..13.min(n)].iter().chain(&chars[start..]).collect();
            cut_middle(&ops::repr(interp, &Value::str(&kept)).unwrap_or_default())
        }
        Value::List(_) => iterable(items(v), "[", "]", ""),
        Value::Tuple(_) => iterable(items(v), "(", ")", ","),
        Value::Set(s) if s.borrow().items.is_empty() => "set()".into(),
        Value::Set(_) => iterable(possibly_sorted(items(v)), "{", "}", ""),
        Value::FrozenSet(s) if s.items.is_empty() => "frozenset()".into(),
        Value::FrozenSet(_) => iterable(possibly_sorted(items(v)), "frozenset({", "})", ""),
        Value::Dict(d) => {
            let n = d.borrow().len();
            if n == 0 {
                return "{}".into();
            }
            if level == 0 {
                return "{...}".into();
            }
            let keys = possibly_sorted(d.borrow().keys().cloned().collect());
            let mut pieces = Vec::new();
            for k in keys.iter().take(4) {
                let value = Key::new(k.clone()).and_then(|key| d.borrow().get(&key).cloned()).unwrap_or_default();
                pieces.push(format!("{}: {}", short_repr(interp, k, level - 1), short_repr(interp, &value, level - 1)));
            }
            if n > 4 {
                pieces.push("...".into());
            }
            format!("{{{}}}", pieces.join(", "))
        }
        Value::Int(_) | Value::Bool(_) => ops::repr(interp, v).unwrap_or_default(),
        _ => {
            let r = ops::repr(interp, v).unwrap_or_default();
            if r.chars().count() > 30 {
                cut_middle(&r)
            } else {
                r
            }
        }
    }
}

/// What asyncio's default exception handler does with its lines: `logger.error(lines,
/// exc_info=e)` on the `asyncio` logger. Through the program's logging once it has imported
/// it (so a `basicConfig` format or level applies), else bare on stderr, as logging's last
/// resort prints it.
fn log_error(interp: &Interp, lines: &str, e: Option<&PyErr>) {
    let exc_info = match e {
        Some(e) => {
            let value = e.value();
            Value::tuple(vec![Value::Class(interp.class_of(&value)), value, Value::None])
        }
        None => Value::None,
    };
    let at = ("asyncio/base_events.py", 1771, "default_exception_handler");
    if let Ok(true) = log_to_asyncio_logger(interp, 40, at, Value::str(lines), Value::tuple(vec![]), exc_info) {
        return;
    }
    let mut text = format!("{lines}\n");
    if let Some(e) = e {
        text.push_str(&traceback::format_exception_plain(interp, e));
    }
    interp.write(Stream::Stderr, &text);
}

/// A record of asyncio's own, made where CPython makes it (`at`: file, line, function) and
/// handled by the `asyncio` logger if it is enabled for `level`. `false` while the program
/// has not imported `logging`: nothing could show the record then.
fn log_to_asyncio_logger(
    interp: &Interp,
    level: i64,
    at: (&str, i64, &str),
    msg: Value,
    args: Value,
    exc_info: Value,
) -> R<bool> {
    use super::super::call::{call, call_method};
    let logging = interp.modules.borrow().get("logging").cloned();
    let Some(get_logger) = logging.and_then(|m| m.get("getLogger")) else { return Ok(false) };
    let args_of = |pos: Vec<Value>| Args { pos, kw: vec![] };
    let logger = call(interp, &get_logger, args_of(vec![Value::str("asyncio")]))?;
    let enabled = call_method(interp, &logger, &Name::from("isEnabledFor"), args_of(vec![Value::Int(level)]))?;
    if ops::truthy(interp, &enabled)? {
        let (path, line, func) = at;
        let fields = vec![
            Value::str("asyncio"),
            Value::Int(level),
            Value::str(path),
            Value::Int(line),
            msg,
            args,
            exc_info,
            Value::str(func),
        ];
        let record = call_method(interp, &logger, &Name::from("makeRecord"), args_of(fields))?;
        call_method(interp, &logger, &Name::from("handle"), args_of(vec![record]))?;
    }
    Ok(true)
}

impl Object for PyFuture {
    fn type_name(&self) -> &str {
        // The C type's full name, as CPython's messages give it ('_asyncio.Future' object is
        // not subscriptable); its repr says only `Future`.
        match self.kind {
            "Future" => "_asyncio.Future",
            kind => kind,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        Ok(future_repr(self.kind, &self.fut, result_repr(interp)))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            // `yield from fut.__await__()` in a generator `__await__`.
            "__await__" | "__iter__" => {
                |_, args| Ok(Value::object(coro::AwaitWrapper(args.pos.first().cloned().unwrap_or_default())))
            }
            "set_result" => |interp, args| {
                let f = self_of::<PyFuture>(interp, &args)?;
                if f.fut.done() {
                    return Err(interp.err("InvalidStateError", "invalid state"));
                }
                f.fut.set_result(obj(interp, args.pos.get(1).cloned().unwrap_or_default()));
                Ok(Value::None)
            },
            "set_exception" => |interp, args| {
                let f = self_of::<PyFuture>(interp, &args)?;
                if f.fut.done() {
                    return Err(interp.err("InvalidStateError", "invalid state"));
                }
                let e = ops::to_exception(interp, args.pos.get(1).cloned().unwrap_or_default())?;
                f.fut.set_exception(to_aio(interp, PyErr::Exc(e)));
                Ok(Value::None)
            },
            "result" => |interp, args| lift(interp, self_of::<PyFuture>(interp, &args)?.fut.result()).map(|o| o.value),
            "exception" => |interp, args| match lift(interp, self_of::<PyFuture>(interp, &args)?.fut.exception())? {
                Some(e) => Ok(from_aio(interp, e).value()),
                None => Ok(Value::None),
            },
            "done" => |interp, args| Ok(Value::Bool(self_of::<PyFuture>(interp, &args)?.fut.done())),
            "cancelled" => |interp, args| Ok(Value::Bool(self_of::<PyFuture>(interp, &args)?.fut.cancelled())),
            "cancel" => |interp, args| {
                let f = self_of::<PyFuture>(interp, &args)?;
                let msg = args.pos.get(1).map(|m| ops::str_of(interp, m)).transpose()?;
                Ok(Value::Bool(f.fut.cancel(msg.map(|m| Rc::from(m.as_str())))))
            },
            "add_done_callback" => |interp, args| {
                let fut = self_of::<PyFuture>(interp, &args)?.fut.clone();
                add_done_callback(
                    interp,
                    fut,
                    args.pos.first().cloned().unwrap_or_default(),
                    args.pos.get(1).cloned().unwrap_or_default(),
                );
                Ok(Value::None)
            },
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

/// `await` on a task or future.
/// CPython's `Task cannot await on itself` when `v` is the task running now: awaiting it would
/// wait forever for its own end (the program would stop as stuck, without a word).
pub fn awaiting_itself(interp: &Interp, v: &Value) -> Option<PyErr> {
    let t = v.downcast::<PyTask>()?;
    let (_, id) = current()?;
    (id == t.task.id()).then(|| match t.describe(interp) {
        Ok(repr) => interp.runtime_error(format!("Task cannot await on itself: {repr}")),
        // The repr ran the program's code (a result's `__repr__`), which raised: that error.
        Err(e) => e,
    })
}

pub fn awaitable(interp: &Interp, v: &Value) -> Option<R<BoxFuture>> {
    let (fut, wait) = if let Some(t) = v.downcast::<PyTask>() {
        let (fut, id, task) = (t.task.future().clone(), t.task.id(), v.clone());
        let weak = interp.this.clone();
        return Some(Ok(Box::pin(async move {
            let r = fut.wait(Wait::Join { task: id }).await;
            let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
            match task.downcast::<PyTask>() {
                Some(t) => t.outcome(&interp, r).map(|o| o.value),
                None => lift(&interp, r).map(|o| o.value),
            }
        })));
    } else if let Some(f) = v.downcast::<PyFuture>() {
        let wait = match current() {
            Some((rt, _)) if !f.gathered.is_empty() => {
                let pending = f.gathered.iter().filter(|c| !c.done()).count();
                Wait::Many { what: rt.text("gather"), pending: pending.min(u32::MAX as usize) as u32 }
            }
            _ => Wait::Future,
        };
        (f.fut.clone(), wait)
    } else if let Some(r) = v.downcast::<RunRequest>() {
        return Some(Ok(Box::pin(run_request(interp.rc(), r.coro.clone(), r.debug.clone()))));
    } else if let Some(r) = v.downcast::<LoopRunRequest>() {
        return Some(Ok(Box::pin(loop_run_request(interp.rc(), r.event_loop.clone(), r.aw.clone()))));
    } else if let Some(r) = v.downcast::<RunnerRunRequest>() {
        return Some(runner_run_request(interp, r));
    } else if let Some(r) = v.downcast::<RunnerCloseRequest>() {
        return Some(Ok(Box::pin(runner_close_request(interp.rc(), r.0.clone()))));
    } else {
        return None;
    };
    let weak = interp.this.clone();
    Some(Ok(Box::pin(async move {
        let r = fut.wait(wait).await;
        let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
        lift(&interp, r).map(|o| o.value)
    })))
}

/// A coroutine object as a toolbox coroutine: a task's, run in `context` (see [`task_context`]).
/// Its lane reads like the call that made it, or bears the name the program gave the task.
fn to_coro(interp: &Interp, v: &Value, context: Value, name: Option<&Name>) -> R<aio::Coro<PyObj>> {
    let Some(c) = v.downcast::<Coroutine>() else {
        return Err(interp.type_error(format!("a coroutine was expected, got {}", ops::repr(interp, v)?)));
    };
    let label = match name {
        Some(name) => name.to_string(),
        None => c.label(interp),
    };
    let function = c.name.clone();
    let fut = c.take(interp).ok_or_else(|| interp.runtime_error("cannot reuse already awaited coroutine"))?;
    let weak = interp.this.clone();
    Ok(aio::coro(label, async move {
        let Some(interp) = weak.upgrade() else { return Err(aio::Exception::cancelled()) };
        let r = Held { inner: fut, interp: interp.clone(), context }.await;
        r.map(|v| obj(&interp, v)).map_err(|e| to_aio(&interp, e))
    })
    .with_function(&function))
}

/// The `contextvars.Context` a new task runs in: a copy of the current one, as asyncio's
/// tasks take. None while the program has none (the task makes its own on first use).
fn task_context(interp: &Interp) -> R<Value> {
    let current = interp.context.borrow().clone();
    match current {
        Value::None => Ok(Value::None),
        ctx => {
            let copy = super::super::attr::get_attr(interp, &ctx, &Name::from("copy"))?;
            super::super::call::call(interp, &copy, Args::default())
        }
    }
}

/// Python frames under a task's coroutine in CPython 3.11 (see [`Held`]).
const ASYNCIO_FRAMES: u32 = 9;

/// Restarts the loop budget's clock each time the task is resumed: the budget is for one hold
/// (a step that paused for the browser and goes on is still the same hold).
/// The task's `contextvars.Context` is the current one while it runs.
struct Held {
    inner: BoxFuture,
    interp: Rc<Interp>,
    context: Value,
}

impl std::future::Future for Held {
    type Output = R<Value>;

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<R<Value>> {
        // A new hold begins (the clock is read when it is first measured: `Interp::hold_start`),
        // unless this is the step that paused going on.
        if !crate::runtime::going_on() {
            self.interp.hold_started.set(f64::NAN);
            self.interp.stretch_started.set(f64::NAN);
            self.interp.pause_wanted.set(false);
        }
        // In CPython a task's coroutine runs under asyncio's own Python frames (the module,
        // asyncio.run, the runner, run_until_complete, run_forever, _run_once, Handle._run),
        // which count toward the recursion limit: so they do here.
        let depth = self.interp.depth.get();
        self.interp.depth.set(depth + ASYNCIO_FRAMES);
        let context = std::mem::take(&mut self.context);
        let outside = self.interp.context.replace(context);
        let p = self.inner.as_mut().poll(cx);
        // Kept for the next step: the task may have made its context on this one.
        self.context = self.interp.context.replace(outside);
        self.interp.depth.set(depth);
        p
    }
}

/// Whether `v` is one of asyncio's own awaitables (a task, a future, a run request), which
/// [`awaitable`] takes.
pub fn is_awaitable_object(v: &Value) -> bool {
    v.downcast::<PyTask>().is_some()
        || v.downcast::<PyFuture>().is_some()
        || v.downcast::<RunRequest>().is_some()
        || v.downcast::<LoopRunRequest>().is_some()
        || v.downcast::<RunnerRunRequest>().is_some()
        || v.downcast::<RunnerCloseRequest>().is_some()
}

/// One turn of the loop for the task running (a bare `yield` in a generator an `__await__`
/// returned), as `asyncio.sleep(0)` gives one.
pub fn yield_once(interp: &Interp) -> R<BoxFuture> {
    let c = sleep(interp, Args { pos: vec![Value::Int(0)], ..Args::default() })?;
    coro::awaitable(interp, c)
}

/// The coroutine `v` stands for: `v` itself, or what an awaitable object's `__await__` hands
/// over (`return self._run().__await__()`, as aiohttp's `session.get(url)` does). asyncio wraps
/// such an object in a coroutine that awaits it; here the coroutine it hands over is the
/// task's own, so the task is labelled by it. (Its `__await__` runs when the task is made,
/// not on the task's first turn.) `None` for anything else.
fn coroutine_of(interp: &Interp, v: &Value) -> R<Option<Value>> {
    if v.downcast::<Coroutine>().is_some() {
        return Ok(Some(v.clone()));
    }
    let Value::Instance(_) = v else { return Ok(None) };
    let Some(method) = ops::special(interp, v, "__await__") else { return Ok(None) };
    let it = super::super::call::call(interp, &method, Args::default())?;
    if let Some(c) = it.downcast::<coro::AwaitWrapper>().map(|w| w.0.clone()) {
        if c.downcast::<Coroutine>().is_some() {
            return Ok(Some(c));
        }
        let fut = coro::awaitable(interp, c)?;
        return Ok(Some(coro::native(interp, "_wrap_awaitable", fut)));
    }
    if it.downcast::<Coroutine>().is_some() || is_awaitable_object(&it) {
        return Ok(None);
    }
    // An iterator (a generator `__await__`): asyncio's `_wrap_awaitable` coroutine awaits it.
    let fut = coro::awaited_iterator(interp, it)?;
    Ok(Some(coro::native(interp, "_wrap_awaitable", fut)))
}

/// `ensure_future`: a task or future for `v`; a coroutine (or an awaitable object's) becomes a
/// task now, with its Python object (so it has a name and `current_task()` finds it).
fn as_task_or_future(interp: &Interp, v: &Value) -> R<Awaitable<PyObj>> {
    if let Some(c) = coroutine_of(interp, v)? {
        let t = spawn(interp, &c, None, None)?;
        return to_awaitable(interp, &t);
    }
    to_awaitable(interp, v)
}

/// Anything asyncio functions accept: a coroutine or an awaitable object (wrapped in a task),
/// a task, a future.
fn to_awaitable(interp: &Interp, v: &Value) -> R<Awaitable<PyObj>> {
    if let Some(t) = v.downcast::<PyTask>() {
        return Ok(Awaitable::Task(t.task.clone()));
    }
    if let Some(f) = v.downcast::<PyFuture>() {
        return Ok(Awaitable::Fut(f.fut.clone()));
    }
    if let Some(c) = coroutine_of(interp, v)? {
        return Ok(Awaitable::Coro(to_coro(interp, &c, task_context(interp)?, None)?));
    }
    Err(interp.type_error("An asyncio.Future, a coroutine or an awaitable is required"))
}

/// The Python object for a toolbox task (`asyncio.current_task()` returns the same object
/// `create_task` did, while it is alive).
fn wrap_task(interp: &Interp, task: aio::Task<PyObj>, coro: Value, name: Option<Name>) -> Value {
    let made_outside = !loop_runs(interp);
    let (coro_name, coro_line, native) = coro
        .downcast::<Coroutine>()
        .map_or((Name::from("?"), 0, false), |c| (c.qualname.clone(), c.first_line(), c.is_native()));
    let site = if native { native_site(&coro_name) } else { None };
    let (coro_file, coro_line, native_wait_line) = match site {
        Some((file, defined, waits)) => (file, defined, Some(waits)),
        None => ("main.py", coro_line, None),
    };
    let n = interp.task_names.get() + 1;
    interp.task_names.set(n);
    let name = name.unwrap_or_else(|| Name::from(format!("Task-{n}")));
    let py = Rc::new(PyTask {
        task: task.clone(),
        name: RefCell::new(name.clone()),
        coro,
        coro_name: coro_name.clone(),
        coro_line,
        coro_file,
        native_wait_line,
        first_cb: Cell::new(None),
        cancel_taken: Cell::new(false),
        made_outside,
    });
    TASKS.with(|t| t.borrow_mut().insert(task.id(), Rc::downgrade(&py)));
    // A pending task is referenced by the loop (as in CPython), so current_task() and
    // all_tasks() find its object even if the program kept none.
    // By spawn number (a task id is a run's own: `asyncio.run` twice counts from 0 again), so
    // a task's end does not search the others: ten thousand tasks ending made it quadratic.
    PENDING.with(|p| p.borrow_mut().insert(n, py.clone()));
    task.future().add_done_callback(move |_| {
        let gone = PENDING.with(|p| p.borrow_mut().remove(&n));
        drop(gone);
    });
    // "Task exception was never retrieved", when the last reference to a failed task goes.
    let weak_interp = interp.this.clone();
    task.future().on_lost(move |e| {
        let Some(interp) = weak_interp.upgrade() else { return };
        let err = from_aio(&interp, e.clone());
        // Interleave stopped the program: that is said once, as how it ended.
        if matches!(err, PyErr::Stop(_)) {
            return;
        }
        let lines = || {
            let repr = ops::repr(&interp, &err.value()).unwrap_or_default();
            format!(
                "Task exception was never retrieved\nfuture: <Task finished name='{name}' coro=<{coro_name}() done, defined at {coro_file}:{coro_line}> exception={repr}>"
            )
        };
        report_to_loop(&interp, "Task exception was never retrieved", &err, &lines);
    });
    Value::Object(py)
}

thread_local! {
    /// Python task objects by task, while alive (for `current_task()`). Maps by id, in the
    /// order tasks were made: a gather of 100k tasks looks each up, and each ends, in log time.
    static TASKS: RefCell<BTreeMap<TaskId, Weak<PyTask>>> = const { RefCell::new(BTreeMap::new()) };
    /// Tasks pending when their loop was closed (`loop.close()`), in the order they were made.
    static ORPHANED: RefCell<Vec<Rc<PyTask>>> = const { RefCell::new(Vec::new()) };
    /// Task objects of tasks still running.
    static PENDING: RefCell<std::collections::BTreeMap<u64, Rc<PyTask>>> =
        const { RefCell::new(std::collections::BTreeMap::new()) };
}

/// The end of the program: a task still pending on a loop that was closed is lost (nothing
/// will ever run it), and CPython's collector finds it at exit and says so. Those made while a
/// loop ran come in the order they were made, their coroutines closed first; those made at the
/// top level after, last made first, the first one's coroutine still running (the order the
/// collector finds them in, seen in CPython 3.11). Their coroutines' `finally` blocks do not
/// run here (README).
pub fn report_lost_tasks(interp: &Interp) {
    let lost = ORPHANED.with(|o| std::mem::take(&mut *o.borrow_mut()));
    let pending = |t: &&Rc<PyTask>| !t.task.future().done();
    let inside = lost.iter().filter(pending).filter(|t| !t.made_outside);
    let outside: Vec<&Rc<PyTask>> = lost.iter().filter(pending).filter(|t| t.made_outside).collect();
    let first_outside = outside.first().map(|t| Rc::as_ptr(t));
    let order =
        inside.map(|t| (t, true)).chain(outside.iter().rev().map(|t| (*t, Some(Rc::as_ptr(t)) != first_outside)));
    for (task, closed) in order {
        let repr = task.describe_as(interp, closed).unwrap_or_default();
        log_error(interp, &format!("Task was destroyed but it is pending!\ntask: {repr}"), None);
    }
}

/// Forgets the task objects (and the default executor) of a finished program.
pub fn reset() {
    super::super::thread::reset();
    TASKS.with(|t| t.borrow_mut().clear());
    ORPHANED.with(|o| o.borrow_mut().clear());
    let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    drop(pending);
}

/// `create_task(coro, name=…, context=…)` (asyncio's, a loop's or a TaskGroup's): a Python
/// task object. `args` are the call's, the coroutine at `at`.
pub fn spawn_task(interp: &Interp, args: &Args, at: usize) -> R<Value> {
    let name = kw(args, "name").filter(|v| !v.is_none()).map(|v| ops::str_of(interp, v).map(Name::from)).transpose()?;
    let context = kw(args, "context").filter(|v| !v.is_none()).cloned();
    spawn(interp, args.pos.get(at).unwrap_or(&Value::None), name, context)
}

/// A task object's id and result future.
pub fn task_future(v: &Value) -> Option<(TaskId, Fut<PyObj>)> {
    v.downcast::<PyTask>().map(|t| (t.task.id(), t.task.future().clone()))
}

/// A new task running `coro_value` in `context` (a copy of the current context when None).
fn spawn(interp: &Interp, coro_value: &Value, name: Option<Name>, context: Option<Value>) -> R<Value> {
    let (rt, me) = event_loop(interp)?;
    if rt.task_count() >= interp.limits.tasks {
        return Err(interp.runtime_error(format!("too many tasks: Interleave's limit is {}", interp.limits.tasks)));
    }
    let context = match context {
        Some(c) => c,
        None => task_context(interp)?,
    };
    let coro = to_coro(interp, coro_value, context, name.as_ref())?;
    let task = aio::spawn_on(&rt, Some(me), coro);
    Ok(wrap_task(interp, task, coro_value.clone(), name))
}

// ----- asyncio.run -------------------------------------------------------------------------

/// `asyncio.run(main())` made at the program's top level: the driver awaits it.
pub struct RunRequest {
    coro: Value,
    /// `debug=…` (not None): what the loop's `get_debug()` answers (nothing else changes:
    /// README).
    debug: Option<Value>,
}

impl Object for RunRequest {
    fn type_name(&self) -> &str {
        "asyncio.run"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `loop.run_until_complete(aw)` (or `run_forever()`, without `aw`) made at the program's top
/// level: the driver awaits it, as it does `asyncio.run`.
pub struct LoopRunRequest {
    event_loop: Value,
    aw: Option<Value>,
}

impl Object for LoopRunRequest {
    fn type_name(&self) -> &str {
        "loop.run_until_complete"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A loop that the call in a copy of the program (a `to_thread` worker's) runs, as a thread
/// may run one of its own (`asyncio.run` inside the function): while it runs, the copy has a
/// running loop.
struct ThreadLoop<'a>(&'a Interp);

impl<'a> ThreadLoop<'a> {
    fn enter(interp: &'a Interp) -> Option<ThreadLoop<'a>> {
        (interp.copy.get() == CopyPhase::Call).then(|| {
            interp.copy.set(CopyPhase::Loop);
            ThreadLoop(interp)
        })
    }
}

impl Drop for ThreadLoop<'_> {
    fn drop(&mut self) {
        self.0.copy.set(CopyPhase::Call);
    }
}

/// `runner.run(coro, context=…)` made at the program's top level: the driver awaits it.
pub struct RunnerRunRequest {
    runner: Value,
    coro: Value,
    context: Option<Value>,
}

impl Object for RunnerRunRequest {
    fn type_name(&self) -> &str {
        "Runner.run"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `runner.close()` (or `__exit__`) made at the program's top level: the driver awaits it.
pub struct RunnerCloseRequest(Value);

impl Object for RunnerCloseRequest {
    fn type_name(&self) -> &str {
        "Runner.close"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Marks the calls the driver runs itself: `asyncio.run`, a loop's `run_until_complete` and
/// `run_forever`, and an `asyncio.Runner`'s `run` and `close` (and `__exit__`, which is its
/// `close`). Top-level calls of them suspend the program while the loop runs.
pub fn is_run(f: &Value) -> bool {
    let Value::Builtin(b) = f else { return false };
    [run as BuiltinFn, loop_run_until_complete, loop_run_forever, runner_run, runner_close]
        .iter()
        .any(|g| b.f as usize == *g as usize)
}

/// What the driver awaits for a call that [`is_run`] says it runs.
pub fn run_request_value(callee: &Value, args: Args) -> Value {
    let Value::Builtin(b) = callee else { return Value::None };
    let mut pos = args.pos.into_iter();
    if b.f as usize == run as BuiltinFn as usize {
        let debug = args.kw.iter().find(|(k, v)| &**k == "debug" && !v.is_none()).map(|(_, v)| v.clone());
        return Value::object(RunRequest { coro: pos.next().unwrap_or_default(), debug });
    }
    if b.f as usize == runner_run as BuiltinFn as usize {
        let context = args.kw.into_iter().find(|(k, _)| &**k == "context").map(|(_, v)| v).filter(|v| !v.is_none());
        let runner = b.bound.clone().unwrap_or_default();
        return Value::object(RunnerRunRequest { runner, coro: pos.next().unwrap_or_default(), context });
    }
    if b.f as usize == runner_close as BuiltinFn as usize {
        return Value::object(RunnerCloseRequest(b.bound.clone().unwrap_or_default()));
    }
    // A loop's method, bound to the loop.
    let event_loop = b.bound.clone().unwrap_or_default();
    let aw = (b.f as usize == loop_run_until_complete as BuiltinFn as usize).then(|| pos.next().unwrap_or_default());
    Value::object(LoopRunRequest { event_loop, aw })
}

/// The driver's side of `loop.run_until_complete(aw)` and `loop.run_forever()`.
async fn loop_run_request(interp: Rc<Interp>, event_loop: Value, aw: Option<Value>) -> R<Value> {
    if event_loop.downcast::<Loop>().is_some_and(|l| l.closed.get()) {
        return Err(refused(&interp, "Event loop is closed", aw.as_ref()));
    }
    let _thread_loop = ThreadLoop::enter(&interp);
    let (rt, _) = current().ok_or_else(|| interp.runtime_error("no run"))?;
    install_handler(&interp, &rt);
    drop(rt);
    *interp.loop_object.borrow_mut() = Some(event_loop);
    let Some(aw) = aw else {
        aio::run_forever().await;
        return Ok(Value::None);
    };
    let fut = match as_task_or_future(&interp, &aw)? {
        Awaitable::Task(t) => t.future().clone(),
        Awaitable::Fut(f) => f,
        Awaitable::Coro(_) => {
            return Err(interp.type_error("An asyncio.Future, a coroutine or an awaitable is required"))
        }
    };
    aio::run_until_complete(Box::new(fut.clone())).await;
    if !fut.done() {
        return Err(interp.runtime_error("Event loop stopped before Future completed."));
    }
    lift(&interp, fut.result()).map(|o| o.value)
}

async fn run_request(interp: Rc<Interp>, coro_value: Value, debug: Option<Value>) -> R<Value> {
    if coro_value.downcast::<Coroutine>().is_none() {
        return Err(interp.value_error(format!("a coroutine was expected, got {}", ops::repr(&interp, &coro_value)?)));
    }
    let coro = to_coro(&interp, &coro_value, task_context(&interp)?, None)?;
    let _thread_loop = ThreadLoop::enter(&interp);
    let (rt, _) = current().ok_or_else(|| interp.runtime_error("no run"))?;
    install_handler(&interp, &rt);
    // asyncio.run makes a loop of its own, the current one while it runs, closed after.
    let own_loop = new_loop(&interp)?;
    if let (Some(l), Some(debug)) = (own_loop.downcast::<Loop>(), debug) {
        *l.debug.borrow_mut() = debug;
    }
    *interp.loop_object.borrow_mut() = Some(own_loop.clone());
    interp.loop_set.set(true);
    // The main task's Python object exists for current_task() inside it.
    let main_task = std::cell::RefCell::new(None);
    // The tasks left when the main task ends, which the shutdown cancels (asyncio's
    // `to_cancel`), kept until it has reported any that failed.
    let left: Rc<RefCell<Vec<Rc<PyTask>>>> = Rc::default();
    let result = aio::asyncio_run_with(coro, |task| {
        let main = wrap_task(&interp, task.clone(), coro_value.clone(), None);
        if let Some(t) = main.downcast::<PyTask>() {
            t.first_cb.set(Some(RUN_UNTIL_COMPLETE_CB));
        }
        *main_task.borrow_mut() = Some(main);
        let left = left.clone();
        task.future().add_done_callback(move |_| *left.borrow_mut() = pending_objects());
    })
    .await;
    drop(main_task);
    // The tasks cancelled go as `_cancel_all_tasks` returns (with the coroutines never awaited
    // their cancelled frames held).
    interp.in_cancel_all_tasks.set(true);
    drop(left);
    interp.in_cancel_all_tasks.set(false);
    // asyncio.run's shutdown runs two coroutines as tasks (shutdown_asyncgens and
    // shutdown_default_executor): they take the next two task names.
    interp.task_names.set(interp.task_names.get() + 2);
    super::super::thread::shutdown_default_executor();
    if let Some(l) = own_loop.downcast::<Loop>() {
        l.closed.set(true);
    }
    interp.loop_object.borrow_mut().take();
    lift(&interp, result).map(|o| o.value)
}

// ----- asyncio.Runner ----------------------------------------------------------------------

/// `asyncio.Runner` (3.11): one loop for several runs, made on first use; each run's main
/// task runs in the runner's context, so what one run sets the next one sees.
#[derive(Default)]
struct Runner {
    state: Cell<RunnerState>,
    event_loop: RefCell<Value>,
    context: RefCell<Value>,
}

#[derive(Clone, Copy, Default, PartialEq)]
enum RunnerState {
    #[default]
    Created,
    Initialized,
    Closed,
}

impl Runner {
    /// Runner._lazy_init: the loop, made the current one, and a copy of the current context.
    fn init(&self, interp: &Interp) -> R<()> {
        match self.state.get() {
            RunnerState::Closed => return Err(interp.runtime_error("Runner is closed")),
            RunnerState::Initialized => return Ok(()),
            RunnerState::Created => {}
        }
        let event_loop = new_loop(interp)?;
        *interp.loop_object.borrow_mut() = Some(event_loop.clone());
        interp.loop_set.set(true);
        *self.event_loop.borrow_mut() = event_loop;
        let copy_context = match &super::super::call::import_module(interp, "contextvars")? {
            Value::Module(m) => m.get("copy_context").unwrap_or_default(),
            _ => Value::None,
        };
        *self.context.borrow_mut() = super::super::call::call(interp, &copy_context, Args::default())?;
        self.state.set(RunnerState::Initialized);
        Ok(())
    }

    /// Runner.close once its tasks are cancelled (and, from the driver, have finished).
    fn close(&self, interp: &Interp) -> R<()> {
        if self.state.get() != RunnerState::Initialized {
            return Ok(());
        }
        if loop_runs(interp) {
            return Err(interp.runtime_error("Cannot close a running event loop"));
        }
        // Runner.close runs two coroutines as tasks (shutdown_asyncgens and
        // shutdown_default_executor): they take the next two task names.
        interp.task_names.set(interp.task_names.get() + 2);
        super::super::thread::shutdown_default_executor();
        let event_loop = self.event_loop.take();
        if let Some(l) = event_loop.downcast::<Loop>() {
            l.closed.set(true);
        }
        let mut current_loop = interp.loop_object.borrow_mut();
        if current_loop.as_ref().is_some_and(|l| l.is(&event_loop)) {
            *current_loop = None;
        }
        self.state.set(RunnerState::Closed);
        Ok(())
    }
}

impl Object for Runner {
    fn type_name(&self) -> &str {
        "Runner"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "run" => runner_run,
            "__enter__" => |interp, args| {
                self_of::<Runner>(interp, &args)?.init(interp)?;
                Ok(args.pos[0].clone())
            },
            "__exit__" | "close" => runner_close,
            "get_loop" => |interp, args| {
                let runner = self_of::<Runner>(interp, &args)?;
                runner.init(interp)?;
                Ok(runner.event_loop.borrow().clone())
            },
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

/// `runner.run(coro)` called anywhere but the top level (where the driver intercepts it).
fn runner_run(interp: &Interp, args: Args) -> R<Value> {
    if loop_runs(interp) {
        return Err(refused(interp, "Runner.run() cannot be called from a running event loop", args.pos.get(1)));
    }
    Err(refused(
        interp,
        "Interleave runs runner.run() from the program's top level, or from a plain function that the top level calls as a statement of its own: call it that way",
        args.pos.get(1),
    ))
}

/// `runner.close()` (or leaving `with asyncio.Runner()`) where the driver does not run it: the
/// loop cannot run from here, so the tasks still pending are cancelled and finish when a loop
/// next runs (CPython's Runner.close runs the loop until they have finished; the driver's
/// [`runner_close_request`] does).
fn runner_close(interp: &Interp, args: Args) -> R<Value> {
    let runner = self_of::<Runner>(interp, &args)?;
    if runner.state.get() == RunnerState::Initialized && !loop_runs(interp) {
        if let Some((rt, _)) = current() {
            cancel_pending(&rt);
        }
    }
    runner.close(interp)?;
    Ok(Value::None)
}

/// The driver's side of `runner.close()`: Runner.close's `_cancel_all_tasks` (every pending
/// task cancelled, the loop run until all have finished), then the runner closed.
async fn runner_close_request(interp: Rc<Interp>, runner: Value) -> R<Value> {
    let r = runner.downcast::<Runner>().ok_or_else(|| interp.type_error("not a Runner"))?;
    if r.state.get() == RunnerState::Initialized && !loop_runs(&interp) {
        let _thread_loop = ThreadLoop::enter(&interp);
        let (rt, _) = current().ok_or_else(|| interp.runtime_error("no run"))?;
        install_handler(&interp, &rt);
        *interp.loop_object.borrow_mut() = Some(r.event_loop.borrow().clone());
        // Kept until any that fails is reported, as asyncio's `to_cancel` keeps them.
        let objects = pending_objects();
        let cancelled = cancel_pending(&rt);
        if !cancelled.is_empty() {
            // gather(*cancelled, return_exceptions=True): done when the last one is.
            let all = Fut::<()>::on(rt.downgrade());
            let left = Rc::new(Cell::new(cancelled.len()));
            for (_, task) in &cancelled {
                let (all, left) = (all.clone(), left.clone());
                task.on_done(Box::new(move || {
                    left.set(left.get().saturating_sub(1));
                    if left.get() == 0 && !all.done() {
                        all.set_result(());
                    }
                }));
            }
            drop(rt);
            aio::run_until_complete(Box::new(all)).await;
            if let Some((rt, _)) = current() {
                for (id, task) in &cancelled {
                    if let Some(e) = task.failure().filter(|_| !task.cancelled()) {
                        rt.call_exception_handler("unhandled exception during asyncio.run() shutdown", Some(*id), &e);
                    }
                }
            }
        }
        drop(objects);
    }
    r.close(&interp)?;
    Ok(Value::None)
}

/// The Python objects of the tasks still pending.
fn pending_objects() -> Vec<Rc<PyTask>> {
    PENDING.with(|p| p.borrow().values().cloned().collect())
}

/// Cancels every task still pending (as `asyncio.run` cancels those its main task left);
/// returns them.
fn cancel_pending(rt: &Runtime) -> Vec<(TaskId, Box<dyn aio::AnyFut>)> {
    let pending: Vec<(TaskId, Box<dyn aio::AnyFut>)> =
        rt.pending_tasks().into_iter().filter_map(|id| aio::task::task_future(rt, id).map(|f| (id, f))).collect();
    for (_, task) in &pending {
        task.cancel_as(None, CancelledBy::RunEnd);
    }
    pending
}

/// The driver's side of `runner.run(coro)`: Runner.run's checks, then its main task on the
/// runner's loop, run until it is done.
fn runner_run_request(interp: &Interp, r: &RunnerRunRequest) -> R<BoxFuture> {
    if r.coro.downcast::<Coroutine>().is_none() {
        return Err(interp.value_error(format!("a coroutine was expected, got {}", ops::repr(interp, &r.coro)?)));
    }
    let runner = r.runner.downcast::<Runner>().ok_or_else(|| interp.type_error("not a Runner"))?;
    runner.init(interp)?;
    let context = r.context.clone().unwrap_or_else(|| runner.context.borrow().clone());
    let task = spawn(interp, &r.coro, None, Some(context))?;
    let event_loop = runner.event_loop.borrow().clone();
    Ok(Box::pin(loop_run_request(interp.rc(), event_loop, Some(task))))
}

/// asyncio's default exception handler: reports go to stderr, as CPython's logger prints them.
fn install_handler(interp: &Interp, rt: &Runtime) {
    let weak = interp.this.clone();
    rt.set_exception_handler(Rc::new(move |message, task, exc| {
        let Some(interp) = weak.upgrade() else { return };
        let Some(e) = exc.downcast_ref::<aio::Exception>() else { return };
        let err = from_aio(&interp, e.clone());
        // The task it is about, on a line of its own as CPython's handler writes it (while
        // its Python object lives: the shutdowns keep theirs, see `pending_objects`).
        let task = task.and_then(|id| TASKS.with(|t| t.borrow().get(&id).and_then(Weak::upgrade)));
        match task {
            Some(t) => {
                let task = t.describe(&interp).unwrap_or_default();
                log_error(&interp, &format!("{message}\ntask: {task}"), Some(&err))
            }
            None => log_error(&interp, message, Some(&err)),
        }
    }));
}

/// `asyncio.run(coro)` called anywhere but the top level (where the driver intercepts it).
fn run(interp: &Interp, args: Args) -> R<Value> {
    if interp.copy.get() == CopyPhase::TopLevel {
        // A copy of the program (a to_thread worker) only needs its definitions.
        if let Some(c) = args.pos.first().and_then(|c| c.downcast::<Coroutine>()) {
            c.close();
        }
        interp.copy_skipped_run.set(true);
        return Ok(Value::None);
    }
    if loop_runs(interp) {
        return Err(refused(interp, "asyncio.run() cannot be called from a running event loop", args.pos.first()));
    }
    Err(interp.runtime_error(
        "Interleave runs asyncio.run() from the program's top level, or from a plain function that the top level calls as a statement of its own (main() on its own line, or x = main()): call this function that way",
    ))
}

// ----- module functions --------------------------------------------------------------------

fn kw<'a>(args: &'a Args, name: &str) -> Option<&'a Value> {
    args.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

fn seconds(interp: &Interp, v: &Value) -> R<f64> {
    ops::to_f64(interp, v).map_err(|_| {
        interp.type_error(format!("'<=' not supported between instances of '{}' and 'int'", v.type_name()))
    })
}

fn sleep(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "sleep", 1, 2)?;
    let secs = seconds(interp, &args.pos[0])?;
    let whole = matches!(args.pos[0], Value::Int(_) | Value::BigInt(_) | Value::Bool(_));
    let result = args.pos.get(1).or_else(|| kw(&args, "result")).cloned().unwrap_or_default();
    let weak = interp.this.clone();
    let result = obj(interp, result);
    Ok(coro::native(interp, "sleep", async move {
        let r = aio::sleep_result(secs, result).asked_whole(whole).await;
        let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
        lift(&interp, r).map(|o| o.value)
    }))
}

fn create_task(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "create_task", 1, 1)?;
    // Unlike gather and ensure_future, asyncio.create_task needs a running loop. (Its frame,
    // in CPython, keeps the coroutine as long as the error.)
    running(interp).map_err(|e| coro::hold_in(e, args.pos[0].clone()))?;
    spawn_task(interp, &args, 0)
}

fn ensure_future(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "ensure_future", 1, 1)?;
    let v = &args.pos[0];
    if v.downcast::<PyTask>().is_some() || v.downcast::<PyFuture>().is_some() {
        return Ok(v.clone());
    }
    match coroutine_of(interp, v)? {
        Some(c) => spawn(interp, &c, None, None),
        None => Err(interp.type_error("An asyncio.Future, a coroutine or an awaitable is required")),
    }
}

fn gather(interp: &Interp, args: Args) -> R<Value> {
    let return_exceptions = match kw(&args, "return_exceptions") {
        Some(v) => ops::truthy(interp, v)?,
        None => false,
    };
    event_loop(interp)?;
    let aws = args
        .pos
        .iter()
        .map(|v| {
            // gather looks each argument up in a dict first: `gather([c1, c2])` (a list, the
            // `*` forgotten) fails there, as "unhashable type: 'list'".
            if matches!(v, Value::List(_) | Value::Dict(_) | Value::Set(_)) {
                // gather's frame in the traceback keeps the list (and the coroutines in it,
                // reported never awaited only when it goes).
                ops::key(interp, v.clone()).map_err(|e| coro::hold_in(e, v.clone()))?;
            }
            as_task_or_future(interp, v)
        })
        .collect::<R<Vec<_>>>()?;
    let weak = interp.this.clone();
    // The list is made in gather's own last callback, so awaiting it takes asyncio's turns.
    let convert: Rc<dyn Fn(Vec<aio::PyResult<PyObj>>) -> PyObj> = Rc::new(move |results| {
        let Some(interp) = weak.upgrade() else { return PyObj { value: Value::None, interp: Weak::new() } };
        let values = results
            .into_iter()
            .map(|r| match r {
                Ok(v) => v.value,
                // gather puts `CancelledError(msg or '')` in a cancelled child's place.
                Err(e) if e.is_cancelled() => {
                    Value::Instance(interp.new_exc(&interp.types.exc("CancelledError"), vec![Value::str(e.message())]))
                }
                Err(e) => from_aio(&interp, e).value(),
            })
            .collect();
        obj(&interp, Value::list(values))
    });
    for aw in &aws {
        if let Awaitable::Task(t) = aw {
            if let Some(py) = TASKS.with(|m| m.borrow().get(&t.id()).and_then(Weak::upgrade)) {
                note_first_callback(&Value::Object(py), GATHER_CB);
            }
        }
    }
    let (fut, gathered) = aio::gather_to(aws, return_exceptions, convert);
    Ok(Value::object(PyFuture { kind: fut.class(), fut, gathered }))
}

fn wait_for(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "wait_for", 1, 2)?;
    let timeout = match args.pos.get(1).or_else(|| kw(&args, "timeout")) {
        Some(Value::None) | None => None,
        Some(v) => Some(seconds(interp, v)?),
    };
    // wait_for makes its task when awaited (a coroutine object does nothing before).
    let target = args.pos[0].clone();
    let weak = interp.this.clone();
    Ok(coro::native(interp, "wait_for", async move {
        let aw = {
            let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
            if timeout.is_none() {
                to_awaitable(&interp, &target)?
            } else {
                as_task_or_future(&interp, &target)?
            }
        };
        // A task the program passed is kept, to take its CancelledError as CPython does.
        let task = target.downcast::<PyTask>().is_some().then(|| target.clone());
        drop(target);
        let inner = match &aw {
            Awaitable::Task(t) => Some(t.future().clone()),
            Awaitable::Fut(f) => Some(f.clone()),
            Awaitable::Coro(_) => None,
        };
        let r = aio::wait_for(aw, timeout).await;
        let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
        match r {
            // The toolbox's own TimeoutError (one the awaitable raised has its payload).
            Err(e) if e.kind() == "TimeoutError" && e.payload().is_none() => {
                Err(timed_out(&interp, inner.and_then(|f| f.peek()), task.as_ref()))
            }
            r => lift(&interp, r).map(|o| o.value),
        }
    }))
}

/// wait_for's `raise exceptions.TimeoutError() from exc`, `exc` being the CancelledError that
/// ended what it waited for (taken from it, as `fut.result()` takes a task's).
fn timed_out(interp: &Interp, ended: Option<aio::PyResult<PyObj>>, task: Option<&Value>) -> PyErr {
    let timeout = interp.new_exc(&interp.types.exc("TimeoutError"), vec![]);
    let cancelled = match (ended, task.and_then(|t| t.downcast::<PyTask>())) {
        (Some(Err(e)), Some(t)) => t.outcome::<()>(interp, Err(e)).err(),
        (Some(Err(e)), None) => Some(from_aio(interp, e)),
        _ => None,
    };
    if let (Some(PyErr::Exc(cause)), Some(data)) = (cancelled, &timeout.exc) {
        let mut d = data.borrow_mut();
        d.cause = Some(Value::Instance(cause.clone()));
        d.context = Some(Value::Instance(cause));
        d.suppress_context = true;
    }
    PyErr::Exc(timeout)
}

fn wait(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "wait", 1, 1)?;
    let items = ops::collect(interp, &args.pos[0])?;
    let timeout = match kw(&args, "timeout") {
        Some(Value::None) | None => None,
        Some(v) => Some(seconds(interp, v)?),
    };
    let return_when = match kw(&args, "return_when") {
        Some(Value::Str(s)) => match &**s {
            "FIRST_COMPLETED" => ReturnWhen::FirstCompleted,
            "FIRST_EXCEPTION" => ReturnWhen::FirstException,
            "ALL_COMPLETED" => ReturnWhen::AllCompleted,
            other => return Err(interp.value_error(format!("Invalid return_when value: {other}"))),
        },
        Some(other) => {
            return Err(interp.value_error(format!("Invalid return_when value: {}", ops::repr(interp, other)?)))
        }
        None => ReturnWhen::AllCompleted,
    };
    if items.is_empty() {
        return Err(interp.value_error("Set of Tasks/Futures is empty."));
    }
    let mut futs = Vec::new();
    for v in &items {
        if v.downcast::<Coroutine>().is_some() {
            let e = interp.type_error("Passing coroutines is forbidden, use tasks explicitly.");
            return Err(coro::hold_in(e, args.pos[0].clone()));
        }
        match to_awaitable(interp, v)? {
            Awaitable::Task(t) => futs.push(t.future().clone()),
            Awaitable::Fut(f) => futs.push(f),
            Awaitable::Coro(_) => {
                return Err(interp.type_error("Passing coroutines is forbidden, use tasks explicitly."))
            }
        }
    }
    let weak = interp.this.clone();
    Ok(coro::native(interp, "wait", async move {
        let r = aio::wait_futures(&futs, timeout, return_when).await;
        let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
        let (done, pending) = lift(&interp, r)?;
        let set_of = |ix: Vec<usize>| -> R<Value> {
            let mut s = Set::new();
            for i in ix {
                s.items.insert(ops::key(&interp, items[i].clone())?);
            }
            Ok(Value::Set(Rc::new(RefCell::new(s))))
        };
        Ok(Value::tuple(vec![set_of(done)?, set_of(pending)?]))
    }))
}

/// The iterator `as_completed` returns: each item a coroutine giving the next result.
struct AsCompletedIter(RefCell<aio::AsCompleted<PyObj>>);

impl Object for AsCompletedIter {
    fn type_name(&self) -> &str {
        "generator"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter(&self, _interp: &Interp, this: &Value) -> Option<R<Value>> {
        Some(Ok(this.clone()))
    }
    fn next(&self, interp: &Interp) -> Option<R<Option<Value>>> {
        let next = self.0.borrow_mut().next();
        Some(Ok(next.map(|c| {
            let weak = interp.this.clone();
            coro::native(interp, "_wait_for_one", async move {
                let r = c.await;
                let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
                lift(&interp, r).map(|o| o.value)
            })
        })))
    }
}

fn as_completed(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "as_completed", 1, 1)?;
    running(interp)?;
    let timeout = match kw(&args, "timeout") {
        Some(Value::None) | None => None,
        Some(v) => Some(seconds(interp, v)?),
    };
    let aws =
        ops::collect(interp, &args.pos[0])?.iter().map(|v| as_task_or_future(interp, v)).collect::<R<Vec<_>>>()?;
    Ok(Value::object(AsCompletedIter(RefCell::new(aio::as_completed_within(aws, timeout)))))
}

fn shield(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "shield", 1, 1)?;
    running(interp)?;
    if let Some(t) = args.pos[0].downcast::<PyTask>() {
        if t.task.done() {
            return Ok(args.pos[0].clone());
        }
    }
    let aw = as_task_or_future(interp, &args.pos[0])?;
    Ok(future_value(aio::shield(aw), "Future"))
}

fn current_task(interp: &Interp, _args: Args) -> R<Value> {
    let (_, id) = running(interp)?;
    if id == TaskId::OUTSIDE {
        // A callback of the running loop: no task is running.
        return Ok(Value::None);
    }
    Ok(TASKS.with(|t| t.borrow().get(&id).and_then(Weak::upgrade)).map_or(Value::None, |p| Value::Object(p)))
}

fn all_tasks(interp: &Interp, _args: Args) -> R<Value> {
    let (rt, _) = running(interp)?;
    let pending = rt.pending_tasks();
    let mut s = Set::new();
    TASKS.with(|t| {
        for (id, w) in t.borrow().iter() {
            if pending.contains(id) {
                if let Some(p) = w.upgrade() {
                    if let Some(k) = Key::new(Value::Object(p)) {
                        s.items.insert(k);
                    }
                }
            }
        }
    });
    Ok(Value::Set(Rc::new(RefCell::new(s))))
}

fn iscoroutine(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "iscoroutine", 1, 1)?;
    Ok(Value::Bool(args.pos[0].downcast::<Coroutine>().is_some()))
}

fn iscoroutinefunction(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "iscoroutinefunction", 1, 1)?;
    Ok(Value::Bool(is_coroutine_function(interp, &args.pos[0])))
}

/// As inspect's: a bound method is its function's, and a partial its function's.
fn is_coroutine_function(interp: &Interp, f: &Value) -> bool {
    let mut f = f.clone();
    for _ in 0..100 {
        let inner = match &f {
            Value::Func(f) => return f.code.kind == super::super::ir::CodeKind::Coroutine,
            // asyncio's own coroutine functions, and its objects' coroutine methods
            // (`queue.get`), are native here.
            Value::Builtin(b) => {
                return match &b.bound {
                    None => b.python && matches!(&*b.name, "sleep" | "wait_for" | "wait" | "to_thread"),
                    Some(this) => matches!(
                        (&*this.type_name(), &*b.name),
                        ("Queue", "get" | "put" | "join")
                            | ("Lock" | "Semaphore" | "BoundedSemaphore", "acquire")
                            | ("Event", "wait")
                            | ("Condition", "acquire" | "wait" | "wait_for")
                    ),
                }
            }
            Value::Method(m) => m.func.clone(),
            Value::Object(o) if o.type_name() == "functools.partial" => {
                match super::super::attr::get_attr(interp, &f, &Name::from("func")) {
                    Ok(inner) => inner,
                    Err(_) => return false,
                }
            }
            _ => return false,
        };
        f = inner;
    }
    false
}

// ----- the loop object ---------------------------------------------------------------------

/// An event loop object (`get_running_loop()`, `get_event_loop()`, `new_event_loop()`): its
/// clock and scheduling calls, and the old-style `run_until_complete` / `run_forever`. Every
/// one runs on the program's runtime; what sets one apart is whether it was closed.
#[derive(Default)]
struct Loop {
    closed: Cell<bool>,
    /// The signals `add_signal_handler` was given (and not yet removed).
    signals: RefCell<BTreeSet<i64>>,
    /// What `set_exception_handler` gave it.
    handler: RefCell<Option<Value>>,
    /// Its debug mode as given (`set_debug`, `asyncio.run(debug=True)`), which `get_debug()`
    /// answers (False until then).
    debug: RefCell<Value>,
}

/// asyncio's `call_exception_handler` for the errors the loop reports (a callback's, a task's
/// never retrieved): the handler the current loop was given, called with a context of the
/// message and the exception, or else the default handler logs `default`'s lines and the
/// exception.
fn report_to_loop(interp: &Interp, message: &str, err: &PyErr, default: &dyn Fn() -> String) {
    let event_loop = interp.loop_object.borrow().clone();
    let handler = event_loop.as_ref().and_then(|l| l.downcast::<Loop>()).and_then(|l| l.handler.borrow().clone());
    let (Some(event_loop), Some(handler)) = (event_loop, handler) else {
        log_error(interp, &default(), Some(err));
        return;
    };
    let mut context = Dict::new();
    context.set_str("message", Value::str(message));
    context.set_str("exception", err.value());
    let args = Args { pos: vec![event_loop, Value::dict(context)], kw: vec![] };
    if let Err(e) = super::super::call::call(interp, &handler, args) {
        log_error(interp, "Unhandled error in exception handler", Some(&e));
    }
}

/// `loop.default_exception_handler(context)`: the message, every other key but `exception`
/// as `key: repr`, sorted, then the exception's traceback.
fn default_exception_handler(interp: &Interp, context: &Value) -> R<()> {
    let Value::Dict(d) = context else {
        return Err(interp.type_error(format!("context must be a dict, not {}", context.type_name())));
    };
    // The context is borrowed only to read it: a value's `__bool__`, `__str__` or `__repr__`
    // may change it. As CPython's handler, the keys are listed once and each value is read
    // as the dict stands when its turn comes.
    let message = d.borrow().get_str("message").cloned();
    let exception = match d.borrow().get_str("exception") {
        Some(Value::Instance(e)) => Some(PyErr::Exc(e.clone())),
        _ => None,
    };
    let message = match message {
        Some(m) if ops::truthy(interp, &m)? => ops::str_of(interp, &m)?,
        _ => "Unhandled exception in event loop".to_string(),
    };
    let mut lines = vec![message];
    let mut keys: Vec<Name> = d
        .borrow()
        .keys()
        .filter_map(|k| match k {
            Value::Str(k) if &**k != "message" && &**k != "exception" => Some(k.clone()),
            _ => None,
        })
        .collect();
    keys.sort();
    for k in keys {
        let v = d.borrow().get_str(&k).cloned();
        let v = v.ok_or_else(|| interp.key_error(Value::Str(k.clone())))?;
        lines.push(format!("{k}: {}", ops::repr(interp, &v)?));
    }
    log_error(interp, &lines.join("\n"), exception.as_ref());
    Ok(())
}

/// The arguments of a loop method after the loop itself: `names` required, more only if
/// `more`, with CPython's errors for `_UnixSelectorEventLoop`'s methods.
fn loop_method_args<'a, const N: usize>(
    interp: &Interp,
    args: &'a Args,
    method: &str,
    names: [&str; N],
    more: bool,
) -> R<&'a [Value; N]> {
    let name = format!("_UnixSelectorEventLoop.{method}()");
    if let Some((k, _)) = args.kw.first() {
        return Err(interp.type_error(format!("{name} got an unexpected keyword argument '{k}'")));
    }
    let given = args.pos.get(1..).unwrap_or_default();
    if let Ok(required) = <&[Value; N]>::try_from(given.get(..N).unwrap_or_default()) {
        if more || given.len() == N {
            return Ok(required);
        }
        let (want, got) = (N + 1, given.len() + 1);
        return Err(interp.type_error(format!("{name} takes {want} positional arguments but {got} were given")));
    }
    // Two names at most here: CPython joins two with "and".
    let missing: Vec<String> = names.iter().skip(given.len()).map(|n| format!("'{n}'")).collect();
    let count = match missing.len() {
        1 => "1 required positional argument".to_string(),
        n => format!("{n} required positional arguments"),
    };
    Err(interp.type_error(format!("{name} missing {count}: {}", missing.join(" and "))))
}

/// asyncio's `_check_signal`: an int naming one of Linux's signals (1 to 64, but 32 and 33,
/// which the C library keeps).
fn signal_number(interp: &Interp, sig: &Value) -> R<i64> {
    if !interp.isinstance(sig, &interp.types.int) {
        return Err(interp.type_error(format!("sig must be an int, not {}", ops::repr(interp, sig)?)));
    }
    let n = ops::to_index(interp, sig)?;
    if !(1..=64).contains(&n) || matches!(n, 32 | 33) {
        return Err(interp.value_error(format!("invalid signal number {}", ops::str_of(interp, sig)?)));
    }
    Ok(n)
}

/// `loop.add_signal_handler(sig, callback, *args)`, with asyncio's checks. No signal ever comes
/// to the page (nothing can send one), so the callback never runs: the loop only remembers the
/// signal, for `remove_signal_handler`. (CPython also points the `signal` module's handler at
/// a function of its own; `signal.getsignal` here still answers the one before.)
fn loop_add_signal_handler(interp: &Interp, args: Args) -> R<Value> {
    let [sig, callback] = loop_method_args(interp, &args, "add_signal_handler", ["sig", "callback"], true)?;
    if callback.downcast::<Coroutine>().is_some() || is_coroutine_function(interp, callback) {
        return Err(interp.type_error("coroutines cannot be used with add_signal_handler()"));
    }
    let n = signal_number(interp, sig)?;
    let this = self_of::<Loop>(interp, &args)?;
    if this.closed.get() {
        return Err(interp.runtime_error("Event loop is closed"));
    }
    if interp.is_copy() {
        // A to_thread worker's copy is another thread: signals go to the main one.
        return Err(interp.runtime_error("set_wakeup_fd only works in main thread of the main interpreter"));
    }
    // SIGKILL and SIGSTOP cannot be caught.
    if matches!(n, 9 | 19) {
        return Err(interp.runtime_error(format!("sig {n} cannot be caught")));
    }
    this.signals.borrow_mut().insert(n);
    Ok(Value::None)
}

/// `loop.remove_signal_handler(sig)`: whether the loop had a handler for it.
fn loop_remove_signal_handler(interp: &Interp, args: Args) -> R<Value> {
    let [sig] = loop_method_args(interp, &args, "remove_signal_handler", ["sig"], false)?;
    let n = signal_number(interp, sig)?;
    Ok(Value::Bool(self_of::<Loop>(interp, &args)?.signals.borrow_mut().remove(&n)))
}

/// `loop.run_until_complete(aw)` called anywhere the driver does not run it.
fn loop_run_until_complete(interp: &Interp, args: Args) -> R<Value> {
    loop_run_elsewhere(interp, args, "run_until_complete")
}

/// `loop.run_forever()` called anywhere the driver does not run it.
fn loop_run_forever(interp: &Interp, args: Args) -> R<Value> {
    loop_run_elsewhere(interp, args, "run_forever")
}

fn loop_run_elsewhere(interp: &Interp, args: Args, what: &str) -> R<Value> {
    let message = if args.pos.first().and_then(|l| l.downcast::<Loop>()).is_some_and(|l| l.closed.get()) {
        "Event loop is closed".to_string()
    } else if loop_runs(interp) {
        "This event loop is already running".to_string()
    } else {
        format!("Interleave runs loop.{what}() from the program's top level, or from a plain function that the top level calls as a statement of its own: call it that way")
    };
    Err(refused(interp, &message, args.pos.get(1)))
}

/// A `RuntimeError` refusing to run `aw`: the exception keeps it, so "never awaited" comes when
/// the exception goes, as in CPython (whose traceback holds it).
fn refused(interp: &Interp, message: &str, aw: Option<&Value>) -> PyErr {
    let e = interp.runtime_error(message);
    if let (PyErr::Exc(inst), Some(c)) = (&e, aw) {
        inst.attrs.borrow_mut().insert(Name::from("__interleave_coro__"), c.clone());
    }
    e
}

/// `asyncio.Handle` and `TimerHandle`: what `call_soon`, `call_later` and `call_at` return.
struct Handle {
    cancelled: Rc<Cell<bool>>,
    /// A timer's deadline (loop time) and key; none for `call_soon`.
    timer: Option<(f64, crate::runtime::TimerKey)>,
    run: crate::runtime::WeakRuntime,
    /// The callback and its arguments, for the repr (cancelling forgets them, as asyncio's).
    callback: RefCell<Option<(Value, Vec<Value>)>>,
}

impl Object for Handle {
    fn type_name(&self) -> &str {
        if self.timer.is_some() {
            "TimerHandle"
        } else {
            "Handle"
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        let source = self.callback.borrow().as_ref().map(|(f, args)| callback_source(interp, f, args));
        Ok(handle_repr(interp, self.timer.map(|(when, _)| when), source.as_deref()))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "cancel" => |interp, args| {
                let h = self_of::<Handle>(interp, &args)?;
                if !h.cancelled.replace(true) {
                    h.callback.borrow_mut().take();
                    if let (Some((_, key)), Some(rt)) = (h.timer, h.run.upgrade()) {
                        rt.cancel_timer(key);
                    }
                }
                Ok(Value::None)
            },
            "cancelled" => |interp, args| Ok(Value::Bool(self_of::<Handle>(interp, &args)?.cancelled.get())),
            "when" if self.timer.is_some() => {
                |interp, args| Ok(Value::Float(self_of::<Handle>(interp, &args)?.timer.map_or(0.0, |(when, _)| when)))
            }
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

/// `loop.call_later(delay, f, *args)`, or with `at`, `loop.call_at(when, f, *args)`.
fn call_later_or_at(interp: &Interp, args: Args, at: bool) -> R<Value> {
    let (rt, _) = event_loop(interp)?;
    let t = seconds(interp, args.pos.get(1).unwrap_or(&Value::Int(0)))?;
    let f = args.pos.get(2).cloned().unwrap_or_default();
    let rest = args.pos.get(3..).map(<[Value]>::to_vec).unwrap_or_default();
    let due = if at { aio::secs_to_micros(t.max(0.0)) } else { rt.now().saturating_add(aio::secs_to_micros(t)) };
    schedule_callback(interp, f, rest, Some((due as f64 / 1e6, due)))
}

/// `loop.call_soon(f, *args)` and, with a deadline, `call_later` / `call_at`: `f` runs as a
/// callback of the loop unless its handle was cancelled.
fn schedule_callback(
    interp: &Interp,
    f: Value,
    args: Vec<Value>,
    due: Option<(f64, crate::trace::Micros)>,
) -> R<Value> {
    let (rt, _) = event_loop(interp)?;
    let cancelled = Rc::new(Cell::new(false));
    let weak = interp.this.clone();
    let run = rt.downgrade();
    let kept = RefCell::new(Some((f.clone(), args.clone())));
    let when = due.map(|(when, _)| when);
    let callback = {
        let (cancelled, run) = (cancelled.clone(), run.clone());
        move || {
            if let (false, Some(interp)) = (cancelled.get(), weak.upgrade()) {
                run_callback(&interp, Some(&run), &f, args, when);
            }
        }
    };
    let timer = match due {
        None => {
            rt.call_soon(callback);
            None
        }
        Some((when, at)) => Some((when, rt.call_at(at, callback))),
    };
    Ok(Value::object(Handle { cancelled, timer, run, callback: kept }))
}

/// `asyncio.PriorityQueue` and `LifoQueue`, written in Python over `Queue`
/// (`py/asyncio_queues.py`), `Barrier`, over `Condition` (`py/asyncio_barrier.py`), and
/// `wrap_future`, over `concurrent.futures` (`py/asyncio_futures.py`):
/// `class` of the embedded module `module`, loaded on first use.
/// `asyncio.__getattr__`: the classes written in Python (`modules/py`), loaded on first use
/// (they import asyncio themselves) and kept in the module from then on.
fn python_class(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "__getattr__", 1, 1)?;
    let name = ops::str_of(interp, &args.pos[0])?;
    let module = match &*name {
        "PriorityQueue" | "LifoQueue" => "_asyncio_queues",
        "Barrier" => "_asyncio_barrier",
        "wrap_future" => "_asyncio_futures",
        _ => {
            let why = match out_of_scope(&name) {
                Some(why) => format!("asyncio.{name} is not available in Interleave: {why}"),
                None => format!("module 'asyncio' has no attribute '{name}'"),
            };
            return Err(interp.attribute_error(why));
        }
    };
    let found = match &super::super::call::import_module(interp, module)? {
        Value::Module(m) => m.get(&name),
        _ => None,
    };
    let class = found.ok_or_else(|| interp.runtime_error(format!("asyncio.{name} could not be loaded")))?;
    let asyncio = interp.modules.borrow().get("asyncio").cloned();
    if let Some(asyncio) = asyncio {
        asyncio.set(&name, class.clone());
    }
    Ok(class)
}

/// Why a part of asyncio (or a method of its loop) a tutorial may use has no place here, for
/// the error that names it instead of a bare "no attribute".
fn out_of_scope(name: &str) -> Option<&'static str> {
    Some(match name {
        "create_subprocess_exec"
        | "create_subprocess_shell"
        | "subprocess"
        | "subprocess_exec"
        | "subprocess_shell" => "a program here cannot start other processes.",
        "open_connection"
        | "start_server"
        | "open_unix_connection"
        | "start_unix_server"
        | "StreamReader"
        | "StreamWriter"
        | "streams"
        | "create_connection"
        | "create_server"
        | "create_unix_connection"
        | "create_unix_server"
        | "create_datagram_endpoint"
        | "sock_connect"
        | "sock_accept"
        | "sock_recv"
        | "sock_sendall"
        | "getaddrinfo"
        | "add_reader"
        | "add_writer" => {
            "a program here has no sockets. Fetch URLs with aiohttp or httpx (example.com, \
             api.anthropic.com and api.openai.com answer from the simulated API)."
        }
        // Its use is handing the loop a coroutine from another thread, and a thread here runs
        // in a copy of the program (see `thread.rs`), which has no way back to the loop.
        "run_coroutine_threadsafe" => {
            "a thread here runs in a copy of the program, which cannot reach the event loop. Await \
             the coroutine in the loop instead, with what the thread returns."
        }
        _ => return None,
    })
}

/// The current loop object (the running one inside a run).
fn loop_object(interp: &Interp) -> R<Value> {
    if let Some(l) = interp.loop_object.borrow().clone() {
        return Ok(l);
    }
    let l = new_loop(interp)?;
    *interp.loop_object.borrow_mut() = Some(l.clone());
    Ok(l)
}

/// A new event loop object. Making one, CPython's selector loop logs which selector it uses
/// to the `asyncio` logger at DEBUG level, which a program's `logging.basicConfig(level=DEBUG)`
/// shows; until the program imports `logging` nothing could show it. The record says where
/// CPython logs it from (`__init__`, line 54 of selector_events.py).
fn new_loop(interp: &Interp) -> R<Value> {
    let at = ("asyncio/selector_events.py", 54, "__init__");
    let args = Value::tuple(vec![Value::str("EpollSelector")]);
    log_to_asyncio_logger(interp, 10, at, Value::str("Using selector: %s"), args, Value::None)?;
    Ok(Value::object(Loop::default()))
}

/// `asyncio.get_event_loop()`, as 3.11's policy answers it: the running loop, else the current
/// one, made on first use unless the program (or an `asyncio.run`) has set one before.
fn get_event_loop(interp: &Interp, _: Args) -> R<Value> {
    if running(interp).is_err() && interp.loop_object.borrow().is_none() {
        if interp.loop_set.get() {
            return Err(interp.runtime_error("There is no current event loop in thread 'MainThread'."));
        }
        interp.loop_set.set(true);
    }
    loop_object(interp)
}

impl Object for Loop {
    fn type_name(&self) -> &str {
        "_UnixSelectorEventLoop"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn attr(&self, interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "time" => |interp, _| Ok(Value::Float(super::time::read_clock(interp, &event_loop(interp)?.0))),
            "create_future" => |interp, _| {
                let (rt, _) = event_loop(interp)?;
                Ok(future_value(Fut::on(rt.downgrade()), "Future"))
            },
            "create_task" => |interp, args| spawn_task(interp, &args, 1),
            "run_in_executor" => |interp, mut args| {
                // The loop itself is the first argument of the bound method.
                args.pos.remove(0);
                super::super::thread::run_in_executor(interp, args)
            },
            "call_soon" | "call_soon_threadsafe" => |interp, args| {
                let f = args.pos.get(1).cloned().unwrap_or_default();
                let rest = args.pos.get(2..).map(<[Value]>::to_vec).unwrap_or_default();
                schedule_callback(interp, f, rest, None)
            },
            "call_later" => |interp, args| call_later_or_at(interp, args, false),
            "call_at" => |interp, args| call_later_or_at(interp, args, true),
            "add_signal_handler" => loop_add_signal_handler,
            "remove_signal_handler" => loop_remove_signal_handler,
            "run_until_complete" => loop_run_until_complete,
            "run_forever" => loop_run_forever,
            "stop" => |_, _| {
                if let Some((rt, _)) = current() {
                    rt.stop_loop();
                }
                Ok(Value::None)
            },
            "close" => |interp, args| {
                if loop_runs(interp) {
                    return Err(interp.runtime_error("Cannot close a running event loop"));
                }
                let this = self_of::<Loop>(interp, &args)?;
                this.closed.set(true);
                // Its pending tasks are lost: reported at the end ([`report_lost_tasks`]).
                let pending: Vec<Rc<PyTask>> = PENDING.with(|p| p.borrow().values().cloned().collect());
                ORPHANED.with(|o| o.borrow_mut().extend(pending));
                // Closing a loop removes its signal handlers, as asyncio's does.
                this.signals.borrow_mut().clear();
                // and shuts its default executor down.
                super::super::thread::shutdown_default_executor();
                Ok(Value::None)
            },
            "is_closed" => |interp, args| Ok(Value::Bool(self_of::<Loop>(interp, &args)?.closed.get())),
            "is_running" => |interp, _| Ok(Value::Bool(running(interp).is_ok())),
            "get_debug" => |interp, args| {
                let debug = self_of::<Loop>(interp, &args)?.debug.borrow().clone();
                Ok(if debug.is_none() { Value::Bool(false) } else { debug })
            },
            "set_debug" => |interp, args| {
                let [enabled] = loop_method_args(interp, &args, "set_debug", ["enabled"], false)?;
                *self_of::<Loop>(interp, &args)?.debug.borrow_mut() = enabled.clone();
                Ok(Value::None)
            },
            "set_exception_handler" => |interp, args| {
                let [handler] = loop_method_args(interp, &args, "set_exception_handler", ["handler"], false)?;
                if !handler.is_none() && !super::super::builtins::is_callable(handler) {
                    let shown = ops::repr(interp, handler)?;
                    return Err(interp.type_error(format!("A callable object or None is expected, got {shown}")));
                }
                let this = self_of::<Loop>(interp, &args)?;
                *this.handler.borrow_mut() = (!handler.is_none()).then(|| handler.clone());
                Ok(Value::None)
            },
            "get_exception_handler" => {
                |interp, args| Ok(self_of::<Loop>(interp, &args)?.handler.borrow().clone().unwrap_or_default())
            }
            "call_exception_handler" => |interp, args| {
                let [context] = loop_method_args(interp, &args, "call_exception_handler", ["context"], false)?;
                // Not borrowed while it runs: the handler may set another one.
                let handler = self_of::<Loop>(interp, &args)?.handler.borrow().clone();
                match handler {
                    Some(handler) => {
                        let call_args = Args { pos: vec![args.pos[0].clone(), context.clone()], kw: vec![] };
                        if let Err(e) = super::super::call::call(interp, &handler, call_args) {
                            log_error(interp, "Unhandled error in exception handler", Some(&e));
                        }
                    }
                    None => default_exception_handler(interp, context)?,
                }
                Ok(Value::None)
            },
            "default_exception_handler" => |interp, args| {
                let [context] = loop_method_args(interp, &args, "default_exception_handler", ["context"], false)?;
                default_exception_handler(interp, context)?;
                Ok(Value::None)
            },
            _ => {
                let why = out_of_scope(name)?;
                return Some(Err(
                    interp.attribute_error(format!("loop.{name}() is not available in Interleave: {why}"))
                ));
            }
        };
        Some(Ok(method(this, name, f)))
    }
}

// ----- Queue, Semaphore, Lock, Event, Condition --------------------------------------------

struct PyQueue(aio::Queue<PyObj>);
struct PySemaphore(aio::Semaphore, &'static str);
struct PyLock(aio::Lock);
struct PyEvent(aio::Event);
struct PyCondition(aio::Condition);

/// Wraps a toolbox future as a native coroutine returning a Python value.
fn native_result<F>(interp: &Interp, name: &'static str, fut: F) -> Value
where
    F: std::future::Future<Output = aio::PyResult<Value>> + 'static,
{
    let weak = interp.this.clone();
    coro::native(interp, name, async move {
        let r = fut.await;
        let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
        lift(&interp, r)
    })
}

impl PyQueue {
    /// `queue._format()`: what its repr and str show after the class name.
    fn format(&self, interp: &Interp) -> R<String> {
        let mut s = format!("maxsize={}", self.0.maxsize());
        let items: Vec<Value> = self.0.items().iter().map(|o| o.value.clone()).collect();
        if !items.is_empty() {
            s.push_str(&format!(" _queue={}", ops::repr(interp, &Value::list(items))?));
        }
        let (getters, putters) = self.0.waiting();
        if getters > 0 {
            s.push_str(&format!(" _getters[{getters}]"));
        }
        if putters > 0 {
            s.push_str(&format!(" _putters[{putters}]"));
        }
        if self.0.unfinished() > 0 {
            s.push_str(&format!(" tasks={}", self.0.unfinished()));
        }
        Ok(s)
    }
}

/// `, waiters:N` in the repr of a lock-like object when some wait, as asyncio's reprs add it.
fn waiters_note(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(", waiters:{n}")
    }
}

impl Object for PyQueue {
    fn type_name(&self) -> &str {
        "Queue"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, this: &Value) -> R<String> {
        Ok(format!("<Queue at 0x{:x} {}>", this.identity().unwrap_or(0), self.format(interp)?))
    }
    fn str(&self, interp: &Interp, _this: &Value) -> Option<R<String>> {
        Some(self.format(interp).map(|f| format!("<Queue {f}>")))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            "maxsize" => Some(Ok(Value::Int(self.0.maxsize() as i64))),
            _ => Some(Ok(method(this, name, self.method(name)?))),
        }
    }
    fn method(&self, name: &str) -> Option<BuiltinFn> {
        Some(match name {
            // What the reprs of asyncio's other queues (`py/asyncio_queues.py`) build on.
            "_format" => |interp, args| Ok(Value::str(&self_of::<PyQueue>(interp, &args)?.format(interp)?)),
            "put" => |interp, args| {
                let q = self_of::<PyQueue>(interp, &args)?.0.clone();
                let item = obj(interp, args.pos.get(1).cloned().unwrap_or_default());
                Ok(native_result(interp, "Queue.put", async move { q.put(item).await.map(|()| Value::None) }))
            },
            "get" => |interp, args| {
                let q = self_of::<PyQueue>(interp, &args)?.0.clone();
                Ok(native_result(interp, "Queue.get", async move { q.get().await.map(|o| o.value) }))
            },
            "put_nowait" => |interp, args| {
                let q = self_of::<PyQueue>(interp, &args)?;
                lift(interp, q.0.put_nowait(obj(interp, args.pos.get(1).cloned().unwrap_or_default())))
                    .map(|()| Value::None)
            },
            "get_nowait" => {
                |interp, args| lift(interp, self_of::<PyQueue>(interp, &args)?.0.get_nowait()).map(|o| o.value)
            }
            "task_done" => {
                |interp, args| lift(interp, self_of::<PyQueue>(interp, &args)?.0.task_done()).map(|()| Value::None)
            }
            "join" => |interp, args| {
                let q = self_of::<PyQueue>(interp, &args)?.0.clone();
                Ok(native_result(interp, "Queue.join", async move { q.join().await.map(|()| Value::None) }))
            },
            "qsize" => |interp, args| Ok(Value::Int(self_of::<PyQueue>(interp, &args)?.0.qsize() as i64)),
            "empty" => |interp, args| Ok(Value::Bool(self_of::<PyQueue>(interp, &args)?.0.empty())),
            "full" => |interp, args| Ok(Value::Bool(self_of::<PyQueue>(interp, &args)?.0.full())),
            _ => return None,
        })
    }
}

/// `__aenter__` of a lock-like object: acquire, then return None.
fn returns_none(
    interp: &Interp,
    name: &'static str,
    fut: impl std::future::Future<Output = aio::PyResult<()>> + 'static,
) -> Value {
    native_result(interp, name, async move { fut.await.map(|()| Value::None) })
}

impl Object for PySemaphore {
    fn type_name(&self) -> &str {
        self.1
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        let state = if self.0.locked() { "locked".to_string() } else { format!("unlocked, value:{}", self.0.value()) };
        let waiters = waiters_note(self.0.waiters());
        Ok(format!("<asyncio.locks.{} object at 0x{:x} [{state}{waiters}]>", self.1, this.identity().unwrap_or(0)))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            // The counter, which tutorials print to show the permits left.
            "_value" => Some(Ok(Value::Int(self.0.value()))),
            _ => Some(Ok(method(this, name, self.method(name)?))),
        }
    }
    fn method(&self, name: &str) -> Option<BuiltinFn> {
        Some(match name {
            "acquire" | "__aenter__" => |interp, args| {
                let s = self_of::<PySemaphore>(interp, &args)?.0.clone();
                Ok(native_result(interp, "Semaphore.acquire", async move {
                    s.acquire_slot().await.map(|()| Value::Bool(true))
                }))
            },
            "__aexit__" => |interp, args| {
                let s = self_of::<PySemaphore>(interp, &args)?.0.clone();
                lift(interp, s.release())?;
                Ok(returns_none(interp, "Semaphore.__aexit__", async { Ok(()) }))
            },
            "release" => {
                |interp, args| lift(interp, self_of::<PySemaphore>(interp, &args)?.0.release()).map(|()| Value::None)
            }
            "locked" => |interp, args| Ok(Value::Bool(self_of::<PySemaphore>(interp, &args)?.0.locked())),
            _ => return None,
        })
    }
}

impl Object for PyLock {
    fn type_name(&self) -> &str {
        "Lock"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        Ok(format!(
            "<asyncio.locks.Lock object at 0x{:x} [{}{}]>",
            this.identity().unwrap_or(0),
            if self.0.locked() { "locked" } else { "unlocked" },
            waiters_note(self.0.waiters())
        ))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(method(this, name, self.method(name)?)))
    }
    fn method(&self, name: &str) -> Option<BuiltinFn> {
        Some(match name {
            "acquire" | "__aenter__" => {
                |interp, args| {
                    let l = self_of::<PyLock>(interp, &args)?.0.clone();
                    Ok(native_result(interp, "Lock.acquire", async move {
                        l.acquire_lock().await.map(|()| Value::Bool(true))
                    }))
                }
            }
            "__aexit__" => |interp, args| {
                lift(interp, self_of::<PyLock>(interp, &args)?.0.release())?;
                Ok(returns_none(interp, "Lock.__aexit__", async { Ok(()) }))
            },
            "release" => {
                |interp, args| lift(interp, self_of::<PyLock>(interp, &args)?.0.release()).map(|()| Value::None)
            }
            "locked" => |interp, args| Ok(Value::Bool(self_of::<PyLock>(interp, &args)?.0.locked())),
            _ => return None,
        })
    }
}

impl Object for PyEvent {
    fn type_name(&self) -> &str {
        "Event"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        Ok(format!(
            "<asyncio.locks.Event object at 0x{:x} [{}{}]>",
            this.identity().unwrap_or(0),
            if self.0.is_set() { "set" } else { "unset" },
            waiters_note(self.0.waiters())
        ))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(method(this, name, self.method(name)?)))
    }
    fn method(&self, name: &str) -> Option<BuiltinFn> {
        Some(match name {
            "set" => |interp, args| {
                self_of::<PyEvent>(interp, &args)?.0.set();
                Ok(Value::None)
            },
            "clear" => |interp, args| {
                self_of::<PyEvent>(interp, &args)?.0.clear();
                Ok(Value::None)
            },
            "is_set" => |interp, args| Ok(Value::Bool(self_of::<PyEvent>(interp, &args)?.0.is_set())),
            "wait" => |interp, args| {
                let e = self_of::<PyEvent>(interp, &args)?.0.clone();
                Ok(native_result(interp, "Event.wait", async move { e.wait().await.map(|()| Value::Bool(true)) }))
            },
            _ => return None,
        })
    }
}

impl Object for PyCondition {
    fn type_name(&self) -> &str {
        "Condition"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        Ok(format!(
            "<asyncio.locks.Condition object at 0x{:x} [{}{}]>",
            this.identity().unwrap_or(0),
            if self.0.lock().locked() { "locked" } else { "unlocked" },
            waiters_note(self.0.waiters())
        ))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "acquire" | "__aenter__" => |interp, args| {
                let l = self_of::<PyCondition>(interp, &args)?.0.lock().clone();
                Ok(native_result(interp, "Condition.acquire", async move {
                    l.acquire_lock().await.map(|()| Value::Bool(true))
                }))
            },
            "__aexit__" => |interp, args| {
                lift(interp, self_of::<PyCondition>(interp, &args)?.0.lock().release())?;
                Ok(returns_none(interp, "Condition.__aexit__", async { Ok(()) }))
            },
            "release" => |interp, args| {
                lift(interp, self_of::<PyCondition>(interp, &args)?.0.lock().release()).map(|()| Value::None)
            },
            "locked" => |interp, args| Ok(Value::Bool(self_of::<PyCondition>(interp, &args)?.0.lock().locked())),
            "notify" => |interp, args| {
                let n = match args.pos.get(1) {
                    Some(v) => ops::to_index(interp, v)?.max(0) as usize,
                    None => 1,
                };
                lift(interp, self_of::<PyCondition>(interp, &args)?.0.notify(n)).map(|()| Value::None)
            },
            "notify_all" => {
                |interp, args| lift(interp, self_of::<PyCondition>(interp, &args)?.0.notify_all()).map(|()| Value::None)
            }
            "wait" => |interp, args| {
                let c = self_of::<PyCondition>(interp, &args)?.0.clone();
                Ok(native_result(interp, "Condition.wait", async move { c.wait().await.map(|()| Value::Bool(true)) }))
            },
            "wait_for" => |interp, args| {
                let c = self_of::<PyCondition>(interp, &args)?.0.clone();
                let predicate = args.pos.get(1).cloned().unwrap_or_default();
                let weak = interp.this.clone();
                Ok(coro::native(interp, "Condition.wait_for", async move {
                    loop {
                        let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
                        let r = super::super::call::call(&interp, &predicate, Args::default())?;
                        if ops::truthy(&interp, &r)? {
                            return Ok(r);
                        }
                        drop(interp);
                        let w = c.wait().await;
                        if let Err(e) = w {
                            let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
                            return Err(from_aio(&interp, e));
                        }
                    }
                }))
            },
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

/// What `asyncio.Queue(…)`, `asyncio.Lock()`… (the classes of the objects here) do when called.
pub fn constructor(class: &str) -> Option<BuiltinFn> {
    Some(match class {
        "Task" => |interp, args| {
            expect(interp, &args, "Task", 1, 1)?;
            running(interp)?;
            spawn_task(interp, &args, 0)
        },
        "Future" => |interp, _| {
            let (rt, _) = running(interp)?;
            Ok(future_value(Fut::on(rt.downgrade()), "Future"))
        },
        "Queue" => queue,
        "Semaphore" => |interp, args| semaphore(interp, args, false),
        "BoundedSemaphore" => |interp, args| semaphore(interp, args, true),
        "Lock" => |interp, args| {
            expect(interp, &args, "Lock", 0, 0)?;
            current().ok_or_else(|| interp.runtime_error("no running event loop"))?;
            Ok(Value::object(PyLock(aio::Lock::named("lock"))))
        },
        "Event" => |interp, args| {
            expect(interp, &args, "Event", 0, 0)?;
            current().ok_or_else(|| interp.runtime_error("no running event loop"))?;
            Ok(Value::object(PyEvent(aio::Event::named("event"))))
        },
        "Condition" => |interp, args| {
            current().ok_or_else(|| interp.runtime_error("no running event loop"))?;
            let lock = args.pos.first().and_then(|v| v.downcast::<PyLock>()).map(|l| l.0.clone());
            Ok(Value::object(PyCondition(aio::Condition::new(lock))))
        },
        "TaskGroup" => super::taskgroup::new_task_group,
        // `debug=` and `loop_factory=` change nothing here: there is one loop.
        "Runner" => |interp, args| {
            if !args.pos.is_empty() {
                let n = args.pos.len() + 1;
                return Err(
                    interp.type_error(format!("Runner.__init__() takes 1 positional argument but {n} were given"))
                );
            }
            Ok(Value::object(Runner::default()))
        },
        _ => return None,
    })
}

fn queue(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "Queue", 0, 1)?;
    let maxsize = match args.pos.first().or_else(|| kw(&args, "maxsize")) {
        Some(v) => ops::to_index(interp, v)?.max(0) as usize,
        None => 0,
    };
    current().ok_or_else(|| interp.runtime_error("no running event loop"))?;
    Ok(Value::object(PyQueue(aio::Queue::named("queue", maxsize))))
}

fn semaphore(interp: &Interp, args: Args, bounded: bool) -> R<Value> {
    let name = if bounded { "BoundedSemaphore" } else { "Semaphore" };
    expect(interp, &args, name, 0, 1)?;
    let value = match args.pos.first().or_else(|| kw(&args, "value")) {
        Some(v) => ops::to_index(interp, v)?,
        None => 1,
    };
    if value < 0 {
        return Err(interp.value_error("Semaphore initial value must be >= 0"));
    }
    current().ok_or_else(|| interp.runtime_error("no running event loop"))?;
    let s = if bounded {
        aio::Semaphore::bounded("semaphore", value as usize)
    } else {
        aio::Semaphore::named("semaphore", value as usize)
    };
    Ok(Value::object(PySemaphore(s, name)))
}

/// An `asyncio.Semaphore(value)` whose row on the timeline reads `label` rather than
/// "semaphore": an embedded library's own limit (aiohttp's connection pool) says what it is.
pub fn labelled_semaphore(interp: &Interp, value: usize, label: &str) -> R<Value> {
    current().ok_or_else(|| interp.runtime_error("no running event loop"))?;
    Ok(Value::object(PySemaphore(aio::Semaphore::named(label, value), "Semaphore")))
}

/// Builds the `asyncio` module.
pub fn module(interp: &Interp) -> Rc<Module> {
    let m = Module::new("asyncio");
    let functions: &[(&str, BuiltinFn)] = &[
        ("run", run),
        ("sleep", sleep),
        ("create_task", create_task),
        ("ensure_future", ensure_future),
        ("gather", gather),
        ("wait_for", wait_for),
        ("wait", wait),
        ("as_completed", as_completed),
        ("shield", shield),
        ("current_task", current_task),
        ("all_tasks", all_tasks),
        ("to_thread", super::super::thread::to_thread),
        ("iscoroutine", iscoroutine),
        ("iscoroutinefunction", iscoroutinefunction),
        ("get_running_loop", |interp, _| {
            running(interp)?;
            loop_object(interp)
        }),
        ("get_event_loop", get_event_loop),
        ("new_event_loop", |interp, _| new_loop(interp)),
        ("set_event_loop", |interp, args| {
            expect(interp, &args, "set_event_loop", 1, 1)?;
            let l = args.pos.into_iter().next().filter(|l| !l.is_none());
            if l.as_ref().is_some_and(|l| l.downcast::<Loop>().is_none()) {
                return Err(interp.type_error("loop must be an instance of AbstractEventLoop or None"));
            }
            interp.loop_set.set(true);
            *interp.loop_object.borrow_mut() = l;
            Ok(Value::None)
        }),
        ("isfuture", |interp, args| {
            expect(interp, &args, "isfuture", 1, 1)?;
            let v = &args.pos[0];
            Ok(Value::Bool(v.downcast::<PyTask>().is_some() || v.downcast::<PyFuture>().is_some()))
        }),
        ("__getattr__", python_class),
    ];
    for (name, f) in functions {
        // CPython writes all of these in Python but its two loop getters (C, in `_asyncio`).
        let value = match *name {
            "get_running_loop" | "get_event_loop" | "__getattr__" => builtin(name, *f),
            _ => super::super::builtins::py_function(name, *f),
        };
        m.set(name, value);
    }
    // Classes, not factories, so `isinstance(q, asyncio.Queue)` and `type(t) is asyncio.Task`
    // hold; calling one goes to [`constructor`].
    for name in [
        "_asyncio.Task",
        "_asyncio.Future",
        "Queue",
        "Semaphore",
        "BoundedSemaphore",
        "Lock",
        "Event",
        "Condition",
        "Runner",
        // Typed code names these in annotations (`loop: asyncio.AbstractEventLoop`), which a
        // `def` evaluates.
        "AbstractEventLoop",
        "Handle",
        "TimerHandle",
        "Timeout",
    ] {
        let class = interp.native_class(name);
        m.set(&class.name, Value::Class(class.clone()));
    }
    for name in ["CancelledError", "InvalidStateError", "QueueEmpty", "QueueFull"] {
        m.set(name, Value::Class(interp.types.exc(name)));
    }
    m.set("TimeoutError", Value::Class(interp.types.exc("TimeoutError")));
    let broken = vec![interp.types.exc("RuntimeError")];
    let broken = super::super::interp::new_class(
        "BrokenBarrierError",
        "asyncio.exceptions",
        broken,
        BuiltinType::BaseException,
        false,
    );
    m.set("BrokenBarrierError", Value::Class(broken));
    super::taskgroup::install(interp, &m);
    for name in ["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"] {
        m.set(name, Value::str(name));
    }
    m
}
