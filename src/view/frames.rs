//! A `requestAnimationFrame` loop (gloo-render) that runs until its callback says stop or the
//! loop is dropped. The demo page draws and refreshes from it, and times frames with it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};

pub struct FrameLoop {
    next: Rc<RefCell<Option<AnimationFrame>>>,
}

impl FrameLoop {
    /// Calls `on_frame(time_ms)` every frame while it returns true.
    pub fn start(on_frame: impl FnMut(f64) -> bool + 'static) -> Self {
        let next = Rc::new(RefCell::new(None));
        schedule(next.clone(), Rc::new(RefCell::new(on_frame)));
        FrameLoop { next }
    }
}

fn schedule<F: FnMut(f64) -> bool + 'static>(next: Rc<RefCell<Option<AnimationFrame>>>, on_frame: Rc<RefCell<F>>) {
    let slot = next.clone();
    let frame = request_animation_frame(move |t| {
        let again = (on_frame.borrow_mut())(t);
        if again {
            schedule(slot, on_frame);
        }
    });
    *next.borrow_mut() = Some(frame);
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        // Dropping the pending frame cancels it (cancelAnimationFrame).
        self.next.borrow_mut().take();
    }
}
