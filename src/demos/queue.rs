//! `queue`: a producer and consumers connected by an `asyncio.Queue`.

use super::params::{Kind, ParamSpec, Params};
use super::{Demo, Facts, Group, Preset, Twin};
use crate::aio::*;
use crate::model::describe::{duration, recording_cut};
use crate::trace::Wait;

pub struct QueueDemo;

impl Demo for QueueDemo {
    fn slug(&self) -> &'static str {
        "queue"
    }
    fn title(&self) -> &'static str {
        "Queue: producers, consumers and back-pressure"
    }
    fn group(&self) -> Group {
        Group::Coordination
    }
    fn lesson(&self, _p: &Params) -> String {
        "A producer puts items into an asyncio.Queue and consumers take them out, each at its own pace; get() waits while the queue is empty. \
         With a maxsize, put() waits while the queue is full, so a fast producer is held back to the consumers' speed (back-pressure). \
         The sentinel variant ends each consumer with a None item; the join variant waits with queue.join() until task_done() was called for every item."
            .into()
    }
    fn python(&self, variant: usize) -> &'static str {
        if variant == 1 {
            return r#"import asyncio

async def producer(queue, n):
    for i in range(1, n + 1):
        await asyncio.sleep(${delay})
        await queue.put(i)  # waits while the queue is full
        print(f"produced {i}")

async def consumer(name, queue):
    while True:
        item = await queue.get()  # waits while the queue is empty
        print(f"{name} processing {item}")
        await asyncio.sleep(${work})
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=${maxsize})
    consumers = [asyncio.create_task(consumer(f"consumer {c}", queue))
                 for c in range(1, ${consumers} + 1)]
    await producer(queue, ${items})
    await queue.join()  # until task_done() for every item
    print("all items processed")
    for c in consumers:
        c.cancel()

asyncio.run(main())"#;
        }
        r#"import asyncio

async def producer(queue, n, consumers):
    for i in range(1, n + 1):
        await asyncio.sleep(${delay})
        await queue.put(i)  # waits while the queue is full
        print(f"produced {i}")
    for _ in range(consumers):
        await queue.put(None)  # one sentinel per consumer

async def consumer(name, queue):
    while True:
        item = await queue.get()  # waits while the queue is empty
        if item is None:
            print(f"{name} stops")
            break
        print(f"{name} processing {item}")
        await asyncio.sleep(${work})

async def main():
    queue = asyncio.Queue(maxsize=${maxsize})
    await asyncio.gather(
        producer(queue, ${items}, ${consumers}),
        *(consumer(f"consumer {c}", queue) for c in range(1, ${consumers} + 1)),
    )

asyncio.run(main())"#
    }
    fn rust(&self) -> &'static str {
        super::shown!("queue.rs")
    }
    fn params(&self) -> &'static [ParamSpec] {
        &[
            ParamSpec {
                key: "items",
                label: "Items",
                help: "how many the producer puts",
                kind: Kind::Count { min: 1, max: 200_000 },
                default: "5",
            },
            ParamSpec {
                key: "delay",
                label: "Producer delay",
                help: "seconds between items",
                kind: Kind::Seconds { min: 0.0, max: 10.0 },
                default: "0.5",
            },
            ParamSpec {
                key: "work",
                label: "Processing time",
                help: "seconds a consumer spends per item",
                kind: Kind::Seconds { min: 0.0, max: 10.0 },
                default: "0.3",
            },
            ParamSpec {
                key: "consumers",
                label: "Consumers",
                help: "how many consumers",
                kind: Kind::Count { min: 1, max: 50 },
                default: "1",
            },
            ParamSpec {
                key: "maxsize",
                label: "maxsize",
                help: "queue capacity; 0 = unbounded",
                kind: Kind::Count { min: 0, max: 1000 },
                default: "0",
            },
            ParamSpec {
                key: "variant",
                label: "Ending",
                help: "how the consumers stop",
                kind: Kind::Choice(&["sentinel", "task_done/join"]),
                default: "sentinel",
            },
        ]
    }
    fn presets(&self) -> &'static [Preset] {
        &[
            Preset { label: "The lesson", values: &[] },
            Preset {
                label: "Back-pressure: fast producer, slow consumer, maxsize 2",
                values: &[("items", "8"), ("delay", "0.1"), ("work", "0.8"), ("maxsize", "2")],
            },
            Preset {
                label: "Three consumers, join",
                values: &[
                    ("items", "9"),
                    ("delay", "0.1"),
                    ("work", "0.9"),
                    ("consumers", "3"),
                    ("variant", "task_done/join"),
                ],
            },
        ]
    }
    fn explain(&self, p: &Params, run: &Facts) -> String {
        let m = run.model;
        let blocked_puts = m
            .lanes
            .iter()
            .flat_map(|l| &l.segments)
            .filter(|s| matches!(s.state, crate::model::State::Waiting(Wait::QueuePut { .. })))
            .count();
        // At its largest this demo outgrows the recorder: then the times and counts below are
        // those of the recorded part only, and the words say so.
        if let Some(cut) = recording_cut(m.span(), m.dropped) {
            let pressure = if blocked_puts > 0 {
                format!("the producer waited {blocked_puts} time(s) on a full queue: that is back-pressure.")
            } else {
                "the queue never filled up.".to_string()
            };
            return format!(
                "{} items went through, in order. {cut} In the recorded part, {pressure}",
                p.count("items")
            );
        }
        let pressure = if blocked_puts > 0 {
            format!(" The producer waited {blocked_puts} time(s) on a full queue: that is back-pressure.")
        } else {
            " The queue never filled up, so the producer never had to wait.".to_string()
        };
        format!("{} items went through in {}, in order.{pressure}", p.count("items"), duration(m.span()))
    }
}

impl Twin for QueueDemo {
    fn main(&self, p: &Params) -> Coro<Repr> {
        let setup = Setup {
            items: p.count("items"),
            delay: p.num("delay"),
            work: p.num("work"),
            consumers: p.count("consumers"),
        };
        if p.choice("variant") == 1 {
            main_join(setup, p.count("maxsize")).into_repr()
        } else {
            main_sentinel(setup, p.count("maxsize")).into_repr()
        }
    }
}

// region: demo
#[derive(Clone, Copy)]
struct Setup {
    items: usize,
    delay: f64,
    work: f64,
    consumers: usize,
}

/// `None` is the sentinel that tells a consumer to stop.
fn producer(queue: Queue<Option<usize>>, s: Setup, sentinels: bool) -> Coro<()> {
    coro("producer()", async move {
        for i in 1..=s.items {
            sleep(s.delay).await?;
            queue.put(Some(i)).await?; // waits while the queue is full
            print(format!("produced {i}"));
        }
        if sentinels {
            for _ in 0..s.consumers {
                queue.put(None).await?; // one sentinel per consumer
            }
        }
        Ok(())
    })
}

fn consumer(name: String, queue: Queue<Option<usize>>, work: f64, task_done: bool) -> Coro<()> {
    coro(name.clone(), async move {
        loop {
            let Some(item) = queue.get().await? else {
                print(format!("{name} stops"));
                return Ok(());
            };
            print(format!("{name} processing {item}"));
            sleep(work).await?;
            if task_done {
                queue.task_done()?;
            }
        }
    })
}

fn main_sentinel(s: Setup, maxsize: usize) -> Coro<()> {
    coro("main()", async move {
        let queue = Queue::new(maxsize);
        let mut all = vec![producer(queue.clone(), s, true)];
        for c in 1..=s.consumers {
            all.push(consumer(format!("consumer {c}"), queue.clone(), s.work, false));
        }
        gather(all).await?;
        Ok(())
    })
}

fn main_join(s: Setup, maxsize: usize) -> Coro<()> {
    coro("main()", async move {
        let queue = Queue::new(maxsize);
        let consumers: Vec<Task<()>> = (1..=s.consumers)
            .map(|c| create_task(consumer(format!("consumer {c}"), queue.clone(), s.work, true)))
            .collect();
        producer(queue.clone(), s, false).await?;
        queue.join().await?; // until task_done() for every item
        print("all items processed");
        for c in &consumers {
            c.cancel();
        }
        Ok(())
    })
}
// endregion
