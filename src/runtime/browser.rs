//! The browser side of the loop: `performance.now()` for time, a `MessageChannel` message per
//! iteration, and one real `setTimeout` (gloo-timers) for the earliest timer.

use std::cell::{Cell, RefCell};
use std::rc::Weak;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use web_sys::{MessageChannel, MessagePort};

use super::{Phase, Runtime, Shared};
use crate::trace::Micros;

#[wasm_bindgen]
extern "C" {
    // The global `performance`, present on windows and in workers alike.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// `performance.now()`: milliseconds since the page (or worker) started.
pub fn now_ms() -> f64 {
    performance_now()
}

/// How long one browser task may run loop iterations back to back.
const SLICE_MS: f64 = 4.0;

/// How many handles run between two reads of the clock within a slice.
const HANDLES_PER_CLOCK_READ: u32 = 32;

pub(super) struct Driver {
    run: Weak<Shared>,
    /// Posts a message to itself to run the next turn soon, without a timer's clamping.
    channel: Option<MessageChannel>,
    _on_message: Closure<dyn FnMut()>,
    /// Where MessageChannel is missing (no supported browser lacks it): a zero-delay timer.
    fallback: RefCell<Option<Timeout>>,
    tick_posted: Cell<bool>,
    /// The armed host timer and the deadline it was set for.
    timer: RefCell<Option<(Micros, Timeout)>>,
}

impl Driver {
    pub fn new(run: Weak<Shared>) -> Self {
        let channel = MessageChannel::new().ok();
        let weak = run.clone();
        let on_message = Closure::<dyn FnMut()>::new(move || tick(&weak, false));
        if let Some(channel) = &channel {
            let receiver: &MessagePort = &channel.port1();
            receiver.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        }
        Driver {
            run,
            channel,
            _on_message: on_message,
            fallback: RefCell::new(None),
            tick_posted: Cell::new(false),
            timer: RefCell::new(None),
        }
    }

    /// Something changed (a wake, a timer added or cleared): make sure the loop will run when
    /// it has work, and will not when it has none.
    pub fn request(&self, rt: &Runtime) {
        if rt.phase() != Phase::Running {
            self.timer.borrow_mut().take();
            return;
        }
        if self.tick_posted.get() {
            return;
        }
        if rt.0.held.get().is_some() || !rt.0.ready.borrow().is_empty() {
            self.tick_posted.set(true);
            match &self.channel {
                // Posting only fails if the port is closed, which this driver never does.
                Some(channel) => {
                    let _ = channel.port2().post_message(&JsValue::NULL);
                }
                None => {
                    let weak = self.run.clone();
                    *self.fallback.borrow_mut() = Some(Timeout::new(0, move || tick(&weak, false)));
                }
            }
            return;
        }
        let next_due = rt.0.timers.borrow_mut().next_due();
        let armed = self.timer.borrow().as_ref().map(|(due, _)| *due);
        match next_due {
            None => {
                self.timer.borrow_mut().take();
            }
            Some(due) if armed != Some(due) => {
                let delay_ms = rt.speed().real_delay_ms(due.saturating_sub(rt.now()));
                let weak = self.run.clone();
                let timeout = Timeout::new(delay_ms, move || tick(&weak, true));
                *self.timer.borrow_mut() = Some((due, timeout));
            }
            Some(_) => {}
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // A message may still be queued for a run being dropped (Run again mid-run): detach
        // the handler before its closure goes, so that message finds nothing to call.
        if let Some(channel) = &self.channel {
            let port = channel.port1();
            port.set_onmessage(None);
            port.close();
        }
    }
}

/// One loop iteration, run from a posted message or from the host timer firing.
fn tick(run: &Weak<Shared>, from_timer: bool) {
    let Some(shared) = run.upgrade() else { return };
    let rt = Runtime(shared);
    if let super::Host::Browser(driver) = &rt.0.host {
        if from_timer {
            // This timer has fired (maybe a hair early): forget it, so the next deadline,
            // even the same one, gets a timer of its own.
            let fired = driver.timer.borrow_mut().take();
            if let Some((due, _)) = fired {
                rt.timer_fired(due);
            }
        } else {
            driver.tick_posted.set(false);
        }
    }
    // Iterations follow each other within one task for up to a few milliseconds, then yield
    // to the browser: posting a message per iteration costs far more than a short iteration,
    // and the page still gets to draw every frame. A huge iteration (10k tasks made ready at
    // once) is itself cut into slices: the handles it had are still run in order, none of
    // those made ready meanwhile, so the order is asyncio's.
    //
    // A step that paused (a long Python step) goes on first, alone in its browser task: it
    // still holds the loop, and pauses again after its share of time.
    if !rt.go_on_with_held() {
        rt.host_changed();
        return;
    }
    let start = now_ms();
    let mut handles = 0u32;
    let mut out_of_time = false;
    loop {
        if rt.0.left_in_iteration.get() == 0 {
            rt.begin_iteration();
        }
        while !out_of_time && rt.run_next().is_some() {
            if rt.0.held.get().is_some() {
                rt.host_changed();
                return;
            }
            handles += 1;
            // The clock is read once every few handles: a call out to JavaScript costs more
            // than a short step. (Events are stamped with the last reading until work may
            // have moved the clock on: a few dozen handles may have.)
            if handles.is_multiple_of(HANDLES_PER_CLOCK_READ) {
                rt.clock_moved();
                out_of_time = now_ms() - start >= SLICE_MS;
            }
        }
        if rt.0.left_in_iteration.get() == 0 {
            rt.end_iteration();
            // Fewer than a few dozen handles may still have held the thread a while (polls of
            // hundreds of Python steps each): where work moved the clock on, the slice is
            // checked at the iteration's end too.
            if rt.0.clock_moved.get() {
                out_of_time = now_ms() - start >= SLICE_MS;
            }
        }
        if rt.phase() != Phase::Running {
            return;
        }
        if out_of_time || rt.0.ready.borrow().is_empty() {
            break;
        }
    }
    // The browser runs other tasks before the next of the loop's.
    rt.clock_moved();
    if rt.idle_is_stuck() {
        rt.end_run(Phase::Stuck, crate::trace::CancelledBy::RunEnd);
    } else {
        rt.host_changed();
    }
}
