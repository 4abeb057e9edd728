//! The bounded event log of one run. Wasm memory never shrinks, so the log has a fixed cap:
//! past it, events are counted as dropped instead of stored, and the UI says so. Texts (names,
//! printed lines, messages) live in a side table with a byte budget of their own.

use super::event::{Event, EventKind, Micros, TaskId, Text};

/// Default cap: a million events, 40 bytes each, stay well inside 64 MiB with their texts.
pub const DEFAULT_EVENT_CAP: usize = 1_000_000;
/// Default budget for the text table, in bytes.
pub const DEFAULT_TEXT_BUDGET: usize = 16 * 1024 * 1024;
/// Texts longer than this are cut (with an ellipsis) before they are stored.
const MAX_TEXT_CHARS: usize = 2_000;
const DROPPED_TEXT: &str = "(text dropped: recorder full)";

#[derive(Debug)]
pub struct Recorder {
    events: Vec<Event>,
    cap: usize,
    dropped: u64,
    /// All texts, end to end; `spans` cut it into entries (one allocation, not one per text).
    text_buf: String,
    spans: Vec<(u32, u32)>,
    text_budget: usize,
}

impl Default for Recorder {
    fn default() -> Self {
        Self::with_limits(DEFAULT_EVENT_CAP, DEFAULT_TEXT_BUDGET)
    }
}

impl Recorder {
    pub fn with_limits(cap: usize, text_budget: usize) -> Self {
        Recorder {
            events: Vec::new(),
            cap,
            dropped: 0,
            // Text(0) stands in for any text that did not fit the budget.
            text_buf: DROPPED_TEXT.to_string(),
            spans: vec![(0, DROPPED_TEXT.len() as u32)],
            text_budget,
        }
    }

    /// Appends an event, or counts it as dropped once the cap is reached.
    pub fn record(&mut self, time: Micros, task: TaskId, kind: EventKind) {
        if self.events.len() < self.cap {
            self.events.push(Event { time, task, kind });
        } else {
            self.dropped += 1;
        }
    }

    /// Stores a text and returns its handle; over budget (or once events are being dropped) it
    /// returns the shared "(text dropped)" entry instead of growing.
    pub fn text(&mut self, s: &str) -> Text {
        if self.is_full() {
            return Text(0);
        }
        let s = clip(s);
        if self.text_buf.len() + s.len() > self.text_budget {
            return Text(0);
        }
        let start = self.text_buf.len() as u32;
        self.text_buf.push_str(&s);
        self.spans.push((start, s.len() as u32));
        Text(self.spans.len() as u32 - 1)
    }

    pub fn resolve(&self, t: Text) -> &str {
        self.spans.get(t.0 as usize).map_or("", |&(start, len)| {
            &self.text_buf[start as usize..(start + len) as usize]
        })
    }

    pub fn is_full(&self) -> bool {
        self.events.len() >= self.cap
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How many events did not fit the cap.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Bytes the log holds on to (events plus texts), for the memory benchmark and the UI.
    pub fn memory_bytes(&self) -> usize {
        self.events.capacity() * std::mem::size_of::<Event>()
            + self.spans.capacity() * std::mem::size_of::<(u32, u32)>()
            + self.text_buf.capacity()
    }
}

fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(MAX_TEXT_CHARS) {
        None => s.into(),
        Some((cut, _)) => format!("{}…", &s[..cut]).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_cap_events_are_counted_not_stored() {
        let mut r = Recorder::with_limits(3, 1024);
        for i in 0..10 {
            r.record(i, TaskId(0), EventKind::PollStart);
        }
        assert_eq!(r.events().len(), 3);
        assert_eq!(r.dropped(), 7);
        assert_eq!(r.events()[2].time, 2);
    }

    #[test]
    fn a_million_events_fit_in_64_mib() {
        let mut r = Recorder::default();
        for i in 0..1_200_000u64 {
            let t = r.text("tick");
            r.record(i, TaskId(1), EventKind::Print { text: t });
        }
        assert_eq!(r.events().len(), DEFAULT_EVENT_CAP);
        assert_eq!(r.dropped(), 200_000);
        assert!(
            r.memory_bytes() <= 64 * 1024 * 1024,
            "{} bytes",
            r.memory_bytes()
        );
    }

    #[test]
    fn long_texts_are_clipped_and_the_budget_holds() {
        let mut r = Recorder::with_limits(100, 3_000);
        let long = "x".repeat(10_000);
        let t = r.text(&long);
        assert_eq!(r.resolve(t).chars().count(), MAX_TEXT_CHARS + 1);
        assert!(r.resolve(t).ends_with('…'));
        let over = r.text(&long);
        assert_eq!(r.resolve(over), DROPPED_TEXT);
        let t = r.text("ünïcode");
        assert_eq!(r.resolve(t), "ünïcode");
    }
}
