//! A button that shows or hides what follows it ("Details", "More").

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    pub label: AttrValue,
    pub children: Html,
}

/// A button that shows or hides what follows it. Not a `<details>`: a closed one anywhere on
/// the page makes Chromium's text editing slow with the square of the text (a megabyte pasted
/// into the editor took minutes with the metrics' Details closed, half a second without).
#[function_component(Disclosure)]
pub fn disclosure(props: &DisclosureProps) -> Html {
    let open = use_state_eq(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <div class="disclosure">
            <button type="button" class="disclose" aria-expanded={open.to_string()} onclick={toggle}>{ props.label.clone() }</button>
            <div hidden={!*open}>{ props.children.clone() }</div>
        </div>
    }
}
