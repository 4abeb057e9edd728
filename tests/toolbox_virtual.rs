//! The toolbox's asyncio semantics, checked exactly on the virtual clock (native `cargo test`).
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use interleave::aio::*;
use interleave::runtime::{End, Phase, Runtime};
use interleave::trace::{CancelledBy, EventKind, Wait};

mod support;
use support::{lateness, lines, prints, secs};

/// Runs `main` to the end on the virtual clock.
fn run_virtual<T: TaskValue>(main: Coro<T>) -> (Runtime, PyResult<T>) {
    let rt = Runtime::new_virtual();
    let task = run(&rt, main);
    rt.run_until_end();
    let outcome = task.outcome().expect("main ended");
    (rt, outcome)
}

fn worker(name: &'static str, delay: f64) -> Coro<String> {
    coro(name, async move {
        print(format!("{name} starts"));
        sleep(delay).await?;
        print(format!("{name} ends"));
        Ok(format!("{name} done"))
    })
}

fn failing(name: &'static str, delay: f64) -> Coro<String> {
    coro(name, async move {
        sleep(delay).await?;
        print(format!("{name} raises"));
        Err(Exception::value_error(format!("{name} failed")))
    })
}

#[test]
fn gather_returns_results_in_argument_order_after_the_longest_wait() {
    let (rt, out) =
        run_virtual(coro("main", async { gather([worker("A", 1.0), worker("B", 0.5), worker("C", 1.5)]).await }));
    assert_eq!(out.unwrap(), vec!["A done", "B done", "C done"]);
    assert_eq!(secs(&rt), 1.5);
    assert_eq!(
        prints(&rt),
        vec![
            (0.0, "A starts".into()),
            (0.0, "B starts".into()),
            (0.0, "C starts".into()),
            (0.5, "B ends".into()),
            (1.0, "A ends".into()),
            (1.5, "C ends".into()),
        ]
    );
    assert_eq!(rt.phase(), Phase::Finished);
}

#[test]
fn gather_raises_the_first_exception_while_the_others_keep_running() {
    let (rt, out) = run_virtual(coro("main", async {
        let tasks = vec![
            create_task(worker("slow", 1.0)),
            create_task(failing("bad", 0.5)),
            create_task(failing("worse", 0.7)),
        ];
        match gather(tasks.clone()).await {
            Ok(_) => print("no error?"),
            Err(e) => print(format!("caught {}", e.py_repr())),
        }
        // The siblings were not cancelled: wait for them and look.
        wait(&tasks, None, ReturnWhen::AllCompleted).await?;
        Ok(tasks.iter().map(|t| t.outcome().unwrap().py_repr()).collect::<Vec<_>>())
    }));
    assert_eq!(out.unwrap(), vec!["'slow done'", "ValueError('bad failed')", "ValueError('worse failed')"]);
    let p = prints(&rt);
    assert!(p.contains(&(0.5, "caught ValueError('bad failed')".into())), "{p:?}");
    assert!(p.contains(&(0.7, "worse raises".into())), "{p:?}");
    assert!(p.contains(&(1.0, "slow ends".into())), "{p:?}");
    assert_eq!(secs(&rt), 1.0);
}

#[test]
fn return_exceptions_puts_each_exception_in_its_place() {
    let (rt, out) = run_virtual(coro("main", async {
        let results = gather([worker("ok1", 0.2), failing("bad", 0.1), worker("ok2", 0.3)]).return_exceptions().await;
        Ok(results)
    }));
    assert_eq!(out.unwrap().py_repr(), "['ok1 done', ValueError('bad failed'), 'ok2 done']");
    assert_eq!(secs(&rt), 0.3);
    let swallowed = rt.trace().events().iter().filter(|e| matches!(e.kind, EventKind::Swallowed { .. })).count();
    assert_eq!(swallowed, 1);
}

#[test]
fn create_task_starts_on_the_next_turn_even_if_never_awaited() {
    let (rt, _) = run_virtual(coro("main", async {
        let _background = create_task(coro("background", async {
            print("background starts");
            sleep(2.0).await?;
            print("background ends");
            Ok(())
        }));
        print("Doing other work...");
        sleep(1.0).await?;
        print("main done waiting");
        sleep(1.5).await?;
        Ok(())
    }));
    assert_eq!(
        prints(&rt),
        vec![
            (0.0, "Doing other work...".into()),
            (0.0, "background starts".into()),
            (1.0, "main done waiting".into()),
            (2.0, "background ends".into()),
        ]
    );
}

#[test]
fn create_task_then_await_takes_as_long_as_the_longer_of_the_two() {
    let (rt, out) = run_virtual(coro("main", async {
        let task = create_task(worker("fetch", 2.0));
        print("Doing other work...");
        sleep(1.0).await?;
        let result = task.await?;
        print(format!("Result: {result}"));
        Ok(result)
    }));
    assert_eq!(out.unwrap(), "fetch done");
    assert_eq!(secs(&rt), 2.0);
    assert_eq!(lines(&rt), vec!["Doing other work...", "fetch starts", "fetch ends", "Result: fetch done"]);
}

#[test]
fn a_coroutine_never_awaited_never_runs_and_is_reported() {
    let (rt, _) = run_virtual(coro("main", async {
        let _forgotten = worker("forgotten", 1.0);
        print("main ends");
        Ok(())
    }));
    assert_eq!(lines(&rt), vec!["main ends"]);
    let trace = rt.trace();
    let names: Vec<&str> = trace
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::NeverAwaited { name } => Some(trace.resolve(name)),
            _ => None,
        })
        .collect();
    assert_eq!(names, vec!["forgotten"]);
    assert_eq!(rt.task_count(), 1, "no task was made for it");
}

#[test]
fn wait_for_times_out_cancels_the_work_and_clears_its_timer() {
    let rt = Runtime::new_virtual();
    let main = run(
        &rt,
        coro("main", async {
            let inner = create_task(worker("slow_operation", 10.0));
            let out = wait_for(inner.clone(), Some(5.0)).await;
            print(format!(
                "{} at inner cancelled={}",
                out.clone().err().map(|e| e.py_repr()).unwrap_or_default(),
                inner.cancelled()
            ));
            out
        }),
    );
    rt.run_until_end();
    assert_eq!(main.outcome().unwrap().unwrap_err(), Exception::timeout());
    assert_eq!(secs(&rt), 5.0, "the run ends at the timeout, not when the slow timer would have fired");
    assert_eq!(lines(&rt), vec!["slow_operation starts", "TimeoutError() at inner cancelled=true"]);
    assert_eq!(rt.pending_timers(), 0);
    let cancelled: Vec<_> = rt
        .trace()
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Cancelled { by } => Some((e.task.0, e.time, by)),
            _ => None,
        })
        .collect();
    assert_eq!(cancelled, vec![(1, 5_000_000, CancelledBy::Timeout(interleave::trace::TaskId(0)))]);
}

#[test]
fn wait_for_returns_the_result_when_in_time() {
    let (rt, out) = run_virtual(coro("main", async { wait_for(worker("quick", 2.0), Some(5.0)).await }));
    assert_eq!(out.unwrap(), "quick done");
    assert_eq!(secs(&rt), 2.0);
    assert_eq!(rt.pending_timers(), 0);
}

#[test]
fn queue_join_waits_for_every_task_done_and_a_full_queue_suspends_put() {
    let (rt, _) = run_virtual(coro("main", async {
        let queue: Queue<u32> = Queue::new(2);
        let q = queue.clone();
        let _consumer: Task<()> = create_task(coro("consumer", async move {
            loop {
                let item = q.get().await?;
                sleep(1.0).await?;
                print(format!("processed {item}"));
                q.task_done()?;
            }
        }));
        for i in 1..=4 {
            queue.put(i).await?;
            print(format!("put {i}"));
        }
        queue.join().await?;
        print("all processed");
        Ok(())
    }));
    assert_eq!(
        prints(&rt),
        vec![
            (0.0, "put 1".into()),
            (0.0, "put 2".into()),
            // The consumer took 1 at t=0, leaving room for 3; 4 waits until 2 is taken.
            (0.0, "put 3".into()),
            (1.0, "processed 1".into()),
            (1.0, "put 4".into()),
            (2.0, "processed 2".into()),
            (3.0, "processed 3".into()),
            (4.0, "processed 4".into()),
            (4.0, "all processed".into()),
        ]
    );
    let put_waits = rt
        .trace()
        .events()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::PollEnd { wait: Some(Wait::QueuePut { .. }) }))
        .count();
    assert!(put_waits >= 1, "the producer was seen waiting on a full queue");
    // The consumer was still waiting on get() when main ended: asyncio.run cancelled it.
    assert!(rt.trace().events().iter().any(|e| e.kind == EventKind::Cancelled { by: CancelledBy::RunEnd }));
}

#[test]
fn a_semaphore_never_admits_more_than_its_value() {
    let (rt, _) = run_virtual(coro("main", async {
        let sem = Semaphore::new(3);
        let calls = (0..10).map(|i| {
            let sem = sem.clone();
            coro(format!("call {i}"), async move {
                let _permit = sem.acquire().await;
                sleep(1.0 + (i % 3) as f64).await?;
                Ok(i)
            })
        });
        let results = gather(calls).await?;
        Ok(results)
    }));
    let mut in_flight = 0i32;
    let mut peak = 0;
    for e in rt.trace().events() {
        match e.kind {
            EventKind::Acquired { .. } => in_flight += 1,
            EventKind::Released { .. } => in_flight -= 1,
            _ => {}
        }
        peak = peak.max(in_flight);
    }
    assert_eq!(peak, 3);
    assert_eq!(in_flight, 0);
    // 10 calls of 1, 2, 3, 1, 2, 3, … s through 3 slots, first come first served.
    assert_eq!(secs(&rt), 7.0);
}

#[test]
fn cancelling_a_task_gives_back_its_permit() {
    let (rt, _) = run_virtual(coro("main", async {
        let sem = Semaphore::new(1);
        let s1 = sem.clone();
        let holder = create_task(coro("holder", async move {
            let _p = s1.acquire().await;
            sleep(100.0).await?;
            Ok(())
        }));
        let s2 = sem.clone();
        let waiter = create_task(coro("waiter", async move {
            let _p = s2.acquire().await;
            print("waiter got the permit");
            Ok(())
        }));
        sleep(1.0).await?;
        holder.cancel();
        waiter.await?;
        let outcome = holder.await;
        print(format!("holder: {}", outcome.unwrap_err().py_repr()));
        Ok(())
    }));
    assert_eq!(prints(&rt), vec![(1.0, "waiter got the permit".into()), (1.0, "holder: CancelledError()".into())]);
    assert_eq!(rt.pending_timers(), 0);
}

#[test]
fn as_completed_yields_in_finishing_order() {
    let (_, out) = run_virtual(coro("main", async {
        let done = as_completed([worker("A", 1.0), worker("B", 0.5), worker("C", 1.5)]);
        let mut order = Vec::new();
        for next in done {
            let r = next.await;
            order.push(r?);
        }
        Ok(order)
    }));
    assert_eq!(out.unwrap(), vec!["B done", "A done", "C done"]);
}

#[test]
fn wait_first_completed_returns_early_and_cancels_nothing() {
    let (rt, out) = run_virtual(coro("main", async {
        let tasks = [create_task(worker("A", 1.0)), create_task(worker("B", 0.5))];
        let (done, pending) = wait(&tasks, None, ReturnWhen::FirstCompleted).await?;
        print(format!("done={} pending={}", done.len(), pending.len()));
        let rest = pending[0].clone().await?;
        Ok(rest)
    }));
    assert_eq!(out.unwrap(), "A done");
    assert!(prints(&rt).contains(&(0.5, "done=1 pending=1".into())));
}

#[test]
fn the_end_of_main_cancels_what_is_still_running() {
    let (rt, _) = run_virtual(coro("main", async {
        let _t = create_task(worker("leftover", 10.0));
        sleep(1.0).await?;
        Ok(())
    }));
    assert_eq!(secs(&rt), 1.0);
    assert_eq!(rt.live_tasks(), 0);
    assert_eq!(rt.pending_timers(), 0);
    assert_eq!(lines(&rt), vec!["leftover starts"]);
}

#[test]
fn a_run_where_nothing_can_wake_anyone_is_reported_stuck() {
    let (rt, out) = run_virtual(coro("main", async {
        let q: Queue<u32> = Queue::new(0);
        let item = q.get().await;
        Ok(item)
    }));
    assert_eq!(rt.phase(), Phase::Stuck);
    assert!(out.unwrap_err().is_cancelled());
    assert!(rt.trace().events().iter().any(|e| e.kind == EventKind::Stuck));
}

#[test]
fn a_blocking_call_makes_every_other_timer_late() {
    let (rt, _) = run_virtual(coro("main", async {
        let ticker = create_task(coro("ticker", async {
            sleep(0.5).await?;
            print("tick");
            Ok(())
        }));
        sleep(0.1).await?;
        blocking_sleep(2.0);
        print("unblocked");
        ticker.await
    }));
    assert_eq!(prints(&rt), vec![(2.1, "unblocked".into()), (2.1, "tick".into())]);
    assert_eq!(lateness(&rt, 1), vec![1_600_000], "due at 0.5 s, fired at 2.1 s");
}

#[test]
fn stop_cancels_every_task_and_clears_every_timer() {
    let rt = Runtime::new_virtual();
    let main = run(
        &rt,
        coro("main", async {
            gather([worker("A", 5.0), worker("B", 6.0)]).await?;
            Ok(())
        }),
    );
    // main starts both, then A and B each start their sleep.
    for _ in 0..3 {
        rt.step();
    }
    assert_eq!(rt.pending_timers(), 2);
    rt.stop();
    assert_eq!(rt.phase(), Phase::Stopped);
    assert_eq!(rt.live_tasks(), 0);
    assert_eq!(rt.pending_timers(), 0);
    assert!(main.outcome().unwrap().unwrap_err().is_cancelled());
    assert_eq!(rt.task_end(main.id()), Some(End::Cancelled));
}

#[test]
fn step_mode_runs_one_task_resume_at_a_time() {
    let rt = Runtime::new_virtual();
    run(&rt, coro("main", async { gather([worker("A", 1.0), worker("B", 0.5)]).await }));
    let polls = |rt: &Runtime| rt.trace().events().iter().filter(|e| e.kind == EventKind::PollStart).count();
    let mut seen = Vec::new();
    while rt.step() {
        seen.push(polls(&rt));
    }
    // main starts A and B; both sleep; B ends (0.5 s); A ends (1.0 s), which completes the
    // gather and resumes main (asyncio resumes it once, not per child): one poll per step.
    assert_eq!(seen, vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(polls(&rt), 6);
    assert_eq!(rt.phase(), Phase::Finished);
}

#[test]
fn to_thread_leaves_the_loop_free_while_the_work_runs() {
    let (rt, out) = run_virtual(coro("main", async {
        let ticker = create_task(coro("ticker", async {
            for i in 1..=3 {
                sleep(0.1).await?;
                print(format!("tick {i}"));
            }
            Ok(())
        }));
        // 1,000,000 / 5e6 = 0.2 s of virtual work, off the loop.
        let primes = to_thread(Job::CountPrimes { below: 1_000_000 }).await?;
        print(format!("{primes} primes"));
        ticker.await?;
        Ok(primes)
    }));
    assert_eq!(out.unwrap(), "78498");
    assert_eq!(
        prints(&rt),
        // Both due at 0.2 s: the earlier registered (the worker's result) goes first.
        vec![(0.1, "tick 1".into()), (0.2, "78498 primes".into()), (0.2, "tick 2".into()), (0.3, "tick 3".into())]
    );
}

#[test]
fn wait_for_with_no_time_never_starts_the_work() {
    let (rt, out) = run_virtual(coro("main", async { wait_for(worker("never", 1.0), Some(0.0)).await }));
    assert!(out.unwrap_err().is_timeout());
    assert!(lines(&rt).is_empty(), "the coroutine never ran: {:?}", lines(&rt));
    assert_eq!(secs(&rt), 0.0);
}

#[test]
fn gather_resumes_its_awaiter_once_not_per_child() {
    let (rt, _) =
        run_virtual(coro("main", async { gather([worker("A", 1.0), worker("B", 0.5), worker("C", 1.5)]).await }));
    let main_polls = rt.trace().events().iter().filter(|e| e.task.0 == 0 && e.kind == EventKind::PollStart).count();
    assert_eq!(main_polls, 2, "once to start, once when everything is done");
    let (rt, _) = run_virtual(coro("main", async {
        let _ = gather([worker("A", 1.0), failing("bad", 0.5), worker("C", 1.5)]).await;
        Ok(())
    }));
    let resumed: Vec<u64> = rt
        .trace()
        .events()
        .iter()
        .filter(|e| e.task.0 == 0 && e.kind == EventKind::PollStart)
        .map(|e| e.time)
        .collect();
    assert_eq!(resumed, vec![0, 500_000], "fail-fast resumes at the first failure");
}

#[test]
fn two_releases_in_one_turn_let_two_waiters_in_together() {
    let (rt, _) = run_virtual(coro("main", async {
        let sem = Semaphore::new(2);
        let calls = (0..4).map(|i| {
            let sem = sem.clone();
            coro(format!("c{i}"), async move {
                let _p = sem.acquire().await;
                print(format!("c{i} in"));
                sleep(1.0).await?;
                Ok(())
            })
        });
        gather(calls).await?;
        Ok(())
    }));
    assert_eq!(
        prints(&rt),
        vec![(0.0, "c0 in".into()), (0.0, "c1 in".into()), (1.0, "c2 in".into()), (1.0, "c3 in".into())]
    );
    // Both late-comers were let in in the same turn, one step each, right after the releases.
    let starts: Vec<usize> = rt
        .trace()
        .events()
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EventKind::Print { .. }))
        .map(|(i, _)| i)
        .collect();
    assert!(starts[3] - starts[2] < 6, "{starts:?}");
}

#[test]
fn a_lock_admits_one_and_an_event_wakes_every_waiter() {
    let (rt, _) = run_virtual(coro("main", async {
        let lock = Lock::new();
        let ev = Event::new();
        let mut tasks = Vec::new();
        for i in 0..2 {
            let (lock, ev) = (lock.clone(), ev.clone());
            tasks.push(create_task(coro(format!("w{i}"), async move {
                ev.wait().await?;
                let _held = lock.acquire().await;
                print(format!("w{i} holds the lock"));
                sleep(1.0).await?;
                Ok(())
            })));
        }
        sleep(0.5).await?;
        ev.set();
        ev.clear(); // asyncio: waiters already woken by set() still return
        gather(tasks).await?;
        Ok(lock.locked())
    }));
    assert_eq!(prints(&rt), vec![(0.5, "w0 holds the lock".into()), (1.5, "w1 holds the lock".into())]);
}

#[test]
fn cancelling_a_task_cancels_the_task_it_awaits() {
    let (rt, out) = run_virtual(coro("main", async {
        let inner = create_task(worker("inner", 10.0));
        let i2 = inner.clone();
        let outer = create_task(coro("outer", i2));
        sleep(1.0).await?;
        outer.cancel();
        let _ = outer.await;
        sleep(0.0).await?;
        Ok(inner.cancelled())
    }));
    assert_eq!(out, Ok(true));
    assert_eq!(rt.pending_timers(), 0);
}

#[test]
fn queue_nowait_calls_raise_instead_of_waiting() {
    let (_, out) = run_virtual(coro("main", async {
        let q: Queue<u32> = Queue::new(1);
        q.put_nowait(1)?;
        let full = q.put_nowait(2).unwrap_err().kind().to_string();
        let size = q.qsize();
        let first = q.get_nowait()?;
        let empty = q.get_nowait().unwrap_err().kind().to_string();
        Ok(format!("{full} {size} {first} {empty} {}", q.empty()))
    }));
    assert_eq!(out.unwrap(), "QueueFull 1 1 QueueEmpty true");
}
