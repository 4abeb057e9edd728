//! `typing`: names that exist and do nothing here, since annotations are not evaluated.

use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::interp::Interp;
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
