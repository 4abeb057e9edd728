//! `return-exceptions`: what gather does when some of its tasks fail.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Group, Preset, Twin};
use crate::aio::*;
use crate::model::describe::duration;
use crate::model::Ending;

pub struct ReturnExceptions;

impl Demo for ReturnExceptions {
    fn slug(&self) -> &'static str {
        "return-exceptions"
    }
    fn title(&self) -> &'static str {
        "gather and exceptions: fail-fast vs return_exceptions=True"
    }
    fn group(&self) -> Group {
        Group::ErrorsAndTimeLimits
    }
    fn lesson(&self, _p: &Params) -> String {
        "By default gather is fail-fast: the first exception reaches the caller at once, but the other tasks are not cancelled and keep running to the end. \
         With return_exceptions=True, gather waits for every task and hands back each result or exception in its place, so one failure does not hide the others. \
         Compare the timelines: the failing calls end early in both, and the caller resumes at the first failure only in fail-fast mode."
            .into()
    }
    fn python(&self, variant: usize) -> &'static str {
        if variant == 1 {
            return r#"import asyncio

failing = set(range(1, 2 * ${failures}, 2))  # calls 1, 3, …

async def call(i):
    await asyncio.sleep(0.5 + ${step} * i)
    if i in failing:
        raise ValueError(f"call {i} failed")
    return f"result {i}"

async def main():
    results = await asyncio.gather(*(call(i) for i in range(${calls})),
                                   return_exceptions=True)
    for i, r in enumerate(results):
        if isinstance(r, Exception):
            print(f"Failed {i}: {r!r}")
        else:
            print(f"OK {i}: {r}")
    return results

asyncio.run(main())"#;
        }
        r#"import asyncio

failing = set(range(1, 2 * ${failures}, 2))  # calls 1, 3, …

async def call(i):
    await asyncio.sleep(0.5 + ${step} * i)
    if i in failing:
        raise ValueError(f"call {i} failed")
    return f"result {i}"

async def main():
    tasks = [asyncio.create_task(call(i)) for i in range(${calls})]
    try:
        return await asyncio.gather(*tasks)
    except ValueError as e:
        print(f"gather raised {e!r}; the other calls keep running")
        done, _ = await asyncio.wait(tasks)  # they all finish anyway
        print(f"{sum(not t.exception() for t in done)} calls succeeded after all")
        return "failed"

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("return_exceptions.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "calls",
                label: "Calls",
                help: "how many calls gather runs",
                kind: Kind::Count { min: 1, max: 1000 },
                default: "6",
            },
            ParamSpec {
                key: "failures",
                label: "Failing calls",
                help: "calls 1, 3, 5… raise ValueError",
                kind: Kind::Count { min: 0, max: 500 },
                default: "2",
            },
            ParamSpec {
                key: "step",
                label: "Step",
                help: "call i sleeps 0.5 + step × i seconds",
                kind: Kind::Seconds { min: 0.0, max: 10.0 },
                default: "0.3",
            },
            ParamSpec {
                key: "variant",
                label: "Mode",
                help: "how gather reports failures",
                kind: Kind::Choice(&["fail-fast", "return_exceptions=True"]),
                default: "fail-fast",
            },
        ]
    }
    fn presets(&self) -> &'static [Preset] {
        &[
            Preset { label: "Fail-fast (default)", values: &[] },
            Preset { label: "return_exceptions=True", values: &[("variant", "return_exceptions=True")] },
        ]
    }
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let failed = run.model.lanes.iter().filter(|l| matches!(l.ending, Some((_, Ending::Failed { .. })))).count();
        let ok = run
            .model
            .lanes
            .iter()
            .filter(|l| l.parent.is_some() && matches!(l.ending, Some((_, Ending::Done { .. }))))
            .count();
        if p.choice("variant") == 1 {
            format!("return_exceptions=True: all {} calls ran to the end ({ok} succeeded, {failed} raised) and every outcome came back in its place after {}.", ok + failed, duration(run.model.span()))
        } else {
            let caught = run
                .model
                .log
                .iter()
                .find(|l| matches!(l.kind, crate::model::LogKind::Print(_)))
                .map(|l| duration(l.time));
            match caught {
                Some(at) => format!(
                    "Fail-fast: main got the first exception at {at}, yet none of the other calls was cancelled: {ok} succeeded and {failed} raised by {}.",
                    duration(run.model.span())
                ),
                None => format!("No call failed, so gather simply returned all {ok} results, in order, after {}.", duration(run.model.span())),
            }
        }
    }
}

impl Twin for ReturnExceptions {
    fn main(&self, p: &Params) -> Coro<Repr> {
        let (calls, failures, step) = (p.count("calls"), p.count("failures"), p.num("step"));
        if p.choice("variant") == 1 {
            main_return_exceptions(calls, failures, step).into_repr()
        } else {
            main_fail_fast(calls, failures, step).into_repr()
        }
    }
}

// region: demo
fn call(i: usize, failures: usize, step: f64) -> Coro<String> {
    coro(format!("call({i})"), async move {
        sleep(0.5 + step * i as f64).await?;
        let failing = i % 2 == 1 && i < 2 * failures; // calls 1, 3, …
        if failing {
            return Err(Exception::value_error(format!("call {i} failed")));
        }
        Ok(format!("result {i}"))
    })
}

fn main_fail_fast(calls: usize, failures: usize, step: f64) -> Coro<Repr> {
    coro("main()", async move {
        let tasks: Vec<Task<String>> = (0..calls).map(|i| create_task(call(i, failures, step))).collect();
        match gather(tasks.clone()).await {
            Ok(results) => Ok(Repr(results.py_repr())), // the list itself, as Python returns it
            Err(e) => {
                print(format!("gather raised {}; the other calls keep running", e.py_repr()));
                let (done, _) = wait(&tasks, None, ReturnWhen::AllCompleted).await?; // they all finish anyway
                let ok = done.iter().filter(|t| matches!(t.outcome(), Some(Ok(_)))).count();
                print(format!("{ok} calls succeeded after all"));
                Ok(Repr("failed".py_repr()))
            }
        }
    })
}

fn main_return_exceptions(calls: usize, failures: usize, step: f64) -> Coro<Vec<PyResult<String>>> {
    coro("main()", async move {
        let results = gather((0..calls).map(|i| call(i, failures, step))).return_exceptions().await?;
        for (i, r) in results.iter().enumerate() {
            match r {
                Err(e) => print(format!("Failed {i}: {}", e.py_repr())),
                Ok(v) => print(format!("OK {i}: {v}")),
            }
        }
        Ok(results)
    })
}
// endregion
