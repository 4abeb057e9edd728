//! Coroutines, generators and async generators: objects owning a suspended frame. A coroutine
//! is driven by a Rust future ([`drive`]) that runs its frame and, at each `await`, awaits what
//! the frame is waiting on — another coroutine inline, or a toolbox future — so a Python task is
//! simply a toolbox task whose future is `drive`. A coroutine object dropped without ever being
//! started says "coroutine … was never awaited", as CPython does at that moment.

use std::any::Any;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use super::exec::{run, run_driven, Exit, Frame, Resume};
use super::interp::{ExitPhase, FrameInfo, Interp, PyErr, Stream, R};

/// What the `warnings` module adds to a coroutine's "never awaited" (it has a source object).
const TRACEMALLOC_HINT: &str = "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
use super::ir::Name;
use super::objects::method;
use super::ops;
use super::value::*;
use crate::aio::{Exception, Payload};
use crate::runtime::{current, note_line};
use crate::trace::EventKind;

pub type BoxFuture = Pin<Box<dyn Future<Output = R<Value>>>>;

enum Body {
    Frame(Box<Frame>),
    /// A coroutine made by native code (`asyncio.sleep(1)`, `queue.get()`).
    Native(BoxFuture),
    /// A frame stepped by hand (`coro.send(None)`) as far as an `await`, where it stopped:
    /// it can only be closed (or have an exception thrown in) now.
    Suspended(Box<Frame>),
}

/// Why `send()` stops at an `await`: the awaits of a coroutine run on the event loop.
const STEPPED_TO_AWAIT: &str = "Interleave steps a coroutine by hand (send) only as far as its first await: \
     its awaits run on the event loop. Await the coroutine, or pass it to asyncio.create_task.";

/// A coroutine object (what calling an `async def` returns).
pub struct Coroutine {
    pub name: Name,
    pub qualname: Name,
    first_line: u32,
    /// Its frame's info, whose line follows the frame as it runs (a task's repr says where it
    /// is); none for a native coroutine.
    info: Option<Rc<FrameInfo>>,
    body: RefCell<Option<Body>>,
    interp: Weak<Interp>,
}

/// A short, side-effect-free repr of an argument for a lane label (user classes' `__repr__`
/// are not run: a label must never execute user code).
fn label_arg(interp: &Interp, v: &Value) -> String {
    let s = match v {
        Value::Instance(i) => format!("<{}>", i.class.name),
        Value::Object(o) => format!("<{}>", o.type_name()),
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Tuple(_) => {
            match few_plain_items(v).then(|| ops::repr(interp, v).ok()).flatten() {
                Some(r) if r.len() <= 24 => r,
                _ => format!("<{}>", v.type_name()),
            }
        }
        other => ops::repr(interp, other).unwrap_or_default(),
    };
    shorten(&s)
}

/// Whether a container holds a few numbers, strings, bools or Nones only: its repr is short
/// and runs no code of the program's (an item's `__repr__` would), and a million-item list
/// passed to each of ten thousand tasks is not written out ten thousand times.
fn few_plain_items(v: &Value) -> bool {
    const FEW: usize = 6;
    let plain = |v: &Value| matches!(v, Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_));
    match v {
        Value::List(l) => {
            let l = l.borrow();
            l.len() <= FEW && l.iter().all(plain)
        }
        Value::Tuple(t) => t.len() <= FEW && t.iter().all(plain),
        Value::Dict(d) => {
            let d = d.borrow();
            d.len() <= FEW && d.iter().all(|(k, v)| plain(&k.value) && plain(v))
        }
        Value::Set(s) => {
            let s = s.borrow();
            s.items.len() <= FEW && s.items.iter().all(|k| plain(&k.value))
        }
        _ => false,
    }
}

/// An argument's repr in at most 48 characters, cut in its middle: the end is what tells
/// neighbouring lanes apart (`'http://127.0.0.1:…ath/static/data/items/3.json'`).
fn shorten(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 48 {
        return s.to_string();
    }
    let mut out: String = chars[..18].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - 29..]);
    out
}

pub fn coroutine(interp: &Interp, frame: Frame, name: Name, qualname: Name) -> Value {
    let first_line = frame.code.first_line;
    let coro = Rc::new(Coroutine {
        name,
        qualname,
        first_line,
        info: Some(frame.info.clone()),
        body: RefCell::new(Some(Body::Frame(Box::new(frame)))),
        interp: interp.this.clone(),
    });
    remember_unstarted(interp, &coro);
    Value::Object(coro)
}

/// Keeps a weak reference to a new coroutine of the program, so that one left in a reference
/// cycle can be reported at the end ([`warn_at_exit`]). The dead and started are dropped
/// whenever the list doubles, so it stays within twice the coroutines alive and unstarted.
fn remember_unstarted(interp: &Interp, coro: &Rc<Coroutine>) {
    let mut list = interp.unstarted.borrow_mut();
    if list.len() >= interp.unstarted_cap.get() {
        list.retain(|w| w.upgrade().is_some_and(|c| !c.started()));
        interp.unstarted_cap.set(list.len().saturating_mul(2).max(super::interp::UNSTARTED_CAP));
    }
    list.push(Rc::downgrade(coro));
}

/// The end of the program, once its modules have gone: the coroutines never awaited still
/// alive are in reference cycles, which CPython's collector finalises at shutdown while its
/// `warnings` module works (`sys:1` with the tracemalloc hint); then those that went with the
/// modules, in the order they went (`sys:1` alone).
pub fn warn_at_exit(interp: &Interp) {
    interp.exit_phase.set(super::interp::ExitPhase::Collecting);
    let left: Vec<Rc<Coroutine>> =
        interp.unstarted.take().iter().filter_map(Weak::upgrade).filter(|c| !c.started()).collect();
    for c in &left {
        warn_never_awaited(interp, &c.qualname);
        // Said once: its frame goes (with the arguments it held, which may warn in turn).
        c.close();
    }
    drop(left);
    drop(interp.kept_in_cycles.take());
    let torn_down = interp.torn_down.take();
    for qualname in torn_down {
        if interp.warned_never_awaited.borrow_mut().insert((0, qualname.clone())) {
            interp.write(Stream::Stderr, &format!("sys:1: RuntimeWarning: coroutine '{qualname}' was never awaited\n"));
        }
    }
    interp.exit_phase.set(super::interp::ExitPhase::Running);
}

/// A coroutine object made from a native future (so it warns if never awaited, like any).
pub fn native(interp: &Interp, qualname: &'static str, fut: impl Future<Output = R<Value>> + 'static) -> Value {
    let (name, qualname) = native_names(qualname);
    Value::object(Coroutine {
        name,
        qualname,
        first_line: 0,
        info: None,
        body: RefCell::new(Some(Body::Native(Box::pin(fut)))),
        interp: interp.this.clone(),
    })
}

/// The name and qualified name of a native coroutine, made once per thread: a program awaits
/// `asyncio.sleep` or `queue.get()` thousands of times, and each would otherwise allocate both.
fn native_names(qualname: &'static str) -> (Name, Name) {
    thread_local! {
        static NAMES: RefCell<Vec<(&'static str, Name, Name)>> = const { RefCell::new(Vec::new()) };
    }
    NAMES.with_borrow_mut(|names| {
        if let Some((_, name, qualname)) = names.iter().find(|(q, ..)| std::ptr::eq(*q, qualname)) {
            return (name.clone(), qualname.clone());
        }
        let name = Name::from(qualname.rsplit('.').next().unwrap_or(qualname));
        let made = (name.clone(), Name::from(qualname));
        names.push((qualname, name, made.1.clone()));
        made
    })
}

impl Coroutine {
    /// How the call read (`fetch('https://…')`): the label of its lane when it becomes a task.
    /// Made only then (most coroutines are awaited where they are made, and never need one),
    /// from the arguments still in the parameters of its frame, which has not started.
    pub fn label(&self, interp: &Interp) -> String {
        // The arguments are copied out first: a repr may run code that looks at this coroutine.
        let mut keywords: Vec<(Name, Value)> = Vec::new();
        let args: Vec<Value> = match self.body.borrow().as_ref() {
            Some(Body::Frame(frame)) => {
                let p = &frame.code.params;
                let mut args: Vec<Value> =
                    (0..p.positional.len()).filter_map(|i| frame.slots.get(i).and_then(|s| s.clone())).collect();
                // `*args` are in the tuple after the positional parameters.
                match (&p.varargs, frame.slots.get(p.positional.len())) {
                    (Some(_), Some(Some(Value::Tuple(rest)))) if !rest.is_empty() => args.extend(rest.iter().cloned()),
                    // Trailing parameters still at their defaults were most likely not passed:
                    // the label reads like the call (`fetch(3)`, not `fetch(3, 5)` for
                    // `def fetch(i, retries=5)`).
                    _ => {
                        let defaults = frame.info.func.as_ref().map_or(&[][..], |f| &f.defaults[..]);
                        let first_default = p.positional.len().saturating_sub(defaults.len());
                        let all_filled = args.len() == p.positional.len();
                        while all_filled && args.len() > first_default {
                            match (args.last(), defaults.get(args.len() - 1 - first_default)) {
                                (Some(a), Some(d)) if a.is(d) => args.pop(),
                                _ => break,
                            };
                        }
                    }
                }
                // Keyword-only parameters as the call passed them (`fetch(3, timeout=2)`),
                // those still at their defaults left out as above.
                let first_kwonly = p.positional.len() + p.varargs.is_some() as usize;
                let kw_defaults = frame.info.func.as_ref().map_or(&[][..], |f| &f.kw_defaults[..]);
                for (i, name) in p.kwonly.iter().enumerate() {
                    let Some(Some(value)) = frame.slots.get(first_kwonly + i) else { continue };
                    let default = kw_defaults.iter().find(|(n, _)| n == name).map(|(_, d)| d);
                    if !default.is_some_and(|d| value.is(d)) {
                        keywords.push((name.clone(), value.clone()));
                    }
                }
                args
            }
            _ => return format!("{}()", self.qualname),
        };
        let args: Vec<String> = args
            .iter()
            .map(|v| label_arg(interp, v))
            .chain(keywords.iter().map(|(name, v)| format!("{name}={}", label_arg(interp, v))))
            .collect();
        format!("{}({})", self.name, args.join(", "))
    }

    /// The line its `async def` starts at.
    pub fn first_line(&self) -> u32 {
        self.first_line
    }

    /// The line its frame is at: where it waits, or its `async def` before it starts.
    pub fn current_line(&self) -> u32 {
        self.info.as_ref().map_or(self.first_line, |i| i.line.get())
    }

    /// Takes the coroutine to run it (await, or a task); `None` once taken.
    pub fn take(&self, interp: &Interp) -> Option<BoxFuture> {
        let mut body = self.body.borrow_mut();
        match body.take()? {
            Body::Frame(frame) => Some(Box::pin(drive(interp.rc(), *frame))),
            Body::Native(f) => Some(f),
            suspended @ Body::Suspended(_) => {
                *body = Some(suspended);
                None
            }
        }
    }

    /// `coro.send(v)` and `coro.throw(e)`: its frame stepped here, by hand, as far as it goes
    /// without awaiting (its awaits run on the event loop only). Returning ends it with
    /// StopIteration, as in CPython; the errors of misuse are CPython's.
    fn step_by_hand(&self, interp: &Interp, resume: Resume) -> R<Value> {
        let body = self.body.borrow_mut().take();
        let mut frame = match (body, resume) {
            (None, _) => return Err(interp.runtime_error("cannot reuse already awaited coroutine")),
            (Some(Body::Frame(frame)), Resume::Send(v)) if !v.is_none() => {
                *self.body.borrow_mut() = Some(Body::Frame(frame));
                return Err(interp.type_error("can't send non-None value to a just-started coroutine"));
            }
            // Thrown in before it started: it ends by it, having run nothing.
            (Some(Body::Frame(_) | Body::Native(_)), Resume::Throw(e)) => return Err(e),
            (Some(Body::Frame(frame)), _) => frame,
            (Some(other @ (Body::Native(_) | Body::Suspended(_))), Resume::Send(_) | Resume::Start) => {
                *self.body.borrow_mut() = Some(other);
                return Err(interp.runtime_error(STEPPED_TO_AWAIT));
            }
            (Some(Body::Suspended(frame)), Resume::Throw(e)) => {
                let mut frame = frame;
                return self.after_step(interp, run(interp, &mut frame, Resume::Throw(e)), frame);
            }
        };
        let exit = run(interp, &mut frame, Resume::Start);
        self.after_step(interp, exit, frame)
    }

    fn after_step(&self, interp: &Interp, exit: Exit, frame: Box<Frame>) -> R<Value> {
        match exit {
            Exit::Return(v) => Err(interp.stop_iteration(v)),
            Exit::Raise(e) => Err(pep479(interp, e, "coroutine", "StopIteration")),
            Exit::Await(aw) => {
                // What it awaits is let go of without running (a coroutine, unreported).
                if let Some(c) = aw.downcast::<Coroutine>() {
                    c.close();
                }
                *self.body.borrow_mut() = Some(Body::Suspended(frame));
                Err(interp.runtime_error(STEPPED_TO_AWAIT))
            }
            Exit::Yield(_) => Err(interp.runtime_error("a coroutine cannot yield a value here")),
            Exit::Call(_) | Exit::Pause => Err(interp.runtime_error("only the program's top level runs driver calls")),
        }
    }

    /// `coro.close()`: before it ran, it never will (nothing is reported); stopped at an
    /// `await` by [`Coroutine::step_by_hand`], GeneratorExit is thrown in there, so its
    /// `finally` blocks run.
    fn close_by_hand(&self, interp: &Interp) -> R<()> {
        let body = self.body.borrow_mut().take();
        let Some(Body::Suspended(mut frame)) = body else { return Ok(()) };
        let exit = PyErr::Exc(interp.new_exc(&interp.types.exc("GeneratorExit"), vec![]));
        match run(interp, &mut frame, Resume::Throw(exit)) {
            Exit::Return(_) => Ok(()),
            Exit::Raise(e) if e.is(&interp.types.exc("GeneratorExit")) => Ok(()),
            Exit::Raise(e) => Err(e),
            Exit::Await(aw) => {
                if let Some(c) = aw.downcast::<Coroutine>() {
                    c.close();
                }
                Err(interp.runtime_error("coroutine ignored GeneratorExit"))
            }
            Exit::Yield(_) | Exit::Call(_) | Exit::Pause => {
                Err(interp.runtime_error("coroutine ignored GeneratorExit"))
            }
        }
    }

    /// Whether it is one of the engine's own (asyncio's `sleep`, `Queue.get`…), with no frame.
    pub fn is_native(&self) -> bool {
        self.info.is_none()
    }

    pub fn started(&self) -> bool {
        !matches!(&*self.body.borrow(), Some(Body::Frame(_) | Body::Native(_)))
    }

    /// `coro.close()` before it ran: it never will, and nothing is reported.
    pub fn close(&self) {
        self.body.borrow_mut().take();
    }
}

/// Keeps `v` alive as long as the exception `e` (see [`ExcData::holds`]).
pub fn hold_in(e: PyErr, v: Value) -> PyErr {
    if let PyErr::Exc(inst) = &e {
        if let Some(data) = &inst.exc {
            data.borrow_mut().holds.push(v);
        }
    }
    e
}

impl Drop for Coroutine {
    fn drop(&mut self) {
        if !matches!(self.body.get_mut(), Some(Body::Frame(_) | Body::Native(_))) {
            return;
        }
        let Some(interp) = self.interp.upgrade() else { return };
        warn_never_awaited(&interp, &self.qualname);
    }
}

/// CPython's RuntimeWarning for a coroutine finalised before it ran, at the line running now:
/// the running frame's, or else the line awaiting what just ended (a local of a coroutine that
/// returned goes while its awaiter runs), or else asyncio's callback line (a task's coroutine
/// ends in the event loop's `Handle._run`, events.py:80; the stdlib's path is left out).
/// Printed once per place and coroutine name, as the warnings module's default action does (a
/// forgotten `await` in a loop warns once); at shutdown (`sys:1`) without the tracemalloc
/// hint, as CPython prints it there.
pub fn warn_never_awaited(interp: &Interp, qualname: &str) {
    /// Where the event loop runs callbacks (and so steps tasks), in CPython 3.11's events.py.
    const LOOP_CALLBACK_LINE: u32 = 80;
    let line = interp.current_line();
    let line = if line > 0 { line } else { interp.awaiting.borrow().last().copied().unwrap_or(0) };
    /// Where `Runner.close` (so `asyncio.run`) cancels the tasks left, in CPython 3.11.
    const CANCEL_ALL_TASKS_LINE: u32 = 71;
    let place = match interp.source_line(line).filter(|_| line > 0) {
        Some(src) => Some((line, format!("main.py:{line}"), src.trim().to_string())),
        None if interp.in_cancel_all_tasks.get() => Some((
            u32::MAX - 1,
            format!("asyncio/runners.py:{CANCEL_ALL_TASKS_LINE}"),
            "_cancel_all_tasks(loop)".to_string(),
        )),
        None if current().is_some_and(|(rt, _)| rt.loop_running()) => Some((
            u32::MAX,
            format!("asyncio/events.py:{LOOP_CALLBACK_LINE}"),
            "self._context.run(self._callback, *self._args)".to_string(),
        )),
        None => None,
    };
    let at = place.as_ref().map_or(0, |p| p.0);
    let phase = interp.exit_phase.get();
    if place.is_none() && phase == ExitPhase::Teardown {
        // Said after the coroutines found in cycles, as CPython's shutdown goes.
        interp.torn_down.borrow_mut().push(Name::from(qualname));
    } else if interp.warned_never_awaited.borrow_mut().insert((at, Name::from(qualname))) {
        let text = match place {
            Some((_, place, src)) => format!(
                "{place}: RuntimeWarning: coroutine '{qualname}' was never awaited\n  {src}\n{TRACEMALLOC_HINT}"
            ),
            None if phase == ExitPhase::Collecting => {
                format!("sys:1: RuntimeWarning: coroutine '{qualname}' was never awaited\n{TRACEMALLOC_HINT}")
            }
            None => format!("sys:1: RuntimeWarning: coroutine '{qualname}' was never awaited\n"),
        };
        interp.write(Stream::Stderr, &text);
    }
    if let Some((rt, task)) = current() {
        let name = rt.text(qualname.rsplit('.').next().unwrap_or(qualname));
        rt.record(task, EventKind::NeverAwaited { name });
    }
}

impl Object for Coroutine {
    fn type_name(&self) -> &str {
        "coroutine"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        Ok(format!("<coroutine object {} at 0x{:x}>", self.qualname, this.identity().unwrap_or(0)))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(match &**name {
            "__name__" => Value::Str(self.name.clone()),
            "__qualname__" => Value::Str(self.qualname.clone()),
            "close" => method(this, "close", |interp, args| {
                let c = super::objects::self_of::<Coroutine>(interp, &args)?;
                c.close_by_hand(interp)?;
                c.close();
                Ok(Value::None)
            }),
            "send" => method(this, "send", |interp, args| {
                super::builtins::expect_count(interp, args.pos.len().saturating_sub(1), "coroutine.send", 1, 1)?;
                let v = args.pos.get(1).cloned().unwrap_or_default();
                super::objects::self_of::<Coroutine>(interp, &args)?.step_by_hand(interp, Resume::Send(v))
            }),
            "throw" => method(this, "throw", |interp, args| {
                if args.pos.len() < 2 {
                    return Err(interp.type_error("throw expected at least 1 argument, got 0"));
                }
                let thrown = args.pos.get(1).cloned().unwrap_or_default();
                let exception = match &thrown {
                    Value::Instance(i) => i.exc.is_some(),
                    Value::Class(c) => c.is_exception(),
                    _ => false,
                };
                if !exception {
                    return Err(interp.type_error(format!(
                        "exceptions must be classes or instances deriving from BaseException, not {}",
                        thrown.type_name()
                    )));
                }
                let e = ops::to_exception(interp, thrown)?;
                super::objects::self_of::<Coroutine>(interp, &args)?.step_by_hand(interp, Resume::Throw(PyErr::Exc(e)))
            }),
            "cr_running" => Value::Bool(false),
            "cr_code" => Value::object(CodeObject {
                name: self.name.clone(),
                qualname: self.qualname.clone(),
                // asyncio's own coroutines are native here: their code is in no file.
                line: self.info.as_ref().map(|_| self.first_line),
            }),
            "__await__" => method(this, "__await__", |_, args| {
                Ok(Value::object(AwaitWrapper(args.pos.first().cloned().unwrap_or_default())))
            }),
            _ => return None,
        }))
    }
}

/// A coroutine's `cr_code`: the names and place of its code, which is all a program reads of it
/// (CPython's code object also has the bytecode).
struct CodeObject {
    name: Name,
    qualname: Name,
    /// Its `async def`'s line in main.py (`None`: asyncio's own, native here).
    line: Option<u32>,
}

impl Object for CodeObject {
    fn type_name(&self) -> &str {
        "code"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        let at = this.identity().unwrap_or(0);
        Ok(match self.line {
            Some(line) => format!("<code object {} at 0x{at:x}, file \"main.py\", line {line}>", self.name),
            None => format!("<code object {} at 0x{at:x}>", self.name),
        })
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(match (&**name, self.line) {
            ("co_name", _) => Value::Str(self.name.clone()),
            ("co_qualname", _) => Value::Str(self.qualname.clone()),
            ("co_filename", Some(_)) => Value::str("main.py"),
            ("co_firstlineno", Some(line)) => Value::Int(i64::from(line)),
            _ => return None,
        }))
    }
}

/// What `coro.__await__()` returns: awaiting it awaits the coroutine (the pattern
/// `def __await__(self): return self._run().__await__()`).
pub struct AwaitWrapper(pub Value);

impl Object for AwaitWrapper {
    fn type_name(&self) -> &str {
        "coroutine_wrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// `yield from coro.__await__()` in an `__await__` generator: one step that hands the
    /// coroutine to the code awaiting the generator ([`drive_iter`]), whose result comes back
    /// as the `yield from`'s value.
    fn iter(&self, _interp: &Interp, _this: &Value) -> Option<R<Value>> {
        Some(Ok(Value::object(AwaitStep { aw: self.0.clone(), started: std::cell::Cell::new(false) })))
    }
}

/// The iterator over a `coroutine_wrapper`: it yields once, an [`AwaitMarker`] of the
/// coroutine, and then returns what is sent back (the coroutine's result).
pub struct AwaitStep {
    aw: Value,
    started: std::cell::Cell<bool>,
}

impl Object for AwaitStep {
    fn type_name(&self) -> &str {
        "coroutine_wrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn next(&self, _interp: &Interp) -> Option<R<Option<Value>>> {
        if self.started.replace(true) {
            return Some(Ok(None));
        }
        Some(Ok(Some(Value::object(AwaitMarker(self.aw.clone())))))
    }
    fn iter(&self, _interp: &Interp, this: &Value) -> Option<R<Value>> {
        Some(Ok(this.clone()))
    }
}

/// What an [`AwaitStep`] yields: the awaitable the code awaiting the generator awaits.
pub struct AwaitMarker(Value);

impl Object for AwaitMarker {
    fn type_name(&self) -> &str {
        "coroutine_wrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Awaiting an iterator that `__await__` returned (a generator, `iter([])`): as an asyncio task
/// steps a coroutine, each value it yields is a wait. `None` (a bare `yield`) gives the loop one
/// turn; an asyncio future or task is awaited; an [`AwaitMarker`] (from `yield from
/// coro.__await__()`) is awaited and its result sent back in; anything else is thrown back in as
/// asyncio's "Task got bad yield". Its return value is the await's.
async fn drive_iter(interp: Rc<Interp>, it: Value) -> R<Value> {
    let mut sent: R<Value> = Ok(Value::None);
    loop {
        let stepped = match sent {
            Ok(v) => step(&interp, &it, Some(v)),
            Err(e) if it.downcast::<Generator>().is_some() || matches!(e, PyErr::Stop(_)) => throw(&interp, &it, e),
            Err(e) => match ops::special(&interp, &it, "throw") {
                Some(m) => match super::call::call(&interp, &m, Args { pos: vec![e.value()], ..Args::default() }) {
                    Ok(y) => Ok(Ok(y)),
                    Err(e) if e.is(&interp.types.exc("StopIteration")) => Ok(Err(stop_value(&interp, &e))),
                    Err(e) => Err(e),
                },
                None => Err(e),
            },
        };
        let yielded = match stepped? {
            Ok(y) => y,
            Err(returned) => return Ok(returned),
        };
        sent = if let Some(m) = yielded.downcast::<AwaitMarker>() {
            match awaitable(&interp, m.0.clone()) {
                Ok(f) => f.await,
                Err(e) => Err(e),
            }
        } else if yielded.is_none() {
            match super::modules::asyncio::yield_once(&interp) {
                Ok(f) => f.await.map(|_| Value::None),
                Err(e) => Err(e),
            }
        } else if let Some(f) = super::modules::asyncio::awaitable(&interp, &yielded) {
            match f {
                Ok(f) => f.await.map(|_| Value::None),
                Err(e) => Err(e),
            }
        } else {
            match ops::repr(&interp, &yielded) {
                Ok(r) => Err(interp.runtime_error(format!("Task got bad yield: {r}"))),
                Err(e) => Err(e),
            }
        };
    }
}

/// Awaiting what an `__await__` returned that is not a coroutine: an iterator, driven by
/// [`drive_iter`]; anything else is CPython's TypeError.
pub fn awaited_iterator(interp: &Interp, it: Value) -> R<BoxFuture> {
    let iterator = match &it {
        Value::Object(_) => true,
        Value::Instance(_) => ops::special(interp, &it, "__next__").is_some(),
        _ => false,
    };
    if !iterator {
        return Err(interp.type_error(format!("__await__() returned non-iterator of type '{}'", it.type_name())));
    }
    Ok(Box::pin(drive_iter(interp.rc(), it)))
}

/// The value a `StopIteration` carries (its first argument), None without one.
fn stop_value(interp: &Interp, e: &PyErr) -> Value {
    super::attr::get_attr(interp, &e.value(), &Name::from("value")).unwrap_or_default()
}

/// Runs a coroutine's frame to its end, awaiting what it awaits.
async fn drive(interp: Rc<Interp>, mut frame: Frame) -> R<Value> {
    let mut resume = Resume::Start;
    loop {
        // Where a step ends, what its drops deferred runs (its frame's locals dropped first).
        match run_driven(&interp, &mut frame, resume) {
            // The line it returned or raised at: where the step that ended its task left it
            // (an awaited coroutine's is overwritten by its caller's, the task's own).
            Exit::Return(v) => {
                note_line(frame.info.line.get());
                frame.keep_in_cycle(&interp);
                drop(frame);
                return interp.settled(Ok(v));
            }
            Exit::Raise(e) => {
                note_line(frame.info.line.get());
                frame.keep_in_cycle(&interp);
                drop(frame);
                return interp.settled(Err(pep479(&interp, e, "coroutine", "StopIteration")));
            }
            Exit::Yield(_) => return Err(interp.runtime_error("a coroutine cannot yield a value here")),
            Exit::Call(_) => return Err(interp.runtime_error("only the program's top level runs driver calls")),
            Exit::Pause => {
                BrowserTurn::new(&interp, frame.info.line.get()).await;
                resume = Resume::Send(Value::None);
            }
            Exit::Await(aw) => {
                interp.settle()?;
                if let Some(e) = super::modules::asyncio::awaiting_itself(&interp, &aw) {
                    resume = Resume::Throw(e);
                    continue;
                }
                let fut = match awaitable(&interp, aw) {
                    Ok(f) => f,
                    Err(e) => {
                        resume = Resume::Throw(e);
                        continue;
                    }
                };
                let line = frame.info.line.get();
                resume = match (AtLine { inner: fut, line, interp: interp.clone() }).await {
                    Ok(v) => Resume::Send(v),
                    Err(e) => Resume::Throw(e),
                };
            }
        }
    }
}

/// A pause for the browser in the middle of a long step (see `exec::Exit::Pause`): pending
/// once, as a pause (the runtime goes on with the step as soon as the browser has had its turn),
/// and again while a `time.sleep` that left its wait here has time to go; then done.
pub struct BrowserTurn {
    interp: Rc<Interp>,
    line: u32,
    sleep: Option<f64>,
    paused: bool,
}

impl BrowserTurn {
    pub fn new(interp: &Rc<Interp>, line: u32) -> Self {
        BrowserTurn { interp: interp.clone(), line, sleep: interp.sleep_until.take(), paused: false }
    }
}

/// A sleep ending within this many milliseconds spins to its end instead of pausing again: a
/// pause may last a frame, and the sleep should not overshoot by that much.
const SPIN_LAST_MS: f64 = 20.0;

impl Future for BrowserTurn {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let now = super::interp::now_ms();
        let sleeping = self.sleep.is_some_and(|until| until - now > SPIN_LAST_MS);
        if !self.paused || sleeping {
            self.paused = true;
            crate::runtime::pause_step(crate::runtime::Pause { line: Some(self.line), waiting: sleeping });
            return Poll::Pending;
        }
        if let Some(until) = self.sleep.take() {
            while super::interp::now_ms() < until {
                std::hint::spin_loop();
            }
            crate::runtime::clock_moved();
        }
        self.interp.stretch_started.set(f64::NAN);
        Poll::Ready(())
    }
}

/// Tells the runtime the line a task waits at whenever the awaited thing is pending (the
/// innermost await says it first, so it wins). While it polls what it awaits, the awaiting
/// frame counts toward the recursion limit, as in CPython, where it is still on the stack.
struct AtLine {
    inner: BoxFuture,
    line: u32,
    interp: Rc<Interp>,
}

impl Future for AtLine {
    type Output = R<Value>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<R<Value>> {
        let interp = self.interp.clone();
        let _nested = match interp.nest("") {
            Ok(n) => n,
            Err(e) => return Poll::Ready(Err(e)),
        };
        interp.awaiting.borrow_mut().push(self.line);
        let p = self.inner.as_mut().poll(cx);
        interp.awaiting.borrow_mut().pop();
        if p.is_pending() {
            note_line(self.line);
        }
        p
    }
}

/// What awaiting `v` means: a future to await.
pub fn awaitable(interp: &Interp, v: Value) -> R<BoxFuture> {
    if let Some(c) = v.downcast::<Coroutine>() {
        return c.take(interp).ok_or_else(|| interp.runtime_error("cannot reuse already awaited coroutine"));
    }
    if let Some(w) = v.downcast::<AwaitWrapper>() {
        return awaitable(interp, w.0.clone());
    }
    if let Some(f) = super::modules::asyncio::awaitable(interp, &v) {
        return f;
    }
    if let Some(m) = ops::special(interp, &v, "__await__") {
        let it = super::call::call(interp, &m, Args::default())?;
        if it.downcast::<Coroutine>().is_some()
            || it.downcast::<AwaitWrapper>().is_some()
            || super::modules::asyncio::is_awaitable_object(&it)
        {
            return awaitable(interp, it);
        }
        return awaited_iterator(interp, it);
    }
    Err(interp.type_error(format!("object {} can't be used in 'await' expression", v.type_name())))
}

// ----- crossing into the toolbox -----------------------------------------------------------

/// A Python exception travelling through the toolbox (gather, task results).
pub struct PyPayload {
    pub err: PyErr,
    interp: Weak<Interp>,
}

impl Payload for PyPayload {
    fn repr(&self) -> String {
        match (&self.err, self.interp.upgrade()) {
            (PyErr::Exc(_), Some(interp)) => ops::repr(&interp, &self.err.value()).unwrap_or_default(),
            (PyErr::Stop(m), _) => m.to_string(),
            _ => String::new(),
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The toolbox's view of a Python exception.
pub fn to_aio(interp: &Interp, e: PyErr) -> Exception {
    let kind = match &e {
        PyErr::Exc(inst) => {
            // Classified by its nearest built-in class, so a subclass of CancelledError is
            // still a cancellation to the toolbox.
            let base = inst
                .class
                .lineage()
                .find(|c| !c.user)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| inst.class.name.clone());
            base.to_string()
        }
        PyErr::Stop(_) => "InterleaveStop".to_string(),
    };
    let message = match &e {
        PyErr::Exc(_) => ops::str_of(interp, &e.value()).unwrap_or_default(),
        PyErr::Stop(m) => m.to_string(),
    };
    Exception::with_payload(&kind, message, Rc::new(PyPayload { err: e, interp: interp.this.clone() }))
}

/// A toolbox exception as a Python one.
pub fn from_aio(interp: &Interp, e: Exception) -> PyErr {
    if let Some(p) = e.payload().and_then(|p| p.as_any().downcast_ref::<PyPayload>()) {
        return p.err.clone();
    }
    let class = interp.types.exc(e.kind());
    let args = if e.message().is_empty() { vec![] } else { vec![Value::str(e.message())] };
    let exc = interp.new_exc(&class, args);
    // The loop raised it (a cancellation, a timeout), though maybe in no frame of the program.
    if let Some(data) = &exc.exc {
        data.borrow_mut().raised = true;
    }
    PyErr::Exc(exc)
}

// ----- generators --------------------------------------------------------------------------

enum GenState {
    Ready { frame: Box<Frame>, started: bool },
    Running,
    Done,
}

/// A generator object.
pub struct Generator {
    name: Name,
    qualname: Name,
    state: RefCell<GenState>,
    interp: Weak<Interp>,
}

pub fn generator(interp: &Interp, frame: Frame, qualname: Name) -> Value {
    Value::object(Generator {
        name: frame.code.name.clone(),
        qualname,
        state: RefCell::new(GenState::Ready { frame: Box::new(frame), started: false }),
        interp: interp.this.clone(),
    })
}

/// CPython closes a generator dropped unfinished (`for n in numbers(): break`): GeneratorExit
/// is thrown in where it stands, so its `finally` blocks and `with` exits run, at once. Here
/// they run at the next safe point ([`Interp::defer`]); one suspended outside any such block
/// has nothing to run.
impl Drop for Generator {
    fn drop(&mut self) {
        let GenState::Ready { frame, started: true } = std::mem::replace(self.state.get_mut(), GenState::Done) else {
            return;
        };
        if !frame.has_blocks() {
            return;
        }
        let Some(interp) = self.interp.upgrade() else { return };
        // The address its repr showed (`Exception ignored in: <generator object …>`).
        let at = self as *const Generator as usize;
        let what = format!("<generator object {} at 0x{at:x}>", self.qualname);
        interp.defer(Box::new(move |interp| {
            let mut frame = frame;
            let r = close_frame(interp, &mut frame);
            ignored(interp, &what, r)
        }));
    }
}

/// Throws GeneratorExit into a suspended generator's frame, as `close()` does: `Ok` when it
/// ends by it (or returns).
/// PEP 479: a `what` (StopIteration, or an async generator's StopAsyncIteration) leaking out
/// of a generator or coroutine becomes RuntimeError, caused by it; anything else passes.
fn pep479(interp: &Interp, e: PyErr, kind: &str, what: &str) -> PyErr {
    if !e.is(&interp.types.exc(what)) {
        return e;
    }
    let r = interp.runtime_error(format!("{kind} raised {what}"));
    if let (PyErr::Exc(new), PyErr::Exc(old)) = (&r, &e) {
        if let Some(d) = &new.exc {
            let mut d = d.borrow_mut();
            d.cause = Some(Value::Instance(old.clone()));
            d.suppress_context = true;
        }
    }
    r
}

pub fn close_frame(interp: &Interp, frame: &mut Frame) -> R<()> {
    let exit = PyErr::Exc(interp.new_exc(&interp.types.exc("GeneratorExit"), vec![]));
    match run(interp, frame, Resume::Throw(exit)) {
        Exit::Return(_) => Ok(()),
        Exit::Raise(e) if e.is(&interp.types.exc("GeneratorExit")) => Ok(()),
        Exit::Raise(e) => Err(e),
        Exit::Yield(_) => Err(interp.runtime_error("generator ignored GeneratorExit")),
        Exit::Await(_) => Err(interp.err("SyntaxError", "'await' outside async function")),
        Exit::Call(_) | Exit::Pause => Err(interp.runtime_error("only the program's top level runs driver calls")),
    }
}

/// What a finaliser raised, reported as CPython's `PyErr_WriteUnraisable` does; only a stop
/// goes on.
fn ignored(interp: &Interp, what: &str, r: R<()>) -> R<()> {
    match r {
        Ok(()) => Ok(()),
        Err(PyErr::Stop(m)) => Err(PyErr::Stop(m)),
        Err(e) => {
            let text = format!("Exception ignored in: {what}\n{}", super::traceback::format_unraisable(interp, &e));
            interp.write(Stream::Stderr, &text);
            Ok(())
        }
    }
}

impl Generator {
    /// Resumes with `resume`: `Ok(Ok(v))` it yielded `v`, `Ok(Err(v))` it returned `v`.
    fn resume(&self, interp: &Interp, resume: Option<Resume>) -> R<Result<Value, Value>> {
        let state = std::mem::replace(&mut *self.state.borrow_mut(), GenState::Running);
        let (mut frame, started) = match state {
            GenState::Ready { frame, started } => (frame, started),
            GenState::Running => {
                *self.state.borrow_mut() = GenState::Running;
                return Err(interp.value_error("generator already executing"));
            }
            GenState::Done => {
                *self.state.borrow_mut() = GenState::Done;
                return match resume {
                    Some(Resume::Throw(e)) => Err(e),
                    _ => Ok(Err(Value::None)),
                };
            }
        };
        let how = match resume {
            Some(r) => {
                if let (false, Resume::Send(v)) = (started, &r) {
                    if !v.is_none() {
                        *self.state.borrow_mut() = GenState::Ready { frame, started };
                        return Err(interp.type_error("can't send non-None value to a just-started generator"));
                    }
                }
                if started {
                    r
                } else {
                    match r {
                        Resume::Throw(e) => {
                            *self.state.borrow_mut() = GenState::Done;
                            return Err(e);
                        }
                        _ => Resume::Start,
                    }
                }
            }
            None => {
                if started {
                    Resume::Send(Value::None)
                } else {
                    Resume::Start
                }
            }
        };
        match run(interp, &mut frame, how) {
            Exit::Yield(v) => {
                *self.state.borrow_mut() = GenState::Ready { frame, started: true };
                Ok(Ok(v))
            }
            Exit::Return(v) => {
                *self.state.borrow_mut() = GenState::Done;
                Ok(Err(v))
            }
            Exit::Raise(e) => {
                *self.state.borrow_mut() = GenState::Done;
                Err(pep479(interp, e, "generator", "StopIteration"))
            }
            Exit::Await(_) => {
                *self.state.borrow_mut() = GenState::Done;
                Err(interp.err("SyntaxError", "'await' outside async function"))
            }
            Exit::Call(_) | Exit::Pause => {
                *self.state.borrow_mut() = GenState::Done;
                Err(interp.runtime_error("only the program's top level runs driver calls"))
            }
        }
    }
}

impl Generator {
    /// `gen.close()`: GeneratorExit is thrown in, so its `finally:` blocks run, as in CPython.
    fn close(&self, interp: &Interp) -> R<()> {
        let started = matches!(&*self.state.borrow(), GenState::Ready { started: true, .. });
        if !started {
            *self.state.borrow_mut() = GenState::Done;
            return Ok(());
        }
        let exit = PyErr::Exc(interp.new_exc(&interp.types.exc("GeneratorExit"), vec![]));
        match self.resume(interp, Some(Resume::Throw(exit))) {
            Ok(Ok(_)) => Err(interp.runtime_error("generator ignored GeneratorExit")),
            Ok(Err(_)) => Ok(()),
            Err(e) if e.is(&interp.types.exc("GeneratorExit")) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// `it.close()` of a generator a frame delegates to (`yield from`).
pub fn close(interp: &Interp, it: &Value) -> R<()> {
    match it.downcast::<Generator>() {
        Some(g) => g.close(interp),
        None => Ok(()),
    }
}

/// `it.throw(e)` of a generator a frame delegates to: as [`step`].
pub fn throw(interp: &Interp, it: &Value, e: PyErr) -> R<Result<Value, Value>> {
    match it.downcast::<Generator>() {
        Some(g) => g.resume(interp, Some(Resume::Throw(e))),
        None => Err(e),
    }
}

/// One step of an iterator for `yield from` and `next()`: `Ok(Ok(yielded))`, or
/// `Ok(Err(returned))` once it ends (a generator's return value; `None` for others).
pub fn step(interp: &Interp, it: &Value, sent: Option<Value>) -> R<Result<Value, Value>> {
    if let Some(a) = it.downcast::<AwaitStep>() {
        if a.started.get() {
            return Ok(Err(sent.unwrap_or_default()));
        }
    }
    match it.downcast::<Generator>() {
        Some(g) => g.resume(interp, sent.map(Resume::Send)),
        None => match sent {
            Some(v) if !v.is_none() => {
                Err(interp.attribute_error(format!("'{}' object has no attribute 'send'", it.type_name())))
            }
            _ => Ok(ops::next(interp, it)?.ok_or(Value::None)),
        },
    }
}

impl Object for Generator {
    fn type_name(&self) -> &str {
        "generator"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        Ok(format!("<generator object {} at 0x{:x}>", self.qualname, this.identity().unwrap_or(0)))
    }
    fn next(&self, interp: &Interp) -> Option<R<Option<Value>>> {
        Some(self.resume(interp, None).map(Result::ok))
    }
    fn iter(&self, _interp: &Interp, this: &Value) -> Option<R<Value>> {
        Some(Ok(this.clone()))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "__name__" => return Some(Ok(Value::Str(self.name.clone()))),
            "__qualname__" => return Some(Ok(Value::Str(self.qualname.clone()))),
            "send" => |interp, args| {
                let g = super::objects::self_of::<Generator>(interp, &args)?;
                let v = args.pos.get(1).cloned().unwrap_or_default();
                match g.resume(interp, Some(Resume::Send(v)))? {
                    Ok(y) => Ok(y),
                    Err(r) => Err(interp.stop_iteration(r)),
                }
            },
            "__next__" => |interp, args| {
                let g = super::objects::self_of::<Generator>(interp, &args)?;
                match g.resume(interp, None)? {
                    Ok(y) => Ok(y),
                    Err(r) => Err(interp.stop_iteration(r)),
                }
            },
            "throw" => |interp, args| {
                let g = super::objects::self_of::<Generator>(interp, &args)?;
                let e = ops::to_exception(interp, args.pos.get(1).cloned().unwrap_or_default())?;
                match g.resume(interp, Some(Resume::Throw(PyErr::Exc(e))))? {
                    Ok(y) => Ok(y),
                    Err(r) => Err(interp.stop_iteration(r)),
                }
            },
            "close" => |interp, args| {
                super::objects::self_of::<Generator>(interp, &args)?.close(interp)?;
                Ok(Value::None)
            },
            "__iter__" => |_, args| Ok(args.pos.first().cloned().unwrap_or_default()),
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

// ----- async generators --------------------------------------------------------------------

/// Where an async generator stands.
enum AgenState {
    /// Between steps: its frame, and whether it has started.
    Ready(Box<Frame>, bool),
    /// A step runs it (its frame is the step's): another step is refused, as CPython's
    /// `ag_running_async`.
    Running,
    Done,
}

type AsyncGenFrame = Rc<RefCell<AgenState>>;

/// An async generator object: `async def` with `yield`.
pub struct AsyncGenerator {
    name: Name,
    qualname: Name,
    frame: AsyncGenFrame,
    interp: Weak<Interp>,
}

pub fn async_generator(interp: &Interp, frame: Frame, qualname: Name) -> Value {
    Value::object(AsyncGenerator {
        name: frame.code.name.clone(),
        qualname,
        frame: Rc::new(RefCell::new(AgenState::Ready(Box::new(frame), false))),
        interp: interp.this.clone(),
    })
}

/// One `__anext__()` (`input` is `Start`), `asend(v)` or `athrow(e)`: runs the frame,
/// awaiting what it awaits, to its next `yield`. `name` is the method CPython's error names
/// when a step is already running it (`anext` for `asend` too).
async fn anext(interp: Rc<Interp>, slot: AsyncGenFrame, input: Resume, name: &'static str) -> R<Value> {
    let state = std::mem::replace(&mut *slot.borrow_mut(), AgenState::Running);
    let (mut frame, started) = match state {
        AgenState::Ready(frame, started) => (frame, started),
        AgenState::Running => {
            return Err(interp.runtime_error(format!("{name}(): asynchronous generator is already running")));
        }
        AgenState::Done => {
            *slot.borrow_mut() = AgenState::Done;
            return Err(match input {
                Resume::Throw(e) => e,
                _ => interp.err("StopAsyncIteration", ""),
            });
        }
    };
    let _step = Step(slot.clone());
    let mut resume = match (input, started) {
        // Thrown into a generator that has not started: it ends there, as in CPython.
        (Resume::Throw(e), false) => return Err(e),
        (Resume::Send(v), false) if !matches!(v, Value::None) => {
            *slot.borrow_mut() = AgenState::Ready(frame, false);
            return Err(interp.type_error("can't send non-None value to a just-started async generator"));
        }
        (Resume::Throw(e), true) => Resume::Throw(e),
        (Resume::Send(v), true) => Resume::Send(v),
        (Resume::Start, true) => Resume::Send(Value::None),
        (_, false) => Resume::Start,
    };
    loop {
        // As in `drive`: what the step's drops deferred runs where it ends, and a long step
        // pauses for the browser.
        match run_driven(&interp, &mut frame, resume) {
            Exit::Yield(v) => {
                *slot.borrow_mut() = AgenState::Ready(frame, true);
                return interp.settled(Ok(v));
            }
            Exit::Return(_) => {
                drop(frame);
                return interp.settled(Err(interp.err("StopAsyncIteration", "")));
            }
            Exit::Raise(e) => {
                drop(frame);
                let e = pep479(&interp, e, "async generator", "StopIteration");
                return interp.settled(Err(pep479(&interp, e, "async generator", "StopAsyncIteration")));
            }
            Exit::Call(_) => return Err(interp.runtime_error("only the program's top level runs driver calls")),
            Exit::Pause => {
                BrowserTurn::new(&interp, frame.info.line.get()).await;
                resume = Resume::Send(Value::None);
            }
            Exit::Await(aw) => {
                interp.settle()?;
                if let Some(e) = super::modules::asyncio::awaiting_itself(&interp, &aw) {
                    resume = Resume::Throw(e);
                    continue;
                }
                let fut = match awaitable(&interp, aw) {
                    Ok(f) => f,
                    Err(e) => {
                        resume = Resume::Throw(e);
                        continue;
                    }
                };
                resume = match fut.await {
                    Ok(v) => Resume::Send(v),
                    Err(e) => Resume::Throw(e),
                };
            }
        }
    }
}

/// A step running an async generator: however it ends without putting the frame back (the
/// generator returned or raised, or the step was dropped), the generator is done.
struct Step(AsyncGenFrame);

impl Drop for Step {
    fn drop(&mut self) {
        if let Ok(mut state) = self.0.try_borrow_mut() {
            if matches!(*state, AgenState::Running) {
                *state = AgenState::Done;
            }
        }
    }
}

/// asyncio's finaliser hook for an async generator dropped unfinished after it started
/// (`async for n in ticker(): break`): `loop.call_soon(loop.create_task, agen.aclose())`, so
/// its `finally` runs in a task of its own a turn or two later. Scheduled at the next safe
/// point ([`Interp::defer`]); one in the middle of a step (its frame out of the slot) is left.
impl Drop for AsyncGenerator {
    fn drop(&mut self) {
        let Some(slot) = Rc::get_mut(&mut self.frame) else { return };
        let AgenState::Ready(frame, true) = std::mem::replace(slot.get_mut(), AgenState::Done) else { return };
        let Some(interp) = self.interp.upgrade() else { return };
        interp.defer(Box::new(move |interp| {
            schedule_aclose(interp, frame);
            Ok(())
        }));
    }
}

/// The hook's `call_soon(create_task, aclose())`, on the running loop (none: nothing closes it).
fn schedule_aclose(interp: &Interp, frame: Box<Frame>) {
    let Some((rt, _)) = current() else { return };
    if interp.no_loop_in_copy() {
        return;
    }
    let weak = interp.this.clone();
    let run = rt.downgrade();
    rt.call_soon(move || {
        let (Some(interp), Some(rt)) = (weak.upgrade(), run.upgrade()) else { return };
        let slot: AsyncGenFrame = Rc::new(RefCell::new(AgenState::Ready(frame, true)));
        rt.in_callback(|| {
            let coro = aclose(&interp, slot, true);
            let task = super::modules::asyncio::spawn_task(&interp, &Args { pos: vec![coro], kw: vec![] }, 0);
            if let Err(e) = task {
                let text = format!("Exception in callback\n{}", super::traceback::format_exception_plain(&interp, &e));
                interp.write(Stream::Stderr, &text);
            }
        });
    });
}

/// `agen.aclose()`: GeneratorExit thrown in at its `yield`, awaiting what its `finally` awaits.
/// `hook`: made by the finaliser hook for a task of its own (see [`Unstarted`]).
fn aclose(interp: &Interp, slot: AsyncGenFrame, hook: bool) -> Value {
    let exit = PyErr::Exc(interp.new_exc(&interp.types.exc("GeneratorExit"), vec![]));
    let mut unstarted = Unstarted { slot: slot.clone(), interp: interp.this.clone(), armed: hook };
    let step = anext(interp.rc(), slot, Resume::Throw(exit), "aclose");
    let i = interp.rc();
    native(interp, "aclose", async move {
        unstarted.disarm();
        match step.await {
            Ok(_) => Err(i.runtime_error("async generator ignored GeneratorExit")),
            Err(e) if e.is(&i.types.exc("GeneratorExit")) || e.is(&i.types.exc("StopAsyncIteration")) => {
                Ok(Value::None)
            }
            Err(e) => Err(e),
        }
    })
}

/// The hook's `aclose()` task cancelled before its first step (the shutdown of `asyncio.run`
/// cancels the tasks left): asyncio throws the CancelledError into the generator where it
/// stands, so its `finally` still runs, in that task. The toolbox drops such a task's
/// coroutine unrun instead; so, as it is dropped there, a task of the same name takes its
/// place to throw the cancellation in (it runs in the loop's next turn, before the shutdown
/// stops the loop, and ends where its `finally` first awaits something still pending then).
struct Unstarted {
    slot: AsyncGenFrame,
    interp: Weak<Interp>,
    armed: bool,
}

impl Unstarted {
    /// The task took its first step: the generator is thrown into there.
    fn disarm(&mut self) {
        self.armed = false;
    }
}

impl Drop for Unstarted {
    fn drop(&mut self) {
        // Dropped by the task's own first step (the only place that drops it unrun while the
        // loop runs; a run that ended has nothing left to run it).
        let running = current().is_some_and(|(rt, _)| rt.phase() == crate::runtime::Phase::Running);
        if !self.armed || !running {
            return;
        }
        let Some(interp) = self.interp.upgrade() else { return };
        let Ok(mut slot) = self.slot.try_borrow_mut() else { return };
        let AgenState::Ready(frame, true) = std::mem::replace(&mut *slot, AgenState::Done) else { return };
        drop(slot);
        let slot: AsyncGenFrame = Rc::new(RefCell::new(AgenState::Ready(frame, true)));
        let cancelled = PyErr::Exc(interp.new_exc(&interp.types.exc("CancelledError"), vec![]));
        let step = anext(interp.rc(), slot, Resume::Throw(cancelled), "athrow");
        let coro = native(&interp, "aclose", async move { step.await.map(|_| Value::None) });
        let name = current_task_name(&interp);
        let kw = name.map(|n| (Name::from("name"), n)).into_iter().collect();
        let task = super::modules::asyncio::spawn_task(&interp, &Args { pos: vec![coro], kw }, 0);
        if let Err(e) = task {
            let text = format!("Exception in callback\n{}", super::traceback::format_exception_plain(&interp, &e));
            interp.write(Stream::Stderr, &text);
        }
    }
}

/// `asyncio.current_task().get_name()`, if a task runs.
fn current_task_name(interp: &Interp) -> Option<Value> {
    let asyncio = super::call::import_module(interp, "asyncio").ok()?;
    let current_task = super::attr::get_attr(interp, &asyncio, &Name::from("current_task")).ok()?;
    let task = super::call::call(interp, &current_task, Args::default()).ok()?;
    if task.is_none() {
        return None;
    }
    let get_name = super::attr::get_attr(interp, &task, &Name::from("get_name")).ok()?;
    super::call::call(interp, &get_name, Args::default()).ok()
}

impl Object for AsyncGenerator {
    fn type_name(&self) -> &str {
        "async_generator"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        Ok(format!("<async_generator object {} at 0x{:x}>", self.qualname, this.identity().unwrap_or(0)))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "__name__" => return Some(Ok(Value::Str(self.name.clone()))),
            "__qualname__" => return Some(Ok(Value::Str(self.qualname.clone()))),
            "ag_running" => return Some(Ok(Value::Bool(matches!(*self.frame.borrow(), AgenState::Running)))),
            "__aiter__" => |_, args| Ok(args.pos.first().cloned().unwrap_or_default()),
            "__anext__" => |interp, args| {
                let g = super::objects::self_of::<AsyncGenerator>(interp, &args)?;
                Ok(native(interp, "anext", anext(interp.rc(), g.frame.clone(), Resume::Start, "anext")))
            },
            "asend" => |interp, args| {
                let g = super::objects::self_of::<AsyncGenerator>(interp, &args)?;
                let sent = args.pos.get(1).cloned().unwrap_or_default();
                Ok(native(interp, "asend", anext(interp.rc(), g.frame.clone(), Resume::Send(sent), "anext")))
            },
            "athrow" => |interp, args| {
                let g = super::objects::self_of::<AsyncGenerator>(interp, &args)?;
                let e = ops::to_exception(interp, args.pos.get(1).cloned().unwrap_or_default())?;
                Ok(native(
                    interp,
                    "athrow",
                    anext(interp.rc(), g.frame.clone(), Resume::Throw(PyErr::Exc(e)), "athrow"),
                ))
            },
            "aclose" => |interp, args| {
                let g = super::objects::self_of::<AsyncGenerator>(interp, &args)?;
                Ok(aclose(interp, g.frame.clone(), false))
            },
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn a_long_argument_keeps_its_end_so_lanes_stay_apart() {
        let url = |i| format!("'http://127.0.0.1:33643/some/sub/path/static/data/items/{i}.json'");
        assert_eq!(shorten(&url(3)), "'http://127.0.0.1:…ath/static/data/items/3.json'");
        assert_ne!(shorten(&url(3)), shorten(&url(4)));
        assert_eq!(shorten(&url(3)).chars().count(), 48);
        assert_eq!(shorten("'short'"), "'short'");
        assert_eq!(shorten(&"é".repeat(60)).chars().count(), 48);
    }
}
