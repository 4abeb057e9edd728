//! A demo's code beside its run: the Python that runs (coloured, with the lines tasks are on
//! lit while it runs) and the same lesson in Rust (cut from the demo's own file), a tab each.

use web_sys::Element;
use yew::prelude::*;

use super::code::{colours, paint_rows, window, Marks};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The Python with the form's values.
    pub python: AttrValue,
    pub rust: AttrValue,
    pub marks: Marks,
    pub on_hover_line: Callback<Option<u32>>,
    /// Where "Edit this code" goes.
    pub edit_href: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Python,
    Rust,
}

#[function_component(Source)]
pub fn source(props: &Props) -> Html {
    let tab = use_state(|| Tab::Python);
    let spans = use_memo(props.python.clone(), |p| colours(p));
    let button = |t: Tab, label: &'static str| {
        let tab = tab.clone();
        html! {
            <button type="button" role="tab" aria-selected={(*tab == t).to_string()}
                onclick={Callback::from(move |_| tab.set(t))}>{label}</button>
        }
    };
    let onmousemove = {
        let on_hover = props.on_hover_line.clone();
        Callback::from(move |e: MouseEvent| {
            let line = e
                .target_dyn_into::<Element>()
                .and_then(|el| el.closest(".ln").ok().flatten())
                .and_then(|el| el.get_attribute("data-line"))
                .and_then(|n| n.parse().ok());
            on_hover.emit(line);
        })
    };
    let onmouseleave = {
        let on_hover = props.on_hover_line.clone();
        Callback::from(move |_: MouseEvent| on_hover.emit(None))
    };
    html! {
        <section class="source" aria-label="Code">
            <div class="tabs" role="tablist">
                { button(Tab::Python, "Python (what runs)") }
                { button(Tab::Rust, "The same lesson in Rust") }
                <a class="edit-link" data-testid="edit-code" href={props.edit_href.clone()}>{"Edit this code"}</a>
            </div>
            if *tab == Tab::Python {
                // Read-only, so long lines wrap (nothing the lesson is about is cut off at the
                // column's edge, on a phone either).
                <div class="code-view scroller">
                    <div class="paint rows" data-testid="code" {onmousemove} {onmouseleave}>
                        { paint_rows(&props.python, &spans, &props.marks, window(&props.python, 0, None)) }
                    </div>
                </div>
            } else {
                <pre class="rust" data-testid="code"><code>{props.rust.clone()}</code></pre>
            }
        </section>
    }
}
