//! `asyncio.Future`: a result that will be set later, and the callbacks waiting for it.
//!
//! Everything in the toolbox that a task can wait on is built on this, as in asyncio, so the
//! order of turns is asyncio's: completing a future never runs its callbacks inline, it
//! schedules them (`call_soon`), in the order they were added. A task awaiting a future is one
//! of those callbacks (its wake-up), so it resumes on the iteration after the future completes;
//! a helper's callback (gather's, wait_for's) runs on the next iteration, and whatever *it*
//! completes wakes its own awaiters one iteration later still.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::task::inside;
use super::value::{Exception, PyResult};
use crate::runtime::{current, note_fut_waiter, note_wait, take_thrown, Cancel, WeakRuntime};
use crate::trace::{countdown_shown, CancelledBy, EventKind, TaskId, Wait};

enum State<T> {
    Pending,
    Done(T),
    Failed(Exception),
    /// Cancelled, with the exception awaiting it raises (`CancelledError(msg)`).
    Cancelled(Exception),
}

/// A done-callback: called with the future once it is done.
type DoneFn<T> = Rc<dyn Fn(&Fut<T>)>;

enum Callback<T> {
    /// A task waiting on this future: its wake-up (asyncio's `Task.__wakeup`), and which task
    /// it is (for [`Fut::tell_left`]).
    Wake(Waker, Option<TaskId>),
    Call(DoneFn<T>),
}

/// Replaces `cancel()` for futures that stand for something else (a task, a gather).
pub type CancelHook = Box<dyn Fn(Option<Rc<str>>, CancelledBy) -> bool>;

/// What a failed future whose exception nobody read reports when it is dropped (asyncio's
/// "Task exception was never retrieved", logged from `Future.__del__`).
type LostHook = Box<dyn FnOnce(&Exception)>;

struct Inner<T> {
    run: WeakRuntime,
    state: RefCell<State<T>>,
    callbacks: RefCell<Vec<(u64, Callback<T>)>>,
    next_callback: Cell<u64>,
    /// An exception was set and nobody has read it yet (asyncio's `__log_traceback`).
    unretrieved: Cell<bool>,
    cancel_hook: RefCell<Option<CancelHook>>,
    lost_hook: RefCell<Option<LostHook>>,
    /// The task this is the result of, for the recording's "retrieved" marks.
    task: Cell<Option<TaskId>>,
    /// The class its repr names: `Future`, or `_GatheringFuture` for a gather's.
    class: Cell<&'static str>,
}

impl<T> Drop for Inner<T> {
    fn drop(&mut self) {
        if !self.unretrieved.get() {
            return;
        }
        let hook = self.lost_hook.borrow_mut().take();
        if let (Some(hook), State::Failed(e)) = (hook, &*self.state.borrow()) {
            hook(e);
        }
    }
}

/// `asyncio.Future`. Clones share the future.
pub struct Fut<T>(Rc<Inner<T>>);

impl<T> Clone for Fut<T> {
    fn clone(&self) -> Self {
        Fut(self.0.clone())
    }
}

/// An id to remove a done-callback with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallbackId(u64);

impl<T: Clone + 'static> Default for Fut<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone + 'static> Fut<T> {
    /// `loop.create_future()`, on the running loop.
    pub fn new() -> Self {
        let (rt, _) = inside("create_future");
        Self::on(rt.downgrade())
    }

    /// A future of the given run (for futures made outside any poll).
    pub fn on(run: WeakRuntime) -> Self {
        Fut(Rc::new(Inner {
            run,
            state: RefCell::new(State::Pending),
            callbacks: RefCell::new(Vec::new()),
            next_callback: Cell::new(0),
            unretrieved: Cell::new(false),
            cancel_hook: RefCell::new(None),
            lost_hook: RefCell::new(None),
            task: Cell::new(None),
            class: Cell::new("Future"),
        }))
    }

    /// Makes `cancel()` call `hook` instead (a task's or a gather's own cancellation).
    pub fn set_cancel_hook(&self, hook: CancelHook) {
        *self.0.cancel_hook.borrow_mut() = Some(hook);
    }

    /// Called with the exception if this future is dropped failed and unread.
    pub fn on_lost(&self, hook: impl FnOnce(&Exception) + 'static) {
        *self.0.lost_hook.borrow_mut() = Some(Box::new(hook));
    }

    pub(crate) fn set_task(&self, task: TaskId) {
        self.0.task.set(Some(task));
    }

    /// The task this future is the result of, if it is a task's.
    pub fn task(&self) -> Option<TaskId> {
        self.0.task.get()
    }

    /// The class its repr names (asyncio's `Future` or `_GatheringFuture`).
    pub fn class(&self) -> &'static str {
        self.0.class.get()
    }

    pub(crate) fn set_class(&self, class: &'static str) {
        self.0.class.set(class);
    }

    /// How many tasks wait on it: its `Task.task_wakeup()` callbacks, as its repr lists them.
    pub fn wakeups(&self) -> usize {
        self.0.callbacks.borrow().iter().filter(|(_, c)| matches!(c, Callback::Wake(..))).count()
    }

    /// The tasks waiting on this future now have `left` things pending (one of a gather's
    /// children finished): recorded for each, so its wait reads as it stands (they are not
    /// woken until the last).
    pub fn tell_left(&self, left: usize) {
        let left = left.min(u32::MAX as usize) as u32;
        // Only the counts a lane can show (one child in a hundred of what is left, at most).
        if !countdown_shown(left) {
            return;
        }
        let Some(rt) = self.0.run.upgrade().filter(|rt| rt.is_recording()) else { return };
        let waiting: Vec<TaskId> = self
            .0
            .callbacks
            .borrow()
            .iter()
            .filter_map(|(_, c)| match c {
                Callback::Wake(_, task) => *task,
                Callback::Call(_) => None,
            })
            .collect();
        for task in waiting {
            rt.record(task, EventKind::Left { left });
        }
    }

    /// Whether two handles are the same future.
    pub fn same(&self, other: &Fut<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// The future's identity, equal for handles of the same future (a key for sets of them).
    pub fn identity(&self) -> usize {
        Rc::as_ptr(&self.0) as *const () as usize
    }

    pub fn done(&self) -> bool {
        !matches!(*self.0.state.borrow(), State::Pending)
    }

    pub fn cancelled(&self) -> bool {
        matches!(*self.0.state.borrow(), State::Cancelled(_))
    }

    /// `future.result()`: the value, or the exception it holds; `InvalidStateError` while
    /// pending.
    pub fn result(&self) -> PyResult<T> {
        match &*self.0.state.borrow() {
            State::Pending => Err(Exception::new("InvalidStateError", "Result is not set.")),
            State::Done(v) => Ok(v.clone()),
            State::Failed(e) => {
                self.retrieved();
                Err(e.clone())
            }
            State::Cancelled(e) => Err(e.clone()),
        }
    }

    /// `future.exception()`: `Ok(None)` if it succeeded; raises if cancelled or pending.
    pub fn exception(&self) -> PyResult<Option<Exception>> {
        self.exception_for(current().map_or(TaskId::OUTSIDE, |(_, t)| t))
    }

    /// `future.exception()` read on behalf of task `by`: a done-callback runs outside any task,
    /// but the exception it passes on (gather's fail-fast) travels to the task that awaits the
    /// gather, and the timeline draws it going there.
    pub fn exception_for(&self, by: TaskId) -> PyResult<Option<Exception>> {
        match &*self.0.state.borrow() {
            State::Pending => Err(Exception::new("InvalidStateError", "Exception is not set.")),
            State::Done(_) => Ok(None),
            State::Failed(e) => {
                self.retrieved_by(by);
                Ok(Some(e.clone()))
            }
            State::Cancelled(e) => Err(e.clone()),
        }
    }

    /// The outcome without marking an exception as read (for reprs and tests).
    pub fn peek(&self) -> Option<PyResult<T>> {
        match &*self.0.state.borrow() {
            State::Pending => None,
            State::Done(v) => Some(Ok(v.clone())),
            State::Failed(e) | State::Cancelled(e) => Some(Err(e.clone())),
        }
    }

    fn retrieved(&self) {
        // Done-callbacks run outside any task.
        self.retrieved_by(current().map_or(TaskId::OUTSIDE, |(_, t)| t));
    }

    fn retrieved_by(&self, by: TaskId) {
        if self.0.unretrieved.replace(false) {
            if let (Some(task), Some(rt)) = (self.0.task.get(), self.0.run.upgrade()) {
                rt.record(by, EventKind::Retrieved { task });
            }
        }
    }

    /// `future.set_result(v)`. Ignored if already done (callers check, as asyncio's do).
    pub fn set_result(&self, value: T) {
        self.settle(State::Done(value));
    }

    /// `future.set_exception(e)`.
    pub fn set_exception(&self, e: Exception) {
        if self.settle(State::Failed(e)) {
            self.0.unretrieved.set(true);
        }
    }

    /// `future.cancel(msg)`: for a plain future, marks it cancelled and schedules its
    /// callbacks; a task or gather cancels what it stands for instead. False if already done.
    pub fn cancel(&self, msg: Option<Rc<str>>) -> bool {
        let by = current().map_or(CancelledBy::Stop, |(_, t)| CancelledBy::Task(t));
        self.cancel_as(msg, by)
    }

    /// Like [`Fut::cancel`], saying on whose behalf (a timeout, the run's end).
    pub fn cancel_as(&self, msg: Option<Rc<str>>, by: CancelledBy) -> bool {
        if self.done() {
            self.0.unretrieved.set(false);
            return false;
        }
        let hook = self.0.cancel_hook.borrow_mut().take();
        match hook {
            Some(hook) => {
                let cancelled = hook(msg, by);
                if !self.done() {
                    *self.0.cancel_hook.borrow_mut() = Some(hook);
                }
                cancelled
            }
            None => self.cancel_plain(Exception::cancelled_with(msg.as_deref())),
        }
    }

    /// `Future.cancel` itself, with the exception awaiting it will raise.
    pub fn cancel_plain(&self, e: Exception) -> bool {
        self.0.unretrieved.set(false);
        self.settle(State::Cancelled(e))
    }

    fn settle(&self, state: State<T>) -> bool {
        {
            let mut current = self.0.state.borrow_mut();
            if !matches!(*current, State::Pending) {
                return false;
            }
            *current = state;
        }
        // A hook (a gather's) may hold futures that hold this one: let go of it now.
        let hook = self.0.cancel_hook.borrow_mut().take();
        drop(hook);
        let callbacks = std::mem::take(&mut *self.0.callbacks.borrow_mut());
        for (_, callback) in callbacks {
            self.schedule(callback);
        }
        true
    }

    fn schedule(&self, callback: Callback<T>) {
        match callback {
            // A task's wake-up goes straight to the ready queue, where asyncio's scheduled
            // `__wakeup` would stand.
            Callback::Wake(w, _) => w.wake(),
            Callback::Call(f) => {
                if let Some(rt) = self.0.run.upgrade() {
                    let me = self.clone();
                    rt.call_soon(move || f(&me));
                }
            }
        }
    }

    /// `future.add_done_callback(f)`; if already done, `f` is scheduled at once.
    pub fn add_done_callback(&self, f: impl Fn(&Fut<T>) + 'static) -> CallbackId {
        self.add(Callback::Call(Rc::new(f)))
    }

    fn add(&self, callback: Callback<T>) -> CallbackId {
        let id = self.0.next_callback.get() + 1;
        self.0.next_callback.set(id);
        if self.done() {
            self.schedule(callback);
        } else {
            self.0.callbacks.borrow_mut().push((id, callback));
        }
        CallbackId(id)
    }

    /// `future.remove_done_callback(f)`.
    pub fn remove_done_callback(&self, id: CallbackId) {
        self.0.callbacks.borrow_mut().retain(|(i, _)| *i != id.0);
    }

    /// `await future`, shown on the timeline as waiting on `wait`.
    pub fn wait(&self, wait: Wait) -> FutWait<T> {
        FutWait { fut: self.clone(), callback: None, wait }
    }
}

/// A future as the runtime holds it while a task waits on it, for `task.cancel()`.
struct Waiter<T>(Fut<T>);

impl<T: Clone + 'static> Cancel for Waiter<T> {
    fn cancel(&self, msg: Option<Rc<str>>) -> bool {
        self.0.cancel(msg)
    }
    fn waited(&self) -> &dyn Any {
        &self.0
    }
}

/// `await future` from a task. Raises the cancellation thrown into the task, if any, at this
/// await; registers itself as the task's `_fut_waiter` so `task.cancel()` cancels the future.
pub struct FutWait<T> {
    fut: Fut<T>,
    callback: Option<CallbackId>,
    wait: Wait,
}

impl<T> Unpin for FutWait<T> {}

impl<T: Clone + 'static> FutWait<T> {
    /// Changes what the timeline shows this await waiting on (`gather`'s count of pending).
    pub fn set_wait(&mut self, wait: Wait) {
        self.wait = wait;
    }
}

impl<T: Clone + 'static> Future for FutWait<T> {
    type Output = PyResult<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<T>> {
        if let Some(thrown) = take_thrown() {
            if let Some(id) = self.callback.take() {
                self.fut.remove_done_callback(id);
            }
            return Poll::Ready(Err(Exception::cancelled_with(thrown.msg.as_deref())));
        }
        if self.fut.done() {
            self.callback = None;
            return Poll::Ready(self.fut.result());
        }
        if self.callback.is_none() {
            let task = current().map(|(_, task)| task);
            let id = self.fut.add(Callback::Wake(cx.waker().clone(), task));
            self.callback = Some(id);
        }
        note_fut_waiter(Rc::new(Waiter(self.fut.clone())));
        note_wait(self.wait);
        Poll::Pending
    }
}

impl<T> Drop for FutWait<T> {
    fn drop(&mut self) {
        if let Some(id) = self.callback.take() {
            self.fut.0.callbacks.borrow_mut().retain(|(i, _)| *i != id.0);
        }
    }
}

/// A future seen without its result type (`asyncio.run` cancelling and gathering whatever tasks
/// are left, the Python engine's task objects).
pub trait AnyFut {
    fn done(&self) -> bool;
    fn cancelled(&self) -> bool;
    /// `add_done_callback` with a callback that ignores the future.
    fn on_done(&self, f: Box<dyn Fn()>) -> CallbackId;
    fn remove_done_callback(&self, id: CallbackId);
    /// `future.exception()` when it failed (marking it read); `None` otherwise.
    fn failure(&self) -> Option<Exception>;
    fn cancel_as(&self, msg: Option<Rc<str>>, by: CancelledBy) -> bool;
}

impl<T: Clone + 'static> AnyFut for Fut<T> {
    fn done(&self) -> bool {
        Fut::done(self)
    }
    fn cancelled(&self) -> bool {
        Fut::cancelled(self)
    }
    fn on_done(&self, f: Box<dyn Fn()>) -> CallbackId {
        self.add_done_callback(move |_| f())
    }
    fn remove_done_callback(&self, id: CallbackId) {
        Fut::remove_done_callback(self, id)
    }
    fn failure(&self) -> Option<Exception> {
        self.exception().ok().flatten()
    }
    fn cancel_as(&self, msg: Option<Rc<str>>, by: CancelledBy) -> bool {
        Fut::cancel_as(self, msg, by)
    }
}

/// A handle that does not keep the future alive (so a failed task's future can still be
/// dropped unread, and say so, while the run remembers the task).
pub struct WeakFut<T>(std::rc::Weak<Inner<T>>);

impl<T> Fut<T> {
    pub fn downgrade(&self) -> WeakFut<T> {
        WeakFut(Rc::downgrade(&self.0))
    }
}

impl<T> WeakFut<T> {
    pub fn upgrade(&self) -> Option<Fut<T>> {
        self.0.upgrade().map(Fut)
    }
}
