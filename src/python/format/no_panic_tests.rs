//! These functions see user input: whatever it is, they answer `Ok` or a `Raise`, never panic,
//! and never build a string past the limits. Specs and format strings are drawn from the
//! characters that matter so that deep paths are reached, with a few huge numbers mixed in.

use proptest::prelude::*;

use super::spec::Target;
use super::*;

/// Strings made of `alphabet`, up to `max` characters.
fn text_of(alphabet: &'static [char], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(alphabet), 0..max).prop_map(|v| v.into_iter().collect())
}

const SPEC_CHARS: &[char] = &[
    '<', '>', '^', '=', '+', '-', ' ', 'z', '#', '0', '1', '5', '9', ',', '_', '.', 'b', 'c', 'd', 'e', 'E', 'f', 'F',
    'g', 'G', 'n', 'o', 's', 'x', 'X', '%', '*', '\u{e9}', '\0',
];
const PERCENT_CHARS: &[char] = &[
    '%', '(', ')', 'a', '-', '+', ' ', '#', '0', '1', '7', '*', '.', 'h', 'l', 'd', 'i', 'u', 'o', 'x', 'X', 'e', 'E',
    'f', 'F', 'g', 'G', 'c', 's', 'r', 'y', '\u{e9}',
];
const NUMBER_CHARS: &[char] = &[
    '0', '1', '7', '9', 'a', 'f', 'x', 'o', 'b', 'e', 'E', '.', '_', '+', '-', ' ', 'i', 'n', 'N', '\u{a0}', '\u{661}',
    '\0',
];

/// Any f64, nan and infinities and subnormals included.
fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![any::<u64>().prop_map(f64::from_bits), any::<f64>(), Just(f64::NAN), Just(-0.0)]
}

fn arg() -> impl Strategy<Value = PercentArg> {
    prop_oneof![
        any::<i64>().prop_map(PercentArg::Int),
        any_f64().prop_map(PercentArg::Float),
        any::<String>().prop_map(PercentArg::Str),
        Just(PercentArg::Other("list".to_string())),
    ]
}

/// A count as the caller would pass it for `*`: mostly small, sometimes extreme.
fn count() -> impl Strategy<Value = Option<i64>> {
    prop_oneof![Just(None), (-30i64..30).prop_map(Some), any::<i64>().prop_map(Some)]
}

/// The limit on what one formatting may produce (plus a little for signs and prefixes).
fn bounded(r: &Result<String, Raise>) -> bool {
    r.as_ref().map_or(true, |s| s.chars().count() <= 2 * MAX_FIELD + 2000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn specs_never_panic(spec in text_of(SPEC_CHARS, 12), i in any::<i64>(), x in any_f64(), s in any::<String>()) {
        for target in [Target::Int, Target::Bool, Target::Float, Target::Str] {
            if let Ok(sp) = parse_spec(&spec, target) {
                let r = match target {
                    Target::Int => format_int(i, &sp),
                    Target::Bool => format_bool(i % 2 == 0, &sp),
                    Target::Float => format_float(x, &sp),
                    Target::Str => format_str(&s, &sp),
                };
                prop_assert!(bounded(&r));
            }
        }
    }

    #[test]
    fn arbitrary_specs_never_panic(spec in any::<String>(), i in any::<i64>(), x in any_f64()) {
        if let Ok(sp) = parse_spec(&spec, Target::Int) {
            prop_assert!(bounded(&format_int(i, &sp)));
        }
        if let Ok(sp) = parse_spec(&spec, Target::Float) {
            prop_assert!(bounded(&format_float(x, &sp)));
        }
    }

    #[test]
    fn percent_never_panics(fmt in text_of(PERCENT_CHARS, 12), w in count(), p in count(), a in arg()) {
        for piece in parse_percent(&fmt) {
            if let Piece::Spec(spec) = piece {
                let r = percent_one(&spec, w, p, a.clone());
                prop_assert!(bounded(&r));
            }
        }
    }

    #[test]
    fn parsing_never_panics(t in text_of(NUMBER_CHARS, 24), any_text in any::<String>(), base in 0u32..40) {
        let _ = parse_int(&t, base);
        let _ = parse_int(&any_text, base);
        let _ = parse_float(&t);
        let _ = parse_float(&any_text);
        let _ = py_str_repr(&any_text);
    }

    #[test]
    fn int_arithmetic_never_panics(a in any::<i64>(), b in any::<i64>(), m in any::<i64>(), small in -70i64..70) {
        let _ = (int_floordiv(a, b), int_mod(a, b), int_divmod(a, b), int_truediv(a, b));
        let _ = (int_pow(a, b), int_pow(a, small), int_pow(small, b), int_pow_mod(a, b, m));
        let _ = (round_int(a, b), round_int(a, small), hash_int(a), int_to_base(a, b as u32));
        let _ = (int_checked(a.checked_add(b)), int_checked(a.checked_mul(b)));
    }

    #[test]
    fn float_arithmetic_never_panics(x in any_f64(), y in any_f64(), i in any::<i64>(), n in -400i64..400) {
        let _ = (float_floordiv(x, y), float_mod(x, y), float_divmod(x, y), float_truediv(x, y), float_pow(x, y));
        let _ = (round_float(x, n), round_float(x, i), round_to_int(x), float_to_int_trunc(x));
        let _ = (hash_float(x), cmp_int_float(i, x), float_is_integer(x), float_repr(x));
    }
}
