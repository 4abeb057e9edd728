//! The compact form a program runs in: statements become a flat list of [`Op`]s (control flow
//! as jumps, `try`/`with` as handler blocks), expressions stay trees of [`Expr`] with every name
//! resolved to a slot, a cell or a global. Expressions never contain `await` or `yield`: the
//! compiler ([`super::lower`]) hoists those into [`Op::Await`] / [`Op::Yield`] in evaluation
//! order, so a frame can suspend only between ops. That is what lets the executor be a plain
//! loop that returns at an await (as CPython's eval loop does), instead of a tree of futures.

use std::rc::Rc;

use super::value::{Attrs, SiteHint, Value};

pub type Name = Rc<str>;

/// What kind of code object this is; decides what calling it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    /// `async def`: calling it makes a coroutine object.
    Coroutine,
    /// A `def` with `yield`: calling it makes a generator object.
    Generator,
    /// An `async def` with `yield`.
    AsyncGenerator,
    /// A class body: names live in the class namespace.
    Class,
}

/// A parameter list, as slots of the function's frame.
#[derive(Debug, Default)]
pub struct Params {
    /// Positional parameters (positional-only first), by name, each in slot `i`.
    pub positional: Vec<Name>,
    /// How many of `positional` are positional-only.
    pub posonly: usize,
    /// Slot of `*args`, if any (right after the positional ones).
    pub varargs: Option<Name>,
    pub kwonly: Vec<Name>,
    pub varkw: Option<Name>,
}

impl Params {
    /// Slots taken by parameters: positional, then `*args`, then keyword-only, then `**kwargs`.
    #[inline(always)]
    pub fn count(&self) -> usize {
        self.positional.len() + self.varargs.is_some() as usize + self.kwonly.len() + self.varkw.is_some() as usize
    }
}

/// A compiled function, class body, comprehension or module.
#[derive(Debug)]
pub struct Code {
    /// Its place in [`super::lower::Compiled::codes`]: the same source compiles to the same numbering, so a
    /// function can be named to a copy of the program (a `to_thread` worker) by this number.
    pub id: u32,
    pub name: Name,
    pub qualname: Name,
    pub kind: CodeKind,
    pub params: Params,
    /// Local slots: parameters first, then named locals, then compiler temporaries.
    pub nslots: usize,
    /// Names of the slots (temporaries are named `""`), for error messages and `locals()`.
    pub slot_names: Vec<Name>,
    /// Slots whose variables are captured by inner functions: they live in cells.
    pub cell_slots: Vec<usize>,
    /// Names this code uses from enclosing functions, in closure order.
    pub freevars: Vec<Name>,
    pub ops: Vec<Op>,
    /// The source line of each op.
    pub lines: Vec<u32>,
    pub first_line: u32,
    /// Whether the code has `yield` (generators).
    pub has_yield: bool,
    /// A function's docstring (its `__doc__`); a class's or module's is assigned by its code.
    pub doc: Option<Name>,
    /// Has a statement call ([`Op::TopCall`]), through which it may call `asyncio.run`: a
    /// plain function like this, called by the program's top level, runs as the driver. One
    /// without runs as an ordinary call, since nothing in it can reach `asyncio.run`.
    pub drives: bool,
    /// Names `super`, so its frames keep their first argument (see `FrameInfo::first_arg`).
    pub uses_super: bool,
}

/// Where a name lives.
#[derive(Clone, Debug)]
pub enum Var {
    /// A local slot of the frame.
    Local(u32),
    /// A cell: index into the frame's cells (own captured locals first, then free variables).
    Cell(u32),
    /// The module's globals, then builtins.
    Global(Name, Hint),
    /// A class body's namespace, then globals, then builtins.
    Name(Name),
}

/// Where a name was last found in an ordered map (a module's globals, an instance's
/// attributes): a load checks that entry first (an index and a pointer comparison, the names
/// being interned) before hashing the name, CPython's `LOAD_GLOBAL` and `LOAD_ATTR` caches in
/// their simplest form. A stale hint only costs the hash.
#[derive(Clone, Debug, Default)]
pub struct Hint(pub std::cell::Cell<u32>);

impl Hint {
    /// `map[name]`, looked for where it was last found first; remembers where it is now.
    #[inline(always)]
    pub fn get(&self, map: &Attrs, name: &Name) -> Option<Value> {
        if let Some((key, v)) = map.get_index(self.0.get() as usize) {
            if Rc::ptr_eq(key, name) {
                return Some(v.clone());
            }
        }
        self.find(map, name)
    }

    /// [`Hint::get`] where the hint was stale: the name hashed, and its place remembered.
    #[inline(never)]
    fn find(&self, map: &Attrs, name: &Name) -> Option<Value> {
        let (at, _, v) = map.get_full(name)?;
        self.0.set(u32::try_from(at).unwrap_or(u32::MAX));
        Some(v.clone())
    }
}

/// An attribute site's memory: where the name was last found in an instance's own attributes,
/// and what the instances' class was found to hold by it.
#[derive(Debug, Default)]
pub struct AttrHint {
    pub at: Hint,
    pub class: SiteHint,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Debug)]
pub enum Expr {
    Const(Value),
    Load(Var),
    /// A compiler temporary read once and emptied: a top-level call's result, which would
    /// otherwise live as long as the module (a coroutine dropped there warns at its line).
    Take(u32),
    /// `obj.name`, with what the site learnt of the instances it read (boxed: rarely read
    /// beside the rest, and expressions stay small).
    Attr(Box<Expr>, Name, Box<AttrHint>),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Call(Box<Expr>, Vec<Arg>),
    /// `obj.name(args)`: looked up and called without making a bound method, with what the
    /// site learnt of the instances' class.
    CallMethod(Box<Expr>, Name, Vec<Arg>, Box<SiteHint>),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    /// `local op operand` (`n - 1`, `total + x`): both operands read in place instead of
    /// evaluated as two sub-expressions, the shape loops and recursive calls spend their time in.
    BinLocal(BinOp, u32, Operand),
    Unary(UnaryOp, Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `local op operand` as a single comparison (`n < 2`, `i < n`), read in place.
    CompareLocal(CmpOp, u32, Operand),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Tuple(Vec<Elt>),
    List(Vec<Elt>),
    Set(Vec<Elt>),
    /// A set display of constants that CPython folds into a frozenset constant: built from the
    /// keys in turn, then rebuilt in its own order (the compiler's constant merging). A display
    /// (`true`: three or more keys) is that frozenset merged into a new set; a loop's iterable
    /// (`false`) is the frozenset itself. Each step lays the table out, and so orders it, anew.
    ConstSet(Vec<Elt>, bool),
    Dict(Vec<DictElt>),
    FString(Vec<FPart>),
    Lambda(Rc<FuncDef>),
    /// A comprehension or generator expression: its own code, run on the outermost iterable.
    Comp(Rc<CompDef>, Box<Expr>),
    /// `target := value`
    Named(Var, Box<Expr>),
}

/// The right operand of [`Expr::BinLocal`] and [`Expr::CompareLocal`].
#[derive(Debug)]
pub enum Operand {
    Local(u32),
    Const(Value),
}

impl Operand {
    /// `l op r` as a local and an operand, when `l` is a local and `r` a local or a constant.
    pub fn split(l: Expr, r: Expr) -> Result<(u32, Operand), (Expr, Expr)> {
        match (l, r) {
            (Expr::Load(Var::Local(s)), Expr::Load(Var::Local(t))) => Ok((s, Operand::Local(t))),
            (Expr::Load(Var::Local(s)), Expr::Const(v)) => Ok((s, Operand::Const(v))),
            (l, r) => Err((l, r)),
        }
    }
}

#[derive(Debug)]
pub enum Elt {
    One(Expr),
    Star(Expr),
}

#[derive(Debug)]
pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(Name, Expr),
    StarStar(Expr),
}

#[derive(Debug)]
pub enum DictElt {
    Pair(Expr, Expr),
    Spread(Expr),
}

#[derive(Debug)]
pub enum FPart {
    Lit(Name),
    Value {
        expr: Expr,
        /// `!s`, `!r`, `!a`
        conversion: Option<char>,
        spec: Option<Vec<FPart>>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

/// A comprehension's code: a function of one argument (the outermost iterator) that loops and
/// collects (or yields, for a generator expression).
#[derive(Debug)]
pub struct CompDef {
    pub kind: CompKind,
    pub code: Rc<Code>,
    /// Cells the comprehension captures from the enclosing frame, in `code.freevars` order.
    pub closure: Vec<Var>,
    /// `[x async for x in it]`: the outermost iterable is an async iterable, passed as is (the
    /// comprehension's code gets its async iterator).
    pub async_outer: bool,
}

/// A `def`, `async def` or `lambda`.
#[derive(Debug)]
pub struct FuncDef {
    pub code: Rc<Code>,
    /// Defaults of the last positional parameters, evaluated when the `def` runs.
    pub defaults: Vec<Expr>,
    pub kw_defaults: Vec<(Name, Expr)>,
    pub decorators: Vec<Expr>,
    pub closure: Vec<Var>,
    /// Its `__annotations__`: each parameter's (then `return`) annotation, evaluated when the
    /// `def` runs, with its source text.
    pub annotations: Vec<(Name, Expr, Name)>,
}

/// A `class` statement.
#[derive(Debug)]
pub struct ClassDef {
    pub name: Name,
    pub qualname: Name,
    pub bases: Vec<Arg>,
    pub body: Rc<Code>,
    pub closure: Vec<Var>,
    pub decorators: Vec<Expr>,
}

/// Where an assignment stores.
#[derive(Debug)]
pub enum Target {
    Var(Var),
    Attr(Expr, Name, Box<AttrHint>),
    Item(Expr, Expr),
    /// `a, *b, c = …`: the index of the starred target, if any.
    Unpack(Vec<Target>, Option<usize>),
}

#[derive(Debug)]
pub enum Op {
    /// An expression statement: evaluate, discard.
    Expr(Expr),
    Assign(Target, Expr),
    /// `target op= value`: the target's object and index are evaluated once.
    AugAssign(Target, BinOp, Expr),
    Delete(Target),
    Jump(u32),
    /// Jumps when the expression's truth equals the flag.
    JumpIf(Expr, bool, u32),
    Return(Option<Expr>),
    /// `raise exc from cause`; `Raise(None, None)` re-raises the exception being handled.
    Raise(Option<Expr>, Option<Expr>),
    Assert(Expr, Option<Expr>),
    /// Puts `iter(value)` in a slot.
    GetIter(Expr, u32),
    /// Next item of the iterator in the slot into the target, or jump when exhausted.
    ForIter(u32, Target, u32),
    /// `async for`: `value.__aiter__()` into a slot.
    GetAIter(Expr, u32),
    /// `async for`: the awaitable `slot.__anext__()` into a temp slot (an `Await` follows).
    ANext(u32, u32),
    /// Handlers: `except` clauses at the pc, run when the block's code raises.
    SetupExcept(u32),
    /// A `finally` (or `with` exit) at the pc, run however the block is left.
    SetupFinally(u32),
    PopBlock,
    /// Enters the `finally` at the pc on the normal path (nothing pending).
    EnterFinally(u32),
    /// End of a `finally`: carries on with whatever was pending (an exception, a return, a
    /// break).
    EndFinally,
    /// In an `except` clause: if the exception being handled is not an instance of the
    /// class(es), jump to the next clause.
    ExceptMatch(Expr, u32),
    /// `except … as name`: binds the exception being handled.
    BindExc(Target),
    /// End of an `except` body: the exception is handled.
    PopExcept,
    /// No clause matched: the exception carries on.
    Reraise,
    /// `except*` handlers begin: the state in the slot tracks the exception being handled,
    /// what is left of it and what the handlers raised.
    StarStart(u32),
    /// An `except* T` clause: the part of what is left that matches `T` goes in `into` and is
    /// handled while the clause runs; none: jump to `next`.
    StarMatch {
        types: Expr,
        state: u32,
        into: u32,
        next: u32,
    },
    /// An `except*` clause's body raised: noted, and handled.
    StarRaised(u32),
    /// After the `except*` clauses: raises what they raised and what none matched, or ends
    /// the handling.
    StarEnd(u32),
    /// `with`: evaluates the manager; its exit method goes in `exit`, the manager in
    /// `mgr`, what `__enter__` returned (or `__aenter__`'s awaitable) in `value`.
    WithEnter {
        ctx: Expr,
        is_async: bool,
        mgr: u32,
        exit: u32,
        value: u32,
    },
    /// At a `with`'s `finally`: calls the exit method with what is pending (the exception, or
    /// `None`s) and puts its result (or its awaitable, for `async with`) in `result`.
    WithExit {
        exit: u32,
        result: u32,
    },
    /// After `WithExit` (and its await): an exception the exit method's result says to
    /// swallow is dropped; everything else carries on as `EndFinally` would.
    WithEnd {
        result: u32,
    },
    /// Suspends the frame on the awaitable; the result goes to the target.
    Await(Expr, Option<Target>),
    /// Suspends a generator with a value; what `send()` passes in goes to the target.
    Yield(Option<Expr>, Option<Target>),
    /// `yield from iterable`: delegates to the iterator in the slot until it ends.
    YieldFrom(u32, Option<Target>),
    MakeFunction(Rc<FuncDef>, Target),
    MakeClass(Rc<ClassDef>, Target),
    /// `import a.b as c`: the module (or the top package when no `as`) into the target.
    Import(Name, Target, bool),
    /// `from m import a as b, c`
    ImportFrom(Name, Vec<(Name, Target)>),
    /// `from m import *` (at module level): the module's public names (its `__all__`, else
    /// those not starting with `_`) into the globals.
    ImportStar(Name),
    /// `break`/`continue`: leaves blocks down to `depth` (running `finally`s), then jumps.
    Leave {
        depth: u32,
        to: u32,
    },
    /// A call at the program's top level: a call of `asyncio.run` suspends the program (the
    /// driver runs the loop); any other is an ordinary call whose result goes to the target.
    TopCall(Expr, Target),
    /// `case Cls(p, k=q)`: if the value in `subject` is an instance of the class, its
    /// attributes (the positional ones named by `__match_args__`, then the keywords) go in the
    /// slots from `into`; otherwise jump to `fail`.
    MatchClass {
        subject: u32,
        class: Expr,
        npos: u32,
        kw: Vec<Name>,
        into: u32,
        fail: u32,
    },
    /// `case [a, *rest, b]`: if the value is a sequence (not a str) of `before + after` items
    /// (at least, with a star), the items go in the slots from `into`, the starred part in
    /// its place as a list when it is captured; otherwise jump to `fail`.
    MatchSequence {
        subject: u32,
        before: u32,
        star: Option<bool>,
        after: u32,
        into: u32,
        fail: u32,
    },
    /// `case {k: p, **rest}`: if the value is a mapping with every key, their values go in the
    /// slots from `into` (then the other items as a dict, with `rest`); otherwise jump.
    MatchMapping {
        subject: u32,
        keys: Vec<Expr>,
        rest: bool,
        into: u32,
        fail: u32,
    },
    /// `name: annotation` in a class body or a module: the evaluated annotation joins
    /// `__annotations__` (dataclasses read it). The source text stands in for an annotation
    /// the engine cannot evaluate (a typing construct it lacks).
    Annotate(Name, Expr, Name),
    /// A module's or class body's `__annotations__ = {}`, when it annotates names.
    SetupAnnotations,
    /// A comprehension adds to the collection in the slot.
    Collect(u32, Expr),
    CollectPair(u32, Expr, Expr),
    Nop,
}
