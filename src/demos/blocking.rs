//! `blocking`: `time.sleep()` inside a coroutine stops everything.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Group, Preset, Twin};
use crate::aio::*;
use crate::model::describe::duration;

pub struct Blocking;

impl Demo for Blocking {
    fn slug(&self) -> &'static str {
        "blocking"
    }
    fn title(&self) -> &'static str {
        "Blocking the loop: time.sleep vs await asyncio.sleep"
    }
    fn group(&self) -> Group {
        Group::Gotchas
    }
    fn lesson(&self, _p: &Params) -> String {
        "The event loop runs on one thread, so a coroutine that blocks (time.sleep, heavy computation, a synchronous request) stops every other task until it returns. \
         Here the blocker really holds this page's loop: while it sleeps no other task runs and no timer fires, so the tickers' timers fire late by the block. \
         (The page itself keeps drawing, so you can watch the hold grow: Interleave lets the browser draw between moments of a long hold.) \
         Switch to the fixed version, which awaits asyncio.sleep instead and lets the others run."
            .into()
    }
    fn python(&self, variant: usize) -> &'static str {
        if variant == 1 {
            return r#"import asyncio

async def ticker(name):
    for i in range(1, ${ticks} + 1):
        await asyncio.sleep(${interval})
        print(f"{name} tick {i}")

async def blocker():
    await asyncio.sleep(0.3)
    print("blocker: waiting politely")
    await asyncio.sleep(${block})  # fixed: the loop runs others meanwhile
    print("blocker: done")

async def main():
    await asyncio.gather(ticker("A"), ticker("B"), blocker())

asyncio.run(main())"#;
        }
        r#"import asyncio, time

async def ticker(name):
    for i in range(1, ${ticks} + 1):
        await asyncio.sleep(${interval})
        print(f"{name} tick {i}")

async def blocker():
    await asyncio.sleep(0.3)
    print("blocker: calling time.sleep, the whole loop stops")
    time.sleep(${block})  # blocking! nothing else can run
    print("blocker: done")

async def main():
    await asyncio.gather(ticker("A"), ticker("B"), blocker())

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("blocking.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "block",
                label: "Block for",
                help: "seconds the blocker holds the loop (no other task runs that long)",
                kind: Kind::Seconds { min: 0.0, max: 5.0 },
                default: "2.0",
            },
            ParamSpec {
                key: "ticks",
                label: "Ticks",
                help: "ticks per ticker",
                kind: Kind::Count { min: 1, max: 100 },
                default: "8",
            },
            ParamSpec {
                key: "interval",
                label: "Tick every",
                help: "seconds between ticks",
                kind: Kind::Seconds { min: 0.01, max: 5.0 },
                default: "0.25",
            },
            ParamSpec {
                key: "variant",
                label: "Version",
                help: "how the blocker waits",
                kind: Kind::Choice(&["time.sleep (blocking)", "await asyncio.sleep (fixed)"]),
                default: "time.sleep (blocking)",
            },
        ]
    }
    fn presets(&self) -> &'static [Preset] {
        &[
            Preset { label: "Blocking", values: &[] },
            Preset { label: "Fixed with await", values: &[("variant", "await asyncio.sleep (fixed)")] },
        ]
    }
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let worst = run.model.worst_lateness();
        let longest = run.frames.map(|f| f.longest_ms());
        let Some(&crate::model::Block { at, dur, task, .. }) = run.model.blocks.first() else {
            let frames = longest.map(|ms| format!(" The longest frame took {ms:.0} ms.")).unwrap_or_default();
            return format!("Nothing blocked: the worst timer was {} late, and the tickers kept their rhythm while the blocker waited.{frames}", duration(worst));
        };
        let frames = longest
            .map(|ms| format!(" The page itself kept drawing: its longest frame took {ms:.0} ms."))
            .unwrap_or_default();
        // The hold is the whole turn that called time.sleep (what the warning measures too); the
        // sleep itself is part of it, so both are named when they differ.
        let held = run
            .model
            .steps
            .iter()
            .find(|s| s.task == task && s.start <= at && at <= s.end)
            .map_or(dur, |s| s.end - s.start);
        let sleep_part = if duration(held) != duration(dur) {
            format!(" (time.sleep({}) itself took {} of it)", p.num("block").py_repr(), duration(dur))
        } else {
            format!(" in time.sleep({})", p.num("block").py_repr())
        };
        format!(
            "blocker() held the loop for {}{sleep_part}: the tickers' timers fired up to {} late, because nothing else could run.{frames}",
            duration(held),
            duration(worst)
        )
    }
}

impl Twin for Blocking {
    fn main(&self, p: &Params) -> Coro<Repr> {
        main(p.num("block"), p.count("ticks"), p.num("interval"), p.choice("variant") == 1).into_repr()
    }
}

// region: demo
fn ticker(name: &'static str, ticks: usize, interval: f64) -> Coro<()> {
    coro(format!("ticker('{name}')"), async move {
        for i in 1..=ticks {
            sleep(interval).await?;
            print(format!("{name} tick {i}"));
        }
        Ok(())
    })
}

fn blocker(block: f64, fixed: bool) -> Coro<()> {
    coro("blocker()", async move {
        sleep(0.3).await?;
        if fixed {
            print("blocker: waiting politely");
            sleep(block).await?; // fixed: the loop runs others meanwhile
        } else {
            print("blocker: calling time.sleep, the whole loop stops");
            blocking_sleep(block); // blocking! nothing else can run
        }
        print("blocker: done");
        Ok(())
    })
}

fn main(block: f64, ticks: usize, interval: f64, fixed: bool) -> Coro<()> {
    coro("main()", async move {
        gather([ticker("A", ticks, interval), ticker("B", ticks, interval), blocker(block, fixed)]).await?;
        Ok(())
    })
}
// endregion
