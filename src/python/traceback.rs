//! Exceptions shown as CPython shows them: `Traceback (most recent call last):`, one entry per
//! frame of the program (frames inside asyncio or the client libraries are not shown, as the
//! corpus's oracle does not show CPython's), chained causes and contexts, and the last line
//! `Type: message`.

use super::interp::{Interp, PyErr};
use super::ops;
use super::value::*;

/// The name a traceback's last line uses: `ValueError`, `MyError`, `asyncio.exceptions.CancelledError`.
pub fn type_name(class: &Class) -> String {
    match &*class.module {
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

/// The whole report for an exception, chain included.
pub fn format_exception(interp: &Interp, e: &PyErr) -> String {
    match e {
        PyErr::Stop(m) => format!("{m}\n"),
        PyErr::Exc(_) => {
            let mut out = String::new();
            let mut seen = Vec::new();
            format_chain(interp, &e.value(), &mut out, &mut seen);
            out
        }
    }
}

fn format_chain(interp: &Interp, v: &Value, out: &mut String, seen: &mut Vec<usize>) {
    let Value::Instance(i) = v else { return };
    let id = v.identity().unwrap_or(0);
    if seen.contains(&id) {
        return;
    }
    seen.push(id);
    if let Some(data) = i.exc() {
        let (cause, context, suppress) = (data.cause.clone(), data.context.clone(), data.suppress_context);
        drop(data);
        if let Some(c) = cause {
            format_chain(interp, &c, out, seen);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if let (Some(c), false) = (context, suppress) {
            format_chain(interp, &c, out, seen);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    let entries = i.exc().map(|d| d.traceback.clone()).unwrap_or_default();
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for t in &entries {
            out.push_str(&format!("  File \"main.py\", line {}, in {}\n", t.line, t.func));
            if let Some(src) = interp.source_line(t.line) {
                let src = src.trim();
                if !src.is_empty() {
                    out.push_str(&format!("    {src}\n"));
                }
            }
        }
    }
    out.push_str(&last_line(interp, v));
    out.push('\n');
}
