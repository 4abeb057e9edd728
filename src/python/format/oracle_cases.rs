//! The cases the oracle test asks CPython and us: one line each, `op<TAB>arg<TAB>arg…` (see
//! `oracle_tests`). Fixed tables of values and specs, every part of the mini-language assembled
//! at random, `%` formats, arithmetic corners, and parsing corners.

use super::oracle_tests::esc;

/// A small deterministic generator for spreading float cases over every exponent.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Rust's `{:?}` of an f64 reads back exactly in both languages ("NaN", "inf", "1e-5").
fn f(x: f64) -> String {
    format!("{x:?}")
}

const INTS: &[i64] = &[0, 1, -1, 7, -7, 42, 255, -255, 1000, 1234567, -1234567, 65, 0x10ffff, i64::MAX, i64::MIN];
const FLOATS: &[f64] = &[
    0.0,
    -0.0,
    0.1,
    0.5,
    1.5,
    2.5,
    -2.5,
    2.675,
    0.125,
    1e16,
    1e15,
    1e-5,
    1e-4,
    123456.789,
    -123456.789,
    1.0 / 3.0,
    1e22,
    1e300,
    5e-324,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    9999.5,
    0.0005,
    1234567.891,
    -1e-7,
    12345678901234567890.0,
    99.99999,
];
const INT_SPECS: &[&str] = &[
    "",
    "d",
    "5d",
    "<5",
    ">5",
    "^5",
    "=5",
    "+d",
    " d",
    "-d",
    "05d",
    "010,",
    "_",
    ",",
    "x",
    "X",
    "#x",
    "#X",
    "#010x",
    "#_x",
    "_x",
    "b",
    "#b",
    "_b",
    "o",
    "#o",
    "_o",
    "#012_o",
    "c",
    "n",
    "010n",
    ",d",
    "e",
    ".2e",
    "f",
    ".2f",
    "%",
    ".1%",
    "g",
    "G",
    "*^10",
    "0<5",
    "x=+10",
    "#010_b",
    "s",
    ".3",
    "z",
    ",x",
    ",c",
    "_,",
    "1,000",
    "10.5",
    "++",
    "=010,d",
    "0=12,",
    "-#x",
    "^#12_X",
    "+c",
    "#c",
    "\u{e9}",
    ".",
    "99999999999999999999",
    " 08,",
];
const FLOAT_SPECS: &[&str] = &[
    "", ".0", ".1", ".3", ".10", ".17", "e", ".0e", "#.0e", ".3e", ".20e", "E", "f", ".0f", "#.0f", ".2f", ".20f", "F",
    "g", ".0g", ".1g", ".3g", "#g", "#.3g", "G", ".10g", ".17g", "n", ".3n", "%", ".0%", "#.0%", ",", ",.2f", "_.3f",
    "015,.2f", "+", " ", "+.2e", "z.1f", "z", "z.0%", "=+12.3f", "<12", "^12.2f", "*>12g", "010", "#", "#.3", "x", "d",
    "c", "s", ".2z", "-z.3", "020,", "020_.1e", "#20.0f", "_g", ",%", ".400f", ".100e", "#.30g",
];
const STRS: &[&str] = &["", "abc", "h\u{e9}llo", "a b", "12345678"];
const STR_SPECS: &[&str] = &[
    "", "s", "5", "<5", ">5", "^5", "*^6", ".2", "5.2", "010", "+", "z", "#", "=5", ",", "d", ".0", "\u{e9}^7", "^8.3s",
];

/// Every case, one line each.
pub(super) fn cases() -> Vec<String> {
    let mut c = Vec::new();
    let mut push = |parts: &[&str]| c.push(parts.iter().map(|p| esc(p)).collect::<Vec<_>>().join("\t"));
    for &x in FLOATS {
        push(&["repr", &f(x)]);
    }
    // Floats spread over every exponent, and short decimals near the repr switch points.
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..300 {
        let x = f64::from_bits(rng.next());
        if !x.is_nan() {
            push(&["repr", &f(x)]);
        }
    }
    for e in -8..=18 {
        for m in [1.0, 1.5, 9.999, 1.2345678901234567] {
            push(&["repr", &f(m * 10f64.powi(e))]);
        }
    }
    for &i in INTS {
        for s in INT_SPECS {
            push(&["fmt_int", &i.to_string(), s]);
        }
    }
    for b in ["True", "False"] {
        for s in ["", "s", "d", ">5", "x", "c", ".2f", "^+7", "#b", "08"] {
            push(&["fmt_bool", b, s]);
        }
    }
    for &x in FLOATS {
        for s in FLOAT_SPECS {
            push(&["fmt_float", &f(x), s]);
        }
    }
    for _ in 0..60 {
        let x = f64::from_bits(rng.next());
        for s in ["", ".3", "e", ".15g", "f"] {
            push(&["fmt_float", &f(x), s]);
        }
    }
    for v in STRS {
        for s in STR_SPECS {
            push(&["fmt_str", v, s]);
        }
    }
    random_spec_cases(&mut push, &mut rng);
    percent_cases(&mut push);
    arith_cases(&mut push);
    parse_cases(&mut push);
    c
}

/// Specs assembled at random from every part of the mini-language, on assorted values.
fn random_spec_cases(push: &mut impl FnMut(&[&str]), rng: &mut XorShift) {
    let mut pick = |options: &[&'static str]| options[(rng.next() % options.len() as u64) as usize];
    for i in 0..1500 {
        let align = pick(&["", "", "<", ">", "^", "=", "*<", "0>", "x^", "_=", " ="]);
        let sign = pick(&["", "", "+", "-", " "]);
        let z = pick(&["", "", "", "z"]);
        let alt = pick(&["", "", "#"]);
        let zero = pick(&["", "", "0"]);
        let width = pick(&["", "", "1", "7", "12", "25"]);
        let group = pick(&["", "", "", ",", "_"]);
        let precision = pick(&["", "", ".0", ".1", ".4", ".12", ".25"]);
        let ty = pick(&["", "", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s"]);
        let spec = format!("{align}{sign}{z}{alt}{zero}{width}{group}{precision}{ty}");
        match i % 3 {
            0 => push(&["fmt_int", pick(&["0", "-1", "7", "-42", "65", "123456789", "-9223372036854775808"]), &spec]),
            1 => push(&["fmt_str", pick(&["", "abc", "h\u{e9}llo w\u{f6}rld"]), &spec]),
            _ => {
                let x = pick(&["0.0", "-0.0", "1.5", "-2.675", "0.001234", "123456789.125", "1e+22", "-1e-07", "inf"]);
                push(&["fmt_float", x, &spec])
            }
        }
    }
    for _ in 0..600 {
        let flags = pick(&["", "", "-", "+", " ", "#", "0", "-0", "+0", "#0", "- ", "#-"]);
        let width = pick(&["", "", "1", "6", "11"]);
        let precision = pick(&["", "", ".0", ".2", ".5", ".13"]);
        let conv = pick(&["d", "i", "o", "x", "X", "e", "E", "f", "F", "g", "G", "s", "r", "c"]);
        let arg = pick(&["i:0", "i:-7", "i:255", "i:65", "f:-0.0", "f:2.5", "f:-1234.5678", "f:1e+100", "s:ab", "s:z"]);
        push(&["pct", &format!("%{flags}{width}{precision}{conv}"), arg]);
    }
}

fn percent_cases(push: &mut impl FnMut(&[&str])) {
    let int_args = ["i:0", "i:-3", "i:42", "i:255", "i:-255", "i:9223372036854775807", "b:True"];
    let int_fmts =
        ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%x", "%#x", "%#08X", "%#-8o|", "%o", "%i", "%u", "%c"];
    for a in int_args {
        for fm in int_fmts {
            push(&["pct", fm, a]);
        }
    }
    let float_args = ["f:3.14159", "f:-0.0", "f:1e+16", "f:inf", "f:-inf", "f:nan", "f:2.675", "i:10", "f:1e-05"];
    let float_fmts = [
        "%f", "%.2f", "%010.3f", "%-10.1f|", "%+e", "%.0e", "%#.0f", "%g", "%#g", "%G", "%E", "%F", "%d", "%05f", "%s",
        "%r", "% .3g",
    ];
    for a in float_args {
        for fm in float_fmts {
            push(&["pct", fm, a]);
        }
    }
    let str_args = ["s:abc", "s:", "s:h\u{e9}llo", "s:x'y"];
    for a in str_args {
        for fm in ["%s", "%5s", "%-5s|", "%.2s", "%05s", "%r", "%c", "%d", "%x", "%f", "%10.1s|"] {
            push(&["pct", fm, a]);
        }
    }
    let multi: &[&[&str]] = &[
        &["%*d", "i:5", "i:3"],
        &["%*d", "i:-5", "i:3"],
        &["%.*f", "i:-2", "f:3.14159"],
        &["%.*f", "i:3", "f:3.14159"],
        &["%-*d|", "i:-5", "i:3"],
        &["%s %s", "i:1"],
        &["%s", "i:1", "i:2"],
        &["%d %y", "s:a"],
        &["%s %y", "i:1"],
        &["%y", "i:1"],
        &["%5%", "i:1"],
        &["%%"],
        &["100%% %s", "s:done"],
        &["%", "i:1"],
        &["abc %5", "i:1"],
        &["%ld %hd %Ld", "i:1", "i:2", "i:3"],
        &["%\u{1}", "i:1"],
        &["%\u{e9}", "i:1"],
        &["%99999999999999999999d", "i:1"],
        &["%.99999999999999999999d", "i:1"],
        &["%.2147483648f", "f:1.5"],
        &["%c", "i:-1"],
        &["%c", "i:1114112"],
        &["%c", "f:1.5"],
        &["%d", "f:nan"],
        &["%x", "f:1.5"],
        &["%*s|", "s:x", "s:y"],
    ];
    for m in multi {
        let mut parts = vec!["pct"];
        parts.extend_from_slice(m);
        push(&parts);
    }
}

fn arith_cases(push: &mut impl FnMut(&[&str])) {
    let ints = ["0", "1", "-1", "7", "-7", "3", "-3", "13", "9223372036854775807", "-9223372036854775808"];
    for a in ints {
        for b in ints {
            for op in ["floordiv", "mod", "divmod", "truediv"] {
                push(&[op, a, b]);
            }
        }
    }
    for a in ["0", "2", "-2", "3", "-1", "10", "9007199254740993"] {
        for b in ["0", "1", "2", "-1", "-3", "62", "63", "64", "5"] {
            push(&["pow", a, b]);
        }
    }
    for (a, b, m) in [
        ("2", "-1", "5"),
        ("2", "-1", "4"),
        ("2", "3", "0"),
        ("3", "4", "-5"),
        ("-7", "3", "5"),
        ("-7", "-1", "5"),
        ("5", "0", "1"),
        ("0", "0", "1"),
        ("123456789", "987654321", "1000000007"),
        ("9223372036854775807", "9223372036854775807", "9223372036854775783"),
        ("-9223372036854775808", "3", "-9223372036854775807"),
    ] {
        push(&["powmod", a, b, m]);
    }
    let floats = ["0.0", "-0.0", "1.5", "-7.5", "2.0", "-2.0", "0.1", "inf", "-inf", "NaN", "1e308", "3.0"];
    for a in floats {
        for b in floats {
            for op in ["ffloordiv", "fmod", "fdivmod", "fdiv", "fpow"] {
                push(&[op, a, b]);
            }
        }
    }
    for (a, b) in [("-8.0", "0.3333333333333333"), ("10.0", "400.0"), ("-2.0", "1e300"), ("-2.0", "-1e300")] {
        push(&["fpow", a, b]);
    }
    let round_vals = [
        "2.675",
        "0.5",
        "1.5",
        "2.5",
        "-0.5",
        "-2.5",
        "0.125",
        "123.456",
        "-123.456",
        "1250.0",
        "1e300",
        "1.7976931348623157e308",
        "5e-324",
        "1e-320",
        "2.5e-323",
        "0.285",
        "1.0000000000000002",
        "9.995",
        "inf",
        "NaN",
    ];
    for x in round_vals {
        for n in ["0", "1", "2", "3", "-1", "-2", "-3", "15", "323", "400", "-308", "-309", "-400"] {
            push(&["round", x, n]);
        }
        push(&["roundi", x]);
    }
    for i in ["1250", "1350", "-1250", "-1350", "1249", "9223372036854775807", "-9223372036854775808", "5", "0"] {
        for n in ["0", "-1", "-2", "-3", "-18", "-19", "-20", "-40", "3"] {
            push(&["roundint", i, n]);
        }
    }
    for i in ["0", "1", "-1", "-2", "2305843009213693951", "2305843009213693952", "-2305843009213693952"] {
        push(&["hash_i", i]);
    }
    for i in ["9223372036854775807", "-9223372036854775808", "123456789123456789"] {
        push(&["hash_i", i]);
    }
    for x in ["0.0", "-0.0", "1.0", "1.5", "-1.5", "0.1", "1e300", "5e-324", "inf", "-inf", "2.0", "-1.0", "1e-300"] {
        push(&["hash_f", x]);
    }
    for x in ["3.9", "-3.9", "NaN", "inf", "-inf", "9.3e18", "-9.223372036854775808e18", "9.223372036854775e18"] {
        push(&["trunc", x]);
        push(&["isint", x]);
    }
    for (i, x) in [
        ("9007199254740993", "9007199254740992.0"),
        ("3", "3.5"),
        ("-3", "-3.5"),
        ("3", "3.0"),
        ("9223372036854775807", "9.223372036854775808e18"),
        ("-9223372036854775808", "-9.223372036854775808e18"),
        ("0", "NaN"),
        ("0", "-inf"),
    ] {
        push(&["cmp", i, x]);
    }
}

fn parse_cases(push: &mut impl FnMut(&[&str])) {
    let texts = [
        "010",
        "0x",
        "0x_1f",
        "0_0",
        "00",
        "1__0",
        "_1",
        "1_",
        " 12 ",
        "+ 1",
        "-0b101",
        "0b101",
        "0B1_0",
        "\u{a0}12\u{2003}",
        "1\0",
        "12a",
        "",
        "  ",
        "\u{661}\u{662}\u{663}",
        "0o17",
        "0x1F",
        "0xg",
        "-9223372036854775808",
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999999",
        "zz",
        "-",
        "\t-7\n",
    ];
    for t in texts {
        for b in ["0", "10", "16", "2", "8", "36", "1", "37"] {
            push(&["int", t, b]);
        }
    }
    let long_a = "a".repeat(300);
    push(&["int", &long_a, "10"]);
    let float_texts = [
        "1_000.5",
        "1_.5",
        "1._5",
        "_1",
        "1e1_0",
        "1e_1",
        "inf",
        "-Infinity",
        "+nAn",
        "nan(1)",
        " 1.5\n",
        "",
        "1e500",
        "0x10",
        "1.",
        ".5",
        ".",
        "1e",
        "\u{a0}1.5",
        "1.5\0",
        "infinit",
        "-iNF",
        "1__0",
        "1_e5",
        "-0",
        "1E+5",
        "+.5e-3",
        "\u{661}.5",
        "2.675",
        "  -12_345.678_9e-1_0  ",
    ];
    for t in float_texts {
        push(&["float", t]);
    }
    push(&["float", &long_a]);
    for i in ["0", "5", "-5", "255", "-9223372036854775808", "9223372036854775807"] {
        push(&["bases", i]);
    }
}
