//! The simulated API (docs/simulated-api.md): the deterministic server that answers requests to
//! `example.com`, `example.org`, `example.net` (and their subdomains), `api.anthropic.com` and
//! `api.openai.com` inside the page. It must agree to the byte with its CPython stand-in,
//! `tests/python/standins/_interleave.py`, which produces the corpus' expected outputs; where the
//! doc and the stand-in differ, this follows the stand-in.
//!
//! Pure: no interpreter types, no I/O, no clock, and no panic whatever URL or body a user types.
//! [`Simulator::request`] does what the stand-in's `request` does before it waits, i.e.
//! `_check_host(url)` then `answer(method, url, body)`: it counts the request, decides the
//! answer and says how long to wait, or which exception to raise at once. The caller (the
//! engine's native `_interleave.request` / `request_blocking`) does the waiting:
//!
//! ```python
//! # _interleave.request(method, url, headers, body, timeout), headers being ignored:
//! outcome = simulator.request(method, url, body)   # when the coroutine starts running
//! # Outcome::Raise(e)       -> raise e now, without suspending
//! # Outcome::Network{host} -> not simulated: fetch url for real (the stand-in raises
//! #                           ConnectionError(f"no network under the oracle: {host}"))
//! # Outcome::Answer(a)      -> latency = a.latency as a Python value (Latency::Set: the object
//! #                           given to simulate(); Latency::Int: an int, maybe a big one)
//! if timeout is not None and latency > timeout:   # Python's comparison, errors included
//!     await asyncio.sleep(timeout)                # time.sleep(timeout) in request_blocking
//!     raise TimeoutError("timed out")
//! await asyncio.sleep(latency)                    # time.sleep(latency) in request_blocking
//! return (a.status, a.reason, dict(a.headers), a.body, a.url)
//! ```
//!
//! The sleeps are the caller's own `asyncio.sleep` / `time.sleep`, with CPython's rules for what
//! the stand-in may hand them: a latency of 0 or less (`simulate(latency=-1)`) is one yield for
//! `asyncio.sleep` but `ValueError("sleep length must be non-negative")` for `time.sleep`; `inf`
//! and `nan` never end in `asyncio.sleep` (`time.sleep` raises); an int too large for a float
//! (`/delay/{400 digits}`) is `OverflowError("int too large to convert to float")` in
//! `asyncio.sleep`.

mod json;
mod tables;
mod text;

use json::{dumps, loads, str_of, Json, LoadError};
use text::{float_of, int_of_digits, int_to_float, is_digits, unquote, word_count, PyStr};

/// Response headers of every simulated answer.
const HEADERS: &[(&str, &str)] = &[("content-type", "application/json")];

/// Python 3.11's `http.HTTPStatus(code).phrase`, as the stand-in's `REASONS`.
const REASONS: &[(u16, &str)] = &[
    (100, "Continue"),
    (101, "Switching Protocols"),
    (102, "Processing"),
    (103, "Early Hints"),
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "Non-Authoritative Information"),
    (204, "No Content"),
    (205, "Reset Content"),
    (206, "Partial Content"),
    (207, "Multi-Status"),
    (208, "Already Reported"),
    (226, "IM Used"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (305, "Use Proxy"),
    (307, "Temporary Redirect"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Request Entity Too Large"),
    (414, "Request-URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Requested Range Not Satisfiable"),
    (417, "Expectation Failed"),
    (418, "I'm a Teapot"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Entity"),
    (423, "Locked"),
    (424, "Failed Dependency"),
    (425, "Too Early"),
    (426, "Upgrade Required"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (510, "Not Extended"),
    (511, "Network Authentication Required"),
];

/// The people behind `/users`, in order.
const NAMES: [&str; 10] = [
    "Ada Lovelace",
    "Alan Turing",
    "Grace Hopper",
    "Edsger Dijkstra",
    "Barbara Liskov",
    "Donald Knuth",
    "Margaret Hamilton",
    "Guido van Rossum",
    "Katherine Johnson",
    "Linus Torvalds",
];

/// The host of the simulated LLM's Messages API (Anthropic).
const LLM_HOST: &str = "api.anthropic.com";

/// The host of the same LLM's Chat Completions API (OpenAI).
const OPENAI_HOST: &str = "api.openai.com";

/// `created` of every chat completion: fixed (the engine's epoch, 2026-01-01 UTC) so that no
/// answer depends on the clock.
const OPENAI_CREATED: u64 = 1_767_225_600;

/// The reason phrase of a status code; `""` for a code that has none (`/status/599`).
pub fn reason(status: u16) -> &'static str {
    REASONS.iter().find(|&&(code, _)| code == status).map_or("", |&(_, phrase)| phrase)
}

/// The Python exception class of a [`PyError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ConnectionError`: a host under `.invalid`.
    ConnectionError,
    /// `ValueError`: a URL without `://`, `int()`/`float()` of odd digits, a NaN failure rate.
    ValueError,
    /// `OverflowError`: an infinite failure rate, `/item/{i}` with `i` beyond a float.
    OverflowError,
    /// `TypeError`: an LLM text block whose `text` is not a str.
    TypeError,
    /// `UnicodeEncodeError`: an LLM prompt with a lone surrogate (`"\ud800"` in its JSON).
    UnicodeEncodeError,
    /// `RecursionError`: a request body nested too deep for `json.loads`.
    RecursionError,
}

impl ErrorKind {
    /// The exception class's name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ConnectionError => "ConnectionError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::UnicodeEncodeError => "UnicodeEncodeError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// An exception the stand-in raises from `request` before any wait: `kind(message)`, where
/// `message` is `str()` of CPython's exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyError {
    pub kind: ErrorKind,
    pub message: String,
}

impl PyError {
    fn value_error(message: String) -> PyError {
        PyError { kind: ErrorKind::ValueError, message }
    }
}

/// How long a simulated request waits before it answers: the Python value the stand-in hands
/// to `asyncio.sleep` (or `time.sleep`), and compares with the timeout.
#[derive(Clone, Debug, PartialEq)]
pub enum Latency<L> {
    /// A float of seconds: the default latency, the LLM's, or a `/delay/{secs}` with a dot
    /// (`inf` for one of more than 308 digits).
    Float(f64),
    /// A `/delay/{secs}` without a dot: the int `secs`, in decimal without leading zeros. It has
    /// up to 4300 digits, so it may not fit an `i64`, nor even a float (`asyncio.sleep` then
    /// raises `OverflowError`).
    Int(String),
    /// The `latency` last given to [`Simulator::simulate`], as given.
    Set(L),
}

/// The answer to a simulated request, after its latency.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer<L> {
    pub latency: Latency<L>,
    pub status: u16,
    /// [`reason`] of `status`.
    pub reason: &'static str,
    /// Always `{"content-type": "application/json"}`.
    pub headers: &'static [(&'static str, &'static str)],
    /// JSON, as `json.dumps` writes it: ASCII only.
    pub body: String,
    /// The URL as requested.
    pub url: String,
}

/// What `_interleave.request` does with one request.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<L> {
    /// Wait for `latency` (or the timeout), then answer.
    Answer(Answer<L>),
    /// Not a simulated host (its name, lower-cased): the engine fetches the URL for real; the
    /// stand-in raises `ConnectionError(f"no network under the oracle: {host}")`. Not counted.
    Network { host: String },
    /// Raise this at once, without suspending. A `ConnectionError` or an invalid URL is not
    /// counted; anything else was raised while answering, after the request was counted.
    Raise(PyError),
}

/// The state of the simulated API for one run of a program: `interleave.simulate`'s settings
/// and the counters that make answers depend on the order of requests. `L` is how the caller
/// holds the latency given to `simulate` (a Python value in the engine, `f64` in tests).
#[derive(Clone, Debug)]
pub struct Simulator<L = f64> {
    latency: Option<L>,
    failure_rate: f64,
    /// Simulated requests issued so far (`n` of the failure rule).
    requests: u64,
    /// LLM calls so far, `POST /v1/messages` and `POST /v1/chat/completions` alike (`N` of
    /// `msg_sim_N` and `chatcmpl-sim-N`).
    llm_calls: u64,
}

impl<L> Default for Simulator<L> {
    fn default() -> Self {
        Simulator { latency: None, failure_rate: 0.0, requests: 0, llm_calls: 0 }
    }
}

impl<L: Clone> Simulator<L> {
    /// A fresh run: default latencies, no failures, counters at 0.
    pub fn new() -> Self {
        Self::default()
    }

    /// `interleave.simulate(latency=None, failure_rate=0.0)`: a fixed latency for every later
    /// request but `/delay/{secs}` (`None`: the default ones), and the failure rate.
    ///
    /// Like the stand-in, it checks nothing (the doc's `0 ≤ r ≤ 1` is not enforced): a rate
    /// below 0 never fails, above 1 always does, and a NaN or infinite rate makes every later
    /// request raise (see [`Simulator::request`]). The caller passes `float(r)` for a float and
    /// `max(-1, min(r, 1))` for an int `r` (what the stand-in computes, `round(r * 100)`,
    /// compares the same for every int beyond that range).
    pub fn simulate(&mut self, latency: Option<L>, failure_rate: f64) {
        self.latency = latency;
        self.failure_rate = failure_rate;
    }

    /// One request through the simulated API: the stand-in's `_check_host(url)` then
    /// `answer(method, url, body)`, everything `_interleave.request` does before it waits (the
    /// module doc shows the rest). Call it when the request's coroutine starts running (that is
    /// the order in which requests count), and for `request_blocking` alike.
    ///
    /// The request headers are not a parameter: the simulated API ignores them.
    pub fn request(&mut self, method: &str, url: &str, body: Option<&str>) -> Outcome<L> {
        let parts = match split_url(url) {
            Ok(parts) => parts,
            Err(e) => return Outcome::Raise(e),
        };
        if !is_simulated_host(&parts.host) {
            if parts.host == "invalid" || parts.host.ends_with(".invalid") {
                let message = "Name or service not known".to_string();
                return Outcome::Raise(PyError { kind: ErrorKind::ConnectionError, message });
            }
            return Outcome::Network { host: parts.host };
        }
        match self.answer(method, url, &parts, body) {
            Ok(answer) => Outcome::Answer(answer),
            Err(e) => Outcome::Raise(e),
        }
    }

    /// The stand-in's `answer`: counts the request, then decides its latency and answer.
    fn answer(
        &mut self,
        method: &str,
        url: &str,
        parts: &UrlParts<'_>,
        body: Option<&str>,
    ) -> Result<Answer<L>, PyError> {
        let n = self.requests;
        self.requests += 1;
        let failed = self.fails(n, method, url)?;
        let mut latency = Latency::Float(0.2 + f64::from(fnv1a32(&[method, " ", url]) % 9) / 10.0);
        let (status, value) = if parts.host == LLM_HOST {
            let (status, value) = if method != "POST" || parts.path != "/v1/messages" {
                (404, llm_error("not_found_error", "Not found"))
            } else {
                self.llm_calls += 1;
                match llm_prompt(body)? {
                    None => (400, llm_error("invalid_request_error", "Invalid request body")),
                    Some((prompt, model)) => {
                        let prompt = prompt.encode_utf8()?;
                        latency = llm_latency(&prompt);
                        (200, self.llm_message(&prompt, model))
                    }
                }
            };
            if failed {
                (429, llm_error("rate_limit_error", "Simulated rate limit"))
            } else {
                (status, value)
            }
        } else if parts.host == OPENAI_HOST {
            let (status, value) = if method != "POST" || parts.path != "/v1/chat/completions" {
                let message = format!("Invalid URL ({method} {})", parts.path);
                (404, openai_error(&message, "invalid_request_error", None))
            } else {
                self.llm_calls += 1;
                match llm_prompt(body)? {
                    None => (400, openai_error("Invalid request body", "invalid_request_error", None)),
                    Some((prompt, model)) => {
                        let prompt = prompt.encode_utf8()?;
                        latency = llm_latency(&prompt);
                        (200, self.chat_completion(&prompt, model))
                    }
                }
            };
            if failed {
                (429, openai_error("Simulated rate limit", "requests", Some("rate_limit_exceeded")))
            } else {
                (status, value)
            }
        } else {
            let (status, value) = route(method, parts.path, parts.query, body)?;
            if failed {
                (503, Json::dict([("error", Json::str("simulated failure"))]))
            } else {
                (status, value)
            }
        };
        if let Some(set) = &self.latency {
            latency = Latency::Set(set.clone());
        }
        // `/delay/{secs}` waits its own time, whatever `simulate` says. Unlike routing, this
        // strips every trailing `/`: `/delay/1//` waits 1 s, then answers 404.
        let segments: Vec<&str> = parts.path.trim_end_matches('/').split('/').collect();
        if !is_llm_host(&parts.host) && segments.len() == 3 && segments[1] == "delay" {
            latency = match delay_of(segments[2])? {
                Some(Delay::Float(secs)) => Latency::Float(secs),
                Some(Delay::Int(secs)) => Latency::Int(secs),
                None => latency,
            };
        }
        Ok(Answer {
            latency,
            status,
            reason: reason(status),
            headers: HEADERS,
            body: dumps(&value),
            url: url.to_string(),
        })
    }

    /// The failure rule: the n-th request fails when `fnv1a32(f"{n}:{METHOD} {URL}") % 100 <
    /// round(rate * 100)`, with `round`'s errors for a NaN or infinite product.
    fn fails(&self, n: u64, method: &str, url: &str) -> Result<bool, PyError> {
        let scaled = self.failure_rate * 100.0;
        if scaled.is_nan() {
            return Err(PyError::value_error("cannot convert float NaN to integer".to_string()));
        }
        if scaled.is_infinite() {
            let message = "cannot convert float infinity to integer".to_string();
            return Err(PyError { kind: ErrorKind::OverflowError, message });
        }
        let h = fnv1a32(&[&n.to_string(), ":", method, " ", url]);
        Ok(f64::from(h % 100) < scaled.round_ties_even())
    }

    /// The LLM's message for `prompt` (counted already).
    fn llm_message(&self, prompt: &str, model: PyStr) -> Json {
        let text = llm_text(prompt);
        let usage = Json::dict([
            ("input_tokens", Json::int(word_count(prompt) as u64)),
            ("output_tokens", Json::int(word_count(&text) as u64)),
        ]);
        Json::dict([
            ("id", Json::str(&format!("msg_sim_{}", self.llm_calls))),
            ("type", Json::str("message")),
            ("role", Json::str("assistant")),
            ("model", Json::Str(model)),
            ("content", Json::List(vec![Json::dict([("type", Json::str("text")), ("text", Json::str(&text))])])),
            ("stop_reason", Json::str("end_turn")),
            ("stop_sequence", Json::Null),
            ("usage", usage),
        ])
    }

    /// The LLM's chat completion for `prompt` (counted already): OpenAI's `chat.completion`.
    fn chat_completion(&self, prompt: &str, model: PyStr) -> Json {
        let text = llm_text(prompt);
        let (asked, answered) = (word_count(prompt) as u64, word_count(&text) as u64);
        let message = Json::dict([("role", Json::str("assistant")), ("content", Json::str(&text))]);
        let choice = Json::dict([("index", Json::int(0)), ("message", message), ("finish_reason", Json::str("stop"))]);
        let usage = Json::dict([
            ("prompt_tokens", Json::int(asked)),
            ("completion_tokens", Json::int(answered)),
            ("total_tokens", Json::int(asked + answered)),
        ]);
        Json::dict([
            ("id", Json::str(&format!("chatcmpl-sim-{}", self.llm_calls))),
            ("object", Json::str("chat.completion")),
            ("created", Json::int(OPENAI_CREATED)),
            ("model", Json::Str(model)),
            ("choices", Json::List(vec![choice])),
            ("usage", usage),
        ])
    }
}

/// How long the LLM thinks about `prompt`: 0.5 s to 2 s, in tenths.
fn llm_latency<L>(prompt: &str) -> Latency<L> {
    Latency::Float(0.5 + f64::from(fnv1a32(&[prompt]) % 16) / 10.0)
}

/// The LLM's answer to `prompt`, cut to 60 characters.
fn llm_text(prompt: &str) -> String {
    let mut text = format!("Simulated answer to: {}", prompt.chars().take(60).collect::<String>());
    if prompt.chars().count() > 60 {
        text.push_str("...");
    }
    text
}

/// 32-bit FNV-1a over the UTF-8 bytes of the concatenated pieces.
fn fnv1a32(pieces: &[&str]) -> u32 {
    let mut h: u32 = 2_166_136_261;
    for byte in pieces.iter().flat_map(|p| p.bytes()) {
        h = (h ^ u32::from(byte)).wrapping_mul(16_777_619);
    }
    h
}

/// What routing needs of a URL.
struct UrlParts<'a> {
    /// Lower-cased, without userinfo or port.
    host: String,
    /// `/` when empty; not yet stripped of a trailing `/`.
    path: &'a str,
    query: &'a str,
}

/// The stand-in's `split_url`: `scheme://[userinfo@]host[:port][/path][?query][#fragment]` cut
/// with plain string rules. A URL without `://` is a `ValueError`, and so is a port that
/// `str.isdigit()` accepts but `int()` refuses (`:²`); the scheme and port are not used.
fn split_url(url: &str) -> Result<UrlParts<'_>, PyError> {
    let Some((_scheme, rest)) = url.split_once("://") else {
        return Err(PyError::value_error(format!("invalid URL: {}", text::repr(&PyStr::from(url)))));
    };
    let rest = rest.split('#').next().unwrap_or(rest);
    let (hostport, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    let hostport = hostport.rsplit('@').next().unwrap_or(hostport);
    let (host, port) = hostport.split_once(':').unwrap_or((hostport, ""));
    if is_digits(port) {
        int_of_digits(port)?;
    }
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    Ok(UrlParts { host: host.to_lowercase(), path: if path.is_empty() { "/" } else { path }, query })
}

/// Whether [`Simulator::request`] answers `url` (and counts it) rather than raising at once (a
/// URL without `://`, an `.invalid` host) or leaving it to the network. No side effects: for
/// the caller to tell beforehand how a request will go.
pub fn is_simulated(url: &str) -> bool {
    split_url(url).is_ok_and(|parts| is_simulated_host(&parts.host))
}

/// The LLM's hosts: `/delay/{secs}` is theirs to answer 404, not to wait.
fn is_llm_host(host: &str) -> bool {
    host == LLM_HOST || host == OPENAI_HOST
}

/// `example.com`, `example.org`, `example.net`, their subdomains, and the LLM's hosts.
fn is_simulated_host(host: &str) -> bool {
    is_llm_host(host)
        || ["example.com", "example.org", "example.net"]
            .iter()
            .any(|base| host == *base || host.strip_suffix(base).is_some_and(|sub| sub.ends_with('.')))
}

/// The query as a dict: split on `&`, each part at its first `=`, both sides unquoted; a
/// repeated key keeps its first place and its last value.
fn parse_query(query: &str) -> json::Dict {
    let mut args = json::Dict::default();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        args.insert(PyStr::from(unquote(key).as_str()), Json::str(&unquote(value)));
    }
    args
}

/// The stand-in's `int_filter`: no filter when `key` is absent; otherwise the int it asks for,
/// where `None` matches no row (not digits, or too large for any row).
fn int_filter(args: &json::Dict, key: &str) -> Result<Option<Option<u64>>, PyError> {
    let Some(Json::Str(value)) = args.get(&PyStr::from(key)) else {
        return Ok(None);
    };
    // Query values come from `unquote`, so they are valid str.
    let value: String = value.0.iter().filter_map(|&c| char::from_u32(c)).collect();
    if !is_digits(&value) {
        return Ok(Some(None));
    }
    Ok(Some(int_of_digits(&value)?.parse().ok()))
}

/// A table of `/users`, `/posts` or `/comments`: how many rows, how to make row `i`, and the
/// query key that filters the list.
struct Table {
    count: u64,
    row: fn(u64) -> Json,
    filter: Option<&'static str>,
}

fn table(name: &str) -> Option<Table> {
    match name {
        "users" => Some(Table { count: 10, row: user, filter: None }),
        "posts" => Some(Table { count: 30, row: post, filter: Some("userId") }),
        "comments" => Some(Table { count: 60, row: comment, filter: Some("postId") }),
        _ => None,
    }
}

/// User `i` (1..10) and their e-mail address.
fn user_parts(i: u64) -> (&'static str, String) {
    let name = NAMES.get((i as usize).wrapping_sub(1)).copied().unwrap_or("");
    (name, name.split(' ').next().unwrap_or("").to_lowercase())
}

fn user(i: u64) -> Json {
    let (name, first) = user_parts(i);
    Json::dict([
        ("id", Json::int(i)),
        ("name", Json::str(name)),
        ("username", Json::str(&first)),
        ("email", Json::str(&format!("{first}@example.com"))),
    ])
}

fn post(i: u64) -> Json {
    let u = (i - 1) / 3 + 1;
    Json::dict([
        ("userId", Json::int(u)),
        ("id", Json::int(i)),
        ("title", Json::str(&format!("Post {i}"))),
        ("body", Json::str(&format!("This is post {i} by user {u}."))),
    ])
}

fn comment(i: u64) -> Json {
    let (_, first) = user_parts((i - 1) % 10 + 1);
    Json::dict([
        ("postId", Json::int((i - 1) / 2 + 1)),
        ("id", Json::int(i)),
        ("name", Json::str(&format!("Comment {i}"))),
        ("email", Json::str(&format!("{first}@example.com"))),
        ("body", Json::str(&format!("Nice post! (comment {i})"))),
    ])
}

fn not_found() -> (u16, Json) {
    (404, Json::dict([("error", Json::str("not found"))]))
}

/// The stand-in's `route`: status and body for a path of the example hosts.
fn route(method: &str, path: &str, query: &str, body: Option<&str>) -> Result<(u16, Json), PyError> {
    let path = match path.strip_suffix('/') {
        Some(stripped) if path != "/" => stripped,
        _ => path,
    };
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    let args = parse_query(query);
    if path == "/" {
        let endpoints = ["/users", "/posts", "/comments", "/item/{i}", "/status/{code}", "/delay/{secs}", "/echo"];
        return Ok((
            200,
            Json::dict([
                ("message", Json::str("Interleave simulated API")),
                ("endpoints", Json::List(endpoints.iter().map(|e| Json::str(e)).collect())),
            ]),
        ));
    }
    let first = parts.first().copied().unwrap_or("");
    let second = parts.get(1).copied().unwrap_or("");
    if let Some(table) = table(first).filter(|_| parts.len() <= 2) {
        let verb = method.to_ascii_uppercase();
        if parts.len() == 1 {
            if verb == "POST" {
                // As JSONPlaceholder: the new row (what was sent, when a JSON object) with the
                // next id, not kept.
                let mut row = sent_object(body)?;
                row.insert(PyStr::from("id"), Json::int(table.count + 1));
                return Ok((201, Json::Dict(row)));
            }
            let mut rows: Vec<Json> = (1..=table.count).map(table.row).collect();
            if let Some(key) = table.filter {
                if let Some(wanted) = int_filter(&args, key)? {
                    let wanted = wanted.map(Json::int);
                    rows.retain(|r| wanted.is_some() && r.get(key) == wanted.as_ref());
                }
            }
            return Ok((200, Json::List(rows)));
        }
        if is_digits(second) {
            if let Ok(i) = int_of_digits(second)?.parse::<u64>() {
                if (1..=table.count).contains(&i) {
                    return Ok((200, change_row(&verb, (table.row)(i), i, body)?));
                }
            }
        }
        return Ok(not_found());
    }
    if (first == "item" || first == "items") && parts.len() == 2 && is_digits(second) {
        let digits = int_of_digits(second)?;
        let price = int_to_float(&digits)? * 2.5;
        let in_stock = digits.bytes().map(|d| u64::from(d.saturating_sub(b'0'))).sum::<u64>() % 3 != 0;
        return Ok((
            200,
            Json::dict([
                ("id", Json::Int(digits.clone())),
                ("name", Json::str(&format!("item {digits}"))),
                ("price", Json::Float(price)),
                ("in_stock", Json::Bool(in_stock)),
            ]),
        ));
    }
    if first == "status" && parts.len() == 2 && is_digits(second) {
        if let Ok(code @ 100..=599) = int_of_digits(second)?.parse::<u16>() {
            return Ok((code, Json::dict([("status", Json::int(u64::from(code)))])));
        }
    }
    if first == "delay" && parts.len() == 2 {
        if let Some(secs) = delay_of(second)? {
            let secs = match secs {
                Delay::Float(secs) => Json::Float(secs),
                Delay::Int(secs) => Json::Int(secs),
            };
            return Ok((200, Json::dict([("delay", secs)])));
        }
    }
    if path == "/echo" {
        let data = match body.map(loads) {
            None | Some(Err(LoadError::Invalid)) => Json::Null,
            Some(Ok(data)) => data,
            Some(Err(LoadError::TooDeep(what))) => return Err(too_deep(what)),
        };
        return Ok((200, Json::dict([("method", Json::str(method)), ("args", Json::Dict(args)), ("json", data)])));
    }
    Ok(not_found())
}

/// A request body as a JSON object: empty for no body, invalid JSON or another kind of value.
fn sent_object(body: Option<&str>) -> Result<json::Dict, PyError> {
    match body.map(loads) {
        Some(Ok(Json::Dict(d))) => Ok(d),
        Some(Err(LoadError::TooDeep(what))) => Err(too_deep(what)),
        _ => Ok(json::Dict::default()),
    }
}

/// Row `i` as a request to it answers, as JSONPlaceholder does (nothing is kept): PUT gives
/// what was sent with the row's id, PATCH the row updated with it, DELETE an empty object.
fn change_row(verb: &str, row: Json, i: u64, body: Option<&str>) -> Result<Json, PyError> {
    Ok(match verb {
        "PUT" => {
            let mut sent = sent_object(body)?;
            sent.insert(PyStr::from("id"), Json::int(i));
            Json::Dict(sent)
        }
        "PATCH" => match row {
            Json::Dict(mut d) => {
                d.extend(sent_object(body)?);
                Json::Dict(d)
            }
            other => other,
        },
        "DELETE" => Json::Dict(json::Dict::default()),
        _ => row,
    })
}

/// The number of `/delay/{secs}`, as Python has it.
enum Delay {
    Float(f64),
    /// Decimal digits without leading zeros.
    Int(String),
}

/// The stand-in's `delay_of`: digits, optionally one `.` and digits: a float if it has the dot,
/// else an int; `None` for anything else.
fn delay_of(text: &str) -> Result<Option<Delay>, PyError> {
    let (whole, frac) = match text.split_once('.') {
        Some((whole, frac)) => (whole, Some(frac)),
        None => (text, None),
    };
    if !is_digits(whole) || frac.is_some_and(|f| !is_digits(f)) {
        return Ok(None);
    }
    Ok(Some(match frac {
        Some(_) => Delay::Float(float_of(text)?),
        None => Delay::Int(int_of_digits(text)?),
    }))
}

fn too_deep(what: &str) -> PyError {
    PyError {
        kind: ErrorKind::RecursionError,
        message: format!("maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"),
    }
}

/// OpenAI's error body: `{"error": {"message", "type", "param": null, "code"}}`.
fn openai_error(message: &str, kind: &str, code: Option<&str>) -> Json {
    let error = Json::dict([
        ("message", Json::str(message)),
        ("type", Json::str(kind)),
        ("param", Json::Null),
        ("code", code.map_or(Json::Null, Json::str)),
    ]);
    Json::dict([("error", error)])
}

fn llm_error(kind: &str, message: &str) -> Json {
    Json::dict([
        ("type", Json::str("error")),
        ("error", Json::dict([("type", Json::str(kind)), ("message", Json::str(message))])),
    ])
}

/// The stand-in's `llm_prompt`: the last user message's text and `str(model)`, or `None` when
/// the body is not a JSON object with a `messages` list.
fn llm_prompt(body: Option<&str>) -> Result<Option<(PyStr, PyStr)>, PyError> {
    let doc = match body.map(loads) {
        None | Some(Err(LoadError::Invalid)) => return Ok(None),
        Some(Err(LoadError::TooDeep(what))) => return Err(too_deep(what)),
        Some(Ok(doc)) => doc,
    };
    let Some(Json::List(messages)) = doc.get("messages") else {
        return Ok(None);
    };
    let mut prompt = PyStr::default();
    for m in messages.iter().filter(|m| m.get("role").is_some_and(|r| r.is_str("user"))) {
        match m.get("content") {
            Some(Json::Str(text)) => prompt = text.clone(),
            Some(Json::List(blocks)) => {
                // " ".join(b.get("text", "") for b in blocks if b is a text block)
                let mut joined = Vec::new();
                let texts = blocks.iter().filter(|b| b.get("type").is_some_and(|t| t.is_str("text")));
                for (i, block) in texts.enumerate() {
                    if i > 0 {
                        joined.push(u32::from(' '));
                    }
                    match block.get("text") {
                        None => {}
                        Some(Json::Str(text)) => joined.extend_from_slice(&text.0),
                        Some(other) => {
                            let message =
                                format!("sequence item {i}: expected str instance, {} found", other.type_name());
                            return Err(PyError { kind: ErrorKind::TypeError, message });
                        }
                    }
                }
                prompt = PyStr(joined);
            }
            _ => {}
        }
    }
    Ok(Some((prompt, str_of(doc.get("model").unwrap_or(&Json::Null)))))
}

#[cfg(test)]
mod tests;
