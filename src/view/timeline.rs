//! The live timeline: one lane per task (nested under its parent) and the event loop on top,
//! drawn on a canvas every frame (10k SVG rects cost ~107 ms a frame here, canvas ~16 ms).
//! Only visible rows and segments are drawn, so a 10,000-task run stays smooth.
//!
//! States are never told by colour alone: waiting is hatched, ready is dotted, late is striped,
//! wide segments carry their label, and endings are glyphs (✓ ✗ ⊘).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{CanvasPattern, CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

use crate::model::describe::{self, duration, instant, task_name};
use crate::model::layout::{
    self, lane_order, row_label, segment_at, segments_in, series_scale, step_at, tick_label, ticks,
};
use crate::model::style::{ending_look, link_look, segment_look, style, Look, Pattern, STYLES};
use crate::model::turns::TurnAxis;
use crate::model::viewport::{self as mv, Axis, WheelAction};
use crate::model::{RunModel, Series, State, BLOCKED_THRESHOLD};
use crate::session::{Selection, Session};
use crate::trace::{Micros, Recorder, TaskId};

const ROW: f64 = 22.0;
const AXIS: f64 = 24.0;
/// Rows shown at once before the lanes scroll.
const MAX_ROWS: usize = 16;
const MIN_WINDOW: Micros = 100;

/// One row of the drawing below the event loop's.
#[derive(Clone, Copy, PartialEq)]
enum Row {
    Lane(TaskId),
    /// Permits in use of a semaphore or lock (index into `RunModel::permits`).
    Permits(usize),
    /// Items in a queue (index into `RunModel::queues`).
    Queue(usize),
    /// A coroutine created and never awaited (index into `RunModel::never_awaited`).
    Ghost(usize),
    KeptHeader,
    KeptLane(TaskId),
}

/// What the current run's rows depend on: they are rebuilt only when one of these grows.
type RowsKey = (usize, usize, usize, usize);

fn rows_key(m: &RunModel) -> RowsKey {
    (m.lanes.len(), m.permits.len(), m.queues.len(), m.never_awaited.len())
}

/// Where the user looks: the time window, the first lane row, the hover point, the scrub
/// cursor and the selection. Shared by the canvas's event handlers and the frame loop.
pub struct Viewport {
    pub from: Micros,
    pub to: Micros,
    /// Keep the whole run in view as it grows, until the user zooms or pans.
    pub follow: bool,
    pub first_row: usize,
    pub hover: Option<(f64, f64)>,
    pub cursor: Option<Micros>,
    pub selection: Option<Selection>,
    /// Steps that ran to or resumed from the code line the pointer is on (outlined).
    pub marked: Vec<usize>,
    /// The axis counts loop turns, one column each, instead of time (step mode's default).
    pub turns: bool,
    /// The window on the turns axis.
    turn_view: mv::Viewport,
    drag: Option<(f64, f64, Micros, Micros, usize)>,
    turn_drag: (f64, f64),
    /// Rows below the event loop's in the last drawing (the wheel scrolls them while some
    /// are hidden, and the page otherwise).
    total_rows: usize,
    order: (RowsKey, Vec<Row>),
    kept_order: (usize, Vec<TaskId>),
    patterns: Vec<(&'static str, String, CanvasPattern)>,
    theme: Option<(f64, Rc<Theme>)>,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            from: 0,
            to: 1_000_000,
            follow: true,
            first_row: 0,
            hover: None,
            cursor: None,
            selection: None,
            marked: Vec::new(),
            drag: None,
            turns: false,
            turn_view: mv::Viewport::on(Axis::Turns),
            turn_drag: (0.0, 0.0),
            total_rows: 0,
            order: ((usize::MAX, 0, 0, 0), Vec::new()),
            kept_order: (usize::MAX, Vec::new()),
            patterns: Vec::new(),
            theme: None,
        }
    }
}

/// Colours of the current theme, read from the page's CSS variables; each look's from its
/// variable in the style table, or the table's colour for the theme shown.
struct Theme {
    bg: String,
    ink: String,
    muted: String,
    line: String,
    accent: String,
    looks: Vec<String>,
}

impl Theme {
    fn read(el: &HtmlElement) -> Theme {
        let window = web_sys::window();
        let style = window.as_ref().and_then(|w| w.get_computed_style(el).ok().flatten());
        let var = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_string())
        };
        let dark = prefers_dark();
        Theme {
            bg: var("--panel", if dark { "#1d2026" } else { "#fff" }),
            ink: var("--ink", if dark { "#e8eaed" } else { "#1c1f24" }),
            muted: var("--muted", "#5b6270"),
            line: var("--line", "#d9dce1"),
            accent: var("--accent", "#0072b2"),
            looks: STYLES.iter().map(|s| var(s.var, s.colour(dark))).collect(),
        }
    }

    /// The colour of `look` (the style table has a row for every look).
    fn of(&self, look: Look) -> &str {
        STYLES.iter().position(|s| s.look == look).and_then(|i| self.looks.get(i)).map_or(&self.ink, |c| c)
    }
}

/// Whether the page is shown in its dark theme.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|q| q.matches())
}

/// The sizes of one drawing.
struct Geometry {
    width: f64,
    label: f64,
    plot_x: f64,
    plot_w: f64,
    rows: usize,
    height: f64,
}

impl Geometry {
    /// The layout of a canvas `width` pixels wide showing `rows` lanes (narrow screens get a
    /// narrower label column).
    fn new(width: f64, rows: usize) -> Self {
        let label = if width < 600.0 { 110.0 } else { 190.0 };
        Geometry {
            width,
            label,
            plot_x: label + 6.0,
            plot_w: (width - label - 16.0).max(50.0),
            rows,
            height: AXIS + ROW * (rows + 1) as f64 + 8.0,
        }
    }

    fn x(&self, v: &Viewport, t: Micros) -> f64 {
        self.plot_x + (t as f64 - v.from as f64) / (v.to - v.from).max(1) as f64 * self.plot_w
    }

    fn time(&self, v: &Viewport, x: f64) -> Micros {
        let frac = ((x - self.plot_x) / self.plot_w).clamp(0.0, 1.0);
        v.from + (frac * (v.to - v.from) as f64) as Micros
    }

    fn row_y(&self, visible_index: usize) -> f64 {
        AXIS + ROW * visible_index as f64
    }
}

fn rows(v: &mut Viewport, m: &RunModel, kept: Option<&RunModel>) -> Vec<Row> {
    if v.order.0 != rows_key(m) {
        let rows = layout::rows(m, false).into_iter().filter_map(|r| match r {
            layout::Row::Task(id) => Some(Row::Lane(id)),
            layout::Row::Permits(i) => Some(Row::Permits(i)),
            layout::Row::Queue(i) => Some(Row::Queue(i)),
            layout::Row::Ghost(i) => Some(Row::Ghost(i)),
            layout::Row::Ready => None,
        });
        v.order = (rows_key(m), rows.collect());
    }
    let mut rows: Vec<Row> = v.order.1.clone();
    if let Some(k) = kept {
        if v.kept_order.0 != k.lanes.len() {
            v.kept_order = (k.lanes.len(), lane_order(k));
        }
        rows.push(Row::KeptHeader);
        rows.extend(v.kept_order.1.iter().map(|&id| Row::KeptLane(id)));
    }
    rows
}

/// The latest time either run covers (the axis grows with the run).
fn covered(s: &Session, kept: Option<&Session>) -> Micros {
    s.covered().max(kept.map_or(0, |k| k.model().span()))
}

/// Draws the whole timeline. Returns nothing: the canvas is the output.
pub fn draw(
    canvas: &HtmlCanvasElement,
    v: &mut Viewport,
    s: &Session,
    kept: Option<&Session>,
    tip: Option<&HtmlElement>,
) {
    let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    // Reading CSS variables forces a style pass over the whole page: once a second is enough
    // to follow a change of theme.
    let now_ms = crate::runtime::now_ms();
    if v.theme.as_ref().is_none_or(|(at, _)| now_ms - at > 1000.0) {
        v.theme = Some((now_ms, Rc::new(Theme::read(canvas))));
    }
    let Some((_, theme)) = v.theme.clone() else { return };
    let css_w = canvas.client_width().max(200) as f64;
    let m = s.model();
    let all_rows = rows(v, m, kept.map(|k| k.model()));
    v.total_rows = all_rows.len();
    let shown = all_rows.len().min(MAX_ROWS);
    let g = Geometry::new(css_w, shown);
    v.first_row = v.first_row.min(all_rows.len().saturating_sub(shown));
    let end = covered(s, kept).max(1);
    if v.follow {
        v.from = 0;
        v.to = (end + end / 20).max(100_000);
    }
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (pw, ph) = ((g.width * dpr) as u32, (g.height * dpr) as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
        let _ = canvas.style().set_property("height", &format!("{}px", g.height));
    }
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.set_fill_style_str(&theme.bg);
    ctx.fill_rect(0.0, 0.0, g.width, g.height);
    ctx.set_font("11px system-ui, sans-serif");
    ctx.set_text_baseline("middle");

    if v.turns {
        let axis = TurnAxis::new(m);
        v.turn_view.follow_to(axis.end());
        draw_turns(&ctx, &theme, &g, v, m, &s.trace(), &all_rows, &axis);
    } else {
        draw_time(&ctx, &theme, &g, v, s, kept, &all_rows);
    }
    if all_rows.len() > shown {
        ctx.set_fill_style_str(&theme.muted);
        let _ = ctx.fill_text(
            &format!(
                "lanes {}–{} of {} (scroll)",
                v.first_row + 1,
                (v.first_row + shown).min(all_rows.len()),
                all_rows.len()
            ),
            6.0,
            g.height - 6.0,
        );
    }
    // Written only when it changes: a DOM write every frame would be wasted work.
    let geometry = geometry_json(&g, v, m, &all_rows);
    if canvas.get_attribute("data-geometry").as_deref() != Some(geometry.as_str()) {
        let _ = canvas.set_attribute("data-geometry", &geometry);
    }
    if let Some(tip) = tip {
        update_tip(tip, &g, v, s, kept, &all_rows);
    }
}

/// The lanes on the time axis: ticks, the loop, every visible row, deadlines, connectors,
/// the outlined steps, the selection, "now" and the scrub cursor.
fn draw_time(
    ctx: &CanvasRenderingContext2d,
    theme: &Theme,
    g: &Geometry,
    v: &mut Viewport,
    s: &Session,
    kept: Option<&Session>,
    all_rows: &[Row],
) {
    let m = s.model();
    let shown = g.rows;
    // Axis and grid.
    let (step, marks) = ticks(v.from, v.to, (g.plot_w / 90.0).max(2.0) as u32);
    for t in &marks {
        let x = g.x(v, *t).round() + 0.5;
        vline(ctx, x, AXIS - 4.0, g.height - 4.0, &theme.line, 1.0);
        ctx.set_fill_style_str(&theme.muted);
        let _ = ctx.fill_text(&tick_label(*t, step), x + 3.0, AXIS / 2.0);
    }

    // Row 0: the event loop, who holds the thread.
    let loop_y = g.row_y(0);
    label_text(ctx, theme, "event loop", 6.0, loop_y, g.label, true);
    draw_loop(ctx, theme, g, v, m, loop_y);

    // Lanes.
    for (i, row) in all_rows.iter().skip(v.first_row).take(shown).enumerate() {
        let y = g.row_y(i + 1);
        if y + ROW > g.height {
            break;
        }
        match *row {
            Row::Lane(id) => draw_lane(ctx, theme, g, v, m, &s.trace(), id, y, s.covered(), false),
            Row::Permits(i) => {
                if let Some(series) = m.permits.get(i) {
                    let label = row_label(m, &s.trace(), layout::Row::Permits(i));
                    let at = |t: Micros, _: usize| g.x(v, t);
                    draw_series(ctx, theme, g, &at, series, &label, Look::Permits, y, g.x(v, s.covered()));
                }
            }
            Row::Queue(i) => {
                if let Some(series) = m.queues.get(i) {
                    let label = row_label(m, &s.trace(), layout::Row::Queue(i));
                    let at = |t: Micros, _: usize| g.x(v, t);
                    draw_series(ctx, theme, g, &at, series, &label, Look::QueueItems, y, g.x(v, s.covered()));
                }
            }
            Row::Ghost(i) => {
                let at = |t: Micros, _: usize| g.x(v, t);
                draw_ghost(ctx, theme, g, &at, m, &s.trace(), i, y, g.x(v, m.span()));
            }
            Row::KeptLane(id) => {
                if let Some(k) = kept {
                    draw_lane(ctx, theme, g, v, k.model(), &k.trace(), id, y, k.model().span(), true)
                }
            }
            Row::KeptHeader => {
                ctx.set_fill_style_str(&theme.muted);
                let _ = ctx.fill_text(
                    &format!("Kept run for comparison: {}", kept.map(|k| k.label()).unwrap_or_default()),
                    6.0,
                    y + ROW / 2.0,
                );
            }
        }
    }

    // Deadlines and connectors over the lanes.
    draw_deadlines(ctx, theme, g, v, m, all_rows);
    draw_links(ctx, theme, g, v, m, all_rows);

    // Highlights, cursor and "now".
    draw_marked(ctx, theme, g, v, m, all_rows, s.covered());
    if let Some(sel) = v.selection {
        draw_selection(ctx, theme, g, v, m, all_rows, sel);
    }
    if s.running() && !s.stepping() {
        vline(ctx, g.x(v, s.now()), AXIS - 6.0, g.height - 4.0, &theme.accent, 1.5);
    }
    if let Some(t) = v.cursor {
        let x = g.x(v, t);
        ctx.set_global_alpha(0.35);
        ctx.set_fill_style_str(&theme.bg);
        ctx.fill_rect(x, AXIS, (g.plot_x + g.plot_w - x).max(0.0), g.height - AXIS);
        ctx.set_global_alpha(1.0);
        vline(ctx, x, AXIS - 8.0, g.height - 4.0, &theme.ink, 2.0);
        ctx.set_fill_style_str(&theme.ink);
        let _ = ctx.fill_text(&instant(t), (x + 4.0).min(g.width - 60.0), AXIS - 6.0);
    }
}

/// The lanes on the turns axis: one equal-width column per loop iteration, numbered, with its
/// time as a secondary label; each turn's steps share its column in the order they ran.
#[allow(clippy::too_many_arguments)]
fn draw_turns(
    ctx: &CanvasRenderingContext2d,
    theme: &Theme,
    g: &Geometry,
    v: &mut Viewport,
    m: &RunModel,
    rec: &Recorder,
    all_rows: &[Row],
    axis: &TurnAxis,
) {
    let tv = v.turn_view;
    let x = |pos: f64| tx(g, &tv, pos);
    let (plot_end, bottom) = (g.plot_x + g.plot_w, g.height - 4.0);
    for tick in axis.ticks(tv.from, tv.to, (g.plot_w / 120.0).max(2.0) as usize) {
        let px = x(tick.pos).round() + 0.5;
        vline(ctx, px, AXIS - 4.0, bottom, &theme.line, 1.0);
        ctx.set_fill_style_str(&theme.ink);
        let label = format!("turn {}", tick.label);
        let _ = ctx.fill_text(&label, px + 3.0, AXIS / 2.0);
        let w = ctx.measure_text(&label).map(|t| t.width()).unwrap_or(0.0);
        ctx.set_fill_style_str(&theme.muted);
        let _ = ctx.fill_text(&tick.time, px + 8.0 + w, AXIS / 2.0);
    }
    // Row 0: the loop, each step in its slot of its turn, named when there is room.
    let loop_y = g.row_y(0);
    label_text(ctx, theme, "event loop", 6.0, loop_y, g.label, true);
    let first_turn = (tv.from.max(0.0) as usize).min(m.turns.len());
    let last_turn = (tv.to.max(0.0).ceil() as usize + 1).min(m.turns.len());
    let first_step = m.turns.get(first_turn).map_or(m.steps.len(), |t| t.first_step);
    let last_step = m.turns.get(last_turn).map_or(m.steps.len(), |t| t.first_step);
    for i in first_step..last_step {
        let (a, b) = axis.step_span(i);
        let (x0, x1) = (x(a).max(g.plot_x), x(b).min(plot_end));
        if x1 <= x0 {
            continue;
        }
        ctx.set_fill_style_str(theme.of(Look::Running));
        ctx.fill_rect(x0, loop_y + 3.0, (x1 - x0 - 1.0).max(1.0), ROW - 6.0);
        if x1 - x0 > 40.0 {
            ctx.set_fill_style_str("#ffffff");
            let name = task_name(m, m.steps[i].task);
            let _ = ctx.fill_text(&fit(ctx, name, x1 - x0 - 8.0), x0 + 4.0, loop_y + ROW / 2.0);
        }
    }
    for (r, row) in all_rows.iter().skip(v.first_row).take(g.rows).enumerate() {
        let y = g.row_y(r + 1);
        match *row {
            Row::Lane(id) => draw_turn_lane(ctx, theme, g, v, m, rec, axis, id, y),
            Row::Permits(i) | Row::Queue(i) => {
                let (series, look, lrow) = match *row {
                    Row::Permits(_) => (m.permits.get(i), Look::Permits, layout::Row::Permits(i)),
                    _ => (m.queues.get(i), Look::QueueItems, layout::Row::Queue(i)),
                };
                if let Some(series) = series {
                    let at = |_: Micros, e: usize| x(axis.pos_of_event(e));
                    draw_series(ctx, theme, g, &at, series, &row_label(m, rec, lrow), look, y, x(axis.end()));
                }
            }
            Row::Ghost(i) => {
                let at = |_: Micros, e: usize| x(axis.pos_of_event(e));
                draw_ghost(ctx, theme, g, &at, m, rec, i, y, x(axis.end()));
            }
            // A kept run has turns of its own: it is compared on the time axis.
            Row::KeptHeader | Row::KeptLane(_) => {}
        }
    }
    if let Some(Selection::Step(i)) = v.selection {
        let (a, b) = axis.step_span(i);
        let (x0, w) = (x(a), (x(b) - x(a)).max(3.0));
        ctx.set_stroke_style_str(&theme.accent);
        ctx.set_line_width(2.5);
        ctx.stroke_rect(x0 - 1.0, g.row_y(0) + 1.0, w + 2.0, ROW - 2.0);
        let task = m.steps.get(i).map(|s| s.task);
        if let Some(mid) = task.and_then(|t| lane_mid(g, v, all_rows, t)) {
            ctx.stroke_rect(x0 - 1.0, mid - ROW / 2.0 + 1.0, w + 2.0, ROW - 2.0);
        }
    }
}

/// The pixel of position `pos` on the turns axis.
fn tx(g: &Geometry, tv: &mv::Viewport, pos: f64) -> f64 {
    g.plot_x + (pos - tv.from) / tv.window() * g.plot_w
}

/// A task's lane on the turns axis.
#[allow(clippy::too_many_arguments)]
fn draw_turn_lane(
    ctx: &CanvasRenderingContext2d,
    theme: &Theme,
    g: &Geometry,
    v: &mut Viewport,
    m: &RunModel,
    rec: &Recorder,
    axis: &TurnAxis,
    id: TaskId,
    y: f64,
) {
    let Some(lane) = m.lanes.get(id.0 as usize) else { return };
    let tv = v.turn_view;
    label_text(ctx, theme, &lane.name, 6.0 + 10.0 * lane.depth.min(6) as f64, y, g.label, false);
    let (top, h) = (y + 3.0, ROW - 6.0);
    let plot_end = g.plot_x + g.plot_w;
    let mut last_end = g.plot_x;
    for (i, seg) in lane.segments.iter().enumerate() {
        let (a, b) = axis.segment_span(lane, i);
        let (x0, x1) = (tx(g, &tv, a).max(g.plot_x), tx(g, &tv, b).min(plot_end));
        last_end = last_end.max(x1);
        if x1 <= x0 {
            continue;
        }
        let look = segment_look(m, seg);
        set_fill(ctx, v, look, theme.of(look));
        ctx.fill_rect(x0, top, x1 - x0, h);
        if x1 - x0 > 50.0 {
            let text = fit(ctx, &describe::segment_label(seg, m, rec), x1 - x0 - 8.0);
            let tw = ctx.measure_text(&text).map(|t| t.width()).unwrap_or(0.0);
            ctx.set_fill_style_str(&theme.bg);
            ctx.set_global_alpha(0.85);
            ctx.fill_rect(x0 + 3.0, top + 2.0, tw + 4.0, h - 4.0);
            ctx.set_global_alpha(1.0);
            ctx.set_fill_style_str(&theme.ink);
            let _ = ctx.fill_text(&text, x0 + 5.0, y + ROW / 2.0);
        }
    }
    if let Some((_, ending)) = &lane.ending {
        let look = style(ending_look(ending));
        ctx.set_font("bold 13px system-ui, sans-serif");
        ctx.set_fill_style_str(theme.of(look.look));
        let _ = ctx.fill_text(look.glyph.unwrap_or("•"), last_end + 2.0, y + ROW / 2.0);
        ctx.set_font("11px system-ui, sans-serif");
    }
}

/// The hover tooltip on the turns axis: the turn, its time, and what the row shows there.
fn turns_text(
    g: &Geometry,
    v: &Viewport,
    m: &RunModel,
    rec: &Recorder,
    rows: &[Row],
    x: f64,
    y: f64,
) -> Option<String> {
    let axis = TurnAxis::new(m);
    let pos = v.turn_view.pos(&model_geometry(g), x);
    let k = axis.turn_at(pos)?;
    let turn = m.turns.get(k)?;
    let head = format!("turn {} · {}", k + 1, instant(turn.time));
    let index = ((y - AXIS) / ROW) as usize;
    if index == 0 {
        let step = axis.step_at(pos).and_then(|i| m.steps.get(i).map(|s| describe::step(s, m, rec)));
        return Some(format!("{head}\nevent loop: {}", step.unwrap_or_else(|| "no task ran in this turn".into())));
    }
    let Some(Row::Lane(id)) = rows.get(v.first_row + index - 1) else { return Some(head) };
    let lane = m.lanes.get(id.0 as usize)?;
    let what =
        axis.segment_at(lane, pos).and_then(|i| lane.segments.get(i)).map(|seg| describe::segment_title(seg, m, rec));
    Some(format!("{head}\n{}\n{}", lane.name, what.unwrap_or_else(|| "not alive in this turn".into())))
}

/// The model's geometry with this drawing's plot.
fn model_geometry(g: &Geometry) -> mv::Geometry {
    mv::Geometry { plot_x: g.plot_x, plot_w: g.plot_w, ..mv::Geometry::new(g.width, false) }
}

/// A vertical line from `top` to `bottom` at `x`.
fn vline(ctx: &CanvasRenderingContext2d, x: f64, top: f64, bottom: f64, colour: &str, width: f64) {
    ctx.set_stroke_style_str(colour);
    ctx.set_line_width(width);
    ctx.begin_path();
    ctx.move_to(x, top);
    ctx.line_to(x, bottom);
    ctx.stroke();
}

fn label_text(ctx: &CanvasRenderingContext2d, theme: &Theme, text: &str, x: f64, y: f64, max_w: f64, bold: bool) {
    ctx.set_font(if bold { "bold 11px system-ui, sans-serif" } else { "11px system-ui, sans-serif" });
    ctx.set_fill_style_str(&theme.ink);
    let _ = ctx.fill_text(&fit(ctx, text, max_w - x - 4.0), x, y + ROW / 2.0);
    ctx.set_font("11px system-ui, sans-serif");
}

/// `text` fitted to `width` pixels ([`describe::fit_label`]: a call's arguments cut before its
/// name, each in its middle), so `summarize(<AsyncAnthropic>, <Semaphore>, 7)` stays tellable
/// from its neighbours.
fn fit(ctx: &CanvasRenderingContext2d, text: &str, width: f64) -> String {
    describe::fit_label(text, |s| ctx.measure_text(s).map(|m| m.width()).unwrap_or(0.0) <= width)
}

/// Index of the next item to look at after painting up to pixel `painted_to`: items that start
/// and end inside already painted pixels are skipped with a binary search, so a frame costs
/// about one look per pixel column, however many polls or segments the run has. Items never
/// overlap (one thread; one lane), so only the last skipped one can reach further.
fn skip_painted<T>(
    items: &[T],
    i: usize,
    until: Micros,
    start: impl Fn(&T) -> Micros,
    end: impl Fn(&T) -> Micros,
) -> usize {
    let j = i + 1 + items[i + 1..].partition_point(|x| start(x) < until);
    if j > i + 1 && end(&items[j - 1]) > until {
        j - 1
    } else {
        j
    }
}

fn draw_loop(ctx: &CanvasRenderingContext2d, theme: &Theme, g: &Geometry, v: &Viewport, m: &RunModel, y: f64) {
    let steps = &m.steps;
    let mut i = steps.partition_point(|s| s.end < v.from);
    let mut painted_to = f64::NEG_INFINITY;
    ctx.set_fill_style_str(theme.of(Look::Running));
    while i < steps.len() && steps[i].start <= v.to {
        let s = &steps[i];
        let (x0, x1) = (g.x(v, s.start), g.x(v, s.end));
        if x0.max(x1) > painted_to - 0.5 {
            ctx.fill_rect(x0, y + 3.0, (x1 - x0).max(1.0), ROW - 6.0);
            painted_to = painted_to.max((x0 + (x1 - x0).max(1.0)).ceil());
        }
        if s.end - s.start > BLOCKED_THRESHOLD {
            ctx.set_stroke_style_str(theme.of(Look::Blocked));
            ctx.set_line_width(2.0);
            ctx.stroke_rect(x0, y + 2.0, (x1 - x0).max(2.0), ROW - 4.0);
            if x1 - x0 > 80.0 {
                let text = format!("blocked {} by {}", duration(s.end - s.start), task_name(m, s.task));
                ctx.set_fill_style_str("#ffffff");
                let _ = ctx.fill_text(&fit(ctx, &text, x1 - x0 - 8.0), x0 + 4.0, y + ROW / 2.0);
            }
            ctx.set_fill_style_str(theme.of(Look::Running));
        }
        i = skip_painted(steps, i, g.time(v, painted_to), |s| s.start, |s| s.end);
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_lane(
    ctx: &CanvasRenderingContext2d,
    theme: &Theme,
    g: &Geometry,
    v: &mut Viewport,
    m: &RunModel,
    rec: &Recorder,
    id: TaskId,
    y: f64,
    now: Micros,
    faded: bool,
) {
    let Some(lane) = m.lanes.get(id.0 as usize) else { return };
    if faded {
        ctx.set_global_alpha(0.55);
    }
    let indent = 6.0 + 10.0 * lane.depth.min(6) as f64;
    label_text(ctx, theme, &lane.name, indent, y, g.label, false);
    let top = y + 3.0;
    let h = ROW - 6.0;
    // Zoomed out, thousands of segments share a pixel: paint each pixel column once.
    let mut painted_to = f64::NEG_INFINITY;
    let mut last_fill = None;
    let segments = segments_in(lane, v.from, v.to, now);
    let mut next = 0;
    while next < segments.len() {
        let seg = &segments[next];
        let x0 = g.x(v, seg.start).max(g.plot_x);
        let x1 = g.x(v, seg.end.unwrap_or(now)).min(g.plot_x + g.plot_w);
        let w = (x1 - x0).max(if seg.state == State::Running { 1.0 } else { 0.0 });
        let visible = w > 0.0 && x0 + w > painted_to;
        if visible {
            painted_to = painted_to.max((x0 + w).ceil());
        }
        next = skip_painted(segments, next, g.time(v, painted_to), |s| s.start, |s| s.end.unwrap_or(now));
        if !visible {
            continue;
        }
        let look = segment_look(m, seg);
        if last_fill != Some(look) {
            last_fill = Some(look);
            set_fill(ctx, v, look, theme.of(look));
        }
        ctx.fill_rect(x0, top, w, h);
        if w > 50.0 {
            let text = describe::segment_label(seg, m, rec);
            let fitted = fit(ctx, &text, w - 8.0);
            if fitted.chars().count() > 2 {
                let tw = ctx.measure_text(&fitted).map(|t| t.width()).unwrap_or(0.0);
                ctx.set_fill_style_str(&theme.bg);
                ctx.set_global_alpha(if faded { 0.5 } else { 0.85 });
                ctx.fill_rect(x0 + 3.0, top + 2.0, tw + 4.0, h - 4.0);
                ctx.set_global_alpha(if faded { 0.55 } else { 1.0 });
                ctx.set_fill_style_str(&theme.ink);
                let _ = ctx.fill_text(&fitted, x0 + 5.0, y + ROW / 2.0);
                last_fill = None;
            }
        }
    }
    ctx.set_fill_style_str(theme.of(Look::Print));
    let first_print = lane.prints.partition_point(|&t| t < v.from);
    let mut last_x = f64::NEG_INFINITY;
    for &t in lane.prints[first_print..].iter().take_while(|&&t| t <= v.to) {
        let x = g.x(v, t).round();
        if x - last_x < 2.0 {
            continue;
        }
        last_x = x;
        ctx.begin_path();
        ctx.move_to(x - 3.5, y + 1.0);
        ctx.line_to(x + 3.5, y + 1.0);
        ctx.line_to(x, y + 6.0);
        ctx.close_path();
        ctx.fill();
    }
    if let Some((t, ending)) = &lane.ending {
        if *t >= v.from && *t <= v.to {
            let look = style(ending_look(ending));
            ctx.set_font("bold 13px system-ui, sans-serif");
            ctx.set_fill_style_str(theme.of(look.look));
            let _ = ctx.fill_text(look.glyph.unwrap_or("•"), g.x(v, *t) + 2.0, y + ROW / 2.0);
            ctx.set_font("11px system-ui, sans-serif");
        }
    }
    ctx.set_global_alpha(1.0);
}

/// A permits or queue row: its value over time as a filled step chart on a 0–scale axis, the
/// limit as a dashed rule at the top when there is one.
#[allow(clippy::too_many_arguments)]
fn draw_series(
    ctx: &CanvasRenderingContext2d,
    theme: &Theme,
    g: &Geometry,
    at: &dyn Fn(Micros, usize) -> f64,
    series: &Series,
    label: &str,
    look: Look,
    y: f64,
    now_x: f64,
) {
    label_text(ctx, theme, label, 6.0, y, g.label, false);
    let scale = series_scale(series) as f64;
    let (top, h) = (y + 3.0, ROW - 6.0);
    let level = |value: u32| top + h - h * (value as f64 / scale).min(1.0);
    ctx.set_fill_style_str(theme.of(look));
    let plot_end = g.plot_x + g.plot_w;
    let first = series.points.partition_point(|p| at(p.time, p.event) < g.plot_x).saturating_sub(1);
    let mut points = series.points[first..].iter().take_while(|p| at(p.time, p.event) <= plot_end).peekable();
    while let Some(p) = points.next() {
        let start = at(p.time, p.event);
        let end = points.peek().map_or(now_x.max(start), |q| at(q.time, q.event));
        let (x0, x1) = (start.max(g.plot_x), end.min(plot_end));
        if p.value > 0 && x1 > x0 {
            let y0 = level(p.value);
            ctx.fill_rect(x0, y0, (x1 - x0).max(1.0), top + h - y0);
        }
    }
    if series.limit > 0 {
        ctx.set_stroke_style_str(theme.of(Look::Limit));
        ctx.set_line_width(1.0);
        let _ = ctx.set_line_dash(&dash(&[4.0, 3.0]));
        ctx.begin_path();
        ctx.move_to(g.plot_x, level(series.limit) + 0.5);
        ctx.line_to(g.plot_x + g.plot_w, level(series.limit) + 0.5);
        ctx.stroke();
        let _ = ctx.set_line_dash(&dash(&[]));
    }
}

fn dash(parts: &[f64]) -> wasm_bindgen::JsValue {
    parts.iter().map(|&p| wasm_bindgen::JsValue::from_f64(p)).collect::<js_sys::Array>().into()
}

/// A coroutine created and never awaited: a dashed, empty outline from where it was made to
/// the end of the run (it never ran), with its glyph and words.
#[allow(clippy::too_many_arguments)]
fn draw_ghost(
    ctx: &CanvasRenderingContext2d,
    theme: &Theme,
    g: &Geometry,
    at: &dyn Fn(Micros, usize) -> f64,
    m: &RunModel,
    rec: &Recorder,
    i: usize,
    y: f64,
    end_x: f64,
) {
    let Some(ghost) = m.never_awaited.get(i) else { return };
    let depth = m.lanes.get(ghost.task.0 as usize).map_or(0, |l| l.depth.min(6) + 1);
    let label = row_label(m, rec, layout::Row::Ghost(i));
    ctx.set_global_alpha(0.75);
    label_text(ctx, theme, &label, 6.0 + 10.0 * depth as f64, y, g.label, false);
    ctx.set_global_alpha(1.0);
    let look = style(Look::Ghost);
    let x0 = at(ghost.at, ghost.event).max(g.plot_x);
    let x1 = end_x.min(g.plot_x + g.plot_w).max(x0 + 24.0);
    ctx.set_stroke_style_str(theme.of(Look::Ghost));
    ctx.set_line_width(1.5);
    let _ = ctx.set_line_dash(&dash(&[4.0, 3.0]));
    ctx.stroke_rect(x0, y + 4.0, x1 - x0, ROW - 8.0);
    let _ = ctx.set_line_dash(&dash(&[]));
    ctx.set_fill_style_str(theme.of(Look::Ghost));
    let text = format!("{} never ran", look.glyph.unwrap_or(""));
    let _ = ctx.fill_text(&fit(ctx, &text, x1 - x0 - 6.0), x0 + 4.0, y + ROW / 2.0);
}

/// The y of the middle of `task`'s lane, when it is among the rows shown.
fn lane_mid(g: &Geometry, v: &Viewport, rows: &[Row], task: TaskId) -> Option<f64> {
    let r = rows.iter().position(|r| *r == Row::Lane(task))?;
    (r >= v.first_row && r < v.first_row + g.rows).then(|| g.row_y(r - v.first_row + 1) + ROW / 2.0)
}

/// Each `wait_for` deadline: a marker with its glyph on the waiter's lane where the timeout
/// was due (the cancellation it sends is drawn by [`draw_links`]).
fn draw_deadlines(
    ctx: &CanvasRenderingContext2d,
    theme: &Theme,
    g: &Geometry,
    v: &Viewport,
    m: &RunModel,
    rows: &[Row],
) {
    let look = style(Look::Deadline);
    for d in &m.deadlines {
        let Some(mid) = lane_mid(g, v, rows, d.waiter) else { continue };
        if d.due < v.from || d.due > v.to {
            continue;
        }
        let x = g.x(v, d.due).round() + 0.5;
        vline(ctx, x, mid - ROW / 2.0, mid + ROW / 2.0, theme.of(Look::Deadline), 2.0);
        ctx.set_font("bold 13px system-ui, sans-serif");
        ctx.set_fill_style_str(theme.of(Look::Deadline));
        let _ = ctx.fill_text(look.glyph.unwrap_or(""), x + 3.0, mid - ROW / 2.0 + 6.0);
        ctx.set_font("11px system-ui, sans-serif");
    }
}

/// Connectors: an exception travelling to its awaiter, `cancel()` and timeouts reaching their
/// task, as arrows between lanes (dashed where the table says so).
fn draw_links(ctx: &CanvasRenderingContext2d, theme: &Theme, g: &Geometry, v: &Viewport, m: &RunModel, rows: &[Row]) {
    for link in &m.links {
        let Some(to_time) = link.to_time else { continue };
        if to_time < v.from || link.from_time > v.to {
            continue;
        }
        let (Some(y0), Some(y1)) = (lane_mid(g, v, rows, link.from), lane_mid(g, v, rows, link.to)) else {
            continue;
        };
        let look = link_look(link.kind);
        let (x0, x1) = (g.x(v, link.from_time), g.x(v, to_time));
        ctx.set_stroke_style_str(theme.of(look));
        ctx.set_fill_style_str(theme.of(look));
        ctx.set_line_width(1.5);
        if style(look).pattern == Pattern::DashedArrow {
            let _ = ctx.set_line_dash(&dash(&[4.0, 3.0]));
        }
        ctx.begin_path();
        ctx.move_to(x0, y0);
        ctx.line_to(x1, y1);
        ctx.stroke();
        let _ = ctx.set_line_dash(&dash(&[]));
        // The arrowhead, pointing along the line at its end.
        let angle = (y1 - y0).atan2(x1 - x0);
        ctx.begin_path();
        ctx.move_to(x1, y1);
        ctx.line_to(x1 - 7.0 * (angle - 0.4).cos(), y1 - 7.0 * (angle - 0.4).sin());
        ctx.line_to(x1 - 7.0 * (angle + 0.4).cos(), y1 - 7.0 * (angle + 0.4).sin());
        ctx.close_path();
        ctx.fill();
    }
}

/// Fills as the style table says `look` is filled: solid, or a pattern over its colour.
fn set_fill(ctx: &CanvasRenderingContext2d, v: &mut Viewport, look: Look, colour: &str) {
    match style(look).pattern {
        Pattern::Hatch => set_pattern(ctx, v, "hatch", colour),
        Pattern::Grid => set_pattern(ctx, v, "grid", colour),
        Pattern::Dots => set_pattern(ctx, v, "dots", colour),
        Pattern::Stripes if look == Look::LateBrowser => set_pattern(ctx, v, "light-stripes", colour),
        Pattern::Stripes => set_pattern(ctx, v, "stripes", colour),
        _ => ctx.set_fill_style_str(colour),
    }
}

/// Fills with a pattern over `colour`, made once per (kind, colour).
fn set_pattern(ctx: &CanvasRenderingContext2d, v: &mut Viewport, kind: &'static str, colour: &str) {
    let found = v.patterns.iter().position(|(k, c, _)| *k == kind && c == colour);
    let index = match found {
        Some(i) => Some(i),
        None => make_pattern(ctx, kind, colour).map(|p| {
            v.patterns.push((kind, colour.to_string(), p));
            v.patterns.len() - 1
        }),
    };
    match index {
        Some(i) => ctx.set_fill_style_canvas_pattern(&v.patterns[i].2),
        None => ctx.set_fill_style_str(colour),
    }
}

fn make_pattern(ctx: &CanvasRenderingContext2d, kind: &str, colour: &str) -> Option<CanvasPattern> {
    let doc = web_sys::window()?.document()?;
    let tile: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    tile.set_width(8);
    tile.set_height(8);
    let t: CanvasRenderingContext2d = tile.get_context("2d").ok()??.dyn_into().ok()?;
    t.set_fill_style_str(colour);
    t.fill_rect(0.0, 0.0, 8.0, 8.0);
    match kind {
        "hatch" => {
            t.set_stroke_style_str("rgba(255,255,255,0.55)");
            t.set_line_width(2.0);
            t.begin_path();
            t.move_to(0.0, 8.0);
            t.line_to(8.0, 0.0);
            t.move_to(-2.0, 2.0);
            t.line_to(2.0, -2.0);
            t.move_to(6.0, 10.0);
            t.line_to(10.0, 6.0);
            t.stroke();
        }
        "grid" => {
            t.set_fill_style_str("rgba(255,255,255,0.6)");
            t.fill_rect(0.0, 3.0, 8.0, 1.5);
            t.fill_rect(3.0, 0.0, 1.5, 8.0);
        }
        // The browser's lateness: the same stripes, faint (no task is to blame).
        "light-stripes" => stripes(&t, "rgba(255,255,255,0.7)"),
        "dots" => {
            t.set_fill_style_str("rgba(0,0,0,0.35)");
            t.fill_rect(1.0, 1.0, 2.0, 2.0);
            t.fill_rect(5.0, 5.0, 2.0, 2.0);
        }
        _ => stripes(&t, "rgba(0,0,0,0.45)"),
    }
    ctx.create_pattern_with_html_canvas_element(&tile, "repeat").ok().flatten()
}

/// Diagonal stripes across an 8 px tile, in `ink`.
fn stripes(t: &CanvasRenderingContext2d, ink: &str) {
    t.set_stroke_style_str(ink);
    t.set_line_width(2.0);
    t.begin_path();
    t.move_to(0.0, 0.0);
    t.line_to(8.0, 8.0);
    t.move_to(-2.0, 6.0);
    t.line_to(2.0, 10.0);
    t.move_to(6.0, -2.0);
    t.line_to(10.0, 2.0);
    t.stroke();
}

/// Outlines the steps in `v.marked` (those at the code line under the pointer), each with the
/// wait that followed it: what ran to that line, and how long the task then waited there.
fn draw_marked(
    ctx: &CanvasRenderingContext2d,
    theme: &Theme,
    g: &Geometry,
    v: &Viewport,
    m: &RunModel,
    rows: &[Row],
    now: Micros,
) {
    if v.marked.is_empty() {
        return;
    }
    ctx.set_stroke_style_str(theme.of(Look::Print));
    ctx.set_line_width(2.0);
    for &k in &v.marked {
        let Some(step) = m.steps.get(k) else { continue };
        let Some(r) = rows.iter().position(|r| *r == Row::Lane(step.task)) else { continue };
        if r < v.first_row || r >= v.first_row + g.rows {
            continue;
        }
        let waited = m
            .lanes
            .get(step.task.0 as usize)
            .and_then(|lane| segment_at(lane, step.end, now))
            .filter(|seg| seg.start == step.end && matches!(seg.state, State::Waiting(_)))
            .map_or(step.end, |seg| seg.end.unwrap_or(now));
        let (x0, x1) = (g.x(v, step.start), g.x(v, waited));
        ctx.stroke_rect(x0 - 1.0, g.row_y(r - v.first_row + 1) + 1.5, (x1 - x0).max(3.0) + 2.0, ROW - 3.0);
    }
}

fn draw_selection(
    ctx: &CanvasRenderingContext2d,
    theme: &Theme,
    g: &Geometry,
    v: &Viewport,
    m: &RunModel,
    rows: &[Row],
    sel: Selection,
) {
    let (task, from, to) = match sel {
        Selection::Step(i) => match m.steps.get(i) {
            Some(s) => (s.task, s.start, s.end),
            None => return,
        },
        Selection::Log(i) => match m.log.get(i) {
            Some(l) => (l.task, l.time, l.time),
            None => return,
        },
    };
    let (x0, x1) = (g.x(v, from), g.x(v, to));
    let w = (x1 - x0).max(3.0);
    ctx.set_stroke_style_str(&theme.accent);
    ctx.set_line_width(2.5);
    let row = rows.iter().position(|r| *r == Row::Lane(task));
    if let Some(r) = row.filter(|&r| r >= v.first_row && r < v.first_row + g.rows) {
        ctx.stroke_rect(x0 - 2.0, g.row_y(r - v.first_row + 1) + 1.0, w + 4.0, ROW - 2.0);
    }
    if matches!(sel, Selection::Step(_)) {
        ctx.stroke_rect(x0 - 2.0, g.row_y(0) + 1.0, w + 4.0, ROW - 2.0);
    }
}

/// The hover tooltip, written as text (never markup) into its own element.
fn update_tip(tip: &HtmlElement, g: &Geometry, v: &Viewport, s: &Session, kept: Option<&Session>, rows: &[Row]) {
    let hide = || {
        let _ = tip.set_attribute("hidden", "");
    };
    let Some((x, y)) = v.hover else { return hide() };
    if x < g.plot_x || y < AXIS {
        return hide();
    }
    if v.turns {
        let rec = s.trace();
        return match turns_text(g, v, s.model(), &rec, rows, x, y) {
            Some(text) => show_tip(tip, g, x, y, &text),
            None => hide(),
        };
    }
    let t = g.time(v, x);
    let index = ((y - AXIS) / ROW) as usize;
    let text = if index == 0 {
        match step_at(s.model(), t) {
            Some(i) => {
                let st = &s.model().steps[i];
                format!(
                    "event loop · step {}\n{}\n{} → {} ({})",
                    i + 1,
                    describe::step(st, s.model(), &s.trace()),
                    instant(st.start),
                    instant(st.end),
                    duration(st.end - st.start)
                )
            }
            None => format!("event loop · idle at {}\nno task holds the thread", instant(t)),
        }
    } else {
        let row = rows.get(v.first_row + index - 1);
        if let Some(text) = row.and_then(|r| lesson_tip(s.model(), &s.trace(), *r, t)) {
            show_tip(tip, g, x, y, &text);
            return;
        }
        let (model, rec, id, now) = match row {
            Some(Row::Lane(id)) => (s.model(), s.trace(), *id, s.covered()),
            Some(Row::KeptLane(id)) => match kept {
                Some(k) => (k.model(), k.trace(), *id, k.model().span()),
                None => return hide(),
            },
            _ => return hide(),
        };
        let Some(lane) = model.lanes.get(id.0 as usize) else { return hide() };
        let summary = format!("{} polls, {} running", lane.polls, duration(lane.busy));
        match segment_at(lane, t, now) {
            Some(seg) => {
                let end = seg.end.unwrap_or(now);
                format!(
                    "{}\n{}\n{} → {} ({})\n{summary}",
                    lane.name,
                    describe::segment_title(seg, model, &rec),
                    instant(seg.start),
                    instant(end),
                    duration(end - seg.start)
                )
            }
            None => format!("{}\nnot alive at {}\n{summary}", lane.name, instant(t)),
        }
    };
    show_tip(tip, g, x, y, &text);
}

fn show_tip(tip: &HtmlElement, g: &Geometry, x: f64, y: f64, text: &str) {
    tip.set_text_content(Some(text));
    let _ = tip.remove_attribute("hidden");
    let style = tip.style();
    let _ = style.set_property("left", &format!("{}px", (x + 14.0).min(g.width - 260.0).max(0.0)));
    let _ = style.set_property("top", &format!("{}px", y + 14.0));
}

/// The tooltip of a permits, queue or ghost row at time `t`.
fn lesson_tip(m: &RunModel, rec: &Recorder, row: Row, t: Micros) -> Option<String> {
    let (label, value) = match row {
        Row::Permits(i) => (row_label(m, rec, layout::Row::Permits(i)), m.permits.get(i)?.value_at(t)),
        Row::Queue(i) => (row_label(m, rec, layout::Row::Queue(i)), m.queues.get(i)?.value_at(t)),
        Row::Ghost(i) => {
            let ghost = m.never_awaited.get(i)?;
            return Some(format!(
                "{}\ncreated at {} in {} and never awaited: its code never ran",
                row_label(m, rec, layout::Row::Ghost(i)),
                instant(ghost.at),
                task_name(m, ghost.task)
            ));
        }
        _ => return None,
    };
    Some(format!("{label}\n{value} at {}", instant(t)))
}

/// What the canvas shows, for tests: the plot's position, the window, the visible rows and how
/// many steps are outlined for the hovered code line.
fn geometry_json(g: &Geometry, v: &Viewport, m: &RunModel, rows: &[Row]) -> String {
    let names: Vec<String> = rows
        .iter()
        .skip(v.first_row)
        .take(g.rows)
        .map(|r| match r {
            Row::Lane(id) => format!("{:?}", task_name(m, *id)),
            Row::Permits(i) => format!("{:?}", format!("(permits {i})")),
            Row::Queue(i) => format!("{:?}", format!("(queue {i})")),
            Row::Ghost(i) => format!("{:?}", format!("(ghost {i})")),
            Row::KeptHeader => "\"(kept run)\"".into(),
            Row::KeptLane(_) => "\"(kept lane)\"".into(),
        })
        .collect();
    let late_under = m.late.iter().filter(|l| l.lateness() < m.late_threshold()).count();
    let series = |all: &[Series]| {
        let each: Vec<String> = all.iter().map(|s| format!(r#"{{"limit":{},"peak":{}}}"#, s.limit, s.peak())).collect();
        each.join(",")
    };
    format!(
        r#"{{"plotX":{:.1},"plotW":{:.1},"from":{},"to":{},"axis":{AXIS},"row":{ROW},"rows":[{}],"marked":{},"permits":[{}],"queues":[{}],"deadlines":{},"lateUnder":{},"lateOver":{},"axisKind":"{}"}}"#,
        g.plot_x,
        g.plot_w,
        v.from,
        v.to,
        names.join(","),
        v.marked.len(),
        series(&m.permits),
        series(&m.queues),
        m.deadlines.len(),
        late_under,
        m.late.len() - late_under,
        if v.turns { "turns" } else { "time" }
    )
}

/// Input on the canvas: zoom, pan, scroll, hover. Each returns true when a redraw is needed.
impl Viewport {
    fn window(&self) -> Micros {
        (self.to - self.from).max(MIN_WINDOW)
    }

    pub fn zoom(&mut self, factor: f64, anchor: Option<Micros>) {
        self.follow = false;
        let w = self.window();
        let anchor = anchor.unwrap_or(self.from + w / 2);
        let frac = (anchor - self.from.min(anchor)) as f64 / w as f64;
        let new_w = ((w as f64 * factor) as Micros).clamp(MIN_WINDOW, 10_000_000_000);
        let from = anchor as f64 - frac * new_w as f64;
        self.from = from.max(0.0) as Micros;
        self.to = self.from + new_w;
    }

    pub fn pan(&mut self, fraction: f64) {
        self.follow = false;
        let shift = (self.window() as f64 * fraction) as i64;
        let w = self.window();
        self.from = (self.from as i64 + shift).max(0) as Micros;
        self.to = self.from + w;
    }

    pub fn scroll_rows(&mut self, by: i64) {
        self.first_row = (self.first_row as i64 + by).max(0) as usize;
    }

    pub fn fit(&mut self) {
        self.follow = true;
        self.first_row = 0;
        self.turn_view.fit();
    }

    /// Shows the axis in turns (`true`) or in time.
    pub fn set_turns(&mut self, turns: bool) {
        self.turns = turns;
    }
}

/// Routes a wheel, drag or key to the viewport; a wheel the timeline does not take (nothing
/// hidden to scroll to) reports no redraw, and the page scrolls. `x`, `y` are relative to the canvas.
pub enum Input {
    Wheel { x: f64, dx: f64, dy: f64, zoom: bool, pan: bool },
    Down { x: f64, y: f64 },
    Move { x: f64, y: f64 },
    Up,
    Leave,
    Key(String),
}

/// What an input did: whether to redraw, and a click (a press and release without dragging),
/// at its point.
pub struct Handled {
    pub redraw: bool,
    pub click: Option<(f64, f64)>,
}

impl From<bool> for Handled {
    fn from(redraw: bool) -> Self {
        Handled { redraw, click: None }
    }
}

pub fn handle(v: &mut Viewport, canvas: &HtmlCanvasElement, input: Input) -> Handled {
    let width = canvas.client_width().max(200) as f64;
    let g = Geometry::new(width, MAX_ROWS);
    match input {
        Input::Wheel { x, dx, dy, zoom, pan } => {
            let hidden_below = v.first_row + MAX_ROWS < v.total_rows;
            match mv::wheel_action(zoom, pan, dx, dy, v.first_row > 0, hidden_below) {
                WheelAction::Zoom(factor) if v.turns => {
                    let anchor = v.turn_view.pos(&model_geometry(&g), x);
                    v.turn_view.zoom(factor, Some(anchor));
                }
                WheelAction::Zoom(factor) => v.zoom(factor, Some(g.time(v, x))),
                WheelAction::Pan(fraction) if v.turns => v.turn_view.pan(fraction),
                WheelAction::Pan(fraction) => v.pan(fraction),
                WheelAction::Rows(by) => v.scroll_rows(by),
                // Not taken: the page scrolls.
                WheelAction::Page => return false.into(),
            }
            true.into()
        }
        Input::Down { x, y } => {
            v.drag = Some((x, y, v.from, v.to, v.first_row));
            v.turn_drag = (v.turn_view.from, v.turn_view.to);
            false.into()
        }
        Input::Move { x, y } => {
            v.hover = Some((x, y));
            if let Some((x0, y0, from, to, row)) = v.drag {
                let per_px = (to - from) as f64 / g.plot_w;
                let shift = ((x0 - x) * per_px) as i64;
                if v.turns {
                    v.turn_view.drag(&model_geometry(&g), v.turn_drag, x - x0);
                } else if shift != 0 {
                    v.follow = false;
                    v.from = (from as i64 + shift).max(0) as Micros;
                    v.to = v.from + (to - from);
                }
                v.first_row = (row as i64 + ((y0 - y) / ROW) as i64).max(0) as usize;
            }
            true.into()
        }
        Input::Up => {
            let hover = v.hover;
            let still = |&(x0, y0, ..): &(f64, f64, Micros, Micros, usize)| {
                hover.is_none_or(|(x, y)| (x - x0).abs() < 4.0 && (y - y0).abs() < 4.0)
            };
            let click = v.drag.take().filter(still).map(|(x, y, ..)| (x, y));
            Handled { redraw: false, click }
        }
        Input::Leave => {
            v.drag = None;
            v.hover = None;
            true.into()
        }
        Input::Key(key) if v.turns => {
            match key.as_str() {
                "+" | "=" | "w" | "W" => v.turn_view.zoom(0.8, None),
                "-" | "_" | "s" | "S" => v.turn_view.zoom(1.25, None),
                "ArrowLeft" | "a" | "A" => v.turn_view.pan(-0.1),
                "ArrowRight" | "d" | "D" => v.turn_view.pan(0.1),
                "ArrowUp" => v.scroll_rows(-1),
                "ArrowDown" => v.scroll_rows(1),
                "0" | "f" | "F" | "Home" => {
                    v.turn_view.fit();
                    v.fit();
                }
                _ => return false.into(),
            }
            true.into()
        }
        Input::Key(key) => {
            match key.as_str() {
                "+" | "=" | "w" | "W" => v.zoom(0.8, None),
                "-" | "_" | "s" | "S" => v.zoom(1.25, None),
                "ArrowLeft" | "a" | "A" => v.pan(-0.1),
                "ArrowRight" | "d" | "D" => v.pan(0.1),
                "ArrowUp" => v.scroll_rows(-1),
                "ArrowDown" => v.scroll_rows(1),
                "0" | "f" | "F" | "Home" => v.fit(),
                _ => return false.into(),
            }
            true.into()
        }
    }
}

/// What a click at (`x`, `y`) on the canvas picks: on the event loop's row, the step running
/// then; on a task's lane, that task's step running then, or the one that led to the wait
/// shown there (whose line is where the task waits).
pub fn pick(v: &Viewport, canvas: &HtmlCanvasElement, s: &Session, x: f64, y: f64) -> Option<Selection> {
    let g = Geometry::new(canvas.client_width().max(200) as f64, MAX_ROWS);
    if x < g.plot_x || y < AXIS {
        return None;
    }
    let m = s.model();
    let index = ((y - AXIS) / ROW) as usize;
    if v.turns {
        let axis = TurnAxis::new(m);
        let pos = v.turn_view.pos(&model_geometry(&g), x);
        if index == 0 {
            return axis.step_at(pos).map(Selection::Step);
        }
        let Row::Lane(id) = *v.order.1.get(v.first_row + index - 1)? else { return None };
        let upto = axis.turn_at(pos).and_then(|k| m.turns.get(k + 1)).map_or(m.steps.len(), |t| t.first_step);
        return (0..upto).rev().find(|&i| m.steps[i].task == id && axis.step_span(i).0 <= pos).map(Selection::Step);
    }
    let t = g.time(v, x);
    if index == 0 {
        return step_at(m, t).map(Selection::Step);
    }
    let Row::Lane(id) = *v.order.1.get(v.first_row + index - 1)? else { return None };
    let started = m.steps.partition_point(|st| st.start <= t);
    (0..started).rev().find(|&i| m.steps[i].task == id).map(Selection::Step)
}

/// Shared handle to the viewport (compared by identity, for Yew props).
#[derive(Clone, Default)]
pub struct SharedViewport(pub Rc<RefCell<Viewport>>);

impl PartialEq for SharedViewport {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
