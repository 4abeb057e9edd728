//! `sys`: the two output streams, `exit`, and the version a program may check.

use std::any::Any;
use std::rc::Rc;

use super::super::builtins::{builtin, expect, sys_exit};
use super::super::interp::{Interp, Stream, R};
use super::super::ir::Name;
use super::super::objects::{method, self_of};
use super::super::ops;
use super::super::value::*;

/// `sys.stdout` / `sys.stderr`.
pub struct StreamObj(pub Stream);

impl Object for StreamObj {
    fn type_name(&self) -> &str {
        "TextIOWrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok(match self.0 {
            Stream::Stdout => "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>".into(),
            Stream::Stderr | Stream::Note => "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>".into(),
        })
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "write" => |interp, args| {
                expect(interp, &args, "write", 2, 2)?;
                let s = self_of::<StreamObj>(interp, &args)?;
                let Value::Str(text) = &args.pos[1] else {
                    return Err(
                        interp.type_error(format!("write() argument must be str, not {}", args.pos[1].type_name()))
                    );
                };
                interp.write(s.0, text);
                Ok(Value::Int(text.chars().count() as i64))
            },
            "flush" => |_, _| Ok(Value::None),
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

/// Where `print(file=…)` writes: one of the page's streams, or an object of the program's own
/// with a `write` method (an `io.StringIO`, a class that collects lines).
pub enum PrintTarget {
    Stream(Stream),
    Object(Value),
}

/// Which target `print(file=…)` names (not None: that is `sys.stdout`).
pub fn print_target(interp: &Interp, v: &Value) -> R<PrintTarget> {
    match v.downcast::<StreamObj>() {
        Some(s) => Ok(PrintTarget::Stream(s.0)),
        None => match super::super::attr::get_attr(interp, v, &Name::from("write")) {
            Ok(_) => Ok(PrintTarget::Object(v.clone())),
            Err(_) => Err(interp.attribute_error(format!("'{}' object has no attribute 'write'", v.type_name()))),
        },
    }
}

/// Where a `print` without `file=` writes: the program's `sys.stdout`, which a program may
/// have replaced (`contextlib.redirect_stdout`, `sys.stdout = io.StringIO()`). Until `sys` is
/// imported nothing can have replaced it.
pub fn stdout_target(interp: &Interp) -> R<PrintTarget> {
    let stdout = interp.modules.borrow().get("sys").and_then(|sys| sys.get("stdout"));
    match stdout {
        Some(v) if !v.is_none() => print_target(interp, &v),
        _ => Ok(PrintTarget::Stream(Stream::Stdout)),
    }
}

/// `sys.version_info`, a named 5-tuple, written in Python (a class with a tuple's reading and
/// comparing, as tuples cannot be subclassed here). Embedded as `_sys_version_info` (see
/// [`super::net::source`]) and made when `sys` is first imported.
pub const VERSION_INFO: &str = r#"
_FIELDS = ("major", "minor", "micro", "releaselevel", "serial")


def _values(o):
    return o._v if isinstance(o, version_info) else o


class version_info:
    __module__ = "sys"

    def __init__(self, *values):
        self._v = values

    def __getattr__(self, name):
        if name in _FIELDS:
            return self._v[_FIELDS.index(name)]
        raise AttributeError(f"'sys.version_info' object has no attribute '{name}'")

    def __repr__(self):
        return "sys.version_info(" + ", ".join(f"{f}={v!r}" for f, v in zip(_FIELDS, self._v)) + ")"

    def __len__(self):
        return len(self._v)

    def __getitem__(self, i):
        return self._v[i]

    def __iter__(self):
        return iter(self._v)

    def __hash__(self):
        return hash(self._v)

    def __eq__(self, o):
        return self._v == _values(o)

    def __ne__(self, o):
        return self._v != _values(o)

    def __lt__(self, o):
        return self._v < _values(o)

    def __le__(self, o):
        return self._v <= _values(o)

    def __gt__(self, o):
        return self._v > _values(o)

    def __ge__(self, o):
        return self._v >= _values(o)

    def count(self, x):
        return self._v.count(x)

    def index(self, x):
        return self._v.index(x)
"#;

/// The version this engine claims to be (`sys.version_info` as a plain tuple if its class
/// could not be made).
fn version_info(interp: &Interp) -> Value {
    let fields = vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)];
    let made = super::super::call::import_module(interp, "_sys_version_info").ok().and_then(|m| match &m {
        Value::Module(m) => m.get("version_info"),
        _ => None,
    });
    made.and_then(|class| super::super::call::call(interp, &class, Args { pos: fields.clone(), kw: vec![] }).ok())
        .unwrap_or_else(|| Value::tuple(fields))
}

/// `sys.modules`, made at each read from the modules imported so far (by name, with
/// `__main__`): a snapshot, so adding to it or deleting from it changes no import (README).
fn sys_getattr(interp: &Interp, args: Args) -> R<Value> {
    let name = args.pos.first().map(|n| ops::str_of(interp, n)).transpose()?.unwrap_or_default();
    if name != "modules" {
        return Err(interp.attribute_error(format!("module 'sys' has no attribute '{name}'")));
    }
    let mut imported: Vec<(Name, Rc<Module>)> =
        interp.modules.borrow().iter().map(|(k, m)| (k.clone(), m.clone())).collect();
    imported.sort_by(|a, b| a.0.cmp(&b.0));
    let mut d = Dict::new();
    d.set_str("__main__", Value::Module(interp.main.clone()));
    for (k, m) in imported {
        d.set_str(&k, Value::Module(m));
    }
    Ok(Value::dict(d))
}

pub fn module(interp: &Interp) -> Rc<Module> {
    let m = Module::new("sys");
    m.set("stdout", Value::object(StreamObj(Stream::Stdout)));
    m.set("stderr", Value::object(StreamObj(Stream::Stderr)));
    m.set("exit", builtin("exit", sys_exit));
    m.set("version_info", version_info(interp));
    m.set("version", Value::str("3.11.7 (Interleave)"));
    m.set("platform", Value::str("linux"));
    m.set("argv", Value::list(vec![Value::str("main.py")]));
    // Where imports are found, as a list of directories (the program's own first); the
    // engine's modules are built in, so nothing reads it.
    m.set("path", Value::list(["/", "/lib/python3.11"].into_iter().map(Value::str).collect()));
    m.set("__getattr__", builtin("__getattr__", sys_getattr));
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("byteorder", Value::str("little"));
    m.set(
        "getrecursionlimit",
        builtin("getrecursionlimit", |interp, _| Ok(Value::Int(interp.recursion_limit.get() as i64))),
    );
    m.set("setrecursionlimit", builtin("setrecursionlimit", set_recursion_limit));
    m.set(
        "get_int_max_str_digits",
        builtin("get_int_max_str_digits", |interp, _| Ok(Value::Int(interp.int_max_str_digits.get() as i64))),
    );
    m.set(
        "set_int_max_str_digits",
        builtin("set_int_max_str_digits", |interp, args| {
            let n = match (args.pos.first(), args.kw.iter().find(|(k, _)| &**k == "maxdigits")) {
                (Some(v), _) | (None, Some((_, v))) => ops::to_index(interp, v)?,
                (None, None) => {
                    return Err(
                        interp.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
                    )
                }
            };
            if n != 0 && n < 640 {
                return Err(interp.value_error("maxdigits must be 0 or larger than 640"));
            }
            // Past 2**63 digits is as good as no limit.
            interp.int_max_str_digits.set(usize::try_from(n).unwrap_or(usize::MAX));
            Ok(Value::None)
        }),
    );
    // The exception an `except` clause is handling, which older tutorials read with exc_info().
    m.set(
        "exception",
        builtin("exception", |interp, args| {
            expect(interp, &args, "exception", 0, 0)?;
            Ok(super::logging_support::current_exception(interp))
        }),
    );
    m.set(
        "exc_info",
        builtin("exc_info", |interp, args| {
            expect(interp, &args, "exc_info", 0, 0)?;
            let exc = super::logging_support::current_exception(interp);
            if exc.is_none() {
                return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
            }
            let tb = super::super::attr::get_attr(interp, &exc, &Name::from("__traceback__"))?;
            Ok(Value::tuple(vec![Value::Class(interp.class_of(&exc)), exc, tb]))
        }),
    );
    m
}

/// `sys.setrecursionlimit(n)`, with CPython's checks. Natively any limit is safe (the engine
/// raises `RecursionError` before its stack runs out); in the browser the page's own limit
/// (`Limits::recursion`) is the most, since the browser's stack cannot be checked from wasm.
fn set_recursion_limit(interp: &Interp, args: Args) -> R<Value> {
    let Some(v) = args.pos.first() else {
        return Err(interp.type_error("setrecursionlimit() takes exactly one argument (0 given)"));
    };
    if matches!(v, Value::Float(_)) {
        return Err(interp.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = ops::to_index(interp, v)?;
    if n < 1 {
        return Err(interp.value_error("recursion limit must be greater or equal than 1"));
    }
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    let depth = interp.depth.get();
    if depth >= n {
        return Err(interp.err(
            "RecursionError",
            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
        ));
    }
    let most = if cfg!(target_arch = "wasm32") { interp.limits.recursion } else { u32::MAX };
    interp.recursion_limit.set(n.min(most));
    Ok(Value::None)
}
