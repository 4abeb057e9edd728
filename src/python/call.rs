//! Calling things: Python functions (binding arguments to parameters with CPython's error
//! messages), native functions, bound methods, classes (making instances), and the
//! definitions that make functions and classes at run time. Also `import`.

use std::cell::RefCell;
use std::rc::Rc;

use super::attr::{get_attr, lookup_class_attr};
use super::coro;
use super::eval::eval;
use super::exec::{run, Exit, Frame, Resume};
use super::interp::{c3_mro, Interp, PyErr, R};
use super::ir::*;
use super::methods;
use super::modules;
use super::objects::{ClassMethod, Property, StaticMethod};
use super::value::*;

#[inline(never)]
pub fn call(interp: &Interp, callee: &Value, mut args: Args) -> R<Value> {
    match callee {
        Value::Func(func) => call_function(interp, func, args),
        Value::Builtin(b) => {
            if let Some(this) = &b.bound {
                args.pos.insert(0, this.clone());
            } else if let Some(class) = &b.unbound_of {
                super::methods::check_unbound(interp, class, &b.name, &mut args)?;
            }
            (b.f)(interp, args)
        }
        Value::Method(m) => {
            interp.check_stack()?;
            args.pos.insert(0, m.this.clone());
            call(interp, &m.func, args)
        }
        Value::Class(c) => instantiate(interp, c, args),
        Value::Instance(i) => match i.class.lookup_static("__call__") {
            Some(f) => {
                let _level = interp.nest(" while calling a Python object")?;
                args.pos.insert(0, callee.clone());
                call(interp, &f, args)
            }
            None => Err(interp.type_error(format!("'{}' object is not callable", callee.type_name()))),
        },
        Value::Object(o) => match super::objects::call_object(interp, o, callee, args) {
            Some(r) => r,
            None => Err(interp.type_error(format!("'{}' object is not callable", callee.type_name()))),
        },
        other => Err(interp.type_error(format!("'{}' object is not callable", other.type_name()))),
    }
}

/// `obj.name(args)` without making a bound method first.
#[inline(never)]
pub fn call_method(interp: &Interp, obj: &Value, name: &Name, mut args: Args) -> R<Value> {
    match obj {
        Value::Instance(i) if !i.attrs.borrow().contains_key(name) => {
            if let Some(Value::Func(f)) = lookup_class_attr(&i.class, name).as_ref() {
                args.pos.insert(0, obj.clone());
                return call_function(interp, f, args);
            }
        }
        Value::Str(_)
        | Value::List(_)
        | Value::Dict(_)
        | Value::Set(_)
        | Value::Tuple(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_) => {
            if let Some(r) = methods::call(interp, obj, name, &mut args) {
                return r;
            }
        }
        Value::Object(o) => {
            if let Some(f) = o.method(name) {
                args.pos.insert(0, obj.clone());
                return f(interp, args);
            }
        }
        _ => {}
    }
    let m = get_attr(interp, obj, name)?;
    call(interp, &m, args)
}

pub fn call_function(interp: &Interp, func: &Rc<Function>, args: Args) -> R<Value> {
    let frame = bind(interp, func, args)?;
    match func.code.kind {
        CodeKind::Coroutine => Ok(coro::coroutine(interp, frame, func.name.clone(), func.qualname.clone())),
        CodeKind::Generator => Ok(coro::generator(interp, frame, func.qualname.clone())),
        CodeKind::AsyncGenerator => Ok(coro::async_generator(interp, frame, func.qualname.clone())),
        _ => run_to_end(interp, frame),
    }
}

/// Whether `f(a, b)` of a plain `def f(a, b)`, or `obj.m(a)` of a `def m(self, a)` (`this`
/// for the object), can take [`call_simple`]'s path: positional arguments only, as many as
/// the parameters, none of them `*args` or keyword-only.
#[inline]
pub fn simple_call(func: &Function, args: &[Arg], this: bool) -> bool {
    let code = &func.code;
    let p = &code.params;
    let given = args.len() + this as usize;
    code.kind == CodeKind::Function
        && p.positional.len() == given
        && p.count() == given
        && args.iter().all(|a| matches!(a, Arg::Pos(_)))
}

/// A call [`simple_call`] allows: the arguments are evaluated straight into the new frame's
/// slots, skipping [`bind`]'s general path, after `this` (moved in, as `func` is into the
/// frame: no count goes up to come down again).
pub fn call_simple(interp: &Interp, f: &mut Frame, func: Rc<Function>, args: &[Arg], this: Option<Value>) -> R<Value> {
    let code = func.code.clone();
    let given = args.len() + this.is_some() as usize;
    let mut slots = interp.spare_slots.borrow_mut().pop().unwrap_or_default();
    let room = code.nslots.max(given);
    if slots.capacity() < room {
        slots.reserve(room);
    }
    if let Some(t) = this {
        slots.push(Some(t));
    }
    for a in args {
        if let Arg::Pos(e) = a {
            slots.push(Some(eval(interp, f, e)?));
        }
    }
    if slots.len() < code.nslots {
        slots.resize(code.nslots, None);
    }
    let globals = func.globals.clone();
    // A function with cells keeps a count of its own, to reach its closure once it is moved.
    let with_cells = (!code.cell_slots.is_empty() || !func.closure.is_empty()).then(|| func.clone());
    let mut frame = Frame::with_slots(interp, code, globals, Some(func), slots);
    frame.keep_first_arg();
    if let Some(func) = with_cells {
        frame.make_cells(&func.closure);
    }
    run_to_end(interp, frame)
}

/// Runs a frame that cannot suspend (a plain function, a class body, a comprehension).
pub fn run_to_end(interp: &Interp, mut frame: Frame) -> R<Value> {
    let exit = run(interp, &mut frame, Resume::Start);
    frame.recycle(interp);
    // What dropping its locals deferred runs now, before the caller goes on.
    interp.settled(match exit {
        Exit::Return(v) => Ok(v),
        Exit::Raise(e) => Err(e),
        Exit::Await(_) => Err(interp.err("SyntaxError", "'await' outside async function")),
        Exit::Yield(_) => Err(interp.err("SyntaxError", "'yield' outside function")),
        // Only frames a driver runs pause (see `Interp::pause_depth`).
        Exit::Call(_) | Exit::Pause => Err(interp.runtime_error("only the program's top level runs driver calls")),
    })
}

/// Lists names as CPython's messages do: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn name_list(names: &[&Name]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Puts the arguments in the new frame's parameter slots.
pub fn bind(interp: &Interp, func: &Rc<Function>, args: Args) -> R<Frame> {
    let code = &func.code;
    let p = &code.params;
    let npos = p.positional.len();
    let Args { pos, kw } = args;
    let given = pos.len();
    // The common call, `f(a, b)` of `def f(a, b)`: the arguments are the first slots, in the
    // arguments' own allocation (`map(Some)` collects in place), nothing to check.
    if given == npos && kw.is_empty() && p.count() == npos {
        let mut slots: Vec<Option<Value>> = pos.into_iter().map(Some).collect();
        slots.resize(code.nslots, None);
        let mut frame = Frame::with_slots(interp, code.clone(), func.globals.clone(), Some(func.clone()), slots);
        frame.keep_first_arg();
        frame.init_cells(&func.closure);
        return Ok(frame);
    }
    let mut frame = Frame::new(interp, code.clone(), func.globals.clone(), Some(func.clone()));
    let mut pos = pos.into_iter();
    for (i, v) in pos.by_ref().take(npos).enumerate() {
        frame.slots[i] = Some(v);
    }
    let mut next = npos;
    let extra: Vec<Value> = pos.collect();
    if p.varargs.is_some() {
        frame.slots[next] = Some(Value::tuple(extra));
        next += 1;
    } else if !extra.is_empty() {
        let required = npos - func.defaults.len().min(npos);
        let takes = if func.defaults.is_empty() || required == npos {
            plural(npos, "positional argument")
        } else {
            format!("from {required} to {npos} positional arguments")
        };
        let were = if given == 1 { "was" } else { "were" };
        return Err(interp.type_error(format!("{}() takes {takes} but {given} {were} given", func.qualname)));
    }
    let kwonly_start = next;
    next += p.kwonly.len();
    let varkw = p.varkw.as_ref().map(|_| next);
    let mut extra_kw = Dict::new();
    let mut posonly_as_kw = Vec::new();
    for (name, v) in kw {
        if let Some(i) = p.positional.iter().position(|n| *n == name) {
            if i < p.posonly {
                if varkw.is_some() {
                    extra_kw.set_str(&name, v);
                } else {
                    posonly_as_kw.push(name);
                }
                continue;
            }
            if frame.slots[i].is_some() {
                return Err(interp.type_error(format!("{}() got multiple values for argument '{name}'", func.qualname)));
            }
            frame.slots[i] = Some(v);
        } else if let Some(i) = p.kwonly.iter().position(|n| *n == name) {
            frame.slots[kwonly_start + i] = Some(v);
        } else if varkw.is_some() {
            if extra_kw.get_str(&name).is_some() {
                return Err(
                    interp.type_error(format!("{}() got multiple values for keyword argument '{name}'", func.qualname))
                );
            }
            extra_kw.set_str(&name, v);
        } else {
            return Err(interp.type_error(format!("{}() got an unexpected keyword argument '{name}'", func.qualname)));
        }
    }
    if !posonly_as_kw.is_empty() {
        let names: Vec<&Name> = posonly_as_kw.iter().collect();
        return Err(interp.type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: {}",
            func.qualname,
            name_list(&names).replace(" and ", ", ")
        )));
    }
    if let Some(slot) = varkw {
        frame.slots[slot] = Some(Value::dict(extra_kw));
    }
    // Defaults fill the last positional parameters.
    let first_default = npos - func.defaults.len().min(npos);
    let mut missing = Vec::new();
    for i in 0..npos {
        if frame.slots[i].is_none() {
            if i >= first_default {
                frame.slots[i] = Some(func.defaults[i - first_default].clone());
            } else {
                missing.push(&p.positional[i]);
            }
        }
    }
    if !missing.is_empty() {
        return Err(interp.type_error(format!(
            "{}() missing {}: {}",
            func.qualname,
            plural(missing.len(), "required positional argument"),
            name_list(&missing)
        )));
    }
    let mut missing_kw = Vec::new();
    for (i, name) in p.kwonly.iter().enumerate() {
        if frame.slots[kwonly_start + i].is_none() {
            match func.kw_defaults.iter().find(|(n, _)| n == name) {
                Some((_, v)) => frame.slots[kwonly_start + i] = Some(v.clone()),
                None => missing_kw.push(name),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(interp.type_error(format!(
            "{}() missing {}: {}",
            func.qualname,
            plural(missing_kw.len(), "required keyword-only argument"),
            name_list(&missing_kw)
        )));
    }
    frame.keep_first_arg();
    frame.init_cells(&func.closure);
    Ok(frame)
}

/// The cells a definition captures from the frame defining it.
fn capture(f: &Frame, closure: &[Var]) -> Vec<Cell> {
    closure
        .iter()
        .map(|v| match v {
            Var::Cell(i) => f.cells.get(*i as usize).cloned().unwrap_or_else(|| Rc::new(RefCell::new(None))),
            _ => Rc::new(RefCell::new(None)),
        })
        .collect()
}

#[inline(never)]
pub fn make_function(interp: &Interp, f: &mut Frame, def: &FuncDef) -> R<Value> {
    let mut defaults = Vec::with_capacity(def.defaults.len());
    for d in &def.defaults {
        defaults.push(eval(interp, f, d)?);
    }
    let mut kw_defaults = Vec::with_capacity(def.kw_defaults.len());
    for (n, d) in &def.kw_defaults {
        kw_defaults.push((n.clone(), eval(interp, f, d)?));
    }
    // The docstring is kept as the function's `__doc__` attribute, so `functools.wraps`
    // copies it with the others.
    let mut attrs = Attrs::default();
    if let Some(doc) = &def.code.doc {
        attrs.insert(Name::from("__doc__"), Value::Str(doc.clone()));
    }
    if !def.annotations.is_empty() {
        let mut d = Dict::new();
        for (name, e, src) in &def.annotations {
            d.set_str(name, super::exec::eval_annotation(interp, f, e, src)?);
        }
        attrs.insert(Name::from("__annotations__"), Value::dict(d));
    }
    Ok(Value::Func(Rc::new(Function {
        name: def.code.name.clone(),
        qualname: def.code.qualname.clone(),
        code: def.code.clone(),
        globals: f.globals.clone(),
        defaults,
        kw_defaults,
        closure: capture(f, &def.closure),
        owner: RefCell::new(None),
        attrs: RefCell::new(attrs),
    })))
}

#[inline(never)]
pub fn run_comprehension(interp: &Interp, f: &mut Frame, def: &CompDef, it: Value) -> R<Value> {
    let mut frame = Frame::new(interp, def.code.clone(), f.globals.clone(), None);
    frame.slots[0] = Some(it);
    frame.init_cells(&capture(f, &def.closure));
    match def.code.kind {
        CodeKind::Generator => Ok(coro::generator(interp, frame, def.code.qualname.clone())),
        CodeKind::AsyncGenerator => Ok(coro::async_generator(interp, frame, def.code.qualname.clone())),
        CodeKind::Coroutine => Ok(coro::coroutine(interp, frame, def.code.name.clone(), def.code.qualname.clone())),
        _ => run_to_end(interp, frame),
    }
}

pub fn make_class(interp: &Interp, f: &mut Frame, def: &ClassDef) -> R<Value> {
    let mut args = super::eval::eval_args(interp, f, &def.bases, &|| "__build_class__()".to_string())?;
    // There are no metaclasses here. `metaclass=type` changes nothing, and a metaclass of the
    // engine's own modules names the base class standing in for it (`abc.ABCMeta` names
    // `ABC`): `class C(metaclass=ABCMeta)` is made as `class C(ABC)`. Other class keywords
    // go to the bases' `__init_subclass__`, as in CPython.
    let mut extra_base = None;
    if let Some(at) = args.kw.iter().position(|(k, _)| &**k == "metaclass") {
        let (k, meta) = args.kw.remove(at);
        match &meta {
            Value::Class(m) if m.builtin == BuiltinType::Type && !m.user => {}
            Value::Class(m) if m.user => match &m.lookup("__metaclass_base__") {
                Some(Value::Class(b)) => extra_base = Some(b.clone()),
                _ => {
                    return Err(
                        interp.type_error(format!("class keyword '{k}' (metaclasses) is not supported by Interleave"))
                    )
                }
            },
            _ => {
                return Err(
                    interp.type_error(format!("class keyword '{k}' (metaclasses) is not supported by Interleave"))
                )
            }
        }
    }
    // `class Box(Generic[T])`, `class Stack(list[int])`: a generic alias stands for its class
    // (CPython's `__mro_entries__`).
    for b in args.pos.iter_mut() {
        if let Some(c) = modules::typing::alias_origin(b) {
            *b = Value::Class(c);
        }
    }
    let mut bases = Vec::new();
    for b in &args.pos {
        match b {
            Value::Class(c) => {
                if !c.user && !c.is_exception() && c.builtin != BuiltinType::Object {
                    // `class Color(str, Enum)`: a built-in type cannot be subclassed here, but
                    // another base (of the engine's own modules) may name a class of Python
                    // methods that stands in for it (`_str_mixin_`; see `enum.py`).
                    let mixin = format!("_{}_mixin_", c.name);
                    let stand_in = args.pos.iter().find_map(|o| match o {
                        Value::Class(o) if o.user => match &o.lookup(&mixin) {
                            Some(Value::Class(m)) => Some(m.clone()),
                            _ => None,
                        },
                        _ => None,
                    });
                    if let Some(m) = stand_in {
                        bases.push(m);
                        continue;
                    }
                    // `class Stack(list)`, `class Registry(dict)`: a class of Python methods
                    // holding a real list or dict stands in for the base (see `collections`).
                    if let Some(stand_in) = builtin_subclass_base(interp, c)? {
                        bases.push(stand_in);
                        continue;
                    }
                    // CPython refuses these too, in its own words.
                    if matches!(
                        &*c.name,
                        "bool"
                            | "range"
                            | "slice"
                            | "NoneType"
                            | "function"
                            | "builtin_function_or_method"
                            | "generator"
                            | "coroutine"
                    ) {
                        return Err(interp.type_error(format!("type '{}' is not an acceptable base type", c.name)));
                    }
                    return Err(interp.type_error(format!(
                        "subclassing the built-in type '{}' is not supported by Interleave",
                        c.name
                    )));
                }
                bases.push(c.clone());
            }
            other => return Err(interp.type_error(format!("bases must be types, not {}", other.type_name()))),
        }
    }
    if let Some(b) = extra_base {
        if !bases.iter().any(|c| c.is_subclass(&b)) {
            bases.push(b);
        }
    }
    if bases.is_empty() {
        bases.push(interp.types.object.clone());
    }
    let mro = c3_mro(&bases).ok_or_else(|| {
        let names: Vec<&str> = bases.iter().map(|b| &*b.name).collect();
        interp.type_error(format!(
            "Cannot create a consistent method resolution order (MRO) for bases {}",
            names.join(", ")
        ))
    })?;
    // Each class keeps the list of all its ancestors: a chain of classes each deriving from
    // the last would take memory quadratic in its length.
    let limit = interp.recursion_limit.get() as usize;
    if mro.len() > limit {
        return Err(interp.err(
            "RecursionError",
            format!("maximum recursion depth exceeded while creating a class (Interleave's classes inherit at most {limit} levels deep)"),
        ));
    }
    let namespace = Rc::new(RefCell::new(Attrs::default()));
    namespace.borrow_mut().insert(Name::from("__module__"), Value::Str(f.globals.name.clone()));
    namespace.borrow_mut().insert(Name::from("__qualname__"), Value::Str(def.qualname.clone()));
    let mut frame = Frame::new(interp, def.body.clone(), f.globals.clone(), None);
    frame.namespace = Some(namespace.clone());
    frame.init_cells(&capture(f, &def.closure));
    run_to_end(interp, frame)?;
    let mut attrs = std::mem::take(&mut *namespace.borrow_mut());
    // As `type.__new__`: a class that defines `__eq__` but not `__hash__` gets `__hash__ =
    // None`, so its instances are unhashable.
    if attrs.contains_key("__eq__") && !attrs.contains_key("__hash__") {
        attrs.insert(Name::from("__hash__"), Value::None);
    }
    // Every class has its own `__doc__` (None without a docstring): it is not inherited.
    attrs.entry(Name::from("__doc__")).or_insert(Value::None);
    let builtin = if bases.iter().any(|b| b.is_exception()) { BuiltinType::BaseException } else { BuiltinType::Object };
    let module = match &f.globals.name {
        n if &**n == "__main__" => n.clone(),
        n => n.clone(),
    };
    let slots = class_slots(interp, &def.name, &attrs, &mro)?;
    let class = Rc::new(Class {
        name: def.name.clone(),
        qualname: def.qualname.clone(),
        module,
        bases,
        mro,
        attrs: ClassAttrs::new(attrs),
        cache: RefCell::default(),
        builtin,
        user: true,
        slots,
    });
    for v in class.attrs.borrow().values() {
        set_owner(v, &class);
    }
    // `__set_name__(owner, name)` of each attribute whose class defines it, in definition
    // order, before `__init_subclass__` (as `type.__new__` does).
    let named: Vec<(Name, Value, Value)> = class
        .attrs
        .borrow()
        .iter()
        .filter_map(|(k, v)| match v {
            Value::Instance(d) if d.class.user => {
                d.class.lookup_static("__set_name__").map(|f| (k.clone(), v.clone(), f))
            }
            _ => None,
        })
        .collect();
    for (name, v, set_name) in named {
        let pos = vec![v, Value::Class(class.clone()), Value::Str(name)];
        call(interp, &set_name, Args { pos, kw: vec![] })?;
    }
    // `__init_subclass__` of the nearest base defining it (an implicit classmethod), with the
    // class keywords: how `enum` makes an Enum's members and `abc` finds abstract methods.
    let hook = class.mro.iter().find_map(|c| c.attrs.borrow().get("__init_subclass__").cloned());
    match hook {
        Some(hook) => {
            let pos = vec![Value::Class(class.clone())];
            call(interp, &unwrap_classmethod(hook), Args { pos, kw: args.kw })?;
        }
        None if !args.kw.is_empty() => {
            return Err(interp.type_error(format!("{}.__init_subclass__() takes no keyword arguments", class.name)));
        }
        None => {}
    }
    Ok(Value::Class(class))
}

/// What a new class's `__slots__` and its bases' say (see [`InstanceSlots`]). A private
/// name there (`__x`) is the class's `_Class__x`, as the class's code writes it.
fn class_slots(interp: &Interp, class: &str, attrs: &Attrs, mro: &[Rc<Class>]) -> R<Option<Rc<InstanceSlots>>> {
    let class = class.trim_start_matches('_');
    let own = match attrs.get("__slots__") {
        Some(v) => Some(
            slot_names(interp, v)?
                .into_iter()
                .map(|n| match n.starts_with("__") && !n.ends_with("__") && !class.is_empty() {
                    true => Name::from(format!("_{class}{n}")),
                    false => n,
                })
                .collect::<Vec<_>>(),
        ),
        None => None,
    };
    let mut dict = own.is_none();
    let mut names: Vec<Name> = Vec::new();
    for n in own.iter().flatten() {
        match &**n {
            "__dict__" => dict = true,
            "__weakref__" => {}
            _ if attrs.contains_key(n) => {
                return Err(interp.value_error(format!("'{n}' in __slots__ conflicts with class variable")));
            }
            _ => names.push(n.clone()),
        }
    }
    for base in mro {
        if Rc::ptr_eq(base, &interp.types.object) {
            continue;
        }
        match &base.slots {
            Some(s) => {
                dict |= s.dict;
                names.extend(s.names.iter().filter(|n| !names.contains(n)).cloned().collect::<Vec<_>>());
            }
            // A base without `__slots__` anywhere (or a built-in one) gives a `__dict__`.
            None => dict = true,
        }
    }
    Ok((!names.is_empty() || !dict).then(|| Rc::new(InstanceSlots { names, dict })))
}

/// The names a `__slots__` value lists: one string, or an iterable of them.
fn slot_names(interp: &Interp, v: &Value) -> R<Vec<Name>> {
    if let Value::Str(s) = v {
        return Ok(vec![s.clone()]);
    }
    let it = super::ops::iter(interp, v)?;
    let mut names = Vec::new();
    while let Some(n) = super::ops::next(interp, &it)? {
        match &n {
            Value::Str(s) => names.push(s.clone()),
            other => {
                return Err(interp.type_error(format!("__slots__ items must be strings, not '{}'", other.type_name())))
            }
        }
    }
    Ok(names)
}

/// The function inside a `@classmethod` (hooks called with the class first take either form).
fn unwrap_classmethod(v: Value) -> Value {
    match v.downcast::<ClassMethod>() {
        Some(c) => c.0.clone(),
        None => v,
    }
}

/// A class-level operation the engine cannot express without metaclasses, answered by a
/// method of the class (or a base), called with the class first: `for x in C`
/// (`__class_iter__`), `len(C)` (`__class_len__`), `x in C` (`__class_contains__`), `C[k]`
/// (`__class_getitem__`, CPython's own name for it), `repr(C)` (`__class_repr__`), `C.name`
/// when `C` has no such attribute (`__class_getattr__`), `C.name = v` (`__class_setattr__`)
/// and `del C.name` (`__class_delattr__`). They stand in for a metaclass's `__iter__`, `__len__`…
/// (`enum.EnumType`'s in CPython), for the engine's own `enum` module. Only user classes are
/// asked, and only by operations that are otherwise errors (or rare), so plain classes and
/// instances never pay for the lookup (setting or deleting a class attribute is rare enough).
pub fn class_hook(interp: &Interp, class: &Rc<Class>, name: &'static str, args: Vec<Value>) -> Option<R<Value>> {
    if !class.user {
        return None;
    }
    let hook = unwrap_classmethod(class.lookup_static(name)?);
    let mut pos = Vec::with_capacity(args.len() + 1);
    pos.push(Value::Class(class.clone()));
    pos.extend(args);
    Some(call(interp, &hook, Args { pos, kw: vec![] }))
}

/// The class that stands in for `list` or `dict` as a user class's base: `collections`'
/// `_ListSubclass` or `_DictSubclass`, which count as the built-in type for `isinstance` (see
/// `Class::stands_for`). `None` for the other built-in types.
fn builtin_subclass_base(interp: &Interp, builtin: &Rc<Class>) -> R<Option<Rc<Class>>> {
    let name = match builtin.builtin {
        BuiltinType::List => "_ListSubclass",
        BuiltinType::Dict => "_DictSubclass",
        _ => return Ok(None),
    };
    let Value::Module(collections) = &import_module(interp, "collections")? else { return Ok(None) };
    Ok(match &collections.get(name) {
        Some(Value::Class(c)) => Some(c.clone()),
        _ => None,
    })
}

/// Tells a method which class defined it (zero-argument `super()` needs it).
fn set_owner(v: &Value, class: &Rc<Class>) {
    let func = match v {
        Value::Func(f) => Some(f.clone()),
        Value::Object(o) => {
            let any = o.as_any();
            if let Some(s) = any.downcast_ref::<StaticMethod>() {
                if let Value::Func(f) = &s.0 {
                    Some(f.clone())
                } else {
                    None
                }
            } else if let Some(c) = any.downcast_ref::<ClassMethod>() {
                if let Value::Func(f) = &c.0 {
                    Some(f.clone())
                } else {
                    None
                }
            } else if let Some(p) = any.downcast_ref::<Property>() {
                for part in [&p.fget, &p.fset, &p.fdel].into_iter().flatten() {
                    set_owner(part, class);
                }
                None
            } else {
                None
            }
        }
        _ => None,
    };
    if let Some(f) = func {
        *f.owner.borrow_mut() = Some(Rc::downgrade(class));
    }
}

/// `Class(args)`: a new instance, `__init__` run on it.
pub fn instantiate(interp: &Interp, class: &Rc<Class>, args: Args) -> R<Value> {
    if !class.user {
        if class.is_exception() {
            let mut class = class.clone();
            // `OSError(errno, strerror)` makes the subclass for that errno, as CPython does.
            if &*class.name == "OSError" && args.pos.len() >= 2 {
                if let Value::Int(n) = &args.pos[0] {
                    let sub = match n {
                        2 => "FileNotFoundError",
                        17 => "FileExistsError",
                        1 | 13 => "PermissionError",
                        32 => "BrokenPipeError",
                        103 => "ConnectionAbortedError",
                        104 => "ConnectionResetError",
                        111 => "ConnectionRefusedError",
                        110 => "TimeoutError",
                        _ => "OSError",
                    };
                    class = interp.types.exc(sub);
                }
            }
            if class.is_subclass(&interp.types.exc("BaseExceptionGroup")) {
                if args.pos.len() != 2 {
                    let n = args.pos.len();
                    return Err(interp
                        .type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)")));
                }
                let mut pos = args.pos.into_iter();
                let (message, members) = (pos.next().unwrap_or_default(), pos.next().unwrap_or_default());
                return Ok(Value::Instance(super::builtins::new_exception_group(interp, &class, message, members)?));
            }
            return Ok(Value::Instance(interp.new_exc(&class, args.pos)));
        }
        return super::builtins::construct(interp, class, args);
    }
    // `__new__` (an implicit staticmethod, called with the class first) makes the object, and
    // `__init__` runs on it when it is an instance of the class, as `type.__call__` does.
    if let Some(new) = class.lookup_static("__new__") {
        return instantiate_with_new(interp, class, &new, args);
    }
    let instance = Value::Instance(Rc::new(Instance {
        class: class.clone(),
        attrs: RefCell::new(Attrs::default()),
        dict: InstanceDict::default(),
        exc: class.is_exception().then(|| RefCell::new(ExcData { args: args.pos.clone(), ..ExcData::default() })),
    }));
    match class.lookup_static("__init__") {
        Some(init) => {
            let mut args = args;
            args.pos.insert(0, instance.clone());
            let r = call(interp, &init, args)?;
            if !r.is_none() {
                return Err(interp.type_error(format!("__init__() should return None, not '{}'", r.type_name())));
            }
        }
        None => {
            if !class.is_exception() && (!args.pos.is_empty() || !args.kw.is_empty()) {
                return Err(interp.type_error(format!("{}() takes no arguments", class.name)));
            }
        }
    }
    Ok(instance)
}

/// `Class(args)` of a class with its own `__new__`.
#[inline(never)]
fn instantiate_with_new(interp: &Interp, class: &Rc<Class>, new: &Value, args: Args) -> R<Value> {
    let mut pos = Vec::with_capacity(args.pos.len() + 1);
    pos.push(Value::Class(class.clone()));
    pos.extend(args.pos.iter().cloned());
    let made = call(interp, new, Args { pos, kw: args.kw.clone() })?;
    if !interp.class_of(&made).is_subclass(class) {
        return Ok(made);
    }
    if let Value::Instance(i) = &made {
        // `BaseException.__new__` keeps the arguments, whichever `__new__` made it (`abc.ABC`'s
        // in `class E(Exception, ABC)`).
        if let Some(data) = &i.exc {
            let mut data = data.borrow_mut();
            if data.args.is_empty() {
                data.args = args.pos.clone();
            }
        }
    }
    if let Some(init) = class.lookup_static("__init__") {
        let mut args = args;
        args.pos.insert(0, made.clone());
        let r = call(interp, &init, args)?;
        if !r.is_none() {
            return Err(interp.type_error(format!("__init__() should return None, not '{}'", r.type_name())));
        }
    }
    Ok(made)
}

/// `object.__new__(cls)`: a bare instance of `cls`, its `__init__` not run.
pub fn new_bare_instance(interp: &Interp, args: &Args) -> R<Value> {
    let class = match args.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        Some(other) => {
            return Err(interp.type_error(format!("object.__new__(X): X is not a type object ({})", other.type_name())))
        }
        None => return Err(interp.type_error("object.__new__(): not enough arguments")),
    };
    if !class.user {
        // An immutable type's value comes from `__new__`'s arguments (`int.__new__(int, 5)`);
        // a list, dict or set is filled by `__init__`, so its `__new__` makes an empty one.
        let args = match class.builtin {
            BuiltinType::List | BuiltinType::Dict | BuiltinType::Set => Args::default(),
            _ => Args { pos: args.pos[1..].to_vec(), kw: args.kw.clone() },
        };
        if class.is_exception() {
            return Ok(Value::Instance(interp.new_exc(&class, args.pos)));
        }
        return super::builtins::construct(interp, &class, args);
    }
    // `BaseException.__new__` takes the arguments, which become `args`.
    let exc_args = || args.pos[1..].to_vec();
    if (args.pos.len() > 1 || !args.kw.is_empty()) && !class.is_exception() {
        if class.lookup_static("__new__").is_some() {
            return Err(interp.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if class.lookup_static("__init__").is_none() {
            return Err(interp.type_error(format!("{}() takes no arguments", class.name)));
        }
    }
    Ok(Value::Instance(Rc::new(Instance {
        class: class.clone(),
        attrs: RefCell::new(Attrs::default()),
        dict: InstanceDict::default(),
        exc: class.is_exception().then(|| RefCell::new(ExcData { args: exc_args(), ..ExcData::default() })),
    })))
}

/// `import name`: a built-in module, or one of the client libraries written in Python.
pub fn import_module(interp: &Interp, name: &str) -> R<Value> {
    if let Some(m) = interp.modules.borrow().get(name) {
        return Ok(Value::Module(m.clone()));
    }
    // `a.b`: the package `a` first (an error names it if it is missing), as CPython does.
    let parent = match name.rsplit_once('.') {
        Some((parent, leaf)) => Some((import_module(interp, parent)?, leaf)),
        None => None,
    };
    let module = match modules::load(interp, name)? {
        Some(m) => m,
        None if modules::is_package(name) => {
            let package = Module::new(name);
            package.set("__name__", Value::str(name));
            package
        }
        None => {
            let message = match modules::unavailable(name) {
                Some(why) => format!("No module named '{name}': {why}"),
                None => format!("No module named '{name}'"),
            };
            return Err(PyErr::Exc(
                interp.new_exc(&interp.types.exc("ModuleNotFoundError"), vec![Value::str(&message)]),
            ));
        }
    };
    interp.modules.borrow_mut().insert(Name::from(name), module.clone());
    if let Some((Value::Module(package), leaf)) = &parent {
        package.set(leaf, Value::Module(module.clone()));
    }
    Ok(Value::Module(module))
}
