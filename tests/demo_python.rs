//! A demo's Run runs its Python on the engine, and its Rust twin is "the same lesson in Rust":
//! for every demo (with the lesson's values and each preset), both print the same lines at the
//! same virtual times, end the same way and get the same "what happened" sentence. Demos that
//! need the real network are checked in the browser (tests/e2e).
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use interleave::demos::params::Form;
use interleave::demos::{Demo, DEMOS};
use interleave::model::LogKind;
use interleave::session::{Finish, Lesson, Program, Session, Stream};

/// What a run showed: (time, line) for every stdout print (not Interleave's notes), how it ended, the explanation, and
/// the stderr lines.
type Shown = (Vec<(u64, String)>, Option<Finish>, String, Vec<String>);

/// Runs `program` to its end on the virtual clock.
fn run(program: Program) -> Shown {
    let mut s = Session::stepper(Rc::new(program));
    s.run_to_end();
    let trace = s.trace();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    for l in &s.model().log {
        if let LogKind::Print(text) = l.kind {
            let line = trace.resolve(text).to_string();
            match s.stream(l.event) {
                Stream::Stdout => out.push((l.time, line)),
                Stream::Stderr => err.push(line),
                // Interleave's own words beside the output, not the program's.
                Stream::Note => {}
            }
        }
    }
    drop(trace);
    (out, s.finish(), s.explain(), err)
}

fn forms(demo: &dyn Demo) -> Vec<Form> {
    let mut forms = vec![Form::defaults(demo.params())];
    for preset in demo.presets() {
        let mut form = Form::defaults(demo.params());
        for (key, value) in preset.values {
            if let Some(i) = demo.params().iter().position(|p| p.key == *key) {
                form.raw[i] = value.to_string();
            }
        }
        forms.push(form);
    }
    forms
}

#[test]
fn every_demo_s_python_runs_like_its_rust_twin() {
    for demo in DEMOS.iter().copied() {
        for form in forms(demo) {
            let program = Program::demo(demo, &form).expect("valid values");
            assert!(matches!(program, Program::Demo(..)), "{} runs its Python", demo.slug());
            assert!(program.prepare(), "{}'s Python compiles", demo.slug());
            let twin = Program::Rust(Lesson::new(demo, &form).expect("valid values"));
            let (py_out, py_end, py_explain, py_err) = run(program);
            let (rs_out, rs_end, rs_explain, _) = run(twin);
            let what = format!("{} {:?}", demo.slug(), form.raw);
            if demo.not_steppable().is_some() {
                // Real requests cannot run on the virtual clock: both say so for every URL.
                assert_eq!(py_out.len(), rs_out.len(), "{what}");
                continue;
            }
            assert_eq!(py_out, rs_out, "{what}: printed lines");
            assert_eq!(py_end, rs_end, "{what}: how main ended");
            assert_eq!(py_explain, rs_explain, "{what}: what happened");
            // The only stderr a demo prints is CPython's warning about a coroutine never
            // awaited, in the demo about exactly that.
            if demo.slug() == "forgot-await" {
                assert_eq!(
                    py_err.first().map(String::as_str),
                    Some("main.py:8: RuntimeWarning: coroutine 'save' was never awaited")
                );
            } else {
                assert_eq!(py_err, Vec::<String>::new(), "{what}: stderr");
            }
        }
    }
}

#[test]
fn to_thread_s_lesson_counts_on_the_engine_inline_and_in_a_worker() {
    // The count the lesson shows, with its own values: inline it holds the loop (on the
    // virtual clock, in place), and a worker's copy of the program counts the same.
    let demo = interleave::demos::find("to-thread").expect("listed");
    for variant in ["inline", "to_thread"] {
        let mut form = Form::defaults(demo.params());
        let i = demo.params().iter().position(|p| p.key == "variant").expect("has a variant");
        form.raw[i] = variant.into();
        let program = Program::demo(demo, &form).expect("valid values");
        assert!(matches!(program, Program::Demo(..)), "runs its Python");
        let (out, end, _, err) = run(program);
        assert_eq!(err, Vec::<String>::new(), "{variant}");
        assert_eq!(end, Some(Finish::Returned("9592".into())), "{variant}: {out:?}");
        assert_eq!(out.last().map(|(_, l)| l.as_str()), Some("9592 primes below 100000"), "{variant}");
    }
}
