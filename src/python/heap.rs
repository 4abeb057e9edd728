//! How much heap the process holds, counted by a thin wrapper round the system allocator, so
//! the engine can stop a program that builds too much (`MemoryError`) before the page runs out
//! of memory: in the page an allocation that fails aborts the tab, and a per-collection cap
//! alone does not stop a thousand lists of a million items each. No allocator crate counts
//! live bytes this cheaply (one relaxed add per allocation), hence our own.
//!
//! A binary that runs users' programs installs it (the page's wasm in `lib.rs`, the native
//! runner, the tests of the cap); a binary that does not counts nothing, and its programs meet
//! only the per-collection cap. A test's own allocator can wrap this one.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes allocated and not yet freed, by the whole process.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting.
pub struct Counting;

// SAFETY: every call is passed to `System` unchanged; only the counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(new_size, Ordering::Relaxed);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

/// Bytes the process holds now.
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}
