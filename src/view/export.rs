//! Export and share: the run as Chrome Trace Event JSON (Perfetto, chrome://tracing), the
//! timeline as SVG or PNG, files the browser downloads, and Copy link (the page's own link, or
//! one a page makes, such as a program packed into a link).

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, Clipboard, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement,
    HtmlInputElement, Url,
};
use yew::prelude::*;

use super::timeline::prefers_dark;
use crate::model::export::{chrome_trace, svg_with, SvgOptions, SvgRun, DARK, LIGHT};
use crate::model::viewport::Axis;
use crate::session::{Session, Shared};

/// Saves `content` as a file the browser downloads.
pub fn download(name: &str, mime: &str, content: &str) {
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

pub fn file_name(s: &Session, ext: &str) -> String {
    format!("interleave-{}.{ext}", s.program().file_stem())
}

/// The timeline as a standalone SVG: title, segment labels, legend and the kept run, on the
/// axis and in the theme shown.
fn timeline_svg(s: &Session, kept: Option<&Session>, axis: Axis) -> String {
    let palette = if prefers_dark() { &DARK } else { &LIGHT };
    let (label, kept_label) = (s.label(), kept.map(Session::label).unwrap_or_default());
    let (rec, kept_rec) = (s.trace(), kept.map(|k| k.trace()));
    let (halted, kept_halted) = (s.halted(), kept.and_then(Session::halted));
    let run = SvgRun { label: &label, model: s.model(), rec: &rec, halted: halted.as_deref() };
    let kept_session = kept;
    let kept = kept.zip(kept_rec.as_deref()).map(|(k, rec)| SvgRun {
        label: &kept_label,
        model: k.model(),
        rec,
        halted: kept_halted.as_deref(),
    });
    let title = format!("Interleave: {label}");
    let point = kept_session.map(|k| s.compared_with(k).point);
    svg_with(
        run,
        kept,
        &SvgOptions { title: &title, width: 1400, max_rows: 60, palette, axis, point: point.as_deref() },
    )
}

/// The SVG drawn at twice its size into a PNG the browser downloads (the image loads
/// asynchronously; the download starts when it has).
fn download_png(name: String, svg: &str) {
    let parts = js_sys::Array::of1(&svg.into());
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    let Ok(img) = HtmlImageElement::new() else { return };
    let (image, src) = (img.clone(), url.clone());
    let onload = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&src);
        let doc = web_sys::window().and_then(|w| w.document());
        let canvas =
            doc.and_then(|d| d.create_element("canvas").ok()).and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return };
        let (w, h) = (image.natural_width() * 2, image.natural_height() * 2);
        canvas.set_width(w);
        canvas.set_height(h);
        let ctx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        let Some(ctx) = ctx else { return };
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w as f64, h as f64);
        if let Ok(png) = canvas.to_data_url_with_type("image/png") {
            save_url(&name, &png);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

/// What an export button does with the run shown (and the kept one beside it).
type Export = dyn Fn(&Session, Option<&Session>);

/// The export buttons, for the current run, with the kept run (when it is another) in the
/// pictures.
pub fn buttons(current: Option<&Shared>, kept: Option<&Shared>, axis: Axis, running: bool) -> Html {
    let (run, other) = (current.cloned(), kept.cloned());
    let with_run = |f: Rc<Export>| {
        let (run, other) = (run.clone(), other.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(run) = &run {
                let other = other.as_ref().map(|k| k.borrow());
                f(&run.borrow(), other.as_deref());
            }
        })
    };
    let trace = with_run(Rc::new(|s: &Session, _| {
        download(&file_name(s, "trace.json"), "application/json", &chrome_trace(s.model(), &s.trace()))
    }));
    let svg_file = with_run(Rc::new(move |s: &Session, k: Option<&Session>| {
        download(&file_name(s, "svg"), "image/svg+xml", &timeline_svg(s, k, axis))
    }));
    let png = with_run(Rc::new(move |s: &Session, k: Option<&Session>| {
        download_png(file_name(s, "png"), &timeline_svg(s, k, axis))
    }));
    let disabled = run.is_none() || running;
    html! {
        <>
            <button type="button" data-testid="export-trace" {disabled} onclick={trace} title="Chrome Trace Event JSON: open it in ui.perfetto.dev or chrome://tracing">{"Trace JSON"}</button>
            <button type="button" data-testid="export-svg" {disabled} onclick={svg_file} title="The timeline as SVG: title, labels, legend and the kept run, in the theme shown">{"SVG"}</button>
            <button type="button" data-testid="export-png" {disabled} onclick={png} title="The timeline as a PNG at twice the size, with its legend, in the theme shown">{"PNG"}</button>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// Changes whenever the link would: an earlier copy is then outdated.
    pub version: AttrValue,
    /// Makes the link to copy: `None` for the page's own address; `Err` says why there is
    /// none (a program too long for a link).
    pub link: Callback<(), Option<Result<String, String>>>,
    #[prop_or(AttrValue::Static("Copy a link to this page as it is set up"))]
    pub title: AttrValue,
}

/// What the last click on Copy link did.
#[derive(Clone, PartialEq)]
enum ShareState {
    NotYet,
    Copied,
    /// The browser refused (no clipboard permission, or no clipboard at all on a plain-http
    /// host): the link is shown to copy by hand.
    Refused(String),
    /// There is no link to copy, and this says why.
    NoLink(String),
}

/// Copies a link to the clipboard, and says so only once the browser has. When it will not,
/// the link is shown in a field, selected.
#[function_component(ShareButton)]
pub fn share_button(props: &ShareProps) -> Html {
    let shared = use_state(|| ShareState::NotYet);
    let field = use_node_ref();
    {
        // A changed setup changes the link: what was copied (or shown) is no longer it.
        let shared = shared.clone();
        use_effect_with(props.version.clone(), move |_| shared.set(ShareState::NotYet));
    }
    {
        let field = field.clone();
        use_effect_with((*shared).clone(), move |shared| {
            if let (ShareState::Refused(_), Some(input)) = (shared, field.cast::<HtmlInputElement>()) {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let share = {
        let (shared, make) = (shared.clone(), props.link.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(window) = web_sys::window() else { return };
            let href = match make.emit(()) {
                Some(Ok(link)) => link,
                Some(Err(why)) => return shared.set(ShareState::NoLink(why)),
                None => match window.location().href() {
                    Ok(href) => href,
                    Err(_) => return,
                },
            };
            let shared = shared.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match clipboard(&window) {
                    Some(clipboard) => JsFuture::from(clipboard.write_text(&href)).await.is_ok(),
                    None => false,
                };
                shared.set(if copied { ShareState::Copied } else { ShareState::Refused(href) });
            });
        })
    };
    html! {
        <>
            <button type="button" data-testid="share" onclick={share} title={props.title.clone()}>
                { if *shared == ShareState::Copied { "Link copied" } else { "Copy link" } }
            </button>
            if let ShareState::Refused(link) = &*shared {
                <span class="copy-by-hand" role="status">
                    <label for="share-link">{"The browser did not allow copying; copy the link by hand:"}</label>
                    <input id="share-link" data-testid="share-link" type="text" readonly=true value={link.clone()} ref={field} />
                </span>
            }
            if let ShareState::NoLink(why) = &*shared {
                <span class="copy-by-hand" role="status" data-testid="no-link">{why.clone()}</span>
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
