//! Work that `to_thread` can hand to a Web Worker. A worker runs its own copy of this wasm with
//! its own memory, so a closure cannot travel there: jobs are named, with plain arguments, and
//! cross as text. Pure and native-testable; the worker side is `worker_run` in `thread.rs`.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Job {
    /// CPU-bound: count the primes below `below` by trial division.
    CountPrimes { below: u64 },
    /// I/O-bound stand-in: wait `secs` without using the CPU.
    Io { secs: f64 },
}

impl fmt::Display for Job {
    /// How the job is written in Python (shown in the log and on the timeline).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Job::CountPrimes { below } => write!(f, "count_primes({below})"),
            Job::Io { secs } => write!(f, "blocking_io({})", crate::aio::PyRepr::py_repr(secs)),
        }
    }
}

impl Job {
    /// The wire form posted to the worker.
    pub fn encode(&self) -> String {
        match self {
            Job::CountPrimes { below } => format!("count_primes {below}"),
            Job::Io { secs } => format!("io {secs}"),
        }
    }

    pub fn decode(text: &str) -> Result<Job, String> {
        let (name, arg) = text.split_once(' ').ok_or_else(|| format!("malformed job {text:?}"))?;
        match name {
            "count_primes" => arg
                .parse()
                .map(|below| Job::CountPrimes { below })
                .map_err(|e| format!("bad count_primes argument: {e}")),
            "io" => match arg.parse::<f64>() {
                Ok(secs) if secs.is_finite() && secs >= 0.0 => Ok(Job::Io { secs }),
                _ => Err(format!("bad io argument {arg:?}")),
            },
            _ => Err(format!("unknown job {name:?}")),
        }
    }
}

/// Counts primes below `n`: deliberately plain trial division, so the CPU cost is real.
pub fn count_primes(below: u64) -> u64 {
    let mut count = 0;
    let mut n = 2;
    while n < below {
        let mut d = 2;
        let mut prime = true;
        while d * d <= n {
            if n % d == 0 {
                prime = false;
                break;
            }
            d += 1;
        }
        count += u64::from(prime);
        n += 1;
    }
    // Inline in a task, this held the loop: the task's next event must read the clock.
    crate::runtime::clock_moved();
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_cross_as_text_and_bad_text_is_refused() {
        for job in [Job::CountPrimes { below: 100_000 }, Job::Io { secs: 1.5 }] {
            assert_eq!(Job::decode(&job.encode()), Ok(job));
        }
        for bad in ["", "count_primes", "count_primes -1", "io NaN", "io -2", "rm -rf /"] {
            assert!(Job::decode(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn counts_primes() {
        assert_eq!(count_primes(2), 0);
        assert_eq!(count_primes(100), 25);
        assert_eq!(count_primes(10_000), 1229);
    }
}
