//! Expressions: evaluated recursively, always to completion (the compiler moved every
//! `await` and `yield` out of them).

use std::rc::Rc;

use super::attr::{get_attr, get_attr_at};
use super::call::{call, call_simple, make_function, run_comprehension, simple_call};
use super::exec::{load, Frame};
use super::interp::{Interp, R};
use super::ir::*;
use super::objects::SliceObj;
use super::ops;
use super::value::*;

/// Evaluates an expression. Kept small: Python calls nest through it, so its native stack frame
/// bounds how deep a program may recurse in the page's fixed wasm stack; the other kinds are
/// evaluated in [`eval_compound`], out of line.
pub fn eval(interp: &Interp, f: &mut Frame, e: &Expr) -> R<Value> {
    match e {
        Expr::Const(v) => Ok(v.clone()),
        Expr::Load(Var::Local(s)) => match f.slots.get(*s as usize) {
            Some(Some(v)) => Ok(v.clone()),
            _ => load(interp, f, &Var::Local(*s)),
        },
        Expr::Load(var) => load(interp, f, var),
        _ => eval_compound(interp, f, e),
    }
}

#[inline(never)]
fn eval_compound(interp: &Interp, f: &mut Frame, e: &Expr) -> R<Value> {
    match e {
        Expr::Const(_) | Expr::Load(_) => eval(interp, f, e),
        Expr::Take(_) => eval_rare(interp, f, e),
        Expr::Attr(obj, name, hint) => {
            if let Some(o) = in_place(f, obj) {
                return get_attr_at(interp, o, name, hint);
            }
            let o = eval(interp, f, obj)?;
            get_attr_at(interp, &o, name, hint)
        }
        Expr::Subscript(obj, index) => {
            let o = eval(interp, f, obj)?;
            let i = eval(interp, f, index)?;
            ops::get_item(interp, &o, &i)
        }
        Expr::Slice(lower, upper, step) => {
            let mut part = |p: &Option<Box<Expr>>| -> R<Value> {
                match p {
                    Some(e) => eval(interp, f, e),
                    None => Ok(Value::None),
                }
            };
            let (start, stop, step) = (part(lower)?, part(upper)?, part(step)?);
            Ok(Value::object(SliceObj { start, stop, step }))
        }
        Expr::Call(func, args) => {
            // `f(args)` of a module's function: its global read where it was last found.
            if let Expr::Load(Var::Global(name, hint)) = &**func {
                if let Some(func) = global_function(&f.globals, name, hint) {
                    if simple_call(&func, args, false) {
                        return call_simple(interp, f, func, args, None);
                    }
                }
            }
            let callee = eval(interp, f, func)?;
            if let Value::Func(func) = &callee {
                if simple_call(func, args, false) {
                    return call_simple(interp, f, func.clone(), args, None);
                }
            }
            let args = eval_args(interp, f, args, &|| function_str(interp, &callee))?;
            // A generator dropped with the arguments closes before the caller goes on.
            interp.settled(call(interp, &callee, args))
        }
        Expr::CallMethod(obj, name, args, site) => {
            let o = eval(interp, f, obj)?;
            if let Some(func) = instance_method(&o, name, site) {
                if simple_call(&func, args, true) {
                    return call_simple(interp, f, func, args, Some(o));
                }
            }
            call_method_late(interp, f, o, name, args, site)
        }
        Expr::Bin(op, l, r) => {
            let a = eval(interp, f, l)?;
            if let Some(b) = in_place(f, r) {
                return match ops::int_fast(*op, &a, b) {
                    Some(v) => Ok(v),
                    None => ops::binop(interp, *op, a, b.clone()),
                };
            }
            let b = eval(interp, f, r)?;
            match ops::int_fast(*op, &a, &b) {
                Some(v) => Ok(v),
                None => ops::binop(interp, *op, a, b),
            }
        }
        Expr::BinLocal(op, slot, right) => {
            let (a, b) = operands(interp, f, *slot, right)?;
            match ops::int_fast(*op, a, b) {
                Some(v) => Ok(v),
                None => ops::binop(interp, *op, a.clone(), b.clone()),
            }
        }
        Expr::CompareLocal(op, slot, right) => {
            let (a, b) = operands(interp, f, *slot, right)?;
            match ops::compare_plain(*op, a, b) {
                Some(r) => Ok(Value::Bool(r)),
                None => ops::compare(interp, *op, a, b),
            }
        }
        Expr::Unary(op, v) => {
            let v = eval(interp, f, v)?;
            ops::unary(interp, *op, v)
        }
        Expr::And(values) => {
            let mut last = Value::Bool(true);
            for v in values {
                last = eval(interp, f, v)?;
                if !ops::truthy(interp, &last)? {
                    return Ok(last);
                }
            }
            Ok(last)
        }
        Expr::Or(values) => {
            let mut last = Value::Bool(false);
            for v in values {
                last = eval(interp, f, v)?;
                if ops::truthy(interp, &last)? {
                    return Ok(last);
                }
            }
            Ok(last)
        }
        Expr::Compare(first, rest) => {
            let mut left = eval(interp, f, first)?;
            let mut result = Value::Bool(true);
            for (op, e) in rest {
                let right = eval(interp, f, e)?;
                result = ops::compare(interp, *op, &left, &right)?;
                if !ops::truthy(interp, &result)? {
                    return Ok(result);
                }
                left = right;
            }
            Ok(result)
        }
        Expr::IfExp(test, body, orelse) => {
            if eval_to_bool(interp, f, test)? {
                eval(interp, f, body)
            } else {
                eval(interp, f, orelse)
            }
        }
        _ => eval_rare(interp, f, e),
    }
}

/// `obj.name(args)` past [`call_simple`]'s path. The method is found before the arguments are
/// evaluated, as CPython's `LOAD_METHOD` does: a misspelt one raises its AttributeError before
/// any argument runs (or fails). A built-in value's method and an instance's plain function
/// are called without making a bound method.
#[inline(never)]
fn call_method_late(interp: &Interp, f: &mut Frame, o: Value, name: &Name, args: &[Arg], site: &SiteHint) -> R<Value> {
    let describe = || method_str(interp, &o, name);
    if let Some(method) = super::methods::method_of(&o, name) {
        let mut args = eval_args(interp, f, args, &describe)?;
        args.pos.insert(0, o.clone());
        return interp.settled(method(interp, args));
    }
    if let Some(func) = instance_method(&o, name, site) {
        let mut args = eval_args(interp, f, args, &describe)?;
        args.pos.insert(0, o.clone());
        return interp.settled(super::call::call_function(interp, &func, args));
    }
    if let Some(method) = match &o {
        Value::Object(obj) => obj.method(name),
        _ => None,
    } {
        let mut args = eval_args(interp, f, args, &describe)?;
        args.pos.insert(0, o.clone());
        return interp.settled(method(interp, args));
    }
    let callee = get_attr(interp, &o, name)?;
    let args = eval_args(interp, f, args, &describe)?;
    interp.settled(call(interp, &callee, args))
}

/// The operands of [`Expr::BinLocal`] and [`Expr::CompareLocal`], where they stand.
#[inline(always)]
fn operands<'a>(interp: &Interp, f: &'a Frame, slot: u32, right: &'a Operand) -> R<(&'a Value, &'a Value)> {
    let a = local(interp, f, slot)?;
    let b = match right {
        Operand::Local(s) => local(interp, f, *s)?,
        Operand::Const(v) => v,
    };
    Ok((a, b))
}

/// `local op operand` of two ints, floats or strings, answered where the operands stand (the
/// test of most `if`s and `while`s, and of a recursion's base case), so the condition costs
/// no call; `None` when [`eval_to_bool`] must answer.
#[inline(always)]
pub fn plain_comparison(f: &Frame, e: &Expr) -> Option<bool> {
    let Expr::CompareLocal(op, slot, right) = e else { return None };
    let a = f.slots.get(*slot as usize)?.as_ref()?;
    let b = match right {
        Operand::Local(s) => f.slots.get(*s as usize)?.as_ref()?,
        Operand::Const(v) => v,
    };
    ops::compare_plain(*op, a, b)
}

/// The value of a constant or of a bound local variable, where it stands: an operand that only
/// needs reading is not copied out (a count up, then down) as [`eval`] would. `None` for other
/// expressions, and for an unbound local (whose error `eval` raises).
#[inline(always)]
pub fn in_place<'a>(f: &'a Frame, e: &'a Expr) -> Option<&'a Value> {
    match e {
        Expr::Const(v) => Some(v),
        Expr::Load(Var::Local(s)) => f.slots.get(*s as usize)?.as_ref(),
        _ => None,
    }
}

/// A local variable's value, where it stands.
#[inline(always)]
fn local<'a>(interp: &Interp, f: &'a Frame, slot: u32) -> R<&'a Value> {
    match f.slots.get(slot as usize) {
        Some(Some(v)) => Ok(v),
        // Unbound: `load` says so as CPython does.
        _ => Err(load(interp, f, &Var::Local(slot)).err().unwrap_or_else(|| interp.runtime_error("unbound local"))),
    }
}

/// The function a module's global `name` holds, read where its hint says (else `None`: the
/// caller reads it the long way, which updates the hint).
#[inline]
fn global_function(globals: &Module, name: &Name, hint: &Hint) -> Option<Rc<Function>> {
    match globals.globals.borrow().get_index(hint.0.get() as usize) {
        Some((key, Value::Func(func))) if Rc::ptr_eq(key, name) => Some(func.clone()),
        _ => None,
    }
}

/// The Python function `obj.name` calls, when `obj` is an instance whose class (not the
/// instance itself) has `name` as a plain function (`site` remembers the class's answer).
pub fn instance_method(obj: &Value, name: &Name, site: &SiteHint) -> Option<Rc<Function>> {
    let Value::Instance(i) = obj else { return None };
    let func = site.method(&i.class, name)?;
    if has_own(&i.attrs.borrow(), name) {
        return None;
    }
    Some(func)
}

/// Whether an instance's own attributes hold `name`. An instance has a handful, so they are
/// compared (by address first, the compiler interning names) rather than `name` hashed.
fn has_own(attrs: &Attrs, name: &Name) -> bool {
    const SCANNED: usize = 8;
    if attrs.len() > SCANNED {
        return attrs.contains_key(name);
    }
    attrs.keys().any(|k| Rc::ptr_eq(k, name) || (k.len() == name.len() && **k == **name))
}

/// The kinds of expression that build containers, strings or functions: out of
/// [`eval_compound`]'s way, so the frame that every nested call passes through stays small.
#[inline(never)]
fn eval_rare(interp: &Interp, f: &mut Frame, e: &Expr) -> R<Value> {
    match e {
        Expr::Tuple(elts) => Ok(Value::tuple(eval_elts(interp, f, elts, true)?)),
        Expr::List(elts) => Ok(Value::list(eval_elts(interp, f, elts, true)?)),
        Expr::Set(elts) => Ok(Value::Set(Rc::new(std::cell::RefCell::new(set_display(interp, f, elts)?)))),
        Expr::ConstSet(elts, merged) => {
            let folded = set_display(interp, f, elts)?;
            let mut constant = Set::new();
            for k in folded.items.iter() {
                constant.items.insert(k.clone());
            }
            if *merged {
                let mut set = Set::new();
                set.items.merge(&constant.items);
                constant = set;
            }
            Ok(Value::Set(Rc::new(std::cell::RefCell::new(constant))))
        }
        Expr::Dict(items) => {
            let mut d = Dict::new();
            for item in items {
                match item {
                    DictElt::Pair(k, v) => {
                        let k = eval(interp, f, k)?;
                        let v = eval(interp, f, v)?;
                        let k = ops::key_into(interp, &d, k)?;
                        d.insert(k, v);
                    }
                    DictElt::Spread(m) => {
                        let m = eval(interp, f, m)?;
                        for (k, v) in ops::mapping_items(interp, &m)? {
                            let k = ops::key_into(interp, &d, k)?;
                            d.insert(k, v);
                        }
                    }
                }
            }
            Ok(Value::dict(d))
        }
        Expr::FString(parts) => Ok(Value::Str(Rc::from(fstring(interp, f, parts)?))),
        Expr::Lambda(def) => make_function(interp, f, def),
        Expr::Comp(def, outer) => {
            let iterable = eval(interp, f, outer)?;
            let it = if def.async_outer { iterable } else { ops::iter(interp, &iterable)? };
            run_comprehension(interp, f, def, it)
        }
        Expr::Take(slot) => match f.slots.get_mut(*slot as usize).and_then(Option::take) {
            Some(v) => Ok(v),
            None => load(interp, f, &Var::Local(*slot)),
        },
        Expr::Named(var, e) => {
            let v = eval(interp, f, e)?;
            super::exec::assign(interp, f, &Target::Var(var.clone()), v.clone())?;
            Ok(v)
        }
        // Named, not `_`: a new kind of expression must be placed in one function or the
        // other (a catch-all in both would send it back and forth for ever).
        Expr::Const(_)
        | Expr::Load(_)
        | Expr::Attr(..)
        | Expr::Subscript(..)
        | Expr::Slice(..)
        | Expr::Call(..)
        | Expr::CallMethod(..)
        | Expr::Bin(..)
        | Expr::BinLocal(..)
        | Expr::CompareLocal(..)
        | Expr::Unary(..)
        | Expr::And(_)
        | Expr::Or(_)
        | Expr::Compare(..)
        | Expr::IfExp(..) => eval_compound(interp, f, e),
    }
}

/// The truth of a condition. A single comparison of two ints, floats or strings (most loop and
/// `if` conditions) is answered without making a `bool` value.
pub fn eval_to_bool(interp: &Interp, f: &mut Frame, e: &Expr) -> R<bool> {
    if let Expr::CompareLocal(op, slot, right) = e {
        let (a, b) = operands(interp, f, *slot, right)?;
        if let Some(r) = ops::compare_plain(*op, a, b) {
            return Ok(r);
        }
        let r = ops::compare(interp, *op, a, b)?;
        return ops::truthy(interp, &r);
    }
    if let Expr::Compare(first, rest) = e {
        if let [(op, second)] = rest.as_slice() {
            let a = eval(interp, f, first)?;
            if let Some(b) = in_place(f, second) {
                if let Some(r) = ops::compare_plain(*op, &a, b) {
                    return Ok(r);
                }
                let r = ops::compare(interp, *op, &a, b)?;
                return ops::truthy(interp, &r);
            }
            let b = eval(interp, f, second)?;
            if let Some(r) = ops::compare_plain(*op, &a, &b) {
                return Ok(r);
            }
            let r = ops::compare(interp, *op, &a, &b)?;
            return ops::truthy(interp, &r);
        }
    }
    match eval(interp, f, e)? {
        Value::Bool(b) => Ok(b),
        v => ops::truthy(interp, &v),
    }
}

/// A display's items, each `*x` unpacked. `sequence`: a list's or tuple's (CPython says
/// "Value after * must be an iterable" for a value that is not; a set's says it is not iterable).
#[inline(never)]
fn eval_elts(interp: &Interp, f: &mut Frame, elts: &[Elt], sequence: bool) -> R<Vec<Value>> {
    let mut out = Vec::with_capacity(elts.len());
    for e in elts {
        match e {
            Elt::One(e) => out.push(eval(interp, f, e)?),
            Elt::Star(e) => {
                let v = eval(interp, f, e)?;
                let items = match v {
                    Value::List(_) | Value::Tuple(_) => v,
                    Value::Object(ref o) if o.as_any().is::<super::objects::RangeObj>() => v,
                    // Only a value that cannot be iterated gets this message (CPython's).
                    _ if !sequence => v,
                    _ => match ops::iter(interp, &v) {
                        Err(e) if e.is(&interp.types.exc("TypeError")) => {
                            return Err(
                                interp.type_error(format!("Value after * must be an iterable, not {}", v.type_name()))
                            )
                        }
                        it => it?,
                    },
                };
                ops::extend_from(interp, &mut out, &items)?;
            }
        }
    }
    Ok(out)
}

#[inline(never)]
pub fn eval_args(interp: &Interp, f: &mut Frame, args: &[Arg], callee: &dyn Fn() -> String) -> R<Args> {
    // One spare place: a method call puts its object first (`insert(0, …)`), which would
    // otherwise reallocate.
    let mut out = Args { pos: Vec::with_capacity(args.len() + 1), kw: Vec::new() };
    for a in args {
        match a {
            Arg::Pos(e) => out.pos.push(eval(interp, f, e)?),
            Arg::Star(e) => {
                let v = eval(interp, f, e)?;
                // Only a value that cannot be iterated gets this message: an exception raised
                // while iterating (in a generator's body) is the program's own.
                let items = match v {
                    // (A range too big to unpack is refused before it is built.)
                    Value::List(_) | Value::Tuple(_) => v,
                    Value::Object(ref o) if o.as_any().is::<super::objects::RangeObj>() => v,
                    _ => match ops::iter(interp, &v) {
                        Err(e) if e.is(&interp.types.exc("TypeError")) => {
                            return Err(interp.type_error(format!(
                                "{} argument after * must be an iterable, not {}",
                                callee(),
                                v.type_name()
                            )))
                        }
                        it => it?,
                    },
                };
                ops::extend_from(interp, &mut out.pos, &items)?;
            }
            Arg::Kw(name, e) => {
                let v = eval(interp, f, e)?;
                out.kw.push((name.clone(), v));
            }
            Arg::StarStar(e) => {
                let m = eval(interp, f, e)?;
                if !matches!(m, Value::Dict(_)) && ops::special(interp, &m, "keys").is_none() {
                    let kind = m.type_name();
                    return Err(
                        interp.type_error(format!("{} argument after ** must be a mapping, not {kind}", callee()))
                    );
                }
                for (k, v) in ops::mapping_items(interp, &m)? {
                    let Value::Str(k) = &k else {
                        return Err(interp.type_error(format!("{} keywords must be strings", callee())));
                    };
                    let k = k.clone();
                    if out.kw.iter().any(|(n, _)| *n == k) {
                        return Err(
                            interp.type_error(format!("{} got multiple values for keyword argument '{k}'", callee()))
                        );
                    }
                    out.kw.push((k, v));
                }
            }
        }
    }
    Ok(out)
}

/// [`function_str`] of `obj.name`.
pub fn method_str(interp: &Interp, obj: &Value, name: &Name) -> String {
    match get_attr(interp, obj, name) {
        Ok(m) => function_str(interp, &m),
        Err(_) => format!("{name}()"),
    }
}

/// How CPython names a callable in call errors (`_PyObject_FunctionStr`): `__main__.f()`,
/// `print()`, `list.append()`.
pub fn function_str(interp: &Interp, callee: &Value) -> String {
    let (module, qualname) = match callee {
        Value::Func(func) => (func.globals.name.to_string(), func.qualname.to_string()),
        Value::Method(m) => return function_str(interp, &m.func),
        Value::Class(c) => (c.module.to_string(), c.qualname.to_string()),
        Value::Builtin(b) => match &b.bound {
            Some(this) if !matches!(this, Value::Module(_)) => {
                (String::new(), format!("{}.{}", interp.class_of(this).qualname, b.name))
            }
            _ => (String::new(), b.name.to_string()),
        },
        other => (String::new(), other.type_name().to_string()),
    };
    if module.is_empty() || module == "builtins" {
        format!("{qualname}()")
    } else {
        format!("{module}.{qualname}()")
    }
}

#[inline(never)]
fn fstring(interp: &Interp, f: &mut Frame, parts: &[FPart]) -> R<String> {
    // Room for the literal text and a short field or two, so most f-strings never regrow.
    let room: usize = parts.iter().map(|p| if let FPart::Lit(s) = p { s.len() } else { 8 }).sum();
    let mut out = String::with_capacity(room);
    for p in parts {
        match p {
            FPart::Lit(s) => out.push_str(s),
            FPart::Value { expr, conversion, spec } => {
                let mut v = eval(interp, f, expr)?;
                // `{i}` and `{name}`, the common fields, go straight in: no spec to parse and
                // no string made for the field alone.
                if conversion.is_none() && spec.is_none() {
                    match &v {
                        Value::Int(i) => {
                            // itoa: a few times quicker than `write!`'s formatting machinery.
                            out.push_str(itoa::Buffer::new().format(*i));
                            continue;
                        }
                        Value::Str(text) => {
                            out.push_str(text);
                            ops::check_size(interp, out.len())?;
                            continue;
                        }
                        _ => {}
                    }
                }
                match conversion {
                    Some('r') => v = Value::str(&ops::repr(interp, &v)?),
                    Some('s') => v = Value::str(&ops::str_of(interp, &v)?),
                    Some('a') => v = Value::str(&ops::ascii(&ops::repr(interp, &v)?)),
                    _ => {}
                }
                let spec = match spec {
                    Some(parts) => fstring(interp, f, parts)?,
                    None => String::new(),
                };
                out.push_str(&ops::format_value(interp, &v, &spec)?);
                // `s = f'{s}{s}'` in a loop doubles each time.
                ops::check_size(interp, out.len())?;
            }
        }
    }
    Ok(out)
}

/// A set display's keys, added one by one as `BUILD_SET` adds them.
fn set_display(interp: &Interp, f: &mut Frame, elts: &[Elt]) -> R<Set> {
    let mut set = Set::new();
    for v in eval_elts(interp, f, elts, false)? {
        let k = ops::key_into(interp, &set, v)?;
        set.items.insert(k);
    }
    Ok(set)
}
