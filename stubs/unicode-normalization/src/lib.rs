//! Stand-in for `unicode-normalization` (see README.md): the parser uses it only to NFKC-normalise
//! non-ASCII identifiers; here that is the identity.

/// The one method the parser calls.
pub trait UnicodeNormalization<'a> {
    /// The characters unchanged (the real crate would NFKC-normalise them).
    fn nfkc(self) -> std::str::Chars<'a>;
}

impl<'a> UnicodeNormalization<'a> for &'a str {
    fn nfkc(self) -> std::str::Chars<'a> {
        self.chars()
    }
}
