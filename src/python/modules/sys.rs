//! `sys`: the two output streams, `exit`, and the version a program may check.

use std::any::Any;
use std::rc::Rc;

use super::super::builtins::{builtin, expect, sys_exit};
use super::super::interp::{Interp, Stream, R};
use super::super::ir::Name;
use super::super::objects::{method, self_of};
use super::super::ops;
use super::super::value::*;

/// `sys.stdout` / `sys.stderr`.
pub struct StreamObj(pub Stream);

impl Object for StreamObj {
    fn type_name(&self) -> &str {
        "TextIOWrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _interp: &Interp, _this: &Value) -> R<String> {
        Ok(match self.0 {
            Stream::Stdout => "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>".into(),
            Stream::Stderr | Stream::Note => "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>".into(),
        })
    }
    fn attr(&self, _interp: &Interp, this: &Value, name: &Name) -> Option<R<Value>> {
        let f: BuiltinFn = match &**name {
            "write" => |interp, args| {
                expect(interp, &args, "write", 2, 2)?;
                let s = self_of::<StreamObj>(interp, &args)?;
                let Value::Str(text) = &args.pos[1] else {
                    return Err(
                        interp.type_error(format!("write() argument must be str, not {}", args.pos[1].type_name()))
                    );
                };
                interp.write(s.0, text);
                Ok(Value::Int(text.chars().count() as i64))
            },
            "flush" => |_, _| Ok(Value::None),
            _ => return None,
        };
        Some(Ok(method(this, name, f)))
    }
}

/// Which stream `print(file=…)` names.
pub fn stream_of(interp: &Interp, v: &Value) -> R<Stream> {
    match v {
        Value::None => Ok(Stream::Stdout),
        v => match v.downcast::<StreamObj>() {
            Some(s) => Ok(s.0),
            None => match ops::special(interp, v, "write") {
                Some(_) => Err(interp.type_error(
                    "print(file=…) to your own objects is not supported by Interleave: use sys.stdout or sys.stderr",
                )),
                None => Err(interp.attribute_error(format!("'{}' object has no attribute 'write'", v.type_name()))),
            },
        },
    }
}

pub fn module(_interp: &Interp) -> Rc<Module> {
    let m = Module::new("sys");
    m.set("stdout", Value::object(StreamObj(Stream::Stdout)));
    m.set("stderr", Value::object(StreamObj(Stream::Stderr)));
    m.set("exit", builtin("exit", sys_exit));
    m.set(
        "version_info",
        Value::tuple(vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)]),
    );
    m.set("version", Value::str("3.11.7 (Interleave)"));
    m.set("platform", Value::str("linux"));
    m.set("argv", Value::list(vec![Value::str("main.py")]));
    m.set("maxsize", Value::Int(i64::MAX));
    m.set(
        "getrecursionlimit",
        builtin("getrecursionlimit", |interp, _| Ok(Value::Int(interp.limits.recursion as i64))),
    );
    m
}
