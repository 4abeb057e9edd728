//! The asyncio-shaped toolbox demos are written with. Names mirror asyncio on purpose, so a
//! demo reads line by line beside the Python it teaches:
//!
//! | Python                                   | here                                              |
//! |------------------------------------------|---------------------------------------------------|
//! | `async def f(): …` then `f()`            | `fn f() -> Coro<T> { coro("f()", async move {…}) }` |
//! | `await f()`                              | `f().await?`                                      |
//! | `asyncio.run(main())`                    | `run(&rt, main())`                                |
//! | `asyncio.create_task(f())`               | `create_task(f())`                                |
//! | `await asyncio.sleep(1.0)`               | `sleep(1.0).await`                                |
//! | `await asyncio.gather(a(), b())`         | `gather([a(), b()]).await?`                       |
//! | `gather(…, return_exceptions=True)`      | `gather([…]).return_exceptions().await`           |
//! | `await asyncio.wait_for(f(), 5)`         | `wait_for(f(), 5.0).await?`                       |
//! | `for c in asyncio.as_completed(aws)`     | `while let Some(r) = done.next().await`           |
//! | `await asyncio.wait(aws, return_when=…)` | `wait(aws, None, ReturnWhen::FirstCompleted).await` |
//! | `async with sem:`                        | `let _permit = sem.acquire().await;`              |
//! | `raise ValueError("x")`                  | `return Err(Exception::value_error("x"))`         |
//! | `time.sleep(2)` (the mistake)            | `blocking_sleep(2.0)`                             |
//! | `await asyncio.to_thread(f, n)`          | `to_thread(Job::CountPrimes { below: n }).await?` |
//! | `print(…)`                               | `print(format!(…))`                               |
//! | `try: … finally: cleanup()`              | `let _cleanup = finally(\|\| cleanup());`          |
//! | `loop.time()`                            | `loop_time()`                                     |
//!
//! Where Rust differs: futures are lazy (as coroutine objects are) and cancelling means
//! dropping. The toolbox keeps asyncio's behaviour on top; see [`task`] for the mapping.

mod fetch;
mod jobs;
mod many;
mod queue;
mod sleep;
mod sync;
pub mod task;
mod thread;
mod value;

pub use fetch::{fetch_json, fetch_text, open_fetches, Json};
pub use jobs::{count_primes, Job};
pub use many::{as_completed, gather, wait, wait_for, Awaitable, Gather, ReturnWhen};
pub use queue::Queue;
pub use sleep::{blocking_sleep, loop_time, secs_to_micros, sleep};
pub use sync::{Event, Lock, Permit, Semaphore};
pub use task::{coro, create_task, finally, print, run, Coro, Finally, Task, TaskValue};
#[cfg(target_arch = "wasm32")]
pub use thread::{busy_workers, worker_run};
pub use thread::{to_thread, ToThread};
pub use value::{Exception, PyRepr, PyResult, Repr};
