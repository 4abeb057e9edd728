//! The theme the timeline paints in: colours read from the page's CSS variables (each look's
//! from its variable in the style table), whether the user asked for reduced motion, and the
//! fills (solid, or a pattern tile over a colour) the style table gives each look.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{CanvasPattern, CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

use crate::model::style::{style, Look, Pattern, STYLES};

/// Colours of the current theme, and the user's motion preference.
pub struct Theme {
    pub bg: String,
    pub ink: String,
    pub muted: String,
    pub line: String,
    pub accent: String,
    looks: Vec<String>,
    /// `prefers-reduced-motion: reduce`: the axis stays put while a run grows.
    pub reduced_motion: bool,
}

impl Theme {
    pub fn read(el: &HtmlElement) -> Theme {
        let window = web_sys::window();
        let style = window.as_ref().and_then(|w| w.get_computed_style(el).ok().flatten());
        let var = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_string())
        };
        let dark = prefers_dark();
        Theme {
            bg: var("--panel", if dark { "#1d2026" } else { "#fff" }),
            ink: var("--ink", if dark { "#e8eaed" } else { "#1c1f24" }),
            muted: var("--muted", "#5b6270"),
            line: var("--line", "#d9dce1"),
            accent: var("--accent", "#0072b2"),
            looks: STYLES.iter().map(|s| var(s.var, s.colour(dark))).collect(),
            reduced_motion: media("(prefers-reduced-motion: reduce)"),
        }
    }

    /// The colour of `look` (the style table has a row for every look).
    pub fn of(&self, look: Look) -> &str {
        STYLES.iter().position(|s| s.look == look).and_then(|i| self.looks.get(i)).map_or(&self.ink, |c| c)
    }
}

fn media(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|q| q.matches())
}

/// Whether the page is shown in its dark theme.
pub fn prefers_dark() -> bool {
    media("(prefers-color-scheme: dark)")
}

/// Pattern tiles, made once per (kind, colour) and kept across frames.
#[derive(Default)]
pub struct Fills {
    patterns: RefCell<Vec<(&'static str, String, CanvasPattern)>>,
}

impl Fills {
    /// Fills as the style table says `look` is filled: solid, or a pattern over its colour.
    pub fn set(&self, ctx: &CanvasRenderingContext2d, look: Look, colour: &str) {
        match style(look).pattern {
            Pattern::Hatch => self.pattern(ctx, "hatch", colour),
            Pattern::Grid => self.pattern(ctx, "grid", colour),
            Pattern::Dots => self.pattern(ctx, "dots", colour),
            Pattern::Stripes if look == Look::LateBrowser => self.pattern(ctx, "light-stripes", colour),
            Pattern::Stripes => self.pattern(ctx, "stripes", colour),
            _ => ctx.set_fill_style_str(colour),
        }
    }

    fn pattern(&self, ctx: &CanvasRenderingContext2d, kind: &'static str, colour: &str) {
        let mut patterns = self.patterns.borrow_mut();
        let found = patterns.iter().position(|(k, c, _)| *k == kind && c == colour);
        let index = match found {
            Some(i) => Some(i),
            None => make_pattern(ctx, kind, colour).map(|p| {
                patterns.push((kind, colour.to_string(), p));
                patterns.len() - 1
            }),
        };
        match index.and_then(|i| patterns.get(i)) {
            Some((_, _, p)) => ctx.set_fill_style_canvas_pattern(p),
            None => ctx.set_fill_style_str(colour),
        }
    }
}

fn make_pattern(ctx: &CanvasRenderingContext2d, kind: &str, colour: &str) -> Option<CanvasPattern> {
    let doc = web_sys::window()?.document()?;
    let tile: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    tile.set_width(8);
    tile.set_height(8);
    let t: CanvasRenderingContext2d = tile.get_context("2d").ok()??.dyn_into().ok()?;
    t.set_fill_style_str(colour);
    t.fill_rect(0.0, 0.0, 8.0, 8.0);
    match kind {
        "hatch" => {
            t.set_stroke_style_str("rgba(255,255,255,0.55)");
            t.set_line_width(2.0);
            t.begin_path();
            t.move_to(0.0, 8.0);
            t.line_to(8.0, 0.0);
            t.move_to(-2.0, 2.0);
            t.line_to(2.0, -2.0);
            t.move_to(6.0, 10.0);
            t.line_to(10.0, 6.0);
            t.stroke();
        }
        "grid" => {
            t.set_fill_style_str("rgba(255,255,255,0.6)");
            t.fill_rect(0.0, 3.0, 8.0, 1.5);
            t.fill_rect(3.0, 0.0, 1.5, 8.0);
        }
        // The browser's lateness: the same stripes, faint (no task is to blame).
        "light-stripes" => stripes(&t, "rgba(255,255,255,0.7)"),
        "dots" => {
            t.set_fill_style_str("rgba(0,0,0,0.35)");
            t.fill_rect(1.0, 1.0, 2.0, 2.0);
            t.fill_rect(5.0, 5.0, 2.0, 2.0);
        }
        _ => stripes(&t, "rgba(0,0,0,0.45)"),
    }
    ctx.create_pattern_with_html_canvas_element(&tile, "repeat").ok().flatten()
}

/// Diagonal stripes across an 8 px tile, in `ink`.
fn stripes(t: &CanvasRenderingContext2d, ink: &str) {
    t.set_stroke_style_str(ink);
    t.set_line_width(2.0);
    t.begin_path();
    t.move_to(0.0, 0.0);
    t.line_to(8.0, 8.0);
    t.move_to(-2.0, 6.0);
    t.line_to(2.0, 10.0);
    t.move_to(6.0, -2.0);
    t.line_to(10.0, 2.0);
    t.stroke();
}
