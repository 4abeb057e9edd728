//! Python's arithmetic on `i64` and `f64`: floor division, modulo and `divmod` with Python's sign
//! rules, `**` (2 and 3 arguments), true division, `round`, `hash`, and exact int/float
//! comparison, each with CPython 3.11's results and messages.
//!
//! These work on `i64`: a result outside it fails with [`INT_OVERFLOW`], which the engine
//! takes as its cue to redo the operation on big ints (`python::bigint`), as CPython's
//! unbounded ints would give.

use std::cmp::Ordering;

use super::{Exc, Raise};

/// The message for an int result outside `i64`.
pub const INT_OVERFLOW: &str = "integer too large: this interpreter's ints are 64-bit";

fn int_overflow() -> Raise {
    Raise::overflow(INT_OVERFLOW)
}

/// `Some(v)` or the `i64` overflow error: for `checked_add` and friends.
pub fn int_checked(v: Option<i64>) -> Result<i64, Raise> {
    v.ok_or_else(int_overflow)
}

/// `a // b` for ints (floor division).
pub fn int_floordiv(a: i64, b: i64) -> Result<i64, Raise> {
    int_divmod(a, b).map(|(q, _)| q)
}

/// `a % b` for ints: the result has the sign of `b`.
pub fn int_mod(a: i64, b: i64) -> Result<i64, Raise> {
    if b == 0 {
        return Err(Raise::zero_div("integer modulo by zero"));
    }
    // i128 so that i64::MIN % -1 cannot trap.
    let r = (i128::from(a) % i128::from(b)) as i64;
    Ok(if r != 0 && ((r < 0) != (b < 0)) { r + b } else { r })
}

/// `divmod(a, b)` for ints.
pub fn int_divmod(a: i64, b: i64) -> Result<(i64, i64), Raise> {
    if b == 0 {
        return Err(Raise::zero_div("integer division or modulo by zero"));
    }
    let (a, b) = (i128::from(a), i128::from(b));
    let (mut q, mut r) = (a / b, a % b);
    if r != 0 && ((r < 0) != (b < 0)) {
        q -= 1;
        r += b;
    }
    Ok((i64::try_from(q).map_err(|_| int_overflow())?, r as i64))
}

/// CPython's `_float_div_mod`: fmod, sign fix-up, and the quotient snapped to an integer.
fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, Raise> {
    if b == 0.0 {
        return Err(Raise::zero_div("float floor division by zero"));
    }
    Ok(float_div_mod(a, b).0)
}

/// `a % b` for floats (CPython's `float_rem`).
pub fn float_mod(a: f64, b: f64) -> Result<f64, Raise> {
    if b == 0.0 {
        return Err(Raise::zero_div("float modulo"));
    }
    let m = a % b;
    Ok(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    })
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), Raise> {
    if b == 0.0 {
        return Err(Raise::zero_div("float divmod()"));
    }
    Ok(float_div_mod(a, b))
}

/// `a / b` for floats.
pub fn float_truediv(a: f64, b: f64) -> Result<f64, Raise> {
    if b == 0.0 {
        return Err(Raise::zero_div("float division by zero"));
    }
    Ok(a / b)
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide` (not `a as f64 / b as f64`,
/// which rounds twice once an operand is past 2^53).
pub fn int_truediv(a: i64, b: i64) -> Result<f64, Raise> {
    if b == 0 {
        return Err(Raise::zero_div("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    let (n, d) = (a.unsigned_abs(), b.unsigned_abs());
    let negative = (a < 0) != (b < 0);
    let q = if n <= EXACT && d <= EXACT {
        n as f64 / d as f64
    } else {
        // Scale so that the integer quotient has 55 to 56 bits, fold the remainder into a sticky
        // low bit, and let the one u128 -> f64 conversion round (to nearest, ties to even).
        let shift = 55 + i64::from(64 - d.leading_zeros()) - i64::from(64 - n.leading_zeros());
        let (num, den) =
            if shift >= 0 { (u128::from(n) << shift, u128::from(d)) } else { (u128::from(n), u128::from(d) << -shift) };
        let (quot, rem) = (num / den, num % den);
        let q = (quot | u128::from(rem != 0)) as f64;
        // The quotient lies within 2^-64..2^64, so scaling by a power of two is exact.
        q * 2f64.powi(-shift as i32)
    };
    Ok(if negative { -q } else { q })
}

/// An int or a float: what `int ** int` gives (a negative exponent gives a float).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IntOrFloat {
    Int(i64),
    Float(f64),
}

/// `a ** b` for ints.
pub fn int_pow(a: i64, b: i64) -> Result<IntOrFloat, Raise> {
    if b < 0 {
        // CPython hands a negative exponent to float's pow.
        return float_pow(a as f64, b as f64).map(IntOrFloat::Float);
    }
    let mut result: i64 = 1;
    let mut base = Some(a);
    let mut e = b as u64;
    while e > 0 {
        let x = base.ok_or_else(int_overflow)?;
        if e & 1 == 1 {
            result = result.checked_mul(x).ok_or_else(int_overflow)?;
        }
        e >>= 1;
        // Squaring past i64 only matters if another bit of the exponent needs it.
        base = x.checked_mul(x);
    }
    Ok(IntOrFloat::Int(result))
}

/// `pow(a, b, m)` for ints, including a negative `b` (a modular inverse), with the result's sign
/// following `m` as in Python.
pub fn int_pow_mod(a: i64, b: i64, m: i64) -> Result<i64, Raise> {
    if m == 0 {
        return Err(Raise::value("pow() 3rd argument cannot be 0"));
    }
    let modulus = i128::from(m).abs();
    let mut base = i128::from(a).rem_euclid(modulus);
    if b < 0 {
        base =
            mod_inverse(base, modulus).ok_or_else(|| Raise::value("base is not invertible for the given modulus"))?;
    }
    let mut e = i128::from(b).unsigned_abs();
    let mut result: i128 = 1 % modulus;
    while e > 0 {
        if e & 1 == 1 {
            result = result * base % modulus;
        }
        base = base * base % modulus;
        e >>= 1;
    }
    if m < 0 && result != 0 {
        result -= modulus;
    }
    Ok(result as i64)
}

/// The inverse of `a` modulo `m` (extended Euclid), if they are coprime.
fn mod_inverse(a: i128, m: i128) -> Option<i128> {
    let (mut old_r, mut r) = (a, m);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    (old_r == 1).then(|| old_s.rem_euclid(m))
}

/// The message when CPython's result would be a complex number, which this interpreter lacks.
pub const COMPLEX_RESULT: &str =
    "a negative number raised to a fractional power is a complex number, which this interpreter does not support";

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc() && (x / 2.0) != (x / 2.0).trunc()
}

/// `a ** b` for floats, CPython's `float_pow` case by case (its special cases before libm's
/// `pow`; natively that is the C library's `pow`, as CPython's; in wasm Rust's port of musl's,
/// which may differ in the last bit on rare inputs). A negative base with a fractional exponent raises [`Exc::Unsupported`] with
/// [`COMPLEX_RESULT`] (CPython returns a complex).
pub fn float_pow(a: f64, b: f64) -> Result<f64, Raise> {
    if b == 0.0 {
        return Ok(1.0);
    }
    if a.is_nan() {
        return Ok(a);
    }
    if b.is_nan() {
        return Ok(if a == 1.0 { 1.0 } else { b });
    }
    if b.is_infinite() {
        let a = a.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (b > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return Ok(if b > 0.0 {
            if odd {
                a
            } else {
                a.abs()
            }
        } else if odd {
            0.0f64.copysign(a)
        } else {
            0.0
        });
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err(Raise::zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(b) { a } else { 0.0 });
    }
    let mut base = a;
    let mut negate = false;
    if base < 0.0 {
        if b != b.floor() {
            return Err(Raise::new(Exc::Unsupported, COMPLEX_RESULT));
        }
        base = -base;
        negate = is_odd_integer(b);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(b);
    if r.is_infinite() {
        // libm sets ERANGE; CPython raises it as OSError-style text.
        return Err(Raise::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// CPython's `round(x, ndigits)` for a float: round-half-even on the exact decimal value
/// (`round(2.675, 2) == 2.67`), any `ndigits` (negative rounds to tens, hundreds…). Raises
/// `OverflowError: rounded value too large to represent` when rounding up leaves the float range.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, Raise> {
    // CPython's bounds: beyond them the answer is x itself, or a zero with x's sign.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let text = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x)
    } else {
        round_to_tens(x, ndigits.unsigned_abs() as usize)
    };
    let rounded: f64 = text.parse().map_err(|_| Raise::value("rounding failed"))?;
    if rounded.is_infinite() {
        return Err(Raise::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// `x` rounded half-even to a multiple of 10^k, as a decimal string ("-12e2"). The integer part of
/// a float prints exactly with `{:.0}`, and a nonzero fraction only breaks a tie.
fn round_to_tens(x: f64, k: usize) -> String {
    let int_digits = format!("{:.0}", x.trunc().abs());
    let sticky = x.fract() != 0.0;
    let padded = format!("{}{int_digits}", "0".repeat((k + 1).saturating_sub(int_digits.len())));
    let (kept, dropped) = padded.split_at(padded.len() - k);
    let first = dropped.as_bytes().first().copied().unwrap_or(b'0');
    let rest_zero = dropped.bytes().skip(1).all(|d| d == b'0');
    let last_odd = kept.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1);
    let up = first > b'5' || (first == b'5' && (!rest_zero || sticky || last_odd));
    let mut kept: Vec<u8> = kept.bytes().collect();
    if up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    format!("{sign}{}e{k}", String::from_utf8_lossy(&kept))
}

/// `round(x)` for a float: half to even, as an int.
pub fn round_to_int(x: f64) -> Result<i64, Raise> {
    super::parse::float_to_int_trunc(x.round_ties_even())
}

/// `round(i, ndigits)` for an int: unchanged for `ndigits >= 0`, else half to even at 10^-ndigits.
pub fn round_int(i: i64, ndigits: i64) -> Result<i64, Raise> {
    if ndigits >= 0 {
        return Ok(i);
    }
    // Every i64 rounds to 0 at 10^20 already, and 2·10^20 fits an i128 with room.
    let p = 10i128.pow(ndigits.unsigned_abs().min(20) as u32);
    let v = i128::from(i);
    let (mut q, r) = (v.div_euclid(p), v.rem_euclid(p));
    if 2 * r > p || (2 * r == p && q % 2 != 0) {
        q += 1;
    }
    i64::try_from(q * p).map_err(|_| int_overflow())
}

/// `x.is_integer()` for a float.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc()
}

/// The modulus of Python's numeric hash, 2^61 − 1, so that equal numbers hash equal.
const HASH_MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: u32 = 61;

/// `hash(i)` for an int (also `hash(True)` = `hash(1)`): `hash(-1) == -2`.
pub fn hash_int(i: i64) -> i64 {
    let h = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(x)` for a float, CPython's `_Py_HashDouble`: `hash(1.0) == hash(1)`,
/// `hash(inf) == 314159`. Since 3.10 CPython hashes a nan by object identity; this returns 0 for
/// every nan (nan never equals anything, so a dict cannot find it by value either way).
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    let (mut m, mut e) = frexp(x);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & HASH_MODULUS) | (h >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= HASH_MODULUS {
            h -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % HASH_BITS as i32 } else { HASH_BITS as i32 - 1 - ((-1 - e) % HASH_BITS as i32) } as u32;
    h = ((h << e) & HASH_MODULUS) | (h >> (HASH_BITS - e));
    let h = (h as i64) * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// C's `frexp`: `x = m · 2^e` with 0.5 <= |m| < 1 (for finite nonzero x; zero gives (0, 0)).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Compares an int with a float exactly, as Python does (`2**53 + 1 != 2.0**53`); `None` if `x`
/// is nan.
pub fn cmp_int_float(i: i64, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x >= 9_223_372_036_854_775_808.0 {
        return Some(Ordering::Less);
    }
    if x < -9_223_372_036_854_775_808.0 {
        return Some(Ordering::Greater);
    }
    let t = x.trunc();
    // t is integral and in range, so the cast is exact; the fraction breaks ties.
    Some(i.cmp(&(t as i64)).then_with(|| 0.0f64.partial_cmp(&(x - t)).unwrap_or(Ordering::Equal)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_rules() {
        assert_eq!(int_floordiv(7, -2), Ok(-4));
        assert_eq!(int_mod(-7, 2), Ok(1));
        assert_eq!(int_mod(i64::MIN, -1), Ok(0));
        assert_eq!(int_floordiv(i64::MIN, -1).unwrap_err().kind, Exc::OverflowError);
        assert_eq!(int_mod(1, 0).unwrap_err().msg, "integer modulo by zero");
        assert_eq!(int_divmod(1, 0).unwrap_err().msg, "integer division or modulo by zero");
        assert_eq!(float_floordiv(-7.5, 2.0), Ok(-4.0));
        assert_eq!(float_mod(7.5, -2.0), Ok(-0.5));
        assert_eq!(float_mod(-5.0, f64::INFINITY), Ok(f64::INFINITY));
        assert_eq!(float_divmod(-7.5, 2.0), Ok((-4.0, 0.5)));
        assert!(float_floordiv(f64::INFINITY, 2.0).is_ok_and(f64::is_nan));
        assert_eq!(int_truediv((1 << 53) + 1, 1), Ok(9007199254740992.0));
        assert_eq!(int_truediv(i64::MAX, 3), Ok(3074457345618258602.0 + 1.0 - 1.0));
        assert_eq!(int_truediv(1, 0).unwrap_err().msg, "division by zero");
    }

    #[test]
    fn powers() {
        assert_eq!(int_pow(2, 10), Ok(IntOrFloat::Int(1024)));
        assert_eq!(int_pow(-2, -3), Ok(IntOrFloat::Float(-0.125)));
        assert_eq!(int_pow(2, 63).unwrap_err().kind, Exc::OverflowError);
        assert_eq!(int_pow(-2, 63), Ok(IntOrFloat::Int(i64::MIN)));
        assert_eq!(int_pow(0, -1).unwrap_err().msg, "0.0 cannot be raised to a negative power");
        assert_eq!(int_pow_mod(2, -1, 5), Ok(3));
        assert_eq!(int_pow_mod(3, 4, -5), Ok(-4));
        assert_eq!(int_pow_mod(-7, 3, 5), Ok(2));
        assert_eq!(int_pow_mod(5, 0, 1), Ok(0));
        assert_eq!(int_pow_mod(2, -1, 4).unwrap_err().msg, "base is not invertible for the given modulus");
        assert_eq!(float_pow(-8.0, 1.0 / 3.0).unwrap_err().kind, Exc::Unsupported);
        assert_eq!(float_pow(10.0, 400.0).unwrap_err().msg, "(34, 'Numerical result out of range')");
        assert_eq!(float_pow(-1.0, 1e300), Ok(1.0));
        assert_eq!(float_pow(0.0, f64::NEG_INFINITY), Ok(f64::INFINITY));
    }

    #[test]
    fn rounding_and_hashing() {
        assert_eq!(round_float(2.675, 2), Ok(2.67));
        assert_eq!(round_float(123.456, -1), Ok(120.0));
        assert_eq!(round_float(1250.0, -2), Ok(1200.0));
        assert!(round_float(-0.5, 0).is_ok_and(|r| r == 0.0 && r.is_sign_negative()));
        assert!(round_float(-123.456, -400).is_ok_and(|r| r == 0.0 && r.is_sign_negative()));
        assert_eq!(round_float(f64::MAX, -308).unwrap_err().msg, "rounded value too large to represent");
        assert_eq!(round_to_int(2.5), Ok(2));
        assert_eq!(round_to_int(-0.5), Ok(0));
        assert_eq!(round_int(1350, -2), Ok(1400));
        assert_eq!(round_int(-1250, -2), Ok(-1200));
        assert_eq!(round_int(i64::MAX, -19).unwrap_err().kind, Exc::OverflowError);
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(i64::MIN), -4);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(0.1), 230584300921369408);
        assert_eq!(hash_float(1e300), 1224995262755759164);
        assert_eq!(hash_float(2.0), hash_int(2));
        assert_eq!(cmp_int_float((1 << 53) + 1, 9007199254740992.0), Some(Ordering::Greater));
        assert_eq!(cmp_int_float(3, 3.5), Some(Ordering::Less));
        assert_eq!(cmp_int_float(-3, -3.5), Some(Ordering::Greater));
    }
}
