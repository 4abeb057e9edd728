//! `wait-for`: give up on a slow operation after a timeout.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Group, Preset, Twin};
use crate::aio::*;
use crate::model::describe::duration;
use crate::model::Ending;
use crate::trace::CancelledBy;

pub struct WaitFor;

const SECS: Kind = Kind::Seconds { min: 0.0, max: 120.0 };

impl Demo for WaitFor {
    fn slug(&self) -> &'static str {
        "wait-for"
    }
    fn title(&self) -> &'static str {
        "wait_for: a timeout that cancels"
    }
    fn group(&self) -> Group {
        Group::ErrorsAndTimeLimits
    }
    fn lesson(&self, _p: &Params) -> String {
        "asyncio.wait_for waits for an operation, but only up to a timeout. \
         When the time is up it cancels the operation where it is waiting (its timer is cleared) and raises TimeoutError in the caller. \
         Try the preset with a timeout longer than the operation: then the result comes back as usual."
            .into()
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio

async def slow_operation():
    print("slow operation started")
    await asyncio.sleep(${duration})
    print("slow operation finished")
    return "done"

async def main():
    try:
        result = await asyncio.wait_for(slow_operation(), timeout=${timeout})
        print(f"Result: {result}")
        return result
    except TimeoutError:
        print("Timed out!")
        return "timed out"

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("wait_for.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "duration",
                label: "Operation takes",
                help: "seconds slow_operation sleeps",
                kind: SECS,
                default: "10.0",
            },
            ParamSpec { key: "timeout", label: "Timeout", help: "seconds wait_for allows", kind: SECS, default: "5.0" },
        ]
    }
    fn presets(&self) -> &'static [Preset] {
        &[
            Preset { label: "Times out (the lesson)", values: &[] },
            Preset { label: "Timeout above the duration", values: &[("duration", "3.0"), ("timeout", "5.0")] },
        ]
    }
    fn explain(&self, _p: &Params, run: &Facts) -> String {
        let timed_out = run.model.lanes.iter().find_map(|l| match &l.ending {
            Some((t, Ending::Cancelled { by: CancelledBy::Timeout(_) })) => Some((l.name.clone(), *t)),
            _ => None,
        });
        match timed_out {
            Some((name, t)) => format!(
                "TimeoutError after {}: {name} was cancelled while it slept, and its timer was cleared (the run ended then, not when the sleep would have).",
                duration(t)
            ),
            None => format!("The operation finished in time: wait_for returned its result after {}.", duration(run.model.span())),
        }
    }
}

impl Twin for WaitFor {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.num("duration"), p.num("timeout")).into_repr()
    }
}

// region: demo
fn slow_operation(secs: f64) -> Coro<String> {
    coro("slow_operation()", async move {
        print("slow operation started");
        sleep(secs).await?;
        print("slow operation finished");
        Ok("done".to_string())
    })
}

fn main(secs: f64, timeout: f64) -> Coro<String> {
    coro("main()", async move {
        match wait_for(slow_operation(secs), Some(timeout)).await {
            Ok(result) => {
                print(format!("Result: {result}"));
                Ok(result)
            }
            Err(e) if e.is_timeout() => {
                print("Timed out!");
                Ok("timed out".to_string())
            }
            Err(e) => Err(e),
        }
    })
}
// endregion
