//! The executor: runs a frame's ops until it returns, raises, or suspends at an `await` or a
//! `yield` (CPython's eval loop, minus the value stack: expressions are trees evaluated by
//! [`eval`](super::eval)). A suspended frame keeps its place; the coroutine or generator that
//! owns it resumes it with a value or an exception.

use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

use super::call::{call, import_module, make_class, make_function};
use super::eval::{eval, eval_to_bool};
use super::interp::{FrameInfo, Interp, PyErr, R};
use super::ir::*;
use super::ops;
use super::value::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    /// `except` clauses at `handler`.
    Except,
    /// A `finally` (or `with` exit) at `handler`.
    Finally,
    /// The body of an `except` clause is running: leaving it ends the handling.
    Handler,
}

#[derive(Clone, Copy, Debug)]
struct Block {
    kind: BlockKind,
    handler: u32,
    /// Depth of the handled-exception stack and of the pending stack when it was set up.
    handling: usize,
    pending: usize,
}

/// What a `finally` block will carry on with when it ends.
enum Pending {
    Nothing,
    Raise(PyErr),
    Return(Value),
    Leave { depth: u32, to: u32 },
}

/// A frame's stacks for `try`, `with` and `except`.
#[derive(Default)]
struct Handlers {
    blocks: Vec<Block>,
    pending: Vec<Pending>,
    /// Exceptions being handled by `except` clauses of this frame, innermost last.
    handling: Vec<Rc<Instance>>,
}

/// A list a frame owns (its slots, its cells), read and written as the `Vec` it is. Most
/// are empty when the frame drops (the slots went back to the pool, few frames have cells),
/// and dropping an empty one does nothing here, where an empty `Vec`'s drop still calls out
/// twice: that was a tenth of a plain call's cost.
pub struct FrameList<T>(ManuallyDrop<Vec<T>>);

impl<T> Drop for FrameList<T> {
    #[inline(always)]
    fn drop(&mut self) {
        if self.0.capacity() != 0 {
            drop(std::mem::take(&mut *self.0));
        }
    }
}

impl<T> Deref for FrameList<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> DerefMut for FrameList<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.0
    }
}

/// One activation of a code object.
pub struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    pub slots: FrameList<Option<Value>>,
    pub cells: FrameList<Cell>,
    pub globals: Rc<Module>,
    /// A class body's namespace.
    pub namespace: Option<Rc<RefCell<Attrs>>>,
    /// Its `try`/`with`/`except` state, made when first needed: a call without one builds and
    /// drops no empty stacks (those were a tenth of a plain call's cost).
    handlers: Option<Box<Handlers>>,
    pub info: Rc<FrameInfo>,
    pub id: u64,
    /// The op it is suspended at (an `Await`, `Yield`, `YieldFrom` or `TopCall`).
    suspended: Option<usize>,
    /// Run by the program's driver (the code outside any task): the module's frame, and the
    /// plain functions it calls as statements, which may then call `asyncio.run`.
    pub driver: bool,
}

/// How a frame is resumed.
pub enum Resume {
    Start,
    Send(Value),
    Throw(PyErr),
}

/// How a frame stops running.
pub enum Exit {
    Return(Value),
    Raise(PyErr),
    Await(Value),
    Yield(Value),
    /// A driver frame calls a plain function: the driver runs its frame, then resumes this one
    /// with what it returned or raised.
    Call(Box<Frame>),
    /// The frame a coroutine's (or the program's) driver runs held the loop long enough: it
    /// stops before its next op so the page gets a turn, and goes on with `Resume::Send(None)`.
    Pause,
}

/// Control after one op.
enum Flow {
    Next,
    Exit(Exit),
}

impl Frame {
    pub fn new(interp: &Interp, code: Rc<Code>, globals: Rc<Module>, func: Option<Rc<Function>>) -> Frame {
        let slots = vec![None; code.nslots];
        Frame::with_slots(interp, code, globals, func, slots)
    }

    /// A frame whose slots (`code.nslots` of them) are already filled in.
    pub fn with_slots(
        interp: &Interp,
        code: Rc<Code>,
        globals: Rc<Module>,
        func: Option<Rc<Function>>,
        slots: Vec<Option<Value>>,
    ) -> Frame {
        let id = interp.next_frame_id.get();
        interp.next_frame_id.set(id + 1);
        let ncells = code.cell_slots.len() + code.freevars.len();
        let first_line = code.first_line;
        let spare = interp.spare_infos.borrow_mut().pop();
        let info = match spare {
            Some(mut info) => match Rc::get_mut(&mut info) {
                Some(reused) => {
                    reused.func = func;
                    reused.line.set(first_line);
                    info
                }
                None => FrameInfo::new(func, first_line),
            },
            None => FrameInfo::new(func, first_line),
        };
        Frame {
            slots: FrameList(ManuallyDrop::new(slots)),
            cells: FrameList(ManuallyDrop::new(if ncells == 0 { Vec::new() } else { Vec::with_capacity(ncells) })),
            code,
            pc: 0,
            globals,
            namespace: None,
            handlers: None,
            info,
            id,
            suspended: None,
            driver: false,
        }
    }

    /// Makes the cells: captured parameters move into theirs, free variables come from the
    /// closure.
    #[inline(always)]
    pub fn init_cells(&mut self, closure: &[Cell]) {
        if !self.code.cell_slots.is_empty() || !closure.is_empty() {
            self.make_cells(closure);
        }
    }

    pub fn make_cells(&mut self, closure: &[Cell]) {
        for i in 0..self.code.cell_slots.len() {
            let slot = self.code.cell_slots[i];
            let initial = self.slots.get_mut(slot).and_then(Option::take);
            self.cells.push(Rc::new(RefCell::new(initial)));
        }
        self.cells.extend(closure.iter().cloned());
    }

    /// Gives the frame's slot list and info back for the next call's frame, once nothing else
    /// holds the info (a traceback or a task may). Done in place, before the frame is
    /// dropped: taking the frame apart by value copied the whole of it.
    pub fn recycle(&mut self, interp: &Interp) {
        const KEPT: usize = 64;
        self.keep_in_cycle(interp);
        let mut slots = std::mem::take(&mut *self.slots);
        // Emptied before the pool is borrowed: dropping a value may run code (a warning).
        slots.clear();
        if slots.capacity() <= KEPT {
            let mut spare = interp.spare_slots.borrow_mut();
            if spare.len() < KEPT {
                spare.push(slots);
            }
        }
        // Its captured locals go with the others (the list itself goes with the frame).
        if !self.cells.is_empty() {
            self.cells.clear();
        }
        let mut spare = interp.spare_infos.borrow_mut();
        if spare.len() < KEPT {
            // Only the frame holds it: the pool's copy is the one left once the frame drops.
            if let Some(i) = Rc::get_mut(&mut self.info) {
                i.func = None;
                if i.first_arg.is_some() {
                    i.first_arg = None;
                }
                if !i.handled.get_mut().is_empty() {
                    i.handled.get_mut().clear();
                }
                spare.push(self.info.clone());
            }
        }
    }

    /// As its frame ends: in CPython an exception one of its locals keeps, raised through the
    /// frame, and the frame refer to each other (its traceback keeps the frame), so the frame's
    /// locals live on until the collector finds the cycle, at shutdown in a short program. The
    /// coroutines never awaited among them live on so, reported then
    /// ([`super::coro::warn_at_exit`]). Only a frame that had an `except` can keep one.
    pub fn keep_in_cycle(&self, interp: &Interp) {
        if self.handlers.is_none() {
            return;
        }
        let id = self.id;
        let raised_here = |v: &Value| match v {
            Value::Instance(i) => {
                i.exc.as_ref().is_some_and(|d| d.try_borrow().is_ok_and(|d| d.traceback.iter().any(|t| t.frame == id)))
            }
            _ => false,
        };
        if !self.slots.iter().flatten().any(raised_here) {
            return;
        }
        let unstarted = self
            .slots
            .iter()
            .flatten()
            .filter(|v| v.downcast::<super::coro::Coroutine>().is_some_and(|c| !c.started()))
            .cloned();
        interp.kept_in_cycles.borrow_mut().extend(unstarted);
    }

    /// Whether it stands inside a `try` or `with` block: something would run if an exception
    /// were thrown in where it is suspended.
    pub fn has_blocks(&self) -> bool {
        self.handlers.as_ref().is_some_and(|h| !h.blocks.is_empty())
    }

    fn handlers(&mut self) -> &mut Handlers {
        self.handlers.get_or_insert_with(Box::default)
    }

    /// The exception its innermost running `except` clause handles.
    fn handled_last(&self) -> Option<Rc<Instance>> {
        self.handlers.as_ref()?.handling.last().cloned()
    }

    fn last_pending(&self) -> Option<&Pending> {
        self.handlers.as_ref()?.pending.last()
    }

    fn pop_pending(&mut self) -> Pending {
        self.handlers.as_mut().and_then(|h| h.pending.pop()).unwrap_or(Pending::Nothing)
    }

    /// Leaves the innermost block: what was handled and pending inside it goes with it.
    fn pop_block(&mut self) -> Option<Block> {
        let h = self.handlers.as_mut()?;
        let block = h.blocks.pop()?;
        h.handling.truncate(block.handling);
        h.pending.truncate(block.pending);
        Some(block)
    }

    /// Keeps its first argument (its slot 0, when it has positional parameters) for a
    /// zero-argument `super()`, if its code names `super` at all.
    #[inline(always)]
    pub fn keep_first_arg(&mut self) {
        if self.code.uses_super {
            self.keep_first_arg_now();
        }
    }

    fn keep_first_arg_now(&mut self) {
        let first = if self.code.params.positional.is_empty() { None } else { self.slots.first().cloned().flatten() };
        if let Some(info) = Rc::get_mut(&mut self.info) {
            info.first_arg = first;
        }
    }
}

/// Keeps the frame's info on the interpreter's stack while it runs.
struct Running<'a>(&'a Interp);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.frames.borrow_mut().pop();
        self.0.depth.set(self.0.depth.get().saturating_sub(1));
    }
}

/// Runs `frame` from where it stands until it returns, raises or suspends.
pub fn run(interp: &Interp, f: &mut Frame, resume: Resume) -> Exit {
    let depth = interp.depth.get() + 1;
    if depth > interp.recursion_limit.get() {
        return Exit::Raise(interp.recursion_error(""));
    }
    if interp.check_stack().is_err() {
        return Exit::Raise(interp.recursion_error(""));
    }
    interp.depth.set(depth);
    interp.frames.borrow_mut().push(f.info.clone());
    let _running = Running(interp);
    let code = f.code.clone();
    if !matches!(resume, Resume::Start) {
        if let Some(exit) = resumed(interp, f, &code, resume) {
            return exit;
        }
    }
    loop {
        // Paused before the next op, the frame is still at the line that asked for the pause
        // (a `time.sleep` waiting out its time there).
        if interp.pause_wanted.get() && depth == interp.pause_depth.get() {
            interp.pause_wanted.set(false);
            return Exit::Pause;
        }
        let pc = f.pc;
        let (Some(op), Some(line)) = (code.ops.get(pc), code.lines.get(pc)) else { return Exit::Return(Value::None) };
        f.info.line.set(*line);
        f.pc = pc + 1;
        if let Err(e) = interp.tick_op() {
            return Exit::Raise(e);
        }
        // A loop's jump back is taken here: a call of `step` (and its large frame) per lap
        // costs more than the jump itself.
        if let Op::Jump(to) = op {
            f.pc = *to as usize;
            continue;
        }
        match step(interp, f, op, pc) {
            Ok(Flow::Next) => {}
            Ok(Flow::Exit(exit)) => return exit,
            Err(e) => {
                if let Some(exit) = raised(interp, f, e) {
                    return exit;
                }
            }
        }
    }
}

/// A suspended frame takes what it is resumed with: the value sent in goes where its op puts
/// it, an exception thrown in is raised there. `Some` when that ends the frame's run at once.
/// Out of [`run`], whose every call starts a frame.
#[inline(never)]
fn resumed(interp: &Interp, f: &mut Frame, code: &Code, resume: Resume) -> Option<Exit> {
    let mut error: Option<PyErr> = None;
    match resume {
        Resume::Start => {}
        Resume::Send(v) => {
            if let Some(at) = f.suspended.take() {
                match &code.ops[at] {
                    Op::YieldFrom(slot, target) => match yield_from(interp, f, *slot, target.as_ref(), Some(v), at) {
                        Ok(Some(exit)) => return Some(exit),
                        Ok(None) => {}
                        Err(e) => error = Some(e),
                    },
                    Op::Await(_, Some(t)) | Op::Yield(_, Some(t)) | Op::TopCall(_, t) => {
                        if let Err(e) = assign(interp, f, t, v) {
                            error = Some(e);
                        }
                    }
                    Op::WithExit { result, .. } => f.slots[*result as usize] = Some(v),
                    _ => {}
                }
            }
        }
        Resume::Throw(e) => {
            error = Some(e);
            if let Some(at) = f.suspended.take() {
                f.info.line.set(code.lines[at]);
                if let Op::YieldFrom(slot, target) = &code.ops[at] {
                    // Thrown into the generator it delegates to first, as CPython does.
                    match throw_into_delegate(interp, f, *slot, target.as_ref(), error.take(), at) {
                        Ok(Some(exit)) => return Some(exit),
                        Ok(None) => {}
                        Err(e) => error = Some(e),
                    }
                }
            }
        }
    }
    raised(interp, f, error?)
}

/// An exception raised in the frame: it goes on at the handler that takes it (`None`), or
/// leaves the frame.
#[inline(never)]
fn raised(interp: &Interp, f: &mut Frame, e: PyErr) -> Option<Exit> {
    let e = note_raised(interp, f, e);
    match unwind(f, e) {
        Ok(()) => None,
        Err(e) => Some(Exit::Raise(hold_unawaited(f, e))),
    }
}

/// [`run`] for a frame a driver runs (a coroutine's, an async generator's, the program's): the
/// one frame that may stop with [`Exit::Pause`] (see `Interp::pause_depth`).
pub fn run_driven(interp: &Interp, f: &mut Frame, resume: Resume) -> Exit {
    let outer = interp.pause_depth.replace(interp.depth.get() + 1);
    let exit = run(interp, f, resume);
    interp.pause_depth.set(outer);
    exit
}

/// `from module import *`: the names of its `__all__` (each must exist), else every global
/// not starting with `_`, into the program's globals.
fn import_star(interp: &Interp, f: &Frame, module: &Name) -> R<()> {
    let Value::Module(m) = &import_module(interp, module)? else { return Ok(()) };
    let names: Vec<Name> = match m.get("__all__") {
        Some(all) => {
            let mut names = Vec::new();
            for n in ops::collect(interp, &all)? {
                let Value::Str(n) = &n else {
                    let what = n.type_name();
                    return Err(interp.type_error(format!("Item in {module}.__all__ must be str, not {what}")));
                };
                names.push(Name::from(&**n));
            }
            names
        }
        None => m.globals.borrow().keys().filter(|n| !n.starts_with('_')).cloned().collect(),
    };
    for name in names {
        let v = super::attr::module_attr(interp, m, &name)?
            .ok_or_else(|| interp.attribute_error(format!("module '{module}' has no attribute '{name}'")))?;
        f.globals.store_global(&name, v);
    }
    Ok(())
}

/// An exception leaving this frame keeps the coroutines its locals held that never ran, as
/// CPython's traceback keeps the frame: they are reported never awaited when it goes.
fn hold_unawaited(f: &Frame, mut e: PyErr) -> PyErr {
    for v in f.slots.iter().flatten() {
        if v.downcast::<super::coro::Coroutine>().is_some_and(|c| !c.started()) {
            e = super::coro::hold_in(e, v.clone());
        }
    }
    e
}

/// An exception appearing in this frame: the frame's line joins its traceback, and if it was
/// just raised while another was being handled, that one becomes its `__context__`.
fn note_raised(interp: &Interp, f: &Frame, e: PyErr) -> PyErr {
    let PyErr::Exc(inst) = &e else { return e };
    let Some(cell) = &inst.exc else { return e };
    // The code's own name, as CPython's `co_name` (a `functools.wraps` copy has another).
    let func = f.code.name.clone();
    let line = f.info.line.get();
    let fresh = {
        let data = cell.borrow();
        data.traceback.is_empty()
    };
    if fresh {
        if let Some(handled) = handled_exception(interp, f) {
            let mut data = cell.borrow_mut();
            if data.context.is_none() && !Rc::ptr_eq(&handled, inst) {
                data.context = Some(Value::Instance(handled));
            }
        }
    }
    let mut data = cell.borrow_mut();
    data.raised = true;
    let here = TbEntry { line, func, frame: f.id };
    // Only the program's own frames are shown (not those of the embedded client libraries).
    // A frame is listed again only if the exception left it and came back (as CPython lists
    // it): a search of the whole traceback at each frame was quadratic in an exception
    // passing through a hundred thousand tasks.
    if &*f.globals.name == "__main__" && data.traceback.front().is_none_or(|t| t.frame != f.id) {
        data.traceback.push_front(here);
    }
    drop(data);
    e
}

/// The exception being handled here or in a frame up the running chain (for chaining and
/// bare `raise`).
fn handled_exception(interp: &Interp, f: &Frame) -> Option<Rc<Instance>> {
    if let Some(e) = f.handled_last() {
        return Some(e);
    }
    // A `finally` running because of an exception counts as handling it.
    let pending = f.handlers.as_ref().map_or(&[][..], |h| &h.pending[..]);
    if let Some(Pending::Raise(PyErr::Exc(e))) = pending.iter().rev().find(|p| matches!(p, Pending::Raise(_))) {
        return Some(e.clone());
    }
    let frames = interp.frames.borrow();
    frames.iter().rev().find_map(|info| info.handled.borrow().last().cloned())
}

/// Finds the handler for `e` in this frame (moving the frame there), or gives it back.
fn unwind(f: &mut Frame, e: PyErr) -> Result<(), PyErr> {
    // A stop is not an exception: nothing catches it, no `finally` runs.
    if let PyErr::Stop(_) = e {
        return Err(e);
    }
    while let Some(block) = f.pop_block() {
        sync_handled(f);
        match block.kind {
            BlockKind::Handler => {}
            BlockKind::Except => {
                let PyErr::Exc(inst) = &e else { return Err(e) };
                enter_handler(f, inst.clone());
                f.pc = block.handler as usize;
                return Ok(());
            }
            BlockKind::Finally => {
                f.handlers().pending.push(Pending::Raise(e));
                f.pc = block.handler as usize;
                return Ok(());
            }
        }
    }
    Err(e)
}

/// The interpreter-wide view of this frame's handled exceptions.
fn sync_handled(f: &Frame) {
    let mut h = f.info.handled.borrow_mut();
    h.clear();
    h.extend(f.handlers.iter().flat_map(|x| x.handling.iter()).cloned());
}

/// Whether leaving the frame now runs nothing of it: no `finally` to run on the way out, no
/// exception handled here to forget.
fn leaves_nothing(f: &Frame) -> bool {
    f.handlers.as_ref().is_none_or(|h| h.blocks.is_empty() && h.handling.is_empty())
}

/// What `return e` returns. A local variable is moved out of its slot when the frame ends at
/// once (nothing of it runs after the return to read the variable): its count would only go
/// up here to come down when the slots are cleared.
#[inline(always)]
fn returned_value(interp: &Interp, f: &mut Frame, e: &Expr) -> R<Value> {
    if let Expr::Load(Var::Local(s)) = e {
        if leaves_nothing(f) {
            if let Some(v) = f.slots.get_mut(*s as usize).and_then(Option::take) {
                return Ok(v);
            }
        }
    }
    eval(interp, f, e)
}

/// `return v`, running the `finally` blocks it leaves.
fn do_return(f: &mut Frame, v: Value) -> Flow {
    if leaves_nothing(f) {
        return Flow::Exit(Exit::Return(v));
    }
    while let Some(block) = f.pop_block() {
        if block.kind == BlockKind::Finally {
            f.handlers().pending.push(Pending::Return(v));
            f.pc = block.handler as usize;
            sync_handled(f);
            return Flow::Next;
        }
    }
    sync_handled(f);
    Flow::Exit(Exit::Return(v))
}

/// `break`/`continue`: leaves blocks down to `depth`, running `finally` blocks on the way.
fn do_leave(f: &mut Frame, depth: u32, to: u32) -> Flow {
    while f.handlers.as_ref().is_some_and(|h| h.blocks.len() > depth as usize) {
        let Some(block) = f.pop_block() else { break };
        if block.kind == BlockKind::Finally {
            f.handlers().pending.push(Pending::Leave { depth, to });
            f.pc = block.handler as usize;
            sync_handled(f);
            return Flow::Next;
        }
    }
    sync_handled(f);
    f.pc = to as usize;
    Flow::Next
}

/// Carries on with what a `finally` block interrupted.
fn resume_pending(f: &mut Frame, p: Pending) -> R<Flow> {
    match p {
        Pending::Nothing => Ok(Flow::Next),
        Pending::Raise(e) => Err(e),
        Pending::Return(v) => Ok(do_return(f, v)),
        Pending::Leave { depth, to } => Ok(do_leave(f, depth, to)),
    }
}

/// Ends the innermost `except` clause's handling.
fn pop_handler(f: &mut Frame) {
    let Some(h) = f.handlers.as_mut() else { return };
    if let Some(i) = h.blocks.iter().rposition(|b| b.kind == BlockKind::Handler) {
        let block = h.blocks.remove(i);
        h.handling.truncate(block.handling);
        sync_handled(f);
    }
}

/// An `except*` statement's handling: the exception, what no clause has matched yet, the parts
/// of it the clauses made, and what their bodies raised.
struct StarState {
    orig: Rc<Instance>,
    rest: RefCell<Option<Rc<Instance>>>,
    derived: RefCell<Vec<Rc<Instance>>>,
    raised: RefCell<Vec<Rc<Instance>>>,
}

impl Object for StarState {
    fn type_name(&self) -> &str {
        "except*"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `except*` handlers begin (see [`StarState`]); out of [`step`], as are the other `except*`
/// and `match` ops, to keep its frame small.
#[inline(never)]
fn star_start(f: &mut Frame, state: u32) {
    if let Some(orig) = f.handled_last() {
        f.slots[state as usize] = Some(Value::object(StarState {
            rest: RefCell::new(Some(orig.clone())),
            orig,
            derived: RefCell::default(),
            raised: RefCell::default(),
        }));
    }
}

/// An `except* T` clause: the matching part of what is left is handled while it runs.
#[inline(never)]
fn star_match(interp: &Interp, f: &mut Frame, types: &Expr, state: u32, into: u32, next: u32) -> R<()> {
    let st = f.slots[state as usize].clone().unwrap_or_default();
    let Some(st) = st.downcast::<StarState>() else { return Ok(()) };
    let rest = st.rest.borrow().clone();
    let Some(rest) = rest else {
        f.pc = next as usize;
        return Ok(());
    };
    let types = eval(interp, f, types)?;
    let (matched, rest) = super::builtins::except_star_match(interp, &rest, &types)?;
    let Some(matched) = matched else {
        f.pc = next as usize;
        return Ok(());
    };
    st.derived.borrow_mut().extend([Some(matched.clone()), rest.clone()].into_iter().flatten());
    *st.rest.borrow_mut() = rest;
    f.slots[into as usize] = Some(Value::Instance(matched.clone()));
    // The clause runs with its part handled (a bare `raise` re-raises it).
    enter_handler(f, matched);
    Ok(())
}

/// An `except` (or `except*`) clause starts: `exc` is the one handled until its handler block
/// ends.
fn enter_handler(f: &mut Frame, exc: Rc<Instance>) {
    let h = f.handlers();
    h.handling.push(exc);
    let block =
        Block { kind: BlockKind::Handler, handler: 0, handling: h.handling.len() - 1, pending: h.pending.len() };
    h.blocks.push(block);
    sync_handled(f);
}

/// An `except*` clause's body raised: noted, and its handling ends.
#[inline(never)]
fn star_raised(f: &mut Frame, state: u32) {
    let raised = f.handled_last();
    if let (Some(st), Some(e)) = (f.slots[state as usize].as_ref().and_then(|s| s.downcast::<StarState>()), raised) {
        st.raised.borrow_mut().push(e);
    }
    pop_handler(f);
}

/// After the `except*` clauses: what they raised and what none matched is raised (as a
/// re-raise: this frame's line does not join its traceback, the parts of the original keeping
/// theirs and a new group having none here, as in CPython); or the handling just ends.
#[inline(never)]
fn star_end(interp: &Interp, f: &mut Frame, state: u32) -> R<Flow> {
    let st = f.slots[state as usize].take();
    pop_handler(f);
    let Some(st) = st.as_ref().and_then(|s| s.downcast::<StarState>()) else { return Ok(Flow::Next) };
    let raised = std::mem::take(&mut *st.raised.borrow_mut());
    let rest = st.rest.borrow_mut().take();
    let derived = std::mem::take(&mut *st.derived.borrow_mut());
    Ok(match super::builtins::prep_reraise_star(interp, &st.orig, raised, rest, &derived)? {
        Some(e) => match unwind(f, PyErr::Exc(e)) {
            Ok(()) => Flow::Next,
            Err(e) => Flow::Exit(Exit::Raise(e)),
        },
        None => Flow::Next,
    })
}

/// A `for` loop's next item. A built-in iterator is advanced directly: the loop's op is
/// counted as a step already, and the loop is not an iterator drawing from another (what
/// `ops::next` guards). Out of [`step`], to keep its frame small.
#[inline(never)]
fn for_next(interp: &Interp, it: &Value) -> R<Option<Value>> {
    match it.downcast::<super::objects::Iter>() {
        Some(builtin) => builtin.advance(interp),
        None => ops::next(interp, it),
    }
}

fn push_block(f: &mut Frame, kind: BlockKind, handler: u32) {
    let h = f.handlers();
    let block = Block { kind, handler, handling: h.handling.len(), pending: h.pending.len() };
    h.blocks.push(block);
}

/// `assign` of a value to a local variable, the target nearly every assignment and `for` loop
/// has, done in place: the general path is two calls deep.
#[inline(always)]
fn assign_here(interp: &Interp, f: &mut Frame, t: &Target, v: Value) -> R<()> {
    if let Target::Var(Var::Local(s)) = t {
        if let Some(slot) = f.slots.get_mut(*s as usize) {
            *slot = Some(v);
            return Ok(());
        }
    }
    assign(interp, f, t, v)
}

fn step(interp: &Interp, f: &mut Frame, op: &Op, pc: usize) -> R<Flow> {
    match op {
        // A statement call's result, emptied from its temporary (see `Op::TopCall`): dropped
        // where it stands, without the expression's evaluation handing it back first.
        Op::Expr(Expr::Take(slot)) if matches!(f.slots.get(*slot as usize), Some(Some(_))) => {
            if let Some(v) = f.slots.get_mut(*slot as usize) {
                drop(v.take());
            }
        }
        Op::Expr(e) => {
            eval(interp, f, e)?;
        }
        Op::Assign(t, e) => {
            let v = eval(interp, f, e)?;
            assign_here(interp, f, t, v)?;
        }
        Op::AugAssign(t, op, e) => aug_assign(interp, f, t, *op, e)?,
        Op::Delete(t) => delete(interp, f, t)?,
        Op::Jump(to) => f.pc = *to as usize,
        Op::JumpIf(e, when, to) => {
            let truth = match super::eval::plain_comparison(f, e) {
                Some(truth) => truth,
                None => eval_to_bool(interp, f, e)?,
            };
            if truth == *when {
                f.pc = *to as usize;
            }
        }
        Op::Return(e) => {
            let v = match e {
                Some(e) => returned_value(interp, f, e)?,
                None => Value::None,
            };
            return Ok(do_return(f, v));
        }
        Op::Raise(exc, cause) => return Err(raise(interp, f, exc.as_ref(), cause.as_ref())?),
        Op::Assert(test, msg) => {
            if !eval_to_bool(interp, f, test)? {
                let args = match msg {
                    Some(m) => vec![eval(interp, f, m)?],
                    None => vec![],
                };
                return Err(PyErr::Exc(interp.new_exc(&interp.types.exc("AssertionError"), args)));
            }
        }
        Op::GetIter(e, slot) => {
            let v = eval(interp, f, e)?;
            f.slots[*slot as usize] = Some(ops::iter(interp, &v)?);
        }
        Op::ForIter(slot, target, exit) => {
            // The iterator is advanced where it stands in its slot (no count up and down).
            let next = match f.slots.get(*slot as usize) {
                Some(Some(it)) => for_next(interp, it)?,
                _ => for_next(interp, &Value::None)?,
            };
            match next {
                Some(v) => assign_here(interp, f, target, v)?,
                None => {
                    f.slots[*slot as usize] = None;
                    f.pc = *exit as usize;
                }
            }
        }
        Op::GetAIter(e, slot) => {
            let v = eval(interp, f, e)?;
            let method = ops::special(interp, &v, "__aiter__").ok_or_else(|| {
                interp
                    .type_error(format!("'async for' requires an object with __aiter__ method, got {}", v.type_name()))
            })?;
            f.slots[*slot as usize] = Some(call(interp, &method, Args::default())?);
        }
        Op::ANext(slot, into) => {
            let it = f.slots[*slot as usize].clone().unwrap_or_default();
            let method = ops::special(interp, &it, "__anext__").ok_or_else(|| {
                interp.type_error(format!(
                    "'async for' requires an iterator with __anext__ method, got {}",
                    it.type_name()
                ))
            })?;
            f.slots[*into as usize] = Some(call(interp, &method, Args::default())?);
        }
        Op::SetupExcept(h) => push_block(f, BlockKind::Except, *h),
        Op::SetupFinally(h) => push_block(f, BlockKind::Finally, *h),
        Op::PopBlock => {
            if let Some(h) = f.handlers.as_mut() {
                h.blocks.pop();
            }
        }
        Op::EnterFinally(h) => {
            f.handlers().pending.push(Pending::Nothing);
            f.pc = *h as usize;
        }
        Op::EndFinally => {
            let p = f.pop_pending();
            return resume_pending(f, p);
        }
        Op::ExceptMatch(types, next) => {
            let classes = eval(interp, f, types)?;
            let Some(exc) = f.handled_last() else { return Ok(Flow::Next) };
            if !exception_matches(interp, &exc, &classes)? {
                f.pc = *next as usize;
            }
        }
        Op::BindExc(t) => {
            if let Some(exc) = f.handled_last() {
                assign(interp, f, t, Value::Instance(exc))?;
            }
        }
        Op::PopExcept => pop_handler(f),
        Op::Reraise => {
            let exc = f.handled_last();
            pop_handler(f);
            if let Some(exc) = exc {
                return Err(PyErr::Exc(exc));
            }
        }
        Op::StarStart(state) => star_start(f, *state),
        Op::StarMatch { types, state, into, next } => star_match(interp, f, types, *state, *into, *next)?,
        Op::StarRaised(state) => star_raised(f, *state),
        Op::StarEnd(state) => return star_end(interp, f, *state),
        Op::WithEnter { ctx, is_async, mgr, exit, value } => {
            let m = eval(interp, f, ctx)?;
            let (enter, leave) = if *is_async { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
            let protocol = |interp: &Interp| {
                let what = if *is_async {
                    "the asynchronous context manager protocol"
                } else {
                    "the context manager protocol"
                };
                interp.type_error(format!("'{}' object does not support {what}", m.type_name()))
            };
            let exit_fn = ops::special(interp, &m, leave).ok_or_else(|| protocol(interp))?;
            let enter_fn = ops::special(interp, &m, enter).ok_or_else(|| protocol(interp))?;
            f.slots[*mgr as usize] = Some(m.clone());
            f.slots[*exit as usize] = Some(exit_fn);
            f.slots[*value as usize] = Some(call(interp, &enter_fn, Args::default())?);
        }
        Op::WithExit { exit, result } => {
            let exit_fn = f.slots[*exit as usize].clone().unwrap_or_default();
            let args = match f.last_pending() {
                Some(Pending::Raise(PyErr::Exc(e))) => {
                    vec![Value::Class(e.class.clone()), Value::Instance(e.clone()), Value::None]
                }
                _ => vec![Value::None, Value::None, Value::None],
            };
            let args = Args { pos: args, kw: vec![] };
            let r = if matches!(f.last_pending(), Some(Pending::Raise(PyErr::Stop(_)))) {
                Value::Bool(false)
            } else if f.driver
                && super::modules::asyncio::is_run(&exit_fn)
                && interp.copy.get() != super::interp::CopyPhase::TopLevel
            {
                // Leaving `with asyncio.Runner()` at the top level closes it as its `close()`
                // does there: the driver runs the loop until the cancelled tasks finish.
                f.suspended = Some(pc);
                return Ok(Flow::Exit(Exit::Await(super::modules::asyncio::run_request_value(&exit_fn, args))));
            } else {
                // `__exit__` runs while the body's exception is being handled, as in CPython:
                // one it raises has that for its `__context__` (and `sys.exc_info()` sees it).
                let leaving = match f.last_pending() {
                    Some(Pending::Raise(PyErr::Exc(e))) => Some(e.clone()),
                    _ => None,
                };
                if let Some(e) = &leaving {
                    f.info.handled.borrow_mut().push(e.clone());
                }
                let r = call(interp, &exit_fn, args);
                if leaving.is_some() {
                    f.info.handled.borrow_mut().pop();
                }
                r?
            };
            f.slots[*result as usize] = Some(r);
        }
        Op::WithEnd { result } => {
            let p = f.pop_pending();
            let r = f.slots[*result as usize].take().unwrap_or_default();
            if let Pending::Raise(PyErr::Exc(_)) = &p {
                if ops::truthy(interp, &r)? {
                    return Ok(Flow::Next);
                }
            }
            return resume_pending(f, p);
        }
        Op::Await(e, _) => {
            let v = eval(interp, f, e)?;
            f.suspended = Some(pc);
            return Ok(Flow::Exit(Exit::Await(v)));
        }
        Op::Yield(e, _) => {
            let v = match e {
                Some(e) => eval(interp, f, e)?,
                None => Value::None,
            };
            f.suspended = Some(pc);
            return Ok(Flow::Exit(Exit::Yield(v)));
        }
        Op::YieldFrom(slot, target) => {
            if let Some(exit) = yield_from(interp, f, *slot, target.as_ref(), None, pc)? {
                return Ok(Flow::Exit(exit));
            }
        }
        Op::MakeFunction(def, target) => {
            let mut decorators = Vec::with_capacity(def.decorators.len());
            for d in &def.decorators {
                decorators.push(eval(interp, f, d)?);
            }
            let mut func = make_function(interp, f, def)?;
            for d in decorators.iter().rev() {
                func = call(interp, d, Args { pos: vec![func], kw: vec![] })?;
            }
            assign(interp, f, target, func)?;
        }
        Op::MakeClass(def, target) => {
            let mut decorators = Vec::with_capacity(def.decorators.len());
            for d in &def.decorators {
                decorators.push(eval(interp, f, d)?);
            }
            let mut class = make_class(interp, f, def)?;
            for d in decorators.iter().rev() {
                class = call(interp, d, Args { pos: vec![class], kw: vec![] })?;
            }
            assign(interp, f, target, class)?;
        }
        Op::Import(name, target, whole) => {
            let m = import_module(interp, name)?;
            let bound = if *whole || !name.contains('.') {
                m
            } else {
                import_module(interp, name.split('.').next().unwrap_or(name))?
            };
            assign(interp, f, target, bound)?;
        }
        Op::ImportFrom(module, names) => {
            let m = import_module(interp, module)?;
            for (name, target) in names {
                let v = match &m {
                    Value::Module(md) => match super::attr::module_attr(interp, md, name) {
                        Err(e) if e.is(&interp.types.exc("AttributeError")) => None,
                        found => found?,
                    },
                    _ => None,
                };
                let Some(v) = v else {
                    return Err(interp.err(
                        "ImportError",
                        format!("cannot import name '{name}' from '{module}' (unknown location)"),
                    ));
                };
                assign(interp, f, target, v)?;
            }
        }
        Op::ImportStar(module) => import_star(interp, f, module)?,
        Op::Leave { depth, to } => return Ok(do_leave(f, *depth, *to)),
        Op::TopCall(e, target) => {
            // A plain function that cannot reach asyncio.run (or any, away from the driver) is
            // an ordinary call.
            let driver = f.driver;
            let ordinary = |func: &Function| !driver || !func.code.drives;
            let (callee, args) = match e {
                Expr::Call(func, args) => {
                    let callee = eval(interp, f, func)?;
                    if let Value::Func(func) = &callee {
                        if ordinary(func) && super::call::simple_call(func, args, false) {
                            let r = super::call::call_simple(interp, f, func.clone(), args, None)?;
                            assign_here(interp, f, target, r)?;
                            return Ok(Flow::Next);
                        }
                    }
                    let args = super::eval::eval_args(interp, f, args, &|| super::eval::function_str(interp, &callee))?;
                    (callee, args)
                }
                Expr::CallMethod(obj, name, args, site) => {
                    let o = eval(interp, f, obj)?;
                    if let Some(func) = super::eval::instance_method(&o, name, site) {
                        if ordinary(&func) && super::call::simple_call(&func, args, true) {
                            let r = super::call::call_simple(interp, f, func, args, Some(o))?;
                            assign_here(interp, f, target, r)?;
                            return Ok(Flow::Next);
                        }
                    }
                    (
                        super::attr::get_attr(interp, &o, name)?,
                        super::eval::eval_args(interp, f, args, &|| super::eval::method_str(interp, &o, name))?,
                    )
                }
                other => (eval(interp, f, other)?, Args::default()),
            };
            if super::modules::asyncio::is_run(&callee) && interp.copy.get() == super::interp::CopyPhase::TopLevel {
                // A copy of the program (a to_thread worker) only needs its definitions.
                for c in args.pos.iter().filter_map(|c| c.downcast::<super::coro::Coroutine>()) {
                    c.close();
                }
                interp.copy_skipped_run.set(true);
                assign(interp, f, target, Value::None)?;
                return Ok(Flow::Next);
            }
            if f.driver && super::modules::asyncio::is_run(&callee) {
                f.suspended = Some(pc);
                return Ok(Flow::Exit(Exit::Await(super::modules::asyncio::run_request_value(&callee, args))));
            }
            if f.driver {
                // A plain function called by the program's top level (or by such a function)
                // runs as the driver too, so it may call asyncio.run: its frame goes on the
                // driver's own stack rather than this native one.
                let plain = |c: &Value| matches!(c, Value::Func(func) if func.code.kind == CodeKind::Function && func.code.drives);
                let driven = match &callee {
                    Value::Func(func) if plain(&callee) => Some((func.clone(), None)),
                    Value::Method(m) if plain(&m.func) => match &m.func {
                        Value::Func(func) => Some((func.clone(), Some(m.this.clone()))),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some((func, this)) = driven {
                    let mut args = args;
                    if let Some(this) = this {
                        args.pos.insert(0, this);
                    }
                    let mut frame = super::call::bind(interp, &func, args)?;
                    frame.driver = true;
                    f.suspended = Some(pc);
                    return Ok(Flow::Exit(Exit::Call(Box::new(frame))));
                }
            }
            let v = call(interp, &callee, args)?;
            assign(interp, f, target, v)?;
        }
        Op::MatchClass { subject, class, npos, kw, into, fail } => {
            if !match_class(interp, f, *subject, class, *npos as usize, kw, *into as usize)? {
                f.pc = *fail as usize;
            }
        }
        Op::MatchSequence { subject, before, star, after, into, fail } => {
            if !match_sequence(interp, f, *subject, *before as usize, *star, *after as usize, *into as usize)? {
                f.pc = *fail as usize;
            }
        }
        Op::MatchMapping { subject, keys, rest, into, fail } => {
            if !match_mapping(interp, f, *subject, keys, *rest, *into as usize)? {
                f.pc = *fail as usize;
            }
        }
        Op::Annotate(name, e, src) => {
            let v = eval_annotation(interp, f, e, src)?;
            let d = annotations_of(f);
            if let Value::Dict(d) = &d {
                d.borrow_mut().set_str(name, v);
            }
        }
        Op::SetupAnnotations => {
            let key = Name::from("__annotations__");
            match &f.namespace {
                Some(ns) => {
                    ns.borrow_mut().insert(key, Value::dict(Dict::new()));
                }
                None => {
                    f.globals.globals.borrow_mut().entry(key).or_insert_with(|| Value::dict(Dict::new()));
                }
            }
        }
        Op::Collect(slot, e) => {
            let v = eval(interp, f, e)?;
            match &f.slots[*slot as usize] {
                Some(Value::List(l)) => {
                    let mut l = l.borrow_mut();
                    ops::check_size(interp, l.len() + 1)?;
                    l.push(v);
                }
                Some(Value::Set(s)) => {
                    let k = ops::key_in(interp, s, v)?;
                    s.borrow_mut().items.insert(k);
                }
                _ => {}
            }
        }
        Op::CollectPair(slot, k, v) => {
            let k = eval(interp, f, k)?;
            let v = eval(interp, f, v)?;
            if let Some(Value::Dict(d)) = &f.slots[*slot as usize] {
                let k = ops::key_in(interp, d, k)?;
                d.borrow_mut().insert(k, v);
            }
        }
        Op::Nop => {}
    }
    Ok(Flow::Next)
}

/// `raise exc from cause` (or a bare `raise`).
fn raise(interp: &Interp, f: &mut Frame, exc: Option<&Expr>, cause: Option<&Expr>) -> R<PyErr> {
    let Some(exc) = exc else {
        return match handled_exception(interp, f) {
            Some(e) => Ok(PyErr::Exc(e)),
            None => Ok(interp.runtime_error("No active exception to reraise")),
        };
    };
    let v = eval(interp, f, exc)?;
    let inst = ops::to_exception(interp, v)?;
    if let Some(cause) = cause {
        let c = eval(interp, f, cause)?;
        let c = match c {
            Value::None => None,
            other => Some(Value::Instance(ops::to_exception(interp, other)?)),
        };
        if let Some(data) = &inst.exc {
            let mut d = data.borrow_mut();
            d.cause = c;
            d.suppress_context = true;
        }
    }
    // `raise e` of an exception raised (or caught) in this frame before: this frame's line
    // is the `raise` now.
    if let Some(data) = &inst.exc {
        let mut data = data.borrow_mut();
        if data.traceback.front().is_some_and(|t| t.frame == f.id) {
            data.traceback.pop_front();
        }
    }
    Ok(PyErr::Exc(inst))
}

/// Whether the handled exception matches an `except` clause's class or tuple of classes.
fn exception_matches(interp: &Interp, exc: &Rc<Instance>, classes: &Value) -> R<bool> {
    match classes {
        Value::Class(c) if c.is_exception() || Rc::ptr_eq(c, &interp.types.base_exception) => {
            Ok(exc.class.is_subclass(c))
        }
        Value::Tuple(items) => {
            let _level = interp.nest(" in __instancecheck__")?;
            for item in items.iter() {
                if exception_matches(interp, exc, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(interp.type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

/// An exception thrown into a frame suspended at `yield from`: a generator it delegates to
/// gets it first (closed, for GeneratorExit), and the frame goes on with what that does; any
/// other iterator leaves it to the frame.
fn throw_into_delegate(
    interp: &Interp,
    f: &mut Frame,
    slot: u32,
    target: Option<&Target>,
    e: Option<PyErr>,
    pc: usize,
) -> R<Option<Exit>> {
    let Some(e) = e else { return Ok(None) };
    let it = f.slots[slot as usize].clone().unwrap_or_default();
    if it.downcast::<super::coro::Generator>().is_none() {
        return Err(e);
    }
    if e.is(&interp.types.exc("GeneratorExit")) {
        f.slots[slot as usize] = None;
        super::coro::close(interp, &it)?;
        return Err(e);
    }
    let outcome = super::coro::throw(interp, &it, e)?;
    delegate_went_on(interp, f, slot, target, pc, outcome)
}

// ----- match statements ------------------------------------------------------------------

/// `case Cls(…)`: whether the subject is an instance of the class; its attributes go in the
/// slots from `into` (CPython's `MATCH_CLASS`).
#[inline(never)]
fn match_class(
    interp: &Interp,
    f: &mut Frame,
    subject: u32,
    class: &Expr,
    npos: usize,
    kw: &[Name],
    into: usize,
) -> R<bool> {
    let class = eval(interp, f, class)?;
    let Value::Class(c) = &class else { return Err(interp.type_error("called match pattern must be a type")) };
    let v = f.slots[subject as usize].clone().unwrap_or_default();
    if !interp.isinstance(&v, c) {
        return Ok(false);
    }
    let mut names: Vec<Name> = Vec::with_capacity(npos + kw.len());
    // `int(x)`, `str(s)`…: one positional sub-pattern matches the subject itself.
    let whole = !c.user
        && npos > 0
        && matches!(
            c.builtin,
            BuiltinType::Bool
                | BuiltinType::Int
                | BuiltinType::Float
                | BuiltinType::Str
                | BuiltinType::List
                | BuiltinType::Tuple
                | BuiltinType::Dict
                | BuiltinType::Set
                | BuiltinType::FrozenSet
        );
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if whole {
        if npos > 1 {
            return Err(interp.type_error(format!("{}() accepts 1 positional sub-pattern ({npos} given)", c.name)));
        }
    } else if npos > 0 {
        let args = match &c.lookup("__match_args__") {
            None => Vec::new(),
            Some(Value::Tuple(t)) => t.to_vec(),
            Some(other) => {
                return Err(interp.type_error(format!(
                    "{}.__match_args__ must be a tuple (got {})",
                    c.name,
                    other.type_name()
                )))
            }
        };
        if npos > args.len() {
            return Err(interp.type_error(format!(
                "{}() accepts {} positional sub-pattern{} ({npos} given)",
                c.name,
                args.len(),
                plural(args.len())
            )));
        }
        for a in &args[..npos] {
            match a {
                Value::Str(s) => names.push(s.clone()),
                other => {
                    return Err(interp
                        .type_error(format!("__match_args__ elements must be strings (got {})", other.type_name())))
                }
            }
        }
    }
    for k in kw {
        if names.contains(k) {
            return Err(interp.type_error(format!("{}() got multiple sub-patterns for attribute '{k}'", c.name)));
        }
        names.push(k.clone());
    }
    let mut values = Vec::with_capacity(npos + kw.len());
    if whole {
        values.push(v.clone());
    }
    for name in &names {
        match super::attr::get_attr(interp, &v, name) {
            Ok(x) => values.push(x),
            Err(e) if e.is(&interp.types.exc("AttributeError")) => return Ok(false),
            Err(e) => return Err(e),
        }
    }
    fill(f, into, values);
    Ok(true)
}

/// Puts what a pattern took apart in the slots from `into` (the compiler made them).
fn fill(f: &mut Frame, into: usize, values: Vec<Value>) {
    for (slot, v) in f.slots.iter_mut().skip(into).zip(values) {
        *slot = Some(v);
    }
}

/// An instance of one of the engine's own `collections` classes named here (they stand in for
/// CPython's, which are registered as sequences or mappings).
fn collections_instance(v: &Value, names: &[&str]) -> bool {
    let Value::Instance(i) = v else { return false };
    i.class.lineage().any(|c| &*c.module_name() == "collections" && names.contains(&&*c.name))
}

/// `case [a, *rest, b]`: the items, when the subject is a sequence (not a str) long enough;
/// the starred part (captured or not) takes its place, as a list when captured.
#[inline(never)]
fn match_sequence(
    interp: &Interp,
    f: &mut Frame,
    subject: u32,
    before: usize,
    star: Option<bool>,
    after: usize,
    into: usize,
) -> R<bool> {
    let v = f.slots[subject as usize].clone().unwrap_or_default();
    let items = match &v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        Value::Object(o) if o.as_any().is::<super::objects::RangeObj>() => ops::collect(interp, &v)?,
        _ if collections_instance(&v, &["deque"]) => ops::collect(interp, &v)?,
        _ => return Ok(false),
    };
    let fixed = before + after;
    let fits = match star {
        None => items.len() == fixed,
        Some(_) => items.len() >= fixed,
    };
    if !fits {
        return Ok(false);
    }
    let mut out: Vec<Value> = items[..before].to_vec();
    if let Some(captured) = star {
        let middle = &items[before..items.len() - after];
        out.push(if captured { Value::list(middle.to_vec()) } else { Value::None });
        out.extend_from_slice(&items[items.len() - after..]);
    }
    fill(f, into, out);
    Ok(true)
}

/// `case {k: p, **rest}`: the values of the keys (then, with `rest`, a dict of the other
/// items), when the subject is a mapping that has them all.
#[inline(never)]
fn match_mapping(interp: &Interp, f: &mut Frame, subject: u32, key_exprs: &[Expr], rest: bool, into: usize) -> R<bool> {
    let mut keys = Vec::with_capacity(key_exprs.len());
    for k in key_exprs {
        keys.push(eval(interp, f, k)?);
    }
    let subject = f.slots[subject as usize].clone().unwrap_or_default();
    let v = &subject;
    let mapping = matches!(v, Value::Dict(_)) || collections_instance(v, &["_DictLike", "ChainMap"]);
    if !mapping {
        return Ok(false);
    }
    for (i, k) in keys.iter().enumerate() {
        if keys[..i].iter().any(|earlier| ops::eq(interp, earlier, k).unwrap_or(false)) {
            return Err(interp.value_error(format!("mapping pattern checks duplicate key ({})", ops::repr(interp, k)?)));
        }
    }
    let mut values = Vec::with_capacity(keys.len() + rest as usize);
    for k in &keys {
        if !ops::contains(interp, v, k)? {
            return Ok(false);
        }
        values.push(ops::get_item(interp, v, k)?);
    }
    if rest {
        let mut others = Dict::new();
        for (k, x) in ops::mapping_items(interp, v)? {
            if !keys.iter().any(|w| ops::eq(interp, w, &k).unwrap_or(false)) {
                let k = ops::key_into(interp, &others, k)?;
                others.insert(k, x);
            }
        }
        values.push(Value::dict(others));
    }
    fill(f, into, values);
    Ok(true)
}

/// `yield from it`: forwards one value in (or starts), and either yields what the
/// sub-iterator yields or, when it ends, stores its return value and moves on.
fn yield_from(
    interp: &Interp,
    f: &mut Frame,
    slot: u32,
    target: Option<&Target>,
    sent: Option<Value>,
    pc: usize,
) -> R<Option<Exit>> {
    let it = f.slots[slot as usize].clone().unwrap_or_default();
    let outcome = super::coro::step(interp, &it, sent)?;
    delegate_went_on(interp, f, slot, target, pc, outcome)
}

/// After the iterator a `yield from` delegates to took a step: it yielded (the frame yields
/// that and stays at the op), or it returned (its value goes to the target, the frame moves on).
fn delegate_went_on(
    interp: &Interp,
    f: &mut Frame,
    slot: u32,
    target: Option<&Target>,
    pc: usize,
    outcome: Result<Value, Value>,
) -> R<Option<Exit>> {
    match outcome {
        Ok(v) => {
            f.pc = pc;
            f.suspended = Some(pc);
            Ok(Some(Exit::Yield(v)))
        }
        Err(returned) => {
            f.slots[slot as usize] = None;
            if let Some(t) = target {
                assign(interp, f, t, returned)?;
            }
            f.pc = pc + 1;
            Ok(None)
        }
    }
}

// ----- names and targets -----------------------------------------------------------------

pub fn load(interp: &Interp, f: &Frame, var: &Var) -> R<Value> {
    match var {
        Var::Local(s) => f.slots[*s as usize].clone().ok_or_else(|| {
            let name = f.code.slot_names.get(*s as usize).cloned().unwrap_or_else(|| Name::from("?"));
            interp.err(
                "UnboundLocalError",
                format!("cannot access local variable '{name}' where it is not associated with a value"),
            )
        }),
        Var::Cell(i) => {
            let cell = f.cells.get(*i as usize).and_then(|c| c.borrow().clone());
            cell.ok_or_else(|| {
                let own = f.code.cell_slots.len();
                let name = if (*i as usize) < own {
                    f.code.slot_names.get(f.code.cell_slots[*i as usize]).cloned().unwrap_or_else(|| Name::from("?"))
                } else {
                    f.code.freevars.get(*i as usize - own).cloned().unwrap_or_else(|| Name::from("?"))
                };
                interp.err("NameError", format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
            })
        }
        Var::Global(n, hint) => load_global(interp, &f.globals, n, hint).map_err(|e| name_error_locals(e, f)),
        Var::Name(n) => {
            if let Some(ns) = &f.namespace {
                if let Some(v) = ns.borrow().get(n) {
                    return Ok(v.clone());
                }
            }
            load_global(interp, &f.globals, n, &Hint::default()).map_err(|e| name_error_locals(e, f))
        }
    }
}

/// An annotation's value. One the engine cannot evaluate (a typing construct it lacks) is
/// kept as its source text, as under `from __future__ import annotations`; a name that is not
/// defined (a typo, a class defined further down) is CPython's NameError too.
pub fn eval_annotation(interp: &Interp, f: &mut Frame, e: &Expr, src: &Rc<str>) -> R<Value> {
    match eval(interp, f, e) {
        Ok(v) => Ok(v),
        Err(e) if matches!(e, PyErr::Stop(_)) || e.is(&interp.types.exc("NameError")) => Err(e),
        Err(_) => Ok(Value::Str(src.clone())),
    }
}

/// The `__annotations__` of a class body or module being run (made if missing).
fn annotations_of(f: &Frame) -> Value {
    let key = Name::from("__annotations__");
    match &f.namespace {
        Some(ns) => ns.borrow_mut().entry(key).or_insert_with(|| Value::dict(Dict::new())).clone(),
        None => f.globals.globals.borrow_mut().entry(key).or_insert_with(|| Value::dict(Dict::new())).clone(),
    }
}

/// A `NameError`'s hint also looks at the raising function's local variables (CPython's
/// `co_varnames`: none for a module's or class body's code).
#[cold]
#[inline(never)]
fn name_error_locals(e: PyErr, f: &Frame) -> PyErr {
    if let PyErr::Exc(i) = &e {
        if let Some(mut data) = i.exc.as_ref().map(|d| d.borrow_mut()) {
            if let Some(s) = data.suggest.as_deref_mut() {
                if let (Suggest::Name(_, locals, _), false) =
                    (s, matches!(f.code.kind, CodeKind::Module) || f.namespace.is_some())
                {
                    // A variable living in a cell is not in `co_varnames`, unless a parameter.
                    let params = f.code.params.count();
                    *locals = (f.code.slot_names.iter().enumerate())
                        .filter(|(i, n)| !n.is_empty() && (*i < params || !f.code.cell_slots.contains(i)))
                        .map(|(_, n)| n.clone())
                        .collect();
                }
            }
        }
    }
    e
}

pub fn load_global(interp: &Interp, globals: &Rc<Module>, name: &Name, hint: &Hint) -> R<Value> {
    if let Some(v) = hint.get(&globals.globals.borrow(), name) {
        return Ok(v);
    }
    if let Some(v) = interp.builtins.globals.borrow().get(name) {
        return Ok(v.clone());
    }
    Err(name_error(interp, globals, name))
}

#[cold]
#[inline(never)]
fn name_error(interp: &Interp, globals: &Rc<Module>, name: &Name) -> PyErr {
    let e = interp.err("NameError", format!("name '{name}' is not defined"));
    if let PyErr::Exc(i) = &e {
        if let Some(mut data) = i.exc.as_ref().map(|d| d.borrow_mut()) {
            data.suggest = Some(Box::new(Suggest::Name(name.clone(), Vec::new(), globals.clone())));
        }
    }
    e
}

fn store(f: &mut Frame, var: &Var, v: Value) {
    match var {
        Var::Local(s) => f.slots[*s as usize] = Some(v),
        Var::Cell(i) => {
            if let Some(c) = f.cells.get(*i as usize) {
                *c.borrow_mut() = Some(v);
            }
        }
        Var::Global(n, _) => f.globals.store_global(n, v),
        Var::Name(n) => match &f.namespace {
            Some(ns) => {
                ns.borrow_mut().insert(n.clone(), v);
            }
            None => f.globals.store_global(n, v),
        },
    }
}

#[inline(never)]
pub fn assign(interp: &Interp, f: &mut Frame, t: &Target, v: Value) -> R<()> {
    match t {
        Target::Var(var) => store(f, var, v),
        Target::Attr(obj, name, hint) => {
            let o = eval(interp, f, obj)?;
            super::attr::set_attr_at(interp, &o, name, v, hint)?;
        }
        Target::Item(obj, index) => {
            let o = eval(interp, f, obj)?;
            let i = eval(interp, f, index)?;
            ops::set_item(interp, &o, i, v)?;
        }
        Target::Unpack(targets, star) => {
            let items = unpack(interp, v, targets.len(), *star)?;
            for (t, item) in targets.iter().zip(items) {
                assign(interp, f, t, item)?;
            }
        }
    }
    Ok(())
}

/// Splits an iterable into `n` values for `a, *b, c = v`, with CPython's messages.
fn unpack(interp: &Interp, v: Value, n: usize, star: Option<usize>) -> R<Vec<Value>> {
    let items = match &v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        _ => {
            let it = ops::iter(interp, &v)
                .map_err(|_| interp.type_error(format!("cannot unpack non-iterable {} object", v.type_name())))?;
            let mut out = Vec::new();
            while let Some(x) = ops::next(interp, &it)? {
                out.push(x);
                if star.is_none() && out.len() > n {
                    break;
                }
            }
            out
        }
    };
    match star {
        None => {
            if items.len() < n {
                return Err(
                    interp.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len()))
                );
            }
            if items.len() > n {
                return Err(interp.value_error(format!("too many values to unpack (expected {n})")));
            }
            Ok(items)
        }
        Some(s) => {
            let fixed = n - 1;
            if items.len() < fixed {
                return Err(interp.value_error(format!(
                    "not enough values to unpack (expected at least {fixed}, got {})",
                    items.len()
                )));
            }
            let after = fixed - s;
            let mut out: Vec<Value> = items[..s].to_vec();
            out.push(Value::list(items[s..items.len() - after].to_vec()));
            out.extend_from_slice(&items[items.len() - after..]);
            Ok(out)
        }
    }
}

/// Whether evaluating `e` leaves the frame's local variables as they are: it is no `:=` (nor
/// holds one), the only expression that binds one.
fn binds_no_local(e: &Expr) -> bool {
    matches!(e, Expr::Const(_) | Expr::Load(_) | Expr::BinLocal(..) | Expr::CompareLocal(..))
}

fn aug_assign(interp: &Interp, f: &mut Frame, t: &Target, op: BinOp, e: &Expr) -> R<()> {
    match t {
        // `x op= e` of a bound local `x` and an `e` that cannot rebind it: `x` is read where it
        // stands once `e` is evaluated, and `e` too when it is a constant or a local, so an int
        // sum copies nothing out.
        Target::Var(Var::Local(s)) if binds_no_local(e) && matches!(f.slots.get(*s as usize), Some(Some(_))) => {
            let evaluated = match super::eval::in_place(f, e) {
                Some(_) => None,
                None => Some(eval(interp, f, e)?),
            };
            let unbound = || interp.runtime_error("unbound operand");
            let v = evaluated.as_ref().or_else(|| super::eval::in_place(f, e)).ok_or_else(unbound)?;
            let cur = f.slots.get(*s as usize).and_then(Option::as_ref).ok_or_else(unbound)?;
            let r = match ops::int_fast(op, cur, v) {
                Some(r) => r,
                None => ops::inplace(interp, op, cur.clone(), v.clone())?,
            };
            drop(evaluated);
            if let Some(slot) = f.slots.get_mut(*s as usize) {
                *slot = Some(r);
            }
        }
        Target::Var(var) => {
            let cur = load(interp, f, var)?;
            let v = eval(interp, f, e)?;
            let r = match ops::int_fast(op, &cur, &v) {
                Some(r) => r,
                None => ops::inplace(interp, op, cur, v)?,
            };
            store(f, var, r);
        }
        Target::Attr(obj, name, hint) => {
            let o = eval(interp, f, obj)?;
            let cur = super::attr::get_attr_at(interp, &o, name, hint)?;
            let v = eval(interp, f, e)?;
            let r = match ops::int_fast(op, &cur, &v) {
                Some(r) => r,
                None => ops::inplace(interp, op, cur, v)?,
            };
            super::attr::set_attr_at(interp, &o, name, r, hint)?;
        }
        Target::Item(obj, index) => {
            let o = eval(interp, f, obj)?;
            let i = eval(interp, f, index)?;
            let cur = ops::get_item(interp, &o, &i)?;
            let v = eval(interp, f, e)?;
            let r = ops::inplace(interp, op, cur, v)?;
            ops::set_item(interp, &o, i, r)?;
        }
        Target::Unpack(..) => return Err(interp.err("SyntaxError", "illegal expression for augmented assignment")),
    }
    Ok(())
}

fn delete(interp: &Interp, f: &mut Frame, t: &Target) -> R<()> {
    match t {
        Target::Var(var) => match var {
            Var::Local(s) => {
                if f.slots[*s as usize].take().is_none() {
                    let name = f.code.slot_names.get(*s as usize).cloned().unwrap_or_else(|| Name::from("?"));
                    return Err(interp.err(
                        "UnboundLocalError",
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    ));
                }
            }
            Var::Cell(i) => {
                if let Some(c) = f.cells.get(*i as usize) {
                    c.borrow_mut().take();
                }
            }
            Var::Global(n, _) => {
                if !f.globals.delete_global(n) {
                    return Err(interp.err("NameError", format!("name '{n}' is not defined")));
                }
            }
            Var::Name(n) => {
                let removed = match &f.namespace {
                    Some(ns) => ns.borrow_mut().shift_remove(n).is_some(),
                    None => f.globals.delete_global(n),
                };
                if !removed {
                    return Err(interp.err("NameError", format!("name '{n}' is not defined")));
                }
            }
        },
        Target::Attr(obj, name, _) => {
            let o = eval(interp, f, obj)?;
            super::attr::del_attr(interp, &o, name)?;
        }
        Target::Item(obj, index) => {
            let o = eval(interp, f, obj)?;
            let i = eval(interp, f, index)?;
            ops::del_item(interp, &o, i)?;
        }
        Target::Unpack(targets, _) => {
            for t in targets {
                delete(interp, f, t)?;
            }
        }
    }
    Ok(())
}
