//! Interleave's notes (its own words beside the output, where it differs from CPython on
//! purpose) stay notes when a `to_thread` copy of the program gives them: they are never part
//! of the program's stderr, and the run says each once.
#![cfg(not(target_arch = "wasm32"))]
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::rc::Rc;

use interleave::python::interp::{Limits, Stream};
use interleave::python::program::{start, Program};
use interleave::runtime::Runtime;

/// The page's counting allocator: the memory cap needs it.
#[global_allocator]
static HEAP: interleave::python::heap::Counting = interleave::python::heap::Counting;

/// Runs `source` to its end: what it printed to stdout, to stderr, and the notes.
fn run(source: &str) -> (String, String, Vec<String>) {
    let program = Program::compile(source).unwrap();
    let printed: Rc<RefCell<(String, String, Vec<String>)>> = Rc::default();
    let sink = {
        let printed = printed.clone();
        Rc::new(move |stream: Stream, line: &str| {
            let mut p = printed.borrow_mut();
            match stream {
                Stream::Stdout => p.0.push_str(&format!("{line}\n")),
                Stream::Stderr => p.1.push_str(&format!("{line}\n")),
                Stream::Note => p.2.push(line.to_string()),
            }
        })
    };
    let rt = Runtime::new_virtual();
    let interp = start(&rt, &program, Limits::default(), sink);
    rt.run_until_end();
    drop(interp);
    drop(rt);
    let out = printed.borrow().clone();
    out
}

fn clock_notes(notes: &[String]) -> usize {
    notes.iter().filter(|n| n.starts_with("Times of day here are UTC")).count()
}

#[test]
fn a_note_given_in_a_to_thread_copy_stays_a_note() {
    let (out, err, notes) = run(
        "import asyncio, time\ndef stamp():\n    return time.strftime(\"%Y\") > \"2000\"\nasync def main():\n    print(await asyncio.to_thread(stamp))\nasyncio.run(main())\n",
    );
    assert_eq!((out.as_str(), err.as_str()), ("True\n", ""));
    assert_eq!(clock_notes(&notes), 1, "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("copy of the program")), "{notes:?}");
}

#[test]
fn the_clock_note_is_said_once_for_the_program_and_its_copies() {
    let (out, err, notes) = run(
        "import asyncio, time\ndef stamp(n):\n    return time.strftime(\"%H:%M\") + f\" {n}\"\nprint(time.strftime(\"%Y\"))\nasync def main():\n    print(await asyncio.to_thread(stamp, 1))\n    print(await asyncio.to_thread(stamp, 2))\nasyncio.run(main())\n",
    );
    assert_eq!((out.as_str(), err.as_str()), ("2026\n00:00 1\n00:00 2\n", ""));
    assert_eq!(clock_notes(&notes), 1, "{notes:?}");
}

#[test]
fn a_copy_that_says_it_first_keeps_the_program_from_saying_it_again() {
    let (_, err, notes) = run(
        "import asyncio, time\ndef stamp():\n    return time.strftime(\"%Y\")\nasync def main():\n    print(await asyncio.to_thread(stamp))\n    print(time.ctime())\nasyncio.run(main())\n",
    );
    assert_eq!(err, "");
    assert_eq!(clock_notes(&notes), 1, "{notes:?}");
}

fn traceback_notes(notes: &[String]) -> usize {
    notes.iter().filter(|n| n.starts_with("Tracebacks here list only your program's own lines")).count()
}

#[test]
fn the_first_traceback_printed_says_once_what_it_leaves_out() {
    // Two tracebacks (one printed by the program, one as it ends): one note, never in stderr.
    let (out, err, notes) = run(
        "import asyncio, traceback\nasync def fail():\n    raise ValueError('boom')\nasync def main():\n    try:\n        await fail()\n    except ValueError:\n        traceback.print_exc()\n    await fail()\nasyncio.run(main())\n",
    );
    assert_eq!(out, "");
    assert_eq!(err.matches("Traceback (most recent call last):").count(), 2, "{err}");
    assert!(!err.contains("Tracebacks here"), "{err}");
    assert_eq!(traceback_notes(&notes), 1, "{notes:?}");
}

#[test]
fn a_program_that_prints_no_traceback_gets_no_traceback_note() {
    let (out, err, notes) = run("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', e)\n");
    assert_eq!((out.as_str(), err.as_str()), ("caught division by zero\n", ""));
    assert_eq!(traceback_notes(&notes), 0, "{notes:?}");
}
