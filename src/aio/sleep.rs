//! `asyncio.sleep` and the blocking `time.sleep` it must not be confused with.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::task::inside;
use crate::runtime::{note_wait, TimerKey, WeakRuntime};
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
/// does. Dropping the future (cancellation) clears its timer.
pub fn sleep(secs: f64) -> Sleep {
    Sleep { dur: secs_to_micros(secs), state: State::New }
}

#[must_use = "sleep does nothing unless awaited"]
pub struct Sleep {
    dur: Micros,
    state: State,
}

enum State {
    New,
    Yielded,
    Waiting { run: WeakRuntime, key: TimerKey, due: Micros },
    Done,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        match &self.state {
            State::New if self.dur == 0 => {
                self.state = State::Yielded;
                note_wait(Wait::Yield);
                cx.waker().wake_by_ref();
                Poll::Pending
            }
            State::New => {
                let (rt, _) = inside("sleep");
                let due = rt.now().saturating_add(self.dur);
                let key = rt.add_timer(due, cx.waker());
                note_wait(Wait::Timer { due, dur: self.dur });
                self.state = State::Waiting { run: rt.downgrade(), key, due };
                Poll::Pending
            }
            State::Waiting { run, key, due } => match run.upgrade() {
                Some(rt) if rt.timer_pending(*key) => {
                    rt.update_timer_waker(*key, cx.waker());
                    note_wait(Wait::Timer { due: *due, dur: self.dur });
                    Poll::Pending
                }
                _ => {
                    self.state = State::Done;
                    Poll::Ready(())
                }
            },
            State::Yielded | State::Done => {
                self.state = State::Done;
                Poll::Ready(())
            }
        }
    }
}

impl Drop for Sleep {
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
    rt.block_for(me, secs_to_micros(secs));
}

/// `asyncio.get_running_loop().time()` (or `time.perf_counter()` in a demo): seconds since the
/// run began, on the run's own clock.
pub fn loop_time() -> f64 {
    let (rt, _) = inside("loop.time");
    rt.now() as f64 / 1e6
}
