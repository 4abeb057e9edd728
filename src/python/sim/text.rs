//! The few rules of Python's text that the simulated API's answers depend on, as CPython 3.11
//! applies them, beyond what [`crate::python::format`] has: `str.isdigit()` and `int()` of such
//! strings (other scripts' digits, the 4300-digit limit), `repr()` of a str that may hold lone
//! surrogates (with the full table of printable characters), `str.encode("utf-8")`'s error on
//! surrogates, and the stand-in's `unquote`. The stand-in runs on CPython, so a URL a user types
//! with `²` or `١` in it must answer the same here.

use super::tables::{DIGIT_ONLY, NON_PRINTABLE};
use super::{ErrorKind, PyError};
use crate::python::format::{parse_float, py_isspace, unicode_decimal};

/// CPython's default `sys.get_int_max_str_digits()`: `int()` refuses longer strings of digits.
const INT_MAX_STR_DIGITS: usize = 4300;

/// A Python str as code points. Unlike a Rust `String` it can hold lone surrogates, which
/// `json.loads` makes of `"\ud800"` and which only fail later, when the str is encoded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct PyStr(pub(super) Vec<u32>);

impl From<&str> for PyStr {
    fn from(s: &str) -> Self {
        PyStr(s.chars().map(u32::from).collect())
    }
}

impl PyStr {
    /// `len(s)`.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// `s.encode("utf-8")` (as a Rust `String`), or the `UnicodeEncodeError` CPython raises for the
    /// first run of surrogates.
    pub(super) fn encode_utf8(&self) -> Result<String, PyError> {
        let mut out = String::with_capacity(self.0.len());
        for (i, &c) in self.0.iter().enumerate() {
            match char::from_u32(c) {
                Some(ch) => out.push(ch),
                None => {
                    let run = self.0[i..].iter().take_while(|&&c| char::from_u32(c).is_none()).count();
                    let message = if run == 1 {
                        format!(
                            "'utf-8' codec can't encode character '\\u{c:04x}' in position {i}: surrogates not allowed"
                        )
                    } else {
                        let last = i + run - 1;
                        format!("'utf-8' codec can't encode characters in position {i}-{last}: surrogates not allowed")
                    };
                    return Err(PyError { kind: ErrorKind::UnicodeEncodeError, message });
                }
            }
        }
        Ok(out)
    }
}

/// The inclusive range of `table` (sorted, disjoint) that holds `c`.
fn range_of(table: &[(u32, u32)], c: u32) -> Option<(u32, u32)> {
    let i = table.partition_point(|&(_, hi)| hi < c);
    table.get(i).copied().filter(|&(lo, _)| lo <= c)
}

/// `s.isdigit()`: not empty, and every character a digit (decimal or not: `²` is a digit).
pub(super) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| unicode_decimal(c).is_some() || range_of(DIGIT_ONLY, u32::from(c)).is_some())
}

/// `int(s)` for a string the caller found `isdigit()`: the value's decimal digits, without
/// leading zeros. CPython counts the leading decimal digits first (refusing more than 4300),
/// then refuses the string if anything follows them (`²` is a digit but not a decimal one).
pub(super) fn int_of_digits(s: &str) -> Result<String, PyError> {
    let leading = s.chars().take_while(|&c| unicode_decimal(c).is_some()).count();
    if leading > INT_MAX_STR_DIGITS {
        return Err(PyError {
            kind: ErrorKind::ValueError,
            message: format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value has {leading} \
                 digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        });
    }
    let digits: Option<String> = s.chars().map(|c| unicode_decimal(c).and_then(|d| char::from_digit(d, 10))).collect();
    let Some(digits) = digits else {
        // `%.200R`: the repr cut to 200 characters.
        let shown: String = repr(&PyStr::from(s)).chars().take(200).collect();
        return Err(PyError {
            kind: ErrorKind::ValueError,
            message: format!("invalid literal for int() with base 10: {shown}"),
        });
    };
    let trimmed = digits.trim_start_matches('0');
    Ok(if trimmed.is_empty() { "0".to_string() } else { trimmed.to_string() })
}

/// `float(s)`, other scripts' decimal digits included (`float("١.٥")` is 1.5, `float("²")` a
/// `ValueError`).
pub(super) fn float_of(s: &str) -> Result<f64, PyError> {
    parse_float(s).map_err(|e| PyError { kind: ErrorKind::ValueError, message: e.msg })
}

/// `int(s)` as an `f64`, the way `int * 2.5` converts it (correctly rounded; too large is
/// CPython's `OverflowError`). `digits` are plain ASCII digits, as [`int_of_digits`] returns them.
pub(super) fn int_to_float(digits: &str) -> Result<f64, PyError> {
    match digits.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(PyError { kind: ErrorKind::OverflowError, message: "int too large to convert to float".to_string() }),
    }
}

/// `len(s.split())`.
pub(super) fn word_count(s: &str) -> usize {
    s.split(py_isspace).filter(|w| !w.is_empty()).count()
}

/// `repr(s)` of a str: CPython's choice of quotes and escapes, with its table of printable
/// characters (the rest as `\xNN`, `\uNNNN` or `\UNNNNNNNN`).
pub(super) fn repr(s: &PyStr) -> String {
    let quote = if s.0.contains(&u32::from('\'')) && !s.0.contains(&u32::from('"')) { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for &c in &s.0 {
        match char::from_u32(c) {
            Some(ch) if ch == quote || ch == '\\' => {
                out.push('\\');
                out.push(ch);
            }
            Some('\t') => out.push_str("\\t"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some(ch) if (' '..='~').contains(&ch) => out.push(ch),
            Some(ch) if c > 0x7f && range_of(NON_PRINTABLE, c).is_none() => out.push(ch),
            _ if c <= 0xff => out.push_str(&format!("\\x{c:02x}")),
            _ if c <= 0xffff => out.push_str(&format!("\\u{c:04x}")),
            _ => out.push_str(&format!("\\U{c:08x}")),
        }
    }
    out.push(quote);
    out
}

/// The stand-in's `unquote` of a query key or value: `+` is a space, `%XX` a byte, every other
/// character its UTF-8 bytes; the bytes are then read as UTF-8 with U+FFFD for what is not.
pub(super) fn unquote(s: &str) -> String {
    let hex = |b: Option<&u8>| b.and_then(|&b| char::from(b).to_digit(16)).and_then(|d| u8::try_from(d).ok());
    let s = s.replace('+', " ");
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&byte) = b.get(i) {
        match (byte, hex(b.get(i + 1)), hex(b.get(i + 2))) {
            (b'%', Some(high), Some(low)) => {
                out.push(high * 16 + low);
                i += 3;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
