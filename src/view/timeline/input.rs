//! Input on the canvas — wheel, mouse drag, keys, one-finger pan and two-finger pinch — routed
//! to the model's viewport (whose rules are pure and tested natively), and what a click or tap
//! picks.

use web_sys::HtmlCanvasElement;

use super::{Row, Timeline};
use crate::model::layout::step_at;
use crate::model::turns::TurnAxis;
use crate::model::viewport::{self as mv, hit, swipe, Axis, Hit, Pinch, Swipe, WheelAction};
use crate::session::{Selection, Session};

/// One input, at canvas-relative CSS pixels.
pub enum Input {
    Wheel {
        x: f64,
        dx: f64,
        dy: f64,
        zoom: bool,
        pan: bool,
    },
    Down {
        x: f64,
        y: f64,
    },
    Move {
        x: f64,
        y: f64,
    },
    Up,
    Leave,
    Key(String),
    /// Fingers on the canvas after a touch started or moved.
    Touch(Vec<(f64, f64)>),
    /// The fingers still down after one lifted (or the touch was cancelled: none).
    TouchEnd(Vec<(f64, f64)>),
}

/// What a gesture in progress started from.
#[derive(Clone, Copy, Default)]
pub enum Gesture {
    #[default]
    None,
    /// A mouse press at (x, y) with the window and first row then.
    Drag {
        x: f64,
        y: f64,
        window: (f64, f64),
        first_row: usize,
    },
    /// One finger down at (x, y); a pan once it moves sideways, the page's once it moves up or
    /// down.
    Finger {
        x: f64,
        y: f64,
        window: (f64, f64),
        swipe: Swipe,
    },
    Pinch(Pinch),
}

/// What an input did: whether the timeline took it (redraw, and keep it from the page), and a
/// click or tap (a press and release without moving), at its point.
pub struct Handled {
    pub redraw: bool,
    pub click: Option<(f64, f64)>,
}

impl From<bool> for Handled {
    fn from(redraw: bool) -> Self {
        Handled { redraw, click: None }
    }
}

/// The geometry input is read against: the last drawing's, or a fresh one before any.
fn geometry(t: &Timeline, canvas: &HtmlCanvasElement) -> mv::Geometry {
    t.drawn.map_or_else(|| mv::Geometry::new(canvas.client_width().max(200) as f64, t.presentation), |(g, _)| g)
}

pub fn handle(t: &mut Timeline, canvas: &HtmlCanvasElement, input: Input) -> Handled {
    let g = geometry(t, canvas);
    let total = t.rows.len();
    let shown = t.drawn.map_or(g.max_rows, |(_, shown)| shown);
    let v = &mut t.view;
    match input {
        Input::Wheel { x, dx, dy, zoom, pan } => {
            let hidden_below = v.first_row + shown < total;
            match mv::wheel_action(zoom, pan, dx, dy, v.first_row > 0, hidden_below) {
                WheelAction::Zoom(factor) => v.zoom(factor, Some(v.pos(&g, x))),
                WheelAction::Pan(fraction) => v.pan(fraction),
                WheelAction::Rows(by) => v.scroll_rows(by, total, shown),
                // Not taken: the page scrolls.
                WheelAction::Page => return false.into(),
            }
            true.into()
        }
        Input::Down { x, y } => {
            t.gesture = Gesture::Drag { x, y, window: (v.from, v.to), first_row: v.first_row };
            false.into()
        }
        Input::Move { x, y } => {
            t.hover = Some((x, y));
            if let Gesture::Drag { x: x0, y: y0, window, first_row } = t.gesture {
                v.drag(&g, window, x - x0);
                v.first_row = first_row;
                v.scroll_rows(((y0 - y) / g.row_h) as i64, total, shown);
            }
            true.into()
        }
        Input::Up => {
            let click = match (t.gesture, t.hover) {
                (Gesture::Drag { x, y, .. }, Some((hx, hy))) if (hx - x).abs() < 4.0 && (hy - y).abs() < 4.0 => {
                    Some((x, y))
                }
                (Gesture::Drag { x, y, .. }, None) => Some((x, y)),
                _ => None,
            };
            t.gesture = Gesture::None;
            Handled { redraw: false, click }
        }
        Input::Leave => {
            t.gesture = Gesture::None;
            t.hover = None;
            true.into()
        }
        Input::Touch(points) => match (points.as_slice(), t.gesture) {
            (&[(x, y)], Gesture::Finger { x: x0, y: y0, window, swipe: decided }) => {
                let now = if decided == Swipe::Undecided { swipe(x - x0, y - y0) } else { decided };
                t.gesture = Gesture::Finger { x: x0, y: y0, window, swipe: now };
                if now == Swipe::Pan {
                    v.drag(&g, window, x - x0);
                    return true.into();
                }
                false.into()
            }
            (&[(x, y)], _) => {
                t.hover = None;
                t.gesture = Gesture::Finger { x, y, window: (v.from, v.to), swipe: Swipe::Undecided };
                false.into()
            }
            (&[(x1, _), (x2, _), ..], Gesture::Pinch(p)) => {
                v.pinch(&g, &p, x1, x2);
                true.into()
            }
            (&[(x1, _), (x2, _), ..], _) => {
                t.gesture = Gesture::Pinch(Pinch { x1, x2, from: v.from, to: v.to });
                true.into()
            }
            _ => false.into(),
        },
        Input::TouchEnd(left) => {
            let tap = match t.gesture {
                Gesture::Finger { x, y, swipe: Swipe::Undecided, .. } if left.is_empty() => Some((x, y)),
                _ => None,
            };
            // A finger left after a pinch pans from where it is.
            t.gesture = match left.as_slice() {
                &[(x, y)] => Gesture::Finger { x, y, window: (v.from, v.to), swipe: Swipe::Pan },
                _ => Gesture::None,
            };
            Handled { redraw: false, click: tap }
        }
        Input::Key(key) => {
            match key.as_str() {
                "+" | "=" | "w" | "W" => v.zoom(0.8, None),
                "-" | "_" | "s" | "S" => v.zoom(1.25, None),
                "ArrowLeft" | "a" | "A" => v.pan(-0.1),
                "ArrowRight" | "d" | "D" => v.pan(0.1),
                "ArrowUp" => v.scroll_rows(-1, total, shown),
                "ArrowDown" => v.scroll_rows(1, total, shown),
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
pub fn pick(t: &Timeline, canvas: &HtmlCanvasElement, s: &Session, x: f64, y: f64) -> Option<Selection> {
    let g = geometry(t, canvas);
    let m = s.model();
    let (row, pos) = match hit(&g, &t.view, t.rows.len(), x, y) {
        Hit::Loop(pos) => (None, pos),
        Hit::Row(i, pos) => (Some(*t.rows.get(i)?), pos),
        Hit::Axis(_) | Hit::Nothing => return None,
    };
    let id = match row {
        None => None,
        Some(Row::Lane(id)) => Some(id),
        Some(_) => return None,
    };
    match t.view.axis {
        Axis::Turns => {
            let axis = TurnAxis::new(m);
            let Some(id) = id else { return axis.step_at(pos).map(Selection::Step) };
            let upto = axis.turn_at(pos).and_then(|k| m.turns.get(k + 1)).map_or(m.steps.len(), |t| t.first_step);
            (0..upto).rev().find(|&i| m.steps[i].task == id && axis.step_span(i).0 <= pos).map(Selection::Step)
        }
        Axis::Time => {
            let time = pos.max(0.0) as crate::trace::Micros;
            let Some(id) = id else { return step_at(m, time).map(Selection::Step) };
            let started = m.steps.partition_point(|st| st.start <= time);
            (0..started).rev().find(|&i| m.steps[i].task == id).map(Selection::Step)
        }
    }
}
