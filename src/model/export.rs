//! A run in formats other tools read: Chrome Trace Event JSON (opens in Perfetto and
//! chrome://tracing: one track per task plus the event loop, `X` events with µs times) and a
//! standalone SVG of the timeline, drawn from the style table in the theme shown, with its
//! title, segment labels, lesson lanes, connectors, legend and a kept run.

use super::describe::{self, cut_middle, instant};
use super::holds::holds;
use super::layout::{lane_order, row_label, rows, series_scale, tick_label, ticks, Row};
use super::metrics::metrics;
use super::run::{Ending, Lane, LogKind, RunModel, Series, State};
use super::style::{
    ending_look, late_threshold_note, legend, legend_label, link_look, segment_look, style, Look, Pattern, Style,
    STYLES,
};
use super::turns::TurnAxis;
use super::viewport::Axis;
use super::words::{headline_from, text_alternative};
use crate::trace::{Micros, Recorder, TaskId};

/// JSON string literal (quotes included).
fn js(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The run as Chrome Trace Event JSON. Track 0 is the event loop (who holds the thread); task
/// `n` is track `n + 1`, named after it and sorted in the timeline's order.
pub fn chrome_trace(m: &RunModel, rec: &Recorder) -> String {
    let mut events: Vec<String> = Vec::new();
    let meta = |tid: u64, name: &str, sort: usize| {
        [
            format!(r#"{{"ph":"M","pid":1,"tid":{tid},"name":"thread_name","args":{{"name":{}}}}}"#, js(name)),
            format!(r#"{{"ph":"M","pid":1,"tid":{tid},"name":"thread_sort_index","args":{{"sort_index":{sort}}}}}"#),
        ]
    };
    events.push(r#"{"ph":"M","pid":1,"name":"process_name","args":{"name":"Interleave run"}}"#.into());
    events.extend(meta(0, "event loop (the one thread)", 0));
    for step in &m.steps {
        events.push(format!(
            r#"{{"ph":"X","pid":1,"tid":0,"ts":{},"dur":{},"name":{},"cat":"poll"}}"#,
            step.start,
            step.end - step.start,
            js(describe::task_name(m, step.task))
        ));
    }
    let now = m.span();
    for (row, id) in lane_order(m).into_iter().enumerate() {
        let lane = &m.lanes[id.0 as usize];
        let tid = id.0 as u64 + 1;
        events.extend(meta(tid, &lane.name, row + 1));
        for seg in &lane.segments {
            let end = seg.end.unwrap_or(now);
            let cat = match seg.state {
                State::Waiting(w) => describe::wait_kind(&w),
                State::Running => "running",
                State::Scheduled => "scheduled",
                State::Late => "late",
            };
            events.push(format!(
                r#"{{"ph":"X","pid":1,"tid":{tid},"ts":{},"dur":{},"name":{},"cat":{}}}"#,
                seg.start,
                end - seg.start,
                js(&describe::segment_title(seg, m, rec)),
                js(cat)
            ));
        }
        if let Some((t, ending)) = &lane.ending {
            let what = match ending {
                Ending::Done { value } => format!("returned {}", rec.resolve(*value)),
                Ending::Failed { error } => format!("raised {}", rec.resolve(*error)),
                Ending::Cancelled { by } => format!("cancelled {}", describe::cancelled_by(by, m)),
            };
            events.push(format!(r#"{{"ph":"i","s":"t","pid":1,"tid":{tid},"ts":{t},"name":{}}}"#, js(&what)));
        }
    }
    for line in &m.log {
        if let LogKind::Print(text) = line.kind {
            events.push(format!(
                r#"{{"ph":"i","s":"t","pid":1,"tid":{},"ts":{},"name":{},"cat":"print"}}"#,
                line.task.0 as u64 + 1,
                line.time,
                js(&format!("print: {}", rec.resolve(text)))
            ));
        }
    }
    format!("{{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n{}\n]}}\n", events.join(",\n"))
}

/// The page's own colours around the timeline, for one theme.
pub struct Palette {
    /// The dark theme: states take the style table's dark colours.
    pub dark: bool,
    pub background: &'static str,
    pub ink: &'static str,
    pub muted: &'static str,
    pub line: &'static str,
}

pub const LIGHT: Palette =
    Palette { dark: false, background: "#ffffff", ink: "#1c1f24", muted: "#5b6270", line: "#d9dce1" };
pub const DARK: Palette =
    Palette { dark: true, background: "#1d2026", ink: "#e8eaed", muted: "#a3aab5", line: "#343842" };

/// Text for SVG: escaped, without colour codes, and without the control characters XML 1.0
/// cannot hold (a program may print any).
fn xml(s: &str) -> String {
    super::ansi::plain(s)
        .chars()
        .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One run to draw: the recording, its model and what to call it.
#[derive(Clone, Copy)]
pub struct SvgRun<'a> {
    pub label: &'a str,
    pub model: &'a RunModel,
    pub rec: &'a Recorder,
    /// Why Interleave stopped the program (a budget ran out), if it did: its figures then say
    /// so, as the page's status does, instead of counting the stopped task as raising.
    pub halted: Option<&'a str>,
}

impl SvgRun<'_> {
    /// The run's plain figures, told how it ended.
    fn figures(&self) -> String {
        headline_from(self.model, &metrics(self.model), self.rec, self.halted).join("; ")
    }
}

/// How to draw: the title, the size, the theme, the axis.
pub struct SvgOptions<'a> {
    pub title: &'a str,
    pub width: u32,
    /// Rows per run beyond which the rest are summed up in one line.
    pub max_rows: usize,
    pub palette: &'a Palette,
    pub axis: Axis,
    /// With a kept run: the point of the comparison, in a sentence
    /// ([`super::compare::Comparison::point`]).
    pub point: Option<&'a str>,
}

const LABEL_W: f64 = 200.0;
const ROW: f64 = 22.0;
const BAR: f64 = 16.0;
/// About how wide a character of the 12 px font is, to fit labels without measuring.
const CHAR_W: f64 = 6.2;
/// A label cut shorter than this tells nothing: the bar goes without.
const MIN_LABEL: usize = 7;

/// A standalone SVG of the timeline, `width` pixels wide, in the theme of `p` (lanes beyond
/// `max_lanes` are summed up in a last line). The page's export button calls this; see
/// [`svg_with`] for a title and a kept run.
pub fn svg(m: &RunModel, rec: &Recorder, width: u32, max_lanes: usize, p: &Palette) -> String {
    let run = SvgRun { label: "this run", model: m, rec, halted: None };
    svg_with(
        run,
        None,
        &SvgOptions { title: "Interleave run", width, max_rows: max_lanes, palette: p, axis: Axis::Time, point: None },
    )
}

/// Maps a run's positions (time or turns) to the drawing's x.
struct Scale<'a> {
    axis: Axis,
    turns: TurnAxis<'a>,
    span: f64,
    plot: f64,
}

impl Scale<'_> {
    fn x(&self, pos: f64) -> f64 {
        LABEL_W + pos / self.span * self.plot
    }

    fn time(&self, t: Micros) -> f64 {
        self.x(match self.axis {
            Axis::Time => t as f64,
            Axis::Turns => self.turns.pos_of_time(t),
        })
    }

    fn event(&self, t: Micros, event: usize) -> f64 {
        self.x(match self.axis {
            Axis::Time => t as f64,
            Axis::Turns => self.turns.pos_of_event(event),
        })
    }

    fn segment(&self, lane: &Lane, i: usize, end: Micros) -> (f64, f64) {
        match self.axis {
            Axis::Time => {
                let s = &lane.segments[i];
                (self.x(s.start as f64), self.x(s.end.unwrap_or(end) as f64))
            }
            Axis::Turns => {
                let (a, b) = self.turns.segment_span(lane, i);
                (self.x(a), self.x(b))
            }
        }
    }

    fn step(&self, m: &RunModel, i: usize) -> (f64, f64) {
        match self.axis {
            Axis::Time => (self.x(m.steps[i].start as f64), self.x(m.steps[i].end as f64)),
            Axis::Turns => {
                let (a, b) = self.turns.step_span(i);
                (self.x(a), self.x(b))
            }
        }
    }

    fn end(&self, m: &RunModel) -> f64 {
        match self.axis {
            Axis::Time => self.x(m.span() as f64),
            Axis::Turns => self.x(self.turns.end()),
        }
    }
}

/// The fill of a look: its colour, or its pattern over its colour.
fn fill(look: Look) -> String {
    let s = style(look);
    match s.pattern {
        Pattern::Hatch | Pattern::Grid | Pattern::Dots | Pattern::Stripes => format!("url(#{})", pattern_id(s)),
        Pattern::Outline => "none".into(),
        _ => "currentColor".into(),
    }
}

fn pattern_id(s: &Style) -> String {
    format!("p{}", s.var.trim_start_matches('-'))
}

/// The `<pattern>` of every patterned look, in the theme's colours.
fn pattern_defs(dark: bool) -> String {
    let mut out = String::from("<defs>\n");
    for s in STYLES {
        let c = s.colour(dark);
        let over = match s.pattern {
            Pattern::Hatch => {
                r##"<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-opacity="0.5" stroke-width="2"/>"##
            }
            Pattern::Grid => r##"<path d="M0 0H6M0 0V6" stroke="#000000" stroke-opacity="0.35" stroke-width="1.5"/>"##,
            Pattern::Dots => r##"<circle cx="3" cy="3" r="1.1" fill="#000000" fill-opacity="0.35"/>"##,
            Pattern::Stripes => {
                r##"<line x1="0" y1="0" x2="0" y2="6" stroke="#000000" stroke-opacity="0.4" stroke-width="2"/>"##
            }
            _ => continue,
        };
        let rotate = match s.pattern {
            Pattern::Hatch => r#" patternTransform="rotate(45)""#,
            Pattern::Stripes => r#" patternTransform="rotate(-45)""#,
            _ => "",
        };
        out += &format!(
            r#"<pattern id="{}" width="6" height="6" patternUnits="userSpaceOnUse"{rotate}><rect width="6" height="6" fill="{c}"/>{over}</pattern>
"#,
            pattern_id(s)
        );
    }
    out += r#"<marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L8 4L0 8z" fill="context-stroke"/></marker>
</defs>
"#;
    out
}

/// A rectangle filled in `look`, with a tooltip.
fn bar(look: Look, dark: bool, x0: f64, x1: f64, y: f64, title: &str) -> String {
    let s = style(look);
    let (stroke, fill) = match s.pattern {
        Pattern::Outline => (format!(r#" stroke="{}" stroke-dasharray="4 3""#, s.colour(dark)), "none".to_string()),
        Pattern::Solid | Pattern::Area => (String::new(), s.colour(dark).to_string()),
        _ => (String::new(), fill(look)),
    };
    format!(
        r#"<rect x="{x0:.2}" y="{y:.1}" width="{:.2}" height="{BAR}" fill="{fill}"{stroke}><title>{}</title></rect>"#,
        (x1 - x0).max(0.8),
        xml(title)
    )
}

/// A label drawn inside a bar when it fits (on a backing so it reads over any pattern).
/// How many characters fit inside a bar from `x0` to `x1`.
fn room(x0: f64, x1: f64) -> usize {
    ((x1 - x0 - 8.0) / CHAR_W).floor().max(0.0) as usize
}

fn inside_label(text: &str, x0: f64, x1: f64, y: f64, p: &Palette) -> String {
    let room = room(x0, x1);
    if room < MIN_LABEL.min(text.chars().count()) {
        return String::new();
    }
    let text = cut_middle(text, room);
    let w = text.chars().count() as f64 * CHAR_W + 4.0;
    format!(
        r#"<rect x="{:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{}" fill-opacity="0.85"/><text x="{:.1}" y="{:.1}" fill="{}">{}</text>"#,
        x0 + 3.0,
        y + 2.0,
        BAR - 4.0,
        p.background,
        x0 + 5.0,
        y + 12.0,
        p.ink,
        xml(&text)
    )
}

/// The SVG being written: one run after the other, from the top down.
struct Drawing<'a> {
    out: String,
    p: &'a Palette,
}

impl Drawing<'_> {
    fn label(&mut self, text: &str, y: f64, indent: f64, bold: bool, muted: bool) {
        let colour = if muted { self.p.muted } else { self.p.ink };
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let room = ((LABEL_W - indent - 8.0) / CHAR_W) as usize;
        self.out += &format!(
            r#"<text x="{indent:.1}" y="{:.1}" fill="{colour}"{weight}>{}</text>"#,
            y + 12.0,
            xml(&cut_middle(text, room))
        );
    }

    /// Everything one run adds, from `top` down; returns where it ends.
    fn run(&mut self, run: SvgRun, sc: &Scale, top: f64, max_rows: usize, faded: bool) -> f64 {
        let (m, rec, dark) = (run.model, run.rec, self.p.dark);
        if faded {
            self.out += r#"<g opacity="0.6">"#;
        }
        // The event loop: who holds the thread, and the polls that blocked it.
        let y = top + 2.0;
        self.label("event loop", y, 8.0, true, false);
        // Module code before any loop ran: a band of its own (on the time axis only: it took
        // no turn of the loop).
        if let Some((start, end)) = m.module_stretch().filter(|_| sc.axis == Axis::Time) {
            let (x0, x1) = (sc.time(start), sc.time(end));
            self.out += &format!(
                r#"<rect x="{x0:.2}" y="{y:.1}" width="{:.2}" height="{BAR}" fill="{}"><title>{}</title></rect>"#,
                (x1 - x0).max(0.8),
                style(Look::Module).colour(dark),
                xml(&describe::module_band_title(m))
            );
            self.out += &inside_label(describe::module_band(m), x0, x1, y, self.p);
        }
        let running = style(Look::Running).colour(dark);
        for (i, s) in m.steps.iter().enumerate() {
            let (x0, x1) = sc.step(m, i);
            self.out += &format!(
                r#"<rect x="{x0:.2}" y="{y:.1}" width="{:.2}" height="{BAR}" fill="{running}"><title>{}</title></rect>"#,
                (x1 - x0).max(0.8),
                xml(&format!("step {}: {}", i + 1, describe::step(s, m, rec)))
            );
        }
        for h in holds(m) {
            let (x0, x1) = sc.step(m, h.step);
            self.out += &format!(
                r#"<rect x="{x0:.2}" y="{:.1}" width="{:.2}" height="{:.1}" fill="none" stroke="{}" stroke-width="2"/>"#,
                y - 1.0,
                (x1 - x0).max(2.0),
                BAR + 2.0,
                style(Look::Blocked).colour(dark)
            );
            self.out += &inside_label(&h.lane_label(m), x0, x1, y, self.p);
        }
        self.out.push('\n');
        let rows = rows(m, sc.axis == Axis::Turns);
        let shown = rows.len().min(max_rows);
        let row_y = |i: usize| top + ROW * (i + 1) as f64 + 2.0;
        let mut lane_y: Vec<Option<f64>> = vec![None; m.lanes.len()];
        for (i, &row) in rows.iter().take(shown).enumerate() {
            let y = row_y(i);
            let indent = match row {
                Row::Task(id) => 8.0 + 10.0 * m.lanes.get(id.0 as usize).map_or(0, |l| l.depth.min(8)) as f64,
                Row::Ghost(_) => 18.0,
                _ => 8.0,
            };
            self.label(&row_label(m, rec, row), y, indent, false, !matches!(row, Row::Task(_)));
            match row {
                Row::Task(id) => {
                    lane_y[id.0 as usize] = Some(y);
                    self.lane(run, sc, id, y);
                }
                Row::Ghost(g) => self.ghost(run, sc, g, y),
                Row::Permits(s) => self.series(&m.permits[s], Look::Permits, sc, y),
                Row::Queue(s) => self.series(&m.queues[s], Look::QueueItems, sc, y),
                Row::Ready => self.ready(m, sc, y),
            }
            self.out.push('\n');
        }
        // Deadlines on the waiting task's lane, and connectors between lanes.
        for d in &m.deadlines {
            if let Some(y) = lane_y.get(d.waiter.0 as usize).copied().flatten() {
                let s = style(Look::Deadline);
                let x = sc.time(d.due);
                self.out += &format!(
                    r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{}" stroke-width="2" stroke-dasharray="3 2"><title>{}</title></line><text x="{:.1}" y="{:.1}" fill="{}">{}</text>"#,
                    y - 2.0,
                    y + BAR + 2.0,
                    s.colour(dark),
                    xml(&format!("timeout due at {}, fired at {}", instant(d.due), instant(d.fired))),
                    x + 2.0,
                    y - 3.0,
                    s.colour(dark),
                    s.glyph.unwrap_or("")
                );
            }
        }
        for link in &m.links {
            let (Some(fy), Some(ty), Some(tt), Some(te)) = (
                lane_y.get(link.from.0 as usize).copied().flatten(),
                lane_y.get(link.to.0 as usize).copied().flatten(),
                link.to_time,
                link.to_event,
            ) else {
                continue;
            };
            let s = style(link_look(link.kind));
            let dash = if s.pattern == Pattern::DashedArrow { r#" stroke-dasharray="5 3""# } else { "" };
            self.out += &format!(
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="1.6"{dash} marker-end="url(#arrow)"><title>{}</title></line>"#,
                sc.event(link.from_time, link.from_event),
                fy + BAR / 2.0,
                sc.event(tt, te),
                ty + BAR / 2.0,
                s.colour(dark),
                xml(&format!(
                    "{}: {} → {}",
                    s.label,
                    describe::task_name(m, link.from),
                    describe::task_name(m, link.to)
                ))
            );
        }
        let mut bottom = top + ROW * (shown + 1) as f64;
        if rows.len() > shown {
            self.label(&format!("… and {} more rows", rows.len() - shown), bottom + 2.0, 8.0, false, true);
            bottom += ROW;
        }
        if faded {
            self.out += "</g>";
        }
        self.out.push('\n');
        bottom
    }

    fn lane(&mut self, run: SvgRun, sc: &Scale, id: TaskId, y: f64) {
        let (m, rec, dark) = (run.model, run.rec, self.p.dark);
        let Some(lane) = m.lanes.get(id.0 as usize) else { return };
        let end = m.span();
        for (i, seg) in lane.segments.iter().enumerate() {
            let look = segment_look(m, seg);
            let (x0, x1) = sc.segment(lane, i, end);
            let title = format!(
                "{} ({} → {})",
                describe::segment_title(seg, m, rec),
                instant(seg.start),
                instant(seg.end.unwrap_or(end))
            );
            self.out += &bar(look, dark, x0, x1, y, &title);
            let full = describe::segment_label(seg, m, rec);
            let label = match describe::segment_short_label(seg) {
                Some(short) if full.chars().count() > room(x0, x1) => short,
                _ => full,
            };
            self.out += &inside_label(&label, x0, x1, y, self.p);
        }
        let print = style(Look::Print);
        for line in m.log.iter().filter(|l| l.task == id && matches!(l.kind, LogKind::Print(_))) {
            let x = sc.event(line.time, line.event);
            self.out += &format!(
                r#"<path d="M{:.1} {:.1}h7l-3.5 5z" fill="{}"><title>{}</title></path>"#,
                x - 3.5,
                y - 2.0,
                print.colour(dark),
                xml(&format!("print: {}", describe::log_line(line, m, rec)))
            );
        }
        if let (Some((t, ending)), Some(ev)) = (&lane.ending, lane.end_event) {
            let s = style(ending_look(ending));
            self.out += &format!(
                r#"<text x="{:.1}" y="{:.1}" fill="{}" font-weight="bold">{}</text>"#,
                sc.event(*t, ev) + 3.0,
                y + 13.0,
                s.colour(dark),
                s.glyph.unwrap_or("")
            );
        }
    }

    fn ghost(&mut self, run: SvgRun, sc: &Scale, i: usize, y: f64) {
        let m = run.model;
        let Some(g) = m.never_awaited.get(i) else { return };
        let (x0, x1) = (sc.event(g.at, g.event), sc.end(m));
        let title =
            format!("{}: created at {}, never awaited, so it never ran", run.rec.resolve(g.name), instant(g.at));
        self.out += &bar(Look::Ghost, self.p.dark, x0, x1.max(x0 + 40.0), y, &title);
        let s = style(Look::Ghost);
        self.out += &format!(
            r#"<text x="{:.1}" y="{:.1}" fill="{}">{} never ran</text>"#,
            x0 + 4.0,
            y + 12.0,
            s.colour(self.p.dark),
            s.glyph.unwrap_or("")
        );
    }

    /// A step chart of a series on its 0–limit scale, with the limit as a dashed rule.
    fn series(&mut self, s: &Series, look: Look, sc: &Scale, y: f64) {
        let dark = self.p.dark;
        let scale = series_scale(s) as f64;
        let (top, bottom) = (y, y + BAR);
        let level = |v: u32| bottom - v as f64 / scale * BAR;
        let mut d = format!("M{:.1} {bottom:.1}", LABEL_W);
        for p in &s.points {
            let x = sc.event(p.time, p.event);
            d += &format!("H{x:.1}V{:.1}", level(p.value));
        }
        d += &format!("H{:.1}V{bottom:.1}z", sc.x(sc.span));
        self.out += &format!(
            r#"<path d="{d}" fill="{}" fill-opacity="0.8"><title>{} (peak {})</title></path>"#,
            style(look).colour(dark),
            style(look).label,
            s.peak()
        );
        if s.limit > 0 {
            self.out += &format!(
                r#"<line x1="{:.1}" y1="{top:.1}" x2="{:.1}" y2="{top:.1}" stroke="{}" stroke-dasharray="4 3"><title>limit {}</title></line>"#,
                LABEL_W,
                sc.x(sc.span),
                style(Look::Limit).colour(dark),
                s.limit
            );
        }
    }

    /// The ready queue on the turns axis: each turn's waiting tasks, as many as fit.
    fn ready(&mut self, m: &RunModel, sc: &Scale, y: f64) {
        for k in 0..m.turns.len() {
            let names: Vec<&str> = m.ready_at(k).iter().map(|&t| describe::task_name(m, t)).collect();
            if names.is_empty() {
                continue;
            }
            let (x0, x1) = (sc.x(k as f64), sc.x(k as f64 + 1.0));
            let title = format!("waiting for turn {}: {}", k + 1, names.join(", "));
            self.out += &format!(
                r#"<rect x="{:.2}" y="{y:.1}" width="{:.2}" height="{BAR}" fill="{}"><title>{}</title></rect>"#,
                x0 + 0.5,
                (x1 - x0 - 1.0).max(0.8),
                fill(Look::Ready),
                xml(&title)
            );
            // The names when they fit, else how many.
            let all =
                if names.len() == 1 { names[0].to_string() } else { format!("{}: {}", names.len(), names.join(", ")) };
            let fits = (all.chars().count() as f64) * CHAR_W + 8.0 <= x1 - x0;
            let text = if fits { all } else { names.len().to_string() };
            self.out += &inside_label(&text, x0, x1, y, self.p);
        }
    }
}

/// A standalone SVG of a run's timeline with its title and legend, in the theme of the
/// palette, on either axis; a kept run is drawn below it, faded, on the same scale.
pub fn svg_with(run: SvgRun, kept: Option<SvgRun>, o: &SvgOptions) -> String {
    let p = o.palette;
    let width = o.width.max(400) as f64;
    let plot = width - LABEL_W - 12.0;
    let extent = |m: &RunModel| match o.axis {
        Axis::Time => m.span() as f64,
        Axis::Turns => m.turns.len() as f64,
    };
    let span = extent(run.model).max(kept.map_or(0.0, |k| extent(k.model))).max(1.0);
    let scale = |m| Scale { axis: o.axis, turns: TurnAxis::new(m), span, plot };
    let mut d = Drawing { out: String::new(), p };
    // Title and the run's figures.
    d.out += &format!(
        r#"<text x="8" y="20" fill="{}" font-size="15" font-weight="bold">{}</text><text x="8" y="38" fill="{}">{}</text>
"#,
        p.ink,
        xml(o.title),
        p.muted,
        xml(&format!("{}: {}", run.label, run.figures()))
    );
    let axis_top = 48.0;
    d.out += &axis(run.model, &scale(run.model), axis_top, p);
    let mut top = axis_top + 22.0;
    top = d.run(run, &scale(run.model), top, o.max_rows, false) + 8.0;
    if let Some(k) = kept {
        d.out += &format!(
            r#"<text x="8" y="{:.1}" fill="{}" font-weight="bold">Kept run for comparison: {}</text><text x="8" y="{:.1}" fill="{}">{}</text>"#,
            top + 12.0,
            p.ink,
            xml(k.label),
            top + 12.0 + ROW,
            p.muted,
            xml(o.point.unwrap_or_default())
        );
        top = d.run(k, &scale(k.model), top + 2.0 * ROW, o.max_rows, true) + 8.0;
    }
    // The legend: the looks this drawing uses, and the threshold under which lateness is not drawn.
    let mut looks = legend(run.model);
    if let Some(k) = kept {
        let more: Vec<&Style> = legend(k.model).into_iter().filter(|s| !looks.contains(s)).collect();
        looks.extend(more);
        looks.sort_by_key(|s| STYLES.iter().position(|t| t.look == s.look));
    }
    let (mut lx, mut ly) = (8.0, top + 10.0);
    for s in looks {
        let (label, meaning) = legend_label(s, run.model, run.rec, run.halted);
        let w = 24.0 + label.chars().count() as f64 * CHAR_W + 14.0;
        if lx + w > width {
            lx = 8.0;
            ly += 20.0;
        }
        let swatch = match s.pattern {
            Pattern::Glyph | Pattern::Marker => format!(
                r#"<text x="{:.1}" y="{:.1}" fill="{}" font-weight="bold">{}</text>"#,
                lx + 2.0,
                ly + 11.0,
                s.colour(p.dark),
                s.glyph.unwrap_or("")
            ),
            Pattern::Arrow | Pattern::DashedArrow | Pattern::Rule => format!(
                r#"<line x1="{lx:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="2"{}/>"#,
                ly + 6.0,
                lx + 16.0,
                ly + 6.0,
                s.colour(p.dark),
                if s.pattern == Pattern::Arrow { "" } else { r#" stroke-dasharray="4 3""# }
            ),
            _ => bar(s.look, p.dark, lx, lx + 16.0, ly - 2.0, meaning),
        };
        d.out += &swatch;
        d.out += &format!(
            r#"<text x="{:.1}" y="{:.1}" fill="{}"><title>{}</title>{}</text>"#,
            lx + 20.0,
            ly + 11.0,
            p.ink,
            xml(meaning),
            xml(label)
        );
        lx += w;
    }
    ly += 30.0;
    d.out +=
        &format!(r#"<text x="8" y="{ly:.1}" fill="{}">{}</text>"#, p.muted, xml(&late_threshold_note(Some(run.model))));
    let height = ly + 14.0;
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height:.0}" viewBox="0 0 {width} {height:.0}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="{}">
<title>{}</title>
<desc>{}</desc>
{}<rect width="100%" height="100%" fill="{}"/>
{}</svg>
"#,
        xml(o.title),
        xml(o.title),
        xml(&text_alternative(run.model, run.rec, run.halted)),
        pattern_defs(p.dark),
        p.background,
        d.out
    )
}

/// A small picture of a run for a gallery card, on the time axis: the event loop's row, then
/// the timeline's first rows (permits and queue levels, tasks, coroutines never awaited), each
/// task's ending as a cap in its colour and `wait_for`'s deadlines as rules across the waiting
/// lane; in the table's colours (patterns are too fine at this size), with no labels. Its
/// title says what it shows.
pub fn thumbnail(run: SvgRun, width: u32, height: u32, dark: bool) -> String {
    const ROWS: usize = 8;
    // A run with fewer rows is drawn at this many rows' pitch, centred, so two rows read as
    // bars rather than slabs.
    const MIN_ROWS: usize = 5;
    let m = run.model;
    let all = rows(m, false);
    let shown = &all[..all.len().min(ROWS)];
    let (w, h) = (width.max(40) as f64, height.max(20) as f64);
    let pitch = h / (shown.len() + 1).max(MIN_ROWS) as f64;
    let top = (h - pitch * (shown.len() + 1) as f64) / 2.0;
    let bar = (pitch * 0.7).max(1.0);
    let bar_y = |row: usize| top + pitch * row as f64 + (pitch - bar) / 2.0;
    let end = m.span();
    let span = end.max(1) as f64;
    let x = |t: Micros| t as f64 / span * w;
    let colour = |look| style(look).colour(dark);
    let rect = |x0: f64, x1: f64, y: f64, fill: &str| {
        format!(r#"<rect x="{x0:.1}" y="{y:.1}" width="{:.1}" height="{bar:.1}" fill="{fill}"/>"#, (x1 - x0).max(0.6))
    };
    // One group per row, the event loop's first.
    let mut out = String::from("<g>");
    for s in &m.steps {
        out += &rect(x(s.start), x(s.end), bar_y(0), colour(Look::Running));
    }
    out += "</g>";
    let mut lane_y: Vec<Option<f64>> = vec![None; m.lanes.len()];
    for (i, &row) in shown.iter().enumerate() {
        let y = bar_y(i + 1);
        out += "<g>";
        match row {
            Row::Task(id) => {
                if let Some(lane) = m.lanes.get(id.0 as usize) {
                    lane_y[id.0 as usize] = Some(y);
                    for seg in &lane.segments {
                        out += &rect(x(seg.start), x(seg.end.unwrap_or(end)), y, colour(segment_look(m, seg)));
                    }
                    if let Some((t, ending)) = &lane.ending {
                        // Inside the drawing even for the tasks that end last, at its right edge.
                        let cap = (bar * 0.5).max(2.0);
                        let x0 = (x(*t) - cap / 2.0).clamp(0.0, w - cap);
                        out += &rect(x0, x0 + cap, y, colour(ending_look(ending)));
                    }
                }
            }
            Row::Ghost(g) => {
                if let Some(g) = m.never_awaited.get(g) {
                    out += &format!(
                        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="{}" stroke-dasharray="3 2"/>"#,
                        x(g.at) + 0.5,
                        y + 0.5,
                        (w - x(g.at) - 1.0).max(8.0),
                        bar - 1.0,
                        colour(Look::Ghost)
                    );
                }
            }
            Row::Permits(s) => out += &level(&m.permits[s], colour(Look::Permits), &x, w, y, bar),
            Row::Queue(s) => out += &level(&m.queues[s], colour(Look::QueueItems), &x, w, y, bar),
            Row::Ready => {}
        }
        out += "</g>";
    }
    for d in &m.deadlines {
        if let Some(y) = lane_y.get(d.waiter.0 as usize).copied().flatten() {
            out += &format!(
                r#"<line x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}" stroke="{3}" stroke-width="2"/>"#,
                x(d.due).clamp(1.0, w - 1.0),
                y - 2.0,
                y + bar + 2.0,
                colour(Look::Deadline)
            );
        }
    }
    let background = if dark { DARK.background } else { LIGHT.background };
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img"><title>{}</title><rect width="100%" height="100%" fill="{background}"/>{out}</svg>"#,
        xml(&format!("{}: {}", run.label, run.figures()))
    )
}

/// A series as a step chart filling one thumbnail row, on its 0–limit scale.
fn level(s: &Series, fill: &str, x: &dyn Fn(Micros) -> f64, w: f64, y: f64, bar: f64) -> String {
    let scale = series_scale(s) as f64;
    let bottom = y + bar;
    let mut d = format!("M0 {bottom:.1}");
    for p in &s.points {
        d += &format!("H{:.1}V{:.1}", x(p.time), bottom - p.value as f64 / scale * bar);
    }
    d += &format!("H{w:.1}V{bottom:.1}z");
    format!(r#"<path d="{d}" fill="{fill}"/>"#)
}

/// The axis band: time ticks, or turn numbers with their times under them.
fn axis(m: &RunModel, sc: &Scale, top: f64, p: &Palette) -> String {
    let mut out = String::new();
    let bottom = top + 14.0;
    match sc.axis {
        Axis::Time => {
            let (step, marks) = ticks(0, sc.span as Micros, 8);
            for t in marks {
                let x = sc.x(t as f64);
                out += &format!(
                    r#"<line x1="{x:.1}" y1="{bottom:.1}" x2="{x:.1}" y2="{:.1}" stroke="{}"/><text x="{x:.1}" y="{:.1}" fill="{}" text-anchor="middle">{}</text>"#,
                    bottom + 6.0,
                    p.line,
                    top + 8.0,
                    p.muted,
                    tick_label(t, step)
                );
            }
        }
        Axis::Turns => {
            out += &format!(r#"<text x="8" y="{:.1}" fill="{}">turns →</text>"#, top + 8.0, p.muted);
            for tick in TurnAxis::new(m).ticks(0.0, sc.span, 12) {
                let x = sc.x(tick.pos);
                out += &format!(
                    r#"<line x1="{x:.1}" y1="{bottom:.1}" x2="{x:.1}" y2="{:.1}" stroke="{}"/><text x="{:.1}" y="{:.1}" fill="{}">{} <tspan font-size="10">{}</tspan></text>"#,
                    bottom + 6.0,
                    p.line,
                    x + 2.0,
                    top + 8.0,
                    p.muted,
                    tick.label,
                    tick.time
                );
            }
        }
    }
    out + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aio::{coro, gather, run, sleep};
    use crate::runtime::Runtime;

    fn gather_run() -> (Runtime, RunModel) {
        let rt = Runtime::new_virtual();
        run(
            &rt,
            coro("main", async {
                gather([
                    coro("A \"quoted\"", async {
                        sleep(1.0).await?;
                        Ok(1u32)
                    }),
                    coro("B", async {
                        sleep(0.5).await?;
                        Ok(2)
                    }),
                ])
                .await
            }),
        );
        rt.run_until_end();
        let mut m = RunModel::default();
        m.ingest(&rt.trace());
        (rt, m)
    }

    #[test]
    fn the_trace_has_one_named_track_per_task_and_the_loop() {
        let (rt, m) = gather_run();
        let json = chrome_trace(&m, &rt.trace());
        assert!(json.contains(r#""tid":0,"name":"thread_name","args":{"name":"event loop (the one thread)"}"#));
        assert!(json.contains(r#""tid":1,"name":"thread_name","args":{"name":"main"}"#));
        assert!(json.contains(r#""tid":2,"name":"thread_name","args":{"name":"A \"quoted\""}"#));
        assert!(json.contains(r#""tid":3,"name":"thread_name","args":{"name":"B"}"#));
        assert!(json.contains(r#""ts":0,"dur":500000,"name":"waiting: sleep(0.5)","cat":"timer""#), "{json}");
        assert_eq!(json.matches(r#""name":"thread_name""#).count(), 4);
    }

    #[test]
    fn the_svg_escapes_names_and_draws_every_lane() {
        let (rt, m) = gather_run();
        let svg = svg(&m, &rt.trace(), 800, 100, &LIGHT);
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("A &quot;quoted&quot;"));
        // Each lane's ending, and the legend's entry for it.
        assert_eq!(svg.matches("✓").count(), 4);
    }
}
