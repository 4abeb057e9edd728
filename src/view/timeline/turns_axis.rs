//! The lanes on the turns axis: one equal-width column per loop iteration, numbered, with its
//! time as a secondary label; each turn's steps share its column in the order they ran, and the
//! ready queue lane shows who waited for each turn.

use super::paint::{ghost, series, skip_painted_at, Paint};
use super::{Marks, Row};
use crate::model::describe::{self, instant, task_name};
use crate::model::layout;
use crate::model::style::{ending_look, segment_look, Look};
use crate::model::turns::TurnAxis;
use crate::model::RunModel;
use crate::model::State;
use crate::session::Selection;
use crate::trace::{Micros, Recorder, TaskId};

pub fn draw(p: &Paint, m: &RunModel, rec: &Recorder, axis: &TurnAxis, marks: &Marks) {
    let (ctx, theme, g) = (p.ctx, p.theme, &p.g);
    let bottom = p.height() - 4.0;
    let budget = ((g.plot_w / 120.0) as usize).max(2);
    for tick in axis.ticks(p.view.from, p.view.to, budget) {
        let px = p.at(tick.pos).round() + 0.5;
        p.vline(px, g.axis_h - 4.0, bottom, &theme.line, 1.0);
        ctx.set_fill_style_str(&theme.ink);
        let label = format!("turn {}", tick.label);
        let _ = ctx.fill_text(&label, px + 3.0, g.axis_h / 2.0);
        ctx.set_fill_style_str(&theme.muted);
        let _ = ctx.fill_text(&tick.time, px + 8.0 + p.text_width(&label), g.axis_h / 2.0);
    }
    // Row 0: the loop, each step in its slot of its turn, named when there is room.
    let loop_y = g.row_y(0);
    p.label("event loop", 6.0, loop_y, true);
    let (top, h) = p.bar(loop_y);
    let first_turn = (p.view.from.max(0.0) as usize).min(m.turns.len());
    let last_turn = (p.view.to.max(0.0).ceil() as usize + 1).min(m.turns.len());
    let first_step = m.turns.get(first_turn).map_or(m.steps.len(), |t| t.first_step);
    let last_step = m.turns.get(last_turn).map_or(m.steps.len(), |t| t.first_step);
    // Zoomed out, thousands of steps share a pixel column: each column is painted once, and
    // the steps inside it are skipped with a binary search (as on the time axis).
    let mut painted_to = f64::NEG_INFINITY;
    ctx.set_fill_style_str(theme.of(Look::Running));
    let mut i = first_step;
    while i < last_step {
        let (a, b) = axis.step_span(i);
        let (x0, x1) = (p.at(a).max(g.plot_x), p.at(b).min(p.plot_end()));
        if x1 > x0 && x1 > painted_to {
            let w = (x1 - x0 - 1.0).max(1.0);
            ctx.fill_rect(x0, top, w, h);
            painted_to = painted_to.max((x0 + w).ceil());
            if x1 - x0 > 40.0 {
                ctx.set_fill_style_str("#ffffff");
                let name = task_name(m, m.steps[i].task);
                let _ = ctx.fill_text(&p.fit(name, x1 - x0 - 8.0), x0 + 4.0, loop_y + g.row_h / 2.0);
                ctx.set_fill_style_str(theme.of(Look::Running));
            }
        }
        let until = p.view.pos(g, painted_to);
        i = skip_painted_at(i, last_step, until, |k| axis.step_span(k).0, |k| axis.step_span(k).1);
    }
    for (y, row) in p.visible() {
        let at = |_: Micros, e: usize| p.at(axis.pos_of_event(e));
        let end = p.at(axis.end());
        match row {
            Row::Ready => ready(p, m, (first_turn, last_turn), y),
            Row::Lane(id) => lane(p, m, rec, axis, id, y),
            Row::Permits(i) => series(p, &at, m, rec, layout::Row::Permits(i), Look::Permits, y, end),
            Row::Queue(i) => series(p, &at, m, rec, layout::Row::Queue(i), Look::QueueItems, y, end),
            Row::Ghost(i) => ghost(p, &at, m, rec, i, y, end),
            // A kept run has turns of its own: it is compared on the time axis.
            Row::KeptHeader | Row::KeptLoop | Row::KeptLane(_) => {}
        }
    }
    if let Some(Selection::Step(i)) = marks.selection {
        let (a, b) = axis.step_span(i);
        let (x0, w) = (p.at(a), (p.at(b) - p.at(a)).max(3.0));
        let rh = g.row_h - 2.0;
        ctx.set_stroke_style_str(&theme.accent);
        ctx.set_line_width(2.5);
        ctx.stroke_rect(x0 - 1.0, g.row_y(0) + 1.0, w + 2.0, rh);
        if let Some(mid) = m.steps.get(i).and_then(|s| p.lane_mid(s.task)) {
            ctx.stroke_rect(x0 - 1.0, mid - rh / 2.0, w + 2.0, rh);
        }
    }
}

/// The ready queue: in each turn's column, the tasks that were waiting for it, in the order
/// the loop ran them (their names when they fit, else how many).
fn ready(p: &Paint, m: &RunModel, (first, last): (usize, usize), y: f64) {
    p.label("ready queue", 6.0, y, false);
    let (top, h) = p.bar(y);
    let ctx = p.ctx;
    // Zoomed out, a pixel column holds many turns: it is marked once if any of them had a
    // task waiting.
    let mut marked_column = None;
    for k in first..last {
        let (x0, x1) = (p.at(k as f64).max(p.g.plot_x), p.at(k as f64 + 1.0).min(p.plot_end()));
        if x1 <= x0 || m.ready_at(k).is_empty() {
            continue;
        }
        p.fills.set(ctx, Look::Ready, p.theme.of(Look::Ready));
        if x1 - x0 < 1.0 {
            let column = x0.floor();
            if marked_column != Some(column) {
                marked_column = Some(column);
                ctx.fill_rect(column, top, 1.0, h);
            }
            continue;
        }
        let names: Vec<&str> = m.ready_at(k).iter().map(|&t| task_name(m, t)).collect();
        ctx.fill_rect(x0 + 0.5, top, (x1 - x0 - 1.0).max(1.0), h);
        let all =
            if names.len() == 1 { names[0].to_string() } else { format!("{}: {}", names.len(), names.join(" → ")) };
        if !p.inside_label(&all, x0, x1, y, 1.0) {
            p.inside_label(&names.len().to_string(), x0 - 8.0, x1 + 8.0, y, 1.0);
        }
    }
}

/// A task's lane on the turns axis.
fn lane(p: &Paint, m: &RunModel, rec: &Recorder, axis: &TurnAxis, id: TaskId, y: f64) {
    let Some(lane) = m.lanes.get(id.0 as usize) else { return };
    p.label(&lane.name, Paint::indent(lane.depth), y, false);
    let (top, h) = p.bar(y);
    let mut last_end = p.g.plot_x;
    // Zoomed out, thousands of segments share a pixel: each pixel column is painted once, as
    // on the time axis.
    let mut painted_to = f64::NEG_INFINITY;
    let mut last_fill = None;
    let segments = &lane.segments;
    let mut i = 0;
    while i < segments.len() {
        let seg = &segments[i];
        let (a, b) = axis.segment_span(lane, i);
        let (x0, x1) = (p.at(a).max(p.g.plot_x), p.at(b).min(p.plot_end()));
        last_end = last_end.max(x1);
        let w = (x1 - x0).max(if seg.state == State::Running { 1.0 } else { 0.0 });
        let visible = w > 0.0 && x0 + w > painted_to;
        if visible {
            painted_to = painted_to.max((x0 + w).ceil());
        }
        let until = p.view.pos(&p.g, painted_to);
        let next = skip_painted_at(
            i,
            segments.len(),
            until,
            |k| axis.segment_span(lane, k).0,
            |k| axis.segment_span(lane, k).1,
        );
        if next > i + 1 {
            last_end = last_end.max(p.at(axis.segment_span(lane, next - 1).1).min(p.plot_end()));
        }
        i = next;
        if !visible {
            continue;
        }
        let look = segment_look(m, seg);
        if last_fill != Some(look) {
            last_fill = Some(look);
            p.fills.set(p.ctx, look, p.theme.of(look));
        }
        p.ctx.fill_rect(x0, top, w, h);
        if w > 50.0 && p.inside_label(&describe::segment_label(seg, m, rec), x0, x0 + w, y, 1.0) {
            last_fill = None;
        }
    }
    if let Some((_, ending)) = &lane.ending {
        p.glyph(ending_look(ending), last_end + 2.0, y + p.g.row_h / 2.0);
    }
}

/// The hover tooltip on the turns axis: the turn, its time, and what the row shows there.
pub fn tip(p: &Paint, m: &RunModel, rec: &Recorder, x: f64, y: f64) -> Option<String> {
    let axis = TurnAxis::new(m);
    let pos = p.view.pos(&p.g, x);
    let k = axis.turn_at(pos)?;
    let turn = m.turns.get(k)?;
    let head = format!("turn {} · {}", k + 1, instant(turn.time));
    let index = ((y - p.g.axis_h) / p.g.row_h) as usize;
    if index == 0 {
        let step = axis.step_at(pos).and_then(|i| m.steps.get(i).map(|s| describe::step(s, m, rec)));
        return Some(format!("{head}\nevent loop: {}", step.unwrap_or_else(|| "no task ran in this turn".into())));
    }
    match p.rows.get(p.view.first_row + index - 1)? {
        Row::Ready => {
            let names: Vec<&str> = m.ready_at(k).iter().map(|&t| task_name(m, t)).collect();
            Some(if names.is_empty() {
                format!("{head}\nready queue: empty (no task was waiting for this turn)")
            } else {
                format!("{head}\nready queue, in the order they ran: {}", names.join(" → "))
            })
        }
        Row::Lane(id) => {
            let lane = m.lanes.get(id.0 as usize)?;
            let what = axis
                .segment_at(lane, pos)
                .and_then(|i| lane.segments.get(i))
                .map(|seg| describe::segment_title(seg, m, rec));
            Some(format!("{head}\n{}\n{}", lane.name, what.unwrap_or_else(|| "not alive in this turn".into())))
        }
        _ => Some(head),
    }
}
