//! Where the user looks, in numbers only: the axis (wall time or turns), the window on it, the
//! first lane row shown, and the mapping between positions and pixels. Zoom, pan, pinch, wheel
//! and touch decisions and hit tests live here, pure, so they are tested natively; the canvas
//! only paints what this says.

use super::run::Step;
use super::turns::TurnAxis;
use crate::trace::Micros;

/// What the horizontal axis counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Microseconds of the run's clock.
    Time,
    /// Loop iterations: one equal-width column each (see [`TurnAxis`]).
    Turns,
}

/// The narrowest window: 100 µs of time, or one turn.
const MIN_TIME: f64 = 100.0;
const MIN_TURNS: f64 = 1.0;
/// The shortest span [`Viewport::reveal`] zooms to on the time axis (see [`Step::outlined`]).
const SHORTEST_PICKED_STEP: Micros = (MIN_TIME / 10.0) as Micros;
/// The widest: about three hours, or ten million turns.
const MAX_TIME: f64 = 1e10;
const MAX_TURNS: f64 = 1e7;
/// While a run goes on the axis shows at least this much, so its first frames do not zoom in
/// on a few microseconds and out again as it grows.
const FOLLOW_MIN_TIME: f64 = 100_000.0;
/// Once it is over, a run is shown on an axis of its own length, down to this: a 3 ms run fills
/// the plot rather than its first 3%.
const FIT_MIN_TIME: f64 = 1_000.0;
const FOLLOW_MIN_TURNS: f64 = 8.0;
/// A screen narrower than this gets the narrow label column.
const NARROW: f64 = 600.0;

/// The sizes of one drawing, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f64,
    /// The lane labels' column.
    pub label_w: f64,
    pub plot_x: f64,
    pub plot_w: f64,
    /// The axis band on top.
    pub axis_h: f64,
    pub row_h: f64,
    /// Label and tick text size.
    pub font_px: f64,
    /// Lane rows shown at once (below the event loop's) before the lanes scroll.
    pub max_rows: usize,
}

impl Geometry {
    /// The layout for a canvas `width` pixels wide; presentation mode (for a projector) has
    /// rows and text legible from the back of a room.
    pub fn new(width: f64, presentation: bool) -> Self {
        let narrow = width < NARROW;
        let label_w = match (narrow, presentation) {
            // A phone keeps 110 px; a timeline beside the editor on a wide screen (about 550 px)
            // has room for `worker('worker-0')` whole, so the column grows with the canvas.
            (true, false) => (width / 4.0).clamp(110.0, 150.0),
            (true, true) => 140.0,
            (false, false) => 190.0,
            (false, true) => 260.0,
        };
        Geometry {
            width,
            label_w,
            plot_x: label_w + 6.0,
            plot_w: (width - label_w - 16.0).max(50.0),
            axis_h: if presentation { 34.0 } else { 24.0 },
            row_h: if presentation { 36.0 } else { 22.0 },
            font_px: if presentation { 17.0 } else { 11.0 },
            // A phone's screen holds its run buttons, the legend and 12 rows at once.
            max_rows: if presentation || narrow { 12 } else { 16 },
        }
    }

    /// The height of a drawing showing `rows` lane rows under the event loop's.
    pub fn height(&self, rows: usize) -> f64 {
        self.axis_h + self.row_h * (rows.min(self.max_rows) + 1) as f64 + 8.0
    }

    /// The top of visible row `i` (0 is the event loop).
    pub fn row_y(&self, i: usize) -> f64 {
        self.axis_h + self.row_h * i as f64
    }

    /// The tick budget for [`super::layout::ticks`]: one per ~80 px, and never under five.
    /// Nice steps grow at most 2.5× from one to the next, so a budget of five picks a step of at
    /// most half the window: any window then shows two ticks or more (a phone's axis with a
    /// single tick tells no scale).
    pub fn max_ticks(&self) -> u32 {
        ((self.plot_w / 80.0) as u32).max(5)
    }
}

/// The window on the axis and the first lane row shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub axis: Axis,
    /// The window, in the axis's units (µs or turns).
    pub from: f64,
    pub to: f64,
    /// Keep the whole run in view as it grows, until the user zooms or pans.
    pub follow: bool,
    /// The first lane row shown under the event loop's.
    pub first_row: usize,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport { axis: Axis::Time, from: 0.0, to: 1e6, follow: true, first_row: 0 }
    }
}

/// Two fingers' positions when a pinch began, and the window then.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pinch {
    pub x1: f64,
    pub x2: f64,
    pub from: f64,
    pub to: f64,
}

impl Viewport {
    /// A viewport on `axis`, following the run.
    pub fn on(axis: Axis) -> Self {
        Viewport { axis, to: if axis == Axis::Time { 1e6 } else { FOLLOW_MIN_TURNS }, ..Self::default() }
    }

    fn limits(&self) -> (f64, f64) {
        match self.axis {
            Axis::Time => (MIN_TIME, MAX_TIME),
            Axis::Turns => (MIN_TURNS, MAX_TURNS),
        }
    }

    /// The window's width.
    pub fn window(&self) -> f64 {
        (self.to - self.from).max(self.limits().0)
    }

    /// The pixel of position `pos`.
    pub fn x(&self, g: &Geometry, pos: f64) -> f64 {
        g.plot_x + (pos - self.from) / self.window() * g.plot_w
    }

    /// The position at pixel `x` (clamped to the plot).
    pub fn pos(&self, g: &Geometry, x: f64) -> f64 {
        let frac = ((x - g.plot_x) / g.plot_w).clamp(0.0, 1.0);
        self.from + frac * self.window()
    }

    /// Sets the window to `[from, to]`, kept inside the axis's limits and at or after 0.
    fn set(&mut self, from: f64, to: f64) {
        let (min, max) = self.limits();
        let w = (to - from).clamp(min, max);
        self.from = from.max(0.0);
        self.to = self.from + w;
    }

    /// Zooms by `factor` (< 1 zooms in) keeping `anchor` (a position) where it is; without an
    /// anchor, around the window's middle.
    pub fn zoom(&mut self, factor: f64, anchor: Option<f64>) {
        self.follow = false;
        let w = self.window();
        let anchor = anchor.unwrap_or(self.from + w / 2.0);
        let frac = ((anchor - self.from) / w).clamp(0.0, 1.0);
        let (min, max) = self.limits();
        let new_w = (w * factor).clamp(min, max);
        self.set(anchor - frac * new_w, anchor - frac * new_w + new_w);
    }

    /// Moves the window by `fraction` of its width (negative: back in time).
    pub fn pan(&mut self, fraction: f64) {
        self.follow = false;
        let w = self.window();
        let from = self.from + w * fraction;
        self.set(from, from + w);
    }

    /// A drag that started with window `[from, to]` has moved `dx` pixels: the content
    /// follows the pointer.
    pub fn drag(&mut self, g: &Geometry, start: (f64, f64), dx: f64) {
        let (from, to) = start;
        let shift = -dx / g.plot_w * (to - from);
        if shift != 0.0 {
            self.follow = false;
            self.set(from + shift, to + shift);
        }
    }

    /// A pinch that began as `p` now has its fingers at `x1`, `x2`: the positions that were
    /// under the fingers stay under them (zoom and pan at once).
    pub fn pinch(&mut self, g: &Geometry, p: &Pinch, x1: f64, x2: f64) {
        let (a0, b0) = (p.x1.min(p.x2), p.x1.max(p.x2));
        let (a1, b1) = (x1.min(x2), x1.max(x2));
        if b0 - a0 < 1.0 || b1 - a1 < 1.0 {
            return;
        }
        let per_px = (p.to - p.from) / g.plot_w;
        let (pos_a, pos_b) = (p.from + (a0 - g.plot_x) * per_px, p.from + (b0 - g.plot_x) * per_px);
        let new_per_px = (pos_b - pos_a) / (b1 - a1);
        let from = pos_a - (a1 - g.plot_x) * new_per_px;
        self.follow = false;
        self.set(from, from + new_per_px * g.plot_w);
    }

    /// While following: show the whole run so far (up to `end`, plus a little room); while it
    /// is `growing` (running on the browser's clock), at least [`FOLLOW_MIN_TIME`]. A
    /// `steady` axis (for people who asked their system for reduced motion) does not rescale
    /// every frame: it stays put and doubles only when the run reaches its end.
    pub fn follow_to(&mut self, end: f64, growing: bool, steady: bool) {
        if !self.follow {
            return;
        }
        let least = match self.axis {
            Axis::Time if growing => FOLLOW_MIN_TIME,
            Axis::Time => FIT_MIN_TIME,
            Axis::Turns => FOLLOW_MIN_TURNS,
        };
        let wanted = (end + end / 20.0).max(least);
        self.from = 0.0;
        if !steady {
            self.to = wanted;
        } else if self.to < wanted || self.to >= 4.0 * wanted {
            // Doublings of the least window, so the axis changes a handful of times a run.
            let mut to = least;
            while to < wanted && to < self.limits().1 {
                to *= 2.0;
            }
            self.to = to;
        }
    }

    /// Back to the whole run, following it.
    pub fn fit(&mut self) {
        self.follow = true;
        self.first_row = 0;
    }

    /// Switches the axis, keeping what was in view in view.
    pub fn set_axis(&mut self, axis: Axis, turns: &TurnAxis) {
        if axis == self.axis {
            return;
        }
        let (from, to) = match axis {
            Axis::Turns => (turns.first_pos_of_time(self.from as Micros), turns.pos_of_time(self.to as Micros)),
            Axis::Time => (turns.time_of_pos(self.from) as f64, turns.time_of_pos(self.to) as f64),
        };
        self.axis = axis;
        self.set(from, to);
    }

    /// Brings `[from, to]` into view at least `min_px` wide, centred: zooms in only if it is
    /// narrower than that, and moves only if it is not wholly in view.
    pub fn reveal(&mut self, g: &Geometry, span: (f64, f64), min_px: f64) {
        let (from, to) = (span.0.min(span.1), span.0.max(span.1));
        let len = (to - from).max(self.limits().0 / 10.0);
        let readable = len * g.plot_w / min_px.max(1.0);
        let w = self.window().min(readable).max(len);
        if w == self.window() && from >= self.from && to <= self.from + w {
            return;
        }
        self.follow = false;
        let mid = (from + to) / 2.0;
        self.set(mid - w / 2.0, mid + w / 2.0);
    }

    /// Scrolls the lane rows by `by`, keeping `shown` of `total` in view.
    pub fn scroll_rows(&mut self, by: i64, total: usize, shown: usize) {
        let last = total.saturating_sub(shown) as i64;
        self.first_row = (self.first_row as i64 + by).clamp(0, last.max(0)) as usize;
    }
}

impl Step {
    /// Where a picked step is outlined on the time axis. The browser's clock reads in steps of
    /// 5–100 µs, so a quick step can read as taking no time at all: it is outlined at least
    /// [`SHORTEST_PICKED_STEP`] long, which `reveal` brings to a readable width.
    pub fn outlined(&self) -> (Micros, Micros) {
        (self.start, self.end.max(self.start + SHORTEST_PICKED_STEP))
    }
}

/// What a wheel turn over the timeline does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WheelAction {
    /// Zoom by `factor` around the pointer.
    Zoom(f64),
    /// Move the window by a fraction of its width.
    Pan(f64),
    /// Scroll the lane rows.
    Rows(i64),
    /// Let the page scroll: the timeline does not take the wheel.
    Page,
}

/// The wheel rule: Ctrl (and a trackpad's pinch, which browsers send as Ctrl+wheel) zooms;
/// Shift or a sideways swipe pans; an up/down turn scrolls the lanes only while there are
/// hidden lanes that way, and otherwise scrolls the page, so the timeline never traps it.
pub fn wheel_action(ctrl: bool, shift: bool, dx: f64, dy: f64, hidden_above: bool, hidden_below: bool) -> WheelAction {
    if ctrl {
        WheelAction::Zoom(if dy > 0.0 { 1.25 } else { 0.8 })
    } else if shift || dx.abs() > dy.abs() {
        let d = if dx.abs() > dy.abs() { dx } else { dy };
        WheelAction::Pan(d.signum() * 0.1)
    } else if (dy > 0.0 && hidden_below) || (dy < 0.0 && hidden_above) {
        WheelAction::Rows(if dy > 0.0 { 3 } else { -3 })
    } else {
        WheelAction::Page
    }
}

/// What a one-finger touch that has moved `(dx, dy)` pixels is: nothing yet, a pan of the
/// timeline (mostly sideways), or the page scrolling (mostly up or down).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swipe {
    Undecided,
    Pan,
    Page,
}

/// Movement under this (px) decides nothing: a tap is not a swipe.
const SWIPE_SLOP: f64 = 8.0;

pub fn swipe(dx: f64, dy: f64) -> Swipe {
    if dx.hypot(dy) < SWIPE_SLOP {
        Swipe::Undecided
    } else if dx.abs() > dy.abs() {
        Swipe::Pan
    } else {
        Swipe::Page
    }
}

/// What is under a point of the drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hit {
    /// The axis band, at this position.
    Axis(f64),
    /// The event loop's row, at this position.
    Loop(f64),
    /// Lane row `row` (an index into all rows, scrolled ones included), at this position.
    Row(usize, f64),
    /// A label, or outside the drawing.
    Nothing,
}

/// Hit test: which row and position are under `(x, y)` with `total` lane rows.
pub fn hit(g: &Geometry, v: &Viewport, total: usize, x: f64, y: f64) -> Hit {
    if x < g.plot_x || x > g.plot_x + g.plot_w || y < 0.0 {
        return Hit::Nothing;
    }
    let pos = v.pos(g, x);
    if y < g.axis_h {
        return Hit::Axis(pos);
    }
    let i = ((y - g.axis_h) / g.row_h) as usize;
    let shown = total.saturating_sub(v.first_row).min(g.max_rows);
    match i {
        0 => Hit::Loop(pos),
        i if i <= shown => Hit::Row(v.first_row + i - 1, pos),
        _ => Hit::Nothing,
    }
}
