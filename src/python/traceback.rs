//! Exceptions shown as CPython shows them: `Traceback (most recent call last):`, one entry per
//! frame of the program (frames inside asyncio or the client libraries are not shown, as the
//! corpus's oracle does not show CPython's), chained causes and contexts, and the last line
//! `Type: message`.

use super::interp::{Interp, PyErr};
use super::ops;
use super::value::*;

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
pub fn format_exception(interp: &Interp, e: &PyErr) -> String {
    match e {
        PyErr::Stop(m) => format!("{m}\n"),
        PyErr::Exc(_) => {
            let mut ctx = PrintContext::default();
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
    out.push_str(&exception_only(interp, &e.value()));
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

/// `Type: message`, then the exception's notes, one per line.
fn exception_only(interp: &Interp, v: &Value) -> String {
    let mut out = last_line(interp, v);
    out.push('\n');
    if let Value::Instance(i) = v {
        if let Some(Value::List(notes)) = i.attrs.borrow().get("__notes__") {
            for note in notes.borrow().iter() {
                out.push_str(&ops::str_of(interp, note).unwrap_or_else(|_| "<note str() failed>".into()));
                out.push('\n');
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
                if !stack.is_empty() {
                    ctx.emit("Traceback (most recent call last):\n", '|');
                    ctx.emit(&stack, '|');
                }
                let only = exception_only(interp, &e);
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
    let only = exception_only(interp, e);
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
