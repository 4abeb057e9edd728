//! Expressions: evaluated recursively, always to completion (the compiler moved every
//! `await` and `yield` out of them).

use std::rc::Rc;

use super::attr::get_attr;
use super::call::{call, call_method, make_function, run_comprehension};
use super::exec::{load, Frame};
use super::interp::{Interp, R};
use super::ir::*;
use super::objects::SliceObj;
use super::ops;
use super::value::*;

pub fn eval(interp: &Interp, f: &mut Frame, e: &Expr) -> R<Value> {
    // A deeply nested expression recurses here once per level.
    interp.check_stack()?;
    match e {
        Expr::Const(v) => Ok(v.clone()),
        Expr::Load(var) => load(interp, f, var),
        Expr::Attr(obj, name) => {
            let o = eval(interp, f, obj)?;
            get_attr(interp, &o, name)
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
            let callee = eval(interp, f, func)?;
            let args = eval_args(interp, f, args)?;
            call(interp, &callee, args)
        }
        Expr::CallMethod(obj, name, args) => {
            let o = eval(interp, f, obj)?;
            let args = eval_args(interp, f, args)?;
            call_method(interp, &o, name, args)
        }
        Expr::Bin(op, l, r) => {
            let a = eval(interp, f, l)?;
            let b = eval(interp, f, r)?;
            ops::binop(interp, *op, a, b)
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
        Expr::Tuple(elts) => Ok(Value::tuple(eval_elts(interp, f, elts)?)),
        Expr::List(elts) => Ok(Value::list(eval_elts(interp, f, elts)?)),
        Expr::Set(elts) => {
            let mut set = Set::new();
            for v in eval_elts(interp, f, elts)? {
                set.items.insert(ops::key(interp, v)?);
            }
            Ok(Value::Set(Rc::new(std::cell::RefCell::new(set))))
        }
        Expr::Dict(items) => {
            let mut d = Dict::new();
            for item in items {
                match item {
                    DictElt::Pair(k, v) => {
                        let k = eval(interp, f, k)?;
                        let v = eval(interp, f, v)?;
                        d.insert(ops::key(interp, k)?, v);
                    }
                    DictElt::Spread(m) => {
                        let m = eval(interp, f, m)?;
                        for (k, v) in ops::mapping_items(interp, &m)? {
                            d.insert(ops::key(interp, k)?, v);
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
            let it = ops::iter(interp, &iterable)?;
            run_comprehension(interp, f, def, it)
        }
        Expr::Named(var, e) => {
            let v = eval(interp, f, e)?;
            super::exec::assign(interp, f, &Target::Var(var.clone()), v.clone())?;
            Ok(v)
        }
    }
}

pub fn eval_to_bool(interp: &Interp, f: &mut Frame, e: &Expr) -> R<bool> {
    let v = eval(interp, f, e)?;
    ops::truthy(interp, &v)
}

fn eval_elts(interp: &Interp, f: &mut Frame, elts: &[Elt]) -> R<Vec<Value>> {
    let mut out = Vec::with_capacity(elts.len());
    for e in elts {
        match e {
            Elt::One(e) => out.push(eval(interp, f, e)?),
            Elt::Star(e) => {
                let v = eval(interp, f, e)?;
                ops::extend_from(interp, &mut out, &v)?;
            }
        }
    }
    Ok(out)
}

pub fn eval_args(interp: &Interp, f: &mut Frame, args: &[Arg]) -> R<Args> {
    let mut out = Args { pos: Vec::with_capacity(args.len()), kw: Vec::new() };
    for a in args {
        match a {
            Arg::Pos(e) => out.pos.push(eval(interp, f, e)?),
            Arg::Star(e) => {
                let v = eval(interp, f, e)?;
                ops::extend_from(interp, &mut out.pos, &v).map_err(|_| {
                    interp.type_error(format!("argument after * must be an iterable, not {}", v.type_name()))
                })?;
            }
            Arg::Kw(name, e) => {
                let v = eval(interp, f, e)?;
                out.kw.push((name.clone(), v));
            }
            Arg::StarStar(e) => {
                let m = eval(interp, f, e)?;
                for (k, v) in ops::mapping_items(interp, &m)? {
                    let Value::Str(k) = &k else { return Err(interp.type_error("keywords must be strings")) };
                    let k = k.clone();
                    if out.kw.iter().any(|(n, _)| *n == k) {
                        return Err(interp.type_error(format!("got multiple values for keyword argument '{k}'")));
                    }
                    out.kw.push((k, v));
                }
            }
        }
    }
    Ok(out)
}

fn fstring(interp: &Interp, f: &mut Frame, parts: &[FPart]) -> R<String> {
    let mut out = String::new();
    for p in parts {
        match p {
            FPart::Lit(s) => out.push_str(s),
            FPart::Value { expr, conversion, spec } => {
                let mut v = eval(interp, f, expr)?;
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
            }
        }
    }
    Ok(out)
}
