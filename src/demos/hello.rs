//! `hello`: a coroutine, `await`, and `asyncio.run`.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Group, Twin};
use crate::aio::*;
use crate::model::describe::duration;

pub struct Hello;

impl Demo for Hello {
    fn slug(&self) -> &'static str {
        "hello"
    }
    fn title(&self) -> &'static str {
        "Hello, coroutine: async def, await, asyncio.run"
    }
    fn group(&self) -> Group {
        Group::Basics
    }
    fn lesson(&self, _p: &Params) -> String {
        "An async def function returns a coroutine; await runs it and waits for its result, and asyncio.run starts the event loop with main(). \
         While fetch_data sleeps, its task is suspended and the thread is free. \
         Notice the result appears after about the sleep's length, and that no new task was made: await runs the coroutine inside main's own task."
            .into()
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio

async def fetch_data():
    print("Fetching data...")
    await asyncio.sleep(${delay})  # stands in for a slow request
    print("Data fetched!")
    return "user 1: Alice"

async def main():
    result = await fetch_data()
    print(f"Result: {result}")
    return result

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("hello.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[ParamSpec {
            key: "delay",
            label: "fetch_data sleeps",
            help: "seconds the pretend request takes",
            kind: Kind::Seconds { min: 0.0, max: 60.0 },
            default: "1.0",
        }]
    }
    fn explain(&self, _p: &Params, run: &Facts) -> String {
        format!(
            "main() waited {} at `await fetch_data()` and got the result; only {} task ran, because await runs a coroutine inside the awaiting task.",
            duration(run.model.span()),
            run.model.lanes.len()
        )
    }
}

impl Twin for Hello {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.num("delay")).into_repr()
    }
}

// region: demo
fn fetch_data(delay: f64) -> Coro<String> {
    coro("fetch_data()", async move {
        print("Fetching data...");
        sleep(delay).await?; // stands in for a slow request
        print("Data fetched!");
        Ok("user 1: Alice".to_string())
    })
}

fn main(delay: f64) -> Coro<String> {
    coro("main()", async move {
        let result = fetch_data(delay).await?;
        print(format!("Result: {result}"));
        Ok(result)
    })
}
// endregion
