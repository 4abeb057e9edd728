//! Coroutines and tasks: `async def`, `await`, `asyncio.create_task`, `asyncio.run`.
//!
//! How Python maps to Rust here:
//! - A Python coroutine object is lazy: calling `fetch()` only creates it. A Rust future is lazy
//!   too. [`Coro`] is that object with a name; awaiting it runs it inside the current task,
//!   exactly like `await fetch()`.
//! - A coroutine created and then dropped without being awaited never runs; Python warns
//!   "coroutine 'fetch' was never awaited" and so does the recording (a `NeverAwaited` event).
//! - `create_task(coro)` schedules it at once, to start on the next loop turn whether or not
//!   anyone awaits the [`Task`]. Dropping the handle does not stop the task (as in asyncio);
//!   `task.cancel()` does.
//! - Cancellation is asyncio's: `task.cancel()` makes the task's current `await` raise
//!   `CancelledError` (an `Err`), which `?` carries up like Python's unwinding, through
//!   `finally` guards; code may also catch it. Only Stop drops a task where it stands.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::future::{AnyFut, Fut, FutWait};
use super::value::{Exception, PyRepr, PyResult, Repr};
use crate::runtime::{current, take_thrown, Cancel, Completion, Runtime, WeakRuntime};
use crate::trace::{EventKind, TaskId, Wait};

type BoxedCoro<T> = Pin<Box<dyn Future<Output = PyResult<T>>>>;

/// A named, not-yet-started coroutine: what calling an `async def` gives you in Python.
#[must_use = "a coroutine does nothing unless awaited or passed to create_task/gather"]
pub struct Coro<T> {
    name: String,
    future: Option<BoxedCoro<T>>,
    started: bool,
    /// The run and task it was created in, to report it if it is never awaited; `None` once
    /// that report is not wanted (the coroutine was handed on or closed).
    origin: Option<(WeakRuntime, TaskId)>,
    /// The name Python's warning uses (`coroutine 'save' was never awaited`): the function's
    /// name, not the label with its arguments.
    function: Rc<str>,
}

/// Makes a coroutine object: `coro("fetch_data()", async move { … })`.
pub fn coro<T, F>(name: impl Into<String>, future: F) -> Coro<T>
where
    F: Future<Output = PyResult<T>> + 'static,
{
    let name = name.into();
    let function: Rc<str> = Rc::from(name.split('(').next().unwrap_or(&name));
    Coro {
        name,
        future: Some(Box::pin(future)),
        started: false,
        origin: current().map(|(rt, t)| (rt.downgrade(), t)),
        function,
    }
}

impl<T> Coro<T> {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The coroutine function's name (what Python's warnings say).
    pub fn function(&self) -> &str {
        &self.function
    }

    /// Overrides the function name used in "never awaited" reports.
    pub fn with_function(mut self, function: &str) -> Self {
        self.function = Rc::from(function);
        self
    }

    /// `coro.close()` on a coroutine never started: it will not run, and nothing is reported.
    pub fn close(mut self) {
        self.origin = None;
        self.future = None;
    }

    /// The same coroutine, its result turned into its repr (so demos of any result type can
    /// share one runner).
    pub fn into_repr(self) -> Coro<Repr>
    where
        T: PyRepr + 'static,
    {
        let (name, function, future) = self.into_parts();
        Coro {
            name,
            future: future.map(|f| Box::pin(async move { f.await.map(|v| Repr(v.py_repr())) }) as BoxedCoro<Repr>),
            started: false,
            origin: None,
            function,
        }
    }

    fn into_parts(mut self) -> (String, Rc<str>, Option<BoxedCoro<T>>) {
        self.origin = None;
        (std::mem::take(&mut self.name), self.function.clone(), self.future.take())
    }
}

impl<T> Future for Coro<T> {
    type Output = PyResult<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<T>> {
        self.started = true;
        match self.future.as_mut() {
            Some(f) => f.as_mut().poll(cx),
            None => Poll::Ready(Err(Exception::new("RuntimeError", "cannot reuse already awaited coroutine"))),
        }
    }
}

impl<T> Drop for Coro<T> {
    fn drop(&mut self) {
        if self.started || self.future.is_none() {
            return;
        }
        if let Some((run, task)) = &self.origin {
            if let Some(rt) = run.upgrade() {
                let name = rt.text(&self.function);
                rt.record(*task, EventKind::NeverAwaited { name });
            }
        }
    }
}

/// A scheduled coroutine (asyncio's `Task`): a future for the coroutine's result, and the
/// runtime task running it. Await it for its result; clones share the task.
pub struct Task<T> {
    run: WeakRuntime,
    id: TaskId,
    fut: Fut<T>,
    awaiting: Option<FutWait<T>>,
}

impl<T> Clone for Task<T> {
    fn clone(&self) -> Self {
        Task { run: self.run.clone(), id: self.id, fut: self.fut.clone(), awaiting: None }
    }
}

impl<T> fmt::Debug for Task<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Task({})", self.id.0)
    }
}

/// Bound for what tasks return: shown in the recording, handed to every awaiter.
pub trait TaskValue: PyRepr + Clone + 'static {}
impl<T: PyRepr + Clone + 'static> TaskValue for T {}

/// The runtime task's future: runs the coroutine and settles the task's [`Fut`] the way
/// `Task.__step` does when the coroutine returns or raises.
struct TaskBody<T: TaskValue> {
    coro: Option<Coro<T>>,
    fut: Fut<T>,
    run: WeakRuntime,
    id: TaskId,
    started: bool,
}

impl<T: TaskValue> Future for TaskBody<T> {
    type Output = Completion;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Completion> {
        let this = &mut *self;
        if !this.started {
            this.started = true;
            // Cancelled before its first step: the coroutine never runs a line.
            if let Some(thrown) = take_thrown() {
                if let Some(c) = this.coro.take() {
                    c.close();
                }
                this.fut.cancel_plain(Exception::cancelled_with(thrown.msg.as_deref()));
                return Poll::Ready(Completion::Cancelled);
            }
        }
        let Some(coro) = this.coro.as_mut() else {
            return Poll::Ready(Completion::Cancelled);
        };
        let outcome = match Pin::new(coro).poll(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(outcome) => outcome,
        };
        this.coro = None;
        let rt = this.run.upgrade();
        Poll::Ready(match outcome {
            Ok(value) => match rt.as_ref().and_then(|rt| rt.take_must_cancel(this.id)) {
                Some(msg) => {
                    this.fut.cancel_plain(Exception::cancelled_with(msg.as_deref()));
                    Completion::Cancelled
                }
                None => {
                    // Reprs cost an allocation; skip them when nothing would store them.
                    let repr = if rt.is_some_and(|rt| rt.is_recording()) { value.py_repr() } else { String::new() };
                    this.fut.set_result(value);
                    Completion::Done(repr)
                }
            },
            Err(e) if e.is_cancelled() => {
                this.fut.cancel_plain(e);
                Completion::Cancelled
            }
            Err(e) => {
                let repr = e.py_repr();
                this.fut.set_exception(e);
                Completion::Failed(repr)
            }
        })
    }
}

impl<T: TaskValue> Drop for TaskBody<T> {
    fn drop(&mut self) {
        // Dropped unfinished (Stop, the run's end, or a cancellation nothing could raise): the
        // task's future ends cancelled, so whatever waits on it is told.
        if !self.fut.done() {
            self.fut.cancel_plain(Exception::cancelled());
        }
    }
}

/// Starts `coro` as a task of `rt`, child of `parent` (`None`: the root task `asyncio.run`
/// starts).
pub fn spawn_on<T: TaskValue>(rt: &Runtime, parent: Option<TaskId>, coro: Coro<T>) -> Task<T> {
    let fut = Fut::on(rt.downgrade());
    let name = coro.name.clone();
    let id = TaskId(rt.task_count() as u32);
    fut.set_task(id);
    let weak = rt.downgrade();
    fut.set_cancel_hook(Box::new(move |msg, by| weak.upgrade().is_some_and(|rt| rt.cancel(id, by, msg))));
    let body = TaskBody { coro: Some(coro), fut: fut.clone(), run: rt.downgrade(), id, started: false };
    let spawned = rt.spawn(parent, &name, Box::pin(body));
    debug_assert_eq!(spawned, id);
    let weak = fut.downgrade();
    let link = TaskLink(Box::new(move || weak.upgrade().map(|f| Box::new(f) as Box<dyn AnyFut>)));
    rt.set_task_link(id, Rc::new(link));
    Task { run: rt.downgrade(), id, fut, awaiting: None }
}

/// What the runtime keeps of a task for the toolbox: its result future, without its type and
/// without keeping it alive.
struct TaskLink(Box<dyn Fn() -> Option<Box<dyn AnyFut>>>);

/// A task's result future, whatever its type, while anything still holds it.
pub fn task_future(rt: &Runtime, id: TaskId) -> Option<Box<dyn AnyFut>> {
    rt.task_link(id)?.downcast_ref::<TaskLink>().and_then(|link| (link.0)())
}

/// `asyncio.create_task(coro)`: schedule it now; it starts on the next loop turn.
pub fn create_task<T: TaskValue>(coro: Coro<T>) -> Task<T> {
    let (rt, me) = inside("create_task");
    spawn_on(&rt, Some(me), coro)
}

/// `print(...)`: a line of output, tied to the task that printed it.
pub fn print(line: impl AsRef<str>) {
    let (rt, me) = inside("print");
    let text = rt.text(line.as_ref());
    rt.record(me, EventKind::Print { text });
}

/// The running task (or [`TaskId::OUTSIDE`]) and its run. Toolbox calls only make sense inside
/// a run, as in asyncio ("no running event loop"); demo code always is, so this is a
/// programming error if it fails. The Python engine checks [`current`] before calling.
pub(crate) fn inside(what: &str) -> (Runtime, TaskId) {
    current().unwrap_or_else(|| panic!("{what}() called outside a running task"))
}

/// `asyncio.current_task()`: the task being polled, if a task is.
pub fn current_task() -> Option<TaskId> {
    current().map(|(_, t)| t).filter(|t| *t != TaskId::OUTSIDE)
}

impl<T: TaskValue> Task<T> {
    pub fn id(&self) -> TaskId {
        self.id
    }

    /// The task's result future (what `gather` and `wait` watch).
    pub fn future(&self) -> &Fut<T> {
        &self.fut
    }

    /// `task.done()`
    pub fn done(&self) -> bool {
        self.fut.done()
    }

    /// `task.cancelled()`
    pub fn cancelled(&self) -> bool {
        self.fut.cancelled()
    }

    /// `task.cancel()`: asks the task to stop at its current await point. False if it had
    /// already ended.
    pub fn cancel(&self) -> bool {
        self.fut.cancel(None)
    }

    /// `task.cancel(msg)`.
    pub fn cancel_with(&self, msg: &str) -> bool {
        self.fut.cancel(Some(Rc::from(msg)))
    }

    /// `task.result()`: raises `InvalidStateError` while pending.
    pub fn result(&self) -> PyResult<T> {
        self.fut.result()
    }

    /// The outcome once ended, without marking an exception as read.
    pub fn outcome(&self) -> Option<PyResult<T>> {
        self.fut.peek()
    }

    /// `task.cancelling()`
    pub fn cancelling(&self) -> u32 {
        self.run.upgrade().map_or(0, |rt| rt.cancelling(self.id))
    }

    /// The future the task is suspended on (asyncio's `_fut_waiter`), if any.
    pub fn fut_waiter(&self) -> Option<Rc<dyn Cancel>> {
        self.run.upgrade()?.fut_waiter(self.id)
    }

    /// `task.uncancel()`
    pub fn uncancel(&self) -> u32 {
        self.run.upgrade().map_or(0, |rt| rt.uncancel(self.id))
    }
}

impl<T: TaskValue> Future for Task<T> {
    type Output = PyResult<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<T>> {
        let (fut, id) = (self.fut.clone(), self.id);
        let wait = self.awaiting.get_or_insert_with(|| fut.wait(Wait::Join { task: id }));
        let polled = Pin::new(wait).poll(cx);
        if polled.is_ready() {
            self.awaiting = None;
        }
        polled
    }
}

/// `try: … finally: cleanup()`. The cleanup runs when the guard drops: at the end of the
/// block, when an exception (`?`) leaves it, or where the task stands if Stop drops it.
#[must_use = "the cleanup runs when this guard is dropped; bind it: let _cleanup = finally(…)"]
pub struct Finally<F: FnOnce()>(Option<F>);

pub fn finally<F: FnOnce()>(cleanup: F) -> Finally<F> {
    Finally(Some(cleanup))
}

impl<F: FnOnce()> Drop for Finally<F> {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}
