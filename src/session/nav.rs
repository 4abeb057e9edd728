//! The run part of a page's state, as a reducer: the current run, the run kept for comparison,
//! and where the page stands in the recording (the scrub cursor, the picked step or log line).
//! Every change goes through [`RunState::apply`] with an [`Action`], so the rules — how Next
//! replays the recording before it steps the run, what Back shows, what scrubbing to the end
//! means — are tested natively (`tests/session.rs`), and the view only dispatches.

use std::cell::RefCell;
use std::rc::Rc;

use super::lines::Upto;
use super::Session;
use crate::model::RunModel;
use crate::trace::Micros;

/// A run as the page holds it: shared by the state, the frame loop and the canvas.
pub type Shared = Rc<RefCell<Session>>;

/// What the user picked in the step list, the log or on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    Step(usize),
    Log(usize),
}

/// Where the panels stand in the recorded run: at the scrub cursor's time, or, when a step or
/// a log line is picked, just after it (several steps can share one instant, most of all on
/// the virtual clock, so a pick is finer than a time). Both `None`: the live end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct At {
    pub time: Option<Micros>,
    pub selection: Option<Selection>,
}

impl At {
    /// The first event not shown, when a step or log line is picked.
    pub fn event_bound(&self, m: &RunModel) -> Option<usize> {
        match self.selection? {
            Selection::Step(i) => Some(m.steps.get(i + 1).map_or(usize::MAX, |s| s.event)),
            Selection::Log(j) => m.log.get(j).map(|l| l.event + 1),
        }
    }

    /// The time shown (the end of the recording when none is set).
    pub fn time(&self) -> Micros {
        self.time.unwrap_or(Micros::MAX)
    }

    /// How many steps had started.
    pub fn steps(&self, m: &RunModel) -> usize {
        match self.event_bound(m) {
            Some(bound) => m.steps.partition_point(|s| s.event < bound),
            None => m.steps_until(self.time()),
        }
    }

    /// How many log lines had been written.
    pub fn log(&self, m: &RunModel) -> usize {
        match self.event_bound(m) {
            Some(bound) => m.log.partition_point(|l| l.event < bound),
            None => m.log.partition_point(|l| l.time <= self.time()),
        }
    }

    /// The same bound, for the source lines.
    pub fn upto(&self, m: &RunModel) -> Upto {
        match self.event_bound(m) {
            Some(bound) => Upto::Event(bound),
            None => Upto::Time(self.time()),
        }
    }

    /// Showing the run as it was before its (current) end.
    pub fn replaying(&self, m: &RunModel) -> bool {
        self.time.is_some_and(|c| c < m.span()) || self.steps(m) < m.steps.len()
    }
}

/// Everything that changes the run part of a page.
pub enum Action {
    /// Replaces the current run with this one (dropping the old one stops it).
    Run(Shared),
    Stop,
    /// Step mode: the next step of the recording, or, at its end, one more task resume.
    Next,
    /// The step before the one shown.
    Back,
    /// Step mode: run the rest at once.
    ToEnd,
    Select(Selection),
    /// The scrub slider: a time, or its end (follow the run live).
    Scrub(Micros),
    /// Keep the current run for comparison: it stays shown (its output, steps and summary)
    /// until the next run, which is drawn and compared against it.
    Keep,
    DropKept,
    /// The run recorded more: read it.
    Refresh,
}

/// The run part of a page's state.
#[derive(Clone, Default)]
pub struct RunState {
    pub current: Option<Shared>,
    /// The run kept for comparison: the current run itself until the next one starts.
    pub kept: Option<Shared>,
    pub at: At,
    /// Runs started on this page (numbers their labels).
    pub runs: u32,
    /// Changes with every action, so a render can tell the state moved even when only the
    /// run inside it did.
    pub version: u64,
}

impl PartialEq for RunState {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

impl RunState {
    /// Whether the current run is the one kept (Keep was pressed, no run since).
    pub fn current_is_kept(&self) -> bool {
        matches!((&self.current, &self.kept), (Some(c), Some(k)) if Rc::ptr_eq(c, k))
    }

    /// The kept run, when it is another run than the current one: the one to compare with.
    pub fn kept_other(&self) -> Option<&Shared> {
        self.kept.as_ref().filter(|_| !self.current_is_kept())
    }

    /// The state after `action`.
    pub fn apply(&self, action: Action) -> RunState {
        let mut next = self.clone();
        next.version += 1;
        match action {
            Action::Run(run) => {
                next.runs += 1;
                run.borrow_mut().number = next.runs;
                next.current = Some(run);
                next.at = At::default();
            }
            Action::Stop => {
                if let Some(s) = &next.current {
                    s.borrow_mut().stop();
                }
            }
            Action::Next => {
                if let Some(s) = &next.current {
                    next.at = next_step(&mut s.borrow_mut(), next.at);
                }
            }
            Action::Back => {
                if let Some(s) = &next.current {
                    let s = s.borrow();
                    let m = s.model();
                    let current = match next.at.selection {
                        Some(Selection::Step(i)) => i,
                        _ => next.at.steps(m),
                    };
                    let back = current.saturating_sub(1);
                    if back < m.steps.len() {
                        next.at =
                            At { time: m.steps.get(back).map(|st| st.start), selection: Some(Selection::Step(back)) };
                    }
                }
            }
            Action::ToEnd => {
                if let Some(s) = &next.current {
                    s.borrow_mut().run_to_end();
                }
                next.at = At::default();
            }
            Action::Select(sel) => {
                if let Some(s) = &next.current {
                    let s = s.borrow();
                    let m = s.model();
                    let time = match sel {
                        Selection::Step(i) => m.steps.get(i).map(|st| st.start),
                        Selection::Log(i) => m.log.get(i).map(|l| l.time),
                    };
                    if time.is_some() {
                        next.at = At { time, selection: Some(sel) };
                    }
                }
            }
            Action::Scrub(t) => {
                let span = next.current.as_ref().map_or(0, |s| s.borrow().model().span());
                // Within a millisecond of the end is the end: follow the run live.
                next.at = At { time: (t.saturating_add(1000) < span).then_some(t), selection: None };
            }
            Action::Keep => next.kept = next.current.clone(),
            Action::DropKept => next.kept = None,
            Action::Refresh => {
                if let Some(s) = &next.current {
                    s.borrow_mut().refresh();
                }
            }
        }
        next
    }

    /// Step mode: the current run goes one task resume at a time.
    pub fn stepping(&self) -> bool {
        self.current.as_ref().is_some_and(|s| s.borrow().stepping())
    }
}

/// Next: forward through what is recorded, then (in step mode) one more resume. The last step
/// is shown as the live end (no cursor), so the timeline follows the run.
fn next_step(s: &mut Session, at: At) -> At {
    let shown = match at.selection {
        Some(Selection::Step(i)) => Some(i),
        _ if at.time.is_some() => at.steps(s.model()).checked_sub(1),
        _ => None,
    };
    let steps = s.model().steps.len();
    let next = match shown {
        Some(i) if i + 1 < steps => i + 1,
        _ if s.stepping() && s.running() => {
            s.step();
            s.model().steps.len().saturating_sub(1)
        }
        _ => return at,
    };
    let m = s.model();
    let last = next + 1 >= m.steps.len();
    At { time: if last { None } else { m.steps.get(next).map(|st| st.start) }, selection: Some(Selection::Step(next)) }
}
