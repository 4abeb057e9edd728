//! The script page's pure part, built and tested natively: what the editor's keys do
//! ([`edit`]), programs in links ([`share`]) and the Examples menu ([`examples`]). Syntax
//! colours come from the engine's own tokens ([`crate::python::highlight`]).

pub mod edit;
pub mod examples;
pub mod share;
