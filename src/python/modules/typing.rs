//! `typing`: its special forms and generic aliases as values that read as CPython's
//! (`typing.Optional[int]`, `typing.List[int]`, `typing.Union[int, str]`), with `__origin__`
//! and `__args__`; `get_type_hints`, `get_origin`, `get_args`, `overload` and the decorators
//! that change nothing. `get_type_hints` reads the evaluated annotations (None as `NoneType`,
//! a string naming a class as that class). `Generic`, `Protocol` and `TypedDict` are `object`
//! (classes derive from them). An unsubscripted generic (`typing.List`, `typing.Iterable`)
//! stands for its class in `isinstance`; the aliases cannot be called.
//! A subscripted class (`list[int]`, `Box[int]`) is a [`GenericAlias`].

use std::any::Any;
use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::interp::{Interp, R};
use super::super::ir::Name;
use super::super::ops;
use super::super::value::*;

/// A special form or a generic standing for a class (`typing.List`), unsubscripted.
struct Form {
    name: &'static str,
    origin: Origin,
}

/// The class a generic stands for: `list` for `List`, `collections.abc.Iterable` for
/// `Iterable`.
enum Origin {
    /// A special form (`Optional`, `Any`…) stands for no class.
    None,
    Class(Value),
    /// A class of a module written in Python (`collections.abc`, `collections`), imported when
    /// first needed: importing `typing` loads neither.
    Lazy(&'static str, &'static str),
}

impl Form {
    fn origin(&self, interp: &Interp) -> R<Option<Value>> {
        Ok(match &self.origin {
            Origin::None => None,
            Origin::Class(c) => Some(c.clone()),
            Origin::Lazy(module, name) => {
                let module = super::super::call::import_module(interp, module)?;
                Some(super::super::attr::get_attr(interp, &module, &Name::from(*name))?)
            }
        })
    }
}

/// A subscripted form: `typing.List[int]`, `typing.Union[int, str]`.
struct Alias {
    /// The form's name as its repr says it (`Union` for `Optional[…]` too).
    name: &'static str,
    /// What `__origin__` answers: the class, or the special form.
    origin: Value,
    args: Vec<Value>,
}

/// `typing.TypeVar('T')`, shown as `~T`.
struct TypeVar(Name);

impl Object for TypeVar {
    fn type_name(&self) -> &str {
        "TypeVar"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok(format!("~{}", self.0))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            "__name__" => Some(Ok(Value::Str(self.0.clone()))),
            _ => None,
        }
    }
}

/// CPython's `typing._type_repr`: a class by its (qualified) name, `...`, a function by its
/// name, anything else by its repr.
fn type_repr(interp: &Interp, v: &Value) -> R<String> {
    Ok(match v {
        Value::Class(c) if &*c.module == "builtins" => c.qualname.to_string(),
        Value::Class(c) => format!("{}.{}", c.module, c.qualname),
        Value::Func(f) => f.name.to_string(),
        v if is_ellipsis(v) => "...".into(),
        other => ops::repr(interp, other)?,
    })
}

/// A type argument as typing keeps it: None stands for `NoneType`.
fn type_arg(interp: &Interp, v: Value) -> Value {
    match v {
        Value::None => Value::Class(interp.class_of(&Value::None)),
        v => v,
    }
}

fn is_none_type(interp: &Interp, v: &Value) -> bool {
    matches!(v, Value::Class(c) if Rc::ptr_eq(c, &interp.class_of(&Value::None)))
}

/// Whether two type arguments are the same (classes by identity, aliases by their parts).
fn same_type(a: &Value, b: &Value) -> bool {
    match (a.downcast::<Alias>(), b.downcast::<Alias>()) {
        (Some(x), Some(y)) => x.eq_alias(y),
        _ => a.is(b),
    }
}

impl Alias {
    fn eq_alias(&self, other: &Alias) -> bool {
        let same_args = if self.name == "Union" {
            // A union is a set of types: their order does not count.
            self.args.iter().all(|a| other.args.iter().any(|b| same_type(a, b)))
        } else {
            self.args.iter().zip(&other.args).all(|(a, b)| same_type(a, b))
        };
        self.name == other.name
            && same_type(&self.origin, &other.origin)
            && self.args.len() == other.args.len()
            && same_args
    }
}

impl Object for Alias {
    fn type_name(&self) -> &str {
        if self.name == "Union" {
            "_UnionGenericAlias"
        } else {
            "_GenericAlias"
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        if let (true, [a, b]) = (self.name == "Union", self.args.as_slice()) {
            if is_none_type(interp, a) {
                return Ok(format!("typing.Optional[{}]", type_repr(interp, b)?));
            }
            if is_none_type(interp, b) {
                return Ok(format!("typing.Optional[{}]", type_repr(interp, a)?));
            }
        }
        let args = match (self.name, self.args.as_slice()) {
            ("Tuple", []) => "()".to_string(),
            // `Callable[[int, str], bool]`: the parameters in a list, then the result.
            ("Callable", [params @ .., result]) if !matches!(params, [p] if is_ellipsis(p)) => {
                let params = params.iter().map(|p| type_repr(interp, p)).collect::<R<Vec<_>>>()?;
                format!("[{}], {}", params.join(", "), type_repr(interp, result)?)
            }
            (_, args) => args.iter().map(|a| type_repr(interp, a)).collect::<R<Vec<_>>>()?.join(", "),
        };
        Ok(format!("typing.{}[{args}]", self.name))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(match &**name {
            "__origin__" => self.origin.clone(),
            "__args__" => Value::tuple(self.args.clone()),
            _ => return None,
        }))
    }
    fn eq(&self, other: &Value) -> Option<bool> {
        Some(other.downcast::<Alias>().is_some_and(|o| self.eq_alias(o)))
    }
}

fn is_ellipsis(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.type_name() == "ellipsis")
}

impl Form {
    /// `Form[index]`.
    fn subscript(&self, interp: &Interp, this: &Value, index: &Value) -> R<Value> {
        let mut args: Vec<Value> = match index {
            Value::Tuple(items) => items.to_vec(),
            v => vec![v.clone()],
        };
        if self.name == "Callable" {
            // `Callable[[int, str], bool]` keeps its parameters flat, as `__args__` shows them.
            if let [Value::List(params), result] = args.as_slice() {
                let mut flat = params.borrow().clone();
                flat.push(result.clone());
                args = flat;
            }
        }
        if self.name != "Literal" {
            args = args.into_iter().map(|a| type_arg(interp, a)).collect();
        }
        match self.name {
            "Optional" => {
                let [arg] = args.as_slice() else {
                    return Err(interp.type_error("typing.Optional requires a single type."));
                };
                union(interp, vec![arg.clone(), type_arg(interp, Value::None)])
            }
            "Union" => union(interp, args),
            "Any" | "NoReturn" => Err(interp.type_error(format!("typing.{} is not subscriptable", self.name))),
            name => {
                let origin = self.origin(interp)?.unwrap_or_else(|| this.clone());
                Ok(Value::object(Alias { name, origin, args }))
            }
        }
    }
}

/// `Union[…]`: nested unions flattened, repeats dropped; a single type is itself.
fn union(interp: &Interp, args: Vec<Value>) -> R<Value> {
    if args.is_empty() {
        return Err(interp.type_error("Cannot take a Union of no types."));
    }
    let mut flat: Vec<Value> = Vec::new();
    for a in args {
        let parts = match a.downcast::<Alias>() {
            Some(u) if u.name == "Union" => u.args.clone(),
            _ => vec![a],
        };
        for p in parts {
            if !flat.iter().any(|f| same_type(f, &p)) {
                flat.push(p);
            }
        }
    }
    if flat.len() == 1 {
        return Ok(flat.remove(0));
    }
    let origin = match &super::super::call::import_module(interp, "typing")? {
        Value::Module(m) => m.get("Union").unwrap_or_default(),
        _ => Value::None,
    };
    Ok(Value::object(Alias { name: "Union", origin, args: flat }))
}

impl Object for Form {
    fn type_name(&self) -> &str {
        if !matches!(self.origin, Origin::None) {
            "_GenericAlias"
        } else {
            "_SpecialForm"
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok(format!("typing.{}", self.name))
    }
    fn get_item(&self, interp: &Interp, index: &Value) -> Option<R<Value>> {
        // The form itself is needed as the alias's origin: found again by name.
        let this = match &super::super::call::import_module(interp, "typing") {
            Ok(Value::Module(m)) => m.get(self.name).unwrap_or_default(),
            _ => Value::None,
        };
        Some(self.subscript(interp, &this, index))
    }
    fn attr(&self, interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        match &**name {
            "__origin__" => self.origin(interp).transpose(),
            "_name" => Some(Ok(Value::str(self.name))),
            _ => None,
        }
    }
}

/// The class an unsubscripted generic stands for (`list` for `typing.List`), which
/// `isinstance` and `issubclass` test as that class, as CPython's do.
pub fn generic_origin(interp: &Interp, v: &Value) -> R<Option<Value>> {
    match v.downcast::<Form>() {
        Some(form) => form.origin(interp),
        None => Ok(None),
    }
}

/// The name of a special form (`Any`, `Optional`…), which class checks refuse.
pub fn special_form(v: &Value) -> Option<&'static str> {
    v.downcast::<Form>().filter(|f| matches!(f.origin, Origin::None)).map(|f| f.name)
}

/// Whether `v` is a subscripted form (`List[int]`), which class checks refuse.
pub fn is_subscripted(v: &Value) -> bool {
    v.downcast::<Alias>().is_some()
}

/// `get_type_hints(obj)`: its annotations (a class's along its MRO, the base's first), None
/// read as `NoneType`.
fn get_type_hints(interp: &Interp, args: Args) -> R<Value> {
    let obj = args.pos.first().cloned().unwrap_or_default();
    let owners: Vec<Value> = match &obj {
        Value::Class(c) => {
            let mut all: Vec<Value> = c.mro.iter().rev().map(|b| Value::Class(b.clone())).collect();
            all.push(obj.clone());
            all
        }
        _ => vec![obj.clone()],
    };
    let mut hints = Dict::new();
    for owner in owners {
        let own = match &owner {
            Value::Class(c) => c.attrs.borrow().get("__annotations__").cloned(),
            other => super::super::attr::get_attr(interp, other, &Name::from("__annotations__")).ok(),
        };
        let Some(own) = own else { continue };
        let globals = match &owner {
            Value::Func(f) => Some(f.globals.clone()),
            Value::Class(c) if &*c.module == "__main__" => Some(interp.main.clone()),
            Value::Class(c) => match &super::super::call::import_module(interp, &c.module) {
                Ok(Value::Module(m)) => Some(m.clone()),
                _ => None,
            },
            _ => Some(interp.main.clone()),
        };
        for (k, v) in ops::mapping_items(interp, &own)? {
            let v = match (&v, &globals) {
                (Value::Str(s), Some(g)) => forward_ref(interp, g, s).unwrap_or(v),
                _ => v,
            };
            hints.insert(ops::key(interp, k)?, type_arg(interp, v));
        }
    }
    Ok(Value::dict(hints))
}

/// `int | str` (`types.UnionType`, with or without a generic alias among its members), whose
/// origin is that class and whose arguments are its members.
fn is_union_type(v: &Value) -> bool {
    v.downcast::<super::super::objects::UnionType>().is_some()
        || v.downcast::<super::super::objects::AliasUnion>().is_some()
}

/// What calling a function that only `@overload` defined does.
fn overload_dummy(interp: &Interp, _: Args) -> R<Value> {
    Err(interp.err(
        "NotImplementedError",
        "You should not call an overloaded function. A series of @overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.",
    ))
}

pub fn module(interp: &Interp) -> Rc<Module> {
    let m = Module::new("typing");
    let object = Value::Class(interp.types.object.clone());
    for name in ["Generic", "Protocol"] {
        m.set(name, object.clone());
    }
    for name in [
        "Any",
        "Optional",
        "Union",
        "Literal",
        "Final",
        "ClassVar",
        "NoReturn",
        "Self",
        "Never",
        "LiteralString",
        "Required",
        "NotRequired",
        "Annotated",
        "TypeGuard",
        "Concatenate",
        "TypeAlias",
        // The classes of file objects, which annotations name (no file is ever opened here).
        "IO",
        "TextIO",
        "BinaryIO",
    ] {
        m.set(name, Value::object(Form { name, origin: Origin::None }));
    }
    for (name, class) in [
        ("List", &interp.types.list),
        ("Dict", &interp.types.dict),
        ("Tuple", &interp.types.tuple),
        ("Set", &interp.types.set),
        ("FrozenSet", &interp.types.frozenset),
        ("Type", &interp.types.type_),
    ] {
        m.set(name, Value::object(Form { name, origin: Origin::Class(Value::Class(class.clone())) }));
    }
    m.set("Text", Value::Class(interp.types.str_.clone()));
    m.set("AnyStr", Value::object(TypeVar(Name::from("AnyStr"))));
    // Generics of `collections.abc`'s classes and of `collections`' (named as CPython's
    // typing names them: `AbstractSet` is `collections.abc.Set`).
    for (name, module, class) in [
        ("Callable", "collections.abc", "Callable"),
        ("Awaitable", "collections.abc", "Awaitable"),
        ("Coroutine", "collections.abc", "Coroutine"),
        ("Iterable", "collections.abc", "Iterable"),
        ("Iterator", "collections.abc", "Iterator"),
        ("AsyncIterator", "collections.abc", "AsyncIterator"),
        ("AsyncIterable", "collections.abc", "AsyncIterable"),
        ("Generator", "collections.abc", "Generator"),
        ("AsyncGenerator", "collections.abc", "AsyncGenerator"),
        ("Reversible", "collections.abc", "Reversible"),
        ("Hashable", "collections.abc", "Hashable"),
        ("Sized", "collections.abc", "Sized"),
        ("Container", "collections.abc", "Container"),
        ("Collection", "collections.abc", "Collection"),
        ("Sequence", "collections.abc", "Sequence"),
        ("MutableSequence", "collections.abc", "MutableSequence"),
        ("Mapping", "collections.abc", "Mapping"),
        ("MutableMapping", "collections.abc", "MutableMapping"),
        ("AbstractSet", "collections.abc", "Set"),
        ("MutableSet", "collections.abc", "MutableSet"),
        ("Deque", "collections", "deque"),
        ("DefaultDict", "collections", "defaultdict"),
        ("OrderedDict", "collections", "OrderedDict"),
        ("Counter", "collections", "Counter"),
        ("ChainMap", "collections", "ChainMap"),
        ("ContextManager", "contextlib", "AbstractContextManager"),
        ("AsyncContextManager", "contextlib", "AbstractAsyncContextManager"),
    ] {
        m.set(name, Value::object(Form { name, origin: Origin::Lazy(module, class) }));
    }
    m.set(
        "TypeVar",
        builtin("TypeVar", |interp, a| match a.pos.first() {
            Some(Value::Str(s)) => Ok(Value::object(TypeVar(s.clone()))),
            _ => Err(interp.type_error("TypeVar name must be a string")),
        }),
    );
    m.set(
        "ParamSpec",
        builtin("ParamSpec", |interp, a| match a.pos.first() {
            Some(Value::Str(s)) => Ok(Value::object(TypeVar(s.clone()))),
            _ => Err(interp.type_error("ParamSpec name must be a string")),
        }),
    );
    // `UserId = NewType('UserId', int)`: calling it answers its argument, as CPython's does.
    m.set(
        "NewType",
        builtin("NewType", |_, _| Ok(builtin("NewType", |_, a| Ok(a.pos.first().cloned().unwrap_or_default())))),
    );
    m.set(
        "assert_never",
        builtin("assert_never", |interp, a| {
            let shown = ops::repr(interp, &a.pos.first().cloned().unwrap_or_default())?;
            Err(interp.err("AssertionError", format!("Expected code to be unreachable, but got: {shown}")))
        }),
    );
    m.set(
        "reveal_type",
        builtin("reveal_type", |interp, a| {
            let v = a.pos.first().cloned().unwrap_or_default();
            interp.write(super::super::interp::Stream::Stderr, &format!("Runtime type is '{}'\n", v.type_name()));
            Ok(v)
        }),
    );
    m.set("cast", builtin("cast", |_, a| Ok(a.pos.get(1).cloned().unwrap_or_default())));
    m.set("get_type_hints", builtin("get_type_hints", get_type_hints));
    m.set(
        "get_origin",
        builtin("get_origin", |interp, a| {
            let Some(t) = a.pos.first() else { return Ok(Value::None) };
            if is_union_type(t) {
                return Ok(Value::Class(interp.native_class("UnionType")));
            }
            Ok(t.downcast::<Alias>().map_or(Value::None, |t| t.origin.clone()))
        }),
    );
    m.set(
        "get_args",
        builtin("get_args", |interp, a| {
            let Some(t) = a.pos.first() else { return Ok(Value::tuple(vec![])) };
            if is_union_type(t) {
                return super::super::attr::get_attr(interp, t, &Name::from("__args__"));
            }
            Ok(Value::tuple(t.downcast::<Alias>().map_or(vec![], |t| t.args.clone())))
        }),
    );
    m.set("overload", builtin("overload", |_, _| Ok(builtin("_overload_dummy", overload_dummy))));
    // Decorators that tell a type checker something and change nothing.
    for name in ["final", "no_type_check", "runtime_checkable"] {
        m.set(name, builtin(name, |_, a| Ok(a.pos.into_iter().next().unwrap_or_default())));
    }
    m.set("TYPE_CHECKING", Value::Bool(false));
    m.set("__getattr__", builtin("__getattr__", named_tuple));
    m
}

/// `typing.__getattr__`: `NamedTuple`, the class-syntax namedtuple (`class P(NamedTuple): x:
/// int`), and `TypedDict`, written in Python beside `collections.namedtuple` and loaded on
/// first use.
fn named_tuple(interp: &Interp, args: Args) -> R<Value> {
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(interp.type_error("__getattr__() expects a name")),
    };
    let source = match &*name {
        "NamedTuple" => "_TypingNamedTuple",
        "TypedDict" => "_TypingTypedDict",
        _ => return Err(interp.attribute_error(format!("module 'typing' has no attribute '{name}'"))),
    };
    let found = match &crate::python::call::import_module(interp, "collections")? {
        Value::Module(m) => m.get(source),
        _ => None,
    };
    let class = found.ok_or_else(|| interp.runtime_error(format!("typing.{name} could not be loaded")))?;
    if let Some(typing) = interp.modules.borrow().get("typing").cloned() {
        typing.set(&name, class.clone());
    }
    Ok(class)
}

/// `list[int]`, `dict[str, int]`, `asyncio.Queue[int]`, a user's `Box[int]` (a class deriving
/// from `Generic`): CPython's `types.GenericAlias` / `typing._GenericAlias` over a class. It
/// reads as `list[int]` (`module.Class[int]` outside builtins), has `__origin__` and
/// `__args__`, and calling it makes an instance of the class.
pub struct GenericAlias {
    origin: Rc<Class>,
    args: Vec<Value>,
}

/// `cls[index]` for a class without its own `__class_getitem__`.
pub fn generic_alias(origin: &Rc<Class>, index: &Value) -> Value {
    let args = match index {
        Value::Tuple(items) => items.to_vec(),
        v => vec![v.clone()],
    };
    Value::object(GenericAlias { origin: origin.clone(), args })
}

/// The class a base written as `Box[int]` or `list[int]` stands for (`__mro_entries__`).
pub fn alias_origin(v: &Value) -> Option<Rc<Class>> {
    v.downcast::<GenericAlias>().map(|a| a.origin.clone())
}

impl Object for GenericAlias {
    fn type_name(&self) -> &str {
        if &*self.origin.module == "builtins" {
            "types.GenericAlias"
        } else {
            "_GenericAlias"
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, interp: &Interp, _this: &Value) -> R<String> {
        let args = if self.args.is_empty() {
            "()".to_string()
        } else {
            let mut parts = Vec::with_capacity(self.args.len());
            for a in &self.args {
                parts.push(match a {
                    Value::List(l) => {
                        // A copy: an item's `__repr__` may change the list.
                        let items = l.borrow().clone();
                        let items = items.iter().map(|x| type_repr(interp, x)).collect::<R<Vec<_>>>()?;
                        format!("[{}]", items.join(", "))
                    }
                    a => type_repr(interp, a)?,
                });
            }
            parts.join(", ")
        };
        Ok(format!("{}[{args}]", type_repr(interp, &Value::Class(self.origin.clone()))?))
    }
    fn attr(&self, _interp: &Interp, _this: &Value, name: &Name) -> Option<R<Value>> {
        Some(Ok(match &**name {
            "__origin__" => Value::Class(self.origin.clone()),
            "__args__" => Value::tuple(self.args.clone()),
            "__parameters__" => Value::tuple(Vec::new()),
            _ => return None,
        }))
    }
    fn call(&self, interp: &Interp, _this: &Value, args: Args) -> Option<R<Value>> {
        Some(super::super::call::call(interp, &Value::Class(self.origin.clone()), args))
    }
    fn eq(&self, other: &Value) -> Option<bool> {
        Some(other.downcast::<GenericAlias>().is_some_and(|o| {
            Rc::ptr_eq(&self.origin, &o.origin)
                && self.args.len() == o.args.len()
                && self.args.iter().zip(&o.args).all(|(a, b)| same_type(a, b))
        }))
    }
}

/// Whether an annotation is `typing.ClassVar` or `ClassVar[…]`.
pub fn is_classvar(v: &Value) -> bool {
    v.downcast::<Alias>().is_some_and(|a| a.name == "ClassVar")
        || v.downcast::<Form>().is_some_and(|f| f.name == "ClassVar")
}

/// A string annotation naming a (dotted) name, evaluated in its module as `get_type_hints`
/// evaluates a forward reference.
fn forward_ref(interp: &Interp, globals: &Module, s: &str) -> Option<Value> {
    let mut parts = s.trim().split('.');
    let first = parts.next()?;
    let mut v = globals.get(first).or_else(|| interp.builtins.get(first))?;
    for p in parts {
        v = super::super::attr::get_attr(interp, &v, &Name::from(p)).ok()?;
    }
    Some(v)
}
