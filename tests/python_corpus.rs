//! The Python corpus (`tests/python/NNN_topic.py`) on the engine, on the virtual clock: each
//! program must print exactly what CPython 3.11 printed (`.out`, `.err`, `.status`, written by
//! `tests/python/oracle.py`). A second test checks, when python3 is 3.11, that those files are
//! still what CPython prints.
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use interleave::python::interp::Limits;
use interleave::python::program::{run_to_end, Printed, Program};

/// Programs the engine does not yet print exactly as CPython does, each with the reason. The
/// test fails when one of them starts to match, so the list only ever shrinks.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    ("002_arithmetic", "complex numbers are not implemented"),
    ("215_numeric_builtins", "complex numbers are not implemented"),
];

/// The stack the engine may use here: deep recursion in debug builds needs far more than the
/// release build's 5.5 KiB a Python call.
const STACK_BYTES: usize = 192 << 20;

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/python exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".py") && name.as_bytes().first().is_some_and(u8::is_ascii_digit)
        })
        .collect();
    programs.sort();
    programs
}

fn expected(program: &Path) -> Printed {
    let read = |ext: &str| std::fs::read_to_string(program.with_extension(ext)).unwrap_or_default();
    Printed { stdout: read("out"), stderr: read("err"), status: read("status").trim().parse().unwrap_or(0) }
}

fn run(source: &str) -> Printed {
    let program = match Program::compile(source) {
        Ok(p) => p,
        Err(e) => return Printed { stdout: String::new(), stderr: e.report, status: 1 },
    };
    run_to_end(&program, Limits { stack_bytes: STACK_BYTES, ..Limits::default() })
}

#[test]
fn every_corpus_program_prints_what_cpython_printed() {
    let programs = corpus();
    assert!(programs.len() >= 200, "the corpus has {} programs", programs.len());
    let outcome = std::thread::Builder::new()
        .stack_size(STACK_BYTES + (32 << 20))
        .spawn(move || {
            let mut wrong = Vec::new();
            let mut fixed = Vec::new();
            for path in &programs {
                let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
                let source = std::fs::read_to_string(path).expect("readable program");
                let got = run(&source);
                let want = expected(path);
                let known = KNOWN_DIFFERENCES.iter().any(|(n, _)| *n == name);
                match (got == want, known) {
                    (true, true) => fixed.push(name),
                    (false, false) => wrong.push(format!(
                        "{name}:\n--- CPython\n{}{}[status {}]\n--- engine\n{}{}[status {}]",
                        want.stdout, want.stderr, want.status, got.stdout, got.stderr, got.status
                    )),
                    _ => {}
                }
            }
            (wrong, fixed)
        })
        .expect("a thread with a deep stack")
        .join();
    let Ok((wrong, fixed)) = outcome else { panic!("the corpus run panicked") };
    assert!(fixed.is_empty(), "these now match CPython: remove them from KNOWN_DIFFERENCES: {fixed:?}");
    assert!(wrong.is_empty(), "{} programs differ from CPython:\n\n{}", wrong.len(), wrong.join("\n\n"));
}

#[test]
fn known_differences_name_corpus_programs() {
    let names: Vec<String> =
        corpus().iter().filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string)).collect();
    for (name, _) in KNOWN_DIFFERENCES {
        assert!(names.iter().any(|n| n == name), "{name} is not in the corpus");
    }
}

/// The committed `.out`/`.err`/`.status` files are what CPython 3.11 prints today
/// (`oracle.py --check`); skipped without python3 3.11, which the oracle reports with status 3.
#[test]
fn corpus_expectations_are_cpythons() {
    let oracle = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/oracle.py");
    let out = match std::process::Command::new("python3").arg(&oracle).arg("--check").output() {
        Ok(out) => out,
        Err(e) => {
            eprintln!("python3 is not available ({e}): skipping");
            return;
        }
    };
    match out.status.code() {
        Some(0) => {}
        Some(3) => eprintln!("{}", String::from_utf8_lossy(&out.stdout)),
        _ => panic!(
            "the corpus's expected output is stale:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}
