//! Attribute access: instances (with properties, static and class methods), classes, modules,
//! functions, exceptions' own attributes, and the methods of built-in types.

use std::rc::Rc;

use super::call::call;
use super::interp::{Interp, PyErr, R};
use super::ir::{AttrHint, Name};
use super::methods;
use super::objects::{ClassMethod, Property, StaticMethod};
use super::ops;
use super::value::*;

/// An attribute found on a class, along its MRO.
pub fn lookup_class_attr(class: &Rc<Class>, name: &Name) -> Option<Value> {
    class.lookup_name(name)
}

/// What a class attribute becomes when read through an instance.
fn bind_to_instance(interp: &Interp, this: &Value, class: &Rc<Class>, v: Value, name: &Name) -> R<Value> {
    Ok(match &v {
        Value::Func(_) | Value::Builtin(_) => Value::Method(Rc::new(Method { this: this.clone(), func: v })),
        Value::Object(o) => {
            let any = o.as_any();
            if let Some(s) = any.downcast_ref::<StaticMethod>() {
                s.0.clone()
            } else if let Some(c) = any.downcast_ref::<ClassMethod>() {
                Value::Method(Rc::new(Method { this: Value::Class(class.clone()), func: c.0.clone() }))
            } else if let Some(p) = any.downcast_ref::<Property>() {
                match &p.fget {
                    Some(get) => call(interp, get, Args { pos: vec![this.clone()], kw: vec![] })?,
                    None => {
                        return Err(interp
                            .attribute_error(format!("property '{name}' of '{}' object has no getter", class.name)))
                    }
                }
            } else {
                v
            }
        }
        Value::Instance(d) => match descriptor_method(d, "__get__") {
            Some(get) => call(
                interp,
                &get,
                Args { pos: vec![v.clone(), this.clone(), Value::Class(class.clone())], kw: vec![] },
            )?,
            None => v,
        },
        _ => v,
    })
}

fn is_property(v: &Value) -> bool {
    v.downcast::<Property>().is_some()
}

/// `name` (`__get__`, `__set__`, `__delete__`) of a descriptor: a class attribute that is an
/// instance of a user class defining it. Asked only of class attributes that are instances,
/// through the class's cached lookups, so plain attributes and methods never pay for it.
fn descriptor_method(d: &Instance, name: &'static str) -> Option<Value> {
    if !d.class.user {
        return None;
    }
    d.class.lookup_static(name)
}

/// A data descriptor (`__set__` or `__delete__`): it wins over the instance's own attributes.
fn is_data_descriptor(v: &Value) -> bool {
    match v {
        Value::Instance(d) => descriptor_method(d, "__set__").is_some() || descriptor_method(d, "__delete__").is_some(),
        _ => false,
    }
}

#[inline(never)]
pub fn get_attr(interp: &Interp, v: &Value, name: &Name) -> R<Value> {
    get_attr_inner(interp, v, name).map_err(|e| attribute_error_context(interp, e, v, name))
}

/// As CPython's `PyObject_GetAttr`, an `AttributeError` leaving an attribute read learns the
/// name and the object (its `name` and `obj`), which the uncaught traceback's hint uses.
#[cold]
#[inline(never)]
fn attribute_error_context(interp: &Interp, e: PyErr, v: &Value, name: &Name) -> PyErr {
    if let PyErr::Exc(i) = &e {
        if i.class.is_subclass(&interp.types.exc("AttributeError")) {
            if let Some(mut data) = i.exc.as_ref().map(|d| d.borrow_mut()) {
                if data.suggest.is_none() {
                    data.suggest = Some(Box::new(Suggest::Attr(name.clone(), v.clone())));
                }
            }
        }
    }
    e
}

#[inline(always)]
fn get_attr_inner(interp: &Interp, v: &Value, name: &Name) -> R<Value> {
    if &**name == "__class__" {
        return Ok(Value::Class(interp.class_of(v)));
    }
    match v {
        Value::Instance(inst) => {
            let class_attr = inst.class.lookup_name(name);
            if let Some(ca) = &class_attr {
                if is_property(ca) || is_data_descriptor(ca) {
                    return bind_to_instance(interp, v, &inst.class, ca.clone(), name);
                }
            }
            if let Some(x) = inst.attrs.borrow().get(name) {
                return Ok(x.clone());
            }
            if let Some(ca) = class_attr {
                return bind_to_instance(interp, v, &inst.class, ca, name);
            }
            if let Some(x) = exception_attr(interp, inst, name) {
                return Ok(x);
            }
            if &**name == "__dict__" {
                let slots = inst.class.slots.as_deref();
                if slots.is_some_and(|s| !s.dict) || Rc::ptr_eq(&inst.class, &interp.types.object) {
                    return Err(
                        interp.attribute_error(format!("'{}' object has no attribute '__dict__'", inst.class.name))
                    );
                }
                return Ok(Value::Dict(inst.live_dict()));
            }
            if let Some(getattr) = inst.class.lookup_static("__getattr__") {
                return call(interp, &getattr, Args { pos: vec![v.clone(), Value::Str(name.clone())], kw: vec![] });
            }
            if let Some(m) = super::builtins::object_method(interp, v, name) {
                return Ok(m);
            }
            Err(interp.attribute_error(format!("'{}' object has no attribute '{name}'", inst.class.name)))
        }
        Value::Class(c) => class_attr(interp, c, name),
        Value::Module(m) => module_attr(interp, m, name)?
            .ok_or_else(|| interp.attribute_error(format!("module '{}' has no attribute '{name}'", m.name))),
        Value::Func(f) => match &**name {
            "__name__" => Ok(Value::Str(f.name.clone())),
            "__qualname__" => Ok(Value::Str(f.qualname.clone())),
            "__module__" => Ok(Value::Str(f.globals.name.clone())),
            "__doc__" => Ok(f.attrs.borrow().get("__doc__").cloned().unwrap_or_default()),
            "__defaults__" => Ok(if f.defaults.is_empty() { Value::None } else { Value::tuple(f.defaults.clone()) }),
            "__annotations__" => {
                Ok(f.attrs.borrow_mut().entry(name.clone()).or_insert_with(|| Value::dict(Dict::new())).clone())
            }
            _ => f
                .attrs
                .borrow()
                .get(name)
                .cloned()
                .ok_or_else(|| interp.attribute_error(format!("'function' object has no attribute '{name}'"))),
        },
        Value::Method(m) => match &**name {
            "__self__" => Ok(m.this.clone()),
            "__func__" => Ok(m.func.clone()),
            _ => get_attr(interp, &m.func, name),
        },
        Value::Builtin(b) => match &**name {
            "__name__" | "__qualname__" => Ok(Value::Str(b.name.clone())),
            "__self__" => Ok(b.bound.clone().unwrap_or_default()),
            "__doc__" => Ok(Value::None),
            "__module__" if b.python => Ok(Value::str(python_function_module(&b.name))),
            _ => Err(interp.attribute_error(format!("'builtin_function_or_method' object has no attribute '{name}'"))),
        },
        Value::Object(o) => match super::objects::get_attr(interp, o, v, name) {
            Some(r) => r,
            None => match native_special(interp, v, name) {
                Some(f) => Ok(Value::Builtin(Rc::new(Builtin {
                    name: name.clone(),
                    f,
                    bound: Some(v.clone()),
                    unbound_of: None,
                    python: false,
                }))),
                None => Err(interp.attribute_error(format!("'{}' object has no attribute '{name}'", o.type_name()))),
            },
        },
        _ => {
            if let Some(x) = methods::attribute(interp, v, name) {
                return x;
            }
            Err(interp.attribute_error(format!("'{}' object has no attribute '{name}'", v.type_name())))
        }
    }
}

/// A native object's iteration methods read as attributes (`gen.__next__()`,
/// `hasattr(d.keys(), '__iter__')`), where CPython's type defines them: each runs what the
/// syntax runs.
fn native_special(interp: &Interp, v: &Value, name: &str) -> Option<BuiltinFn> {
    let f: BuiltinFn = match name {
        "__iter__" => |i, a| ops::iter(i, a.pos.first().unwrap_or(&Value::None)),
        "__next__" => {
            |i, a| ops::next(i, a.pos.first().unwrap_or(&Value::None))?.ok_or_else(|| i.stop_iteration(Value::None))
        }
        "__len__" => |i, a| Ok(Value::Int(ops::len(i, a.pos.first().unwrap_or(&Value::None))? as i64)),
        _ => return None,
    };
    super::modules::stdlib_support::builtin_defines(&interp.class_of(v), name).filter(|d| *d).map(|_| f)
}

fn exception_attr(interp: &Interp, inst: &Rc<Instance>, name: &str) -> Option<Value> {
    let data = inst.exc()?;
    Some(match name {
        "args" => Value::tuple(data.args.clone()),
        "__cause__" => data.cause.clone().unwrap_or_default(),
        "__context__" => data.context.clone().unwrap_or_default(),
        "__suppress_context__" => Value::Bool(data.suppress_context),
        "__traceback__" => Value::None,
        "__notes__" => return None,
        "message" | "exceptions" if inst.class.is_subclass(&interp.types.exc("BaseExceptionGroup")) => {
            match (name, data.args.get(if name == "message" { 0 } else { 1 })) {
                ("message", Some(m)) => m.clone(),
                (_, Some(Value::List(l))) => Value::tuple(l.borrow().clone()),
                (_, Some(other)) => other.clone(),
                _ => Value::None,
            }
        }
        "value" if inst.class.is_subclass(&interp.types.exc("StopIteration")) => {
            data.args.first().cloned().unwrap_or_default()
        }
        "code" if inst.class.is_subclass(&interp.types.exc("SystemExit")) => {
            data.args.first().cloned().unwrap_or_default()
        }
        "errno" | "strerror" | "filename" if inst.class.is_subclass(&interp.types.exc("OSError")) => {
            let (errno, strerror) = if data.args.len() >= 2 {
                (data.args[0].clone(), data.args[1].clone())
            } else {
                (Value::None, Value::None)
            };
            match name {
                "errno" => errno,
                "strerror" => strerror,
                _ => data.args.get(2).cloned().unwrap_or_default(),
            }
        }
        "msg" if inst.class.is_subclass(&interp.types.exc("SyntaxError")) => {
            data.args.first().cloned().unwrap_or_default()
        }
        "with_traceback" | "add_note" => {
            return super::builtins::object_method(interp, &Value::Instance(inst.clone()), name)
        }
        "split" | "subgroup" | "derive" if super::builtins::is_group(interp, inst) => {
            return super::builtins::group_method(&Value::Instance(inst.clone()), name)
        }
        _ => return None,
    })
}

fn class_attr(interp: &Interp, c: &Rc<Class>, name: &Name) -> R<Value> {
    match &**name {
        "__name__" => return Ok(Value::Str(c.name.clone())),
        "__qualname__" => return Ok(Value::Str(c.qualname.clone())),
        "__module__" if !c.user => return Ok(Value::Str(c.module.clone())),
        "__mro__" => return Ok(Value::tuple(c.lineage().map(|k| Value::Class(k.clone())).collect())),
        "__bases__" => return Ok(Value::tuple(c.bases.iter().map(|k| Value::Class(k.clone())).collect())),
        "__base__" => return Ok(c.bases.first().map_or(Value::None, |b| Value::Class(b.clone()))),
        "__doc__" => return Ok(c.attrs.borrow().get("__doc__").cloned().unwrap_or_default()),
        // A class's own annotations (made empty when it has none), not its base's.
        "__annotations__" if c.user => {
            return Ok(c.attrs.borrow_mut().entry(name.clone()).or_insert_with(|| Value::dict(Dict::new())).clone())
        }
        "__dict__" => {
            let mut d = Dict::new();
            for (k, x) in c.attrs.borrow().iter() {
                d.set_str(k, x.clone());
            }
            return Ok(Value::object(super::objects::MappingProxy(Value::dict(d))));
        }
        _ => {}
    }
    if let Some(v) = c.lookup(name) {
        if let Value::Instance(d) = &v {
            if let Some(get) = descriptor_method(d, "__get__") {
                return call(
                    interp,
                    &get,
                    Args { pos: vec![v.clone(), Value::None, Value::Class(c.clone())], kw: vec![] },
                );
            }
        }
        if let Value::Object(o) = &v {
            let any = o.as_any();
            if let Some(s) = any.downcast_ref::<StaticMethod>() {
                return Ok(s.0.clone());
            }
            if let Some(cm) = any.downcast_ref::<ClassMethod>() {
                return Ok(Value::Method(Rc::new(Method { this: Value::Class(c.clone()), func: cm.0.clone() })));
            }
        }
        return Ok(v);
    }
    if let Some(m) = methods::unbound(interp, c, name) {
        return Ok(m);
    }
    if let Some(m) = super::builtins::base_unbound(c, name) {
        return Ok(m);
    }
    // A class may answer for a name it lacks (as a metaclass's `__getattr__`): see
    // `call::class_hook`.
    if let Some(r) = super::call::class_hook(interp, c, "__class_getattr__", vec![Value::Str(name.clone())]) {
        return r;
    }
    Err(interp.attribute_error(format!("type object '{}' has no attribute '{name}'", c.name)))
}

/// A module's attribute, or what its own `__getattr__` answers for a name it lacks (PEP 562:
/// how `asyncio` loads its classes written in Python only when asked for).
pub fn module_attr(interp: &Interp, m: &Module, name: &Name) -> R<Option<Value>> {
    if let Some(v) = m.get(name) {
        return Ok(Some(v));
    }
    // What every module has (the engine's native modules keep no such globals): its name, and
    // no docstring, spec or loader here.
    match &**name {
        "__name__" => return Ok(Some(Value::Str(m.name.clone()))),
        "__doc__" | "__spec__" | "__loader__" => return Ok(Some(Value::None)),
        _ => {}
    }
    match m.get("__getattr__") {
        Some(getattr) => call(interp, &getattr, Args { pos: vec![Value::Str(name.clone())], kw: vec![] }).map(Some),
        None => Ok(None),
    }
}

/// [`get_attr`] at a site of the program that remembers where it last found `name` among an
/// instance's own attributes, and whether the instances' class leaves `name` to them.
pub fn get_attr_at(interp: &Interp, v: &Value, name: &Name, hint: &AttrHint) -> R<Value> {
    if let Value::Instance(inst) = v {
        if hint.class.plain(&inst.class, name) {
            if let Some(found) = hint.at.get(&inst.attrs.borrow(), name) {
                return Ok(found);
            }
        }
    }
    get_attr(interp, v, name)
}

/// [`set_attr`] at a site of the program, as [`get_attr_at`].
pub fn set_attr_at(interp: &Interp, target: &Value, name: &Name, v: Value, hint: &AttrHint) -> R<()> {
    // Written through its `__dict__` once it has one.
    let inst = match target {
        Value::Instance(inst)
            if inst.exc.is_none() && !inst.has_live_dict() && hint.class.settable(&inst.class, name) =>
        {
            inst
        }
        _ => return set_attr(interp, target, name, v),
    };
    let mut attrs = inst.attrs.borrow_mut();
    let old = match attrs.get_index_mut(hint.at.0.get() as usize) {
        Some((key, slot)) if Rc::ptr_eq(key, name) => std::mem::replace(slot, v),
        _ => {
            // `__dict__` is never among the attributes, so only a new one can be it.
            if &**name == "__dict__" {
                drop(attrs);
                return set_attr(interp, target, name, v);
            }
            // A new attribute (one already there was allowed when it was set).
            if !inst.class.slots.as_ref().is_none_or(|s| s.allows(name)) {
                drop(attrs);
                return Err(no_attribute(interp, inst, name));
            }
            let (at, old) = attrs.insert_full(name.clone(), v);
            hint.at.0.set(u32::try_from(at).unwrap_or(u32::MAX));
            old.unwrap_or_default()
        }
    };
    // The old value goes after the attributes are let go: dropping it may run code.
    drop(attrs);
    drop(old);
    Ok(())
}

pub fn set_attr(interp: &Interp, target: &Value, name: &Name, v: Value) -> R<()> {
    match target {
        Value::Instance(inst) => {
            // A class's own `__setattr__` comes first (its `super().__setattr__` reaches the
            // properties and descriptors).
            if let Some(setattr) = inst.class.lookup_static("__setattr__") {
                return call(
                    interp,
                    &setattr,
                    Args { pos: vec![target.clone(), Value::Str(name.clone()), v], kw: vec![] },
                )
                .map(|_| ());
            }
            set_instance_attr(interp, inst, target, name, v)
        }
        Value::Class(c) if c.user => {
            // A class may guard its own attributes (an Enum's members cannot be reassigned):
            // see `call::class_hook`.
            if let Some(r) =
                super::call::class_hook(interp, c, "__class_setattr__", vec![Value::Str(name.clone()), v.clone()])
            {
                return r.map(|_| ());
            }
            c.attrs.borrow_mut().insert(name.clone(), v);
            Ok(())
        }
        Value::Module(_) if &**name == "__class__" => Err(set_class(interp, &interp.class_of(target), &v)),
        Value::Module(m) => {
            m.store_global(name, v);
            Ok(())
        }
        Value::Func(f) => {
            if matches!(&**name, "__name__" | "__qualname__" | "__module__") {
                // Read-only here: `functools.wraps`-style renaming is accepted and ignored.
                return Ok(());
            }
            f.attrs.borrow_mut().insert(name.clone(), v);
            Ok(())
        }
        Value::Object(_) if &**name == "__class__" => Err(set_class(interp, &interp.class_of(target), &v)),
        Value::Object(o) => match super::objects::set_attr(interp, o, name, v) {
            Some(r) => r,
            None => Err(interp.attribute_error(format!("'{}' object has no attribute '{name}'", o.type_name()))),
        },
        Value::Class(c) => {
            Err(interp.type_error(format!("cannot set '{name}' attribute of immutable type '{}'", c.name)))
        }
        _ if &**name == "__class__" => Err(set_class(interp, &interp.class_of(target), &v)),
        other => Err(interp.attribute_error(format!("'{}' object has no attribute '{name}'", other.type_name()))),
    }
}

/// `object.__setattr__(inst, name, v)`: a property's setter or a descriptor's `__set__`, else
/// the instance's own attribute (an exception's own fields among them).
pub fn set_instance_attr(interp: &Interp, inst: &Rc<Instance>, target: &Value, name: &Name, v: Value) -> R<()> {
    if let Some(ca) = inst.class.lookup_name(name) {
        if let Some(p) = ca.downcast::<Property>() {
            return match &p.fset {
                Some(set) => call(interp, set, Args { pos: vec![target.clone(), v], kw: vec![] }).map(|_| ()),
                None => {
                    Err(interp
                        .attribute_error(format!("property '{name}' of '{}' object has no setter", inst.class.name)))
                }
            };
        }
        if let Value::Instance(d) = &ca {
            if let Some(set) = descriptor_method(d, "__set__") {
                return call(interp, &set, Args { pos: vec![ca.clone(), target.clone(), v], kw: vec![] }).map(|_| ());
            }
            if descriptor_method(d, "__delete__").is_some() {
                return Err(interp.attribute_error("__set__"));
            }
        }
    }
    if &**name == "__class__" {
        return Err(set_class(interp, &inst.class, &v));
    }
    if let Some(data) = &inst.exc {
        let mut d = data.borrow_mut();
        match &**name {
            "__cause__" => {
                d.cause = (!v.is_none()).then_some(v);
                d.suppress_context = true;
                return Ok(());
            }
            "__context__" => {
                d.context = (!v.is_none()).then_some(v);
                return Ok(());
            }
            "__suppress_context__" => {
                d.suppress_context = matches!(v, Value::Bool(true));
                return Ok(());
            }
            "args" => {
                d.args = match &v {
                    Value::Tuple(t) => t.to_vec(),
                    Value::List(l) => l.borrow().clone(),
                    other => vec![other.clone()],
                };
                return Ok(());
            }
            _ => {}
        }
    }
    if !inst.class.slots.as_ref().is_none_or(|s| s.allows(name)) {
        return Err(no_attribute(interp, inst, name));
    }
    if &**name == "__dict__" {
        let Value::Dict(d) = &v else {
            return Err(interp.type_error(format!("__dict__ must be set to a dictionary, not a '{}'", v.type_name())));
        };
        inst.set_dict(d.clone());
        return Ok(());
    }
    let old = inst.set_own(name, v);
    // Dropped once the attributes are let go: dropping it may run code.
    drop(old);
    Ok(())
}

/// `obj.__class__ = v`: CPython's TypeErrors, checked in its order. Where CPython makes the
/// change (a user class for another of the same layout) the engine cannot: an instance's
/// class is fixed when it is made, which keeps every attribute lookup from re-reading it.
fn set_class(interp: &Interp, old: &Rc<Class>, v: &Value) -> PyErr {
    let Value::Class(new) = v else {
        return interp.type_error(format!("__class__ must be set to a class, not '{}' object", v.type_name()));
    };
    if !old.user || !new.user {
        return interp.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses");
    }
    let same_slots = match (&old.slots, &new.slots) {
        (None, None) => true,
        (Some(a), Some(b)) => a.names == b.names && a.dict == b.dict,
        _ => false,
    };
    if old.builtin != new.builtin || !same_slots {
        return interp
            .type_error(format!("__class__ assignment: '{}' object layout differs from '{}'", new.name, old.name));
    }
    interp.type_error("assigning __class__ is not supported by Interleave")
}

fn no_attribute(interp: &Interp, inst: &Instance, name: &Name) -> super::interp::PyErr {
    interp.attribute_error(format!("'{}' object has no attribute '{name}'", inst.class.name))
}

pub fn del_attr(interp: &Interp, target: &Value, name: &Name) -> R<()> {
    if let Value::Class(c) = target {
        // As `__class_setattr__` in `set_attr`.
        if let Some(r) = super::call::class_hook(interp, c, "__class_delattr__", vec![Value::Str(name.clone())]) {
            return r.map(|_| ());
        }
    }
    if let Value::Instance(inst) = target {
        if let Some(delattr) = inst.class.lookup_static("__delattr__") {
            return call(interp, &delattr, Args { pos: vec![target.clone(), Value::Str(name.clone())], kw: vec![] })
                .map(|_| ());
        }
        return del_instance_attr(interp, inst, target, name);
    }
    let removed = match target {
        Value::Class(c) if c.user => c.attrs.borrow_mut().shift_remove(name),
        Value::Module(m) => m.globals.borrow_mut().shift_remove(name),
        Value::Func(f) => f.attrs.borrow_mut().shift_remove(name),
        _ => None,
    };
    match removed {
        Some(_) => Ok(()),
        None => Err(interp.attribute_error(format!("'{}' object has no attribute '{name}'", target.type_name()))),
    }
}

/// `object.__delattr__(inst, name)`: a property's deleter or a descriptor's `__delete__`, else
/// the instance's own attribute.
pub fn del_instance_attr(interp: &Interp, inst: &Rc<Instance>, target: &Value, name: &Name) -> R<()> {
    if let Some(ca) = inst.class.lookup_name(name) {
        if let Some(p) = ca.downcast::<Property>() {
            return match &p.fdel {
                Some(del) => call(interp, del, Args { pos: vec![target.clone()], kw: vec![] }).map(|_| ()),
                None => {
                    Err(interp
                        .attribute_error(format!("property '{name}' of '{}' object has no deleter", inst.class.name)))
                }
            };
        }
        if let Value::Instance(d) = &ca {
            if let Some(del) = descriptor_method(d, "__delete__") {
                return call(interp, &del, Args { pos: vec![ca.clone(), target.clone()], kw: vec![] }).map(|_| ());
            }
            if descriptor_method(d, "__set__").is_some() {
                return Err(interp.attribute_error("__delete__"));
            }
        }
    }
    if &**name == "__class__" {
        return Err(interp.type_error("can't delete __class__ attribute"));
    }
    let removed = inst.del_own(name);
    match removed {
        Some(_) => Ok(()),
        None => Err(interp.attribute_error(format!("'{}' object has no attribute '{name}'", inst.class.name))),
    }
}

/// The module of asyncio's functions written in Python in CPython (their `__module__`).
fn python_function_module(name: &str) -> &'static str {
    match name {
        "run" => "asyncio.runners",
        "to_thread" => "asyncio.threads",
        "timeout" | "timeout_at" => "asyncio.timeouts",
        "iscoroutine" | "iscoroutinefunction" => "asyncio.coroutines",
        "new_event_loop" | "set_event_loop" => "asyncio.events",
        "isfuture" => "asyncio.base_futures",
        _ => "asyncio.tasks",
    }
}
