//! One run of a [`Program`], as a page holds it: the runtime it runs on (private: the page reads
//! the run only through the session and the model), the model and the source lines read from
//! its recording, the frames the page drew, and which printed lines went to stderr. Dropping a
//! session stops its run, so leaving a page or starting a new run never leaves tasks, timers or
//! requests behind.
//!
//! Everything here builds natively: only [`Session::browser`] (real timers) needs wasm, so
//! native tests drive real sessions on the virtual clock (`tests/session.rs`).

pub mod lines;
pub mod nav;
pub mod picture;
mod program;
mod warm_up;

use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;

pub use lines::{peek, LineIndex, LitLine, Mark, Upto};
pub use nav::{Action, At, RunState, Selection, Shared};
pub use program::{Lesson, Program, LOOP_BUDGET_SECS};
pub use warm_up::{warm_up, WARM_UP};

use crate::aio::PyRepr;
use crate::demos::Facts;
use crate::model::compare::{compare, Comparison, Side};
use crate::model::describe::instant;
use crate::model::{metrics, what_happened_halted, Ending, FrameStats, LogKind, RunModel, LATE_THRESHOLD};
use crate::python::interp::Sink;
pub use crate::python::interp::Stream;
use crate::runtime::{current, Phase, Runtime, Speed};
use crate::trace::{EventKind, Micros, Recorder, TaskId};
use program::Started;

pub struct Session {
    program: Rc<Program>,
    rt: Runtime,
    /// `None` until [`Session::begin`].
    started: Option<Started>,
    model: RunModel,
    lines: LineIndex,
    /// Frames the page drew during the run (a frozen page shows as one long gap).
    pub frames: FrameStats,
    /// Indexes of the recorded prints that did not go to stdout (stderr, or Interleave's
    /// notes), in order, with their stream.
    streams: Rc<RefCell<Vec<(usize, Stream)>>>,
    /// What the program printed once the recording was full (see [`PrintedAfterCut`]).
    after_cut: Rc<RefCell<Vec<PrintedAfterCut>>>,
    ended: bool,
    /// Step mode's "Run to the end" last gave up before the end (see [`TO_END_BUDGET_MS`]).
    pub to_end_cut: bool,
    /// Which run of its page this is (1, 2, …), for its label.
    pub number: u32,
    /// The latest clock the page has shown: a late timer's lateness taken off the clock must
    /// not move the live edge back.
    shown: Cell<Micros>,
}

/// A line the program printed after the recording was full: the timeline's events are dropped
/// from then on, but the program's output is never lost with them (the engine caps it at
/// 1 MiB, so this stays small).
#[derive(Clone, Debug, PartialEq)]
pub struct PrintedAfterCut {
    pub time: Micros,
    pub task: TaskId,
    pub stream: Stream,
    pub text: String,
}

/// How a run ended, as its status line says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finish {
    /// `main()` returned this (its repr).
    Returned(String),
    /// `main()` raised this (its repr).
    Raised(String),
    /// A Python program ended with this exit status.
    Exited(i64),
    /// Interleave stopped a Python program (a budget ran out), saying why in these words,
    /// which are also its last line on stderr (exit status 1).
    Halted(String),
    /// The learner pressed Stop.
    Stopped,
    /// Every task waited and nothing could wake one.
    Stuck,
}

/// The longest step mode's "Run to the end" runs before it pauses and says so.
pub const TO_END_BUDGET_MS: f64 = 3000.0;

impl Session {
    /// Prepares `program` on the browser's event loop, its clock going at `speed` (slow
    /// motion). It starts with [`Session::begin`], which the page calls once it has laid itself
    /// out, so the page's own first render does not land in the middle of the run.
    #[cfg(target_arch = "wasm32")]
    pub fn browser(program: Rc<Program>, speed: Speed) -> Self {
        let mut s = Self::new(program, Runtime::new_browser_at(Recorder::default(), speed));
        // The run's start counts as a frame, so a freeze before the first one still shows.
        s.frames.frame(crate::runtime::now_ms());
        s
    }

    /// `program` on the virtual clock for step mode (and native tests): it starts now, and
    /// nothing else runs until [`Session::step`] or [`Session::run_to_end`].
    pub fn stepper(program: Rc<Program>) -> Self {
        Self::stepper_with(program, Recorder::default())
    }

    /// Like [`Session::stepper`], with a recorder of a chosen size.
    pub fn stepper_with(program: Rc<Program>, recorder: Recorder) -> Self {
        let mut s = Self::new(program, Runtime::new_virtual_with(recorder));
        s.begin();
        s
    }

    fn new(program: Rc<Program>, rt: Runtime) -> Self {
        // The browser's timer noise is real time: in slow motion it reads `speed` times as
        // long on the run's clock, and so does the threshold under which lateness is noise.
        let speed = rt.speed();
        Session {
            program,
            rt,
            started: None,
            model: RunModel::judging_lateness_from(speed.program_span(LATE_THRESHOLD)),
            lines: LineIndex::default(),
            frames: FrameStats::at_speed(speed.factor()),
            streams: Rc::default(),
            after_cut: Rc::default(),
            ended: false,
            to_end_cut: false,
            number: 0,
            shown: Cell::new(0),
        }
    }

    /// Starts the run, once.
    pub fn begin(&mut self) {
        if self.started.is_none() {
            warm_up::note_run();
            let sink = record_output(&self.rt, self.streams.clone(), self.after_cut.clone());
            self.started = Some(self.program.start(&self.rt, sink));
            // A script without `asyncio.run` has run whole by now: in step mode nothing else
            // would bring what it printed into the model.
            self.refresh();
        }
    }

    pub fn program(&self) -> &Program {
        &self.program
    }

    pub fn model(&self) -> &RunModel {
        &self.model
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    pub fn trace(&self) -> Ref<'_, Recorder> {
        self.rt.trace()
    }

    /// Step mode: one task resume. False once the run is over.
    pub fn step(&mut self) -> bool {
        self.to_end_cut = false;
        let more = self.rt.step();
        self.refresh();
        more
    }

    /// Step mode: the rest of the run at once.
    /// At most [`TO_END_BUDGET_MS`] of real time: a program that never ends
    /// (`while True: await asyncio.sleep(0)`) would otherwise hold the page for good. Cut
    /// short, the run stays paused where it got to ([`Session::to_end_cut`]).
    pub fn run_to_end(&mut self) {
        if self.stepping() {
            let start = crate::python::interp::now_ms();
            let mut iterations = 0u32;
            let ended = self.rt.run_while(|| {
                // The clock is read every few iterations: a read costs a call out to
                // JavaScript, more than a short iteration.
                iterations = iterations.wrapping_add(1);
                !iterations.is_multiple_of(64) || crate::python::interp::now_ms() - start < TO_END_BUDGET_MS
            });
            self.to_end_cut = !ended;
        }
        self.refresh();
    }

    /// The Stop button: every task still pending is cancelled where it waits.
    pub fn stop(&mut self) {
        self.rt.stop();
        self.refresh();
    }

    /// Reads what the run recorded since the last call. The first time it finds the run over,
    /// it also counts the present as a frame (in the browser), so a freeze that lasted until
    /// the end is measured even if no frame came between.
    pub fn refresh(&mut self) {
        {
            let trace = self.rt.trace();
            self.model.ingest(&trace);
            self.lines.ingest(&trace);
        }
        if !self.running() && !self.ended {
            self.ended = true;
            #[cfg(target_arch = "wasm32")]
            if !self.stepping() {
                self.frames.frame(crate::runtime::now_ms());
            }
        }
    }

    /// Started and not yet over.
    pub fn running(&self) -> bool {
        self.rt.phase() == Phase::Running
    }

    pub fn phase(&self) -> Phase {
        self.rt.phase()
    }

    /// On the virtual clock (step mode).
    pub fn stepping(&self) -> bool {
        self.rt.is_virtual()
    }

    /// How fast the run's clock went against real time (step mode: normal).
    pub fn speed(&self) -> Speed {
        self.rt.speed()
    }

    /// The run's clock now, as the page shows it: never behind what it showed before.
    pub fn now(&self) -> Micros {
        let now = self.rt.peek_now().max(self.shown.get());
        self.shown.set(now);
        now
    }

    /// When the next timer falls due (step mode draws waits up to there).
    pub fn next_timer_due(&self) -> Option<Micros> {
        self.rt.next_timer_due()
    }

    /// The latest time the run covers: now while it runs for real; in step mode, up to the
    /// next timer, where virtual time will jump; once over, its end (which, when the recording
    /// was full, only the session knows: the recording stops earlier).
    pub fn covered(&self) -> Micros {
        match (self.running(), self.stepping()) {
            (true, false) => self.now(),
            (true, true) => self.model.span().max(self.next_timer_due().unwrap_or(0)),
            (false, _) if self.recording_cut().is_some() => self.model.span().max(self.ended_at().unwrap_or(0)),
            (false, _) => self.model.span(),
        }
    }

    /// Where the recording stopped because the recorder was full (its last event kept), while
    /// the run went on: nothing after it is known to the timeline. `None` while everything
    /// that happened is recorded.
    pub fn recording_cut(&self) -> Option<Micros> {
        let trace = self.trace();
        (trace.dropped() > 0 || (trace.is_full() && self.running())).then_some(self.model.last_time)
    }

    /// How far the lanes are drawn: what the run covers, but no further than the recording
    /// went (a lane drawn on past the cut would claim its task went on as it last stood).
    pub fn recorded_to(&self) -> Micros {
        let covered = self.covered();
        self.recording_cut().map_or(covered, |cut| covered.min(cut))
    }

    /// When the run ended on its clock (Stop pressed, Interleave's halt, the program's end),
    /// once it has: known even when the recording was full long before.
    pub fn ended_at(&self) -> Option<Micros> {
        self.rt.ended_at()
    }

    /// "semaphore ?calls=10 · run 2 (step mode)", "… · run 3 at 0.25×".
    pub fn label(&self) -> String {
        let mode = match self.speed() {
            _ if self.stepping() => " (step mode)".to_string(),
            speed if speed.is_normal() => String::new(),
            speed => format!(" at {}", speed.label()),
        };
        format!("{} · run {}{mode}", self.program.label(), self.number)
    }

    /// How fast its clock went, in a word: "10×", "1×", "step mode".
    pub fn speed_label(&self) -> String {
        if self.stepping() {
            "step mode".into()
        } else {
            self.speed().label()
        }
    }

    /// Lines the program printed, as [`Session::output_text`] has them (Interleave's notes
    /// left out), counted without building the text.
    pub fn output_lines(&self) -> usize {
        let recorded = self
            .model
            .log
            .iter()
            .filter(|line| matches!(line.kind, LogKind::Print(_)) && self.stream(line.event) != Stream::Note)
            .count();
        recorded + self.after_cut.borrow().iter().filter(|p| p.stream != Stream::Note).count()
    }

    /// `kept` (a run kept for comparison) against this one: the table and the sentence.
    pub fn compared_with(&self, kept: &Session) -> Comparison {
        let (kept_program, program) = (kept.program.label(), self.program.label());
        let (kept_speed, speed) = (kept.speed_label(), self.speed_label());
        compare(kept.side(&kept_program, &kept_speed), self.side(&program, &speed))
    }

    fn side<'a>(&'a self, program: &'a str, speed: &'a str) -> Side<'a> {
        Side { number: self.number, program, speed, model: &self.model, output_lines: self.output_lines() }
    }

    /// What the program printed after the recording was full, in order.
    pub fn printed_after_cut(&self) -> Ref<'_, Vec<PrintedAfterCut>> {
        self.after_cut.borrow()
    }

    /// Everything the program printed, stdout and stderr as a terminal shows them
    /// (Interleave's notes left out), the lines printed after the recording was full
    /// included: the Output panel lists only the latest lines, this is for the whole.
    pub fn output_text(&self) -> String {
        let trace = self.trace();
        let recorded = self.model.log.iter().filter_map(|line| match line.kind {
            LogKind::Print(text) if self.stream(line.event) != Stream::Note => Some(trace.resolve(text)),
            _ => None,
        });
        let after_cut = self.after_cut.borrow();
        let later = after_cut.iter().filter(|p| p.stream != Stream::Note).map(|p| p.text.as_str());
        recorded.chain(later).fold(String::new(), |mut out, line| {
            out.push_str(line);
            out.push('\n');
            out
        })
    }

    /// Which stream the recorded print at event `event` went to.
    /// Did the program print anything on stderr (an error, a warning)?
    pub fn printed_to_stderr(&self) -> bool {
        self.streams.borrow().iter().any(|(_, s)| *s == Stream::Stderr)
            || self.after_cut.borrow().iter().any(|p| p.stream == Stream::Stderr)
    }

    pub fn stream(&self, event: usize) -> Stream {
        let streams = self.streams.borrow();
        streams.binary_search_by_key(&event, |(e, _)| *e).map_or(Stream::Stdout, |i| streams[i].1)
    }

    /// How the run ended, once it has.
    /// Why Interleave stopped the program (a budget ran out), if it did.
    pub fn halted(&self) -> Option<String> {
        match self.finish() {
            Some(Finish::Halted(why)) => Some(why),
            _ => None,
        }
    }

    pub fn finish(&self) -> Option<Finish> {
        match self.phase() {
            Phase::Running => return None,
            Phase::Stopped => return Some(Finish::Stopped),
            Phase::Stuck => return Some(Finish::Stuck),
            Phase::Finished => {}
        }
        match self.started.as_ref()? {
            Started::Rust(main) => main.outcome().map(|o| match o {
                Ok(value) => Finish::Returned(value.0),
                Err(e) => Finish::Raised(e.py_repr()),
            }),
            Started::Unable(why) => Some(Finish::Halted(why.clone())),
            Started::Python(interp) => {
                if let Some(why) = interp.stopped_why() {
                    return Some(Finish::Halted(why.to_string()));
                }
                let status = interp.exit_code.get().unwrap_or(1);
                // A demo's Python is read like its Rust twin: by what `main()` gave back.
                let main = self.model.lanes.first().filter(|l| l.name == "main()" && self.program.lesson().is_some());
                let trace = self.trace();
                Some(match main.and_then(|l| l.ending.as_ref()) {
                    Some((_, Ending::Done { value })) if status == 0 => Finish::Returned(trace.resolve(*value).into()),
                    Some((_, Ending::Failed { error })) => Finish::Raised(trace.resolve(*error).into()),
                    _ => Finish::Exited(status),
                })
            }
        }
    }

    /// What happened, in a sentence or two: the program's own words for a run that went its
    /// course, plain ones for a stopped run, said at the time it was stopped (which a full
    /// recording does not hold).
    pub fn what_happened(&self) -> String {
        let at = self.ended_at().unwrap_or(self.model.span());
        match self.finish() {
            Some(Finish::Stopped) => format!(
                "Stopped at {}: every task still pending was cancelled where it waited, with its timers cleared and its requests aborted.",
                instant(at)
            ),
            Some(Finish::Halted(_)) => what_happened_halted(&metrics(&self.model), at),
            // A program that failed did not "finish": the figures stay, under the right opening.
            Some(Finish::Exited(status)) if status != 0 => {
                failed_opening(self.explain(), &format!("Ended with exit status {status} after"))
            }
            Some(Finish::Raised(_)) => failed_opening(self.explain(), "Ended by an exception after"),
            _ => self.explain(),
        }
    }

    /// The "what happened" line, once the run went its course.
    pub fn explain(&self) -> String {
        let trace = self.trace();
        self.program.explain(&Facts { model: &self.model, trace: &trace, frames: Some(&self.frames) })
    }
}

/// The explanation with its "Finished in" replaced by `opening` (a lesson's own explanation,
/// which says something else first, is kept as it is).
fn failed_opening(explained: String, opening: &str) -> String {
    match explained.strip_prefix("Finished in") {
        Some(rest) => format!("{opening}{rest}"),
        None => explained,
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.rt.stop();
    }
}

/// Where a Python program's output goes: each finished line becomes a print in the run's
/// recording, tied to the task that printed it (module code prints as [`TaskId::OUTSIDE`]), so
/// the log, the timeline and the output panel show it with its task and time. Lines to stderr
/// and notes are remembered by their event index (the recording has one kind of print). Once
/// the recording is full, lines go to `after_cut` instead.
fn record_output(
    rt: &Runtime,
    streams: Rc<RefCell<Vec<(usize, Stream)>>>,
    after_cut: Rc<RefCell<Vec<PrintedAfterCut>>>,
) -> Sink {
    // Weak: the program (which holds the sink) lives inside the runtime.
    let run = rt.downgrade();
    Rc::new(move |stream: Stream, line: &str| {
        let Some(rt) = run.upgrade() else { return };
        let task = current().map_or(TaskId::OUTSIDE, |(_, task)| task);
        if !rt.is_recording() {
            after_cut.borrow_mut().push(PrintedAfterCut { time: rt.now(), task, stream, text: line.to_string() });
            return;
        }
        if stream != Stream::Stdout {
            let index = rt.trace().events().len();
            streams.borrow_mut().push((index, stream));
        }
        let text = rt.text(line);
        rt.record(task, EventKind::Print { text });
    })
}
