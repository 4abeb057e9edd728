//! Where things go on the timeline, independent of pixels: the order of lanes (each task under
//! its parent), which segments fall in a time window, axis ticks, and what is under a point.
//! The canvas, the SVG export and the tests all use these.

use super::run::{Lane, RunModel, Segment, Series, State, Step};
use crate::trace::{Micros, Recorder, TaskId, Wait};

/// Lanes in display order: depth-first from the main task, children in spawn order. A task's
/// parent always spawned before it, so one pass builds the tree.
pub fn lane_order(m: &RunModel) -> Vec<TaskId> {
    let n = m.lanes.len();
    let mut children: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for lane in &m.lanes {
        match lane.parent.filter(|p| (p.0 as usize) < n) {
            Some(p) => children[p.0 as usize].push(lane.id.0),
            None => roots.push(lane.id.0),
        }
    }
    let mut order = Vec::with_capacity(n);
    let mut stack: Vec<u32> = roots.into_iter().rev().collect();
    while let Some(id) = stack.pop() {
        order.push(TaskId(id));
        stack.extend(children[id as usize].iter().rev());
    }
    order
}

/// A row of the timeline under the event loop's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// The ready queue: who is waiting for a turn, in order (per column on the turns axis).
    Ready,
    /// Permits in use of [`RunModel::permits`]`[i]`, on a 0–limit scale.
    Permits(usize),
    /// Items in [`RunModel::queues`]`[i]`.
    Queue(usize),
    Task(TaskId),
    /// [`RunModel::never_awaited`]`[i]`, under the task that created it.
    Ghost(usize),
}

/// Every row in display order: the ready queue (when asked for), the lesson lanes (permits,
/// queues: they belong to the whole loop), then the tasks as [`lane_order`] has them, each
/// followed by the coroutines it created and never awaited.
pub fn rows(m: &RunModel, with_ready: bool) -> Vec<Row> {
    let mut rows = Vec::with_capacity(m.lanes.len() + m.permits.len() + m.queues.len() + m.never_awaited.len() + 1);
    if with_ready {
        rows.push(Row::Ready);
    }
    rows.extend((0..m.permits.len()).map(Row::Permits));
    rows.extend((0..m.queues.len()).map(Row::Queue));
    let mut ghosts: Vec<(TaskId, usize)> = m.never_awaited.iter().enumerate().map(|(i, g)| (g.task, i)).collect();
    ghosts.sort_by_key(|&(task, i)| (task, i));
    for id in lane_order(m) {
        rows.push(Row::Task(id));
        let first = ghosts.partition_point(|&(t, _)| t < id);
        rows.extend(ghosts[first..].iter().take_while(|&&(t, _)| t == id).map(|&(_, i)| Row::Ghost(i)));
    }
    // Ghosts made outside any task (a script's module level) go last.
    let outside = ghosts.iter().filter(|&&(t, _)| m.lanes.get(t.0 as usize).is_none());
    rows.extend(outside.map(|&(_, i)| Row::Ghost(i)));
    rows
}

/// A row's label: the task's name, "semaphore: permits in use (limit 3)", "queue: items
/// (maxsize 2)", "save (never awaited)", "ready queue".
pub fn row_label(m: &RunModel, rec: &Recorder, row: Row) -> String {
    match row {
        Row::Ready => "ready queue".into(),
        Row::Permits(i) => m.permits.get(i).map_or_else(String::new, |s| {
            let limit = if s.limit > 0 { format!(" (limit {})", s.limit) } else { String::new() };
            format!("{}: permits in use{limit}", rec.resolve(s.what))
        }),
        Row::Queue(i) => m.queues.get(i).map_or_else(String::new, |s| {
            let limit = if s.limit > 0 { format!(" (maxsize {})", s.limit) } else { String::new() };
            format!("{}: items{limit}", rec.resolve(s.what))
        }),
        Row::Task(id) => m.lanes.get(id.0 as usize).map_or_else(String::new, |l| l.name.clone()),
        Row::Ghost(i) => {
            m.never_awaited.get(i).map_or_else(String::new, |g| format!("{} (never awaited)", rec.resolve(g.name)))
        }
    }
}

/// The top of a series' scale: its limit, or the highest it reached when it has none.
pub fn series_scale(s: &Series) -> u32 {
    s.limit.max(s.peak()).max(1)
}

/// The segments of `lane` that overlap `[from, to]` (an open segment lasts until `now`).
pub fn segments_in(lane: &Lane, from: Micros, to: Micros, now: Micros) -> &[Segment] {
    let segs = &lane.segments;
    // Segments are in time order and follow each other: find the first that ends after `from`.
    let first = segs.partition_point(|s| s.end.unwrap_or(now) < from);
    let last = segs.partition_point(|s| s.start <= to);
    if first >= last {
        &[]
    } else {
        &segs[first..last]
    }
}

/// Axis ticks for a window: a "nice" step (1, 2 or 5 × 10ⁿ µs) giving at most `max_ticks`.
pub fn ticks(from: Micros, to: Micros, max_ticks: u32) -> (Micros, Vec<Micros>) {
    let span = to.saturating_sub(from).max(1);
    let raw = span / max_ticks.max(1) as u64;
    let mut step = 1;
    'outer: for p in 0..20 {
        for m in [1, 2, 5] {
            step = m * 10u64.pow(p);
            if step >= raw {
                break 'outer;
            }
        }
    }
    let first = from.div_ceil(step) * step;
    let marks = (0..).map(|i| first + i * step).take_while(|&t| t <= to).collect();
    (step, marks)
}

/// A tick label: "0", "250 ms", "1.5 s".
pub fn tick_label(t: Micros, step: Micros) -> String {
    if t == 0 {
        "0".into()
    } else if step >= 100_000 {
        let s = t as f64 / 1e6;
        if s.fract() == 0.0 {
            format!("{s:.0} s")
        } else {
            format!("{s} s")
        }
    } else if step >= 1_000 {
        format!("{} ms", t / 1_000)
    } else {
        format!("{t} µs")
    }
}

/// The segment of `lane` at time `t`, for hovering.
pub fn segment_at(lane: &Lane, t: Micros, now: Micros) -> Option<&Segment> {
    let i = lane.segments.partition_point(|s| s.start <= t).checked_sub(1)?;
    let seg = &lane.segments[i];
    (t <= seg.end.unwrap_or(now)).then_some(seg)
}

/// When the wait `step` ended in was over (`now` if it goes on), `None` if the step began no
/// wait. A wait on several things runs on through the parts its count of pending splits it
/// into.
pub fn wait_after(lane: &Lane, step: &Step, now: Micros) -> Option<Micros> {
    let i = lane.segments.partition_point(|s| s.start_event < step.end_event);
    let first =
        lane.segments.get(i).filter(|s| s.start_event == step.end_event && matches!(s.state, State::Waiting(_)))?;
    let mut end = first.end;
    if let State::Waiting(Wait::Many { what, .. }) = first.state {
        for seg in &lane.segments[i + 1..] {
            match seg.state {
                State::Waiting(Wait::Many { what: w, .. }) if w == what && Some(seg.start) == end => end = seg.end,
                _ => break,
            }
        }
    }
    Some(end.unwrap_or(now))
}

/// Index of the step (poll) running at `t`, if the thread was busy then.
pub fn step_at(m: &RunModel, t: Micros) -> Option<usize> {
    let i = m.steps.partition_point(|s| s.start <= t).checked_sub(1)?;
    let s = &m.steps[i];
    (t <= s.end).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{EventKind, Wait};

    #[test]
    fn children_are_shown_under_their_parent() {
        let mut rec = Recorder::default();
        let name = rec.text("t");
        let spawn = |parent: Option<u32>| EventKind::Spawn { parent: parent.map(TaskId), name };
        // main(0) spawns A(1) and B(2); A spawns C(3); B spawns D(4); main spawns E(5).
        for (i, p) in [None, Some(0), Some(0), Some(1), Some(2), Some(0)].into_iter().enumerate() {
            rec.record(0, TaskId(i as u32), spawn(p));
        }
        let mut m = RunModel::default();
        m.ingest(&rec);
        let order: Vec<u32> = lane_order(&m).into_iter().map(|t| t.0).collect();
        assert_eq!(order, vec![0, 1, 3, 2, 4, 5]);
        assert_eq!(m.lanes[3].depth, 2);
    }

    #[test]
    fn a_window_picks_only_overlapping_segments() {
        let mut rec = Recorder::default();
        let name = rec.text("main");
        let events = [
            (0, EventKind::Spawn { parent: None, name }),
            (0, EventKind::PollStart),
            (10, EventKind::PollEnd { wait: Some(Wait::Timer { due: 100, dur: 90, whole: false }) }),
            (100, EventKind::Wake { cause: crate::trace::WakeCause::Timer { due: 100 } }),
            (100, EventKind::PollStart),
            (120, EventKind::PollEnd { wait: None }),
        ];
        for (t, kind) in events {
            rec.record(t, TaskId(0), kind);
        }
        let mut m = RunModel::default();
        m.ingest(&rec);
        let lane = &m.lanes[0];
        let states =
            |from, to| segments_in(lane, from, to, 120).iter().map(|s| format!("{:?}", s.state)).collect::<Vec<_>>();
        assert_eq!(states(20, 90), vec!["Waiting(Timer { due: 100, dur: 90, whole: false })"]);
        assert_eq!(states(105, 110), vec!["Running"]);
        assert_eq!(states(500, 600), Vec::<String>::new());
        assert_eq!(segment_at(lane, 50, 120).map(|s| s.start), Some(10));
        assert_eq!(step_at(&m, 5), Some(0));
        assert_eq!(step_at(&m, 50), None);
    }

    #[test]
    fn ticks_are_round_numbers() {
        let (step, marks) = ticks(0, 1_000_000, 5);
        assert_eq!(step, 200_000);
        assert_eq!(marks, vec![0, 200_000, 400_000, 600_000, 800_000, 1_000_000]);
        assert_eq!(tick_label(1_500_000, 500_000), "1.5 s");
        assert_eq!(tick_label(250_000, 50_000), "250 ms");
    }
}
