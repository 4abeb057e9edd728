//! The hover tooltip, written as text (never markup) into its own element: what the row under
//! the pointer shows there, in words.

use web_sys::HtmlElement;

use super::paint::Paint;
use super::{turns_axis, Row};
use crate::model::describe::{self, duration, instant, task_name};
use crate::model::layout::{self, row_label, segment_at, step_at};
use crate::model::viewport::Axis;
use crate::model::RunModel;
use crate::session::Session;
use crate::trace::{Micros, Recorder};

pub fn update(tip: &HtmlElement, p: &Paint, hover: Option<(f64, f64)>, s: &Session, kept: Option<&Session>) {
    let text = hover.filter(|&(x, y)| x >= p.g.plot_x && y >= p.g.axis_h).and_then(|(x, y)| {
        let text = match p.view.axis {
            Axis::Turns => turns_axis::tip(p, s.model(), &s.trace(), x, y),
            Axis::Time => time_text(p, s, kept, x, y),
        };
        text.map(|t| (x, y, t))
    });
    let Some((x, y, text)) = text else {
        let _ = tip.set_attribute("hidden", "");
        return;
    };
    tip.set_text_content(Some(&text));
    let _ = tip.remove_attribute("hidden");
    let style = tip.style();
    let _ = style.set_property("left", &format!("{}px", (x + 14.0).min(p.g.width - 260.0).max(0.0)));
    let _ = style.set_property("top", &format!("{}px", y + 14.0));
}

/// The tooltip on the time axis at pixel (`x`, `y`).
fn time_text(p: &Paint, s: &Session, kept: Option<&Session>, x: f64, y: f64) -> Option<String> {
    let t = p.time(x);
    let index = ((y - p.g.axis_h) / p.g.row_h) as usize;
    if index == 0 {
        return Some(match step_at(s.model(), t) {
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
            None => match s.model().module_stretch() {
                Some((_, end)) if t < end => describe::module_band_title(s.model()),
                _ => format!("event loop · idle at {}\nno task holds the thread", instant(t)),
            },
        });
    }
    let row = *p.rows.get(p.view.first_row + index - 1)?;
    if let Some(text) = lesson_tip(s.model(), &s.trace(), row, t) {
        return Some(text);
    }
    let (model, rec, id, now) = match row {
        Row::Lane(id) => {
            if let Some(cut) = s.recording_cut().filter(|&cut| t > cut) {
                let name = task_name(s.model(), id);
                return Some(format!(
                    "{name}
not recorded at {}: the recorder was full from {}",
                    instant(t),
                    instant(cut)
                ));
            }
            (s.model(), s.trace(), id, s.recorded_to())
        }
        Row::KeptLane(id) => {
            let k = kept?;
            (k.model(), k.trace(), id, k.model().span())
        }
        _ => return None,
    };
    let lane = model.lanes.get(id.0 as usize)?;
    let summary = format!("{} polls, {} running", lane.polls, duration(lane.busy));
    Some(match segment_at(lane, t, now) {
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
    })
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
