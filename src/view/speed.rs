//! The speed control (slow motion), in the run controls of the demo page and the script page
//! alike: one setting for every demo and script, kept in the browser, read when Run starts a
//! run. It says in words what it does; what a speed means is `runtime::Speed`'s to say.

use std::cell::Cell;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::storage;
use crate::runtime::Speed;

/// Where the setting is kept in the browser.
const SLOT: &str = "interleave.speed";

thread_local! {
    /// The speed picked on this page, once read or picked (storage may be refused: the page
    /// still remembers it until it is reloaded).
    static CHOSEN: Cell<Option<Speed>> = const { Cell::new(None) };
}

/// The speed kept in the browser: none kept is 1×; one that does not read as a speed is
/// refused with the reason.
fn stored() -> Result<Speed, String> {
    storage::load(SLOT).map_or(Ok(Speed::NORMAL), |text| Speed::decode(&text))
}

/// The speed the next Run uses.
pub fn chosen() -> Speed {
    CHOSEN.with(|c| c.get()).unwrap_or_else(|| stored().unwrap_or_default())
}

fn choose(speed: Speed) {
    CHOSEN.with(|c| c.set(Some(speed)));
    // Refused storage only means the choice is forgotten on reload.
    storage::save(SLOT, &speed.encode());
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The speed of the run going for real, if one is (a new choice waits for the next Run).
    pub running_at: Option<Speed>,
    /// Step mode is shown: it runs on a virtual clock, where speed does not apply.
    pub stepping: bool,
}

#[function_component(SpeedControl)]
pub fn speed_control(props: &Props) -> Html {
    let speed = use_state(chosen);
    // Said where the control is, if the kept setting could not be read, until a speed is picked.
    let refused = use_state(|| stored().err());
    let on_change = {
        let (speed, refused) = (speed.clone(), refused.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(picked) = Speed::decode(&value) {
                choose(picked);
                speed.set(picked);
                refused.set(None);
            }
        })
    };
    let current = *speed;
    let mut choices = Speed::CHOICES.to_vec();
    // A kept speed between the offered ones still shows as what it is.
    if !choices.contains(&current) {
        choices.push(current);
        choices.sort_by(|a, b| a.factor().total_cmp(&b.factor()));
    }
    let note = if props.stepping {
        "step mode uses a virtual clock: speed does not apply".to_string()
    } else {
        match props.running_at {
            Some(now) if now != current => {
                format!("this run goes at {}; the new speed applies to the next Run", now.label())
            }
            _ => current.summary(),
        }
    };
    let tip = current.explain();
    html! {
        <span class="speed" data-testid="speed-control">
            <label for="speed" title={tip.clone()}>{"Speed"}</label>
            <select id="speed" data-testid="speed" title={tip} aria-describedby="speed-note" onchange={on_change}>
                { for choices.into_iter().map(|s| html! {
                    <option value={s.encode()} selected={s == current}>
                        { if s.is_normal() { "1× (real time)".to_string() } else { s.label() } }
                    </option>
                }) }
            </select>
            <span id="speed-note" class="hint" data-testid="speed-note">{note}</span>
            if let Some(why) = (*refused).clone() {
                <span class="why-disabled" data-testid="speed-refused">{format!("The kept {why}; running at {}.", current.label())}</span>
            }
        </span>
    }
}
