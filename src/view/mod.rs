//! Layer 4 of 4 (runtime → trace → model → **view**): the Yew app. Components read a run's
//! [`crate::model::RunModel`] and its [`crate::session::Session`], never the runtime. Pages:
//! the gallery, a demo ([`demo_page`]) and the script page ([`play_page`]); both of the latter
//! put their code beside one [`run_panel`].

mod app;
mod code;
mod demo_page;
mod disclosure;
mod editor;
mod export;
mod frames;
mod gallery;
mod navigation;
mod panels;
mod panic;
mod pictures;
mod play_page;
mod run_panel;
mod source;
mod speed;
mod storage;
mod timeline;

pub use app::App;
pub use panic::{arm as arm_panic, install as install_panic_hook, Tripwire};

/// Mounts the app into `#app` (or the body), after installing the panic banner.
pub fn start() {
    panic::install();
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
    wasm_bindgen_futures::spawn_local(warm_up());
}

/// Runs the engine's warm-up program a few times once the first page is up, each pass in a
/// task of its own so the page stays responsive between them (see [`crate::session::warm_up`]).
async fn warm_up() {
    const PASSES: usize = 10;
    const PAUSE_MS: u32 = 100;
    for _ in 0..PASSES {
        gloo_timers::future::TimeoutFuture::new(PAUSE_MS).await;
        crate::session::warm_up();
    }
}
