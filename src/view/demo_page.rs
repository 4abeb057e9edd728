//! A demo's page: the lesson, the parameters (validated as you type, kept in the URL), Run,
//! Step and Stop, the live timeline with its scrubber, and the panels read from the run.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use web_sys::{HtmlCanvasElement, HtmlElement, HtmlInputElement};
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use super::app::Route;
use super::export;
use super::frames::FrameLoop;
use super::panels;
use super::panic::{self, Tripwire};
use super::session::Session;
use super::source::Source;
use super::timeline::{self, Input, Selection, SharedViewport};
use crate::demos::params::{Form, Kind, ParamSpec, Params};
use crate::demos::{Demo, DEMOS};
use crate::trace::Micros;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Index into [`DEMOS`].
    pub index: usize,
}

/// How often (ms) the page re-renders its text while a run goes; the timeline is drawn and the
/// recording read every frame.
const TEXT_EVERY_MS: f64 = 100.0;

type Slot = Rc<RefCell<Option<Session>>>;
/// `Session::prepare` (a real run) or `Session::stepper` (step mode).
type MakeSession = fn(&'static dyn Demo, Params, String) -> Session;

/// Everything the canvas needs to paint itself, cheap to clone into handlers.
#[derive(Clone)]
struct Painter {
    session: Slot,
    kept: Slot,
    view: SharedViewport,
    canvas: NodeRef,
    tip: NodeRef,
}

impl Painter {
    fn paint(&self) {
        let Some(canvas) = self.canvas.cast::<HtmlCanvasElement>() else { return };
        let tip = self.tip.cast::<HtmlElement>();
        let session = self.session.borrow();
        let kept = self.kept.borrow();
        // With no current run, a kept run is shown on its own.
        let (main, other) = match (session.as_ref(), kept.as_ref()) {
            (Some(s), k) => (s, k),
            (None, Some(k)) => (k, None),
            (None, None) => return,
        };
        timeline::draw(&canvas, &mut self.view.0.borrow_mut(), main, other, tip.as_ref());
    }

    fn input(&self, input: Input) {
        let Some(canvas) = self.canvas.cast::<HtmlCanvasElement>() else { return };
        if timeline::handle(&mut self.view.0.borrow_mut(), &canvas, input) {
            self.paint();
        }
    }
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
    let session: Slot = use_mut_ref(|| None);
    let kept: Slot = use_mut_ref(|| None);
    let frame_loop: Rc<RefCell<Option<FrameLoop>>> = use_mut_ref(|| None);
    let view = use_memo((), |_| SharedViewport::default());
    let cursor = use_state(|| None::<Micros>);
    let selected = use_state(|| None::<Selection>);
    let canvas = use_node_ref();
    let tip = use_node_ref();
    let redraw = use_force_update();
    let painter = Painter {
        session: session.clone(),
        kept: kept.clone(),
        view: (*view).clone(),
        canvas: canvas.clone(),
        tip: tip.clone(),
    };

    // The URL always holds the current setup, so it can be shared as it is.
    use_effect_with((*form).clone(), move |form| {
        if let Some(nav) = navigator {
            let _ = nav.replace_with_query(&Route::Demo { slug: demo.slug().to_string() }, Raw(form.to_query()));
        }
    });
    // Repaint after every render (sizes, theme, cursor and selection may have changed).
    {
        let painter = painter.clone();
        let (cursor, selected) = (*cursor, *selected);
        use_effect(move || {
            {
                let mut v = painter.view.0.borrow_mut();
                v.cursor = cursor;
                v.selection = selected;
            }
            painter.paint();
        });
    }

    let reset_view = {
        let (view, cursor, selected) = (view.clone(), cursor.clone(), selected.clone());
        move || {
            view.0.borrow_mut().fit();
            cursor.set(None);
            selected.set(None);
        }
    };

    // Replaces the current run (dropping it stops it) with a new one made by `make`, from
    // the form's values; false if the form is not valid.
    let replace_session: Rc<dyn Fn(MakeSession) -> bool> = {
        let (form, session, frame_loop, reset_view) =
            (form.clone(), session.clone(), frame_loop.clone(), reset_view.clone());
        Rc::new(move |make| {
            let Some(params) = form.params() else { return false };
            frame_loop.borrow_mut().take();
            session.borrow_mut().take();
            *session.borrow_mut() = Some(make(demo, params, form.to_query()));
            reset_view();
            true
        })
    };
    let on_run = {
        let (session, frame_loop, redraw, painter, replace) =
            (session.clone(), frame_loop.clone(), redraw.clone(), painter.clone(), replace_session.clone());
        Callback::from(move |_: MouseEvent| {
            panic::tripwire(Tripwire::Click);
            if !replace(Session::prepare) {
                return;
            }
            let (s, r, painter) = (session.clone(), redraw.clone(), painter.clone());
            let mut text_drawn = f64::NEG_INFINITY;
            let mut frame = 0;
            // Held by the loop so the start is cancelled if the loop is dropped first.
            let mut _starter = None;
            *frame_loop.borrow_mut() = Some(FrameLoop::start(move |now| {
                frame += 1;
                if frame == 2 {
                    // The first frame laid out the panels the click made. Start the run in a
                    // task of its own, after this frame is painted, so its first moments are
                    // not spent waiting for the page.
                    let s = s.clone();
                    _starter = Some(Timeout::new(0, move || {
                        if let Some(sess) = s.borrow_mut().as_mut() {
                            sess.begin();
                        }
                    }));
                }
                let running = s.borrow_mut().as_mut().is_some_and(|sess| {
                    sess.frames.frame(now);
                    sess.refresh();
                    sess.running()
                });
                painter.paint();
                if frame == 2 {
                    // Let the run's first moments go by without a re-render.
                    text_drawn = now;
                }
                if !running || now - text_drawn >= TEXT_EVERY_MS {
                    text_drawn = now;
                    r.force_update();
                }
                running
            }));
            redraw.force_update();
        })
    };
    let on_step_mode = {
        let (redraw, replace) = (redraw.clone(), replace_session.clone());
        Callback::from(move |_: MouseEvent| {
            if replace(Session::stepper) {
                redraw.force_update();
            }
        })
    };
    // Step mode: Next replays forward through what is recorded, then runs one more resume.
    let on_next = {
        let (session, cursor, selected, redraw) = (session.clone(), cursor.clone(), selected.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let mut guard = session.borrow_mut();
            let Some(s) = guard.as_mut() else { return };
            let shown = match *selected {
                Some(Selection::Step(i)) => Some(i),
                _ => None,
            };
            let next = match shown {
                Some(i) if i + 1 < s.model.steps.len() => i + 1,
                _ => {
                    s.step();
                    s.model.steps.len().saturating_sub(1)
                }
            };
            let last = next + 1 >= s.model.steps.len();
            selected.set(Some(Selection::Step(next)));
            cursor.set(if last { None } else { s.model.steps.get(next).map(|st| st.start) });
            drop(guard);
            redraw.force_update();
        })
    };
    let on_back = {
        let (session, cursor, selected) = (session.clone(), cursor.clone(), selected.clone());
        Callback::from(move |_: MouseEvent| {
            let guard = session.borrow();
            let Some(s) = guard.as_ref() else { return };
            let current = match *selected {
                Some(Selection::Step(i)) => i,
                _ => s.model.steps.len(),
            };
            let back = current.saturating_sub(1);
            selected.set(Some(Selection::Step(back)));
            cursor.set(s.model.steps.get(back).map(|st| st.start));
        })
    };
    let on_to_end = {
        let (session, cursor, selected, redraw) = (session.clone(), cursor.clone(), selected.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = session.borrow_mut().as_mut() {
                s.rt.run_until_end();
                s.refresh();
            }
            cursor.set(None);
            selected.set(None);
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
    let on_keep = {
        let (session, kept, redraw, reset_view) = (session.clone(), kept.clone(), redraw.clone(), reset_view.clone());
        Callback::from(move |_: MouseEvent| {
            let current = session.borrow_mut().take();
            *kept.borrow_mut() = current;
            reset_view();
            redraw.force_update();
        })
    };
    let on_clear_kept = {
        let (kept, redraw) = (kept.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            kept.borrow_mut().take();
            redraw.force_update();
        })
    };
    let on_select = {
        let (session, cursor, selected) = (session.clone(), cursor.clone(), selected.clone());
        Callback::from(move |sel: Selection| {
            let guard = session.borrow();
            let Some(s) = guard.as_ref() else { return };
            let at = match sel {
                Selection::Step(i) => s.model.steps.get(i).map(|st| st.start),
                Selection::Log(i) => s.model.log.get(i).map(|l| l.time),
            };
            selected.set(Some(sel));
            cursor.set(at);
        })
    };
    let on_scrub = {
        let (session, cursor, selected) = (session.clone(), cursor.clone(), selected.clone());
        Callback::from(move |e: InputEvent| {
            let value: f64 = e.target_unchecked_into::<HtmlInputElement>().value().parse().unwrap_or(0.0);
            // While a run goes, the slider's end is "now"; anywhere before it pins the view there.
            let span = session.borrow().as_ref().map_or(0, |s| s.model.span());
            let t = (value * 1000.0) as Micros;
            selected.set(None);
            cursor.set((t + 1000 < span).then_some(t));
        })
    };

    // Render from the latest recording, whatever triggered this render.
    if let Some(sess) = session.borrow_mut().as_mut() {
        sess.refresh();
    }
    let errors = form.errors();
    let valid = errors.iter().all(Option::is_none);
    let guard = session.borrow();
    let current = guard.as_ref();
    let running = current.is_some_and(Session::running);
    let stepping = current.is_some_and(|s| s.rt.is_virtual());
    let span = current.map_or(0, |s| s.model.span());
    let steps_len = current.map_or(0, |s| s.model.steps.len());
    let shown_step = match *selected {
        Some(Selection::Step(i)) => Some(i),
        _ => None,
    };
    let at_first_step = steps_len == 0 || shown_step == Some(0);
    let at_last_step = shown_step.is_none_or(|i| i + 1 >= steps_len);
    let has_kept = kept.borrow().is_some();
    let at = panels::At { time: *cursor, selection: *selected };

    html! {
        <article class="demo" data-testid={format!("demo-{}", demo.slug())}>
            <nav class="crumbs"><Link<Route> to={Route::Gallery}>{"← All demos"}</Link<Route>></nav>
            <h1>{demo.title()}</h1>
            // The lesson's numbers follow the form (the last run's values while a field is invalid).
            <p class="lesson">{demo.lesson(&form.params().or_else(|| current.map(|s| s.params.clone())).unwrap_or_else(|| Params::defaults(demo.params())))}</p>
            if !from_link.1.is_empty() {
                <div class="notice" role="alert" data-testid="link-notice">
                    <strong>{"Couldn't read all of this link; each line says what was used instead:"}</strong>
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
                        <button type="button" class="run" data-testid="run" disabled={!valid || (running && !stepping)} onclick={on_run}>
                            { if current.is_some() { "Run again" } else { "Run" } }
                        </button>
                        <button type="button" class="stop" data-testid="stop" disabled={!running} onclick={on_stop}>{"Stop"}</button>
                        <button type="button" data-testid="step-mode" disabled={!valid || demo.not_steppable().is_some()} onclick={on_step_mode}
                            title={demo.not_steppable().unwrap_or("Run on a virtual clock, one task resume at a time")}>{"Step through"}</button>
                        if !valid {
                            <span class="why-disabled" data-testid="run-disabled">{"Fix the highlighted values to run."}</span>
                        }
                    </div>
                    if stepping {
                        <div class="buttons stepper" role="group" aria-label="Step mode">
                            <button type="button" data-testid="back" onclick={on_back} disabled={at_first_step}>{"◀ Back"}</button>
                            <button type="button" data-testid="next" onclick={on_next} disabled={!running && at_last_step}>{"Next ▶"}</button>
                            <button type="button" data-testid="to-end" onclick={on_to_end} disabled={!running}>{"Run to the end"}</button>
                            <span class="hint">{"Virtual clock: time jumps to the next timer; nothing waits for real."}</span>
                        </div>
                    }
                    if let Some(s) = current {
                        { panels::output(s, at) }
                    } else {
                        <p class="empty-output" data-testid="output">{"Press Run to start the demo, or Step through to go one resume at a time."}</p>
                    }
                </section>
                <Source index={props.index} raw={form.raw.clone()} />
            </div>
            <section class={classes!("timeline-panel", (current.is_none() && !has_kept).then_some("idle"))} aria-label="Timeline">
                <div class="timeline-bar">
                    <h2>{"Timeline"}</h2>
                    { legend() }
                    <div class="tools" role="group" aria-label="Timeline tools">
                        <button type="button" title="Zoom in (+)" aria-label="Zoom in" onclick={{ let p = painter.clone(); Callback::from(move |_| p.input(Input::Key("+".into()))) }}>{"+"}</button>
                        <button type="button" title="Zoom out (−)" aria-label="Zoom out" onclick={{ let p = painter.clone(); Callback::from(move |_| p.input(Input::Key("-".into()))) }}>{"−"}</button>
                        <button type="button" title="Fit the whole run (0)" onclick={{ let p = painter.clone(); Callback::from(move |_| p.input(Input::Key("0".into()))) }}>{"Fit"}</button>
                        { export::buttons(&session, &kept, &canvas, running, form.to_query()) }
                        if current.is_some() && !running {
                            <button type="button" data-testid="keep" onclick={on_keep} title="Keep this run and put the next one on the same time axis">{"Keep for comparison"}</button>
                        }
                        if has_kept {
                            <button type="button" data-testid="clear-kept" onclick={on_clear_kept}>{"Drop kept run"}</button>
                        }
                    </div>
                </div>
                <div class="timeline-wrap">
                    <canvas ref={canvas.clone()} class="timeline" tabindex="0" data-testid="timeline" role="img"
                        aria-label="Timeline of the run: one lane per task, the event loop on top. The step order and log below say the same in words."
                        onwheel={{ let p = painter.clone(); Callback::from(move |e: WheelEvent| {
                            e.prevent_default();
                            p.input(Input::Wheel { x: e.offset_x() as f64, dx: e.delta_x(), dy: e.delta_y(), zoom: e.ctrl_key() || e.meta_key(), pan: e.shift_key() });
                        }) }}
                        onmousedown={{ let p = painter.clone(); Callback::from(move |e: MouseEvent| p.input(Input::Down { x: e.offset_x() as f64, y: e.offset_y() as f64 })) }}
                        onmousemove={{ let p = painter.clone(); Callback::from(move |e: MouseEvent| p.input(Input::Move { x: e.offset_x() as f64, y: e.offset_y() as f64 })) }}
                        onmouseup={{ let p = painter.clone(); Callback::from(move |_| p.input(Input::Up)) }}
                        onmouseleave={{ let p = painter.clone(); Callback::from(move |_| p.input(Input::Leave)) }}
                        onkeydown={{ let p = painter.clone(); Callback::from(move |e: KeyboardEvent| {
                            if !e.ctrl_key() && !e.meta_key() && !e.alt_key() && ["+", "=", "-", "_", "0", "f", "F", "w", "W", "s", "S", "a", "A", "d", "D", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home"].contains(&e.key().as_str()) {
                                e.prevent_default();
                                p.input(Input::Key(e.key()));
                            }
                        }) }}
                    />
                    <div ref={tip.clone()} class="tip" role="tooltip" hidden=true></div>
                    if current.is_none() && !has_kept {
                        <p class="timeline-empty">{"The timeline of your run appears here: who holds the thread, and what every task waits on."}</p>
                    }
                </div>
                <div class="scrub">
                    <label for="scrub">{"Scrub"}</label>
                    <input id="scrub" data-testid="scrub" type="range" min="0" step="1"
                        max={format!("{:.0}", span as f64 / 1000.0)}
                        value={format!("{:.0}", cursor.unwrap_or(span) as f64 / 1000.0)}
                        disabled={current.is_none()}
                        aria-valuetext={crate::model::describe::instant(cursor.unwrap_or(span))}
                        oninput={on_scrub} />
                    <span class="hint">{"Drag to see the recorded run at any instant, even while it goes (nothing re-runs; drag to the end to follow it live). Wheel scrolls lanes; Ctrl+wheel zooms; Shift+wheel or drag pans; keys + − ← → 0."}</span>
                </div>
            </section>
            if let Some(s) = current {
                { panels::summary(s) }
                <div class="panels">
                    { panels::steps(s, at, &on_select) }
                    { panels::log(s, at, &on_select) }
                    { panels::metrics(s, at) }
                </div>
            }
        </article>
    }
}

fn legend() -> Html {
    html! {
        <ul class="legend" aria-label="Legend">
            <li><span class="swatch running"></span>{"running (holds the thread)"}</li>
            <li><span class="swatch waiting"></span>{"waiting (label says on what)"}</li>
            <li><span class="swatch scheduled"></span>{"ready, not yet run"}</li>
            <li><span class="swatch late"></span>{"timer due, loop busy (late)"}</li>
            <li><span class="glyph done">{"✓"}</span>{"done "}<span class="glyph failed">{"✗"}</span>{"failed "}<span class="glyph cancelled">{"⊘"}</span>{"cancelled "}<span class="glyph print">{"▾"}</span>{"print"}</li>
        </ul>
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
