//! Small standard modules tutorials import: `typing` (names that exist and do nothing here,
//! since annotations are not evaluated), `dataclasses` (`@dataclass`, `field`) and
//! `functools` (`wraps`, `partial`, `reduce`, `lru_cache`/`cache`).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::call::call;
use super::super::interp::{Interp, R};
use super::super::ir::Name;
use super::super::ops;
use super::super::value::*;

pub fn typing(interp: &Interp) -> Rc<Module> {
    let m = Module::new("typing");
    let object = Value::Class(interp.types.object.clone());
    for name in [
        "Any",
        "Optional",
        "Union",
        "Callable",
        "Awaitable",
        "Coroutine",
        "Iterable",
        "Iterator",
        "AsyncIterator",
        "AsyncIterable",
        "Generator",
        "AsyncGenerator",
        "Sequence",
        "Mapping",
        "Literal",
        "Final",
        "ClassVar",
        "Type",
        "NoReturn",
        "Generic",
        "Protocol",
        "TypedDict",
        "NamedTuple",
    ] {
        m.set(name, object.clone());
    }
    for (name, class) in [
        ("List", &interp.types.list),
        ("Dict", &interp.types.dict),
        ("Tuple", &interp.types.tuple),
        ("Set", &interp.types.set),
        ("FrozenSet", &interp.types.frozenset),
    ] {
        m.set(name, Value::Class(class.clone()));
    }
    m.set("TypeVar", builtin("TypeVar", |_, a| Ok(a.pos.first().cloned().unwrap_or_default())));
    m.set("cast", builtin("cast", |_, a| Ok(a.pos.get(1).cloned().unwrap_or_default())));
    m.set("TYPE_CHECKING", Value::Bool(false));
    m
}

// ----- dataclasses -------------------------------------------------------------------------

/// `dataclasses.field(default=…, default_factory=…)`
struct Field {
    default: Option<Value>,
    factory: Option<Value>,
}

impl Object for Field {
    fn type_name(&self) -> &str {
        "Field"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A dataclass field: its name, default and default factory.
type DataField = (Name, Option<Value>, Option<Value>);

/// What `@dataclass` learnt about a class: its fields in order, with their defaults.
struct Spec {
    fields: Vec<DataField>,
}

impl Object for Spec {
    fn type_name(&self) -> &str {
        "_DataclassSpec"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn spec_of(interp: &Interp, this: &Value) -> R<Rc<dyn Object>> {
    let class = interp.class_of(this);
    match class.lookup("__dataclass_spec__").as_ref() {
        Some(Value::Object(o)) => Ok(o.clone()),
        _ => Err(interp.type_error("not a dataclass instance")),
    }
}

fn fields_of(interp: &Interp, this: &Value) -> R<Vec<DataField>> {
    let o = spec_of(interp, this)?;
    Ok(o.as_any().downcast_ref::<Spec>().map(|s| s.fields.clone()).unwrap_or_default())
}

fn dc_init(interp: &Interp, args: Args) -> R<Value> {
    let this = args.pos.first().cloned().unwrap_or_default();
    let fields = fields_of(interp, &this)?;
    let Value::Instance(inst) = &this else { return Err(interp.type_error("__init__ needs an instance")) };
    let class = inst.class.qualname.clone();
    let given = &args.pos[1..];
    if given.len() > fields.len() {
        return Err(interp.type_error(format!(
            "{class}.__init__() takes {} positional arguments but {} were given",
            fields.len() + 1,
            given.len() + 1
        )));
    }
    let mut missing = Vec::new();
    for (i, (name, default, factory)) in fields.iter().enumerate() {
        let v = if let Some(v) = given.get(i) {
            if args.kw.iter().any(|(k, _)| k == name) {
                return Err(interp.type_error(format!("{class}.__init__() got multiple values for argument '{name}'")));
            }
            v.clone()
        } else if let Some((_, v)) = args.kw.iter().find(|(k, _)| k == name) {
            v.clone()
        } else if let Some(d) = default {
            d.clone()
        } else if let Some(f) = factory {
            call(interp, f, Args::default())?
        } else {
            missing.push(name.clone());
            continue;
        };
        inst.attrs.borrow_mut().insert(name.clone(), v);
    }
    if let Some((k, _)) = args.kw.iter().find(|(k, _)| !fields.iter().any(|(n, _, _)| n == k)) {
        return Err(interp.type_error(format!("{class}.__init__() got an unexpected keyword argument '{k}'")));
    }
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
        let list = match names.len() {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
        };
        let word = if missing.len() == 1 { "argument" } else { "arguments" };
        return Err(interp
            .type_error(format!("{class}.__init__() missing {} required positional {word}: {list}", missing.len())));
    }
    if let Some(post) = inst.class.lookup("__post_init__") {
        call(interp, &post, Args { pos: vec![this.clone()], kw: vec![] })?;
    }
    Ok(Value::None)
}

fn field_values(interp: &Interp, v: &Value) -> R<Vec<Value>> {
    let fields = fields_of(interp, v)?;
    let Value::Instance(inst) = v else { return Ok(vec![]) };
    Ok(fields.iter().map(|(n, _, _)| inst.attrs.borrow().get(n).cloned().unwrap_or_default()).collect())
}

fn dc_repr(interp: &Interp, args: Args) -> R<Value> {
    let this = args.pos.first().cloned().unwrap_or_default();
    let fields = fields_of(interp, &this)?;
    let values = field_values(interp, &this)?;
    let mut parts = Vec::new();
    for ((n, _, _), v) in fields.iter().zip(values) {
        parts.push(format!("{n}={}", ops::repr(interp, &v)?));
    }
    let name = interp.class_of(&this).qualname.clone();
    Ok(Value::str(&format!("{name}({})", parts.join(", "))))
}

fn dc_eq(interp: &Interp, args: Args) -> R<Value> {
    let (a, b) = (args.pos.first().cloned().unwrap_or_default(), args.pos.get(1).cloned().unwrap_or_default());
    if !Rc::ptr_eq(&interp.class_of(&a), &interp.class_of(&b)) {
        return Ok(interp.builtins.get("NotImplemented").unwrap_or_default());
    }
    let (x, y) = (Value::tuple(field_values(interp, &a)?), Value::tuple(field_values(interp, &b)?));
    Ok(Value::Bool(ops::eq(interp, &x, &y)?))
}

fn dc_lt(interp: &Interp, args: Args) -> R<Value> {
    let (a, b) = (args.pos.first().cloned().unwrap_or_default(), args.pos.get(1).cloned().unwrap_or_default());
    let (x, y) = (Value::tuple(field_values(interp, &a)?), Value::tuple(field_values(interp, &b)?));
    Ok(Value::Bool(ops::less(interp, &x, &y)?))
}

fn dc_setattr(interp: &Interp, args: Args) -> R<Value> {
    let name = args.pos.get(1).map(|v| ops::str_of(interp, v)).transpose()?.unwrap_or_default();
    Err(interp.err("FrozenInstanceError", format!("cannot assign to field '{name}'")))
}

fn make_dataclass(interp: &Interp, class: &Value, order: bool, frozen: bool) -> R<Value> {
    let Value::Class(c) = class else { return Err(interp.type_error("dataclass() should be called on a class")) };
    let mut fields = Vec::new();
    // Fields of dataclass bases come first.
    for base in c.mro.iter().rev() {
        if let Some(Value::Object(o)) = base.attrs.borrow().get("__dataclass_spec__") {
            if let Some(s) = o.as_any().downcast_ref::<Spec>() {
                fields.extend(s.fields.iter().cloned());
            }
        }
    }
    let names: Vec<Name> = match c.attrs.borrow().get("__annotations__") {
        Some(Value::Dict(d)) => {
            d.borrow().keys().filter_map(|k| if let Value::Str(s) = k { Some(s.clone()) } else { None }).collect()
        }
        _ => Vec::new(),
    };
    for name in names {
        let attr = c.attrs.borrow().get(&name).cloned();
        let (default, factory) = match attr {
            Some(v) => match v.downcast::<Field>() {
                Some(f) => (f.default.clone(), f.factory.clone()),
                None => (Some(v), None),
            },
            None => (None, None),
        };
        if let Some(d) = &default {
            if matches!(d, Value::List(_) | Value::Dict(_) | Value::Set(_)) {
                return Err(interp.value_error(format!(
                    "mutable default {} for field {name} is not allowed: use default_factory",
                    d.type_name()
                )));
            }
            c.attrs.borrow_mut().insert(name.clone(), d.clone());
        } else {
            c.attrs.borrow_mut().shift_remove(&name);
        }
        fields.retain(|(n, _, _)| *n != name);
        fields.push((name, default, factory));
    }
    let mut attrs = c.attrs.borrow_mut();
    attrs.insert(Name::from("__dataclass_spec__"), Value::object(Spec { fields }));
    for (name, f) in [("__init__", dc_init as BuiltinFn), ("__repr__", dc_repr), ("__eq__", dc_eq)] {
        if !attrs.contains_key(name) || name != "__repr__" || !attrs.contains_key("__repr__") {
            attrs.insert(Name::from(name), builtin(name, f));
        }
    }
    if order {
        attrs.insert(Name::from("__lt__"), builtin("__lt__", dc_lt));
        attrs.insert(
            Name::from("__gt__"),
            builtin("__gt__", |i, a| dc_lt(i, Args { pos: vec![a.pos[1].clone(), a.pos[0].clone()], kw: vec![] })),
        );
    }
    if frozen {
        attrs.insert(Name::from("__setattr__"), builtin("__setattr__", dc_setattr));
    }
    drop(attrs);
    Ok(class.clone())
}

/// `@dataclass` configured with options: applied to the class later.
struct DataclassWith {
    order: bool,
    frozen: bool,
}

impl Object for DataclassWith {
    fn type_name(&self) -> &str {
        "function"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        Some(make_dataclass(interp, args.pos.first().unwrap_or(&Value::None), self.order, self.frozen))
    }
}

pub fn dataclasses(interp: &Interp) -> Rc<Module> {
    let m = Module::new("dataclasses");
    m.set("FrozenInstanceError", Value::Class(interp.types.exc("FrozenInstanceError")));
    m.set(
        "dataclass",
        builtin("dataclass", |interp, a| {
            let flag = |name: &str| {
                a.kw.iter()
                    .find(|(k, _)| &**k == name)
                    .map(|(_, v)| ops::truthy(interp, v))
                    .transpose()
                    .map(|b| b.unwrap_or(false))
            };
            let (order, frozen) = (flag("order")?, flag("frozen")?);
            match a.pos.first() {
                Some(class) => make_dataclass(interp, class, order, frozen),
                None => Ok(Value::object(DataclassWith { order, frozen })),
            }
        }),
    );
    m.set(
        "field",
        builtin("field", |_, a| {
            let kw = |name: &str| a.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone());
            Ok(Value::object(Field { default: kw("default"), factory: kw("default_factory") }))
        }),
    );
    m.set(
        "asdict",
        builtin("asdict", |interp, a| {
            let this = a.pos.first().cloned().unwrap_or_default();
            let fields = fields_of(interp, &this)?;
            let values = field_values(interp, &this)?;
            let mut d = Dict::new();
            for ((n, _, _), v) in fields.iter().zip(values) {
                d.set_str(n, v);
            }
            Ok(Value::dict(d))
        }),
    );
    m
}

// ----- functools ---------------------------------------------------------------------------

/// `functools.partial(f, *args, **kwargs)`
struct Partial {
    func: Value,
    args: Vec<Value>,
    kw: Vec<(Name, Value)>,
}

impl Object for Partial {
    fn type_name(&self) -> &str {
        "functools.partial"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        let mut pos = self.args.clone();
        pos.extend(args.pos);
        let mut kw = self.kw.clone();
        for (k, v) in args.kw {
            kw.retain(|(n, _)| *n != k);
            kw.push((k, v));
        }
        Some(call(interp, &self.func, Args { pos, kw }))
    }
}

/// `functools.lru_cache`/`cache`: results kept by arguments.
struct Cached {
    func: Value,
    memo: RefCell<Dict>,
}

impl Object for Cached {
    fn type_name(&self) -> &str {
        "functools._lru_cache_wrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        let key = Value::tuple(args.pos.clone());
        let k = match ops::key(interp, key) {
            Ok(k) => k,
            Err(e) => return Some(Err(e)),
        };
        if let Some(v) = self.memo.borrow().get(&k).cloned() {
            return Some(Ok(v));
        }
        let r = call(interp, &self.func, args);
        if let Ok(v) = &r {
            self.memo.borrow_mut().insert(k, v.clone());
        }
        Some(r)
    }
}

/// The decorator `lru_cache(maxsize=…)` returns.
struct CacheDecorator;

impl Object for CacheDecorator {
    fn type_name(&self) -> &str {
        "function"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, _interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        Some(Ok(Value::object(Cached {
            func: args.pos.first().cloned().unwrap_or_default(),
            memo: RefCell::new(Dict::new()),
        })))
    }
}

pub fn functools(_interp: &Interp) -> Rc<Module> {
    let m = Module::new("functools");
    // Function names are fixed here, so `wraps` only hands the wrapper back.
    m.set(
        "wraps",
        builtin("wraps", |_, _| Ok(builtin("decorator", |_, a| Ok(a.pos.first().cloned().unwrap_or_default())))),
    );
    m.set(
        "partial",
        builtin("partial", |interp, a| {
            let Some(func) = a.pos.first().cloned() else {
                return Err(interp.type_error("type 'partial' takes at least one argument"));
            };
            Ok(Value::object(Partial { func, args: a.pos[1..].to_vec(), kw: a.kw }))
        }),
    );
    m.set(
        "reduce",
        builtin("reduce", |interp, a| {
            let f = a.pos.first().cloned().unwrap_or_default();
            let mut items = ops::collect(interp, a.pos.get(1).unwrap_or(&Value::None))?.into_iter();
            let mut acc = match a.pos.get(2) {
                Some(init) => init.clone(),
                None => {
                    items.next().ok_or_else(|| interp.type_error("reduce() of empty iterable with no initial value"))?
                }
            };
            for x in items {
                acc = call(interp, &f, Args { pos: vec![acc, x], kw: vec![] })?;
            }
            Ok(acc)
        }),
    );
    m.set(
        "lru_cache",
        builtin("lru_cache", |_, a| match a.pos.first() {
            Some(f @ (Value::Func(_) | Value::Builtin(_))) => {
                Ok(Value::object(Cached { func: f.clone(), memo: RefCell::new(Dict::new()) }))
            }
            _ => Ok(Value::object(CacheDecorator)),
        }),
    );
    m.set(
        "cache",
        builtin("cache", |_, a| {
            Ok(Value::object(Cached {
                func: a.pos.first().cloned().unwrap_or_default(),
                memo: RefCell::new(Dict::new()),
            }))
        }),
    );
    m
}
