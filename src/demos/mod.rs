//! The demo gallery: one lesson per file, listed in [`DEMOS`] in the order the gallery shows
//! them. A demo is plain async Rust written with the [`crate::aio`] toolbox, plus the words,
//! the Python it mirrors and its parameters. The code the page shows is cut from the demo's own
//! file between `// region: demo` and `// endregion` markers, so what is shown is what ran.

mod gather;
pub mod params;

use crate::aio::{Coro, Repr};
use crate::model::{metrics, what_happened, RunModel};
use params::{ParamSpec, Params};

pub trait Demo: Sync {
    /// Stable key used in URLs (`#/demo/<slug>`).
    fn slug(&self) -> &'static str;
    fn title(&self) -> &'static str;
    /// 2–4 plain sentences: the lesson and what to notice.
    fn lesson(&self) -> &'static str;
    /// The asyncio program it mirrors; `${key}` stands for a parameter's current value.
    fn python(&self) -> &'static str;
    /// The demo's whole source file (`include_str!`); [`rust_shown`] cuts the shown part.
    fn source_file(&self) -> &'static str;
    fn params(&self) -> &'static [ParamSpec];
    /// The `main()` coroutine for these parameters.
    fn main(&self, p: &Params) -> Coro<Repr>;
    /// The "what happened" line, from the finished run.
    fn explain(&self, _p: &Params, run: &RunModel) -> String {
        what_happened(&metrics(run))
    }
}

/// Every demo, in gallery order.
pub static DEMOS: &[&dyn Demo] = &[&gather::Gather];

pub fn find(slug: &str) -> Option<&'static dyn Demo> {
    DEMOS.iter().copied().find(|d| d.slug() == slug)
}

const REGION_START: &str = "// region: demo";
const REGION_END: &str = "// endregion";

/// The part of a demo's file between its region markers, or `None` if they are missing.
pub fn rust_shown(file: &'static str) -> Option<&'static str> {
    let start = file.find(REGION_START)? + REGION_START.len();
    let len = file[start..].find(REGION_END)?;
    Some(file[start..start + len].trim_matches('\n'))
}

/// The Python program with the current values in place of `${key}`.
pub fn python_with(demo: &dyn Demo, raw: &[String]) -> String {
    let mut code = demo.python().to_string();
    for (spec, value) in demo.params().iter().zip(raw) {
        code = code.replace(&format!("${{{}}}", spec.key), value.trim());
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_is_complete_and_unique() {
        let mut slugs = std::collections::HashSet::new();
        for d in DEMOS {
            assert!(slugs.insert(d.slug()), "duplicate slug {}", d.slug());
            assert!(
                d.slug().chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                d.slug()
            );
            let shown = rust_shown(d.source_file())
                .unwrap_or_else(|| panic!("{} lacks region markers", d.slug()));
            assert!(
                shown.contains("coro("),
                "{}: the shown code should contain the coroutines",
                d.slug()
            );
            let sentences = d.lesson().matches(". ").count() + 1;
            assert!(
                (2..=4).contains(&sentences),
                "{}: lesson should be 2-4 sentences",
                d.slug()
            );
            assert!(
                params::Form::defaults(d.params()).params().is_some(),
                "{}: defaults must be valid",
                d.slug()
            );
            let python = python_with(*d, &params::Form::defaults(d.params()).raw);
            assert!(
                !python.contains("${"),
                "{}: unreplaced placeholder",
                d.slug()
            );
        }
    }
}
