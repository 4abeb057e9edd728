//! Python's ints past 64 bits: `Value::BigInt`, on `num-bigint`. CPython's ints are unbounded,
//! and tutorial code meets that at once (`2**100`, `math.factorial(30)`, the sum of squares a
//! `to_thread` lesson computes), so the engine must too. The everyday path stays `i64`
//! (`Value::Int` and its fast paths); only a result that would overflow it comes here, and
//! every result goes back through [`int`], so an int that fits `i64` is always `Value::Int`.
//!
//! num-bigint panics on a zero divisor and will happily allocate gigabytes or spin for minutes
//! (`2**10**10`); the release build aborts on panic and a long native operation freezes the page
//! (the loop budget is checked between operations, not inside one). So every operation here
//! checks its divisor first and estimates its result's size (and, for division and `pow` with a
//! modulus, its work) before computing, raising `MemoryError` past [`MAX_BITS`].

use std::borrow::Cow;
use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::format::{self as fmt, Target as FmtTarget};
use super::interp::{Interp, PyErr, R};
use super::ir::{BinOp, UnaryOp};
use super::value::Value;

/// The largest int, in bits (about 631,000 decimal digits, 256 KiB). num-bigint divides by
/// schoolbook long division, quadratic in the words: at this size the worst `//` takes a few
/// tenths of a second natively, the limit of what a page may spend inside one operation.
pub const MAX_BITS: u64 = 1 << 21;

/// Limb products (64-bit words multiplied) one long division may take; num-bigint divides the
/// largest allowed ints in about 0.02 s natively, so this only stops the absurd.
const MAX_WORK: f64 = 6e8;

/// Limb products one modular `pow` may take (exponent bits × modulus words²): about half a
/// second natively (measured: 4000-bit operands, 1.6e7 of them, in 0.05 s).
const MAX_POW_MOD_WORK: f64 = 1.5e8;

/// The product of the bit lengths of `math.gcd`'s operands: num-integer's gcd is binary
/// (Stein's), quadratic in bits; two 200,000-bit ints take about 0.35 s natively.
const MAX_GCD_WORK: f64 = 4e10;

/// The largest int `math.isqrt` takes (Newton's iterations of long divisions): 0.35 s natively.
const MAX_ISQRT_BITS: u64 = 1 << 20;

/// An int as a value: `Value::Int` when it fits `i64`.
pub fn int(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

/// An int, bool or big int as a `BigInt`.
pub fn of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// An int, bool or big int as a `BigInt`, borrowed when it is one already (the operators'
/// path: `total += i * i` past i64 copies nothing but the result).
fn borrowed(v: &Value) -> Option<Cow<'_, BigInt>> {
    match v {
        Value::BigInt(b) => Some(Cow::Borrowed(&**b)),
        Value::Int(i) => Some(Cow::Owned(BigInt::from(*i))),
        Value::Bool(b) => Some(Cow::Owned(BigInt::from(*b as i64))),
        _ => None,
    }
}

/// `MemoryError` for an int of about `bits` bits.
fn too_big(interp: &Interp, bits: f64) -> PyErr {
    interp.err(
        "MemoryError",
        format!("an int of about {bits:.0} bits is over Interleave's limit of {MAX_BITS} bits (CPython's ints are limited only by memory)"),
    )
}

/// `MemoryError` unless an int of `bits` bits is within [`MAX_BITS`].
pub fn check_bits(interp: &Interp, bits: f64) -> R<()> {
    if bits > MAX_BITS as f64 {
        return Err(too_big(interp, bits));
    }
    Ok(())
}

/// The `OverflowError` of an int too big for an index or a count (`[0] * 2**70`).
pub fn index_overflow(interp: &Interp) -> PyErr {
    interp.err("OverflowError", "cannot fit 'int' into an index-sized integer")
}

fn words(b: &BigInt) -> f64 {
    (b.bits() as f64 / 64.0).ceil().max(1.0)
}

/// `a op b` where either is a big int and the other an int, bool, big int or float; `None` for
/// other operand types (and operators floats lack), which take the general path's errors.
pub fn binop(interp: &Interp, op: BinOp, a: &Value, b: &Value) -> Option<R<Value>> {
    let float = matches!(a, Value::Float(_)) || matches!(b, Value::Float(_));
    if !float {
        let (x, y) = (borrowed(a)?, borrowed(b)?);
        return Some(int_op(interp, op, &x, &y));
    }
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::FloorDiv | BinOp::Mod | BinOp::Pow) {
        return None;
    }
    let number = |v: &Value| match v {
        Value::Float(x) => Some(Ok(*x)),
        _ => borrowed(v).map(|i| to_f64(interp, &i)),
    };
    let (x, y) = match (number(a)?, number(b)?) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return Some(Err(e)),
    };
    let raise = |r: fmt::Raise| interp.raise(r);
    Some(Ok(Value::new_float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => return Some(fmt::float_truediv(x, y).map(Value::new_float).map_err(raise)),
        BinOp::FloorDiv => return Some(fmt::float_floordiv(x, y).map(Value::new_float).map_err(raise)),
        BinOp::Mod => return Some(fmt::float_mod(x, y).map(Value::new_float).map_err(raise)),
        _ => return Some(fmt::float_pow(x, y).map(Value::new_float).map_err(raise)),
    })))
}

/// `a op b` for two ints of any size.
pub fn int_op(interp: &Interp, op: BinOp, a: &BigInt, b: &BigInt) -> R<Value> {
    let bits = |x: &BigInt| x.bits() as f64;
    Ok(int(match op {
        BinOp::Add | BinOp::Sub => {
            check_bits(interp, bits(a).max(bits(b)) + 1.0)?;
            if op == BinOp::Add {
                a + b
            } else {
                a - b
            }
        }
        BinOp::Mul => {
            check_bits(interp, bits(a) + bits(b))?;
            a * b
        }
        BinOp::Div => return truediv(interp, a, b).map(Value::Float),
        BinOp::FloorDiv | BinOp::Mod => {
            if b.is_zero() {
                return Err(interp.err(
                    "ZeroDivisionError",
                    if op == BinOp::Mod { "integer modulo by zero" } else { "integer division or modulo by zero" },
                ));
            }
            check_division(interp, a, b)?;
            if op == BinOp::Mod {
                a.mod_floor(b)
            } else {
                a.div_floor(b)
            }
        }
        BinOp::Pow => return pow(interp, a, b),
        BinOp::LShift => {
            if b.is_negative() {
                return Err(interp.value_error("negative shift count"));
            }
            if a.is_zero() {
                return Ok(Value::Int(0));
            }
            let shift = b.to_u64().filter(|&s| s <= MAX_BITS).ok_or_else(|| too_big(interp, bits(b).exp2()))?;
            check_bits(interp, bits(a) + shift as f64)?;
            a << shift
        }
        BinOp::RShift => {
            if b.is_negative() {
                return Err(interp.value_error("negative shift count"));
            }
            match b.to_u64().filter(|&s| s < a.bits()) {
                // num-bigint shifts a negative int right rounding down, as Python does.
                Some(s) => a >> s,
                None => BigInt::from(if a.is_negative() { -1 } else { 0 }),
            }
        }
        // num-bigint's bitwise operators work on two's complement, as Python's do.
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::MatMul => return Err(interp.type_error("unsupported operand type(s) for @: 'int' and 'int'")),
    }))
}

/// The `MemoryError` of an operation that would keep the page busy too long (CPython would
/// take its time; here one operation must not freeze the page).
fn too_much_work(interp: &Interp, what: &str, a_bits: u64, b_bits: u64) -> PyErr {
    interp.err(
        "MemoryError",
        format!("{what} on ints of {a_bits} and {b_bits} bits is over Interleave's limit on one operation's work"),
    )
}

/// Refuses a long division that would take too long.
fn check_division(interp: &Interp, a: &BigInt, b: &BigInt) -> R<()> {
    if a.bits() > b.bits() && words(b) * (words(a) - words(b) + 1.0) > MAX_WORK {
        return Err(too_much_work(interp, "division", a.bits(), b.bits()));
    }
    Ok(())
}

/// `a ** b`: an int for `b >= 0`, else a float (as CPython hands it to float's `pow`).
fn pow(interp: &Interp, a: &BigInt, b: &BigInt) -> R<Value> {
    if b.is_negative() {
        let (x, y) = (to_f64(interp, a)?, to_f64(interp, b)?);
        return fmt::float_pow(x, y).map(Value::Float).map_err(|r| interp.raise(r));
    }
    if b.is_zero() || a.is_one() {
        return Ok(Value::Int(1));
    }
    if a.is_zero() {
        return Ok(Value::Int(0));
    }
    if a == &BigInt::from(-1) {
        return Ok(Value::Int(if b.is_even() { 1 } else { -1 }));
    }
    // |a| >= 2, so the result has at least b bits: b itself must be small.
    let e = b
        .to_u32()
        .filter(|&e| u64::from(e) <= MAX_BITS)
        .ok_or_else(|| too_big(interp, b.to_f64().unwrap_or(f64::MAX)))?;
    check_bits(interp, f64::from(e) * log2(a))?;
    Ok(int(a.pow(e)))
}

/// log2(|a|), close enough to size a power.
fn log2(a: &BigInt) -> f64 {
    let bits = a.bits();
    if bits <= 1000 {
        a.abs().to_f64().map_or(bits as f64, f64::log2)
    } else {
        // The top 64 bits give the fraction; the rest only scale it.
        let top = (a.abs() >> (bits - 64)).to_f64().unwrap_or(1.0);
        top.log2() + (bits - 64) as f64
    }
}

/// `pow(a, b, m)`, a negative `b` meaning the modular inverse's power (CPython 3.8+); the result
/// has `m`'s sign.
pub fn pow_mod(interp: &Interp, a: &BigInt, b: &BigInt, m: &BigInt) -> R<Value> {
    if m.is_zero() {
        return Err(interp.value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.abs();
    if b.bits() as f64 * words(&modulus) * words(&modulus) > MAX_POW_MOD_WORK {
        return Err(too_much_work(interp, "pow() with a modulus", b.bits(), modulus.bits()));
    }
    check_division(interp, a, &modulus)?;
    let mut base = a.mod_floor(&modulus);
    if b.is_negative() {
        base = inverse(&base, &modulus)
            .ok_or_else(|| interp.value_error("base is not invertible for the given modulus"))?;
    }
    let mut r = base.modpow(&b.abs(), &modulus);
    if m.is_negative() && !r.is_zero() {
        r -= &modulus;
    }
    Ok(int(r))
}

/// The inverse of `a` modulo `m` (extended Euclid), if they are coprime.
fn inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    e.gcd.is_one().then(|| e.x.mod_floor(m))
}

/// `divmod(a, b)` for ints of any size.
pub fn divmod(interp: &Interp, a: &BigInt, b: &BigInt) -> R<Value> {
    if b.is_zero() {
        return Err(interp.err("ZeroDivisionError", "integer division or modulo by zero"));
    }
    check_division(interp, a, b)?;
    let (q, r) = a.div_mod_floor(b);
    Ok(Value::tuple(vec![int(q), int(r)]))
}

/// `float(b)`: correctly rounded, `OverflowError` past the largest float.
pub fn to_f64(interp: &Interp, b: &BigInt) -> R<f64> {
    // num-bigint rounds to nearest, ties to even (it keeps a sticky bit for what it drops).
    match b.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(interp.err("OverflowError", "int too large to convert to float")),
    }
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide`: scale so that the
/// integer quotient keeps 55 bits more than the result's last one, fold the remainder into a
/// sticky bit, and round once.
pub fn truediv(interp: &Interp, a: &BigInt, b: &BigInt) -> R<f64> {
    if b.is_zero() {
        return Err(interp.err("ZeroDivisionError", "division by zero"));
    }
    let negative = a.is_negative() != b.is_negative();
    let (n, d) = (a.abs(), b.abs());
    if n.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let too_large = || interp.err("OverflowError", "integer division result too large for a float");
    // The quotient lies in [2^(diff-1), 2^(diff+1)).
    let diff = n.bits() as i64 - d.bits() as i64;
    if diff > 1025 {
        return Err(too_large());
    }
    if diff < -1080 {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // q = n / d * 2^-shift, 55 to 57 bits; for results below the normal range, fewer.
    let shift = diff.max(-1021) - 55;
    let (num, den) = if shift <= 0 { (n << (-shift) as u64, d) } else { (n, d << shift as u64) };
    let (q, r) = num.div_rem(&den);
    let q = q.to_u64().unwrap_or(u64::MAX);
    let q_bits = i64::from(64 - q.leading_zeros());
    // The result's last bit: 53 bits kept, but none below 2^-1074.
    let low = (shift + q_bits - 53).max(-1074);
    let drop = (low - shift).clamp(0, 63) as u32;
    let kept = q >> drop;
    let rest = q & ((1u64 << drop) - 1);
    let half = if drop == 0 { 0 } else { 1u64 << (drop - 1) };
    let sticky = !r.is_zero();
    let round_up = drop > 0 && (rest > half || (rest == half && (sticky || kept & 1 == 1)));
    let m = (kept + u64::from(round_up)) as f64;
    let x = ldexp(m, (shift + i64::from(drop)) as i32);
    if x.is_infinite() {
        return Err(too_large());
    }
    Ok(if negative { -x } else { x })
}

/// `m * 2^e`, exact when the result is representable (scaled in steps, so no intermediate
/// overflows or underflows).
fn ldexp(mut m: f64, mut e: i32) -> f64 {
    while e > 1000 {
        m *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        m *= 2f64.powi(-1000);
        e += 1000;
    }
    m * 2f64.powi(e)
}

/// CPython's hash of an int: its value modulo 2**61 − 1, with its sign (-1 becomes -2).
pub fn hash(b: &BigInt) -> i64 {
    let p = BigInt::from((1u64 << 61) - 1);
    let m = (b.abs() % p).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Orders two numbers when one is a big int: `None` if either is not a number, `Some(None)`
/// against a NaN. Exact, as Python compares (`2**1000 > float('inf')` is False).
pub fn cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    Some(match (a, b) {
        (Value::Float(x), _) => cmp_float(&*borrowed(b)?, *x).map(Ordering::reverse),
        (_, Value::Float(y)) => cmp_float(&*borrowed(a)?, *y),
        _ => Some(borrowed(a)?.cmp(&borrowed(b)?)),
    })
}

fn cmp_float(i: &BigInt, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let t = x.trunc();
    // An integral float converts exactly; the fraction breaks ties.
    let ti = num_traits::FromPrimitive::from_f64(t).unwrap_or_else(BigInt::zero);
    Some(i.cmp(&ti).then_with(|| 0.0f64.partial_cmp(&(x - t)).unwrap_or(Ordering::Equal)))
}

/// `a == b` when one is a big int (anything else is unequal).
pub fn equal(a: &Value, b: &Value) -> bool {
    cmp(a, b) == Some(Some(Ordering::Equal))
}

/// `-b`, `+b`, `~b`, `not b`.
pub fn unary(op: UnaryOp, b: &BigInt) -> Value {
    match op {
        UnaryOp::Neg => int(-b),
        UnaryOp::Pos => int(b.clone()),
        UnaryOp::Invert => int(!b),
        // Normalised: a big int is never 0, so always true.
        UnaryOp::Not => Value::Bool(false),
    }
}

/// `abs(b)`
pub fn abs(b: &BigInt) -> Value {
    int(b.abs())
}

/// The `ValueError` of an int with more decimal digits than CPython converts.
fn str_limit(interp: &Interp, limit: usize) -> PyErr {
    interp.value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(b)`, refused past `sys.set_int_max_str_digits`'s limit (4300 digits unless changed) as
/// CPython 3.11 refuses.
pub fn to_str(interp: &Interp, b: &BigInt) -> R<String> {
    let limit = interp.int_max_str_digits.get();
    // A digit is log2(10) bits: past this many bits there are surely too many digits, and the
    // conversion need not run.
    if limit != 0 && b.bits() as f64 > (limit as f64 + 1.0) * std::f64::consts::LOG2_10 + 64.0 {
        return Err(str_limit(interp, limit));
    }
    let s = b.to_string();
    if limit != 0 && s.trim_start_matches('-').len() > limit {
        return Err(str_limit(interp, limit));
    }
    Ok(s)
}

/// `bin`/`oct`/`hex` of a big int (powers of two: no digit limit), `0x…` with the sign first.
pub fn to_base(b: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let sign = if b.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{}", b.magnitude().to_str_radix(base))
}

/// `format(b, spec)`: the integer presentations on the digits, the float ones on `float(b)`.
pub fn format(interp: &Interp, b: &BigInt, spec: &str) -> R<String> {
    let raise = |r: fmt::Raise| interp.raise(r);
    let spec = fmt::parse_spec(spec, FmtTarget::Int).map_err(raise)?;
    if matches!(spec.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        return fmt::format_float(to_f64(interp, b)?, &spec).map_err(raise);
    }
    let base = match spec.ty {
        Some('b') => 2,
        Some('o') => 8,
        Some('x' | 'X') => 16,
        _ => 10,
    };
    let digits = if base == 10 { to_str(interp, &b.abs())? } else { b.magnitude().to_str_radix(base) };
    fmt::format_int_digits(b.is_negative(), &digits, &spec).map_err(raise)
}

/// A big int as a `%` conversion's argument (`%d`, `%x`, `%e`…).
pub fn percent_arg(interp: &Interp, b: &BigInt, conv: char) -> R<fmt::PercentArg> {
    let digits = match conv {
        'o' => b.magnitude().to_str_radix(8),
        'x' | 'X' => b.magnitude().to_str_radix(16),
        'd' | 'i' | 'u' => to_str(interp, &b.abs())?,
        _ => String::new(),
    };
    Ok(fmt::PercentArg::BigInt { negative: b.is_negative(), digits, float: b.to_f64().filter(|x| x.is_finite()) })
}

/// `int(s, base)` for a string [`fmt::parse_int`] accepted but found past `i64` (so already
/// checked: its digits, underscores, prefix and digit limit).
pub fn parse(interp: &Interp, s: &str, base: u32) -> R<Value> {
    let text = fmt::to_ascii_stripped(s);
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, &text[..]),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &lower[2..]),
        (0 | 8, Some("0o")) => (8, &lower[2..]),
        (0 | 2, Some("0b")) => (2, &lower[2..]),
        (0, _) => (10, &lower[..]),
        (b, _) => (b, &lower[..]),
    };
    let digits: Vec<u8> = digits.bytes().filter(|&c| c != b'_').collect();
    check_bits(interp, digits.len() as f64 * f64::from(radix).log2())?;
    let n = BigInt::parse_bytes(&digits, radix)
        .ok_or_else(|| interp.value_error(format!("invalid literal for int() with base {base}: {s:?}")))?;
    Ok(int(if negative { -n } else { n }))
}

/// An int literal past `i64` (`0x…`, `0o…`, `0b…` or decimal, underscores allowed), or the
/// SyntaxError's message: CPython's for too many decimal digits, ours past [`MAX_BITS`].
pub fn literal(text: &str) -> Result<Value, String> {
    let clean: String = text.chars().filter(|&c| c != '_').collect::<String>().to_ascii_lowercase();
    let (radix, digits) = match clean.get(..2) {
        Some("0x") => (16, &clean[2..]),
        Some("0o") => (8, &clean[2..]),
        Some("0b") => (2, &clean[2..]),
        _ => (10, &clean[..]),
    };
    if radix == 10 && digits.len() > fmt::INT_MAX_STR_DIGITS {
        return Err(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
            fmt::INT_MAX_STR_DIGITS,
            digits.len()
        ));
    }
    if digits.len() as f64 * f64::from(radix).log2() > MAX_BITS as f64 {
        return Err(format!("this integer is over Interleave's limit of {MAX_BITS} bits"));
    }
    BigInt::parse_bytes(digits.as_bytes(), radix).map(int).ok_or_else(|| format!("invalid integer literal {text}"))
}

/// `int(x)` for a finite float past `i64`: exact (a float that big is integral).
pub fn from_f64(x: f64) -> Value {
    int(num_traits::FromPrimitive::from_f64(x.trunc()).unwrap_or_else(BigInt::zero))
}

/// `round(b, ndigits)` for a negative `ndigits`: half to even at 10^-ndigits.
pub fn round(interp: &Interp, b: &BigInt, ndigits: i64) -> R<Value> {
    if ndigits >= 0 {
        return Ok(int(b.clone()));
    }
    let n = ndigits.unsigned_abs();
    // 10^n > 2|b|: everything rounds to 0.
    if n as f64 * std::f64::consts::LOG2_10 > b.bits() as f64 + 2.0 {
        return Ok(Value::Int(0));
    }
    let p = BigInt::from(10).pow(n as u32);
    check_division(interp, b, &p)?;
    let (mut q, r) = b.div_mod_floor(&p);
    let twice = &r * 2;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1;
    }
    Ok(int(q * p))
}

/// `b.bit_length()`
pub fn bit_length(b: &BigInt) -> Value {
    Value::Int(b.bits() as i64)
}

/// `b.bit_count()`
pub fn bit_count(b: &BigInt) -> Value {
    Value::Int(b.magnitude().count_ones() as i64)
}

/// `math.factorial(n)` past `i64`, by binary splitting (products of similar sizes multiply
/// fast), after sizing the result (about n·log2(n/e) bits).
pub fn factorial(interp: &Interp, n: u64) -> R<Value> {
    let nf = n as f64;
    check_bits(interp, nf * (nf / std::f64::consts::E).log2())?;
    Ok(int(product(1, n)))
}

/// `math.perm(n, k)` for `n, k >= 0`: n·(n−1)·…·(n−k+1).
pub fn perm(interp: &Interp, n: &BigInt, k: &BigInt) -> R<Value> {
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.to_u64().ok_or_else(|| too_big(interp, f64::MAX))?;
    check_bits(interp, k as f64 * log2(n))?;
    Ok(int(falling(n, k)))
}

/// `math.comb(n, k)` for `n, k >= 0`: perm(n, k) / k!, with k the smaller side.
pub fn comb(interp: &Interp, n: &BigInt, k: &BigInt) -> R<Value> {
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.min(&(n - k)).to_u64().ok_or_else(|| too_big(interp, f64::MAX))?;
    check_bits(interp, k as f64 * log2(n))?;
    let (top, bottom) = (falling(n, k), product(1, k));
    check_division(interp, &top, &bottom)?;
    Ok(int(top / bottom))
}

/// n·(n−1)·…·(n−k+1) (1 when k is 0), split in halves as [`product`] is.
fn falling(n: &BigInt, k: u64) -> BigInt {
    if k < 16 {
        return (0..k).fold(BigInt::one(), |acc, j| acc * (n - j));
    }
    let half = k / 2;
    falling(n, half) * falling(&(n - half), k - half)
}

/// lo·(lo+1)·…·hi (1 when empty).
fn product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        return (lo..=hi).fold(BigInt::one(), |acc, k| acc * k);
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid + 1, hi)
}

/// `math.gcd` of ints of any size (non-negative).
pub fn gcd(interp: &Interp, a: &BigInt, b: &BigInt) -> R<BigInt> {
    if a.bits() as f64 * b.bits() as f64 > MAX_GCD_WORK {
        return Err(too_much_work(interp, "gcd()", a.bits(), b.bits()));
    }
    Ok(a.gcd(b))
}

/// `math.lcm` of two ints of any size (non-negative).
pub fn lcm(interp: &Interp, a: &BigInt, b: &BigInt) -> R<BigInt> {
    if a.is_zero() || b.is_zero() {
        return Ok(BigInt::zero());
    }
    check_bits(interp, (a.bits() + b.bits()) as f64)?;
    Ok((a / gcd(interp, a, b)? * b).abs())
}

/// `math.isqrt(n)` for `n >= 0`.
pub fn isqrt(interp: &Interp, n: &BigInt) -> R<Value> {
    if n.bits() > MAX_ISQRT_BITS {
        return Err(too_much_work(interp, "isqrt()", n.bits(), n.bits()));
    }
    Ok(int(n.sqrt()))
}

/// A positive int past the float range as m·2**e with 0.5 <= m < 1, m correctly rounded (as
/// CPython's `_PyLong_Frexp`); `None` for a negative int or one a float holds.
pub fn frexp(b: &BigInt) -> Option<(f64, u64)> {
    if b.is_negative() || b.to_f64().is_some_and(f64::is_finite) {
        return None;
    }
    let bits = b.bits();
    let shift = bits - 64;
    let low_lost = b.trailing_zeros().is_some_and(|z| z < shift);
    let top = (b >> shift).to_u64().unwrap_or(u64::MAX) | u64::from(low_lost);
    // The one rounding: 64 bits (with a sticky bit for the rest) to 53.
    let m = top as f64 / 2f64.powi(64);
    Some(if m == 1.0 { (0.5, bits + 1) } else { (m, bits) })
}

/// `n.to_bytes(length, …)`'s bytes, least significant first (two's complement when `signed`).
pub fn to_bytes(interp: &Interp, n: &BigInt, length: usize, signed: bool) -> R<Vec<u8>> {
    if n.is_negative() && !signed {
        return Err(interp.err("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut out = if n.is_zero() {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_le()
    } else {
        n.magnitude().to_bytes_le()
    };
    if out.len() > length {
        return Err(interp.err("OverflowError", "int too big to convert"));
    }
    out.resize(length, if n.is_negative() { 0xff } else { 0 });
    Ok(out)
}

/// `int.from_bytes` of bytes most significant first (two's complement when `signed`).
pub fn from_bytes_be(interp: &Interp, bytes: &[u8], signed: bool) -> R<Value> {
    check_bits(interp, bytes.len() as f64 * 8.0)?;
    Ok(int(if signed { BigInt::from_signed_bytes_be(bytes) } else { BigInt::from_bytes_be(Sign::Plus, bytes) }))
}

/// `(m * 2**e).as_integer_ratio()` for an integral float `m` (|m| < 2**53): the pair
/// `(m·2**e, 1)` or `(m, 2**-e)`.
pub fn ratio(m: f64, e: i32) -> Value {
    let m = BigInt::from(m as i64);
    let (num, den) = if e >= 0 { (m << e as u32, BigInt::one()) } else { (m, BigInt::one() << e.unsigned_abs()) };
    Value::tuple(vec![int(num), int(den)])
}

/// An int from 32-bit words, least significant first (`random.getrandbits`).
pub fn from_words_le(words: &[u32]) -> Value {
    int(BigInt::from_slice(Sign::Plus, words))
}

/// The big path checked against `i128` arithmetic for operands near the `i64` boundary, and
/// every result normalised (`Value::Int` exactly when it fits `i64`).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use num_traits::FromPrimitive;
    use proptest::prelude::*;

    use super::super::interp::{Interp, Limits};
    use super::super::ir::CmpOp;
    use super::super::ops;
    use super::*;

    fn interp() -> Rc<Interp> {
        Interp::new("", Limits::default(), Rc::new(|_, _| {}))
    }

    fn value(i: i128) -> Value {
        int(BigInt::from(i))
    }

    /// The int a value holds, checking it is normalised.
    fn as_i128(v: &Value) -> Option<i128> {
        match v {
            Value::Int(i) => Some(i128::from(*i)),
            Value::BigInt(b) => {
                assert!(b.to_i64().is_none(), "{b} is a BigInt but fits i64");
                b.to_i128()
            }
            _ => None,
        }
    }

    /// Mostly near ±2**63, some anywhere in i64, some small.
    fn near_edge() -> impl Strategy<Value = i64> {
        prop_oneof![
            (0i64..1000).prop_map(|d| i64::MAX - d),
            (0i64..1000).prop_map(|d| i64::MIN + d),
            (-1000i64..1000).prop_map(|d| (1i64 << 62) + d),
            any::<i64>(),
            -5i64..5,
        ]
    }

    /// Wider operands: an i64 times 2**k plus another, within ±2**100.
    fn wide() -> impl Strategy<Value = i128> {
        (near_edge(), 0u32..37, near_edge()).prop_map(|(a, k, b)| (i128::from(a) << k) + i128::from(b))
    }

    fn floor_div(a: i128, b: i128) -> i128 {
        let (q, r) = (a / b, a % b);
        if r != 0 && ((r < 0) != (b < 0)) {
            q - 1
        } else {
            q
        }
    }

    fn check(interp: &Interp, a: i128, b: i128) -> Result<(), TestCaseError> {
        let (x, y) = (value(a), value(b));
        let cases = [
            (BinOp::Add, a.checked_add(b)),
            (BinOp::Sub, a.checked_sub(b)),
            (BinOp::Mul, a.checked_mul(b)),
            (BinOp::FloorDiv, (b != 0).then(|| floor_div(a, b))),
            (BinOp::Mod, (b != 0).then(|| a - floor_div(a, b) * b)),
            (BinOp::BitAnd, Some(a & b)),
            (BinOp::BitOr, Some(a | b)),
            (BinOp::BitXor, Some(a ^ b)),
        ];
        for (op, want) in cases {
            let got = ops::binop(interp, op, x.clone(), y.clone());
            match want {
                Some(w) => prop_assert_eq!(got.ok().as_ref().and_then(as_i128), Some(w), "{} {:?} {}", a, op, b),
                None if b == 0 => prop_assert!(got.is_err()),
                None => {}
            }
        }
        for s in [0u32, 1, 13, 40, 63, 64, 65, 100] {
            let shifted = ops::binop(interp, BinOp::RShift, x.clone(), Value::Int(i64::from(s))).ok();
            prop_assert_eq!(shifted.as_ref().and_then(as_i128), Some(a >> s.min(127)));
            if a.unsigned_abs().leading_zeros() > s + 1 {
                let shifted = ops::binop(interp, BinOp::LShift, x.clone(), Value::Int(i64::from(s))).ok();
                prop_assert_eq!(shifted.as_ref().and_then(as_i128), Some(a << s));
            }
        }
        for (op, want) in [
            (CmpOp::Lt, a < b),
            (CmpOp::LtE, a <= b),
            (CmpOp::Gt, a > b),
            (CmpOp::GtE, a >= b),
            (CmpOp::Eq, a == b),
            (CmpOp::NotEq, a != b),
        ] {
            let got = ops::compare(interp, op, &x, &y).ok();
            prop_assert!(matches!(got, Some(Value::Bool(g)) if g == want), "{} {:?} {}", a, op, b);
        }
        prop_assert_eq!(ops::repr(interp, &x).ok(), Some(a.to_string()));
        let negated = ops::unary(interp, UnaryOp::Neg, x.clone()).ok();
        prop_assert_eq!(negated.as_ref().and_then(as_i128), Some(-a));
        let inverted = ops::unary(interp, UnaryOp::Invert, x).ok();
        prop_assert_eq!(inverted.as_ref().and_then(as_i128), Some(!a));
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn i64_operands_match_i128(a in near_edge(), b in near_edge()) {
            check(&interp(), i128::from(a), i128::from(b))?;
        }

        #[test]
        fn wide_operands_match_i128(a in wide(), b in wide()) {
            check(&interp(), a, b)?;
        }

        #[test]
        fn hash_matches_i64_hash_and_float_hash(a in near_edge(), k in 0u32..60) {
            let wide = BigInt::from(a) << k;
            let h = hash(&wide);
            if let Some(i) = wide.to_i64() {
                prop_assert_eq!(h, super::super::value::hash_int(i));
            }
            if let Some(x) = wide.to_f64().filter(|x| BigInt::from_f64(*x).as_ref() == Some(&wide)) {
                prop_assert_eq!(h, super::super::value::hash_float(x));
            }
        }
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        let interp = interp();
        let big = |e: u64| BigInt::one() << e;
        assert_eq!(truediv(&interp, &big(200), &big(190)).ok(), Some(1024.0));
        assert_eq!(truediv(&interp, &BigInt::from(1), &BigInt::from(3)).ok(), Some(1.0 / 3.0));
        assert_eq!(truediv(&interp, &((big(64) + 1u32) * 3u32), &BigInt::from(3)).ok(), Some(18446744073709551616.0));
        assert_eq!(truediv(&interp, &BigInt::from(1), &big(1074)).ok(), Some(f64::from_bits(1)));
        assert_eq!(truediv(&interp, &BigInt::from(1), &big(1076)).ok(), Some(0.0));
        assert_eq!(truediv(&interp, &BigInt::from(3), &big(1076)).ok(), Some(f64::from_bits(1)));
        assert!(truediv(&interp, &big(1024), &BigInt::from(1)).is_err());
        assert!(truediv(&interp, &BigInt::from(1), &BigInt::zero()).is_err());
    }

    #[test]
    fn huge_results_are_refused_before_they_are_built() {
        let interp = interp();
        let two = BigInt::from(2);
        assert!(int_op(&interp, BinOp::Pow, &two, &BigInt::from(10_000_000_000u64)).is_err());
        assert!(int_op(&interp, BinOp::LShift, &BigInt::one(), &BigInt::from(1u64 << 40)).is_err());
        assert!(int_op(&interp, BinOp::Pow, &BigInt::from(10), &BigInt::from(100_000_000)).is_err());
        assert!(factorial(&interp, 10_000_000).is_err());
        let edge = int_op(&interp, BinOp::Pow, &two, &BigInt::from(MAX_BITS - 1));
        assert!(matches!(edge, Ok(Value::BigInt(_))));
    }
}
