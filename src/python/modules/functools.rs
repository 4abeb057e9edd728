//! `functools`: `wraps`/`update_wrapper`, `partial`, `reduce`, `lru_cache`/`cache` with
//! `cache_info`/`cache_clear`; `total_ordering`, `cmp_to_key`, `cached_property`,
//! `partialmethod` and `singledispatch`(`method`) are Python (`py/functools_extra.py`), loaded
//! on first use. A function's name is fixed here, so `wraps` answers with a copy
//! of the wrapper (same code and closure) named as the wrapped function. An `lru_cache`d
//! method is not bound to its instance (native objects are not descriptors here).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::call::call;
use super::super::interp::{Interp, R};
use super::super::ir::Name;
use super::super::objects::{method, self_of};
use super::super::ops;
use super::super::value::*;

/// `functools.partial(f, *args, **kwargs)`
struct Partial {
    func: Value,
    args: Vec<Value>,
    kw: Vec<(Name, Value)>,
}

impl Object for Partial {
    fn type_name(&self) -> &str {
        "functools.partial"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        let mut parts = vec![ops::repr(interp, &self.func)?];
        for a in &self.args {
            parts.push(ops::repr(interp, a)?);
        }
        for (k, v) in &self.kw {
            parts.push(format!("{k}={}", ops::repr(interp, v)?));
        }
        Ok(format!("functools.partial({})", parts.join(", ")))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(match &**name {
            "func" => self.func.clone(),
            "args" => Value::tuple(self.args.clone()),
            "keywords" => {
                let mut d = Dict::new();
                for (k, v) in &self.kw {
                    d.set_str(k, v.clone());
                }
                Value::dict(d)
            }
            _ => return None,
        }))
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        let mut pos = self.args.clone();
        pos.extend(args.pos);
        let mut kw = self.kw.clone();
        for (k, v) in args.kw {
            kw.retain(|(n, _)| *n != k);
            kw.push((k, v));
        }
        Some(call(interp, &self.func, Args { pos, kw }))
    }
}

/// The attributes `update_wrapper` copies (CPython's `WRAPPER_ASSIGNMENTS`, less
/// `__annotations__`, which is not kept here).
const WRAPPER_ASSIGNMENTS: [&str; 4] = ["__module__", "__name__", "__qualname__", "__doc__"];

/// `functools.update_wrapper(wrapper, wrapped)`. A function's name cannot change here, so a
/// `def` wrapper is answered by a copy of it (same code, closure and defaults) under the
/// wrapped function's `__name__` and `__qualname__`: the decorator returns that copy, which
/// is what `@wraps(f)` binds. Its `__module__` stays its own; `__doc__`, an attribute, is
/// copied. Other wrappers (instances of a class) get the attributes set.
fn update_wrapper(interp: &Interp, wrapper: Value, wrapped: &Value) -> R<Value> {
    let get = |name: &str| super::super::attr::get_attr(interp, wrapped, &Name::from(name)).ok();
    let wrapped_dict: Vec<(Name, Value)> = match wrapped {
        Value::Func(f) => f.attrs.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        Value::Instance(i) => i.attrs.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => Vec::new(),
    };
    match &wrapper {
        Value::Func(f) => {
            let name_of = |attr: &str, own: &Name| match &get(attr) {
                Some(Value::Str(s)) => s.clone(),
                _ => own.clone(),
            };
            let mut attrs = f.attrs.borrow().clone();
            for (k, v) in wrapped_dict {
                attrs.insert(k, v);
            }
            attrs.insert(Name::from("__wrapped__"), wrapped.clone());
            Ok(Value::Func(Rc::new(Function {
                code: f.code.clone(),
                name: name_of("__name__", &f.name),
                qualname: name_of("__qualname__", &f.qualname),
                globals: f.globals.clone(),
                defaults: f.defaults.clone(),
                kw_defaults: f.kw_defaults.clone(),
                closure: f.closure.clone(),
                owner: RefCell::new(f.owner.borrow().clone()),
                attrs: RefCell::new(attrs),
            })))
        }
        other => {
            for name in WRAPPER_ASSIGNMENTS {
                if let Some(v) = get(name) {
                    super::super::attr::set_attr(interp, other, &Name::from(name), v)?;
                }
            }
            if let Value::Instance(i) = other {
                for (k, v) in wrapped_dict {
                    drop(i.set_own(&k, v));
                }
            }
            super::super::attr::set_attr(interp, other, &Name::from("__wrapped__"), wrapped.clone())?;
            Ok(wrapper)
        }
    }
}

/// What `functools.wraps(wrapped)` returns: applies `update_wrapper` to the function it decorates.
struct Wraps(Value);

impl Object for Wraps {
    fn type_name(&self) -> &str {
        "functools.partial"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        let [wrapper] = args.pos.as_slice() else {
            return Some(Err(interp.type_error(format!(
                "update_wrapper() takes 1 positional argument here but {} were given",
                args.pos.len()
            ))));
        };
        Some(update_wrapper(interp, wrapper.clone(), &self.0))
    }
}

/// `functools.lru_cache`/`cache`: results kept by arguments, the least recently used dropped
/// past `maxsize` (None: no bound), with CPython's statistics.
struct Cached {
    func: Value,
    maxsize: Option<usize>,
    typed: bool,
    /// Oldest first: a hit moves its entry to the end.
    memo: RefCell<Dict>,
    hits: Cell<i64>,
    misses: Cell<i64>,
    /// Attributes set on the cached function.
    attrs: RefCell<Attrs>,
}

impl Cached {
    fn make(func: Value, maxsize: Option<usize>, typed: bool) -> Value {
        Value::object(Cached {
            func,
            maxsize,
            typed,
            memo: RefCell::new(Dict::new()),
            hits: Cell::new(0),
            misses: Cell::new(0),
            attrs: RefCell::new(Attrs::default()),
        })
    }

    /// CPython's `_make_key`: the positional arguments, then a marker and the keyword
    /// arguments in the order given, then (typed) the arguments' types.
    fn key(&self, interp: &Interp, args: &Args) -> R<Key> {
        let mut key = args.pos.clone();
        if !args.kw.is_empty() {
            key.push(Value::str("\u{0}functools._kwd_mark"));
            for (k, v) in &args.kw {
                key.push(Value::Str(k.clone()));
                key.push(v.clone());
            }
        }
        if self.typed {
            key.extend(args.pos.iter().map(|v| Value::Class(interp.class_of(v))));
            key.extend(args.kw.iter().map(|(_, v)| Value::Class(interp.class_of(v))));
        }
        ops::key(interp, Value::tuple(key))
    }

    fn info(&self) -> CacheInfo {
        CacheInfo {
            hits: self.hits.get(),
            misses: self.misses.get(),
            maxsize: self.maxsize,
            currsize: self.memo.try_borrow().map_or(0, |m| m.len()),
        }
    }
}

impl Object for Cached {
    fn type_name(&self) -> &str {
        "functools._lru_cache_wrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn attr(&self, interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "cache_info" => |interp, args| Ok(Value::object(self_of::<Cached>(interp, &args)?.info())),
            "cache_clear" => |interp, args| {
                let c = self_of::<Cached>(interp, &args)?;
                if let Ok(mut memo) = c.memo.try_borrow_mut() {
                    *memo = Dict::new();
                }
                c.hits.set(0);
                c.misses.set(0);
                Ok(Value::None)
            },
            "cache_parameters" => |interp, args| {
                let c = self_of::<Cached>(interp, &args)?;
                let mut d = Dict::new();
                d.set_str("maxsize", c.maxsize.map_or(Value::None, |n| Value::Int(n as i64)));
                d.set_str("typed", Value::Bool(c.typed));
                Ok(Value::dict(d))
            },
            _ => {
                if let Some(v) = self.attrs.borrow().get(name) {
                    return Some(Ok(v.clone()));
                }
                return match &**name {
                    "__wrapped__" => Some(Ok(self.func.clone())),
                    "__name__" | "__qualname__" | "__module__" | "__doc__" => {
                        Some(super::super::attr::get_attr(interp, &self.func, name))
                    }
                    _ => None,
                };
            }
        };
        Some(Ok(method(this, name, f)))
    }
    fn set_attr(&self, _interp: &Interp, name: &Name, v: Value) -> Option<R<()>> {
        self.attrs.borrow_mut().insert(name.clone(), v);
        Some(Ok(()))
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        if self.maxsize == Some(0) {
            self.misses.set(self.misses.get() + 1);
            return Some(call(interp, &self.func, args));
        }
        let k = match self.key(interp, &args) {
            Ok(k) => k,
            Err(e) => return Some(Err(e)),
        };
        // The memo is only ever borrowed briefly; a key's `__eq__` calling back in here
        // finds it borrowed and is answered without the cache.
        let hit = self.memo.try_borrow().ok().and_then(|m| m.get(&k).cloned());
        if let Some(v) = hit {
            self.hits.set(self.hits.get() + 1);
            if self.maxsize.is_some() {
                if let Ok(mut memo) = self.memo.try_borrow_mut() {
                    if let Some(v) = memo.remove(&k) {
                        memo.insert(k, v);
                    }
                }
            }
            return Some(Ok(v));
        }
        self.misses.set(self.misses.get() + 1);
        let r = call(interp, &self.func, args);
        if let (Ok(v), Ok(mut memo)) = (&r, self.memo.try_borrow_mut()) {
            // A recursive call may have cached it meanwhile: CPython keeps that entry.
            if memo.get(&k).is_none() {
                if let Some(max) = self.maxsize {
                    while memo.len() >= max && !memo.is_empty() {
                        let Some(oldest) = memo.iter().next().map(|(k, _)| k.clone()) else { break };
                        memo.remove(&oldest);
                    }
                }
                memo.insert(k, v.clone());
            }
        }
        Some(r)
    }
}

/// `cache_info()`'s named tuple `CacheInfo(hits, misses, maxsize, currsize)`.
struct CacheInfo {
    hits: i64,
    misses: i64,
    maxsize: Option<usize>,
    currsize: usize,
}

impl CacheInfo {
    fn items(&self) -> Vec<Value> {
        vec![
            Value::Int(self.hits),
            Value::Int(self.misses),
            self.maxsize.map_or(Value::None, |n| Value::Int(n as i64)),
            Value::Int(self.currsize as i64),
        ]
    }
}

impl Object for CacheInfo {
    fn type_name(&self) -> &str {
        "CacheInfo"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        Ok(format!(
            "CacheInfo(hits={}, misses={}, maxsize={}, currsize={})",
            self.hits,
            self.misses,
            ops::repr(interp, &self.maxsize.map_or(Value::None, |n| Value::Int(n as i64)))?,
            self.currsize
        ))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        let i = ["hits", "misses", "maxsize", "currsize"].iter().position(|n| *n == &**name)?;
        self.items().get(i).cloned().map(Ok)
    }
    fn iter(&self, interp: &Interp, _this: &Value) -> Option<R<Value>> {
        Some(ops::iter(interp, &Value::tuple(self.items())))
    }
    fn py_len(&self) -> Option<usize> {
        Some(4)
    }
    fn get_item(&self, interp: &Interp, index: &Value) -> Option<R<Value>> {
        Some(ops::get_item(interp, &Value::tuple(self.items()), index))
    }
    fn eq(&self, other: &Value) -> Option<bool> {
        let mine = Value::tuple(self.items());
        let theirs = match other {
            Value::Tuple(_) => other.clone(),
            v => Value::tuple(v.downcast::<CacheInfo>()?.items()),
        };
        Some(key_eq(&mine, &theirs))
    }
}

/// The decorator `lru_cache(maxsize=…, typed=…)` returns.
struct CacheDecorator {
    maxsize: Option<usize>,
    typed: bool,
}

impl Object for CacheDecorator {
    fn type_name(&self) -> &str {
        "function"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        match args.pos.first() {
            Some(f) => Some(Ok(Cached::make(f.clone(), self.maxsize, self.typed))),
            None => Some(Err(interp.type_error("lru_cache's decorator takes the function to cache"))),
        }
    }
}

/// `lru_cache(maxsize=128, typed=False)`, or `lru_cache` applied straight to a function.
fn lru_cache(interp: &Interp, a: Args) -> R<Value> {
    let kw = |name: &str| a.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone());
    let maxsize = a.pos.first().cloned().or_else(|| kw("maxsize")).unwrap_or(Value::Int(128));
    let typed = match a.pos.get(1).cloned().or_else(|| kw("typed")) {
        Some(v) => ops::truthy(interp, &v)?,
        None => false,
    };
    let bound = match &maxsize {
        Value::None => None,
        Value::Int(n) => Some(usize::try_from(*n).unwrap_or(0)),
        Value::Bool(b) => Some(usize::from(*b)),
        Value::Func(_)
        | Value::Builtin(_)
        | Value::Method(_)
        | Value::Class(_)
        | Value::Instance(_)
        | Value::Object(_) => {
            return Ok(Cached::make(maxsize.clone(), Some(128), typed));
        }
        _ => return Err(interp.type_error("Expected first argument to be an integer, a callable, or None")),
    };
    Ok(Value::object(CacheDecorator { maxsize: bound, typed }))
}

/// `functools.__getattr__`: the names written in Python, loaded on first use (the module imports
/// `functools` itself) and kept in the module from then on.
fn python_part(interp: &Interp, args: Args) -> R<Value> {
    let name = ops::str_of(interp, args.pos.first().unwrap_or(&Value::None))?;
    let known =
        ["total_ordering", "cmp_to_key", "cached_property", "partialmethod", "singledispatch", "singledispatchmethod"];
    if !known.contains(&name.as_str()) {
        return Err(interp.attribute_error(format!("module 'functools' has no attribute '{name}'")));
    }
    let found = match &super::super::call::import_module(interp, "_functools_extra")? {
        Value::Module(m) => m.get(&name),
        _ => None,
    };
    let value = found.ok_or_else(|| interp.runtime_error(format!("functools.{name} could not be loaded")))?;
    let functools = interp.modules.borrow().get("functools").cloned();
    if let Some(functools) = functools {
        functools.set(&name, value.clone());
    }
    Ok(value)
}

pub fn module(_interp: &Interp) -> Rc<Module> {
    let m = Module::new("functools");
    m.set(
        "wraps",
        builtin("wraps", |interp, a| match a.pos.first() {
            Some(wrapped) => Ok(Value::object(Wraps(wrapped.clone()))),
            None => Err(interp.type_error("wraps() missing 1 required positional argument: 'wrapped'")),
        }),
    );
    m.set(
        "update_wrapper",
        builtin("update_wrapper", |interp, a| match a.pos.as_slice() {
            [wrapper, wrapped, ..] => update_wrapper(interp, wrapper.clone(), wrapped),
            _ => Err(interp.type_error("update_wrapper() takes the wrapper and the wrapped function")),
        }),
    );
    m.set(
        "WRAPPER_ASSIGNMENTS",
        Value::tuple(["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"].map(Value::str).to_vec()),
    );
    m.set("WRAPPER_UPDATES", Value::tuple(vec![Value::str("__dict__")]));
    m.set(
        "partial",
        builtin("partial", |interp, a| {
            let mut pos = a.pos.into_iter();
            let Some(func) = pos.next() else {
                return Err(interp.type_error("type 'partial' takes at least one argument"));
            };
            Ok(Value::object(Partial { func, args: pos.collect(), kw: a.kw }))
        }),
    );
    m.set(
        "reduce",
        builtin("reduce", |interp, a| {
            let f = a.pos.first().cloned().unwrap_or_default();
            let mut items = ops::collect(interp, a.pos.get(1).unwrap_or(&Value::None))?.into_iter();
            let mut acc = match a.pos.get(2) {
                Some(init) => init.clone(),
                None => {
                    items.next().ok_or_else(|| interp.type_error("reduce() of empty iterable with no initial value"))?
                }
            };
            for x in items {
                acc = call(interp, &f, Args { pos: vec![acc, x], kw: vec![] })?;
            }
            Ok(acc)
        }),
    );
    m.set("lru_cache", builtin("lru_cache", lru_cache));
    m.set("__getattr__", builtin("__getattr__", python_part));
    m.set(
        "cache",
        builtin("cache", |interp, a| match a.pos.first() {
            Some(f) => Ok(Cached::make(f.clone(), None, false)),
            None => Err(interp.type_error("cache() missing 1 required positional argument: 'user_function'")),
        }),
    );
    m
}
