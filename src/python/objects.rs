//! Native objects of the core language: slices, ranges, iterators (of lists, strings, dicts,
//! `enumerate`, `zip`, `map`…), dict views, and the wrappers classes use (`staticmethod`,
//! `classmethod`, `property`, `super()`).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::call::call;
use super::interp::{Interp, R};
use super::ir::Name;
use super::ops;
use super::value::*;

/// A native function bound to `this`.
pub fn method(this: &Value, name: &str, f: BuiltinFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: Name::from(name),
        f,
        bound: Some(this.clone()),
        unbound_of: None,
        python: false,
    }))
}

/// The native object of type `T` in the first argument of a method call.
pub fn self_of<'a, T: 'static>(interp: &Interp, args: &'a Args) -> R<&'a T> {
    args.pos
        .first()
        .and_then(|v| v.downcast::<T>())
        .ok_or_else(|| interp.type_error("method called on the wrong object"))
}

// ----- dispatch (the rest of the interpreter calls these) --------------------------------

pub fn get_attr(interp: &Interp, o: &Rc<dyn Object>, this: &Value, name: &Name) -> Option<R<Value>> {
    o.attr(interp, this, name)
}

pub fn set_attr(interp: &Interp, o: &Rc<dyn Object>, name: &Name, v: Value) -> Option<R<()>> {
    o.set_attr(interp, name, v)
}

pub fn repr(interp: &Interp, o: &Rc<dyn Object>, this: &Value) -> R<String> {
    o.repr(interp, this)
}

pub fn str_of(interp: &Interp, o: &Rc<dyn Object>, this: &Value) -> R<String> {
    o.str(interp, this).unwrap_or_else(|| o.repr(interp, this))
}

pub fn truthy(o: &Rc<dyn Object>) -> Option<bool> {
    o.truthy().or_else(|| o.py_len().map(|n| n > 0))
}

pub fn len(o: &Rc<dyn Object>) -> Option<usize> {
    o.py_len()
}

pub fn next(interp: &Interp, o: &Rc<dyn Object>, _this: &Value) -> Option<R<Option<Value>>> {
    o.next(interp)
}

pub fn iter_object(interp: &Interp, o: &Rc<dyn Object>, this: &Value) -> Option<R<Value>> {
    o.iter(interp, this)
}

pub fn contains(interp: &Interp, o: &Rc<dyn Object>, item: &Value) -> Option<R<bool>> {
    o.contains(interp, item)
}

pub fn get_item(interp: &Interp, o: &Rc<dyn Object>, index: &Value) -> Option<R<Value>> {
    o.get_item(interp, index)
}

pub fn call_object(interp: &Interp, o: &Rc<dyn Object>, this: &Value, args: Args) -> Option<R<Value>> {
    o.call(interp, this, args)
}

// ----- X | Y of types ------------------------------------------------------------------------

/// `int | str`, `int | None` (`types.UnionType`): what `isinstance` accepts in place of a
/// tuple. Its members are classes (`None` stands for `NoneType`), without repeats.
pub struct UnionType(pub Vec<Rc<Class>>);

/// `a | b` when both are types, `None` or unions (and not both `None`).
pub fn union(interp: &Interp, a: &Value, b: &Value) -> Option<Value> {
    let members = |v: &Value| -> Option<Vec<Rc<Class>>> {
        match v {
            Value::Class(c) => Some(vec![c.clone()]),
            Value::None => Some(vec![interp.types.none.clone()]),
            other => other.downcast::<UnionType>().map(|u| u.0.clone()),
        }
    };
    if a.is_none() && b.is_none() {
        return None;
    }
    let is_alias =
        |v: &Value| super::modules::typing::alias_origin(v).is_some() || v.downcast::<AliasUnion>().is_some();
    if is_alias(a) || is_alias(b) {
        return alias_union(interp, a, b);
    }
    let mut all = members(a)?;
    for c in members(b)? {
        if !all.iter().any(|m| Rc::ptr_eq(m, &c)) {
            all.push(c);
        }
    }
    // One type left (`int | int`) is that type.
    if let [one] = all.as_slice() {
        return Some(Value::Class(one.clone()));
    }
    Some(Value::object(UnionType(all)))
}

impl Object for UnionType {
    fn type_name(&self) -> &str {
        "UnionType"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        let names: Vec<String> = self
            .0
            .iter()
            .map(|c| match &*c.module_name() {
                _ if Rc::ptr_eq(c, &interp.types.none) => "None".to_string(),
                "builtins" => c.qualname.to_string(),
                m => format!("{m}.{}", c.qualname),
            })
            .collect();
        Ok(names.join(" | "))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            "__args__" => Some(Ok(Value::tuple(self.0.iter().map(|c| Value::Class(c.clone())).collect()))),
            _ => None,
        }
    }
    fn eq(&self, other: &Value) -> Option<bool> {
        let other = other.downcast::<UnionType>()?;
        let within = |a: &[Rc<Class>], b: &[Rc<Class>]| a.iter().all(|c| b.iter().any(|d| Rc::ptr_eq(c, d)));
        Some(within(&self.0, &other.0) && within(&other.0, &self.0))
    }
}

/// `list[int] | None`: a union with a generic alias among its members (CPython's
/// `types.UnionType` too), which reads as CPython's and has `__args__`.
pub struct AliasUnion(Vec<Value>);

fn alias_union(interp: &Interp, a: &Value, b: &Value) -> Option<Value> {
    let members = |v: &Value| -> Option<Vec<Value>> {
        match v {
            Value::Class(_) => Some(vec![v.clone()]),
            Value::None => Some(vec![Value::Class(interp.types.none.clone())]),
            other => {
                if let Some(u) = other.downcast::<AliasUnion>() {
                    Some(u.0.clone())
                } else if let Some(u) = other.downcast::<UnionType>() {
                    Some(u.0.iter().map(|c| Value::Class(c.clone())).collect())
                } else {
                    super::modules::typing::alias_origin(other).map(|_| vec![other.clone()])
                }
            }
        }
    };
    let mut all = members(a)?;
    for m in members(b)? {
        if !all.iter().any(|x| ops::eq(interp, x, &m).unwrap_or(false)) {
            all.push(m);
        }
    }
    Some(Value::object(AliasUnion(all)))
}

impl Object for AliasUnion {
    fn type_name(&self) -> &str {
        "UnionType"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        let mut names = Vec::with_capacity(self.0.len());
        for m in &self.0 {
            names.push(match m {
                Value::Class(c) if Rc::ptr_eq(c, &interp.types.none) => "None".to_string(),
                Value::Class(c) => match &*c.module_name() {
                    "builtins" => c.qualname.to_string(),
                    md => format!("{md}.{}", c.qualname),
                },
                other => ops::repr(interp, other)?,
            });
        }
        Ok(names.join(" | "))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            "__args__" => Some(Ok(Value::tuple(self.0.clone()))),
            _ => None,
        }
    }
}

// ----- slices and ranges -------------------------------------------------------------------

/// `slice(start, stop, step)`
pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Object for SliceObj {
    fn type_name(&self) -> &str {
        "slice"
    }
    /// Unhashable, as in CPython 3.11 (3.12 made slices hashable).
    fn key_hash(&self) -> Option<Option<u64>> {
        Some(None)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        Ok(format!(
            "slice({}, {}, {})",
            ops::repr(interp, &self.start)?,
            ops::repr(interp, &self.stop)?,
            ops::repr(interp, &self.step)?
        ))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(match &**name {
            "start" => self.start.clone(),
            "stop" => self.stop.clone(),
            "step" => self.step.clone(),
            "indices" => method(this, "indices", slice_indices),
            _ => return None,
        }))
    }
}

/// `slice.indices(length)`: the start, stop and step a sequence of that length would use,
/// the length checked first, as CPython does.
fn slice_indices(interp: &Interp, args: Args) -> R<Value> {
    let s = self_of::<SliceObj>(interp, &args)?;
    let [_, length] = &args.pos[..] else {
        return Err(interp.type_error(format!(
            "slice.indices() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    };
    let length = ops::to_index(interp, length)?;
    if length < 0 {
        return Err(interp.value_error("length should not be negative"));
    }
    // Beyond a 32-bit `usize` only on wasm32, where no sequence comes near it.
    let length = usize::try_from(length).unwrap_or(usize::MAX);
    let (start, stop, step) = ops::slice_indices(interp, s, length)?;
    Ok(Value::tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
}

/// `range(start, stop, step)`
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn length(&self) -> usize {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n.min(usize::MAX as i128) as usize
    }

    fn item(&self, i: usize) -> i64 {
        self.start + self.step * i as i64
    }
}

impl RangeObj {
    /// What makes two ranges equal, as CPython compares them: the same items in the same order
    /// (the length, then the start if there is an item, then the step if there are two).
    fn items_key(&self) -> (usize, i64, i64) {
        match self.length() {
            0 => (0, 0, 0),
            1 => (1, self.start, 0),
            n => (n, self.start, self.step),
        }
    }
}

impl Object for RangeObj {
    fn type_name(&self) -> &str {
        "range"
    }
    fn eq(&self, other: &Value) -> Option<bool> {
        Some(other.downcast::<RangeObj>().is_some_and(|o| o.items_key() == self.items_key()))
    }
    fn key_hash(&self) -> Option<Option<u64>> {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        self.items_key().hash(&mut h);
        Some(Some(h.finish()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok(if self.step == 1 {
            format!("range({}, {})", self.start, self.stop)
        } else {
            format!("range({}, {}, {})", self.start, self.stop, self.step)
        })
    }
    fn py_len(&self) -> Option<usize> {
        Some(self.length())
    }
    fn iter(&self, _interp: &Interp, _this: &Value) -> Option<R<Value>> {
        Some(Ok(Value::object(Iter::new(
            "range_iterator",
            IterState::Range { next: self.start, left: self.length(), step: self.step },
        ))))
    }
    fn contains(&self, _interp: &Interp, item: &Value) -> Option<R<bool>> {
        let i = match item {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::Float(x) if x.fract() == 0.0 => *x as i64,
            _ => return Some(Ok(false)),
        };
        let inside = if self.step > 0 { i >= self.start && i < self.stop } else { i <= self.start && i > self.stop };
        // In 128 bits: `i - start` may pass 64 (`2**63 - 1 in range(-1, 0, -1)`).
        Some(Ok(inside && (i128::from(i) - i128::from(self.start)) % i128::from(self.step) == 0))
    }
    fn get_item(&self, interp: &Interp, index: &Value) -> Option<R<Value>> {
        let n = self.length();
        if let Some(s) = index.downcast::<SliceObj>() {
            return Some(ops::slice_indices(interp, s, n).and_then(|(a, b, c)| {
                // In 128 bits: the ends may lie past 64 (`range(0, 2**63 - 1, 2**62)[:]` ends at
                // 2**63). Then the range ends just past its last item, if that fits in 64 bits.
                let (a, b, c) = (i128::from(a), i128::from(b), i128::from(c));
                let len = if c > 0 && b > a {
                    (b - a - 1) / c + 1
                } else if c < 0 && a > b {
                    (a - b - 1) / -c + 1
                } else {
                    0
                };
                let (start, step) = (i128::from(self.start) + a * i128::from(self.step), i128::from(self.step) * c);
                let stop = start + len * step;
                let last = start + (len - 1) * step;
                let fit = |v: i128| i64::try_from(v).ok();
                let ends = match (fit(start), fit(stop)) {
                    (Some(start), Some(stop)) => Some((start, stop)),
                    (Some(start), None) if len > 0 => fit(last + step.signum()).map(|stop| (start, stop)),
                    (Some(start), None) => Some((start, start)),
                    _ => None,
                };
                match (ends, fit(step)) {
                    (Some((start, stop)), Some(step)) => Ok(Value::object(RangeObj { start, stop, step })),
                    _ => Err(interp.err(
                        "OverflowError",
                        "range() takes ints within 64 bits in Interleave (CPython's takes any int)",
                    )),
                }
            }));
        }
        Some(ops::to_index(interp, index).and_then(|i| {
            let i = if i < 0 { i + n as i64 } else { i };
            if (0..n as i64).contains(&i) {
                Ok(Value::Int(self.item(i as usize)))
            } else {
                Err(interp.index_error("range object index out of range"))
            }
        }))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(match &**name {
            "start" => Value::Int(self.start),
            "stop" => Value::Int(self.stop),
            "step" => Value::Int(self.step),
            "index" => method(this, "index", |interp, args| {
                let r = this_range(interp, &args)?;
                let v = args.pos.get(1).cloned().unwrap_or_default();
                let len = r.length();
                for i in 0..len {
                    if ops::eq(interp, &Value::Int(r.item(i)), &v)? {
                        return Ok(Value::Int(i as i64));
                    }
                }
                Err(interp.value_error(format!("{} is not in range", ops::repr(interp, &v)?)))
            }),
            "count" => method(this, "count", |interp, args| {
                let r = this_range(interp, &args)?;
                let v = args.pos.get(1).cloned().unwrap_or_default();
                Ok(Value::Int(r.contains(interp, &v).unwrap_or(Ok(false))? as i64))
            }),
            _ => return None,
        }))
    }
}

fn this_range<'a>(interp: &Interp, args: &'a Args) -> R<&'a RangeObj> {
    self_of::<RangeObj>(interp, args)
}

// ----- iterators ---------------------------------------------------------------------------

pub enum IterState {
    List(Rc<RefCell<Vec<Value>>>, usize),
    Tuple(Rc<[Value]>, usize),
    /// A string and the byte offset of the next character.
    Str(Rc<str>, usize),
    /// A dict's keys, values or items, with the size it had (a change is an error).
    Dict {
        dict: Rc<RefCell<Dict>>,
        index: usize,
        size: usize,
        part: DictPart,
    },
    Items(Vec<Value>, usize),
    /// A set, with the size it had (a change is an error).
    Set {
        set: Rc<RefCell<Set>>,
        index: usize,
        size: usize,
    },
    Range {
        next: i64,
        left: usize,
        step: i64,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    Done,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

/// Every native iterator: one state machine, named as CPython names its type.
pub struct Iter {
    name: &'static str,
    state: RefCell<IterState>,
}

impl Iter {
    pub fn new(name: &'static str, state: IterState) -> Iter {
        Iter { name, state: RefCell::new(state) }
    }

    pub fn advance(&self, interp: &Interp) -> R<Option<Value>> {
        let mut state = self.state.borrow_mut();
        let out = match &mut *state {
            IterState::List(l, i) => {
                let item = l.borrow().get(*i).cloned();
                *i += 1;
                item
            }
            IterState::Tuple(t, i) => {
                let item = t.get(*i).cloned();
                *i += 1;
                item
            }
            IterState::Str(s, at) => {
                let c = s[*at..].chars().next();
                if let Some(c) = c {
                    *at += c.len_utf8();
                }
                c.map(|c| Value::Str(Rc::from(c.to_string())))
            }
            IterState::Dict { dict, index, size, part } => {
                let d = dict.borrow();
                if d.len() != *size {
                    drop(d);
                    *state = IterState::Done;
                    return Err(interp.runtime_error("dictionary changed size during iteration"));
                }
                match d.next_from(*index) {
                    Some((k, v, next)) => {
                        *index = next;
                        Some(match part {
                            DictPart::Keys => k.value.clone(),
                            DictPart::Values => v.clone(),
                            DictPart::Items => Value::tuple(vec![k.value.clone(), v.clone()]),
                        })
                    }
                    None => None,
                }
            }
            IterState::Set { set, index, size } => {
                let s = set.borrow();
                if s.items.len() != *size {
                    drop(s);
                    *state = IterState::Done;
                    return Err(interp.runtime_error("Set changed size during iteration"));
                }
                match s.items.next_from(*index) {
                    Some((k, next)) => {
                        *index = next;
                        Some(k.value.clone())
                    }
                    None => None,
                }
            }
            IterState::Items(items, i) => {
                let item = items.get(*i).cloned();
                *i += 1;
                item
            }
            IterState::Range { next, left, step } => {
                if *left == 0 {
                    None
                } else {
                    let v = *next;
                    *left -= 1;
                    *next = next.wrapping_add(*step);
                    Some(Value::Int(v))
                }
            }
            IterState::Enumerate { inner, count } => {
                let inner = inner.clone();
                let n = *count;
                drop(state);
                let item = ops::next(interp, &inner)?;
                let Some(item) = item else { return Ok(None) };
                // The count is kept in 64 bits: past them, a clear error (CPython goes on in
                // big ints), never an overflow.
                let Some(after) = n.checked_add(1) else {
                    return Err(interp.err("OverflowError", "enumerate() counts within 64 bits in Interleave"));
                };
                let mut state = self.state.borrow_mut();
                if let IterState::Enumerate { count, .. } = &mut *state {
                    *count = after;
                }
                return Ok(Some(Value::tuple(vec![Value::Int(n), item])));
            }
            IterState::Zip { inners, strict } => {
                let (inners, strict) = (inners.clone(), *strict);
                drop(state);
                let mut items = Vec::with_capacity(inners.len());
                for (i, it) in inners.iter().enumerate() {
                    match ops::next(interp, it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict
                                && (i > 0 || inners[1..].iter().any(|o| ops::next(interp, o).ok().flatten().is_some()))
                            {
                                let which = if i > 0 {
                                    format!(
                                        "zip() argument {} is shorter than argument{} 1",
                                        i + 1,
                                        if i > 1 { "s" } else { "" }
                                    )
                                } else {
                                    "zip() argument 2 is longer than argument 1".into()
                                };
                                return Err(interp.value_error(which));
                            }
                            return Ok(None);
                        }
                    }
                }
                return Ok((!inners.is_empty()).then(|| Value::tuple(items)));
            }
            IterState::Map { func, inners } => {
                let (func, inners) = (func.clone(), inners.clone());
                drop(state);
                let mut args = Vec::with_capacity(inners.len());
                for it in &inners {
                    match ops::next(interp, it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                return call(interp, &func, Args { pos: args, kw: vec![] }).map(Some);
            }
            IterState::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(state);
                while let Some(v) = ops::next(interp, &inner)? {
                    let keep = match &func {
                        Value::None => ops::truthy(interp, &v)?,
                        f => {
                            let r = call(interp, f, Args { pos: vec![v.clone()], kw: vec![] })?;
                            ops::truthy(interp, &r)?
                        }
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                return Ok(None);
            }
            IterState::Done => None,
        };
        if out.is_none() {
            *state = IterState::Done;
        }
        Ok(out)
    }
}

impl Object for Iter {
    fn type_name(&self) -> &str {
        self.name
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn next(&self, interp: &Interp) -> Option<R<Option<Value>>> {
        Some(self.advance(interp))
    }
    fn iter(&self, _interp: &Interp, this: &Value) -> Option<R<Value>> {
        Some(Ok(this.clone()))
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            "__next__" => Some(Ok(method(this, "__next__", |interp, args| {
                let it = args.pos.first().cloned().unwrap_or_default();
                ops::next(interp, &it)?.ok_or_else(|| interp.stop_iteration(Value::None))
            }))),
            "__iter__" => {
                Some(Ok(method(this, "__iter__", |_, args| Ok(args.pos.first().cloned().unwrap_or_default()))))
            }
            _ => None,
        }
    }
}

/// An iterator over an object with only `__getitem__` (the old sequence protocol).
pub struct SeqIter {
    seq: Value,
    index: Cell<i64>,
}

impl SeqIter {
    pub fn new(seq: Value) -> SeqIter {
        SeqIter { seq, index: Cell::new(0) }
    }
}

impl Object for SeqIter {
    fn type_name(&self) -> &str {
        "iterator"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn next(&self, interp: &Interp) -> Option<R<Option<Value>>> {
        let i = self.index.get();
        self.index.set(i + 1);
        Some(match ops::get_item(interp, &self.seq, &Value::Int(i)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is(&interp.types.exc("IndexError")) || e.is(&interp.types.exc("StopIteration")) => Ok(None),
            Err(e) => Err(e),
        })
    }
    fn iter(&self, _interp: &Interp, this: &Value) -> Option<R<Value>> {
        Some(Ok(this.clone()))
    }
}

/// A new iterator over a built-in container (`None` for other values).
pub fn iterator_for(v: &Value) -> Option<Value> {
    let state = match v {
        Value::List(l) => ("list_iterator", IterState::List(l.clone(), 0)),
        Value::Tuple(t) => ("tuple_iterator", IterState::Tuple(t.clone(), 0)),
        Value::Str(s) => {
            (if s.is_ascii() { "str_ascii_iterator" } else { "str_iterator" }, IterState::Str(s.clone(), 0))
        }
        Value::Dict(d) => {
            let size = d.borrow().len();
            ("dict_keyiterator", IterState::Dict { dict: d.clone(), index: 0, size, part: DictPart::Keys })
        }
        Value::Set(s) => ("set_iterator", IterState::Set { size: s.borrow().items.len(), set: s.clone(), index: 0 }),
        Value::FrozenSet(s) => ("set_iterator", IterState::Items(s.items.iter().map(|k| k.value.clone()).collect(), 0)),
        _ => return None,
    };
    Some(Value::object(Iter::new(state.0, state.1)))
}

// ----- dict views --------------------------------------------------------------------------

/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
pub struct DictView {
    pub dict: Rc<RefCell<Dict>>,
    pub part: DictPart,
}

impl DictView {
    /// Keys and items views are set-like (`==` with sets, `& | - ^`, `isdisjoint`).
    pub fn set_like(&self) -> bool {
        self.part != DictPart::Values
    }

    pub fn items(&self) -> Vec<Value> {
        self.dict
            .borrow()
            .iter()
            .map(|(k, v)| match self.part {
                DictPart::Keys => k.value.clone(),
                DictPart::Values => v.clone(),
                DictPart::Items => Value::tuple(vec![k.value.clone(), v.clone()]),
            })
            .collect()
    }
}

impl Object for DictView {
    fn type_name(&self) -> &str {
        match self.part {
            DictPart::Keys => "dict_keys",
            DictPart::Values => "dict_values",
            DictPart::Items => "dict_items",
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        Ok(format!("{}({})", self.type_name(), ops::repr(interp, &Value::list(self.items()))?))
    }
    fn py_len(&self) -> Option<usize> {
        Some(self.dict.borrow().len())
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            "isdisjoint" if self.set_like() => Some(Ok(method(this, "isdisjoint", |interp, args| {
                let view = self_of::<DictView>(interp, &args)?;
                let other = ops::iter(interp, args.pos.get(1).unwrap_or(&Value::None))?;
                while let Some(x) = ops::next(interp, &other)? {
                    if view.contains(interp, &x).unwrap_or(Ok(false))? {
                        return Ok(Value::Bool(false));
                    }
                }
                Ok(Value::Bool(true))
            }))),
            _ => None,
        }
    }
    fn iter(&self, _interp: &Interp, _this: &Value) -> Option<R<Value>> {
        let size = self.dict.borrow().len();
        let name = match self.part {
            DictPart::Keys => "dict_keyiterator",
            DictPart::Values => "dict_valueiterator",
            DictPart::Items => "dict_itemiterator",
        };
        Some(Ok(Value::object(Iter::new(
            name,
            IterState::Dict { dict: self.dict.clone(), index: 0, size, part: self.part },
        ))))
    }
    fn contains(&self, interp: &Interp, item: &Value) -> Option<R<bool>> {
        Some(match self.part {
            DictPart::Keys => {
                ops::key_in(interp, &self.dict, item.clone()).map(|k| self.dict.borrow().get(&k).is_some())
            }
            _ => {
                let items = self.items();
                let mut found = Ok(false);
                for x in &items {
                    match ops::same_or_eq(interp, x, item) {
                        Ok(true) => {
                            found = Ok(true);
                            break;
                        }
                        Ok(false) => {}
                        Err(e) => {
                            found = Err(e);
                            break;
                        }
                    }
                }
                found
            }
        })
    }
}

// ----- class helpers -----------------------------------------------------------------------

/// `@staticmethod`
pub struct StaticMethod(pub Value);

impl Object for StaticMethod {
    fn type_name(&self) -> &str {
        "staticmethod"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        Some(call(interp, &self.0, args))
    }
}

/// `@classmethod`
pub struct ClassMethod(pub Value);

impl Object for ClassMethod {
    fn type_name(&self) -> &str {
        "classmethod"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `@property` (with `.setter` and `.deleter`).
pub struct Property {
    pub fget: Option<Value>,
    pub fset: Option<Value>,
    pub fdel: Option<Value>,
    /// `property(doc=…)`; without it, `__doc__` is the getter's.
    pub doc: Option<Value>,
}

impl Object for Property {
    fn type_name(&self) -> &str {
        "property"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn attr(&self, interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "setter" => |interp, args| {
                let p = self_of::<Property>(interp, &args)?;
                Ok(Value::object(Property {
                    fget: p.fget.clone(),
                    fset: args.pos.get(1).cloned(),
                    fdel: p.fdel.clone(),
                    doc: p.doc.clone(),
                }))
            },
            "getter" => |interp, args| {
                let p = self_of::<Property>(interp, &args)?;
                Ok(Value::object(Property {
                    fget: args.pos.get(1).cloned(),
                    fset: p.fset.clone(),
                    fdel: p.fdel.clone(),
                    doc: p.doc.clone(),
                }))
            },
            "deleter" => |interp, args| {
                let p = self_of::<Property>(interp, &args)?;
                Ok(Value::object(Property {
                    fget: p.fget.clone(),
                    fset: p.fset.clone(),
                    fdel: args.pos.get(1).cloned(),
                    doc: p.doc.clone(),
                }))
            },
            "fget" => return Some(Ok(self.fget.clone().unwrap_or_default())),
            "fset" => return Some(Ok(self.fset.clone().unwrap_or_default())),
            "fdel" => return Some(Ok(self.fdel.clone().unwrap_or_default())),
            "__doc__" => {
                return Some(match (&self.doc, &self.fget) {
                    (Some(doc), _) => Ok(doc.clone()),
                    (None, Some(fget)) => super::attr::get_attr(interp, fget, &Name::from("__doc__")),
                    (None, None) => Ok(Value::None),
                })
            }
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

/// `C.__dict__` (and `vars(C)`): the class's namespace as a read-only mapping, as CPython's
/// `mappingproxy`; the program changes a class with `setattr(C, name, v)` or `C.name = v`.
/// Here it holds a dict of the namespace as it was when read.
pub struct MappingProxy(pub Value);

impl Object for MappingProxy {
    fn type_name(&self) -> &str {
        "mappingproxy"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        Ok(format!("mappingproxy({})", ops::repr(interp, &self.0)?))
    }
    fn attr(&self, interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            "keys" | "values" | "items" | "get" | "copy" | "__getitem__" | "__contains__" | "__len__" | "__iter__" => {
                Some(super::attr::get_attr(interp, &self.0, name))
            }
            _ => None,
        }
    }
    fn iter(&self, interp: &Interp, _this: &Value) -> Option<R<Value>> {
        Some(ops::iter(interp, &self.0))
    }
    fn py_len(&self) -> Option<usize> {
        match &self.0 {
            Value::Dict(d) => Some(d.borrow().len()),
            _ => None,
        }
    }
    fn contains(&self, interp: &Interp, item: &Value) -> Option<R<bool>> {
        Some(ops::contains(interp, &self.0, item))
    }
    fn get_item(&self, interp: &Interp, index: &Value) -> Option<R<Value>> {
        Some(ops::get_item(interp, &self.0, index))
    }
}

/// `super()` / `super(Class, obj)`: attributes from after `class` in `obj`'s MRO.
pub struct Super {
    pub class: Rc<Class>,
    pub this: Value,
}

impl Object for Super {
    fn type_name(&self) -> &str {
        "super"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn attr(&self, interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        let start = match &self.this {
            Value::Class(c) => c.clone(),
            other => interp.class_of(other),
        };
        let mut after = false;
        for c in start.lineage() {
            if after {
                let found = c.attrs.borrow().get(name).cloned();
                if let Some(v) = found {
                    // `super().name` of a base's property, in a method: the getter's value.
                    if let (Some(p), Value::Instance(inst)) = (v.downcast::<Property>(), &self.this) {
                        return Some(match &p.fget {
                            Some(get) => call(interp, get, Args { pos: vec![self.this.clone()], kw: vec![] }),
                            None => Err(interp.attribute_error(format!(
                                "property '{name}' of '{}' object has no getter",
                                inst.class.name
                            ))),
                        });
                    }
                    return Some(Ok(bind_super(&self.this, c, v)));
                }
                // Built-in bases: their methods (`Exception.__init__`, `object.__init__`…).
                if !c.user {
                    if let Some(m) = super::builtins::base_method(c, &self.this, name) {
                        return Some(Ok(m));
                    }
                }
            } else if Rc::ptr_eq(c, &self.class) {
                after = true;
            }
        }
        Some(Err(interp.attribute_error(format!("'super' object has no attribute '{name}'"))))
    }
}

fn bind_super(this: &Value, class: &Rc<Class>, v: Value) -> Value {
    match &v {
        Value::Func(_) | Value::Builtin(_) => Value::Method(Rc::new(Method { this: this.clone(), func: v })),
        Value::Object(o) => {
            let any = o.as_any();
            if let Some(s) = any.downcast_ref::<StaticMethod>() {
                s.0.clone()
            } else if let Some(c) = any.downcast_ref::<ClassMethod>() {
                let owner = match this {
                    Value::Class(k) => k.clone(),
                    _ => class.clone(),
                };
                Value::Method(Rc::new(Method { this: Value::Class(owner), func: c.0.clone() }))
            } else {
                v
            }
        }
        _ => v,
    }
}

/// `NotImplemented`, `Ellipsis`: singletons with a name.
pub struct Singleton(pub &'static str);

impl Object for Singleton {
    fn type_name(&self) -> &str {
        match self.0 {
            "Ellipsis" => "ellipsis",
            _ => "NotImplementedType",
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok(self.0.to_string())
    }
}
