//! `json`: `dumps` and `loads` (and `dump`/`load` through a file-like object's `write`/`read`)
//! as CPython's `json` module formats and parses (separators, `indent`, `sort_keys`,
//! `ensure_ascii`, and `JSONDecodeError` with its line and column), `loads`' hooks
//! (`object_hook`, `object_pairs_hook`, `parse_float`, `parse_int`, `parse_constant`) and `cls=`
//! with the `JSONEncoder`/`JSONDecoder` classes of `py/json_classes.py`. `collections`' dicts and
//! namedtuples are written as the dicts and lists they are in CPython.

use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::call::call;
use super::super::format as fmt;
use super::super::interp::{Interp, PyErr, R};
use super::super::ir::Name;
use super::super::ops;
use super::super::value::*;

/// Nesting JSON may have (CPython hits its recursion limit near here).
const MAX_DEPTH: usize = 500;

struct Dumper<'a> {
    interp: &'a Interp,
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    default: Option<Value>,
    stack: Vec<usize>,
}

fn escape(s: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn float_text(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        fmt::float_repr(x)
    }
}

impl Dumper<'_> {
    fn newline(&self, depth: usize, out: &mut String) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..depth {
                out.push_str(ind);
            }
        }
    }

    fn dump(&mut self, v: &Value, depth: usize, out: &mut String) -> R<()> {
        let interp = self.interp;
        // `stack` also counts what `default` returned for objects that returned more of them.
        if depth.max(self.stack.len()) > MAX_DEPTH {
            return Err(interp.err("RecursionError", "maximum recursion depth exceeded while encoding a JSON object"));
        }
        match v {
            Value::None => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::BigInt(b) => out.push_str(&super::super::bigint::to_str(interp, b)?),
            Value::Float(x) => {
                if !x.is_finite() && !self.allow_nan {
                    return Err(interp.value_error("Out of range float values are not JSON compliant"));
                }
                out.push_str(&float_text(*x))
            }
            Value::Str(s) => out.push_str(&escape(s, self.ensure_ascii)),
            Value::List(_) | Value::Tuple(_) => {
                // A list as it stands at each item, as CPython's encoder reads it: a `default`
                // may change it.
                let at = |i: usize| match v {
                    Value::List(l) => ops::list_at(l, i),
                    Value::Tuple(t) => t.get(i).cloned(),
                    _ => None,
                };
                let empty = at(0).is_none();
                self.enter(v)?;
                out.push('[');
                if !empty {
                    let mut i = 0;
                    while let Some(item) = at(i) {
                        if i > 0 {
                            out.push_str(&self.item_sep);
                        }
                        self.newline(depth + 1, out);
                        self.dump(&item, depth + 1, out)?;
                        i += 1;
                    }
                    self.newline(depth, out);
                }
                out.push(']');
                self.stack.pop();
            }
            Value::Dict(d) => {
                let mut items: Vec<(Value, Value)> =
                    d.borrow().iter().map(|(k, x)| (k.value.clone(), x.clone())).collect();
                self.enter(v)?;
                let mut keyed = Vec::with_capacity(items.len());
                for (k, x) in items.drain(..) {
                    // An `IntEnum` or `StrEnum` member is an int or a str in CPython.
                    let k = match &k {
                        Value::Instance(i) => i.builtin_value().unwrap_or(k),
                        _ => k,
                    };
                    let key = match &k {
                        Value::Str(s) => s.to_string(),
                        Value::Int(i) => i.to_string(),
                        Value::BigInt(b) => super::super::bigint::to_str(interp, b)?,
                        Value::Float(f) => float_text(*f),
                        Value::Bool(b) => (if *b { "true" } else { "false" }).into(),
                        Value::None => "null".into(),
                        other => {
                            return Err(interp.type_error(format!(
                                "keys must be str, int, float, bool or None, not {}",
                                other.type_name()
                            )))
                        }
                    };
                    keyed.push((key, x));
                }
                if self.sort_keys {
                    keyed.sort_by(|a, b| a.0.cmp(&b.0));
                }
                out.push('{');
                if !keyed.is_empty() {
                    for (i, (k, x)) in keyed.iter().enumerate() {
                        if i > 0 {
                            out.push_str(&self.item_sep);
                        }
                        self.newline(depth + 1, out);
                        out.push_str(&escape(k, self.ensure_ascii));
                        out.push_str(&self.key_sep);
                        self.dump(x, depth + 1, out)?;
                    }
                    self.newline(depth, out);
                }
                out.push('}');
                self.stack.pop();
            }
            Value::Instance(i) if i.builtin_value().is_some() => {
                // An `IntEnum` or `StrEnum` member is an int or a str in CPython.
                self.dump(&i.builtin_value().unwrap_or_default(), depth, out)?;
            }
            Value::Instance(_) if collections_view(v).is_some() => {
                // `collections`' dicts and namedtuples are dict and tuple subclasses in CPython.
                let inner = collections_view(v).unwrap_or_default();
                self.dump(&inner, depth, out)?;
            }
            other => match &self.default {
                Some(f) => {
                    // As CPython's encoder, an object `default` is asked about again inside
                    // what it returned for it is circular (`default=lambda o: [o]`).
                    let f = f.clone();
                    self.enter(other)?;
                    // What it returns stands where the object stood (its depth, for `indent`).
                    let r = call(interp, &f, Args { pos: vec![other.clone()], kw: vec![] })?;
                    self.dump(&r, depth, out)?;
                    self.stack.pop();
                }
                None => {
                    let name = interp.class_of(other).name.clone();
                    return Err(interp.type_error(format!("Object of type {name} is not JSON serializable")));
                }
            },
        }
        ops::check_size(interp, out.len())
    }

    fn enter(&mut self, v: &Value) -> R<()> {
        let id = v.identity().unwrap_or(0);
        if self.stack.contains(&id) {
            return Err(self.interp.value_error("Circular reference detected"));
        }
        self.stack.push(id);
        Ok(())
    }
}

/// What an instance of `collections`' own classes holds, as json sees it: the dict of an
/// `OrderedDict`, `defaultdict` or `Counter` (or a program's subclass of one, or of `dict`),
/// the tuple of a namedtuple, the list of a program's subclass of `list`. CPython's are `dict`,
/// `tuple` and `list` subclasses; the engine's hold one.
fn collections_view(v: &Value) -> Option<Value> {
    let Value::Instance(i) = v else { return None };
    let field = i.class.lineage().find_map(|c| match (&*c.module, &*c.name) {
        ("collections", "_DictLike") => Some("_d"),
        ("collections", "_ListSubclass") => Some("_l"),
        ("collections", "_NamedTuple") => Some("_values"),
        _ => None,
    })?;
    let inner = i.attrs.borrow().get(field).cloned();
    inner.filter(|x| matches!(x, Value::Dict(_) | Value::Tuple(_) | Value::List(_)))
}

fn dumps(interp: &Interp, args: Args) -> R<Value> {
    if kwarg(&args, "cls").is_some() {
        return with_class(interp, args, "encode").unwrap_or(Ok(Value::None));
    }
    let obj = args.pos.first().cloned().unwrap_or_default();
    let kw = |name: &str| args.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone());
    let indent = match kw("indent").as_ref() {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some(" ".repeat((*n).clamp(0, 64) as usize)),
        Some(Value::Str(s)) => Some(s.to_string()),
        Some(other) => {
            return Err(interp.type_error(format!("indent must be an int or a str, not {}", other.type_name())))
        }
    };
    let (item_sep, key_sep) = match kw("separators").as_ref() {
        Some(Value::Tuple(t)) if t.len() == 2 => (ops::str_of(interp, &t[0])?, ops::str_of(interp, &t[1])?),
        Some(Value::List(l)) if l.borrow().len() == 2 => {
            let l = l.borrow().clone();
            (ops::str_of(interp, &l[0])?, ops::str_of(interp, &l[1])?)
        }
        _ => ((if indent.is_some() { "," } else { ", " }).to_string(), ": ".to_string()),
    };
    let mut d = Dumper {
        interp,
        indent,
        item_sep,
        key_sep,
        sort_keys: kw("sort_keys").map(|v| ops::truthy(interp, &v)).transpose()?.unwrap_or(false),
        ensure_ascii: kw("ensure_ascii").map(|v| ops::truthy(interp, &v)).transpose()?.unwrap_or(true),
        allow_nan: kw("allow_nan").map(|v| ops::truthy(interp, &v)).transpose()?.unwrap_or(true),
        default: kw("default").filter(|v| !v.is_none()),
        stack: Vec::new(),
    };
    let mut out = String::new();
    d.dump(&obj, 0, &mut out)?;
    Ok(Value::str(&out))
}

/// `json.dump(obj, fp, **options)`: `dumps`' text written to `fp` (anything with `write`).
fn dump(interp: &Interp, mut args: Args) -> R<Value> {
    if args.pos.len() < 2 {
        return Err(interp.type_error("dump() missing 1 required positional argument: 'fp'"));
    }
    let fp = args.pos.remove(1);
    let text = dumps(interp, args)?;
    super::super::call::call_method(interp, &fp, &Name::from("write"), Args { pos: vec![text], kw: vec![] })?;
    Ok(Value::None)
}

/// `json.load(fp)`: `loads` of what `fp.read()` returns.
fn load(interp: &Interp, args: Args) -> R<Value> {
    let Some(fp) = args.pos.first() else {
        return Err(interp.type_error("load() missing 1 required positional argument: 'fp'"));
    };
    let text = super::super::call::call_method(interp, fp, &Name::from("read"), Args::default())?;
    loads(interp, Args { pos: vec![text], kw: args.kw })
}

// ----- loads -------------------------------------------------------------------------------

struct Parser<'a> {
    interp: &'a Interp,
    text: &'a str,
    chars: Vec<(usize, char)>,
    i: usize,
    hooks: Hooks,
}

/// `loads`' callables: `object_hook`, `object_pairs_hook`, `parse_float`, `parse_int`,
/// `parse_constant` (each None when not given).
#[derive(Default)]
struct Hooks {
    object: Option<Value>,
    pairs: Option<Value>,
    float: Option<Value>,
    int: Option<Value>,
    constant: Option<Value>,
}

impl Parser<'_> {
    fn hook(&self, f: &Option<Value>, arg: Value) -> Option<R<Value>> {
        f.as_ref().map(|f| call(self.interp, f, Args { pos: vec![arg], kw: vec![] }))
    }

    /// An object's pairs as the hooks see them: a list of pairs, a dict, or the dict itself.
    fn object(&self, pairs: Vec<(String, Value)>) -> R<Value> {
        if self.hooks.pairs.is_some() {
            let list = pairs.into_iter().map(|(k, v)| Value::tuple(vec![Value::str(&k), v])).collect();
            return self.hook(&self.hooks.pairs, Value::list(list)).unwrap_or(Ok(Value::None));
        }
        let mut d = Dict::new();
        for (k, v) in pairs {
            d.set_str(&k, v);
        }
        match &self.hooks.object {
            Some(f) => call(self.interp, f, Args { pos: vec![Value::dict(d)], kw: vec![] }),
            None => Ok(Value::dict(d)),
        }
    }

    fn constant(&mut self, word: &str, v: f64) -> R<Value> {
        self.i += word.chars().count();
        self.hook(&self.hooks.constant, Value::str(word)).unwrap_or(Ok(Value::Float(v)))
    }
}

impl Parser<'_> {
    fn err(&self, msg: &str, at: usize) -> PyErr {
        let pos = self.chars.get(at).map_or(self.text.chars().count(), |_| at);
        let before: String = self.chars.iter().take(pos).map(|&(_, c)| c).collect();
        let line = before.matches('\n').count() + 1;
        let col = match before.rfind('\n') {
            Some(nl) => before[nl + 1..].chars().count() + 1,
            None => pos + 1,
        };
        let full = format!("{msg}: line {line} column {col} (char {pos})");
        let class = self.interp.types.exc("JSONDecodeError");
        let inst = self.interp.new_exc(&class, vec![Value::str(&full)]);
        for (k, v) in [
            ("msg", Value::str(msg)),
            ("pos", Value::Int(pos as i64)),
            ("lineno", Value::Int(line as i64)),
            ("colno", Value::Int(col as i64)),
            ("doc", Value::str(self.text)),
        ] {
            inst.attrs.borrow_mut().insert(Name::from(k), v);
        }
        PyErr::Exc(inst)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).map(|&(_, c)| c)
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.i += 1;
        }
    }

    fn starts(&self, word: &str) -> bool {
        word.chars().enumerate().all(|(k, c)| self.chars.get(self.i + k).map(|&(_, x)| x) == Some(c))
    }

    fn value(&mut self, depth: usize) -> R<Value> {
        if depth > MAX_DEPTH {
            return Err(self
                .interp
                .err("RecursionError", "maximum recursion depth exceeded while decoding a JSON document"));
        }
        let start = self.i;
        match self.peek() {
            Some('{') => {
                self.i += 1;
                let mut d = Vec::new();
                self.ws();
                if self.peek() == Some('}') {
                    self.i += 1;
                    return self.object(d);
                }
                loop {
                    self.ws();
                    if self.peek() != Some('"') {
                        return Err(self.err("Expecting property name enclosed in double quotes", self.i));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.peek() != Some(':') {
                        return Err(self.err("Expecting ':' delimiter", self.i));
                    }
                    self.i += 1;
                    self.ws();
                    let v = self.value(depth + 1)?;
                    d.push((k, v));
                    self.ws();
                    match self.peek() {
                        Some(',') => {
                            self.i += 1;
                            self.ws();
                            if self.peek() == Some('}') {
                                return Err(self.err("Expecting property name enclosed in double quotes", self.i));
                            }
                        }
                        Some('}') => {
                            self.i += 1;
                            return self.object(d);
                        }
                        _ => return Err(self.err("Expecting ',' delimiter", self.i)),
                    }
                }
            }
            Some('[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.peek() == Some(']') {
                    self.i += 1;
                    return Ok(Value::list(items));
                }
                loop {
                    self.ws();
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.peek() {
                        Some(',') => {
                            self.i += 1;
                            self.ws();
                            if self.peek() == Some(']') {
                                return Err(self.err("Expecting value", self.i));
                            }
                        }
                        Some(']') => {
                            self.i += 1;
                            return Ok(Value::list(items));
                        }
                        _ => return Err(self.err("Expecting ',' delimiter", self.i)),
                    }
                }
            }
            Some('"') => Ok(Value::str(&self.string()?)),
            Some('n') if self.starts("null") => {
                self.i += 4;
                Ok(Value::None)
            }
            Some('t') if self.starts("true") => {
                self.i += 4;
                Ok(Value::Bool(true))
            }
            Some('f') if self.starts("false") => {
                self.i += 5;
                Ok(Value::Bool(false))
            }
            Some('N') if self.starts("NaN") => self.constant("NaN", f64::NAN),
            Some('I') if self.starts("Infinity") => self.constant("Infinity", f64::INFINITY),
            Some('-') if self.starts("-Infinity") => self.constant("-Infinity", f64::NEG_INFINITY),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            _ => Err(self.err("Expecting value", start)),
        }
    }

    fn number(&mut self) -> R<Value> {
        let start = self.i;
        if self.peek() == Some('-') {
            self.i += 1;
        }
        match self.peek() {
            Some('0') => self.i += 1,
            Some(c) if c.is_ascii_digit() => {
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.i += 1;
                }
            }
            _ => return Err(self.err("Expecting value", start)),
        }
        let mut float = false;
        if self.peek() == Some('.') && self.chars.get(self.i + 1).is_some_and(|&(_, c)| c.is_ascii_digit()) {
            float = true;
            self.i += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.i += 1;
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let save = self.i;
            self.i += 1;
            if matches!(self.peek(), Some('+' | '-')) {
                self.i += 1;
            }
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                float = true;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.i += 1;
                }
            } else {
                self.i = save;
            }
        }
        let text: String = self.chars[start..self.i].iter().map(|&(_, c)| c).collect();
        if let Some(r) = self.hook(if float { &self.hooks.float } else { &self.hooks.int }, Value::str(&text)) {
            return r;
        }
        if float {
            Ok(Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)))
        } else {
            match text.parse::<i64>() {
                Ok(i) => Ok(Value::Int(i)),
                // Past i64: int(text), with its digit limit.
                Err(_) => match fmt::parse_int_limited(&text, 10, self.interp.int_max_str_digits.get()) {
                    Err(r) if r.msg == fmt::INT_OVERFLOW => super::super::bigint::parse(self.interp, &text, 10),
                    r => r.map(Value::Int).map_err(|r| self.interp.raise(r)),
                },
            }
        }
    }

    fn string(&mut self) -> R<String> {
        let start = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else { return Err(self.err("Unterminated string starting at", start)) };
            self.i += 1;
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let Some(e) = self.peek() else { return Err(self.err("Unterminated string starting at", start)) };
                    self.i += 1;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hex = |p: &Self, at: usize| -> Option<u32> {
                                let s: String = p.chars.get(at..at + 4)?.iter().map(|&(_, c)| c).collect();
                                u32::from_str_radix(&s, 16).ok()
                            };
                            let Some(u) = hex(self, self.i) else {
                                return Err(self.err("Invalid \\uXXXX escape", self.i - 1));
                            };
                            self.i += 4;
                            let code = if (0xd800..0xdc00).contains(&u) && self.starts("\\u") {
                                match hex(self, self.i + 2) {
                                    Some(lo) if (0xdc00..0xe000).contains(&lo) => {
                                        self.i += 6;
                                        0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00)
                                    }
                                    _ => u,
                                }
                            } else {
                                u
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(self.err("Invalid \\escape", self.i - 2)),
                    }
                }
                c if (c as u32) < 0x20 => return Err(self.err("Invalid control character at", self.i - 1)),
                c => out.push(c),
            }
        }
    }
}

pub fn loads_str(interp: &Interp, text: &str) -> R<Value> {
    parse(interp, text, Hooks::default())
}

fn parse(interp: &Interp, text: &str, hooks: Hooks) -> R<Value> {
    let mut p = Parser { interp, text, chars: text.char_indices().collect(), i: 0, hooks };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i < p.chars.len() {
        return Err(p.err("Extra data", p.i));
    }
    Ok(v)
}

/// The keyword argument `name`, unless absent or None.
fn kwarg(args: &Args, name: &str) -> Option<Value> {
    args.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone()).filter(|v| !v.is_none())
}

/// `cls=C` given to `dumps` or `loads`: `C(**the other keywords).method(obj)`, as CPython does.
fn with_class(interp: &Interp, mut args: Args, method: &str) -> Option<R<Value>> {
    let class = kwarg(&args, "cls")?;
    args.kw.retain(|(k, _)| &**k != "cls");
    let obj = args.pos.first().cloned().unwrap_or_default();
    Some(call(interp, &class, Args { pos: vec![], kw: args.kw }).and_then(|inst| {
        super::super::call::call_method(interp, &inst, &Name::from(method), Args { pos: vec![obj], kw: vec![] })
    }))
}

fn loads(interp: &Interp, args: Args) -> R<Value> {
    if kwarg(&args, "cls").is_some() {
        return with_class(interp, args, "decode").unwrap_or(Ok(Value::None));
    }
    let hooks = Hooks {
        object: kwarg(&args, "object_hook"),
        pairs: kwarg(&args, "object_pairs_hook"),
        float: kwarg(&args, "parse_float"),
        int: kwarg(&args, "parse_int"),
        constant: kwarg(&args, "parse_constant"),
    };
    match args.pos.first() {
        Some(Value::Str(s)) => parse(interp, s, hooks),
        Some(other) => match super::super::bytes::bytes_of(other) {
            Some((data, _)) => parse(interp, &String::from_utf8_lossy(&data), hooks),
            None => Err(interp
                .type_error(format!("the JSON object must be str, bytes or bytearray, not {}", other.type_name()))),
        },
        None => Err(interp.type_error("loads() missing 1 required positional argument: 's'")),
    }
}

pub fn module(interp: &Interp) -> R<Rc<Module>> {
    let m = Module::new("json");
    // The encoder and decoder classes are Python (`py/json_classes.py`), over dumps and loads.
    if let Value::Module(classes) = &super::super::call::import_module(interp, "_json_classes")? {
        for name in ["JSONEncoder", "JSONDecoder"] {
            m.set(name, classes.get(name).unwrap_or_default());
        }
    }
    m.set("dumps", builtin("dumps", dumps));
    m.set("loads", builtin("loads", loads));
    m.set("dump", builtin("dump", dump));
    m.set("load", builtin("load", load));
    m.set("JSONDecodeError", Value::Class(interp.types.exc("JSONDecodeError")));
    Ok(m)
}
