//! What the browser keeps for us (localStorage, and sessionStorage for each tab's own copy):
//! programs, so nothing typed is lost (one slot for the script page and one per demo, written
//! on every change, read when the page opens), and small choices such as presentation mode. Storage may be full, disabled or refused (private
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

/// This tab's own copy (sessionStorage): two tabs of the same page each save into the shared
/// slot, and a reload must bring back the tab's own program, not the other tab's last one.
fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// What is saved in `slot`: this tab's own copy, else the last one any tab saved.
pub fn load(slot: &str) -> Option<String> {
    tab_storage().and_then(|s| s.get_item(slot).ok().flatten()).or_else(|| storage()?.get_item(slot).ok().flatten())
}

/// Saves `code` in `slot`, for this tab and for the next; false if the browser refused the
/// lasting copy.
pub fn save(slot: &str, code: &str) -> bool {
    if let Some(s) = tab_storage() {
        let _ = s.set_item(slot, code);
    }
    storage().is_some_and(|s| s.set_item(slot, code).is_ok())
}

/// Forgets `slot` (back to the lesson's code).
pub fn forget(slot: &str) {
    for s in [tab_storage(), storage()].into_iter().flatten() {
        let _ = s.remove_item(slot);
    }
}
