//! `sequential-vs-gather`: the same three requests awaited one by one, and gathered.

use super::params::{Kind, ParamSpec, Params};
use super::{count_of, Demo, Facts, Group, Twin};
use crate::aio::*;
use crate::model::describe::duration;
use crate::model::metrics;

pub struct SequentialVsGather;

impl Demo for SequentialVsGather {
    fn slug(&self) -> &'static str {
        "sequential-vs-gather"
    }
    fn title(&self) -> &'static str {
        "One by one vs gather: the same waits, overlapped"
    }
    fn group(&self) -> Group {
        Group::Basics
    }
    fn lesson(&self, p: &Params) -> String {
        let (n, delay) = (p.count("n"), p.num("delay"));
        format!(
            "Awaiting {} of {} s one after another takes {}, because each await waits before the next request even starts. \
             Gathering them starts all of them at once, so they wait together and finish in about {}. \
             Both versions start at the same moment here, so you can compare them on one time axis.",
            count_of(n, "request", "requests"),
            delay.py_repr(),
            duration(secs_to_micros(delay) * n as u64),
            duration(secs_to_micros(delay)),
        )
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio

async def fetch(i):
    await asyncio.sleep(${delay})  # a request that takes a while
    return f"data {i}"

async def one_by_one(n):
    return [await fetch(i) for i in range(1, n + 1)]

async def all_at_once(n):
    return await asyncio.gather(*(fetch(i) for i in range(1, n + 1)))

async def timed(label, coro):
    start = asyncio.get_running_loop().time()
    result = await coro
    print(f"{label}: {asyncio.get_running_loop().time() - start:.2f} s")
    return result

async def main():
    # Both versions start together, so they share one time axis.
    await asyncio.gather(
        timed("one by one", one_by_one(${n})),
        timed("gathered", all_at_once(${n})),
    )

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("sequential_vs_gather.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "n",
                label: "Requests",
                help: "how many requests each version makes",
                kind: Kind::Count { min: 1, max: 50 },
                default: "3",
            },
            ParamSpec {
                key: "delay",
                label: "Each takes",
                help: "seconds per request",
                kind: Kind::Seconds { min: 0.0, max: 30.0 },
                default: "2.0",
            },
        ]
    }
    fn explain(&self, _p: &Params, run: &Facts) -> String {
        let took = |name: &str| {
            run.model
                .lanes
                .iter()
                .find(|l| l.name.starts_with(name))
                .and_then(|l| l.ending.as_ref().map(|(t, _)| *t - l.spawned))
        };
        let (Some(seq), Some(par)) = (took("timed('one by one'"), took("timed('gathered'")) else {
            return "The run ended before both versions finished.".into();
        };
        if par == 0 {
            return "Both versions took no time: requests that take zero seconds leave no waiting to overlap.".into();
        }
        // The Metrics panel's speed-up is over the whole run (both versions together), so it is
        // a different figure: say which is which.
        let whole = metrics(run.model);
        format!(
            "One by one took {}; gathered took {}: gathering finished {:.1}× sooner, because its requests waited at the same time. \
             (The Metrics panel's speed-up, {:.1}×, is for the whole run: both versions' waits, {} in all, overlapped in {}.)",
            duration(seq),
            duration(par),
            seq as f64 / par as f64,
            whole.speedup.max(1.0),
            duration(whole.io_waits),
            duration(whole.elapsed),
        )
    }
}

impl Twin for SequentialVsGather {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.count("n"), p.num("delay")).into_repr()
    }
}

// region: demo
fn fetch(i: usize, delay: f64) -> Coro<String> {
    coro(format!("fetch({i})"), async move {
        sleep(delay).await?; // a request that takes a while
        Ok(format!("data {i}"))
    })
}

fn one_by_one(n: usize, delay: f64) -> Coro<Vec<String>> {
    coro("one_by_one()", async move {
        let mut results = Vec::new();
        for i in 1..=n {
            results.push(fetch(i, delay).await?);
        }
        Ok(results)
    })
}

fn all_at_once(n: usize, delay: f64) -> Coro<Vec<String>> {
    coro("all_at_once()", async move { gather((1..=n).map(|i| fetch(i, delay))).await })
}

fn timed(label: &'static str, work: Coro<Vec<String>>) -> Coro<Vec<String>> {
    coro(format!("timed('{label}')"), async move {
        let start = loop_time();
        let result = work.await?;
        print(format!("{label}: {:.2} s", loop_time() - start));
        Ok(result)
    })
}

fn main(n: usize, delay: f64) -> Coro<()> {
    coro("main()", async move {
        // Both versions start together, so they share one time axis.
        gather([timed("one by one", one_by_one(n, delay)), timed("gathered", all_at_once(n, delay))]).await?;
        Ok(())
    })
}
// endregion
