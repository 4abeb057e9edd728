//! `sequential-vs-gather`: the same three requests awaited one by one, and gathered.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts};
use crate::aio::*;

pub struct SequentialVsGather;

impl Demo for SequentialVsGather {
    fn slug(&self) -> &'static str {
        "sequential-vs-gather"
    }
    fn title(&self) -> &'static str {
        "One by one vs gather: the same waits, a third of the time"
    }
    fn lesson(&self) -> &'static str {
        "Awaiting three 2-second requests one after another takes 6 s, because each await waits before the next request even starts. \
         Gathering them starts all three at once, so they wait together and finish in about 2 s. \
         Both versions start at the same moment here, so you can compare them on one time axis."
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
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.count("n"), p.num("delay")).into_repr()
    }
    fn explain(&self, _p: &Params, run: &Facts) -> String {
        let took = |name: &str| {
            run.model
                .lanes
                .iter()
                .find(|l| l.name.starts_with(name))
                .and_then(|l| l.ending.as_ref().map(|(t, _)| *t - l.spawned))
        };
        match (took("timed('one by one'"), took("timed('gathered'")) {
            (Some(seq), Some(par)) if par > 0 => format!(
                "One by one took {:.2} s; gathered took {:.2} s: {:.1}× faster, because the gathered requests waited at the same time.",
                seq as f64 / 1e6,
                par as f64 / 1e6,
                seq as f64 / par as f64
            ),
            _ => "The run ended before both versions finished.".into(),
        }
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
