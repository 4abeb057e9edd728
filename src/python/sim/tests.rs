//! The simulator against its CPython stand-in: `expected.jsonl` is what
//! `tests/python/sim_expectations.py` printed (every endpoint, filters, 404s, status and delay
//! forms, bodies good and bad, failure sequences, odd URLs, the LLM), replayed here line by line;
//! and 100k random requests that must not panic.

use std::process::Command;

use super::json::{dumps, loads, Json};
use super::text::{repr, PyStr};
use super::*;
use crate::python::format::float_repr;

const EXPECTED: &str = include_str!("expected.jsonl");
const TABLES: &str = include_str!("tables.rs");

fn text(value: Option<&Json>) -> Option<String> {
    match value {
        Some(Json::Str(s)) => s.encode_utf8().ok(),
        _ => None,
    }
}

fn number(value: Option<&Json>) -> Option<f64> {
    match value {
        Some(Json::Float(x)) => Some(*x),
        Some(Json::Int(digits)) => digits.parse().ok(),
        _ => None,
    }
}

fn pair(a: &str, b: &str) -> Json {
    Json::List(vec![Json::str(a), Json::str(b)])
}

/// The line `sim_expectations.py` prints for a request and what the simulator made of it.
fn request_line(sim: &Simulator, method: &str, url: &str, body: Option<&str>, outcome: Outcome<f64>) -> String {
    let (key, result) = match outcome {
        Outcome::Answer(a) => {
            let latency = match a.latency {
                Latency::Float(x) => pair("float", &float_repr(x)),
                Latency::Int(digits) => pair("int", &digits),
                Latency::Set(x) => pair("set", &float_repr(x)),
            };
            let headers = Json::List(a.headers.iter().map(|(k, v)| pair(k, v)).collect());
            let answer = Json::dict([
                ("latency", latency),
                ("status", Json::int(u64::from(a.status))),
                ("reason", Json::str(a.reason)),
                ("headers", headers),
                ("body", Json::str(&a.body)),
                ("url", Json::str(&a.url)),
            ]);
            ("answer", answer)
        }
        Outcome::Network { host } => ("network", Json::str(&host)),
        Outcome::Raise(e) => ("raise", pair(e.kind.name(), &e.message)),
    };
    dumps(&Json::dict([
        ("op", Json::str("request")),
        ("method", Json::str(method)),
        ("url", Json::str(url)),
        ("body", body.map_or(Json::Null, Json::str)),
        (key, result),
        ("n", Json::int(sim.requests)),
        ("llm", Json::int(sim.llm_calls)),
    ]))
}

#[test]
fn answers_as_the_stand_in() {
    let mut sim = Simulator::<f64>::new();
    let mut requests = 0;
    let mut wrong = Vec::new();
    for (i, line) in EXPECTED.lines().enumerate() {
        let op = loads(line).unwrap_or_else(|e| panic!("line {}: {e:?}", i + 1));
        let mine = match text(op.get("op")).as_deref() {
            Some("reset") => {
                sim = Simulator::new();
                dumps(&Json::dict([("op", Json::str("reset"))]))
            }
            Some("simulate") => {
                let latency = number(op.get("latency"));
                let rate = number(op.get("failure_rate")).unwrap_or_default();
                sim.simulate(latency, rate);
                let latency = op.get("latency").cloned().unwrap_or(Json::Null);
                dumps(&Json::dict([
                    ("op", Json::str("simulate")),
                    ("latency", latency),
                    ("failure_rate", Json::Float(rate)),
                ]))
            }
            _ => {
                requests += 1;
                let (method, url, body) = (text(op.get("method")), text(op.get("url")), text(op.get("body")));
                let (method, url) = (method.unwrap_or_default(), url.unwrap_or_default());
                let outcome = sim.request(&method, &url, body.as_deref());
                request_line(&sim, &method, &url, body.as_deref(), outcome)
            }
        };
        if mine != line {
            wrong.push(format!("line {}:\n  stand-in: {}\n  rust:     {}", i + 1, clip(line), clip(&mine)));
        }
    }
    assert!(requests >= 80, "only {requests} requests in expected.jsonl");
    assert!(wrong.is_empty(), "{} of {} lines differ:\n{}", wrong.len(), EXPECTED.lines().count(), wrong.join("\n"));
}

fn clip(s: &str) -> String {
    if s.chars().count() > 600 {
        format!("{}…", s.chars().take(600).collect::<String>())
    } else {
        s.to_string()
    }
}

/// The committed fixture and tables are what the script prints today (needs CPython 3.11).
#[test]
fn fixtures_are_the_stand_ins() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/sim_expectations.py");
    for (args, committed, file) in [(&[][..], EXPECTED, "expected.jsonl"), (&["--tables"][..], TABLES, "tables.rs")] {
        let Ok(out) = Command::new("python3").arg(script).args(args).output() else {
            eprintln!("skipped: no python3 on PATH");
            return;
        };
        if out.status.code() == Some(3) {
            eprintln!("skipped: {}", String::from_utf8_lossy(&out.stderr).trim());
            return;
        }
        assert!(out.status.success(), "{script} failed: {}", String::from_utf8_lossy(&out.stderr));
        assert!(
            out.stdout == committed.as_bytes(),
            "src/python/sim/{file} is stale: python3 tests/python/sim_expectations.py {} > src/python/sim/{file}",
            args.join(" ")
        );
    }
}

#[test]
fn reads_like_the_doc() {
    let mut sim = Simulator::<f64>::new();
    let Outcome::Answer(a) = sim.request("GET", "https://jsonplaceholder.example.com/users/8", None) else {
        panic!("users/8 answers");
    };
    assert_eq!(a.body, r#"{"id": 8, "name": "Guido van Rossum", "username": "guido", "email": "guido@example.com"}"#);
    assert_eq!((a.status, a.reason, a.headers), (200, "OK", &[("content-type", "application/json")][..]));
    let Outcome::Answer(a) = sim.request("GET", "http://example.com/item/2", None) else { panic!("item/2 answers") };
    assert_eq!(a.body, r#"{"id": 2, "name": "item 2", "price": 5.0, "in_stock": true}"#);
    let Outcome::Answer(a) = sim.request("GET", "http://example.com/delay/0.5", None) else { panic!("delay answers") };
    assert_eq!((a.latency, a.body.as_str()), (Latency::Float(0.5), r#"{"delay": 0.5}"#));
    assert_eq!(
        sim.request("GET", "http://nope.invalid/", None),
        Outcome::Raise(PyError { kind: ErrorKind::ConnectionError, message: "Name or service not known".into() })
    );
    assert_eq!(sim.request("GET", "https://www.python.org/", None), Outcome::Network { host: "www.python.org".into() });
    assert_eq!((sim.requests, sim.llm_calls), (3, 0));
    let simulated = [
        "http://Api.Example.COM:8080/x",
        "https://api.anthropic.com/v1/messages",
        "https://API.openai.com/v1/chat/completions",
        "ftp://u@example.net",
    ];
    assert!(simulated.iter().all(|url| is_simulated(url)));
    let elsewhere = ["http://example.com.", "https://example.co/", "example.com/users", "http://nope.invalid/"];
    assert!(!elsewhere.iter().any(|url| is_simulated(url)));
    assert_eq!((reason(418), reason(599)), ("I'm a Teapot", ""));
    assert_eq!((fnv1a32(&[]), fnv1a32(&["a"]), fnv1a32(&["fo", "obar"])), (0x811c_9dc5, 0xe40c_292c, 0xbf9c_f968));
}

/// json.dumps' floats: `float.__repr__` but for the three that are not numbers.
#[test]
fn json_writes_floats_as_python_does() {
    let values = [Json::Float(f64::NAN), Json::Float(f64::NEG_INFINITY), Json::Float(1e22), Json::Int("-7".into())];
    assert_eq!(dumps(&Json::List(values.to_vec())), "[NaN, -Infinity, 1e+22, -7]");
}

#[test]
fn strs_repr_as_python_does() {
    for (s, shown) in [
        ("", "''"),
        ("it's", r#""it's""#),
        (r#"a'b"c"#, r#"'a\'b"c'"#),
        ("\t\n\r\\\x00\x7f", r"'\t\n\r\\\x00\x7f'"),
        ("é€😀", "'é€😀'"),
        ("\u{85}\u{a0}\u{ad}\u{200b}\u{2028}\u{e000}\u{e0001}", r"'\x85\xa0\xad\u200b\u2028\ue000\U000e0001'"),
    ] {
        assert_eq!(repr(&PyStr::from(s)), shown, "repr of {s:?}");
    }
    assert_eq!(repr(&PyStr(vec![0xd800, 0x41])), r"'\ud800A'");
}

#[test]
fn json_round_trips_in_pythons_words() {
    for (text, dumped) in [
        (
            r#" {"b": [1, 2.50, -0, true, null], "a": "\u00e9\ud83d\ude00\ud800", "b": {}} "#,
            r#"{"b": {}, "a": "\u00e9\ud83d\ude00\ud800"}"#,
        ),
        ("[1E5, -0.0, 1e400]", "[100000.0, -0.0, Infinity]"),
        ("\"\\/\\b\\f\"", r#""/\b\f""#),
    ] {
        assert_eq!(loads(text).map(|v| dumps(&v)).as_deref(), Ok(dumped), "{text}");
    }
    for bad in ["", "[1,]", "01", "[1.]", "\"\x01\"", "\"\\x\"", "{\"a\" 1}", "nul", "[\"\\ud800\\u12\"]"] {
        assert_eq!(loads(bad), Err(LoadError::Invalid), "{bad:?}");
    }
    assert_eq!(loads(&"[".repeat(201)), Err(LoadError::TooDeep("array")));
    assert!(loads(&format!("{}{}", "[".repeat(200), "]".repeat(200))).is_ok());
}

/// Pieces random URLs and bodies are made of: the API's own words and the characters that
/// make parsers stumble.
const URL_PIECES: &[&str] = &[
    "http://",
    "https://",
    "://",
    "example.com",
    "EXAMPLE.ORG",
    "api.example.net",
    "api.anthropic.com",
    "api.openai.com",
    ".invalid",
    "invalid",
    "@",
    ":",
    ":80",
    "/",
    "//",
    "?",
    "&",
    "=",
    "#",
    "%",
    "%4",
    "%41",
    "%e2%82",
    "%FF",
    "+",
    "users",
    "posts",
    "comments",
    "item",
    "items",
    "status",
    "delay",
    "echo",
    "v1",
    "messages",
    "userId",
    "postId",
    "0",
    "1",
    "7",
    "30",
    "61",
    "404",
    "599",
    "0.5",
    ".",
    "1.",
    "²",
    "١",
    "٣.٥",
    "①",
    "😀",
    "é",
    "\u{130}",
    "\u{212a}",
    "\0",
    "\n",
    " ",
];
const BODY_PIECES: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "d83d",
    ",",
    ":",
    " ",
    "\t",
    "null",
    "true",
    "NaN",
    "-Infinity",
    "-",
    "0",
    "1",
    "1e400",
    ".5",
    "e",
    "\"messages\"",
    "\"role\"",
    "\"user\"",
    "\"content\"",
    "\"type\"",
    "\"text\"",
    "\"model\"",
    "😀",
    "é",
    "\u{1}",
];

fn random_text(rng: &mut fastrand::Rng, pieces: &[&str], max: usize) -> String {
    let mut out = String::new();
    for _ in 0..rng.usize(0..max) {
        match rng.u8(0..200) {
            0..=9 => out.push(rng.char(..)),
            10 => out.push_str(&"9".repeat(rng.usize(0..5000))),
            _ => out.push_str(pieces[rng.usize(0..pieces.len())]),
        }
    }
    out
}

#[test]
fn random_requests_never_panic() {
    let mut rng = fastrand::Rng::with_seed(0x5eed_1e55);
    let mut sim = Simulator::<f64>::new();
    let rates = [0.0, 0.3, 1.0, -2.0, 7.5, f64::NAN, f64::INFINITY, 1e308];
    let simulated = [
        "http://example.com/",
        "https://api.example.org/",
        "https://api.anthropic.com/v1/messages",
        "https://api.openai.com/v1/chat/completions",
    ];
    let mut seen = [0; 3];
    for i in 0..100_000 {
        if i % 1000 == 0 {
            sim.simulate(rng.bool().then(|| rng.f64()), rates[rng.usize(0..rates.len())]);
        }
        let mut url = random_text(&mut rng, URL_PIECES, 12);
        if rng.bool() {
            url.insert_str(0, simulated[rng.usize(0..simulated.len())]);
        }
        let body = rng.bool().then(|| random_text(&mut rng, BODY_PIECES, 40));
        let method = ["GET", "POST", "post", "DELETE", ""][rng.usize(0..5)];
        let before = (sim.requests, sim.llm_calls);
        match sim.request(method, &url, body.as_deref()) {
            Outcome::Answer(a) => {
                assert!(a.body.is_ascii() && a.reason == reason(a.status) && a.url == url, "{url:?}");
                assert_eq!(sim.requests, before.0 + 1);
                seen[0] += 1;
            }
            Outcome::Network { .. } => {
                assert_eq!((sim.requests, sim.llm_calls), before);
                seen[1] += 1;
            }
            Outcome::Raise(e) => {
                assert!(!e.message.is_empty());
                seen[2] += 1;
            }
        }
    }
    // Answers, the network and exceptions all had their share.
    assert!(seen.iter().all(|&count| count > 5_000), "{seen:?}");
}
