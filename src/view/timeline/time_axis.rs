//! The lanes on the time axis: ticks, the loop, every visible row, deadlines, connectors, the
//! outlined steps, the selection, "now" and the scrub cursor.

use super::paint::{dash, ghost, series, skip_painted, Paint};
use super::{Marks, Row};
use crate::model::describe::{self, duration, instant, task_name};
use crate::model::layout::{self, segments_in, tick_label, ticks, wait_after};
use crate::model::style::{ending_look, link_look, segment_look, style, Look, Pattern};
use crate::model::{LinkKind, LogKind, RunModel, State, BLOCKED_THRESHOLD};
use crate::session::{Selection, Session};
use crate::trace::{Micros, Recorder, TaskId, Wait};

pub fn draw(p: &Paint, s: &Session, kept: Option<&Session>, marks: &Marks) {
    let (m, rec) = (s.model(), s.trace());
    let (ctx, theme, g) = (p.ctx, p.theme, &p.g);
    let bottom = p.height() - 4.0;
    let (from, to) = (p.view.from as Micros, p.view.to as Micros);
    let (step, ticks) = ticks(from, to, g.max_ticks());
    let mut free_from = f64::NEG_INFINITY;
    for t in &ticks {
        let x = p.x(*t).round() + 0.5;
        p.vline(x, g.axis_h - 4.0, bottom, &theme.line, 1.0);
        ctx.set_fill_style_str(&theme.muted);
        let label = tick_label(*t, step);
        // A label that would run off the right edge goes on the tick's left instead, unless
        // it would meet its neighbour there (then the tick goes unlabelled).
        let width = ctx.measure_text(&label).map_or(0.0, |m| m.width());
        let at = if x + 3.0 + width > g.width - 2.0 { x - 3.0 - width } else { x + 3.0 };
        if at >= free_from {
            let _ = ctx.fill_text(&label, at, g.axis_h / 2.0);
            free_from = at + width + 6.0;
        }
    }

    // Row 0: the event loop, who holds the thread.
    let loop_y = g.row_y(0);
    p.label("event loop", 6.0, loop_y, true);
    draw_loop(p, m, loop_y);

    // Lanes end where the recording does: past a full recorder nothing is known of them.
    let recorded = s.recorded_to();
    for (y, row) in p.visible() {
        let at = |t: Micros, _: usize| p.x(t);
        match row {
            Row::Lane(id) => lane(p, m, &rec, id, y, recorded, false),
            Row::Permits(i) => series(p, &at, m, &rec, layout::Row::Permits(i), Look::Permits, y, p.x(recorded)),
            Row::Queue(i) => series(p, &at, m, &rec, layout::Row::Queue(i), Look::QueueItems, y, p.x(recorded)),
            Row::Ghost(i) => ghost(p, &at, m, &rec, i, y, p.x(recorded)),
            Row::KeptLane(id) => {
                if let Some(k) = kept {
                    lane(p, k.model(), &k.trace(), id, y, k.model().span(), true)
                }
            }
            Row::KeptLoop => {
                if let Some(k) = kept {
                    ctx.set_global_alpha(0.55);
                    p.label("event loop", 6.0, y, true);
                    draw_loop(p, k.model(), y);
                    ctx.set_global_alpha(1.0);
                }
            }
            Row::KeptHeader => {
                ctx.set_fill_style_str(&theme.muted);
                let label = kept.map(|k| k.label()).unwrap_or_default();
                let _ = ctx.fill_text(&format!("Kept run for comparison: {label}"), 6.0, y + g.row_h / 2.0);
            }
            // The ready queue is a lane of the turns axis (a time axis squeezes whole turns
            // into one instant).
            Row::Ready => {}
        }
    }

    deadlines(p, m);
    links(p, m);
    outline_marked(p, m, &marks.marked, recorded);
    if let Some(sel) = marks.selection {
        selection(p, m, sel);
    }
    if let Some(cut) = s.recording_cut() {
        recording_full(p, cut, s.covered());
    }
    if s.running() && !s.stepping() {
        p.vline(p.x(s.now()), g.axis_h - 6.0, bottom, &theme.accent, 1.5);
    }
    if let Some(t) = marks.cursor {
        let x = p.x(t);
        ctx.set_global_alpha(0.35);
        ctx.set_fill_style_str(&theme.bg);
        ctx.fill_rect(x, g.axis_h, (p.plot_end() - x).max(0.0), p.height() - g.axis_h);
        ctx.set_global_alpha(1.0);
        p.vline(x, g.axis_h - 8.0, bottom, &theme.ink, 2.0);
        ctx.set_fill_style_str(&theme.ink);
        let _ = ctx.fill_text(&instant(t), (x + 4.0).min(g.width - 60.0), g.axis_h - 6.0);
    }
}

/// Where the recorder filled up: a dashed rule at the cut with what it means, and the rest of
/// the run (which went on unrecorded) greyed, so no lane reads as still going as it last stood.
fn recording_full(p: &Paint, cut: Micros, covered: Micros) {
    let (ctx, theme, g) = (p.ctx, p.theme, &p.g);
    let x = p.x(cut).max(g.plot_x);
    if x > p.plot_end() {
        return;
    }
    // Down to the kept run's rows, if shown: its recording is whole.
    let kept = p.visible().find(|(_, row)| *row == Row::KeptHeader).map(|(y, _)| y);
    let (top, bottom) = (g.axis_h, kept.unwrap_or(p.height() - 4.0));
    let end = p.x(covered).clamp(x, p.plot_end());
    ctx.set_global_alpha(0.12);
    ctx.set_fill_style_str(&theme.muted);
    ctx.fill_rect(x, top, end - x, bottom - top);
    ctx.set_global_alpha(1.0);
    let _ = ctx.set_line_dash(&dash(&[5.0, 3.0]));
    p.vline(x.round() + 0.5, top - 6.0, bottom, p.theme.of(Look::Blocked), 2.0);
    let _ = ctx.set_line_dash(&dash(&[]));
    let text = format!("recording full at {}", instant(cut));
    p.font(true);
    let w = p.text_width(&text);
    // On the rule's right, or on its left when it is near the right edge; over the ticks' labels.
    let at = if x + 6.0 + w < g.width - 2.0 { x + 6.0 } else { (x - 6.0 - w).max(2.0) };
    ctx.set_fill_style_str(&theme.bg);
    ctx.fill_rect(at - 3.0, 1.0, w + 6.0, g.axis_h - 2.0);
    ctx.set_fill_style_str(p.theme.of(Look::Blocked));
    let _ = ctx.fill_text(&text, at, g.axis_h / 2.0);
    p.font(false);
}

fn draw_loop(p: &Paint, m: &RunModel, y: f64) {
    module_band(p, m, y);
    let ctx = p.ctx;
    let steps = &m.steps;
    let (from, to) = (p.view.from as Micros, p.view.to as Micros);
    let (top, h) = p.bar(y);
    let mut i = steps.partition_point(|s| s.end < from);
    let mut painted_to = f64::NEG_INFINITY;
    ctx.set_fill_style_str(p.theme.of(Look::Running));
    while i < steps.len() && steps[i].start <= to {
        let s = &steps[i];
        // A step begun before the view's left edge starts at the plot's, off the labels.
        let (x0, x1) = (p.x(s.start).max(p.g.plot_x), p.x(s.end).max(p.g.plot_x));
        if x0.max(x1) > painted_to - 0.5 {
            ctx.fill_rect(x0, top, (x1 - x0).max(1.0), h);
            painted_to = painted_to.max((x0 + (x1 - x0).max(1.0)).ceil());
        }
        if s.end - s.start > BLOCKED_THRESHOLD {
            ctx.set_stroke_style_str(p.theme.of(Look::Blocked));
            ctx.set_line_width(2.0);
            ctx.stroke_rect(x0, top - 1.0, (x1 - x0).max(2.0), h + 2.0);
            if x1 - x0 > 80.0 {
                let text = format!("blocked {} by {}", duration(s.end - s.start), task_name(m, s.task));
                ctx.set_fill_style_str("#ffffff");
                let _ = ctx.fill_text(&p.fit(&text, x1 - x0 - 8.0), x0 + 4.0, y + p.g.row_h / 2.0);
            }
            ctx.set_fill_style_str(p.theme.of(Look::Running));
        }
        i = skip_painted(steps, i, p.time(painted_to), |s| s.start, |s| s.end);
    }
}

/// The program's top level before any loop ran, as a band on the loop's row (no loop ran
/// then, so no step is drawn in it), with a mark at each thing it printed.
fn module_band(p: &Paint, m: &RunModel, y: f64) {
    let Some((start, end)) = m.module_stretch() else { return };
    let (x0, x1) = (p.x(start).max(p.g.plot_x), p.x(end).min(p.plot_end()));
    if x1 <= x0 {
        return;
    }
    let (ctx, (top, h)) = (p.ctx, p.bar(y));
    p.fills.set(ctx, Look::Module, p.theme.of(Look::Module));
    ctx.fill_rect(x0, top, x1 - x0, h);
    p.inside_label(describe::module_band(m), x0, x1, y, 1.0);
    // Its prints, marked as a lane's are.
    ctx.set_fill_style_str(p.theme.of(Look::Print));
    let before = m.log.iter().take_while(|l| l.time < end);
    for l in before.filter(|l| l.task == TaskId::OUTSIDE && matches!(l.kind, LogKind::Print(_))) {
        let x = p.x(l.time).round();
        if (x0..=x1).contains(&x) {
            print_mark(ctx, x, y);
        }
    }
}

/// A print's mark: a small triangle under the top of the row at `y`, pointing at its instant `x`.
fn print_mark(ctx: &web_sys::CanvasRenderingContext2d, x: f64, y: f64) {
    ctx.begin_path();
    ctx.move_to(x - 3.5, y + 1.0);
    ctx.line_to(x + 3.5, y + 1.0);
    ctx.line_to(x, y + 6.0);
    ctx.close_path();
    ctx.fill();
}

/// A task's lane: its segments (running, ready, waiting, late), its print marks and its
/// ending's glyph; `faded` for a kept run's.
fn lane(p: &Paint, m: &RunModel, rec: &Recorder, id: TaskId, y: f64, now: Micros, faded: bool) {
    let Some(lane) = m.lanes.get(id.0 as usize) else { return };
    let ctx = p.ctx;
    let alpha = if faded { 0.55 } else { 1.0 };
    ctx.set_global_alpha(alpha);
    p.label(&lane.name, Paint::indent(lane.depth), y, false);
    let (top, h) = p.bar(y);
    let (from, to) = (p.view.from as Micros, p.view.to as Micros);
    // Zoomed out, thousands of segments share a pixel: paint each pixel column once.
    let mut painted_to = f64::NEG_INFINITY;
    let mut last_fill = None;
    let segments = segments_in(lane, from, to, now);
    let mut next = 0;
    while next < segments.len() {
        let seg = &segments[next];
        let x0 = p.x(seg.start).max(p.g.plot_x);
        let x1 = p.x(seg.end.unwrap_or(now)).min(p.plot_end());
        let w = (x1 - x0).max(if seg.state == State::Running { 1.0 } else { 0.0 });
        let visible = w > 0.0 && x0 + w > painted_to;
        if visible {
            painted_to = painted_to.max((x0 + w).ceil());
        }
        next = skip_painted(segments, next, p.time(painted_to), |s| s.start, |s| s.end.unwrap_or(now));
        if !visible {
            continue;
        }
        let look = segment_look(m, seg);
        if last_fill != Some(look) {
            last_fill = Some(look);
            p.fills.set(ctx, look, p.theme.of(look));
        }
        ctx.fill_rect(x0, top, w, h);
        let labelled = (w > 50.0 && p.inside_label(&describe::segment_label(seg, m, rec), x0, x0 + w, y, alpha))
            || (w > 30.0
                && describe::segment_short_label(seg).is_some_and(|l| p.inside_label(&l, x0, x0 + w, y, alpha)));
        if labelled {
            last_fill = None;
        }
        // A timer due while something holds the loop: its task is late already, though the
        // model only learns so when the timer fires (a long hold pauses for the page to draw).
        if let (None, State::Waiting(Wait::Timer { due, .. })) = (seg.end, seg.state) {
            if due > seg.start && now.saturating_sub(due) >= m.late_threshold() {
                let late_x = p.x(due).max(p.g.plot_x);
                if late_x < x1 {
                    last_fill = Some(Look::Late);
                    p.fills.set(ctx, Look::Late, p.theme.of(Look::Late));
                    ctx.fill_rect(late_x, top, x1 - late_x, h);
                    if x1 - late_x > 50.0 && p.inside_label("late: the loop is held", late_x, x1, y, alpha) {
                        last_fill = None;
                    }
                }
            }
        }
    }
    ctx.set_fill_style_str(p.theme.of(Look::Print));
    // A mark every 2 pixels at most: zoomed out, the prints between two marks (a lane may
    // hold 100,000) are skipped with a binary search rather than placed one by one.
    let first_print = lane.prints.partition_point(|&t| t < from);
    let past = first_print + lane.prints[first_print..].partition_point(|&t| t <= to);
    let mut next = first_print;
    while next < past {
        let x = p.x(lane.prints[next]).round();
        print_mark(ctx, x, y);
        next += 1 + lane.prints[next + 1..past].partition_point(|&t| p.x(t).round() - x < 2.0);
    }
    if let Some((t, ending)) = &lane.ending {
        if *t >= from && *t <= to {
            p.glyph(ending_look(ending), p.x(*t) + 2.0, y + p.g.row_h / 2.0);
        }
    }
    ctx.set_global_alpha(1.0);
}

/// Each `wait_for` deadline: a marker with its glyph on the waiter's lane where the timeout
/// was due (the cancellation it sends is drawn by [`links`]).
fn deadlines(p: &Paint, m: &RunModel) {
    let half = p.g.row_h / 2.0;
    for d in &m.deadlines {
        let Some(mid) = p.lane_mid(d.waiter) else { continue };
        if (d.due as f64) < p.view.from || d.due as f64 > p.view.to {
            continue;
        }
        let x = p.x(d.due).round() + 0.5;
        p.vline(x, mid - half, mid + half, p.theme.of(Look::Deadline), 2.0);
        p.glyph(Look::Deadline, x + 3.0, mid - half + 6.0);
    }
}

/// Connectors: an exception travelling to its awaiter, `cancel()` and timeouts reaching their
/// task, as arrows between lanes (dashed where the table says so).
fn links(p: &Paint, m: &RunModel) {
    let ctx = p.ctx;
    // The labels drawn so far (x, y, width): a task cancelling several at once draws its
    // links side by side, and one label says what they are (more would pile up on each other).
    let mut labels: Vec<(f64, f64, f64)> = Vec::new();
    for link in &m.links {
        let Some(to_time) = link.to_time else { continue };
        if (to_time as f64) < p.view.from || link.from_time as f64 > p.view.to {
            continue;
        }
        let (Some(y0), Some(y1)) = (p.lane_mid(link.from), p.lane_mid(link.to)) else { continue };
        let look = link_look(link.kind);
        let (x0, x1) = (p.x(link.from_time), p.x(to_time));
        ctx.set_stroke_style_str(p.theme.of(look));
        ctx.set_fill_style_str(p.theme.of(look));
        // Two pixels: between neighbouring lanes a link is short, and must still be seen.
        ctx.set_line_width(2.0);
        if style(look).pattern == Pattern::DashedArrow {
            let _ = ctx.set_line_dash(&dash(&[5.0, 3.0]));
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
        // A cancel between neighbouring lanes is a short line among the endings' glyphs: it
        // says what it is beside it, on the page's colour (when there is room on its left).
        if link.kind == LinkKind::Cancel {
            let text = "cancel()";
            let w = p.text_width(text);
            let (x, y) = (x0.min(x1) - 6.0 - w, (y0 + y1) / 2.0);
            let crowded = labels.iter().any(|&(lx, ly, lw)| (x - lx).abs() < w.max(lw) + 4.0 && (y - ly).abs() < 14.0);
            if x > p.g.plot_x && !crowded {
                labels.push((x, y, w));
                ctx.set_fill_style_str(&p.theme.bg);
                ctx.fill_rect(x - 2.0, y - 7.0, w + 4.0, 14.0);
                ctx.set_fill_style_str(p.theme.of(look));
                let _ = ctx.fill_text(text, x, y);
            }
        }
    }
}

/// Outlines the steps `marked` (those at the code line under the pointer), each with the wait
/// that followed it: what ran to that line, and how long the task then waited there.
fn outline_marked(p: &Paint, m: &RunModel, marked: &[usize], now: Micros) {
    let ctx = p.ctx;
    ctx.set_stroke_style_str(p.theme.of(Look::Print));
    ctx.set_line_width(2.0);
    for &k in marked {
        let Some(step) = m.steps.get(k) else { continue };
        let Some(mid) = p.lane_mid(step.task) else { continue };
        let waited = m.lanes.get(step.task.0 as usize).and_then(|lane| wait_after(lane, step, now)).unwrap_or(step.end);
        let (x0, x1) = (p.x(step.start), p.x(waited));
        let h = p.g.row_h - 3.0;
        ctx.stroke_rect(x0 - 1.0, mid - h / 2.0, (x1 - x0).max(3.0) + 2.0, h);
    }
}

/// The picked step (on its lane and on the loop) or log line (on its lane).
fn selection(p: &Paint, m: &RunModel, sel: Selection) {
    let (task, from, to) = match sel {
        Selection::Step(i) => match m.steps.get(i) {
            Some(s) => {
                let (from, to) = s.outlined();
                (s.task, from, to)
            }
            None => return,
        },
        Selection::Log(i) => match m.log.get(i) {
            Some(l) => (l.task, l.time, l.time),
            None => return,
        },
    };
    let (x0, x1) = (p.x(from), p.x(to));
    let w = (x1 - x0).max(3.0);
    let h = p.g.row_h - 2.0;
    let ctx = p.ctx;
    ctx.set_stroke_style_str(&p.theme.accent);
    ctx.set_line_width(2.5);
    if let Some(mid) = p.lane_mid(task) {
        ctx.stroke_rect(x0 - 2.0, mid - h / 2.0, w + 4.0, h);
    }
    if matches!(sel, Selection::Step(_)) {
        ctx.stroke_rect(x0 - 2.0, p.g.row_y(0) + 1.0, w + 4.0, h);
    }
}
