//! The one table of how each state, ending and mark looks: its words, its CSS variable, its
//! colours for the light and the dark theme, its pattern and its glyph. The canvas, the SVG and
//! PNG exports and the legend all read it, so a colour is written once. Colours are Okabe–Ito
//! (distinct for colour-blind readers), and no look is told by colour alone: each has a pattern,
//! a glyph or a shape of its own.

use super::describe::duration;
use super::run::{Ending, RunModel, Segment, State, LATE_THRESHOLD};
use crate::trace::{Recorder, Text, Wait};

/// Everything the timeline draws in a style of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Look {
    Running,
    Ready,
    /// Waiting on a timer, a request, another task…
    Waiting,
    /// Waiting for a semaphore's permit or a lock: the limit, not the work, holds it back.
    WaitingPermit,
    /// A timer fired late because a task held the loop (or tasks kept it busy).
    Late,
    /// A timer fired late while no task ran: the browser was busy.
    LateBrowser,
    /// A coroutine created and never awaited.
    Ghost,
    Done,
    Failed,
    Cancelled,
    Print,
    /// A poll that blocked the loop, outlined on the loop lane.
    Blocked,
    /// Where a `wait_for` timeout fired, and its cancellation travelling to the work.
    Deadline,
    /// An exception travelling to the task that awaited it.
    Raised,
    /// An exception handed back as a value by `return_exceptions=True`.
    Swallowed,
    /// `task.cancel()` travelling to its task.
    CancelLink,
    /// Permits in use, on a semaphore's lane.
    Permits,
    /// Items in a queue, on its lane.
    QueueItems,
    /// The limit line on a permits or queue lane.
    Limit,
    /// The program's top level running before any event loop did (a band on the loop's row).
    Module,
}

/// How a look is filled or drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    Solid,
    /// Light diagonal lines over the colour.
    Hatch,
    /// A light grid over the colour.
    Grid,
    Dots,
    /// Dark diagonal stripes over the colour.
    Stripes,
    /// A dashed outline, no fill.
    Outline,
    /// A vertical line with its glyph.
    Marker,
    /// A line with an arrowhead between two lanes, solid.
    Arrow,
    /// A dashed line with an arrowhead.
    DashedArrow,
    /// A filled step chart.
    Area,
    /// A dashed horizontal line.
    Rule,
    /// The glyph alone.
    Glyph,
}

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub look: Look,
    /// The legend's word or two.
    pub label: &'static str,
    /// What it means, in a sentence fragment (legend tooltip, text alternative).
    pub meaning: &'static str,
    /// The CSS custom property the page can set it with.
    pub var: &'static str,
    pub light: &'static str,
    pub dark: &'static str,
    pub pattern: Pattern,
    pub glyph: Option<&'static str>,
}

impl Style {
    pub fn colour(&self, dark: bool) -> &'static str {
        if dark {
            self.dark
        } else {
            self.light
        }
    }
}

const fn row(
    look: Look,
    label: &'static str,
    meaning: &'static str,
    var: &'static str,
    (light, dark): (&'static str, &'static str),
    pattern: Pattern,
    glyph: Option<&'static str>,
) -> Style {
    Style { look, label, meaning, var, light, dark, pattern, glyph }
}

/// The table, in legend order.
pub static STYLES: &[Style] = &[
    row(
        Look::Running,
        "running",
        "its code holds the thread",
        "--running",
        ("#0072b2", "#3d9be0"),
        Pattern::Solid,
        None,
    ),
    row(
        Look::Ready,
        "ready",
        "ready, waiting for its turn on the loop",
        "--scheduled",
        ("#e69f00", "#e69f00"),
        Pattern::Dots,
        None,
    ),
    row(
        Look::Module,
        "module code",
        "the program's top level, before asyncio.run started the event loop: no loop was running yet",
        "--module",
        ("#b9bec7", "#4a505a"),
        Pattern::Solid,
        None,
    ),
    row(Look::Waiting, "waiting", "suspended at an await", "--waiting", ("#56b4e9", "#56b4e9"), Pattern::Hatch, None),
    row(
        Look::WaitingPermit,
        "waiting for a permit",
        "waiting for a semaphore's permit or a lock, not for its own work",
        "--waiting-permit",
        ("#f0e442", "#d8cb3a"),
        Pattern::Grid,
        None,
    ),
    row(
        Look::Late,
        "late: loop held",
        "its timer was due, but a task held the loop",
        "--late",
        ("#d55e00", "#d55e00"),
        Pattern::Stripes,
        None,
    ),
    row(
        Look::LateBrowser,
        "late: browser busy",
        "its timer was due, but the browser was busy (no task ran)",
        "--late-browser",
        ("#9aa0a6", "#80868b"),
        Pattern::Stripes,
        None,
    ),
    row(
        Look::Ghost,
        "never awaited",
        "a coroutine created and never awaited: it never ran",
        "--ghost",
        ("#7a7a7a", "#9a9a9a"),
        Pattern::Outline,
        Some("◌"),
    ),
    row(Look::Done, "returned", "the task returned", "--done", ("#009e73", "#009e73"), Pattern::Glyph, Some("✓")),
    row(
        Look::Failed,
        "raised",
        "the task raised an exception",
        "--failed",
        ("#b3261e", "#ff6b5e"),
        Pattern::Glyph,
        Some("✗"),
    ),
    row(
        Look::Cancelled,
        "cancelled",
        "the task was cancelled",
        "--cancelled",
        ("#7a7a7a", "#9a9a9a"),
        Pattern::Glyph,
        Some("⊘"),
    ),
    row(Look::Print, "print", "it printed a line", "--print", ("#cc79a7", "#cc79a7"), Pattern::Glyph, Some("▾")),
    row(
        Look::Blocked,
        "blocked the loop",
        "one poll held the thread so long no other task could run",
        "--blocked",
        ("#b3261e", "#ff6b5e"),
        Pattern::Outline,
        None,
    ),
    row(
        Look::Deadline,
        "timeout",
        "a wait_for deadline fired and cancelled the work",
        "--deadline",
        ("#d55e00", "#ff8f4a"),
        Pattern::Marker,
        Some("◷"),
    ),
    row(
        Look::Raised,
        "exception passed on",
        "an exception travelling to the task that awaited it",
        "--link-raised",
        ("#b3261e", "#ff6b5e"),
        Pattern::Arrow,
        None,
    ),
    row(
        Look::Swallowed,
        "exception returned",
        "an exception handed back as a value (return_exceptions=True)",
        "--link-swallowed",
        ("#e69f00", "#e69f00"),
        Pattern::DashedArrow,
        None,
    ),
    row(
        Look::CancelLink,
        "cancel()",
        "a cancellation travelling to its task",
        "--link-cancel",
        ("#5b6270", "#a3aab5"),
        Pattern::DashedArrow,
        None,
    ),
    row(
        Look::Permits,
        "permits in use",
        "how many permits are held",
        "--permits",
        ("#009e73", "#5fd3a8"),
        Pattern::Area,
        None,
    ),
    row(
        Look::QueueItems,
        "items in the queue",
        "how many items wait in the queue",
        "--queue",
        ("#cc79a7", "#d98cbc"),
        Pattern::Area,
        None,
    ),
    row(Look::Limit, "limit", "the most it can hold", "--limit", ("#1c1f24", "#e8eaed"), Pattern::Rule, None),
];

/// The row for `look`.
pub fn style(look: Look) -> &'static Style {
    // Every look has a row (a test checks it): the first row only stands in for a typo.
    STYLES.iter().find(|s| s.look == look).unwrap_or(&STYLES[0])
}

/// How a segment is drawn. Lateness under the run's late threshold is drawn as the wait it extends
/// (a browser's timers are always a little late); waiting for a permit has a look of its own.
pub fn segment_look(m: &RunModel, seg: &Segment) -> Look {
    match seg.state {
        State::Running => Look::Running,
        State::Scheduled => Look::Ready,
        State::Waiting(Wait::Semaphore { .. } | Wait::Lock { .. }) => Look::WaitingPermit,
        State::Waiting(_) => Look::Waiting,
        State::Late => match seg.end_event.and_then(|e| m.late_of(e)) {
            Some(late) if late.lateness() < m.late_threshold() => Look::Waiting,
            Some(late) if matches!(late.cause, super::run::LateCause::Browser { .. }) => Look::LateBrowser,
            _ => Look::Late,
        },
    }
}

pub fn ending_look(ending: &Ending) -> Look {
    match ending {
        Ending::Done { .. } => Look::Done,
        Ending::Failed { .. } => Look::Failed,
        Ending::Cancelled { .. } => Look::Cancelled,
    }
}

/// What the legend shows under its entries: "Lateness under 15 ms is not drawn." A run in
/// slow motion (`m`'s threshold scaled) says that the threshold is real time.
pub fn late_threshold_note(m: Option<&RunModel>) -> String {
    const WHY: &str = "a browser's timers are always a little late";
    match m.map(RunModel::late_threshold).filter(|&t| t != LATE_THRESHOLD) {
        None => format!("Lateness under {} is not drawn: {WHY}.", duration(LATE_THRESHOLD)),
        Some(t) => format!(
            "Lateness under {} is not drawn ({} of real time at this run's speed): {WHY}.",
            duration(t),
            duration(LATE_THRESHOLD)
        ),
    }
}

/// A legend entry's words for this run, (label, meaning): the ✗ of a run Interleave halted,
/// where every task it marks was ended by that halt, reads "stopped by Interleave" (the tasks
/// did not raise).
pub fn legend_label(s: &Style, m: &RunModel, rec: &Recorder, halted: Option<&str>) -> (&'static str, &'static str) {
    let by_halt = |error: Text| halted == Some(rec.resolve(error));
    let failed = || {
        m.lanes.iter().filter_map(|l| match l.ending {
            Some((_, Ending::Failed { error })) => Some(error),
            _ => None,
        })
    };
    if s.look == Look::Failed && halted.is_some() && failed().all(by_halt) {
        ("stopped by Interleave", "Interleave stopped the program (a budget ran out), and the task with it")
    } else {
        (s.label, s.meaning)
    }
}

/// The legend for a run: the looks it uses, in table order (a run with no permits has no
/// permits entry), always with the task states.
pub fn legend(m: &RunModel) -> Vec<&'static Style> {
    // A bit per look: the page asks ten times a second while a run goes, and a big run has
    // hundreds of thousands of segments to look at.
    let mut used = Looks::default();
    used.extend([Look::Running, Look::Ready, Look::Waiting]);
    for lane in &m.lanes {
        used.extend(lane.segments.iter().map(|s| segment_look(m, s)));
        used.extend(lane.ending.as_ref().map(|(_, e)| ending_look(e)));
        if !lane.prints.is_empty() {
            used.insert(Look::Print);
        }
    }
    if !m.never_awaited.is_empty() {
        used.insert(Look::Ghost);
    }
    if m.module_stretch().is_some() {
        used.insert(Look::Module);
    }
    if super::holds::holds(m).next().is_some() {
        used.insert(Look::Blocked);
    }
    if !m.deadlines.is_empty() {
        used.insert(Look::Deadline);
    }
    for link in &m.links {
        used.insert(link_look(link.kind));
    }
    if !m.permits.is_empty() {
        used.extend([Look::Permits, Look::Limit]);
    }
    if !m.queues.is_empty() {
        used.insert(Look::QueueItems);
        if m.queues.iter().any(|q| q.limit > 0) {
            used.insert(Look::Limit);
        }
    }
    STYLES.iter().filter(|s| used.contains(s.look)).collect()
}

/// A set of looks, as bits.
#[derive(Default)]
struct Looks(u32);

impl Looks {
    fn insert(&mut self, look: Look) {
        self.0 |= 1 << look as u32;
    }

    fn contains(&self, look: Look) -> bool {
        self.0 & (1 << look as u32) != 0
    }
}

impl Extend<Look> for Looks {
    fn extend<I: IntoIterator<Item = Look>>(&mut self, looks: I) {
        for look in looks {
            self.insert(look);
        }
    }
}

/// How a connector is drawn.
pub fn link_look(kind: super::run::LinkKind) -> Look {
    use super::run::LinkKind;
    match kind {
        LinkKind::Raised => Look::Raised,
        LinkKind::Swallowed => Look::Swallowed,
        LinkKind::Cancel => Look::CancelLink,
        LinkKind::Timeout => Look::Deadline,
    }
}
