//! Exceptions shown as CPython shows them: `Traceback (most recent call last):`, one entry per
//! frame of the program (frames inside asyncio or the client libraries are not shown, as the
//! corpus's oracle does not show CPython's), chained causes and contexts, and the last line
//! `Type: message`.

use super::interp::{Interp, PyErr};
use super::ops;
use super::value::*;
use std::rc::Rc;

/// The name a traceback's last line uses: `ValueError`, `MyError`, `asyncio.exceptions.CancelledError`.
pub fn type_name(class: &Class) -> String {
    match &*class.module_name() {
        "builtins" | "__main__" => class.qualname.to_string(),
        m => format!("{m}.{}", class.qualname),
    }
}

/// `Type: message` (or `Type` alone when the message is empty).
pub fn last_line(interp: &Interp, e: &Value) -> String {
    let Value::Instance(i) = e else { return ops::str_of(interp, e).unwrap_or_default() };
    let name = type_name(&i.class);
    let msg = ops::str_of(interp, e).unwrap_or_else(|_| "<exception str() failed>".into());
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// The whole report for an exception, chain included; exception groups drawn as CPython's
/// `traceback` module draws them (`+-+---- 1 ----` boxes, `|` margins).
/// Written as the uncaught exception's report (CPython's C printer), so with the "Did you
/// mean" hints of `NameError` and `AttributeError`; [`format_exception_plain`] is what
/// Python's `traceback` module (and the loggers using it) writes, without them.
pub fn format_exception(interp: &Interp, e: &PyErr) -> String {
    format_exception_with(interp, e, true)
}

/// As [`format_exception`], without the hints: `traceback.format_exception` in 3.11.
pub fn format_exception_plain(interp: &Interp, e: &PyErr) -> String {
    format_exception_with(interp, e, false)
}

fn format_exception_with(interp: &Interp, e: &PyErr, hints: bool) -> String {
    match e {
        PyErr::Stop(m) => format!("{m}\n"),
        PyErr::Exc(_) => {
            let mut ctx = PrintContext { hints, ..PrintContext::default() };
            format_value(interp, &e.value(), &mut ctx);
            ctx.out
        }
    }
}

/// An exception a finaliser raised, as CPython's unraisable hook writes it: its own traceback
/// and last line, without the chain.
pub fn format_unraisable(interp: &Interp, e: &PyErr) -> String {
    let PyErr::Exc(i) = e else { return format_exception(interp, e) };
    let stack = stack_text(interp, i);
    let mut out = String::new();
    if !stack.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&stack);
    }
    out.push_str(&exception_only(interp, &e.value(), false));
    out
}

/// CPython's `_ExceptionPrintContext`: how deep in groups the printer is, and whether the
/// closing line of a group's box is still owed.
#[derive(Default)]
struct PrintContext {
    out: String,
    depth: usize,
    need_close: bool,
    /// Exceptions printed (a set: a chain may be a hundred thousand long).
    seen: std::collections::HashSet<usize>,
    /// Whether "Did you mean" hints are written.
    hints: bool,
}

/// CPython's limits on how much of a group is drawn.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Each line of `text` behind the current indent and margin (`|` unless told).
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

fn stack_text(interp: &Interp, i: &Instance) -> String {
    let entries = i.exc().map(|d| d.traceback.clone()).unwrap_or_default();
    let mut out = String::new();
    // As CPython's: a line repeated more than three times in a row is counted, not listed.
    const CUTOFF: usize = 3;
    let repeated = |out: &mut String, count: usize| {
        if count > CUTOFF {
            let n = count - CUTOFF;
            out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
        }
    };
    let mut last: Option<(u32, &str)> = None;
    let mut count = 0;
    for t in &entries {
        if last != Some((t.line, &*t.func)) {
            repeated(&mut out, count);
            last = Some((t.line, &*t.func));
            count = 0;
        }
        count += 1;
        if count > CUTOFF {
            continue;
        }
        out.push_str(&format!("  File \"main.py\", line {}, in {}\n", t.line, t.func));
        if let Some(src) = interp.source_line(t.line) {
            let src = src.trim();
            if !src.is_empty() {
                out.push_str(&format!("    {src}\n"));
            }
        }
    }
    repeated(&mut out, count);
    out
}

/// `Type: message`, then the exception's notes, one per line. With `hints` (the uncaught
/// exception's report, which CPython's C printer writes), a `NameError`'s or
/// `AttributeError`'s "Did you mean" suggestion after the message.
fn exception_only(interp: &Interp, v: &Value, hints: bool) -> String {
    let mut out = last_line(interp, v);
    if hints {
        if let Some(s) = suggestion(interp, v) {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
    }
    out.push('\n');
    for note in notes(interp, v) {
        out.push_str(&note);
        out.push('\n');
    }
    out
}

/// `traceback.format_exception_only(e)`'s items: `Type: message`, then each line of each
/// note (PEP 678), as CPython's `TracebackException.format_exception_only` yields them.
pub fn exception_only_items(interp: &Interp, v: &Value) -> Vec<String> {
    let mut items = vec![format!("{}\n", last_line(interp, v))];
    for note in notes(interp, v) {
        items.extend(note.split('\n').map(|line| format!("{line}\n")));
    }
    items
}

/// An exception's notes (`add_note`), each as `str()` gives it.
fn notes(interp: &Interp, v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Value::Instance(i) = v {
        // Neither the attributes nor the list stay borrowed while a note's `__str__` runs (it
        // may add a note or set an attribute); the notes are read as the list stands, as
        // CPython reads them.
        let notes = i.attrs.borrow().get("__notes__").cloned();
        if let Some(Value::List(notes)) = &notes {
            let mut k = 0;
            while let Some(note) = ops::list_at(notes, k) {
                out.push(ops::str_of(interp, &note).unwrap_or_else(|_| "<note str() failed>".into()));
                k += 1;
            }
        }
    }
    out
}

/// The sub-exceptions of an exception group, or `None` for any other exception.
fn group_members(interp: &Interp, i: &Instance) -> Option<Vec<Value>> {
    if !i.class.is_subclass(&interp.types.exc("BaseExceptionGroup")) {
        return None;
    }
    let data = i.exc()?;
    match data.args.get(1) {
        Some(Value::List(l)) => Some(l.borrow().clone()),
        Some(Value::Tuple(t)) => Some(t.to_vec()),
        _ => None,
    }
}

fn format_value(interp: &Interp, v: &Value, ctx: &mut PrintContext) {
    // The chain, newest first, as CPython collects it (each exception printed once).
    let mut chain: Vec<(Option<&str>, Value)> = Vec::new();
    let mut next = Some(v.clone());
    while let Some(e) = next.take() {
        let id = e.identity().unwrap_or(0);
        if !ctx.seen.insert(id) {
            break;
        }
        let mut message = None;
        if let Value::Instance(i) = &e {
            if let Some(data) = i.exc() {
                if let Some(c) = data.cause.clone() {
                    message = Some("\nThe above exception was the direct cause of the following exception:\n\n");
                    next = Some(c);
                } else if let (Some(c), false) = (data.context.clone(), data.suppress_context) {
                    message = Some("\nDuring handling of the above exception, another exception occurred:\n\n");
                    next = Some(c);
                }
            }
        }
        if next.as_ref().is_some_and(|n| ctx.seen.contains(&n.identity().unwrap_or(0))) {
            next = None;
            message = None;
        }
        chain.push((message, e));
    }
    for (message, e) in chain.into_iter().rev() {
        if let Some(m) = message {
            ctx.emit(m, '|');
        }
        let Value::Instance(i) = &e else { continue };
        let stack = stack_text(interp, i);
        match group_members(interp, i) {
            None => {
                if !stack.is_empty() || i.exc().is_some_and(|d| d.raised) {
                    ctx.emit("Traceback (most recent call last):\n", '|');
                    ctx.emit(&stack, '|');
                }
                let only = exception_only(interp, &e, ctx.hints);
                ctx.emit(&only, '|');
            }
            Some(_) if ctx.depth > MAX_GROUP_DEPTH => {
                ctx.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
            }
            Some(members) => format_group(interp, &e, &stack, &members, ctx),
        }
    }
}

fn format_group(interp: &Interp, e: &Value, stack: &str, members: &[Value], ctx: &mut PrintContext) {
    let top_level = ctx.depth == 0;
    if top_level {
        ctx.depth += 1;
    }
    if !stack.is_empty() {
        ctx.emit("Exception Group Traceback (most recent call last):\n", if top_level { '+' } else { '|' });
        ctx.emit(stack, '|');
    }
    let only = exception_only(interp, e, ctx.hints);
    ctx.emit(&only, '|');
    let n = members.len().min(MAX_GROUP_WIDTH + 1);
    ctx.need_close = false;
    for (k, member) in members.iter().take(n).enumerate() {
        let last = k == n - 1;
        if last {
            ctx.need_close = true;
        }
        let truncated = k >= MAX_GROUP_WIDTH;
        let title = if truncated { "...".to_string() } else { (k + 1).to_string() };
        let corner = if k == 0 { "+-" } else { "  " };
        let line = format!("{}{corner}+---------------- {title} ----------------\n", ctx.indent());
        ctx.out.push_str(&line);
        ctx.depth += 1;
        if truncated {
            let remaining = members.len() - MAX_GROUP_WIDTH;
            let plural = if remaining > 1 { "s" } else { "" };
            ctx.emit(&format!("and {remaining} more exception{plural}\n"), '|');
        } else {
            format_value(interp, member, ctx);
        }
        if last && ctx.need_close {
            let line = format!("{}+------------------------------------\n", ctx.indent());
            ctx.out.push_str(&line);
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if top_level {
        ctx.depth = 0;
    }
}

// ----- "Did you mean" (CPython 3.11's Python/suggestions.c) ---------------------------------

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The hint for an exception whose type is exactly `NameError` or `AttributeError` (not a
/// subclass), as `_Py_Offer_Suggestions` computes it.
fn suggestion(interp: &Interp, v: &Value) -> Option<String> {
    let Value::Instance(i) = v else { return None };
    let s = i.exc()?.suggest.clone()?;
    match *s {
        Suggest::Name(name, locals, globals) => {
            if !Rc::ptr_eq(&i.class, &interp.types.exc("NameError")) {
                return None;
            }
            let locals: Vec<String> = locals.iter().map(|n| n.to_string()).collect();
            if let Some(s) = calculate_suggestions(&locals, &name) {
                return Some(s);
            }
            let mut names: Vec<String> = Vec::new();
            if &*globals.name == "__main__" {
                const MAIN: [&str; 9] = [
                    "__name__",
                    "__doc__",
                    "__package__",
                    "__loader__",
                    "__spec__",
                    "__annotations__",
                    "__builtins__",
                    "__file__",
                    "__cached__",
                ];
                names.extend(MAIN.iter().map(|n| n.to_string()));
            }
            for k in globals.globals.borrow().keys() {
                if !names.iter().any(|n| **n == **k) {
                    names.push(k.to_string());
                }
            }
            if let Some(s) = calculate_suggestions(&names, &name) {
                return Some(s);
            }
            let builtins: Vec<String> = BUILTINS.split(' ').map(String::from).collect();
            calculate_suggestions(&builtins, &name)
        }
        Suggest::Attr(name, obj) => {
            if !Rc::ptr_eq(&i.class, &interp.types.exc("AttributeError")) {
                return None;
            }
            calculate_suggestions(&dir_of(interp, &obj)?, &name)
        }
    }
}

/// `dir(obj)` as CPython lists it, as far as the engine knows the object's attributes.
fn dir_of(interp: &Interp, obj: &Value) -> Option<Vec<String>> {
    let mut names: Vec<String> = match obj {
        Value::Instance(i) => {
            let mut n: Vec<String> = i.attrs.borrow().keys().map(|k| k.to_string()).collect();
            for c in i.class.lineage() {
                n.extend(c.attrs.borrow().keys().map(|k| k.to_string()));
            }
            n.extend(OBJECT_DIR.split(' ').map(String::from));
            if i.exc.is_some() {
                const EXCEPTION_DIR: &str =
                    "__cause__ __context__ __setstate__ __suppress_context__ __traceback__ add_note args with_traceback";
                n.extend(EXCEPTION_DIR.split(' ').map(String::from));
            }
            n
        }
        Value::Module(m) => m.globals.borrow().keys().map(|k| k.to_string()).collect(),
        Value::Class(c) if !c.user && builtin_dir(&c.name).is_some() => {
            builtin_dir(&c.name)?.split(' ').map(String::from).collect()
        }
        Value::Class(c) => {
            let mut n: Vec<String> = Vec::new();
            for c in c.lineage() {
                n.extend(c.attrs.borrow().keys().map(|k| k.to_string()));
            }
            n.extend(OBJECT_DIR.split(' ').map(String::from));
            n
        }
        _ => builtin_dir(&interp.class_of(obj).name)?.split(' ').map(String::from).collect(),
    };
    names.sort();
    names.dedup();
    Some(names)
}

/// `calculate_suggestions`: the closest name, the first of equals in the list's order.
fn calculate_suggestions(dir: &[String], name: &str) -> Option<String> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_distance = usize::MAX;
    for item in dir {
        if item == name {
            continue;
        }
        // No more than 1/3 of the involved characters should need changed.
        let max_distance = ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best.cloned()
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn levenshtein_distance<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer = [0usize; MAX_STRING_SIZE];
    let mut tmp = MOVE_COST;
    for slot in buffer.iter_mut().take(a.len()) {
        *slot = tmp;
        tmp += MOVE_COST;
    }
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// CPython 3.11's `builtins.__dict__`, in its order.
const BUILTINS: &str = "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ascii bin breakpoint callable chr compile delattr dir divmod eval exec format getattr globals hasattr hash hex id input isinstance issubclass iter aiter len locals max min next anext oct ord pow print repr round setattr sorted sum vars None Ellipsis NotImplemented False True bool memoryview bytearray bytes classmethod complex dict enumerate filter float frozenset property int list map object range reversed set slice staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup Exception GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError BufferError EOFError ImportError LookupError MemoryError NameError OSError ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning FloatingPointError OverflowError ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning UnicodeWarning UserWarning BlockingIOError ChildProcessError ConnectionError FileExistsError FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError IndentationError IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError IOError open quit exit copyright credits license help";

/// `dir()` of an instance of a plain class, besides its own and its classes' attributes.
const OBJECT_DIR: &str = "__class__ __delattr__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __module__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__ __weakref__";

/// CPython 3.11's `dir()` of the builtin types' values.
fn builtin_dir(type_name: &str) -> Option<&'static str> {
    Some(match type_name {
        "str" => "__add__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __mod__ __mul__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __rmod__ __rmul__ __setattr__ __sizeof__ __str__ __subclasshook__ capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill",
        "list" => "__add__ __class__ __class_getitem__ __contains__ __delattr__ __delitem__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getitem__ __getstate__ __gt__ __hash__ __iadd__ __imul__ __init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __reversed__ __rmul__ __setattr__ __setitem__ __sizeof__ __str__ __subclasshook__ append clear copy count extend index insert pop remove reverse sort",
        "dict" => "__class__ __class_getitem__ __contains__ __delattr__ __delitem__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __ior__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __reduce__ __reduce_ex__ __repr__ __reversed__ __ror__ __setattr__ __setitem__ __sizeof__ __str__ __subclasshook__ clear copy fromkeys get items keys pop popitem setdefault update values",
        "int" => "__abs__ __add__ __and__ __bool__ __ceil__ __class__ __delattr__ __dir__ __divmod__ __doc__ __eq__ __float__ __floor__ __floordiv__ __format__ __ge__ __getattribute__ __getnewargs__ __getstate__ __gt__ __hash__ __index__ __init__ __init_subclass__ __int__ __invert__ __le__ __lshift__ __lt__ __mod__ __mul__ __ne__ __neg__ __new__ __or__ __pos__ __pow__ __radd__ __rand__ __rdivmod__ __reduce__ __reduce_ex__ __repr__ __rfloordiv__ __rlshift__ __rmod__ __rmul__ __ror__ __round__ __rpow__ __rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __truediv__ __trunc__ __xor__ as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes",
        "float" => "__abs__ __add__ __bool__ __ceil__ __class__ __delattr__ __dir__ __divmod__ __doc__ __eq__ __float__ __floor__ __floordiv__ __format__ __ge__ __getattribute__ __getformat__ __getnewargs__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __int__ __le__ __lt__ __mod__ __mul__ __ne__ __neg__ __new__ __pos__ __pow__ __radd__ __rdivmod__ __reduce__ __reduce_ex__ __repr__ __rfloordiv__ __rmod__ __rmul__ __round__ __rpow__ __rsub__ __rtruediv__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __truediv__ __trunc__ as_integer_ratio conjugate fromhex hex imag is_integer real",
        "tuple" => "__add__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __rmul__ __setattr__ __sizeof__ __str__ __subclasshook__ count index",
        "set" => "__and__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __iand__ __init__ __init_subclass__ __ior__ __isub__ __iter__ __ixor__ __le__ __len__ __lt__ __ne__ __new__ __or__ __rand__ __reduce__ __reduce_ex__ __repr__ __ror__ __rsub__ __rxor__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __xor__ add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset pop remove symmetric_difference symmetric_difference_update union update",
        "frozenset" => "__and__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __rand__ __reduce__ __reduce_ex__ __repr__ __ror__ __rsub__ __rxor__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __xor__ copy difference intersection isdisjoint issubset issuperset symmetric_difference union",
        "bytes" => "__add__ __bytes__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __mod__ __mul__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __rmod__ __rmul__ __setattr__ __sizeof__ __str__ __subclasshook__ capitalize center count decode endswith expandtabs find fromhex hex index isalnum isalpha isascii isdigit islower isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill",
        "bool" => "__abs__ __add__ __and__ __bool__ __ceil__ __class__ __delattr__ __dir__ __divmod__ __doc__ __eq__ __float__ __floor__ __floordiv__ __format__ __ge__ __getattribute__ __getnewargs__ __getstate__ __gt__ __hash__ __index__ __init__ __init_subclass__ __int__ __invert__ __le__ __lshift__ __lt__ __mod__ __mul__ __ne__ __neg__ __new__ __or__ __pos__ __pow__ __radd__ __rand__ __rdivmod__ __reduce__ __reduce_ex__ __repr__ __rfloordiv__ __rlshift__ __rmod__ __rmul__ __ror__ __round__ __rpow__ __rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __truediv__ __trunc__ __xor__ as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes",
        "NoneType" => "__bool__ __class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__",
        _ => return None,
    })
}
