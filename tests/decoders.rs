//! Link and parameter decoders against hostile input: property tests (proptest) and a fuzz
//! loop of over a million random inputs. Any input gives a value or a message; none panics,
//! and nothing accepted is out of bounds.
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use interleave::aio::Job;
use interleave::demos::params::{fetch_url, visible, Form, Kind, ParamSpec, Value, SITE_DATA};
use interleave::demos::DEMOS;
use proptest::prelude::*;

fn all_specs() -> impl Iterator<Item = &'static ParamSpec> {
    DEMOS.iter().flat_map(|d| d.params().iter())
}

/// What an accepted value must satisfy.
fn within_bounds(spec: &ParamSpec, value: &Value) -> bool {
    match (spec.kind, value) {
        (Kind::Seconds { min, max }, Value::Number(x)) => x.is_finite() && *x >= min && *x <= max,
        (Kind::Count { min, max }, Value::Number(x)) => x.fract() == 0.0 && *x >= min as f64 && *x <= max as f64,
        (Kind::Percent, Value::Number(x)) => (0.0..=100.0).contains(x),
        (Kind::Choice(options), Value::Choice(i)) => *i < options.len(),
        (Kind::Urls { max }, Value::Urls(urls)) => {
            urls.len() <= max
                && urls.iter().all(|u| {
                    let l = u.to_ascii_lowercase();
                    ((l.starts_with("http://") || l.starts_with("https://")) && !has_credentials(u))
                        || (u.starts_with(SITE_DATA) && !u.split('/').any(|part| part == ".." || part == "."))
                })
        }
        _ => false,
    }
}

/// Whether an http(s) URL has a `user:password@` part before its host.
fn has_credentials(url: &str) -> bool {
    let rest = url.split_once("://").map_or("", |(_, r)| r);
    rest.split(['/', '\\', '?', '#']).next().unwrap_or("").contains('@')
}

/// Pieces hostile links and typed values are made of.
const FRAGMENTS: &[&str] = &[
    "",
    "=",
    "&",
    "?",
    "#",
    "%",
    "%2",
    "%ZZ",
    "%00",
    "%0A",
    "%3C",
    "+",
    " ",
    "\u{0}",
    "\n",
    "\r\n",
    "\t",
    "..",
    "/",
    "a",
    "b",
    "c",
    "n",
    "calls",
    "limit",
    "urls",
    "variant",
    "delay",
    "timeout",
    "seed",
    "items",
    "0",
    "1",
    "-1",
    "2.5",
    "1e9",
    "1e309",
    "-0",
    "NaN",
    "inf",
    "1_000",
    "0x10",
    "9999999999999999999999",
    ".",
    "e",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "data:text/html,hi",
    "file:///etc/passwd",
    "http://",
    "https://example.com/x",
    "http://user:pass@",
    "@",
    "%40",
    "\u{2066}",
    "\u{200f}",
    "\u{061c}",
    "static/data/",
    "static/data/../../x",
    "static/data/items/1.json",
    "fail-fast",
    "inline",
    "to_thread",
    "ünïcödé",
    "😀",
    "\u{202e}",
    "\u{feff}",
    "\\",
    "'",
    "\"",
];

fn hostile(rng: &mut fastrand::Rng) -> String {
    let parts = rng.usize(0..12);
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(FRAGMENTS[rng.usize(..FRAGMENTS.len())]);
    }
    if rng.u8(..) < 3 {
        // Now and then, something very long.
        let piece = FRAGMENTS[rng.usize(..FRAGMENTS.len())];
        s.push_str(&piece.repeat(rng.usize(100..3000)));
    }
    s
}

#[test]
fn a_million_hostile_inputs_never_panic_and_never_slip_through() {
    let specs: Vec<&ParamSpec> = all_specs().collect();
    let mut rng = fastrand::Rng::with_seed(0x1e7_1ea7e);
    let mut inputs = 0u64;
    let mut accepted = 0u64;
    while inputs < 1_000_000 {
        let text = hostile(&mut rng);
        // As a link's query, for one demo in turn.
        let demo = DEMOS[inputs as usize % DEMOS.len()];
        let (form, _problems) = Form::from_query(demo.params(), &text);
        assert!(form.params().is_some(), "a link always yields a runnable form: {text:?}");
        // As typed into one field.
        let spec = specs[inputs as usize % specs.len()];
        if let Ok(v) = spec.parse(&text) {
            accepted += 1;
            assert!(within_bounds(spec, &v), "{} accepted {text:?} as {v:?}", spec.key);
        }
        let _ = fetch_url(&text);
        let _ = Job::decode(&text);
        inputs += 1;
    }
    assert!(inputs >= 1_000_000);
    assert!(accepted > 0, "the fuzz reached accepting paths too");
}

#[test]
fn every_field_of_every_demo_refuses_bad_values_with_a_message() {
    let mut tried = 0;
    for demo in DEMOS {
        for spec in demo.params() {
            let mut bad: Vec<&str> = vec!["", "   ", "abc", "<script>alert(1)</script>"];
            match spec.kind {
                Kind::Seconds { .. } | Kind::Count { .. } | Kind::Percent => {
                    bad.extend(["NaN", "inf", "-1", "-0.5", "1e9", "1000000000", "1e309", "1,5", "0x10"]);
                    if matches!(spec.kind, Kind::Count { min, .. } if min >= 1) {
                        bad.push("0");
                    }
                    if matches!(spec.kind, Kind::Count { .. }) {
                        bad.push("2.5");
                    }
                }
                Kind::Choice(_) => bad.push("not-an-option"),
                Kind::Urls { .. } => bad.extend([
                    "javascript:alert(1)",
                    "ftp://x.test/a",
                    "file:///etc/passwd",
                    "/etc/passwd",
                    "https://",
                ]),
            }
            for b in bad {
                tried += 1;
                let message = spec.parse(b).expect_err(&format!("{} {} accepted {b:?}", demo.slug(), spec.key));
                assert!(message.len() > 10, "{message}");
            }
            assert!(spec.parse(spec.default).is_ok());
        }
    }
    assert!(tried > 500, "{tried}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn any_text_in_any_field_is_a_value_in_bounds_or_a_message(text in ".{0,64}", which in 0usize..1000) {
        let specs: Vec<&ParamSpec> = all_specs().collect();
        let spec = specs[which % specs.len()];
        match spec.parse(&text) {
            Ok(v) => prop_assert!(within_bounds(spec, &v), "{} accepted {:?}", spec.key, text),
            Err(message) => prop_assert!(!message.is_empty()),
        }
    }

    #[test]
    fn any_link_opens_a_runnable_setup(query in "[a-z=&%0-9A-F<>\"'./:?#+-]{0,200}", which in 0usize..100) {
        let demo = DEMOS[which % DEMOS.len()];
        let (form, problems) = Form::from_query(demo.params(), &query);
        prop_assert!(form.params().is_some());
        // Whatever was refused is said, one problem per refusal at most per pair.
        prop_assert!(problems.len() <= query.matches('&').count() + 1);
    }

    #[test]
    fn a_shared_setup_reads_back_exactly(picks in proptest::collection::vec(0usize..1000, 16), which in 0usize..100) {
        let demo = DEMOS[which % DEMOS.len()];
        let mut form = Form::defaults(demo.params());
        for (i, spec) in demo.params().iter().enumerate() {
            let pick = picks[i % picks.len()];
            form.raw[i] = match spec.kind {
                Kind::Seconds { min, max } => format!("{}", min + (max - min) * (pick as f64 / 999.0)),
                Kind::Count { min, max } => format!("{}", min as u64 + (pick as u64 % (max as u64 - min as u64 + 1))),
                Kind::Percent => format!("{}", pick % 101),
                Kind::Choice(options) => options[pick % options.len()].to_string(),
                Kind::Urls { .. } => format!("https://example.test/{pick}?q=a&b=c\n{SITE_DATA}items/{}.json", pick % 10 + 1),
            };
        }
        prop_assert!(form.params().is_some(), "{:?}", form.raw);
        let (back, problems) = Form::from_query(demo.params(), &form.to_query());
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(back.params(), form.params());
    }
}

fn demo_form(slug: &str, query: &str) -> (Form, Vec<String>) {
    let demo = interleave::demos::find(slug).expect("a demo of the gallery");
    Form::from_query(demo.params(), query)
}

#[test]
fn urls_with_a_user_name_or_password_are_refused_without_repeating_the_password() {
    for url in [
        "http://user:hunter2@example.com/a.json",
        "https://user:hunter2@example.com",
        "HTTPS://user:hunter2@example.com/?q=1",
        "http://hunter2@example.com/a",
        "http://user:hunter2@127.0.0.1:8000#x",
        "https://a:b:hunter2@c@example.com/",
        "http:///user:hunter2@example.com/",
        "http://user:hunter2@example.com\\a",
    ] {
        let message = fetch_url(url).expect_err(url);
        assert!(!message.contains("hunter2"), "the message repeats the password: {message}");
        assert!(message.contains("user name or password") || message.contains("has no host"), "{url}: {message}");
    }
    // An @ after the host is part of the path or query, not a credential.
    for url in ["https://example.com/@user", "https://example.com/a?to=me@example.com", "https://example.com/#@x"] {
        assert_eq!(fetch_url(url).as_deref(), Ok(url));
    }
    // From a link: refused with a notice that does not carry the password, the default kept,
    // and the page's own link (rebuilt from the form) does not carry it either.
    let (form, problems) = demo_form("fetch", "urls=http%3A%2F%2Fuser%3Ahunter2%40example.com%2Fa.json");
    assert_eq!(form, Form::defaults(form.specs));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("user name or password") && !problems[0].contains("hunter2"), "{problems:?}");
    // Typed into the field: refused, and kept out of the page's link.
    let mut typed = form.clone();
    typed.raw[0] = "http://user:hunter2@example.com/a.json".into();
    assert!(typed.params().is_none());
    assert!(!typed.to_query().contains("hunter2"), "{}", typed.to_query());
}

#[test]
fn invisible_and_direction_changing_characters_are_shown_escaped() {
    for (c, escaped) in [
        ('\u{202a}', "\\u202a"),
        ('\u{202b}', "\\u202b"),
        ('\u{202c}', "\\u202c"),
        ('\u{202d}', "\\u202d"),
        ('\u{202e}', "\\u202e"),
        ('\u{2066}', "\\u2066"),
        ('\u{2067}', "\\u2067"),
        ('\u{2068}', "\\u2068"),
        ('\u{2069}', "\\u2069"),
        ('\u{200e}', "\\u200e"),
        ('\u{200f}', "\\u200f"),
        ('\u{061c}', "\\u061c"),
        ('\u{200b}', "\\u200b"),
        ('\u{feff}', "\\ufeff"),
        ('\u{00ad}', "\\u00ad"),
        ('\u{2028}', "\\u2028"),
        ('\u{0}', "\\u0000"),
        ('\n', "\\u000a"),
        ('\u{1b}', "\\u001b"),
        ('\u{85}', "\\u0085"),
        ('\u{e0041}', "\\u{e0041}"),
    ] {
        assert_eq!(visible(&format!("a{c}b")), format!("a{escaped}b"), "U+{:04X}", c as u32);
    }
    // Ordinary text of any script is left as it is.
    for text in ["ünïcödé", "😀", "مرحبا", "שלום", "日本語", "plain ASCII <b>&amp;</b>"] {
        assert_eq!(visible(text), text);
    }
    // A link whose key or value hides a right-to-left override: every notice shows it escaped.
    let spoof = "%E2%80%AEexe.txt";
    for query in [format!("{spoof}=1"), format!("a={spoof}"), format!("a=1&a={spoof}")] {
        let (_, problems) = demo_form("gather", &query);
        assert!(!problems.is_empty(), "{query}");
        for p in &problems {
            assert!(!p.chars().any(|c| matches!(c, '\u{202a}'..='\u{202e}')), "raw override in {p:?}");
        }
        assert!(problems.iter().any(|p| p.contains("\\u202eexe.txt")), "{problems:?}");
    }
    // In a URL, invisible characters are refused like control characters.
    assert!(fetch_url("https://example.com/\u{202e}gpj.exe").unwrap_err().contains("\\u202egpj.exe"));
}

#[test]
fn a_key_set_twice_says_which_value_is_used() {
    let (form, problems) = demo_form("sequential-vs-gather", "n=3&n=5");
    let n = form.specs.iter().position(|s| s.key == "n").expect("n");
    assert_eq!(form.raw[n], "5");
    assert_eq!(problems, ["The link set n twice; using 5."]);

    let (_, problems) = demo_form("sequential-vs-gather", "n=3&n=4&n=5");
    assert_eq!(problems, ["The link set n 3 times; using 5."]);

    // When the last value is refused, the notice says so and the default is used.
    let (form, problems) = demo_form("sequential-vs-gather", "n=3&n=abc");
    assert_eq!(form.raw[n], form.specs[n].default);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0], "The link set n twice; only the last value counts.");
    assert!(problems[1].contains("is not a number") && problems[1].contains("default"), "{problems:?}");

    // Each key is read once: no notice.
    assert!(demo_form("sequential-vs-gather", "n=5&delay=0.5").1.is_empty());
}
