//! Methods of the built-in types (`str.split`, `list.append`, `dict.get`…). One table maps
//! (type, name) to a native function taking the object as its first argument; the same
//! function serves `obj.method(…)`, `obj.method` (bound) and `str.method` (unbound).

use std::cell::RefCell;
use std::rc::Rc;

use super::builtins::{expect, sort_values};
use super::call::call as call_fn;
use super::format::{self as fmt, py_isspace};
use super::interp::{Interp, R};
use super::ir::Name;
use super::objects::{DictPart, DictView};
use super::ops;
use super::set_table::{self, Table};
use super::value::frexp;
use super::value::*;

fn kind(v: &Value) -> Option<BuiltinType> {
    Some(match v {
        Value::Str(_) => BuiltinType::Str,
        Value::List(_) => BuiltinType::List,
        Value::Tuple(_) => BuiltinType::Tuple,
        Value::Dict(_) => BuiltinType::Dict,
        Value::Set(_) => BuiltinType::Set,
        Value::FrozenSet(_) => BuiltinType::FrozenSet,
        Value::Int(_) | Value::BigInt(_) => BuiltinType::Int,
        Value::Bool(_) => BuiltinType::Bool,
        Value::Float(_) => BuiltinType::Float,
        _ => return None,
    })
}

/// The method `obj.name(…)` calls, for a built-in value whose type has it (taking the value as
/// its first argument; `str.maketrans`, a static method, is read as an attribute instead).
pub fn method_of(obj: &Value, name: &str) -> Option<BuiltinFn> {
    if name == "maketrans" {
        return None;
    }
    lookup(kind(obj)?, name)
}

/// `obj.name(args)` for a built-in object, if the type has that method.
pub fn call(interp: &Interp, obj: &Value, name: &str, args: &mut Args) -> Option<R<Value>> {
    let f = lookup(kind(obj)?, name)?;
    args.pos.insert(0, obj.clone());
    Some(f(interp, std::mem::take(args)))
}

/// `obj.name` for a built-in object: a bound method or an attribute.
pub fn attribute(interp: &Interp, obj: &Value, name: &str) -> Option<R<Value>> {
    let k = kind(obj)?;
    match (obj, name) {
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => return Some(Ok(obj.clone())),
        (Value::Int(_) | Value::BigInt(_), "imag") => return Some(Ok(Value::Int(0))),
        (Value::Int(_) | Value::BigInt(_), "denominator") => return Some(Ok(Value::Int(1))),
        (Value::Bool(b), "real" | "numerator") => return Some(Ok(Value::Int(*b as i64))),
        (Value::Float(x), "real") => return Some(Ok(Value::Float(*x))),
        (Value::Float(_), "imag") => return Some(Ok(Value::Float(0.0))),
        // A static method: the string it is read from is not an argument.
        (Value::Str(_), "maketrans") => {
            return Some(Ok(Value::Builtin(Rc::new(Builtin {
                name: Name::from(name),
                f: maketrans,
                bound: None,
                unbound_of: None,
                python: false,
            }))))
        }
        _ => {}
    }
    let _ = interp;
    let f = lookup(k, name)?;
    Some(Ok(Value::Builtin(Rc::new(Builtin {
        name: Name::from(name),
        f,
        bound: Some(obj.clone()),
        unbound_of: None,
        python: false,
    }))))
}

/// `str.upper` and friends, read from the class. Class and static methods take no instance;
/// the others check theirs when called ([`check_unbound`]).
pub fn unbound(_interp: &Interp, class: &Rc<Class>, name: &str) -> Option<Value> {
    let (f, of_instance) = match class.builtin {
        BuiltinType::Dict if name == "fromkeys" => (dict_fromkeys as BuiltinFn, false),
        BuiltinType::Int if name == "from_bytes" => (super::bytes::int_from_bytes as BuiltinFn, false),
        BuiltinType::Native => (super::bytes::class_method(class, name)?, name != "fromhex"),
        BuiltinType::Str if name == "maketrans" => (maketrans as BuiltinFn, false),
        // Called on a subclass's instance mostly (`list.__init__(self, items)`), whose list
        // or dict `check_unbound` passes on: list's is made anew, dict's updated.
        BuiltinType::List if name == "__init__" => (list_init as BuiltinFn, true),
        BuiltinType::Dict if name == "__init__" => (lookup(BuiltinType::Dict, "update")?, true),
        b => (lookup(b, name)?, true),
    };
    let unbound_of = of_instance.then(|| class.clone());
    Some(Value::Builtin(Rc::new(Builtin { name: Name::from(name), f, bound: None, unbound_of, python: false })))
}

/// `list.__init__(l, iterable=())`: `l` holds the iterable's items, and only those.
fn list_init(interp: &Interp, args: Args) -> R<Value> {
    if args.pos.len() > 2 {
        return Err(interp.type_error(format!("list expected at most 1 argument, got {}", args.pos.len() - 1)));
    }
    let Some(Value::List(l)) = args.pos.first() else { return Err(interp.type_error("list.__init__ needs a list")) };
    let items = match args.pos.get(1) {
        Some(v) => ops::collect(interp, v)?,
        None => Vec::new(),
    };
    let old = std::mem::replace(&mut *l.borrow_mut(), items);
    // Dropped with the list let go: dropping them may run code.
    drop(old);
    Ok(Value::None)
}

/// The object an unbound method of built-in `class` is called on (its first argument) must be
/// an instance of it, as CPython's descriptors check, in their words: a method's
/// (`descriptor 'upper' for 'str' objects doesn't apply to a 'int' object`) or, for a special
/// method CPython defines as a slot (`__add__`, `__len__`), a slot wrapper's.
pub fn check_unbound(interp: &Interp, class: &Rc<Class>, name: &str, args: &mut Args) -> R<()> {
    if let Some(held) = args.pos.first().and_then(|v| held_builtin(class, v)) {
        args.pos[0] = held;
        return Ok(());
    }
    let slot = is_slot(class, name);
    match args.pos.first() {
        Some(v) if interp.isinstance(v, class) => Ok(()),
        Some(v) if slot => Err(interp.type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            class.name,
            v.type_name()
        ))),
        Some(v) => Err(interp.type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            class.name,
            v.type_name()
        ))),
        None if slot => {
            Err(interp.type_error(format!("descriptor '{name}' of '{}' object needs an argument", class.name)))
        }
        None => Err(interp.type_error(format!("unbound method {}.{name}() needs an argument", class.name))),
    }
}

/// What `list.append(self, x)` or `dict.__setitem__(self, k, v)` works on when `self` is an
/// instance of a subclass of list or dict: the list or dict it holds (see `collections`'
/// `_ListSubclass` and `_DictSubclass`, which stand in for the built-in base).
pub fn held_builtin(class: &Rc<Class>, v: &Value) -> Option<Value> {
    let Value::Instance(i) = v else { return None };
    let field = match class.builtin {
        BuiltinType::List => "_l",
        BuiltinType::Dict => "_d",
        _ => return None,
    };
    if !i.class.stands_for(class) {
        return None;
    }
    i.attrs.borrow().get(field).cloned().filter(|held| matches!(held, Value::List(_) | Value::Dict(_)))
}

/// The repr of an unbound method of built-in `class`: `<method 'upper' of 'str' objects>`,
/// `<slot wrapper '__add__' of 'float' objects>`.
pub fn unbound_repr(class: &Class, name: &str) -> String {
    let kind = if is_slot(class, name) { "slot wrapper" } else { "method" };
    format!("<{kind} '{name}' of '{}' objects>", class.name)
}

/// Whether CPython defines `class.name` as a slot (`__add__`, `__len__`): a slot wrapper,
/// whose words differ from a method descriptor's.
fn is_slot(class: &Class, name: &str) -> bool {
    name.starts_with("__") && !method_descriptor(class.builtin, name)
}

/// The special methods CPython defines in a built-in type's method table (method descriptors)
/// rather than as slots: the few of them this engine has.
fn method_descriptor(k: BuiltinType, name: &str) -> bool {
    use BuiltinType::*;
    matches!(
        (k, name),
        (_, "__format__")
            | (Int | Bool | Float, "__round__")
            | (List | Dict, "__getitem__")
            | (Dict | Set | FrozenSet, "__contains__")
    )
}

/// The type's method `name`: a named one, else a special method ([`super::dunders`]).
fn lookup(k: BuiltinType, name: &str) -> Option<BuiltinFn> {
    method(k, name).or_else(|| super::dunders::lookup(k, name))
}

fn method(k: BuiltinType, name: &str) -> Option<BuiltinFn> {
    Some(match k {
        BuiltinType::Str => match name {
            "split" => |i, a| split(i, a, false),
            "rsplit" => |i, a| split(i, a, true),
            "join" => join,
            "strip" => |i, a| strip(i, a, true, true),
            "lstrip" => |i, a| strip(i, a, true, false),
            "rstrip" => |i, a| strip(i, a, false, true),
            "replace" => replace,
            "startswith" => |i, a| affix(i, a, true),
            "endswith" => |i, a| affix(i, a, false),
            "upper" => |i, a| map_str(i, a, |s| s.to_uppercase()),
            "lower" => |i, a| map_str(i, a, |s| s.to_lowercase()),
            // Lowercase, and the sharp s folded to "ss", as in CPython's table (the one letter
            // of common text whose fold differs from its lowercase).
            "casefold" => |i, a| map_str(i, a, |s| s.to_lowercase().replace('ß', "ss")),
            "swapcase" => |i, a| {
                map_str(i, a, |s| {
                    s.chars()
                        .map(|c| {
                            if c.is_uppercase() {
                                c.to_lowercase().collect::<String>()
                            } else {
                                c.to_uppercase().collect()
                            }
                        })
                        .collect()
                })
            },
            "title" => |i, a| map_str(i, a, title),
            "capitalize" => |i, a| {
                map_str(i, a, |s| {
                    let mut c = s.chars();
                    match c.next() {
                        Some(f) => titlecase(f) + &c.flat_map(|x| x.to_lowercase()).collect::<String>(),
                        None => String::new(),
                    }
                })
            },
            "find" => |i, a| find(i, a, false, false),
            "rfind" => |i, a| find(i, a, true, false),
            "index" => |i, a| find(i, a, false, true),
            "rindex" => |i, a| find(i, a, true, true),
            "count" => str_count,
            "isdecimal" => |i, a| test_str(i, a, |c| fmt::unicode_decimal(c).is_some()),
            "isdigit" => |i, a| {
                test_str(i, a, |c| {
                    fmt::unicode_decimal(c).is_some()
                        || matches!(c, '²' | '³' | '¹' | '⁰'..='⁹' | '₀'..='₉' | '①'..='⑨')
                })
            },
            "isnumeric" => |i, a| test_str(i, a, char::is_numeric),
            "isalpha" => |i, a| test_str(i, a, char::is_alphabetic),
            "isalnum" => |i, a| test_str(i, a, char::is_alphanumeric),
            "isspace" => |i, a| test_str(i, a, py_isspace),
            "isupper" => |i, a| cased(i, a, true),
            "islower" => |i, a| cased(i, a, false),
            "istitle" => |i, a| {
                let s = this_str(i, &a)?;
                Ok(Value::Bool(s.chars().any(char::is_alphabetic) && title(&s) == *s))
            },
            "isidentifier" => |i, a| {
                let s = this_str(i, &a)?;
                let mut c = s.chars();
                Ok(Value::Bool(
                    c.next().is_some_and(|f| f == '_' || f.is_alphabetic())
                        && c.all(|x| x == '_' || x.is_alphanumeric()),
                ))
            },
            "isascii" => |i, a| Ok(Value::Bool(this_str(i, &a)?.is_ascii())),
            // True for the empty string, unlike the other tests.
            "isprintable" => |i, a| Ok(Value::Bool(this_str(i, &a)?.chars().all(fmt::parse::is_printable))),
            "center" => |i, a| pad(i, a, 'c'),
            "ljust" => |i, a| pad(i, a, 'l'),
            "rjust" => |i, a| pad(i, a, 'r'),
            "zfill" => zfill,
            "translate" => translate,
            "partition" => |i, a| partition(i, a, false),
            "rpartition" => |i, a| partition(i, a, true),
            "splitlines" => splitlines,
            "format" => str_format,
            "format_map" => |i, a| {
                let mapping = a.pos.get(1).cloned().unwrap_or_default();
                let s = this_str(i, &a)?;
                let kw: Vec<(Name, Value)> = ops::mapping_items(i, &mapping)?
                    .into_iter()
                    .filter_map(|(k, v)| if let Value::Str(k) = &k { Some((k.clone(), v)) } else { None })
                    .collect();
                Ok(Value::str(&format_string(i, &s, &[], &kw)?))
            },
            "encode" => |i, a| {
                let s = this_str(i, &a)?;
                let encoding = a.pos.get(1).or_else(|| a.kw.iter().find(|(k, _)| &**k == "encoding").map(|(_, v)| v));
                Ok(Value::object(super::bytes::Bytes(super::bytes::encode(i, &s, encoding)?)))
            },
            "removeprefix" => |i, a| {
                let s = this_str(i, &a)?;
                let p = str_arg(i, &a, 1, "removeprefix")?;
                Ok(Value::str(s.strip_prefix(&*p).unwrap_or(&s)))
            },
            "removesuffix" => |i, a| {
                let s = this_str(i, &a)?;
                let p = str_arg(i, &a, 1, "removesuffix")?;
                Ok(Value::str(s.strip_suffix(&*p).unwrap_or(&s)))
            },
            "expandtabs" => |i, a| {
                let s = this_str(i, &a)?;
                let size = match a.pos.get(1) {
                    Some(v) => {
                        let n = ops::to_index(i, v)?;
                        // CPython takes a C int here.
                        if i32::try_from(n).is_err() {
                            return Err(i.err("OverflowError", "Python int too large to convert to C int"));
                        }
                        n.max(0) as usize
                    }
                    None => 8,
                };
                let mut out = String::new();
                let mut col = 0;
                for c in s.chars() {
                    match c {
                        '\t' if size > 0 => {
                            let n = size - col % size;
                            ops::check_size(i, out.len() + n)?;
                            out.extend(std::iter::repeat_n(' ', n));
                            col += n;
                        }
                        '\t' => {}
                        '\n' | '\r' => {
                            out.push(c);
                            col = 0;
                        }
                        c => {
                            out.push(c);
                            col += 1;
                        }
                    }
                }
                Ok(Value::str(&out))
            },
            _ => return None,
        },
        BuiltinType::List => match name {
            "append" => |i, a| {
                expect_method(i, &a, "append", 1, 1)?;
                let l = this_list(i, &a)?;
                ops::check_size(i, l.borrow().len() + 1)?;
                l.borrow_mut().push(a.pos[1].clone());
                Ok(Value::None)
            },
            "extend" => |i, a| {
                expect_method(i, &a, "extend", 1, 1)?;
                let l = this_list(i, &a)?;
                let items = ops::collect(i, &a.pos[1])?;
                ops::check_size(i, l.borrow().len() + items.len())?;
                l.borrow_mut().extend(items);
                Ok(Value::None)
            },
            "insert" => |i, a| {
                expect_method(i, &a, "insert", 2, 2)?;
                let l = this_list(i, &a)?;
                // The index first: an `__index__` may change the list.
                let at = ops::to_index(i, &a.pos[1])?;
                let n = l.borrow().len() as i64;
                let at = if at < 0 { (at + n).max(0) } else { at.min(n) } as usize;
                l.borrow_mut().insert(at, a.pos[2].clone());
                Ok(Value::None)
            },
            "remove" => |i, a| {
                expect_method(i, &a, "remove", 1, 1)?;
                let l = this_list(i, &a)?;
                // The list as it stands at each step, as CPython walks it: an `__eq__` may
                // change it (the item found is then removed only where it still is).
                let mut k = 0;
                while let Some(x) = ops::list_at(l, k) {
                    if ops::same_or_eq(i, &x, &a.pos[1])? {
                        let mut l = l.borrow_mut();
                        if k < l.len() {
                            l.remove(k);
                        }
                        return Ok(Value::None);
                    }
                    k += 1;
                }
                Err(i.value_error("list.remove(x): x not in list"))
            },
            "pop" => |i, a| {
                expect_method(i, &a, "pop", 0, 1)?;
                let l = this_list(i, &a)?;
                // The index first: an `__index__` may change the list.
                let at = match a.pos.get(1) {
                    Some(v) => ops::to_index(i, v)?,
                    None => -1,
                };
                let n = l.borrow().len();
                if n == 0 {
                    return Err(i.index_error("pop from empty list"));
                }
                let at = if at < 0 { at + n as i64 } else { at };
                if !(0..n as i64).contains(&at) {
                    return Err(i.index_error("pop index out of range"));
                }
                Ok(l.borrow_mut().remove(at as usize))
            },
            "clear" => |i, a| {
                this_list(i, &a)?.borrow_mut().clear();
                Ok(Value::None)
            },
            "index" => |i, a| {
                let l = this_list(i, &a)?;
                let target = a.pos.get(1).cloned().unwrap_or_default();
                // The bounds first (an `__index__` may change the list), then the list as it
                // stands at each step, as CPython walks it: an `__eq__` may change it too.
                let lo = a.pos.get(2).map(|v| index_bound(i, v)).transpose()?;
                let hi = a.pos.get(3).map(|v| index_bound(i, v)).transpose()?;
                let n = l.borrow().len() as i64;
                let bound = |x: i64| (if x < 0 { (x + n).max(0) } else { x.min(n) }) as usize;
                let (mut k, hi) = (lo.map_or(0, bound), hi.map_or(usize::MAX, bound));
                while k < hi {
                    let Some(x) = ops::list_at(l, k) else { break };
                    if ops::same_or_eq(i, &x, &target)? {
                        return Ok(Value::Int(k as i64));
                    }
                    k += 1;
                }
                Err(i.value_error(format!("{} is not in list", ops::repr(i, &target)?)))
            },
            "count" => |i, a| {
                // The list as it stands at each step: an `__eq__` may change it.
                let l = this_list(i, &a)?;
                let target = a.pos.get(1).cloned().unwrap_or_default();
                let (mut k, mut n) = (0, 0);
                while let Some(x) = ops::list_at(l, k) {
                    if ops::same_or_eq(i, &x, &target)? {
                        n += 1;
                    }
                    k += 1;
                }
                Ok(Value::Int(n))
            },
            "sort" => |i, a| {
                let l = this_list(i, &a)?;
                let key = a.kw.iter().find(|(k, _)| &**k == "key").map(|(_, v)| v.clone());
                let reverse = a.kw.iter().find(|(k, _)| &**k == "reverse").map(|(_, v)| v.clone());
                let mut items = std::mem::take(&mut *l.borrow_mut());
                let r = sort_values(i, &mut items, key.as_ref(), reverse.as_ref());
                // The list looked empty to the key and the comparisons; what they put in it is
                // dropped, as CPython drops it, with its error.
                let added = std::mem::replace(&mut *l.borrow_mut(), items);
                r?;
                if !added.is_empty() {
                    return Err(i.value_error("list modified during sort"));
                }
                Ok(Value::None)
            },
            "reverse" => |i, a| {
                this_list(i, &a)?.borrow_mut().reverse();
                Ok(Value::None)
            },
            "copy" => |i, a| Ok(Value::list(this_list(i, &a)?.borrow().clone())),
            _ => return None,
        },
        BuiltinType::Tuple => match name {
            "index" => |i, a| {
                let Some(Value::Tuple(t)) = a.pos.first() else { return Err(i.type_error("index expects a tuple")) };
                let target = a.pos.get(1).cloned().unwrap_or_default();
                // Bounds as list.index takes them (ints, or objects with `__index__`).
                let lo = a.pos.get(2).map(|v| index_bound(i, v)).transpose()?;
                let hi = a.pos.get(3).map(|v| index_bound(i, v)).transpose()?;
                let n = t.len() as i64;
                let bound = |x: i64| (if x < 0 { (x + n).max(0) } else { x.min(n) }) as usize;
                let (lo, hi) = (lo.map_or(0, bound), hi.map_or(t.len(), bound));
                for (k, x) in t.iter().enumerate().take(hi).skip(lo) {
                    if ops::same_or_eq(i, x, &target)? {
                        return Ok(Value::Int(k as i64));
                    }
                }
                Err(i.value_error("tuple.index(x): x not in tuple"))
            },
            "count" => |i, a| {
                let Some(Value::Tuple(t)) = a.pos.first() else { return Err(i.type_error("count expects a tuple")) };
                count_eq(i, t, a.pos.get(1))
            },
            _ => return None,
        },
        BuiltinType::Dict => match name {
            "keys" => |i, a| view(i, &a, DictPart::Keys),
            "values" => |i, a| view(i, &a, DictPart::Values),
            "items" => |i, a| view(i, &a, DictPart::Items),
            "get" => |i, a| {
                expect_method(i, &a, "get", 1, 2)?;
                let d = this_dict(i, &a)?;
                let k = ops::key_in(i, d, a.pos[1].clone())?;
                let found = d.borrow().get(&k).cloned();
                Ok(found.unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or_default()))
            },
            "pop" => |i, a| {
                expect_method(i, &a, "pop", 1, 2)?;
                let d = this_dict(i, &a)?;
                // An empty dict answers before the key is hashed, as CPython's does.
                if d.borrow().is_empty() {
                    return a.pos.get(2).cloned().ok_or_else(|| i.key_error(a.pos[1].clone()));
                }
                let k = ops::key_in(i, d, a.pos[1].clone())?;
                let removed = d.borrow_mut().remove(&k);
                match (removed, a.pos.get(2)) {
                    (Some(v), _) => Ok(v),
                    (None, Some(default)) => Ok(default.clone()),
                    (None, None) => Err(i.key_error(a.pos[1].clone())),
                }
            },
            "popitem" => |i, a| {
                let d = this_dict(i, &a)?;
                let last = d.borrow_mut().pop();
                match last {
                    Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
                    None => Err(i.key_error(Value::str("popitem(): dictionary is empty"))),
                }
            },
            "setdefault" => |i, a| {
                expect_method(i, &a, "setdefault", 1, 2)?;
                let d = this_dict(i, &a)?;
                let k = ops::key_in(i, d, a.pos[1].clone())?;
                let existing = d.borrow().get(&k).cloned();
                Ok(match existing {
                    Some(v) => v,
                    None => {
                        let v = a.pos.get(2).cloned().unwrap_or_default();
                        d.borrow_mut().insert(k, v.clone());
                        v
                    }
                })
            },
            "update" => |i, a| {
                let d = this_dict(i, &a)?.clone();
                if let Some(other) = a.pos.get(1) {
                    super::builtins::dict_update(i, &d, other)?;
                }
                for (k, v) in &a.kw {
                    d.borrow_mut().set_str(k, v.clone());
                }
                Ok(Value::None)
            },
            "clear" => |i, a| {
                this_dict(i, &a)?.borrow_mut().clear();
                Ok(Value::None)
            },
            "copy" => |i, a| Ok(Value::dict(this_dict(i, &a)?.borrow().clone())),
            "fromkeys" => dict_fromkeys,
            _ => return None,
        },
        // A frozenset has the set's methods that do not change it.
        BuiltinType::FrozenSet
            if matches!(
                name,
                "add"
                    | "remove"
                    | "discard"
                    | "pop"
                    | "clear"
                    | "update"
                    | "intersection_update"
                    | "difference_update"
                    | "symmetric_difference_update"
            ) =>
        {
            return None
        }
        BuiltinType::Set | BuiltinType::FrozenSet => match name {
            "add" => |i, a| {
                expect_method(i, &a, "add", 1, 1)?;
                let s = this_set(i, &a)?;
                let k = ops::key_in(i, s, a.pos[1].clone())?;
                s.borrow_mut().items.insert(k);
                Ok(Value::None)
            },
            "remove" => |i, a| {
                expect_method(i, &a, "remove", 1, 1)?;
                let s = this_set(i, &a)?;
                let k = ops::key_in(i, s, ops::as_member(&a.pos[1]))?;
                if !s.borrow_mut().items.remove(&k) {
                    return Err(i.key_error(a.pos[1].clone()));
                }
                Ok(Value::None)
            },
            "discard" => |i, a| {
                let s = this_set(i, &a)?;
                let k = ops::key_in(i, s, ops::as_member(a.pos.get(1).unwrap_or(&Value::None)))?;
                s.borrow_mut().items.remove(&k);
                Ok(Value::None)
            },
            "pop" => |i, a| {
                let s = this_set(i, &a)?;
                let first = s.borrow_mut().items.pop();
                first.map(|k| k.value).ok_or_else(|| i.key_error(Value::str("pop from an empty set")))
            },
            "clear" => |i, a| {
                this_set(i, &a)?.borrow_mut().items.clear();
                Ok(Value::None)
            },
            "update" => |i, a| {
                let s = this_set(i, &a)?.clone();
                for other in &a.pos[1..] {
                    match other {
                        // `s.update(s)` adds nothing, and reading the set while it is borrowed
                        // to be changed would panic.
                        Value::Set(o) if Rc::ptr_eq(o, &s) => {}
                        Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_) => {
                            change_shared_set(&s, |items| update_from(i, items, other))?;
                        }
                        // An iterator is drawn in full first: its code may read the set.
                        _ => {
                            for x in ops::collect(i, other)? {
                                let k = ops::key_in(i, &s, x)?;
                                s.borrow_mut().items.insert(k);
                            }
                        }
                    }
                }
                Ok(Value::None)
            },
            "union" => |i, a| set_combine(i, a, super::ir::BinOp::BitOr),
            "intersection" => |i, a| set_combine(i, a, super::ir::BinOp::BitAnd),
            "difference" => |i, a| set_combine(i, a, super::ir::BinOp::Sub),
            "symmetric_difference" => |i, a| set_combine(i, a, super::ir::BinOp::BitXor),
            // As CPython: the intersection made anew and swapped in; the others change the set
            // in place, each iterable drawn before the set is borrowed.
            "intersection_update" => |i, a| {
                let s = this_set(i, &a)?.clone();
                if let Value::Set(combined) = &set_combine(i, a, super::ir::BinOp::BitAnd)? {
                    let items = std::mem::take(&mut combined.borrow_mut().items);
                    s.borrow_mut().items = items;
                }
                Ok(Value::None)
            },
            "difference_update" => |i, a| {
                let s = this_set(i, &a)?.clone();
                for other in a.pos.get(1..).unwrap_or_default() {
                    let gone = as_table(i, other)?;
                    change_shared_set(&s, |items| {
                        for k in gone.iter() {
                            items.remove(k);
                        }
                    });
                }
                Ok(Value::None)
            },
            "symmetric_difference_update" => |i, a| {
                expect(i, &a, "symmetric_difference_update", 2, 2)?;
                let s = this_set(i, &a)?.clone();
                let other = as_table(i, &a.pos[1])?;
                change_shared_set(&s, |items| items.toggle_all(&other));
                Ok(Value::None)
            },
            "issubset" => |i, a| set_relation(i, a, true),
            "issuperset" => |i, a| set_relation(i, a, false),
            "isdisjoint" => |i, a| {
                let mine = set_keys(this_value(i, &a)?);
                let other = ops::collect(i, a.pos.get(1).unwrap_or(&Value::None))?;
                for x in other {
                    let k = ops::key(i, x)?;
                    if with_user_eq(|| mine.contains(&k)) {
                        return Ok(Value::Bool(false));
                    }
                }
                Ok(Value::Bool(true))
            },
            "copy" => |i, a| {
                Ok(match this_value(i, &a)? {
                    Value::Set(s) => Value::Set(Rc::new(RefCell::new(Set::of(s.borrow().items.copy())))),
                    other => other.clone(),
                })
            },
            _ => return None,
        },
        BuiltinType::Int | BuiltinType::Bool => match name {
            "bit_length" => |i, a| match this_value(i, &a)? {
                Value::BigInt(b) => Ok(super::bigint::bit_length(b)),
                v => Ok(Value::Int((64 - ops::to_index(i, v)?.unsigned_abs().leading_zeros()) as i64)),
            },
            "bit_count" => |i, a| match this_value(i, &a)? {
                Value::BigInt(b) => Ok(super::bigint::bit_count(b)),
                v => Ok(Value::Int(ops::to_index(i, v)?.unsigned_abs().count_ones() as i64)),
            },
            "conjugate" => |i, a| match this_value(i, &a)? {
                v @ Value::BigInt(_) => Ok(v.clone()),
                v => Ok(Value::Int(ops::to_index(i, v)?)),
            },
            "as_integer_ratio" => |i, a| {
                let n = match this_value(i, &a)? {
                    v @ Value::BigInt(_) => v.clone(),
                    v => Value::Int(ops::to_index(i, v)?),
                };
                Ok(Value::tuple(vec![n, Value::Int(1)]))
            },
            "to_bytes" => super::bytes::int_to_bytes,
            _ => return None,
        },
        BuiltinType::Float => match name {
            "is_integer" => |i, a| Ok(Value::Bool(fmt::float_is_integer(ops::to_f64(i, this_value(i, &a)?)?))),
            "as_integer_ratio" => |i, a| {
                let x = ops::to_f64(i, this_value(i, &a)?)?;
                if !x.is_finite() {
                    return Err(if x.is_nan() {
                        i.value_error("cannot convert NaN to integer ratio")
                    } else {
                        i.err("OverflowError", "cannot convert Infinity to integer ratio")
                    });
                }
                let (mut m, mut e) = frexp(x);
                let mut steps = 0;
                while m.fract() != 0.0 && steps < 300 {
                    m *= 2.0;
                    e -= 1;
                    steps += 1;
                }
                // m is now an odd integer (or 0): the fraction is already in lowest terms.
                Ok(super::bigint::ratio(m, e))
            },
            "conjugate" => |i, a| Ok(Value::Float(ops::to_f64(i, this_value(i, &a)?)?)),
            _ => return None,
        },
        _ => return None,
    })
}

// ----- helpers -----------------------------------------------------------------------------

/// The arguments without the object the method is called on (CPython's counts leave it out).
/// [`expect`] of a method's arguments, the object it is called on (the first) left out.
fn expect_method(interp: &Interp, a: &Args, name: &str, min: usize, max: usize) -> R<()> {
    super::builtins::expect_count(interp, a.pos.len().saturating_sub(1), name, min, max)
}

fn this_str(interp: &Interp, a: &Args) -> R<Rc<str>> {
    match a.pos.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => {
            Err(interp.type_error(format!("descriptor requires a 'str' object but received a '{}'", other.type_name())))
        }
        None => Err(interp.type_error("unbound method needs an argument")),
    }
}

fn str_arg(interp: &Interp, a: &Args, i: usize, what: &str) -> R<Rc<str>> {
    match a.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(interp.type_error(format!("{what}() argument {i} must be str, not {}", other.type_name()))),
        None => Err(interp.type_error(format!("{what}() takes at least 1 argument (0 given)"))),
    }
}

/// The value a method was called on: a bound method's own, or an unbound one's first
/// argument (`int.bit_length()` without one is a TypeError, as in CPython).
pub(super) fn this_value<'a>(interp: &Interp, a: &'a Args) -> R<&'a Value> {
    a.pos.first().ok_or_else(|| interp.type_error("unbound method needs an argument"))
}

fn this_list<'a>(interp: &Interp, a: &'a Args) -> R<&'a Rc<RefCell<Vec<Value>>>> {
    match a.pos.first() {
        Some(Value::List(l)) => Ok(l),
        _ => Err(interp.type_error("descriptor requires a 'list' object")),
    }
}

fn this_dict<'a>(interp: &Interp, a: &'a Args) -> R<&'a Rc<RefCell<Dict>>> {
    match a.pos.first() {
        Some(Value::Dict(d)) => Ok(d),
        _ => Err(interp.type_error("descriptor requires a 'dict' object")),
    }
}

fn this_set<'a>(interp: &Interp, a: &'a Args) -> R<&'a Rc<RefCell<Set>>> {
    match a.pos.first() {
        Some(Value::Set(s)) => Ok(s),
        _ => Err(interp.type_error("descriptor requires a 'set' object")),
    }
}

fn set_keys(v: &Value) -> Table {
    match v {
        Value::Set(s) => s.borrow().items.clone(),
        Value::FrozenSet(s) => s.items.clone(),
        _ => Table::default(),
    }
}

/// `set_update_internal`: a set's keys merged, a dict's added after one resize, anything
/// else's added one by one, as CPython adds them (so the result prints in CPython's order).
pub fn update_from(interp: &Interp, t: &mut Table, other: &Value) -> R<()> {
    match other {
        Value::Set(_) | Value::FrozenSet(_) => {
            let keys = set_keys(other);
            with_user_eq(|| t.merge(&keys));
        }
        Value::Dict(d) => {
            let keys: Vec<Key> = d.borrow().iter().map(|(k, _)| k.clone()).collect();
            with_user_eq(|| t.extend_presized(keys));
        }
        _ => {
            for x in ops::collect(interp, other)? {
                let k = ops::key_into(interp, t, x)?;
                t.insert(k);
            }
        }
    }
    Ok(())
}

/// Any iterable's keys as a set (CPython makes one of a non-set operand).
fn as_table(interp: &Interp, v: &Value) -> R<Table> {
    match v {
        Value::Set(_) | Value::FrozenSet(_) => Ok(set_keys(v)),
        other => {
            let mut t = Table::default();
            update_from(interp, &mut t, other)?;
            Ok(t)
        }
    }
}

/// `union`, `intersection`, `difference`, `symmetric_difference` with any iterables, as
/// CPython's `set_union`, `set_intersection_multi`, `set_difference_multi` and
/// `set_symmetric_difference` build their results.
fn set_combine(interp: &Interp, a: Args, op: super::ir::BinOp) -> R<Value> {
    use super::ir::BinOp;
    let mine = set_keys(this_value(interp, &a)?);
    let others = a.pos.get(1..).unwrap_or_default();
    let items = match op {
        BinOp::BitOr => {
            let mut r = mine.copy();
            for other in others {
                update_from(interp, &mut r, other)?;
            }
            r
        }
        BinOp::BitAnd => {
            let mut r = mine.copy();
            for other in others {
                r = match other {
                    Value::Set(_) | Value::FrozenSet(_) => {
                        let keys = set_keys(other);
                        with_user_eq(|| set_table::intersection(&r, &keys))
                    }
                    _ => {
                        let mut kept = Table::default();
                        for x in ops::collect(interp, other)? {
                            let k = ops::key(interp, x)?;
                            with_user_eq(|| {
                                if r.contains(&k) {
                                    kept.insert(k);
                                }
                            });
                        }
                        kept
                    }
                };
            }
            r
        }
        BinOp::Sub => {
            let mut r = mine.copy();
            for (n, other) in others.iter().enumerate() {
                match other {
                    Value::Set(_) | Value::FrozenSet(_) if n == 0 => {
                        let keys = set_keys(other);
                        r = with_user_eq(|| set_table::difference(&mine, &keys));
                    }
                    _ => {
                        for x in ops::collect(interp, other)? {
                            let k = ops::key(interp, x)?;
                            with_user_eq(|| r.remove(&k));
                        }
                    }
                }
            }
            r
        }
        _ => {
            let other = as_table(interp, &others.first().cloned().unwrap_or_default())?;
            with_user_eq(|| set_table::symmetric_difference(&mine, &other))
        }
    };
    let s = Set::of(items);
    Ok(match this_value(interp, &a)? {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(s)),
        _ => Value::Set(Rc::new(RefCell::new(s))),
    })
}

fn set_relation(interp: &Interp, a: Args, subset: bool) -> R<Value> {
    let mine = set_keys(this_value(interp, &a)?);
    let other = as_table(interp, a.pos.get(1).unwrap_or(&Value::None))?;
    Ok(Value::Bool(with_user_eq(|| {
        if subset {
            mine.iter().all(|k| other.contains(k))
        } else {
            other.iter().all(|k| mine.contains(k))
        }
    })))
}

fn view(interp: &Interp, a: &Args, part: DictPart) -> R<Value> {
    Ok(Value::object(DictView { dict: this_dict(interp, a)?.clone(), part }))
}

fn dict_fromkeys(interp: &Interp, a: Args) -> R<Value> {
    // Called as `dict.fromkeys(keys, value)` (unbound: no dict first) or on an instance.
    let rest: &[Value] = match a.pos.first() {
        Some(Value::Dict(_)) => &a.pos[1..],
        _ => &a.pos[..],
    };
    let keys = rest.first().cloned().unwrap_or_default();
    let value = rest.get(1).cloned().unwrap_or_default();
    let mut d = Dict::new();
    for k in ops::collect(interp, &keys)? {
        let k = ops::key_into(interp, &d, k)?;
        d.insert(k, value.clone());
    }
    Ok(Value::dict(d))
}

fn count_eq(interp: &Interp, items: &[Value], target: Option<&Value>) -> R<Value> {
    let target = target.cloned().unwrap_or_default();
    let mut n = 0;
    for x in items {
        if ops::same_or_eq(interp, x, &target)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn map_str(interp: &Interp, a: Args, f: impl Fn(&str) -> String) -> R<Value> {
    Ok(Value::str(&f(&this_str(interp, &a)?)))
}

fn test_str(interp: &Interp, a: Args, f: impl Fn(char) -> bool) -> R<Value> {
    let s = this_str(interp, &a)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn cased(interp: &Interp, a: Args, upper: bool) -> R<Value> {
    let s = this_str(interp, &a)?;
    let has = s.chars().any(|c| if upper { c.is_uppercase() } else { c.is_lowercase() });
    let none_other = !s.chars().any(|c| if upper { c.is_lowercase() } else { c.is_uppercase() });
    Ok(Value::Bool(has && none_other))
}

/// A word's first letter as `title()` and `capitalize()` make it: its titlecase, which is its
/// uppercase except for the sharp s ("Ss") and the digraphs (ǅ, ǈ, ǋ, ǲ), as Unicode says.
fn titlecase(c: char) -> String {
    match c {
        'ß' => "Ss".to_string(),
        'Ǆ' | 'ǅ' | 'ǆ' => "ǅ".to_string(),
        'Ǉ' | 'ǈ' | 'ǉ' => "ǈ".to_string(),
        'Ǌ' | 'ǋ' | 'ǌ' => "ǋ".to_string(),
        'Ǳ' | 'ǲ' | 'ǳ' => "ǲ".to_string(),
        _ => c.to_uppercase().collect(),
    }
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.push_str(&titlecase(c));
        }
        prev_cased = c.is_alphabetic();
    }
    out
}

fn split(interp: &Interp, a: Args, from_right: bool) -> R<Value> {
    let s = this_str(interp, &a)?;
    let sep =
        a.pos.get(1).or_else(|| a.kw.iter().find(|(k, _)| &**k == "sep").map(|(_, v)| v)).cloned().unwrap_or_default();
    let maxsplit = match a.pos.get(2).or_else(|| a.kw.iter().find(|(k, _)| &**k == "maxsplit").map(|(_, v)| v)) {
        Some(v) => ops::to_index(interp, v)?,
        None => -1,
    };
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let parts: Vec<String> = match &sep {
        // Runs of whitespace separate; after `maxsplit` splits the rest is one part, keeping
        // its whitespace on the far side (`' x y '.rsplit(None, 1)` is `[' x', 'y']`).
        Value::None if from_right => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(py_isspace);
            while !rest.is_empty() && out.len() < limit {
                let start =
                    rest.char_indices().rev().find(|(_, c)| py_isspace(*c)).map_or(0, |(i, c)| i + c.len_utf8());
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(py_isspace);
            }
            if !rest.is_empty() {
                out.push(rest.to_string());
            }
            out.reverse();
            out
        }
        Value::None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(py_isspace);
            while !rest.is_empty() && out.len() < limit {
                let end = rest.find(py_isspace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(py_isspace);
            }
            if !rest.is_empty() {
                out.push(rest.to_string());
            }
            out
        }
        Value::Str(sep) => {
            if sep.is_empty() {
                return Err(interp.value_error("empty separator"));
            }
            if from_right {
                let mut v: Vec<String> = s.rsplitn(limit.saturating_add(1), &**sep).map(String::from).collect();
                v.reverse();
                v
            } else {
                s.splitn(limit.saturating_add(1), &**sep).map(String::from).collect()
            }
        }
        other => return Err(interp.type_error(format!("must be str or None, not {}", other.type_name()))),
    };
    Ok(Value::list(parts.iter().map(|p| Value::str(p)).collect()))
}

fn join(interp: &Interp, a: Args) -> R<Value> {
    expect_method(interp, &a, "join", 1, 1)?;
    let sep = this_str(interp, &a)?;
    let items = ops::collect(interp, &a.pos[1]).map_err(|e| {
        if e.is(&interp.types.exc("TypeError")) {
            interp.type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        // A `StrEnum` member is a str in CPython.
        let stand_in = item.as_instance().and_then(|x| x.builtin_value());
        let Some(Value::Str(s)) = stand_in.as_ref().or(Some(item)) else {
            return Err(
                interp.type_error(format!("sequence item {i}: expected str instance, {} found", item.type_name()))
            );
        };
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(s);
        ops::check_size(interp, out.len())?;
    }
    Ok(Value::str(&out))
}

fn strip(interp: &Interp, a: Args, left: bool, right: bool) -> R<Value> {
    let s = this_str(interp, &a)?;
    let chars: Option<Vec<char>> = match a.pos.get(1) {
        Some(Value::Str(c)) => Some(c.chars().collect()),
        Some(Value::None) | None => None,
        Some(other) => {
            return Err(interp.type_error(format!("strip arg must be None or str, not {}", other.type_name())))
        }
    };
    let test = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => py_isspace(c),
    };
    let mut out: &str = &s;
    if left {
        out = out.trim_start_matches(test);
    }
    if right {
        out = out.trim_end_matches(test);
    }
    Ok(Value::str(out))
}

fn replace(interp: &Interp, a: Args) -> R<Value> {
    expect_method(interp, &a, "replace", 2, 3)?;
    let s = this_str(interp, &a)?;
    let old = str_arg(interp, &a, 1, "replace")?;
    let new = str_arg(interp, &a, 2, "replace")?;
    let count = match a.pos.get(3) {
        Some(v) => ops::to_index(interp, v)?,
        None => -1,
    };
    // The result's size first: `('ab' * 1000).replace('', 'x' * 10**6)` is 2 GB.
    if new.len() > old.len() {
        let found = if old.is_empty() { s.chars().count() + 1 } else { s.matches(&*old).count() };
        let n = if count < 0 { found } else { found.min(count as usize) };
        ops::check_size(interp, s.len().saturating_add(n.saturating_mul(new.len() - old.len())))?;
    }
    let out = if count < 0 { s.replace(&*old, &new) } else { s.replacen(&*old, &new, count as usize) };
    ops::check_size(interp, out.len())?;
    Ok(Value::str(&out))
}

/// The part of `s` between the start and end arguments at `from` and `from + 1`, adjusted as
/// CPython's ADJUST_INDICES does (the end clipped to the string, negatives counted from its
/// end), with its character offset: `None` when the start is past the end, where nothing is
/// found, not even an empty string.
/// `list.index`'s and `tuple.index`'s start and stop.
fn index_bound(interp: &Interp, v: &Value) -> R<i64> {
    ops::slice_index(interp, v, "slice indices must be integers or have an __index__ method")
}

fn window(interp: &Interp, s: &str, a: &Args, from: usize) -> R<Option<(String, usize)>> {
    let n = s.chars().count() as i64;
    let bound = |i: usize| -> R<Option<i64>> {
        match a.pos.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(v) => {
                ops::slice_index(interp, v, "slice indices must be integers or None or have an __index__ method")
                    .map(|x| Some(if x < 0 { (x + n).max(0) } else { x }))
            }
        }
    };
    let lo = bound(from)?.unwrap_or(0);
    let hi = bound(from + 1)?.map_or(n, |x| x.min(n));
    if lo > hi {
        return Ok(None);
    }
    Ok(Some((s.chars().skip(lo as usize).take((hi - lo) as usize).collect(), lo as usize)))
}

fn affix(interp: &Interp, a: Args, start: bool) -> R<Value> {
    let full = this_str(interp, &a)?;
    let window = window(interp, &full, &a, 2)?;
    let what = a.pos.get(1).cloned().unwrap_or_default();
    let candidates: Vec<Value> = match &what {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    for c in &candidates {
        let Value::Str(c) = c else {
            let name = if start { "startswith" } else { "endswith" };
            return Err(
                interp.type_error(format!("{name} first arg must be str or a tuple of str, not {}", what.type_name()))
            );
        };
        let Some((s, _)) = &window else { continue };
        if (start && s.starts_with(&**c)) || (!start && s.ends_with(&**c)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// Character offset of a byte offset.
fn char_index(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

fn find(interp: &Interp, a: Args, from_right: bool, raise: bool) -> R<Value> {
    let full = this_str(interp, &a)?;
    let sub = str_arg(interp, &a, 1, if raise { "index" } else { "find" })?;
    let window = window(interp, &full, &a, 2)?;
    let found = window.and_then(|(s, offset)| {
        let b = if from_right { s.rfind(&*sub) } else { s.find(&*sub) };
        b.map(|b| char_index(&s, b) + offset)
    });
    match found {
        Some(k) => Ok(Value::Int(k as i64)),
        None if raise => Err(interp.value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn str_count(interp: &Interp, a: Args) -> R<Value> {
    let full = this_str(interp, &a)?;
    let sub = str_arg(interp, &a, 1, "count")?;
    let Some((s, _)) = window(interp, &full, &a, 2)? else { return Ok(Value::Int(0)) };
    if sub.is_empty() {
        return Ok(Value::Int(s.chars().count() as i64 + 1));
    }
    Ok(Value::Int(s.matches(&*sub).count() as i64))
}

fn pad(interp: &Interp, a: Args, how: char) -> R<Value> {
    let s = this_str(interp, &a)?;
    let width = ops::to_index(interp, a.pos.get(1).unwrap_or(&Value::Int(0)))?.max(0) as usize;
    ops::check_size(interp, width)?;
    let fill = match a.pos.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => return Err(interp.type_error("The fill character must be exactly one character long")),
        None => ' ',
    };
    let n = s.chars().count();
    if width <= n {
        return Ok(Value::Str(s));
    }
    let total = width - n;
    let (left, right) = match how {
        'l' => (0, total),
        'r' => (total, 0),
        // CPython's centring puts the odd space on the left when the width is odd.
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let mut out: String = std::iter::repeat_n(fill, left).collect();
    out.push_str(&s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::str(&out))
}

fn zfill(interp: &Interp, a: Args) -> R<Value> {
    let s = this_str(interp, &a)?;
    let width = ops::to_index(interp, a.pos.get(1).unwrap_or(&Value::Int(0)))?.max(0) as usize;
    ops::check_size(interp, width)?;
    let n = s.chars().count();
    if width <= n {
        return Ok(Value::Str(s));
    }
    let (sign, digits) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &s[1..]),
        _ => (None, &s[..]),
    };
    let mut out = String::new();
    out.extend(sign);
    out.extend(std::iter::repeat_n('0', width - n));
    out.push_str(digits);
    Ok(Value::str(&out))
}

/// `str.maketrans(x[, y[, z]])`: the table `str.translate` reads, ordinals to ordinals,
/// strings or None.
fn maketrans(interp: &Interp, a: Args) -> R<Value> {
    let mut table = Dict::new();
    let ord = |c: char| Value::Int(c as i64);
    match a.pos.as_slice() {
        [] => return Err(interp.type_error("maketrans expected at least 1 argument, got 0")),
        [Value::Dict(d)] => {
            for (k, v) in d.borrow().iter() {
                let k = match &k.value {
                    Value::Int(_) | Value::Bool(_) => k.value.clone(),
                    Value::Str(s) => {
                        let mut chars = s.chars();
                        match (chars.next(), chars.next()) {
                            (Some(c), None) => ord(c),
                            _ => return Err(interp.value_error("string keys in translate table must be of length 1")),
                        }
                    }
                    _ => return Err(interp.type_error("keys in translate table must be strings or integers")),
                };
                table.insert(ops::key(interp, k)?, v.clone());
            }
        }
        [_] => return Err(interp.type_error("if you give only one argument to maketrans it must be a dict")),
        [x, y, rest @ ..] if rest.len() <= 1 => {
            // The second and third are checked first, as CPython's argument parsing does.
            let text = |v: &Value, n: usize| match v {
                Value::Str(s) => Ok(s.clone()),
                other => {
                    Err(interp.type_error(format!("maketrans() argument {n} must be str, not {}", other.type_name())))
                }
            };
            let y = text(y, 2)?;
            let z = rest.first().map(|z| text(z, 3)).transpose()?;
            let Value::Str(x) = x else {
                return Err(
                    interp.type_error("first maketrans argument must be a string if there is a second argument")
                );
            };
            if x.chars().count() != y.chars().count() {
                return Err(interp.value_error("the first two maketrans arguments must have equal length"));
            }
            for (from, to) in x.chars().zip(y.chars()) {
                table.insert(ops::key(interp, ord(from))?, ord(to));
            }
            if let Some(z) = z {
                for gone in z.chars() {
                    table.insert(ops::key(interp, ord(gone))?, Value::None);
                }
            }
        }
        more => return Err(interp.type_error(format!("maketrans expected at most 3 arguments, got {}", more.len()))),
    }
    Ok(Value::dict(table))
}

/// `s.translate(table)`: each character looked up by its ordinal (`table[ord(c)]`); missing
/// ones (a LookupError) stay, None deletes, an int or a string replaces.
fn translate(interp: &Interp, a: Args) -> R<Value> {
    let s = this_str(interp, &a)?;
    let [_, table] = a.pos.as_slice() else {
        let n = a.pos.len().saturating_sub(1);
        return Err(interp.type_error(format!("str.translate() takes exactly one argument ({n} given)")));
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mapped = match ops::get_item(interp, table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if e.is(&interp.types.exc("LookupError")) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &mapped {
            Value::None => {}
            Value::Str(t) => out.push_str(t),
            Value::Int(n) => match u32::try_from(*n).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(interp.value_error("character mapping must be in range(0x110000)")),
            },
            _ => return Err(interp.type_error("character mapping must return integer, None or str")),
        }
        ops::check_size(interp, out.len())?;
    }
    Ok(Value::str(&out))
}

fn partition(interp: &Interp, a: Args, from_right: bool) -> R<Value> {
    let s = this_str(interp, &a)?;
    let sep = str_arg(interp, &a, 1, "partition")?;
    if sep.is_empty() {
        return Err(interp.value_error("empty separator"));
    }
    let found = if from_right { s.rfind(&*sep) } else { s.find(&*sep) };
    let parts = match found {
        Some(i) => [&s[..i], &sep[..], &s[i + sep.len()..]],
        None if from_right => ["", "", &s[..]],
        None => [&s[..], "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn splitlines(interp: &Interp, a: Args) -> R<Value> {
    let s = this_str(interp, &a)?;
    let keep = match a.pos.get(1).or_else(|| a.kw.iter().find(|(k, _)| &**k == "keepends").map(|(_, v)| v)) {
        Some(v) => ops::truthy(interp, v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let brk =
            matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if brk {
            let mut end = at + c.len_utf8();
            if c == '\r' && chars.get(i + 1).is_some_and(|&(_, n)| n == '\n') {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep { &s[start..end] } else { &s[start..at] }));
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn str_format(interp: &Interp, a: Args) -> R<Value> {
    let s = this_str(interp, &a)?;
    Ok(Value::str(&format_string(interp, &s, &a.pos[1..], &a.kw)?))
}

/// `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `!r`, `:spec` (with nested
/// fields in the spec), and `{{`/`}}`.
pub fn format_string(interp: &Interp, s: &str, pos: &[Value], kw: &[(Name, Value)]) -> R<String> {
    format_nested(interp, s, pos, kw, 2)
}

/// `s.format(...)` with `levels` levels of nested specs left (`'{:{w}}'` is one level; CPython
/// allows two, and `'{:' * 10000` with its closing braces no longer copies the spec ten
/// thousand times).
fn format_nested(interp: &Interp, s: &str, pos: &[Value], kw: &[(Name, Value)], levels: u32) -> R<String> {
    if levels == 0 {
        return Err(interp.value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    let mut auto = 0usize;
    let mut manual = false;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '}' => return Err(interp.value_error("Single '}' encountered in format string")),
            '{' => {
                let mut field = String::new();
                let mut depth = 1;
                for d in chars.by_ref() {
                    match d {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    field.push(d);
                }
                if depth != 0 {
                    return Err(interp.value_error("expected '}' before end of string"));
                }
                let (head, spec) = match field.find(':') {
                    Some(i) if !field[..i].contains('[') || field[..i].contains(']') => {
                        (field[..i].to_string(), field[i + 1..].to_string())
                    }
                    _ => (field.clone(), String::new()),
                };
                let (name, conversion) = match head.rfind('!') {
                    Some(i) => (head[..i].to_string(), head[i + 1..].chars().next()),
                    None => (head, None),
                };
                let first_end = name.find(['.', '[']).unwrap_or(name.len());
                let (first, rest) = name.split_at(first_end);
                let mut v = if first.is_empty() {
                    if manual {
                        return Err(interp.value_error(
                            "cannot switch from manual field specification to automatic field numbering",
                        ));
                    }
                    let v = pos.get(auto).cloned().ok_or_else(|| {
                        interp.index_error(format!("Replacement index {auto} out of range for positional args tuple"))
                    })?;
                    auto += 1;
                    v
                } else if let Some(i) = field_integer(interp, first)? {
                    if auto > 0 {
                        return Err(interp.value_error(
                            "cannot switch from automatic field numbering to manual field specification",
                        ));
                    }
                    manual = true;
                    pos.get(i).cloned().ok_or_else(|| {
                        interp.index_error(format!("Replacement index {i} out of range for positional args tuple"))
                    })?
                } else {
                    kw.iter()
                        .find(|(k, _)| &**k == first)
                        .map(|(_, v)| v.clone())
                        .ok_or_else(|| interp.key_error(Value::str(first)))?
                };
                let mut rest = rest;
                while !rest.is_empty() {
                    let empty = || interp.value_error("Empty attribute in format string");
                    if let Some(r) = rest.strip_prefix('.') {
                        let end = r.find(['.', '[']).unwrap_or(r.len());
                        if end == 0 {
                            return Err(empty());
                        }
                        v = super::attr::get_attr(interp, &v, &Name::from(&r[..end]))?;
                        rest = &r[end..];
                    } else if let Some(r) = rest.strip_prefix('[') {
                        let end = r.find(']').ok_or_else(|| interp.value_error("Missing ']' in format string"))?;
                        let key = &r[..end];
                        if key.is_empty() {
                            return Err(empty());
                        }
                        let k = match field_integer(interp, key)? {
                            Some(i) => Value::Int(i as i64),
                            None => Value::str(key),
                        };
                        v = ops::get_item(interp, &v, &k)?;
                        rest = &r[end + 1..];
                    } else {
                        return Err(interp.value_error("Only '.' or '[' may follow ']' in format field specifier"));
                    }
                }
                v = match conversion {
                    Some('r') => Value::str(&ops::repr(interp, &v)?),
                    Some('s') => Value::str(&ops::str_of(interp, &v)?),
                    Some('a') => Value::str(&ops::ascii(&ops::repr(interp, &v)?)),
                    Some(c) => return Err(interp.value_error(format!("Unknown conversion specifier {c}"))),
                    None => v,
                };
                let spec = if spec.contains('{') { format_nested(interp, &spec, pos, kw, levels - 1)? } else { spec };
                out.push_str(&ops::format_value(interp, &v, &spec)?);
                ops::check_size(interp, out.len())?;
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// A field's name or index as CPython's `get_integer` reads it: a number when every character
/// is a decimal digit (of any script; no sign), else `None`, the text being a name or a string
/// key (`'{0[-1]}'` indexes with `'-1'`).
fn field_integer(interp: &Interp, s: &str) -> R<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: i64 = 0;
    for c in s.chars() {
        let Some(d) = fmt::unicode_decimal(c) else { return Ok(None) };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as i64))
            .ok_or_else(|| interp.value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n as usize))
}

/// `call` is used by generated methods (`dataclass`) to call back into Python.
pub fn call_value(interp: &Interp, f: &Value, args: Vec<Value>) -> R<Value> {
    call_fn(interp, f, Args { pos: args, kw: vec![] })
}
