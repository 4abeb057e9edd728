//! Python's number and string formatting, and the number semantics around it, exactly as
//! CPython 3.11 does them, on plain Rust types (`i64`, `f64`, `&str`): the interpreter wraps
//! these in its own objects and turns a [`Raise`] into the Python exception it names.
//!
//! - [`digits`]: `repr(float)` and the fixed / exponent / general conversions
//!   (CPython's `PyOS_double_to_string`), correctly rounded from the exact binary value;
//! - [`spec`]: the format-spec mini-language (`format()`, `str.format`, f-strings);
//! - [`percent`]: printf-style formatting (`%` on str);
//! - [`arith`]: `round`, `//`, `%`, `divmod`, `**`, `/`, `hash` with Python's rules and messages;
//! - [`parse`]: `int(str, base)`, `float(str)`, `bin`/`oct`/`hex`, `repr(str)`.
//!
//! Limits (CPython would try and raise `MemoryError`; we refuse up front so that user input can
//! never make the page allocate gigabytes): a field width or a float precision above
//! [`MAX_FIELD`] raises `MemoryError` with a message saying so.

pub mod arith;
pub mod digits;
pub mod parse;
pub mod percent;
pub mod spec;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod no_panic_tests;
#[cfg(test)]
mod oracle_cases;
#[cfg(test)]
pub(crate) mod oracle_tests;

pub use arith::*;
pub use digits::float_repr;
pub use parse::*;
pub use percent::{parse_percent, percent_one, Count, PercentArg, PercentFlags, PercentSpec, Piece};
pub use spec::{
    format_bool, format_float, format_int, format_int_digits, format_object, format_str, parse_spec, Spec, Target,
};

use std::fmt;

/// The widest field (and the largest float precision) we format: a million characters.
pub const MAX_FIELD: usize = 1_000_000;

/// The Python exception class a failed operation raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exc {
    ValueError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
    MemoryError,
    IndexError,
    /// No CPython exception: CPython succeeds here but this interpreter cannot (a complex result,
    /// a seed it cannot hash); the interpreter should say so plainly, e.g. as NotImplementedError.
    Unsupported,
}

/// "Raise `kind(msg)`": the error of every fallible function here, with CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raise {
    pub kind: Exc,
    pub msg: String,
}

impl Raise {
    pub fn new(kind: Exc, msg: impl Into<String>) -> Self {
        Raise { kind, msg: msg.into() }
    }
    pub fn value(msg: impl Into<String>) -> Self {
        Raise::new(Exc::ValueError, msg)
    }
    pub fn type_error(msg: impl Into<String>) -> Self {
        Raise::new(Exc::TypeError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Raise::new(Exc::OverflowError, msg)
    }
    pub fn zero_div(msg: impl Into<String>) -> Self {
        Raise::new(Exc::ZeroDivisionError, msg)
    }
}

impl fmt::Display for Raise {
    /// As Python's traceback prints the last line: `ValueError: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

/// Refuses a field wider than [`MAX_FIELD`] (see the module comment).
fn check_field(n: u64) -> Result<(), Raise> {
    if n > MAX_FIELD as u64 {
        return Err(Raise::new(
            Exc::MemoryError,
            format!("format field of {n} characters is over this interpreter's limit of {MAX_FIELD}"),
        ));
    }
    Ok(())
}
