//! The panels beside the timeline, all read from the run's model and, when the scrub cursor
//! is set, as they stood at that instant: the program's output, the step order, the log, the
//! metrics and the warnings. Long lists show the latest lines only, so a 10,000-task run stays
//! light in the page.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::disclosure::Disclosure;

use crate::model::describe::{self, duration, instant, task_name};
use crate::model::{ansi, warnings, words, LogKind, LogLine, RunModel};
use crate::session::{At, Finish, PrintedAfterCut, Selection, Session, Stream};
use crate::trace::{Micros, Recorder, TaskId};

/// Most lines a list shows at once; fewer while a run goes, since the lists are rebuilt ten
/// times a second then.
const SHOWN: usize = 300;
const SHOWN_LIVE: usize = 40;

fn shown(s: &Session) -> usize {
    if s.running() && !s.stepping() {
        SHOWN_LIVE
    } else {
        SHOWN
    }
}

/// About what the output's "who" column holds (13rem): a longer name drops its objects and is
/// cut in the middle, so `consumer('consumer 2', <Queue>)` keeps the part that tells it apart.
const WHO_CHARS: usize = 22;

/// Who said a line of output: Interleave for its own notes and for why it stopped the program
/// (it says them while a task runs, but the task did not print them), else the task that
/// printed it. `halted` is why Interleave stopped the program, if it did.
fn speaker<'m>(s: &Session, m: &'m RunModel, trace: &Recorder, line: &LogLine, halted: Option<&str>) -> &'m str {
    let text = match line.kind {
        LogKind::Print(text) => trace.resolve(text),
        _ => "",
    };
    speaker_of(m, line.task, s.stream(line.event), text, halted)
}

/// [`speaker`] of a printed `text`, recorded or not (a line printed after the recording was
/// full).
fn speaker_of<'m>(m: &'m RunModel, task: TaskId, stream: Stream, text: &str, halted: Option<&str>) -> &'m str {
    match stream {
        Stream::Note => "Interleave",
        Stream::Stderr if halted == Some(text) => "Interleave",
        _ => who(m, task),
    }
}

/// Why Interleave stopped the program, if it did.
/// A task's name, or where module-level code printed from.
fn who(m: &RunModel, task: TaskId) -> &str {
    if task == TaskId::OUTSIDE {
        "module"
    } else {
        task_name(m, task)
    }
}

fn earlier(n: usize, what: &str) -> Html {
    if n == 0 {
        return html! {};
    }
    html! { <li class="earlier">{format!("… {n} earlier {what} not shown")}</li> }
}

/// The status line: running, replaying, or how the run ended.
fn status(s: &Session, at: At) -> Html {
    let m = s.model();
    if at.replaying(m) {
        let text = format!(
            "Showing the recorded run as it was at {} (step {} of {}).",
            instant(at.time.unwrap_or(m.span())),
            at.steps(m),
            m.steps.len()
        );
        return html! { <p class="status" data-testid="status">{text}</p> };
    }
    let Some(finish) = s.finish() else {
        if s.running() {
            let (mode, now) =
                if s.stepping() { ("Step mode, virtual time", m.span()) } else { ("Running…", s.now()) };
            let speed = if s.speed().is_normal() { String::new() } else { format!(" at {}", s.speed().label()) };
            let cut = if s.to_end_cut {
                format!(
                    " — paused: {} s of running to the end did not finish the program (it may never end). Step on, run to the end again, or Stop.",
                    crate::session::TO_END_BUDGET_MS / 1000.0
                )
            } else {
                String::new()
            };
            return html! { <p class="status running" data-testid="status">{format!("{mode} {}{speed}{cut}", instant(now))}</p> };
        }
        return html! { <p class="status" data-testid="status">{"Starting…"}</p> };
    };
    match finish {
        Finish::Returned(value) => html! {
            <p class="status done" data-testid="status">{"main() returned "}<code data-testid="result">{value}</code></p>
        },
        Finish::Raised(error) => html! {
            <p class="status failed" data-testid="status">{"main() raised "}<code data-testid="result">{error}</code></p>
        },
        Finish::Exited(0) => html! {
            <p class="status done" data-testid="status">{"The program finished (exit status 0)."}</p>
        },
        // `sys.exit(3)` prints nothing: only an error or a warning is there to see.
        Finish::Exited(code) if s.printed_to_stderr() => html! {
            <p class="status failed" data-testid="status">{format!("The program stopped with exit status {code}: see the error above.")}</p>
        },
        Finish::Exited(code) => html! {
            <p class="status failed" data-testid="status">{format!("The program exited with status {code}.")}</p>
        },
        Finish::Halted(_) => html! {
            <p class="status failed" data-testid="status">{"Interleave stopped the program (exit status 1): see why above."}</p>
        },
        Finish::Stopped => html! { <p class="status" data-testid="status">{"Stopped."}</p> },
        Finish::Stuck => html! {
            <p class="status failed" data-testid="status">{"Stuck: every task was waiting and nothing could wake one (asyncio would wait here forever)."}</p>
        },
    }
}

/// A line of stderr, with each `File "main.py", line N` of a traceback as a button that shows
/// line N in the code.
/// Printed text with its terminal colours drawn (and their escape codes never shown).
fn coloured(text: &str) -> Html {
    if !ansi::has_codes(text) {
        return html! { {text.to_string()} };
    }
    html! {
        { for ansi::styled(text).into_iter().map(|run| html! {
            <span class={classes!(run.colour.map(|c| format!("ansi-{c}")), run.bold.then_some("ansi-bold"))}>{run.text.to_string()}</span>
        }) }
    }
}

fn stderr_line(text: &str, on_line: &Callback<u32>) -> Html {
    const MARK: &str = "File \"main.py\", line ";
    if ansi::has_codes(text) {
        return coloured(text);
    }
    let Some(i) = text.find(MARK) else { return html! { {text.to_string()} } };
    let rest = &text[i + MARK.len()..];
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let Ok(line) = rest[..digits].parse::<u32>() else { return html! { {text.to_string()} } };
    let on_line = on_line.clone();
    html! {
        <>
            {text[..i + MARK.len() - "line ".len()].to_string()}
            <button type="button" class="linkish line-link" data-testid="traceback-line" title={format!("Show line {line} in the code")}
                onclick={Callback::from(move |_| on_line.emit(line))}>{format!("line {line}")}</button>
            {rest[digits..].to_string()}
        </>
    }
}

/// The note over the output when the list leaves lines out: how many, and a way to have them
/// all (the page keeps the output up to its cap; only the list is cut, to stay light).
fn hidden_lines(n: usize, listed: usize, on_download: &Callback<()>) -> Html {
    if n == 0 {
        return html! {};
    }
    let lines = if n == 1 { "line" } else { "lines" };
    let on_download = on_download.clone();
    html! {
        <li class="earlier" data-testid="hidden-lines" title={format!("The list shows the latest {listed} lines only, to keep the page light")}>
            {format!("… {n} earlier {lines} hidden · ")}
            <button type="button" class="linkish line-link" data-testid="download-output" title="What the page kept of the output, as a text file: all of it, or past 1 MiB the first MiB and the last lines"
                onclick={Callback::from(move |_| on_download.emit(()))}>{"Download the output"}</button>
        </li>
    }
}

/// What the program printed (stdout and stderr told apart), then the status line.
/// `on_download` saves the whole output as a file.
pub fn output(s: &Session, at: At, on_line: &Callback<u32>, on_download: &Callback<()>) -> Html {
    let trace = s.trace();
    let m = s.model();
    let ended = s.finish().is_some() && !at.replaying(m);
    let prints: Vec<_> = m.log[..at.log(m)].iter().filter(|l| matches!(l.kind, LogKind::Print(_))).collect();
    // Past a full recording the output goes on (shown with the live run and its end, not
    // while scrubbing through the recorded part); the list shows the latest lines of both.
    let after_cut = s.printed_after_cut();
    let after_cut: &[PrintedAfterCut] = if at.replaying(m) { &[] } else { &after_cut };
    let late_skip = after_cut.len().saturating_sub(shown(s));
    let skip = prints.len().saturating_sub(shown(s).saturating_sub(after_cut.len() - late_skip));
    let halted = s.halted();
    let fitted = FittedNames::default();
    html! {
        <section class="panel output" aria-label="Output">
            <h2>{"Output"}</h2>
            // Keyed by the run (as the step order and the log): a new run's list replaces the
            // last one's whole, rather than taking out its hundreds of lines one by one.
            <ol class="prints" key={s.number} data-testid="prints">
                { hidden_lines(skip, shown(s), on_download) }
                { for prints.iter().enumerate().skip(skip).map(|(i, l)| {
                    let LogKind::Print(text) = l.kind else { return html! {} };
                    let name = speaker(s, m, &trace, l, halted.as_deref());
                    // A phone has no room for a column of names: it names the task above its
                    // lines, once each time the printing task changes (the class hides the rest).
                    let same_task = i > skip && prints[i - 1].task == l.task;
                    printed_line(l.time, name, &fitted.of(name), s.stream(l.event), trace.resolve(text), same_task, on_line)
                }) }
                if let Some(first) = after_cut.first() {
                    <li class="earlier" data-testid="after-cut">
                        {format!("The recording was full from {}: the timeline stops there, and what the program printed after it follows.", instant(s.recording_cut().unwrap_or(first.time)))}
                    </li>
                    { hidden_lines(late_skip, shown(s), on_download) }
                    { for after_cut.iter().enumerate().skip(late_skip).map(|(i, p)| {
                        let name = speaker_of(m, p.task, p.stream, &p.text, halted.as_deref());
                        let same_task = i > late_skip && after_cut[i - 1].task == p.task;
                        printed_line(p.time, name, &fitted.of(name), p.stream, &p.text, same_task, on_line)
                    }) }
                }
            </ol>
            // Screen readers hear the run's end and its summary once, never the running clock
            // (re-rendered ten times a second): the live region stays empty until the end.
            if ended {
                <div aria-live="polite" data-testid="announce">
                    { status(s, at) }
                    <p class="visually-hidden">{ prose(&s.what_happened()) }</p>
                </div>
            } else {
                { status(s, at) }
                <div aria-live="polite" data-testid="announce"></div>
            }
        </section>
    }
}

/// The speakers' names fitted to the output's "who" column, each fitted once per render: a
/// few tasks print hundreds of lines, and fitting a long name tries several cuts of it.
#[derive(Default)]
struct FittedNames<'a>(RefCell<Vec<(&'a str, Rc<str>)>>);

impl<'a> FittedNames<'a> {
    fn of(&self, name: &'a str) -> Rc<str> {
        let mut known = self.0.borrow_mut();
        if let Some((_, fitted)) = known.iter().find(|(n, _)| *n == name) {
            return fitted.clone();
        }
        let fitted: Rc<str> = describe::fit_label(name, |w| w.chars().count() <= WHO_CHARS).into();
        known.push((name, fitted.clone()));
        fitted
    }
}

/// One line of output: when, who said it (`fitted`: its name fitted to the column), and the
/// text as its stream shows it.
fn printed_line(
    time: Micros,
    name: &str,
    fitted: &str,
    stream: Stream,
    text: &str,
    same_task: bool,
    on_line: &Callback<u32>,
) -> Html {
    html! {
        <li class={classes!(
            match stream { Stream::Stdout => None, Stream::Stderr => Some("stderr"), Stream::Note => Some("note") },
            same_task.then_some("same-task"),
        )}>
            <time>{instant(time)}</time>
            <span class="who" title={name.to_string()}>
                { fitted.to_string() }
            </span>
            { match stream {
                Stream::Stdout => html! { <code>{ coloured(text) }</code> },
                Stream::Stderr => html! {
                    <code class="stderr" title="printed to stderr">{ stderr_line(text, on_line) }</code>
                },
                Stream::Note => html! {
                    <p class="note" title="Interleave's note: not printed by the program">{text.to_string()}</p>
                },
            } }
        </li>
    }
}

/// Words that may name code in backticks (Markdown's way): the code is set as code, so no
/// literal backtick reaches the learner.
pub fn prose(text: &str) -> Html {
    html! {
        <>{ for text.split('`').enumerate().map(|(i, part)| if i % 2 == 1 && !part.is_empty() {
            html! { <code>{part.to_string()}</code> }
        } else {
            html! { {part.to_string()} }
        }) }</>
    }
}

/// The "what happened" line and the warnings (once the run has ended).
pub fn summary(s: &Session) -> Html {
    if s.running() {
        return html! {};
    }
    let m = s.model();
    let text = s.what_happened();
    let trace = s.trace();
    let warns = warnings(m, &trace);
    let dropped = m.dropped;
    html! {
        <section class="summary" aria-label="What happened">
            <p class="what-happened" data-testid="what-happened">{ prose(&text) }</p>
            if dropped > 0 {
                <p class="notice" data-testid="dropped">
                    {format!("The recorder kept its first {} events and dropped {dropped} more, so the end of this run is missing from the timeline, and the figures cover only its first {}.", trace.cap(), duration(m.span()))}
                </p>
            }
            if !warns.is_empty() {
                <ul class="warnings" data-testid="warnings">
                    { for warns.iter().map(|w| html! { <li>{ prose(&w.text) }</li> }) }
                </ul>
            }
        </section>
    }
}

/// The sequence of resumes: "3 · B runs until sleep(0.5)". Clicking one highlights it.
pub fn steps(s: &Session, at: At, on_select: &Callback<Selection>) -> Html {
    let trace = s.trace();
    let m = s.model();
    let upto = at.steps(m);
    let selected = at.selection;
    let first = upto.saturating_sub(shown(s));
    html! {
        <section class="panel steps" aria-label="Step order">
            <h2>{"Step order"}</h2>
            <p class="hint">{"Each step is one task resuming until its next await. Click a step to find it on the timeline."}</p>
            <ol class="steplist" key={s.number} data-testid="steps">
                { earlier(first, "steps") }
                { for m.steps[first..upto].iter().enumerate().map(|(k, st)| {
                    let i = first + k;
                    let on_select = on_select.clone();
                    let current = selected == Some(Selection::Step(i));
                    html! {
                        <li class={classes!(current.then_some("current"))}>
                            <button type="button" class="linkish" aria-pressed={current.to_string()}
                                onclick={Callback::from(move |_| on_select.emit(Selection::Step(i)))}>
                                <span class="n">{i + 1}</span>
                                <time>{instant(st.start)}</time>
                                <span>{describe::step(st, m, &trace)}</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

/// Prints and lifecycle events in order; clicking a line highlights it on the timeline.
pub fn log(s: &Session, at: At, on_select: &Callback<Selection>) -> Html {
    let trace = s.trace();
    let m = s.model();
    let upto = at.log(m);
    let selected = at.selection;
    let first = upto.saturating_sub(shown(s));
    let halted = s.halted();
    html! {
        <section class="panel log" aria-label="Log">
            <h2>{"Log"}</h2>
            <ol class="loglist" key={s.number} data-testid="log">
                { earlier(first, "lines") }
                { for m.log[first..upto].iter().enumerate().map(|(k, line)| {
                    let i = first + k;
                    let on_select = on_select.clone();
                    let current = selected == Some(Selection::Log(i));
                    let kind = match line.kind {
                        LogKind::Print(_) => "print",
                        LogKind::Failed(_) | LogKind::Stuck => "bad",
                        LogKind::NeverAwaited(_) | LogKind::Blocked(..) => "warn",
                        _ => "life",
                    };
                    html! {
                        <li class={classes!(kind, current.then_some("current"))}>
                            <button type="button" class="linkish" aria-pressed={current.to_string()}
                                onclick={Callback::from(move |_| on_select.emit(Selection::Log(i)))}>
                                <time>{instant(line.time)}</time>
                                <span class="who">{speaker(s, m, &trace, line, halted.as_deref()).to_string()}</span>
                                <span>{ coloured(&describe::log_line(line, m, &trace)) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

/// The run in two or three plain-words figures ("took 1.50 s", "one after another would take
/// 3.00 s", "at most 3 tasks waited at once") with a sparkline of tasks in flight; polls, wakes,
/// lateness percentiles and frame rates behind "Details".
pub fn metrics(s: &Session, at: At) -> Html {
    let m = s.model();
    let t = at.time();
    let frames = (!s.stepping()).then_some(&s.frames);
    let at_t = crate::model::metrics_at(m, t);
    let mut details = words::details_from(m, &at_t, t, frames);
    if !s.speed().is_normal() {
        details.insert(1, ("Speed", format!("{}: {}", s.speed().label(), s.speed().summary())));
    }
    // The headline is of the whole run: the same figures unless the cursor is back in it.
    let whole = if t >= m.span() { at_t } else { crate::model::metrics(m) };
    let mut figures = words::headline_from(m, &whole, &s.trace(), s.halted().as_deref());
    if s.running() && !s.stepping() {
        figures = words::still_running(figures, s.covered());
    }
    html! {
        <section class="panel metrics" aria-label="Metrics">
            <h2>{"Metrics"}</h2>
            <ul class="figures" data-testid="figures">
                { for figures.into_iter().map(|f| html! { <li>{f}</li> }) }
            </ul>
            { sparkline(&m.in_flight, t.min(m.span())) }
            <Disclosure label="Details">
                <dl data-testid="metrics">
                    { for details.into_iter().map(|(k, v)| html! { <><dt>{k}</dt><dd>{v}</dd></> }) }
                </dl>
            </Disclosure>
        </section>
    }
}

/// Tasks in flight over time, as a small step chart (at most ~200 points).
fn sparkline(series: &[(Micros, u32)], end: Micros) -> Html {
    if series.is_empty() || end == 0 {
        return html! {};
    }
    let peak = series.iter().map(|&(_, n)| n).max().unwrap_or(1).max(1) as f64;
    let stride = (series.len() / 200).max(1);
    let (w, h) = (240.0, 40.0);
    let mut points = String::from("0,40 ");
    let mut last_y = h;
    for &(t, n) in series.iter().step_by(stride).take_while(|&&(t, _)| t <= end) {
        let x = t as f64 / end as f64 * w;
        let y = h - n as f64 / peak * (h - 2.0);
        points += &format!("{x:.1},{last_y:.1} {x:.1},{y:.1} ");
        last_y = y;
    }
    points += &format!("{w},{last_y:.1}");
    html! {
        <figure class="spark">
            <svg viewBox="0 0 240 40" width="240" height="40" role="img" aria-label={format!("tasks in flight over time, peak {peak}")}>
                <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" />
            </svg>
            <figcaption>{format!("tasks in flight over time (peak {peak})")}</figcaption>
        </figure>
    }
}
