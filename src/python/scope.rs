//! Which names are local, captured, free or global in each function, class and comprehension,
//! computed the way CPython's symtable does it, so the compiler can give every name a slot.

use std::collections::{HashMap, HashSet};

use indexmap::IndexSet;
use ruff_python_ast::{self as ast, Expr, Stmt};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<usize>,
    /// Names bound here (parameters first, in order).
    pub bound: IndexSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub used: IndexSet<String>,
    /// Bound here and captured by an inner scope: they live in cells.
    pub cells: IndexSet<String>,
    /// Captured from an enclosing function (closure order).
    pub free: IndexSet<String>,
    pub has_yield: bool,
    pub has_await: bool,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Self {
        Scope {
            kind,
            parent,
            bound: IndexSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            used: IndexSet::new(),
            cells: IndexSet::new(),
            free: IndexSet::new(),
            has_yield: false,
            has_await: false,
        }
    }
}

/// How a name resolves in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    Local,
    Cell,
    Free,
    Global,
    /// A class body's own name (namespace, then globals and builtins).
    ClassName,
}

/// The scopes of a module, keyed by the address of the node that opens each one.
pub struct Scopes {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    /// `nonlocal x` with no enclosing binding: CPython's SyntaxError, reported with its line.
    pub errors: Vec<(ruff_text_size::TextSize, String)>,
}

pub fn key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl Scopes {
    pub fn analyse(module: &ast::ModModule) -> Scopes {
        let mut s =
            Scopes { scopes: vec![Scope::new(ScopeKind::Module, None)], by_node: HashMap::new(), errors: vec![] };
        s.by_node.insert(key(module), 0);
        s.stmts(0, &module.body);
        s.resolve();
        s
    }

    pub fn of<T>(&self, node: &T) -> usize {
        self.by_node.get(&key(node)).copied().unwrap_or(0)
    }

    pub fn resolve_name(&self, scope: usize, name: &str) -> Resolution {
        let s = &self.scopes[scope];
        match s.kind {
            ScopeKind::Module => Resolution::Global,
            ScopeKind::Class => {
                if s.globals.contains(name) {
                    Resolution::Global
                } else if s.free.contains(name) && !s.bound.contains(name) {
                    Resolution::Free
                } else {
                    Resolution::ClassName
                }
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                if s.globals.contains(name) {
                    Resolution::Global
                } else if s.cells.contains(name) {
                    Resolution::Cell
                } else if s.free.contains(name) {
                    Resolution::Free
                } else if s.bound.contains(name) {
                    Resolution::Local
                } else {
                    Resolution::Global
                }
            }
        }
    }

    fn open(&mut self, kind: ScopeKind, parent: usize, node: usize) -> usize {
        self.scopes.push(Scope::new(kind, Some(parent)));
        let id = self.scopes.len() - 1;
        self.by_node.insert(node, id);
        id
    }

    fn bind(&mut self, scope: usize, name: &str) {
        self.scopes[scope].bound.insert(name.to_string());
    }

    fn use_name(&mut self, scope: usize, name: &str) {
        self.scopes[scope].used.insert(name.to_string());
    }

    fn stmts(&mut self, scope: usize, body: &[Stmt]) {
        for stmt in body {
            self.stmt(scope, stmt);
        }
    }

    fn parameters(&mut self, outer: usize, inner: usize, params: &ast::Parameters) {
        for p in params.posonlyargs.iter().chain(params.args.iter()) {
            self.bind(inner, p.parameter.name.as_str());
            if let Some(d) = &p.default {
                self.expr(outer, d);
            }
        }
        if let Some(v) = &params.vararg {
            self.bind(inner, v.name.as_str());
        }
        for p in &params.kwonlyargs {
            self.bind(inner, p.parameter.name.as_str());
            if let Some(d) = &p.default {
                self.expr(outer, d);
            }
        }
        if let Some(k) = &params.kwarg {
            self.bind(inner, k.name.as_str());
        }
    }

    /// A `def`'s annotations, evaluated where the `def` runs.
    fn annotations(&mut self, outer: usize, params: &ast::Parameters, returns: Option<&Expr>) {
        for p in params.posonlyargs.iter().chain(params.args.iter()).chain(params.kwonlyargs.iter()) {
            if let Some(a) = &p.parameter.annotation {
                self.expr(outer, a);
            }
        }
        for p in params.vararg.iter().chain(params.kwarg.iter()) {
            if let Some(a) = &p.annotation {
                self.expr(outer, a);
            }
        }
        if let Some(r) = returns {
            self.expr(outer, r);
        }
    }

    fn stmt(&mut self, scope: usize, stmt: &Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(scope, &d.expression);
                }
                let inner = self.open(ScopeKind::Function, scope, key(f));
                self.parameters(scope, inner, &f.parameters);
                self.annotations(scope, &f.parameters, f.returns.as_deref());
                self.scopes[inner].has_await |= f.is_async;
                self.stmts(inner, &f.body);
                self.bind(scope, f.name.as_str());
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(scope, &d.expression);
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(scope, a);
                    }
                    for k in args.keywords.iter() {
                        self.expr(scope, &k.value);
                    }
                }
                let inner = self.open(ScopeKind::Class, scope, key(c));
                self.stmts(inner, &c.body);
                self.bind(scope, c.name.as_str());
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(scope, v);
                }
            }
            Stmt::Delete(d) => d.targets.iter().for_each(|t| self.target(scope, t)),
            Stmt::Assign(a) => {
                self.expr(scope, &a.value);
                a.targets.iter().for_each(|t| self.target(scope, t));
            }
            Stmt::AugAssign(a) => {
                self.expr(scope, &a.value);
                self.target(scope, &a.target);
                if let Expr::Name(n) = &*a.target {
                    self.use_name(scope, n.id.as_str());
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(scope, v);
                }
                self.target(scope, &a.target);
                // A module's or class body's annotation is evaluated; a function's is not.
                if !matches!(self.scopes[scope].kind, ScopeKind::Function) && matches!(&*a.target, Expr::Name(_)) {
                    self.expr(scope, &a.annotation);
                }
            }
            Stmt::For(f) => {
                self.expr(scope, &f.iter);
                self.target(scope, &f.target);
                self.stmts(scope, &f.body);
                self.stmts(scope, &f.orelse);
            }
            Stmt::While(w) => {
                self.expr(scope, &w.test);
                self.stmts(scope, &w.body);
                self.stmts(scope, &w.orelse);
            }
            Stmt::If(i) => {
                self.expr(scope, &i.test);
                self.stmts(scope, &i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(scope, t);
                    }
                    self.stmts(scope, &c.body);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(scope, &item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.target(scope, v);
                    }
                }
                self.stmts(scope, &w.body);
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(scope, e);
                }
                if let Some(c) = &r.cause {
                    self.expr(scope, c);
                }
            }
            Stmt::Try(t) => {
                self.stmts(scope, &t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(scope, ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(scope, n.as_str());
                    }
                    self.stmts(scope, &h.body);
                }
                self.stmts(scope, &t.orelse);
                self.stmts(scope, &t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(scope, &a.test);
                if let Some(m) = &a.msg {
                    self.expr(scope, m);
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = match &alias.asname {
                        Some(a) => a.as_str().to_string(),
                        None => alias.name.as_str().split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(scope, &name);
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    if name.as_str() != "*" {
                        self.bind(scope, name.as_str());
                    }
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.scopes[scope].globals.insert(n.as_str().to_string());
                }
            }
            Stmt::Nonlocal(n) => {
                for name in &n.names {
                    self.scopes[scope].nonlocals.insert(name.as_str().to_string());
                }
            }
            Stmt::Expr(e) => self.expr(scope, &e.value),
            Stmt::Match(m) => {
                self.expr(scope, &m.subject);
                for case in &m.cases {
                    self.pattern(scope, &case.pattern);
                    if let Some(g) = &case.guard {
                        self.expr(scope, g);
                    }
                    self.stmts(scope, &case.body);
                }
            }
            Stmt::TypeAlias(_) | Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    /// A `case` pattern: its captures bind names; its values, classes and keys are read.
    fn pattern(&mut self, scope: usize, p: &ast::Pattern) {
        match p {
            ast::Pattern::MatchValue(v) => self.expr(scope, &v.value),
            ast::Pattern::MatchSingleton(_) => {}
            ast::Pattern::MatchSequence(s) => s.patterns.iter().for_each(|p| self.pattern(scope, p)),
            ast::Pattern::MatchMapping(m) => {
                m.keys.iter().for_each(|k| self.expr(scope, k));
                m.patterns.iter().for_each(|p| self.pattern(scope, p));
                if let Some(rest) = &m.rest {
                    self.bind(scope, rest.as_str());
                }
            }
            ast::Pattern::MatchClass(c) => {
                self.expr(scope, &c.cls);
                c.arguments.patterns.iter().for_each(|p| self.pattern(scope, p));
                c.arguments.keywords.iter().for_each(|k| self.pattern(scope, &k.pattern));
            }
            ast::Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(scope, n.as_str());
                }
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(scope, p);
                }
                if let Some(n) = &a.name {
                    self.bind(scope, n.as_str());
                }
            }
            ast::Pattern::MatchOr(o) => o.patterns.iter().for_each(|p| self.pattern(scope, p)),
        }
    }

    fn target(&mut self, scope: usize, target: &Expr) {
        match target {
            Expr::Name(n) => self.bind(scope, n.id.as_str()),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(scope, e)),
            Expr::List(l) => l.elts.iter().for_each(|e| self.target(scope, e)),
            Expr::Starred(s) => self.target(scope, &s.value),
            other => self.expr(scope, other),
        }
    }

    /// The scope a walrus binds in: the nearest enclosing scope that is not a comprehension.
    fn walrus_scope(&self, mut scope: usize) -> usize {
        while self.scopes[scope].kind == ScopeKind::Comprehension {
            match self.scopes[scope].parent {
                Some(p) => scope = p,
                None => break,
            }
        }
        scope
    }

    fn comprehension(&mut self, scope: usize, node: usize, generators: &[ast::Comprehension], elts: &[&Expr]) {
        let Some(first) = generators.first() else { return };
        self.expr(scope, &first.iter);
        let inner = self.open(ScopeKind::Comprehension, scope, node);
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(inner, &g.iter);
            }
            self.target(inner, &g.target);
            for cond in &g.ifs {
                self.expr(inner, cond);
            }
            self.scopes[inner].has_await |= g.is_async;
        }
        for e in elts {
            self.expr(inner, e);
        }
    }

    fn expr(&mut self, scope: usize, expr: &Expr) {
        match expr {
            Expr::Name(n) => self.use_name(scope, n.id.as_str()),
            Expr::Named(n) => {
                self.expr(scope, &n.value);
                if let Expr::Name(name) = &*n.target {
                    let owner = self.walrus_scope(scope);
                    self.bind(owner, name.id.as_str());
                    if owner != scope {
                        // The comprehension reaches the name as a free variable.
                        self.use_name(scope, name.id.as_str());
                    }
                }
            }
            Expr::Lambda(l) => {
                let inner = self.open(ScopeKind::Function, scope, key(l));
                if let Some(p) = &l.parameters {
                    self.parameters(scope, inner, p);
                }
                self.expr(inner, &l.body);
            }
            Expr::ListComp(c) => self.comprehension(scope, key(c), &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(scope, key(c), &c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(scope, key(c), &c.generators, &[&c.elt]),
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = vec![&c.value];
                if let Some(k) = &c.key {
                    elts.insert(0, k);
                }
                self.comprehension(scope, key(c), &c.generators, &elts)
            }
            Expr::Await(a) => {
                self.scopes[scope].has_await = true;
                self.expr(scope, &a.value);
            }
            Expr::Yield(y) => {
                self.scopes[scope].has_yield = true;
                if let Some(v) = &y.value {
                    self.expr(scope, v);
                }
            }
            Expr::YieldFrom(y) => {
                self.scopes[scope].has_yield = true;
                self.expr(scope, &y.value);
            }
            other => {
                let mut children = Vec::new();
                children_of(other, &mut children);
                for c in children {
                    self.expr(scope, c);
                }
            }
        }
    }

    /// CPython's symtable pass 2: decides cells and free variables.
    fn resolve(&mut self) {
        for id in 0..self.scopes.len() {
            let kind = self.scopes[id].kind;
            if kind == ScopeKind::Module {
                continue;
            }
            let mut names: Vec<String> = self.scopes[id].used.iter().cloned().collect();
            names.extend(self.scopes[id].nonlocals.iter().cloned());
            for name in names {
                let s = &self.scopes[id];
                if s.globals.contains(&name) {
                    continue;
                }
                let nonlocal = s.nonlocals.contains(&name);
                if s.bound.contains(&name) && !nonlocal {
                    continue;
                }
                // Find the enclosing function that binds it (class bodies are skipped).
                let mut chain = vec![id];
                let mut cur = self.scopes[id].parent;
                let mut owner = None;
                while let Some(p) = cur {
                    let ps = &self.scopes[p];
                    match ps.kind {
                        ScopeKind::Module => break,
                        ScopeKind::Class => {}
                        ScopeKind::Function | ScopeKind::Comprehension => {
                            if ps.globals.contains(&name) {
                                break;
                            }
                            if ps.bound.contains(&name) && !ps.nonlocals.contains(&name) {
                                owner = Some(p);
                                break;
                            }
                        }
                    }
                    chain.push(p);
                    cur = ps.parent;
                }
                match owner {
                    Some(owner) => {
                        self.scopes[owner].cells.insert(name.clone());
                        for &c in &chain {
                            self.scopes[c].free.insert(name.clone());
                        }
                    }
                    None if nonlocal => {
                        self.errors.push((
                            ruff_text_size::TextSize::default(),
                            format!("no binding for nonlocal '{name}' found"),
                        ));
                    }
                    None => {}
                }
            }
        }
        // A name both bound and free (assigned in a nested scope after `nonlocal`) is free.
        for s in &mut self.scopes {
            let free: Vec<String> = s.free.iter().cloned().collect();
            for f in free {
                if s.nonlocals.contains(&f) {
                    s.bound.shift_remove(&f);
                }
            }
        }
    }
}

/// The direct sub-expressions of an expression that opens no scope of its own.
pub fn children_of<'a>(expr: &'a Expr, out: &mut Vec<&'a Expr>) {
    match expr {
        Expr::BoolOp(b) => out.extend(b.values.iter()),
        Expr::BinOp(b) => {
            out.push(&b.left);
            out.push(&b.right);
        }
        Expr::UnaryOp(u) => out.push(&u.operand),
        Expr::If(i) => {
            out.push(&i.test);
            out.push(&i.body);
            out.push(&i.orelse);
        }
        Expr::Dict(d) => {
            for item in &d.items {
                if let Some(k) = &item.key {
                    out.push(k);
                }
                out.push(&item.value);
            }
        }
        Expr::Set(s) => out.extend(s.elts.iter()),
        Expr::Compare(c) => {
            out.push(&c.left);
            out.extend(c.comparators.iter());
        }
        Expr::Call(c) => {
            out.push(&c.func);
            out.extend(c.arguments.args.iter());
            out.extend(c.arguments.keywords.iter().map(|k| &k.value));
        }
        Expr::FString(f) => {
            for part in f.value.iter() {
                if let ast::FStringPart::FString(fs) = part {
                    interpolations(&fs.elements, out);
                }
            }
        }
        Expr::Attribute(a) => out.push(&a.value),
        Expr::Subscript(s) => {
            out.push(&s.value);
            out.push(&s.slice);
        }
        Expr::Starred(s) => out.push(&s.value),
        Expr::List(l) => out.extend(l.elts.iter()),
        Expr::Tuple(t) => out.extend(t.elts.iter()),
        Expr::Slice(s) => {
            for e in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                out.push(e);
            }
        }
        Expr::Await(a) => out.push(&a.value),
        Expr::Yield(y) => {
            if let Some(v) = &y.value {
                out.push(v);
            }
        }
        Expr::YieldFrom(y) => out.push(&y.value),
        Expr::Named(n) => out.push(&n.value),
        Expr::Lambda(_)
        | Expr::ListComp(_)
        | Expr::SetComp(_)
        | Expr::DictComp(_)
        | Expr::Generator(_)
        | Expr::TString(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_)
        | Expr::Name(_)
        | Expr::IpyEscapeCommand(_) => {}
    }
}

/// The expressions inside an f-string's replacement fields (and their nested specs).
pub fn interpolations<'a>(elements: &'a ast::InterpolatedStringElements, out: &mut Vec<&'a Expr>) {
    for el in elements.iter() {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            out.push(&i.expression);
            if let Some(spec) = &i.format_spec {
                interpolations(&spec.elements, out);
            }
        }
    }
}
