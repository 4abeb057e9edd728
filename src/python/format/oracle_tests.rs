//! CPython as the oracle. Each case is one line, `op<TAB>arg<TAB>arg…`; python3 (the script
//! below) and our functions both answer each line with `= result` or `! Exception: message`.
//! `oracle_expected.txt` holds python3 3.11's answers, so the comparison runs everywhere; when
//! `python3` is on PATH a second test checks those recorded answers against it live.
//! To re-record: `INTERLEAVE_RECORD_ORACLE=1 cargo test --lib python::format::oracle`.

use super::oracle_cases::cases;
use super::spec::Target;
use super::*;

/// Escapes backslashes and control characters so that a case or answer stays one line of text.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn unesc(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).unwrap_or('?'));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The Python side of the line protocol, shared by the format and random oracle scripts.
const PY_PRELUDE: &str = r#"
import sys
print('3.11' if sys.version_info[:2] == (3, 11) else 'other')
def esc(s):
    s = s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')
    return ''.join('\\x%02x' % ord(c) if ord(c) < 32 or c == '\x7f' else c for c in s)
def unesc(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            if n == 'x':
                out.append(chr(int(s[i + 2:i + 4], 16))); i += 4
            else:
                out.append({'t': '\t', 'n': '\n'}.get(n, n)); i += 2
        else:
            out.append(c); i += 1
    return ''.join(out)
I64 = (-2**63, 2**63 - 1)
def show(v):
    if isinstance(v, bool): return repr(v)
    if isinstance(v, int):
        if not I64[0] <= v <= I64[1]:
            raise OverflowError("integer too large: this interpreter's ints are 64-bit")
        return repr(v)
    if isinstance(v, complex): raise NotImplementedError
    if isinstance(v, tuple): return '(' + ', '.join(show(x) for x in v) + ')'
    if isinstance(v, list): return '[' + ', '.join(show(x) for x in v) + ']'
    return repr(v) if not isinstance(v, str) else v
def answer(f):
    try:
        return '= ' + esc(show(f()))
    except NotImplementedError:
        return '! Unsupported'
    except Exception as e:
        return '! %s: %s' % (type(e).__name__, esc(str(e)))
"#;

const PY_FORMAT: &str = r#"
def pct(fmt, *args):
    vals = []
    for a in args:
        k, v = a[0], a[2:]
        vals.append(int(v) if k == 'i' else float(v) if k == 'f' else v == 'True' if k == 'b' else v)
    return fmt % tuple(vals)
OPS = {
    'repr': lambda x: repr(float(x)),
    'fmt_int': lambda i, s: format(int(i), s),
    'fmt_bool': lambda b, s: format(b == 'True', s),
    'fmt_float': lambda x, s: format(float(x), s),
    'fmt_str': lambda v, s: format(v, s),
    'pct': pct,
    'floordiv': lambda a, b: int(a) // int(b),
    'mod': lambda a, b: int(a) % int(b),
    'divmod': lambda a, b: divmod(int(a), int(b)),
    'truediv': lambda a, b: int(a) / int(b),
    'pow': lambda a, b: int(a) ** int(b),
    'powmod': lambda a, b, m: pow(int(a), int(b), int(m)),
    'ffloordiv': lambda a, b: float(a) // float(b),
    'fmod': lambda a, b: float(a) % float(b),
    'fdivmod': lambda a, b: divmod(float(a), float(b)),
    'fdiv': lambda a, b: float(a) / float(b),
    'fpow': lambda a, b: float(a) ** float(b),
    'round': lambda x, n: round(float(x), int(n)),
    'roundi': lambda x: round(float(x)),
    'roundint': lambda i, n: round(int(i), int(n)),
    'hash_i': lambda i: hash(int(i)),
    'hash_f': lambda x: hash(float(x)),
    'int': lambda s, b: int(s, int(b)),
    'float': lambda s: float(s),
    'bases': lambda i: ' '.join([bin(int(i)), oct(int(i)), hex(int(i))]),
    'trunc': lambda x: int(float(x)),
    'cmp': lambda i, x: (int(i) < float(x), int(i) == float(x), int(i) > float(x)),
    'isint': lambda x: float(x).is_integer(),
}
for line in sys.stdin:
    op, *args = [unesc(a) for a in line.rstrip('\n').split('\t')]
    print(answer(lambda: OPS[op](*args)))
"#;

/// Runs python3 with `script` (which starts with [`PY_PRELUDE`]) on `cases`; `None` if python3
/// is not there or is not 3.11.
fn run_python(script: &str, cases: &[String]) -> Option<Vec<String>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child =
        Command::new("python3").args(["-c", script]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().ok()?;
    let mut input = cases.join("\n");
    input.push('\n');
    let mut stdin = child.stdin.take()?;
    // Write from a thread: python answers while we write, and both pipes have limits.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    assert!(out.status.success(), "python3 failed");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    // The expectations are 3.11's (3.12 changed messages): another version is no oracle.
    if lines.next() != Some("3.11") {
        eprintln!("python3 is not 3.11: skipping the live comparison");
        return None;
    }
    Some(lines.map(str::to_string).collect())
}

/// Our answer line for a result.
pub(crate) fn line(r: Result<String, Raise>) -> String {
    match r {
        Ok(s) => format!("= {}", esc(&s)),
        Err(e) if e.kind == Exc::Unsupported => "! Unsupported".to_string(),
        Err(e) => format!("! {:?}: {}", e.kind, esc(&e.msg)),
    }
}

fn int(s: &str) -> i64 {
    s.parse().unwrap_or_else(|_| panic!("bad int in case: {s}"))
}
fn float(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("bad float in case: {s}"))
}
fn pair<A: ToString, B: ToString>((a, b): (A, B)) -> String {
    format!("({}, {})", a.to_string(), b.to_string())
}
fn repr_pair((a, b): (f64, f64)) -> String {
    format!("({}, {})", float_repr(a), float_repr(b))
}
fn py_bool(b: bool) -> String {
    if b { "True" } else { "False" }.to_string()
}

/// A `%` format with the caller's side done the simple way (a tuple of arguments).
fn pct(fmt: &str, args: &[&str]) -> Result<String, Raise> {
    let mut args = args.iter().map(|a| {
        let (k, v) = a.split_at(2);
        match &k[..1] {
            "i" => PercentArg::Int(int(v)),
            "f" => PercentArg::Float(float(v)),
            "b" => PercentArg::Int(i64::from(v == "True")),
            _ => PercentArg::Str(v.to_string()),
        }
    });
    let not_enough = || Raise::type_error("not enough arguments for format string");
    let mut out = String::new();
    for piece in parse_percent(fmt) {
        match piece {
            Piece::Literal(s) => out.push_str(&s),
            Piece::Fail(e) => return Err(e),
            Piece::Spec(spec) => {
                let mut count = |c: Option<percent::Count>| -> Result<Option<i64>, Raise> {
                    Ok(match c {
                        None => None,
                        Some(percent::Count::Num(n)) => Some(n as i64),
                        Some(percent::Count::Star) => match args.next().ok_or_else(not_enough)? {
                            PercentArg::Int(i) => Some(i),
                            _ => return Err(Raise::type_error("* wants int")),
                        },
                    })
                };
                let width = count(spec.width)?;
                let precision = count(spec.precision)?;
                let arg = args.next().ok_or_else(not_enough)?;
                let arg = match (spec.conv, arg) {
                    ('r', PercentArg::Str(s)) => PercentArg::Str(py_str_repr(&s)),
                    (_, a) => a,
                };
                out.push_str(&percent_one(&spec, width, precision, arg)?);
            }
        }
    }
    if args.next().is_some() {
        return Err(Raise::type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// Our answer for one case line.
fn ours(case: &str) -> String {
    let parts: Vec<String> = case.split('\t').map(unesc).collect();
    let a: Vec<&str> = parts.iter().map(String::as_str).collect();
    let r: Result<String, Raise> = match a[0] {
        "repr" => Ok(float_repr(float(a[1]))),
        "fmt_int" => parse_spec(a[2], Target::Int).and_then(|s| format_int(int(a[1]), &s)),
        "fmt_bool" => parse_spec(a[2], Target::Bool).and_then(|s| format_bool(a[1] == "True", &s)),
        "fmt_float" => parse_spec(a[2], Target::Float).and_then(|s| format_float(float(a[1]), &s)),
        "fmt_str" => parse_spec(a[2], Target::Str).and_then(|s| format_str(a[1], &s)),
        "pct" => pct(a[1], &a[2..]),
        "floordiv" => int_floordiv(int(a[1]), int(a[2])).map(|v| v.to_string()),
        "mod" => int_mod(int(a[1]), int(a[2])).map(|v| v.to_string()),
        "divmod" => int_divmod(int(a[1]), int(a[2])).map(pair),
        "truediv" => int_truediv(int(a[1]), int(a[2])).map(float_repr),
        "pow" => int_pow(int(a[1]), int(a[2])).map(|v| match v {
            IntOrFloat::Int(i) => i.to_string(),
            IntOrFloat::Float(x) => float_repr(x),
        }),
        "powmod" => int_pow_mod(int(a[1]), int(a[2]), int(a[3])).map(|v| v.to_string()),
        "ffloordiv" => float_floordiv(float(a[1]), float(a[2])).map(float_repr),
        "fmod" => float_mod(float(a[1]), float(a[2])).map(float_repr),
        "fdivmod" => float_divmod(float(a[1]), float(a[2])).map(repr_pair),
        "fdiv" => float_truediv(float(a[1]), float(a[2])).map(float_repr),
        "fpow" => float_pow(float(a[1]), float(a[2])).map(float_repr),
        "round" => round_float(float(a[1]), int(a[2])).map(float_repr),
        "roundi" => round_to_int(float(a[1])).map(|v| v.to_string()),
        "roundint" => round_int(int(a[1]), int(a[2])).map(|v| v.to_string()),
        "hash_i" => Ok(hash_int(int(a[1])).to_string()),
        "hash_f" => Ok(hash_float(float(a[1])).to_string()),
        "int" => parse_int(a[1], int(a[2]) as u32).map(|v| v.to_string()),
        "float" => parse_float(a[1]).map(float_repr),
        "bases" => {
            let i = int(a[1]);
            Ok(format!("{} {} {}", int_to_base(i, 2), int_to_base(i, 8), int_to_base(i, 16)))
        }
        "trunc" => float_to_int_trunc(float(a[1])).map(|v| v.to_string()),
        "cmp" => {
            let o = cmp_int_float(int(a[1]), float(a[2]));
            let is = |want| py_bool(o == Some(want));
            use std::cmp::Ordering::*;
            Ok(format!("({}, {}, {})", is(Less), is(Equal), is(Greater)))
        }
        "isint" => Ok(py_bool(float_is_integer(float(a[1])))),
        other => panic!("unknown op {other}"),
    };
    line(r)
}

const EXPECTED: &str = include_str!("oracle_expected.txt");

/// Compares answers line by line and lists every difference.
fn compare(cases: &[String], got: &[String], want: &[String], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: {} answers for {} cases", want.len(), cases.len());
    let diffs: Vec<String> = cases
        .iter()
        .zip(got.iter().zip(want))
        .filter(|(_, (g, w))| g != w)
        .map(|(c, (g, w))| {
            let cut = |s: &str| s.chars().take(300).collect::<String>();
            format!("case  {}\n  ours {}\n  want {}", cut(c), cut(g), cut(w))
        })
        .collect();
    assert!(diffs.is_empty(), "{what}: {} of {} differ:\n{}", diffs.len(), cases.len(), diffs.join("\n"));
}

/// Our answers against the recorded ones.
pub(crate) fn check_recorded(cases: &[String], ours: impl Fn(&str) -> String, expected: &str) {
    let got: Vec<String> = cases.iter().map(|c| ours(c)).collect();
    let want: Vec<String> = expected.lines().map(str::to_string).collect();
    compare(cases, &got, &want, "recorded CPython 3.11");
}

/// The recorded answers against python3 3.11 live (skipped without it); with
/// `INTERLEAVE_RECORD_ORACLE` set, first writes python3's answers to `record_to` (a path from the
/// crate root).
pub(crate) fn check_live(cases: &[String], script: &str, expected: &str, record_to: &str) {
    let Some(live) = run_python(&format!("{PY_PRELUDE}{script}"), cases) else {
        eprintln!("python3 3.11 not found: skipping the live comparison");
        return;
    };
    if std::env::var_os("INTERLEAVE_RECORD_ORACLE").is_some() {
        let path = format!("{}/{record_to}", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(path, live.join("\n") + "\n").expect("write the recording");
    }
    let want: Vec<String> = expected.lines().map(str::to_string).collect();
    compare(cases, &want, &live, "recorded answers vs live python3");
}

#[test]
fn format_matches_recorded_cpython() {
    check_recorded(&cases(), ours, EXPECTED);
}

#[test]
fn format_matches_live_python3() {
    check_live(&cases(), PY_FORMAT, EXPECTED, "src/python/format/oracle_expected.txt");
}
