//! Runs a Python program on the virtual clock and prints what it printed, as CPython would:
//! `cargo run --example python -- FILE.py`. Exit status 1 after an uncaught exception, 130
//! after an uncaught KeyboardInterrupt (as a shell shows CPython's), or the program's own
//! `sys.exit` status.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use interleave::python::interp::{Limits, Stream};
use interleave::python::program::{start, Program};
use interleave::runtime::Runtime;

/// Counts the heap as the page does, so the memory cap stops a program here as it would there.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static HEAP: interleave::python::heap::Counting = interleave::python::heap::Counting;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example python -- FILE.py");
        std::process::exit(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    // Deep Python recursion needs a deep native stack: run on a thread that has one.
    let status = std::thread::Builder::new()
        .stack_size(STACK_BYTES + (16 << 20))
        .spawn(move || run(&source))
        .ok()
        .and_then(|t| t.join().ok())
        .unwrap_or(70);
    std::process::exit(status);
}

/// The stack the engine may use (Python's recursion limit comes first, as in CPython); a debug
/// build's frames are several times larger than the page's release build.
const STACK_BYTES: usize = 240 << 20;

fn run(source: &str) -> i32 {
    let program = match Program::compile(source) {
        Ok(p) => p,
        Err(e) => {
            eprint!("{}", e.report);
            return 1;
        }
    };
    let lines: Rc<RefCell<Vec<(Stream, String)>>> = Rc::default();
    let sink = {
        let lines = lines.clone();
        Rc::new(move |stream: Stream, line: &str| lines.borrow_mut().push((stream, line.to_string())))
    };
    let rt = Runtime::new_virtual();
    let limits = Limits { stack_bytes: STACK_BYTES, ..Limits::default() };
    let interp = start(&rt, &program, limits, sink);
    rt.run_until_end();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    for (stream, line) in lines.borrow().iter() {
        let _ = match stream {
            Stream::Stdout => writeln!(out, "{line}"),
            Stream::Stderr => writeln!(err, "{line}"),
            // Interleave's notes are not the program's output (the page shows them apart).
            Stream::Note => Ok(()),
        };
    }
    interp.exit_code.get().unwrap_or(1) as i32
}
