//! The built-in functions and types (`print`, `len`, `sorted`, `int(…)`, `isinstance`…), with
//! CPython's behaviour and messages. `input()` and `open()` are refused with a clear message:
//! a program here has no terminal and no files.

use std::cell::RefCell;
use std::rc::Rc;

use super::attr::{get_attr, set_attr};
use super::bigint;
use super::call::call;
use super::format as fmt;
use super::interp::{Interp, PyErr, R};
use super::ir::Name;
use super::objects::{
    ClassMethod, DictPart, DictView, Iter, IterState, Property, RangeObj, Singleton, SliceObj, StaticMethod, Super,
};
use super::ops;
use super::value::*;

fn arg(args: &Args, i: usize) -> Option<&Value> {
    args.pos.get(i)
}

fn kwarg<'a>(args: &'a Args, name: &str) -> Option<&'a Value> {
    args.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

/// Checks the number of positional arguments, with CPython's wording.
pub fn expect(interp: &Interp, args: &Args, name: &str, min: usize, max: usize) -> R<()> {
    expect_count(interp, args.pos.len(), name, min, max)
}

/// [`expect`] of `n` positional arguments.
pub fn expect_count(interp: &Interp, n: usize, name: &str, min: usize, max: usize) -> R<()> {
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(interp.type_error(msg));
    }
    Ok(())
}

fn no_kwargs(interp: &Interp, args: &Args, name: &str) -> R<()> {
    if !args.kw.is_empty() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

pub fn builtin(name: &str, f: BuiltinFn) -> Value {
    Value::Builtin(Rc::new(Builtin { name: Name::from(name), f, bound: None, unbound_of: None, python: false }))
}

/// A function of a module that CPython writes in Python (asyncio's): it reprs as one.
pub fn py_function(name: &str, f: BuiltinFn) -> Value {
    Value::Builtin(Rc::new(Builtin { name: Name::from(name), f, bound: None, unbound_of: None, python: true }))
}

pub fn install(interp: &Interp) {
    let b = &interp.builtins;
    let t = &interp.types;
    for (name, class) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("bool", &t.bool_),
        ("int", &t.int),
        ("float", &t.float),
        ("str", &t.str_),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
    ] {
        b.set(name, Value::Class(class.clone()));
    }
    for (name, class) in &t.exceptions {
        if !matches!(*name, "CancelledError" | "InvalidStateError" | "QueueEmpty" | "QueueFull" | "JSONDecodeError") {
            b.set(name, Value::Class(class.clone()));
        }
    }
    // CPython's older names for OSError (`class RequestException(IOError)` in requests).
    let os_error = Value::Class(t.exc("OSError"));
    b.set("IOError", os_error.clone());
    b.set("EnvironmentError", os_error);
    // Types that are called like functions (`range(3)`, `zip(a, b)`) are classes, so that
    // `isinstance(r, range)` and `type(r) is range` hold; `type_constructor` makes their objects.
    for name in [
        "bytes",
        "bytearray",
        "range",
        "enumerate",
        "zip",
        "map",
        "filter",
        "reversed",
        "property",
        "staticmethod",
        "classmethod",
    ] {
        b.set(name, Value::Class(interp.native_class(name)));
    }
    b.set("NotImplemented", Value::object(Singleton("NotImplemented")));
    b.set("Ellipsis", Value::object(Singleton("Ellipsis")));
    let functions: &[(&str, BuiltinFn)] = &[
        ("print", print),
        ("len", |interp, args| {
            expect(interp, &args, "len", 1, 1)?;
            Ok(Value::Int(ops::len(interp, &args.pos[0])? as i64))
        }),
        ("repr", |interp, args| {
            expect(interp, &args, "repr", 1, 1)?;
            // CPython 3.11 counts the call of a one-argument builtin as a level of recursion
            // of its own (its words end a `__repr__` that returns `repr(self)`).
            let _level = interp.nest(" while calling a Python object")?;
            Ok(Value::str(&ops::repr(interp, &args.pos[0])?))
        }),
        ("ascii", |interp, args| {
            expect(interp, &args, "ascii", 1, 1)?;
            let _level = interp.nest(" while calling a Python object")?;
            Ok(Value::str(&ops::ascii(&ops::repr(interp, &args.pos[0])?)))
        }),
        ("format", |interp, args| {
            expect(interp, &args, "format", 1, 2)?;
            let spec = match arg(&args, 1) {
                Some(Value::Str(s)) => s.to_string(),
                Some(other) => {
                    return Err(interp.type_error(format!("format() argument 2 must be str, not {}", other.type_name())))
                }
                None => String::new(),
            };
            Ok(Value::str(&ops::format_value(interp, &args.pos[0], &spec)?))
        }),
        ("sorted", |interp, args| {
            expect(interp, &args, "sorted", 1, 1)?;
            let mut items = ops::collect(interp, &args.pos[0])?;
            sort_values(interp, &mut items, kwarg(&args, "key"), kwarg(&args, "reverse"))?;
            Ok(Value::list(items))
        }),
        ("min", |interp, args| min_max(interp, args, "min", true)),
        ("max", |interp, args| min_max(interp, args, "max", false)),
        ("sum", |interp, args| {
            expect(interp, &args, "sum", 1, 2)?;
            let mut total = arg(&args, 1).or_else(|| kwarg(&args, "start")).cloned().unwrap_or(Value::Int(0));
            if let Value::Str(_) = total {
                return Err(interp.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
            }
            let it = ops::iter(interp, &args.pos[0])?;
            while let Some(v) = ops::next(interp, &it)? {
                total = ops::binop(interp, super::ir::BinOp::Add, total, v)?;
            }
            Ok(total)
        }),
        ("any", |interp, args| {
            expect(interp, &args, "any", 1, 1)?;
            let it = ops::iter(interp, &args.pos[0])?;
            while let Some(v) = ops::next(interp, &it)? {
                if ops::truthy(interp, &v)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }),
        ("all", |interp, args| {
            expect(interp, &args, "all", 1, 1)?;
            let it = ops::iter(interp, &args.pos[0])?;
            while let Some(v) = ops::next(interp, &it)? {
                if !ops::truthy(interp, &v)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }),
        ("abs", |interp, args| {
            expect(interp, &args, "abs", 1, 1)?;
            match &args.pos[0] {
                Value::Int(i) => Ok(i.checked_abs().map_or_else(|| bigint::abs(&(*i).into()), Value::Int)),
                Value::BigInt(b) => Ok(bigint::abs(b)),
                Value::Bool(b) => Ok(Value::Int(*b as i64)),
                Value::Float(x) => Ok(Value::new_float(x.abs())),
                other => match ops::special(interp, other, "__abs__") {
                    Some(m) => call(interp, &m, Args::default()),
                    None => Err(interp.type_error(format!("bad operand type for abs(): '{}'", other.type_name()))),
                },
            }
        }),
        ("round", |interp, args| {
            expect(interp, &args, "round", 1, 2)?;
            let nd = arg(&args, 1).or_else(|| kwarg(&args, "ndigits")).filter(|v| !v.is_none());
            let raise = |r: fmt::Raise| interp.raise(r);
            match (&args.pos[0], nd) {
                (Value::Float(x), None) => match fmt::round_to_int(*x) {
                    Err(r) if r.msg == fmt::INT_OVERFLOW => Ok(bigint::from_f64(x.round_ties_even())),
                    r => r.map(Value::Int).map_err(raise),
                },
                (Value::Float(x), Some(n)) => {
                    fmt::round_float(*x, ops::to_index(interp, n)?).map(Value::Float).map_err(raise)
                }
                (Value::Int(i), None) => Ok(Value::Int(*i)),
                (Value::Bool(b), None) => Ok(Value::Int(*b as i64)),
                (Value::Int(i), Some(n)) => {
                    let n = ops::to_index(interp, n)?;
                    match fmt::round_int(*i, n) {
                        Err(r) if r.msg == fmt::INT_OVERFLOW => bigint::round(interp, &(*i).into(), n),
                        r => r.map(Value::Int).map_err(raise),
                    }
                }
                (Value::Bool(b), Some(n)) => {
                    fmt::round_int(*b as i64, ops::to_index(interp, n)?).map(Value::Int).map_err(raise)
                }
                (Value::BigInt(b), None) => Ok(Value::BigInt(b.clone())),
                (Value::BigInt(b), Some(n)) => bigint::round(interp, b, ops::to_index(interp, n)?),
                (other, _) => match ops::special(interp, other, "__round__") {
                    Some(m) => call(interp, &m, Args { pos: nd.cloned().into_iter().collect(), kw: vec![] }),
                    None => {
                        Err(interp.type_error(format!("type {} doesn't define __round__ method", other.type_name())))
                    }
                },
            }
        }),
        ("divmod", |interp, args| {
            expect(interp, &args, "divmod", 2, 2)?;
            let (a, b) = (&args.pos[0], &args.pos[1]);
            let raise = |r: fmt::Raise| interp.raise(r);
            let int = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
            let number = |v: &Value| int(v) || matches!(v, Value::Float(_));
            match (as_number(a), as_number(b)) {
                (Some(Num::Int(x)), Some(Num::Int(y))) => match fmt::int_divmod(x, y) {
                    Ok((q, r)) => Ok(Value::tuple(vec![Value::Int(q), Value::Int(r)])),
                    Err(e) if e.msg == fmt::INT_OVERFLOW => bigint::divmod(interp, &x.into(), &y.into()),
                    Err(e) => Err(raise(e)),
                },
                _ if int(a) && int(b) => {
                    bigint::divmod(interp, &bigint::of(a).unwrap_or_default(), &bigint::of(b).unwrap_or_default())
                }
                _ if number(a) && number(b) => {
                    let (q, r) = fmt::float_divmod(ops::to_f64(interp, a)?, ops::to_f64(interp, b)?).map_err(raise)?;
                    Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]))
                }
                _ => ops::binary_special(interp, a, b, "__divmod__", "__rdivmod__")?.ok_or_else(|| {
                    interp.type_error(format!(
                        "unsupported operand type(s) for divmod(): '{}' and '{}'",
                        a.type_name(),
                        b.type_name()
                    ))
                }),
            }
        }),
        ("pow", |interp, args| {
            expect(interp, &args, "pow", 2, 3)?;
            match arg(&args, 2) {
                Some(m)
                    if !m.is_none()
                        && [&args.pos[0], &args.pos[1], m].iter().any(|v| matches!(v, Value::BigInt(_))) =>
                {
                    match (bigint::of(&args.pos[0]), bigint::of(&args.pos[1]), bigint::of(m)) {
                        (Some(a), Some(b), Some(m)) => bigint::pow_mod(interp, &a, &b, &m),
                        _ => Err(interp.type_error("pow() 3rd argument not allowed unless all arguments are integers")),
                    }
                }
                Some(m) if !m.is_none() => {
                    let (a, b, m) = (
                        ops::to_index(interp, &args.pos[0])?,
                        ops::to_index(interp, &args.pos[1])?,
                        ops::to_index(interp, m)?,
                    );
                    fmt::int_pow_mod(a, b, m).map(Value::Int).map_err(|r| interp.raise(r))
                }
                _ => ops::binop(interp, super::ir::BinOp::Pow, args.pos[0].clone(), args.pos[1].clone()),
            }
        }),
        ("isinstance", |interp, args| {
            expect(interp, &args, "isinstance", 2, 2)?;
            Ok(Value::Bool(class_check(interp, &args.pos[1], &Checked::Instance(&args.pos[0]))?))
        }),
        ("issubclass", |interp, args| {
            expect(interp, &args, "issubclass", 2, 2)?;
            let Value::Class(sub) = &args.pos[0] else {
                return Err(interp.type_error("issubclass() arg 1 must be a class"));
            };
            Ok(Value::Bool(class_check(interp, &args.pos[1], &Checked::Subclass(sub))?))
        }),
        ("id", |interp, args| {
            expect(interp, &args, "id", 1, 1)?;
            let v = &args.pos[0];
            Ok(Value::Int(v.identity().unwrap_or_else(|| {
                fmt::hash_int(match v {
                    Value::Int(i) => *i,
                    _ => 0,
                }) as usize
            }) as i64))
        }),
        ("hash", |interp, args| {
            expect(interp, &args, "hash", 1, 1)?;
            let v = &args.pos[0];
            if let Some(m) = ops::special(interp, v, "__hash__").filter(|m| !m.is_none()) {
                // As CPython's: an int as it is (-1, C's error value, as -2), else TypeError.
                return match call(interp, &m, Args::default())? {
                    Value::Int(-1) => Ok(Value::Int(-2)),
                    Value::Int(h) => Ok(Value::Int(h)),
                    // A big one is reduced as an int's hash is (CPython's `hash(int)`).
                    Value::BigInt(ref b) => Ok(Value::Int(bigint::hash(b))),
                    Value::Bool(b) => Ok(Value::Int(b as i64)),
                    _ => Err(interp.type_error("__hash__ method should return an integer")),
                };
            }
            Ok(Value::Int(match v {
                Value::Int(i) => fmt::hash_int(*i),
                Value::BigInt(b) => bigint::hash(b),
                Value::Bool(b) => *b as i64,
                Value::Float(x) => fmt::hash_float(*x),
                other => ops::key(interp, other.clone())?.hash() as i64,
            }))
        }),
        ("iter", |interp, args| {
            expect(interp, &args, "iter", 1, 1)?;
            ops::iter(interp, &args.pos[0])
        }),
        ("next", |interp, args| {
            expect(interp, &args, "next", 1, 2)?;
            let it = &args.pos[0];
            let step = match it {
                Value::Object(_) => super::coro::step(interp, it, None)?,
                _ => ops::next(interp, it)?.ok_or(Value::None),
            };
            match step {
                Ok(v) => Ok(v),
                Err(returned) => match arg(&args, 1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(interp.stop_iteration(returned)),
                },
            }
        }),
        ("aiter", |interp, args| {
            expect(interp, &args, "aiter", 1, 1)?;
            match ops::special(interp, &args.pos[0], "__aiter__") {
                Some(m) => call(interp, &m, Args::default()),
                None => {
                    Err(interp.type_error(format!("'{}' object is not an async iterable", args.pos[0].type_name())))
                }
            }
        }),
        ("anext", |interp, args| {
            expect(interp, &args, "anext", 1, 2)?;
            let Some(m) = ops::special(interp, &args.pos[0], "__anext__") else {
                return Err(interp.type_error(format!("'{}' object is not an async iterator", args.pos[0].type_name())));
            };
            let next = call(interp, &m, Args::default())?;
            let Some(default) = args.pos.get(1).cloned() else { return Ok(next) };
            // With a default: an awaitable giving the default when the iterator is exhausted.
            let step = super::coro::awaitable(interp, next)?;
            let stop = interp.types.exc("StopAsyncIteration");
            Ok(super::coro::native(interp, "anext_awaitable", async move {
                match step.await {
                    Err(e) if e.is(&stop) => Ok(default),
                    r => r,
                }
            }))
        }),
        ("getattr", |interp, args| {
            expect(interp, &args, "getattr", 2, 3)?;
            let Value::Str(name) = &args.pos[1] else { return Err(attr_name_error(interp, &args.pos[1])) };
            match get_attr(interp, &args.pos[0], name) {
                Ok(v) => Ok(v),
                Err(e) if e.is(&interp.types.exc("AttributeError")) => arg(&args, 2).cloned().ok_or(e),
                Err(e) => Err(e),
            }
        }),
        ("setattr", |interp, args| {
            expect(interp, &args, "setattr", 3, 3)?;
            let Value::Str(name) = &args.pos[1] else { return Err(attr_name_error(interp, &args.pos[1])) };
            set_attr(interp, &args.pos[0], name, args.pos[2].clone())?;
            Ok(Value::None)
        }),
        ("delattr", |interp, args| {
            expect(interp, &args, "delattr", 2, 2)?;
            let Value::Str(name) = &args.pos[1] else { return Err(attr_name_error(interp, &args.pos[1])) };
            super::attr::del_attr(interp, &args.pos[0], name)?;
            Ok(Value::None)
        }),
        ("hasattr", |interp, args| {
            expect(interp, &args, "hasattr", 2, 2)?;
            let Value::Str(name) = &args.pos[1] else { return Err(attr_name_error(interp, &args.pos[1])) };
            match get_attr(interp, &args.pos[0], name) {
                Ok(_) => Ok(Value::Bool(true)),
                Err(e) if e.is(&interp.types.exc("AttributeError")) => Ok(Value::Bool(false)),
                Err(e) => Err(e),
            }
        }),
        ("callable", |interp, args| {
            expect(interp, &args, "callable", 1, 1)?;
            Ok(Value::Bool(is_callable(&args.pos[0])))
        }),
        ("chr", |interp, args| {
            expect(interp, &args, "chr", 1, 1)?;
            if let Value::BigInt(_) = &args.pos[0] {
                return Err(interp.err("OverflowError", "Python int too large to convert to C int"));
            }
            let i = ops::to_index(interp, &args.pos[0])?;
            if i32::try_from(i).is_err() {
                return Err(interp.err("OverflowError", "Python int too large to convert to C int"));
            }
            let c = u32::try_from(i)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| interp.value_error("chr() arg not in range(0x110000)"))?;
            Ok(Value::str(&c.to_string()))
        }),
        ("ord", |interp, args| {
            expect(interp, &args, "ord", 1, 1)?;
            match &args.pos[0] {
                Value::Str(s) => {
                    let mut chars = s.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => Ok(Value::Int(c as i64)),
                        _ => Err(interp.type_error(format!(
                            "ord() expected a character, but string of length {} found",
                            s.chars().count()
                        ))),
                    }
                }
                other => {
                    Err(interp
                        .type_error(format!("ord() expected string of length 1, but {} found", other.type_name())))
                }
            }
        }),
        ("bin", |interp, args| base_repr(interp, args, 2)),
        ("oct", |interp, args| base_repr(interp, args, 8)),
        ("hex", |interp, args| base_repr(interp, args, 16)),
        ("vars", |interp, args| {
            expect(interp, &args, "vars", 1, 1)?;
            get_attr(interp, &args.pos[0], &Name::from("__dict__")).map_err(|e| {
                if e.is(&interp.types.exc("AttributeError")) {
                    interp.type_error("vars() argument must have __dict__ attribute")
                } else {
                    e
                }
            })
        }),
        ("dir", |interp, args| {
            expect(interp, &args, "dir", 0, 1)?;
            let mut names: Vec<String> = match arg(&args, 0) {
                Some(Value::Instance(i)) => i
                    .attrs
                    .borrow()
                    .keys()
                    .map(|k| k.to_string())
                    .chain(
                        i.class
                            .lineage()
                            .flat_map(|c| c.attrs.borrow().keys().map(|k| k.to_string()).collect::<Vec<_>>()),
                    )
                    .collect(),
                Some(Value::Module(m)) => m.globals.borrow().keys().map(|k| k.to_string()).collect(),
                Some(Value::Class(c)) => c
                    .lineage()
                    .flat_map(|c| c.attrs.borrow().keys().map(|k| k.to_string()).collect::<Vec<_>>())
                    .collect(),
                _ => interp.main.globals.borrow().keys().map(|k| k.to_string()).collect(),
            };
            names.sort();
            names.dedup();
            Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
        }),
        ("globals", |interp, _| Ok(Value::Dict(interp.main.globals_dict()))),
        ("super", super_),
        ("slice", |interp, args| {
            expect(interp, &args, "slice", 1, 3)?;
            let (start, stop, step) = match args.pos.len() {
                1 => (Value::None, args.pos[0].clone(), Value::None),
                2 => (args.pos[0].clone(), args.pos[1].clone(), Value::None),
                _ => (args.pos[0].clone(), args.pos[1].clone(), args.pos[2].clone()),
            };
            Ok(Value::object(SliceObj { start, stop, step }))
        }),
        ("input", |interp, _| {
            Err(interp.runtime_error("input() is not available in Interleave: a program here has no keyboard to read from. Put the value in the code instead."))
        }),
        ("open", |interp, _| {
            Err(interp.err("OSError", "open() is not available in Interleave: a program here has no files. Put the data in the code, or fetch it."))
        }),
        ("exit", sys_exit),
        ("quit", sys_exit),
    ];
    for (name, f) in functions {
        b.set(name, builtin(name, *f));
    }
}

pub fn sys_exit(interp: &Interp, args: Args) -> R<Value> {
    let code = arg(&args, 0).cloned().unwrap_or_default();
    Err(PyErr::Exc(interp.new_exc(&interp.types.exc("SystemExit"), if code.is_none() { vec![] } else { vec![code] })))
}

/// `callable(v)`
pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        Value::Object(o) => o.as_any().is::<StaticMethod>(),
        _ => false,
    }
}

/// `print(*values, sep=' ', end='\n', file=sys.stdout, flush=False)`
fn print(interp: &Interp, args: Args) -> R<Value> {
    use super::modules::sys::{print_target, stdout_target, PrintTarget};
    let mut sep: &str = " ";
    let mut end: &str = "\n";
    let mut target = None;
    let mut flush = false;
    for (k, v) in &args.kw {
        match (&**k, v) {
            ("sep", Value::Str(s)) => sep = s,
            ("sep", Value::None) => {}
            ("end", Value::Str(s)) => end = s,
            ("end", Value::None) => {}
            ("sep" | "end", other) => {
                return Err(interp.type_error(format!("{k} must be None or a string, not {}", other.type_name())))
            }
            ("file", Value::None) => {}
            ("file", f) => target = Some(print_target(interp, f)?),
            ("flush", f) => flush = ops::truthy(interp, f)?,
            _ => return Err(interp.type_error(format!("'{k}' is an invalid keyword argument for print()"))),
        }
    }
    let target = match target {
        Some(t) => t,
        None => stdout_target(interp)?,
    };
    match target {
        PrintTarget::Stream(stream) => {
            let mut text = String::new();
            for (i, v) in args.pos.iter().enumerate() {
                if i > 0 {
                    text.push_str(sep);
                }
                match v {
                    // A str prints as itself: no copy first.
                    Value::Str(s) => text.push_str(s),
                    _ => text.push_str(&ops::str_of(interp, v)?),
                }
            }
            text.push_str(end);
            interp.write(stream, &text);
        }
        // The program's own file object gets each piece by its `write`, as CPython's print
        // passes them: every argument, the separators between them, then the end.
        PrintTarget::Object(file) => {
            let write_name = Name::from("write");
            let write = |text: &str| {
                let args = Args { pos: vec![Value::str(text)], kw: Vec::new() };
                super::call::call_method(interp, &file, &write_name, args).map(drop)
            };
            for (i, v) in args.pos.iter().enumerate() {
                if i > 0 {
                    write(sep)?;
                }
                write(&ops::str_of(interp, v)?)?;
            }
            write(end)?;
            if flush {
                super::call::call_method(interp, &file, &Name::from("flush"), Args::default())?;
            }
        }
    }
    Ok(Value::None)
}

/// What calling one of the built-in types that read like functions makes (see `install`).
fn type_constructor(name: &str) -> Option<BuiltinFn> {
    Some(match name {
        "range" => range,
        "enumerate" => enumerate,
        "zip" => zip,
        "map" => map,
        "filter" => filter,
        "reversed" => reversed,
        "property" => property,
        "staticmethod" => staticmethod,
        "classmethod" => classmethod,
        _ => return None,
    })
}

fn property(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "property", 0, 4)?;
    let given = |at: usize, name: &str| arg(&args, at).or_else(|| kwarg(&args, name)).cloned().filter(|v| !v.is_none());
    Ok(Value::object(Property {
        fget: given(0, "fget"),
        fset: given(1, "fset"),
        fdel: given(2, "fdel"),
        doc: given(3, "doc"),
    }))
}

fn staticmethod(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "staticmethod", 1, 1)?;
    Ok(Value::object(StaticMethod(args.pos[0].clone())))
}

fn classmethod(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "classmethod", 1, 1)?;
    Ok(Value::object(ClassMethod(args.pos[0].clone())))
}

fn range(interp: &Interp, args: Args) -> R<Value> {
    no_kwargs(interp, &args, "range")?;
    expect(interp, &args, "range", 1, 3)?;
    if args.pos.iter().any(|v| matches!(v, Value::BigInt(_))) {
        return Err(
            interp.err("OverflowError", "range() takes ints within 64 bits in Interleave (CPython's takes any int)")
        );
    }
    let n = |v: &Value| ops::to_index(interp, v);
    let (start, stop, step) = match args.pos.len() {
        1 => (0, n(&args.pos[0])?, 1),
        2 => (n(&args.pos[0])?, n(&args.pos[1])?, 1),
        _ => (n(&args.pos[0])?, n(&args.pos[1])?, n(&args.pos[2])?),
    };
    if step == 0 {
        return Err(interp.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::object(RangeObj { start, stop, step }))
}

fn enumerate(interp: &Interp, args: Args) -> R<Value> {
    let iterable = arg(&args, 0)
        .or_else(|| kwarg(&args, "iterable"))
        .cloned()
        .ok_or_else(|| interp.type_error("enumerate() missing required argument 'iterable' (pos 1)"))?;
    let start = match arg(&args, 1).or_else(|| kwarg(&args, "start")) {
        Some(v) => ops::to_index(interp, v)?,
        None => 0,
    };
    let inner = ops::iter(interp, &iterable)?;
    Ok(Value::object(Iter::new("enumerate", IterState::Enumerate { inner, count: start })))
}

fn zip(interp: &Interp, args: Args) -> R<Value> {
    let strict = kwarg(&args, "strict").map(|v| ops::truthy(interp, v)).transpose()?.unwrap_or(false);
    let inners = args.pos.iter().map(|v| ops::iter(interp, v)).collect::<R<Vec<_>>>()?;
    Ok(Value::object(Iter::new("zip", IterState::Zip { inners, strict })))
}

fn map(interp: &Interp, args: Args) -> R<Value> {
    if args.pos.len() < 2 {
        return Err(interp.type_error("map() must have at least two arguments."));
    }
    let inners = args.pos[1..].iter().map(|v| ops::iter(interp, v)).collect::<R<Vec<_>>>()?;
    Ok(Value::object(Iter::new("map", IterState::Map { func: args.pos[0].clone(), inners })))
}

fn filter(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "filter", 2, 2)?;
    let inner = ops::iter(interp, &args.pos[1])?;
    Ok(Value::object(Iter::new("filter", IterState::Filter { func: args.pos[0].clone(), inner })))
}

fn reversed(interp: &Interp, args: Args) -> R<Value> {
    expect(interp, &args, "reversed", 1, 1)?;
    let v = &args.pos[0];
    if let Some(r) = v.downcast::<RangeObj>() {
        let n = r.length();
        let last = r.start + r.step * (n as i64 - 1).max(0);
        return Ok(Value::object(Iter::new("range_iterator", IterState::Range { next: last, left: n, step: -r.step })));
    }
    if let Some(m) = ops::special(interp, v, "__reversed__") {
        return call(interp, &m, Args::default());
    }
    // A dict, or a view of one, from its last key back: a copy taken now, under the name of
    // CPython's iterator type.
    let dict = match v {
        Value::Dict(d) => Some((d.clone(), DictPart::Keys)),
        _ => v.downcast::<DictView>().map(|view| (view.dict.clone(), view.part)),
    };
    if let Some((d, part)) = dict {
        let items = d
            .borrow()
            .iter()
            .rev()
            .map(|(k, v)| match part {
                DictPart::Keys => k.value.clone(),
                DictPart::Values => v.clone(),
                DictPart::Items => Value::tuple(vec![k.value.clone(), v.clone()]),
            })
            .collect();
        let name = match part {
            DictPart::Keys => "dict_reversekeyiterator",
            DictPart::Values => "dict_reversevalueiterator",
            DictPart::Items => "dict_reverseitemiterator",
        };
        return Ok(Value::object(Iter::new(name, IterState::Items(items, 0))));
    }
    let mut items = match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => ops::collect(interp, v)?,
        _ if super::bytes::bytes_of(v).is_some() => ops::collect(interp, v)?,
        _ => {
            if ops::special(interp, v, "__len__").is_none() {
                return Err(interp.type_error(format!("'{}' object is not reversible", v.type_name())));
            }
            ops::collect(interp, v)?
        }
    };
    items.reverse();
    let name = if matches!(v, Value::List(_)) { "list_reverseiterator" } else { "reversed" };
    Ok(Value::object(Iter::new(name, IterState::Items(items, 0))))
}

fn base_repr(interp: &Interp, args: Args, base: u32) -> R<Value> {
    expect(
        interp,
        &args,
        ["", "", "bin", "", "", "", "", "", "oct", "", "", "", "", "", "", "", "hex"][base as usize],
        1,
        1,
    )?;
    if let Value::BigInt(b) = &args.pos[0] {
        return Ok(Value::str(&bigint::to_base(b, base)));
    }
    let i = ops::to_index(interp, &args.pos[0])?;
    Ok(Value::str(&fmt::int_to_base(i, base)))
}

/// What `isinstance` or `issubclass` asks about.
enum Checked<'a> {
    Instance(&'a Value),
    Subclass(&'a Rc<Class>),
}

impl Checked<'_> {
    fn builtin_name(&self) -> &'static str {
        match self {
            Checked::Instance(_) => "isinstance",
            Checked::Subclass(_) => "issubclass",
        }
    }
}

/// `isinstance`/`issubclass` against a class or a (nested) tuple of classes.
fn class_check(interp: &Interp, classes: &Value, checked: &Checked) -> R<bool> {
    let name = checked.builtin_name();
    match classes {
        Value::Class(c) => {
            let real = match checked {
                Checked::Instance(v) => interp.isinstance(v, c),
                Checked::Subclass(sub) => {
                    sub.is_subclass(c) || Rc::ptr_eq(c, &interp.types.object) || sub.stands_for(c)
                }
            };
            if real || !is_abc(c) {
                return Ok(real);
            }
            // An abstract base class decides for itself, as ABCMeta's `__instancecheck__` and
            // `__subclasscheck__` do in CPython: its `__subclasshook__` (`Iterable` asks for
            // `__iter__`), then the classes `register()` gave it.
            let (hook, subject) = match checked {
                Checked::Instance(v) => ("__instancecheck__", (*v).clone()),
                Checked::Subclass(sub) => ("__subclasscheck__", Value::Class((*sub).clone())),
            };
            let check = get_attr(interp, classes, &Name::from(hook))?;
            let answer = call(interp, &check, Args { pos: vec![subject], kw: vec![] })?;
            ops::truthy(interp, &answer)
        }
        Value::Tuple(items) => {
            let _level = interp.nest(" in __instancecheck__")?;
            for c in items.iter() {
                if class_check(interp, c, checked)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Object(o) if o.as_any().is::<super::objects::UnionType>() => {
            let members = o.as_any().downcast_ref::<super::objects::UnionType>().map(|u| u.0.clone());
            for c in members.unwrap_or_default() {
                if class_check(interp, &Value::Class(c), checked)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            if let Some(origin) = super::modules::typing::generic_origin(interp, classes)? {
                return class_check(interp, &origin, checked);
            }
            if let Some(form) = super::modules::typing::special_form(classes) {
                // CPython 3.11's `Any` is a class whose metaclass refuses only instance checks.
                if form == "Any" && matches!(checked, Checked::Subclass(_)) {
                    return Ok(false);
                }
                return Err(interp.type_error(format!("typing.{form} cannot be used with {name}()")));
            }
            if super::modules::typing::is_subscripted(classes) {
                return Err(interp.type_error("Subscripted generics cannot be used with class and instance checks"));
            }
            if super::modules::typing::alias_origin(classes).is_some() {
                return Err(interp.type_error(format!("{name}() argument 2 cannot be a parameterized generic")));
            }
            Err(interp.type_error(format!("{name}() arg 2 must be a type, a tuple of types, or a union")))
        }
    }
}

/// Whether `class` derives from `abc.ABC` (or was made with `metaclass=ABCMeta`): such a class
/// has `__abstractmethods__` and ABC's `__subclasscheck__`.
fn is_abc(class: &Rc<Class>) -> bool {
    class.user
        && class.lookup_static("__abstractmethods__").is_some()
        && class.lookup_static("__subclasscheck__").is_some()
}

/// A stable merge sort that tolerates failing or inconsistent comparisons (user `__lt__`),
/// unlike the standard library's sorts, which may panic on an inconsistent order.
pub fn merge_sort(interp: &Interp, items: &mut [(Value, Value)]) -> R<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    let mut buf: Vec<(Value, Value)> = items.to_vec();
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut a, mut b, mut k) = (i, mid, i);
            while a < mid && b < end {
                // Take from the right only if strictly less: that keeps the sort stable.
                if ops::less(interp, &items[b].0, &items[a].0)? {
                    buf[k] = items[b].clone();
                    b += 1;
                } else {
                    buf[k] = items[a].clone();
                    a += 1;
                }
                k += 1;
            }
            while a < mid {
                buf[k] = items[a].clone();
                a += 1;
                k += 1;
            }
            while b < end {
                buf[k] = items[b].clone();
                b += 1;
                k += 1;
            }
            i += 2 * width;
        }
        items.clone_from_slice(&buf);
        width *= 2;
    }
    Ok(())
}

/// `sorted`/`list.sort` with `key=` and `reverse=`.
pub fn sort_values(interp: &Interp, items: &mut Vec<Value>, key: Option<&Value>, reverse: Option<&Value>) -> R<()> {
    let reverse = match reverse {
        Some(r) => ops::truthy(interp, r)?,
        None => false,
    };
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for v in items.iter() {
        let k = match key {
            Some(f) if !f.is_none() => call(interp, f, Args { pos: vec![v.clone()], kw: vec![] })?,
            _ => v.clone(),
        };
        pairs.push((k, v.clone()));
    }
    // Python's reverse sort keeps equal items in their original order: reverse, sort
    // stably, reverse again.
    if reverse {
        pairs.reverse();
    }
    merge_sort(interp, &mut pairs)?;
    if reverse {
        pairs.reverse();
    }
    *items = pairs.into_iter().map(|(_, v)| v).collect();
    Ok(())
}

fn min_max(interp: &Interp, args: Args, name: &str, min: bool) -> R<Value> {
    let key = kwarg(&args, "key").filter(|k| !k.is_none()).cloned();
    let default = kwarg(&args, "default").cloned();
    // Drawn one item at a time, as CPython's min/max iterate: a key or a comparison may
    // change the list being searched.
    let items = match args.pos.len() {
        0 => return Err(interp.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => ops::iter(interp, &args.pos[0])?,
        _ if default.is_some() => {
            return Err(
                interp.type_error(format!("Cannot specify a default for {name}() with multiple positional arguments"))
            )
        }
        _ => ops::iter(interp, &Value::tuple(args.pos.clone()))?,
    };
    let mut best: Option<(Value, Value)> = None;
    while let Some(v) = ops::next(interp, &items)? {
        let k = match &key {
            Some(f) => call(interp, f, Args { pos: vec![v.clone()], kw: vec![] })?,
            None => v.clone(),
        };
        best = Some(match best {
            None => (k, v),
            Some((bk, bv)) => {
                // `item < best` for min, `item > best` for max, as CPython asks (which method
                // a class's comparison runs first, and the error's words, follow from it).
                let better = if min {
                    ops::less(interp, &k, &bk)?
                } else {
                    let r = ops::compare(interp, super::ir::CmpOp::Gt, &k, &bk)?;
                    ops::truthy(interp, &r)?
                };
                if better {
                    (k, v)
                } else {
                    (bk, bv)
                }
            }
        });
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| interp.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

/// `super()` (zero arguments: the method's class and first argument) or `super(C, obj)`.
fn super_(interp: &Interp, args: Args) -> R<Value> {
    let (class, this) = match args.pos.len() {
        0 => {
            let frames = interp.frames.borrow();
            let info = frames
                .iter()
                .rev()
                .find(|f| f.func.is_some())
                .ok_or_else(|| interp.runtime_error("super(): no arguments"))?;
            let func = info.func.clone().ok_or_else(|| interp.runtime_error("super(): no arguments"))?;
            let owner = func
                .owner
                .borrow()
                .as_ref()
                .and_then(|w| w.upgrade())
                .ok_or_else(|| interp.runtime_error("super(): __class__ cell not found"))?;
            let this = info.first_arg.clone().ok_or_else(|| interp.runtime_error("super(): no arguments"))?;
            (owner, this)
        }
        2 => match &args.pos[0] {
            Value::Class(c) => (c.clone(), args.pos[1].clone()),
            _ => return Err(interp.type_error("super() argument 1 must be a type")),
        },
        _ => return Err(interp.type_error("super() takes 0 or 2 arguments")),
    };
    Ok(Value::object(Super { class, this }))
}

/// Methods every object has through `object` or `BaseException` (`__init__`, `__str__`…), for
/// `super().__init__(…)` and for exceptions' own methods.
pub fn base_method(class: &Rc<Class>, this: &Value, name: &str) -> Option<Value> {
    let f = base_fn(class, name)?;
    // `__new__` is a static method: `super().__new__(cls)` passes the class itself.
    let bound = (name != "__new__").then(|| this.clone());
    Some(Value::Builtin(Rc::new(Builtin { name: Name::from(name), f, bound, unbound_of: None, python: false })))
}

/// The same methods read from a class (`object.__setattr__(self, name, value)` in a class's
/// own `__setattr__`): called with the instance first.
pub fn base_unbound(class: &Rc<Class>, name: &str) -> Option<Value> {
    if name == "__new__" {
        // As CPython's, bound to the built-in class whose `__new__` it is (`int.__new__`,
        // `object.__new__` read through a user class), which checks the class it is to make.
        let owner = class.lineage().find(|c| !c.user).unwrap_or(class).clone();
        return Some(Value::Builtin(Rc::new(Builtin {
            name: Name::from(name),
            f: checked_new,
            bound: Some(Value::Class(owner)),
            unbound_of: None,
            python: false,
        })));
    }
    let f = base_fn(class, name)?;
    Some(Value::Builtin(Rc::new(Builtin { name: Name::from(name), f, bound: None, unbound_of: None, python: false })))
}

/// `T.__new__(cls, …)` (`T` bound first): CPython's `tp_new_wrapper` checks, in its order and
/// words, that `cls` is a class, derives from `T`, and is made by `T`'s own `__new__` (so
/// `object.__new__(int)` is refused), before making the object.
fn checked_new(interp: &Interp, args: Args) -> R<Value> {
    let Some(Value::Class(owner)) = args.pos.first() else {
        return Err(interp.type_error("__new__ is bound to its class"));
    };
    let cls = match args.pos.get(1) {
        Some(Value::Class(c)) => c,
        Some(other) => {
            return Err(interp.type_error(format!(
                "{}.__new__(X): X is not a type object ({})",
                owner.name,
                other.type_name()
            )))
        }
        None => return Err(interp.type_error(format!("{}.__new__(): not enough arguments", owner.name))),
    };
    if !cls.is_subclass(owner) {
        return Err(interp.type_error(format!("{0}.__new__({1}): {1} is not a subtype of {0}", owner.name, cls.name)));
    }
    // The first class along `cls`'s MRO whose objects a Python `__new__` does not make.
    let made_by_python = |c: &Rc<Class>| c.user && c.lookup("__new__").is_some();
    if let Some(base) = cls.lineage().find(|c| !made_by_python(c)) {
        if builtin_new(base) != builtin_new(owner) {
            return Err(interp
                .type_error(format!("{}.__new__({}) is not safe, use {}.__new__()", owner.name, cls.name, base.name)));
        }
    }
    super::call::new_bare_instance(interp, &Args { pos: args.pos[1..].to_vec(), kw: args.kw })
}

/// The built-in class whose `__new__` makes `class`'s objects (CPython's `tp_new`): its
/// nearest built-in class, every exception's being `BaseException`'s.
fn builtin_new(class: &Rc<Class>) -> &str {
    let base = class.lineage().find(|c| !c.user).unwrap_or(class);
    if base.is_exception() {
        "BaseException"
    } else {
        &base.name
    }
}

fn base_fn(class: &Rc<Class>, name: &str) -> Option<BuiltinFn> {
    Some(match (class.is_exception(), name) {
        (true, "__init__") => |interp, args| {
            if let Some(Value::Instance(i)) = args.pos.first() {
                if let Some(data) = &i.exc {
                    data.borrow_mut().args = args.pos[1..].to_vec();
                }
            }
            let _ = interp;
            Ok(Value::None)
        },
        (true, "__str__") => |interp, args| Ok(Value::str(&exc_str(interp, args.pos.first())?)),
        (true, "__repr__") => |interp, args| {
            let v = args.pos.first().cloned().unwrap_or_default();
            let Value::Instance(i) = &v else { return Ok(Value::str("")) };
            let items = i.exc().map(|d| d.args.clone()).unwrap_or_default();
            let inner = if items.len() == 1 {
                ops::repr(interp, &items[0])?
            } else {
                ops::repr(interp, &Value::tuple(items))?.trim_start_matches('(').trim_end_matches(')').to_string()
            };
            Ok(Value::str(&format!("{}({inner})", i.class.name)))
        },
        (_, "__init__") => |_, _| Ok(Value::None),
        (_, "__new__") => |interp, args| super::call::new_bare_instance(interp, &args),
        // `super().__init_subclass__(**kw)` at the top of a class's own hook.
        (_, "__init_subclass__") => |interp, args| {
            if !args.kw.is_empty() {
                let name = match args.pos.first() {
                    Some(Value::Class(c)) => c.name.to_string(),
                    _ => "object".to_string(),
                };
                return Err(interp.type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
            }
            Ok(Value::None)
        },
        (_, "__str__") | (_, "__repr__") => |interp, args| {
            let v = args.pos.first().cloned().unwrap_or_default();
            let Value::Instance(i) = &v else { return Ok(Value::str(&ops::repr(interp, &v)?)) };
            let module = ops::module_prefix(&i.class);
            Ok(Value::str(&format!("<{module}{} object at 0x{:x}>", i.class.qualname, v.identity().unwrap_or(0))))
        },
        (_, "__eq__") => |_, args| {
            let (a, b) = (args.pos.first().cloned().unwrap_or_default(), args.pos.get(1).cloned().unwrap_or_default());
            Ok(Value::Bool(a.is(&b)))
        },
        (_, "__hash__") => {
            |_, args| Ok(Value::Int(args.pos.first().and_then(Value::identity).unwrap_or(0) as i64 >> 4))
        }
        (_, "__setattr__") => |interp, args| {
            if let (Some(target @ Value::Instance(i)), Some(Value::Str(n)), Some(v)) =
                (args.pos.first(), args.pos.get(1), args.pos.get(2))
            {
                super::attr::set_instance_attr(interp, i, target, n, v.clone())?;
                return Ok(Value::None);
            }
            // `type.__setattr__(cls, name, value)`: what a class's `__class_setattr__` hook
            // calls to set the attribute after all.
            if let (Some(Value::Class(c)), Some(Value::Str(n)), Some(v)) =
                (args.pos.first(), args.pos.get(1), args.pos.get(2))
            {
                if c.user {
                    c.attrs.borrow_mut().insert(n.clone(), v.clone());
                    return Ok(Value::None);
                }
            }
            Err(interp.type_error("__setattr__ expects an instance, a name and a value"))
        },
        // `type.__delattr__(cls, name)`: what a class's `__class_delattr__` hook calls.
        (_, "__delattr__") => |interp, args| {
            if let (Some(target), Some(Value::Str(n))) = (args.pos.first(), args.pos.get(1)) {
                if let Value::Class(c) = target {
                    if c.user && c.attrs.borrow_mut().shift_remove(n).is_some() {
                        return Ok(Value::None);
                    }
                    return Err(interp.attribute_error(format!("type object '{}' has no attribute '{n}'", c.name)));
                }
                if let Value::Instance(i) = target {
                    return super::attr::del_instance_attr(interp, i, target, n).map(|_| Value::None);
                }
                return Err(interp.attribute_error(format!("'{}' object has no attribute '{n}'", target.type_name())));
            }
            Err(interp.type_error("__delattr__ expects an object and a name"))
        },
        (_, "__getattribute__") => |interp, args| {
            if let (Some(v), Some(Value::Str(n))) = (args.pos.first(), args.pos.get(1)) {
                return get_attr(interp, v, n);
            }
            Err(interp.type_error("__getattribute__ expects a name"))
        },
        _ => return None,
    })
}

/// Methods instances get from `object`/`BaseException` when their class does not define them.
pub fn object_method(interp: &Interp, this: &Value, name: &str) -> Option<Value> {
    let Value::Instance(i) = this else { return None };
    if i.exc.is_some() {
        let f: BuiltinFn = match name {
            "with_traceback" => |_, args| Ok(args.pos.first().cloned().unwrap_or_default()),
            "add_note" => |interp, args| {
                if let (Some(Value::Instance(i)), Some(note)) = (args.pos.first(), args.pos.get(1)) {
                    let notes = i.attrs.borrow().get("__notes__").cloned();
                    match &notes {
                        Some(Value::List(l)) => l.borrow_mut().push(note.clone()),
                        _ => {
                            i.attrs.borrow_mut().insert(Name::from("__notes__"), Value::list(vec![note.clone()]));
                        }
                    }
                }
                let _ = interp;
                Ok(Value::None)
            },
            _ => return base_method(&interp.types.base_exception, this, name),
        };
        return Some(Value::Builtin(Rc::new(Builtin {
            name: Name::from(name),
            f,
            bound: Some(this.clone()),
            unbound_of: None,
            python: false,
        })));
    }
    base_method(&interp.types.object, this, name)
}

/// `BaseExceptionGroup(message, exceptions)` with CPython's checks; an `ExceptionGroup` when
/// every member is an `Exception`, as `BaseExceptionGroup.__new__` decides.
pub fn exception_group(interp: &Interp, message: &str, exceptions: Vec<Value>) -> R<Rc<Instance>> {
    new_exception_group(interp, &interp.types.exc("BaseExceptionGroup"), Value::str(message), Value::list(exceptions))
}

/// `cls(message, exceptions)` for `BaseExceptionGroup`, `ExceptionGroup` or a subclass.
pub fn new_exception_group(interp: &Interp, class: &Rc<Class>, message: Value, exceptions: Value) -> R<Rc<Instance>> {
    if !matches!(message, Value::Str(_)) {
        return Err(interp
            .type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", message.type_name())));
    }
    let members: Vec<Value> = match &exceptions {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => return Err(interp.type_error("second argument (exceptions) must be a sequence")),
    };
    if members.is_empty() {
        return Err(interp.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let exception = interp.types.exc("Exception");
    let mut all_exceptions = true;
    for (k, m) in members.iter().enumerate() {
        match m {
            Value::Instance(i) if i.exc.is_some() => all_exceptions &= i.class.is_subclass(&exception),
            _ => {
                return Err(interp.value_error(format!("Item {k} of second argument (exceptions) is not an exception")))
            }
        }
    }
    let base_group = interp.types.exc("BaseExceptionGroup");
    let mut class = class.clone();
    if Rc::ptr_eq(&class, &base_group) {
        if all_exceptions {
            class = interp.types.exc("ExceptionGroup");
        }
    } else if class.is_subclass(&exception) && !all_exceptions {
        return Err(interp.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    Ok(interp.new_exc(&class, vec![message, exceptions]))
}

/// Whether an exception is a `BaseExceptionGroup` (or a subclass).
pub fn is_group(interp: &Interp, i: &Instance) -> bool {
    i.class.is_subclass(&interp.types.exc("BaseExceptionGroup"))
}

/// A group's members, as given to it.
pub fn group_members(i: &Instance) -> Vec<Value> {
    match i.exc().as_deref().and_then(|d| d.args.get(1)) {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

/// What `split` and `subgroup` ask of each exception (CPython's `get_matcher_type`).
enum Matcher {
    /// An exception class or a tuple of them: `isinstance`.
    Types(Value),
    /// A function called with each exception (the group itself first).
    Predicate(Value),
}

fn matcher(interp: &Interp, v: Value) -> R<Matcher> {
    let is_class = |v: &Value| matches!(v, Value::Class(c) if c.is_exception());
    match &v {
        _ if is_class(&v) => Ok(Matcher::Types(v)),
        Value::Tuple(t) if t.iter().all(is_class) => Ok(Matcher::Types(v)),
        Value::Class(_) | Value::Tuple(_) => {
            Err(interp.type_error("expected a function, exception type or tuple of exception types"))
        }
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Object(_) => Ok(Matcher::Predicate(v)),
        Value::Instance(i) if i.class.lookup_static("__call__").is_some() => Ok(Matcher::Predicate(v)),
        _ => Err(interp.type_error("expected a function, exception type or tuple of exception types")),
    }
}

/// `isinstance(exc, types)` for an exception class or a tuple of them.
fn instance_of(exc: &Instance, types: &Value) -> bool {
    match types {
        Value::Class(c) => exc.class.is_subclass(c),
        Value::Tuple(t) => t.iter().any(|c| instance_of(exc, c)),
        _ => false,
    }
}

fn matches(interp: &Interp, m: &Matcher, exc: &Rc<Instance>) -> R<bool> {
    match m {
        Matcher::Types(types) => Ok(instance_of(exc, types)),
        Matcher::Predicate(f) => {
            let r = call(interp, f, Args { pos: vec![Value::Instance(exc.clone())], kw: vec![] })?;
            ops::truthy(interp, &r)
        }
    }
}

/// What matches a condition and what does not, each `None` when empty.
type Split = (Option<Rc<Instance>>, Option<Rc<Instance>>);

/// `exc.split(condition)` as CPython's `exceptiongroup_split_recursive`: the part that matches
/// and (when `with_rest`) the part that does not, each `None` when empty. A group that matches
/// as a whole is the match itself; a partly matching one is rebuilt by [`derive_and_copy`].
fn split_exc(interp: &Interp, exc: &Rc<Instance>, m: &Matcher, with_rest: bool) -> R<Split> {
    if matches(interp, m, exc)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_group(interp, exc) {
        return Ok((None, with_rest.then(|| exc.clone())));
    }
    let _level = interp.nest(" in exceptiongroup_split_recursive")?;
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for member in group_members(exc) {
        let Value::Instance(member) = &member else { continue };
        let (m_part, r_part) = split_exc(interp, member, m, with_rest)?;
        matched.extend(m_part.map(Value::Instance));
        rest.extend(r_part.map(Value::Instance));
    }
    let matched = if matched.is_empty() { None } else { Some(derive_and_copy(interp, exc, matched)?) };
    let rest = if with_rest && !rest.is_empty() { Some(derive_and_copy(interp, exc, rest)?) } else { None };
    Ok((matched, rest))
}

/// `orig.derive(excs)` with `orig`'s traceback, cause, context and notes, as split does.
fn derive_and_copy(interp: &Interp, orig: &Rc<Instance>, excs: Vec<Value>) -> R<Rc<Instance>> {
    let this = Value::Instance(orig.clone());
    let derive = get_attr(interp, &this, &Name::from("derive"))?;
    let derived = call(interp, &derive, Args { pos: vec![Value::list(excs)], kw: vec![] })?;
    let group = match &derived {
        Value::Instance(g) if is_group(interp, g) => g.clone(),
        _ => return Err(interp.type_error("derive must return an instance of BaseExceptionGroup")),
    };
    // Read first: a `derive` may return the group itself.
    let from = orig.exc().map(|d| (d.traceback.clone(), d.cause.clone(), d.context.clone()));
    if let (Some((traceback, cause, context)), Some(to)) = (from, &group.exc) {
        let mut to = to.borrow_mut();
        to.traceback = traceback;
        to.cause = cause;
        to.context = context;
        // `PyException_SetCause` sets it, whatever the cause.
        to.suppress_context = true;
    }
    let notes = orig.attrs.borrow().get("__notes__").cloned();
    if let Some(notes) = notes {
        let copy = match &notes {
            Value::List(l) => Value::list(l.borrow().clone()),
            Value::Tuple(t) => Value::list(t.to_vec()),
            other => other.clone(),
        };
        group.attrs.borrow_mut().insert(Name::from("__notes__"), copy);
    }
    Ok(group)
}

/// `split`, `subgroup` and `derive` of an exception group, bound to it.
pub fn group_method(this: &Value, name: &str) -> Option<Value> {
    let f: BuiltinFn = match name {
        "split" => |interp, args| {
            let (g, m) = group_and_matcher(interp, &args)?;
            let (matched, rest) = split_exc(interp, &g, &m, true)?;
            let part = |p: Option<Rc<Instance>>| p.map_or(Value::None, Value::Instance);
            Ok(Value::tuple(vec![part(matched), part(rest)]))
        },
        "subgroup" => |interp, args| {
            let (g, m) = group_and_matcher(interp, &args)?;
            Ok(split_exc(interp, &g, &m, false)?.0.map_or(Value::None, Value::Instance))
        },
        "derive" => |interp, args| {
            let Some(Value::Instance(g)) = args.pos.first() else {
                return Err(interp.type_error("derive() needs a group"));
            };
            let message = g.exc().and_then(|d| d.args.first().cloned()).unwrap_or_default();
            let excs = args.pos.get(1).cloned().unwrap_or_default();
            let base = interp.types.exc("BaseExceptionGroup");
            new_exception_group(interp, &base, message, excs).map(Value::Instance)
        },
        _ => return None,
    };
    Some(Value::Builtin(Rc::new(Builtin {
        name: Name::from(name),
        f,
        bound: Some(this.clone()),
        unbound_of: None,
        python: false,
    })))
}

fn group_and_matcher(interp: &Interp, args: &Args) -> R<(Rc<Instance>, Matcher)> {
    let Some(Value::Instance(g)) = args.pos.first() else { return Err(interp.type_error("split() needs a group")) };
    let Some(condition) = args.pos.get(1).cloned() else {
        return Err(interp.type_error("BaseExceptionGroup.split() takes exactly one argument (0 given)"));
    };
    Ok((g.clone(), matcher(interp, condition)?))
}

/// One `except* T` clause on what is left of the exception (CPython's
/// `_PyEval_ExceptionGroupMatch`): the part that matches `types` (a lone exception wrapped in
/// a group of its own, with its traceback) and the rest.
pub fn except_star_match(interp: &Interp, exc: &Rc<Instance>, types: &Value) -> R<Split> {
    check_except_star_types(interp, types)?;
    if instance_of(exc, types) {
        if is_group(interp, exc) {
            return Ok((Some(exc.clone()), None));
        }
        let base = interp.types.exc("BaseExceptionGroup");
        let members = Value::tuple(vec![Value::Instance(exc.clone())]);
        let wrapped = new_exception_group(interp, &base, Value::str(""), members)?;
        let traceback = exc.exc().map(|d| d.traceback.clone());
        if let (Some(traceback), Some(to)) = (traceback, &wrapped.exc) {
            to.borrow_mut().traceback = traceback;
        }
        return Ok((Some(wrapped), None));
    }
    if is_group(interp, exc) {
        return split_exc(interp, exc, &Matcher::Types(types.clone()), true);
    }
    Ok((None, Some(exc.clone())))
}

/// CPython's `_PyEval_CheckExceptStarTypeValid`.
fn check_except_star_types(interp: &Interp, types: &Value) -> R<()> {
    let classes: Vec<&Value> = match types {
        Value::Tuple(t) => t.iter().collect(),
        other => vec![other],
    };
    for c in classes {
        match c {
            Value::Class(c) if c.is_exception() => {
                if c.is_subclass(&interp.types.exc("BaseExceptionGroup")) {
                    return Err(
                        interp.type_error("catching ExceptionGroup with except* is not allowed. Use except instead.")
                    );
                }
            }
            _ => {
                return Err(interp.type_error("catching classes that do not inherit from BaseException is not allowed"))
            }
        }
    }
    Ok(())
}

/// What an `except*` statement raises once its clauses ran (CPython's
/// `_PyExc_PrepReraiseStar`): `raised` are the exceptions its handlers raised, `rest` what no
/// clause matched, `derived` the parts of `orig` the statement made (a handler's `raise`
/// re-raises one). Re-raised parts go back into `orig`'s shape; new exceptions join them in a
/// new group.
pub fn prep_reraise_star(
    interp: &Interp,
    orig: &Rc<Instance>,
    raised: Vec<Rc<Instance>>,
    rest: Option<Rc<Instance>>,
    derived: &[Rc<Instance>],
) -> R<Option<Rc<Instance>>> {
    if !is_group(interp, orig) {
        // A lone exception: one clause at most ran.
        return Ok(raised.into_iter().next().or(rest));
    }
    // A part of `orig` raised as it was (a bare `raise`, or the part no clause matched) still
    // has `orig`'s traceback; `raise part` gave it a new one, which makes it a new exception.
    let reraise = |e: &Rc<Instance>| {
        let ours = Rc::ptr_eq(e, orig) || derived.iter().any(|d| Rc::ptr_eq(d, e));
        ours && match (e.exc(), orig.exc()) {
            (Some(a), Some(b)) => a.traceback == b.traceback,
            _ => false,
        }
    };
    let (mut again, mut new) = (Vec::new(), Vec::new());
    for e in raised.into_iter().chain(rest) {
        if reraise(&e) {
            again.push(e);
        } else {
            new.push(Value::Instance(e));
        }
    }
    let keep = if again.is_empty() {
        None
    } else {
        let mut leaves = std::collections::HashSet::new();
        for e in &again {
            leaf_ids(interp, e, &mut leaves)?;
        }
        let ids = Value::object(LeafIds(leaves));
        split_exc(interp, orig, &Matcher::Predicate(ids), false)?.0
    };
    if new.is_empty() {
        return Ok(keep);
    }
    new.extend(keep.map(Value::Instance));
    exception_group(interp, "", new).map(Some)
}

fn leaf_ids(interp: &Interp, e: &Rc<Instance>, into: &mut std::collections::HashSet<usize>) -> R<()> {
    if !is_group(interp, e) {
        into.insert(Rc::as_ptr(e) as usize);
        return Ok(());
    }
    let _level = interp.nest(" in collect_exception_group_leaf_ids")?;
    for m in group_members(e) {
        if let Value::Instance(m) = &m {
            leaf_ids(interp, m, into)?;
        }
    }
    Ok(())
}

/// The leaves a re-raise keeps, as a predicate on exceptions (true for those very objects).
struct LeafIds(std::collections::HashSet<usize>);

impl Object for LeafIds {
    fn type_name(&self) -> &str {
        "builtin_function_or_method"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn call(&self, _interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        let hit = matches!(args.pos.first(), Some(Value::Instance(i)) if self.0.contains(&(Rc::as_ptr(i) as usize)));
        Some(Ok(Value::Bool(hit)))
    }
}

/// `str(exception)`, CPython's rules (KeyError shows its key as repr; a group counts its members).
pub fn exc_str(interp: &Interp, v: Option<&Value>) -> R<String> {
    let Some(Value::Instance(i)) = v else { return Ok(String::new()) };
    let args = i.exc().map(|d| d.args.clone()).unwrap_or_default();
    if i.class.is_subclass(&interp.types.exc("BaseExceptionGroup")) && args.len() == 2 {
        let n = match &args[1] {
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            _ => 0,
        };
        let plural = if n == 1 { "" } else { "s" };
        return Ok(format!("{} ({n} sub-exception{plural})", ops::str_of(interp, &args[0])?));
    }
    match args.len() {
        0 => Ok(String::new()),
        1 if i.class.is_subclass(&interp.types.exc("KeyError")) => ops::repr(interp, &args[0]),
        1 => ops::str_of(interp, &args[0]),
        _ => ops::repr(interp, &Value::tuple(args)),
    }
}

/// `int(…)`, `str(…)`, `list(…)`… and the other built-in types called as constructors.
pub fn construct(interp: &Interp, class: &Rc<Class>, args: Args) -> R<Value> {
    let name = &*class.name;
    let first = args.pos.first().cloned();
    let raise = |r: fmt::Raise| interp.raise(r);
    match class.builtin {
        BuiltinType::Int => {
            let base = arg(&args, 1).or_else(|| kwarg(&args, "base"));
            // bytes and bytearray are read as text; errors show them as they are.
            let bytes = first.as_ref().and_then(bytes_text);
            let text = match &first {
                Some(Value::Str(s)) => Some(s.to_string()),
                _ => bytes.clone(),
            };
            match (first.as_ref(), base) {
                (None, _) => Ok(Value::Int(0)),
                (Some(v), b) if let Some(s) = &text => {
                    let base = match b {
                        Some(b) => ops::to_index(interp, b)?,
                        None => 10,
                    };
                    if base != 0 && !(2..=36).contains(&base) {
                        return Err(interp.value_error("int() base must be >= 2 and <= 36, or 0"));
                    }
                    match fmt::parse_int_limited(s, base as u32, interp.int_max_str_digits.get()) {
                        Err(r) if r.msg == fmt::INT_OVERFLOW => bigint::parse(interp, s, base as u32),
                        Err(_) if bytes.is_some() => Err(interp.value_error(format!(
                            "invalid literal for int() with base {base}: {}",
                            ops::repr(interp, v)?
                        ))),
                        r => r.map(Value::Int).map_err(raise),
                    }
                }
                (Some(_), Some(_)) => Err(interp.type_error("int() can't convert non-string with explicit base")),
                (Some(Value::Int(i)), None) => Ok(Value::Int(*i)),
                (Some(v @ Value::BigInt(_)), None) => Ok(v.clone()),
                (Some(Value::Bool(b)), None) => Ok(Value::Int(*b as i64)),
                (Some(Value::Float(x)), None) => match fmt::float_to_int_trunc(*x) {
                    Err(r) if r.msg == fmt::INT_OVERFLOW => Ok(bigint::from_f64(*x)),
                    r => r.map(Value::Int).map_err(raise),
                },
                (Some(v), None) => {
                    for m in ["__int__", "__index__"] {
                        if let Some(f) = ops::special(interp, v, m) {
                            return call(interp, &f, Args::default());
                        }
                    }
                    Err(interp.type_error(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                        v.type_name()
                    )))
                }
            }
        }
        BuiltinType::Float => match first.as_ref() {
            None => Ok(Value::Float(0.0)),
            Some(Value::Str(s)) => fmt::parse_float(s).map(Value::new_float).map_err(raise),
            Some(Value::Int(i)) => Ok(Value::Float(*i as f64)),
            Some(Value::BigInt(b)) => bigint::to_f64(interp, b).map(Value::Float),
            Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
            Some(Value::Float(x)) => Ok(Value::Float(*x)),
            Some(v) if let Some(text) = bytes_text(v) => match fmt::parse_float(&text) {
                Ok(x) => Ok(Value::new_float(x)),
                Err(_) => {
                    Err(interp.value_error(format!("could not convert string to float: {}", ops::repr(interp, v)?)))
                }
            },
            Some(v) => match ops::special(interp, v, "__float__") {
                Some(f) => call(interp, &f, Args::default()),
                None => Err(interp.type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    v.type_name()
                ))),
            },
        },
        BuiltinType::Str if args.pos.len() + args.kw.len() > 1 => super::bytes::str_from_bytes(interp, &args),
        BuiltinType::Str => match first {
            None => Ok(Value::str("")),
            Some(v) => Ok(Value::str(&ops::str_of(interp, &v)?)),
        },
        BuiltinType::Bool => Ok(Value::Bool(match first {
            None => false,
            Some(v) => ops::truthy(interp, &v)?,
        })),
        BuiltinType::List => Ok(Value::list(match first {
            None => vec![],
            Some(v) => ops::collect(interp, &v)?,
        })),
        BuiltinType::Tuple => Ok(match first {
            None => Value::tuple(vec![]),
            Some(v @ Value::Tuple(_)) => v,
            Some(v) => Value::tuple(ops::collect(interp, &v)?),
        }),
        BuiltinType::Set | BuiltinType::FrozenSet => {
            let mut s = Set::new();
            if let Some(v) = first {
                super::methods::update_from(interp, &mut s.items, &v)?;
            }
            Ok(if class.builtin == BuiltinType::Set {
                Value::Set(Rc::new(RefCell::new(s)))
            } else {
                Value::FrozenSet(Rc::new(s))
            })
        }
        BuiltinType::Dict => {
            let d = Rc::new(RefCell::new(Dict::new()));
            if let Some(v) = first {
                dict_update(interp, &d, &v)?;
            }
            for (k, v) in args.kw {
                d.borrow_mut().set_str(&k, v);
            }
            Ok(Value::Dict(d))
        }
        BuiltinType::Type => {
            match args.pos.len() {
                1 => Ok(Value::Class(interp.class_of(&args.pos[0]))),
                _ => Err(interp
                    .type_error("type() with three arguments is not supported by Interleave: use a class statement")),
            }
        }
        BuiltinType::Object if !args.pos.is_empty() || !args.kw.is_empty() => {
            Err(interp.type_error("object() takes no arguments"))
        }
        BuiltinType::Object => Ok(Value::Instance(Rc::new(Instance {
            class: class.clone(),
            attrs: RefCell::new(Attrs::default()),
            dict: InstanceDict::default(),
            exc: None,
        }))),
        BuiltinType::NoneType => Ok(Value::None),
        BuiltinType::Native if matches!(name, "bytes" | "bytearray") => {
            super::bytes::construct(interp, name == "bytearray", args)
        }
        BuiltinType::Native => match type_constructor(name).or_else(|| super::modules::asyncio::constructor(name)) {
            Some(f) => f(interp, args),
            None => Err(interp.type_error(format!("cannot create '{name}' instances"))),
        },
        _ => Err(interp.type_error(format!("cannot create '{name}' instances"))),
    }
}

/// A bytes or bytearray value's bytes as text, one character per byte (what `int()` and
/// `float()` parse: only ASCII digits, signs and spaces can make a number).
fn bytes_text(v: &Value) -> Option<String> {
    super::bytes::bytes_of(v).map(|(data, _)| data.iter().map(|&c| c as char).collect())
}

/// `dict(other)`, `d.update(other)` and `d |= other`: each pair goes in as it is read,
/// as in CPython (a pair that fails leaves the ones before it in, and the iterable's own code
/// sees the dict grow). The dict is borrowed only for each insertion, never while the
/// program's code runs.
pub fn dict_update(interp: &Interp, d: &Rc<RefCell<Dict>>, other: &Value) -> R<()> {
    if matches!(other, Value::Dict(_)) || ops::special(interp, other, "keys").is_some() {
        for (k, v) in ops::mapping_items(interp, other)? {
            let k = ops::key_in(interp, d, k)?;
            d.borrow_mut().insert(k, v);
        }
        return Ok(());
    }
    let it = ops::iter(interp, other)?;
    let mut i = 0usize;
    while let Some(pair) = ops::next(interp, &it)? {
        let (k, v) = update_pair(interp, i, &pair)?;
        let k = ops::key_in(interp, d, k)?;
        d.borrow_mut().insert(k, v);
        i += 1;
    }
    Ok(())
}

/// Element `i` of `dict.update`'s iterable as a key and a value, with CPython's errors.
fn update_pair(interp: &Interp, i: usize, pair: &Value) -> R<(Value, Value)> {
    let items = ops::collect(interp, pair).map_err(|_| {
        interp.type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
    })?;
    match <[Value; 2]>::try_from(items) {
        Ok([k, v]) => Ok((k, v)),
        Err(items) => Err(interp
            .value_error(format!("dictionary update sequence element #{i} has length {}; 2 is required", items.len()))),
    }
}

/// CPython's TypeError for an attribute name that is not a str (`setattr(x, 1, v)`).
fn attr_name_error(interp: &Interp, name: &Value) -> PyErr {
    interp.type_error(format!("attribute name must be string, not '{}'", name.type_name()))
}
