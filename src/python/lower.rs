//! The compiler: Ruff's syntax tree → [`ir`](super::ir). Names get their slots from
//! [`scope`](super::scope); statements become ops; `await`/`yield` inside expressions are hoisted
//! into their own ops in Python's evaluation order (the operands evaluated before them are kept
//! in temporaries first), so an expression never suspends halfway.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;
use ruff_python_ast::{self as ast, Expr as AstExpr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use super::ir::*;
use super::scope::{children_of, interpolations, Resolution, Scopes};
use super::value::Value;

/// Something in the program the engine cannot run (a `match` statement, a huge literal…).
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub offset: u32,
    pub line: u32,
    pub message: String,
}

type Result<T> = std::result::Result<T, CompileError>;

/// Byte offsets where lines start, to turn ranges into line numbers.
pub struct Lines(Vec<u32>);

impl Lines {
    pub fn new(source: &str) -> Lines {
        let mut starts = vec![0u32];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        Lines(starts)
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: TextSize) -> u32 {
        self.0.partition_point(|&s| s <= offset.to_u32()) as u32
    }
}

/// Compiles a parsed module.
/// A compiled program: the module's code, and every code object in it by [`Code::id`].
pub struct Compiled {
    pub main: Rc<Code>,
    pub codes: Vec<Rc<Code>>,
    /// CPython's compile-time SyntaxWarnings, by line, in the order its compiler meets them.
    pub warnings: Vec<(u32, String)>,
}

pub fn compile(module: &ast::ModModule, source: &str) -> Result<Compiled> {
    let scopes = Scopes::analyse(module);
    let lines = Lines::new(source);
    if let Some((_, msg)) = scopes.errors.first() {
        return Err(CompileError { offset: 0, line: 1, message: msg.clone() });
    }
    let future_annotations = module.body.iter().any(|s| {
        matches!(s, Stmt::ImportFrom(i) if i.module.as_ref().is_some_and(|m| m.as_str() == "__future__")
            && i.names.iter().any(|a| a.name.as_str() == "annotations"))
    });
    let mut c = Compiler {
        scopes: &scopes,
        lines,
        names: HashMap::new(),
        codes: RefCell::new(Vec::new()),
        source,
        future_annotations,
        warnings: RefCell::new(Vec::new()),
    };
    let mut b = Builder::new(CodeKind::Module, 0, "<module>".into(), "<module>".into(), 1);
    if has_annotations(&module.body) {
        b.emit(Op::SetupAnnotations);
    }
    if let Some(doc) = docstring(&module.body) {
        // As CPython's module code begins: `__doc__ = '…'`.
        let target = Target::Var(Var::Global(c.intern("__doc__"), Hint::default()));
        b.emit(Op::Assign(target, Expr::Const(Value::str(doc))));
    }
    c.body(&mut b, &module.body)?;
    b.emit(Op::Return(None));
    let main = b.finish(&c);
    Ok(Compiled { main, codes: c.codes.into_inner(), warnings: c.warnings.into_inner() })
}

/// Whether CPython's compiler sees a literal here (`check_is_arg`): a constant other than
/// None, True, False and `...`, after its folding of signed numbers and tuples of constants.
fn is_literal(e: &AstExpr) -> bool {
    match e {
        AstExpr::NumberLiteral(_) | AstExpr::StringLiteral(_) | AstExpr::BytesLiteral(_) => true,
        AstExpr::UnaryOp(u) => matches!(&*u.operand, AstExpr::NumberLiteral(_)),
        AstExpr::Tuple(t) => t.elts.iter().all(|e| is_literal(e) || is_singleton(e)),
        _ => false,
    }
}

fn is_singleton(e: &AstExpr) -> bool {
    matches!(e, AstExpr::NoneLiteral(_) | AstExpr::BooleanLiteral(_) | AstExpr::EllipsisLiteral(_))
}

struct Compiler<'a> {
    scopes: &'a Scopes,
    lines: Lines,
    /// Interned names: the same identifier is one `Rc<str>` everywhere.
    names: HashMap<String, Name>,
    /// Every code object finished so far, in order.
    codes: RefCell<Vec<Rc<Code>>>,
    source: &'a str,
    /// `from __future__ import annotations`: annotations are kept as their source text.
    future_annotations: bool,
    warnings: RefCell<Vec<(u32, String)>>,
}

/// Whether a module's or class body's statements annotate a name (CPython's `find_ann`): its
/// `__annotations__` then exists from the start.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        _ => false,
    })
}

struct Loop {
    /// Where `continue` goes.
    start: u32,
    /// `break`s to patch with the loop's end.
    breaks: Vec<usize>,
    /// Blocks active when the loop began.
    depth: u32,
}

/// The code object under construction.
struct Builder {
    kind: CodeKind,
    scope: usize,
    name: Name,
    qualname: Name,
    ops: Vec<Op>,
    lines: Vec<u32>,
    line: u32,
    first_line: u32,
    slots: IndexMap<String, u32>,
    nslots: u32,
    /// Own cells first, then free variables.
    cells: IndexMap<String, u32>,
    nown_cells: usize,
    freevars: Vec<Name>,
    params: Params,
    depth: u32,
    loops: Vec<Loop>,
    /// A function's docstring.
    doc: Option<Name>,
    /// The next call lowered is a whole statement (`main()`, `x = main()`, `return main()`)
    /// of a plain function: it gets its own op, so that a function the program's top level
    /// calls may itself call `asyncio.run` (see `Op::TopCall`).
    statement_call: bool,
    /// Names `super`: its frames keep their first argument for a zero-argument `super()`.
    uses_super: bool,
    /// The innermost class this code is in, without its leading underscores: its private
    /// names (`__x`) are compiled as `_Class__x` (see [`Lowerer::private`]).
    private_class: Option<Name>,
}

impl Builder {
    fn new(kind: CodeKind, scope: usize, name: Name, qualname: Name, line: u32) -> Self {
        Builder {
            kind,
            scope,
            name,
            qualname,
            ops: Vec::new(),
            lines: Vec::new(),
            line,
            first_line: line,
            slots: IndexMap::new(),
            nslots: 0,
            cells: IndexMap::new(),
            nown_cells: 0,
            freevars: Vec::new(),
            params: Params::default(),
            depth: 0,
            loops: Vec::new(),
            doc: None,
            statement_call: false,
            uses_super: false,
            private_class: None,
        }
    }

    fn emit(&mut self, op: Op) -> usize {
        self.ops.push(op);
        self.lines.push(self.line);
        self.ops.len() - 1
    }

    fn pc(&self) -> u32 {
        self.ops.len() as u32
    }

    fn temp(&mut self) -> u32 {
        self.nslots += 1;
        self.nslots - 1
    }

    fn local(&mut self, name: &str) -> u32 {
        if let Some(&s) = self.slots.get(name) {
            return s;
        }
        let s = self.temp();
        self.slots.insert(name.to_string(), s);
        s
    }

    /// Points the jump at `at` to `to`.
    fn patch(&mut self, at: usize, to: u32) {
        match &mut self.ops[at] {
            Op::Jump(t) | Op::JumpIf(_, _, t) | Op::ForIter(_, _, t) | Op::SetupExcept(t) | Op::SetupFinally(t) => {
                *t = to
            }
            Op::EnterFinally(t) | Op::ExceptMatch(_, t) | Op::StarMatch { next: t, .. } => *t = to,
            Op::Leave { to: t, .. } => *t = to,
            Op::MatchClass { fail: t, .. } | Op::MatchSequence { fail: t, .. } | Op::MatchMapping { fail: t, .. } => {
                *t = to
            }
            _ => {}
        }
    }

    fn finish(self, c: &Compiler) -> Rc<Code> {
        let mut slot_names = vec![Name::from(""); self.nslots as usize];
        for (name, &s) in &self.slots {
            slot_names[s as usize] = c.name_of(name);
        }
        let cell_slots = self
            .cells
            .keys()
            .take(self.nown_cells)
            .map(|n| self.slots.get(n).map_or(usize::MAX, |&s| s as usize))
            .collect();
        let drives = self.ops.iter().any(|op| matches!(op, Op::TopCall(..)));
        let code = Rc::new(Code {
            id: c.codes.borrow().len() as u32,
            name: self.name,
            qualname: self.qualname,
            kind: self.kind,
            params: self.params,
            nslots: self.nslots as usize,
            slot_names,
            cell_slots,
            freevars: self.freevars,
            ops: self.ops,
            lines: self.lines,
            first_line: self.first_line,
            has_yield: matches!(self.kind, CodeKind::Generator | CodeKind::AsyncGenerator),
            doc: self.doc,
            drives,
            uses_super: self.uses_super,
        });
        c.codes.borrow_mut().push(code.clone());
        code
    }
}

/// A body's docstring: its first statement, when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            AstExpr::StringLiteral(s) => Some(s.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}

fn err<T>(at: TextSize, lines: &Lines, message: impl Into<String>) -> Result<T> {
    Err(CompileError { offset: at.to_u32(), line: lines.line(at), message: message.into() })
}

/// Whether an expression contains a call evaluated in this scope (at the top level every call
/// may be `asyncio.run`, which suspends the program).
fn has_call(e: &AstExpr) -> bool {
    match e {
        AstExpr::Call(_) => true,
        AstExpr::Lambda(_) | AstExpr::ListComp(_) | AstExpr::SetComp(_) | AstExpr::DictComp(_) => false,
        AstExpr::Generator(c) => c.generators.first().is_some_and(|g| has_call(&g.iter)),
        other => {
            let mut children = Vec::new();
            children_of(other, &mut children);
            children.into_iter().any(has_call)
        }
    }
}

/// `asyncio.run(…)`, `run(…)`, `runner.run(…)` (any `name.run(…)`: an `asyncio.Runner`'s) or
/// `….run_until_complete(…)` / `….run_forever()`, by how it is written: in a plain function
/// such a call gets its own op wherever it stands, so a function the top level calls may run
/// the loop.
fn is_run_call(c: &ast::ExprCall) -> bool {
    match &*c.func {
        AstExpr::Attribute(a) => {
            let attr = a.attr.as_str();
            (attr == "run" && matches!(&*a.value, AstExpr::Name(_)))
                || attr == "run_until_complete"
                || attr == "run_forever"
        }
        AstExpr::Name(n) => n.id.as_str() == "run",
        _ => false,
    }
}

/// Whether an expression contains an [`is_run_call`] evaluated in this scope.
fn has_run_call(e: &AstExpr) -> bool {
    match e {
        AstExpr::Call(c) if is_run_call(c) => true,
        AstExpr::Lambda(_) | AstExpr::ListComp(_) | AstExpr::SetComp(_) | AstExpr::DictComp(_) => false,
        AstExpr::Generator(c) => c.generators.first().is_some_and(|g| has_run_call(&g.iter)),
        other => {
            let mut children = Vec::new();
            children_of(other, &mut children);
            children.into_iter().any(has_run_call)
        }
    }
}

/// Whether an expression contains an `await` or `yield` that is evaluated in this scope (a
/// comprehension counts if its own body awaits: it becomes an awaited coroutine).
fn suspends(e: &AstExpr) -> bool {
    match e {
        AstExpr::Await(_) | AstExpr::Yield(_) | AstExpr::YieldFrom(_) => true,
        AstExpr::Lambda(_) => false,
        AstExpr::ListComp(c) => comp_suspends(&c.generators, &[&c.elt]),
        AstExpr::SetComp(c) => comp_suspends(&c.generators, &[&c.elt]),
        AstExpr::DictComp(c) => {
            let mut elts: Vec<&AstExpr> = vec![&c.value];
            if let Some(k) = &c.key {
                elts.push(k);
            }
            comp_suspends(&c.generators, &elts)
        }
        AstExpr::Generator(c) => c.generators.first().is_some_and(|g| suspends(&g.iter)),
        other => {
            let mut children = Vec::new();
            children_of(other, &mut children);
            children.into_iter().any(suspends)
        }
    }
}

fn comp_suspends(generators: &[ast::Comprehension], elts: &[&AstExpr]) -> bool {
    generators.iter().any(|g| g.is_async || suspends(&g.iter) || g.ifs.iter().any(suspends))
        || elts.iter().any(|e| suspends(e))
}

fn bin_op(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::Div,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::BitOr,
        O::BitXor => BinOp::BitXor,
        O::BitAnd => BinOp::BitAnd,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmp_op(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::NotEq,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::LtE,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::GtE,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

/// A function's positional defaults and keyword-only defaults, lowered.
type Defaults = (Vec<Expr>, Vec<(Name, Expr)>);

/// A comprehension's loop, closed once its body is compiled.
enum CompLoop {
    /// `for`: the `ForIter` at `at` jumps past the loop when the iterator ends.
    Sync { at: usize, start: u32 },
    /// `async for`: the handler set up at `setup` ends the loop on `StopAsyncIteration`.
    Async { setup: usize, start: u32 },
}

impl Compiler<'_> {
    fn name_of(&self, s: &str) -> Name {
        self.names.get(s).cloned().unwrap_or_else(|| Name::from(s))
    }

    /// A name as CPython compiles it in `b`: inside a class, a private name (`__x`, not
    /// `__x__`) is `_Class__x`, so a subclass's `self.__x` is not its base's.
    fn private(&mut self, b: &Builder, name: &str) -> Name {
        match &b.private_class {
            Some(class) if name.starts_with("__") && !name.ends_with("__") => self.intern(&format!("_{class}{name}")),
            _ => self.intern(name),
        }
    }

    fn intern(&mut self, s: &str) -> Name {
        if let Some(n) = self.names.get(s) {
            return n.clone();
        }
        let n: Name = Name::from(s);
        self.names.insert(s.to_string(), n.clone());
        n
    }

    fn line(&self, node: &impl Ranged) -> u32 {
        self.lines.line(node.start())
    }

    /// Where `name` lives in the code being built.
    fn var(&mut self, b: &mut Builder, name: &str) -> Var {
        b.uses_super |= name == "super";
        match self.scopes.resolve_name(b.scope, name) {
            Resolution::Global => Var::Global(self.intern(name), Hint::default()),
            Resolution::ClassName => Var::Name(self.private(b, name)),
            Resolution::Cell | Resolution::Free => match b.cells.get(name) {
                Some(&i) => Var::Cell(i),
                None => Var::Global(self.intern(name), Hint::default()),
            },
            Resolution::Local => Var::Local(b.local(name)),
        }
    }

    // ----- statements --------------------------------------------------------------------

    fn body(&mut self, b: &mut Builder, body: &[Stmt]) -> Result<()> {
        for s in body {
            self.stmt(b, s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, b: &mut Builder, stmt: &Stmt) -> Result<()> {
        b.line = self.line(stmt);
        match stmt {
            Stmt::Expr(e) => match &*e.value {
                AstExpr::Await(a) => {
                    let v = self.expr(b, &a.value)?;
                    b.line = self.line(stmt);
                    b.emit(Op::Await(v, None));
                }
                AstExpr::Yield(y) => {
                    let v = y.value.as_ref().map(|v| self.expr(b, v)).transpose()?;
                    b.emit(Op::Yield(v, None));
                }
                // A docstring or a bare constant does nothing.
                AstExpr::StringLiteral(_) | AstExpr::NumberLiteral(_) | AstExpr::EllipsisLiteral(_) => {}
                other => {
                    b.statement_call = b.kind == CodeKind::Function && matches!(other, AstExpr::Call(_));
                    let v = self.expr(b, other)?;
                    // (A top-level call already ran as its own op: this lets go of its result.)
                    b.emit(Op::Expr(v));
                }
            },
            Stmt::Assign(a) => {
                b.statement_call = b.kind == CodeKind::Function && matches!(&*a.value, AstExpr::Call(_));
                let mut value = self.expr(b, &a.value)?;
                if a.targets.iter().any(suspends) {
                    value = self.spill(b, value);
                }
                if a.targets.len() == 1 {
                    let t = self.target(b, &a.targets[0])?;
                    b.emit(Op::Assign(t, value));
                } else {
                    let tmp = b.temp();
                    b.emit(Op::Assign(Target::Var(Var::Local(tmp)), value));
                    for t in &a.targets {
                        let t = self.target(b, t)?;
                        b.emit(Op::Assign(t, Expr::Load(Var::Local(tmp))));
                    }
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    let mut value = self.expr(b, v)?;
                    if suspends(&a.target) {
                        value = self.spill(b, value);
                    }
                    let t = self.target(b, &a.target)?;
                    b.emit(Op::Assign(t, value));
                }
                // As CPython: a module's or class body's `name: annotation` stores the
                // evaluated annotation in `__annotations__` (after the assignment); a
                // function's local annotations are not evaluated.
                if let (CodeKind::Class | CodeKind::Module, AstExpr::Name(n)) = (b.kind, &*a.target) {
                    let name = self.private(b, n.id.as_str());
                    let (e, src) = self.annotation(b, &a.annotation)?;
                    b.emit(Op::Annotate(name, e, src));
                }
            }
            Stmt::AugAssign(a) => {
                if suspends(&a.target) {
                    return err(a.target.start(), &self.lines, "'await' inside an augmented assignment's target is not supported: assign it to a variable first");
                }
                let value = self.expr(b, &a.value)?;
                let t = self.target(b, &a.target)?;
                b.emit(Op::AugAssign(t, bin_op(a.op), value));
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    let t = self.target(b, t)?;
                    b.emit(Op::Delete(t));
                }
            }
            Stmt::Pass(_) => {}
            Stmt::Return(r) => {
                b.statement_call = b.kind == CodeKind::Function && matches!(r.value.as_deref(), Some(AstExpr::Call(_)));
                let v = r.value.as_ref().map(|v| self.expr(b, v)).transpose()?;
                b.emit(Op::Return(v));
            }
            Stmt::If(i) => self.if_stmt(b, i)?,
            Stmt::While(w) => self.while_stmt(b, w)?,
            Stmt::For(f) => self.for_stmt(b, f)?,
            Stmt::Break(s) => {
                let Some(l) = b.loops.last() else { return err(s.start(), &self.lines, "'break' outside loop") };
                let depth = l.depth;
                let at = b.emit(Op::Leave { depth, to: 0 });
                if let Some(l) = b.loops.last_mut() {
                    l.breaks.push(at);
                }
            }
            Stmt::Continue(s) => {
                let Some(l) = b.loops.last() else {
                    return err(s.start(), &self.lines, "'continue' not properly in loop");
                };
                let (depth, to) = (l.depth, l.start);
                b.emit(Op::Leave { depth, to });
            }
            Stmt::Raise(r) => {
                let exc = r.exc.as_ref().map(|e| self.expr(b, e)).transpose()?;
                let cause = r.cause.as_ref().map(|e| self.expr(b, e)).transpose()?;
                b.line = self.line(stmt);
                b.emit(Op::Raise(exc, cause));
            }
            Stmt::Assert(a) => {
                let test = self.expr(b, &a.test)?;
                let msg = a.msg.as_ref().map(|m| self.expr(b, m)).transpose()?;
                b.emit(Op::Assert(test, msg));
            }
            Stmt::Try(t) => self.try_stmt(b, t)?,
            Stmt::With(w) => self.with_stmt(b, &w.items, &w.body, w.is_async)?,
            Stmt::FunctionDef(f) => {
                let def = self.function(b, f)?;
                let target = Target::Var(self.var(b, f.name.as_str()));
                b.line = self.line(stmt);
                b.emit(Op::MakeFunction(def, target));
            }
            Stmt::ClassDef(c) => {
                let def = self.class(b, c)?;
                let target = Target::Var(self.var(b, c.name.as_str()));
                b.line = self.line(stmt);
                b.emit(Op::MakeClass(def, target));
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let module = self.intern(alias.name.as_str());
                    let (bind, whole) = match &alias.asname {
                        Some(a) => (a.as_str().to_string(), true),
                        None => (alias.name.as_str().split('.').next().unwrap_or("").to_string(), false),
                    };
                    let target = Target::Var(self.var(b, &bind));
                    b.emit(Op::Import(module, target, whole));
                }
            }
            Stmt::ImportFrom(i) => {
                if i.level > 0 {
                    return err(
                        i.start(),
                        &self.lines,
                        "relative imports are not supported: a program here is one file",
                    );
                }
                let module = self.intern(i.module.as_ref().map_or("", |m| m.as_str()));
                let mut names = Vec::new();
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        if b.kind != CodeKind::Module {
                            return err(alias.start(), &self.lines, "import * only allowed at module level");
                        }
                        b.emit(Op::ImportStar(module));
                        return Ok(());
                    }
                    let bind = alias.asname.as_ref().unwrap_or(&alias.name);
                    let target = Target::Var(self.var(b, bind.as_str()));
                    names.push((self.intern(alias.name.as_str()), target));
                }
                b.emit(Op::ImportFrom(module, names));
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Match(m) => self.match_stmt(b, m)?,
            Stmt::TypeAlias(t) => return err(t.start(), &self.lines, "type aliases are not supported by Interleave"),
            Stmt::IpyEscapeCommand(c) => return err(c.start(), &self.lines, "invalid syntax"),
        }
        Ok(())
    }

    fn if_stmt(&mut self, b: &mut Builder, i: &ast::StmtIf) -> Result<()> {
        let test = self.expr(b, &i.test)?;
        let jump_else = b.emit(Op::JumpIf(test, false, 0));
        self.body(b, &i.body)?;
        let mut to_end = Vec::new();
        let mut pending_else = Some(jump_else);
        for clause in &i.elif_else_clauses {
            to_end.push(b.emit(Op::Jump(0)));
            if let Some(j) = pending_else.take() {
                let pc = b.pc();
                b.patch(j, pc);
            }
            b.line = self.line(clause);
            match &clause.test {
                Some(t) => {
                    let test = self.expr(b, t)?;
                    pending_else = Some(b.emit(Op::JumpIf(test, false, 0)));
                    self.body(b, &clause.body)?;
                }
                None => self.body(b, &clause.body)?,
            }
        }
        let end = b.pc();
        if let Some(j) = pending_else {
            b.patch(j, end);
        }
        for j in to_end {
            b.patch(j, end);
        }
        Ok(())
    }

    /// The warnings `from..to` once more, as CPython warns where it compiles code twice.
    fn warn_again(&self, from: usize, to: usize) {
        let mut warnings = self.warnings.borrow_mut();
        let again: Vec<(u32, String)> = warnings.get(from..to).unwrap_or_default().to_vec();
        warnings.extend(again);
    }

    fn while_stmt(&mut self, b: &mut Builder, w: &ast::StmtWhile) -> Result<()> {
        let start = b.pc();
        let warned = self.warnings.borrow().len();
        let test = self.expr(b, &w.test)?;
        let test_warned = self.warnings.borrow().len();
        let exit = b.emit(Op::JumpIf(test, false, 0));
        b.loops.push(Loop { start, breaks: Vec::new(), depth: b.depth });
        self.body(b, &w.body)?;
        // CPython 3.11 compiles the test again after the body, warning again.
        self.warn_again(warned, test_warned);
        b.emit(Op::Jump(start));
        let lp = b.loops.pop();
        let else_pc = b.pc();
        b.patch(exit, else_pc);
        self.body(b, &w.orelse)?;
        let end = b.pc();
        for at in lp.map(|l| l.breaks).unwrap_or_default() {
            b.patch(at, end);
        }
        Ok(())
    }

    fn for_stmt(&mut self, b: &mut Builder, f: &ast::StmtFor) -> Result<()> {
        let iter = self.expr(b, &f.iter)?;
        let iter = iterated_display(iter);
        let slot = b.temp();
        if f.is_async {
            return self.async_for(b, f, iter, slot);
        }
        b.emit(Op::GetIter(iter, slot));
        let start = b.pc();
        let target = self.target(b, &f.target)?;
        let next = b.emit(Op::ForIter(slot, target, 0));
        b.loops.push(Loop { start, breaks: Vec::new(), depth: b.depth });
        self.body(b, &f.body)?;
        b.emit(Op::Jump(start));
        let lp = b.loops.pop();
        let breaks = lp.map(|l| l.breaks).unwrap_or_default();
        let pad = self.break_pad(b, f, slot, &breaks);
        let else_pc = b.pc();
        b.patch(next, else_pc);
        self.body(b, &f.orelse)?;
        self.end_loop(b, pad, breaks);
        Ok(())
    }

    /// Where a `for` loop's `break`s go: its iterator is let go there (as CPython pops it), so
    /// a generator left unfinished is closed before the next statement; then to the end.
    /// Returns the pad and its jump to patch, when the loop has breaks.
    fn break_pad(&mut self, b: &mut Builder, f: &ast::StmtFor, slot: u32, breaks: &[usize]) -> Option<(u32, usize)> {
        if breaks.is_empty() {
            return None;
        }
        b.line = self.line(f);
        let pad = b.pc();
        b.emit(Op::Assign(Target::Var(Var::Local(slot)), Expr::Const(Value::None)));
        Some((pad, b.emit(Op::Jump(0))))
    }

    fn end_loop(&mut self, b: &mut Builder, pad: Option<(u32, usize)>, breaks: Vec<usize>) {
        let end = b.pc();
        let to = match pad {
            Some((pad, jump)) => {
                b.patch(jump, end);
                pad
            }
            None => end,
        };
        for at in breaks {
            b.patch(at, to);
        }
    }

    fn async_for(&mut self, b: &mut Builder, f: &ast::StmtFor, iter: Expr, slot: u32) -> Result<()> {
        b.emit(Op::GetAIter(iter, slot));
        let start = b.pc();
        let setup = b.emit(Op::SetupExcept(0));
        b.depth += 1;
        let next = b.temp();
        b.emit(Op::ANext(slot, next));
        let target = self.target(b, &f.target)?;
        b.emit(Op::Await(Expr::Load(Var::Local(next)), Some(target)));
        b.emit(Op::PopBlock);
        b.depth -= 1;
        b.loops.push(Loop { start, breaks: Vec::new(), depth: b.depth });
        self.body(b, &f.body)?;
        b.emit(Op::Jump(start));
        let lp = b.loops.pop();
        let breaks = lp.map(|l| l.breaks).unwrap_or_default();
        let pad = self.break_pad(b, f, slot, &breaks);
        let handler = b.pc();
        b.patch(setup, handler);
        let stop = Expr::Load(Var::Global(self.intern("StopAsyncIteration"), Hint::default()));
        let no_match = b.emit(Op::ExceptMatch(stop, 0));
        b.emit(Op::PopExcept);
        let to_else = b.emit(Op::Jump(0));
        let reraise = b.pc();
        b.patch(no_match, reraise);
        b.emit(Op::Reraise);
        let else_pc = b.pc();
        b.patch(to_else, else_pc);
        self.body(b, &f.orelse)?;
        self.end_loop(b, pad, breaks);
        Ok(())
    }

    fn try_stmt(&mut self, b: &mut Builder, t: &ast::StmtTry) -> Result<()> {
        let has_finally = !t.finalbody.is_empty();
        let setup_finally = has_finally.then(|| b.emit(Op::SetupFinally(0)));
        if has_finally {
            b.depth += 1;
        }
        if t.handlers.is_empty() {
            self.body(b, &t.body)?;
            self.body(b, &t.orelse)?;
        } else {
            let setup = b.emit(Op::SetupExcept(0));
            b.depth += 1;
            self.body(b, &t.body)?;
            b.emit(Op::PopBlock);
            b.depth -= 1;
            self.body(b, &t.orelse)?;
            let skip = b.emit(Op::Jump(0));
            let handlers = b.pc();
            b.patch(setup, handlers);
            let mut to_end = Vec::new();
            if t.is_star {
                self.star_handlers(b, &t.handlers)?;
            } else {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    b.line = self.line(h);
                    let next = match &h.type_ {
                        Some(ty) => {
                            let ty = self.expr(b, ty)?;
                            Some(b.emit(Op::ExceptMatch(ty, 0)))
                        }
                        None => None,
                    };
                    let bound = match &h.name {
                        Some(n) => {
                            let v = self.var(b, n.as_str());
                            b.emit(Op::BindExc(Target::Var(v.clone())));
                            Some(v)
                        }
                        None => None,
                    };
                    // The handled exception stays "current" while the body runs (bare `raise`,
                    // implicit chaining); an exception leaving the body drops it (see the executor).
                    self.body(b, &h.body)?;
                    b.emit(Op::PopExcept);
                    if let Some(v) = bound {
                        // `except E as e:` unbinds `e` afterwards, as CPython does (`e = None; del e`,
                        // so a body that deleted it already is fine).
                        b.emit(Op::Assign(Target::Var(v.clone()), Expr::Const(Value::None)));
                        b.emit(Op::Delete(Target::Var(v)));
                    }
                    to_end.push(b.emit(Op::Jump(0)));
                    if let Some(n) = next {
                        let pc = b.pc();
                        b.patch(n, pc);
                    }
                }
                b.emit(Op::Reraise);
            }
            let end = b.pc();
            b.patch(skip, end);
            for j in to_end {
                b.patch(j, end);
            }
        }
        if let Some(setup) = setup_finally {
            b.emit(Op::PopBlock);
            b.depth -= 1;
            let enter = b.emit(Op::EnterFinally(0));
            let handler = b.pc();
            b.patch(setup, handler);
            b.patch(enter, handler);
            b.line = self.line(&t.finalbody[0]);
            let warned = self.warnings.borrow().len();
            self.body(b, &t.finalbody)?;
            // CPython 3.11 compiles a `finally` body twice (the normal way out, then the
            // exceptional one), warning twice.
            let finally_warned = self.warnings.borrow().len();
            self.warn_again(warned, finally_warned);
            b.emit(Op::EndFinally);
        }
        Ok(())
    }

    /// `except*` clauses (PEP 654): each takes the part of what is left of the exception that
    /// matches its types, and runs with that part handled; what the bodies raise is kept; at
    /// the end, that and what no clause matched are raised together (see `Op::StarEnd`).
    fn star_handlers(&mut self, b: &mut Builder, handlers: &[ast::ExceptHandler]) -> Result<()> {
        let state = b.temp();
        b.emit(Op::StarStart(state));
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            b.line = self.line(h);
            let Some(ty) = &h.type_ else { return err(h.start(), &self.lines, "expected one or more exception types") };
            let types = self.expr(b, ty)?;
            let into = b.temp();
            let next = b.emit(Op::StarMatch { types, state, into, next: 0 });
            let bound = match &h.name {
                Some(n) => {
                    let v = self.var(b, n.as_str());
                    b.emit(Op::Assign(Target::Var(v.clone()), Expr::Take(into)));
                    Some(v)
                }
                None => {
                    b.emit(Op::Assign(Target::Var(Var::Local(into)), Expr::Const(Value::None)));
                    None
                }
            };
            let raised = b.emit(Op::SetupExcept(0));
            b.depth += 1;
            self.body(b, &h.body)?;
            b.emit(Op::PopBlock);
            b.depth -= 1;
            let done = b.emit(Op::Jump(0));
            let at = b.pc();
            b.patch(raised, at);
            b.emit(Op::StarRaised(state));
            let at = b.pc();
            b.patch(done, at);
            b.emit(Op::PopExcept);
            if let Some(v) = bound {
                b.emit(Op::Assign(Target::Var(v.clone()), Expr::Const(Value::None)));
                b.emit(Op::Delete(Target::Var(v)));
            }
            let at = b.pc();
            b.patch(next, at);
        }
        b.emit(Op::StarEnd(state));
        Ok(())
    }

    /// `match` (PEP 634): the subject in a slot; each case's pattern tests it (jumping to the
    /// next case when it fails), its captures are bound once it has matched, then the guard.
    fn match_stmt(&mut self, b: &mut Builder, m: &ast::StmtMatch) -> Result<()> {
        let subject = self.expr(b, &m.subject)?;
        let slot = b.temp();
        b.emit(Op::Assign(Target::Var(Var::Local(slot)), subject));
        let mut to_end = Vec::new();
        for (i, case) in m.cases.iter().enumerate() {
            b.line = self.line(&case.pattern);
            if i + 1 < m.cases.len() && case.guard.is_none() {
                if let Some(irrefutable) = case.pattern.irrefutable_pattern() {
                    let message = match irrefutable.kind {
                        ast::IrrefutablePatternKind::Name(n) => {
                            format!("name capture '{n}' makes remaining patterns unreachable")
                        }
                        ast::IrrefutablePatternKind::Wildcard => "wildcard makes remaining patterns unreachable".into(),
                    };
                    return err(irrefutable.range.start(), &self.lines, message);
                }
            }
            let mut fails = Vec::new();
            let binds = self.pattern(b, &case.pattern, slot, &mut fails)?;
            for (name, from) in binds {
                let v = self.var(b, &name);
                b.emit(Op::Assign(Target::Var(v), Expr::Load(Var::Local(from))));
            }
            if let Some(guard) = &case.guard {
                let test = self.expr(b, guard)?;
                fails.push(b.emit(Op::JumpIf(test, false, 0)));
            }
            self.body(b, &case.body)?;
            to_end.push(b.emit(Op::Jump(0)));
            let next = b.pc();
            for at in fails {
                b.patch(at, next);
            }
        }
        let end = b.pc();
        for at in to_end {
            b.patch(at, end);
        }
        Ok(())
    }

    /// `n` consecutive temporaries; the first.
    fn temps(b: &mut Builder, n: usize) -> u32 {
        let first = b.nslots;
        for _ in 0..n {
            b.temp();
        }
        first
    }

    /// Tests the value in `subject` against a pattern: the jumps taken when it does not match
    /// join `fails`; returns the names it captures, each with the slot holding its value.
    fn pattern(
        &mut self,
        b: &mut Builder,
        p: &ast::Pattern,
        subject: u32,
        fails: &mut Vec<usize>,
    ) -> Result<Vec<(String, u32)>> {
        let load = Expr::Load(Var::Local(subject));
        let mut binds: Vec<(String, u32)> = Vec::new();
        match p {
            ast::Pattern::MatchValue(v) => {
                let value = self.expr(b, &v.value)?;
                let test = Expr::Compare(Box::new(load), vec![(CmpOp::Eq, value)]);
                fails.push(b.emit(Op::JumpIf(test, false, 0)));
            }
            ast::Pattern::MatchSingleton(s) => {
                let value = match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                };
                let test = Expr::Compare(Box::new(load), vec![(CmpOp::Is, Expr::Const(value))]);
                fails.push(b.emit(Op::JumpIf(test, false, 0)));
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    binds = self.pattern(b, inner, subject, fails)?;
                }
                if let Some(name) = &a.name {
                    binds.push((name.as_str().to_string(), subject));
                }
            }
            ast::Pattern::MatchStar(s) => return err(s.start(), &self.lines, "can't use starred name here"),
            ast::Pattern::MatchSequence(seq) => {
                let n = seq.patterns.len();
                let stars = seq.patterns.iter().filter(|p| matches!(p, ast::Pattern::MatchStar(_))).count();
                if stars > 1 {
                    return err(seq.start(), &self.lines, "multiple starred names in sequence pattern");
                }
                let star_at = seq.patterns.iter().position(|p| matches!(p, ast::Pattern::MatchStar(_)));
                let star = star_at.map(|i| matches!(&seq.patterns[i], ast::Pattern::MatchStar(s) if s.name.is_some()));
                let before = star_at.unwrap_or(n);
                let after = star_at.map_or(0, |i| n - i - 1);
                let into = Self::temps(b, n);
                let (before, after) = (before as u32, after as u32);
                fails.push(b.emit(Op::MatchSequence { subject, before, star, after, into, fail: 0 }));
                for (k, item) in seq.patterns.iter().enumerate() {
                    let at = into + k as u32;
                    match item {
                        ast::Pattern::MatchStar(s) => {
                            if let Some(name) = &s.name {
                                binds.push((name.as_str().to_string(), at));
                            }
                        }
                        other => binds.extend(self.pattern(b, other, at, fails)?),
                    }
                }
            }
            ast::Pattern::MatchMapping(map) => {
                let mut seen: Vec<String> = Vec::new();
                let mut keys = Vec::with_capacity(map.keys.len());
                for k in map.keys.iter() {
                    // Keys written twice as plain literals (their reprs are simple to say).
                    let literal = match k {
                        AstExpr::StringLiteral(s) => {
                            let text = s.value.to_str();
                            text.chars()
                                .all(|c| c.is_alphanumeric() || c == '_' || c == ' ')
                                .then(|| format!("'{text}'"))
                        }
                        AstExpr::NumberLiteral(ast::ExprNumberLiteral { value: ast::Number::Int(i), .. }) => {
                            i.as_i64().map(|i| i.to_string())
                        }
                        _ => None,
                    };
                    if let Some(lit) = literal {
                        if seen.contains(&lit) {
                            return err(
                                map.start(),
                                &self.lines,
                                format!("mapping pattern checks duplicate key ({lit})"),
                            );
                        }
                        seen.push(lit);
                    }
                    keys.push(self.expr(b, k)?);
                }
                let n = map.patterns.len();
                let rest = map.rest.is_some();
                let into = Self::temps(b, n + rest as usize);
                fails.push(b.emit(Op::MatchMapping { subject, keys, rest, into, fail: 0 }));
                for (k, item) in map.patterns.iter().enumerate() {
                    binds.extend(self.pattern(b, item, into + k as u32, fails)?);
                }
                if let Some(name) = &map.rest {
                    binds.push((name.as_str().to_string(), into + n as u32));
                }
            }
            ast::Pattern::MatchClass(c) => {
                let class = self.expr(b, &c.cls)?;
                let args = &c.arguments;
                let mut kw: Vec<Name> = Vec::new();
                for k in &args.keywords {
                    let name = self.intern(k.attr.as_str());
                    if kw.contains(&name) {
                        return err(
                            k.start(),
                            &self.lines,
                            format!("attribute name repeated in class pattern: {name}"),
                        );
                    }
                    kw.push(name);
                }
                let npos = args.patterns.len();
                let into = Self::temps(b, npos + kw.len());
                fails.push(b.emit(Op::MatchClass { subject, class, npos: npos as u32, kw, into, fail: 0 }));
                let subs = args.patterns.iter().chain(args.keywords.iter().map(|k| &k.pattern));
                for (k, item) in subs.enumerate() {
                    binds.extend(self.pattern(b, item, into + k as u32, fails)?);
                }
            }
            ast::Pattern::MatchOr(or) => {
                let mut names: Option<Vec<String>> = None;
                let mut common: Vec<(String, u32)> = Vec::new();
                let mut matched = Vec::new();
                for (i, alt) in or.patterns.iter().enumerate() {
                    let mut alt_fails = Vec::new();
                    let alt_binds = self.pattern(b, alt, subject, &mut alt_fails)?;
                    let mut these: Vec<String> = alt_binds.iter().map(|(n, _)| n.clone()).collect();
                    these.sort();
                    match &names {
                        None => {
                            for n in &these {
                                common.push((n.clone(), b.temp()));
                            }
                            names = Some(these);
                        }
                        Some(first) if *first != these => {
                            return err(or.start(), &self.lines, "alternative patterns bind different names")
                        }
                        Some(_) => {}
                    }
                    // Each alternative leaves its captures in the same slots.
                    for (name, from) in &alt_binds {
                        if let Some((_, to)) = common.iter().find(|(n, _)| n == name) {
                            b.emit(Op::Assign(Target::Var(Var::Local(*to)), Expr::Load(Var::Local(*from))));
                        }
                    }
                    if i + 1 == or.patterns.len() {
                        fails.extend(alt_fails);
                    } else {
                        matched.push(b.emit(Op::Jump(0)));
                        let next = b.pc();
                        for at in alt_fails {
                            b.patch(at, next);
                        }
                    }
                }
                let end = b.pc();
                for at in matched {
                    b.patch(at, end);
                }
                binds = common;
            }
        }
        for (i, (name, _)) in binds.iter().enumerate() {
            if binds[..i].iter().any(|(n, _)| n == name) {
                return err(p.start(), &self.lines, format!("multiple assignments to name '{name}' in pattern"));
            }
        }
        Ok(binds)
    }

    fn with_stmt(&mut self, b: &mut Builder, items: &[ast::WithItem], body: &[Stmt], is_async: bool) -> Result<()> {
        let Some((item, rest)) = items.split_first() else { return self.body(b, body) };
        // The exit call belongs to the `with` line, as CPython's tracebacks show it.
        let with_line = b.line;
        let ctx = self.expr(b, &item.context_expr)?;
        let (mgr, exit, value) = (b.temp(), b.temp(), b.temp());
        b.emit(Op::WithEnter { ctx, is_async, mgr, exit, value });
        let target = item.optional_vars.as_ref().map(|t| self.target(b, t)).transpose()?;
        if is_async {
            b.emit(Op::Await(Expr::Load(Var::Local(value)), target));
        } else if let Some(t) = target {
            b.emit(Op::Assign(t, Expr::Load(Var::Local(value))));
        }
        let setup = b.emit(Op::SetupFinally(0));
        b.depth += 1;
        self.with_stmt(b, rest, body, is_async)?;
        b.emit(Op::PopBlock);
        b.depth -= 1;
        let enter = b.emit(Op::EnterFinally(0));
        let handler = b.pc();
        b.patch(setup, handler);
        b.patch(enter, handler);
        let result = b.temp();
        b.line = with_line;
        b.emit(Op::WithExit { exit, result });
        if is_async {
            b.emit(Op::Await(Expr::Load(Var::Local(result)), Some(Target::Var(Var::Local(result)))));
        }
        b.emit(Op::WithEnd { result });
        Ok(())
    }

    // ----- definitions -------------------------------------------------------------------

    fn new_code(&mut self, b: &Builder, scope: usize, name: &str, kind: CodeKind, line: u32) -> Builder {
        let qual = match b.kind {
            CodeKind::Module => name.to_string(),
            CodeKind::Class => format!("{}.{name}", b.qualname),
            _ => format!("{}.<locals>.{name}", b.qualname),
        };
        let mut inner = Builder::new(kind, scope, self.intern(name), Name::from(qual), line);
        inner.private_class = match kind {
            CodeKind::Class => Some(name.trim_start_matches('_')).filter(|n| !n.is_empty()).map(Name::from),
            _ => b.private_class.clone(),
        };
        let s = &self.scopes.scopes[scope];
        for (i, cell) in s.cells.iter().enumerate() {
            inner.cells.insert(cell.clone(), i as u32);
        }
        inner.nown_cells = s.cells.len();
        for free in s.free.iter() {
            if !inner.cells.contains_key(free) {
                let i = inner.cells.len() as u32;
                inner.cells.insert(free.clone(), i);
                inner.freevars.push(self.intern(free));
            }
        }
        inner
    }

    /// The outer frame's cells that the inner code captures, in its closure order.
    fn closure(&mut self, outer: &mut Builder, inner: &Code) -> Vec<Var> {
        inner
            .freevars
            .iter()
            .map(|name| {
                outer.cells.get(&**name).map_or_else(|| Var::Global(name.clone(), Hint::default()), |&i| Var::Cell(i))
            })
            .collect()
    }

    /// An annotation to evaluate, and its source text (what it is under `from __future__
    /// import annotations`, and when it cannot be evaluated here).
    fn annotation(&mut self, b: &mut Builder, e: &AstExpr) -> Result<(Expr, Name)> {
        let src: Name =
            Name::from(self.source.get(e.range().start().to_usize()..e.range().end().to_usize()).unwrap_or(""));
        if self.future_annotations || suspends(e) {
            return Ok((Expr::Const(Value::Str(src.clone())), src));
        }
        Ok((self.expr(b, e)?, src))
    }

    fn parameters(&mut self, b: &mut Builder, inner: &mut Builder, params: &ast::Parameters) -> Result<Defaults> {
        let mut defaults = Vec::new();
        let mut kw_defaults = Vec::new();
        for p in params.posonlyargs.iter().chain(params.args.iter()) {
            let name = self.intern(p.parameter.name.as_str());
            inner.local(&name);
            inner.params.positional.push(name);
            if let Some(d) = &p.default {
                if suspends(d) {
                    return err(d.start(), &self.lines, "'await' in a default value is not supported");
                }
                defaults.push(self.expr(b, d)?);
            }
        }
        inner.params.posonly = params.posonlyargs.len();
        if let Some(v) = &params.vararg {
            let name = self.intern(v.name.as_str());
            inner.local(&name);
            inner.params.varargs = Some(name);
        }
        for p in &params.kwonlyargs {
            let name = self.intern(p.parameter.name.as_str());
            inner.local(&name);
            inner.params.kwonly.push(name.clone());
            if let Some(d) = &p.default {
                kw_defaults.push((name, self.expr(b, d)?));
            }
        }
        if let Some(k) = &params.kwarg {
            let name = self.intern(k.name.as_str());
            inner.local(&name);
            inner.params.varkw = Some(name);
        }
        Ok((defaults, kw_defaults))
    }

    fn function(&mut self, b: &mut Builder, f: &ast::StmtFunctionDef) -> Result<Rc<FuncDef>> {
        let mut decorators = Vec::new();
        for d in &f.decorator_list {
            if suspends(&d.expression) {
                return err(d.start(), &self.lines, "'await' in a decorator is not supported");
            }
            decorators.push(self.expr(b, &d.expression)?);
        }
        let scope = self.scopes.of(f);
        let s = &self.scopes.scopes[scope];
        let kind = match (f.is_async, s.has_yield) {
            (false, false) => CodeKind::Function,
            (true, false) => CodeKind::Coroutine,
            (false, true) => CodeKind::Generator,
            (true, true) => CodeKind::AsyncGenerator,
        };
        let line = self.line(f);
        let mut inner = self.new_code(b, scope, f.name.as_str(), kind, line);
        let (defaults, kw_defaults) = self.parameters(b, &mut inner, &f.parameters)?;
        let mut annotations = Vec::new();
        let params = &f.parameters;
        let named = params.posonlyargs.iter().chain(params.args.iter()).map(|p| &p.parameter);
        let named = named.chain(params.vararg.as_deref()).chain(params.kwonlyargs.iter().map(|p| &p.parameter));
        for p in named.chain(params.kwarg.as_deref()) {
            if let Some(a) = &p.annotation {
                let name = self.intern(p.name.as_str());
                let (e, src) = self.annotation(b, a)?;
                annotations.push((name, e, src));
            }
        }
        if let Some(r) = &f.returns {
            let (e, src) = self.annotation(b, r)?;
            annotations.push((self.intern("return"), e, src));
        }
        inner.doc = docstring(&f.body).map(Name::from);
        self.body(&mut inner, &f.body)?;
        inner.emit(Op::Return(None));
        let code = inner.finish(self);
        let closure = self.closure(b, &code);
        Ok(Rc::new(FuncDef { code, defaults, kw_defaults, decorators, closure, annotations }))
    }

    fn lambda(&mut self, b: &mut Builder, l: &ast::ExprLambda) -> Result<Expr> {
        let scope = self.scopes.of(l);
        let line = self.line(l);
        let mut inner = self.new_code(b, scope, "<lambda>", CodeKind::Function, line);
        let (defaults, kw_defaults) = match &l.parameters {
            Some(p) => self.parameters(b, &mut inner, p)?,
            None => (Vec::new(), Vec::new()),
        };
        if suspends(&l.body) {
            return err(l.start(), &self.lines, "'await' outside async function");
        }
        let body = self.expr(&mut inner, &l.body)?;
        inner.emit(Op::Return(Some(body)));
        let code = inner.finish(self);
        let closure = self.closure(b, &code);
        Ok(Expr::Lambda(Rc::new(FuncDef {
            code,
            defaults,
            kw_defaults,
            decorators: Vec::new(),
            closure,
            annotations: Vec::new(),
        })))
    }

    fn class(&mut self, b: &mut Builder, c: &ast::StmtClassDef) -> Result<Rc<ClassDef>> {
        let mut decorators = Vec::new();
        for d in &c.decorator_list {
            decorators.push(self.expr(b, &d.expression)?);
        }
        let mut bases = Vec::new();
        if let Some(args) = &c.arguments {
            for a in args.args.iter() {
                bases.push(match a {
                    AstExpr::Starred(s) => Arg::Star(self.expr(b, &s.value)?),
                    other => Arg::Pos(self.expr(b, other)?),
                });
            }
            for k in args.keywords.iter() {
                match &k.arg {
                    Some(name) => bases.push(Arg::Kw(self.intern(name.as_str()), self.expr(b, &k.value)?)),
                    None => bases.push(Arg::StarStar(self.expr(b, &k.value)?)),
                }
            }
        }
        let scope = self.scopes.of(c);
        let line = self.line(c);
        let mut inner = self.new_code(b, scope, c.name.as_str(), CodeKind::Class, line);
        if has_annotations(&c.body) {
            inner.emit(Op::SetupAnnotations);
        }
        if let Some(doc) = docstring(&c.body) {
            // As CPython's class body begins: `__doc__ = '…'` in the namespace.
            let target = Target::Var(Var::Name(self.intern("__doc__")));
            inner.emit(Op::Assign(target, Expr::Const(Value::str(doc))));
        }
        self.body(&mut inner, &c.body)?;
        inner.emit(Op::Return(None));
        let qualname = inner.qualname.clone();
        let code = inner.finish(self);
        let closure = self.closure(b, &code);
        Ok(Rc::new(ClassDef { name: self.intern(c.name.as_str()), qualname, bases, body: code, closure, decorators }))
    }

    // ----- assignment targets ------------------------------------------------------------

    /// An assignment target. One whose object or index awaits (`d[await k()] = v`) is
    /// evaluated left to right into temporaries; the caller has already put the value in one.
    fn target(&mut self, b: &mut Builder, t: &AstExpr) -> Result<Target> {
        let awaits = suspends(t);
        if awaits && !matches!(t, AstExpr::Attribute(_) | AstExpr::Subscript(_)) {
            return err(t.start(), &self.lines, "'await' inside an unpacking target is not supported");
        }
        Ok(match t {
            AstExpr::Name(n) => Target::Var(self.var(b, n.id.as_str())),
            AstExpr::Attribute(a) => {
                let object = self.expr(b, &a.value)?;
                Target::Attr(object, self.private(b, a.attr.as_str()), Box::default())
            }
            AstExpr::Subscript(s) if awaits => {
                let parts = self.in_order(b, &[&s.value, &s.slice])?;
                let Ok([obj, index]) = <[Expr; 2]>::try_from(parts) else {
                    return err(t.start(), &self.lines, "invalid syntax");
                };
                Target::Item(obj, index)
            }
            AstExpr::Subscript(s) => Target::Item(self.expr(b, &s.value)?, self.expr(b, &s.slice)?),
            AstExpr::Tuple(ast::ExprTuple { elts, .. }) | AstExpr::List(ast::ExprList { elts, .. }) => {
                let mut targets = Vec::new();
                let mut star = None;
                for (i, e) in elts.iter().enumerate() {
                    match e {
                        AstExpr::Starred(s) => {
                            if star.is_some() {
                                return err(e.start(), &self.lines, "multiple starred expressions in assignment");
                            }
                            star = Some(i);
                            targets.push(self.target(b, &s.value)?);
                        }
                        other => targets.push(self.target(b, other)?),
                    }
                }
                Target::Unpack(targets, star)
            }
            AstExpr::Starred(s) => {
                return err(s.start(), &self.lines, "starred assignment target must be in a list or tuple")
            }
            other => return err(other.start(), &self.lines, "cannot assign to expression"),
        })
    }

    // ----- expressions -------------------------------------------------------------------

    /// A temporary holding `e` (unless `e` is already a constant or a temporary).
    fn spill(&mut self, b: &mut Builder, e: Expr) -> Expr {
        match e {
            Expr::Const(_) => e,
            Expr::Load(Var::Local(s)) if b.slots.values().all(|&n| n != s) => e,
            Expr::Take(_) => e,
            other => {
                let t = b.temp();
                b.emit(Op::Assign(Target::Var(Var::Local(t)), other));
                Expr::Load(Var::Local(t))
            }
        }
    }

    /// Lowers sub-expressions left to right; before one that suspends, the ones already
    /// lowered are kept in temporaries, so they are evaluated first, as Python does.
    /// Whether evaluating `e` here may suspend the frame.
    fn may_suspend(&self, b: &Builder, e: &AstExpr) -> bool {
        suspends(e) || (b.kind == CodeKind::Module && has_call(e)) || (b.kind == CodeKind::Function && has_run_call(e))
    }

    fn in_order(&mut self, b: &mut Builder, items: &[&AstExpr]) -> Result<Vec<Expr>> {
        let mut out: Vec<Expr> = Vec::with_capacity(items.len());
        for item in items {
            if self.may_suspend(b, item) {
                for e in out.iter_mut() {
                    let taken = std::mem::replace(e, Expr::Const(Value::None));
                    *e = self.spill(b, taken);
                }
            }
            out.push(self.expr(b, item)?);
        }
        Ok(out)
    }

    /// Evaluates `e` and stores it in a temporary (used where control flow is needed around
    /// a suspension: short-circuits and conditionals).
    fn eval_into(&mut self, b: &mut Builder, e: &AstExpr, slot: u32) -> Result<()> {
        let v = self.expr(b, e)?;
        b.emit(Op::Assign(Target::Var(Var::Local(slot)), v));
        Ok(())
    }

    fn expr(&mut self, b: &mut Builder, e: &AstExpr) -> Result<Expr> {
        Ok(match e {
            AstExpr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => Expr::Const(Value::Int(v)),
                    None => match super::bigint::literal(&i.to_string()) {
                        Ok(v) => Expr::Const(v),
                        Err(msg) => return err(n.start(), &self.lines, &msg),
                    },
                },
                ast::Number::Float(x) => Expr::Const(Value::Float(*x)),
                ast::Number::Complex { .. } => {
                    return err(n.start(), &self.lines, "complex numbers are not supported by Interleave")
                }
            },
            AstExpr::StringLiteral(s) => Expr::Const(Value::Str(Rc::from(s.value.to_str()))),
            AstExpr::BytesLiteral(s) => Expr::Const(Value::object(super::bytes::Bytes(s.value.bytes().collect()))),
            AstExpr::BooleanLiteral(v) => Expr::Const(Value::Bool(v.value)),
            AstExpr::NoneLiteral(_) => Expr::Const(Value::None),
            AstExpr::EllipsisLiteral(_) => Expr::Load(Var::Global(self.intern("Ellipsis"), Hint::default())),
            AstExpr::Name(n) => Expr::Load(self.var(b, n.id.as_str())),
            AstExpr::Attribute(a) => {
                let v = self.expr(b, &a.value)?;
                Expr::Attr(Box::new(v), self.private(b, a.attr.as_str()), Box::default())
            }
            AstExpr::Subscript(s) => {
                let mut v = self.in_order(b, &[&s.value, &s.slice])?;
                let slice = v.pop().unwrap_or(Expr::Const(Value::None));
                let value = v.pop().unwrap_or(Expr::Const(Value::None));
                Expr::Subscript(Box::new(value), Box::new(slice))
            }
            AstExpr::Slice(s) => {
                let parts: Vec<&AstExpr> = [&s.lower, &s.upper, &s.step].into_iter().flatten().map(|b| &**b).collect();
                let mut lowered = self.in_order(b, &parts)?.into_iter();
                let mut next = |present: bool| if present { lowered.next().map(Box::new) } else { None };
                let lower = next(s.lower.is_some());
                let upper = next(s.upper.is_some());
                let step = next(s.step.is_some());
                Expr::Slice(lower, upper, step)
            }
            AstExpr::Call(c) => self.call(b, c)?,
            AstExpr::BinOp(op) => {
                let mut v = self.in_order(b, &[&op.left, &op.right])?;
                let r = v.pop().unwrap_or(Expr::Const(Value::None));
                let l = v.pop().unwrap_or(Expr::Const(Value::None));
                match Operand::split(l, r) {
                    Ok((slot, r)) => Expr::BinLocal(bin_op(op.op), slot, r),
                    Err((l, r)) => Expr::Bin(bin_op(op.op), Box::new(l), Box::new(r)),
                }
            }
            AstExpr::UnaryOp(u) => {
                let v = self.expr(b, &u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                };
                // Fold negative number literals, so `-5` is a constant (and `-9223372036854775808` fits).
                match (op, &v) {
                    (UnaryOp::Neg, Expr::Const(Value::Int(i))) => Expr::Const(Value::Int(i.wrapping_neg())),
                    (UnaryOp::Neg, Expr::Const(Value::Float(x))) => Expr::Const(Value::Float(-x)),
                    _ => Expr::Unary(op, Box::new(v)),
                }
            }
            AstExpr::BoolOp(bo) => {
                let and = bo.op == ast::BoolOp::And;
                if bo.values.iter().skip(1).any(|v| self.may_suspend(b, v)) {
                    // Short-circuit around the suspension with jumps.
                    let t = b.temp();
                    let mut exits = Vec::new();
                    for (i, v) in bo.values.iter().enumerate() {
                        self.eval_into(b, v, t)?;
                        if i + 1 < bo.values.len() {
                            exits.push(b.emit(Op::JumpIf(Expr::Load(Var::Local(t)), !and, 0)));
                        }
                    }
                    let end = b.pc();
                    for x in exits {
                        b.patch(x, end);
                    }
                    Expr::Load(Var::Local(t))
                } else {
                    let mut values = Vec::new();
                    for v in &bo.values {
                        values.push(self.expr(b, v)?);
                    }
                    if and {
                        Expr::And(values)
                    } else {
                        Expr::Or(values)
                    }
                }
            }
            AstExpr::If(i) => {
                if self.may_suspend(b, &i.body) || self.may_suspend(b, &i.orelse) {
                    let t = b.temp();
                    let test = self.expr(b, &i.test)?;
                    let to_else = b.emit(Op::JumpIf(test, false, 0));
                    self.eval_into(b, &i.body, t)?;
                    let to_end = b.emit(Op::Jump(0));
                    let else_pc = b.pc();
                    b.patch(to_else, else_pc);
                    self.eval_into(b, &i.orelse, t)?;
                    let end = b.pc();
                    b.patch(to_end, end);
                    Expr::Load(Var::Local(t))
                } else {
                    let test = self.expr(b, &i.test)?;
                    let body = self.expr(b, &i.body)?;
                    let orelse = self.expr(b, &i.orelse)?;
                    Expr::IfExp(Box::new(test), Box::new(body), Box::new(orelse))
                }
            }
            AstExpr::Compare(c) => {
                // `x is 1`: CPython warns as it compiles, once per comparison (its first such
                // operator).
                let mut left = &*c.left;
                for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                    let said = match op {
                        ast::CmpOp::Is => "\"is\" with a literal. Did you mean \"==\"?",
                        ast::CmpOp::IsNot => "\"is not\" with a literal. Did you mean \"!=\"?",
                        _ => "",
                    };
                    if !said.is_empty() && (is_literal(left) || is_literal(right)) {
                        self.warnings.borrow_mut().push((self.line(c), said.to_string()));
                        break;
                    }
                    left = right;
                }
                let mut items: Vec<&AstExpr> = vec![&c.left];
                items.extend(c.comparators.iter());
                let mut v = self.in_order(b, &items)?.into_iter();
                let left = v.next().unwrap_or(Expr::Const(Value::None));
                let mut rest: Vec<(CmpOp, Expr)> = c.ops.iter().zip(v).map(|(op, e)| (cmp_op(*op), e)).collect();
                match rest.pop() {
                    Some((op, right)) if rest.is_empty() => match Operand::split(left, right) {
                        Ok((slot, right)) => Expr::CompareLocal(op, slot, right),
                        Err((left, right)) => Expr::Compare(Box::new(left), vec![(op, right)]),
                    },
                    last => {
                        rest.extend(last);
                        Expr::Compare(Box::new(left), rest)
                    }
                }
            }
            AstExpr::List(l) => Expr::List(self.elts(b, &l.elts)?),
            AstExpr::Tuple(t) => {
                let elts = self.elts(b, &t.elts)?;
                // A tuple of constants is built once.
                if elts.iter().all(|e| matches!(e, Elt::One(Expr::Const(_)))) {
                    let items: Vec<Value> = elts
                        .into_iter()
                        .map(|e| if let Elt::One(Expr::Const(v)) = e { v } else { Value::None })
                        .collect();
                    Expr::Const(Value::tuple(items))
                } else {
                    Expr::Tuple(elts)
                }
            }
            AstExpr::Set(s) => {
                let elts = self.elts(b, &s.elts)?;
                if elts.len() > 2 && elts.iter().all(|e| matches!(e, Elt::One(Expr::Const(_)))) {
                    Expr::ConstSet(elts, true)
                } else {
                    Expr::Set(elts)
                }
            }
            AstExpr::Dict(d) => {
                let mut flat: Vec<&AstExpr> = Vec::new();
                for item in &d.items {
                    if let Some(k) = &item.key {
                        flat.push(k);
                    }
                    flat.push(&item.value);
                }
                let mut lowered = self.in_order(b, &flat)?.into_iter();
                let mut out = Vec::new();
                for item in &d.items {
                    if item.key.is_some() {
                        let k = lowered.next().unwrap_or(Expr::Const(Value::None));
                        let v = lowered.next().unwrap_or(Expr::Const(Value::None));
                        out.push(DictElt::Pair(k, v));
                    } else {
                        out.push(DictElt::Spread(lowered.next().unwrap_or(Expr::Const(Value::None))));
                    }
                }
                Expr::Dict(out)
            }
            AstExpr::FString(f) => {
                let mut parts = Vec::new();
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(s) => parts.push(FPart::Lit(Rc::from(s.value.as_ref()))),
                        ast::FStringPart::FString(fs) => self.fstring(b, &fs.elements, &mut parts)?,
                    }
                }
                Expr::FString(parts)
            }
            AstExpr::TString(t) => return err(t.start(), &self.lines, "template strings are not supported"),
            AstExpr::Starred(s) => return err(s.start(), &self.lines, "can't use starred expression here"),
            AstExpr::Named(n) => {
                let v = self.expr(b, &n.value)?;
                let AstExpr::Name(name) = &*n.target else {
                    return err(n.start(), &self.lines, "cannot use assignment expressions with this target");
                };
                Expr::Named(self.var(b, name.id.as_str()), Box::new(v))
            }
            AstExpr::Lambda(l) => self.lambda(b, l)?,
            AstExpr::Await(a) => {
                let v = self.expr(b, &a.value)?;
                let t = b.temp();
                let saved = b.line;
                b.line = self.line(a);
                b.emit(Op::Await(v, Some(Target::Var(Var::Local(t)))));
                b.line = saved;
                Expr::Load(Var::Local(t))
            }
            AstExpr::Yield(y) => {
                let v = y.value.as_ref().map(|v| self.expr(b, v)).transpose()?;
                let t = b.temp();
                b.emit(Op::Yield(v, Some(Target::Var(Var::Local(t)))));
                Expr::Load(Var::Local(t))
            }
            AstExpr::YieldFrom(y) => {
                let v = self.expr(b, &y.value)?;
                let (it, t) = (b.temp(), b.temp());
                b.emit(Op::GetIter(v, it));
                b.emit(Op::YieldFrom(it, Some(Target::Var(Var::Local(t)))));
                Expr::Load(Var::Local(t))
            }
            AstExpr::ListComp(c) => self.comprehension(b, e, CompKind::List, &c.generators, &c.elt, None)?,
            AstExpr::SetComp(c) => self.comprehension(b, e, CompKind::Set, &c.generators, &c.elt, None)?,
            AstExpr::Generator(c) => self.comprehension(b, e, CompKind::Generator, &c.generators, &c.elt, None)?,
            AstExpr::DictComp(c) => {
                let Some(k) = &c.key else {
                    return err(c.start(), &self.lines, "dict unpacking cannot be used in dict comprehension");
                };
                self.comprehension(b, e, CompKind::Dict, &c.generators, k, Some(&c.value))?
            }
            AstExpr::IpyEscapeCommand(c) => return err(c.start(), &self.lines, "invalid syntax"),
        })
    }

    fn elts(&mut self, b: &mut Builder, elts: &[AstExpr]) -> Result<Vec<Elt>> {
        let inner: Vec<&AstExpr> =
            elts.iter().map(|e| if let AstExpr::Starred(s) = e { &*s.value } else { e }).collect();
        let lowered = self.in_order(b, &inner)?;
        Ok(elts
            .iter()
            .zip(lowered)
            .map(|(e, l)| if matches!(e, AstExpr::Starred(_)) { Elt::Star(l) } else { Elt::One(l) })
            .collect())
    }

    fn call(&mut self, b: &mut Builder, c: &ast::ExprCall) -> Result<Expr> {
        let statement = std::mem::take(&mut b.statement_call);
        let own_op = b.kind == CodeKind::Module || statement || (b.kind == CodeKind::Function && is_run_call(c));
        let mut items: Vec<&AstExpr> = Vec::new();
        let (method_of, func) = match &*c.func {
            AstExpr::Attribute(a) => (Some(a), &*a.value),
            other => (None, other),
        };
        items.push(func);
        for a in c.arguments.args.iter() {
            items.push(if let AstExpr::Starred(s) = a { &s.value } else { a });
        }
        for k in c.arguments.keywords.iter() {
            items.push(&k.value);
        }
        let mut lowered = self.in_order(b, &items)?.into_iter();
        let callee = lowered.next().unwrap_or(Expr::Const(Value::None));
        let mut args = Vec::new();
        for a in c.arguments.args.iter() {
            let v = lowered.next().unwrap_or(Expr::Const(Value::None));
            args.push(if matches!(a, AstExpr::Starred(_)) { Arg::Star(v) } else { Arg::Pos(v) });
        }
        for k in c.arguments.keywords.iter() {
            let v = lowered.next().unwrap_or(Expr::Const(Value::None));
            args.push(match &k.arg {
                Some(name) => Arg::Kw(self.intern(name.as_str()), v),
                None => Arg::StarStar(v),
            });
        }
        let call = match method_of {
            Some(a) => Expr::CallMethod(Box::new(callee), self.private(b, a.attr.as_str()), args, Box::default()),
            None => Expr::Call(Box::new(callee), args),
        };
        if !own_op {
            return Ok(call);
        }
        // At the top level a call may be asyncio.run, or a function that calls it: it gets its
        // own op, where the program can suspend while the loop runs.
        let t = b.temp();
        b.emit(Op::TopCall(call, Target::Var(Var::Local(t))));
        Ok(Expr::Take(t))
    }

    fn fstring(
        &mut self,
        b: &mut Builder,
        elements: &ast::InterpolatedStringElements,
        parts: &mut Vec<FPart>,
    ) -> Result<()> {
        let mut exprs = Vec::new();
        interpolations(elements, &mut exprs);
        // With an `await` among the fields, each field is formatted into a temporary before
        // the next one is evaluated, so every field runs in CPython's order around the awaits.
        let hoist = exprs.iter().any(|e| suspends(e));
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => parts.push(FPart::Lit(Rc::from(&*l.value))),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = match i.conversion {
                        ast::ConversionFlag::None => None,
                        ast::ConversionFlag::Str => Some('s'),
                        ast::ConversionFlag::Repr => Some('r'),
                        ast::ConversionFlag::Ascii => Some('a'),
                    };
                    if let Some(debug) = &i.debug_text {
                        parts.push(FPart::Lit(Rc::from(format!(
                            "{}{}{}",
                            debug.leading(),
                            debug.expression(),
                            debug.trailing()
                        ))));
                        if conversion.is_none() && i.format_spec.is_none() {
                            conversion = Some('r');
                        }
                    }
                    let mut expr = self.expr(b, &i.expression)?;
                    let spec = match &i.format_spec {
                        Some(s) => {
                            if hoist {
                                expr = self.spill(b, expr);
                            }
                            let mut inner = Vec::new();
                            self.fstring(b, &s.elements, &mut inner)?;
                            Some(inner)
                        }
                        None => None,
                    };
                    let part = FPart::Value { expr, conversion, spec };
                    if hoist {
                        let t = b.temp();
                        b.emit(Op::Assign(Target::Var(Var::Local(t)), Expr::FString(vec![part])));
                        parts.push(FPart::Value { expr: Expr::Load(Var::Local(t)), conversion: None, spec: None });
                    } else {
                        parts.push(part);
                    }
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        b: &mut Builder,
        node: &AstExpr,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &AstExpr,
        value: Option<&AstExpr>,
    ) -> Result<Expr> {
        let scope = match node {
            AstExpr::ListComp(c) => self.scopes.of(c),
            AstExpr::SetComp(c) => self.scopes.of(c),
            AstExpr::DictComp(c) => self.scopes.of(c),
            AstExpr::Generator(c) => self.scopes.of(c),
            _ => 0,
        };
        let Some(first) = generators.first() else { return err(node.start(), &self.lines, "invalid syntax") };
        let outer_iter = self.expr(b, &first.iter)?;
        let outer_iter = iterated_display(outer_iter);
        let inner_suspends = comp_suspends(&generators[1..], &[elt])
            || generators[0].ifs.iter().any(suspends)
            || value.is_some_and(suspends)
            || first.is_async;
        let code_kind = match (kind, inner_suspends) {
            (CompKind::Generator, false) => CodeKind::Generator,
            (CompKind::Generator, true) => CodeKind::AsyncGenerator,
            (_, false) => CodeKind::Function,
            (_, true) => CodeKind::Coroutine,
        };
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let line = self.line(node);
        let mut inner = self.new_code(b, scope, name, code_kind, line);
        let dot0 = self.intern(".0");
        inner.local(&dot0);
        inner.params.positional.push(dot0);
        let result = inner.temp();
        match kind {
            CompKind::List => inner.emit(Op::Assign(Target::Var(Var::Local(result)), Expr::List(Vec::new()))),
            CompKind::Set => inner.emit(Op::Assign(Target::Var(Var::Local(result)), Expr::Set(Vec::new()))),
            CompKind::Dict => inner.emit(Op::Assign(Target::Var(Var::Local(result)), Expr::Dict(Vec::new()))),
            CompKind::Generator => 0,
        };
        let mut loops: Vec<CompLoop> = Vec::new();
        for (i, g) in generators.iter().enumerate() {
            let slot = if i == 0 {
                if g.is_async {
                    // The outermost iterable of an async comprehension comes in as is.
                    inner.emit(Op::GetAIter(Expr::Load(Var::Local(0)), 0));
                }
                0
            } else {
                let it = self.expr(&mut inner, &g.iter)?;
                let it = iterated_display(it);
                let s = inner.temp();
                if g.is_async {
                    inner.emit(Op::GetAIter(it, s));
                } else {
                    inner.emit(Op::GetIter(it, s));
                }
                s
            };
            let start = inner.pc();
            if g.is_async {
                // As `async for`: await the next item; StopAsyncIteration ends the loop.
                let setup = inner.emit(Op::SetupExcept(0));
                inner.depth += 1;
                let next = inner.temp();
                inner.emit(Op::ANext(slot, next));
                let target = self.target(&mut inner, &g.target)?;
                inner.emit(Op::Await(Expr::Load(Var::Local(next)), Some(target)));
                inner.emit(Op::PopBlock);
                inner.depth -= 1;
                loops.push(CompLoop::Async { setup, start });
            } else {
                let target = self.target(&mut inner, &g.target)?;
                let at = inner.emit(Op::ForIter(slot, target, 0));
                loops.push(CompLoop::Sync { at, start });
            }
            for cond in &g.ifs {
                let c = self.expr(&mut inner, cond)?;
                inner.emit(Op::JumpIf(c, false, start));
            }
        }
        match kind {
            CompKind::Generator => {
                let v = self.expr(&mut inner, elt)?;
                inner.emit(Op::Yield(Some(v), None));
            }
            CompKind::Dict => {
                let k = self.expr(&mut inner, elt)?;
                let v = match value {
                    Some(v) => self.expr(&mut inner, v)?,
                    None => Expr::Const(Value::None),
                };
                inner.emit(Op::CollectPair(result, k, v));
            }
            _ => {
                let v = self.expr(&mut inner, elt)?;
                inner.emit(Op::Collect(result, v));
            }
        }
        // Close the loops, innermost first.
        for lp in loops.into_iter().rev() {
            match lp {
                CompLoop::Sync { at, start } => {
                    inner.emit(Op::Jump(start));
                    let end = inner.pc();
                    inner.patch(at, end);
                }
                CompLoop::Async { setup, start } => {
                    inner.emit(Op::Jump(start));
                    let handler = inner.pc();
                    inner.patch(setup, handler);
                    let stop = Expr::Load(Var::Global(self.intern("StopAsyncIteration"), Hint::default()));
                    let no_match = inner.emit(Op::ExceptMatch(stop, 0));
                    inner.emit(Op::PopExcept);
                    let to_end = inner.emit(Op::Jump(0));
                    let reraise = inner.pc();
                    inner.patch(no_match, reraise);
                    inner.emit(Op::Reraise);
                    let end = inner.pc();
                    inner.patch(to_end, end);
                }
            }
        }
        inner.emit(Op::Return(if kind == CompKind::Generator { None } else { Some(Expr::Load(Var::Local(result))) }));
        let code = inner.finish(self);
        let closure = self.closure(b, &code);
        let async_outer = first.is_async;
        let comp = Expr::Comp(Rc::new(CompDef { kind, code, closure, async_outer }), Box::new(outer_iter));
        if code_kind == CodeKind::Coroutine {
            // `[await f(x) for x in xs]`: the comprehension is a coroutine, awaited in place.
            let t = b.temp();
            b.emit(Op::Await(comp, Some(Target::Var(Var::Local(t)))));
            Ok(Expr::Load(Var::Local(t)))
        } else {
            Ok(comp)
        }
    }
}

/// CPython folds a set display of constants that a loop walks into a frozenset constant (any
/// size), which is iterated as it is: no merge into a second table.
fn iterated_display(e: Expr) -> Expr {
    match e {
        Expr::ConstSet(elts, _) => Expr::ConstSet(elts, false),
        Expr::Set(elts) if elts.iter().all(|e| matches!(e, Elt::One(Expr::Const(_)))) => Expr::ConstSet(elts, false),
        other => other,
    }
}
