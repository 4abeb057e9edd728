//! `semaphore`: cap how many calls are in flight at once.

use super::params::{Kind, ParamSpec, Params};
use super::{count_of, Demo, Facts, Group, Preset, Twin};
use crate::aio::*;
use crate::model::describe::duration;
use crate::model::LogKind;
use crate::python::random::Random;
use crate::trace::Micros;

pub struct SemaphoreDemo;

impl Demo for SemaphoreDemo {
    fn slug(&self) -> &'static str {
        "semaphore"
    }
    fn title(&self) -> &'static str {
        "Semaphore: at most n at a time"
    }
    fn group(&self) -> Group {
        Group::Coordination
    }
    fn lesson(&self, p: &Params) -> String {
        let (calls, limit) = (p.count("calls"), p.count("limit"));
        format!(
            "Gathering {} at once could overload the server, so each call first acquires a Semaphore({limit}): at most {limit} run at a time and the rest wait in line. \
             Each call's latency is drawn between {} and {} s by random.Random({}), the same numbers CPython draws, so every run is the same. \
             Notice the in-flight count never passes the limit, and the total is at best the sum of the latencies divided by {limit}: more when permits sit idle while the last calls finish.",
            count_of(calls, "API call", "API calls"),
            p.num("low").py_repr(),
            p.num("high").py_repr(),
            p.count("seed"),
        )
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
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let lat = latencies(p.count("calls"), p.num("low"), p.num("high"), p.num("seed") as i64);
        let sequential: Micros = lat.iter().map(|&l| secs_to_micros(l)).sum();
        let limit = p.count("limit");
        let peak = peak_in_flight(run);
        let took = run.model.span();
        let in_flight = format!("At most {} in flight (limit {limit}).", count_of(peak, "call was", "calls were"));
        if sequential == 0 {
            return format!("{in_flight} Every call took no time, so there was no waiting to overlap.");
        }
        format!(
            "{in_flight} Finished in {}; one after another would take {}: {:.1}× faster. {limit} at a time can at best divide that by {limit} ({}), and takes longer when permits sit idle while the last calls finish.",
            duration(took),
            duration(sequential),
            sequential as f64 / took.max(1) as f64,
            duration(sequential / limit as Micros),
        )
    }
}

impl Twin for SemaphoreDemo {
    fn main(&self, p: &Params) -> Coro<Repr> {
        let latencies = latencies(p.count("calls"), p.num("low"), p.num("high"), p.num("seed") as i64);
        main(latencies, p.count("limit")).into_repr()
    }
}

/// Calls in flight as the printed lines show them: between a call's "starts" and its "done"
/// (a semaphore's held count, sampled by time, misses calls that start and end in one instant).
fn peak_in_flight(run: &Facts) -> usize {
    let (mut now, mut peak) = (0usize, 0usize);
    for line in &run.model.log {
        if let LogKind::Print(t) = line.kind {
            let text = run.trace.resolve(t);
            if text.ends_with(" starts") {
                now += 1;
                peak = peak.max(now);
            } else if text.ends_with(" done") {
                now = now.saturating_sub(1);
            }
        }
    }
    peak
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
