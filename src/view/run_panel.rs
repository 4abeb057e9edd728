//! The run panel, one component for the demo page and the script page alike: Run, Stop and
//! step mode, the live timeline with its scrubber, the output, what happened, the step order,
//! the log, the metrics, export and compare. The page owns the run state (a reducer, so the
//! page's code view can light the lines of the run) and puts its code in the panel's first
//! column; the panel dispatches every change as an [`Action`].

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use super::export;
use super::frames::FrameLoop;
use super::panels;
use super::panic::{self, Tripwire};
use super::speed::{self, SpeedControl};
use super::storage;
use super::timeline::{self, Input, Marks, SharedTimeline};
use crate::model::compare::Comparison;
use crate::model::style::{self, Look, Pattern, Style};
use crate::model::viewport::Axis;
use crate::model::words;
use crate::session::{Action, LitLine, Program, RunState, Selection, Session, Shared, Upto};
use crate::trace::Micros;

impl Reducible for RunState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// How often (ms) at most the page re-renders its text while a run goes; the recording is read
/// every frame, and the timeline drawn every frame it can afford (see [`PAINT_SHARE`]).
const TEXT_EVERY_MS: f64 = 100.0;

/// The largest share of the page's time that building its text and laying it out may take
/// while a run goes. Metrics of a 100,000-item run are sums over hundreds of thousands of
/// polls: a render took 9 ms, and ten a second held the loop back.
const TEXT_SHARE: f64 = 0.05;

/// The largest share of the page's time that drawing the timeline may take while a run goes.
/// A run of 100,000 queue items has hundreds of thousands of segments, and drawing them takes
/// longer than the loop's own slice of a frame: drawn every frame, the timeline took more of
/// the thread than the program did and the run took four times as long. So after a drawing
/// that took `d` ms the next waits until `d / PAINT_SHARE` ms have passed since it started:
/// small runs, drawn in a millisecond, still get every frame. (The browser's raster and commit
/// of the canvas take about as long again, after the drawing.)
const PAINT_SHARE: f64 = 0.15;

/// What Run runs, or why it cannot run now (said beside the disabled button).
#[derive(Clone)]
pub struct Runnable(pub Result<Rc<Program>, AttrValue>);

impl PartialEq for Runnable {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Ok(a), Ok(b)) => Rc::ptr_eq(a, b),
            (Err(a), Err(b)) => a == b,
            _ => false,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page's run state.
    pub run: UseReducerHandle<RunState>,
    pub program: Runnable,
    /// The code line under the pointer: the timeline outlines what ran and waited there.
    pub hover_line: Option<u32>,
    /// A line number clicked in a traceback.
    pub on_line: Callback<u32>,
    /// Said before the first run.
    pub idle_hint: AttrValue,
    /// What the code column says when a narrow screen has folded it away
    /// ([`crate::session::peek`]).
    pub peek: AttrValue,
    /// The code's longest line in columns ([`code_columns`]): on a wide screen the code column
    /// takes what it needs of the width, between two fifths and a little over half.
    pub code_columns: u32,
    /// The code column.
    pub children: Html,
}

/// The widest line of `code` in columns ([`super::code::widest_columns`]), rounded up to
/// steps of 8 so that typing does not move the columns at every key, and kept between 32 and
/// 120 (past that a line scrolls: the timeline needs its own room).
pub fn code_columns(code: &str) -> u32 {
    (super::code::widest_columns(code).div_ceil(8) * 8).clamp(32, 120) as u32
}

/// Everything the canvas needs to paint itself, cheap to clone into handlers.
#[derive(Clone)]
struct Painter {
    /// The current run and the kept one when it is another run, as the last render saw them
    /// (the frame loop paints between renders).
    runs: Rc<RefCell<(Option<Shared>, Option<Shared>)>>,
    view: SharedTimeline,
    /// What the page marks on the drawing, as the last render set it.
    marks: Rc<RefCell<Marks>>,
    canvas: NodeRef,
    tip: NodeRef,
}

impl Painter {
    fn paint(&self) {
        let Some(canvas) = self.canvas.cast::<HtmlCanvasElement>() else { return };
        let tip = self.tip.cast::<HtmlElement>();
        let runs = self.runs.borrow();
        let Some(main) = &runs.0 else { return };
        let main = main.borrow();
        let other = runs.1.as_ref().map(|k| k.borrow());
        let marks = self.marks.borrow();
        timeline::draw(&canvas, &mut self.view.0.borrow_mut(), &main, other.as_deref(), &marks, tip.as_ref());
    }

    /// Routes an input to the viewport; a click picks what is under it. Returns whether the
    /// timeline took it (a wheel it does not take scrolls the page).
    fn input(&self, input: Input, dispatch: &Callback<Action>) -> bool {
        let Some(canvas) = self.canvas.cast::<HtmlCanvasElement>() else { return false };
        let handled = timeline::handle(&mut self.view.0.borrow_mut(), &canvas, input);
        if let Some((x, y)) = handled.click {
            let pick = self
                .runs
                .borrow()
                .0
                .as_ref()
                .and_then(|s| timeline::pick(&self.view.0.borrow(), &canvas, &s.borrow(), x, y));
            if let Some(sel) = pick {
                self.view.0.borrow_mut().picked_in_view(sel);
                dispatch.emit(Action::Select(sel));
            }
        }
        if handled.redraw {
            self.paint();
        }
        handled.redraw
    }
}

#[function_component(RunPanel)]
pub fn run_panel(props: &Props) -> Html {
    let render_began = crate::runtime::now_ms();
    let state = (*props.run).clone();
    let frame_loop: Rc<RefCell<Option<FrameLoop>>> = use_mut_ref(|| None);
    // How long the last render took to build and apply (ms), which spaces the text's renders
    // in a run.
    let render_ms = use_mut_ref(|| 0.0);
    let view = use_memo((), |_| {
        let view = SharedTimeline::default();
        set_presentation(&view, storage::load(PRESENTATION_SLOT).as_deref() == Some("on"));
        view
    });
    let marks = use_mut_ref(Marks::default);
    let canvas = use_node_ref();
    let tip = use_node_ref();
    let places = Places { timeline: use_node_ref(), code_col: use_node_ref(), run_col: use_node_ref() };
    let code_body = use_node_ref();
    let (run_button, stop_button) = (use_node_ref(), use_node_ref());
    let focus_first = use_mut_ref(|| true);
    // Whether a narrow screen has folded the code into its tab (Run folds it, so the timeline
    // comes up under the run buttons; wide screens show the code beside the timeline).
    let folded = use_state(|| false);
    let show_kept: UseStateHandle<Option<u32>> = use_state(|| None);
    let runs = use_mut_ref(Default::default);
    *runs.borrow_mut() = (state.current.clone(), state.kept_other().cloned());
    let painter = Painter { runs, view: (*view).clone(), marks, canvas: canvas.clone(), tip: tip.clone() };
    let dispatch: Callback<Action> = {
        let dispatcher = props.run.dispatcher();
        Callback::from(move |a| dispatcher.dispatch(a))
    };

    // A run going for real (not stepped): Run says so, and its frame loop draws the timeline.
    let busy = state.current.as_ref().is_some_and(|s| {
        let s = s.borrow();
        s.running() && !s.stepping()
    });

    // Repaint after every render (sizes, theme, cursor, selection and the hovered line may
    // have changed), except while a run goes for real: its frame loop paints the new marks on
    // its next drawing, and the text re-renders ten times a second.
    {
        let painter = painter.clone();
        let at = state.at;
        let marked = match (&state.current, props.hover_line) {
            (Some(s), Some(line)) => {
                let s = s.borrow();
                s.lines().steps_at_line(s.model(), line)
            }
            _ => Vec::new(),
        };
        use_effect(move || {
            *painter.marks.borrow_mut() = Marks { cursor: at.time, selection: at.selection, marked };
            if !busy {
                painter.paint();
            }
        });
    }

    // Starts `program`: for real (a frame loop reads and draws the run as it goes), or in step
    // mode on the virtual clock.
    let start: Rc<dyn Fn(Rc<Program>, bool)> = {
        let (frame_loop, painter, dispatch, places, folded, render_ms) =
            (frame_loop.clone(), painter.clone(), dispatch.clone(), places.clone(), folded.clone(), render_ms.clone());
        Rc::new(move |program, stepper| {
            frame_loop.borrow_mut().take();
            if narrow() {
                folded.set(true);
            }
            // Step mode shows turns (each is a column); a real run shows time.
            painter.view.0.borrow_mut().set_axis(if stepper { Axis::Turns } else { Axis::Time }, None);
            if stepper {
                dispatch.emit(Action::Run(Rc::new(RefCell::new(Session::stepper(program)))));
                return;
            }
            let shared: Shared = Rc::new(RefCell::new(Session::browser(program, speed::chosen())));
            painter.runs.borrow_mut().0 = Some(shared.clone());
            dispatch.emit(Action::Run(shared.clone()));
            places.bring_up(painter.view.0.borrow().presentation);
            let (painter, dispatch, places, render_ms) =
                (painter.clone(), dispatch.clone(), places.clone(), render_ms.clone());
            let mut text_drawn = f64::NEG_INFINITY;
            let mut next_paint = f64::NEG_INFINITY;
            let mut frame = 0;
            // Held by the loop so the start is cancelled if the loop is dropped first.
            let mut _starter = None;
            *frame_loop.borrow_mut() = Some(FrameLoop::start(move |now| {
                frame += 1;
                if frame == 2 {
                    // The first frame laid out the panels the click made (the page may only
                    // now be tall enough to bring the timeline up). Start the run in a task
                    // of its own, after this frame is painted, so its first moments are not
                    // spent waiting for the page.
                    places.bring_up(painter.view.0.borrow().presentation);
                    let s = shared.clone();
                    _starter = Some(Timeout::new(0, move || s.borrow_mut().begin()));
                }
                let running = {
                    let mut s = shared.borrow_mut();
                    s.frames.frame(now);
                    s.refresh();
                    s.running()
                };
                if now >= next_paint || !running {
                    let began = crate::runtime::now_ms();
                    painter.paint();
                    next_paint = began + (crate::runtime::now_ms() - began) / PAINT_SHARE;
                }
                if frame == 2 {
                    // Let the run's first moments go by without a re-render.
                    text_drawn = now;
                }
                if !running || now - text_drawn >= TEXT_EVERY_MS.max(*render_ms.borrow() / TEXT_SHARE) {
                    text_drawn = now;
                    dispatch.emit(Action::Refresh);
                }
                running
            }));
        })
    };

    let current = state.current.clone();
    let guard = current.as_ref().map(|s| s.borrow());
    let session = guard.as_deref();
    let running = session.is_some_and(Session::running);
    let stepping = session.is_some_and(Session::stepping);
    let program = props.program.0.clone();
    // A run going for real must be stopped first; in step mode, Run replaces it.
    let can_run = program.is_ok() && (stepping || !running);
    {
        // A focused button that disables itself (Run once the run starts, Stop once it ends)
        // drops the keyboard's focus to the page: it moves to the button that took over.
        let (run_button, stop_button, first) = (run_button.clone(), stop_button.clone(), focus_first.clone());
        use_effect_with((running, can_run), move |&(running, can_run)| {
            // Not when the page opens: nothing was focused, nor lost.
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let lost = web_sys::window().and_then(|w| w.document()).is_some_and(|d| {
                // The browser may move the focus off a disabled button only at its next
                // rendering update: a disabled one still focused is lost too.
                d.active_element().is_none_or(|a| a.has_attribute("disabled") || Some(a) == d.body().map(Into::into))
            });
            let next = if running && !can_run { stop_button } else { run_button };
            if let (true, Some(button)) = (lost, next.cast::<web_sys::HtmlElement>()) {
                let _ = button.focus();
            }
        });
    }

    let on_run = {
        let (start, program) = (start.clone(), program.clone());
        Callback::from(move |_: MouseEvent| {
            panic::tripwire(Tripwire::Click);
            if let Ok(p) = &program {
                start(p.clone(), false);
            }
        })
    };
    let on_step_mode = {
        let (start, program) = (start.clone(), program.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(p) = &program {
                start(p.clone(), true);
            }
        })
    };
    let on_download_output = {
        let current = current.clone();
        Callback::from(move |()| {
            if let Some(s) = &current {
                let s = s.borrow();
                export::download(&export::file_name(&s, "output.txt"), "text/plain;charset=utf-8", &s.output_text());
            }
        })
    };
    let act = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action()))
    };
    let on_keep = {
        let (dispatch, view) = (dispatch.clone(), view.clone());
        Callback::from(move |_: MouseEvent| {
            view.0.borrow_mut().fit();
            dispatch.emit(Action::Keep);
        })
    };
    let on_select = {
        let dispatch = dispatch.clone();
        Callback::from(move |sel: Selection| dispatch.emit(Action::Select(sel)))
    };
    let on_scrub = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let value: f64 = e.target_unchecked_into::<HtmlInputElement>().value().parse().unwrap_or(0.0);
            dispatch.emit(Action::Scrub((value.max(0.0) * 1000.0) as Micros));
        })
    };
    // Live, the scrubber reaches the clock now, as the timeline does: during a long first
    // wait the recording's last event is still at its start.
    let span =
        session
            .map_or(0, |s| if s.running() && !s.stepping() { s.now().max(s.model().span()) } else { s.model().span() });
    let steps_len = session.map_or(0, |s| s.model().steps.len());
    let shown_step = match state.at.selection {
        Some(Selection::Step(i)) => Some(i),
        _ => None,
    };
    let at_first_step = steps_len == 0 || shown_step == Some(0);
    let at_last_step = shown_step.is_none_or(|i| i + 1 >= steps_len);
    // Ctrl/Cmd+Enter runs, Escape stops, wherever the focus is (the editor included; Run
    // itself loses the focus when it is disabled by the run it started). Outside text fields,
    // buttons and the canvas (a presenter's clicker sends these): Space runs or stops, and in
    // step mode → and ← step forward and back.
    {
        let (start, dispatch, view, places) = (start.clone(), dispatch.clone(), (*view).clone(), places.clone());
        let deps = (props.program.clone(), can_run, running, stepping, at_first_step, at_last_step);
        use_effect_with(deps, move |(program, can_run, running, stepping, at_first, at_last)| {
            let (program, can_run, running) = (program.0.clone(), *can_run, *running);
            let (stepping, at_first, at_last) = (*stepping, *at_first, *at_last);
            let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                let plain = !e.ctrl_key() && !e.meta_key() && !e.alt_key() && !e.shift_key();
                if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                    e.prevent_default();
                    if let (Ok(p), true) = (&program, can_run) {
                        start(p.clone(), false);
                    }
                } else if e.key() == "Escape" && running {
                    dispatch.emit(Action::Stop);
                } else if matches!(e.key().as_str(), "p" | "P")
                    && !e.ctrl_key()
                    && !e.meta_key()
                    && !e.alt_key()
                    && !in_text_field(&e)
                {
                    // P presents wherever the focus is but in text (the timeline's hint says so).
                    e.prevent_default();
                    toggle_presentation(&view, &places, &dispatch);
                } else if plain && !in_control(&e) {
                    match e.key().as_str() {
                        " " if running && !stepping => dispatch.emit(Action::Stop),
                        " " => match (&program, can_run) {
                            (Ok(p), true) => start(p.clone(), false),
                            _ => return,
                        },
                        "ArrowRight" if stepping && (running || !at_last) => dispatch.emit(Action::Next),
                        "ArrowLeft" if stepping && !at_first => dispatch.emit(Action::Back),
                        _ => return,
                    }
                    e.prevent_default();
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
                }
            }
        });
    }

    let kept_now = state.current_is_kept();
    let kept_other = state.kept_other().cloned();
    // Which run's output is shown beside a kept one: the kept run's when its tab was picked
    // during this run (a new run shows its own).
    let this_run = session.map_or(0, |s| s.number);
    let kept_output = kept_other.as_ref().filter(|_| *show_kept == Some(this_run));
    let on_show_kept = |kept: bool| {
        let show_kept = show_kept.clone();
        Callback::from(move |_: MouseEvent| show_kept.set(kept.then_some(this_run)))
    };
    let on_download_kept = {
        let kept = kept_other.clone();
        Callback::from(move |()| {
            if let Some(k) = &kept {
                let k = k.borrow();
                export::download(&export::file_name(&k, "output.txt"), "text/plain;charset=utf-8", &k.output_text());
            }
        })
    };
    let turns = view.0.borrow().axis() == Axis::Turns;
    let not_steppable = program.as_ref().ok().and_then(|p| p.not_steppable());
    let key = |k: &'static str| {
        let (p, d) = (painter.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            p.input(Input::Key(k.into()), &d);
        })
    };
    let presenting = view.0.borrow().presentation;
    let on_present = {
        let (view, dispatch, places) = ((*view).clone(), dispatch.clone(), places.clone());
        Callback::from(move |_: MouseEvent| toggle_presentation(&view, &places, &dispatch))
    };
    // Touch: one finger pans sideways, two pinch; a tap picks like a click. The canvas's
    // `touch-action: pan-y` leaves up and down to the page and keeps the rest from it, so the
    // (passive) listeners never need to prevent anything.
    let touch_input = |end: bool| {
        let (p, d, canvas) = (painter.clone(), dispatch.clone(), canvas.clone());
        Callback::from(move |e: TouchEvent| {
            let Some(el) = canvas.cast::<HtmlElement>() else { return };
            let points = touch_points(&e, &el);
            p.input(if end { Input::TouchEnd(points) } else { Input::Touch(points) }, &d);
        })
    };
    let canvas_input = |f: fn(MouseEvent) -> Input| {
        let (p, d) = (painter.clone(), dispatch.clone());
        Callback::from(move |e: MouseEvent| {
            p.input(f(e), &d);
        })
    };

    // A line named in a traceback opens the folded code, so it can be shown.
    let on_line = {
        let (on_line, folded) = (props.on_line.clone(), folded.clone());
        Callback::from(move |line| {
            folded.set(false);
            on_line.emit(line);
        })
    };
    let on_fold = {
        let (folded, code_body) = (folded.clone(), code_body.clone());
        Callback::from(move |_: MouseEvent| {
            let open = *folded;
            folded.set(!open);
            if open {
                // Once shown (next frame), the picked line, else the first lit one, comes into view.
                let code_body = code_body.clone();
                Timeout::new(0, move || reveal_marked_line(&code_body)).forget();
            }
        })
    };

    let html = html! {
        <div class="run-layout">
            // The code and the run side by side in a box of their own: the code column, sticky
            // while the run scrolls, then stops at the panels below instead of covering them.
            // A class, not a style attribute: the page's Content-Security-Policy allows no inline style.
            <div class={classes!("run-top", format!("cols-{}", props.code_columns))}>
                <div class={classes!("code-col", folded.then_some("folded"))} ref={places.code_col.clone()}>
                    <button type="button" class="code-fold" data-testid="code-fold" aria-expanded={(!*folded).to_string()}
                        aria-controls="code-body" onclick={on_fold}>
                        <span class="fold-name">{ if *folded { "▸ Show the code" } else { "▾ Code" } }</span>
                        // Always there while folded, so the tab keeps its height as tasks come and go.
                        if *folded {
                            <span class="peek" data-testid="code-peek">
                                { if props.peek.is_empty() { AttrValue::from("no task is on a line now") } else { props.peek.clone() } }
                            </span>
                        }
                    </button>
                    <div id="code-body" class="code-body" ref={code_body} hidden={*folded}>{ props.children.clone() }</div>
                </div>
                <div class="run-col" ref={places.run_col.clone()}>
                    <div class="buttons">
                        <button type="button" class={classes!("run", busy.then_some("busy"))} data-testid="run" disabled={!can_run} onclick={on_run} ref={run_button}
                            title="Run (Ctrl+Enter)">
                            { if busy { "Running…" } else if session.is_some() && !stepping { "Run again" } else { "Run" } }
                        </button>
                        <button type="button" class="stop" data-testid="stop" disabled={!running} onclick={act(|| Action::Stop)} ref={stop_button}
                            title="Stop (Escape)">{"Stop"}</button>
                        <button type="button" data-testid="step-mode" disabled={program.is_err() || not_steppable.is_some()} onclick={on_step_mode}
                            title={not_steppable.unwrap_or("Run on a virtual clock, one task resume at a time")}>{"Step through"}</button>
                        <SpeedControl running_at={session.filter(|_| busy).map(Session::speed)} {stepping} />
                        if let Err(why) = &program {
                            <span class="why-disabled" data-testid="run-disabled">{why.clone()}</span>
                        }
                    </div>
                    if stepping {
                        <div class="buttons stepper" role="group" aria-label="Step mode">
                            <button type="button" data-testid="back" onclick={act(|| Action::Back)} disabled={at_first_step}>{"◀ Back"}</button>
                            <button type="button" data-testid="next" onclick={act(|| Action::Next)} disabled={!running && at_last_step}>{"Next ▶"}</button>
                            <button type="button" data-testid="to-end" onclick={act(|| Action::ToEnd)} disabled={!running}>{"Run to the end"}</button>
                            <span class="hint">{"Virtual clock: time jumps to the next timer; nothing waits for real."}</span>
                        </div>
                    }
                    <section ref={places.timeline.clone()} class={classes!("timeline-panel", session.is_none().then_some("idle"))} aria-label="Timeline">
                        <div class="timeline-bar">
                            <h2>{"Timeline"}</h2>
                            { legend(session) }
                            <div class="tools" role="group" aria-label="Timeline tools">
                                <button type="button" title="Zoom in (+)" aria-label="Zoom in" onclick={key("+")}>{"+"}</button>
                                <button type="button" title="Zoom out (−)" aria-label="Zoom out" onclick={key("-")}>{"−"}</button>
                                <button type="button" title="Fit the whole run (0)" onclick={key("0")}>{"Fit"}</button>
                                <button type="button" data-testid="present" aria-pressed={if presenting { "true" } else { "false" }}
                                    title="Presentation mode (P): large rows, text and controls, legible from the back of a room; Space runs, ← → step"
                                    onclick={on_present}>{"Present"}</button>
                                <button type="button" data-testid="axis-turns" aria-pressed={if turns { "true" } else { "false" }}
                                    title="Show one equal column per turn of the event loop instead of time"
                                    onclick={{ let (p, d) = (painter.clone(), dispatch.clone()); Callback::from(move |_: MouseEvent| {
                                        let axis = if p.view.0.borrow().axis() == Axis::Turns { Axis::Time } else { Axis::Turns };
                                        {
                                            // Dropped before the dispatch: the reducer borrows the run.
                                            let runs = p.runs.borrow();
                                            let current = runs.0.as_ref().map(|s| s.borrow());
                                            p.view.0.borrow_mut().set_axis(axis, current.as_ref().map(|s| s.model()));
                                        }
                                        d.emit(Action::Refresh);
                                    }) }}>{"Turns axis"}</button>
                                { export::buttons(state.current.as_ref(), kept_other.as_ref(), view.0.borrow().axis(), running) }
                                if session.is_some() && !running && !kept_now {
                                    <button type="button" data-testid="keep" onclick={on_keep} title="Keep this run and put the next one on the same time axis">{"Keep for comparison"}</button>
                                }
                                if state.kept.is_some() {
                                    <button type="button" data-testid="clear-kept" onclick={act(|| Action::DropKept)}>{"Drop kept run"}</button>
                                }
                            </div>
                        </div>
                        if let (true, Some(s)) = (kept_now, session) {
                            <p class="kept-note" data-testid="kept-note">
                                <strong>{"Kept for comparison: "}</strong>{s.label()}
                                {". Change the code or the values and run again: the next run is drawn above this one on the same time axis, and the two are compared under the timeline."}
                            </p>
                        }
                        <div class="timeline-wrap">
                            <canvas ref={canvas.clone()} class="timeline" tabindex="0" data-testid="timeline" role="img"
                                aria-label="Timeline of the run: one lane per task, the event loop on top. The step order and log below say the same in words."
                                onwheel={{ let (p, d) = (painter.clone(), dispatch.clone()); Callback::from(move |e: WheelEvent| {
                                    if p.input(Input::Wheel { x: e.offset_x() as f64, dx: e.delta_x(), dy: e.delta_y(), zoom: e.ctrl_key() || e.meta_key(), pan: e.shift_key() }, &d) {
                                        e.prevent_default();
                                    }
                                }) }}
                                onmousedown={canvas_input(|e| Input::Down { x: e.offset_x() as f64, y: e.offset_y() as f64 })}
                                onmousemove={canvas_input(|e| Input::Move { x: e.offset_x() as f64, y: e.offset_y() as f64 })}
                                onmouseup={canvas_input(|_| Input::Up)}
                                onmouseleave={canvas_input(|_| Input::Leave)}
                                ontouchstart={touch_input(false)}
                                ontouchmove={touch_input(false)}
                                ontouchend={touch_input(true)}
                                ontouchcancel={touch_input(true)}
                                onkeydown={{ let (p, d) = (painter.clone(), dispatch.clone()); Callback::from(move |e: KeyboardEvent| {
                                    if !e.ctrl_key() && !e.meta_key() && !e.alt_key() && ["+", "=", "-", "_", "0", "f", "F", "w", "W", "s", "S", "a", "A", "d", "D", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home"].contains(&e.key().as_str()) {
                                        e.prevent_default();
                                        p.input(Input::Key(e.key()), &d);
                                    }
                                }) }}
                            />
                            <div ref={tip.clone()} class="tip" role="tooltip" hidden=true></div>
                            if session.is_none() {
                                <p class="timeline-empty">{"The timeline of your run appears here: who holds the thread, and what every task waits on. Click a bar to see its line in the code."}</p>
                            }
                        </div>
                        if let Some(s) = session.filter(|s| !s.running()) {
                            <div class="visually-hidden" role="region" aria-label="The timeline in words" data-testid="timeline-words">
                                { words::text_alternative(s.model(), &s.trace(), s.halted().as_deref()) }
                            </div>
                        }
                        <div class="scrub">
                            <label for="scrub">{"Scrub"}</label>
                            <input id="scrub" data-testid="scrub" type="range" min="0" step="1"
                                max={format!("{:.0}", span as f64 / 1000.0)}
                                value={format!("{:.0}", state.at.time.unwrap_or(span) as f64 / 1000.0)}
                                disabled={session.is_none()}
                                aria-valuetext={crate::model::describe::instant(state.at.time.unwrap_or(span))}
                                oninput={on_scrub} />
                            <span class="hint">{"Drag to see the recorded run at any instant, even while it goes (nothing re-runs; drag to the end to follow it live). "}
                                <span class="hint-mouse">{"Wheel scrolls hidden lanes, else the page; Ctrl+wheel zooms; Shift+wheel or drag pans; keys + − ← → 0; P presents."}</span>
                                <span class="hint-touch">{"On the timeline: swipe sideways to pan, pinch to zoom, tap a bar to find its line; swipe up or down to scroll the page."}</span>
                            </span>
                        </div>
                        if let (Some(s), Some(k)) = (session.filter(|s| !s.running()), kept_other.as_ref()) {
                            { comparison(&s.compared_with(&k.borrow())) }
                        }
                        // Presenting, what happened sits right under the timeline, so the room
                        // sees both at the end of a run without scrolling (its legend and tools
                        // follow it, the output below).
                        if let Some(s) = session.filter(|_| presenting) {
                            { panels::summary(s) }
                        }
                    </section>
                    if let (Some(s), Some(k)) = (session, kept_other.as_ref()) {
                        <div class="output-switch" role="group" aria-label="Whose output and summary to show">
                            <button type="button" data-testid="output-this" aria-pressed={(kept_output.is_none()).to_string()}
                                onclick={on_show_kept(false)}>{format!("This run (run {})", s.number)}</button>
                            <button type="button" data-testid="output-kept" aria-pressed={(kept_output.is_some()).to_string()}
                                onclick={on_show_kept(true)}>{format!("Kept run (run {})", k.borrow().number)}</button>
                        </div>
                    }
                    if let Some(k) = kept_output {
                        { panels::output(&k.borrow(), Default::default(), &on_line, &on_download_kept) }
                    } else if let Some(s) = session {
                        { panels::output(s, state.at, &on_line, &on_download_output) }
                    }
                    if let Some(s) = session {
                        // The summary goes with the output shown.
                        if let (false, Some(k)) = (presenting, kept_output) {
                            { panels::summary(&k.borrow()) }
                        } else if !presenting {
                            { panels::summary(s) }
                        }
                    } else {
                        <p class="empty-output" data-testid="output">{props.idle_hint.clone()}</p>
                    }
                </div>
            </div>
            if let Some(s) = session {
                <div class="panels">
                    { panels::steps(s, state.at, &on_select) }
                    { panels::log(s, state.at, &on_select) }
                    { panels::metrics(s, state.at) }
                </div>
            }
        </div>
    };
    // Measured once the page has the new text (an effect runs after Yew applied it): putting
    // thousands of changed nodes in place took as long again as building them. While a run
    // goes, the browser's layout of the text is done here, to be measured with it (the frame
    // would do it next anyway): it costs about as much again, and the text's renders are
    // spaced by their whole cost.
    let run_col = places.run_col.clone();
    use_effect(move || {
        if busy {
            if let Some(col) = run_col.cast::<HtmlElement>() {
                col.offset_height();
            }
        }
        *render_ms.borrow_mut() = crate::runtime::now_ms() - render_began;
    });
    html
}

/// Where presentation mode is remembered ("on" or absent).
const PRESENTATION_SLOT: &str = "interleave.presentation";

/// Present (its button, or P): switches presentation mode, and turning it on brings the
/// timeline up for the room.
fn toggle_presentation(view: &SharedTimeline, places: &Places, dispatch: &Callback<Action>) {
    let on = !view.0.borrow().presentation;
    set_presentation(view, on);
    if on {
        places.bring_up(true);
    }
    dispatch.emit(Action::Refresh);
}

/// Turns presentation mode on or off: the timeline's rows and text grow, and the page's
/// controls and code with them (a class on the root element, for the style sheet); the choice
/// is remembered for the next visit.
fn set_presentation(view: &SharedTimeline, on: bool) {
    view.0.borrow_mut().presentation = on;
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.class_list().toggle_with_force("presenting", on);
    }
    if on {
        storage::save(PRESENTATION_SLOT, "on");
    } else {
        storage::forget(PRESENTATION_SLOT);
    }
}

/// The fingers of a touch event still on the screen, relative to `el`.
fn touch_points(e: &TouchEvent, el: &HtmlElement) -> Vec<(f64, f64)> {
    let rect = el.get_bounding_client_rect();
    let touches = e.touches();
    (0..touches.length())
        .filter_map(|i| touches.get(i))
        .map(|t| (t.client_x() as f64 - rect.left(), t.client_y() as f64 - rect.top()))
        .collect()
}

/// The kept run against this one: the point in a sentence, then the figures side by side.
fn comparison(c: &Comparison) -> Html {
    html! {
        <section class="compare" data-testid="compare" aria-label="The two runs compared">
            <p class="compare-point" data-testid="compare-point">{ c.point.clone() }</p>
            <table class="compare-table" data-testid="compare-table">
                <caption class="visually-hidden">{"The kept run and this run, side by side"}</caption>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{ c.heads[0].clone() }</th>
                        <th scope="col">{ c.heads[1].clone() }</th>
                    </tr>
                </thead>
                <tbody>
                    { for c.rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{ r.name }</th>
                            <td>{ r.values[0].clone() }</td>
                            <td>{ r.values[1].clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// Whether a key went to something that uses it itself: a text field, a button, a select, the
/// canvas (its arrows pan) or the code editor.
fn in_control(e: &KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else { return false };
    el.is_content_editable()
        || ["INPUT", "TEXTAREA", "SELECT", "BUTTON", "CANVAS", "A"].contains(&el.tag_name().as_str())
}

/// Whether a key went to a field that takes text (where P is a letter, not a command).
fn in_text_field(e: &KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else { return false };
    el.is_content_editable() || ["INPUT", "TEXTAREA", "SELECT"].contains(&el.tag_name().as_str())
}

/// Whether the screen is narrow enough that the code sits above the timeline (the style's
/// two-column breakpoint is 1000 px, so a 1024-wide projector shows the code beside the run).
fn narrow() -> bool {
    web_sys::window().and_then(|w| w.match_media("(max-width: 999.98px)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Scrolls the picked line (else the first lit one) of a just-opened code column into view.
fn reveal_marked_line(code_body: &NodeRef) {
    let Some(body) = code_body.cast::<HtmlElement>() else { return };
    let line = body.query_selector(".picked").ok().flatten().or_else(|| body.query_selector(".lit").ok().flatten());
    if let Some(line) = line {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        line.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The parts of the panel that Run brings into view.
#[derive(Clone)]
struct Places {
    timeline: NodeRef,
    code_col: NodeRef,
    run_col: NodeRef,
}

impl Places {
    /// Brings the timeline up when Run is pressed and it sits low on the screen or above it (a
    /// tall parameter form above): its panel comes to just under the run buttons (wide screens
    /// keep the code beside it, sticky). On a narrow screen, where Run has folded the code into
    /// its tab, the tab goes to the top of the screen with the run buttons and the timeline
    /// under it (so nothing shows half-covered under the tab once it sticks there). Presenting,
    /// the timeline goes to the top, under the run buttons that stick there, so the room sees
    /// all of it and the presenter keeps Run and Stop at hand.
    fn bring_up(&self, presenting: bool) {
        let (Some(el), Some(window)) = (self.timeline.cast::<HtmlElement>(), web_sys::window()) else { return };
        let folded = self.code_col.cast::<HtmlElement>().filter(|c| c.class_list().contains("folded"));
        if let (false, Some(tab), Some(run)) = (presenting, folded, self.run_col.cast::<HtmlElement>()) {
            // The run column follows the tab by the layout's gap, whether the tab sticks or not.
            let want = tab.offset_height() as f64 + TAB_GAP_PX;
            let off = run.get_bounding_client_rect().top() - want;
            if off.abs() > 2.0 {
                window.scroll_by_with_x_and_y(0.0, off);
            }
            return;
        }
        let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let rect = el.get_bounding_client_rect();
        if presenting {
            // Just under the run buttons where they stick to the top (the wide layout; the
            // style sheet puts the canvas first in the panel there, its legend and tools below).
            let off = rect.top() - self.sticky_buttons_height(&window) - 4.0;
            if off.abs() > 2.0 {
                window.scroll_by_with_x_and_y(0.0, off);
            }
            return;
        }
        if rect.top() > height * 0.3 || rect.top() < 0.0 {
            window.scroll_by_with_x_and_y(0.0, rect.top() - 64.0);
        }
    }

    /// The height of the run buttons' row where it sticks to the top of the screen (the style
    /// sheet makes it stick while presenting on a wide screen), else 0.
    fn sticky_buttons_height(&self, window: &web_sys::Window) -> f64 {
        let Some(bar) = self.run_col.cast::<HtmlElement>().and_then(|c| c.first_element_child()) else { return 0.0 };
        let sticks = window
            .get_computed_style(&bar)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("position").ok())
            .is_some_and(|p| p == "sticky");
        if sticks {
            bar.get_bounding_client_rect().height()
        } else {
            0.0
        }
    }
}

/// The gap between the folded code tab and the run column (the narrow layout's 1rem gap).
const TAB_GAP_PX: f64 = 16.0;

/// The legend, read from the style table: the looks this run uses (the task states before a
/// run), each with its swatch or glyph in the theme shown, and the lateness threshold.
fn legend(session: Option<&Session>) -> Html {
    let m = session.map(|s| s.model());
    let looks: Vec<&'static Style> = match m {
        Some(m) => style::legend(m),
        None => [Look::Running, Look::Ready, Look::Waiting, Look::Late, Look::Done, Look::Failed, Look::Cancelled]
            .into_iter()
            .map(style::style)
            .collect(),
    };
    let dark = timeline::prefers_dark();
    let (trace, halted) = (session.map(|s| s.trace()), session.and_then(Session::halted));
    let words = |s: &Style| match (m, trace.as_deref()) {
        (Some(m), Some(rec)) => style::legend_label(s, m, rec, halted.as_deref()),
        _ => (s.label, s.meaning),
    };
    html! {
        <ul class="legend" aria-label="Legend" data-testid="legend">
            { for looks.iter().map(|s| {
                let (label, meaning) = words(s);
                html! { <li title={meaning} data-look={s.var.trim_start_matches("--").to_string()}>{ swatch(s, dark) }{ label }</li> }
            }) }
            <li class="legend-note" data-testid="late-threshold">{ style::late_threshold_note(m) }</li>
        </ul>
    }
}

/// A look's swatch: its colour with its pattern, or its glyph, as a small SVG (attributes,
/// not inline styles, so the page's CSP allows it).
fn swatch(s: &Style, dark: bool) -> Html {
    let colour = s.colour(dark).to_string();
    if let (Some(glyph), Pattern::Glyph | Pattern::Marker | Pattern::Outline) = (s.glyph, s.pattern) {
        return html! { <span class="glyph" aria-hidden="true"><svg width="14" height="14" viewBox="0 0 14 14"><text x="7" y="11" text-anchor="middle" font-size="12" fill={colour}>{glyph}</text></svg></span> };
    }
    let overlay = match s.pattern {
        Pattern::Hatch | Pattern::Stripes => "M0 10 L10 0 M-3 3 L3 -3 M7 13 L13 7",
        Pattern::Grid => "M0 4 H16 M5 0 V10 M11 0 V10",
        Pattern::Dots => "M3 3 h1 M9 6 h1 M5 8 h1",
        _ => "",
    };
    let shape = match s.pattern {
        Pattern::Outline => {
            html! { <rect x="1" y="1" width="14" height="8" fill="none" stroke={colour} stroke-dasharray="3 2"/> }
        }
        Pattern::Arrow | Pattern::DashedArrow | Pattern::Rule | Pattern::Marker => {
            let dashes = if matches!(s.pattern, Pattern::Arrow | Pattern::Marker) { "none" } else { "3 2" };
            html! { <path d="M1 5 H15" stroke={colour} stroke-width="2" stroke-dasharray={dashes}/> }
        }
        _ => html! { <>
            <rect width="16" height="10" fill={colour.clone()}/>
            <path d={overlay} stroke="rgba(255,255,255,0.6)" stroke-width="1.5"/>
        </> },
    };
    html! { <span class="swatch-svg" aria-hidden="true"><svg width="16" height="10" viewBox="0 0 16 10">{shape}</svg></span> }
}

/// What a page paints on its code from the run: the lines tasks are on and the picked line,
/// when the current run ran this very `source`; `stale` when it ran other code (the lines
/// would not match).
pub struct RunMarks {
    pub lit: Rc<Vec<LitLine>>,
    pub picked: Option<u32>,
    pub stale: bool,
}

pub fn run_marks(state: &RunState, source: &str) -> RunMarks {
    let none = RunMarks { lit: Rc::default(), picked: None, stale: false };
    let Some(s) = &state.current else { return none };
    let s = s.borrow();
    match s.program().source() {
        Some(ran) if ran == source => {}
        Some(_) => return RunMarks { stale: true, ..none },
        None => return none,
    }
    let m = s.model();
    let lines = s.lines();
    let picked = match state.at.selection {
        Some(Selection::Step(i)) => lines.line_of_step(m, i),
        Some(Selection::Log(j)) => m.log.get(j).and_then(|l| {
            let lit = lines.lit(m, Upto::Event(l.event + 1));
            lit.iter().find(|x| x.tasks.iter().any(|(t, _)| *t == l.task)).map(|x| x.line)
        }),
        None => None,
    };
    RunMarks { lit: Rc::new(lines.lit(m, state.at.upto(m))), picked, stale: false }
}
