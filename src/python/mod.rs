//! The Python engine: asyncio programs parsed and run on our own runtime, every Python task a
//! runtime task. It sits between the toolbox ([`crate::aio`]) and the pages, and builds natively
//! like everything below the view, so CPython's own output is the expected output of its tests.
//!
//! source → [`parse`] (Ruff's parser, CPython's SyntaxError messages; [`highlight`] colours
//! the same tokens) → [`lower`] (to [`ir`], names resolved by [`scope`]) →
//! [`exec`] runs frames op by op, [`eval`] evaluates expressions; values in [`value`] (ints
//! past 64 bits in [`bigint`], sets on CPython's hash table, [`set_table`]), their operators
//! in [`ops`], calls in [`call`], attributes in [`attr`]; coroutines and generators in
//! [`coro`]; built-ins in [`builtins`], [`methods`] and [`dunders`]; modules in [`modules`];
//! [`program`] runs a whole program on a runtime; [`heap`] counts the memory it builds.

pub mod attr;
pub mod bigint;
pub mod builtins;
pub mod bytes;
pub mod call;
pub mod copy;
pub mod coro;
pub mod dunders;
pub mod eval;
pub mod exec;
pub mod format;
#[cfg(test)]
pub(crate) mod fuzz_inputs;
pub mod heap;
pub mod highlight;
pub mod interp;
pub mod ir;
pub mod lower;
pub mod methods;
pub mod modules;
pub mod objects;
pub mod ops;
pub mod parse;
pub mod program;
pub mod random;
pub mod scope;
pub mod set_table;
pub mod sim;
pub mod thread;
pub mod traceback;
pub mod value;
