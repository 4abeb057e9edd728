//! `_logging`: what the embedded `logging` module (`py/logging.py`) asks of the interpreter,
//! which has no `sys.exc_info` or `traceback` module for it to use: the exception being
//! handled, a traceback's text, the caller's line and the program's stack.

use std::rc::Rc;

use super::super::builtins::builtin;
use super::super::interp::{Interp, PyErr, R};
use super::super::ir::Name;
use super::super::ops;
use super::super::value::*;

/// The exception an `except` clause of a running frame is handling (`sys.exc_info()[1]`).
pub fn current_exception(interp: &Interp) -> Value {
    let frames = interp.frames.borrow();
    frames.iter().rev().find_map(|info| info.handled.borrow().last().cloned()).map_or(Value::None, Value::Instance)
}

/// The program's frames (not the embedded modules'), outermost first: line and function.
fn program_frames(interp: &Interp) -> Vec<(u32, Name)> {
    let frames = interp.frames.borrow();
    frames
        .iter()
        .filter(|info| info.func.as_ref().is_none_or(|f| &*f.globals.name == "__main__"))
        .map(|info| {
            (info.line.get(), info.func.as_ref().map_or_else(|| Name::from("<module>"), |f| f.code.name.clone()))
        })
        .collect()
}

/// `_logging_caller(stacklevel)`: `(lineno, funcName, source line)` of the program's frame
/// that called into logging (`stacklevel` counts outwards from it).
fn logging_caller(interp: &Interp, a: Args) -> R<Value> {
    let level = match a.pos.first() {
        Some(v) => ops::to_index(interp, v)?.max(1),
        None => 1,
    };
    let frames = program_frames(interp);
    let skip = usize::try_from(level - 1).unwrap_or(0).min(frames.len().saturating_sub(1));
    Ok(match frames.iter().rev().nth(skip) {
        Some((line, name)) => {
            let src = interp.source_line(*line).map_or("", str::trim);
            Value::tuple(vec![Value::Int(i64::from(*line)), Value::Str(name.clone()), Value::str(src)])
        }
        None => Value::tuple(vec![Value::Int(0), Value::str("(unknown function)"), Value::str("")]),
    })
}

/// `_logging_stack()`: the program's frames as `traceback.print_stack` lists them.
fn logging_stack(interp: &Interp, _a: Args) -> R<Value> {
    let mut out = String::new();
    for (line, name) in program_frames(interp) {
        out.push_str(&format!("  File \"main.py\", line {line}, in {name}\n"));
        if let Some(src) = interp.source_line(line).map(str::trim).filter(|s| !s.is_empty()) {
            out.push_str(&format!("    {src}\n"));
        }
    }
    Ok(Value::str(&out))
}

/// `_logging_format_exception(exc)`: the report CPython's `traceback.print_exception` writes.
fn logging_format_exception(interp: &Interp, a: Args) -> R<Value> {
    match a.pos.first() {
        Some(Value::Instance(i)) if i.exc.is_some() => {
            Ok(Value::str(&super::super::traceback::format_exception_plain(interp, &PyErr::Exc(i.clone()))))
        }
        Some(v) => Ok(Value::str(&format!("{}: {}\n", v.type_name(), ops::str_of(interp, v)?))),
        None => Ok(Value::str("NoneType: None\n")),
    }
}

/// `_logging.exception_only(exc)`: `traceback.format_exception_only`'s list.
fn logging_exception_only(interp: &Interp, a: Args) -> R<Value> {
    let items = match a.pos.first() {
        Some(v @ Value::Instance(i)) if i.exc.is_some() => super::super::traceback::exception_only_items(interp, v),
        Some(v) => vec![format!("{}: {}\n", v.type_name(), ops::str_of(interp, v)?)],
        None => vec!["NoneType: None\n".to_string()],
    };
    Ok(Value::list(items.iter().map(|s| Value::str(s)).collect()))
}

pub fn module(_interp: &Interp) -> Rc<Module> {
    let m = Module::new("_logging");
    m.set("current_exception", builtin("current_exception", |i, _| Ok(current_exception(i))));
    m.set("format_exception", builtin("format_exception", logging_format_exception));
    m.set("exception_only", builtin("exception_only", logging_exception_only));
    m.set("caller", builtin("caller", logging_caller));
    m.set("stack", builtin("stack", logging_stack));
    m
}
