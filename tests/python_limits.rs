//! The engine's guards against programs that would hurt the page, natively: deep data is
//! dropped without deep native recursion (in the page the native stack is the browser's).
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::rc::Rc;

use interleave::python::interp::{Limits, Stream};
use interleave::python::program::{start, Program};
use interleave::runtime::Runtime;

fn run_on_small_stack(source: &'static str) -> (String, i64) {
    std::thread::Builder::new()
        .stack_size(512 << 10)
        .spawn(move || {
            let program = Program::compile(source).unwrap();
            let out: Rc<RefCell<String>> = Rc::default();
            let sink = {
                let out = out.clone();
                Rc::new(move |stream: Stream, line: &str| {
                    if stream != Stream::Note {
                        out.borrow_mut().push_str(&format!("{line}\n"));
                    }
                })
            };
            let rt = Runtime::new_virtual();
            let interp = start(&rt, &program, Limits { stack_bytes: 256 << 10, ..Limits::default() }, sink);
            rt.run_until_end();
            let status = interp.exit_code.get().unwrap_or(1);
            drop(interp);
            drop(rt);
            let printed = out.borrow().clone();
            (printed, status)
        })
        .unwrap()
        .join()
        .expect("no stack overflow")
}

#[test]
fn deeply_nested_data_is_dropped_without_deep_recursion() {
    let (out, status) = run_on_small_stack(
        "x = []\nfor i in range(200000):\n    x = [x, {'k': (x,)}]\ny = None\nfor i in range(200000):\n    y = (y, [y])\ndel x, y\nprint('dropped')\n",
    );
    assert_eq!((out.as_str(), status), ("dropped\n", 0));
}

#[test]
fn repr_of_deep_data_is_a_recursion_error() {
    let (out, _) = run_on_small_stack(
        "x = []\nfor i in range(100000):\n    x = [x]\ntry:\n    print(repr(x))\nexcept RecursionError as e:\n    print('caught:', e)\n",
    );
    assert_eq!(out, "caught: maximum recursion depth exceeded while getting the repr of an object\n");
}
