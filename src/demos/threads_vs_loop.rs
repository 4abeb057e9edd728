//! `threads-vs-loop`: N tasks on the loop vs N workers, for I/O-bound and CPU-bound jobs.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Group, Preset, Twin};
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
    fn group(&self) -> Group {
        Group::RealIo
    }
    fn lesson(&self, _p: &Params) -> String {
        "For I/O-bound jobs (waiting), N tasks on one event loop finish as fast as N threads: the waiting overlaps either way, and tasks are far cheaper. \
         For CPU-bound jobs, the loop runs them one after another on its single thread, and threads do not help either (in CPython only one thread runs Python at a time): you need processes, with memory of their own. \
         Here Web Workers play both parts (they have memory of their own, like processes); how much faster the CPU-bound jobs get depends on how many cores this machine has."
            .into()
    }
    fn more(&self) -> Option<&'static str> {
        Some("CPython's global interpreter lock (the GIL) lets one thread run Python code at a time, so threads overlap waiting but not counting; a ProcessPoolExecutor runs each job in a process with its own interpreter.")
    }
    fn python(&self, variant: usize) -> &'static str {
        if variant == 1 {
            return r#"import asyncio
from concurrent.futures import ProcessPoolExecutor

def count_primes(n):  # CPU-bound
    return sum(all(k % d for d in range(2, int(k**0.5) + 1)) for k in range(2, n))

async def on_the_loop(n):
    results = []
    for _ in range(n):
        results.append(count_primes(${size}))  # holds the loop while it counts
        await asyncio.sleep(0.001)  # the loop (here, the page too) gets a turn between jobs
    return results

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
                help: "count primes below this (CPU-bound); on the loop each job holds the page until it is counted, under a second at 50000, and Stop answers between jobs",
                // The page runs the demo's Python on its engine: count_primes(50_000) took
                // 0.4–0.9 s natively on a loaded 2-core machine (CPython 3.11: 0.2–0.45 s).
                kind: Kind::Count { min: 2, max: 50_000 },
                default: "20000",
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
    fn explain(&self, p: &Params, run: &Facts) -> String {
        // The program's two timings (not Interleave's note about workers beside them).
        let lines: Vec<&str> = run
            .model
            .log
            .iter()
            .filter_map(|l| match l.kind {
                LogKind::Print(t) => Some(run.trace.resolve(t)),
                _ => None,
            })
            .filter(|l| l.starts_with("on the loop: ") || l.starts_with("in workers: "))
            .collect();
        let secs =
            |label: &str| lines.iter().find_map(|l| l.strip_prefix(label)?.strip_suffix(" s")?.parse::<f64>().ok());
        let what = if p.choice("variant") == 1 {
            // Whether the workers won depends on the machine's cores and their start-up.
            let outcome = match (secs("on the loop: "), secs("in workers: ")) {
                (Some(on_loop), Some(in_workers)) if in_workers >= on_loop => {
                    " Here that did not pay: starting the workers cost more than sharing the cores saved."
                }
                _ => "",
            };
            format!(
                "CPU-bound: the loop counted one job after another, while the workers (processes, in Python's terms) could share the machine's cores.{outcome} {SPEED} {START_UP}"
            )
        } else {
            match (secs("on the loop: "), secs("in workers: ")) {
                (Some(on_loop), Some(in_workers)) => io_bound(p.count("n"), on_loop, in_workers, pool_size()),
                _ => "The run ended before both ways finished.".into(),
            }
        };
        format!("{} — {what}", lines.join("; "))
    }
}

impl Twin for ThreadsVsLoop {
    fn main(&self, p: &Params) -> Coro<Repr> {
        let job = if p.choice("variant") == 1 {
            Job::CountPrimes { below: p.count("size") as u64 }
        } else {
            Job::Io { secs: p.num("secs") }
        };
        main(p.count("n"), job).into_repr()
    }
}

/// Where this page differs from CPython in a way the figures show.
const SPEED: &str =
    "The counting speed is not CPython's: this page's Python engine counts about 3–4× slower than CPython, and the same lesson in Rust 10–25× faster.";
const START_UP: &str =
    "Each Web Worker takes 40–110 ms to start (a Python thread, well under 1 ms), which the workers' time includes.";

/// The I/O-bound comparison in words, true to the two times printed.
fn io_bound(n: usize, on_loop: f64, in_workers: f64, pool: Option<usize>) -> String {
    // Start-up is the only expected extra while every job has a worker of its own.
    if in_workers <= on_loop * 1.2 + 0.15 {
        return format!(
            "I/O-bound: both ways overlap the waiting, so the times are about the same, and tasks need no threads at all. {START_UP}"
        );
    }
    let pool_words = match pool {
        Some(k) => format!(
            "to_thread's pool runs at most min(32, cores + 4) = {k} jobs at once here, so the {n} jobs waited in {} rounds",
            n.div_ceil(k)
        ),
        None => "to_thread's pool runs at most min(32, cores + 4) jobs at once, so the rest waited their turn".into(),
    };
    format!(
        "I/O-bound: on the loop all {n} waits overlapped; in workers they could not, because {pool_words}. Tasks on the loop need no threads at all. {START_UP}"
    )
}

// region: demo
/// The jobs done on the loop: waits overlap as tasks; counts hold the loop one after another,
/// with a turn for the loop (and the page's Stop button) between them.
fn on_the_loop(n: usize, job: Job) -> Coro<()> {
    coro("on_the_loop()", async move {
        match job {
            Job::Io { secs } => {
                gather((0..n).map(|i| coro(format!("sleep({i})"), sleep(secs)))).await?;
            }
            Job::CountPrimes { below } => {
                for _ in 0..n {
                    count_primes(below); // holds the loop while it counts
                                         // A timer, not sleep(0): the browser only takes clicks and draws when the
                                         // loop waits for one.
                    sleep(0.001).await?; // the loop (here, the page too) gets a turn between jobs
                }
            }
        }
        Ok(())
    })
}

fn in_workers(n: usize, job: Job) -> Coro<()> {
    coro("in_workers()", async move {
        gather((0..n).map(|i| coro(format!("to_thread({i})"), to_thread(job)))).await?;
        Ok(())
    })
}

fn timed(label: &'static str, run: Coro<()>) -> Coro<()> {
    coro(label, async move {
        let start = loop_time();
        run.await?;
        print(format!("{label}: {:.2} s", loop_time() - start));
        Ok(())
    })
}

fn main(n: usize, job: Job) -> Coro<()> {
    coro("main()", async move {
        timed("on the loop", on_the_loop(n, job)).await?;
        timed("in workers", in_workers(n, job)).await?;
        Ok(())
    })
}
// endregion

#[cfg(test)]
mod tests {
    use super::io_bound;

    #[test]
    fn more_jobs_than_workers_are_not_called_about_the_same() {
        // The browser's run at n = 32: a pool of 6 workers takes 6 rounds of 1 s.
        let text = io_bound(32, 1.0, 6.09, Some(6));
        assert!(!text.contains("about the same"), "{text}");
        assert!(text.contains("min(32, cores + 4) = 6 jobs at once here, so the 32 jobs waited in 6 rounds"), "{text}");
        assert!(text.contains("40–110 ms to start"), "{text}");
        // Within start-up of each other, they are about the same.
        assert!(io_bound(4, 1.0, 1.08, Some(6)).contains("about the same"));
    }
}
