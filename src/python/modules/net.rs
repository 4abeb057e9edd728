//! `_interleave`: the one native call the client libraries (`aiohttp`, `httpx`, `anthropic`,
//! `openai`, Python files embedded below) are written over. Requests to the simulated hosts are answered
//! by [`crate::python::sim`] after their latency (a timer, drawn on the timeline as a wait on
//! `fetch <url>`); every other URL is fetched for real by the browser.

use std::rc::Rc;

use super::super::builtins::{builtin, expect};
use super::super::coro;
use super::super::interp::{Interp, PyErr, R};
use super::super::ops;
use super::super::sim::{Latency, Outcome};
use super::super::value::*;
use crate::aio;
use crate::runtime::{current, note_wait};
use crate::trace::{BlockingCall, Wait};

/// Said in our own words where a real host could not be reached (the exception's type and the
/// client's wording around it stay CPython's): the hosts that answer without a network.
const SIMULATED_HINT: &str =
    "example.com, example.org, example.net (and their subdomains), api.anthropic.com and api.openai.com answer from the built-in simulated API";

/// The modules written in Python, as source compiled on first import: the client libraries,
/// `requests` (and `requests.exceptions`), `llm_client` (what the LLM SDKs share), `interleave`, `concurrent.futures`, the standard library's `collections`, `itertools`,
/// `contextlib` (and its stacks), `logging`, `heapq`, `datetime`, `traceback`, `warnings`,
/// `copy`, `operator`, `statistics`, `textwrap`, `os`, `posixpath`, `uuid`, `enum`, `abc`,
/// `contextvars`, `signal`, `pprint`, `string`, `bisect`, `io`, `threading`, `queue`,
/// `__future__`, `collections.abc`, `inspect`, `types`, `urllib.parse`, `base64` and
/// `functools`' Python part, json's encoder and decoder classes, asyncio's `PriorityQueue` and
/// `LifoQueue`, its `Barrier`, and `re`'s flags.
pub fn source(name: &str) -> Option<&'static str> {
    Some(match name {
        "aiohttp" => embedded_py!("aiohttp.py"),
        "httpx" => embedded_py!("httpx.py"),
        "anthropic" => embedded_py!("anthropic.py"),
        "llm_client" => embedded_py!("llm_client.py"),
        "openai" => embedded_py!("openai.py"),
        "requests" => embedded_py!("requests.py"),
        "requests_exceptions" => embedded_py!("requests_exceptions.py"),
        "interleave" => embedded_py!("interleave.py"),
        "concurrent.futures" => embedded_py!("concurrent_futures.py"),
        "collections" => embedded_py!("collections.py"),
        "itertools" => embedded_py!("itertools.py"),
        "contextlib" => embedded_py!("contextlib.py"),
        "_contextlib_stacks" => embedded_py!("contextlib_stacks.py"),
        "heapq" => embedded_py!("heapq.py"),
        "_asyncio_queues" => embedded_py!("asyncio_queues.py"),
        "logging" => embedded_py!("logging.py"),
        "datetime" => embedded_py!("datetime.py"),
        "traceback" => embedded_py!("traceback.py"),
        "warnings" => embedded_py!("warnings.py"),
        "copy" => embedded_py!("copy.py"),
        "operator" => embedded_py!("operator.py"),
        "statistics" => embedded_py!("statistics.py"),
        "textwrap" => embedded_py!("textwrap.py"),
        "os" => embedded_py!("os.py"),
        "posixpath" => embedded_py!("posixpath.py"),
        "uuid" => embedded_py!("uuid.py"),
        "_asyncio_barrier" => embedded_py!("asyncio_barrier.py"),
        "_asyncio_futures" => embedded_py!("asyncio_futures.py"),
        "enum" => embedded_py!("enum.py"),
        "abc" => embedded_py!("abc.py"),
        "contextvars" => embedded_py!("contextvars.py"),
        "signal" => embedded_py!("signal.py"),
        "_re_flags" => embedded_py!("re_flags.py"),
        "pprint" => embedded_py!("pprint.py"),
        "string" => embedded_py!("string.py"),
        "bisect" => embedded_py!("bisect.py"),
        "io" => embedded_py!("io.py"),
        "threading" => embedded_py!("threading.py"),
        "queue" => embedded_py!("queue.py"),
        "_functools_extra" => embedded_py!("functools_extra.py"),
        "__future__" => embedded_py!("future.py"),
        "collections.abc" => embedded_py!("collections_abc.py"),
        "inspect" => embedded_py!("inspect.py"),
        "types" => embedded_py!("types.py"),
        "_json_classes" => embedded_py!("json_classes.py"),
        "urllib.parse" => embedded_py!("urllib_parse.py"),
        "urllib.error" => embedded_py!("urllib_error.py"),
        "base64" => embedded_py!("base64.py"),
        "argparse" => embedded_py!("argparse.py"),
        "_sys_version_info" => super::sys::VERSION_INFO,
        _ => return None,
    })
}

fn text_arg(interp: &Interp, args: &Args, i: usize) -> R<String> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(Value::None) | None => Ok(String::new()),
        Some(other) => ops::str_of(interp, other),
    }
}

/// A latency as seconds, with `asyncio.sleep`'s errors for what a float cannot hold.
fn seconds(interp: &Interp, l: &Latency<Value>) -> R<f64> {
    match l {
        Latency::Float(x) => Ok(*x),
        Latency::Int(digits) => digits
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .ok_or_else(|| interp.err("OverflowError", "int too large to convert to float")),
        Latency::Set(v) => ops::to_f64(interp, v),
    }
}

/// What the request resolves to: `(status, reason, headers, text, url)`.
fn answer_tuple(status: u16, reason: &str, headers: &[(&str, &str)], body: &str, url: &str) -> Value {
    let mut h = Dict::new();
    for (k, v) in headers {
        h.set_str(k, Value::str(v));
    }
    Value::tuple(vec![Value::Int(status as i64), Value::str(reason), Value::dict(h), Value::str(body), Value::str(url)])
}

enum Plan {
    /// Wait, then answer (or time out first).
    Simulated { latency: f64, timeout: Option<f64>, answer: Value, url: String },
    Real {
        method: String,
        url: String,
        headers: Vec<(String, String)>,
        body: Option<String>,
        timeout: Option<f64>,
        host: String,
    },
}

/// Decides what a request does, at the moment it is awaited (when the counters advance).
fn plan(interp: &Interp, args: &Args) -> R<Plan> {
    let method = text_arg(interp, args, 0)?;
    let url = text_arg(interp, args, 1)?;
    let body = match args.pos.get(3) {
        Some(Value::None) | None => None,
        Some(v) => Some(ops::str_of(interp, v)?),
    };
    let timeout = match args.pos.get(4) {
        Some(Value::None) | None => None,
        Some(v) => Some(ops::to_f64(interp, v)?),
    };
    let outcome = interp.sim.borrow_mut().request(&method, &url, body.as_deref());
    match outcome {
        Outcome::Raise(e) => Err(interp.err(e.kind.name(), e.message)),
        Outcome::Network { host } => {
            let headers = match args.pos.get(2) {
                Some(h @ Value::Dict(_)) => ops::mapping_items(interp, h)?
                    .into_iter()
                    .map(|(k, v)| Ok((ops::str_of(interp, &k)?, ops::str_of(interp, &v)?)))
                    .collect::<R<Vec<_>>>()?,
                _ => Vec::new(),
            };
            Ok(Plan::Real { method, url, headers, body, timeout, host })
        }
        Outcome::Answer(a) => {
            let latency = seconds(interp, &a.latency)?;
            let answer = answer_tuple(a.status, a.reason, a.headers, &a.body, &a.url);
            Ok(Plan::Simulated { latency, timeout, answer, url: a.url })
        }
    }
}

/// `await asyncio.sleep(secs)`, shown on the timeline as waiting for the request.
async fn wait_for_answer(interp: Rc<Interp>, secs: f64, url: &str) -> R<()> {
    // The URL alone: the timeline's label says "fetch" before it.
    let label = current().map(|(rt, _)| rt.text(url));
    let r = ShownAs { inner: Box::pin(aio::sleep(secs)), wait: label.map(|url| Wait::Fetch { url }) }.await;
    r.map_err(|e| coro::from_aio(&interp, e))
}

/// A sleep whose wait the timeline shows as something else (a request).
struct ShownAs {
    inner: std::pin::Pin<Box<aio::Sleep<()>>>,
    wait: Option<Wait>,
}

impl std::future::Future for ShownAs {
    type Output = aio::PyResult<()>;

    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
        let p = self.inner.as_mut().poll(cx);
        if p.is_pending() {
            if let Some(w) = self.wait {
                note_wait(w);
            }
        }
        p
    }
}

fn request(interp: &Interp, args: Args) -> R<Value> {
    let weak = interp.this.clone();
    Ok(coro::native(interp, "request", async move {
        let interp = weak.upgrade().ok_or_else(|| PyErr::Stop(Rc::from("the program ended")))?;
        match plan(&interp, &args)? {
            Plan::Simulated { latency, timeout, answer, url } => {
                if let Some(t) = timeout.filter(|t| latency > *t) {
                    wait_for_answer(interp.clone(), t, &url).await?;
                    return Err(interp.err("TimeoutError", "timed out"));
                }
                wait_for_answer(interp.clone(), latency, &url).await?;
                Ok(answer)
            }
            Plan::Real { method, url, headers, body, timeout, host } => {
                real::fetch(interp, method, url, headers, body, timeout, host).await
            }
        }
    }))
}

/// The blocking variant (`requests`, the sync `anthropic.Anthropic()` and `openai.OpenAI()` clients): the request's
/// latency holds the loop, as `time.sleep` does, drawn as a hold that grows.
fn request_blocking(interp: &Interp, args: Args) -> R<Value> {
    match plan(interp, &args)? {
        Plan::Simulated { latency, timeout, answer, url } => {
            // As the stand-in does it under CPython: `time.sleep(latency)`, with its errors.
            let block = |secs: f64| -> R<()> {
                if secs < 0.0 {
                    return Err(interp.value_error("sleep length must be non-negative"));
                }
                if !secs.is_finite() {
                    return Err(interp.err("OverflowError", "timestamp too large to convert to C _PyTime_t"));
                }
                super::time::hold_thread(interp, secs, BlockingCall::Request, || format!("a blocking request to {url}"))
            };
            if let Some(t) = timeout.filter(|t| latency > *t) {
                block(t)?;
                return Err(interp.err("TimeoutError", "timed out"));
            }
            block(latency)?;
            Ok(answer)
        }
        Plan::Real { host, .. } => Err(interp.err(
            "ConnectionError",
            format!("{host}: a blocking request (requests, anthropic.Anthropic, openai.OpenAI) to a real host would freeze the page; use an async client (aiohttp, httpx.AsyncClient, AsyncAnthropic, AsyncOpenAI); {SIMULATED_HINT}"),
        )),
    }
}

fn simulate(interp: &Interp, args: Args) -> R<Value> {
    let latency = args.pos.first().cloned().filter(|v| !v.is_none());
    let rate = match args.pos.get(1) {
        Some(Value::Int(i)) => (*i).clamp(-1, 1) as f64,
        Some(Value::Bool(b)) => *b as i64 as f64,
        Some(v) => ops::to_f64(interp, v)?,
        None => 0.0,
    };
    interp.sim.borrow_mut().simulate(latency, rate);
    Ok(Value::None)
}

pub fn module(_interp: &Interp) -> Rc<Module> {
    let m = Module::new("_interleave");
    m.set("request", builtin("request", request));
    m.set("request_blocking", builtin("request_blocking", request_blocking));
    m.set("simulate", builtin("simulate", simulate));
    m.set(
        "semaphore",
        builtin("semaphore", |interp, args| {
            expect(interp, &args, "semaphore", 2, 2)?;
            let value = ops::to_index(interp, &args.pos[0])?.max(0) as usize;
            super::asyncio::labelled_semaphore(interp, value, &ops::str_of(interp, &args.pos[1])?)
        }),
    );
    m
}

/// Real requests: the browser's `fetch`, aborted if the task is cancelled.
#[cfg(target_arch = "wasm32")]
mod real {
    use super::*;
    use gloo_net::http::{Method, RequestBuilder};

    pub async fn fetch(
        interp: Rc<Interp>,
        method: String,
        url: String,
        headers: Vec<(String, String)>,
        body: Option<String>,
        timeout: Option<f64>,
        host: String,
    ) -> R<Value> {
        let abort =
            web_sys::AbortController::new().map_err(|_| interp.runtime_error("this browser cannot abort requests"))?;
        let method = match method.to_ascii_uppercase().as_str() {
            "POST" => Method::POST,
            "PUT" => Method::PUT,
            "DELETE" => Method::DELETE,
            "PATCH" => Method::PATCH,
            "HEAD" => Method::HEAD,
            _ => Method::GET,
        };
        let mut req = RequestBuilder::new(&url).method(method).abort_signal(Some(&abort.signal()));
        for (k, v) in &headers {
            req = req.header(k, v);
        }
        let req = match body {
            Some(b) => req.body(b).map_err(|e| interp.value_error(e.to_string()))?,
            None => req.build().map_err(|e| interp.value_error(e.to_string()))?,
        };
        let (rt, _) = current().ok_or_else(|| interp.runtime_error("no running event loop"))?;
        let _outside = rt.outside_work();
        let label = rt.text(&url);
        let guard = AbortOnDrop(Some(abort));
        let send = async {
            let resp = req.send().await.map_err(|e| {
                interp.err(
                    "ConnectionError",
                    format!("cannot reach {host}: a network error, a CORS refusal or a blocked address ({e}); {SIMULATED_HINT}"),
                )
            })?;
            let status = resp.status();
            let reason = resp.status_text();
            let mut hs = Vec::new();
            for (k, v) in resp.headers().entries() {
                hs.push((k, v));
            }
            let final_url = resp.url();
            let text = resp
                .text()
                .await
                .map_err(|e| interp.err("ConnectionError", format!("the body of {url} could not be read ({e})")))?;
            let h: Vec<(&str, &str)> = hs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            Ok(answer_tuple(status, &reason, &h, &text, &final_url))
        };
        let wait = Wait::Fetch { url: label };
        let result = match timeout {
            Some(t) => {
                let timer = Box::pin(aio::sleep(t));
                Race { a: Box::pin(send), b: timer, wait, interp: &interp }.await
            }
            None => Race { a: Box::pin(send), b: Box::pin(aio::sleep(f64::INFINITY)), wait, interp: &interp }.await,
        };
        drop(guard);
        match result {
            Some(r) => r,
            None => Err(interp.err("TimeoutError", "timed out")),
        }
    }

    /// Aborts the browser's request if the awaiting task stops waiting (cancelled, timed out).
    struct AbortOnDrop(Option<web_sys::AbortController>);

    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            if let Some(a) = self.0.take() {
                a.abort();
            }
        }
    }

    /// The request, or `None` if the timer ends first.
    struct Race<'a> {
        a: std::pin::Pin<Box<dyn std::future::Future<Output = R<Value>> + 'a>>,
        b: std::pin::Pin<Box<aio::Sleep<()>>>,
        wait: Wait,
        interp: &'a Interp,
    }

    impl std::future::Future for Race<'_> {
        type Output = Option<R<Value>>;

        fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
            if let std::task::Poll::Ready(r) = self.a.as_mut().poll(cx) {
                return std::task::Poll::Ready(Some(r));
            }
            if let std::task::Poll::Ready(r) = self.b.as_mut().poll(cx) {
                return std::task::Poll::Ready(match r {
                    Ok(()) => None,
                    // The task was cancelled (a wait_for timeout, Stop): CancelledError where
                    // it waits, as for any other await.
                    Err(e) => Some(Err(coro::from_aio(self.interp, e))),
                });
            }
            note_wait(self.wait);
            std::task::Poll::Pending
        }
    }
}

/// Natively every run is on the virtual clock, where real hosts cannot be reached.
#[cfg(not(target_arch = "wasm32"))]
mod real {
    use super::*;

    pub async fn fetch(
        interp: Rc<Interp>,
        _method: String,
        _url: String,
        _headers: Vec<(String, String)>,
        _body: Option<String>,
        _timeout: Option<f64>,
        host: String,
    ) -> R<Value> {
        Err(interp.err(
            "ConnectionError",
            format!("cannot reach {host}: this run is on the virtual clock, which has no network; {SIMULATED_HINT}"),
        ))
    }
}
