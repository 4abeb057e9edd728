//! `time`: clocks on the run's own clock (virtual or real), and `time.sleep`, which blocks the
//! whole loop — the lesson this module exists to teach. Dates and times of day are in
//! [`super::calendar_time`].

use std::rc::Rc;

use super::super::builtins::{builtin, expect};
use super::super::interp::{now_ms, Interp, R};
use super::super::ops;
use super::super::value::*;
use super::calendar_time::{asctime, strftime, struct_value, whole_secs, StructTime};
use crate::runtime::current;
use crate::trace::BlockingCall;

/// Seconds since the epoch at the start of every run (the wall clock is not the lesson; a
/// fixed origin keeps runs comparable).
pub const EPOCH: f64 = 1_767_225_600.0;

fn run_secs(interp: &Interp) -> f64 {
    current().map_or(0.0, |(rt, _)| read_clock(interp, &rt))
}

/// The run's clock in seconds, as the program reads it. On the virtual clock each read moves
/// it on by a microsecond, as a real read takes time: a loop that polls the clock until time
/// has passed (`while time.monotonic() < deadline: await asyncio.sleep(0)`, a token-bucket
/// rate limiter) ends as it does under CPython, instead of spinning for ever at one instant.
/// The loop's own timers keep the unmoved clock, so the run's timeline is unchanged.
pub fn read_clock(interp: &Interp, rt: &crate::runtime::Runtime) -> f64 {
    let skew = interp.clock_skew.get() + rt.is_virtual() as u64;
    interp.clock_skew.set(skew);
    rt.now().saturating_add(skew) as f64 / 1e6
}

fn sleep(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "sleep", 1, 1)?;
    let secs = ops::to_f64(interp, &args.pos[0]).map_err(|_| {
        interp.type_error(format!("'{}' object cannot be interpreted as an integer", args.pos[0].type_name()))
    })?;
    if secs < 0.0 {
        return Err(interp.value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() {
        return Err(interp.err("OverflowError", "timestamp too large to convert to C _PyTime_t"));
    }
    // CPython keeps the time in 64-bit nanoseconds (an int past that fails converting, a
    // float converting on to time_t).
    if secs * 1e9 >= i64::MAX as f64 {
        let why = if matches!(args.pos[0], Value::Int(_)) {
            "timestamp too large to convert to C _PyTime_t"
        } else {
            "timestamp out of range for platform time_t"
        };
        return Err(interp.err("OverflowError", why));
    }
    hold_thread(interp, secs, BlockingCall::Sleep, || format!("time.sleep({secs})"))?;
    Ok(Value::None)
}

/// Holds the thread for `secs` of the run's clock without yielding: `time.sleep`, and a
/// blocking HTTP client's request (`what` names it, only if it is refused). On the
/// virtual clock the time jumps; in the page it really passes, within the loop's budget.
pub(crate) fn hold_thread(interp: &Interp, secs: f64, call: BlockingCall, what: impl Fn() -> String) -> R<()> {
    // A copy of the program (a `to_thread` worker's) replays its top level only for the
    // definitions: holding there would delay the call it runs next.
    if interp.copy.get() == super::super::interp::CopyPhase::TopLevel {
        return Ok(());
    }
    let Some((rt, task)) = current() else { return Ok(()) };
    if let Some(speed) = interp.real_sleeps.get() {
        // A copy in a worker: the worker waits for real (only it, not the page), as long as
        // the loop's clock takes to go `secs` on, and the hold that time.sleep makes there
        // is the lesson, not a runaway program.
        let until = now_ms() + speed.real_secs(secs) * 1000.0;
        while now_ms() < until {
            std::hint::spin_loop();
        }
        rt.block_for(task, crate::aio::secs_to_micros(secs), call);
        interp.hold_started.set(f64::NAN);
        return Ok(());
    }
    // Holding counts toward the loop budget like any hold (it used not to, and
    // `while True: time.sleep(1)` froze the page for good). In the browser a hold really
    // waits: one past what is left of the budget is refused at once, not after holding the
    // loop for the budget. (On the virtual clock it takes no real time.) One that cannot pause
    // (in a plain function) spins on the page's thread: in slow motion it may not freeze the
    // page longer than the budget in real time either.
    let spin_started = now_ms();
    let real_ms = rt.speed().real_secs(secs) * 1000.0;
    let can_pause = interp.depth.get() == interp.pause_depth.get() && rt.can_pause();
    let budget = interp.limits.loop_budget_secs;
    if !rt.is_virtual() && (interp.held_secs() + secs > budget || (!can_pause && real_ms / 1000.0 > budget)) {
        // With no loop running yet (top-level code), it would hold the program, not a loop.
        let held = if interp.loop_is_running() { "block the loop" } else { "hold the program" };
        return Err(interp.stop_program(format!(
            "{} at line {} would {held} past the budget of {budget} s: Interleave stopped the program",
            what(),
            interp.current_line(),
        )));
    }
    if real_ms >= PAUSED_SLEEP_MS && can_pause {
        // In a coroutine's own frame, the wait is left to the pause before its next op: the
        // loop stays held all along, but the page draws the hold as it grows and Stop works
        // (see `coro::BrowserTurn`).
        rt.record(task, crate::trace::EventKind::Blocking { dur: crate::aio::secs_to_micros(secs), call });
        interp.sleep_until.set(Some(spin_started + real_ms));
        interp.pause_wanted.set(true);
        return Ok(());
    }
    rt.block_for(task, crate::aio::secs_to_micros(secs), call);
    interp.want_pause_after_stretch(now_ms());
    Ok(())
}

/// Sleeps at least this long (real time) wait in a pause where they can (shorter ones spin:
/// a pause may last a frame, far longer than they are).
const PAUSED_SLEEP_MS: f64 = 40.0;

/// Says once per run, beside the output, why times of day read as they do here.
fn say_clock(interp: &Interp) {
    if !interp.said_clock.replace(true) {
        interp.note(
            "Times of day here are UTC on a clock that starts each run at 2026-01-01 00:00:00 (CPython shows your own time of day), so every run prints the same times.",
        );
    }
}

fn now_secs(interp: &Interp) -> f64 {
    EPOCH + run_secs(interp)
}

/// `gmtime([secs])` and `localtime([secs])`, the same here (local time is UTC).
fn broken_down(interp: &Interp, args: Args, name: &str) -> R<Value> {
    expect(interp, &args, name, 0, 1)?;
    if args.pos.first().is_none_or(|v| matches!(v, Value::None)) {
        say_clock(interp);
    }
    Ok(struct_value(StructTime::from_secs(whole_secs(interp, args.pos.first(), now_secs(interp))?)))
}

/// The struct_time argument at `i`, or now when there is none.
fn time_arg(interp: &Interp, args: &Args, i: usize, name: &str) -> R<StructTime> {
    match args.pos.get(i) {
        Some(v) => StructTime::from_value(interp, v, name)?.checked(interp),
        None => {
            say_clock(interp);
            Ok(StructTime::from_secs(now_secs(interp).floor() as i64))
        }
    }
}

fn strftime_fn(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "strftime", 1, 2)?;
    let Value::Str(format) = &args.pos[0] else {
        return Err(interp.type_error(format!("strftime() argument 1 must be str, not {}", args.pos[0].type_name())));
    };
    let t = time_arg(interp, &args, 1, "strftime")?;
    Ok(Value::str(&strftime(format, &t)))
}

fn asctime_fn(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "asctime", 0, 1)?;
    Ok(Value::str(&asctime(&time_arg(interp, &args, 0, "asctime")?)))
}

fn ctime_fn(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "ctime", 0, 1)?;
    if args.pos.first().is_none_or(|v| matches!(v, Value::None)) {
        say_clock(interp);
    }
    Ok(Value::str(&asctime(&StructTime::from_secs(whole_secs(interp, args.pos.first(), now_secs(interp))?))))
}

fn mktime_fn(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "mktime", 1, 1)?;
    Ok(Value::Float(StructTime::from_value(interp, &args.pos[0], "mktime")?.to_secs() as f64))
}

pub fn module(interp: &Interp) -> Rc<Module> {
    let m = Module::new("time");
    // The class of what `gmtime()` and `localtime()` answer, for `isinstance`.
    m.set("struct_time", Value::Class(interp.native_class("time.struct_time")));
    let functions: &[(&str, BuiltinFn)] = &[
        ("time", |i, _| Ok(Value::Float(now_secs(i)))),
        ("time_ns", |i, _| Ok(Value::Int((now_secs(i) * 1e9) as i64))),
        ("perf_counter", |i, _| Ok(Value::Float(run_secs(i)))),
        ("perf_counter_ns", |i, _| Ok(Value::Int((run_secs(i) * 1e9) as i64))),
        ("monotonic", |i, _| Ok(Value::Float(run_secs(i)))),
        ("monotonic_ns", |i, _| Ok(Value::Int((run_secs(i) * 1e9) as i64))),
        ("process_time", |i, _| Ok(Value::Float(run_secs(i)))),
        ("sleep", sleep),
        ("gmtime", |i, a| broken_down(i, a, "gmtime")),
        ("localtime", |i, a| broken_down(i, a, "localtime")),
        ("mktime", mktime_fn),
        ("strftime", strftime_fn),
        ("asctime", asctime_fn),
        ("ctime", ctime_fn),
    ];
    for (name, f) in functions {
        m.set(name, builtin(name, *f));
    }
    m.set("timezone", Value::Int(0));
    m.set("altzone", Value::Int(0));
    m.set("daylight", Value::Int(0));
    m.set("tzname", Value::tuple(vec![Value::str("UTC"), Value::str("UTC")]));
    m
}
