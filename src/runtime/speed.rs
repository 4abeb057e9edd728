//! Slow motion: how fast a run's clock goes against real time. The program, the recorder and
//! the page all count the program's own seconds; only how long they take in real time changes.
//! At 0.25× the clock reads a quarter of the real time gone by, so `sleep(1)` lasts 4 s of real
//! time and still reads as 1 s; at 4× it lasts 250 ms. Whatever is not a wait (CPU work, a
//! real request's trip) takes its real time and so reads `speed` times that on the clock.
//!
//! Pure arithmetic, natively tested: the browser's clock and timers (`browser.rs`) use it.

use crate::trace::Micros;

/// The run's clock rate: program seconds per real second, from 0.1 to 10.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Speed(f64);

impl Default for Speed {
    fn default() -> Self {
        Speed::NORMAL
    }
}

impl Speed {
    /// Real time: a second of the program is a second on the wall.
    pub const NORMAL: Speed = Speed(1.0);
    /// The slowest clock: every wait lasts 10× longer.
    pub const SLOWEST: Speed = Speed(0.1);
    /// The fastest clock: every wait lasts a tenth as long.
    pub const FASTEST: Speed = Speed(10.0);
    /// The speeds the page offers.
    pub const CHOICES: [Speed; 7] =
        [Speed(0.1), Speed(0.25), Speed(0.5), Speed(1.0), Speed(2.0), Speed(5.0), Speed(10.0)];

    /// A speed from its factor, if it is one the page runs at (0.1 to 10).
    pub fn new(factor: f64) -> Result<Speed, String> {
        if !factor.is_finite() {
            return Err(format!("speed {factor} is not a number of times real time"));
        }
        if !(Speed::SLOWEST.0..=Speed::FASTEST.0).contains(&factor) {
            return Err(format!(
                "speed {} is out of range: it goes from {} (every wait 10× longer) to {} (every wait 10× shorter)",
                Speed(factor).label(),
                Speed::SLOWEST.label(),
                Speed::FASTEST.label()
            ));
        }
        Ok(Speed(factor))
    }

    /// Reads a speed as stored or written in a link: "0.25", "0.25x" or "0.25×".
    pub fn decode(text: &str) -> Result<Speed, String> {
        let number = text.trim().trim_end_matches(['x', 'X', '×']).trim_end();
        // Rust's float parser also takes "inf", "nan" and "1e1": a speed is written plainly.
        let plain = number.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-');
        match number.parse::<f64>() {
            Ok(factor) if plain => Speed::new(factor),
            _ => Err(format!("speed {text:?} is not a number: write it as a factor of real time, like 0.25 or 2")),
        }
    }

    /// Program seconds per real second.
    pub fn factor(self) -> f64 {
        self.0
    }

    /// How [`Speed::decode`] reads it back: "0.25".
    pub fn encode(self) -> String {
        format!("{}", self.0)
    }

    /// "0.25×"
    pub fn label(self) -> String {
        format!("{}×", self.0)
    }

    pub fn is_normal(self) -> bool {
        self == Speed::NORMAL
    }

    /// The program's clock after `real_ms` of real time: rounded down, so the program never
    /// sees a moment before it has come. Negative or NaN real time is the start.
    pub fn program_micros(self, real_ms: f64) -> Micros {
        // `as` saturates, so an absurd time reads as the far future, not a wrap-around.
        (real_ms * 1000.0 * self.0).max(0.0) as Micros
    }

    /// Where the clock's origin (real ms) goes when the loop's host timer, due at `due`, fires
    /// at `real_now_ms` while the loop had nothing else to do. Away from 1× the browser's
    /// lateness (1–4 ms, more when it clamps timers) is not the program's: at 10× it would read
    /// ten times as long, so ten `sleep(0.1)` would read 1.1 s. The origin moves on so that
    /// the clock reads the deadline; never moving time backwards, nor before `last_reading`,
    /// the latest time the run has read (a step that held the loop past the deadline made the
    /// timer late for the program itself: that lateness stays, as the blocking lesson draws).
    /// At 1× real lateness is real, as in CPython: the origin stays.
    pub fn origin_after_late_timer(self, origin_ms: f64, real_now_ms: f64, due: Micros, last_reading: Micros) -> f64 {
        if self.is_normal() {
            return origin_ms;
        }
        let target = due.max(last_reading);
        if self.program_micros(real_now_ms - origin_ms) <= target {
            return origin_ms;
        }
        // Half a µs past the target, so rounding down in `program_micros` reads the target.
        let moved = real_now_ms - (target as f64 + 0.5) / 1000.0 / self.0;
        if moved > origin_ms && self.program_micros(real_now_ms - moved) >= target {
            moved
        } else {
            origin_ms
        }
    }

    /// How many whole milliseconds of real time (what `setTimeout` takes) until `program` µs of
    /// the program's time have gone by: rounded up, so the timer never fires before its due time.
    pub fn real_delay_ms(self, program: Micros) -> u32 {
        let ms = (program as f64 / self.0 / 1000.0).ceil();
        ms.min(u32::MAX as f64) as u32
    }

    /// Seconds of real time that `program_secs` of the program's time take.
    pub fn real_secs(self, program_secs: f64) -> f64 {
        program_secs / self.0
    }

    /// How long `real` µs of real time read on the program's clock (nearest µs).
    pub fn program_span(self, real: Micros) -> Micros {
        (real as f64 * self.0).round() as Micros
    }

    /// How many times longer (below 1×) or shorter (above) a wait lasts in real time, as
    /// written: "4", "2.5", "10".
    fn stretch(self) -> String {
        let ratio = if self.0 < 1.0 { 1.0 / self.0 } else { self.0 };
        format!("{}", (ratio * 100.0).round() / 100.0)
    }

    /// What the speed does, in a few words (beside the control).
    pub fn summary(self) -> String {
        match self.0 {
            f if f < 1.0 => format!("waits last {}× longer; times stay the program's", self.stretch()),
            f if f > 1.0 => format!("waits last {}× shorter; times stay the program's", self.stretch()),
            _ => "waits last as long as they say".into(),
        }
    }

    /// What the speed does, in plain words (the control's tooltip).
    pub fn explain(self) -> String {
        const SAME: &str = "Times shown stay in the program's seconds.";
        if self.is_normal() {
            return format!(
                "Speed 1×: the program's waits last as long as they say. {SAME} Slow down to watch a 1 ms interleaving; speed up a long lesson. Applies from the next Run; step mode has its own virtual clock."
            );
        }
        let (how, reads) = if self.0 < 1.0 { ("longer", "shorter") } else { ("shorter", "longer") };
        let x = self.stretch();
        format!(
            "Speed {}: every wait (sleep, timeouts, the simulated API, time.sleep) lasts {x}× {how} in real time. {SAME} CPU work and real requests are not slowed or sped up: they take their real time, which reads {x}× {reads} on the program's clock. A timer the browser fires late while nothing else ran reads its due time (its lateness is the browser's, not the program's); lateness under 15 ms of real time is not drawn. Applies from the next Run; step mode has its own virtual clock.",
            self.label()
        )
    }
}
