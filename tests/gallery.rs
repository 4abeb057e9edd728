//! The gallery's sections, natively: every demo is in a section and the sections come in order.
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use interleave::demos::{Group, DEMOS};

/// Each demo's section, as the gallery shows them (lesson order within each).
const SECTIONS: &[(Group, &[&str])] = &[
    (Group::Basics, &["hello", "gather", "sequential-vs-gather", "create-task"]),
    (Group::Coordination, &["queue", "semaphore", "llm-batch", "as-completed"]),
    (Group::ErrorsAndTimeLimits, &["wait-for", "return-exceptions", "cancel"]),
    (Group::Gotchas, &["forgot-await", "blocking"]),
    (Group::RealIo, &["fetch", "to-thread", "threads-vs-loop"]),
    (Group::WriteYourOwn, &[]),
];

#[test]
fn every_demo_is_in_its_section_and_the_sections_come_in_order() {
    let titles: Vec<&str> = Group::ALL.iter().map(|g| g.title()).collect();
    assert_eq!(titles, ["Basics", "Coordination", "Errors and time limits", "Gotchas", "Real I/O", "Write your own"]);
    assert!(Group::ALL.windows(2).all(|w| w[0] < w[1]), "ALL follows the enum's order");
    let listed: Vec<(Group, &str)> = DEMOS.iter().map(|d| (d.group(), d.slug())).collect();
    let expected: Vec<(Group, &str)> =
        SECTIONS.iter().flat_map(|(g, slugs)| slugs.iter().map(move |s| (*g, *s))).collect();
    // DEMOS lists each section's demos together, so the cards' numbers run through the page.
    assert_eq!(listed, expected);
    for g in Group::ALL {
        assert!(!g.about().is_empty() && g.about().ends_with('.'), "{g:?}");
        assert!(g.key().chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{g:?}");
    }
}
