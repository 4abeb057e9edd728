//! Results and exceptions as Python shows them, so a run's output reads like the asyncio
//! program it mirrors: `['A done', 'B done']`, `TimeoutError()`, `ValueError('bad id 3')`.

use std::any::Any;
use std::fmt;
use std::rc::Rc;

/// What the Python engine attaches to an exception passing through the toolbox: its own
/// exception object, so `except` clauses, attributes and tracebacks survive a trip through
/// `gather` or a task's result.
pub trait Payload {
    /// `repr(e)`, as the engine shows it.
    fn repr(&self) -> String;
    fn as_any(&self) -> &dyn Any;
}

/// A Python-style exception: a class name and a message. Cheap to clone.
#[derive(Clone)]
pub struct Exception {
    kind: Rc<str>,
    message: Rc<str>,
    payload: Option<Rc<dyn Payload>>,
}

impl fmt::Debug for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.py_repr())
    }
}

/// Two exceptions are equal when they show the same (tests compare outcomes).
impl PartialEq for Exception {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.message == other.message
    }
}

impl Exception {
    pub fn new(kind: &str, message: impl AsRef<str>) -> Self {
        Exception { kind: Rc::from(kind), message: Rc::from(message.as_ref()), payload: None }
    }

    /// An exception carrying the engine's own object.
    pub fn with_payload(kind: &str, message: impl AsRef<str>, payload: Rc<dyn Payload>) -> Self {
        Exception { payload: Some(payload), ..Self::new(kind, message) }
    }

    pub fn payload(&self) -> Option<&Rc<dyn Payload>> {
        self.payload.as_ref()
    }

    /// What `asyncio.wait_for` raises when the time is up.
    pub fn timeout() -> Self {
        Self::new("TimeoutError", "")
    }

    /// What awaiting a cancelled task raises.
    pub fn cancelled() -> Self {
        Self::new("CancelledError", "")
    }

    /// `CancelledError(msg)`, as `task.cancel(msg)` makes it.
    pub fn cancelled_with(msg: Option<&str>) -> Self {
        Self::new("CancelledError", msg.unwrap_or(""))
    }

    pub fn value_error(message: impl AsRef<str>) -> Self {
        Self::new("ValueError", message)
    }

    pub fn kind(&self) -> &str {
        &self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn is_cancelled(&self) -> bool {
        &*self.kind == "CancelledError"
    }

    pub fn is_timeout(&self) -> bool {
        &*self.kind == "TimeoutError"
    }
}

/// `str(e)` in Python: the message alone.
impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The result type of every coroutine: a value, or an exception raised out of it.
pub type PyResult<T> = Result<T, Exception>;

/// `repr()` as Python would print it.
pub trait PyRepr {
    fn py_repr(&self) -> String;
}

impl PyRepr for Exception {
    fn py_repr(&self) -> String {
        if let Some(p) = &self.payload {
            return p.repr();
        }
        if self.message.is_empty() {
            format!("{}()", self.kind)
        } else {
            format!("{}({})", self.kind, self.message.py_repr())
        }
    }
}

impl PyRepr for str {
    fn py_repr(&self) -> String {
        // Python prefers single quotes, and switches to double when the text has a ' but no ".
        let quote = if self.contains('\'') && !self.contains('"') { '"' } else { '\'' };
        let mut out = String::with_capacity(self.len() + 2);
        out.push(quote);
        for c in self.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c == quote => {
                    out.push('\\');
                    out.push(c);
                }
                c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push(quote);
        out
    }
}

impl PyRepr for String {
    fn py_repr(&self) -> String {
        self.as_str().py_repr()
    }
}

impl PyRepr for Rc<str> {
    fn py_repr(&self) -> String {
        (**self).py_repr()
    }
}

impl PyRepr for f64 {
    fn py_repr(&self) -> String {
        if self.is_nan() {
            "nan".into()
        } else if self.is_infinite() {
            if *self > 0.0 { "inf" } else { "-inf" }.into()
        } else {
            // Rust's `{:?}` is the shortest round-trip form with a trailing `.0`, as Python's;
            // Python writes exponents signed and with two digits at least (1e-07, 1e+16).
            let s = format!("{self:?}");
            match s.split_once('e') {
                Some((mantissa, exp)) => {
                    let (sign, digits) = exp.strip_prefix('-').map_or(("+", exp), |d| ("-", d));
                    format!("{mantissa}e{sign}{digits:0>2}")
                }
                None => s,
            }
        }
    }
}

impl PyRepr for bool {
    fn py_repr(&self) -> String {
        if *self { "True" } else { "False" }.into()
    }
}

impl PyRepr for () {
    fn py_repr(&self) -> String {
        "None".into()
    }
}

macro_rules! int_repr {
    ($($t:ty),*) => {$(
        impl PyRepr for $t {
            fn py_repr(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
int_repr!(i32, i64, u32, u64, usize);

impl<T: PyRepr> PyRepr for Option<T> {
    fn py_repr(&self) -> String {
        self.as_ref().map_or_else(|| "None".into(), PyRepr::py_repr)
    }
}

impl<T: PyRepr> PyRepr for Vec<T> {
    fn py_repr(&self) -> String {
        let items: Vec<String> = self.iter().map(PyRepr::py_repr).collect();
        format!("[{}]", items.join(", "))
    }
}

macro_rules! tuple_repr {
    ($($name:ident),+) => {
        impl<$($name: PyRepr),+> PyRepr for ($($name,)+) {
            #[allow(non_snake_case)]
            fn py_repr(&self) -> String {
                let ($($name,)+) = self;
                let items: Vec<String> = vec![$($name.py_repr()),+];
                format!("({})", items.join(", "))
            }
        }
    };
}
tuple_repr!(A, B);
tuple_repr!(A, B, C);

/// A value already shown as Python would (the demos' `main` results, whatever their type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repr(pub String);

impl PyRepr for Repr {
    fn py_repr(&self) -> String {
        self.0.clone()
    }
}

/// A result inside a list is what `gather(..., return_exceptions=True)` returns: the value, or
/// the exception object in its place.
impl<T: PyRepr> PyRepr for PyResult<T> {
    fn py_repr(&self) -> String {
        match self {
            Ok(v) => v.py_repr(),
            Err(e) => e.py_repr(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_python() {
        assert_eq!(vec!["A done".to_string(), "B done".into()].py_repr(), "['A done', 'B done']");
        assert_eq!("it's".py_repr(), "\"it's\"");
        assert_eq!("a\nb\\".py_repr(), "'a\\nb\\\\'");
        assert_eq!(1.0f64.py_repr(), "1.0");
        assert_eq!(0.1f64.py_repr(), "0.1");
        assert_eq!(1e-7f64.py_repr(), "1e-07");
        assert_eq!(1e16f64.py_repr(), "1e+16");
        assert_eq!(Exception::timeout().py_repr(), "TimeoutError()");
        assert_eq!(Exception::value_error("bad id 3").py_repr(), "ValueError('bad id 3')");
        let mixed: Vec<PyResult<i64>> = vec![Ok(1), Err(Exception::value_error("no"))];
        assert_eq!(mixed.py_repr(), "[1, ValueError('no')]");
        assert_eq!((Some(2u32), true).py_repr(), "(2, True)");
        assert_eq!(None::<u32>.py_repr(), "None");
    }
}
