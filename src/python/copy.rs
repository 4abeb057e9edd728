//! Values copied between the program and a copy of it (`to_thread` runs the function in a
//! worker with its own memory, like a process pool): a value is written as text here and read
//! back into the other interpreter there. Data is copied whole (lists, dicts, instances of the
//! program's classes, exceptions with their traceback, `functools.partial`s); functions,
//! classes and built-ins are named, since the copy has its own, made by running the same
//! program.
//!
//! The format is private to the two sides of one page: a tag byte, then the value's parts;
//! strings carry their byte length. Shared and cyclic containers are written once and then
//! referred to by number, as pickle does. Reading checks everything, so a damaged text is an
//! error, never a panic.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;

use super::bytes::Bytes;
use super::interp::{Interp, R};
use super::ir::Name;
use super::objects::RangeObj;
use super::ops;
use super::value::*;

/// The longest text a copied value may take (the copy of a huge list is refused, not built).
const MAX_BYTES: usize = 64 << 20;

/// Writes `v` for the copy of the program.
pub fn write(interp: &Interp, v: &Value) -> R<String> {
    let mut w = Writer { interp, out: String::new(), seen: HashMap::new() };
    w.value(v)?;
    Ok(w.out)
}

/// Reads a value [`write`] wrote (on the other side), in `interp`.
pub fn read(interp: &Interp, text: &str) -> R<Value> {
    let mut r = Reader { interp, text, at: 0, shared: Vec::new() };
    let v = r.value()?;
    if r.at != text.len() {
        return Err(r.damaged());
    }
    Ok(v)
}

struct Writer<'a> {
    interp: &'a Interp,
    out: String,
    /// Containers written so far, by identity, with their number.
    seen: HashMap<usize, usize>,
}

impl Writer<'_> {
    fn cannot(&self, what: impl std::fmt::Display) -> super::interp::PyErr {
        self.interp.type_error(format!(
            "cannot copy {what} to the worker: Interleave runs to_thread's function in a worker with a copy of the program, so its arguments and result are copied (like a process pool's)"
        ))
    }

    fn str(&mut self, s: &str) {
        let _ = write!(self.out, "{}:", s.len());
        self.out.push_str(s);
    }

    fn int(&mut self, n: i64) {
        let _ = write!(self.out, "{n};");
    }

    /// A container met before is written as a reference to its number; a new one gets the next.
    fn shared(&mut self, v: &Value) -> bool {
        let Some(id) = v.identity() else { return false };
        if let Some(&n) = self.seen.get(&id) {
            self.out.push('r');
            self.int(n as i64);
            return true;
        }
        let n = self.seen.len();
        self.seen.insert(id, n);
        false
    }

    fn value(&mut self, v: &Value) -> R<()> {
        if self.out.len() > MAX_BYTES {
            return Err(self.interp.err("MemoryError", "the value is too large to copy to the worker"));
        }
        let _nested = self.interp.nest(" while copying a value to the worker")?;
        match v {
            Value::None => self.out.push('N'),
            Value::Bool(b) => self.out.push(if *b { 'T' } else { 'F' }),
            Value::Int(n) => {
                self.out.push('i');
                self.int(*n);
            }
            Value::BigInt(b) => {
                // In hex, which has no digit limit and converts in linear time.
                self.out.push('I');
                self.str(&b.to_str_radix(16));
            }
            Value::Float(x) => {
                // Its bits as the reader's i64: a negative float's sign bit is past i64::MAX.
                self.out.push('f');
                self.int(x.to_bits() as i64);
            }
            Value::Str(s) => {
                self.out.push('s');
                self.str(s);
            }
            Value::List(l) => {
                if self.shared(v) {
                    return Ok(());
                }
                let items = l.borrow().clone();
                self.out.push('l');
                self.seq(&items)?;
            }
            Value::Tuple(t) => {
                self.out.push('t');
                self.seq(t)?;
            }
            Value::Dict(d) => {
                if self.shared(v) {
                    return Ok(());
                }
                let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, x)| (k.value.clone(), x.clone())).collect();
                self.out.push('d');
                self.pairs(&items)?;
            }
            Value::Set(s) => {
                if self.shared(v) {
                    return Ok(());
                }
                let items: Vec<Value> = s.borrow().items.iter().map(|k| k.value.clone()).collect();
                self.out.push('S');
                self.seq(&items)?;
            }
            Value::FrozenSet(s) => {
                let items: Vec<Value> = s.items.iter().map(|k| k.value.clone()).collect();
                self.out.push('z');
                self.seq(&items)?;
            }
            Value::Class(c) => {
                self.out.push('c');
                self.class(c)?;
            }
            Value::Func(f) => self.function(f)?,
            Value::Builtin(b) => match &b.bound {
                Some(this) if !matches!(this, Value::Module(_)) => {
                    self.out.push('a');
                    self.value(this)?;
                    self.str(&b.name);
                }
                _ => {
                    let module = self.builtin_module(b)?;
                    self.out.push('b');
                    self.str(&module);
                    self.str(&b.name);
                }
            },
            Value::Method(m) => {
                self.out.push('m');
                self.value(&m.this)?;
                self.value(&m.func)?;
            }
            Value::Instance(i) => {
                if self.shared(v) {
                    return Ok(());
                }
                let attrs: Vec<(Value, Value)> =
                    i.attrs.borrow().iter().map(|(k, x)| (Value::Str(k.clone()), x.clone())).collect();
                match i.exc() {
                    Some(data) => {
                        let (args, traceback) = (data.args.clone(), data.traceback.clone());
                        drop(data);
                        self.out.push('x');
                        self.class(&i.class)?;
                        self.seq(&args)?;
                        self.int(traceback.len() as i64);
                        for t in &traceback {
                            self.int(t.line as i64);
                            self.str(&t.func);
                        }
                    }
                    None => {
                        self.out.push('o');
                        self.class(&i.class)?;
                    }
                }
                self.pairs(&attrs)?;
            }
            Value::Module(m) => {
                self.out.push('M');
                self.str(&m.name);
            }
            Value::Object(o) => match o.as_any().downcast_ref::<Bytes>() {
                Some(b) => {
                    self.out.push('y');
                    let text: String = b.0.iter().map(|&c| char::from(c)).collect();
                    self.str(&text);
                }
                // A range as its three numbers (`to_thread(sum, range(n))`).
                None if o.as_any().is::<RangeObj>() => {
                    let Some(r) = o.as_any().downcast_ref::<RangeObj>() else { return Err(self.cannot("a range")) };
                    self.out.push('R');
                    self.int(r.start);
                    self.int(r.stop);
                    self.int(r.step);
                }
                // A partial as its function, arguments and keywords (as pickle writes it).
                None if o.type_name() == "functools.partial" => {
                    let part = |name: &str| o.attr(self.interp, v, &Name::from(name)).transpose();
                    let (Some(func), Some(args), Some(keywords)) = (part("func")?, part("args")?, part("keywords")?)
                    else {
                        return Err(self.cannot("a 'functools.partial' object"));
                    };
                    self.out.push('p');
                    self.value(&func)?;
                    self.value(&args)?;
                    self.value(&keywords)?;
                }
                None => return Err(self.cannot(format_args!("a '{}' object", o.type_name()))),
            },
        }
        Ok(())
    }

    fn seq(&mut self, items: &[Value]) -> R<()> {
        self.int(items.len() as i64);
        items.iter().try_for_each(|x| self.value(x))
    }

    fn pairs(&mut self, items: &[(Value, Value)]) -> R<()> {
        self.int(items.len() as i64);
        for (k, x) in items {
            self.value(k)?;
            self.value(x)?;
        }
        Ok(())
    }

    /// A class by where it is found: a module and a dotted path in it.
    fn class(&mut self, c: &Class) -> R<()> {
        if c.qualname.contains("<locals>") {
            return Err(self.cannot(format_args!("the class {} (defined inside a function)", c.qualname)));
        }
        let module = match &*c.module {
            "builtins" => "builtins",
            "asyncio.exceptions" | "asyncio.queues" | "asyncio.locks" | "asyncio.taskgroups" | "asyncio.timeouts"
            | "_asyncio" => "asyncio",
            "json.decoder" => "json",
            m => m,
        };
        self.str(module);
        self.str(&c.qualname);
        Ok(())
    }

    /// A function of the program: by the number of its code (the copy compiled the same
    /// source), with its defaults and the values it closed over. Functions of the embedded
    /// libraries are named by module and path.
    fn function(&mut self, f: &Function) -> R<()> {
        if &*f.globals.name != "__main__" {
            if f.qualname.contains("<locals>") {
                return Err(self.cannot(format_args!("the function {}", f.qualname)));
            }
            self.out.push('g');
            self.str(&f.globals.name);
            self.str(&f.qualname);
            return Ok(());
        }
        self.out.push('u');
        self.int(f.code.id as i64);
        self.seq(&f.defaults)?;
        let kw: Vec<(Value, Value)> = f.kw_defaults.iter().map(|(n, v)| (Value::Str(n.clone()), v.clone())).collect();
        self.pairs(&kw)?;
        let cells: Vec<Value> = f.closure.iter().map(|c| c.borrow().clone().unwrap_or_default()).collect();
        self.seq(&cells)?;
        let owner = f.owner.borrow().as_ref().and_then(|w| w.upgrade());
        match owner {
            Some(c) => {
                self.out.push('c');
                self.class(&c)?;
            }
            None => self.out.push('N'),
        }
        Ok(())
    }

    /// The module a built-in function belongs to (`sum` in builtins, `sleep` in time).
    fn builtin_module(&self, b: &Rc<Builtin>) -> R<String> {
        let same = |v: Option<Value>| matches!(&v, Some(Value::Builtin(x)) if x.f as usize == b.f as usize);
        if same(self.interp.builtins.get(&b.name)) {
            return Ok("builtins".into());
        }
        for (name, m) in self.interp.modules.borrow().iter() {
            if same(m.get(&b.name)) {
                return Ok(name.to_string());
            }
        }
        Err(self.cannot(format_args!("the built-in function {}", b.name)))
    }
}

struct Reader<'a> {
    interp: &'a Interp,
    text: &'a str,
    at: usize,
    /// Containers read so far, by number.
    shared: Vec<Value>,
}

impl Reader<'_> {
    fn damaged(&self) -> super::interp::PyErr {
        self.interp.runtime_error(format!("the worker's copy of a value is damaged (at byte {})", self.at))
    }

    fn tag(&mut self) -> R<u8> {
        // Tags are ASCII; anything else would leave `at` inside a character.
        let c = *self.text.as_bytes().get(self.at).filter(|c| c.is_ascii()).ok_or_else(|| self.damaged())?;
        self.at += 1;
        Ok(c)
    }

    fn int(&mut self) -> R<i64> {
        let rest = &self.text[self.at..];
        let end = rest.find(';').ok_or_else(|| self.damaged())?;
        let n = rest[..end].parse::<i64>().map_err(|_| self.damaged())?;
        self.at += end + 1;
        Ok(n)
    }

    fn count(&mut self) -> R<usize> {
        let n = self.int()?;
        // Each item takes at least a byte: a count beyond what is left is damage, not a request
        // to allocate.
        usize::try_from(n).ok().filter(|&n| n <= self.text.len() - self.at).ok_or_else(|| self.damaged())
    }

    fn str(&mut self) -> R<&str> {
        let rest = &self.text[self.at..];
        let colon = rest.find(':').ok_or_else(|| self.damaged())?;
        let len: usize = rest[..colon].parse().map_err(|_| self.damaged())?;
        let start = self.at + colon + 1;
        let s = self.text.get(start..start.saturating_add(len)).ok_or_else(|| self.damaged())?;
        self.at = start + len;
        Ok(s)
    }

    fn name(&mut self) -> R<Name> {
        self.str().map(Name::from)
    }

    fn value(&mut self) -> R<Value> {
        let _nested = self.interp.nest(" while reading a value from the worker")?;
        Ok(match self.tag()? {
            b'N' => Value::None,
            b'T' => Value::Bool(true),
            b'F' => Value::Bool(false),
            b'i' => Value::Int(self.int()?),
            b'I' => {
                let hex = self.str()?;
                let b = num_bigint::BigInt::parse_bytes(hex.as_bytes(), 16).ok_or_else(|| self.damaged())?;
                super::bigint::int(b)
            }
            b'f' => {
                let bits = self.int()?;
                Value::Float(f64::from_bits(bits as u64))
            }
            b's' => Value::str(self.str()?),
            b'y' => Value::object(Bytes(self.str()?.chars().map(|c| c as u32 as u8).collect())),
            b'R' => {
                let (start, stop, step) = (self.int()?, self.int()?, self.int()?);
                if step == 0 {
                    return Err(self.damaged());
                }
                Value::object(RangeObj { start, stop, step })
            }
            b'r' => {
                let n = self.count()?;
                self.shared.get(n).cloned().ok_or_else(|| self.damaged())?
            }
            b'l' => {
                let list = Value::list(Vec::new());
                self.shared.push(list.clone());
                let items = self.seq()?;
                if let Value::List(l) = &list {
                    *l.borrow_mut() = items;
                }
                list
            }
            b't' => Value::tuple(self.seq()?),
            b'd' => {
                let dict = Value::dict(Dict::new());
                self.shared.push(dict.clone());
                let pairs = self.pairs()?;
                if let Value::Dict(d) = &dict {
                    for (k, v) in pairs {
                        let key = ops::key(self.interp, k)?;
                        d.borrow_mut().insert(key, v);
                    }
                }
                dict
            }
            b'S' => {
                let set = Value::Set(Rc::new(RefCell::new(Set::new())));
                self.shared.push(set.clone());
                let items = self.seq()?;
                if let Value::Set(s) = &set {
                    for v in items {
                        let key = ops::key(self.interp, v)?;
                        s.borrow_mut().items.insert(key);
                    }
                }
                set
            }
            b'z' => {
                let mut set = Set::new();
                for v in self.seq()? {
                    set.items.insert(ops::key(self.interp, v)?);
                }
                Value::FrozenSet(Rc::new(set))
            }
            b'c' => Value::Class(self.class()?),
            b'u' => self.function()?,
            b'g' => {
                let (module, path) = (self.name()?, self.name()?);
                self.lookup(&module, &path)?
            }
            b'b' => {
                let (module, name) = (self.name()?, self.name()?);
                self.lookup(&module, &name)?
            }
            b'a' => {
                let this = self.value()?;
                let name = self.name()?;
                super::attr::get_attr(self.interp, &this, &name)?
            }
            b'm' => {
                let this = self.value()?;
                let func = self.value()?;
                Value::Method(Rc::new(Method { this, func }))
            }
            b'p' => {
                let func = self.value()?;
                let (args, kw) = (self.value()?, self.value()?);
                let (Value::Tuple(args), Value::Dict(kw)) = (&args, &kw) else {
                    return Err(self.damaged());
                };
                let mut pos = vec![func];
                pos.extend(args.iter().cloned());
                let kw = kw.borrow().keyword_pairs();
                let partial = self.lookup("functools", "partial")?;
                super::call::call(self.interp, &partial, Args { pos, kw })?
            }
            b'M' => {
                let name = self.name()?;
                super::call::import_module(self.interp, &name)?
            }
            b'o' => {
                let class = self.class()?;
                let inst = Rc::new(Instance::new(class, Attrs::default(), None));
                self.shared.push(Value::Instance(inst.clone()));
                self.attrs(&inst)?;
                Value::Instance(inst)
            }
            b'x' => {
                let class = self.class()?;
                let args = self.seq()?;
                let inst = self.interp.new_exc(&class, args);
                self.shared.push(Value::Instance(inst.clone()));
                let n = self.count()?;
                let mut traceback = std::collections::VecDeque::with_capacity(n);
                for _ in 0..n {
                    let line = u32::try_from(self.int()?).map_err(|_| self.damaged())?;
                    traceback.push_back(TbEntry { line, func: self.name()?, frame: 0 });
                }
                // Frames of the copy are not frames here: number them apart from this side's.
                for (k, t) in traceback.iter_mut().enumerate() {
                    t.frame = u64::MAX - k as u64;
                }
                if let Some(data) = &inst.exc {
                    data.borrow_mut().traceback = traceback;
                }
                self.attrs(&inst)?;
                Value::Instance(inst)
            }
            _ => return Err(self.damaged()),
        })
    }

    fn seq(&mut self) -> R<Vec<Value>> {
        let n = self.count()?;
        (0..n).map(|_| self.value()).collect()
    }

    fn pairs(&mut self) -> R<Vec<(Value, Value)>> {
        let n = self.count()?;
        (0..n).map(|_| Ok((self.value()?, self.value()?))).collect()
    }

    fn attrs(&mut self, inst: &Instance) -> R<()> {
        for (k, v) in self.pairs()? {
            let Value::Str(k) = &k else { return Err(self.damaged()) };
            inst.attrs.borrow_mut().insert(k.clone(), v);
        }
        Ok(())
    }

    fn class(&mut self) -> R<Rc<Class>> {
        let (module, path) = (self.name()?, self.name()?);
        match &self.lookup(&module, &path)? {
            Value::Class(c) => Ok(c.clone()),
            _ => Err(self.damaged()),
        }
    }

    /// `module.a.b`: the program's own module is the copy's `__main__`.
    fn lookup(&mut self, module: &str, path: &str) -> R<Value> {
        let mut v = match module {
            "__main__" => Value::Module(self.interp.main.clone()),
            "builtins" => Value::Module(self.interp.builtins.clone()),
            m => super::call::import_module(self.interp, m)?,
        };
        for part in path.split('.') {
            v = super::attr::get_attr(self.interp, &v, &Name::from(part))?;
        }
        Ok(v)
    }

    fn function(&mut self) -> R<Value> {
        let id = self.count()?;
        let code = self.interp.codes.borrow().get(id).cloned().ok_or_else(|| self.damaged())?;
        let defaults = self.seq()?;
        let mut kw_defaults = Vec::new();
        for (k, v) in self.pairs()? {
            let Value::Str(k) = &k else { return Err(self.damaged()) };
            kw_defaults.push((k.clone(), v));
        }
        let closure = self.seq()?.into_iter().map(|v| Rc::new(RefCell::new(Some(v)))).collect();
        let owner = match self.tag()? {
            b'c' => Some(Rc::downgrade(&self.class()?)),
            b'N' => None,
            _ => return Err(self.damaged()),
        };
        Ok(Value::Func(Rc::new(Function {
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            code,
            globals: self.interp.main.clone(),
            defaults,
            kw_defaults,
            closure,
            owner: RefCell::new(owner),
            attrs: RefCell::new(Attrs::default()),
        })))
    }
}
