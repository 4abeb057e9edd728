//! Warming the engine up while the page is idle: a small asyncio program (a queue, a semaphore,
//! a gather, method calls), run to its end on the virtual clock as step mode runs one, output
//! unseen. Why: browsers compile wasm in two tiers, a quick one when the page loads and an
//! optimised one for the functions that have run enough. Without this the first Run in a fresh
//! page ran the engine, the runtime and the recorder on the quick tier, taking about twice as
//! long as the runs after it (the 10k-task semaphore demo: 750 ms, then 346 ms).

use std::cell::Cell;
use std::rc::Rc;

use super::{Program, Session};

/// What runs: the paths the demos' own runs take most, a few tens of milliseconds a pass on the
/// first tier (`tests/session.rs` checks that it runs to its end, printing what CPython prints).
pub const WARM_UP: &str = r#"import asyncio


class Job:
    def __init__(self, n):
        self.n = n
        self.done = 0

    def step(self, k):
        self.done += k % 3
        return self


async def worker(name, queue, sem, results):
    while True:
        job = await queue.get()
        async with sem:
            await asyncio.sleep(0)
            results.append(f"{name}:{job.step(job.n).done}")
        queue.task_done()


async def call(i, sem):
    async with sem:
        await asyncio.sleep(0.001 * (i % 3))
        return {"i": i, "square": i * i}


async def main():
    queue = asyncio.Queue(maxsize=5)
    sem = asyncio.Semaphore(3)
    results = []
    workers = [asyncio.create_task(worker(f"w{k}", queue, sem, results)) for k in range(3)]
    for n in range(50):
        await queue.put(Job(n))
    await queue.join()
    for w in workers:
        w.cancel()
    answers = await asyncio.gather(*(call(i, sem) for i in range(50)), return_exceptions=True)
    print(len(results), sum(a["square"] for a in answers))


asyncio.run(main())
"#;

thread_local! {
    /// Whether a run has begun on this thread (a Rust twin's too, which has no interpreter).
    static RAN: Cell<bool> = const { Cell::new(false) };
}

/// [`Session::begin`] says a run begins.
pub(super) fn note_run() {
    RAN.with(|r| r.set(true));
}

/// Runs [`WARM_UP`] once, unless a run has begun on this thread (every program the page starts
/// begins through [`Session::begin`]): the warm-up is for the first one, must not hold the
/// loop while one plays, and some of the engine's state is the thread's (the interpreter that
/// hashes user keys, the task tables), so a program must not start beside another. The
/// session that ran it, for tests, or None when skipped.
pub fn warm_up() -> Option<Session> {
    if RAN.with(Cell::get) {
        return None;
    }
    let program = Program::python(WARM_UP).ok()?;
    let mut session = Session::stepper(Rc::new(program));
    session.run_to_end();
    // Its own run does not count.
    RAN.with(|r| r.set(false));
    Some(session)
}
