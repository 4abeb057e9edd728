//! A panic anywhere paints the error banner with a Reload button, never a blank or silently
//! frozen page. (Its own test binary: after a panic the wasm instance is not to be trusted.)
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_arch = "wasm32")]

use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[function_component(Mounted)]
fn mounted() -> Html {
    html! { <p>{"mounted"}</p> }
}

#[wasm_bindgen_test]
async fn a_panic_shows_the_banner_with_reload() {
    // In the order the page does it: our hook first, then Yew's renderer, which replaces any
    // panic hook not set through Yew with its own console-only one.
    interleave::view::install_panic_hook();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Mounted>::with_root(root).render();
    // Panic in a callback of its own, as a bug in a timer or event handler would.
    Timeout::new(0, || panic!("deliberate test panic <script>alert(1)</script>")).forget();
    TimeoutFuture::new(100).await;
    let banner = document.get_element_by_id("fatal").expect("the banner is shown");
    let text = banner.text_content().unwrap_or_default();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("deliberate test panic <script>"), "the message is shown as text: {text}");
    assert!(banner.query_selector("script").unwrap().is_none(), "nothing in the message became markup");
    let button = banner.query_selector("button[data-reload]").unwrap().expect("a Reload button");
    assert_eq!(button.text_content().unwrap_or_default(), "Reload the page");
}
