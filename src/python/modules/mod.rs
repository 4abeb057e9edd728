//! The modules a program can import: `asyncio` (on the toolbox), `time`, `random` (CPython's
//! exact generator), `json`, `math`, `sys`, `typing`, `dataclasses`, `functools` (with
//! `_logging`, what the embedded `logging` and `traceback` ask of the interpreter, and
//! `_stdlib`, what `copy`, `threading` and `collections.abc` ask, `_inspect`, what `inspect`
//! asks), `hashlib`, and, as Python files embedded in the wasm
//! (`py/`, listed by [`net::source`]), the network clients (`aiohttp`, `httpx`, `anthropic`, `openai`),
//! `concurrent.futures`' executors and `collections`, `itertools`, `contextlib` (its stacks and
//! redirections loaded on first use), `logging`, `heapq`, `datetime`, `traceback`, `warnings`,
//! `copy`, `operator`, `statistics`, `textwrap`, `os` (and `os.path`, which is `posixpath`),
//! `uuid`, `enum`, `abc`, `contextvars`, `signal`, `pprint`, `string`, `bisect`, `io`
//! (`StringIO`), `threading` and `queue` (for one thread), `__future__`, `collections.abc`,
//! `inspect`, `types`, `urllib.parse` and `urllib.error`, `base64`, `argparse`, `functools`' parts written in Python,
//! asyncio's `Barrier` and its queues, and `sys.version_info`'s class;
//! `re` is a native matcher (re.rs) under the Python of `re.py` (its flags in `re_flags.py`).

/// An embedded module's source (`py/FILE`) as the wasm carries it: without its comments and
/// docstrings, every line where it was (`build/strip_python.rs`, run by `build.rs`).
macro_rules! embedded_py {
    ($file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/py/", $file))
    };
}

pub mod asyncio;
pub mod calendar_time;
pub mod dataclasses;
pub mod functools;
pub mod hashlib;
pub mod inspect_support;
pub mod json;
pub mod logging_support;
pub mod math;
pub mod net;
pub mod random;
pub mod re;
pub mod stdlib_support;
pub mod sys;
pub mod taskgroup;
pub mod time;
pub mod typing;

use std::rc::Rc;

use super::interp::{Interp, R};
use super::value::{Module, Value};

/// Builds the module `name`, or `None` if there is no such module here.
pub fn load(interp: &Interp, name: &str) -> R<Option<Rc<Module>>> {
    Ok(Some(match name {
        "asyncio" => asyncio::module(interp),
        "time" => time::module(interp),
        "random" => random::module(interp),
        "json" => json::module(interp)?,
        "math" => math::module(interp),
        "re" => re::module(interp)?,
        "sys" => sys::module(interp),
        "typing" => typing::module(interp),
        "dataclasses" => dataclasses::module(interp),
        "functools" => functools::module(interp),
        "_logging" => logging_support::module(interp),
        "_stdlib" => stdlib_support::module(),
        "_inspect" => inspect_support::module(),
        "hashlib" => hashlib::module(),
        // `os.path` is `posixpath`, as in CPython: one module under both names.
        "os.path" => match &super::call::import_module(interp, "posixpath")? {
            Value::Module(m) => m.clone(),
            _ => return Ok(None),
        },
        // `requests.exceptions` is one file under CPython's name for it and the engine's.
        "requests.exceptions" => match &super::call::import_module(interp, "requests_exceptions")? {
            Value::Module(m) => m.clone(),
            _ => return Ok(None),
        },
        "_interleave" => net::module(interp),
        other => match net::source(other) {
            Some(src) => python_module(interp, other, src)?,
            None => return Ok(None),
        },
    }))
}

/// Packages that hold nothing of their own here, only the modules below them
/// (`concurrent.futures`, `urllib.parse`): `import concurrent.futures` binds `concurrent`.
pub fn is_package(name: &str) -> bool {
    matches!(name, "concurrent" | "urllib")
}

/// Why a module that asyncio tutorials import is missing here, for the error that says so.
pub fn unavailable(name: &str) -> Option<&'static str> {
    Some(match name {
        "socket" | "ssl" | "select" | "selectors" => {
            "a program in Interleave has no sockets. Fetch URLs with aiohttp or httpx (example.com, \
             api.anthropic.com and api.openai.com answer from the simulated API)."
        }
        "subprocess" | "multiprocessing" => "a program in Interleave cannot start other processes.",
        "urllib.request" => {
            "Interleave fetches URLs with aiohttp, httpx or requests (example.com, api.anthropic.com and \
             api.openai.com answer from the simulated API)."
        }
        "aiofiles" | "pathlib" | "shutil" | "tempfile" => {
            "a program in Interleave has no files. Put the data in the code, or fetch it."
        }
        _ => return None,
    })
}

/// A module written in Python and embedded here: run once per program, on first import.
fn python_module(interp: &Interp, name: &str, source: &'static str) -> R<Rc<Module>> {
    let code = embedded_code(interp, name, source)?;
    let module = Module::new(name);
    module.set("__name__", super::value::Value::str(name));
    let frame = super::exec::Frame::new(interp, code, module.clone(), None);
    super::call::run_to_end(interp, frame)?;
    Ok(module)
}

thread_local! {
    /// Each embedded module's code, compiled on its first import in this thread (the page, or a
    /// worker running `to_thread` calls) and kept: every program, and every copy of a program
    /// a `to_thread` call runs, imports them anew, and compiling `concurrent.futures` each
    /// time cost far more than running it. Keyed by the source's address: each is a static.
    static EMBEDDED: std::cell::RefCell<rustc_hash::FxHashMap<usize, Rc<super::ir::Code>>> =
        std::cell::RefCell::default();
}

/// The compiled code of the embedded module `name` (whose source is `source`).
pub fn embedded_code(interp: &Interp, name: &str, source: &'static str) -> R<Rc<super::ir::Code>> {
    let key = source.as_ptr() as usize;
    if let Some(code) = EMBEDDED.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(code);
    }
    let broken =
        |why: String| interp.err("ImportError", format!("the embedded module {name} could not be loaded: {why}"));
    let parsed =
        super::parse::parse(source).map_err(|e| broken(e.first().map(|e| e.message.clone()).unwrap_or_default()))?;
    let code = super::lower::compile(&parsed, source).map_err(|e| broken(e.message))?.main;
    EMBEDDED.with(|c| c.borrow_mut().insert(key, code.clone()));
    Ok(code)
}
