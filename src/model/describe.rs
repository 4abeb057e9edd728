//! Words for what the model holds: durations, waits, steps and log lines, as a learner reads
//! them ("B runs until sleep(0.5)").

use super::run::{Ending, Late, LateCause, LogKind, LogLine, RunModel, Segment, State, Step};
use crate::trace::{CancelledBy, Micros, Recorder, TaskId, Wait};

/// A duration for people: "1.50 s", "12.3 ms", "850 µs".
pub fn duration(us: Micros) -> String {
    if us >= 1_000_000 {
        format!("{:.2} s", us as f64 / 1e6)
    } else if us >= 10_000 {
        format!("{:.0} ms", us as f64 / 1e3)
    } else if us >= 1_000 {
        format!("{:.1} ms", us as f64 / 1e3)
    } else {
        format!("{us} µs")
    }
}

/// What a summary must say when the recorder dropped events: its figures cover only the
/// recorded part (`recorded` long, a lower bound for the run's length). `None` when nothing
/// was dropped.
pub fn recording_cut(recorded: Micros, dropped: u64) -> Option<String> {
    (dropped > 0).then(|| {
        format!(
            "The recorder was full after the run's first {} and dropped the {dropped} events that came later, so the run took at least that long; its end and the figures after that point are not known.",
            duration(recorded),
        )
    })
}

/// A point in time on the run's clock: "1.500 s".
pub fn instant(us: Micros) -> String {
    format!("{:.3} s", us as f64 / 1e6)
}

/// Seconds as Python code writes them, to at most 3 decimals: 1.0, 0.5, 0.25, 2.547.
pub fn py_secs(us: Micros) -> String {
    let s = (us as f64 / 1e3).round() / 1e3;
    if s.fract() == 0.0 {
        format!("{s:.1}")
    } else {
        format!("{s}")
    }
}

pub fn task_name(m: &RunModel, id: TaskId) -> &str {
    m.lanes.get(id.0 as usize).map_or("?", |l| l.name.as_str())
}

/// What a task waits on, as code: `sleep(1.0)`, `queue.get()`, `await fetch_data()`.
pub fn wait(w: &Wait, m: &RunModel, rec: &Recorder) -> String {
    match *w {
        Wait::Timer { dur, whole: true, .. } => format!("sleep({})", dur / 1_000_000),
        Wait::Timer { dur, .. } => format!("sleep({})", py_secs(dur)),
        Wait::Yield => "sleep(0)".into(),
        Wait::Fetch { url } => format!("fetch {}", rec.resolve(url)),
        Wait::QueueGet { queue } => format!("{}.get()", rec.resolve(queue)),
        Wait::QueuePut { queue } => format!("{}.put() (full)", rec.resolve(queue)),
        Wait::QueueJoin { queue } => format!("{}.join()", rec.resolve(queue)),
        Wait::Semaphore { name } | Wait::Lock { name } => {
            format!("{}.acquire()", rec.resolve(name))
        }
        Wait::Event { name } => format!("{}.wait()", rec.resolve(name)),
        Wait::Join { task } => format!("await {}", task_name(m, task)),
        Wait::Many { what, pending } => format!("{} ({pending} left)", rec.resolve(what)),
        Wait::Worker { job } => format!("to_thread {}", rec.resolve(job)),
        Wait::Future => "a future".into(),
        Wait::Unknown => "an outside future".into(),
    }
}

/// The kind of wait, in a word or two (legend, hover).
pub fn wait_kind(w: &Wait) -> &'static str {
    match w {
        Wait::Timer { .. } => "timer",
        Wait::Yield => "yield",
        Wait::Fetch { .. } => "fetch",
        Wait::QueueGet { .. } => "queue get",
        Wait::QueuePut { .. } => "queue put",
        Wait::QueueJoin { .. } => "queue join",
        Wait::Semaphore { .. } => "semaphore",
        Wait::Lock { .. } => "lock",
        Wait::Event { .. } => "event",
        Wait::Join { .. } | Wait::Many { .. } => "join",
        Wait::Worker { .. } => "worker",
        Wait::Future | Wait::Unknown => "other",
    }
}

/// "B runs until sleep(0.5)" / "B runs to the end: returns 'B done'".
pub fn step(s: &Step, m: &RunModel, rec: &Recorder) -> String {
    let name = task_name(m, s.task);
    match &s.until {
        Some(w) => format!("{name} runs until {}", wait(w, m, rec)),
        None => match m.lanes.get(s.task.0 as usize).and_then(|l| l.ending.as_ref()) {
            Some((_, Ending::Done { value })) => {
                format!("{name} runs to the end, returns {}", rec.resolve(*value))
            }
            Some((_, Ending::Failed { error })) => {
                format!("{name} runs and raises {}", rec.resolve(*error))
            }
            _ => format!("{name} runs"),
        },
    }
}

pub fn cancelled_by(by: &CancelledBy, m: &RunModel) -> String {
    match by {
        CancelledBy::Task(t) => format!("by {}", task_name(m, *t)),
        CancelledBy::Timeout(t) => format!("by a timeout in {}", task_name(m, *t)),
        CancelledBy::Stop => "by Stop".into(),
        CancelledBy::RunEnd => "because the run ended".into(),
        CancelledBy::Propagated => "because what it awaited was cancelled".into(),
    }
}

/// The text of a log line (its time and task are shown beside it).
pub fn log_line(l: &LogLine, m: &RunModel, rec: &Recorder) -> String {
    match &l.kind {
        LogKind::Print(t) => rec.resolve(*t).to_string(),
        LogKind::Spawned => "task created".into(),
        LogKind::Done(v) => format!("returned {}", rec.resolve(*v)),
        LogKind::Failed(e) => format!("raised {}", rec.resolve(*e)),
        LogKind::CancelRequested(by) => format!("cancel() requested {}", cancelled_by(by, m)),
        LogKind::Cancelled(by) => format!("cancelled {}", cancelled_by(by, m)),
        // At the top level before asyncio.run there is no loop to block: nothing waits yet.
        LogKind::Blocked(d, call) if m.before_loop(l.task, l.time) => {
            format!("{} held the program for {} (no event loop was running yet)", call.name(), duration(*d))
        }
        LogKind::Blocked(d, _) => format!("blocked the whole loop for {}", duration(*d)),
        LogKind::NeverAwaited(n) => format!("RuntimeWarning: coroutine '{}' was never awaited", rec.resolve(*n)),
        LogKind::Stuck => "every task is waiting and nothing can wake one: asyncio would hang here".into(),
        LogKind::RunEnd => "run ended".into(),
    }
}

/// The module code's band on the event loop's row: what ran before any loop did.
pub fn module_band(m: &RunModel) -> &'static str {
    if m.loop_from.is_some() {
        "module code (before asyncio.run)"
    } else {
        "module code (no event loop ran)"
    }
}

/// What the module code's band is, in full (its tooltip and the SVG's title).
pub fn module_band_title(m: &RunModel) -> String {
    match m.module_stretch() {
        Some((_, end)) if m.loop_from.is_some() => format!(
            "module code: the program's top level ran for {} before asyncio.run started the event loop; no loop was running yet, so no task could run or wait",
            duration(end)
        ),
        Some((_, end)) => format!("module code: the program's top level ran for {} and never started an event loop", duration(end)),
        None => String::new(),
    }
}

/// `text` in at most `max` characters, cut in the middle with an ellipsis, so labels that
/// differ at the end stay tellable apart: `fetch_in_time('static/da…ms/3.json')`. A third of
/// what is kept comes from the end.
pub fn cut_middle(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    let keep = max.saturating_sub(1);
    let tail = keep / 3;
    let head = keep - tail;
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    out
}

/// The longest middle cut of `text` that `fits` (say, that measures within a label's pixels).
pub fn cut_middle_to_fit(text: &str, fits: impl Fn(&str) -> bool) -> String {
    if fits(text) {
        return text.to_string();
    }
    cut_middle(text, largest(0, text.chars().count(), |n| fits(&cut_middle(text, n))))
}

/// The largest `n` in `lo..=hi` for which `ok(n)` holds, given that it holds for `lo` and, once
/// false, stays false for larger `n` (a binary search).
fn largest(mut lo: usize, mut hi: usize, ok: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if ok(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// A lane's label fitted to its room: a call's arguments are cut before its name, object reprs
/// (`<Semaphore …>`) first and then every argument to the same length, each in its middle, so
/// `ask_with_retry('prompt 7', <asyncio.locks.Semaphore object …>)` keeps `'prompt 7'` where a
/// cut of the whole label would keep only what the lanes share. Where that leaves the arguments
/// too little (a phone), the name stays whole while each argument keeps the tail that tells it
/// apart (`worker(…ker-0')`, never `wor…(…er-0')`), and gives way only when even that does not
/// fit. Anything else is cut in the middle as a whole.
pub fn fit_label(text: &str, fits: impl Fn(&str) -> bool) -> String {
    if fits(text) {
        return text.to_string();
    }
    if let Some((name, args)) = call_parts(text) {
        let object = |a: &str| a.starts_with('<') && a.len() > 3;
        let with = |max: usize| {
            let cut: Vec<String> =
                args.iter().map(|a| if object(a) { "<…>".into() } else { cut_keeping_end(a, max) }).collect();
            format!("{name}({})", cut.join(", "))
        };
        let longest = args.iter().filter(|a| !object(a)).map(|a| a.chars().count()).max().unwrap_or(0);
        if longest == 0 {
            // Nothing but objects to tell the lanes apart: the name is what does, so it is
            // cut in its middle (`background…ob()`), never to its first letters.
            let bare = format!("{name}()");
            return match with(0) {
                objects if fits(&objects) => objects,
                _ if fits(&bare) => bare,
                _ => cut_middle_to_fit(&bare, fits),
            };
        }
        // Where the whole call does not fit, the objects go, then the name gives way to its start
        // (`ask…('prompt 7')`): the arguments are what tell neighbouring lanes apart.
        let without_objects = |head: &str, max: usize| {
            let cut: Vec<String> = args.iter().filter(|a| !object(a)).map(|a| only_the_end(a, max)).collect();
            format!("{head}({})", cut.join(", "))
        };
        let name_len = name.chars().count();
        let head_of = |n: usize| -> String { name.chars().take(n).chain(['…']).collect() };
        let head: String = if name_len <= 4 { name.to_string() } else { head_of(3) };
        // As much of the name's start as leaves every argument whole (`fetch_user_pro…(0)`).
        let whole_args = |n: usize| without_objects(&head_of(n), longest);
        let longest_head = (name_len > 4 && fits(&whole_args(3)))
            .then(|| (longest, whole_args(largest(3, name_len - 1, |n| fits(&whole_args(n))))));
        let tries = [
            longest_that_fits(longest, with, &fits),
            longest_that_fits(longest, |max| without_objects(name, max), &fits),
            longest_head,
            longest_that_fits(longest, |max| without_objects(&head, max), &fits),
        ];
        // The first that keeps every argument whole (or enough of it to tell lanes apart),
        // then the name whole with each argument's distinguishing tail (`worker(…ker-0')`:
        // a name cut to `wor…` tells the reader nothing), else the one that keeps most.
        let tail = args.iter().filter(|a| !object(a)).map(|a| distinguishing_tail(a)).max().unwrap_or(0);
        let enough = longest.min(ENOUGH_OF_AN_ARGUMENT);
        let [with_objects, whole_name, longest_head, short_head] = tries;
        let named = whole_name.clone().filter(|(max, _)| *max >= tail);
        let good = |t: &Option<(usize, String)>| t.clone().filter(|(max, _)| *max >= enough);
        let mut first = [good(&with_objects), good(&whole_name), named, good(&longest_head), good(&short_head)]
            .into_iter()
            .flatten();
        if let Some((_, label)) = first.next() {
            return label;
        }
        let tries: Vec<(usize, String)> =
            [with_objects, whole_name, longest_head, short_head].into_iter().flatten().collect();
        if let Some((_, label)) = tries.iter().rev().max_by_key(|(max, _)| *max) {
            return label.clone();
        }
    }
    if text.contains(' ') {
        // A phrase ("blocked 2.00 s by blocker()"): its start says what it is.
        return cut_end_to_fit(text, fits);
    }
    cut_middle_to_fit(text, fits)
}

/// Characters of a cut argument that tell neighbouring lanes apart (`…ic/data/items/3.json'`):
/// with that many, the call's name stays whole.
const ENOUGH_OF_AN_ARGUMENT: usize = 14;

/// How many characters of an argument, an ellipsis first, a cut must keep so neighbouring lanes
/// stay apart: its last run of digits, one character before it and what follows
/// (`'worker-12'` → `…-12'`, `'…/3.json'` → `…/3.json'`); without digits, half of
/// [`ENOUGH_OF_AN_ARGUMENT`].
fn distinguishing_tail(arg: &str) -> usize {
    let chars: Vec<char> = arg.chars().collect();
    let Some(last) = chars.iter().rposition(char::is_ascii_digit) else {
        return chars.len().min(ENOUGH_OF_AN_ARGUMENT / 2);
    };
    let first = chars[..last].iter().rposition(|c| !c.is_ascii_digit()).map_or(0, |i| i + 1);
    // The digits and what follows them, one character before and the ellipsis.
    (chars.len() - first + 2).min(chars.len())
}

/// The longest start of `text`, with "…", that `fits`.
fn cut_end_to_fit(text: &str, fits: impl Fn(&str) -> bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let cut = |n: usize| chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
    cut(largest(0, chars.len(), |n| fits(&cut(n))))
}

/// The largest `max` in 1..=`longest` whose `label(max)` fits, with that label, if even 1 fits.
fn longest_that_fits(
    longest: usize,
    label: impl Fn(usize) -> String,
    fits: impl Fn(&str) -> bool,
) -> Option<(usize, String)> {
    if !fits(&label(1)) {
        return None;
    }
    let max = largest(1, longest.max(1), |n| fits(&label(n)));
    Some((max, label(max)))
}

/// An argument in at most `max` characters, two thirds of what is kept from its end: what tells
/// arguments apart is mostly there (`'prompt 10'` → `'p… 10'`).
fn cut_keeping_end(arg: &str, max: usize) -> String {
    let chars: Vec<char> = arg.chars().collect();
    if chars.len() <= max {
        return arg.to_string();
    }
    let keep = max.saturating_sub(1);
    let tail = keep - keep / 3;
    let mut out: String = chars[..keep / 3].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    out
}

/// `arg`'s last `max - 1` characters after an ellipsis, or all of it when it fits.
fn only_the_end(arg: &str, max: usize) -> String {
    let chars: Vec<char> = arg.chars().collect();
    if chars.len() <= max {
        return arg.to_string();
    }
    let mut out = String::from('…');
    out.extend(&chars[chars.len() - max.saturating_sub(1)..]);
    out
}

/// `name(a, b)` split into its name and top-level arguments (brackets and quotes respected).
fn call_parts(text: &str) -> Option<(&str, Vec<&str>)> {
    let open = text.find('(')?;
    // A call's name is a (dotted) name; "blocked 2.00 s by blocker()" is a phrase.
    if text[..open].is_empty() || !text[..open].chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.') {
        return None;
    }
    let inner = text.strip_suffix(')')?.get(open + 1..)?;
    let (mut args, mut depth, mut quote, mut start) = (Vec::new(), 0i32, None, 0);
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{' | '<') => depth += 1,
            (None, ')' | ']' | '}' | '>') => depth -= 1,
            (None, ',') if depth == 0 => {
                args.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    args.push(inner[start..].trim());
    Some((&text[..open], args))
}

/// Why a timer fired late, in words: "the loop was held by blocker()", "the browser was busy
/// (no task ran)".
pub fn late_cause(cause: &LateCause, m: &RunModel) -> String {
    match *cause {
        LateCause::Held { by, .. } => format!("the loop was held by {}", task_name(m, by)),
        LateCause::Busy { polls, .. } => {
            format!("the loop was busy running {polls} task step{}", if polls == 1 { "" } else { "s" })
        }
        LateCause::Browser { .. } => "the browser was busy (no task ran)".into(),
    }
}

/// A late timer, in full: "late by 1.70 s: the loop was held by blocker()"; for one that was
/// cancelled while overdue, "overdue by 1.70 s, then cancelled: …".
pub fn late(l: &Late, m: &RunModel) -> String {
    let how = if l.cancelled { "overdue by" } else { "late by" };
    let then = if l.cancelled { ", then cancelled" } else { "" };
    format!("{how} {}{then}: {}", duration(l.lateness()), late_cause(&l.cause, m))
}

/// The short label drawn inside a wide enough segment (the tooltip says more).
pub fn segment_label(seg: &Segment, m: &RunModel, rec: &Recorder) -> String {
    match seg.state {
        State::Running => "running".into(),
        State::Scheduled => "ready".into(),
        State::Waiting(Wait::Semaphore { .. } | Wait::Lock { .. }) => "waiting for a permit".into(),
        State::Waiting(w) => wait(&w, m, rec),
        State::Late => match seg.end_event.and_then(|e| m.late_of(e)) {
            Some(l) if l.lateness() >= m.late_threshold() => format!("late: {}", late_cause(&l.cause, m)),
            // Not drawn as late: it reads as the wait it extends.
            _ => "waiting".into(),
        },
    }
}

/// A shorter label for a segment too narrow for [`segment_label`], when there is one: a wait
/// on several things keeps its count ("3 left"), which changes along the lane.
pub fn segment_short_label(seg: &Segment) -> Option<String> {
    match seg.state {
        State::Waiting(Wait::Many { pending, .. }) => Some(format!("{pending} left")),
        _ => None,
    }
}

/// What a segment is, in full (tooltips, exports): "waiting: sleep(0.5)", "late by 1.70 s: the
/// loop was held by blocker()".
pub fn segment_title(seg: &Segment, m: &RunModel, rec: &Recorder) -> String {
    match seg.state {
        State::Running => "running".into(),
        State::Scheduled => "ready, waiting for its turn".into(),
        State::Waiting(w @ (Wait::Semaphore { .. } | Wait::Lock { .. })) => {
            format!("waiting for a permit: {}", wait(&w, m, rec))
        }
        State::Waiting(w) => format!("waiting: {}", wait(&w, m, rec)),
        State::Late => match seg.end_event.and_then(|e| m.late_of(e)) {
            Some(l) if l.lateness() >= m.late_threshold() => late(l, m),
            Some(l) => format!("{} (under {}: not drawn as late)", late(l, m), duration(m.late_threshold())),
            None => "timer due, loop busy (late)".into(),
        },
    }
}
