//! The live timeline: one lane per task (nested under its parent) and the event loop on top,
//! drawn on a canvas every frame (10k SVG rects cost ~107 ms a frame here, canvas ~16 ms).
//! Only visible rows and segments are drawn, so a 10,000-task run stays smooth.
//!
//! States are never told by colour alone: waiting is hatched, ready is dotted, late is striped,
//! wide segments carry their label, and endings are glyphs (✓ ✗ ⊘).
//!
//! The parts: the window and its rules are the model's ([`crate::model::viewport`], pure);
//! here are the canvas-side state ([`Timeline`]), the [`theme`], the painters of each axis
//! ([`time_axis`], [`turns_axis`], sharing [`paint`]), the [`tip`] and the [`input`] routing.
//! What the page marks (scrub cursor, selection, outlined steps) comes in as [`Marks`].

mod input;
mod paint;
mod theme;
mod time_axis;
mod tip;
mod turns_axis;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

pub use input::{handle, pick, Input};
pub use theme::prefers_dark;

use crate::model::describe::task_name;
use crate::model::layout::{self, lane_order};
use crate::model::turns::TurnAxis;
use crate::model::viewport::{Axis, Geometry, Viewport};
use crate::model::{RunModel, Series};
use crate::session::{Selection, Session};
use crate::trace::{Micros, TaskId};
use paint::Paint;
use theme::{Fills, Theme};

/// One row of the drawing below the event loop's.
#[derive(Clone, Copy, PartialEq)]
enum Row {
    /// Who waited for each turn (turns axis only).
    Ready,
    Lane(TaskId),
    /// Permits in use of a semaphore or lock (index into `RunModel::permits`).
    Permits(usize),
    /// Items in a queue (index into `RunModel::queues`).
    Queue(usize),
    /// A coroutine created and never awaited (index into `RunModel::never_awaited`).
    Ghost(usize),
    KeptHeader,
    /// The kept run's event loop: who held the thread then.
    KeptLoop,
    KeptLane(TaskId),
}

/// What the current run's rows depend on: they are rebuilt only when one of these changes.
type RowsKey = (Axis, usize, usize, usize, usize);

fn rows_key(m: &RunModel, axis: Axis) -> RowsKey {
    (axis, m.lanes.len(), m.permits.len(), m.queues.len(), m.never_awaited.len())
}

/// What the page marks on the drawing: the scrub cursor, the picked step or log line, and the
/// steps at the code line under the pointer (outlined).
#[derive(Clone, Default, PartialEq)]
pub struct Marks {
    pub cursor: Option<Micros>,
    pub selection: Option<Selection>,
    pub marked: Vec<usize>,
}

/// The canvas's own state between frames: the window (the model's viewport), presentation
/// mode, the pointer and gesture in progress, and what the last drawing laid out.
pub struct Timeline {
    pub view: Viewport,
    /// Rows and text legible from the back of a room.
    pub presentation: bool,
    hover: Option<(f64, f64)>,
    gesture: input::Gesture,
    /// Every row of the last drawing (input hit-tests against it).
    rows: Vec<Row>,
    /// The last drawing's geometry and how many rows it showed.
    drawn: Option<(Geometry, usize)>,
    order: Option<(RowsKey, Vec<Row>)>,
    kept_order: (usize, Vec<TaskId>),
    fills: Fills,
    theme: Option<(f64, Rc<Theme>)>,
    /// The selection last brought into view (a new one is brought once).
    revealed: Option<Selection>,
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline {
            view: Viewport::default(),
            presentation: false,
            hover: None,
            gesture: input::Gesture::None,
            rows: Vec::new(),
            drawn: None,
            order: None,
            kept_order: (usize::MAX, Vec::new()),
            fills: Fills::default(),
            theme: None,
            revealed: None,
        }
    }
}

impl Timeline {
    /// A step or line picked on the drawing itself: it is in view already, so the view stays
    /// as the learner set it (a picked step elsewhere is zoomed to a readable width).
    pub fn picked_in_view(&mut self, selection: Selection) {
        self.revealed = Some(selection);
    }

    /// Back to the whole run, following it.
    pub fn fit(&mut self) {
        self.view.fit();
    }

    pub fn axis(&self) -> Axis {
        self.view.axis
    }

    /// Shows `axis`, keeping what was in view (when there is a run to convert with).
    pub fn set_axis(&mut self, axis: Axis, m: Option<&RunModel>) {
        match m {
            Some(m) => self.view.set_axis(axis, &TurnAxis::new(m)),
            None => self.view = Viewport::on(axis),
        }
    }

    /// The rows of the current run (and the kept one on the time axis), cached between frames.
    fn layout_rows(&mut self, m: &RunModel, kept: Option<&RunModel>) -> Vec<Row> {
        let axis = self.view.axis;
        let key = rows_key(m, axis);
        if self.order.as_ref().is_none_or(|(k, _)| *k != key) {
            let rows = layout::rows(m, axis == Axis::Turns).into_iter().map(|r| match r {
                layout::Row::Ready => Row::Ready,
                layout::Row::Task(id) => Row::Lane(id),
                layout::Row::Permits(i) => Row::Permits(i),
                layout::Row::Queue(i) => Row::Queue(i),
                layout::Row::Ghost(i) => Row::Ghost(i),
            });
            self.order = Some((key, rows.collect()));
        }
        let mut rows = self.order.as_ref().map_or_else(Vec::new, |(_, r)| r.clone());
        if let (Some(k), Axis::Time) = (kept, axis) {
            if self.kept_order.0 != k.lanes.len() {
                self.kept_order = (k.lanes.len(), lane_order(k));
            }
            rows.push(Row::KeptHeader);
            rows.push(Row::KeptLoop);
            rows.extend(self.kept_order.1.iter().map(|&id| Row::KeptLane(id)));
        }
        rows
    }

    /// Brings a newly picked step (or log line) into view, readable, with its lane shown.
    fn reveal(&mut self, m: &RunModel, g: &Geometry, shown: usize, selection: Option<Selection>) {
        if selection == self.revealed {
            return;
        }
        self.revealed = selection;
        let (task, span, zoom) = match selection {
            Some(Selection::Step(i)) => {
                let Some(step) = m.steps.get(i) else { return };
                let span = match self.view.axis {
                    Axis::Time => (step.start as f64, step.end as f64),
                    Axis::Turns => TurnAxis::new(m).step_span(i),
                };
                (step.task, span, true)
            }
            Some(Selection::Log(j)) => {
                let Some(line) = m.log.get(j) else { return };
                let pos = match self.view.axis {
                    Axis::Time => line.time as f64,
                    Axis::Turns => TurnAxis::new(m).pos_of_event(line.event),
                };
                (line.task, (pos, pos), false)
            }
            None => return,
        };
        if zoom {
            self.view.reveal(g, span, READABLE_PX);
        } else if span.0 < self.view.from || span.0 > self.view.to {
            // A log line is an instant: centre it without zooming.
            let w = self.view.window();
            self.view.from = (span.0 - w / 2.0).max(0.0);
            self.view.to = self.view.from + w;
            self.view.follow = false;
        }
        if let Some(r) = self.rows.iter().position(|r| *r == Row::Lane(task)) {
            if r < self.view.first_row || r >= self.view.first_row + shown {
                let total = self.rows.len();
                self.view.first_row = 0;
                self.view.scroll_rows(r as i64 - shown as i64 / 2, total, shown);
            }
        }
    }
}

/// A picked step is brought to at least this width.
const READABLE_PX: f64 = 48.0;

/// The latest time either run covers (the axis grows with the run).
fn covered(s: &Session, kept: Option<&Session>) -> Micros {
    s.covered().max(kept.map_or(0, |k| k.model().span()))
}

/// Draws the whole timeline. Returns nothing: the canvas is the output.
pub fn draw(
    canvas: &HtmlCanvasElement,
    t: &mut Timeline,
    s: &Session,
    kept: Option<&Session>,
    marks: &Marks,
    tip: Option<&HtmlElement>,
) {
    let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    // Reading CSS variables forces a style pass over the whole page: once a second is enough
    // to follow a change of theme.
    let now_ms = crate::runtime::now_ms();
    if t.theme.as_ref().is_none_or(|(at, _)| now_ms - at > 1000.0) {
        t.theme = Some((now_ms, Rc::new(Theme::read(canvas))));
    }
    let Some((_, theme)) = t.theme.clone() else { return };
    let m = s.model();
    let g = Geometry::new(canvas.client_width().max(200) as f64, t.presentation);
    t.rows = t.layout_rows(m, kept.map(|k| k.model()));
    let total = t.rows.len();
    let shown = total.min(g.max_rows);
    t.view.scroll_rows(0, total, shown);
    let axis = TurnAxis::new(m);
    let growing = s.running() && !s.stepping();
    match t.view.axis {
        Axis::Time => t.view.follow_to(covered(s, kept).max(1) as f64, growing, theme.reduced_motion),
        Axis::Turns => t.view.follow_to(axis.end(), growing, theme.reduced_motion),
    }
    t.reveal(m, &g, shown, marks.selection);
    t.drawn = Some((g, shown));

    let height = g.height(shown);
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (pw, ph) = ((g.width * dpr) as u32, (height * dpr) as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
        let _ = canvas.style().set_property("height", &format!("{height}px"));
    }
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.set_fill_style_str(&theme.bg);
    ctx.fill_rect(0.0, 0.0, g.width, height);
    ctx.set_text_baseline("middle");
    let p = Paint { ctx: &ctx, theme: &theme, fills: &t.fills, g, view: t.view, rows: &t.rows, shown };
    p.font(false);
    match t.view.axis {
        Axis::Turns => turns_axis::draw(&p, m, &s.trace(), &axis, marks),
        Axis::Time => time_axis::draw(&p, s, kept, marks),
    }
    if total > shown {
        ctx.set_fill_style_str(&theme.muted);
        let first = t.view.first_row;
        let text = format!("lanes {}–{} of {total} (scroll)", first + 1, (first + shown).min(total));
        let _ = ctx.fill_text(&text, 6.0, height - 6.0);
    }
    // Written only when it changes: a DOM write every frame would be wasted work.
    let geometry = geometry_json(&p, m, marks, s.recording_cut());
    if canvas.get_attribute("data-geometry").as_deref() != Some(geometry.as_str()) {
        let _ = canvas.set_attribute("data-geometry", &geometry);
    }
    if let Some(el) = tip {
        tip::update(el, &p, t.hover, s, kept);
    }
}

/// What the canvas shows, for tests: the plot's position, the window, the sizes, the visible
/// rows, how many steps are outlined for the hovered code line, and where the recording was
/// cut (the recorder full).
fn geometry_json(p: &Paint, m: &RunModel, marks: &Marks, cut: Option<Micros>) -> String {
    let names: Vec<String> = p
        .visible()
        .map(|(_, r)| match r {
            Row::Ready => "\"(ready queue)\"".into(),
            Row::Lane(id) => format!("{:?}", task_name(m, id)),
            Row::Permits(i) => format!("{:?}", format!("(permits {i})")),
            Row::Queue(i) => format!("{:?}", format!("(queue {i})")),
            Row::Ghost(i) => format!("{:?}", format!("(ghost {i})")),
            Row::KeptHeader => "\"(kept run)\"".into(),
            Row::KeptLoop => "\"(kept loop)\"".into(),
            Row::KeptLane(_) => "\"(kept lane)\"".into(),
        })
        .collect();
    let late_under = m.late.iter().filter(|l| l.lateness() < m.late_threshold()).count();
    let series = |all: &[Series]| {
        let each: Vec<String> = all.iter().map(|s| format!(r#"{{"limit":{},"peak":{}}}"#, s.limit, s.peak())).collect();
        each.join(",")
    };
    let (g, v) = (&p.g, &p.view);
    // Where the picked step is drawn on the loop's row, in pixels.
    let selected = match marks.selection {
        Some(Selection::Step(i)) => m.steps.get(i).map(|st| match v.axis {
            Axis::Time => {
                let (from, to) = st.outlined();
                (p.x(from), p.x(to))
            }
            Axis::Turns => {
                let (a, b) = TurnAxis::new(m).step_span(i);
                (p.at(a), p.at(b))
            }
        }),
        _ => None,
    };
    let selected = selected.map_or_else(|| "null".to_string(), |(a, b)| format!("[{a:.1},{b:.1}]"));
    format!(
        r#"{{"plotX":{:.1},"plotW":{:.1},"from":{},"to":{},"follow":{},"axis":{},"row":{},"font":{},"firstRow":{},"rows":[{}],"selected":{selected},"marked":{},"permits":[{}],"queues":[{}],"deadlines":{},"lateUnder":{},"lateOver":{},"axisKind":"{}","cut":{}}}"#,
        g.plot_x,
        g.plot_w,
        v.from,
        v.to,
        v.follow,
        g.axis_h,
        g.row_h,
        g.font_px,
        v.first_row,
        names.join(","),
        marks.marked.len(),
        series(&m.permits),
        series(&m.queues),
        m.deadlines.len(),
        late_under,
        m.late.len() - late_under,
        if v.axis == Axis::Turns { "turns" } else { "time" },
        cut.map_or_else(|| "null".to_string(), |t| t.to_string())
    )
}

/// Shared handle to the timeline's state (compared by identity, for Yew props).
#[derive(Clone, Default)]
pub struct SharedTimeline(pub Rc<RefCell<Timeline>>);

impl PartialEq for SharedTimeline {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
