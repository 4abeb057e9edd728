//! The special methods of the built-in types read as attributes: `'ab'.__len__()`,
//! `(3).__add__(4)`, `str.__str__(s)`, `d.__getitem__(k)`. Each runs what the syntax runs
//! ([`super::ops`]); a binary one answers `NotImplemented` where CPython's slot does (an int's
//! `__add__` given a float, a list's `__eq__` given a tuple), so code that calls them, or a
//! class that defers to them, sees what it would in CPython. The syntax itself never comes
//! here: `a + b` on built-in values takes `ops` directly.

use super::interp::{Interp, R};
use super::ir::{BinOp, CmpOp, UnaryOp};
use super::methods::this_value;
use super::ops;
use super::value::*;

/// `kind.name` when `name` is one of the special methods the type defines in CPython.
pub fn lookup(k: BuiltinType, name: &str) -> Option<BuiltinFn> {
    use BuiltinType::*;
    let number = matches!(k, Int | Bool | Float);
    let integer = matches!(k, Int | Bool);
    let container = matches!(k, Str | List | Tuple | Dict | Set | FrozenSet);
    // `object`'s and the other types' own (`object.__lt__`) are left to their classes:
    // `functools.total_ordering` compares a class's methods with them.
    if !(number || container) {
        return None;
    }
    Some(match name {
        "__str__" => |i, a| Ok(Value::str(&ops::str_of(i, this_value(i, &a)?)?)),
        "__repr__" => |i, a| Ok(Value::str(&ops::repr(i, this_value(i, &a)?)?)),
        "__format__" => |i, a| match one(i, &a)? {
            Value::Str(spec) => Ok(Value::str(&ops::format_value(i, this_value(i, &a)?, spec)?)),
            other => Err(i.type_error(format!("__format__() argument must be str, not {}", other.type_name()))),
        },
        "__eq__" => |i, a| compare(i, &a, CmpOp::Eq),
        "__ne__" => |i, a| compare(i, &a, CmpOp::NotEq),
        "__lt__" => |i, a| compare(i, &a, CmpOp::Lt),
        "__le__" => |i, a| compare(i, &a, CmpOp::LtE),
        "__gt__" => |i, a| compare(i, &a, CmpOp::Gt),
        "__ge__" => |i, a| compare(i, &a, CmpOp::GtE),
        "__len__" if container => |i, a| Ok(Value::Int(ops::len(i, this_value(i, &a)?)? as i64)),
        "__iter__" if container => |i, a| ops::iter(i, this_value(i, &a)?),
        "__contains__" if container => |i, a| Ok(Value::Bool(ops::contains(i, this_value(i, &a)?, one(i, &a)?)?)),
        "__getitem__" if matches!(k, Str | List | Tuple | Dict) => {
            |i, a| ops::get_item(i, this_value(i, &a)?, one(i, &a)?)
        }
        "__setitem__" if matches!(k, List | Dict) => |i, a| match a.pos.as_slice() {
            [obj, key, v] => ops::set_item(i, obj, key.clone(), v.clone()).map(|()| Value::None),
            _ => Err(i.type_error(format!("expected 2 arguments, got {}", a.pos.len().saturating_sub(1)))),
        },
        "__delitem__" if matches!(k, List | Dict) => {
            |i, a| ops::del_item(i, this_value(i, &a)?, one(i, &a)?.clone()).map(|()| Value::None)
        }
        "__add__" if matches!(k, Str | List | Tuple) => |i, a| binary(i, &a, BinOp::Add, false),
        "__mul__" if matches!(k, Str | List | Tuple) => |i, a| repeat(i, &a),
        "__rmul__" if matches!(k, Str | List | Tuple) => |i, a| repeat(i, &a),
        "__mod__" if k == Str => |i, a| binary(i, &a, BinOp::Mod, false),
        "__iadd__" if k == List => |i, a| in_place(i, &a, BinOp::Add),
        "__imul__" if k == List => |i, a| in_place(i, &a, BinOp::Mul),
        "__or__" if matches!(k, Dict | Set | FrozenSet) => |i, a| binary(i, &a, BinOp::BitOr, false),
        "__ror__" if matches!(k, Dict | Set | FrozenSet) => |i, a| binary(i, &a, BinOp::BitOr, true),
        "__ior__" if matches!(k, Dict | Set) => |i, a| in_place(i, &a, BinOp::BitOr),
        "__and__" if matches!(k, Set | FrozenSet) => |i, a| binary(i, &a, BinOp::BitAnd, false),
        "__rand__" if matches!(k, Set | FrozenSet) => |i, a| binary(i, &a, BinOp::BitAnd, true),
        "__sub__" if matches!(k, Set | FrozenSet) => |i, a| binary(i, &a, BinOp::Sub, false),
        "__rsub__" if matches!(k, Set | FrozenSet) => |i, a| binary(i, &a, BinOp::Sub, true),
        "__xor__" if matches!(k, Set | FrozenSet) => |i, a| binary(i, &a, BinOp::BitXor, false),
        "__rxor__" if matches!(k, Set | FrozenSet) => |i, a| binary(i, &a, BinOp::BitXor, true),
        "__add__" if number => |i, a| binary(i, &a, BinOp::Add, false),
        "__radd__" if number => |i, a| binary(i, &a, BinOp::Add, true),
        "__sub__" if number => |i, a| binary(i, &a, BinOp::Sub, false),
        "__rsub__" if number => |i, a| binary(i, &a, BinOp::Sub, true),
        "__mul__" if number => |i, a| binary(i, &a, BinOp::Mul, false),
        "__rmul__" if number => |i, a| binary(i, &a, BinOp::Mul, true),
        "__truediv__" if number => |i, a| binary(i, &a, BinOp::Div, false),
        "__rtruediv__" if number => |i, a| binary(i, &a, BinOp::Div, true),
        "__floordiv__" if number => |i, a| binary(i, &a, BinOp::FloorDiv, false),
        "__rfloordiv__" if number => |i, a| binary(i, &a, BinOp::FloorDiv, true),
        "__mod__" if number => |i, a| binary(i, &a, BinOp::Mod, false),
        "__rmod__" if number => |i, a| binary(i, &a, BinOp::Mod, true),
        "__pow__" if number => |i, a| binary(i, &a, BinOp::Pow, false),
        "__rpow__" if number => |i, a| binary(i, &a, BinOp::Pow, true),
        "__and__" if integer => |i, a| binary(i, &a, BinOp::BitAnd, false),
        "__rand__" if integer => |i, a| binary(i, &a, BinOp::BitAnd, true),
        "__or__" if integer => |i, a| binary(i, &a, BinOp::BitOr, false),
        "__ror__" if integer => |i, a| binary(i, &a, BinOp::BitOr, true),
        "__xor__" if integer => |i, a| binary(i, &a, BinOp::BitXor, false),
        "__rxor__" if integer => |i, a| binary(i, &a, BinOp::BitXor, true),
        "__lshift__" if integer => |i, a| binary(i, &a, BinOp::LShift, false),
        "__rlshift__" if integer => |i, a| binary(i, &a, BinOp::LShift, true),
        "__rshift__" if integer => |i, a| binary(i, &a, BinOp::RShift, false),
        "__rrshift__" if integer => |i, a| binary(i, &a, BinOp::RShift, true),
        "__neg__" if number => |i, a| ops::unary(i, UnaryOp::Neg, this_value(i, &a)?.clone()),
        "__pos__" if number => |i, a| ops::unary(i, UnaryOp::Pos, this_value(i, &a)?.clone()),
        "__invert__" if integer => |i, a| ops::unary(i, UnaryOp::Invert, this_value(i, &a)?.clone()),
        "__abs__" if number => |i, a| builtin(i, "abs", vec![this_value(i, &a)?.clone()]),
        "__bool__" if number => |i, a| Ok(Value::Bool(ops::truthy(i, this_value(i, &a)?)?)),
        "__int__" if number => |i, a| builtin(i, "int", vec![this_value(i, &a)?.clone()]),
        "__float__" if number => |i, a| builtin(i, "float", vec![this_value(i, &a)?.clone()]),
        "__index__" if integer => |i, a| match this_value(i, &a)? {
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            v => Ok(v.clone()),
        },
        "__round__" if number => |i, a| builtin(i, "round", a.pos.clone()),
        "__divmod__" if number => |i, a| numeric(i, &a, "divmod", false),
        "__rdivmod__" if number => |i, a| numeric(i, &a, "divmod", true),
        "__hash__" if matches!(k, Int | Bool | Float | Str | Tuple | FrozenSet) => {
            |i, a| builtin(i, "hash", vec![this_value(i, &a)?.clone()])
        }
        _ => return None,
    })
}

/// The method's one argument.
fn one<'a>(interp: &Interp, a: &'a Args) -> R<&'a Value> {
    match a.pos.as_slice() {
        [_, x] => Ok(x),
        _ => Err(interp.type_error(format!("expected 1 argument, got {}", a.pos.len().saturating_sub(1)))),
    }
}

/// Whether a binary method of `this`'s type takes `other` at all: an int's only ints, a float's
/// ints and floats, a sequence's only its own type. Otherwise CPython's slot says
/// `NotImplemented`.
fn takes(this: &Value, other: &Value) -> bool {
    use Value::*;
    match this {
        Int(_) | BigInt(_) | Bool(_) => matches!(other, Int(_) | BigInt(_) | Bool(_)),
        Float(_) => matches!(other, Int(_) | BigInt(_) | Bool(_) | Float(_)),
        Set(_) | FrozenSet(_) => matches!(other, Set(_) | FrozenSet(_)),
        _ => std::mem::discriminant(this) == std::mem::discriminant(other),
    }
}

fn not_implemented(interp: &Interp) -> Value {
    interp.builtins.get("NotImplemented").unwrap_or_default()
}

fn binary(interp: &Interp, a: &Args, op: BinOp, reflected: bool) -> R<Value> {
    let (x, y) = (this_value(interp, a)?, one(interp, a)?);
    // A sequence's concatenation raises its own error for another type, and a string's `%`
    // formats whatever it is given; a number's methods defer.
    let defers = !matches!(
        (x, op),
        (Value::Str(_) | Value::List(_) | Value::Tuple(_), BinOp::Add) | (Value::Str(_), BinOp::Mod)
    );
    if defers && !takes(x, y) {
        return Ok(not_implemented(interp));
    }
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    ops::binop(interp, op, l.clone(), r.clone())
}

/// `x.__iadd__(y)` and the like: the in-place operation, which answers with `x` itself.
fn in_place(interp: &Interp, a: &Args, op: BinOp) -> R<Value> {
    let (x, y) = (this_value(interp, a)?, one(interp, a)?);
    ops::inplace(interp, op, x.clone(), y.clone())
}

/// A sequence's `__mul__` / `__rmul__`: the count must be an index (CPython raises, it does not
/// defer).
fn repeat(interp: &Interp, a: &Args) -> R<Value> {
    let (seq, n) = (this_value(interp, a)?, one(interp, a)?);
    let n = ops::to_index(interp, n)?;
    ops::binop(interp, BinOp::Mul, seq.clone(), Value::Int(n))
}

fn compare(interp: &Interp, a: &Args, op: CmpOp) -> R<Value> {
    let (x, y) = (this_value(interp, a)?, one(interp, a)?);
    // A dict has equality only; the others compare within their kind.
    let ordered = !matches!(x, Value::Dict(_)) || matches!(op, CmpOp::Eq | CmpOp::NotEq);
    if !ordered || !takes(x, y) {
        return Ok(not_implemented(interp));
    }
    ops::compare(interp, op, x, y)
}

/// `divmod(a, b)` (or `divmod(b, a)`, reflected), deferring as a number's method does.
fn numeric(interp: &Interp, a: &Args, name: &str, reflected: bool) -> R<Value> {
    let (x, y) = (this_value(interp, a)?, one(interp, a)?);
    if !takes(x, y) {
        return Ok(not_implemented(interp));
    }
    let args = if reflected { vec![y.clone(), x.clone()] } else { vec![x.clone(), y.clone()] };
    builtin(interp, name, args)
}

/// Calls the builtin function `name` (`abs`, `round`…) with `pos`.
fn builtin(interp: &Interp, name: &str, pos: Vec<Value>) -> R<Value> {
    match interp.builtins.get(name) {
        Some(f) => super::call::call(interp, &f, Args { pos, kw: vec![] }),
        None => Err(interp.runtime_error(format!("the builtin {name} is missing"))),
    }
}
