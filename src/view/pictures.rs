//! The gallery cards' pictures, made in the page once it has painted: each is a demo's run on
//! the virtual clock, drawn in both themes ([`crate::session::picture`]). They are made here
//! rather than at build time because that is cheap: all of them together took 20–40 ms in
//! Chromium, about 100 ms on a 2-core machine at a load average of 9 (the
//! `bench_gallery_pictures` probe), while shipping them would add over 100 KB of SVG (both
//! themes) to the site. They are made a few per timer tick, within a small budget each, so the
//! cards answer clicks while the pictures fill in, and are kept for the page's life: back on
//! the gallery, they show at once.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::AttrValue;

use crate::demos::{Demo, DEMOS};
use crate::runtime::now_ms;
use crate::session::picture::{not_pictured, picture};

/// How long one tick may spend making pictures before it yields: well under a frame, so a click
/// or a scroll waits little (one picture took a median 0.4–12 ms in Chromium, llm-batch and
/// threads-vs-loop the longest).
const TICK_BUDGET_MS: f64 = 6.0;

/// A picture as `<img>` sources (`data:` URLs of its SVG), one per theme.
pub struct Drawn {
    pub light: AttrValue,
    pub dark: AttrValue,
}

/// Where a demo's picture is.
pub enum CardPicture {
    /// Not made yet: the card keeps its place with a placeholder of the same size.
    Pending,
    Drawn(Rc<Drawn>),
    /// The demo has none; the words say why, briefly.
    Absent(&'static str),
}

thread_local! {
    /// The pictures made so far, by slug (`None`: making it failed, which the registry's tests
    /// rule out for the lesson's values).
    static MADE: RefCell<HashMap<&'static str, Option<Rc<Drawn>>>> = RefCell::default();
}

/// The demo's picture as far as it is made.
pub fn picture_of(demo: &dyn Demo) -> CardPicture {
    if let Some(why) = not_pictured(demo.slug()) {
        return CardPicture::Absent(why);
    }
    MADE.with(|made| match made.borrow().get(demo.slug()) {
        Some(Some(drawn)) => CardPicture::Drawn(drawn.clone()),
        Some(None) => CardPicture::Absent("no picture"),
        None => CardPicture::Pending,
    })
}

/// Work under way on the missing pictures; dropping it stops the work after the picture in hand.
pub struct Making {
    stopped: Rc<Cell<bool>>,
}

impl Drop for Making {
    fn drop(&mut self) {
        self.stopped.set(true);
    }
}

/// Makes the missing pictures, starting after the page's next paint, and calls `on_made` after
/// each tick that made some.
pub fn make_missing(on_made: impl Fn() + 'static) -> Making {
    let stopped = Rc::new(Cell::new(false));
    let stop = stopped.clone();
    spawn_local(async move {
        let mut missing = DEMOS.iter().copied().filter(|d| matches!(picture_of(*d), CardPicture::Pending));
        let mut next = missing.next();
        if next.is_none() {
            return;
        }
        // The next animation frame comes just before a paint; a timer set then runs after it.
        next_frame().await;
        while next.is_some() {
            TimeoutFuture::new(0).await;
            if stop.get() {
                return;
            }
            let start = now_ms();
            while let Some(demo) = next {
                make(demo);
                next = missing.next();
                if now_ms() - start > TICK_BUDGET_MS {
                    break;
                }
            }
            on_made();
        }
    });
    Making { stopped }
}

fn make(demo: &'static dyn Demo) {
    let drawn = picture(demo).map(|p| Rc::new(Drawn { light: data_url(&p.light), dark: data_url(&p.dark) }));
    MADE.with(|made| made.borrow_mut().insert(demo.slug(), drawn));
}

fn data_url(svg: &str) -> AttrValue {
    let encoded = String::from(js_sys::encode_uri_component(svg));
    AttrValue::from(format!("data:image/svg+xml,{encoded}"))
}

/// Resolves at the next animation frame (never, if the page has no window).
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            // Without a frame there is no paint to wait for, and nothing to show pictures on.
            let _ = window.request_animation_frame(&resolve);
        }
    });
    let _ = JsFuture::from(frame).await;
}
