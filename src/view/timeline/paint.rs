//! What every painter shares: the canvas with its theme and geometry, the window on the axis,
//! the rows shown, and the small drawing helpers both axes use (labels fitted to a width, rules,
//! step charts of a semaphore's permits or a queue's items, the ghost of a never-awaited
//! coroutine).

use web_sys::CanvasRenderingContext2d;

use super::theme::{Fills, Theme};
use super::Row;
use crate::model::describe;
use crate::model::layout::{self, row_label, series_scale};
use crate::model::style::{style, Look};
use crate::model::viewport::{Geometry, Viewport};
use crate::model::{RunModel, Series};
use crate::trace::{Micros, Recorder, TaskId};

/// One frame's painting context.
pub struct Paint<'a> {
    pub ctx: &'a CanvasRenderingContext2d,
    pub theme: &'a Theme,
    pub fills: &'a Fills,
    pub g: Geometry,
    pub view: Viewport,
    /// Every row below the event loop's (scrolled ones included).
    pub rows: &'a [Row],
    /// How many of them are shown.
    pub shown: usize,
}

impl Paint<'_> {
    /// The pixel of time `t` (time axis).
    pub fn x(&self, t: Micros) -> f64 {
        self.view.x(&self.g, t as f64)
    }

    /// The pixel of position `pos` on the axis shown.
    pub fn at(&self, pos: f64) -> f64 {
        self.view.x(&self.g, pos)
    }

    /// The time at pixel `x` (time axis).
    pub fn time(&self, x: f64) -> Micros {
        self.view.pos(&self.g, x).max(0.0) as Micros
    }

    pub fn plot_end(&self) -> f64 {
        self.g.plot_x + self.g.plot_w
    }

    pub fn height(&self) -> f64 {
        self.g.height(self.shown)
    }

    /// The rows shown, each with the top of its band.
    pub fn visible(&self) -> impl Iterator<Item = (f64, Row)> + '_ {
        let rows = self.rows.iter().skip(self.view.first_row).take(self.shown);
        rows.enumerate().map(|(i, r)| (self.g.row_y(i + 1), *r))
    }

    /// The y of the middle of `task`'s lane, when it is among the rows shown.
    pub fn lane_mid(&self, task: TaskId) -> Option<f64> {
        let r = self.rows.iter().position(|r| *r == Row::Lane(task))?;
        let first = self.view.first_row;
        (r >= first && r < first + self.shown).then(|| self.g.row_y(r - first + 1) + self.g.row_h / 2.0)
    }

    /// The text font at the drawing's size.
    pub fn font(&self, bold: bool) {
        let weight = if bold { "bold " } else { "" };
        self.ctx.set_font(&format!("{weight}{}px system-ui, sans-serif", self.g.font_px));
    }

    /// A glyph (✓ ✗ ⊘ ⏰), a little larger than the text, then back to the text font.
    pub fn glyph(&self, look: Look, x: f64, y: f64) {
        self.ctx.set_font(&format!("bold {}px system-ui, sans-serif", self.g.font_px + 2.0));
        self.ctx.set_fill_style_str(self.theme.of(look));
        let _ = self.ctx.fill_text(style(look).glyph.unwrap_or("•"), x, y);
        self.font(false);
    }

    /// A vertical line from `top` to `bottom` at `x`.
    pub fn vline(&self, x: f64, top: f64, bottom: f64, colour: &str, width: f64) {
        let ctx = self.ctx;
        ctx.set_stroke_style_str(colour);
        ctx.set_line_width(width);
        ctx.begin_path();
        ctx.move_to(x, top);
        ctx.line_to(x, bottom);
        ctx.stroke();
    }

    /// A row's label in the label column, indented by `x`.
    pub fn label(&self, text: &str, x: f64, y: f64, bold: bool) {
        self.font(bold);
        self.ctx.set_fill_style_str(&self.theme.ink);
        let _ = self.ctx.fill_text(&self.fit(text, self.g.label_w - x - 4.0), x, y + self.g.row_h / 2.0);
        self.font(false);
    }

    /// `text` fitted to `width` pixels ([`describe::fit_label`]: a call's arguments cut before
    /// its name, each in its middle), so `summarize(<AsyncAnthropic>, <Semaphore>, 7)` stays
    /// tellable from its neighbours.
    pub fn fit(&self, text: &str, width: f64) -> String {
        describe::fit_label(text, |s| self.text_width(s) <= width)
    }

    pub fn text_width(&self, text: &str) -> f64 {
        self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
    }

    /// A label inside a bar from `x0` to `x1`, on a pale backing so it reads over any fill.
    pub fn inside_label(&self, text: &str, x0: f64, x1: f64, y: f64, alpha: f64) -> bool {
        let fitted = self.fit(text, x1 - x0 - 8.0);
        if fitted.chars().count() <= 2 {
            return false;
        }
        let (top, h) = self.bar(y);
        let ctx = self.ctx;
        ctx.set_fill_style_str(&self.theme.bg);
        ctx.set_global_alpha(0.85 * alpha);
        ctx.fill_rect(x0 + 3.0, top + 2.0, self.text_width(&fitted) + 4.0, h - 4.0);
        ctx.set_global_alpha(alpha);
        ctx.set_fill_style_str(&self.theme.ink);
        let _ = ctx.fill_text(&fitted, x0 + 5.0, y + self.g.row_h / 2.0);
        true
    }

    /// The top and height of a bar in the row whose band starts at `y`.
    pub fn bar(&self, y: f64) -> (f64, f64) {
        let pad = (self.g.row_h * 0.14).round();
        (y + pad, self.g.row_h - 2.0 * pad)
    }

    pub fn indent(depth: u32) -> f64 {
        6.0 + 10.0 * depth.min(6) as f64
    }
}

/// A dash pattern for `set_line_dash`.
pub fn dash(parts: &[f64]) -> wasm_bindgen::JsValue {
    parts.iter().map(|&p| wasm_bindgen::JsValue::from_f64(p)).collect::<js_sys::Array>().into()
}

/// Index of the next item to look at after painting up to time `until`: items that start and
/// end inside already painted pixels are skipped with a binary search, so a frame costs about
/// one look per pixel column, however many polls or segments the run has. Items never overlap
/// (one thread; one lane), so only the last skipped one can reach further.
pub fn skip_painted<T>(
    items: &[T],
    i: usize,
    until: Micros,
    start: impl Fn(&T) -> Micros,
    end: impl Fn(&T) -> Micros,
) -> usize {
    skip_painted_at(i, items.len(), until, |k| start(&items[k]), |k| end(&items[k]))
}

/// [`skip_painted`] over items `0..len` known by index, placed by `start` and `end` (the turns
/// axis computes an item's place rather than storing it).
pub fn skip_painted_at<P: PartialOrd>(
    i: usize,
    len: usize,
    until: P,
    start: impl Fn(usize) -> P,
    end: impl Fn(usize) -> P,
) -> usize {
    let (mut lo, mut hi) = (i + 1, len.max(i + 1));
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if start(mid) < until {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo > i + 1 && end(lo - 1) > until {
        lo - 1
    } else {
        lo
    }
}

/// A permits or queue row: its value over time as a filled step chart on a 0–scale axis, the
/// limit as a dashed rule at the top when there is one. `at` places a point (time, event).
#[allow(clippy::too_many_arguments)]
pub fn series(
    p: &Paint,
    at: &dyn Fn(Micros, usize) -> f64,
    m: &RunModel,
    rec: &Recorder,
    row: layout::Row,
    look: Look,
    y: f64,
    now_x: f64,
) {
    let series: Option<&Series> = match row {
        layout::Row::Permits(i) => m.permits.get(i),
        layout::Row::Queue(i) => m.queues.get(i),
        _ => None,
    };
    let Some(series) = series else { return };
    p.label(&row_label(m, rec, row), 6.0, y, false);
    let scale = series_scale(series) as f64;
    let (top, h) = p.bar(y);
    let level = |value: u32| top + h - h * (value as f64 / scale).min(1.0);
    let ctx = p.ctx;
    ctx.set_fill_style_str(p.theme.of(look));
    let (plot_x, plot_end) = (p.g.plot_x, p.plot_end());
    let points = &series.points;
    let x_of = |k: usize| at(points[k].time, points[k].event);
    let first = points.partition_point(|q| at(q.time, q.event) < plot_x).saturating_sub(1);
    let past = points.partition_point(|q| at(q.time, q.event) <= plot_end);
    let fill = |x: f64, width: f64, value: u32| {
        if value > 0 {
            let y0 = level(value);
            ctx.fill_rect(x, y0, width, top + h - y0);
        }
    };
    // Zoomed out, thousands of values share a pixel column (a queue passing 100,000 items has
    // 200,000): each such column is filled once, as high as the highest of them (a spike stays
    // in sight), and the values inside it are found with a binary search instead of placed
    // one by one.
    let mut column: Option<(f64, u32)> = None;
    let mut k = first;
    while k < past {
        let start = x_of(k);
        let end = if k + 1 < past { x_of(k + 1) } else { now_x.max(start) };
        let (x0, x1) = (start.max(plot_x), end.min(plot_end));
        if x1 - x0 >= 1.0 {
            if let Some((cx, highest)) = column.take() {
                fill(cx, 1.0, highest);
            }
            fill(x0, x1 - x0, points[k].value);
            k += 1;
            continue;
        }
        let cx = x0.floor();
        // Every value starting in this column but the last, which may reach past it and is
        // looked at on its own next.
        let last_in = skip_painted_at(k, past, cx + 1.0, x_of, x_of).max(k + 1) - 1;
        let highest = points[k..last_in.max(k + 1)].iter().map(|q| q.value).max().unwrap_or(0);
        if x1 > x0 || last_in > k {
            match &mut column {
                Some((at_x, top_value)) if *at_x == cx => *top_value = (*top_value).max(highest),
                _ => {
                    if let Some((at_x, top_value)) = column.replace((cx, highest)) {
                        fill(at_x, 1.0, top_value);
                    }
                }
            }
        }
        k = last_in.max(k + 1);
    }
    if let Some((cx, highest)) = column {
        fill(cx, 1.0, highest);
    }
    if series.limit > 0 {
        ctx.set_stroke_style_str(p.theme.of(Look::Limit));
        ctx.set_line_width(1.0);
        let _ = ctx.set_line_dash(&dash(&[4.0, 3.0]));
        ctx.begin_path();
        ctx.move_to(plot_x, level(series.limit) + 0.5);
        ctx.line_to(plot_end, level(series.limit) + 0.5);
        ctx.stroke();
        let _ = ctx.set_line_dash(&dash(&[]));
    }
}

/// A coroutine created and never awaited: a dashed, empty outline from where it was made to
/// the end of the run (it never ran), with its glyph and words.
pub fn ghost(p: &Paint, at: &dyn Fn(Micros, usize) -> f64, m: &RunModel, rec: &Recorder, i: usize, y: f64, end_x: f64) {
    let Some(ghost) = m.never_awaited.get(i) else { return };
    let depth = m.lanes.get(ghost.task.0 as usize).map_or(0, |l| l.depth.min(6) + 1);
    let ctx = p.ctx;
    ctx.set_global_alpha(0.75);
    p.label(&row_label(m, rec, layout::Row::Ghost(i)), Paint::indent(depth), y, false);
    ctx.set_global_alpha(1.0);
    let x0 = at(ghost.at, ghost.event).max(p.g.plot_x);
    let x1 = end_x.min(p.plot_end()).max(x0 + 24.0);
    let (top, h) = p.bar(y);
    ctx.set_stroke_style_str(p.theme.of(Look::Ghost));
    ctx.set_line_width(1.5);
    let _ = ctx.set_line_dash(&dash(&[4.0, 3.0]));
    ctx.stroke_rect(x0, top + 1.0, x1 - x0, h - 2.0);
    let _ = ctx.set_line_dash(&dash(&[]));
    ctx.set_fill_style_str(p.theme.of(Look::Ghost));
    let text = format!("{} never ran", style(Look::Ghost).glyph.unwrap_or(""));
    let _ = ctx.fill_text(&p.fit(&text, x1 - x0 - 6.0), x0 + 4.0, y + p.g.row_h / 2.0);
}
