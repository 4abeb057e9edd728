//! `gather`: three waits at once take as long as the longest, not the sum.

use super::params::{Kind, ParamSpec, Params};
use super::Demo;
use crate::aio::*;

pub struct Gather;

const DELAY: Kind = Kind::Seconds { min: 0.0, max: 60.0 };

impl Demo for Gather {
    fn slug(&self) -> &'static str {
        "gather"
    }
    fn title(&self) -> &'static str {
        "gather: run coroutines at the same time"
    }
    fn lesson(&self) -> &'static str {
        "asyncio.gather starts every coroutine as a task and waits until all of them have finished. \
         While one task sleeps, the loop runs the others, so three waits of 1.0, 0.5 and 1.5 s take 1.5 s, not 3.0. \
         Notice that the results come back in the order you passed them, although B finished first."
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio

async def task(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} finished after {delay}s")
    return f"{name} done"

async def main():
    results = await asyncio.gather(
        task("A", ${a}), task("B", ${b}), task("C", ${c})
    )
    print(results)

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("gather.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec { key: "a", label: "A sleeps", help: "seconds task A waits", kind: DELAY, default: "1.0" },
            ParamSpec { key: "b", label: "B sleeps", help: "seconds task B waits", kind: DELAY, default: "0.5" },
            ParamSpec { key: "c", label: "C sleeps", help: "seconds task C waits", kind: DELAY, default: "1.5" },
        ]
    }
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.num("a"), p.num("b"), p.num("c")).into_repr()
    }
}

// region: demo
fn task(name: &'static str, delay: f64) -> Coro<String> {
    coro(format!("task('{name}', {})", delay.py_repr()), async move {
        print(format!("{name} started"));
        sleep(delay).await?;
        print(format!("{name} finished after {}s", delay.py_repr()));
        Ok(format!("{name} done"))
    })
}

fn main(a: f64, b: f64, c: f64) -> Coro<()> {
    coro("main()", async move {
        let results = gather([task("A", a), task("B", b), task("C", c)]).await?;
        print(results.py_repr());
        Ok(())
    })
}
// endregion
