//! The format-spec mini-language, `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
//! as CPython 3.11's Python/formatter_unicode.c parses and renders it for int, bool, float and str.

use super::digits::{double_to_string, Code, Flags};
use super::{check_field, Raise};

/// The kind of value a spec will format: it decides the defaults (type, alignment) and the type
/// name in error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Int,
    Bool,
    Float,
    Str,
}

impl Target {
    fn type_name(self) -> &'static str {
        match self {
            Target::Int => "int",
            Target::Bool => "bool",
            Target::Float => "float",
            Target::Str => "str",
        }
    }
}

/// A parsed format spec. Build it with [`parse_spec`]; the fields are public to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The fill character (`' '` unless given, or `'0'` from the `0` flag).
    pub fill: char,
    /// `<`, `>`, `^` or `=` (defaults already applied: `>` for numbers, `<` for str).
    pub align: char,
    /// `+`, `-` or `' '` if given.
    pub sign: Option<char>,
    /// The `z` option (negative zero coercion).
    pub no_neg_0: bool,
    /// The `#` option.
    pub alternate: bool,
    pub width: Option<u64>,
    /// `,` or `_` if given.
    pub grouping: Option<char>,
    pub precision: Option<u64>,
    /// The presentation type (the target's default if none was given: `d` for int and bool,
    /// `s` for str, `None` for float).
    pub ty: Option<char>,
    /// True for the empty spec, which means `str(value)`.
    pub empty: bool,
    target: Target,
}

/// How CPython names a character in a message: itself if printable ASCII, else `\x..`.
fn char_in_msg(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

fn unknown_code(ty: char, target: Target) -> Raise {
    Raise::value(format!("Unknown format code '{}' for object of type '{}'", char_in_msg(ty), target.type_name()))
}

/// Reads decimal digits (any Unicode decimal digit, as CPython) at `pos`: `Ok(None)` if there
/// are none. Values that would overflow a C `Py_ssize_t` get CPython's message.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<u64>, Raise> {
    let start = *pos;
    let mut acc: u64 = 0;
    while let Some(d) = chars.get(*pos).copied().and_then(super::parse::unicode_decimal) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(u64::from(d)))
            .filter(|&a| a <= i64::MAX as u64)
            .ok_or_else(|| Raise::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc))
}

/// Parses `spec` for a value of kind `target`, with CPython's errors (`Invalid format specifier
/// '…' for object of type '…'`, `Format specifier missing precision`, `Cannot specify ',' with
/// 's'.`, …). Errors that depend on the value's type beyond that (an unknown type code, a sign
/// for a str) come from the `format_*` functions.
pub fn parse_spec(spec: &str, target: Target) -> Result<Spec, Raise> {
    let chars: Vec<char> = spec.chars().collect();
    let numeric = target != Target::Str;
    let mut s = Spec {
        fill: ' ',
        align: if numeric { '>' } else { '<' },
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: match target {
            Target::Int | Target::Bool => Some('d'),
            Target::Float => None,
            Target::Str => Some('s'),
        },
        empty: chars.is_empty(),
        target,
    };
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '>' | '=' | '^'));
    let mut pos = 0;
    let mut fill_given = false;
    let mut align_given = false;
    if chars.len() >= 2 && is_align(chars.get(1)) {
        s.fill = chars[0];
        s.align = chars[1];
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if is_align(chars.first()) {
        s.align = chars[0];
        align_given = true;
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        s.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        s.no_neg_0 = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        s.alternate = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        s.fill = '0';
        if !align_given && numeric {
            s.align = '=';
        }
        pos += 1;
    }
    s.width = get_integer(&chars, &mut pos)?;
    let both = || Raise::value("Cannot specify both ',' and '_'.");
    if chars.get(pos) == Some(&',') {
        s.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if s.grouping.is_some() {
            return Err(both());
        }
        s.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        s.precision = get_integer(&chars, &mut pos)?;
        if s.precision.is_none() {
            return Err(Raise::value("Format specifier missing precision"));
        }
    }
    match chars.len() - pos {
        0 => {}
        1 => s.ty = Some(chars[pos]),
        _ => {
            return Err(Raise::value(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                target.type_name()
            )))
        }
    }
    if let Some(sep) = s.grouping {
        let ok = match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => sep == '_',
            _ => false,
        };
        if !ok {
            let ty = s.ty.map(char_in_msg).unwrap_or_default();
            return Err(Raise::value(format!("Cannot specify '{sep}' with '{ty}'.")));
        }
    }
    Ok(s)
}

/// Inserts thousands separators into `digits` (right to left, every `group`), and, when
/// `min_width` asks for it, leading zeros that are grouped too: CPython's
/// `_PyUnicode_InsertThousandsGrouping`, so `format(1234, '010,')` is `00,001,234`.
fn insert_grouping(digits: &str, min_width: i64, sep: Option<(char, i64)>) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut end = digits.len();
    let mut chunks: Vec<String> = Vec::new();
    let mut emit = |n_chars: i64, n_zeros: i64, with_sep: Option<char>| {
        let mut chunk = "0".repeat(n_zeros as usize);
        let start = end - n_chars as usize;
        chunk.extend(&digits[start..end]);
        end = start;
        chunk.extend(with_sep);
        chunks.push(chunk);
    };
    let mut use_sep = None;
    let mut finished = false;
    if let Some((c, group)) = sep {
        loop {
            let len = group.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(n_chars, n_zeros, use_sep);
            use_sep = Some(c);
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !finished {
        let len = remaining.max(min_width).max(1);
        emit(remaining.min(len).max(0), (len - remaining).max(0), use_sep);
    }
    chunks.reverse();
    chunks.concat()
}

/// The parts of a formatted number, laid out by [`layout_number`] as
/// `<lpad><sign><prefix><zero/fill pad><grouped digits><rest><rpad>`.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    /// Integer digits (grouped and zero-padded); empty for inf, nan and 'c'.
    digits: &'a str,
    /// Everything after the integer digits: point, fraction, exponent, '%', or "inf"/"nan".
    rest: &'a str,
    upper: bool,
}

/// CPython's `calc_number_widths` and `fill_number`.
fn layout_number(n: &Number, spec: &Spec, sep: Option<(char, i64)>) -> Result<String, Raise> {
    let width = spec.width.map(|w| w as i64).unwrap_or(-1);
    check_field(width.max(0) as u64)?;
    let sign = match (spec.sign, n.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let non_digit = i64::from(sign.is_some()) + n.prefix.len() as i64 + n.rest.chars().count() as i64;
    let min_width = if spec.fill == '0' && spec.align == '=' { width - non_digit } else { 0 };
    let grouped = if n.digits.is_empty() { String::new() } else { insert_grouping(n.digits, min_width, sep) };
    let padding = width - (non_digit + grouped.chars().count() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if padding > 0 {
        match spec.align {
            '<' => rpad = padding,
            '^' => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            '=' => spad = padding,
            _ => lpad = padding,
        }
    }
    let fill = |n: i64| std::iter::repeat_n(spec.fill, n as usize).collect::<String>();
    let case = |s: &str| if n.upper { s.to_uppercase() } else { s.to_string() };
    let mut out = fill(lpad);
    out.extend(sign);
    out.push_str(&case(n.prefix));
    out.push_str(&fill(spad));
    out.push_str(&case(&grouped));
    out.push_str(n.rest);
    out.push_str(&fill(rpad));
    Ok(out)
}

/// The separator and group size the spec asks for (type 'n' never groups: the C locale has none).
fn separator(spec: &Spec) -> Option<(char, i64)> {
    match (spec.grouping, spec.ty) {
        (Some('_'), Some('b' | 'o' | 'x' | 'X')) => Some(('_', 4)),
        (Some(c), _) => Some((c, 3)),
        _ => None,
    }
}

/// `format(i, spec)` for an int (`spec` parsed with [`Target::Int`], or [`Target::Bool`] via
/// [`format_bool`]). Float presentation types convert to float as CPython does.
pub fn format_int(i: i64, spec: &Spec) -> Result<String, Raise> {
    if spec.empty {
        return Ok(i.to_string());
    }
    let ty = spec.ty.unwrap_or('d');
    let base = match ty {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        'd' | 'n' | 'c' => 10,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float_as(i as f64, spec),
        other => return Err(unknown_code(other, spec.target)),
    };
    if spec.precision.is_some() {
        return Err(Raise::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(Raise::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(Raise::value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(Raise::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let c = u32::try_from(i)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| Raise::overflow("%c arg not in range(0x110000)"))?;
        // Surrogates are valid Python str characters but not Rust chars: U+FFFD stands in.
        let rest = char::from_u32(c).unwrap_or('\u{fffd}').to_string();
        let n = Number { negative: false, prefix: "", digits: "", rest: &rest, upper: false };
        return layout_number(&n, spec, None);
    }
    let digits = super::parse::to_base_digits(i.unsigned_abs(), base);
    format_int_digits(i < 0, &digits, spec)
}

/// `format(i, spec)` for an int given as its sign and the digits of its magnitude in the base
/// `spec`'s type asks for (`d`, `n`, `b`, `o`, `x`, `X` or none): the layout part of
/// [`format_int`], shared with ints past `i64`.
pub fn format_int_digits(negative: bool, digits: &str, spec: &Spec) -> Result<String, Raise> {
    let ty = spec.ty.unwrap_or('d');
    if spec.empty {
        return Ok(format!("{}{digits}", if negative { "-" } else { "" }));
    }
    match ty {
        'b' | 'o' | 'x' | 'X' | 'd' | 'n' => {}
        // Only ints past i64 get here with 'c' (CPython's message reads them as a C long).
        'c' => return Err(Raise::overflow("Python int too large to convert to C long")),
        other => return Err(unknown_code(other, spec.target)),
    }
    if spec.precision.is_some() {
        return Err(Raise::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(Raise::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let prefix = match (spec.alternate, ty) {
        (true, 'b') => "0b",
        (true, 'o') => "0o",
        (true, 'x' | 'X') => "0x",
        _ => "",
    };
    let n = Number { negative, prefix, digits, rest: "", upper: ty == 'X' };
    layout_number(&n, spec, if ty == 'n' { None } else { separator(spec) })
}

/// `format(b, spec)` for a bool: the empty spec gives `True`/`False`, anything else formats 1/0
/// as an int would (so `format(True, 's')` is an error, as in CPython).
pub fn format_bool(b: bool, spec: &Spec) -> Result<String, Raise> {
    if spec.empty {
        return Ok(if b { "True" } else { "False" }.to_string());
    }
    format_int(i64::from(b), spec)
}

/// `format(x, spec)` for a float (`spec` parsed with [`Target::Float`]).
pub fn format_float(x: f64, spec: &Spec) -> Result<String, Raise> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_as(x, spec),
        Some(other) => Err(unknown_code(other, spec.target)),
    }
}

/// CPython's `format_float_internal` (also used for ints with a float type).
fn format_float_as(x: f64, spec: &Spec) -> Result<String, Raise> {
    if spec.precision.is_some_and(|p| p > i32::MAX as u64) {
        return Err(Raise::value("precision too big"));
    }
    let mut flags = Flags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..Flags::default() };
    let mut val = x;
    let mut percent = false;
    let (code, default_precision) = match spec.ty {
        None => {
            flags.add_dot_0 = true;
            (Code::R, 0)
        }
        Some('e') => (Code::E, 6),
        Some('f') => (Code::F, 6),
        Some('g' | 'n') => (Code::G, 6),
        Some('%') => {
            val *= 100.0;
            percent = true;
            (Code::F, 6)
        }
        Some(c) => {
            flags.upper = true;
            (
                match c {
                    'E' => Code::E,
                    'F' => Code::F,
                    _ => Code::G,
                },
                6,
            )
        }
    };
    let code = if code == Code::R && spec.precision.is_some() { Code::G } else { code };
    let precision = spec.precision.unwrap_or(default_precision) as usize;
    // Only these conversions write `precision` characters; 'g' without '#' strips zeros.
    if matches!(code, Code::E | Code::F) || (code == Code::G && flags.alt) {
        check_field(precision as u64)?;
    }
    let mut text = double_to_string(val, code, precision, flags);
    if percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text.as_str()),
    };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let n = Number { negative, prefix: "", digits: &body[..int_len], rest: &body[int_len..], upper: false };
    layout_number(&n, spec, if spec.ty == Some('n') { None } else { separator(spec) })
}

/// `format(s, spec)` for a str (`spec` parsed with [`Target::Str`]); width and precision count
/// characters (code points), as CPython does.
pub fn format_str(s: &str, spec: &Spec) -> Result<String, Raise> {
    if spec.empty {
        return Ok(s.to_string());
    }
    if let Some(other) = spec.ty.filter(|&t| t != 's') {
        return Err(unknown_code(other, spec.target));
    }
    match spec.sign {
        Some(' ') => return Err(Raise::value("Space not allowed in string format specifier")),
        Some(_) => return Err(Raise::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(Raise::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(Raise::value("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == '=' {
        return Err(Raise::value("'=' alignment not allowed in string format specifier"));
    }
    let width = spec.width.unwrap_or(0);
    check_field(width)?;
    let len = s.chars().count() as u64;
    let len = spec.precision.map_or(len, |p| p.min(len));
    let body: String = s.chars().take(len as usize).collect();
    let padding = width.saturating_sub(len) as usize;
    let (lpad, rpad) = match spec.align {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let mut out: String = std::iter::repeat_n(spec.fill, lpad).collect();
    out.push_str(&body);
    out.extend(std::iter::repeat_n(spec.fill, rpad));
    Ok(out)
}

/// `format(obj, spec)` for any other object (`object.__format__`): the empty spec gives
/// `str(obj)` (the caller passes it as `text`), anything else is CPython's TypeError.
pub fn format_object(text: &str, type_name: &str, spec: &str) -> Result<String, Raise> {
    if spec.is_empty() {
        return Ok(text.to_string());
    }
    Err(Raise::type_error(format!("unsupported format string passed to {type_name}.__format__")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt_int(i: i64, s: &str) -> String {
        parse_spec(s, Target::Int).and_then(|sp| format_int(i, &sp)).unwrap_or_else(|e| e.to_string())
    }
    fn fmt_float(x: f64, s: &str) -> String {
        parse_spec(s, Target::Float).and_then(|sp| format_float(x, &sp)).unwrap_or_else(|e| e.to_string())
    }
    fn fmt_str(x: &str, s: &str) -> String {
        parse_spec(s, Target::Str).and_then(|sp| format_str(x, &sp)).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn ints() {
        assert_eq!(fmt_int(1234, "010,"), "00,001,234");
        assert_eq!(fmt_int(-255, "#010_x"), "-0x00_00ff");
        assert_eq!(fmt_int(-255, "#010_X"), "-0X00_00FF");
        assert_eq!(fmt_int(1_000_000, "_b"), "1111_0100_0010_0100_0000");
        assert_eq!(fmt_int(65, "010c"), "000000000A");
        assert_eq!(fmt_int(1, "=^5"), "==1==");
        assert_eq!(fmt_int(5, ".2%"), "500.00%");
        assert_eq!(fmt_int(i64::MIN, ","), "-9,223,372,036,854,775,808");
        assert_eq!(fmt_int(1, "z.2"), "ValueError: Precision not allowed in integer format specifier");
        assert_eq!(fmt_int(-1, "c"), "OverflowError: %c arg not in range(0x110000)");
        assert_eq!(fmt_int(1, "\u{1}"), "ValueError: Unknown format code '\\x1' for object of type 'int'");
        assert_eq!(fmt_int(1, "_n"), "ValueError: Cannot specify '_' with 'n'.");
        assert_eq!(fmt_int(1, "99999999999999999999"), "ValueError: Too many decimal digits in format string");
        assert!(fmt_int(1, "10000000000000").starts_with("MemoryError"));
        // Widths may be written in any script's digits.
        assert_eq!(fmt_int(1, "\u{661}\u{660}"), "         1");
    }

    #[test]
    fn floats() {
        assert_eq!(fmt_float(1234567.5, "015,"), "0,001,234,567.5");
        assert_eq!(fmt_float(f64::NAN, "010"), "0000000nan");
        assert_eq!(fmt_float(f64::NEG_INFINITY, "010"), "-000000inf");
        assert_eq!(fmt_float(1e16, "#"), "1.e+16");
        assert_eq!(fmt_float(123.0, ".3"), "1.23e+02");
        assert_eq!(fmt_float(-0.0001, "z.2f"), "0.00");
        assert_eq!(fmt_float(1.0, "#.0%"), "100.%");
        assert_eq!(fmt_float(1.5, ".2z"), "ValueError: Unknown format code 'z' for object of type 'float'");
    }

    #[test]
    fn strs() {
        assert_eq!(fmt_str("a", "010"), "a000000000");
        assert_eq!(fmt_str("héllo", "^9.3"), "   hél   ");
        assert_eq!(fmt_str("a", "=10"), "ValueError: '=' alignment not allowed in string format specifier");
        assert_eq!(fmt_str("a", ","), "ValueError: Cannot specify ',' with 's'.");
        assert_eq!(format_object("None", "NoneType", ""), Ok("None".to_string()));
        assert_eq!(
            format_object("[1]", "list", "s").unwrap_err().msg,
            "unsupported format string passed to list.__format__"
        );
    }
}
