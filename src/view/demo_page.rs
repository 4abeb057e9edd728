//! A demo's page: the lesson, the parameters (validated as you type, kept in the URL), Run and
//! Stop, the output of the run and the code that ran.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use super::app::Route;
use super::frames::FrameLoop;
use super::output;
use super::session::Session;
use super::source::Source;
use crate::demos::params::{Form, Kind};
use crate::demos::{Demo, DEMOS};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Index into [`DEMOS`].
    pub index: usize,
}

/// How often (ms) the page re-renders its text while a run goes; the recording is read and
/// frames are timed every frame.
const TEXT_EVERY_MS: f64 = 100.0;

#[function_component(DemoPage)]
pub fn demo_page(props: &Props) -> Html {
    let demo: &'static dyn Demo = DEMOS[props.index];
    let location = use_location();
    let navigator = use_navigator();
    let from_link = use_memo((), |_| {
        let query = location.as_ref().map(|l| l.query_str().to_string()).unwrap_or_default();
        Form::from_query(demo.params(), &query)
    });
    let form = use_state(|| from_link.0.clone());
    let session: Rc<RefCell<Option<Session>>> = use_mut_ref(|| None);
    let frame_loop: Rc<RefCell<Option<FrameLoop>>> = use_mut_ref(|| None);
    let redraw = use_force_update();

    // The URL always holds the current setup, so it can be shared as it is.
    use_effect_with((*form).clone(), move |form| {
        if let Some(nav) = navigator {
            let _ = nav.replace_with_query(&Route::Demo { slug: demo.slug().to_string() }, Raw(form.to_query()));
        }
    });

    let on_run = {
        let (form, session, frame_loop, redraw) = (form.clone(), session.clone(), frame_loop.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(params) = form.params() else { return };
            frame_loop.borrow_mut().take();
            // Dropping the previous session stops its run.
            session.borrow_mut().take();
            *session.borrow_mut() = Some(Session::start(demo, params));
            let (s, r) = (session.clone(), redraw.clone());
            let mut text_drawn = f64::NEG_INFINITY;
            *frame_loop.borrow_mut() = Some(FrameLoop::start(move |now| {
                let running = s.borrow_mut().as_mut().is_some_and(|sess| {
                    sess.frames.frame(now);
                    sess.refresh();
                    sess.running()
                });
                if !running || now - text_drawn >= TEXT_EVERY_MS {
                    text_drawn = now;
                    r.force_update();
                }
                running
            }));
            redraw.force_update();
        })
    };
    let on_stop = {
        let (session, redraw) = (session.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(sess) = session.borrow_mut().as_mut() {
                sess.rt.stop();
                sess.refresh();
            }
            redraw.force_update();
        })
    };

    // Render from the latest recording, whatever triggered this render.
    if let Some(sess) = session.borrow_mut().as_mut() {
        sess.refresh();
    }
    let errors = form.errors();
    let valid = errors.iter().all(Option::is_none);
    let running = session.borrow().as_ref().is_some_and(Session::running);

    html! {
        <article class="demo" data-testid={format!("demo-{}", demo.slug())}>
            <nav class="crumbs"><Link<Route> to={Route::Gallery}>{"← All demos"}</Link<Route>></nav>
            <h1>{demo.title()}</h1>
            <p class="lesson">{demo.lesson()}</p>
            if !from_link.1.is_empty() {
                <div class="notice" role="alert" data-testid="link-notice">
                    <strong>{"Couldn't read all of this link; those settings use the lesson's defaults."}</strong>
                    <ul>{ for from_link.1.iter().map(|p| html! { <li>{p.clone()}</li> }) }</ul>
                </div>
            }
            <div class="demo-grid">
                <section class="controls" aria-label="Parameters">
                    <form class="params" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { for demo.params().iter().enumerate().map(|(i, spec)| field(i, spec, &form, errors[i].as_deref())) }
                    </form>
                    { presets(demo, &form) }
                    <div class="buttons">
                        <button type="button" class="run" data-testid="run" disabled={!valid || running} onclick={on_run}>
                            { if session.borrow().is_some() { "Run again" } else { "Run" } }
                        </button>
                        <button type="button" class="stop" data-testid="stop" disabled={!running} onclick={on_stop}>{"Stop"}</button>
                        if !valid {
                            <span class="why-disabled" data-testid="run-disabled">{"Fix the highlighted values to run."}</span>
                        }
                    </div>
                    { output::view(session.borrow().as_ref()) }
                </section>
                <Source index={props.index} raw={form.raw.clone()} />
            </div>
        </article>
    }
}

fn field(
    i: usize,
    spec: &'static crate::demos::params::ParamSpec,
    form: &UseStateHandle<Form>,
    error: Option<&str>,
) -> Html {
    let id = format!("param-{}", spec.key);
    let set = {
        let form = form.clone();
        move |value: String| {
            let mut next = (*form).clone();
            next.raw[i] = value;
            form.set(next);
        }
    };
    let value = form.raw[i].clone();
    let invalid = error.is_some();
    let input = match spec.kind {
        Kind::Choice(options) => {
            let set = set.clone();
            html! {
                <select id={id.clone()} data-testid={id.clone()}
                    onchange={Callback::from(move |e: Event| set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))}>
                    { for options.iter().map(|o| html! { <option value={*o} selected={*o == value.trim()}>{*o}</option> }) }
                </select>
            }
        }
        Kind::Urls { .. } => {
            let set = set.clone();
            html! {
                <textarea id={id.clone()} data-testid={id.clone()} rows="5" spellcheck="false" aria-invalid={invalid.to_string()}
                    value={value}
                    oninput={Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()))} />
            }
        }
        _ => html! {
            <input id={id.clone()} data-testid={id.clone()} type="text" inputmode="decimal" autocomplete="off"
                aria-invalid={invalid.to_string()} value={value}
                oninput={Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
        },
    };
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{spec.label}</label>
            { input }
            <small class="help">{format!("{} ({})", spec.help, spec.bounds())}</small>
            if let Some(msg) = error {
                <small class="error" role="alert" data-testid={format!("error-{}", spec.key)}>{msg.to_string()}</small>
            }
        </div>
    }
}

/// One-click variations of the lesson, and the way back to its values.
fn presets(demo: &'static dyn Demo, form: &UseStateHandle<Form>) -> Html {
    let apply = |values: &'static [(&'static str, &'static str)]| {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = Form::defaults(demo.params());
            for (key, value) in values {
                if let Some(i) = demo.params().iter().position(|p| p.key == *key) {
                    next.raw[i] = value.to_string();
                }
            }
            form.set(next);
        })
    };
    let is_current = |values: &[(&str, &str)]| {
        let mut wanted = Form::defaults(demo.params());
        for (key, value) in values {
            if let Some(i) = demo.params().iter().position(|p| p.key == *key) {
                wanted.raw[i] = value.to_string();
            }
        }
        wanted.raw.iter().zip(&form.raw).all(|(a, b)| a.trim() == b.trim())
    };
    html! {
        <div class="presets" role="group" aria-label="Presets">
            if demo.presets().is_empty() {
                <button type="button" class="preset" aria-pressed={is_current(&[]).to_string()} onclick={apply(&[])}>
                    {"The lesson's values"}
                </button>
            }
            { for demo.presets().iter().map(|p| html! {
                <button type="button" class="preset" aria-pressed={is_current(p.values).to_string()} onclick={apply(p.values)}>
                    {p.label}
                </button>
            }) }
        </div>
    }
}
