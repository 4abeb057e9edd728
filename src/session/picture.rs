//! A demo's typical timeline, drawn small for its gallery card: the program its page runs with
//! the lesson's values, run to its end on the virtual clock (so nothing really waits and every
//! drawing is the same), then drawn by the SVG export's thumbnail renderer in both themes.
//!
//! The virtual clock cannot show every lesson: two demos are not pictured (see the table below,
//! with the reasons). threads-vs-loop is: there its workers' waits overlap, as real ones do.

use std::rc::Rc;

use super::{Program, Session};
use crate::demos::params::Form;
use crate::demos::Demo;
use crate::model::export::{thumbnail, SvgRun};

/// The drawing's size in its own units; the page scales it to the card's width, keeping this
/// 10:3 shape (static/style.css), so a placeholder of the same shape holds its place.
pub const WIDTH: u32 = 320;
pub const HEIGHT: u32 = 96;

/// Demos without a picture, with the few words the card shows instead.
pub const NOT_PICTURED: &[(&str, &str)] = &[
    // On the virtual clock every request fails at once (the network is not simulated), so the
    // picture would show failures the real page does not have.
    ("fetch", "Real requests: run it to see them overlap"),
    // The lesson is the count holding the loop, but the virtual clock does not count CPU time:
    // the hold would not show, and the count itself (about a second) would hold the gallery.
    ("to-thread", "Real CPU time: run it to see the loop held"),
];

/// One demo's picture, as SVG text, in each theme.
pub struct Picture {
    pub light: String,
    pub dark: String,
    /// The run's tasks (the drawing shows the first eight under the event loop's row).
    pub lanes: usize,
}

/// The words a card shows instead of a picture, if the demo has none.
pub fn not_pictured(slug: &str) -> Option<&'static str> {
    NOT_PICTURED.iter().find(|(s, _)| *s == slug).map(|(_, why)| *why)
}

/// The demo's typical run, drawn; `None` for the demos in [`NOT_PICTURED`] (and for a demo
/// whose lesson values were not valid, which a registry test rules out).
pub fn picture(demo: &'static dyn Demo) -> Option<Picture> {
    if not_pictured(demo.slug()).is_some() {
        return None;
    }
    let program = Program::demo(demo, &Form::defaults(demo.params()))?;
    let mut session = Session::stepper(Rc::new(program));
    session.run_to_end();
    let label = session.program().label();
    let trace = session.trace();
    let run = SvgRun { label: &label, model: session.model(), rec: &trace, halted: None };
    Some(Picture {
        light: thumbnail(run, WIDTH, HEIGHT, false),
        dark: thumbnail(run, WIDTH, HEIGHT, true),
        lanes: session.model().lanes.len(),
    })
}
