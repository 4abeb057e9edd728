//! Export and share: the run as Chrome Trace Event JSON (Perfetto, chrome://tracing), the
//! timeline as SVG or PNG, and a link that reproduces the demo with its parameters.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Clipboard, HtmlAnchorElement, HtmlCanvasElement, HtmlInputElement, Url};
use yew::prelude::*;

use super::session::Session;
use crate::model::export::{chrome_trace, svg, DARK, LIGHT};

type Slot = Rc<RefCell<Option<Session>>>;

/// Saves `content` as a file the browser downloads.
fn download(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&content.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    save_url(name, &url);
    let _ = Url::revoke_object_url(&url);
}

fn save_url(name: &str, url: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(a) = doc.create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok()) else { return };
    a.set_href(url);
    a.set_download(name);
    a.click();
}

fn dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn file_name(s: &Session, ext: &str) -> String {
    format!("interleave-{}.{ext}", s.demo.slug())
}

/// The export buttons and Copy link; `query` is the setup as the page's link carries it.
pub fn buttons(session: &Slot, kept: &Slot, canvas: &NodeRef, running: bool, query: String) -> Html {
    // Exports read the current run, or the kept one when it is shown alone.
    let with_run = {
        let (session, kept) = (session.clone(), kept.clone());
        move |f: Rc<dyn Fn(&Session)>| {
            let (session, kept) = (session.clone(), kept.clone());
            Callback::from(move |_: MouseEvent| {
                let s = session.borrow();
                let k = kept.borrow();
                if let Some(run) = s.as_ref().or(k.as_ref()) {
                    f(run);
                }
            })
        }
    };
    let trace = with_run(Rc::new(|s: &Session| {
        download(&file_name(s, "trace.json"), "application/json", &chrome_trace(&s.model, &s.trace_ref()))
    }));
    let svg_file = with_run(Rc::new(|s: &Session| {
        let palette = if dark() { &DARK } else { &LIGHT };
        download(&file_name(s, "svg"), "image/svg+xml", &svg(&s.model, &s.trace_ref(), 1400, 400, palette))
    }));
    let png = {
        let canvas = canvas.clone();
        with_run(Rc::new(move |s: &Session| {
            if let Some(url) = canvas.cast::<HtmlCanvasElement>().and_then(|c| c.to_data_url().ok()) {
                save_url(&file_name(s, "png"), &url);
            }
        }))
    };
    let disabled = session.borrow().is_none() && kept.borrow().is_none() || running;
    html! {
        <>
            <button type="button" data-testid="export-trace" {disabled} onclick={trace} title="Chrome Trace Event JSON: open it in ui.perfetto.dev or chrome://tracing">{"Trace JSON"}</button>
            <button type="button" data-testid="export-svg" {disabled} onclick={svg_file}>{"SVG"}</button>
            <button type="button" data-testid="export-png" {disabled} onclick={png}>{"PNG"}</button>
            <ShareButton {query} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ShareProps {
    /// The setup as the page's link carries it: a new one makes an earlier copy outdated.
    query: String,
}

/// What the last click on Copy link did.
#[derive(Clone, PartialEq)]
enum Shared {
    NotYet,
    Copied,
    /// The browser refused (no clipboard permission, or no clipboard at all on a plain-http
    /// host): the link is shown to copy by hand.
    Refused(String),
}

/// Copies the page's link (the demo and its parameters) to the clipboard, and says so only
/// once the browser has. When it will not, the link is shown in a field, selected.
#[function_component(ShareButton)]
fn share_button(props: &ShareProps) -> Html {
    let shared = use_state(|| Shared::NotYet);
    let field = use_node_ref();
    {
        // A changed setup changes the link: what was copied (or shown) is no longer it.
        let shared = shared.clone();
        use_effect_with(props.query.clone(), move |_| shared.set(Shared::NotYet));
    }
    {
        let field = field.clone();
        use_effect_with((*shared).clone(), move |shared| {
            if let (Shared::Refused(_), Some(input)) = (shared, field.cast::<HtmlInputElement>()) {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let share = {
        let shared = shared.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(window) = web_sys::window() else { return };
            let Ok(href) = window.location().href() else { return };
            let shared = shared.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match clipboard(&window) {
                    Some(clipboard) => JsFuture::from(clipboard.write_text(&href)).await.is_ok(),
                    None => false,
                };
                shared.set(if copied { Shared::Copied } else { Shared::Refused(href) });
            });
        })
    };
    html! {
        <>
            <button type="button" data-testid="share" onclick={share} title="Copy a link to this demo with these parameters">
                { if *shared == Shared::Copied { "Link copied" } else { "Copy link" } }
            </button>
            if let Shared::Refused(link) = &*shared {
                <span class="copy-by-hand" role="status">
                    <label for="share-link">{"The browser did not allow copying; copy the link by hand:"}</label>
                    <input id="share-link" data-testid="share-link" type="text" readonly=true value={link.clone()} ref={field} />
                </span>
            }
        </>
    }
}

/// `navigator.clipboard`, which is undefined outside secure contexts (a plain-http host):
/// web-sys would call into `undefined` and throw.
fn clipboard(window: &web_sys::Window) -> Option<Clipboard> {
    let value = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}
