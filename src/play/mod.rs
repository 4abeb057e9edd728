//! The script page's pure part, built and tested natively: what the editor's keys do
//! ([`edit`]), syntax colours ([`highlight`]), programs in links ([`share`]) and the Examples
//! menu ([`examples`]).

pub mod edit;
pub mod examples;
pub mod highlight;
pub mod share;
