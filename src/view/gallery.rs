//! The gallery: every demo as a card, in lesson order.

use yew::prelude::*;
use yew_router::prelude::*;

use super::app::Route;
use crate::demos::params::Params;
use crate::demos::DEMOS;

#[function_component(Gallery)]
pub fn gallery() -> Html {
    html! {
        <section class="gallery" aria-label="Demos">
            <h1>{"Demos"}</h1>
            <p class="intro">
                {"Each demo runs real coroutines on this page's event loop (real timers, real fetch) and shows how the tasks take turns. Pick one, press Run, then change the numbers."}
            </p>
            <ol class="cards">
                { for DEMOS.iter().enumerate().map(|(i, d)| html! {
                    <li class="card" data-testid={format!("card-{}", d.slug())}>
                        <Link<Route> to={Route::Demo { slug: d.slug().to_string() }}>
                            <span class="num">{i + 1}</span>
                            <h2>{d.title()}</h2>
                            <p>{first_sentence(&d.lesson(&Params::defaults(d.params()))).to_string()}</p>
                        </Link<Route>>
                    </li>
                }) }
            </ol>
        </section>
    }
}

fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |i| &text[..=i])
}
