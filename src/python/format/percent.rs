//! `%`-formatting (`'%5.2f' % x`), as CPython 3.11's `PyUnicode_Format`.
//!
//! Split between us and the caller: [`parse_percent`] cuts the format string into pieces; the
//! caller walks them in order, fetches each spec's arguments (tuple, single value, `%(key)s`
//! mapping, `*` width and precision), raises its own argument errors ("not enough arguments for
//! format string", "not all arguments converted during string formatting", "format requires a
//! mapping"), and calls [`percent_one`] for each conversion.

use super::digits::{double_to_string, Code, Flags};
use super::parse::{float_to_int_trunc, to_base_digits};
use super::{check_field, Raise};

/// A width or precision: a number, or `*` (taken from the arguments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Star,
    Num(u64),
}

/// The flags `-`, `+`, space, `#`, `0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alt: bool,
    pub zero: bool,
}

/// One conversion: `%(key)#08.3f`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// The conversion character; an unsupported one is only reported by [`percent_one`], after
    /// the caller has fetched its argument, because that is CPython's order of errors.
    pub conv: char,
    /// Where `conv` is in the format string, in characters (for the error message).
    pub index: usize,
}

/// A piece of a `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text to copy (`%%` already turned into `%`).
    Literal(String),
    Spec(PercentSpec),
    /// A malformed spec (`incomplete format`, `incomplete format key`, `width too big`,
    /// `precision too big`): always the last piece. CPython raises it only on reaching it, so
    /// the caller formats (and may fail on) the pieces before it first.
    Fail(Raise),
}

/// Cuts a `%` format string into literal text and conversion specs.
pub fn parse_percent(fmt: &str) -> Vec<Piece> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            literal.push(chars[i]);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'%') {
            literal.push('%');
            i += 2;
            continue;
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
        }
        match parse_spec_at(&chars, &mut i) {
            Ok(spec) => pieces.push(Piece::Spec(spec)),
            Err(e) => {
                pieces.push(Piece::Fail(e));
                return pieces;
            }
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    pieces
}

/// Parses the spec whose `%` is at `*i`, leaving `*i` after its conversion character.
fn parse_spec_at(chars: &[char], i: &mut usize) -> Result<PercentSpec, Raise> {
    let incomplete = || Raise::value("incomplete format");
    *i += 1;
    let mut key = None;
    if chars.get(*i) == Some(&'(') {
        // Parentheses nest: '%(a(b))s' has the key 'a(b)'.
        let start = *i + 1;
        let mut depth = 1;
        *i += 1;
        while depth > 0 {
            match chars.get(*i) {
                None => return Err(Raise::value("incomplete format key")),
                Some('(') => depth += 1,
                Some(')') => depth -= 1,
                Some(_) => {}
            }
            *i += 1;
        }
        key = Some(chars[start..*i - 1].iter().collect());
    }
    let mut flags = PercentFlags::default();
    loop {
        match chars.get(*i) {
            Some('-') => flags.left = true,
            Some('+') => flags.plus = true,
            Some(' ') => flags.space = true,
            Some('#') => flags.alt = true,
            Some('0') => flags.zero = true,
            _ => break,
        }
        *i += 1;
    }
    let width = read_count(chars, i, i64::MAX as u64, "width too big")?;
    let precision = if chars.get(*i) == Some(&'.') {
        *i += 1;
        Some(read_count(chars, i, i32::MAX as u64, "precision too big")?.unwrap_or(Count::Num(0)))
    } else {
        None
    };
    // C length modifiers are accepted and ignored ("%ld").
    if matches!(chars.get(*i), Some('h' | 'l' | 'L')) {
        *i += 1;
    }
    let conv = *chars.get(*i).ok_or_else(incomplete)?;
    *i += 1;
    Ok(PercentSpec { key, flags, width, precision, conv, index: *i - 1 })
}

/// Reads `*` or decimal digits (at most `max`) at `*i`.
fn read_count(chars: &[char], i: &mut usize, max: u64, too_big: &str) -> Result<Option<Count>, Raise> {
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        return Ok(Some(Count::Star));
    }
    let mut n: Option<u64> = None;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        let v = n.unwrap_or(0).saturating_mul(10).saturating_add(u64::from(d));
        if v > max {
            return Err(Raise::value(too_big));
        }
        n = Some(v);
        *i += 1;
    }
    Ok(n.map(Count::Num))
}

/// The argument of one conversion, as the caller has it.
#[derive(Debug, Clone, PartialEq)]
pub enum PercentArg {
    /// An int or a bool (as 0/1).
    Int(i64),
    /// An int past `i64`, as the caller wrote it out for the conversion: its sign, the digits
    /// of its magnitude in the conversion's base, and the float it converts to (`None` past the
    /// float range).
    BigInt {
        negative: bool,
        digits: String,
        float: Option<f64>,
    },
    Float(f64),
    /// For `%s`, `%r`, `%a`: the text the caller made with `str()`, `repr()` or `ascii()` (an
    /// `Int` or `Float` is also accepted there and printed as `str()` prints it). For the other
    /// conversions: a str argument (`%c` takes a one-character str; the rest reject it).
    Str(String),
    /// Any other object, by its type name, for the numeric conversions' messages
    /// (`%d format: a real number is required, not list`); `%s` would print the name itself.
    Other(String),
}

impl PercentArg {
    fn type_name(&self) -> &str {
        match self {
            PercentArg::Int(_) | PercentArg::BigInt { .. } => "int",
            PercentArg::Float(_) => "float",
            PercentArg::Str(_) => "str",
            PercentArg::Other(name) => name,
        }
    }
}

/// Formats one conversion. `width` and `precision` are the spec's, with any `*` already replaced
/// by the caller from the arguments (a negative `*` width left-justifies; a negative `*`
/// precision counts as 0, one outside a C int raises `OverflowError`, as in CPython).
pub fn percent_one(
    spec: &PercentSpec,
    width: Option<i64>,
    precision: Option<i64>,
    arg: PercentArg,
) -> Result<String, Raise> {
    let mut flags = spec.flags;
    let width = match width {
        Some(w) if w < 0 => {
            flags.left = true;
            w.unsigned_abs()
        }
        Some(w) => w as u64,
        None => 0,
    };
    check_field(width)?;
    if precision.is_some_and(|p| i32::try_from(p).is_err()) {
        // CPython reads a `*` precision as a C int.
        return Err(Raise::overflow("Python int too large to convert to C int"));
    }
    let precision = precision.map(|p| p.max(0) as u64);
    let conv = spec.conv;
    let (body, numeric) = match conv {
        's' | 'r' | 'a' => {
            let text = match arg {
                PercentArg::Str(s) => s,
                PercentArg::Int(i) => i.to_string(),
                PercentArg::BigInt { negative, digits, .. } => format!("{}{digits}", if negative { "-" } else { "" }),
                PercentArg::Float(x) => super::digits::float_repr(x),
                PercentArg::Other(name) => name,
            };
            let text = match precision {
                Some(p) => text.chars().take(p as usize).collect(),
                None => text,
            };
            (text, false)
        }
        'c' => {
            let c = match &arg {
                PercentArg::Int(i) => {
                    let c = u32::try_from(*i)
                        .ok()
                        .filter(|&c| c <= 0x10ffff)
                        .ok_or_else(|| Raise::overflow("%c arg not in range(0x110000)"))?;
                    // Surrogates are valid in Python strs but not in Rust's: U+FFFD stands in.
                    char::from_u32(c).unwrap_or('\u{fffd}')
                }
                PercentArg::BigInt { .. } => return Err(Raise::overflow("%c arg not in range(0x110000)")),
                PercentArg::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap_or('\u{fffd}'),
                _ => return Err(Raise::type_error("%c requires int or char")),
            };
            (c.to_string(), false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let (negative, magnitude) = match arg {
                PercentArg::Int(i) => (i < 0, to_base_digits(i.unsigned_abs(), base_of(conv))),
                PercentArg::BigInt { negative, digits, .. } => (negative, digits),
                PercentArg::Float(x) if matches!(conv, 'd' | 'i' | 'u') => {
                    // int(x) first, for its nan and infinity errors; past i64 the float's exact
                    // integer digits still print, as CPython's big int would.
                    match float_to_int_trunc(x) {
                        Ok(i) => (i < 0, i.unsigned_abs().to_string()),
                        Err(e) if !x.is_finite() => return Err(e),
                        Err(_) => (x < 0.0, format!("{:.0}", x.trunc().abs())),
                    }
                }
                other => {
                    let need = if matches!(conv, 'd' | 'i' | 'u') { "a real number" } else { "an integer" };
                    return Err(Raise::type_error(format!(
                        "%{conv} format: {need} is required, not {}",
                        other.type_name()
                    )));
                }
            };
            (format_long(negative, magnitude, conv, flags.alt, precision)?, true)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match arg {
                PercentArg::Int(i) => i as f64,
                PercentArg::BigInt { float: Some(x), .. } => x,
                PercentArg::BigInt { float: None, .. } => {
                    return Err(Raise::overflow("int too large to convert to float"))
                }
                PercentArg::Float(x) => x,
                other => return Err(Raise::type_error(format!("must be real number, not {}", other.type_name()))),
            };
            let code = match conv.to_ascii_lowercase() {
                'e' => Code::E,
                'f' => Code::F,
                _ => Code::G,
            };
            let precision = precision.unwrap_or(6) as usize;
            if code != Code::G || flags.alt {
                check_field(precision as u64)?;
            }
            let float_flags = Flags { alt: flags.alt, upper: conv.is_ascii_uppercase(), ..Flags::default() };
            (double_to_string(x, code, precision, float_flags), true)
        }
        other => {
            let shown = if (' '..='~').contains(&other) { other } else { '?' };
            return Err(Raise::value(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {}",
                other as u32, spec.index
            )));
        }
    };
    Ok(pad(&body, numeric, flags, width as usize, conv))
}

fn base_of(conv: char) -> u32 {
    match conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    }
}

/// CPython's `_PyUnicode_FormatLong` on a sign and digits: `0o`/`0x`/`0X` prefix if `#`, and at
/// least `precision` digits.
fn format_long(
    negative: bool,
    mut digits: String,
    conv: char,
    alt: bool,
    precision: Option<u64>,
) -> Result<String, Raise> {
    if let Some(p) = precision {
        check_field(p)?;
        let p = p as usize;
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let prefix = match (alt, conv) {
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    Ok(format!("{}{prefix}{digits}", if negative { "-" } else { "" }))
}

/// CPython's `unicode_format_arg_output`: `[spaces][sign][prefix][zeros][digits][spaces]`.
fn pad(body: &str, numeric: bool, flags: PercentFlags, width: usize, conv: char) -> String {
    let (sign, rest) = match body.chars().next() {
        Some(c @ ('-' | '+')) if numeric => (Some(c), &body[1..]),
        _ if numeric && flags.plus => (Some('+'), body),
        _ if numeric && flags.space => (Some(' '), body),
        _ => (None, body),
    };
    let (prefix, digits) = if numeric && flags.alt && matches!(conv, 'o' | 'x' | 'X') {
        rest.split_at(2.min(rest.len()))
    } else {
        ("", rest)
    };
    let len = usize::from(sign.is_some()) + prefix.len() + digits.chars().count();
    let padding = width.saturating_sub(len);
    let mut out = String::with_capacity(len + padding);
    let head = |out: &mut String| {
        out.extend(sign);
        out.push_str(prefix);
    };
    if flags.left {
        head(&mut out);
        out.push_str(digits);
        out.extend(std::iter::repeat_n(' ', padding));
    } else if numeric && flags.zero {
        head(&mut out);
        out.extend(std::iter::repeat_n('0', padding));
        out.push_str(digits);
    } else {
        out.extend(std::iter::repeat_n(' ', padding));
        head(&mut out);
        out.push_str(digits);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Formats a one-spec format string with one argument (no `*`).
    fn one(fmt: &str, arg: PercentArg) -> String {
        let pieces = parse_percent(fmt);
        let mut out = String::new();
        for p in pieces {
            match p {
                Piece::Literal(s) => out.push_str(&s),
                Piece::Spec(spec) => {
                    let num = |c: Option<Count>| match c {
                        Some(Count::Num(n)) => Some(n as i64),
                        _ => None,
                    };
                    match percent_one(&spec, num(spec.width), num(spec.precision), arg.clone()) {
                        Ok(s) => out.push_str(&s),
                        Err(e) => return e.to_string(),
                    }
                }
                Piece::Fail(e) => return e.to_string(),
            }
        }
        out
    }

    #[test]
    fn conversions() {
        use PercentArg::*;
        assert_eq!(one("%05d", Int(-3)), "-0003");
        assert_eq!(one("%-05d|", Int(-3)), "-3   |");
        assert_eq!(one("%#08x", Int(255)), "0x0000ff");
        assert_eq!(one("%#8x", Int(-255)), "   -0xff");
        assert_eq!(one("%#.5x", Int(42)), "0x0002a");
        assert_eq!(one("%05s", Str("ab".into())), "   ab");
        assert_eq!(one("%05f", Float(f64::NEG_INFINITY)), "-0inf");
        assert_eq!(one("%010.3f", Float(-3.25159)), "-00003.252");
        assert_eq!(one("%#.0f", Float(2.5)), "2.");
        assert_eq!(one("%d", Float(3.7)), "3");
        assert_eq!(one("%ld%%", Int(5)), "5%");
        assert_eq!(one("%(a(b))s", Str("1".into())), "1");
        assert_eq!(one("%d", Str("a".into())), "TypeError: %d format: a real number is required, not str");
        assert_eq!(one("%x", Float(1.5)), "TypeError: %x format: an integer is required, not float");
        assert_eq!(one("%f", Other("list".into())), "TypeError: must be real number, not list");
        assert_eq!(one("%c", Str("ab".into())), "TypeError: %c requires int or char");
        assert_eq!(one("%c", Int(-1)), "OverflowError: %c arg not in range(0x110000)");
        assert_eq!(one("%y", Int(1)), "ValueError: unsupported format character 'y' (0x79) at index 1");
        assert_eq!(one("%\u{e9}", Int(1)), "ValueError: unsupported format character '?' (0xe9) at index 1");
        assert_eq!(one("ab%", Int(1)), "ValueError: incomplete format");
        assert_eq!(one("%(a", Int(1)), "ValueError: incomplete format key");
        assert_eq!(one("%99999999999999999999d", Int(1)), "ValueError: width too big");
    }

    #[test]
    fn star_widths() {
        let spec = |s: &str| match parse_percent(s).into_iter().next() {
            Some(Piece::Spec(spec)) => spec,
            other => panic!("{other:?}"),
        };
        let s = spec("%*d");
        assert_eq!(s.width, Some(Count::Star));
        assert_eq!(percent_one(&s, Some(-5), None, PercentArg::Int(3)), Ok("3    ".to_string()));
        let s = spec("%.*f");
        assert_eq!(percent_one(&s, None, Some(-2), PercentArg::Float(3.25159)), Ok("3".to_string()));
    }
}
