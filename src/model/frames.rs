//! How smoothly the page drew while a run went: the browser reports each animation frame's
//! time, and a frozen page shows up as one long gap.

/// Frame times (ms, `performance.now()`) seen during a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrameStats {
    first: Option<f64>,
    last: Option<f64>,
    count: u32,
    longest: f64,
    intervals: Vec<f32>,
    /// The run's clock rate in slow motion (`None`: real time): gaps are read on the run's
    /// clock, like every time the page shows.
    speed: Option<f64>,
}

/// Intervals kept for the median (a 10-minute run at 60 Hz fits).
const KEEP: usize = 36_000;

impl FrameStats {
    /// Frames of a run whose clock goes at `speed` times real time: a gap of 100 ms of real
    /// time at 0.25× reads 25 ms, as the program's own clock saw it.
    pub fn at_speed(speed: f64) -> Self {
        FrameStats { speed: Some(speed), ..FrameStats::default() }
    }

    /// Real milliseconds as the run's clock reads them.
    fn on_run_clock(&self, real_ms: f64) -> f64 {
        real_ms * self.speed.unwrap_or(1.0)
    }

    /// A frame drawn at `t` (real ms).
    pub fn frame(&mut self, t: f64) {
        if let Some(last) = self.last {
            let gap = t - last;
            self.longest = self.longest.max(gap);
            if self.intervals.len() < KEEP {
                self.intervals.push(gap as f32);
            }
        }
        self.first.get_or_insert(t);
        self.last = Some(t);
        self.count += 1;
    }

    /// The longest time between two frames, in ms of the run's clock (how long the page was
    /// frozen).
    pub fn longest_ms(&self) -> f64 {
        self.on_run_clock(self.longest)
    }

    /// Frames per second of real time: how smoothly the page drew (a rate of the browser's,
    /// not a time of the program's).
    pub fn fps(&self) -> Option<f64> {
        let span = self.last? - self.first?;
        (span > 0.0).then(|| (self.count - 1) as f64 * 1000.0 / span)
    }

    /// The median time between two frames, in ms of the run's clock.
    pub fn median_ms(&self) -> Option<f64> {
        let mut v = self.intervals.clone();
        v.sort_by(f32::total_cmp);
        v.get(v.len() / 2).map(|&x| self.on_run_clock(x as f64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frozen_page_shows_as_the_longest_gap() {
        let mut f = FrameStats::default();
        for t in [0.0, 16.7, 33.3, 50.0, 2050.0, 2066.7] {
            f.frame(t);
        }
        assert_eq!(f.longest_ms(), 2000.0);
        assert!((f.median_ms().unwrap() - 16.7).abs() < 0.01);
        assert!((f.fps().unwrap() - 5.0 * 1000.0 / 2066.7).abs() < 1e-9);
    }

    #[test]
    fn in_slow_motion_gaps_read_on_the_runs_clock_and_the_rate_stays_real() {
        let mut f = FrameStats::at_speed(0.25);
        for t in [0.0, 20.0, 40.0, 8040.0] {
            f.frame(t);
        }
        assert_eq!(f.longest_ms(), 2000.0);
        assert_eq!(f.median_ms(), Some(5.0));
        assert!((f.fps().unwrap() - 3.0 * 1000.0 / 8040.0).abs() < 1e-9);
    }
}
