//! A program: Python source compiled once, then run on a runtime as its driver (the code outside
//! any task). Its output goes to a sink: the run's recording in the page, or a collector in the
//! native runner and the tests.

use std::rc::Rc;

use super::exec::{run_driven, Exit, Frame, Resume};
use super::interp::{ExitPhase, Interp, Limits, PyErr, Sink, Stream, R};
use super::ir::Code;
use super::lower;
use super::traceback;
use super::value::Value;
use crate::runtime::Runtime;

/// A compiled program.
pub struct Program {
    pub code: Rc<Code>,
    /// Every code object, by [`Code::id`].
    pub codes: Vec<Rc<Code>>,
    pub source: Rc<str>,
    /// Compile-time SyntaxWarnings (`x is 1`), by line: printed when the program starts.
    pub warnings: Vec<(u32, String)>,
}

/// Why a program cannot run: its syntax error, as CPython prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct CompileFailure {
    pub line: u32,
    pub column: u32,
    pub message: String,
    /// The whole report (`  File "main.py", line 3` … `SyntaxError: …`).
    pub report: String,
}

impl Program {
    pub fn compile(source: &str) -> Result<Program, CompileFailure> {
        let module = super::parse::parse(source).map_err(|errors| {
            let first = errors.into_iter().next();
            match first {
                Some(e) => CompileFailure {
                    line: e.line as u32,
                    column: e.column as u32,
                    message: e.message.clone(),
                    report: e.render(source, "main.py"),
                },
                None => CompileFailure {
                    line: 1,
                    column: 1,
                    message: "invalid syntax".into(),
                    report: "SyntaxError: invalid syntax\n".into(),
                },
            }
        })?;
        let compiled = lower::compile(&module, source).map_err(|e| {
            let src = source.lines().nth(e.line.saturating_sub(1) as usize).unwrap_or("").trim();
            CompileFailure {
                line: e.line,
                column: 1,
                message: e.message.clone(),
                report: format!("  File \"main.py\", line {}\n    {src}\nSyntaxError: {}\n", e.line, e.message),
            }
        })?;
        Ok(Program {
            code: compiled.main,
            codes: compiled.codes,
            source: Rc::from(source),
            warnings: compiled.warnings,
        })
    }
}

/// How a program ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It ran to its end (status 0), or `sys.exit(status)`.
    Exited(i64),
    /// An exception nobody caught (status 1); its traceback went to stderr.
    Failed,
    /// Interleave stopped it (a budget).
    Stopped,
}

/// Starts `program` on `rt`: module code runs now, up to its first `asyncio.run`; the loop does
/// the rest. Returns the interpreter (its `exit_code` says how the program ended).
pub fn start(rt: &Runtime, program: &Program, limits: Limits, sink: Sink) -> Rc<Interp> {
    let interp = Interp::new(&program.source, limits, sink);
    *interp.codes.borrow_mut() = program.codes.clone();
    // As CPython's compiler prints them: before the program's first line runs (in the run,
    // so the page shows them at its start).
    let warnings: Vec<String> = program
        .warnings
        .iter()
        .map(|(line, message)| {
            let src = program.source.lines().nth(line.saturating_sub(1) as usize).unwrap_or("").trim();
            format!("main.py:{line}: SyntaxWarning: {message}\n  {src}\n")
        })
        .collect();
    let code = program.code.clone();
    let i2 = interp.clone();
    rt.start(async move {
        for warning in &warnings {
            i2.write(Stream::Stderr, warning);
        }
        drive_module(i2, code).await;
    });
    interp
}

/// What a program printed and how it ended.
#[derive(Debug, Default, PartialEq)]
pub struct Printed {
    pub stdout: String,
    pub stderr: String,
    pub status: i64,
}

/// Runs `program` to its end on a new virtual clock and collects what it printed (Interleave's
/// notes left out: they are not the program's output). For the probes, the benchmark and the
/// corpus test, which compare with what CPython prints.
pub fn run_to_end(program: &Program, limits: Limits) -> Printed {
    let printed: Rc<std::cell::RefCell<Printed>> = Rc::default();
    let sink = {
        let printed = printed.clone();
        Rc::new(move |stream: Stream, line: &str| {
            let mut p = printed.borrow_mut();
            let to = match stream {
                Stream::Stdout => &mut p.stdout,
                Stream::Stderr => &mut p.stderr,
                Stream::Note => return,
            };
            to.push_str(line);
            to.push('\n');
        })
    };
    let rt = Runtime::new_virtual();
    let interp = start(&rt, program, limits, sink);
    rt.run_until_end();
    let mut out = printed.take();
    out.status = interp.exit_code.get().unwrap_or(1);
    out
}

/// Runs the module's frame as the driver (see [`drive`]), then reports how it ended.
async fn drive_module(interp: Rc<Interp>, code: Rc<Code>) {
    let globals = interp.main.clone();
    let mut module = Frame::new(&interp, code, globals, None);
    module.driver = true;
    let (status, uncaught) = match drive(&interp, module).await {
        Ok(_) => (0, None),
        Err(e) => {
            let status = report_uncaught(&interp, &e);
            if is_system_exit(&interp, &e) {
                // CPython lets go of a SystemExit at once, its `warnings` module still there.
                interp.exit_phase.set(ExitPhase::Collecting);
                drop(e);
                (status, None)
            } else {
                // Any other is kept as `sys.last_value` until the modules go.
                (status, Some(e))
            }
        }
    };
    interp.exit_code.set(Some(status));
    interp.exit_phase.set(ExitPhase::Teardown);
    drop(uncaught);
    release_cycles(&interp);
    super::coro::warn_at_exit(&interp);
    super::modules::asyncio::report_lost_tasks(&interp);
    super::modules::asyncio::reset();
    interp.flush_output();
}

/// Lets go of what the program's modules hold, once it has ended. Everything here is counted by
/// reference, with no collector for cycles, and objects the program made refer to each other:
/// functions to their module, which holds them; a class to members that are its instances (an
/// Enum's, `timezone.utc`). Letting go of the names of the program's module and of the modules
/// it imported (the embedded ones are Python too), and of the attributes of the classes and
/// objects they name, breaks those cycles; objects finalised now may still warn. Without this, each run that imported
/// `logging`, `re` or `datetime` kept about half a megabyte.
pub fn release_cycles(interp: &Interp) {
    let mut names: Vec<Value> = interp.main.globals.borrow_mut().drain(..).map(|(_, v)| v).collect();
    let imported: Vec<Rc<super::value::Module>> = interp.modules.borrow().values().cloned().collect();
    for m in &imported {
        names.extend(m.globals.borrow_mut().drain(..).map(|(_, v)| v));
    }
    // A `globals()` dict the program holds has the globals too, and itself once it is named.
    for m in std::iter::once(&interp.main).chain(&imported) {
        if let Some(d) = m.held_globals_dict() {
            let entries = std::mem::take(&mut *d.borrow_mut());
            names.push(Value::dict(entries));
        }
    }
    let classes: Vec<Rc<super::value::Class>> =
        names.iter().filter_map(|v| if let Value::Class(c) = v { Some(c.clone()) } else { None }).collect();
    for c in &classes {
        names.extend(c.attrs.borrow_mut().drain(..).map(|(_, v)| v));
    }
    // Objects the modules keep (logging's root logger and its manager, which refer to each
    // other).
    let kept: Vec<Rc<super::value::Instance>> =
        names.iter().filter_map(|v| if let Value::Instance(i) = v { Some(i.clone()) } else { None }).collect();
    for i in &kept {
        names.extend(i.attrs.borrow_mut().drain(..).map(|(_, v)| v));
    }
    drop(kept);
    drop(classes);
    drop(names);
    drop(imported);
}

/// Runs `first` as the driver (the code outside any task): each `asyncio.run` it reaches
/// suspends it while the loop runs. Plain functions it calls as statements run here too, on a
/// stack of frames (so `def main(): asyncio.run(amain())` works), each resumed with what the
/// one it called returned or raised. The module's frame is driven so, and in a copy of the
/// program the function `to_thread` called (which may run a loop of its own).
pub async fn drive(interp: &Rc<Interp>, first: Frame) -> R<Value> {
    let mut stack: Vec<Frame> = vec![first];
    let mut resume = Resume::Start;
    loop {
        let Some(mut frame) = stack.pop() else { return Ok(Value::None) };
        // The frames below count toward the recursion limit and are the running chain (for
        // exception context), as they would be on CPython's stack.
        let below: Vec<_> = stack.iter().map(|f| f.info.clone()).collect();
        let depth = interp.depth.get();
        interp.depth.set(depth + below.len() as u32);
        interp.frames.borrow_mut().extend(below.iter().cloned());
        let exit = run_driven(interp, &mut frame, resume);
        if !stack.is_empty() && matches!(exit, Exit::Return(_) | Exit::Raise(_)) {
            // Its locals go while its caller's line is the one running, as in CPython (a
            // coroutine among them never awaited is said to go there).
            frame.recycle(interp);
        }
        let n = interp.frames.borrow().len();
        interp.frames.borrow_mut().truncate(n.saturating_sub(below.len()));
        interp.depth.set(depth);
        match exit {
            Exit::Return(v) if !stack.is_empty() => resume = Resume::Send(v),
            Exit::Return(v) => return Ok(v),
            Exit::Raise(e) if !stack.is_empty() => resume = Resume::Throw(e),
            Exit::Raise(e) => return Err(e),
            // Driven frames are plain functions and the module, which never yield.
            Exit::Yield(v) => return Ok(v),
            Exit::Call(callee) => {
                stack.push(frame);
                stack.push(*callee);
                resume = Resume::Start;
            }
            Exit::Pause => {
                let line = frame.info.line.get();
                stack.push(frame);
                super::coro::BrowserTurn::new(interp, line).await;
                resume = Resume::Send(Value::None);
            }
            Exit::Await(v) => {
                stack.push(frame);
                resume = match super::coro::awaitable(interp, v) {
                    Ok(fut) => match fut.await {
                        Ok(v) => Resume::Send(v),
                        Err(e) => Resume::Throw(e),
                    },
                    Err(e) => Resume::Throw(e),
                };
                // The loop ran meanwhile (`asyncio.run`): the top level's hold begins anew.
                interp.hold_started.set(f64::NAN);
                interp.stretch_started.set(f64::NAN);
            }
        }
    }
}

/// Whether `e` is a SystemExit (`sys.exit()`).
fn is_system_exit(interp: &Interp, e: &PyErr) -> bool {
    matches!(e, PyErr::Exc(inst) if inst.class.is_subclass(&interp.types.exc("SystemExit")))
}

/// Prints an uncaught exception as CPython does; returns the exit status.
fn report_uncaught(interp: &Interp, e: &PyErr) -> i64 {
    if let PyErr::Exc(inst) = e {
        if inst.class.is_subclass(&interp.types.exc("SystemExit")) {
            let code = inst.exc().and_then(|d| d.args.first().cloned()).unwrap_or_default();
            return match code {
                Value::None => 0,
                Value::Int(i) => i,
                Value::Bool(b) => b as i64,
                other => {
                    let text = super::ops::str_of(interp, &other).unwrap_or_default();
                    interp.write_final(Stream::Stderr, &format!("{text}\n"));
                    1
                }
            };
        }
    }
    if let PyErr::Stop(m) = e {
        // Through the sink, which records it as a print (once) where a run is recorded.
        interp.write_final(Stream::Stderr, m);
        return 1;
    }
    interp.write_final(Stream::Stderr, &traceback::format_exception(interp, e));
    // CPython re-raises an uncaught KeyboardInterrupt as SIGINT once it has printed it: the
    // shell's status is then 128 + 2.
    match e {
        PyErr::Exc(inst) if inst.class.is_subclass(&interp.types.exc("KeyboardInterrupt")) => 130,
        _ => 1,
    }
}
