//! The asyncio-shaped toolbox demos are written with. Names mirror asyncio on purpose, so a
//! demo reads line by line beside the Python it teaches:
//!
//! | Python                                   | here                                              |
//! |------------------------------------------|---------------------------------------------------|
//! | `async def f(): …` then `f()`            | `fn f() -> Coro<T> { coro("f()", async move {…}) }` |
//! | `await f()`                              | `f().await?`                                      |
//! | `asyncio.run(main())`                    | `run(&rt, main())`                                |
//! | `asyncio.create_task(f())`               | `create_task(f())`                                |
//! | `await asyncio.sleep(1.0)`               | `sleep(1.0).await?`                               |
//! | `await asyncio.gather(a(), b())`         | `gather([a(), b()]).await?`                       |
//! | `gather(…, return_exceptions=True)`      | `gather([…]).return_exceptions().await?`          |
//! | `await asyncio.wait_for(f(), 5)`         | `wait_for(f(), Some(5.0)).await?`                 |
//! | `for c in asyncio.as_completed(aws)`     | `for next in as_completed(aws) { next.await? }` |
//! | `await asyncio.wait(tasks, return_when=…)` | `wait(&tasks, None, ReturnWhen::FirstCompleted).await?` |
//! | `async with sem:`                        | `let _permit = sem.acquire().await?;`             |
//! | `except asyncio.CancelledError:`         | `Err(e) if e.is_cancelled() => …`                 |
//! | `raise ValueError("x")`                  | `return Err(Exception::value_error("x"))`         |
//! | `time.sleep(2)` (the mistake)            | `blocking_sleep(2.0)`                             |
//! | `await asyncio.to_thread(f, n)`          | `to_thread(Job::CountPrimes { below: n }).await?` |
//! | `print(…)`                               | `print(format!(…))`                               |
//! | `try: … finally: cleanup()`              | `let _cleanup = finally(\|\| cleanup());`          |
//! | `loop.time()`                            | `loop_time()`                                     |
//!
//! Underneath, everything a task waits on is an asyncio [`Fut`] whose callbacks are scheduled,
//! never run inline, so the order of turns is CPython's (see [`future`]). Where Rust differs:
//! futures are lazy (as coroutine objects are), and an exception is an `Err` that `?` carries
//! up; a cancelled task's await returns `Err(CancelledError)`, exactly where Python raises it.

mod fetch;
pub mod future;
mod jobs;
mod many;
mod queue;
mod runner;
mod sleep;
mod sync;
pub mod task;
mod thread;
mod value;

pub use fetch::{fetch_json, fetch_text, loads, open_fetches, Json};
pub use future::{AnyFut, CallbackId, Fut, FutWait};
pub use jobs::{count_primes, Job};
pub use many::{
    as_completed, as_completed_within, gather, gather_to, shield, wait, wait_for, wait_futures, AsCompleted, Awaitable,
    Gather, GatherAll, ReturnWhen,
};
pub use queue::Queue;
pub use runner::{asyncio_run, asyncio_run_with, run, run_forever, run_until_complete};
pub use sleep::{blocking_sleep, loop_time, secs_to_micros, sleep, sleep_result, Sleep};
pub use sync::{Condition, Event, Held, Lock, Permit, Semaphore};
pub use task::{
    coro, create_task, current_task, finally, print, spawn_on, task_future, Coro, Finally, Task, TaskValue,
};
#[cfg(target_arch = "wasm32")]
pub use thread::{busy_workers, run_job, worker_call, WorkerCall};
pub use thread::{pool_size, to_thread, ToThread};
pub use value::{Exception, Payload, PyRepr, PyResult, Repr};
