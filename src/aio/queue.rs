//! `asyncio.Queue`, ported from CPython 3.11's `asyncio/queues.py`: FIFO with an optional
//! `maxsize` (a full queue suspends `put`: back-pressure), and `task_done`/`join` to wait until
//! every item put has been processed. Getters and putters wait on futures of their own, woken
//! one at a time in arrival order.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::future::Fut;
use super::sync::Event;
use super::task::inside;
use super::value::{Exception, PyResult};
use crate::runtime::{current, WeakRuntime};
use crate::trace::{EventKind, TaskId, Text, Wait};

struct State<T> {
    run: WeakRuntime,
    name: Text,
    maxsize: usize,
    items: RefCell<VecDeque<T>>,
    getters: RefCell<VecDeque<Fut<()>>>,
    putters: RefCell<VecDeque<Fut<()>>>,
    unfinished: Cell<usize>,
    finished: Event,
}

/// `asyncio.Queue(maxsize)`; `maxsize == 0` means unbounded. Clones share the queue.
pub struct Queue<T>(Rc<State<T>>);

impl<T> Clone for Queue<T> {
    fn clone(&self) -> Self {
        Queue(self.0.clone())
    }
}

/// `_wakeup_next`: wakes the first waiter still waiting.
fn wakeup_next(waiters: &RefCell<VecDeque<Fut<()>>>) {
    loop {
        let next = waiters.borrow_mut().pop_front();
        match next {
            Some(w) if !w.done() => {
                w.set_result(());
                return;
            }
            Some(_) => {}
            None => return,
        }
    }
}

/// Records an item going in or out, as the task doing it (the timeline's size lane).
fn note_size(run: &WeakRuntime, kind: EventKind) {
    if let Some(rt) = run.upgrade() {
        let me = current().map_or(TaskId::OUTSIDE, |(_, t)| t);
        rt.record(me, kind);
    }
}

fn remove(waiters: &RefCell<VecDeque<Fut<()>>>, fut: &Fut<()>) {
    let mut w = waiters.borrow_mut();
    if let Some(i) = w.iter().position(|f| f.same(fut)) {
        w.remove(i);
    }
}

impl<T: 'static> Queue<T> {
    pub fn new(maxsize: usize) -> Self {
        Self::named("queue", maxsize)
    }

    /// A queue shown under `name` on the timeline.
    pub fn named(name: &str, maxsize: usize) -> Self {
        let (rt, me) = inside("Queue");
        let finished = Event::named(&format!("{name}.join()"));
        finished.set();
        let name = rt.text(name);
        // The size lane is drawn on a 0–maxsize scale (0: unbounded).
        rt.record(me, EventKind::Limit { what: name, limit: maxsize.min(u32::MAX as usize) as u32 });
        Queue(Rc::new(State {
            run: rt.downgrade(),
            name,
            maxsize,
            items: RefCell::default(),
            getters: RefCell::default(),
            putters: RefCell::default(),
            unfinished: Cell::new(0),
            finished,
        }))
    }

    pub fn qsize(&self) -> usize {
        self.0.items.borrow().len()
    }

    pub fn maxsize(&self) -> usize {
        self.0.maxsize
    }

    pub fn empty(&self) -> bool {
        self.qsize() == 0
    }

    pub fn full(&self) -> bool {
        self.0.maxsize > 0 && self.qsize() >= self.0.maxsize
    }

    /// `await queue.put(item)`: waits while the queue is full.
    pub async fn put(&self, item: T) -> PyResult<()> {
        let s = &self.0;
        while self.full() {
            let putter = Fut::<()>::on(s.run.clone());
            s.putters.borrow_mut().push_back(putter.clone());
            if let Err(e) = putter.wait(Wait::QueuePut { queue: s.name }).await {
                putter.cancel(None);
                remove(&s.putters, &putter);
                if !self.full() && !putter.cancelled() {
                    wakeup_next(&s.putters);
                }
                return Err(e);
            }
        }
        self.put_nowait(item)
    }

    /// `queue.put_nowait(item)`: raises `QueueFull` instead of waiting.
    pub fn put_nowait(&self, item: T) -> PyResult<()> {
        if self.full() {
            return Err(Exception::new("QueueFull", ""));
        }
        let s = &self.0;
        s.items.borrow_mut().push_back(item);
        note_size(&s.run, EventKind::Enqueued { queue: s.name });
        s.unfinished.set(s.unfinished.get() + 1);
        s.finished.clear();
        wakeup_next(&s.getters);
        Ok(())
    }

    /// `await queue.get()`: waits while the queue is empty.
    pub async fn get(&self) -> PyResult<T> {
        let s = &self.0;
        while self.empty() {
            let getter = Fut::<()>::on(s.run.clone());
            s.getters.borrow_mut().push_back(getter.clone());
            if let Err(e) = getter.wait(Wait::QueueGet { queue: s.name }).await {
                getter.cancel(None);
                remove(&s.getters, &getter);
                if !self.empty() && !getter.cancelled() {
                    wakeup_next(&s.getters);
                }
                return Err(e);
            }
        }
        self.get_nowait()
    }

    /// `queue.get_nowait()`: raises `QueueEmpty` instead of waiting.
    pub fn get_nowait(&self) -> PyResult<T> {
        let s = &self.0;
        let item = s.items.borrow_mut().pop_front().ok_or_else(|| Exception::new("QueueEmpty", ""))?;
        note_size(&s.run, EventKind::Dequeued { queue: s.name });
        wakeup_next(&s.putters);
        Ok(item)
    }

    /// `queue.task_done()`: one fetched item is fully processed.
    pub fn task_done(&self) -> PyResult<()> {
        let s = &self.0;
        let n = s.unfinished.get();
        if n == 0 {
            return Err(Exception::value_error("task_done() called too many times"));
        }
        s.unfinished.set(n - 1);
        if n == 1 {
            s.finished.set();
        }
        Ok(())
    }

    /// `await queue.join()`: until `task_done` was called for every item ever put.
    pub async fn join(&self) -> PyResult<()> {
        if self.0.unfinished.get() > 0 {
            self.0.finished.wait_as(Wait::QueueJoin { queue: self.0.name }).await?;
        }
        Ok(())
    }

    /// Items put and not yet marked done.
    pub fn unfinished(&self) -> usize {
        self.0.unfinished.get()
    }

    /// How many `get`s and `put`s wait (`len(q._getters)`, `len(q._putters)`: its repr shows them).
    pub fn waiting(&self) -> (usize, usize) {
        (self.0.getters.borrow().len(), self.0.putters.borrow().len())
    }

    /// The items, front first (for reprs).
    pub fn items(&self) -> std::cell::Ref<'_, VecDeque<T>> {
        self.0.items.borrow()
    }
}
