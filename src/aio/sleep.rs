//! `asyncio.sleep` and the blocking `time.sleep` it must not be confused with.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::future::{Fut, FutWait};
use super::task::inside;
use super::value::{Exception, PyResult};
use crate::runtime::{note_wait, take_thrown, TimerKey, WeakRuntime};
use crate::trace::{Micros, Wait};

/// Seconds (as Python writes them) to whole microseconds; NaN and negatives count as zero.
pub fn secs_to_micros(secs: f64) -> Micros {
    if secs.is_nan() || secs <= 0.0 {
        0
    } else {
        // `as` saturates, so an absurd duration becomes "forever", not a wrap-around.
        (secs * 1e6).round() as Micros
    }
}

/// `await asyncio.sleep(secs)`. `sleep(0)` yields one loop turn without a timer, as asyncio's
/// does; otherwise a timer completes a future and the task resumes on the turn after it fires.
/// Cancelling raises `CancelledError` here and clears the timer.
pub fn sleep(secs: f64) -> Sleep<()> {
    sleep_result(secs, ())
}

/// `await asyncio.sleep(secs, result)`: gives `result` back.
pub fn sleep_result<T: Clone + 'static>(secs: f64, result: T) -> Sleep<T> {
    Sleep { dur: secs_to_micros(secs), whole: false, result: Some(result), state: State::New }
}

impl<T> Sleep<T> {
    /// The seconds were asked for as a whole number (a Python int): the timeline says `sleep(4)`.
    pub fn asked_whole(mut self, whole: bool) -> Self {
        self.whole = whole;
        self
    }
}

#[must_use = "sleep does nothing unless awaited"]
pub struct Sleep<T> {
    dur: Micros,
    whole: bool,
    result: Option<T>,
    state: State,
}

impl<T> Unpin for Sleep<T> {}

enum State {
    New,
    Yielded,
    Waiting { run: WeakRuntime, key: TimerKey, wait: FutWait<()> },
    Done,
}

impl<T: Clone + 'static> Future for Sleep<T> {
    type Output = PyResult<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<T>> {
        let this = &mut *self;
        if let State::New = this.state {
            if this.dur == 0 {
                // `__sleep0`: a bare yield; the task is stepped again on the next iteration.
                this.state = State::Yielded;
                note_wait(Wait::Yield);
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
            let (rt, _) = inside("sleep");
            let fut = Fut::<()>::on(rt.downgrade());
            let due = rt.now().saturating_add(this.dur);
            let setter = fut.clone();
            // `futures._set_result_unless_cancelled`
            let key = rt.call_at(due, move || {
                if !setter.done() {
                    setter.set_result(());
                }
            });
            let wait = fut.wait(Wait::Timer { due, dur: this.dur, whole: this.whole });
            this.state = State::Waiting { run: rt.downgrade(), key, wait };
        }
        let outcome = match &mut this.state {
            State::Yielded => match take_thrown() {
                Some(thrown) => Err(Exception::cancelled_with(thrown.msg.as_deref())),
                None => Ok(()),
            },
            State::Waiting { wait, .. } => match Pin::new(wait).poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(r) => r,
            },
            State::New | State::Done => Err(Exception::new("RuntimeError", "cannot reuse already awaited coroutine")),
        };
        // `finally: h.cancel()`
        if let State::Waiting { run, key, .. } = std::mem::replace(&mut this.state, State::Done) {
            if let Some(rt) = run.upgrade() {
                rt.cancel_timer(key);
            }
        }
        this.state = State::Done;
        Poll::Ready(outcome.and_then(|()| {
            this.result.take().ok_or_else(|| Exception::new("RuntimeError", "cannot reuse already awaited coroutine"))
        }))
    }
}

impl<T> Drop for Sleep<T> {
    fn drop(&mut self) {
        if let State::Waiting { run, key, .. } = &self.state {
            if let Some(rt) = run.upgrade() {
                rt.cancel_timer(*key);
            }
        }
    }
}

/// `time.sleep(secs)` inside a coroutine: the classic mistake. It holds the one thread, so no
/// other task, timer or (in the browser) even the page itself gets a turn until it returns.
pub fn blocking_sleep(secs: f64) {
    let (rt, me) = inside("time.sleep");
    rt.block_for(me, secs_to_micros(secs), crate::trace::BlockingCall::Sleep);
}

/// `asyncio.get_running_loop().time()` (or `time.perf_counter()` in a demo): seconds since the
/// run began, on the run's own clock.
pub fn loop_time() -> f64 {
    let (rt, _) = inside("loop.time");
    rt.now() as f64 / 1e6
}
