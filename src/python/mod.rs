//! The Python engine: asyncio programs parsed and run on our own runtime, every Python task a
//! runtime task. It sits between the toolbox ([`crate::aio`]) and the pages, and builds natively
//! like everything below the view, so CPython's own output is the expected output of its tests.

#[cfg(test)]
pub(crate) mod fuzz_inputs;
pub mod highlight;
pub mod parse;
