//! `dataclasses`, following CPython 3.11's `_process_class`: `@dataclass(init, repr, eq, order,
//! unsafe_hash, frozen, match_args, kw_only)`, `field()` with all its options, `fields`,
//! `asdict`/`astuple` (recursive), `replace`, `is_dataclass`, `MISSING`, `FrozenInstanceError`,
//! `ClassVar` (not a field), `InitVar` (passed to `__post_init__`), `KW_ONLY`, and CPython's
//! errors, and `slots=True` (a new class, as CPython makes). Left out: `make_dataclass`,
//! `weakref_slot` (accepted, ignored); `del` of a frozen field
//! is not refused (`__delattr__` is not called).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::call::call;
use super::super::interp::{Interp, R};
use super::super::ir::{CmpOp, Name};
use super::super::ops;
use super::super::value::*;

/// A field as `dataclasses.field()` describes it, and as `fields()` returns it once its class
/// is made (then with its name and `kw_only` settled).
#[derive(Clone)]
struct Field {
    name: Option<Name>,
    default: Option<Value>,
    factory: Option<Value>,
    init: bool,
    repr: bool,
    /// `None`, `True` or `False`, as given (`None`: hashed when compared).
    hash: Value,
    compare: bool,
    metadata: Value,
    /// `None` until the class decides (CPython's `MISSING`).
    kw_only: Option<bool>,
    /// Its annotation (`Field.type`).
    typ: Value,
    /// Annotated `InitVar[…]`: an `__init__` parameter passed on to `__post_init__`, not an
    /// attribute (left out of `fields()`, the repr and the comparisons).
    initvar: bool,
}

impl Field {
    fn new(default: Option<Value>) -> Field {
        Field {
            name: None,
            default,
            factory: None,
            init: true,
            repr: true,
            hash: Value::None,
            compare: true,
            metadata: Value::dict(Dict::new()),
            kw_only: None,
            typ: Value::None,
            initvar: false,
        }
    }

    fn name(&self) -> Name {
        self.name.clone().unwrap_or_else(|| Name::from(""))
    }

    fn kw_only(&self) -> bool {
        self.kw_only.unwrap_or(false)
    }

    fn has_default(&self) -> bool {
        self.default.is_some() || self.factory.is_some()
    }

    /// Whether `__hash__` uses it: `hash=None` follows `compare`.
    fn hashed(&self, interp: &Interp) -> R<bool> {
        match &self.hash {
            Value::None => Ok(self.compare),
            v => ops::truthy(interp, v),
        }
    }
}

/// `dataclasses.MISSING`: the one value meaning "not given".
struct MissingType;

impl Object for MissingType {
    fn type_name(&self) -> &str {
        "_MISSING_TYPE"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, this: &Value) -> R<String> {
        Ok(format!("<dataclasses._MISSING_TYPE object at 0x{:x}>", this.identity().unwrap_or(0)))
    }
}

/// The module's `MISSING` (fields exist only once the module is imported).
fn missing(interp: &Interp) -> Value {
    interp.modules.borrow().get("dataclasses").and_then(|m| m.get("MISSING")).unwrap_or_default()
}

impl Object for Field {
    fn type_name(&self) -> &str {
        "Field"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        let or_missing = |v: &Option<Value>| ops::repr(interp, &v.clone().unwrap_or_else(|| missing(interp)));
        let py_bool = |b: bool| if b { "True" } else { "False" };
        Ok(format!(
            "Field(name={},type={},default={},default_factory={},init={},repr={},hash={},compare={},metadata=mappingproxy({}),kw_only={},_field_type={})",
            self.name.as_ref().map_or_else(|| "None".to_string(), |n| format!("'{n}'")),
            ops::repr(interp, &self.typ)?,
            or_missing(&self.default)?,
            or_missing(&self.factory)?,
            py_bool(self.init),
            py_bool(self.repr),
            ops::repr(interp, &self.hash)?,
            py_bool(self.compare),
            ops::repr(interp, &self.metadata)?,
            self.kw_only.map_or_else(|| ops::repr(interp, &missing(interp)), |b| Ok(py_bool(b).to_string()))?,
            if self.initvar { "_FIELD_INITVAR" } else { "_FIELD" },
        ))
    }
    fn attr(&self, interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        let or_missing = |v: &Option<Value>| v.clone().unwrap_or_else(|| missing(interp));
        Some(Ok(match &**name {
            "name" => self.name.clone().map_or(Value::None, Value::Str),
            "type" => self.typ.clone(),
            "default" => or_missing(&self.default),
            "default_factory" => or_missing(&self.factory),
            "init" => Value::Bool(self.init),
            "repr" => Value::Bool(self.repr),
            "hash" => self.hash.clone(),
            "compare" => Value::Bool(self.compare),
            "metadata" => self.metadata.clone(),
            "kw_only" => self.kw_only.map_or_else(|| missing(interp), Value::Bool),
            _ => return None,
        }))
    }
}

/// What `@dataclass` made of a class (its `__dataclass_params__`): the options and the fields,
/// inherited ones first.
#[derive(Clone)]
struct Params {
    qualname: Name,
    /// What `@dataclass(...)` was given.
    options: Options,
    fields: Rc<Vec<Rc<Field>>>,
}

impl Object for Params {
    fn type_name(&self) -> &str {
        "_DataclassParams"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        let b = |b: bool| if b { "True" } else { "False" };
        let o = &self.options;
        Ok(format!(
            "_DataclassParams(init={},repr={},eq={},order={},unsafe_hash={},frozen={})",
            b(o.init),
            b(o.repr),
            b(o.eq),
            b(o.order),
            b(o.unsafe_hash),
            b(o.frozen)
        ))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        let o = &self.options;
        Some(Ok(Value::Bool(match &**name {
            "init" => o.init,
            "repr" => o.repr,
            "eq" => o.eq,
            "order" => o.order,
            "unsafe_hash" => o.unsafe_hash,
            "frozen" => o.frozen,
            _ => return None,
        })))
    }
}

/// The options `@dataclass(...)` was given.
#[derive(Clone, Copy)]
struct Options {
    init: bool,
    repr: bool,
    eq: bool,
    order: bool,
    unsafe_hash: bool,
    frozen: bool,
    match_args: bool,
    kw_only: bool,
    slots: bool,
}

impl Options {
    fn from_kw(interp: &Interp, kw: &[(Name, Value)]) -> R<Options> {
        let mut o = Options {
            init: true,
            repr: true,
            eq: true,
            order: false,
            unsafe_hash: false,
            frozen: false,
            match_args: true,
            kw_only: false,
            slots: false,
        };
        for (k, v) in kw {
            let b = ops::truthy(interp, v)?;
            match &**k {
                "init" => o.init = b,
                "repr" => o.repr = b,
                "eq" => o.eq = b,
                "order" => o.order = b,
                "unsafe_hash" => o.unsafe_hash = b,
                "frozen" => o.frozen = b,
                "match_args" => o.match_args = b,
                "kw_only" => o.kw_only = b,
                "slots" => o.slots = b,
                // Accepted, without effect here.
                "weakref_slot" => {}
                _ => return Err(interp.type_error(format!("dataclass() got an unexpected keyword argument '{k}'"))),
            }
        }
        Ok(o)
    }
}

/// The dataclass parameters a class itself holds (not inherited).
fn own_params(class: &Class) -> Option<Params> {
    match class.attrs.borrow().get("__dataclass_params__") {
        Some(v) => v.downcast::<Params>().cloned(),
        None => None,
    }
}

/// The parameters of the nearest dataclass along the MRO (`getattr(cls, '__dataclass_fields__')`).
fn params_of_class(class: &Rc<Class>) -> Option<Params> {
    class.lineage().find_map(|c| own_params(c))
}

/// The dataclass whose generated `method` runs for `this`: the first class along `this`'s MRO
/// that defines `method` itself and is a dataclass (so a `super().__init__(…)` from a
/// subclass's own `__init__` gets the base's fields).
fn defining(interp: &Interp, this: &Value, method: &str) -> R<(Rc<Class>, Params)> {
    let class = interp.class_of(this);
    for c in class.lineage() {
        if matches!(c.attrs.borrow().get(method), Some(Value::Builtin(_))) {
            if let Some(p) = own_params(c) {
                return Ok((c.clone(), p));
            }
        }
    }
    match params_of_class(&class) {
        Some(p) => Ok((class, p)),
        None => Err(interp.type_error(format!("{method}() needs a dataclass instance"))),
    }
}

fn field_value(interp: &Interp, this: &Value, f: &Field) -> R<Value> {
    super::super::attr::get_attr(interp, this, &f.name())
}

fn values_of(interp: &Interp, this: &Value, fields: &[&Rc<Field>]) -> R<Value> {
    let mut out = Vec::with_capacity(fields.len());
    for f in fields {
        out.push(field_value(interp, this, f)?);
    }
    Ok(Value::tuple(out))
}

fn quoted_list(names: &[Name]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The generated `__init__`: parameters are the `init` fields, keyword-only ones last, with
/// CPython's messages for wrong calls.
fn dc_init(interp: &Interp, args: Args) -> R<Value> {
    let Some(this) = args.pos.first().cloned() else {
        return Err(interp.type_error("__init__() needs an instance"));
    };
    let (_, p) = defining(interp, &this, "__init__")?;
    let qualname = format!("{}.__init__", p.qualname);
    let positional: Vec<&Rc<Field>> = p.fields.iter().filter(|f| f.init && !f.kw_only()).collect();
    let kwonly: Vec<&Rc<Field>> = p.fields.iter().filter(|f| f.init && f.kw_only()).collect();
    let given = args.pos.get(1..).unwrap_or_default();
    let mut slots: Vec<Option<Value>> = positional.iter().map(|_| None).collect();
    let mut kw_slots: Vec<Option<Value>> = kwonly.iter().map(|_| None).collect();
    for (slot, v) in slots.iter_mut().zip(given) {
        *slot = Some(v.clone());
    }
    for (k, v) in &args.kw {
        let slot = if let Some(i) = positional.iter().position(|f| f.name.as_ref() == Some(k)) {
            slots.get_mut(i)
        } else if let Some(i) = kwonly.iter().position(|f| f.name.as_ref() == Some(k)) {
            kw_slots.get_mut(i)
        } else {
            return Err(interp.type_error(format!("{qualname}() got an unexpected keyword argument '{k}'")));
        };
        if let Some(slot) = slot {
            if slot.is_some() {
                return Err(interp.type_error(format!("{qualname}() got multiple values for argument '{k}'")));
            }
            *slot = Some(v.clone());
        }
    }
    if given.len() > positional.len() {
        let n = positional.len() + 1;
        let defaults = positional.iter().filter(|f| f.has_default()).count();
        let takes = if defaults > 0 {
            format!("from {} to {n} positional arguments", n - defaults)
        } else {
            plural(n, "positional argument")
        };
        let g = given.len() + 1;
        let kw_given = kw_slots.iter().filter(|s| s.is_some()).count();
        let and_kw = if kw_given > 0 {
            format!(
                " positional argument{} (and {})",
                if g == 1 { "" } else { "s" },
                plural(kw_given, "keyword-only argument")
            )
        } else {
            String::new()
        };
        let were = if g == 1 && kw_given == 0 { "was" } else { "were" };
        return Err(interp.type_error(format!("{qualname}() takes {takes} but {g}{and_kw} {were} given")));
    }
    for (fields, slots, what) in
        [(&positional, &slots, "required positional argument"), (&kwonly, &kw_slots, "required keyword-only argument")]
    {
        let missing: Vec<Name> = fields
            .iter()
            .zip(slots.iter())
            .filter(|(f, s)| s.is_none() && !f.has_default())
            .map(|(f, _)| f.name())
            .collect();
        if !missing.is_empty() {
            return Err(interp.type_error(format!(
                "{qualname}() missing {}: {}",
                plural(missing.len(), what),
                quoted_list(&missing)
            )));
        }
    }
    let Value::Instance(inst) = &this else { return Err(interp.type_error("__init__() needs an instance")) };
    let (mut slots, mut kw_slots) = (slots.into_iter(), kw_slots.into_iter());
    let mut init_vars = Vec::new();
    for f in p.fields.iter() {
        let given = match (f.init, f.kw_only()) {
            (false, _) => None,
            (true, false) => slots.next().flatten(),
            (true, true) => kw_slots.next().flatten(),
        };
        let v = match (given, &f.default, &f.factory) {
            (Some(v), _, _) => v,
            (None, _, Some(factory)) => call(interp, factory, Args::default())?,
            (None, Some(d), None) if f.init => d.clone(),
            // An init=False field without a factory: its class attribute (if any) stands.
            _ => continue,
        };
        if f.initvar {
            init_vars.push(v);
            continue;
        }
        if p.options.frozen {
            inst.attrs.borrow_mut().insert(f.name(), v);
        } else {
            super::super::attr::set_attr(interp, &this, &f.name(), v)?;
        }
    }
    if inst.class.lookup("__post_init__").is_some() {
        let post = super::super::attr::get_attr(interp, &this, &Name::from("__post_init__"))?;
        call(interp, &post, Args { pos: init_vars, kw: vec![] })?;
    }
    Ok(Value::None)
}

thread_local! {
    /// Dataclass instances whose repr is being built (a repr of itself inside shows `...`).
    static IN_REPR: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Takes an instance off [`IN_REPR`] however its repr ends.
struct ReprGuard(usize);

impl Drop for ReprGuard {
    fn drop(&mut self) {
        IN_REPR.with(|r| {
            let mut r = r.borrow_mut();
            if let Some(i) = r.iter().rposition(|x| *x == self.0) {
                r.remove(i);
            }
        });
    }
}

fn dc_repr(interp: &Interp, args: Args) -> R<Value> {
    let this = args.pos.first().cloned().unwrap_or_default();
    let (_, p) = defining(interp, &this, "__repr__")?;
    let id = this.identity().unwrap_or(0);
    if IN_REPR.with(|r| r.borrow().contains(&id)) {
        return Ok(Value::str("..."));
    }
    IN_REPR.with(|r| r.borrow_mut().push(id));
    let _guard = ReprGuard(id);
    let mut parts = Vec::new();
    for f in p.fields.iter().filter(|f| f.repr && !f.initvar) {
        let v = field_value(interp, &this, f)?;
        parts.push(format!("{}={}", f.name(), ops::repr(interp, &v)?));
    }
    let name = interp.class_of(&this).qualname.clone();
    Ok(Value::str(&format!("{name}({})", parts.join(", "))))
}

/// `==` and the orderings: the compared fields as tuples, between instances of the same class.
fn dc_compare(interp: &Interp, args: &Args, method: &str, op: CmpOp) -> R<Value> {
    let (a, b) = (args.pos.first().cloned().unwrap_or_default(), args.pos.get(1).cloned().unwrap_or_default());
    if !Rc::ptr_eq(&interp.class_of(&a), &interp.class_of(&b)) {
        return Ok(interp.builtins.get("NotImplemented").unwrap_or_default());
    }
    let (_, p) = defining(interp, &a, method)?;
    let compared: Vec<&Rc<Field>> = p.fields.iter().filter(|f| f.compare && !f.initvar).collect();
    let (x, y) = (values_of(interp, &a, &compared)?, values_of(interp, &b, &compared)?);
    ops::compare(interp, op, &x, &y)
}

fn dc_hash(interp: &Interp, args: Args) -> R<Value> {
    let this = args.pos.first().cloned().unwrap_or_default();
    let (_, p) = defining(interp, &this, "__hash__")?;
    let mut hashed = Vec::new();
    for f in p.fields.iter().filter(|f| !f.initvar) {
        if f.hashed(interp)? {
            hashed.push(f);
        }
    }
    let key = ops::key(interp, values_of(interp, &this, &hashed)?)?;
    Ok(Value::Int(key.hash() as i64))
}

/// A frozen dataclass's `__setattr__`/`__delattr__`: fields (and, on the class itself, every
/// attribute) cannot change.
fn dc_frozen(interp: &Interp, args: &Args, method: &str, value: Option<Value>) -> R<Value> {
    let this = args.pos.first().cloned().unwrap_or_default();
    let name = match args.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(interp.type_error("attribute name must be string")),
    };
    let (class, p) = defining(interp, &this, method)?;
    if Rc::ptr_eq(&interp.class_of(&this), &class) || p.fields.iter().any(|f| f.name.as_ref() == Some(&name)) {
        let verb = if value.is_some() { "assign to" } else { "delete" };
        let r = ops::repr(interp, &Value::Str(name))?;
        return Err(interp.err("FrozenInstanceError", format!("cannot {verb} field {r}")));
    }
    let Value::Instance(inst) = &this else { return Err(interp.type_error("not a dataclass instance")) };
    match value {
        Some(v) => {
            drop(inst.set_own(&name, v));
        }
        None => {
            if inst.del_own(&name).is_none() {
                return Err(interp.attribute_error(format!("'{}' object has no attribute '{name}'", inst.class.name)));
            }
        }
    }
    Ok(Value::None)
}

/// Whether CPython would call a default mutable (its class's `__hash__` is None): a list,
/// dict or set, or an instance of a class with `__eq__` and no `__hash__` of its own.
fn unhashable_default(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Dict(_) | Value::Set(_) => true,
        Value::Instance(i) if i.class.user => {
            let eq = i.class.lineage().position(|c| c.attrs.borrow().contains_key("__eq__"));
            let hash = i.class.lineage().position(|c| c.attrs.borrow().contains_key("__hash__"));
            matches!((eq, hash), (Some(e), h) if h.is_none_or(|h| h > e))
        }
        _ => false,
    }
}

/// `@dataclass` applied to `class`, following CPython's `_process_class`.
fn make_dataclass(interp: &Interp, class: &Value, o: Options) -> R<Value> {
    let Value::Class(c) = class else { return Err(interp.type_error("dataclass() should be called on a class")) };
    if !c.user {
        return Err(interp.type_error(format!("cannot make a dataclass of the built-in type '{}'", c.name)));
    }
    let mut fields: Vec<Rc<Field>> = Vec::new();
    let (mut has_dataclass_bases, mut any_frozen_base) = (false, false);
    // Fields of dataclass bases come first; one redefined here keeps its place.
    for base in c.mro.iter().rev() {
        if let Some(p) = own_params(base) {
            has_dataclass_bases = true;
            any_frozen_base |= p.options.frozen;
            for f in p.fields.iter() {
                match fields.iter_mut().find(|g| g.name == f.name) {
                    Some(slot) => *slot = f.clone(),
                    None => fields.push(f.clone()),
                }
            }
        }
    }
    let annotated: Vec<(Name, Value)> = match c.attrs.borrow().get("__annotations__") {
        Some(Value::Dict(d)) => d.borrow().keyword_pairs(),
        _ => Vec::new(),
    };
    let names: Vec<Name> = annotated.iter().map(|(n, _)| n.clone()).collect();
    // Fields annotated after `_: KW_ONLY` are keyword-only.
    let mut after_kw_only = false;
    for (name, typ) in annotated.iter() {
        let name: &Name = name;
        if typ.downcast::<KwOnly>().is_some() {
            if after_kw_only {
                return Err(interp.type_error(format!("'{name}' is KW_ONLY, but KW_ONLY has already been specified")));
            }
            after_kw_only = true;
            continue;
        }
        // `ClassVar[…]`: a class attribute, not a field.
        if super::typing::is_classvar(typ) || is_typed_str(typ, "ClassVar", "typing") {
            continue;
        }
        let attr = c.lookup(name);
        let is_field = attr.as_ref().is_some_and(|v| v.downcast::<Field>().is_some());
        let mut f = match attr {
            Some(v) => match v.downcast::<Field>() {
                Some(f) => f.clone(),
                None => Field::new(Some(v)),
            },
            None => Field::new(None),
        };
        f.name = Some(name.clone());
        f.typ = typ.clone();
        f.initvar = typ.downcast::<InitVarAlias>().is_some()
            || typ.downcast::<InitVarType>().is_some()
            || is_typed_str(typ, "InitVar", "dataclasses");
        if f.kw_only.is_none() {
            f.kw_only = Some(o.kw_only || after_kw_only);
        }
        if let Some(d) = &f.default {
            if unhashable_default(d) {
                return Err(interp.value_error(format!(
                    "mutable default {} for field {name} is not allowed: use default_factory",
                    ops::class_repr(&interp.class_of(d))
                )));
            }
        }
        if is_field {
            match &f.default {
                Some(d) => {
                    c.attrs.borrow_mut().insert(name.clone(), d.clone());
                }
                None => {
                    c.attrs.borrow_mut().shift_remove(name);
                }
            }
        }
        let f = Rc::new(f);
        match fields.iter_mut().find(|g| g.name.as_ref() == Some(name)) {
            Some(slot) => *slot = f,
            None => fields.push(f),
        }
    }
    let stray = c
        .attrs
        .borrow()
        .iter()
        .find(|(k, v)| v.downcast::<Field>().is_some() && !names.contains(k))
        .map(|(k, _)| k.clone());
    if let Some(k) = stray {
        return Err(interp.type_error(format!("'{k}' is a field but has no type annotation")));
    }
    if has_dataclass_bases {
        if any_frozen_base && !o.frozen {
            return Err(interp.type_error("cannot inherit non-frozen dataclass from a frozen one"));
        }
        if !any_frozen_base && o.frozen {
            return Err(interp.type_error("cannot inherit frozen dataclass from a non-frozen one"));
        }
    }
    let has_explicit_hash = matches!(c.attrs.borrow().get("__hash__"), Some(v) if !v.is_none());
    if o.order && !o.eq {
        return Err(interp.value_error("eq must be true if order is true"));
    }
    let params = Params { qualname: c.qualname.clone(), options: o, fields: Rc::new(fields) };
    let mut by_name = Dict::new();
    for f in params.fields.iter() {
        by_name.set_str(&f.name(), Value::Object(f.clone()));
    }
    // `_set_new_attribute`: a method the class defines itself is kept (true when it was).
    let set_new = |name: &str, v: Value| -> bool {
        let mut attrs = c.attrs.borrow_mut();
        if attrs.contains_key(name) {
            return true;
        }
        attrs.insert(Name::from(name), v);
        false
    };
    let cannot_overwrite = |name: &str, extra: &str| {
        interp.type_error(format!("Cannot overwrite attribute {name} in class {}{extra}", c.name))
    };
    if o.init {
        let mut seen_default = false;
        for f in params.fields.iter().filter(|f| f.init && !f.kw_only()) {
            if f.has_default() {
                seen_default = true;
            } else if seen_default {
                return Err(interp.type_error(format!("non-default argument '{}' follows default argument", f.name())));
            }
        }
    }
    {
        let mut attrs = c.attrs.borrow_mut();
        attrs.insert(Name::from("__dataclass_params__"), Value::object(params.clone()));
        attrs.insert(Name::from("__dataclass_fields__"), Value::dict(by_name));
    }
    if o.init {
        set_new("__init__", builtin("__init__", dc_init));
    }
    if o.repr {
        set_new("__repr__", builtin("__repr__", dc_repr));
    }
    if o.eq {
        set_new("__eq__", builtin("__eq__", |i, a| dc_compare(i, &a, "__eq__", CmpOp::Eq)));
    }
    if o.order {
        let methods: [(&str, BuiltinFn); 4] = [
            ("__lt__", |i, a| dc_compare(i, &a, "__lt__", CmpOp::Lt)),
            ("__le__", |i, a| dc_compare(i, &a, "__le__", CmpOp::LtE)),
            ("__gt__", |i, a| dc_compare(i, &a, "__gt__", CmpOp::Gt)),
            ("__ge__", |i, a| dc_compare(i, &a, "__ge__", CmpOp::GtE)),
        ];
        for (name, f) in methods {
            if set_new(name, builtin(name, f)) {
                return Err(cannot_overwrite(name, ". Consider using functools.total_ordering"));
            }
        }
    }
    if o.frozen {
        let methods: [(&str, BuiltinFn); 2] = [
            ("__setattr__", |i, a| {
                let v = a.pos.get(2).cloned().unwrap_or_default();
                dc_frozen(i, &a, "__setattr__", Some(v))
            }),
            ("__delattr__", |i, a| dc_frozen(i, &a, "__delattr__", None)),
        ];
        for (name, f) in methods {
            if set_new(name, builtin(name, f)) {
                return Err(cannot_overwrite(name, ""));
            }
        }
    }
    // CPython's `_hash_action` table. Setting `__hash__ = None` is left out: a class that
    // defines `__eq__` without `__hash__` is already unhashable here.
    let add_hash = match (o.unsafe_hash, o.eq, o.frozen, has_explicit_hash) {
        (true, _, _, true) => return Err(cannot_overwrite("__hash__", "")),
        (true, _, _, false) => true,
        (false, true, true, false) => true,
        _ => false,
    };
    if add_hash {
        c.attrs.borrow_mut().insert(Name::from("__hash__"), builtin("__hash__", dc_hash));
    }
    if o.match_args {
        let names: Vec<Value> =
            params.fields.iter().filter(|f| f.init && !f.kw_only()).map(|f| Value::Str(f.name())).collect();
        set_new("__match_args__", Value::tuple(names));
    }
    if o.slots {
        let names: Vec<Name> = params.fields.iter().filter(|f| !f.initvar).map(|f| f.name()).collect();
        return with_slots(interp, c, names).map(Value::Class);
    }
    Ok(class.clone())
}

/// `slots=True`: CPython's `_add_slots`, a new class like `c` whose `__slots__` are the
/// fields (their class attributes dropped), so its instances have no `__dict__`.
fn with_slots(interp: &Interp, c: &Rc<Class>, fields: Vec<Name>) -> R<Rc<Class>> {
    if c.attrs.borrow().contains_key("__slots__") {
        return Err(interp.type_error(format!("{} already specifies __slots__", c.name)));
    }
    let mut dict = false;
    let mut names = fields.clone();
    for base in &c.mro {
        if Rc::ptr_eq(base, &interp.types.object) {
            continue;
        }
        match &base.slots {
            Some(s) => {
                dict |= s.dict;
                names.extend(s.names.iter().filter(|n| !fields.contains(n)).cloned().collect::<Vec<_>>());
            }
            None => dict = true,
        }
    }
    let mut attrs = c.attrs.borrow().clone();
    for n in &fields {
        attrs.shift_remove(n);
    }
    attrs.shift_remove("__dict__");
    attrs.shift_remove("__weakref__");
    attrs.insert(Name::from("__slots__"), Value::tuple(fields.into_iter().map(Value::Str).collect()));
    Ok(Rc::new(Class {
        name: c.name.clone(),
        qualname: c.qualname.clone(),
        module: c.module.clone(),
        bases: c.bases.clone(),
        mro: c.mro.clone(),
        attrs: ClassAttrs::new(attrs),
        cache: RefCell::default(),
        builtin: c.builtin,
        user: c.user,
        slots: Some(Rc::new(InstanceSlots { names, dict })),
    }))
}

/// `@dataclass(...)` with options: applied to the class next.
struct DataclassWith(Options);

impl Object for DataclassWith {
    fn type_name(&self) -> &str {
        "function"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        Some(make_dataclass(interp, args.pos.first().unwrap_or(&Value::None), self.0))
    }
}

/// The dataclass parameters of an instance's class, or `what`'s TypeError.
fn instance_params(interp: &Interp, obj: &Value, what: &str) -> R<Params> {
    if matches!(obj, Value::Class(_)) {
        return Err(interp.type_error(format!("{what}() should be called on dataclass instances")));
    }
    params_of_class(&interp.class_of(obj))
        .ok_or_else(|| interp.type_error(format!("{what}() should be called on dataclass instances")))
}

/// `asdict`/`astuple`'s copy: dataclasses become dicts (or tuples), lists, tuples and dicts
/// are copied with their items converted, and anything else is kept as it is (CPython
/// deep-copies it; the values are the same).
fn as_inner(interp: &Interp, v: &Value, factory: &Option<Value>, as_dict: bool) -> R<Value> {
    let _nested = interp.nest("")?;
    let params = match v {
        Value::Instance(i) => params_of_class(&i.class),
        _ => None,
    };
    if let Some(p) = params {
        let mut items = Vec::with_capacity(p.fields.len());
        for f in p.fields.iter().filter(|f| !f.initvar) {
            let x = as_inner(interp, &field_value(interp, v, f)?, factory, as_dict)?;
            items.push(if as_dict { Value::tuple(vec![Value::Str(f.name()), x]) } else { x });
        }
        return match factory {
            Some(f) => call(interp, f, Args { pos: vec![Value::list(items)], kw: vec![] }),
            None if as_dict => {
                let mut d = Dict::new();
                for item in items {
                    if let Value::Tuple(t) = &item {
                        if let [k, x] = &t[..] {
                            d.insert(ops::key(interp, k.clone())?, x.clone());
                        }
                    }
                }
                Ok(Value::dict(d))
            }
            None => Ok(Value::tuple(items)),
        };
    }
    match v {
        Value::List(l) => {
            let items = l.borrow().clone();
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(as_inner(interp, x, factory, as_dict)?);
            }
            Ok(Value::list(out))
        }
        Value::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len());
            for x in t.iter() {
                out.push(as_inner(interp, x, factory, as_dict)?);
            }
            Ok(Value::tuple(out))
        }
        Value::Dict(d) => {
            let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect();
            let mut out = Dict::new();
            for (k, x) in &items {
                let k = as_inner(interp, k, factory, as_dict)?;
                out.insert(ops::key(interp, k)?, as_inner(interp, x, factory, as_dict)?);
            }
            Ok(Value::dict(out))
        }
        Value::Set(s) => Ok(Value::Set(Rc::new(RefCell::new(s.borrow().clone())))),
        other => Ok(other.clone()),
    }
}

/// `asdict(obj, *, dict_factory=dict)` / `astuple(obj, *, tuple_factory=tuple)`.
fn as_dict_or_tuple(interp: &Interp, a: &Args, what: &str, factory_kw: &str, as_dict: bool) -> R<Value> {
    let [obj] = a.pos.as_slice() else {
        return Err(interp.type_error(format!("{what}() takes 1 positional argument but {} were given", a.pos.len())));
    };
    instance_params(interp, obj, what)?;
    let mut factory = None;
    for (k, v) in &a.kw {
        if &**k != factory_kw {
            return Err(interp.type_error(format!("{what}() got an unexpected keyword argument '{k}'")));
        }
        factory = Some(v.clone());
    }
    as_inner(interp, obj, &factory, as_dict)
}

/// The class `fields()` and `is_dataclass()` ask about: the argument, or its class.
fn class_arg(interp: &Interp, a: &Args) -> Rc<Class> {
    match a.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        Some(other) => interp.class_of(other),
        None => interp.class_of(&Value::None),
    }
}

pub fn module(interp: &Interp) -> Rc<Module> {
    let m = Module::new("dataclasses");
    m.set("FrozenInstanceError", Value::Class(interp.types.exc("FrozenInstanceError")));
    m.set("MISSING", Value::object(MissingType));
    m.set("KW_ONLY", Value::object(KwOnly));
    m.set("InitVar", Value::object(InitVarType));
    m.set(
        "dataclass",
        builtin("dataclass", |interp, a| {
            let o = Options::from_kw(interp, &a.kw)?;
            match a.pos.as_slice() {
                [] | [Value::None] => Ok(Value::object(DataclassWith(o))),
                [class] => make_dataclass(interp, class, o),
                more => Err(interp.type_error(format!(
                    "dataclass() takes from 0 to 1 positional arguments but {} were given",
                    more.len()
                ))),
            }
        }),
    );
    m.set(
        "field",
        builtin("field", |interp, a| {
            if !a.pos.is_empty() {
                let n = a.pos.len();
                let were = if n == 1 { "was" } else { "were" };
                return Err(interp.type_error(format!("field() takes 0 positional arguments but {n} {were} given")));
            }
            let miss = missing(interp);
            let given = |v: &Value| if v.is(&miss) { None } else { Some(v.clone()) };
            let mut f = Field::new(None);
            for (k, v) in &a.kw {
                match &**k {
                    "default" => f.default = given(v),
                    "default_factory" => f.factory = given(v),
                    "init" => f.init = ops::truthy(interp, v)?,
                    "repr" => f.repr = ops::truthy(interp, v)?,
                    "hash" => f.hash = v.clone(),
                    "compare" => f.compare = ops::truthy(interp, v)?,
                    "metadata" => {
                        if !v.is_none() {
                            f.metadata = v.clone();
                        }
                    }
                    "kw_only" => f.kw_only = if v.is(&miss) { None } else { Some(ops::truthy(interp, v)?) },
                    _ => return Err(interp.type_error(format!("field() got an unexpected keyword argument '{k}'"))),
                }
            }
            if f.default.is_some() && f.factory.is_some() {
                return Err(interp.value_error("cannot specify both default and default_factory"));
            }
            Ok(Value::object(f))
        }),
    );
    m.set(
        "fields",
        builtin("fields", |interp, a| {
            let p = params_of_class(&class_arg(interp, &a))
                .ok_or_else(|| interp.type_error("must be called with a dataclass type or instance"))?;
            Ok(Value::tuple(p.fields.iter().filter(|f| !f.initvar).map(|f| Value::Object(f.clone())).collect()))
        }),
    );
    m.set(
        "is_dataclass",
        builtin("is_dataclass", |interp, a| Ok(Value::Bool(params_of_class(&class_arg(interp, &a)).is_some()))),
    );
    m.set("asdict", builtin("asdict", |interp, a| as_dict_or_tuple(interp, &a, "asdict", "dict_factory", true)));
    m.set("astuple", builtin("astuple", |interp, a| as_dict_or_tuple(interp, &a, "astuple", "tuple_factory", false)));
    m.set(
        "replace",
        builtin("replace", |interp, a| {
            let [obj] = a.pos.as_slice() else {
                return Err(
                    interp.type_error(format!("replace() takes 1 positional argument but {} were given", a.pos.len()))
                );
            };
            let p = instance_params(interp, obj, "replace")?;
            let mut kw = a.kw.clone();
            for f in p.fields.iter() {
                let name = f.name();
                let changed = kw.iter().any(|(k, _)| *k == name);
                if f.initvar && !changed && !f.has_default() {
                    return Err(interp.value_error(format!("InitVar '{name}' must be specified with replace()")));
                }
                if !f.init || f.initvar {
                    if changed && f.initvar {
                        continue;
                    }
                    if changed {
                        return Err(interp.value_error(format!(
                            "field {name} is declared with init=False, it cannot be specified with replace()"
                        )));
                    }
                    continue;
                }
                if !changed {
                    kw.push((name, field_value(interp, obj, f)?));
                }
            }
            call(interp, &Value::Class(interp.class_of(obj)), Args { pos: vec![], kw })
        }),
    );
    m
}

/// `dataclasses.KW_ONLY`: annotating `_` with it makes the fields after it keyword-only.
struct KwOnly;

impl Object for KwOnly {
    fn type_name(&self) -> &str {
        "_KW_ONLY_TYPE"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `dataclasses.InitVar`, subscripted as `InitVar[int]`.
struct InitVarType;

impl Object for InitVarType {
    fn type_name(&self) -> &str {
        "type"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok("<class 'dataclasses.InitVar'>".into())
    }
    fn get_item(&self, _interp: &Interp, index: &Value) -> Option<R<Value>> {
        Some(Ok(Value::object(InitVarAlias(index.clone()))))
    }
}

/// `InitVar[int]`.
struct InitVarAlias(Value);

impl Object for InitVarAlias {
    fn type_name(&self) -> &str {
        "InitVar"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        let inner = match &self.0 {
            Value::Class(c) if &*c.module == "builtins" => c.qualname.to_string(),
            Value::Class(c) => format!("{}.{}", c.module, c.qualname),
            other => ops::repr(interp, other)?,
        };
        Ok(format!("dataclasses.InitVar[{inner}]"))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        (&**name == "type").then(|| Ok(self.0.clone()))
    }
}

/// A string annotation naming `form` (`"ClassVar[int]"`, `"typing.ClassVar"`), as CPython's
/// `_is_type` recognises one under `from __future__ import annotations`.
fn is_typed_str(v: &Value, form: &str, module: &str) -> bool {
    let Value::Str(s) = v else { return false };
    let s = s.trim();
    let s = s.strip_prefix(module).and_then(|r| r.strip_prefix('.')).unwrap_or(s);
    s.strip_prefix(form).is_some_and(|r| r.is_empty() || r.starts_with('['))
}
