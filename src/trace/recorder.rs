//! The bounded event log of one run. Wasm memory never shrinks, so the log has a fixed cap:
//! past it, events are counted as dropped instead of stored, and the UI says so. Texts (names,
//! printed lines, messages) live in a side table with a byte budget of their own.
//!
//! Both grow in fixed-size chunks rather than by doubling one buffer: a doubling copy briefly
//! needs old and new buffers at once, which for a million events would take wasm memory (which
//! never gives memory back) far past what the log itself holds.

use super::event::{Event, EventKind, Micros, TaskId, Text};

/// Default cap: a million events, 40 bytes each, stay well inside 64 MiB with their texts.
pub const DEFAULT_EVENT_CAP: usize = 1_000_000;
/// Default budget for the text table, in bytes.
pub const DEFAULT_TEXT_BUDGET: usize = 16 * 1024 * 1024;
/// Texts longer than this are cut (with an ellipsis) before they are stored.
const MAX_TEXT_CHARS: usize = 2_000;
const DROPPED_TEXT: &str = "(text dropped: recorder full)";
/// Events per chunk (640 KiB).
const EVENT_CHUNK: usize = 16 * 1024;
/// Bytes of text per chunk.
const TEXT_CHUNK: usize = 256 * 1024;

#[derive(Debug)]
pub struct Recorder {
    chunks: Vec<Vec<Event>>,
    len: usize,
    cap: usize,
    dropped: u64,
    /// Texts end to end in chunks; `spans` (chunk, start, length) cut them into entries, so
    /// storing a text is not an allocation of its own.
    text_chunks: Vec<String>,
    spans: Vec<(u32, u32, u32)>,
    text_bytes: usize,
    text_budget: usize,
}

/// The recorded events, in order (a view over the recorder's chunks).
#[derive(Clone, Copy)]
pub struct Events<'a> {
    chunks: &'a [Vec<Event>],
    len: usize,
}

impl<'a> Events<'a> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<&'a Event> {
        self.chunks.get(i / EVENT_CHUNK)?.get(i % EVENT_CHUNK)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a Event> + 'a {
        self.chunks.iter().flatten()
    }

    /// Events from index `start` on.
    pub fn iter_from(&self, start: usize) -> impl Iterator<Item = &'a Event> + 'a {
        let (chunk, offset) = (start / EVENT_CHUNK, start % EVENT_CHUNK);
        let chunks = self.chunks.get(chunk..).unwrap_or(&[]);
        chunks.iter().flatten().skip(offset)
    }
}

impl<'a> IntoIterator for Events<'a> {
    type Item = &'a Event;
    type IntoIter = std::iter::Flatten<std::slice::Iter<'a, Vec<Event>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.chunks.iter().flatten()
    }
}

impl Default for Recorder {
    fn default() -> Self {
        Self::with_limits(DEFAULT_EVENT_CAP, DEFAULT_TEXT_BUDGET)
    }
}

impl Recorder {
    pub fn with_limits(cap: usize, text_budget: usize) -> Self {
        // Text(0) stands in for any text that did not fit the budget.
        let mut first = String::with_capacity(TEXT_CHUNK);
        first.push_str(DROPPED_TEXT);
        Recorder {
            chunks: Vec::new(),
            len: 0,
            cap,
            dropped: 0,
            text_chunks: vec![first],
            spans: vec![(0, 0, DROPPED_TEXT.len() as u32)],
            text_bytes: 0,
            text_budget,
        }
    }

    /// Appends an event, or counts it as dropped once the cap is reached.
    pub fn record(&mut self, time: Micros, task: TaskId, kind: EventKind) {
        if self.len >= self.cap {
            self.dropped += 1;
            return;
        }
        if self.len.is_multiple_of(EVENT_CHUNK) {
            self.chunks.push(Vec::with_capacity(EVENT_CHUNK.min(self.cap - self.len)));
        }
        if let Some(chunk) = self.chunks.last_mut() {
            chunk.push(Event { time, task, kind });
            self.len += 1;
        }
    }

    /// Stores a text and returns its handle; over budget (or once events are being dropped) it
    /// returns the shared "(text dropped)" entry instead of growing.
    pub fn text(&mut self, s: &str) -> Text {
        if self.is_full() {
            return Text(0);
        }
        let s = clip(s);
        // Runs of one text (a thousand tasks named alike, a thousand `None` results) share one
        // entry: look back over the last few.
        let recent = self.spans.len().saturating_sub(4)..self.spans.len();
        if let Some(i) = recent.rev().find(|&i| self.resolve(Text(i as u32)) == s) {
            return Text(i as u32);
        }
        if self.text_bytes + s.len() > self.text_budget {
            return Text(0);
        }
        let full = self.text_chunks.last().is_none_or(|c| c.len() + s.len() > c.capacity());
        if full {
            self.text_chunks.push(String::with_capacity(TEXT_CHUNK.max(s.len())));
        }
        let chunk = self.text_chunks.len() - 1;
        let buf = &mut self.text_chunks[chunk];
        let start = buf.len() as u32;
        buf.push_str(&s);
        self.text_bytes += s.len();
        self.spans.push((chunk as u32, start, s.len() as u32));
        Text(self.spans.len() as u32 - 1)
    }

    pub fn resolve(&self, t: Text) -> &str {
        let Some(&(chunk, start, len)) = self.spans.get(t.0 as usize) else {
            return "";
        };
        let (start, end) = (start as usize, (start + len) as usize);
        self.text_chunks.get(chunk as usize).and_then(|c| c.get(start..end)).unwrap_or("")
    }

    pub fn is_full(&self) -> bool {
        self.len >= self.cap
    }

    pub fn events(&self) -> Events<'_> {
        Events { chunks: &self.chunks, len: self.len }
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
        self.chunks.iter().map(|c| c.capacity() * std::mem::size_of::<Event>()).sum::<usize>()
            + self.spans.capacity() * std::mem::size_of::<(u32, u32, u32)>()
            + self.text_chunks.iter().map(String::capacity).sum::<usize>()
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
        assert_eq!(r.events().get(2).map(|e| e.time), Some(2));
        assert_eq!(r.events().iter_from(1).map(|e| e.time).collect::<Vec<_>>(), vec![1, 2]);
    }

    #[test]
    fn a_countdown_keeps_two_significant_digits() {
        use crate::trace::countdown_shown;
        let kept: Vec<u32> = (0..=100_000).rev().filter(|&n| countdown_shown(n)).collect();
        assert_eq!(kept[..4], [100_000, 99_000, 98_000, 97_000]);
        assert!(kept.contains(&1_100) && kept.contains(&990) && kept.contains(&100) && kept.contains(&99));
        assert!(!countdown_shown(1_101) && !countdown_shown(101) && !countdown_shown(99_999));
        assert_eq!(kept.len(), 101 + 90 * 3);
    }

    #[test]
    fn repeated_texts_share_an_entry() {
        let mut r = Recorder::default();
        let a = r.text("t");
        let b = r.text("t");
        let c = r.text("None");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(r.resolve(c), "None");
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
        assert!(r.memory_bytes() <= 64 * 1024 * 1024, "{} bytes", r.memory_bytes());
    }

    #[test]
    fn long_texts_are_clipped_and_the_budget_holds() {
        let mut r = Recorder::with_limits(100, 3_000);
        let long = "x".repeat(10_000);
        let t = r.text(&long);
        assert_eq!(r.resolve(t).chars().count(), MAX_TEXT_CHARS + 1);
        assert!(r.resolve(t).ends_with('…'));
        let over = r.text(&"y".repeat(10_000));
        assert_eq!(r.resolve(over), DROPPED_TEXT);
        let t = r.text("ünïcode");
        assert_eq!(r.resolve(t), "ünïcode");
    }
}
