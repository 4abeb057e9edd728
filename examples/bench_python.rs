//! The benchmark's native side of the Python engine (`scripts/bench` runs it in a release build):
//! `cargo run --release --example bench_python -- REPS FILE.py...` compiles and runs each program
//! on the virtual clock `REPS` times in this process, timed from outside the program (on the
//! virtual clock `time.perf_counter()` is virtual time), and prints one JSON line per file, the
//! same shape as `bench/python/cpython.py`'s:
//! `{"file", "compile_ms": [...], "total_ms": [...], "cpu_ms": [...], "output"}` — wall times of
//! the compile (parse + lower) and of compile + run, this thread's CPU time for compile + run
//! (steadier than wall time on a loaded machine; Linux only, empty elsewhere), and the first
//! run's output (stdout, stderr, then `status N`).

use std::time::Instant;

use interleave::python::interp::Limits;
use interleave::python::program::{run_to_end, Program};

/// The stack the engine may use, as `examples/python.rs` gives it.
const STACK_BYTES: usize = 240 << 20;

/// Counts the heap as the page does, so the memory cap stops a program here as it would there.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static HEAP: interleave::python::heap::Counting = interleave::python::heap::Counting;

fn main() {
    let mut args = std::env::args().skip(1);
    let reps: usize = match args.next().and_then(|r| r.parse().ok()) {
        Some(r) if r > 0 => r,
        _ => {
            eprintln!("usage: cargo run --release --example bench_python -- REPS FILE.py...");
            std::process::exit(2);
        }
    };
    let files: Vec<String> = args.collect();
    let status = std::thread::Builder::new()
        .stack_size(STACK_BYTES + (16 << 20))
        .spawn(move || bench_all(reps, &files))
        .ok()
        .and_then(|t| t.join().ok())
        .unwrap_or(70);
    std::process::exit(status);
}

fn bench_all(reps: usize, files: &[String]) -> i32 {
    for path in files {
        let source = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return 2;
            }
        };
        let (mut compile_ms, mut total_ms, mut cpu_ms) = (vec![], vec![], vec![]);
        let mut output = None;
        for _ in 0..reps {
            let cpu0 = thread_cpu_ns();
            let t0 = Instant::now();
            let (compiled, out) = once(&source);
            let total = t0.elapsed().as_secs_f64() * 1e3;
            if let (Some(a), Some(b)) = (cpu0, thread_cpu_ns()) {
                cpu_ms.push((b - a) as f64 / 1e6);
            }
            compile_ms.push(compiled);
            total_ms.push(total);
            output.get_or_insert(out);
        }
        println!(
            r#"{{"file": {}, "compile_ms": {}, "total_ms": {}, "cpu_ms": {}, "output": {}}}"#,
            json_str(path),
            json_list(&compile_ms),
            json_list(&total_ms),
            json_list(&cpu_ms),
            json_str(output.as_deref().unwrap_or(""))
        );
    }
    0
}

/// Compiles and runs `source` once: the compile's milliseconds, and what it printed.
fn once(source: &str) -> (f64, String) {
    let t0 = Instant::now();
    let program = Program::compile(source);
    let compiled = t0.elapsed().as_secs_f64() * 1e3;
    let program = match program {
        Ok(p) => p,
        Err(e) => return (compiled, format!("{}status 1", e.report)),
    };
    let out = run_to_end(&program, Limits { stack_bytes: STACK_BYTES, ..Limits::default() });
    (compiled, format!("{}{}status {}", out.stdout, out.stderr, out.status))
}

/// This thread's CPU time in nanoseconds (Linux's schedstat: its first field).
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn json_list(xs: &[f64]) -> String {
    let items: Vec<String> = xs.iter().map(|x| format!("{x:.4}")).collect();
    format!("[{}]", items.join(", "))
}

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
