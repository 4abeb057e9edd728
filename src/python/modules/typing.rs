//! `typing`: names that exist and do nothing here, since annotations are not evaluated.

use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::interp::{Interp, R};
use super::super::value::*;

pub fn module(interp: &Interp) -> Rc<Module> {
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
    m.set("__getattr__", builtin("__getattr__", named_tuple));
    m
}

/// `typing.__getattr__`: `NamedTuple`, the class-syntax namedtuple (`class P(NamedTuple): x:
/// int`), written in Python beside `collections.namedtuple` and loaded on first use.
fn named_tuple(interp: &Interp, args: Args) -> R<Value> {
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(interp.type_error("__getattr__() expects a name")),
    };
    if &*name != "NamedTuple" {
        return Err(interp.attribute_error(format!("module 'typing' has no attribute '{name}'")));
    }
    let found = match &crate::python::call::import_module(interp, "collections")? {
        Value::Module(m) => m.get("_TypingNamedTuple"),
        _ => None,
    };
    let class = found.ok_or_else(|| interp.runtime_error("typing.NamedTuple could not be loaded"))?;
    if let Some(typing) = interp.modules.borrow().get("typing").cloned() {
        typing.set("NamedTuple", class.clone());
    }
    Ok(class)
}
