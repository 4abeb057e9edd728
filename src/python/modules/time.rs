//! `time`: clocks on the run's own clock (virtual or real), and `time.sleep`, which blocks the
//! whole loop — the lesson this module exists to teach.

use std::rc::Rc;

use super::super::builtins::{builtin, expect};
use super::super::interp::{Interp, R};
use super::super::ops;
use super::super::value::*;
use crate::runtime::current;

/// Seconds since the epoch at the start of every run (the wall clock is not the lesson; a
/// fixed origin keeps runs comparable).
const EPOCH: f64 = 1_767_225_600.0;

fn run_secs() -> f64 {
    current().map_or(0.0, |(rt, _)| rt.now() as f64 / 1e6)
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
    if let Some((rt, task)) = current() {
        if interp.real_sleeps.get() {
            // A copy in a worker: the worker waits for real (only it, not the page).
            let until = super::super::interp::now_ms() + secs * 1000.0;
            while super::super::interp::now_ms() < until {
                std::hint::spin_loop();
            }
        }
        rt.block_for(task, crate::aio::secs_to_micros(secs));
        // The hold that time.sleep makes is the lesson, not a runaway program.
        interp.hold_started.set(super::super::interp::now_ms());
    }
    Ok(Value::None)
}

pub fn module(_interp: &Interp) -> Rc<Module> {
    let m = Module::new("time");
    let functions: &[(&str, BuiltinFn)] = &[
        ("time", |_, _| Ok(Value::Float(EPOCH + run_secs()))),
        ("time_ns", |_, _| Ok(Value::Int(((EPOCH + run_secs()) * 1e9) as i64))),
        ("perf_counter", |_, _| Ok(Value::Float(run_secs()))),
        ("perf_counter_ns", |_, _| Ok(Value::Int((run_secs() * 1e9) as i64))),
        ("monotonic", |_, _| Ok(Value::Float(run_secs()))),
        ("monotonic_ns", |_, _| Ok(Value::Int((run_secs() * 1e9) as i64))),
        ("process_time", |_, _| Ok(Value::Float(run_secs()))),
        ("sleep", sleep),
    ];
    for (name, f) in functions {
        m.set(name, builtin(name, *f));
    }
    m
}
