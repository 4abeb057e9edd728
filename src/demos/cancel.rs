//! `cancel`: stop a running task and see where it stops.

use super::params::{Kind, ParamSpec, Params};
use super::{count_of, Demo, Facts, Group, Twin};
use crate::aio::*;
use crate::model::describe::duration;

pub struct Cancel;

impl Demo for Cancel {
    fn slug(&self) -> &'static str {
        "cancel"
    }
    fn title(&self) -> &'static str {
        "Cancelling a task: where it stops, what still runs"
    }
    fn group(&self) -> Group {
        Group::ErrorsAndTimeLimits
    }
    fn lesson(&self, p: &Params) -> String {
        let (steps, step, after) = (p.count("steps"), p.num("step"), p.num("after"));
        // On a tie the cancel comes first: main's timer was set before the worker's last one.
        let here = if secs_to_micros(after) <= steps as u64 * secs_to_micros(step) {
            format!("Here main cancels the worker after {} s, while it waits at a sleep: its remaining steps never happen, its cleanup does, and awaiting it raises CancelledError.", after.py_repr())
        } else {
            format!(
                "Here main calls cancel() only after {} s, once the worker has finished its {}, so cancel() changes nothing: try cancelling sooner.",
                after.py_repr(),
                count_of(steps, "step", "steps")
            )
        };
        format!(
            "task.cancel() asks a task to stop; the CancelledError lands at the await where the task is waiting, so its finally: block still runs. \
             {here}"
        )
    }
    fn more(&self) -> Option<&'static str> {
        Some("In Rust, the CancelledError is an Err that the ? operator carries up from that await, and destructors (the finally guard) run on the way.")
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio

async def worker():
    try:
        for i in range(1, ${steps} + 1):
            print(f"step {i}")
            await asyncio.sleep(${step})
        return "finished"
    finally:
        print("worker: cleaning up")  # runs even when cancelled

async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(${after})
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task was cancelled")
    return task.cancelled()

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("cancel.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "steps",
                label: "Steps",
                help: "how many steps the worker plans",
                kind: Kind::Count { min: 1, max: 100 },
                default: "5",
            },
            ParamSpec {
                key: "step",
                label: "Each step",
                help: "seconds per step",
                kind: Kind::Seconds { min: 0.0, max: 10.0 },
                default: "1.0",
            },
            ParamSpec {
                key: "after",
                label: "Cancel after",
                help: "seconds before main cancels it",
                kind: Kind::Seconds { min: 0.0, max: 60.0 },
                default: "2.5",
            },
        ]
    }
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let steps = run
            .model
            .log
            .iter()
            .filter(|l| matches!(l.kind, crate::model::LogKind::Print(t) if run.trace.resolve(t).starts_with("step")))
            .count();
        let cancelled_at = run.model.lanes.iter().find(|l| l.name == "worker()").and_then(|l| match l.ending {
            Some((t, crate::model::Ending::Cancelled { .. })) => Some(t),
            _ => None,
        });
        match cancelled_at {
            Some(t) => format!(
                "The worker started {steps} of {} steps; cancel() reached it at {}, in step {steps}'s sleep, so that step never finished; its cleanup ran, and main saw CancelledError.",
                p.count("steps"),
                duration(t)
            ),
            None => format!(
                "The worker finished all {} steps before main called cancel(), so cancel() changed nothing: main got its result and task.cancelled() is False.",
                p.count("steps")
            ),
        }
    }
}

impl Twin for Cancel {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.count("steps"), p.num("step"), p.num("after")).into_repr()
    }
}

// region: demo
fn worker(steps: usize, step: f64) -> Coro<String> {
    coro("worker()", async move {
        let _cleanup = finally(|| print("worker: cleaning up")); // runs even when cancelled
        for i in 1..=steps {
            print(format!("step {i}"));
            sleep(step).await?;
        }
        Ok("finished".to_string())
    })
}

fn main(steps: usize, step: f64, after: f64) -> Coro<bool> {
    coro("main()", async move {
        let task = create_task(worker(steps, step));
        sleep(after).await?;
        task.cancel();
        if let Err(e) = task.clone().await {
            if e.is_cancelled() {
                print("main: the task was cancelled");
            }
        }
        Ok(task.cancelled())
    })
}
// endregion
