//! The gallery: the demos in their sections (basics first, then coordination, errors and time
//! limits, gotchas, real I/O), each card with a small picture of its typical run, and a last
//! section for writing your own program. The cards' numbers run through the whole page, in
//! [`DEMOS`] order, a suggested path.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use super::app::Route;
use super::pictures::{make_missing, picture_of, CardPicture};
use super::timeline::prefers_dark;
use crate::demos::params::Params;
use crate::demos::{Demo, Group, DEMOS};
use crate::session::picture::{HEIGHT, WIDTH};

#[function_component(Gallery)]
pub fn gallery() -> Html {
    let redraw = use_force_update();
    use_effect_with((), move |_| {
        let making = make_missing(move || redraw.force_update());
        move || drop(making)
    });
    let dark = use_prefers_dark();
    html! {
        <section class="gallery" aria-label="Demos">
            <h1>{"Demos"}</h1>
            <p class="intro">
                {"Each demo runs real coroutines on this page's event loop (real timers, real fetch) and shows how the tasks take turns. Pick one, press Run, then change the numbers."}
            </p>
            <div class="cards">
                { for Group::ALL.into_iter().map(|group| section(group, dark)) }
            </div>
        </section>
    }
}

fn section(group: Group, dark: bool) -> Html {
    let id = format!("group-{}", group.key());
    let cards: Html = if group == Group::WriteYourOwn {
        write_your_own()
    } else {
        DEMOS.iter().enumerate().filter(|(_, d)| d.group() == group).map(|(i, d)| card(i + 1, *d, dark)).collect()
    };
    html! {
        <section class="group" aria-labelledby={id.clone()} data-testid={id.clone()}>
            <h2 {id}>{group.title()}</h2>
            <p class="group-about">{group.about()}</p>
            <ol class="card-grid">{cards}</ol>
        </section>
    }
}

fn card(number: usize, demo: &'static dyn Demo, dark: bool) -> Html {
    html! {
        <li class="card" data-testid={format!("card-{}", demo.slug())}>
            <Link<Route> to={Route::Demo { slug: demo.slug().to_string() }}>
                { picture(demo, dark) }
                <span class="num">{number}</span>
                <h3>{demo.title()}</h3>
                <p>{first_sentence(&demo.lesson(&Params::defaults(demo.params()))).to_string()}</p>
            </Link<Route>>
        </li>
    }
}

/// The card's picture, decorative (the card's words say what the demo is): the drawing once
/// made, a blank of the same size until then, or a few words where the virtual clock cannot
/// show the lesson.
fn picture(demo: &dyn Demo, dark: bool) -> Html {
    match picture_of(demo) {
        CardPicture::Drawn(drawn) => html! {
            <span class="picture" aria-hidden="true">
                <img src={if dark { drawn.dark.clone() } else { drawn.light.clone() }} alt=""
                    width={WIDTH.to_string()} height={HEIGHT.to_string()} />
            </span>
        },
        CardPicture::Pending => html! { <span class="picture pending" aria-hidden="true"><span></span></span> },
        CardPicture::Absent(why) => html! {
            <span class="picture absent" aria-hidden="true">
                <span><span class="absent-icon"></span>{why}</span>
            </span>
        },
    }
}

/// The last section's one card: the script page.
fn write_your_own() -> Html {
    html! {
        <li class="card card-play" data-testid="play-card">
            <Link<Route> to={Route::Play}>
                <span class="picture code-picture" aria-hidden="true">
                    <code>{"async def main():\n    await asyncio.gather(a(), b())"}</code>
                </span>
                <h3>{"Your own program"}</h3>
                <p>{"Write asyncio code in the editor (or start from an example), run it, and watch your tasks take turns on the same timeline."}</p>
            </Link<Route>>
        </li>
    }
}

/// Whether the page is in its dark theme, following the system's setting as it changes.
#[hook]
fn use_prefers_dark() -> bool {
    let dark = use_state(prefers_dark);
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let query = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
            let listener = Closure::<dyn Fn()>::new(move || dark.set(prefers_dark()));
            if let Some(query) = &query {
                let _ = query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(query) = &query {
                    let _ = query.remove_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    *dark
}

fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |i| &text[..=i])
}
