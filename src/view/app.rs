//! The app shell: header, routes (hash-based, so the static site works from any sub-path),
//! and the "couldn't read this link" page for unknown demos.

use yew::prelude::*;
use yew_router::prelude::*;

use super::demo_page::DemoPage;
use super::gallery::Gallery;
use super::navigation::Navigation;
use super::play_page::PlayPage;
use crate::demos;
use crate::demos::params::visible;

#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Gallery,
    #[at("/demo/:slug")]
    Demo { slug: String },
    /// The script page (a scratch program, or one from a link).
    #[at("/play")]
    Play,
    /// A demo's Python in the editor.
    #[at("/play/:slug")]
    PlayDemo { slug: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

#[function_component(App)]
pub fn app() -> Html {
    html! {
        <HashRouter>
            <Navigation />
            <header class="top">
                <Link<Route> to={Route::Gallery} classes="brand">
                    <span class="logo" aria-hidden="true"></span>
                    {"Interleave"}
                </Link<Route>>
                <span class="tagline">{"asyncio's ideas, running live on your browser's event loop"}</span>
                <nav class="top-nav" aria-label="Pages">
                    <Link<Route> to={Route::Gallery}>{"Demos"}</Link<Route>>
                    <Link<Route> to={Route::Play}>{"Write your own"}</Link<Route>>
                </nav>
            </header>
            <main id="main">
                <Switch<Route> render={switch} />
            </main>
        </HashRouter>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Gallery => html! { <Gallery /> },
        Route::Demo { slug } => match demos::DEMOS.iter().position(|d| d.slug() == slug) {
            Some(index) => html! { <DemoPage key={slug} {index} /> },
            None => unknown_link(&format!("There is no demo called “{}”.", clip(&slug))),
        },
        Route::Play => html! { <PlayPage key="play" demo={None::<usize>} /> },
        Route::PlayDemo { slug } => match demos::DEMOS.iter().position(|d| d.slug() == slug) {
            Some(index) => html! { <PlayPage key={format!("play-{slug}")} demo={Some(index)} /> },
            None => unknown_link(&format!("There is no demo called “{}”.", clip(&slug))),
        },
        Route::NotFound => unknown_link("That address is not a page of Interleave."),
    }
}

/// A slug from the link, short and with invisible or direction-changing characters escaped.
fn clip(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    if short.len() < s.len() {
        format!("{}…", visible(&short))
    } else {
        visible(&short)
    }
}

fn unknown_link(why: &str) -> Html {
    html! {
        <>
            <div class="notice" role="alert" data-testid="link-notice">
                <strong>{"Couldn't read this link. "}</strong>{why.to_string()}{" Pick a demo below."}
            </div>
            <Gallery />
        </>
    }
}
