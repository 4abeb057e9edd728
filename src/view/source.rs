//! The code beside the run: the asyncio program it mirrors and the Rust that actually ran (cut
//! from the demo's own file), with a tab for each.

use yew::prelude::*;

use crate::demos::{python_with, DEMOS};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub index: usize,
    /// The form's current text, put into the Python where the parameters go.
    pub raw: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Python,
    Rust,
}

#[function_component(Source)]
pub fn source(props: &Props) -> Html {
    let demo = DEMOS[props.index];
    let tab = use_state(|| Tab::Python);
    let code = match *tab {
        Tab::Python => python_with(demo, &props.raw),
        Tab::Rust => demo.rust().to_string(),
    };
    let button = |t: Tab, label: &'static str| {
        let tab = tab.clone();
        html! {
            <button type="button" role="tab" aria-selected={(*tab == t).to_string()}
                onclick={Callback::from(move |_| tab.set(t))}>{label}</button>
        }
    };
    html! {
        <section class="source" aria-label="Code">
            <div class="tabs" role="tablist">
                { button(Tab::Python, "Python (asyncio)") }
                { button(Tab::Rust, "Rust (what runs here)") }
            </div>
            <pre data-testid="code"><code>{code}</code></pre>
        </section>
    }
}
