//! Colour codes in printed text (`"\x1b[36m"`), read as a terminal reads them: tutorials colour
//! their output so (Real Python's asyncio walkthrough does), and the page shows the colours
//! instead of the escape bytes. Only SGR's colours and bold are kept; every other escape
//! sequence is dropped. Hand-written: the few codes worth showing fit in one small function,
//! smaller than a terminal-emulation crate.

/// A stretch of text in one look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Styled<'a> {
    pub text: &'a str,
    /// One of the 16 terminal colours (0–7 normal, 8–15 bright), or the page's own.
    pub colour: Option<u8>,
    pub bold: bool,
}

const ESC: char = '\x1b';

/// Does the text hold any escape sequence to read?
pub fn has_codes(text: &str) -> bool {
    text.contains(ESC)
}

/// The text cut at its escape sequences, each stretch with the look the codes before it set.
pub fn styled(text: &str) -> Vec<Styled<'_>> {
    let mut out = Vec::new();
    let (mut colour, mut bold) = (None, false);
    let mut rest = text;
    while let Some(at) = rest.find(ESC) {
        if at > 0 {
            out.push(Styled { text: &rest[..at], colour, bold });
        }
        let after = &rest[at + ESC.len_utf8()..];
        let Some(body) = after.strip_prefix('[') else {
            // A lone escape (or one of another kind): dropped, with the character after it.
            rest = after.get(after.chars().next().map_or(0, char::len_utf8)..).unwrap_or("");
            continue;
        };
        // A control sequence: parameters and intermediates, then one final byte in @..~.
        let end = body.find(|c: char| ('@'..='~').contains(&c)).unwrap_or(body.len());
        let (params, final_byte) = (&body[..end], body[end..].chars().next());
        if final_byte == Some('m') {
            apply(params, &mut colour, &mut bold);
        }
        rest = body.get(end + final_byte.map_or(0, char::len_utf8)..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push(Styled { text: rest, colour, bold });
    }
    out
}

/// The text without its escape sequences (where no colour can be drawn: exports, tooltips).
pub fn plain(text: &str) -> String {
    styled(text).iter().map(|s| s.text).collect()
}

/// One SGR sequence's parameters (`0`, `1;31`, `38;5;208`: the 256-colour and RGB forms are
/// read past, leaving the colour as it was).
fn apply(params: &str, colour: &mut Option<u8>, bold: &mut bool) {
    let mut codes = params.split(';').map(|p| if p.is_empty() { Some(0) } else { p.parse::<u16>().ok() });
    while let Some(code) = codes.next() {
        match code {
            Some(0) => (*colour, *bold) = (None, false),
            Some(1) => *bold = true,
            Some(22) => *bold = false,
            Some(c @ 30..=37) => *colour = Some((c - 30) as u8),
            Some(c @ 90..=97) => *colour = Some((c - 90 + 8) as u8),
            Some(39) => *colour = None,
            Some(38) => match codes.next() {
                Some(Some(5)) => {
                    codes.next();
                }
                Some(Some(2)) => {
                    codes.nth(2);
                }
                _ => {}
            },
            _ => {}
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// Printed text is the user's: any of it is read without a panic (which would abort the
        /// page), keeps every character outside the codes, and shows no escape.
        #[test]
        fn any_text_is_read_without_a_panic(text in "[\\x1b\\[;m0-9a-zé\\x07]{0,40}") {
            let shown = plain(&text);
            prop_assert!(!shown.contains(ESC));
            if !has_codes(&text) {
                prop_assert_eq!(shown, text);
            }
        }
    }

    fn looks(text: &str) -> Vec<(&str, Option<u8>, bool)> {
        styled(text).into_iter().map(|s| (s.text, s.colour, s.bold)).collect()
    }

    #[test]
    fn colours_and_bold_are_read_and_the_codes_never_shown() {
        // Real Python's rand.py: `c = ("\033[0m", "\033[36m", "\033[91m", "\033[35m")`.
        assert_eq!(
            looks("\x1b[36mInitiated makerandom(0).\x1b[0m done"),
            [("Initiated makerandom(0).", Some(6), false), (" done", None, false)]
        );
        assert_eq!(
            looks("\x1b[1;91mbad\x1b[22m still red\x1b[39m"),
            [("bad", Some(9), true), (" still red", Some(9), false)]
        );
        assert_eq!(looks("\x1b[mplain"), [("plain", None, false)]);
        assert_eq!(looks("no codes"), [("no codes", None, false)]);
    }

    #[test]
    fn other_sequences_and_broken_ones_are_dropped_without_a_trace() {
        assert_eq!(
            looks("a\x1b[2Kb\x1b[38;5;208mc\x1b[38;2;1;2;3md"),
            [("a", None, false), ("b", None, false), ("c", None, false), ("d", None, false)]
        );
        assert_eq!(looks("x\x1b"), [("x", None, false)]);
        assert_eq!(looks("x\x1b["), [("x", None, false)]);
        assert_eq!(looks("x\x1b[31"), [("x", None, false)]);
        assert_eq!(looks("\x1bé!"), [("!", None, false)]);
        assert_eq!(looks("\x1b[99999999999m\x1b[;;;m\x1b[é"), []);
        assert_eq!(plain("\x1b[35mmagenta\x1b[0m!"), "magenta!");
    }
}
