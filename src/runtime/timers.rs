//! The run's timers: one min-heap of deadlines, like asyncio's `_scheduled`. The host (the
//! browser's `setTimeout` through gloo-timers, or the virtual clock) is asked to wake the loop
//! only for the earliest one, so ten thousand sleeps cost one host timer, not ten thousand.
//! Cancelling a sleep removes its entry at once; the heap forgets it lazily.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::task::Waker;

use crate::trace::Micros;

/// A registered timer; ties on the deadline fire in registration order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimerKey(u64);

pub(super) struct Due {
    pub due: Micros,
    pub waker: Waker,
}

#[derive(Default)]
pub(super) struct Timers {
    heap: BinaryHeap<Reverse<(Micros, TimerKey)>>,
    live: HashMap<TimerKey, Waker>,
    next: u64,
}

impl Timers {
    pub fn add(&mut self, due: Micros, waker: Waker) -> TimerKey {
        self.next += 1;
        let key = TimerKey(self.next);
        self.heap.push(Reverse((due, key)));
        self.live.insert(key, waker);
        key
    }

    /// True while the timer has neither fired nor been cancelled.
    pub fn is_pending(&self, key: TimerKey) -> bool {
        self.live.contains_key(&key)
    }

    pub fn update_waker(&mut self, key: TimerKey, waker: &Waker) {
        if let Some(w) = self.live.get_mut(&key) {
            if !w.will_wake(waker) {
                *w = waker.clone();
            }
        }
    }

    pub fn cancel(&mut self, key: TimerKey) {
        self.live.remove(&key);
        if self.live.is_empty() {
            self.heap.clear();
        }
    }

    pub fn clear(&mut self) {
        self.live.clear();
        self.heap.clear();
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
            if let Some(waker) = self.live.remove(&key) {
                fired.push(Due { due, waker });
            }
        }
        fired
    }

    pub fn pending(&self) -> usize {
        self.live.len()
    }
}
