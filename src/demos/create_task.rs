//! `create-task`: start work in the background, do other work, then collect it.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Group, Twin};
use crate::aio::*;
use crate::model::describe::duration;

pub struct CreateTask;

const SECS: Kind = Kind::Seconds { min: 0.0, max: 60.0 };

impl Demo for CreateTask {
    fn slug(&self) -> &'static str {
        "create-task"
    }
    fn title(&self) -> &'static str {
        "create_task: start now, await later"
    }
    fn group(&self) -> Group {
        Group::Basics
    }
    fn lesson(&self, p: &Params) -> String {
        let (job, work) = (p.num("job"), p.num("work"));
        format!(
            "asyncio.create_task wraps a coroutine in a Task and schedules it, and hands you the Task to await later: it starts at the creator's next await, when the loop gets a turn, and then runs on its own. \
             main keeps going: it prints, sleeps {} s (the task starts there), and only then awaits the task, which has been running meanwhile. \
             Notice the order of the prints and that the total is about {}, the longer of the two, not {}.",
            work.py_repr(),
            duration(secs_to_micros(job.max(work))),
            duration(secs_to_micros(job) + secs_to_micros(work)),
        )
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio

async def background_job():
    print("Background job started")
    await asyncio.sleep(${job})
    print("Background job finished")
    return "job result"

async def main():
    task = asyncio.create_task(background_job())
    print("Doing other work...")
    await asyncio.sleep(${work})
    print("Other work done; now waiting for the task")
    result = await task
    print(f"Got: {result}")
    return result

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("create_task.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "job",
                label: "Background job",
                help: "seconds the task sleeps",
                kind: SECS,
                default: "2.0",
            },
            ParamSpec {
                key: "work",
                label: "Other work",
                help: "seconds main sleeps meanwhile",
                kind: SECS,
                default: "1.0",
            },
        ]
    }
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let (job, work) = (p.num("job"), p.num("work"));
        format!(
            "Finished in {}: the background job ({} s) and main's other work ({} s) overlapped, so the total is the longer of the two, not {}.",
            duration(run.model.span()),
            job.py_repr(),
            work.py_repr(),
            duration(secs_to_micros(job) + secs_to_micros(work)),
        )
    }
}

impl Twin for CreateTask {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.num("job"), p.num("work")).into_repr()
    }
}

// region: demo
fn background_job(secs: f64) -> Coro<String> {
    coro("background_job()", async move {
        print("Background job started");
        sleep(secs).await?;
        print("Background job finished");
        Ok("job result".to_string())
    })
}

fn main(job: f64, work: f64) -> Coro<String> {
    coro("main()", async move {
        let task = create_task(background_job(job));
        print("Doing other work...");
        sleep(work).await?;
        print("Other work done; now waiting for the task");
        let result = task.await?;
        print(format!("Got: {result}"));
        Ok(result)
    })
}
// endregion
