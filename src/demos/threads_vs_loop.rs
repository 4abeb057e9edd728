//! `threads-vs-loop`: N tasks on the loop vs N workers, for I/O-bound and CPU-bound jobs.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Preset};
use crate::aio::*;
use crate::model::LogKind;

pub struct ThreadsVsLoop;

impl Demo for ThreadsVsLoop {
    fn slug(&self) -> &'static str {
        "threads-vs-loop"
    }
    fn title(&self) -> &'static str {
        "Tasks vs threads and processes: I/O-bound and CPU-bound"
    }
    fn lesson(&self) -> &'static str {
        "For I/O-bound jobs (waiting), N tasks on one event loop finish as fast as N threads: the waiting overlaps either way, and tasks are far cheaper. \
         For CPU-bound jobs, the loop runs them one after another on its single thread, and in CPython threads do not help either (the GIL lets one run Python at a time): you need processes, with memory of their own. \
         Here Web Workers play both parts (they have memory of their own, like processes); how much faster the CPU-bound jobs get depends on how many cores this machine has."
    }
    fn python(&self, variant: usize) -> &'static str {
        if variant == 1 {
            return r#"import asyncio
from concurrent.futures import ProcessPoolExecutor

def count_primes(n):  # CPU-bound
    return sum(all(k % d for d in range(2, int(k**0.5) + 1)) for k in range(2, n))

async def on_the_loop(n):
    async def job():
        return count_primes(${size})  # holds the loop while it counts
    return await asyncio.gather(*(job() for _ in range(n)))

async def in_workers(n):
    # Threads would not help here (the GIL); processes run in parallel.
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, count_primes, ${size})
                                      for _ in range(n)))

async def main():
    loop = asyncio.get_running_loop()
    for label, run in [("on the loop", on_the_loop), ("in workers", in_workers)]:
        start = loop.time()
        await run(${n})
        print(f"{label}: {loop.time() - start:.2f} s")

if __name__ == "__main__":
    asyncio.run(main())"#;
        }
        r#"import asyncio, time

def blocking_io(secs):  # I/O-bound: waits, uses no CPU
    time.sleep(secs)

async def on_the_loop(n):
    return await asyncio.gather(*(asyncio.sleep(${secs}) for _ in range(n)))

async def in_workers(n):
    return await asyncio.gather(*(asyncio.to_thread(blocking_io, ${secs}) for _ in range(n)))

async def main():
    loop = asyncio.get_running_loop()
    for label, run in [("on the loop", on_the_loop), ("in workers", in_workers)]:
        start = loop.time()
        await run(${n})
        print(f"{label}: {loop.time() - start:.2f} s")

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("threads_vs_loop.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "n",
                label: "Jobs",
                help: "jobs each way (workers: at most cores + 4 at once)",
                kind: Kind::Count { min: 1, max: 32 },
                default: "4",
            },
            ParamSpec {
                key: "secs",
                label: "I/O job waits",
                help: "seconds (I/O-bound)",
                kind: Kind::Seconds { min: 0.0, max: 10.0 },
                default: "1.0",
            },
            ParamSpec {
                key: "size",
                label: "CPU job size",
                help: "count primes below this (CPU-bound)",
                kind: Kind::Count { min: 2, max: 1_000_000 },
                default: "1000000",
            },
            ParamSpec {
                key: "variant",
                label: "Job",
                help: "what each job does",
                kind: Kind::Choice(&["I/O-bound", "CPU-bound"]),
                default: "I/O-bound",
            },
        ]
    }
    fn not_steppable(&self) -> Option<&'static str> {
        Some("Step mode runs on a virtual clock without real workers: run this demo for real to compare.")
    }
    fn presets(&self) -> &'static [Preset] {
        &[
            Preset { label: "I/O-bound", values: &[] },
            Preset { label: "CPU-bound", values: &[("variant", "CPU-bound")] },
        ]
    }
    fn main(&self, p: &Params) -> Coro<Repr> {
        let job = if p.choice("variant") == 1 {
            Job::CountPrimes { below: p.count("size") as u64 }
        } else {
            Job::Io { secs: p.num("secs") }
        };
        main(p.count("n"), job).into_repr()
    }
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let lines: Vec<&str> = run
            .model
            .log
            .iter()
            .filter_map(|l| match l.kind {
                LogKind::Print(t) => Some(run.trace.resolve(t)),
                _ => None,
            })
            .collect();
        let what = if p.choice("variant") == 1 {
            "CPU-bound: the loop counted one job after another, while the workers (processes, in Python's terms) could share the machine's cores."
        } else {
            "I/O-bound: both ways overlap the waiting, so the times are about the same, and tasks need no threads at all."
        };
        format!("{} — {what}", lines.join("; "))
    }
}

// region: demo
/// One job done as a coroutine on the loop: waiting awaits, counting holds the thread.
fn job_on_loop(i: usize, job: Job) -> Coro<String> {
    coro(format!("job({i})"), async move {
        match job {
            Job::Io { secs } => {
                sleep(secs).await?;
                Ok("None".to_string())
            }
            Job::CountPrimes { below } => Ok(count_primes(below).to_string()), // holds the loop
        }
    })
}

fn job_in_worker(i: usize, job: Job) -> Coro<String> {
    coro(format!("to_thread({i})"), async move { to_thread(job).await })
}

fn timed(label: &'static str, jobs: Vec<Coro<String>>) -> Coro<()> {
    coro(label, async move {
        let start = loop_time();
        gather(jobs).await?;
        print(format!("{label}: {:.2} s", loop_time() - start));
        Ok(())
    })
}

fn main(n: usize, job: Job) -> Coro<()> {
    coro("main()", async move {
        create_task(timed("on the loop", (0..n).map(|i| job_on_loop(i, job)).collect())).await?;
        create_task(timed("in workers", (0..n).map(|i| job_in_worker(i, job)).collect())).await?;
        Ok(())
    })
}
// endregion
