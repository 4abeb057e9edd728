//! Python source as the page paints it: syntax colours, line numbers, the lines tasks are on
//! (lit, with an arrow and the tasks' names in the gutter, as Python Tutor points at the
//! running line), the picked line, and a syntax error's place (underlined). The editor lays its
//! textarea over the same painting; a demo's code is shown with it alone.

use std::rc::Rc;

use yew::prelude::*;

use crate::python::highlight::{classify, Class, Span};
use crate::session::LitLine;

/// Height of one code line in CSS pixels (`--code-line` in style.css says the same): the
/// editor finds the line under the pointer with it.
pub const LINE_PX: f64 = 21.0;

/// Sources longer than this are painted without colours: painting them would cost more than
/// typing can wait for.
pub const MAX_COLOURED_BYTES: usize = 64 * 1024;

/// The deepest hang a wrapped line gets (style.css has a `hang-N` class for every even N up
/// to here).
const MAX_HANG: usize = 40;

/// Where a syntax error is: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorAt {
    pub line: u32,
    pub column: u32,
}

/// What to paint over the source.
#[derive(Clone, Default, PartialEq)]
pub struct Marks {
    pub lit: Rc<Vec<LitLine>>,
    /// The line of the picked step, log line or traceback entry.
    pub selected: Option<u32>,
    /// The line the pointer is on.
    pub hover: Option<u32>,
    pub error: Option<ErrorAt>,
}

/// The colours of `source` (none for a very long one).
pub fn colours(source: &str) -> Rc<Vec<Span>> {
    Rc::new(if source.len() <= MAX_COLOURED_BYTES { classify(source) } else { Vec::new() })
}

/// The painted part of a source: which lines (0-based, end excluded) out of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub end: usize,
    pub lines: usize,
    /// Characters in the longest line (the painting's width).
    pub widest: usize,
}

/// The columns the widest line of `source` takes, a tab reaching the next multiple of 4 (the
/// code's `tab-size`).
pub fn widest_columns(source: &str) -> usize {
    let columns = |line: &str| line.chars().fold(0, |col, c| if c == '\t' { col / 4 * 4 + 4 } else { col + 1 });
    source.split('\n').map(columns).max().unwrap_or(0)
}

/// The lines of `source` from `first` on, as many as `count` (all of them when `None`).
pub fn window(source: &str, first: usize, count: Option<usize>) -> Window {
    let lines = source.split('\n').count();
    let widest = widest_columns(source);
    let first = first.min(lines.saturating_sub(1));
    let end = count.map_or(lines, |c| (first + c).min(lines));
    Window { first, end, lines, widest }
}

/// The CSS class a kind of token is painted with.
fn css(class: Class) -> &'static str {
    match class {
        Class::Keyword => "t-kw",
        Class::Builtin => "t-bi",
        Class::Constant => "t-const",
        Class::Name => "t-name",
        Class::Number => "t-num",
        Class::String => "t-str",
        Class::FStringExpr => "t-fx",
        Class::Comment => "t-com",
        Class::Operator => "t-op",
        Class::Punctuation => "t-punct",
        Class::Decorator => "t-dec",
        Class::Definition => "t-def",
        Class::Error => "t-err",
    }
}

/// The gutter (line numbers, a marker where tasks are) and the painted lines of `win`, as two
/// columns of fixed-height rows (the editor lays its textarea over the lines).
pub fn paint(source: &str, spans: &[Span], marks: &Marks, win: Window) -> (Html, Html) {
    let (gutter, lines): (Vec<Html>, Vec<Html>) = painted_lines(source, spans, marks, win, false).into_iter().unzip();
    (html! { <>{ for gutter }</> }, html! { <>{ for lines }</> })
}

/// The same painting as one grid, each line's gutter cell beside it, so a long line can wrap
/// and its cell grows with it (a read-only view: nothing is laid over the lines).
pub fn paint_rows(source: &str, spans: &[Span], marks: &Marks, win: Window) -> Html {
    let rows = painted_lines(source, spans, marks, win, true).into_iter().flat_map(|(g, ln)| [g, ln]);
    html! { <>{ for rows }</> }
}

/// Each line of `win`: its gutter cell and its painted text. `hang`: a wrapped line's
/// continuation hangs four columns past the line's own indentation (`hang-N`), so it never
/// reads as a statement of its own.
fn painted_lines(source: &str, spans: &[Span], marks: &Marks, win: Window, hang: bool) -> Vec<(Html, Html)> {
    let lit = |n: u32| marks.lit.iter().find(|l| l.line == n);
    let mut start = if win.first == 0 {
        0
    } else {
        source.match_indices('\n').nth(win.first - 1).map_or(source.len(), |(i, _)| i + 1)
    };
    let mut next = spans.partition_point(|s| s.end <= start);
    source[start..]
        .split('\n')
        .take(win.end - win.first)
        .enumerate()
        .map(|(i, text)| {
            let n = (win.first + i) as u32 + 1;
            let end = start + text.len();
            let error = marks.error.filter(|e| e.line == n).map(|e| e.column);
            let body = line_html(source, spans, &mut next, start, end, error);
            start = end + 1;
            let picked = marks.selected == Some(n);
            let cell = html! {
                <div class={classes!("g", lit(n).is_some().then_some("lit"), picked.then_some("picked"))}
                    data-line={n.to_string()}>
                    <span class="mark-col">if let Some(l) = lit(n) { { marker(l) } }</span>
                    <span class="num" aria-hidden="true">{n}</span>
                </div>
            };
            let classes = classes!(
                "ln",
                lit(n).is_some().then_some("lit"),
                picked.then_some("picked"),
                (marks.hover == Some(n)).then_some("hover"),
                error.is_some().then_some("has-error")
            );
            // A class, not a style attribute: the page's CSP allows no inline styles.
            let hang = hang.then(|| {
                let indent: usize =
                    text.chars().take_while(|c| c.is_whitespace()).map(|c| if c == '\t' { 4 } else { 1 }).sum();
                format!("hang-{}", ((indent + 4) / 2 * 2).min(MAX_HANG))
            });
            let classes = classes!(classes, hang);
            (cell, html! { <div class={classes} data-line={n.to_string()}>{ body }</div> })
        })
        .collect()
}

/// One line's text as coloured spans; `next` is the first span not yet painted (spans of a
/// string over several lines are painted on each, clipped). `error`: the column to underline.
fn line_html(source: &str, spans: &[Span], next: &mut usize, start: usize, end: usize, error: Option<u32>) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut at = start;
    let piece = |from: usize, to: usize, class: Option<&'static str>, parts: &mut Vec<Html>| {
        if to <= from {
            return;
        }
        let text = source[from..to].to_string();
        parts.push(match class {
            Some(c) => html! { <span class={c}>{text}</span> },
            None => html! { {text} },
        });
    };
    while let Some(s) = spans.get(*next) {
        if s.start >= end {
            break;
        }
        let (from, to) = (s.start.max(start), s.end.min(end));
        piece(at, from, None, &mut parts);
        piece(from, to, Some(css(s.class)), &mut parts);
        at = at.max(to);
        if s.end > end {
            // Carries on into the next line.
            break;
        }
        *next += 1;
    }
    piece(at, end, None, &mut parts);
    let body = html! { <>{ for parts }</> };
    match error {
        Some(column) => with_error(source, start, end, column, body),
        None => body,
    }
}

/// The line with an underline from the error's column to the end of its word (the whole line
/// for column 0, a marked blank past the line's end). Drawn as its own layer, so the colours
/// stay as they are.
fn with_error(source: &str, start: usize, end: usize, column: u32, body: Html) -> Html {
    let text = &source[start..end];
    // Column 0: the error is about the whole line (an indentation error, say).
    let col = if column == 0 { text.len() - text.trim_start().len() } else { (column - 1) as usize };
    let before: String = text.chars().take(col).collect();
    let rest: String = text.chars().skip(col).collect();
    let word: String = match rest.chars().next() {
        _ if column == 0 && !rest.trim().is_empty() => rest.trim_end().to_string(),
        Some(c) if c.is_alphanumeric() || c == '_' => {
            rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
        }
        Some(c) => c.to_string(),
        None => " ".into(),
    };
    html! {
        <>
            { body }
            <span class="err-layer" aria-hidden="true">
                <span class="err-pad">{before}</span><span class="err-mark" data-testid="error-mark">{word}</span>
            </span>
        </>
    }
}

/// The tasks on a line, in the gutter beside its number (never over the code): an arrow, the
/// first task's name and "+N" for the others; every name in the tooltip and the label.
fn marker(l: &LitLine) -> Html {
    let names: Vec<&str> = l.tasks.iter().map(|(_, name)| name.as_str()).collect();
    let first = names.first().copied().unwrap_or_default();
    let others = names.len().saturating_sub(1);
    // Beside "+N" the first name drops its arguments (`summarize`), so the function's name
    // fits the column whole.
    let shown = match first.find('(') {
        Some(i) if others > 0 && first.len() > i + 2 => first[..i].to_string(),
        _ => first.to_string(),
    };
    let label = match names.len() {
        1 => format!("Line {}: task {first}", l.line),
        n => format!("Line {}: {n} tasks: {}", l.line, names.join(", ")),
    };
    html! {
        <span class="marker" data-testid="lit-line" role="img" title={names.join("\n")} aria-label={label}>
            <span class="arrow" aria-hidden="true">{"➜"}</span>
            <span class="who" aria-hidden="true">{shown}</span>
            if others > 0 {
                <span class="others" aria-hidden="true">{format!("+{others}")}</span>
                <span class="count" aria-hidden="true">{(others + 1).to_string()}</span>
            }
        </span>
    }
}
