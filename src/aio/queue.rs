//! `asyncio.Queue`: FIFO with an optional `maxsize` (a full queue suspends `put`: back-pressure),
//! and `task_done`/`join` to wait until every item put has been processed.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::sync::{wake, WaitList};
use super::task::inside;
use super::value::{Exception, PyResult};
use crate::runtime::note_wait;
use crate::trace::{Text, Wait};

struct State<T> {
    name: Text,
    maxsize: usize,
    items: RefCell<VecDeque<T>>,
    getters: RefCell<WaitList>,
    putters: RefCell<WaitList>,
    unfinished: Cell<usize>,
    joiners: RefCell<WaitList>,
}

/// `asyncio.Queue(maxsize)`; `maxsize == 0` means unbounded. Clones share the queue.
pub struct Queue<T>(Rc<State<T>>);

impl<T> Clone for Queue<T> {
    fn clone(&self) -> Self {
        Queue(self.0.clone())
    }
}

impl<T> Queue<T> {
    pub fn new(maxsize: usize) -> Self {
        Self::named("queue", maxsize)
    }

    /// A queue shown under `name` on the timeline.
    pub fn named(name: &str, maxsize: usize) -> Self {
        let (rt, _) = inside("Queue");
        Queue(Rc::new(State {
            name: rt.text(name),
            maxsize,
            items: RefCell::default(),
            getters: RefCell::default(),
            putters: RefCell::default(),
            unfinished: Cell::new(0),
            joiners: RefCell::default(),
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
        self.0.full()
    }

    /// `await queue.put(item)`: waits while the queue is full.
    pub fn put(&self, item: T) -> Put<T> {
        Put { q: self.0.clone(), item: Some(item), place: None }
    }

    /// `await queue.get()`: waits while the queue is empty.
    pub fn get(&self) -> Get<T> {
        Get { q: self.0.clone(), place: None }
    }

    /// `queue.put_nowait(item)`: raises `QueueFull` instead of waiting.
    pub fn put_nowait(&self, item: T) -> PyResult<()> {
        if self.full() {
            return Err(Exception::new("QueueFull", ""));
        }
        self.0.push(item);
        Ok(())
    }

    /// `queue.get_nowait()`: raises `QueueEmpty` instead of waiting.
    pub fn get_nowait(&self) -> PyResult<T> {
        self.0.pop().ok_or_else(|| Exception::new("QueueEmpty", ""))
    }

    /// `queue.task_done()`: one fetched item is fully processed.
    pub fn task_done(&self) -> PyResult<()> {
        let n = self.0.unfinished.get();
        if n == 0 {
            return Err(Exception::value_error("task_done() called too many times"));
        }
        self.0.unfinished.set(n - 1);
        if n == 1 {
            let all = self.0.joiners.borrow_mut().drain();
            all.into_iter().for_each(Waker::wake);
        }
        Ok(())
    }

    /// `await queue.join()`: until `task_done` was called for every item ever put.
    pub fn join(&self) -> Join<T> {
        Join { q: self.0.clone(), place: None }
    }
}

impl<T> State<T> {
    fn push(&self, item: T) {
        self.items.borrow_mut().push_back(item);
        self.unfinished.set(self.unfinished.get() + 1);
        let getter = self.getters.borrow_mut().pop_first();
        wake(getter);
    }

    fn pop(&self) -> Option<T> {
        let item = self.items.borrow_mut().pop_front()?;
        let putter = self.putters.borrow_mut().pop_first();
        wake(putter);
        Some(item)
    }

    fn full(&self) -> bool {
        self.maxsize > 0 && self.items.borrow().len() >= self.maxsize
    }
}

#[must_use = "put does nothing unless awaited"]
pub struct Put<T> {
    q: Rc<State<T>>,
    item: Option<T>,
    place: Option<u64>,
}

// Nothing in a Put is ever pinned in place (the item is moved out, not polled), so it may move
// whatever `T` is.
impl<T> Unpin for Put<T> {}

impl<T> Future for Put<T> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        if !this.q.full() {
            this.q.putters.borrow_mut().remove(&mut this.place);
            if let Some(item) = this.item.take() {
                this.q.push(item);
            }
            return Poll::Ready(());
        }
        this.q.putters.borrow_mut().register(&mut this.place, cx.waker());
        note_wait(Wait::QueuePut { queue: this.q.name });
        Poll::Pending
    }
}

impl<T> Drop for Put<T> {
    fn drop(&mut self) {
        if self.place.is_some() {
            let mut putters = self.q.putters.borrow_mut();
            putters.remove(&mut self.place);
            // A wake-up meant for this putter must not be lost: pass it on.
            let next = if self.q.full() { None } else { putters.pop_first() };
            drop(putters);
            wake(next);
        }
    }
}

#[must_use = "get does nothing unless awaited"]
pub struct Get<T> {
    q: Rc<State<T>>,
    place: Option<u64>,
}

impl<T> Future for Get<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let this = &mut *self;
        if let Some(item) = this.q.pop() {
            this.q.getters.borrow_mut().remove(&mut this.place);
            return Poll::Ready(item);
        }
        this.q.getters.borrow_mut().register(&mut this.place, cx.waker());
        note_wait(Wait::QueueGet { queue: this.q.name });
        Poll::Pending
    }
}

impl<T> Drop for Get<T> {
    fn drop(&mut self) {
        if self.place.is_some() {
            let mut getters = self.q.getters.borrow_mut();
            getters.remove(&mut self.place);
            let next = if self.q.items.borrow().is_empty() { None } else { getters.pop_first() };
            drop(getters);
            wake(next);
        }
    }
}

#[must_use = "join does nothing unless awaited"]
pub struct Join<T> {
    q: Rc<State<T>>,
    place: Option<u64>,
}

impl<T> Future for Join<T> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        let woken = this.place.is_some() && !this.q.joiners.borrow().contains(this.place);
        if this.q.unfinished.get() == 0 || woken {
            this.q.joiners.borrow_mut().remove(&mut this.place);
            return Poll::Ready(());
        }
        this.q.joiners.borrow_mut().register(&mut this.place, cx.waker());
        note_wait(Wait::QueueJoin { queue: this.q.name });
        Poll::Pending
    }
}

impl<T> Drop for Join<T> {
    fn drop(&mut self) {
        self.q.joiners.borrow_mut().remove(&mut self.place);
    }
}
