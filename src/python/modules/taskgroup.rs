//! `asyncio.TaskGroup` and `asyncio.timeout`, ported from CPython 3.11's `taskgroups.py` and
//! `timeouts.py` over the toolbox: they use the same task cancel/uncancel counts, futures and
//! timers as everything else, so their turns are asyncio's.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::super::builtins::{expect, py_function};
use super::super::coro::{self, from_aio};
use super::super::interp::{Interp, PyErr, R};
use super::super::ir::Name;
use super::super::objects::{method, self_of};
use super::super::ops;
use super::super::value::*;
use super::asyncio::{spawn_task, task_future, PyObj};
use crate::aio::{self, Fut};
use crate::runtime::{current, Runtime, TimerKey, WeakRuntime};
use crate::trace::{CancelledBy, TaskId, Wait};

fn gone(interp: &std::rc::Weak<Interp>) -> R<Rc<Interp>> {
    interp.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))
}

/// The current task and its run, or asyncio's error.
fn parent(interp: &Interp, what: &str) -> R<(Runtime, TaskId)> {
    match current() {
        Some((rt, t)) if t != TaskId::OUTSIDE => Ok((rt, t)),
        _ => Err(interp.runtime_error(format!("{what} cannot determine the parent task"))),
    }
}

fn is_base_error(interp: &Interp, e: &PyErr) -> bool {
    e.is(&interp.types.exc("SystemExit")) || e.is(&interp.types.exc("KeyboardInterrupt"))
}

/// `exc_type is CancelledError` (exactly that class, as the Python source compares).
fn is_exactly_cancelled(interp: &Interp, e: &Option<PyErr>) -> bool {
    matches!(e, Some(PyErr::Exc(i)) if Rc::ptr_eq(&i.class, &interp.types.exc("CancelledError")))
}

/// The exception passed to `__aexit__(et, exc, tb)`, if any.
fn aexit_exception(args: &Args) -> Option<PyErr> {
    match args.pos.get(2) {
        Some(Value::Instance(i)) if i.exc.is_some() => Some(PyErr::Exc(i.clone())),
        _ => None,
    }
}

// ----- TaskGroup ---------------------------------------------------------------------------

#[derive(Default)]
struct Group {
    entered: bool,
    exiting: bool,
    aborting: bool,
    parent: Option<(WeakRuntime, TaskId)>,
    parent_cancel_requested: bool,
    tasks: Vec<(TaskId, Fut<PyObj>)>,
    errors: Vec<PyErr>,
    base_error: Option<PyErr>,
    on_completed: Option<Fut<()>>,
}

pub struct TaskGroup(Rc<RefCell<Group>>);

impl TaskGroup {
    fn abort(g: &Rc<RefCell<Group>>) {
        let tasks: Vec<Fut<PyObj>> = {
            let mut s = g.borrow_mut();
            s.aborting = true;
            s.tasks.iter().map(|(_, f)| f.clone()).collect()
        };
        for t in tasks {
            if !t.done() {
                t.cancel(None);
            }
        }
    }

    /// `_on_task_done`
    fn task_done(g: &Rc<RefCell<Group>>, interp: &Interp, id: TaskId, fut: &Fut<PyObj>) {
        let (waiter, left) = {
            let mut s = g.borrow_mut();
            s.tasks.retain(|(i, _)| *i != id);
            (s.on_completed.clone(), s.tasks.len())
        };
        match waiter {
            Some(f) if left == 0 && !f.done() => f.set_result(()),
            // The parent waits on until the last: its wait reads how many are left.
            Some(f) if left > 0 => f.tell_left(left),
            _ => {}
        }
        if fut.cancelled() {
            return;
        }
        let Ok(Some(e)) = fut.exception() else { return };
        let err = from_aio(interp, e);
        let parent = {
            let mut s = g.borrow_mut();
            if is_base_error(interp, &err) && s.base_error.is_none() {
                s.base_error = Some(err.clone());
            }
            s.errors.push(err);
            s.parent.clone()
        };
        let Some((run, parent_id)) = parent else { return };
        let Some(rt) = run.upgrade() else { return };
        if rt.task_end(parent_id).is_some() {
            return;
        }
        let (aborting, requested) = {
            let s = g.borrow();
            (s.aborting, s.parent_cancel_requested)
        };
        if !aborting && !requested {
            Self::abort(g);
            g.borrow_mut().parent_cancel_requested = true;
            rt.cancel(parent_id, CancelledBy::Propagated, None);
        }
    }
}

impl Object for TaskGroup {
    fn type_name(&self) -> &str {
        "TaskGroup"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        let s = self.0.borrow();
        let mut info = String::new();
        if !s.tasks.is_empty() {
            info.push_str(&format!(" tasks={}", s.tasks.len()));
        }
        if !s.errors.is_empty() {
            info.push_str(&format!(" errors={}", s.errors.len()));
        }
        if s.aborting {
            info.push_str(" cancelling");
        } else if s.entered {
            info.push_str(" entered");
        }
        Ok(format!("<TaskGroup{info}>"))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "__aenter__" => |interp, args| {
                let g = self_of::<TaskGroup>(interp, &args)?.0.clone();
                let this = args.pos[0].clone();
                if g.borrow().entered {
                    return Err(interp
                        .runtime_error(format!("TaskGroup {} has already been entered", ops::repr(interp, &this)?)));
                }
                let (rt, parent) = parent(interp, &format!("TaskGroup {}", ops::repr(interp, &this)?))?;
                {
                    let mut s = g.borrow_mut();
                    s.parent = Some((rt.downgrade(), parent));
                    s.entered = true;
                }
                Ok(coro::native(interp, "TaskGroup.__aenter__", async move { Ok(this) }))
            },
            "__aexit__" => |interp, args| {
                let g = self_of::<TaskGroup>(interp, &args)?.0.clone();
                let exc = aexit_exception(&args);
                let weak = interp.this.clone();
                Ok(coro::native(interp, "TaskGroup.__aexit__", async move {
                    let interp = gone(&weak)?;
                    aexit(interp, g, exc).await
                }))
            },
            "create_task" => |interp, args| {
                let g = self_of::<TaskGroup>(interp, &args)?.0.clone();
                let this = args.pos[0].clone();
                {
                    let s = g.borrow();
                    let r = ops::repr(interp, &this)?;
                    if !s.entered {
                        return Err(interp.runtime_error(format!("TaskGroup {r} has not been entered")));
                    }
                    if s.exiting && s.tasks.is_empty() {
                        return Err(interp.runtime_error(format!("TaskGroup {r} is finished")));
                    }
                    if s.aborting {
                        return Err(interp.runtime_error(format!("TaskGroup {r} is shutting down")));
                    }
                }
                let task = spawn_task(interp, &args, 1)?;
                super::asyncio::note_first_callback(&task, "TaskGroup._on_task_done()");
                let Some((id, fut)) = task_future(&task) else { return Ok(task) };
                g.borrow_mut().tasks.push((id, fut.clone()));
                let (g2, weak) = (g.clone(), interp.this.clone());
                fut.add_done_callback(move |f| {
                    if let Some(interp) = weak.upgrade() {
                        TaskGroup::task_done(&g2, &interp, id, f);
                    }
                });
                Ok(task)
            },
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

/// `TaskGroup.__aexit__`
async fn aexit(interp: Rc<Interp>, g: Rc<RefCell<Group>>, exc: Option<PyErr>) -> R<Value> {
    g.borrow_mut().exiting = true;
    if let Some(e) = &exc {
        let mut s = g.borrow_mut();
        if is_base_error(&interp, e) && s.base_error.is_none() {
            s.base_error = Some(e.clone());
        }
    }
    let mut propagate = if is_exactly_cancelled(&interp, &exc) { exc.clone() } else { None };
    let (requested, parent) = {
        let s = g.borrow();
        (s.parent_cancel_requested, s.parent.clone())
    };
    if requested {
        if let Some((run, id)) = &parent {
            if run.upgrade().is_some_and(|rt| rt.uncancel(*id) == 0) {
                propagate = None;
            }
        }
    }
    if exc.is_some() && !g.borrow().aborting {
        TaskGroup::abort(&g);
    }
    while !g.borrow().tasks.is_empty() {
        let waiter = {
            let mut s = g.borrow_mut();
            if s.on_completed.is_none() {
                let run = parent
                    .as_ref()
                    .map(|(r, _)| r.clone())
                    .ok_or_else(|| interp.runtime_error("no running event loop"))?;
                s.on_completed = Some(Fut::on(run));
            }
            s.on_completed.clone()
        };
        // Drawn as gather's wait is: on the group, with its tasks left.
        let wait = match parent.as_ref().and_then(|(run, _)| run.upgrade()) {
            Some(rt) => {
                let pending = g.borrow().tasks.len().min(u32::MAX as usize) as u32;
                Wait::Many { what: rt.text("TaskGroup"), pending }
            }
            None => Wait::Future,
        };
        if let Some(w) = waiter {
            if let Err(e) = w.wait(wait).await {
                if !g.borrow().aborting {
                    propagate = Some(from_aio(&interp, e));
                    TaskGroup::abort(&g);
                }
            }
        }
        g.borrow_mut().on_completed = None;
    }
    let (base, errors) = {
        let mut s = g.borrow_mut();
        (s.base_error.take(), std::mem::take(&mut s.errors))
    };
    if let Some(b) = base {
        return Err(b);
    }
    if let (Some(p), true) = (&propagate, errors.is_empty()) {
        return Err(p.clone());
    }
    let mut errors = errors;
    if let Some(e) = &exc {
        if !is_exactly_cancelled(&interp, &exc) {
            errors.push(e.clone());
        }
    }
    if errors.is_empty() {
        return Ok(Value::None);
    }
    let list: Vec<Value> = errors.iter().map(PyErr::value).collect();
    let group = super::super::builtins::exception_group(&interp, "unhandled errors in a TaskGroup", list)?;
    if let Some(d) = &group.exc {
        let mut d = d.borrow_mut();
        d.cause = None;
        d.suppress_context = true;
    }
    Err(PyErr::Exc(group))
}

// ----- timeout ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Created,
    Entered,
    Expiring,
    Expired,
    Exited,
}

struct TimeoutState {
    state: State,
    when: Option<f64>,
    handler: Option<TimerKey>,
    task: Option<(WeakRuntime, TaskId)>,
    cancelling: u32,
}

/// `asyncio.timeout(delay)` / `asyncio.timeout_at(when)`
pub struct Timeout(Rc<RefCell<TimeoutState>>);

impl Timeout {
    fn reschedule(t: &Rc<RefCell<TimeoutState>>, interp: &Interp, when: Option<f64>) -> R<()> {
        let state = t.borrow().state;
        if state != State::Entered {
            return Err(interp.runtime_error(if state == State::Created {
                "Timeout has not been entered".to_string()
            } else {
                format!("Cannot change state of {} Timeout", state_name(state))
            }));
        }
        let (rt, _) = current().ok_or_else(|| interp.runtime_error("no running event loop"))?;
        let old = {
            let mut s = t.borrow_mut();
            s.when = when;
            s.handler.take()
        };
        if let Some(k) = old {
            rt.cancel_timer(k);
        }
        let Some(when) = when else { return Ok(()) };
        let t2 = t.clone();
        let fire = move || Timeout::on_timeout(&t2);
        let due = aio::secs_to_micros(when);
        if due <= rt.now() {
            rt.call_soon(fire);
        } else {
            let key = rt.call_at(due, fire);
            t.borrow_mut().handler = Some(key);
        }
        Ok(())
    }

    fn on_timeout(t: &Rc<RefCell<TimeoutState>>) {
        let task = {
            let mut s = t.borrow_mut();
            if s.state != State::Entered {
                return;
            }
            s.state = State::Expiring;
            s.handler = None;
            s.task.clone()
        };
        if let Some((run, id)) = task {
            if let Some(rt) = run.upgrade() {
                rt.cancel(id, CancelledBy::Timeout(id), None);
            }
        }
    }
}

fn state_name(s: State) -> &'static str {
    match s {
        State::Created => "created",
        State::Entered => "active",
        State::Expiring => "expiring",
        State::Expired => "expired",
        State::Exited => "finished",
    }
}

impl Object for Timeout {
    fn type_name(&self) -> &str {
        "Timeout"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        let s = self.0.borrow();
        let info = match (s.state, s.when) {
            (State::Entered, Some(w)) => {
                format!(" when={}", super::super::format::float_repr((w * 1000.0).round() / 1000.0))
            }
            (State::Entered, None) => " when=None".into(),
            _ => String::new(),
        };
        Ok(format!("<Timeout [{}]{info}>", state_name(s.state)))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "when" => {
                |interp, args| Ok(self_of::<Timeout>(interp, &args)?.0.borrow().when.map_or(Value::None, Value::Float))
            }
            "expired" => |interp, args| {
                Ok(Value::Bool(matches!(
                    self_of::<Timeout>(interp, &args)?.0.borrow().state,
                    State::Expiring | State::Expired
                )))
            },
            "reschedule" => |interp, args| {
                let t = self_of::<Timeout>(interp, &args)?.0.clone();
                let when = match args.pos.get(1) {
                    Some(Value::None) | None => None,
                    Some(v) => Some(ops::to_f64(interp, v)?),
                };
                Timeout::reschedule(&t, interp, when)?;
                Ok(Value::None)
            },
            "__aenter__" => |interp, args| {
                let t = self_of::<Timeout>(interp, &args)?.0.clone();
                let this = args.pos[0].clone();
                if t.borrow().state != State::Created {
                    return Err(interp.runtime_error("Timeout has already been entered"));
                }
                let (rt, task) = match current() {
                    Some((rt, t)) if t != TaskId::OUTSIDE => (rt, t),
                    _ => return Err(interp.runtime_error("Timeout should be used inside a task")),
                };
                {
                    let mut s = t.borrow_mut();
                    s.state = State::Entered;
                    s.task = Some((rt.downgrade(), task));
                    s.cancelling = rt.cancelling(task);
                }
                let when = t.borrow().when;
                Timeout::reschedule(&t, interp, when)?;
                Ok(coro::native(interp, "Timeout.__aenter__", async move { Ok(this) }))
            },
            "__aexit__" => |interp, args| {
                let t = self_of::<Timeout>(interp, &args)?.0.clone();
                let exc = aexit_exception(&args);
                let handler = t.borrow_mut().handler.take();
                if let (Some(k), Some((rt, _))) = (handler, current()) {
                    rt.cancel_timer(k);
                }
                let state = t.borrow().state;
                let mut raise = None;
                if state == State::Expiring {
                    t.borrow_mut().state = State::Expired;
                    let (task, cancelling) = {
                        let s = t.borrow();
                        (s.task.clone(), s.cancelling)
                    };
                    let remaining = task.and_then(|(run, id)| run.upgrade().map(|rt| rt.uncancel(id))).unwrap_or(0);
                    if remaining <= cancelling && is_exactly_cancelled(interp, &exc) {
                        let e = interp.err("TimeoutError", "");
                        if let (PyErr::Exc(te), Some(PyErr::Exc(c))) = (&e, &exc) {
                            if let Some(d) = &te.exc {
                                let mut d = d.borrow_mut();
                                d.cause = Some(Value::Instance(c.clone()));
                                d.suppress_context = true;
                            }
                        }
                        raise = Some(e);
                    }
                } else if state == State::Entered {
                    t.borrow_mut().state = State::Exited;
                }
                Ok(coro::native(interp, "Timeout.__aexit__", async move {
                    match raise {
                        Some(e) => Err(e),
                        None => Ok(Value::None),
                    }
                }))
            },
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

fn timeout_at(interp: &Interp, when: Option<f64>) -> Value {
    let _ = interp;
    Value::object(Timeout(Rc::new(RefCell::new(TimeoutState {
        state: State::Created,
        when,
        handler: None,
        task: None,
        cancelling: 0,
    }))))
}

/// Adds `TaskGroup`, `timeout` and `timeout_at` to the asyncio module.
/// `asyncio.TaskGroup()`
pub fn new_task_group(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "TaskGroup", 0, 0)?;
    Ok(Value::object(TaskGroup(Rc::default())))
}

pub fn install(interp: &Interp, m: &Module) {
    m.set("TaskGroup", Value::Class(interp.native_class("TaskGroup")));
    m.set(
        "timeout",
        py_function("timeout", |interp, args| {
            let delay = match args.pos.first() {
                Some(Value::None) | None => None,
                Some(v) => Some(ops::to_f64(interp, v)?),
            };
            let now = current().map_or(0.0, |(rt, _)| rt.now() as f64 / 1e6);
            Ok(timeout_at(interp, delay.map(|d| now + d)))
        }),
    );
    m.set(
        "timeout_at",
        py_function("timeout_at", |interp, args| {
            let when = match args.pos.first() {
                Some(Value::None) | None => None,
                Some(v) => Some(ops::to_f64(interp, v)?),
            };
            Ok(timeout_at(interp, when))
        }),
    );
}
