//! Awaiting several things at once: `gather`, `wait`, `as_completed`, `wait_for` and `shield`,
//! ported from CPython 3.11's `asyncio/tasks.py` so that every callback, and so every turn,
//! happens where asyncio's does:
//! - `gather` wraps each coroutine in a task at once; results come back in argument order. Each
//!   child's end schedules gather's done-callback; the last one (or, without
//!   `return_exceptions`, the first failure) completes the outer future, whose own callback
//!   wakes the awaiter: two turns after the child ended. Cancelling the outer future cancels
//!   the children, and the awaiter only hears of it once they have finished.
//! - `wait_for` runs the awaitable as a task (as 3.11 does); on timeout it cancels that task,
//!   waits for it to finish, and raises `TimeoutError`. Cancelling the waiter cancels the task.
//! - `wait` returns `(done, pending)` and cancels nothing; `as_completed` hands results over in
//!   the order they finish.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::future::{CallbackId, Fut, FutWait};
use super::queue::Queue;
use super::sleep::secs_to_micros;
use super::task::{create_task, inside, Coro, Task, TaskValue};
use super::value::{Exception, PyResult};
use crate::runtime::{current, TimerKey};
use crate::trace::{CancelledBy, EventKind, Wait};

/// What asyncio functions accept: a coroutine (wrapped in a task for you), a task, or a future.
pub enum Awaitable<T> {
    Coro(Coro<T>),
    Task(Task<T>),
    Fut(Fut<T>),
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

impl<T> From<Fut<T>> for Awaitable<T> {
    fn from(f: Fut<T>) -> Self {
        Awaitable::Fut(f)
    }
}

impl<T: TaskValue> Awaitable<T> {
    /// `asyncio.ensure_future`: its future, a task made now if it was a coroutine.
    pub fn into_future(self) -> Fut<T> {
        match self {
            Awaitable::Coro(c) => create_task(c).future().clone(),
            Awaitable::Task(t) => t.future().clone(),
            Awaitable::Fut(f) => f,
        }
    }
}

/// The wait shown for a future: a task's by its task, else a plain future.
fn wait_on<T: Clone + 'static>(fut: &Fut<T>) -> Wait {
    fut.task().map_or(Wait::Future, |task| Wait::Join { task })
}

// ----- gather ------------------------------------------------------------------------------

/// `asyncio.gather(*aws)`: the children start now; await for their results in argument order.
pub fn gather<T: TaskValue, A: Into<Awaitable<T>>>(aws: impl IntoIterator<Item = A>) -> Gather<T> {
    let return_exceptions = Rc::new(Cell::new(false));
    let (outer, children) = gather_core(aws, return_exceptions.clone(), Rc::new(|results| results));
    Gather { outer, children, return_exceptions, awaiting: None }
}

/// `asyncio.gather(*aws, return_exceptions=…)` whose future holds `convert(results)` (the
/// Python engine makes a Python list there, in the same callback, so no turn is added); with
/// the children, whose count still pending an awaiter shows.
pub fn gather_to<T: TaskValue, U: Clone + 'static, A: Into<Awaitable<T>>>(
    aws: impl IntoIterator<Item = A>,
    return_exceptions: bool,
    convert: Rc<dyn Fn(Vec<PyResult<T>>) -> U>,
) -> (Fut<U>, Vec<Fut<T>>) {
    gather_core(aws, Rc::new(Cell::new(return_exceptions)), convert)
}

/// `gather`, ported from `asyncio.tasks.gather`: the children's done-callbacks count them and
/// complete the outer future; cancelling the outer future cancels the children.
fn gather_core<T: TaskValue, U: Clone + 'static, A: Into<Awaitable<T>>>(
    aws: impl IntoIterator<Item = A>,
    return_exceptions: Rc<Cell<bool>>,
    convert: Rc<dyn Fn(Vec<PyResult<T>>) -> U>,
) -> (Fut<U>, Vec<Fut<T>>) {
    let (rt, owner) = inside("gather");
    let children: Vec<Fut<T>> = {
        // By identity, so a gather of 100k children stays linear.
        let mut unique: HashMap<usize, Fut<T>> = HashMap::new();
        aws.into_iter()
            .map(|a| {
                let fut = a.into().into_future();
                // The same task or future passed twice is one child, listed twice.
                unique.entry(fut.identity()).or_insert(fut).clone()
            })
            .collect()
    };
    let outer: Fut<U> = Fut::on(rt.downgrade());
    if children.is_empty() {
        outer.set_result(convert(Vec::new()));
        return (outer, children);
    }
    // An empty gather's is a plain future, as in asyncio.
    outer.set_class("_GatheringFuture");
    let cancel_requested = Rc::new(Cell::new(false));
    let mut seen: Vec<Fut<T>> = Vec::new();
    let mut seen_ids: HashSet<usize> = HashSet::new();
    for c in &children {
        if seen_ids.insert(c.identity()) {
            seen.push(c.clone());
        }
    }
    let nfuts = seen.len();
    let nfinished = Rc::new(Cell::new(0usize));
    let all = Rc::new(children.clone());
    let run = rt.downgrade();
    for child in &seen {
        let (outer, all, nfinished, cancel_requested, return_exceptions, run, convert) = (
            outer.clone(),
            all.clone(),
            nfinished.clone(),
            cancel_requested.clone(),
            return_exceptions.clone(),
            run.clone(),
            convert.clone(),
        );
        child.add_done_callback(move |fut| {
            nfinished.set(nfinished.get() + 1);
            if outer.done() {
                if !fut.cancelled() {
                    let _ = fut.exception();
                }
                return;
            }
            if !return_exceptions.get() {
                if fut.cancelled() {
                    outer.set_exception(fut.result().err().unwrap_or_else(Exception::cancelled));
                    return;
                }
                if let Ok(Some(e)) = fut.exception_for(owner) {
                    outer.set_exception(e);
                    return;
                }
            }
            if nfinished.get() < nfuts {
                outer.tell_left(nfuts - nfinished.get());
                return;
            }
            let rt = run.upgrade();
            let results: Vec<PyResult<T>> = all
                .iter()
                .map(|c| {
                    let r = c.result();
                    if let (Err(e), Some(rt)) = (&r, &rt) {
                        if !e.is_cancelled() {
                            if let Some(task) = c.task() {
                                rt.record(owner, EventKind::Swallowed { task });
                            }
                        }
                    }
                    r
                })
                .collect();
            if cancel_requested.get() {
                outer.set_exception(Exception::cancelled());
            } else {
                outer.set_result(convert(results));
            }
        });
    }
    let (kids, requested) = (seen, cancel_requested);
    outer.set_cancel_hook(Box::new(move |msg, by| {
        let mut cancelled = false;
        for child in &kids {
            if child.cancel_as(msg.clone(), by) {
                cancelled = true;
            }
        }
        if cancelled {
            requested.set(true);
        }
        cancelled
    }));
    (outer, children)
}

/// A gather in progress (asyncio's `_GatheringFuture`).
#[must_use = "await the gather to get its results (its tasks run either way)"]
pub struct Gather<T: TaskValue> {
    outer: Fut<Vec<PyResult<T>>>,
    children: Vec<Fut<T>>,
    return_exceptions: Rc<Cell<bool>>,
    awaiting: Option<FutWait<Vec<PyResult<T>>>>,
}

impl<T: TaskValue> Gather<T> {
    /// `gather(*aws, return_exceptions=True)`: every result or exception, in place.
    pub fn return_exceptions(self) -> GatherAll<T> {
        self.return_exceptions.set(true);
        GatherAll { gather: self }
    }

    /// The future gather returns (for the engine: it may be stored, cancelled, awaited later).
    pub fn future(&self) -> &Fut<Vec<PyResult<T>>> {
        &self.outer
    }

    /// The children's futures, in argument order.
    pub fn children(&self) -> &[Fut<T>] {
        &self.children
    }

    fn poll_outer(&mut self, cx: &mut Context<'_>) -> Poll<PyResult<Vec<PyResult<T>>>> {
        let pending = self.children.iter().filter(|c| !c.done()).count() as u32;
        let what = current().map(|(rt, _)| rt.text("gather"));
        let outer = self.outer.clone();
        let wait = self.awaiting.get_or_insert_with(|| outer.wait(Wait::Future));
        if let Some(what) = what {
            wait.set_wait(Wait::Many { what, pending });
        }
        Pin::new(wait).poll(cx)
    }
}

impl<T: TaskValue> Future for Gather<T> {
    type Output = PyResult<Vec<T>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.poll_outer(cx).map(|r| r.and_then(|all| all.into_iter().collect()))
    }
}

#[must_use = "await the gather to get its results (its tasks run either way)"]
pub struct GatherAll<T: TaskValue> {
    gather: Gather<T>,
}

impl<T: TaskValue> GatherAll<T> {
    pub fn future(&self) -> &Fut<Vec<PyResult<T>>> {
        self.gather.future()
    }
}

impl<T: TaskValue> Future for GatherAll<T> {
    type Output = PyResult<Vec<PyResult<T>>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.gather.poll_outer(cx)
    }
}

// ----- wait --------------------------------------------------------------------------------

/// When `wait` returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnWhen {
    FirstCompleted,
    FirstException,
    AllCompleted,
}

/// `asyncio.wait(fs, timeout=…, return_when=…)` over futures: the indices of those done and of
/// those pending when it returns, each in argument order. Nothing is cancelled, even on
/// timeout.
pub async fn wait_futures<T: TaskValue>(
    fs: &[Fut<T>],
    timeout: Option<f64>,
    return_when: ReturnWhen,
) -> PyResult<(Vec<usize>, Vec<usize>)> {
    if fs.is_empty() {
        return Err(Exception::value_error("Set of Tasks/Futures is empty."));
    }
    let (rt, _) = inside("wait");
    let waiter = Fut::<()>::on(rt.downgrade());
    let timer: Rc<Cell<Option<TimerKey>>> = Rc::new(Cell::new(None));
    if let Some(secs) = timeout {
        let w = waiter.clone();
        let due = rt.now().saturating_add(secs_to_micros(secs));
        timer.set(Some(rt.call_at(due, move || release_waiter(&w))));
    }
    let counter = Rc::new(Cell::new(fs.len()));
    let callbacks: Vec<_> = fs
        .iter()
        .map(|f| {
            let (counter, waiter, timer, run) = (counter.clone(), waiter.clone(), timer.clone(), rt.downgrade());
            f.add_done_callback(move |f| {
                counter.set(counter.get().saturating_sub(1));
                let failed = || !f.cancelled() && matches!(f.exception(), Ok(Some(_)));
                if counter.get() == 0
                    || return_when == ReturnWhen::FirstCompleted
                    || (return_when == ReturnWhen::FirstException && failed())
                {
                    if let (Some(key), Some(rt)) = (timer.take(), run.upgrade()) {
                        rt.cancel_timer(key);
                    }
                    release_waiter(&waiter);
                } else {
                    waiter.tell_left(counter.get());
                }
            })
        })
        .collect();
    let what = rt.text("wait");
    drop(rt);
    let pending = fs.iter().filter(|f| !f.done()).count() as u32;
    let outcome = waiter.wait(Wait::Many { what, pending }).await;
    // finally: the timer and the callbacks go, whatever happened
    if let (Some(key), Some((rt, _))) = (timer.take(), current()) {
        rt.cancel_timer(key);
    }
    for (f, id) in fs.iter().zip(callbacks) {
        f.remove_done_callback(id);
    }
    outcome?;
    let (done, pending): (Vec<usize>, Vec<usize>) = (0..fs.len()).partition(|&i| fs[i].done());
    Ok((done, pending))
}

/// `asyncio.wait(tasks, timeout=…, return_when=…)` → `(done, pending)`.
pub async fn wait<T: TaskValue>(
    tasks: &[Task<T>],
    timeout: Option<f64>,
    return_when: ReturnWhen,
) -> PyResult<(Vec<Task<T>>, Vec<Task<T>>)> {
    let futs: Vec<Fut<T>> = tasks.iter().map(|t| t.future().clone()).collect();
    let (done, pending) = wait_futures(&futs, timeout, return_when).await?;
    Ok((done.into_iter().map(|i| tasks[i].clone()).collect(), pending.into_iter().map(|i| tasks[i].clone()).collect()))
}

/// `_release_waiter`
fn release_waiter(waiter: &Fut<()>) {
    if !waiter.done() {
        waiter.set_result(());
    }
}

// ----- wait_for ----------------------------------------------------------------------------

/// `await asyncio.wait_for(aw, timeout)` (3.11): the work runs as a task; when time is up it is
/// cancelled, waited for, and `TimeoutError` raised. `None` waits for ever.
pub async fn wait_for<T: TaskValue>(aw: impl Into<Awaitable<T>>, timeout: Option<f64>) -> PyResult<T> {
    let aw = aw.into();
    let Some(timeout) = timeout else {
        return match aw {
            Awaitable::Coro(c) => c.await,
            Awaitable::Task(t) => t.await,
            Awaitable::Fut(f) => f.wait(Wait::Future).await,
        };
    };
    let (rt, me) = inside("wait_for");
    if secs_to_micros(timeout) == 0 {
        let fut = aw.into_future();
        if fut.done() {
            return fut.result();
        }
        cancel_and_wait(&fut, CancelledBy::Timeout(me)).await?;
        return match fut.result() {
            Err(e) if e.is_cancelled() => Err(Exception::timeout()),
            r => r,
        };
    }
    let waiter = Fut::<()>::on(rt.downgrade());
    let w = waiter.clone();
    let due = rt.now().saturating_add(secs_to_micros(timeout));
    let timer = rt.call_at(due, move || release_waiter(&w));
    let run = rt.downgrade();
    drop(rt);
    let _cancel_timer = super::task::finally(move || {
        if let Some(rt) = run.upgrade() {
            rt.cancel_timer(timer);
        }
    });
    let fut = aw.into_future();
    let w = waiter.clone();
    let cb = fut.add_done_callback(move |_| release_waiter(&w));
    let shown = wait_on(&fut);
    if let Err(e) = waiter.wait(shown).await {
        // The waiter itself was cancelled.
        if fut.done() {
            return fut.result();
        }
        fut.remove_done_callback(cb);
        cancel_and_wait(&fut, current_canceller()).await?;
        return Err(e);
    }
    if fut.done() {
        return fut.result();
    }
    fut.remove_done_callback(cb);
    cancel_and_wait(&fut, CancelledBy::Timeout(me)).await?;
    match fut.result() {
        Err(e) if e.is_cancelled() => Err(Exception::timeout()),
        r => r,
    }
}

fn current_canceller() -> CancelledBy {
    current().map_or(CancelledBy::Stop, |(_, t)| CancelledBy::Task(t))
}

/// `_cancel_and_wait`: cancel `fut` and wait until it has finished.
async fn cancel_and_wait<T: TaskValue>(fut: &Fut<T>, by: CancelledBy) -> PyResult<()> {
    let (rt, _) = inside("wait_for");
    let waiter = Fut::<()>::on(rt.downgrade());
    drop(rt);
    let w = waiter.clone();
    let cb = fut.add_done_callback(move |_| release_waiter(&w));
    fut.cancel_as(None, by);
    let outcome = waiter.wait(wait_on(fut)).await;
    fut.remove_done_callback(cb);
    outcome
}

// ----- as_completed ------------------------------------------------------------------------

/// `asyncio.as_completed(aws, timeout=…)`: an iterator of awaitables, each giving the next
/// result to finish. `while let Some(next) = results.next() { let r = next.await; … }`
pub fn as_completed<T: TaskValue, A: Into<Awaitable<T>>>(aws: impl IntoIterator<Item = A>) -> AsCompleted<T> {
    as_completed_within(aws, None)
}

/// `as_completed` with a timeout: after it, every awaitable still to come raises
/// `TimeoutError`.
pub fn as_completed_within<T: TaskValue, A: Into<Awaitable<T>>>(
    aws: impl IntoIterator<Item = A>,
    timeout: Option<f64>,
) -> AsCompleted<T> {
    let (rt, _) = inside("as_completed");
    let done: Queue<Option<Fut<T>>> = Queue::named("as_completed", 0);
    let todo: Rc<RefCell<Vec<Fut<T>>>> = Rc::new(RefCell::new(Vec::new()));
    let mut futs: Vec<Fut<T>> = Vec::new();
    for a in aws {
        let f = a.into().into_future();
        if !futs.iter().any(|x| x.same(&f)) {
            futs.push(f);
        }
    }
    todo.borrow_mut().extend(futs.iter().cloned());
    let timer: Rc<Cell<Option<TimerKey>>> = Rc::new(Cell::new(None));
    let callbacks: Rc<RefCell<Registered<T>>> = Rc::new(RefCell::new(Vec::new()));
    for f in &futs {
        let (todo, done, timer, run) = (todo.clone(), done.clone(), timer.clone(), rt.downgrade());
        let id = f.add_done_callback(move |f| {
            let mut left = todo.borrow_mut();
            // `_on_timeout` was here first.
            let Some(i) = left.iter().position(|x| x.same(f)) else { return };
            left.remove(i);
            let _ = done.put_nowait(Some(f.clone()));
            if left.is_empty() {
                if let (Some(key), Some(rt)) = (timer.take(), run.upgrade()) {
                    rt.cancel_timer(key);
                }
            }
        });
        callbacks.borrow_mut().push((f.clone(), id));
    }
    if let (false, Some(secs)) = (futs.is_empty(), timeout) {
        let (todo, done, callbacks) = (todo.clone(), done.clone(), callbacks.clone());
        let due = rt.now().saturating_add(secs_to_micros(secs));
        timer.set(Some(rt.call_at(due, move || {
            for (f, id) in callbacks.borrow().iter() {
                if todo.borrow().iter().any(|x| x.same(f)) {
                    f.remove_done_callback(*id);
                    let _ = done.put_nowait(None);
                }
            }
            todo.borrow_mut().clear();
        })));
    }
    AsCompleted { done, left: futs.len() }
}

/// Done-callbacks added to futures, to remove them again.
type Registered<T> = Vec<(Fut<T>, CallbackId)>;

pub struct AsCompleted<T: TaskValue> {
    done: Queue<Option<Fut<T>>>,
    left: usize,
}

impl<T: TaskValue> Iterator for AsCompleted<T> {
    type Item = Coro<T>;

    /// The next awaitable (`_wait_for_one()`), or `None` once all have been handed out.
    fn next(&mut self) -> Option<Coro<T>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let done = self.done.clone();
        Some(super::task::coro("_wait_for_one()", async move {
            match done.get().await? {
                None => Err(Exception::timeout()),
                Some(f) => f.result(),
            }
        }))
    }
}

// ----- shield ------------------------------------------------------------------------------

/// `asyncio.shield(aw)`: a future that follows `aw` but whose cancellation does not reach it.
pub fn shield<T: TaskValue>(aw: impl Into<Awaitable<T>>) -> Fut<T> {
    let inner = aw.into().into_future();
    if inner.done() {
        return inner;
    }
    let (rt, _) = inside("shield");
    let outer = Fut::<T>::on(rt.downgrade());
    let o = outer.clone();
    let inner_cb = inner.add_done_callback(move |inner| {
        if o.cancelled() {
            if !inner.cancelled() {
                let _ = inner.exception();
            }
            return;
        }
        if inner.cancelled() {
            o.cancel(None);
        } else {
            match inner.result() {
                Ok(v) => o.set_result(v),
                Err(e) => o.set_exception(e),
            }
        }
    });
    let i = inner.clone();
    outer.add_done_callback(move |_| {
        if !i.done() {
            i.remove_done_callback(inner_cb);
        }
    });
    outer
}
