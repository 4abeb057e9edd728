//! Awaiting several things at once: `gather`, `wait`, `as_completed`, and `wait_for`.
//!
//! asyncio semantics kept here (checked by tests on the virtual clock):
//! - `gather` wraps each coroutine in a task at once; results come back in argument order.
//!   Without `return_exceptions`, the first exception (in completion order) reaches the awaiter
//!   and the other tasks keep running; with it, each exception takes its task's place.
//!   If the awaiting task is cancelled, gather cancels the children still running.
//! - `wait_for` runs the awaitable as a task (as Python up to 3.11 did; 3.12 runs a bare
//!   coroutine inside the waiting task instead, so the page draws one lane more than 3.12 has,
//!   with the same prints, result and timing); on timeout it cancels that task, waits for it to
//!   stop, and raises `TimeoutError`. Cancelling the waiter cancels the task too.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::sleep::{secs_to_micros, sleep, Sleep};
use super::task::{create_task, inside, Coro, Task, TaskValue};
use super::value::{Exception, PyResult};
use crate::runtime::{current, note_wait, End, Runtime};
use crate::trace::{CancelledBy, EventKind, TaskId, Text, Wait};

/// What asyncio functions accept: a coroutine (wrapped in a task for you) or a task.
pub enum Awaitable<T> {
    Coro(Coro<T>),
    Task(Task<T>),
}

impl<T> From<Coro<T>> for Awaitable<T> {
    fn from(c: Coro<T>) -> Self {
        Awaitable::Coro(c)
    }
}

impl<T> From<Task<T>> for Awaitable<T> {
    fn from(t: Task<T>) -> Self {
        Awaitable::Task(t)
    }
}

impl<T: TaskValue> Awaitable<T> {
    /// `asyncio.ensure_future`: a task for it, made now if it was a coroutine.
    pub fn into_task(self) -> Task<T> {
        match self {
            Awaitable::Coro(c) => create_task(c),
            Awaitable::Task(t) => t,
        }
    }
}

/// When a child's end should wake the awaiting task. asyncio resumes a task awaiting `gather`
/// once, when the gathering future is done, not on every child; only `as_completed` hands
/// each one over.
#[derive(Clone, Copy, PartialEq)]
enum WakeOn {
    /// Every child's end (`as_completed`, `wait(FIRST_COMPLETED)`).
    Each,
    /// The last child's end, or a child failing (`gather` fail-fast, `wait(FIRST_EXCEPTION)`).
    AllOrFailure { cancelled_too: bool },
    /// Only the last child's end.
    All,
}

/// The order in which a group of tasks ended, filled by done-callbacks.
struct Watch {
    ended: VecDeque<(usize, End)>,
    left: usize,
    waker: Option<Waker>,
    wake_on: WakeOn,
}

/// A group of tasks awaited together by `owner`, with the order they end in.
struct Group<T> {
    run: Runtime,
    owner: TaskId,
    tasks: Vec<Task<T>>,
    watch: Rc<RefCell<Watch>>,
    /// Shown as what the owner waits on ("gather", "wait", "as_completed").
    what: Text,
}

impl<T: TaskValue> Group<T> {
    /// `retrieve`: mark each exception as retrieved as soon as its task fails, as gather's
    /// done-callback does (so none is reported "never retrieved").
    fn new<A: Into<Awaitable<T>>>(
        what: &str,
        aws: impl IntoIterator<Item = A>,
        retrieve: bool,
        wake_on: WakeOn,
    ) -> Self {
        let (run, owner) = inside(what);
        let tasks: Vec<Task<T>> = aws.into_iter().map(|a| a.into().into_task()).collect();
        let watch = Rc::new(RefCell::new(Watch { ended: VecDeque::new(), left: tasks.len(), waker: None, wake_on }));
        for (i, task) in tasks.iter().enumerate() {
            let watch = watch.clone();
            let weak = run.downgrade();
            let child = task.id();
            run.when_ended(child, move |end| {
                if retrieve && end == End::Failed {
                    if let Some(rt) = weak.upgrade() {
                        rt.record(owner, EventKind::Retrieved { task: child });
                    }
                }
                let waker = {
                    let mut w = watch.borrow_mut();
                    w.ended.push_back((i, end));
                    w.left -= 1;
                    let decided = match w.wake_on {
                        WakeOn::Each => true,
                        WakeOn::All => w.left == 0,
                        WakeOn::AllOrFailure { cancelled_too } => {
                            w.left == 0 || end == End::Failed || (cancelled_too && end == End::Cancelled)
                        }
                    };
                    if decided {
                        w.waker.clone()
                    } else {
                        None
                    }
                };
                if let Some(w) = waker {
                    w.wake();
                }
            });
        }
        let what = run.text(what);
        Group { run, owner, tasks, watch, what }
    }

    fn next_ended(&self) -> Option<(usize, End)> {
        self.watch.borrow_mut().ended.pop_front()
    }

    fn left(&self) -> usize {
        self.watch.borrow().left
    }

    fn wait(&self, cx: &Context<'_>) {
        let mut w = self.watch.borrow_mut();
        if !w.waker.as_ref().is_some_and(|old| old.will_wake(cx.waker())) {
            w.waker = Some(cx.waker().clone());
        }
        note_wait(Wait::Many { what: self.what, pending: w.left as u32 });
    }

    fn outcome(&self, i: usize) -> PyResult<T> {
        self.tasks[i].outcome().unwrap_or_else(|| Err(Exception::cancelled()))
    }

    fn cancel_unfinished(&self) {
        for t in &self.tasks {
            if !t.done() {
                self.run.cancel(t.id(), crate::trace::CancelledBy::Task(self.owner));
            }
        }
    }
}

/// `asyncio.gather(*aws)`: the children start now; await for their results in argument order.
pub fn gather<T: TaskValue, A: Into<Awaitable<T>>>(aws: impl IntoIterator<Item = A>) -> Gather<T> {
    Gather {
        group: Group::new("gather", aws, true, WakeOn::AllOrFailure { cancelled_too: true }),
        awaited: false,
        finished: false,
    }
}

#[must_use = "await the gather to get its results (its tasks run either way)"]
pub struct Gather<T: TaskValue> {
    group: Group<T>,
    awaited: bool,
    finished: bool,
}

impl<T: TaskValue> Gather<T> {
    /// `gather(*aws, return_exceptions=True)`: every result or exception, in place.
    pub fn return_exceptions(self) -> GatherAll<T> {
        self.group.watch.borrow_mut().wake_on = WakeOn::All;
        GatherAll { gather: self }
    }

    /// The tasks gather made (or was given), in argument order.
    pub fn tasks(&self) -> &[Task<T>] {
        &self.group.tasks
    }
}

impl<T: TaskValue> Future for Gather<T> {
    type Output = PyResult<Vec<T>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.awaited = true;
        while let Some((i, end)) = self.group.next_ended() {
            if end != End::Done {
                // The first failure or cancellation (in the order they happened) is raised;
                // the other children carry on.
                self.finished = true;
                return Poll::Ready(Err(self.group.outcome(i).err().unwrap_or_else(Exception::cancelled)));
            }
        }
        if self.group.left() == 0 {
            self.finished = true;
            let results: PyResult<Vec<T>> = (0..self.group.tasks.len()).map(|i| self.group.outcome(i)).collect();
            return Poll::Ready(results);
        }
        self.group.wait(cx);
        Poll::Pending
    }
}

impl<T: TaskValue> Drop for Gather<T> {
    fn drop(&mut self) {
        // Dropped while awaited and unfinished: the awaiting task was cancelled, and asyncio
        // cancels gather's children with it.
        if self.awaited && !self.finished {
            self.group.cancel_unfinished();
        }
    }
}

#[must_use = "await the gather to get its results (its tasks run either way)"]
pub struct GatherAll<T: TaskValue> {
    gather: Gather<T>,
}

impl<T: TaskValue> Future for GatherAll<T> {
    type Output = Vec<PyResult<T>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let g = &mut self.gather;
        g.awaited = true;
        while let Some((i, end)) = g.group.next_ended() {
            if end == End::Failed {
                g.group.run.record(g.group.owner, EventKind::Swallowed { task: g.group.tasks[i].id() });
            }
        }
        if g.group.left() == 0 {
            g.finished = true;
            return Poll::Ready((0..g.group.tasks.len()).map(|i| g.group.outcome(i)).collect());
        }
        g.group.wait(cx);
        Poll::Pending
    }
}

/// When `wait` returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnWhen {
    FirstCompleted,
    FirstException,
    AllCompleted,
}

/// `asyncio.wait(aws, timeout=…, return_when=…)` → `(done, pending)`. `done` is in the order the
/// tasks ended; `pending` in argument order. Nothing is cancelled, even on timeout.
pub async fn wait<T: TaskValue, A: Into<Awaitable<T>>>(
    aws: impl IntoIterator<Item = A>,
    timeout: Option<f64>,
    return_when: ReturnWhen,
) -> (Vec<Task<T>>, Vec<Task<T>>) {
    let wake_on = match return_when {
        ReturnWhen::FirstCompleted => WakeOn::Each,
        ReturnWhen::FirstException => WakeOn::AllOrFailure { cancelled_too: false },
        ReturnWhen::AllCompleted => WakeOn::All,
    };
    let group = Group::new("wait", aws, false, wake_on);
    WaitGroup { group, done: Vec::new(), failed: false, timer: timeout.map(sleep), return_when }.await
}

struct WaitGroup<T: TaskValue> {
    group: Group<T>,
    done: Vec<usize>,
    failed: bool,
    timer: Option<Sleep>,
    return_when: ReturnWhen,
}

impl<T: TaskValue> Future for WaitGroup<T> {
    type Output = (Vec<Task<T>>, Vec<Task<T>>);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        while let Some((i, end)) = this.group.next_ended() {
            this.failed |= end == End::Failed;
            this.done.push(i);
        }
        let timed_out = this.timer.as_mut().is_some_and(|t| Pin::new(t).poll(cx).is_ready());
        let finished = this.group.left() == 0
            || timed_out
            || match this.return_when {
                ReturnWhen::FirstCompleted => !this.done.is_empty(),
                ReturnWhen::FirstException => this.failed,
                ReturnWhen::AllCompleted => false,
            };
        if finished {
            let done: Vec<Task<T>> = this.done.iter().map(|&i| this.group.tasks[i].clone()).collect();
            let pending = this.group.tasks.iter().filter(|t| !t.done()).cloned().collect();
            return Poll::Ready((done, pending));
        }
        this.group.wait(cx);
        Poll::Pending
    }
}

/// `asyncio.as_completed(aws)`: results in the order the tasks finish.
/// `while let Some(result) = results.next().await { … }`
pub fn as_completed<T: TaskValue, A: Into<Awaitable<T>>>(aws: impl IntoIterator<Item = A>) -> AsCompleted<T> {
    AsCompleted { group: Group::new("as_completed", aws, false, WakeOn::Each), handed_out: 0 }
}

pub struct AsCompleted<T: TaskValue> {
    group: Group<T>,
    handed_out: usize,
}

impl<T: TaskValue> AsCompleted<T> {
    /// The next result to finish, or `None` once every one has been handed out.
    pub fn next(&mut self) -> NextCompleted<'_, T> {
        NextCompleted { of: self }
    }
}

pub struct NextCompleted<'a, T: TaskValue> {
    of: &'a mut AsCompleted<T>,
}

impl<T: TaskValue> Future for NextCompleted<'_, T> {
    type Output = Option<PyResult<T>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let of = &mut *self.of;
        if let Some((i, end)) = of.group.next_ended() {
            of.handed_out += 1;
            if end == End::Failed {
                of.group.run.record(of.group.owner, EventKind::Retrieved { task: of.group.tasks[i].id() });
            }
            return Poll::Ready(Some(of.group.outcome(i)));
        }
        if of.handed_out == of.group.tasks.len() {
            return Poll::Ready(None);
        }
        of.group.wait(cx);
        Poll::Pending
    }
}

/// `await asyncio.wait_for(aw, timeout)`. The work starts as a task when this is first awaited
/// (a coroutine object does nothing before). With a timeout of 0 it never starts: it is
/// cancelled at once and `TimeoutError` raised, as in CPython.
pub fn wait_for<T: TaskValue>(aw: impl Into<Awaitable<T>>, timeout: f64) -> WaitFor<T> {
    WaitFor {
        aw: Some(aw.into()),
        task: None,
        timer: sleep(timeout),
        zero: secs_to_micros(timeout) == 0,
        timed_out: false,
        finished: false,
    }
}

#[must_use = "wait_for does nothing unless awaited"]
pub struct WaitFor<T: TaskValue> {
    aw: Option<Awaitable<T>>,
    task: Option<Task<T>>,
    timer: Sleep,
    zero: bool,
    timed_out: bool,
    finished: bool,
}

impl<T: TaskValue> WaitFor<T> {
    /// Time is up: cancel the work where it waits; its end then raises `TimeoutError`.
    fn time_up(&mut self, task: &Task<T>) {
        self.timed_out = true;
        if let Some((rt, me)) = current() {
            rt.cancel(task.id(), CancelledBy::Timeout(me));
        }
    }
}

impl<T: TaskValue> Future for WaitFor<T> {
    type Output = PyResult<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<T>> {
        let this = &mut *self;
        let mut task = match (this.task.take(), this.aw.take()) {
            (Some(t), _) => t,
            (None, Some(aw)) => {
                let t = aw.into_task();
                if this.zero {
                    if let Some(done) = t.outcome() {
                        this.finished = true;
                        return Poll::Ready(done);
                    }
                    this.time_up(&t);
                }
                t
            }
            (None, None) => {
                return Poll::Ready(Err(Exception::new("RuntimeError", "wait_for awaited after it finished")))
            }
        };
        if let Poll::Ready(outcome) = Pin::new(&mut task).poll(cx) {
            this.finished = true;
            return Poll::Ready(if this.timed_out { Err(Exception::timeout()) } else { outcome });
        }
        if !this.timed_out && Pin::new(&mut this.timer).poll(cx).is_ready() {
            this.time_up(&task);
        }
        note_wait(Wait::Join { task: task.id() });
        this.task = Some(task);
        Poll::Pending
    }
}

impl<T: TaskValue> Drop for WaitFor<T> {
    fn drop(&mut self) {
        // The waiter was cancelled mid-wait: asyncio cancels the work with it.
        if let Some(task) = &self.task {
            if !self.finished {
                task.cancel();
            }
        }
    }
}
