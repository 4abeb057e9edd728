//! A panic anywhere paints a plain-DOM banner with a Reload button: Yew has no error boundary,
//! and with `panic = "abort"` the wasm instance is dead afterwards, so the banner is written
//! with web-sys directly and its button is handled by the page's JavaScript (`static/boot.js`
//! reloads on any `[data-reload]` click), which still works when wasm no longer does.

use std::cell::RefCell;
use std::panic::PanicHookInfo;

/// Installs the banner as the panic hook. It goes through Yew's `set_custom_panic_hook`:
/// `Renderer::render` replaces any hook set otherwise with its own, which only logs to the
/// console and leaves a dead page behind.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(on_panic));
}

fn on_panic(info: &PanicHookInfo<'_>) {
    console_error_panic_hook::hook(info);
    let message = match info.payload().downcast_ref::<&str>() {
        Some(s) => (*s).to_string(),
        None => info.payload().downcast_ref::<String>().cloned().unwrap_or_else(|| "unknown error".into()),
    };
    let place = info.location().map(|l| format!(" ({}:{})", l.file(), l.line())).unwrap_or_default();
    show_banner(&format!("{message}{place}"));
}

/// Builds the banner from text nodes only (the message may contain anything).
pub fn show_banner(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("fatal").is_some() {
        return;
    }
    let build = || -> Result<(), wasm_bindgen::JsValue> {
        let banner = document.create_element("div")?;
        banner.set_id("fatal");
        banner.set_attribute("role", "alert")?;
        let title = document.create_element("strong")?;
        title.set_text_content(Some("Something went wrong inside Interleave, so the page stopped."));
        let text = document.create_element("p")?;
        text.set_text_content(Some(&format!("Details: {detail}")));
        let button = document.create_element("button")?;
        button.set_attribute("type", "button")?;
        button.set_attribute("data-reload", "")?;
        button.set_text_content(Some("Reload the page"));
        banner.append_child(&title)?;
        banner.append_child(&text)?;
        banner.append_child(&button)?;
        body.prepend_with_node_1(&banner)
    };
    let _ = build();
}

/// Where a panic armed by the end-to-end tests goes off (see `probes::interleave_arm_panic`):
/// the banner is tested on the built site by making the page really panic where a bug would.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tripwire {
    /// The demo page's next render.
    Render,
    /// The next click on Run, inside its event handler.
    Click,
}

thread_local! {
    static ARMED: RefCell<Option<(Tripwire, String)>> = const { RefCell::new(None) };
}

/// Arms one panic with `message` at `place`; it fires once.
pub fn arm(place: Tripwire, message: String) {
    ARMED.with(|armed| *armed.borrow_mut() = Some((place, message)));
}

/// Panics here if a panic was armed for `place` (and disarms it). Unarmed, as always outside
/// the tests, it does nothing.
#[track_caller]
pub fn tripwire(place: Tripwire) {
    let fire = ARMED.with(|armed| {
        let mut armed = armed.borrow_mut();
        match armed.take() {
            Some((at, message)) if at == place => Some(message),
            other => {
                *armed = other;
                None
            }
        }
    });
    if let Some(message) = fire {
        panic!("{message}");
    }
}
