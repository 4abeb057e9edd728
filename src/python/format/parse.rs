//! Text to numbers and back as Python's builtins do it: `int(s, base)`, `float(s)`,
//! `bin`/`oct`/`hex`, and `repr(str)` (which their error messages quote).

use super::Raise;

/// The code points whose Unicode decimal value is 0 (Unicode 14, as Python 3.11): each starts a
/// run of ten digits 0–9. `int('١٢٣')` is 123 in Python; this table makes it so here.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The decimal value of `c` if it is a Unicode decimal digit (`Py_UNICODE_TODECIMAL`).
pub fn unicode_decimal(c: char) -> Option<u32> {
    let c = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= c).checked_sub(1)?;
    let d = c - DECIMAL_ZEROS[i];
    (d < 10).then_some(d)
}

/// Python's `str.isspace` for one character (Rust's `is_whitespace` lacks U+001C–U+001F).
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// What `int()` and `float()` parse: Python first maps Unicode digits to ASCII and Unicode spaces
/// to ' ' (`_PyUnicode_TransformDecimalAndSpaceToASCII`), then strips spaces; anything else
/// non-ASCII stays and makes the literal invalid.
pub fn to_ascii_stripped(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match unicode_decimal(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None if py_isspace(c) => ' ',
            None => c,
        })
        .collect();
    mapped.trim_matches(' ').to_string()
}

/// The most digits `int()` converts in a base that is not a power of two (CPython 3.11's
/// default `sys.get_int_max_str_digits()`).
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `int(s, base)`: whitespace around, a sign, `0x`/`0o`/`0b` prefixes (base 0 or the matching
/// base), single underscores between digits, Unicode decimal digits; CPython's messages
/// (`invalid literal for int() with base 10: 'abc'`). A valid literal outside `i64` fails with
/// [`super::arith::INT_OVERFLOW`] (the engine then reads it as a big int), distinct from an
/// invalid one.
pub fn parse_int(s: &str, base: u32) -> Result<i64, Raise> {
    parse_int_limited(s, base, INT_MAX_STR_DIGITS)
}

/// [`parse_int`] with `max_digits` for CPython's limit on decimal digits (0: none), as
/// `sys.set_int_max_str_digits` sets it.
pub fn parse_int_limited(s: &str, base: u32, max_digits: usize) -> Result<i64, Raise> {
    if base == 1 || base > 36 {
        return Err(Raise::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || Raise::value(format!("invalid literal for int() with base {base}: {}", repr_truncated(s, 200)));
    let text = to_ascii_stripped(s);
    let b = text.as_bytes();
    let (negative, mut i) = match b.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let lower = |k: usize| b.get(k).map(u8::to_ascii_lowercase);
    let mut radix = base;
    let mut error_if_nonzero = false;
    if radix == 0 {
        radix = match (lower(i), lower(i + 1)) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            (Some(b'0'), _) => {
                // "010": C-style octal is invalid, but zeros like "00" are fine.
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let prefix = match radix {
        16 => Some(b'x'),
        8 => Some(b'o'),
        2 => Some(b'b'),
        _ => None,
    };
    if lower(i) == Some(b'0') && prefix.is_some() && lower(i + 1) == prefix {
        i += 2;
        // One underscore may follow the prefix.
        if b.get(i) == Some(&b'_') {
            i += 1;
        }
    }
    let digits = &b[i..];
    if digits.is_empty() || digits[0] == b'_' || digits.last() == Some(&b'_') {
        return Err(invalid());
    }
    let mut value: u128 = 0;
    let mut overflow = false;
    let mut count = 0;
    let mut prev_underscore = false;
    for &c in digits {
        if c == b'_' {
            if prev_underscore {
                return Err(invalid());
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = (c as char).to_digit(radix).ok_or_else(invalid)?;
        count += 1;
        match value.checked_mul(u128::from(radix)).and_then(|v| v.checked_add(u128::from(d))) {
            Some(v) if v <= 1 << 63 => value = v,
            _ => overflow = true,
        }
    }
    if error_if_nonzero && (value != 0 || overflow) {
        return Err(invalid());
    }
    if !radix.is_power_of_two() && max_digits != 0 && count > max_digits {
        return Err(Raise::value(format!(
            "Exceeds the limit ({max_digits} digits) for integer string conversion: value has {count} \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    let signed = if negative { i64::try_from(-(value as i128)) } else { i64::try_from(value) };
    match signed {
        Ok(v) if !overflow => Ok(v),
        _ => Err(Raise::overflow(super::arith::INT_OVERFLOW)),
    }
}

/// `float(s)`: whitespace around, `inf`/`infinity`/`nan` in any case with a sign, PEP 515
/// underscores (only between digits), Unicode decimal digits; error
/// `could not convert string to float: 'abc'`.
pub fn parse_float(s: &str) -> Result<f64, Raise> {
    let invalid = || Raise::value(format!("could not convert string to float: {}", py_str_repr(s)));
    let text = to_ascii_stripped(s);
    if !text.is_ascii() {
        return Err(invalid());
    }
    let mut cleaned = String::with_capacity(text.len());
    let mut prev = '\0';
    for c in text.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return Err(invalid());
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return Err(invalid());
            }
            cleaned.push(c);
        }
        prev = c;
    }
    if prev == '_' {
        return Err(invalid());
    }
    // Rust's grammar is Python's here: digits with an optional point and exponent, or
    // inf/infinity/nan in any case, each with an optional sign; no hex, no spaces inside.
    cleaned.parse::<f64>().map_err(|_| invalid())
}

/// The digits of `n` in `base` (2 to 36), lowercase, no sign or prefix.
pub fn to_base_digits(mut n: u64, base: u32) -> String {
    let base = u64::from(base.clamp(2, 36));
    let mut out = Vec::new();
    loop {
        let d = (n % base) as u32;
        out.push(char::from_digit(d, 36).unwrap_or('?'));
        n /= base;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

/// `bin(i)`, `oct(i)`, `hex(i)` for base 2, 8, 16: `-0b101`, `0o10`, `0xff` (any other base gives
/// the bare digits).
pub fn int_to_base(i: i64, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let sign = if i < 0 { "-" } else { "" };
    format!("{sign}{prefix}{}", to_base_digits(i.unsigned_abs(), base))
}

/// Assigned code points that `str.isprintable()` rejects (categories Cc, Cf, Co, Cs, Zl, Zp, and
/// Zs but the space), Unicode 14.
const NON_PRINTABLE: [(u32, u32); 28] = [
    (0x0, 0x1f),
    (0x7f, 0xa0),
    (0xad, 0xad),
    (0x600, 0x605),
    (0x61c, 0x61c),
    (0x6dd, 0x6dd),
    (0x70f, 0x70f),
    (0x890, 0x891),
    (0x8e2, 0x8e2),
    (0x1680, 0x1680),
    (0x180e, 0x180e),
    (0x2000, 0x200f),
    (0x2028, 0x202f),
    (0x205f, 0x2064),
    (0x2066, 0x206f),
    (0x3000, 0x3000),
    (0xd800, 0xf8ff),
    (0xfeff, 0xfeff),
    (0xfff9, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x13438),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0001, 0xe0001),
    (0xe0020, 0xe007f),
    (0xf0000, 0xffffd),
    (0x100000, 0x10fffd),
];

/// `str.isprintable` for one character (what `repr` writes as it is).
pub fn is_printable(c: char) -> bool {
    let c = c as u32;
    let i = NON_PRINTABLE.partition_point(|&(lo, _)| lo <= c);
    i == 0 || c > NON_PRINTABLE[i - 1].1
}

/// `repr(s)` for a str: quotes chosen as Python does, `\n`, `\t`, `\r`, `\\` and `\xhh` /
/// `\uhhhh` / `\Uhhhhhhhh` escapes for non-printable characters. (Unassigned code points, which
/// CPython also escapes, are written as they are: that needs Unicode's full tables.)
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// C's `%.<n>R`: the repr cut to `n` characters (CPython cuts without closing the quote).
fn repr_truncated(s: &str, n: usize) -> String {
    py_str_repr(s).chars().take(n).collect()
}

/// `int(x)` for a float: truncation toward zero, with CPython's errors for nan and infinities,
/// and [`super::arith::INT_OVERFLOW`] past `i64` (the engine then converts to a big int).
pub fn float_to_int_trunc(x: f64) -> Result<i64, Raise> {
    if x.is_nan() {
        return Err(Raise::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(Raise::overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    // -2^63 is exact as an f64; 2^63 is the first value past i64::MAX.
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        Ok(t as i64)
    } else {
        Err(Raise::overflow(super::arith::INT_OVERFLOW))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::format::Exc;

    #[test]
    fn ints() {
        assert_eq!(parse_int(" 12 ", 0), Ok(12));
        assert_eq!(parse_int("0x_1f", 0), Ok(31));
        assert_eq!(parse_int("-0b101", 2), Ok(-5));
        assert_eq!(parse_int("\u{a0}12\u{2003}", 10), Ok(12));
        assert_eq!(parse_int("١٢٣", 10), Ok(123));
        assert_eq!(parse_int("0_0", 0), Ok(0));
        assert_eq!(parse_int("-9223372036854775808", 10), Ok(i64::MIN));
        assert_eq!(parse_int("9223372036854775808", 10).map_err(|e| e.kind), Err(Exc::OverflowError));
        assert_eq!(parse_int("010", 0).unwrap_err().msg, "invalid literal for int() with base 0: '010'");
        assert_eq!(parse_int("1\0", 10).unwrap_err().msg, "invalid literal for int() with base 10: '1\\x00'");
        assert_eq!(parse_int("1", 37).unwrap_err().msg, "int() base must be >= 2 and <= 36, or 0");
        assert_eq!(parse_int("0x", 16).unwrap_err().kind, Exc::ValueError);
    }

    #[test]
    fn floats() {
        assert_eq!(parse_float("1_000.5"), Ok(1000.5));
        assert_eq!(parse_float("-Infinity"), Ok(f64::NEG_INFINITY));
        assert!(parse_float("+nAn").is_ok_and(f64::is_nan));
        assert_eq!(parse_float(" 1.5\n"), Ok(1.5));
        assert_eq!(parse_float("1e1_0"), Ok(1e10));
        for bad in ["1_.5", "1._5", "_1", "1e_1", "nan(1)", "", "0x10", ".", "1e", "1.5\0", "infinit", "1_e5"] {
            assert!(parse_float(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse_float("abc").unwrap_err().msg, "could not convert string to float: 'abc'");
    }

    #[test]
    fn reprs_and_bases() {
        assert_eq!(py_str_repr("a'b"), "\"a'b\"");
        assert_eq!(py_str_repr("a\"b'"), "'a\"b\\''");
        assert_eq!(
            py_str_repr("\0\x7f\u{80}\u{a0}\u{ad}\u{ff}\u{2028}\u{e000}😀é\t"),
            "'\\x00\\x7f\\x80\\xa0\\xadÿ\\u2028\\ue000😀é\\t'"
        );
        assert_eq!(int_to_base(-5, 2), "-0b101");
        assert_eq!(int_to_base(255, 16), "0xff");
        assert_eq!(int_to_base(8, 8), "0o10");
        assert_eq!(int_to_base(i64::MIN, 16), "-0x8000000000000000");
        assert_eq!(float_to_int_trunc(-3.9), Ok(-3));
        assert_eq!(float_to_int_trunc(f64::NAN).unwrap_err().msg, "cannot convert float NaN to integer");
        assert!(float_to_int_trunc(9.3e18).is_err());
    }
}
