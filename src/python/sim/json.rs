//! Just enough of Python's `json` for the simulated API: `json.loads` of a request body (the C
//! scanner's grammar: `NaN`, `Infinity`, `\ud800`, the 4300-digit int limit, repeated keys keeping
//! their first place), `json.dumps` with its defaults (`", "`, `": "`, ASCII only), and `str()` of
//! a decoded value (the LLM's `model`). Private to the simulator: the interpreter's `json` module
//! has to handle Python objects, not these values.

use std::hash::BuildHasherDefault;

use indexmap::IndexMap;
use rustc_hash::FxHasher;

use super::text::{repr, PyStr};
use crate::python::format::float_repr;

/// A JSON object as `json.loads` makes it: a dict, in first-insertion order.
pub(super) type Dict = IndexMap<PyStr, Json, BuildHasherDefault<FxHasher>>;

/// How deep arrays and objects may nest in a body. CPython stops near its recursion limit
/// (1000 frames, minus the caller's), which depends on the program; here the limit is fixed
/// and lower, so that parsing, writing and dropping a value stay well within any stack.
const MAX_DEPTH: usize = 200;

/// The Python value `json.loads` makes of a JSON text.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Json {
    Null,
    Bool(bool),
    /// An int, in decimal (`-12`): a JSON int may have up to 4300 digits.
    Int(String),
    Float(f64),
    Str(PyStr),
    List(Vec<Json>),
    Dict(Dict),
}

/// Why `json.loads` failed.
#[derive(Debug, PartialEq)]
pub(super) enum LoadError {
    /// A `ValueError` (`json.JSONDecodeError`, or an int over 4300 digits): the stand-in catches it.
    Invalid,
    /// CPython's `RecursionError` (the stand-in lets it through), with the container it was in:
    /// "array" or "object".
    TooDeep(&'static str),
}

impl Json {
    /// A str value.
    pub(super) fn str(s: &str) -> Json {
        Json::Str(PyStr::from(s))
    }

    /// An int value.
    pub(super) fn int(i: u64) -> Json {
        Json::Int(i.to_string())
    }

    /// A dict with these keys, in this order.
    pub(super) fn dict<const N: usize>(pairs: [(&str, Json); N]) -> Json {
        Json::Dict(pairs.into_iter().map(|(k, v)| (PyStr::from(k), v)).collect())
    }

    /// `d.get(key)` of a dict; `None` for anything else.
    pub(super) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Dict(d) => d.get(&PyStr::from(key)),
            _ => None,
        }
    }

    /// Whether this is the str `s`.
    pub(super) fn is_str(&self, s: &str) -> bool {
        matches!(self, Json::Str(p) if *p == PyStr::from(s))
    }

    /// `type(v).__name__`.
    pub(super) fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "NoneType",
            Json::Bool(_) => "bool",
            Json::Int(_) => "int",
            Json::Float(_) => "float",
            Json::Str(_) => "str",
            Json::List(_) => "list",
            Json::Dict(_) => "dict",
        }
    }
}

/// `json.loads(text)`.
pub(super) fn loads(text: &str) -> Result<Json, LoadError> {
    let mut p = Parser { text, pos: 0 };
    p.skip_ws();
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos == text.len() {
        Ok(value)
    } else {
        Err(LoadError::Invalid)
    }
}

struct Parser<'a> {
    text: &'a str,
    /// A byte offset, always at a character boundary.
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `word` if the text goes on with it.
    fn eat(&mut self, word: &str) -> bool {
        let found = self.text.as_bytes().get(self.pos..).is_some_and(|rest| rest.starts_with(word.as_bytes()));
        if found {
            self.pos += word.len();
        }
        found
    }

    /// One value at `self.pos`, inside `depth` containers.
    fn value(&mut self, depth: usize) -> Result<Json, LoadError> {
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                self.string().map(Json::Str)
            }
            Some(open @ (b'[' | b'{')) => {
                let what = if open == b'[' { "array" } else { "object" };
                if depth >= MAX_DEPTH {
                    return Err(LoadError::TooDeep(what));
                }
                self.pos += 1;
                if open == b'[' {
                    self.array(depth + 1)
                } else {
                    self.object(depth + 1)
                }
            }
            _ if self.eat("null") => Ok(Json::Null),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ if self.eat("NaN") => Ok(Json::Float(f64::NAN)),
            _ if self.eat("Infinity") => Ok(Json::Float(f64::INFINITY)),
            _ if self.eat("-Infinity") => Ok(Json::Float(f64::NEG_INFINITY)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(LoadError::Invalid),
        }
    }

    /// After `[`.
    fn array(&mut self, depth: usize) -> Result<Json, LoadError> {
        let mut items = Vec::new();
        self.skip_ws();
        if self.eat("]") {
            return Ok(Json::List(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_ws();
            if self.eat("]") {
                return Ok(Json::List(items));
            }
            if !self.eat(",") {
                return Err(LoadError::Invalid);
            }
            self.skip_ws();
        }
    }

    /// After `{`.
    fn object(&mut self, depth: usize) -> Result<Json, LoadError> {
        let mut dict = Dict::default();
        self.skip_ws();
        if self.eat("}") {
            return Ok(Json::Dict(dict));
        }
        loop {
            if !self.eat("\"") {
                return Err(LoadError::Invalid);
            }
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(":") {
                return Err(LoadError::Invalid);
            }
            self.skip_ws();
            let value = self.value(depth)?;
            // A repeated key keeps its first place and takes the last value, as in a dict.
            dict.insert(key, value);
            self.skip_ws();
            if self.eat("}") {
                return Ok(Json::Dict(dict));
            }
            if !self.eat(",") {
                return Err(LoadError::Invalid);
            }
            self.skip_ws();
        }
    }

    /// The rest of a string, after its opening quote.
    fn string(&mut self) -> Result<PyStr, LoadError> {
        let mut out = Vec::new();
        loop {
            let c = self.text.get(self.pos..).and_then(|rest| rest.chars().next()).ok_or(LoadError::Invalid)?;
            self.pos += c.len_utf8();
            match c {
                '"' => return Ok(PyStr(out)),
                '\\' => out.push(self.escape()?),
                '\0'..='\x1f' => return Err(LoadError::Invalid),
                _ => out.push(u32::from(c)),
            }
        }
    }

    /// The code point of an escape, after its backslash; `\uD83D\uDE00` is one code point, while
    /// a surrogate without its partner stays alone.
    fn escape(&mut self) -> Result<u32, LoadError> {
        let c = self.peek().ok_or(LoadError::Invalid)?;
        self.pos += 1;
        Ok(match c {
            b'"' | b'\\' | b'/' => u32::from(c),
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => 0x0a,
            b'r' => 0x0d,
            b't' => 0x09,
            b'u' => {
                let high = self.hex4()?;
                if (0xd800..0xdc00).contains(&high) {
                    let save = self.pos;
                    if self.eat("\\u") {
                        if let Some(low) = self.hex4().ok().filter(|low| (0xdc00..0xe000).contains(low)) {
                            return Ok(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00));
                        }
                    }
                    self.pos = save;
                }
                high
            }
            _ => return Err(LoadError::Invalid),
        })
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u32, LoadError> {
        let digits = self.text.as_bytes().get(self.pos..self.pos + 4).ok_or(LoadError::Invalid)?;
        let mut value = 0;
        for &d in digits {
            value = value * 16 + char::from(d).to_digit(16).ok_or(LoadError::Invalid)?;
        }
        self.pos += 4;
        Ok(value)
    }

    /// A number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, an int unless it has a
    /// fraction or an exponent.
    fn number(&mut self) -> Result<Json, LoadError> {
        let b = self.text.as_bytes();
        let start = self.pos;
        let digits_from = |mut i: usize| {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            i
        };
        let mut i = start + usize::from(b.get(start) == Some(&b'-'));
        let int_start = i;
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits_from(i),
            _ => return Err(LoadError::Invalid),
        }
        let int_end = i;
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i = digits_from(i + 1);
            is_float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'-' | b'+')) {
                j += 1;
            }
            let end = digits_from(j);
            if end > j {
                i = end;
                is_float = true;
            }
        }
        self.pos = i;
        let literal = self.text.get(start..i).ok_or(LoadError::Invalid)?;
        if is_float {
            return literal.parse::<f64>().map(Json::Float).map_err(|_| LoadError::Invalid);
        }
        if int_end - int_start > 4300 {
            return Err(LoadError::Invalid);
        }
        Ok(Json::Int(if literal == "-0" { "0".to_string() } else { literal.to_string() }))
    }
}

/// `json.dumps(value)`.
pub(super) fn dumps(value: &Json) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(digits) => out.push_str(digits),
        Json::Float(x) if x.is_nan() => out.push_str("NaN"),
        Json::Float(x) if x.is_infinite() => out.push_str(if *x > 0.0 { "Infinity" } else { "-Infinity" }),
        Json::Float(x) => out.push_str(&float_repr(*x)),
        Json::Str(s) => write_str(s, out),
        Json::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(item, out);
            }
            out.push(']');
        }
        Json::Dict(dict) => {
            out.push('{');
            for (i, (key, item)) in dict.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str(key, out);
                out.push_str(": ");
                write(item, out);
            }
            out.push('}');
        }
    }
}

/// A str as `json.dumps` writes it with `ensure_ascii=True`: everything outside printable ASCII
/// as `\uXXXX` (lowercase hex), beyond the BMP as a surrogate pair.
fn write_str(s: &PyStr, out: &mut String) {
    out.push('"');
    for &c in &s.0 {
        match char::from_u32(c) {
            Some('"') => out.push_str("\\\""),
            Some('\\') => out.push_str("\\\\"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some('\x08') => out.push_str("\\b"),
            Some('\x0c') => out.push_str("\\f"),
            Some(ch @ ' '..='~') => out.push(ch),
            _ if c >= 0x10000 => {
                let v = c - 0x10000;
                out.push_str(&format!("\\u{:04x}\\u{:04x}", 0xd800 | (v >> 10), 0xdc00 | (v & 0x3ff)));
            }
            _ => out.push_str(&format!("\\u{c:04x}")),
        }
    }
    out.push('"');
}

/// `str(value)`: a str itself, anything else its `repr()` (`None`, `True`, `inf`, `['a', 1]`).
pub(super) fn str_of(value: &Json) -> PyStr {
    match value {
        Json::Str(s) => s.clone(),
        _ => {
            let mut out = String::new();
            write_repr(value, &mut out);
            PyStr::from(out.as_str())
        }
    }
}

fn write_repr(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("None"),
        Json::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Json::Int(digits) => out.push_str(digits),
        Json::Float(x) => out.push_str(&float_repr(*x)),
        Json::Str(s) => out.push_str(&repr(s)),
        Json::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(item, out);
            }
            out.push(']');
        }
        Json::Dict(dict) => {
            out.push('{');
            for (i, (key, item)) in dict.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr(key));
                out.push_str(": ");
                write_repr(item, out);
            }
            out.push('}');
        }
    }
}
