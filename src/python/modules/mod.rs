//! The modules a program can import: `asyncio` (on the toolbox), `time`, `random` (CPython's
//! exact generator), `json`, `math`, `sys`, a few small helpers (`typing`, `dataclasses`,
//! `functools`), and the network clients (`aiohttp`, `httpx`, `anthropic`), which are Python
//! files embedded in the wasm, written over one native call.

pub mod asyncio;
pub mod json;
pub mod math;
pub mod random;
pub mod small;
pub mod sys;
pub mod time;

use std::rc::Rc;

use super::interp::{Interp, R};
use super::value::Module;

/// Builds the module `name`, or `None` if there is no such module here.
pub fn load(interp: &Interp, name: &str) -> R<Option<Rc<Module>>> {
    Ok(Some(match name {
        "asyncio" => asyncio::module(interp),
        "time" => time::module(interp),
        "random" => random::module(interp),
        "json" => json::module(interp),
        "math" => math::module(interp),
        "sys" => sys::module(interp),
        "typing" => small::typing(interp),
        "dataclasses" => small::dataclasses(interp),
        "functools" => small::functools(interp),
        _ => return Ok(None),
    }))
}
