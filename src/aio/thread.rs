//! `await asyncio.to_thread(func, *args)`: run a [`Job`] off the event loop and await its result.
//!
//! In the browser a "thread" is a Web Worker running this same wasm (its own memory, so jobs
//! travel as text, see `jobs.rs`). Workers come from a pool sized like Python's default
//! executor, `min(32, cores + 4)`; when all are busy, callers wait their turn. One difference
//! from Python, on purpose: a Python thread cannot be killed, so cancelling `to_thread` there
//! leaves the work running; a worker can be, so cancelling here (a timeout, Stop) terminates
//! the worker and the work really stops.
//!
//! On the virtual clock the job runs inline at once and its result arrives after a fixed
//! virtual duration ([`Job::virtual_secs`]), so native tests stay exact.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::jobs::{count_primes, Job};
use super::sleep::{sleep, Sleep};
use super::task::inside;
use super::value::{Exception, PyResult};
use crate::runtime::{note_wait, take_thrown};
use crate::trace::{Text, Wait};

impl Job {
    /// How long the job takes on the virtual clock (the browser measures the real thing).
    pub fn virtual_secs(&self) -> f64 {
        match *self {
            Job::CountPrimes { below } => below as f64 / 5e6,
            Job::Io { secs } => secs,
        }
    }

    /// The job as a worker does it on a run whose clock goes at `speed`: a wait lasts as long
    /// as the loop's clock takes to go its length on; CPU work takes what it takes.
    #[cfg(target_arch = "wasm32")]
    fn in_real_time(&self, speed: crate::runtime::Speed) -> Job {
        match *self {
            Job::Io { secs } => Job::Io { secs: speed.real_secs(secs) },
            cpu => cpu,
        }
    }

    /// Runs the job here and now (a worker's side, or the virtual clock's).
    fn run_cpu(&self) -> String {
        match *self {
            Job::CountPrimes { below } => count_primes(below).to_string(),
            Job::Io { .. } => "None".into(),
        }
    }
}

/// `await asyncio.to_thread(job)`: the result as text (`count_primes` gives the count).
pub fn to_thread(job: Job) -> ToThread {
    ToThread { job, state: State::New }
}

#[must_use = "to_thread does nothing unless awaited"]
pub struct ToThread {
    job: Job,
    state: State,
}

enum State {
    New,
    Virtual {
        result: String,
        timer: Pin<Box<Sleep<()>>>,
        label: Text,
    },
    #[cfg(target_arch = "wasm32")]
    Browser(browser::Call),
    Done,
}

impl Future for ToThread {
    type Output = PyResult<String>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<String>> {
        let this = &mut *self;
        // Cancelled while the job runs: drop it (a worker running it is terminated) and raise
        // where the task waits.
        if let Some(thrown) = take_thrown() {
            this.state = State::Done;
            return Poll::Ready(Err(Exception::cancelled_with(thrown.msg.as_deref())));
        }
        if let State::New = this.state {
            let (rt, _) = inside("to_thread");
            let label = rt.text(&this.job.to_string());
            this.state = if rt.is_virtual() {
                State::Virtual { result: this.job.run_cpu(), timer: Box::pin(sleep(this.job.virtual_secs())), label }
            } else {
                #[cfg(target_arch = "wasm32")]
                {
                    State::Browser(browser::Call::new(this.job.in_real_time(rt.speed()).encode(), label, &rt))
                }
                #[cfg(not(target_arch = "wasm32"))]
                unreachable!("natively every run is on the virtual clock")
            };
        }
        let outcome = match &mut this.state {
            State::Virtual { result, timer, label } => match timer.as_mut().poll(cx) {
                Poll::Ready(r) => Poll::Ready(r.map(|()| std::mem::take(result))),
                Poll::Pending => {
                    note_wait(Wait::Worker { job: *label });
                    Poll::Pending
                }
            },
            #[cfg(target_arch = "wasm32")]
            State::Browser(call) => call.poll(cx),
            State::New | State::Done => {
                Poll::Ready(Err(Exception::new("RuntimeError", "to_thread awaited after it finished")))
            }
        };
        if outcome.is_ready() {
            this.state = State::Done;
        }
        outcome
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{busy_workers, run_job, worker_call, WorkerCall};

/// How many jobs run in workers at once (Python's default executor: `min(32, cores + 4)`), or
/// `None` on the virtual clock, where every job runs at once.
pub fn pool_size() -> Option<usize> {
    #[cfg(target_arch = "wasm32")]
    return Some(browser::max_workers());
    #[cfg(not(target_arch = "wasm32"))]
    None
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::task::{Context, Poll, Waker};

    use js_sys::{Object, Reflect};
    use wasm_bindgen::prelude::*;
    use web_sys::{MessageEvent, Worker};

    use super::super::jobs::Job;
    use super::super::value::{Exception, PyResult};
    use crate::runtime::{note_wait, OutsideGuard, Runtime};
    use crate::trace::{Text, Wait};

    /// Starts a module worker running this same wasm. The worker needs this app's
    /// wasm-bindgen glue module: its URL is found from the wasm the page loaded (glue and wasm
    /// sit side by side as NAME.js and NAME_bg.wasm, in the app and in the test runner alike),
    /// and the compiled `WebAssembly.Module` is handed over so the worker skips downloading and
    /// compiling it again. (Written here rather than as a JavaScript snippet: a snippet is one
    /// more module the page must fetch, one round trip after the glue, before the app starts.)
    fn start_worker(url: &str, module: &JsValue) -> Result<Worker, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let performance = window.performance().ok_or("no performance")?;
        let wasm = performance
            .get_entries_by_type("resource")
            .iter()
            .rev()
            .filter_map(|entry| Reflect::get(&entry, &"name".into()).ok()?.as_string())
            .find(|name| name.split('?').next().is_some_and(|path| path.ends_with("_bg.wasm")))
            .ok_or("cannot find the page's wasm module to start a worker")?;
        let path = wasm.split('?').next().unwrap_or(&wasm);
        let glue = format!("{}.js", path.trim_end_matches("_bg.wasm"));
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        options.set_name("to_thread");
        let worker = Worker::new_with_options(url, &options)?;
        let message = Object::new();
        Reflect::set(&message, &"glue".into(), &glue.into())?;
        Reflect::set(&message, &"module".into(), module)?;
        worker.post_message(&message)?;
        Ok(worker)
    }

    /// The worker's side of the toolbox's own jobs (the page's worker entry, `worker_run`,
    /// hands them here).
    pub async fn run_job(job: &str) -> Result<String, String> {
        match Job::decode(job)? {
            Job::Io { secs } => {
                gloo_timers::future::TimeoutFuture::new((secs * 1000.0).round() as u32).await;
                Ok("None".into())
            }
            cpu => Ok(cpu.run_cpu()),
        }
    }

    /// Runs `payload` (a job as text: the worker entry decides who runs it) in a worker of the
    /// pool; `label` is what the waiting task is shown waiting on.
    pub fn worker_call(payload: String, label: Text, rt: &Runtime) -> WorkerCall {
        WorkerCall(Call::new(payload, label, rt))
    }

    /// The answer of [`worker_call`]; dropping it before the answer terminates the worker.
    pub struct WorkerCall(Call);

    impl std::future::Future for WorkerCall {
        type Output = PyResult<String>;
        fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<String>> {
            self.0.poll(cx)
        }
    }

    type Answer = Result<String, String>;

    /// Calls waiting for a free worker, in arrival order; a call keeps its place across polls.
    #[derive(Default)]
    struct WaitList {
        next: u64,
        entries: std::collections::VecDeque<(u64, Waker)>,
    }

    impl WaitList {
        fn register(&mut self, place: &mut Option<u64>, waker: &Waker) {
            if let Some(id) = *place {
                if let Some((_, w)) = self.entries.iter_mut().find(|(i, _)| *i == id) {
                    w.clone_from(waker);
                    return;
                }
            }
            self.next += 1;
            self.entries.push_back((self.next, waker.clone()));
            *place = Some(self.next);
        }

        fn remove(&mut self, place: &mut Option<u64>) {
            if let Some(id) = place.take() {
                self.entries.retain(|(i, _)| *i != id);
            }
        }

        fn pop_first(&mut self) -> Option<Waker> {
            self.entries.pop_front().map(|(_, w)| w)
        }
    }

    struct Slot {
        id: u32,
        worker: Worker,
        /// The call it is running, if any.
        busy: Option<u64>,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
    }

    #[derive(Default)]
    struct Pool {
        slots: Vec<Slot>,
        next_worker: u32,
        next_call: u64,
        answers: HashMap<u64, (Option<Answer>, Option<Waker>)>,
        /// Calls waiting for a free worker.
        line: WaitList,
    }

    thread_local! {
        static POOL: RefCell<Pool> = RefCell::new(Pool::default());
    }

    /// Workers running a job right now (for tests and Stop).
    pub fn busy_workers() -> usize {
        POOL.with(|p| p.borrow().slots.iter().filter(|s| s.busy.is_some()).count())
    }

    /// Python's default: `min(32, os.cpu_count() + 4)`.
    pub fn max_workers() -> usize {
        let cores = web_sys::window().map_or(2.0, |w| w.navigator().hardware_concurrency()) as usize;
        (cores.max(1) + 4).min(32)
    }

    fn answer(call: u64, result: Answer) {
        let waker = POOL.with(|p| {
            let mut pool = p.borrow_mut();
            for slot in pool.slots.iter_mut().filter(|s| s.busy == Some(call)) {
                slot.busy = None;
            }
            let entry = pool.answers.get_mut(&call)?;
            entry.0 = Some(result);
            entry.1.take()
        });
        if let Some(w) = waker {
            w.wake();
        }
        wake_next_in_line();
    }

    fn wake_next_in_line() {
        let next = POOL.with(|p| p.borrow_mut().line.pop_first());
        if let Some(w) = next {
            w.wake();
        }
    }

    fn new_worker(pool: &mut Pool) -> Result<usize, String> {
        let url = wasm_bindgen::link_to!(module = "/src/aio/thread_worker.js");
        let worker = start_worker(&url, &wasm_bindgen::module()).map_err(|e| format!("{e:?}"))?;
        pool.next_worker += 1;
        let id = pool.next_worker;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let call = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0);
            let ok = Reflect::get(&data, &"ok".into()).ok().and_then(|v| v.as_string());
            let err = Reflect::get(&data, &"err".into()).ok().and_then(|v| v.as_string());
            let result = ok.ok_or_else(|| err.unwrap_or_else(|| "the worker sent nothing".into()));
            if call < 0.0 {
                fail_worker(id, result.err().unwrap_or_default());
            } else {
                answer(call as u64, result);
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
            fail_worker(id, format!("the worker failed: {}", e.message()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        pool.slots.push(Slot { id, worker, busy: None, _on_message: on_message, _on_error: on_error });
        Ok(pool.slots.len() - 1)
    }

    /// A worker that cannot work (failed to start, crashed): its call fails and it is dropped.
    fn fail_worker(id: u32, why: String) {
        let call = POOL.with(|p| {
            let mut pool = p.borrow_mut();
            let i = pool.slots.iter().position(|s| s.id == id)?;
            let slot = pool.slots.remove(i);
            slot.worker.terminate();
            slot.busy
        });
        if let Some(call) = call {
            answer(call, Err(why));
        }
    }

    /// One `to_thread` call in the browser.
    pub struct Call {
        payload: String,
        label: Text,
        id: u64,
        place: Option<u64>,
        posted: bool,
        _outside: OutsideGuard,
    }

    impl Call {
        pub fn new(payload: String, label: Text, rt: &Runtime) -> Self {
            let id = POOL.with(|p| {
                let mut pool = p.borrow_mut();
                pool.next_call += 1;
                let id = pool.next_call;
                pool.answers.insert(id, (None, None));
                id
            });
            Call { payload, label, id, place: None, posted: false, _outside: rt.outside_work() }
        }

        /// Posts the job to an idle (or new) worker; false if all are busy.
        fn post(&mut self) -> Result<bool, String> {
            POOL.with(|p| {
                let mut pool = p.borrow_mut();
                let slot = match pool.slots.iter().position(|s| s.busy.is_none()) {
                    Some(i) => i,
                    None if pool.slots.len() < max_workers() => new_worker(&mut pool)?,
                    None => return Ok(false),
                };
                let message = Object::new();
                let _ = Reflect::set(&message, &"id".into(), &(self.id as f64).into());
                let _ = Reflect::set(&message, &"job".into(), &self.payload.as_str().into());
                pool.slots[slot].worker.post_message(&message).map_err(|e| format!("{e:?}"))?;
                pool.slots[slot].busy = Some(self.id);
                pool.line.remove(&mut self.place);
                Ok(true)
            })
        }

        pub fn poll(&mut self, cx: &mut Context<'_>) -> Poll<PyResult<String>> {
            if !self.posted {
                match self.post() {
                    Ok(true) => self.posted = true,
                    Ok(false) => {
                        POOL.with(|p| p.borrow_mut().line.register(&mut self.place, cx.waker()));
                        note_wait(Wait::Worker { job: self.label });
                        return Poll::Pending;
                    }
                    Err(why) => {
                        return Poll::Ready(Err(Exception::new(
                            "RuntimeError",
                            format!("could not start a worker: {why}"),
                        )))
                    }
                }
            }
            let done = POOL.with(|p| {
                let mut pool = p.borrow_mut();
                let entry = pool.answers.get_mut(&self.id)?;
                if entry.0.is_none() {
                    entry.1 = Some(cx.waker().clone());
                    return None;
                }
                pool.answers.remove(&self.id).and_then(|(a, _)| a)
            });
            match done {
                Some(answer) => Poll::Ready(answer.map_err(|why| Exception::new("WorkerError", why))),
                None => {
                    note_wait(Wait::Worker { job: self.label });
                    Poll::Pending
                }
            }
        }
    }

    impl Drop for Call {
        fn drop(&mut self) {
            // Cancelled while the worker runs it: terminate that worker, so the work stops.
            let freed = POOL.with(|p| {
                let mut pool = p.borrow_mut();
                pool.line.remove(&mut self.place);
                let unanswered = pool.answers.remove(&self.id).is_some_and(|(a, _)| a.is_none());
                match pool.slots.iter().position(|s| s.busy == Some(self.id)) {
                    Some(i) if unanswered => {
                        pool.slots.remove(i).worker.terminate();
                        true
                    }
                    _ => false,
                }
            });
            if freed {
                wake_next_in_line();
            }
        }
    }
}
