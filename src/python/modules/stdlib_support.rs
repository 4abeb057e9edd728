//! `_stdlib`: what the embedded standard modules written in Python ask of the interpreter: a
//! new instance of an object's class made without calling `__init__`, as `cls.__new__(cls)`
//! makes it (the engine has no `object.__new__`), for `py/copy.py`; the current context and
//! a way to change it, for `py/contextvars.py`; a class named at run time and the module that
//! called, for `namedtuple` (`py/collections.py`); `default_int_handler`, for `py/signal.py`;
//! the thread running (`thread()`), for `py/threading.py`; which methods a class defines
//! (`check_methods`), for `py/collections_abc.py`'s structural checks; a note beside the output
//! (`note`), for `py/concurrent_futures.py`.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::interp::{new_class, Interp, R};
use super::super::ir::Name;
use super::super::value::*;

/// `new_instance(x)`: an empty instance of `x`'s class when `x` is an instance of a class
/// written in Python (not an exception), else None.
fn new_instance(x: Option<&Value>) -> Value {
    match x {
        Some(Value::Instance(i)) if i.exc.is_none() && i.class.user => Value::Instance(Rc::new(Instance {
            class: i.class.clone(),
            attrs: RefCell::new(Attrs::default()),
            dict: InstanceDict::default(),
            exc: None,
        })),
        _ => Value::None,
    }
}

/// `caller_module()`: the `__name__` of the module whose code called the function asking
/// (CPython's `sys._getframe(1).f_globals['__name__']`, which `namedtuple` reads). A frame
/// without a function is a module's top level or a class body, which here is the program's
/// own: the embedded modules make no namedtuples while they load.
fn caller_module(interp: &Interp) -> Value {
    let frames = interp.frames.borrow();
    let caller = frames.len().checked_sub(2).and_then(|i| frames.get(i));
    match caller.and_then(|info| info.func.as_ref()) {
        Some(f) => Value::Str(f.globals.name.clone()),
        None => Value::str("__main__"),
    }
}

/// `make_class(name, module, base, namespace)`: a class `name` of module `module` deriving from
/// `base` (a class written in Python), with `namespace`'s attributes, as `type(name, (base,),
/// namespace)` makes one: a class statement's name is fixed where it is written, and
/// `namedtuple` names its class at run time. No `__init_subclass__` runs, and the namespace is
/// data (a function in it would not know this class for zero-argument `super()`): methods
/// belong on `base`.
fn make_class(interp: &Interp, a: Args) -> R<Value> {
    let (Some(Value::Str(name)), Some(Value::Str(module)), Some(Value::Class(base)), Some(Value::Dict(namespace))) =
        (a.pos.first(), a.pos.get(1), a.pos.get(2), a.pos.get(3))
    else {
        return Err(interp.type_error("make_class() takes a name, a module name, a class and a dict"));
    };
    if !base.user {
        return Err(interp.type_error("make_class() derives only from a class written in Python"));
    }
    let class = new_class(name, module, vec![base.clone()], base.builtin, true);
    {
        let mut attrs = class.attrs.borrow_mut();
        // A Python class's `__module__` is its own attribute (else the base's would be found).
        attrs.insert(Name::from("__module__"), Value::Str(module.clone()));
        for (k, v) in namespace.borrow().iter() {
            if let Value::Str(k) = &k.value {
                attrs.insert(k.clone(), v.clone());
            }
        }
    }
    Ok(Value::Class(class))
}

/// What a built-in class (one not written in Python) defines along its own MRO, among the
/// methods `collections.abc`'s structural checks ask about: `Some(true)` a method,
/// `Some(false)` a name set to None (`list.__hash__`), `None` nothing. The engine's built-in
/// classes keep their methods in Rust, not in a namespace, so this table says what CPython's
/// types hold in theirs.
pub fn builtin_defines(class: &Class, name: &str) -> Option<bool> {
    const ITERATOR: &[&str] = &["__iter__", "__next__"];
    const COLLECTION: &[&str] = &["__iter__", "__len__", "__contains__"];
    const REVERSIBLE: &[&str] = &["__iter__", "__len__", "__contains__", "__reversed__"];
    const CALLABLE: &[&str] = &["__call__"];
    let native = class.builtin == BuiltinType::Native;
    if name == "__hash__" {
        let unhashable = matches!(class.builtin, BuiltinType::List | BuiltinType::Dict | BuiltinType::Set)
            || (native && matches!(&*class.name, "dict_keys" | "dict_items" | "slice" | "bytearray"));
        return Some(!unhashable);
    }
    let defines: &[&str] = match class.builtin {
        BuiltinType::Type | BuiltinType::Function | BuiltinType::BuiltinFunction | BuiltinType::Method => CALLABLE,
        BuiltinType::Str | BuiltinType::Tuple | BuiltinType::Set | BuiltinType::FrozenSet => COLLECTION,
        BuiltinType::List | BuiltinType::Dict => REVERSIBLE,
        BuiltinType::Native => match &*class.name {
            "range" | "dict_keys" | "dict_items" => REVERSIBLE,
            "dict_values" => &["__iter__", "__len__", "__reversed__"],
            "bytes" | "bytearray" => COLLECTION,
            "generator" => &["__iter__", "__next__", "send", "throw", "close"],
            "coroutine" => &["__await__", "send", "throw", "close"],
            "async_generator" => &["__aiter__", "__anext__", "asend", "athrow", "aclose"],
            "Task" | "Future" | "_GatheringFuture" => &["__iter__", "__await__"],
            "partial" | "_lru_cache_wrapper" | "staticmethod" => CALLABLE,
            "map" | "filter" | "zip" | "enumerate" | "reversed" => ITERATOR,
            other if other.ends_with("iterator") => ITERATOR,
            _ => &[],
        },
        _ => &[],
    };
    defines.contains(&name).then_some(true)
}

/// `check_methods(C, *names)`: CPython's `_collections_abc._check_methods`, True when every
/// name is defined along C's MRO (and not set to None there), else NotImplemented.
fn check_methods(interp: &Interp, a: Args) -> R<Value> {
    let not_implemented = || interp.builtins.get("NotImplemented").unwrap_or_default();
    let Some(Value::Class(class)) = a.pos.first() else {
        return Ok(not_implemented());
    };
    for name in a.pos.iter().skip(1) {
        let Value::Str(name) = name else {
            return Err(interp.type_error("check_methods() takes a class and method names"));
        };
        let found = class.lineage().find_map(|c| {
            if c.user {
                c.attrs.borrow().get(&**name).map(|v| !v.is_none())
            } else {
                builtin_defines(c, name)
            }
        });
        if found != Some(true) {
            return Ok(not_implemented());
        }
    }
    Ok(Value::Bool(true))
}

pub fn module() -> Rc<Module> {
    let m = Module::new("_stdlib");
    m.set("new_instance", builtin("new_instance", |_, a| Ok(new_instance(a.pos.first()))));
    m.set("context", builtin("context", |interp, _| Ok(interp.context.borrow().clone())));
    // Makes `ctx` current and returns the context it replaces.
    m.set(
        "set_context",
        builtin("set_context", |interp, a| Ok(interp.context.replace(a.pos.into_iter().next().unwrap_or_default()))),
    );
    m.set("caller_module", builtin("caller_module", |interp, _| Ok(caller_module(interp))));
    m.set("make_class", builtin("make_class", make_class));
    m.set("check_methods", builtin("check_methods", check_methods));
    // `note(text)`: Interleave's own note beside the output (a deliberate difference from
    // CPython), for the modules that keep their own once-per-run flag.
    m.set(
        "note",
        builtin("note", |interp, a| {
            if let Some(Value::Str(text)) = a.pos.first() {
                interp.note(text);
            }
            Ok(Value::None)
        }),
    );
    // `signal.default_int_handler`, a built-in function in CPython too: what SIGINT runs.
    m.set("default_int_handler", builtin("default_int_handler", |interp, _| Err(interp.err("KeyboardInterrupt", ""))));
    // `(name, ident, threads alive)` of the thread running: the main thread, or the executor's
    // thread a to_thread worker's copy of the program runs its call in.
    m.set("main_ident", Value::Int(super::super::thread::MAIN_IDENT));
    m.set("thread_number", builtin("thread_number", |_, _| Ok(Value::Int(super::super::thread::next_thread_number()))));
    m.set(
        "thread",
        builtin("thread", |_, _| {
            let t = super::super::thread::current_thread();
            let (name, ident) =
                t.map_or(("MainThread".to_string(), super::super::thread::MAIN_IDENT), |t| (t.name, t.ident));
            let alive = super::super::thread::alive_threads();
            Ok(Value::tuple(vec![Value::str(&name), Value::Int(ident), Value::Int(alive as i64)]))
        }),
    );
    m
}
