//! `semaphore`: cap how many calls are in flight at once.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Preset};
use crate::aio::*;
use crate::model::describe::duration;
use crate::python::random::Random;

pub struct SemaphoreDemo;

impl Demo for SemaphoreDemo {
    fn slug(&self) -> &'static str {
        "semaphore"
    }
    fn title(&self) -> &'static str {
        "Semaphore: at most n at a time"
    }
    fn lesson(&self) -> &'static str {
        "Gathering 20 API calls at once could overload the server, so each call first acquires a Semaphore(5): at most 5 run at a time and the rest wait in line. \
         Each call's latency is drawn between 1 and 3 s (seeded, so every run is the same). \
         Notice the in-flight count never passes the limit, and the total is close to the sum of latencies divided by 5."
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio, random

rng = random.Random(${seed})
latencies = [rng.uniform(${low}, ${high}) for _ in range(${calls})]

async def call_api(i, sem):
    async with sem:  # waits here while ${limit} calls are in flight
        print(f"call {i} starts")
        await asyncio.sleep(latencies[i])
        print(f"call {i} done")
        return i

async def main():
    sem = asyncio.Semaphore(${limit})
    return await asyncio.gather(*(call_api(i, sem) for i in range(${calls})))

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("semaphore.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "calls",
                label: "Calls",
                help: "how many API calls",
                kind: Kind::Count { min: 1, max: 10_000 },
                default: "20",
            },
            ParamSpec {
                key: "limit",
                label: "Semaphore",
                help: "calls allowed at once",
                kind: Kind::Count { min: 1, max: 10_000 },
                default: "5",
            },
            ParamSpec {
                key: "low",
                label: "Fastest call",
                help: "seconds, lower bound of latency",
                kind: Kind::Seconds { min: 0.0, max: 30.0 },
                default: "1.0",
            },
            ParamSpec {
                key: "high",
                label: "Slowest call",
                help: "seconds, upper bound of latency",
                kind: Kind::Seconds { min: 0.0, max: 30.0 },
                default: "3.0",
            },
            ParamSpec {
                key: "seed",
                label: "Seed",
                help: "same seed, same latencies",
                kind: Kind::Count { min: 0, max: 1_000_000 },
                default: "7",
            },
        ]
    }
    fn presets(&self) -> &'static [Preset] {
        &[
            Preset { label: "20 calls, Semaphore(5)", values: &[] },
            Preset { label: "Exercise: 10 calls, Semaphore(3)", values: &[("calls", "10"), ("limit", "3")] },
            Preset { label: "No real limit: Semaphore(20)", values: &[("limit", "20")] },
        ]
    }
    fn main(&self, p: &Params) -> Coro<Repr> {
        let latencies = latencies(p.count("calls"), p.num("low"), p.num("high"), p.num("seed") as i64);
        main(latencies, p.count("limit")).into_repr()
    }
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let lat = latencies(p.count("calls"), p.num("low"), p.num("high"), p.num("seed") as i64);
        let sequential: f64 = lat.iter().sum();
        let limit = p.count("limit");
        let peak = run.model.held.iter().flat_map(|(_, s)| s.iter().map(|&(_, n)| n)).max().unwrap_or(0);
        let took = run.model.span() as f64 / 1e6;
        format!(
            "At most {peak} calls were in flight (limit {limit}). Finished in {}; one after another would take {sequential:.1} s: {:.1}× faster (estimate for {limit} at a time: about {:.1} s).",
            duration(run.model.span()),
            if took > 0.0 { sequential / took } else { 1.0 },
            sequential / limit as f64
        )
    }
}

// region: demo
/// Each call's latency, drawn between `low` and `high` seconds by CPython's own generator
/// (`random.Random(seed).uniform`), so the run is the one the Python makes.
fn latencies(calls: usize, low: f64, high: f64, seed: i64) -> Vec<f64> {
    let mut rng = Random::new(seed);
    (0..calls).map(|_| rng.uniform(low, high)).collect()
}

fn call_api(i: usize, latency: f64, sem: Semaphore) -> Coro<usize> {
    coro(format!("call_api({i})"), async move {
        let _permit = sem.acquire().await?; // waits here while the limit is reached
        print(format!("call {i} starts"));
        sleep(latency).await?;
        print(format!("call {i} done"));
        Ok(i)
    })
}

fn main(latencies: Vec<f64>, limit: usize) -> Coro<Vec<usize>> {
    coro("main()", async move {
        let sem = Semaphore::new(limit);
        gather(latencies.into_iter().enumerate().map(|(i, l)| call_api(i, l, sem.clone()))).await
    })
}
// endregion
