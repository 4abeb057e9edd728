//! Tests of the parsing front end. The table `syntax_errors.txt` holds broken programs and what
//! `python3 main.py` (CPython 3.11) printed for each: `INTERLEAVE_UPDATE_SYNTAX_ERRORS=1 cargo
//! test --lib python::parse::tests::table` rewrites it from python3, and `python_agrees_with_table`
//! re-checks it whenever a python3.11 is on PATH.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::*;

const TABLE: &str = include_str!("syntax_errors.txt");

/// One table entry: a program and CPython's output for it.
struct Case {
    source: String,
    expected: String,
}

fn cases() -> (String, Vec<Case>) {
    let mut header = String::new();
    let mut cases: Vec<Case> = Vec::new();
    for line in TABLE.lines() {
        if let Some(source) = line.strip_prefix("=== ") {
            cases.push(Case { source: unescape(source), expected: String::new() });
        } else if let Some(case) = cases.last_mut() {
            case.expected.push_str(line);
            case.expected.push('\n');
        } else {
            header.push_str(line);
            header.push('\n');
        }
    }
    (header, cases)
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('f') => out.push('\x0c'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).expect("a \\u{…} escape"));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0c' => out.push_str("\\f"),
            '\0' => out.push_str("\\0"),
            c if !scan::is_printable(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// What we print for `source`: the first error, rendered.
fn ours(source: &str) -> String {
    match parse(source) {
        Ok(_) => "(no error)\n".to_string(),
        Err(errors) => errors.first().map_or("(empty error list)\n".to_string(), |e| e.render(source, "main.py")),
    }
}

#[test]
fn table() {
    if std::env::var_os("INTERLEAVE_UPDATE_SYNTAX_ERRORS").is_some() {
        update_table();
        return;
    }
    let (_, cases) = cases();
    assert!(cases.len() > 100, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got = ours(&case.source);
        if got != case.expected {
            failures.push(format!("--- {}\nexpected:\n{}got:\n{}", escape(&case.source), case.expected, got));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// CPython 3.11 on PATH, if there is one.
fn python311() -> Option<&'static str> {
    let output = Command::new("python3").arg("--version").output().ok()?;
    String::from_utf8_lossy(&output.stdout).starts_with("Python 3.11.").then_some("python3")
}

/// Runs `python3 main.py` on `source` in a fresh directory and returns its stderr.
fn cpython(python: &str, source: &str, dir: &Path) -> String {
    std::fs::create_dir_all(dir).expect("temp dir");
    std::fs::write(dir.join("main.py"), source).expect("write main.py");
    let mut child = Command::new(python)
        .arg("main.py")
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python3");
    // Every case must fail to compile; a valid one would run, so do not wait for ever.
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().expect("wait for python3").is_none() {
        assert!(Instant::now() < deadline, "python3 ran {:?} for 20 s: is it valid Python?", source);
        std::thread::sleep(Duration::from_millis(5));
    }
    let output = child.wait_with_output().expect("python3 output");
    // CPython names the script by its absolute path; the table uses the bare file name.
    let prefix = format!("{}/", dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()).display());
    let stderr = String::from_utf8_lossy(&output.stderr).replacen(&prefix, "", 1);
    assert!(stderr.starts_with("  File \"main.py\""), "python3 accepted {:?}: {stderr}", source);
    stderr
}

fn scratch_dir(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("interleave-{name}-{}", std::process::id()))
}

fn update_table() {
    let python = python311().expect("updating the table needs python3 3.11 on PATH");
    let (header, cases) = cases();
    let dir = scratch_dir("syntax-table");
    let mut out = header;
    for case in &cases {
        out.push_str("=== ");
        out.push_str(&escape(&case.source));
        out.push('\n');
        out.push_str(&cpython(python, &case.source, &dir));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/python/parse/syntax_errors.txt");
    std::fs::write(path, out).expect("write the table");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn python_agrees_with_table() {
    let Some(python) = python311() else {
        eprintln!("skipped: no python3 3.11 on PATH");
        return;
    };
    let (_, cases) = cases();
    let dir = scratch_dir("syntax-check");
    for case in &cases {
        assert_eq!(cpython(python, &case.source, &dir), case.expected, "python3 on {:?}", case.source);
    }
    let _ = std::fs::remove_dir_all(dir);
}
