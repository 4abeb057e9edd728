//! Python's operators and protocols on values: truth, `repr`/`str`, arithmetic with Python's
//! int/float rules, comparisons, containment, indexing and slicing, iteration, hashing, and
//! `format()`. User classes join in through their dunder methods.

use std::cell::RefCell;
use std::rc::Rc;

use super::call::call;
use super::format::{self as fmt, IntOrFloat, Target as FmtTarget};
use super::interp::{Interp, PyErr, R};
use super::ir::{BinOp, CmpOp, UnaryOp};
use super::objects::{self, SliceObj};
use super::set_table::{self, Table};
use super::value::*;

// ----- small helpers ---------------------------------------------------------------------

/// Refuses a collection past the size limit (wasm cannot recover from a failed allocation).
pub fn check_size(interp: &Interp, n: usize) -> R<()> {
    if n > interp.limits.collection_items {
        return Err(interp.err(
            "MemoryError",
            format!("a collection of {n} items is over Interleave's limit of {}", interp.limits.collection_items),
        ));
    }
    Ok(())
}

/// A dict key or set member, or `TypeError: unhashable type`.
#[inline(never)]
pub fn key(interp: &Interp, v: Value) -> R<Key> {
    fn culprit(v: &Value) -> Rc<str> {
        match v {
            Value::Tuple(items) => {
                items.iter().find(|x| Key::new((*x).clone()).is_none()).map_or_else(|| v.type_name(), culprit)
            }
            _ => v.type_name(),
        }
    }
    match Key::try_new(v.clone()) {
        Ok(k) => Ok(k),
        Err(NotKey::TooDeep) => Err(interp.err("RecursionError", "maximum recursion depth exceeded while hashing")),
        Err(NotKey::Unhashable) => Err(interp.type_error(format!("unhashable type: '{}'", culprit(&v)))),
        Err(NotKey::Raised(e)) => Err(e),
    }
}

/// A key for probing a shared dict or set: `key`, matched to a stored key a user class's
/// `__eq__` equals (see `value::settle_key`).
pub fn key_in<T: KeyTable>(interp: &Interp, table: &RefCell<T>, v: Value) -> R<Key> {
    let k = key(interp, v)?;
    settle_key(interp, table, k)
}

/// A set looked for in a set, as the frozenset it equals (CPython's `set_contains`, `remove`
/// and `discard` retry an unhashable set so): anything else as it is.
pub fn as_member(v: &Value) -> Value {
    match v {
        Value::Set(s) => Value::FrozenSet(Rc::new(Set::of(s.borrow().items.copy()))),
        other => other.clone(),
    }
}

/// `key_in` for a table being built, not yet shared.
pub fn key_into<T: KeyTable>(interp: &Interp, table: &T, v: Value) -> R<Key> {
    let k = key(interp, v)?;
    settle_owned(interp, table, k)
}

/// A dunder method of `v`'s class, bound to `v` (or a native object's own).
pub fn special(interp: &Interp, v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) => i.class.lookup(name).map(|f| match f {
            Value::Func(_) | Value::Builtin(_) => Value::Method(Rc::new(Method { this: v.clone(), func: f })),
            other => other,
        }),
        Value::Object(o) => objects::get_attr(interp, o, v, &Rc::from(name)).and_then(Result::ok),
        _ => None,
    }
}

/// Calls `v.name(args)` if `v`'s class defines it.
fn call_special(interp: &Interp, v: &Value, name: &str, args: &[Value]) -> Option<R<Value>> {
    match v {
        Value::Instance(i) if i.class.user => {
            let f = i.class.lookup(name)?;
            let mut pos = Vec::with_capacity(args.len() + 1);
            pos.push(v.clone());
            pos.extend_from_slice(args);
            Some(call(interp, &f, Args { pos, kw: vec![] }))
        }
        _ => None,
    }
}

/// `operator.index(v)`: an int (or bool) used as an index or a count.
pub fn to_index(interp: &Interp, v: &Value) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(super::bigint::index_overflow(interp)),
        // A user class's `__index__` (an `IntEnum` member as a list index or a count).
        Value::Instance(_) if special(interp, v, "__index__").is_some() => {
            let _level = interp.nest("")?;
            match call_special(interp, v, "__index__", &[]) {
                Some(r) => match r? {
                    r @ (Value::Int(_) | Value::Bool(_)) => to_index(interp, &r),
                    // CPython names the object, not the int it gave.
                    Value::BigInt(_) => Err(interp
                        .err("OverflowError", format!("cannot fit '{}' into an index-sized integer", v.type_name()))),
                    other => Err(interp.type_error(format!("__index__ returned non-int (type {})", other.type_name()))),
                },
                None => {
                    Err(interp.type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())))
                }
            }
        }
        other => Err(interp.type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name()))),
    }
}

pub fn to_f64(interp: &Interp, v: &Value) -> R<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(x) => Ok(*x),
        Value::BigInt(b) => super::bigint::to_f64(interp, b),
        other => Err(interp.type_error(format!("must be real number, not {}", other.type_name()))),
    }
}

pub fn to_exception(interp: &Interp, v: Value) -> R<Rc<Instance>> {
    match &v {
        Value::Instance(i) if i.exc.is_some() => Ok(i.clone()),
        Value::Class(c) if c.is_exception() => match &call(interp, &v, Args::default())? {
            Value::Instance(i) => Ok(i.clone()),
            _ => Err(interp.type_error("exceptions must derive from BaseException")),
        },
        _ => Err(interp.type_error("exceptions must derive from BaseException")),
    }
}

// ----- truth, repr, str ------------------------------------------------------------------

pub fn truthy(interp: &Interp, v: &Value) -> R<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        // Normalised: a big int is never 0.
        Value::BigInt(_) => true,
        Value::Float(x) => *x != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) => !d.borrow().is_empty(),
        Value::Set(s) => !s.borrow().items.is_empty(),
        Value::FrozenSet(s) => !s.items.is_empty(),
        Value::Instance(i) if i.class.user => {
            if let Some(r) = call_special(interp, v, "__bool__", &[]) {
                return match r? {
                    Value::Bool(b) => Ok(b),
                    other => {
                        Err(interp.type_error(format!("__bool__ should return bool, returned {}", other.type_name())))
                    }
                };
            }
            if let Some(r) = call_special(interp, v, "__len__", &[]) {
                return Ok(to_index(interp, &r?)? != 0);
            }
            let _ = i;
            true
        }
        Value::Object(o) => objects::truthy(o).unwrap_or(true),
        _ => true,
    })
}

thread_local! {
    /// Containers whose repr is being built (a list that contains itself prints `[...]`).
    static IN_REPR: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Guards a container against printing itself inside itself.
fn guarded(v: &Value, open: &str, f: impl FnOnce() -> R<String>) -> R<String> {
    let id = v.identity().unwrap_or(0);
    if IN_REPR.with(|r| r.borrow().contains(&id)) {
        return Ok(format!("{open}...{}", closing(open)));
    }
    IN_REPR.with(|r| r.borrow_mut().push(id));
    let out = f();
    IN_REPR.with(|r| r.borrow_mut().pop());
    out
}

fn closing(open: &str) -> &'static str {
    match open {
        "[" => "]",
        "(" => ")",
        _ => "}",
    }
}

fn join_reprs<'a>(interp: &Interp, items: impl Iterator<Item = &'a Value>) -> R<String> {
    let mut out = String::new();
    for (i, v) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(interp, v)?);
        // A list holding itself twice, 60 levels deep, has a repr of 2**60 characters.
        check_size(interp, out.len())?;
    }
    Ok(out)
}

pub fn class_repr(c: &Class) -> String {
    match &*c.module_name() {
        "builtins" => format!("<class '{}'>", c.qualname),
        module => format!("<class '{module}.{}'>", c.qualname),
    }
}

/// `module.` before a class's name in an instance's default repr (nothing for `builtins`).
pub fn module_prefix(c: &Class) -> String {
    match &*c.module_name() {
        "builtins" => String::new(),
        module => format!("{module}."),
    }
}

/// Values whose repr, comparison or hash may recurse into others (nested data, user methods).
fn nests(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) | Value::Instance(_) | Value::Object(_)
    )
}

/// The start of `repr(v)`, at least `max_chars` characters of it when it is longer, for
/// texts that are clipped anyway (a task's result in the trace): built containers stop after
/// that much, so a task returning a million-item list, or results nested ten thousand deep
/// (`await gather(f(n + 1))`), costs a few thousand characters per task, not its whole repr.
pub fn repr_prefix(interp: &Interp, v: &Value, max_chars: usize) -> String {
    fn walk(interp: &Interp, v: &Value, max: usize, path: &mut Vec<usize>, out: &mut String) {
        if out.len() > max {
            return;
        }
        let id = v.identity().unwrap_or(0);
        let (open, close) = match v {
            Value::List(_) => ("[", "]"),
            Value::Tuple(t) if t.len() == 1 => ("(", ",)"),
            Value::Tuple(_) => ("(", ")"),
            Value::Dict(_) => ("{", "}"),
            Value::Set(s) if !s.borrow().items.is_empty() => ("{", "}"),
            Value::FrozenSet(s) if !s.items.is_empty() => ("frozenset({", "})"),
            Value::Str(s) => {
                let cut: String = s.chars().take(max + 1).collect();
                out.push_str(&fmt::py_str_repr(&cut));
                return;
            }
            _ => {
                out.push_str(&repr(interp, v).unwrap_or_else(|_| "<repr failed>".into()));
                return;
            }
        };
        if path.contains(&id) {
            out.push_str(open);
            out.push_str("...");
            out.push_str(close);
            return;
        }
        if path.len() >= 100 {
            out.push_str(open);
            out.push_str("...");
            return;
        }
        // At most as many items as characters wanted: each takes one at least.
        let items: Vec<Value> = match v {
            Value::List(l) => l.borrow().iter().take(max + 1).cloned().collect(),
            Value::Tuple(t) => t.iter().take(max + 1).cloned().collect(),
            Value::Dict(d) => {
                d.borrow().iter().take(max / 2 + 1).flat_map(|(k, x)| [k.value.clone(), x.clone()]).collect()
            }
            Value::Set(s) => s.borrow().items.iter().take(max + 1).map(|k| k.value.clone()).collect(),
            Value::FrozenSet(s) => s.items.iter().take(max + 1).map(|k| k.value.clone()).collect(),
            _ => Vec::new(),
        };
        let dict = matches!(v, Value::Dict(_));
        path.push(id);
        out.push_str(open);
        for (i, item) in items.iter().enumerate() {
            if out.len() > max {
                break;
            }
            if i > 0 {
                out.push_str(if dict && i % 2 == 1 { ": " } else { ", " });
            }
            walk(interp, item, max, path, out);
        }
        out.push_str(close);
        path.pop();
    }
    let mut out = String::new();
    walk(interp, v, max_chars, &mut Vec::new(), &mut out);
    out
}

/// `repr(v)`
pub fn repr(interp: &Interp, v: &Value) -> R<String> {
    let _nested = if nests(v) { Some(interp.nest(" while getting the repr of an object")?) } else { Option::None };
    repr_unnested(interp, v)
}

/// [`repr`] without its level of nesting: CPython's `str()` of an object without `__str__`
/// calls its type's repr directly, so a level of `__repr__` recursion reached through `str()`
/// or `print()` costs one less than through `repr()`, and ends with other words.
fn repr_unnested(interp: &Interp, v: &Value) -> R<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => itoa::Buffer::new().format(*i).to_string(),
        Value::BigInt(b) => super::bigint::to_str(interp, b)?,
        Value::Float(x) => fmt::float_repr(*x),
        Value::Str(s) => fmt::py_str_repr(s),
        // The list as it stands at each item, as CPython's list_repr reads it: an item's
        // `__repr__` may change it.
        Value::List(l) => guarded(v, "[", || {
            let mut out = String::from("[");
            let mut k = 0;
            while let Some(x) = list_at(l, k) {
                if k > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr(interp, &x)?);
                check_size(interp, out.len())?;
                k += 1;
            }
            out.push(']');
            Ok(out)
        })?,
        Value::Tuple(t) => {
            let t = t.clone();
            guarded(v, "(", || {
                Ok(if t.len() == 1 {
                    format!("({},)", repr(interp, &t[0])?)
                } else {
                    format!("({})", join_reprs(interp, t.iter())?)
                })
            })?
        }
        Value::Dict(d) => {
            let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, x)| (k.value.clone(), x.clone())).collect();
            guarded(v, "{", || {
                let mut out = String::from("{");
                for (i, (k, x)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&repr(interp, k)?);
                    out.push_str(": ");
                    out.push_str(&repr(interp, x)?);
                    check_size(interp, out.len())?;
                }
                out.push('}');
                Ok(out)
            })?
        }
        Value::Set(s) => {
            let items: Vec<Value> = s.borrow().items.iter().map(|k| k.value.clone()).collect();
            if items.is_empty() {
                "set()".into()
            } else {
                guarded(v, "{", || Ok(format!("{{{}}}", join_reprs(interp, items.iter())?)))?
            }
        }
        Value::FrozenSet(s) => {
            let items: Vec<Value> = s.items.iter().map(|k| k.value.clone()).collect();
            if items.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", join_reprs(interp, items.iter())?)
            }
        }
        Value::Func(f) => format!("<function {} at 0x{:x}>", f.qualname, v.identity().unwrap_or(0)),
        Value::Builtin(b) => match &b.bound {
            Some(this) if !matches!(this, Value::Module(_)) => {
                format!(
                    "<built-in method {} of {} object at 0x{:x}>",
                    b.name,
                    this.type_name(),
                    this.identity().unwrap_or(0)
                )
            }
            _ => match &b.unbound_of {
                Some(class) => super::methods::unbound_repr(class, &b.name),
                None if b.python => format!("<function {} at 0x{:x}>", b.name, v.identity().unwrap_or(0)),
                None => format!("<built-in function {}>", b.name),
            },
        },
        Value::Method(m) => {
            let name = match &m.func {
                Value::Func(f) => f.qualname.to_string(),
                other => other.type_name().to_string(),
            };
            format!("<bound method {name} of {}>", repr(interp, &m.this)?)
        }
        Value::Class(c) => match super::call::class_hook(interp, c, "__class_repr__", vec![]) {
            Some(r) => match &r? {
                Value::Str(s) => s.to_string(),
                other => {
                    return Err(interp.type_error(format!("__repr__ returned non-string (type {})", other.type_name())))
                }
            },
            None => class_repr(c),
        },
        Value::Module(m) => format!("<module '{}'>", m.name),
        Value::Instance(i) => {
            if let Some(r) = call_special(interp, v, "__repr__", &[]) {
                return match &r? {
                    Value::Str(s) => Ok(s.to_string()),
                    other => {
                        Err(interp.type_error(format!("__repr__ returned non-string (type {})", other.type_name())))
                    }
                };
            }
            if let Some(data) = i.exc() {
                let args = data.args.clone();
                drop(data);
                let inner = if args.len() == 1 { repr(interp, &args[0])? } else { join_reprs(interp, args.iter())? };
                return Ok(format!("{}({inner})", i.class.name));
            }
            format!("<{}{} object at 0x{:x}>", module_prefix(&i.class), i.class.qualname, v.identity().unwrap_or(0))
        }
        Value::Object(o) => objects::repr(interp, o, v)?,
    })
}

/// `str(v)`
pub fn str_of(interp: &Interp, v: &Value) -> R<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Instance(i) => {
            // An exception's str is its argument's str, which may be an exception in turn.
            let _level = interp.nest(" while getting the str of an object")?;
            if let Some(r) = call_special(interp, v, "__str__", &[]) {
                return match &r? {
                    Value::Str(s) => Ok(s.to_string()),
                    other => {
                        Err(interp.type_error(format!("__str__ returned non-string (type {})", other.type_name())))
                    }
                };
            }
            if let Some(data) = i.exc() {
                let args = data.args.clone();
                drop(data);
                if i.class.is_subclass(&interp.types.exc("BaseExceptionGroup")) {
                    return super::builtins::exc_str(interp, Some(v));
                }
                if args.len() >= 2 && i.class.is_subclass(&interp.types.exc("OSError")) {
                    if let Value::Int(n) = &args[0] {
                        let mut s = format!("[Errno {n}] {}", str_of(interp, &args[1])?);
                        if let Some(f) = args.get(2) {
                            s.push_str(&format!(": {}", repr(interp, f)?));
                        }
                        return Ok(s);
                    }
                }
                return match args.len() {
                    0 => Ok(String::new()),
                    // KeyError shows its key as repr.
                    1 if i.class.is_subclass(&interp.types.exc("KeyError")) => repr(interp, &args[0]),
                    1 => str_of(interp, &args[0]),
                    _ => repr(interp, &Value::tuple(args)),
                };
            }
            repr_unnested(interp, v)
        }
        Value::Object(o) => objects::str_of(interp, o, v),
        other => repr(interp, other),
    }
}

/// `ascii()`: a repr with non-ASCII characters escaped.
pub fn ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

// ----- arithmetic --------------------------------------------------------------------------

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mul => ("__mul__", "__rmul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
    }
}

/// `a op b` for two ints past `i64`: the operation redone on big ints.
#[cold]
#[inline(never)]
fn big_op(interp: &Interp, op: BinOp, a: i64, b: i64) -> R<Value> {
    super::bigint::int_op(interp, op, &a.into(), &b.into())
}

/// Whether a failed `fmt` int operation failed only for leaving `i64`.
fn left_i64(r: &fmt::Raise) -> bool {
    r.msg == fmt::INT_OVERFLOW
}

fn int_op(interp: &Interp, op: BinOp, a: i64, b: i64) -> R<Value> {
    let checked = |r: Option<i64>| r.map_or_else(|| big_op(interp, op, a, b), |r| Ok(Value::Int(r)));
    let raise = |r: fmt::Raise| if left_i64(&r) { big_op(interp, op, a, b) } else { Err(interp.raise(r)) };
    match op {
        BinOp::Add => checked(a.checked_add(b)),
        BinOp::Sub => checked(a.checked_sub(b)),
        BinOp::Mul => checked(a.checked_mul(b)),
        BinOp::Div => fmt::int_truediv(a, b).map(Value::Float).map_err(|r| interp.raise(r)),
        BinOp::FloorDiv => fmt::int_floordiv(a, b).map_or_else(raise, |q| Ok(Value::Int(q))),
        BinOp::Mod => fmt::int_mod(a, b).map(Value::Int).map_err(|r| interp.raise(r)),
        BinOp::Pow => match fmt::int_pow(a, b) {
            Ok(IntOrFloat::Int(i)) => Ok(Value::Int(i)),
            Ok(IntOrFloat::Float(x)) => Ok(Value::Float(x)),
            Err(r) => raise(r),
        },
        BinOp::LShift => {
            if b < 0 {
                return Err(interp.value_error("negative shift count"));
            }
            if a == 0 {
                return Ok(Value::Int(0));
            }
            if b >= 63 {
                return big_op(interp, op, a, b);
            }
            let r = a.checked_shl(b as u32).filter(|r| r >> b == a);
            checked(r)
        }
        BinOp::RShift => {
            if b < 0 {
                return Err(interp.value_error("negative shift count"));
            }
            Ok(Value::Int(if b >= 64 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> b
            }))
        }
        BinOp::BitOr => Ok(Value::Int(a | b)),
        BinOp::BitXor => Ok(Value::Int(a ^ b)),
        BinOp::BitAnd => Ok(Value::Int(a & b)),
        BinOp::MatMul => Err(interp.type_error("unsupported operand type(s) for @: 'int' and 'int'")),
    }
}

fn float_op(interp: &Interp, op: BinOp, a: f64, b: f64) -> Option<R<Value>> {
    let raise = |r: fmt::Raise| interp.raise(r);
    Some(match op {
        BinOp::Add => Ok(Value::new_float(a + b)),
        BinOp::Sub => Ok(Value::new_float(a - b)),
        BinOp::Mul => Ok(Value::new_float(a * b)),
        BinOp::Div => fmt::float_truediv(a, b).map(Value::new_float).map_err(raise),
        BinOp::FloorDiv => fmt::float_floordiv(a, b).map(Value::new_float).map_err(raise),
        BinOp::Mod => fmt::float_mod(a, b).map(Value::new_float).map_err(raise),
        BinOp::Pow => fmt::float_pow(a, b).map(Value::new_float).map_err(raise),
        _ => return None,
    })
}

/// A repetition count that is a big int: too big for any sequence, as CPython says.
fn big_count(interp: &Interp) -> R<Value> {
    Err(super::bigint::index_overflow(interp))
}

fn repeat<T: Clone>(interp: &Interp, items: &[T], n: i64) -> R<Vec<T>> {
    // `[] * 2**62` is empty at once, not after 2**62 turns of the loop below.
    let n = if items.is_empty() { 0 } else { n.max(0) as usize };
    check_size(interp, items.len().saturating_mul(n))?;
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

fn repeat_str(interp: &Interp, s: &str, n: i64) -> R<Value> {
    let n = n.max(0) as usize;
    // CPython: a length past its ssize_t is an OverflowError, a smaller one a MemoryError.
    if n > 0 && (s.chars().count() as u128) * (n as u128) > i64::MAX as u128 {
        return Err(interp.err("OverflowError", "repeated string is too long"));
    }
    check_size(interp, s.len().saturating_mul(n))?;
    Ok(Value::Str(Rc::from(s.repeat(n))))
}

/// `a op b`
pub fn binop(interp: &Interp, op: BinOp, a: Value, b: Value) -> R<Value> {
    binop_or_inplace(interp, op, a, b, false)
}

/// `a op b`, or `a op= b` where `a` has no in-place form (only the error message differs:
/// `unsupported operand type(s) for +=`).
#[inline(never)]
fn binop_or_inplace(interp: &Interp, op: BinOp, a: Value, b: Value, in_place: bool) -> R<Value> {
    use Value::*;
    let r = match (&a, &b) {
        (Int(x), Int(y)) => return int_op(interp, op, *x, *y),
        (BigInt(_), Int(_) | Bool(_) | BigInt(_) | Float(_)) | (Int(_) | Bool(_) | Float(_), BigInt(_)) => {
            super::bigint::binop(interp, op, &a, &b)
        }
        (Str(_) | List(_) | Tuple(_), BigInt(_)) | (BigInt(_), Str(_) | List(_) | Tuple(_)) if op == BinOp::Mul => {
            return big_count(interp)
        }
        (Bool(x), Bool(y)) if matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) => {
            return Ok(Bool(match op {
                BinOp::BitAnd => *x & *y,
                BinOp::BitOr => *x | *y,
                _ => *x ^ *y,
            }))
        }
        (Int(_) | Bool(_), Int(_) | Bool(_)) => {
            let (x, y) = (as_int(&a), as_int(&b));
            return int_op(interp, op, x, y);
        }
        (Float(x), Float(y)) => float_op(interp, op, *x, *y),
        (Float(x), Int(_) | Bool(_)) => float_op(interp, op, *x, as_int(&b) as f64),
        (Int(_) | Bool(_), Float(y)) => float_op(interp, op, as_int(&a) as f64, *y),
        (Str(x), Str(y)) if op == BinOp::Add => {
            check_size(interp, x.len() + y.len())?;
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            return Ok(Str(Rc::from(s)));
        }
        (Str(x), Int(n)) | (Int(n), Str(x)) if op == BinOp::Mul => return repeat_str(interp, x, *n),
        (Str(x), Bool(n)) | (Bool(n), Str(x)) if op == BinOp::Mul => return repeat_str(interp, x, *n as i64),
        (Str(x), _) if op == BinOp::Mod => return Ok(Str(Rc::from(percent_format(interp, x, &b)?))),
        (List(x), List(y)) if op == BinOp::Add => {
            check_size(interp, x.borrow().len() + y.borrow().len())?;
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            return Ok(Value::list(v));
        }
        (List(x), Int(_) | Bool(_)) | (Int(_) | Bool(_), List(x)) if op == BinOp::Mul => {
            let n = if matches!(a, List(_)) { as_int(&b) } else { as_int(&a) };
            let items = x.borrow().clone();
            return Ok(Value::list(repeat(interp, &items, n)?));
        }
        (Tuple(x), Tuple(y)) if op == BinOp::Add => {
            check_size(interp, x.len() + y.len())?;
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            return Ok(Value::tuple(v));
        }
        (Tuple(x), Int(_) | Bool(_)) | (Int(_) | Bool(_), Tuple(x)) if op == BinOp::Mul => {
            let n = if matches!(a, Tuple(_)) { as_int(&b) } else { as_int(&a) };
            return Ok(Value::tuple(repeat(interp, x, n)?));
        }
        (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => set_op(interp, op, &a, &b),
        (Object(_), _) | (_, Object(_)) if is_set_view(&a) || is_set_view(&b) => view_set_op(interp, op, &a, &b),
        (Dict(x), Dict(y)) if op == BinOp::BitOr => {
            let mut d = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                d.insert(k.clone(), v.clone());
            }
            return Ok(Value::dict(d));
        }
        (Object(_), _) | (_, Object(_)) => super::bytes::binop(interp, op, &a, &b),
        _ => Option::None,
    };
    if let Some(r) = r {
        return r;
    }
    if op == BinOp::BitOr {
        if let Some(u) = objects::union(interp, &a, &b) {
            return Ok(u);
        }
    }
    let (name, rname) = dunder(op);
    if let Some(r) = binary_special(interp, &a, &b, name, rname)? {
        return Ok(r);
    }
    if op == BinOp::Mul {
        if let Some(r) = repeat_by_index(interp, &a, &b) {
            return r;
        }
    }
    Err(binop_type_error(interp, op, &a, &b, in_place))
}

/// `seq * n` where `n` is an object with `__index__`: the sequence repeated by the int it
/// gives, as CPython's `sq_repeat` takes it once neither `__mul__` nor `__rmul__` did.
fn repeat_by_index(interp: &Interp, a: &Value, b: &Value) -> Option<R<Value>> {
    let sequence = |v: &Value| {
        matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_)) || super::bytes::bytes_of(v).is_some()
    };
    let (seq, n) = match (a, b) {
        (_, Value::Instance(_)) if sequence(a) => (a, b),
        (Value::Instance(_), _) if sequence(b) => (b, a),
        _ => return None,
    };
    special(interp, n, "__index__")?;
    Some(to_index(interp, n).and_then(|n| binop(interp, BinOp::Mul, seq.clone(), Value::Int(n))))
}

/// `a.name(b)`, else `b.rname(a)`, as Python tries a binary operation's methods (`divmod`'s
/// too): `None` when neither class defines one or each returned `NotImplemented`.
pub fn binary_special(interp: &Interp, a: &Value, b: &Value, name: &str, rname: &str) -> R<Option<Value>> {
    for (this, method, other) in [(a, name, b), (b, rname, a)] {
        if let Some(r) = call_special(interp, this, method, std::slice::from_ref(other)) {
            let r = r?;
            if !is_not_implemented(interp, &r) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

fn binop_type_error(interp: &Interp, op: BinOp, a: &Value, b: &Value, in_place: bool) -> PyErr {
    match (a, op) {
        (Value::Str(_), BinOp::Add) => {
            interp.type_error(format!("can only concatenate str (not \"{}\") to str", b.type_name()))
        }
        (Value::List(_), BinOp::Add) => {
            interp.type_error(format!("can only concatenate list (not \"{}\") to list", b.type_name()))
        }
        (Value::Tuple(_), BinOp::Add) => {
            interp.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", b.type_name()))
        }
        (Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Object(_), BinOp::Mul)
            if !matches!(b, Value::Int(_) | Value::BigInt(_))
                && (!matches!(a, Value::Object(_)) || super::bytes::bytes_of(a).is_some()) =>
        {
            interp.type_error(format!("can't multiply sequence by non-int of type '{}'", b.type_name()))
        }
        // A sequence on the right is repeated too (`2 * "ab"`), so its words are the same.
        (_, BinOp::Mul)
            if !matches!(a, Value::Int(_))
                && (matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                    || super::bytes::bytes_of(b).is_some()) =>
        {
            interp.type_error(format!("can't multiply sequence by non-int of type '{}'", a.type_name()))
        }
        _ => interp.type_error(format!(
            "unsupported operand type(s) for {}{}: '{}' and '{}'",
            op_symbol(op),
            if in_place { "=" } else { "" },
            a.type_name(),
            b.type_name()
        )),
    }
}

pub(super) fn is_not_implemented(interp: &Interp, v: &Value) -> bool {
    interp.builtins.get("NotImplemented").is_some_and(|n| n.is(v))
}

fn as_int(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => 0,
    }
}

/// A dict's keys or items view: set-like, as CPython's are.
fn is_set_view(v: &Value) -> bool {
    v.downcast::<objects::DictView>().is_some_and(objects::DictView::set_like)
}

/// The members of a set, a frozenset or a set-like view, as a table.
fn set_like_table(interp: &Interp, v: &Value) -> Option<R<Table>> {
    if let Some(t) = set_table(v) {
        return Some(Ok(t));
    }
    let view = v.downcast::<objects::DictView>().filter(|d| d.set_like())?;
    let mut t = Table::default();
    for x in view.items() {
        match key_into(interp, &t, x) {
            Ok(k) => {
                t.insert(k);
            }
            Err(e) => return Some(Err(e)),
        }
    }
    Some(Ok(t))
}

/// `view & other` (and `|`, `-`, `^`, either way round) with a keys or items view: a set made
/// of the view and any iterable, as CPython's dict views give.
fn view_set_op(interp: &Interp, op: BinOp, a: &Value, b: &Value) -> Option<R<Value>> {
    if !matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::Sub | BinOp::BitXor) {
        return None;
    }
    let table = |v: &Value| -> R<Table> {
        if let Some(t) = set_like_table(interp, v) {
            return t;
        }
        let it = iter(interp, v)?;
        let mut t = Table::default();
        while let Some(x) = next(interp, &it)? {
            t.insert(key_into(interp, &t, x)?);
        }
        Ok(t)
    };
    let sets = table(a).and_then(|x| Ok((x, table(b)?)));
    let (x, y) = match sets {
        Ok(xy) => xy,
        Err(e) => return Some(Err(e)),
    };
    let as_set = |t: Table| Value::Set(Rc::new(RefCell::new(Set::of(t))));
    set_op(interp, op, &as_set(x), &as_set(y))
}

/// The table of a set or frozenset (copied: the operand may be the result too).
fn set_table(v: &Value) -> Option<Table> {
    match v {
        Value::Set(s) => Some(s.borrow().items.clone()),
        Value::FrozenSet(s) => Some(s.items.clone()),
        _ => None,
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` of sets, built as CPython builds them (so they print in
/// CPython's order); the result has `a`'s type.
fn set_op(_interp: &Interp, op: BinOp, a: &Value, b: &Value) -> Option<R<Value>> {
    let (x, y) = (set_table(a)?, set_table(b)?);
    let items = with_user_eq(|| match op {
        BinOp::BitOr => {
            let mut r = x.copy();
            r.merge(&y);
            Some(r)
        }
        BinOp::BitAnd => Some(set_table::intersection(&x, &y)),
        BinOp::Sub => Some(set_table::difference(&x, &y)),
        BinOp::BitXor => Some(set_table::symmetric_difference(&x, &y)),
        _ => None,
    })?;
    let s = Set::of(items);
    Some(Ok(match a {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(s)),
        _ => Value::Set(Rc::new(RefCell::new(s))),
    }))
}

/// `a op= b`: lists, sets and dicts change in place (so aliases see it), as in Python.
pub fn inplace(interp: &Interp, op: BinOp, a: Value, b: Value) -> R<Value> {
    match (&a, op) {
        (Value::Object(_), BinOp::Add) if a.downcast::<super::bytes::ByteArray>().is_some() => {
            super::bytes::add_in_place(interp, &a, &b)?;
            return Ok(a);
        }
        (Value::List(l), BinOp::Add) => {
            let items = match &b {
                Value::List(o) => o.borrow().clone(),
                _ => {
                    let mut v = Vec::new();
                    extend_from(interp, &mut v, &b)?;
                    v
                }
            };
            let mut l = l.borrow_mut();
            check_size(interp, l.len() + items.len())?;
            l.extend(items);
            drop(l);
            return Ok(a);
        }
        (Value::List(l), BinOp::Mul) => {
            if !matches!(b, Value::Int(_) | Value::Bool(_)) && special(interp, &b, "__index__").is_none() {
                return Err(binop_type_error(interp, op, &a, &b, true));
            }
            let n = to_index(interp, &b)?;
            let items = l.borrow().clone();
            *l.borrow_mut() = repeat(interp, &items, n)?;
            return Ok(a);
        }
        (Value::Set(s), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
            if matches!(b, Value::Set(_) | Value::FrozenSet(_)) =>
        {
            // In place, as CPython's set_ior/iand/isub/ixor change the table.
            let other = set_table(&b).unwrap_or_default();
            change_shared_set(s, |items| match op {
                BinOp::BitOr => items.merge(&other),
                BinOp::BitAnd => *items = set_table::intersection(items, &other),
                BinOp::Sub => {
                    for k in other.iter() {
                        items.remove(k);
                    }
                }
                _ => items.toggle_all(&other),
            });
            return Ok(a);
        }
        (Value::Dict(d), BinOp::BitOr) => {
            super::builtins::dict_update(interp, d, &b)?;
            return Ok(a);
        }
        _ => {}
    }
    let name = match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mul => "__imul__",
        _ => "",
    };
    if !name.is_empty() {
        if let Some(r) = call_special(interp, &a, name, std::slice::from_ref(&b)) {
            let r = r?;
            if !is_not_implemented(interp, &r) {
                return Ok(r);
            }
        }
    }
    binop_or_inplace(interp, op, a, b, true)
}

#[inline(never)]
pub fn unary(interp: &Interp, op: UnaryOp, v: Value) -> R<Value> {
    Ok(match (op, &v) {
        (UnaryOp::Not, _) => Value::Bool(!truthy(interp, &v)?),
        (UnaryOp::Neg, Value::Int(i)) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => super::bigint::int(-num_bigint::BigInt::from(*i)),
        },
        (_, Value::BigInt(b)) => super::bigint::unary(op, b),
        (UnaryOp::Neg, Value::Bool(b)) => Value::Int(-(*b as i64)),
        (UnaryOp::Neg, Value::Float(x)) => Value::new_float(-x),
        (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => v,
        (UnaryOp::Pos, Value::Bool(b)) => Value::Int(*b as i64),
        (UnaryOp::Invert, Value::Int(i)) => Value::Int(!i),
        (UnaryOp::Invert, Value::Bool(b)) => Value::Int(!(*b as i64)),
        _ => {
            let (name, sym) = match op {
                UnaryOp::Neg => ("__neg__", "-"),
                UnaryOp::Pos => ("__pos__", "+"),
                UnaryOp::Invert => ("__invert__", "~"),
                UnaryOp::Not => ("", "not"),
            };
            if let Some(r) = call_special(interp, &v, name, &[]) {
                return r;
            }
            return Err(interp.type_error(format!("bad operand type for unary {sym}: '{}'", v.type_name())));
        }
    })
}

// ----- comparison --------------------------------------------------------------------------

/// `a == b`
pub fn eq(interp: &Interp, a: &Value, b: &Value) -> R<bool> {
    let _nested = if nests(a) { Some(interp.nest(" in comparison")?) } else { Option::None };
    use Value::*;
    Ok(match (a, b) {
        (Str(x), Str(y)) => x == y,
        (List(x), List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            // The lists as they stand at each item, as CPython compares them: an item's
            // `__eq__` may change them.
            if x.borrow().len() != y.borrow().len() {
                return Ok(false);
            }
            let mut i = 0;
            while let (Some(p), Some(q)) = (list_at(x, i), list_at(y, i)) {
                if !p.is(&q) && !eq(interp, &p, &q)? {
                    return Ok(false);
                }
                i += 1;
            }
            x.borrow().len() == y.borrow().len()
        }
        (Tuple(x), Tuple(y)) => seq_eq(interp, x, y)?,
        (Dict(x), Dict(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (k, v) in x.iter() {
                match with_user_eq(|| y.get(k)) {
                    Some(w) => {
                        // A dict holding itself equals itself. Floats are values here, so a
                        // NaN counts as itself, as lists count it (see `same_or_eq`).
                        if !same_or_eq(interp, v, w)? {
                            return Ok(false);
                        }
                    }
                    Option::None => return Ok(false),
                }
            }
            true
        }
        (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
            let (x, y) = (set_table(a).unwrap_or_default(), set_table(b).unwrap_or_default());
            x.len() == y.len() && with_user_eq(|| x.iter().all(|k| y.contains(k)))
        }
        (Object(_), _) | (_, Object(_)) if is_set_view(a) || is_set_view(b) => {
            match (set_like_table(interp, a), set_like_table(interp, b)) {
                (Some(x), Some(y)) => {
                    let (x, y) = (x?, y?);
                    x.len() == y.len() && with_user_eq(|| x.iter().all(|k| y.contains(k)))
                }
                _ => false,
            }
        }
        (Object(o), _) if o.eq(b).is_some() => o.eq(b).unwrap_or(false),
        (Instance(_), _) | (_, Instance(_)) => {
            if let Some(r) = call_special(interp, a, "__eq__", std::slice::from_ref(b)) {
                let r = r?;
                if !is_not_implemented(interp, &r) {
                    return truthy(interp, &r);
                }
            }
            if let Some(r) = call_special(interp, b, "__eq__", std::slice::from_ref(a)) {
                let r = r?;
                if !is_not_implemented(interp, &r) {
                    return truthy(interp, &r);
                }
            }
            a.is(b)
        }
        (BigInt(_), _) | (_, BigInt(_)) => super::bigint::equal(a, b),
        _ => match (as_number(a), as_number(b)) {
            (Some(x), Some(y)) => numbers_equal(x, y),
            (Option::None, Option::None) => key_eq(a, b),
            _ => false,
        },
    })
}

/// An item of a container compared with `x`, as CPython's containers compare
/// (`PyObject_RichCompareBool`): the same object is equal without asking `==`, so a NaN or
/// an object whose `__eq__` says False is found in a list holding it.
pub fn same_or_eq(interp: &Interp, item: &Value, x: &Value) -> R<bool> {
    Ok(item.is(x) || eq(interp, item, x)?)
}

fn seq_eq(interp: &Interp, x: &[Value], y: &[Value]) -> R<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (p, q) in x.iter().zip(y) {
        if !p.is(q) && !eq(interp, p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The ordering of two values for `<` and friends; `None` when they cannot be ordered.
pub fn order(interp: &Interp, a: &Value, b: &Value) -> R<Option<std::cmp::Ordering>> {
    use std::cmp::Ordering;
    use Value::*;
    Ok(match (a, b) {
        (Str(x), Str(y)) => Some(x.cmp(y)),
        (List(_) | Tuple(_), List(_) | Tuple(_)) if std::mem::discriminant(a) == std::mem::discriminant(b) => {
            let _level = interp.nest(" in comparison")?;
            let mut i = 0;
            while let (Some(p), Some(q)) = (seq_at(a, i), seq_at(b, i)) {
                if !p.is(&q) && !eq(interp, &p, &q)? {
                    return order(interp, &p, &q);
                }
                i += 1;
            }
            Some(seq_len(a).cmp(&seq_len(b)))
        }
        (Object(_), Object(_)) => Some(super::bytes::order(a, b).ok_or_else(|| PyErr::Stop(Rc::from("")))?),
        (BigInt(_), _) | (_, BigInt(_)) => super::bigint::cmp(a, b).ok_or_else(|| PyErr::Stop(Rc::from("")))?,
        _ => match (as_number(a), as_number(b)) {
            (Some(Num::Int(x)), Some(Num::Int(y))) => Some(x.cmp(&y)),
            (Some(Num::Float(x)), Some(Num::Float(y))) => {
                x.partial_cmp(&y).or(Some(Ordering::Equal)).filter(|_| !x.is_nan() && !y.is_nan())
            }
            (Some(Num::Int(i)), Some(Num::Float(x))) => fmt::cmp_int_float(i, x),
            (Some(Num::Float(x)), Some(Num::Int(i))) => fmt::cmp_int_float(i, x).map(Ordering::reverse),
            _ => return Err(PyErr::Stop(Rc::from(""))),
        },
    })
}

/// Item `i` of a list (as the list stands now: a comparison's `__eq__` may change it) or of
/// a tuple.
fn seq_at(v: &Value, i: usize) -> Option<Value> {
    match v {
        Value::List(l) => list_at(l, i),
        Value::Tuple(t) => t.get(i).cloned(),
        _ => None,
    }
}

fn seq_len(v: &Value) -> usize {
    match v {
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        _ => 0,
    }
}

fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        _ => "",
    }
}

/// `a < b` and friends, user classes' rich comparisons included.
fn rich(interp: &Interp, op: CmpOp, a: &Value, b: &Value) -> R<Value> {
    let (name, reflected) = match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => ("", ""),
    };
    if let Some(r) = call_special(interp, a, name, std::slice::from_ref(b)) {
        let r = r?;
        if !is_not_implemented(interp, &r) {
            return Ok(r);
        }
    }
    if let Some(r) = call_special(interp, b, reflected, std::slice::from_ref(a)) {
        let r = r?;
        if !is_not_implemented(interp, &r) {
            return Ok(r);
        }
    }
    // Lists and tuples order by their first items that differ, compared as Python compares
    // them (their own `__lt__`, and a TypeError naming their types), else by length.
    if let (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) = (a, b) {
        // Item by item as the lists stand (an `__eq__` may change them), an item identical
        // to its counterpart equal to it, as CPython compares them.
        let _level = interp.nest(" in comparison")?;
        let mut i = 0;
        while let (Some(p), Some(q)) = (seq_at(a, i), seq_at(b, i)) {
            if !p.is(&q) && !eq(interp, &p, &q)? {
                return compare(interp, op, &p, &q);
            }
            i += 1;
        }
        let o = seq_len(a).cmp(&seq_len(b));
        return Ok(Value::Bool(match op {
            CmpOp::Lt => o.is_lt(),
            CmpOp::LtE => o.is_le(),
            CmpOp::Gt => o.is_gt(),
            _ => o.is_ge(),
        }));
    }
    // Sets (and keys and items views) order by inclusion.
    if let (Some(x), Some(y)) = (set_like_table(interp, a), set_like_table(interp, b)) {
        let (x, y) = (x?, y?);
        let sub = with_user_eq(|| x.iter().all(|k| y.contains(k)));
        let sup = with_user_eq(|| y.iter().all(|k| x.contains(k)));
        return Ok(Value::Bool(match op {
            CmpOp::Lt => sub && x.len() < y.len(),
            CmpOp::LtE => sub,
            CmpOp::Gt => sup && x.len() > y.len(),
            _ => sup,
        }));
    }
    let type_error = || {
        interp.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            cmp_symbol(op),
            a.type_name(),
            b.type_name()
        ))
    };
    let ord = match order(interp, a, b) {
        Ok(o) => o,
        Err(PyErr::Stop(m)) if m.is_empty() => return Err(type_error()),
        Err(e) => return Err(e),
    };
    use std::cmp::Ordering::*;
    Ok(Value::Bool(match (op, ord) {
        (_, None) => false,
        (CmpOp::Lt, Some(o)) => o == Less,
        (CmpOp::LtE, Some(o)) => o != Greater,
        (CmpOp::Gt, Some(o)) => o == Greater,
        (_, Some(o)) => o != Less,
    }))
}

#[inline(never)]
pub fn compare(interp: &Interp, op: CmpOp, a: &Value, b: &Value) -> R<Value> {
    if let Some(r) = compare_plain(op, a, b) {
        return Ok(Value::Bool(r));
    }
    Ok(match op {
        CmpOp::Eq => Value::Bool(eq(interp, a, b)?),
        CmpOp::NotEq => {
            if let Some(r) = call_special(interp, a, "__ne__", std::slice::from_ref(b)) {
                let r = r?;
                if !is_not_implemented(interp, &r) {
                    return Ok(r);
                }
            }
            Value::Bool(!eq(interp, a, b)?)
        }
        CmpOp::Is => Value::Bool(a.is(b)),
        CmpOp::IsNot => Value::Bool(!a.is(b)),
        CmpOp::In => Value::Bool(contains(interp, b, a)?),
        CmpOp::NotIn => Value::Bool(!contains(interp, b, a)?),
        _ => rich(interp, op, a, b)?,
    })
}

/// `a op b` for two ints when the answer is an int that fits: the arithmetic loops do most,
/// answered inline. `None` for everything else (other types, overflow, a divisor that is not
/// positive), which takes [`binop`]'s general path and its errors.
#[inline(always)]
pub fn int_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    let (Value::Int(x), Value::Int(y)) = (a, b) else { return None };
    let (x, y) = (*x, *y);
    Some(Value::Int(match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        // For a positive divisor, Euclid's quotient and remainder are Python's floor ones.
        BinOp::FloorDiv if y > 0 => x.div_euclid(y),
        BinOp::Mod if y > 0 => x.rem_euclid(y),
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        _ => return None,
    }))
}

/// `a op b` for two ints, two floats or two strings, which have no special methods to look up:
/// the comparisons loops and conditions make most, answered without the general path's
/// lookups. `None` for everything else.
#[inline(always)]
pub fn compare_plain(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    use std::cmp::Ordering;
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        // IEEE comparisons are Python's, NaN included.
        (Value::Float(x), Value::Float(y)) => {
            return match op {
                CmpOp::Eq => Some(x == y),
                CmpOp::NotEq => Some(x != y),
                CmpOp::Lt => Some(x < y),
                CmpOp::LtE => Some(x <= y),
                CmpOp::Gt => Some(x > y),
                CmpOp::GtE => Some(x >= y),
                _ => None,
            }
        }
        _ => return None,
    };
    match op {
        CmpOp::Eq => Some(ord == Ordering::Equal),
        CmpOp::NotEq => Some(ord != Ordering::Equal),
        CmpOp::Lt => Some(ord == Ordering::Less),
        CmpOp::LtE => Some(ord != Ordering::Greater),
        CmpOp::Gt => Some(ord == Ordering::Greater),
        CmpOp::GtE => Some(ord != Ordering::Less),
        _ => None,
    }
}

/// Orders values for `sorted`, `min` and `max` (`a < b`).
pub fn less(interp: &Interp, a: &Value, b: &Value) -> R<bool> {
    let _nested = if nests(a) { Some(interp.nest(" in comparison")?) } else { Option::None };
    let r = rich(interp, CmpOp::Lt, a, b)?;
    truthy(interp, &r)
}

/// `item in container`
pub fn contains(interp: &Interp, container: &Value, item: &Value) -> R<bool> {
    match container {
        Value::Str(s) => {
            // A `StrEnum` member is a str in CPython.
            let stand_in = item.as_instance().and_then(|i| i.builtin_value());
            match stand_in.as_ref().unwrap_or(item) {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                _ => Err(interp
                    .type_error(format!("'in <string>' requires string as left operand, not {}", item.type_name()))),
            }
        }
        Value::List(l) => {
            // The list as it stands at each step, as CPython walks it: an `__eq__` may change it.
            let mut k = 0;
            while let Some(x) = list_at(l, k) {
                if x.is(item) || eq(interp, &x, item)? {
                    return Ok(true);
                }
                k += 1;
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for x in t.iter() {
                if x.is(item) || eq(interp, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Dict(d) => {
            let k = key_in(interp, d, item.clone())?;
            Ok(d.borrow().get(&k).is_some())
        }
        Value::Set(s) => {
            let k = key_in(interp, s, as_member(item))?;
            Ok(s.borrow().items.contains(&k))
        }
        Value::FrozenSet(s) => Ok(s.items.contains(&key_into(interp, &s.items, as_member(item))?)),
        Value::Class(c) if c.user => {
            match super::call::class_hook(interp, c, "__class_contains__", vec![item.clone()]) {
                Some(r) => truthy(interp, &r?),
                None => Err(interp.type_error(format!("argument of type '{}' is not iterable", container.type_name()))),
            }
        }
        _ => {
            if let Some(r) = call_special(interp, container, "__contains__", std::slice::from_ref(item)) {
                return truthy(interp, &r?);
            }
            if let Value::Object(o) = container {
                if let Some(r) = objects::contains(interp, o, item) {
                    return r;
                }
            }
            let it = iter(interp, container).map_err(|_| {
                interp.type_error(format!("argument of type '{}' is not iterable", container.type_name()))
            })?;
            while let Some(x) = next(interp, &it)? {
                if x.is(item) || eq(interp, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

// ----- indexing ----------------------------------------------------------------------------

/// A Python index into a sequence of `len` items (negative counts from the end).
fn index_of(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// A slice's bounds as ints (CPython's `PySlice_Unpack`). Converting them may run the
/// program's `__index__`, which may touch the sequence: a caller converts them before it
/// holds the sequence's items, then clamps them to its length with [`SliceInts::indices`].
pub struct SliceInts {
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
}

pub fn slice_ints(interp: &Interp, s: &SliceObj) -> R<SliceInts> {
    let int = |v: &Value| match v {
        Value::None => Ok(None),
        v => to_slice_index(interp, v).map(Some),
    };
    // CPython's floor, so that negating the step cannot overflow.
    let step = int(&s.step)?.unwrap_or(1).max(-i64::MAX);
    if step == 0 {
        return Err(interp.value_error("slice step cannot be zero"));
    }
    Ok(SliceInts { start: int(&s.start)?, stop: int(&s.stop)?, step })
}

impl SliceInts {
    /// `slice.indices(len)`: start, stop and step clamped as Python does.
    pub fn indices(&self, len: usize) -> (i64, i64, i64) {
        let (len, step) = (len as i64, self.step);
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: Option<i64>, default: i64| match v {
            None => default,
            Some(i) if i < 0 => (i + len).max(lo),
            Some(i) => i.min(hi),
        };
        (clamp(self.start, if step < 0 { hi } else { lo }), clamp(self.stop, if step < 0 { lo } else { hi }), step)
    }
}

/// [`slice_ints`] then [`SliceInts::indices`], for a sequence no program code can change
/// meanwhile (a str, a tuple, a copy).
pub fn slice_indices(interp: &Interp, s: &SliceObj, len: usize) -> R<(i64, i64, i64)> {
    Ok(slice_ints(interp, s)?.indices(len))
}

/// `seq[start:stop:step] = items` on a sequence's items, with `slice_indices`' bounds: a plain
/// slice is replaced (growing or shrinking the sequence), an extended one takes exactly as
/// many items as it has places (`what` names them in the error).
pub fn assign_slice<T>(
    interp: &Interp,
    data: &mut Vec<T>,
    (start, stop, step): (i64, i64, i64),
    items: Vec<T>,
    what: &str,
) -> R<()> {
    if step == 1 {
        let start = usize::try_from(start).unwrap_or(0).min(data.len());
        let stop = usize::try_from(stop).unwrap_or(0).clamp(start, data.len());
        check_size(interp, data.len() - (stop - start) + items.len())?;
        data.splice(start..stop, items);
        return Ok(());
    }
    let positions: Vec<usize> = slice_positions(start, stop, step).collect();
    if positions.len() != items.len() {
        return Err(interp.value_error(format!(
            "attempt to assign {what} of size {} to extended slice of size {}",
            items.len(),
            positions.len()
        )));
    }
    for (at, item) in positions.into_iter().zip(items) {
        if let Some(place) = data.get_mut(at) {
            *place = item;
        }
    }
    Ok(())
}

fn to_slice_index(interp: &Interp, v: &Value) -> R<i64> {
    slice_index(interp, v, "slice indices must be integers or None or have an __index__ method")
}

/// A slice bound, or a search's start or end (CPython's `_PyEval_SliceIndex`): an int past
/// i64 is clamped, as every position beyond a sequence's end means that end. `message` is
/// the TypeError for a value that is no int.
pub fn slice_index(interp: &Interp, v: &Value, message: &str) -> R<i64> {
    let clamp = |b: &num_bigint::BigInt| if num_traits::Signed::is_negative(b) { i64::MIN } else { i64::MAX };
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(b) => Ok(clamp(b)),
        Value::Instance(_) if special(interp, v, "__index__").is_some() => {
            let _level = interp.nest("")?;
            match call_special(interp, v, "__index__", &[]) {
                Some(r) => match &r? {
                    Value::BigInt(b) => Ok(clamp(b)),
                    r @ (Value::Int(_) | Value::Bool(_)) => to_index(interp, r),
                    other => Err(interp.type_error(format!("__index__ returned non-int (type {})", other.type_name()))),
                },
                None => Err(interp.type_error(message)),
            }
        }
        _ => Err(interp.type_error(message)),
    }
}

/// The positions a slice takes, in order, from `slice_indices`' start, stop and step.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        let more = if step > 0 { i < stop } else { i > stop };
        if !more {
            return None;
        }
        let here = i as usize;
        // A step past the end (`x[::2**62]`) must not overflow.
        i = i.checked_add(step).unwrap_or(if step > 0 { i64::MAX } else { i64::MIN });
        Some(here)
    })
}

/// A big int as a sequence index: CPython's IndexError, before any bounds.
fn big_index(interp: &Interp) -> PyErr {
    interp.index_error("cannot fit 'int' into an index-sized integer")
}

fn seq_index_error(interp: &Interp, kind: &str, index: &Value) -> PyErr {
    interp.type_error(format!("{kind} indices must be integers or slices, not {}", index.type_name()))
}

#[inline(never)]
/// An index given as an instance of a user class with `__index__` (an `IntEnum` member), as
/// the int it stands for; `None` for anything else.
fn by_index(interp: &Interp, index: &Value) -> Option<R<Value>> {
    match index {
        Value::Instance(_) if special(interp, index, "__index__").is_some() => {
            Some(to_index(interp, index).map(Value::Int))
        }
        _ => None,
    }
}

/// The item at `k` of a list as it stands now (`None` past its end), borrowed only to clone it:
/// for loops that call user code (an `__eq__`) between items, which may change the list.
pub fn list_at(l: &RefCell<Vec<Value>>, k: usize) -> Option<Value> {
    l.borrow().get(k).cloned()
}

pub fn get_item(interp: &Interp, obj: &Value, index: &Value) -> R<Value> {
    match obj {
        // The list is borrowed only once the index is known: a slice's bounds or an index's
        // `__index__` may run user code that changes it.
        Value::List(list) => match index {
            Value::Int(_) | Value::Bool(_) => {
                let i = to_index(interp, index)?;
                let l = list.borrow();
                index_of(i, l.len()).map(|i| l[i].clone()).ok_or_else(|| interp.index_error("list index out of range"))
            }
            Value::Object(o) if o.as_any().is::<SliceObj>() => {
                let s = index.downcast::<SliceObj>().ok_or_else(|| seq_index_error(interp, "list", index))?;
                let bounds = slice_ints(interp, s)?;
                let l = list.borrow();
                let (a, b, c) = bounds.indices(l.len());
                Ok(Value::list(slice_positions(a, b, c).filter_map(|i| l.get(i).cloned()).collect()))
            }
            Value::BigInt(_) => Err(big_index(interp)),
            _ => match by_index(interp, index) {
                Some(i) => get_item(interp, obj, &i?),
                None => Err(seq_index_error(interp, "list", index)),
            },
        },
        Value::Tuple(t) => match index {
            Value::Int(_) | Value::Bool(_) => {
                let i = to_index(interp, index)?;
                index_of(i, t.len()).map(|i| t[i].clone()).ok_or_else(|| interp.index_error("tuple index out of range"))
            }
            Value::BigInt(_) => Err(big_index(interp)),
            _ => match index.downcast::<SliceObj>() {
                Some(s) => {
                    let (a, b, c) = slice_indices(interp, s, t.len())?;
                    Ok(Value::tuple(slice_positions(a, b, c).map(|i| t[i].clone()).collect()))
                }
                None => match by_index(interp, index) {
                    Some(i) => get_item(interp, obj, &i?),
                    None => Err(seq_index_error(interp, "tuple", index)),
                },
            },
        },
        // Positions count characters; ASCII text (most text) is read by its bytes, where a
        // character is a byte, instead of walking its characters.
        Value::Str(s) => match index {
            Value::Int(_) | Value::Bool(_) => {
                let i = to_index(interp, index)?;
                let ascii = s.is_ascii();
                let n = if ascii { s.len() } else { s.chars().count() };
                let i = index_of(i, n).ok_or_else(|| interp.index_error("string index out of range"))?;
                let found =
                    if ascii { s.get(i..=i) } else { s.char_indices().nth(i).map(|(at, c)| &s[at..at + c.len_utf8()]) };
                Ok(Value::str(found.unwrap_or_default()))
            }
            Value::BigInt(_) => Err(big_index(interp)),
            _ => match index.downcast::<SliceObj>() {
                Some(sl) => {
                    let ascii = s.is_ascii();
                    let n = if ascii { s.len() } else { s.chars().count() };
                    let (a, b, c) = slice_indices(interp, sl, n)?;
                    if c == 1 {
                        // A plain slice is one run of the text.
                        let (a, b) = (a.max(0) as usize, b.max(a) as usize);
                        let byte =
                            |k: usize| if ascii { k } else { s.char_indices().nth(k).map_or(s.len(), |(at, _)| at) };
                        return Ok(Value::str(s.get(byte(a)..byte(b)).unwrap_or_default()));
                    }
                    if ascii {
                        let bytes = s.as_bytes();
                        return Ok(Value::Str(Rc::from(
                            slice_positions(a, b, c)
                                .filter_map(|i| bytes.get(i).map(|&b| char::from(b)))
                                .collect::<String>(),
                        )));
                    }
                    let chars: Vec<char> = s.chars().collect();
                    Ok(Value::Str(Rc::from(slice_positions(a, b, c).filter_map(|i| chars.get(i)).collect::<String>())))
                }
                None => match by_index(interp, index) {
                    Some(i) => get_item(interp, obj, &i?),
                    None => {
                        Err(interp.type_error(format!("string indices must be integers, not '{}'", index.type_name())))
                    }
                },
            },
        },
        Value::Dict(d) => {
            let k = key_in(interp, d, index.clone())?;
            let found = d.borrow().get(&k).cloned();
            match found {
                Some(v) => Ok(v),
                None => Err(interp.key_error(index.clone())),
            }
        }
        Value::Instance(_) => match call_special(interp, obj, "__getitem__", std::slice::from_ref(index)) {
            Some(r) => r,
            None => Err(interp.type_error(format!("'{}' object is not subscriptable", obj.type_name()))),
        },
        Value::Object(o) => match objects::get_item(interp, o, index) {
            Some(r) => r,
            None => Err(interp.type_error(format!("'{}' object is not subscriptable", obj.type_name()))),
        },
        Value::Class(c) => match super::call::class_hook(interp, c, "__class_getitem__", vec![index.clone()]) {
            Some(r) => r,
            // `Generic[T]`, `Protocol[T]`: the engine's `object` stands for them.
            None if Rc::ptr_eq(c, &interp.types.object) => Ok(obj.clone()),
            // `list[int]`, `asyncio.Queue[int]`, a user's `Box[int]`: a generic alias.
            None => Ok(super::modules::typing::generic_alias(c, index)),
        },
        other => Err(interp.type_error(format!("'{}' object is not subscriptable", other.type_name()))),
    }
}

pub fn set_item(interp: &Interp, obj: &Value, index: Value, v: Value) -> R<()> {
    match obj {
        Value::List(l) => match &index {
            Value::Int(_) | Value::Bool(_) => {
                let i = to_index(interp, &index)?;
                let mut l = l.borrow_mut();
                let len = l.len();
                let i = index_of(i, len).ok_or_else(|| interp.index_error("list assignment index out of range"))?;
                l[i] = v;
                Ok(())
            }
            Value::BigInt(_) => Err(big_index(interp)),
            _ => match index.downcast::<SliceObj>() {
                Some(s) => {
                    let mut items = Vec::new();
                    extend_from(interp, &mut items, &v)?;
                    let bounds = slice_ints(interp, s)?;
                    let mut l = l.borrow_mut();
                    let bounds = bounds.indices(l.len());
                    assign_slice(interp, &mut l, bounds, items, "sequence")
                }
                None => match by_index(interp, &index) {
                    Some(i) => set_item(interp, obj, i?, v),
                    None => Err(seq_index_error(interp, "list", &index)),
                },
            },
        },
        Value::Dict(d) => {
            let k = key_in(interp, d, index)?;
            d.borrow_mut().insert(k, v);
            Ok(())
        }
        Value::Instance(_) => match call_special(interp, obj, "__setitem__", &[index, v]) {
            Some(r) => r.map(|_| ()),
            None => Err(interp.type_error(format!("'{}' object does not support item assignment", obj.type_name()))),
        },
        Value::Object(_) => match super::bytes::set_item(interp, obj, &index, &v) {
            Some(r) => r,
            None => Err(interp.type_error(format!("'{}' object does not support item assignment", obj.type_name()))),
        },
        other => Err(interp.type_error(format!("'{}' object does not support item assignment", other.type_name()))),
    }
}

pub fn del_item(interp: &Interp, obj: &Value, index: Value) -> R<()> {
    match obj {
        Value::List(l) => match &index {
            Value::Int(_) | Value::Bool(_) => {
                let i = to_index(interp, &index)?;
                let mut l = l.borrow_mut();
                let len = l.len();
                let i = index_of(i, len).ok_or_else(|| interp.index_error("list assignment index out of range"))?;
                l.remove(i);
                Ok(())
            }
            Value::BigInt(_) => Err(big_index(interp)),
            _ => match index.downcast::<SliceObj>() {
                Some(s) => {
                    let bounds = slice_ints(interp, s)?;
                    let mut l = l.borrow_mut();
                    let (a, b, c) = bounds.indices(l.len());
                    // One pass over the list (removing the items one by one took seconds for
                    // `del a[:100_000]`).
                    let mut keep = vec![true; l.len()];
                    for p in slice_positions(a, b, c) {
                        if let Some(k) = keep.get_mut(p) {
                            *k = false;
                        }
                    }
                    let mut at = 0;
                    l.retain(|_| {
                        at += 1;
                        keep.get(at - 1).copied().unwrap_or(true)
                    });
                    Ok(())
                }
                None => match by_index(interp, &index) {
                    Some(i) => del_item(interp, obj, i?),
                    None => Err(seq_index_error(interp, "list", &index)),
                },
            },
        },
        Value::Dict(d) => {
            let k = key_in(interp, d, index.clone())?;
            match d.borrow_mut().remove(&k) {
                Some(_) => Ok(()),
                None => Err(interp.key_error(index)),
            }
        }
        Value::Instance(_) => match call_special(interp, obj, "__delitem__", &[index]) {
            Some(r) => r.map(|_| ()),
            None => Err(interp.type_error(format!("'{}' object doesn't support item deletion", obj.type_name()))),
        },
        other => Err(interp.type_error(format!("'{}' object doesn't support item deletion", other.type_name()))),
    }
}

// ----- iteration ---------------------------------------------------------------------------

/// `iter(v)`
#[inline(never)]
pub fn iter(interp: &Interp, v: &Value) -> R<Value> {
    if let Some(it) = objects::iterator_for(v) {
        return Ok(it);
    }
    match v {
        Value::Instance(_) => {
            if let Some(r) = call_special(interp, v, "__iter__", &[]) {
                return r;
            }
            if special(interp, v, "__getitem__").is_some() {
                return Ok(Value::object(objects::SeqIter::new(v.clone())));
            }
            Err(interp.type_error(format!("'{}' object is not iterable", v.type_name())))
        }
        Value::Object(o) => match objects::iter_object(interp, o, v) {
            Some(r) => r,
            None => Err(interp.type_error(format!("'{}' object is not iterable", v.type_name()))),
        },
        Value::Class(c) => match super::call::class_hook(interp, c, "__class_iter__", vec![]) {
            Some(r) => iter(interp, &r?),
            None => Err(interp.type_error(format!("'{}' object is not iterable", v.type_name()))),
        },
        other => Err(interp.type_error(format!("'{}' object is not iterable", other.type_name()))),
    }
}

/// `next(it)`: the next item, or `None` once it is exhausted.
pub fn next(interp: &Interp, it: &Value) -> R<Option<Value>> {
    // Each item a native loop draws is a step of the program (`sum(range(10**15))` must end
    // too), and an iterator drawing from another nests (`map` of `map` of …).
    interp.tick()?;
    let _level = interp.nest("")?;
    match it {
        Value::Object(o) => match objects::next(interp, o, it) {
            Some(r) => r,
            None => Err(interp.type_error(format!("'{}' object is not an iterator", it.type_name()))),
        },
        Value::Instance(_) => match call_special(interp, it, "__next__", &[]) {
            Some(Ok(v)) => Ok(Some(v)),
            Some(Err(e)) if e.is(&interp.types.exc("StopIteration")) => Ok(None),
            Some(Err(e)) => Err(e),
            None => Err(interp.type_error(format!("'{}' object is not an iterator", it.type_name()))),
        },
        other => Err(interp.type_error(format!("'{}' object is not an iterator", other.type_name()))),
    }
}

/// Appends every item of an iterable.
pub fn extend_from(interp: &Interp, out: &mut Vec<Value>, v: &Value) -> R<()> {
    match v {
        Value::List(l) => out.extend(l.borrow().iter().cloned()),
        Value::Tuple(t) => out.extend(t.iter().cloned()),
        // `list(range(10**10))` is refused before it is built, not at the limit.
        Value::Object(o)
            if o.as_any()
                .downcast_ref::<objects::RangeObj>()
                .is_some_and(|r| r.length() > interp.limits.collection_items) =>
        {
            let n = objects::len(o).unwrap_or(usize::MAX);
            check_size(interp, out.len().saturating_add(n))?;
        }
        _ => {
            let it = iter(interp, v)?;
            while let Some(x) = next(interp, &it)? {
                out.push(x);
                if out.len().is_multiple_of(65536) {
                    check_size(interp, out.len())?;
                }
            }
        }
    }
    check_size(interp, out.len())
}

pub fn collect(interp: &Interp, v: &Value) -> R<Vec<Value>> {
    let mut out = Vec::new();
    extend_from(interp, &mut out, v)?;
    Ok(out)
}

/// The (key, value) pairs of a mapping (`**m`, `dict(m)`, `dict.update(m)`).
#[inline(never)]
pub fn mapping_items(interp: &Interp, m: &Value) -> R<Vec<(Value, Value)>> {
    match m {
        Value::Dict(d) => Ok(d.borrow().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect()),
        _ => {
            let Some(keys) = special(interp, m, "keys") else {
                return Err(interp.type_error(format!("'{}' object is not a mapping", m.type_name())));
            };
            let keys = call(interp, &keys, Args::default())?;
            let mut out = Vec::new();
            for k in collect(interp, &keys)? {
                let v = get_item(interp, m, &k)?;
                out.push((k, v));
            }
            Ok(out)
        }
    }
}

/// `len(v)`
pub fn len(interp: &Interp, v: &Value) -> R<usize> {
    Ok(match v {
        Value::Str(s) => s.chars().count(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().items.len(),
        Value::FrozenSet(s) => s.items.len(),
        Value::Instance(_) => match call_special(interp, v, "__len__", &[]) {
            Some(r) => {
                let n = to_index(interp, &r?)?;
                if n < 0 {
                    return Err(interp.value_error("__len__() should return >= 0"));
                }
                n as usize
            }
            None => return Err(interp.type_error(format!("object of type '{}' has no len()", v.type_name()))),
        },
        Value::Object(o) => match objects::len(o) {
            // `len(range(-2**62, 2**62))`, as CPython's.
            Some(n) if n > i64::MAX as usize => {
                return Err(interp.err("OverflowError", "Python int too large to convert to C ssize_t"))
            }
            Some(n) => n,
            None => return Err(interp.type_error(format!("object of type '{}' has no len()", v.type_name()))),
        },
        Value::Class(c) => match super::call::class_hook(interp, c, "__class_len__", vec![]) {
            Some(r) => match to_index(interp, &r?)? {
                n if n < 0 => return Err(interp.value_error("__len__() should return >= 0")),
                n => n as usize,
            },
            None => return Err(interp.type_error(format!("object of type '{}' has no len()", v.type_name()))),
        },
        other => return Err(interp.type_error(format!("object of type '{}' has no len()", other.type_name()))),
    })
}

// ----- formatting --------------------------------------------------------------------------

/// `format(v, spec)`
pub fn format_value(interp: &Interp, v: &Value, spec: &str) -> R<String> {
    let raise = |r: fmt::Raise| interp.raise(r);
    match v {
        Value::Int(i) => fmt::parse_spec(spec, FmtTarget::Int).and_then(|s| fmt::format_int(*i, &s)).map_err(raise),
        Value::BigInt(b) => super::bigint::format(interp, b, spec),
        Value::Bool(b) => {
            if spec.is_empty() {
                return Ok(if *b { "True" } else { "False" }.into());
            }
            fmt::parse_spec(spec, FmtTarget::Bool).and_then(|s| fmt::format_bool(*b, &s)).map_err(raise)
        }
        Value::Float(x) => {
            fmt::parse_spec(spec, FmtTarget::Float).and_then(|s| fmt::format_float(*x, &s)).map_err(raise)
        }
        Value::Str(s) => {
            if spec.is_empty() {
                return Ok(s.to_string());
            }
            fmt::parse_spec(spec, FmtTarget::Str).and_then(|sp| fmt::format_str(s, &sp)).map_err(raise)
        }
        _ => {
            if let Some(r) = call_special(interp, v, "__format__", &[Value::str(spec)]) {
                return match &r? {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(interp.type_error(format!("__format__ must return a str, not {}", other.type_name()))),
                };
            }
            let text = str_of(interp, v)?;
            fmt::format_object(&text, &v.type_name(), spec).map_err(raise)
        }
    }
}

/// `fmt % args`
pub fn percent_format(interp: &Interp, fmt_str: &str, args: &Value) -> R<String> {
    use fmt::{Count, PercentArg, Piece};
    let pieces = fmt::parse_percent(fmt_str);
    let (mut positional, mapping): (Vec<Value>, Option<&Value>) = match args {
        Value::Tuple(t) => (t.to_vec(), None),
        // Anything subscriptable but a tuple or a string serves `%(key)s` as CPython's
        // `PyMapping_Check` decides, and then unused arguments are no error (`'abc' % [1]`).
        Value::Dict(_) | Value::List(_) => (vec![args.clone()], Some(args)),
        Value::Instance(_) if special(interp, args, "__getitem__").is_some() => (vec![args.clone()], Some(args)),
        Value::Object(o) if o.as_any().is::<objects::RangeObj>() || super::bytes::bytes_of(args).is_some() => {
            (vec![args.clone()], Some(args))
        }
        other => (vec![other.clone()], None),
    };
    let mut next_arg = 0usize;
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Literal(s) => out.push_str(&s),
            Piece::Fail(r) => return Err(interp.raise(r)),
            Piece::Spec(spec) => {
                // As in CPython, a `%(key)` makes the value it names the only argument left,
                // for a `*` width or precision and then the conversion: `'%(a)s %s' % d` and
                // `'%(a)*d' % d` run out of arguments.
                if let Some(k) = &spec.key {
                    let m = mapping.ok_or_else(|| interp.type_error("format requires a mapping"))?;
                    positional = vec![get_item(interp, m, &Value::str(k))?];
                    next_arg = 0;
                }
                let mut take = || -> R<Value> {
                    let v = positional
                        .get(next_arg)
                        .cloned()
                        .ok_or_else(|| interp.type_error("not enough arguments for format string"))?;
                    next_arg += 1;
                    Ok(v)
                };
                let mut count = |c: &Option<Count>| -> R<Option<i64>> {
                    Ok(match c {
                        None => None,
                        Some(Count::Num(n)) => Some(*n as i64),
                        Some(Count::Star) => {
                            Some(to_index(interp, &take()?).map_err(|_| interp.type_error("* wants int"))?)
                        }
                    })
                };
                let width = count(&spec.width)?;
                let precision = count(&spec.precision)?;
                let arg = take()?;
                let parg = match spec.conv {
                    's' => PercentArg::Str(str_of(interp, &arg)?),
                    'r' => PercentArg::Str(repr(interp, &arg)?),
                    'a' => PercentArg::Str(ascii(&repr(interp, &arg)?)),
                    _ => match &arg {
                        Value::Int(i) => PercentArg::Int(*i),
                        Value::BigInt(b) => super::bigint::percent_arg(interp, b, spec.conv)?,
                        Value::Bool(b) => PercentArg::Int(*b as i64),
                        Value::Float(x) => PercentArg::Float(*x),
                        Value::Str(s) => PercentArg::Str(s.to_string()),
                        // A user class's `__index__` (an `IntEnum` member) or `__float__`.
                        Value::Instance(_) if special(interp, &arg, "__index__").is_some() => {
                            PercentArg::Int(to_index(interp, &arg)?)
                        }
                        Value::Instance(_) if special(interp, &arg, "__float__").is_some() => {
                            match call_special(interp, &arg, "__float__", &[]) {
                                Some(r) => PercentArg::Float(to_f64(interp, &r?)?),
                                None => PercentArg::Other(arg.type_name().to_string()),
                            }
                        }
                        other => PercentArg::Other(other.type_name().to_string()),
                    },
                };
                out.push_str(&fmt::percent_one(&spec, width, precision, parg).map_err(|r| interp.raise(r))?);
                // `s = '%s%s' % (s, s)` in a loop doubles each time.
                check_size(interp, out.len())?;
            }
        }
    }
    if mapping.is_none() && next_arg < positional.len() {
        return Err(interp.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}
