//! A demo's page: the lesson, the parameters (validated as you type, kept in the URL), the
//! Python that runs with their values (lit line by line as it runs) and the run panel.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use super::app::Route;
use super::code::Marks;
use super::disclosure::Disclosure;
use super::export::ShareButton;
use super::panic::{self, Tripwire};
use super::run_panel::{code_columns, run_marks, RunPanel, Runnable};
use super::source::Source;
use crate::demos::params::{Form, Kind, ParamSpec, Params};
use crate::demos::{python_with, Demo, DEMOS};
use crate::session::{self, Program, RunState};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Index into [`DEMOS`].
    pub index: usize,
}

#[function_component(DemoPage)]
pub fn demo_page(props: &Props) -> Html {
    panic::tripwire(Tripwire::Render);
    let demo: &'static dyn Demo = DEMOS[props.index];
    let location = use_location();
    let navigator = use_navigator();
    let from_link = use_memo((), |_| {
        let query = location.as_ref().map(|l| l.query_str().to_string()).unwrap_or_default();
        Form::from_query(demo.params(), &query)
    });
    let form = use_state(|| from_link.0.clone());
    let run = use_reducer(RunState::default);
    let hover = use_state(|| None::<u32>);
    let reveal = use_state(|| None::<u32>);
    let program = use_memo(form.raw.clone(), |_| match Program::demo(demo, &form) {
        Some(p) => Runnable(Ok(Rc::new(p))),
        None => Runnable(Err("Fix the highlighted values to run.".into())),
    });
    let python = use_memo(form.raw.clone(), |raw| AttrValue::from(python_with(demo, raw)));

    // The URL always holds the current setup, so it can be shared as it is. (Not rewritten when
    // it already does, as on arriving from a link: a rewrite renders the page again.)
    let in_link = location.as_ref().map(|l| l.query_str().trim_start_matches('?').to_string());
    use_effect_with((*form).clone(), move |form| {
        let query = form.to_query();
        if let (Some(nav), false) = (navigator, in_link.as_deref() == Some(query.as_str())) {
            let _ = nav.replace_with_query(&Route::Demo { slug: demo.slug().to_string() }, Raw(query));
        }
    });

    // Compiles the demo's Python once the page is on the screen, so Run starts at once without
    // the compile holding back the first paint (see `DemoCode` in `session/program.rs`).
    use_effect_with(program.clone(), |program| {
        let program = program.clone();
        let later = gloo_timers::callback::Timeout::new(0, move || {
            if let Runnable(Ok(p)) = &*program {
                p.prepare();
            }
        });
        move || drop(later)
    });

    let errors = form.errors();
    let current = run.current.clone();
    let ran = current.as_ref().and_then(|s| s.borrow().program().lesson().map(|l| l.params.clone()));
    let marks = run_marks(&run, &python);
    let peek = AttrValue::from(session::peek(&python, marks.picked.or(*reveal), &marks.lit));
    let query = form.to_query();
    let edit_href =
        if query.is_empty() { format!("#/play/{}", demo.slug()) } else { format!("#/play/{}?{query}", demo.slug()) };
    let on_hover_line = {
        let hover = hover.clone();
        Callback::from(move |line| hover.set(line))
    };
    let on_line = {
        let reveal = reveal.clone();
        Callback::from(move |line| reveal.set(Some(line)))
    };

    html! {
        <article class="demo" data-testid={format!("demo-{}", demo.slug())}>
            <nav class="crumbs"><Link<Route> to={Route::Gallery}>{"← All demos"}</Link<Route>></nav>
            <h1>{demo.title()}</h1>
            // The lesson's numbers follow the form (the last run's values while a field is invalid).
            <p class="lesson">{demo.lesson(&form.params().or(ran).unwrap_or_else(|| Params::defaults(demo.params())))}</p>
            if let Some(more) = demo.more() {
                <Disclosure label="More"><p class="more" data-testid="more">{more}</p></Disclosure>
            }
            if !from_link.1.is_empty() {
                <div class="notice" role="alert" data-testid="link-notice">
                    <strong>{"Couldn't read all of this link; each line says what was used instead:"}</strong>
                    <ul>{ for from_link.1.iter().map(|p| html! { <li>{p.clone()}</li> }) }</ul>
                </div>
            }
            <section class="controls" aria-label="Parameters">
                <form class="params" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { for demo.params().iter().enumerate().map(|(i, spec)| field(i, spec, &form, errors[i].as_deref())) }
                </form>
                <div class="presets-row">
                    { presets(demo, &form) }
                    <ShareButton version={AttrValue::from(query.clone())} link={Callback::from(|_| None)} />
                </div>
            </section>
            <RunPanel run={run.clone()} program={(*program).clone()} hover_line={*hover} {on_line} {peek} code_columns={code_columns(&python)}
                idle_hint="Press Run to start the demo, or Step through to go one resume at a time.">
                <Source python={(*python).clone()} rust={demo.rust()}
                    marks={Marks { lit: marks.lit, selected: marks.picked.or(*reveal), hover: *hover, error: None }}
                    {on_hover_line} edit_href={edit_href} />
            </RunPanel>
        </article>
    }
}

fn field(i: usize, spec: &'static ParamSpec, form: &UseStateHandle<Form>, error: Option<&str>) -> Html {
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
        Kind::Choice(options) => html! {
            <select id={id.clone()} data-testid={id.clone()}
                onchange={Callback::from(move |e: Event| set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))}>
                { for options.iter().map(|o| html! { <option value={*o} selected={*o == value.trim()}>{*o}</option> }) }
            </select>
        },
        Kind::Urls { .. } => html! {
            <textarea id={id.clone()} data-testid={id.clone()} rows="5" spellcheck="false" aria-invalid={invalid.to_string()}
                value={value}
                oninput={Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()))} />
        },
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
    let with = |values: &[(&str, &str)]| {
        let mut next = Form::defaults(demo.params());
        for (key, value) in values {
            if let Some(i) = demo.params().iter().position(|p| p.key == *key) {
                next.raw[i] = value.to_string();
            }
        }
        next
    };
    let button = |label: &'static str, values: &'static [(&'static str, &'static str)]| {
        let target = with(values);
        let current = target.raw.iter().zip(&form.raw).all(|(a, b)| a.trim() == b.trim());
        let form = form.clone();
        html! {
            <button type="button" class="preset" aria-pressed={current.to_string()} onclick={Callback::from(move |_| form.set(target.clone()))}>
                {label}
            </button>
        }
    };
    html! {
        <div class="presets" role="group" aria-label="Presets">
            if demo.presets().is_empty() {
                { button("The lesson's values", &[]) }
            }
            { for demo.presets().iter().map(|p| button(p.label, p.values)) }
        </div>
    }
}
