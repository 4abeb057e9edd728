//! What moving between pages does besides drawing the new one: each page gets its own tab title
//! (a learner with three demos open can tell the tabs apart), a page opened from a link starts
//! at its top, and going back to the gallery returns to where the learner was in it.

use std::cell::Cell;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use super::app::Route;
use crate::demos::DEMOS;

thread_local! {
    /// How far down the gallery was scrolled when it was last shown.
    static GALLERY_SCROLL: Cell<f64> = const { Cell::new(0.0) };
}

/// The tab's title for `route`.
fn title(route: &Route) -> String {
    let demo = |slug: &str| DEMOS.iter().find(|d| d.slug() == slug).map(|d| d.title());
    match route {
        Route::Gallery => "Interleave: asyncio, live on your browser's event loop".into(),
        Route::Demo { slug } => match demo(slug) {
            Some(t) => format!("{t} · Interleave"),
            None => "No such demo · Interleave".into(),
        },
        Route::Play => "Write your own · Interleave".into(),
        Route::PlayDemo { slug } => match demo(slug) {
            Some(t) => format!("Editing {t} · Interleave"),
            None => "No such demo · Interleave".into(),
        },
        Route::NotFound => "Not a page · Interleave".into(),
    }
}

/// Sets the title and the scroll position on every change of route; renders nothing.
#[function_component(Navigation)]
pub fn navigation() -> Html {
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    use_effect_with(route, |route| {
        let window = web_sys::window();
        if let Some(doc) = window.as_ref().and_then(|w| w.document()) {
            doc.set_title(&title(route));
        }
        // The browser's own restoration would fight ours on a hash change.
        if let Some(history) = window.as_ref().and_then(|w| w.history().ok()) {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        let on_gallery = *route == Route::Gallery;
        // Restored once the gallery has laid out its cards (after this render).
        let restore = window.clone().map(|w| {
            let y = if on_gallery { GALLERY_SCROLL.with(Cell::get) } else { 0.0 };
            Timeout::new(0, move || w.scroll_to_with_x_and_y(0.0, y))
        });
        // Only while the address is still the gallery's: the page that replaces it scrolls
        // (to its top, or clamped to its height) before this listener is removed.
        let listener = Closure::<dyn Fn()>::new(|| {
            let Some(w) = web_sys::window() else { return };
            let hash = w.location().hash().unwrap_or_default();
            if let (true, Ok(y)) = (matches!(hash.as_str(), "" | "#" | "#/"), w.scroll_y()) {
                GALLERY_SCROLL.with(|c| c.set(y));
            }
        });
        if on_gallery {
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("scroll", listener.as_ref().unchecked_ref());
            }
        }
        move || {
            drop(restore);
            if let (true, Some(w)) = (on_gallery, &window) {
                let _ = w.remove_event_listener_with_callback("scroll", listener.as_ref().unchecked_ref());
            }
        }
    });
    html! {}
}
