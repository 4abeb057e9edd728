//! `math`: the common functions, with CPython's domain errors ("math domain error").

use std::rc::Rc;

use super::super::bigint;
use super::super::builtins::{builtin, expect};
use super::super::format as fmt;
use super::super::interp::{Interp, R};
use super::super::ops;
use super::super::value::*;

fn x(interp: &Interp, args: &Args, i: usize) -> R<f64> {
    ops::to_f64(interp, args.pos.get(i).unwrap_or(&Value::None))
}

fn unary(interp: &Interp, args: Args, name: &str, f: fn(f64) -> f64, domain: fn(f64) -> bool) -> R<Value> {
    expect(interp, &args, name, 1, 1)?;
    let v = x(interp, &args, 0)?;
    if !domain(v) {
        return Err(interp.value_error("math domain error"));
    }
    let r = f(v);
    if r.is_infinite() && v.is_finite() {
        return Err(interp.err("OverflowError", "math range error"));
    }
    Ok(Value::new_float(r))
}

fn int_of(interp: &Interp, v: &Value) -> R<i64> {
    match v {
        Value::Float(_) => Err(interp.type_error("'float' object cannot be interpreted as an integer")),
        other => ops::to_index(interp, other),
    }
}

/// An int argument of any size (a float is a TypeError, as in [`int_of`]).
fn big_of(interp: &Interp, v: &Value) -> R<num_bigint::BigInt> {
    match bigint::of(v) {
        Some(b) => Ok(b),
        None => int_of(interp, v).map(Into::into),
    }
}

fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a as i64
}

fn rounding(interp: &Interp, args: Args, name: &str, f: fn(f64) -> f64) -> R<Value> {
    expect(interp, &args, name, 1, 1)?;
    match &args.pos[0] {
        Value::Int(i) => Ok(Value::Int(*i)),
        v @ Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        other => {
            let v = f(ops::to_f64(interp, other)?);
            match fmt::float_to_int_trunc(v) {
                Err(r) if r.msg == fmt::INT_OVERFLOW => Ok(bigint::from_f64(v)),
                r => r.map(Value::Int).map_err(|r| interp.raise(r)),
            }
        }
    }
}

/// `f(v)` for a logarithm `f`, as CPython's `loghelper`: an int too big for a float is taken
/// as m·2**e (`f(m) + f(2)·e`), so `math.log(10**400)` works.
fn log_of(interp: &Interp, v: &Value, f: fn(f64) -> f64) -> R<f64> {
    let domain = || interp.value_error("math domain error");
    if let Value::BigInt(b) = v {
        if let Some((m, e)) = bigint::frexp(b) {
            return Ok(f(m) + f(2.0) * e as f64);
        }
        if b.sign() == num_bigint::Sign::Minus {
            return Err(domain());
        }
    }
    let x = ops::to_f64(interp, v)?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

/// The ints of `math.gcd`/`math.lcm`'s arguments, when any is past `i64`.
fn big_args(interp: &Interp, args: &Args) -> R<Option<Vec<num_bigint::BigInt>>> {
    if !args.pos.iter().any(|v| matches!(v, Value::BigInt(_))) {
        return Ok(None);
    }
    args.pos.iter().map(|v| big_of(interp, v)).collect::<R<Vec<_>>>().map(Some)
}

pub fn module(_interp: &Interp) -> Rc<Module> {
    let m = Module::new("math");
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(fresh_nan(f64::NAN)));
    let functions: &[(&str, BuiltinFn)] = &[
        ("sqrt", |i, a| unary(i, a, "sqrt", f64::sqrt, |v| v >= 0.0 || v.is_nan())),
        ("exp", |i, a| unary(i, a, "exp", f64::exp, |_| true)),
        ("log", |i, a| {
            expect(i, &a, "log", 1, 2)?;
            let v = log_of(i, &a.pos[0], f64::ln)?;
            match a.pos.get(1) {
                Some(b) => {
                    let b = log_of(i, b, f64::ln)?;
                    if b == 0.0 {
                        return Err(i.err("ZeroDivisionError", "float division by zero"));
                    }
                    Ok(Value::Float(v / b))
                }
                None => Ok(Value::Float(v)),
            }
        }),
        ("log2", |i, a| {
            expect(i, &a, "log2", 1, 1)?;
            log_of(i, &a.pos[0], f64::log2).map(Value::Float)
        }),
        ("log10", |i, a| {
            expect(i, &a, "log10", 1, 1)?;
            log_of(i, &a.pos[0], f64::log10).map(Value::Float)
        }),
        ("sin", |i, a| unary(i, a, "sin", f64::sin, f64::is_finite)),
        ("cos", |i, a| unary(i, a, "cos", f64::cos, f64::is_finite)),
        ("tan", |i, a| unary(i, a, "tan", f64::tan, f64::is_finite)),
        ("asin", |i, a| unary(i, a, "asin", f64::asin, |v| (-1.0..=1.0).contains(&v))),
        ("acos", |i, a| unary(i, a, "acos", f64::acos, |v| (-1.0..=1.0).contains(&v))),
        ("atan", |i, a| unary(i, a, "atan", f64::atan, |_| true)),
        ("fabs", |i, a| unary(i, a, "fabs", f64::abs, |_| true)),
        ("degrees", |i, a| unary(i, a, "degrees", f64::to_degrees, |_| true)),
        ("radians", |i, a| unary(i, a, "radians", f64::to_radians, |_| true)),
        ("sinh", |i, a| unary(i, a, "sinh", f64::sinh, |_| true)),
        ("cosh", |i, a| unary(i, a, "cosh", f64::cosh, |_| true)),
        ("tanh", |i, a| unary(i, a, "tanh", f64::tanh, |_| true)),
        ("asinh", |i, a| unary(i, a, "asinh", f64::asinh, |_| true)),
        ("acosh", |i, a| unary(i, a, "acosh", f64::acosh, |v| v >= 1.0 || v.is_nan())),
        ("atanh", |i, a| unary(i, a, "atanh", f64::atanh, |v| v.abs() < 1.0 || v.is_nan())),
        ("log1p", |i, a| unary(i, a, "log1p", f64::ln_1p, |v| v > -1.0 || v.is_nan())),
        ("expm1", |i, a| unary(i, a, "expm1", f64::exp_m1, |_| true)),
        ("exp2", |i, a| unary(i, a, "exp2", f64::exp2, |_| true)),
        ("fmod", |i, a| {
            expect(i, &a, "fmod", 2, 2)?;
            let (p, q) = (x(i, &a, 0)?, x(i, &a, 1)?);
            if q == 0.0 || p.is_infinite() {
                return Err(i.value_error("math domain error"));
            }
            Ok(Value::Float(if q.is_infinite() && p.is_finite() { p } else { p % q }))
        }),
        ("dist", |i, a| {
            expect(i, &a, "dist", 2, 2)?;
            let (p, q) = (ops::collect(i, &a.pos[0])?, ops::collect(i, &a.pos[1])?);
            if p.len() != q.len() {
                return Err(i.value_error("both points must have the same number of dimensions"));
            }
            let mut s = 0.0f64;
            for (u, v) in p.iter().zip(&q) {
                s = s.hypot(ops::to_f64(i, u)? - ops::to_f64(i, v)?);
            }
            Ok(Value::Float(s))
        }),
        ("atan2", |i, a| {
            expect(i, &a, "atan2", 2, 2)?;
            Ok(Value::Float(x(i, &a, 0)?.atan2(x(i, &a, 1)?)))
        }),
        ("hypot", |i, a| {
            let mut s = 0.0f64;
            for v in &a.pos {
                let f = ops::to_f64(i, v)?;
                s = s.hypot(f);
            }
            Ok(Value::Float(s))
        }),
        ("pow", |i, a| {
            expect(i, &a, "pow", 2, 2)?;
            fmt::float_pow(x(i, &a, 0)?, x(i, &a, 1)?).map(Value::Float).map_err(|r| i.raise(r))
        }),
        ("floor", |i, a| rounding(i, a, "floor", f64::floor)),
        ("ceil", |i, a| rounding(i, a, "ceil", f64::ceil)),
        ("trunc", |i, a| rounding(i, a, "trunc", f64::trunc)),
        ("isnan", |i, a| Ok(Value::Bool(x(i, &a, 0)?.is_nan()))),
        ("isinf", |i, a| Ok(Value::Bool(x(i, &a, 0)?.is_infinite()))),
        ("isfinite", |i, a| Ok(Value::Bool(x(i, &a, 0)?.is_finite()))),
        ("isclose", |i, a| {
            let (p, q) = (x(i, &a, 0)?, x(i, &a, 1)?);
            let get = |name: &str, d: f64| -> R<f64> {
                a.kw.iter().find(|(k, _)| &**k == name).map_or(Ok(d), |(_, v)| ops::to_f64(i, v))
            };
            let (rel, abs) = (get("rel_tol", 1e-9)?, get("abs_tol", 0.0)?);
            if p == q {
                return Ok(Value::Bool(true));
            }
            if p.is_infinite() || q.is_infinite() {
                return Ok(Value::Bool(false));
            }
            let d = (p - q).abs();
            Ok(Value::Bool(d <= (rel * q.abs()).max(rel * p.abs()) || d <= abs))
        }),
        ("gcd", |i, a| {
            if let Some(ns) = big_args(i, &a)? {
                let mut g = num_bigint::BigInt::from(0);
                for n in &ns {
                    g = bigint::gcd(i, &g, n)?;
                }
                return Ok(bigint::int(g));
            }
            let mut g = 0;
            for v in &a.pos {
                g = gcd(g, int_of(i, v)?);
            }
            // gcd(-2**63, 0) is 2**63, one past the largest i64.
            if g < 0 {
                return Ok(bigint::abs(&g.into()));
            }
            Ok(Value::Int(g))
        }),
        ("lcm", |i, a| {
            let ns = match big_args(i, &a)? {
                Some(ns) => ns,
                None => a.pos.iter().map(|v| int_of(i, v).map(Into::into)).collect::<R<Vec<_>>>()?,
            };
            let mut l = num_bigint::BigInt::from(1);
            for n in &ns {
                l = bigint::lcm(i, &l, n)?;
            }
            Ok(bigint::int(l))
        }),
        ("factorial", |i, a| {
            expect(i, &a, "factorial", 1, 1)?;
            let n = int_of(i, &a.pos[0])?;
            if n < 0 {
                return Err(i.value_error("factorial() not defined for negative values"));
            }
            bigint::factorial(i, n as u64)
        }),
        ("comb", |i, a| {
            expect(i, &a, "comb", 2, 2)?;
            let (n, k) = (big_of(i, &a.pos[0])?, big_of(i, &a.pos[1])?);
            non_negative(i, &n, &k)?;
            bigint::comb(i, &n, &k)
        }),
        ("perm", |i, a| {
            expect(i, &a, "perm", 1, 2)?;
            let n = big_of(i, &a.pos[0])?;
            let k = match a.pos.get(1) {
                Some(v) => big_of(i, v)?,
                None => n.clone(),
            };
            non_negative(i, &n, &k)?;
            bigint::perm(i, &n, &k)
        }),
        ("fsum", |i, a| {
            // Shewchuk's exact summation, as CPython's fsum.
            let items = ops::collect(i, a.pos.first().unwrap_or(&Value::None))?;
            let mut partials: Vec<f64> = Vec::new();
            for v in items {
                let mut x = ops::to_f64(i, &v)?;
                let mut keep = Vec::new();
                for mut y in partials.iter().copied() {
                    if x.abs() < y.abs() {
                        std::mem::swap(&mut x, &mut y);
                    }
                    let hi = x + y;
                    let lo = y - (hi - x);
                    if lo != 0.0 {
                        keep.push(lo);
                    }
                    x = hi;
                }
                keep.push(x);
                partials = keep;
            }
            Ok(Value::Float(partials.iter().fold(0.0, |a, b| a + b)))
        }),
        ("prod", |i, a| {
            let items = ops::collect(i, a.pos.first().unwrap_or(&Value::None))?;
            let mut r = a.kw.iter().find(|(k, _)| &**k == "start").map_or(Value::Int(1), |(_, v)| v.clone());
            for v in items {
                r = ops::binop(i, super::super::ir::BinOp::Mul, r, v)?;
            }
            Ok(r)
        }),
        ("copysign", |i, a| Ok(Value::Float(x(i, &a, 0)?.copysign(x(i, &a, 1)?)))),
        ("modf", |i, a| {
            let v = x(i, &a, 0)?;
            Ok(Value::tuple(vec![Value::Float(v.fract()), Value::Float(v.trunc())]))
        }),
        ("isqrt", |i, a| {
            if let Some(Value::BigInt(b)) = a.pos.first() {
                if b.sign() == num_bigint::Sign::Minus {
                    return Err(i.value_error("isqrt() argument must be nonnegative"));
                }
                return bigint::isqrt(i, b);
            }
            let n = int_of(i, a.pos.first().unwrap_or(&Value::None))?;
            if n < 0 {
                return Err(i.value_error("isqrt() argument must be nonnegative"));
            }
            // Squares near i64::MAX overflow: compare them in 128 bits.
            let (n, mut r) = (n as i128, (n as f64).sqrt() as i128);
            while r * r > n {
                r -= 1;
            }
            while (r + 1) * (r + 1) <= n {
                r += 1;
            }
            Ok(Value::Int(r as i64))
        }),
    ];
    for (name, f) in functions {
        m.set(name, builtin(name, *f));
    }
    m
}

/// `comb`'s and `perm`'s check of their arguments, n first, in CPython's words.
fn non_negative(interp: &Interp, n: &num_bigint::BigInt, k: &num_bigint::BigInt) -> R<()> {
    for (value, name) in [(n, "n"), (k, "k")] {
        if value.sign() == num_bigint::Sign::Minus {
            return Err(interp.value_error(format!("{name} must be a non-negative integer")));
        }
    }
    Ok(())
}
