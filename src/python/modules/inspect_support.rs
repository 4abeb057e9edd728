//! `_inspect`: what the embedded `inspect` (`py/inspect.py`) asks of the interpreter, a
//! function's parameters and kind, which the engine keeps in its compiled code rather than in a
//! `__code__` object.

use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::ir::CodeKind;
use super::super::value::*;

/// `code_info(f)`: None unless `f` is a function written in Python, else `(kind, positional
/// names, how many are positional-only, *args name or None, keyword-only names, **kwargs name
/// or None, defaults, keyword-only defaults)`, kind being `function`, `coroutine`, `generator`
/// or `async_generator`.
fn code_info(f: Option<&Value>) -> Value {
    let Some(Value::Func(f)) = f else { return Value::None };
    let p = &f.code.params;
    let names = |v: &[super::super::ir::Name]| Value::list(v.iter().map(|n| Value::Str(n.clone())).collect());
    let opt = |n: &Option<super::super::ir::Name>| n.clone().map_or(Value::None, Value::Str);
    let kind = match f.code.kind {
        CodeKind::Coroutine => "coroutine",
        CodeKind::Generator => "generator",
        CodeKind::AsyncGenerator => "async_generator",
        _ => "function",
    };
    let mut kw = Dict::new();
    for (k, v) in &f.kw_defaults {
        kw.set_str(k, v.clone());
    }
    Value::tuple(vec![
        Value::str(kind),
        names(&p.positional),
        Value::Int(p.posonly as i64),
        opt(&p.varargs),
        names(&p.kwonly),
        opt(&p.varkw),
        Value::tuple(f.defaults.clone()),
        Value::dict(kw),
    ])
}

pub fn module() -> Rc<Module> {
    let m = Module::new("_inspect");
    m.set("code_info", builtin("code_info", |_, a| Ok(code_info(a.pos.first()))));
    m
}
