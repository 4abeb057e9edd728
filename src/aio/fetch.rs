//! `await fetch(url)`: the browser's real `fetch` (through gloo-net), as an awaitable that
//! records what its task waits on.
//!
//! Dropping a fetch future does not stop the browser's request by itself, so cancellation here
//! goes through an `AbortController`: a task cancelled mid-request (a `wait_for` timeout, Stop)
//! really aborts it. Failures are raised as aiohttp raises them: `ClientResponseError` for an
//! error status (`response.raise_for_status()`), `ClientConnectorError` when nothing answers,
//! `ContentTypeError` and `json.JSONDecodeError` from `response.json()`. One thing the browser
//! hides: why a request could not be made (refused, unreachable, or an answer it withheld under
//! CORS, which Python does not have), so that error says it cannot say.

#[cfg(target_arch = "wasm32")]
pub use browser::{fetch_json, fetch_text, open_fetches};
#[cfg(test)]
use json::SHOWN;
pub use json::{loads, Json};
#[cfg(not(target_arch = "wasm32"))]
pub use native::{fetch_json, fetch_text, open_fetches};

use super::value::Exception;

/// Why a run on the virtual clock cannot fetch: the network is not simulated.
fn no_network() -> Exception {
    Exception::new("RuntimeError", "fetch needs the browser's real event loop; this run is on the virtual clock")
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::no_network;
    use std::cell::Cell;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    use gloo_net::http::Request;
    use web_sys::AbortController;

    use super::super::task::inside;
    use super::super::value::{Exception, PyRepr, PyResult};
    use super::Json;
    use crate::runtime::{note_wait, take_thrown, OutsideGuard};
    use crate::trace::{Text, Wait};

    thread_local! {
        static OPEN: Cell<u32> = const { Cell::new(0) };
    }

    /// Requests started by the toolbox and not yet answered or aborted (for tests and Stop).
    pub fn open_fetches() -> u32 {
        OPEN.with(Cell::get)
    }

    /// `await fetch(url)` returning the body as text.
    pub fn fetch_text(url: &str) -> Fetch<String> {
        Fetch::new(url, |body| Ok(body.text))
    }

    /// `await response.json()` after `response.raise_for_status()`, as aiohttp does it: the
    /// content type must be JSON, then the text goes to Python's `json.loads`.
    pub fn fetch_json(url: &str) -> Fetch<Json> {
        Fetch::new(url, |body| {
            if !json_content_type(&body.content_type) {
                return Err(Exception::new(
                    "ContentTypeError",
                    format!(
                        "{}, message={}, url={}",
                        body.status,
                        format!("Attempt to decode JSON with unexpected mimetype: {}", body.content_type).py_repr(),
                        body.url.py_repr()
                    ),
                ));
            }
            super::loads(&body.text)
        })
    }

    /// aiohttp's test: `application/json`, or `application/<anything>+json`.
    fn json_content_type(ctype: &str) -> bool {
        ctype.strip_prefix("application/").is_some_and(|rest| {
            let subtype = rest.split(';').next().unwrap_or("");
            subtype.starts_with("json")
                || subtype.split_once('+').is_some_and(|(head, tail)| {
                    !head.is_empty()
                        && head.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-'))
                        && tail.starts_with("json")
                })
        })
    }

    /// An answered request: what `fetch_text` and `fetch_json` read.
    pub struct Body {
        text: String,
        /// The `Content-Type` header, lowercased (as aiohttp compares it).
        content_type: String,
        status: u16,
        /// The URL that answered (after redirects), as aiohttp's errors name it.
        url: String,
    }

    #[must_use = "fetch does nothing unless awaited"]
    pub struct Fetch<T> {
        url: String,
        decode: fn(Body) -> PyResult<T>,
        state: State,
    }

    enum State {
        New,
        Sent {
            body: Pin<Box<dyn Future<Output = PyResult<Body>>>>,
            abort: AbortController,
            url: Text,
            _outside: OutsideGuard,
        },
        Done,
    }

    impl<T> Fetch<T> {
        fn new(url: &str, decode: fn(Body) -> PyResult<T>) -> Self {
            Fetch { url: url.to_string(), decode, state: State::New }
        }
    }

    impl<T> Unpin for Fetch<T> {}

    async fn get(url: String, signal: web_sys::AbortSignal) -> PyResult<Body> {
        let response = Request::get(&url)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| Exception::new("ClientConnectorError", super::cannot_connect(&url)))?;
        let answered = if response.redirected() { response.url() } else { url };
        let status = response.status();
        if !response.ok() {
            let reason = match response.status_text() {
                // HTTP/2 sends no reason phrase; aiohttp (HTTP/1.1) would have read one.
                text if text.is_empty() => super::reason_phrase(status).to_string(),
                text => text,
            };
            return Err(Exception::new(
                "ClientResponseError",
                format!("{status}, message={}, url={}", reason.py_repr(), answered.py_repr()),
            ));
        }
        let content_type = response.headers().get("content-type").unwrap_or_default().to_lowercase();
        let text = response
            .text()
            .await
            .map_err(|_| Exception::new("ClientPayloadError", "Response payload is not completed"))?;
        Ok(Body { text, content_type, status, url: answered })
    }

    impl<T> Future for Fetch<T> {
        type Output = PyResult<T>;

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<T>> {
            let this = &mut *self;
            // Cancelled while the request is out: abort it and raise where the task waits.
            if let Some(thrown) = take_thrown() {
                this.finish(true);
                return Poll::Ready(Err(Exception::cancelled_with(thrown.msg.as_deref())));
            }
            if let State::New = this.state {
                let (rt, _) = inside("fetch");
                if rt.is_virtual() {
                    return Poll::Ready(Err(no_network()));
                }
                let abort = match AbortController::new() {
                    Ok(a) => a,
                    Err(_) => {
                        return Poll::Ready(Err(Exception::new("RuntimeError", "this browser cannot abort requests")))
                    }
                };
                OPEN.with(|o| o.set(o.get() + 1));
                this.state = State::Sent {
                    body: Box::pin(get(this.url.clone(), abort.signal())),
                    abort,
                    url: rt.text(&this.url),
                    _outside: rt.outside_work(),
                };
            }
            let State::Sent { body, url, .. } = &mut this.state else {
                return Poll::Ready(Err(Exception::new("RuntimeError", "fetch awaited after it finished")));
            };
            match body.as_mut().poll(cx) {
                Poll::Pending => {
                    note_wait(Wait::Fetch { url: *url });
                    Poll::Pending
                }
                Poll::Ready(result) => {
                    this.finish(false);
                    Poll::Ready(result.and_then(this.decode))
                }
            }
        }
    }

    impl<T> Fetch<T> {
        fn finish(&mut self, abort: bool) {
            if let State::Sent { abort: controller, .. } = std::mem::replace(&mut self.state, State::Done) {
                if abort {
                    controller.abort();
                }
                OPEN.with(|o| o.set(o.get().saturating_sub(1)));
            }
        }
    }

    impl<T> Drop for Fetch<T> {
        fn drop(&mut self) {
            // Still in flight: the task was cancelled, so the request is really stopped.
            self.finish(true);
        }
    }
}

/// Natively every run is on the virtual clock, where fetch raises (the same API compiles).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::future::{ready, Ready};

    use super::super::value::PyResult;
    use super::{no_network, Json};

    pub fn open_fetches() -> u32 {
        0
    }

    pub fn fetch_text(_url: &str) -> Ready<PyResult<String>> {
        ready(Err(no_network()))
    }

    pub fn fetch_json(_url: &str) -> Ready<PyResult<Json>> {
        ready(Err(no_network()))
    }
}

/// aiohttp's `ClientConnectorError` text for `url`: `Cannot connect to host H:P ssl:default
/// [why]`, where the browser keeps `why` to itself.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn cannot_connect(url: &str) -> String {
    let why = "the browser does not say why: refused, unreachable, or an answer withheld under CORS";
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let hostport = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let default_port = if scheme.eq_ignore_ascii_case("https") { "443" } else { "80" };
    let (host, port) = match hostport.strip_prefix('[').and_then(|h| h.split_once(']')) {
        Some((v6, tail)) => (v6, tail.strip_prefix(':').unwrap_or(default_port)),
        None => match hostport.rsplit_once(':') {
            Some((h, p)) => (h, p),
            None => (hostport, default_port),
        },
    };
    format!("Cannot connect to host {}:{port} ssl:default [{why}]", host.to_lowercase())
}

/// The standard reason phrase for a status (Python's `http.HTTPStatus`), for answers that
/// carry none.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        410 => "Gone",
        418 => "I'm a Teapot",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// `await response.json()` as aiohttp and CPython's `json` module do it, read from the body's
/// text straight into what the page prints, with a bounded amount of work per character:
/// nothing is built beyond the first [`SHOWN`] characters, so a 44 MB object with 4 million
/// keys costs one pass over its text, not a walk of 4 million values (and Stop is not kept
/// waiting). Pure, so native tests check it against CPython.
mod json {
    use super::super::value::{Exception, PyRepr, PyResult};
    use std::fmt;

    /// Characters of a result the page prints; the rest is counted and said to be cut.
    pub const SHOWN: usize = 200;

    /// Python's recursion limit, less the frames the program itself uses (CPython's exact
    /// point depends on how deep the caller already is).
    const MAX_DEPTH: usize = 990;

    /// A parsed JSON body, as Python's `str()` and `repr()` show it (only their first
    /// [`SHOWN`] characters are kept, and how many more there were).
    #[derive(Clone, Debug, PartialEq)]
    pub struct Json {
        repr: Shown,
        /// `str()` when it differs from `repr()`: a body that is a single string.
        text: Option<Shown>,
    }

    #[derive(Clone, Debug, Default, PartialEq)]
    struct Shown {
        head: String,
        /// Characters in `head`.
        kept: usize,
        /// Characters beyond `head`: counted, not kept.
        more: usize,
    }

    impl Shown {
        fn push(&mut self, c: char) {
            if self.kept < SHOWN {
                self.head.push(c);
                self.kept += 1;
            } else {
                self.more += 1;
            }
        }

        fn push_str(&mut self, s: &str) {
            for c in s.chars() {
                self.push(c);
            }
        }
    }

    impl fmt::Display for Shown {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.head)?;
            if self.more > 0 {
                write!(f, "… [the page cut {} more characters]", self.more)?;
            }
            Ok(())
        }
    }

    /// `str(value)`: what `print(f"{value}")` shows.
    impl fmt::Display for Json {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.text.as_ref().unwrap_or(&self.repr).fmt(f)
        }
    }

    impl PyRepr for Json {
        fn py_repr(&self) -> String {
            self.repr.to_string()
        }
    }

    /// aiohttp's `response.json()` on a body already decoded to text: surrounding whitespace
    /// stripped, an empty body is `None`, anything else goes to `json.loads`.
    pub fn loads(body: &str) -> PyResult<Json> {
        let doc = body.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
        let mut p = Parser { s: doc.as_bytes(), doc, out: Shown::default(), text: None, depth: 0 };
        if doc.is_empty() {
            p.out.push_str("None");
        } else {
            let start = p.ws(0);
            let end = p.value(start, true)?;
            let end = p.ws(end);
            if end != doc.len() {
                return Err(p.error("Extra data", end));
            }
        }
        Ok(Json { repr: p.out, text: p.text })
    }

    struct Parser<'a> {
        s: &'a [u8],
        doc: &'a str,
        out: Shown,
        text: Option<Shown>,
        depth: usize,
    }

    /// What a scanned string holds, for its repr: its quotes, and the length of the rest.
    struct StrScan {
        end: usize,
        singles: usize,
        doubles: usize,
        /// Characters of the repr for everything but the quotes.
        others: usize,
    }

    impl StrScan {
        /// Python's choice: single quotes, unless the text has a ' and no ".
        fn quote(&self) -> char {
            if self.singles > 0 && self.doubles == 0 {
                '"'
            } else {
                '\''
            }
        }

        fn repr_len(&self) -> usize {
            let escaped = if self.quote() == '"' { self.doubles } else { self.singles };
            2 + self.others + self.singles + self.doubles + escaped
        }
    }

    impl Parser<'_> {
        fn ws(&self, mut i: usize) -> usize {
            while i < self.s.len() && matches!(self.s[i], b' ' | b'\t' | b'\n' | b'\r') {
                i += 1;
            }
            i
        }

        /// `json.JSONDecodeError`, positioned as Python positions it (in characters).
        fn error(&self, msg: &str, at: usize) -> Exception {
            let before = &self.doc[..at];
            let pos = before.chars().count();
            let line = before.matches('\n').count() + 1;
            let col = match before.rfind('\n') {
                Some(nl) => before[nl + 1..].chars().count() + 1,
                None => pos + 1,
            };
            Exception::new("JSONDecodeError", format!("{msg}: line {line} column {col} (char {pos})"))
        }

        /// One value at `i` (whitespace already skipped); returns where it ends.
        fn value(&mut self, i: usize, top: bool) -> PyResult<usize> {
            let s = self.s;
            let Some(&c) = s.get(i) else { return Err(self.error("Expecting value", i)) };
            let word = |w: &str| s[i..].starts_with(w.as_bytes());
            match c {
                b'"' => self.string(i, top),
                b'{' => self.object(i),
                b'[' => self.array(i),
                b'n' if word("null") => self.emit("None", i + 4),
                b't' if word("true") => self.emit("True", i + 4),
                b'f' if word("false") => self.emit("False", i + 5),
                b'N' if word("NaN") => self.emit("nan", i + 3),
                b'I' if word("Infinity") => self.emit("inf", i + 8),
                b'-' if word("-Infinity") => self.emit("-inf", i + 9),
                b'-' | b'0'..=b'9' => match self.number(i) {
                    Some(end) => end,
                    None => Err(self.error("Expecting value", i)),
                },
                _ => Err(self.error("Expecting value", i)),
            }
        }

        fn emit(&mut self, s: &str, end: usize) -> PyResult<usize> {
            self.out.push_str(s);
            Ok(end)
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`: an int unless it has a fraction or
        /// an exponent. `None` if nothing here is a number.
        fn number(&mut self, start: usize) -> Option<PyResult<usize>> {
            let s = self.s;
            let digits = |mut j: usize| {
                while s.get(j).is_some_and(u8::is_ascii_digit) {
                    j += 1;
                }
                j
            };
            let mut i = start + usize::from(self.s[start] == b'-');
            match self.s.get(i) {
                Some(b'0') => i += 1,
                Some(b'1'..=b'9') => i = digits(i),
                _ => return None,
            }
            let int_end = i;
            if self.s.get(i) == Some(&b'.') && self.s.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i = digits(i + 1);
            }
            if matches!(self.s.get(i), Some(b'e' | b'E')) {
                let sign = usize::from(matches!(self.s.get(i + 1), Some(b'+' | b'-')));
                if self.s.get(i + 1 + sign).is_some_and(u8::is_ascii_digit) {
                    i = digits(i + 1 + sign);
                }
            }
            let literal = &self.doc[start..i];
            if i == int_end {
                let magnitude = literal.trim_start_matches('-');
                if magnitude.len() > 4300 {
                    return Some(Err(Exception::value_error(format!(
                        "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                        magnitude.len()
                    ))));
                }
                // An int's repr is its digits (`-0` is 0).
                let shown = if magnitude == "0" { "0" } else { literal };
                self.out.push_str(shown);
            } else {
                let x: f64 = literal.parse().unwrap_or(f64::NAN);
                self.out.push_str(&x.py_repr());
            }
            Some(Ok(i))
        }

        fn enter(&mut self, what: &str) -> PyResult<()> {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(Exception::new(
                    "RecursionError",
                    format!("maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"),
                ));
            }
            Ok(())
        }

        fn array(&mut self, open: usize) -> PyResult<usize> {
            self.enter("array")?;
            self.out.push('[');
            let mut i = self.ws(open + 1);
            if self.s.get(i) == Some(&b']') {
                i += 1;
            } else {
                loop {
                    i = self.value(i, false)?;
                    i = self.ws(i);
                    match self.s.get(i) {
                        Some(b']') => {
                            i += 1;
                            break;
                        }
                        Some(b',') => {
                            self.out.push_str(", ");
                            i = self.ws(i + 1);
                        }
                        _ => return Err(self.error("Expecting ',' delimiter", i)),
                    }
                }
            }
            self.out.push(']');
            self.depth -= 1;
            Ok(i)
        }

        fn object(&mut self, open: usize) -> PyResult<usize> {
            self.enter("object")?;
            self.out.push('{');
            let mut i = self.ws(open + 1);
            if self.s.get(i) == Some(&b'}') {
                i += 1;
            } else {
                loop {
                    if self.s.get(i) != Some(&b'"') {
                        return Err(self.error("Expecting property name enclosed in double quotes", i));
                    }
                    i = self.string(i, false)?;
                    i = self.ws(i);
                    if self.s.get(i) != Some(&b':') {
                        return Err(self.error("Expecting ':' delimiter", i));
                    }
                    self.out.push_str(": ");
                    i = self.value(self.ws(i + 1), false)?;
                    i = self.ws(i);
                    match self.s.get(i) {
                        Some(b'}') => {
                            i += 1;
                            break;
                        }
                        Some(b',') => {
                            self.out.push_str(", ");
                            i = self.ws(i + 1);
                        }
                        _ => return Err(self.error("Expecting ',' delimiter", i)),
                    }
                }
            }
            self.out.push('}');
            self.depth -= 1;
            Ok(i)
        }

        /// A string at `open` (its `"`): checked whole first (errors, and which quotes its
        /// repr uses), then written, as a repr, and as itself if it is the whole body.
        fn string(&mut self, open: usize, top: bool) -> PyResult<usize> {
            let scan = self.scan_string(open, &mut |_| {})?;
            // Past the cut, a string is only counted: no second pass.
            if self.out.kept >= SHOWN && !top {
                self.out.more += scan.repr_len();
                return Ok(scan.end);
            }
            let quote = scan.quote();
            let mut out = std::mem::take(&mut self.out);
            let mut text = top.then(Shown::default);
            out.push(quote);
            self.scan_string(open, &mut |c| {
                push_repr_char(&mut out, c, quote);
                if let Some(t) = text.as_mut() {
                    t.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                }
            })?;
            out.push(quote);
            self.out = out;
            if top {
                self.text = text;
            }
            Ok(scan.end)
        }

        /// Walks a string's characters (code points, lone surrogates included, as Python
        /// keeps them), raising what CPython's scanner raises.
        fn scan_string(&self, open: usize, each: &mut dyn FnMut(u32)) -> PyResult<StrScan> {
            let unterminated = || self.error("Unterminated string starting at", open);
            let mut scan = StrScan { end: 0, singles: 0, doubles: 0, others: 0 };
            let count = |scan: &mut StrScan, code: u32| match code {
                0x27 => scan.singles += 1,
                0x22 => scan.doubles += 1,
                _ => scan.others += repr_len(code),
            };
            let mut i = open + 1;
            loop {
                // ASCII needs no decoding (the common case, and the hot loop of a huge body).
                let c = match self.s.get(i) {
                    None => return Err(unterminated()),
                    Some(&b) if b < 0x80 => char::from(b),
                    Some(_) => self.doc[i..].chars().next().unwrap_or('\u{fffd}'),
                };
                match c {
                    '"' => {
                        scan.end = i + 1;
                        return Ok(scan);
                    }
                    '\u{0}'..='\u{1f}' => return Err(self.error("Invalid control character at", i)),
                    '\\' => {
                        let Some(&e) = self.s.get(i + 1) else { return Err(unterminated()) };
                        let code = match e {
                            b'"' => u32::from(b'"'),
                            b'\\' => u32::from(b'\\'),
                            b'/' => u32::from(b'/'),
                            b'b' => 8,
                            b'f' => 12,
                            b'n' => 10,
                            b'r' => 13,
                            b't' => 9,
                            b'u' => {
                                let (code, end) = self.unicode_escape(i + 1)?;
                                count(&mut scan, code);
                                each(code);
                                i = end;
                                continue;
                            }
                            _ => return Err(self.error("Invalid \\escape", i)),
                        };
                        count(&mut scan, code);
                        each(code);
                        i += 2;
                    }
                    c => {
                        count(&mut scan, u32::from(c));
                        each(u32::from(c));
                        i += c.len_utf8();
                    }
                }
            }
        }

        /// `\uXXXX` at `u` (its `u`), joined with a following low surrogate as CPython does;
        /// returns the code point and where the escape ends.
        fn unicode_escape(&self, u: usize) -> PyResult<(u32, usize)> {
            let invalid = || self.error("Invalid \\uXXXX escape", u);
            let hex = |at: usize| {
                let digits = self.s.get(at..at + 4)?;
                let text = std::str::from_utf8(digits).ok()?;
                // from_str_radix takes a sign; a JSON escape does not.
                text.bytes().all(|b| b.is_ascii_hexdigit()).then(|| u32::from_str_radix(text, 16).ok())?
            };
            // CPython wants a character after the four digits (at least the closing quote).
            if u + 5 >= self.s.len() {
                return Err(invalid());
            }
            let high = hex(u + 1).ok_or_else(invalid)?;
            let end = u + 5;
            if (0xd800..0xdc00).contains(&high) && end + 6 < self.s.len() && self.s[end..].starts_with(b"\\u") {
                let low = hex(end + 2).ok_or_else(|| self.error("Invalid \\uXXXX escape", end + 1))?;
                if (0xdc00..0xe000).contains(&low) {
                    return Ok((0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00), end + 6));
                }
            }
            Ok((high, end))
        }
    }

    /// One character of a str's repr, as CPython writes it: escapes for quotes, backslashes
    /// and what is not printable. (Printable is judged by the ranges that show up in practice
    /// — controls, separators, format characters, surrogates, private use — not by the whole
    /// Unicode database.)
    fn push_repr_char(out: &mut Shown, code: u32, quote: char) {
        let escaped = match code {
            0x5c => "\\\\".to_string(),
            0x0a => "\\n".into(),
            0x0d => "\\r".into(),
            0x09 => "\\t".into(),
            c if c == u32::from(quote) => format!("\\{quote}"),
            c if !printable(c) => match c {
                0..=0xff => format!("\\x{c:02x}"),
                0x100..=0xffff => format!("\\u{c:04x}"),
                _ => format!("\\U{c:08x}"),
            },
            c => return out.push(char::from_u32(c).unwrap_or('\u{fffd}')),
        };
        out.push_str(&escaped);
    }

    /// Characters `push_repr_char` writes for `code` (quotes aside).
    fn repr_len(code: u32) -> usize {
        match code {
            0x5c | 0x0a | 0x0d | 0x09 => 2,
            c if !printable(c) => match c {
                0..=0xff => 4,
                0x100..=0xffff => 6,
                _ => 10,
            },
            _ => 1,
        }
    }

    fn printable(c: u32) -> bool {
        !matches!(c,
            0..=0x1f | 0x7f..=0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x1680 | 0x180e
            | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f | 0x3000
            | 0xd800..=0xf8ff | 0xfeff | 0xfff9..=0xfffb | 0xf0000..)
    }
}

#[cfg(test)]
mod tests {
    use super::{cannot_connect, loads};
    use crate::aio::PyRepr;

    /// Bodies and what CPython makes of them: `str()` of the result, or the exception.
    const BODIES: &[&str] = &[
        "",
        "  \n",
        "7.0",
        "7",
        "-0",
        "-0.0",
        "1e5",
        "1E400",
        "-1e-7",
        "12345678901234567890123",
        "NaN",
        "-Infinity",
        "true",
        "null",
        r#""plain text""#,
        r#"{"a": [1, 2.50, {"b": null}], "c": "it's"}"#,
        r#"["x\"y", "\u00e9\ud83d\ude00", "\ud800"]"#,
        r#"["tab\there", "\u0000\u007f\u00a0\u2028", "quote ' and \""]"#,
        "[]",
        "{}",
        " [1, 2]\n",
        "[1,]",
        r#"{"a":1,}"#,
        "{",
        r#"{"a""#,
        r#"{"a":1"#,
        r#""abc"#,
        r#""a\x""#,
        r#""\u12""#,
        r#""\u12"#,
        r#""\ud800\u12""#,
        "[1 2]",
        "01",
        "1.",
        "-",
        "nul",
        "\"a\nb\"",
        " [1]x",
        "\n\n  [1,\n  2,]",
        r#""é\u00e9" x"#,
        "{'a': 1}",
        "{\"a\" 1}",
        "[\"é\", nope]",
    ];

    fn python_says(bodies: &[String]) -> Option<Vec<String>> {
        let program = r#"
import json, sys
for body in json.loads(sys.stdin.read()):
    stripped = body.encode().strip()
    try:
        value = None if not stripped else json.loads(stripped.decode())
        print(json.dumps(str(value)))
    except Exception as e:
        print(json.dumps(f"{type(e).__name__}: {e}"))
"#;
        let mut child = std::process::Command::new("python3")
            .args(["-c", program])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .ok()?;
        let input = format!("[{}]", bodies.iter().map(|b| json_string(b)).collect::<Vec<_>>().join(","));
        std::io::Write::write_all(child.stdin.as_mut()?, input.as_bytes()).ok()?;
        let out = child.wait_with_output().ok()?;
        String::from_utf8(out.stdout).ok()?.lines().map(read_json_string).collect()
    }

    /// A Rust string as a JSON string literal (ASCII only: everything else escaped).
    fn json_string(s: &str) -> String {
        let mut out = String::from("\"");
        for unit in s.encode_utf16() {
            match unit {
                0x22 => out.push_str("\\\""),
                0x5c => out.push_str("\\\\"),
                0x20..=0x7e => out.push(unit as u8 as char),
                _ => out.push_str(&format!("\\u{unit:04x}")),
            }
        }
        out + "\""
    }

    /// Python's `json.dumps` of a str (ASCII, `\uXXXX` escapes), back to text; lone surrogates
    /// become U+FFFD.
    fn read_json_string(line: &str) -> Option<String> {
        let inner = line.strip_prefix('"')?.strip_suffix('"')?;
        let mut units = Vec::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                units.push(c as u16);
                continue;
            }
            match chars.next()? {
                'u' => units.push(u16::from_str_radix(&chars.by_ref().take(4).collect::<String>(), 16).ok()?),
                'n' => units.push(10),
                't' => units.push(9),
                'r' => units.push(13),
                'b' => units.push(8),
                'f' => units.push(12),
                other => units.push(other as u16),
            }
        }
        Some(String::from_utf16_lossy(&units))
    }

    #[test]
    fn json_bodies_read_as_cpython_reads_them() {
        let bodies: Vec<String> = BODIES.iter().map(|b| b.to_string()).collect();
        let Some(expected) = python_says(&bodies) else {
            eprintln!("python3 is not installed: skipping");
            return;
        };
        let mut differ = Vec::new();
        for (body, want) in bodies.iter().zip(expected) {
            let got = match loads(body) {
                Ok(json) => json.to_string(),
                Err(e) => format!("{}: {e}", e.kind()),
            };
            // A lone surrogate cannot be printed (CPython raises); compare its repr's escape.
            let want = want.replace('\u{fffd}', "\\ud800");
            if got != want {
                differ.push(format!("{body:?}\n  python: {want}\n  page:   {got}"));
            }
        }
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    }

    #[test]
    fn deep_nesting_raises_recursion_error_instead_of_overflowing() {
        let deep = "[".repeat(100_000);
        let e = loads(&deep).unwrap_err();
        assert_eq!(e.kind(), "RecursionError");
        assert_eq!(e.message(), "maximum recursion depth exceeded while decoding a JSON array from a unicode string");
        assert!(loads(&format!("{}{}", "[".repeat(500), "]".repeat(500))).is_ok());
        assert_eq!(loads(&"1".repeat(4301)).unwrap_err().kind(), "ValueError");
    }

    /// The stand-in for a huge body: 4 million keys (about 44 MB) would be the real case; one
    /// million keeps the test quick and shows the same thing, that the work is one pass over
    /// the text and the output is cut with the count of what was left out.
    #[test]
    fn a_wide_object_is_cut_and_says_how_much() {
        let n = 1_000_000;
        let mut body = String::with_capacity(n * 14);
        body.push('{');
        for i in 0..n {
            if i > 0 {
                body.push(',');
            }
            body.push_str(&format!("\"k{i}\":{i}"));
        }
        body.push('}');
        let full_repr_len: usize = 2 + (0..n).map(|i| format!("'k{i}': {i}").len()).sum::<usize>() + 2 * (n - 1);
        let started = std::time::Instant::now();
        let json = loads(&body).unwrap();
        let took = started.elapsed();
        let shown = json.to_string();
        assert!(shown.starts_with("{'k0': 0, 'k1': 1, 'k2': 2,"), "{}", &shown[..60]);
        let note = format!("… [the page cut {} more characters]", full_repr_len - super::SHOWN);
        assert!(shown.ends_with(&note), "{}", &shown[shown.len() - 80..]);
        assert_eq!(shown.chars().count(), super::SHOWN + note.chars().count());
        assert_eq!(json.py_repr(), shown);
        // One pass over the text, nothing kept past the cut (a debug build is ~20× slower than
        // the page's; the browser test times the real 44 MB case).
        assert!(took.as_secs_f64() < 10.0, "took {took:?}");
        // A long string is cut the same way.
        let long = format!("\"{}\"", "x".repeat(1_000_000));
        assert!(loads(&long).unwrap().to_string().ends_with("… [the page cut 999800 more characters]"));
    }

    #[test]
    fn connector_errors_name_host_and_port_as_aiohttp_does() {
        for (url, hostport) in [
            ("http://127.0.0.1:9/refused", "127.0.0.1:9"),
            ("https://Example.COM/x?y", "example.com:443"),
            ("http://user@a.test", "a.test:80"),
            ("http://[::1]:8080/", "::1:8080"),
        ] {
            let text = cannot_connect(url);
            assert!(text.starts_with(&format!("Cannot connect to host {hostport} ssl:default [")), "{text}");
        }
    }
}
