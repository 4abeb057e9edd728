//! `gather`: three waits at once take as long as the longest, not the sum.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Group, Twin};
use crate::aio::*;
use crate::model::describe::duration;

pub struct Gather;

const DELAY: Kind = Kind::Seconds { min: 0.0, max: 60.0 };

impl Demo for Gather {
    fn slug(&self) -> &'static str {
        "gather"
    }
    fn title(&self) -> &'static str {
        "gather: run coroutines at the same time"
    }
    fn group(&self) -> Group {
        Group::Basics
    }
    fn lesson(&self, p: &Params) -> String {
        let waits = [("A", p.num("a")), ("B", p.num("b")), ("C", p.num("c"))];
        let longest = waits.iter().map(|w| w.1).fold(0.0, f64::max);
        let sum: f64 = waits.iter().map(|w| w.1).sum();
        // The first to finish: the shortest wait, and on a tie the one started first.
        let first = waits.iter().fold(waits[0], |best, &w| if w.1 < best.1 { w } else { best }).0;
        let order = if first == "A" {
            "whichever finishes first".to_string()
        } else {
            format!("although {first} finished first")
        };
        format!(
            "asyncio.gather starts every coroutine as a task and waits until all of them have finished. \
             While one task sleeps, the loop runs the others, so waits of {} s, {} s and {} s take as long as the longest ({}), not their sum ({}). \
             Notice that the results come back in the order you passed them, {order}.",
            waits[0].1.py_repr(),
            waits[1].1.py_repr(),
            waits[2].1.py_repr(),
            duration(secs_to_micros(longest)),
            duration(secs_to_micros(sum)),
        )
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
}

impl Twin for Gather {
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
