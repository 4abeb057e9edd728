//! `await fetch(url)`: the browser's real `fetch` (through gloo-net), as an awaitable that
//! records what its task waits on.
//!
//! Dropping a fetch future does not stop the browser's request by itself, so cancellation here
//! goes through an `AbortController`: a task cancelled mid-request (a `wait_for` timeout, Stop)
//! really aborts it. HTTP error statuses are raised as exceptions, as `response.raise_for_status()`
//! would, and so are network failures and CORS refusals (the browser does not say which).

#[cfg(target_arch = "wasm32")]
pub use browser::{fetch_json, fetch_text, open_fetches, Json};
#[cfg(not(target_arch = "wasm32"))]
pub use native::{fetch_json, fetch_text, open_fetches, Json};

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
    use wasm_bindgen::JsCast;
    use web_sys::AbortController;

    use super::super::task::inside;
    use super::super::value::{Exception, PyRepr, PyResult};
    use crate::runtime::{note_wait, take_thrown, OutsideGuard};
    use crate::trace::{Text, Wait};

    thread_local! {
        static OPEN: Cell<u32> = const { Cell::new(0) };
    }

    /// Requests started by the toolbox and not yet answered or aborted (for tests and Stop).
    pub fn open_fetches() -> u32 {
        OPEN.with(Cell::get)
    }

    /// A parsed JSON body, shown (in reprs and prints) as compact JSON.
    #[derive(Clone, Debug)]
    pub struct Json(pub wasm_bindgen::JsValue);

    impl Json {
        /// Number of items if it is an array.
        pub fn array_len(&self) -> Option<u32> {
            self.0.dyn_ref::<js_sys::Array>().map(|a| a.length())
        }
    }

    /// Shown as Python shows what `response.json()` gives: dicts, lists, True, None.
    impl PyRepr for Json {
        fn py_repr(&self) -> String {
            let mut out = String::new();
            python(&self.0, &mut out);
            match out.char_indices().nth(200) {
                Some((cut, _)) => format!("{}…", &out[..cut]),
                None => out,
            }
        }
    }

    /// Writes a parsed JSON value as Python's repr, stopping early once it is long enough.
    fn python(v: &wasm_bindgen::JsValue, out: &mut String) {
        if out.len() > 240 {
            return;
        }
        if v.is_null() || v.is_undefined() {
            out.push_str("None");
        } else if let Some(b) = v.as_bool() {
            out.push_str(&b.py_repr());
        } else if let Some(n) = v.as_f64() {
            if n.fract() == 0.0 && n.abs() < 1e16 {
                out.push_str(&format!("{}", n as i64));
            } else {
                out.push_str(&n.py_repr());
            }
        } else if let Some(s) = v.as_string() {
            out.push_str(&s.py_repr());
        } else if let Some(a) = v.dyn_ref::<js_sys::Array>() {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                python(&item, out);
            }
            out.push(']');
        } else {
            out.push('{');
            for (i, key) in js_sys::Object::keys(&js_sys::Object::from(v.clone())).iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&key.as_string().unwrap_or_default().py_repr());
                out.push_str(": ");
                python(&js_sys::Reflect::get(v, &key).unwrap_or(wasm_bindgen::JsValue::NULL), out);
            }
            out.push('}');
        }
    }

    /// `await fetch(url)` returning the body as text.
    pub fn fetch_text(url: &str) -> Fetch<String> {
        Fetch::new(url, Ok)
    }

    /// `await (await fetch(url)).json()`.
    pub fn fetch_json(url: &str) -> Fetch<Json> {
        Fetch::new(url, |body| {
            js_sys::JSON::parse(&body).map(Json).map_err(|e| {
                let why = js_sys::Error::from(e).message().as_string().unwrap_or_default();
                Exception::new("JSONDecodeError", format!("the body is not valid JSON: {why}"))
            })
        })
    }

    #[must_use = "fetch does nothing unless awaited"]
    pub struct Fetch<T> {
        url: String,
        decode: fn(String) -> PyResult<T>,
        state: State,
    }

    enum State {
        New,
        Sent {
            body: Pin<Box<dyn Future<Output = PyResult<String>>>>,
            abort: AbortController,
            url: Text,
            _outside: OutsideGuard,
        },
        Done,
    }

    impl<T> Fetch<T> {
        fn new(url: &str, decode: fn(String) -> PyResult<T>) -> Self {
            Fetch { url: url.to_string(), decode, state: State::New }
        }
    }

    impl<T> Unpin for Fetch<T> {}

    async fn get(url: String, signal: web_sys::AbortSignal) -> PyResult<String> {
        let response = Request::get(&url).abort_signal(Some(&signal)).send().await.map_err(|e| {
            Exception::new(
                "ConnectionError",
                format!("could not reach {url}: a network error, a CORS refusal or a blocked address ({e})"),
            )
        })?;
        if !response.ok() {
            return Err(Exception::new(
                "HTTPError",
                format!("{} {} for {url}", response.status(), response.status_text()).replace("  ", " "),
            ));
        }
        response
            .text()
            .await
            .map_err(|e| Exception::new("ConnectionError", format!("the body of {url} could not be read ({e})")))
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

    use super::super::value::{PyRepr, PyResult};
    use super::no_network;

    /// A parsed JSON body (never produced natively).
    #[derive(Clone, Debug)]
    pub struct Json;

    impl Json {
        pub fn array_len(&self) -> Option<u32> {
            None
        }
    }

    impl PyRepr for Json {
        fn py_repr(&self) -> String {
            "None".into()
        }
    }

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
