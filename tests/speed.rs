//! Slow motion's arithmetic and its decoder: real time to the program's clock and back, at
//! every offered speed and at the extremes, and the words a bad stored speed gets.

use interleave::model::style::{segment_look, Look};
use interleave::model::{FrameStats, RunModel, State, LATE_THRESHOLD};
use interleave::runtime::Speed;
use interleave::trace::{EventKind as E, Micros, Recorder, TaskId, Wait, WakeCause};

fn speed(factor: f64) -> Speed {
    Speed::new(factor).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_clock_reads_real_time_times_the_speed() {
    assert_eq!(speed(0.5).program_micros(200.0), 100_000, "200 ms real at 0.5× is 100 ms");
    assert_eq!(speed(4.0).program_micros(100.0), 400_000, "100 ms real at 4× is 400 ms");
    assert_eq!(speed(0.1).program_micros(1000.0), 100_000);
    assert_eq!(speed(10.0).program_micros(0.0123), 123);
    // At 1× the clock is what it always was: real µs, rounded down.
    for real_ms in [0.0, 0.0004, 0.9999, 1.5, 16.7, 12_345.678_9] {
        assert_eq!(Speed::NORMAL.program_micros(real_ms), (real_ms * 1000.0) as Micros, "{real_ms} ms");
    }
}

#[test]
fn the_clock_never_reads_ahead_nor_before_the_start() {
    // Rounded down: a moment is never seen before it has come.
    assert_eq!(speed(0.25).program_micros(0.0039), 0);
    assert_eq!(speed(0.25).program_micros(0.004), 1);
    for bad in [-5.0, -0.0001, f64::NAN, f64::NEG_INFINITY] {
        assert_eq!(speed(2.0).program_micros(bad), 0, "{bad}");
    }
    // An absurd real time saturates instead of wrapping round.
    assert_eq!(speed(10.0).program_micros(f64::MAX), Micros::MAX);
}

#[test]
fn a_timer_is_set_for_the_real_time_its_wait_takes_rounded_up() {
    assert_eq!(speed(0.5).real_delay_ms(100_000), 200, "100 ms at 0.5× takes 200 ms");
    assert_eq!(speed(4.0).real_delay_ms(400_000), 100, "400 ms at 4× takes 100 ms");
    assert_eq!(speed(0.1).real_delay_ms(1_000), 10, "1 ms at 0.1× takes 10 ms");
    // Part of a millisecond is a whole one: setTimeout must not fire before the due time.
    assert_eq!(speed(10.0).real_delay_ms(1), 1);
    assert_eq!(speed(10.0).real_delay_ms(10_001), 2);
    assert_eq!(speed(2.0).real_delay_ms(0), 0);
    // At 1× exactly what the loop always asked for.
    for d in [0, 1, 999, 1000, 1001, 15_000, 2_000_000, 4_294_967_295_000] {
        assert_eq!(Speed::NORMAL.real_delay_ms(d) as u64, d.div_ceil(1000), "{d} µs");
    }
    // "Forever" (a sleep too long to count) is the longest timer there is, not a wrap-around.
    assert_eq!(speed(0.1).real_delay_ms(Micros::MAX), u32::MAX);
    assert_eq!(speed(10.0).real_delay_ms(Micros::MAX), u32::MAX);
}

#[test]
fn a_timer_set_from_its_wait_finds_its_due_time_come_and_fires_at_most_a_millisecond_late() {
    for &s in Speed::CHOICES.iter().chain(&[Speed::SLOWEST, Speed::FASTEST, speed(0.3), speed(7.0)]) {
        for wait in [1, 7, 999, 1_000, 1_001, 15_000, 100_000, 123_457, 2_000_000, 59_999_999] {
            let real_ms = s.real_delay_ms(wait);
            let seen = s.program_micros(real_ms as f64);
            assert!(seen + 1 >= wait, "{s:?}: a {wait} µs wait set for {real_ms} ms reads {seen} µs when it fires");
            let late_ms = real_ms as f64 - s.real_secs(wait as f64 / 1e6) * 1000.0;
            assert!((0.0..1.0 + 1e-9).contains(&late_ms), "{s:?}: {wait} µs set {late_ms} ms late");
        }
    }
}

/// The clock at `real_ms` of real time with its origin at `origin_ms`.
fn reads(s: Speed, origin_ms: f64, real_ms: f64) -> Micros {
    s.program_micros(real_ms - origin_ms)
}

#[test]
fn away_from_1x_a_timer_late_while_the_loop_was_idle_reads_its_deadline() {
    // Ten sleep(0.1) at 10×: each 10 ms timer fires 3 ms late. Without the rule each reads
    // 30 ms late on the program's clock, and the tenth ends at 1.3 s.
    let s = speed(10.0);
    let (mut origin, mut real, mut last) = (1_000.0, 1_000.0, 0);
    for i in 1..=10u64 {
        let due = i * 100_000;
        real += s.real_delay_ms(due - last) as f64 + 3.0;
        assert_eq!(reads(s, origin, real), due + 30_000, "without the rule, 30 ms late");
        origin = s.origin_after_late_timer(origin, real, due, last);
        assert_eq!(reads(s, origin, real), due, "sleep {i} reads its deadline");
        last = due;
    }
    // Slow motion too: at 0.25× 4 ms of real lateness would read 1 ms.
    let slow = speed(0.25);
    let moved = slow.origin_after_late_timer(0.0, 404.0, 100_000, 0);
    assert_eq!(reads(slow, moved, 404.0), 100_000);
    // At every speed but 1×, over odd lateness and origins, the deadline exactly.
    for &s in Speed::CHOICES.iter().filter(|s| !s.is_normal()) {
        for (origin, due, late_ms) in [(0.0, 1, 0.1), (12.345, 123_457, 3.7), (98_765.432_1, 59_999_999, 40.0)] {
            let real = origin + s.real_delay_ms(due) as f64 + late_ms;
            let moved = s.origin_after_late_timer(origin, real, due, 0);
            assert!(moved > origin, "{s:?}: the origin moves on");
            assert_eq!(reads(s, moved, real), due, "{s:?}: {due} µs due, {late_ms} ms late");
        }
    }
}

#[test]
fn at_1x_real_lateness_stays_and_the_clock_never_goes_back() {
    // At 1× real lateness is real, as in CPython.
    assert_eq!(Speed::NORMAL.origin_after_late_timer(5.0, 108.0, 100_000, 0), 5.0);
    let s = speed(10.0);
    // On time (or a hair early): nothing to take back.
    assert_eq!(s.origin_after_late_timer(0.0, 10.0, 100_000, 0), 0.0);
    assert_eq!(s.origin_after_late_timer(0.0, 9.9, 100_000, 0), 0.0);
    // A step held the loop past the deadline (the run read 250 ms at its end): the timer was
    // late for the program itself. Only the lateness after that reading is taken back.
    let moved = s.origin_after_late_timer(0.0, 27.0, 100_000, 250_000);
    assert_eq!(reads(s, moved, 27.0), 250_000, "not before the last reading");
    // The run has read past now already: the origin stays.
    assert_eq!(s.origin_after_late_timer(0.0, 27.0, 100_000, 280_000), 0.0);
}

#[test]
fn waits_in_workers_and_the_late_threshold_convert_both_ways() {
    assert_eq!(speed(0.25).real_secs(1.0), 4.0);
    assert_eq!(speed(5.0).real_secs(1.0), 0.2);
    assert_eq!(Speed::NORMAL.program_span(LATE_THRESHOLD), LATE_THRESHOLD);
    assert_eq!(Speed::SLOWEST.program_span(LATE_THRESHOLD), 1_500, "15 ms real reads 1.5 ms at 0.1×");
    assert_eq!(Speed::FASTEST.program_span(LATE_THRESHOLD), 150_000, "15 ms real reads 150 ms at 10×");
    assert_eq!(speed(0.25).program_span(3), 1, "to the nearest µs");
}

#[test]
fn every_offered_speed_reads_back_as_written() {
    let written: Vec<String> = Speed::CHOICES.iter().map(|s| s.encode()).collect();
    assert_eq!(written, ["0.1", "0.25", "0.5", "1", "2", "5", "10"]);
    for s in Speed::CHOICES {
        assert_eq!(Speed::decode(&s.encode()), Ok(s));
    }
    assert_eq!(Speed::CHOICES.first(), Some(&Speed::SLOWEST));
    assert_eq!(Speed::CHOICES.last(), Some(&Speed::FASTEST));
    assert_eq!(Speed::CHOICES.iter().map(|s| s.label()).collect::<Vec<_>>()[..2], ["0.1×", "0.25×"]);
}

#[test]
fn the_decoder_takes_a_plain_factor_with_or_without_its_sign() {
    assert_eq!(Speed::decode("0.25"), Ok(speed(0.25)));
    assert_eq!(Speed::decode(" 2x "), Ok(speed(2.0)));
    assert_eq!(Speed::decode("2X"), Ok(speed(2.0)));
    assert_eq!(Speed::decode("0.5×"), Ok(speed(0.5)));
    assert_eq!(Speed::decode("4"), Ok(speed(4.0)), "between the offered speeds is still a speed");
    assert_eq!(Speed::decode("10"), Ok(Speed::FASTEST));
    assert_eq!(Speed::decode(".1"), Ok(Speed::SLOWEST));
}

#[test]
fn the_decoder_refuses_what_is_not_a_speed_and_says_why() {
    for (text, says) in [
        ("", r#"speed "" is not a number: write it as a factor of real time, like 0.25 or 2"#),
        ("fast", r#"speed "fast" is not a number: write it as a factor of real time, like 0.25 or 2"#),
        ("1e1", r#"speed "1e1" is not a number: write it as a factor of real time, like 0.25 or 2"#),
        ("inf", r#"speed "inf" is not a number: write it as a factor of real time, like 0.25 or 2"#),
        ("NaN", r#"speed "NaN" is not a number: write it as a factor of real time, like 0.25 or 2"#),
        ("0.5.1", r#"speed "0.5.1" is not a number: write it as a factor of real time, like 0.25 or 2"#),
        ("20", "speed 20× is out of range: it goes from 0.1× (every wait 10× longer) to 10× (every wait 10× shorter)"),
        ("0", "speed 0× is out of range: it goes from 0.1× (every wait 10× longer) to 10× (every wait 10× shorter)"),
        (
            "0.05",
            "speed 0.05× is out of range: it goes from 0.1× (every wait 10× longer) to 10× (every wait 10× shorter)",
        ),
        ("-1", "speed -1× is out of range: it goes from 0.1× (every wait 10× longer) to 10× (every wait 10× shorter)"),
    ] {
        assert_eq!(Speed::decode(text), Err(says.to_string()), "{text:?}");
    }
    assert!(Speed::new(f64::NAN).is_err());
    assert!(Speed::new(f64::INFINITY).is_err());
}

#[test]
fn the_control_says_what_a_speed_does_in_plain_words() {
    assert_eq!(speed(0.25).summary(), "waits last 4× longer; times stay the program's");
    assert_eq!(Speed::SLOWEST.summary(), "waits last 10× longer; times stay the program's");
    assert_eq!(speed(2.0).summary(), "waits last 2× shorter; times stay the program's");
    assert_eq!(Speed::NORMAL.summary(), "waits last as long as they say");
    let tip = Speed::SLOWEST.explain();
    assert!(tip.starts_with("Speed 0.1×: every wait (sleep, timeouts, the simulated API, time.sleep) lasts 10× longer in real time. Times shown stay in the program's seconds."), "{tip}");
    assert!(tip.contains("CPU work and real requests are not slowed or sped up: they take their real time, which reads 10× shorter on the program's clock."), "{tip}");
    assert!(tip.contains("A timer the browser fires late while nothing else ran reads its due time"), "{tip}");
    assert!(tip.contains("step mode has its own virtual clock"), "{tip}");
    assert!(speed(5.0).explain().contains("reads 5× longer on the program's clock"));
}

#[test]
fn in_slow_motion_lateness_is_judged_in_real_time() {
    let slow = RunModel::judging_lateness_from(Speed::SLOWEST.program_span(LATE_THRESHOLD));
    assert_eq!(slow.late_threshold(), 1_500);
    assert_eq!(RunModel::default().late_threshold(), LATE_THRESHOLD);
    let note = interleave::model::style::late_threshold_note(Some(&slow));
    assert_eq!(
        note,
        "Lateness under 1.5 ms is not drawn (15 ms of real time at this run's speed): a browser's timers are always a little late."
    );
    assert_eq!(
        interleave::model::style::late_threshold_note(Some(&RunModel::default())),
        interleave::model::style::late_threshold_note(None)
    );
    // The page's freeze reads on the run's clock too: 8 s of real time at 0.25× is 2 s.
    let mut frames = FrameStats::at_speed(0.25);
    frames.frame(0.0);
    frames.frame(8000.0);
    assert_eq!(frames.longest_ms(), 2000.0);
}

/// A task whose 100 ms timer fires 5 ms late, with no task running meanwhile (the browser was
/// busy), read by `model`.
fn late_by_5_ms(mut model: RunModel) -> RunModel {
    let mut rec = Recorder::default();
    let name = rec.text("main");
    let main = TaskId(0);
    rec.record(0, main, E::Spawn { parent: None, name });
    rec.record(0, main, E::PollStart);
    rec.record(10, main, E::PollEnd { wait: Some(Wait::Timer { due: 100_000, dur: 99_990, whole: false }) });
    rec.record(105_000, main, E::Wake { cause: WakeCause::Timer { due: 100_000 } });
    model.ingest(&rec);
    model
}

#[test]
fn the_same_lateness_is_noise_at_1x_and_drawn_at_a_tenth() {
    let look = |m: &RunModel| {
        let lane = &m.lanes[0];
        let late = lane.segments.iter().find(|s| s.state == State::Late).expect("a late segment");
        segment_look(m, late)
    };
    // 5 ms on the program's clock is 5 ms of real time at 1×: the browser's usual noise.
    let normal = late_by_5_ms(RunModel::default());
    assert_eq!(look(&normal), Look::Waiting);
    // At 0.1× it is 50 ms of real time: the browser really was busy, and the page says so.
    let slow = late_by_5_ms(RunModel::judging_lateness_from(Speed::SLOWEST.program_span(LATE_THRESHOLD)));
    assert_eq!(look(&slow), Look::LateBrowser);
    // At 10× 5 ms of the program's time is half a real millisecond: noise.
    let fast = late_by_5_ms(RunModel::judging_lateness_from(Speed::FASTEST.program_span(LATE_THRESHOLD)));
    assert_eq!(look(&fast), Look::Waiting);
}
