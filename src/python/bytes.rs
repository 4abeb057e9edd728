//! `bytes` and `bytearray`: construction (`bytes(3)`, `bytes([1, 2])`, `bytes("é", "utf-8")`),
//! CPython's repr, indexing (an int) and slicing, iteration, `in`, `+`, `*`, comparisons, the
//! methods tutorials use, `bytearray`'s mutation, and `int.to_bytes`/`int.from_bytes`. `bytes`
//! hash by content as dict keys and set members; a `bytearray` is unhashable.

use std::any::Any;
use std::cell::RefCell;
use std::cmp::Ordering;

use super::builtins::expect;
use super::interp::{Interp, PyErr, R};
use super::ir::{BinOp, Name};
use super::objects::{method, Iter, IterState, SliceObj};
use super::ops;
use super::value::*;

/// An immutable `bytes` object.
pub struct Bytes(pub Vec<u8>);

/// A `bytearray`: `bytes` that can change in place (and so cannot be a dict key).
pub struct ByteArray(pub RefCell<Vec<u8>>);

/// The bytes of a `bytes` or `bytearray` (a copy), and whether it was a `bytearray`.
pub fn bytes_of(v: &Value) -> Option<(Vec<u8>, bool)> {
    if let Some(b) = v.downcast::<Bytes>() {
        return Some((b.0.clone(), false));
    }
    v.downcast::<ByteArray>().map(|b| (b.0.borrow().clone(), true))
}

/// A `bytes`, or a `bytearray` when `array`.
fn make(array: bool, data: Vec<u8>) -> Value {
    if array {
        Value::object(ByteArray(RefCell::new(data)))
    } else {
        Value::object(Bytes(data))
    }
}

fn type_word(array: bool) -> &'static str {
    if array {
        "bytearray"
    } else {
        "bytes"
    }
}

/// CPython's repr of bytes: single quotes unless the bytes hold a `'` and no `"`. A
/// bytearray's escapes a `'` even inside double quotes, as CPython's does.
fn repr_bytes(data: &[u8], array: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if b == quote || (array && b == b'\'') => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `data[index]`: an int, or a slice of the same type.
fn get_item(interp: &Interp, data: &[u8], array: bool, index: &Value) -> R<Value> {
    if let Some(s) = index.downcast::<SliceObj>() {
        let (start, stop, step) = ops::slice_indices(interp, s, data.len())?;
        let out = ops::slice_positions(start, stop, step).filter_map(|i| data.get(i).copied()).collect();
        return Ok(make(array, out));
    }
    let i = ops::to_index(interp, index)?;
    let at = if i < 0 { i.checked_add(data.len() as i64) } else { Some(i) };
    match at.and_then(|i| usize::try_from(i).ok()).and_then(|i| data.get(i)) {
        Some(&b) => Ok(Value::Int(b as i64)),
        None => Err(interp.index_error(if array { "bytearray index out of range" } else { "index out of range" })),
    }
}

/// `item in data`: a byte value or a run of bytes.
fn contains(interp: &Interp, data: &[u8], item: &Value) -> R<bool> {
    match item {
        Value::Int(_) | Value::Bool(_) => Ok(data.contains(&byte_value(interp, item)?)),
        _ => {
            let needle = bytes_like(interp, item)?;
            Ok(find(data, &needle, 0).is_some())
        }
    }
}

/// An int in 0..256, as a byte.
fn byte_value(interp: &Interp, v: &Value) -> R<u8> {
    let i = ops::to_index(interp, v)?;
    u8::try_from(i).map_err(|_| interp.value_error("byte must be in range(0, 256)"))
}

/// The bytes of an argument that must be bytes-like, with CPython's error otherwise.
fn bytes_like(interp: &Interp, v: &Value) -> R<Vec<u8>> {
    bytes_of(v)
        .map(|(d, _)| d)
        .ok_or_else(|| interp.type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let (mut n, mut at) = (0, 0);
    while let Some(p) = find(hay, needle, at) {
        n += 1;
        at = p + needle.len();
    }
    n
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn encoding_name(interp: &Interp, v: Option<&Value>) -> R<String> {
    match v {
        None => Ok("utf-8".into()),
        Some(Value::Str(s)) => Ok(s.to_lowercase().replace('_', "-")),
        Some(other) => Err(interp.type_error(format!("encoding must be str, not {}", other.type_name()))),
    }
}

/// `str.encode(encoding)`: UTF-8, ASCII or Latin-1, strictly.
pub fn encode(interp: &Interp, s: &str, encoding: Option<&Value>) -> R<Vec<u8>> {
    let name = encoding_name(interp, encoding)?;
    let limit = match name.as_str() {
        "utf-8" | "utf8" => return Ok(s.as_bytes().to_vec()),
        "ascii" | "us-ascii" => 128,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => 256,
        _ => return Err(unknown_codec(interp, &name)),
    };
    let codec = if limit == 128 { "ascii" } else { "latin-1" };
    let chars: Vec<char> = s.chars().collect();
    let fits = |c: &char| (*c as u32) < limit;
    let Some(first) = chars.iter().position(|c| !fits(c)) else {
        return Ok(chars.into_iter().map(|c| c as u8).collect());
    };
    // CPython names the whole run of characters the codec cannot encode.
    let run = chars.iter().skip(first).take_while(|c| !fits(c)).count();
    let what = match chars.get(first) {
        Some(&c) if run == 1 => format!("character '{}' in position {first}", ops::ascii(&c.to_string())),
        _ => format!("characters in position {first}-{}", first + run - 1),
    };
    Err(interp.err("UnicodeEncodeError", format!("'{codec}' codec can't encode {what}: ordinal not in range({limit})")))
}

/// `bytes.decode(encoding, errors)`: UTF-8 (strict, `replace` or `ignore`), ASCII or Latin-1.
fn decode(interp: &Interp, data: &[u8], encoding: Option<&Value>, errors: Option<&Value>) -> R<String> {
    let name = encoding_name(interp, encoding)?;
    let errors = match errors {
        Some(Value::Str(e)) => e.to_string(),
        _ => "strict".into(),
    };
    match name.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(data) {
            Ok(s) => Ok(s.to_string()),
            Err(_) if errors == "replace" => Ok(String::from_utf8_lossy(data).into_owned()),
            Err(_) if errors == "ignore" => {
                Ok(String::from_utf8_lossy(data).chars().filter(|&c| c != char::REPLACEMENT_CHARACTER).collect())
            }
            Err(e) => {
                let at = e.valid_up_to();
                let byte = data.get(at).copied().unwrap_or(0);
                let why = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0xc2..=0xf4).contains(&byte) => "invalid continuation byte",
                    Some(_) => "invalid start byte",
                };
                Err(interp.err(
                    "UnicodeDecodeError",
                    format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {at}: {why}"),
                ))
            }
        },
        "ascii" | "us-ascii" => match data.iter().position(|&b| b >= 128) {
            Some(at) if errors == "strict" => Err(interp.err(
                "UnicodeDecodeError",
                format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {at}: ordinal not in range(128)",
                    data[at]
                ),
            )),
            _ => Ok(data
                .iter()
                .filter_map(|&b| match b {
                    0..=127 => Some(b as char),
                    _ if errors == "replace" => Some(char::REPLACEMENT_CHARACTER),
                    _ => None,
                })
                .collect()),
        },
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => Ok(data.iter().map(|&b| b as char).collect()),
        _ => Err(unknown_codec(interp, &name)),
    }
}

/// CPython's error for a codec it does not know; one it knows but this engine lacks says so.
fn unknown_codec(interp: &Interp, name: &str) -> PyErr {
    let known = ["utf-16", "utf-32", "utf-7", "cp", "windows-", "iso-8859-", "iso8859-", "koi8", "mac-", "gb", "big5"];
    if known.iter().any(|k| name.starts_with(k)) || matches!(name, "shift-jis" | "euc-jp" | "euc-kr" | "idna") {
        return interp.err(
            "LookupError",
            format!("the {name} codec is not supported by Interleave (only utf-8, ascii and latin-1 are)"),
        );
    }
    interp.err("LookupError", format!("unknown encoding: {name}"))
}

/// `str(b, encoding, errors)`: the bytes decoded.
pub fn str_from_bytes(interp: &Interp, a: &Args) -> R<Value> {
    let source = arg(a, 0, "object").cloned().unwrap_or_else(|| Value::str(""));
    match bytes_of(&source) {
        Some((d, _)) => Ok(Value::str(&decode(interp, &d, arg(a, 1, "encoding"), arg(a, 2, "errors"))?)),
        None if matches!(source, Value::Str(_)) => Err(interp.type_error("decoding str is not supported")),
        None => {
            Err(interp.type_error(format!("decoding to str: need a bytes-like object, {} found", source.type_name())))
        }
    }
}

/// `bytes.fromhex(s)`: pairs of hex digits, spaces allowed between them.
fn from_hex(interp: &Interp, s: &str) -> R<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |at: usize| interp.value_error(format!("non-hexadecimal number found in fromhex() arg at position {at}"));
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16)).ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// The methods of bytes and bytearray; those that make bytes make the receiver's type.
fn method_fn(name: &str, array: bool) -> Option<BuiltinFn> {
    Some(match name {
        "decode" => |i, a| {
            let (d, _) = this(i, &a)?;
            Ok(Value::str(&decode(i, &d, arg(&a, 1, "encoding"), arg(&a, 2, "errors"))?))
        },
        "hex" => |i, a| {
            let (d, _) = this(i, &a)?;
            Ok(Value::str(&hex(i, &d, &a)?))
        },
        "startswith" => |i, a| affix(i, a, true),
        "endswith" => |i, a| affix(i, a, false),
        "find" => |i, a| Ok(Value::Int(search(i, &a, "find", false)?.map_or(-1, |p| p as i64))),
        "rfind" => |i, a| Ok(Value::Int(search(i, &a, "rfind", true)?.map_or(-1, |p| p as i64))),
        "index" => |i, a| {
            search(i, &a, "index", false)?
                .map(|p| Value::Int(p as i64))
                .ok_or_else(|| i.value_error("subsection not found"))
        },
        "rindex" => |i, a| {
            search(i, &a, "rindex", true)?
                .map(|p| Value::Int(p as i64))
                .ok_or_else(|| i.value_error("subsection not found"))
        },
        "count" => |i, a| {
            let (d, needle, window) = search_args(i, &a, "count")?;
            Ok(Value::Int(window.map_or(0, |(lo, hi)| count(&d[lo..hi], &needle)) as i64))
        },
        "upper" => |i, a| {
            let (d, array) = this(i, &a)?;
            Ok(make(array, d.to_ascii_uppercase()))
        },
        "lower" => |i, a| {
            let (d, array) = this(i, &a)?;
            Ok(make(array, d.to_ascii_lowercase()))
        },
        "strip" => |i, a| strip(i, a, true, true),
        "lstrip" => |i, a| strip(i, a, true, false),
        "rstrip" => |i, a| strip(i, a, false, true),
        "split" => split,
        "join" => join,
        "replace" => replace,
        "isdigit" => |i, a| Ok(Value::Bool(all_bytes(i, &a, |b| b.is_ascii_digit())?)),
        "isalpha" => |i, a| Ok(Value::Bool(all_bytes(i, &a, |b| b.is_ascii_alphabetic())?)),
        "isspace" => |i, a| Ok(Value::Bool(all_bytes(i, &a, is_space)?)),
        "append" if array => |i, a| {
            expect(i, &a, "append", 2, 2)?;
            let b = byte_value(i, &a.pos[1])?;
            let target = array_of(i, &a)?;
            ops::check_size(i, target.0.borrow().len() + 1)?;
            target.0.borrow_mut().push(b);
            Ok(Value::None)
        },
        "extend" if array => |i, a| {
            expect(i, &a, "extend", 2, 2)?;
            extend(i, &a.pos[0], &a.pos[1])?;
            Ok(Value::None)
        },
        "pop" if array => |i, a| {
            let target = array_of(i, &a)?;
            let at = match a.pos.get(1) {
                Some(v) => ops::to_index(i, v)?,
                None => -1,
            };
            let mut data = target.0.borrow_mut();
            let len = data.len() as i64;
            if len == 0 {
                return Err(i.index_error("pop from empty bytearray"));
            }
            let at = if at < 0 { at.saturating_add(len) } else { at };
            if !(0..len).contains(&at) {
                return Err(i.index_error("pop index out of range"));
            }
            Ok(Value::Int(data.remove(at as usize) as i64))
        },
        "clear" if array => |i, a| {
            array_of(i, &a)?.0.borrow_mut().clear();
            Ok(Value::None)
        },
        _ => return None,
    })
}

fn arg<'a>(a: &'a Args, at: usize, name: &str) -> Option<&'a Value> {
    a.pos.get(at).or_else(|| a.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
}

fn this(interp: &Interp, a: &Args) -> R<(Vec<u8>, bool)> {
    a.pos.first().and_then(bytes_of).ok_or_else(|| interp.type_error("method called on the wrong object"))
}

fn array_of<'a>(interp: &Interp, a: &'a Args) -> R<&'a ByteArray> {
    super::objects::self_of::<ByteArray>(interp, a)
}

/// `hex(sep=…, bytes_per_sep=1)`: two digits a byte, `sep` between groups of
/// `|bytes_per_sep|` bytes counted from the right end (from the left when negative).
fn hex(interp: &Interp, d: &[u8], a: &Args) -> R<String> {
    let n = a.pos.len().saturating_sub(1);
    if n > 2 {
        return Err(interp.type_error(format!("hex() takes at most 2 arguments ({n} given)")));
    }
    let digits = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let Some(sep) = arg(a, 1, "sep") else { return Ok(digits(d)) };
    // Its length first, whatever it is, as CPython checks.
    if ops::len(interp, sep)? != 1 {
        return Err(interp.value_error("sep must be length 1."));
    }
    let sep = match sep {
        Value::Str(s) => s.chars().next().filter(char::is_ascii),
        v => match bytes_of(v) {
            Some((b, false)) => b.first().filter(|b| b.is_ascii()).map(|b| *b as char),
            _ => return Err(interp.type_error("sep must be str or bytes.")),
        },
    }
    .ok_or_else(|| interp.value_error("sep must be ASCII."))?;
    let per = match arg(a, 2, "bytes_per_sep") {
        None => 1,
        // A C int in CPython.
        Some(v) => match ops::to_index(interp, v) {
            Ok(x) => i32::try_from(x).ok(),
            Err(_) if matches!(v, Value::BigInt(_)) => None,
            Err(e) => return Err(e),
        }
        .ok_or_else(|| interp.err("OverflowError", "Python int too large to convert to C int"))?,
    };
    let group = per.unsigned_abs() as usize;
    if group == 0 || d.len() <= group {
        return Ok(digits(d));
    }
    // The short group goes at the end opposite to where counting starts.
    let first = if per > 0 && !d.len().is_multiple_of(group) { d.len() % group } else { group };
    let mut out = digits(&d[..first]);
    for chunk in d[first..].chunks(group) {
        out.push(sep);
        out.push_str(&digits(chunk));
    }
    Ok(out)
}

/// A search's `[start:end]` as positions, `None` when it holds nothing.
type Window = Option<(usize, usize)>;

/// The receiver, the needle and the window of `find`, `rfind`, `index`, `rindex` and `count`.
fn search_args(interp: &Interp, a: &Args, name: &str) -> R<(Vec<u8>, Vec<u8>, Window)> {
    let (d, _) = this(interp, a)?;
    arg_count(interp, a, name)?;
    // The bounds first, as CPython parses them before it checks the needle.
    let window = window(interp, d.len(), a)?;
    let needle = needle(interp, a, name)?;
    Ok((d, needle, window))
}

/// Where the needle first (or last) is within the window.
fn search(interp: &Interp, a: &Args, name: &str, last: bool) -> R<Option<usize>> {
    let (d, needle, window) = search_args(interp, a, name)?;
    let Some((lo, hi)) = window else { return Ok(None) };
    let hay = &d[lo..hi];
    let at = if !last {
        find(hay, &needle, 0)
    } else if needle.is_empty() {
        Some(hay.len())
    } else {
        hay.windows(needle.len()).rposition(|w| w == needle)
    };
    Ok(at.map(|p| p + lo))
}

/// A search's needle (or prefix) and its optional start and end.
fn arg_count(interp: &Interp, a: &Args, name: &str) -> R<()> {
    match a.pos.len().saturating_sub(1) {
        0 => Err(interp.type_error(format!("{name}() takes at least 1 argument (0 given)"))),
        n if n > 3 => Err(interp.type_error(format!("{name}() takes at most 3 arguments ({n} given)"))),
        _ => Ok(()),
    }
}

/// The optional start and end after the needle, counted from the end when negative, the end
/// clamped to `len` (a start past it leaves nothing, not even an empty match).
fn window(interp: &Interp, len: usize, a: &Args) -> R<Window> {
    let n = len as i64;
    let bound = |at: usize| -> R<Option<i64>> {
        match a.pos.get(at) {
            None | Some(Value::None) => Ok(None),
            Some(v) => {
                let x =
                    ops::slice_index(interp, v, "slice indices must be integers or None or have an __index__ method")?;
                Ok(Some(if x < 0 { (x + n).max(0) } else { x }))
            }
        }
    };
    let (lo, hi) = (bound(2)?.unwrap_or(0), bound(3)?.map_or(n, |x| x.min(n)));
    Ok((lo <= hi).then_some((lo as usize, hi as usize)))
}

/// The argument of `find`, `index` or `count`: bytes, or one byte as an int.
fn needle(interp: &Interp, a: &Args, name: &str) -> R<Vec<u8>> {
    match a.pos.get(1) {
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Ok(vec![byte_value(interp, v)?]),
        Some(v) => bytes_of(v).map(|(d, _)| d).ok_or_else(|| {
            interp.type_error(format!("argument should be integer or bytes-like object, not '{}'", v.type_name()))
        }),
        None => Err(interp.type_error(format!("{name}() takes at least 1 argument (0 given)"))),
    }
}

fn all_bytes(interp: &Interp, a: &Args, test: fn(u8) -> bool) -> R<bool> {
    let (d, _) = this(interp, a)?;
    Ok(!d.is_empty() && d.into_iter().all(test))
}

fn affix(interp: &Interp, a: Args, start: bool) -> R<Value> {
    let (d, _) = this(interp, &a)?;
    let name = if start { "startswith" } else { "endswith" };
    arg_count(interp, &a, name)?;
    let window = window(interp, d.len(), &a)?;
    let wrong = |v: &Value| {
        interp.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", v.type_name()))
    };
    let candidates: Vec<Vec<u8>> = match &a.pos[1] {
        Value::Tuple(items) => {
            items.iter().map(|v| bytes_of(v).map(|(b, _)| b).ok_or_else(|| wrong(v))).collect::<R<_>>()?
        }
        v => vec![bytes_of(v).map(|(b, _)| b).ok_or_else(|| wrong(v))?],
    };
    let Some((lo, hi)) = window else { return Ok(Value::Bool(false)) };
    let d = &d[lo..hi];
    Ok(Value::Bool(candidates.iter().any(|c| if start { d.starts_with(c) } else { d.ends_with(c) })))
}

fn strip(interp: &Interp, a: Args, left: bool, right: bool) -> R<Value> {
    let (d, array) = this(interp, &a)?;
    let chars = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_like(interp, v)?),
    };
    let strip = |b: &u8| chars.as_ref().map_or(is_space(*b), |c| c.contains(b));
    let start = if left { d.iter().position(|b| !strip(b)).unwrap_or(d.len()) } else { 0 };
    let end = if right { d.iter().rposition(|b| !strip(b)).map_or(start, |p| p + 1) } else { d.len() };
    Ok(make(array, d.get(start..end.max(start)).unwrap_or_default().to_vec()))
}

fn split(interp: &Interp, a: Args) -> R<Value> {
    let (d, array) = this(interp, &a)?;
    let sep = match arg(&a, 1, "sep") {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_like(interp, v)?),
    };
    let max = match arg(&a, 2, "maxsplit") {
        Some(v) => ops::to_index(interp, v)?,
        None => -1,
    };
    let mut parts = Vec::new();
    match sep {
        Some(sep) if sep.is_empty() => return Err(interp.value_error("empty separator")),
        Some(sep) => {
            let mut at = 0;
            while max < 0 || (parts.len() as i64) < max {
                let Some(p) = find(&d, &sep, at) else { break };
                parts.push(d.get(at..p).unwrap_or_default().to_vec());
                at = p + sep.len();
            }
            parts.push(d.get(at..).unwrap_or_default().to_vec());
        }
        None => {
            let mut at = 0;
            loop {
                while d.get(at).is_some_and(|&b| is_space(b)) {
                    at += 1;
                }
                if at >= d.len() {
                    break;
                }
                if max >= 0 && parts.len() as i64 >= max {
                    parts.push(d.get(at..).unwrap_or_default().to_vec());
                    break;
                }
                let end =
                    d.get(at..).and_then(|rest| rest.iter().position(|&b| is_space(b))).map_or(d.len(), |p| at + p);
                parts.push(d.get(at..end).unwrap_or_default().to_vec());
                at = end;
            }
        }
    }
    Ok(Value::list(parts.into_iter().map(|p| make(array, p)).collect()))
}

fn join(interp: &Interp, a: Args) -> R<Value> {
    let (sep, array) = this(interp, &a)?;
    expect(interp, &a, "join", 2, 2)?;
    let mut out = Vec::new();
    for (n, item) in ops::collect(interp, &a.pos[1])?.iter().enumerate() {
        let Some((part, _)) = bytes_of(item) else {
            return Err(interp
                .type_error(format!("sequence item {n}: expected a bytes-like object, {} found", item.type_name())));
        };
        if n > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(part);
        ops::check_size(interp, out.len())?;
    }
    Ok(make(array, out))
}

fn replace(interp: &Interp, a: Args) -> R<Value> {
    let (d, array) = this(interp, &a)?;
    expect(interp, &a, "replace", 3, 4)?;
    let (old, new) = (bytes_like(interp, &a.pos[1])?, bytes_like(interp, &a.pos[2])?);
    let max = match a.pos.get(3) {
        Some(v) => ops::to_index(interp, v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(d.len());
    let (mut at, mut done) = (0, 0i64);
    while max < 0 || done < max {
        if old.is_empty() {
            // An empty pattern matches before every byte and at the end, as in CPython.
            out.extend_from_slice(&new);
            match d.get(at) {
                Some(&b) => out.push(b),
                None => {
                    at = d.len() + 1;
                    break;
                }
            }
            at += 1;
        } else {
            let Some(p) = find(&d, &old, at) else { break };
            out.extend_from_slice(d.get(at..p).unwrap_or_default());
            out.extend_from_slice(&new);
            at = p + old.len();
        }
        done += 1;
        ops::check_size(interp, out.len())?;
    }
    out.extend_from_slice(d.get(at..).unwrap_or_default());
    Ok(make(array, out))
}

/// The bytes an iterable of ints (or a bytes-like object) holds, for `bytes(...)`,
/// `int.from_bytes`, `bytearray.extend` and slice assignment; `not_iterable` is the caller's
/// error for anything else.
fn byte_list(interp: &Interp, v: &Value, not_iterable: &dyn Fn() -> PyErr) -> R<Vec<u8>> {
    if let Some((d, _)) = bytes_of(v) {
        return Ok(d);
    }
    let iterator = ops::iter(interp, v).map_err(|_| not_iterable())?;
    let items = ops::collect(interp, &iterator)?;
    ops::check_size(interp, items.len())?;
    items
        .iter()
        .map(|x| match x {
            Value::Int(_) | Value::Bool(_) => u8::try_from(ops::to_index(interp, x)?)
                .map_err(|_| interp.value_error("bytes must be in range(0, 256)")),
            Value::BigInt(_) => Err(interp.value_error("bytes must be in range(0, 256)")),
            other => {
                Err(interp.type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name())))
            }
        })
        .collect()
}

/// `bytes(...)` / `bytearray(...)`.
pub fn construct(interp: &Interp, array: bool, args: Args) -> R<Value> {
    let word = type_word(array);
    let given = args.pos.len() + args.kw.len();
    if given > 3 {
        return Err(interp.type_error(format!("{word}() takes at most 3 arguments ({given} given)")));
    }
    let source = args.pos.first().or_else(|| args.kw.iter().find(|(k, _)| &**k == "source").map(|(_, v)| v));
    let encoding = args.pos.get(1).or_else(|| args.kw.iter().find(|(k, _)| &**k == "encoding").map(|(_, v)| v));
    let data = match (source, encoding) {
        (None, None) => Vec::new(),
        (Some(Value::Str(s)), Some(e)) => encode(interp, s, Some(e))?,
        (Some(Value::Str(_)), None) => return Err(interp.type_error("string argument without an encoding")),
        (_, Some(_)) => return Err(interp.type_error("encoding without a string argument")),
        // A count: an int, or an object with `__index__` (CPython asks it before iterating).
        (Some(n @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))), None)
        | (Some(n @ Value::Instance(_)), None)
            if !matches!(n, Value::Instance(_)) || ops::special(interp, n, "__index__").is_some() =>
        {
            let n = ops::to_index(interp, n)?;
            let n = usize::try_from(n).map_err(|_| interp.value_error("negative count"))?;
            ops::check_size(interp, n)?;
            vec![0; n]
        }
        (Some(Value::Float(_)), None) => {
            return Err(interp.type_error(format!("cannot convert 'float' object to {word}")));
        }
        (Some(v), None) => byte_list(interp, v, &|| cannot_convert(interp, v, word))?,
    };
    Ok(make(array, data))
}

/// `bytes.fromhex` / `bytearray.fromhex`, and the methods read from the class
/// (`bytes.upper(b)`), which take the object as their first argument.
pub fn class_method(class: &Class, name: &str) -> Option<BuiltinFn> {
    match (&*class.name, name) {
        ("bytes", "fromhex") => Some(|i, a| from_hex_call(i, a, false)),
        ("bytearray", "fromhex") => Some(|i, a| from_hex_call(i, a, true)),
        ("bytes", _) => method_fn(name, false),
        ("bytearray", _) => method_fn(name, true),
        _ => None,
    }
}

fn from_hex_call(interp: &Interp, a: Args, array: bool) -> R<Value> {
    expect(interp, &a, "fromhex", 1, 1)?;
    match &a.pos[0] {
        Value::Str(s) => Ok(make(array, from_hex(interp, s)?)),
        other => Err(interp.type_error(format!("fromhex() argument must be str, not {}", other.type_name()))),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn int_to_bytes(interp: &Interp, a: Args) -> R<Value> {
    let n = match a.pos.first() {
        Some(first) => match super::bigint::of(first) {
            Some(n) => n,
            None => ops::to_index(interp, first)?.into(),
        },
        None => 0.into(),
    };
    let length = match arg(&a, 1, "length") {
        Some(v) => ops::to_index(interp, v)?,
        None => 1,
    };
    let order = byteorder(interp, arg(&a, 2, "byteorder"))?;
    let signed = signed_kwarg(interp, &a)?;
    let length = usize::try_from(length).map_err(|_| interp.value_error("length argument must be non-negative"))?;
    ops::check_size(interp, length)?;
    let mut out = super::bigint::to_bytes(interp, &n, length, signed)?;
    if order == Ordering::Greater {
        out.reverse();
    }
    Ok(Value::object(Bytes(out)))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
pub fn int_from_bytes(interp: &Interp, a: Args) -> R<Value> {
    let source = arg(&a, 0, "bytes")
        .ok_or_else(|| interp.type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let mut data = match source {
        Value::Str(_) => return Err(cannot_convert(interp, source, "bytes")),
        _ => byte_list(interp, source, &|| cannot_convert(interp, source, "bytes"))?,
    };
    let order = byteorder(interp, arg(&a, 1, "byteorder"))?;
    let signed = signed_kwarg(interp, &a)?;
    if order == Ordering::Less {
        data.reverse();
    }
    super::bigint::from_bytes_be(interp, &data, signed)
}

fn signed_kwarg(interp: &Interp, a: &Args) -> R<bool> {
    match a.kw.iter().find(|(k, _)| &**k == "signed") {
        Some((_, v)) => ops::truthy(interp, v),
        None => Ok(false),
    }
}

/// 'big' as `Greater` (most significant first), 'little' as `Less`.
fn byteorder(interp: &Interp, v: Option<&Value>) -> R<Ordering> {
    match v {
        None => Ok(Ordering::Greater),
        Some(Value::Str(s)) if &**s == "big" => Ok(Ordering::Greater),
        Some(Value::Str(s)) if &**s == "little" => Ok(Ordering::Less),
        Some(Value::Str(_)) => Err(interp.value_error("byteorder must be either 'little' or 'big'")),
        Some(other) => {
            Err(interp.type_error(format!("to_bytes() argument 'byteorder' must be str, not {}", other.type_name())))
        }
    }
}

/// `a op b` when either side is bytes-like: `+`, `*`, and the error for str mixed with bytes;
/// `None` to let the caller go on.
pub fn binop(interp: &Interp, op: BinOp, a: &Value, b: &Value) -> Option<R<Value>> {
    let (left, right) = (bytes_of(a), bytes_of(b));
    match (op, left, right) {
        (BinOp::Add, Some((mut x, array)), Some((y, _))) => {
            Some(ops::check_size(interp, x.len().saturating_add(y.len())).map(|_| {
                x.extend(y);
                make(array, x)
            }))
        }
        (BinOp::Add, Some((_, array)), None) => {
            Some(Err(interp.type_error(format!("can't concat {} to {}", b.type_name(), type_word(array)))))
        }
        (BinOp::Mul, Some((x, array)), None) | (BinOp::Mul, None, Some((x, array))) => {
            let n = if bytes_of(a).is_some() { b } else { a };
            if !matches!(n, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
                return None;
            }
            Some(ops::to_index(interp, n).and_then(|n| {
                let n = if x.is_empty() { 0 } else { usize::try_from(n).unwrap_or(0) };
                ops::check_size(interp, x.len().saturating_mul(n))?;
                Ok(make(array, x.repeat(n)))
            }))
        }
        _ => None,
    }
}

fn cannot_convert(interp: &Interp, v: &Value, word: &str) -> PyErr {
    interp.type_error(format!("cannot convert '{}' object to {word}", v.type_name()))
}

/// `array += more`: bytes-like only, added in place.
pub fn add_in_place(interp: &Interp, array: &Value, more: &Value) -> R<()> {
    if bytes_of(more).is_none() {
        return Err(interp.type_error(format!("can't concat {} to bytearray", more.type_name())));
    }
    extend(interp, array, more)
}

/// `array.extend(more)`: ints or bytes-like, added in place.
fn extend(interp: &Interp, array: &Value, more: &Value) -> R<()> {
    let more =
        byte_list(interp, more, &|| interp.type_error(format!("can't extend bytearray with {}", more.type_name())))?;
    let target =
        array.downcast::<ByteArray>().ok_or_else(|| interp.type_error("extend() called on the wrong object"))?;
    ops::check_size(interp, target.0.borrow().len().saturating_add(more.len()))?;
    target.0.borrow_mut().extend(more);
    Ok(())
}

/// `a < b` and friends between bytes-like objects.
pub fn order(a: &Value, b: &Value) -> Option<Ordering> {
    Some(bytes_of(a)?.0.cmp(&bytes_of(b)?.0))
}

/// `bytearray[index] = value`.
pub fn set_item(interp: &Interp, obj: &Value, index: &Value, v: &Value) -> Option<R<()>> {
    let target = obj.downcast::<ByteArray>()?;
    if let Some(s) = index.downcast::<SliceObj>() {
        return Some((|| {
            // Read everything that may run the program's code (`__index__`, `__iter__`)
            // before holding the bytes.
            let wrong = || interp.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            if let Value::Str(_) = v {
                return Err(wrong());
            }
            let items = byte_list(interp, v, &wrong)?;
            let bounds = ops::slice_ints(interp, s)?;
            let mut data = target.0.borrow_mut();
            let bounds = bounds.indices(data.len());
            ops::assign_slice(interp, &mut data, bounds, items, "bytes")
        })());
    }
    Some((|| {
        let i = ops::to_index(interp, index)?;
        let b = byte_value(interp, v)?;
        let mut data = target.0.borrow_mut();
        let len = data.len() as i64;
        let at = if i < 0 { i.saturating_add(len) } else { i };
        match usize::try_from(at).ok().and_then(|at| data.get_mut(at)) {
            Some(slot) => {
                *slot = b;
                Ok(())
            }
            None => Err(interp.index_error("bytearray index out of range")),
        }
    })())
}

fn iterate(data: &[u8], array: bool) -> Value {
    let items = data.iter().map(|&b| Value::Int(b as i64)).collect();
    let name = if array { "bytearray_iterator" } else { "bytes_iterator" };
    Value::object(Iter::new(name, IterState::Items(items, 0)))
}

fn attr_of(this: &Value, name: &Name, array: bool) -> Option<R<Value>> {
    method_fn(name, array).map(|f| Ok(method(this, name, f)))
}

impl Object for Bytes {
    fn type_name(&self) -> &str {
        "bytes"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok(repr_bytes(&self.0, false))
    }
    fn py_len(&self) -> Option<usize> {
        Some(self.0.len())
    }
    fn eq(&self, other: &Value) -> Option<bool> {
        Some(bytes_of(other).is_some_and(|(o, _)| o == self.0))
    }
    fn key_hash(&self) -> Option<Option<u64>> {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        self.0.hash(&mut h);
        Some(Some(h.finish()))
    }
    fn iter(&self, _interp: &Interp, _this: &Value) -> Option<R<Value>> {
        Some(Ok(iterate(&self.0, false)))
    }
    fn contains(&self, interp: &Interp, item: &Value) -> Option<R<bool>> {
        Some(contains(interp, &self.0, item))
    }
    fn get_item(&self, interp: &Interp, index: &Value) -> Option<R<Value>> {
        Some(get_item(interp, &self.0, false, index))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        attr_of(this, name, false)
    }
}

impl Object for ByteArray {
    fn type_name(&self) -> &str {
        "bytearray"
    }
    fn key_hash(&self) -> Option<Option<u64>> {
        Some(None)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok(format!("bytearray({})", repr_bytes(&self.0.borrow(), true)))
    }
    fn py_len(&self) -> Option<usize> {
        Some(self.0.borrow().len())
    }
    fn eq(&self, other: &Value) -> Option<bool> {
        Some(bytes_of(other).is_some_and(|(o, _)| o == *self.0.borrow()))
    }
    fn iter(&self, _interp: &Interp, _this: &Value) -> Option<R<Value>> {
        Some(Ok(iterate(&self.0.borrow(), true)))
    }
    fn contains(&self, interp: &Interp, item: &Value) -> Option<R<bool>> {
        // Runs none of the program's code, which could change the bytes meanwhile.
        Some(contains(interp, &self.0.borrow(), item))
    }
    fn get_item(&self, interp: &Interp, index: &Value) -> Option<R<Value>> {
        // A plain int runs none of the program's code; another index (`__index__`, a slice's
        // bounds) may, and change the bytes meanwhile: it reads a copy.
        if let Value::Int(_) = index {
            return Some(get_item(interp, &self.0.borrow(), true, index));
        }
        let data = self.0.borrow().clone();
        Some(get_item(interp, &data, true, index))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        attr_of(this, name, true)
    }
}
