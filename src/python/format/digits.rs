//! Float to text as CPython's `PyOS_double_to_string` does it (Python/pystrtod.c,
//! `format_float_short`), on digit strings shaped like David Gay's `_Py_dg_dtoa` output.
//!
//! Rust's own float formatting supplies the digits: `{:e}` is the shortest string that round-trips
//! (what dtoa mode 0 returns), and `{:.N}` / `{:.Ne}` are correctly rounded from the exact binary
//! value with ties to even (dtoa modes 3 and 2). Only the layout is CPython's code, ported.

/// Which digits to ask for, as dtoa's modes.
#[derive(Clone, Copy)]
enum Mode {
    /// Mode 0: the shortest digits that read back as the same float.
    Shortest,
    /// Mode 2: at most this many significant digits (at least 1).
    Significant(usize),
    /// Mode 3: rounded to this many digits after the decimal point.
    Fixed(usize),
}

/// A double has at most 767 significant decimal digits and 1074 after the point, so asking Rust
/// for more than these caps only adds zeros, which dtoa strips anyway.
const MAX_SIG: usize = 800;
const MAX_FRAC: usize = 1100;

/// dtoa's answer for a finite `x`: digits without trailing zeros ("0" for zero, "" when mode 3
/// rounds a nonzero value away) and `decpt`, so that |x| ≈ 0.DIGITS × 10^decpt.
fn dtoa(x: f64, mode: Mode) -> (Vec<u8>, i64) {
    let a = x.abs();
    if a == 0.0 {
        return (b"0".to_vec(), 1);
    }
    match mode {
        Mode::Shortest | Mode::Significant(_) => {
            let s = match mode {
                Mode::Significant(p) => format!("{:.*e}", p.clamp(1, MAX_SIG) - 1, a),
                _ => {
                    // Rust finds the fewest digits that round-trip; when two such strings are
                    // equally close (1e15 + 0.3 ends in .25), it may pick the upper one, while
                    // CPython's dtoa takes the nearest, ties to even. Correctly rounding to that
                    // many digits gives CPython's choice (the nearest always round-trips too).
                    let shortest = format!("{a:e}");
                    let n = shortest.split_once('e').map_or(1, |(m, _)| m.bytes().filter(u8::is_ascii_digit).count());
                    format!("{:.*e}", n.saturating_sub(1), a)
                }
            };
            // "d.ddde±N": the digits, then the exponent of the first one.
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let exp: i64 = exp.parse().unwrap_or(0);
            let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
            while digits.len() > 1 && digits.last() == Some(&b'0') {
                digits.pop();
            }
            (digits, exp + 1)
        }
        Mode::Fixed(p) => {
            let s = format!("{:.*}", p.min(MAX_FRAC), a);
            let int_len = s.find('.').unwrap_or(s.len()) as i64;
            let all: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
            let lead = all.iter().take_while(|&&d| d == b'0').count();
            let mut digits = all[lead..].to_vec();
            while digits.last() == Some(&b'0') {
                digits.pop();
            }
            if digits.is_empty() {
                // Rounded away entirely: dtoa says "no digits" with decpt = -ndigits.
                return (digits, -(p as i64));
            }
            (digits, int_len - lead as i64)
        }
    }
}

/// The conversion requested of [`double_to_string`]: CPython's format codes after its
/// `PyOS_double_to_string` mapping ('E', 'F', 'G' become lowercase plus `upper`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Code {
    E,
    F,
    G,
    /// `repr`: shortest digits, exponent below 1e-4 and from 1e16.
    R,
}

/// The flags of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct Flags {
    /// Always write a sign (`+` for non-negative).
    pub sign: bool,
    /// Integers in fixed notation get ".0" (repr, and format type '').
    pub add_dot_0: bool,
    /// The `#` alternate form: keep the point and trailing zeros.
    pub alt: bool,
    /// Upper-case `INF`, `NAN`, `E`.
    pub upper: bool,
    /// The `z` option: a result that reads as zero loses its minus sign.
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`: precision is ignored for [`Code::R`]; for
/// 'e' it counts digits after the point, for 'g' significant digits (0 means 1), for 'f' digits
/// after the point. The caller caps precision (see `MAX_FIELD`), so the string stays small.
pub(crate) fn double_to_string(x: f64, code: Code, precision: usize, flags: Flags) -> String {
    let mut out = String::new();
    if !x.is_finite() {
        // Gay's dtoa ignores the sign of a nan.
        if x.is_sign_negative() && !x.is_nan() {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let word = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if flags.upper { word.to_uppercase() } else { word.to_string() });
        return out;
    }
    let (mode, precision) = match code {
        Code::E => (Mode::Significant(precision + 1), precision + 1),
        Code::F => (Mode::Fixed(precision), precision),
        Code::G => (Mode::Significant(precision.max(1)), precision.max(1)),
        Code::R => (Mode::Shortest, 0),
    };
    let (digits, mut decpt) = dtoa(x, mode);
    let digits_len = digits.len() as i64;
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }
    // The layout below is format_float_short's: a slice [vstart, vend) of the digit string
    // padded with zeros on both sides, the decimal point after position decpt.
    let p = precision as i64;
    let mut vend = digits_len;
    let mut use_exp = false;
    match code {
        Code::E => {
            use_exp = true;
            vend = p;
        }
        Code::F => vend = decpt + p,
        Code::G => {
            if decpt <= -4 || decpt > if flags.add_dot_0 { p - 1 } else { p } {
                use_exp = true;
            }
            if flags.alt {
                vend = p;
            }
        }
        Code::R => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };

    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let digit_str = |range: &[u8]| range.iter().map(|&b| b as char).collect::<String>();
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digit_str(&digits[..decpt as usize]));
        out.push('.');
        out.push_str(&digit_str(&digits[decpt as usize..]));
    } else {
        out.push_str(&digit_str(&digits));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        // C's "%+.02d": a sign and at least two digits.
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    out
}

/// `repr(x)` and `str(x)` for a float: `1.0`, `1e-05`, `1e+16`, `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, Code::R, 0, Flags { add_dot_0: true, ..Flags::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (0.1, "0.1"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456789012345.0, "123456789012345.0"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (9007199254740993.0, "9007199254740992.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.675, "2.675"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (1e100, "1e+100"),
            (-1.5e-7, "-1.5e-07"),
            (123456.789, "123456.789"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:e})");
        }
    }

    #[test]
    fn fixed_and_exponent() {
        let f = |x: f64, code, p, alt| double_to_string(x, code, p, Flags { alt, ..Flags::default() });
        assert_eq!(f(2.675, Code::F, 2, false), "2.67");
        assert_eq!(f(0.125, Code::F, 2, false), "0.12");
        assert_eq!(f(1e22, Code::F, 6, false), "10000000000000000000000.000000");
        assert_eq!(f(1.0 / 3.0, Code::F, 20, false), "0.33333333333333331483");
        assert_eq!(f(0.5, Code::F, 0, false), "0");
        assert_eq!(f(1.5, Code::F, 0, true), "2.");
        assert_eq!(f(-0.0001, Code::F, 2, false), "-0.00");
        assert_eq!(f(1.0, Code::E, 0, true), "1.e+00");
        assert_eq!(f(12345.0, Code::E, 2, false), "1.23e+04");
        assert_eq!(f(1e-300, Code::E, 3, false), "1.000e-300");
        assert_eq!(f(0.0, Code::G, 6, true), "0.00000");
        assert_eq!(f(123456789.0, Code::G, 6, false), "1.23457e+08");
        assert_eq!(f(0.0001, Code::G, 6, false), "0.0001");
        assert_eq!(f(0.00001, Code::G, 6, false), "1e-05");
    }
}
