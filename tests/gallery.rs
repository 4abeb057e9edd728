//! The gallery's sections and pictures, natively: every demo is in a section and the sections
//! come in order; every demo's picture is drawn from a run on the virtual clock, shows the
//! rows its lesson has, escapes what it writes, and leaves nothing running.
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use interleave::aio::{coro, run, sleep, wait_for};
use interleave::demos::{Group, DEMOS};
use interleave::model::export::{thumbnail, SvgRun};
use interleave::model::RunModel;
use interleave::runtime::{leftovers, Runtime};
use interleave::session::picture::{not_pictured, picture, Picture, HEIGHT, NOT_PICTURED, WIDTH};

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

/// The rows under the event loop's a demo's picture shows (at most eight), and why.
const ROWS: &[(&str, usize, usize, &str)] = &[
    // (slug, tasks, rows drawn, what they are)
    ("hello", 1, 1, "main() alone: await runs fetch_data inside main's task"),
    ("gather", 4, 4, "main() and its three tasks"),
    ("sequential-vs-gather", 6, 6, "the two ways, each with its three requests"),
    ("create-task", 2, 2, "main() and the task it created"),
    ("queue", 3, 4, "the queue's items, main(), the producer and a consumer"),
    ("semaphore", 21, 8, "permits in use, main() and the first six of twenty calls"),
    ("llm-batch", 13, 8, "permits in use, main() and the first six of twelve prompts"),
    ("as-completed", 4, 5, "the results as they come, main() and three tasks"),
    ("wait-for", 2, 2, "main() and the operation it times out"),
    ("return-exceptions", 7, 7, "main() and its six calls, two of them failing"),
    ("cancel", 2, 2, "main() and the worker it cancels"),
    ("forgot-await", 1, 2, "main() and the coroutine never awaited"),
    ("blocking", 4, 4, "main(), the blocker and two tickers"),
    ("threads-vs-loop", 9, 8, "main(), four waits on the loop, then the first three of four in workers"),
];

fn drawn(slug: &str) -> Picture {
    let demo = interleave::demos::find(slug).unwrap();
    picture(demo).unwrap_or_else(|| panic!("{slug} should have a picture"))
}

#[test]
fn every_demo_is_pictured_from_a_virtual_run_with_the_rows_its_lesson_has() {
    for demo in DEMOS {
        let slug = demo.slug();
        if let Some(why) = not_pictured(slug) {
            assert!(picture(*demo).is_none(), "{slug}");
            assert!(!why.is_empty());
            continue;
        }
        let (_, tasks, rows, what) =
            ROWS.iter().find(|r| r.0 == slug).unwrap_or_else(|| panic!("{slug}: say which rows its picture has"));
        let p = drawn(slug);
        assert_eq!(p.lanes, *tasks, "{slug}: {what}");
        for svg in [&p.light, &p.dark] {
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{slug}");
            assert!(svg.contains(&format!(r#"viewBox="0 0 {WIDTH} {HEIGHT}""#)), "{slug}");
            // One group per row: the event loop's, then the lesson's.
            assert_eq!(svg.matches("<g>").count(), rows + 1, "{slug}: {what}");
            assert!(svg.matches("<rect").count() > rows + 1, "{slug}: bars in the rows");
        }
        assert_ne!(p.light, p.dark, "{slug}: each theme has its colours");
        // The same run every time: the virtual clock does not depend on the machine.
        assert_eq!(drawn(slug).light, p.light, "{slug}");
    }
    assert_eq!(ROWS.len() + NOT_PICTURED.len(), DEMOS.len());
    assert_eq!(leftovers(), (0, 0, 0), "a picture's run is gone once drawn");
}

#[test]
fn pictures_show_what_each_lesson_is_about() {
    // The theme's colours from the style table (light).
    const FAILED: &str = "#b3261e";
    const CANCELLED: &str = "#7a7a7a";
    const DEADLINE: &str = "#d55e00";
    const PERMITS: &str = "#009e73";
    const LATE: &str = "#d55e00";
    let failures = drawn("return-exceptions").light.matches(&format!(r#"fill="{FAILED}""#)).count();
    assert_eq!(failures, 2, "the two failing calls end in red");
    assert!(drawn("cancel").light.contains(&format!(r#"fill="{CANCELLED}""#)), "the worker ends cancelled");
    let timeout = drawn("wait-for").light;
    assert!(timeout.contains(&format!(r#"stroke="{DEADLINE}""#)), "the deadline is drawn");
    assert!(timeout.contains(&format!(r#"fill="{CANCELLED}""#)), "the operation ends cancelled");
    let semaphore = drawn("semaphore").light;
    let permits = semaphore.split(r#"<path d="M0 "#).nth(1).and_then(|rest| rest.split("/>").next());
    assert!(permits.is_some_and(|path| path.contains(PERMITS)), "the permits in use: {semaphore}");
    assert!(drawn("blocking").light.contains(&format!(r#"fill="{LATE}""#)), "the tickers' late timers");
    assert!(drawn("forgot-await").light.contains("stroke-dasharray"), "the coroutine never awaited");
}

#[test]
fn the_thumbnail_escapes_what_it_writes() {
    // A task's name reaches the picture's title through the headline ("the timeout fired at
    // 1.000 s and cancelled <name>"); the run's label reaches it directly.
    let rt = Runtime::new_virtual();
    let slow = coro("<b>&\"x\"", async { sleep(5.0).await });
    let _main = run(&rt, coro("main", async move { wait_for(slow, Some(1.0)).await }));
    rt.run_until_end();
    let mut model = RunModel::default();
    model.ingest(&rt.trace());
    let label = "</title><script>alert(1)</script>";
    let svg = thumbnail(SvgRun { label, model: &model, rec: &rt.trace(), halted: None }, 320, 80, false);
    assert!(!svg.contains("<script") && !svg.contains("<b>"), "{svg}");
    assert!(svg.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "{svg}");
    assert!(svg.contains("cancelled &lt;b&gt;&amp;&quot;x&quot;"), "the task's name, escaped: {svg}");
    assert_eq!(svg.matches("<title>").count(), 1);
}
