//! `_stdlib`: what the embedded standard modules written in Python ask of the interpreter: a
//! new instance of an object's class made without calling `__init__`, as `cls.__new__(cls)`
//! makes it (the engine has no `object.__new__`), for `py/copy.py`; the current context and
//! a way to change it, for `py/contextvars.py`.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::value::*;

/// `new_instance(x)`: an empty instance of `x`'s class when `x` is an instance of a class
/// written in Python (not an exception), else None.
fn new_instance(x: Option<&Value>) -> Value {
    match x {
        Some(Value::Instance(i)) if i.exc.is_none() && i.class.user => Value::Instance(Rc::new(Instance {
            class: i.class.clone(),
            attrs: RefCell::new(Attrs::default()),
            exc: None,
        })),
        _ => Value::None,
    }
}

pub fn module() -> Rc<Module> {
    let m = Module::new("_stdlib");
    m.set("new_instance", builtin("new_instance", |_, a| Ok(new_instance(a.pos.first()))));
    m.set("context", builtin("context", |interp, _| Ok(interp.context.borrow().clone())));
    // Makes `ctx` current and returns the context it replaces.
    m.set(
        "set_context",
        builtin("set_context", |interp, a| Ok(interp.context.replace(a.pos.into_iter().next().unwrap_or_default()))),
    );
    m
}
