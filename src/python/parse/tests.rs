//! Tests of the parsing front end. The table `syntax_errors.txt` holds broken programs and what
//! `python3 main.py` (CPython 3.11) printed for each: `INTERLEAVE_UPDATE_SYNTAX_ERRORS=1 cargo
//! test --lib python::parse::tests::table` rewrites it from python3, and `python_agrees_with_table`
//! re-checks it whenever a python3.11 is on PATH.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::*;
use ruff_python_ast::PythonVersion;
use ruff_python_parser::{Mode, ParseOptions};

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
    // Four python3 processes at a time: each takes a fraction of a second to start.
    let workers = 4;
    std::thread::scope(|scope| {
        for worker in 0..workers {
            let cases = &cases;
            scope.spawn(move || {
                let dir = scratch_dir(&format!("syntax-check-{worker}"));
                for case in cases.iter().skip(worker).step_by(workers) {
                    assert_eq!(cpython(python, &case.source, &dir), case.expected, "python3 on {:?}", case.source);
                }
                let _ = std::fs::remove_dir_all(dir);
            });
        }
    });
}

/// The input shapes that make a parser (or a walk over its tree) recurse, `n` levels deep.
fn deep(shape: &str, n: usize) -> String {
    let r = |s: &str, n: usize| s.repeat(n);
    match shape {
        "parens" => format!("x = {}1{}\n", r("(", n), r(")", n)),
        "lists" => format!("x = {}{}\n", r("[", n), r("]", n)),
        "dicts" => format!("x = {}1{}\n", r("{1: ", n), r("}", n)),
        "unary" => format!("x = {}1\n", r("- ", n)),
        "not" => format!("x = {}1\n", r("not ", n)),
        "plus" => format!("x = 1{}\n", r(" + 1", n)),
        "power" => format!("x = 2{}\n", r(" ** 2", n)),
        "attributes" => format!("x = a{}\n", r(".b", n)),
        "calls" => format!("x = f{}\n", r("()", n)),
        "subscripts" => format!("x = a{}\n", r("[0]", n)),
        "conditional" => format!("x = {}2\n", r("1 if a else ", n)),
        "lambda" => format!("x = {}1\n", r("lambda: ", n)),
        "await" => format!("async def f():\n    x = {}1\n", r("await ", n)),
        "fstring" => format!("x = {}1{}\n", r("f\"{", n), r("}\"", n)),
        "tuple-parens" => format!("x = {}1,{}\n", r("(1, ", n), r(")", n)),
        "walrus" => format!("if {}1{}:\n    pass\n", r("(y := ", n), r(")", n)),
        "comprehension" => format!("x = {}1{}\n", r("[y for y in ", n), r("]", n)),
        "star" => format!("print({}a)\n", r("*", n)),
        "blocks" => {
            let mut s = String::new();
            for i in 0..n {
                s.push_str(&" ".repeat(i));
                s.push_str("if x:\n");
            }
            s.push_str(&" ".repeat(n));
            s.push_str("pass\n");
            s
        }
        "mixed-blocks" => {
            let mut s = String::new();
            for i in 0..n {
                let indent = " ".repeat(i);
                let stmt = ["if x:", "for a in b:", "while y:", "with c:", "try:", "def f():", "class C:"][i % 7];
                s.push_str(&format!("{indent}{stmt}\n"));
            }
            s.push_str(&" ".repeat(n));
            s.push_str("pass\n");
            s
        }
        "one-line-ifs" => format!("{}pass\n", r("if x: ", n)),
        _ => unreachable!("unknown shape {shape}"),
    }
}

const SHAPES: [&str; 21] = [
    "parens",
    "lists",
    "dicts",
    "unary",
    "not",
    "plus",
    "power",
    "attributes",
    "calls",
    "subscripts",
    "conditional",
    "lambda",
    "await",
    "fstring",
    "tuple-parens",
    "walrus",
    "comprehension",
    "star",
    "blocks",
    "mixed-blocks",
    "one-line-ifs",
];

/// The largest `n` the pre-parse limits accept for `shape`.
fn largest_accepted(shape: &str) -> usize {
    let refused = |n: usize| scan(&deep(shape, n), &mut |_| {}).too_deep.is_some();
    let (mut lo, mut hi) = (1, 4096);
    assert!(!refused(lo) && refused(hi), "{shape}: limits at 1 and 4096");
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if refused(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    lo
}

/// Parses `source` on a thread with a 512 KiB stack (half the browser's): a stack overflow
/// would abort the test run.
fn parse_on_small_stack(source: String) -> Result<usize, Vec<SyntaxError>> {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || parse(&source).map(|module| module.body.len()))
        .expect("spawn")
        .join()
        .expect("parse panicked")
}

#[test]
fn deep_inputs_are_parsed_or_refused_on_a_small_stack() {
    for shape in SHAPES {
        let n = largest_accepted(shape);
        let under = parse_on_small_stack(deep(shape, n));
        if let Err(errors) = &under {
            assert!(
                !errors.iter().any(|e| e.message.contains("nested too deeply") || e.message.starts_with("too many")),
                "{shape} at {n}: {:?}",
                errors[0]
            );
        }
        let over = parse_on_small_stack(deep(shape, n + 1)).expect_err(shape);
        let message = &over.last().expect("an error").message;
        let expected: &[&str] = match shape {
            "parens" | "lists" | "tuple-parens" => &["too many nested parentheses"],
            "blocks" | "mixed-blocks" => &["too many levels of indentation"],
            _ => &["nested too deeply"],
        };
        assert!(expected.iter().any(|e| message.contains(e)), "{shape} at {}: {message}", n + 1);
        eprintln!("{shape}: accepted up to {n}");
    }
}

/// The worst case for the depth of the tree: an expression at the nesting limit inside the
/// deepest blocks.
#[test]
fn deepest_expression_in_deepest_blocks_fits_a_small_stack() {
    for shape in ["unary", "attributes", "calls", "conditional", "lambda", "parens", "fstring"] {
        let n = largest_accepted(shape);
        let blocks = deep("mixed-blocks", MAX_INDENT - 2);
        let indent = " ".repeat(MAX_INDENT - 2);
        let expression = deep(shape, n);
        let source = blocks.replace(&format!("{indent}pass\n"), &format!("{indent}{expression}"));
        let parsed = parse_on_small_stack(source);
        if let Err(errors) = &parsed {
            assert!(!errors[0].message.contains("nested too deeply"), "{shape}: {:?}", errors[0]);
        }
    }
}

/// The depth of a tree: statements, expressions, patterns and the clauses between them.
struct Depth {
    current: usize,
    max: usize,
}

impl Depth {
    fn of(module: &ModModule) -> usize {
        let mut depth = Depth { current: 0, max: 0 };
        ruff_python_ast::visitor::Visitor::visit_body(&mut depth, &module.body);
        depth.max
    }

    fn nest(&mut self, walk: impl FnOnce(&mut Self)) {
        self.current += 1;
        self.max = self.max.max(self.current);
        with_stack(|| walk(self));
        self.current -= 1;
    }
}

impl<'a> ruff_python_ast::visitor::Visitor<'a> for Depth {
    fn visit_stmt(&mut self, stmt: &'a ruff_python_ast::Stmt) {
        self.nest(|d| ruff_python_ast::visitor::walk_stmt(d, stmt));
    }
    fn visit_expr(&mut self, expr: &'a ruff_python_ast::Expr) {
        self.nest(|d| ruff_python_ast::visitor::walk_expr(d, expr));
    }
    fn visit_pattern(&mut self, pattern: &'a ruff_python_ast::Pattern) {
        self.nest(|d| ruff_python_ast::visitor::walk_pattern(d, pattern));
    }
    fn visit_except_handler(&mut self, handler: &'a ruff_python_ast::ExceptHandler) {
        self.nest(|d| ruff_python_ast::visitor::walk_except_handler(d, handler));
    }
    fn visit_elif_else_clause(&mut self, clause: &'a ruff_python_ast::ElifElseClause) {
        self.nest(|d| ruff_python_ast::visitor::walk_elif_else_clause(d, clause));
    }
    fn visit_match_case(&mut self, case: &'a ruff_python_ast::MatchCase) {
        self.nest(|d| ruff_python_ast::visitor::walk_match_case(d, case));
    }
    fn visit_comprehension(&mut self, comprehension: &'a ruff_python_ast::Comprehension) {
        self.nest(|d| ruff_python_ast::visitor::walk_comprehension(d, comprehension));
    }
    fn visit_interpolated_string_element(&mut self, element: &'a ruff_python_ast::InterpolatedStringElement) {
        self.nest(|d| ruff_python_ast::visitor::walk_interpolated_string_element(d, element));
    }
}

/// Everything that must hold for any input: no panic; errors render; the tree of any input the
/// limits accept (valid or not: Ruff recovers a tree from broken code too) is within
/// `MAX_TREE_DEPTH`; highlighting covers the source in order.
fn check_any_input(source: &str) {
    match parse(source) {
        Ok(module) => assert!(Depth::of(&module) <= MAX_TREE_DEPTH, "tree too deep"),
        Err(errors) => {
            assert!(!errors.is_empty(), "an Err without errors");
            for error in &errors {
                let text = error.render(source, "main.py");
                assert!(text.ends_with(&format!("{}: {}\n", error.kind.name(), error.message)), "{text}");
                assert!(error.line >= 1, "{error:?}");
            }
        }
    }
    if scan(source, &mut |_| {}).too_deep.is_none() {
        let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY312);
        let parsed = ruff_python_parser::parse_unchecked(source, options);
        if let Some(parsed) = parsed.try_into_module() {
            let depth = Depth::of(parsed.syntax());
            assert!(depth <= MAX_TREE_DEPTH, "Ruff's tree is {depth} deep (bound {MAX_TREE_DEPTH})");
        }
    }
    let spans = crate::python::highlight::classify(source);
    let mut end = 0;
    for span in &spans {
        assert!(span.start >= end && span.start < span.end && span.end <= source.len(), "{span:?} after {end}");
        assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end), "{span:?}");
        end = span.end;
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// `INTERLEAVE_FUZZ_INPUTS=1000000 cargo test --release --lib python::parse::tests::fuzz` for the
/// long run (and `INTERLEAVE_FUZZ_SEED` for other inputs); 10,000 by default (about 20 s in a
/// debug build).
#[test]
fn fuzz() {
    let count = env_number("INTERLEAVE_FUZZ_INPUTS", 10_000);
    let seed = env_number("INTERLEAVE_FUZZ_SEED", 1);
    // Half the browser's stack, so an input that recursed too deeply would abort the run.
    let run = std::thread::Builder::new().stack_size(512 * 1024).spawn(move || {
        let start = Instant::now();
        let mut errors = 0u64;
        for (i, source) in crate::python::fuzz_inputs::Inputs::new(seed).take(count as usize).enumerate() {
            let outcome = std::panic::catch_unwind(|| check_any_input(&source));
            assert!(outcome.is_ok(), "input {i} (seed {seed}) failed: {:?}", source);
            errors += u64::from(parse(&source).is_err());
        }
        eprintln!("fuzz: {count} inputs ({errors} with syntax errors) in {:.1?}", start.elapsed());
    });
    run.expect("spawn").join().expect("fuzz run");
}

#[test]
fn seed_programs_parse() {
    for seed in crate::python::fuzz_inputs::SEEDS {
        if let Err(errors) = parse(seed) {
            panic!("{}\n{seed}", errors[0].render(seed, "main.py"));
        }
    }
}

/// Valid programs that come close to the errors: none may be refused.
#[test]
fn valid_programs_parse() {
    let programs = [
        "async def f():\n    return [await x for x in y]\n",
        "async def f():\n    async for x in y:\n        break\n    else:\n        pass\n",
        "async def f():\n    async with a as b, c:\n        await b\n",
        "async def f():\n    return [x async for x in y]\n",
        "def f():\n    yield 1\n    return 2\n",
        "async def f():\n    yield 1\n    return\n",
        "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n    return inner\n",
        "x = 0\ndef f():\n    global x\n    x = 1\n",
        "while True:\n    try:\n        break\n    finally:\n        pass\n",
        "for x in y:\n    def f():\n        pass\n    continue\n",
        "f = lambda: (yield)\n",
        "class A:\n    async def m(self):\n        await self.n()\n",
        "if (n := 10) > 5:\n    print(f'{n=}', f\"{'a' if n else 'b'}\", f'{n:{n}.{n}}')\n",
        "print(*a, **k, sep='')\n",
        "x = (\n    1,\n    2,\n)\n",
        "x = [\n    1,\n    2\n]\n",
        "match p:\n    case [x, *rest]:\n        pass\n    case {'k': v}:\n        pass\n    case Point(x=0):\n        pass\n",
        "try:\n    pass\nexcept* ValueError:\n    pass\n",
        "def f(a, /, b, *, c=1, **k) -> int:\n    return a\n",
        "@a.b(c)\n@d\nclass C(B, metaclass=M):\n    x: int = 1\n",
        "s = '''\nmulti\nline'''\nb = b'\\x00'\nr = r'\\d'\n",
        "x = 1 if y else 2\nz = not x\nw = -x ** 2\n",
        "del a[0], b.c\n",
        "with (open(a) as f, open(b) as g):\n    pass\n",
        "x = {**a, 'b': 1}\ny = {*a, 1}\n",
        "print(f\"{x!r:>{width}}\")\n",
        "type = 1\nmatch = 2\ncase = 3\nprint(type, match, case)\n",
        "if x:\n\tpass\n",
        "\u{feff}print('bom')\n",
        "x = 1\r\nif x:\r\n    print(x)\r\n",
        "x = 1\rif x:\r    print(x)\r",
        "print('no newline at the end')",
        "",
        "\n\n# only a comment\n",
        "x = 1 \\\n    + 2\n",
        "nonlocal_ = 1\nawait_ = 2\n",
        "def f():\n    return await_ + 1\n",
        "é = 1\nprint(é)\n",
        "x = 1if y else 2\n",
    ];
    for program in programs {
        if let Err(errors) = parse(program) {
            panic!("{:?}:\n{}", program, errors[0].render(program, "main.py"));
        }
    }
}

/// CRLF and tabs: the same errors at the same places as with `\n` and spaces.
#[test]
fn crlf_and_tabs() {
    let lf = "x = 1\nif x\n    print(x)\n";
    let crlf = lf.replace('\n', "\r\n");
    let first = |s: &str| parse(s).expect_err("an error").remove(0);
    assert_eq!(first(lf), first(&crlf));
    assert_eq!(first(&crlf).render(&crlf, "main.py"), first(lf).render(lf, "main.py"));
    let tabs = "if x:\n\tif y:\n\t\tpass\n\telse:\n\t\tpass\n";
    assert!(parse(tabs).is_ok());
}

#[test]
fn hints() {
    let hint = |source: &str| parse(source).expect_err(source).remove(0).hint.unwrap_or_default();
    assert_eq!(
        hint("await foo()\n"),
        "`await` only works inside `async def`. To run a coroutine from the top level, use asyncio.run(main())."
    );
    assert_eq!(hint("def f():\n    await foo()\n"), hint("await foo()\n"));
    assert_eq!(
        hint("if x\n    pass\n"),
        "Lines that start a block (if, for, while, def, class, with, try) end with a colon."
    );
    assert_eq!(hint("if x:\npass\n"), "Indent the lines inside a block by the same amount (4 spaces is usual).");
    assert_eq!(hint("  x = 1\n"), hint("if x:\npass\n"));
    assert_eq!(hint("if x:\n        a\n    b\n"), hint("if x:\npass\n"));
    assert!(hint("print((1)\n").contains("closing"));
    assert!(hint("x = 'abc\n").contains("same quote"));
    assert!(hint("print \"x\"\n").contains("print(\"hello\")"));
    assert!(hint("if x = 1:\n    pass\n").contains("=="));
    assert!(hint("foo(a b)\n").contains("commas"));
    assert!(hint("x = “a”\n").contains("curly quote"));
    assert!(hint("break\n").contains("loop"));
    assert!(hint("return 1\n").contains("function"));
    assert!(hint("async with a:\n    pass\n").contains("async def"));
    assert!(hint("x = 1 +\n").contains("expression"));
    for source in ["1 = x\n", "x = 1\n  y = 2\n", "\tif x:\n        pass\n"] {
        assert!(!hint(source).is_empty(), "{source:?}");
    }
}

/// The renderer's CPython quirks, on hand-made errors.
#[test]
fn render_quirks() {
    let error = |kind, (line, column), (end_line, end_column), byte_columns| SyntaxError {
        kind,
        line,
        column,
        end_line,
        end_column,
        message: "m".into(),
        hint: None,
        byte_columns,
    };
    let source = "  ab = 'é' + x\nnext\n";
    // Indentation is stripped and the caret moved with it; IndentationError has one caret.
    assert_eq!(
        error(ErrorKind::Syntax, (1, 3), (1, 5), false).render(source, "f.py"),
        "  File \"f.py\", line 1\n    ab = 'é' + x\n    ^^\nSyntaxError: m\n"
    );
    assert_eq!(
        error(ErrorKind::Indentation, (1, 3), (1, 5), false).render(source, "f.py"),
        "  File \"f.py\", line 1\n    ab = 'é' + x\n    ^\nIndentationError: m\n"
    );
    // A caret inside the indentation is not drawn; column 0 means none.
    assert_eq!(error(ErrorKind::Tab, (1, 1), (1, 0), false).render(source, "f.py").lines().count(), 3);
    assert_eq!(error(ErrorKind::Syntax, (1, 0), (1, 0), false).render(source, "f.py").lines().count(), 3);
    // `x` is the 14th character; with byte columns (after the two bytes of `é`) the caret is one
    // further right.
    assert_eq!(
        error(ErrorKind::Syntax, (1, 14), (1, 15), false).render(source, "f.py").lines().nth(2),
        Some("               ^")
    );
    assert_eq!(
        error(ErrorKind::Syntax, (1, 14), (1, 15), true).render(source, "f.py").lines().nth(2),
        Some("                ^")
    );
    // Over several lines: carets to the end of the first line, its newline counted.
    assert_eq!(
        error(ErrorKind::Syntax, (1, 13), (2, 2), false).render(source, "f.py").lines().nth(2),
        Some("              ^^^")
    );
    // Past the end of the source: no line shown.
    assert_eq!(
        error(ErrorKind::Syntax, (9, 1), (9, 2), false).render(source, "f.py"),
        "  File \"f.py\", line 9\nSyntaxError: m\n"
    );
}

/// A megabyte of valid code parses, and a megabyte of broken code is answered, in reasonable
/// time (natively in release: about 100 ms and 30 ms; debug builds are several times slower).
#[test]
fn a_megabyte() {
    let mut source = String::new();
    while source.len() < 1_000_000 {
        for seed in crate::python::fuzz_inputs::SEEDS {
            source.push_str(seed);
        }
    }
    let start = Instant::now();
    let parsed = parse(&source);
    let took = start.elapsed();
    assert!(parsed.is_ok());
    let broken = source.replace("print(", "print(("); // every call now unclosed
    let start = Instant::now();
    let errors = parse(&broken).expect_err("broken");
    let took_broken = start.elapsed();
    assert_eq!(errors[0].message, "'(' was never closed");
    eprintln!("1 MB: {took:.1?} valid, {took_broken:.1?} broken");
    assert!(took < Duration::from_secs(20) && took_broken < Duration::from_secs(20));
}
