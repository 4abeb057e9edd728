//! The run's timers: one min-heap of deadlines, like asyncio's `_scheduled`. The host (the
//! browser's `setTimeout` through gloo-timers, or the virtual clock) is asked to wake the loop
//! only for the earliest one, so ten thousand sleeps cost one host timer, not ten thousand.
//! A timer holds a callback (asyncio's `TimerHandle`): when due, the loop moves it to the ready
//! queue like any `call_soon` callback. Cancelling removes its entry at once; the heap forgets
//! it lazily.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use crate::trace::Micros;

/// A registered timer; ties on the deadline fire in registration order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimerKey(u64);

pub(super) struct Due {
    pub due: Micros,
    pub callback: Box<dyn FnOnce()>,
}

#[derive(Default)]
pub(super) struct Timers {
    heap: BinaryHeap<Reverse<(Micros, TimerKey)>>,
    live: HashMap<TimerKey, Box<dyn FnOnce()>>,
    next: u64,
}

impl Timers {
    pub fn add(&mut self, due: Micros, callback: Box<dyn FnOnce()>) -> TimerKey {
        self.next += 1;
        let key = TimerKey(self.next);
        self.heap.push(Reverse((due, key)));
        self.live.insert(key, callback);
        key
    }

    /// True while the timer has neither fired nor been cancelled.
    pub fn is_pending(&self, key: TimerKey) -> bool {
        self.live.contains_key(&key)
    }

    /// Forgets a timer. Its callback is handed back to be dropped outside the caller's borrow
    /// (dropping it may release what it captured, and that may call back into the run).
    pub fn cancel(&mut self, key: TimerKey) -> Option<Box<dyn FnOnce()>> {
        let callback = self.live.remove(&key);
        if self.live.is_empty() {
            self.heap.clear();
        }
        callback
    }

    /// Forgets every timer, handing the callbacks back to be dropped outside the borrow.
    pub fn clear(&mut self) -> Vec<Box<dyn FnOnce()>> {
        self.heap.clear();
        self.live.drain().map(|(_, f)| f).collect()
    }

    /// The earliest deadline still pending.
    pub fn next_due(&mut self) -> Option<Micros> {
        while let Some(&Reverse((due, key))) = self.heap.peek() {
            if self.live.contains_key(&key) {
                return Some(due);
            }
            self.heap.pop();
        }
        None
    }

    /// Removes and returns every timer due at or before `now`, earliest first.
    pub fn take_due(&mut self, now: Micros) -> Vec<Due> {
        let mut fired = Vec::new();
        while let Some(&Reverse((due, key))) = self.heap.peek() {
            if due > now {
                break;
            }
            self.heap.pop();
            if let Some(callback) = self.live.remove(&key) {
                fired.push(Due { due, callback });
            }
        }
        fired
    }

    pub fn pending(&self) -> usize {
        self.live.len()
    }
}
