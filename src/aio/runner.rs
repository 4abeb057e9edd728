//! `asyncio.run`: the code outside the loop that starts the main task, runs the loop until it
//! ends, then cancels whatever is left and runs the loop again until those tasks have finished
//! (`asyncio.runners.Runner.run` and `_cancel_all_tasks`, 3.11). It runs as the runtime's
//! *driver*, outside any task, exactly where CPython's main thread runs it.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::future::{AnyFut, Fut};
use super::task::{inside, spawn_on, task_future, Coro, Task, TaskValue};
use super::value::{Exception, PyResult};
use crate::runtime::{Runtime, WeakRuntime};
use crate::trace::{CancelledBy, TaskId};

/// `asyncio.run(main())` for a Rust program: starts `rt` with `main` as its main task and returns
/// that task. On the virtual clock, follow with `rt.run_until_end()`; in the browser the page's
/// event loop drives it.
pub fn run<T: TaskValue>(rt: &Runtime, main: Coro<T>) -> Task<T> {
    let task = spawn_on(rt, None, main);
    let fut: Box<dyn AnyFut> = Box::new(task.future().clone());
    let run = rt.downgrade();
    rt.start(async move {
        shut_down_after(&run, fut).await;
    });
    task
}

/// `asyncio.run(main)` called by driver code (a script's module level): runs the loop with
/// `main` as its main task, then shuts it down; returns what `main` returned or raised.
pub async fn asyncio_run<T: TaskValue>(main: Coro<T>) -> PyResult<T> {
    asyncio_run_with(main, |_| {}).await
}

/// [`asyncio_run`], telling `on_main` the main task as soon as it exists.
pub async fn asyncio_run_with<T: TaskValue>(main: Coro<T>, on_main: impl FnOnce(&Task<T>)) -> PyResult<T> {
    let (rt, _) = inside("asyncio.run");
    if rt.loop_running() {
        main.close();
        return Err(Exception::new("RuntimeError", "asyncio.run() cannot be called from a running event loop"));
    }
    let task = spawn_on(&rt, None, main);
    on_main(&task);
    let run = rt.downgrade();
    drop(rt);
    if !shut_down_after(&run, Box::new(task.future().clone())).await {
        return Err(Exception::new("RuntimeError", "Event loop stopped before Future completed."));
    }
    task.result()
}

/// `loop.run_until_complete(fut)` called by driver code: the loop runs until `fut` is done.
/// Unlike `asyncio.run`, tasks still pending stay for the loop's next run.
pub async fn run_until_complete(fut: Box<dyn AnyFut>) {
    let (rt, _) = inside("run_until_complete");
    let run = rt.downgrade();
    drop(rt);
    RunUntilComplete { run, fut, started: false }.await;
}

/// `loop.run_forever()` called by driver code: the loop runs until `loop.stop()`.
pub async fn run_forever() {
    let (rt, _) = inside("run_forever");
    RunForever { run: rt.downgrade(), started: false }.await;
}

/// The driver's side of `run_forever`: polled once to start the loop, and again when
/// [`Runtime::stop_loop`] has stopped it.
struct RunForever {
    run: WeakRuntime,
    started: bool,
}

impl Future for RunForever {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.started {
            return Poll::Ready(());
        }
        let Some(rt) = self.run.upgrade() else { return Poll::Ready(()) };
        self.started = true;
        rt.run_loop();
        Poll::Pending
    }
}

/// `runner.run`'s tail: the loop runs until `main` is done, then leftovers are cancelled.
/// Whether `main` was done when the loop stopped.
async fn shut_down_after(run: &WeakRuntime, main: Box<dyn AnyFut>) -> bool {
    let finished = RunUntilComplete { run: run.clone(), fut: main, started: false }.await;
    cancel_all_tasks(run).await;
    finished
}

/// `loop.run_until_complete(fut)`, as driver code: the loop runs until a done-callback of
/// `fut` stops it (one iteration after `fut` completes, as in asyncio).
struct RunUntilComplete {
    run: WeakRuntime,
    fut: Box<dyn AnyFut>,
    started: bool,
}

impl Future for RunUntilComplete {
    /// Whether `fut` is done: polled again only once the loop has stopped, which `loop.stop()`
    /// may have done first.
    type Output = bool;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<bool> {
        if self.fut.done() || self.started {
            return Poll::Ready(self.fut.done());
        }
        let Some(rt) = self.run.upgrade() else { return Poll::Ready(false) };
        self.started = true;
        let run = self.run.clone();
        self.fut.on_done(Box::new(move || {
            if let Some(rt) = run.upgrade() {
                rt.stop_loop();
            }
        }));
        rt.run_loop();
        Poll::Pending
    }
}

/// `asyncio.runners._cancel_all_tasks`: cancel every pending task, run the loop until they have
/// all finished, and report any that ended with an exception other than the cancellation.
async fn cancel_all_tasks(run: &WeakRuntime) {
    let Some(rt) = run.upgrade() else { return };
    let to_cancel: Vec<(TaskId, Box<dyn AnyFut>)> =
        rt.pending_tasks().into_iter().filter_map(|id| task_future(&rt, id).map(|f| (id, f))).collect();
    if to_cancel.is_empty() {
        return;
    }
    for (_, task) in &to_cancel {
        task.cancel_as(None, CancelledBy::RunEnd);
    }
    // gather(*to_cancel, return_exceptions=True): done when the last one is.
    let all = Fut::<()>::on(run.clone());
    let left = Rc::new(Cell::new(to_cancel.len()));
    for (_, task) in &to_cancel {
        let (all, left) = (all.clone(), left.clone());
        task.on_done(Box::new(move || {
            left.set(left.get() - 1);
            if left.get() == 0 && !all.done() {
                all.set_result(());
            }
        }));
    }
    drop(rt);
    RunUntilComplete { run: run.clone(), fut: Box::new(all), started: false }.await;
    let Some(rt) = run.upgrade() else { return };
    for (id, task) in &to_cancel {
        if task.cancelled() {
            continue;
        }
        if let Some(e) = task.failure() {
            rt.call_exception_handler("unhandled exception during asyncio.run() shutdown", Some(*id), &e);
        }
    }
}
