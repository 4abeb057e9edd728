//! `llm-batch`: a batch of prompts to a rate-limited, sometimes failing API.

use super::params::{Kind, ParamSpec, Params};
use super::{count_of, Demo, Facts, Group, Preset, Twin};
use std::cell::RefCell;
use std::rc::Rc;

use crate::aio::*;
use crate::model::describe::duration;
use crate::model::LogKind;
use crate::python::random::Random;

pub struct LlmBatch;

impl Demo for LlmBatch {
    fn slug(&self) -> &'static str {
        "llm-batch"
    }
    fn title(&self) -> &'static str {
        "A batch of LLM calls: Semaphore, retries and return_exceptions"
    }
    fn group(&self) -> Group {
        Group::Coordination
    }
    fn lesson(&self, p: &Params) -> String {
        let scale = p.num("scale");
        format!(
            "A simulated LLM API (no key, no network) answers each prompt after 1 to 10 s, scaled by {} here ({} to {}), and {}% of its answers fail with 429 rate limited or 500. \
             A Semaphore keeps at most {} open, retries with exponential backoff turn most rate limits into successes, and return_exceptions=True keeps one failure from losing the other answers. \
             Latencies and failures come from random.Random({}), the same numbers CPython draws in the order the calls draw them, so Step through (virtual clock) repeats a run exactly; on the real clock two calls that end within a few ms of each other can swap turns and so draw each other's numbers (in CPython too). Compare the total with what one request after another would take.",
            scale.py_repr(),
            duration(secs_to_micros(scale)),
            duration(secs_to_micros(10.0 * scale)),
            p.num("fail_rate").py_repr().trim_end_matches(".0"),
            count_of(p.count("limit"), "request", "requests"),
            p.count("seed"),
        )
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio, random

rng = random.Random(${seed})

class APIError(Exception): pass

async def ask_llm(prompt):
    await asyncio.sleep(rng.uniform(1, 10) * ${scale})  # 1–10 s, scaled
    if rng.random() < ${fail_rate} / 100:
        raise APIError(rng.choice(["429 rate limited", "500 server error"]))
    return f"summary of {prompt!r}"

async def ask_with_retry(prompt, sem):
    async with sem:  # at most ${limit} requests open
        for attempt in range(${retries} + 1):
            try:
                return await ask_llm(prompt)
            except APIError as e:
                if attempt == ${retries}:
                    raise
                print(f"{prompt}: {e}, retrying")
                await asyncio.sleep(${backoff} * 2 ** attempt)  # exponential backoff

async def main():
    sem = asyncio.Semaphore(${limit})
    prompts = [f"prompt {i}" for i in range(${prompts})]
    results = await asyncio.gather(*(ask_with_retry(p, sem) for p in prompts),
                                   return_exceptions=True)
    for p, r in zip(prompts, results):
        print(f"{p}: " + (f"FAILED {r}" if isinstance(r, Exception) else r))
    return sum(not isinstance(r, Exception) for r in results)

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("llm_batch.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "prompts",
                label: "Prompts",
                help: "how many requests",
                kind: Kind::Count { min: 1, max: 1000 },
                default: "12",
            },
            ParamSpec {
                key: "limit",
                label: "Semaphore",
                help: "requests open at once",
                kind: Kind::Count { min: 1, max: 1000 },
                default: "4",
            },
            ParamSpec {
                key: "scale",
                label: "Time scale",
                help: "× the API's 1–10 s latency",
                kind: Kind::Seconds { min: 0.0, max: 1.0 },
                default: "0.2",
            },
            ParamSpec {
                key: "fail_rate",
                label: "Failure rate",
                help: "% of answers that fail",
                kind: Kind::Percent,
                default: "25",
            },
            ParamSpec {
                key: "retries",
                label: "Retries",
                help: "extra attempts after a failure",
                kind: Kind::Count { min: 0, max: 10 },
                default: "2",
            },
            ParamSpec {
                key: "backoff",
                label: "Backoff",
                help: "seconds before the first retry (doubles each time)",
                kind: Kind::Seconds { min: 0.0, max: 10.0 },
                default: "0.3",
            },
            ParamSpec {
                key: "seed",
                label: "Seed",
                help: "same seed, same numbers in the same order",
                kind: Kind::Count { min: 0, max: 1_000_000 },
                default: "42",
            },
        ]
    }
    fn presets(&self) -> &'static [Preset] {
        &[
            Preset { label: "The lesson", values: &[] },
            Preset { label: "No retries", values: &[("retries", "0")] },
            Preset { label: "Flaky API (60% failures)", values: &[("fail_rate", "60"), ("retries", "3")] },
        ]
    }
    fn explain(&self, _p: &Params, run: &Facts) -> String {
        let m = crate::model::metrics(run.model);
        let retries = run
            .model
            .log
            .iter()
            .filter(|l| matches!(l.kind, LogKind::Print(t) if run.trace.resolve(t).ends_with("retrying")))
            .count();
        let failed = run
            .model
            .log
            .iter()
            .filter(|l| matches!(l.kind, LogKind::Print(t) if run.trace.resolve(t).contains("FAILED")))
            .count();
        let retried = match retries {
            0 => "No retries".to_string(),
            1 => "1 retry".to_string(),
            n => format!("{n} retries"),
        };
        let failed = match failed {
            0 => "every prompt got its answer".to_string(),
            1 => "1 prompt still failed and came back as its exception".to_string(),
            n => format!("{n} prompts still failed and came back as their exceptions"),
        };
        format!(
            "Done in {}; the waits (answers and backoffs) add up to {}, so one request after another would take about {:.1}× as long. {retried}; {failed}.",
            duration(m.elapsed),
            duration(m.io_waits),
            m.speedup.max(1.0),
        )
    }
}

impl Twin for LlmBatch {
    fn main(&self, p: &Params) -> Coro<Repr> {
        let api = Api {
            scale: p.num("scale"),
            fail_rate: p.num("fail_rate") / 100.0,
            rng: Rc::new(RefCell::new(Random::new(p.num("seed") as i64))),
        };
        main(api, p.count("prompts"), p.count("limit"), p.count("retries"), p.num("backoff")).into_repr()
    }
}

// region: demo
/// The simulated API: one generator shared by every call, CPython's own
/// (`random.Random(seed)`), drawn in the order the Python draws, so the run is the Python's.
#[derive(Clone)]
struct Api {
    scale: f64,
    fail_rate: f64,
    rng: Rc<RefCell<Random>>,
}

fn ask_llm(api: Api, prompt: usize) -> Coro<String> {
    coro(format!("ask_llm('prompt {prompt}')"), async move {
        let latency = api.rng.borrow_mut().uniform(1.0, 10.0) * api.scale; // 1–10 s, scaled
        sleep(latency).await?;
        let mut rng = api.rng.borrow_mut();
        if rng.random() < api.fail_rate {
            let why = ["429 rate limited", "500 server error"][rng.choice(2).unwrap_or(0)];
            return Err(Exception::new("APIError", why));
        }
        Ok(format!("summary of 'prompt {prompt}'"))
    })
}

fn ask_with_retry(api: Api, prompt: usize, sem: Semaphore, retries: usize, backoff: f64) -> Coro<String> {
    coro(format!("ask_with_retry('prompt {prompt}')"), async move {
        let _permit = sem.acquire().await?; // at most `limit` requests open
        let mut attempt = 0;
        loop {
            match ask_llm(api.clone(), prompt).await {
                Ok(answer) => return Ok(answer),
                Err(e) if attempt == retries => return Err(e),
                Err(e) => {
                    print(format!("prompt {prompt}: {e}, retrying"));
                    sleep(backoff * 2f64.powi(attempt as i32)).await?; // exponential backoff
                    attempt += 1;
                }
            }
        }
    })
}

fn main(api: Api, prompts: usize, limit: usize, retries: usize, backoff: f64) -> Coro<usize> {
    coro("main()", async move {
        let sem = Semaphore::new(limit);
        let results = gather((0..prompts).map(|p| ask_with_retry(api.clone(), p, sem.clone(), retries, backoff)))
            .return_exceptions()
            .await?;
        for (p, r) in results.iter().enumerate() {
            match r {
                Ok(answer) => print(format!("prompt {p}: {answer}")),
                Err(e) => print(format!("prompt {p}: FAILED {e}")),
            }
        }
        Ok(results.iter().filter(|r| r.is_ok()).count())
    })
}
// endregion
