//! `as-completed`: handle results in the order they finish.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Group, Twin};
use crate::aio::*;

pub struct AsCompleted;

const SECS: Kind = Kind::Seconds { min: 0.0, max: 60.0 };

impl Demo for AsCompleted {
    fn slug(&self) -> &'static str {
        "as-completed"
    }
    fn title(&self) -> &'static str {
        "as_completed: first finished, first handled"
    }
    fn group(&self) -> Group {
        Group::Coordination
    }
    fn lesson(&self, p: &Params) -> String {
        let mut sleeps = [("A", p.num("a")), ("B", p.num("b")), ("C", p.num("c"))];
        // Finishing order: shortest sleep first; equal sleeps in the order they were passed.
        sleeps.sort_by(|x, y| x.1.total_cmp(&y.1));
        let ((first, soon), (last, late)) = (sleeps[0], sleeps[2]);
        let notice = if soon < late {
            format!(
                "Notice {first} is handled after {} s, while {last} is still sleeping (it finishes after {} s).",
                soon.py_repr(),
                late.py_repr()
            )
        } else {
            "Notice that with equal sleeps all three finish together, and are handed over in the order they were passed.".into()
        };
        format!(
            "gather hands back every result at the end, in argument order; asyncio.as_completed hands each one over as soon as it is ready. \
             Use it to show progress or act on fast answers while slow ones are still coming. \
             {notice}"
        )
    }
    fn python(&self, _variant: usize) -> &'static str {
        r#"import asyncio

async def task(name, delay):
    await asyncio.sleep(delay)
    return f"{name} done"

async def main():
    start = asyncio.get_running_loop().time()
    order = []
    for next_done in asyncio.as_completed(
        [task("A", ${a}), task("B", ${b}), task("C", ${c})]
    ):
        result = await next_done
        print(f"{asyncio.get_running_loop().time() - start:.2f} s: {result}")
        order.append(result)
    return order

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("as_completed.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec { key: "a", label: "A sleeps", help: "seconds", kind: SECS, default: "1.0" },
            ParamSpec { key: "b", label: "B sleeps", help: "seconds", kind: SECS, default: "0.5" },
            ParamSpec { key: "c", label: "C sleeps", help: "seconds", kind: SECS, default: "1.5" },
        ]
    }
    fn explain(&self, _p: &Params, run: &Facts) -> String {
        let handled: Vec<String> = run
            .model
            .log
            .iter()
            .filter_map(|l| match l.kind {
                crate::model::LogKind::Print(t) => Some(run.trace.resolve(t).to_string()),
                _ => None,
            })
            .collect();
        format!("Handled in finishing order: {}.", handled.join(", "))
    }
}

impl Twin for AsCompleted {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.num("a"), p.num("b"), p.num("c")).into_repr()
    }
}

// region: demo
fn task(name: &'static str, delay: f64) -> Coro<String> {
    coro(format!("task('{name}', {})", delay.py_repr()), async move {
        sleep(delay).await?;
        Ok(format!("{name} done"))
    })
}

fn main(a: f64, b: f64, c: f64) -> Coro<Vec<String>> {
    coro("main()", async move {
        let start = loop_time();
        let mut order = Vec::new();
        let next_done = as_completed([task("A", a), task("B", b), task("C", c)]);
        for next in next_done {
            let result = next.await?;
            print(format!("{:.2} s: {result}", loop_time() - start));
            order.push(result);
        }
        Ok(order)
    })
}
// endregion
