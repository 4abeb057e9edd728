//! A run in formats other tools read: Chrome Trace Event JSON (opens in Perfetto and
//! chrome://tracing: one track per task plus the event loop, `X` events with µs times) and a
//! standalone SVG of the timeline.

use super::describe::{self, duration};
use super::layout::{lane_order, tick_label, ticks};
use super::run::{Ending, LogKind, RunModel, State};
use crate::trace::Recorder;

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

/// What a state is called in exports and tooltips.
pub fn state_label(state: &State, m: &RunModel, rec: &Recorder) -> String {
    match state {
        State::Running => "running".into(),
        State::Scheduled => "ready, waiting for the loop".into(),
        State::Late => "timer due, loop busy (late)".into(),
        State::Waiting(w) => format!("waiting: {}", describe::wait(w, m, rec)),
    }
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
                js(&state_label(&seg.state, m, rec)),
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

/// Colours for the SVG export (the page's own palette).
pub struct Palette {
    pub background: &'static str,
    pub ink: &'static str,
    pub muted: &'static str,
    pub line: &'static str,
}

pub const LIGHT: Palette = Palette { background: "#ffffff", ink: "#1c1f24", muted: "#5b6270", line: "#d9dce1" };
pub const DARK: Palette = Palette { background: "#1d2026", ink: "#e8eaed", muted: "#a3aab5", line: "#343842" };

/// Fill of a state (Okabe–Ito); the SVG adds patterns for waiting, ready and late.
pub fn state_colour(state: &State) -> &'static str {
    match state {
        State::Running => "#0072b2",
        State::Waiting(_) => "#56b4e9",
        State::Scheduled => "#e69f00",
        State::Late => "#d55e00",
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A standalone SVG of the whole timeline, `width` pixels wide (lanes beyond `max_lanes`
/// are summarised in a last line).
pub fn svg(m: &RunModel, rec: &Recorder, width: u32, max_lanes: usize, p: &Palette) -> String {
    const LABEL: f64 = 190.0;
    const ROW: f64 = 22.0;
    const TOP: f64 = 30.0;
    let order = lane_order(m);
    let shown = order.len().min(max_lanes);
    let span = m.span().max(1);
    let plot = width as f64 - LABEL - 10.0;
    let x = |t: u64| LABEL + t as f64 / span as f64 * plot;
    let height = TOP + ROW * (shown + 2) as f64 + 40.0;
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" font-size="12">
<defs>
<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{w}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-opacity="0.45" stroke-width="2"/></pattern>
<pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="{s}"/><circle cx="2.5" cy="2.5" r="1" fill="#000" fill-opacity="0.35"/></pattern>
<pattern id="stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="6" height="6" fill="{l}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-opacity="0.4" stroke-width="2"/></pattern>
</defs>
<rect width="100%" height="100%" fill="{bg}"/>
"##,
        w = state_colour(&State::Waiting(crate::trace::Wait::Unknown)),
        s = state_colour(&State::Scheduled),
        l = state_colour(&State::Late),
        bg = p.background
    );
    let (step, marks) = ticks(0, span, 8);
    for t in marks {
        out += &format!(
            r#"<line x1="{0:.1}" y1="{TOP}" x2="{0:.1}" y2="{1:.1}" stroke="{2}"/><text x="{0:.1}" y="{3}" fill="{4}" text-anchor="middle">{5}</text>
"#,
            x(t),
            TOP + ROW * (shown + 1) as f64,
            p.line,
            TOP - 8.0,
            p.muted,
            tick_label(t, step)
        );
    }
    // Row 0: the event loop.
    let loop_y = TOP + 2.0;
    out += &format!(r#"<text x="8" y="{:.1}" fill="{}" font-weight="bold">event loop</text>"#, loop_y + 14.0, p.ink);
    for s in &m.steps {
        out += &format!(
            r#"<rect x="{:.2}" y="{loop_y:.1}" width="{:.2}" height="18" fill="{}"><title>{}</title></rect>"#,
            x(s.start),
            (x(s.end) - x(s.start)).max(0.8),
            state_colour(&State::Running),
            xml(describe::task_name(m, s.task))
        );
    }
    out.push('\n');
    for (row, id) in order.iter().take(shown).enumerate() {
        let lane = &m.lanes[id.0 as usize];
        let y = TOP + ROW * (row + 1) as f64 + 2.0;
        let name: String = lane.name.chars().take(28).collect();
        out += &format!(
            r#"<text x="{:.1}" y="{:.1}" fill="{}">{}</text>"#,
            8.0 + 10.0 * lane.depth.min(8) as f64,
            y + 14.0,
            p.ink,
            xml(&name)
        );
        for seg in &lane.segments {
            let fill = match seg.state {
                State::Running => state_colour(&seg.state).to_string(),
                State::Waiting(_) => "url(#hatch)".into(),
                State::Scheduled => "url(#dots)".into(),
                State::Late => "url(#stripes)".into(),
            };
            let (x0, x1) = (x(seg.start), x(seg.end.unwrap_or(span)));
            out += &format!(
                r#"<rect x="{x0:.2}" y="{y:.1}" width="{:.2}" height="18" fill="{fill}"><title>{} ({} → {})</title></rect>"#,
                (x1 - x0).max(0.8),
                xml(&state_label(&seg.state, m, rec)),
                duration(seg.start),
                duration(seg.end.unwrap_or(span))
            );
        }
        if let Some((t, ending)) = &lane.ending {
            let (glyph, colour) = match ending {
                Ending::Done { .. } => ("✓", "#009e73"),
                Ending::Failed { .. } => ("✗", "#b3261e"),
                Ending::Cancelled { .. } => ("⊘", "#7a7a7a"),
            };
            out += &format!(
                r#"<text x="{:.1}" y="{:.1}" fill="{colour}" font-weight="bold">{glyph}</text>"#,
                x(*t) + 3.0,
                y + 14.0
            );
        }
        out.push('\n');
    }
    if order.len() > shown {
        out += &format!(
            r#"<text x="8" y="{:.1}" fill="{}">… and {} more tasks</text>"#,
            TOP + ROW * (shown + 1) as f64 + 16.0,
            p.muted,
            order.len() - shown
        );
    }
    let legend_y = height - 12.0;
    let mut lx = 8.0;
    for (label, fill) in [
        ("running", state_colour(&State::Running).to_string()),
        ("waiting", "url(#hatch)".into()),
        ("ready", "url(#dots)".into()),
        ("late", "url(#stripes)".into()),
    ] {
        out += &format!(
            r#"<rect x="{lx}" y="{:.1}" width="14" height="12" fill="{fill}"/><text x="{:.1}" y="{legend_y}" fill="{}">{label}</text>"#,
            legend_y - 10.0,
            lx + 18.0,
            p.ink
        );
        lx += 90.0;
    }
    out + "\n</svg>\n"
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
        assert_eq!(svg.matches("✓").count(), 3);
    }
}
