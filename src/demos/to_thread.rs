//! `to-thread`: move CPU-bound work off the loop.

use super::params::{Kind, ParamSpec, Params};
use super::{count_of, Demo, Facts, Group, Preset, Twin};
use crate::aio::*;
use crate::model::describe::duration;
use crate::model::{metrics, Ending, LogKind};
use crate::trace::CancelledBy;

pub struct ToThread;

impl Demo for ToThread {
    fn slug(&self) -> &'static str {
        "to-thread"
    }
    fn title(&self) -> &'static str {
        "to_thread: CPU-bound work off the loop"
    }
    fn group(&self) -> Group {
        Group::RealIo
    }
    fn lesson(&self, _p: &Params) -> String {
        "Counting primes is pure computation: run inline in a coroutine, it holds the loop's only thread, so the ticker falls silent and the page freezes until it is done. \
         asyncio.to_thread runs it elsewhere (here a Web Worker running this same code) and awaits the result, so the loop stays free and the ticker keeps time. \
         Unlike a Python thread, a worker can be stopped: a timeout or Stop really ends the work. \
         Two figures differ from CPython's on purpose: this page's Python counts about 3× slower than CPython, and a worker takes 40–110 ms to start where a Python thread needs well under 1 ms."
            .into()
    }
    fn python(&self, variant: usize) -> &'static str {
        if variant == 1 {
            return r#"import asyncio

def count_primes(n):  # pure CPU work
    return sum(all(k % d for d in range(2, int(k**0.5) + 1)) for k in range(2, n))

async def ticker():
    while True:
        await asyncio.sleep(0.1)
        print("tick")

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.25)
    count = await asyncio.wait_for(asyncio.to_thread(count_primes, ${n}), ${budget})
    print(f"{count} primes below ${n}")
    t.cancel()
    return count

asyncio.run(main())"#;
        }
        r#"import asyncio

def count_primes(n):  # pure CPU work
    return sum(all(k % d for d in range(2, int(k**0.5) + 1)) for k in range(2, n))

async def ticker():
    while True:
        await asyncio.sleep(0.1)
        print("tick")

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.25)
    count = count_primes(${n})  # inline: blocks the loop until done
    print(f"{count} primes below ${n}")
    t.cancel()
    return count

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("to_thread.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "n",
                label: "Count primes below",
                help:
                    "the CPU work; inline, the page freezes until it is counted: about 1 s at 100000, up to about 2 s at the most, 150000",
                // Inline, the engine's count holds the page: in Chromium 50,000 took 0.39 s,
                // and the time grows as n^1.5 (natively 100,000 takes 1.0 s, CPython 0.3 s);
                // tests/e2e/freeze.test.mjs times the most, well within the loop's 5 s budget.
                kind: Kind::Count { min: 2, max: 150_000 },
                default: "100000",
            },
            ParamSpec {
                key: "budget",
                label: "Worker time budget",
                help: "seconds before the worker is stopped (to_thread only)",
                kind: Kind::Seconds { min: 0.1, max: 120.0 },
                default: "30",
            },
            ParamSpec {
                key: "variant",
                label: "Run it",
                help: "where the counting happens",
                kind: Kind::Choice(&["inline", "to_thread"]),
                default: "inline",
            },
        ]
    }
    fn not_steppable(&self) -> Option<&'static str> {
        Some("Step mode runs on a virtual clock, where the counting would happen on this page's own thread: run this demo for real.")
    }
    fn presets(&self) -> &'static [Preset] {
        &[
            Preset { label: "Inline (blocks)", values: &[] },
            Preset { label: "to_thread (worker)", values: &[("variant", "to_thread")] },
            Preset {
                label: "Runaway worker, 0.5 s budget",
                values: &[("variant", "to_thread"), ("n", "150000"), ("budget", "0.5")],
            },
        ]
    }
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let timed_out = run
            .model
            .lanes
            .iter()
            .any(|l| matches!(l.ending, Some((_, Ending::Cancelled { by: CancelledBy::Timeout(_) }))));
        if timed_out {
            return format!(
                "The worker did not finish within {} s, so it was terminated and TimeoutError raised; the page stayed responsive throughout.",
                p.num("budget").py_repr()
            );
        }
        let m = metrics(run.model);
        let held = m.longest_poll.map_or(0, |(_, d)| d);
        let ticks = run
            .model
            .log
            .iter()
            .filter(|l| matches!(l.kind, LogKind::Print(t) if run.trace.resolve(t) == "tick"))
            .count();
        let frame =
            run.frames.map(|f| format!(" The longest frame took {:.0} ms.", f.longest_ms())).unwrap_or_default();
        if p.choice("variant") == 1 {
            format!(
                "The count ran in a worker while the ticker ticked {}; the loop was never held longer than {}.{frame} The wait includes the worker's start-up (40–110 ms; a Python thread starts in well under 1 ms).",
                count_of(ticks, "time", "times"),
                duration(held)
            )
        } else {
            format!(
                "The count ran inline and held the loop for {}: the ticker could not tick until it was done.{frame} CPython counts about 3× faster than this page's Python, so there the hold would be shorter, but the ticker just as silent.",
                duration(held)
            )
        }
    }
}

impl Twin for ToThread {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.count("n") as u64, p.choice("variant") == 1, p.num("budget")).into_repr()
    }
}

// region: demo
fn ticker() -> Coro<()> {
    coro("ticker()", async {
        loop {
            sleep(0.1).await?;
            print("tick");
        }
    })
}

/// `asyncio.to_thread(count_primes, n)`: the worker hands its count back as text (jobs cross
/// to a worker as text), read back here into the int Python's function returns.
fn count_in_thread(n: u64) -> Coro<u64> {
    coro("to_thread(count_primes)", async move {
        let text = to_thread(Job::CountPrimes { below: n }).await?;
        text.parse().map_err(|_| Exception::value_error(format!("the worker sent {text:?}, not a count")))
    })
}

fn main(n: u64, in_worker: bool, budget: f64) -> Coro<u64> {
    coro("main()", async move {
        let t = create_task(ticker());
        sleep(0.25).await?;
        let count = if in_worker {
            wait_for(count_in_thread(n), Some(budget)).await?
        } else {
            count_primes(n) // inline: blocks the loop until done
        };
        print(format!("{count} primes below {n}"));
        t.cancel();
        Ok(count)
    })
}
// endregion
