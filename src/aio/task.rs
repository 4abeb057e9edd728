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
//! - Rust cancels by dropping a future; the toolbox keeps asyncio's shape: `cancel()` asks, and
//!   the task stops at its current `await` on its next turn, its destructors playing the part
//!   of `finally:` blocks (timers cleared, requests aborted, permits given back).

use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::value::{Exception, PyRepr, PyResult, Repr};
use crate::runtime::{current, note_wait, Completion, End, Runtime, WeakRuntime};
use crate::trace::{CancelledBy, EventKind, TaskId, Wait};

type BoxedCoro<T> = Pin<Box<dyn Future<Output = PyResult<T>>>>;

/// A named, not-yet-started coroutine: what calling an `async def` gives you in Python.
#[must_use = "a coroutine does nothing unless awaited or passed to create_task/gather"]
pub struct Coro<T> {
    name: String,
    future: Option<BoxedCoro<T>>,
    started: bool,
    /// The run it was created in, to report it if it is never awaited.
    run: Option<(WeakRuntime, TaskId)>,
}

/// Makes a coroutine object: `coro("fetch_data()", async move { … })`.
pub fn coro<T, F>(name: impl Into<String>, future: F) -> Coro<T>
where
    F: Future<Output = PyResult<T>> + 'static,
{
    Coro {
        name: name.into(),
        future: Some(Box::pin(future)),
        started: false,
        run: current().map(|(rt, task)| (rt.downgrade(), task)),
    }
}

impl<T> Coro<T> {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The same coroutine, its result turned into its repr (so demos of any result type can
    /// share one runner).
    pub fn into_repr(self) -> Coro<Repr>
    where
        T: PyRepr + 'static,
    {
        let (name, future) = self.into_parts();
        Coro {
            name,
            future: future.map(|f| Box::pin(async move { f.await.map(|v| Repr(v.py_repr())) }) as BoxedCoro<Repr>),
            started: false,
            run: None,
        }
    }

    fn into_parts(mut self) -> (String, Option<BoxedCoro<T>>) {
        (std::mem::take(&mut self.name), self.future.take())
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
        if let Some((run, task)) = &self.run {
            if let Some(rt) = run.upgrade() {
                let name = rt.text(&self.name);
                rt.record(*task, EventKind::NeverAwaited { name });
            }
        }
    }
}

/// A scheduled coroutine (asyncio's `Task`). Await it for its result; clones share the task.
pub struct Task<T> {
    run: WeakRuntime,
    id: TaskId,
    result: Rc<RefCell<Option<PyResult<T>>>>,
    /// This handle is being awaited (so dropping it mid-wait means its awaiter was cancelled).
    awaited: bool,
}

impl<T> Clone for Task<T> {
    fn clone(&self) -> Self {
        Task { run: self.run.clone(), id: self.id, result: self.result.clone(), awaited: false }
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

/// Starts `coro` as a task of `rt` (child of `parent`).
pub fn spawn_on<T: TaskValue>(rt: &Runtime, parent: Option<TaskId>, coro: Coro<T>) -> Task<T> {
    let (name, future) = coro.into_parts();
    let result = Rc::new(RefCell::new(None));
    let slot = result.clone();
    let weak = rt.downgrade();
    let wrapped = async move {
        let outcome = match future {
            Some(f) => f.await,
            None => Err(Exception::new("RuntimeError", "cannot reuse already awaited coroutine")),
        };
        // Reprs cost an allocation; skip them when nothing would store them.
        let recording = weak.upgrade().is_some_and(|rt| rt.is_recording());
        let completion = match &outcome {
            Ok(v) => Completion::Done(if recording { v.py_repr() } else { String::new() }),
            Err(e) => Completion::Failed(e.py_repr()),
        };
        *slot.borrow_mut() = Some(outcome);
        completion
    };
    let id = if parent.is_none() {
        rt.spawn_main(&name, Box::pin(wrapped))
    } else {
        rt.spawn(parent, &name, Box::pin(wrapped))
    };
    Task { run: rt.downgrade(), id, result, awaited: false }
}

/// `asyncio.create_task(coro)`: schedule it now; it starts on the next loop turn.
pub fn create_task<T: TaskValue>(coro: Coro<T>) -> Task<T> {
    let (rt, me) = inside("create_task");
    spawn_on(&rt, Some(me), coro)
}

/// `asyncio.run(main())`: starts `main` as the run's main task. When it ends, every task still
/// pending is cancelled and the run is over. On the virtual clock, follow with
/// `rt.run_until_end()`; in the browser the page's event loop drives it.
pub fn run<T: TaskValue>(rt: &Runtime, main: Coro<T>) -> Task<T> {
    spawn_on(rt, None, main)
}

/// `print(...)`: a line of output, tied to the task that printed it.
pub fn print(line: impl AsRef<str>) {
    let (rt, me) = inside("print");
    let text = rt.text(line.as_ref());
    rt.record(me, EventKind::Print { text });
}

/// The running task and its run. Toolbox calls only make sense inside a task, as in asyncio
/// ("no running event loop"); demo code always is, so this is a programming error if it fails.
pub(crate) fn inside(what: &str) -> (Runtime, TaskId) {
    current().unwrap_or_else(|| panic!("{what}() called outside a running task"))
}

impl<T: Clone> Task<T> {
    pub fn id(&self) -> TaskId {
        self.id
    }

    /// `task.done()`
    pub fn done(&self) -> bool {
        self.end().is_some()
    }

    /// `task.cancelled()`
    pub fn cancelled(&self) -> bool {
        self.end() == Some(End::Cancelled)
    }

    /// `task.cancel()`: asks the task to stop at its current await point. False if it had
    /// already ended.
    pub fn cancel(&self) -> bool {
        let Some(rt) = self.run.upgrade() else {
            return false;
        };
        let by = current().map_or(CancelledBy::Stop, |(_, t)| CancelledBy::Task(t));
        rt.cancel(self.id, by)
    }

    /// The outcome once ended (`task.result()` / `task.exception()`), without waiting.
    pub fn outcome(&self) -> Option<PyResult<T>> {
        match self.end()? {
            End::Cancelled => Some(Err(Exception::cancelled())),
            End::Done | End::Failed => self.result.borrow().clone(),
        }
    }

    fn end(&self) -> Option<End> {
        self.run.upgrade().and_then(|rt| rt.task_end(self.id))
    }
}

impl<T: Clone> Future for Task<T> {
    type Output = PyResult<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<T>> {
        self.awaited = true;
        if let Some(outcome) = self.outcome() {
            if outcome.is_err() {
                if let Some((rt, me)) = current() {
                    rt.record(me, EventKind::Retrieved { task: self.id });
                }
            }
            return Poll::Ready(outcome);
        }
        match self.run.upgrade() {
            Some(rt) => {
                rt.wake_when_ended(self.id, cx.waker());
                note_wait(Wait::Join { task: self.id });
                Poll::Pending
            }
            // The run is gone, so the task will never finish.
            None => Poll::Ready(Err(Exception::cancelled())),
        }
    }
}

/// `try: … finally: cleanup()`. The cleanup runs when the guard drops: at the end of the
/// block, or where the task was waiting if it is cancelled (Rust runs destructors there, which
/// is how cancellation reaches a coroutine's `finally:` here).
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

/// A task cancelled while awaiting another task cancels that one too, as asyncio's
/// `Task.cancel()` cancels the future its task is waiting on.
impl<T> Drop for Task<T> {
    fn drop(&mut self) {
        if !self.awaited || self.result.borrow().is_some() {
            return;
        }
        if let Some(rt) = self.run.upgrade() {
            let by = current().map_or(CancelledBy::Stop, |(_, t)| CancelledBy::Task(t));
            rt.cancel(self.id, by);
        }
    }
}
