//! What the browser keeps for us (localStorage): programs, so nothing typed is lost (one slot for
//! the script page and one per demo, written on every change, read when the page opens), and
//! small choices such as presentation mode. Storage may be full, disabled or refused (private
//! modes): then saving says so and the page keeps working.

/// The slot of the script page.
pub const SCRATCH: &str = "interleave.code.play";

/// The slot of a demo's edited code.
pub fn demo_slot(slug: &str) -> String {
    format!("interleave.code.demo.{slug}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The program saved in `slot`, if any.
pub fn load(slot: &str) -> Option<String> {
    storage()?.get_item(slot).ok().flatten()
}

/// Saves `code` in `slot`; false if the browser refused.
pub fn save(slot: &str, code: &str) -> bool {
    storage().is_some_and(|s| s.set_item(slot, code).is_ok())
}

/// Forgets `slot` (back to the lesson's code).
pub fn forget(slot: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(slot);
    }
}
