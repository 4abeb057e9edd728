//! A run's output: printed lines with their times and tasks, the result or exception of
//! `main()`, the "what happened" line and the warnings.

use yew::prelude::*;

use super::session::Session;
use crate::demos::Facts;
use crate::model::describe::{instant, task_name};
use crate::model::{warnings, LogKind};

pub fn view(session: Option<&Session>) -> Html {
    let Some(s) = session else {
        return html! { <section class="output empty" data-testid="output"><p>{"Press Run to start the demo."}</p></section> };
    };
    let trace = s.rt.trace();
    let m = &s.model;
    let prints = m.log.iter().filter_map(|l| match l.kind {
        LogKind::Print(text) => Some(html! {
            <li>
                <time>{instant(l.time)}</time>
                <span class="who">{task_name(m, l.task).to_string()}</span>
                <code>{trace.resolve(text).to_string()}</code>
            </li>
        }),
        _ => None,
    });
    let status = if s.running() {
        html! { <p class="status running" data-testid="status">{format!("Running… {}", instant(m.span()))}</p> }
    } else {
        match s.result() {
            Some(Ok(value)) => html! {
                <p class="status done" data-testid="status">{"main() returned "}<code data-testid="result">{value}</code></p>
            },
            Some(Err(error)) => html! {
                <p class="status failed" data-testid="status">{"main() raised "}<code data-testid="result">{error}</code></p>
            },
            None => html! { <p class="status" data-testid="status">{"Stopped."}</p> },
        }
    };
    let explain =
        (!s.running()).then(|| s.demo.explain(&s.params, &Facts { model: m, trace: &trace, frames: Some(&s.frames) }));
    let warns = warnings(m, &trace);
    html! {
        <section class="output" data-testid="output" aria-live="polite">
            <h2>{"Output"}</h2>
            <ol class="prints" data-testid="prints">{ for prints }</ol>
            { status }
            if let Some(text) = explain {
                <p class="what-happened" data-testid="what-happened">{text}</p>
            }
            if !warns.is_empty() {
                <ul class="warnings" data-testid="warnings">
                    { for warns.iter().map(|w| html! { <li>{w.text.clone()}</li> }) }
                </ul>
            }
        </section>
    }
}
