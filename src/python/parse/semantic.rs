//! The errors CPython finds after parsing, when it compiles: where `await`, `return`, `yield`,
//! `break`, `continue`, `async for`/`async with`, `global`/`nonlocal` may appear, duplicate
//! parameters and keyword arguments.
//!
//! CPython finds them in two passes, and reports the first error of the first pass that has
//! one: building the symbol table (`Python/symtable.c`: declarations, parameters,
//! comprehensions) and then generating code (`Python/compile.c`: everything that depends on
//! the enclosing function or loop). Errors come out in that order, each pass in source order.
//! Positions are CPython's too: the node's range, with columns counted in bytes (CPython does
//! not convert these to characters).
//!
//! Ruff's `SemanticSyntaxChecker` covers some of this, but it needs the caller to track scopes
//! and loops anyway, and its messages are Ruff's; one walk with CPython's rules is simpler.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Comprehension, ExceptHandler, Expr, ExprContext, ModModule, Parameters, Stmt, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange};

use super::{with_stack, ErrorKind, SyntaxError};

/// The compile-time errors of `module`, CPython's first first.
pub(super) fn check(source: &str, module: &ModModule) -> Vec<SyntaxError> {
    let mut checker = Checker {
        module: Scope::new(ScopeKind::Module, 0, None),
        scopes: Vec::new(),
        finished: Vec::new(),
        nonlocals: Vec::new(),
        conflicts: Vec::new(),
        symtable: Vec::new(),
        codegen: Vec::new(),
    };
    checker.visit_body(&module.body);
    let mut analysis = checker.unbound_nonlocals();
    // A byte offset orders as (line, column) does.
    let by_position = |e: &Pending| e.range.start();
    checker.symtable.sort_by_key(by_position);
    analysis.sort_by_key(by_position);
    checker.codegen.sort_by_key(by_position);
    checker.symtable.extend(analysis);
    checker.symtable.extend(checker.codegen);
    // Placing an error scans the source up to it, so only the first few are placed: a program
    // repeating one keyword argument a hundred thousand times must not take quadratic time to
    // compile (compiling runs outside the loop budget; the page would freeze). Only the first
    // error is ever reported.
    let placed = checker.symtable.into_iter().take(MAX_PLACED);
    placed.map(|p| SyntaxError { hint: p.hint, ..byte_spanning(source, p.range, p.message) }).collect()
}

/// How many of a program's compile-time errors [`check`] places and returns.
const MAX_PLACED: usize = 16;

/// A compile-time error not yet placed at its line and column.
#[derive(Clone)]
struct Pending {
    range: TextRange,
    message: String,
    hint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Class,
    Function {
        is_async: bool,
    },
    Lambda,
    /// A list, set or dict comprehension, or a generator expression: CPython's name for it.
    Comprehension {
        what: &'static str,
    },
}

/// What is known about one scope so far. Names borrow from the tree: no copies.
struct Scope<'a> {
    kind: ScopeKind,
    /// Its number (the module is 0) and its enclosing scope's.
    id: usize,
    parent: Option<usize>,
    /// Loops around the current point (within this scope).
    loops: usize,
    params: HashSet<&'a str>,
    assigned: HashSet<&'a str>,
    used: HashSet<&'a str>,
    /// Declared `global` here (so not bound here).
    globals: HashSet<&'a str>,
    /// Declared `nonlocal` here (bound here, for the scopes nested deeper).
    nonlocal_names: HashSet<&'a str>,
    /// Where each `global`/`nonlocal` name was first declared (CPython reports conflicts there).
    /// A map: a `global` listing a hundred thousand names must not be checked in quadratic time
    /// (compiling runs outside the loop budget, so the page would freeze).
    directives: HashMap<&'a str, TextRange>,
    /// Contains `yield` (a generator).
    yields: bool,
    /// Contains `await` or `async for` (an asynchronous comprehension).
    awaits: bool,
    /// `return value` statements, checked when the function turns out to be an async
    /// generator.
    returns: Vec<TextRange>,
    /// Inside an `except*` clause: how many loops were around it (a `break` needs one of its
    /// own inside the clause).
    star: Option<usize>,
}

impl<'a> Scope<'a> {
    fn new(kind: ScopeKind, id: usize, parent: Option<usize>) -> Self {
        Scope {
            kind,
            id,
            parent,
            loops: 0,
            params: HashSet::new(),
            assigned: HashSet::new(),
            used: HashSet::new(),
            globals: HashSet::new(),
            nonlocal_names: HashSet::new(),
            directives: HashMap::new(),
            yields: false,
            awaits: false,
            returns: Vec::new(),
            star: None,
        }
    }

    /// CPython's `FunctionBlock`: functions, lambdas and comprehensions.
    fn is_function_block(&self) -> bool {
        !matches!(self.kind, ScopeKind::Module | ScopeKind::Class)
    }

    /// What a finished scope tells nested ones about `nonlocal` names.
    fn finished(&self) -> Finished<'a> {
        let bound = self
            .assigned
            .iter()
            .chain(&self.params)
            .chain(&self.nonlocal_names)
            .filter(|name| !self.globals.contains(*name))
            .copied()
            .collect();
        Finished { function_block: self.is_function_block(), parent: self.parent, bound }
    }
}

/// A scope that has been walked: the names bound in it, for `nonlocal` lookups.
struct Finished<'a> {
    function_block: bool,
    parent: Option<usize>,
    bound: HashSet<&'a str>,
}

/// compile.c's words for leaving an `except*` clause other than by its end.
const EXCEPT_STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

struct Checker<'a> {
    module: Scope<'a>,
    /// The scopes inside the module, innermost last.
    scopes: Vec<Scope<'a>>,
    /// Walked scopes by number (the module's stays `None`).
    finished: Vec<Option<Finished<'a>>>,
    /// `nonlocal` names, with their scope and statement, resolved once all scopes are known.
    nonlocals: Vec<(usize, &'a str, TextRange)>,
    /// Names declared both `nonlocal` and `global` in one scope.
    conflicts: Vec<Pending>,
    symtable: Vec<Pending>,
    codegen: Vec<Pending>,
}

impl<'a> Checker<'a> {
    /// A new scope inside the current one.
    fn new_scope(&mut self, kind: ScopeKind) -> Scope<'a> {
        self.finished.push(None);
        Scope::new(kind, self.finished.len(), Some(self.current().id))
    }

    /// Leaves the current scope, remembering what it binds.
    fn leave(&mut self) -> Option<Scope<'a>> {
        let scope = self.scopes.pop()?;
        if let Some(slot) = scope.id.checked_sub(1).and_then(|i| self.finished.get_mut(i)) {
            *slot = Some(scope.finished());
        }
        Some(scope)
    }

    /// CPython's symtable analysis: a name may not be both `nonlocal` and `global` in one scope,
    /// and a `nonlocal` name must be bound in an enclosing function (classes in between are
    /// skipped; the module does not count).
    fn unbound_nonlocals(&self) -> Vec<Pending> {
        let mut errors = self.conflicts.clone();
        for &(scope, name, range) in &self.nonlocals {
            let mut parent = self.finished.get(scope.wrapping_sub(1)).and_then(|f| f.as_ref()).and_then(|f| f.parent);
            let mut found = false;
            while let Some(id) = parent.filter(|&id| id > 0) {
                let Some(Some(enclosing)) = self.finished.get(id - 1) else { break };
                if enclosing.function_block && enclosing.bound.contains(name) {
                    found = true;
                    break;
                }
                parent = enclosing.parent;
            }
            if !found {
                errors.push(self.error(range, format!("no binding for nonlocal '{name}' found")));
            }
        }
        errors
    }

    fn scope(&mut self) -> &mut Scope<'a> {
        self.scopes.last_mut().unwrap_or(&mut self.module)
    }

    fn current(&self) -> &Scope<'a> {
        self.scopes.last().unwrap_or(&self.module)
    }

    fn kind(&self) -> ScopeKind {
        self.current().kind
    }

    fn error(&self, range: TextRange, message: impl Into<String>) -> Pending {
        Pending { range, message: message.into(), hint: None }
    }

    fn symtable_error(&mut self, range: TextRange, message: impl Into<String>) {
        let error = self.error(range, message);
        self.symtable.push(error);
    }

    fn codegen_error(&mut self, range: TextRange, message: impl Into<String>, hint: Option<&str>) {
        let mut error = self.error(range, message);
        error.hint = hint.map(str::to_string);
        self.codegen.push(error);
    }

    fn in_async_function(&self) -> bool {
        matches!(self.kind(), ScopeKind::Function { is_async: true })
    }

    fn bind(&mut self, name: &'a str) {
        self.scope().assigned.insert(name);
    }

    fn function(&mut self, def: &'a StmtFunctionDef) {
        for decorator in &def.decorator_list {
            self.visit_expr(&decorator.expression);
        }
        self.defaults_and_annotations(&def.parameters);
        if let Some(returns) = &def.returns {
            self.visit_expr(returns);
        }
        self.bind(def.name.as_str());
        let mut scope = self.new_scope(ScopeKind::Function { is_async: def.is_async });
        self.declare_parameters(&def.parameters, &mut scope);
        self.scopes.push(scope);
        self.visit_body(&def.body);
        self.end_function();
    }

    /// Leaves a function scope: an async generator may not return a value.
    fn end_function(&mut self) {
        let Some(scope) = self.leave() else { return };
        if matches!(scope.kind, ScopeKind::Function { is_async: true }) && scope.yields {
            for range in scope.returns {
                self.codegen_error(range, "'return' with value in async generator", None);
            }
        }
    }

    fn defaults_and_annotations(&mut self, parameters: &'a Parameters) {
        for parameter in parameters.iter_non_variadic_params() {
            if let Some(default) = &parameter.default {
                self.visit_expr(default);
            }
        }
        for parameter in parameters.iter() {
            if let Some(annotation) = parameter.annotation() {
                self.visit_expr(annotation);
            }
        }
    }

    /// Symtable: `def f(x, x)` is a duplicate argument.
    fn declare_parameters(&mut self, parameters: &'a Parameters, scope: &mut Scope<'a>) {
        for parameter in parameters.iter() {
            let name = parameter.name().as_str();
            if !scope.params.insert(name) {
                let range = parameter.as_parameter().range();
                self.symtable_error(range, format!("duplicate argument '{name}' in function definition"));
            }
        }
    }

    /// Symtable: `global`/`nonlocal` must come before any use of the name in its scope.
    fn declaration(&mut self, range: TextRange, names: &'a [ruff_python_ast::Identifier], what: &str) {
        if what == "nonlocal" && self.kind() == ScopeKind::Module {
            self.symtable_error(range, "nonlocal declaration not allowed at module level");
            return;
        }
        for name in names {
            let name = name.as_str();
            let scope = self.current();
            let (param, assigned, used) =
                (scope.params.contains(name), scope.assigned.contains(name), scope.used.contains(name));
            if param {
                self.symtable_error(range, format!("name '{name}' is parameter and {what}"));
            } else if assigned {
                self.symtable_error(range, format!("name '{name}' is assigned to before {what} declaration"));
            } else if used {
                self.symtable_error(range, format!("name '{name}' is used prior to {what} declaration"));
            }
            let scope = self.scope();
            scope.directives.entry(name).or_insert(range);
            let (mine, other) = if what == "global" {
                (&mut scope.globals, &scope.nonlocal_names)
            } else {
                (&mut scope.nonlocal_names, &scope.globals)
            };
            mine.insert(name);
            if other.contains(name) {
                let first = scope.directives.get(name).copied().unwrap_or(range);
                let error = self.error(first, format!("name '{name}' is nonlocal and global"));
                self.conflicts.push(error);
            } else if what == "nonlocal" {
                let id = self.current().id;
                self.nonlocals.push((id, name, range));
            }
        }
    }

    /// A comprehension: its first iterable belongs to the enclosing scope, the rest to its own.
    fn comprehension(
        &mut self,
        expr: &'a Expr,
        generators: &'a [Comprehension],
        elements: &[&'a Expr],
        what: &'static str,
    ) {
        let Some(first) = generators.first() else { return };
        self.visit_expr(&first.iter);
        let scope = self.new_scope(ScopeKind::Comprehension { what });
        self.scopes.push(scope);
        for (i, comprehension) in generators.iter().enumerate() {
            if comprehension.is_async {
                self.scope().awaits = true;
            }
            if i > 0 {
                self.visit_expr(&comprehension.iter);
            }
            self.visit_expr(&comprehension.target);
            for condition in &comprehension.ifs {
                self.visit_expr(condition);
            }
        }
        for element in elements {
            self.visit_expr(element);
        }
        let Some(scope) = self.leave() else { return };
        let enclosing_allows =
            matches!(self.kind(), ScopeKind::Function { is_async: true } | ScopeKind::Comprehension { .. });
        if scope.awaits && what != "generator expression" && !enclosing_allows {
            self.codegen_error(
                expr.range(),
                "asynchronous comprehension outside of an asynchronous function",
                Some(HINT_AWAIT),
            );
        }
    }

    fn await_expr(&mut self, range: TextRange) {
        match self.kind() {
            ScopeKind::Module | ScopeKind::Class => {
                self.codegen_error(range, "'await' outside function", Some(HINT_AWAIT));
            }
            ScopeKind::Function { is_async: false } | ScopeKind::Lambda => {
                self.codegen_error(range, "'await' outside async function", Some(HINT_AWAIT));
            }
            ScopeKind::Function { is_async: true } => {}
            ScopeKind::Comprehension { .. } => self.scope().awaits = true,
        }
    }

    fn yield_expr(&mut self, range: TextRange, from: bool) {
        match self.kind() {
            ScopeKind::Module | ScopeKind::Class => {
                self.codegen_error(range, "'yield' outside function", Some(HINT_YIELD));
            }
            ScopeKind::Comprehension { what } => self.symtable_error(range, format!("'yield' inside {what}")),
            ScopeKind::Function { is_async } => {
                self.scope().yields = true;
                if from && is_async {
                    self.codegen_error(range, "'yield from' inside async function", None);
                }
            }
            ScopeKind::Lambda => self.scope().yields = true,
        }
    }

    /// compile.c: `*a` alone (a statement, a value to assign or return) is not a value.
    fn lone_star(&mut self, value: Option<&'a Expr>) {
        if let Some(Expr::Starred(starred)) = value {
            self.codegen_error(starred.range, "can't use starred expression here", None);
        }
    }

    /// compile.c: `*a, *b = c` cannot know where one ends.
    fn starred_targets(&mut self, target: &'a Expr) {
        let elements = match target {
            Expr::Tuple(tuple) => &tuple.elts,
            Expr::List(list) => &list.elts,
            _ => return,
        };
        if elements.iter().filter(|e| e.is_starred_expr()).count() > 1 {
            self.codegen_error(target.range(), "multiple starred expressions in assignment", None);
        }
    }

    fn loop_body(&mut self, body: &'a [Stmt]) {
        self.scope().loops += 1;
        self.visit_body(body);
        let scope = self.scope();
        scope.loops = scope.loops.saturating_sub(1);
    }
}

impl<'a> Visitor<'a> for Checker<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        with_stack(|| self.statement(stmt));
    }

    fn visit_except_handler(&mut self, handler: &'a ExceptHandler) {
        let ExceptHandler::ExceptHandler(inner) = handler;
        if let Some(name) = &inner.name {
            self.bind(name.as_str());
        }
        visitor::walk_except_handler(self, handler);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        with_stack(|| self.expression(expr));
    }
}

impl<'a> Checker<'a> {
    fn statement(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => self.function(def),
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_expr(&decorator.expression);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                self.bind(class.name.as_str());
                let scope = self.new_scope(ScopeKind::Class);
                self.scopes.push(scope);
                self.visit_body(&class.body);
                self.leave();
            }
            Stmt::Return(ret) => {
                if !self.current().is_function_block() {
                    self.codegen_error(ret.range, "'return' outside function", Some(HINT_RETURN));
                } else if self.current().star.is_some() {
                    // Found after the value is compiled, so CPython points at the value.
                    let at = ret.value.as_deref().map_or(ret.range, Ranged::range);
                    self.codegen_error(at, EXCEPT_STAR_EXIT, None);
                } else if ret.value.is_some() {
                    self.scope().returns.push(ret.range);
                }
                self.lone_star(ret.value.as_deref());
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Expr(statement) => {
                self.lone_star(Some(&statement.value));
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Assign(assign) => {
                self.lone_star(Some(&assign.value));
                for target in &assign.targets {
                    self.starred_targets(target);
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Try(try_stmt) => {
                // compile.c: a bare `except:` catches everything, so nothing may follow it.
                let last = try_stmt.handlers.len().saturating_sub(1);
                for (i, handler) in try_stmt.handlers.iter().enumerate() {
                    let ExceptHandler::ExceptHandler(inner) = handler;
                    if inner.type_.is_none() && i < last {
                        self.codegen_error(inner.range, "default 'except:' must be last", None);
                    }
                }
                if !try_stmt.is_star {
                    visitor::walk_stmt(self, stmt);
                    return;
                }
                self.visit_body(&try_stmt.body);
                for handler in &try_stmt.handlers {
                    let loops = self.current().loops;
                    let outer = self.scope().star.replace(loops);
                    self.visit_except_handler(handler);
                    self.scope().star = outer;
                }
                self.visit_body(&try_stmt.orelse);
                self.visit_body(&try_stmt.finalbody);
            }
            Stmt::For(for_stmt) => {
                if for_stmt.is_async && !self.in_async_function() {
                    self.codegen_error(for_stmt.range, "'async for' outside async function", Some(HINT_ASYNC_BLOCK));
                }
                self.visit_expr(&for_stmt.iter);
                self.visit_expr(&for_stmt.target);
                self.loop_body(&for_stmt.body);
                self.visit_body(&for_stmt.orelse);
            }
            Stmt::While(while_stmt) => {
                self.visit_expr(&while_stmt.test);
                self.loop_body(&while_stmt.body);
                self.visit_body(&while_stmt.orelse);
            }
            Stmt::With(with) => {
                if with.is_async && !self.in_async_function() {
                    self.codegen_error(with.range, "'async with' outside async function", Some(HINT_ASYNC_BLOCK));
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Break(brk) => {
                if self.current().loops == 0 {
                    self.codegen_error(brk.range, "'break' outside loop", Some(HINT_LOOP));
                } else if self.current().star == Some(self.current().loops) {
                    self.codegen_error(brk.range, EXCEPT_STAR_EXIT, None);
                }
            }
            Stmt::Continue(cont) => {
                if self.current().loops == 0 {
                    self.codegen_error(cont.range, "'continue' not properly in loop", Some(HINT_LOOP));
                } else if self.current().star == Some(self.current().loops) {
                    self.codegen_error(cont.range, EXCEPT_STAR_EXIT, None);
                }
            }
            Stmt::Global(global) => self.declaration(global.range, &global.names, "global"),
            Stmt::Nonlocal(nonlocal) => self.declaration(nonlocal.range, &nonlocal.names, "nonlocal"),
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    // `import a.b` binds `a`.
                    let first = bound.as_str().split('.').next().unwrap_or_default();
                    self.bind(first);
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    self.bind(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn expression(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Await(await_expr) => {
                self.await_expr(await_expr.range);
                visitor::walk_expr(self, expr);
            }
            Expr::Yield(yield_expr) => {
                self.yield_expr(yield_expr.range, false);
                visitor::walk_expr(self, expr);
            }
            Expr::YieldFrom(yield_from) => {
                self.yield_expr(yield_from.range, true);
                visitor::walk_expr(self, expr);
            }
            Expr::Lambda(lambda) => {
                if let Some(parameters) = &lambda.parameters {
                    self.defaults_and_annotations(parameters);
                }
                let mut scope = self.new_scope(ScopeKind::Lambda);
                if let Some(parameters) = &lambda.parameters {
                    self.declare_parameters(parameters, &mut scope);
                }
                self.scopes.push(scope);
                self.visit_expr(&lambda.body);
                self.leave();
            }
            Expr::ListComp(comp) => self.comprehension(expr, &comp.generators, &[&comp.elt], "list comprehension"),
            Expr::SetComp(comp) => self.comprehension(expr, &comp.generators, &[&comp.elt], "set comprehension"),
            Expr::DictComp(comp) => {
                let elements: Vec<&Expr> = comp.key.as_deref().into_iter().chain([comp.value.as_ref()]).collect();
                self.comprehension(expr, &comp.generators, &elements, "dict comprehension");
            }
            Expr::Generator(comp) => self.comprehension(expr, &comp.generators, &[&comp.elt], "generator expression"),
            Expr::Call(call) => {
                let mut seen: HashSet<&str> = HashSet::new();
                for keyword in &call.arguments.keywords {
                    if let Some(arg) = &keyword.arg {
                        if !seen.insert(arg.as_str()) {
                            let message = format!("keyword argument repeated: {}", arg.as_str());
                            self.codegen_error(keyword.range, message, None);
                        }
                    }
                }
                visitor::walk_expr(self, expr);
            }
            Expr::Name(name) => {
                let id = name.id.as_str();
                match name.ctx {
                    ExprContext::Load => self.scope().used.insert(id),
                    _ => self.scope().assigned.insert(id),
                };
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// An error over `range` as CPython's compiler positions it (its columns are printed in bytes).
fn byte_spanning(source: &str, range: TextRange, message: String) -> SyntaxError {
    SyntaxError::spanning(source, range.start().to_usize(), range.end().to_usize(), ErrorKind::Syntax, message)
}

const HINT_AWAIT: &str =
    "`await` only works inside `async def`. To run a coroutine from the top level, use asyncio.run(main()).";
const HINT_ASYNC_BLOCK: &str = "`async with` and `async for` only work inside `async def`.";
const HINT_RETURN: &str = "`return` only works inside a function (def).";
const HINT_YIELD: &str = "`yield` only works inside a function (def).";
const HINT_LOOP: &str = "`break` and `continue` only work inside a `for` or `while` loop.";
